/* pm-linebreak.h: Knuth–Plass total-fit line breaking with TeX's model and knobs.
 *
 * A paragraph is a list of items (Knuth & Plass 1981, TeX §813–890):
 *   box      material of fixed width (a word, a glyph run, an indent); a box's stretch and
 *            shrink (font expansion, as pdfTeX's) are the line's first resort: its badness
 *            is that of what its glue must still take, as the renderer sets the line;
 *   glue     a space of natural width that may stretch and shrink; a legal break
 *            only when the item before it is a box; a break there drops the glue;
 *   penalty  a possible break with a cost: PM_PENALTY_INFINITY (10000) or more forbids it,
 *            PM_PENALTY_FORCE (-10000) or less forces it; its width (e.g. a hyphen) is set
 *            only when the line breaks there; "flagged" marks hyphen-like breaks (for the
 *            double- and final-hyphen demerits), "automatic" marks a hyphenation point found
 *            by patterns (not a break in the pretolerance pass).
 * After a break, glue and penalties up to the next box are discarded (the next line starts
 * at that box). How a paragraph's list must look:
 *   [paragraph start]  the indent box (pm_items_append_paragraph_start);
 *   words and spaces   boxes, one space recipe between words (pm_items_append_space),
 *                      hyphenation points inside words (pm_items_append_hyphen);
 *   forced line breaks pm_items_append_line_break;
 *   [paragraph end]    \parfillskip and the final forced break (pm_items_append_paragraph_end),
 *                      with no space before it.
 * A list that does not end in a forced break is broken as if it did (the last PmBreak then
 * has end == n). Widths should be non-negative and glue shrink at most its width: the
 * breaker drops an active break as soon as a line from it is overfull, which is exact only
 * then (as in TeX).
 *
 * The passes are TeX's: the first with threshold pretolerance and no automatic hyphenation
 * points, the second with tolerance, the third (only if emergency_stretch > 0) adds
 * emergency_stretch to every line's stretch. Demerits are TeX's (§859): (line_penalty +
 * badness)^2, +/- penalty^2, double/final hyphen demerits, adj_demerits between fitness
 * classes that are not adjacent; with max_hyphen_run, no more flagged breaks in a row than
 * that (but at a forced break); the result is the break sequence of fewest total demerits
 * among those whose lines are all feasible (tests/unit/test-linebreak.c checks this against
 * an exhaustive search). When the last pass finds nothing feasible, the breaker does what
 * TeX does (the break that would lose the last active node is kept with 0 demerits) and the
 * lines are flagged overfull or underfull. Unlike TeX, a feasible line in that situation
 * keeps its real demerits.
 *
 * Cost: O(items x active nodes); nodes whose line is overfull are dropped, nodes too loose
 * for a break are rejected before computing badness; all memory is kept in the breaker.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PM_PENALTY_INFINITY 10000
#define PM_PENALTY_FORCE (-10000)
/* The largest limit on hyphenated lines in a row (PmLineBreakParams.max_hyphen_run). */
#define PM_HYPHEN_RUN_MAX 7
/* TeX's inf_bad: the badness of a line that cannot stretch enough. */
#define PM_BADNESS_INFINITY 10000

typedef enum {
  PM_ITEM_BOX,
  PM_ITEM_GLUE,
  PM_ITEM_PENALTY
} PmItemType;

typedef struct {
  PmItemType type;
  double width, stretch, shrink;
  int stretch_order;  /* 0 finite, 1 fil, 2 fill, 3 filll (infinite) */
  int penalty;        /* PM_PENALTY_INFINITY forbids, PM_PENALTY_FORCE forces */
  gboolean flagged;   /* hyphen-like break */
  gboolean automatic; /* hyphenation point from patterns: no break in the pretolerance pass */
  gpointer user;
} PmItem;

/* TeX's fitness classes, in TeX's order. */
typedef enum {
  PM_FIT_VERY_LOOSE = 0,
  PM_FIT_LOOSE = 1,
  PM_FIT_DECENT = 2,
  PM_FIT_TIGHT = 3
} PmFitness;

typedef struct {
  int tolerance;         /* badness limit of the second and third passes (200) */
  int pretolerance;      /* badness limit of the first pass, without automatic hyphenation (100);
                            < 0 skips the first pass */
  int line_penalty;      /* added to every line's badness before squaring (10) */
  int hyphen_penalty;    /* penalty of a hyphenation point, used by the recipes (50) */
  int ex_hyphen_penalty; /* penalty after an explicit hyphen or dash, for the recipes (50) */
  double double_hyphen_demerits; /* two hyphenated lines in a row (10000) */
  double final_hyphen_demerits;  /* the last full line hyphenated (5000) */
  double adj_demerits;           /* fitness classes of neighbouring lines not adjacent (10000) */
  guint max_hyphen_run;     /* most flagged (hyphenated) lines in a row, at most PM_HYPHEN_RUN_MAX;
                               0: no limit (0) */
  int looseness;            /* try for this many lines more (or fewer) than optimal (0) */
  double emergency_stretch; /* > 0: a third pass with this much more stretch per line (0) */
  /* Line widths line by line, the last repeating; NULL/0 means every line is `width`. */
  const double *line_widths;
  guint n_line_widths;
  double width;
  /* Left indents line by line, the last repeating (NULL: 0); passed to PmBreak. */
  const double *line_indents;
  guint n_line_indents;
} PmLineBreakParams;

/* One line of the result. */
typedef struct {
  guint start;       /* first item of the line (after the discarded items of the break before) */
  guint end;         /* the break: items [start, end) are the line, plus items[end] if it is a
                        penalty (its width, e.g. a hyphen); n for an implicit final break */
  double ratio;      /* adjustment ratio: > 0 stretch (of stretch_order), < 0 shrink, >= -1 */
  int stretch_order; /* the order of stretch `ratio` applies to */
  int badness;       /* TeX's badness (PM_BADNESS_INFINITY + 1 if overfull) */
  PmFitness fitness;
  double demerits;     /* this line's demerits (0 for a line forced by the last resort) */
  double width;        /* the measure of this line */
  double indent;       /* its left indent from the parameters */
  double natural;      /* natural width of the line's material */
  gboolean hyphenated; /* ends at a flagged penalty */
  gboolean overfull;   /* wider than the measure even with all shrink */
  double overfull_by;  /* by how much (0 if not overfull) */
  gboolean underfull;  /* badness above the pass's threshold (too loose) */
} PmBreak;

typedef struct {
  int pass; /* 1 pretolerance, 2 tolerance, 3 emergency stretch */
  double total_demerits;
  guint n_lines;
  guint n_overfull;
  guint n_underfull;
  gboolean feasible;    /* every line within the threshold and none overfull */
  int actual_looseness; /* lines more (or fewer) than the optimum, as achieved */
  guint peak_active;    /* most active nodes at once (over all passes): the breaker's cost */
} PmLineBreakInfo;

typedef struct _PmLineBreaker PmLineBreaker;

/* Fills P with TeX's (plain) defaults; widths must still be set. */
void pm_line_break_params_init (PmLineBreakParams *p);

/* A breaker; it keeps its scratch memory between paragraphs. */
PmLineBreaker *pm_line_breaker_new (void);
void pm_line_breaker_free (PmLineBreaker *b);

/* Breaks ITEMS[0..N) into lines: replaces the contents of BREAKS (element type PmBreak) with
 * one element per line, fills INFO (may be NULL). TRUE if a feasible solution was found; FALSE
 * if, as TeX, it had to set lines that are overfull or too loose (they are flagged in BREAKS
 * and counted in INFO). N == 0 gives no lines. */
gboolean pm_line_breaker_run (PmLineBreaker *b, const PmItem *items, guint n,
                              const PmLineBreakParams *p, GArray *breaks, PmLineBreakInfo *info);

/* Breaks ITEMS[0..N) as pm_line_breaker_run() would with P's looseness set to LOOSENESS[k], for
 * each of the N_LOOSE (at most 8) non-zero values, into BREAKS[k] and INFO[k] (an array of
 * N_LOOSE, not NULL): each result is the same as that run's. The passes are shared (they do
 * not depend on which non-zero looseness is asked for), so a paragraph's shorter and longer
 * settings cost little more than one of them. TRUE if every result is feasible. */
gboolean pm_line_breaker_run_loose (PmLineBreaker *b, const PmItem *items, guint n,
                                    const PmLineBreakParams *p, const int *looseness, guint n_loose,
                                    GArray **breaks, PmLineBreakInfo *info);

/* TeX's badness of stretching (or shrinking) by T with S available: about 100 (T/S)^3,
 * rounded, at most PM_BADNESS_INFINITY. */
int pm_line_badness (double t, double s);

/* The width of line LINE (1-based) under P. */
double pm_line_break_params_width (const PmLineBreakParams *p, guint line);

/* ---- recipes for building item lists (GArray of PmItem) ---- */

typedef enum {
  PM_ALIGN_JUSTIFY,
  PM_ALIGN_RAGGED_RIGHT,
  PM_ALIGN_CENTER
} PmAlign;

typedef struct {
  PmAlign align;
  /* Ragged right: TeX's \rightskip 0pt plus ragged_stretch; centred: that much on each side.
   * The badness of a ragged line comes from it, so ragged lines are chosen by total fit. */
  double ragged_stretch;
  int hyphen_penalty;
  int ex_hyphen_penalty;
} PmItemRecipe;

/* Fills R for ALIGN: ragged stretch 2 EM (as plain TeX's \raggedright), penalties from P (or
 * TeX's defaults if P is NULL). */
void pm_item_recipe_init (PmItemRecipe *r, PmAlign align, double em, const PmLineBreakParams *p);

void pm_items_append_box (GArray *items, double width, gpointer user);
void pm_items_append_glue (GArray *items, double width, double stretch, double shrink,
                           int stretch_order, gpointer user);
void pm_items_append_penalty (GArray *items, double width, int penalty, gboolean flagged,
                              gpointer user);

/* The start of a paragraph: an indent box of INDENT (always, for a legal first break), or for
 * centred text the left centring glue. */
void pm_items_append_paragraph_start (GArray *items, const PmItemRecipe *r, double indent,
                                      gpointer user);
/* An interword space of WIDTH, STRETCH and SHRINK. Justified: one glue. Ragged right:
 * glue(0, +R) penalty(0) glue(WIDTH, STRETCH - R, SHRINK), so a line broken there gets the
 * \rightskip stretch R and an unbroken space is WIDTH plus STRETCH. Centred: the same with R
 * on both sides. USER goes on the glue that carries WIDTH. */
void pm_items_append_space (GArray *items, const PmItemRecipe *r, double width, double stretch,
                            double shrink, gpointer user);
/* A hyphenation point (flagged penalty of HYPHEN_WIDTH, the hyphen set if broken there; 0 after
 * an explicit hyphen or dash, EXPLICIT_HYPHEN choosing ex_hyphen_penalty). AUTOMATIC for points
 * found by patterns. Ragged and centred add the ragged stretch to a line broken there. */
void pm_items_append_hyphen (GArray *items, const PmItemRecipe *r, double hyphen_width,
                             gboolean explicit_hyphen, gboolean automatic, gpointer user);
/* A forced line break inside the paragraph (the line before it is filled with fil glue, or
 * centred). */
void pm_items_append_line_break (GArray *items, const PmItemRecipe *r, gpointer user);
/* The end of a paragraph: penalty(10000) \parfillskip (0 plus 1fil; centred: the centring
 * glue) and the final forced break. */
void pm_items_append_paragraph_end (GArray *items, const PmItemRecipe *r, gpointer user);

G_END_DECLS
