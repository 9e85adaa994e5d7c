/* pm-import.c: raw pasted text -> corpus Markdown.
 *
 * Three passes: each raw line is cleaned on its own (escapes, notes, spaces), so that every
 * note reference keeps its place in the file for messages; the lines are then gathered
 * into blocks (paragraphs, headings, list items, images), wrapped text being unwrapped;
 * last the blocks get their typography and are written out as Markdown. */
#include "import/pm-import.h"
#include "base/pm-error.h"
#include "import/pm-typo.h"

#include <stdlib.h>
#include <string.h>

/* A note reference inside cleaned text: MARK_OPEN, the number in ASCII digits, MARK_CLOSE.
 * Private-use characters, so no rule mistakes them for text; the input's own are replaced. */
#define MARK_OPEN 0xE000
#define MARK_CLOSE 0xE001
#define MARK_OPEN_S "\xee\x80\x80"
#define MARK_CLOSE_S "\xee\x80\x81"

/* The shape of pasted text, in characters: a heading is at most HEADING_MAX_CHARS long;
 * text is wrapped when its median line is at most WRAPPED_MAX_MEDIAN and fewer than
 * WRAPPED_MAX_ENDING_PERCENT of its lines end a sentence; a paragraph cut by a page break
 * goes on when its last line reaches PAGE_CUT_MIN_PERCENT of the usual (90th percentile)
 * line; a demand in a list typed as plain lines is at most DEMAND_MAX_CHARS long. */
#define HEADING_MAX_CHARS 90
#define WRAPPED_MAX_MEDIAN 100
#define WRAPPED_MAX_ENDING_PERCENT 60
#define PAGE_CUT_MIN_PERCENT 60
#define DEMAND_MAX_CHARS 160

struct _PmImport {
  char *lang, *title, *kind, *source, *translator;
  GPtrArray *meta; /* char *: further front matter keys and values, alternating */
  gboolean bracket_notes;
  guint first_line;
  GArray *drop;      /* guint line numbers */
  GHashTable *notes; /* GUINT_TO_POINTER (n) -> char* text, from pm_import_set_notes() */
};

typedef enum {
  BLOCK_PARA,
  BLOCK_HEADING,
  BLOCK_ITEM,
  BLOCK_IMAGE
} BlockType;

typedef struct {
  BlockType type;
  int level;            /* headings */
  GString *text;        /* cleaned text; for images the whole Markdown image */
  guint line;           /* first line in the file */
  guint nlines;         /* raw lines gathered into it */
  glong last_len;       /* length in characters of its last raw line */
  gboolean blank_after; /* a blank line (or the end) follows */
} Block;

typedef struct {
  guint number;
  guint line, column;
  char *text; /* bracket notes carry their text; NULL for glued numbers */
} NoteRef;

PmImport *
pm_import_new (const char *lang)
{
  PmImport *imp = g_new0 (PmImport, 1);
  imp->lang = g_strdup (lang ? lang : "und");
  imp->kind = g_strdup ("statement");
  imp->first_line = 1;
  imp->drop = g_array_new (FALSE, FALSE, sizeof (guint));
  imp->notes = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  return imp;
}

void
pm_import_free (PmImport *imp)
{
  if (!imp)
    return;
  g_free (imp->lang);
  g_free (imp->title);
  g_free (imp->kind);
  g_free (imp->source);
  g_free (imp->translator);
  if (imp->meta)
    g_ptr_array_unref (imp->meta);
  g_array_unref (imp->drop);
  g_hash_table_unref (imp->notes);
  g_free (imp);
}

static void
set_str (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

void
pm_import_set_title (PmImport *imp, const char *title)
{
  set_str (&imp->title, title);
}

void
pm_import_set_kind (PmImport *imp, const char *kind)
{
  set_str (&imp->kind, kind);
}

void
pm_import_set_source (PmImport *imp, const char *source)
{
  set_str (&imp->source, source);
}

void
pm_import_add_meta (PmImport *imp, const char *key, const char *value)
{
  if (!imp->meta)
    imp->meta = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (imp->meta, g_strdup (key));
  g_ptr_array_add (imp->meta, g_strdup (value));
}

void
pm_import_set_translator (PmImport *imp, const char *translator)
{
  set_str (&imp->translator, translator);
}

void
pm_import_set_bracket_notes (PmImport *imp, gboolean on)
{
  imp->bracket_notes = on;
}

void
pm_import_set_first_line (PmImport *imp, guint line)
{
  imp->first_line = line ? line : 1;
}

void
pm_import_drop_line (PmImport *imp, guint line)
{
  g_array_append_val (imp->drop, line);
}

/* TEXT cut at each newline, like g_strsplit (TEXT, "\n", -1) but with memchr: strstr
 * from every line's start is quadratic where strstr measures its haystack (ASan). */
static char **
split_lines (const char *text)
{
  GPtrArray *lines = g_ptr_array_new ();
  const char *p = text;
  const char *end = text + strlen (text);
  for (;;) {
    const char *nl = memchr (p, '\n', end - p);
    if (!nl) {
      g_ptr_array_add (lines, g_strndup (p, end - p));
      break;
    }
    g_ptr_array_add (lines, g_strndup (p, nl - p));
    p = nl + 1;
  }
  g_ptr_array_add (lines, NULL);
  return (char **)g_ptr_array_free (lines, FALSE);
}

gboolean
pm_import_set_notes (PmImport *imp, const char *filename, const char *text, GError **error)
{
  const char *end = NULL;
  if (!g_utf8_validate (text, -1, &end)) {
    g_set_error (error, PM_ERROR, PM_ERROR_INPUT, "%s: invalid UTF-8: save the notes as UTF-8",
                 filename);
    return FALSE;
  }
  char **lines = split_lines (text);
  guint current = 0;
  gboolean ok = TRUE;
  for (guint i = 0; lines[i] && ok; i++) {
    char *l = g_strstrip (lines[i]);
    if (!*l) {
      current = 0;
      continue;
    }
    if (g_str_has_prefix (l, "[^")) {
      char *num_end = NULL;
      guint64 n = g_ascii_strtoull (l + 2, &num_end, 10);
      if (num_end != l + 2 && n > 0 && n < 10000 && g_str_has_prefix (num_end, "]:")) {
        current = (guint)n;
        g_hash_table_replace (imp->notes, GUINT_TO_POINTER (current),
                              g_strdup (g_strstrip (num_end + 2)));
        continue;
      }
    }
    if (current) { /* a continuation line of the note above */
      const char *old = g_hash_table_lookup (imp->notes, GUINT_TO_POINTER (current));
      g_hash_table_replace (imp->notes, GUINT_TO_POINTER (current),
                            g_strconcat (old, " ", l, NULL));
      continue;
    }
    g_set_error (error, PM_ERROR, PM_ERROR_INPUT,
                 "%s:%u:1: not a note: write each note as `[^N]: text`", filename, i + 1);
    ok = FALSE;
  }
  g_strfreev (lines);
  return ok;
}

gboolean
pm_import_apply_fix (char **text, const char *from, const char *to, GError **error)
{
  if (!from || !*from) {
    g_set_error (error, PM_ERROR, PM_ERROR_USAGE, "a correction needs the text to replace");
    return FALSE;
  }
  const char *hit = strstr (*text, from);
  if (!hit || strstr (hit + 1, from)) {
    g_set_error (error, PM_ERROR, PM_ERROR_INPUT,
                 "'%s' occurs %s in the text: a correction must name one place", from,
                 hit ? "more than once" : "nowhere");
    return FALSE;
  }
  GString *s = g_string_new_len (*text, hit - *text);
  g_string_append (s, to);
  g_string_append (s, hit + strlen (from));
  g_free (*text);
  *text = g_string_free (s, FALSE);
  return TRUE;
}

/* ---- characters ---- */

static gboolean
is_blank_char (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == 0xA0 || c == 0x202F ||
         c == 0x2009 || c == 0x3000;
}

/* Closing quotes and brackets that may follow a sentence's last stop. */
static gboolean
is_closer (gunichar c)
{
  return c == ')' || c == ']' || c == '"' || c == '\'' || c == 0xBB || c == 0x201D || c == 0x2019 ||
         c == MARK_CLOSE;
}

static gunichar
last_char (const char *s, gsize len)
{
  if (!len)
    return 0;
  const char *p = g_utf8_find_prev_char (s, s + len);
  return p ? g_utf8_get_char (p) : 0;
}

/* The last character of S that is not a closing quote, bracket or note reference. */
static gunichar
last_significant (const char *s)
{
  const char *p = s + strlen (s);
  gboolean in_mark = FALSE;
  while ((p = g_utf8_find_prev_char (s, p))) {
    gunichar c = g_utf8_get_char (p);
    if (c == MARK_CLOSE)
      in_mark = TRUE;
    else if (c == MARK_OPEN)
      in_mark = FALSE;
    else if (!in_mark && !is_closer (c))
      return c;
  }
  return 0;
}

static gboolean
ends_sentence (const char *s)
{
  gunichar c = last_significant (s);
  return c == '.' || c == '!' || c == '?' || c == ':' || c == 0x2026 || c == ';';
}

static gboolean
has_acute (const char *s, gssize len)
{
  char *nfd = g_utf8_normalize (s, len, G_NORMALIZE_NFD);
  gboolean found = nfd && (strstr (nfd, "\xcc\x81") || strstr (nfd, "\xcd\x84"));
  g_free (nfd);
  return found;
}

/* ---- pass 1: one raw line ---- */

/* Digits glued to the end of a word: a note reference when the number is the next one. */
static gboolean
glued_number_at (const gunichar *u, glong n, glong i, guint expected, glong *digits)
{
  if (i < 2 || !g_unichar_isalpha (u[i - 1]) || !g_unichar_isalpha (u[i - 2]))
    return FALSE;
  glong j = i;
  guint v = 0;
  while (j < n && j - i < 3 && u[j] >= '0' && u[j] <= '9')
    v = v * 10 + (u[j++] - '0');
  if (j == i || (j < n && (g_unichar_isalnum (u[j]) || u[j] == '%' || u[j] == '-')))
    return FALSE;
  *digits = j - i;
  return v == expected;
}

/* Strips an editorial marker ("– n.", "-n.", "N.d.R.") off the end of a bracket's text. */
static char *
bracket_note_text (const char *inside)
{
  char *t = g_strstrip (g_strdup (inside));
  gsize len = strlen (t);
  if (len >= 2 && !strcmp (t + len - 2, "n.")) {
    char *p = t + len - 2;
    char *q = p;
    while (q > t && (q[-1] == ' ' || q[-1] == '-'))
      q--;
    if (q >= t + 3 && !strncmp (q - 3, "\xe2\x80\x93", 3)) /* – */
      q -= 3;
    while (q > t && q[-1] == ' ')
      q--;
    if (q < p && q > t)
      *q = '\0';
  }
  return t;
}

typedef struct {
  PmImport *imp;
  const char *file;
  PmDiagnostics *diags;
  GArray *refs; /* NoteRef */
  guint next_note;
} Ctx;

static void
add_mark (GString *out, guint n)
{
  g_string_append_printf (out, MARK_OPEN_S "%u" MARK_CLOSE_S, n);
}

/* Cleans one raw line: LaTeX escapes, note references, whitespace. */
static char *
clean_line (Ctx *ctx, const char *raw, guint lineno)
{
  glong n = 0;
  gunichar *u = g_utf8_to_ucs4_fast (raw, -1, &n);
  GString *out = g_string_sized_new (strlen (raw) + 8);
  gboolean seen_text = FALSE;

  /* The input's own private-use marks would pass for note references. */
  for (glong i = 0; i < n; i++)
    if (u[i] == MARK_OPEN || u[i] == MARK_CLOSE)
      u[i] = 0xFFFD;
  for (glong i = 0; i < n; i++) {
    gunichar c = u[i];
    if (c == '\\' && i + 1 < n && strchr ("%&_#$", (int)(u[i + 1] < 128 ? u[i + 1] : 1))) {
      g_string_append_c (out, (char)u[i + 1]);
      i++;
      seen_text = TRUE;
      continue;
    }
    if (c == '[' && ctx->imp->bracket_notes && seen_text && i > 0 && is_blank_char (u[i - 1]) &&
        i + 1 < n && u[i + 1] != '^') {
      glong j = i + 1;
      while (j < n && u[j] != ']' && u[j] != '[')
        j++;
      if (j < n && u[j] == ']' && j > i + 1 && (j + 1 >= n || u[j + 1] != '(')) {
        char *inside = g_ucs4_to_utf8 (u + i + 1, j - i - 1, NULL, NULL, NULL);
        NoteRef ref = { ctx->next_note++, lineno, (guint)i + 1, bracket_note_text (inside) };
        g_free (inside);
        while (out->len && out->str[out->len - 1] == ' ')
          g_string_truncate (out, out->len - 1);
        add_mark (out, ref.number);
        g_array_append_val (ctx->refs, ref);
        i = j;
        continue;
      }
    }
    glong digits = 0;
    if (c >= '1' && c <= '9' && glued_number_at (u, n, i, ctx->next_note, &digits)) {
      NoteRef ref = { ctx->next_note++, lineno, (guint)i + 1, NULL };
      add_mark (out, ref.number);
      g_array_append_val (ctx->refs, ref);
      i += digits - 1;
      continue;
    }
    if (is_blank_char (c)) {
      glong j = i;
      while (j < n && is_blank_char (u[j]))
        j++;
      if (!seen_text || j == n) { /* leading and trailing space */
        i = j - 1;
        continue;
      }
      /* Doubled spaces of justified text collapse; a lone no-break space stays. */
      if (j - i == 1 && (c == 0xA0 || c == 0x202F))
        g_string_append_unichar (out, c);
      else
        g_string_append_c (out, ' ');
      i = j - 1;
      continue;
    }
    seen_text = TRUE;
    g_string_append_unichar (out, c);
  }
  g_free (u);
  return g_string_free (out, FALSE);
}

/* ---- pass 2: blocks ---- */

typedef enum {
  LINE_BLANK,
  LINE_TEXT,
  LINE_ITEM,
  LINE_HEADING,
  LINE_IMAGE,
  LINE_MARKUP
} LineType;

typedef struct {
  LineType type;
  char *text; /* cleaned; for items and headings without their marker */
  int level;
  guint line;
} Line;

static LineType
classify (const char *t, int *level, const char **content)
{
  *content = t;
  if (!*t)
    return LINE_BLANK;
  if (strspn (t, "*_~`") == strlen (t))
    return LINE_MARKUP;
  if (t[0] == '#') {
    int l = (int)strspn (t, "#");
    if (l <= 6 && t[l] == ' ') {
      *level = l;
      *content = t + l + 1;
      return LINE_HEADING;
    }
  }
  if (g_str_has_prefix (t, "![") && g_str_has_suffix (t, ")") && strstr (t, "](") &&
      !strchr (strstr (t, "](") + 2, ' '))
    return LINE_IMAGE;
  if ((t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ' && t[2]) {
    *content = t + 2;
    return LINE_ITEM;
  }
  if (g_str_has_prefix (t, "\xe2\x80\xa2 ") && t[4]) { /* • */
    *content = t + 4;
    return LINE_ITEM;
  }
  return LINE_TEXT;
}

static int
cmp_glong (const void *a, const void *b)
{
  glong x = *(const glong *)a, y = *(const glong *)b;
  return x < y ? -1 : x > y;
}

/* The last word of S before a hyphen at its end, and the first word of T. */
static char *
word_before_hyphen (const char *s, gsize len)
{
  const char *end = s + len - 1; /* the hyphen */
  const char *p = end;
  while (p > s) {
    const char *q = g_utf8_find_prev_char (s, p);
    if (!q || !g_unichar_isalpha (g_utf8_get_char (q)))
      break;
    p = q;
  }
  return g_strndup (p, end - p);
}

static char *
first_word (const char *t)
{
  const char *p = t;
  while (*p && g_unichar_isalpha (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return g_strndup (t, p - t);
}

/* The words of the whole text (runs of letters and inner hyphens), for telling a
 * compound from a hyphenated word by the forms used elsewhere; built once, when needed. */
static GHashTable *
word_set (const char *whole)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *p = whole;
  while (*p) {
    while (*p && !g_unichar_isalpha (g_utf8_get_char (p)))
      p = g_utf8_next_char (p);
    const char *start = p;
    while (*p && (g_unichar_isalpha (g_utf8_get_char (p)) || *p == '-'))
      p = g_utf8_next_char (p);
    const char *end = p;
    while (end > start && end[-1] == '-')
      end--;
    if (end > start)
      g_hash_table_add (set, g_strndup (start, end - start));
  }
  return set;
}

/* Whether a hyphen at a line's end belongs to the word (Ουστ-Καμενογκόρσκ,
 * στρατιωτική-αστυνομική) rather than to the line break. */
static gboolean
keep_hyphen (const char *lang, GHashTable *words, const char *left, const char *right)
{
  if (!*left || !*right)
    return TRUE;
  if (g_unichar_isupper (g_utf8_get_char (right)))
    return TRUE;
  char *joined = g_strconcat (left, right, NULL);
  char *hyphened = g_strconcat (left, "-", right, NULL);
  gboolean joined_seen = g_hash_table_contains (words, joined);
  gboolean hyphen_seen = g_hash_table_contains (words, hyphened);
  g_free (joined);
  g_free (hyphened);
  if (hyphen_seen != joined_seen)
    return hyphen_seen;
  /* A Greek word has one accent: two accents make two words. */
  if (g_str_has_prefix (lang, "el") && has_acute (left, -1) && has_acute (right, -1))
    return TRUE;
  return FALSE;
}

static void
append_line (GString *text, const char *line, const char *lang, const char *whole,
             GHashTable **words)
{
  gsize len = text->len;
  gunichar prev = last_char (text->str, len);
  if (len >= 2 && prev == '-' && g_unichar_isalpha (last_char (text->str, len - 1)) &&
      g_unichar_isalpha (g_utf8_get_char (line))) {
    char *left = word_before_hyphen (text->str, len);
    char *right = first_word (line);
    if (!*words)
      *words = word_set (whole);
    if (!keep_hyphen (lang, *words, left, right))
      g_string_truncate (text, len - 1);
    g_free (left);
    g_free (right);
  } else if (len) {
    g_string_append_c (text, ' ');
  }
  g_string_append (text, line);
}

static Block *
block_new (BlockType type, const Line *l)
{
  Block *b = g_new0 (Block, 1);
  b->type = type;
  b->level = l->level;
  b->text = g_string_new (l->text);
  b->line = l->line;
  b->nlines = 1;
  b->last_len = g_utf8_strlen (l->text, -1);
  return b;
}

static void
block_free (gpointer p)
{
  Block *b = p;
  g_string_free (b->text, TRUE);
  g_free (b);
}

/* Everything in upper case (at least two letters, no lower-case one). */
static gboolean
all_upper (const char *s)
{
  int letters = 0;
  for (const char *p = s; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (g_unichar_islower (c))
      return FALSE;
    if (g_unichar_isupper (c))
      letters++;
  }
  return letters >= 2;
}

/* A short line standing alone, starting with a capital and ending without a stop or a
 * number: a heading in text pasted from a web page. */
static gboolean
looks_like_heading (const Block *b, gboolean wrapped)
{
  if (b->type != BLOCK_PARA || b->nlines != 1 || (wrapped && !b->blank_after))
    return FALSE;
  const char *t = b->text->str;
  glong len = g_utf8_strlen (t, -1);
  gunichar first = g_utf8_get_char (t);
  gunichar last = last_char (t, b->text->len);
  if (len < 3 || len > HEADING_MAX_CHARS || !g_unichar_isupper (first) || strstr (t, MARK_OPEN_S))
    return FALSE;
  if (last < 128 && (strchr (".,;:!?)]\"'-", (int)last) || g_ascii_isdigit (last)))
    return FALSE;
  return last != 0x2026 && last != 0x201D && last != 0xBB && strchr (t, ' ') != NULL;
}

/* ---- pass 3: Markdown ---- */

static void
append_escaped (GString *out, const char *s, gboolean line_start)
{
  const char *p = s;
  if (line_start) {
    gsize d = strspn (p, "0123456789");
    if (d > 0 && d <= 9 && (p[d] == '.' || p[d] == ')') && (p[d + 1] == ' ' || !p[d + 1])) {
      g_string_append_len (out, p, d);
      g_string_append_c (out, '\\');
      p += d;
    } else if (strchr ("#>+-=|", *p) && *p) {
      g_string_append_c (out, '\\');
    }
  }
  for (; *p; p++) {
    char c = *p;
    if (strchr ("\\`*_[]<~", c) && c)
      g_string_append_c (out, '\\');
    else if (c == '&' && (g_ascii_isalnum (p[1]) || p[1] == '#'))
      g_string_append_c (out, '\\');
    else if (c == '#' && !p[1])
      g_string_append_c (out, '\\');
    g_string_append_c (out, c);
  }
}

/* Typography, then Markdown escapes, then note references as `[^N]`. */
static void
append_text (GString *out, const char *lang, const char *text, gboolean line_start)
{
  char *typo = pm_typo_normalise (lang, text);
  GString *esc = g_string_new (NULL);
  append_escaped (esc, typo, line_start);
  for (const char *p = esc->str; *p;) {
    if (g_str_has_prefix (p, MARK_OPEN_S)) {
      /* Not strstr: under AddressSanitizer it measures the whole rest of the text at
       * every note, which is quadratic on a long paragraph full of notes. */
      const char *q = p + 3;
      while (g_ascii_isdigit (*q))
        q++;
      if (!g_str_has_prefix (q, MARK_CLOSE_S))
        break;
      g_string_append (out, "[^");
      g_string_append_len (out, p + 3, q - p - 3);
      g_string_append_c (out, ']');
      p = q + 3;
    } else {
      g_string_append_c (out, *p++);
    }
  }
  g_string_free (esc, TRUE);
  g_free (typo);
}

static void
append_yaml (GString *out, const char *key, const char *value)
{
  g_string_append_printf (out, "%s: \"", key);
  for (const char *p = value; *p; p++) {
    if (*p == '"' || *p == '\\')
      g_string_append_c (out, '\\');
    g_string_append_c (out, *p);
  }
  g_string_append (out, "\"\n");
}

static void
append_plain_or_yaml (GString *out, const char *key, const char *value)
{
  if (value[0] &&
      strspn (value, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-/") ==
          strlen (value))
    g_string_append_printf (out, "%s: %s\n", key, value);
  else
    append_yaml (out, key, value);
}

static gboolean
locate_invalid (const char *file, const char *text, gsize len, GError **error)
{
  const char *end = NULL;
  gboolean valid = g_utf8_validate_len (text, len, &end);
  const char *nul = memchr (text, 0, len);
  if (valid && !nul)
    return TRUE;
  /* g_utf8_validate_len() stops at a NUL byte too: name what it is. */
  gboolean is_nul = nul && (valid || end >= nul);
  const char *bad = is_nul ? nul : end;
  guint line = 1, col = 1;
  for (const char *p = text; p < bad; p++) {
    if (*p == '\n') {
      line++;
      col = 1;
    } else if (((guchar)*p & 0xC0) != 0x80) {
      col++;
    }
  }
  g_set_error (error, PM_ERROR, PM_ERROR_INPUT, "%s:%u:%u: %s: %s", file, line, col,
               is_nul ? "NUL byte" : "invalid UTF-8",
               is_nul ? "this is not a text file" : "convert the file to UTF-8 (iconv)");
  return FALSE;
}

static gboolean
dropped (PmImport *imp, guint line)
{
  for (guint i = 0; i < imp->drop->len; i++)
    if (g_array_index (imp->drop, guint, i) == line)
      return TRUE;
  return FALSE;
}

char *
pm_import_run (PmImport *imp, const char *filename, const char *text, gssize len,
               PmDiagnostics *diags, GError **error)
{
  const char *file = filename ? filename : "<input>";
  gsize n = len < 0 ? strlen (text) : (gsize)len;
  if (!locate_invalid (file, text, n, error))
    return NULL;

  char *whole = g_strndup (text, n);
  char **raw = split_lines (whole);
  Ctx ctx = { imp, file, diags, g_array_new (FALSE, TRUE, sizeof (NoteRef)), 1 };
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  char *dir = g_path_get_dirname (file);

  /* Pass 1: clean and classify each line. */
  for (guint i = 0; raw[i]; i++) {
    guint lineno = imp->first_line + i;
    char *r = raw[i];
    gsize rl = strlen (r);
    if (rl && r[rl - 1] == '\r')
      r[rl - 1] = '\0';
    Line l = { LINE_BLANK, NULL, 0, lineno };
    if (dropped (imp, lineno)) {
      l.text = g_strdup ("");
      g_array_append_val (lines, l);
      continue;
    }
    char *clean = clean_line (&ctx, r, lineno);
    const char *content;
    l.type = classify (clean, &l.level, &content);
    l.text = g_strdup (content);
    g_free (clean);
    if (l.type == LINE_MARKUP) {
      pm_diagnostics_add (diags, PM_SEVERITY_WARNING, file, lineno, 1, "stray markup '%s' dropped",
                          l.text);
      l.type = LINE_BLANK;
    } else if (l.type == LINE_IMAGE) {
      const char *path_start = strstr (l.text, "](") + 2;
      char *path = g_strndup (path_start, strlen (path_start) - 1);
      char *full = g_path_is_absolute (path) ? g_strdup (path) : g_build_filename (dir, path, NULL);
      if (!g_file_test (full, G_FILE_TEST_IS_REGULAR)) {
        pm_diagnostics_add (diags, PM_SEVERITY_WARNING, file, lineno, 1,
                            "image '%s' not found: dropped (copy it next to the output and "
                            "add it by hand)",
                            path);
        l.type = LINE_BLANK;
      }
      g_free (path);
      g_free (full);
    }
    g_array_append_val (lines, l);
  }
  g_free (dir);

  /* Wrapped text has short lines, most of them ending inside a sentence; one paragraph
   * per line has long lines, or lines that end their sentences. */
  GArray *lens = g_array_new (FALSE, FALSE, sizeof (glong));
  guint ending = 0;
  for (guint i = 0; i < lines->len; i++) {
    Line *l = &g_array_index (lines, Line, i);
    if (l->type == LINE_TEXT) {
      glong cl = g_utf8_strlen (l->text, -1);
      g_array_append_val (lens, cl);
      ending += ends_sentence (l->text);
    }
  }
  if (lens->len > 1)
    qsort (lens->data, lens->len, sizeof (glong), cmp_glong);
  glong median = lens->len ? g_array_index (lens, glong, lens->len / 2) : 0;
  glong width = lens->len ? g_array_index (lens, glong, (lens->len * 9) / 10) : 0;
  gboolean wrapped = lens->len >= 2 && median <= WRAPPED_MAX_MEDIAN &&
                     ending * 100 < lens->len * WRAPPED_MAX_ENDING_PERCENT;
  g_array_free (lens, TRUE);

  /* Pass 2: gather lines into blocks. */
  GPtrArray *blocks = g_ptr_array_new_with_free_func (block_free);
  Block *cur = NULL; /* the block a next text line may continue */
  GHashTable *words = NULL;
  gboolean blank_since = FALSE;
  for (guint i = 0; i < lines->len; i++) {
    Line *l = &g_array_index (lines, Line, i);
    if (l->type == LINE_BLANK) {
      blank_since = TRUE;
      if (blocks->len)
        ((Block *)g_ptr_array_index (blocks, blocks->len - 1))->blank_after = TRUE;
      continue;
    }
    if (l->type == LINE_TEXT && cur && wrapped) {
      gboolean join = !blank_since;
      if (blank_since && cur->type == BLOCK_PARA && !ends_sentence (cur->text->str)) {
        /* A paragraph cut by a page break goes on after the blank lines. */
        gunichar first = g_utf8_get_char (l->text);
        join = g_unichar_islower (first) || cur->last_len * 100 >= width * PAGE_CUT_MIN_PERCENT;
      }
      if (join) {
        append_line (cur->text, l->text, imp->lang, whole, &words);
        cur->nlines++;
        cur->last_len = g_utf8_strlen (l->text, -1);
        cur->blank_after = FALSE;
        blank_since = FALSE;
        continue;
      }
    }
    BlockType type = l->type == LINE_HEADING ? BLOCK_HEADING
                     : l->type == LINE_ITEM  ? BLOCK_ITEM
                     : l->type == LINE_IMAGE ? BLOCK_IMAGE
                                             : BLOCK_PARA;
    Block *b = block_new (type, l);
    g_ptr_array_add (blocks, b);
    cur = type == BLOCK_PARA || type == BLOCK_ITEM ? b : NULL;
    blank_since = FALSE;
  }
  if (blocks->len)
    ((Block *)g_ptr_array_index (blocks, blocks->len - 1))->blank_after = TRUE;

  /* Headings in plain text; a heading in capitals split over two lines is one heading. */
  gboolean seen_title = FALSE;
  for (guint i = 0; i < blocks->len; i++)
    if (((Block *)g_ptr_array_index (blocks, i))->type == BLOCK_HEADING)
      seen_title = TRUE;
  for (guint i = 0; i + 1 < blocks->len; i++) {
    Block *b = g_ptr_array_index (blocks, i);
    if (!looks_like_heading (b, wrapped))
      continue;
    /* Capitals make a title; other headings are sections of the title before them. */
    b->type = BLOCK_HEADING;
    b->level = all_upper (b->text->str) || !seen_title ? 1 : 2;
    seen_title = TRUE;
    Block *next = g_ptr_array_index (blocks, i + 1);
    if (b->level == 1 && i + 2 < blocks->len && looks_like_heading (next, wrapped) &&
        all_upper (next->text->str)) {
      g_string_append_c (b->text, ' ');
      g_string_append (b->text, next->text->str);
      g_ptr_array_remove_index (blocks, i + 1);
    }
  }

  /* Demands typed as plain lines: short exclamations right after a line ending with a
   * colon ("…exige :", "…talep ediyor:") are a list, as they are where typed with `- `. */
  for (guint i = 0; i + 2 < blocks->len; i++) {
    Block *b = g_ptr_array_index (blocks, i);
    if (b->type != BLOCK_PARA || last_significant (b->text->str) != ':')
      continue;
    guint j = i + 1;
    while (j < blocks->len) {
      Block *item = g_ptr_array_index (blocks, j);
      if (item->type != BLOCK_PARA || g_utf8_strlen (item->text->str, -1) > DEMAND_MAX_CHARS ||
          last_significant (item->text->str) != '!')
        break;
      j++;
    }
    if (j - i - 1 >= 2)
      for (guint k = i + 1; k < j; k++)
        ((Block *)g_ptr_array_index (blocks, k))->type = BLOCK_ITEM;
  }

  /* Pass 3: write. */
  GString *out = g_string_new ("---\n");
  g_string_append_printf (out, "lang: %s\n", imp->lang);
  if (imp->title)
    append_yaml (out, "title", imp->title);
  if (imp->kind)
    append_plain_or_yaml (out, "kind", imp->kind);
  char *base = g_path_get_basename (file);
  append_plain_or_yaml (out, "source", imp->source ? imp->source : base);
  g_free (base);
  if (imp->translator)
    append_yaml (out, "translator", imp->translator);
  for (guint i = 0; imp->meta && i + 1 < imp->meta->len; i += 2)
    append_yaml (out, g_ptr_array_index (imp->meta, i), g_ptr_array_index (imp->meta, i + 1));
  g_string_append (out, "---\n");
  for (guint i = 0; i < blocks->len; i++) {
    Block *b = g_ptr_array_index (blocks, i);
    Block *prev = i ? g_ptr_array_index (blocks, i - 1) : NULL;
    if (!(prev && prev->type == BLOCK_ITEM && b->type == BLOCK_ITEM))
      g_string_append_c (out, '\n');
    switch (b->type) {
      case BLOCK_HEADING:
        for (int k = 0; k < b->level; k++)
          g_string_append_c (out, '#');
        g_string_append_c (out, ' ');
        append_text (out, imp->lang, b->text->str, FALSE);
        break;
      case BLOCK_ITEM:
        g_string_append (out, "- ");
        append_text (out, imp->lang, b->text->str, FALSE);
        break;
      case BLOCK_IMAGE:
        g_string_append (out, b->text->str);
        break;
      case BLOCK_PARA:
        append_text (out, imp->lang, b->text->str, TRUE);
        break;
    }
    g_string_append_c (out, '\n');
  }

  /* Notes: bracket notes carry their text; numbers glued to words take theirs from the
   * notes file; a reference without text is reported where it is. */
  gboolean first_note = TRUE;
  GHashTable *used = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < ctx.refs->len; i++) {
    NoteRef *r = &g_array_index (ctx.refs, NoteRef, i);
    const char *t =
        r->text ? r->text : g_hash_table_lookup (imp->notes, GUINT_TO_POINTER (r->number));
    g_hash_table_add (used, GUINT_TO_POINTER (r->number));
    if (!t || !*t) {
      pm_diagnostics_add (diags, PM_SEVERITY_WARNING, file, r->line, r->column,
                          "note %u has no text: give it in a notes file (--notes FILE, "
                          "lines `[^%u]: text`)",
                          r->number, r->number);
      continue;
    }
    if (first_note)
      g_string_append_c (out, '\n');
    first_note = FALSE;
    g_string_append_printf (out, "[^%u]: ", r->number);
    if (r->text)
      append_text (out, imp->lang, t, FALSE);
    else
      g_string_append (out, t);
    g_string_append_c (out, '\n');
  }
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, imp->notes);
  while (g_hash_table_iter_next (&it, &key, NULL))
    if (!g_hash_table_contains (used, key))
      pm_diagnostics_add (diags, PM_SEVERITY_WARNING, file, 0, 0,
                          "note %u of the notes file has no reference in the text",
                          GPOINTER_TO_UINT (key));
  g_hash_table_unref (used);

  for (guint i = 0; i < ctx.refs->len; i++)
    g_free (g_array_index (ctx.refs, NoteRef, i).text);
  g_array_free (ctx.refs, TRUE);
  for (guint i = 0; i < lines->len; i++)
    g_free (g_array_index (lines, Line, i).text);
  g_array_free (lines, TRUE);
  g_ptr_array_unref (blocks);
  if (words)
    g_hash_table_unref (words);
  g_strfreev (raw);
  g_free (whole);
  return g_string_free (out, FALSE);
}

/* ---- two languages in one file ---- */

/* The commonest words of each language; a word two languages share is in neither list. */
static const struct {
  const char *lang;
  const char *words;
} stopwords[] = {
  { "el", " και το τη την του της των οι η σε στο στην στη από για να με ότι που είναι ως "
          "τον τα ένα μια θα δεν " },
  { "en", " the of and to that is was for with are were by on as it this from have has which "
          "be at an their there not or who but all " },
  { "fr", " le la les de des du et est que qui dans pour une un sur au aux par pas ont été ce "
          "il elle sont " },
  { "it", " il lo la gli le di del della dei delle che è e per con non una un nel nella sono "
          "ha hanno da al alla anche più come questo degli ed " },
  { "ru", " и в на с что не по как из к о это за от для был была были уже так " },
  { "tr", " ve bir bu için ile da de olarak gibi daha çok en ki olan " },
};

static int
count_words (const char *line, const char *lang)
{
  const char *list = NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (stopwords); i++)
    if (g_str_has_prefix (lang, stopwords[i].lang))
      list = stopwords[i].words;
  if (!list)
    return 0;
  int count = 0;
  char *lower = g_utf8_strdown (line, -1);
  const char *p = lower;
  while (*p) {
    while (*p && !g_unichar_isalpha (g_utf8_get_char (p)))
      p = g_utf8_next_char (p);
    const char *s = p;
    while (*p && g_unichar_isalpha (g_utf8_get_char (p)))
      p = g_utf8_next_char (p);
    if (p > s) {
      char *w = g_strdup_printf (" %.*s ", (int)(p - s), s);
      if (strstr (list, w))
        count++;
      g_free (w);
    }
  }
  g_free (lower);
  return count;
}

guint
pm_import_detect_split (const char *text, const char *lang1, const char *lang2)
{
  char **lines = split_lines (text);
  guint n = g_strv_length (lines);
  int *score = g_new0 (int, n + 1);
  for (guint i = 0; i < n; i++)
    score[i] = count_words (lines[i], lang2) - count_words (lines[i], lang1);
  /* The split maximises lang1 words before it and lang2 words after it: the best suffix. */
  int best = 0, sum = 0;
  guint at = 0;
  int total1 = 0;
  for (guint i = n; i > 0; i--) {
    sum += score[i - 1];
    if (sum > best && score[i - 1] > 0) {
      best = sum;
      at = i - 1;
    }
  }
  for (guint i = 0; i < at; i++)
    total1 -= score[i];
  g_free (score);
  g_strfreev (lines);
  return best > 0 && total1 > 0 && at > 0 ? at + 1 : 0;
}
