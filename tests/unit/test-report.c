/* test-report.c: the build report's JSON: per-document figures, totals, timings. */
#include "edition/pm-report.h"
#include "pm-test.h"

#include <json-glib/json-glib.h>

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

  g_autoptr (JsonParser) parser = json_parser_new ();
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "pages"), ==, 7);
  JsonArray *docs = json_object_get_array_member (root, "documents");
  g_assert_cmpuint (json_array_get_length (docs), ==, 2);
  JsonObject *d0 = json_array_get_object_element (docs, 0);
  g_assert_cmpstr (json_object_get_string_member (d0, "lang"), ==, "el");
  g_assert_cmpint (json_object_get_int_member (d0, "hyphenated"), ==, 2);
  JsonObject *total = json_object_get_object_member (root, "total");
  g_assert_cmpint (json_object_get_int_member (total, "lines"), ==, 15);
  g_assert_cmpint (json_object_get_int_member (total, "widows"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (total, "max_hyphen_run"), ==, 2);
  g_assert_false (json_object_has_member (total, "pages"));
  JsonObject *t = json_object_get_object_member (root, "timings_ms");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (t, "read"), 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (t, "pages"), 2.0, 1e-9);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "warnings")), ==, 1);
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/json", test_json);
  g_test_add_func ("/report/write-error", test_write_error);
  return g_test_run ();
}
