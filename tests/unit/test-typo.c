/* test-typo.c: the typography table, language by language, and what it must leave alone. */
#include "import/pm-typo.h"

#include <string.h>

#define NB "\xc2\xa0"      /* U+00A0 */
#define NNB "\xe2\x80\xaf" /* U+202F */

typedef struct {
  const char *lang, *in, *out;
} Case;

static const Case cases[] = {
  /* Greek: « » outside, “ ” inside, spaced en dash. */
  { "el", "\"Ναι\" είπε", "«Ναι» είπε" },
  { "el", "\"ο \"Τοκάγιεφ\" είπε\"", "«ο “Τοκάγιεφ” είπε»" },
  { "el", "πριν - στο Πετροπαβλόφσκ", "πριν – στο Πετροπαβλόφσκ" },
  { "el", "πριν  –  στο", "πριν – στο" },
  { "el", "γι' αυτό", "γι’ αυτό" },
  { "el", "κατά 100%, και", "κατά 100%, και" },
  { "el", "κατά 100 %", "κατά 100" NB "%" },
  { "el", "Ουστ-Καμενογκόρσκ", "Ουστ-Καμενογκόρσκ" },
  /* Russian: « » with „ “ inside, em dash with a no-break space before it. */
  { "ru", "компании \"АрмелорМиттал\"", "компании «АрмелорМиттал»" },
  { "ru", "\"слово \"внутри\" снаружи\"", "«слово „внутри“ снаружи»" },
  { "ru", "не было – в Петропавловске", "не было" NB "— в Петропавловске" },
  { "ru", "раз-таки и 50-ти", "раз-таки и 50-ти" },
  { "ru", "в ночь с 4-5 января", "в ночь с 4–5 января" },
  /* French: « » with narrow no-break spaces, before ; : ! ? too, % after a number. */
  { "fr", "\"vase\"", "«" NNB "vase" NNB "»" },
  { "fr", "« vase »", "«" NNB "vase" NNB "»" },
  { "fr", "exige :", "exige" NNB ":" },
  { "fr", "des villes !", "des villes" NNB "!" },
  { "fr", "Vraiment?", "Vraiment" NNB "?" },
  { "fr", "quoi ; puis", "quoi" NNB "; puis" },
  { "fr", "Quoi !?", "Quoi" NNB "!?" },
  { "fr", "de 100%, l'annulation", "de 100" NNB "%, l’annulation" },
  { "fr", "revendications - la démission", "revendications" NB "– la démission" },
  { "fr", "(http://socialismkz.info/) à 10:30", "(http://socialismkz.info/) à 10:30" },
  { "fr", "manifestant.e.s. mais", "manifestant.e.s. mais" },
  /* Italian: « » with “ ” inside; an apostrophe before a decade. */
  { "it", "come “colorate” le", "come «colorate» le" },
  { "it", "gli anni '90", "gli anni ’90" },
  { "it", "e – più in generale – di", "e – più in generale – di" },
  { "it", "ci sono 7-8 parenti", "ci sono 7–8 parenti" },
  { "it", "– Movimento socialista", "– Movimento socialista" },
  /* English: “ ” with ‘ ’ inside, closed em dash. */
  { "en", "a \"dead end\" region", "a “dead end” region" },
  { "en", "\"the 'law' said\"", "“the ’law’ said”" },
  { "en", "ExxonMobil – 25%", "ExxonMobil—25%" },
  { "en", "and -- more generally -- of", "and—more generally—of" },
  { "en", "January 4-5, and wait...", "January 4–5, and wait…" },
  /* Turkish: “ ” like English, spaced en dash, % before the number untouched. */
  { "tr", "\"Asker ve polis\" denilen", "“Asker ve polis” denilen" },
  { "tr", "ücretlerde %100 artış", "ücretlerde %100 artış" },
  { "tr", "Kazakistan. - Petropavlovsk", "Kazakistan. – Petropavlovsk" },
  { "tr", "Hareketi'nin", "Hareketi’nin" },
  /* No space before a period or comma ending a word, nor before ; : ! ? outside French; a
   * decimal point, a spaced ellipsis and French spacing stay. */
  { "en", "the Kazakhmys Corporation .", "the Kazakhmys Corporation." },
  { "en", "foreign capital . And themselves , were", "foreign capital. And themselves, were" },
  { "en", "\"a dead end\" , said", "“a dead end”, said" },
  { "ru", "Почему ? Потому что :", "Почему? Потому что:" },
  { "el", "γιατί ; είπε", "γιατί; είπε" },
  { "en", "a .5 mm gap", "a .5 mm gap" },
  { "fr", "les travailleurs . Vraiment ?", "les travailleurs. Vraiment" NNB "?" },
  { "de", "So , und", "So, und" },
  /* Dates and longer numbers keep their hyphens. */
  { "en", "on 2022-01-05 call 555-12345", "on 2022-01-05 call 555-12345" },
  /* A language without a row: only the neutral rules. */
  { "de", "\"Ja\" - und 'so'...", "\"Ja\" - und ’so’…" },
};

static void
test_cases (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    char *got = pm_typo_normalise (cases[i].lang, cases[i].in);
    if (strcmp (got, cases[i].out))
      g_test_message ("%s: '%s' -> '%s', want '%s'", cases[i].lang, cases[i].in, got, cases[i].out);
    g_assert_cmpstr (got, ==, cases[i].out);
    g_free (got);
  }
}

/* Applying the rules twice changes nothing more. */
static void
test_idempotent (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    char *once = pm_typo_normalise (cases[i].lang, cases[i].in);
    char *twice = pm_typo_normalise (cases[i].lang, once);
    g_assert_cmpstr (twice, ==, once);
    g_free (once);
    g_free (twice);
  }
}

/* Every row is complete, and a regional tag finds its language's row. */
static void
test_table (void)
{
  int rows = 0;
  for (const PmTypoRules *r = pm_typo_table (); r->lang; r++, rows++) {
    g_assert_nonnull (r->open);
    g_assert_nonnull (r->inner_close);
    g_assert_nonnull (r->dash);
    g_assert_true (pm_typo_rules (r->lang) == r);
  }
  g_assert_cmpint (rows, ==, 6);
  g_assert_cmpstr (pm_typo_rules ("fr-CH")->open, ==, "«");
  g_assert_cmpstr (pm_typo_rules ("EN_gb")->dash, ==, "—");
  g_assert_null (pm_typo_rules ("de"));
  g_assert_null (pm_typo_rules (NULL));
}

/* Letters and digits never change: only typography does. */
static void
test_letters_kept (void)
{
  const char *text = "L'\"akimat\" - 4-5 ... 100 % ; ok ! \"a 'b' c\"";
  for (const PmTypoRules *r = pm_typo_table (); r->lang; r++) {
    char *got = pm_typo_normalise (r->lang, text);
    GString *a = g_string_new (NULL), *b = g_string_new (NULL);
    for (const char *p = text; *p; p = g_utf8_next_char (p))
      if (g_unichar_isalnum (g_utf8_get_char (p)))
        g_string_append_unichar (a, g_utf8_get_char (p));
    for (const char *p = got; *p; p = g_utf8_next_char (p))
      if (g_unichar_isalnum (g_utf8_get_char (p)))
        g_string_append_unichar (b, g_utf8_get_char (p));
    g_assert_cmpstr (a->str, ==, b->str);
    g_string_free (a, TRUE);
    g_string_free (b, TRUE);
    g_free (got);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/typo/cases", test_cases);
  g_test_add_func ("/typo/idempotent", test_idempotent);
  g_test_add_func ("/typo/table", test_table);
  g_test_add_func ("/typo/letters-kept", test_letters_kept);
  return g_test_run ();
}
