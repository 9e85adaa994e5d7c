/* pm-pdf.h: a recorded document replayed into a PDF file. */
#pragma once

#include "output/pm-marks.h"
#include "output/pm-recorded-doc.h"

G_BEGIN_DECLS

/* Writes DOC to PATH as a PDF: fonts subset and embedded, metadata, outline, links, named
 * destinations and page labels. PRINT (NULL for a screen PDF, cut at the trim) asks for
 * bleed, crop marks and PDF/X-3. Every page gets a TrimBox and a BleedBox; the MediaBox is
 * the trim plus what PRINT needs. The same document gives the same bytes (the date comes
 * from the document, see pm_recorded_doc_new()). The file is written under a temporary
 * name and renamed, so on failure the previous PATH is left as it was. */
gboolean pm_pdf_write (const PmRecordedDoc *doc, const char *path, const PmPrintOptions *print,
                       GError **error);

G_END_DECLS
