/* pm-front-matter.h: the YAML front matter at the top of a corpus file.
 *
 * The front matter is the text between a first line `---` and the next line `---` (or
 * `...`). It must be a mapping of keys to values and must name the file's `lang`; `title`,
 * `kind`, `source` and `translator` must be text. Every key and value keeps its line and
 * column in the file, so later checks can point at them. */
#pragma once

#include <glib.h>

#include "base/pm-diagnostics.h"
#include "corpus/pm-document.h"

G_BEGIN_DECLS

/* One `key: value` line. VALUE is NULL when the value is a list or mapping. */
typedef struct {
  char *key;
  char *value;
  PmSourcePos key_pos;
  PmSourcePos value_pos;
} PmFrontMatterEntry;

typedef struct _PmFrontMatter PmFrontMatter;

/* Reads the front matter at the start of DATA (LEN bytes of UTF-8; the whole file), FILE
 * naming it in messages. Returns NULL after adding errors to DIAGS when it is missing,
 * unterminated, not a mapping, has a non-text value for a known key, or lacks a valid `lang`. */
PmFrontMatter *pm_front_matter_read (const char *file, const char *data, gsize len,
                                     PmDiagnostics *diags);

/* Frees FM. NULL is allowed. */
void pm_front_matter_free (PmFrontMatter *fm);

/* The byte offset in DATA where the Markdown body starts (after the closing line). */
gsize pm_front_matter_body_offset (const PmFrontMatter *fm);

/* The line (from 1) on which the Markdown body starts. */
guint pm_front_matter_body_line (const PmFrontMatter *fm);

/* The number of keys, in the order written. */
guint pm_front_matter_length (const PmFrontMatter *fm);

/* The I-th entry. */
const PmFrontMatterEntry *pm_front_matter_entry (const PmFrontMatter *fm, guint i);

/* The entry for KEY, or NULL. */
const PmFrontMatterEntry *pm_front_matter_lookup (const PmFrontMatter *fm, const char *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmFrontMatter, pm_front_matter_free)

G_END_DECLS
