/* test-reader.c: every Markdown construct into the model, with places and languages; bad
 * bytes and bad front matter refused at their exact place. */
#include "corpus/pm-front-matter.h"
#include "corpus/pm-reader.h"
#include "pm-test.h"

#include <string.h>

static PmDocument *
read_string (const char *text, PmDiagnostics *diags)
{
  return pm_reader_read_data ("t.md", text, strlen (text), diags);
}

static const PmBlock *
block (const PmDocument *doc, guint i)
{
  g_assert_cmpuint (i, <, doc->blocks->len);
  return doc->blocks->pdata[i];
}

static const PmInline *
inl (const PmBlock *b, guint i)
{
  g_assert_nonnull (b->inlines);
  g_assert_cmpuint (i, <, b->inlines->len);
  return b->inlines->pdata[i];
}

/* The only message of DIAGS, formatted. */
static char *
only_message (const PmDiagnostics *diags)
{
  g_assert_cmpuint (pm_diagnostics_length (diags), ==, 1);
  return pm_diagnostic_format (pm_diagnostics_get (diags, 0));
}

static void
test_constructs (void)
{
  char *path = pm_test_source_path ("tests/fixtures/corpus/constructs.md");
  PmDiagnostics *diags = pm_diagnostics_new ();
  PmDocument *doc = pm_reader_read_file (path, diags);
  g_assert_nonnull (doc);
  g_assert_cmpuint (pm_diagnostics_length (diags), ==, 0);

  g_assert_cmpstr (doc->lang, ==, "el-GR");
  g_assert_cmpstr (doc->title, ==, "Δήλωση: ένα δοκιμαστικό κείμενο");
  g_assert_cmpstr (doc->kind, ==, "statement");
  g_assert_cmpstr (doc->source, ==, "000_test.txt");
  g_assert_cmpstr (doc->translator, ==, "Μ. Π.");
  g_assert_cmpstr (g_hash_table_lookup (doc->meta, "edition"), ==, "2");

  /* # Δήλωση */
  const PmBlock *h1 = block (doc, 0);
  g_assert_cmpint (h1->kind, ==, PM_BLOCK_HEADING);
  g_assert_cmpint (h1->level, ==, 1);
  g_assert_cmpuint (h1->pos.line, ==, 9);
  g_assert_cmpuint (h1->pos.column, ==, 1);
  g_assert_cmpstr (inl (h1, 0)->text, ==, "Δήλωση");
  g_assert_cmpuint (inl (h1, 0)->pos.column, ==, 3);

  /* the paragraph: text, italic, text, bold, text, note ref, text, break, text */
  const PmBlock *p = block (doc, 1);
  g_assert_cmpint (p->kind, ==, PM_BLOCK_PARAGRAPH);
  g_assert_cmpuint (p->pos.line, ==, 11);
  g_assert_cmpstr (inl (p, 0)->text, ==, "Πρώτη παράγραφος με ");
  g_assert_cmpuint (inl (p, 1)->style, ==, PM_INLINE_ITALIC);
  g_assert_cmpstr (inl (p, 1)->text, ==, "έμφαση");
  g_assert_cmpuint (inl (p, 1)->pos.line, ==, 11);
  g_assert_cmpuint (inl (p, 1)->pos.column, ==, 22); /* characters, not bytes */
  g_assert_cmpuint (inl (p, 3)->style, ==, PM_INLINE_BOLD);
  g_assert_cmpstr (inl (p, 3)->text, ==, "έντονα");
  const PmInline *ref = inl (p, 5);
  g_assert_cmpint (ref->kind, ==, PM_INLINE_NOTE_REF);
  g_assert_cmpstr (ref->text, ==, "a");
  g_assert_cmpuint (ref->pos.line, ==, 11);
  g_assert_cmpuint (ref->pos.column, ==, 54);
  g_assert_cmpint (ref->note, >=, 0);
  const PmNote *note_a = doc->notes->pdata[ref->note];
  g_assert_cmpstr (note_a->label, ==, "a");
  g_assert_cmpint (note_a->number, ==, 1);
  g_assert_cmpstr (inl (p, 6)->text, ==, ". Δεύτερη γραμμή με 10 000 τένγκε και σπάσιμο");
  g_assert_cmpint (inl (p, 7)->kind, ==, PM_INLINE_LINE_BREAK);
  g_assert_cmpstr (inl (p, 8)->text, ==, "νέα γραμμή.");
  g_assert_cmpuint (inl (p, 8)->pos.line, ==, 13);
  for (guint i = 0; i < p->inlines->len; i++)
    g_assert_cmpstr (inl (p, i)->lang, ==, "el-GR");

  g_assert_cmpint (block (doc, 2)->kind, ==, PM_BLOCK_HEADING);
  g_assert_cmpint (block (doc, 2)->level, ==, 2);

  /* - πρώτο / - δεύτερο with a numbered list inside */
  const PmBlock *list = block (doc, 3);
  g_assert_cmpint (list->kind, ==, PM_BLOCK_LIST);
  g_assert_false (list->ordered);
  g_assert_true (list->tight);
  g_assert_cmpint (list->level, ==, 1);
  g_assert_cmpuint (list->children->len, ==, 2);
  const PmBlock *item2 = list->children->pdata[1];
  g_assert_cmpint (item2->kind, ==, PM_BLOCK_ITEM);
  g_assert_cmpuint (item2->pos.line, ==, 18);
  g_assert_cmpuint (item2->children->len, ==, 2);
  const PmBlock *inner = item2->children->pdata[1];
  g_assert_cmpint (inner->kind, ==, PM_BLOCK_LIST);
  g_assert_true (inner->ordered);
  g_assert_cmpint (inner->start, ==, 1);
  g_assert_cmpint (inner->level, ==, 2);
  g_assert_cmpuint (inner->pos.line, ==, 19);
  g_assert_cmpuint (inner->pos.column, ==, 3);

  const PmBlock *numbered = block (doc, 4);
  g_assert_true (numbered->ordered);
  g_assert_cmpint (numbered->start, ==, 3);

  const PmBlock *quote = block (doc, 5);
  g_assert_cmpint (quote->kind, ==, PM_BLOCK_QUOTE);
  const PmBlock *qp = quote->children->pdata[0];
  g_assert_cmpint (qp->kind, ==, PM_BLOCK_PARAGRAPH);
  g_assert_cmpuint (qp->pos.line, ==, 25);
  g_assert_cmpuint (qp->pos.column, ==, 3);
  g_assert_cmpint (inl (qp, 1)->kind, ==, PM_INLINE_NOTE_REF);
  g_assert_cmpuint (inl (qp, 1)->pos.column, ==, 23);

  const PmBlock *image = block (doc, 6);
  g_assert_cmpint (image->kind, ==, PM_BLOCK_IMAGE);
  g_assert_cmpstr (image->src, ==, "figure.png");
  g_assert_cmpstr (image->alt, ==, "Εικόνα της πλατείας");
  char *expected = pm_test_source_path ("tests/fixtures/corpus/figure.png");
  g_assert_cmpstr (image->path, ==, expected);
  g_free (expected);

  g_assert_cmpint (block (doc, 7)->kind, ==, PM_BLOCK_RULE);
  g_assert_cmpuint (doc->blocks->len, ==, 8);

  /* notes in order of definition, numbered in order of first reference */
  g_assert_cmpuint (doc->notes->len, ==, 2);
  const PmNote *nb = doc->notes->pdata[0], *na = doc->notes->pdata[1];
  g_assert_cmpstr (nb->label, ==, "b");
  g_assert_cmpint (nb->number, ==, 2);
  g_assert_cmpuint (nb->pos.line, ==, 31);
  g_assert_cmpuint (nb->pos.column, ==, 1);
  g_assert_cmpstr (na->label, ==, "a");
  g_assert_cmpint (na->number, ==, 1);
  g_assert_cmpuint (na->pos.line, ==, 32);
  const PmBlock *nbp = nb->blocks->pdata[0];
  char *text = pm_inlines_to_text (nbp->inlines);
  g_assert_cmpstr (text, ==, "Δεύτερη σημείωση, με έμφαση.");
  g_free (text);
  g_assert_cmpuint (nbp->pos.line, ==, 31);
  g_assert_cmpuint (inl (nbp, 1)->style, ==, PM_INLINE_ITALIC);
  g_assert_cmpuint (inl (nbp, 1)->pos.column, ==, 26);
  const PmBlock *nap = na->blocks->pdata[0];
  g_assert_cmpstr (inl (nap, 0)->text, ==, "Πρώτη σημείωση.");

  pm_document_free (doc);
  pm_diagnostics_free (diags);
  g_free (path);
}

static void
test_spaces_kept (void)
{
  char *path = pm_test_source_path ("tests/fixtures/corpus/spaces.md");
  PmDiagnostics *diags = pm_diagnostics_new ();
  PmDocument *doc = pm_reader_read_file (path, diags);
  g_assert_nonnull (doc);
  g_assert_cmpstr (doc->lang, ==, "fr");
  const PmBlock *p = block (doc, 1);
  g_assert_cmpstr (inl (p, 0)->text, ==, "Un mot\u00a0: « cité »\u202f! Co\u00adopération.");
  pm_document_free (doc);
  pm_diagnostics_free (diags);
  g_free (path);
}

static void
test_links_code_and_softbreaks (void)
{
  PmDiagnostics *diags = pm_diagnostics_new ();
  PmDocument *doc = read_string ("---\nlang: en\n---\nSee [the *site*](https://example.org) "
                                 "and `code`\nnext line <https://a.example>.\n",
                                 diags);
  g_assert_nonnull (doc);
  g_assert_cmpuint (pm_diagnostics_length (diags), ==, 0);
  const PmBlock *p = block (doc, 0);
  g_assert_cmpstr (inl (p, 0)->text, ==, "See ");
  g_assert_cmpuint (inl (p, 1)->style, ==, PM_INLINE_LINK);
  g_assert_cmpstr (inl (p, 1)->href, ==, "https://example.org");
  g_assert_cmpuint (inl (p, 2)->style, ==, PM_INLINE_LINK | PM_INLINE_ITALIC);
  g_assert_cmpstr (inl (p, 2)->text, ==, "site");
  g_assert_cmpuint (inl (p, 4)->style, ==, PM_INLINE_CODE);
  g_assert_cmpstr (inl (p, 4)->text, ==, "code");
  g_assert_cmpstr (inl (p, 5)->text, ==, " next line ");
  g_assert_cmpstr (inl (p, 6)->href, ==, "https://a.example");
  char *text = pm_inlines_to_text (p->inlines);
  g_assert_cmpstr (text, ==, "See the site and code next line https://a.example.");
  g_free (text);
  pm_document_free (doc);
  pm_diagnostics_free (diags);
}

typedef struct {
  const char *name;
  const char *text;
  gssize len;
  const char *message; /* the start of the formatted message */
  const char *tail;    /* its end, if given */
} BadInput;

static void
test_refused (void)
{
  const BadInput cases[] = {
    { "invalid UTF-8", "---\nlang: el\n---\nΑβγ δε\xE2\x82 x\n", -1,
      "t.md:4:7: error: invalid UTF-8 (byte 0xE2)", NULL },
    { "NUL byte", "---\nlang: el\n---\nab\0cd\n", 23, "t.md:4:3: error: a NUL byte", NULL },
    { "empty", "", 0, "t.md:1:1: error: the file is empty", NULL },
    { "no front matter", "# Title\n", -1, "t.md:1:1: error: no front matter", NULL },
    { "unterminated", "---\nlang: el\n# Title\n", -1,
      "t.md:1:1: error: the front matter is never closed", NULL },
    { "missing lang", "---\ntitle: x\n---\nText\n", -1,
      "t.md:1:1: error: the front matter has no `lang`", NULL },
    { "bad lang", "---\ntitle: x\nlang:   gr\n---\nText\n", -1,
      "t.md:3:9: error: `lang`: 'gr' is not a language code; write 'el'", NULL },
    { "list title", "---\nlang: el\ntitle:\n  - a\n---\nText\n", -1,
      "t.md:4:3: error: `title` must be text, not a list", NULL },
    { "tab", "---\nlang: el\ntitle: x\n\tkind: y\n---\nText\n", -1,
      "t.md:4:1: error: front matter: YAML syntax: ", "; indent YAML with spaces, never tabs" },
    { "not a mapping", "---\njust text\n---\nText\n", -1,
      "t.md:2:1: error: the front matter is a text, not `key: value` lines", NULL },
    { "key twice", "---\nlang: el\nlang: fr\n---\nText\n", -1,
      "t.md:3:1: error: `lang` is given twice", NULL },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    PmDiagnostics *diags = pm_diagnostics_new ();
    gsize len = cases[i].len < 0 ? strlen (cases[i].text) : (gsize)cases[i].len;
    PmDocument *doc = pm_reader_read_data ("t.md", cases[i].text, len, diags);
    if (doc)
      g_error ("%s: read without error", cases[i].name);
    char *m = only_message (diags);
    if (!g_str_has_prefix (m, cases[i].message) ||
        (cases[i].tail && !g_str_has_suffix (m, cases[i].tail)))
      g_error ("%s: got '%s', expected '%s…'", cases[i].name, m, cases[i].message);
    g_free (m);
    pm_diagnostics_free (diags);
  }
}

static void
test_long_line (void)
{
  GString *s = g_string_new ("---\nlang: el\n---\n");
  for (int i = 0; i < 1000000 / 2; i++)
    g_string_append (s, "α");
  g_string_append_c (s, '\n');
  PmDiagnostics *diags = pm_diagnostics_new ();
  g_assert_null (pm_reader_read_data ("t.md", s->str, s->len, diags));
  char *m = only_message (diags);
  /* 100000 bytes of two-byte letters: the limit falls after character 50000 */
  g_assert_true (g_str_has_prefix (m, "t.md:4:50001: error: this line is 1000000 bytes long"));
  g_free (m);
  pm_diagnostics_free (diags);
  g_string_free (s, TRUE);
}

static void
test_files (void)
{
  PmDiagnostics *diags = pm_diagnostics_new ();
  char *missing = g_build_filename (pm_test_tmpdir (), "nope.md", NULL);
  g_assert_null (pm_reader_read_file (missing, diags));
  g_assert_null (pm_reader_read_file (pm_test_tmpdir (), diags));
  g_assert_cmpuint (pm_diagnostics_count (diags, PM_SEVERITY_ERROR), ==, 2);
  const PmDiagnostic *d0 = pm_diagnostics_get (diags, 0), *d1 = pm_diagnostics_get (diags, 1);
  g_assert_cmpuint (d0->line, ==, 1);
  g_assert_true (strstr (d0->message, "No such file"));
  g_assert_cmpuint (d1->line, ==, 1);
  g_assert_true (strstr (d1->message, "directory"));
  g_free (missing);
  pm_diagnostics_free (diags);
}

static void
test_dropped_with_warnings (void)
{
  PmDiagnostics *diags = pm_diagnostics_new ();
  PmDocument *doc = read_string ("---\nlang: en\n---\nText <span>x</span> ~~gone~~.\n\n"
                                 "<div>\nblock\n</div>\n\n```\ncode\n```\n\n| a | b |\n|---|---|\n"
                                 "| 1 | 2 |\n\nSee ![pic](p.png) here.\n\n<!-- a comment -->\n",
                                 diags);
  g_assert_nonnull (doc);
  const char *expected[] = {
    "t.md:4:6: warning: raw HTML",
    "t.md:4:13: warning: raw HTML",
    "t.md:4:21: warning: strikethrough",
    "t.md:6:1: warning: raw HTML",
    "t.md:10:1: warning: a code block",
    "t.md:14:1: warning: a table is dropped",
    "t.md:18:5: warning: an image inside a paragraph",
  };
  g_assert_cmpuint (pm_diagnostics_length (diags), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++) {
    char *m = pm_diagnostic_format (pm_diagnostics_get (diags, i));
    if (!g_str_has_prefix (m, expected[i]))
      g_error ("got '%s', expected '%s…'", m, expected[i]);
    g_free (m);
  }
  g_assert_cmpuint (doc->blocks->len, ==, 2); /* the two paragraphs */
  char *text = pm_inlines_to_text (block (doc, 0)->inlines);
  g_assert_cmpstr (text, ==, "Text x gone.");
  g_free (text);
  pm_document_free (doc);
  pm_diagnostics_free (diags);
}

static void
test_notes (void)
{
  PmDiagnostics *diags = pm_diagnostics_new ();
  PmDocument *doc =
      read_string ("---\nlang: en\n---\nOne[^x], two[^y], missing[^nope], x again[^x]."
                   "\n\n[^y]: Why\n    continued *here*.\n[^x]: Ex.\n[^z]: Zed.\n",
                   diags);
  g_assert_nonnull (doc);
  g_assert_cmpuint (pm_diagnostics_length (diags), ==, 0);
  g_assert_cmpuint (doc->notes->len, ==, 3);
  const PmNote *y = doc->notes->pdata[0], *x = doc->notes->pdata[1], *z = doc->notes->pdata[2];
  g_assert_cmpint (x->number, ==, 1);
  g_assert_cmpint (y->number, ==, 2);
  g_assert_cmpint (z->number, ==, 0);
  g_assert_cmpuint (z->blocks->len, ==, 0);
  const PmBlock *p = block (doc, 0);
  g_assert_cmpint (inl (p, 1)->note, ==, 1);
  g_assert_cmpint (inl (p, 3)->note, ==, 0);
  const PmInline *nope = inl (p, 5);
  g_assert_cmpint (nope->kind, ==, PM_INLINE_NOTE_REF);
  g_assert_cmpstr (nope->text, ==, "nope");
  g_assert_cmpint (nope->note, ==, -1);
  g_assert_cmpuint (nope->pos.column, ==, 26);
  g_assert_cmpint (inl (p, 7)->note, ==, 1);
  const PmBlock *yp = y->blocks->pdata[0];
  /* cmark places continuation lines of a note wrongly; the reader corrects it */
  const PmInline *here = inl (yp, 1);
  g_assert_cmpstr (here->text, ==, "here");
  g_assert_cmpuint (here->pos.line, ==, 7);
  g_assert_cmpuint (here->pos.column, ==, 16);
  pm_document_free (doc);
  pm_diagnostics_free (diags);
}

static void
test_front_matter_positions (void)
{
  const char *text = "---\nlang: el\ntitle: \"Τίτλος\"\nκλειδί: τιμή\ntags: [a, b]\n---\nX\n";
  PmDiagnostics *diags = pm_diagnostics_new ();
  PmFrontMatter *fm = pm_front_matter_read ("t.md", text, strlen (text), diags);
  g_assert_nonnull (fm);
  g_assert_cmpuint (pm_front_matter_length (fm), ==, 4);
  const PmFrontMatterEntry *e = pm_front_matter_lookup (fm, "κλειδί");
  g_assert_cmpstr (e->value, ==, "τιμή");
  g_assert_cmpuint (e->key_pos.line, ==, 4);
  g_assert_cmpuint (e->value_pos.column, ==, 9);
  e = pm_front_matter_lookup (fm, "tags");
  g_assert_null (e->value);
  g_assert_cmpuint (pm_front_matter_body_line (fm), ==, 7);
  g_assert_cmpstr (text + pm_front_matter_body_offset (fm), ==, "X\n");
  pm_front_matter_free (fm);
  pm_diagnostics_free (diags);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reader/constructs", test_constructs);
  g_test_add_func ("/reader/spaces-kept", test_spaces_kept);
  g_test_add_func ("/reader/links-code-softbreaks", test_links_code_and_softbreaks);
  g_test_add_func ("/reader/refused", test_refused);
  g_test_add_func ("/reader/long-line", test_long_line);
  g_test_add_func ("/reader/files", test_files);
  g_test_add_func ("/reader/dropped-with-warnings", test_dropped_with_warnings);
  g_test_add_func ("/reader/notes", test_notes);
  g_test_add_func ("/reader/front-matter-positions", test_front_matter_positions);
  return g_test_run ();
}
