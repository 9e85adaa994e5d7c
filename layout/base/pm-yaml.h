/* pm-yaml.h: a small YAML document tree with source positions, read with libyaml.
 *
 * Style sheets, front matter and the editions manifest are YAML; every later error about
 * them must name the line and column of the key or value at fault, which libyaml's event
 * stream knows and a plain key/value reader would lose. Aliases and tags are not needed by
 * any pamphlet file and are refused. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  PM_YAML_SCALAR,
  PM_YAML_SEQUENCE,
  PM_YAML_MAPPING
} PmYamlKind;

typedef struct _PmYamlNode PmYamlNode;
struct _PmYamlNode {
  PmYamlKind kind;
  guint line;       /* from 1 */
  guint column;     /* from 1, in characters */
  char *value;      /* SCALAR: the text; else NULL */
  gboolean quoted;  /* SCALAR: written in quotes (so "null" or "" is a string) */
  GPtrArray *items; /* SEQUENCE: the items; MAPPING: key, value, key, value, …; else NULL */
};

/* Parses DATA (LEN bytes, or NUL-terminated if LEN < 0) holding one YAML document. FILE
 * names it in messages. An empty document gives an empty mapping. On a syntax error returns
 * NULL and sets ERROR (PM_ERROR_INPUT) to `FILE:line:column: what`. */
PmYamlNode *pm_yaml_parse (const char *file, const char *data, gssize len, GError **error);

/* Frees NODE and its children. NULL is allowed. */
void pm_yaml_node_free (PmYamlNode *node);

/* In a MAPPING, the value of KEY, or NULL if the key is absent or NODE is not a mapping. */
const PmYamlNode *pm_yaml_lookup (const PmYamlNode *node, const char *key);

/* The number of items of a SEQUENCE or of key/value pairs of a MAPPING; 0 for a scalar. */
guint pm_yaml_length (const PmYamlNode *node);

/* The I-th item of a SEQUENCE, or the I-th key (KEY_OUT) and value of a MAPPING. */
const PmYamlNode *pm_yaml_item (const PmYamlNode *node, guint i, const PmYamlNode **key_out);

/* A name for KIND in messages: "a text", "a list", "a mapping". */
const char *pm_yaml_kind_name (PmYamlKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmYamlNode, pm_yaml_node_free)

G_END_DECLS
