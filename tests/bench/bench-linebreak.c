/* bench-linebreak.c: Knuth–Plass breaking of a synthetic 10,000-word corpus (paragraphs of
 * 20 to 250 words with word widths and hyphenation points like 10 pt text, on an A5 measure
 * of 112 mm), justified and ragged right; median of repeated runs. */
#include "paragraph/pm-linebreak.h"

#include <stdio.h>
#include <stdlib.h>

#define RUNS 51
#define WORDS 10000

typedef struct {
  GArray *items; /* PmItem */
} Para;

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* A paragraph of N words: 10 pt text, letters about 5 pt wide, words of 1 to 17 letters
 * (mean 5.5), hyphenation points every 2 or 3 letters in words of 7 letters or more, with 2
 * letters before the first and 3 after the last (as libhyphen with lefthyphenmin 2,
 * righthyphenmin 3). */
static void
make_para (GRand *r, guint n, PmAlign align, GArray *items)
{
  PmItemRecipe rc;
  pm_item_recipe_init (&rc, align, 10, NULL);
  gboolean just = align == PM_ALIGN_JUSTIFY;
  pm_items_append_paragraph_start (items, &rc, just ? 15 : 0, NULL);
  for (guint w = 0; w < n; w++) {
    if (w > 0)
      pm_items_append_space (items, &rc, 3.33, just ? 1.67 : 0, just ? 1.11 : 0, NULL);
    int letters = 1 + g_rand_int_range (r, 0, 5) + g_rand_int_range (r, 0, 5);
    if (g_rand_int_range (r, 0, 4) == 0)
      letters += g_rand_int_range (r, 0, 8);
    double em = g_rand_double_range (r, 4.5, 5.5);
    int done = 0;
    while (done < letters) {
      int piece = letters - done;
      if (letters >= 7 && done == 0)
        piece = g_rand_int_range (r, 2, 4);
      else if (letters >= 7 && letters - done >= 5)
        piece = g_rand_int_range (r, 2, 4);
      pm_items_append_box (items, piece * em, NULL);
      done += piece;
      if (done < letters)
        pm_items_append_hyphen (items, &rc, 3.33, FALSE, TRUE, NULL);
    }
  }
  pm_items_append_paragraph_end (items, &rc, NULL);
}

int
main (void)
{
  for (int align = PM_ALIGN_JUSTIFY; align <= PM_ALIGN_RAGGED_RIGHT; align++) {
    GRand *r = g_rand_new_with_seed (42);
    GArray *paras = g_array_new (FALSE, FALSE, sizeof (Para));
    guint words = 0, items = 0;
    while (words < WORDS) {
      guint want = (guint)g_rand_int_range (r, 20, 251); /* MIN evaluates twice */
      guint n = MIN (want, WORDS - words);
      Para p = { g_array_new (FALSE, FALSE, sizeof (PmItem)) };
      make_para (r, n, align, p.items);
      g_array_append_val (paras, p);
      words += n;
      items += p.items->len;
    }
    PmLineBreakParams params;
    pm_line_break_params_init (&params);
    params.width = 112 / 25.4 * 72;
    params.emergency_stretch = 10;
    PmLineBreaker *b = pm_line_breaker_new ();
    GArray *breaks = g_array_new (FALSE, FALSE, sizeof (PmBreak));
    double ms[RUNS];
    guint lines = 0, hyphenated = 0, passes[4] = { 0 }, overfull = 0, peak = 0;
    for (int run = 0; run < RUNS; run++) {
      gint64 t0 = g_get_monotonic_time ();
      for (guint i = 0; i < paras->len; i++) {
        GArray *it = g_array_index (paras, Para, i).items;
        PmLineBreakInfo info;
        pm_line_breaker_run (b, (PmItem *)it->data, it->len, &params, breaks, &info);
        if (run == 0) {
          lines += info.n_lines;
          passes[info.pass]++;
          overfull += info.n_overfull;
          peak = MAX (peak, info.peak_active);
          for (guint k = 0; k < breaks->len; k++)
            hyphenated += g_array_index (breaks, PmBreak, k).hyphenated;
        }
      }
      ms[run] = (g_get_monotonic_time () - t0) / 1000.0;
    }
    qsort (ms, RUNS, sizeof (double), cmp_double);
    printf ("%s: %u words, %u paragraphs, %u items -> %u lines (%.1f %% hyphenated, "
            "%u overfull; passes 1/2/3: %u/%u/%u), %d runs\n",
            align == PM_ALIGN_JUSTIFY ? "justified" : "ragged right", words, paras->len, items,
            lines, 100.0 * hyphenated / MAX (lines, 1), overfull, passes[1], passes[2], passes[3],
            RUNS);
    printf ("  at most %u active nodes at once\n", peak);
    printf ("  break: median %.2f ms (%.2f us/word), min %.2f, max %.2f\n", ms[RUNS / 2],
            ms[RUNS / 2] * 1000 / words, ms[0], ms[RUNS - 1]);
    for (guint i = 0; i < paras->len; i++)
      g_array_free (g_array_index (paras, Para, i).items, TRUE);
    g_array_free (paras, TRUE);
    g_array_free (breaks, TRUE);
    pm_line_breaker_free (b);
    g_rand_free (r);
  }
  return 0;
}
