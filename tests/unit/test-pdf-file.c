#define _GNU_SOURCE /* memmem */
/* test-pdf-file.c: a PDF read through its cross-reference table, objects changed and added,
 * the whole written back; files it must refuse. */
#include "base/pm-error.h"
#include "output/pm-pdf-file.h"
#include "pm-test-output.h"
#include "pm-test.h"

#include <cairo-pdf.h>
#include <string.h>
#include <zlib.h>

static char *
tmp (const char *name)
{
  return g_build_filename (pm_test_tmpdir (), name, NULL);
}

/* A PDF of VERSION ("1.4") made of the N objects BODIES (object i + 1 is BODIES[i], of LENS[i]
 * bytes, or up to its NUL if LENS is NULL), with a cross-reference table and TRAILER_EXTRA
 * inside the trailer dictionary. */
static GByteArray *
make_pdf_len (const char *version, const char *const *bodies, const gsize *lens, guint n,
              const char *trailer_extra)
{
  GByteArray *pdf = g_byte_array_new ();
  g_autofree char *head = g_strdup_printf ("%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n", version);
  g_byte_array_append (pdf, (const guint8 *)head, (guint)strlen (head));
  g_autofree gsize *offsets = g_new (gsize, n + 1);
  for (guint i = 0; i < n; i++) {
    offsets[i] = pdf->len;
    g_autofree char *obj = g_strdup_printf ("%u 0 obj\n", i + 1);
    g_byte_array_append (pdf, (const guint8 *)obj, (guint)strlen (obj));
    g_byte_array_append (pdf, (const guint8 *)bodies[i],
                         (guint)(lens ? lens[i] : strlen (bodies[i])));
    g_byte_array_append (pdf, (const guint8 *)"\nendobj\n", 8);
  }
  gsize xref = pdf->len;
  GString *t = g_string_new (NULL);
  g_string_append_printf (t, "xref\n0 %u\n0000000000 65535 f \n", n + 1);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (t, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (
      t, "trailer\n<< /Size %u /Root 1 0 R %s >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", n + 1,
      trailer_extra ? trailer_extra : "", xref);
  g_byte_array_append (pdf, (const guint8 *)t->str, (guint)t->len);
  g_string_free (t, TRUE);
  return pdf;
}

static GByteArray *
make_pdf (const char *version, const char *const *bodies, guint n, const char *trailer_extra)
{
  return make_pdf_len (version, bodies, NULL, n, trailer_extra);
}

/* A small valid document: catalog, pages, one page, its content (compressed), an info
 * dictionary, the content's length as an object of its own. */
static GByteArray *
small_pdf (const char *version)
{
  const char *content = "BT /F1 12 Tf 72 720 Td (Hello) Tj ET";
  uLongf size = compressBound (strlen (content));
  g_autofree guint8 *packed = g_malloc (size);
  g_assert_cmpint (compress (packed, &size, (const guint8 *)content, strlen (content)), ==, Z_OK);
  GString *stream = g_string_new ("<< /Length 6 0 R /Filter /FlateDecode >>\nstream\n");
  g_string_append_len (stream, (const char *)packed, (gssize)size);
  g_string_append (stream, "\nendstream");
  g_autofree char *length = g_strdup_printf ("%lu", (unsigned long)size);
  const char *bodies[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 612 792] >>",
    "<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << >> >>",
    stream->str,
    "<< /Producer (test) /Title (Small) >>",
    length,
  };
  gsize lens[G_N_ELEMENTS (bodies)];
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    lens[i] = i == 3 ? stream->len : strlen (bodies[i]);
  GByteArray *pdf = make_pdf_len (version, bodies, lens, G_N_ELEMENTS (bodies), "/Info 5 0 R");
  g_string_free (stream, TRUE);
  return pdf;
}

static char *
run_qpdf_check (const char *path)
{
  const char *argv[] = { "qpdf", "--check", path, NULL };
  return pm_test_run (argv);
}

static void
test_read (void)
{
  g_autoptr (GByteArray) pdf = small_pdf ("1.4");
  g_autoptr (GError) error = NULL;
  g_autoptr (PmPdfFile) f = pm_pdf_file_new ("small.pdf", pdf->data, pdf->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f);
  PmPdfObject *trailer = pm_pdf_file_get_trailer (f);
  g_assert_cmpuint (pm_pdf_object_get_ref (pm_pdf_dict_get (trailer, "Root")), ==, 1);
  PmPdfObject *root = pm_pdf_file_get (f, 1);
  g_assert_true (pm_pdf_object_is_name (pm_pdf_dict_get (root, "Type"), "Catalog"));
  PmPdfObject *pages = pm_pdf_file_resolve (f, pm_pdf_dict_get (root, "Pages"));
  g_assert_true (pm_pdf_object_is_name (pm_pdf_dict_get (pages, "Type"), "Pages"));
  /* A direct object resolves to itself; a missing one is NULL. */
  g_assert_true (pm_pdf_file_resolve (f, pages) == pages);
  g_assert_null (pm_pdf_file_get (f, 0));
  g_assert_null (pm_pdf_file_get (f, 99));
  /* The content stream, decoded through its indirect /Length. */
  g_autoptr (GBytes) data = pm_pdf_file_get_stream_data (f, 4);
  g_assert_nonnull (data);
  gsize len = 0;
  const char *bytes = g_bytes_get_data (data, &len);
  g_assert_cmpmem (bytes, len, "BT /F1 12 Tf 72 720 Td (Hello) Tj ET", 36);
  /* Not a stream. */
  g_assert_null (pm_pdf_file_get_stream_data (f, 3));
  /* A stream cannot be edited; a dictionary can. */
  g_assert_null (pm_pdf_file_edit (f, 4));
  g_assert_nonnull (pm_pdf_file_edit (f, 3));
}

static void
test_streams (void)
{
  const char *bodies[] = {
    "<< /Type /Catalog >>",
    "<< /Length 5 >>\nstream\nplain\nendstream",
    "<< /Length 4 /Filter /LZWDecode >>\nstream\nabcd\nendstream",
    "<< /Length 4 /Filter [/FlateDecode] >>\nstream\nabcd\nendstream",
    "<< /Length 999 >>\nstream\nshort\nendstream",
  };
  g_autoptr (GByteArray) pdf = make_pdf ("1.4", bodies, G_N_ELEMENTS (bodies), NULL);
  g_autoptr (PmPdfFile) f = pm_pdf_file_new ("streams.pdf", pdf->data, pdf->len, NULL);
  g_assert_nonnull (f);
  g_autoptr (GBytes) plain = pm_pdf_file_get_stream_data (f, 2);
  gsize len = 0;
  g_assert_cmpmem (g_bytes_get_data (plain, &len), len, "plain", 5);
  /* Another filter, data that is not deflated, a length past the object: nothing. */
  g_assert_null (pm_pdf_file_get_stream_data (f, 3));
  g_assert_null (pm_pdf_file_get_stream_data (f, 4));
  g_assert_null (pm_pdf_file_get_stream_data (f, 5));
}

/* Writes F to NAME in the test directory and returns the path. */
static char *
write_file (PmPdfFile *f, const char *name)
{
  char *path = tmp (name);
  g_autoptr (GError) error = NULL;
  g_assert_true (pm_pdf_file_write (f, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_edit_and_write (void)
{
  for (int v = 0; v < 2; v++) {
    /* 1.4: a classic table; 1.5: object streams and a cross-reference stream. */
    const char *version = v ? "1.5" : "1.4";
    g_autoptr (GByteArray) pdf = small_pdf (version);
    g_autoptr (PmPdfFile) f = pm_pdf_file_new ("small.pdf", pdf->data, pdf->len, NULL);
    PmPdfObject *page = pm_pdf_file_edit (f, 3);
    PmPdfObject *box = pm_pdf_object_new_array ();
    for (int k = 0; k < 4; k++)
      pm_pdf_array_append (box, pm_pdf_object_new_real (k * 10.5, 2));
    pm_pdf_dict_set (page, "TrimBox", box);
    PmPdfObject *extra = pm_pdf_object_new_dict ();
    pm_pdf_dict_set (extra, "Note", pm_pdf_object_new_text ("Ένα"));
    guint added = pm_pdf_file_add (f, extra);
    g_assert_cmpuint (added, ==, 7);
    pm_pdf_dict_set (page, "PieceInfo", pm_pdf_object_new_ref (added, 0));
    g_autofree char *path = write_file (f, v ? "edit-15.pdf" : "edit-14.pdf");

    g_autofree char *check = run_qpdf_check (path);
    g_assert_nonnull (strstr (check, "No syntax or stream encoding errors"));
    g_assert_null (strstr (check, "WARNING"));
    g_autofree char *want_version = g_strdup_printf ("PDF Version: %s", version);
    g_assert_nonnull (strstr (check, want_version));
    const char *show[] = { "qpdf", "--show-object=3", path, NULL };
    g_autofree char *shown = pm_test_run (show);
    g_assert_nonnull (strstr (shown, "/TrimBox [ 0 10.5 21 31.5 ]"));
    g_assert_nonnull (strstr (shown, "/PieceInfo 7 0 R"));
    const char *show7[] = { "qpdf", "--show-object=7", path, NULL };
    g_autofree char *shown7 = pm_test_run (show7);
    g_assert_nonnull (strstr (shown7, "<feff038803bd03b1>"));
    /* The page's content, unchanged. */
    const char *stream[] = { "qpdf", "--show-object=4", "--filtered-stream-data", path, NULL };
    g_autofree char *content = pm_test_run (stream);
    g_assert_cmpstr (content, ==, "BT /F1 12 Tf 72 720 Td (Hello) Tj ET");
  }
}

/* The written 1.4 file read back: unchanged objects are the same bytes. */
static void
test_unchanged_bytes (void)
{
  g_autoptr (GByteArray) pdf = small_pdf ("1.4");
  g_autoptr (PmPdfFile) f = pm_pdf_file_new ("small.pdf", pdf->data, pdf->len, NULL);
  pm_pdf_dict_set (pm_pdf_file_edit (f, 5), "Title", pm_pdf_object_new_string ("New", 3));
  g_autofree char *path = write_file (f, "unchanged.pdf");
  g_autofree char *out = NULL;
  gsize out_len = 0;
  g_assert_true (g_file_get_contents (path, &out, &out_len, NULL));
  /* The stream object, byte for byte. */
  const char *in_stream = memmem (pdf->data, pdf->len, "4 0 obj", 7);
  const char *in_end =
      memmem (in_stream, pdf->len - (gsize)(in_stream - (char *)pdf->data), "endobj", 6);
  g_assert_nonnull (memmem (out, out_len, in_stream, (gsize)(in_end - in_stream)));
  g_autoptr (PmPdfFile) back =
      pm_pdf_file_new ("unchanged.pdf", (const guint8 *)out, out_len, NULL);
  g_assert_nonnull (back);
  gsize len = 0;
  const char *title =
      pm_pdf_object_get_string (pm_pdf_dict_get (pm_pdf_file_get (back, 5), "Title"), &len);
  g_assert_cmpmem (title, len, "New", 3);
  g_autoptr (GBytes) data = pm_pdf_file_get_stream_data (back, 4);
  g_assert_nonnull (data);
}

static void
test_deterministic_id (void)
{
  g_autoptr (GByteArray) pdf = small_pdf ("1.5");
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  for (int k = 0; k < 3; k++) {
    g_autoptr (PmPdfFile) f = pm_pdf_file_new ("small.pdf", pdf->data, pdf->len, NULL);
    if (k == 2)
      pm_pdf_dict_set (pm_pdf_file_edit (f, 5), "Title", pm_pdf_object_new_string ("Other", 5));
    char *path = write_file (f, k == 0 ? "id-a.pdf" : k == 1 ? "id-b.pdf" : "id-c.pdf");
    *(k == 0 ? &a : k == 1 ? &b : &c) = path;
  }
  g_assert_true (pm_test_same_file (a, b));
  g_assert_false (pm_test_same_file (a, c));
  const char *argv[] = { "qpdf", "--show-object=trailer", a, NULL };
  g_autofree char *trailer = pm_test_run (argv);
  g_assert_nonnull (strstr (trailer, "/ID [ <"));
}

/* A real cairo PDF (1.5, indirect stream lengths, fonts) read and written back unchanged. */
static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
test_cairo_file (void)
{
  g_autoptr (GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *s = cairo_pdf_surface_create_for_stream (append_bytes, pdf, 200, 200);
  cairo_t *cr = cairo_create (s);
  cairo_select_font_face (cr, "Liberation Serif", CAIRO_FONT_SLANT_NORMAL,
                          CAIRO_FONT_WEIGHT_NORMAL);
  cairo_move_to (cr, 20, 100);
  cairo_show_text (cr, "Pamphlet Ωμέγα");
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmPdfFile) f = pm_pdf_file_new ("cairo.pdf", pdf->data, pdf->len, &error);
  g_assert_no_error (error);
  g_autofree char *path = write_file (f, "cairo-rewritten.pdf");
  g_autofree char *check = run_qpdf_check (path);
  g_assert_nonnull (strstr (check, "No syntax or stream encoding errors"));
  g_autofree char *text = pm_test_pdf_text (path, 1, 0, 0, 0, 0);
  g_assert_cmpstr (text, ==, "Pamphlet Ωμέγα");
}

/* DATA (LEN bytes) is refused with PM_ERROR_INTERNAL, naming the file and saying WHAT. */
static void
assert_refused (const guint8 *data, gsize len, const char *what)
{
  g_autoptr (GError) error = NULL;
  PmPdfFile *f = pm_pdf_file_new ("bad.pdf", data, len, &error);
  g_assert_null (f);
  g_assert_error (error, PM_ERROR, PM_ERROR_INTERNAL);
  g_assert_true (g_str_has_prefix (error->message, "bad.pdf: byte "));
  if (!strstr (error->message, what))
    g_error ("'%s' does not say '%s'", error->message, what);
}

static void
test_refused (void)
{
  const char *not_pdf = "hello, world, this is not a PDF";
  assert_refused ((const guint8 *)not_pdf, strlen (not_pdf), "not a PDF");
  const char *no_xref = "%PDF-1.4\n1 0 obj\n<< >>\nendobj\n%%EOF\n";
  assert_refused ((const guint8 *)no_xref, strlen (no_xref), "no startxref");
  const char *garbage = "%PDF-1.4\n1 0 obj\n<< >>\nendobj\nstartxref\n9\n%%EOF\n";
  assert_refused ((const guint8 *)garbage, strlen (garbage), "no cross-reference table");
  const char *bodies[] = { "<< /Type /Catalog >>" };
  g_autoptr (GByteArray) updated = make_pdf ("1.4", bodies, 1, "/Prev 9");
  assert_refused (updated->data, updated->len, "updated file");
  g_autoptr (GByteArray) encrypted = make_pdf ("1.4", bodies, 1, "/Encrypt 1 0 R");
  assert_refused (encrypted->data, encrypted->len, "encrypted");
  const char *no_root = "%PDF-1.4\n1 0 obj\n<< >>\nendobj\nxref\n0 2\n0000000000 65535 f \n"
                        "0000000009 00000 n \ntrailer\n<< /Size 2 >>\nstartxref\n30\n%%EOF\n";
  assert_refused ((const guint8 *)no_root, strlen (no_root), "without /Root");
}

/* An object the table points at wrongly, or without endobj: NULL, and writing fails with the
 * object's error. */
static void
test_bad_objects (void)
{
  g_autoptr (GByteArray) pdf = small_pdf ("1.4");
  /* Object 5's "endobj" spelled wrong. */
  guint8 *p = memmem (pdf->data, pdf->len, "(Small) >>\nendobj", 17);
  g_assert_nonnull (p);
  memcpy (p + 11, "endobx", 6);
  g_autoptr (PmPdfFile) f = pm_pdf_file_new ("small.pdf", pdf->data, pdf->len, NULL);
  g_assert_nonnull (f);
  g_assert_null (pm_pdf_file_get (f, 5));
  g_assert_nonnull (pm_pdf_file_get (f, 1));
  g_autofree char *path = tmp ("bad-object.pdf");
  g_autoptr (GError) error = NULL;
  g_assert_false (pm_pdf_file_write (f, path, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_INTERNAL);
  g_assert_nonnull (strstr (error->message, "object 5"));
  g_assert_nonnull (strstr (error->message, "endobj"));

  /* The table pointing object 2 at object 3. */
  g_autoptr (GByteArray) moved = small_pdf ("1.4");
  char *table = memmem (moved->data, moved->len, "xref\n0 7\n", 9);
  char *entry2 = table + 9 + 20 * 2, *entry3 = table + 9 + 20 * 3;
  memcpy (entry2, entry3, 10);
  g_clear_error (&error);
  g_autoptr (PmPdfFile) g = pm_pdf_file_new ("moved.pdf", moved->data, moved->len, &error);
  g_assert_null (g);
  g_assert_error (error, PM_ERROR, PM_ERROR_INTERNAL);
  g_assert_nonnull (strstr (error->message, "two objects at one offset"));

  /* Objects 5 and 6 swapped in the table: each found where the other is. */
  g_autoptr (GByteArray) swapped = small_pdf ("1.4");
  table = memmem (swapped->data, swapped->len, "xref\n0 7\n", 9);
  char *entry5 = table + 9 + 20 * 5, *entry6 = table + 9 + 20 * 6, keep[10];
  memcpy (keep, entry5, 10);
  memcpy (entry5, entry6, 10);
  memcpy (entry6, keep, 10);
  g_clear_error (&error);
  g_autoptr (PmPdfFile) h = pm_pdf_file_new ("swapped.pdf", swapped->data, swapped->len, &error);
  g_assert_no_error (error);
  g_assert_null (pm_pdf_file_get (h, 5));
  g_assert_false (pm_pdf_file_write (h, path, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_INTERNAL);
  g_assert_nonnull (strstr (error->message, "the table points at no such object"));
}

/* Every prefix of a valid file: refused or read, never a crash. */
static void
test_truncated (void)
{
  g_autoptr (GByteArray) pdf = small_pdf ("1.5");
  g_autofree char *path = tmp ("truncated.pdf");
  for (gsize n = 0; n < pdf->len; n++) {
    guint8 *copy = g_memdup2 (pdf->data, n);
    PmPdfFile *f = pm_pdf_file_new ("t.pdf", copy, n, NULL);
    if (f) {
      for (guint k = 0; k < 8; k++)
        g_bytes_unref (pm_pdf_file_get_stream_data (f, k));
      pm_pdf_file_write (f, path, NULL);
      pm_pdf_file_free (f);
    }
    g_free (copy);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf-file/read", test_read);
  g_test_add_func ("/pdf-file/streams", test_streams);
  g_test_add_func ("/pdf-file/edit-and-write", test_edit_and_write);
  g_test_add_func ("/pdf-file/unchanged-bytes", test_unchanged_bytes);
  g_test_add_func ("/pdf-file/deterministic-id", test_deterministic_id);
  g_test_add_func ("/pdf-file/cairo-file", test_cairo_file);
  g_test_add_func ("/pdf-file/refused", test_refused);
  g_test_add_func ("/pdf-file/bad-objects", test_bad_objects);
  g_test_add_func ("/pdf-file/truncated", test_truncated);
  return g_test_run ();
}
