/* pm-lang.h: BCP 47 language tags, as written in a corpus file's `lang`.
 *
 * The tag decides hyphenation, quotation marks, spacing rules and OpenType locl, so a typo
 * must be caught with a message that says what to write instead: `gr` is a country, Greek
 * is `el`; `el_GR` wants a hyphen; `ell` has the shorter form `el`. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE if TAG is a well-formed BCP 47 tag (RFC 5646) whose language, script and region
 * subtags are registered ISO codes. Otherwise FALSE and, if WHY is not NULL, *WHY is set to
 * what is wrong and what to write instead (free with g_free()). */
gboolean pm_lang_validate (const char *tag, char **why);

/* The primary language subtag of TAG in lower case ("el" for "el-GR"); for a tag that does
 * not start with a language subtag (private use "x-…"), the lower-cased tag. Free with
 * g_free(). */
char *pm_lang_primary (const char *tag);

G_END_DECLS
