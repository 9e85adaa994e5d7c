/* pm-paragraph.h: the paragraph builder, from styled inlines to set lines.
 *
 * A paragraph's inlines (layout/corpus/pm-document.h) are shaped word by word through the
 * shaper's cache, split at the break opportunities of Unicode line breaking (pm-breaks), at
 * soft hyphens and at hyphenation points (pm-hyphen), and turned into
 * Knuth–Plass boxes, glue and penalties, with character protrusion (hanging punctuation) in
 * both margins built into the items, so that the breaker (pm-linebreak) and the lines drawn
 * agree. Each line comes out as positioned glyphs: the line's ends reshaped where the break
 * changes the shaping (an added hyphen, a ligature or kerning pair across the break), the glue
 * set exactly, so that justified lines are flush with the measure (apart from protrusion). */
#pragma once

#include "base/pm-diagnostics.h"
#include "corpus/pm-document.h"
#include "paragraph/pm-fonts.h"
#include "paragraph/pm-linebreak.h"
#include "paragraph/pm-shape.h"

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* How far C hangs into the right (RIGHT) or left margin, as a fraction of its advance; a style
 * sheet's table (pm_style_protrusion) fits behind this with a one-line wrapper. */
typedef double (*PmProtrusionFunc) (gconstpointer data, gunichar c, gboolean right);

/* How far a character may hang into the margins, as fractions of its own advance. */
typedef struct {
  gunichar c;
  double left;  /* into the left margin at a line's start */
  double right; /* into the right margin at a line's end */
} PmProtrusion;

/* Everything that decides how a paragraph is set. Plain data; pm_paragraph_style_init()
 * fills in the defaults (TeX's where TeX has one). Strings and the protrusion table are
 * borrowed for the call to pm_paragraph_builder_build() only. */
typedef struct {
  /* Font */
  const char *family;   /* "Liberation Serif" */
  double size;          /* points */
  int weight;           /* OpenType weight of plain text (400); bold text is 700 */
  gboolean italic;      /* the element is italic; emphasis inside it is then roman */
  const char *features; /* OpenType features on top of HarfBuzz's defaults, as in PmFontSpec */
  const char *lang;     /* BCP 47 tag; NULL: each inline's own */
  double leading;       /* baseline to baseline, points */

  /* Shape of the paragraph */
  PmAlign align;       /* (pm-linebreak.h) justified, ragged right (by total fit), centred */
  double first_indent; /* points, the first line only */
  double left_indent;  /* points, every line */
  double right_indent; /* points, every line */

  /* Spacing: interword glue is the font's space times word_spacing (1), with this stretch
   * and shrink (fractions of the space, TeX's 1/2 and 1/3) */
  double word_spacing;
  double space_stretch;
  double space_shrink;
  double ragged_stretch; /* ragged and centred: TeX's \rightskip stretch, in ems (2) */

  /* Hyphenation */
  gboolean hyphenate;
  int left_min;                   /* fewest characters before a hyphen; 0: the language's */
  int right_min;                  /* fewest characters after a hyphen; 0: the language's */
  int min_word;                   /* shortest word hyphenated, in letters */
  gboolean hyphenate_capitalised; /* FALSE: words that start with a capital are not */
  gboolean hyphenate_last_word;   /* FALSE: a paragraph's last word is not (soft hyphens
                                   * typed in it still are breaks) */
  gboolean hyphenate_compounds;   /* the parts of "well-known" too (TeX: no) */

  /* Font expansion (justified text): every line's letters may be set up to EXPANSION (a
   * fraction, 0.02) wider or narrower, in steps of EXPANSION_STEP, as pdfTeX's; 0: off */
  double expansion;
  double expansion_step;

  /* Protrusion */
  gboolean protrude;
  const PmProtrusion *protrusion; /* NULL: pm_paragraph_default_protrusion() */
  guint n_protrusion;
  PmProtrusionFunc protrusion_func; /* if set, asked instead of the table */
  gconstpointer protrusion_data;

  /* Line breaking (TeX's knobs and units) */
  double tolerance;
  double pretolerance; /* < 0: no first pass without hyphenation */
  double line_penalty;
  double hyphen_penalty;    /* at a hyphenation point or soft hyphen */
  double ex_hyphen_penalty; /* after an explicit hyphen or dash */
  double double_hyphen_demerits;
  double final_hyphen_demerits;
  double adj_demerits;
  guint max_hyphen_run;     /* most hyphenated lines in a row, 0 for no limit */
  double emergency_stretch; /* points */

  /* Note references: superscript marks */
  double note_scale; /* size of the mark relative to the text */
  double note_rise;  /* baseline shift, in ems of the text */
} PmParagraphStyle;

/* Fills STYLE with the defaults: Liberation Serif 10/13 pt, justified, TeX's breaking parameters,
 * hyphenation and protrusion on. */
void pm_paragraph_style_init (PmParagraphStyle *style);

/* The built-in protrusion table (hyphens, periods, commas, colons, quotes, guillemets,
 * dashes); sets N to its length. */
const PmProtrusion *pm_paragraph_default_protrusion (guint *n);

/* A run of glyphs of one font on a line. */
typedef struct {
  cairo_scaled_font_t *font; /* owned by the PmFonts, like FACE */
  PmFace *face;              /* owned by the PmFonts */
  double size;               /* points */
  double expand;             /* horizontal expansion of the font (a fraction), as the line's */
  guint first;               /* index of its first glyph in PmLine.glyphs */
  guint n_glyphs;
  double x0, x1;    /* horizontal extent from the line's origin, points */
  double rise;      /* baseline shift, points upwards (note marks) */
  const char *href; /* link target (owned by the paragraph), or NULL */
  int note;         /* a note reference's PmNote index, or -1 */
} PmLineRun;

/* One set line. Glyph positions are relative to the origin: the left edge of the measure
 * (before indents) on the baseline; x grows rightwards, y downwards (cairo's). */
typedef struct {
  cairo_glyph_t *glyphs;
  guint n_glyphs;
  PmLineRun *runs;
  guint n_runs;
  double x_start;       /* where the first glyph's pen position is (indent, protrusion, centring) */
  double x_end;         /* where the last glyph's advance ends */
  double measure;       /* the width the line was set to (measure less indents) */
  double protrude_left; /* how far the first glyph hangs into the left margin, points */
  double protrude_right; /* how far the last glyph hangs into the right margin, points */
  double ratio;          /* Knuth–Plass adjustment ratio: < 0 shrunk, > 0 stretched */
  double expand;         /* the font expansion the line is set with (a fraction; 0 without) */
  double space_ratio;    /* the ratio its interword spaces are set with (ratio, less expansion) */
  gboolean hyphenated;   /* ends in an added hyphen (automatic or soft) */
  gboolean overfull;     /* wider than the measure even with all its shrink */
  gboolean underfull;    /* justified, yet short of the measure: nothing on it could stretch */
  gboolean last;         /* the paragraph's last line */
  gboolean forced;       /* ends at a hard line break (set at its natural width) */
  double ascent;         /* above the baseline, points */
  double descent;        /* below the baseline, points */
  int *notes;            /* PmNote indices of the note references on the line, in order */
  guint n_notes;
  gsize text_start, text_end; /* byte range in pm_paragraph_get_text() */
} PmLine;

typedef struct _PmParagraph PmParagraph;
typedef struct _PmParagraphBuilder PmParagraphBuilder;

/* A builder on FONTS (borrowed: it must outlive the builder and the paragraphs). It owns a
 * shaper, a hyphenator per language, the line breaker and scratch space: build every
 * paragraph of a document with one builder. */
PmParagraphBuilder *pm_paragraph_builder_new (PmFonts *fonts);

/* A builder on BUILDER's fonts that shares the hyphenation dictionaries BUILDER has loaded so
 * far, for setting other texts at the same time on another thread (each builder belongs to
 * one thread at a time; the fonts and dictionaries they share may be used from several). */
PmParagraphBuilder *pm_paragraph_builder_new_sharing (PmParagraphBuilder *builder);

/* Frees the builder. Paragraphs it built stay valid. NULL is allowed. */
void pm_paragraph_builder_free (PmParagraphBuilder *builder);

/* The builder's shaper. */
PmShaper *pm_paragraph_builder_get_shaper (PmParagraphBuilder *builder);

/* Adds to FILES (char *, freed by the array) the path of every hyphenation dictionary the
 * builder has loaded, for rebuilding when one changes. */
void pm_paragraph_builder_add_dictionaries (PmParagraphBuilder *builder, GPtrArray *files);

/* Names the file the inlines come from, for diagnostics (copied; NULL: none). A language
 * without patterns and a feature a face lacks are said once per file. */
void pm_paragraph_builder_set_source (PmParagraphBuilder *builder, const char *file);

/* Starts loading the hyphenation dictionary of LANG on a thread of its own, so that it is
 * ready (or nearly) when a paragraph first needs it; what the builder would warn about
 * (no patterns) is warned then, as without preloading. Does nothing for a language loaded
 * or loading already, or NULL. */
void pm_paragraph_builder_preload_hyphenation (PmParagraphBuilder *builder, const char *lang);

/* Sets INLINES (PmInline *) in STYLE to a measure of WIDTH points (indents come off it).
 * LOOSENESS asks for that many lines more (or fewer) than the best, as TeX's \looseness.
 * Warnings (an overfull line, a language without hyphenation patterns, once per builder)
 * go to DIAGS (may be NULL) with their place in the source. A character no declared font
 * can show fails with PM_ERROR_FONT, naming file:line:column. */
PmParagraph *pm_paragraph_builder_build (PmParagraphBuilder *builder, const GPtrArray *inlines,
                                         const PmParagraphStyle *style, double width, int looseness,
                                         PmDiagnostics *diags, GError **error);

/* Sets the paragraph of BUILDER's last pm_paragraph_builder_build() again with LOOSENESS,
 * from the items that build made: only the breaker runs and the lines are set, without
 * shaping or hyphenating again (the composer's shorter and longer settings for widow
 * control). STYLE must be that build's (its line-breaking parameters may differ), WIDTH may
 * differ, and that build's inlines must still be alive. Fails with PM_ERROR_INTERNAL when
 * that build failed or there was none. */
PmParagraph *pm_paragraph_builder_rebuild (PmParagraphBuilder *builder,
                                           const PmParagraphStyle *style, double width,
                                           int looseness, PmDiagnostics *diags, GError **error);

/* pm_paragraph_builder_rebuild() for each of the N (at most 8) values LOOSENESS[k], into
 * OUT[k]: the same paragraphs, with the breaker's passes run once for all of them when every
 * value is non-zero (pm_line_breaker_run_loose). FALSE with PM_ERROR_INTERNAL (and OUT all
 * NULL) when there was no build to set again. */
gboolean pm_paragraph_builder_rebuild_loose (PmParagraphBuilder *builder,
                                             const PmParagraphStyle *style, double width,
                                             const int *looseness, guint n, PmParagraph **out,
                                             PmDiagnostics *diags, GError **error);

/* Frees a paragraph. NULL is allowed. */
void pm_paragraph_free (PmParagraph *paragraph);

/* Number of lines. */
guint pm_paragraph_get_n_lines (const PmParagraph *paragraph);

/* Line I (owned by the paragraph). */
const PmLine *pm_paragraph_get_line (const PmParagraph *paragraph, guint i);

/* The paragraph's text as set (inlines joined, note references as their labels). */
const char *pm_paragraph_get_text (const PmParagraph *paragraph);

/* Baseline-to-baseline distance the paragraph was set with. */
double pm_paragraph_get_leading (const PmParagraph *paragraph);

/* Lines ending in a hyphen, overfull lines, and the breaker's total demerits. */
guint pm_paragraph_count_hyphenated (const PmParagraph *paragraph);
guint pm_paragraph_count_overfull (const PmParagraph *paragraph);
double pm_paragraph_get_demerits (const PmParagraph *paragraph);

/* The pass that set the paragraph: 1 without hyphenation (pretolerance), 2 with (tolerance),
 * 3 with emergency stretch, 4 as LaTeX's \sloppy (any badness) to avoid an overfull line;
 * 0 for an empty paragraph. */
int pm_paragraph_get_pass (const PmParagraph *paragraph);

/* Draws line LINE with its origin at (X, BASELINE_Y) in the current source colour of CR
 * (glyphs only: links are the caller's, from the runs' href and extents). */
void pm_paragraph_line_draw (const PmParagraph *paragraph, guint line, cairo_t *cr, double x,
                             double baseline_y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmParagraph, pm_paragraph_free)

G_END_DECLS
