/* pm-yaml.c: libyaml's event stream folded into a tree of PmYamlNode. */
#include "base/pm-yaml.h"
#include "base/pm-error.h"

#include <string.h>
#include <yaml.h>

/* libyaml counts lines and columns in characters from 0; messages count from 1. */
static PmYamlNode *
node_new (PmYamlKind kind, const yaml_mark_t *mark)
{
  PmYamlNode *node = g_new0 (PmYamlNode, 1);
  node->kind = kind;
  node->line = (guint)mark->line + 1;
  node->column = (guint)mark->column + 1;
  if (kind != PM_YAML_SCALAR)
    node->items = g_ptr_array_new_with_free_func ((GDestroyNotify)pm_yaml_node_free);
  return node;
}

void
pm_yaml_node_free (PmYamlNode *node)
{
  if (!node)
    return;
  g_free (node->value);
  if (node->items)
    g_ptr_array_unref (node->items);
  g_free (node);
}

static void
set_error (GError **error, const char *file, const yaml_mark_t *mark, const char *what)
{
  g_set_error (error, PM_ERROR, PM_ERROR_INPUT, "%s:%u:%u: %s", file, (guint)mark->line + 1,
               (guint)mark->column + 1, what);
}

PmYamlNode *
pm_yaml_parse (const char *file, const char *data, gssize len, GError **error)
{
  gsize size = len < 0 ? strlen (data) : (gsize)len;
  yaml_parser_t parser;
  yaml_event_t event;
  GPtrArray *stack = g_ptr_array_new (); /* open sequences and mappings */
  PmYamlNode *root = NULL;
  gboolean done = FALSE, failed = FALSE;

  if (!g_utf8_validate (data, size, NULL)) {
    const char *end;
    g_utf8_validate (data, size, &end);
    yaml_mark_t mark = { (size_t)(end - data), 0, 0 };
    for (const char *p = data; p < end; p = g_utf8_next_char (p))
      if (*p == '\n') {
        mark.line++;
        mark.column = 0;
      } else
        mark.column++;
    set_error (error, file, &mark, "invalid UTF-8; save the file as UTF-8");
    g_ptr_array_unref (stack);
    return NULL;
  }

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *)data, size);
  while (!done && !failed) {
    if (!yaml_parser_parse (&parser, &event)) {
      char *what =
          g_strdup_printf ("YAML syntax: %s%s%s", parser.problem ? parser.problem : "error",
                           parser.context ? " " : "", parser.context ? parser.context : "");
      set_error (error, file, &parser.problem_mark, what);
      g_free (what);
      failed = TRUE;
      break;
    }
    PmYamlNode *node = NULL;
    gboolean close = FALSE;
    switch (event.type) {
      case YAML_SCALAR_EVENT:
        node = node_new (PM_YAML_SCALAR, &event.start_mark);
        node->value = g_strndup ((const char *)event.data.scalar.value, event.data.scalar.length);
        node->quoted = event.data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
                       event.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
        break;
      case YAML_SEQUENCE_START_EVENT:
        node = node_new (PM_YAML_SEQUENCE, &event.start_mark);
        break;
      case YAML_MAPPING_START_EVENT:
        node = node_new (PM_YAML_MAPPING, &event.start_mark);
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        close = TRUE;
        break;
      case YAML_ALIAS_EVENT:
        set_error (error, file, &event.start_mark,
                   "YAML aliases (*name) are not supported; write the value out");
        failed = TRUE;
        break;
      case YAML_DOCUMENT_END_EVENT:
      case YAML_STREAM_END_EVENT:
        done = TRUE;
        break;
      default:
        break;
    }
    if (node) {
      if (stack->len > 0)
        g_ptr_array_add (((PmYamlNode *)g_ptr_array_index (stack, stack->len - 1))->items, node);
      else if (!root)
        root = node;
      else
        pm_yaml_node_free (node);
      if (node->kind != PM_YAML_SCALAR)
        g_ptr_array_add (stack, node);
    } else if (close && stack->len > 0) {
      g_ptr_array_remove_index (stack, stack->len - 1);
    }
    yaml_event_delete (&event);
  }
  yaml_parser_delete (&parser);
  g_ptr_array_unref (stack);
  if (failed) {
    pm_yaml_node_free (root);
    return NULL;
  }
  if (!root) {
    yaml_mark_t start = { 0, 0, 0 };
    root = node_new (PM_YAML_MAPPING, &start);
  }
  return root;
}

const PmYamlNode *
pm_yaml_lookup (const PmYamlNode *node, const char *key)
{
  if (!node || node->kind != PM_YAML_MAPPING)
    return NULL;
  for (guint i = 0; i + 1 < node->items->len; i += 2) {
    const PmYamlNode *k = g_ptr_array_index (node->items, i);
    if (k->kind == PM_YAML_SCALAR && !strcmp (k->value, key))
      return g_ptr_array_index (node->items, i + 1);
  }
  return NULL;
}

guint
pm_yaml_length (const PmYamlNode *node)
{
  if (!node || !node->items)
    return 0;
  return node->kind == PM_YAML_MAPPING ? node->items->len / 2 : node->items->len;
}

const PmYamlNode *
pm_yaml_item (const PmYamlNode *node, guint i, const PmYamlNode **key_out)
{
  if (!node || !node->items || i >= pm_yaml_length (node))
    return NULL;
  if (node->kind == PM_YAML_MAPPING) {
    if (key_out)
      *key_out = g_ptr_array_index (node->items, 2 * i);
    return g_ptr_array_index (node->items, 2 * i + 1);
  }
  if (key_out)
    *key_out = NULL;
  return g_ptr_array_index (node->items, i);
}

const char *
pm_yaml_kind_name (PmYamlKind kind)
{
  switch (kind) {
    case PM_YAML_SCALAR:
      return "a text";
    case PM_YAML_SEQUENCE:
      return "a list";
    default:
      return "a mapping";
  }
}
