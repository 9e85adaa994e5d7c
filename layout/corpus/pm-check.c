/* pm-check.c: checks over a read document. */
#include "corpus/pm-check.h"
#include "corpus/pm-reader.h"

#include <string.h>

typedef struct {
  const PmDocument *doc;
  PmDiagnostics *diags;
  int last_heading;
  gboolean *referenced;    /* per note */
  gboolean missing_images; /* a missing image is the typesetter's warning, not an error */
} Checker;

static void
check_inlines (Checker *c, const GPtrArray *inlines)
{
  for (guint i = 0; inlines && i < inlines->len; i++) {
    const PmInline *inl = inlines->pdata[i];
    if (inl->kind != PM_INLINE_NOTE_REF)
      continue;
    if (inl->note < 0)
      pm_diagnostics_add (c->diags, PM_SEVERITY_ERROR, c->doc->path, inl->pos.line, inl->pos.column,
                          "the note reference [^%s] has no note text; add a line `[^%s]: text` "
                          "after the paragraph, or remove the reference",
                          inl->text, inl->text);
    else
      c->referenced[inl->note] = TRUE;
  }
}

static void check_blocks (Checker *c, const GPtrArray *blocks, gboolean in_note);

static void
check_block (Checker *c, const PmBlock *b, gboolean in_note)
{
  const char *file = c->doc->path;
  switch (b->kind) {
    case PM_BLOCK_HEADING: {
      char *text = pm_inlines_to_text (b->inlines);
      g_strstrip (text);
      if (in_note)
        pm_diagnostics_add (c->diags, PM_SEVERITY_WARNING, file, b->pos.line, b->pos.column,
                            "a heading inside a note is not set as a heading; remove the #");
      else if (!*text)
        pm_diagnostics_add (c->diags, PM_SEVERITY_WARNING, file, b->pos.line, b->pos.column,
                            "an empty heading; write its text after the # or remove it");
      else if (c->last_heading && b->level > c->last_heading + 1)
        pm_diagnostics_add (c->diags, PM_SEVERITY_WARNING, file, b->pos.line, b->pos.column,
                            "the heading levels jump from %d to %d; use %d #s here",
                            c->last_heading, b->level, c->last_heading + 1);
      if (!in_note)
        c->last_heading = b->level;
      g_free (text);
      break;
    }
    case PM_BLOCK_IMAGE:
      if (!b->src || !*b->src)
        pm_diagnostics_add (c->diags, PM_SEVERITY_ERROR, file, b->pos.line, b->pos.column,
                            "the image has no file name; write ![description](file.png)");
      else if (!b->path)
        pm_diagnostics_add (c->diags, PM_SEVERITY_ERROR, file, b->pos.line, b->pos.column,
                            "the image '%s' is not a local file; download it next to the text "
                            "and refer to it by its file name",
                            b->src);
      else if (!c->missing_images && !g_file_test (b->path, G_FILE_TEST_IS_REGULAR))
        pm_diagnostics_add (c->diags, PM_SEVERITY_ERROR, file, b->pos.line, b->pos.column,
                            "the image '%s' is not there (looked for %s); put the image there "
                            "or correct the path, which is relative to the text's directory",
                            b->src, b->path);
      break;
    default:
      break;
  }
  check_inlines (c, b->inlines);
  if (b->children)
    check_blocks (c, b->children, in_note);
}

static void
check_blocks (Checker *c, const GPtrArray *blocks, gboolean in_note)
{
  for (guint i = 0; blocks && i < blocks->len; i++)
    check_block (c, blocks->pdata[i], in_note);
}

static void
check_document (const PmDocument *doc, PmDiagnostics *diags, gboolean missing_images)
{
  guint n_notes = doc->notes ? doc->notes->len : 0;
  Checker c = { doc, diags, 0, g_new0 (gboolean, n_notes + 1), missing_images };

  if (!doc->blocks || doc->blocks->len == 0)
    pm_diagnostics_add (diags, PM_SEVERITY_ERROR, doc->path, 1, 1,
                        "the document has no text after its front matter; write the text "
                        "below the closing `---`");
  check_blocks (&c, doc->blocks, FALSE);
  for (guint i = 0; i < n_notes; i++) {
    const PmNote *note = doc->notes->pdata[i];
    check_blocks (&c, note->blocks, TRUE);
  }
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n_notes; i++) {
    const PmNote *note = doc->notes->pdata[i];
    char *key = g_utf8_casefold (note->label, -1);
    if (!g_hash_table_add (seen, key))
      continue; /* a second definition, warned about by the reader */
    if (!c.referenced[i] && note->number == 0)
      pm_diagnostics_add (diags, PM_SEVERITY_WARNING, doc->path, note->pos.line, note->pos.column,
                          "the note [^%s] is never referred to, so it is not printed; add "
                          "[^%s] where it belongs in the text, or delete the note",
                          note->label, note->label);
    else if (note->blocks && note->blocks->len == 0)
      pm_diagnostics_add (diags, PM_SEVERITY_ERROR, doc->path, note->pos.line, note->pos.column,
                          "the note [^%s] has no text; write it after `[^%s]:`", note->label,
                          note->label);
  }
  g_hash_table_unref (seen);
  g_free (c.referenced);
}

gboolean
pm_check_file (const char *path, PmDiagnostics *diags)
{
  guint errors = pm_diagnostics_count (diags, PM_SEVERITY_ERROR);
  PmDocument *doc = pm_reader_read_file (path, diags);
  if (doc) {
    pm_check_document (doc, diags);
    pm_document_free (doc);
  }
  return pm_diagnostics_count (diags, PM_SEVERITY_ERROR) == errors;
}

void
pm_check_document (const PmDocument *doc, PmDiagnostics *diags)
{
  check_document (doc, diags, FALSE);
}

void
pm_check_document_for_build (const PmDocument *doc, PmDiagnostics *diags)
{
  check_document (doc, diags, TRUE);
}
