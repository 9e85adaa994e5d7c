/* pm-style.c: reading, checking and resolving style sheets.
 *
 * Every key is described once, in the tables below (type, units, default, whether a text
 * element inherits it from body). Parsing checks each key and value against its table and
 * stores the parsed value in its slot (section, key) of the sheets' Table or of a language's;
 * sheets are applied parent first so that a child's value replaces its parent's. After all
 * sheets are read, everything is resolved into plain structs once, for the default language
 * and for each language named in a lang: section. */
#include "style/pm-style.h"
#include "base/pm-data.h"
#include "base/pm-diagnostics.h"
#include "base/pm-error.h"
#include "base/pm-yaml.h"

#include <hb.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
  V_STRING,
  V_BOOL,
  V_INT,
  V_NUMBER,
  V_LENGTH,
  V_FRACTION, /* "2%", "0.35em" or 0.02: a fraction */
  V_COLOR,
  V_ENUM,
  V_WEIGHT,
  V_QUOTES,
  V_GRID,
  V_PAGESIZE,
  V_LANGPAIR,
  V_FEATURES,
} ValueType;

enum {
  U_PT = 1 << 0,
  U_MM = 1 << 1,
  U_CM = 1 << 2,
  U_IN = 1 << 3,
  U_EM = 1 << 4,
  U_PCT = 1 << 5,
  U_NONE = 1 << 6, /* a bare number: a factor of the element's size (leading) */
};
#define U_ABS (U_PT | U_MM | U_CM | U_IN)

typedef struct {
  const char *name;
  ValueType type;
  guint units;         /* V_LENGTH: the units allowed */
  const char *choices; /* V_ENUM: "a|b|c" */
  double min, max;     /* numbers, lengths (in their unit), fractions */
  const char *def;     /* the default, parsed like a sheet's value; NULL = unset */
  gboolean inherit;    /* text elements: taken from body when not set */
} KeyDef;

#define BIG 1e6

/* The text keys, in the order of text_keys[]. */
enum {
  TK_FAMILY,
  TK_SIZE,
  TK_LEADING,
  TK_WEIGHT,
  TK_STYLE,
  TK_COLOR,
  TK_FEATURES,
  TK_LETTER_SPACING,
  TK_CASE,
  TK_ALIGN,
  TK_INDENT,
  TK_INDENT_AFTER_HEADING,
  TK_MARGIN_LEFT,
  TK_MARGIN_RIGHT,
  TK_SPACE_BEFORE,
  TK_SPACE_AFTER,
  TK_KEEP_WITH_NEXT,
  TK_HYPHENATE,
  TK_HYPHENATE_CAPITALISED,
  TK_HYPHENATE_LAST_WORD,
  TK_PROTRUSION,
  TK_EXPANSION,
  TK_WORD_SPACING,
  TK_SPACE_STRETCH,
  TK_SPACE_SHRINK,
  TK_TOLERANCE,
  TK_PRETOLERANCE,
  TK_LINE_PENALTY,
  TK_HYPHEN_PENALTY,
  TK_EXHYPHEN_PENALTY,
  TK_DOUBLE_HYPHEN_DEMERITS,
  TK_FINAL_HYPHEN_DEMERITS,
  TK_HYPHENATE_LIMIT_LINES,
  TK_ADJ_DEMERITS,
  TK_WIDOW_PENALTY,
  TK_ORPHAN_PENALTY,
  TK_BROKEN_PENALTY,
  TK_EMERGENCY_STRETCH,
  TK_COUNT
};

static const KeyDef text_keys[TK_COUNT] = {
  [TK_FAMILY] = { "family", V_STRING, 0, NULL, 0, 0, "Liberation Serif", TRUE },
  [TK_SIZE] = { "size", V_LENGTH, U_ABS | U_EM | U_PCT, NULL, 0.01, 2000, "10pt", TRUE },
  [TK_LEADING] = { "leading", V_LENGTH, U_ABS | U_EM | U_PCT | U_NONE, NULL, 0.01, 2000, "1.2",
                   TRUE },
  [TK_WEIGHT] = { "weight", V_WEIGHT, 0, NULL, 1, 1000, "normal", TRUE },
  [TK_STYLE] = { "style", V_ENUM, 0, "normal|italic", 0, 0, "normal", TRUE },
  [TK_COLOR] = { "color", V_COLOR, 0, NULL, 0, 0, "black", TRUE },
  [TK_FEATURES] = { "features", V_FEATURES, 0, NULL, 0, 0, "", TRUE },
  [TK_LETTER_SPACING] = { "letter-spacing", V_LENGTH, U_ABS | U_EM, NULL, -100, 100, "0", FALSE },
  [TK_CASE] = { "case", V_ENUM, 0, "normal|upper", 0, 0, "normal", FALSE },
  [TK_ALIGN] = { "align", V_ENUM, 0, "justify|left|right|center", 0, 0, "justify", TRUE },
  [TK_INDENT] = { "indent", V_LENGTH, U_ABS | U_EM, NULL, -BIG, BIG, "0", FALSE },
  [TK_INDENT_AFTER_HEADING] = { "indent-after-heading", V_BOOL, 0, NULL, 0, 0, "false", TRUE },
  [TK_MARGIN_LEFT] = { "margin-left", V_LENGTH, U_ABS | U_EM, NULL, -BIG, BIG, "0", FALSE },
  [TK_MARGIN_RIGHT] = { "margin-right", V_LENGTH, U_ABS | U_EM, NULL, -BIG, BIG, "0", FALSE },
  [TK_SPACE_BEFORE] = { "space-before", V_LENGTH, U_ABS | U_EM, NULL, 0, BIG, "0", FALSE },
  [TK_SPACE_AFTER] = { "space-after", V_LENGTH, U_ABS | U_EM, NULL, 0, BIG, "0", FALSE },
  [TK_KEEP_WITH_NEXT] = { "keep-with-next", V_INT, 0, NULL, 0, 20, "0", FALSE },
  [TK_HYPHENATE] = { "hyphenate", V_BOOL, 0, NULL, 0, 0, "true", TRUE },
  [TK_HYPHENATE_CAPITALISED] = { "hyphenate-capitalised", V_BOOL, 0, NULL, 0, 0, "true", TRUE },
  [TK_HYPHENATE_LAST_WORD] = { "hyphenate-last-word", V_BOOL, 0, NULL, 0, 0, "true", TRUE },
  [TK_PROTRUSION] = { "protrusion", V_BOOL, 0, NULL, 0, 0, "false", TRUE },
  [TK_EXPANSION] = { "expansion", V_FRACTION, 0, NULL, 0, 0.1, "0", TRUE },
  [TK_WORD_SPACING] = { "word-spacing", V_FRACTION, 0, NULL, 0.5, 2, "100%", TRUE },
  [TK_SPACE_STRETCH] = { "space-stretch", V_FRACTION, 0, NULL, 0, 5, "50%", TRUE },
  [TK_SPACE_SHRINK] = { "space-shrink", V_FRACTION, 0, NULL, 0, 1, "0.3333333", TRUE },
  [TK_TOLERANCE] = { "tolerance", V_NUMBER, 0, NULL, 0, 10000, "200", TRUE },
  [TK_PRETOLERANCE] = { "pretolerance", V_NUMBER, 0, NULL, -1, 10000, "100", TRUE },
  [TK_LINE_PENALTY] = { "line-penalty", V_NUMBER, 0, NULL, -10000, 10000, "10", TRUE },
  [TK_HYPHEN_PENALTY] = { "hyphen-penalty", V_NUMBER, 0, NULL, -10000, 10000, "50", TRUE },
  [TK_EXHYPHEN_PENALTY] = { "exhyphen-penalty", V_NUMBER, 0, NULL, -10000, 10000, "50", TRUE },
  [TK_DOUBLE_HYPHEN_DEMERITS] = { "double-hyphen-demerits", V_NUMBER, 0, NULL, 0, BIG, "10000",
                                  TRUE },
  [TK_FINAL_HYPHEN_DEMERITS] = { "final-hyphen-demerits", V_NUMBER, 0, NULL, 0, BIG, "5000", TRUE },
  /* At most the breaker's PM_HYPHEN_RUN_MAX. */
  [TK_HYPHENATE_LIMIT_LINES] = { "hyphenate-limit-lines", V_NUMBER, 0, NULL, 0, 7, "0", TRUE },
  [TK_ADJ_DEMERITS] = { "adj-demerits", V_NUMBER, 0, NULL, 0, BIG, "10000", TRUE },
  [TK_WIDOW_PENALTY] = { "widow-penalty", V_NUMBER, 0, NULL, 0, 10000, "150", TRUE },
  [TK_ORPHAN_PENALTY] = { "orphan-penalty", V_NUMBER, 0, NULL, 0, 10000, "150", TRUE },
  [TK_BROKEN_PENALTY] = { "broken-penalty", V_NUMBER, 0, NULL, 0, 10000, "100", TRUE },
  [TK_EMERGENCY_STRETCH] = { "emergency-stretch", V_LENGTH, U_ABS | U_EM, NULL, 0, BIG, "0", TRUE },
};

static const KeyDef page_keys[] = {
  { "size", V_PAGESIZE, 0, NULL, 0, 0, "A5", FALSE },
  { "width", V_LENGTH, U_ABS, NULL, 1, BIG, NULL, FALSE },
  { "height", V_LENGTH, U_ABS, NULL, 1, BIG, NULL, FALSE },
  { "margin-inner", V_LENGTH, U_ABS, NULL, 0, BIG, "20mm", FALSE },
  { "margin-outer", V_LENGTH, U_ABS, NULL, 0, BIG, "20mm", FALSE },
  { "margin-top", V_LENGTH, U_ABS, NULL, 0, BIG, "20mm", FALSE },
  { "margin-bottom", V_LENGTH, U_ABS, NULL, 0, BIG, "20mm", FALSE },
  { "bleed", V_LENGTH, U_ABS, NULL, 0, BIG, "0", FALSE },
  { "columns", V_INT, 0, NULL, 1, 8, "1", FALSE },
  { "column-gap", V_LENGTH, U_ABS | U_EM, NULL, 0, BIG, "6mm", FALSE },
  { "baseline-grid", V_GRID, U_ABS, NULL, 0, BIG, "auto", FALSE },
  { "facing", V_BOOL, 0, NULL, 0, 0, "true", FALSE },
  { "section-start", V_ENUM, 0, "continue|new-page|right-page", 0, 0, "new-page", FALSE },
};

static const KeyDef language_keys[] = {
  { "quotes", V_QUOTES, 0, NULL, 0, 0, "“”", FALSE },
  { "quotes-inner", V_QUOTES, 0, NULL, 0, 0, "‘’", FALSE },
  { "hyphen-min-left", V_INT, 0, NULL, 1, 20, "2", FALSE },
  { "hyphen-min-right", V_INT, 0, NULL, 1, 20, "3", FALSE },
  { "hyphen-min-word", V_INT, 0, NULL, 1, 60, "5", FALSE },
  { "features", V_FEATURES, 0, NULL, 0, 0, "", FALSE },
  { "contents-title", V_STRING, 0, NULL, 0, 0, "Contents", FALSE },
  { "subtitle", V_STRING, 0, NULL, 0, 0, "", FALSE },
  { "publisher", V_STRING, 0, NULL, 0, 0, "", FALSE },
};

static const KeyDef note_keys[] = {
  { "separation", V_LENGTH, U_ABS | U_EM, NULL, 0, BIG, "12pt", FALSE },
  { "rule-length", V_LENGTH, U_ABS | U_PCT, NULL, 0, BIG, "30%", FALSE },
  { "rule-thickness", V_LENGTH, U_ABS, NULL, 0, BIG, "0.4pt", FALSE },
  { "rule-color", V_COLOR, 0, NULL, 0, 0, "black", FALSE },
  { "rule-gap", V_LENGTH, U_ABS | U_EM, NULL, 0, BIG, "4pt", FALSE },
  { "note-gap", V_LENGTH, U_ABS | U_EM, NULL, 0, BIG, "0", FALSE },
  { "restart", V_BOOL, 0, NULL, 0, 0, "true", FALSE },
  { "number", V_ENUM, 0, "superscript|plain", 0, 0, "superscript", FALSE },
};

static const KeyDef mark_keys[] = {
  { "size", V_FRACTION, 0, NULL, 0.1, 1, "65%", FALSE },
  { "raise", V_FRACTION, 0, NULL, -1, 1, "0.35em", FALSE },
};

#define HEAD_CONTENT "none|section-title|publication-title"
static const KeyDef head_keys[] = {
  { "left", V_ENUM, 0, HEAD_CONTENT, 0, 0, "publication-title", FALSE },
  { "right", V_ENUM, 0, HEAD_CONTENT, 0, 0, "section-title", FALSE },
  { "position", V_ENUM, 0, "top|bottom", 0, 0, "top", FALSE },
  { "side", V_ENUM, 0, "outer|inner|center", 0, 0, "center", FALSE },
  { "offset", V_LENGTH, U_ABS | U_EM, NULL, 0, BIG, "12pt", FALSE },
  { "rule", V_LENGTH, U_ABS, NULL, 0, BIG, "0", FALSE },
  { "on-section-start", V_BOOL, 0, NULL, 0, 0, "false", FALSE },
};

static const KeyDef folio_keys[] = {
  { "position", V_ENUM, 0, "top|bottom", 0, 0, "bottom", FALSE },
  { "side", V_ENUM, 0, "outer|inner|center", 0, 0, "outer", FALSE },
  { "offset", V_LENGTH, U_ABS | U_EM, NULL, 0, BIG, "18pt", FALSE },
  { "on-section-start", V_BOOL, 0, NULL, 0, 0, "true", FALSE },
};

static const KeyDef list_keys[] = {
  { "item-indent", V_LENGTH, U_ABS | U_EM, NULL, 0, BIG, "1.5em", FALSE },
  { "bullet", V_STRING, 0, NULL, 0, 0, "•", FALSE },
  { "number-format", V_ENUM, 0, "1.|1)|a.|a)|A.|i.|i)|I.", 0, 0, "1.", FALSE },
  { "item-gap", V_LENGTH, U_ABS | U_EM, NULL, 0, BIG, "0", FALSE },
};

static const KeyDef contents_keys[] = {
  { "leader", V_STRING, 0, NULL, 0, 0, ".", FALSE },
  { "level-indent", V_LENGTH, U_ABS | U_EM, NULL, 0, BIG, "1em", FALSE },
  { "entry-gap", V_LENGTH, U_ABS | U_EM, NULL, 0, BIG, "0", FALSE },
};

static const KeyDef masthead_keys[] = {
  { "enabled", V_BOOL, 0, NULL, 0, 0, "false", FALSE },
  { "height", V_LENGTH, U_ABS, NULL, 0, BIG, "0", FALSE },
  { "background", V_COLOR, 0, NULL, 0, 0, "white", FALSE },
  { "rule-thickness", V_LENGTH, U_ABS, NULL, 0, BIG, "0", FALSE },
  { "rule-color", V_COLOR, 0, NULL, 0, 0, "black", FALSE },
};

static const KeyDef cover_keys[] = {
  { "languages", V_LANGPAIR, 0, NULL, 0, 0, NULL, FALSE },
  { "background", V_COLOR, 0, NULL, 0, 0, "white", FALSE },
  { "foreground", V_COLOR, 0, NULL, 0, 0, "black", FALSE },
  { "accent", V_COLOR, 0, NULL, 0, 0, "black", FALSE },
  { "margin", V_LENGTH, U_ABS, NULL, 0, BIG, "15mm", FALSE },
  { "band-height", V_LENGTH, U_ABS | U_PCT, NULL, 0, BIG, "0", FALSE },
  { "rule-thickness", V_LENGTH, U_ABS, NULL, 0, BIG, "0.5pt", FALSE },
  { "gap", V_LENGTH, U_ABS, NULL, 0, BIG, "12mm", FALSE },
  { "align", V_ENUM, 0, "justify|left|right|center", 0, 0, "left", FALSE },
};

/* One section of a sheet. Text sections accept the text keys and their extras; only the
 * text keys may be overridden per language. */
typedef struct {
  const char *name;
  gboolean text;
  const KeyDef *keys;
  gsize n_keys;
} SectionDef;

#define SEC(name, text, keys)                                                                      \
  {                                                                                                \
    name, text, keys, G_N_ELEMENTS (keys)                                                          \
  }
#define TEXT(name)                                                                                 \
  {                                                                                                \
    name, TRUE, NULL, 0                                                                            \
  }
static const SectionDef sections[] = {
  SEC ("page", FALSE, page_keys),
  SEC ("language", FALSE, language_keys),
  TEXT ("body"),
  TEXT ("h1"),
  TEXT ("h2"),
  TEXT ("h3"),
  TEXT ("h4"),
  TEXT ("quote"),
  SEC ("list", TRUE, list_keys),
  SEC ("note", TRUE, note_keys),
  SEC ("note-mark", FALSE, mark_keys),
  SEC ("head", TRUE, head_keys),
  SEC ("folio", TRUE, folio_keys),
  SEC ("contents", TRUE, contents_keys),
  TEXT ("contents-title"),
  TEXT ("imprint"),
  SEC ("masthead", TRUE, masthead_keys),
  SEC ("cover", FALSE, cover_keys),
  TEXT ("cover-title"),
  TEXT ("cover-subtitle"),
  TEXT ("cover-publisher"),
};

/* The text elements, in the order of PmStyle's resolved arrays; body first. */
static const char *const elements[] = {
  "body",
  "h1",
  "h2",
  "h3",
  "h4",
  "quote",
  "list",
  "note",
  "head",
  "folio",
  "contents",
  "contents-title",
  "imprint",
  "masthead",
  "cover-title",
  "cover-subtitle",
  "cover-publisher",
};
#define N_ELEMENTS G_N_ELEMENTS (elements)

static const char *const top_keys[] = { "inherit", "name",       "description",
                                        "colors",  "protrusion", "lang" };

/* A parsed value and where it was written. */
typedef struct {
  ValueType type;
  const char *str, *str2; /* in the style's string chunk */
  double num, num2;
  guint unit;
  const char *file;
  guint line, column;
} Value;

/* The values one scope (the sheets, or one language's sections) sets, by slot. */
#define N_SECTIONS G_N_ELEMENTS (sections)
#define MAX_KEYS 52
typedef struct {
  const Value *v[N_SECTIONS * MAX_KEYS];
} Table;
G_STATIC_ASSERT (TK_COUNT + G_N_ELEMENTS (page_keys) <= MAX_KEYS);
G_STATIC_ASSERT (TK_COUNT + G_N_ELEMENTS (note_keys) <= MAX_KEYS);
G_STATIC_ASSERT (TK_COUNT + G_N_ELEMENTS (cover_keys) <= MAX_KEYS);

typedef struct {
  char *tag;
  PmLangStyle lang;
  PmTextStyle text[N_ELEMENTS];
} Resolved;

struct _PmStyle {
  char *path;
  const char *name;
  GStringChunk *strings;
  GPtrArray *values;          /* Value *, owned */
  Table *global;              /* what the sheets set outside lang: */
  GHashTable *lang_table;     /* tag -> Table * */
  GHashTable *colors;         /* name -> Value * */
  GPtrArray *lang_order;      /* tags, NULL-terminated once loaded */
  GPtrArray *files;           /* every sheet read, parents first; NULL-terminated once loaded */
  GHashTable *protrusion;     /* gunichar -> Value * (num = left, num2 = right) */
  GHashTable *defaults_cache; /* const KeyDef * -> Value * */
  PmPageStyle page;
  PmNoteStyle notes;
  PmRunningStyle running;
  PmListStyle list;
  PmContentsStyle contents;
  PmMastheadStyle masthead;
  PmCoverStyle cover;
  Resolved defaults;
  GPtrArray *resolved; /* Resolved *, one per language in lang_order */
};

typedef struct {
  PmStyle *style;
  PmDiagnostics *diags;
  const char *file; /* the sheet being read, interned */
  GPtrArray *chain; /* canonical paths of the sheets being read, for cycles */
  GHashTable *seen; /* mapping node -> its keys so far (text -> key node), for duplicates */
  guint errors;
} Ctx;

/* A sheet with thousands of mistakes reports the first ones, not megabytes of them. */
#define MAX_ERRORS 50

static void G_GNUC_PRINTF (3, 4) err (Ctx *c, const PmYamlNode *at, const char *format, ...)
{
  va_list ap;
  if (++c->errors > MAX_ERRORS)
    return;
  va_start (ap, format);
  char *msg = g_strdup_vprintf (format, ap);
  va_end (ap);
  pm_diagnostics_add (c->diags, PM_SEVERITY_ERROR, c->file, at ? at->line : 0, at ? at->column : 0,
                      "%s", msg);
  g_free (msg);
}

static const SectionDef *
find_section (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (sections); i++)
    if (!strcmp (sections[i].name, name))
      return &sections[i];
  return NULL;
}

static const KeyDef *
find_in (const KeyDef *keys, gsize n, const char *name)
{
  for (gsize i = 0; i < n; i++)
    if (!strcmp (keys[i].name, name))
      return &keys[i];
  return NULL;
}

static const KeyDef *
find_key (const SectionDef *sec, const char *name, gboolean text_only)
{
  const KeyDef *k = NULL;
  if (sec->text)
    k = find_in (text_keys, G_N_ELEMENTS (text_keys), name);
  if (!k && !text_only)
    k = find_in (sec->keys, sec->n_keys, name);
  return k;
}

static char *
allowed_keys (const SectionDef *sec, gboolean text_only)
{
  GString *s = g_string_new (NULL);
  if (sec->text)
    for (gsize i = 0; i < G_N_ELEMENTS (text_keys); i++)
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", text_keys[i].name);
  if (!text_only)
    for (gsize i = 0; i < sec->n_keys; i++)
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", sec->keys[i].name);
  return g_string_free (s, FALSE);
}

static char *
units_text (guint units)
{
  static const char *const names[] = { "pt", "mm", "cm", "in", "em", "%", "a plain factor" };
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (units & (1u << i))
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", names[i]);
  return g_string_free (s, FALSE);
}

static char *
choices_text (const char *choices)
{
  char **parts = g_strsplit (choices, "|", -1);
  char *s = g_strjoinv (", ", parts);
  g_strfreev (parts);
  return s;
}

/* Parses "12.5mm": 0 on success, 1 not a number, 2 unknown unit, 3 a unit is missing. */
static int
parse_length (const char *text, guint units, double *num, guint *unit)
{
  char *end;
  while (g_ascii_isspace (*text))
    text++;
  double v = g_ascii_strtod (text, &end);
  if (end == text || !isfinite (v))
    return 1;
  while (g_ascii_isspace (*end))
    end++;
  static const struct {
    const char *name;
    guint unit;
  } table[] = { { "pt", U_PT }, { "mm", U_MM }, { "cm", U_CM }, { "in", U_IN },
                { "em", U_EM }, { "%", U_PCT }, { "", U_NONE } };
  for (gsize i = 0; i < G_N_ELEMENTS (table); i++) {
    if (g_ascii_strcasecmp (end, table[i].name))
      continue;
    guint u = table[i].unit;
    if (u == U_NONE && !(units & U_NONE)) {
      if (v != 0)
        return 3;
      u = U_PT; /* 0 needs no unit */
    }
    if (!(units & u))
      return 2;
    *num = v;
    *unit = u;
    return 0;
  }
  return 2;
}

static gboolean
parse_bool (const char *text, gboolean *out)
{
  static const char *const yes[] = { "true", "yes", "on" }, *const no[] = { "false", "no", "off" };
  for (gsize i = 0; i < G_N_ELEMENTS (yes); i++) {
    if (!g_ascii_strcasecmp (text, yes[i]))
      return *out = TRUE;
    if (!g_ascii_strcasecmp (text, no[i])) {
      *out = FALSE;
      return TRUE;
    }
  }
  return FALSE;
}

static gboolean
parse_number (const char *text, double *out)
{
  char *end;
  double v = g_ascii_strtod (text, &end);
  if (end == text || *end || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}

static gboolean
color_name_ok (const char *s)
{
  if (!*s || !g_ascii_isalpha (*s))
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isalnum (*s) && *s != '-' && *s != '_')
      return FALSE;
  return TRUE;
}

/* "#rgb", "#rrggbb", "black" or "white". */
static gboolean
parse_hex_color (const char *s, PmColor *out)
{
  if (!g_ascii_strcasecmp (s, "black") || !g_ascii_strcasecmp (s, "white")) {
    double v = g_ascii_tolower (s[0]) == 'w';
    *out = (PmColor){ v, v, v };
    return TRUE;
  }
  gsize n = strlen (s);
  if (s[0] != '#' || (n != 4 && n != 7))
    return FALSE;
  for (gsize i = 1; i < n; i++)
    if (!g_ascii_isxdigit (s[i]))
      return FALSE;
  double ch[3];
  for (int i = 0; i < 3; i++) {
    int v = n == 4 ? g_ascii_xdigit_value (s[1 + i]) * 17
                   : g_ascii_xdigit_value (s[1 + 2 * i]) * 16 + g_ascii_xdigit_value (s[2 + 2 * i]);
    ch[i] = v / 255.0;
  }
  *out = (PmColor){ ch[0], ch[1], ch[2] };
  return TRUE;
}

static gboolean
lang_tag_ok (const char *s)
{
  if (!g_ascii_isalpha (*s))
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isalnum (*s) && *s != '-' && *s != '_')
      return FALSE;
  return TRUE;
}

/* "el_GR" and "EL-gr" are "el-gr". */
static char *
normalize_tag (const char *tag)
{
  char *t = g_ascii_strdown (tag, -1);
  g_strdelimit (t, "_", '-');
  return t;
}

static const struct {
  const char *name;
  double w, h; /* mm */
} page_sizes[] = { { "A3", 297, 420 },       { "A4", 210, 297 }, { "A5", 148, 210 },
                   { "A6", 105, 148 },       { "B5", 176, 250 }, { "letter", 215.9, 279.4 },
                   { "legal", 215.9, 355.6 } };

static double
to_pt (double v, guint unit)
{
  switch (unit) {
    case U_MM:
      return v * 72 / 25.4;
    case U_CM:
      return v * 72 / 2.54;
    case U_IN:
      return v * 72;
    default:
      return v;
  }
}

/* Parses NODE as DEF's type into OUT; on a bad value reports it (if C is not NULL) and
 * returns FALSE. WHERE names the section in messages. */
static gboolean
parse_value (Ctx *c, const KeyDef *def, guint units, const PmYamlNode *node, const char *where,
             Value *out)
{
  GStringChunk *sc = c->style->strings;
  const char *text = node->kind == PM_YAML_SCALAR ? node->value : NULL;
  memset (out, 0, sizeof *out);
  out->type = def->type;
  out->file = c->file;
  out->line = node->line;
  out->column = node->column;

  gboolean wants_list = def->type == V_LANGPAIR;
  gboolean list_ok =
      wants_list || def->type == V_QUOTES || def->type == V_PAGESIZE || def->type == V_FEATURES;
  if (!text && !(list_ok && node->kind == PM_YAML_SEQUENCE)) {
    err (c, node, "%s in [%s] must be %s, not %s", def->name, where,
         wants_list ? "a list"
         : list_ok  ? "a text or a list"
                    : "a text",
         pm_yaml_kind_name (node->kind));
    return FALSE;
  }
  if (text && wants_list) {
    err (c, node, "%s in [%s] must be a list of two languages, such as [ru, en]", def->name, where);
    return FALSE;
  }
  /* A sequence of scalars only. */
  for (guint i = 0; !text && i < pm_yaml_length (node); i++) {
    const PmYamlNode *item = pm_yaml_item (node, i, NULL);
    if (item->kind != PM_YAML_SCALAR) {
      err (c, item, "%s in [%s]: each item must be a text, not %s", def->name, where,
           pm_yaml_kind_name (item->kind));
      return FALSE;
    }
  }

  switch (def->type) {
    case V_STRING:
      out->str = g_string_chunk_insert_const (sc, text);
      return TRUE;
    case V_BOOL: {
      gboolean b;
      if (!parse_bool (text, &b)) {
        err (c, node, "\"%s\" is not allowed for %s in [%s]; allowed: true, false", text, def->name,
             where);
        return FALSE;
      }
      out->num = b;
      return TRUE;
    }
    case V_INT:
    case V_NUMBER: {
      gint64 i = 0;
      double v = 0;
      gboolean ok = def->type == V_INT
                        ? g_ascii_string_to_signed (text, 10, G_MININT32, G_MAXINT32, &i, NULL)
                        : parse_number (text, &v);
      if (ok && def->type == V_INT)
        v = (double)i;
      if (!ok || v < def->min || v > def->max) {
        err (c, node, "\"%s\" is not allowed for %s in [%s]; allowed: %s from %g to %g", text,
             def->name, where, def->type == V_INT ? "a whole number" : "a number", def->min,
             def->max);
        return FALSE;
      }
      out->num = v;
      return TRUE;
    }
    case V_LENGTH:
    case V_GRID: {
      if (def->type == V_GRID &&
          (!g_ascii_strcasecmp (text, "auto") || !g_ascii_strcasecmp (text, "none"))) {
        out->num = !g_ascii_strcasecmp (text, "auto") ? -1 : 0;
        out->unit = U_PT;
        return TRUE;
      }
      int r = parse_length (text, units, &out->num, &out->unit);
      if (r) {
        char *u = units_text (units);
        if (r == 1)
          err (c, node, "\"%s\" is not a length for %s in [%s]; write a number and a unit (%s)%s",
               text, def->name, where, u, def->type == V_GRID ? ", or auto or none" : "");
        else if (r == 3)
          err (c, node, "\"%s\" needs a unit for %s in [%s]; allowed units: %s", text, def->name,
               where, u);
        else
          err (c, node, "bad unit in \"%s\" for %s in [%s]; allowed units: %s", text, def->name,
               where, u);
        g_free (u);
        return FALSE;
      }
      if (out->num < def->min || out->num > def->max) {
        err (c, node, "\"%s\" is out of range for %s in [%s]; allowed: %g to %g", text, def->name,
             where, def->min, def->max);
        return FALSE;
      }
      return TRUE;
    }
    case V_FRACTION: {
      guint unit;
      double v;
      if (parse_length (text, U_EM | U_PCT | U_NONE, &v, &unit)) {
        err (c, node,
             "\"%s\" is not allowed for %s in [%s]; allowed: a percentage (65%%), "
             "em (0.3em) or a plain fraction (0.65)",
             text, def->name, where);
        return FALSE;
      }
      if (unit == U_PCT)
        v /= 100;
      if (v < def->min || v > def->max) {
        err (c, node, "\"%s\" is out of range for %s in [%s]; allowed: %g%% to %g%%", text,
             def->name, where, def->min * 100, def->max * 100);
        return FALSE;
      }
      out->num = v;
      return TRUE;
    }
    case V_COLOR: {
      PmColor col;
      if (!parse_hex_color (text, &col) && !color_name_ok (text)) {
        err (c, node,
             "\"%s\" is not a colour for %s in [%s]; allowed: #rgb, #rrggbb, black, "
             "white or a name from [colors]",
             text, def->name, where);
        return FALSE;
      }
      out->str = g_string_chunk_insert_const (sc, text);
      return TRUE;
    }
    case V_ENUM: {
      char **parts = g_strsplit (def->choices, "|", -1);
      int found = -1;
      for (int i = 0; parts[i]; i++)
        if (!strcmp (parts[i], text))
          found = i;
      g_strfreev (parts);
      if (found < 0) {
        char *ch = choices_text (def->choices);
        err (c, node, "\"%s\" is not allowed for %s in [%s]; allowed: %s", text, def->name, where,
             ch);
        g_free (ch);
        return FALSE;
      }
      out->num = found;
      return TRUE;
    }
    case V_WEIGHT: {
      gint64 w = 0;
      if (!strcmp (text, "normal"))
        w = 400;
      else if (!strcmp (text, "bold"))
        w = 700;
      else if (!g_ascii_string_to_signed (text, 10, 1, 1000, &w, NULL))
        w = 0;
      if (!w) {
        err (c, node, "\"%s\" is not allowed for %s in [%s]; allowed: normal, bold or 1 to 1000",
             text, def->name, where);
        return FALSE;
      }
      out->num = (double)w;
      return TRUE;
    }
    case V_QUOTES: {
      const char *open = NULL, *close = NULL;
      char buf[2][8];
      if (text && g_utf8_strlen (text, -1) == 2) {
        const char *second = g_utf8_next_char (text);
        g_strlcpy (buf[0], text, MIN ((gsize)(second - text) + 1, sizeof buf[0]));
        g_strlcpy (buf[1], second, sizeof buf[1]);
        open = buf[0];
        close = buf[1];
      } else if (!text && pm_yaml_length (node) == 2) {
        open = pm_yaml_item (node, 0, NULL)->value;
        close = pm_yaml_item (node, 1, NULL)->value;
      }
      if (!open) {
        err (c, node,
             "%s in [%s] must be two characters (\"«»\") or a list of two texts "
             "([\"« \", \" »\"])",
             def->name, where);
        return FALSE;
      }
      out->str = g_string_chunk_insert_const (sc, open);
      out->str2 = g_string_chunk_insert_const (sc, close);
      return TRUE;
    }
    case V_PAGESIZE: {
      if (text) {
        for (gsize i = 0; i < G_N_ELEMENTS (page_sizes); i++)
          if (!g_ascii_strcasecmp (text, page_sizes[i].name)) {
            out->num = to_pt (page_sizes[i].w, U_MM);
            out->num2 = to_pt (page_sizes[i].h, U_MM);
            return TRUE;
          }
      } else if (pm_yaml_length (node) == 2) {
        double v[2];
        guint u[2];
        gboolean ok = TRUE;
        for (int i = 0; i < 2 && ok; i++)
          ok = !parse_length (pm_yaml_item (node, i, NULL)->value, U_ABS, &v[i], &u[i]) && v[i] > 0;
        if (ok) {
          out->num = to_pt (v[0], u[0]);
          out->num2 = to_pt (v[1], u[1]);
          return TRUE;
        }
      }
      err (c, node,
           "bad page size for %s in [%s]; allowed: A3, A4, A5, A6, B5, letter, legal "
           "or [width, height] such as [148mm, 210mm]",
           def->name, where);
      return FALSE;
    }
    case V_LANGPAIR: {
      gboolean ok = pm_yaml_length (node) == 2;
      for (guint i = 0; ok && i < 2; i++)
        ok = lang_tag_ok (pm_yaml_item (node, i, NULL)->value);
      if (!ok) {
        err (c, node, "%s in [%s] must be a list of two language tags, such as [ru, en]", def->name,
             where);
        return FALSE;
      }
      char *a = normalize_tag (pm_yaml_item (node, 0, NULL)->value);
      char *b = normalize_tag (pm_yaml_item (node, 1, NULL)->value);
      out->str = g_string_chunk_insert_const (sc, a);
      out->str2 = g_string_chunk_insert_const (sc, b);
      g_free (a);
      g_free (b);
      return TRUE;
    }
    case V_FEATURES: {
      GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
      if (text) {
        char **parts = g_strsplit_set (text, ", ", -1);
        for (int i = 0; parts[i]; i++)
          if (*parts[i])
            g_ptr_array_add (items, g_strdup (parts[i]));
        g_strfreev (parts);
      } else {
        for (guint i = 0; i < pm_yaml_length (node); i++)
          g_ptr_array_add (items, g_strstrip (g_strdup (pm_yaml_item (node, i, NULL)->value)));
      }
      GString *joined = g_string_new (NULL);
      gboolean ok = TRUE;
      for (guint i = 0; i < items->len && ok; i++) {
        const char *f = g_ptr_array_index (items, i);
        hb_feature_t feature;
        /* HarfBuzz's own parser decides what a feature is: the shaper hands it the same
         * string. */
        if (!hb_feature_from_string (f, -1, &feature)) {
          err (c, node,
               "\"%s\" is not an OpenType feature for %s in [%s]; write tags such as "
               "onum, -liga, ss01=1",
               f, def->name, where);
          ok = FALSE;
        }
        g_string_append_printf (joined, "%s%s", joined->len ? "," : "", f);
      }
      if (ok)
        out->str = g_string_chunk_insert_const (sc, joined->str);
      g_string_free (joined, TRUE);
      g_ptr_array_unref (items);
      return ok;
    }
  }
  return FALSE;
}

/* Where DEF of SEC lives in a Table: text keys first, then the section's own. */
static guint
slot (const SectionDef *sec, const KeyDef *def)
{
  guintptr d = (guintptr)def, t = (guintptr)text_keys;
  guint k = d >= t && d < (guintptr)(text_keys + TK_COUNT) ? (guint)(def - text_keys)
                                                           : TK_COUNT + (guint)(def - sec->keys);
  return (guint)(sec - sections) * MAX_KEYS + k;
}

static void
store (Ctx *c, Table *table, const SectionDef *sec, const KeyDef *def, const Value *v)
{
  Value *copy = g_memdup2 (v, sizeof *v);
  g_ptr_array_add (c->style->values, copy);
  table->v[slot (sec, def)] = copy;
}

/* A key written twice in one mapping: libyaml keeps both, a reader would silently take one.
 * Called for I = 0, 1, … of each mapping; a hash of the keys so far keeps it linear. */
static gboolean
check_duplicate (Ctx *c, const PmYamlNode *map, guint i, const char *where)
{
  const PmYamlNode *key;
  pm_yaml_item (map, i, &key);
  if (key->kind != PM_YAML_SCALAR)
    return FALSE;
  GHashTable *keys = g_hash_table_lookup (c->seen, map);
  if (!keys) {
    keys = g_hash_table_new (g_str_hash, g_str_equal);
    g_hash_table_insert (c->seen, (gpointer)map, keys);
  }
  const PmYamlNode *other = g_hash_table_lookup (keys, key->value);
  if (other) {
    err (c, key, "\"%s\" is written twice in [%s] (first at line %u)", key->value, where,
         other->line);
    return TRUE;
  }
  g_hash_table_insert (keys, key->value, (gpointer)key);
  return FALSE;
}

static gboolean
expect_mapping (Ctx *c, const PmYamlNode *node, const char *where)
{
  if (node->kind == PM_YAML_MAPPING)
    return TRUE;
  err (c, node, "[%s] must be a mapping of keys to values, not %s", where,
       pm_yaml_kind_name (node->kind));
  return FALSE;
}

/* The keys of one section, into TABLE. */
static void
apply_section (Ctx *c, Table *table, const SectionDef *sec, const PmYamlNode *map,
               const char *where, gboolean text_only)
{
  if (!expect_mapping (c, map, where))
    return;
  for (guint i = 0; i < pm_yaml_length (map); i++) {
    const PmYamlNode *key;
    const PmYamlNode *val = pm_yaml_item (map, i, &key);
    if (check_duplicate (c, map, i, where))
      continue;
    const KeyDef *def = key->kind == PM_YAML_SCALAR ? find_key (sec, key->value, text_only) : NULL;
    if (!def) {
      char *allowed = allowed_keys (sec, text_only);
      err (c, key, "unknown key \"%s\" in [%s]; allowed: %s",
           key->kind == PM_YAML_SCALAR ? key->value : "?", where, allowed);
      g_free (allowed);
      continue;
    }
    guint units = def->units;
    /* Body's size is what em and % of the other elements refer to. */
    if (!strcmp (sec->name, "body") && !strcmp (def->name, "size"))
      units = U_ABS;
    Value v;
    if (parse_value (c, def, units, val, where, &v))
      store (c, table, sec, def, &v);
  }
}

static void
apply_lang (Ctx *c, const PmYamlNode *map)
{
  if (!expect_mapping (c, map, "lang"))
    return;
  PmStyle *s = c->style;
  for (guint i = 0; i < pm_yaml_length (map); i++) {
    const PmYamlNode *key;
    const PmYamlNode *val = pm_yaml_item (map, i, &key);
    if (check_duplicate (c, map, i, "lang"))
      continue;
    if (key->kind != PM_YAML_SCALAR || !lang_tag_ok (key->value)) {
      err (c, key,
           "\"%s\" is not a language tag in [lang]; write BCP 47 tags such as el, ru, "
           "pt-BR",
           key->kind == PM_YAML_SCALAR ? key->value : "?");
      continue;
    }
    char *tag = normalize_tag (key->value);
    char *where = g_strdup_printf ("lang.%s", tag);
    Table *table = g_hash_table_lookup (s->lang_table, tag);
    if (!table) {
      table = g_new0 (Table, 1);
      g_hash_table_insert (s->lang_table, g_strdup (tag), table);
      g_ptr_array_add (s->lang_order, g_strdup (tag));
    }
    if (expect_mapping (c, val, where)) {
      const SectionDef *language = find_section ("language");
      for (guint j = 0; j < pm_yaml_length (val); j++) {
        const PmYamlNode *k;
        const PmYamlNode *v = pm_yaml_item (val, j, &k);
        if (check_duplicate (c, val, j, where))
          continue;
        const char *name = k->kind == PM_YAML_SCALAR ? k->value : "?";
        const KeyDef *def = find_key (language, name, FALSE);
        const SectionDef *sec = find_section (name);
        if (def) {
          Value parsed;
          if (parse_value (c, def, def->units, v, where, &parsed))
            store (c, table, language, def, &parsed);
        } else if (sec && sec->text) {
          char *sub = g_strdup_printf ("%s.%s", where, name);
          apply_section (c, table, sec, v, sub, TRUE);
          g_free (sub);
        } else {
          GString *allowed = g_string_new (NULL);
          for (gsize n = 0; n < G_N_ELEMENTS (language_keys); n++)
            g_string_append_printf (allowed, "%s, ", language_keys[n].name);
          for (gsize n = 0; n < N_ELEMENTS; n++)
            g_string_append_printf (allowed, "%s%s", elements[n], n + 1 < N_ELEMENTS ? ", " : "");
          err (c, k, "unknown key \"%s\" in [%s]; allowed: %s", name, where, allowed->str);
          g_string_free (allowed, TRUE);
        }
      }
    }
    g_free (where);
    g_free (tag);
  }
}

static void
apply_colors (Ctx *c, const PmYamlNode *map)
{
  if (!expect_mapping (c, map, "colors"))
    return;
  for (guint i = 0; i < pm_yaml_length (map); i++) {
    const PmYamlNode *key;
    const PmYamlNode *val = pm_yaml_item (map, i, &key);
    if (check_duplicate (c, map, i, "colors"))
      continue;
    PmColor col;
    if (key->kind != PM_YAML_SCALAR || !color_name_ok (key->value)) {
      err (c, key, "a colour's name in [colors] is letters, digits and -");
      continue;
    }
    if (val->kind != PM_YAML_SCALAR || !parse_hex_color (val->value, &col)) {
      err (c, val, "colour %s in [colors] must be #rgb, #rrggbb, black or white", key->value);
      continue;
    }
    Value v = { .type = V_COLOR,
                .str = g_string_chunk_insert_const (c->style->strings, val->value),
                .file = c->file,
                .line = val->line,
                .column = val->column };
    g_ptr_array_add (c->style->values, g_memdup2 (&v, sizeof v));
    g_hash_table_replace (c->style->colors, g_strdup (key->value),
                          g_ptr_array_index (c->style->values, c->style->values->len - 1));
  }
}

static void
apply_protrusion (Ctx *c, const PmYamlNode *map)
{
  if (!expect_mapping (c, map, "protrusion"))
    return;
  for (guint i = 0; i < pm_yaml_length (map); i++) {
    const PmYamlNode *key;
    const PmYamlNode *val = pm_yaml_item (map, i, &key);
    if (check_duplicate (c, map, i, "protrusion"))
      continue;
    if (key->kind != PM_YAML_SCALAR || g_utf8_strlen (key->value, -1) != 1) {
      err (c, key, "a key in [protrusion] must be one character, such as \",\" or \"«\"");
      continue;
    }
    double lr[2];
    gboolean ok = val->kind == PM_YAML_SEQUENCE && pm_yaml_length (val) == 2;
    for (guint j = 0; ok && j < 2; j++) {
      const PmYamlNode *item = pm_yaml_item (val, j, NULL);
      ok = item->kind == PM_YAML_SCALAR && parse_number (item->value, &lr[j]) && lr[j] >= -1 &&
           lr[j] <= 1;
    }
    if (!ok) {
      err (c, val,
           "protrusion of \"%s\" must be [left, right], fractions of its width from -1 "
           "to 1, such as [0, 0.7]",
           key->value);
      continue;
    }
    Value *v = g_new0 (Value, 1);
    *v = (Value){ .type = V_NUMBER,
                  .num = lr[0],
                  .num2 = lr[1],
                  .file = c->file,
                  .line = val->line,
                  .column = val->column };
    g_ptr_array_add (c->style->values, v);
    g_hash_table_replace (c->style->protrusion, GUINT_TO_POINTER (g_utf8_get_char (key->value)), v);
  }
}

static void
apply_sheet (Ctx *c, const PmYamlNode *root)
{
  if (!expect_mapping (c, root, "top level"))
    return;
  for (guint i = 0; i < pm_yaml_length (root); i++) {
    const PmYamlNode *key;
    const PmYamlNode *val = pm_yaml_item (root, i, &key);
    if (check_duplicate (c, root, i, "top level"))
      continue;
    const char *name = key->kind == PM_YAML_SCALAR ? key->value : "?";
    const SectionDef *sec = find_section (name);
    if (sec)
      apply_section (c, c->style->global, sec, val, name, FALSE);
    else if (!strcmp (name, "lang"))
      apply_lang (c, val);
    else if (!strcmp (name, "colors"))
      apply_colors (c, val);
    else if (!strcmp (name, "protrusion"))
      apply_protrusion (c, val);
    else if (!strcmp (name, "name") || !strcmp (name, "description") || !strcmp (name, "inherit")) {
      if (val->kind != PM_YAML_SCALAR)
        err (c, val, "%s must be a text, not %s", name, pm_yaml_kind_name (val->kind));
      else if (!strcmp (name, "name"))
        c->style->name = g_string_chunk_insert_const (c->style->strings, val->value);
    } else {
      GString *allowed = g_string_new (NULL);
      for (gsize n = 0; n < G_N_ELEMENTS (top_keys); n++)
        g_string_append_printf (allowed, "%s, ", top_keys[n]);
      for (gsize n = 0; n < G_N_ELEMENTS (sections); n++)
        g_string_append_printf (allowed, "%s%s", sections[n].name,
                                n + 1 < G_N_ELEMENTS (sections) ? ", " : "");
      err (c, key, "unknown key \"%s\" at the top level; allowed: %s", name, allowed->str);
      g_string_free (allowed, TRUE);
    }
  }
}

#define MAX_SHEET_SIZE (1 << 20)
#define MAX_DEPTH 16

static void load_sheet (Ctx *c, const char *path, const char *data, gsize len,
                        const PmYamlNode *from);

/* Where `inherit: NAME` in the sheet at PATH points: next to the sheet, then styles/ in
 * the data directory, then the data directory itself. */
static char *
find_parent (const char *path, const char *name)
{
  if (g_path_is_absolute (name))
    return g_file_test (name, G_FILE_TEST_IS_REGULAR) ? g_strdup (name) : NULL;
  char *dir = g_path_get_dirname (path);
  char *next = g_build_filename (dir, name, NULL);
  g_free (dir);
  if (g_file_test (next, G_FILE_TEST_IS_REGULAR))
    return next;
  g_free (next);
  char *rel = g_build_filename ("styles", name, NULL);
  char *found = pm_data_find (rel);
  g_free (rel);
  if (!found)
    found = pm_data_find (name);
  if (found && !g_file_test (found, G_FILE_TEST_IS_REGULAR)) {
    g_free (found);
    found = NULL;
  }
  return found;
}

/* Reads the sheet at PATH (or DATA if not NULL), its parents first. FROM is the inherit:
 * value that led here, for messages about reading it. */
static void
load_sheet (Ctx *c, const char *path, const char *data, gsize len, const PmYamlNode *from)
{
  char *contents = NULL;
  const char *parent_file = c->file;
  GError *error = NULL;
  char *canonical = g_canonicalize_filename (path, NULL);

  for (guint i = 0; i < c->chain->len; i++)
    if (!strcmp (g_ptr_array_index (c->chain, i), canonical)) {
      GString *cycle = g_string_new (NULL);
      for (guint j = i; j < c->chain->len; j++) {
        char *base = g_path_get_basename (g_ptr_array_index (c->chain, j));
        g_string_append_printf (cycle, "%s -> ", base);
        g_free (base);
      }
      char *base = g_path_get_basename (canonical);
      err (c, from, "inheritance cycle: %s%s", cycle->str, base);
      g_free (base);
      g_string_free (cycle, TRUE);
      g_free (canonical);
      return;
    }
  if (c->chain->len >= MAX_DEPTH) {
    err (c, from, "more than %d sheets inherit from each other", MAX_DEPTH);
    g_free (canonical);
    return;
  }
  if (!data) {
    gsize size = 0;
    if (!g_file_get_contents (path, &contents, &size, &error)) {
      if (from)
        err (c, from, "cannot read inherited sheet %s: %s", path, error->message);
      else
        pm_diagnostics_add (c->diags, PM_SEVERITY_ERROR, path, 0, 0, "%s", error->message);
      g_error_free (error);
      g_free (canonical);
      return;
    }
    data = contents;
    len = size;
  }
  c->file = g_string_chunk_insert_const (c->style->strings, path);
  if (len > MAX_SHEET_SIZE) {
    err (c, NULL, "a style sheet of %zu bytes is too large", len);
  } else {
    PmYamlNode *root = pm_yaml_parse (c->file, data, (gssize)len, &error);
    if (!root) {
      /* pm_yaml's message is "file:line:column: what"; keep its place in the diagnostic. */
      guint line = 0, column = 0;
      const char *rest = error->message + strlen (c->file);
      int used = 0;
      if (g_str_has_prefix (error->message, c->file) &&
          sscanf (rest, ":%u:%u: %n", &line, &column, &used) == 2 && used > 0)
        rest += used;
      else
        rest = error->message;
      pm_diagnostics_add (c->diags, PM_SEVERITY_ERROR, c->file, line, column, "%s", rest);
      g_clear_error (&error);
    } else {
      const PmYamlNode *inherit = pm_yaml_lookup (root, "inherit");
      if (inherit && inherit->kind == PM_YAML_SCALAR) {
        char *parent = find_parent (path, inherit->value);
        if (!parent) {
          char *dir = g_path_get_dirname (path);
          err (c, inherit,
               "inherited sheet \"%s\" not found in %s nor in the data directory's "
               "styles/",
               inherit->value, dir);
          g_free (dir);
        } else {
          g_ptr_array_add (c->chain, g_strdup (canonical));
          const char *mine = c->file;
          load_sheet (c, parent, NULL, 0, inherit);
          c->file = mine;
          g_ptr_array_remove_index (c->chain, c->chain->len - 1);
          g_free (parent);
        }
      }
      apply_sheet (c, root);
      g_hash_table_remove_all (c->seen); /* its keys point into ROOT */
      g_ptr_array_add (c->style->files, g_strdup (path));
      pm_yaml_node_free (root);
    }
  }
  c->file = parent_file;
  g_free (contents);
  g_free (canonical);
}

/* Resolution. */

static const KeyDef *
def_of (const char *section, const char *key)
{
  const SectionDef *sec = find_section (section);
  return find_key (sec, key, FALSE);
}

/* DEF's default, parsed once per style (TMP is unused then). NULL if it has none. */
static const Value *
default_value (PmStyle *s, const KeyDef *def, Value *tmp)
{
  memset (tmp, 0, sizeof *tmp);
  tmp->type = def->type;
  if (!def->def)
    return NULL;
  const Value *cached = g_hash_table_lookup (s->defaults_cache, def);
  if (cached)
    return cached;
  PmYamlNode node = { PM_YAML_SCALAR, 0, 0, (char *)def->def, FALSE, NULL };
  PmDiagnostics *d = pm_diagnostics_new ();
  Ctx c = { s, d, "(default)", NULL, NULL, 0 };
  Value v;
  gboolean ok = parse_value (&c, def, def->units, &node, "default", &v);
  pm_diagnostics_free (d);
  g_assert (ok);
  Value *copy = g_memdup2 (&v, sizeof v);
  g_ptr_array_add (s->values, copy);
  g_hash_table_insert (s->defaults_cache, (gpointer)def, copy);
  return copy;
}

/* The value of SECTION.KEY for the language table LT (may be NULL), or its default (TMP). */
static const Value *
get (PmStyle *s, const Table *lt, const char *section, const char *key, Value *tmp)
{
  const SectionDef *sec = find_section (section);
  const KeyDef *def = find_key (sec, key, FALSE);
  guint i = slot (sec, def);
  const Value *v = lt ? lt->v[i] : NULL;
  if (!v)
    v = s->global->v[i];
  if (!v)
    v = default_value (s, def, tmp);
  return v;
}

/* As get(), for text key KEY (TK_*) of element SEC: a key the element does not set and that
 * inherits comes from body. *FROM_BODY tells which. */
static const Value *
get_text (PmStyle *s, const Table *lt, const SectionDef *sec, guint key, Value *tmp,
          gboolean *from_body)
{
  const SectionDef *body = find_section ("body");
  guint i = (guint)(sec - sections) * MAX_KEYS + key;
  const Value *v = lt ? lt->v[i] : NULL;
  *from_body = FALSE;
  if (!v)
    v = s->global->v[i];
  if (!v && text_keys[key].inherit && sec != body) {
    *from_body = TRUE;
    i = (guint)(body - sections) * MAX_KEYS + key;
    v = lt ? lt->v[i] : NULL;
    if (!v)
      v = s->global->v[i];
  }
  if (!v)
    v = default_value (s, &text_keys[key], tmp);
  return v;
}

/* A length in pt: em and plain factors are of EM, % of PCT. */
static double
resolve_length (const Value *v, double em, double pct)
{
  if (!v)
    return 0;
  switch (v->unit) {
    case U_EM:
    case U_NONE:
      return v->num * em;
    case U_PCT:
      return v->num / 100 * pct;
    default:
      return to_pt (v->num, v->unit);
  }
}

static PmColor
resolve_color (PmStyle *s, const Value *v)
{
  PmColor col = { 0, 0, 0 };
  if (!parse_hex_color (v->str, &col)) {
    const Value *named = g_hash_table_lookup (s->colors, v->str);
    if (named)
      parse_hex_color (named->str, &col);
  }
  return col;
}

/* Every colour name used must be defined in [colors]; checked once, after all sheets. */
static void
check_colors (PmStyle *s, PmDiagnostics *diags)
{
  for (guint i = 0; i < s->values->len; i++) {
    const Value *v = g_ptr_array_index (s->values, i);
    PmColor col;
    if (v->type != V_COLOR || parse_hex_color (v->str, &col))
      continue;
    if (!g_hash_table_lookup (s->colors, v->str))
      pm_diagnostics_add (diags, PM_SEVERITY_ERROR, v->file, v->line, v->column,
                          "colour \"%s\" is not defined in [colors]", v->str);
  }
}

static void
resolve_text (PmStyle *s, const Table *lt, const char *elem, const PmTextStyle *body,
              const PmLangStyle *lang, PmTextStyle *t)
{
  Value tmp;
  gboolean inh;
  const Value *v;
  const SectionDef *sec = find_section (elem);
#define T(key) get_text (s, lt, sec, key, &tmp, &inh)
  memset (t, 0, sizeof *t);
  t->family = T (TK_FAMILY)->str;
  v = T (TK_SIZE);
  t->size =
      inh && body ? body->size : resolve_length (v, body ? body->size : 10, body ? body->size : 10);
  v = T (TK_LEADING);
  if (inh && body)
    t->leading = body->leading / body->size * t->size; /* keep body's proportion */
  else
    t->leading = resolve_length (v, t->size, t->size);
  t->weight = (int)T (TK_WEIGHT)->num;
  t->italic = T (TK_STYLE)->num == 1;
  t->color = resolve_color (s, T (TK_COLOR));
  const char *own = T (TK_FEATURES)->str;
  if (*own && *lang->features) {
    char *both = g_strconcat (own, ",", lang->features, NULL);
    t->features = g_string_chunk_insert_const (s->strings, both);
    g_free (both);
  } else {
    t->features = *own ? own : lang->features;
  }
  t->letter_spacing = resolve_length (T (TK_LETTER_SPACING), t->size, t->size);
  t->uppercase = T (TK_CASE)->num == 1;
  t->align = (PmTextAlign)T (TK_ALIGN)->num;
  t->indent = resolve_length (T (TK_INDENT), t->size, t->size);
  t->indent_after_heading = T (TK_INDENT_AFTER_HEADING)->num != 0;
  t->margin_left = resolve_length (T (TK_MARGIN_LEFT), t->size, t->size);
  t->margin_right = resolve_length (T (TK_MARGIN_RIGHT), t->size, t->size);
  t->space_before = resolve_length (T (TK_SPACE_BEFORE), t->size, t->size);
  t->space_after = resolve_length (T (TK_SPACE_AFTER), t->size, t->size);
  t->keep_with_next = (int)T (TK_KEEP_WITH_NEXT)->num;
  t->hyphenate = T (TK_HYPHENATE)->num != 0;
  t->hyphenate_capitalised = T (TK_HYPHENATE_CAPITALISED)->num != 0;
  t->hyphenate_last_word = T (TK_HYPHENATE_LAST_WORD)->num != 0;
  t->protrusion = T (TK_PROTRUSION)->num != 0;
  t->expansion = T (TK_EXPANSION)->num;
  t->word_spacing = T (TK_WORD_SPACING)->num;
  t->space_stretch = T (TK_SPACE_STRETCH)->num;
  t->space_shrink = T (TK_SPACE_SHRINK)->num;
  t->tolerance = T (TK_TOLERANCE)->num;
  t->pretolerance = T (TK_PRETOLERANCE)->num;
  t->line_penalty = T (TK_LINE_PENALTY)->num;
  t->hyphen_penalty = T (TK_HYPHEN_PENALTY)->num;
  t->ex_hyphen_penalty = T (TK_EXHYPHEN_PENALTY)->num;
  t->double_hyphen_demerits = T (TK_DOUBLE_HYPHEN_DEMERITS)->num;
  t->final_hyphen_demerits = T (TK_FINAL_HYPHEN_DEMERITS)->num;
  t->hyphenate_limit_lines = T (TK_HYPHENATE_LIMIT_LINES)->num;
  t->adj_demerits = T (TK_ADJ_DEMERITS)->num;
  t->widow_penalty = T (TK_WIDOW_PENALTY)->num;
  t->orphan_penalty = T (TK_ORPHAN_PENALTY)->num;
  t->broken_penalty = T (TK_BROKEN_PENALTY)->num;
  t->emergency_stretch = resolve_length (T (TK_EMERGENCY_STRETCH), t->size, t->size);
#undef T
}

static void
resolve_lang (PmStyle *s, const Table *lt, const char *tag, Resolved *r)
{
  Value tmp;
  PmLangStyle *l = &r->lang;
  r->tag = g_strdup (tag);
  l->tag = r->tag;
  const Value *q = get (s, lt, "language", "quotes", &tmp);
  l->quote_open = q->str;
  l->quote_close = q->str2;
  q = get (s, lt, "language", "quotes-inner", &tmp);
  l->inner_open = q->str;
  l->inner_close = q->str2;
  l->hyphen_min_left = (int)get (s, lt, "language", "hyphen-min-left", &tmp)->num;
  l->hyphen_min_right = (int)get (s, lt, "language", "hyphen-min-right", &tmp)->num;
  l->hyphen_min_word = (int)get (s, lt, "language", "hyphen-min-word", &tmp)->num;
  l->features = get (s, lt, "language", "features", &tmp)->str;
  l->contents_title = get (s, lt, "language", "contents-title", &tmp)->str;
  l->subtitle = get (s, lt, "language", "subtitle", &tmp)->str;
  l->publisher = get (s, lt, "language", "publisher", &tmp)->str;
  resolve_text (s, lt, "body", NULL, l, &r->text[0]);
  for (gsize i = 1; i < N_ELEMENTS; i++)
    resolve_text (s, lt, elements[i], &r->text[0], l, &r->text[i]);
}

static double
len_of (PmStyle *s, const char *sec, const char *key, double em, double pct)
{
  Value tmp;
  return resolve_length (get (s, NULL, sec, key, &tmp), em, pct);
}

static double
num_of (PmStyle *s, const char *sec, const char *key)
{
  Value tmp;
  return get (s, NULL, sec, key, &tmp)->num;
}

static PmColor
color_of (PmStyle *s, const char *sec, const char *key)
{
  Value tmp;
  return resolve_color (s, get (s, NULL, sec, key, &tmp));
}

static void
resolve_all (PmStyle *s)
{
  Value tmp;
  resolve_lang (s, NULL, "", &s->defaults);
  s->resolved = g_ptr_array_new ();
  for (guint i = 0; i < s->lang_order->len; i++) {
    const char *tag = g_ptr_array_index (s->lang_order, i);
    Resolved *r = g_new0 (Resolved, 1);
    resolve_lang (s, g_hash_table_lookup (s->lang_table, tag), tag, r);
    g_ptr_array_add (s->resolved, r);
  }
  g_ptr_array_add (s->lang_order, NULL);
  g_ptr_array_add (s->files, NULL);

  const PmTextStyle *body = &s->defaults.text[0];
  double em = body->size;
  PmPageStyle *p = &s->page;
  const Value *size = get (s, NULL, "page", "size", &tmp);
  p->width = size->num;
  p->height = size->num2;
  if (get (s, NULL, "page", "width", &tmp))
    p->width = len_of (s, "page", "width", em, 0);
  if (get (s, NULL, "page", "height", &tmp))
    p->height = len_of (s, "page", "height", em, 0);
  p->margin_inner = len_of (s, "page", "margin-inner", em, 0);
  p->margin_outer = len_of (s, "page", "margin-outer", em, 0);
  p->margin_top = len_of (s, "page", "margin-top", em, 0);
  p->margin_bottom = len_of (s, "page", "margin-bottom", em, 0);
  p->bleed = len_of (s, "page", "bleed", em, 0);
  p->columns = (int)num_of (s, "page", "columns");
  p->column_gap = len_of (s, "page", "column-gap", em, 0);
  const Value *grid = get (s, NULL, "page", "baseline-grid", &tmp);
  p->baseline_grid = grid->num < 0 ? body->leading : resolve_length (grid, em, 0);
  p->facing = num_of (s, "page", "facing") != 0;
  p->section_start = (PmSectionStart)num_of (s, "page", "section-start");
  p->measure = p->width - p->margin_inner - p->margin_outer;
  p->column_width = (p->measure - (p->columns - 1) * p->column_gap) / p->columns;
  p->text_height = p->height - p->margin_top - p->margin_bottom;

  PmNoteStyle *n = &s->notes;
  n->separation = len_of (s, "note", "separation", em, 0);
  n->rule_length = len_of (s, "note", "rule-length", em, p->column_width);
  n->rule_thickness = len_of (s, "note", "rule-thickness", em, 0);
  n->rule_color = color_of (s, "note", "rule-color");
  n->rule_gap = len_of (s, "note", "rule-gap", em, 0);
  n->note_gap = len_of (s, "note", "note-gap", em, 0);
  n->restart = num_of (s, "note", "restart") != 0;
  n->mark_scale = num_of (s, "note-mark", "size");
  n->mark_raise = num_of (s, "note-mark", "raise");
  n->mark_superscript_in_note = num_of (s, "note", "number") == 0;

  PmRunningStyle *r = &s->running;
  r->head_left = (PmHeadContent)num_of (s, "head", "left");
  r->head_right = (PmHeadContent)num_of (s, "head", "right");
  r->head_top = num_of (s, "head", "position") == 0;
  r->head_side = (PmSide)num_of (s, "head", "side");
  r->head_offset = len_of (s, "head", "offset", em, 0);
  r->head_rule = len_of (s, "head", "rule", em, 0);
  r->head_on_section_start = num_of (s, "head", "on-section-start") != 0;
  r->folio_top = num_of (s, "folio", "position") == 0;
  r->folio_side = (PmSide)num_of (s, "folio", "side");
  r->folio_offset = len_of (s, "folio", "offset", em, 0);
  r->folio_on_section_start = num_of (s, "folio", "on-section-start") != 0;

  const PmTextStyle *list_text = &s->defaults.text[6];
  s->list.indent = len_of (s, "list", "item-indent", list_text->size, 0);
  s->list.bullet = get (s, NULL, "list", "bullet", &tmp)->str;
  const KeyDef *fmt = def_of ("list", "number-format");
  char **formats = g_strsplit (fmt->choices, "|", -1);
  s->list.number_format =
      g_string_chunk_insert_const (s->strings, formats[(int)num_of (s, "list", "number-format")]);
  g_strfreev (formats);
  s->list.item_gap = len_of (s, "list", "item-gap", list_text->size, 0);

  s->contents.leader = get (s, NULL, "contents", "leader", &tmp)->str;
  s->contents.level_indent = len_of (s, "contents", "level-indent", em, 0);
  s->contents.entry_gap = len_of (s, "contents", "entry-gap", em, 0);

  s->masthead.enabled = num_of (s, "masthead", "enabled") != 0;
  s->masthead.height = len_of (s, "masthead", "height", em, 0);
  s->masthead.background = color_of (s, "masthead", "background");
  s->masthead.rule_thickness = len_of (s, "masthead", "rule-thickness", em, 0);
  s->masthead.rule_color = color_of (s, "masthead", "rule-color");

  PmCoverStyle *cv = &s->cover;
  const Value *langs = get (s, NULL, "cover", "languages", &tmp);
  cv->languages[0] = langs && langs->str ? langs->str : "";
  cv->languages[1] = langs && langs->str2 ? langs->str2 : "";
  cv->background = color_of (s, "cover", "background");
  cv->foreground = color_of (s, "cover", "foreground");
  cv->accent = color_of (s, "cover", "accent");
  cv->margin = len_of (s, "cover", "margin", em, 0);
  cv->band_height = len_of (s, "cover", "band-height", em, p->height);
  cv->rule_thickness = len_of (s, "cover", "rule-thickness", em, 0);
  cv->gap = len_of (s, "cover", "gap", em, 0);
  cv->align = (PmTextAlign)num_of (s, "cover", "align");
}

static void
check_geometry (PmStyle *s, PmDiagnostics *diags)
{
  const PmPageStyle *p = &s->page;
  const SectionDef *page = find_section ("page");
  const Value *at = s->global->v[slot (page, find_key (page, "margin-inner", FALSE))];
  if (p->measure < 36 || p->column_width < 18 || p->text_height < 36)
    pm_diagnostics_add (
        diags, PM_SEVERITY_ERROR, at ? at->file : s->path, at ? at->line : 0, at ? at->column : 0,
        "the margins leave a text block of %.1f x %.1f mm (columns %.1f mm); "
        "it needs at least 12.7 x 12.7 mm and columns of 6.4 mm",
        p->measure * 25.4 / 72, p->text_height * 25.4 / 72, p->column_width * 25.4 / 72);
}

static void
resolved_free (Resolved *r)
{
  g_free (r->tag);
  g_free (r);
}

static PmStyle *
load (const char *path, const char *data, gsize len, GError **error)
{
  PmStyle *s = g_new0 (PmStyle, 1);
  s->path = g_strdup (path);
  s->name = "";
  s->strings = g_string_chunk_new (1024);
  s->values = g_ptr_array_new_with_free_func (g_free);
  s->global = g_new0 (Table, 1);
  s->lang_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s->lang_order = g_ptr_array_new_with_free_func (g_free);
  s->files = g_ptr_array_new_with_free_func (g_free);
  s->protrusion = g_hash_table_new (g_direct_hash, g_direct_equal);
  s->defaults_cache = g_hash_table_new (g_direct_hash, g_direct_equal);
  PmDiagnostics *diags = pm_diagnostics_new ();
  Ctx c = { s,
            diags,
            NULL,
            g_ptr_array_new_with_free_func (g_free),
            g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                   (GDestroyNotify)g_hash_table_unref),
            0 };
  load_sheet (&c, path, data, len, NULL);
  g_ptr_array_unref (c.chain);
  g_hash_table_unref (c.seen);
  if (c.errors > MAX_ERRORS)
    pm_diagnostics_add (diags, PM_SEVERITY_ERROR, path, 0, 0,
                        "%u more errors not shown; correct the ones above first",
                        c.errors - MAX_ERRORS);
  if (!pm_diagnostics_count (diags, PM_SEVERITY_ERROR)) {
    check_colors (s, diags);
    if (!pm_diagnostics_count (diags, PM_SEVERITY_ERROR)) {
      resolve_all (s);
      check_geometry (s, diags);
    }
  }
  if (pm_diagnostics_count (diags, PM_SEVERITY_ERROR)) {
    GString *msg = g_string_new (NULL);
    gboolean io = FALSE;
    for (guint i = 0; i < pm_diagnostics_length (diags); i++) {
      const PmDiagnostic *d = pm_diagnostics_get (diags, i);
      char *line = pm_diagnostic_format (d);
      g_string_append_printf (msg, "%s%s", i ? "\n" : "", line);
      g_free (line);
      io |= i == 0 && d->line == 0 && !g_strcmp0 (d->file, path) && !data;
    }
    g_set_error_literal (error, PM_ERROR, io ? PM_ERROR_IO : PM_ERROR_INPUT, msg->str);
    g_string_free (msg, TRUE);
    pm_diagnostics_free (diags);
    pm_style_free (s);
    return NULL;
  }
  pm_diagnostics_free (diags);
  return s;
}

PmStyle *
pm_style_load (const char *path, GError **error)
{
  return load (path, NULL, 0, error);
}

PmStyle *
pm_style_load_data (const char *name, const char *data, gssize len, GError **error)
{
  return load (name, data, len < 0 ? strlen (data) : (gsize)len, error);
}

void
pm_style_free (PmStyle *s)
{
  if (!s)
    return;
  g_free (s->path);
  g_free (s->defaults.tag);
  if (s->resolved) {
    g_ptr_array_set_free_func (s->resolved, (GDestroyNotify)resolved_free);
    g_ptr_array_unref (s->resolved);
  }
  g_hash_table_unref (s->protrusion);
  g_hash_table_unref (s->defaults_cache);
  g_ptr_array_unref (s->lang_order);
  g_ptr_array_unref (s->files);
  g_hash_table_unref (s->lang_table);
  g_hash_table_unref (s->colors);
  g_free (s->global);
  g_ptr_array_unref (s->values);
  g_string_chunk_free (s->strings);
  g_free (s);
}

/* The resolved styles for LANG: its own, its primary subtag's ("el-gr" -> "el"), or the
 * defaults. */
static const Resolved *
find_resolved (const PmStyle *s, const char *lang)
{
  if (!lang || !*lang)
    return &s->defaults;
  /* Called per paragraph: normalise into a buffer rather than allocate. */
  char tag[64];
  if (strlen (lang) >= sizeof tag)
    return &s->defaults;
  for (gsize i = 0;; i++) {
    tag[i] = lang[i] == '_' ? '-' : g_ascii_tolower (lang[i]);
    if (!lang[i])
      break;
  }
  const Resolved *found = NULL;
  for (int pass = 0; pass < 2 && !found; pass++) {
    for (guint i = 0; i < s->resolved->len && !found; i++) {
      const Resolved *r = g_ptr_array_index (s->resolved, i);
      if (!strcmp (r->tag, tag))
        found = r;
    }
    char *dash = strchr (tag, '-');
    if (!dash)
      break;
    *dash = '\0';
  }
  return found ? found : &s->defaults;
}

const PmPageStyle *
pm_style_get_page (const PmStyle *s)
{
  return &s->page;
}

PmTextStyle
pm_style_get_text (const PmStyle *s, const char *element, const char *lang)
{
  const Resolved *r = find_resolved (s, lang);
  for (gsize i = 0; i < N_ELEMENTS; i++)
    if (!strcmp (elements[i], element))
      return r->text[i];
  g_critical ("pm_style_get_text: no text element \"%s\"", element);
  return r->text[0];
}

const PmLangStyle *
pm_style_get_lang (const PmStyle *s, const char *lang)
{
  return &find_resolved (s, lang)->lang;
}

double
pm_style_protrusion (const PmStyle *s, gunichar c, gboolean right)
{
  const Value *v = g_hash_table_lookup (s->protrusion, GUINT_TO_POINTER (c));
  if (!v)
    return 0;
  return right ? v->num2 : v->num;
}

const PmNoteStyle *
pm_style_get_notes (const PmStyle *s)
{
  return &s->notes;
}

const PmRunningStyle *
pm_style_get_running (const PmStyle *s)
{
  return &s->running;
}

const PmListStyle *
pm_style_get_list (const PmStyle *s)
{
  return &s->list;
}

const PmContentsStyle *
pm_style_get_contents (const PmStyle *s)
{
  return &s->contents;
}

const PmMastheadStyle *
pm_style_get_masthead (const PmStyle *s)
{
  return &s->masthead;
}

const PmCoverStyle *
pm_style_get_cover (const PmStyle *s)
{
  return &s->cover;
}

const char *const *
pm_style_get_languages (const PmStyle *s)
{
  return (const char *const *)s->lang_order->pdata;
}

const char *const *
pm_style_get_files (const PmStyle *s)
{
  return (const char *const *)s->files->pdata;
}

const char *
pm_style_get_path (const PmStyle *s)
{
  return s->path;
}

const char *
pm_style_get_name (const PmStyle *s)
{
  return s->name;
}
