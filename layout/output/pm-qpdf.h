/* pm-qpdf.h: the libqpdf post-pass over a PDF written by cairo (or Ghostscript): what
 * cairo 1.16 cannot write or gets wrong (TrimBox, BleedBox, page labels past the first page,
 * link annotations, named destinations), document dates, and a deterministic /ID. */
#pragma once

#include "output/pm-recorded-doc.h"

G_BEGIN_DECLS

/* What the post-pass sets. Lengths in points. */
typedef struct {
  double margin;   /* the TrimBox is this far inside the MediaBox on every side */
  double bleed;    /* the BleedBox is this far outside the TrimBox */
  gboolean labels; /* page labels from the document */
  gboolean links;  /* named destinations and link annotations from the document */
  gboolean widths; /* the fonts' glyph widths set exactly from the embedded programs: for a PDF
                      cairo wrote (it truncates them), not for one rewritten since */
} PmQpdfOptions;

/* Reads the PDF at IN, whose pages are DOC's pages in order, and writes it to OUT with on
 * every page a TrimBox and a BleedBox per OPTIONS, page labels and links from DOC if asked,
 * the information dictionary's CreationDate and ModDate set to DOC's date, and an /ID
 * computed from the content, so the same input gives the same bytes.
 * PM_ERROR_INTERNAL when qpdf fails or the page counts differ. */
gboolean pm_qpdf_finish (const char *in, const char *out, const PmRecordedDoc *doc,
                         const PmQpdfOptions *options, GError **error);

/* The same for the PDF in DATA (LEN bytes), named IN in messages. DATA must stay valid
 * until the call returns. */
gboolean pm_qpdf_finish_data (const char *in, const guint8 *data, gsize len, const char *out,
                              const PmRecordedDoc *doc, const PmQpdfOptions *options,
                              GError **error);

/* Starts opening libqpdf on a thread of its own, so that it is loaded (its relocations done,
 * about 5 ms) by the time the first PDF is finished: a build calls this when it starts setting
 * its pages. Loading it twice is not possible; a failure is reported when a PDF is finished. */
void pm_qpdf_preload (void);

/* The PDF date string (D:YYYYMMDDHHmmSSZ) for DATE, seconds since the epoch. Free with
 * g_free(). */
char *pm_qpdf_date_string (gint64 date);

G_END_DECLS
