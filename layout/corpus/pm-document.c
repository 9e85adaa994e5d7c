/* pm-document.c: freeing and flattening the document model. */
#include "corpus/pm-document.h"

void
pm_inline_free (PmInline *inl)
{
  if (!inl)
    return;
  g_free (inl->text);
  g_free (inl->href);
  g_free (inl);
}

void
pm_block_free (PmBlock *block)
{
  if (!block)
    return;
  if (block->inlines)
    g_ptr_array_unref (block->inlines);
  if (block->children)
    g_ptr_array_unref (block->children);
  g_free (block->src);
  g_free (block->path);
  g_free (block->alt);
  g_free (block);
}

static void
note_free (PmNote *note)
{
  g_free (note->label);
  if (note->blocks)
    g_ptr_array_unref (note->blocks);
  g_free (note);
}

void
pm_document_free (PmDocument *doc)
{
  if (!doc)
    return;
  if (doc->blocks)
    g_ptr_array_unref (doc->blocks);
  if (doc->notes) {
    for (guint i = 0; i < doc->notes->len; i++)
      note_free (doc->notes->pdata[i]);
    g_ptr_array_unref (doc->notes);
  }
  if (doc->meta)
    g_hash_table_unref (doc->meta);
  g_free (doc->path);
  g_free (doc->lang);
  g_free (doc->title);
  g_free (doc->kind);
  g_free (doc->source);
  g_free (doc->translator);
  g_free (doc);
}

char *
pm_inlines_to_text (const GPtrArray *inlines)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; inlines && i < inlines->len; i++) {
    const PmInline *inl = inlines->pdata[i];
    if (inl->kind == PM_INLINE_LINE_BREAK)
      g_string_append_c (s, ' ');
    else if (inl->text)
      g_string_append (s, inl->text);
  }
  return g_string_free (s, FALSE);
}
