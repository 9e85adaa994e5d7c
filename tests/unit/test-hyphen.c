/* test-hyphen.c: hyphenation points in every language pamphlet sets, minima, the words that
 * must not be hyphenated, soft hyphens, dictionary lookup and charsets. */
#include <string.h>

#include "base/pm-error.h"
#include "paragraph/pm-hyphen.h"
#include "pm-test.h"

/* WORD with '=' at every offset H returns. */
static char *
marked (PmHyphenator *h, const char *word, const PmHyphenRules *rules)
{
  GArray *offsets = pm_hyphenator_hyphenate (h, word, -1, rules);
  GString *s = g_string_new (NULL);
  int prev = 0;
  for (guint i = 0; i < offsets->len; i++) {
    int o = g_array_index (offsets, int, i);
    g_string_append_len (s, word + prev, o - prev);
    g_string_append_c (s, '=');
    prev = o;
  }
  g_string_append (s, word + prev);
  g_array_unref (offsets);
  return g_string_free (s, FALSE);
}

static PmHyphenator *
hyphenator (const char *lang)
{
  GError *error = NULL;
  PmHyphenator *h = pm_hyphenator_new (lang, &error);
  g_assert_no_error (error);
  g_assert_nonnull (h);
  return h;
}

static void
assert_marked (PmHyphenator *h, const PmHyphenRules *rules, const char *word, const char *expected)
{
  char *got = marked (h, word, rules);
  g_assert_cmpstr (got, ==, expected);
  g_free (got);
}

typedef struct {
  const char *lang, *word, *expected;
} Sample;

/* Checked against the TeX patterns' own output and the languages' syllable rules. */
static const Sample samples[] = {
  { "el", "διαμαρτυρίες", "δια=μαρ=τυ=ρί=ες" },
  { "el", "Καζακστάν", "Κα=ζακ=στάν" },
  { "el", "καλημέρα", "κα=λη=μέ=ρα" },
  { "el", "ευρωπαϊκή", "ευ=ρω=παϊ=κή" },
  { "el", "ΔΙΑΜΑΡΤΥΡΙΕΣ", "ΔΙΑ=ΜΑΡ=ΤΥ=ΡΙΕΣ" },
  { "tr", "kamulaştırmaya", "ka=mu=laş=tır=ma=ya" },
  { "tr", "KAMULAŞTIRMAYA", "KA=MU=LAŞ=TIR=MA=YA" },
  { "tr", "İstanbul", "İs=tan=bul" },
  { "tr", "ışıklandırılmış", "ışık=lan=dı=rıl=mış" },
  { "ru", "национализировать", "на=ци=о=на=ли=зи=ро=вать" },
  { "ru", "объявление", "объ=яв=ле=ние" },
  { "ru", "бизнесмен", "биз=нес=мен" }, /* from TeX's exception list */
  { "uk", "національний", "на=ціо=наль=ний" },
  { "uk", "українська", "укра=їн=ська" },
  { "bg", "националистически", "на=ци=о=на=лис=ти=чес=ки" },
  { "bg", "държавата", "дър=жа=ва=та" },
  { "fr", "ordinateur", "or=di=na=teur" },
  { "fr", "l'ordinateur", "l'or=di=na=teur" },
  { "fr", "l’ordinateur", "l’or=di=na=teur" },
  { "it", "costituzione", "co=sti=tu=zio=ne" },
  { "it", "sollevazione", "sol=le=va=zio=ne" },
  { "en", "hyphenation", "hy=phen=ation" },
  { "en", "typesetting", "type=set=ting" },
  { "en", "(table),", "(ta=ble)," },
};

static void
test_samples (void)
{
  for (size_t i = 0; i < G_N_ELEMENTS (samples); i++) {
    PmHyphenator *h = hyphenator (samples[i].lang);
    g_test_message ("%s %s", samples[i].lang, samples[i].word);
    assert_marked (h, NULL, samples[i].word, samples[i].expected);
    pm_hyphenator_unref (h);
  }
}

static void
test_rules_init (void)
{
  static const struct {
    const char *lang;
    int left, right;
  } expected[] = { { "el", 1, 1 }, { "tr", 2, 2 }, { "ru", 2, 2 },    { "fr", 2, 2 },
                   { "it", 2, 2 }, { "en", 2, 3 }, { "bg", 2, 2 },    { "uk", 2, 2 },
                   { "xx", 2, 3 }, { NULL, 2, 3 }, { "en-GB", 2, 3 }, { "el_GR", 1, 1 } };
  for (size_t i = 0; i < G_N_ELEMENTS (expected); i++) {
    PmHyphenRules rules;
    pm_hyphen_rules_init (&rules, expected[i].lang);
    g_assert_cmpint (rules.left_min, ==, expected[i].left);
    g_assert_cmpint (rules.right_min, ==, expected[i].right);
    g_assert_true (rules.capitalised);
    g_assert_false (rules.compound_parts);
  }
}

/* Long words per language for the minima and boundary checks. */
static const char *const long_words[][4] = {
  { "el", "αέρας", "διαμαρτυρίες", "πολυεθνικών" },
  { "tr", "kamulaştırmaya", "örgütlenmesi", "çağrısı" },
  { "ru", "национализировать", "ёлочка", "подъезд" },
  { "uk", "відповідальність", "громадськості", "об'єднання" },
  { "bg", "правителството", "отговорност", "държавата" },
  { "fr", "anticonstitutionnellement", "soulèvement", "manifestations" },
  { "it", "precipitevolissimevolmente", "città", "perché" },
  { "en", "incomprehensibilities", "uprising", "bourgeois" },
};

static void
test_minima (void)
{
  for (size_t i = 0; i < G_N_ELEMENTS (long_words); i++) {
    PmHyphenator *h = hyphenator (long_words[i][0]);
    for (int w = 1; w < 4; w++) {
      const char *word = long_words[i][w];
      glong n = g_utf8_strlen (word, -1);
      guint most = 0;
      for (int left = 1; left <= 4; left++)
        for (int right = 1; right <= 4; right++) {
          PmHyphenRules rules;
          pm_hyphen_rules_init (&rules, long_words[i][0]);
          rules.left_min = left;
          rules.right_min = right;
          GArray *offsets = pm_hyphenator_hyphenate (h, word, -1, &rules);
          for (guint k = 0; k < offsets->len; k++) {
            int o = g_array_index (offsets, int, k);
            glong before = g_utf8_strlen (word, o);
            g_assert_cmpint (before, >=, left);
            g_assert_cmpint (n - before, >=, right);
          }
          most = MAX (most, offsets->len);
          g_array_unref (offsets);
        }
      /* Every word here has at least one break at the loosest minima. */
      g_assert_cmpuint (most, >, 0);
    }
    pm_hyphenator_unref (h);
  }

  /* Greek's 1/1 allows a single letter at the start; 2/2 does not. */
  PmHyphenator *el = hyphenator ("el");
  PmHyphenRules rules;
  pm_hyphen_rules_init (&rules, "el");
  assert_marked (el, &rules, "αέρας", "α=έ=ρας");
  rules.left_min = rules.right_min = 2;
  assert_marked (el, &rules, "αέρας", "αέ=ρας");
  rules.left_min = rules.right_min = 3;
  assert_marked (el, &rules, "αέρας", "αέρας");
  pm_hyphenator_unref (el);

  /* English's 2/3 keeps "-ing" together; 2/2 lets it go. */
  PmHyphenator *en = hyphenator ("en");
  pm_hyphen_rules_init (&rules, "en");
  assert_marked (en, &rules, "uprising", "up=ris=ing");
  rules.right_min = 2;
  assert_marked (en, &rules, "uprising", "up=ris=ing");
  rules.right_min = 4;
  assert_marked (en, &rules, "uprising", "up=rising");
  pm_hyphenator_unref (en);
}

static void
test_boundaries (void)
{
  for (size_t i = 0; i < G_N_ELEMENTS (long_words); i++) {
    PmHyphenator *h = hyphenator (long_words[i][0]);
    PmHyphenRules rules;
    pm_hyphen_rules_init (&rules, NULL);
    rules.left_min = rules.right_min = 1;
    for (int w = 1; w < 4; w++) {
      const char *word = long_words[i][w];
      int len = (int)strlen (word);
      GArray *offsets = pm_hyphenator_hyphenate (h, word, -1, &rules);
      int prev = 0;
      for (guint k = 0; k < offsets->len; k++) {
        int o = g_array_index (offsets, int, k);
        g_assert_cmpint (o, >, prev);
        g_assert_cmpint (o, <, len);
        /* A character starts at o: not a UTF-8 continuation byte. */
        g_assert_cmpint ((guchar)word[o] & 0xC0, !=, 0x80);
        g_assert_true (g_utf8_validate_len (word, o, NULL));
        prev = o;
      }
      g_array_unref (offsets);
    }
    pm_hyphenator_unref (h);
  }
}

/* Decomposed text (NFD): no break between a letter and its combining accent. */
static void
test_decomposed (void)
{
  PmHyphenRules rules;
  pm_hyphen_rules_init (&rules, NULL);
  rules.left_min = rules.right_min = 1;
  guint total = 0;
  for (size_t i = 0; i < G_N_ELEMENTS (samples); i++) {
    PmHyphenator *h = hyphenator (samples[i].lang);
    char *nfd = g_utf8_normalize (samples[i].word, -1, G_NORMALIZE_NFD);
    GArray *offsets = pm_hyphenator_hyphenate (h, nfd, -1, &rules);
    for (guint k = 0; k < offsets->len; k++)
      g_assert_false (g_unichar_ismark (g_utf8_get_char (nfd + g_array_index (offsets, int, k))));
    total += offsets->len;
    g_array_unref (offsets);
    g_free (nfd);
    pm_hyphenator_unref (h);
  }
  g_assert_cmpuint (total, >, 20);
}

static void
test_not_hyphenated (void)
{
  PmHyphenator *h = hyphenator ("en");
  PmHyphenRules rules;
  pm_hyphen_rules_init (&rules, "en");
  const char *words[] = { "hyphenation2022",
                          "3rd",
                          "covid19hyphenation",
                          "https://example.org/hyphenation",
                          "www.hyphenation.org",
                          "hyphenation.org",
                          "hyphenation@example.org",
                          "hyphenation_function",
                          "" };
  for (size_t i = 0; i < G_N_ELEMENTS (words); i++)
    assert_marked (h, &rules, words[i], words[i]);
  /* Invalid UTF-8 is not hyphenated (nor read past). */
  GArray *none = pm_hyphenator_hyphenate (h, "hyph\xff\xfenation", -1, &rules);
  g_assert_cmpuint (none->len, ==, 0);
  g_array_unref (none);

  /* Capitals inside a word mark a name or a code. */
  assert_marked (h, &rules, "HyphenationTypesetting", "HyphenationTypesetting");
  assert_marked (h, &rules, "iHyphenation", "iHyphenation");
  assert_marked (h, &rules, "HYPHENATION", "HY=PHEN=ATION");

  /* Capitalised words: by the rules. */
  assert_marked (h, &rules, "Hyphenation", "Hy=phen=ation");
  rules.capitalised = FALSE;
  assert_marked (h, &rules, "Hyphenation", "Hyphenation");
  assert_marked (h, &rules, "HYPHENATION", "HYPHENATION");
  assert_marked (h, &rules, "“Hyphenation”", "“Hyphenation”");
  assert_marked (h, &rules, "“hyphenation”", "“hy=phen=ation”");
  pm_hyphenator_unref (h);

  PmHyphenator *ru = hyphenator ("ru");
  pm_hyphen_rules_init (&rules, "ru");
  rules.capitalised = FALSE;
  assert_marked (ru, &rules, "Национализировать", "Национализировать");
  assert_marked (ru, &rules, "«национализировать»", "«на=ци=о=на=ли=зи=ро=вать»");
  pm_hyphenator_unref (ru);
}

static void
test_soft_hyphens (void)
{
  PmHyphenator *h = hyphenator ("en");
  /* Only the author's places, even where the patterns and minima would say otherwise. */
  assert_marked (h, NULL, "hyphen\u00ADation", "hyphen\u00AD=ation");
  assert_marked (h, NULL, "h\u00ADyphenati\u00ADon", "h\u00AD=yphenati\u00AD=on");
  /* A soft hyphen at an end offers nothing. */
  assert_marked (h, NULL, "\u00ADhyphenation\u00AD", "\u00ADhyphenation\u00AD");
  /* Soft hyphens win over the capitalised rule and over digits. */
  PmHyphenRules rules;
  pm_hyphen_rules_init (&rules, "en");
  rules.capitalised = FALSE;
  assert_marked (h, &rules, "Hyphen\u00ADation", "Hyphen\u00AD=ation");
  pm_hyphenator_unref (h);

  PmHyphenator *el = hyphenator ("el");
  assert_marked (el, NULL, "διαμαρ\u00ADτυρίες", "διαμαρ\u00AD=τυρίες");
  pm_hyphenator_unref (el);
}

static void
test_compounds (void)
{
  PmHyphenator *h = hyphenator ("en");
  PmHyphenRules rules;
  pm_hyphen_rules_init (&rules, "en");
  assert_marked (h, &rules, "anti-inflammatory", "anti-inflammatory");
  assert_marked (h, &rules, "working-class", "working-class");
  rules.compound_parts = TRUE;
  assert_marked (h, &rules, "anti-inflammatory", "anti-in=flam=ma=tory");
  assert_marked (h, &rules, "hyphenation–typesetting", "hy=phen=ation–type=set=ting");
  rules.capitalised = FALSE;
  assert_marked (h, &rules, "typesetting-Hyphenation", "type=set=ting-Hyphenation");
  pm_hyphenator_unref (h);
}

static void
test_unknown_language (void)
{
  const char *tags[] = { "xx", "tlh-Latn", "", "zz_ZZ" };
  for (size_t i = 0; i < G_N_ELEMENTS (tags); i++) {
    GError *error = NULL;
    PmHyphenator *h = pm_hyphenator_new (tags[i], &error);
    g_assert_null (h);
    g_assert_error (error, PM_ERROR, PM_ERROR_INPUT);
    g_assert_nonnull (strstr (error->message, "no hyphenation patterns"));
    char *quoted = g_strdup_printf ("'%s'", tags[i]);
    g_assert_nonnull (strstr (error->message, quoted));
    g_free (quoted);
    g_error_free (error);
  }
}

static void
test_lookup (void)
{
  /* The project's own dictionaries come first, for a bare tag and a tag with a region. */
  const char *own[][2] = { { "el", "hyph_el_GR.dic" }, { "el-GR", "hyph_el_GR.dic" },
                           { "tr", "hyph_tr_TR.dic" }, { "tr_TR", "hyph_tr_TR.dic" },
                           { "ru", "hyph_ru_RU.dic" }, { "uk", "hyph_uk_UA.dic" } };
  for (size_t i = 0; i < G_N_ELEMENTS (own); i++) {
    PmHyphenator *h = hyphenator (own[i][0]);
    char *suffix = g_build_filename ("/hyphen", own[i][1], NULL);
    const char *dictionary = pm_hyphenator_get_dictionary (h);
    g_assert_true (g_str_has_suffix (dictionary, suffix));
    g_assert_false (g_str_has_prefix (dictionary, "/usr/share/hyphen/"));
    g_assert_cmpstr (pm_hyphenator_get_language (h), ==, own[i][0]);
    g_free (suffix);
    pm_hyphenator_unref (h);
  }

  /* Debian's, by region, by the language's usual region, or any region. */
  const char *system[][2] = { { "fr-CA", "/usr/share/hyphen/hyph_fr_CA.dic" },
                              { "en-US", "/usr/share/hyphen/hyph_en_US.dic" },
                              { "bg", "/usr/share/hyphen/hyph_bg_BG.dic" },
                              { "it-IT", "/usr/share/hyphen/hyph_it_IT.dic" } };
  for (size_t i = 0; i < G_N_ELEMENTS (system); i++) {
    PmHyphenator *h = hyphenator (system[i][0]);
    g_assert_cmpstr (pm_hyphenator_get_dictionary (h), ==, system[i][1]);
    pm_hyphenator_unref (h);
  }
  /* A region Debian has no file for falls back to the language. */
  PmHyphenator *gb = hyphenator ("en-GB");
  g_assert_true (g_str_has_prefix (pm_hyphenator_get_dictionary (gb), "/usr/share/hyphen/hyph_en"));
  assert_marked (gb, NULL, "hyphenation", "hy=phen=ation");
  pm_hyphenator_unref (gb);
}

/* Writes a dictionary for the made-up language "zz" in CHARSET into a data directory of its
 * own and returns a hyphenator for it. */
static PmHyphenator *
eight_bit_hyphenator (const char *charset, const char *patterns_utf8)
{
  char *text = g_strconcat (charset, "\n", patterns_utf8, NULL);
  gsize len;
  char *encoded = g_convert (text, -1, charset, "UTF-8", NULL, &len, NULL);
  g_assert_nonnull (encoded);
  char *data = g_build_filename (pm_test_tmpdir (), charset, NULL);
  char *hyphen = g_build_filename (data, "hyphen", NULL);
  g_assert_cmpint (g_mkdir_with_parents (hyphen, 0755), ==, 0);
  char *path = g_build_filename (hyphen, "hyph_zz.dic", NULL);
  g_assert_true (g_file_set_contents (path, encoded, len, NULL));
  g_setenv ("PAMPHLET_DATADIR", data, TRUE);
  PmHyphenator *h = hyphenator ("zz");
  g_unsetenv ("PAMPHLET_DATADIR");
  g_assert_cmpstr (pm_hyphenator_get_dictionary (h), ==, path);
  g_free (path);
  g_free (hyphen);
  g_free (data);
  g_free (encoded);
  g_free (text);
  return h;
}

static void
test_charsets (void)
{
  PmHyphenRules rules;
  pm_hyphen_rules_init (&rules, NULL);
  rules.left_min = rules.right_min = 1;

  PmHyphenator *koi = eight_bit_hyphenator ("KOI8-R", "а1б\nв1г\n");
  assert_marked (koi, &rules, "абвгаб", "а=бв=га=б");
  assert_marked (koi, &rules, "АБВГАБ", "А=БВ=ГА=Б");
  pm_hyphenator_unref (koi);

  PmHyphenator *greek = eight_bit_hyphenator ("ISO8859-7", "ά1ρ\nρ1ο\n");
  assert_marked (greek, &rules, "κάρος", "κά=ρ=ος");
  pm_hyphenator_unref (greek);

  /* Debian's own 8-bit dictionaries, read through the conversion, where installed. */
  const char *debian[][3] = {
    { "/usr/share/hyphen/hyph_el_GR.dic", "el", "δια=μαρ=τυ=ρί=ες" },
    { "/usr/share/hyphen/hyph_ru_RU.dic", "ru", "на=ци=о=на=ли=зи=ро=вать" },
  };
  for (size_t i = 0; i < G_N_ELEMENTS (debian); i++) {
    if (!g_file_test (debian[i][0], G_FILE_TEST_EXISTS)) {
      g_test_message ("%s not installed", debian[i][0]);
      continue;
    }
    GError *error = NULL;
    PmHyphenator *h = pm_hyphenator_new_for_file (debian[i][0], debian[i][1], &error);
    g_assert_no_error (error);
    g_assert_cmpstr (pm_hyphenator_get_dictionary (h), ==, debian[i][0]);
    char *plain = g_strdup (debian[i][2]);
    char *w = plain;
    for (char *p = plain; *p; p++)
      if (*p != '=')
        *w++ = *p;
    *w = 0;
    assert_marked (h, NULL, plain, debian[i][2]);
    g_free (plain);
    pm_hyphenator_unref (h);
  }

  /* A file that is missing or not a dictionary. */
  GError *error = NULL;
  g_assert_null (pm_hyphenator_new_for_file ("/nonexistent/hyph_zz.dic", "zz", &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_IO);
  g_clear_error (&error);
  char *bad = pm_test_write_file ("hyph_bad.dic", "NO-SUCH-CHARSET\na1b\n", -1);
  g_assert_null (pm_hyphenator_new_for_file (bad, "zz", &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "NO-SUCH-CHARSET"));
  g_clear_error (&error);
  g_free (bad);
}

static void
test_cache (void)
{
  PmHyphenator *h = hyphenator ("tr");
  PmHyphenRules rules;
  pm_hyphen_rules_init (&rules, "tr");
  /* The second answer comes from the cache and must be the same; the cache holds pattern
   * breaks before the minima, so other rules on a cached word still apply. */
  for (int round = 0; round < 2; round++)
    assert_marked (h, &rules, "kamulaştırmaya", "ka=mu=laş=tır=ma=ya");
  rules.left_min = rules.right_min = 4;
  assert_marked (h, &rules, "kamulaştırmaya", "kamu=laş=tır=maya");
  /* Case folds onto the same entry. */
  pm_hyphen_rules_init (&rules, "tr");
  assert_marked (h, &rules, "Kamulaştırmaya", "Ka=mu=laş=tır=ma=ya");
  /* Lengths other than -1 are honoured: a prefix is a word of its own. */
  GArray *prefix = pm_hyphenator_hyphenate (h, "kamulaştırmaya", 6, &rules);
  g_assert_cmpuint (prefix->len, ==, 2); /* ka=mu=la */
  g_assert_cmpint (g_array_index (prefix, int, 0), ==, 2);
  g_assert_cmpint (g_array_index (prefix, int, 1), ==, 4);
  g_array_unref (prefix);
  pm_hyphenator_unref (h);
}

/* Every word of FILE (split at anything not a letter) hyphenated by A and by B, minima 1. */
static void
assert_same_breaks (PmHyphenator *a, PmHyphenator *b, const char *file)
{
  char *text = NULL;
  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  PmHyphenRules rules;
  pm_hyphen_rules_init (&rules, NULL);
  rules.left_min = rules.right_min = 1;
  guint words = 0, breaks = 0;
  const char *p = text;
  while (*p) {
    while (*p && !g_unichar_isalpha (g_utf8_get_char (p)))
      p = g_utf8_next_char (p);
    const char *start = p;
    while (*p && g_unichar_isalpha (g_utf8_get_char (p)))
      p = g_utf8_next_char (p);
    if (p == start)
      continue;
    char *word = g_strndup (start, (gsize)(p - start));
    char *x = marked (a, word, &rules), *y = marked (b, word, &rules);
    g_assert_cmpstr (x, ==, y);
    for (const char *c = x; *c; c++)
      breaks += *c == '=';
    words++;
    g_free (x);
    g_free (y);
    g_free (word);
  }
  /* The comparison compared something. */
  g_assert_cmpuint (words, >, 200);
  g_assert_cmpuint (breaks, >, 100);
  g_free (text);
}

static PmHyphenator *
load_full (const char *path, const char *lang, const char *dir, gboolean precompiled)
{
  GError *error = NULL;
  PmHyphenator *h = pm_hyphenator_new_for_file_full (path, lang, dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (h);
  g_assert_cmpint (pm_hyphenator_is_precompiled (h), ==, precompiled);
  return h;
}

/* A precompiled dictionary hyphenates as libhyphen's parse of the same file, is used only for
 * that file's exact bytes, and a damaged one is ignored. */
static void
test_precompiled (void)
{
  char *dir = g_build_filename (pm_test_tmpdir (), "compiled", NULL);
  char *empty = g_build_filename (pm_test_tmpdir (), "no-compiled", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (empty, 0755), ==, 0);
  /* The project's dictionaries and Debian's (an 8-bit one: converted before compiling). */
  const char *dics[][3] = {
    { "hyphen/hyph_ru_RU.dic", "ru", "corpus/statement-ru.md" },
    { "hyphen/hyph_el_GR.dic", "el", "corpus/statement-el.md" },
    { "hyphen/hyph_tr_TR.dic", "tr", "corpus/statement-tr.md" },
    { "/usr/share/hyphen/hyph_en_US.dic", "en", "corpus/analysis-en.md" },
    { "/usr/share/hyphen/hyph_ru_RU.dic", "ru", "corpus/statement-ru.md" },
    { "/usr/share/hyphen/hyph_fr.dic", "fr", "corpus/statement-fr.md" },
  };
  for (size_t i = 0; i < G_N_ELEMENTS (dics); i++) {
    char *path = dics[i][0][0] == '/' ? g_strdup (dics[i][0]) : pm_test_source_path (dics[i][0]);
    if (!g_file_test (path, G_FILE_TEST_EXISTS)) {
      g_test_message ("%s not installed", path);
      g_free (path);
      continue;
    }
    GError *error = NULL;
    char *out = NULL;
    g_assert_true (pm_hyphen_compile (path, dir, &out, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
    PmHyphenator *compiled = load_full (path, dics[i][1], dir, TRUE);
    PmHyphenator *parsed = load_full (path, dics[i][1], empty, FALSE);
    char *corpus = pm_test_source_path (dics[i][2]);
    assert_same_breaks (compiled, parsed, corpus);
    pm_hyphenator_unref (compiled);
    pm_hyphenator_unref (parsed);
    g_free (corpus);
    g_free (out);
    g_free (path);
  }

  /* A dictionary changed after compiling is parsed: its new pattern counts. */
  char *dic = pm_test_write_file ("hyph_yy.dic", "UTF-8\na1b\n", -1);
  g_assert_true (pm_hyphen_compile (dic, dir, NULL, NULL));
  PmHyphenRules rules;
  pm_hyphen_rules_init (&rules, NULL);
  rules.left_min = rules.right_min = 1;
  PmHyphenator *h = load_full (dic, "yy", dir, TRUE);
  assert_marked (h, &rules, "abcdab", "a=bcda=b");
  pm_hyphenator_unref (h);
  g_free (pm_test_write_file ("hyph_yy.dic", "UTF-8\na1b\nc1d\n", -1));
  h = load_full (dic, "yy", dir, FALSE);
  assert_marked (h, &rules, "abcdab", "a=bc=da=b");
  pm_hyphenator_unref (h);

  /* A damaged compiled file (cut short, or bytes changed) is not used. */
  char *out = NULL;
  g_assert_true (pm_hyphen_compile (dic, dir, &out, NULL));
  char *bytes = NULL;
  gsize len = 0;
  g_assert_true (g_file_get_contents (out, &bytes, &len, NULL));
  g_assert_true (g_file_set_contents (out, bytes, (gssize)len / 2, NULL));
  h = load_full (dic, "yy", dir, FALSE);
  assert_marked (h, &rules, "abcdab", "a=bc=da=b");
  pm_hyphenator_unref (h);
  for (gsize k = 40; k < len; k++)
    bytes[k] = (char)0xff;
  g_assert_true (g_file_set_contents (out, bytes, (gssize)len, NULL));
  h = load_full (dic, "yy", dir, FALSE);
  assert_marked (h, &rules, "abcdab", "a=bc=da=b");
  pm_hyphenator_unref (h);
  g_free (bytes);
  g_free (out);
  g_free (dic);

  /* `make` compiled the project's dictionaries where the tests' and pamphlet's lookup finds
   * them. */
  PmHyphenator *ru = hyphenator ("ru");
  g_assert_true (pm_hyphenator_is_precompiled (ru));
  assert_marked (ru, NULL, "национализировать", "на=ци=о=на=ли=зи=ро=вать");
  pm_hyphenator_unref (ru);
  g_free (dir);
  g_free (empty);
}

/* Turkish breaks after the apostrophe of a suffix, with no hyphen. */
static void
test_plain_breaks (void)
{
  PmHyphenator *tr = hyphenator ("tr");
  static const struct {
    const char *word;
    int offset; /* -1: none */
  } cases[] = {
    { "Kazakistan’ın", 13 }, /* after the three bytes of ’ */
    { "Zhanaozen'de", 10 },  { "1990’larda", 7 },
    { "«Ankara’ya»,", 11 },  { "Ankara’y", -1 }, /* a one-letter suffix is below 2/2 */
    { "’tan", -1 },          { "kamulaştırmaya", -1 },
    { "Ankara’ya’ya", 14 }, /* only the suffix that ends the word */
  };
  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++) {
    GArray *breaks = pm_hyphenator_plain_breaks (tr, cases[i].word, -1, NULL);
    g_test_message ("%s", cases[i].word);
    if (cases[i].offset < 0) {
      g_assert_cmpuint (breaks->len, ==, 0);
    } else {
      g_assert_cmpuint (breaks->len, ==, 1);
      g_assert_cmpint (g_array_index (breaks, int, 0), ==, cases[i].offset);
    }
    g_array_unref (breaks);
  }
  /* The stem's minimum counts too. */
  PmHyphenRules rules;
  pm_hyphen_rules_init (&rules, "tr");
  rules.left_min = 5;
  GArray *none = pm_hyphenator_plain_breaks (tr, "Ali’nin", -1, &rules);
  g_assert_cmpuint (none->len, ==, 0);
  g_array_unref (none);
  pm_hyphenator_unref (tr);

  /* Other languages keep their apostrophes whole. */
  PmHyphenator *fr = hyphenator ("fr");
  GArray *fr_breaks = pm_hyphenator_plain_breaks (fr, "aujourd'hui", -1, NULL);
  g_assert_cmpuint (fr_breaks->len, ==, 0);
  g_array_unref (fr_breaks);
  pm_hyphenator_unref (fr);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hyphen/rules-init", test_rules_init);
  g_test_add_func ("/hyphen/samples", test_samples);
  g_test_add_func ("/hyphen/minima", test_minima);
  g_test_add_func ("/hyphen/boundaries", test_boundaries);
  g_test_add_func ("/hyphen/decomposed", test_decomposed);
  g_test_add_func ("/hyphen/not-hyphenated", test_not_hyphenated);
  g_test_add_func ("/hyphen/soft-hyphens", test_soft_hyphens);
  g_test_add_func ("/hyphen/compounds", test_compounds);
  g_test_add_func ("/hyphen/unknown-language", test_unknown_language);
  g_test_add_func ("/hyphen/lookup", test_lookup);
  g_test_add_func ("/hyphen/charsets", test_charsets);
  g_test_add_func ("/hyphen/cache", test_cache);
  g_test_add_func ("/hyphen/precompiled", test_precompiled);
  g_test_add_func ("/hyphen/plain-breaks", test_plain_breaks);
  return g_test_run ();
}
