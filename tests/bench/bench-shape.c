/* bench-shape.c: shaping every word of the corpus (the .md files of corpus/) with a fresh
 * shaper, as the paragraph builder does; median of
 * repeated runs. */
#include "paragraph/pm-shape.h"

#include <stdio.h>
#include <string.h>

#define RUNS 21

typedef struct {
  char *lang;
  GPtrArray *words; /* char * */
} Text;

/* The words of FILE: split at white space, front matter skipped, lang from it or the name. */
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
  t->words = g_ptr_array_new_with_free_func (g_free);
  char **parts = g_regex_split_simple ("\\s+", body, 0, 0);
  for (char **p = parts; *p; p++)
    if (**p)
      g_ptr_array_add (t->words, g_strdup (*p));
  g_strfreev (parts);
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

int
main (void)
{
  GError *error = NULL;
  PmFonts *fonts = pm_fonts_new (&error);
  if (!fonts) {
    fprintf (stderr, "bench-shape: %s\n", error->message);
    return 1;
  }
  GPtrArray *texts = load_texts ();
  guint words = 0;
  for (guint i = 0; i < texts->len; i++)
    words += ((Text *)texts->pdata[i])->words->len;

  double fresh[RUNS] = { 0 }, warm[RUNS] = { 0 };
  guint unique = 0, missing = 0;
  for (int r = 0; r < RUNS; r++) {
    PmShaper *shaper = pm_shaper_new (fonts);
    for (int pass = 0; pass < 2; pass++) {
      missing = 0;
      gint64 t0 = g_get_monotonic_time ();
      for (guint i = 0; i < texts->len; i++) {
        Text *t = texts->pdata[i];
        PmFontSpec spec = { "Noto Serif", 10, 400, FALSE, t->lang, "kern,liga" };
        for (guint w = 0; w < t->words->len; w++)
          if (!pm_shaper_shape (shaper, &spec, t->words->pdata[w], -1, NULL, NULL))
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
  for (guint i = 0; i < texts->len; i++) {
    Text *t = texts->pdata[i];
    g_ptr_array_unref (t->words);
    g_free (t->lang);
    g_free (t);
  }
  g_ptr_array_unref (texts);
  pm_fonts_free (fonts);
  return 0;
}
