/* pm-import.h: raw pasted text -> a corpus file (Markdown with YAML front matter).
 *
 * Undoes hard wrapping (also across page breaks), collapses doubled spaces, rejoins words a
 * line end hyphenated but keeps a compound's hyphen, tells one-paragraph-per-line text from
 * wrapped text, keeps `- ` lists, Markdown headings and images, finds headings in plain
 * text, undoes LaTeX escapes, drops stray markup, turns note numbers glued to words and
 * (when asked) bracketed editorial notes into footnotes, and applies the language's
 * typography (pm-typo.h). Every change that drops something is reported as a warning. */
#pragma once

#include "base/pm-diagnostics.h"

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PmImport PmImport;

/* An importer for text in LANG (a BCP 47 tag, written to the front matter). */
PmImport *pm_import_new (const char *lang);

/* Frees IMP. NULL is allowed. */
void pm_import_free (PmImport *imp);

/* Front matter: title, kind (default "statement"), source (default: the raw file's base
 * name), translator (left out when NULL). */
void pm_import_set_title (PmImport *imp, const char *title);
void pm_import_set_kind (PmImport *imp, const char *kind);
void pm_import_set_source (PmImport *imp, const char *source);
void pm_import_set_translator (PmImport *imp, const char *translator);

/* Adds a further front matter KEY with VALUE (such as title-en, the title in English). */
void pm_import_add_meta (PmImport *imp, const char *key, const char *value);

/* Turns bracketed editorial notes inside paragraphs ("tenge [vale oggi 0,0021 euro – n.]")
 * into footnotes; a trailing "– n." marker is dropped, the note being a note already. */
void pm_import_set_bracket_notes (PmImport *imp, gboolean on);

/* The number of the raw text's first line in the file (default 1), for located messages
 * about a part of a file. */
void pm_import_set_first_line (PmImport *imp, guint line);

/* Leaves out line LINE of the file (counted like pm_import_set_first_line()), e.g. a
 * site's navigation line. */
void pm_import_drop_line (PmImport *imp, guint line);

/* Reads note texts from TEXT (the file FILENAME): footnote definitions `[^N]: text`, one
 * a line, blank lines between allowed. Errors name FILENAME:line:column. */
gboolean pm_import_set_notes (PmImport *imp, const char *filename, const char *text,
                              GError **error);

/* Converts TEXT (LEN bytes, or NUL-terminated if LEN < 0) read from FILENAME into a corpus
 * file. Warnings (dropped images and markup, references without note text) go to DIAGS
 * with FILENAME:line:column. Returns NULL with ERROR (PM_ERROR_INPUT, located) when the
 * text is not UTF-8 or holds NUL bytes. Free with g_free(). */
char *pm_import_run (PmImport *imp, const char *filename, const char *text, gssize len,
                     PmDiagnostics *diags, GError **error);

/* Where a file holding LANG1 then LANG2 changes language: the number (from 1) of the first
 * line of the LANG2 part, found with each language's commonest words; 0 when no line
 * splits the text into a LANG1 part and a LANG2 part. */
guint pm_import_detect_split (const char *text, const char *lang1, const char *lang2);

/* Replaces the only occurrence of FROM in *TEXT by TO (a recorded correction such as a
 * typo in a date). Fails with PM_ERROR_INPUT if FROM occurs never or more than once. */
gboolean pm_import_apply_fix (char **text, const char *from, const char *to, GError **error);

G_END_DECLS
