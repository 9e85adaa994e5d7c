/* test-breaks.c: Unicode line breaking, against the Unicode Consortium's conformance tests
 * and on the text pamphlet sets. */
#include "paragraph/pm-breaks.h"
#include "pm-test.h"

#include <string.h>

/* LineBreakTest.txt of the Unicode version of GLib's tables (Debian's unicode-data). */
#define CONFORMANCE_TESTS "/usr/share/unicode/auxiliary/LineBreakTest.txt"

/* TEXT with "|" wherever pm_breaks_find() allows a break inside it. */
static char *
marked (const char *text)
{
  glong n = g_utf8_strlen (text, -1);
  PmBreakOpportunity *breaks = g_new (PmBreakOpportunity, n + 1);
  pm_breaks_find (text, -1, breaks, (gsize)n + 1);
  g_assert_cmpint (breaks[0], ==, PM_BREAK_NONE);
  g_assert_cmpint (breaks[n], ==, PM_BREAK_MANDATORY);
  GString *out = g_string_new (NULL);
  glong i = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p), i++) {
    if (breaks[i] != PM_BREAK_NONE)
      g_string_append_c (out, '|');
    g_string_append_len (out, p, g_utf8_next_char (p) - p);
  }
  g_free (breaks);
  return g_string_free (out, FALSE);
}

/* Every line of the conformance tests: code points with ÷ (a break) or × (none) between. */
static void
test_conformance (void)
{
  g_autofree char *contents = NULL;
  GError *error = NULL;
  g_assert_true (g_file_get_contents (CONFORMANCE_TESTS, &contents, NULL, &error));
  g_assert_no_error (error);
  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);
  guint tested = 0, failed = 0;
  for (char **l = lines; *l; l++) {
    char *hash = strchr (*l, '#');
    if (hash)
      *hash = '\0';
    g_auto (GStrv) tokens = g_strsplit_set (g_strstrip (*l), " \t", -1);
    GString *text = g_string_new (NULL);
    GArray *want = g_array_new (FALSE, FALSE, sizeof (gboolean));
    for (char **t = tokens; *t; t++) {
      if (!**t)
        continue;
      if (g_str_equal (*t, "\xc3\xb7") || g_str_equal (*t, "\xc3\x97")) { /* ÷ × */
        gboolean brk = g_str_equal (*t, "\xc3\xb7");
        g_array_append_val (want, brk);
      } else
        g_string_append_unichar (text, (gunichar)g_ascii_strtoull (*t, NULL, 16));
    }
    if (text->len) {
      glong n = g_utf8_strlen (text->str, (gssize)text->len);
      g_assert_cmpuint (want->len, ==, (guint)n + 1);
      PmBreakOpportunity *got = g_new (PmBreakOpportunity, n + 1);
      pm_breaks_find (text->str, (gssize)text->len, got, (gsize)n + 1);
      gboolean ok = TRUE;
      for (glong i = 0; i <= n; i++)
        ok = ok && (got[i] != PM_BREAK_NONE) == g_array_index (want, gboolean, i);
      if (!ok && failed++ < 20)
        g_printerr ("differs: %s\n", *l);
      tested++;
      g_free (got);
    }
    g_array_unref (want);
    g_string_free (text, TRUE);
  }
  g_assert_cmpuint (tested, >, 7000);
  g_assert_cmpuint (failed, ==, 0);
}

/* The cases pamphlet's texts meet, "|" marking the breaks. */
static void
test_cases (void)
{
  static const char *const cases[] = {
    "well-|known", /* after a hyphen */
    "1914–|1918",  /* after an en dash */
    "word|—|word", /* around an em dash */
    "and/|or",     /* after a solidus (only Hebrew letters keep to it, LB21b) */
    "(s)he",       /* LB30: no break between ) and letters */
    "1,000.50",    /* a number stays whole */
    "$1,000.50",   /* with its prefix */
    "50%",         /* and its postfix */
    "«Κίνημα»",    /* guillemets stay with their word */
    "„слово“",     /* German-style quotes */
    "‘word’",      /* single quotes */
    "Καζακστάν",
    "Казахстан",
    "soft\xc2\xad|hyphen", /* after a soft hyphen */
    "a\xc2\xa0"
    "b", /* no break at a no-break space */
    "a\xe2\x80\xaf"
    "b",                          /* nor at a narrow one */
    "a\xe2\x80\x8b|b",            /* after a zero width space */
    "e\xcc\x81t\xcc\x81",         /* combining accents stay with their letters */
    "中|文|字",                   /* between ideographs */
    "日|本。|中",                 /* not before an ideographic full stop */
    "👍🏽|👍",              /* an emoji and its skin tone stay together */
    "🇫🇷|🇬🇷",                      /* flags in pairs of regional indicators */
    "https://|example.org/|a-|b", /* the breaks UAX #14 gives in an address */
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *plain = g_strdup (cases[i]);
    char *w = plain;
    for (const char *r = cases[i]; *r; r++)
      if (*r != '|')
        *w++ = *r;
    *w = '\0';
    g_autofree char *got = marked (plain);
    g_assert_cmpstr (got, ==, cases[i]);
  }
}

/* Mandatory breaks after line ends, none between CR and LF; entries past the text are left
 * alone, and a short array is filled as far as it goes and no further. */
static void
test_mandatory (void)
{
  PmBreakOpportunity b[8];
  for (guint i = 0; i < G_N_ELEMENTS (b); i++)
    b[i] = 7;
  pm_breaks_find ("a\r\nb\nc", -1, b, 7);
  static const PmBreakOpportunity want[] = { PM_BREAK_NONE,      PM_BREAK_NONE, PM_BREAK_NONE,
                                             PM_BREAK_MANDATORY, PM_BREAK_NONE, PM_BREAK_MANDATORY,
                                             PM_BREAK_MANDATORY };
  g_assert_cmpmem (b, sizeof want, want, sizeof want);
  g_assert_cmpint (b[7], ==, 7);
  b[2] = 7;
  pm_breaks_find ("a-b", 3, b, 2);
  g_assert_cmpint (b[0], ==, PM_BREAK_NONE);
  g_assert_cmpint (b[1], ==, PM_BREAK_NONE);
  g_assert_cmpint (b[2], ==, 7);
  pm_breaks_find ("", 0, b, 1);
  g_assert_cmpint (b[0], ==, PM_BREAK_MANDATORY);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/breaks/conformance", test_conformance);
  g_test_add_func ("/breaks/cases", test_cases);
  g_test_add_func ("/breaks/mandatory", test_mandatory);
  return g_test_run ();
}
