/* pm-render.c: pieces on pages to cairo recordings. */
#include "output/pm-render.h"
#include "base/pm-error.h"

#include <math.h>
#include <string.h>

/* The cover's proportions the style does not set: the band's share of the page height when
 * band-height is 0, the share of the band the back cover repeats, how many margins the title
 * block ends above the band's foot, and the rule's share of the page width. */
#define COVER_BAND_SHARE 0.38
#define COVER_BACK_BAND_SHARE 0.4
#define COVER_TITLE_RAISE 0.8
#define COVER_RULE_SHARE 0.25

typedef struct {
  PmComposition *comp;
  const PmStyle *style;
  const PmPageStyle *page;
  PmRecordedDoc *doc;
  cairo_t *cr;
  guint index;   /* the page being drawn */
  double x0, y0; /* the text area's top-left corner on this page */
  GError **error;
  gboolean failed;
} Render;

static void
set_color (cairo_t *cr, const PmColor *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

/* The width of a one-line paragraph's ink run. */
static double
line_width (const PmParagraph *p)
{
  if (pm_paragraph_get_n_lines (p) == 0)
    return 0;
  const PmLine *l = pm_paragraph_get_line (p, 0);
  return l->x_end - l->x_start;
}

/* TEXT set as ELEMENT in LANG on one line (free it), or NULL after keeping the first error. */
static PmParagraph *
set_text (Render *r, const char *element, const char *lang, const char *text)
{
  GError *error = NULL;
  PmParagraph *p =
      pm_composition_set_text (r->comp, element, lang, text, r->page->measure * 2, &error);
  if (!p) {
    if (!r->failed)
      g_propagate_error (r->error, error);
    else
      g_error_free (error);
    r->failed = TRUE;
  }
  return p;
}

/* Draws TEXT set as ELEMENT in LANG on one line, its left edge at X, or its right edge at X
 * when RIGHT, or centred on X when CENTRE. */
static double
draw_text (Render *r, const char *element, const char *lang, const char *text, double x,
           double baseline, int anchor /* 0 left, 1 centre, 2 right */)
{
  PmParagraph *p = set_text (r, element, lang, text);
  if (!p)
    return 0;
  double w = line_width (p);
  const PmLine *l = pm_paragraph_get_line (p, 0);
  double left = anchor == 0 ? x : anchor == 1 ? x - w / 2 : x - w;
  PmTextStyle ts = pm_style_get_text (r->style, element, lang);
  set_color (r->cr, &ts.color);
  pm_paragraph_line_draw (p, 0, r->cr, left - l->x_start, baseline);
  pm_paragraph_free (p);
  return w;
}

/* The contents' leader from FROM (an entry's end) to TO (its page number's start) on
 * BASELINE: the style's leader in cells of half an em on a grid from the text area's left
 * edge, so that the dots of every entry line up (as TeX's \dotfill), and a cell clear of
 * the text at either end. */
static void
draw_leaders (Render *r, const char *lang, double from, double to, double baseline)
{
  const PmContentsStyle *cs = pm_style_get_contents (r->style);
  if (!cs->leader || !*cs->leader)
    return;
  PmTextStyle ts = pm_style_get_text (r->style, "contents", lang);
  double cell = ts.size / 2;
  long k0 = lround (ceil ((from - r->x0) / cell)) + 1;
  long k1 = lround (floor ((to - r->x0) / cell)) - 2;
  if (k1 < k0)
    return;
  PmParagraph *p = set_text (r, "contents", lang, cs->leader);
  if (!p)
    return;
  const PmLine *l = pm_paragraph_get_line (p, 0);
  double w = line_width (p);
  set_color (r->cr, &ts.color);
  for (long k = k0; k <= k1; k++)
    pm_paragraph_line_draw (p, 0, r->cr, r->x0 + k * cell + (cell - w) / 2 - l->x_start, baseline);
  pm_paragraph_free (p);
}

static gboolean
is_recto (guint index)
{
  return index % 2 == 0;
}

/* The x of a head or folio on SIDE of the text area. */
static double
side_x (const Render *r, PmSide side, int *anchor)
{
  gboolean recto = is_recto (r->index) || !r->page->facing;
  gboolean right = side == PM_SIDE_OUTER ? recto : !recto;
  if (side == PM_SIDE_CENTER) {
    *anchor = 1;
    return r->x0 + r->page->measure / 2;
  }
  *anchor = right ? 2 : 0;
  return right ? r->x0 + r->page->measure : r->x0;
}

static void
draw_running (Render *r, const PmPage *pg, const PmSection *sec)
{
  const PmRunningStyle *rs = pm_style_get_running (r->style);
  if (pg->blank || sec->kind == PM_SECTION_COVER || sec->kind == PM_SECTION_BACK)
    return;
  int anchor;
  double x;
  double top = r->y0, bottom = r->y0 + r->page->text_height;
  if (sec->kind == PM_SECTION_TEXT && (!pg->section_start || rs->head_on_section_start)) {
    PmHeadContent what = is_recto (r->index) ? rs->head_right : rs->head_left;
    const char *text = what == PM_HEAD_SECTION_TITLE       ? sec->title
                       : what == PM_HEAD_PUBLICATION_TITLE ? pm_composition_get_title (r->comp)
                                                           : NULL;
    const char *lang =
        what == PM_HEAD_SECTION_TITLE ? sec->lang : pm_composition_get_section (r->comp, 0)->lang;
    if (text && *text) {
      x = side_x (r, rs->head_side, &anchor);
      double y = rs->head_top ? top - rs->head_offset : bottom + rs->head_offset;
      draw_text (r, "head", lang, text, x, y, anchor);
      if (rs->head_rule > 0) {
        double ry = rs->head_top ? top - rs->head_offset / 2 : bottom + rs->head_offset / 2;
        cairo_set_line_width (r->cr, rs->head_rule);
        cairo_move_to (r->cr, r->x0, ry);
        cairo_line_to (r->cr, r->x0 + r->page->measure, ry);
        cairo_stroke (r->cr);
      }
    }
  }
  if (!pg->section_start || rs->folio_on_section_start) {
    char folio[16];
    g_snprintf (folio, sizeof folio, "%u", r->index + 1);
    x = side_x (r, rs->folio_side, &anchor);
    double y = rs->folio_top ? top - rs->folio_offset : bottom + rs->folio_offset;
    draw_text (r, "folio", sec->lang, folio, x, y, anchor);
  }
}

/* Links from each note mark of a line to its note, and a destination to come back to. */
static void
line_links (Render *r, const PmPiece *piece, const PmSection *sec, double x, double baseline)
{
  const PmLine *line = pm_paragraph_get_line (piece->paragraph, piece->line);
  gboolean back = FALSE;
  for (guint i = 0; i < line->n_runs; i++) {
    const PmLineRun *run = &line->runs[i];
    if (run->note < 0 || !sec->doc || (guint)run->note >= sec->doc->notes->len)
      continue;
    const PmNote *note = g_ptr_array_index (sec->doc->notes, run->note);
    g_autofree char *ref = g_strdup_printf ("ref-%u-%d", piece->section, note->number);
    g_autofree char *target = g_strdup_printf ("note-%u-%d", piece->section, note->number);
    double h = run->size;
    double rx = x + run->x0, ry = baseline - run->rise - h;
    if (piece->note >= 0) { /* the number before a note leads back to its mark */
      pm_recorded_doc_add_link_dest (r->doc, rx, ry, run->x1 - run->x0, h * 1.3, ref);
      back = TRUE;
    } else {
      pm_recorded_doc_add_dest (r->doc, ref, rx, baseline - line->ascent);
      pm_recorded_doc_add_link_dest (r->doc, rx, ry, run->x1 - run->x0, h * 1.3, target);
    }
  }
  if (!back && piece->dest && piece->note >= 0 && sec->doc && line->n_glyphs > 0 &&
      (guint)piece->note < sec->doc->notes->len) {
    /* The note's first line, its number set as text ("1. "): no mark run carries it, so
     * the link back covers the number's glyphs (one per character: digits and a period). */
    const PmNote *note = g_ptr_array_index (sec->doc->notes, piece->note);
    g_autofree char *ref = g_strdup_printf ("ref-%u-%d", piece->section, note->number);
    g_autofree char *label = g_strdup_printf ("%d.", note->number);
    guint n = (guint)strlen (label);
    double x0 = line->glyphs[0].x;
    double x1 = n < line->n_glyphs ? line->glyphs[n].x : line->x_end;
    pm_recorded_doc_add_link_dest (r->doc, x + x0, baseline - line->ascent, x1 - x0,
                                   line->ascent + line->descent, ref);
  }
  for (guint i = 0; i < line->n_runs; i++) {
    const PmLineRun *run = &line->runs[i];
    if (run->href)
      pm_recorded_doc_add_link_uri (r->doc, x + run->x0, baseline - line->ascent, run->x1 - run->x0,
                                    line->ascent + line->descent, run->href);
  }
}

static void
draw_line (Render *r, const PmPageItem *item, guint item_index, const PmPiece *piece)
{
  const PmSection *sec = pm_composition_get_section (r->comp, piece->section);
  const PmLine *line = pm_paragraph_get_line (piece->paragraph, piece->line);
  double x = r->x0 + item->x + piece->x;
  double y = r->y0 + item->y;
  set_color (r->cr, &piece->color);
  pm_paragraph_line_draw (piece->paragraph, piece->line, r->cr, x, y);
  if (piece->marker && piece->line == 0)
    pm_paragraph_line_draw (piece->marker, 0, r->cr, r->x0 + item->x + piece->marker_x, y);
  if (piece->dest) {
    pm_recorded_doc_add_dest (r->doc, piece->dest, x, y - line->ascent);
    if (piece->heading)
      pm_recorded_doc_add_outline (r->doc, sec->title, 1, piece->dest);
  } else if (piece->heading && piece->line == 0) {
    /* A subheading: an outline entry under its section, one level below the section's
     * title, whose entry stands for level 1 (a text may have level-1 headings after its
     * first: the original article's own title). */
    g_autofree char *dest = g_strdup_printf ("heading-%u-%u", r->index, item_index);
    pm_recorded_doc_add_dest (r->doc, dest, x, y - line->ascent);
    pm_recorded_doc_add_outline (r->doc, pm_paragraph_get_text (piece->paragraph),
                                 piece->heading_level + 1, dest);
  }
  line_links (r, piece, sec, x, y);
  if (piece->contents_section >= 0) {
    const PmSection *target = pm_composition_get_section (r->comp, (guint)piece->contents_section);
    char num[16];
    g_snprintf (num, sizeof num, "%d", target->first_page + 1);
    double right = r->x0 + item->x + r->page->column_width;
    double w = draw_text (r, "contents", sec->lang, num, right, y, 2);
    draw_leaders (r, sec->lang, x + line->x_end, right - w, y);
    pm_recorded_doc_add_link_dest (r->doc, r->x0 + item->x, y - line->ascent, r->page->column_width,
                                   line->ascent + line->descent, target->dest);
  }
}

static void
draw_image (Render *r, const PmPageItem *item, const PmPiece *piece)
{
  double x = r->x0 + item->x + piece->x, y = r->y0 + item->top;
  cairo_t *cr = r->cr;
  cairo_save (cr);
  if (piece->image) {
    double sx = piece->width / cairo_image_surface_get_width (piece->image);
    double sy = piece->height / cairo_image_surface_get_height (piece->image);
    cairo_translate (cr, x, y);
    cairo_scale (cr, sx, sy);
    cairo_set_source_surface (cr, piece->image, 0, 0);
    cairo_paint (cr);
  } else {
    /* A framed placeholder with the image's description. */
    cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
    cairo_set_line_width (cr, 0.5);
    cairo_rectangle (cr, x + 0.25, y + 0.25, piece->width - 0.5, piece->height - 0.5);
    cairo_move_to (cr, x, y);
    cairo_line_to (cr, x + piece->width, y + piece->height);
    cairo_move_to (cr, x + piece->width, y);
    cairo_line_to (cr, x, y + piece->height);
    cairo_stroke (cr);
    const PmSection *sec = pm_composition_get_section (r->comp, piece->section);
    if (piece->alt && *piece->alt)
      draw_text (r, "note", sec->lang, piece->alt, x + piece->width / 2, y + piece->height / 2, 1);
  }
  cairo_restore (cr);
}

/* Draws the lines of a cover paragraph from TOP, its left edge at X; returns the bottom. */
static double
draw_block (Render *r, const PmParagraph *p, double x, double top)
{
  if (!p)
    return top;
  double y = top;
  for (guint i = 0; i < pm_paragraph_get_n_lines (p); i++) {
    const PmLine *l = pm_paragraph_get_line (p, i);
    y += i == 0 ? l->ascent : pm_paragraph_get_leading (p);
    pm_paragraph_line_draw (p, i, r->cr, x, y);
  }
  if (pm_paragraph_get_n_lines (p) > 0)
    y += pm_paragraph_get_line (p, pm_paragraph_get_n_lines (p) - 1)->descent;
  return y;
}

static double
block_height (const PmParagraph *p)
{
  if (!p || pm_paragraph_get_n_lines (p) == 0)
    return 0;
  guint n = pm_paragraph_get_n_lines (p);
  return pm_paragraph_get_line (p, 0)->ascent + (n - 1) * pm_paragraph_get_leading (p) +
         pm_paragraph_get_line (p, n - 1)->descent;
}

/* The bilingual cover: an accent band through the bleed at the top with the first
 * language's title, a rule, the second language's block below, the publishers at the foot.
 * The back cover repeats the band at its foot. */
static void
draw_cover (Render *r, const PmPiece *piece)
{
  const PmCoverStyle *cs = pm_style_get_cover (r->style);
  const PmPageStyle *page = r->page;
  cairo_t *cr = r->cr;
  double bleed = page->bleed;
  double band = cs->band_height > 0 ? cs->band_height : page->height * COVER_BAND_SHARE;
  double m = cs->margin;
  double width = page->width, height = page->height;

  cairo_save (cr);
  set_color (cr, &cs->background);
  cairo_rectangle (cr, -bleed, -bleed, width + 2 * bleed, height + 2 * bleed);
  cairo_fill (cr);
  set_color (cr, &cs->accent);
  if (piece->back) {
    double back_band = band * COVER_BACK_BAND_SHARE;
    cairo_rectangle (cr, -bleed, height - back_band, width + 2 * bleed, back_band + bleed);
    cairo_fill (cr);
    cairo_restore (cr);
    return;
  }
  cairo_rectangle (cr, -bleed, -bleed, width + 2 * bleed, band + bleed);
  cairo_fill (cr);

  /* First language: title and subtitle in the band, set in the background colour. */
  const PmParagraph *t0 = pm_composition_get_cover_text (r->comp, 0, 0);
  const PmParagraph *s0 = pm_composition_get_cover_text (r->comp, 0, 1);
  double h0 = block_height (t0) + (s0 ? cs->gap / 3 + block_height (s0) : 0);
  double y = MAX (m, band - m * COVER_TITLE_RAISE - h0);
  set_color (cr, &cs->background);
  y = draw_block (r, t0, m, y);
  if (s0)
    draw_block (r, s0, m, y + cs->gap / 3);

  /* Second language below the band, after a rule. */
  const PmParagraph *t1 = pm_composition_get_cover_text (r->comp, 1, 0);
  const PmParagraph *s1 = pm_composition_get_cover_text (r->comp, 1, 1);
  y = band + cs->gap;
  set_color (cr, &cs->foreground);
  y = draw_block (r, t1, m, y);
  if (s1)
    y = draw_block (r, s1, m, y + cs->gap / 3);
  if (cs->rule_thickness > 0) {
    set_color (cr, &cs->accent);
    cairo_set_line_width (cr, cs->rule_thickness);
    cairo_move_to (cr, m, y + cs->gap / 2);
    cairo_line_to (cr, m + width * COVER_RULE_SHARE, y + cs->gap / 2);
    cairo_stroke (cr);
  }

  /* The publisher lines at the foot, the second language last. */
  double foot = height - m;
  set_color (cr, &cs->foreground);
  for (int k = 1; k >= 0; k--) {
    const PmParagraph *pub = pm_composition_get_cover_text (r->comp, (guint)k, 2);
    if (!pub)
      continue;
    double h = block_height (pub);
    draw_block (r, pub, m, foot - h);
    foot -= h + 4;
  }
  cairo_restore (cr);
}

/* A leaflet's masthead: a band from the top edge (through the bleed) down to the reserved
 * height, the title in the band, the English title below it in the band. */
static void
draw_masthead (Render *r, const PmPageItem *item, const PmPiece *piece)
{
  const PmMastheadStyle *mh = pm_style_get_masthead (r->style);
  const PmPageStyle *page = r->page;
  cairo_t *cr = r->cr;
  double bottom = r->y0 + item->y;
  double pad = (piece->height - block_height (piece->paragraph) -
                (piece->marker ? block_height (piece->marker) : 0)) /
               (piece->marker ? 2.5 : 2);
  cairo_save (cr);
  set_color (cr, &mh->background);
  cairo_rectangle (cr, -page->bleed, -page->bleed, page->width + 2 * page->bleed,
                   bottom + page->bleed);
  cairo_fill (cr);
  if (mh->rule_thickness > 0) {
    set_color (cr, &mh->rule_color);
    cairo_rectangle (cr, -page->bleed, bottom, page->width + 2 * page->bleed, mh->rule_thickness);
    cairo_fill (cr);
  }
  double x = r->x0 + item->x + pad;
  double y = bottom - piece->height + pad;
  set_color (cr, &piece->color);
  y = draw_block (r, piece->paragraph, x, y);
  if (piece->marker)
    draw_block (r, piece->marker, x, y + pad / 2);
  cairo_restore (cr);
}

static void
draw_page (Render *r, const PmPage *pg)
{
  const PmSection *sec = pm_composition_get_section (r->comp, pg->section);
  const PmNoteStyle *ns = pm_style_get_notes (r->style);
  gboolean recto = is_recto (r->index) || !r->page->facing;
  r->x0 = recto ? r->page->margin_inner : r->page->margin_outer;
  r->y0 = r->page->margin_top;
  if (!pg->blank && sec->dest && sec->first_page == (int)r->index && sec->kind != PM_SECTION_TEXT &&
      sec->kind != PM_SECTION_CONTENTS)
    pm_recorded_doc_add_dest (r->doc, sec->dest, 0, 0);
  for (guint i = 0; i < pg->n_items && !r->failed; i++) {
    const PmPageItem *item = &pg->items[i];
    const PmPiece *piece = item->user;
    if (item->kind == PM_PAGE_ITEM_NOTE_RULE) {
      if (ns->rule_length > 0) {
        /* The notes area starts at the item: the separation, then the rule. */
        double y = r->y0 + item->y + ns->separation + ns->rule_thickness / 2;
        set_color (r->cr, &ns->rule_color);
        cairo_set_line_width (r->cr, ns->rule_thickness);
        cairo_move_to (r->cr, r->x0 + item->x, y);
        cairo_line_to (r->cr, r->x0 + item->x + ns->rule_length, y);
        cairo_stroke (r->cr);
      }
      continue;
    }
    if (!piece)
      continue;
    switch (piece->kind) {
      case PM_PIECE_LINE:
        draw_line (r, item, i, piece);
        break;
      case PM_PIECE_IMAGE:
        draw_image (r, item, piece);
        break;
      case PM_PIECE_COVER:
        draw_cover (r, piece);
        break;
      case PM_PIECE_MASTHEAD:
        draw_masthead (r, item, piece);
        break;
    }
  }
  draw_running (r, pg, sec);
}

PmRecordedDoc *
pm_render (PmComposition *comp, const PmStyle *style, GError **error)
{
  const PmPageStyle *page = pm_style_get_page (style);
  const PmPages *pages = pm_composition_get_pages (comp);
  Render r = { comp, style, page, NULL, NULL, 0, 0, 0, error, FALSE };
  r.doc = pm_recorded_doc_new (page->width, page->height, page->bleed);
  pm_recorded_doc_set_meta (r.doc, PM_META_TITLE, pm_composition_get_title (comp));
  pm_recorded_doc_set_meta (r.doc, PM_META_CREATOR, "pamphlet " PM_VERSION);
  /* Author and subject: the publisher and subtitle the cover shows in its first language. */
  const PmLangStyle *ls = pm_style_get_lang (style, pm_composition_get_section (comp, 0)->lang);
  if (ls->publisher && *ls->publisher)
    pm_recorded_doc_set_meta (r.doc, PM_META_AUTHOR, ls->publisher);
  if (ls->subtitle && *ls->subtitle)
    pm_recorded_doc_set_meta (r.doc, PM_META_SUBJECT, ls->subtitle);
  GString *langs = g_string_new (NULL);
  for (guint s = 0; s < pm_composition_get_n_sections (comp); s++) {
    const PmSection *sec = pm_composition_get_section (comp, s);
    if (sec->kind == PM_SECTION_TEXT && !strstr (langs->str, sec->lang))
      g_string_append_printf (langs, "%s%s", langs->len ? ", " : "", sec->lang);
  }
  pm_recorded_doc_set_meta (r.doc, PM_META_KEYWORDS, langs->str);
  g_string_free (langs, TRUE);

  for (guint i = 0; i < pm_pages_get_n (pages) && !r.failed; i++) {
    const PmPage *pg = pm_pages_get (pages, i);
    const PmSection *sec = pm_composition_get_section (comp, pg->section);
    char label[16];
    g_snprintf (label, sizeof label, "%u", i + 1);
    gboolean cover = sec->kind == PM_SECTION_COVER || sec->kind == PM_SECTION_BACK;
    r.index = i;
    r.cr = pm_recorded_doc_begin_page (r.doc, cover ? NULL : label);
    draw_page (&r, pg);
    pm_recorded_doc_end_page (r.doc);
  }
  if (r.failed) {
    pm_recorded_doc_free (r.doc);
    return NULL;
  }
  return r.doc;
}

void
pm_render_draft_marks (const PmComposition *comp, const PmStyle *style, GArray *marks)
{
  const PmPageStyle *page = pm_style_get_page (style);
  const PmPages *pages = pm_composition_get_pages (comp);
  for (guint i = 0; i < pm_pages_get_n (pages); i++) {
    const PmPage *pg = pm_pages_get (pages, i);
    double x0 = is_recto (i) || !page->facing ? page->margin_inner : page->margin_outer;
    for (guint k = 0; k < pg->n_items; k++) {
      const PmPageItem *item = &pg->items[k];
      const PmPiece *piece = item->user;
      if (!piece || piece->kind != PM_PIECE_LINE)
        continue;
      const PmLine *line = pm_paragraph_get_line (piece->paragraph, piece->line);
      if (!line->overfull && (line->last || line->ratio <= 1))
        continue;
      PmDraftMark m = { i,
                        x0 + item->x + piece->x,
                        page->margin_top + item->top,
                        line->measure,
                        line->ascent + line->descent,
                        line->overfull ? PM_DRAFT_OVERFULL : PM_DRAFT_LOOSE };
      g_array_append_val (marks, m);
    }
  }
}
