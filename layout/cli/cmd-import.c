/* cmd-import.c: `pamphlet import`: raw text -> corpus file(s). */
#include "base/pm-diagnostics.h"
#include "base/pm-error.h"
#include "cli/pm-commands.h"
#include "import/pm-import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char **langs, **titles, **outputs, **drops, **fixes;
  char *kind, *source, *translator, *notes, *split_at;
  char **meta;
  gboolean bracket_notes;
} Args;

static void
args_clear (Args *a)
{
  g_strfreev (a->langs);
  g_strfreev (a->titles);
  g_strfreev (a->outputs);
  g_strfreev (a->drops);
  g_strfreev (a->fixes);
  g_free (a->kind);
  g_free (a->source);
  g_free (a->translator);
  g_strfreev (a->meta);
  g_free (a->notes);
  g_free (a->split_at);
}

static gboolean
parse_uint (const char *s, guint *out)
{
  char *end = NULL;
  guint64 v = g_ascii_strtoull (s, &end, 10);
  if (!*s || *end || v == 0 || v > G_MAXUINT)
    return FALSE;
  *out = (guint)v;
  return TRUE;
}

/* Imports lines [FIRST, LAST) of TEXT (line numbers from 1) as language I of the command;
 * LINE_STARTS holds the offset of each line's start. */
static char *
import_part (Args *a, guint i, const char *file, const char *text, GArray *line_starts, guint first,
             guint last, PmDiagnostics *diags, GError **error)
{
  PmImport *imp = pm_import_new (a->langs[i]);
  char *out = NULL;
  if (a->titles && i < g_strv_length (a->titles))
    pm_import_set_title (imp, a->titles[i]);
  if (a->kind)
    pm_import_set_kind (imp, a->kind);
  if (a->source)
    pm_import_set_source (imp, a->source);
  if (a->translator)
    pm_import_set_translator (imp, a->translator);
  for (guint k = 0; a->meta && a->meta[k]; k++) {
    const char *eq = strchr (a->meta[k], '=');
    if (!eq || eq == a->meta[k]) {
      g_set_error (error, PM_ERROR, PM_ERROR_USAGE, "--meta wants KEY=VALUE, not '%s'", a->meta[k]);
      goto done;
    }
    g_autofree char *key = g_strndup (a->meta[k], (gsize)(eq - a->meta[k]));
    pm_import_add_meta (imp, key, eq + 1);
  }
  pm_import_set_bracket_notes (imp, a->bracket_notes);
  pm_import_set_first_line (imp, first);
  for (guint k = 0; a->drops && a->drops[k]; k++) {
    guint l = 0;
    if (!parse_uint (a->drops[k], &l)) {
      g_set_error (error, PM_ERROR, PM_ERROR_USAGE, "--drop-line wants a line number, not '%s'",
                   a->drops[k]);
      goto done;
    }
    pm_import_drop_line (imp, l);
  }
  if (a->notes) {
    char *contents = NULL;
    if (!g_file_get_contents (a->notes, &contents, NULL, error))
      goto done;
    gboolean ok = pm_import_set_notes (imp, a->notes, contents, error);
    g_free (contents);
    if (!ok)
      goto done;
  }
  gsize from = g_array_index (line_starts, gsize, first - 1);
  gsize to = last - 1 < line_starts->len ? g_array_index (line_starts, gsize, last - 1) - 1
                                         : strlen (text);
  char *part = g_strndup (text + from, to - from);
  out = pm_import_run (imp, file, part, -1, diags, error);
  g_free (part);
done:
  pm_import_free (imp);
  return out;
}

int
pm_cmd_import (int argc, char **argv)
{
  Args a = { 0 };
  GOptionEntry options[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING_ARRAY, &a.langs,
      "The text's language (BCP 47); twice for a file holding two languages one after the other",
      "TAG" },
    { "title", 't', 0, G_OPTION_ARG_STRING_ARRAY, &a.titles, "Title (once per language)", "T" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME_ARRAY, &a.outputs,
      "Corpus file to write (once per language; default standard output)", "OUT.md" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &a.kind, "statement (default), analysis, …", "KIND" },
    { "source", 0, 0, G_OPTION_ARG_STRING, &a.source, "Front matter source (default RAW's name)",
      "NAME" },
    { "translator", 0, 0, G_OPTION_ARG_STRING, &a.translator, "Front matter translator", "NAME" },
    { "meta", 0, 0, G_OPTION_ARG_STRING_ARRAY, &a.meta,
      "A further front matter key, such as title-en (repeatable)", "KEY=VALUE" },
    { "notes", 0, 0, G_OPTION_ARG_FILENAME, &a.notes,
      "Texts of notes numbered in the raw text, as `[^N]: text` lines", "FILE" },
    { "bracket-notes", 0, 0, G_OPTION_ARG_NONE, &a.bracket_notes,
      "Turn bracketed editorial notes [… – n.] into footnotes", NULL },
    { "split-at", 0, 0, G_OPTION_ARG_STRING, &a.split_at,
      "First line of the second language, or 'auto' (the default with two --lang)", "LINE" },
    { "drop-line", 0, 0, G_OPTION_ARG_STRING_ARRAY, &a.drops,
      "Leave out line N of RAW (site navigation and the like); repeatable", "N" },
    { "fix", 0, 0, G_OPTION_ARG_STRING_ARRAY, &a.fixes,
      "Correct a typo: replace the only occurrence of FROM by TO; repeatable", "FROM=TO" },
    G_OPTION_ENTRY_NULL,
  };
  int status = 2;
  GError *error = NULL;
  char *text = NULL;
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  char *results[2] = { NULL, NULL };
  PmDiagnostics *diags = pm_diagnostics_new ();

  if (!pm_cmd_parse ("import", "--lang TAG [--title T] RAW.txt [-o OUT.md]",
                     "Turns pasted raw text into a corpus file (Markdown with front matter).",
                     options, &argc, &argv))
    goto out;
  guint nlang = a.langs ? g_strv_length (a.langs) : 0;
  guint nout = a.outputs ? g_strv_length (a.outputs) : 0;
  if (argc != 2 || nlang < 1 || nlang > 2 || (nlang == 2 && nout != 2) ||
      (nlang == 1 && nout > 1) || (nlang == 1 && a.split_at)) {
    fprintf (stderr, "pamphlet import: give --lang TAG (twice, with two -o, for a file in two "
                     "languages) and one RAW file\nTry 'pamphlet import --help'.\n");
    goto out;
  }
  const char *file = argv[1];
  gsize len = 0;
  if (g_file_test (file, G_FILE_TEST_IS_DIR)) {
    g_set_error (&error, PM_ERROR, PM_ERROR_IO, "%s: is a directory: give a text file", file);
    status = pm_cmd_fail (error);
    goto out;
  }
  if (!g_file_get_contents (file, &text, &len, &error)) {
    status = pm_cmd_fail (error);
    goto out;
  }
  if (memchr (text, 0, len) || !g_utf8_validate_len (text, len, NULL)) {
    PmImport *probe = pm_import_new (a.langs[0]);
    char *r = pm_import_run (probe, file, text, len, diags, &error);
    g_free (r);
    pm_import_free (probe);
    status = pm_cmd_fail (error);
    goto out;
  }
  for (guint k = 0; a.fixes && a.fixes[k]; k++) {
    char *eq = strchr (a.fixes[k], '=');
    if (!eq) {
      fprintf (stderr, "pamphlet import: --fix wants FROM=TO, not '%s'\n", a.fixes[k]);
      goto out;
    }
    *eq = '\0';
    if (!pm_import_apply_fix (&text, a.fixes[k], eq + 1, &error)) {
      g_prefix_error (&error, "%s: ", file);
      status = pm_cmd_fail (error);
      goto out;
    }
  }
  len = strlen (text); /* after the corrections */
  gsize zero = 0;
  g_array_append_val (starts, zero);
  /* memchr, not strchr: ASan's strchr measures the whole rest of the text each time. */
  for (const char *p = text; (p = memchr (p, '\n', len - (gsize)(p - text))); p++) {
    gsize at = (gsize)(p + 1 - text);
    g_array_append_val (starts, at);
  }
  guint nlines = starts->len;
  if (nlang == 1) {
    results[0] = import_part (&a, 0, file, text, starts, 1, nlines + 1, diags, &error);
  } else {
    guint split = 0;
    if (a.split_at && strcmp (a.split_at, "auto")) {
      if (!parse_uint (a.split_at, &split) || split < 2 || split > nlines) {
        fprintf (stderr,
                 "pamphlet import: --split-at wants a line number between 2 and %u or "
                 "'auto'\n",
                 nlines);
        goto out;
      }
    } else {
      split = pm_import_detect_split (text, a.langs[0], a.langs[1]);
      if (!split) {
        g_set_error (&error, PM_ERROR, PM_ERROR_INPUT,
                     "%s: cannot find where %s ends and %s begins: give --split-at LINE", file,
                     a.langs[0], a.langs[1]);
        status = pm_cmd_fail (error);
        goto out;
      }
      fprintf (stderr, "%s:%u:1: note: %s begins here\n", file, split, a.langs[1]);
    }
    results[0] = import_part (&a, 0, file, text, starts, 1, split, diags, &error);
    if (results[0])
      results[1] = import_part (&a, 1, file, text, starts, split, nlines + 1, diags, &error);
  }
  pm_diagnostics_print (diags, stderr);
  if (error) {
    status = pm_cmd_fail (error);
    goto out;
  }
  /* Nothing is half-written: each file goes to a temporary file renamed into place. */
  for (guint i = 0; i < nlang; i++) {
    if (!nout) {
      fputs (results[i], stdout);
    } else if (!g_file_set_contents (a.outputs[i], results[i], -1, &error)) {
      status = pm_cmd_fail (error);
      goto out;
    }
  }
  status = 0;
out:
  g_array_unref (starts);
  g_free (results[0]);
  g_free (results[1]);
  g_free (text);
  pm_diagnostics_free (diags);
  args_clear (&a);
  return status;
}
