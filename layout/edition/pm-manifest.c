/* pm-manifest.c: reading corpus/editions.yaml. */
#include "edition/pm-manifest.h"
#include "base/pm-error.h"
#include "base/pm-units.h"
#include "base/pm-yaml.h"

#include <string.h>

static void
edition_free (PmEdition *e)
{
  g_free (e->name);
  g_free (e->style);
  g_ptr_array_unref (e->inputs);
  g_strfreev (e->cover_langs);
  g_free (e->output);
  g_free (e->bleed);
  g_free (e);
}

void
pm_manifest_free (PmManifest *m)
{
  if (!m)
    return;
  g_free (m->path);
  g_free (m->output_dir);
  g_ptr_array_unref (m->editions);
  g_free (m);
}

static gboolean fail_at (GError **error, const PmManifest *m, const PmYamlNode *n, const char *fmt,
                         ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail_at (GError **error, const PmManifest *m, const PmYamlNode *n, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  char *what = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error (error, PM_ERROR, PM_ERROR_INPUT, "%s:%u:%u: %s", m->path, n->line, n->column, what);
  g_free (what);
  return FALSE;
}

static gboolean
want_scalar (const PmManifest *m, const PmYamlNode *n, const char *key, GError **error)
{
  if (n->kind != PM_YAML_SCALAR || !*n->value)
    return fail_at (error, m, n, "'%s' must be a text, not %s", key,
                    n->kind == PM_YAML_SCALAR ? "empty" : pm_yaml_kind_name (n->kind));
  return TRUE;
}

/* PATH relative to the manifest's directory, without "dir/../" detours. */
static char *
resolve (const PmManifest *m, const char *path)
{
  g_autofree char *dir = g_path_get_dirname (m->path);
  g_autofree char *abs_dir = g_canonicalize_filename (dir, NULL);
  g_autofree char *full = g_canonicalize_filename (path, abs_dir);
  g_autofree char *cwd = g_get_current_dir ();
  gsize n = strlen (cwd);
  /* Keep paths short in messages when they lie below the working directory. */
  if (!strncmp (full, cwd, n) && full[n] == '/')
    return g_strdup (full + n + 1);
  return g_steal_pointer (&full);
}

static gboolean
parse_bool (const PmManifest *m, const PmYamlNode *n, const char *key, gboolean *out,
            GError **error)
{
  if (!want_scalar (m, n, key, error))
    return FALSE;
  if (!strcmp (n->value, "true") || !strcmp (n->value, "yes"))
    *out = TRUE;
  else if (!strcmp (n->value, "false") || !strcmp (n->value, "no"))
    *out = FALSE;
  else
    return fail_at (error, m, n, "'%s' is true or false, not '%s'", key, n->value);
  return TRUE;
}

static gboolean
parse_length (const PmManifest *m, const PmYamlNode *n, const char *key, char **out, GError **error)
{
  double v;
  if (!want_scalar (m, n, key, error))
    return FALSE;
  if (!pm_length_parse (n->value, &v) || v < 0 || v > 50 * 72 / 25.4)
    return fail_at (error, m, n, "'%s' is a length such as 3mm or 9pt (0 to 50 mm), not '%s'", key,
                    n->value);
  *out = g_strdup (n->value);
  return TRUE;
}

static gboolean
parse_print (PmManifest *m, PmEdition *e, const PmYamlNode *print, GError **error)
{
  if (print->kind != PM_YAML_MAPPING)
    return fail_at (error, m, print, "'print' holds bleed, crop-marks, impose and pdfx");
  for (guint i = 0; i < pm_yaml_length (print); i++) {
    const PmYamlNode *k, *v = pm_yaml_item (print, i, &k);
    gboolean ok;
    if (k->kind != PM_YAML_SCALAR)
      return fail_at (error, m, k, "print options are named by text");
    if (!strcmp (k->value, "bleed"))
      ok = parse_length (m, v, "bleed", &e->bleed, error);
    else if (!strcmp (k->value, "crop-marks"))
      ok = parse_bool (m, v, "crop-marks", &e->crop_marks, error);
    else if (!strcmp (k->value, "pdfx"))
      ok = parse_bool (m, v, "pdfx", &e->pdfx, error);
    else if (!strcmp (k->value, "impose")) {
      ok = want_scalar (m, v, "impose", error);
      if (ok && !strcmp (v->value, "saddle"))
        e->impose = TRUE;
      else if (ok && strcmp (v->value, "none") && strcmp (v->value, "false"))
        ok = fail_at (error, m, v, "'impose' is saddle or none, not '%s'", v->value);
    } else
      ok = fail_at (error, m, k,
                    "unknown print option '%s'; allowed: bleed, crop-marks, "
                    "impose, pdfx",
                    k->value);
    if (!ok)
      return FALSE;
  }
  return TRUE;
}

static gboolean
valid_name (const char *s)
{
  if (!*s)
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isalnum (*s) && *s != '-' && *s != '_')
      return FALSE;
  return TRUE;
}

static gboolean
parse_list (PmManifest *m, const PmYamlNode *n, const char *key, GPtrArray *out, GError **error)
{
  if (n->kind == PM_YAML_SCALAR)
    return fail_at (error, m, n, "'%s' is a list: [a, b] or lines starting with '- '", key);
  if (n->kind != PM_YAML_SEQUENCE)
    return fail_at (error, m, n, "'%s' is a list, not a mapping", key);
  for (guint j = 0; j < pm_yaml_length (n); j++) {
    const PmYamlNode *item = pm_yaml_item (n, j, NULL);
    if (!want_scalar (m, item, key, error))
      return FALSE;
    g_ptr_array_add (out, g_strdup (item->value));
  }
  return TRUE;
}

static PmEdition *
parse_edition (PmManifest *m, const PmYamlNode *node, GError **error)
{
  if (node->kind != PM_YAML_MAPPING) {
    fail_at (error, m, node, "each edition is a mapping with name, style and inputs");
    return NULL;
  }
  PmEdition *e = g_new0 (PmEdition, 1);
  g_autoptr (GPtrArray) langs = g_ptr_array_new_with_free_func (g_free);
  e->line = node->line;
  e->column = node->column;
  e->inputs = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;
  for (guint i = 0; ok && i < pm_yaml_length (node); i++) {
    const PmYamlNode *k, *v = pm_yaml_item (node, i, &k);
    if (k->kind != PM_YAML_SCALAR) {
      ok = fail_at (error, m, k, "edition keys are text");
    } else if (!strcmp (k->value, "name")) {
      ok = want_scalar (m, v, "name", error);
      if (ok && !valid_name (v->value))
        ok = fail_at (error, m, v, "an edition's name uses letters, digits, '-' and '_' only");
      if (ok)
        e->name = g_strdup (v->value);
    } else if (!strcmp (k->value, "style")) {
      if ((ok = want_scalar (m, v, "style", error)))
        e->style = resolve (m, v->value);
    } else if (!strcmp (k->value, "output")) {
      if ((ok = want_scalar (m, v, "output", error)))
        e->output = g_build_filename (m->output_dir, v->value, NULL);
    } else if (!strcmp (k->value, "inputs")) {
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      ok = parse_list (m, v, "inputs", names, error);
      for (guint j = 0; ok && j < names->len; j++)
        g_ptr_array_add (e->inputs, resolve (m, g_ptr_array_index (names, j)));
    } else if (!strcmp (k->value, "cover-languages")) {
      ok = parse_list (m, v, "cover-languages", langs, error);
    } else if (!strcmp (k->value, "print")) {
      ok = parse_print (m, e, v, error);
    } else {
      ok = fail_at (error, m, k,
                    "unknown key '%s'; allowed: name, style, inputs, "
                    "cover-languages, output, print",
                    k->value);
    }
  }
  if (ok && !e->name)
    ok = fail_at (error, m, node, "this edition has no 'name'");
  if (ok && !e->style)
    ok = fail_at (error, m, node, "edition '%s' has no 'style'", e->name);
  if (ok && e->inputs->len == 0)
    ok = fail_at (error, m, node, "edition '%s' has no 'inputs'", e->name);
  if (!ok) {
    edition_free (e);
    return NULL;
  }
  if (!e->output) {
    char *file = g_strconcat (e->name, ".pdf", NULL);
    e->output = g_build_filename (m->output_dir, file, NULL);
    g_free (file);
  }
  g_ptr_array_add (langs, NULL);
  e->cover_langs = (char **)g_ptr_array_steal (langs, NULL);
  return e;
}

PmManifest *
pm_manifest_load (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len;
  GError *io = NULL;
  if (!g_file_get_contents (path, &data, &len, &io)) {
    g_set_error (error, PM_ERROR, PM_ERROR_IO, "%s: cannot read the editions manifest: %s", path,
                 io->message);
    g_error_free (io);
    return NULL;
  }
  g_autoptr (PmYamlNode) root = pm_yaml_parse (path, data, (gssize)len, error);
  if (!root)
    return NULL;

  g_autoptr (PmManifest) m = g_new0 (PmManifest, 1);
  m->path = g_strdup (path);
  m->editions = g_ptr_array_new_with_free_func ((GDestroyNotify)edition_free);
  if (root->kind != PM_YAML_MAPPING) {
    fail_at (error, m, root, "the manifest is a mapping with 'output-dir' and 'editions'");
    return NULL;
  }
  const PmYamlNode *list = NULL;
  for (guint i = 0; i < pm_yaml_length (root); i++) {
    const PmYamlNode *k, *v = pm_yaml_item (root, i, &k);
    if (k->kind == PM_YAML_SCALAR && !strcmp (k->value, "output-dir")) {
      if (!want_scalar (m, v, "output-dir", error))
        return NULL;
      m->output_dir = resolve (m, v->value);
    } else if (k->kind == PM_YAML_SCALAR && !strcmp (k->value, "editions")) {
      list = v;
    } else {
      fail_at (error, m, k, "unknown key '%s'; allowed: output-dir, editions",
               k->kind == PM_YAML_SCALAR ? k->value : "?");
      return NULL;
    }
  }
  if (!m->output_dir)
    m->output_dir = resolve (m, "editions");
  if (!list || list->kind != PM_YAML_SEQUENCE || pm_yaml_length (list) == 0) {
    fail_at (error, m, list ? list : root, "'editions' must list at least one edition");
    return NULL;
  }
  for (guint i = 0; i < pm_yaml_length (list); i++) {
    const PmYamlNode *node = pm_yaml_item (list, i, NULL);
    PmEdition *e = parse_edition (m, node, error);
    if (!e)
      return NULL;
    if (pm_manifest_find (m, e->name)) {
      fail_at (error, m, node, "a second edition named '%s'; names must be unique", e->name);
      edition_free (e);
      return NULL;
    }
    g_ptr_array_add (m->editions, e);
  }
  return g_steal_pointer (&m);
}

const PmEdition *
pm_manifest_find (const PmManifest *m, const char *name)
{
  for (guint i = 0; i < m->editions->len; i++) {
    const PmEdition *e = g_ptr_array_index (m->editions, i);
    if (!strcmp (e->name, name))
      return e;
  }
  return NULL;
}

GPtrArray *
pm_edition_build_args (const PmEdition *e, const char *report, const char *deps)
{
  GPtrArray *args = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (args, g_strdup ("build"));
  g_ptr_array_add (args, g_strdup ("--style"));
  g_ptr_array_add (args, g_strdup (e->style));
  for (char **l = e->cover_langs; *l; l++) {
    g_ptr_array_add (args, g_strdup ("--cover-lang"));
    g_ptr_array_add (args, g_strdup (*l));
  }
  if (e->bleed) {
    g_ptr_array_add (args, g_strdup ("--bleed"));
    g_ptr_array_add (args, g_strdup (e->bleed));
  }
  if (e->crop_marks)
    g_ptr_array_add (args, g_strdup ("--crop-marks"));
  if (e->impose)
    g_ptr_array_add (args, g_strdup ("--impose"));
  if (e->pdfx)
    g_ptr_array_add (args, g_strdup ("--pdfx"));
  if (report) {
    g_ptr_array_add (args, g_strdup ("--report"));
    g_ptr_array_add (args, g_strdup (report));
  }
  if (deps) {
    g_ptr_array_add (args, g_strdup ("--deps"));
    g_ptr_array_add (args, g_strdup (deps));
  }
  g_ptr_array_add (args, g_strdup ("-o"));
  g_ptr_array_add (args, g_strdup (e->output));
  for (guint i = 0; i < e->inputs->len; i++)
    g_ptr_array_add (args, g_strdup (g_ptr_array_index (e->inputs, i)));
  return args;
}

char *
pm_edition_output_spec (const PmEdition *e)
{
  GString *spec = g_string_new (e->output);
  const char *sep = ":";
  if (e->bleed) {
    g_string_append_printf (spec, "%sbleed=%s", sep, e->bleed);
    sep = ",";
  }
  if (e->crop_marks) {
    g_string_append_printf (spec, "%scrop-marks", sep);
    sep = ",";
  }
  if (e->impose) {
    g_string_append_printf (spec, "%simpose", sep);
    sep = ",";
  }
  if (e->pdfx)
    g_string_append_printf (spec, "%spdfx", sep);
  return g_string_free (spec, FALSE);
}

gboolean
pm_edition_same_pages (const PmEdition *a, const PmEdition *b)
{
  if (strcmp (a->style, b->style) || a->inputs->len != b->inputs->len ||
      !g_strv_equal ((const char *const *)a->cover_langs, (const char *const *)b->cover_langs))
    return FALSE;
  for (guint i = 0; i < a->inputs->len; i++)
    if (strcmp (g_ptr_array_index (a->inputs, i), g_ptr_array_index (b->inputs, i)))
      return FALSE;
  return TRUE;
}
