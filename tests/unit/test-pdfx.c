/* test-pdfx.c: PDF/X-3 through Ghostscript: markers, output intent, boxes, text and fonts. */
#include "output/pm-pdf.h"
#include "output/pm-pdfx.h"
#include "pm-test-output.h"
#include "pm-test.h"

#define MM (72.0 / 25.4)

static void
test_pdfx (void)
{
  g_autofree char *profile = pm_pdfx_default_profile ();
  g_assert_nonnull (profile);
  double bleed = 3 * MM;
  g_autoptr (PmRecordedDoc) doc = pm_test_numbered_doc (3, bleed);
  pm_recorded_doc_set_meta (doc, PM_META_TITLE, "PDF/X (test)");
  pm_recorded_doc_set_date (doc, 1700000000);
  g_autofree char *path = g_build_filename (pm_test_tmpdir (), "x3.pdf", NULL);
  PmPrintOptions print = { .bleed = bleed, .crop_marks = TRUE, .pdfx = TRUE };
  g_autoptr (GError) error = NULL;
  g_assert_true (pm_pdf_write (doc, path, &print, &error));
  g_assert_no_error (error);

  const char *script = "import json,subprocess,sys\n"
                       "j=json.loads(subprocess.check_output(['qpdf','--json=1',sys.argv[1]]))\n"
                       "o=j['objects']\n"
                       "def get(v): return o[v] if isinstance(v,str) and v.endswith(' R') else v\n"
                       "info=get(j['objects']['trailer']['/Info'])\n"
                       "print('version', info.get('/GTS_PDFXVersion'))\n"
                       "print('trapped', info.get('/Trapped'))\n"
                       "print('created', info.get('/CreationDate'))\n"
                       "root=get(j['objects']['trailer']['/Root'])\n"
                       "for i in get(root['/OutputIntents']):\n"
                       "  i=get(i)\n"
                       "  print('intent', i['/S'], i['/OutputConditionIdentifier'], "
                       "'profile' if '/DestOutputProfile' in i else 'none')\n"
                       "  p=get(i['/DestOutputProfile'])\n"
                       "  print('profile N', p['/N'])\n"
                       "for p in j['pages']:\n"
                       "  d=o[p['object']]\n"
                       "  print('boxes ' + ' | '.join(' '.join('%.2f' % v for v in get(d[k])) "
                       "for k in ('/MediaBox','/BleedBox','/TrimBox')))\n"
                       "raw=subprocess.check_output(['qpdf','--qdf','--object-streams=disable',"
                       "sys.argv[1],'-'])\n"
                       "print('rgb', raw.count(b'/DeviceRGB'), 'cmyk', b' k\\n' in raw)\n";
  const char *argv[] = { "python3", "-c", script, path, NULL };
  g_autofree char *out = pm_test_run (argv);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "version PDF/X-3:2002"));
  g_assert_nonnull (strstr (out, "trapped /False"));
  g_assert_nonnull (strstr (out, "created D:20231114221320Z"));
  g_assert_nonnull (strstr (out, "intent /GTS_PDFX FOGRA39 profile"));
  g_assert_nonnull (strstr (out, "profile N 4"));
  g_assert_nonnull (strstr (out, "rgb 0 cmyk True"));
  double m = pm_marks_margin (&print), w = PM_TEST_A5_WIDTH, h = PM_TEST_A5_HEIGHT;
  g_autofree char *boxes = g_strdup_printf (
      "boxes 0.00 0.00 %.2f %.2f | %.2f %.2f %.2f %.2f | %.2f %.2f %.2f %.2f\n", w + 2 * m,
      h + 2 * m, m - bleed, m - bleed, m + w + bleed, m + h + bleed, m, m, m + w, m + h);
  g_assert_nonnull (strstr (out, boxes));

  /* Text stays text, in embedded fonts; colours are CMYK. */
  g_autofree char *text = pm_test_pdf_text (path, 2, 0, 0, 0, 0);
  g_assert_cmpstr (text, ==, "Page 2");
  const char *fonts[] = { "pdffonts", path, NULL };
  g_autofree char *f = pm_test_run (fonts);
  g_assert_nonnull (strstr (f, "NotoSerif"));
  g_assert_null (strstr (f, " no "));
  const char *check[] = { "qpdf", "--check", path, NULL };
  g_autofree char *c = pm_test_run (check);
  g_assert_nonnull (strstr (c, "No syntax or stream encoding errors"));

  /* Reproducible through Ghostscript too. */
  g_autofree char *again = g_build_filename (pm_test_tmpdir (), "x3-again.pdf", NULL);
  g_assert_true (pm_pdf_write (doc, again, &print, NULL));
  g_assert_true (pm_test_same_file (path, again));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdfx/markers-intent-boxes", test_pdfx);
  return g_test_run ();
}
