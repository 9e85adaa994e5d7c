/* test-page-builder.c: pages from synthetic lines: fill, grid, notes on the page of their
 * reference (a property over many random documents), split notes, widows and orphans,
 * headings, sections, columns. */
#include "base/pm-error.h"
#include "page/pm-page-builder.h"

#include <math.h>

/* 40 grid lines: baselines at 10, 22, ..., 478; a line is 8 high and 2 deep. */
#define LEADING 12.0
#define TOP 10.0
#define GRID_LINES 40

typedef enum {
  K_LINE,
  K_HEADING,
  K_BLOCK,
  K_NOTE
} Kind;

/* What a user pointer stands for. */
typedef struct {
  Kind kind;
  int para;  /* paragraph (or heading, block) number, or note number */
  int index; /* line in its paragraph or note */
  int n;     /* lines in that setting of the paragraph, or in the note */
  int section;
} Info;

typedef struct {
  PmPageBuilder *b;
  GPtrArray *infos;
  int n_paras, n_notes, section;
  GRand *rand;
} Doc;

static PmPageFrame
frame (guint columns)
{
  PmPageFrame f = { 0 };
  f.width = 300;
  f.height = TOP + (GRID_LINES - 1) * LEADING + 2;
  f.leading = LEADING;
  f.top_skip = TOP;
  f.columns = columns;
  f.column_gap = 12;
  f.note_rule_space = 6;
  f.note_leading = 10;
  return f;
}

static Doc *
doc_new (const PmPageFrame *f, guint32 seed)
{
  Doc *d = g_new0 (Doc, 1);
  d->b = pm_page_builder_new (f);
  d->infos = g_ptr_array_new_with_free_func (g_free);
  d->rand = g_rand_new_with_seed (seed);
  return d;
}

static void
doc_free (Doc *d)
{
  pm_page_builder_free (d->b);
  g_ptr_array_unref (d->infos);
  g_rand_free (d->rand);
  g_free (d);
}

static Info *
info (Doc *d, Kind kind, int para, int index, int n)
{
  Info *i = g_new0 (Info, 1);
  *i = (Info){ kind, para, index, n, d->section };
  g_ptr_array_add (d->infos, i);
  return i;
}

/* N lines of paragraph PARA; NOTE_AT[i] > 0 gives line i a note of that many lines. */
static PmPageLine *
make_lines (Doc *d, int para, int n, const int *note_at, GPtrArray *garbage)
{
  PmPageLine *lines = g_new0 (PmPageLine, n);
  g_ptr_array_add (garbage, lines);
  for (int i = 0; i < n; i++) {
    lines[i] = (PmPageLine){ 8, 2, info (d, K_LINE, para, i, n), NULL, 0, 0 };
    if (note_at && note_at[i] > 0) {
      int nid = d->n_notes++;
      PmPageNote *note = g_new0 (PmPageNote, 1);
      PmPageLine *nl = g_new0 (PmPageLine, note_at[i]);
      g_ptr_array_add (garbage, note);
      g_ptr_array_add (garbage, nl);
      for (int k = 0; k < note_at[i]; k++)
        nl[k] = (PmPageLine){ 7, 2, info (d, K_NOTE, nid, k, note_at[i]), NULL, 0, 0 };
      *note = (PmPageNote){ info (d, K_NOTE, nid, -1, note_at[i]), nl, note_at[i] };
      lines[i].notes = note;
      lines[i].n_notes = 1;
    }
  }
  return lines;
}

/* A paragraph of N lines, notes as in make_lines, with shorter and longer settings if ALT
 * (the notes stay on the same line numbers). */
static void
add_para (Doc *d, int n, const int *note_at, gboolean alt, const PmParagraphPenalties *pen)
{
  GPtrArray *garbage = g_ptr_array_new_with_free_func (g_free);
  int para = d->n_paras++;
  PmPageLine *lines = make_lines (d, para, n, note_at, garbage);
  PmPageLines shorter = { 0 }, longer = { 0 };
  if (alt) {
    int *na = g_new0 (int, n + 1);
    g_ptr_array_add (garbage, na);
    /* The same notes, on the same lines (the last one moved up when shorter). */
    int *ns = g_new0 (int, n + 1);
    g_ptr_array_add (garbage, ns);
    for (int i = 0; i < n && note_at; i++) {
      na[i] = note_at[i];
      ns[MIN (i, n - 2)] = MAX (ns[MIN (i, n - 2)], note_at[i]);
    }
    /* Note ids of alternatives are new notes with the same sizes; tests look at the
     * normal ones only through their infos, which carry the paragraph. */
    if (n >= 2)
      shorter = (PmPageLines){ make_lines (d, para, n - 1, ns, garbage), n - 1 };
    longer = (PmPageLines){ make_lines (d, para, n + 1, na, garbage), n + 1 };
  }
  pm_page_builder_add_paragraph (d->b, lines, n, pen, alt && n >= 2 ? &shorter : NULL,
                                 alt ? &longer : NULL);
  g_ptr_array_unref (garbage);
}

static void
add_heading (Doc *d)
{
  PmPageLine l = { 14, 4, info (d, K_HEADING, d->n_paras++, 0, 1), NULL, 0, 0 };
  pm_page_builder_add_heading (d->b, &l, 1);
}

static PmPages *
finish (Doc *d)
{
  GError *error = NULL;
  PmPages *p = pm_page_builder_finish (d->b, &error);
  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

static const Info *
item_info (const PmPageItem *it)
{
  return it->user;
}

static PmParagraphPenalties
no_penalties (void)
{
  PmParagraphPenalties p;
  pm_paragraph_penalties_init (&p);
  p.widow = p.orphan = 0;
  return p;
}

/* Body lines per column of page I. */
static int
lines_in_column (const PmPage *p, guint col)
{
  int n = 0;
  for (guint i = 0; i < p->n_items; i++)
    if (p->items[i].kind == PM_PAGE_ITEM_LINE && p->items[i].column == col)
      n++;
  return n;
}

/* Every body line, heading and block appears once, in order; items of a column stack
 * without overlap; notes sit below the body. */
static void
check_sound (const PmPages *pages, const PmPageFrame *f)
{
  int last_para = -1, last_index = -1;
  for (guint pi = 0; pi < pm_pages_get_n (pages); pi++) {
    const PmPage *p = pm_pages_get (pages, pi);
    if (p->blank)
      g_assert_cmpuint (p->n_items, ==, 0);
    /* A masthead comes first, on a section's first page; every column starts below it. */
    double masthead = 0;
    for (guint i = 0; i < p->n_items; i++)
      if (p->items[i].kind == PM_PAGE_ITEM_MASTHEAD) {
        g_assert_cmpuint (i, ==, 0);
        g_assert_true (p->section_start);
        g_assert_cmpuint (p->items[i].column, ==, 0);
        g_assert_cmpfloat (p->items[i].x, ==, 0);
        g_assert_cmpfloat (p->items[i].top, ==, 0);
        masthead = p->items[i].y;
      }
    for (guint col = 0; col < f->columns; col++) {
      double bottom = masthead, rule = f->height;
      for (guint i = 0; i < p->n_items; i++) {
        const PmPageItem *it = &p->items[i];
        if (it->column != col)
          continue;
        if (it->kind == PM_PAGE_ITEM_NOTE_RULE)
          rule = it->y;
      }
      for (guint i = 0; i < p->n_items; i++) {
        const PmPageItem *it = &p->items[i];
        if (it->column != col || it->kind == PM_PAGE_ITEM_NOTE_RULE ||
            it->kind == PM_PAGE_ITEM_NOTE_LINE || it->kind == PM_PAGE_ITEM_MASTHEAD)
          continue;
        const Info *in = item_info (it);
        /* Reading order: the paragraph number never goes back, lines follow each other. */
        if (in->para == last_para) {
          g_assert_cmpint (in->index, ==, last_index + 1);
        } else {
          g_assert_cmpint (in->para, >, last_para);
          g_assert_cmpint (in->index, ==, 0);
          if (last_para >= 0 && last_index >= 0) {
            /* The previous paragraph was complete. */
          }
        }
        last_para = in->para;
        last_index = in->index;
        g_assert_cmpfloat (it->top, >=, bottom - 1e-6);
        bottom = it->y + (in->kind == K_HEADING ? 4 : in->kind == K_BLOCK ? 0 : 2);
        if (!p->stats.overfull)
          g_assert_cmpfloat (bottom, <=, rule + 1e-6);
        g_assert_cmpfloat (
            fabs (it->x - col * ((f->width - (f->columns - 1) * f->column_gap) / f->columns +
                                 f->column_gap)),
            <, 1e-6);
      }
    }
  }
}

static void
test_fill (void)
{
  PmPageFrame f = frame (1);
  Doc *d = doc_new (&f, 1);
  PmParagraphPenalties pen = no_penalties ();
  int total = 0;
  for (int i = 0; i < 100; i++) {
    int n = 3 + g_rand_int_range (d->rand, 0, 8);
    add_para (d, n, NULL, FALSE, &pen);
    total += n;
  }
  PmPages *pages = finish (d);
  guint n = pm_pages_get_n (pages);
  g_assert_cmpuint (n, ==, (guint)(total + GRID_LINES - 1) / GRID_LINES);
  int seen = 0;
  for (guint i = 0; i < n; i++) {
    const PmPage *p = pm_pages_get (pages, i);
    int lines = lines_in_column (p, 0);
    if (i + 1 < n)
      g_assert_cmpint (lines, ==, GRID_LINES);
    seen += lines;
    /* The first line sits at the top skip, the last full page's last on the last grid
     * line. */
    g_assert_cmpfloat (p->items[0].y, ==, TOP);
  }
  g_assert_cmpint (seen, ==, total);
  check_sound (pages, &f);
  PmPageStats st;
  pm_pages_get_stats (pages, -1, &st);
  g_assert_cmpuint (st.pages, ==, n);
  g_assert_cmpuint (st.underfull, ==, 0);
  g_assert_cmpuint (st.overfull, ==, 0);
  pm_pages_free (pages);
  doc_free (d);
}

/* A penalty on a line (TeX's \brokenpenalty after a hyphenated line) moves the column break
 * away from it, a line earlier, when that costs less. */
static void
test_line_penalty (void)
{
  PmPageFrame f = frame (1);
  for (int pen = 0; pen <= 1000; pen += 1000) {
    PmPageBuilder *b = pm_page_builder_new (&f);
    PmPageLine lines[GRID_LINES + 6];
    for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
      lines[i] =
          (PmPageLine){ 8, 2, GUINT_TO_POINTER (i + 1), NULL, 0, i == GRID_LINES - 1 ? pen : 0 };
    PmParagraphPenalties no = no_penalties ();
    pm_page_builder_add_paragraph (b, lines, G_N_ELEMENTS (lines), &no, NULL, NULL);
    PmPages *pages = pm_page_builder_finish (b, NULL);
    g_assert_cmpint (lines_in_column (pm_pages_get (pages, 0), 0), ==,
                     pen ? GRID_LINES - 1 : GRID_LINES);
    pm_pages_free (pages);
    pm_page_builder_free (b);
  }
}

/* Headings and space between paragraphs: every body line is still on the grid. */
static void
test_grid (void)
{
  PmPageFrame f = frame (1);
  Doc *d = doc_new (&f, 2);
  for (int i = 0; i < 80; i++) {
    if (i % 7 == 3) {
      pm_page_builder_add_space (d->b, 9);
      add_heading (d);
      pm_page_builder_add_space (d->b, 5);
    } else if (i % 11 == 5) {
      pm_page_builder_add_space (d->b, 4);
      pm_page_builder_add_block (d->b, 50, 0, info (d, K_BLOCK, d->n_paras++, 0, 1));
    }
    add_para (d, 2 + g_rand_int_range (d->rand, 0, 9), NULL, FALSE, NULL);
  }
  PmPages *pages = finish (d);
  int lines = 0;
  for (guint pi = 0; pi < pm_pages_get_n (pages); pi++) {
    const PmPage *p = pm_pages_get (pages, pi);
    for (guint i = 0; i < p->n_items; i++) {
      if (p->items[i].kind != PM_PAGE_ITEM_LINE)
        continue;
      double k = (p->items[i].y - TOP) / LEADING;
      g_assert_cmpfloat (fabs (k - round (k)), <, 1e-6);
      lines++;
    }
  }
  g_assert_cmpint (lines, >, 300);
  check_sound (pages, &f);
  pm_pages_free (pages);
  doc_free (d);
}

/* No column ends with a heading, and a heading has two lines after it in its column. */
static void
test_heading_kept (void)
{
  for (guint32 seed = 0; seed < 40; seed++) {
    PmPageFrame f = frame (1 + seed % 2);
    Doc *d = doc_new (&f, seed);
    for (int i = 0; i < 60; i++) {
      if (g_rand_int_range (d->rand, 0, 4) == 0) {
        add_heading (d);
        if (g_rand_boolean (d->rand))
          pm_page_builder_add_space (d->b, 6);
      }
      add_para (d, 1 + g_rand_int_range (d->rand, 0, 8), NULL, g_rand_boolean (d->rand), NULL);
    }
    PmPages *pages = finish (d);
    for (guint pi = 0; pi < pm_pages_get_n (pages); pi++) {
      const PmPage *p = pm_pages_get (pages, pi);
      for (guint col = 0; col < f.columns; col++) {
        int after_heading = -1; /* lines after the last heading of the column */
        for (guint i = 0; i < p->n_items; i++) {
          const PmPageItem *it = &p->items[i];
          if (it->column != col)
            continue;
          if (it->kind == PM_PAGE_ITEM_HEADING)
            after_heading = 0;
          else if (it->kind == PM_PAGE_ITEM_LINE && after_heading >= 0)
            after_heading++;
        }
        /* The document never ends with a heading, so each heading has two lines after
         * it unless the section ends first. */
        if (after_heading >= 0 && pi + 1 < pm_pages_get_n (pages))
          g_assert_cmpint (after_heading, >=, 2);
      }
    }
    check_sound (pages, &f);
    pm_pages_free (pages);
    doc_free (d);
  }
}

typedef struct {
  int ref_page;  /* page of the line with the mark */
  int note_page; /* page of the note's first line */
  int lines;     /* lines of it seen */
  int last_index;
  int want_lines;
  int ref_line; /* the body line with the mark, in reading order */
} NoteSeen;

/* Many random documents with notes of every size: each note starts on the page of its
 * reference, or the page reports it moved; every note line appears once, in order. One
 * document in three has a masthead reserved on its first page. */
static void
test_notes_property (void)
{
  int total_notes = 0, total_moved = 0, total_split = 0;
  for (guint32 seed = 100; seed < 300; seed++) {
    PmPageFrame f = frame (1 + seed % 2);
    Doc *d = doc_new (&f, seed);
    if (seed % 3 == 0)
      pm_page_builder_reserve_top (d->b, g_rand_double_range (d->rand, 1, 300), NULL);
    int paras = 20 + g_rand_int_range (d->rand, 0, 40);
    int density = 2 + g_rand_int_range (d->rand, 0, 10);
    for (int i = 0; i < paras; i++) {
      int n = 1 + g_rand_int_range (d->rand, 0, 12);
      int *note_at = g_new0 (int, n);
      for (int k = 0; k < n; k++)
        if (g_rand_int_range (d->rand, 0, density) == 0)
          note_at[k] = g_rand_int_range (d->rand, 0, 6) == 0
                           ? 10 + g_rand_int_range (d->rand, 0, 60)
                           : 1 + g_rand_int_range (d->rand, 0, 5);
      if (g_rand_int_range (d->rand, 0, 10) == 0)
        add_heading (d);
      /* Alternatives carry their own (new) notes, so leave them out here: every note
       * referenced must then show up. */
      add_para (d, n, note_at, FALSE, NULL);
      g_free (note_at);
    }
    PmPages *pages = finish (d);
    check_sound (pages, &f);
    NoteSeen *seen = g_new0 (NoteSeen, d->n_notes);
    for (int i = 0; i < d->n_notes; i++)
      seen[i] = (NoteSeen){ -1, -1, 0, -1, 0, -1 };
    for (guint pi = 0; pi < pm_pages_get_n (pages); pi++) {
      const PmPage *p = pm_pages_get (pages, pi);
      for (guint i = 0; i < p->n_items; i++) {
        const PmPageItem *it = &p->items[i];
        if (it->kind != PM_PAGE_ITEM_NOTE_LINE)
          continue;
        const Info *in = item_info (it);
        const Info *ni = it->note;
        g_assert_cmpint (ni->para, ==, in->para);
        NoteSeen *s = &seen[in->para];
        g_assert_cmpint (in->index, ==, s->last_index + 1);
        /* continued marks the first line of a later part, continues the last of a part
         * that goes on. */
        if (s->lines > 0 && (i == 0 || p->items[i - 1].note != it->note))
          g_assert_true (it->continued);
        else
          g_assert_false (it->continued);
        if (s->lines == 0)
          s->note_page = pi;
        s->last_index = in->index;
        s->lines++;
      }
    }
    /* Where each reference is: the line of the paragraph that got the note. The notes
     * are numbered in the order of their lines, so walk the lines in order. */
    /* Each body line in reading order: its page, whether it is its column's first, and
     * the first note line of its column (or NULL). */
    typedef struct {
      int page;
      gboolean first;
      const Info *col_note;
    } Where;
    GArray *where = g_array_new (FALSE, FALSE, sizeof (Where));
    for (guint pi = 0; pi < pm_pages_get_n (pages); pi++) {
      const PmPage *p = pm_pages_get (pages, pi);
      for (guint col = 0; col < f.columns; col++) {
        const Info *col_note = NULL;
        for (guint i = 0; i < p->n_items && !col_note; i++)
          if (p->items[i].column == col && p->items[i].kind == PM_PAGE_ITEM_NOTE_LINE)
            col_note = item_info (&p->items[i]);
        gboolean first = TRUE;
        for (guint i = 0; i < p->n_items; i++)
          if (p->items[i].column == col && p->items[i].kind == PM_PAGE_ITEM_LINE) {
            Where w = { pi, first, col_note };
            g_array_append_val (where, w);
            first = FALSE;
          }
      }
    }
    /* Which line had which note, from the infos: a note's infos come right after its
     * line's. */
    int line_no = 0, moved = 0;
    for (guint k = 0; k < d->infos->len; k++) {
      const Info *in = g_ptr_array_index (d->infos, k);
      if (in->kind == K_LINE)
        line_no++;
      else if (in->kind == K_NOTE && in->index == 0) {
        seen[in->para].ref_page = g_array_index (where, Where, line_no - 1).page;
        seen[in->para].ref_line = line_no - 1;
        seen[in->para].want_lines = in->n;
      }
    }
    for (int i = 0; i < d->n_notes; i++) {
      g_assert_cmpint (seen[i].lines, ==, seen[i].want_lines);
      g_assert_cmpint (seen[i].note_page, >=, 0);
      if (seen[i].note_page == seen[i].ref_page)
        continue;
      g_assert_cmpint (seen[i].note_page, >, seen[i].ref_page);
      moved++;
      /* Only when impossible: the mark opens its column (it could go nowhere earlier) and
       * the notes of that column begin with an earlier note still going on, which must
       * finish first. */
      const Where *w = &g_array_index (where, Where, seen[i].ref_line);
      g_assert_true (w->first);
      g_assert_nonnull (w->col_note);
      g_assert_true (w->col_note->index > 0 || seen[w->col_note->para].ref_page < w->page);
    }
    PmPageStats st;
    pm_pages_get_stats (pages, -1, &st);
    g_assert_cmpuint (st.notes_moved, ==, (guint)moved);
    total_notes += d->n_notes;
    total_moved += moved;
    total_split += st.notes_split;
    g_array_unref (where);
    g_free (seen);
    pm_pages_free (pages);
    doc_free (d);
  }
  g_test_message ("%d notes, %d moved, %d split parts", total_notes, total_moved, total_split);
  g_assert_cmpint (total_split, >, 0);
  /* Moving a note is the exception. */
  g_assert_cmpint (total_moved * 100, <, total_notes);
}

/* A note longer than a page: split, continued, its first line on the reference's page. */
static void
test_note_split (void)
{
  PmPageFrame f = frame (1);
  Doc *d = doc_new (&f, 3);
  PmParagraphPenalties pen = no_penalties ();
  add_para (d, 30, NULL, FALSE, &pen);
  int note_at[6] = { 0, 0, 0, 80, 0, 0 };
  add_para (d, 6, note_at, FALSE, &pen);
  add_para (d, 60, NULL, FALSE, &pen);
  PmPages *pages = finish (d);
  check_sound (pages, &f);
  g_assert_cmpuint (pm_pages_get_n (pages), >=, 3);
  /* The mark is the 34th line: page 0 (the note took the room of later lines). */
  const PmPage *p0 = pm_pages_get (pages, 0);
  int body0 = lines_in_column (p0, 0), notes0 = 0, parts = 0, total = 0;
  g_assert_cmpint (body0, >=, 34);
  for (guint pi = 0; pi < pm_pages_get_n (pages); pi++) {
    const PmPage *p = pm_pages_get (pages, pi);
    gboolean rule = FALSE;
    for (guint i = 0; i < p->n_items; i++) {
      const PmPageItem *it = &p->items[i];
      if (it->kind == PM_PAGE_ITEM_NOTE_RULE)
        rule = TRUE;
      if (it->kind != PM_PAGE_ITEM_NOTE_LINE)
        continue;
      g_assert_true (rule);
      g_assert_cmpint (item_info (it)->index, ==, total);
      /* The first note line of every page after the first is a continuation. */
      gboolean first_on_page = p->items[i - 1].kind == PM_PAGE_ITEM_NOTE_RULE;
      g_assert_cmpint (it->continued, ==, pi > 0 && first_on_page);
      if (pi == 0)
        notes0++;
      if (it->continues)
        parts++;
      total++;
    }
  }
  g_assert_cmpint (notes0, >, 0);
  g_assert_cmpint (total, ==, 80);
  g_assert_cmpint (parts, >=, 2);
  PmPageStats st;
  pm_pages_get_stats (pages, -1, &st);
  g_assert_cmpuint (st.notes_moved, ==, 0);
  g_assert_cmpuint (st.notes_split, ==, (guint)parts);
  pm_pages_free (pages);
  doc_free (d);
}

/* Widows and orphans counted from the layout: a column ending after a paragraph's first
 * line, or the next starting with its last. */
static void
count_widows (const PmPages *pages, int *widows, int *orphans)
{
  *widows = *orphans = 0;
  const Info *prev = NULL;
  for (guint pi = 0; pi < pm_pages_get_n (pages); pi++) {
    const PmPage *p = pm_pages_get (pages, pi);
    for (guint col = 0; col < 4; col++) {
      const Info *first = NULL, *last = NULL;
      for (guint i = 0; i < p->n_items; i++)
        if (p->items[i].column == col && p->items[i].kind == PM_PAGE_ITEM_LINE) {
          if (!first)
            first = item_info (&p->items[i]);
          last = item_info (&p->items[i]);
        }
      if (!first)
        continue;
      if (prev && prev->para == first->para) {
        *orphans += prev->index == 0;
        *widows += first->index == first->n - 1;
      }
      prev = last;
    }
  }
}

static void
test_widows (void)
{
  int with_alt_widows = 0, plain_widows = 0, alternatives = 0, short_pages = 0;
  for (guint32 seed = 0; seed < 60; seed++) {
    for (int alt = 0; alt < 2; alt++) {
      PmPageFrame f = frame (1);
      Doc *d = doc_new (&f, seed);
      for (int i = 0; i < 60; i++)
        add_para (d, 2 + g_rand_int_range (d->rand, 0, 9), NULL, alt, NULL);
      PmPages *pages = finish (d);
      check_sound (pages, &f);
      int w, o;
      count_widows (pages, &w, &o);
      PmPageStats st;
      pm_pages_get_stats (pages, -1, &st);
      /* What is reported is what is there. */
      g_assert_cmpuint (st.widows, ==, (guint)w);
      g_assert_cmpuint (st.orphans, ==, (guint)o);
      if (alt) {
        with_alt_widows += w + o;
        alternatives += st.alternatives;
        /* With alternatives, no page needs to be short. */
        g_assert_cmpuint (st.underfull, <=, 1);
      } else {
        plain_widows += w + o;
        short_pages += st.underfull;
      }
      pm_pages_free (pages);
      doc_free (d);
    }
  }
  g_test_message ("alternatives used %d, short pages without %d", alternatives, short_pages);
  g_assert_cmpint (with_alt_widows, ==, 0);
  g_assert_cmpint (plain_widows, ==, 0);
  g_assert_cmpint (alternatives, >, 0);
  g_assert_cmpint (short_pages, >, 0);
}

/* The first line of paragraph PARA found on page PI, or NULL. */
static const Info *
find_para (const PmPage *p, int para)
{
  for (guint i = 0; i < p->n_items; i++)
    if (p->items[i].kind == PM_PAGE_ITEM_LINE && item_info (&p->items[i])->para == para)
      return item_info (&p->items[i]);
  return NULL;
}

/* A widow pulled back by setting an earlier paragraph one line shorter, an orphan pushed
 * on by setting one a line longer: the page stays full. */
static void
test_alternatives_chosen (void)
{
  PmPageFrame f = frame (1);
  Doc *d = doc_new (&f, 8);
  add_para (d, 10, NULL, TRUE, NULL);  /* 0: 9 or 11 lines possible */
  add_para (d, 31, NULL, FALSE, NULL); /* 1: its last line would be a widow */
  PmPages *pages = finish (d);
  g_assert_cmpuint (pm_pages_get_n (pages), ==, 1);
  g_assert_cmpint (find_para (pm_pages_get (pages, 0), 0)->n, ==, 9);
  g_assert_cmpint (lines_in_column (pm_pages_get (pages, 0), 0), ==, GRID_LINES);
  PmPageStats st;
  pm_pages_get_stats (pages, -1, &st);
  g_assert_cmpuint (st.alternatives, ==, 1);
  g_assert_cmpuint (st.widows + st.orphans + st.underfull, ==, 0);
  pm_pages_free (pages);
  doc_free (d);

  d = doc_new (&f, 9);
  add_para (d, 10, NULL, TRUE, NULL);  /* 0: set 11 lines long */
  add_para (d, 29, NULL, FALSE, NULL); /* 1: ends on line 39 */
  add_para (d, 3, NULL, FALSE, NULL);  /* 2: its first line would be an orphan */
  pages = finish (d);
  g_assert_cmpuint (pm_pages_get_n (pages), ==, 2);
  g_assert_cmpint (find_para (pm_pages_get (pages, 0), 0)->n, ==, 11);
  g_assert_cmpint (lines_in_column (pm_pages_get (pages, 0), 0), ==, GRID_LINES);
  g_assert_nonnull (find_para (pm_pages_get (pages, 1), 2));
  g_assert_null (find_para (pm_pages_get (pages, 0), 2));
  pm_pages_get_stats (pages, -1, &st);
  g_assert_cmpuint (st.alternatives, ==, 1);
  g_assert_cmpuint (st.widows + st.orphans + st.underfull, ==, 0);
  pm_pages_free (pages);
  doc_free (d);
}

/* A page of two lines and a paragraph of three: a widow or an orphan is unavoidable, and
 * reported. */
static void
test_widow_impossible (void)
{
  PmPageFrame f = frame (1);
  f.height = TOP + LEADING + 2;
  Doc *d = doc_new (&f, 4);
  add_para (d, 3, NULL, FALSE, NULL);
  PmPages *pages = finish (d);
  g_assert_cmpuint (pm_pages_get_n (pages), ==, 2);
  PmPageStats st;
  pm_pages_get_stats (pages, 0, &st);
  g_assert_cmpuint (st.widows + st.orphans, ==, 1);
  int w, o;
  count_widows (pages, &w, &o);
  g_assert_cmpint (w, ==, (int)st.widows);
  g_assert_cmpint (o, ==, (int)st.orphans);
  pm_pages_free (pages);
  doc_free (d);
}

static void
test_sections (void)
{
  PmPageFrame f = frame (1);
  Doc *d = doc_new (&f, 5);
  PmParagraphPenalties pen = no_penalties ();
  pm_page_builder_new_section (d->b, TRUE); /* only sets how section 0 starts */
  add_para (d, 30, NULL, FALSE, &pen);      /* page 0 */
  pm_page_builder_new_section (d->b, TRUE); /* blank page 1, starts on 2 */
  d->section = 1;
  add_para (d, 50, NULL, FALSE, &pen); /* pages 2, 3 */
  pm_page_builder_new_section (d->b, TRUE);
  d->section = 2;
  add_para (d, 5, NULL, FALSE, &pen); /* page 4: already recto */
  pm_page_builder_new_section (d->b, FALSE);
  d->section = 3;
  add_para (d, 5, NULL, FALSE, &pen); /* page 5 */
  pm_page_builder_break_page (d->b);
  pm_page_builder_break_page (d->b);
  add_para (d, 5, NULL, FALSE, &pen); /* page 6 */
  PmPages *pages = finish (d);
  g_assert_cmpuint (pm_pages_get_n_sections (pages), ==, 4);
  g_assert_cmpuint (pm_pages_get_n (pages), ==, 7);
  const struct {
    guint section;
    gboolean blank, start;
  } want[] = { { 0, 0, 1 }, { 1, 1, 0 }, { 1, 0, 1 }, { 1, 0, 0 },
               { 2, 0, 1 }, { 3, 0, 1 }, { 3, 0, 0 } };
  for (guint i = 0; i < 7; i++) {
    const PmPage *p = pm_pages_get (pages, i);
    g_assert_cmpuint (p->section, ==, want[i].section);
    g_assert_cmpint (p->blank, ==, want[i].blank);
    g_assert_cmpint (p->section_start, ==, want[i].start);
    for (guint k = 0; k < p->n_items; k++)
      g_assert_cmpint (item_info (&p->items[k])->section, ==, (int)p->section);
  }
  PmPageStats st;
  pm_pages_get_stats (pages, 1, &st);
  g_assert_cmpuint (st.pages, ==, 3);
  check_sound (pages, &f);
  pm_pages_free (pages);
  doc_free (d);
}

/* Two columns: full pages, then the last page of the section balanced. */
static void
test_columns_balanced (void)
{
  PmPageFrame f = frame (2);
  Doc *d = doc_new (&f, 6);
  PmParagraphPenalties pen = no_penalties ();
  for (int i = 0; i < 20; i++)
    add_para (d, 5, NULL, FALSE, &pen); /* 100 lines: one full page, then 20 */
  pm_page_builder_new_section (d->b, FALSE);
  d->section = 1;
  add_para (d, 7, NULL, FALSE, &pen);
  PmPages *pages = finish (d);
  check_sound (pages, &f);
  g_assert_cmpuint (pm_pages_get_n (pages), ==, 3);
  const PmPage *p0 = pm_pages_get (pages, 0), *p1 = pm_pages_get (pages, 1);
  g_assert_cmpint (lines_in_column (p0, 0), ==, GRID_LINES);
  g_assert_cmpint (lines_in_column (p0, 1), ==, GRID_LINES);
  g_assert_cmpint (lines_in_column (p1, 0), ==, 10);
  g_assert_cmpint (lines_in_column (p1, 1), ==, 10);
  const PmPage *p2 = pm_pages_get (pages, 2);
  g_assert_cmpint (lines_in_column (p2, 0), ==, 4);
  g_assert_cmpint (lines_in_column (p2, 1), ==, 3);
  /* Both columns start at the top; the second at the column's x. */
  for (guint i = 0; i < p2->n_items; i++)
    if (p2->items[i].column == 1) {
      g_assert_cmpfloat (p2->items[i].y, ==, TOP);
      g_assert_cmpfloat (p2->items[i].x, ==, 156);
      break;
    }
  pm_pages_free (pages);
  doc_free (d);
}

/* Random sections in two columns: full pages, then a last page whose columns are at most
 * two grid lines taller than half its lines. */
static void
test_columns_balanced_random (void)
{
  int worst = 0;
  for (guint32 seed = 0; seed < 60; seed++) {
    PmPageFrame f = frame (2);
    Doc *d = doc_new (&f, seed);
    for (int s = 0; s < 3; s++) {
      if (s > 0)
        pm_page_builder_new_section (d->b, FALSE);
      d->section = s;
      int paras = 1 + g_rand_int_range (d->rand, 0, 30);
      for (int i = 0; i < paras; i++)
        add_para (d, 1 + g_rand_int_range (d->rand, 0, 9), NULL, g_rand_boolean (d->rand), NULL);
    }
    PmPages *pages = finish (d);
    check_sound (pages, &f);
    for (guint pi = 0; pi < pm_pages_get_n (pages); pi++) {
      const PmPage *p = pm_pages_get (pages, pi);
      gboolean last =
          pi + 1 == pm_pages_get_n (pages) || pm_pages_get (pages, pi + 1)->section != p->section;
      int c0 = lines_in_column (p, 0), c1 = lines_in_column (p, 1);
      if (!last) {
        g_assert_cmpint (c0, >=, GRID_LINES - 3);
        continue;
      }
      /* At most two grid lines above the shortest height (more when that avoids a widow
       * or an orphan or fills the first column). */
      g_assert_cmpint (MAX (c0, c1), <=, (c0 + c1 + 1) / 2 + 2);
      worst = MAX (worst, ABS (c0 - c1));
    }
    pm_pages_free (pages);
    doc_free (d);
  }
  g_test_message ("largest difference between balanced columns: %d lines", worst);
  g_assert_cmpint (worst, <=, 4);
}

static void
test_block_and_errors (void)
{
  PmPageFrame f = frame (1);
  Doc *d = doc_new (&f, 7);
  add_para (d, 10, NULL, FALSE, NULL);
  pm_page_builder_add_block (d->b, 900, 0, info (d, K_BLOCK, d->n_paras++, 0, 1));
  add_para (d, 10, NULL, FALSE, NULL);
  PmPages *pages = finish (d);
  g_assert_cmpuint (pm_pages_get_n (pages), ==, 3);
  g_assert_cmpuint (pm_pages_get (pages, 1)->stats.overfull, ==, 1);
  g_assert_cmpuint (pm_pages_get (pages, 1)->n_items, ==, 1);
  pm_pages_free (pages);
  doc_free (d);

  /* Nothing added: no page. */
  PmPageBuilder *empty = pm_page_builder_new (&f);
  pm_page_builder_new_section (empty, TRUE);
  pm_page_builder_add_space (empty, 20);
  pages = pm_page_builder_finish (empty, NULL);
  g_assert_cmpuint (pm_pages_get_n (pages), ==, 0);
  pm_pages_free (pages);
  pm_page_builder_free (empty);

  PmPageFrame bad = frame (1);
  bad.leading = 0;
  PmPageBuilder *b = pm_page_builder_new (&bad);
  GError *error = NULL;
  g_assert_null (pm_page_builder_finish (b, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_INPUT);
  g_error_free (error);
  pm_page_builder_free (b);
}

/* The masthead items of PAGES: how many, and the page of the last one. */
static guint
count_mastheads (const PmPages *pages, guint *page_out)
{
  guint n = 0;
  for (guint pi = 0; pi < pm_pages_get_n (pages); pi++) {
    const PmPage *p = pm_pages_get (pages, pi);
    for (guint i = 0; i < p->n_items; i++)
      if (p->items[i].kind == PM_PAGE_ITEM_MASTHEAD) {
        n++;
        *page_out = pi;
      }
  }
  return n;
}

/* The baseline of the first body line of column COL of P (-1 if none); every body line of
 * P must sit on the grid. */
static double
first_baseline (const PmPage *p, guint col)
{
  double first = -1;
  for (guint i = 0; i < p->n_items; i++) {
    const PmPageItem *it = &p->items[i];
    if (it->kind != PM_PAGE_ITEM_LINE)
      continue;
    double k = (it->y - TOP) / LEADING;
    g_assert_cmpfloat (fabs (k - round (k)), <, 1e-6);
    if (it->column == col && first < 0)
      first = it->y;
  }
  return first;
}

/* A two-column section with a 50 pt masthead (rounded up to 5 grid lines, 60 pt): page 1
 * has 35 lines a column from the sixth grid line, page 2 the full 40, the last 10 lines
 * balance on page 3; the next section starts at the top, without a masthead. */
static void
test_reserve_columns (void)
{
  PmPageFrame f = frame (2);
  Doc *d = doc_new (&f, 8);
  PmParagraphPenalties pen = no_penalties ();
  int marker = 0;
  pm_page_builder_reserve_top (d->b, 50, &marker);
  for (int i = 0; i < 32; i++)
    add_para (d, 5, NULL, FALSE, &pen); /* 160 lines = 70 + 80 + 10 */
  pm_page_builder_new_section (d->b, FALSE);
  d->section = 1;
  add_para (d, 4, NULL, FALSE, &pen);
  PmPages *pages = finish (d);
  check_sound (pages, &f);
  g_assert_cmpuint (pm_pages_get_n (pages), ==, 4);
  guint mp = 99;
  g_assert_cmpuint (count_mastheads (pages, &mp), ==, 1);
  g_assert_cmpuint (mp, ==, 0);
  const PmPage *p0 = pm_pages_get (pages, 0);
  g_assert_cmpint (p0->items[0].kind, ==, PM_PAGE_ITEM_MASTHEAD);
  g_assert_true (p0->items[0].user == &marker);
  g_assert_cmpfloat (p0->items[0].y, ==, 50);
  for (guint col = 0; col < 2; col++) {
    g_assert_cmpint (lines_in_column (p0, col), ==, GRID_LINES - 5);
    g_assert_cmpfloat (first_baseline (p0, col), ==, TOP + 5 * LEADING);
  }
  g_assert_cmpuint (p0->stats.underfull, ==, 0);
  const PmPage *p1 = pm_pages_get (pages, 1);
  for (guint col = 0; col < 2; col++) {
    g_assert_cmpint (lines_in_column (p1, col), ==, GRID_LINES);
    g_assert_cmpfloat (first_baseline (p1, col), ==, TOP);
  }
  const PmPage *p2 = pm_pages_get (pages, 2);
  g_assert_cmpint (lines_in_column (p2, 0), ==, 5);
  g_assert_cmpint (lines_in_column (p2, 1), ==, 5);
  g_assert_cmpfloat (first_baseline (p2, 1), ==, TOP);
  const PmPage *p3 = pm_pages_get (pages, 3);
  g_assert_true (p3->section_start);
  g_assert_cmpfloat (first_baseline (p3, 0), ==, TOP);
  PmPageStats st;
  pm_pages_get_stats (pages, 0, &st);
  g_assert_cmpuint (st.pages, ==, 3);
  g_assert_cmpuint (st.overfull + st.underfull + st.widows + st.orphans, ==, 0);
  pm_pages_free (pages);
  doc_free (d);
}

/* A section that fits on its first page balances both columns below the masthead; a
 * heading first in a column has its top at the rounded reserve. */
static void
test_reserve_balanced (void)
{
  PmPageFrame f = frame (2);
  Doc *d = doc_new (&f, 9);
  PmParagraphPenalties pen = no_penalties ();
  pm_page_builder_new_section (d->b, TRUE);
  pm_page_builder_reserve_top (d->b, 100, NULL); /* 9 grid lines, 108 pt */
  add_para (d, 7, NULL, FALSE, &pen);
  add_para (d, 7, NULL, FALSE, &pen);
  PmPages *pages = finish (d);
  check_sound (pages, &f);
  g_assert_cmpuint (pm_pages_get_n (pages), ==, 1);
  const PmPage *p = pm_pages_get (pages, 0);
  guint mp = 99;
  g_assert_cmpuint (count_mastheads (pages, &mp), ==, 1);
  g_assert_cmpint (lines_in_column (p, 0), ==, 7);
  g_assert_cmpint (lines_in_column (p, 1), ==, 7);
  g_assert_cmpfloat (first_baseline (p, 0), ==, TOP + 9 * LEADING);
  g_assert_cmpfloat (first_baseline (p, 1), ==, TOP + 9 * LEADING);
  pm_pages_free (pages);
  doc_free (d);

  /* Balancing with the reserve in one column: 15 lines in two columns. */
  d = doc_new (&f, 10);
  pm_page_builder_reserve_top (d->b, 1, NULL); /* one grid line */
  add_heading (d);
  add_para (d, 15, NULL, FALSE, &pen);
  pages = finish (d);
  check_sound (pages, &f);
  g_assert_cmpuint (pm_pages_get_n (pages), ==, 1);
  p = pm_pages_get (pages, 0);
  g_assert_cmpint (p->items[1].kind, ==, PM_PAGE_ITEM_HEADING);
  g_assert_cmpfloat (p->items[1].top, ==, LEADING);
  g_assert_cmpint (ABS (lines_in_column (p, 0) - lines_in_column (p, 1)), <=, 2);
  g_assert_cmpfloat (first_baseline (p, 1), ==, TOP + LEADING);
  pm_pages_free (pages);
  doc_free (d);
}

/* Notes under a masthead: a note referenced in the last line of the first page's first
 * column stays on that page (the line moves instead, or the column gives way to it), and
 * the page holds the lines of its columns plus the notes below the reserve. */
static void
test_reserve_notes (void)
{
  PmPageFrame f = frame (2);
  for (int at = 28; at < 40; at++) {
    Doc *d = doc_new (&f, 11 + at);
    PmParagraphPenalties pen = no_penalties ();
    pm_page_builder_reserve_top (d->b, 48, NULL); /* 4 grid lines: 36 a column */
    int *note_at = g_new0 (int, 80);
    note_at[at] = 3;
    add_para (d, 80, note_at, FALSE, &pen);
    g_free (note_at);
    PmPages *pages = finish (d);
    check_sound (pages, &f);
    PmPageStats st;
    pm_pages_get_stats (pages, -1, &st);
    g_assert_cmpuint (st.notes_moved, ==, 0);
    /* The page of the reference holds the note's first line. */
    int ref_page = -1, note_page = -1;
    for (guint pi = 0; pi < pm_pages_get_n (pages); pi++) {
      const PmPage *p = pm_pages_get (pages, pi);
      for (guint i = 0; i < p->n_items; i++) {
        const PmPageItem *it = &p->items[i];
        if (it->kind == PM_PAGE_ITEM_LINE && item_info (it)->index == at)
          ref_page = pi;
        if (it->kind == PM_PAGE_ITEM_NOTE_LINE && item_info (it)->index == 0)
          note_page = pi;
      }
    }
    g_assert_cmpint (ref_page, >=, 0);
    g_assert_cmpint (ref_page, ==, note_page);
    const PmPage *p0 = pm_pages_get (pages, 0);
    g_assert_cmpfloat (first_baseline (p0, 0), ==, TOP + 4 * LEADING);
    g_assert_cmpint (lines_in_column (p0, 0), <=, 36);
    pm_pages_free (pages);
    doc_free (d);
  }
}

/* The reserve must leave two grid lines: 38 lines of 40 are fine, 39 an error. */
static void
test_reserve_limits (void)
{
  PmPageFrame f = frame (1);
  Doc *d = doc_new (&f, 12);
  pm_page_builder_reserve_top (d->b, 38 * LEADING, NULL);
  add_para (d, 5, NULL, FALSE, NULL);
  PmPages *pages = finish (d);
  check_sound (pages, &f);
  g_assert_cmpuint (pm_pages_get_n (pages), ==, 2);
  g_assert_cmpint (lines_in_column (pm_pages_get (pages, 0), 0), ==, 2);
  g_assert_cmpint (lines_in_column (pm_pages_get (pages, 1), 0), ==, 3);
  pm_pages_free (pages);
  doc_free (d);

  double bad[] = { 38 * LEADING + 0.5, 900, -1, NAN };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++) {
    PmPageBuilder *b = pm_page_builder_new (&f);
    pm_page_builder_reserve_top (b, bad[i], NULL);
    PmPageLine l = { 8, 2, NULL, NULL, 0, 0 };
    pm_page_builder_add_paragraph (b, &l, 1, NULL, NULL, NULL);
    GError *error = NULL;
    g_assert_null (pm_page_builder_finish (b, &error));
    g_assert_error (error, PM_ERROR, PM_ERROR_INPUT);
    g_error_free (error);
    pm_page_builder_free (b);
  }
}

/* Material of a text: a masthead, paragraphs with notes and with shorter and longer settings,
 * a heading, a block; the second half starts a section with a masthead of its own. */
static void
add_text (Doc *d, int first_section)
{
  PmParagraphPenalties pen;
  pm_paragraph_penalties_init (&pen);
  static const int notes[] = { 0, 3, 0, 0, 6, 0, 0, 0, 2, 0, 0, 0 };
  static int masthead;
  d->section = first_section;
  pm_page_builder_reserve_top (d->b, 25 + 10 * first_section, &masthead);
  add_heading (d);
  for (int i = 0; i < 9; i++)
    add_para (d, 4 + i % 5, i % 3 ? notes : NULL, TRUE, &pen);
  pm_page_builder_add_block (d->b, 30, 0, info (d, K_BLOCK, d->n_paras++, 0, 1));
  pm_page_builder_new_section (d->b, FALSE);
  d->section = first_section + 1;
  pm_page_builder_reserve_top (d->b, 40, &masthead);
  for (int i = 0; i < 6; i++)
    add_para (d, 3 + i, notes, TRUE, &pen);
}

/* What is placed where, in terms of the material, not of its pointers. */
static GString *
describe (const PmPages *pages)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < pm_pages_get_n (pages); i++) {
    const PmPage *p = pm_pages_get (pages, i);
    g_string_append_printf (s, "page %u section %u blank %d\n", i, p->section, p->blank);
    for (guint k = 0; k < p->n_items; k++) {
      const PmPageItem *it = &p->items[k];
      const Info *in = it->kind == PM_PAGE_ITEM_LINE || it->kind == PM_PAGE_ITEM_NOTE_LINE
                           ? item_info (it)
                           : NULL;
      g_string_append_printf (s, " %d col %u y %.3f", it->kind, it->column, it->y);
      if (in)
        g_string_append_printf (s, " %d/%d/%d/%d", in->kind, in->para, in->index, in->n);
      g_string_append_c (s, '\n');
    }
  }
  return s;
}

/* Material added to builders of its own and appended is laid out as if added in one. */
static void
test_append (void)
{
  PmPageFrame f = frame (1);
  Doc *whole = doc_new (&f, 11);
  add_text (whole, 0);
  pm_page_builder_new_section (whole->b, TRUE);
  add_text (whole, 2);
  PmPages *expected = finish (whole);

  Doc *split = doc_new (&f, 11);
  add_text (split, 0);
  PmPageBuilder *main_builder = split->b;
  split->b = pm_page_builder_new (&f);
  add_text (split, 2);
  PmPageBuilder *part = g_steal_pointer (&split->b);
  split->b = main_builder;
  pm_page_builder_new_section (split->b, TRUE);
  pm_page_builder_append (split->b, part);
  /* The part is left empty: appending it again adds nothing. */
  pm_page_builder_append (split->b, part);
  pm_page_builder_free (part);
  PmPages *got = finish (split);

  g_assert_cmpuint (pm_pages_get_n_sections (got), ==, 4);
  g_autoptr (GString) want = describe (expected);
  g_autoptr (GString) have = describe (got);
  g_assert_cmpstr (have->str, ==, want->str);
  check_sound (got, &f);
  pm_pages_free (expected);
  pm_pages_free (got);
  doc_free (whole);
  doc_free (split);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/page-builder/fill", test_fill);
  g_test_add_func ("/page-builder/grid", test_grid);
  g_test_add_func ("/page-builder/line-penalty", test_line_penalty);
  g_test_add_func ("/page-builder/heading-kept", test_heading_kept);
  g_test_add_func ("/page-builder/notes-property", test_notes_property);
  g_test_add_func ("/page-builder/note-split", test_note_split);
  g_test_add_func ("/page-builder/widows", test_widows);
  g_test_add_func ("/page-builder/alternatives-chosen", test_alternatives_chosen);
  g_test_add_func ("/page-builder/widow-impossible", test_widow_impossible);
  g_test_add_func ("/page-builder/sections", test_sections);
  g_test_add_func ("/page-builder/columns-balanced", test_columns_balanced);
  g_test_add_func ("/page-builder/columns-balanced-random", test_columns_balanced_random);
  g_test_add_func ("/page-builder/block-and-errors", test_block_and_errors);
  g_test_add_func ("/page-builder/reserve-columns", test_reserve_columns);
  g_test_add_func ("/page-builder/reserve-balanced", test_reserve_balanced);
  g_test_add_func ("/page-builder/reserve-notes", test_reserve_notes);
  g_test_add_func ("/page-builder/reserve-limits", test_reserve_limits);
  g_test_add_func ("/page-builder/append", test_append);
  return g_test_run ();
}
