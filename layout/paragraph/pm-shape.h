/* pm-shape.h: shaping runs of text with HarfBuzz, in exact points, with a cache.
 *
 * The paragraph builder measures and draws glyphs itself, so it needs what a text layout
 * library hides: HarfBuzz's unsafe-to-break flag and unrounded advances. A PmShaper shapes with the
 * hb_font of the declared face directly (never a fallback face), and caches every result by font
 * spec and text, since the words of a text repeat. */
#pragma once

#include "paragraph/pm-fonts.h"

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* What a run is set in. Plain data; strings are borrowed for the call only. */
typedef struct {
  const char *family;   /* a declared family: "Liberation Serif" */
  double size;          /* points */
  int weight;           /* OpenType weight: 400 regular (also 0), 700 bold */
  gboolean italic;      /* the italic face */
  const char *lang;     /* BCP 47 tag; chooses the OpenType language system (locl); NULL: none */
  const char *features; /* comma-separated OpenType features, "kern,liga,onum,smcp,case";
                         * "-kern" or "kern=0" turns one off; HarfBuzz's defaults (kern, liga
                         * among them) apply otherwise; NULL or "" for just those */
} PmFontSpec;

/* Glyph flags. */
enum {
  PM_GLYPH_UNSAFE_TO_BREAK = 1 << 0 /* breaking the text before this glyph's cluster and
                                     * shaping the pieces apart would change their glyphs */
};

typedef struct {
  guint glyph;      /* glyph index in the face */
  guint cluster;    /* byte offset (in the shaped text) of the first character it shows */
  guint flags;      /* PM_GLYPH_* */
  double x_advance; /* points */
  double x_offset;  /* points, rightwards */
  double y_offset;  /* points, upwards */
} PmGlyph;

/* A shaped run: glyphs in visual order (left to right for the scripts pamphlet sets). */
typedef struct {
  PmFace *face; /* owned by the PmFonts */
  double size;  /* points */
  guint n_glyphs;
  PmGlyph *glyphs;
  double width; /* sum of the advances, points */
  gsize length; /* bytes of text shaped */
} PmShapedRun;

typedef struct _PmShaper PmShaper;

/* A shaper on FONTS (borrowed: FONTS must outlive it). */
PmShaper *pm_shaper_new (PmFonts *fonts);

/* Frees the shaper and its cache. NULL is allowed. */
void pm_shaper_free (PmShaper *shaper);

/* Shapes LEN bytes of TEXT (-1: up to the NUL) in SPEC. The result is owned by the shaper's
 * cache and lives as long as the shaper. If the face has no glyph for a character, fails with
 * PM_ERROR_FONT naming the character, its U+ code and its byte offset, which is also stored in
 * BAD_OFFSET (if not NULL) so that the caller can name the file, line and column. */
const PmShapedRun *pm_shaper_shape (PmShaper *shaper, const PmFontSpec *spec, const char *text,
                                    gssize len, gsize *bad_offset, GError **error);

/* Adds to TAGS (hb_tag_t) each OpenType feature SPEC's features turn on (the last word on a
 * feature wins: "liga,-liga" is off) that FACE lacks. FALSE with PM_ERROR_INPUT if the
 * features do not parse. */
gboolean pm_shaper_missing_features (PmShaper *shaper, const PmFontSpec *spec, const PmFace *face,
                                     GArray *tags, GError **error);

/* The advance of C alone in SPEC, in points (with the spec's features, so "smcp" counts), or
 * -1 with PM_ERROR_FONT if the face has no glyph for it. */
double pm_shaper_char_width (PmShaper *shaper, const PmFontSpec *spec, gunichar c, GError **error);

/* Ascent, descent, x-height and cap height of SPEC's face at its size. */
gboolean pm_shaper_get_metrics (PmShaper *shaper, const PmFontSpec *spec, PmFontMetrics *metrics,
                                GError **error);

/* Draws the whole RUN at (X, Y). */
void pm_shaper_draw_run (PmShaper *shaper, const PmShapedRun *run, cairo_t *cr, double x, double y);

/* Number of runs in the cache (for tests and benchmarks). */
guint pm_shaper_cache_size (PmShaper *shaper);

G_END_DECLS
