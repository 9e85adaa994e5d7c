/* test-pdf-object.c: PDF values read from bytes, built, edited and written back. */
#include "base/pm-error.h"
#include "output/pm-pdf-object.h"

#include <string.h>

/* TEXT read as one object, and the position after it. */
static PmPdfObject *
read_text (const char *text, gsize *end, GError **error)
{
  gsize pos = 0;
  PmPdfObject *o = pm_pdf_object_read ((const guint8 *)text, strlen (text), &pos, error);
  if (end)
    *end = pos;
  return o;
}

static char *
written (const PmPdfObject *o)
{
  GString *s = g_string_new (NULL);
  pm_pdf_object_write (o, s);
  return g_string_free (s, FALSE);
}

/* TEXT read and written again gives WANT. */
static void
assert_round (const char *text, const char *want)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PmPdfObject) o = read_text (text, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (o);
  g_autofree char *out = written (o);
  g_assert_cmpstr (out, ==, want);
  /* And what is written reads back to the same. */
  g_autoptr (PmPdfObject) again = read_text (out, NULL, &error);
  g_assert_no_error (error);
  g_autofree char *out2 = written (again);
  g_assert_cmpstr (out2, ==, want);
}

static void
test_scalars (void)
{
  assert_round ("null", "null");
  assert_round ("true", "true");
  assert_round ("false", "false");
  assert_round ("  % a comment\n 42", "42");
  assert_round ("-17", "-17");
  assert_round ("+5", "5");
  /* A real keeps the digits it was written with. */
  assert_round ("419.527557", "419.527557");
  assert_round ("-.5", "-0.5");
  assert_round ("3.", "3");
  assert_round ("-0.0", "0");
  assert_round ("/Type", "/Type");
  assert_round ("/A#20B", "/A#20B");
  assert_round ("/A#2fB", "/A#2FB");
  assert_round ("/", "/");
  assert_round ("12 0 R", "12 0 R");
}

static void
test_numbers_and_refs (void)
{
  double v = 0;
  g_autoptr (PmPdfObject) i = read_text ("7", NULL, NULL);
  g_assert_cmpint (pm_pdf_object_get_type (i), ==, PM_PDF_INT);
  g_assert_true (pm_pdf_object_get_number (i, &v));
  g_assert_cmpfloat (v, ==, 7);
  g_autoptr (PmPdfObject) r = read_text ("1.25", NULL, NULL);
  g_assert_cmpint (pm_pdf_object_get_type (r), ==, PM_PDF_REAL);
  g_assert_true (pm_pdf_object_get_number (r, &v));
  g_assert_cmpfloat (v, ==, 1.25);
  g_assert_false (pm_pdf_object_get_number (NULL, &v));

  /* "1 0 R" is a reference; "1 0" two integers; "1 0 Rx" not a reference. */
  gsize end = 0;
  g_autoptr (PmPdfObject) ref = read_text ("1 0 R]", &end, NULL);
  g_assert_cmpint (pm_pdf_object_get_type (ref), ==, PM_PDF_REF);
  g_assert_cmpuint (pm_pdf_object_get_ref (ref), ==, 1);
  g_assert_cmpuint (end, ==, 5);
  g_autoptr (PmPdfObject) two = read_text ("1 0", &end, NULL);
  g_assert_cmpint (pm_pdf_object_get_type (two), ==, PM_PDF_INT);
  g_assert_cmpuint (end, ==, 1);
  g_autoptr (PmPdfObject) rx = read_text ("1 0 Rx", &end, NULL);
  g_assert_cmpint (pm_pdf_object_get_type (rx), ==, PM_PDF_INT);
  g_assert_cmpuint (pm_pdf_object_get_ref (rx), ==, 0);
  assert_round ("[1 0 R 2 0 3 0 R]", "[1 0 R 2 0 3 0 R]");
  /* Object 0 is never a reference. */
  g_autoptr (PmPdfObject) zero = read_text ("0 0 R", NULL, NULL);
  g_assert_cmpint (pm_pdf_object_get_type (zero), ==, PM_PDF_INT);
}

static void
test_strings (void)
{
  gsize len = 0;
  g_autoptr (PmPdfObject) s =
      read_text ("(a\\(b\\)c \\101\\60x \\n(nested (deep)) line\\\ncontinued\r\nend)", NULL, NULL);
  g_assert_nonnull (s);
  const char *bytes = pm_pdf_object_get_string (s, &len);
  static const char want[] = "a(b)c A0x \n(nested (deep)) linecontinued\nend";
  g_assert_cmpmem (bytes, len, want, sizeof want - 1);
  /* Hexadecimal: spaces ignored, an odd last digit as if followed by 0. */
  g_autoptr (PmPdfObject) h = read_text ("<48 65 6C6C 6F2>", NULL, NULL);
  bytes = pm_pdf_object_get_string (h, &len);
  g_assert_cmpmem (bytes, len, "Hello ", 6);
  /* Printable ASCII is written as a literal, anything else in hexadecimal. */
  assert_round ("(a\\)b)", "(a\\)b)");
  assert_round ("<00ff>", "<00FF>");
  assert_round ("(two\\nlines)", "<74776F0A6C696E6573>");
  g_autoptr (PmPdfObject) name = pm_pdf_object_new_name ("S");
  g_assert_null (pm_pdf_object_get_string (name, &len));
}

static void
test_text (void)
{
  g_autoptr (PmPdfObject) ascii = pm_pdf_object_new_text ("sec-a.1");
  g_autofree char *a = written (ascii);
  g_assert_cmpstr (a, ==, "(sec-a.1)");
  /* Anything else: UTF-16BE with a byte order mark. */
  g_autoptr (PmPdfObject) greek = pm_pdf_object_new_text ("Πρώτο");
  g_autofree char *g = written (greek);
  g_assert_cmpstr (g, ==, "<FEFF03A003C103CE03C403BF>");
  g_autoptr (PmPdfObject) emoji = pm_pdf_object_new_text ("a\xF0\x9F\x98\x80");
  g_autofree char *e = written (emoji);
  g_assert_cmpstr (e, ==, "<FEFF0061D83DDE00>");
}

static void
test_containers (void)
{
  assert_round ("<</Type/Page/Kids[1 0 R 2 0 R]/Count 2>>",
                "<< /Type /Page /Kids [1 0 R 2 0 R] /Count 2 >>");
  assert_round ("[ ]", "[]");
  assert_round ("<< >>", "<< >>");
  assert_round ("[[1 [2]] << /A << /B (c) >> >>]", "[[1 [2]] << /A << /B (c) >> >>]");

  g_autoptr (PmPdfObject) d = read_text ("<< /A 1 /B 2 /C 3 /A 4 >>", NULL, NULL);
  /* A key given twice keeps its last value, in its first place. */
  g_autofree char *w0 = written (d);
  g_assert_cmpstr (w0, ==, "<< /A 4 /B 2 /C 3 >>");
  pm_pdf_dict_set (d, "B", pm_pdf_object_new_name ("X"));
  pm_pdf_dict_set (d, "D", pm_pdf_object_new_real (1.23456, 2));
  pm_pdf_dict_remove (d, "A");
  pm_pdf_dict_remove (d, "missing");
  g_autofree char *w1 = written (d);
  g_assert_cmpstr (w1, ==, "<< /B /X /C 3 /D 1.23 >>");
  g_assert_cmpuint (pm_pdf_dict_get_size (d), ==, 3);
  g_assert_cmpstr (pm_pdf_dict_get_key (d, 2), ==, "D");
  g_assert_null (pm_pdf_dict_get_key (d, 3));
  g_assert_true (pm_pdf_object_is_name (pm_pdf_dict_get (d, "B"), "X"));
  g_assert_null (pm_pdf_dict_get (d, "A"));

  g_autoptr (PmPdfObject) a = pm_pdf_object_new_array ();
  pm_pdf_array_append (a, pm_pdf_object_new_int (1));
  pm_pdf_array_append (a, pm_pdf_object_new_ref (5, 0));
  pm_pdf_array_set (a, 0, pm_pdf_object_new_string ("x", 1));
  g_assert_cmpuint (pm_pdf_array_get_length (a), ==, 2);
  g_assert_null (pm_pdf_array_get (a, 2));
  g_autofree char *w2 = written (a);
  g_assert_cmpstr (w2, ==, "[(x) 5 0 R]");
  /* Not an array, not a dictionary: empty. */
  g_assert_cmpuint (pm_pdf_array_get_length (d), ==, 0);
  g_assert_cmpuint (pm_pdf_dict_get_size (a), ==, 0);
}

/* TEXT is refused with an error naming byte AT. */
static void
assert_refused (const char *text, gsize at)
{
  g_autoptr (GError) error = NULL;
  gsize pos = 0;
  PmPdfObject *o = pm_pdf_object_read ((const guint8 *)text, strlen (text), &pos, &error);
  g_assert_null (o);
  g_assert_error (error, PM_ERROR, PM_ERROR_INTERNAL);
  g_autofree char *want = g_strdup_printf ("byte %" G_GSIZE_FORMAT ":", at);
  g_assert_true (g_str_has_prefix (error->message, want));
  g_assert_cmpuint (pos, ==, 0); /* not moved */
}

static void
test_errors (void)
{
  assert_refused ("(no end", 7);
  assert_refused ("<< /A 1", 7);
  assert_refused ("<< 1 2 >>", 3);
  assert_refused ("<4G>", 3);
  assert_refused ("[1 2", 4);
  assert_refused ("", 0);
  assert_refused ("endobj", 0);
  assert_refused ("1.2.3", 0);
  assert_refused ("12abc", 0);
  /* Nesting deeper than 64 arrays. */
  GString *deep = g_string_new (NULL);
  for (int i = 0; i < 70; i++)
    g_string_append_c (deep, '[');
  assert_refused (deep->str, 65);
  g_string_free (deep, TRUE);
  /* 64 deep is read. */
  GString *ok = g_string_new (NULL);
  for (int i = 0; i < 64; i++)
    g_string_append_c (ok, '[');
  for (int i = 0; i < 64; i++)
    g_string_append_c (ok, ']');
  g_autoptr (PmPdfObject) o = read_text (ok->str, NULL, NULL);
  g_assert_nonnull (o);
  g_string_free (ok, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf-object/scalars", test_scalars);
  g_test_add_func ("/pdf-object/numbers-and-refs", test_numbers_and_refs);
  g_test_add_func ("/pdf-object/strings", test_strings);
  g_test_add_func ("/pdf-object/text", test_text);
  g_test_add_func ("/pdf-object/containers", test_containers);
  g_test_add_func ("/pdf-object/errors", test_errors);
  return g_test_run ();
}
