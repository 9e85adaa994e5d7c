/* pm-pdf-finish.h: the pass over a PDF written by cairo (or Ghostscript) that adds what
 * cairo 1.16 cannot write or gets wrong: TrimBox and BleedBox, page labels past the first
 * page, link annotations, named destinations, exact glyph widths, the document dates and a
 * deterministic /ID. */
#pragma once

#include "output/pm-recorded-doc.h"

G_BEGIN_DECLS

/* What the pass sets. Lengths in points. */
typedef struct {
  double margin;   /* the TrimBox is this far inside the MediaBox on every side */
  double bleed;    /* the BleedBox is this far outside the TrimBox */
  gboolean labels; /* page labels from the document */
  gboolean links;  /* named destinations and link annotations from the document */
  gboolean widths; /* the fonts' glyph widths set exactly from the embedded programs: for a PDF
                      cairo wrote (it truncates them), not for one rewritten since */
} PmPdfFinishOptions;

/* Reads the PDF in DATA (LEN bytes, named IN in messages), whose pages are DOC's pages in
 * order, and writes it to OUT with on every page a TrimBox and a BleedBox per OPTIONS, page
 * labels and links from DOC if asked, the information dictionary's CreationDate and ModDate
 * set to DOC's date, and an /ID computed from the content, so the same input gives the same
 * bytes. PM_ERROR_INTERNAL when the PDF cannot be read or the page counts differ,
 * PM_ERROR_IO when OUT cannot be written. */
gboolean pm_pdf_finish (const char *in, const guint8 *data, gsize len, const char *out,
                        const PmRecordedDoc *doc, const PmPdfFinishOptions *options,
                        GError **error);

/* The same for the PDF file IN. */
gboolean pm_pdf_finish_file (const char *in, const char *out, const PmRecordedDoc *doc,
                             const PmPdfFinishOptions *options, GError **error);

/* The PDF date string (D:YYYYMMDDHHmmSSZ) for DATE, seconds since the epoch. Free with
 * g_free(). */
char *pm_pdf_date_string (gint64 date);

G_END_DECLS
