/* test-linebreak.c: the Knuth–Plass breaker against an exhaustive search, hand-worked cases,
 * looseness, the emergency pass, overfull lines, forced breaks, varying widths, recipes. */
#include "paragraph/pm-linebreak.h"

#include <math.h>

/* ---- the reference: every break sequence, TeX's demerits, computed the plain way ---- */

typedef struct {
  const PmItem *items;
  guint n;
  const PmLineBreakParams *p;
  int pass;
  int threshold;
  double emergency;
  guint final_pos;
  guint bp[64]; /* legal breaks in order */
  guint nbp;
  double best_by_lines[64]; /* fewest demerits for each line count, INFINITY if none */
} Ref;

static gboolean
is_break (const Ref *rf, guint i, int pass)
{
  if (i == rf->n)
    return TRUE;
  const PmItem *it = &rf->items[i];
  if (it->type == PM_ITEM_GLUE)
    return i > 0 && rf->items[i - 1].type == PM_ITEM_BOX;
  if (it->type == PM_ITEM_PENALTY)
    return it->penalty < PM_PENALTY_INFINITY &&
           !(pass == 1 && it->automatic && it->penalty > PM_PENALTY_FORCE);
  return FALSE;
}

static gboolean
is_forced (const Ref *rf, guint pos)
{
  return pos == rf->n ||
         (rf->items[pos].type == PM_ITEM_PENALTY && rf->items[pos].penalty <= PM_PENALTY_FORCE);
}

static guint
start_after (const Ref *rf, guint pos)
{
  guint j = pos + 1;
  while (j < rf->n && rf->items[j].type != PM_ITEM_BOX)
    j++;
  return MIN (j, rf->n);
}

/* Badness, fitness and demerits of the line [start, pos) broken at pos; FALSE if infeasible. */
static gboolean
line_cost (const Ref *rf, guint start, guint pos, guint line, int prev_fit, guint prev_run,
           int *fit_out, double *d_out)
{
  gboolean prev_hyph = prev_run > 0;
  double w = 0, y = 0, z = 0, fil = 0, ey = 0, ez = 0;
  for (guint i = MIN (start, pos); i < pos; i++) {
    const PmItem *it = &rf->items[i];
    if (it->type == PM_ITEM_PENALTY)
      continue;
    w += it->width;
    if (it->type == PM_ITEM_BOX) {
      ey += it->stretch;
      ez += it->shrink;
    } else if (it->type == PM_ITEM_GLUE) {
      if (it->stretch_order > 0)
        fil += it->stretch;
      else
        y += it->stretch;
      z += it->shrink;
    }
  }
  int pi = 0;
  gboolean flagged = FALSE;
  if (pos < rf->n && rf->items[pos].type == PM_ITEM_PENALTY) {
    w += rf->items[pos].width;
    pi = MAX (rf->items[pos].penalty, PM_PENALTY_FORCE);
    flagged = rf->items[pos].flagged;
    if (flagged && pi > PM_PENALTY_FORCE && rf->p->max_hyphen_run > 0 &&
        prev_run >= rf->p->max_hyphen_run)
      return FALSE;
  } else if (pos == rf->n) {
    pi = PM_PENALTY_FORCE;
  }
  double width = pm_line_break_params_width (rf->p, line);
  double shortfall = width - w;
  int bad, fit;
  if (shortfall > 0) {
    if (fil != 0) {
      bad = 0;
      fit = PM_FIT_DECENT;
    } else {
      /* The boxes' stretch (font expansion) is taken first. */
      bad = pm_line_badness (shortfall - ey, y + rf->emergency);
      fit = bad > 99 ? 0 : bad > 12 ? 1 : 2;
    }
  } else if (shortfall < 0) {
    if (-shortfall > z + ez)
      return FALSE;
    bad = pm_line_badness (-shortfall - ez, z);
    fit = bad > 12 ? 3 : 2;
  } else {
    bad = 0;
    fit = 2;
  }
  if (bad > rf->threshold)
    return FALSE;
  double d = rf->p->line_penalty + bad;
  d = fabs (d) >= 10000 ? 1e8 : d * d;
  if (pi > 0)
    d += (double)pi * pi;
  else if (pi > PM_PENALTY_FORCE)
    d -= (double)pi * pi;
  if (pos == rf->final_pos) {
    if (prev_hyph)
      d += rf->p->final_hyphen_demerits;
  } else if (flagged && prev_hyph) {
    d += rf->p->double_hyphen_demerits;
  }
  if (abs (fit - prev_fit) > 1)
    d += rf->p->adj_demerits;
  *fit_out = fit;
  *d_out = d;
  return TRUE;
}

static void
ref_search (Ref *rf, guint from_bp, guint start, guint line, int fit, guint run, double total)
{
  for (guint k = from_bp; k < rf->nbp; k++) {
    guint pos = rf->bp[k];
    int f;
    double d;
    gboolean flagged =
        pos < rf->n && rf->items[pos].type == PM_ITEM_PENALTY && rf->items[pos].flagged;
    if (line_cost (rf, start, pos, line, fit, run, &f, &d)) {
      if (pos == rf->final_pos) {
        if (line < G_N_ELEMENTS (rf->best_by_lines))
          rf->best_by_lines[line] = MIN (rf->best_by_lines[line], total + d);
      } else {
        ref_search (rf, k + 1, start_after (rf, pos), line + 1, f, flagged ? run + 1 : 0,
                    total + d);
      }
    }
    if (is_forced (rf, pos))
      return; /* no line may pass over a forced break */
  }
}

/* Fills rf->best_by_lines for one pass; FALSE if nothing is feasible. */
static gboolean
ref_pass (Ref *rf, int pass)
{
  rf->pass = pass;
  rf->threshold = pass == 1 ? rf->p->pretolerance : MIN (rf->p->tolerance, 10000);
  rf->emergency = pass == 3 ? rf->p->emergency_stretch : 0;
  rf->nbp = 0;
  for (guint i = 0; i < rf->n; i++)
    if (is_break (rf, i, pass))
      rf->bp[rf->nbp++] = i;
  if (rf->final_pos == rf->n)
    rf->bp[rf->nbp++] = rf->n;
  for (guint i = 0; i < G_N_ELEMENTS (rf->best_by_lines); i++)
    rf->best_by_lines[i] = INFINITY;
  ref_search (rf, 0, 0, 1, PM_FIT_DECENT, 0, 0);
  for (guint i = 0; i < G_N_ELEMENTS (rf->best_by_lines); i++)
    if (isfinite (rf->best_by_lines[i]))
      return TRUE;
  return FALSE;
}

/* The reference answer: the pass, the demerits, the line count; FALSE with *ambiguous if the
 * optimum's line count is not unique (looseness then depends on tie-breaking). Pass 0: no
 * feasible solution at all. */
static void
ref_solve (Ref *rf, int *pass_out, double *demerits, guint *lines, gboolean *ambiguous)
{
  const PmLineBreakParams *p = rf->p;
  int passes[3], np = 0;
  if (p->pretolerance >= 0)
    passes[np++] = 1;
  passes[np++] = 2;
  if (p->emergency_stretch > 0)
    passes[np++] = 3;
  *ambiguous = FALSE;
  *pass_out = 0;
  for (int k = 0; k < np; k++) {
    if (!ref_pass (rf, passes[k]))
      continue;
    guint l0 = 0;
    double best = INFINITY;
    for (guint l = 0; l < G_N_ELEMENTS (rf->best_by_lines); l++)
      if (rf->best_by_lines[l] < best) {
        best = rf->best_by_lines[l];
        l0 = l;
      }
    for (guint l = 0; l < G_N_ELEMENTS (rf->best_by_lines); l++)
      if (l != l0 && rf->best_by_lines[l] == best)
        *ambiguous = TRUE;
    int actual = 0;
    guint chosen = l0;
    if (p->looseness != 0) {
      for (int diff = p->looseness; diff != 0; diff += p->looseness > 0 ? -1 : 1) {
        long l = (long)l0 + diff;
        if (l > 0 && l < (long)G_N_ELEMENTS (rf->best_by_lines) &&
            isfinite (rf->best_by_lines[l])) {
          actual = diff;
          chosen = (guint)l;
          break;
        }
      }
    }
    gboolean final = k == np - 1;
    if (actual == p->looseness || final) {
      *pass_out = passes[k];
      *demerits = rf->best_by_lines[chosen];
      *lines = chosen;
      return;
    }
  }
}

/* Demerits of the breaker's own lines, by the reference's rules (-1 if a line is infeasible). */
static double
ref_cost_of (Ref *rf, int pass, GArray *breaks)
{
  ref_pass (rf, pass);
  double total = 0;
  guint start = 0;
  int fit = PM_FIT_DECENT;
  guint run = 0;
  for (guint i = 0; i < breaks->len; i++) {
    PmBreak *br = &g_array_index (breaks, PmBreak, i);
    int f;
    double d;
    if (!line_cost (rf, start, br->end, i + 1, fit, run, &f, &d))
      return -1;
    total += d;
    fit = f;
    run = br->hyphenated ? run + 1 : 0;
    start = br->end < rf->n ? start_after (rf, br->end) : rf->n;
  }
  return total;
}

/* ---- random paragraphs ---- */

static void
random_paragraph (GRand *r, GArray *items)
{
  g_array_set_size (items, 0);
  int words = g_rand_int_range (r, 1, 12);
  if (g_rand_boolean (r))
    pm_items_append_box (items, g_rand_int_range (r, 0, 4), NULL);
  for (int w = 0; w < words; w++) {
    int parts = g_rand_int_range (r, 1, 3);
    for (int k = 0; k < parts; k++) {
      pm_items_append_box (items, g_rand_int_range (r, 1, 9), NULL);
      if (g_rand_int_range (r, 0, 6) == 0) { /* font expansion */
        PmItem *box = &g_array_index (items, PmItem, items->len - 1);
        box->stretch = box->shrink = 0.25;
      }
      if (k + 1 < parts) {
        static const int pens[] = { 50, 50, 0, 100, -50, 10000, 500 };
        PmItem it = { PM_ITEM_PENALTY,
                      g_rand_int_range (r, 0, 2),
                      0,
                      0,
                      0,
                      pens[g_rand_int_range (r, 0, G_N_ELEMENTS (pens))],
                      g_rand_boolean (r),
                      g_rand_boolean (r),
                      NULL };
        g_array_append_val (items, it);
      }
    }
    if (w + 1 < words) {
      int kind = g_rand_int_range (r, 0, 10);
      if (kind == 0) {
        pm_items_append_penalty (items, 0, PM_PENALTY_INFINITY, FALSE, NULL);
        pm_items_append_glue (items, 0, 1, 0, 1, NULL);
        pm_items_append_penalty (items, 0, PM_PENALTY_FORCE, FALSE, NULL);
      } else if (kind == 1) {
        /* ragged-right style space */
        pm_items_append_penalty (items, 0, PM_PENALTY_INFINITY, FALSE, NULL);
        pm_items_append_glue (items, 0, 6, 0, 0, NULL);
        pm_items_append_penalty (items, 0, 0, FALSE, NULL);
        pm_items_append_glue (items, 2, -6, 0, 0, NULL);
      } else {
        int gw = g_rand_int_range (r, 1, 4);
        pm_items_append_glue (items, gw, g_rand_int_range (r, 0, 4),
                              g_rand_int_range (r, 0, gw + 1), 0, NULL);
      }
    }
  }
  int end = g_rand_int_range (r, 0, 6);
  if (end < 4) {
    pm_items_append_penalty (items, 0, PM_PENALTY_INFINITY, FALSE, NULL);
    pm_items_append_glue (items, 0, 1, 0, 1, NULL);
    pm_items_append_penalty (items, 0, PM_PENALTY_FORCE, FALSE, NULL);
  } else if (end == 4) {
    pm_items_append_glue (items, 0, 3, 0, 0, NULL);
    /* Even a forced break marked automatic breaks in the first pass. */
    PmItem it = { PM_ITEM_PENALTY,    0,   0, 0, 0, PM_PENALTY_FORCE, g_rand_boolean (r),
                  g_rand_boolean (r), NULL };
    g_array_append_val (items, it);
  } /* else: no final break, the breaker adds one */
}

static void
random_params (GRand *r, PmLineBreakParams *p, double *widths)
{
  static const int tols[] = { 100, 200, 1000, 10000, 50 };
  static const int pretols[] = { -1, 50, 100, 100 };
  pm_line_break_params_init (p);
  p->tolerance = tols[g_rand_int_range (r, 0, G_N_ELEMENTS (tols))];
  p->pretolerance = pretols[g_rand_int_range (r, 0, G_N_ELEMENTS (pretols))];
  p->line_penalty = g_rand_boolean (r) ? 10 : g_rand_int_range (r, 0, 100);
  p->adj_demerits = g_rand_int_range (r, 0, 3) == 0 ? 0 : 10000;
  p->double_hyphen_demerits = g_rand_boolean (r) ? 10000 : 3000;
  p->final_hyphen_demerits = g_rand_boolean (r) ? 5000 : 0;
  p->max_hyphen_run = (guint)g_rand_int_range (r, 0, 3);
  int ls = g_rand_int_range (r, 0, 8);
  p->looseness = ls == 0 ? 1 : ls == 1 ? -1 : 0;
  p->emergency_stretch = g_rand_boolean (r) ? 0 : g_rand_int_range (r, 1, 12);
  guint nw = g_rand_int_range (r, 1, 4);
  for (guint i = 0; i < nw; i++)
    widths[i] = g_rand_int_range (r, 8, 30);
  p->line_widths = widths;
  p->n_line_widths = nw;
}

static void
test_optimal_random (void)
{
  GRand *r = g_rand_new_with_seed (20261204);
  GArray *items = g_array_new (FALSE, FALSE, sizeof (PmItem));
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (PmBreak));
  PmLineBreaker *b = pm_line_breaker_new ();
  int per_pass[4] = { 0 }, compared = 0, infeasible = 0, loose = 0;
  for (int t = 0; t < 6000; t++) {
    PmLineBreakParams p;
    double widths[4];
    random_paragraph (r, items);
    random_params (r, &p, widths);
    PmLineBreakInfo info;
    gboolean ok = pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info);
    Ref rf = { 0 };
    rf.items = (PmItem *)items->data;
    rf.n = items->len;
    rf.p = &p;
    const PmItem *last = &g_array_index (items, PmItem, items->len - 1);
    rf.final_pos = last->type == PM_ITEM_PENALTY && last->penalty <= PM_PENALTY_FORCE
                       ? items->len - 1
                       : items->len;
    int pass;
    double demerits = 0;
    guint lines = 0;
    gboolean ambiguous;
    ref_solve (&rf, &pass, &demerits, &lines, &ambiguous);
    g_assert_cmpuint (breaks->len, ==, info.n_lines);
    g_assert_cmpuint (g_array_index (breaks, PmBreak, breaks->len - 1).end, ==, rf.final_pos);
    if (pass == 0) {
      /* Nothing feasible in any pass: TeX's last resort, reported. */
      g_assert_false (ok);
      g_assert_false (info.feasible);
      g_assert_cmpuint (info.n_overfull + info.n_underfull, >, 0);
      infeasible++;
      continue;
    }
    if (p.looseness != 0 && ambiguous)
      continue;
    if (!ok)
      g_test_message ("case %d: pass %d demerits %g lines %u", t, pass, demerits, lines);
    g_assert_true (ok);
    g_assert_cmpint (info.pass, ==, pass);
    g_assert_cmpfloat (info.total_demerits, ==, demerits);
    g_assert_cmpuint (info.n_lines, ==, lines);
    g_assert_cmpfloat (ref_cost_of (&rf, pass, breaks), ==, demerits);
    double sum = 0;
    guint run = 0;
    for (guint i = 0; i < breaks->len; i++) {
      PmBreak *br = &g_array_index (breaks, PmBreak, i);
      g_assert_false (br->overfull);
      /* Never more hyphenated lines in a row than the limit, but at a forced break. */
      run = br->hyphenated ? run + 1 : 0;
      if (p.max_hyphen_run > 0 && !is_forced (&rf, br->end))
        g_assert_cmpuint (run, <=, p.max_hyphen_run);
      /* No line wider than its measure once shrunk. */
      g_assert_cmpfloat (br->ratio, >=, -1);
      double shrink = 0;
      for (guint k = br->start; k < br->end; k++)
        shrink += g_array_index (items, PmItem, k).shrink;
      g_assert_cmpfloat (br->natural - shrink, <=, br->width);
      sum += br->demerits;
    }
    g_assert_cmpfloat (sum, ==, demerits);
    per_pass[pass]++;
    loose += p.looseness != 0;
    compared++;
  }
  g_test_message ("compared %d (pass 1: %d, 2: %d, 3: %d; looseness %d), infeasible %d", compared,
                  per_pass[1], per_pass[2], per_pass[3], loose, infeasible);
  g_assert_cmpint (compared, >=, 500);
  g_assert_cmpint (per_pass[1], >=, 100);
  g_assert_cmpint (per_pass[2], >=, 100);
  g_assert_cmpint (per_pass[3], >=, 20);
  g_assert_cmpint (loose, >=, 50);
  g_assert_cmpint (infeasible, >=, 20);
  pm_line_breaker_free (b);
  g_array_free (items, TRUE);
  g_array_free (breaks, TRUE);
  g_rand_free (r);
}

/* Several loosenesses broken at once give each what a run of its own gives, to the byte. */
static void
test_loose_shared (void)
{
  GRand *r = g_rand_new_with_seed (20261205);
  GArray *items = g_array_new (FALSE, FALSE, sizeof (PmItem));
  GArray *single = g_array_new (FALSE, FALSE, sizeof (PmBreak));
  GArray *many[3];
  for (int k = 0; k < 3; k++)
    many[k] = g_array_new (FALSE, FALSE, sizeof (PmBreak));
  PmLineBreaker *b = pm_line_breaker_new ();
  static const int sets[][3] = { { -1, 1, 0 }, { 1, -1, 0 }, { -2, 1, 3 } };
  static const guint set_len[] = { 2, 2, 3 };
  int later_pass = 0;
  for (int t = 0; t < 3000; t++) {
    PmLineBreakParams p;
    double widths[4];
    random_paragraph (r, items);
    random_params (r, &p, widths);
    const int *loose = sets[t % 3];
    guint n = set_len[t % 3];
    PmLineBreakInfo info[3];
    pm_line_breaker_run_loose (b, (PmItem *)items->data, items->len, &p, loose, n, many, info);
    for (guint k = 0; k < n; k++) {
      PmLineBreakParams q = p;
      q.looseness = loose[k];
      PmLineBreakInfo one;
      pm_line_breaker_run (b, (PmItem *)items->data, items->len, &q, single, &one);
      g_assert_cmpuint (many[k]->len, ==, single->len);
      g_assert_cmpmem (many[k]->data, many[k]->len * sizeof (PmBreak), single->data,
                       single->len * sizeof (PmBreak));
      g_assert_cmpint (info[k].pass, ==, one.pass);
      g_assert_cmpfloat (info[k].total_demerits, ==, one.total_demerits);
      g_assert_cmpuint (info[k].n_lines, ==, one.n_lines);
      g_assert_cmpuint (info[k].n_overfull, ==, one.n_overfull);
      g_assert_cmpuint (info[k].n_underfull, ==, one.n_underfull);
      g_assert_cmpint (info[k].feasible, ==, one.feasible);
      g_assert_cmpint (info[k].actual_looseness, ==, one.actual_looseness);
      g_assert_cmpuint (info[k].peak_active, ==, one.peak_active);
      later_pass += k > 0 && info[k].pass != info[0].pass;
    }
  }
  /* Values that stop at different passes were among them. */
  g_assert_cmpint (later_pass, >=, 50);
  pm_line_breaker_free (b);
  g_array_free (items, TRUE);
  g_array_free (single, TRUE);
  for (int k = 0; k < 3; k++)
    g_array_free (many[k], TRUE);
  g_rand_free (r);
}

/* ---- hand-worked cases ---- */

/* Words of the given widths, justified spaces of 3 plus 1.5 minus 1, ended as TeX ends. */
static void
words (GArray *items, const int *w, guint n)
{
  PmItemRecipe rc;
  pm_item_recipe_init (&rc, PM_ALIGN_JUSTIFY, 10, NULL);
  g_array_set_size (items, 0);
  for (guint i = 0; i < n; i++) {
    if (i > 0)
      pm_items_append_space (items, &rc, 3, 1.5, 1, NULL);
    pm_items_append_box (items, w[i], NULL);
  }
  pm_items_append_paragraph_end (items, &rc, NULL);
}

static void
test_hand_worked (void)
{
  /* Four words of 10, measure 23: "10 10" (23 exactly, badness 0) twice. The greedy
   * alternative "10 10" then "10 10" is the same; a three-word line (36) cannot shrink to 23. */
  static const int w[] = { 10, 10, 10, 10 };
  GArray *items = g_array_new (FALSE, FALSE, sizeof (PmItem));
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (PmBreak));
  PmLineBreaker *b = pm_line_breaker_new ();
  PmLineBreakParams p;
  PmLineBreakInfo info;
  pm_line_break_params_init (&p);
  p.width = 23;
  words (items, w, 4);
  g_assert_true (pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info));
  g_assert_cmpuint (breaks->len, ==, 2);
  g_assert_cmpint (info.pass, ==, 1);
  PmBreak *l1 = &g_array_index (breaks, PmBreak, 0);
  PmBreak *l2 = &g_array_index (breaks, PmBreak, 1);
  g_assert_cmpuint (l1->start, ==, 0);
  g_assert_cmpuint (l1->end, ==, 3); /* the glue after the second word */
  g_assert_cmpuint (l2->start, ==, 4);
  g_assert_cmpfloat (l1->ratio, ==, 0);
  g_assert_cmpint (l1->badness, ==, 0);
  /* Line 1: (10 + 0)^2 = 100; the last line with \parfillskip: badness 0, 100. */
  g_assert_cmpfloat (l1->demerits, ==, 100);
  g_assert_cmpfloat (l2->demerits, ==, 100);
  g_assert_cmpfloat (info.total_demerits, ==, 200);
  g_assert_cmpfloat (l2->ratio, ==, 0);
  g_assert_cmpint (l2->stretch_order, ==, 0); /* exactly full: nothing to stretch */

  /* Measure 24: each two-word line stretches 1 of 1.5: ratio 2/3, badness
   * round(100 (2/3)^3) = 30, loose; demerits (10 + 30)^2 = 1600; the last line stretches by
   * fil: ratio 1 of fil order. */
  p.width = 24;
  g_assert_true (pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info));
  l1 = &g_array_index (breaks, PmBreak, 0);
  l2 = &g_array_index (breaks, PmBreak, 1);
  g_assert_cmpfloat (fabs (l1->ratio - 2.0 / 3), <, 1e-12);
  g_assert_cmpint (l1->badness, ==, 30);
  g_assert_cmpint (l1->fitness, ==, PM_FIT_LOOSE);
  g_assert_cmpfloat (l1->demerits, ==, 1600);
  g_assert_cmpint (l2->stretch_order, ==, 1);
  g_assert_cmpfloat (l2->ratio, ==, 1);
  /* Last line decent after a loose one: adjacent classes, no adj_demerits. */
  g_assert_cmpfloat (info.total_demerits, ==, 1700);

  /* Measure 22: both two-word lines shrink by 1 of 1 (the last line too: \parfillskip does
   * not shrink): badness 100 <= pretolerance, tight, (10 + 100)^2 = 12100 each. */
  p.width = 22;
  g_assert_true (pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info));
  l1 = &g_array_index (breaks, PmBreak, 0);
  l2 = &g_array_index (breaks, PmBreak, 1);
  g_assert_cmpint (info.pass, ==, 1);
  g_assert_cmpint (l1->badness, ==, 100);
  g_assert_cmpint (l1->fitness, ==, PM_FIT_TIGHT);
  g_assert_cmpfloat (l1->ratio, ==, -1);
  g_assert_cmpint (l2->fitness, ==, PM_FIT_TIGHT);
  g_assert_cmpfloat (info.total_demerits, ==, 2 * 12100);
  pm_line_breaker_free (b);
  g_array_free (items, TRUE);
  g_array_free (breaks, TRUE);
}

/* A hyphen break and the fitness and hyphen demerits, worked by hand. */
static void
test_hyphen_demerits (void)
{
  PmItemRecipe rc;
  pm_item_recipe_init (&rc, PM_ALIGN_JUSTIFY, 10, NULL);
  GArray *items = g_array_new (FALSE, FALSE, sizeof (PmItem));
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (PmBreak));
  /* "aaaaaaaaaa bbbbb-bbbbb": 10 + 3 + 5 + hyphen 1 = 19 on a measure of 19; line 2 is the
   * rest of the word. */
  pm_items_append_box (items, 10, NULL);
  pm_items_append_space (items, &rc, 3, 1.5, 1, NULL);
  pm_items_append_box (items, 5, NULL);
  pm_items_append_hyphen (items, &rc, 1, FALSE, TRUE, NULL);
  pm_items_append_box (items, 5, NULL);
  pm_items_append_paragraph_end (items, &rc, NULL);
  PmLineBreaker *b = pm_line_breaker_new ();
  PmLineBreakParams p;
  PmLineBreakInfo info;
  pm_line_break_params_init (&p);
  p.width = 19;
  g_assert_true (pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info));
  /* The first pass may not use the automatic point: 10 + 3 + 5 + 5 = 23 cannot shrink to 19,
   * "aaaaaaaaaa" alone (10 for 19) is far too loose. The second pass hyphenates. */
  g_assert_cmpint (info.pass, ==, 2);
  g_assert_cmpuint (breaks->len, ==, 2);
  PmBreak *l1 = &g_array_index (breaks, PmBreak, 0);
  g_assert_true (l1->hyphenated);
  g_assert_cmpuint (l1->end, ==, 3);
  g_assert_cmpfloat (l1->natural, ==, 19);
  /* (10 + 0)^2 + 50^2, then the last line 100; the final line after a hyphen costs
   * final_hyphen_demerits. */
  g_assert_cmpfloat (l1->demerits, ==, 100 + 2500);
  g_assert_cmpfloat (info.total_demerits, ==, 100 + 2500 + 100 + 5000);
  pm_line_breaker_free (b);
  g_array_free (items, TRUE);
  g_array_free (breaks, TRUE);
}

/* ---- looseness, emergency, overfull, forced, varying widths ---- */

static void
test_looseness (void)
{
  int w[30];
  for (guint i = 0; i < 30; i++)
    w[i] = 5 + (int)(i * 7 % 5);
  GArray *items = g_array_new (FALSE, FALSE, sizeof (PmItem));
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (PmBreak));
  words (items, w, 30);
  PmLineBreaker *b = pm_line_breaker_new ();
  PmLineBreakParams p;
  PmLineBreakInfo info;
  pm_line_break_params_init (&p);
  p.width = 70; /* 5 lines at best, 4 possible */
  p.tolerance = 10000;
  pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info);
  guint optimal = info.n_lines;
  g_assert_cmpint (info.actual_looseness, ==, 0);
  p.looseness = 1;
  pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info);
  g_assert_cmpuint (info.n_lines, ==, optimal + 1);
  g_assert_cmpint (info.actual_looseness, ==, 1);
  p.looseness = -1;
  pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info);
  g_assert_cmpuint (info.n_lines, ==, optimal - 1);
  g_assert_cmpint (info.actual_looseness, ==, -1);
  /* Asking for far fewer lines gets as few as can be. */
  p.looseness = -100;
  pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info);
  g_assert_cmpint (info.actual_looseness, ==, -1);
  g_assert_cmpuint (info.n_lines, ==, optimal - 1);
  pm_line_breaker_free (b);
  g_array_free (items, TRUE);
  g_array_free (breaks, TRUE);
}

static void
test_emergency_and_overfull (void)
{
  /* Two words of 10 on a measure of 40: one line 23 wide stretching 17 of 1.5 is far too
   * loose; but it is the last line (parfillskip), so feasible. Make it a middle line with a
   * forced break and no fil: */
  GArray *items = g_array_new (FALSE, FALSE, sizeof (PmItem));
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (PmBreak));
  pm_items_append_box (items, 10, NULL);
  pm_items_append_glue (items, 3, 1.5, 1, 0, NULL);
  pm_items_append_box (items, 10, NULL);
  pm_items_append_penalty (items, 0, PM_PENALTY_FORCE, FALSE, NULL);
  PmLineBreaker *b = pm_line_breaker_new ();
  PmLineBreakParams p;
  PmLineBreakInfo info;
  pm_line_break_params_init (&p);
  p.width = 28; /* stretch 5 of 1.5: badness 10000 */
  g_assert_false (pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info));
  g_assert_cmpuint (info.n_underfull, ==, 1);
  g_assert_true (g_array_index (breaks, PmBreak, 0).underfull);
  /* Emergency stretch 5: badness of 5 over 6.5 = round (45.5) = 46, the third pass. */
  p.emergency_stretch = 5;
  g_assert_true (pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info));
  g_assert_cmpint (info.pass, ==, 3);
  g_assert_cmpint (g_array_index (breaks, PmBreak, 0).badness, ==, 46);
  /* The reported ratio is the real glue's: 5 / 1.5. */
  g_assert_cmpfloat (fabs (g_array_index (breaks, PmBreak, 0).ratio - 5 / 1.5), <, 1e-12);

  /* A word longer than the line: overfull, reported with its excess. */
  PmItemRecipe rc;
  pm_item_recipe_init (&rc, PM_ALIGN_JUSTIFY, 10, NULL);
  g_array_set_size (items, 0);
  pm_items_append_paragraph_start (items, &rc, 0, NULL);
  int ws[] = { 5, 5, 60, 5, 5 };
  for (guint i = 0; i < G_N_ELEMENTS (ws); i++) {
    if (i > 0)
      pm_items_append_space (items, &rc, 3, 1.5, 1, NULL);
    pm_items_append_box (items, ws[i], NULL);
  }
  pm_items_append_paragraph_end (items, &rc, NULL);
  p.width = 20;
  p.emergency_stretch = 10;
  g_assert_false (pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info));
  g_assert_cmpint (info.pass, ==, 3);
  g_assert_cmpuint (info.n_overfull, ==, 1);
  gboolean found = FALSE;
  for (guint i = 0; i < breaks->len; i++) {
    PmBreak *br = &g_array_index (breaks, PmBreak, i);
    if (br->overfull) {
      found = TRUE;
      g_assert_cmpfloat (br->natural, >=, 60);
      g_assert_cmpfloat (br->overfull_by, >, 0);
      g_assert_cmpfloat (br->overfull_by, <=, br->natural - 20);
    }
  }
  g_assert_true (found);
  /* Every item lands on a line, in order. */
  guint next = 0;
  for (guint i = 0; i < breaks->len; i++) {
    PmBreak *br = &g_array_index (breaks, PmBreak, i);
    g_assert_cmpuint (br->start, >=, next);
    g_assert_cmpuint (br->end, >=, br->start);
    next = br->end;
  }
  g_assert_cmpuint (next, ==, items->len - 1);
  pm_line_breaker_free (b);
  g_array_free (items, TRUE);
  g_array_free (breaks, TRUE);
}

static void
test_forced_and_widths (void)
{
  PmItemRecipe rc;
  pm_item_recipe_init (&rc, PM_ALIGN_JUSTIFY, 10, NULL);
  GArray *items = g_array_new (FALSE, FALSE, sizeof (PmItem));
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (PmBreak));
  pm_items_append_paragraph_start (items, &rc, 5, NULL);
  for (int i = 0; i < 40; i++) {
    if (i == 7) {
      pm_items_append_line_break (items, &rc, NULL);
    } else if (i > 0) {
      pm_items_append_space (items, &rc, 3.33, 1.67, 1.11, NULL);
    }
    pm_items_append_box (items, 8 + (i * 13) % 17, NULL);
  }
  pm_items_append_paragraph_end (items, &rc, NULL);
  double widths[] = { 100, 60, 80 };
  double indents[] = { 0, 40, 20 };
  PmLineBreaker *b = pm_line_breaker_new ();
  PmLineBreakParams p;
  PmLineBreakInfo info;
  pm_line_break_params_init (&p);
  p.line_widths = widths;
  p.n_line_widths = 3;
  p.line_indents = indents;
  p.n_line_indents = 3;
  p.tolerance = 1000;
  p.emergency_stretch = 10;
  /* Words up to 24 wide on measures of 60 and 80 need the emergency pass. */
  g_assert_true (pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info));
  g_assert_cmpint (info.pass, ==, 3);
  gboolean saw_forced = FALSE;
  for (guint i = 0; i < breaks->len; i++) {
    PmBreak *br = &g_array_index (breaks, PmBreak, i);
    g_assert_cmpfloat (br->width, ==, widths[MIN (i, 2)]);
    g_assert_cmpfloat (br->indent, ==, indents[MIN (i, 2)]);
    g_assert_false (br->overfull);
    g_assert_cmpint (br->badness, <=, 1000);
    /* The natural width less all shrink fits the measure. */
    const PmItem *it = &g_array_index (items, PmItem, br->end);
    if (it->type == PM_ITEM_PENALTY && it->penalty == PM_PENALTY_FORCE && br->end + 1 < items->len)
      saw_forced = TRUE;
  }
  g_assert_true (saw_forced);
  /* The breaker is reusable: the same answer again, without leftovers. */
  GArray *again = g_array_new (FALSE, FALSE, sizeof (PmBreak));
  PmLineBreakInfo info2;
  pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, again, &info2);
  g_assert_cmpuint (again->len, ==, breaks->len);
  g_assert_cmpmem (again->data, again->len * sizeof (PmBreak), breaks->data,
                   breaks->len * sizeof (PmBreak));
  g_assert_cmpfloat (info2.total_demerits, ==, info.total_demerits);
  /* No items at all: no lines. */
  g_assert_true (pm_line_breaker_run (b, NULL, 0, &p, again, &info2));
  g_assert_cmpuint (again->len, ==, 0);
  pm_line_breaker_free (b);
  g_array_free (items, TRUE);
  g_array_free (breaks, TRUE);
  g_array_free (again, TRUE);
}

/* Ragged right and centred: lines are chosen by the ragged cost, and unbroken spaces keep
 * their width. */
static void
test_ragged_and_centred (void)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (PmItem));
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (PmBreak));
  PmLineBreaker *b = pm_line_breaker_new ();
  PmLineBreakParams p;
  PmLineBreakInfo info;
  pm_line_break_params_init (&p);
  p.width = 50;
  for (int align = PM_ALIGN_RAGGED_RIGHT; align <= PM_ALIGN_CENTER; align++) {
    PmItemRecipe rc;
    pm_item_recipe_init (&rc, align, 10, &p);
    g_array_set_size (items, 0);
    pm_items_append_paragraph_start (items, &rc, 0, NULL);
    int n = 0;
    for (int i = 0; i < 30; i++) {
      if (i > 0)
        pm_items_append_space (items, &rc, 3, 0, 0, NULL);
      pm_items_append_box (items, 4 + (i * 7) % 9, NULL);
      n++;
    }
    pm_items_append_paragraph_end (items, &rc, NULL);
    g_assert_true (pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info));
    double natural_sum = 0;
    for (guint i = 0; i < breaks->len; i++) {
      PmBreak *br = &g_array_index (breaks, PmBreak, i);
      g_assert_cmpfloat (br->natural, <=, 50);
      g_assert_cmpint (br->stretch_order, ==, i + 1 == breaks->len && align != PM_ALIGN_CENTER);
      if (i + 1 < breaks->len) {
        /* The only stretch of a broken line is the ragged glue: ratio = shortfall / 20
         * (ragged) or / 40 (centred, both sides). */
        double rs = align == PM_ALIGN_CENTER ? 40 : 20;
        g_assert_cmpfloat (fabs (br->ratio - (50 - br->natural) / rs), <, 1e-9);
        g_assert_cmpfloat (br->ratio, <=, 1.26); /* badness <= 200 */
      }
      natural_sum += br->natural;
    }
    (void)n;
    g_assert_cmpuint (breaks->len, >=, 6);
    g_assert_cmpfloat (natural_sum, >, 0);
  }
  pm_line_breaker_free (b);
  g_array_free (items, TRUE);
  g_array_free (breaks, TRUE);
}

/* Hyphen points in ragged and centred text keep the ragged stretch; a forced break in centred
 * text keeps the next line's left glue; two hyphens in a row cost double_hyphen_demerits. */
static void
test_recipes (void)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (PmItem));
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (PmBreak));
  PmLineBreaker *b = pm_line_breaker_new ();
  PmLineBreakParams p;
  PmLineBreakInfo info;
  pm_line_break_params_init (&p);
  p.width = 30;
  for (int align = PM_ALIGN_JUSTIFY; align <= PM_ALIGN_CENTER; align++) {
    PmItemRecipe rc;
    pm_item_recipe_init (&rc, align, 1.5, &p); /* ragged stretch 3 */
    g_array_set_size (items, 0);
    /* Words of 20, 3-25 (a hyphen of 2) and, after a forced break, 26 on a measure of 30:
     * "20" alone is far too loose in every mode, "20 3-25" far too wide. */
    pm_items_append_paragraph_start (items, &rc, 0, NULL);
    pm_items_append_box (items, 20, NULL);
    pm_items_append_space (items, &rc, 3, align == PM_ALIGN_JUSTIFY ? 2 : 0,
                           align == PM_ALIGN_JUSTIFY ? 1 : 0, NULL);
    pm_items_append_box (items, 3, NULL);
    pm_items_append_hyphen (items, &rc, 2, FALSE, FALSE, NULL);
    pm_items_append_box (items, 25, NULL);
    pm_items_append_line_break (items, &rc, NULL);
    pm_items_append_box (items, 26, NULL);
    pm_items_append_paragraph_end (items, &rc, NULL);
    gboolean ok = pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info);
    g_assert_cmpuint (breaks->len, ==, 3);
    PmBreak *l1 = &g_array_index (breaks, PmBreak, 0);
    PmBreak *l2 = &g_array_index (breaks, PmBreak, 1);
    PmBreak *l3 = &g_array_index (breaks, PmBreak, 2);
    /* Line 1 ends at the hyphen: 20 + 3 + 3 + 2 = 28. */
    g_assert_true (l1->hyphenated);
    g_assert_cmpfloat (l1->natural, ==, 28);
    g_assert_true (ok);
    if (align == PM_ALIGN_JUSTIFY) {
      g_assert_cmpfloat (l1->ratio, ==, 1); /* 2 of 2 */
      g_assert_cmpint (l1->stretch_order, ==, 0);
    } else {
      double rs = align == PM_ALIGN_CENTER ? 6 : 3;
      g_assert_cmpfloat (l1->ratio, ==, 2 / rs);
    }
    /* Line 2 starts with the rest of the word (centred: at the empty box holding the left
     * glue) and ends at the forced break. */
    const PmItem *first = &g_array_index (items, PmItem, l2->start);
    g_assert_cmpint (first->type, ==, PM_ITEM_BOX);
    g_assert_cmpfloat (first->width, ==, align == PM_ALIGN_CENTER ? 0 : 25);
    g_assert_cmpfloat (l2->natural, ==, 25);
    g_assert_false (l2->hyphenated);
    g_assert_cmpint (g_array_index (items, PmItem, l2->end).penalty, ==, PM_PENALTY_FORCE);
    g_assert_cmpfloat (l3->natural, ==, 26);
    if (align == PM_ALIGN_CENTER) {
      /* Centred lines: equal glue on both sides, ratio = shortfall / 6. */
      g_assert_cmpfloat (l2->ratio, ==, 5.0 / 6);
      g_assert_cmpfloat (l3->ratio, ==, 4.0 / 6);
      g_assert_cmpint (l3->stretch_order, ==, 0);
    } else {
      g_assert_cmpint (l2->stretch_order, ==, 1);
      g_assert_cmpint (l3->stretch_order, ==, 1);
    }
  }

  /* Three lines each ending in a hyphen of a long word: double_hyphen_demerits twice, and the
   * final line after a hyphen: final_hyphen_demerits. */
  PmItemRecipe rc;
  pm_item_recipe_init (&rc, PM_ALIGN_JUSTIFY, 5, &p);
  g_array_set_size (items, 0);
  for (int i = 0; i < 4; i++) {
    if (i > 0)
      pm_items_append_hyphen (items, &rc, 0, TRUE, FALSE, NULL); /* explicit: no width */
    pm_items_append_box (items, 30, NULL);
  }
  pm_items_append_paragraph_end (items, &rc, NULL);
  p.ex_hyphen_penalty = 50;
  g_assert_true (pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info));
  g_assert_cmpuint (breaks->len, ==, 4);
  g_assert_cmpint (info.pass, ==, 1); /* explicit hyphens are breaks in the first pass */
  g_assert_cmpfloat (g_array_index (breaks, PmBreak, 0).demerits, ==, 100 + 2500);
  g_assert_cmpfloat (g_array_index (breaks, PmBreak, 1).demerits, ==, 100 + 2500 + 10000);
  g_assert_cmpfloat (g_array_index (breaks, PmBreak, 2).demerits, ==, 100 + 2500 + 10000);
  g_assert_cmpfloat (g_array_index (breaks, PmBreak, 3).demerits, ==, 100 + 5000);
  pm_line_breaker_free (b);
  g_array_free (items, TRUE);
  g_array_free (breaks, TRUE);
}

/* Pruning: the active list stays short however long the paragraph, so the cost is linear. */
static void
test_pruning (void)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (PmItem));
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (PmBreak));
  PmLineBreaker *b = pm_line_breaker_new ();
  PmLineBreakParams p;
  PmLineBreakInfo info;
  pm_line_break_params_init (&p);
  p.width = 300;
  guint peak[2];
  for (int k = 0; k < 2; k++) {
    int w[5000];
    guint n = k == 0 ? 500 : 5000;
    for (guint i = 0; i < n; i++)
      w[i] = 10 + (int)(i * 37 % 23);
    words (items, w, n);
    g_assert_true (pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info));
    peak[k] = info.peak_active;
    g_assert_cmpuint (peak[k], >=, 2);
  }
  g_assert_cmpuint (peak[1], <=, peak[0] + 4);
  g_assert_cmpuint (peak[1], <, 100);
  pm_line_breaker_free (b);
  g_array_free (items, TRUE);
  g_array_free (breaks, TRUE);
}

/* Boxes that stretch and shrink (font expansion): they take a line's adjustment first; the
 * badness is that of what the glue must still take. */
static void
test_box_expansion (void)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (PmItem));
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (PmBreak));
  PmLineBreaker *b = pm_line_breaker_new ();
  PmLineBreakParams p;
  PmLineBreakInfo info;
  pm_line_break_params_init (&p);
  /* Two words of 10 with 0.5 stretch and shrink each around a glue 3 +1.5 -1. */
  pm_items_append_box (items, 0, NULL);
  PmItem box = { PM_ITEM_BOX, 10, 0.5, 0.5, 0, 0, FALSE, FALSE, NULL };
  g_array_append_val (items, box);
  pm_items_append_glue (items, 3, 1.5, 1, 0, NULL);
  g_array_append_val (items, box);
  pm_items_append_penalty (items, 0, PM_PENALTY_FORCE, FALSE, NULL);
  /* Measure 25: stretch 2 of 1.5 + 1: ratio 0.8; the boxes take 1, the glue 1 of 1.5:
   * badness round(100 (2/3)^3) = 30. */
  p.width = 25;
  g_assert_true (pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info));
  g_assert_cmpuint (breaks->len, ==, 1);
  PmBreak *l = &g_array_index (breaks, PmBreak, 0);
  g_assert_cmpfloat (fabs (l->ratio - 0.8), <, 1e-12);
  g_assert_cmpint (l->badness, ==, 30);
  /* Measure 22: stretch 1, all the boxes': badness 0. */
  p.width = 22;
  g_assert_true (pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info));
  g_assert_cmpint (g_array_index (breaks, PmBreak, 0).badness, ==, 0);
  /* Measure 21.5: shrink 1.5 of 1 + 1: ratio -0.75; the glue shrinks 0.5 of 1: badness
   * round(12.5) = 13; 21 is all the shrink there is; 20.9 is overfull. */
  p.width = 21.5;
  g_assert_true (pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info));
  g_assert_cmpfloat (fabs (g_array_index (breaks, PmBreak, 0).ratio + 0.75), <, 1e-12);
  g_assert_cmpint (g_array_index (breaks, PmBreak, 0).badness, ==, 13);
  p.width = 21;
  g_assert_true (pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info));
  g_assert_false (g_array_index (breaks, PmBreak, 0).overfull);
  p.width = 20.9;
  g_assert_false (pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info));
  g_assert_true (g_array_index (breaks, PmBreak, 0).overfull);
  pm_line_breaker_free (b);
  g_array_free (items, TRUE);
  g_array_free (breaks, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/linebreak/optimal-random", test_optimal_random);
  g_test_add_func ("/linebreak/loose-shared", test_loose_shared);
  g_test_add_func ("/linebreak/hand-worked", test_hand_worked);
  g_test_add_func ("/linebreak/hyphen-demerits", test_hyphen_demerits);
  g_test_add_func ("/linebreak/looseness", test_looseness);
  g_test_add_func ("/linebreak/emergency-overfull", test_emergency_and_overfull);
  g_test_add_func ("/linebreak/forced-widths", test_forced_and_widths);
  g_test_add_func ("/linebreak/ragged-centred", test_ragged_and_centred);
  g_test_add_func ("/linebreak/recipes", test_recipes);
  g_test_add_func ("/linebreak/pruning", test_pruning);
  g_test_add_func ("/linebreak/box-expansion", test_box_expansion);
  return g_test_run ();
}
