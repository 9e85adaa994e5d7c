/* bench-paragraph.c: shaping, hyphenating and breaking every paragraph of the corpus (the .md
 * files of corpus/) as the booklet's body text (styles/booklet-a5.style: 10/13 pt on a 112 mm
 * measure, 317 pt); median of repeated runs, with a fresh builder and with a warm one. */
#include "base/pm-data.h"
#include "page/pm-compose.h"
#include "paragraph/pm-hyphen.h"
#include "paragraph/pm-paragraph.h"
#include "pm-bench.h"

#include <stdio.h>
#include <string.h>

#define RUNS 21
#define MEASURE 317.0

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

typedef struct {
  guint paragraphs, lines, hyphenated, overfull, failed;
  guint loose, tight, ladders; /* ratio > 1, ratio < -0.5 (full lines); 3+ hyphens in a row */
  guint passes[5];             /* paragraphs set by each pass */
  GArray *gaps;                /* word-gap ratios of full justified lines: set / natural */
} Totals;

static void
set_all (PmParagraphBuilder *builder, GPtrArray *texts, const PmStyle *sheet, Totals *tot)
{
  GArray *gaps = tot->gaps;
  memset (tot, 0, sizeof *tot);
  tot->gaps = gaps;
  g_array_set_size (gaps, 0);
  for (guint i = 0; i < texts->len; i++) {
    PmBenchText *t = texts->pdata[i];
    PmParagraphStyle style;
    pm_compose_paragraph_style (sheet, "body", t->lang, &style, NULL);
    for (guint p = 0; p < t->paragraphs->len; p++) {
      PmParagraph *para = pm_paragraph_builder_build (builder, t->paragraphs->pdata[p], &style,
                                                      MEASURE, 0, NULL, NULL);
      if (!para) {
        tot->failed++;
        continue;
      }
      tot->paragraphs++;
      tot->lines += pm_paragraph_get_n_lines (para);
      tot->hyphenated += pm_paragraph_count_hyphenated (para);
      tot->overfull += pm_paragraph_count_overfull (para);
      tot->passes[CLAMP (pm_paragraph_get_pass (para), 0, 4)]++;
      guint run = 0;
      for (guint k = 0; k < pm_paragraph_get_n_lines (para); k++) {
        const PmLine *l = pm_paragraph_get_line (para, k);
        run = l->hyphenated ? run + 1 : 0;
        tot->ladders += run == 3;
        if (l->last || l->forced)
          continue;
        tot->loose += l->ratio > 1;
        tot->tight += l->ratio < -0.5;
        /* An interword space is set at 1 + ratio * stretch (or shrink) of its width. */
        double gap =
            1 + l->space_ratio * (l->space_ratio > 0 ? style.space_stretch : style.space_shrink);
        g_array_append_val (gaps, gap);
      }
      pm_paragraph_free (para);
    }
  }
}

/* Usage: bench-paragraph [tolerance [hyphen-penalty [emergency-stretch [expansion]]]] */
int
main (void)
{
  GError *error = NULL;
  PmFonts *fonts = pm_fonts_new (&error);
  if (!fonts) {
    fprintf (stderr, "bench-paragraph: %s\n", error->message);
    return 1;
  }
  GPtrArray *texts = pm_bench_load_corpus ();
  guint words = 0;
  for (guint i = 0; i < texts->len; i++)
    words += ((PmBenchText *)texts->pdata[i])->words;

  /* The booklet's body text: its sheet, as the composer maps it. */
  g_autofree char *sheet_path = pm_data_find ("styles/booklet-a5.style");
  PmStyle *sheet = sheet_path ? pm_style_load (sheet_path, &error) : NULL;
  if (!sheet) {
    fprintf (stderr, "bench-paragraph: %s\n", error ? error->message : "no booklet-a5.style");
    return 1;
  }
  PmParagraphStyle style;
  pm_compose_paragraph_style (sheet, "body", "en", &style, NULL);
  double fresh[RUNS], warm[RUNS], dicts[RUNS];
  Totals tot = { 0 };
  tot.gaps = g_array_new (FALSE, FALSE, sizeof (double));
  for (int r = 0; r < RUNS; r++) {
    PmParagraphBuilder *builder = pm_paragraph_builder_new (fonts);
    gint64 t0 = g_get_monotonic_time ();
    set_all (builder, texts, sheet, &tot);
    fresh[r] = (g_get_monotonic_time () - t0) / 1000.0;
    t0 = g_get_monotonic_time ();
    set_all (builder, texts, sheet, &tot);
    warm[r] = (g_get_monotonic_time () - t0) / 1000.0;
    pm_paragraph_builder_free (builder);
    /* What a fresh builder spends loading the texts' hyphenation dictionaries. */
    t0 = g_get_monotonic_time ();
    for (guint i = 0; i < texts->len; i++)
      pm_hyphenator_unref (pm_hyphenator_new (((PmBenchText *)texts->pdata[i])->lang, NULL));
    dicts[r] = (g_get_monotonic_time () - t0) / 1000.0;
  }
  qsort (fresh, RUNS, sizeof (double), cmp_double);
  qsort (warm, RUNS, sizeof (double), cmp_double);
  qsort (dicts, RUNS, sizeof (double), cmp_double);
  printf ("paragraphs: %u words, %u paragraphs (%u failed), %u lines, %u hyphenated (%.1f %%), "
          "%u overfull; %d runs\n",
          words, tot.paragraphs, tot.failed, tot.lines, tot.hyphenated,
          100.0 * tot.hyphenated / MAX (tot.lines, 1), tot.overfull, RUNS);
  g_array_sort (tot.gaps, cmp_double);
  double p90 = tot.gaps->len ? g_array_index (tot.gaps, double, tot.gaps->len * 9 / 10) : 0;
  printf ("  tolerance %.0f, hyphen penalty %.0f, emergency stretch %.0f pt, expansion %.3f: %u "
          "loose (r > 1), "
          "%u tight (r < -0.5), word-gap ratio p90 %.2f, %u hyphen ladders of 3+\n",
          style.tolerance, style.hyphen_penalty, style.emergency_stretch, style.expansion,
          tot.loose, tot.tight, p90, tot.ladders);
  printf ("  paragraphs by pass: %u first (no hyphens), %u second, %u emergency, %u sloppy\n",
          tot.passes[1], tot.passes[2], tot.passes[3], tot.passes[4]);
  printf ("  fresh builder (shape + hyphenate + break): median %.2f ms\n", fresh[RUNS / 2]);
  printf ("  warm builder (caches filled):              median %.2f ms\n", warm[RUNS / 2]);
  printf ("  of the fresh run, loading %u hyphenation dictionaries: median %.2f ms\n", texts->len,
          dicts[RUNS / 2]);
  g_ptr_array_unref (texts);
  g_array_unref (tot.gaps);
  pm_style_free (sheet);
  pm_fonts_free (fonts);
  return 0;
}
