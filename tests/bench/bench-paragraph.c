/* bench-paragraph.c: shaping, hyphenating and breaking every paragraph of the corpus (the .md
 * files of corpus/) justified at 10/13 pt on an A5
 * measure (317 pt); median of repeated runs, with a fresh builder and with a warm one. */
#include "paragraph/pm-hyphen.h"
#include "paragraph/pm-paragraph.h"

#include <stdio.h>
#include <string.h>

#define RUNS 21
#define MEASURE 317.0

typedef struct {
  char *lang;
  GPtrArray *paragraphs; /* GPtrArray of PmInline * */
  guint words;
} Text;

static Text *
load_text (const char *path)
{
  char *contents = NULL;
  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  Text *t = g_new0 (Text, 1);
  char *body = contents;
  if (g_str_has_prefix (contents, "---\n")) {
    char *end = strstr (contents + 4, "\n---");
    char *lang = strstr (contents, "\nlang:");
    if (lang && end && lang < end) {
      lang += 6;
      t->lang = g_strndup (lang, strcspn (lang, "\n"));
      g_strstrip (t->lang);
    }
    if (end)
      body = end + 4;
  }
  if (!t->lang) {
    char *base = g_path_get_basename (path);
    t->lang = g_strndup (base, strcspn (base, ".-_"));
    g_free (base);
  }
  /* Paragraphs are separated by blank lines; Markdown markup is set as it is, which costs
   * the same. Footnote definitions and headings are paragraphs too. */
  t->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  char **paras = g_regex_split_simple ("\\n\\s*\\n", body, 0, 0);
  for (char **p = paras; *p; p++) {
    char *text = g_strstrip (g_strdup (*p));
    if (!*text) {
      g_free (text);
      continue;
    }
    for (char *c = text; *c; c++)
      if (*c == '\n')
        *c = ' ';
    char **w = g_regex_split_simple ("\\s+", text, 0, 0);
    t->words += g_strv_length (w);
    g_strfreev (w);
    PmInline *inl = g_new0 (PmInline, 1);
    inl->kind = PM_INLINE_TEXT;
    inl->text = text;
    inl->note = -1;
    inl->lang = t->lang;
    inl->pos.line = 1;
    inl->pos.column = 1;
    GPtrArray *inlines = g_ptr_array_new_with_free_func ((GDestroyNotify)pm_inline_free);
    g_ptr_array_add (inlines, inl);
    g_ptr_array_add (t->paragraphs, inlines);
  }
  g_strfreev (paras);
  g_free (contents);
  return t;
}

static GPtrArray *
load_texts (void)
{
  GPtrArray *texts = g_ptr_array_new ();
  const char *dirs[] = { "corpus" };
  for (guint d = 0; d < G_N_ELEMENTS (dirs) && texts->len == 0; d++) {
    GDir *dir = g_dir_open (dirs[d], 0, NULL);
    if (!dir)
      continue;
    const char *name;
    GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
    while ((name = g_dir_read_name (dir)))
      if (g_str_has_suffix (name, d == 0 ? ".md" : ".txt"))
        g_ptr_array_add (names, g_build_filename (dirs[d], name, NULL));
    g_dir_close (dir);
    g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
    for (guint i = 0; i < names->len; i++) {
      Text *t = load_text (names->pdata[i]);
      if (t)
        g_ptr_array_add (texts, t);
    }
    if (texts->len)
      printf ("texts: %u files in %s/\n", texts->len, dirs[d]);
    g_ptr_array_unref (names);
  }
  return texts;
}

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
set_all (PmParagraphBuilder *builder, GPtrArray *texts, const PmParagraphStyle *style_in,
         Totals *tot)
{
  PmParagraphStyle style = *style_in;
  GArray *gaps = tot->gaps;
  memset (tot, 0, sizeof *tot);
  tot->gaps = gaps;
  g_array_set_size (gaps, 0);
  for (guint i = 0; i < texts->len; i++) {
    Text *t = texts->pdata[i];
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
main (int argc, char **argv)
{
  GError *error = NULL;
  PmFonts *fonts = pm_fonts_new (&error);
  if (!fonts) {
    fprintf (stderr, "bench-paragraph: %s\n", error->message);
    return 1;
  }
  GPtrArray *texts = load_texts ();
  guint words = 0;
  for (guint i = 0; i < texts->len; i++)
    words += ((Text *)texts->pdata[i])->words;

  PmParagraphStyle style;
  pm_paragraph_style_init (&style);
  style.first_indent = 12;
  if (argc > 1)
    style.tolerance = g_ascii_strtod (argv[1], NULL);
  if (argc > 2)
    style.hyphen_penalty = g_ascii_strtod (argv[2], NULL);
  if (argc > 3)
    style.emergency_stretch = g_ascii_strtod (argv[3], NULL);
  if (argc > 4)
    style.expansion = g_ascii_strtod (argv[4], NULL);
  double fresh[RUNS], warm[RUNS], dicts[RUNS];
  Totals tot = { 0 };
  tot.gaps = g_array_new (FALSE, FALSE, sizeof (double));
  for (int r = 0; r < RUNS; r++) {
    PmParagraphBuilder *builder = pm_paragraph_builder_new (fonts);
    gint64 t0 = g_get_monotonic_time ();
    set_all (builder, texts, &style, &tot);
    fresh[r] = (g_get_monotonic_time () - t0) / 1000.0;
    t0 = g_get_monotonic_time ();
    set_all (builder, texts, &style, &tot);
    warm[r] = (g_get_monotonic_time () - t0) / 1000.0;
    pm_paragraph_builder_free (builder);
    /* What a fresh builder spends loading the texts' hyphenation dictionaries. */
    t0 = g_get_monotonic_time ();
    for (guint i = 0; i < texts->len; i++)
      pm_hyphenator_free (pm_hyphenator_new (((Text *)texts->pdata[i])->lang, NULL));
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
  for (guint i = 0; i < texts->len; i++) {
    Text *t = texts->pdata[i];
    g_ptr_array_unref (t->paragraphs);
    g_free (t->lang);
    g_free (t);
  }
  g_ptr_array_unref (texts);
  g_array_unref (tot.gaps);
  pm_fonts_free (fonts);
  return 0;
}
