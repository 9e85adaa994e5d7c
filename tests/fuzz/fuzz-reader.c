/* fuzz-reader.c: libFuzzer target: any bytes through the reader and the checks must give a
 * document or errors, never a crash, a leak or a hang. */
#include "corpus/pm-check.h"
#include "corpus/pm-reader.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
run (const char *data, size_t size)
{
  PmDiagnostics *diags = pm_diagnostics_new ();
  /* A path in a directory that does not exist, so that image checks look nowhere real. */
  PmDocument *doc = pm_reader_read_data ("/nonexistent/fuzz.md", data, size, diags);
  if (doc) {
    pm_check_document (doc, diags);
    pm_document_free (doc);
  } else {
    g_assert (pm_diagnostics_count (diags, PM_SEVERITY_ERROR) > 0);
  }
  for (guint i = 0; i < pm_diagnostics_length (diags); i++) {
    const PmDiagnostic *d = pm_diagnostics_get (diags, i);
    g_assert (d->line >= 1 && d->column >= 1);
  }
  pm_diagnostics_free (diags);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  run ((const char *)data, size);
  /* Most random bytes fail at the front matter; behind a good one they reach cmark and the
   * model. */
  static const char fm[] = "---\nlang: en\n---\n";
  char *body = g_malloc (sizeof fm - 1 + size);
  memcpy (body, fm, sizeof fm - 1);
  memcpy (body + sizeof fm - 1, data, size);
  run (body, sizeof fm - 1 + size);
  g_free (body);
  return 0;
}
