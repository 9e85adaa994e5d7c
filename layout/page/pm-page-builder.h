/* pm-page-builder.h: cuts a stream of already-set material into pages, as TeX's page
 * builder does, with footnotes as inserts.
 *
 * Pure layout: every item is a height and a depth in points plus an opaque `user` pointer
 * that the caller uses to draw it; nothing here knows about fonts or cairo.
 *
 * The material of a section is a vertical list: paragraph lines (on a baseline grid),
 * headings, vertical space, unbreakable blocks and forced breaks. Each column is filled
 * until it overflows and then broken at the least-cost break seen so far; the cost of a
 * break is the badness of the column's fill (grid lines left empty) plus its penalty
 * (widow, orphan, interline). When the best break is a widow, an orphan or leaves the
 * column short, the builder tries setting one paragraph of the column one line shorter or
 * longer (the alternatives the caller gave, as lua-widow-control does) and keeps the
 * cheapest result.
 *
 * Footnotes are inserts: each column has its own notes at its foot (set by the caller at
 * the column's width), under a rule; the space a note takes is reserved when the line that
 * references it is added; a note that does not fit is split and continued on the next
 * column; the line with the mark never leaves the note's first line behind (it moves to the
 * next column instead). Only a line that must go on a column anyway (the column's first
 * line) can lose its note, and that is counted as a note moved.
 *
 * A section's first page may carry a masthead across all its columns (reserve_top): every
 * column of that page, its notes and its balancing then work in the height below it.
 *
 * Coordinates: points, from the top-left corner of the text area; y grows downwards. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The page's text area. */
typedef struct {
  double width;           /* text area width */
  double height;          /* text area height; a box fits if its bottom (baseline + depth)
                           * is at most this */
  double leading;         /* baseline-to-baseline distance of body lines: the grid */
  double top_skip;        /* baseline of the first grid line below the top; 0: leading */
  guint columns;          /* columns per page, at least 1 */
  double column_gap;      /* space between columns */
  double note_rule_space; /* space above a column's first note line: rule + separation */
  double note_leading;    /* baseline distance of note lines; 0: each line's height + depth */
  double note_max;        /* most height the notes of a column may take;
                           * 0: the height less two grid lines */
} PmPageFrame;

typedef struct _PmPageNote PmPageNote;

/* One set line (of a paragraph, a heading or a note). */
typedef struct {
  double height;           /* above the baseline */
  double depth;            /* below the baseline */
  gpointer user;           /* the caller's handle for drawing it */
  const PmPageNote *notes; /* the footnotes this line references, in order (body lines) */
  guint n_notes;
  int penalty; /* added to a column break right after this line (TeX's \brokenpenalty
                * after a line ending in a hyphen); 0 for none */
} PmPageLine;

/* A footnote: its lines, already set (smaller) by the caller. The builder copies it. */
struct _PmPageNote {
  gpointer user; /* the caller's handle for the note as a whole */
  const PmPageLine *lines;
  guint n_lines;
};

/* Another setting of a paragraph (normally one line fewer or one more). */
typedef struct {
  const PmPageLine *lines;
  guint n_lines;
} PmPageLines;

/* What breaking a paragraph costs, in TeX's units (10000 forbids a break). "Orphan" is
 * TeX's club line: the first line alone at the foot of a column. */
typedef struct {
  int widow;       /* break before the last line */
  int orphan;      /* break after the first line */
  int interline;   /* any break between two lines */
  int alternative; /* cost of using the shorter or longer setting instead of the normal one */
} PmParagraphPenalties;

#define PM_PAGE_PENALTY_INF 10000

/* The defaults: widow and orphan 3000 (avoided unless that leaves about six grid lines
 * empty), interline 0, alternative 50 (cheaper than leaving one grid line empty, 100). */
void pm_paragraph_penalties_init (PmParagraphPenalties *penalties);

typedef struct _PmPageBuilder PmPageBuilder;

/* A builder for pages of FRAME (copied). The first section is open and starts on page 1. */
PmPageBuilder *pm_page_builder_new (const PmPageFrame *frame);

/* Frees the builder (not the pages it made). */
void pm_page_builder_free (PmPageBuilder *b);

/* A paragraph's lines (copied, with their notes). PENALTIES may be NULL (the defaults).
 * SHORTER and LONGER, if not NULL, are other settings of the same paragraph the builder may
 * choose instead to avoid a widow, an orphan or a short column; their lines reference the
 * same notes (the same note user pointers). The lines placed tell which setting won. */
void pm_page_builder_add_paragraph (PmPageBuilder *b, const PmPageLine *lines, guint n_lines,
                                    const PmParagraphPenalties *penalties,
                                    const PmPageLines *shorter, const PmPageLines *longer);

/* A heading of one or more lines, never split, never last in a column: it stays with at
 * least two lines (or blocks) of what follows. Its lines stack by their heights and depths;
 * the body line after it snaps back to the grid. */
void pm_page_builder_add_heading (PmPageBuilder *b, const PmPageLine *lines, guint n_lines);

/* Vertical space of HEIGHT points; discarded at the top of a column, and a column may
 * break at it. The body line after it snaps to the next grid line. */
void pm_page_builder_add_space (PmPageBuilder *b, double height);

/* An unbreakable block (image, cover material); taller than the column, it is placed
 * alone and the page counted overfull. */
void pm_page_builder_add_block (PmPageBuilder *b, double height, double depth, gpointer user);

/* Takes HEIGHT points at the top of the first page of the open section, across all
 * columns, for a block the caller draws (USER), such as a leaflet's masthead. The space is
 * rounded up to whole grid lines: with R = ceil (HEIGHT / leading) * leading, the first
 * body line of every column of that page sits on the grid line at top_skip + R (a heading
 * or block first in a column has its top at R). The page gets one PM_PAGE_ITEM_MASTHEAD
 * item before all others. Notes, widow and orphan choices, fill stats and the balancing
 * of a section that ends on that page all work in the height left below R. A later call
 * for the same section replaces the earlier one. pm_page_builder_finish fails
 * (PM_ERROR_INPUT) when R leaves fewer than two grid lines below it, or HEIGHT is negative
 * or not a number; it never clamps. The reserve is not material: new_section right after
 * it keeps it for the section it opens, and a section with nothing else makes no page. */
void pm_page_builder_reserve_top (PmPageBuilder *b, double height, gpointer user);

/* Ends the page here (ignored at the top of a page). */
void pm_page_builder_break_page (PmPageBuilder *b);

/* Starts a new section on a new page; if RECTO, on a right-hand (odd) page, inserting a
 * blank page when needed. At the very start, or after an empty section, it only sets how
 * the open section starts. */
void pm_page_builder_new_section (PmPageBuilder *b, gboolean recto);

/* Moves everything added to FROM (a builder of the same frame) to the end of B, as if it
 * had been added to B: FROM's first section continues B's open one (a reserve_top of it
 * included), its later sections follow. FROM is left empty. Material set on several
 * threads, each into a builder of its own, is put in order this way. */
void pm_page_builder_append (PmPageBuilder *b, PmPageBuilder *from);

typedef enum {
  PM_PAGE_ITEM_LINE,      /* a paragraph line: y is its baseline, on the grid */
  PM_PAGE_ITEM_HEADING,   /* a heading line */
  PM_PAGE_ITEM_BLOCK,     /* a block: y is its baseline (top + height) */
  PM_PAGE_ITEM_NOTE_RULE, /* the top of a column's notes area; user is NULL */
  PM_PAGE_ITEM_NOTE_LINE, /* a line of a footnote */
  PM_PAGE_ITEM_MASTHEAD   /* the reserve_top block: column 0, x 0, top 0, y the height
                           * asked for (not rounded) */
} PmPageItemKind;

/* Something placed on a page. */
typedef struct {
  PmPageItemKind kind;
  guint column;
  double x;   /* left edge of the column */
  double y;   /* baseline (for the rule: the top of the notes area, rule space included) */
  double top; /* y - height */
  gpointer user;
  gpointer note;      /* note lines: the note's user pointer */
  gboolean continued; /* note lines: this part of the note began on an earlier column */
  gboolean continues; /* note lines: the note goes on in the next column */
} PmPageItem;

/* What went wrong, counted. Widows and orphans count column breaks (a two-line paragraph
 * broken is both); notes_moved counts notes whose first line is not on the page of the
 * reference; underfull counts columns with a grid line or more left empty that did not end
 * at a forced break or the end of a section; overfull counts columns whose material did not
 * fit; alternatives counts paragraphs set shorter or longer than normal. */
typedef struct {
  guint pages;
  guint widows;
  guint orphans;
  guint notes_moved;
  guint notes_split;
  guint underfull;
  guint overfull;
  guint alternatives;
} PmPageStats;

/* One page. Items come column by column: body items top to bottom, then the note rule and
 * the note lines; a masthead (first page of a section with a reserve) comes before all. */
typedef struct {
  guint section;          /* index of the section, from 0 */
  gboolean blank;         /* inserted so that a section starts recto: no folio, no head */
  gboolean section_start; /* the first page of the section's material */
  const PmPageItem *items;
  guint n_items;
  PmPageStats stats; /* stats.pages is 1 */
} PmPage;

typedef struct _PmPages PmPages;

/* Breaks everything added so far into pages. Fails (PM_ERROR_INPUT) only on a frame that
 * cannot hold a line (no height, no leading, no columns) or a reserve that leaves fewer
 * than two grid lines (see reserve_top). The builder stays usable. */
PmPages *pm_page_builder_finish (PmPageBuilder *b, GError **error);

/* The number of pages. */
guint pm_pages_get_n (const PmPages *pages);

/* Page I (from 0; even indexes are right-hand pages). */
const PmPage *pm_pages_get (const PmPages *pages, guint i);

/* The number of sections (the empty ones included). */
guint pm_pages_get_n_sections (const PmPages *pages);

/* Sums the stats of the pages of SECTION, or of every page if SECTION is -1. */
void pm_pages_get_stats (const PmPages *pages, int section, PmPageStats *stats);

/* Frees the pages. */
void pm_pages_free (PmPages *pages);

G_END_DECLS
