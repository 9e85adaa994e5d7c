/* pm-compose.h: the typesetter: corpus documents and a style sheet to paginated pieces.
 *
 * Every document becomes a section: its title as a heading, its paragraphs, lists, quotes
 * and images set by the paragraph engine, its footnotes set smaller and handed to the page
 * builder as inserts. A booklet gets front matter around them (a bilingual cover, the
 * imprint on its back, the contents) and a back cover; a leaflet gets a masthead instead.
 * The result, a PmComposition, is pages of placed pieces; pm-render draws it.
 *
 * Nothing is drawn here: a piece says what to draw (a paragraph's line, an image, the cover)
 * and the page builder says where. */
#pragma once

#include "base/pm-diagnostics.h"
#include "corpus/pm-document.h"
#include "edition/pm-report.h"
#include "page/pm-page-builder.h"
#include "paragraph/pm-paragraph.h"
#include "style/pm-style.h"

#include <cairo.h>

G_BEGIN_DECLS

typedef enum {
  PM_SECTION_COVER,    /* the bilingual cover */
  PM_SECTION_IMPRINT,  /* sources, translators, date, fonts */
  PM_SECTION_CONTENTS, /* the table of contents */
  PM_SECTION_TEXT,     /* one corpus document */
  PM_SECTION_BACK      /* the back cover */
} PmSectionKind;

/* A section of the output, in page order. */
typedef struct {
  PmSectionKind kind;
  char *title;              /* in its language: running heads, contents, outline */
  const char *lang;         /* BCP 47 tag */
  char *dest;               /* the destination name of its first page */
  const PmDocument *doc;    /* TEXT: the document; else NULL */
  PmDocumentReport *report; /* TEXT: its figures in the build report; else NULL */
  int first_page;           /* index of its first page that is not blank; -1 if none */
} PmSection;

typedef enum {
  PM_PIECE_LINE,    /* a line of a set paragraph */
  PM_PIECE_IMAGE,   /* an image scaled to the measure, or a framed placeholder */
  PM_PIECE_COVER,   /* the whole front or back cover page, drawn by the renderer */
  PM_PIECE_MASTHEAD /* a leaflet's banner: its lines are `paragraph`'s */
} PmPieceKind;

/* What the page builder's `user` pointers point to. */
typedef struct {
  PmPieceKind kind;
  guint section;                /* index into the composition's sections */
  const PmParagraph *paragraph; /* LINE, MASTHEAD: the paragraph */
  guint line;                   /* LINE: the line of the paragraph */
  double x;                     /* LINE: offset from the column's left edge */
  const PmParagraph *marker;    /* LINE: a list bullet or number shown before it, or NULL */
  double marker_x;              /* LINE: the marker's offset from the column's left edge */
  PmColor color;                /* LINE: the text's colour */
  gboolean heading;             /* LINE: a heading's line (for the outline) */
  int heading_level;            /* LINE: the heading's level, 1-4 */
  char *dest;                   /* a destination placed at this piece, or NULL */
  int note;                     /* note LINE: the PmNote index in its document; else -1 */
  int contents_section;         /* contents LINE: the section whose page number ends it; else -1 */
  cairo_surface_t *image;       /* IMAGE: the picture, or NULL for a placeholder */
  char *alt;                    /* IMAGE: the text of a placeholder */
  double width, height;         /* IMAGE, MASTHEAD: size in points */
  gboolean back;                /* COVER: the back cover */
} PmPiece;

/* What to make. */
typedef struct {
  const char *const *cover_langs; /* the two cover languages; NULL: the style's */
  gint64 date;                    /* the edition's date (seconds since the epoch, UTC) */
  guint threads; /* texts set at once, each on a thread of its own; 0: one per processor */
} PmComposeOptions;

typedef struct _PmComposition PmComposition;

/* The paragraph engine's settings for ELEMENT ("body", "note", "h1", …) of STYLE in LANG,
 * as the composer sets text with them; COLOR, if not NULL, gets the element's colour. */
void pm_compose_paragraph_style (const PmStyle *style, const char *element, const char *lang,
                                 PmParagraphStyle *ps, PmColor *color);

/* Sets DOCS (PmDocument *, in reading order) with STYLE and breaks them into pages.
 * Problems of the input (a missing glyph, a missing image) go to DIAGS; a missing glyph is
 * an error (returns NULL with ERROR set to the located message). REPORT, if not NULL, gets
 * an entry per document. The texts are set on up to OPTIONS->threads threads at once (FONTS
 * is used from all of them); the result does not depend on how many. */
PmComposition *pm_compose (PmFonts *fonts, const PmStyle *style, const GPtrArray *docs,
                           const PmComposeOptions *options, PmDiagnostics *diags, PmReport *report,
                           GError **error);

/* Frees a composition. NULL is allowed. */
void pm_composition_free (PmComposition *comp);

/* The pages, as the page builder made them; items' `user` are PmPiece pointers. */
const PmPages *pm_composition_get_pages (const PmComposition *comp);

/* The sections, in page order. */
guint pm_composition_get_n_sections (const PmComposition *comp);
const PmSection *pm_composition_get_section (const PmComposition *comp, guint i);

/* The front cover's text, per cover language (0 and 1): title, subtitle, publisher lines,
 * set centred at the cover's width; NULL where there is none. */
const PmParagraph *pm_composition_get_cover_text (const PmComposition *comp, guint lang,
                                                  guint what);

/* The files the composition read: the documents, their images, the fonts and the
 * hyphenation dictionaries used. */
const GPtrArray *pm_composition_get_files (const PmComposition *comp);

/* The title of the whole edition (the first cover language's title). */
const char *pm_composition_get_title (const PmComposition *comp);

/* Sets a paragraph of ELEMENT in LANG from plain TEXT at WIDTH (running heads, folios). */
PmParagraph *pm_composition_set_text (PmComposition *comp, const char *element, const char *lang,
                                      const char *text, double width, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmComposition, pm_composition_free)

G_END_DECLS
