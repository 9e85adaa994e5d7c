/* bench-reader.c: pm_reader_read_data + pm_check_document over the six corpus texts held in
 * memory (no file system in the loop), and over a synthetic 1 MB text with a footnote every
 * few lines: median of RUNS runs (default 15), in ms and MB/s. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/pm-check.h"
#include "corpus/pm-reader.h"

typedef struct {
  char *path;
  char *data;
  gsize len;
} Text;

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Reads and checks every text once; returns the number of errors (0 expected). */
static guint
read_all (const Text *texts, guint n)
{
  guint errors = 0;
  for (guint i = 0; i < n; i++) {
    PmDiagnostics *diags = pm_diagnostics_new ();
    PmDocument *doc = pm_reader_read_data (texts[i].path, texts[i].data, texts[i].len, diags);
    if (doc)
      pm_check_document (doc, diags);
    errors += pm_diagnostics_count (diags, PM_SEVERITY_ERROR);
    pm_document_free (doc);
    pm_diagnostics_free (diags);
  }
  return errors;
}

static void
measure (const char *name, const Text *texts, guint n, int runs)
{
  gsize bytes = 0;
  for (guint i = 0; i < n; i++)
    bytes += texts[i].len;
  double *ms = g_new (double, runs);
  guint errors = 0;
  for (int r = 0; r < runs; r++) {
    gint64 t0 = g_get_monotonic_time ();
    errors = read_all (texts, n);
    ms[r] = (g_get_monotonic_time () - t0) / 1000.0;
  }
  qsort (ms, runs, sizeof *ms, compare_doubles);
  double med = ms[runs / 2];
  printf ("%-24s %8.0f kB  median %7.2f ms  %6.1f MB/s  (%u errors)\n", name, bytes / 1000.0, med,
          bytes / 1e6 / (med / 1000.0), errors);
  g_free (ms);
}

int
main (int argc, char **argv)
{
  const char *names[] = { "statement-el", "statement-tr", "statement-fr",
                          "statement-ru", "analysis-it",  "analysis-en" };
  int runs = g_getenv ("RUNS") ? atoi (g_getenv ("RUNS")) : 15;
  if (runs < 1)
    runs = 1;
  Text texts[G_N_ELEMENTS (names)];
  guint n = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++) {
    texts[n].path = g_strdup_printf ("corpus/%s.md", names[i]);
    if (g_file_get_contents (texts[n].path, &texts[n].data, &texts[n].len, NULL))
      n++;
    else
      g_free (texts[n].path);
  }
  if (n > 0)
    measure ("corpus (read + check)", texts, n, runs);

  GString *big = g_string_new ("---\nlang: el\n---\n");
  guint notes = 0;
  while (big->len < 1000000) {
    g_string_append_printf (big,
                            "Μια *παράγραφος* με **έντονα**, 10\u00a0%% και σημείωση[^%u].\n"
                            "Δεύτερη γραμμή της, αρκετά μεγάλη για να μετρά.\n\n",
                            ++notes);
  }
  for (guint i = 1; i <= notes; i++)
    g_string_append_printf (big, "[^%u]: Σημείωση %u.\n", i, i);
  Text synthetic = { (char *)"synthetic.md", big->str, big->len };
  measure ("1 MB, one note per paragraph", &synthetic, 1, runs);
  g_string_free (big, TRUE);

  for (guint i = 0; i < n; i++) {
    g_free (texts[i].path);
    g_free (texts[i].data);
  }
  return 0;
}
