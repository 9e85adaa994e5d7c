/* pm-document.h: the document model, what the reader makes of one corpus file.
 *
 * A document is one text in one language: front matter, a list of blocks, and the bodies of
 * its footnotes. It is plain data (like PangoGlyphString): fields are public, the reader
 * fills them, later stages only read them. Every block and inline carries its language and
 * its place in the source file so that any later stage can report a problem there.
 * Every GPtrArray here owns its elements (made with the matching free function). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a node starts in its file; line and column count from 1 (column in characters). */
typedef struct {
  guint line;
  guint column;
} PmSourcePos;

typedef enum {
  PM_INLINE_TEXT,      /* characters; U+00A0, U+202F and U+00AD are kept as they are */
  PM_INLINE_NOTE_REF,  /* a footnote reference; `note` indexes PmDocument.notes */
  PM_INLINE_LINE_BREAK /* a hard line break (two spaces or a backslash at line end) */
} PmInlineKind;

/* Style bits of an inline; emphasis nests, so bits combine. */
typedef enum {
  PM_INLINE_ITALIC = 1 << 0, /* *emphasis* */
  PM_INLINE_BOLD = 1 << 1,   /* **strong** */
  PM_INLINE_CODE = 1 << 2,   /* `code` */
  PM_INLINE_LINK = 1 << 3    /* inside [a link](href); `href` holds the target */
} PmInlineStyle;

typedef struct {
  PmInlineKind kind;
  guint style;      /* PmInlineStyle bits */
  char *text;       /* TEXT: the characters; NOTE_REF: the label as written ("1") */
  int note;         /* NOTE_REF: index into PmDocument.notes, or -1 if it has no body */
  char *href;       /* with PM_INLINE_LINK, the target; else NULL */
  const char *lang; /* the document's language (owned by the document) */
  PmSourcePos pos;
} PmInline;

typedef enum {
  PM_BLOCK_HEADING,   /* level 1-6, inlines */
  PM_BLOCK_PARAGRAPH, /* inlines */
  PM_BLOCK_LIST,      /* ordered or not; children are PM_BLOCK_ITEMs */
  PM_BLOCK_ITEM,      /* children are blocks */
  PM_BLOCK_QUOTE,     /* children are blocks */
  PM_BLOCK_IMAGE,     /* a paragraph holding only an image: path, alt text */
  PM_BLOCK_RULE       /* a thematic break */
} PmBlockKind;

typedef struct _PmBlock PmBlock;
struct _PmBlock {
  PmBlockKind kind;
  PmSourcePos pos;
  const char *lang;    /* the document's language (owned by the document) */
  int level;           /* HEADING: 1-6; LIST: nesting depth from 1 */
  gboolean ordered;    /* LIST: numbered */
  int start;           /* LIST: first number of a numbered list */
  gboolean tight;      /* LIST: no blank lines between items */
  GPtrArray *inlines;  /* HEADING, PARAGRAPH: PmInline *; else NULL */
  GPtrArray *children; /* LIST, ITEM, QUOTE: PmBlock *; else NULL */
  char *src;           /* IMAGE: the path as written */
  char *path;          /* IMAGE: the path resolved against the file's directory */
  char *alt;           /* IMAGE: alternative text (may be empty) */
};

/* A footnote: its label as written, its number in order of first reference, its body. */
typedef struct {
  char *label;
  int number;        /* 1, 2, … in order of first reference; 0 if never referenced */
  GPtrArray *blocks; /* PmBlock * */
  PmSourcePos pos;
} PmNote;

typedef struct {
  char *path;            /* the file as given on the command line */
  char *lang;            /* BCP 47 tag from the front matter */
  char *title;           /* front matter `title`, or NULL */
  PmSourcePos title_pos; /* where the title's value starts in the front matter */
  char *kind;            /* front matter `kind` (statement, analysis, …), or NULL */
  char *source;          /* front matter `source`, or NULL */
  char *translator;      /* front matter `translator`, or NULL */
  GHashTable *meta;      /* every scalar front matter key -> value (char * -> char *) */
  GPtrArray *blocks;     /* PmBlock * */
  GPtrArray *notes;      /* PmNote *, in order of definition */
} PmDocument;

/* Frees a document and everything in it. NULL is allowed. */
void pm_document_free (PmDocument *doc);

/* Frees a block and its children. */
void pm_block_free (PmBlock *block);

/* Frees an inline. */
void pm_inline_free (PmInline *inl);

/* The text of INLINES without markup: note references as their labels, line breaks as
 * spaces. Free with g_free(). */
char *pm_inlines_to_text (const GPtrArray *inlines);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmDocument, pm_document_free)

G_END_DECLS
