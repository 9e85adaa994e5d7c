/* pm-impose.c: saddle-stitch imposition. */
#include "output/pm-impose.h"

#include "base/pm-error.h"

int *
pm_impose_saddle_order (guint n_pages, int back_cover, guint *n_slots)
{
  guint n = (n_pages + 3) / 4 * 4;
  if (n == 0)
    n = 4;
  /* The reading order with the blanks in: the pages before the back cover, the blanks, then
   * the back cover and whatever follows it. */
  guint before = back_cover >= 0 && (guint)back_cover < n_pages ? (guint)back_cover : n_pages;
  int *seq = g_new (int, n);
  for (guint i = 0; i < n; i++) {
    if (i < before)
      seq[i] = (int)i;
    else if (i < before + (n - n_pages))
      seq[i] = -1;
    else
      seq[i] = (int)(i - (n - n_pages));
  }
  /* Sheet s carries, outside, pages n-1-2s | 2s and, inside, 2s+1 | n-2-2s: folded and
   * nested, the sheets read in order. */
  int *slots = g_new (int, n);
  for (guint s = 0; s < n / 4; s++) {
    slots[4 * s + 0] = seq[n - 1 - 2 * s];
    slots[4 * s + 1] = seq[2 * s];
    slots[4 * s + 2] = seq[2 * s + 1];
    slots[4 * s + 3] = seq[n - 2 - 2 * s];
  }
  g_free (seq);
  *n_slots = n;
  return slots;
}

static void
place (cairo_t *cr, const PmRecordedDoc *doc, int page, double x, double y)
{
  if (page < 0)
    return;
  double w = pm_recorded_doc_get_width (doc), h = pm_recorded_doc_get_height (doc);
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_set_source_surface (cr, pm_recorded_doc_get_page (doc, (guint)page), x, y);
  cairo_paint (cr);
  cairo_restore (cr);
}

PmRecordedDoc *
pm_impose_saddle (const PmRecordedDoc *doc, int back_cover, double sheet_width, double sheet_height,
                  GError **error)
{
  double w = pm_recorded_doc_get_width (doc), h = pm_recorded_doc_get_height (doc);
  /* A little tolerance: A5 on A4 fits exactly, up to rounding of millimetres to points. */
  if (2 * w > sheet_width + 0.01 || h > sheet_height + 0.01) {
    g_set_error (error, PM_ERROR, PM_ERROR_INPUT,
                 "pages of %.1f x %.1f pt do not fit two-up on a %.1f x %.1f pt sheet", w, h,
                 sheet_width, sheet_height);
    return NULL;
  }
  PmRecordedDoc *sheets = pm_recorded_doc_new (sheet_width, sheet_height, 0);
  for (int k = 0; k < PM_META_COUNT; k++)
    pm_recorded_doc_set_meta (sheets, (PmMetaKey)k, pm_recorded_doc_get_meta (doc, (PmMetaKey)k));
  pm_recorded_doc_set_date (sheets, pm_recorded_doc_get_date (doc));
  guint n_slots;
  int *slots = pm_impose_saddle_order (pm_recorded_doc_get_n_pages (doc), back_cover, &n_slots);
  double left = sheet_width / 2 - w, top = (sheet_height - h) / 2;
  for (guint s = 0; s < n_slots / 4; s++) {
    for (guint side = 0; side < 2; side++) {
      char *label = g_strdup_printf ("%u%s", s + 1, side ? "b" : "a");
      cairo_t *cr = pm_recorded_doc_begin_page (sheets, label);
      g_free (label);
      place (cr, doc, slots[4 * s + 2 * side], left, top);
      place (cr, doc, slots[4 * s + 2 * side + 1], sheet_width / 2, top);
      pm_recorded_doc_end_page (sheets);
    }
  }
  g_free (slots);
  return sheets;
}
