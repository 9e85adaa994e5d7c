/* bench-output.c: 40 A5 pages of text recorded once, then written as a screen PDF, a print
 * PDF (bleed, crop marks), imposed sheets and PNG proofs. Prints the median of RUNS runs
 * (default 9; BENCH_RUNS overrides) per stage, wall clock and CPU time (the machine may be
 * shared: CPU time is the steadier figure), and the peak resident memory. */
#include "output/pm-impose.h"
#include "output/pm-pdf.h"
#include "output/pm-proof.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#define MM (72.0 / 25.4)
#define N_PAGES 40

static const char *const paragraphs[] = {
  "Όλοι οι άνθρωποι γεννιούνται ελεύθεροι και ίσοι στην αξιοπρέπεια και τα δικαιώματα. Είναι "
  "προικισμένοι με λογική και συνείδηση, και οφείλουν να συμπεριφέρονται μεταξύ τους με "
  "πνεύμα αδελφοσύνης.",
  "Все люди рождаются свободными и равными в своем достоинстве и правах. Они наделены разумом "
  "и совестью и должны поступать в отношении друг друга в духе братства.",
  "Tous les êtres humains naissent libres et égaux en dignité et en droits. Ils sont doués de "
  "raison et de conscience et doivent agir les uns envers les autres dans un esprit de "
  "fraternité.",
  "Bütün insanlar hür, haysiyet ve haklar bakımından eşit doğarlar. Akıl ve vicdana "
  "sahiptirler ve birbirlerine karşı kardeşlik zihniyeti ile hareket etmelidirler.",
};

/* Draws TEXT from Y on, in lines no wider than WIDTH broken between words (cairo's own text
 * API: the output stages are measured here, not the paragraph engine); returns the y below. */
static double
draw_paragraph (cairo_t *cr, const char *text, double x, double y, double width, double leading)
{
  char **words = g_strsplit (text, " ", -1);
  GString *line = g_string_new (NULL), *trial = g_string_new (NULL);
  for (char **w = words;; w++) {
    if (*w) {
      g_string_assign (trial, line->str);
      if (trial->len)
        g_string_append_c (trial, ' ');
      g_string_append (trial, *w);
      cairo_text_extents_t ext;
      cairo_text_extents (cr, trial->str, &ext);
      if (ext.x_advance <= width || !line->len) {
        g_string_assign (line, trial->str);
        continue;
      }
    }
    cairo_move_to (cr, x, y);
    cairo_show_text (cr, line->str);
    y += leading;
    if (!*w)
      break;
    g_string_assign (line, *w);
  }
  g_string_free (trial, TRUE);
  g_string_free (line, TRUE);
  g_strfreev (words);
  return y;
}

static PmRecordedDoc *
record (void)
{
  double w = 148 * MM, h = 210 * MM;
  PmRecordedDoc *doc = pm_recorded_doc_new (w, h, 3 * MM);
  for (int p = 0; p < N_PAGES; p++) {
    char label[16];
    g_snprintf (label, sizeof label, "%d", p);
    cairo_t *cr = pm_recorded_doc_begin_page (doc, p ? label : NULL);
    cairo_select_font_face (cr, "Noto Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size (cr, 10);
    double y = 20 * MM + 10;
    while (y < h - 40 * MM)
      y = draw_paragraph (cr, paragraphs[(p + (int)y) % 4], 20 * MM, y, w - 40 * MM, 13) + 6;
    pm_recorded_doc_end_page (doc);
  }
  return doc;
}

/* Wall clock and process CPU time, in milliseconds. */
static void
now (double *wall, double *cpu)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  *wall = ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  *cpu = ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int
main (void)
{
  const char *env = g_getenv ("BENCH_RUNS");
  int runs = env ? MAX (1, atoi (env)) : 9;
  char *dir = g_dir_make_tmp ("pamphlet-bench-XXXXXX", NULL);
  char *screen = g_build_filename (dir, "screen.pdf", NULL);
  char *print_pdf = g_build_filename (dir, "print.pdf", NULL);
  char *imposed = g_build_filename (dir, "imposed.pdf", NULL);
  char *proofs = g_build_filename (dir, "proof", NULL);
  enum {
    RECORD,
    SCREEN,
    PRINT,
    IMPOSE,
    PROOF,
    N_STAGES
  };
  static const char *names[N_STAGES] = { "record 40 pages", "screen PDF", "print PDF",
                                         "impose + PDF", "PNG proofs 100 dpi" };
  double *t[N_STAGES], *c[N_STAGES], w[N_STAGES + 1], u[N_STAGES + 1];
  for (int s = 0; s < N_STAGES; s++)
    t[s] = g_new (double, runs), c[s] = g_new (double, runs);
  PmPrintOptions print = { .bleed = 3 * MM, .crop_marks = TRUE };
  for (int r = 0; r < runs; r++) {
    now (&w[0], &u[0]);
    PmRecordedDoc *doc = record ();
    now (&w[1], &u[1]);
    gboolean ok = pm_pdf_write (doc, screen, NULL, NULL);
    now (&w[2], &u[2]);
    ok = ok && pm_pdf_write (doc, print_pdf, &print, NULL);
    now (&w[3], &u[3]);
    PmRecordedDoc *sheets =
        pm_impose_saddle (doc, N_PAGES - 1, PM_SHEET_A4_WIDTH, PM_SHEET_A4_HEIGHT, NULL);
    ok = ok && sheets && pm_pdf_write (sheets, imposed, NULL, NULL);
    now (&w[4], &u[4]);
    ok = ok && pm_proof_write_pages (doc, proofs, 100, NULL, 0, NULL);
    now (&w[5], &u[5]);
    if (!ok) {
      fprintf (stderr, "bench-output: writing failed\n");
      return 1;
    }
    for (int k = 0; k < N_STAGES; k++) {
      t[k][r] = w[k + 1] - w[k];
      c[k][r] = u[k + 1] - u[k];
    }
    pm_recorded_doc_free (sheets);
    pm_recorded_doc_free (doc);
  }
  for (int s = 0; s < N_STAGES; s++) {
    qsort (t[s], (size_t)runs, sizeof (double), compare);
    qsort (c[s], (size_t)runs, sizeof (double), compare);
    printf ("%-22s median %8.1f ms wall %8.1f ms CPU  (%d runs)\n", names[s], t[s][runs / 2],
            c[s][runs / 2], runs);
    g_free (t[s]);
    g_free (c[s]);
  }
  GStatBuf st;
  if (g_stat (screen, &st) == 0)
    printf ("%-22s %8.1f KB\n", "screen PDF size", st.st_size / 1024.0);
  struct rusage usage;
  getrusage (RUSAGE_SELF, &usage);
  printf ("%-22s %8.1f MB\n", "peak memory", usage.ru_maxrss / 1024.0);
  /* Remove what the runs wrote. */
  for (int p = 1; p <= N_PAGES; p++) {
    char name[32];
    g_snprintf (name, sizeof name, "page-%03d.png", p);
    char *png = g_build_filename (proofs, name, NULL);
    g_unlink (png);
    g_free (png);
  }
  g_rmdir (proofs);
  g_unlink (screen);
  g_unlink (print_pdf);
  g_unlink (imposed);
  g_rmdir (dir);
  g_free (screen);
  g_free (print_pdf);
  g_free (imposed);
  g_free (proofs);
  g_free (dir);
  return 0;
}
