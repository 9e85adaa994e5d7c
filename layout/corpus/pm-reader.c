/* pm-reader.c: bytes -> checked UTF-8 -> front matter (pm-front-matter) -> cmark-gfm tree
 * -> PmDocument.
 *
 * cmark counts columns in bytes and gives some nodes odd places (soft breaks 0:0, footnote
 * definitions at their text, continuation lines shifted), so every place goes through
 * place(), which clamps it into the file and counts characters. cmark-gfm also drops
 * footnote definitions nobody refers to and keeps references without a definition as plain
 * text, and it does not expose a definition's label; so definitions are found by a scan of
 * the source lines, and `[^label]` left in text becomes a reference without a body. */
#include "corpus/pm-reader.h"
#include "corpus/pm-front-matter.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

/* Longer lines are refused: no paragraph of a pamphlet is 100 kB, and line breaking a
 * paragraph costs more than linear time in its length, so such a line is junk or a file
 * that lost its line ends. */
#define MAX_LINE_BYTES 100000
/* Larger files are refused before reading them (a pamphlet's text is tens of kB). */
#define MAX_FILE_BYTES (16 * 1024 * 1024)
/* Deeper nesting of lists and quotes than this cannot be set on a page. */
#define MAX_DEPTH 32

typedef struct {
  char *label;
  char *key; /* case-folded label, as cmark-gfm matches them */
  PmSourcePos pos;
  gboolean matched;
} Definition;

typedef struct {
  const char *path;
  const char *data;
  gsize len;
  GArray *lines; /* gsize: byte offset of each line's start; [0] is line 1 */
  guint body_line;
  PmDocument *doc;
  PmDiagnostics *diags;
  char *dir;
  int list_depth;
  int next_number;
  GHashTable *note_index; /* case-folded label -> index in doc->notes + 1 (the first) */
  /* The last place counted in characters: nodes come in order along a line, so counting on
   * from there keeps a long line linear. */
  guint cache_line;
  gsize cache_byte;
  guint cache_chars;
  const char *last_byte; /* where in the data the last place() points */
} Reader;

/* [start, end) of file line LINE (from 1) without its line end. */
static void
line_span (const Reader *r, guint line, const char **start, const char **end)
{
  gsize s = g_array_index (r->lines, gsize, line - 1);
  gsize e = line < r->lines->len ? g_array_index (r->lines, gsize, line) : r->len;
  while (e > s && (r->data[e - 1] == '\n' || r->data[e - 1] == '\r'))
    e--;
  *start = r->data + s;
  *end = r->data + e;
}

/* A place in the file from a cmark place in the body (line from 1, column in bytes from 1).
 * LITERAL, if given, is the node's text: when cmark's column does not point at it, the
 * first occurrence on the line is taken instead. */
/* How far from cmark's column place() looks for a node's text: cmark is off by the
 * indentation of a container, never by much, and a bounded search keeps long lines linear. */
#define SEARCH_WINDOW 256

/* The byte offset of the occurrence of the N bytes of LITERAL in [START, START + LEN)
 * nearest to COL (within SEARCH_WINDOW), or G_MAXSIZE. */
static gsize
nearest (const char *start, gsize len, gsize col, const char *literal, gsize n)
{
  gsize best = G_MAXSIZE, best_dist = G_MAXSIZE;
  gsize from = col > SEARCH_WINDOW ? col - SEARCH_WINDOW : 0;
  gsize to = MIN (len, col + SEARCH_WINDOW);
  for (gsize i = from; i + n <= to; i++)
    if (start[i] == literal[0] && !memcmp (start + i, literal, n)) {
      gsize dist = i > col ? i - col : col - i;
      if (dist < best_dist) {
        best = i;
        best_dist = dist;
      }
    }
  return best;
}

/* The character column of byte COL of line LINE (starting at START), counted on from the
 * last one asked for when that was earlier on the same line. */
static guint
char_column (Reader *r, guint line, const char *start, gsize col)
{
  if (r->cache_line != line || r->cache_byte > col) {
    r->cache_line = line;
    r->cache_byte = 0;
    r->cache_chars = 0;
  }
  r->cache_chars += (guint)g_utf8_strlen (start + r->cache_byte, col - r->cache_byte);
  r->cache_byte = col;
  r->last_byte = start + col;
  return r->cache_chars + 1;
}

static PmSourcePos
place (Reader *r, int cline, int ccol, const char *literal, PmSourcePos fallback)
{
  if (cline <= 0 || ccol <= 0)
    return fallback;
  guint line = MIN ((guint)cline + r->body_line - 1, r->lines->len);
  const char *start, *end;
  line_span (r, line, &start, &end);
  gsize linelen = end - start;
  gsize col = MIN ((gsize)ccol - 1, linelen);
  gsize n = literal ? MIN (strcspn (literal, "\n"), 8) : 0;
  if (n > 0 && (linelen - col < n || memcmp (start + col, literal, n))) {
    /* cmark's column (or, after a hard break, its line) is off: take the occurrence of the
     * node's text nearest to it, on this line or the next two. */
    gsize found = nearest (start, linelen, col, literal, n);
    for (guint next = line + 1; found == G_MAXSIZE && next <= MIN (line + 2, r->lines->len);
         next++) {
      const char *s2, *e2;
      line_span (r, next, &s2, &e2);
      found = nearest (s2, e2 - s2, 0, literal, n);
      if (found != G_MAXSIZE) {
        line = next;
        start = s2;
        end = e2;
        linelen = e2 - s2;
      }
    }
    if (found != G_MAXSIZE)
      col = found;
    /* A mark of one repeated character (~~, ``) starts at the start of its run. */
    while (n == 1 && col > 0 && start[col - 1] == literal[0])
      col--;
  }
  /* Never count from the middle of a character. */
  while (col > 0 && col < linelen && (start[col] & 0xC0) == 0x80)
    col--;
  return (PmSourcePos){ line, char_column (r, line, start, col) };
}

static PmSourcePos
node_place (Reader *r, cmark_node *node, PmSourcePos fallback)
{
  return place (r, cmark_node_get_start_line (node), cmark_node_get_start_column (node), NULL,
                fallback);
}

static void
warn (Reader *r, PmSourcePos pos, const char *what)
{
  pm_diagnostics_add (r->diags, PM_SEVERITY_WARNING, r->path, pos.line, pos.column, "%s", what);
}

/* ---- Inlines ---- */

static void
add_inline (Reader *r, GPtrArray *out, PmInlineKind kind, guint style, const char *text,
            const char *href, PmSourcePos pos)
{
  /* Adjacent text of one style is one inline: cmark splits text at every bracket and
   * entity, which later stages need not see. */
  if (kind == PM_INLINE_TEXT && out->len > 0) {
    PmInline *last = out->pdata[out->len - 1];
    if (last->kind == PM_INLINE_TEXT && last->style == style && !g_strcmp0 (last->href, href)) {
      char *joined = g_strconcat (last->text, text, NULL);
      g_free (last->text);
      last->text = joined;
      return;
    }
  }
  PmInline *inl = g_new0 (PmInline, 1);
  inl->kind = kind;
  inl->style = style;
  inl->text = g_strdup (text);
  inl->href = g_strdup (href);
  inl->note = -1;
  inl->lang = r->doc->lang;
  inl->pos = pos;
  g_ptr_array_add (out, inl);
}

static int
find_note (Reader *r, const char *label)
{
  char *key = g_utf8_casefold (label, -1);
  int found = GPOINTER_TO_INT (g_hash_table_lookup (r->note_index, key)) - 1;
  g_free (key);
  return found;
}

/* Text, with every `[^label]` cmark left in it (a reference without a definition) made a
 * reference with no note. */
static void
add_text (Reader *r, GPtrArray *out, guint style, const char *href, const char *text,
          PmSourcePos pos)
{
  const char *p = text;
  const char *counted = text; /* characters of TEXT before COUNTED are in at.column */
  PmSourcePos at = pos;
  for (;;) {
    const char *open = strstr (p, "[^");
    const char *close = open ? strchr (open + 2, ']') : NULL;
    if (close) {
      gboolean label_ok = close > open + 2;
      for (const char *q = open + 2; q < close && label_ok; q++)
        label_ok = !g_ascii_isspace (*q) && *q != '[';
      if (!label_ok) {
        char *head = g_strndup (p, close + 1 - p);
        add_inline (r, out, PM_INLINE_TEXT, style, head, href, pos);
        g_free (head);
        p = close + 1;
        continue;
      }
      char *head = g_strndup (p, open - p);
      if (*head)
        add_inline (r, out, PM_INLINE_TEXT, style, head, href, pos);
      g_free (head);
      char *label = g_strndup (open + 2, close - open - 2);
      at.column += (guint)g_utf8_strlen (counted, open - counted);
      counted = open;
      add_inline (r, out, PM_INLINE_NOTE_REF, style, label, href, at);
      g_free (label);
      p = close + 1;
    } else {
      if (*p)
        add_inline (r, out, PM_INLINE_TEXT, style, p, href, pos);
      return;
    }
  }
}

/* The label of the `[^label]` place() last found. cmark-gfm gives a reference's number, not its
 * label, so it is read from the source. */
static char *
label_at (const Reader *r)
{
  const char *p = r->last_byte, *end = r->data + r->len;
  const char *eol = memchr (p, '\n', end - p);
  if (eol)
    end = eol;
  if (end - p >= 3 && p[0] == '[' && p[1] == '^') {
    const char *close = memchr (p + 2, ']', end - p - 2);
    if (close)
      return g_strndup (p + 2, close - p - 2);
  }
  return g_strdup ("?");
}

static gboolean
is_html_comment (const char *html)
{
  while (g_ascii_isspace (*html))
    html++;
  return g_str_has_prefix (html, "<!--");
}

/* What the source of inline N starts with, to correct cmark's column by (see place()). */
static char *
inline_hint (cmark_node *n)
{
  const char *lit = cmark_node_get_literal (n);
  switch (cmark_node_get_type (n)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_HTML_INLINE:
      return g_strdup (lit);
    case CMARK_NODE_CODE:
      return g_strdup ("`");
    case CMARK_NODE_IMAGE:
      return g_strdup ("![");
    case CMARK_NODE_FOOTNOTE_REFERENCE:
      return g_strdup ("[^");
    default:
      if (!strcmp (cmark_node_get_type_string (n), "strikethrough"))
        return g_strdup ("~");
      return NULL;
  }
}

static void
read_inlines (Reader *r, cmark_node *parent, GPtrArray *out, guint style, const char *href,
              PmSourcePos fallback, int depth)
{
  for (cmark_node *n = cmark_node_first_child (parent); n; n = cmark_node_next (n)) {
    const char *lit = cmark_node_get_literal (n);
    char *hint = inline_hint (n);
    PmSourcePos pos =
        place (r, cmark_node_get_start_line (n), cmark_node_get_start_column (n), hint, fallback);
    g_free (hint);
    fallback = pos;
    if (depth > MAX_DEPTH) {
      warn (r, pos, "emphasis and links nested this deeply are dropped; simplify the markup");
      return;
    }
    switch (cmark_node_get_type (n)) {
      case CMARK_NODE_TEXT:
        add_text (r, out, style, href, lit ? lit : "", pos);
        break;
      case CMARK_NODE_SOFTBREAK:
        add_inline (r, out, PM_INLINE_TEXT, style, " ", href, pos);
        break;
      case CMARK_NODE_LINEBREAK:
        add_inline (r, out, PM_INLINE_LINE_BREAK, style, NULL, href, pos);
        break;
      case CMARK_NODE_CODE:
        add_inline (r, out, PM_INLINE_TEXT, style | PM_INLINE_CODE, lit ? lit : "", href, pos);
        break;
      case CMARK_NODE_HTML_INLINE:
        if (!is_html_comment (lit ? lit : ""))
          warn (r, pos, "raw HTML is dropped by the typesetter; write it as Markdown or remove it");
        break;
      case CMARK_NODE_EMPH:
        read_inlines (r, n, out, style | PM_INLINE_ITALIC, href, pos, depth + 1);
        break;
      case CMARK_NODE_STRONG:
        read_inlines (r, n, out, style | PM_INLINE_BOLD, href, pos, depth + 1);
        break;
      case CMARK_NODE_LINK:
        read_inlines (r, n, out, style | PM_INLINE_LINK, cmark_node_get_url (n), pos, depth + 1);
        break;
      case CMARK_NODE_IMAGE:
        warn (r, pos,
              "an image inside a paragraph is dropped; put the image in a paragraph of its own");
        break;
      case CMARK_NODE_FOOTNOTE_REFERENCE: {
        char *label = label_at (r);
        int note = find_note (r, label);
        add_inline (r, out, PM_INLINE_NOTE_REF, style, label, href, pos);
        g_free (label);
        PmInline *inl = out->pdata[out->len - 1];
        inl->note = note;
        if (note >= 0) {
          PmNote *pn = r->doc->notes->pdata[note];
          if (pn->number == 0)
            pn->number = ++r->next_number;
        }
        break;
      }
      default:
        if (!strcmp (cmark_node_get_type_string (n), "strikethrough"))
          warn (r, pos,
                "strikethrough is dropped by the typesetter (the text is kept); remove "
                "the ~~ marks");
        read_inlines (r, n, out, style, href, pos, depth + 1);
        break;
    }
  }
}

/* ---- Blocks ---- */

static PmBlock *
block_new (Reader *r, PmBlockKind kind, PmSourcePos pos)
{
  PmBlock *b = g_new0 (PmBlock, 1);
  b->kind = kind;
  b->pos = pos;
  b->lang = r->doc->lang;
  return b;
}

static GPtrArray *
inline_array (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)pm_inline_free);
}

static GPtrArray *
block_array (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)pm_block_free);
}

/* The image of a paragraph that holds only an image (and white space), or NULL. */
static cmark_node *
lone_image (cmark_node *para)
{
  cmark_node *image = NULL;
  for (cmark_node *n = cmark_node_first_child (para); n; n = cmark_node_next (n)) {
    cmark_node_type t = cmark_node_get_type (n);
    if (t == CMARK_NODE_IMAGE && !image)
      image = n;
    else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
      continue;
    else if (t == CMARK_NODE_TEXT) {
      for (const char *p = cmark_node_get_literal (n); p && *p; p++)
        if (!g_ascii_isspace (*p))
          return NULL;
    } else
      return NULL;
  }
  return image;
}

static void
flatten_text (cmark_node *node, GString *out)
{
  for (cmark_node *n = cmark_node_first_child (node); n; n = cmark_node_next (n)) {
    const char *lit = cmark_node_get_literal (n);
    if (cmark_node_get_type (n) == CMARK_NODE_SOFTBREAK)
      g_string_append_c (out, ' ');
    else if (lit && cmark_node_get_type (n) != CMARK_NODE_HTML_INLINE)
      g_string_append (out, lit);
    flatten_text (n, out);
  }
}

static PmBlock *
image_block (Reader *r, cmark_node *image, PmSourcePos pos)
{
  PmBlock *b = block_new (r, PM_BLOCK_IMAGE, pos);
  GString *alt = g_string_new (NULL);
  const char *url = cmark_node_get_url (image);
  b->src = g_strdup (url ? url : "");
  flatten_text (image, alt);
  b->alt = g_string_free (alt, FALSE);
  if (*b->src && !strstr (b->src, "://")) {
    char *plain = g_uri_unescape_string (b->src, NULL);
    const char *p = plain ? plain : b->src;
    b->path = g_path_is_absolute (p) ? g_strdup (p) : g_build_filename (r->dir, p, NULL);
    g_free (plain);
  }
  return b;
}

static void read_blocks (Reader *r, cmark_node *parent, GPtrArray *out, PmSourcePos fallback,
                         int depth);

static void
read_block (Reader *r, cmark_node *n, GPtrArray *out, PmSourcePos pos, int depth)
{
  PmBlock *b = NULL;
  cmark_node *image;
  const char *type_name = cmark_node_get_type_string (n);

  switch (cmark_node_get_type (n)) {
    case CMARK_NODE_PARAGRAPH:
      if ((image = lone_image (n))) {
        b = image_block (r, image, pos);
        break;
      }
      b = block_new (r, PM_BLOCK_PARAGRAPH, pos);
      b->inlines = inline_array ();
      read_inlines (r, n, b->inlines, 0, NULL, pos, 0);
      if (b->inlines->len == 0) {
        pm_block_free (b); /* held only dropped markup, warned about already */
        b = NULL;
      }
      break;
    case CMARK_NODE_HEADING:
      b = block_new (r, PM_BLOCK_HEADING, pos);
      b->level = cmark_node_get_heading_level (n);
      b->inlines = inline_array ();
      read_inlines (r, n, b->inlines, 0, NULL, pos, 0);
      break;
    case CMARK_NODE_LIST:
      b = block_new (r, PM_BLOCK_LIST, pos);
      b->level = ++r->list_depth;
      b->ordered = cmark_node_get_list_type (n) == CMARK_ORDERED_LIST;
      b->start = b->ordered ? cmark_node_get_list_start (n) : 0;
      b->tight = cmark_node_get_list_tight (n);
      b->children = block_array ();
      for (cmark_node *item = cmark_node_first_child (n); item; item = cmark_node_next (item)) {
        PmSourcePos ipos = node_place (r, item, pos);
        PmBlock *ib = block_new (r, PM_BLOCK_ITEM, ipos);
        ib->children = block_array ();
        read_blocks (r, item, ib->children, ipos, depth + 1);
        g_ptr_array_add (b->children, ib);
      }
      r->list_depth--;
      break;
    case CMARK_NODE_BLOCK_QUOTE:
      b = block_new (r, PM_BLOCK_QUOTE, pos);
      b->children = block_array ();
      read_blocks (r, n, b->children, pos, depth + 1);
      break;
    case CMARK_NODE_THEMATIC_BREAK:
      b = block_new (r, PM_BLOCK_RULE, pos);
      break;
    case CMARK_NODE_CODE_BLOCK:
      warn (r, pos,
            "a code block is dropped by the typesetter; indent text by fewer than 4 spaces, "
            "or remove the ``` fence");
      break;
    case CMARK_NODE_HTML_BLOCK:
      if (!is_html_comment (cmark_node_get_literal (n) ? cmark_node_get_literal (n) : ""))
        warn (r, pos, "raw HTML is dropped by the typesetter; write it as Markdown or remove it");
      break;
    case CMARK_NODE_FOOTNOTE_DEFINITION:
      break; /* read with the notes */
    default: {
      char *what = g_strdup_printf ("a %s is dropped by the typesetter; write it as paragraphs "
                                    "or a list",
                                    type_name);
      warn (r, pos, what);
      g_free (what);
      break;
    }
  }
  if (b)
    g_ptr_array_add (out, b);
}

static void
read_blocks (Reader *r, cmark_node *parent, GPtrArray *out, PmSourcePos fallback, int depth)
{
  for (cmark_node *n = cmark_node_first_child (parent); n; n = cmark_node_next (n)) {
    PmSourcePos pos = node_place (r, n, fallback);
    if (depth > MAX_DEPTH) {
      warn (r, pos, "lists and quotes nested this deeply are dropped; nest less");
      return;
    }
    read_block (r, n, out, pos, depth);
  }
}

/* ---- Footnote definitions ---- */

/* Every `[^label]:` at the start of a body line (or of a quote's line) outside fenced code,
 * in order. */
static void
scan_definitions (Reader *r, guint from_line)
{
  gboolean fenced = FALSE;
  char fence = 0;
  for (guint line = from_line; line <= r->lines->len; line++) {
    const char *s, *e;
    line_span (r, line, &s, &e);
    const char *p = s;
    /* block quote marks, then up to three spaces */
    for (const char *q = p;; p = q) {
      while (q < e && *q == ' ' && q - p < 3)
        q++;
      if (q < e && *q == '>')
        q++;
      else
        break;
    }
    while (p < e && *p == ' ' && p - s < 3)
      p++;
    if (e - p >= 3 && (*p == '`' || *p == '~') && p[1] == *p && p[2] == *p) {
      if (!fenced) {
        fenced = TRUE;
        fence = *p;
      } else if (*p == fence)
        fenced = FALSE;
      continue;
    }
    if (fenced || e - p < 5 || p[0] != '[' || p[1] != '^')
      continue;
    const char *q = p + 2;
    while (q < e && *q != ']' && !g_ascii_isspace (*q) && *q != '[')
      q++;
    if (q == p + 2 || q + 1 >= e || q[0] != ']' || q[1] != ':')
      continue;
    PmNote *note = g_new0 (PmNote, 1);
    note->label = g_strndup (p + 2, q - p - 2);
    note->pos = (PmSourcePos){ line, (guint)g_utf8_strlen (s, p - s) + 1 };
    note->blocks = block_array ();
    char *key = g_utf8_casefold (note->label, -1);
    if (g_hash_table_contains (r->note_index, key)) {
      pm_diagnostics_add (r->diags, PM_SEVERITY_WARNING, r->path, note->pos.line, note->pos.column,
                          "the note [^%s] is defined twice; the later one is ignored, delete it",
                          note->label);
      g_free (key);
    } else
      g_hash_table_insert (r->note_index, key, GINT_TO_POINTER (r->doc->notes->len + 1));
    g_ptr_array_add (r->doc->notes, note);
  }
}

/* cmark-gfm moves the definitions it kept to the end of the document, in order of first
 * reference; each belongs to the last scanned definition at or before its first line. */
static void
read_notes (Reader *r, cmark_node *root)
{
  for (cmark_node *n = cmark_node_first_child (root); n; n = cmark_node_next (n)) {
    if (cmark_node_get_type (n) != CMARK_NODE_FOOTNOTE_DEFINITION)
      continue;
    PmSourcePos pos = node_place (r, n, (PmSourcePos){ r->body_line, 1 });
    /* notes are in line order: the last one at or before POS */
    PmNote *note = NULL;
    guint lo = 0, hi = r->doc->notes->len;
    while (lo < hi) {
      guint mid = (lo + hi) / 2;
      if (((PmNote *)r->doc->notes->pdata[mid])->pos.line <= pos.line)
        lo = mid + 1;
      else
        hi = mid;
    }
    if (lo > 0)
      note = r->doc->notes->pdata[lo - 1];
    if (!note || note->blocks->len > 0)
      continue; /* a definition the scan cannot place (inside a quote): nothing to attach */
    read_blocks (r, n, note->blocks, pos, 1);
  }
}

/* ---- The file ---- */

/* Checks that DATA is UTF-8 without NUL bytes and no line is too long, and indexes lines. */
static gboolean
check_text (Reader *r)
{
  const char *end = NULL;
  gboolean valid = g_utf8_validate_len (r->data, r->len, &end);
  gsize limit = valid ? r->len : (gsize)(end - r->data);
  gsize line_start = 0;

  g_array_append_val (r->lines, line_start);
  for (gsize i = 0; i <= limit; i++) {
    if (i == limit || r->data[i] == '\n') {
      if (i - line_start > MAX_LINE_BYTES) {
        const char *s = r->data + line_start;
        pm_diagnostics_add (r->diags, PM_SEVERITY_ERROR, r->path, r->lines->len,
                            (guint)g_utf8_strlen (s, MAX_LINE_BYTES) + 1,
                            "this line is %" G_GSIZE_FORMAT " bytes long, more than the %d a "
                            "paragraph may have; break it into paragraphs at blank lines",
                            i - line_start, MAX_LINE_BYTES);
        return FALSE;
      }
      if (i < limit) {
        line_start = i + 1;
        if (line_start < r->len || valid)
          g_array_append_val (r->lines, line_start);
      }
    }
  }
  if (!valid) {
    guint col = (guint)g_utf8_strlen (r->data + line_start, end - (r->data + line_start)) + 1;
    if (*end == '\0')
      pm_diagnostics_add (r->diags, PM_SEVERITY_ERROR, r->path, r->lines->len, col,
                          "a NUL byte: this is binary data, not text; give a UTF-8 Markdown file");
    else
      pm_diagnostics_add (r->diags, PM_SEVERITY_ERROR, r->path, r->lines->len, col,
                          "invalid UTF-8 (byte 0x%02X); save the file as UTF-8 in your editor, "
                          "or convert it with iconv",
                          (guchar)*end);
    return FALSE;
  }
  return TRUE;
}

static void
fill_front_matter (PmDocument *doc, const PmFrontMatter *fm)
{
  char **fields[] = { &doc->lang, &doc->title, &doc->kind, &doc->source, &doc->translator };
  const char *keys[] = { "lang", "title", "kind", "source", "translator" };
  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++) {
    const PmFrontMatterEntry *e = pm_front_matter_lookup (fm, keys[i]);
    if (e && e->value)
      *fields[i] = g_strdup (e->value);
  }
  const PmFrontMatterEntry *title = pm_front_matter_lookup (fm, "title");
  if (title && title->value)
    doc->title_pos = title->value_pos;
  for (guint i = 0; i < pm_front_matter_length (fm); i++) {
    const PmFrontMatterEntry *e = pm_front_matter_entry (fm, i);
    if (e->value)
      g_hash_table_insert (doc->meta, g_strdup (e->key), g_strdup (e->value));
  }
}

PmDocument *
pm_reader_read_data (const char *path, const char *data, gsize len, PmDiagnostics *diags)
{
  Reader r = { 0 };
  r.path = path;
  r.data = data;
  r.len = len;
  r.diags = diags;
  r.lines = g_array_new (FALSE, FALSE, sizeof (gsize));
  r.last_byte = data;
  r.note_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!check_text (&r)) {
    g_array_unref (r.lines);
    g_hash_table_unref (r.note_index);
    return NULL;
  }
  PmFrontMatter *fm = pm_front_matter_read (path, data, len, diags);
  if (!fm) {
    g_array_unref (r.lines);
    g_hash_table_unref (r.note_index);
    return NULL;
  }

  PmDocument *doc = g_new0 (PmDocument, 1);
  doc->path = g_strdup (path);
  doc->meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  doc->blocks = block_array ();
  doc->notes = g_ptr_array_new ();
  fill_front_matter (doc, fm);
  r.doc = doc;
  r.dir = g_path_get_dirname (path);
  r.body_line = pm_front_matter_body_line (fm);
  gsize body = pm_front_matter_body_offset (fm);
  pm_front_matter_free (fm);
  if (r.body_line > r.lines->len) { /* the closing `---` ended the file */
    gsize end = len;
    g_array_append_val (r.lines, end);
  }

  scan_definitions (&r, r.body_line);

  cmark_gfm_core_extensions_ensure_registered ();
  cmark_parser *parser = cmark_parser_new (CMARK_OPT_FOOTNOTES);
  const char *extensions[] = { "footnotes", "autolink", "strikethrough", "table" };
  for (gsize i = 0; i < G_N_ELEMENTS (extensions); i++) {
    cmark_syntax_extension *ext = cmark_find_syntax_extension (extensions[i]);
    if (ext)
      cmark_parser_attach_syntax_extension (parser, ext);
  }
  cmark_parser_feed (parser, data + body, len - body);
  cmark_node *root = cmark_parser_finish (parser);
  cmark_parser_free (parser);

  read_blocks (&r, root, doc->blocks, (PmSourcePos){ r.body_line, 1 }, 0);
  read_notes (&r, root);
  cmark_node_free (root);
  g_free (r.dir);
  g_array_unref (r.lines);
  g_hash_table_unref (r.note_index);
  return doc;
}

PmDocument *
pm_reader_read_file (const char *path, PmDiagnostics *diags)
{
  GStatBuf st;
  if (g_stat (path, &st) != 0) {
    int err = errno;
    pm_diagnostics_add (
        diags, PM_SEVERITY_ERROR, path, 1, 1, "cannot read the file: %s; %s", g_strerror (err),
        err == ENOENT ? "check the name and the directory" : "check its permissions");
    return NULL;
  }
  if (S_ISDIR (st.st_mode)) {
    pm_diagnostics_add (diags, PM_SEVERITY_ERROR, path, 1, 1,
                        "this is a directory; give the Markdown files in it (%s/*.md)", path);
    return NULL;
  }
  if (!S_ISREG (st.st_mode)) {
    pm_diagnostics_add (diags, PM_SEVERITY_ERROR, path, 1, 1,
                        "this is not a regular file; give a Markdown file");
    return NULL;
  }
  if (st.st_size > MAX_FILE_BYTES) {
    pm_diagnostics_add (diags, PM_SEVERITY_ERROR, path, 1, 1,
                        "the file is %lld bytes, more than the %d a corpus file may have; split "
                        "it into one file per text",
                        (long long)st.st_size, MAX_FILE_BYTES);
    return NULL;
  }
  char *data = NULL;
  gsize len = 0;
  GError *error = NULL;
  if (!g_file_get_contents (path, &data, &len, &error)) {
    pm_diagnostics_add (diags, PM_SEVERITY_ERROR, path, 1, 1, "cannot read the file: %s",
                        error->message);
    g_error_free (error);
    return NULL;
  }
  PmDocument *doc = pm_reader_read_data (path, data, len, diags);
  g_free (data);
  return doc;
}
