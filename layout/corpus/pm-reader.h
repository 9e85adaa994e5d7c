/* pm-reader.h: a corpus file (YAML front matter + Markdown) into a PmDocument.
 *
 * Markdown is read by cmark-gfm with its footnotes and autolink extensions. What the
 * typesetter cannot show (raw HTML, tables, code blocks, strikethrough, images inside a
 * paragraph) is dropped with a warning naming its place. Every place in a message counts
 * lines and columns from 1, columns in characters. */
#pragma once

#include <glib.h>

#include "base/pm-diagnostics.h"
#include "corpus/pm-document.h"

G_BEGIN_DECLS

/* Reads the file at PATH. Returns NULL after adding errors to DIAGS when it cannot be read
 * (missing, a directory, too large) or its content is bad (see pm_reader_read_data). */
PmDocument *pm_reader_read_file (const char *path, PmDiagnostics *diags);

/* Reads LEN bytes of DATA as the corpus file PATH (which names it in messages and against
 * whose directory image paths are resolved). Returns NULL after adding errors to DIAGS for
 * invalid UTF-8, a NUL byte, a line too long to typeset, or bad front matter; otherwise a
 * document (DIAGS may have gained warnings). */
PmDocument *pm_reader_read_data (const char *path, const char *data, gsize len,
                                 PmDiagnostics *diags);

G_END_DECLS
