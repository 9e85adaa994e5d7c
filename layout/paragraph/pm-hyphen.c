/* pm-hyphen.c: libhyphen dictionaries behind a word -> byte offsets interface.
 *
 * Dictionaries in 8-bit charsets (Debian's Russian one is KOI8-R) are converted to UTF-8 once
 * when loaded, so every lookup is in UTF-8. Words are lower-cased character by character, so
 * the n-th character of the lookup word is the n-th of the caller's word and offsets map back
 * through a character index. libhyphen's own minima are switched off: the caller's rules
 * decide, and results are cached before the minima so that one cache serves every rule set. */
#include "paragraph/pm-hyphen.h"
#include "base/pm-prefault.h"

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
  /* A precompiled dictionary's file, mapped: DICT and its levels point into it and are freed
   * here, not by libhyphen. NULL for a dictionary libhyphen parsed. */
  GMappedFile *compiled;
  char *lang;
  char *dictionary;
  PmHyphenRules rules;
  /* Turkish and Azerbaijani lower-case I to dotless ı and İ to i, and break after the
   * apostrophe before a suffix without a hyphen. */
  gboolean dotless_i;
  /* lower-cased word -> guint8[] { n, pos1 .. posn }: character positions where the patterns
   * allow a break (before that character), minima not applied. Under LOCK: texts set on
   * several threads share a hyphenator. */
  GHashTable *cache;
  GMutex lock;
  gint ref_count;
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

/* Parses CONTENTS (LENGTH bytes) of the dictionary PATH with libhyphen, converting it to
 * UTF-8 first if its first line names another charset. */
static HyphenDict *
parse_dictionary (const char *path, const char *contents, gsize length, GError **error)
{
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
      return NULL;
    }
    utf8 = g_strconcat ("UTF-8", body, NULL);
    utf8_len += 5;
    g_free (body);
  }
  g_free (charset);

  FILE *f = utf8 ? fmemopen (utf8, utf8_len, "r") : fmemopen ((char *)contents, length, "r");
  HyphenDict *dict = f ? hnj_hyphen_load_file (f) : NULL;
  if (f)
    fclose (f);
  g_free (utf8);
  if (!dict) {
    g_set_error (error, PM_ERROR, PM_ERROR_IO, "hyphenation dictionary %s could not be loaded",
                 path);
    return NULL;
  }
  return dict;
}

/* Minima are the caller's (PmHyphenRules); 1 is libhyphen's "no limit". */
static void
clear_minima (HyphenDict *dict)
{
  for (HyphenDict *d = dict; d; d = d->nextlevel) {
    d->lhmin = 1;
    d->rhmin = 1;
  }
}

static GMappedFile *
read_dictionary (const char *path, const char **contents, gsize *length, GError **error)
{
  GError *read_error = NULL;
  GMappedFile *file = g_mapped_file_new (path, FALSE, &read_error);
  if (!file) {
    g_set_error (error, PM_ERROR, PM_ERROR_IO, "hyphenation dictionary: %s", read_error->message);
    g_error_free (read_error);
    return NULL;
  }
  *length = g_mapped_file_get_length (file);
  /* An empty file maps to NULL. */
  *contents = *length ? g_mapped_file_get_contents (file) : "";
  return file;
}

/* ---- precompiled dictionaries ----
 *
 * libhyphen builds its automaton from the patterns with a hash table, a few allocations per
 * pattern: for the big dictionaries (English, Russian) that costs more than hyphenating a whole
 * booklet. `make` saves every dictionary's automaton (pm_hyphen_compile) as a file named by a
 * hash of the .dic's bytes; loading one is reading a file and fixing up pointers. A file is
 * used only for the exact bytes it was made from, so a changed dictionary is parsed again.
 *
 * Layout (native byte order and struct layout: made and read by the same build):
 *   Header, then per level of the dictionary chain: Level, Level.num_states CState,
 *   Level.n_trans HyphenTrans (libhyphen's own struct, used in place), Level.strings_len
 *   bytes of NUL-terminated strings (padded to 8). */

#define COMPILED_MAGIC "PMHYPH\x01\x00"
#define MAX_LEVELS 4

typedef struct {
  char magic[8];
  guint64 source_hash;
  guint64 source_size;
  guint32 n_levels;
  guint32 sizeof_trans; /* sizeof (HyphenTrans) where it was made */
} CHeader;

typedef struct {
  gint8 lhmin, rhmin, clhmin, crhmin;
  gint32 utf8;
  gint32 num_states;
  gint32 nohyphenl;
  gint32 nohyphen; /* string offset, -1: none */
  guint32 n_trans;
  guint32 strings_len;
  char cset[MAX_NAME];
} CLevel;

typedef struct {
  gint32 match, repl; /* string offsets, -1: none */
  gint32 fallback_state;
  gint32 num_trans;
  gint8 replindex, replcut;
  gint8 pad[6];
} CState;

static guint64
fnv1a (const char *data, gsize len)
{
  guint64 h = 0xcbf29ce484222325ull;
  for (gsize i = 0; i < len; i++) {
    h ^= (guchar)data[i];
    h *= 0x100000001b3ull;
  }
  return h;
}

static char *
compiled_name (guint64 hash)
{
  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x.pmh", hash);
}

static gsize
pad8 (gsize n)
{
  return (n + 7) & ~(gsize)7;
}

static gint32
add_string (GString *strings, const char *s)
{
  if (!s)
    return -1;
  gint32 off = (gint32)strings->len;
  g_string_append_len (strings, s, (gssize)strlen (s) + 1);
  return off;
}

static gboolean
write_compiled (HyphenDict *dict, guint64 hash, gsize size, const char *out, GError **error)
{
  GByteArray *bytes = g_byte_array_new ();
  CHeader hd = { COMPILED_MAGIC, hash, size, 0, sizeof (HyphenTrans) };
  for (HyphenDict *d = dict; d; d = d->nextlevel)
    hd.n_levels++;
  g_byte_array_append (bytes, (const guint8 *)&hd, sizeof hd);
  for (HyphenDict *d = dict; d; d = d->nextlevel) {
    GString *strings = g_string_new (NULL);
    CLevel lv = { 0 };
    lv.lhmin = d->lhmin;
    lv.rhmin = d->rhmin;
    lv.clhmin = d->clhmin;
    lv.crhmin = d->crhmin;
    lv.utf8 = d->utf8;
    lv.num_states = d->num_states;
    lv.nohyphenl = d->nohyphenl;
    /* libhyphen keeps NOHYPHEN as NOHYPHENL + 1 strings one after the other. */
    if (d->nohyphen) {
      lv.nohyphen = 0;
      const char *p = d->nohyphen;
      for (int k = 0; k <= d->nohyphenl; k++) {
        add_string (strings, p);
        p += strlen (p) + 1;
      }
    } else
      lv.nohyphen = -1;
    memcpy (lv.cset, d->cset, sizeof lv.cset);
    CState *states = g_new0 (CState, MAX (d->num_states, 1));
    for (int i = 0; i < d->num_states; i++) {
      const HyphenState *st = &d->states[i];
      states[i].match = add_string (strings, st->match);
      states[i].repl = add_string (strings, st->repl);
      states[i].fallback_state = st->fallback_state;
      states[i].num_trans = st->num_trans;
      states[i].replindex = st->replindex;
      states[i].replcut = st->replcut;
      lv.n_trans += (guint32)st->num_trans;
    }
    while (strings->len % 8)
      g_string_append_c (strings, 0);
    lv.strings_len = (guint32)strings->len;
    g_byte_array_append (bytes, (const guint8 *)&lv, sizeof lv);
    g_byte_array_append (bytes, (const guint8 *)states, sizeof (CState) * (guint)d->num_states);
    for (int i = 0; i < d->num_states; i++) {
      const HyphenState *st = &d->states[i];
      for (int k = 0; k < st->num_trans; k++) {
        HyphenTrans t;
        memset (&t, 0, sizeof t); /* padding too: the file's bytes are reproducible */
        t.ch = st->trans[k].ch;
        t.new_state = st->trans[k].new_state;
        g_byte_array_append (bytes, (const guint8 *)&t, sizeof t);
      }
    }
    while (bytes->len % 8)
      g_byte_array_append (bytes, (const guint8 *)"", 1);
    g_byte_array_append (bytes, (const guint8 *)strings->str, (guint)strings->len);
    g_free (states);
    g_string_free (strings, TRUE);
  }
  GError *write_error = NULL;
  gboolean ok = g_file_set_contents (out, (const char *)bytes->data, bytes->len, &write_error);
  if (!ok) {
    g_set_error (error, PM_ERROR, PM_ERROR_IO, "%s", write_error->message);
    g_error_free (write_error);
  }
  g_byte_array_unref (bytes);
  return ok;
}

/* Frees the levels made by load_compiled (not their strings: those are the file's). */
static void
free_compiled_levels (HyphenDict *dict)
{
  while (dict) {
    HyphenDict *next = dict->nextlevel;
    g_free (dict->states);
    g_free (dict);
    dict = next;
  }
}

/* The string at OFF of a level's LEN bytes of strings, or NULL if OFF is -1; FALSE (bad
 * file) if it is out of bounds. */
static gboolean
string_at (char *strings, guint32 len, gint32 off, char **out)
{
  *out = NULL;
  if (off == -1)
    return TRUE;
  if (off < 0 || (guint32)off >= len || !memchr (strings + off, 0, len - (guint32)off))
    return FALSE;
  *out = strings + off;
  return TRUE;
}

/* The dictionary in DATA (LEN bytes, the contents of a compiled file) if it was made from a
 * .dic of HASH and SIZE, else NULL. Checked throughout: a damaged file is not used. */
static HyphenDict *
load_compiled (char *data, gsize len, guint64 hash, gsize size)
{
  if (len < sizeof (CHeader))
    return NULL;
  CHeader hd;
  memcpy (&hd, data, sizeof hd);
  if (memcmp (hd.magic, COMPILED_MAGIC, sizeof hd.magic) != 0 || hd.source_hash != hash ||
      hd.source_size != size || hd.sizeof_trans != sizeof (HyphenTrans) || hd.n_levels == 0 ||
      hd.n_levels > MAX_LEVELS)
    return NULL;
  gsize at = sizeof hd;
  HyphenDict *first = NULL, **link = &first;
  for (guint32 l = 0; l < hd.n_levels; l++) {
    CLevel lv;
    if (len - at < sizeof lv)
      goto bad;
    memcpy (&lv, data + at, sizeof lv);
    at += sizeof lv;
    if (lv.num_states <= 0 || lv.num_states > (1 << 24) || lv.n_trans > (1u << 26) ||
        lv.nohyphenl < 0 || (gsize)lv.num_states * sizeof (CState) > len - at)
      goto bad;
    const CState *cs = (const CState *)(data + at);
    at += (gsize)lv.num_states * sizeof (CState);
    at = pad8 (at);
    if (at > len || (gsize)lv.n_trans * sizeof (HyphenTrans) > len - at)
      goto bad;
    HyphenTrans *trans = (HyphenTrans *)(data + at);
    at = pad8 (at + (gsize)lv.n_trans * sizeof (HyphenTrans));
    if (at > len || lv.strings_len > len - at)
      goto bad;
    char *strings = data + at;
    at += lv.strings_len;

    HyphenDict *d = g_new0 (HyphenDict, 1);
    *link = d;
    link = &d->nextlevel;
    d->lhmin = lv.lhmin;
    d->rhmin = lv.rhmin;
    d->clhmin = lv.clhmin;
    d->crhmin = lv.crhmin;
    d->utf8 = lv.utf8;
    d->num_states = lv.num_states;
    memcpy (d->cset, lv.cset, sizeof d->cset);
    d->cset[MAX_NAME - 1] = 0;
    d->nohyphenl = lv.nohyphenl;
    if (!string_at (strings, lv.strings_len, lv.nohyphen, &d->nohyphen))
      goto bad;
    if (d->nohyphen) {
      /* NOHYPHENL + 1 strings must follow one another inside the level's strings. */
      const char *p = d->nohyphen, *end = strings + lv.strings_len;
      for (int k = 0; k <= d->nohyphenl; k++) {
        const char *nul = memchr (p, 0, (gsize)(end - p));
        if (!nul || nul + 1 > end)
          goto bad;
        p = nul + 1;
      }
    }
    d->states = g_new (HyphenState, lv.num_states);
    /* Hundreds of kilobytes for the big dictionaries, filled at once on the loader thread. */
    pm_prefault_block (d->states, sizeof (HyphenState) * (gsize)lv.num_states);
    guint32 t = 0;
    for (int i = 0; i < lv.num_states; i++) {
      CState c;
      memcpy (&c, &cs[i], sizeof c);
      HyphenState *st = &d->states[i];
      if (!string_at (strings, lv.strings_len, c.match, &st->match) ||
          !string_at (strings, lv.strings_len, c.repl, &st->repl) || c.num_trans < 0 ||
          (guint32)c.num_trans > lv.n_trans - t || c.fallback_state < -1 ||
          c.fallback_state >= lv.num_states)
        goto bad;
      st->fallback_state = c.fallback_state;
      st->num_trans = c.num_trans;
      st->replindex = c.replindex;
      st->replcut = c.replcut;
      st->trans = c.num_trans ? trans + t : NULL;
      for (int k = 0; k < c.num_trans; k++)
        if (trans[t + (guint32)k].new_state < 0 || trans[t + (guint32)k].new_state >= lv.num_states)
          goto bad;
      t += (guint32)c.num_trans;
    }
    if (t != lv.n_trans)
      goto bad;
  }
  if (at != len)
    goto bad;
  return first;
bad:
  free_compiled_levels (first);
  return NULL;
}

gboolean
pm_hyphen_compile (const char *path, const char *out_dir, char **out_path, GError **error)
{
  const char *contents;
  gsize length;
  GMappedFile *source = read_dictionary (path, &contents, &length, error);
  if (!source)
    return FALSE;
  HyphenDict *dict = parse_dictionary (path, contents, length, error);
  gboolean ok = FALSE;
  if (dict) {
    clear_minima (dict);
    char *name = compiled_name (fnv1a (contents, length));
    char *out = g_build_filename (out_dir, name, NULL);
    ok = write_compiled (dict, fnv1a (contents, length), length, out, error);
    if (ok && out_path)
      *out_path = g_steal_pointer (&out);
    g_free (out);
    g_free (name);
    hnj_hyphen_free (dict);
  }
  g_mapped_file_unref (source);
  return ok;
}

/* The compiled file of a dictionary of HASH: in COMPILED_DIR if given, else beside the
 * executable (build/hyphen/ for build/pamphlet and build/tests/x) or installed with the data. */
static char *
find_compiled (guint64 hash, const char *compiled_dir)
{
  char *name = compiled_name (hash);
  char *found = NULL;
  if (compiled_dir) {
    found = g_build_filename (compiled_dir, name, NULL);
  } else {
    char *rel = g_build_filename ("hyphen", name, NULL);
    found = pm_data_find_beside_executable (rel);
    g_free (rel);
    if (!found) {
      rel = g_build_filename ("hyphen", "compiled", name, NULL);
      found = pm_data_find (rel);
      g_free (rel);
    }
  }
  g_free (name);
  return found;
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
  return pm_hyphenator_new_for_file_full (path, lang, NULL, error);
}

PmHyphenator *
pm_hyphenator_new_for_file_full (const char *path, const char *lang, const char *compiled_dir,
                                 GError **error)
{
  g_return_val_if_fail (path != NULL && lang != NULL, NULL);
  const char *contents;
  gsize length;
  GMappedFile *source = read_dictionary (path, &contents, &length, error);
  if (!source)
    return NULL;
  guint64 hash = fnv1a (contents, length);
  char *compiled_path = find_compiled (hash, compiled_dir);
  /* Mapped, not read: the pages come from the page cache instead of being copied into new
   * ones, which a first touch makes dear. */
  GMappedFile *compiled = compiled_path ? g_mapped_file_new (compiled_path, FALSE, NULL) : NULL;
  HyphenDict *dict = NULL;
  if (compiled) {
    dict = load_compiled (g_mapped_file_get_contents (compiled),
                          g_mapped_file_get_length (compiled), hash, length);
    if (!dict)
      g_clear_pointer (&compiled, g_mapped_file_unref);
  }
  g_free (compiled_path);
  if (!dict)
    dict = parse_dictionary (path, contents, length, error);
  g_mapped_file_unref (source);
  if (!dict)
    return NULL;
  clear_minima (dict);
  char *language, *region;
  parse_tag (lang, &language, &region);
  PmHyphenator *h = g_new0 (PmHyphenator, 1);
  h->dict = dict;
  h->compiled = compiled;
  h->lang = g_strdup (lang);
  h->dictionary = g_strdup (path);
  h->dotless_i = strcmp (language, "tr") == 0 || strcmp (language, "az") == 0;
  pm_hyphen_rules_init (&h->rules, lang);
  h->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init (&h->lock);
  h->ref_count = 1;
  g_free (language);
  g_free (region);
  return h;
}

gboolean
pm_hyphenator_is_precompiled (PmHyphenator *h)
{
  return h->compiled != NULL;
}

PmHyphenator *
pm_hyphenator_ref (PmHyphenator *h)
{
  g_atomic_int_inc (&h->ref_count);
  return h;
}

void
pm_hyphenator_unref (PmHyphenator *h)
{
  if (!h || !g_atomic_int_dec_and_test (&h->ref_count))
    return;
  if (h->compiled) {
    free_compiled_levels (h->dict);
    g_mapped_file_unref (h->compiled);
  } else
    hnj_hyphen_free (h->dict);
  g_hash_table_unref (h->cache);
  g_mutex_clear (&h->lock);
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
  g_mutex_lock (&h->lock);
  const guint8 *cached = g_hash_table_lookup (h->cache, lower);
  g_mutex_unlock (&h->lock);
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
  /* Another thread may have added the word meanwhile: the first entry stays, since a pointer
   * to it may be in use. */
  g_mutex_lock (&h->lock);
  cached = g_hash_table_lookup (h->cache, lower);
  if (cached)
    g_free (breaks);
  else
    g_hash_table_insert (h->cache, g_strdup (lower), breaks);
  g_mutex_unlock (&h->lock);
  return cached ? cached : breaks;
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
    /* Most letters are small: those are neither capitals nor title case (g_unichar_istitle
     * searches a table), whatever the language. */
    gboolean small = g_unichar_islower (c);
    gboolean upper = !small && (g_unichar_isupper (c) || g_unichar_istitle (c));
    if (n == 0 && !rules->capitalised && upper) {
      ok = FALSE;
      break;
    }
    /* A capital after a small letter (KazMunayGas, iPhone): a brand or code, which patterns
     * made for the language's words break badly (Ka-z-Mu-nay-Gas). */
    if (upper && seen_lower) {
      ok = FALSE;
      break;
    }
    seen_lower = seen_lower || small;
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
