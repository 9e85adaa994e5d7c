/* pm-proof.c: PNG proofs replayed from the recorded pages. */
#include "output/pm-proof.h"

#include "base/pm-error.h"
#include "output/pm-atomic.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <png.h>
#include <stdio.h>

void
pm_proof_page_size (const PmRecordedDoc *doc, double dpi, int *width, int *height)
{
  *width = (int)ceil (pm_recorded_doc_get_width (doc) * dpi / 72.0 - 1e-6);
  *height = (int)ceil (pm_recorded_doc_get_height (doc) * dpi / 72.0 - 1e-6);
}

static void
draw_marks (cairo_t *cr, guint page, const PmDraftMark *marks, guint n_marks)
{
  for (guint k = 0; k < n_marks; k++) {
    const PmDraftMark *m = &marks[k];
    if (m->page != page)
      continue;
    if (m->kind == PM_DRAFT_OVERFULL) {
      /* TeX's overfull rule: a black bar just past the end of the line, in the margin. */
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_rectangle (cr, m->x + m->width + PM_DRAFT_BAR_GAP, m->y, PM_DRAFT_BAR_WIDTH, m->height);
    } else {
      cairo_set_source_rgba (cr, 1.0, 0.55, 0.0, 0.3);
      cairo_rectangle (cr, m->x, m->y, m->width, m->height);
    }
    cairo_fill (cr);
  }
}

/* Draws page PAGE scaled to DPI with its top-left trim corner at the current origin. */
static void
draw_page (cairo_t *cr, const PmRecordedDoc *doc, guint page, double dpi)
{
  double w = pm_recorded_doc_get_width (doc), h = pm_recorded_doc_get_height (doc);
  cairo_save (cr);
  cairo_scale (cr, dpi / 72.0, dpi / 72.0);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_surface (cr, pm_recorded_doc_get_page (doc, page), 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

cairo_surface_t *
pm_proof_render_page (const PmRecordedDoc *doc, guint page, double dpi, const PmDraftMark *marks,
                      guint n_marks)
{
  int pw, ph;
  pm_proof_page_size (doc, dpi, &pw, &ph);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  cairo_t *cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw_page (cr, doc, page, dpi);
  cairo_scale (cr, dpi / 72.0, dpi / 72.0);
  draw_marks (cr, page, marks, n_marks);
  cairo_destroy (cr);
  return image;
}

typedef struct {
  FILE *fp;
  guchar *row;
} PngWrite;

/* Writes the opaque IMAGE (ARGB32 or RGB24) to FP as 8-bit RGB. libpng rather than
 * cairo_surface_write_to_png: cairo writes RGBA at zlib's default level, which makes a
 * proof page several times slower to save than to draw; a low level and the Sub filter
 * suit text pages. Returns FALSE on a libpng error. */
static gboolean
encode_png (cairo_surface_t *image, PngWrite *w)
{
  png_structp png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png ? png_create_info_struct (png) : NULL;
  if (!info) {
    png_destroy_write_struct (&png, NULL);
    return FALSE;
  }
  if (setjmp (png_jmpbuf (png))) {
    png_destroy_write_struct (&png, &info);
    return FALSE;
  }
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  cairo_surface_flush (image);
  const guchar *data = cairo_image_surface_get_data (image);
  png_init_io (png, w->fp);
  png_set_compression_level (png, 3);
  png_set_filter (png, 0, PNG_FILTER_SUB);
  png_set_IHDR (png, info, (png_uint_32)width, (png_uint_32)height, 8, PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info (png, info);
  for (int y = 0; y < height; y++) {
    const guint32 *src = (const guint32 *)(data + (gsize)y * (gsize)stride);
    for (int x = 0; x < width; x++) {
      /* Opaque pixels: premultiplication changes nothing. */
      w->row[3 * x] = (guchar)(src[x] >> 16);
      w->row[3 * x + 1] = (guchar)(src[x] >> 8);
      w->row[3 * x + 2] = (guchar)src[x];
    }
    png_write_row (png, w->row);
  }
  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);
  return TRUE;
}

static gboolean
write_png (cairo_surface_t *image, const char *path, GError **error)
{
  g_autoptr (PmAtomicFile) out = pm_atomic_file_new (path, error);
  if (!out)
    return FALSE;
  PngWrite w = { g_fopen (pm_atomic_file_get_temp_path (out), "wb"), NULL };
  if (!w.fp) {
    int err = errno;
    g_set_error (error, PM_ERROR, PM_ERROR_IO, "%s: %s", path, g_strerror (err));
    return FALSE;
  }
  w.row = g_malloc ((gsize)cairo_image_surface_get_width (image) * 3 + 1);
  gboolean ok = encode_png (image, &w);
  g_free (w.row);
  if (fclose (w.fp) != 0)
    ok = FALSE;
  if (!ok) {
    g_set_error (error, PM_ERROR, PM_ERROR_IO, "%s: cannot write the PNG file", path);
    return FALSE;
  }
  return pm_atomic_file_commit (out, error);
}

gboolean
pm_proof_write_pages (const PmRecordedDoc *doc, const char *dir, double dpi,
                      const PmDraftMark *marks, guint n_marks, GError **error)
{
  if (g_mkdir_with_parents (dir, 0755) != 0) {
    int err = errno;
    g_set_error (error, PM_ERROR, PM_ERROR_IO, "%s: %s", dir, g_strerror (err));
    return FALSE;
  }
  guint n = pm_recorded_doc_get_n_pages (doc);
  for (guint i = 0; i < n; i++) {
    cairo_surface_t *image = pm_proof_render_page (doc, i, dpi, marks, n_marks);
    char name[32];
    g_snprintf (name, sizeof name, "page-%03u.png", i + 1);
    char *path = g_build_filename (dir, name, NULL);
    gboolean ok = write_png (image, path, error);
    g_free (path);
    cairo_surface_destroy (image);
    if (!ok)
      return FALSE;
  }
  return TRUE;
}

gboolean
pm_proof_write_contact_sheet (const PmRecordedDoc *doc, const char *path, double dpi, guint columns,
                              GError **error)
{
  guint n = pm_recorded_doc_get_n_pages (doc);
  columns = MAX (1u, MIN (columns, MAX (n, 1u)));
  guint rows = MAX (1u, (n + columns - 1) / columns);
  int pw, ph;
  pm_proof_page_size (doc, dpi, &pw, &ph);
  int gap = MAX (4, pw / 20);
  cairo_surface_t *image = cairo_image_surface_create (
      CAIRO_FORMAT_RGB24, gap + (int)columns * (pw + gap), gap + (int)rows * (ph + gap));
  cairo_t *cr = cairo_create (image);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_paint (cr);
  for (guint i = 0; i < n; i++) {
    double x = gap + (double)(i % columns) * (pw + gap);
    double y = gap + (double)(i / columns) * (ph + gap);
    cairo_save (cr);
    cairo_translate (cr, x, y);
    draw_page (cr, doc, i, dpi);
    cairo_restore (cr);
  }
  cairo_destroy (cr);
  gboolean ok = write_png (image, path, error);
  cairo_surface_destroy (image);
  return ok;
}
