/* pm-page-builder.c: lines, notes, headings -> pages (see the header for the model). */
#include "page/pm-page-builder.h"

#include "base/pm-error.h"

#include <math.h>
#include <string.h>

#define EPS 1e-6

typedef enum {
  EL_PARAGRAPH,
  EL_HEADING,
  EL_SPACE,
  EL_BLOCK,
  EL_BREAK
} ElKind;

typedef struct {
  double h, d;
  gpointer user;
  guint note0, n_notes; /* into b->notes */
  int penalty;          /* for a break after it */
} Line;

typedef struct {
  gpointer user;
  guint line0, n_lines; /* into b->note_lines */
} Note;

typedef struct {
  double h, d;
  gpointer user;
} NoteLine;

/* Variant 0 is the normal setting, 1 the shorter, 2 the longer. */
typedef struct {
  ElKind kind;
  guint line0[3], n_lines[3]; /* into b->lines */
  gboolean has[3];
  PmParagraphPenalties pen;
  double space;
} Element;

typedef struct {
  guint el0, n_el;
  gboolean recto;
  gboolean reserved; /* reserve_top was called: a masthead on the first page */
  double reserve;    /* as asked, not rounded */
  gpointer reserve_user;
} Section;

struct _PmPageBuilder {
  PmPageFrame frame;
  GArray *lines;      /* Line */
  GArray *notes;      /* Note */
  GArray *note_lines; /* NoteLine */
  GArray *elements;   /* Element */
  GArray *sections;   /* Section */
};

struct _PmPages {
  GArray *pages; /* PmPage; items owned */
  guint n_sections;
};

void
pm_paragraph_penalties_init (PmParagraphPenalties *p)
{
  p->widow = 3000;
  p->orphan = 3000;
  p->interline = 0;
  p->alternative = 50;
}

PmPageBuilder *
pm_page_builder_new (const PmPageFrame *frame)
{
  PmPageBuilder *b = g_new0 (PmPageBuilder, 1);
  b->frame = *frame;
  b->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  b->notes = g_array_new (FALSE, FALSE, sizeof (Note));
  b->note_lines = g_array_new (FALSE, FALSE, sizeof (NoteLine));
  b->elements = g_array_new (FALSE, FALSE, sizeof (Element));
  b->sections = g_array_new (FALSE, FALSE, sizeof (Section));
  Section s = { 0 };
  g_array_append_val (b->sections, s);
  return b;
}

void
pm_page_builder_free (PmPageBuilder *b)
{
  if (!b)
    return;
  g_array_unref (b->lines);
  g_array_unref (b->notes);
  g_array_unref (b->note_lines);
  g_array_unref (b->elements);
  g_array_unref (b->sections);
  g_free (b);
}

static Section *
current_section (PmPageBuilder *b)
{
  return &g_array_index (b->sections, Section, b->sections->len - 1);
}

static void
push_element (PmPageBuilder *b, const Element *e)
{
  g_array_append_val (b->elements, *e);
  current_section (b)->n_el++;
}

/* Copies LINES (and the notes they reference) and returns the index of the first. */
static guint
copy_lines (PmPageBuilder *b, const PmPageLine *lines, guint n)
{
  guint first = b->lines->len;
  for (guint i = 0; i < n; i++) {
    Line l = { lines[i].height, lines[i].depth,   lines[i].user,
               b->notes->len,   lines[i].n_notes, lines[i].penalty };
    for (guint j = 0; j < lines[i].n_notes; j++) {
      const PmPageNote *pn = &lines[i].notes[j];
      Note note = { pn->user, b->note_lines->len, pn->n_lines };
      for (guint k = 0; k < pn->n_lines; k++) {
        NoteLine nl = { pn->lines[k].height, pn->lines[k].depth, pn->lines[k].user };
        g_array_append_val (b->note_lines, nl);
      }
      g_array_append_val (b->notes, note);
    }
    g_array_append_val (b->lines, l);
  }
  return first;
}

void
pm_page_builder_add_paragraph (PmPageBuilder *b, const PmPageLine *lines, guint n_lines,
                               const PmParagraphPenalties *penalties, const PmPageLines *shorter,
                               const PmPageLines *longer)
{
  if (n_lines == 0)
    return;
  Element e = { 0 };
  e.kind = EL_PARAGRAPH;
  if (penalties)
    e.pen = *penalties;
  else
    pm_paragraph_penalties_init (&e.pen);
  const PmPageLines normal = { lines, n_lines };
  const PmPageLines *v[3] = { &normal, shorter, longer };
  for (int i = 0; i < 3; i++) {
    if (!v[i] || v[i]->n_lines == 0)
      continue;
    e.has[i] = TRUE;
    e.line0[i] = copy_lines (b, v[i]->lines, v[i]->n_lines);
    e.n_lines[i] = v[i]->n_lines;
  }
  push_element (b, &e);
}

void
pm_page_builder_add_heading (PmPageBuilder *b, const PmPageLine *lines, guint n_lines)
{
  if (n_lines == 0)
    return;
  Element e = { 0 };
  e.kind = EL_HEADING;
  e.has[0] = TRUE;
  e.line0[0] = copy_lines (b, lines, n_lines);
  e.n_lines[0] = n_lines;
  push_element (b, &e);
}

void
pm_page_builder_add_space (PmPageBuilder *b, double height)
{
  if (height <= 0)
    return;
  Element e = { 0 };
  e.kind = EL_SPACE;
  e.space = height;
  push_element (b, &e);
}

void
pm_page_builder_add_block (PmPageBuilder *b, double height, double depth, gpointer user)
{
  PmPageLine l = { height, depth, user, NULL, 0, 0 };
  Element e = { 0 };
  e.kind = EL_BLOCK;
  e.has[0] = TRUE;
  e.line0[0] = copy_lines (b, &l, 1);
  e.n_lines[0] = 1;
  push_element (b, &e);
}

void
pm_page_builder_reserve_top (PmPageBuilder *b, double height, gpointer user)
{
  Section *s = current_section (b);
  s->reserved = TRUE;
  s->reserve = height;
  s->reserve_user = user;
}

void
pm_page_builder_break_page (PmPageBuilder *b)
{
  Element e = { 0 };
  e.kind = EL_BREAK;
  push_element (b, &e);
}

void
pm_page_builder_new_section (PmPageBuilder *b, gboolean recto)
{
  Section *cur = current_section (b);
  if (cur->n_el == 0) {
    cur->recto = recto;
    return;
  }
  Section s = { b->elements->len, 0, recto, FALSE, 0, NULL };
  g_array_append_val (b->sections, s);
}

void
pm_page_builder_append (PmPageBuilder *b, PmPageBuilder *from)
{
  guint lines0 = b->lines->len, notes0 = b->notes->len, note_lines0 = b->note_lines->len;
  guint el0 = b->elements->len;
  for (guint i = 0; i < from->lines->len; i++) {
    Line l = g_array_index (from->lines, Line, i);
    l.note0 += notes0;
    g_array_append_val (b->lines, l);
  }
  for (guint i = 0; i < from->notes->len; i++) {
    Note n = g_array_index (from->notes, Note, i);
    n.line0 += note_lines0;
    g_array_append_val (b->notes, n);
  }
  g_array_append_vals (b->note_lines, from->note_lines->data, from->note_lines->len);
  for (guint i = 0; i < from->elements->len; i++) {
    Element e = g_array_index (from->elements, Element, i);
    for (int k = 0; k < 3; k++)
      e.line0[k] += lines0;
    g_array_append_val (b->elements, e);
  }
  for (guint i = 0; i < from->sections->len; i++) {
    Section s = g_array_index (from->sections, Section, i);
    if (i == 0) {
      Section *cur = current_section (b);
      cur->n_el += s.n_el;
      if (s.reserved) {
        cur->reserved = TRUE;
        cur->reserve = s.reserve;
        cur->reserve_user = s.reserve_user;
      }
      continue;
    }
    s.el0 += el0;
    g_array_append_val (b->sections, s);
  }
  g_array_set_size (from->lines, 0);
  g_array_set_size (from->notes, 0);
  g_array_set_size (from->note_lines, 0);
  g_array_set_size (from->elements, 0);
  g_array_set_size (from->sections, 1);
  Section empty = { 0 };
  g_array_index (from->sections, Section, 0) = empty;
}

/* ---- Filling one column ---- */

typedef struct {
  guint el, line;
} Pos;

/* A note waiting for the notes area, from its line FROM on. */
typedef struct {
  guint note, from;
} Carry;

/* What an item came from, to count notes moved once the pages are final. */
typedef struct {
  guint line; /* body lines: index into b->lines, else G_MAXUINT */
  guint note; /* note lines: index into b->notes, else G_MAXUINT */
  gboolean note_start;
} Tag;

typedef enum {
  BREAK_NORMAL,
  BREAK_FORCED,
  BREAK_END
} BreakKind;

/* Everything about a partly filled column that a break remembers; the arrays of the
 * Filler only grow past these lengths, so a snapshot stays valid. */
typedef struct {
  double last_base, last_depth, pending;
  gboolean have_box;
  int keep; /* boxes that must still join the column before it may break (after a heading) */
  double notes_h;
  guint q_len, q_head, head_placed; /* the notes queue: [0, q_head) placed, head partly */
  guint n_items;
  guint moved;
  gboolean overfull;
} FillState;

typedef struct {
  gboolean found;
  FillState s;
  Pos next;
  BreakKind kind;
  double cost;
  gboolean widow, orphan, underfull;
} Best;

typedef struct {
  const PmPageBuilder *b;
  const PmPageFrame *f; /* the normalized frame */
  const int *variant;   /* per element: chosen setting, -1 undecided (normal) */
  int override_el, override_v;
  guint sec_end;
  double body_limit; /* bottom of the body, below it only notes (balancing lowers it) */
  double top;        /* top of the body: the rounded reserve on a section's first page, else 0 */
  double note_max;   /* for the current top */
  GArray *items;     /* PmPageItem, body items of the column */
  GArray *tags;      /* Tag, one per item */
  GArray *q;         /* Carry */
  guint stop_el;     /* the element where the scan stopped */
  Best best;
} Filler;

static int
variant_of (const Filler *fl, guint el)
{
  if ((int)el == fl->override_el)
    return fl->override_v;
  int v = fl->variant[el];
  return v < 0 ? 0 : v;
}

static const Element *
element (const Filler *fl, guint el)
{
  return &g_array_index (fl->b->elements, Element, el);
}

static const Line *
line_at (const Filler *fl, guint i)
{
  return &g_array_index (fl->b->lines, Line, i);
}

static const Note *
note_at (const Filler *fl, guint i)
{
  return &g_array_index (fl->b->notes, Note, i);
}

static double
note_advance (const Filler *fl, const NoteLine *nl)
{
  return fl->f->note_leading > 0 ? fl->f->note_leading : nl->h + nl->d;
}

/* Moves notes from the queue into the notes area while they fit below BODY_BOTTOM; a note
 * that does not fit whole is split, and then the queue waits (notes keep their order).
 * FORCE places at least one line into an empty area, so that a note taller than any
 * column still moves on. */
static void
place_notes (Filler *fl, FillState *s, double body_bottom, gboolean force)
{
  double cap = MIN (fl->f->height - body_bottom, fl->note_max);
  while (s->q_head < s->q_len) {
    const Carry *c = &g_array_index (fl->q, Carry, s->q_head);
    const Note *n = note_at (fl, c->note);
    guint first = c->from + s->head_placed;
    double h = s->notes_h > 0 ? s->notes_h : fl->f->note_rule_space;
    guint fit = 0;
    while (first + fit < n->n_lines) {
      const NoteLine *nl = &g_array_index (fl->b->note_lines, NoteLine, n->line0 + first + fit);
      double a = note_advance (fl, nl);
      if (h + a > cap + EPS && !(force && s->notes_h == 0 && fit == 0))
        break;
      h += a;
      fit++;
    }
    if (fit > 0)
      s->notes_h = h;
    if (first + fit >= n->n_lines) {
      s->q_head++;
      s->head_placed = 0;
    } else {
      s->head_placed += fit;
      break;
    }
  }
}

static double
snap_to_grid (const Filler *fl, double y)
{
  double t = fl->f->top_skip, l = fl->f->leading;
  if (y <= t + EPS)
    return t;
  return t + ceil ((y - t) / l - EPS) * l;
}

static double
body_room (const Filler *fl, const FillState *s)
{
  return MIN (fl->body_limit, fl->f->height - s->notes_h);
}

/* Adds one box (a line of element EL) to the column. Fails, changing nothing, when it does
 * not fit or a note it references cannot start here, unless the column has no box yet
 * (then it goes in anyway: overfull, or its notes moved) or FORCE. */
static gboolean
add_box (Filler *fl, FillState *s, const Element *e, const Line *l, gboolean force)
{
  FillState save = *s;
  double base;
  if (!s->have_box)
    base = e->kind == EL_PARAGRAPH ? snap_to_grid (fl, fl->top + l->h) : fl->top + l->h;
  else if (e->kind == EL_HEADING)
    base = s->last_base + s->last_depth + s->pending + l->h;
  else if (e->kind == EL_BLOCK)
    base = s->last_base + s->last_depth + s->pending + l->h;
  else
    base =
        snap_to_grid (fl, s->last_base + MAX (fl->f->leading, s->last_depth + l->h) + s->pending);
  double bottom = base + l->d;
  gboolean alone = !s->have_box;
  if (bottom > body_room (fl, s) + EPS && !alone && !force)
    return FALSE;

  g_array_set_size (fl->q, s->q_len);
  for (guint j = 0; j < l->n_notes; j++) {
    Carry c = { l->note0 + j, 0 };
    g_array_append_val (fl->q, c);
  }
  guint my_first = s->q_len;
  s->q_len = fl->q->len;
  place_notes (fl, s, bottom, FALSE);
  guint unstarted = 0;
  for (guint j = my_first; j < s->q_len; j++)
    if (!(j < s->q_head || (j == s->q_head && s->head_placed > 0)))
      unstarted++;
  if (unstarted > 0 && !alone && !force) {
    *s = save;
    return FALSE;
  }
  s->moved += unstarted;
  if (bottom > body_room (fl, s) + EPS)
    s->overfull = TRUE;

  PmPageItem it = { 0 };
  it.kind = e->kind == EL_PARAGRAPH ? PM_PAGE_ITEM_LINE
            : e->kind == EL_HEADING ? PM_PAGE_ITEM_HEADING
                                    : PM_PAGE_ITEM_BLOCK;
  it.y = base;
  it.top = base - l->h;
  it.user = l->user;
  g_array_set_size (fl->items, s->n_items);
  g_array_append_val (fl->items, it);
  g_array_set_size (fl->tags, s->n_items);
  Tag tag = { (guint)(l - line_at (fl, 0)), G_MAXUINT, FALSE };
  g_array_append_val (fl->tags, tag);
  s->n_items = fl->items->len;
  s->last_base = base;
  s->last_depth = l->d;
  s->pending = 0;
  s->have_box = TRUE;
  if (e->kind == EL_HEADING)
    s->keep = 2;
  else if (s->keep > 0)
    s->keep--;
  return TRUE;
}

/* A possible break with PENALTY; NEXT is where the next column resumes. */
static void
consider (Filler *fl, FillState *s, Pos next, int penalty, BreakKind kind, gboolean widow,
          gboolean orphan, Best *emergency)
{
  if (!s->have_box)
    return;
  double badness = 0;
  gboolean under = FALSE;
  if (kind == BREAK_NORMAL) {
    double k = floor ((body_room (fl, s) - (s->last_base + s->last_depth)) / fl->f->leading + EPS);
    if (k >= 1) {
      badness = 100 * k * k;
      under = TRUE;
    }
  }
  Best cand = {
    TRUE, *s, next, kind, badness + penalty + 10000.0 * s->moved, widow, orphan, under
  };
  if (kind == BREAK_NORMAL && (penalty >= PM_PAGE_PENALTY_INF || s->keep > 0)) {
    *emergency = cand;
    return;
  }
  if (kind != BREAK_NORMAL || !fl->best.found || cand.cost <= fl->best.cost)
    fl->best = cand;
}

/* Fills one column from START with the notes CARRY waiting; the result is in fl->best. */
static void
fill_column (Filler *fl, Pos start, const Carry *carry, guint n_carry)
{
  FillState s = { 0 };
  Best emergency = { 0 };
  fl->best.found = FALSE;
  g_array_set_size (fl->items, 0);
  g_array_set_size (fl->tags, 0);
  g_array_set_size (fl->q, 0);
  g_array_append_vals (fl->q, carry, n_carry);
  s.q_len = n_carry;
  place_notes (fl, &s, fl->top, TRUE);

  Pos p = start;
  gboolean prev_space = TRUE; /* no break before the first element */
  gboolean force = FALSE;
  for (;;) {
    fl->stop_el = p.el;
    if (p.el >= fl->sec_end) {
      consider (fl, &s, p, 0, BREAK_END, FALSE, FALSE, &emergency);
      if (!s.have_box) {
        /* Only notes in this column. */
        fl->best = (Best){ TRUE, s, p, BREAK_END, 0, FALSE, FALSE, FALSE };
      }
      return;
    }
    const Element *e = element (fl, p.el);
    if (e->kind == EL_SPACE) {
      if (!prev_space)
        consider (fl, &s, p, 0, BREAK_NORMAL, FALSE, FALSE, &emergency);
      if (s.have_box)
        s.pending += e->space;
      prev_space = TRUE;
      p = (Pos){ p.el + 1, 0 };
      continue;
    }
    if (e->kind == EL_BREAK) {
      if (s.have_box) {
        consider (fl, &s, (Pos){ p.el + 1, 0 }, 0, BREAK_FORCED, FALSE, FALSE, &emergency);
        return;
      }
      p = (Pos){ p.el + 1, 0 };
      continue;
    }
    int v = variant_of (fl, p.el);
    guint n = e->n_lines[v];
    gboolean overflow = FALSE;
    for (guint i = p.line; i < n; i++) {
      Pos here = { p.el, i };
      if (i == 0) {
        if (!prev_space)
          consider (fl, &s, here, 0, BREAK_NORMAL, FALSE, FALSE, &emergency);
      } else if (i > p.line && e->kind == EL_PARAGRAPH) {
        int pen = e->pen.interline + line_at (fl, e->line0[v] + i - 1)->penalty;
        gboolean orphan = i == 1, widow = i == n - 1;
        if (orphan)
          pen += e->pen.orphan;
        if (widow)
          pen += e->pen.widow;
        consider (fl, &s, here, pen, BREAK_NORMAL, widow, orphan, &emergency);
      }
      prev_space = FALSE;
      if (!add_box (fl, &s, e, line_at (fl, e->line0[v] + i), force)) {
        if (fl->best.found || emergency.found) {
          overflow = TRUE;
          break;
        }
        /* No break at all so far (inside a heading): it must go in. */
        add_box (fl, &s, e, line_at (fl, e->line0[v] + i), TRUE);
        s.overfull = TRUE;
      }
    }
    if (overflow)
      break;
    p = (Pos){ p.el + 1, 0 };
  }
  if (!fl->best.found)
    fl->best = emergency;
}

/* ---- Pages ---- */

typedef struct {
  PmPageBuilder *b;
  PmPageFrame f;
  int *variant;
  GArray *pages; /* PmPage being built; items in GArrays kept in page_items */
  GPtrArray *page_items;
  GPtrArray *page_tags;
  Filler fl;
} Run;

/* The reserve of SECTION rounded up to whole grid lines (0 without one). */
static double
rounded_reserve (const PmPageBuilder *b, const PmPageFrame *f, guint section)
{
  const Section *s = &g_array_index (b->sections, Section, section);
  if (!s->reserved || s->reserve <= 0)
    return 0;
  return ceil (s->reserve / f->leading - EPS) * f->leading;
}

/* Sets the top of the body for the page about to be filled; the notes' default limit
 * (all but two grid lines, at least half) follows the height left under it. */
static void
set_top (Run *r, double top)
{
  r->fl.top = top;
  double h = r->f.height - top;
  r->fl.note_max = r->f.note_max > 0 ? r->f.note_max : MAX (h - 2 * r->f.leading, h / 2);
}

static PmPage *
new_page (Run *r, guint section, gboolean blank, gboolean start)
{
  PmPage p = { 0 };
  p.section = section;
  p.blank = blank;
  p.section_start = start;
  p.stats.pages = 1;
  g_array_append_val (r->pages, p);
  g_ptr_array_add (r->page_items, g_array_new (FALSE, FALSE, sizeof (PmPageItem)));
  g_ptr_array_add (r->page_tags, g_array_new (FALSE, FALSE, sizeof (Tag)));
  const Section *s = &g_array_index (r->b->sections, Section, section);
  if (start && !blank && s->reserved) {
    PmPageItem it = { 0 };
    it.kind = PM_PAGE_ITEM_MASTHEAD;
    it.y = s->reserve;
    it.user = s->reserve_user;
    Tag none = { G_MAXUINT, G_MAXUINT, FALSE };
    g_array_append_val (g_ptr_array_index (r->page_items, r->page_items->len - 1), it);
    g_array_append_val (g_ptr_array_index (r->page_tags, r->page_tags->len - 1), none);
  }
  return &g_array_index (r->pages, PmPage, r->pages->len - 1);
}

/* Copies the best break of the filler into column COL of the last page and returns the
 * notes still waiting in OUT_CARRY. */
static void
commit_column (Run *r, guint col, GArray *out_carry)
{
  Filler *fl = &r->fl;
  const Best *best = &fl->best;
  PmPage *page = &g_array_index (r->pages, PmPage, r->pages->len - 1);
  GArray *items = g_ptr_array_index (r->page_items, r->page_items->len - 1);
  GArray *tags = g_ptr_array_index (r->page_tags, r->page_tags->len - 1);
  double cw = (r->f.width - (r->f.columns - 1) * r->f.column_gap) / r->f.columns;
  double x = col * (cw + r->f.column_gap);
  for (guint i = 0; i < best->s.n_items; i++) {
    PmPageItem it = g_array_index (fl->items, PmPageItem, i);
    it.column = col;
    it.x = x;
    g_array_append_val (items, it);
    g_array_append_val (tags, g_array_index (fl->tags, Tag, i));
  }
  /* The notes, bottom-aligned in the column. */
  g_array_set_size (out_carry, 0);
  if (best->s.notes_h > 0) {
    double top = r->f.height - best->s.notes_h;
    PmPageItem rule = { PM_PAGE_ITEM_NOTE_RULE, col, x, top, top, NULL, NULL, FALSE, FALSE };
    g_array_append_val (items, rule);
    Tag none = { G_MAXUINT, G_MAXUINT, FALSE };
    g_array_append_val (tags, none);
    double cursor = top + r->f.note_rule_space;
    for (guint qi = 0; qi < best->s.q_len && qi <= best->s.q_head; qi++) {
      const Carry *c = &g_array_index (fl->q, Carry, qi);
      const Note *n = note_at (fl, c->note);
      guint count = qi < best->s.q_head ? n->n_lines - c->from : best->s.head_placed;
      for (guint k = 0; k < count; k++) {
        const NoteLine *nl = &g_array_index (r->b->note_lines, NoteLine, n->line0 + c->from + k);
        cursor += note_advance (fl, nl);
        PmPageItem it = { PM_PAGE_ITEM_NOTE_LINE,
                          col,
                          x,
                          cursor - nl->d,
                          cursor - nl->d - nl->h,
                          nl->user,
                          n->user,
                          c->from > 0 && k == 0,
                          c->from + count < n->n_lines && k == count - 1 };
        g_array_append_val (items, it);
        Tag tag = { G_MAXUINT, c->note, c->from + k == 0 };
        g_array_append_val (tags, tag);
      }
      if (count > 0 && c->from + count < n->n_lines)
        page->stats.notes_split++;
    }
  }
  for (guint qi = best->s.q_head; qi < best->s.q_len; qi++) {
    Carry c = g_array_index (fl->q, Carry, qi);
    if (qi == best->s.q_head)
      c.from += best->s.head_placed;
    g_array_append_val (out_carry, c);
  }
  page->stats.widows += best->widow;
  page->stats.orphans += best->orphan;
  page->stats.overfull += best->s.overfull;
  page->stats.underfull += best->underfull && best->kind == BREAK_NORMAL;
}

/* Fills a column from START; when its best break is a widow, an orphan or short, tries
 * each other setting of each paragraph starting in it and keeps the cheapest (in fl). */
static void
fill_with_alternatives (Run *r, Pos start, const GArray *carry)
{
  Filler *fl = &r->fl;
  fl->override_el = -1;
  fill_column (fl, start, (const Carry *)carry->data, carry->len);
  Best def = fl->best;
  if (def.kind != BREAK_NORMAL || !(def.widow || def.orphan || def.underfull))
    return;
  guint stop = fl->stop_el;
  double best_cost = def.cost;
  int best_el = -1, best_v = 0;
  guint first = start.line == 0 ? start.el : start.el + 1;
  for (guint el = first; el <= stop && el < fl->sec_end; el++) {
    const Element *e = element (fl, el);
    if (e->kind != EL_PARAGRAPH || r->variant[el] >= 0)
      continue;
    for (int v = 1; v <= 2; v++) {
      if (!e->has[v])
        continue;
      fl->override_el = el;
      fl->override_v = v;
      fill_column (fl, start, (const Carry *)carry->data, carry->len);
      double cost = fl->best.cost + e->pen.alternative;
      if (fl->best.found && cost < best_cost) {
        best_cost = cost;
        best_el = el;
        best_v = v;
      }
    }
  }
  fl->override_el = best_el;
  fl->override_v = best_v;
  fill_column (fl, start, (const Carry *)carry->data, carry->len);
}

/* Fixes the settings of the paragraphs the column [START, fl->best.next) began. */
static guint
commit_variants (Run *r, Pos start)
{
  Filler *fl = &r->fl;
  Pos end = fl->best.next;
  guint changed = 0;
  for (guint el = start.el; el < end.el || (el == end.el && end.line > 0); el++) {
    if (el >= fl->sec_end)
      break;
    if (r->variant[el] < 0) {
      r->variant[el] = variant_of (fl, el);
      changed += r->variant[el] > 0;
    }
  }
  fl->override_el = -1;
  return changed;
}

static gboolean
pos_eq (Pos a, Pos b)
{
  return a.el == b.el && a.line == b.line;
}

/* Fills the columns of one page from START with CARRY at the current body limit; TRUE if
 * the section ends on it. COST gets the sum of the costs of its breaks. */
static gboolean
try_page (Run *r, Pos start, const GArray *carry, double *cost)
{
  Filler *fl = &r->fl;
  GArray *cur = g_array_new (FALSE, FALSE, sizeof (Carry));
  g_array_append_vals (cur, carry->data, carry->len);
  Pos p = start;
  gboolean ok = FALSE;
  *cost = 0;
  for (guint c = 0; c < r->f.columns && !ok; c++) {
    fill_column (fl, p, (const Carry *)cur->data, cur->len);
    if (!fl->best.found || fl->best.s.overfull || fl->best.kind == BREAK_FORCED)
      break;
    p = fl->best.next;
    *cost += fl->best.cost;
    g_array_set_size (cur, 0);
    for (guint qi = fl->best.s.q_head; qi < fl->best.s.q_len; qi++) {
      Carry cc = g_array_index (fl->q, Carry, qi);
      if (qi == fl->best.s.q_head)
        cc.from += fl->best.s.head_placed;
      g_array_append_val (cur, cc);
    }
    ok = p.el >= fl->sec_end && cur->len == 0;
  }
  g_array_unref (cur);
  return ok;
}

/* Refills the last page of a section (starting at START with CARRY) into columns of equal
 * height: the lowest body limit on the grid at which the material still fits the page, or
 * one or two grid lines more if that makes cheaper breaks (no widow, a full column). */
static void
balance_last_page (Run *r, guint section, Pos start, const GArray *carry, guint page_index)
{
  Filler *fl = &r->fl;
  int grid = (int)floor ((r->f.height - r->f.top_skip) / r->f.leading + EPS);
  int chosen = -1, first_ok = -1;
  double chosen_cost = G_MAXDOUBLE;
  /* On the section's first page the columns balance below the reserve: no limit above
   * its last grid line can hold a line. */
  gboolean was_start = g_array_index (r->pages, PmPage, page_index).section_start;
  set_top (r, was_start ? rounded_reserve (r->b, &r->f, section) : 0);
  int k0 = (int)floor (fl->top / r->f.leading + EPS);
  for (int k = k0; k < grid && (first_ok < 0 || k <= first_ok + 2); k++) {
    fl->body_limit = r->f.height - (grid - k) * r->f.leading;
    double cost;
    if (!try_page (r, start, carry, &cost))
      continue;
    if (first_ok < 0)
      first_ok = k;
    /* A grid line more costs as much as a column one line short. */
    cost += 100.0 * (k - first_ok);
    if (cost < chosen_cost) {
      chosen = k;
      chosen_cost = cost;
    }
    if (cost <= 0)
      break;
  }
  if (chosen >= 0) {
    fl->body_limit = r->f.height - (grid - chosen) * r->f.leading;
    const PmPage *old = &g_array_index (r->pages, PmPage, page_index);
    guint alternatives = old->stats.alternatives;
    g_array_set_size (r->pages, page_index);
    g_ptr_array_set_size (r->page_items, page_index);
    g_ptr_array_set_size (r->page_tags, page_index);
    new_page (r, section, FALSE, was_start)->stats.alternatives = alternatives;
    GArray *cur = g_array_new (FALSE, FALSE, sizeof (Carry));
    g_array_append_vals (cur, carry->data, carry->len);
    Pos p = start;
    for (guint c = 0; c < r->f.columns; c++) {
      fill_column (fl, p, (const Carry *)cur->data, cur->len);
      p = fl->best.next;
      commit_column (r, c, cur);
      if (p.el >= fl->sec_end && cur->len == 0)
        break;
    }
    g_array_unref (cur);
  }
  fl->body_limit = r->f.height;
  set_top (r, 0);
}

static void
run_section (Run *r, guint si)
{
  const Section *sec = &g_array_index (r->b->sections, Section, si);
  /* A section of only space and breaks makes no page. */
  gboolean material = FALSE;
  for (guint el = sec->el0; el < sec->el0 + sec->n_el && !material; el++)
    material = g_array_index (r->b->elements, Element, el).has[0];
  if (!material)
    return;
  if (sec->recto && r->pages->len % 2 == 1)
    new_page (r, si, TRUE, FALSE);
  Filler *fl = &r->fl;
  fl->sec_end = sec->el0 + sec->n_el;
  Pos p = { sec->el0, 0 };
  GArray *carry = g_array_new (FALSE, FALSE, sizeof (Carry));
  GArray *page_carry = g_array_new (FALSE, FALSE, sizeof (Carry));
  Pos page_start = p;
  guint page_index = 0, col = 0, alternatives = 0;
  gboolean first = TRUE, forced = FALSE, last_page_balanced_ok = TRUE;
  while (p.el < fl->sec_end || carry->len > 0) {
    if (col == 0) {
      page_start = p;
      g_array_set_size (page_carry, 0);
      g_array_append_vals (page_carry, carry->data, carry->len);
      page_index = r->pages->len;
      new_page (r, si, FALSE, first);
      set_top (r, first ? rounded_reserve (r->b, &r->f, si) : 0);
      first = FALSE;
    }
    Pos before = p;
    fill_with_alternatives (r, p, carry);
    alternatives += commit_variants (r, p);
    forced = fl->best.kind == BREAK_FORCED;
    p = fl->best.next;
    commit_column (r, col, carry);
    g_array_index (r->pages, PmPage, r->pages->len - 1).stats.alternatives += alternatives;
    alternatives = 0;
    if (pos_eq (before, p) && fl->best.s.n_items == 0 && fl->best.s.notes_h == 0) {
      /* Nothing moved on: cannot happen with a valid frame, but never loop. */
      last_page_balanced_ok = FALSE;
      break;
    }
    col++;
    if (forced || col >= r->f.columns)
      col = 0;
  }
  if (r->f.columns > 1 && last_page_balanced_ok && !forced)
    balance_last_page (r, si, page_start, page_carry, page_index);
  set_top (r, 0);
  g_array_unref (carry);
  g_array_unref (page_carry);
}

/* Counts, on the page of each reference, the notes whose first line is on another page
 * (pages are final only now: balancing redoes the last page of a section). */
static void
count_moved_notes (Run *r)
{
  guint n_notes = r->b->notes->len;
  int *ref_page = g_new (int, MAX (n_notes, 1));
  for (guint i = 0; i < n_notes; i++)
    ref_page[i] = -1;
  for (guint pi = 0; pi < r->pages->len; pi++) {
    GArray *tags = g_ptr_array_index (r->page_tags, pi);
    for (guint i = 0; i < tags->len; i++) {
      const Tag *t = &g_array_index (tags, Tag, i);
      if (t->line != G_MAXUINT) {
        const Line *l = &g_array_index (r->b->lines, Line, t->line);
        for (guint j = 0; j < l->n_notes; j++)
          ref_page[l->note0 + j] = pi;
      }
    }
  }
  for (guint pi = 0; pi < r->pages->len; pi++) {
    GArray *tags = g_ptr_array_index (r->page_tags, pi);
    for (guint i = 0; i < tags->len; i++) {
      const Tag *t = &g_array_index (tags, Tag, i);
      if (t->note_start && ref_page[t->note] >= 0 && ref_page[t->note] != (int)pi)
        g_array_index (r->pages, PmPage, ref_page[t->note]).stats.notes_moved++;
    }
  }
  g_free (ref_page);
}

PmPages *
pm_page_builder_finish (PmPageBuilder *b, GError **error)
{
  Run r = { 0 };
  r.b = b;
  r.f = b->frame;
  if (r.f.top_skip <= 0)
    r.f.top_skip = r.f.leading;
  if (!(r.f.leading > 0) || r.f.columns < 1 || !(r.f.height >= r.f.top_skip) || !(r.f.width > 0) ||
      r.f.column_gap < 0 || r.f.note_rule_space < 0 || r.f.note_leading < 0) {
    g_set_error (error, PM_ERROR, PM_ERROR_INPUT,
                 "page frame cannot hold a line: height %g, leading %g, top skip %g, "
                 "width %g, %u columns",
                 b->frame.height, b->frame.leading, b->frame.top_skip, b->frame.width,
                 b->frame.columns);
    return NULL;
  }
  for (guint si = 0; si < b->sections->len; si++) {
    const Section *s = &g_array_index (b->sections, Section, si);
    if (!s->reserved)
      continue;
    /* Two body lines must fit below the reserve, or its page could hold nothing. */
    if (!(s->reserve >= 0) ||
        r.f.top_skip + rounded_reserve (b, &r.f, si) + r.f.leading > r.f.height + EPS) {
      g_set_error (error, PM_ERROR, PM_ERROR_INPUT,
                   "section %u: a reserve of %g pt at the top leaves fewer than two lines "
                   "of the %g pt text area",
                   si + 1, s->reserve, r.f.height);
      return NULL;
    }
  }
  r.variant = g_new (int, MAX (b->elements->len, 1));
  for (guint i = 0; i < b->elements->len; i++)
    r.variant[i] = -1;
  r.pages = g_array_new (FALSE, TRUE, sizeof (PmPage));
  r.page_items = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  r.page_tags = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  r.fl.b = b;
  r.fl.f = &r.f;
  r.fl.variant = r.variant;
  r.fl.override_el = -1;
  r.fl.body_limit = r.f.height;
  set_top (&r, 0);
  r.fl.items = g_array_new (FALSE, FALSE, sizeof (PmPageItem));
  r.fl.tags = g_array_new (FALSE, FALSE, sizeof (Tag));
  r.fl.q = g_array_new (FALSE, FALSE, sizeof (Carry));

  for (guint si = 0; si < b->sections->len; si++)
    run_section (&r, si);
  count_moved_notes (&r);

  PmPages *pages = g_new0 (PmPages, 1);
  pages->n_sections = b->sections->len;
  pages->pages = r.pages;
  /* Hand each page its own copy of its items. */
  for (guint i = 0; i < r.pages->len; i++) {
    PmPage *p = &g_array_index (r.pages, PmPage, i);
    GArray *items = g_ptr_array_index (r.page_items, i);
    p->n_items = items->len;
    p->items = items->len ? g_memdup2 (items->data, items->len * sizeof (PmPageItem)) : NULL;
  }
  g_ptr_array_unref (r.page_items);
  g_ptr_array_unref (r.page_tags);
  g_array_unref (r.fl.tags);
  g_array_unref (r.fl.items);
  g_array_unref (r.fl.q);
  g_free (r.variant);
  return pages;
}

guint
pm_pages_get_n (const PmPages *pages)
{
  return pages->pages->len;
}

const PmPage *
pm_pages_get (const PmPages *pages, guint i)
{
  g_return_val_if_fail (i < pages->pages->len, NULL);
  return &g_array_index (pages->pages, PmPage, i);
}

guint
pm_pages_get_n_sections (const PmPages *pages)
{
  return pages->n_sections;
}

void
pm_pages_get_stats (const PmPages *pages, int section, PmPageStats *st)
{
  memset (st, 0, sizeof *st);
  for (guint i = 0; i < pages->pages->len; i++) {
    const PmPage *p = &g_array_index (pages->pages, PmPage, i);
    if (section >= 0 && p->section != (guint)section)
      continue;
    st->pages++;
    st->widows += p->stats.widows;
    st->orphans += p->stats.orphans;
    st->notes_moved += p->stats.notes_moved;
    st->notes_split += p->stats.notes_split;
    st->underfull += p->stats.underfull;
    st->overfull += p->stats.overfull;
    st->alternatives += p->stats.alternatives;
  }
}

void
pm_pages_free (PmPages *pages)
{
  if (!pages)
    return;
  for (guint i = 0; i < pages->pages->len; i++)
    g_free ((gpointer)g_array_index (pages->pages, PmPage, i).items);
  g_array_unref (pages->pages);
  g_free (pages);
}
