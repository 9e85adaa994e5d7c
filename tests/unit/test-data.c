/* test-data.c: data files are found from the source tree and through PAMPHLET_DATADIR. */
#include "base/pm-data.h"
#include "pm-test.h"

static void
test_source_tree (void)
{
  char *path = pm_data_find ("layout/main.c");
  g_assert_nonnull (path);
  g_assert_true (g_str_has_suffix (path, "layout/main.c"));
  g_free (path);
  g_assert_null (pm_data_find ("no/such/file"));
}

static void
test_env_first (void)
{
  char *file = pm_test_write_file ("marker.txt", "x", -1);
  g_setenv ("PAMPHLET_DATADIR", pm_test_tmpdir (), TRUE);
  char *path = pm_data_find ("marker.txt");
  g_assert_cmpstr (path, ==, file);
  g_unsetenv ("PAMPHLET_DATADIR");
  g_free (path);
  g_free (file);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/data/source-tree", test_source_tree);
  g_test_add_func ("/data/env-first", test_env_first);
  return g_test_run ();
}
