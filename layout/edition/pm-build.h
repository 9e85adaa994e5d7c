/* pm-build.h: one edition from corpus files to a PDF or proofs: the whole pipeline.
 *
 * read and check every file → load the style → set and paginate (pm-compose) → draw
 * (pm-render) → impose if asked → write the PDF (pm-pdf: boxes, marks, PDF/X) through a
 * temporary file; with the time of each stage, the figures of each document and the list
 * of files read. */
#pragma once

#include "base/pm-diagnostics.h"
#include "edition/pm-report.h"
#include "output/pm-recorded-doc.h"
#include "paragraph/pm-fonts.h"

G_BEGIN_DECLS

typedef struct {
  const char *style;              /* the style sheet; NULL: styles/booklet-a5.style */
  const char *const *inputs;      /* corpus files, NULL-terminated */
  const char *const *cover_langs; /* NULL or NULL-terminated: the cover's two languages */
  double bleed;                   /* points; < 0: the style's */
  gboolean crop_marks;
  gboolean impose;     /* saddle-stitch imposition, two-up on A4 */
  gboolean pdfx;       /* PDF/X-3 */
  GArray *draft_marks; /* if not NULL, gets a PmDraftMark per overfull or loose line */
} PmBuildOptions;

/* Reads, sets and draws the edition with FONTS, which must outlive the recorded pages (they
 * hold the fonts' glyphs). Problems with a place go to DIAGS (their first error is also in
 * ERROR); REPORT gets the figures and timings. FILES, if not NULL, gets every file read. */
PmRecordedDoc *pm_build_render (const PmBuildOptions *options, PmFonts *fonts, PmDiagnostics *diags,
                                PmReport *report, GPtrArray *files, GError **error);

/* pm_build_render(), then writes the PDF to OUTPUT (never half-written). */
gboolean pm_build_pdf (const PmBuildOptions *options, const char *output, PmDiagnostics *diags,
                       PmReport *report, GPtrArray *files, GError **error);

G_END_DECLS
