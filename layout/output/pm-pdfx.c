/* pm-pdfx.c: PDF/X-3 with Ghostscript's pdfwrite. */
#include "output/pm-pdfx.h"

#include "base/pm-data.h"
#include "base/pm-error.h"
#include "output/pm-atomic.h"

#include <glib/gstdio.h>

#define PM_PDFX_PROFILE "styles/pdfx/pamphlet-fogra39.icc"
#define PM_GS_CMYK_PROFILE "/usr/share/color/icc/ghostscript/default_cmyk.icc"

char *
pm_pdfx_default_profile (void)
{
  char *path = pm_data_find (PM_PDFX_PROFILE);
  if (path)
    return path;
  if (g_file_test (PM_GS_CMYK_PROFILE, G_FILE_TEST_IS_REGULAR))
    return g_strdup (PM_GS_CMYK_PROFILE);
  return NULL;
}

/* A PostScript string literal for S. */
static void
append_ps_string (GString *out, const char *s)
{
  g_string_append_c (out, '(');
  for (const char *p = s; *p; p++) {
    if (*p == '(' || *p == ')' || *p == '\\')
      g_string_append_c (out, '\\');
    g_string_append_c (out, *p);
  }
  g_string_append_c (out, ')');
}

/* The PDF/X definitions Ghostscript reads before the document (after its PDFX_def.ps): the
 * version key, the output intent with the embedded profile. */
static char *
pdfx_def (const char *profile, const char *title)
{
  GString *ps = g_string_new ("%!\n[ /GTS_PDFXVersion (PDF/X-3:2002) /Title ");
  append_ps_string (ps, title && *title ? title : "Untitled");
  g_string_append (ps, " /Trapped /False /DOCINFO pdfmark\n"
                       "[/_objdef {icc_PDFX} /type /stream /OBJ pdfmark\n"
                       "[{icc_PDFX} << /N 4 >> /PUT pdfmark\n"
                       "[{icc_PDFX} ");
  append_ps_string (ps, profile);
  g_string_append (ps, " (r) file /PUT pdfmark\n"
                       "[/_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark\n"
                       "[{OutputIntent_PDFX} <<\n"
                       "  /Type /OutputIntent /S /GTS_PDFX\n"
                       "  /OutputCondition (FOGRA39: ISO 12647-2:2004/Amd 1, coated paper)\n"
                       "  /OutputConditionIdentifier (FOGRA39)\n"
                       "  /RegistryName (http://www.color.org)\n"
                       "  /Info (Coated FOGRA39)\n"
                       "  /DestOutputProfile {icc_PDFX}\n"
                       ">> /PUT pdfmark\n"
                       "[{Catalog} <</OutputIntents [ {OutputIntent_PDFX} ]>> /PUT pdfmark\n");
  return g_string_free (ps, FALSE);
}

gboolean
pm_pdfx_convert (const char *in, const char *out, const char *profile, const char *title,
                 GError **error)
{
  g_autofree char *found = profile ? g_strdup (profile) : pm_pdfx_default_profile ();
  if (!found || !g_file_test (found, G_FILE_TEST_IS_REGULAR)) {
    g_set_error (error, PM_ERROR, PM_ERROR_IO, "%s: no CMYK output profile for PDF/X (%s)", out,
                 found ? found : PM_PDFX_PROFILE);
    return FALSE;
  }
  g_autofree char *def_path = pm_atomic_temp_path (out, error);
  if (!def_path)
    return FALSE;
  g_autofree char *def = pdfx_def (found, title);
  gboolean ok = g_file_set_contents (def_path, def, -1, error);
  g_autofree char *out_arg = g_strconcat ("-sOutputFile=", out, NULL);
  g_autofree char *permit = g_strconcat ("--permit-file-read=", found, NULL);
  const char *argv[] = { "gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", permit, "-sDEVICE=pdfwrite",
                         "-dPDFX", "-dCompatibilityLevel=1.4", "-sColorConversionStrategy=CMYK",
                         "-sProcessColorModel=DeviceCMYK",
                         /* No dates, random IDs or XMP UUIDs: the output must be reproducible;
                          * the finishing pass sets the dates and a deterministic /ID. */
                         "-dOmitInfoDate", "-dOmitID", "-dOmitXMP", out_arg, def_path, in, NULL };
  g_autofree char *err_text = NULL;
  int status = 0;
  ok = ok &&
       g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err_text, &status, error);
  if (ok && !g_spawn_check_wait_status (status, NULL)) {
    g_set_error (error, PM_ERROR, PM_ERROR_IO, "%s: gs failed: %s", out,
                 err_text && *err_text ? g_strstrip (err_text) : "no message");
    ok = FALSE;
  }
  if (error && *error && (*error)->domain != PM_ERROR) {
    GError *e = *error;
    *error = g_error_new (PM_ERROR, PM_ERROR_IO, "%s: gs: %s", out, e->message);
    g_error_free (e);
  }
  g_unlink (def_path);
  return ok;
}
