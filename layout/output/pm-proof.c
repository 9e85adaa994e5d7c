/* pm-proof.c: PNG proofs replayed from the recorded pages. */
#include "output/pm-proof.h"

#include "base/pm-error.h"
#include "output/pm-atomic.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>

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

static gboolean
write_png (cairo_surface_t *image, const char *path, GError **error)
{
  g_autoptr (PmAtomicFile) out = pm_atomic_file_new (path, error);
  if (!out)
    return FALSE;
  cairo_status_t status = cairo_surface_write_to_png (image, pm_atomic_file_get_temp_path (out));
  if (status != CAIRO_STATUS_SUCCESS) {
    g_set_error (error, PM_ERROR, PM_ERROR_IO, "%s: %s", path, cairo_status_to_string (status));
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
