/* pm-front-matter.c: finding the front matter and reading it with pm-yaml (libyaml). */
#include "corpus/pm-front-matter.h"
#include "base/pm-yaml.h"
#include "corpus/pm-lang.h"

#include <string.h>

struct _PmFrontMatter {
  GArray *entries; /* PmFrontMatterEntry */
  gsize body_offset;
  guint body_line;
};

static const char *const known_keys[] = { "lang", "title", "kind", "source", "translator" };

static void
entry_clear (gpointer p)
{
  PmFrontMatterEntry *e = p;
  g_free (e->key);
  g_free (e->value);
}

void
pm_front_matter_free (PmFrontMatter *fm)
{
  if (!fm)
    return;
  g_array_unref (fm->entries);
  g_free (fm);
}

/* TRUE if the line [P, END) is MARK followed by nothing but spaces, tabs or a CR. */
static gboolean
is_marker_line (const char *p, const char *end, const char *mark)
{
  gsize n = strlen (mark);
  if ((gsize)(end - p) < n || memcmp (p, mark, n))
    return FALSE;
  for (p += n; p < end; p++)
    if (*p != ' ' && *p != '\t' && *p != '\r')
      return FALSE;
  return TRUE;
}

/* pm-yaml's messages read `FILE:line:column: what`; take the place back out of them. */
static void
add_yaml_error (PmDiagnostics *diags, const char *file, const char *message, const char *data,
                gsize len)
{
  guint line = 1, column = 1;
  int used = 0;
  const char *rest = message;
  if (g_str_has_prefix (message, file) &&
      sscanf (message + strlen (file), ":%u:%u: %n", &line, &column, &used) == 2 && used > 0)
    rest = message + strlen (file) + used;
  /* libyaml's word for a tab used to indent is obscure; say it plainly. */
  const char *p = data;
  for (guint l = 1; l < line && p < data + len; p++)
    if (*p == '\n')
      l++;
  const char *eol = memchr (p, '\n', data + len - p);
  gboolean tab = memchr (p, '\t', (eol ? eol : data + len) - p) != NULL;
  pm_diagnostics_add (diags, PM_SEVERITY_ERROR, file, line, column, "front matter: %s; %s", rest,
                      tab ? "indent YAML with spaces, never tabs"
                          : "write each line as `key: value` (quote values holding ': ' or '#')");
}

PmFrontMatter *
pm_front_matter_read (const char *file, const char *data, gsize len, PmDiagnostics *diags)
{
  const char *end = data + len, *p = data;
  if (len >= 3 && !memcmp (data, "\xEF\xBB\xBF", 3))
    p += 3; /* a byte order mark, as some editors write */
  const char *eol = memchr (p, '\n', end - p);
  if (len == 0 || !is_marker_line (p, eol ? eol : end, "---")) {
    pm_diagnostics_add (diags, PM_SEVERITY_ERROR, file, 1, 1,
                        "%s; start the file with front matter: a line `---`, a line `lang: TAG` "
                        "(such as `lang: el`), and a line `---`",
                        len == 0 ? "the file is empty" : "no front matter");
    return NULL;
  }
  /* Find the closing line. */
  guint line = 1;
  const char *close = NULL, *body = NULL;
  for (const char *q = eol ? eol + 1 : end; q < end;) {
    const char *qe = memchr (q, '\n', end - q);
    line++;
    if (is_marker_line (q, qe ? qe : end, "---") || is_marker_line (q, qe ? qe : end, "...")) {
      close = q;
      body = qe ? qe + 1 : end;
      break;
    }
    q = qe ? qe + 1 : end;
  }
  if (!close) {
    pm_diagnostics_add (diags, PM_SEVERITY_ERROR, file, 1, 1,
                        "the front matter is never closed; end it with a line `---` before the "
                        "text");
    return NULL;
  }

  GError *error = NULL;
  /* Parsing from the start of the file keeps libyaml's line numbers those of the file: the
   * opening `---` is YAML's own document marker. */
  PmYamlNode *root = pm_yaml_parse (file, data, close - data, &error);
  if (!root) {
    add_yaml_error (diags, file, error->message, data, len);
    g_error_free (error);
    return NULL;
  }

  PmFrontMatter *fm = g_new0 (PmFrontMatter, 1);
  fm->entries = g_array_new (FALSE, TRUE, sizeof (PmFrontMatterEntry));
  g_array_set_clear_func (fm->entries, entry_clear);
  fm->body_offset = body - data;
  fm->body_line = line + 1;
  gboolean ok = TRUE;

  if (root->kind != PM_YAML_MAPPING) {
    pm_diagnostics_add (diags, PM_SEVERITY_ERROR, file, root->line, root->column,
                        "the front matter is %s, not `key: value` lines; write `lang: TAG` and "
                        "other keys, one per line",
                        pm_yaml_kind_name (root->kind));
    ok = FALSE;
  }
  for (guint i = 0; ok && i < pm_yaml_length (root); i++) {
    const PmYamlNode *key = NULL;
    const PmYamlNode *value = pm_yaml_item (root, i, &key);
    if (key->kind != PM_YAML_SCALAR) {
      pm_diagnostics_add (diags, PM_SEVERITY_ERROR, file, key->line, key->column,
                          "a front matter key must be a word, not %s",
                          pm_yaml_kind_name (key->kind));
      ok = FALSE;
      continue;
    }
    if (pm_front_matter_lookup (fm, key->value)) {
      pm_diagnostics_add (diags, PM_SEVERITY_ERROR, file, key->line, key->column,
                          "`%s` is given twice in the front matter; keep one", key->value);
      ok = FALSE;
    }
    gboolean known = FALSE;
    for (gsize k = 0; k < G_N_ELEMENTS (known_keys); k++)
      known |= !strcmp (key->value, known_keys[k]);
    if (known && value->kind != PM_YAML_SCALAR) {
      pm_diagnostics_add (diags, PM_SEVERITY_ERROR, file, value->line, value->column,
                          "`%s` must be text, not %s; write `%s: value` on one line", key->value,
                          pm_yaml_kind_name (value->kind), key->value);
      ok = FALSE;
    }
    PmFrontMatterEntry e = { g_strdup (key->value),
                             value->kind == PM_YAML_SCALAR ? g_strdup (value->value) : NULL,
                             { key->line, key->column },
                             { value->line, value->column } };
    g_array_append_val (fm->entries, e);
  }
  pm_yaml_node_free (root);

  const PmFrontMatterEntry *lang = ok ? pm_front_matter_lookup (fm, "lang") : NULL;
  char *why = NULL;
  if (ok && !lang) {
    pm_diagnostics_add (diags, PM_SEVERITY_ERROR, file, 1, 1,
                        "the front matter has no `lang`; add a line `lang: TAG` with the text's "
                        "BCP 47 language tag (such as `lang: el`)");
    ok = FALSE;
  } else if (lang && lang->value && !pm_lang_validate (lang->value, &why)) {
    pm_diagnostics_add (diags, PM_SEVERITY_ERROR, file, lang->value_pos.line,
                        lang->value_pos.column, "`lang`: %s", why);
    g_free (why);
    ok = FALSE;
  }
  if (!ok) {
    pm_front_matter_free (fm);
    return NULL;
  }
  return fm;
}

gsize
pm_front_matter_body_offset (const PmFrontMatter *fm)
{
  return fm->body_offset;
}

guint
pm_front_matter_body_line (const PmFrontMatter *fm)
{
  return fm->body_line;
}

guint
pm_front_matter_length (const PmFrontMatter *fm)
{
  return fm->entries->len;
}

const PmFrontMatterEntry *
pm_front_matter_entry (const PmFrontMatter *fm, guint i)
{
  g_return_val_if_fail (i < fm->entries->len, NULL);
  return &g_array_index (fm->entries, PmFrontMatterEntry, i);
}

const PmFrontMatterEntry *
pm_front_matter_lookup (const PmFrontMatter *fm, const char *key)
{
  for (guint i = 0; i < fm->entries->len; i++) {
    const PmFrontMatterEntry *e = &g_array_index (fm->entries, PmFrontMatterEntry, i);
    if (!strcmp (e->key, key))
      return e;
  }
  return NULL;
}
