#define _GNU_SOURCE /* memmem */
/* test-pdf-file.c: a PDF read through its cross-reference table (pm-pdf-file), objects
 * changed and added, the whole written back; files it must refuse; damaged files.
 *
 * What pm_pdf_file_write() writes is judged by qpdf (--check, --show-object, --show-xref),
 * which reads any table format, and for a %PDF-1.4 file, whose table stays classic, by
 * reading it back here: tests do not depend on how the table is written. */
#include "base/pm-error.h"
#include "output/pm-pdf-file.h"
#include "pm-test-output.h"
#include "pm-test.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>
#include <zlib.h>

static char *
tmp (const char *name)
{
  return g_build_filename (pm_test_tmpdir (), name, NULL);
}

/* ---- PDFs built by hand ---- */

/* An object of a hand-made file: "NUM GEN obj\nBODY\nendobj\n" (LEN bytes of BODY, or up to
 * its NUL if LEN is 0). */
typedef struct {
  guint num, gen;
  const char *body;
  gsize len;
} Obj;

/* HEADER, the N objects OBJS, then TAIL, in which "@I" (I a number) stands for the offset of
 * OBJS[I] in ten digits and "@X" for the offset of TAIL itself (where the table starts). The
 * objects' offsets in OFFSETS[0..N-1] and the tail's in OFFSETS[N], if OFFSETS is given. */
static GByteArray *
assemble (const char *header, const Obj *objs, guint n, const char *tail, gsize *offsets)
{
  GByteArray *pdf = g_byte_array_new ();
  g_byte_array_append (pdf, (const guint8 *)header, (guint)strlen (header));
  g_autofree gsize *at = g_new0 (gsize, n + 1);
  for (guint i = 0; i < n; i++) {
    at[i] = pdf->len;
    g_autofree char *head = g_strdup_printf ("%u %u obj\n", objs[i].num, objs[i].gen);
    g_byte_array_append (pdf, (const guint8 *)head, (guint)strlen (head));
    g_byte_array_append (pdf, (const guint8 *)objs[i].body,
                         (guint)(objs[i].len ? objs[i].len : strlen (objs[i].body)));
    g_byte_array_append (pdf, (const guint8 *)"\nendobj\n", 8);
  }
  at[n] = pdf->len;
  GString *t = g_string_new (NULL);
  for (const char *p = tail; *p; p++) {
    if (p[0] == '@' && p[1] == 'X') {
      g_string_append_printf (t, "%" G_GSIZE_FORMAT, at[n]);
      p++;
    } else if (p[0] == '@' && g_ascii_isdigit (p[1])) {
      char *end = NULL;
      guint64 i = g_ascii_strtoull (p + 1, &end, 10);
      g_assert_cmpuint (i, <, n);
      g_string_append_printf (t, "%010" G_GSIZE_FORMAT, at[i]);
      p = end - 1;
    } else {
      g_string_append_c (t, *p);
    }
  }
  g_byte_array_append (pdf, (const guint8 *)t->str, (guint)t->len);
  g_string_free (t, TRUE);
  if (offsets)
    memcpy (offsets, at, (n + 1) * sizeof (gsize));
  return pdf;
}

/* The classic table and trailer for OBJS: every number up to the largest,
 * those not in OBJS free; /Root 1 0 R and EXTRA in the trailer. */
static char *
classic_tail (const Obj *objs, guint n, const char *extra)
{
  guint size = 1;
  for (guint i = 0; i < n; i++)
    size = MAX (size, objs[i].num + 1);
  GString *t = g_string_new (NULL);
  g_string_append_printf (t, "xref\n0 %u\n0000000000 65535 f \n", size);
  for (guint k = 1; k < size; k++) {
    guint i = 0;
    while (i < n && objs[i].num != k)
      i++;
    if (i < n)
      g_string_append_printf (t, "@%u %05u n \n", i, objs[i].gen);
    else
      g_string_append (t, "0000000000 65535 f \n");
  }
  g_string_append_printf (t, "trailer\n<< /Size %u /Root 1 0 R %s >>\nstartxref\n@X\n%%%%EOF\n",
                          size, extra ? extra : "");
  return g_string_free (t, FALSE);
}

/* OBJS with a classic table, behind a %PDF-VERSION header. */
static GByteArray *
make_pdf (const char *version, const Obj *objs, guint n, const char *extra, gsize *offsets)
{
  g_autofree char *header = g_strdup_printf ("%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n", version);
  g_autofree char *tail = classic_tail (objs, n, extra);
  return assemble (header, objs, n, tail, offsets);
}

static const char content[] = "BT /F1 12 Tf 72 720 Td (Hello) Tj ET";

/* DATA deflated with zlib's compress(). */
static GByteArray *
deflated (const char *data, gsize len)
{
  uLongf size = compressBound ((uLong)len);
  GByteArray *packed = g_byte_array_sized_new ((guint)size);
  g_byte_array_set_size (packed, (guint)size);
  g_assert_cmpint (compress (packed->data, &size, (const guint8 *)data, (uLong)len), ==, Z_OK);
  g_byte_array_set_size (packed, (guint)size);
  return packed;
}

/* A stream object's body: DICT (without its closing ">>"), /Length LEN_VALUE, then DATA. */
static GString *
stream_body (const char *dict, const char *length, const guint8 *data, gsize len)
{
  GString *s = g_string_new (NULL);
  g_string_append_printf (s, "%s /Length %s >>\nstream\n", dict, length);
  g_string_append_len (s, (const char *)data, (gssize)len);
  g_string_append (s, "\nendstream");
  return s;
}

/* A small document: 1 catalog, 2 pages, 3 page, 4 its content deflated, 5 an information
 * dictionary, 6 the content's length (the stream's /Length refers to it). OFFSETS[0..6]:
 * where objects 1 to 6 and the table start. */
static GByteArray *
small_pdf (const char *version, gsize *offsets)
{
  g_autoptr (GByteArray) packed = deflated (content, strlen (content));
  GString *stream = stream_body ("<< /Filter /FlateDecode", "6 0 R", packed->data, packed->len);
  g_autofree char *length = g_strdup_printf ("%u", packed->len);
  const Obj objs[] = {
    { 1, 0, "<< /Type /Catalog /Pages 2 0 R >>", 0 },
    { 2, 0, "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 612 792] >>", 0 },
    { 3, 0, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << >> >>", 0 },
    { 4, 0, stream->str, stream->len },
    { 5, 0, "<< /Producer (test) /Title (Small) >>", 0 },
    { 6, 0, length, 0 },
  };
  GByteArray *pdf = make_pdf (version, objs, G_N_ELEMENTS (objs), "/Info 5 0 R", offsets);
  g_string_free (stream, TRUE);
  return pdf;
}

/* Where the entry of object NUM is in the classic table at XREF of PDF (one subsection from
 * 0, as make_pdf writes it). */
static char *
table_entry (GByteArray *pdf, gsize xref, guint num)
{
  char *p = (char *)pdf->data + xref;
  g_assert_true (g_str_has_prefix (p, "xref\n0 "));
  p = strchr (p + 7, '\n') + 1;
  return p + 20 * num;
}

/* ---- Reading what was written ---- */

static char *
written_path (PmPdfFile *f, const char *name)
{
  char *path = tmp (name);
  g_autoptr (GError) error = NULL;
  g_assert_true (pm_pdf_file_write (f, path, &error));
  g_assert_no_error (error);
  return path;
}

static GBytes *
file_bytes (const char *path)
{
  char *data = NULL;
  gsize len = 0;
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (data, len);
}

/* qpdf --check says PATH is clean: exit status 0 (no warning either) and no error. */
static void
assert_qpdf_clean (const char *path, const char *version)
{
  const char *argv[] = { "qpdf", "--check", path, NULL };
  g_autofree char *out = pm_test_run (argv);
  g_assert_nonnull (strstr (out, "No syntax or stream encoding errors"));
  if (version) {
    g_autofree char *want = g_strdup_printf ("PDF Version: %s\n", version);
    g_assert_nonnull (strstr (out, want));
  }
}

/* qpdf --show-object=WHAT of PATH (with the stream's data decoded if DATA). */
static char *
qpdf_show (const char *path, const char *what, gboolean data)
{
  g_autofree char *opt = g_strdup_printf ("--show-object=%s", what);
  const char *argv[] = { "qpdf", opt, path, data ? "--filtered-stream-data" : NULL, NULL };
  return pm_test_run (argv);
}

/* The offset of object NUM (generation 0) in PATH as qpdf reads its table, or -1 when it is
 * in an object stream or not there. */
static gint64
qpdf_offset (const char *path, guint num, guint gen)
{
  const char *argv[] = { "qpdf", "--show-xref", path, NULL };
  g_autofree char *out = pm_test_run (argv);
  g_autofree char *want = g_strdup_printf ("\n%u/%u: uncompressed; offset = ", num, gen);
  g_autofree char *text = g_strconcat ("\n", out, NULL);
  const char *p = strstr (text, want);
  return p ? g_ascii_strtoll (p + strlen (want), NULL, 10) : -1;
}

/* The trailer's /ID of PATH as qpdf shows it. */
static char *
qpdf_id (const char *path)
{
  g_autofree char *trailer = qpdf_show (path, "trailer", FALSE);
  const char *id = strstr (trailer, "/ID [ <");
  g_assert_nonnull (id);
  const char *end = strchr (id, ']');
  g_assert_nonnull (end);
  return g_strndup (id, (gsize)(end - id + 1));
}

/* Object NUM of F written as PDF syntax ("" when it cannot be read). */
static char *
object_text (PmPdfFile *f, guint num)
{
  PmPdfObject *o = pm_pdf_file_get (f, num);
  GString *s = g_string_new (NULL);
  if (o)
    pm_pdf_object_write (o, s);
  return g_string_free (s, FALSE);
}

static void
assert_bytes (GBytes *bytes, const void *want, gsize len)
{
  g_assert_nonnull (bytes);
  gsize n = 0;
  const void *data = g_bytes_get_data (bytes, &n);
  g_assert_cmpmem (data, n, want, len);
}

/* ---- Reading ---- */

static void
test_read (void)
{
  g_autoptr (GByteArray) pdf = small_pdf ("1.4", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmPdfFile) f = pm_pdf_file_new ("small.pdf", pdf->data, pdf->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f);

  /* The trailer. */
  PmPdfObject *trailer = pm_pdf_file_get_trailer (f);
  g_assert_cmpint (pm_pdf_object_get_type (trailer), ==, PM_PDF_DICT);
  double size = 0;
  g_assert_true (pm_pdf_object_get_number (pm_pdf_dict_get (trailer, "Size"), &size));
  g_assert_cmpfloat (size, ==, 7);
  g_assert_cmpuint (pm_pdf_object_get_ref (pm_pdf_dict_get (trailer, "Root")), ==, 1);
  g_assert_cmpuint (pm_pdf_object_get_ref (pm_pdf_dict_get (trailer, "Info")), ==, 5);

  /* Objects, read when asked for, the same each time. */
  PmPdfObject *root = pm_pdf_file_get (f, 1);
  g_assert_true (pm_pdf_object_is_name (pm_pdf_dict_get (root, "Type"), "Catalog"));
  g_assert_true (pm_pdf_file_get (f, 1) == root);
  PmPdfObject *pages = pm_pdf_file_resolve (f, pm_pdf_dict_get (root, "Pages"));
  g_assert_true (pages == pm_pdf_file_get (f, 2));
  g_assert_true (pm_pdf_object_is_name (pm_pdf_dict_get (pages, "Type"), "Pages"));
  PmPdfObject *kids = pm_pdf_file_resolve (f, pm_pdf_dict_get (pages, "Kids"));
  PmPdfObject *page = pm_pdf_file_resolve (f, pm_pdf_array_get (kids, 0));
  g_assert_true (pm_pdf_object_is_name (pm_pdf_dict_get (page, "Type"), "Page"));
  gsize len = 0;
  const char *title =
      pm_pdf_object_get_string (pm_pdf_dict_get (pm_pdf_file_get (f, 5), "Title"), &len);
  g_assert_cmpmem (title, len, "Small", 5);
  double length = 0;
  g_assert_true (pm_pdf_object_get_number (pm_pdf_file_get (f, 6), &length));
  g_assert_cmpint (pm_pdf_object_get_type (pm_pdf_file_get (f, 6)), ==, PM_PDF_INT);
  /* A stream's dictionary. */
  PmPdfObject *stream = pm_pdf_file_get (f, 4);
  g_assert_cmpuint (pm_pdf_object_get_ref (pm_pdf_dict_get (stream, "Length")), ==, 6);
  g_assert_true (pm_pdf_file_resolve (f, pm_pdf_dict_get (stream, "Length")) ==
                 pm_pdf_file_get (f, 6));

  /* A direct object resolves to itself; NULL to NULL; a missing one is NULL. */
  g_assert_true (pm_pdf_file_resolve (f, pages) == pages);
  g_assert_null (pm_pdf_file_resolve (f, NULL));
  g_autoptr (PmPdfObject) dangling = pm_pdf_object_new_ref (9, 0);
  g_assert_null (pm_pdf_file_resolve (f, dangling));
  g_assert_null (pm_pdf_file_get (f, 0));
  g_assert_null (pm_pdf_file_get (f, 7));
  g_assert_null (pm_pdf_file_get (f, 99));
  g_assert_null (pm_pdf_file_get (f, G_MAXUINT));

  /* The content stream, decoded through its indirect /Length. */
  g_autoptr (GBytes) data = pm_pdf_file_get_stream_data (f, 4);
  assert_bytes (data, content, strlen (content));
  /* Not a stream, or no object: no data. */
  g_assert_null (pm_pdf_file_get_stream_data (f, 3));
  g_assert_null (pm_pdf_file_get_stream_data (f, 6));
  g_assert_null (pm_pdf_file_get_stream_data (f, 0));
  g_assert_null (pm_pdf_file_get_stream_data (f, 42));
  /* A stream cannot be edited; a dictionary can, and it is the object read. */
  g_assert_null (pm_pdf_file_edit (f, 4));
  g_assert_true (pm_pdf_file_edit (f, 3) == page);
  g_assert_null (pm_pdf_file_edit (f, 0));
  g_assert_null (pm_pdf_file_edit (f, 99));
}

/* Tables with free entries, a gap between subsections, a generation other than 0, comments
 * and CR LF line ends. */
static void
test_read_table_forms (void)
{
  const Obj objs[] = {
    { 1, 0, "<< /Type /Catalog /Pages 2 1 R /Extra 4 0 R >>", 0 },
    { 2, 1, "<< /Type /Pages /Kids [] /Count 0 >>", 0 },
    { 4, 0, "(four)", 0 },
    { 6, 0, "[6]", 0 },
  };
  const char *tail = "xref\r\n0 3\r\n0000000000 65535 f\r\n@0 00000 n\r\n@1 00001 n\r\n"
                     "4 1\n@2 00000 n \n"
                     "5 2\n0000000000 00001 f \n@3 00000 n \n"
                     "trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n@X\n%%EOF\n";
  g_autoptr (GByteArray) pdf = assemble ("%PDF-1.4\n", objs, G_N_ELEMENTS (objs), tail, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmPdfFile) f = pm_pdf_file_new ("forms.pdf", pdf->data, pdf->len, &error);
  g_assert_no_error (error);
  g_autofree char *one = object_text (f, 1);
  g_assert_cmpstr (one, ==, "<< /Type /Catalog /Pages 2 1 R /Extra 4 0 R >>");
  PmPdfObject *pages = pm_pdf_file_resolve (f, pm_pdf_dict_get (pm_pdf_file_get (f, 1), "Pages"));
  g_assert_true (pm_pdf_object_is_name (pm_pdf_dict_get (pages, "Type"), "Pages"));
  /* 3 is in no subsection, 5 is free. */
  g_assert_null (pm_pdf_file_get (f, 3));
  g_assert_null (pm_pdf_file_get (f, 5));
  g_autofree char *four = object_text (f, 4);
  g_assert_cmpstr (four, ==, "(four)");
  g_autofree char *six = object_text (f, 6);
  g_assert_cmpstr (six, ==, "[6]");

  /* Written back, the same objects, generations and holes. */
  pm_pdf_dict_set (pm_pdf_file_edit (f, 1), "Changed", pm_pdf_object_new_int (1));
  g_autofree char *path = written_path (f, "forms.pdf");
  assert_qpdf_clean (path, "1.4");
  g_assert_cmpint (qpdf_offset (path, 2, 1), >, 0);
  g_autoptr (GBytes) out = file_bytes (path);
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (out, &len);
  g_autoptr (PmPdfFile) back = pm_pdf_file_new ("forms-back.pdf", data, len, &error);
  g_assert_no_error (error);
  g_assert_null (pm_pdf_file_get (back, 3));
  g_assert_null (pm_pdf_file_get (back, 5));
  for (guint k = 2; k <= 6; k++) {
    g_autofree char *a = object_text (f, k), *b = object_text (back, k);
    g_assert_cmpstr (a, ==, b);
  }
  g_autofree char *changed = object_text (back, 1);
  g_assert_cmpstr (changed, ==, "<< /Type /Catalog /Pages 2 1 R /Extra 4 0 R /Changed 1 >>");
}

static void
test_streams (void)
{
  /* Binary data holding "endstream" and NUL bytes: the /Length says where it ends. */
  static const guint8 raw[] = "bin\0ary\nendstream\nendobj\r\n\xff";
  g_autoptr (GByteArray) packed = deflated (content, strlen (content));
  /* More than inflate's buffer holds at once. */
  GString *big = g_string_new (NULL);
  for (guint k = 0; big->len < 200000; k++)
    g_string_append_printf (big, "%u q 1 0 0 1 %u %u cm /Im%u Do Q\n", k, k * 7 % 500, k % 91,
                            k % 13);
  g_autoptr (GByteArray) big_packed = deflated (big->str, big->len);
  g_autoptr (GByteArray) truncated = deflated (content, strlen (content));
  g_byte_array_set_size (truncated, truncated->len - 6);
  g_autoptr (GByteArray) corrupt = deflated (content, strlen (content));
  corrupt->data[corrupt->len / 2] ^= 0x55;
  corrupt->data[corrupt->len / 2 + 1] ^= 0xaa;
  g_autofree char *n_raw = g_strdup_printf ("%u", (guint)(sizeof raw - 1));
  g_autofree char *n_packed = g_strdup_printf ("%u", packed->len);

  GString *bodies[] = {
    stream_body ("<< /Type /XObject", "5", (const guint8 *)"plain", 5),
    stream_body ("<<", n_raw, raw, sizeof raw - 1),
    stream_body ("<< /Filter /FlateDecode", n_packed, packed->data, packed->len),
    stream_body ("<< /Filter [/FlateDecode]", n_packed, packed->data, packed->len),
    stream_body ("<< /Filter /FlateDecode", "13 0 R", big_packed->data, big_packed->len),
    stream_body ("<<", "0", NULL, 0),
    /* Refused: another filter, a chain, parameters, data that does not inflate. */
    stream_body ("<< /Filter /LZWDecode", "4", (const guint8 *)"abcd", 4),
    stream_body ("<< /Filter [/FlateDecode /ASCIIHexDecode]", n_packed, packed->data, packed->len),
    stream_body ("<< /Filter /FlateDecode /DecodeParms << /Predictor 12 >>", n_packed, packed->data,
                 packed->len),
    stream_body ("<< /Filter /FlateDecode", "4", (const guint8 *)"abcd", 4),
  };
  g_autofree char *n_big = g_strdup_printf ("%u", big_packed->len);
  g_autofree char *n_truncated = g_strdup_printf ("%u", truncated->len);
  g_autofree char *n_corrupt = g_strdup_printf ("%u", corrupt->len);
  GString *more[] = {
    stream_body ("<< /Filter /FlateDecode", n_truncated, truncated->data, truncated->len),
    stream_body ("<< /Filter /FlateDecode", n_corrupt, corrupt->data, corrupt->len),
    /* Lengths that are wrong: past the object, negative, missing, not a number. */
    stream_body ("<<", "40", (const guint8 *)"short", 5),
    stream_body ("<<", "-1", (const guint8 *)"short", 5),
    stream_body ("<< /NoLength 5", "()", (const guint8 *)"short", 5),
    g_string_new ("<< /NoLength 5 >>\nstream\nshort\nendstream"),
    stream_body ("<<", "1 0 R", (const guint8 *)"short", 5),
    stream_body ("<<", "99 0 R", (const guint8 *)"short", 5),
  };
  Obj objs[1 + G_N_ELEMENTS (bodies) + 2 + G_N_ELEMENTS (more)];
  guint n = 0;
  objs[n++] = (Obj){ 1, 0, "<< /Type /Catalog >>", 0 };
  for (guint k = 0; k < G_N_ELEMENTS (bodies); k++, n++)
    objs[n] = (Obj){ n + 1, 0, bodies[k]->str, bodies[k]->len };
  objs[n] = (Obj){ n + 1, 0, n_big, 0 }; /* object 12: unused */
  n++;
  objs[n] = (Obj){ n + 1, 0, n_big, 0 }; /* object 13: the big stream's length */
  n++;
  for (guint k = 0; k < G_N_ELEMENTS (more); k++, n++)
    objs[n] = (Obj){ n + 1, 0, more[k]->str, more[k]->len };
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (objs));
  g_autoptr (GByteArray) pdf = make_pdf ("1.4", objs, n, NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmPdfFile) f = pm_pdf_file_new ("streams.pdf", pdf->data, pdf->len, &error);
  g_assert_no_error (error);
  g_autoptr (GBytes) plain = pm_pdf_file_get_stream_data (f, 2);
  assert_bytes (plain, "plain", 5);
  g_autoptr (GBytes) binary = pm_pdf_file_get_stream_data (f, 3);
  assert_bytes (binary, raw, sizeof raw - 1);
  g_autoptr (GBytes) flate = pm_pdf_file_get_stream_data (f, 4);
  assert_bytes (flate, content, strlen (content));
  g_autoptr (GBytes) flate_array = pm_pdf_file_get_stream_data (f, 5);
  assert_bytes (flate_array, content, strlen (content));
  g_autoptr (GBytes) large = pm_pdf_file_get_stream_data (f, 6);
  assert_bytes (large, big->str, big->len);
  g_autoptr (GBytes) empty = pm_pdf_file_get_stream_data (f, 7);
  assert_bytes (empty, "", 0);
  for (guint k = 8; k <= 11; k++)
    if (pm_pdf_file_get_stream_data (f, k))
      g_error ("stream %u is decoded", k);
  for (guint k = 14; k <= n; k++)
    if (pm_pdf_file_get_stream_data (f, k))
      g_error ("stream %u is decoded", k);
  /* Their dictionaries are read all the same. */
  for (guint k = 2; k <= n; k++)
    g_assert_cmpint (pm_pdf_object_get_type (pm_pdf_file_get (f, k)), ==,
                     k == 12 || k == 13 ? PM_PDF_INT : PM_PDF_DICT);

  /* The same streams after "stream" CR LF, and after a CR alone. */
  for (int eol = 0; eol < 2; eol++) {
    const char *sep = eol ? "\r" : "\r\n";
    g_autofree char *body = g_strdup_printf ("<< /Length 5 >>\nstream%splain\nendstream", sep);
    const Obj two[] = { { 1, 0, "<< /Type /Catalog >>", 0 }, { 2, 0, body, 0 } };
    g_autoptr (GByteArray) p = make_pdf ("1.4", two, 2, NULL, NULL);
    g_autoptr (PmPdfFile) g = pm_pdf_file_new ("eol.pdf", p->data, p->len, NULL);
    g_autoptr (GBytes) d = pm_pdf_file_get_stream_data (g, 2);
    assert_bytes (d, "plain", 5);
  }
  for (guint k = 0; k < G_N_ELEMENTS (bodies); k++)
    g_string_free (bodies[k], TRUE);
  for (guint k = 0; k < G_N_ELEMENTS (more); k++)
    g_string_free (more[k], TRUE);
  g_string_free (big, TRUE);
}

/* ---- Writing ---- */

/* Sets a box on page 3 and adds a dictionary the page refers to. Returns the new number. */
static guint
edit_small (PmPdfFile *f)
{
  PmPdfObject *page = pm_pdf_file_edit (f, 3);
  g_assert_nonnull (page);
  PmPdfObject *box = pm_pdf_object_new_array ();
  for (int k = 0; k < 4; k++)
    pm_pdf_array_append (box, pm_pdf_object_new_real (k * 10.5, 2));
  pm_pdf_dict_set (page, "TrimBox", box);
  PmPdfObject *extra = pm_pdf_object_new_dict ();
  pm_pdf_dict_set (extra, "Note", pm_pdf_object_new_text ("Ένα"));
  guint added = pm_pdf_file_add (f, extra);
  pm_pdf_dict_set (page, "PieceInfo", pm_pdf_object_new_ref (added, 0));
  return added;
}

/* PATH, the small file of VERSION after edit_small(): clean for qpdf, with the box, the added
 * dictionary and the content stream. */
static void
assert_small_edited (const char *path, const char *version)
{
  assert_qpdf_clean (path, version);
  g_autofree char *page = qpdf_show (path, "3", FALSE);
  g_assert_nonnull (strstr (page, "/TrimBox [ 0 10.5 21 31.5 ]"));
  g_assert_nonnull (strstr (page, "/PieceInfo 7 0 R"));
  g_autofree char *seven = qpdf_show (path, "7", FALSE);
  g_assert_nonnull (strstr (seven, "/Note <feff038803bd03b1>"));
  g_autofree char *stream = qpdf_show (path, "4", TRUE);
  g_assert_cmpstr (stream, ==, content);
}

/* A %PDF-1.4 file edited and written: qpdf finds it clean and sees the changes; read back,
 * the unchanged objects are the same bytes at the offsets of the new table. */
static void
test_write_classic (void)
{
  gsize offsets[7];
  g_autoptr (GByteArray) pdf = small_pdf ("1.4", offsets);
  g_autoptr (PmPdfFile) f = pm_pdf_file_new ("small.pdf", pdf->data, pdf->len, NULL);
  guint added = edit_small (f);
  g_assert_cmpuint (added, ==, 7);
  pm_pdf_dict_set (pm_pdf_file_edit (f, 5), "Title", pm_pdf_object_new_string ("New", 3));
  g_autofree char *path = written_path (f, "classic.pdf");
  assert_small_edited (path, "1.4");
  g_autofree char *trailer = qpdf_show (path, "trailer", FALSE);
  g_assert_nonnull (strstr (trailer, "/Info 5 0 R"));
  g_assert_nonnull (strstr (trailer, "/Root 1 0 R"));
  g_assert_nonnull (strstr (trailer, "/Size 8"));

  /* Objects 1, 2, 4 and 6, unchanged: their bytes, "N 0 obj" to the next object, where the
   * new table puts them. */
  g_autoptr (GBytes) out = file_bytes (path);
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (out, &len);
  static const guint unchanged[] = { 1, 2, 4, 6 };
  for (guint i = 0; i < G_N_ELEMENTS (unchanged); i++) {
    guint k = unchanged[i];
    gint64 at = qpdf_offset (path, k, 0);
    g_assert_cmpint (at, >, 0);
    gsize n = offsets[k] - offsets[k - 1];
    g_assert_cmpuint ((gsize)at + n, <=, len);
    g_assert_cmpmem (data + at, n, pdf->data + offsets[k - 1], n);
  }
  /* The header, as it was. */
  g_assert_cmpmem (data, offsets[0], pdf->data, offsets[0]);

  /* Read back here: the changes, the addition, the same stream data. */
  g_autoptr (GError) error = NULL;
  g_autoptr (PmPdfFile) back = pm_pdf_file_new ("classic.pdf", data, len, &error);
  g_assert_no_error (error);
  for (guint k = 1; k <= 7; k++) {
    g_autofree char *a = object_text (f, k), *b = object_text (back, k);
    g_assert_cmpstr (a, ==, b);
  }
  gsize title_len = 0;
  const char *title =
      pm_pdf_object_get_string (pm_pdf_dict_get (pm_pdf_file_get (back, 5), "Title"), &title_len);
  g_assert_cmpmem (title, title_len, "New", 3);
  g_autoptr (GBytes) again = pm_pdf_file_get_stream_data (back, 4);
  assert_bytes (again, content, strlen (content));
  PmPdfObject *t = pm_pdf_file_get_trailer (back);
  g_assert_cmpuint (pm_pdf_object_get_ref (pm_pdf_dict_get (t, "Root")), ==, 1);
  g_assert_cmpuint (pm_pdf_object_get_ref (pm_pdf_dict_get (t, "Info")), ==, 5);
  /* The /ID: two 16-byte strings, equal. */
  PmPdfObject *id = pm_pdf_dict_get (t, "ID");
  g_assert_cmpuint (pm_pdf_array_get_length (id), ==, 2);
  gsize n0 = 0, n1 = 0;
  const char *id0 = pm_pdf_object_get_string (pm_pdf_array_get (id, 0), &n0);
  const char *id1 = pm_pdf_object_get_string (pm_pdf_array_get (id, 1), &n1);
  g_assert_cmpuint (n0, ==, 16);
  g_assert_cmpmem (id0, n0, id1, n1);

  /* Written again from what was written: the same bytes. */
  g_autofree char *path2 = written_path (back, "classic-again.pdf");
  g_assert_true (pm_test_same_file (path, path2));
}

/* A %PDF-1.5 file, whose table may be written in any form PDF 1.5 allows: judged by qpdf. */
static void
test_write_15 (void)
{
  g_autoptr (GByteArray) pdf = small_pdf ("1.5", NULL);
  g_autoptr (PmPdfFile) f = pm_pdf_file_new ("small15.pdf", pdf->data, pdf->len, NULL);
  g_assert_nonnull (f);
  guint added = edit_small (f);
  g_assert_cmpuint (added, ==, 7);
  g_autofree char *path = written_path (f, "small15.pdf");
  assert_small_edited (path, "1.5");
  g_autofree char *info = qpdf_show (path, "5", FALSE);
  g_assert_nonnull (strstr (info, "/Title (Small)"));
  g_autofree char *trailer = qpdf_show (path, "trailer", FALSE);
  g_assert_nonnull (strstr (trailer, "/Info 5 0 R"));
  g_assert_nonnull (strstr (trailer, "/Root 1 0 R"));
  /* A stream is never packed nor compressed again: its bytes are where the table says. */
  gint64 at = qpdf_offset (path, 4, 0);
  g_assert_cmpint (at, >, 0);
  const guint8 *in = memmem (pdf->data, pdf->len, "4 0 obj", 7);
  const guint8 *in_end = memmem (in, pdf->len - (gsize)(in - pdf->data), "endobj", 6);
  g_autoptr (GBytes) out = file_bytes (path);
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (out, &len);
  gsize n = (gsize)(in_end - in) + 6;
  g_assert_cmpuint ((gsize)at + n, <=, len);
  g_assert_cmpmem (data + at, n, in, n);
}

/* The same objects give the same bytes; another object gives another /ID. */
static void
test_deterministic (void)
{
  for (int v = 0; v < 2; v++) {
    const char *version = v ? "1.5" : "1.4";
    g_autoptr (GByteArray) pdf = small_pdf (version, NULL);
    char *paths[4];
    for (int k = 0; k < 4; k++) {
      g_autoptr (PmPdfFile) f = pm_pdf_file_new ("small.pdf", pdf->data, pdf->len, NULL);
      edit_small (f);
      if (k == 2)
        pm_pdf_dict_set (pm_pdf_file_edit (f, 5), "Title", pm_pdf_object_new_string ("Other", 5));
      g_autofree char *name = g_strdup_printf ("id-%s-%d.pdf", version, k);
      paths[k] = written_path (f, name);
      if (k == 3) {
        /* The same file written twice. */
        g_autofree char *twice = g_strdup_printf ("id-%s-twice.pdf", version);
        g_autofree char *path = written_path (f, twice);
        g_assert_true (pm_test_same_file (paths[k], path));
      }
    }
    g_assert_true (pm_test_same_file (paths[0], paths[1]));
    g_assert_true (pm_test_same_file (paths[0], paths[3]));
    g_autofree char *id0 = qpdf_id (paths[0]), *id1 = qpdf_id (paths[1]);
    g_autofree char *id2 = qpdf_id (paths[2]);
    g_assert_cmpstr (id0, ==, id1);
    g_assert_cmpstr (id0, !=, id2);
    /* Unchanged, the file still gets an /ID of its own content. */
    g_autoptr (PmPdfFile) plain = pm_pdf_file_new ("small.pdf", pdf->data, pdf->len, NULL);
    g_autofree char *name = g_strdup_printf ("id-%s-plain.pdf", version);
    g_autofree char *path = written_path (plain, name);
    assert_qpdf_clean (path, version);
    g_autofree char *id3 = qpdf_id (path);
    g_assert_cmpstr (id0, !=, id3);
    for (int k = 0; k < 4; k++)
      g_free (paths[k]);
  }
}

/* Added objects: numbered after the table, read and edited like the others. */
static void
test_add (void)
{
  g_autoptr (GByteArray) pdf = small_pdf ("1.4", NULL);
  g_autoptr (PmPdfFile) f = pm_pdf_file_new ("small.pdf", pdf->data, pdf->len, NULL);
  PmPdfObject *a = pm_pdf_object_new_array ();
  PmPdfObject *s = pm_pdf_object_new_string ("second", 6);
  g_assert_cmpuint (pm_pdf_file_add (f, a), ==, 7);
  g_assert_cmpuint (pm_pdf_file_add (f, s), ==, 8);
  g_assert_true (pm_pdf_file_get (f, 7) == a);
  g_assert_true (pm_pdf_file_edit (f, 8) == s);
  g_assert_null (pm_pdf_file_get_stream_data (f, 7));
  pm_pdf_array_append (a, pm_pdf_object_new_ref (8, 0));
  pm_pdf_dict_set (pm_pdf_file_edit (f, 1), "Added", pm_pdf_object_new_ref (7, 0));
  g_autofree char *path = written_path (f, "added.pdf");
  assert_qpdf_clean (path, "1.4");
  g_autofree char *seven = qpdf_show (path, "7", FALSE);
  g_assert_cmpstr (g_strstrip (seven), ==, "[ 8 0 R ]");
  g_autofree char *eight = qpdf_show (path, "8", FALSE);
  g_assert_cmpstr (g_strstrip (eight), ==, "(second)");
}

/* A real cairo PDF with text: read, its pages found, boxes set, a dictionary added, written. */
static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GByteArray *
cairo_pdf (guint pages)
{
  g_autoptr (PmRecordedDoc) doc = pm_test_numbered_doc (pages, 0);
  GByteArray *pdf = g_byte_array_new ();
  cairo_surface_t *s =
      cairo_pdf_surface_create_for_stream (append_bytes, pdf, PM_TEST_A5_WIDTH, PM_TEST_A5_HEIGHT);
  cairo_pdf_surface_set_metadata (s, CAIRO_PDF_METADATA_TITLE, "Ωμέγα");
  cairo_t *cr = cairo_create (s);
  for (guint k = 0; k < pages; k++) {
    cairo_set_source_surface (cr, pm_recorded_doc_get_page (doc, k), 0, 0);
    cairo_paint (cr);
    cairo_show_page (cr);
  }
  cairo_destroy (cr);
  cairo_surface_finish (s);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (s);
  return pdf;
}

/* The pages of F, in order, through the page tree (one level, as cairo writes it). */
static GArray *
page_numbers (PmPdfFile *f)
{
  PmPdfObject *root =
      pm_pdf_file_resolve (f, pm_pdf_dict_get (pm_pdf_file_get_trailer (f), "Root"));
  PmPdfObject *pages = pm_pdf_file_resolve (f, pm_pdf_dict_get (root, "Pages"));
  PmPdfObject *kids = pm_pdf_file_resolve (f, pm_pdf_dict_get (pages, "Kids"));
  GArray *nums = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint k = 0; k < pm_pdf_array_get_length (kids); k++) {
    guint num = pm_pdf_object_get_ref (pm_pdf_array_get (kids, k));
    g_assert_cmpuint (num, >, 0);
    g_assert_true (
        pm_pdf_object_is_name (pm_pdf_dict_get (pm_pdf_file_get (f, num), "Type"), "Page"));
    g_array_append_val (nums, num);
  }
  return nums;
}

static void
test_cairo (void)
{
  g_autoptr (GByteArray) pdf = cairo_pdf (2);
  g_assert_true (g_str_has_prefix ((const char *)pdf->data, "%PDF-1."));
  /* Once as cairo wrote it (its version), once as %PDF-1.4, whose table stays classic and
   * is read back here. */
  for (int v = 0; v < 2; v++) {
    if (v)
      memcpy (pdf->data, "%PDF-1.4", 8);
    g_autoptr (GError) error = NULL;
    g_autoptr (PmPdfFile) f = pm_pdf_file_new ("cairo.pdf", pdf->data, pdf->len, &error);
    g_assert_no_error (error);
    double size = 0;
    g_assert_true (
        pm_pdf_object_get_number (pm_pdf_dict_get (pm_pdf_file_get_trailer (f), "Size"), &size));
    /* Every object in the table reads; every stream decodes; one shows text. */
    guint streams = 0, text = 0;
    for (guint k = 1; k < (guint)size; k++) {
      PmPdfObject *o = pm_pdf_file_get (f, k);
      if (!o)
        g_error ("cairo's object %u cannot be read", k);
      GBytes *data = pm_pdf_file_get_stream_data (f, k);
      if (data) {
        streams++;
        gsize n = 0;
        const char *ops = g_bytes_get_data (data, &n);
        if (memmem (ops, n, " Tf", 3) && memmem (ops, n, "BT", 2))
          text++;
        g_bytes_unref (data);
      } else {
        g_assert_null (pm_pdf_dict_get (o, "Filter"));
      }
    }
    g_assert_cmpuint (streams, >=, 3); /* two pages' contents, a font */
    g_assert_cmpuint (text, >=, 1);
    g_autoptr (GArray) pages = page_numbers (f);
    g_assert_cmpuint (pages->len, ==, 2);
    /* A page's content, through its reference. */
    PmPdfObject *contents =
        pm_pdf_dict_get (pm_pdf_file_get (f, g_array_index (pages, guint, 0)), "Contents");
    g_autoptr (GBytes) ops = pm_pdf_file_get_stream_data (f, pm_pdf_object_get_ref (contents));
    g_assert_nonnull (ops);
    g_assert_cmpuint (g_bytes_get_size (ops), >, 0);

    /* Boxes on every page, page labels from an added dictionary. */
    for (guint k = 0; k < pages->len; k++) {
      PmPdfObject *page = pm_pdf_file_edit (f, g_array_index (pages, guint, k));
      PmPdfObject *box = pm_pdf_object_new_array ();
      double b[] = { 8.5, 8.5, PM_TEST_A5_WIDTH - 8.5, PM_TEST_A5_HEIGHT - 8.5 };
      for (int i = 0; i < 4; i++)
        pm_pdf_array_append (box, pm_pdf_object_new_real (b[i], 4));
      pm_pdf_dict_set (page, "TrimBox", box);
    }
    PmPdfObject *labels = pm_pdf_object_new_dict ();
    PmPdfObject *nums = pm_pdf_object_new_array ();
    PmPdfObject *style = pm_pdf_object_new_dict ();
    pm_pdf_dict_set (style, "S", pm_pdf_object_new_name ("r"));
    pm_pdf_array_append (nums, pm_pdf_object_new_int (0));
    pm_pdf_array_append (nums, style);
    pm_pdf_dict_set (labels, "Nums", nums);
    guint root = pm_pdf_object_get_ref (pm_pdf_dict_get (pm_pdf_file_get_trailer (f), "Root"));
    pm_pdf_dict_set (pm_pdf_file_edit (f, root), "PageLabels",
                     pm_pdf_object_new_ref (pm_pdf_file_add (f, labels), 0));
    g_autofree char *name = g_strdup_printf ("cairo-%d.pdf", v);
    g_autofree char *path = written_path (f, name);

    assert_qpdf_clean (path, NULL);
    for (int p = 1; p <= 2; p++) {
      g_autofree char *words = pm_test_pdf_text (path, p, 0, 0, 0, 0);
      g_autofree char *want = g_strdup_printf ("Page %d", p);
      g_assert_cmpstr (words, ==, want);
    }
    g_autofree char *boxes = pm_test_pdf_boxes (path);
    double box[4];
    pm_test_pdf_box (boxes, 2, "/TrimBox", box);
    g_assert_cmpfloat_with_epsilon (box[0], 8.5, 1e-4);
    g_assert_cmpfloat_with_epsilon (box[3], PM_TEST_A5_HEIGHT - 8.5, 1e-4);
    const char *info[] = { "pdfinfo", "-enc", "UTF-8", path, NULL };
    g_autofree char *out = pm_test_run (info);
    g_assert_nonnull (strstr (out, "Title:           Ωμέγα"));
    g_assert_nonnull (strstr (out, "Pages:           2"));
    g_autofree char *label = qpdf_show (path, "trailer", FALSE);
    g_assert_nonnull (strstr (label, "/ID [ <"));

    if (v) {
      /* Read back: every object as it was (or as edited), every stream's data the same. */
      g_autoptr (GBytes) out_bytes = file_bytes (path);
      gsize len = 0;
      const guint8 *data = g_bytes_get_data (out_bytes, &len);
      g_autoptr (PmPdfFile) back = pm_pdf_file_new ("cairo-back.pdf", data, len, &error);
      g_assert_no_error (error);
      for (guint k = 1; k <= (guint)size; k++) {
        g_autofree char *a = object_text (f, k), *b = object_text (back, k);
        g_assert_cmpstr (a, ==, b);
        g_autoptr (GBytes) da = pm_pdf_file_get_stream_data (f, k);
        g_autoptr (GBytes) db = pm_pdf_file_get_stream_data (back, k);
        g_assert_true ((da == NULL) == (db == NULL));
        if (da)
          g_assert_true (g_bytes_equal (da, db));
      }
    }
  }
}

static void
test_write_io_error (void)
{
  g_autoptr (GByteArray) pdf = small_pdf ("1.4", NULL);
  g_autoptr (PmPdfFile) f = pm_pdf_file_new ("small.pdf", pdf->data, pdf->len, NULL);
  g_autofree char *path = tmp ("no/such/directory/out.pdf");
  g_autoptr (GError) error = NULL;
  g_assert_false (pm_pdf_file_write (f, path, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "out.pdf"));
}

/* ---- Files refused ---- */

/* DATA (LEN bytes) is refused with PM_ERROR_INTERNAL, naming the file, a byte, and saying
 * WHAT. */
static void
assert_refused_len (const guint8 *data, gsize len, const char *what)
{
  g_autoptr (GError) error = NULL;
  /* A copy of exactly LEN bytes, so that reading past them is caught by the sanitizers. */
  g_autofree guint8 *copy = g_memdup2 (data, len);
  PmPdfFile *f = pm_pdf_file_new ("bad.pdf", copy, len, &error);
  if (f) {
    pm_pdf_file_free (f);
    g_error ("a file that should say '%s' is read", what);
  }
  g_assert_error (error, PM_ERROR, PM_ERROR_INTERNAL);
  g_assert_true (g_str_has_prefix (error->message, "bad.pdf: byte "));
  if (!strstr (error->message, what))
    g_error ("'%s' does not say '%s'", error->message, what);
}

static void
assert_refused (const char *text, const char *what)
{
  assert_refused_len ((const guint8 *)text, strlen (text), what);
}

static void
test_refused (void)
{
  const char *not_pdf = "hello, world, this is not a PDF";
  assert_refused (not_pdf, "not a PDF");
  assert_refused ("", "not a PDF");
  assert_refused ("%PDF-1", "not a PDF");
  assert_refused ("%!PS-Adobe-3.0\n%%EOF\n", "not a PDF");
  assert_refused ("%PDF-1.4\n1 0 obj\n<< >>\nendobj\n%%EOF\n", "no startxref");
  /* startxref pointing at garbage, past the end, or at nothing. */
  assert_refused ("%PDF-1.4\n1 0 obj\n<< >>\nendobj\nstartxref\n9\n%%EOF\n",
                  "no cross-reference table");
  assert_refused ("%PDF-1.4\n1 0 obj\n<< >>\nendobj\nstartxref\n9999\n%%EOF\n",
                  "startxref gives no offset");
  assert_refused ("%PDF-1.4\n1 0 obj\n<< >>\nendobj\nstartxref\n%%EOF\n",
                  "startxref gives no offset");

  const Obj objs[] = { { 1, 0, "<< /Type /Catalog >>", 0 } };
  /* An updated file, an encrypted one. */
  g_autoptr (GByteArray) updated = make_pdf ("1.4", objs, 1, "/Prev 9", NULL);
  assert_refused_len (updated->data, updated->len, "updated file");
  g_autoptr (GByteArray) hybrid = make_pdf ("1.4", objs, 1, "/XRefStm 9", NULL);
  assert_refused_len (hybrid->data, hybrid->len, "updated file");
  g_autoptr (GByteArray) encrypted = make_pdf ("1.4", objs, 1, "/Encrypt 1 0 R", NULL);
  assert_refused_len (encrypted->data, encrypted->len, "encrypted");

  /* Trailers without /Root, or that are not dictionaries. */
  static const char *const trailers[][2] = {
    { "<< /Size 2 >>", "without /Root" },
    { "<< /Size 2 /Root << >> >>", "without /Root" },
    { "<< /Size 2 /Root 7 0 R >>", "names no object" },
    { "[1 0 R]", "not a dictionary" },
    { "<< /Size 2 /Root 1 0 R", "byte" },
  };
  for (guint k = 0; k < G_N_ELEMENTS (trailers); k++) {
    g_autofree char *tail = g_strconcat ("xref\n0 2\n0000000000 65535 f \n@0 00000 n \ntrailer\n",
                                         trailers[k][0], "\nstartxref\n@X\n%%EOF\n", NULL);
    g_autoptr (GByteArray) t = assemble ("%PDF-1.4\n", objs, 1, tail, NULL);
    assert_refused_len (t->data, t->len, trailers[k][1]);
  }

  /* Tables that are not tables. */
  static const char *const tables[][2] = {
    { "xref\nzero\n", "without a valid range" },
    { "xref\n0 5000000\n", "without a valid range" },
    { "xref\n0 2\n0000000000 65535 f \n@0 00000", "neither n nor f" },
    { "xref\n0 2\n0000000000 65535 f \n@0 00000 x \n", "neither n nor f" },
    { "xref\n0 2\n0000000000 65535 f \n@0 n \n", "without offset and generation" },
    { "xref\n0 3\n0000000000 65535 f \n@0 00000 n \n", "without offset and generation" },
    { "xref\n0 2\n0000000000 65535 f \n0000000000 00000 n \n", "outside the body" },
    { "xref\n0 2\n0000000000 65535 f \n0000999999 00000 n \n", "outside the body" },
    { "xref\n0 2\n0000000000 65535 f \n@0 70000 n \n", "outside the body" },
    { "xref\n0 3\n0000000000 65535 f \n@0 00000 n \n@0 00000 n \n", "two objects at one offset" },
  };
  for (guint k = 0; k < G_N_ELEMENTS (tables); k++) {
    g_autofree char *tail = g_strconcat (
        tables[k][0], "trailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n@X\n%%EOF\n", NULL);
    g_autoptr (GByteArray) t = assemble ("%PDF-1.4\n", objs, 1, tail, NULL);
    assert_refused_len (t->data, t->len, tables[k][1]);
  }

  /* A file whose table is a cross-reference stream, as qpdf writes them. */
  g_autoptr (GByteArray) pdf = small_pdf ("1.4", NULL);
  g_autofree char *in =
      pm_test_write_file ("for-qpdf.pdf", (const char *)pdf->data, (gssize)pdf->len);
  g_autofree char *out = tmp ("xref-stream.pdf");
  const char *argv[] = { "qpdf", "--object-streams=generate", in, out, NULL };
  g_free (pm_test_run (argv));
  g_autoptr (GBytes) xref_stream = file_bytes (out);
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (xref_stream, &len);
  assert_refused_len (data, len, "no cross-reference table");
}

/* Objects the table points at wrongly, or that are broken: NULL when asked for, and
 * pm_pdf_file_write() fails with the first such object's error, naming the file. */
static void
assert_write_fails (PmPdfFile *f, const char *name, const char *what)
{
  g_autofree char *path = tmp ("not-written.pdf");
  g_autoptr (GError) error = NULL;
  g_assert_false (pm_pdf_file_write (f, path, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_INTERNAL);
  g_autofree char *prefix = g_strdup_printf ("%s: ", name);
  if (!g_str_has_prefix (error->message, prefix) || !strstr (error->message, what))
    g_error ("'%s' does not start with '%s' and say '%s'", error->message, prefix, what);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_bad_objects (void)
{
  gsize offsets[7];
  g_autoptr (GByteArray) pdf = small_pdf ("1.4", offsets);
  gsize xref = offsets[6];

  /* Object 5 without its endobj. */
  g_autoptr (GByteArray) no_end = g_byte_array_new ();
  g_byte_array_append (no_end, pdf->data, pdf->len);
  guint8 *p = memmem (no_end->data, no_end->len, "(Small) >>\nendobj", 17);
  g_assert_nonnull (p);
  memcpy (p + 11, "endobx", 6);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmPdfFile) f = pm_pdf_file_new ("no-end.pdf", no_end->data, no_end->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pm_pdf_file_get (f, 1));
  g_assert_null (pm_pdf_file_get (f, 5));
  g_assert_null (pm_pdf_file_get (f, 5)); /* and stays so */
  g_assert_null (pm_pdf_file_edit (f, 5));
  g_assert_null (pm_pdf_file_resolve (f, pm_pdf_dict_get (pm_pdf_file_get_trailer (f), "Info")));
  g_assert_nonnull (pm_pdf_file_get (f, 6));
  assert_write_fails (f, "no-end.pdf", "object 5");
  assert_write_fails (f, "no-end.pdf", "endobj");

  /* The same, found by the writer itself when nobody asked for object 5. */
  g_autoptr (PmPdfFile) f2 = pm_pdf_file_new ("no-end.pdf", no_end->data, no_end->len, NULL);
  assert_write_fails (f2, "no-end.pdf", "object 5");

  /* Objects 5 and 6 swapped in the table: each points at the other's number. */
  g_autoptr (GByteArray) swapped = g_byte_array_new ();
  g_byte_array_append (swapped, pdf->data, pdf->len);
  char *e5 = table_entry (swapped, xref, 5), *e6 = table_entry (swapped, xref, 6), keep[10];
  memcpy (keep, e5, 10);
  memcpy (e5, e6, 10);
  memcpy (e6, keep, 10);
  g_autoptr (PmPdfFile) g = pm_pdf_file_new ("swapped.pdf", swapped->data, swapped->len, &error);
  g_assert_no_error (error);
  g_assert_null (pm_pdf_file_get (g, 5));
  g_assert_null (pm_pdf_file_get (g, 6));
  /* Object 4's indirect /Length is object 6: no data either. */
  g_assert_null (pm_pdf_file_get_stream_data (g, 4));
  g_assert_nonnull (pm_pdf_file_get (g, 3));
  assert_write_fails (g, "swapped.pdf", "the table points at no such object");

  /* The first object that cannot be read is the one the error names. */
  g_autoptr (PmPdfFile) h = pm_pdf_file_new ("swapped.pdf", swapped->data, swapped->len, NULL);
  g_assert_null (pm_pdf_file_get (h, 6));
  g_assert_null (pm_pdf_file_get (h, 5));
  assert_write_fails (h, "swapped.pdf", "object 6");

  /* An entry pointing inside an object, one with the wrong generation, an object without
   * `obj`, objects whose body is not an object, a keyword run into the next word. */
  static const struct {
    const char *find, *replace;
    guint num;
    const char *what;
  } damages[] = {
    { NULL, NULL, 2, "no such object" },
    { NULL, NULL, 3, "no such object" },
    { "3 0 obj", "3 0 obx", 3, "no `obj`" },
    { "<< /Producer (test)", "<< /Producer (test!", 5, "object 5" },
    { "<< /Type /Pages", "<< 7Type /Pages", 2, "dictionary key" },
    { "(Small) >>\nendobj\n", "(Small) >>\nendobjs", 5, "endobj" },
  };
  for (guint k = 0; k < G_N_ELEMENTS (damages); k++) {
    g_autoptr (GByteArray) bad = g_byte_array_new ();
    g_byte_array_append (bad, pdf->data, pdf->len);
    if (k == 0) {
      /* Object 2's entry 3 bytes into the object. */
      char *e2 = table_entry (bad, xref, 2);
      g_autofree char *moved = g_strdup_printf ("%010" G_GSIZE_FORMAT, offsets[1] + 3);
      memcpy (e2, moved, 10);
    } else if (k == 1) {
      /* Object 3's generation 1 in the table, 0 in the body. */
      memcpy (table_entry (bad, xref, 3) + 11, "00001", 5);
    } else {
      guint8 *at = memmem (bad->data, bad->len, damages[k].find, strlen (damages[k].find));
      g_assert_nonnull (at);
      memcpy (at, damages[k].replace, strlen (damages[k].replace));
    }
    g_autoptr (PmPdfFile) d = pm_pdf_file_new ("damaged.pdf", bad->data, bad->len, &error);
    g_assert_no_error (error);
    for (guint num = 1; num <= 6; num++)
      if ((pm_pdf_file_get (d, num) == NULL) != (num == damages[k].num))
        g_error ("damage %u: object %u %s", k, num,
                 num == damages[k].num ? "is read" : "cannot be read");
    assert_write_fails (d, "damaged.pdf", damages[k].what);
  }
}

/* Every prefix of a valid file, and the file with each byte damaged: refused or read, never
 * a crash or a read past the end (the sanitizer build checks); what is written from what
 * is read can be read again. */
typedef struct {
  guint tried, opened, written;
} Counts;

static void
exercise (const guint8 *data, gsize len, const char *path, Counts *counts)
{
  counts->tried++;
  g_autofree guint8 *copy = g_memdup2 (data, len);
  GError *error = NULL;
  PmPdfFile *f = pm_pdf_file_new ("t.pdf", copy, len, &error);
  if (!f) {
    g_assert_error (error, PM_ERROR, PM_ERROR_INTERNAL);
    g_assert_true (g_str_has_prefix (error->message, "t.pdf: "));
    g_error_free (error);
    return;
  }
  g_assert_null (error);
  counts->opened++;
  double size = 0;
  pm_pdf_object_get_number (pm_pdf_dict_get (pm_pdf_file_get_trailer (f), "Size"), &size);
  for (guint k = 0; k < (guint)CLAMP (size, 0, 100) + 3; k++) {
    PmPdfObject *o = pm_pdf_file_get (f, k);
    for (guint i = 0; i < pm_pdf_dict_get_size (o); i++)
      pm_pdf_file_resolve (f, pm_pdf_dict_get (o, pm_pdf_dict_get_key (o, i)));
    GBytes *stream = pm_pdf_file_get_stream_data (f, k);
    if (stream)
      g_bytes_unref (stream);
  }
  guint root = pm_pdf_object_get_ref (pm_pdf_dict_get (pm_pdf_file_get_trailer (f), "Root"));
  PmPdfObject *edited = pm_pdf_file_edit (f, root);
  if (pm_pdf_object_get_type (edited) == PM_PDF_DICT)
    pm_pdf_dict_set (edited, "Added",
                     pm_pdf_object_new_ref (pm_pdf_file_add (f, pm_pdf_object_new_int (1)), 0));
  if (pm_pdf_file_write (f, path, &error)) {
    counts->written++;
    g_autoptr (GBytes) out = file_bytes (path);
    gsize n = 0;
    const guint8 *d = g_bytes_get_data (out, &n);
    if (n > 8 && memcmp (d, "%PDF-1.", 7) == 0 && d[7] >= '0' && d[7] <= '4') {
      PmPdfFile *back = pm_pdf_file_new ("t.pdf", d, n, &error);
      g_assert_no_error (error);
      pm_pdf_file_free (back);
    }
    g_unlink (path);
  } else {
    g_assert_error (error, PM_ERROR, PM_ERROR_INTERNAL);
    g_assert_true (g_str_has_prefix (error->message, "t.pdf: "));
    g_error_free (error);
  }
  pm_pdf_file_free (f);
}

static void
test_damaged (void)
{
  g_autofree char *path = tmp ("damaged.pdf");
  Counts counts = { 0 };
  for (int v = 0; v < 2; v++) {
    g_autoptr (GByteArray) pdf = small_pdf (v ? "1.5" : "1.4", NULL);
    for (gsize n = 0; n <= pdf->len; n++)
      exercise (pdf->data, n, path, &counts);
    if (v)
      continue;
    static const guint8 values[] = { 0, ' ', '0', '9', 'x', '(', '<', '/', 0xff };
    g_autoptr (GByteArray) copy = g_byte_array_new ();
    g_byte_array_append (copy, pdf->data, pdf->len);
    for (gsize k = 0; k < pdf->len; k++) {
      for (guint i = 0; i < G_N_ELEMENTS (values); i++) {
        copy->data[k] = values[i];
        exercise (copy->data, copy->len, path, &counts);
      }
      copy->data[k] = pdf->data[k];
    }
  }
  g_test_message ("%u files: %u read, %u written", counts.tried, counts.opened, counts.written);
  /* Enough of them get as far as being written. */
  g_assert_cmpuint (counts.written, >, counts.tried / 5);
}

/* A trailer whose /Info names an object past the table: written without it (it crashed the
 * writer once). */
static void
test_info_past_table (void)
{
  const Obj objs[] = { { 1, 0, "<< /Type /Catalog /Pages 2 0 R >>", 0 },
                       { 2, 0, "<< /Type /Pages /Kids [] /Count 0 >>", 0 } };
  g_autoptr (GByteArray) pdf = make_pdf ("1.4", objs, 2, "/Info 9 0 R", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PmPdfFile) f = pm_pdf_file_new ("info.pdf", pdf->data, pdf->len, &error);
  g_assert_no_error (error);
  g_autofree char *path = tmp ("info.pdf");
  g_assert_true (pm_pdf_file_write (f, path, &error));
  g_assert_no_error (error);
  assert_qpdf_clean (path, NULL);
  const char *argv[] = { "qpdf", "--show-object=trailer", path, NULL };
  g_autofree char *trailer = pm_test_run (argv);
  g_assert_null (strstr (trailer, "/Info"));
}

/* Writing over a longer file leaves nothing of it behind (its tail, with a longer PDF's own
 * startxref, once stayed after the new %%EOF). */
static void
test_overwrite_longer (void)
{
  g_autoptr (GByteArray) pdf = small_pdf ("1.4", NULL);
  g_autoptr (PmPdfFile) f = pm_pdf_file_new ("small.pdf", pdf->data, pdf->len, NULL);
  g_autofree char *fresh = written_path (f, "fresh.pdf");
  g_autofree char *old = g_strnfill (100000, 'x');
  g_autofree char *path = pm_test_write_file ("overwritten.pdf", old, -1);
  g_autoptr (GError) error = NULL;
  g_assert_true (pm_pdf_file_write (f, path, &error));
  GStatBuf a, b;
  g_assert_cmpint (g_stat (fresh, &a), ==, 0);
  g_assert_cmpint (g_stat (path, &b), ==, 0);
  if (a.st_size != b.st_size)
    g_error ("%s: %ld bytes written over 100000, %ld bytes after", path, (long)a.st_size,
             (long)b.st_size);
  g_assert_true (pm_test_same_file (fresh, path));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf-file/read", test_read);
  g_test_add_func ("/pdf-file/read/table-forms", test_read_table_forms);
  g_test_add_func ("/pdf-file/read/streams", test_streams);
  g_test_add_func ("/pdf-file/write/classic", test_write_classic);
  g_test_add_func ("/pdf-file/write/pdf-1.5", test_write_15);
  g_test_add_func ("/pdf-file/write/deterministic", test_deterministic);
  g_test_add_func ("/pdf-file/write/add", test_add);
  g_test_add_func ("/pdf-file/write/cairo", test_cairo);
  g_test_add_func ("/pdf-file/write/io-error", test_write_io_error);
  g_test_add_func ("/pdf-file/refused", test_refused);
  g_test_add_func ("/pdf-file/bad-objects", test_bad_objects);
  g_test_add_func ("/pdf-file/damaged", test_damaged);
  g_test_add_func ("/pdf-file/write/info-past-table", test_info_past_table);
  g_test_add_func ("/pdf-file/write/overwrite-longer", test_overwrite_longer);
  return g_test_run ();
}
