/* pm-typo.h: typography per language (quotation marks, apostrophes, dashes, French spacing,
 * percent signs, ellipses). The rules are one row of a table per language; README.md shows
 * the table ("Typography per language"). Nothing but typography changes: letters, digits
 * and words stay exactly as they were. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One language's typographic conventions; every string is UTF-8. */
typedef struct {
  const char *lang;                     /* primary BCP 47 subtag: "el", "fr", … */
  const char *open, *close;             /* outer quotation marks */
  const char *inner_open, *inner_close; /* quotation marks inside quotation marks */
  const char *quote_space;   /* inside « » (after the opening, before the closing), or "" */
  const char *punct_space;   /* before ; : ! ? (French), or NULL for none */
  const char *dash;          /* the dash between words ("–" or "—") */
  const char *dash_before;   /* the space before that dash ("" for a closed dash) */
  const char *dash_after;    /* the space after it */
  const char *percent_space; /* between a number and %: inserted if not "", and any space
                                already there becomes U+00A0 */
} PmTypoRules;

/* The rules for LANG (a BCP 47 tag such as "fr" or "fr-CH"; only the primary subtag counts),
 * or NULL when the table has no row for it. */
const PmTypoRules *pm_typo_rules (const char *lang);

/* The table's rows, ending with a row whose lang is NULL (for documentation and tests). */
const PmTypoRules *pm_typo_table (void);

/* TEXT (UTF-8, one paragraph or less) with LANG's typography. A language without a row
 * gets only the language-neutral rules: ’ for ', … for ..., – between numbers.
 * Free with g_free(). */
char *pm_typo_normalise (const char *lang, const char *text);

G_END_DECLS
