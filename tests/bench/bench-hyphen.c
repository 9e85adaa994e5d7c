/* bench-hyphen.c: words per second of pm_hyphenator_hyphenate over the seed statements' words
 * (tests/bench/texts/hyphen-words.txt), per language: loading the dictionary, a cold pass
 * (every distinct word looked up in the patterns) and a warm pass (all from the cache).
 * Medians of RUNS runs (default 15). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "base/pm-data.h"
#include "paragraph/pm-hyphen.h"

typedef struct {
  char *lang;
  GPtrArray *words;
} Language;

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double
median (double *v, int n)
{
  qsort (v, n, sizeof *v, compare_doubles);
  return v[n / 2];
}

static GPtrArray *
read_languages (const char *path)
{
  char *text;
  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  GPtrArray *languages = g_ptr_array_new ();
  Language *current = NULL;
  char **lines = g_strsplit (text, "\n", -1);
  for (char **l = lines; *l; l++) {
    if (**l == '#')
      continue;
    if (g_str_has_prefix (*l, "= ")) {
      current = g_new0 (Language, 1);
      current->lang = g_strdup (*l + 2);
      current->words = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (languages, current);
      continue;
    }
    if (!current)
      continue;
    char **words = g_strsplit_set (*l, " \t", -1);
    for (char **w = words; *w; w++)
      if (**w)
        g_ptr_array_add (current->words, g_strdup (*w));
    g_strfreev (words);
  }
  g_strfreev (lines);
  g_free (text);
  return languages;
}

/* Hyphenates every word of LANG once with H; returns the number of hyphenation points. */
static guint
pass (PmHyphenator *h, Language *lang, const PmHyphenRules *rules)
{
  guint points = 0;
  for (guint i = 0; i < lang->words->len; i++) {
    GArray *a = pm_hyphenator_hyphenate (h, lang->words->pdata[i], -1, rules);
    points += a->len;
    g_array_unref (a);
  }
  return points;
}

int
main (void)
{
  int runs = g_getenv ("RUNS") ? atoi (g_getenv ("RUNS")) : 15;
  if (runs < 1)
    runs = 1;
  char *path = pm_data_find ("tests/bench/texts/hyphen-words.txt");
  GPtrArray *languages = path ? read_languages (path) : NULL;
  if (!languages) {
    fprintf (stderr, "bench-hyphen: tests/bench/texts/hyphen-words.txt not found\n");
    return 1;
  }

  double *load = g_new (double, runs), *cold = g_new (double, runs), *warm = g_new (double, runs);
  double total_load = 0, total_cold = 0, total_warm = 0;
  guint total_words = 0;
  printf ("%-4s %6s %7s %9s %12s %12s %10s\n", "lang", "words", "points", "load ms", "cold w/s",
          "warm w/s", "cold ms");
  for (guint l = 0; l < languages->len; l++) {
    Language *lang = languages->pdata[l];
    PmHyphenRules rules;
    pm_hyphen_rules_init (&rules, lang->lang);
    guint points = 0;
    for (int r = 0; r < runs; r++) {
      gint64 t0 = g_get_monotonic_time ();
      GError *error = NULL;
      PmHyphenator *h = pm_hyphenator_new (lang->lang, &error);
      if (!h) {
        fprintf (stderr, "bench-hyphen: %s\n", error->message);
        return 1;
      }
      gint64 t1 = g_get_monotonic_time ();
      points = pass (h, lang, &rules);
      gint64 t2 = g_get_monotonic_time ();
      pass (h, lang, &rules);
      gint64 t3 = g_get_monotonic_time ();
      pm_hyphenator_unref (h);
      load[r] = (t1 - t0) / 1000.0;
      cold[r] = (t2 - t1) / 1000.0;
      warm[r] = (t3 - t2) / 1000.0;
    }
    double ml = median (load, runs), mc = median (cold, runs), mw = median (warm, runs);
    guint n = lang->words->len;
    printf ("%-4s %6u %7u %9.2f %12.0f %12.0f %10.2f\n", lang->lang, n, points, ml,
            n / (mc / 1000.0), n / (mw / 1000.0), mc);
    total_load += ml;
    total_cold += mc;
    total_warm += mw;
    total_words += n;
  }
  printf ("%-4s %6u %7s %9.2f %12.0f %12.0f %10.2f\n", "all", total_words, "", total_load,
          total_words / (total_cold / 1000.0), total_words / (total_warm / 1000.0), total_cold);
  struct rusage usage;
  getrusage (RUSAGE_SELF, &usage);
  printf ("median of %d runs; all languages, dictionaries loaded and cold: %.1f ms; peak RSS "
          "%.1f MB\n",
          runs, total_load + total_cold, usage.ru_maxrss / 1024.0);

  for (guint l = 0; l < languages->len; l++) {
    Language *lang = languages->pdata[l];
    g_free (lang->lang);
    g_ptr_array_unref (lang->words);
    g_free (lang);
  }
  g_ptr_array_unref (languages);
  g_free (load);
  g_free (cold);
  g_free (warm);
  g_free (path);
  return 0;
}
