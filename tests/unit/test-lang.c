/* test-lang.c: BCP 47 validation and primary subtags, with the hints users need. */
#include "corpus/pm-lang.h"

#include <string.h>

static void
test_valid (void)
{
  const char *tags[] = { "el",
                         "el-GR",
                         "tr",
                         "fr-FR",
                         "ru",
                         "it",
                         "en",
                         "en-GB",
                         "kk-Cyrl-KZ",
                         "sr-Latn",
                         "de-CH-1901",
                         "es-419",
                         "zh-Hant-TW",
                         "en-US-x-twain",
                         "x-private",
                         "i-klingon",
                         "EL-gr",
                         "ast",
                         "en-a-bbb-x-a-ccc",
                         "sgn-BE-FR",
                         "yue",
                         "qab" };
  for (gsize i = 0; i < G_N_ELEMENTS (tags); i++) {
    char *why = NULL;
    if (!pm_lang_validate (tags[i], &why))
      g_error ("'%s' should be valid: %s", tags[i], why);
    g_assert_null (why);
  }
}

typedef struct {
  const char *tag;
  const char *hint; /* a part of the message */
} Bad;

static void
test_invalid (void)
{
  const Bad bad[] = {
    { "", "empty" },
    { "gr", "write 'el'" },
    { "Greek", "write 'el'" },
    { "ελληνικά", "write its code 'el'" },
    { "el_GR", "write 'el-GR'" },
    { "ell", "write 'el'" },
    { "gre", "write 'el'" },
    { "xx", "unknown language 'xx'" },
    { "ytq", "unknown language 'ytq'" },
    { "en-UK", "'GB'" },
    { "el-GX", "unknown region 'GX'" },
    { "sr-Abcd", "unknown script 'Abcd'" },
    { "el-", "empty subtag" },
    { "-el", "empty subtag" },
    { "el--GR", "empty subtag" },
    { "e", "single letter" },
    { "el GR", "character a language tag cannot have" },
    { "en-US-toolongsubtag", "not a script, region" },
    { "de-1901-1901", "repeats the variant" },
    { "en-a-bbb-a-ccc", "repeats the extension" },
    { "en-a", "no subtags after it" },
    { "en-x", "no private-use subtags" },
    { "abcdefghi", "not a language subtag" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++) {
    char *why = NULL;
    if (pm_lang_validate (bad[i].tag, &why))
      g_error ("'%s' should be invalid", bad[i].tag);
    g_assert_nonnull (why);
    if (!strstr (why, bad[i].hint))
      g_error ("'%s': message '%s' lacks '%s'", bad[i].tag, why, bad[i].hint);
    g_free (why);
  }
  g_assert_false (pm_lang_validate ("xx", NULL));
  g_assert_false (pm_lang_validate (NULL, NULL));
}

static void
test_primary (void)
{
  const char *cases[][2] = { { "el-GR", "el" },
                             { "EL", "el" },
                             { "kk-Cyrl-KZ", "kk" },
                             { "ast", "ast" },
                             { "x-private", "x-private" },
                             { "i-klingon", "i-klingon" } };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    char *p = pm_lang_primary (cases[i][0]);
    g_assert_cmpstr (p, ==, cases[i][1]);
    g_free (p);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lang/valid", test_valid);
  g_test_add_func ("/lang/invalid", test_invalid);
  g_test_add_func ("/lang/primary", test_primary);
  return g_test_run ();
}
