/* test-check.c: what `pamphlet check` finds in a readable document, at which place. */
#include "corpus/pm-check.h"
#include "corpus/pm-reader.h"
#include "pm-test.h"

#include <string.h>

/* Checks TEXT written to NAME in the temporary directory; returns every message, formatted
 * with the directory left out, one per line. */
static char *
check_text (const char *name, const char *text, gboolean *ok)
{
  char *path = pm_test_write_file (name, text, -1);
  PmDiagnostics *diags = pm_diagnostics_new ();
  gboolean result = pm_check_file (path, diags);
  if (ok)
    *ok = result;
  pm_diagnostics_sort (diags);
  GString *out = g_string_new (NULL);
  gsize skip = strlen (pm_test_tmpdir ()) + 1;
  for (guint i = 0; i < pm_diagnostics_length (diags); i++) {
    char *m = pm_diagnostic_format (pm_diagnostics_get (diags, i));
    g_string_append_printf (out, "%s\n", m + skip);
    g_free (m);
  }
  pm_diagnostics_free (diags);
  g_free (path);
  return g_string_free (out, FALSE);
}

static void
assert_messages (const char *got, const char *const *expected, gsize n)
{
  char **lines = g_strsplit (got, "\n", -1);
  guint count = g_strv_length (lines) - 1; /* the text ends with a newline */
  if (count != n)
    g_error ("expected %" G_GSIZE_FORMAT " messages, got:\n%s", n, got);
  for (gsize i = 0; i < n; i++)
    if (!g_str_has_prefix (lines[i], expected[i]))
      g_error ("message %" G_GSIZE_FORMAT ": expected '%s…', got:\n%s", i, expected[i], got);
  g_strfreev (lines);
}

static void
test_clean (void)
{
  char *path = pm_test_source_path ("tests/fixtures/corpus/clean.md");
  PmDiagnostics *diags = pm_diagnostics_new ();
  g_assert_true (pm_check_file (path, diags));
  g_assert_cmpuint (pm_diagnostics_length (diags), ==, 0);
  g_free (path);
  path = pm_test_source_path ("tests/fixtures/corpus/constructs.md");
  g_assert_true (pm_check_file (path, diags));
  g_assert_cmpuint (pm_diagnostics_length (diags), ==, 0);
  pm_diagnostics_free (diags);
  g_free (path);
}

static void
test_notes (void)
{
  gboolean ok;
  char *got = check_text ("notes.md",
                          "---\nlang: en\n---\nText[^1] and[^2] and [^gone].\n\n[^1]: One.\n"
                          "[^2]: Two.\n[^3]: Never used.\n[^1]: Again.\n",
                          &ok);
  const char *expected[] = {
    "notes.md:4:22: error: the note reference [^gone] has no note text; add a line `[^gone]: text`",
    "notes.md:8:1: warning: the note [^3] is never referred to, so it is not printed",
    "notes.md:9:1: warning: the note [^1] is defined twice; the later one is ignored",
  };
  assert_messages (got, expected, G_N_ELEMENTS (expected));
  g_assert_false (ok);
  g_free (got);
}

static void
test_warnings_only (void)
{
  gboolean ok;
  char *got = check_text ("warn.md",
                          "---\nlang: tr\n---\n# Başlık\n\n### Alt\n\n#\n\nMetin <br> "
                          "burada[^n].\n\n    kod\n\n[^n]: Not.\n\n    # Başlık\n",
                          &ok);
  const char *expected[] = {
    "warn.md:6:1: warning: the heading levels jump from 1 to 3; use 2 #s here",
    "warn.md:8:1: warning: an empty heading",
    "warn.md:10:7: warning: raw HTML is dropped",
    "warn.md:12:5: warning: a code block is dropped",
    "warn.md:16:5: warning: a heading inside a note is not set as a heading",
  };
  assert_messages (got, expected, G_N_ELEMENTS (expected));
  g_assert_true (ok);
  g_free (got);
}

static void
test_empty_body (void)
{
  gboolean ok;
  char *got = check_text ("empty-body.md", "---\nlang: ru\n---\n\n\n", &ok);
  const char *expected[] = { "empty-body.md:1:1: error: the document has no text after its "
                             "front matter" };
  assert_messages (got, expected, 1);
  g_assert_false (ok);
  g_free (got);
  /* only dropped markup is no text either */
  got = check_text ("only-html.md", "---\nlang: ru\n---\n<div>x</div>\n", &ok);
  const char *expected2[] = { "only-html.md:1:1: error: the document has no text",
                              "only-html.md:4:1: warning: raw HTML" };
  assert_messages (got, expected2, 2);
  g_free (got);
}

static void
test_images (void)
{
  gboolean ok;
  char *dir = g_build_filename (pm_test_tmpdir (), "img", NULL);
  g_mkdir_with_parents (dir, 0755);
  char *present = g_build_filename (dir, "here.png", NULL);
  g_file_set_contents (present, "x", 1, NULL);
  char *got = check_text ("img/text.md",
                          "---\nlang: it\n---\nTesto.\n\n![qui](here.png)\n\n![via](gone.png)\n\n"
                          "![web](https://example.org/a.png)\n",
                          &ok);
  g_assert_false (ok);
  g_assert_true (strstr (got, "img/text.md:8:1: error: the image 'gone.png' is not there"));
  g_assert_true (strstr (got, "img/gone.png"));
  g_assert_true (strstr (got, "img/text.md:10:1: error: the image "
                              "'https://example.org/a.png' is not a local file"));
  g_assert_null (strstr (got, "here.png"));
  g_free (got);
  g_free (present);
  g_free (dir);
}

static void
test_note_in_quote_and_nameless_image (void)
{
  gboolean ok;
  char *got = check_text ("quote.md",
                          "---\nlang: en\n---\nText[^q].\n\n> Quote.\n>\n> [^q]: In a quote.\n\n"
                          "![]()\n",
                          &ok);
  const char *expected[] = { "quote.md:10:1: error: the image has no file name" };
  assert_messages (got, expected, 1);
  g_free (got);
}

static void
test_document_directly (void)
{
  /* pm_check_document on a document built by hand: the checks read only the model */
  PmDocument doc = { 0 };
  doc.path = (char *)"hand.md";
  doc.blocks = g_ptr_array_new ();
  doc.notes = g_ptr_array_new ();
  PmDiagnostics *diags = pm_diagnostics_new ();
  pm_check_document (&doc, diags);
  g_assert_cmpuint (pm_diagnostics_count (diags, PM_SEVERITY_ERROR), ==, 1);
  g_ptr_array_unref (doc.blocks);
  g_ptr_array_unref (doc.notes);
  pm_diagnostics_free (diags);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/check/clean", test_clean);
  g_test_add_func ("/check/notes", test_notes);
  g_test_add_func ("/check/warnings-only", test_warnings_only);
  g_test_add_func ("/check/empty-body", test_empty_body);
  g_test_add_func ("/check/images", test_images);
  g_test_add_func ("/check/note-in-quote-nameless-image", test_note_in_quote_and_nameless_image);
  g_test_add_func ("/check/document-directly", test_document_directly);
  return g_test_run ();
}
