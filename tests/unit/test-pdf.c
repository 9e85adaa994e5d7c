/* test-pdf.c: recorded documents written as PDF: boxes, page labels, outline, links,
 * metadata, fonts, byte-identical rewrites and atomic replacement. */
#define _GNU_SOURCE /* memmem */
#include "base/pm-error.h"
#include "output/pm-atomic.h"
#include "output/pm-deflate.h"
#include "output/pm-pdf.h"
#include "output/pm-pdf-finish.h"
#include "pm-test-output.h"
#include "pm-test.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MM (72.0 / 25.4)

static char *
tmp (const char *name)
{
  return g_build_filename (pm_test_tmpdir (), name, NULL);
}

static void
assert_box (const double box[4], double x0, double y0, double x1, double y1)
{
  g_assert_cmpfloat_with_epsilon (box[0], x0, 0.01);
  g_assert_cmpfloat_with_epsilon (box[1], y0, 0.01);
  g_assert_cmpfloat_with_epsilon (box[2], x1, 0.01);
  g_assert_cmpfloat_with_epsilon (box[3], y1, 0.01);
}

static void
test_screen_pdf (void)
{
  g_autoptr (PmRecordedDoc) doc = pm_test_numbered_doc (3, 3 * MM);
  pm_recorded_doc_set_meta (doc, PM_META_TITLE, "Ένα «φυλλάδιο»");
  pm_recorded_doc_set_meta (doc, PM_META_AUTHOR, "Pamphlet Tests");
  pm_recorded_doc_set_meta (doc, PM_META_SUBJECT, "Output");
  pm_recorded_doc_set_meta (doc, PM_META_KEYWORDS, "pdf, test");
  g_autofree char *path = tmp ("screen.pdf");
  g_autoptr (GError) error = NULL;
  g_assert_true (pm_pdf_write (doc, path, NULL, &error));
  g_assert_no_error (error);

  /* No print options: the page is the trim, all boxes equal. */
  double box[4];
  g_autofree char *boxes = pm_test_pdf_boxes (path);
  pm_test_pdf_box (boxes, 1, "/MediaBox", box);
  assert_box (box, 0, 0, PM_TEST_A5_WIDTH, PM_TEST_A5_HEIGHT);
  pm_test_pdf_box (boxes, 2, "/TrimBox", box);
  assert_box (box, 0, 0, PM_TEST_A5_WIDTH, PM_TEST_A5_HEIGHT);

  const char *info[] = { "pdfinfo", "-enc", "UTF-8", path, NULL };
  g_autofree char *out = pm_test_run (info);
  g_assert_nonnull (strstr (out, "Title:           Ένα «φυλλάδιο»"));
  g_assert_nonnull (strstr (out, "Author:          Pamphlet Tests"));
  g_assert_nonnull (strstr (out, "Subject:         Output"));
  g_assert_nonnull (strstr (out, "Keywords:        pdf, test"));
  g_assert_nonnull (strstr (out, "Pages:           3"));
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "Page size:       419.528 x 595.276 pts"));

  g_autofree char *text = pm_test_pdf_text (path, 2, 0, 0, 0, 0);
  g_assert_cmpstr (text, ==, "Page 2");

  /* Fonts subset and embedded. */
  const char *fonts[] = { "pdffonts", path, NULL };
  g_autofree char *f = pm_test_run (fonts);
  g_auto (GStrv) lines = g_strsplit (f, "\n", -1);
  int n_fonts = 0;
  for (int i = 2; lines[i] && *lines[i]; i++) {
    n_fonts++;
    g_assert_nonnull (strstr (lines[i], "+NotoSerif"));
    g_assert_nonnull (strstr (lines[i], " yes yes "));
  }
  g_assert_cmpint (n_fonts, >=, 1);

  const char *check[] = { "qpdf", "--check", path, NULL };
  g_autofree char *c = pm_test_run (check);
  g_assert_nonnull (strstr (c, "No syntax or stream encoding errors"));
}

static void
test_print_boxes (void)
{
  double bleed = 3 * MM;
  g_autoptr (PmRecordedDoc) doc = pm_test_numbered_doc (2, bleed);
  g_autofree char *path = tmp ("print.pdf");
  PmPrintOptions print = { .bleed = bleed, .crop_marks = TRUE };
  g_autoptr (GError) error = NULL;
  g_assert_true (pm_pdf_write (doc, path, &print, &error));
  g_assert_no_error (error);
  double m = pm_marks_margin (&print);
  g_assert_cmpfloat (m, >, bleed + PM_MARK_LENGTH);
  double w = PM_TEST_A5_WIDTH, h = PM_TEST_A5_HEIGHT, box[4];
  g_autofree char *boxes = pm_test_pdf_boxes (path);
  for (int page = 1; page <= 2; page++) {
    pm_test_pdf_box (boxes, page, "/MediaBox", box);
    assert_box (box, 0, 0, w + 2 * m, h + 2 * m);
    pm_test_pdf_box (boxes, page, "/TrimBox", box);
    assert_box (box, m, m, m + w, m + h);
    pm_test_pdf_box (boxes, page, "/BleedBox", box);
    assert_box (box, m - bleed, m - bleed, m + w + bleed, m + h + bleed);
  }
  const char *check[] = { "qpdf", "--check", path, NULL };
  g_autofree char *c = pm_test_run (check);
  g_assert_nonnull (strstr (c, "No syntax or stream encoding errors"));
}

/* The darkest grey around (x, y) in points (one pixel either way, as rasterisers round
 * thin lines differently) on page 1 of PDF rendered at 72 dpi. */
static int
grey_at (const char *pdf, double x, double y)
{
  g_autofree char *prefix = tmp ("grey");
  const char *argv[] = { "pdftoppm", "-r", "72",          "-gray", "-f",   "1",
                         "-l",       "1",  "-singlefile", pdf,     prefix, NULL };
  g_free (pm_test_run (argv));
  g_autofree char *pgm = g_strconcat (prefix, ".pgm", NULL);
  g_autofree char *data = NULL;
  gsize len;
  g_assert_true (g_file_get_contents (pgm, &data, &len, NULL));
  int w, h, max, off = 0;
  g_assert_cmpint (sscanf (data, "P5 %d %d %d%n", &w, &h, &max, &off), ==, 3);
  off++; /* the single whitespace after the header */
  int darkest = 255;
  for (int iy = (int)y - 1; iy <= (int)y + 1; iy++)
    for (int ix = (int)x - 1; ix <= (int)x + 1; ix++)
      if (ix >= 0 && ix < w && iy >= 0 && iy < h)
        darkest = MIN (darkest, (guchar)data[off + iy * w + ix]);
  g_unlink (pgm);
  return darkest;
}

static void
test_crop_marks (void)
{
  double bleed = 3 * MM;
  g_autoptr (PmRecordedDoc) doc = pm_test_numbered_doc (1, bleed);
  g_autofree char *path = tmp ("marks.pdf");
  PmPrintOptions print = { .bleed = bleed, .crop_marks = TRUE };
  g_assert_true (pm_pdf_write (doc, path, &print, NULL));
  double m = pm_marks_margin (&print);
  double w = PM_TEST_A5_WIDTH, h = PM_TEST_A5_HEIGHT;
  PmMarkLine lines[8];
  pm_marks_lines (&print, w, h, lines);
  /* Every mark lies on a trim line and starts beyond the bleed. */
  for (int i = 0; i < 8; i++) {
    gboolean horizontal = lines[i].y0 == lines[i].y1;
    double along0 = horizontal ? lines[i].x0 : lines[i].y0;
    double size = horizontal ? w : h;
    double out = along0 < 0 ? -along0 : along0 - size;
    g_assert_cmpfloat_with_epsilon (out, bleed + PM_MARK_GAP, 1e-9);
    double across = horizontal ? lines[i].y0 : lines[i].x0;
    g_assert_true (across == 0 || across == (horizontal ? h : w));
  }
  /* On the rendered page: the top-left horizontal mark is dark in the middle of its length
   * on the trim line; the bleed corner is the cover's red; the media corner is white. */
  double mid = m - bleed - PM_MARK_GAP - PM_MARK_LENGTH / 2;
  g_assert_cmpint (grey_at (path, mid, m), <, 200);
  g_assert_cmpint (grey_at (path, mid, m - 4), >, 250);
  g_assert_cmpint (grey_at (path, m - bleed / 2, m - bleed / 2), <, 150);
  g_assert_cmpint (grey_at (path, 2, 2), ==, 255);
  /* The bottom-right vertical mark. */
  g_assert_cmpint (grey_at (path, m + w, m + h + bleed + PM_MARK_GAP + PM_MARK_LENGTH / 2), <, 200);
}

static void
test_labels_outline_links (void)
{
  g_autoptr (PmRecordedDoc) doc = pm_recorded_doc_new (PM_TEST_A5_WIDTH, PM_TEST_A5_HEIGHT, 0);
  cairo_t *cr = pm_recorded_doc_begin_page (doc, NULL);
  pm_recorded_doc_add_link_dest (doc, 50, 100, 200, 20, "sec-b");
  pm_recorded_doc_add_link_uri (doc, 50, 200, 200, 20, "https://example.org/a?b='c'");
  (void)cr;
  pm_recorded_doc_end_page (doc);
  pm_recorded_doc_begin_page (doc, "1");
  pm_recorded_doc_add_dest (doc, "sec-a", 0, 50);
  pm_recorded_doc_add_outline (doc, "Πρώτο", 1, "sec-a");
  pm_recorded_doc_add_dest (doc, "sec-a.1", 0, 300);
  pm_recorded_doc_add_outline (doc, "Sub one", 2, "sec-a.1");
  pm_recorded_doc_begin_page (doc, "2");
  pm_recorded_doc_begin_page (doc, "3");
  pm_recorded_doc_add_dest (doc, "sec-b", 0, 80);
  pm_recorded_doc_add_outline (doc, "Второй", 1, "sec-b");
  pm_recorded_doc_end_page (doc);
  g_assert_cmpuint (pm_recorded_doc_get_n_pages (doc), ==, 4);
  g_autofree char *path = tmp ("links.pdf");
  g_autoptr (GError) error = NULL;
  g_assert_true (pm_pdf_write (doc, path, NULL, &error));
  g_assert_no_error (error);

  /* Page labels, the outline and the links, as Python reads them from qpdf's JSON. */
  const char *script = "import json,subprocess,sys\n"
                       "sys.stdout.reconfigure(encoding='utf-8')\n"
                       "j=json.loads(subprocess.check_output(['qpdf','--json=1',sys.argv[1]]))\n"
                       "print('ranges', [l['label'] for l in j['pagelabels']])\n"
                       "def walk(items, depth):\n"
                       "  for o in items:\n"
                       "    print('outline', depth, o['title'], o['destpageposfrom1'])\n"
                       "    walk(o['kids'], depth+1)\n"
                       "walk(j['outlines'],1)\n"
                       "for a in j['objects'][j['pages'][0]['object']]['/Annots']:\n"
                       "  d=j['objects'][a]\n"
                       "  print('link', d.get('/Subtype'), d.get('/Rect'), d.get('/Dest'), "
                       "d.get('/A',{}).get('/URI'))\n";
  const char *argv[] = { "python3", "-c", script, path, NULL };
  g_autofree char *out = pm_test_run (argv);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "ranges [{'/St': 1}, {'/S': '/D', '/St': 1}]"));
  g_assert_nonnull (strstr (out, "outline 1 Πρώτο 2\n"));
  g_assert_nonnull (strstr (out, "outline 2 Sub one 2\n"));
  g_assert_nonnull (strstr (out, "outline 1 Второй 4\n"));
  /* Links: y measured up from the bottom in PDF, so 100..120 from the top is 475..495. */
  g_assert_nonnull (strstr (out, "link /Link [50, 475.2756, 250, 495.2756] sec-b None"));
  g_assert_nonnull (
      strstr (out, "link /Link [50, 375.2756, 250, 395.2756] None https://example.org/a?b='c'"));
  const char *check[] = { "qpdf", "--check", path, NULL };
  g_free (pm_test_run (check));
}

static void
test_reproducible (void)
{
  g_setenv ("SOURCE_DATE_EPOCH", "1700000000", TRUE);
  g_autofree char *a = tmp ("repro-a.pdf");
  g_autofree char *b = tmp ("repro-b.pdf");
  PmPrintOptions print = { .bleed = 3 * MM, .crop_marks = TRUE };
  for (int k = 0; k < 2; k++) {
    g_autoptr (PmRecordedDoc) doc = pm_test_numbered_doc (5, 3 * MM);
    pm_recorded_doc_set_meta (doc, PM_META_TITLE, "Same");
    g_assert_cmpint (pm_recorded_doc_get_date (doc), ==, 1700000000);
    g_assert_true (pm_pdf_write (doc, k ? b : a, &print, NULL));
  }
  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_assert_true (pm_test_same_file (a, b));
  const char *info[] = { "pdfinfo", "-isodates", a, NULL };
  g_autofree char *out = pm_test_run (info);
  g_assert_nonnull (strstr (out, "CreationDate:    2023-11-14T22:13:20Z"));
  g_assert_nonnull (strstr (out, "ModDate:         2023-11-14T22:13:20Z"));

  /* A different document gives a different /ID. */
  g_autoptr (PmRecordedDoc) other = pm_test_numbered_doc (4, 3 * MM);
  pm_recorded_doc_set_date (other, 1700000000);
  pm_recorded_doc_set_meta (other, PM_META_TITLE, "Same");
  g_assert_true (pm_pdf_write (other, b, &print, NULL));
  g_assert_false (pm_test_same_file (a, b));
}

static void
test_atomic_failure_keeps_old (void)
{
  g_autofree char *path = tmp ("kept.pdf");
  g_assert_true (g_file_set_contents (path, "%PDF-old good file", -1, NULL));
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;

  /* The PDF/X step failing (no such profile) leaves the old file and no temporary. */
  g_autoptr (PmRecordedDoc) small = pm_test_numbered_doc (1, 0);
  PmPrintOptions print = { .pdfx = TRUE, .icc_profile = "/no/such/profile.icc" };
  g_assert_false (pm_pdf_write (small, path, &print, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_IO);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "%PDF-old good file");

  /* A directory that cannot be written: an error, nothing else. */
  g_clear_error (&error);
  g_assert_false (pm_pdf_write (small, "/proc/no/such/dir/x.pdf", NULL, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_IO);

  /* No temporary file is left beside the target. */
  GDir *dir = g_dir_open (pm_test_tmpdir (), 0, NULL);
  const char *name;
  while ((name = g_dir_read_name (dir)))
    g_assert_false (g_str_has_prefix (name, ".kept.pdf."));
  g_dir_close (dir);
}

/* Whether DIR holds a temporary file of NAME (".NAME.XXXXXX"). */
static gboolean
has_temp (const char *dir, const char *name)
{
  g_autofree char *prefix = g_strdup_printf (".%s.", name);
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *entry;
  gboolean found = FALSE;
  while ((entry = g_dir_read_name (d)))
    found = found || g_str_has_prefix (entry, prefix);
  g_dir_close (d);
  return found;
}

/* A build killed while it writes leaves the previous PDF as it was. */
static void
test_interrupted_write_keeps_old (void)
{
  g_autofree char *dir = g_build_filename (pm_test_tmpdir (), "interrupted", NULL);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_autofree char *path = g_build_filename (dir, "book.pdf", NULL);
  g_autoptr (PmRecordedDoc) small = pm_test_numbered_doc (2, 0);
  g_assert_true (pm_pdf_write (small, path, NULL, NULL));
  g_autofree char *before = NULL;
  gsize before_len;
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  /* Long enough to be caught in the middle: many pages of text. */
  g_autoptr (PmRecordedDoc) big = pm_test_numbered_doc (3000, 0);
  pid_t child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0) {
    pm_pdf_write (big, path, NULL, NULL);
    _exit (0);
  }
  /* Kill it as soon as it has started writing beside the target. */
  for (int i = 0; i < 20000 && !has_temp (dir, "book.pdf"); i++)
    g_usleep (100);
  g_assert_true (has_temp (dir, "book.pdf"));
  kill (child, SIGKILL);
  int status;
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFSIGNALED (status));
  g_autofree char *after = NULL;
  gsize after_len;
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (after, after_len, before, before_len);
  const char *check[] = { "qpdf", "--check", path, NULL };
  g_free (pm_test_run (check));
}

static void
test_atomic_commit (void)
{
  g_autofree char *path = tmp ("atomic.txt");
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_autoptr (GError) error = NULL;
  PmAtomicFile *file = pm_atomic_file_new (path, &error);
  g_assert_no_error (error);
  const char *temp = pm_atomic_file_get_temp_path (file);
  g_assert_true (g_str_has_prefix (temp, pm_test_tmpdir ()));
  g_assert_true (g_file_set_contents (temp, "new", -1, NULL));
  g_autofree char *temp_copy = g_strdup (temp);
  /* Not committed: freeing removes the temporary and keeps the old file. */
  pm_atomic_file_free (file);
  g_assert_false (g_file_test (temp_copy, G_FILE_TEST_EXISTS));
  g_autofree char *c1 = NULL;
  g_assert_true (g_file_get_contents (path, &c1, NULL, NULL));
  g_assert_cmpstr (c1, ==, "old");
  file = pm_atomic_file_new (path, &error);
  g_assert_true (g_file_set_contents (pm_atomic_file_get_temp_path (file), "new", -1, NULL));
  g_assert_true (pm_atomic_file_commit (file, &error));
  pm_atomic_file_free (file);
  g_autofree char *c2 = NULL;
  g_assert_true (g_file_get_contents (path, &c2, NULL, NULL));
  g_assert_cmpstr (c2, ==, "new");
}

static void
test_date_string (void)
{
  g_autofree char *d = pm_pdf_date_string (1700000000);
  g_assert_cmpstr (d, ==, "D:20231114221320Z");
}

/* Every stream of a PDF is compressed at PM_DEFLATE_LEVEL: cairo's (its one deflateInit call
 * wrapped at link time) and the finishing pass's. zlib says in each stream's header which
 * of four speed classes made it (RFC 1950, FLEVEL), and each stream inflates. */
static void
test_deflate_level (void)
{
  g_autoptr (PmRecordedDoc) doc = pm_test_numbered_doc (3, 0);
  g_autofree char *path = tmp ("deflate.pdf");
  g_autoptr (GError) error = NULL;
  g_assert_true (pm_pdf_write (doc, path, NULL, &error));
  g_autofree char *data = NULL;
  gsize len = 0;
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  int want = PM_DEFLATE_LEVEL < 2 ? 0 : PM_DEFLATE_LEVEL < 6 ? 1 : PM_DEFLATE_LEVEL == 6 ? 2 : 3;
  guint streams = 0;
  for (const char *p = data; (p = memmem (p, (gsize)(data + len - p), "stream\n", 7)); p++) {
    /* "stream" after a dictionary's ">>" begins a stream; "endstream" does not. */
    const char *q = p;
    while (q > data && g_ascii_isspace (q[-1]))
      q--;
    if (q - data < 2 || q[-1] != '>' || q[-2] != '>')
      continue;
    const guint8 *z = (const guint8 *)p + strlen ("stream\n");
    g_assert_cmpuint ((const char *)z + 2 - data, <=, len);
    g_assert_cmpuint (z[0], ==, 0x78); /* deflate, 32 kB window */
    g_assert_cmpuint ((z[0] << 8 | z[1]) % 31, ==, 0);
    g_assert_cmpint (z[1] >> 6, ==, want);
    z_stream s = { 0 };
    guint8 out[4096];
    g_assert_cmpint (inflateInit (&s), ==, Z_OK);
    s.next_in = (Bytef *)z;
    s.avail_in = (uInt)(data + len - (const char *)z);
    int status;
    do {
      s.next_out = out;
      s.avail_out = sizeof out;
      status = inflate (&s, Z_NO_FLUSH);
    } while (status == Z_OK);
    g_assert_cmpint (status, ==, Z_STREAM_END);
    inflateEnd (&s);
    streams++;
  }
  /* The pages' content and the font's program, ToUnicode map, object and xref streams. */
  g_assert_cmpuint (streams, >=, 6);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf/screen", test_screen_pdf);
  g_test_add_func ("/pdf/print-boxes", test_print_boxes);
  g_test_add_func ("/pdf/crop-marks", test_crop_marks);
  g_test_add_func ("/pdf/labels-outline-links", test_labels_outline_links);
  g_test_add_func ("/pdf/reproducible", test_reproducible);
  g_test_add_func ("/pdf/atomic-failure-keeps-old", test_atomic_failure_keeps_old);
  g_test_add_func ("/pdf/interrupted-write-keeps-old", test_interrupted_write_keeps_old);
  g_test_add_func ("/pdf/atomic-commit", test_atomic_commit);
  g_test_add_func ("/pdf/date-string", test_date_string);
  g_test_add_func ("/pdf/deflate-level", test_deflate_level);
  return g_test_run ();
}
