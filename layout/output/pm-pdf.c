/* pm-pdf.c: replay recorded pages into a cairo PDF surface, then the finishing pass. */
#include "output/pm-pdf.h"

#include "base/pm-error.h"
#include "output/pm-atomic.h"
#include "output/pm-pdfx.h"
#include "output/pm-pdf-finish.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>

/* A value for a cairo tag attribute string: single-quoted, with ' and \ escaped. */
static void
append_quoted (GString *s, const char *value)
{
  g_string_append_c (s, '\'');
  for (const char *p = value; *p; p++) {
    if (*p == '\'' || *p == '\\')
      g_string_append_c (s, '\\');
    g_string_append_c (s, *p);
  }
  g_string_append_c (s, '\'');
}

static void
emit_outline (cairo_surface_t *surface, const PmRecordedDoc *doc)
{
  const GArray *outline = pm_recorded_doc_get_outline (doc);
  /* parents[l] is the last entry at level l, the parent of the next entry at level l + 1. */
  int parents[16] = { CAIRO_PDF_OUTLINE_ROOT };
  int depth = 0;
  GString *attrs = g_string_new (NULL);
  for (guint k = 0; k < outline->len; k++) {
    const PmOutlineEntry *entry = &g_array_index (outline, PmOutlineEntry, k);
    /* A level deeper than the one before by more than one hangs from the last entry. */
    int level = MIN (MIN (entry->level, depth + 1), (int)G_N_ELEMENTS (parents) - 1);
    g_string_assign (attrs, "dest=");
    append_quoted (attrs, entry->dest);
    parents[level] =
        cairo_pdf_surface_add_outline (surface, parents[level - 1], entry->title, attrs->str, 0);
    depth = level;
  }
  g_string_free (attrs, TRUE);
}

/* Page labels, named destinations and links are left to the finishing pass: cairo 1.16 writes
 * only the first page label and drops link annotations. cairo writes the outline, whose
 * entries point at the names the pass puts in the name tree. */

/* cairo's dates: ISO 8601 in UTC. */
static void
set_dates (cairo_surface_t *surface, gint64 date)
{
  GDateTime *dt = g_date_time_new_from_unix_utc (date);
  if (!dt)
    return;
  char *s = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, s);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, s);
  g_free (s);
  g_date_time_unref (dt);
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* cairo's PDF of DOC into OUT, in memory: the finishing pass reads it from there. */
static gboolean
write_cairo_pdf (const PmRecordedDoc *doc, GByteArray *out, const char *path,
                 const PmPrintOptions *print, GError **error)
{
  double w = pm_recorded_doc_get_width (doc), h = pm_recorded_doc_get_height (doc);
  double margin = pm_marks_margin (print);
  double bleed = print ? MAX (print->bleed, 0.0) : 0.0;
  cairo_surface_t *surface =
      cairo_pdf_surface_create_for_stream (append_bytes, out, w + 2 * margin, h + 2 * margin);
  static const struct {
    PmMetaKey key;
    cairo_pdf_metadata_t cairo;
  } meta[] = {
    { PM_META_TITLE, CAIRO_PDF_METADATA_TITLE },
    { PM_META_AUTHOR, CAIRO_PDF_METADATA_AUTHOR },
    { PM_META_SUBJECT, CAIRO_PDF_METADATA_SUBJECT },
    { PM_META_KEYWORDS, CAIRO_PDF_METADATA_KEYWORDS },
    { PM_META_CREATOR, CAIRO_PDF_METADATA_CREATOR },
  };
  for (guint k = 0; k < G_N_ELEMENTS (meta); k++) {
    const char *value = pm_recorded_doc_get_meta (doc, meta[k].key);
    if (value)
      cairo_pdf_surface_set_metadata (surface, meta[k].cairo, value);
  }
  set_dates (surface, pm_recorded_doc_get_date (doc));
  cairo_t *cr = cairo_create (surface);
  guint n = pm_recorded_doc_get_n_pages (doc);
  for (guint i = 0; i < n; i++) {
    cairo_save (cr);
    cairo_rectangle (cr, margin - bleed, margin - bleed, w + 2 * bleed, h + 2 * bleed);
    cairo_clip (cr);
    cairo_set_source_surface (cr, pm_recorded_doc_get_page (doc, i), margin, margin);
    cairo_paint (cr);
    cairo_restore (cr);
    cairo_save (cr);
    cairo_translate (cr, margin, margin);
    pm_marks_draw (cr, print, w, h);
    cairo_restore (cr);
    cairo_show_page (cr);
  }
  emit_outline (surface, doc);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_status_t status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    g_set_error (error, PM_ERROR,
                 status == CAIRO_STATUS_WRITE_ERROR ? PM_ERROR_IO : PM_ERROR_INTERNAL,
                 "%s: cairo: %s", path, cairo_status_to_string (status));
    return FALSE;
  }
  return TRUE;
}

gboolean
pm_pdf_write (const PmRecordedDoc *doc, const char *path, const PmPrintOptions *print,
              GError **error)
{
  g_autoptr (PmAtomicFile) out = pm_atomic_file_new (path, error);
  if (!out)
    return FALSE;
  double margin = pm_marks_margin (print);
  double bleed = print ? MAX (print->bleed, 0.0) : 0.0;
  /* PDF/X forbids annotations inside the bleed box, and a print file needs no links. */
  gboolean pdfx = print && print->pdfx;
  PmPdfFinishOptions boxes = { margin, bleed, TRUE, !pdfx, !pdfx };
  g_autoptr (GByteArray) pdf = g_byte_array_new ();
  if (!write_cairo_pdf (doc, pdf, path, print, error))
    return FALSE;
  gboolean ok;
  if (pdfx) {
    /* Ghostscript reads and writes files: both sit beside the target, on its file system. */
    g_autofree char *raw = pm_atomic_temp_path (path, error);
    g_autofree char *converted = raw ? pm_atomic_temp_path (path, error) : NULL;
    /* Ghostscript places the glyphs by the widths it reads: they are made exact first, and
     * left as Ghostscript writes them after. */
    PmPdfFinishOptions widths = { 0, 0, FALSE, FALSE, TRUE };
    ok = converted && pm_pdf_finish (path, pdf->data, pdf->len, raw, doc, &widths, error) &&
         pm_pdfx_convert (raw, converted, print->icc_profile,
                          pm_recorded_doc_get_meta (doc, PM_META_TITLE), error)
         /* The boxes go in last: Ghostscript does not keep them all. */
         && pm_pdf_finish_file (converted, pm_atomic_file_get_temp_path (out), doc, &boxes, error);
    if (raw)
      g_unlink (raw);
    if (converted)
      g_unlink (converted);
  } else {
    ok = pm_pdf_finish (path, pdf->data, pdf->len, pm_atomic_file_get_temp_path (out), doc, &boxes,
                        error);
  }
  return ok && pm_atomic_file_commit (out, error);
}
