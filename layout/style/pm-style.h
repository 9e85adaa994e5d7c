/* pm-style.h: style sheets — page geometry, text styles, per-language rules, cover.
 *
 * A sheet is YAML (doc/style.md documents every key). Sheets cascade: a sheet names its
 * parent with `inherit:` (looked up next to the sheet, then in the data directory's styles/),
 * the parent is applied first and the child overrides it key by key; then a `lang:` section
 * of either sheet overrides what it names for text in that language. Every text element
 * falls back to `body` for the keys it does not set. Everything is resolved at load time
 * into plain structs in points (1/72 in), so accessors are cheap lookups and the PmStyle can
 * be read from several threads at once.
 *
 * Errors name the sheet, line and column and what is allowed, e.g.
 * `booklet-a5.style:12:3: error: unknown key "fontsize" in [body]; allowed: family, size, …` */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PmStyle PmStyle;

/* A colour, each channel from 0 to 1. */
typedef struct {
  double r, g, b;
} PmColor;

typedef enum {
  PM_TEXT_ALIGN_JUSTIFY,
  PM_TEXT_ALIGN_LEFT,
  PM_TEXT_ALIGN_RIGHT,
  PM_TEXT_ALIGN_CENTER
} PmTextAlign;

/* Where running heads and folios sit across the line: on the outer edge of a facing page
 * (left on a left-hand page, right on a right-hand page), the inner edge, or centred. */
typedef enum {
  PM_SIDE_OUTER,
  PM_SIDE_INNER,
  PM_SIDE_CENTER
} PmSide;

typedef enum {
  PM_SECTION_START_CONTINUE,   /* a section follows on the same page */
  PM_SECTION_START_NEW_PAGE,   /* on the next page */
  PM_SECTION_START_RIGHT_PAGE, /* on the next right-hand (odd) page, leaving a blank */
} PmSectionStart;

/* What a running head shows. */
typedef enum {
  PM_HEAD_NONE,
  PM_HEAD_SECTION_TITLE,     /* the current section's title, in its language */
  PM_HEAD_PUBLICATION_TITLE, /* the title of the whole edition */
} PmHeadContent;

/* [page]: the trimmed page and its text block. All lengths in pt. */
typedef struct {
  double width, height; /* trimmed page */
  double margin_inner;  /* binding side (left on right-hand pages when facing) */
  double margin_outer;  /* fore-edge side */
  double margin_top, margin_bottom;
  double bleed;         /* printed beyond the trim on every side */
  int columns;          /* >= 1 */
  double column_gap;    /* between columns */
  double baseline_grid; /* distance of grid lines; 0 = no grid */
  gboolean facing;      /* inner/outer alternate between left and right pages */
  PmSectionStart section_start;
  /* Derived: the text block. */
  double measure;      /* width - margin_inner - margin_outer */
  double column_width; /* (measure - (columns - 1) * column_gap) / columns */
  double text_height;  /* height - margin_top - margin_bottom */
} PmPageStyle;

/* A text element, resolved for one language. Lengths in pt; strings owned by the PmStyle. */
typedef struct {
  const char *family; /* fontconfig family, e.g. "Liberation Serif" */
  double size;        /* font size */
  double leading;     /* baseline to baseline */
  int weight;         /* 1..1000; 400 normal, 700 bold */
  gboolean italic;
  PmColor color;
  const char *features;  /* OpenType features, the element's then the language's, in
                          * HarfBuzz's syntax ("onum,-liga"); "" for none */
  double letter_spacing; /* added between letters */
  gboolean uppercase;    /* set in capitals */
  PmTextAlign align;
  double indent;                    /* first-line indent of paragraphs */
  gboolean indent_after_heading;    /* indent the first paragraph after a heading too */
  double margin_left, margin_right; /* block indents (quotes, lists) */
  double space_before, space_after;
  int keep_with_next; /* lines of what follows a heading kept on its page; 0 = none */
  gboolean hyphenate;
  gboolean hyphenate_capitalised; /* FALSE: words that start with a capital are not */
  gboolean hyphenate_last_word;   /* FALSE: a paragraph's last word is not */
  gboolean protrusion;            /* margin kerning with pm_style_protrusion() */
  double expansion;    /* font expansion allowed, as a fraction of width (0.02); 0 = off */
  double word_spacing; /* the interword space, as a multiple of the font's space (1) */
  double space_stretch, space_shrink; /* its stretch and shrink, as fractions of it (1/2, 1/3) */
  /* Knuth–Plass parameters, as TeX names them. */
  double tolerance, pretolerance;
  double line_penalty, hyphen_penalty, ex_hyphen_penalty;
  double double_hyphen_demerits, final_hyphen_demerits, adj_demerits;
  double hyphenate_limit_lines; /* most hyphenated lines in a row, 0 for no limit */
  double widow_penalty, orphan_penalty;
  double broken_penalty;    /* a page break after a line ending in a hyphen (\brokenpenalty) */
  double emergency_stretch; /* stretch added per line in a last pass (TeX's \emergencystretch) */
} PmTextStyle;

/* Rules of one language ([language], overridden by lang: TAG:). Strings owned by PmStyle. */
typedef struct {
  const char *tag;                       /* "el", or "" for the defaults */
  const char *quote_open, *quote_close;  /* “ ” */
  const char *inner_open, *inner_close;  /* ‘ ’ */
  int hyphen_min_left, hyphen_min_right; /* TeX's \lefthyphenmin, \righthyphenmin */
  int hyphen_min_word;                   /* shorter words are not hyphenated */
  const char *features;                  /* OpenType features for the language; "" none */
  const char *contents_title;            /* heading of the contents in this language */
  const char *subtitle;                  /* the cover's subtitle in this language; "" none */
  const char *publisher;                 /* the cover's publisher line in this language; "" none */
} PmLangStyle;

/* [note] and [note-mark]: footnotes. The notes' text is pm_style_get_text ("note"). */
typedef struct {
  double separation;  /* from the last text line to the rule */
  double rule_length; /* 0 = no rule */
  double rule_thickness;
  PmColor rule_color;
  double rule_gap;   /* from the rule to the first note's first baseline's top */
  double note_gap;   /* extra space between two notes */
  gboolean restart;  /* numbering restarts with each section */
  double mark_scale; /* size of marks in the text, as a fraction of the text's size */
  double mark_raise; /* raise of marks, as a fraction of the text's size */
  gboolean mark_superscript_in_note; /* the number before a note superscript (else "1. ") */
} PmNoteStyle;

/* [head] and [folio]: running heads and page numbers. Their text: "head", "folio". */
typedef struct {
  PmHeadContent head_left, head_right; /* what left- and right-hand pages show */
  gboolean head_top;                   /* above the text block (else below) */
  PmSide head_side;
  double head_offset; /* from the text block's edge to the head's baseline */
  double head_rule;   /* thickness of a rule between head and text; 0 none */
  gboolean folio_top; /* above the text block (else below) */
  PmSide folio_side;
  double folio_offset;             /* from the text block's edge to the folio's baseline */
  gboolean folio_on_section_start; /* a folio on a section's first page */
  gboolean head_on_section_start;  /* a head on a section's first page */
} PmRunningStyle;

/* [list]: the items' text is pm_style_get_text ("list"). */
typedef struct {
  double indent;             /* from the measure's left edge to the items' text */
  const char *bullet;        /* "•" */
  const char *number_format; /* "1." "1)" "a)" "i.": the kind of number and what follows */
  double item_gap;           /* extra space between items */
} PmListStyle;

/* [contents]: the entries' text is "contents", the heading's "contents-title". */
typedef struct {
  const char *leader;  /* repeated between title and page number; "" none */
  double level_indent; /* indent per heading level below the first */
  double entry_gap;    /* extra space between entries */
} PmContentsStyle;

/* [masthead]: a leaflet's banner above the first column. Its text is "masthead". */
typedef struct {
  gboolean enabled;
  double height; /* of the band; 0 = as tall as its text */
  PmColor background;
  double rule_thickness; /* rule below the masthead; 0 none */
  PmColor rule_color;
  double space_after;
} PmMastheadStyle;

/* [cover]: a bilingual cover drawn by the engine. Text: "cover-title", "cover-subtitle",
 * "cover-publisher", each resolved for the language of its block. */
typedef struct {
  const char *languages[2]; /* the two languages, top block first; "" if unset */
  PmColor background, foreground, accent;
  double margin;         /* from the trim to the design */
  double band_height;    /* height of the accent band */
  double rule_thickness; /* rule between the two language blocks; 0 none */
  double gap;            /* space between the two language blocks */
  PmTextAlign align;     /* alignment of the blocks' text */
} PmCoverStyle;

/* Loads the sheet at PATH and the sheets it inherits from. On error returns NULL and sets
 * ERROR (PM_ERROR_INPUT, or PM_ERROR_IO if PATH cannot be read) to every problem found,
 * one `sheet:line:column: error: …` per line. */
PmStyle *pm_style_load (const char *path, GError **error);

/* As pm_style_load(), from LEN bytes of DATA (NUL-terminated if LEN < 0) named NAME; a
 * relative `inherit:` is looked up next to NAME, then in the data directory. */
PmStyle *pm_style_load_data (const char *name, const char *data, gssize len, GError **error);

/* Frees STYLE. NULL is allowed. */
void pm_style_free (PmStyle *style);

/* The page geometry. */
const PmPageStyle *pm_style_get_page (const PmStyle *style);

/* ELEMENT's text style for LANG (a BCP 47 tag; "el-GR" falls back to "el"; NULL or an
 * unknown language gives the defaults). Elements: body, h1, h2, h3, h4, quote, list, note,
 * head, folio, contents, contents-title, imprint, masthead, cover-title, cover-subtitle,
 * cover-publisher. An unknown element is a programming error and gives body. */
PmTextStyle pm_style_get_text (const PmStyle *style, const char *element, const char *lang);

/* The rules for LANG (falls back as pm_style_get_text()). */
const PmLangStyle *pm_style_get_lang (const PmStyle *style, const char *lang);

/* How far C protrudes into the margin, as a fraction of its width, on the RIGHT (line end)
 * or left (line start) side; 0 if the [protrusion] table does not name it. */
double pm_style_protrusion (const PmStyle *style, gunichar c, gboolean right);

/* Footnotes, running heads and folios, lists, contents, masthead, cover. */
const PmNoteStyle *pm_style_get_notes (const PmStyle *style);
const PmRunningStyle *pm_style_get_running (const PmStyle *style);
const PmListStyle *pm_style_get_list (const PmStyle *style);
const PmContentsStyle *pm_style_get_contents (const PmStyle *style);
const PmMastheadStyle *pm_style_get_masthead (const PmStyle *style);
const PmCoverStyle *pm_style_get_cover (const PmStyle *style);

/* The languages that have a lang: section, in the order first named. */
const char *const *pm_style_get_languages (const PmStyle *style);

/* Every sheet read, parents first, the sheet itself last (for rebuilding when one changes);
 * NULL-terminated. */
const char *const *pm_style_get_files (const PmStyle *style);

/* The sheet's file (as given), and the `name:` it declares ("" if none). */
const char *pm_style_get_path (const PmStyle *style);
const char *pm_style_get_name (const PmStyle *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmStyle, pm_style_free)

G_END_DECLS
