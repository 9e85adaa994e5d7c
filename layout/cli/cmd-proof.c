/* cmd-proof.c: `pamphlet proof`, PNG pages and a contact sheet of an edition. */
#include "base/pm-error.h"
#include "cli/pm-commands.h"
#include "edition/pm-build.h"
#include "output/pm-proof.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>

int
pm_cmd_proof (int argc, char **argv)
{
  g_autofree char *style = NULL, *dir = NULL;
  g_auto (GStrv) langs = NULL;
  gboolean draft = FALSE;
  double dpi = 100;
  GOptionEntry options[] = {
    { "style", 's', 0, G_OPTION_ARG_FILENAME, &style,
      "Style sheet (default styles/booklet-a5.style)", "FILE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &dir, "Directory for the PNG files", "DIR" },
    { "cover-lang", 0, 0, G_OPTION_ARG_STRING_ARRAY, &langs,
      "A language of the bilingual cover (give two)", "TAG" },
    { "draft", 0, 0, G_OPTION_ARG_NONE, &draft,
      "Mark overfull lines with a bar in the margin and tint loose lines", NULL },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi, "Resolution of the pages (default 100)", "N" },
    G_OPTION_ENTRY_NULL,
  };
  if (!pm_cmd_parse ("proof", "CORPUS.md...",
                     "Writes every page as DIR/page-NNN.png and the whole edition on one "
                     "contact sheet,\nDIR/contact-sheet.png.",
                     options, &argc, &argv))
    return 2;
  if (!dir || argc < 2 || dpi < 10 || dpi > 1200) {
    fprintf (stderr, "pamphlet proof: give -o DIR and at least one corpus file (--dpi 10 to "
                     "1200)\nTry 'pamphlet proof --help'.\n");
    return 2;
  }
  g_autoptr (GArray) marks = g_array_new (FALSE, FALSE, sizeof (PmDraftMark));
  PmBuildOptions opts = {
    style, (const char *const *)argv + 1, (const char *const *)langs, draft ? marks : NULL, 0, FALSE
  };
  GError *error = NULL;
  PmDiagnostics *diags = pm_diagnostics_new ();
  PmFonts *fonts = pm_fonts_new (&error);
  if (!fonts) {
    pm_diagnostics_free (diags);
    return pm_cmd_fail (error);
  }
  PmRecordedDoc *rec = pm_build_render (&opts, fonts, diags, NULL, NULL, &error);
  pm_diagnostics_sort (diags);
  pm_diagnostics_print (diags, stderr);
  gboolean located = pm_diagnostics_count (diags, PM_SEVERITY_ERROR) > 0;
  pm_diagnostics_free (diags);
  g_autofree char *sheet = g_build_filename (dir, "contact-sheet.png", NULL);
  gboolean ok = rec != NULL;
  if (ok && g_mkdir_with_parents (dir, 0755) != 0) {
    int err = errno;
    g_set_error (&error, PM_ERROR, PM_ERROR_IO, "%s: cannot make the directory: %s", dir,
                 g_strerror (err));
    ok = FALSE;
  }
  ok = ok &&
       pm_proof_write_pages (rec, dir, dpi, (const PmDraftMark *)marks->data, marks->len, &error) &&
       pm_proof_write_contact_sheet (rec, sheet, 24, 8, &error);
  if (ok) {
    printf ("%u pages in %s; contact sheet %s", pm_recorded_doc_get_n_pages (rec), dir, sheet);
    if (draft)
      printf ("; %u lines marked", marks->len);
    printf ("\n");
  }
  if (rec)
    pm_recorded_doc_free (rec);
  pm_fonts_free (fonts);
  if (ok)
    return 0;
  if (located) {
    g_clear_error (&error);
    return 1;
  }
  return pm_cmd_fail (error);
}
