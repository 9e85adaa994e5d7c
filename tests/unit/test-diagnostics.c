/* test-diagnostics.c: located messages, their format, order and conversion to GError. */
#include "base/pm-diagnostics.h"
#include "base/pm-error.h"

static void
test_format (void)
{
  PmDiagnostics *d = pm_diagnostics_new ();
  pm_diagnostics_add (d, PM_SEVERITY_ERROR, "a.md", 3, 7, "bad %s", "thing");
  pm_diagnostics_add (d, PM_SEVERITY_WARNING, "a.md", 0, 0, "whole file");
  char *s0 = pm_diagnostic_format (pm_diagnostics_get (d, 0));
  char *s1 = pm_diagnostic_format (pm_diagnostics_get (d, 1));
  g_assert_cmpstr (s0, ==, "a.md:3:7: error: bad thing");
  g_assert_cmpstr (s1, ==, "a.md: warning: whole file");
  g_assert_cmpuint (pm_diagnostics_count (d, PM_SEVERITY_ERROR), ==, 1);
  g_assert_cmpuint (pm_diagnostics_count (d, PM_SEVERITY_WARNING), ==, 1);
  g_free (s0);
  g_free (s1);
  pm_diagnostics_free (d);
}

static void
test_sort_is_stable (void)
{
  PmDiagnostics *d = pm_diagnostics_new ();
  pm_diagnostics_add (d, PM_SEVERITY_ERROR, "b.md", 1, 1, "b");
  pm_diagnostics_add (d, PM_SEVERITY_ERROR, "a.md", 9, 1, "a9");
  pm_diagnostics_add (d, PM_SEVERITY_ERROR, "a.md", 2, 5, "first");
  pm_diagnostics_add (d, PM_SEVERITY_WARNING, "a.md", 2, 5, "second");
  pm_diagnostics_sort (d);
  g_assert_cmpstr (pm_diagnostics_get (d, 0)->message, ==, "first");
  g_assert_cmpstr (pm_diagnostics_get (d, 1)->message, ==, "second");
  g_assert_cmpstr (pm_diagnostics_get (d, 2)->message, ==, "a9");
  g_assert_cmpstr (pm_diagnostics_get (d, 3)->message, ==, "b");
  pm_diagnostics_free (d);
}

static void
test_to_error (void)
{
  PmDiagnostics *d = pm_diagnostics_new ();
  GError *error = NULL;
  pm_diagnostics_add (d, PM_SEVERITY_WARNING, "x.md", 1, 1, "only a warning");
  g_assert_true (pm_diagnostics_to_error (d, &error));
  g_assert_no_error (error);
  pm_diagnostics_add (d, PM_SEVERITY_ERROR, "x.md", 4, 2, "broken");
  g_assert_false (pm_diagnostics_to_error (d, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_INPUT);
  g_assert_cmpstr (error->message, ==, "x.md:4:2: error: broken");
  g_error_free (error);
  pm_diagnostics_free (d);
}

static void
test_append (void)
{
  PmDiagnostics *a = pm_diagnostics_new (), *b = pm_diagnostics_new ();
  pm_diagnostics_add (a, PM_SEVERITY_WARNING, "a.md", 1, 2, "first");
  pm_diagnostics_add (b, PM_SEVERITY_ERROR, "b.md", 3, 4, "100%% second");
  pm_diagnostics_add (b, PM_SEVERITY_WARNING, "b.md", 0, 0, "third");
  pm_diagnostics_append (a, b);
  g_assert_cmpuint (pm_diagnostics_length (a), ==, 3);
  g_assert_cmpuint (pm_diagnostics_length (b), ==, 2);
  char *s1 = pm_diagnostic_format (pm_diagnostics_get (a, 1));
  char *s2 = pm_diagnostic_format (pm_diagnostics_get (a, 2));
  g_assert_cmpstr (s1, ==, "b.md:3:4: error: 100% second");
  g_assert_cmpstr (s2, ==, "b.md: warning: third");
  g_free (s1);
  g_free (s2);
  pm_diagnostics_free (a);
  pm_diagnostics_free (b);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/diagnostics/format", test_format);
  g_test_add_func ("/diagnostics/sort-is-stable", test_sort_is_stable);
  g_test_add_func ("/diagnostics/to-error", test_to_error);
  g_test_add_func ("/diagnostics/append", test_append);
  return g_test_run ();
}
