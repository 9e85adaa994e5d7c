/* fuzz-pdf-file.c: libFuzzer target for the PDF reader of the finishing pass. Any bytes must
 * give a file or an error, never a crash, a leak or a hang; every object of a file that
 * opens is read, its streams decoded, and the file written back. */
#include "output/pm-pdf-file.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* The bytes as a run of objects. */
  gsize pos = 0;
  for (int k = 0; k < 64 && pos < size; k++) {
    GError *error = NULL;
    PmPdfObject *o = pm_pdf_object_read (data, size, &pos, &error);
    if (!o) {
      g_assert (error && error->message[0]);
      g_error_free (error);
      break;
    }
    GString *out = g_string_new (NULL);
    pm_pdf_object_write (o, out);
    g_string_free (out, TRUE);
    pm_pdf_object_free (o);
  }

  /* The bytes as a file. */
  GError *error = NULL;
  PmPdfFile *f = pm_pdf_file_new ("fuzz.pdf", data, size, &error);
  if (!f) {
    g_assert (error && error->message[0]);
    g_error_free (error);
    return 0;
  }
  double n = 0;
  pm_pdf_object_get_number (pm_pdf_dict_get (pm_pdf_file_get_trailer (f), "Size"), &n);
  guint last = (guint)CLAMP (n, 0, 4096) + 3;
  for (guint k = 0; k < last; k++) {
    PmPdfObject *o = pm_pdf_file_get (f, k);
    for (guint i = 0; i < pm_pdf_dict_get_size (o); i++)
      pm_pdf_file_resolve (f, pm_pdf_dict_get (o, pm_pdf_dict_get_key (o, i)));
    GBytes *stream = pm_pdf_file_get_stream_data (f, k);
    if (stream)
      g_bytes_unref (stream);
  }
  PmPdfObject *root = pm_pdf_file_edit (
      f, pm_pdf_object_get_ref (pm_pdf_dict_get (pm_pdf_file_get_trailer (f), "Root")));
  if (pm_pdf_object_get_type (root) == PM_PDF_DICT)
    pm_pdf_dict_set (root, "PageLabels",
                     pm_pdf_object_new_ref (pm_pdf_file_add (f, pm_pdf_object_new_dict ()), 0));
  if (!pm_pdf_file_write (f, "/dev/null", &error)) {
    g_assert (error && error->message[0]);
    g_error_free (error);
  }
  pm_pdf_file_free (f);
  return 0;
}
