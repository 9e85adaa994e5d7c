/* pm-test-output.c: shared helpers of the output tests. */
#include "pm-test-output.h"

#include <stdio.h>
#include <string.h>

PmRecordedDoc *
pm_test_numbered_doc (guint n, double bleed)
{
  PmRecordedDoc *doc = pm_recorded_doc_new (PM_TEST_A5_WIDTH, PM_TEST_A5_HEIGHT, bleed);
  for (guint k = 1; k <= n; k++) {
    char label[16];
    g_snprintf (label, sizeof label, "%u", k - 1);
    cairo_t *cr = pm_recorded_doc_begin_page (doc, k == 1 ? NULL : label);
    if (k == 1) {
      cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
      cairo_rectangle (cr, -bleed, -bleed, PM_TEST_A5_WIDTH + 2 * bleed,
                       PM_TEST_A5_HEIGHT + 2 * bleed);
      cairo_fill (cr);
    }
    char text[32];
    g_snprintf (text, sizeof text, "Page %u", k);
    cairo_select_font_face (cr, "Noto Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size (cr, 24);
    cairo_set_source_rgb (cr, 0, 0, 0);
    cairo_move_to (cr, 100, 304);
    cairo_show_text (cr, text);
    pm_recorded_doc_end_page (doc);
  }
  return doc;
}

char *
pm_test_run (const char *const *argv)
{
  char *out = NULL, *err = NULL;
  int status = 0;
  GError *error = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  g_free (err);
  return out;
}

char *
pm_test_pdf_text (const char *pdf, int page, double x, double y, double w, double h)
{
  char p[16], sx[32], sy[32], sw[32], sh[32];
  g_snprintf (p, sizeof p, "%d", page);
  /* pdftotext -x/-y/-W/-H are in pixels at -r, so 72 dpi makes them points. */
  g_snprintf (sx, sizeof sx, "%d", (int)x);
  g_snprintf (sy, sizeof sy, "%d", (int)y);
  g_snprintf (sw, sizeof sw, "%d", (int)w);
  g_snprintf (sh, sizeof sh, "%d", (int)h);
  const char *whole[] = { "pdftotext", "-f", p, "-l", p, pdf, "-", NULL };
  const char *crop[] = { "pdftotext", "-f", p,    "-l", p,    "-r", "72", "-x", sx,
                         "-y",        sy,   "-W", sw,   "-H", sh,   pdf,  "-",  NULL };
  char *out = pm_test_run (w > 0 ? crop : whole);
  char **words = g_strsplit_set (out, " \t\n\f\r", -1);
  GString *s = g_string_new (NULL);
  for (char **word = words; *word; word++) {
    if (!**word)
      continue;
    if (s->len)
      g_string_append_c (s, ' ');
    g_string_append (s, *word);
  }
  g_strfreev (words);
  g_free (out);
  return g_string_free (s, FALSE);
}

char *
pm_test_qpdf_json (const char *pdf)
{
  const char *argv[] = { "qpdf", "--json", pdf, NULL };
  return pm_test_run (argv);
}

char *
pm_test_pdf_boxes (const char *pdf)
{
  /* One run of qpdf's JSON for every page's boxes, through Python's json module. */
  const char *script = "import json,subprocess,sys\n"
                       "j=json.loads(subprocess.check_output(['qpdf','--json=1','--json-key=pages',"
                       "'--json-key=objects',sys.argv[1]]))\n"
                       "o=j['objects']\n"
                       "for n,p in enumerate(j['pages']):\n"
                       "  d=o[p['object']]\n"
                       "  for k in ('/MediaBox','/BleedBox','/TrimBox'):\n"
                       "    b=d.get(k)\n"
                       "    if isinstance(b,str): b=o[b]\n"
                       "    if b: print(n+1, k, *b)\n";
  const char *argv[] = { "python3", "-c", script, pdf, NULL };
  return pm_test_run (argv);
}

void
pm_test_pdf_box (const char *boxes, int page, const char *key, double box[4])
{
  g_autofree char *prefix = g_strdup_printf ("%d %s ", page, key);
  g_auto (GStrv) lines = g_strsplit (boxes, "\n", -1);
  for (char **line = lines; *line; line++) {
    if (g_str_has_prefix (*line, prefix)) {
      g_assert_cmpint (
          sscanf (*line + strlen (prefix), "%lf %lf %lf %lf", &box[0], &box[1], &box[2], &box[3]),
          ==, 4);
      return;
    }
  }
  g_error ("no %s on page %d in:\n%s", key, page, boxes);
}

gboolean
pm_test_same_file (const char *a, const char *b)
{
  char *ca = NULL, *cb = NULL;
  gsize la = 0, lb = 0;
  g_assert_true (g_file_get_contents (a, &ca, &la, NULL));
  g_assert_true (g_file_get_contents (b, &cb, &lb, NULL));
  gboolean same = la == lb && memcmp (ca, cb, la) == 0;
  g_free (ca);
  g_free (cb);
  return same;
}
