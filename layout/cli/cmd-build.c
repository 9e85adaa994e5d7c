/* cmd-build.c: `pamphlet build`, one PDF from corpus files. */
#include "base/pm-error.h"
#include "base/pm-prefault.h"
#include "base/pm-units.h"
#include "cli/pm-commands.h"
#include "edition/pm-build.h"

#include <glib/gstdio.h>
#include <stdio.h>

/* Writes FILES, one per line, to PATH (for `pamphlet editions`). */
static gboolean
write_deps (const char *path, GPtrArray *files, GError **error)
{
  GString *text = g_string_new (NULL);
  for (guint i = 0; i < files->len; i++)
    g_string_append_printf (text, "%s\n", (char *)g_ptr_array_index (files, i));
  GError *io = NULL;
  gboolean ok = g_file_set_contents (path, text->str, (gssize)text->len, &io);
  if (!ok) {
    g_set_error (error, PM_ERROR, PM_ERROR_IO, "%s: %s", path, io->message);
    g_error_free (io);
  }
  g_string_free (text, TRUE);
  return ok;
}

/* The heap the build will need, from the size of its corpus files. */
static gsize
heap_estimate (char **inputs)
{
  guint64 bytes = 0;
  for (char **in = inputs; *in; in++) {
    GStatBuf st;
    if (g_stat (*in, &st) == 0)
      bytes += (guint64)st.st_size;
  }
  return pm_prefault_estimate (bytes);
}

int
pm_cmd_build (int argc, char **argv)
{
  g_autofree char *style = NULL, *output = NULL, *report_path = NULL, *deps = NULL;
  g_autofree char *bleed = NULL;
  g_auto (GStrv) langs = NULL, also = NULL;
  gboolean crop = FALSE, impose = FALSE, pdfx = FALSE;
  GOptionEntry options[] = {
    { "style", 's', 0, G_OPTION_ARG_FILENAME, &style,
      "Style sheet (default styles/booklet-a5.style)", "FILE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The PDF to write", "OUT.pdf" },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &report_path, "Write figures and timings as JSON",
      "FILE.json" },
    { "cover-lang", 0, 0, G_OPTION_ARG_STRING_ARRAY, &langs,
      "A language of the bilingual cover (give two)", "TAG" },
    { "bleed", 0, 0, G_OPTION_ARG_STRING, &bleed, "Bleed around the trim, e.g. 3mm", "LENGTH" },
    { "crop-marks", 0, 0, G_OPTION_ARG_NONE, &crop, "Crop marks outside the bleed", NULL },
    { "impose", 0, 0, G_OPTION_ARG_NONE, &impose,
      "Saddle-stitch imposition, two pages on each side of A4 sheets", NULL },
    { "pdfx", 0, 0, G_OPTION_ARG_NONE, &pdfx, "PDF/X-3 (CMYK, FOGRA39 output intent)", NULL },
    { "also", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &also,
      "Another PDF of the same pages, with its own print options (repeatable): "
      "OUT.pdf[:bleed=3mm,crop-marks,impose,pdfx]",
      "SPEC" },
    { "deps", 0, 0, G_OPTION_ARG_FILENAME, &deps, "List every file read in FILE", "FILE" },
    G_OPTION_ENTRY_NULL,
  };
  if (!pm_cmd_parse ("build", "CORPUS.md...",
                     "Typesets the corpus files into a PDF (and, with --also, further PDFs of the "
                     "same\npages): a booklet, or a leaflet, as the style says.",
                     options, &argc, &argv))
    return 2;
  if (!output || argc < 2) {
    fprintf (stderr, "pamphlet build: give -o OUT.pdf and at least one corpus file\n"
                     "Try 'pamphlet build --help'.\n");
    return 2;
  }
  PmBuildOptions opts = { style, (const char *const *)argv + 1, (const char *const *)langs, NULL, 0,
                          TRUE };
  /* The -o PDF with the print options given, then each --also PDF with its own. */
  g_autoptr (GArray) outputs = g_array_new (FALSE, TRUE, sizeof (PmBuildOutput));
  PmBuildOutput first = { output, 0, crop, impose, pdfx };
  if (bleed && !pm_length_parse (bleed, &first.bleed)) {
    fprintf (stderr, "pamphlet build: --bleed takes a length such as 3mm, not '%s'\n", bleed);
    return 2;
  }
  g_array_append_val (outputs, first);
  for (char **spec = also; spec && *spec; spec++) {
    PmBuildOutput out;
    GError *spec_error = NULL;
    if (!pm_build_output_parse (*spec, &out, &spec_error)) {
      fprintf (stderr, "pamphlet build: --also %s\n", spec_error->message);
      g_error_free (spec_error);
      return 2;
    }
    g_array_append_val (outputs, out);
  }
  if (langs && g_strv_length (langs) > 2) {
    fprintf (stderr, "pamphlet build: a cover has two languages; give --cover-lang twice\n");
    return 2;
  }

  PmPrefault *prefault = pm_prefault_start (heap_estimate (argv + 1));
  GError *error = NULL;
  PmDiagnostics *diags = pm_diagnostics_new ();
  PmReport *report = pm_report_new ();
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = pm_build_pdfs (&opts, (const PmBuildOutput *)outputs->data, outputs->len, diags,
                               report, files, &error);
  pm_prefault_finish (prefault);
  pm_diagnostics_sort (diags);
  pm_diagnostics_print (diags, stderr);
  for (guint i = 0; i < pm_diagnostics_length (diags); i++) {
    g_autofree char *msg = pm_diagnostic_format (pm_diagnostics_get (diags, i));
    pm_report_add_warning (report, msg);
  }
  /* A located error was printed with the diagnostics already. */
  if (!ok && pm_diagnostics_count (diags, PM_SEVERITY_ERROR) > 0) {
    g_clear_error (&error);
    pm_diagnostics_free (diags);
    pm_report_free (report);
    return 1;
  }
  pm_diagnostics_free (diags);
  if (ok && report_path)
    ok = pm_report_write (report, report_path, &error);
  if (ok && deps)
    ok = write_deps (deps, files, &error);
  pm_report_free (report);
  return ok ? 0 : pm_cmd_fail (error);
}
