/* pm-pdfx.h: PDF/X-3 through Ghostscript's pdfwrite: colours converted to CMYK, a FOGRA39
 * output intent, text kept as text. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The output profile used when none is given: styles/pdfx/ in the data directory, else the
 * CMYK profile Ghostscript ships. NULL if none is found. Free with g_free(). */
char *pm_pdfx_default_profile (void);

/* Converts the PDF at IN to PDF/X-3 at OUT with `gs` (a subprocess), the output intent
 * FOGRA39 with the ICC PROFILE (NULL for pm_pdfx_default_profile()) embedded and TITLE in
 * the information dictionary. Page boxes are not kept reliably: run pm_pdf_finish_file() after.
 * PM_ERROR_IO when gs cannot be run or fails. */
gboolean pm_pdfx_convert (const char *in, const char *out, const char *profile, const char *title,
                          GError **error);

G_END_DECLS
