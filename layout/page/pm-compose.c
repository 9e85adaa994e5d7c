/* pm-compose.c: documents and style to pages of pieces. */
#include "page/pm-compose.h"
#include "base/pm-data.h"
#include "base/pm-error.h"
#include "base/pm-prefault.h"

#include <stdlib.h>
#include <string.h>

struct _PmComposition {
  PmFonts *fonts;
  const PmStyle *style;
  PmParagraphBuilder *builder; /* the calling thread's */
  GPtrArray *helpers;          /* PmParagraphBuilder *: the other threads' */
  PmPages *pages;
  GPtrArray *sections;   /* PmSection * */
  GPtrArray *pieces;     /* PmPiece * */
  GPtrArray *paragraphs; /* PmParagraph *, owned */
  GPtrArray *files;      /* char * */
  GHashTable *file_set;  /* the same paths, to add each once */
  PmParagraph *cover_text[2][3];
  char *title;
  char *cover_langs[2];
  gint64 date;
};

/* Where set material goes: the composition's own (cover, imprint, contents), or a text's,
 * set on whichever thread is free and merged into the composition in order. */
typedef struct {
  PmParagraphBuilder *builder; /* the thread's, borrowed */
  PmPageBuilder *pb;
  GPtrArray *pieces;     /* PmPiece * */
  GPtrArray *paragraphs; /* PmParagraph * */
  GPtrArray *files;      /* char *: files read, in order */
  PmDiagnostics *diags;
} Sink;

/* State while one section's material is handed to the page builder. */
typedef struct {
  PmComposition *comp;
  Sink *sink;
  guint section;
  const PmDocument *doc;
  GArray *notes;          /* PmPageNote per PmNote index (n_lines 0 when unset) */
  gboolean after_heading; /* the next paragraph follows a heading: no indent */
  double column_width;
} Setter;

static void
piece_free (PmPiece *p)
{
  g_free (p->dest);
  g_free (p->alt);
  if (p->image)
    cairo_surface_destroy (p->image);
  g_free (p);
}

static void
section_free (PmSection *s)
{
  g_free (s->title);
  g_free (s->dest);
  g_free (s);
}

void
pm_composition_free (PmComposition *comp)
{
  if (!comp)
    return;
  if (comp->pages)
    pm_pages_free (comp->pages);
  g_ptr_array_unref (comp->sections);
  g_ptr_array_unref (comp->pieces);
  g_ptr_array_unref (comp->paragraphs);
  g_ptr_array_unref (comp->files);
  g_hash_table_unref (comp->file_set);
  if (comp->helpers)
    g_ptr_array_unref (comp->helpers);
  if (comp->builder)
    pm_paragraph_builder_free (comp->builder);
  g_free (comp->title);
  g_free (comp->cover_langs[0]);
  g_free (comp->cover_langs[1]);
  g_free (comp);
}

static void
sink_add_file (Sink *sink, const char *path)
{
  g_ptr_array_add (sink->files, g_strdup (path));
}

static void
add_file (PmComposition *comp, const char *path)
{
  if (!path || g_hash_table_contains (comp->file_set, path))
    return;
  char *copy = g_strdup (path);
  g_ptr_array_add (comp->files, copy);
  g_hash_table_add (comp->file_set, copy);
}

static PmPiece *
piece_new (Sink *sink, PmPieceKind kind, guint section)
{
  PmPiece *p = g_new0 (PmPiece, 1);
  p->kind = kind;
  p->section = section;
  p->note = -1;
  p->contents_section = -1;
  g_ptr_array_add (sink->pieces, p);
  return p;
}

/* The style sheet's protrusion table, as the paragraph engine asks for it. */
static double
style_protrusion (gconstpointer data, gunichar c, gboolean right)
{
  return pm_style_protrusion (data, c, right);
}

void
pm_compose_paragraph_style (const PmStyle *style, const char *element, const char *lang,
                            PmParagraphStyle *ps, PmColor *color)
{
  PmTextStyle ts = pm_style_get_text (style, element, lang);
  const PmLangStyle *ls = pm_style_get_lang (style, lang);
  const PmNoteStyle *ns = pm_style_get_notes (style);

  pm_paragraph_style_init (ps);
  ps->family = ts.family;
  ps->size = ts.size;
  ps->weight = ts.weight;
  ps->features = ts.features;
  ps->lang = lang;
  ps->leading = ts.leading;
  switch (ts.align) {
    case PM_TEXT_ALIGN_JUSTIFY:
      ps->align = PM_ALIGN_JUSTIFY;
      break;
    case PM_TEXT_ALIGN_CENTER:
      ps->align = PM_ALIGN_CENTER;
      break;
    default:
      ps->align = PM_ALIGN_RAGGED_RIGHT;
      break;
  }
  ps->first_indent = ts.indent;
  ps->left_indent = ts.margin_left;
  ps->right_indent = ts.margin_right;
  ps->hyphenate = ts.hyphenate;
  ps->hyphenate_capitalised = ts.hyphenate_capitalised;
  ps->hyphenate_last_word = ts.hyphenate_last_word;
  ps->left_min = ls->hyphen_min_left;
  ps->right_min = ls->hyphen_min_right;
  ps->min_word = ls->hyphen_min_word;
  ps->protrude = ts.protrusion;
  ps->protrusion_func = style_protrusion;
  ps->protrusion_data = style;
  ps->expansion = ts.expansion;
  ps->word_spacing = ts.word_spacing;
  ps->space_stretch = ts.space_stretch;
  ps->space_shrink = ts.space_shrink;
  ps->italic = ts.italic;
  ps->tolerance = ts.tolerance;
  ps->pretolerance = ts.pretolerance;
  ps->line_penalty = ts.line_penalty;
  ps->hyphen_penalty = ts.hyphen_penalty;
  ps->ex_hyphen_penalty = ts.ex_hyphen_penalty;
  ps->double_hyphen_demerits = ts.double_hyphen_demerits;
  ps->final_hyphen_demerits = ts.final_hyphen_demerits;
  ps->max_hyphen_run = (guint)ts.hyphenate_limit_lines;
  ps->adj_demerits = ts.adj_demerits;
  ps->emergency_stretch = ts.emergency_stretch;
  ps->note_scale = ns->mark_scale;
  ps->note_rise = ns->mark_raise;
  if (color)
    *color = ts.color;
}

/* Whether TAG is LANG or a variant of it ("ru-RU" for "ru"). */
static gboolean
lang_matches (const char *tag, const char *lang)
{
  gsize n = strlen (lang);
  return !g_ascii_strncasecmp (tag, lang, n) && (tag[n] == 0 || tag[n] == '-');
}

static GPtrArray *
text_inlines (const char *text, const char *lang, guint style_bits)
{
  GPtrArray *inlines = g_ptr_array_new_with_free_func ((GDestroyNotify)pm_inline_free);
  PmInline *inl = g_new0 (PmInline, 1);
  inl->kind = PM_INLINE_TEXT;
  inl->style = style_bits;
  inl->text = g_strdup (text);
  inl->note = -1;
  inl->lang = lang;
  g_ptr_array_add (inlines, inl);
  return inlines;
}

/* The heading a document without a front matter title is named by. */
static const PmBlock *
first_heading (const PmDocument *doc)
{
  for (guint i = 0; i < doc->blocks->len; i++) {
    const PmBlock *b = g_ptr_array_index (doc->blocks, i);
    if (b->kind == PM_BLOCK_HEADING)
      return b;
  }
  return NULL;
}

/* The document's title: its front matter's, or the text of its first heading. */
static char *
document_title (const PmDocument *doc)
{
  if (doc->title && *doc->title)
    return g_strdup (doc->title);
  const PmBlock *h = first_heading (doc);
  return h ? pm_inlines_to_text (h->inlines) : g_path_get_basename (doc->path);
}

/* TEXT, DOC's title (perhaps in capitals), as inlines placed where the title is written, and
 * the builder told the file: a character no font has is reported there. */
static GPtrArray *
title_inlines (PmParagraphBuilder *builder, const PmDocument *doc, const char *text,
               const char *lang)
{
  GPtrArray *inlines = text_inlines (text, lang, 0);
  PmInline *inl = g_ptr_array_index (inlines, 0);
  const PmBlock *h = first_heading (doc);
  if (doc->title && *doc->title)
    inl->pos = doc->title_pos;
  else if (h && h->inlines->len)
    inl->pos = ((const PmInline *)g_ptr_array_index (h->inlines, 0))->pos;
  pm_paragraph_builder_set_source (builder, doc->path);
  return inlines;
}

/* Sets INLINES; the paragraph belongs to SINK. */
static PmParagraph *
set_paragraph (Sink *sink, const GPtrArray *inlines, const PmParagraphStyle *ps, double width,
               int looseness, PmDiagnostics *diags, GError **error)
{
  PmParagraph *p =
      pm_paragraph_builder_build (sink->builder, inlines, ps, width, looseness, diags, error);
  if (p)
    g_ptr_array_add (sink->paragraphs, p);
  return p;
}

PmParagraph *
pm_composition_set_text (PmComposition *comp, const char *element, const char *lang,
                         const char *text, double width, GError **error)
{
  PmParagraphStyle ps;
  pm_compose_paragraph_style (comp->style, element, lang, &ps, NULL);
  g_autoptr (GPtrArray) inlines = text_inlines (text, lang, 0);
  return pm_paragraph_builder_build (comp->builder, inlines, &ps, width, 0, NULL, error);
}

/* PmPageLines for the lines of P, each with a LINE piece; notes from the setter. */
static PmPageLine *
page_lines (Setter *st, const PmParagraph *p, double x, const PmColor *color, GArray *note_refs)
{
  guint n = pm_paragraph_get_n_lines (p);
  PmPageLine *lines = g_new0 (PmPageLine, n);
  double broken_penalty =
      pm_style_get_text (st->comp->style, "body", st->doc ? st->doc->lang : NULL).broken_penalty;
  for (guint i = 0; i < n; i++) {
    const PmLine *line = pm_paragraph_get_line (p, i);
    PmPiece *piece = piece_new (st->sink, PM_PIECE_LINE, st->section);
    piece->paragraph = p;
    piece->line = i;
    piece->x = x;
    piece->color = *color;
    /* As TeX's \baselineskip: consecutive lines sit one leading apart even where the
     * font's ascent and descent (room for accents) add up to more. */
    double leading = pm_paragraph_get_leading (p);
    lines[i].depth = MIN (line->descent, leading * 0.3);
    lines[i].height = MIN (line->ascent, leading - lines[i].depth);
    /* A page break after a hyphen costs extra (TeX's \brokenpenalty). */
    lines[i].penalty = line->hyphenated ? (int)broken_penalty : 0;
    lines[i].user = piece;
    if (note_refs && st->notes && line->n_notes > 0) {
      /* The page notes of this line sit in NOTE_REFS, contiguous, from here. */
      guint start = note_refs->len;
      for (guint k = 0; k < line->n_notes; k++) {
        int idx = line->notes[k];
        if (idx >= 0 && (guint)idx < st->notes->len) {
          PmPageNote *pn = &g_array_index (st->notes, PmPageNote, idx);
          if (pn->n_lines > 0)
            g_array_append_val (note_refs, *pn);
        }
      }
      lines[i].n_notes = note_refs->len - start;
      lines[i].notes = GUINT_TO_POINTER (start + 1); /* fixed up by the caller */
    }
  }
  return lines;
}

/* page_lines() stores note offsets; point them into NOTE_REFS once it has stopped growing. */
static void
fix_note_pointers (PmPageLine *lines, guint n, GArray *note_refs)
{
  for (guint i = 0; i < n; i++)
    if (lines[i].n_notes > 0)
      lines[i].notes =
          &g_array_index (note_refs, PmPageNote, GPOINTER_TO_UINT (lines[i].notes) - 1);
}

/* The loosest and the tightest glue of P's justified lines (adjustment ratios; the last line
 * and lines ended by a forced break are set naturally and do not count). */
static void
ratio_range (const PmParagraph *p, double *lo, double *hi)
{
  *lo = 0;
  *hi = 0;
  for (guint i = 0; i < pm_paragraph_get_n_lines (p); i++) {
    const PmLine *l = pm_paragraph_get_line (p, i);
    if (l->last || l->forced)
      continue;
    *lo = MIN (*lo, l->ratio);
    *hi = MAX (*hi, l->ratio);
  }
}

/* Whether ALT, a shorter or longer setting of a paragraph set as NORMAL, is good enough to
 * trade for a widow or an orphan: no line looser than the glue's full stretch (ratio 1) or
 * tighter than three quarters of its shrink, unless the normal setting has such lines too. */
static gboolean
alternative_ok (const PmParagraph *alt, const PmParagraph *normal)
{
  double lo, hi, nlo, nhi;
  ratio_range (alt, &lo, &hi);
  ratio_range (normal, &nlo, &nhi);
  return hi <= MAX (1.0, nhi) + 1e-9 && lo >= MIN (-0.75, nlo) - 1e-9;
}

/* Adds a body paragraph, with its shorter and longer settings for widow control. */
static gboolean
add_paragraph (Setter *st, const GPtrArray *inlines, const char *element, double left,
               const PmParagraph *marker, double marker_x, GError **error)
{
  PmComposition *comp = st->comp;
  PmParagraphStyle ps;
  PmColor color;
  PmTextStyle ts = pm_style_get_text (comp->style, element, st->doc->lang);
  pm_compose_paragraph_style (comp->style, element, st->doc->lang, &ps, &color);
  ps.left_indent += left;
  if (st->after_heading && !ts.indent_after_heading)
    ps.first_indent = 0;
  if (marker)
    ps.first_indent = 0;
  st->after_heading = FALSE;

  Sink *sink = st->sink;
  PmParagraph *normal = set_paragraph (sink, inlines, &ps, st->column_width, 0, sink->diags, error);
  if (!normal)
    return FALSE;
  guint n = pm_paragraph_get_n_lines (normal);
  if (n == 0)
    return TRUE;

  g_autoptr (GArray) refs = g_array_new (FALSE, FALSE, sizeof (PmPageNote));
  PmPageLine *lines = page_lines (st, normal, 0, &color, refs);
  PmPiece *first = g_ptr_array_index (sink->pieces, sink->pieces->len - n);
  first->marker = marker;
  first->marker_x = marker_x;

  /* Other settings, one line shorter and one longer, let the page builder remove a widow
   * or an orphan without leaving a page short. */
  PmPageLine *alt[2] = { NULL, NULL };
  PmPageLines alt_lines[2] = { { NULL, 0 }, { NULL, 0 } };
  if (n >= 2) {
    /* From the normal setting's items: only the breaker runs again, once for both. */
    static const int loose[2] = { -1, 1 };
    PmParagraph *settings[2];
    pm_paragraph_builder_rebuild_loose (sink->builder, &ps, st->column_width, loose, 2, settings,
                                        NULL, NULL);
    for (int k = 0; k < 2; k++) {
      int looseness = loose[k];
      PmParagraph *p = settings[k];
      if (p)
        g_ptr_array_add (sink->paragraphs, p);
      if (!p || pm_paragraph_get_n_lines (p) != n + looseness ||
          pm_paragraph_count_overfull (p) > 0 || !alternative_ok (p, normal))
        continue;
      alt[k] = page_lines (st, p, 0, &color, refs);
      alt_lines[k].n_lines = pm_paragraph_get_n_lines (p);
      PmPiece *f = g_ptr_array_index (sink->pieces, sink->pieces->len - alt_lines[k].n_lines);
      f->marker = marker;
      f->marker_x = marker_x;
    }
  }
  fix_note_pointers (lines, n, refs);
  for (int k = 0; k < 2; k++)
    if (alt[k]) {
      fix_note_pointers (alt[k], alt_lines[k].n_lines, refs);
      alt_lines[k].lines = alt[k];
    }

  PmParagraphPenalties pen;
  pm_paragraph_penalties_init (&pen);
  pen.widow = (int)MIN (ts.widow_penalty, PM_PAGE_PENALTY_INF);
  pen.orphan = (int)MIN (ts.orphan_penalty, PM_PAGE_PENALTY_INF);
  pm_page_builder_add_paragraph (sink->pb, lines, n, &pen, alt[0] ? &alt_lines[0] : NULL,
                                 alt[1] ? &alt_lines[1] : NULL);
  g_free (lines);
  g_free (alt[0]);
  g_free (alt[1]);
  return TRUE;
}

static gboolean
add_heading_text (Setter *st, const GPtrArray *inlines, int level, const char *dest, GError **error)
{
  PmComposition *comp = st->comp;
  char element[4];
  g_snprintf (element, sizeof element, "h%d", CLAMP (level, 1, 4));
  const char *lang = st->doc ? st->doc->lang
                             : ((PmSection *)g_ptr_array_index (comp->sections, st->section))->lang;
  PmTextStyle ts = pm_style_get_text (comp->style, element, lang);
  PmParagraphStyle ps;
  PmColor color;
  pm_compose_paragraph_style (comp->style, element, lang, &ps, &color);
  ps.first_indent = 0;
  ps.emergency_stretch = ts.size * 3; /* a heading is ragged or centred: never overfull */

  g_autoptr (GPtrArray) upper = NULL;
  if (ts.uppercase) {
    upper = g_ptr_array_new_with_free_func ((GDestroyNotify)pm_inline_free);
    for (guint i = 0; i < inlines->len; i++) {
      const PmInline *src = g_ptr_array_index (inlines, i);
      PmInline *inl = g_new0 (PmInline, 1);
      *inl = *src;
      inl->text = src->text ? g_utf8_strup (src->text, -1) : NULL;
      inl->href = g_strdup (src->href);
      g_ptr_array_add (upper, inl);
    }
    inlines = upper;
  }
  PmParagraph *p =
      set_paragraph (st->sink, inlines, &ps, st->column_width, 0, st->sink->diags, error);
  if (!p)
    return FALSE;
  guint n = pm_paragraph_get_n_lines (p);
  if (n == 0)
    return TRUE;
  PmPageLine *lines = page_lines (st, p, 0, &color, NULL);
  for (guint i = 0; i < n; i++) {
    PmPiece *piece = lines[i].user;
    piece->heading = TRUE;
    piece->heading_level = level;
  }
  if (dest)
    ((PmPiece *)lines[0].user)->dest = g_strdup (dest);
  if (ts.space_before > 0)
    pm_page_builder_add_space (st->sink->pb, ts.space_before);
  pm_page_builder_add_heading (st->sink->pb, lines, n);
  if (ts.space_after > 0)
    pm_page_builder_add_space (st->sink->pb, ts.space_after);
  g_free (lines);
  st->after_heading = TRUE;
  return TRUE;
}

static gboolean add_blocks (Setter *st, const GPtrArray *blocks, const char *element, double left,
                            GError **error);

static void
add_image (Setter *st, const PmBlock *block, double left)
{
  PmComposition *comp = st->comp;
  PmPiece *piece = piece_new (st->sink, PM_PIECE_IMAGE, st->section);
  double width = st->column_width - left;
  cairo_surface_t *img = NULL;
  if (block->path && g_file_test (block->path, G_FILE_TEST_IS_REGULAR)) {
    sink_add_file (st->sink, block->path);
    img = cairo_image_surface_create_from_png (block->path);
    if (cairo_surface_status (img) != CAIRO_STATUS_SUCCESS) {
      cairo_surface_destroy (img);
      img = NULL;
      pm_diagnostics_add (st->sink->diags, PM_SEVERITY_WARNING, st->doc->path, block->pos.line,
                          block->pos.column,
                          "image '%s' is not a PNG file pamphlet can read; a framed "
                          "placeholder stands in its place (convert it to PNG)",
                          block->src);
    }
  } else {
    pm_diagnostics_add (st->sink->diags, PM_SEVERITY_WARNING, st->doc->path, block->pos.line,
                        block->pos.column,
                        "image '%s' is not there; a framed placeholder stands in its place "
                        "(add the file or remove the image)",
                        block->src ? block->src : "");
  }
  const PmPageStyle *page = pm_style_get_page (comp->style);
  if (img) {
    double w = cairo_image_surface_get_width (img), h = cairo_image_surface_get_height (img);
    piece->width = MIN (width, w * 72.0 / 150.0); /* 150 dpi at most */
    piece->height = MIN (h * piece->width / w, page->text_height * 0.6);
    piece->width = w * piece->height / h;
  } else {
    piece->width = width;
    piece->height = MIN (width * 0.5, page->text_height * 0.3);
  }
  piece->image = img;
  piece->alt = g_strdup (block->alt && *block->alt ? block->alt : block->src);
  piece->x = left + (width - piece->width) / 2;
  PmTextStyle body = pm_style_get_text (comp->style, "body", st->doc->lang);
  pm_page_builder_add_space (st->sink->pb, body.leading / 2);
  pm_page_builder_add_block (st->sink->pb, piece->height, 0, piece);
  pm_page_builder_add_space (st->sink->pb, body.leading / 2);
  st->after_heading = TRUE;
}

/* A list item's marker: a bullet, or the number in the style's format ("1." "a)" "i."). */
static char *
list_marker (const PmListStyle *ls, const PmBlock *list, guint index)
{
  if (!list->ordered)
    return g_strdup (ls->bullet);
  int n = list->start + (int)index;
  const char *fmt = ls->number_format;
  const char *tail = fmt + strspn (fmt, "1aAiI");
  char kind = *fmt;
  g_autofree char *num = NULL;
  if (kind == 'a' || kind == 'A')
    num = g_strdup_printf ("%c", (kind == 'a' ? 'a' : 'A') + (n - 1) % 26);
  else if (kind == 'i' || kind == 'I') {
    static const char *const roman[] = { "",     "i",  "ii", "iii", "iv",  "v",    "vi",  "vii",
                                         "viii", "ix", "x",  "xi",  "xii", "xiii", "xiv", "xv" };
    num = g_strdup (n > 0 && n < 16 ? roman[n] : "?");
    if (kind == 'I') {
      char *up = g_ascii_strup (num, -1);
      g_free (num);
      num = up;
    }
  } else
    num = g_strdup_printf ("%d", n);
  return g_strconcat (num, tail, NULL);
}

static gboolean
add_list (Setter *st, const PmBlock *list, double left, GError **error)
{
  PmComposition *comp = st->comp;
  const PmListStyle *ls = pm_style_get_list (comp->style);
  double item_left = left + ls->indent;
  PmTextStyle ts = pm_style_get_text (comp->style, "list", st->doc->lang);
  double indent = ts.margin_left > 0 ? ts.margin_left : ts.size * 1.5;
  for (guint i = 0; list->children && i < list->children->len; i++) {
    const PmBlock *item = g_ptr_array_index (list->children, i);
    g_autofree char *mark = list_marker (ls, list, i);
    PmParagraphStyle ps;
    pm_compose_paragraph_style (comp->style, "list", st->doc->lang, &ps, NULL);
    ps.align = PM_ALIGN_RAGGED_RIGHT;
    ps.first_indent = ps.left_indent = ps.right_indent = 0;
    ps.hyphenate = FALSE;
    g_autoptr (GPtrArray) mark_inlines = text_inlines (mark, st->doc->lang, 0);
    PmParagraph *marker = set_paragraph (st->sink, mark_inlines, &ps, indent, 0, NULL, error);
    if (!marker)
      return FALSE;
    if (i > 0 && ls->item_gap > 0)
      pm_page_builder_add_space (st->sink->pb, ls->item_gap);
    gboolean first = TRUE;
    for (guint j = 0; item->children && j < item->children->len; j++) {
      const PmBlock *b = g_ptr_array_index (item->children, j);
      if (b->kind == PM_BLOCK_PARAGRAPH && first) {
        st->after_heading = TRUE;
        if (!add_paragraph (st, b->inlines, "list", item_left + indent - ts.margin_left, marker,
                            item_left, error))
          return FALSE;
        first = FALSE;
      } else {
        g_autoptr (GPtrArray) one = g_ptr_array_new ();
        g_ptr_array_add (one, (gpointer)b);
        st->after_heading = TRUE;
        if (!add_blocks (st, one, "list", item_left + indent - ts.margin_left, error))
          return FALSE;
      }
    }
  }
  st->after_heading = TRUE;
  return TRUE;
}

static gboolean
add_blocks (Setter *st, const GPtrArray *blocks, const char *element, double left, GError **error)
{
  PmComposition *comp = st->comp;
  for (guint i = 0; blocks && i < blocks->len; i++) {
    const PmBlock *b = g_ptr_array_index (blocks, i);
    switch (b->kind) {
      case PM_BLOCK_HEADING:
        if (!add_heading_text (st, b->inlines, b->level, NULL, error))
          return FALSE;
        break;
      case PM_BLOCK_PARAGRAPH:
        if (!add_paragraph (st, b->inlines, element, left, NULL, 0, error))
          return FALSE;
        break;
      case PM_BLOCK_LIST: {
        PmTextStyle ts = pm_style_get_text (comp->style, "list", st->doc->lang);
        if (ts.space_before > 0)
          pm_page_builder_add_space (st->sink->pb, ts.space_before);
        if (!add_list (st, b, left, error))
          return FALSE;
        if (ts.space_after > 0)
          pm_page_builder_add_space (st->sink->pb, ts.space_after);
        break;
      }
      case PM_BLOCK_QUOTE: {
        PmTextStyle ts = pm_style_get_text (comp->style, "quote", st->doc->lang);
        if (ts.space_before > 0)
          pm_page_builder_add_space (st->sink->pb, ts.space_before);
        st->after_heading = TRUE;
        if (!add_blocks (st, b->children, "quote", left, error))
          return FALSE;
        if (ts.space_after > 0)
          pm_page_builder_add_space (st->sink->pb, ts.space_after);
        st->after_heading = TRUE;
        break;
      }
      case PM_BLOCK_ITEM:
        if (!add_blocks (st, b->children, element, left, error))
          return FALSE;
        break;
      case PM_BLOCK_IMAGE:
        add_image (st, b, left);
        break;
      case PM_BLOCK_RULE: {
        PmTextStyle ts = pm_style_get_text (comp->style, "body", st->doc->lang);
        pm_page_builder_add_space (st->sink->pb, ts.leading);
        st->after_heading = TRUE;
        break;
      }
    }
  }
  return TRUE;
}

/* Sets every footnote of the document, before the text that references them. */
static gboolean
set_notes (Setter *st, GError **error)
{
  PmComposition *comp = st->comp;
  const PmDocument *doc = st->doc;
  const PmNoteStyle *ns = pm_style_get_notes (comp->style);
  st->notes = g_array_sized_new (FALSE, TRUE, sizeof (PmPageNote), doc->notes->len);
  g_array_set_size (st->notes, doc->notes->len);
  for (guint i = 0; i < doc->notes->len; i++) {
    const PmNote *note = g_ptr_array_index (doc->notes, i);
    if (note->number <= 0)
      continue;
    PmParagraphStyle ps;
    PmColor color;
    pm_compose_paragraph_style (comp->style, "note", doc->lang, &ps, &color);
    GArray *lines = g_array_new (FALSE, TRUE, sizeof (PmPageLine));
    g_autofree char *dest = g_strdup_printf ("note-%u-%d", st->section, note->number);
    for (guint j = 0; note->blocks && j < note->blocks->len; j++) {
      const PmBlock *b = g_ptr_array_index (note->blocks, j);
      if (!b->inlines)
        continue;
      g_autoptr (GPtrArray) inlines = g_ptr_array_new ();
      PmInline mark = { 0 };
      g_autofree char *label = NULL;
      if (j == 0) {
        /* The note's number, as a mark (superscript) or as text ("1. "). */
        if (ns->mark_superscript_in_note) {
          mark.kind = PM_INLINE_NOTE_REF;
          mark.note = (int)i;
          mark.text = label = g_strdup_printf ("%d", note->number);
        } else {
          mark.kind = PM_INLINE_TEXT;
          mark.note = -1;
          mark.text = label = g_strdup_printf ("%d.\u2002", note->number);
        }
        mark.lang = doc->lang;
        mark.pos = note->pos;
        g_ptr_array_add (inlines, &mark);
      }
      for (guint k = 0; k < b->inlines->len; k++)
        g_ptr_array_add (inlines, g_ptr_array_index (b->inlines, k));
      PmParagraph *p =
          set_paragraph (st->sink, inlines, &ps, st->column_width, 0, st->sink->diags, error);
      if (!p) {
        g_array_unref (lines);
        return FALSE;
      }
      PmPageLine *pl = page_lines (st, p, 0, &color, NULL);
      for (guint k = 0; k < pm_paragraph_get_n_lines (p); k++) {
        PmPiece *piece = pl[k].user;
        piece->note = (int)i;
        if (lines->len == 0 && k == 0)
          piece->dest = g_strdup (dest);
      }
      g_array_append_vals (lines, pl, pm_paragraph_get_n_lines (p));
      g_free (pl);
    }
    PmPageNote *pn = &g_array_index (st->notes, PmPageNote, i);
    pn->user = lines; /* freed with the setter; the builder copies the lines */
    pn->n_lines = lines->len;
    pn->lines = (const PmPageLine *)lines->data;
  }
  return TRUE;
}

static void
setter_clear_notes (Setter *st)
{
  if (!st->notes)
    return;
  for (guint i = 0; i < st->notes->len; i++) {
    PmPageNote *pn = &g_array_index (st->notes, PmPageNote, i);
    if (pn->user)
      g_array_unref (pn->user);
  }
  g_array_unref (st->notes);
  st->notes = NULL;
}

static PmSection *
section_new (PmComposition *comp, PmSectionKind kind, const char *title, const char *lang)
{
  PmSection *s = g_new0 (PmSection, 1);
  s->kind = kind;
  s->title = g_strdup (title ? title : "");
  s->lang = lang;
  s->dest = g_strdup_printf ("section-%u", comp->sections->len);
  s->first_page = -1;
  g_ptr_array_add (comp->sections, s);
  return s;
}

/* A leaflet's masthead: the title in the document's language and, below it, in English
 * (front matter title-en) unless the document is English; a band across the top of the
 * first page, reserved above both columns. */
static gboolean
add_masthead (PmComposition *comp, Sink *sink, const PmDocument *doc, const char *title,
              guint section, GError **error)
{
  const PmPageStyle *page = pm_style_get_page (comp->style);
  const PmMastheadStyle *mh = pm_style_get_masthead (comp->style);
  PmTextStyle ts = pm_style_get_text (comp->style, "masthead", doc->lang);
  double pad = ts.size * 0.6;
  double width = page->measure - 2 * pad;
  PmParagraphStyle ps;
  pm_compose_paragraph_style (comp->style, "masthead", doc->lang, &ps, NULL);
  ps.first_indent = ps.left_indent = ps.right_indent = 0;
  ps.emergency_stretch = ps.size * 4;
  g_autoptr (GPtrArray) inlines = title_inlines (sink->builder, doc, title, doc->lang);
  PmParagraph *p = set_paragraph (sink, inlines, &ps, width, 0, NULL, error);
  if (!p)
    return FALSE;
  PmParagraph *en = NULL;
  const char *title_en = g_hash_table_lookup (doc->meta, "title-en");
  if (title_en && !lang_matches (doc->lang, "en")) {
    PmParagraphStyle es;
    pm_compose_paragraph_style (comp->style, "cover-subtitle", "en", &es, NULL);
    es.first_indent = es.left_indent = es.right_indent = 0;
    es.emergency_stretch = es.size * 4;
    g_autoptr (GPtrArray) en_inlines = text_inlines (title_en, "en", 0);
    en = set_paragraph (sink, en_inlines, &es, width, 0, NULL, error);
    if (!en)
      return FALSE;
  }
  PmPiece *piece = piece_new (sink, PM_PIECE_MASTHEAD, section);
  piece->paragraph = p;
  piece->marker = en;
  piece->color = ts.color;
  piece->width = page->measure;
  guint n = pm_paragraph_get_n_lines (p);
  double h = pad + pm_paragraph_get_line (p, 0)->ascent + (n - 1) * ps.leading +
             pm_paragraph_get_line (p, n - 1)->descent + pad;
  if (en) {
    guint m = pm_paragraph_get_n_lines (en);
    h += pm_paragraph_get_line (en, 0)->ascent + (m - 1) * pm_paragraph_get_leading (en) +
         pm_paragraph_get_line (en, m - 1)->descent + pad / 2;
  }
  piece->height = MAX (h, mh->height);
  pm_page_builder_reserve_top (sink->pb, piece->height + mh->space_after, piece);
  return TRUE;
}

/* Whether INLINES read TEXT, letter case aside. */
static gboolean
same_text (const GPtrArray *inlines, const char *text)
{
  g_autofree char *a = pm_inlines_to_text (inlines);
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (text, -1);
  return !strcmp (g_strstrip (fa), g_strstrip (fb));
}

/* A text's section and its place in the report, made in order before the texts are set. */
static guint
open_document (PmComposition *comp, const PmDocument *doc, PmReport *report)
{
  g_autofree char *title = document_title (doc);
  PmSection *sec = section_new (comp, PM_SECTION_TEXT, title, doc->lang);
  sec->doc = doc;
  if (report)
    sec->report = pm_report_add_document (report, doc->path, doc->lang);
  return comp->sections->len - 1;
}

/* Sets the text of section SECTION into SINK. Reads the composition (style, fonts, sections)
 * without changing it: texts are set on several threads at once. */
static gboolean
set_document (PmComposition *comp, Sink *sink, guint section, GError **error)
{
  const PmSection *sec = g_ptr_array_index (comp->sections, section);
  const PmDocument *doc = sec->doc;
  const PmPageStyle *page = pm_style_get_page (comp->style);
  sink_add_file (sink, doc->path);

  Setter st = { comp, sink, section, doc, NULL, TRUE, page->column_width };
  /* Problems the paragraph engine finds (a missing glyph) are located in this file. */
  pm_paragraph_builder_set_source (sink->builder, doc->path);
  gboolean ok = set_notes (&st, error);
  /* The title heading: a level-1 heading that reads the title (perhaps after a preface),
   * else a level-1 heading the document opens with; without one, the title is set. */
  int t = -1;
  for (guint i = 0; t < 0 && i < doc->blocks->len; i++) {
    const PmBlock *b = g_ptr_array_index (doc->blocks, i);
    if (b->kind == PM_BLOCK_HEADING && b->level == 1 && same_text (b->inlines, sec->title))
      t = (int)i;
  }
  const PmBlock *b0 = doc->blocks->len ? g_ptr_array_index (doc->blocks, 0) : NULL;
  if (t < 0 && b0 && b0->kind == PM_BLOCK_HEADING && b0->level == 1)
    t = 0;
  gboolean leaflet = pm_style_get_masthead (comp->style)->enabled;
  if (ok && leaflet) {
    /* A leaflet: the title goes in the masthead, in place of the title heading. */
    ok = add_masthead (comp, sink, doc, sec->title, section, error);
    st.after_heading = TRUE;
  } else if (ok && t < 0) {
    g_autoptr (GPtrArray) inlines = title_inlines (sink->builder, doc, sec->title, doc->lang);
    ok = add_heading_text (&st, inlines, 1, sec->dest, error);
  }
  for (guint i = 0; ok && i < doc->blocks->len;) {
    /* The blocks up to the title heading, the heading, the blocks after it. */
    guint end = t >= (int)i ? (guint)t : doc->blocks->len;
    g_autoptr (GPtrArray) run = g_ptr_array_new ();
    for (; i < end; i++)
      g_ptr_array_add (run, g_ptr_array_index (doc->blocks, i));
    ok = add_blocks (&st, run, "body", 0, error);
    if (ok && i == (guint)t) {
      const PmBlock *h = g_ptr_array_index (doc->blocks, i);
      if (!leaflet)
        ok = add_heading_text (&st, h->inlines, 1, sec->dest, error);
      i++;
    }
  }
  setter_clear_notes (&st);
  pm_paragraph_builder_set_source (sink->builder, NULL);
  return ok;
}

/* The cover languages: the edition's, else the style's, else the first documents'. */
static void
choose_cover_langs (PmComposition *comp, const PmComposeOptions *opts, const GPtrArray *docs)
{
  const PmCoverStyle *cs = pm_style_get_cover (comp->style);
  for (int k = 0; k < 2; k++) {
    const char *l = NULL;
    if (opts && opts->cover_langs && opts->cover_langs[0])
      l = opts->cover_langs[k];
    else if (cs->languages[k] && *cs->languages[k])
      l = cs->languages[k];
    if (!l && docs->len > (guint)k)
      l = ((const PmDocument *)g_ptr_array_index (docs, k))->lang;
    comp->cover_langs[k] = g_strdup (l);
  }
}

/* The first of DOCS in LANG (and of KIND, if not NULL). */
static const PmDocument *
document_in (const GPtrArray *docs, const char *lang, const char *kind)
{
  for (guint i = 0; lang && i < docs->len; i++) {
    const PmDocument *d = g_ptr_array_index (docs, i);
    if (lang_matches (d->lang, lang) && (!kind || !g_strcmp0 (kind, d->kind)))
      return d;
  }
  return NULL;
}

static gboolean
set_cover (PmComposition *comp, Sink *sink, const GPtrArray *docs, GError **error)
{
  const PmPageStyle *page = pm_style_get_page (comp->style);
  const PmCoverStyle *cs = pm_style_get_cover (comp->style);
  double width = page->width - 2 * cs->margin;
  static const char *const elements[] = { "cover-title", "cover-subtitle", "cover-publisher" };
  /* The cover names the first cover language's text; in the other language, the same kind
   * of text if there is one, else that text's English title (title-en). */
  const PmDocument *primary = document_in (docs, comp->cover_langs[0], NULL);
  if (!primary)
    primary = g_ptr_array_index (docs, 0);
  for (int k = 0; k < 2; k++) {
    const char *lang = comp->cover_langs[k];
    if (!lang)
      continue;
    const PmDocument *doc = k == 0 ? primary : document_in (docs, lang, primary->kind);
    const PmLangStyle *ls = pm_style_get_lang (comp->style, lang);
    const char *title_en = g_hash_table_lookup (primary->meta, "title-en");
    g_autofree char *title = doc                                     ? document_title (doc)
                             : title_en && lang_matches ("en", lang) ? g_strdup (title_en)
                                                                     : NULL;
    const char *texts[3] = { title, ls->subtitle, ls->publisher };
    for (int w = 0; w < 3; w++) {
      if (!texts[w] || !*texts[w])
        continue;
      PmParagraphStyle ps;
      pm_compose_paragraph_style (comp->style, elements[w], lang, &ps, NULL);
      ps.first_indent = 0;
      ps.emergency_stretch = ps.size * 4;
      PmTextStyle ts = pm_style_get_text (comp->style, elements[w], lang);
      g_autofree char *text = ts.uppercase ? g_utf8_strup (texts[w], -1) : g_strdup (texts[w]);
      /* The title is placed in its file; the subtitle and publisher come from the sheet. */
      g_autoptr (GPtrArray) inlines = w == 0 && doc ? title_inlines (sink->builder, doc, text, lang)
                                                    : text_inlines (text, lang, 0);
      if (w > 0)
        pm_paragraph_builder_set_source (sink->builder, pm_style_get_path (comp->style));
      comp->cover_text[k][w] = set_paragraph (sink, inlines, &ps, width, 0, NULL, error);
      if (!comp->cover_text[k][w])
        return FALSE;
    }
    if (k == 0)
      comp->title = g_strdup (title);
  }
  return TRUE;
}

/* The imprint: where each text comes from, the date, the fonts. Set in English, the one
 * language of the booklet every reader of a print shop's proof shares. */
static gboolean
add_imprint (PmComposition *comp, Sink *sink, const GPtrArray *docs, GError **error)
{
  const PmPageStyle *page = pm_style_get_page (comp->style);
  section_new (comp, PM_SECTION_IMPRINT, "Imprint", "en");
  pm_page_builder_new_section (sink->pb, FALSE);
  Setter st = { comp, sink, comp->sections->len - 1, NULL, NULL, TRUE, page->column_width };
  GDateTime *dt = g_date_time_new_from_unix_utc (comp->date);
  g_autofree char *date = g_date_time_format (dt, "%-d %B %Y");
  g_date_time_unref (dt);
  PmParagraphStyle ps;
  PmColor color;
  pm_compose_paragraph_style (comp->style, "imprint", "en", &ps, &color);
  ps.first_indent = 0;

  GPtrArray *paras = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < docs->len; i++) {
    const PmDocument *d = g_ptr_array_index (docs, i);
    g_autofree char *title = document_title (d);
    GString *s = g_string_new (NULL);
    g_string_append_printf (s, "%s (%s).", title, d->lang);
    if (d->source)
      g_string_append_printf (s, " Source: %s.", d->source);
    if (d->translator)
      g_string_append_printf (s, " Translation: %s.", d->translator);
    g_ptr_array_add (paras, g_string_free (s, FALSE));
  }
  g_ptr_array_add (paras, g_strdup_printf ("Typeset by pamphlet %s on %s.", PM_VERSION, date));
  /* The faces of the text and of the headings, as the style names them. */
  PmTextStyle body = pm_style_get_text (comp->style, "body", "en");
  PmTextStyle head = pm_style_get_text (comp->style, "h1", "en");
  g_autofree char *fonts = g_str_equal (body.family, head.family)
                               ? g_strdup_printf ("Font: %s.", body.family)
                               : g_strdup_printf ("Fonts: %s and %s.", body.family, head.family);
  g_ptr_array_add (paras,
                   g_strdup_printf ("%s Hyphenation: libhyphen with TeX's patterns.", fonts));
  gboolean ok = TRUE;
  for (guint i = 0; ok && i < paras->len; i++) {
    g_autoptr (GPtrArray) inlines = text_inlines (g_ptr_array_index (paras, i), "en", 0);
    PmParagraph *p = set_paragraph (sink, inlines, &ps, st.column_width, 0, sink->diags, error);
    if (!p) {
      ok = FALSE;
      break;
    }
    guint n = pm_paragraph_get_n_lines (p);
    PmPageLine *lines = page_lines (&st, p, 0, &color, NULL);
    pm_page_builder_add_paragraph (sink->pb, lines, n, NULL, NULL, NULL);
    pm_page_builder_add_space (sink->pb, ps.leading / 2);
    g_free (lines);
  }
  g_ptr_array_unref (paras);
  return ok;
}

/* The contents: each text's title in its own language; the page number is filled in when
 * drawn, once the pages are known. The text sections follow the contents in DOCS order. */
static gboolean
add_contents (PmComposition *comp, Sink *sink, const GPtrArray *docs, GError **error)
{
  const PmPageStyle *page = pm_style_get_page (comp->style);
  const PmContentsStyle *cs = pm_style_get_contents (comp->style);
  PmSection *sec = section_new (comp, PM_SECTION_CONTENTS, "", comp->cover_langs[0]);
  guint index = comp->sections->len - 1;
  pm_page_builder_new_section (sink->pb, TRUE);
  Setter st = { comp, sink, index, NULL, NULL, TRUE, page->column_width };

  /* The heading, in the cover languages: "Содержание · Contents". */
  GString *title = g_string_new (NULL);
  for (int k = 0; k < 2; k++)
    if (comp->cover_langs[k]) {
      const PmLangStyle *ls = pm_style_get_lang (comp->style, comp->cover_langs[k]);
      if (title->len && strstr (title->str, ls->contents_title))
        continue;
      g_string_append_printf (title, "%s%s", title->len ? " · " : "", ls->contents_title);
    }
  g_free (sec->title);
  sec->title = g_string_free (title, FALSE);
  g_autoptr (GPtrArray) head = text_inlines (sec->title, sec->lang, 0);
  if (!add_heading_text (&st, head, 1, sec->dest, error))
    return FALSE;

  for (guint i = 0; i < docs->len; i++) {
    const PmDocument *d = g_ptr_array_index (docs, i);
    g_autofree char *t = document_title (d);
    PmParagraphStyle ps;
    PmColor color;
    pm_compose_paragraph_style (comp->style, "contents", d->lang, &ps, &color);
    ps.first_indent = 0;
    ps.align = PM_ALIGN_RAGGED_RIGHT;
    ps.right_indent += ps.size * 3; /* room for the page number */
    ps.emergency_stretch = ps.size * 3;
    g_autoptr (GPtrArray) inlines = title_inlines (sink->builder, d, t, d->lang);
    PmParagraph *p = set_paragraph (sink, inlines, &ps, st.column_width, 0, sink->diags, error);
    if (!p)
      return FALSE;
    guint n = pm_paragraph_get_n_lines (p);
    PmPageLine *lines = page_lines (&st, p, 0, &color, NULL);
    PmPiece *last = lines[n - 1].user;
    last->contents_section = (int)(index + 1 + i);
    if (i > 0 && cs->entry_gap > 0)
      pm_page_builder_add_space (sink->pb, cs->entry_gap);
    pm_page_builder_add_paragraph (sink->pb, lines, n, NULL, NULL, NULL);
    g_free (lines);
  }
  return TRUE;
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *)a, *(char *const *)b);
}

/* The font files of every face a line uses, for rebuilding when a font changes. */
static void
add_font_files (PmComposition *comp)
{
  char *conf = pm_data_find ("fonts/fonts.conf");
  add_file (comp, conf);
  g_free (conf);
  /* A handful of faces draw tens of thousands of runs: each face's path is added once. */
  GHashTable *seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < comp->paragraphs->len; i++) {
    const PmParagraph *p = g_ptr_array_index (comp->paragraphs, i);
    for (guint l = 0; l < pm_paragraph_get_n_lines (p); l++) {
      const PmLine *line = pm_paragraph_get_line (p, l);
      for (guint r = 0; r < line->n_runs; r++)
        if (g_hash_table_add (seen, line->runs[r].face))
          add_file (comp, pm_face_get_path (line->runs[r].face));
    }
  }
  g_hash_table_unref (seen);
  /* The hyphenation patterns, sorted: the list must not depend on hash order. */
  g_autoptr (GPtrArray) dicts = g_ptr_array_new_with_free_func (g_free);
  pm_paragraph_builder_add_dictionaries (comp->builder, dicts);
  for (guint i = 0; comp->helpers && i < comp->helpers->len; i++)
    pm_paragraph_builder_add_dictionaries (g_ptr_array_index (comp->helpers, i), dicts);
  g_ptr_array_sort (dicts, compare_paths);
  for (guint i = 0; i < dicts->len; i++)
    add_file (comp, g_ptr_array_index (dicts, i));
}

/* Fills each text section's report from the lines as placed (whichever setting of a
 * paragraph the page builder chose) and the page builder's counts. */
static void
count_figures (PmComposition *comp)
{
  guint run = 0;
  for (guint i = 0; i < pm_pages_get_n (comp->pages); i++) {
    const PmPage *pg = pm_pages_get (comp->pages, i);
    PmSection *sec =
        pg->section < comp->sections->len ? g_ptr_array_index (comp->sections, pg->section) : NULL;
    if (!sec || !sec->report)
      continue;
    PmDocumentReport *r = sec->report;
    if (!pg->blank)
      r->pages++;
    for (guint k = 0; k < pg->n_items; k++) {
      const PmPageItem *item = &pg->items[k];
      const PmPiece *piece = item->user;
      if (!piece || piece->kind != PM_PIECE_LINE || piece->heading)
        continue;
      const PmLine *line = pm_paragraph_get_line (piece->paragraph, piece->line);
      r->lines++;
      PmLineFigure lf = { i + 1, line->ratio, line->hyphenated, line->overfull };
      g_array_append_val (r->line_figures, lf);
      if (line->overfull)
        r->overfull++;
      if (!line->last && line->ratio > 1)
        r->loose++;
      if (line->ratio < -0.5)
        r->tight++;
      if (item->kind == PM_PAGE_ITEM_LINE) {
        run = line->hyphenated ? run + 1 : 0;
        r->max_hyphen_run = MAX (r->max_hyphen_run, run);
      }
      if (line->hyphenated)
        r->hyphenated++;
    }
  }
  for (guint s = 0; s < comp->sections->len; s++) {
    PmSection *sec = g_ptr_array_index (comp->sections, s);
    if (!sec->report)
      continue;
    PmPageStats stats;
    pm_pages_get_stats (comp->pages, (int)s, &stats);
    sec->report->widows = stats.widows;
    sec->report->orphans = stats.orphans;
    sec->report->notes_moved = stats.notes_moved;
    for (guint n = 0; n < sec->doc->notes->len; n++)
      if (((const PmNote *)g_ptr_array_index (sec->doc->notes, n))->number > 0)
        sec->report->notes++;
  }
}

/* ---- texts set on several threads ---- */

/* A text set on its own, into a sink of its own, merged into the composition in order. */
typedef struct {
  Sink sink;
  guint section;
  gsize weight; /* what setting it costs, roughly */
  gboolean ok;
  GError *error;
} Part;

static void
part_init (Part *part, const PmPageFrame *frame, guint section)
{
  part->sink.pb = pm_page_builder_new (frame);
  part->sink.pieces = g_ptr_array_new_with_free_func ((GDestroyNotify)piece_free);
  part->sink.paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify)pm_paragraph_free);
  part->sink.files = g_ptr_array_new_with_free_func (g_free);
  part->sink.diags = pm_diagnostics_new ();
  part->section = section;
}

static void
part_clear (Part *part)
{
  pm_page_builder_free (part->sink.pb);
  if (part->sink.pieces)
    g_ptr_array_unref (part->sink.pieces);
  if (part->sink.paragraphs)
    g_ptr_array_unref (part->sink.paragraphs);
  g_ptr_array_unref (part->sink.files);
  pm_diagnostics_free (part->sink.diags);
  g_clear_error (&part->error);
}

/* Characters in BLOCKS and their children: what setting them costs, roughly. */
static gsize
blocks_weight (const GPtrArray *blocks)
{
  gsize n = 0;
  for (guint i = 0; blocks && i < blocks->len; i++) {
    const PmBlock *b = g_ptr_array_index (blocks, i);
    for (guint k = 0; b->inlines && k < b->inlines->len; k++) {
      const PmInline *inl = g_ptr_array_index (b->inlines, k);
      n += inl->text ? strlen (inl->text) : 0;
    }
    n += blocks_weight (b->children);
  }
  return n;
}

static gsize
part_weight (const PmComposition *comp, const Part *part)
{
  const PmDocument *doc =
      ((const PmSection *)g_ptr_array_index (comp->sections, part->section))->doc;
  gsize n = blocks_weight (doc->blocks);
  for (guint i = 0; i < doc->notes->len; i++)
    n += blocks_weight (((const PmNote *)g_ptr_array_index (doc->notes, i))->blocks);
  return n;
}

/* The texts to set, longest first (so that no thread is left with a long one at the end),
 * taken in that order by every thread setting them. */
typedef struct {
  PmComposition *comp;
  Part **order;
  guint n_parts;
  gint next;
} PartQueue;

static int
heavier_first (const void *a, const void *b)
{
  const Part *pa = *(Part *const *)a, *pb = *(Part *const *)b;
  if (pa->weight != pb->weight)
    return pa->weight > pb->weight ? -1 : 1;
  return pa->section < pb->section ? -1 : pa->section > pb->section;
}

typedef struct {
  PartQueue *queue;
  PmParagraphBuilder *builder;
  gsize arena; /* a helper's: what it will allocate, populated first (pm_prefault_arena) */
} PartWorker;

/* What a thread setting texts allocates per character it sets: the booklet's helper grew its
 * malloc arena by 3.4 MB for about 35,000 characters. */
#define ARENA_PER_CHAR 100

static gpointer
set_parts (gpointer data)
{
  PartWorker *w = data;
  PartQueue *q = w->queue;
  pm_prefault_arena (w->arena);
  for (guint i; (i = (guint)g_atomic_int_add (&q->next, 1)) < q->n_parts;) {
    Part *part = q->order[i];
    part->sink.builder = w->builder;
    part->ok = set_document (q->comp, &part->sink, part->section, &part->error);
  }
  return NULL;
}

/* Sets the texts of PARTS on up to MAX_THREADS threads (0: one per processor), this one
 * included: the sections of a booklet are independent, each starting a page. */
static void
set_all_parts (PmComposition *comp, Part *parts, guint n_parts, guint max_threads)
{
  g_autofree Part **order = g_new (Part *, n_parts);
  for (guint i = 0; i < n_parts; i++) {
    order[i] = &parts[i];
    parts[i].weight = part_weight (comp, &parts[i]);
  }
  qsort (order, n_parts, sizeof *order, heavier_first);
  gsize weight = 0;
  for (guint i = 0; i < n_parts; i++)
    weight += parts[i].weight;
  PartQueue queue = { comp, order, n_parts, 0 };
  if (max_threads == 0)
    max_threads = (guint)MAX (g_get_num_processors (), 1);
  guint n_helpers = MIN (n_parts, max_threads) - 1;
  g_autofree GThread **threads = g_new0 (GThread *, n_helpers + 1);
  g_autofree PartWorker *workers = g_new0 (PartWorker, n_helpers + 1);
  if (n_helpers > 0 && !comp->helpers)
    comp->helpers = g_ptr_array_new_with_free_func ((GDestroyNotify)pm_paragraph_builder_free);
  for (guint t = 0; t < n_helpers; t++) {
    /* Sharing the dictionaries the cover and contents loaded, and what was said of them. */
    PmParagraphBuilder *b = pm_paragraph_builder_new_sharing (comp->builder);
    g_ptr_array_add (comp->helpers, b);
    /* A new thread's arena is new memory: each first touch of a page costs a fault, which
     * populating all of them at once halves. This thread's heap was prefaulted. */
    workers[t] = (PartWorker){ &queue, b, weight / (n_helpers + 1) * ARENA_PER_CHAR };
    threads[t] = g_thread_try_new ("pm-compose", set_parts, &workers[t], NULL);
  }
  workers[n_helpers] = (PartWorker){ &queue, comp->builder, 0 };
  set_parts (&workers[n_helpers]);
  for (guint t = 0; t < n_helpers; t++)
    if (threads[t])
      g_thread_join (threads[t]);
}

/* Puts PART's material after what SINK, the composition's own, holds. */
static gboolean
merge_part (PmComposition *comp, Sink *sink, Part *part, gboolean new_section, GError **error)
{
  const PmPageStyle *page = pm_style_get_page (comp->style);
  if (new_section)
    pm_page_builder_new_section (sink->pb, page->section_start == PM_SECTION_START_RIGHT_PAGE);
  pm_page_builder_append (sink->pb, part->sink.pb);
  g_ptr_array_extend_and_steal (sink->pieces, g_steal_pointer (&part->sink.pieces));
  g_ptr_array_extend_and_steal (sink->paragraphs, g_steal_pointer (&part->sink.paragraphs));
  for (guint i = 0; i < part->sink.files->len; i++)
    add_file (comp, g_ptr_array_index (part->sink.files, i));
  pm_diagnostics_append (sink->diags, part->sink.diags);
  if (part->ok)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&part->error));
  return FALSE;
}

PmComposition *
pm_compose (PmFonts *fonts, const PmStyle *style, const GPtrArray *docs,
            const PmComposeOptions *opts, PmDiagnostics *diags, PmReport *report, GError **error)
{
  g_autoptr (PmComposition) comp = g_new0 (PmComposition, 1);
  comp->fonts = fonts;
  comp->style = style;
  comp->builder = pm_paragraph_builder_new (fonts);
  comp->sections = g_ptr_array_new_with_free_func ((GDestroyNotify)section_free);
  comp->pieces = g_ptr_array_new_with_free_func ((GDestroyNotify)piece_free);
  comp->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify)pm_paragraph_free);
  comp->files = g_ptr_array_new_with_free_func (g_free);
  comp->file_set = g_hash_table_new (g_str_hash, g_str_equal);
  comp->date = opts ? opts->date : 0;
  if (docs->len == 0) {
    g_set_error (error, PM_ERROR, PM_ERROR_USAGE, "no corpus files to typeset");
    return NULL;
  }

  const PmPageStyle *page = pm_style_get_page (style);
  const PmMastheadStyle *mh = pm_style_get_masthead (style);
  PmTextStyle body = pm_style_get_text (style, "body", NULL);
  const PmNoteStyle *ns = pm_style_get_notes (style);
  PmTextStyle note = pm_style_get_text (style, "note", NULL);
  PmPageFrame frame = {
    .width = page->measure,
    .height = page->text_height,
    .leading = page->baseline_grid > 0 ? page->baseline_grid : body.leading,
    .top_skip = body.size,
    .columns = (guint)MAX (page->columns, 1),
    .column_gap = page->column_gap,
    .note_rule_space = ns->separation + ns->rule_thickness + ns->rule_gap,
    .note_leading = note.leading,
  };
  PmPageBuilder *pb = pm_page_builder_new (&frame);
  gboolean booklet = !mh->enabled;
  gboolean ok = TRUE;

  choose_cover_langs (comp, opts, docs);
  /* Hyphenation dictionaries load on threads meanwhile, those the cover needs first. */
  if (booklet)
    for (int k = 0; k < 2; k++)
      pm_paragraph_builder_preload_hyphenation (comp->builder, comp->cover_langs[k]);
  for (guint i = 0; i < docs->len; i++)
    pm_paragraph_builder_preload_hyphenation (
        comp->builder, ((const PmDocument *)g_ptr_array_index (docs, i))->lang);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  Sink sink = { comp->builder, pb, comp->pieces, comp->paragraphs, files, diags };
  if (booklet) {
    section_new (comp, PM_SECTION_COVER, "", comp->cover_langs[0]);
    ok = set_cover (comp, &sink, docs, error);
    PmPiece *cover = piece_new (&sink, PM_PIECE_COVER, 0);
    pm_page_builder_add_block (pb, frame.height, 0, cover);
    ok = ok && add_imprint (comp, &sink, docs, error);
    if (ok && docs->len > 1)
      ok = add_contents (comp, &sink, docs, error);
  }
  for (guint i = 0; i < files->len; i++)
    add_file (comp, g_ptr_array_index (files, i));
  if (ok) {
    Part *parts = g_new0 (Part, docs->len);
    for (guint i = 0; i < docs->len; i++)
      part_init (&parts[i], &frame, open_document (comp, g_ptr_array_index (docs, i), report));
    set_all_parts (comp, parts, docs->len, opts ? opts->threads : 0);
    for (guint i = 0; i < docs->len; i++) {
      ok = ok && merge_part (comp, &sink, &parts[i], booklet || i > 0, error);
      part_clear (&parts[i]);
    }
    g_free (parts);
  }
  if (ok && booklet) {
    section_new (comp, PM_SECTION_BACK, "", comp->cover_langs[0]);
    pm_page_builder_new_section (pb, FALSE);
    PmPiece *back = piece_new (&sink, PM_PIECE_COVER, comp->sections->len - 1);
    back->back = TRUE;
    pm_page_builder_add_block (pb, frame.height, 0, back);
  }
  if (ok)
    comp->pages = pm_page_builder_finish (pb, error);
  pm_page_builder_free (pb);
  if (!ok || !comp->pages)
    return NULL;

  for (guint i = 0; i < pm_pages_get_n (comp->pages); i++) {
    const PmPage *pg = pm_pages_get (comp->pages, i);
    if (pg->section < comp->sections->len && !pg->blank) {
      PmSection *s = g_ptr_array_index (comp->sections, pg->section);
      if (s->first_page < 0)
        s->first_page = (int)i;
    }
  }
  count_figures (comp);
  add_font_files (comp);
  if (!comp->title) {
    /* A leaflet: its one text's title. */
    const PmSection *s = g_ptr_array_index (comp->sections, 0);
    comp->title = g_strdup (s->title);
  }
  return g_steal_pointer (&comp);
}

const PmPages *
pm_composition_get_pages (const PmComposition *comp)
{
  return comp->pages;
}

guint
pm_composition_get_n_sections (const PmComposition *comp)
{
  return comp->sections->len;
}

const PmSection *
pm_composition_get_section (const PmComposition *comp, guint i)
{
  return g_ptr_array_index (comp->sections, i);
}

const PmParagraph *
pm_composition_get_cover_text (const PmComposition *comp, guint lang, guint what)
{
  return lang < 2 && what < 3 ? comp->cover_text[lang][what] : NULL;
}

const GPtrArray *
pm_composition_get_files (const PmComposition *comp)
{
  return comp->files;
}

const char *
pm_composition_get_title (const PmComposition *comp)
{
  return comp->title;
}
