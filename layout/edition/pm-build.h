/* pm-build.h: one edition from corpus files to a PDF or proofs: the whole pipeline.
 *
 * read and check every file → load the style → set and paginate (pm-compose) → draw
 * (pm-render) → for each output: impose if asked, write the PDF (pm-pdf: boxes, marks,
 * PDF/X) through a temporary file; with the time of each stage, the figures of each document
 * and the list of files read. The pages are set and drawn once for all the outputs (a
 * booklet, its print version and its imposed sheets). */
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
  GArray *draft_marks;            /* if not NULL, gets a PmDraftMark per overfull or loose line */
  guint threads;                  /* texts set at once (pm_compose); 0: one per processor */
  /* The process ends after this build: what would only be freed (the composition, the pages,
   * the fonts: 5 ms of the booklet) is left to the exit, unless a memory checker runs. */
  gboolean exit_after;
} PmBuildOptions;

/* One PDF made from the drawn pages. */
typedef struct {
  const char *path;
  double bleed; /* points */
  gboolean crop_marks;
  gboolean impose; /* saddle-stitch imposition, two-up on A4 */
  gboolean pdfx;   /* PDF/X-3 */
} PmBuildOutput;

/* Parses SPEC, "PATH" or "PATH:OPTION,…" with the options bleed=LENGTH, crop-marks, impose
 * and pdfx, into OUT. The colon in SPEC is overwritten so that OUT's path points into it.
 * FALSE with PM_ERROR_USAGE if an option is not one of these. */
gboolean pm_build_output_parse (char *spec, PmBuildOutput *out, GError **error);

/* Reads, sets and draws the edition with FONTS, which must outlive the recorded pages (they
 * hold the fonts' glyphs). Problems with a place go to DIAGS (their first error is also in
 * ERROR); REPORT gets the figures and timings. FILES, if not NULL, gets every file read. */
PmRecordedDoc *pm_build_render (const PmBuildOptions *options, PmFonts *fonts, PmDiagnostics *diags,
                                PmReport *report, GPtrArray *files, GError **error);

/* pm_build_render(), then writes each of the N_OUTPUTS PDFs (never half-written). */
gboolean pm_build_pdfs (const PmBuildOptions *options, const PmBuildOutput *outputs,
                        guint n_outputs, PmDiagnostics *diags, PmReport *report, GPtrArray *files,
                        GError **error);

G_END_DECLS
