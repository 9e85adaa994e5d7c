/* pm-lang.c: BCP 47 syntax (RFC 5646 section 2.1) and ISO code tables. */
#include "corpus/pm-lang.h"

#include <string.h>

#include "corpus/pm-lang-tables.inc"

/* Codes people write for a language by mistake: countries, old codes, names. */
static const char *const mistakes[][2] = {
  { "gr", "el" },      { "gk", "el" },       { "ua", "uk" },       { "jp", "ja" },
  { "cn", "zh" },      { "kz", "kk" },       { "dk", "da" },       { "cz", "cs" },
  { "iw", "he" },      { "in", "id" },       { "ji", "yi" },       { "mo", "ro" },
  { "sp", "es" },      { "ge", "ka" },       { "greek", "el" },    { "english", "en" },
  { "french", "fr" },  { "russian", "ru" },  { "turkish", "tr" },  { "italian", "it" },
  { "german", "de" },  { "spanish", "es" },  { "kazakh", "kk" },   { "ukrainian", "uk" },
  { "español", "es" }, { "français", "fr" }, { "ελληνικά", "el" },
};

/* Whole tags RFC 5646 keeps from RFC 3066 that do not follow the grammar. */
static const char *const grandfathered[] = {
  "en-GB-oed", "i-ami",     "i-bnn",     "i-default",  "i-enochian",  "i-hak",  "i-klingon",
  "i-lux",     "i-mingo",   "i-navajo",  "i-pwn",      "i-tao",       "i-tay",  "i-tsu",
  "sgn-BE-FR", "sgn-BE-NL", "sgn-CH-DE", "art-lojban", "cel-gaulish", "no-bok", "no-nyn",
  "zh-guoyu",  "zh-hakka",  "zh-min",    "zh-min-nan", "zh-xiang",
};

/* Binary search for the WIDTH-byte code KEY (lower or upper case as the table is) in TABLE. */
static gboolean
table_has (const char *table, gsize width, const char *key)
{
  gsize lo = 0, hi = strlen (table) / width;
  while (lo < hi) {
    gsize mid = (lo + hi) / 2;
    int c = strncmp (table + mid * width, key, width);
    if (c == 0)
      return TRUE;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return FALSE;
}

/* In the hints table (three-letter code followed by two-letter code), the short form. */
static const char *
hint_for (const char *code3, char out[3])
{
  gsize n = strlen (pm_lang_hints) / 5;
  for (gsize i = 0; i < n; i++)
    if (!strncmp (pm_lang_hints + i * 5, code3, 3)) {
      memcpy (out, pm_lang_hints + i * 5 + 3, 2);
      out[2] = 0;
      return out;
    }
  return NULL;
}

static gboolean
all (const char *s, gsize len, gboolean (*pred) (gchar))
{
  for (gsize i = 0; i < len; i++)
    if (!pred (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_alpha (gchar c)
{
  return g_ascii_isalpha (c);
}

static gboolean
is_digit (gchar c)
{
  return g_ascii_isdigit (c);
}

static gboolean
is_alnum (gchar c)
{
  return g_ascii_isalnum (c);
}

static gboolean fail (char **why, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (char **why, const char *format, ...)
{
  if (why) {
    va_list ap;
    va_start (ap, format);
    *why = g_strdup_vprintf (format, ap);
    va_end (ap);
  }
  return FALSE;
}

static gboolean
check_language (const char *tag, const char *sub, char **why)
{
  gsize n = strlen (sub);
  char *low = g_ascii_strdown (sub, -1);
  char shorter[3];
  gboolean ok = FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (mistakes); i++)
    if (!strcmp (low, mistakes[i][0])) {
      fail (why, "'%s' is not a language code; write '%s'", sub, mistakes[i][1]);
      goto out;
    }
  if (!all (sub, n, is_alpha) || n < 2 || n > 8 || n == 4) {
    fail (why,
          "'%s' is not a language subtag: write an ISO 639 code of 2 or 3 letters (el, tr, fr)",
          sub);
    goto out;
  }
  if (n == 2)
    ok = table_has (pm_lang_two, 2, low);
  else if (n == 3) {
    if (hint_for (low, shorter)) {
      fail (why, "'%s' has a two-letter code, which BCP 47 asks for: write '%s'", sub, shorter);
      goto out;
    }
    /* qaa-qtz are reserved for private use and valid as such */
    ok = table_has (pm_lang_three, 3, low) || (low[0] == 'q' && low[1] >= 'a' && low[1] <= 't');
  }
  if (!ok)
    fail (why, "unknown language '%s' in '%s': write an ISO 639 code (el, tr, fr, ru, it, en)", sub,
          tag);
out:
  g_free (low);
  return ok;
}

gboolean
pm_lang_validate (const char *tag, char **why)
{
  if (why)
    *why = NULL;
  if (!tag || !*tag)
    return fail (why, "the language tag is empty: write a BCP 47 tag such as 'el' or 'fr-FR'");
  if (!g_utf8_validate (tag, -1, NULL))
    return fail (why, "the language tag is not UTF-8 text: write a BCP 47 tag such as 'el'");
  for (gsize i = 0; i < G_N_ELEMENTS (grandfathered); i++)
    if (!g_ascii_strcasecmp (tag, grandfathered[i]))
      return TRUE;
  if (strchr (tag, '_')) {
    char *fixed = g_strdelimit (g_strdup (tag), "_", '-');
    fail (why, "subtags are joined with '-', not '_': write '%s'", fixed);
    g_free (fixed);
    return FALSE;
  }
  for (const char *p = tag; *p; p++)
    if (!is_alnum (*p) && *p != '-') {
      char *low = g_utf8_strdown (tag, -1);
      for (gsize i = 0; i < G_N_ELEMENTS (mistakes); i++)
        if (!strcmp (low, mistakes[i][0])) {
          g_free (low);
          return fail (why, "'%s' is a language name; write its code '%s'", tag, mistakes[i][1]);
        }
      g_free (low);
      return fail (why,
                   "'%s' has a character a language tag cannot have (only letters, digits "
                   "and '-'): write a BCP 47 tag such as 'el' or 'fr-FR'",
                   tag);
    }

  char **subs = g_strsplit (tag, "-", -1);
  guint n = g_strv_length (subs);
  gboolean ok = FALSE;
  guint i = 0;
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint k = 0; k < n; k++)
    if (!*subs[k]) {
      fail (why, "'%s' has an empty subtag (a leading, trailing or doubled '-')", tag);
      goto out;
    }
  if (strlen (subs[0]) == 1) {
    if (g_ascii_tolower (subs[0][0]) != 'x') {
      fail (why, "'%s' starts with a single letter; start with a language code such as 'el'", tag);
      goto out;
    }
  } else {
    if (!check_language (tag, subs[i], why))
      goto out;
    i++;
    /* extlang: up to three 3-letter subtags after a 2-3 letter language */
    for (guint e = 0; e < 3 && i < n && strlen (subs[i]) == 3 && all (subs[i], 3, is_alpha);
         e++, i++)
      ;
    if (i < n && strlen (subs[i]) == 4 && all (subs[i], 4, is_alpha)) {
      char script[5] = { g_ascii_toupper (subs[i][0]), g_ascii_tolower (subs[i][1]),
                         g_ascii_tolower (subs[i][2]), g_ascii_tolower (subs[i][3]), 0 };
      if (!table_has (pm_lang_scripts, 4, script)) {
        fail (why,
              "unknown script '%s' in '%s': write an ISO 15924 code such as 'Latn', 'Cyrl' or "
              "'Grek', or leave it out",
              subs[i], tag);
        goto out;
      }
      i++;
    }
    if (i < n && strlen (subs[i]) == 2 && all (subs[i], 2, is_alpha)) {
      char region[3] = { g_ascii_toupper (subs[i][0]), g_ascii_toupper (subs[i][1]), 0 };
      gboolean private_use = !strcmp (region, "AA") || !strcmp (region, "ZZ") ||
                             (region[0] == 'Q' && region[1] >= 'M') || region[0] == 'X';
      if (!strcmp (region, "UK")) {
        fail (why, "the United Kingdom's region code is 'GB': write '%s-GB'", subs[0]);
        goto out;
      }
      if (!private_use && strcmp (region, "EU") && strcmp (region, "UN") &&
          !table_has (pm_lang_regions, 2, region)) {
        fail (why,
              "unknown region '%s' in '%s': write an ISO 3166 country code such as 'GR', "
              "or leave it out",
              subs[i], tag);
        goto out;
      }
      i++;
    } else if (i < n && strlen (subs[i]) == 3 && all (subs[i], 3, is_digit)) {
      i++;
    }
    for (; i < n; i++) {
      gsize len = strlen (subs[i]);
      gboolean variant = (len >= 5 && len <= 8 && all (subs[i], len, is_alnum)) ||
                         (len == 4 && is_digit (subs[i][0]) && all (subs[i], 4, is_alnum));
      if (!variant)
        break;
      char *low = g_ascii_strdown (subs[i], -1);
      if (!g_hash_table_add (seen, low)) {
        fail (why, "'%s' repeats the variant '%s'", tag, subs[i]);
        goto out;
      }
    }
    /* extensions: a singleton other than x, then subtags of 2-8 characters */
    while (i < n && strlen (subs[i]) == 1 && g_ascii_tolower (subs[i][0]) != 'x') {
      char *single = g_ascii_strdown (subs[i], -1);
      if (!g_hash_table_add (seen, single)) {
        fail (why, "'%s' repeats the extension '%s'", tag, subs[i]);
        goto out;
      }
      guint first = ++i;
      while (i < n && strlen (subs[i]) >= 2 && strlen (subs[i]) <= 8)
        i++;
      if (i == first) {
        fail (why, "the extension '%s' in '%s' has no subtags after it", subs[first - 1], tag);
        goto out;
      }
    }
    if (i == n) {
      ok = TRUE;
      goto out;
    }
    if (strlen (subs[i]) != 1 || g_ascii_tolower (subs[i][0]) != 'x') {
      fail (why,
            "'%s' in '%s' is not a script, region, variant or extension; write a tag such "
            "as 'el' or 'el-GR'",
            subs[i], tag);
      goto out;
    }
  }
  /* private use: x, then subtags of 1-8 characters */
  if (i + 1 >= n) {
    fail (why, "'%s' ends with 'x' and no private-use subtags after it", tag);
    goto out;
  }
  for (i++; i < n; i++)
    if (strlen (subs[i]) > 8) {
      fail (why, "the private-use subtag '%s' is longer than 8 characters", subs[i]);
      goto out;
    }
  ok = TRUE;
out:
  g_hash_table_unref (seen);
  g_strfreev (subs);
  return ok;
}

char *
pm_lang_primary (const char *tag)
{
  if (!tag)
    return g_strdup ("");
  const char *dash = strchr (tag, '-');
  if (!dash || dash - tag == 1)
    return g_ascii_strdown (tag, -1);
  return g_ascii_strdown (tag, dash - tag);
}
