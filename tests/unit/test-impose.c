/* test-impose.c: saddle-stitch order and imposed sheets, read back with pdftotext. */
#include "base/pm-error.h"
#include "output/pm-impose.h"
#include "output/pm-pdf.h"
#include "pm-test-output.h"
#include "pm-test.h"

static void
assert_order (guint n, int back, const int *expected, guint n_expected)
{
  guint n_slots = 0;
  g_autofree int *slots = pm_impose_saddle_order (n, back, &n_slots);
  g_assert_cmpuint (n_slots, ==, n_expected);
  for (guint i = 0; i < n_slots; i++)
    g_assert_cmpint (slots[i], ==, expected[i]);
}

static void
test_order (void)
{
  /* Eight pages: sheet 1 carries 8|1 and 2|7, sheet 2 6|3 and 4|5 (1-based). */
  static const int eight[] = { 7, 0, 1, 6, 5, 2, 3, 4 };
  assert_order (8, 7, eight, 8);
  /* Ten pages with the back cover last: two blanks go before it, not after. */
  static const int ten[] = { 9, 0, 1, -1, -1, 2, 3, 8, 7, 4, 5, 6 };
  assert_order (10, 9, ten, 12);
  /* No back cover: blanks at the end. */
  static const int five[] = { -1, 0, 1, -1, -1, 2, 3, 4 };
  assert_order (5, -1, five, 8);
  /* One page still makes one sheet. */
  static const int one[] = { -1, 0, -1, -1 };
  assert_order (1, -1, one, 4);
}

/* Every page appears once, in a valid duplex position: folding the sheets gives reading
 * order. */
static void
test_order_is_a_permutation (void)
{
  for (guint n = 1; n <= 41; n++) {
    guint n_slots;
    g_autofree int *slots = pm_impose_saddle_order (n, n > 1 ? (int)n - 1 : -1, &n_slots);
    g_assert_cmpuint (n_slots % 4, ==, 0);
    g_assert_cmpuint (n_slots, <, n + 4);
    g_autofree int *seen = g_new0 (int, n);
    guint blanks = 0;
    for (guint i = 0; i < n_slots; i++) {
      if (slots[i] < 0) {
        blanks++;
        continue;
      }
      seen[slots[i]]++;
    }
    for (guint i = 0; i < n; i++)
      g_assert_cmpint (seen[i], ==, 1);
    g_assert_cmpuint (blanks, ==, n_slots - n);
    /* The first sheet's front carries the back cover on the left and page 1 on the right. */
    g_assert_cmpint (slots[1], ==, 0);
    if (n > 1)
      g_assert_cmpint (slots[0], ==, (int)n - 1);
  }
}

static char *
half_text (const char *pdf, int page, int half)
{
  double w = PM_SHEET_A4_WIDTH / 2, h = PM_SHEET_A4_HEIGHT;
  return pm_test_pdf_text (pdf, page, half * w, 0, w, h);
}

static void
test_sheets (void)
{
  g_autoptr (PmRecordedDoc) doc = pm_test_numbered_doc (12, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmRecordedDoc) sheets =
      pm_impose_saddle (doc, 11, PM_SHEET_A4_WIDTH, PM_SHEET_A4_HEIGHT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pm_recorded_doc_get_n_pages (sheets), ==, 6);
  g_autofree char *path = g_build_filename (pm_test_tmpdir (), "imposed.pdf", NULL);
  g_assert_true (pm_pdf_write (sheets, path, NULL, &error));
  g_assert_no_error (error);
  /* Sheet sides in print order: (left, right) page numbers. */
  static const int expected[6][2] = {
    { 12, 1 }, { 2, 11 }, { 10, 3 }, { 4, 9 }, { 8, 5 }, { 6, 7 }
  };
  for (int side = 0; side < 6; side++) {
    for (int half = 0; half < 2; half++) {
      g_autofree char *text = half_text (path, side + 1, half);
      g_autofree char *want = g_strdup_printf ("Page %d", expected[side][half]);
      g_assert_cmpstr (text, ==, want);
    }
  }
  const char *info[] = { "pdfinfo", path, NULL };
  g_autofree char *out = pm_test_run (info);
  g_assert_nonnull (strstr (out, "Pages:           6"));
  g_assert_nonnull (strstr (out, "Page size:       841.89 x 595.276 pts (A4)"));
  /* Vector replay: the sheets carry the text's font, not images. */
  const char *images[] = { "pdfimages", "-list", path, NULL };
  g_autofree char *list = pm_test_run (images);
  g_assert_null (strstr (list, "image"));
  const char *fonts[] = { "pdffonts", path, NULL };
  g_autofree char *f = pm_test_run (fonts);
  g_assert_nonnull (strstr (f, "NotoSerif"));
}

static void
test_blanks_before_back_cover (void)
{
  g_autoptr (PmRecordedDoc) doc = pm_test_numbered_doc (10, 0);
  g_autoptr (PmRecordedDoc) sheets =
      pm_impose_saddle (doc, 9, PM_SHEET_A4_WIDTH, PM_SHEET_A4_HEIGHT, NULL);
  g_autofree char *path = g_build_filename (pm_test_tmpdir (), "imposed10.pdf", NULL);
  g_assert_true (pm_pdf_write (sheets, path, NULL, NULL));
  static const char *expected[6][2] = { { "Page 10", "Page 1" }, { "Page 2", "" },
                                        { "", "Page 3" },        { "Page 4", "Page 9" },
                                        { "Page 8", "Page 5" },  { "Page 6", "Page 7" } };
  for (int side = 0; side < 6; side++) {
    for (int half = 0; half < 2; half++) {
      g_autofree char *text = half_text (path, side + 1, half);
      g_assert_cmpstr (text, ==, expected[side][half]);
    }
  }
}

static void
test_too_large (void)
{
  g_autoptr (PmRecordedDoc) doc = pm_recorded_doc_new (500, 700, 0);
  pm_recorded_doc_begin_page (doc, NULL);
  pm_recorded_doc_end_page (doc);
  g_autoptr (GError) error = NULL;
  g_assert_null (pm_impose_saddle (doc, -1, PM_SHEET_A4_WIDTH, PM_SHEET_A4_HEIGHT, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_INPUT);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/impose/order", test_order);
  g_test_add_func ("/impose/order-is-a-permutation", test_order_is_a_permutation);
  g_test_add_func ("/impose/sheets", test_sheets);
  g_test_add_func ("/impose/blanks-before-back-cover", test_blanks_before_back_cover);
  g_test_add_func ("/impose/too-large", test_too_large);
  return g_test_run ();
}
