/* bench-shape.c: shaping every word of the corpus (the .md files of corpus/, as the reader reads
 * them) with a fresh shaper, as the paragraph builder does; median of repeated runs. */
#include "paragraph/pm-shape.h"
#include "pm-bench.h"

#include <stdio.h>
#include <string.h>

#define RUNS 21

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int
main (void)
{
  GError *error = NULL;
  PmFonts *fonts = pm_fonts_new (&error);
  if (!fonts) {
    fprintf (stderr, "bench-shape: %s\n", error->message);
    return 1;
  }
  GPtrArray *texts = pm_bench_load_corpus ();
  /* Each text's words: its paragraphs' text split at white space. */
  GPtrArray *text_words = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  guint words = 0;
  for (guint i = 0; i < texts->len; i++) {
    PmBenchText *t = texts->pdata[i];
    GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
    for (guint p = 0; p < t->paragraphs->len; p++) {
      g_autofree char *text = pm_inlines_to_text (t->paragraphs->pdata[p]);
      g_auto (GStrv) parts = g_strsplit_set (text, " \n\t", -1);
      for (char **w = parts; *w; w++)
        if (**w)
          g_ptr_array_add (list, g_strdup (*w));
    }
    words += list->len;
    g_ptr_array_add (text_words, list);
  }

  double fresh[RUNS] = { 0 }, warm[RUNS] = { 0 };
  guint unique = 0, missing = 0;
  for (int r = 0; r < RUNS; r++) {
    PmShaper *shaper = pm_shaper_new (fonts);
    for (int pass = 0; pass < 2; pass++) {
      missing = 0;
      gint64 t0 = g_get_monotonic_time ();
      for (guint i = 0; i < texts->len; i++) {
        PmBenchText *t = texts->pdata[i];
        GPtrArray *list = text_words->pdata[i];
        PmFontSpec spec = { "Noto Serif", 10, 400, FALSE, t->lang, "kern,liga" };
        for (guint w = 0; w < list->len; w++)
          if (!pm_shaper_shape (shaper, &spec, list->pdata[w], -1, NULL, NULL))
            missing++;
      }
      double ms = (g_get_monotonic_time () - t0) / 1000.0;
      (pass == 0 ? fresh : warm)[r] = ms;
    }
    unique = pm_shaper_cache_size (shaper);
    pm_shaper_free (shaper);
  }
  qsort (fresh, RUNS, sizeof (double), cmp_double);
  qsort (warm, RUNS, sizeof (double), cmp_double);
  printf ("shape %u words (%u distinct shaped, %u with a missing glyph), %d runs\n", words, unique,
          missing, RUNS);
  printf ("  fresh shaper: median %.2f ms (%.2f us/word)\n", fresh[RUNS / 2],
          fresh[RUNS / 2] * 1000 / MAX (words, 1));
  printf ("  all cached:   median %.2f ms\n", warm[RUNS / 2]);
  g_ptr_array_unref (text_words);
  g_ptr_array_unref (texts);
  pm_fonts_free (fonts);
  return 0;
}
