/* test-memory.c: whether a memory checker watches the process. */
#include "base/pm-memory.h"

static void
test_checked (void)
{
#if defined(__SANITIZE_ADDRESS__)
  g_assert_true (pm_memory_is_checked ());
#else
  /* The tests run without valgrind, unless someone runs them under it. */
  g_assert_cmpint (pm_memory_is_checked (), ==, g_getenv ("PM_TEST_VALGRIND") != NULL);
#endif
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/memory/checked", test_checked);
  return g_test_run ();
}
