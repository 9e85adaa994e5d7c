/* test-compose.c: a small booklet composed in memory: its sections in order, their first
 * pages, every note's first line on the page of its reference, the report's figures, and a
 * missing glyph located in its file. */
#include "base/pm-error.h"
#include "corpus/pm-reader.h"
#include "page/pm-compose.h"
#include "pm-test.h"

#include <string.h>

#define N_NOTES 6

typedef struct {
  PmFonts *fonts;
  PmStyle *style;
  PmDiagnostics *diags;
  PmReport *report;
  GPtrArray *docs;
} Fixture;

/* A text long enough for several pages, with a note every few paragraphs: the notes fall
 * on different pages, some near a page's foot. */
static char *
english_text (void)
{
  GString *s = g_string_new ("---\nlang: en\ntitle: \"A test of notes\"\n---\n\n");
  int note = 0;
  for (int p = 0; p < 24; p++) {
    g_string_append (s, "The workers of the oil fields stopped work and gathered in the square, "
                        "where they stayed for days and nights, and their demands grew from the "
                        "price of gas to wages, to unions of their own and to the freedom to "
                        "strike");
    if (p % 4 == 2 && note < N_NOTES)
      g_string_append_printf (s, "[^n%d]", ++note);
    g_string_append (s, ". Their neighbours brought food and water to the tents.\n\n");
    if (p == 11)
      g_string_append (s, "## What came next\n\n");
  }
  for (int n = 1; n <= note; n++)
    g_string_append_printf (s,
                            "[^n%d]: Note %d: a remark on the text, long enough to take a "
                            "line or two at the foot of the page where its mark is.\n",
                            n, n);
  return g_string_free (s, FALSE);
}

static const char *french = "---\nlang: fr\ntitle: \"Un court texte\"\n---\n\n"
                            "Les travailleurs du pétrole ont commencé la grève le 3 janvier.\n";

static PmDocument *
read_doc (Fixture *f, const char *path, const char *text)
{
  PmDocument *doc = pm_reader_read_data (path, text, strlen (text), f->diags);
  g_assert_nonnull (doc);
  return doc;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  GError *error = NULL;
  f->fonts = pm_fonts_new (&error);
  g_assert_no_error (error);
  g_autofree char *path = pm_test_source_path ("styles/booklet-a5.style");
  f->style = pm_style_load (path, &error);
  g_assert_no_error (error);
  f->diags = pm_diagnostics_new ();
  f->report = pm_report_new ();
  f->docs = g_ptr_array_new_with_free_func ((GDestroyNotify)pm_document_free);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_ptr_array_unref (f->docs);
  pm_report_free (f->report);
  pm_diagnostics_free (f->diags);
  pm_style_free (f->style);
  pm_fonts_free (f->fonts);
}

static PmComposition *
compose_threads (Fixture *f, guint threads, PmDiagnostics *diags, GError **error)
{
  const char *langs[] = { "en", "fr", NULL };
  PmComposeOptions opts = { langs, 1641340800, threads };
  return pm_compose (f->fonts, f->style, f->docs, &opts, diags, f->report, error);
}

static PmComposition *
compose (Fixture *f, GError **error)
{
  return compose_threads (f, 0, f->diags, error);
}

/* The English and the French test texts, composed; failing the test if that fails. */
static PmComposition *
compose_en_fr (Fixture *f)
{
  g_autofree char *en = english_text ();
  g_ptr_array_add (f->docs, read_doc (f, "en.md", en));
  g_ptr_array_add (f->docs, read_doc (f, "fr.md", french));
  GError *error = NULL;
  PmComposition *comp = compose (f, &error);
  g_assert_no_error (error);
  return comp;
}

static void
test_sections (Fixture *f, gconstpointer data)
{
  g_autoptr (PmComposition) comp = compose_en_fr (f);
  g_assert_nonnull (comp);

  const PmSectionKind kinds[] = { PM_SECTION_COVER, PM_SECTION_IMPRINT, PM_SECTION_CONTENTS,
                                  PM_SECTION_TEXT,  PM_SECTION_TEXT,    PM_SECTION_BACK };
  g_assert_cmpuint (pm_composition_get_n_sections (comp), ==, G_N_ELEMENTS (kinds));
  const PmPages *pages = pm_composition_get_pages (comp);
  guint n_pages = pm_pages_get_n (pages);
  int previous = -1;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++) {
    const PmSection *s = pm_composition_get_section (comp, i);
    g_assert_cmpint (s->kind, ==, kinds[i]);
    /* Every section has a page of its own, after the one before. */
    g_assert_cmpint (s->first_page, >, previous);
    g_assert_cmpint (s->first_page, <, (int)n_pages);
    const PmPage *pg = pm_pages_get (pages, (guint)s->first_page);
    g_assert_cmpuint (pg->section, ==, i);
    g_assert_false (pg->blank);
    /* Pages before it are earlier sections' or blank pages (so that it starts recto). */
    for (int k = s->first_page - 1; k > previous; k--) {
      const PmPage *before = pm_pages_get (pages, (guint)k);
      g_assert_true (before->blank || before->section < i);
    }
    previous = s->first_page;
  }
  g_assert_cmpint (pm_composition_get_section (comp, 0)->first_page, ==, 0);
  g_assert_cmpint (pm_composition_get_section (comp, 5)->first_page, ==, (int)n_pages - 1);
  /* The English text runs over several pages; sections start recto (odd page numbers). */
  const PmSection *t1 = pm_composition_get_section (comp, 3),
                  *t2 = pm_composition_get_section (comp, 4);
  g_assert_cmpstr (t1->title, ==, "A test of notes");
  g_assert_cmpstr (t2->title, ==, "Un court texte");
  g_assert_cmpstr (t1->lang, ==, "en");
  g_assert_true (t1->doc == g_ptr_array_index (f->docs, 0));
  g_assert_cmpint (t2->first_page - t1->first_page, >=, 3);
  g_assert_cmpint (t1->first_page % 2, ==, 0);
  g_assert_cmpint (t2->first_page % 2, ==, 0);
  /* The title is the first piece of its first page, a heading with the section's dest. */
  const PmPage *pg = pm_pages_get (pages, (guint)t1->first_page);
  const PmPiece *first = pg->items[0].user;
  g_assert_cmpint (first->kind, ==, PM_PIECE_LINE);
  g_assert_true (first->heading);
  g_assert_cmpstr (first->dest, ==, t1->dest);
  g_assert_cmpstr (pm_composition_get_title (comp), ==, "A test of notes");
}

static void
test_notes_on_their_pages (Fixture *f, gconstpointer data)
{
  g_autoptr (PmComposition) comp = compose_en_fr (f);
  const PmPages *pages = pm_composition_get_pages (comp);
  int ref_page[N_NOTES], note_page[N_NOTES], note_lines[N_NOTES];
  for (int n = 0; n < N_NOTES; n++)
    ref_page[n] = note_page[n] = -1, note_lines[n] = 0;
  for (guint i = 0; i < pm_pages_get_n (pages); i++) {
    const PmPage *pg = pm_pages_get (pages, i);
    for (guint k = 0; k < pg->n_items; k++) {
      const PmPageItem *item = &pg->items[k];
      const PmPiece *piece = item->user;
      if (!piece || piece->kind != PM_PIECE_LINE || piece->section != 3)
        continue;
      const PmLine *line = pm_paragraph_get_line (piece->paragraph, piece->line);
      if (item->kind == PM_PAGE_ITEM_NOTE_LINE) {
        g_assert_cmpint (piece->note, >=, 0);
        g_assert_cmpint (piece->note, <, N_NOTES);
        note_lines[piece->note]++;
        if (note_page[piece->note] < 0)
          note_page[piece->note] = (int)i;
      } else {
        g_assert_cmpint (piece->note, ==, -1);
        for (guint r = 0; r < line->n_notes; r++) {
          g_assert_cmpint (ref_page[line->notes[r]], ==, -1);
          ref_page[line->notes[r]] = (int)i;
        }
      }
    }
  }
  GHashTable *pages_with_notes = g_hash_table_new (NULL, NULL);
  for (int n = 0; n < N_NOTES; n++) {
    g_assert_cmpint (ref_page[n], >=, 0);
    g_assert_cmpint (note_lines[n], >=, 1);
    g_assert_cmpint (note_page[n], ==, ref_page[n]);
    g_hash_table_add (pages_with_notes, GINT_TO_POINTER (ref_page[n] + 1));
  }
  /* The notes are spread over the text, not all on one page. */
  g_assert_cmpuint (g_hash_table_size (pages_with_notes), >=, 3);
  g_hash_table_unref (pages_with_notes);
}

static void
test_report (Fixture *f, gconstpointer data)
{
  g_autoptr (PmComposition) comp = compose_en_fr (f);
  g_assert_cmpuint (pm_report_get_n_documents (f->report), ==, 2);
  const PmDocumentReport *r = pm_report_get_document (f->report, 0);
  g_assert_cmpstr (r->path, ==, "en.md");
  g_assert_cmpstr (r->lang, ==, "en");
  const PmSection *t1 = pm_composition_get_section (comp, 3),
                  *t2 = pm_composition_get_section (comp, 4);
  g_assert_cmpuint (
      r->pages, ==,
      (guint)(t2->first_page - t1->first_page) -
          (pm_pages_get (pm_composition_get_pages (comp), (guint)t2->first_page - 1)->blank ? 1
                                                                                            : 0));
  g_assert_cmpuint (r->lines, >, 24 * 3);
  g_assert_cmpuint (r->notes, ==, N_NOTES);
  g_assert_cmpuint (r->notes_moved, ==, 0);
  g_assert_cmpuint (r->overfull, ==, 0);
  g_assert_cmpuint (r->missing_glyphs, ==, 0);
  g_assert_cmpuint (r->hyphenated, <, r->lines);
  /* Every line's own figures: as many as lines, on real pages, hyphens counted alike. */
  g_assert_cmpuint (r->line_figures->len, ==, r->lines);
  guint hyphenated = 0;
  for (guint i = 0; i < r->line_figures->len; i++) {
    const PmLineFigure *lf = &g_array_index (r->line_figures, PmLineFigure, i);
    g_assert_cmpuint (lf->page, >=, 1);
    hyphenated += lf->hyphenated;
  }
  g_assert_cmpuint (hyphenated, ==, r->hyphenated);
  const PmDocumentReport *r2 = pm_report_get_document (f->report, 1);
  g_assert_cmpstr (r2->lang, ==, "fr");
  g_assert_cmpuint (r2->pages, ==, 1);
  g_assert_cmpuint (r2->lines, ==, 1); /* headings are not counted */
  g_assert_cmpuint (r2->notes, ==, 0);
  /* The files read: both texts and the fonts. */
  const GPtrArray *files = pm_composition_get_files (comp);
  g_assert_cmpstr (g_ptr_array_index (files, 0), ==, "en.md");
  g_assert_cmpuint (files->len, >, 3);
}

static void
test_missing_glyph (Fixture *f, gconstpointer data)
{
  g_ptr_array_add (f->docs, read_doc (f, "fr.md", french));
  g_ptr_array_add (f->docs, read_doc (f, "han.md",
                                      "---\nlang: en\ntitle: \"Han\"\n---\n\nOne.\n\n"
                                      "The sign \xe4\xb8\x80 is in no font.\n"));
  GError *error = NULL;
  PmComposition *comp = compose (f, &error);
  g_assert_null (comp);
  g_assert_error (error, PM_ERROR, PM_ERROR_FONT);
  g_assert_true (g_str_has_prefix (error->message, "han.md:8:10: "));
  g_assert_nonnull (strstr (error->message, "U+4E00"));
  g_error_free (error);
}

/* Every item of every page: where it is and what it draws (a line by its text). */
static GString *
describe (const PmComposition *comp)
{
  GString *s = g_string_new (NULL);
  const PmPages *pages = pm_composition_get_pages (comp);
  for (guint i = 0; i < pm_pages_get_n (pages); i++) {
    const PmPage *pg = pm_pages_get (pages, i);
    g_string_append_printf (s, "page %u section %u\n", i, pg->section);
    for (guint k = 0; k < pg->n_items; k++) {
      const PmPageItem *it = &pg->items[k];
      const PmPiece *piece = it->user;
      g_string_append_printf (s, " %d %u %.2f", it->kind, it->column, it->y);
      if (piece && piece->paragraph && piece->kind == PM_PIECE_LINE) {
        const PmLine *l = pm_paragraph_get_line (piece->paragraph, piece->line);
        g_string_append_printf (s, " s%u n%d %s %.*s", piece->section, piece->note,
                                piece->dest ? piece->dest : "-", (int)(l->text_end - l->text_start),
                                pm_paragraph_get_text (piece->paragraph) + l->text_start);
      }
      g_string_append_c (s, '\n');
    }
  }
  for (guint i = 0; i < pm_composition_get_files (comp)->len; i++)
    g_string_append_printf (s, "file %s\n",
                            (const char *)g_ptr_array_index (pm_composition_get_files (comp), i));
  return s;
}

static GString *
describe_diags (PmDiagnostics *diags)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < pm_diagnostics_length (diags); i++) {
    g_autofree char *m = pm_diagnostic_format (pm_diagnostics_get (diags, i));
    g_string_append_printf (s, "%s\n", m);
  }
  return s;
}

/* The texts set on several threads make the same pages, files and warnings as on one; a
 * language without patterns is said once in each file that has it. */
static void
test_threads (Fixture *f, gconstpointer data)
{
  g_autofree char *en = english_text ();
  g_ptr_array_add (f->docs, read_doc (f, "en.md", en));
  g_ptr_array_add (f->docs, read_doc (f, "fr.md", french));
  static const char *const xx[] = { "x1.md", "x2.md" };
  for (int i = 0; i < 2; i++) {
    g_autofree char *text = g_strdup_printf ("---\nlang: eo\ntitle: \"Text %d\"\n---\n\n"
                                             "Grobbly wibbly snorkelflop.\n\nGrobbly again.\n",
                                             i);
    g_ptr_array_add (f->docs, read_doc (f, xx[i], text));
  }
  g_ptr_array_add (f->docs, read_doc (f, "en2.md", en));
  g_autoptr (GString) want = NULL, want_diags = NULL;
  for (guint threads = 1; threads <= 4; threads++) {
    PmDiagnostics *diags = pm_diagnostics_new ();
    GError *error = NULL;
    PmComposition *comp = compose_threads (f, threads, diags, &error);
    g_assert_no_error (error);
    GString *got = describe (comp), *got_diags = describe_diags (diags);
    if (!want) {
      want = got;
      want_diags = got_diags;
      /* Esperanto has no patterns here: one warning in each of its files. */
      for (int i = 0; i < 2; i++) {
        guint n = 0;
        g_auto (GStrv) lines = g_strsplit (got_diags->str, "\n", -1);
        for (char **l = lines; *l; l++)
          n += g_str_has_prefix (*l, xx[i]) && strstr (*l, "text in 'eo' is set without");
        g_assert_cmpuint (n, ==, 1);
      }
    } else {
      g_assert_cmpstr (got->str, ==, want->str);
      g_assert_cmpstr (got_diags->str, ==, want_diags->str);
      g_string_free (got, TRUE);
      g_string_free (got_diags, TRUE);
    }
    pm_composition_free (comp);
    pm_diagnostics_free (diags);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/compose/sections", Fixture, NULL, fixture_set_up, test_sections, fixture_tear_down);
  g_test_add ("/compose/notes-on-their-pages", Fixture, NULL, fixture_set_up,
              test_notes_on_their_pages, fixture_tear_down);
  g_test_add ("/compose/report", Fixture, NULL, fixture_set_up, test_report, fixture_tear_down);
  g_test_add ("/compose/missing-glyph", Fixture, NULL, fixture_set_up, test_missing_glyph,
              fixture_tear_down);
  g_test_add ("/compose/threads", Fixture, NULL, fixture_set_up, test_threads, fixture_tear_down);
  return g_test_run ();
}
