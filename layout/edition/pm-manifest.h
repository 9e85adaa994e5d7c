/* pm-manifest.h: the editions manifest (corpus/editions.yaml), what `pamphlet editions` builds.
 *
 *   output-dir: ../build/editions        # where the PDFs go, relative to the manifest
 *   editions:
 *     - name: booklet                    # unique; letters, digits, '-' and '_'
 *       style: ../styles/booklet-a5.style
 *       inputs: [statement-el.md, statement-ru.md]
 *       cover-languages: [ru, en]        # optional
 *       output: booklet.pdf              # optional; default NAME.pdf
 *       print: { bleed: 3mm, crop-marks: true, impose: saddle, pdfx: false }  # optional
 *
 * Paths are relative to the manifest's directory. doc/editions.md documents every key. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *name;
  guint line, column; /* where the edition starts in the manifest */
  char *style;        /* path of the style sheet */
  GPtrArray *inputs;  /* char *: corpus files, in order */
  char **cover_langs; /* NULL-terminated; empty for none */
  char *output;       /* path of the PDF */
  char *bleed;        /* a length such as "3mm", or NULL for none */
  gboolean crop_marks;
  gboolean impose; /* saddle-stitch imposition, two-up on A4 */
  gboolean pdfx;   /* PDF/X-3, CMYK with a FOGRA39 output intent */
} PmEdition;

typedef struct {
  char *path;          /* the manifest file */
  char *output_dir;    /* where PDFs and build state go */
  GPtrArray *editions; /* PmEdition * */
} PmManifest;

/* Reads the manifest at PATH. Errors (PM_ERROR_INPUT) name PATH:line:column and what is
 * allowed; PM_ERROR_IO when the file cannot be read. */
PmManifest *pm_manifest_load (const char *path, GError **error);

/* Frees a manifest. NULL is allowed. */
void pm_manifest_free (PmManifest *manifest);

/* The edition called NAME, or NULL. */
const PmEdition *pm_manifest_find (const PmManifest *manifest, const char *name);

/* The arguments of the `pamphlet build` run that makes EDITION (without the program name),
 * with its report written to REPORT and the files it read listed in DEPS. */
GPtrArray *pm_edition_build_args (const PmEdition *edition, const char *report, const char *deps);

/* EDITION's PDF with its print options, as `pamphlet build --also` takes it:
 * "OUT.pdf[:bleed=3mm,crop-marks,impose,pdfx]". Free with g_free(). */
char *pm_edition_output_spec (const PmEdition *edition);

/* Whether A and B set the same pages (same style, inputs and cover languages), so that one
 * build can write both. */
gboolean pm_edition_same_pages (const PmEdition *a, const PmEdition *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmManifest, pm_manifest_free)

G_END_DECLS
