/* pm-linebreak.c: Knuth–Plass total-fit line breaking, after TeX's line_break (§813–890).
 *
 * Differences from tex.web, all in how memory is kept, not in the results: widths come from
 * cumulative sums over the items (no delta nodes), nodes live in arrays reused between
 * paragraphs (no allocation per item or per paragraph once warm), an active node is dropped
 * when a line from it is overfull even without the width of the break's own penalty (exact
 * for non-negative widths), and an empty line (a break among the discarded items after
 * another break) has zero width.
 */
#include "paragraph/pm-linebreak.h"

#include <math.h>
#include <string.h>

#define NIL (-1)
#define AWFUL_BAD 1e300

typedef struct {
  guint pos;  /* the break item (n for an implicit final break) */
  int prev;   /* passive index of the break before, NIL for the paragraph start */
  guint line; /* number of the line ending here */
  int fitness;
  double total; /* total demerits up to here */
  gboolean artificial;
} Passive;

typedef struct {
  int next;    /* next active node, NIL at the end; the list is sorted by line number */
  int passive; /* NIL for the paragraph start */
  guint line;  /* number of the line that starts after this break */
  int fitness;
  guint run; /* hyphenated lines in a row ending here (0: this break is not flagged) */
  double total;
  guint after; /* first item of the next line */
} Active;

/* Cumulative sums over items [0, i): widths, finite stretch, infinite stretch by order, shrink.
 * Penalty widths are not summed: they count only on the line broken at them. */
typedef struct {
  double w, y, fil[3], z;
  double ey, ez; /* boxes' stretch and shrink (font expansion) */
} Sums;

struct _PmLineBreaker {
  GArray *sums;    /* Sums, n + 1 */
  GArray *passive; /* Passive */
  GArray *active;  /* Active pool */
  int free_active; /* free list through Active.next */
  guint n_active, peak_active;
  int head; /* first active node */
};

void
pm_line_break_params_init (PmLineBreakParams *p)
{
  *p = (PmLineBreakParams){ 0 };
  p->tolerance = 200;
  p->pretolerance = 100;
  p->line_penalty = 10;
  p->hyphen_penalty = 50;
  p->ex_hyphen_penalty = 50;
  p->double_hyphen_demerits = 10000;
  p->final_hyphen_demerits = 5000;
  p->adj_demerits = 10000;
}

PmLineBreaker *
pm_line_breaker_new (void)
{
  PmLineBreaker *b = g_new0 (PmLineBreaker, 1);
  b->sums = g_array_new (FALSE, FALSE, sizeof (Sums));
  b->passive = g_array_new (FALSE, FALSE, sizeof (Passive));
  b->active = g_array_new (FALSE, FALSE, sizeof (Active));
  return b;
}

void
pm_line_breaker_free (PmLineBreaker *b)
{
  if (!b)
    return;
  g_array_free (b->sums, TRUE);
  g_array_free (b->passive, TRUE);
  g_array_free (b->active, TRUE);
  g_free (b);
}

/* Non-finite input (from a broken font or a fuzzer) counts as 0 rather than poisoning sums. */
static inline double
fin (double x)
{
  return isfinite (x) ? x : 0;
}

int
pm_line_badness (double t, double s)
{
  if (t <= 0)
    return 0;
  if (!(s > 0))
    return PM_BADNESS_INFINITY;
  double r = t / s;
  /* Beyond 100 r^3 = 10000 there is nothing to compute (and no overflow to fear). */
  if (r > 4.65)
    return PM_BADNESS_INFINITY;
  double bad = floor (100.0 * r * r * r + 0.5);
  return bad > PM_BADNESS_INFINITY ? PM_BADNESS_INFINITY : (int)bad;
}

double
pm_line_break_params_width (const PmLineBreakParams *p, guint line)
{
  if (!p->line_widths || p->n_line_widths == 0)
    return fin (p->width);
  guint i = line == 0 ? 0 : line - 1;
  return fin (p->line_widths[MIN (i, p->n_line_widths - 1)]);
}

static double
line_indent (const PmLineBreakParams *p, guint line)
{
  if (!p->line_indents || p->n_line_indents == 0)
    return 0;
  guint i = line == 0 ? 0 : line - 1;
  return p->line_indents[MIN (i, p->n_line_indents - 1)];
}

static void
compute_sums (PmLineBreaker *b, const PmItem *items, guint n)
{
  g_array_set_size (b->sums, n + 1);
  Sums *s = (Sums *)b->sums->data;
  s[0] = (Sums){ 0 };
  for (guint i = 0; i < n; i++) {
    Sums t = s[i];
    const PmItem *it = &items[i];
    if (it->type == PM_ITEM_BOX) {
      t.w += fin (it->width);
      /* Font expansion: the glyphs' own stretch and shrink. */
      t.ey += fin (it->stretch);
      t.ez += fin (it->shrink);
    } else if (it->type == PM_ITEM_GLUE) {
      t.w += fin (it->width);
      if (it->stretch_order > 0)
        t.fil[MIN (it->stretch_order, 3) - 1] += fin (it->stretch);
      else
        t.y += fin (it->stretch);
      t.z += fin (it->shrink);
    }
    s[i + 1] = t;
  }
}

/* The first item of the line after a break at POS: glue and penalties are discarded. */
static guint
after_break (const PmItem *items, guint n, guint pos)
{
  guint j = pos + 1;
  while (j < n && items[j].type != PM_ITEM_BOX)
    j++;
  return MIN (j, n);
}

static int
alloc_active (PmLineBreaker *b)
{
  b->n_active++;
  b->peak_active = MAX (b->peak_active, b->n_active);
  if (b->free_active != NIL) {
    int i = b->free_active;
    b->free_active = g_array_index (b->active, Active, i).next;
    return i;
  }
  g_array_set_size (b->active, b->active->len + 1);
  return (int)b->active->len - 1;
}

static inline Active *
act (PmLineBreaker *b, int i)
{
  return &((Active *)b->active->data)[i];
}

/* The state of one pass. */
typedef struct {
  const PmItem *items;
  guint n;
  const PmLineBreakParams *p;
  int threshold;
  double emergency;
  gboolean final_pass;
  guint easy_line;
  guint final_pos; /* the paragraph's final break */
  /* Stretch ratio beyond which the badness surely exceeds the threshold (a little above
   * TeX's, so rounding never rejects a feasible line). */
  double loose_limit;
  guint run_limit; /* most hyphenated lines in a row, 0 for no limit */
} Pass;

static void
set_threshold (Pass *ps, int threshold)
{
  ps->threshold = threshold;
  ps->loose_limit =
      threshold >= PM_BADNESS_INFINITY ? INFINITY : cbrt ((threshold + 0.5) / 100.0) * 1.000001;
}

/* Line measure for a line from active node A to break POS (penalty width PW). */
typedef struct {
  double natural, stretch, fil[3], shrink;
  double exp_stretch, exp_shrink; /* the boxes' part, taken before the glue's */
} LineSums;

static void
line_sums (PmLineBreaker *b, guint after, guint pos, double pw, LineSums *ls)
{
  const Sums *s = (const Sums *)b->sums->data;
  guint start = MIN (after, pos);
  const Sums *e = &s[pos], *a = &s[start];
  ls->natural = e->w - a->w + pw;
  ls->stretch = e->y - a->y;
  for (int k = 0; k < 3; k++)
    ls->fil[k] = e->fil[k] - a->fil[k];
  ls->shrink = e->z - a->z;
  ls->exp_stretch = e->ey - a->ey;
  ls->exp_shrink = e->ez - a->ez;
}

/* Badness and fitness class of a line (TeX §851-853). */
static int
line_badness (const LineSums *ls, double width, double emergency, int *fit)
{
  double shortfall = width - ls->natural;
  if (shortfall > 0) {
    if (ls->fil[0] != 0 || ls->fil[1] != 0 || ls->fil[2] != 0) {
      *fit = PM_FIT_DECENT;
      return 0;
    }
    int bad = pm_line_badness (shortfall - ls->exp_stretch, ls->stretch + emergency);
    *fit = bad > 99 ? PM_FIT_VERY_LOOSE : bad > 12 ? PM_FIT_LOOSE : PM_FIT_DECENT;
    return bad;
  }
  if (shortfall < 0) {
    double rest = -shortfall - ls->exp_shrink;
    int bad = rest > ls->shrink ? PM_BADNESS_INFINITY + 1 : pm_line_badness (rest, ls->shrink);
    *fit = bad > 12 ? PM_FIT_TIGHT : PM_FIT_DECENT;
    return bad;
  }
  *fit = PM_FIT_DECENT;
  return 0;
}

/* Tries a break at POS with penalty PI, penalty width PW (TeX's try_break). */
static void
try_break (PmLineBreaker *b, const Pass *ps, guint pos, int pi, double pw, gboolean flagged)
{
  const PmLineBreakParams *p = ps->p;
  /* The best way to each class of node: TeX's four fitness classes and, with a limit on
   * hyphenated lines in a row, the length of the run a flagged break continues. */
  enum {
    N_CLASSES = 4 * (PM_HYPHEN_RUN_MAX + 1)
  };
  double minimal[N_CLASSES];
  int best_place[N_CLASSES];
  guint best_line[N_CLASSES];
  gboolean best_artificial[N_CLASSES];
  guint limit = ps->run_limit;
  /* Only the classes the limit can reach: this runs for every legal break. */
  int n_classes = 4 * ((int)limit + 1);
  for (int c = 0; c < n_classes; c++) {
    minimal[c] = AWFUL_BAD;
    best_place[c] = NIL;
    best_line[c] = 0;
    best_artificial[c] = FALSE;
  }
  double minimum = AWFUL_BAD;
  guint old_l = 0;
  double line_width = 0;
  gboolean forced = pi <= PM_PENALTY_FORCE;
  gboolean final = pos == ps->final_pos;
  int prev = NIL; /* NIL: r is the head */
  int r = b->head;
  guint after = 0;
  gboolean have_after = FALSE;

  for (;;) {
    guint l = r == NIL ? G_MAXUINT : act (b, r)->line;
    if (l > old_l) {
      /* A line number class has ended: create nodes for the best breaks found in it. */
      if (minimum < AWFUL_BAD && (old_l != ps->easy_line || r == NIL)) {
        if (!have_after) {
          after = after_break (ps->items, ps->n, pos);
          have_after = TRUE;
        }
        double adj = fabs (p->adj_demerits);
        /* TeX keeps a node only if it is within adj_demerits of the best one: any line after
         * the best costs at most that much more. A node whose hyphen run is longer may not
         * take every line the best can, so it is compared with the nodes of runs as short
         * or shorter only. */
        double best_run = AWFUL_BAD;
        for (int c = 0; c < n_classes; c++) {
          if (c % 4 == 0)
            for (int f = 0; f < 4; f++)
              best_run = MIN (best_run, minimal[c + f]);
          double limit_c = adj >= AWFUL_BAD - best_run ? AWFUL_BAD : best_run + adj;
          if (minimal[c] < AWFUL_BAD && minimal[c] <= limit_c) {
            int fit = c % 4;
            Passive pv = { pos, -1, best_line[c], fit, minimal[c], best_artificial[c] };
            pv.prev = best_place[c];
            g_array_append_val (b->passive, pv);
            int q = alloc_active (b);
            Active *a = act (b, q);
            a->passive = (int)b->passive->len - 1;
            a->line = best_line[c] + 1;
            a->fitness = fit;
            a->run = !flagged ? 0 : limit > 0 ? (guint)(c / 4) : 1;
            a->total = minimal[c];
            a->after = after;
            a->next = r;
            if (prev == NIL)
              b->head = q;
            else
              act (b, prev)->next = q;
            prev = q;
          }
          minimal[c] = AWFUL_BAD;
        }
        minimum = AWFUL_BAD;
      }
      if (r == NIL)
        return;
      if (l > ps->easy_line) {
        line_width = pm_line_break_params_width (p, l);
        old_l = G_MAXUINT - 1;
      } else {
        old_l = l;
        line_width = pm_line_break_params_width (p, l);
      }
    }

    Active *ra = act (b, r);
    LineSums ls;
    line_sums (b, ra->after, pos, pw, &ls);
    /* Dropped for good: forced past, or overfull whatever follows (widths only grow). */
    gboolean gone = forced || ls.natural - pw - ls.shrink - ls.exp_shrink > line_width;
    /* Most nodes are too loose for this break (their line is still short): reject them
     * without computing the badness. */
    if (!gone && ps->loose_limit < INFINITY &&
        line_width - ls.natural - ls.exp_stretch > (ls.stretch + ps->emergency) * ps->loose_limit &&
        ls.fil[0] == 0 && ls.fil[1] == 0 && ls.fil[2] == 0) {
      prev = r;
      r = ra->next;
      continue;
    }
    int fit;
    int bad = line_badness (&ls, line_width, ps->emergency, &fit);
    gboolean artificial = FALSE;
    gboolean stays;
    if (gone) {
      if (ps->final_pass && minimum >= AWFUL_BAD && ra->next == NIL && prev == NIL &&
          bad > ps->threshold)
        artificial = TRUE; /* the last resort: keep this break, as TeX does */
      stays = FALSE;
    } else {
      stays = TRUE;
    }
    /* A flagged break may not make the run of hyphenated lines longer than the limit (a
     * forced break is taken whatever it is). */
    gboolean ladder = flagged && !forced && limit > 0 && ra->run >= limit;
    if (!artificial && (bad > ps->threshold || ladder)) {
      if (stays) {
        prev = r;
        r = ra->next;
      } else {
        goto deactivate;
      }
      continue;
    }
    {
      double d;
      if (artificial) {
        d = 0;
      } else {
        d = p->line_penalty + bad;
        d = fabs (d) >= 10000 ? 100000000.0 : d * d;
        if (pi > 0)
          d += (double)pi * pi;
        else if (pi > PM_PENALTY_FORCE)
          d -= (double)pi * pi;
        if (final) {
          if (ra->run > 0)
            d += p->final_hyphen_demerits;
        } else if (flagged && ra->run > 0) {
          d += p->double_hyphen_demerits;
        }
        if (abs (fit - ra->fitness) > 1)
          d += p->adj_demerits;
      }
      d += ra->total;
      int c = fit + 4 * (flagged && limit > 0 ? (int)MIN (ra->run + 1, limit) : 0);
      if (d <= minimal[c]) {
        minimal[c] = d;
        best_place[c] = ra->passive;
        best_line[c] = ra->line;
        best_artificial[c] = artificial;
        if (d < minimum)
          minimum = d;
      }
    }
    if (stays) {
      prev = r;
      r = ra->next;
      continue;
    }
  deactivate : {
    int next = ra->next;
    if (prev == NIL)
      b->head = next;
    else
      act (b, prev)->next = next;
    ra->next = b->free_active;
    b->free_active = r;
    b->n_active--;
    r = next;
  }
  }
}

static void
reset_nodes (PmLineBreaker *b)
{
  g_array_set_size (b->passive, 0);
  g_array_set_size (b->active, 0);
  b->free_active = NIL;
  b->n_active = 0;
  int q = alloc_active (b);
  Active *a = act (b, q);
  *a = (Active){ NIL, NIL, 1, PM_FIT_DECENT, 0, 0, 0 };
  b->head = q;
}

/* One pass over the paragraph; FALSE if no active node survives. */
static gboolean
run_pass (PmLineBreaker *b, const Pass *ps, gboolean first_pass)
{
  reset_nodes (b);
  const PmItem *items = ps->items;
  for (guint i = 0; i < ps->n && b->head != NIL; i++) {
    const PmItem *it = &items[i];
    if (it->type == PM_ITEM_GLUE) {
      if (i > 0 && items[i - 1].type == PM_ITEM_BOX)
        try_break (b, ps, i, 0, 0, FALSE);
    } else if (it->type == PM_ITEM_PENALTY) {
      /* A forced break is a break in every pass, even if marked automatic. */
      if (it->penalty < PM_PENALTY_INFINITY &&
          !(first_pass && it->automatic && it->penalty > PM_PENALTY_FORCE))
        try_break (b, ps, i, MAX (it->penalty, PM_PENALTY_FORCE), fin (it->width), it->flagged);
    }
  }
  if (ps->final_pos == ps->n && b->head != NIL)
    try_break (b, ps, ps->n, PM_PENALTY_FORCE, 0, FALSE);
  return b->head != NIL;
}

/* The best active node, honouring looseness (TeX §874-875). */
static int
choose (PmLineBreaker *b, int looseness, int *actual)
{
  int best = NIL;
  double fewest = AWFUL_BAD * 2;
  for (int r = b->head; r != NIL; r = act (b, r)->next)
    if (act (b, r)->total < fewest) {
      fewest = act (b, r)->total;
      best = r;
    }
  *actual = 0;
  if (looseness == 0 || best == NIL)
    return best;
  long best_line = act (b, best)->line;
  for (int r = b->head; r != NIL; r = act (b, r)->next) {
    long diff = (long)act (b, r)->line - best_line;
    if ((diff < *actual && looseness <= diff) || (diff > *actual && looseness >= diff)) {
      best = r;
      *actual = (int)diff;
      fewest = act (b, r)->total;
    } else if (diff == *actual && act (b, r)->total < fewest) {
      best = r;
      fewest = act (b, r)->total;
    }
  }
  return best;
}

static void
emit (PmLineBreaker *b, const Pass *ps, int best, GArray *breaks, PmLineBreakInfo *info)
{
  const Passive *pv = (const Passive *)b->passive->data;
  guint nlines = 0;
  for (int q = act (b, best)->passive; q != NIL; q = pv[q].prev)
    nlines++;
  g_array_set_size (breaks, nlines);
  PmBreak *out = (PmBreak *)breaks->data;
  memset (out, 0, nlines * sizeof (PmBreak)); /* padding too: results compare bytewise */
  guint k = nlines;
  for (int q = act (b, best)->passive; q != NIL; q = pv[q].prev)
    out[--k].end = pv[q].pos;
  k = nlines;
  for (int q = act (b, best)->passive; q != NIL; q = pv[q].prev) {
    k--;
    out[k].demerits = pv[q].total - (pv[q].prev == NIL ? 0 : pv[pv[q].prev].total);
    out[k].fitness = pv[q].fitness;
  }
  const PmItem *items = ps->items;
  info->n_overfull = info->n_underfull = 0;
  guint start = 0;
  for (guint i = 0; i < nlines; i++) {
    PmBreak *br = &out[i];
    guint pos = br->end;
    gboolean pen = pos < ps->n && items[pos].type == PM_ITEM_PENALTY;
    double pw = pen ? fin (items[pos].width) : 0;
    LineSums ls;
    line_sums (b, start, pos, pw, &ls);
    br->start = MIN (start, pos);
    br->width = pm_line_break_params_width (ps->p, i + 1);
    br->indent = line_indent (ps->p, i + 1);
    br->natural = ls.natural;
    br->hyphenated = pen && items[pos].flagged;
    int fit;
    br->badness = line_badness (&ls, br->width, ps->emergency, &fit);
    double shortfall = br->width - ls.natural;
    br->stretch_order = 0;
    br->ratio = 0;
    br->overfull = FALSE;
    br->overfull_by = 0;
    if (shortfall > 0) {
      for (int o = 3; o >= 1; o--)
        if (ls.fil[o - 1] > 0) {
          br->stretch_order = o;
          br->ratio = shortfall / ls.fil[o - 1];
          break;
        }
      if (br->stretch_order == 0 && ls.stretch + ls.exp_stretch > 0)
        br->ratio = shortfall / (ls.stretch + ls.exp_stretch);
    } else if (shortfall < 0) {
      double shrink = ls.shrink + ls.exp_shrink;
      if (-shortfall > shrink) {
        br->overfull = TRUE;
        br->overfull_by = -shortfall - shrink;
        br->ratio = shrink > 0 ? -1 : 0;
      } else {
        br->ratio = shortfall / shrink;
      }
    }
    br->underfull = !br->overfull && br->badness > ps->threshold;
    info->n_overfull += br->overfull;
    info->n_underfull += br->underfull;
    start = pos < ps->n ? after_break (items, ps->n, pos) : ps->n;
  }
  info->n_lines = nlines;
  info->total_demerits = act (b, best)->total;
  info->feasible = info->n_overfull == 0 && info->n_underfull == 0;
}

/* Sets up PS for breaking ITEMS[0..N) under P; returns the first pass's number. */
static int
pass_init (Pass *ps, const PmItem *items, guint n, const PmLineBreakParams *p, double *emergency)
{
  *ps = (Pass){ 0 };
  ps->items = items;
  ps->n = n;
  ps->p = p;
  ps->run_limit = MIN (p->max_hyphen_run, PM_HYPHEN_RUN_MAX);
  gboolean ends_forced =
      items[n - 1].type == PM_ITEM_PENALTY && items[n - 1].penalty <= PM_PENALTY_FORCE;
  ps->final_pos = ends_forced ? n - 1 : n;
  guint last_special = p->line_widths && p->n_line_widths > 0 ? p->n_line_widths - 1 : 0;
  ps->easy_line = p->looseness == 0 ? last_special : G_MAXUINT;
  *emergency = isfinite (p->emergency_stretch) ? p->emergency_stretch : 0;
  if (p->pretolerance >= 0) {
    set_threshold (ps, MIN (p->pretolerance, PM_BADNESS_INFINITY));
    ps->final_pass = FALSE;
    return 1;
  }
  set_threshold (ps, MIN (p->tolerance, PM_BADNESS_INFINITY));
  ps->final_pass = *emergency <= 0;
  return 2;
}

/* TeX §863: the pretolerance pass, the tolerance pass, the emergency pass. Each of the N_LOOSE
 * looseness values LOOSE[k] takes the first pass that achieves it (or the final pass) into
 * BREAKS[k] and INFO[k]; the passes themselves depend on the looseness only through whether
 * it is zero (easy_line), so values that all are, or all are not, share them. */
static gboolean
run_passes (PmLineBreaker *b, const PmItem *items, guint n, const PmLineBreakParams *p,
            const int *loose, guint n_loose, GArray **breaks, PmLineBreakInfo **info)
{
  compute_sums (b, items, n);
  b->peak_active = 0;
  Pass ps;
  double emergency;
  int pass = pass_init (&ps, items, n, p, &emergency);
  int tolerance = MIN (p->tolerance, PM_BADNESS_INFINITY);
  guint done = 0;
  gboolean all_feasible = TRUE;
  gboolean finished[8] = { FALSE };
  g_return_val_if_fail (n_loose <= G_N_ELEMENTS (finished), FALSE);
  for (;;) {
    if (run_pass (b, &ps, pass == 1)) {
      for (guint k = 0; k < n_loose; k++) {
        if (finished[k])
          continue;
        int actual;
        int best = choose (b, loose[k], &actual);
        if (actual == loose[k] || ps.final_pass) {
          info[k]->pass = pass;
          info[k]->actual_looseness = actual;
          ps.emergency = pass == 3 ? emergency : 0;
          emit (b, &ps, best, breaks[k], info[k]);
          info[k]->peak_active = b->peak_active;
          all_feasible = all_feasible && info[k]->feasible;
          finished[k] = TRUE;
          done++;
        }
      }
      if (done == n_loose)
        return all_feasible;
    }
    if (pass == 1) {
      pass = 2;
      set_threshold (&ps, tolerance);
      ps.final_pass = emergency <= 0;
    } else {
      pass = 3;
      ps.emergency = emergency;
      ps.final_pass = TRUE;
    }
  }
}

gboolean
pm_line_breaker_run (PmLineBreaker *b, const PmItem *items, guint n, const PmLineBreakParams *p,
                     GArray *breaks, PmLineBreakInfo *info)
{
  PmLineBreakInfo dummy;
  if (!info)
    info = &dummy;
  *info = (PmLineBreakInfo){ 0 };
  g_array_set_size (breaks, 0);
  if (n == 0) {
    info->feasible = TRUE;
    return TRUE;
  }
  return run_passes (b, items, n, p, &p->looseness, 1, &breaks, &info);
}

gboolean
pm_line_breaker_run_loose (PmLineBreaker *b, const PmItem *items, guint n,
                           const PmLineBreakParams *p, const int *looseness, guint n_loose,
                           GArray **breaks, PmLineBreakInfo *info)
{
  g_return_val_if_fail (n_loose <= 8, FALSE);
  PmLineBreakInfo *infos[8];
  for (guint k = 0; k < n_loose; k++) {
    g_return_val_if_fail (looseness[k] != 0, FALSE);
    info[k] = (PmLineBreakInfo){ 0 };
    infos[k] = &info[k];
    g_array_set_size (breaks[k], 0);
  }
  if (n == 0) {
    for (guint k = 0; k < n_loose; k++)
      info[k].feasible = TRUE;
    return TRUE;
  }
  PmLineBreakParams q = *p;
  q.looseness = looseness[0]; /* any non-zero value: the passes are the same for all */
  return run_passes (b, items, n, &q, looseness, n_loose, breaks, infos);
}

/* ---- recipes ---- */

void
pm_item_recipe_init (PmItemRecipe *r, PmAlign align, double em, const PmLineBreakParams *p)
{
  r->align = align;
  r->ragged_stretch = 2 * em;
  r->hyphen_penalty = p ? p->hyphen_penalty : 50;
  r->ex_hyphen_penalty = p ? p->ex_hyphen_penalty : 50;
}

static void
append (GArray *items, PmItemType type, double width, double stretch, double shrink, int order,
        int penalty, gboolean flagged, gboolean automatic, gpointer user)
{
  PmItem it = { type, width, stretch, shrink, order, penalty, flagged, automatic, user };
  g_array_append_val (items, it);
}

void
pm_items_append_box (GArray *items, double width, gpointer user)
{
  append (items, PM_ITEM_BOX, width, 0, 0, 0, 0, FALSE, FALSE, user);
}

void
pm_items_append_glue (GArray *items, double width, double stretch, double shrink, int stretch_order,
                      gpointer user)
{
  append (items, PM_ITEM_GLUE, width, stretch, shrink, stretch_order, 0, FALSE, FALSE, user);
}

void
pm_items_append_penalty (GArray *items, double width, int penalty, gboolean flagged, gpointer user)
{
  append (items, PM_ITEM_PENALTY, width, 0, 0, 0, penalty, flagged, FALSE, user);
}

/* Centred text: after a break the discarded items run up to a box, so an empty box keeps the
 * left centring glue of the next line. */
static void
append_left_centring (GArray *items, const PmItemRecipe *r)
{
  pm_items_append_box (items, 0, NULL);
  pm_items_append_penalty (items, 0, PM_PENALTY_INFINITY, FALSE, NULL);
  pm_items_append_glue (items, 0, r->ragged_stretch, 0, 0, NULL);
}

void
pm_items_append_paragraph_start (GArray *items, const PmItemRecipe *r, double indent, gpointer user)
{
  if (r->align == PM_ALIGN_CENTER)
    pm_items_append_glue (items, 0, r->ragged_stretch, 0, 0, user);
  else
    pm_items_append_box (items, indent, user);
}

void
pm_items_append_space (GArray *items, const PmItemRecipe *r, double width, double stretch,
                       double shrink, gpointer user)
{
  double rs = r->ragged_stretch;
  switch (r->align) {
    case PM_ALIGN_JUSTIFY:
      pm_items_append_glue (items, width, stretch, shrink, 0, user);
      break;
    case PM_ALIGN_RAGGED_RIGHT:
      /* The penalty keeps the first glue from being a break that would drop the stretch. */
      pm_items_append_penalty (items, 0, PM_PENALTY_INFINITY, FALSE, NULL);
      pm_items_append_glue (items, 0, rs, 0, 0, NULL);
      pm_items_append_penalty (items, 0, 0, FALSE, NULL);
      pm_items_append_glue (items, width, stretch - rs, shrink, 0, user);
      break;
    case PM_ALIGN_CENTER:
      pm_items_append_penalty (items, 0, PM_PENALTY_INFINITY, FALSE, NULL);
      pm_items_append_glue (items, 0, rs, 0, 0, NULL);
      pm_items_append_penalty (items, 0, 0, FALSE, NULL);
      pm_items_append_glue (items, width, stretch - 2 * rs, shrink, 0, user);
      append_left_centring (items, r);
      break;
  }
}

void
pm_items_append_hyphen (GArray *items, const PmItemRecipe *r, double hyphen_width,
                        gboolean explicit_hyphen, gboolean automatic, gpointer user)
{
  int pen = explicit_hyphen ? r->ex_hyphen_penalty : r->hyphen_penalty;
  double rs = r->ragged_stretch;
  if (r->align != PM_ALIGN_JUSTIFY) {
    pm_items_append_penalty (items, 0, PM_PENALTY_INFINITY, FALSE, NULL);
    pm_items_append_glue (items, 0, rs, 0, 0, NULL);
  }
  append (items, PM_ITEM_PENALTY, hyphen_width, 0, 0, 0, pen, TRUE, automatic, user);
  if (r->align == PM_ALIGN_RAGGED_RIGHT) {
    pm_items_append_glue (items, 0, -rs, 0, 0, NULL);
  } else if (r->align == PM_ALIGN_CENTER) {
    pm_items_append_glue (items, 0, -2 * rs, 0, 0, NULL);
    append_left_centring (items, r);
  }
}

void
pm_items_append_line_break (GArray *items, const PmItemRecipe *r, gpointer user)
{
  pm_items_append_penalty (items, 0, PM_PENALTY_INFINITY, FALSE, NULL);
  if (r->align == PM_ALIGN_CENTER) {
    pm_items_append_glue (items, 0, r->ragged_stretch, 0, 0, NULL);
    pm_items_append_penalty (items, 0, PM_PENALTY_FORCE, FALSE, user);
    append_left_centring (items, r);
  } else {
    pm_items_append_glue (items, 0, 1, 0, 1, NULL);
    pm_items_append_penalty (items, 0, PM_PENALTY_FORCE, FALSE, user);
  }
}

void
pm_items_append_paragraph_end (GArray *items, const PmItemRecipe *r, gpointer user)
{
  pm_items_append_penalty (items, 0, PM_PENALTY_INFINITY, FALSE, NULL);
  if (r->align == PM_ALIGN_CENTER)
    pm_items_append_glue (items, 0, r->ragged_stretch, 0, 0, NULL);
  else
    pm_items_append_glue (items, 0, 1, 0, 1, NULL);
  pm_items_append_penalty (items, 0, PM_PENALTY_FORCE, FALSE, user);
}
