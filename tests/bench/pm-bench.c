/* pm-bench.c: the corpus for the benchmarks, read with the project's own reader. */
#include "pm-bench.h"
#include "base/pm-data.h"
#include "corpus/pm-reader.h"

#include <stdio.h>

static void
text_free (PmBenchText *t)
{
  g_ptr_array_unref (t->paragraphs);
  pm_document_free (t->doc);
  g_free (t);
}

static void
collect (PmBenchText *t, const GPtrArray *blocks)
{
  for (guint i = 0; blocks && i < blocks->len; i++) {
    const PmBlock *b = g_ptr_array_index (blocks, i);
    if (b->inlines) {
      g_ptr_array_add (t->paragraphs, b->inlines);
      g_autofree char *text = pm_inlines_to_text (b->inlines);
      g_auto (GStrv) words = g_strsplit_set (text, " \n\t", -1);
      for (char **w = words; *w; w++)
        t->words += **w != 0;
    }
    collect (t, b->children);
  }
}

GPtrArray *
pm_bench_load_corpus (void)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func ((GDestroyNotify)text_free);
  g_autofree char *dir_path = pm_data_find ("corpus");
  GDir *dir = dir_path ? g_dir_open (dir_path, 0, NULL) : NULL;
  if (!dir)
    return texts;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (const char *name; (name = g_dir_read_name (dir));)
    if (g_str_has_suffix (name, ".md"))
      g_ptr_array_add (names, g_build_filename (dir_path, name, NULL));
  g_dir_close (dir);
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
  PmDiagnostics *diags = pm_diagnostics_new ();
  for (guint i = 0; i < names->len; i++) {
    PmDocument *doc = pm_reader_read_file (g_ptr_array_index (names, i), diags);
    if (!doc)
      continue;
    PmBenchText *t = g_new0 (PmBenchText, 1);
    t->doc = doc;
    t->lang = doc->lang;
    t->paragraphs = g_ptr_array_new ();
    collect (t, doc->blocks);
    for (guint n = 0; n < doc->notes->len; n++)
      collect (t, ((const PmNote *)g_ptr_array_index (doc->notes, n))->blocks);
    g_ptr_array_add (texts, t);
  }
  pm_diagnostics_free (diags);
  printf ("texts: %u files in corpus/\n", texts->len);
  return texts;
}
