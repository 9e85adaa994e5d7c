/* pm-paragraph.c: inlines -> words -> Knuth–Plass items -> breaks -> positioned glyphs.
 *
 * The text of a paragraph is cut into words at breaking spaces, forced line breaks and
 * no-break spaces; each word is cut where its font changes (parts, each shaped once through
 * the shaper's cache) and where it may break (pieces: Unicode break opportunities inside the
 * word, soft hyphens, hyphenation points). Every piece is a box; the cuts become penalties,
 * the spaces glue. Protrusion is built into the items (after Knuth's own constructions for
 * ragged and centred text), so the breaker needs no notion of it:
 *
 *   a word ending in a protruding character: penalty (width -right) before the space;
 *   a word starting with one: glue (space + left), box 0, penalty inf, glue (-left), so that
 *   after a break (which drops the glue before the empty box) the line starts with -left.
 *
 * Lines are then set from the breaks: the pieces of a part that a line holds are drawn from
 * the part's shaping when the line holds all of it, else reshaped (or cut out of it where
 * HarfBuzz says cutting is safe), with the hyphen added; the glue is set from the widths of
 * what is actually drawn, so that a justified line is flush to a hundredth of a point. */
#include "paragraph/pm-paragraph.h"

#include "base/pm-error.h"
#include "paragraph/pm-breaks.h"
#include "paragraph/pm-hyphen.h"
#include "paragraph/pm-linebreak.h"

#include <math.h>
#include <string.h>

/* What a stretch of the paragraph's text comes from. */
typedef enum {
  SPAN_TEXT,
  SPAN_NOTE, /* a note reference's label, set as a superscript */
  SPAN_BREAK /* a forced line break, "\n" in the text */
} SpanKind;

typedef struct {
  gsize start, end;
  SpanKind kind;
  const PmInline *inl;
  PmFontSpec spec;
  double rise;
} Span;

/* A word's stretch in one span: shaped as a whole. */
typedef struct {
  gsize start, end;
  guint span;
  const PmShapedRun *run;
} Part;

/* A box's text: a stretch of one part between cuts. */
typedef struct {
  gsize start, end;
  guint part;
  guint g0, g1; /* its glyphs in the part's run */
} Piece;

/* Kinds of break inside a word. */
typedef enum {
  BRK_NONE,
  BRK_AUTO,     /* hyphenation point: adds a hyphen */
  BRK_SOFT,     /* after a soft hyphen: adds a hyphen */
  BRK_EXPLICIT, /* after a hyphen in the text */
  BRK_DASH,     /* before or after a dash */
  BRK_APOS,     /* Turkish: after an apostrophe, no hyphen added */
  BRK_OTHER     /* any other Unicode break opportunity (after a slash, …) */
} BreakKind;

/* What an item stands for, kept beside the breaker's items. */
typedef struct {
  int piece;     /* BOX: its piece, or -1 for an empty or indent box */
  guint8 brk;    /* PENALTY: BreakKind, or BRK_NONE */
  double pr;     /* PENALTY: right protrusion of the line if it breaks here */
  int hyph_part; /* PENALTY: the part the added hyphen takes its font from, or -1 */
} ItemInfo;

typedef struct {
  gsize start, end; /* bytes */
  int sep;          /* separator before it: 0 none, 1 space, 2 no-break space, 3 forced break */
  guint sep_span;
} Word;

enum {
  SEP_NONE,
  SEP_SPACE,
  SEP_TIE,
  SEP_FORCED
};

/* The pieces of one part on one line, drawn together. */
typedef struct {
  guint part;
  gsize start, end; /* the part's text on this line */
  guint first_piece;
  gboolean hyphen;
  const PmShapedRun *run; /* what it draws: glyphs r0 .. r1 - 1 of RUN */
  guint r0, r1;
} Group;

struct _PmParagraph {
  char *text;
  GArray *lines; /* PmLine */
  GStringChunk *strings;
  double leading;
  double demerits;
  int pass;
};

struct _PmParagraphBuilder {
  PmFonts *fonts;
  PmShaper *shaper;
  PmLineBreaker *breaker;
  GHashTable *hyphenators; /* lang -> PmHyphenator * (a reference) */
  GHashTable *no_patterns; /* lang -> why it has none, for the warning */
  GHashTable *preloads;    /* lang -> Preload *: dictionaries loading ahead */
  GThreadPool *loader;     /* one thread loading them, made on first use */
  GMutex preload_lock;
  GCond preload_done;
  GHashTable *word_cache; /* lang, rules, word -> WordCuts (one block with its key) */
  /* What was said, once per source file: "file|lang" (no patterns), "file|face path|tag"
   * (a missing feature). */
  GHashTable *said;
  const PmFace *checked_face; /* the face and features check_features() saw last */
  /* The sized font set_line() asked the PmFonts for last, and for what */
  cairo_scaled_font_t *font;
  const PmFace *font_face;
  double font_size, font_expand;
  char *checked_features;
  char *source;
  /* scratch, reused by every build */
  GString *text;
  GArray *spans, *words, *parts, *pieces, *items, *infos, *cuts, *breaks, *word_scratch, *groups;
  PmBreakOpportunity *opportunities; /* a word's, by Unicode line breaking (pm_breaks_find) */
  gsize n_opportunities;
  GString *scratch, *scratch2;
  /* What the scratch holds after the last build, for pm_paragraph_builder_rebuild(). */
  enum {
    LAST_NONE,
    LAST_EMPTY,
    LAST_ITEMS
  } last;
};

/* A hyphenation dictionary loading ahead (libhyphen keeps no global state): loading the big
 * ones (English, Russian) costs more than setting their texts. One loader thread takes them
 * in the order asked for; a paragraph that needs one the loader has not started loads it
 * itself, so that the two threads share the work. States change under preload_lock. */
typedef enum {
  PRELOAD_QUEUED,
  PRELOAD_LOADING,
  PRELOAD_DONE,
  PRELOAD_TAKEN /* the paragraph's thread loads it */
} PreloadState;

typedef struct {
  char *lang;
  PreloadState state;
  PmHyphenator *h; /* DONE: the dictionary, or NULL with error set */
  GError *error;
} Preload;

static void
preload_free (gpointer data)
{
  Preload *p = data;
  pm_hyphenator_unref (p->h);
  g_clear_error (&p->error);
  g_free (p->lang);
  g_free (p);
}

/* ---- style ---- */

static const PmProtrusion default_protrusion[] = {
  /* After microtype's defaults, as fractions of the character's own width. */
  { '-', 0.0, 0.7 },    { 0x2010, 0.0, 0.7 }, { 0x00AD, 0.0, 0.7 },   { '.', 0.0, 0.7 },
  { ',', 0.0, 0.7 },    { ':', 0.0, 0.5 },    { ';', 0.0, 0.5 },      { '!', 0.0, 0.2 },
  { '?', 0.0, 0.2 },    { 0x2026, 0.0, 0.3 }, { 0x2013, 0.25, 0.25 }, { 0x2014, 0.2, 0.2 },
  { '\'', 0.4, 0.4 },   { '"', 0.3, 0.3 },    { 0x2018, 0.4, 0.4 },   { 0x2019, 0.4, 0.4 },
  { 0x201A, 0.4, 0.4 }, { 0x201C, 0.3, 0.3 }, { 0x201D, 0.3, 0.3 },   { 0x201E, 0.3, 0.3 },
  { 0x00AB, 0.3, 0.3 }, { 0x00BB, 0.3, 0.3 }, { 0x2039, 0.3, 0.3 },   { 0x203A, 0.3, 0.3 },
  { 0x0387, 0.0, 0.5 }, { 0x037E, 0.0, 0.5 }, { ')', 0.0, 0.1 },      { '(', 0.1, 0.0 },
};

const PmProtrusion *
pm_paragraph_default_protrusion (guint *n)
{
  *n = G_N_ELEMENTS (default_protrusion);
  return default_protrusion;
}

void
pm_paragraph_style_init (PmParagraphStyle *style)
{
  memset (style, 0, sizeof *style);
  style->family = "Liberation Serif";
  style->size = 10;
  style->weight = PM_WEIGHT_REGULAR;
  style->features = ""; /* HarfBuzz's defaults: kern, liga, locl, … */
  style->leading = 13;
  style->align = PM_ALIGN_JUSTIFY;
  style->word_spacing = 1;
  style->space_stretch = 0.5;
  style->space_shrink = 1.0 / 3.0;
  style->ragged_stretch = 2;
  style->hyphenate = TRUE;
  style->min_word = 5;
  style->hyphenate_capitalised = TRUE;
  style->hyphenate_last_word = TRUE;
  style->expansion_step = 0.005;
  style->protrude = TRUE;
  /* TeX's line-breaking defaults, as the breaker has them. */
  PmLineBreakParams lb;
  pm_line_break_params_init (&lb);
  style->tolerance = lb.tolerance;
  style->pretolerance = lb.pretolerance;
  style->line_penalty = lb.line_penalty;
  style->hyphen_penalty = lb.hyphen_penalty;
  style->ex_hyphen_penalty = lb.ex_hyphen_penalty;
  style->double_hyphen_demerits = lb.double_hyphen_demerits;
  style->final_hyphen_demerits = lb.final_hyphen_demerits;
  style->adj_demerits = lb.adj_demerits;
  style->max_hyphen_run = lb.max_hyphen_run;
  style->emergency_stretch = 2 * style->size; /* a third pass rather than an overfull line */
  style->note_scale = 0.65;
  style->note_rise = 0.35;
}

/* ---- builder ---- */

PmParagraphBuilder *
pm_paragraph_builder_new (PmFonts *fonts)
{
  PmParagraphBuilder *b = g_new0 (PmParagraphBuilder, 1);
  b->fonts = fonts;
  b->shaper = pm_shaper_new (fonts);
  b->breaker = pm_line_breaker_new ();
  b->preloads = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, preload_free);
  g_mutex_init (&b->preload_lock);
  g_cond_init (&b->preload_done);
  b->hyphenators =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)pm_hyphenator_unref);
  b->no_patterns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  b->said = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->word_cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  b->word_scratch = g_array_new (FALSE, FALSE, sizeof (guint64));
  b->groups = g_array_new (FALSE, FALSE, sizeof (Group));
  b->text = g_string_new (NULL);
  b->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  b->words = g_array_new (FALSE, FALSE, sizeof (Word));
  b->parts = g_array_new (FALSE, FALSE, sizeof (Part));
  b->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  b->items = g_array_new (FALSE, FALSE, sizeof (PmItem));
  b->infos = g_array_new (FALSE, FALSE, sizeof (ItemInfo));
  b->cuts = g_array_new (FALSE, FALSE, sizeof (guint64));
  b->breaks = g_array_new (FALSE, FALSE, sizeof (PmBreak));
  b->scratch = g_string_new (NULL);
  b->scratch2 = g_string_new (NULL);
  return b;
}

PmParagraphBuilder *
pm_paragraph_builder_new_sharing (PmParagraphBuilder *b)
{
  PmParagraphBuilder *s = pm_paragraph_builder_new (b->fonts);
  GHashTableIter it;
  gpointer lang, value;
  g_hash_table_iter_init (&it, b->hyphenators);
  while (g_hash_table_iter_next (&it, &lang, &value))
    g_hash_table_insert (s->hyphenators, g_strdup (lang), pm_hyphenator_ref (value));
  g_hash_table_iter_init (&it, b->no_patterns);
  while (g_hash_table_iter_next (&it, &lang, &value))
    g_hash_table_insert (s->no_patterns, g_strdup (lang), g_strdup (value));
  /* What B said is not said again, by either. */
  g_hash_table_iter_init (&it, b->said);
  while (g_hash_table_iter_next (&it, &lang, NULL))
    g_hash_table_add (s->said, g_strdup (lang));
  return s;
}

void
pm_paragraph_builder_free (PmParagraphBuilder *b)
{
  if (!b)
    return;
  pm_shaper_free (b->shaper);
  pm_line_breaker_free (b->breaker);
  /* Dictionaries not started are dropped; one loading is waited for. */
  if (b->loader)
    g_thread_pool_free (b->loader, TRUE, TRUE);
  g_hash_table_unref (b->preloads);
  g_mutex_clear (&b->preload_lock);
  g_cond_clear (&b->preload_done);
  g_hash_table_unref (b->hyphenators);
  g_hash_table_unref (b->no_patterns);
  g_hash_table_unref (b->said);
  g_free (b->checked_features);
  g_hash_table_unref (b->word_cache);
  g_array_unref (b->word_scratch);
  g_array_unref (b->groups);
  g_free (b->source);
  g_string_free (b->text, TRUE);
  g_array_unref (b->spans);
  g_array_unref (b->words);
  g_array_unref (b->parts);
  g_array_unref (b->pieces);
  g_array_unref (b->items);
  g_array_unref (b->infos);
  g_array_unref (b->cuts);
  g_array_unref (b->breaks);
  g_free (b->opportunities);
  g_string_free (b->scratch, TRUE);
  g_string_free (b->scratch2, TRUE);
  g_free (b);
}

void
pm_paragraph_builder_add_dictionaries (PmParagraphBuilder *b, GPtrArray *files)
{
  GHashTableIter iter;
  gpointer h;
  g_hash_table_iter_init (&iter, b->hyphenators);
  while (g_hash_table_iter_next (&iter, NULL, &h))
    g_ptr_array_add (files, g_strdup (pm_hyphenator_get_dictionary (h)));
}

PmShaper *
pm_paragraph_builder_get_shaper (PmParagraphBuilder *b)
{
  return b->shaper;
}

void
pm_paragraph_builder_set_source (PmParagraphBuilder *b, const char *file)
{
  b->checked_face = NULL; /* checked again for the new file */
  g_free (b->source);
  b->source = g_strdup (file);
}

/* ---- places in the source ---- */

static const Span *
span_at (PmParagraphBuilder *b, gsize offset)
{
  Span *spans = (Span *)b->spans->data;
  guint lo = 0, hi = b->spans->len;
  while (hi - lo > 1) {
    guint mid = (lo + hi) / 2;
    if (spans[mid].start <= offset)
      lo = mid;
    else
      hi = mid;
  }
  return b->spans->len ? &spans[lo] : NULL;
}

/* The line and column in the source of byte OFFSET of the paragraph's text. */
static void
place_of (PmParagraphBuilder *b, gsize offset, guint *line, guint *column)
{
  const Span *s = span_at (b, offset);
  *line = 0;
  *column = 0;
  if (!s || !s->inl)
    return;
  *line = s->inl->pos.line;
  *column = s->inl->pos.column;
  if (s->kind != SPAN_TEXT || !s->inl->text)
    return;
  /* The inline's own text may hold line breaks (soft breaks the reader kept). */
  const char *t = s->inl->text, *end = t + MIN (offset - s->start, strlen (t));
  for (const char *p = t; p < end; p = g_utf8_next_char (p)) {
    if (*p == '\n') {
      (*line)++;
      *column = 1;
    } else
      (*column)++;
  }
}

/* ---- building the text ---- */

static void
span_spec (const PmParagraphStyle *style, const PmInline *inl, SpanKind kind, Span *s)
{
  s->spec.family = style->family ? style->family : "Liberation Serif";
  s->spec.size = style->size;
  s->spec.weight = style->weight ? style->weight : PM_WEIGHT_REGULAR;
  s->spec.italic = FALSE;
  s->spec.lang = style->lang ? style->lang : (inl ? inl->lang : NULL);
  s->spec.features = style->features;
  s->rise = 0;
  if (inl && (inl->style & PM_INLINE_BOLD))
    s->spec.weight = PM_WEIGHT_BOLD;
  s->spec.italic = style->italic;
  if (inl && (inl->style & PM_INLINE_ITALIC))
    s->spec.italic = !style->italic;
  if (kind == SPAN_NOTE) {
    s->spec.size = style->size * style->note_scale;
    s->rise = style->size * style->note_rise;
  }
}

static void
add_span (PmParagraphBuilder *b, const PmParagraphStyle *style, const PmInline *inl, SpanKind kind,
          const char *text)
{
  Span s = { 0 };
  s.start = b->text->len;
  s.kind = kind;
  s.inl = inl;
  span_spec (style, inl, kind, &s);
  /* Offsets must stay those of the source text: control characters become spaces in place. */
  for (const char *p = text; *p; p++)
    g_string_append_c (b->text,
                       (*p == '\n' || *p == '\r' || *p == '\t') && kind != SPAN_BREAK ? ' ' : *p);
  s.end = b->text->len;
  if (s.end > s.start)
    g_array_append_val (b->spans, s);
}

static gboolean
is_breaking_space (gunichar c)
{
  if (c == 0x00A0 || c == 0x202F || c == 0x2007 || c == 0x2060 || c == 0xFEFF)
    return FALSE;
  return c == ' ' || c == '\t' || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

/* Splits the text into words and the separators between them. */
static void
find_words (PmParagraphBuilder *b)
{
  const char *text = b->text->str, *end = text + b->text->len, *p = text;
  int pending = SEP_NONE;
  guint pending_span = 0;
  while (p < end) {
    gunichar c = g_utf8_get_char (p);
    /* Text spans had their line feeds turned into spaces: a line feed is a forced break. */
    if (c == '\n') {
      pending = SEP_FORCED;
      p++;
      continue;
    }
    if (is_breaking_space (c) || c == 0x00A0) {
      /* A no-break space holds even beside a breaking one; a forced break wins over both. */
      if (pending == SEP_NONE)
        pending_span = (guint)(span_at (b, (gsize)(p - text)) - (const Span *)b->spans->data);
      if (c == 0x00A0 && pending != SEP_FORCED)
        pending = SEP_TIE;
      else if (pending == SEP_NONE)
        pending = SEP_SPACE;
      p = g_utf8_next_char (p);
      continue;
    }
    Word w = { 0 };
    w.start = (gsize)(p - text);
    while (p < end) {
      gunichar d = g_utf8_get_char (p);
      if (d == '\n' || d == 0x00A0 || is_breaking_space (d))
        break;
      p = g_utf8_next_char (p);
    }
    w.end = (gsize)(p - text);
    w.sep = b->words->len ? pending : SEP_NONE;
    w.sep_span = pending_span;
    g_array_append_val (b->words, w);
    pending = SEP_NONE;
  }
}

/* ---- hyphenation ---- */

static PmHyphenator *preload_take (PmParagraphBuilder *b, const char *lang, GError **error);

/* Warns, once per source file, that LANG (known to have no patterns) is set without
 * hyphenation, at OFFSET. */
static void
say_no_patterns (PmParagraphBuilder *b, const char *lang, gsize offset, PmDiagnostics *diags)
{
  if (!diags || !g_hash_table_add (b->said, g_strdup_printf ("%s|%s", b->source, lang)))
    return;
  guint line, col;
  place_of (b, offset, &line, &col);
  pm_diagnostics_add (diags, PM_SEVERITY_WARNING, b->source ? b->source : "", line, col,
                      "%s: text in '%s' is set without hyphenation",
                      (const char *)g_hash_table_lookup (b->no_patterns, lang), lang);
}

static PmHyphenator *
get_hyphenator (PmParagraphBuilder *b, const char *lang, gsize offset, PmDiagnostics *diags)
{
  PmHyphenator *h = g_hash_table_lookup (b->hyphenators, lang);
  if (!h && !g_hash_table_contains (b->no_patterns, lang)) {
    GError *error = NULL;
    h = preload_take (b, lang, &error);
    if (h)
      g_hash_table_insert (b->hyphenators, g_strdup (lang), h);
    else
      g_hash_table_insert (b->no_patterns, g_strdup (lang),
                           g_strdup (error ? error->message : "no hyphenation patterns"));
    g_clear_error (&error);
  }
  if (!h)
    say_no_patterns (b, lang, offset, diags);
  return h;
}

/* The loader thread's work: P, unless the paragraph's thread took it meanwhile. */
static void
preload_run (gpointer data, gpointer user_data)
{
  Preload *p = data;
  PmParagraphBuilder *b = user_data;
  g_mutex_lock (&b->preload_lock);
  gboolean mine = p->state == PRELOAD_QUEUED;
  if (mine)
    p->state = PRELOAD_LOADING;
  g_mutex_unlock (&b->preload_lock);
  if (!mine)
    return;
  GError *error = NULL;
  PmHyphenator *h = pm_hyphenator_new (p->lang, &error);
  g_mutex_lock (&b->preload_lock);
  p->h = h;
  p->error = error;
  p->state = PRELOAD_DONE;
  g_cond_broadcast (&b->preload_done);
  g_mutex_unlock (&b->preload_lock);
}

static PmHyphenator *
preload_take (PmParagraphBuilder *b, const char *lang, GError **error)
{
  Preload *p = g_hash_table_lookup (b->preloads, lang);
  if (!p)
    return pm_hyphenator_new (lang, error);
  g_mutex_lock (&b->preload_lock);
  gboolean mine = p->state == PRELOAD_QUEUED;
  if (mine)
    p->state = PRELOAD_TAKEN;
  while (!mine && p->state != PRELOAD_DONE)
    g_cond_wait (&b->preload_done, &b->preload_lock);
  g_mutex_unlock (&b->preload_lock);
  PmHyphenator *h;
  if (mine) {
    h = pm_hyphenator_new (lang, error);
  } else {
    h = g_steal_pointer (&p->h);
    if (p->error)
      g_propagate_error (error, g_steal_pointer (&p->error));
  }
  /* P stays until the builder is freed: the loader may still hold it in its queue. */
  return h;
}

void
pm_paragraph_builder_preload_hyphenation (PmParagraphBuilder *b, const char *lang)
{
  if (!lang || !*lang || g_hash_table_contains (b->hyphenators, lang) ||
      g_hash_table_contains (b->no_patterns, lang) || g_hash_table_contains (b->preloads, lang))
    return;
  if (!b->loader)
    b->loader = g_thread_pool_new (preload_run, b, 1, FALSE, NULL);
  Preload *p = g_new0 (Preload, 1);
  p->lang = g_strdup (lang);
  p->state = PRELOAD_QUEUED;
  g_hash_table_insert (b->preloads, p->lang, p);
  g_thread_pool_push (b->loader, p, NULL);
}

/* A cut inside a word: offset in the high bits, kind in the low, so that sorting works. */
static void
add_cut (PmParagraphBuilder *b, gsize offset, BreakKind kind)
{
  guint64 v = ((guint64)offset << 8) | (guint64)kind;
  g_array_append_val (b->cuts, v);
}

static int
cmp_u64 (gconstpointer a, gconstpointer c)
{
  guint64 x = *(const guint64 *)a, y = *(const guint64 *)c;
  return (x > y) - (x < y);
}

static gboolean
simple_word (const char *p, const char *end)
{
  for (; p < end; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (c < 0x80) {
      if (g_ascii_isalpha (c) || strchr (".,;:!?)]}\"'([{", (int)c))
        continue;
      return FALSE;
    }
    if (c == 0x00AB || c == 0x00BB || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
        c == 0x201E)
      continue;
    if (!g_unichar_isalpha (c) && !g_unichar_ismark (c))
      return FALSE;
    GUnicodeScript script = g_unichar_get_script (c);
    if (script != G_UNICODE_SCRIPT_LATIN && script != G_UNICODE_SCRIPT_GREEK &&
        script != G_UNICODE_SCRIPT_CYRILLIC && script != G_UNICODE_SCRIPT_INHERITED)
      return FALSE;
  }
  return TRUE;
}

/* Finds the break points inside word W (Unicode opportunities, soft hyphens, Turkish
 * apostrophes, hyphenation points) as cuts relative to its start, into OUT. ONE_SPAN: the word
 * lies in one text span (no need to look up spans character by character). */
static void
word_breaks (PmParagraphBuilder *b, const Word *w, gboolean one_span, const PmParagraphStyle *style,
             PmDiagnostics *diags, GArray *out)
{
  const char *text = b->text->str, *ws = text + w->start, *we = text + w->end;
  const Span *first = span_at (b, w->start);
  glong nchars = g_utf8_strlen (ws, (gssize)(we - ws));
  if (b->n_opportunities < (gsize)nchars + 1) {
    b->n_opportunities = (gsize)nchars + 1;
    b->opportunities = g_renew (PmBreakOpportunity, b->opportunities, b->n_opportunities);
  }
  /* Unicode line breaking inside the word: breaks at spaces are the caller's. A word of Latin,
   * Greek or Cyrillic letters with at most quotes and punctuation around them has no break
   * inside (UAX #14: AL x AL, x CL/EX/IS, OP x, QU both ways), so only the others go through
   * the rules: digits, hyphens, dashes, slashes, soft hyphens, other scripts. */
  if (simple_word (ws, we))
    memset (b->opportunities, 0, sizeof (PmBreakOpportunity) * ((gsize)nchars + 1));
  else
    pm_breaks_find (ws, we - ws, b->opportunities, (gsize)nchars + 1);
  gboolean soft = FALSE;
  gunichar prev = 0;
  guint i = 0;
  for (const char *q = ws; q < we; q = g_utf8_next_char (q), i++) {
    gunichar c = g_utf8_get_char (q);
    gsize o = (gsize)(q - ws);
    const Span *s = one_span ? first : span_at (b, w->start + o);
    if (s->kind != SPAN_TEXT) {
      prev = c;
      continue;
    }
    if (c == 0x00AD)
      soft = TRUE;
    /* An em dash set close to the word before it stays with it (TeX's rule, Chicago's): the
     * line breaks after the dash, never before. */
    gboolean before_dash = (c == 0x2014 || c == 0x2015) && g_unichar_isalnum (prev);
    if (i > 0 && b->opportunities[i] != PM_BREAK_NONE && !before_dash) {
      BreakKind k = BRK_OTHER;
      if (prev == 0x00AD)
        k = BRK_SOFT;
      else if (prev == '-' || prev == 0x2010)
        k = BRK_EXPLICIT;
      else if (prev == 0x2013 || prev == 0x2014 || prev == 0x2015 || c == 0x2014 || c == 0x2015)
        k = BRK_DASH;
      guint64 v = ((guint64)o << 8) | (guint64)k;
      g_array_append_val (out, v);
    }
    prev = c;
  }
  /* Soft hyphens are the only places a word that has them breaks (TeX's rule). */
  if (soft)
    return;

  /* Hyphenate each stretch of the word in text spans (not a note mark glued to it); the
   * hyphenator skips numbers, addresses, mixed-case names and, by the rules, capitalised
   * words and compounds. */
  const char *q = ws;
  while (q < we) {
    const Span *s = one_span ? first : span_at (b, (gsize)(q - text));
    const char *r = one_span ? we : text + MIN (s->end, w->end);
    if (s->kind != SPAN_TEXT || !s->spec.lang) {
      q = r;
      continue;
    }
    /* Consecutive text spans in one language (emphasis inside a word) hyphenate as one. */
    while (!one_span && r < we) {
      const Span *t = span_at (b, (gsize)(r - text));
      if (t->kind != SPAN_TEXT || g_strcmp0 (t->spec.lang, s->spec.lang) != 0)
        break;
      r = text + MIN (t->end, w->end);
    }
    guint letters = 0;
    for (const char *c = q; c < r; c = g_utf8_next_char (c))
      letters += g_unichar_isalpha (g_utf8_get_char (c)) != 0;
    PmHyphenator *h = get_hyphenator (b, s->spec.lang, (gsize)(q - text), diags);
    if (h) {
      PmHyphenRules rules;
      pm_hyphen_rules_init (&rules, s->spec.lang);
      if (style->left_min > 0)
        rules.left_min = style->left_min;
      if (style->right_min > 0)
        rules.right_min = style->right_min;
      rules.capitalised = style->hyphenate_capitalised;
      rules.compound_parts = style->hyphenate_compounds;
      for (int kind = 0; kind < 2; kind++) {
        /* Turkish breaks after the apostrophe before a suffix, with no hyphen added. */
        if (kind == 0 && (!style->hyphenate || letters < (guint)MAX (style->min_word, 1)))
          continue;
        GArray *points = kind == 0 ? pm_hyphenator_hyphenate (h, q, (gssize)(r - q), &rules)
                                   : pm_hyphenator_plain_breaks (h, q, (gssize)(r - q), &rules);
        for (guint k = 0; points && k < points->len; k++) {
          int p = g_array_index (points, int, k);
          if (p > 0 && p < (int)(r - q)) {
            guint64 v = ((guint64)(q - ws + p) << 8) | (guint64)(kind == 0 ? BRK_AUTO : BRK_APOS);
            g_array_append_val (out, v);
          }
        }
        if (points)
          g_array_unref (points);
      }
    }
    q = r;
  }
}

/* A word's cuts from its start, as cached: one block holding the cuts and, after them, the
 * key (thousands of words: freeing them one by one was a good part of a build's tail). */
typedef struct {
  guint n;
  guint64 cuts[];
} WordCuts;

/* The cuts of word W into b->cuts (absolute offsets); a word in one text span is looked up
 * in (or added to) the builder's cache, since the words of a text repeat. */
static void
word_cuts (PmParagraphBuilder *b, const Word *w, const PmParagraphStyle *style, gboolean last,
           PmDiagnostics *diags)
{
  const Span *first = span_at (b, w->start);
  gboolean one_span = first->kind == SPAN_TEXT && first->end >= w->end;
  const guint64 *rel;
  guint n_rel;
  GString *key = b->scratch;
  if (one_span) {
    /* Everything that decides the cuts besides the text. */
    g_string_assign (key, first->spec.lang ? first->spec.lang : "");
    g_string_append_c (key, '\x1f');
    g_string_append_c (key, style->hyphenate ? 'h' : '-');
    g_string_append_c (key, style->hyphenate_capitalised ? 'c' : '-');
    g_string_append_c (key, (char)('A' + CLAMP (style->left_min, 0, 60)));
    g_string_append_c (key, (char)('A' + CLAMP (style->right_min, 0, 60)));
    g_string_append_c (key, (char)('A' + CLAMP (style->min_word, 0, 60)));
    g_string_append_len (key, b->text->str + w->start, (gssize)(w->end - w->start));
    WordCuts *cached = g_hash_table_lookup (b->word_cache, key->str);
    /* A word seen before in another file: the warning is that file's too. */
    if (cached && first->spec.lang && g_hash_table_size (b->no_patterns) > 0 &&
        g_hash_table_contains (b->no_patterns, first->spec.lang))
      say_no_patterns (b, first->spec.lang, w->start, diags);
    if (!cached) {
      GArray *found = b->word_scratch;
      g_array_set_size (found, 0);
      word_breaks (b, w, TRUE, style, diags, found);
      gsize cuts = sizeof (WordCuts) + found->len * sizeof (guint64);
      cached = g_malloc (cuts + key->len + 1);
      cached->n = found->len;
      if (found->len) /* an empty array's data is NULL */
        memcpy (cached->cuts, found->data, found->len * sizeof (guint64));
      char *k = (char *)cached + cuts;
      memcpy (k, key->str, key->len + 1);
      g_hash_table_insert (b->word_cache, k, cached);
    }
    rel = cached->cuts;
    n_rel = cached->n;
  } else {
    g_array_set_size (b->word_scratch, 0);
    word_breaks (b, w, FALSE, style, diags, b->word_scratch);
    rel = (const guint64 *)b->word_scratch->data;
    n_rel = b->word_scratch->len;
  }
  /* The paragraph's last word keeps its hyphenation points out if the style says so. */
  gboolean no_auto = last && !style->hyphenate_last_word;
  for (guint i = 0; i < n_rel; i++) {
    guint64 v = rel[i] + ((guint64)w->start << 8);
    if (no_auto && (v & 0xff) == BRK_AUTO)
      continue;
    g_array_append_val (b->cuts, v);
  }
}

/* ---- items ---- */

static void
push (PmParagraphBuilder *b, PmItemType type, double width, double stretch, double shrink,
      int order, double penalty, gboolean flagged, gboolean automatic, const ItemInfo *info)
{
  guint n = b->items->len;
  g_array_set_size (b->items, n + 1);
  g_array_set_size (b->infos, n + 1);
  PmItem *it = &g_array_index (b->items, PmItem, n);
  memset (it, 0, sizeof *it);
  it->type = type;
  it->width = width;
  it->stretch = stretch;
  it->shrink = shrink;
  it->stretch_order = order;
  it->penalty = (int)CLAMP (penalty, PM_PENALTY_FORCE, PM_PENALTY_INFINITY);
  it->flagged = flagged;
  it->automatic = automatic;
  ItemInfo none = { -1, BRK_NONE, 0, -1 };
  g_array_index (b->infos, ItemInfo, n) = info ? *info : none;
}

#define BOX(w, piece)                                                                              \
  do {                                                                                             \
    ItemInfo i_ = { (piece), BRK_NONE, 0, -1 };                                                    \
    push (b, PM_ITEM_BOX, (w), 0, 0, 0, 0, FALSE, FALSE, &i_);                                     \
  } while (0)
#define GLUE(w, st, sh) push (b, PM_ITEM_GLUE, (w), (st), (sh), 0, 0, FALSE, FALSE, NULL)
#define FILL() push (b, PM_ITEM_GLUE, 0, 1, 0, 1, 0, FALSE, FALSE, NULL)
#define PENALTY(w, p) push (b, PM_ITEM_PENALTY, (w), 0, 0, 0, (p), FALSE, FALSE, NULL)

static double
protrusion_factor (const PmParagraphStyle *style, gunichar c, gboolean right)
{
  if (!style->protrude)
    return 0;
  if (style->protrusion_func)
    return style->protrusion_func (style->protrusion_data, c, right);
  const PmProtrusion *table = style->protrusion;
  guint n = style->n_protrusion;
  if (!table)
    table = pm_paragraph_default_protrusion (&n);
  for (guint i = 0; i < n; i++)
    if (table[i].c == c)
      return right ? table[i].right : table[i].left;
  return 0;
}

/* How far the character at OFFSET may hang into the right (or left) margin, in points. */
static double
protrusion_at (PmParagraphBuilder *b, const PmParagraphStyle *style, gsize offset, gboolean right)
{
  const Span *s = span_at (b, offset);
  if (!s || s->kind != SPAN_TEXT || style->align == PM_ALIGN_CENTER)
    return 0;
  gunichar c = g_utf8_get_char (b->text->str + offset);
  double f = protrusion_factor (style, c, right);
  if (f == 0)
    return 0;
  double w = pm_shaper_char_width (b->shaper, &s->spec, c, NULL);
  return w > 0 ? f * w : 0;
}

static gsize
prev_char_offset (PmParagraphBuilder *b, gsize offset)
{
  return (gsize)(g_utf8_prev_char (b->text->str + offset) - b->text->str);
}

/* A penalty where a word may break, with Knuth's ragged and centred constructions. DELTA is
 * how much wider the rest of the word is on the next line than as part of the whole word:
 * glue (-DELTA), box 0, penalty inf, glue (DELTA) adds it to the next line only, since a
 * break drops the first glue and keeps the rest, and unbroken the two cancel. */
static void
push_break (PmParagraphBuilder *b, const PmParagraphStyle *style, double width, double penalty,
            gboolean flagged, gboolean automatic, BreakKind kind, double pr, int hyph_part,
            double R, double delta)
{
  ItemInfo info = { -1, (guint8)kind, pr, hyph_part };
  gboolean shift = fabs (delta) > 1e-9;
  /* The infinite penalty keeps the ragged glue after the letters from being a break of its
   * own: one there would end the line without the hyphen (and without the ragged stretch). */
  if (style->align != PM_ALIGN_JUSTIFY) {
    PENALTY (0, PM_PENALTY_INFINITY);
    GLUE (0, R, 0);
  }
  push (b, PM_ITEM_PENALTY, width, 0, 0, 0, penalty, flagged, automatic, &info);
  if (style->align == PM_ALIGN_RAGGED_RIGHT)
    GLUE (0, -R, 0);
  if (style->align == PM_ALIGN_CENTER) {
    GLUE (-delta, -2 * R, 0);
    BOX (0, -1);
    PENALTY (0, PM_PENALTY_INFINITY);
    GLUE (delta, R, 0);
  } else if (shift) {
    GLUE (-delta, 0, 0);
    BOX (0, -1);
    PENALTY (0, PM_PENALTY_INFINITY);
    GLUE (delta, 0, 0);
  }
}

/* The widths a break at AT inside part PP gives its two sides, as differences from the
 * part's own shaping: PRE, what the line before adds at its end (the hyphen if ADD_HYPHEN,
 * and any change to the letters before the break), DELTA what the next line adds at its
 * start. Where HarfBuzz says a break is safe and no hyphen is added, both are 0 without
 * reshaping anything. The pieces before AT are taken to start at the part's start and those
 * after to run to its end (a word broken twice is measured a little off, and set exactly). */
static gboolean
break_widths (PmParagraphBuilder *b, const Part *pp, const Span *ps, gsize at, gboolean add_hyphen,
              double *pre, double *delta, GError **error)
{
  const PmShapedRun *run = pp->run;
  gsize rel = at - pp->start;
  double before = 0;
  guint g = 0;
  while (g < run->n_glyphs && run->glyphs[g].cluster < rel)
    before += run->glyphs[g++].x_advance;
  gboolean inside = at < pp->end;
  gboolean unsafe =
      inside && g < run->n_glyphs &&
      (run->glyphs[g].cluster != rel || (run->glyphs[g].flags & PM_GLYPH_UNSAFE_TO_BREAK));
  *pre = 0;
  *delta = 0;
  if (!unsafe && !add_hyphen)
    return TRUE;
  /* Where the break is safe, the hyphen can only interact with the letter before it (a kerning
   * pair): shaping that letter with and without the hyphen, a few pairs every text shares,
   * gives the same width as reshaping the whole first piece. */
  gsize from = unsafe ? pp->start : prev_char_offset (b, at);
  if (!unsafe) {
    const PmShapedRun *letter = pm_shaper_shape (b->shaper, &ps->spec, b->text->str + from,
                                                 (gssize)(at - from), NULL, NULL);
    if (letter)
      before = letter->width;
  }
  GString *t = b->scratch2;
  g_string_truncate (t, 0);
  g_string_append_len (t, b->text->str + from, (gssize)(at - from));
  if (add_hyphen)
    g_string_append_c (t, '-');
  const PmShapedRun *r = pm_shaper_shape (b->shaper, &ps->spec, t->str, (gssize)t->len, NULL, NULL);
  if (!r) {
    /* Only the hyphen can be new here: the font has no hyphen. */
    gsize bad = 0;
    if (!pm_shaper_shape (b->shaper, &ps->spec, "-", 1, &bad, NULL)) {
      g_set_error (error, PM_ERROR, PM_ERROR_FONT,
                   "%s: the font %s has no hyphen (U+002D) to hyphenate with",
                   b->source ? b->source : "", ps->spec.family);
      return FALSE;
    }
    return TRUE;
  }
  *pre = r->width - before;
  if (unsafe) {
    const PmShapedRun *post = pm_shaper_shape (b->shaper, &ps->spec, b->text->str + at,
                                               (gssize)(pp->end - at), NULL, NULL);
    if (post)
      *delta = post->width - (run->width - before);
  }
  return TRUE;
}

static double
space_width (PmParagraphBuilder *b, const PmParagraphStyle *style, const Span *s)
{
  double w = pm_shaper_char_width (b->shaper, &s->spec, ' ', NULL);
  if (style->word_spacing > 0)
    w *= style->word_spacing;
  return w > 0 ? w : s->spec.size / 4;
}

/* Report a character no font has, at its place in the source. */
static void
missing_glyph_error (PmParagraphBuilder *b, gsize offset, GError **error)
{
  guint line, col;
  place_of (b, offset, &line, &col);
  gunichar c = g_utf8_get_char (b->text->str + offset);
  char buf[8] = { 0 };
  g_unichar_to_utf8 (c, buf);
  g_set_error (error, PM_ERROR, PM_ERROR_FONT,
               "%s:%u:%u: no declared font can show '%s' (U+%04X): replace the character or "
               "declare a font that has it (fonts/fonts.conf)",
               b->source ? b->source : "", line, col, buf, c);
}

/* A feature the style turns on that the face lacks changes nothing on the page: said once
 * per face and feature, at the first text set so. Runs of a word come here one by one, so
 * the face and features last checked are not checked again. */
static void
check_features (PmParagraphBuilder *b, const PmShapedRun *run, const PmFontSpec *spec, gsize offset,
                PmDiagnostics *diags)
{
  if (!diags || !spec->features || !*spec->features ||
      (run->face == b->checked_face && !g_strcmp0 (spec->features, b->checked_features)))
    return;
  b->checked_face = run->face;
  g_free (b->checked_features);
  b->checked_features = g_strdup (spec->features);
  g_autoptr (GArray) missing = g_array_new (FALSE, FALSE, sizeof (hb_tag_t));
  pm_shaper_missing_features (b->shaper, spec, run->face, missing, NULL);
  for (guint i = 0; i < missing->len; i++) {
    char tag[5] = { 0 };
    hb_tag_to_string (g_array_index (missing, hb_tag_t, i), tag);
    /* The set owns the key (g_hash_table_add keeps one of two equal keys). */
    if (!g_hash_table_add (
            b->said, g_strdup_printf ("%s|%s|%s", b->source, pm_face_get_path (run->face), tag)))
      continue;
    guint line, col;
    place_of (b, offset, &line, &col);
    pm_diagnostics_add (diags, PM_SEVERITY_WARNING, b->source ? b->source : "", line, col,
                        "%s has no OpenType feature '%s': the text is set without it (drop it "
                        "from the style's features, or choose a family that has it)",
                        pm_face_get_family (run->face), tag);
  }
}

/* Shapes the parts of word W and emits its boxes and in-word penalties. */
static gboolean
emit_word (PmParagraphBuilder *b, const Word *w, const PmParagraphStyle *style, double R,
           gboolean last, PmDiagnostics *diags, GError **error)
{
  g_array_set_size (b->cuts, 0);
  word_cuts (b, w, style, last, diags);
  /* Parts: the word cut at span boundaries. */
  guint first_part = b->parts->len;
  gsize o = w->start;
  while (o < w->end) {
    const Span *s = span_at (b, o);
    gsize end = MIN (s->end, w->end);
    Part part = { o, end, (guint)(s - (const Span *)b->spans->data), NULL };
    gsize bad = 0;
    GError *local = NULL;
    part.run =
        pm_shaper_shape (b->shaper, &s->spec, b->text->str + o, (gssize)(end - o), &bad, &local);
    if (!part.run) {
      if (g_error_matches (local, PM_ERROR, PM_ERROR_FONT) && bad < end - o) {
        g_error_free (local);
        missing_glyph_error (b, o + bad, error);
      } else
        g_propagate_error (error, local);
      return FALSE;
    }
    check_features (b, part.run, &s->spec, o, diags);
    g_array_append_val (b->parts, part);
    add_cut (b, end, BRK_NONE);
    o = end;
  }
  g_array_sort (b->cuts, cmp_u64);

  /* Pieces between cuts; a cut at a break point gets its penalty after the piece. Several
   * cuts at one place (a part boundary, a soft hyphen that is also a hyphenation point)
   * make one: the highest kind wins, so explicit breaks beat automatic ones. */
  gsize start = w->start;
  guint p = first_part;
  const guint64 *cuts = (const guint64 *)b->cuts->data;
  for (guint k = 0; k < b->cuts->len; k++) {
    gsize at = (gsize)(cuts[k] >> 8);
    if (k + 1 < b->cuts->len && (gsize)(cuts[k + 1] >> 8) == at)
      continue;
    BreakKind kind = (BreakKind)(cuts[k] & 0xff);
    if (at > start) {
      while (g_array_index (b->parts, Part, p).end <= start)
        p++;
      const Part *part = &g_array_index (b->parts, Part, p);
      Piece piece = { start, at, p, 0, 0 };
      const PmShapedRun *run = part->run;
      gsize rel0 = start - part->start, rel1 = at - part->start;
      guint g = 0;
      while (g < run->n_glyphs && run->glyphs[g].cluster < rel0)
        g++;
      piece.g0 = g;
      double width = 0;
      while (g < run->n_glyphs && run->glyphs[g].cluster < rel1)
        width += run->glyphs[g++].x_advance;
      piece.g1 = g;
      g_array_append_val (b->pieces, piece);
      /* Font expansion: the letters' own stretch and shrink, which the breaker adds to their
       * line's (pm-linebreak.h). */
      ItemInfo pinfo = { (int)b->pieces->len - 1, BRK_NONE, 0, -1 };
      double ex = style->align == PM_ALIGN_JUSTIFY ? style->expansion * width : 0;
      push (b, PM_ITEM_BOX, width, ex, ex, 0, 0, FALSE, FALSE, &pinfo);
      start = at;
    }
    if (kind == BRK_NONE || at >= w->end || at <= w->start)
      continue;
    /* The penalty for breaking at AT, with the widths the broken pieces will have when
     * reshaped (a hyphen kerned to its letter, a ligature or kerning pair across the break
     * undone), so that what the breaker measures is what set_line() draws. */
    gsize prev = prev_char_offset (b, at);
    guint hp = p;
    while (g_array_index (b->parts, Part, hp).end < at)
      hp++;
    const Part *pp = &g_array_index (b->parts, Part, hp);
    const Span *ps = &g_array_index (b->spans, Span, pp->span);
    gboolean add_hyphen = kind == BRK_AUTO || kind == BRK_SOFT;
    double pre = 0, delta = 0;
    if (!break_widths (b, pp, ps, at, add_hyphen, &pre, &delta, error))
      return FALSE;
    double pr = add_hyphen ? protrusion_factor (style, '-', TRUE) *
                                 pm_shaper_char_width (b->shaper, &ps->spec, '-', NULL)
                           : protrusion_at (b, style, prev, TRUE);
    if (style->align == PM_ALIGN_CENTER)
      pr = 0;
    switch (kind) {
      case BRK_AUTO:
      case BRK_SOFT:
        push_break (b, style, pre - pr, style->hyphen_penalty, TRUE, kind == BRK_AUTO, kind, pr,
                    (int)hp, R, delta);
        break;
      case BRK_EXPLICIT:
        push_break (b, style, pre - pr, style->ex_hyphen_penalty, TRUE, FALSE, kind, pr, -1, R,
                    delta);
        break;
      case BRK_APOS:
        push_break (b, style, pre - pr, style->hyphen_penalty, FALSE, TRUE, kind, pr, -1, R, delta);
        break;
      default:
        push_break (b, style, pre - pr, style->ex_hyphen_penalty, FALSE, FALSE, kind, pr, -1, R,
                    delta);
        break;
    }
  }
  return TRUE;
}

/* Emits every item of the paragraph. */
static gboolean
build_items (PmParagraphBuilder *b, const PmParagraphStyle *style, PmDiagnostics *diags,
             GError **error)
{
  gboolean justify = style->align == PM_ALIGN_JUSTIFY;
  gboolean centre = style->align == PM_ALIGN_CENTER;
  double R = style->ragged_stretch * style->size;
  Word *words = (Word *)b->words->data;

  if (centre)
    GLUE (0, R, 0);
  if (style->first_indent != 0)
    BOX (style->first_indent, -1);
  else if (b->words->len) {
    double pl = protrusion_at (b, style, words[0].start, FALSE);
    if (pl > 0)
      GLUE (-pl, 0, 0);
  }
  for (guint k = 0; k < b->words->len; k++) {
    const Word *w = &words[k];
    if (k > 0) {
      const Span *ss = &g_array_index (b->spans, Span, w->sep_span);
      double sp = space_width (b, style, ss);
      double pl = protrusion_at (b, style, w->start, FALSE);
      double pr = protrusion_at (b, style, prev_char_offset (b, words[k - 1].end), TRUE);
      ItemInfo space_break = { -1, BRK_NONE, pr, -1 };
      switch (w->sep) {
        case SEP_TIE:
          PENALTY (0, PM_PENALTY_INFINITY);
          if (justify)
            GLUE (sp, sp * style->space_stretch, sp * style->space_shrink);
          else
            GLUE (sp, 0, 0);
          break;
        case SEP_FORCED:
          if (centre) {
            PENALTY (0, PM_PENALTY_INFINITY);
            GLUE (0, R, 0);
            PENALTY (0, PM_PENALTY_FORCE);
            BOX (0, -1);
            PENALTY (0, PM_PENALTY_INFINITY);
            GLUE (0, R, 0);
          } else {
            PENALTY (0, PM_PENALTY_INFINITY);
            FILL ();
            PENALTY (0, PM_PENALTY_FORCE);
            if (pl > 0) {
              BOX (0, -1);
              PENALTY (0, PM_PENALTY_INFINITY);
              GLUE (-pl, 0, 0);
            }
          }
          break;
        default:
          if (justify) {
            if (pr > 0)
              push (b, PM_ITEM_PENALTY, -pr, 0, 0, 0, 0, FALSE, FALSE, &space_break);
            GLUE (sp + pl, sp * style->space_stretch, sp * style->space_shrink);
          } else if (centre) {
            PENALTY (0, PM_PENALTY_INFINITY);
            GLUE (0, R, 0);
            PENALTY (0, 0);
            GLUE (sp, -2 * R, 0);
            BOX (0, -1);
            PENALTY (0, PM_PENALTY_INFINITY);
            GLUE (0, R, 0);
            pl = 0;
          } else {
            PENALTY (0, PM_PENALTY_INFINITY);
            GLUE (0, R, 0);
            push (b, PM_ITEM_PENALTY, -pr, 0, 0, 0, 0, FALSE, FALSE, &space_break);
            GLUE (sp + pl, -R, 0);
          }
          if (pl > 0) {
            BOX (0, -1);
            PENALTY (0, PM_PENALTY_INFINITY);
            GLUE (-pl, 0, 0);
          }
          break;
      }
    }
    if (!emit_word (b, w, style, R, k + 1 == b->words->len, diags, error))
      return FALSE;
  }
  PENALTY (0, PM_PENALTY_INFINITY);
  if (centre)
    GLUE (0, R, 0);
  else
    FILL ();
  PENALTY (0, PM_PENALTY_FORCE);
  return TRUE;
}

/* ---- setting lines ---- */

/* The glyphs a group draws: the part's own shaping, a safe cut out of it, or a reshaping. */
static const PmShapedRun *
group_run (PmParagraphBuilder *b, const Group *g, guint *g0, guint *g1)
{
  const Part *part = &g_array_index (b->parts, Part, g->part);
  const PmShapedRun *run = part->run;
  if (g->start == part->start && g->end == part->end && !g->hyphen) {
    *g0 = 0;
    *g1 = run->n_glyphs;
    return run;
  }
  /* A cut is safe where the glyph after it is not flagged unsafe to break before. */
  gsize rel0 = g->start - part->start, rel1 = g->end - part->start;
  guint a = 0;
  while (a < run->n_glyphs && run->glyphs[a].cluster < rel0)
    a++;
  guint z = a;
  while (z < run->n_glyphs && run->glyphs[z].cluster < rel1)
    z++;
  gboolean safe = !g->hyphen;
  if (safe && rel0 > 0 && a < run->n_glyphs &&
      (run->glyphs[a].cluster != rel0 || (run->glyphs[a].flags & PM_GLYPH_UNSAFE_TO_BREAK)))
    safe = FALSE;
  if (safe && z < run->n_glyphs &&
      (run->glyphs[z].cluster != rel1 || (run->glyphs[z].flags & PM_GLYPH_UNSAFE_TO_BREAK)))
    safe = FALSE;
  if (safe) {
    *g0 = a;
    *g1 = z;
    return run;
  }
  const Span *s = &g_array_index (b->spans, Span, part->span);
  GString *t = b->scratch;
  g_string_assign (t, "");
  g_string_append_len (t, b->text->str + g->start, (gssize)(g->end - g->start));
  if (g->hyphen)
    g_string_append_c (t, '-');
  const PmShapedRun *r = pm_shaper_shape (b->shaper, &s->spec, t->str, (gssize)t->len, NULL, NULL);
  if (!r) { /* cannot happen: the same characters shaped before; fall back to the cut */
    *g0 = a;
    *g1 = z;
    return run;
  }
  *g0 = 0;
  *g1 = r->n_glyphs;
  return r;
}

static void
line_clear (PmLine *line)
{
  g_free (line->runs);
  g_free (line->glyphs);
  g_free (line->notes);
}

void
pm_paragraph_free (PmParagraph *p)
{
  if (!p)
    return;
  for (guint i = 0; i < p->lines->len; i++)
    line_clear (&g_array_index (p->lines, PmLine, i));
  g_array_unref (p->lines);
  g_string_chunk_free (p->strings);
  g_free (p->text);
  g_free (p);
}

/* Sets the line of items FROM .. BRK (the break) into LINE. */
static void
set_line (PmParagraphBuilder *b, PmParagraph *para, const PmParagraphStyle *style, guint from,
          guint brk, double measure, gboolean last, PmLine *line)
{
  const PmItem *items = (const PmItem *)b->items->data;
  const ItemInfo *infos = (const ItemInfo *)b->infos->data;
  const Piece *pieces = (const Piece *)b->pieces->data;
  /* An implicit final break (brk == n) is like a break at glue. */
  static const PmItem none_item = { PM_ITEM_GLUE, 0, 0, 0, 0, 0, FALSE, FALSE, NULL };
  static const ItemInfo none_info = { -1, BRK_NONE, 0, -1 };
  const PmItem *bi = brk < b->items->len ? &items[brk] : &none_item;
  const ItemInfo *binfo = brk < b->items->len ? &infos[brk] : &none_info;
  gboolean hyphen = bi->type == PM_ITEM_PENALTY && binfo->hyph_part >= 0;

  /* Groups: the pieces of each part on the line. */
  GArray *groups = b->groups;
  g_array_set_size (groups, 0);
  for (guint i = from; i < brk; i++) {
    if (items[i].type != PM_ITEM_BOX || infos[i].piece < 0)
      continue;
    const Piece *pc = &pieces[infos[i].piece];
    Group *last_g = groups->len ? &g_array_index (groups, Group, groups->len - 1) : NULL;
    if (last_g && last_g->part == pc->part) {
      last_g->end = pc->end;
      continue;
    }
    Group g = { pc->part, pc->start, pc->end, (guint)infos[i].piece, FALSE, NULL, 0, 0 };
    g_array_append_val (groups, g);
  }
  if (hyphen && groups->len)
    g_array_index (groups, Group, groups->len - 1).hyphen = TRUE;

  /* The runs the groups draw, and the natural width, stretch and shrink. */
  double natural = 0, stretch[2] = { 0, 0 }, shrink = 0, letters = 0;
  guint n_glyphs = 0;
  for (guint k = 0; k < groups->len; k++) {
    Group *g = &g_array_index (groups, Group, k);
    g->run = group_run (b, g, &g->r0, &g->r1);
    for (guint i = g->r0; i < g->r1; i++)
      letters += g->run->glyphs[i].x_advance;
    n_glyphs += g->r1 - g->r0;
  }
  natural = letters;
  for (guint i = from; i < brk; i++) {
    if (items[i].type == PM_ITEM_GLUE) {
      natural += items[i].width;
      stretch[items[i].stretch_order > 0 ? 1 : 0] += items[i].stretch;
      shrink += items[i].shrink;
    } else if (items[i].type == PM_ITEM_BOX && infos[i].piece < 0)
      natural += items[i].width;
  }
  double pr = bi->type == PM_ITEM_PENALTY ? binfo->pr : 0;
  natural -= pr;
  /* Expansion applies to every letter of a justified line (a last line, ended by fill glue,
   * only ever shrinks with it). */
  double E =
      style->align == PM_ALIGN_JUSTIFY && style->expansion > 0 ? style->expansion * letters : 0;

  /* The adjustment ratio, from what is drawn (not the breaker's estimate). */
  double diff = measure - natural, ratio = 0;
  int order = 0;
  gboolean overfull = FALSE, underfull = FALSE;
  if (diff > 0) {
    if (stretch[1] > 0) {
      order = 1;
      ratio = diff / stretch[1];
    } else if (stretch[0] + E > 0)
      ratio = diff / (stretch[0] + E);
    else {
      ratio = 0;
      underfull = diff > 0.01;
    }
  } else if (diff < 0) {
    if (shrink + E > 0)
      ratio = diff / (shrink + E);
    else
      ratio = -G_MAXDOUBLE;
    if (ratio < -1) {
      overfull = -diff - shrink - E > 0.01;
      ratio = -1;
    }
  }
  /* The letters take the line's adjustment first, up to the limit and in whole steps; the
   * spaces take the rest, so the line is still flush to the hundredth of a point and its
   * spaces stay as near their natural width as the limit allows. Where the spaces cannot take
   * up the step's rounding, the exact expansion keeps the line flush. */
  double expand = 0, space_ratio = ratio;
  if (E > 0 && order == 0 && ratio != 0) {
    double step = style->expansion_step > 0 ? style->expansion_step : style->expansion;
    double exact = CLAMP (diff / letters, -style->expansion, style->expansion);
    expand = CLAMP (round (exact / step) * step, -style->expansion, style->expansion);
    double rest = diff - letters * expand;
    if ((rest > 1e-6 && stretch[0] <= 0) || (rest < -1e-6 && -rest > shrink)) {
      expand = exact;
      rest = diff - letters * expand;
    }
    if (rest > 0)
      space_ratio = stretch[0] > 0 ? rest / stretch[0] : 0;
    else if (rest < 0)
      space_ratio = shrink > 0 ? MAX (rest / shrink, -1) : 0;
    else
      space_ratio = 0;
  }

  /* Place the glyphs. */
  cairo_glyph_t *glyphs = g_new (cairo_glyph_t, MAX (n_glyphs, 1));
  PmLineRun *lruns = g_new0 (PmLineRun, MAX (groups->len, 1));
  int *notes = g_new (int, MAX (groups->len, 1));
  guint n_out = 0, n_notes = 0;
  double x = style->left_indent;
  double x_start = G_MAXDOUBLE, x_end = x, ascent = 0, descent = 0;
  guint gi = 0, nr = 0; /* groups drawn, runs made */
  int last_piece_group = -1;
  for (guint i = from; i < brk; i++) {
    const PmItem *it = &items[i];
    if (it->type == PM_ITEM_GLUE) {
      double set = it->width;
      if (space_ratio > 0 && (it->stretch_order > 0 ? 1 : 0) == order)
        set += space_ratio * it->stretch;
      else if (space_ratio < 0)
        set += space_ratio * it->shrink;
      x += set;
      continue;
    }
    if (it->type != PM_ITEM_BOX)
      continue;
    if (infos[i].piece < 0) {
      x += it->width;
      continue;
    }
    /* The first piece of each group draws the whole group. */
    const Piece *pc = &pieces[infos[i].piece];
    if (last_piece_group >= 0 && g_array_index (groups, Group, last_piece_group).part == pc->part)
      continue;
    last_piece_group = (int)gi;
    const Group *g = &g_array_index (groups, Group, gi);
    const Part *part = &g_array_index (b->parts, Part, g->part);
    const Span *s = &g_array_index (b->spans, Span, part->span);
    const PmShapedRun *run = g->run;
    PmLineRun lr = { 0 };
    lr.face = run->face;
    lr.size = run->size;
    lr.expand = expand;
    /* The fonts' lock is taken only when the font changes, seldom within a line. */
    if (!b->font || b->font_face != run->face || b->font_size != run->size ||
        b->font_expand != expand) {
      b->font = pm_fonts_get_expanded_font (b->fonts, run->face, run->size, expand);
      b->font_face = run->face;
      b->font_size = run->size;
      b->font_expand = expand;
    }
    lr.font = b->font;
    lr.first = n_out;
    lr.n_glyphs = g->r1 - g->r0;
    lr.x0 = x;
    lr.rise = s->rise;
    lr.note = -1;
    if (s->inl && (s->inl->style & PM_INLINE_LINK) && s->inl->href)
      lr.href = g_string_chunk_insert_const (para->strings, s->inl->href);
    if (s->kind == SPAN_NOTE && s->inl) {
      lr.note = s->inl->note;
      if (s->inl->note >= 0)
        notes[n_notes++] = s->inl->note;
    }
    if (x_start == G_MAXDOUBLE)
      x_start = x;
    for (guint k = g->r0; k < g->r1; k++) {
      const PmGlyph *pg = &run->glyphs[k];
      cairo_glyph_t *cg = &glyphs[n_out++];
      cg->index = pg->glyph;
      cg->x = x + pg->x_offset * (1 + expand);
      cg->y = -pg->y_offset - s->rise;
      x += pg->x_advance * (1 + expand);
    }
    lr.x1 = x;
    x_end = x;
    /* A word in the same font, size, expansion, rise, link and note as the run before it
     * extends that run: a line keeps a few runs, not one per word. */
    PmLineRun *prev = nr > 0 ? &lruns[nr - 1] : NULL;
    if (prev && prev->font == lr.font && prev->size == lr.size && prev->rise == lr.rise &&
        prev->href == lr.href && prev->note == lr.note && prev->note < 0 &&
        prev->first + prev->n_glyphs == lr.first) {
      prev->n_glyphs += lr.n_glyphs;
      prev->x1 = lr.x1;
    } else
      lruns[nr++] = lr;
    PmFontMetrics m;
    pm_face_get_metrics (run->face, run->size, &m);
    ascent = MAX (ascent, m.ascent + s->rise);
    descent = MAX (descent, m.descent - s->rise);
    gi++;
  }

  memset (line, 0, sizeof *line);
  line->n_glyphs = n_out;
  line->glyphs = glyphs;
  line->n_runs = nr;
  line->runs = g_renew (PmLineRun, lruns, MAX (nr, 1));
  line->n_notes = n_notes;
  line->notes = notes;
  line->x_start = x_start == G_MAXDOUBLE ? style->left_indent : x_start;
  line->x_end = x_end;
  line->measure = measure;
  line->ratio = order == 1 ? 0 : ratio; /* a line ended with fill glue is set naturally */
  line->expand = expand;
  line->space_ratio = order == 1 ? 0 : space_ratio;
  line->hyphenated = hyphen;
  line->overfull = overfull;
  line->underfull = underfull && style->align == PM_ALIGN_JUSTIFY && !last;
  line->last = last;
  line->forced = !last && bi->type == PM_ITEM_PENALTY && bi->penalty <= PM_PENALTY_FORCE;
  line->ascent = ascent;
  line->descent = descent;
  line->protrude_right = pr;
  line->protrude_left = MAX (0, style->left_indent - line->x_start);
  if (groups->len) {
    line->text_start = g_array_index (groups, Group, 0).start;
    line->text_end = g_array_index (groups, Group, groups->len - 1).end;
  }
}

/* A paragraph with the builder's text and no lines yet. */
static PmParagraph *
paragraph_new (PmParagraphBuilder *b, const PmParagraphStyle *style)
{
  PmParagraph *para = g_new0 (PmParagraph, 1);
  para->text = g_strdup (b->text->str);
  para->lines = g_array_new (FALSE, FALSE, sizeof (PmLine));
  para->strings = g_string_chunk_new (64);
  para->leading = style->leading;
  return para;
}

static void break_and_set (PmParagraphBuilder *b, PmParagraph *para, const PmParagraphStyle *style,
                           double width, int looseness, PmDiagnostics *diags);

PmParagraph *
pm_paragraph_builder_build (PmParagraphBuilder *b, const GPtrArray *inlines,
                            const PmParagraphStyle *style, double width, int looseness,
                            PmDiagnostics *diags, GError **error)
{
  b->last = LAST_NONE;
  g_string_truncate (b->text, 0);
  g_array_set_size (b->spans, 0);
  g_array_set_size (b->words, 0);
  g_array_set_size (b->parts, 0);
  g_array_set_size (b->pieces, 0);
  g_array_set_size (b->items, 0);
  g_array_set_size (b->infos, 0);

  const char *para_lang = style->lang;
  for (guint i = 0; inlines && i < inlines->len; i++) {
    const PmInline *inl = inlines->pdata[i];
    if (!para_lang)
      para_lang = inl->lang;
    switch (inl->kind) {
      case PM_INLINE_TEXT:
        add_span (b, style, inl, SPAN_TEXT, inl->text ? inl->text : "");
        break;
      case PM_INLINE_NOTE_REF:
        add_span (b, style, inl, SPAN_NOTE, inl->text ? inl->text : "");
        break;
      case PM_INLINE_LINE_BREAK:
        add_span (b, style, inl, SPAN_BREAK, "\n");
        break;
    }
  }

  PmParagraph *para = paragraph_new (b, style);
  if (!g_utf8_validate (b->text->str, (gssize)b->text->len, NULL)) {
    g_set_error (error, PM_ERROR, PM_ERROR_INPUT, "%s: paragraph text is not UTF-8",
                 b->source ? b->source : "");
    pm_paragraph_free (para);
    return NULL;
  }

  find_words (b);
  if (b->words->len == 0) {
    b->last = LAST_EMPTY;
    return para;
  }
  if (!build_items (b, style, diags, error)) {
    pm_paragraph_free (para);
    return NULL;
  }
  b->last = LAST_ITEMS;
  break_and_set (b, para, style, width, looseness, diags);
  return para;
}

PmParagraph *
pm_paragraph_builder_rebuild (PmParagraphBuilder *b, const PmParagraphStyle *style, double width,
                              int looseness, PmDiagnostics *diags, GError **error)
{
  if (b->last == LAST_NONE) {
    g_set_error (error, PM_ERROR, PM_ERROR_INTERNAL, "%s: no paragraph built to set again",
                 b->source ? b->source : "");
    return NULL;
  }
  PmParagraph *para = paragraph_new (b, style);
  if (b->last == LAST_ITEMS)
    break_and_set (b, para, style, width, looseness, diags);
  return para;
}

static void
break_params (const PmParagraphStyle *style, double measure, int looseness,
              PmLineBreakParams *params)
{
  pm_line_break_params_init (params);
  params->width = measure;
  params->tolerance = (int)style->tolerance;
  params->pretolerance = (int)style->pretolerance;
  params->line_penalty = (int)style->line_penalty;
  params->hyphen_penalty = (int)style->hyphen_penalty;
  params->ex_hyphen_penalty = (int)style->ex_hyphen_penalty;
  params->double_hyphen_demerits = style->double_hyphen_demerits;
  params->final_hyphen_demerits = style->final_hyphen_demerits;
  params->adj_demerits = style->adj_demerits;
  params->max_hyphen_run = style->max_hyphen_run;
  params->emergency_stretch = style->emergency_stretch;
  params->looseness = looseness;
}

/* Sets the lines of BREAKS (what the breaker made of the builder's items under PARAMS, with
 * INFO) into PARA; if some are overfull, breaks again as LaTeX's \sloppy first. BREAKS may be
 * replaced. */
static void
set_breaks (PmParagraphBuilder *b, PmParagraph *para, const PmParagraphStyle *style,
            PmLineBreakParams *params, GArray **breaks, PmLineBreakInfo info, PmDiagnostics *diags)
{
  double measure = params->width;
  /* FALSE only says that some lines are overfull or too loose: they are set all the same, and
   * reported below from what is drawn. */
  if (info.n_overfull > 0 && params->tolerance < PM_BADNESS_INFINITY - 1) {
    /* As LaTeX's \sloppy: rather loose lines than one sticking out. Only a word wider than
     * the measure is still set overfull. */
    PmLineBreakInfo sloppy_info = { 0 };
    GArray *sloppy = g_array_new (FALSE, FALSE, sizeof (PmBreak));
    params->tolerance = PM_BADNESS_INFINITY - 1;
    pm_line_breaker_run (b->breaker, (const PmItem *)b->items->data, b->items->len, params, sloppy,
                         &sloppy_info);
    if (sloppy_info.n_overfull < info.n_overfull) {
      g_array_unref (*breaks);
      *breaks = sloppy;
      info = sloppy_info;
      info.pass = 4;
    } else
      g_array_unref (sloppy);
  }
  para->demerits = info.total_demerits;
  para->pass = info.pass;

  for (guint k = 0; k < (*breaks)->len; k++) {
    const PmBreak *br = &g_array_index (*breaks, PmBreak, k);
    PmLine line;
    set_line (b, para, style, br->start, br->end, measure, k + 1 == (*breaks)->len, &line);
    if (line.n_glyphs == 0 && line.last) {
      line_clear (&line); /* a forced break at the very end leaves an empty line: drop it */
    } else {
      g_array_append_val (para->lines, line);
      if (line.overfull && diags) {
        guint ln, col;
        place_of (b, line.text_start, &ln, &col);
        char *snippet = g_strndup (b->text->str + line.text_start, line.text_end - line.text_start);
        pm_diagnostics_add (diags, PM_SEVERITY_WARNING, b->source ? b->source : "", ln, col,
                            "overfull line, %.2f pt wider than the measure: \"%s\"",
                            line.x_end - line.protrude_right - style->left_indent - measure,
                            snippet);
        g_free (snippet);
      }
    }
  }
}

/* Breaks the builder's items into lines of WIDTH and sets them into PARA. */
static void
break_and_set (PmParagraphBuilder *b, PmParagraph *para, const PmParagraphStyle *style,
               double width, int looseness, PmDiagnostics *diags)
{
  PmLineBreakParams params;
  break_params (style, width - style->left_indent - style->right_indent, looseness, &params);
  PmLineBreakInfo info = { 0 };
  pm_line_breaker_run (b->breaker, (const PmItem *)b->items->data, b->items->len, &params,
                       b->breaks, &info);
  set_breaks (b, para, style, &params, &b->breaks, info, diags);
}

gboolean
pm_paragraph_builder_rebuild_loose (PmParagraphBuilder *b, const PmParagraphStyle *style,
                                    double width, const int *looseness, guint n, PmParagraph **out,
                                    PmDiagnostics *diags, GError **error)
{
  g_return_val_if_fail (n <= 8, FALSE);
  for (guint k = 0; k < n; k++)
    out[k] = NULL;
  if (b->last == LAST_NONE) {
    g_set_error (error, PM_ERROR, PM_ERROR_INTERNAL, "%s: no paragraph built to set again",
                 b->source ? b->source : "");
    return FALSE;
  }
  gboolean all_loose = n > 0;
  for (guint k = 0; k < n; k++)
    all_loose = all_loose && looseness[k] != 0;
  if (b->last != LAST_ITEMS || !all_loose) {
    for (guint k = 0; k < n; k++)
      out[k] = pm_paragraph_builder_rebuild (b, style, width, looseness[k], diags, error);
    return TRUE;
  }
  /* One run of the breaker's passes for every looseness (pm_line_breaker_run_loose). */
  PmLineBreakParams params;
  break_params (style, width - style->left_indent - style->right_indent, looseness[0], &params);
  GArray *breaks[8];
  PmLineBreakInfo info[8];
  for (guint k = 0; k < n; k++)
    breaks[k] = g_array_new (FALSE, FALSE, sizeof (PmBreak));
  pm_line_breaker_run_loose (b->breaker, (const PmItem *)b->items->data, b->items->len, &params,
                             looseness, n, breaks, info);
  for (guint k = 0; k < n; k++) {
    out[k] = paragraph_new (b, style);
    PmLineBreakParams pk = params;
    pk.looseness = looseness[k];
    set_breaks (b, out[k], style, &pk, &breaks[k], info[k], diags);
    g_array_unref (breaks[k]);
  }
  return TRUE;
}

/* ---- accessors and drawing ---- */

guint
pm_paragraph_get_n_lines (const PmParagraph *p)
{
  return p->lines->len;
}

const PmLine *
pm_paragraph_get_line (const PmParagraph *p, guint i)
{
  g_return_val_if_fail (i < p->lines->len, NULL);
  return &g_array_index (p->lines, PmLine, i);
}

const char *
pm_paragraph_get_text (const PmParagraph *p)
{
  return p->text;
}

double
pm_paragraph_get_leading (const PmParagraph *p)
{
  return p->leading;
}

guint
pm_paragraph_count_hyphenated (const PmParagraph *p)
{
  guint n = 0;
  for (guint i = 0; i < p->lines->len; i++)
    n += g_array_index (p->lines, PmLine, i).hyphenated;
  return n;
}

guint
pm_paragraph_count_overfull (const PmParagraph *p)
{
  guint n = 0;
  for (guint i = 0; i < p->lines->len; i++)
    n += g_array_index (p->lines, PmLine, i).overfull;
  return n;
}

double
pm_paragraph_get_demerits (const PmParagraph *p)
{
  return p->demerits;
}

int
pm_paragraph_get_pass (const PmParagraph *p)
{
  return p->pass;
}

void
pm_paragraph_line_draw (const PmParagraph *p, guint index, cairo_t *cr, double x, double baseline_y)
{
  const PmLine *line = pm_paragraph_get_line (p, index);
  if (!line || line->n_glyphs == 0)
    return;
  cairo_glyph_t *buf = g_new (cairo_glyph_t, line->n_glyphs);
  for (guint i = 0; i < line->n_glyphs; i++) {
    buf[i] = line->glyphs[i];
    buf[i].x += x;
    buf[i].y += baseline_y;
  }
  cairo_save (cr);
  /* No cairo link tags: cairo 1.16 corrupts memory copying a tag when it snapshots a
   * recording surface. The render pass adds the links (pm_recorded_doc_add_link_uri). */
  /* Runs in the same font are shown together: each cairo operation costs the PDF surface
   * an analysis step (a region union per operation), far more than its glyphs. */
  for (guint r = 0; r < line->n_runs;) {
    const PmLineRun *run = &line->runs[r];
    guint n = run->n_glyphs;
    guint next = r + 1;
    while (next < line->n_runs && line->runs[next].font == run->font &&
           line->runs[next].first == run->first + n) {
      n += line->runs[next].n_glyphs;
      next++;
    }
    if (n > 0) {
      cairo_set_scaled_font (cr, run->font);
      cairo_show_glyphs (cr, buf + run->first, (int)n);
    }
    r = next;
  }
  cairo_restore (cr);
  g_free (buf);
}
