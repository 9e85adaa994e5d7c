/* fuzz-import.c: libFuzzer target for the importer and the typography rules. Whatever the
 * bytes, the importer returns Markdown or a located error, never crashes or hangs. The
 * first byte picks the language and the options, so every rule gets exercised. */
#include "import/pm-import.h"
#include "import/pm-typo.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char *langs[] = { "el", "en", "fr", "it", "ru", "tr", "de", "und" };
  if (size < 1)
    return 0;
  const char *lang = langs[data[0] & 7];
  PmImport *imp = pm_import_new (lang);
  PmDiagnostics *diags = pm_diagnostics_new ();
  GError *error = NULL;
  pm_import_set_bracket_notes (imp, (data[0] & 8) != 0);
  if (data[0] & 16)
    pm_import_drop_line (imp, 1);
  if (data[0] & 32)
    pm_import_set_notes (imp, "notes.md", "[^1]: one\n[^2]: two\n", NULL);
  char *out =
      pm_import_run (imp, "fuzz.txt", (const char *)data + 1, (gssize)size - 1, diags, &error);
  if (out) {
    g_assert (g_utf8_validate (out, -1, NULL));
    char *text = g_strndup ((const char *)data + 1, size - 1);
    if (g_utf8_validate (text, -1, NULL)) {
      char *typo = pm_typo_normalise (lang, text);
      g_assert (g_utf8_validate (typo, -1, NULL));
      g_free (typo);
      pm_import_detect_split (text, "it", "en");
    }
    g_free (text);
  }
  g_free (out);
  g_clear_error (&error);
  pm_diagnostics_free (diags);
  pm_import_free (imp);
  return 0;
}
