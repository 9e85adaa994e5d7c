/* test-report.c: the build report's JSON: per-document figures, totals, timings. */
#include "edition/pm-report.h"
#include "pm-test-output.h"
#include "pm-test.h"

static void
test_json (void)
{
  g_autoptr (GError) error = NULL;
  PmReport *r = pm_report_new ();
  PmDocumentReport *a = pm_report_add_document (r, "a.md", "el");
  a->lines = 10;
  a->hyphenated = 2;
  a->max_hyphen_run = 2;
  PmDocumentReport *b = pm_report_add_document (r, "b.md", "ru");
  b->lines = 5;
  b->max_hyphen_run = 1;
  b->widows = 1;
  pm_report_set_pages (r, 7);
  pm_report_add_time (r, "read", 0.001);
  pm_report_add_time (r, "pages", 0.002);
  pm_report_add_time (r, "read", 0.001);
  pm_report_add_warning (r, "x.md:1:1: warning: something");
  g_autofree char *path = g_build_filename (pm_test_tmpdir (), "report.json", NULL);
  g_assert_true (pm_report_write (r, path, &error));
  pm_report_free (r);

  /* Read back by Python's json module: the figures asked for, one per line. */
  const char *script =
      "import json,sys\n"
      "r=json.load(open(sys.argv[1]))\n"
      "d=r['documents']\n"
      "t=r['total']\n"
      "for v in (r['pages'], len(d), d[0]['lang'], d[0]['hyphenated'], d[1]['path'], t['lines'],\n"
      "          t['widows'], t['max_hyphen_run'], 'pages' in t, r['timings_ms']['read'],\n"
      "          r['timings_ms']['pages'], list(r['timings_ms']), r['warnings']):\n"
      "  print(v)\n";
  const char *argv[] = { "python3", "-c", script, path, NULL };
  g_autofree char *got = pm_test_run (argv);
  g_assert_cmpstr (got, ==,
                   "7\n2\nel\n2\nb.md\n15\n1\n2\nFalse\n2\n2\n['read', 'pages']\n"
                   "['x.md:1:1: warning: something']\n");
  g_assert_cmpint (pm_report_read_pages (path), ==, 7);
}

static void
test_write_error (void)
{
  GError *error = NULL;
  PmReport *r = pm_report_new ();
  g_assert_false (pm_report_write (r, "/nonexistent/dir/report.json", &error));
  g_assert_nonnull (error);
  g_error_free (error);
  pm_report_free (r);
}

/* The page count is read back from what pm_report_write() wrote, and from nothing else. */
static void
test_read_pages (void)
{
  static const struct {
    const char *text;
    gint64 pages;
  } cases[] = {
    { "{\n  \"pages\": 12,\n  \"documents\": []\n}\n", 12 },
    { "{\"pages\":0}", 0 },
    { " { \"pages\" : 3 , \"x\": 1}", 3 },
    { "", -1 },
    { "{}", -1 },
    { "[\"pages\", 3]", -1 },
    { "{\"documents\": [], \"pages\": 3}", -1 },
    { "{\"pages\": -3}", -1 },
    { "{\"pages\": 3.5}", -1 },
    { "{\"pages\": \"3\"}", -1 },
    { "{\"pages\": 99999999999}", -1 },
    { "{\"pages\": 3", -1 },
    { "{\"pagesx\": 3}", -1 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *path = pm_test_write_file ("pages.json", cases[i].text, -1);
    g_assert_cmpint (pm_report_read_pages (path), ==, cases[i].pages);
  }
  g_autofree char *missing = g_build_filename (pm_test_tmpdir (), "missing.json", NULL);
  g_assert_cmpint (pm_report_read_pages (missing), ==, -1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/json", test_json);
  g_test_add_func ("/report/write-error", test_write_error);
  g_test_add_func ("/report/read-pages", test_read_pages);
  return g_test_run ();
}
