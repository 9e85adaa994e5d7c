/* bench-paragraph.c: shaping, hyphenating and breaking every paragraph of the corpus (the .md
 * files of corpus/, else the .txt files of tests/bench/texts/) justified at 10/13 pt on an A5
 * measure (317 pt); median of repeated runs, with a fresh builder and with a warm one. */
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
  const char *dirs[] = { "corpus", "tests/bench/texts" };
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
} Totals;

static void
set_all (PmParagraphBuilder *builder, GPtrArray *texts, Totals *tot)
{
  PmParagraphStyle style;
  pm_paragraph_style_init (&style);
  style.first_indent = 12;
  memset (tot, 0, sizeof *tot);
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
      pm_paragraph_free (para);
    }
  }
}

int
main (void)
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

  double fresh[RUNS], warm[RUNS];
  Totals tot = { 0 };
  for (int r = 0; r < RUNS; r++) {
    PmParagraphBuilder *builder = pm_paragraph_builder_new (fonts);
    gint64 t0 = g_get_monotonic_time ();
    set_all (builder, texts, &tot);
    fresh[r] = (g_get_monotonic_time () - t0) / 1000.0;
    t0 = g_get_monotonic_time ();
    set_all (builder, texts, &tot);
    warm[r] = (g_get_monotonic_time () - t0) / 1000.0;
    pm_paragraph_builder_free (builder);
  }
  qsort (fresh, RUNS, sizeof (double), cmp_double);
  qsort (warm, RUNS, sizeof (double), cmp_double);
  printf ("paragraphs: %u words, %u paragraphs (%u failed), %u lines, %u hyphenated (%.1f %%), "
          "%u overfull; %d runs\n",
          words, tot.paragraphs, tot.failed, tot.lines, tot.hyphenated,
          100.0 * tot.hyphenated / MAX (tot.lines, 1), tot.overfull, RUNS);
  printf ("  fresh builder (shape + hyphenate + break): median %.2f ms\n", fresh[RUNS / 2]);
  printf ("  warm builder (caches filled):              median %.2f ms\n", warm[RUNS / 2]);
  for (guint i = 0; i < texts->len; i++) {
    Text *t = texts->pdata[i];
    g_ptr_array_unref (t->paragraphs);
    g_free (t->lang);
    g_free (t);
  }
  g_ptr_array_unref (texts);
  pm_fonts_free (fonts);
  return 0;
}
