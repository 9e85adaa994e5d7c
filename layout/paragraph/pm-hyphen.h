/* pm-hyphen.h: where a word may be hyphenated, from libhyphen's pattern dictionaries.
 *
 * A PmHyphenator holds one language's dictionary (the project's hyphen/ first, then Debian's
 * /usr/share/hyphen) and a cache of the words it has seen. It answers with byte offsets into
 * the UTF-8 word; the rules (minimum fragment lengths, capitalised words, compounds) are the
 * caller's, so one hyphenator serves every style. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a language hyphenates: TeX's \lefthyphenmin, \righthyphenmin (in characters), whether
 * words starting with a capital are hyphenated (TeX's \uchyph), and whether the parts of a
 * word with an explicit hyphen ("Jean-Baptiste") are hyphenated too (TeX does not). */
typedef struct {
  int left_min, right_min;
  gboolean capitalised;
  gboolean compound_parts;
} PmHyphenRules;

/* Fills RULES with TeX's defaults for the BCP 47 tag LANG (NULL or unknown: 2/3, the
 * plain TeX values); capitalised TRUE, compound_parts FALSE. */
void pm_hyphen_rules_init (PmHyphenRules *rules, const char *lang);

typedef struct _PmHyphenator PmHyphenator;

/* A hyphenator for the BCP 47 tag LANG ("el", "en-GB", "tr_TR"). Looks for
 * hyph_<ll>_<CC>.dic / hyph_<ll>.dic in the data directory's hyphen/ (pm_data_find), then
 * in /usr/share/hyphen (with the language's usual region, then any region). Returns NULL and
 * sets ERROR (PM_ERROR_INPUT) when no dictionary exists for the language, PM_ERROR_IO when
 * one exists but cannot be read. */
PmHyphenator *pm_hyphenator_new (const char *lang, GError **error);

/* A hyphenator for LANG from the dictionary file PATH (a style may name its own); PM_ERROR_IO
 * if it cannot be read or converted. */
PmHyphenator *pm_hyphenator_new_for_file (const char *path, const char *lang, GError **error);

/* The same, looking for the dictionary's precompiled form (pm_hyphen_compile) in COMPILED_DIR
 * instead of where `make` and `make install` put them (NULL: there). The precompiled form is
 * used only if it was made from exactly PATH's bytes; else PATH is parsed. */
PmHyphenator *pm_hyphenator_new_for_file_full (const char *path, const char *lang,
                                               const char *compiled_dir, GError **error);

/* Whether H was loaded from a precompiled dictionary rather than parsed. */
gboolean pm_hyphenator_is_precompiled (PmHyphenator *h);

/* Parses the dictionary PATH and saves libhyphen's automaton of it into OUT_DIR, in a file
 * named by a hash of PATH's bytes, which pm_hyphenator_new_for_file() and pm_hyphenator_new()
 * then load instead of parsing PATH (several times faster for big dictionaries). Its path in
 * *OUT_PATH if not NULL (free with g_free()). PM_ERROR_IO if PATH cannot be read or parsed or
 * the file cannot be written. */
gboolean pm_hyphen_compile (const char *path, const char *out_dir, char **out_path, GError **error);

/* Adds a reference to H, which may then be used from another thread too. Returns H. */
PmHyphenator *pm_hyphenator_ref (PmHyphenator *h);

/* Drops a reference to H; the last frees it and its cache. NULL is allowed. */
void pm_hyphenator_unref (PmHyphenator *h);

/* The path of the dictionary file H uses. */
const char *pm_hyphenator_get_dictionary (PmHyphenator *h);

/* The language tag H was made for (as given). */
const char *pm_hyphenator_get_language (PmHyphenator *h);

/* Where WORD (UTF-8, LEN bytes or NUL-terminated if LEN < 0) may take a hyphen: a new GArray
 * of int byte offsets, ascending, each on a character boundary strictly inside WORD; the word
 * breaks before that byte (the hyphen is the caller's to add). Leading and trailing
 * punctuation is ignored. Nothing is returned for words with digits, URLs and e-mail
 * addresses, capitals after small letters (KazMunayGas), capitalised words unless
 * RULES->capitalised, or words with an explicit hyphen or dash unless RULES->compound_parts
 * (then each part is hyphenated on its own). If WORD has soft hyphens (U+00AD), only the
 * places just after them are returned, whatever the patterns and minima say: the first
 * fragment then ends in the soft hyphen, which the renderer draws as the hyphen. RULES NULL
 * means pm_hyphen_rules_init() for H's language. Free with g_array_unref(). */
GArray *pm_hyphenator_hyphenate (PmHyphenator *h, const char *word, gssize len,
                                 const PmHyphenRules *rules);

/* Where WORD may break with no hyphen added, by the language's own convention: in Turkish
 * (and Azerbaijani) just after the apostrophe that joins a suffix to a name or a number
 * ("Kazakistan’ın" -> "Kazakistan’" + "ın"), when the suffix has at least RULES->right_min
 * letters and the stem RULES->left_min characters. Empty for other languages. Same offsets
 * as pm_hyphenator_hyphenate() (not included there). Free with g_array_unref(). */
GArray *pm_hyphenator_plain_breaks (PmHyphenator *h, const char *word, gssize len,
                                    const PmHyphenRules *rules);

G_END_DECLS
