/* test-pdf-object.c: PDF values (pm-pdf-object) read from bytes, built, edited and written
 * back: every type both ways, string escapes, names, references, reals, text strings,
 * dictionaries' order, and errors that name their byte. */
#include "base/pm-error.h"
#include "output/pm-pdf-object.h"

#include <math.h>
#include <string.h>

/* TEXT (LEN bytes, or up to its NUL if LEN < 0) read as one object from byte START; the
 * position after it in *END. */
static PmPdfObject *
read_at (const char *text, gssize len, gsize start, gsize *end, GError **error)
{
  gsize pos = start;
  PmPdfObject *o =
      pm_pdf_object_read ((const guint8 *)text, len < 0 ? strlen (text) : (gsize)len, &pos, error);
  if (end)
    *end = pos;
  return o;
}

/* TEXT read as one object, which must be there. */
static PmPdfObject *
read_ok (const char *text, gsize *end)
{
  g_autoptr (GError) error = NULL;
  PmPdfObject *o = read_at (text, -1, 0, end, &error);
  g_assert_no_error (error);
  g_assert_nonnull (o);
  return o;
}

static char *
written (const PmPdfObject *o)
{
  GString *s = g_string_new (NULL);
  pm_pdf_object_write (o, s);
  return g_string_free (s, FALSE);
}

/* Whether A and B hold the same value, compared through the getters (names and references,
 * which have no getter for their text, through what they write). */
static gboolean
same_value (const PmPdfObject *a, const PmPdfObject *b)
{
  PmPdfType type = pm_pdf_object_get_type (a);
  if (type != pm_pdf_object_get_type (b))
    return FALSE;
  switch (type) {
    case PM_PDF_INT:
    case PM_PDF_REAL: {
      double x = 0, y = 0;
      return pm_pdf_object_get_number (a, &x) && pm_pdf_object_get_number (b, &y) && x == y;
    }
    case PM_PDF_STRING: {
      gsize m = 0, n = 0;
      const char *s = pm_pdf_object_get_string (a, &m), *t = pm_pdf_object_get_string (b, &n);
      return m == n && memcmp (s, t, m) == 0;
    }
    case PM_PDF_ARRAY:
      if (pm_pdf_array_get_length (a) != pm_pdf_array_get_length (b))
        return FALSE;
      for (guint k = 0; k < pm_pdf_array_get_length (a); k++)
        if (!same_value (pm_pdf_array_get (a, k), pm_pdf_array_get (b, k)))
          return FALSE;
      return TRUE;
    case PM_PDF_DICT:
      if (pm_pdf_dict_get_size (a) != pm_pdf_dict_get_size (b))
        return FALSE;
      for (guint k = 0; k < pm_pdf_dict_get_size (a); k++) {
        const char *key = pm_pdf_dict_get_key (a, k);
        if (strcmp (key, pm_pdf_dict_get_key (b, k)) != 0 ||
            !same_value (pm_pdf_dict_get (a, key), pm_pdf_dict_get (b, key)))
          return FALSE;
      }
      return TRUE;
    case PM_PDF_REF:
      if (pm_pdf_object_get_ref (a) != pm_pdf_object_get_ref (b))
        return FALSE;
      break;
    case PM_PDF_NULL:
    case PM_PDF_BOOL:
    case PM_PDF_NAME:
      break;
  }
  g_autofree char *x = written (a), *y = written (b);
  return strcmp (x, y) == 0;
}

/* TEXT read is one object of TYPE that ends at the end of TEXT and is written as WANT; WANT
 * read back is the same value and written the same. */
static void
assert_round (const char *text, PmPdfType type, const char *want)
{
  gsize end = 0;
  g_autoptr (PmPdfObject) o = read_ok (text, &end);
  g_assert_cmpint (pm_pdf_object_get_type (o), ==, type);
  g_assert_cmpuint (end, ==, strlen (text));
  g_autofree char *out = written (o);
  g_assert_cmpstr (out, ==, want);
  g_autoptr (PmPdfObject) again = read_ok (out, &end);
  g_assert_cmpuint (end, ==, strlen (out));
  g_autofree char *out2 = written (again);
  g_assert_cmpstr (out2, ==, want);
  /* A real written without a point reads back as an integer: the value is what counts. */
  if (type != PM_PDF_REAL)
    g_assert_true (same_value (o, again));
}

/* O written is WANT, and WANT read back is the same value. */
static void
assert_writes (PmPdfObject *o, const char *want)
{
  g_autofree char *out = written (o);
  g_assert_cmpstr (out, ==, want);
  gsize end = 0;
  g_autoptr (PmPdfObject) back = read_ok (out, &end);
  g_assert_cmpuint (end, ==, strlen (out));
  double x = 0, y = 0;
  if (pm_pdf_object_get_type (o) == PM_PDF_REAL) {
    /* A real rounded to its decimals may read back as an integer. */
    g_assert_true (pm_pdf_object_get_number (o, &x) && pm_pdf_object_get_number (back, &y));
    g_assert_cmpfloat_with_epsilon (x, y, 1e-4);
  } else {
    g_assert_true (same_value (o, back));
  }
  pm_pdf_object_free (o);
}

static void
test_round_trip_read (void)
{
  assert_round ("null", PM_PDF_NULL, "null");
  assert_round ("true", PM_PDF_BOOL, "true");
  assert_round ("false", PM_PDF_BOOL, "false");
  assert_round ("0", PM_PDF_INT, "0");
  assert_round ("-17", PM_PDF_INT, "-17");
  assert_round ("+5", PM_PDF_INT, "5");
  assert_round ("007", PM_PDF_INT, "7");
  assert_round ("1234567890123", PM_PDF_INT, "1234567890123");
  assert_round ("-0", PM_PDF_INT, "0");
  /* A real is written with the decimals it was read with, trailing zeros dropped. */
  assert_round ("419.527557", PM_PDF_REAL, "419.527557");
  assert_round ("-419.527557", PM_PDF_REAL, "-419.527557");
  assert_round ("0.000001", PM_PDF_REAL, "0.000001");
  assert_round ("-0.0", PM_PDF_REAL, "0");
  assert_round ("-0.0001", PM_PDF_REAL, "-0.0001");
  assert_round ("-.5", PM_PDF_REAL, "-0.5");
  assert_round (".25", PM_PDF_REAL, "0.25");
  assert_round ("+1.50", PM_PDF_REAL, "1.5");
  assert_round ("3.", PM_PDF_REAL, "3");
  assert_round ("3.000", PM_PDF_REAL, "3");
  assert_round ("595.2756", PM_PDF_REAL, "595.2756");
  assert_round ("/Type", PM_PDF_NAME, "/Type");
  assert_round ("/", PM_PDF_NAME, "/");
  assert_round ("(Hello)", PM_PDF_STRING, "(Hello)");
  assert_round ("()", PM_PDF_STRING, "()");
  assert_round ("<00ff>", PM_PDF_STRING, "<00FF>");
  assert_round ("[1 2.5 /N (s) null true [] << >>]", PM_PDF_ARRAY,
                "[1 2.5 /N (s) null true [] << >>]");
  assert_round ("<</Type/Page/Kids[1 0 R 2 0 R]/Count 2>>", PM_PDF_DICT,
                "<< /Type /Page /Kids [1 0 R 2 0 R] /Count 2 >>");
  assert_round ("[ ]", PM_PDF_ARRAY, "[]");
  assert_round ("<<>>", PM_PDF_DICT, "<< >>");
  assert_round ("[[1 [2]] << /A << /B (c) >> >>]", PM_PDF_ARRAY, "[[1 [2]] << /A << /B (c) >> >>]");
  assert_round ("12 0 R", PM_PDF_REF, "12 0 R");
  assert_round ("7 3 R", PM_PDF_REF, "7 3 R");
  /* White space and comments around and inside. */
  assert_round ("  % a comment\n 42", PM_PDF_INT, "42");
  assert_round ("\t\r\n\f<<%c\r/A%c\n1 %c\n>>", PM_PDF_DICT, "<< /A 1 >>");
}

/* Built values of every type are written as PDF syntax that reads back to them. */
static void
test_round_trip_built (void)
{
  assert_writes (pm_pdf_object_new_null (), "null");
  assert_writes (pm_pdf_object_new_int (0), "0");
  assert_writes (pm_pdf_object_new_int (-42), "-42");
  assert_writes (pm_pdf_object_new_int (G_MAXINT64 / 100), "92233720368547758");
  assert_writes (pm_pdf_object_new_real (419.527557, 6), "419.527557");
  assert_writes (pm_pdf_object_new_real (1.0 / 3.0, 4), "0.3333");
  assert_writes (pm_pdf_object_new_real (2.5, 3), "2.5");
  assert_writes (pm_pdf_object_new_real (-0.00001, 2), "0");
  assert_writes (pm_pdf_object_new_real (-1.25, 2), "-1.25");
  assert_writes (pm_pdf_object_new_name ("FlateDecode"), "/FlateDecode");
  assert_writes (pm_pdf_object_new_name ("A B/C#D(E)"), "/A#20B#2FC#23D#28E#29");
  assert_writes (pm_pdf_object_new_name ("caf\xc3\xa9"), "/caf#C3#A9");
  assert_writes (pm_pdf_object_new_string ("a(b)c\\d", 7), "(a\\(b\\)c\\\\d)");
  assert_writes (pm_pdf_object_new_string ("tab\there", 8), "<7461620968657265>");
  assert_writes (pm_pdf_object_new_string ("\0\x01\xff", 3), "<0001FF>");
  assert_writes (pm_pdf_object_new_string (NULL, 0), "()");
  assert_writes (pm_pdf_object_new_ref (5, 0), "5 0 R");
  assert_writes (pm_pdf_object_new_ref (4000000, 65535), "4000000 65535 R");
  assert_writes (pm_pdf_object_new_array (), "[]");
  assert_writes (pm_pdf_object_new_dict (), "<< >>");

  /* Every byte value survives a string's round trip. */
  char all[256];
  for (int k = 0; k < 256; k++)
    all[k] = (char)k;
  PmPdfObject *bytes = pm_pdf_object_new_string (all, sizeof all);
  g_autofree char *hex = written (bytes);
  g_assert_cmpuint (strlen (hex), ==, 2 + 2 * 256);
  assert_writes (bytes, hex);

  /* Containers of everything, nested. */
  PmPdfObject *d = pm_pdf_object_new_dict ();
  PmPdfObject *a = pm_pdf_object_new_array ();
  pm_pdf_array_append (a, pm_pdf_object_new_int (1));
  pm_pdf_array_append (a, pm_pdf_object_new_real (0.5, 2));
  pm_pdf_array_append (a, pm_pdf_object_new_null ());
  pm_pdf_array_append (a, pm_pdf_object_new_ref (3, 0));
  pm_pdf_array_append (a, pm_pdf_object_new_text ("Ω"));
  pm_pdf_dict_set (d, "Array", a);
  pm_pdf_dict_set (d, "Name With Space", pm_pdf_object_new_name ("x"));
  PmPdfObject *inner = pm_pdf_object_new_dict ();
  pm_pdf_dict_set (inner, "S", pm_pdf_object_new_string ("(", 1));
  pm_pdf_dict_set (d, "Inner", inner);
  assert_writes (d, "<< /Array [1 0.5 null 3 0 R <FEFF03A9>] /Name#20With#20Space /x "
                    "/Inner << /S (\\() >> >>");
}

static void
test_booleans (void)
{
  /* Booleans have no getter: what they write tells them apart. */
  g_autoptr (PmPdfObject) t = read_ok ("true", NULL);
  g_autoptr (PmPdfObject) f = read_ok ("false]", NULL);
  g_assert_cmpint (pm_pdf_object_get_type (t), ==, PM_PDF_BOOL);
  g_assert_false (same_value (t, f));
  double v = 0;
  g_assert_false (pm_pdf_object_get_number (t, &v));
}

/* TEXT (TEXT_LEN bytes), a literal string, holds the LEN bytes WANT. */
static void
assert_string_len (const char *text, gsize text_len, const char *want, gsize len)
{
  gsize end = 0, n = 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (PmPdfObject) o = read_at (text, (gssize)text_len, 0, &end, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pm_pdf_object_get_type (o), ==, PM_PDF_STRING);
  g_assert_cmpuint (end, ==, text_len);
  const char *bytes = pm_pdf_object_get_string (o, &n);
  g_assert_cmpmem (bytes, n, want, len);
}

/* Both string constants, NUL bytes and all. */
#define ASSERT_STRING(text, want) assert_string_len (text, sizeof text - 1, want, sizeof want - 1)

static void
test_literal_strings (void)
{
  /* The escapes of 7.3.4.2. */
  ASSERT_STRING ("(a\\nb)", "a\nb");
  ASSERT_STRING ("(\\r\\t\\b\\f)", "\r\t\b\f");
  ASSERT_STRING ("(\\(\\)\\\\)", "()\\");
  /* An unknown escape stands for the character; the backslash is dropped. */
  ASSERT_STRING ("(\\q\\/)", "q/");
  /* Octal: one to three digits, a fourth is a character of its own; overflow wraps. */
  ASSERT_STRING ("(\\101\\60x\\0\\7)", "A0x\0\a");
  ASSERT_STRING ("(\\1234)", "S4");
  ASSERT_STRING ("(\\0053)", "\0053");
  ASSERT_STRING ("(\\777)", "\xff");
  ASSERT_STRING ("(\\8)", "8");
  /* A backslash at the end of a line continues it: LF, CR LF or CR. */
  ASSERT_STRING ("(one\\\ntwo)", "onetwo");
  ASSERT_STRING ("(one\\\r\ntwo)", "onetwo");
  ASSERT_STRING ("(one\\\rtwo)", "onetwo");
  /* Balanced parentheses need no escape. */
  ASSERT_STRING ("(a (b (c)) d)", "a (b (c)) d");
  ASSERT_STRING ("(\\(unbalanced)", "(unbalanced");
  /* An end of line inside a string is a line feed, whichever it was. */
  ASSERT_STRING ("(a\rb)", "a\nb");
  ASSERT_STRING ("(a\r\nb)", "a\nb");
  ASSERT_STRING ("(a\nb)", "a\nb");
  ASSERT_STRING ("(a\n\rb)", "a\n\nb");
  ASSERT_STRING ("(a\r\rb)", "a\n\nb");
  /* Bytes that are not ASCII, and NUL, are kept. */
  ASSERT_STRING ("(\xce\xa9\0z)", "\xce\xa9\0z");
  ASSERT_STRING ("(a\\(b\\)c \\101\\60x \\n(nested (deep)) line\\\ncontinued\r\nend)",
                 "a(b)c A0x \n(nested (deep)) linecontinued\nend");

  /* The string ends at its closing parenthesis: what follows is left. */
  gsize end = 0;
  g_autoptr (PmPdfObject) first = read_at ("(a)(b)", -1, 0, &end, NULL);
  g_assert_cmpuint (end, ==, 3);
  gsize n = 0;
  g_assert_cmpmem (pm_pdf_object_get_string (first, &n), n, "a", 1);
  g_autoptr (PmPdfObject) second = read_at ("(a)(b)", -1, end, &end, NULL);
  g_assert_cmpuint (end, ==, 6);
  g_assert_cmpmem (pm_pdf_object_get_string (second, &n), n, "b", 1);

  /* Written back: printable ASCII as a literal with ( ) \ escaped, anything else in
   * hexadecimal. */
  assert_round ("(a\\)b)", PM_PDF_STRING, "(a\\)b)");
  assert_round ("(a(b)c)", PM_PDF_STRING, "(a\\(b\\)c)");
  assert_round ("(back\\\\slash)", PM_PDF_STRING, "(back\\\\slash)");
  assert_round ("(two\\nlines)", PM_PDF_STRING, "<74776F0A6C696E6573>");
  assert_round ("(\\101\\102)", PM_PDF_STRING, "(AB)");
  assert_round ("(\x7f)", PM_PDF_STRING, "<7F>");
}

static void
test_hex_strings (void)
{
  gsize n = 0;
  /* White space anywhere is ignored; an odd last digit is followed by 0 (7.3.4.3). */
  g_autoptr (PmPdfObject) h = read_ok ("<48 65 6C6C\n6F2>", NULL);
  g_assert_cmpmem (pm_pdf_object_get_string (h, &n), n, "Hello ", 6);
  g_autoptr (PmPdfObject) odd = read_ok ("<7>", NULL);
  g_assert_cmpmem (pm_pdf_object_get_string (odd, &n), n, "p", 1);
  g_autoptr (PmPdfObject) space = read_ok ("< 4\t1\r4\f2 >", NULL);
  g_assert_cmpmem (pm_pdf_object_get_string (space, &n), n, "AB", 2);
  g_autoptr (PmPdfObject) cases = read_ok ("<aBcD>", NULL);
  g_assert_cmpmem (pm_pdf_object_get_string (cases, &n), n, "\xab\xcd", 2);
  g_autoptr (PmPdfObject) empty = read_ok ("<>", NULL);
  g_assert_nonnull (pm_pdf_object_get_string (empty, &n));
  g_assert_cmpuint (n, ==, 0);
  assert_round ("<48656C6C6F>", PM_PDF_STRING, "(Hello)");
  assert_round ("<FEFF03A9>", PM_PDF_STRING, "<FEFF03A9>");
  assert_round ("<0>", PM_PDF_STRING, "<00>");
  /* A hexadecimal string next to a dictionary's brackets. */
  assert_round ("<</A<41>>>", PM_PDF_DICT, "<< /A (A) >>");
}

/* TEXT, a name, is the name WANT and is written as WRITE. */
static void
assert_name (const char *text, const char *want, const char *write)
{
  gsize end = 0;
  g_autoptr (PmPdfObject) o = read_ok (text, &end);
  g_assert_cmpint (pm_pdf_object_get_type (o), ==, PM_PDF_NAME);
  if (!pm_pdf_object_is_name (o, want))
    g_error ("%s is not read as the name '%s'", text, want);
  g_autofree char *out = written (o);
  g_assert_cmpstr (out, ==, write);
  g_autoptr (PmPdfObject) back = read_ok (out, NULL);
  g_assert_true (pm_pdf_object_is_name (back, want));
}

static void
test_names (void)
{
  assert_name ("/Type", "Type", "/Type");
  assert_name ("/A#20B", "A B", "/A#20B");
  assert_name ("/A#2fB", "A/B", "/A#2FB");
  assert_name ("/#41#42", "AB", "/AB");
  assert_name ("/a#23b", "a#b", "/a#23b");
  assert_name ("/caf#C3#A9", "caf\xc3\xa9", "/caf#C3#A9");
  assert_name ("/caf\xc3\xa9", "caf\xc3\xa9", "/caf#C3#A9");
  assert_name ("/Lime#20Green", "Lime Green", "/Lime#20Green");
  assert_name ("/paired#28#29parentheses", "paired()parentheses", "/paired#28#29parentheses");
  /* A # without two hexadecimal digits is itself, written escaped. */
  assert_name ("/a#zz", "a#zz", "/a#23zz");
  assert_name ("/a#4", "a#4", "/a#234");
  /* NUL cannot be in a name (7.3.5): #00 is dropped. */
  assert_name ("/a#00b", "ab", "/ab");
  /* Characters that are regular in a name are not escaped. */
  assert_name ("/A;B_C-D.E*F@G", "A;B_C-D.E*F@G", "/A;B_C-D.E*F@G");
  /* A name ends at a delimiter or white space. */
  gsize end = 0;
  g_autoptr (PmPdfObject) n = read_ok ("/Name/Next", &end);
  g_assert_cmpuint (end, ==, 5);
  g_assert_true (pm_pdf_object_is_name (n, "Name"));
  g_assert_false (pm_pdf_object_is_name (n, "Nam"));
  g_autoptr (PmPdfObject) s = pm_pdf_object_new_string ("Name", 4);
  g_assert_false (pm_pdf_object_is_name (s, "Name"));
  g_assert_false (pm_pdf_object_is_name (NULL, "Name"));
}

static void
test_references (void)
{
  /* "1 0 R" is a reference; "1 0" two integers; "1 0 Rx" an integer and more. */
  gsize end = 0;
  g_autoptr (PmPdfObject) ref = read_ok ("1 0 R", &end);
  g_assert_cmpint (pm_pdf_object_get_type (ref), ==, PM_PDF_REF);
  g_assert_cmpuint (pm_pdf_object_get_ref (ref), ==, 1);
  g_assert_cmpuint (end, ==, 5);
  g_autoptr (PmPdfObject) ref2 = read_ok ("1 0 R]", &end);
  g_assert_cmpint (pm_pdf_object_get_type (ref2), ==, PM_PDF_REF);
  g_assert_cmpuint (end, ==, 5);
  g_autoptr (PmPdfObject) two = read_ok ("1 0", &end);
  g_assert_cmpint (pm_pdf_object_get_type (two), ==, PM_PDF_INT);
  g_assert_cmpuint (pm_pdf_object_get_ref (two), ==, 0);
  g_assert_cmpuint (end, ==, 1);
  g_autoptr (PmPdfObject) second = read_at ("1 0", -1, end, &end, NULL);
  g_assert_cmpint (pm_pdf_object_get_type (second), ==, PM_PDF_INT);
  g_assert_cmpuint (end, ==, 3);
  g_autoptr (PmPdfObject) rx = read_ok ("1 0 Rx", &end);
  g_assert_cmpint (pm_pdf_object_get_type (rx), ==, PM_PDF_INT);
  g_assert_cmpuint (end, ==, 1);
  /* "1 0 obj" starts an object: its number, not a reference. */
  g_autoptr (PmPdfObject) obj = read_ok ("1 0 obj", &end);
  g_assert_cmpint (pm_pdf_object_get_type (obj), ==, PM_PDF_INT);
  g_assert_cmpuint (end, ==, 1);
  /* Comments are white space between the parts. */
  g_autoptr (PmPdfObject) commented = read_ok ("4 %x\n0 %y\nR", &end);
  g_assert_cmpuint (pm_pdf_object_get_ref (commented), ==, 4);
  /* Inside arrays, references and integers side by side. */
  g_autoptr (PmPdfObject) a = read_ok ("[1 0 R 2 0 3 0 R 4 5]", NULL);
  g_assert_cmpuint (pm_pdf_array_get_length (a), ==, 6);
  g_assert_cmpuint (pm_pdf_object_get_ref (pm_pdf_array_get (a, 0)), ==, 1);
  g_assert_cmpint (pm_pdf_object_get_type (pm_pdf_array_get (a, 1)), ==, PM_PDF_INT);
  g_assert_cmpint (pm_pdf_object_get_type (pm_pdf_array_get (a, 2)), ==, PM_PDF_INT);
  g_assert_cmpuint (pm_pdf_object_get_ref (pm_pdf_array_get (a, 3)), ==, 3);
  assert_round ("[1 0 R 2 0 3 0 R 4 5]", PM_PDF_ARRAY, "[1 0 R 2 0 3 0 R 4 5]");
  assert_round ("[1 0 R/A 2 0 R]", PM_PDF_ARRAY, "[1 0 R /A 2 0 R]");
  /* Object 0, negative numbers, reals and generations past 65535 make no reference. */
  static const char *const not_refs[] = { "0 0 R",   "-1 0 R",  "1 -1 R",
                                          "1.0 0 R", "1 0.0 R", "1 65536 R" };
  for (guint k = 0; k < G_N_ELEMENTS (not_refs); k++) {
    g_autoptr (PmPdfObject) o = read_ok (not_refs[k], &end);
    g_assert_cmpint (pm_pdf_object_get_type (o), !=, PM_PDF_REF);
    g_assert_cmpuint (pm_pdf_object_get_ref (o), ==, 0);
  }
  g_autoptr (PmPdfObject) big_gen = read_ok ("1 65535 R", NULL);
  g_assert_cmpint (pm_pdf_object_get_type (big_gen), ==, PM_PDF_REF);
}

static void
test_numbers (void)
{
  double v = 0;
  g_autoptr (PmPdfObject) i = read_ok ("7", NULL);
  g_assert_cmpint (pm_pdf_object_get_type (i), ==, PM_PDF_INT);
  g_assert_true (pm_pdf_object_get_number (i, &v));
  g_assert_cmpfloat (v, ==, 7);
  g_autoptr (PmPdfObject) r = read_ok ("-1.25", NULL);
  g_assert_cmpint (pm_pdf_object_get_type (r), ==, PM_PDF_REAL);
  g_assert_true (pm_pdf_object_get_number (r, &v));
  g_assert_cmpfloat (v, ==, -1.25);
  g_autoptr (PmPdfObject) exact = read_ok ("419.527557", NULL);
  g_assert_true (pm_pdf_object_get_number (exact, &v));
  g_assert_cmpfloat_with_epsilon (v, 419.527557, 1e-9);
  g_assert_false (pm_pdf_object_get_number (NULL, &v));
  g_autoptr (PmPdfObject) name = pm_pdf_object_new_name ("N");
  g_assert_false (pm_pdf_object_get_number (name, &v));
  /* A number ends at a delimiter. */
  gsize end = 0;
  g_autoptr (PmPdfObject) before = read_ok ("12/Name", &end);
  g_assert_cmpuint (end, ==, 2);
  g_assert_true (pm_pdf_object_get_number (before, &v));
  g_assert_cmpfloat (v, ==, 12);
  g_autoptr (PmPdfObject) before_real = read_ok ("1.5]", &end);
  g_assert_cmpuint (end, ==, 3);
  g_assert_true (pm_pdf_object_get_number (before_real, &v));
  g_assert_cmpfloat (v, ==, 1.5);
  /* An integer too large for 64 bits is kept as a real. */
  g_autoptr (PmPdfObject) huge = read_ok ("123456789012345678901", NULL);
  g_assert_true (pm_pdf_object_get_number (huge, &v));
  g_assert_cmpfloat_with_epsilon (v, 123456789012345678901.0, 1e6);
  /* Built reals: at most DECIMALS digits, rounded, trailing zeros dropped. */
  g_autoptr (PmPdfObject) rounded = pm_pdf_object_new_real (2.71828, 3);
  g_autofree char *w = written (rounded);
  g_assert_cmpstr (w, ==, "2.718");
  g_autoptr (PmPdfObject) whole = pm_pdf_object_new_real (12.0, 5);
  g_autofree char *w2 = written (whole);
  g_assert_cmpstr (w2, ==, "12");
  g_autoptr (PmPdfObject) none = pm_pdf_object_new_real (12.75, 0);
  g_autofree char *w3 = written (none);
  g_assert_cmpstr (w3, ==, "13");
}

static void
test_text_strings (void)
{
  /* Printable ASCII is the same in PDFDocEncoding: a literal string. */
  g_autoptr (PmPdfObject) ascii = pm_pdf_object_new_text ("sec-a.1 (draft)");
  g_autofree char *a = written (ascii);
  g_assert_cmpstr (a, ==, "(sec-a.1 \\(draft\\))");
  g_autoptr (PmPdfObject) empty = pm_pdf_object_new_text ("");
  g_autofree char *e0 = written (empty);
  g_assert_cmpstr (e0, ==, "()");
  /* Anything else: UTF-16BE with a byte order mark. */
  g_autoptr (PmPdfObject) greek = pm_pdf_object_new_text ("Πρώτο");
  g_autofree char *g = written (greek);
  g_assert_cmpstr (g, ==, "<FEFF03A003C103CE03C403BF>");
  gsize n = 0;
  const char *bytes = pm_pdf_object_get_string (greek, &n);
  g_assert_cmpmem (bytes, n, "\xfe\xff\x03\xa0\x03\xc1\x03\xce\x03\xc4\x03\xbf", 12);
  /* Mixed, and outside the Basic Multilingual Plane: a surrogate pair. */
  g_autoptr (PmPdfObject) mixed = pm_pdf_object_new_text ("A ε");
  g_autofree char *m = written (mixed);
  g_assert_cmpstr (m, ==, "<FEFF0041002003B5>");
  g_autoptr (PmPdfObject) emoji = pm_pdf_object_new_text ("a\xF0\x9F\x98\x80");
  g_autofree char *e = written (emoji);
  g_assert_cmpstr (e, ==, "<FEFF0061D83DDE00>");
  /* Control characters and DEL, which PDFDocEncoding does not have as ASCII has them: as
   * UTF-16BE too. */
  static const char *const controls[] = { "a\x01", "a\x7f", "tab\there" };
  for (guint k = 0; k < G_N_ELEMENTS (controls); k++) {
    g_autoptr (PmPdfObject) c = pm_pdf_object_new_text (controls[k]);
    bytes = pm_pdf_object_get_string (c, &n);
    g_assert_cmpuint (n, ==, 2 + 2 * strlen (controls[k]));
    g_assert_cmpmem (bytes, 2, "\xfe\xff", 2);
    for (gsize i = 0; i < strlen (controls[k]); i++) {
      g_assert_cmpint (bytes[2 + 2 * i], ==, 0);
      g_assert_cmpint (bytes[3 + 2 * i], ==, controls[k][i]);
    }
  }
  /* Read back, the same bytes. */
  g_autoptr (PmPdfObject) back = read_ok (g, NULL);
  g_assert_true (same_value (greek, back));
}

static void
test_dictionaries (void)
{
  /* A key given twice keeps its last value, in its first place. */
  g_autoptr (PmPdfObject) d = read_ok ("<< /A 1 /B 2 /C 3 /A 4 >>", NULL);
  g_autofree char *w0 = written (d);
  g_assert_cmpstr (w0, ==, "<< /A 4 /B 2 /C 3 >>");
  g_assert_cmpuint (pm_pdf_dict_get_size (d), ==, 3);

  /* Setting a key that is there replaces its value in place; a new key goes last. */
  pm_pdf_dict_set (d, "B", pm_pdf_object_new_name ("X"));
  pm_pdf_dict_set (d, "D", pm_pdf_object_new_real (1.23456, 2));
  g_autofree char *w1 = written (d);
  g_assert_cmpstr (w1, ==, "<< /A 4 /B /X /C 3 /D 1.23 >>");
  /* Removing keeps the others in order; a missing key does nothing. */
  pm_pdf_dict_remove (d, "A");
  pm_pdf_dict_remove (d, "missing");
  g_autofree char *w2 = written (d);
  g_assert_cmpstr (w2, ==, "<< /B /X /C 3 /D 1.23 >>");
  pm_pdf_dict_remove (d, "C");
  pm_pdf_dict_set (d, "A", pm_pdf_object_new_int (9));
  g_autofree char *w3 = written (d);
  g_assert_cmpstr (w3, ==, "<< /B /X /D 1.23 /A 9 >>");
  pm_pdf_dict_remove (d, "A");
  g_autofree char *w4 = written (d);
  g_assert_cmpstr (w4, ==, "<< /B /X /D 1.23 >>");

  g_assert_cmpuint (pm_pdf_dict_get_size (d), ==, 2);
  g_assert_cmpstr (pm_pdf_dict_get_key (d, 0), ==, "B");
  g_assert_cmpstr (pm_pdf_dict_get_key (d, 1), ==, "D");
  g_assert_null (pm_pdf_dict_get_key (d, 2));
  g_assert_true (pm_pdf_object_is_name (pm_pdf_dict_get (d, "B"), "X"));
  g_assert_null (pm_pdf_dict_get (d, "A"));
  g_assert_null (pm_pdf_dict_get (d, "b"));
  g_assert_null (pm_pdf_dict_get (NULL, "B"));

  /* Keys are read without their escapes. */
  g_autoptr (PmPdfObject) escaped = read_ok ("<< /Key#20One 1 /K#2fTwo 2 >>", NULL);
  g_assert_cmpstr (pm_pdf_dict_get_key (escaped, 0), ==, "Key One");
  g_assert_cmpstr (pm_pdf_dict_get_key (escaped, 1), ==, "K/Two");
  g_assert_nonnull (pm_pdf_dict_get (escaped, "K/Two"));
  g_autofree char *we = written (escaped);
  g_assert_cmpstr (we, ==, "<< /Key#20One 1 /K#2FTwo 2 >>");

  /* Removing every key leaves an empty dictionary. */
  g_autoptr (PmPdfObject) one = read_ok ("<< /Only 1 >>", NULL);
  pm_pdf_dict_remove (one, "Only");
  g_assert_cmpuint (pm_pdf_dict_get_size (one), ==, 0);
  g_autofree char *wo = written (one);
  g_assert_cmpstr (wo, ==, "<< >>");
}

static void
test_arrays (void)
{
  g_autoptr (PmPdfObject) a = pm_pdf_object_new_array ();
  pm_pdf_array_append (a, pm_pdf_object_new_int (1));
  pm_pdf_array_append (a, pm_pdf_object_new_ref (5, 0));
  pm_pdf_array_append (a, pm_pdf_object_new_null ());
  pm_pdf_array_set (a, 0, pm_pdf_object_new_string ("x", 1));
  pm_pdf_array_set (a, 2, pm_pdf_object_new_array ());
  g_assert_cmpuint (pm_pdf_array_get_length (a), ==, 3);
  g_assert_cmpuint (pm_pdf_object_get_ref (pm_pdf_array_get (a, 1)), ==, 5);
  g_assert_null (pm_pdf_array_get (a, 3));
  g_autofree char *w = written (a);
  g_assert_cmpstr (w, ==, "[(x) 5 0 R []]");
  /* Not an array, not a dictionary: empty. */
  g_autoptr (PmPdfObject) d = pm_pdf_object_new_dict ();
  g_assert_cmpuint (pm_pdf_array_get_length (d), ==, 0);
  g_assert_null (pm_pdf_array_get (d, 0));
  g_assert_cmpuint (pm_pdf_dict_get_size (a), ==, 0);
  g_assert_null (pm_pdf_dict_get_key (a, 0));
  g_assert_null (pm_pdf_dict_get (a, "x"));
  g_assert_cmpuint (pm_pdf_array_get_length (NULL), ==, 0);
  /* NULL is an object of type null, and writes as one. */
  g_assert_cmpint (pm_pdf_object_get_type (NULL), ==, PM_PDF_NULL);
  g_autofree char *wn = written (NULL);
  g_assert_cmpstr (wn, ==, "null");
  pm_pdf_object_free (NULL);
  gsize n = 0;
  g_assert_null (pm_pdf_object_get_string (a, &n));
  g_assert_cmpuint (pm_pdf_object_get_ref (a), ==, 0);
}

static void
test_skip_space (void)
{
  const char *text = " \t\r\n\f% comment\r%another\n  x";
  gsize pos = 0;
  pm_pdf_skip_space ((const guint8 *)text, strlen (text), &pos);
  g_assert_cmpuint (pos, ==, strlen (text) - 1);
  /* NUL is white space too (7.2.2). */
  pos = 0;
  pm_pdf_skip_space ((const guint8 *)"\0\0y", 3, &pos);
  g_assert_cmpuint (pos, ==, 2);
  /* To the end, and no further. */
  pos = 0;
  pm_pdf_skip_space ((const guint8 *)"  % open", 8, &pos);
  g_assert_cmpuint (pos, ==, 8);
  pm_pdf_skip_space ((const guint8 *)"  % open", 8, &pos);
  g_assert_cmpuint (pos, ==, 8);
  /* Objects one after the other, each read where the last ended. */
  const char *run = "1 0 obj << /Length 5 >>stream";
  pos = 0;
  g_autoptr (PmPdfObject) num = pm_pdf_object_read ((const guint8 *)run, strlen (run), &pos, NULL);
  g_autoptr (PmPdfObject) gen = pm_pdf_object_read ((const guint8 *)run, strlen (run), &pos, NULL);
  g_assert_cmpuint (pos, ==, 3);
  g_assert_cmpint (pm_pdf_object_get_type (num), ==, PM_PDF_INT);
  g_assert_cmpint (pm_pdf_object_get_type (gen), ==, PM_PDF_INT);
  g_autoptr (GError) error = NULL;
  g_assert_null (pm_pdf_object_read ((const guint8 *)run, strlen (run), &pos, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_INTERNAL);
  pos += 4;
  g_autoptr (PmPdfObject) dict = pm_pdf_object_read ((const guint8 *)run, strlen (run), &pos, NULL);
  g_assert_cmpint (pm_pdf_object_get_type (dict), ==, PM_PDF_DICT);
  g_assert_cmpuint (pos, ==, strlen (run) - strlen ("stream"));
}

/* TEXT read from byte START is refused with PM_ERROR_INTERNAL and a message that starts by
 * naming byte AT; the position is not moved. */
static void
assert_refused_at (const char *text, gssize len, gsize start, gsize at)
{
  g_autoptr (GError) error = NULL;
  gsize pos = start;
  PmPdfObject *o =
      pm_pdf_object_read ((const guint8 *)text, len < 0 ? strlen (text) : (gsize)len, &pos, &error);
  if (o) {
    g_autofree char *w = written (o);
    pm_pdf_object_free (o);
    g_error ("'%s' is read as %s", text, w);
  }
  g_assert_error (error, PM_ERROR, PM_ERROR_INTERNAL);
  g_autofree char *want = g_strdup_printf ("byte %" G_GSIZE_FORMAT ": ", at);
  if (!g_str_has_prefix (error->message, want))
    g_error ("'%s': '%s' does not start with '%s'", text, error->message, want);
  g_assert_cmpuint (pos, ==, start);
}

static void
assert_refused (const char *text, gsize at)
{
  assert_refused_at (text, -1, 0, at);
}

static void
test_errors (void)
{
  /* Strings that do not end. */
  assert_refused ("(no end", 7);
  /* A sign or a point alone is no number. */
  assert_refused (".", 0);
  assert_refused ("-", 0);
  assert_refused ("+.", 0);
  assert_refused ("(a (b)", 6);
  assert_refused ("(escaped end\\)", 14);
  assert_refused ("<48656C", 7);
  /* Dictionaries that do not end, or whose keys are not names. */
  assert_refused ("<< /A 1", 7);
  assert_refused ("<< /A 1 >", 8);
  assert_refused ("<< /A", 5);
  assert_refused ("<< 1 2 >>", 3);
  assert_refused ("<< /A 1 2 >>", 8);
  assert_refused ("<< (key) 1 >>", 3);
  assert_refused ("<</A>>", 4);
  /* Arrays that do not end, or hold what is not an object. */
  assert_refused ("[1 2", 4);
  assert_refused ("[1 >> 2]", 3);
  /* No object at all. */
  assert_refused ("", 0);
  assert_refused ("   % only a comment", 19);
  assert_refused ("endobj", 0);
  assert_refused ("obj", 0);
  assert_refused ("stream", 0);
  assert_refused ("R", 0);
  assert_refused (")", 0);
  assert_refused ("]", 0);
  assert_refused (">>", 0);
  assert_refused ("{}", 0);
  assert_refused ("nullx", 0);
  assert_refused ("True", 0);
  /* Numbers with what numbers cannot hold. */
  assert_refused ("1.2.3", 0);
  assert_refused ("12abc", 0);
  assert_refused ("1e5", 0);
  assert_refused ("--1", 0);
  assert_refused ("1-2", 0);
  assert_refused ("1234567890123456789012345678901234567890123456789012345678901234567", 0);
  /* The byte counts from the start of the data, not from where reading started. */
  assert_refused_at ("xx (abc", -1, 3, 7);
  assert_refused_at ("[1] << 5 >>", -1, 3, 7);
  /* The data's length bounds reading, whatever follows in memory. */
  assert_refused_at ("(abc)", 4, 0, 4);
  assert_refused_at ("<< /A 1 >>", 9, 0, 8);
  assert_refused_at ("true", 3, 0, 0);
}

static void
test_nesting (void)
{
  /* 64 levels are read; 65 are refused where the object inside the 65th would start (in a
   * dictionary, right after its key). */
  for (int open = 0; open < 2; open++) {
    const char *in = open ? "[" : "<< /K ";
    const char *out = open ? "]" : " >>";
    GString *ok = g_string_new (NULL);
    for (int k = 0; k < 64; k++)
      g_string_append (ok, in);
    g_string_append (ok, "0");
    for (int k = 0; k < 64; k++)
      g_string_append (ok, out);
    g_autoptr (PmPdfObject) o = read_ok (ok->str, NULL);
    g_assert_cmpint (pm_pdf_object_get_type (o), ==, open ? PM_PDF_ARRAY : PM_PDF_DICT);
    g_string_free (ok, TRUE);

    GString *deep = g_string_new (NULL);
    for (int k = 0; k < 65; k++)
      g_string_append (deep, in);
    gsize at = open ? deep->len : deep->len - 1;
    g_string_append (deep, "0");
    for (int k = 0; k < 65; k++)
      g_string_append (deep, out);
    assert_refused (deep->str, at);
    g_string_free (deep, TRUE);
  }
  /* Far deeper, mixed: refused without overflowing the stack. */
  GString *mixed = g_string_new (NULL);
  for (int k = 0; k < 100000; k++)
    g_string_append (mixed, k % 2 ? "[" : "<</A ");
  assert_refused (mixed->str, 32 * 5 + 32 * 1 + 4);
  g_string_free (mixed, TRUE);
}

/* Errors inside containers free what was read before them (the sanitizer build checks). */
static void
test_errors_free (void)
{
  static const char *const bad[] = {
    "[1 2 (three) /Four << /Five [5 0 R] >> (six",
    "<< /A [1 2 3] /B << /C (d) >> /E <4X> >>",
    "<< /A [1 2 3] /B << /C (d) >> 7 >>",
    "[<< /A 1 >> << /B [ [ [ (x) ] ] ] /C",
    "<< /Dup 1 /Dup 2 /Dup [(x) >>",
    "[/A#20B (c\\) <41> 1.5 true null 3 0 R <<",
    /* A character that is not a hexadecimal digit. */
    "<4G>",
    "[<< /A <41 4G> >>]",
  };
  for (guint k = 0; k < G_N_ELEMENTS (bad); k++) {
    g_autoptr (GError) error = NULL;
    gsize pos = 0;
    g_assert_null (pm_pdf_object_read ((const guint8 *)bad[k], strlen (bad[k]), &pos, &error));
    g_assert_error (error, PM_ERROR, PM_ERROR_INTERNAL);
    g_assert_true (g_str_has_prefix (error->message, "byte "));
  }
  /* Every prefix of a good object: read or refused, never past the end. */
  const char *good = "<< /Type /Page /A [1 0 R 2.5 (s\\)t) <4142> /N#20x] /B << /C null >> >>";
  for (gsize n = 0; n <= strlen (good); n++) {
    char *copy = g_memdup2 (good, n);
    gsize pos = 0;
    GError *error = NULL;
    PmPdfObject *o = pm_pdf_object_read ((const guint8 *)copy, n, &pos, &error);
    g_assert_true ((o == NULL) == (error != NULL));
    g_assert_cmpuint (pos, <=, n);
    if (n == strlen (good))
      g_assert_nonnull (o);
    pm_pdf_object_free (o);
    g_clear_error (&error);
    g_free (copy);
  }
}

/* A real of any length is written back whole (a 39-byte buffer once cut them short). */
static void
test_long_real (void)
{
  const char *text = "1234567890123456789012345678901234567890.5";
  g_autoptr (PmPdfObject) o = read_ok (text, NULL);
  double v = 0, w = 0;
  g_assert_true (pm_pdf_object_get_number (o, &v));
  g_autofree char *out = written (o);
  g_autoptr (PmPdfObject) back = read_ok (out, NULL);
  g_assert_true (pm_pdf_object_get_number (back, &w));
  if (fabs (w - v) > fabs (v) * 1e-12)
    g_error ("%s is written as %s", text, out);
  g_autoptr (PmPdfObject) built = pm_pdf_object_new_real (1e40, 2);
  g_autofree char *out2 = written (built);
  g_autoptr (PmPdfObject) back2 = read_ok (out2, NULL);
  g_assert_true (pm_pdf_object_get_number (back2, &w));
  if (fabs (w - 1e40) > 1e40 * 1e-12)
    g_error ("1e40 is written as %s", out2);
  /* No infinity or NaN in PDF: written as 0. */
  g_autoptr (PmPdfObject) inf = pm_pdf_object_new_real (INFINITY, 2);
  g_autofree char *out3 = written (inf);
  g_assert_cmpstr (out3, ==, "0");
  g_autoptr (PmPdfObject) nan = pm_pdf_object_new_real (NAN, 2);
  g_autofree char *out4 = written (nan);
  g_assert_cmpstr (out4, ==, "0");
  /* A double's 17 decimals are kept. */
  g_autoptr (PmPdfObject) fine = read_ok ("0.00000000000000012", NULL);
  g_autofree char *out5 = written (fine);
  g_assert_cmpstr (out5, ==, "0.00000000000000012");
}

/* The error for a character that is not a hexadecimal digit names that character's byte. */
static void
test_hex_error_byte (void)
{
  assert_refused ("<4G>", 2);
  assert_refused ("<41 42 zz>", 7);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf-object/round-trip/read", test_round_trip_read);
  g_test_add_func ("/pdf-object/round-trip/built", test_round_trip_built);
  g_test_add_func ("/pdf-object/booleans", test_booleans);
  g_test_add_func ("/pdf-object/strings/literal", test_literal_strings);
  g_test_add_func ("/pdf-object/strings/hex", test_hex_strings);
  g_test_add_func ("/pdf-object/names", test_names);
  g_test_add_func ("/pdf-object/references", test_references);
  g_test_add_func ("/pdf-object/numbers", test_numbers);
  g_test_add_func ("/pdf-object/text-strings", test_text_strings);
  g_test_add_func ("/pdf-object/dictionaries", test_dictionaries);
  g_test_add_func ("/pdf-object/arrays", test_arrays);
  g_test_add_func ("/pdf-object/skip-space", test_skip_space);
  g_test_add_func ("/pdf-object/errors", test_errors);
  g_test_add_func ("/pdf-object/errors/nesting", test_nesting);
  g_test_add_func ("/pdf-object/errors/free", test_errors_free);
  g_test_add_func ("/pdf-object/numbers/long-real", test_long_real);
  g_test_add_func ("/pdf-object/errors/hex-byte", test_hex_error_byte);
  return g_test_run ();
}
