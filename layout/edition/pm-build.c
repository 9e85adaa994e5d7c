/* pm-build.c: the pipeline of one edition. */
#include "edition/pm-build.h"
#include "base/pm-data.h"
#include "base/pm-error.h"
#include "base/pm-memory.h"
#include "base/pm-units.h"
#include "corpus/pm-check.h"
#include "corpus/pm-reader.h"
#include "output/pm-impose.h"
#include "output/pm-marks.h"
#include "output/pm-pdf.h"
#include "output/pm-render.h"
#include "page/pm-compose.h"

#include <string.h>

/* A leaflet is one sheet printed on both sides. */
#define LEAFLET_MAX_PAGES 2

/* Whether what would only be freed is left to the process's exit. */
static gboolean
left_to_exit (const PmBuildOptions *o)
{
  return o->exit_after && !pm_memory_is_checked ();
}

static double
seconds_since (gint64 *start)
{
  gint64 now = g_get_monotonic_time ();
  double s = (double)(now - *start) / G_USEC_PER_SEC;
  *start = now;
  return s;
}

static void
add_files (GPtrArray *files, const GPtrArray *more)
{
  for (guint i = 0; files && more && i < more->len; i++)
    g_ptr_array_add (files, g_strdup (g_ptr_array_index (more, i)));
}

PmRecordedDoc *
pm_build_render (const PmBuildOptions *o, PmFonts *fonts, PmDiagnostics *diags, PmReport *report,
                 GPtrArray *files, GError **error)
{
  gint64 clock = g_get_monotonic_time ();
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify)pm_document_free);
  gboolean bad = FALSE;
  for (const char *const *in = o->inputs; in && *in; in++) {
    PmDocument *doc = pm_reader_read_file (*in, diags);
    if (!doc) {
      bad = TRUE;
      continue;
    }
    pm_check_document_for_build (doc, diags);
    g_ptr_array_add (docs, doc);
  }
  if (bad || pm_diagnostics_count (diags, PM_SEVERITY_ERROR) > 0) {
    pm_diagnostics_sort (diags);
    pm_diagnostics_to_error (diags, error);
    return NULL;
  }
  if (docs->len == 0) {
    g_set_error (error, PM_ERROR, PM_ERROR_USAGE, "no corpus files given");
    return NULL;
  }
  if (report)
    pm_report_add_time (report, "read", seconds_since (&clock));

  g_autofree char *style_path =
      o->style ? g_strdup (o->style) : pm_data_find ("styles/booklet-a5.style");
  if (!style_path) {
    g_set_error (error, PM_ERROR, PM_ERROR_IO,
                 "styles/booklet-a5.style is not installed; give "
                 "a sheet with --style");
    return NULL;
  }
  g_autoptr (PmStyle) style = pm_style_load (style_path, error);
  if (!style)
    return NULL;
  /* The sheet and every sheet it inherits. */
  for (const char *const *f = pm_style_get_files (style); files && *f; f++)
    g_ptr_array_add (files, g_strdup (*f));
  if (report)
    pm_report_add_time (report, "style", seconds_since (&clock));

  PmComposeOptions copts = { o->cover_langs, pm_recorded_doc_default_date (), o->threads };
  PmComposition *comp = pm_compose (fonts, style, docs, &copts, diags, report, error);
  if (report)
    pm_report_add_time (report, "set and paginate", seconds_since (&clock));
  PmRecordedDoc *rec = comp ? pm_render (comp, style, error) : NULL;
  if (rec && o->draft_marks)
    pm_render_draft_marks (comp, style, o->draft_marks);
  if (rec) {
    pm_recorded_doc_set_date (rec, copts.date);
    guint n = pm_recorded_doc_get_n_pages (rec);
    if (pm_style_get_masthead (style)->enabled && n > LEAFLET_MAX_PAGES)
      pm_diagnostics_add (diags, PM_SEVERITY_WARNING, o->inputs[0], 0, 0,
                          "the leaflet takes %u pages, more than one sheet printed on both "
                          "sides; shorten the text or choose a smaller style",
                          n);
    if (report)
      pm_report_set_pages (report, pm_recorded_doc_get_n_pages (rec));
    add_files (files, pm_composition_get_files (comp));
  }
  if (report)
    pm_report_add_time (report, "render", seconds_since (&clock));
  if (!left_to_exit (o))
    pm_composition_free (comp);
  return rec;
}

gboolean
pm_build_output_parse (char *spec, PmBuildOutput *out, GError **error)
{
  *out = (PmBuildOutput){ spec, 0, FALSE, FALSE, FALSE };
  char *colon = strrchr (spec, ':');
  if (!colon || strchr (colon, '/'))
    return TRUE; /* a path alone */
  g_auto (GStrv) opts = g_strsplit (colon + 1, ",", -1);
  for (char **opt = opts; *opt; opt++) {
    if (g_str_has_prefix (*opt, "bleed=") && pm_length_parse (*opt + 6, &out->bleed))
      continue;
    if (!strcmp (*opt, "crop-marks"))
      out->crop_marks = TRUE;
    else if (!strcmp (*opt, "impose"))
      out->impose = TRUE;
    else if (!strcmp (*opt, "pdfx"))
      out->pdfx = TRUE;
    else {
      g_set_error (error, PM_ERROR, PM_ERROR_USAGE,
                   "'%s' in '%s': an output's options are bleed=LENGTH, crop-marks, impose, pdfx",
                   *opt, spec);
      return FALSE;
    }
  }
  *colon = 0;
  return TRUE;
}

gboolean
pm_build_pdfs (const PmBuildOptions *o, const PmBuildOutput *outputs, guint n_outputs,
               PmDiagnostics *diags, PmReport *report, GPtrArray *files, GError **error)
{
  gint64 clock = g_get_monotonic_time ();
  PmFonts *fonts = pm_fonts_new (error);
  if (!fonts)
    return FALSE;
  if (report)
    pm_report_add_time (report, "fonts", seconds_since (&clock));
  PmRecordedDoc *rec = pm_build_render (o, fonts, diags, report, files, error);
  gboolean ok = rec != NULL;
  for (guint i = 0; ok && i < n_outputs; i++) {
    const PmBuildOutput *out = &outputs[i];
    clock = g_get_monotonic_time ();
    PmRecordedDoc *sheets = NULL;
    if (out->impose) {
      sheets = pm_impose_saddle (rec, (int)pm_recorded_doc_get_n_pages (rec) - 1, PM_SHEET_A4_WIDTH,
                                 PM_SHEET_A4_HEIGHT, error);
      ok = sheets != NULL;
      if (report)
        pm_report_add_time (report, "impose", seconds_since (&clock));
    }
    PmPrintOptions print = { 0 };
    print.bleed = out->bleed;
    print.crop_marks = out->crop_marks;
    print.pdfx = out->pdfx;
    ok = ok && pm_pdf_write (sheets ? sheets : rec, out->path, &print, error);
    if (sheets)
      pm_recorded_doc_free (sheets);
    if (report)
      pm_report_add_time (report, "write", seconds_since (&clock));
  }
  if (!left_to_exit (o)) {
    pm_recorded_doc_free (rec);
    pm_fonts_free (fonts);
  }
  return ok;
}
