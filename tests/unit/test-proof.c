/* test-proof.c: PNG proofs: sizes, the page drawn, draft marks, the contact sheet. */
#include "output/pm-proof.h"
#include "pm-test-output.h"
#include "pm-test.h"

#include <math.h>

/* The 0xAARRGGBB pixel at (x, y) points of an image at DPI. */
static guint32
pixel_at (cairo_surface_t *image, double dpi, double x, double y)
{
  cairo_surface_flush (image);
  int ix = (int)floor (x * dpi / 72.0), iy = (int)floor (y * dpi / 72.0);
  g_assert_true (ix >= 0 && ix < cairo_image_surface_get_width (image));
  g_assert_true (iy >= 0 && iy < cairo_image_surface_get_height (image));
  const unsigned char *data = cairo_image_surface_get_data (image);
  return *(const guint32 *)(data + iy * cairo_image_surface_get_stride (image) + ix * 4);
}

static void
test_page_png (void)
{
  g_autoptr (PmRecordedDoc) doc = pm_test_numbered_doc (3, 8.5);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_build_filename (pm_test_tmpdir (), "proof", NULL);
  g_assert_true (pm_proof_write_pages (doc, dir, 100, NULL, 0, &error));
  g_assert_no_error (error);
  for (int k = 1; k <= 3; k++) {
    g_autofree char *name = g_strdup_printf ("page-%03d.png", k);
    g_autofree char *path = g_build_filename (dir, name, NULL);
    cairo_surface_t *png = cairo_image_surface_create_from_png (path);
    g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
    /* A5 at 100 dpi: 148 mm = 582.7 px, 210 mm = 826.8 px, rounded up; the bleed is cut. */
    g_assert_cmpint (cairo_image_surface_get_width (png), ==, 583);
    g_assert_cmpint (cairo_image_surface_get_height (png), ==, 827);
    /* The cover is red to the edge; other pages white in the corner. */
    guint32 corner = pixel_at (png, 100, 1, 1);
    if (k == 1)
      g_assert_cmphex (corner & 0xffffff, ==, 0xcc1919);
    else
      g_assert_cmphex (corner, ==, 0xffffffff);
    /* Text is drawn: some dark pixels where "Page K" is. */
    gboolean dark = FALSE;
    for (double x = 100; x < 200 && !dark; x += 0.5)
      for (double y = 280; y < 320 && !dark; y += 0.5)
        dark = (pixel_at (png, 100, x, y) & 0xff) < 0x40;
    g_assert_true (dark);
    cairo_surface_destroy (png);
  }
  g_autofree char *four = g_build_filename (dir, "page-004.png", NULL);
  g_assert_false (g_file_test (four, G_FILE_TEST_EXISTS));
}

static void
test_draft_marks (void)
{
  g_autoptr (PmRecordedDoc) doc = pm_test_numbered_doc (2, 0);
  PmDraftMark marks[] = {
    { 1, 50, 100, 300, 12, PM_DRAFT_OVERFULL },
    { 1, 50, 150, 300, 12, PM_DRAFT_LOOSE },
    { 0, 50, 400, 300, 12, PM_DRAFT_OVERFULL },
  };
  cairo_surface_t *page = pm_proof_render_page (doc, 1, 144, marks, G_N_ELEMENTS (marks));
  /* The overfull bar: black, just right of the line's end, in the margin. */
  double bar_x = 50 + 300 + PM_DRAFT_BAR_GAP + PM_DRAFT_BAR_WIDTH / 2;
  g_assert_cmphex (pixel_at (page, 144, bar_x, 106), ==, 0xff000000);
  g_assert_cmphex (pixel_at (page, 144, 340, 106), ==, 0xffffffff);
  g_assert_cmphex (pixel_at (page, 144, bar_x + PM_DRAFT_BAR_WIDTH, 106), ==, 0xffffffff);
  /* The loose line: tinted, neither white nor black, warmer than it is blue. */
  guint32 tint = pixel_at (page, 144, 200, 156);
  g_assert_cmphex (tint, !=, 0xffffffff);
  g_assert_cmpuint ((tint >> 16) & 0xff, >, tint & 0xff);
  /* The mark for page 0 is not on page 1. */
  g_assert_cmphex (pixel_at (page, 144, bar_x, 406), ==, 0xffffffff);
  cairo_surface_destroy (page);
}

static void
test_contact_sheet (void)
{
  g_autoptr (PmRecordedDoc) doc = pm_test_numbered_doc (7, 0);
  g_autofree char *path = g_build_filename (pm_test_tmpdir (), "contact.png", NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (pm_proof_write_contact_sheet (doc, path, 18, 4, &error));
  g_assert_no_error (error);
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  int pw, ph;
  pm_proof_page_size (doc, 18, &pw, &ph);
  int gap = MAX (4, pw / 20);
  /* 7 pages in rows of 4: two rows. */
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, gap + 4 * (pw + gap));
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, gap + 2 * (ph + gap));
  /* The first thumbnail is the red cover, the second white, the eighth place empty. */
  cairo_surface_flush (png);
  const unsigned char *data = cairo_image_surface_get_data (png);
  int stride = cairo_image_surface_get_stride (png);
#define PX(x, y) (*(const guint32 *)(data + (y)*stride + (x)*4) & 0xffffff)
  g_assert_cmphex (PX (gap + 2, gap + 2), ==, 0xcc1919);
  g_assert_cmphex (PX (2 * gap + pw + 2, gap + 2), ==, 0xffffff);
  g_assert_cmphex (PX (4 * gap + 3 * pw + 2, 2 * gap + ph + 2), ==, 0x999999);
#undef PX
  cairo_surface_destroy (png);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/proof/page-png", test_page_png);
  g_test_add_func ("/proof/draft-marks", test_draft_marks);
  g_test_add_func ("/proof/contact-sheet", test_contact_sheet);
  return g_test_run ();
}
