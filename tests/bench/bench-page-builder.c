/* bench-page-builder.c: breaking a synthetic document of over a thousand pages (paragraphs
 * with shorter and longer settings, footnotes, headings, sections), in one column and in
 * two; median of repeated runs of pm_page_builder_finish. */
#include "page/pm-page-builder.h"

#include <stdio.h>
#include <stdlib.h>

#define RUNS 11

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* N lines of 8 + 2 pt; a line now and then references a note of 1 to 6 lines. */
static PmPageLine *
lines_new (GRand *rand, int n, GPtrArray *garbage)
{
  PmPageLine *lines = g_new0 (PmPageLine, n);
  g_ptr_array_add (garbage, lines);
  for (int i = 0; i < n; i++) {
    lines[i] = (PmPageLine){ 8, 2, GINT_TO_POINTER (i + 1), NULL, 0, 0 };
    if (g_rand_int_range (rand, 0, 25) == 0) {
      int k = 1 + g_rand_int_range (rand, 0, 6);
      PmPageNote *note = g_new0 (PmPageNote, 1);
      PmPageLine *nl = g_new0 (PmPageLine, k);
      for (int j = 0; j < k; j++)
        nl[j] = (PmPageLine){ 7, 2, GINT_TO_POINTER (j + 1), NULL, 0, 0 };
      *note = (PmPageNote){ note, nl, k };
      g_ptr_array_add (garbage, note);
      g_ptr_array_add (garbage, nl);
      lines[i].notes = note;
      lines[i].n_notes = 1;
    }
  }
  return lines;
}

static PmPageBuilder *
document (guint columns, int *n_lines)
{
  PmPageFrame f = { 300, 10 + 39 * 12 + 2, 12, 10, columns, 12, 6, 10, 0 };
  PmPageBuilder *b = pm_page_builder_new (&f);
  GRand *rand = g_rand_new_with_seed (42);
  GPtrArray *garbage = g_ptr_array_new_with_free_func (g_free);
  *n_lines = 0;
  for (int i = 0; i < 6000; i++) {
    if (i % 500 == 0)
      pm_page_builder_new_section (b, TRUE);
    if (g_rand_int_range (rand, 0, 12) == 0) {
      PmPageLine h = { 14, 4, GINT_TO_POINTER (1), NULL, 0, 0 };
      pm_page_builder_add_space (b, 8);
      pm_page_builder_add_heading (b, &h, 1);
    }
    int n = 1 + g_rand_int_range (rand, 0, 12);
    PmPageLines shorter = { lines_new (rand, MAX (n - 1, 1), garbage), MAX (n - 1, 1) };
    PmPageLines longer = { lines_new (rand, n + 1, garbage), n + 1 };
    pm_page_builder_add_paragraph (b, lines_new (rand, n, garbage), n, NULL,
                                   n > 1 ? &shorter : NULL, &longer);
    *n_lines += n;
  }
  g_ptr_array_unref (garbage);
  g_rand_free (rand);
  return b;
}

int
main (void)
{
  for (guint columns = 1; columns <= 2; columns++) {
    int n_lines;
    PmPageBuilder *b = document (columns, &n_lines);
    double ms[RUNS];
    PmPageStats st = { 0 };
    for (int r = 0; r < RUNS; r++) {
      gint64 t0 = g_get_monotonic_time ();
      PmPages *pages = pm_page_builder_finish (b, NULL);
      ms[r] = (g_get_monotonic_time () - t0) / 1000.0;
      pm_pages_get_stats (pages, -1, &st);
      pm_pages_free (pages);
    }
    qsort (ms, RUNS, sizeof (double), cmp_double);
    printf ("page builder, %u column%s: %d lines -> %u pages, median %.2f ms (%.1f us/page), "
            "%d runs\n",
            columns, columns > 1 ? "s" : "", n_lines, st.pages, ms[RUNS / 2],
            ms[RUNS / 2] * 1000 / MAX (st.pages, 1), RUNS);
    printf ("  widows %u, orphans %u, notes moved %u, notes split %u, underfull %u, "
            "overfull %u, alternatives used %u\n",
            st.widows, st.orphans, st.notes_moved, st.notes_split, st.underfull, st.overfull,
            st.alternatives);
    pm_page_builder_free (b);
  }
  return 0;
}
