/* fuzz-pdf-file.c: libFuzzer target for the PDF reader and writer of the finishing pass
 * (pm-pdf-object, pm-pdf-file). Any bytes must give objects or errors, a file or an error,
 * never a crash, a leak or a hang. Read as objects, each is written as text that reads
 * back to the same text. Read as a file that opens, every object is read, its references
 * resolved and its stream decoded, one object is edited, one added, and the file written
 * twice to the same bytes; a file written as PDF 1.0 to 1.4 (a classic table) opens again
 * with the same objects and the same stream data. */
#include "output/pm-pdf-file.h"

#include <glib/gprintf.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Says what went wrong and aborts, which libFuzzer catches and keeps the input of (g_error()
 * would stop on a breakpoint trap, which it does not). */
static void fail (const char *format, ...) G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN;

static void
fail (const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  abort ();
}

static char *
object_text (const PmPdfObject *o)
{
  GString *s = g_string_new (NULL);
  pm_pdf_object_write (o, s);
  return g_string_free (s, FALSE);
}

/* DATA read as a run of objects from byte 0: each moves the position on, and its text reads
 * back to an object with the same text. */
static void
objects (const uint8_t *data, size_t size)
{
  gsize pos = 0;
  for (int k = 0; k < 64 && pos < size; k++) {
    GError *error = NULL;
    gsize before = pos;
    PmPdfObject *o = pm_pdf_object_read (data, size, &pos, &error);
    if (!o) {
      g_assert (error && g_str_has_prefix (error->message, "byte "));
      g_assert (pos == before);
      g_error_free (error);
      break;
    }
    g_assert (!error && pos > before && pos <= size);
    char *text = object_text (o);
    gsize end = 0;
    PmPdfObject *again = pm_pdf_object_read ((const guint8 *)text, strlen (text), &end, &error);
    if (!again)
      fail ("'%s' does not read back: %s", text, error->message);
    g_assert (end == strlen (text));
    char *text2 = object_text (again);
    if (strcmp (text, text2) != 0)
      fail ("'%s' reads back as '%s'", text, text2);
    g_free (text2);
    pm_pdf_object_free (again);
    g_free (text);
    pm_pdf_object_free (o);
  }
}

/* Every object of F below LAST read; references in dictionaries and arrays resolved;
 * streams decoded. */
static void
read_all (PmPdfFile *f, guint last)
{
  for (guint k = 0; k < last; k++) {
    PmPdfObject *o = pm_pdf_file_get (f, k);
    for (guint i = 0; i < pm_pdf_dict_get_size (o); i++)
      pm_pdf_file_resolve (f, pm_pdf_dict_get (o, pm_pdf_dict_get_key (o, i)));
    for (guint i = 0; i < pm_pdf_array_get_length (o); i++)
      pm_pdf_file_resolve (f, pm_pdf_array_get (o, i));
    GBytes *stream = pm_pdf_file_get_stream_data (f, k);
    if (stream)
      g_bytes_unref (stream);
  }
}

/* Objects below LAST of A and B: the same text, the same stream data. */
static void
assert_same_objects (PmPdfFile *a, PmPdfFile *b, guint last)
{
  for (guint k = 0; k < last; k++) {
    char *x = object_text (pm_pdf_file_get (a, k)), *y = object_text (pm_pdf_file_get (b, k));
    if (strcmp (x, y) != 0)
      fail ("object %u written as '%s' reads back as '%s'", k, x, y);
    g_free (x);
    g_free (y);
    GBytes *s = pm_pdf_file_get_stream_data (a, k), *t = pm_pdf_file_get_stream_data (b, k);
    g_assert ((s == NULL) == (t == NULL));
    if (s) {
      g_assert (g_bytes_equal (s, t));
      g_bytes_unref (s);
      g_bytes_unref (t);
    }
  }
}

/* The file F written to PATH, twice, to the same bytes; NULL if it cannot be written. */
static GBytes *
write_twice (PmPdfFile *f, const char *path)
{
  GError *error = NULL;
  if (!pm_pdf_file_write (f, path, &error)) {
    g_assert (error && g_str_has_prefix (error->message, "fuzz.pdf: "));
    g_error_free (error);
    return NULL;
  }
  char *first = NULL, *second = NULL;
  gsize n1 = 0, n2 = 0;
  gboolean ok = g_file_get_contents (path, &first, &n1, NULL) &&
                pm_pdf_file_write (f, path, NULL) && g_file_get_contents (path, &second, &n2, NULL);
  g_assert (ok && n1 == n2 && memcmp (first, second, n1) == 0);
  g_free (second);
  return g_bytes_new_take (first, n1);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  objects (data, size);

  GError *error = NULL;
  PmPdfFile *f = pm_pdf_file_new ("fuzz.pdf", data, size, &error);
  if (!f) {
    g_assert (error && g_str_has_prefix (error->message, "fuzz.pdf: byte "));
    g_error_free (error);
    return 0;
  }
  g_assert (!error);
  PmPdfObject *trailer = pm_pdf_file_get_trailer (f);
  g_assert (pm_pdf_object_get_type (trailer) == PM_PDF_DICT);
  double n = 0;
  pm_pdf_object_get_number (pm_pdf_dict_get (trailer, "Size"), &n);
  guint last = (guint)CLAMP (n, 0, 4096) + 3;
  read_all (f, last);

  /* One object edited (the catalog if it is a dictionary), one added and referred to. */
  guint root = pm_pdf_object_get_ref (pm_pdf_dict_get (trailer, "Root"));
  PmPdfObject *edited = pm_pdf_file_edit (f, root);
  PmPdfObject *added = pm_pdf_object_new_dict ();
  pm_pdf_dict_set (added, "Title", pm_pdf_object_new_text ("Ένα"));
  pm_pdf_dict_set (added, "Width", pm_pdf_object_new_real (419.527557, 6));
  guint num = pm_pdf_file_add (f, added);
  g_assert (pm_pdf_file_get (f, num) == added);
  if (pm_pdf_object_get_type (edited) == PM_PDF_DICT)
    pm_pdf_dict_set (edited, "PageLabels", pm_pdf_object_new_ref (num, 0));
  last = MAX (last, num + 1);

  char *path = NULL;
  int fd = g_file_open_tmp ("fuzz-pdf-file-XXXXXX.pdf", &path, NULL);
  g_assert (fd >= 0);
  close (fd);
  GBytes *out = write_twice (f, path);
  g_unlink (path);
  g_free (path);
  if (out) {
    gsize len = 0;
    const guint8 *d = g_bytes_get_data (out, &len);
    if (len > 8 && memcmp (d, "%PDF-1.", 7) == 0 && d[7] >= '0' && d[7] <= '4' &&
        !g_ascii_isdigit (d[8])) {
      PmPdfFile *back = pm_pdf_file_new ("fuzz.pdf", d, len, &error);
      if (!back)
        fail ("what was written does not open: %s", error->message);
      assert_same_objects (f, back, last);
      pm_pdf_file_free (back);
    }
    g_bytes_unref (out);
  }
  pm_pdf_file_free (f);
  return 0;
}
