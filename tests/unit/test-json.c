/* test-json.c: the JSON writer's text, read back by Python's json module. */
#include "base/pm-json.h"
#include "pm-test-output.h"
#include "pm-test.h"

#include <math.h>

/* TEXT parsed by Python's json module (which refuses NaN and control characters in strings,
 * strict=True) and written again in a canonical form: ASCII only, sorted keys. */
static char *
canonical (const char *text)
{
  const char *script =
      "import json,sys\n"
      "v=json.loads(sys.argv[1], parse_constant=lambda c: sys.exit('constant '+c))\n"
      "sys.stdout.write(json.dumps(v, sort_keys=True, ensure_ascii=True))\n";
  const char *argv[] = { "python3", "-c", script, text, NULL };
  return pm_test_run (argv);
}

static void
test_strings (void)
{
  /* Every control character, quote and backslash, non-ASCII text, invalid UTF-8. */
  GString *controls = g_string_new (NULL);
  for (int c = 1; c < 0x20; c++)
    g_string_append_c (controls, (char)c);
  PmJsonWriter *w = pm_json_writer_new ();
  pm_json_writer_begin_array (w);
  pm_json_writer_string (w, controls->str);
  pm_json_writer_string (w, "say \"hi\" \\ back/slash");
  pm_json_writer_string (w, "Ελληνικά, русский, «français», 日本");
  pm_json_writer_string (w, "bad \xff\xfe utf-8 \xc3");
  pm_json_writer_string (w, NULL);
  pm_json_writer_string (w, "");
  pm_json_writer_end_array (w);
  g_autofree char *text = pm_json_writer_finish (w);
  /* Only the short escapes and \u00XX: no raw control character is left. */
  for (const char *p = text; *p; p++)
    g_assert_true ((guchar)*p >= 0x20 || *p == '\n');
  g_autofree char *got = canonical (text);
  GString *want = g_string_new ("[\"");
  for (int c = 1; c < 0x20; c++)
    g_string_append_printf (want,
                            c == '\b'   ? "\\b"
                            : c == '\t' ? "\\t"
                            : c == '\n' ? "\\n"
                            : c == '\f' ? "\\f"
                            : c == '\r' ? "\\r"
                                        : "\\u%04x",
                            c);
  g_string_append (want, "\", \"say \\\"hi\\\" \\\\ back/slash\", "
                         "\"\\u0395\\u03bb\\u03bb\\u03b7\\u03bd\\u03b9\\u03ba\\u03ac, "
                         "\\u0440\\u0443\\u0441\\u0441\\u043a\\u0438\\u0439, "
                         "\\u00abfran\\u00e7ais\\u00bb, \\u65e5\\u672c\", "
                         "\"bad \\ufffd\\ufffd utf-8 \\ufffd\", null, \"\"]");
  g_assert_cmpstr (got, ==, want->str);
  g_string_free (want, TRUE);
  g_string_free (controls, TRUE);
}

static void
test_numbers (void)
{
  PmJsonWriter *w = pm_json_writer_new ();
  pm_json_writer_begin_array (w);
  pm_json_writer_int (w, G_MININT64);
  pm_json_writer_int (w, 0);
  pm_json_writer_double (w, 0.1);
  pm_json_writer_double (w, -1.5e-300);
  pm_json_writer_double (w, 1e300);
  pm_json_writer_double (w, 2);
  pm_json_writer_double (w, 0.1 + 0.2);
  pm_json_writer_double (w, 1.0 / 3);
  pm_json_writer_double (w, NAN);
  pm_json_writer_double (w, INFINITY);
  pm_json_writer_double (w, -INFINITY);
  pm_json_writer_boolean (w, TRUE);
  pm_json_writer_boolean (w, FALSE);
  pm_json_writer_end_array (w);
  g_autofree char *text = pm_json_writer_finish (w);
  /* One line: an array of plain values. */
  g_assert_cmpstr (text, ==,
                   "[-9223372036854775808, 0, 0.1, -1.5e-300, 1e+300, 2, 0.30000000000000004, "
                   "0.3333333333333333, null, null, null, true, false]\n");
  g_autofree char *got = canonical (text);
  g_assert_cmpstr (got, ==,
                   "[-9223372036854775808, 0, 0.1, -1.5e-300, 1e+300, 2, 0.30000000000000004, "
                   "0.3333333333333333, null, null, null, true, false]");
}

static void
test_structure (void)
{
  PmJsonWriter *w = pm_json_writer_new ();
  pm_json_writer_begin_object (w);
  pm_json_writer_member (w, "a");
  pm_json_writer_int (w, 1);
  pm_json_writer_member (w, "empty object");
  pm_json_writer_begin_object (w);
  pm_json_writer_end_object (w);
  pm_json_writer_member (w, "empty array");
  pm_json_writer_begin_array (w);
  pm_json_writer_end_array (w);
  pm_json_writer_member (w, "rows");
  pm_json_writer_begin_array (w);
  for (int i = 0; i < 2; i++) {
    pm_json_writer_begin_array (w);
    pm_json_writer_int (w, i);
    pm_json_writer_boolean (w, i == 1);
    pm_json_writer_end_array (w);
  }
  pm_json_writer_begin_object (w);
  pm_json_writer_member (w, "q\"uote");
  pm_json_writer_string (w, "v");
  pm_json_writer_end_object (w);
  pm_json_writer_end_array (w);
  pm_json_writer_end_object (w);
  g_autofree char *text = pm_json_writer_finish (w);
  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"a\": 1,\n"
                   "  \"empty object\": {},\n"
                   "  \"empty array\": [],\n"
                   "  \"rows\": [\n"
                   "    [0, false],\n"
                   "    [1, true],\n"
                   "    {\n"
                   "      \"q\\\"uote\": \"v\"\n"
                   "    }\n"
                   "  ]\n"
                   "}\n");
  g_autofree char *got = canonical (text);
  g_assert_cmpstr (got, ==,
                   "{\"a\": 1, \"empty array\": [], \"empty object\": {}, "
                   "\"rows\": [[0, false], [1, true], {\"q\\\"uote\": \"v\"}]}");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/strings", test_strings);
  g_test_add_func ("/json/numbers", test_numbers);
  g_test_add_func ("/json/structure", test_structure);
  return g_test_run ();
}
