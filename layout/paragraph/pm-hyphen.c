/* pm-hyphen.c: libhyphen dictionaries behind a word -> byte offsets interface.
 *
 * Dictionaries in 8-bit charsets (Debian's Russian one is KOI8-R) are converted to UTF-8 once
 * when loaded, so every lookup is in UTF-8. Words are lower-cased character by character, so
 * the n-th character of the lookup word is the n-th of the caller's word and offsets map back
 * through a character index. libhyphen's own minima are switched off: the caller's rules
 * decide, and results are cached before the minima so that one cache serves every rule set. */
#include "paragraph/pm-hyphen.h"

#include <hyphen.h>
#include <stdio.h>
#include <string.h>

#include "base/pm-data.h"
#include "base/pm-error.h"

#define SYSTEM_HYPHEN_DIR "/usr/share/hyphen"

/* Longer "words" are tables of data or garbage, not something to hyphenate; the limit also
 * keeps character positions in a byte. */
#define MAX_WORD_CHARS 200

struct _PmHyphenator {
  HyphenDict *dict;
  char *lang;
  char *dictionary;
  PmHyphenRules rules;
  /* Turkish and Azerbaijani lower-case I to dotless ı and İ to i, and break after the
   * apostrophe before a suffix without a hyphen. */
  gboolean dotless_i;
  /* lower-cased word -> guint8[] { n, pos1 .. posn }: character positions where the patterns
   * allow a break (before that character), minima not applied. */
  GHashTable *cache;
};

typedef struct {
  const char *lang;
  int left, right;
} Minima;

/* TeX's hyphenmins (hyph-utf8's "typesetting" values, babel's for English). */
static const Minima tex_minima[] = {
  { "el", 1, 1 }, { "tr", 2, 2 }, { "ru", 2, 2 }, { "fr", 2, 2 }, { "it", 2, 2 },
  { "en", 2, 3 }, { "bg", 2, 2 }, { "uk", 2, 2 }, { "de", 2, 2 }, { "es", 2, 2 },
  { "nl", 2, 2 }, { "pl", 2, 2 }, { "hu", 2, 2 }, { "ca", 2, 2 }, { "pt", 2, 3 },
  { "cs", 2, 3 }, { "sk", 2, 3 }, { "kk", 2, 2 }, { "be", 2, 2 }, { "sr", 2, 2 },
};

/* The region whose dictionary a bare language tag means, where Debian names files by region. */
static const char *const default_regions[][2] = {
  { "el", "GR" }, { "ru", "RU" }, { "fr", "FR" }, { "it", "IT" }, { "en", "US" }, { "tr", "TR" },
  { "bg", "BG" }, { "uk", "UA" }, { "de", "DE" }, { "es", "ES" }, { "pt", "PT" }, { "nl", "NL" },
  { "pl", "PL" }, { "hu", "HU" }, { "cs", "CZ" }, { "sk", "SK" }, { "da", "DK" }, { "sv", "SE" },
  { "nb", "NO" }, { "nn", "NO" }, { "ro", "RO" }, { "hr", "HR" }, { "sl", "SI" }, { "lt", "LT" },
  { "lv", "LV" }, { "et", "EE" }, { "fi", "FI" }, { "ca", "ES" }, { "gl", "ES" }, { "kk", "KZ" },
  { "be", "BY" }, { "sr", "RS" }, { "mn", "MN" }, { "is", "IS" }, { "ga", "IE" }, { "af", "ZA" },
};

/* Splits a BCP 47 tag ("en-GB", "sr-Latn-RS", "tr_TR") into a lower-case language and an
 * upper-case region (NULL if none). */
static void
parse_tag (const char *tag, char **language, char **region)
{
  char **parts = g_strsplit_set (tag, "-_", -1);
  *language = g_ascii_strdown (parts[0] ? parts[0] : "", -1);
  *region = NULL;
  for (int i = 1; parts[0] && parts[i]; i++) {
    size_t n = strlen (parts[i]);
    gboolean digits = n == 3 && g_ascii_isdigit (parts[i][0]);
    if ((n == 2 && g_ascii_isalpha (parts[i][0])) || digits) {
      *region = g_ascii_strup (parts[i], -1);
      break;
    }
  }
  g_strfreev (parts);
}

void
pm_hyphen_rules_init (PmHyphenRules *rules, const char *lang)
{
  rules->left_min = 2;
  rules->right_min = 3;
  rules->capitalised = TRUE;
  rules->compound_parts = FALSE;
  if (!lang)
    return;
  /* The language subtag, compared in place: the paragraph builder asks once per word. */
  size_t n = strcspn (lang, "-_");
  for (size_t i = 0; i < G_N_ELEMENTS (tex_minima); i++)
    if (strlen (tex_minima[i].lang) == n &&
        g_ascii_strncasecmp (tex_minima[i].lang, lang, n) == 0) {
      rules->left_min = tex_minima[i].left;
      rules->right_min = tex_minima[i].right;
    }
}

/* The candidate dictionary names for a language, best first. */
static GPtrArray *
candidate_names (const char *language, const char *region)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  if (region)
    g_ptr_array_add (names, g_strdup_printf ("hyph_%s_%s.dic", language, region));
  g_ptr_array_add (names, g_strdup_printf ("hyph_%s.dic", language));
  for (size_t i = 0; i < G_N_ELEMENTS (default_regions); i++)
    if (strcmp (default_regions[i][0], language) == 0 &&
        g_strcmp0 (default_regions[i][1], region) != 0)
      g_ptr_array_add (names, g_strdup_printf ("hyph_%s_%s.dic", language, default_regions[i][1]));
  return names;
}

/* Any hyph_<language>_*.dic in DIR, the first in name order; NULL if none. */
static char *
glob_dictionary (const char *dir, const char *language)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  if (!d)
    return NULL;
  char *prefix = g_strdup_printf ("hyph_%s_", language);
  char *best = NULL;
  const char *name;
  while ((name = g_dir_read_name (d)))
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".dic") &&
        (!best || strcmp (name, best) < 0)) {
      g_free (best);
      best = g_strdup (name);
    }
  g_dir_close (d);
  g_free (prefix);
  char *path = best ? g_build_filename (dir, best, NULL) : NULL;
  g_free (best);
  return path;
}

static char *
find_dictionary (const char *language, const char *region)
{
  GPtrArray *names = candidate_names (language, region);
  char *found = NULL;
  for (guint i = 0; i < names->len && !found; i++) {
    char *relative = g_build_filename ("hyphen", (char *)names->pdata[i], NULL);
    found = pm_data_find (relative);
    g_free (relative);
  }
  for (guint i = 0; i < names->len && !found; i++) {
    char *path = g_build_filename (SYSTEM_HYPHEN_DIR, (char *)names->pdata[i], NULL);
    if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
      found = path;
    else
      g_free (path);
  }
  g_ptr_array_unref (names);
  if (!found)
    found = glob_dictionary (SYSTEM_HYPHEN_DIR, language);
  return found;
}

/* Loads PATH, converting it to UTF-8 first if its first line names another charset. */
static HyphenDict *
load_dictionary (const char *path, GError **error)
{
  char *contents;
  gsize length;
  GError *read_error = NULL;
  if (!g_file_get_contents (path, &contents, &length, &read_error)) {
    g_set_error (error, PM_ERROR, PM_ERROR_IO, "hyphenation dictionary: %s", read_error->message);
    g_error_free (read_error);
    return NULL;
  }

  const char *eol = memchr (contents, '\n', length);
  gsize first_len = eol ? (gsize)(eol - contents) : length;
  char *charset = g_strstrip (g_strndup (contents, first_len));
  /* OpenOffice-era dictionaries name Windows code pages this way; iconv does not. */
  const char *iconv_name = g_str_has_prefix (charset, "microsoft-") ? charset + 10 : charset;

  char *utf8 = NULL;
  gsize utf8_len = 0;
  if (g_ascii_strcasecmp (charset, "UTF-8") != 0) {
    GError *conv_error = NULL;
    char *body = g_convert (contents + first_len, length - first_len, "UTF-8", iconv_name, NULL,
                            &utf8_len, &conv_error);
    if (!body) {
      g_set_error (error, PM_ERROR, PM_ERROR_IO,
                   "hyphenation dictionary %s: cannot convert from %s: %s", path, charset,
                   conv_error->message);
      g_error_free (conv_error);
      g_free (charset);
      g_free (contents);
      return NULL;
    }
    utf8 = g_strconcat ("UTF-8", body, NULL);
    utf8_len += 5;
    g_free (body);
  }
  g_free (charset);

  FILE *f = utf8 ? fmemopen (utf8, utf8_len, "r") : fmemopen (contents, length, "r");
  HyphenDict *dict = f ? hnj_hyphen_load_file (f) : NULL;
  if (f)
    fclose (f);
  g_free (utf8);
  g_free (contents);
  if (!dict) {
    g_set_error (error, PM_ERROR, PM_ERROR_IO, "hyphenation dictionary %s could not be loaded",
                 path);
    return NULL;
  }
  /* Minima are the caller's (PmHyphenRules); 1 is libhyphen's "no limit". */
  for (HyphenDict *d = dict; d; d = d->nextlevel) {
    d->lhmin = 1;
    d->rhmin = 1;
  }
  return dict;
}

PmHyphenator *
pm_hyphenator_new (const char *lang, GError **error)
{
  g_return_val_if_fail (lang != NULL, NULL);
  char *language, *region;
  parse_tag (lang, &language, &region);
  /* Only a well-formed language subtag becomes part of a file name. */
  gboolean valid = strlen (language) >= 2 && strlen (language) <= 8;
  for (const char *c = language; *c; c++)
    valid = valid && g_ascii_isalpha (*c);
  if (region)
    for (const char *c = region; *c; c++)
      valid = valid && g_ascii_isalnum (*c);
  char *path = valid ? find_dictionary (language, region) : NULL;
  if (!path) {
    g_set_error (error, PM_ERROR, PM_ERROR_INPUT,
                 "no hyphenation patterns for language '%s' (looked for hyph_%s*.dic in the "
                 "data directory's hyphen/ and in " SYSTEM_HYPHEN_DIR ")",
                 lang, language);
    g_free (language);
    g_free (region);
    return NULL;
  }
  PmHyphenator *h = pm_hyphenator_new_for_file (path, lang, error);
  g_free (path);
  g_free (language);
  g_free (region);
  return h;
}

PmHyphenator *
pm_hyphenator_new_for_file (const char *path, const char *lang, GError **error)
{
  g_return_val_if_fail (path != NULL && lang != NULL, NULL);
  HyphenDict *dict = load_dictionary (path, error);
  if (!dict)
    return NULL;
  char *language, *region;
  parse_tag (lang, &language, &region);
  PmHyphenator *h = g_new0 (PmHyphenator, 1);
  h->dict = dict;
  h->lang = g_strdup (lang);
  h->dictionary = g_strdup (path);
  h->dotless_i = strcmp (language, "tr") == 0 || strcmp (language, "az") == 0;
  pm_hyphen_rules_init (&h->rules, lang);
  h->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_free (language);
  g_free (region);
  return h;
}

void
pm_hyphenator_free (PmHyphenator *h)
{
  if (!h)
    return;
  hnj_hyphen_free (h->dict);
  g_hash_table_unref (h->cache);
  g_free (h->lang);
  g_free (h->dictionary);
  g_free (h);
}

const char *
pm_hyphenator_get_dictionary (PmHyphenator *h)
{
  return h->dictionary;
}

const char *
pm_hyphenator_get_language (PmHyphenator *h)
{
  return h->lang;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_ismark (c) || is_apostrophe (c);
}

/* The pattern breaks of LOWER (N characters), from the cache or from libhyphen. */
static const guint8 *
pattern_breaks (PmHyphenator *h, const char *lower, int n)
{
  const guint8 *cached = g_hash_table_lookup (h->cache, lower);
  if (cached)
    return cached;

  int blen = (int)strlen (lower);
  char *hyphens = g_malloc (blen + 5);
  char **rep = NULL;
  int *pos = NULL, *cut = NULL;
  guint8 *breaks = g_malloc (n + 1);
  int count = 0;
  if (hnj_hyphen_hyphenate2 (h->dict, lower, blen, hyphens, NULL, &rep, &pos, &cut) == 0) {
    /* For UTF-8 dictionaries libhyphen indexes hyphens[] by character: hyphens[i] odd is a
     * break after character i. Breaks that change the spelling (non-standard patterns,
     * rep[i]) cannot be expressed as an offset and are left out. */
    for (int i = 0; i + 1 < n; i++)
      if ((hyphens[i] & 1) && !(rep && rep[i]))
        breaks[1 + count++] = (guint8)(i + 1);
  }
  breaks[0] = (guint8)count;
  if (rep) {
    for (int i = 0; i < blen; i++)
      free (rep[i]);
    free (rep);
  }
  free (pos);
  free (cut);
  g_free (hyphens);
  g_hash_table_insert (h->cache, g_strdup (lower), breaks);
  return breaks;
}

/* Hyphenates one part of a word (no explicit hyphens, no soft hyphens), adding byte offsets
 * (plus BASE) to OUT. */
static void
hyphenate_part (PmHyphenator *h, const char *part, const char *end, int base,
                const PmHyphenRules *rules, GArray *out)
{
  /* Trim the punctuation around the word: quotes, brackets, full stops. */
  const char *start = part;
  while (start < end && !g_unichar_isalpha (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  const char *stop = end;
  while (stop > start) {
    const char *prev = g_utf8_prev_char (stop);
    gunichar c = g_utf8_get_char (prev);
    if (g_unichar_isalpha (c) || g_unichar_ismark (c))
      break;
    stop = prev;
  }
  if (start >= stop)
    return;

  int offsets[MAX_WORD_CHARS + 1];
  GString *lower = g_string_sized_new (stop - start + 8);
  int n = 0;
  gboolean ok = TRUE, seen_lower = FALSE;
  for (const char *p = start; p < stop; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (n == MAX_WORD_CHARS || !is_word_char (c)) {
      ok = FALSE; /* digits, symbols, too long: not a word to hyphenate */
      break;
    }
    if (n == 0 && !rules->capitalised && (g_unichar_isupper (c) || g_unichar_istitle (c))) {
      ok = FALSE;
      break;
    }
    /* A capital after a small letter (KazMunayGas, iPhone): a brand or code, which patterns
     * made for the language's words break badly (Ka-z-Mu-nay-Gas). */
    gboolean upper = g_unichar_isupper (c) || g_unichar_istitle (c);
    if (upper && seen_lower) {
      ok = FALSE;
      break;
    }
    seen_lower = seen_lower || g_unichar_islower (c);
    gunichar l;
    if (is_apostrophe (c))
      l = '\'';
    else if (h->dotless_i && c == 'I')
      l = 0x0131;
    else if (h->dotless_i && c == 0x0130)
      l = 'i';
    else if (c == 0x03A3 && g_utf8_next_char (p) == stop)
      l = 0x03C2; /* Greek capital sigma ending the word is a final sigma */
    else
      l = g_unichar_tolower (c);
    offsets[n++] = (int)(p - start);
    g_string_append_unichar (lower, l);
  }
  offsets[n] = (int)(stop - start);

  if (ok && n >= rules->left_min + rules->right_min && n >= 2) {
    const guint8 *breaks = pattern_breaks (h, lower->str, n);
    for (int i = 1; i <= breaks[0]; i++) {
      int k = breaks[i];
      /* Never between a letter and its combining mark (decomposed text). */
      if (k >= rules->left_min && n - k >= rules->right_min && k > 0 && k < n &&
          !g_unichar_ismark (g_utf8_get_char (start + offsets[k]))) {
        int offset = base + (int)(start - part) + offsets[k];
        g_array_append_val (out, offset);
      }
    }
  }
  g_string_free (lower, TRUE);
}

/* Whether WORD has digits (anywhere, even where punctuation would be trimmed: "1990s",
 * "B2B") or looks like a URL, an e-mail address or a file name rather than a word. */
static gboolean
is_not_a_word (const char *word, const char *end)
{
  for (const char *p = word; p < end; p = g_utf8_next_char (p))
    if (g_unichar_isdigit (g_utf8_get_char (p)))
      return TRUE;
  for (const char *p = word; p < end; p++) {
    if (*p == '@' || *p == '/' || *p == '\\' || *p == ':' || *p == '_' || *p == '=' || *p == '#' ||
        *p == '~')
      return TRUE;
    /* An inner full stop followed by a letter: example.com, www.site. */
    if (*p == '.' && p > word && p + 1 < end && g_ascii_isalpha (p[1]))
      return TRUE;
  }
  return FALSE;
}

GArray *
pm_hyphenator_hyphenate (PmHyphenator *h, const char *word, gssize len, const PmHyphenRules *rules)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int));
  if (len < 0)
    len = (gssize)strlen (word);
  if (!rules)
    rules = &h->rules;
  if (len == 0 || !g_utf8_validate_len (word, len, NULL))
    return out;
  const char *end = word + len;

  /* Soft hyphens are the author's choice: those places and no others. */
  gboolean soft = FALSE;
  for (const char *p = word; p < end; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == 0x00AD) {
      soft = TRUE;
      int offset = (int)(g_utf8_next_char (p) - word);
      if (offset < len && p > word)
        g_array_append_val (out, offset);
    }
  if (soft || is_not_a_word (word, end))
    return out;

  /* Explicit hyphens and other dashes split the word into parts; the breaker already breaks
   * after them, so the parts are hyphenated only when the rules ask for it. */
  const char *part = word;
  for (const char *p = word; p < end; p = g_utf8_next_char (p)) {
    if (g_unichar_type (g_utf8_get_char (p)) != G_UNICODE_DASH_PUNCTUATION)
      continue;
    if (!rules->compound_parts) {
      g_array_set_size (out, 0);
      return out;
    }
    hyphenate_part (h, part, p, (int)(part - word), rules, out);
    part = g_utf8_next_char (p);
  }
  hyphenate_part (h, part, end, (int)(part - word), rules, out);
  return out;
}

GArray *
pm_hyphenator_plain_breaks (PmHyphenator *h, const char *word, gssize len,
                            const PmHyphenRules *rules)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (int));
  if (len < 0)
    len = (gssize)strlen (word);
  if (!rules)
    rules = &h->rules;
  if (!h->dotless_i || len == 0 || !g_utf8_validate_len (word, len, NULL))
    return out;
  const char *end = word + len;
  /* The stem counts from the first letter or digit, the suffix to the last letter. */
  const char *first = word;
  while (first < end && !g_unichar_isalnum (g_utf8_get_char (first)))
    first = g_utf8_next_char (first);
  for (const char *p = first; p < end; p = g_utf8_next_char (p)) {
    if (!is_apostrophe (g_utf8_get_char (p)) || p == first)
      continue;
    const char *after = g_utf8_next_char (p);
    int suffix = 0;
    const char *q = after;
    while (q < end && g_unichar_isalpha (g_utf8_get_char (q))) {
      suffix++;
      q = g_utf8_next_char (q);
    }
    /* Only a suffix of letters that ends the word (trailing punctuation aside). */
    gboolean rest_is_punctuation = TRUE;
    for (const char *r = q; r < end; r = g_utf8_next_char (r))
      if (g_unichar_isalnum (g_utf8_get_char (r)) || is_apostrophe (g_utf8_get_char (r)))
        rest_is_punctuation = FALSE;
    if (suffix >= MAX (rules->right_min, 1) && rest_is_punctuation &&
        g_utf8_strlen (first, after - first) >= rules->left_min + 1) {
      int offset = (int)(after - word);
      g_array_append_val (out, offset);
    }
  }
  return out;
}
