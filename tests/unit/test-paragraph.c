/* test-paragraph.c: the paragraph builder: measures kept, justified lines flush, hyphenation,
 * no-break spaces, soft and explicit hyphens, Greek, Russian, French and Turkish paragraphs,
 * protrusion, note references, errors and warnings with their place. */
#include "base/pm-error.h"
#include "paragraph/pm-paragraph.h"
#include "pm-test.h"

#include <math.h>
#include <string.h>

typedef struct {
  PmFonts *fonts;
  PmParagraphBuilder *builder;
  PmDiagnostics *diags;
  GPtrArray *inlines;
  PmParagraphStyle style;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  GError *error = NULL;
  f->fonts = pm_fonts_new (&error);
  g_assert_no_error (error);
  f->builder = pm_paragraph_builder_new (f->fonts);
  pm_paragraph_builder_set_source (f->builder, "text.md");
  f->diags = pm_diagnostics_new ();
  f->inlines = g_ptr_array_new_with_free_func ((GDestroyNotify)pm_inline_free);
  pm_paragraph_style_init (&f->style);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_ptr_array_unref (f->inlines);
  pm_diagnostics_free (f->diags);
  pm_paragraph_builder_free (f->builder);
  pm_fonts_free (f->fonts);
}

static PmInline *
add (Fixture *f, PmInlineKind kind, guint style, const char *text, const char *lang)
{
  PmInline *inl = g_new0 (PmInline, 1);
  inl->kind = kind;
  inl->style = style;
  inl->text = g_strdup (text);
  inl->note = -1;
  inl->lang = lang;
  inl->pos.line = 5;
  inl->pos.column = 1;
  g_ptr_array_add (f->inlines, inl);
  return inl;
}

static PmParagraph *
build (Fixture *f, double width)
{
  GError *error = NULL;
  PmParagraph *p =
      pm_paragraph_builder_build (f->builder, f->inlines, &f->style, width, 0, f->diags, &error);
  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

/* The text of line I. Free with g_free(). */
static char *
line_text (const PmParagraph *p, guint i)
{
  const PmLine *l = pm_paragraph_get_line (p, i);
  return g_strndup (pm_paragraph_get_text (p) + l->text_start, l->text_end - l->text_start);
}

/* Every line within the measure; justified lines (not the last) flush with it. */
static void
check_measure (const PmParagraph *p, const PmParagraphStyle *style, double width)
{
  double left = style->left_indent, right = width - style->right_indent;
  for (guint i = 0; i < pm_paragraph_get_n_lines (p); i++) {
    const PmLine *l = pm_paragraph_get_line (p, i);
    g_assert_false (l->overfull);
    g_assert_cmpfloat (l->x_end - l->protrude_right, <=, right + 0.01);
    g_assert_cmpfloat (l->x_start + l->protrude_left, >=, left - 0.01);
    g_assert_cmpfloat (l->protrude_right, >=, 0);
    g_assert_cmpfloat (l->protrude_right, <, style->size);
    if (style->align == PM_ALIGN_JUSTIFY && !l->last && !l->forced && !l->underfull)
      g_assert_cmpfloat (fabs (l->x_end - l->protrude_right - right), <, 0.01);
    /* Glyph positions go left to right within the line. */
    for (guint g = 1; g < l->n_glyphs; g++)
      g_assert_cmpfloat (l->glyphs[g].x, >=, l->glyphs[g - 1].x - 1.0);
  }
}

static const char *english =
    "Small publishers, unions and translators' collectives put out the same statement in "
    "many languages at once: a booklet with every translation, and a leaflet per language, "
    "handed to a print shop the same day. When one translation is corrected, every edition "
    "is rebuilt. They need typography of the highest quality in Greek, Cyrillic and Latin "
    "scripts, documents a print shop accepts without a phone call, and rebuilds that take "
    "well under a second. The statements they start from are messy: text pasted out of "
    "documents, with hard line breaks, double spaces from justification, footnote numbers "
    "glued to words and page breaks in mid-sentence.";

static void
test_justified (Fixture *f, gconstpointer data)
{
  add (f, PM_INLINE_TEXT, 0, english, "en");
  double widths[] = { 317, 250, 180, 120 };
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++) {
    PmParagraph *p = build (f, widths[w]);
    g_assert_cmpuint (pm_paragraph_get_n_lines (p), >, 3);
    check_measure (p, &f->style, widths[w]);
    /* The lines hold the whole text, in order, each word once. */
    GString *joined = g_string_new (NULL);
    for (guint i = 0; i < pm_paragraph_get_n_lines (p); i++) {
      char *t = line_text (p, i);
      const PmLine *l = pm_paragraph_get_line (p, i);
      if (joined->len && !pm_paragraph_get_line (p, i - 1)->hyphenated)
        g_string_append_c (joined, ' ');
      g_string_append (joined, t);
      g_assert_cmpfloat (l->ascent, >, 8.5); /* Liberation Serif: 0.891 em */
      g_assert_false (l->underfull);
      g_assert_cmpfloat (l->descent, >, 2);
      g_free (t);
    }
    g_assert_cmpstr (joined->str, ==, english);
    g_string_free (joined, TRUE);
    pm_paragraph_free (p);
  }
  g_assert_cmpuint (pm_diagnostics_length (f->diags), ==, 0);
}

/* Indents and a first-line indent come off the measure. */
static void
test_indents (Fixture *f, gconstpointer data)
{
  add (f, PM_INLINE_TEXT, 0, english, "en");
  f->style.left_indent = 20;
  f->style.right_indent = 10;
  f->style.first_indent = 15;
  PmParagraph *p = build (f, 300);
  check_measure (p, &f->style, 300);
  const PmLine *first = pm_paragraph_get_line (p, 0);
  g_assert_cmpfloat_with_epsilon (first->x_start, 35, 0.001);
  g_assert_cmpfloat_with_epsilon (first->measure, 270, 1e-9);
  for (guint i = 1; i < pm_paragraph_get_n_lines (p); i++)
    g_assert_cmpfloat (pm_paragraph_get_line (p, i)->x_start +
                           pm_paragraph_get_line (p, i)->protrude_left,
                       ==, 20);
  pm_paragraph_free (p);
}

static guint
hyphen_glyph (Fixture *f, const char *lang)
{
  PmFontSpec spec = { f->style.family, 10, 400, FALSE, lang, "kern,liga" };
  const PmShapedRun *run =
      pm_shaper_shape (pm_paragraph_builder_get_shaper (f->builder), &spec, "-", 1, NULL, NULL);
  g_assert_nonnull (run);
  return run->glyphs[0].glyph;
}

/* Checks that hyphenated lines end in a drawn hyphen and their word continues on the next
 * line; returns how many lines are hyphenated. */
static guint
check_hyphens (Fixture *f, const PmParagraph *p, const char *lang)
{
  guint hyphen = hyphen_glyph (f, lang), n = 0;
  const char *all = pm_paragraph_get_text (p);
  for (guint i = 0; i < pm_paragraph_get_n_lines (p); i++) {
    const PmLine *l = pm_paragraph_get_line (p, i);
    /* And the converse: a line that ends between two letters ends in a hyphen. */
    if (!l->last && l->text_end > 0 &&
        g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (all + l->text_end))) &&
        g_unichar_isalpha (g_utf8_get_char (all + l->text_end)))
      g_assert_true (l->hyphenated);
    if (!l->hyphenated)
      continue;
    n++;
    g_assert_cmpuint (l->glyphs[l->n_glyphs - 1].index, ==, hyphen);
    g_assert_false (l->last);
    /* Broken inside a word: letters on both sides. */
    const char *text = pm_paragraph_get_text (p);
    const char *before = g_utf8_prev_char (text + l->text_end);
    g_assert_true (g_unichar_isalpha (g_utf8_get_char (before)));
    g_assert_true (g_unichar_isalpha (g_utf8_get_char (text + l->text_end)));
  }
  return n;
}

static void
test_hyphenation (Fixture *f, gconstpointer data)
{
  add (f, PM_INLINE_TEXT, 0,
       "Internationalization, incomprehensibilities and extraordinarily uncharacteristically "
       "overcomplicated responsibilities characterize institutionalization.",
       "en");
  PmParagraph *p = build (f, 150);
  check_measure (p, &f->style, 150);
  g_assert_cmpuint (check_hyphens (f, p, "en"), >, 0);
  g_assert_cmpuint (pm_paragraph_count_hyphenated (p), >, 0);
  pm_paragraph_free (p);

  /* Without hyphenation no line ends in a hyphen (and some are loose or overfull). */
  f->style.hyphenate = FALSE;
  p = build (f, 150);
  g_assert_cmpuint (pm_paragraph_count_hyphenated (p), ==, 0);
  pm_paragraph_free (p);
}

static void
test_languages (Fixture *f, gconstpointer data)
{
  static const struct {
    const char *lang;
    const char *text;
  } texts[] = {
    { "el", "Στο Καζακστάν υπάρχει πλέον μια πραγματική λαϊκή εξέγερση, και από την αρχή οι "
            "διαμαρτυρίες είχαν κοινωνικό και ταξικό χαρακτήρα, καθώς ο διπλασιασμός της τιμής "
            "του υγροποιημένου αερίου ήταν μόνο η τελευταία σταγόνα που ξεχείλισε το ποτήρι." },
    { "ru", "В Казахстане происходит настоящее народное восстание, и с самого начала протесты "
            "имели социальный и классовый характер: удвоение цены на сжиженный газ стало "
            "последней каплей, переполнившей чашу терпения; национализировать промышленность." },
    { "fr", "Au Kazakhstan, il y a désormais un véritable soulèvement populaire\u202f; dès le "
            "début, les protestations avaient un caractère social et de classe\u00a0: le "
            "doublement du prix du gaz liquéfié n’a été que la goutte d’eau qui a fait déborder "
            "le vase. «\u00a0Nationalisation\u00a0!\u00a0»" },
    { "tr", "Kazakistan’da artık gerçek bir halk ayaklanması var ve başından beri protestolar "
            "toplumsal ve sınıfsal bir karaktere sahipti; sıvılaştırılmış gazın fiyatının iki "
            "katına çıkması sabrı taşıran son damla oldu. Kamulaştırmaya fikrimiz açık." },
  };
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++) {
    g_ptr_array_set_size (f->inlines, 0);
    add (f, PM_INLINE_TEXT, 0, texts[t].text, texts[t].lang);
    guint hyphenated = 0;
    for (double width = 140; width <= 320; width += 45) {
      PmParagraph *p = build (f, width);
      check_measure (p, &f->style, width);
      hyphenated += check_hyphens (f, p, texts[t].lang);
      pm_paragraph_free (p);
    }
    g_assert_cmpuint (hyphenated, >, 0);
  }
  /* Every one of these languages has patterns: no warning. */
  g_assert_cmpuint (pm_diagnostics_length (f->diags), ==, 0);
}

/* No-break spaces (U+00A0, U+202F) hold: no line ends just before one or starts after one. */
static void
test_no_break_spaces (Fixture *f, gconstpointer data)
{
  GString *s = g_string_new (NULL);
  for (int i = 0; i < 12; i++)
    g_string_append (s, "le prix\u00a0: 100\u00a0km et «\u00a0oui\u00a0» ou 5\u202f000 francs ; ");
  add (f, PM_INLINE_TEXT, 0, s->str, "fr");
  for (double width = 100; width <= 300; width += 20) {
    PmParagraph *p = build (f, width);
    check_measure (p, &f->style, width);
    const char *text = pm_paragraph_get_text (p);
    for (guint i = 0; i < pm_paragraph_get_n_lines (p); i++) {
      const PmLine *l = pm_paragraph_get_line (p, i);
      if (l->last)
        continue;
      /* What follows the line: a breaking space, then the next line's first character. */
      const char *end = text + l->text_end;
      g_assert_cmpint (*end, ==, ' ');
      g_assert_false (g_str_has_prefix (end + 1, ":"));
      g_assert_false (g_str_has_prefix (end + 1, "km"));
      g_assert_false (g_str_has_prefix (end + 1, "000"));
      g_assert_false (g_str_has_prefix (end + 1, "oui"));
      g_assert_false (g_str_has_prefix (end + 1, "»"));
    }
    pm_paragraph_free (p);
  }
  g_string_free (s, TRUE);
}

/* A soft hyphen is the only place its word breaks, and it breaks with a hyphen drawn. */
static void
test_soft_hyphens (Fixture *f, gconstpointer data)
{
  GString *s = g_string_new (NULL);
  for (int i = 0; i < 6; i++)
    g_string_append (s, "Die Donau\u00addampf\u00adschiffahrts\u00adgesellschaft hat heute in der "
                        "Stadt an der Donau eine neue Fähre und ein Schiff in den Dienst "
                        "gestellt, und die Eisen\u00adbahn\u00adverwaltung war auch da. ");
  add (f, PM_INLINE_TEXT, 0, s->str, "de");
  guint hyphen = hyphen_glyph (f, "de"), soft = 0;
  for (double width = 120; width <= 240; width += 15) {
    PmParagraph *p = build (f, width);
    check_measure (p, &f->style, width);
    const char *text = pm_paragraph_get_text (p);
    for (guint i = 0; i < pm_paragraph_get_n_lines (p); i++) {
      const PmLine *l = pm_paragraph_get_line (p, i);
      if (!l->hyphenated)
        continue;
      soft++;
      g_assert_true (g_str_has_prefix (g_utf8_prev_char (text + l->text_end), "\u00ad"));
      g_assert_cmpuint (l->glyphs[l->n_glyphs - 1].index, ==, hyphen);
    }
    pm_paragraph_free (p);
  }
  g_assert_cmpuint (soft, >, 2);

  g_string_free (s, TRUE);
}

/* After an explicit hyphen or a dash a line may end, and no hyphen is added. */
static void
test_explicit_hyphens (Fixture *f, gconstpointer data)
{
  GString *s = g_string_new (NULL);
  for (int i = 0; i < 8; i++)
    g_string_append (s, "The socio-economic crisis and the counter-revolutionary forces—again and "
                        "again—were present in the well-known debates of the time. ");
  add (f, PM_INLINE_TEXT, 0, s->str, "en");
  f->style.hyphenate = FALSE;
  PmParagraph *p = build (f, 150);
  check_measure (p, &f->style, 150);
  const char *text = pm_paragraph_get_text (p);
  guint explicit_breaks = 0;
  for (guint i = 0; i < pm_paragraph_get_n_lines (p); i++) {
    const PmLine *l = pm_paragraph_get_line (p, i);
    g_assert_false (l->hyphenated);
    gunichar last = g_utf8_get_char (g_utf8_prev_char (text + l->text_end));
    if (!l->last && text[l->text_end] != ' ') {
      g_assert_true (last == '-' || last == 0x2014);
      explicit_breaks++;
    }
  }
  g_assert_cmpuint (explicit_breaks, >, 0);
  pm_paragraph_free (p);
  g_string_free (s, TRUE);
}

/* Turkish: a line may end after the apostrophe of a suffix, with no hyphen. */
static void
test_turkish_apostrophe (Fixture *f, gconstpointer data)
{
  GString *s = g_string_new (NULL);
  for (int i = 0; i < 8; i++)
    g_string_append (s, "Kazakistan’ın İstanbul’da ");
  add (f, PM_INLINE_TEXT, 0, s->str, "tr");
  f->style.hyphenate = FALSE;
  PmFontSpec spec = { f->style.family, 10, 400, FALSE, "tr", "kern,liga" };
  double w = pm_shaper_shape (pm_paragraph_builder_get_shaper (f->builder), &spec, "Kazakistan’ın",
                              -1, NULL, NULL)
                 ->width;
  PmParagraph *p = build (f, w - 4);
  const char *text = pm_paragraph_get_text (p);
  guint apostrophe = 0;
  for (guint i = 0; i < pm_paragraph_get_n_lines (p); i++) {
    const PmLine *l = pm_paragraph_get_line (p, i);
    g_assert_false (l->hyphenated);
    if (!l->last && text[l->text_end] != ' ') {
      g_assert_true (g_str_has_prefix (g_utf8_prev_char (text + l->text_end), "’"));
      apostrophe++;
    }
  }
  g_assert_cmpuint (apostrophe, >, 0);
  pm_paragraph_free (p);
  g_string_free (s, TRUE);
}

/* Punctuation at the line's end hangs into the margin; the glue is set so that the letters
 * before it are flush. */
static void
test_protrusion (Fixture *f, gconstpointer data)
{
  GString *s = g_string_new (NULL);
  for (int i = 0; i < 30; i++)
    g_string_append (s, "Word, «quote» and more. ");
  add (f, PM_INLINE_TEXT, 0, s->str, "fr");
  /* A few measures, so that some lines start with a guillemet whatever the font. */
  guint right = 0, left = 0;
  for (double w = 200; w < 260; w += 10) {
    PmParagraph *p = build (f, w);
    check_measure (p, &f->style, w);
    const char *text = pm_paragraph_get_text (p);
    for (guint i = 0; i < pm_paragraph_get_n_lines (p); i++) {
      const PmLine *l = pm_paragraph_get_line (p, i);
      gunichar last = g_utf8_get_char (g_utf8_prev_char (text + l->text_end));
      gunichar first = g_utf8_get_char (text + l->text_start);
      if (!l->last && (last == ',' || last == '.' || last == 0x00BB)) {
        g_assert_cmpfloat (l->protrude_right, >, 0.5);
        g_assert_cmpfloat (l->x_end, >, w + 0.5);
        right++;
      } else if (!l->last)
        g_assert_cmpfloat (l->protrude_right, ==, 0);
      if (first == 0x00AB) {
        g_assert_cmpfloat (l->protrude_left, >, 0.5);
        g_assert_cmpfloat (l->x_start, <, -0.5);
        left++;
      }
    }
    pm_paragraph_free (p);
  }
  g_assert_cmpuint (right, >, 0);
  g_assert_cmpuint (left, >, 0);

  /* Without protrusion, every justified line ends exactly at the measure. */
  f->style.protrude = FALSE;
  PmParagraph *p = build (f, 200);
  for (guint i = 0; i < pm_paragraph_get_n_lines (p); i++) {
    const PmLine *l = pm_paragraph_get_line (p, i);
    g_assert_cmpfloat (l->protrude_right, ==, 0);
    g_assert_cmpfloat (l->protrude_left, ==, 0);
    if (!l->last)
      g_assert_cmpfloat (fabs (l->x_end - 200), <, 0.01);
  }
  pm_paragraph_free (p);
  g_string_free (s, TRUE);
}

static void
test_ragged_and_centred (Fixture *f, gconstpointer data)
{
  add (f, PM_INLINE_TEXT, 0, english, "en");
  f->style.align = PM_ALIGN_RAGGED_RIGHT;
  PmParagraph *p = build (f, 250);
  check_measure (p, &f->style, 250);
  double shortest = 250;
  for (guint i = 0; i < pm_paragraph_get_n_lines (p); i++) {
    const PmLine *l = pm_paragraph_get_line (p, i);
    g_assert_cmpfloat (l->x_start + l->protrude_left, ==, 0);
    if (!l->last)
      shortest = MIN (shortest, l->x_end);
  }
  g_assert_cmpfloat (shortest, <, 249); /* ragged indeed */
  g_assert_cmpfloat (shortest, >, 250 - 2.5 * f->style.size);
  pm_paragraph_free (p);

  f->style.align = PM_ALIGN_CENTER;
  p = build (f, 250);
  check_measure (p, &f->style, 250);
  for (guint i = 0; i < pm_paragraph_get_n_lines (p); i++) {
    const PmLine *l = pm_paragraph_get_line (p, i);
    g_assert_cmpfloat (fabs (l->x_start - (250 - l->x_end)), <, 0.01);
  }
  pm_paragraph_free (p);
}

/* hyphenate_last_word FALSE: the last line is never the tail of the paragraph's last word;
 * hyphenate_capitalised FALSE: no break inside a capitalised word. */
static void
test_hyphenation_options (Fixture *f, gconstpointer data)
{
  add (f, PM_INLINE_TEXT, 0,
       "Workers of the Mangistau region began an indefinite strike, demanding nationalisation "
       "under workers' control, and the Tengizchevroil demonstrators supported them everywhere "
       "with extraordinarily uncharacteristic determination",
       "en");
  f->style.align = PM_ALIGN_RAGGED_RIGHT;
  guint tails = 0, capitals = 0;
  for (int pass = 0; pass < 2; pass++) {
    f->style.hyphenate_last_word = pass == 0;
    f->style.hyphenate_capitalised = pass == 0;
    for (double w = 100; w <= 220; w += 3) {
      PmParagraph *p = build (f, w);
      const char *text = pm_paragraph_get_text (p);
      const PmLine *last = pm_paragraph_get_line (p, pm_paragraph_get_n_lines (p) - 1);
      /* The last line is the tail of the last word. */
      gboolean tail = last->text_start > 0 && text[last->text_start - 1] != ' ' &&
                      !strchr (text + last->text_start, ' ');
      gboolean capital = FALSE;
      for (guint i = 0; i < pm_paragraph_get_n_lines (p); i++) {
        const PmLine *l = pm_paragraph_get_line (p, i);
        if (!l->hyphenated)
          continue;
        /* The broken word starts with a capital? */
        const char *s = text + l->text_end;
        while (s > text && *(s - 1) != ' ')
          s--;
        capital |= g_unichar_isupper (g_utf8_get_char (s));
      }
      if (pass == 1) {
        g_assert_false (tail);
        g_assert_false (capital);
      }
      tails += pass == 0 && tail;
      capitals += pass == 0 && capital;
      pm_paragraph_free (p);
    }
  }
  /* The defaults do hyphenate both somewhere in these widths. */
  g_assert_cmpuint (tails, >, 0);
  g_assert_cmpuint (capitals, >, 0);
}

/* In every alignment, with hyphens dear and never two in a row, a word broken at a line's
 * end shows its hyphen (the ragged glue after the letters is not a break of its own). */
static void
test_hyphens_every_mode (Fixture *f, gconstpointer data)
{
  add (f, PM_INLINE_TEXT, 0,
       "Рабочие нефтяники Мангистауской области начали бессрочную забастовку, требуя "
       "национализации предприятий под контролем трудовых коллективов, и манифестанты "
       "поддержали их требования в Атырау, Актюбинске, Уральске и Кызылорде.",
       "ru");
  f->style.hyphen_penalty = 500;
  f->style.max_hyphen_run = 1;
  static const PmAlign aligns[] = { PM_ALIGN_RAGGED_RIGHT, PM_ALIGN_CENTER, PM_ALIGN_JUSTIFY };
  guint hyphenated = 0;
  for (guint a = 0; a < G_N_ELEMENTS (aligns); a++)
    for (double w = 120; w <= 240; w += 6) {
      f->style.align = aligns[a];
      PmParagraph *p = build (f, w);
      hyphenated += check_hyphens (f, p, "ru");
      pm_paragraph_free (p);
    }
  g_assert_cmpuint (hyphenated, >, 10);
}

/* Note references are raised, smaller, and listed on their line; links keep their target. */
static void
test_notes_and_links (Fixture *f, gconstpointer data)
{
  add (f, PM_INLINE_TEXT, 0, "The strike began in Zhanaozen", "en");
  PmInline *ref = add (f, PM_INLINE_NOTE_REF, 0, "1", "en");
  ref->note = 3;
  add (f, PM_INLINE_TEXT, 0, " and spread; see ", "en");
  PmInline *link = add (f, PM_INLINE_TEXT, PM_INLINE_LINK | PM_INLINE_ITALIC, "the report", "en");
  link->href = g_strdup ("https://example.org/report");
  add (f, PM_INLINE_TEXT, 0, ".", "en");
  PmParagraph *p = build (f, 400);
  g_assert_cmpuint (pm_paragraph_get_n_lines (p), ==, 1);
  const PmLine *l = pm_paragraph_get_line (p, 0);
  g_assert_cmpuint (l->n_notes, ==, 1);
  g_assert_cmpint (l->notes[0], ==, 3);
  gboolean saw_note = FALSE;
  double link_width = 0;
  for (guint r = 0; r < l->n_runs; r++) {
    const PmLineRun *run = &l->runs[r];
    if (run->note == 3) {
      saw_note = TRUE;
      g_assert_cmpfloat (run->rise, >, 2);
      g_assert_cmpfloat (run->size, <, 8);
      g_assert_cmpfloat (l->glyphs[run->first].y, <, -2);
    }
    if (run->href) {
      g_assert_cmpstr (run->href, ==, "https://example.org/report");
      link_width += run->x1 - run->x0;
    }
  }
  g_assert_true (saw_note);
  g_assert_cmpfloat (link_width, >, 30);
  pm_paragraph_free (p);
}

/* A hard line break ends a line without stretching it. */
static void
test_line_break (Fixture *f, gconstpointer data)
{
  add (f, PM_INLINE_TEXT, 0, "First line", "en");
  add (f, PM_INLINE_LINE_BREAK, 0, "", "en");
  add (f, PM_INLINE_TEXT, 0, english, "en");
  PmParagraph *p = build (f, 300);
  check_measure (p, &f->style, 300);
  char *t = line_text (p, 0);
  g_assert_cmpstr (t, ==, "First line");
  g_free (t);
  const PmLine *l = pm_paragraph_get_line (p, 0);
  g_assert_true (l->forced);
  g_assert_cmpfloat (l->x_end, <, 100);
  g_assert_cmpfloat (l->ratio, ==, 0);
  t = line_text (p, 1);
  g_assert_true (g_str_has_prefix (t, "Small publishers"));
  g_free (t);
  pm_paragraph_free (p);
}

/* A character no declared font has: an error naming it and its place. */
static void
test_missing_glyph (Fixture *f, gconstpointer data)
{
  add (f, PM_INLINE_TEXT, 0, "Prices rose by", "en");
  PmInline *inl = add (f, PM_INLINE_TEXT, 0, "abc \u4e2d 5 per cent", "en");
  inl->pos.line = 7;
  inl->pos.column = 3;
  GError *error = NULL;
  PmParagraph *p =
      pm_paragraph_builder_build (f->builder, f->inlines, &f->style, 300, 0, f->diags, &error);
  g_assert_null (p);
  g_assert_error (error, PM_ERROR, PM_ERROR_FONT);
  g_assert_true (g_str_has_prefix (error->message, "text.md:7:7:"));
  g_assert_nonnull (strstr (error->message, "U+4E2D"));
  g_clear_error (&error);
}

/* A word longer than the line: set overfull, and said so with its place. */
static void
test_overfull (Fixture *f, gconstpointer data)
{
  add (f, PM_INLINE_TEXT, 0, "A word: pneumonoultramicroscopicsilicovolcanoconiosis, it is.", "en");
  f->style.hyphenate = FALSE;
  PmParagraph *p = build (f, 80);
  g_assert_cmpuint (pm_paragraph_count_overfull (p), >, 0);
  gboolean found = FALSE;
  for (guint i = 0; i < pm_diagnostics_length (f->diags); i++) {
    const PmDiagnostic *d = pm_diagnostics_get (f->diags, i);
    if (strstr (d->message, "overfull")) {
      found = TRUE;
      g_assert_cmpint (d->severity, ==, PM_SEVERITY_WARNING);
      g_assert_cmpstr (d->file, ==, "text.md");
      g_assert_cmpuint (d->line, ==, 5);
      g_assert_cmpuint (d->column, >=, 1);
    }
  }
  g_assert_true (found);
  pm_paragraph_free (p);
}

/* A language without patterns is set without hyphenation, with one warning per builder. */
static void
test_no_patterns (Fixture *f, gconstpointer data)
{
  add (f, PM_INLINE_TEXT, 0, english, "xx");
  for (int i = 0; i < 2; i++) {
    PmParagraph *p = build (f, 200);
    g_assert_cmpuint (pm_paragraph_count_hyphenated (p), ==, 0);
    pm_paragraph_free (p);
  }
  guint warnings = 0;
  for (guint i = 0; i < pm_diagnostics_length (f->diags); i++) {
    const PmDiagnostic *d = pm_diagnostics_get (f->diags, i);
    if (strstr (d->message, "'xx'")) {
      warnings++;
      g_assert_cmpint (d->severity, ==, PM_SEVERITY_WARNING);
    }
  }
  g_assert_cmpuint (warnings, ==, 1);
}

static guint
count_messages (PmDiagnostics *diags, const char *needle, const char *file)
{
  guint n = 0;
  for (guint i = 0; i < pm_diagnostics_length (diags); i++) {
    const PmDiagnostic *d = pm_diagnostics_get (diags, i);
    n += strstr (d->message, needle) && (!file || !strcmp (d->file, file));
  }
  return n;
}

/* A builder sharing another's dictionaries sets the same lines on another thread, and does not
 * say again what the other said of a file; each file gets its own warning. */
static gpointer
build_on_thread (gpointer data)
{
  Fixture *f = data;
  return build (f, 200);
}

static void
test_sharing (Fixture *f, gconstpointer data)
{
  add (f, PM_INLINE_TEXT, 0, english, "en");
  add (f, PM_INLINE_TEXT, 0, " Grobbly wibbly.", "xx");
  PmParagraph *mine = build (f, 200);
  g_assert_cmpuint (count_messages (f->diags, "'xx'", "text.md"), ==, 1);

  PmParagraphBuilder *own = f->builder;
  f->builder = pm_paragraph_builder_new_sharing (own);
  pm_paragraph_builder_set_source (f->builder, "text.md");
  PmParagraph *theirs = g_thread_join (g_thread_new ("sharing", build_on_thread, f));
  g_assert_cmpuint (pm_paragraph_get_n_lines (theirs), ==, pm_paragraph_get_n_lines (mine));
  g_assert_cmpuint (pm_paragraph_count_hyphenated (theirs), >, 0);
  for (guint i = 0; i < pm_paragraph_get_n_lines (mine); i++) {
    g_autofree char *a = line_text (mine, i);
    g_autofree char *b = line_text (theirs, i);
    g_assert_cmpstr (a, ==, b);
  }
  g_assert_cmpuint (count_messages (f->diags, "'xx'", "text.md"), ==, 1);
  /* The English dictionary is the one loaded already. */
  g_autoptr (GPtrArray) d1 = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) d2 = g_ptr_array_new_with_free_func (g_free);
  pm_paragraph_builder_add_dictionaries (own, d1);
  pm_paragraph_builder_add_dictionaries (f->builder, d2);
  g_assert_cmpuint (d1->len, ==, 1);
  g_assert_cmpuint (d2->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (d1, 0), ==, g_ptr_array_index (d2, 0));

  pm_paragraph_builder_set_source (f->builder, "other.md");
  pm_paragraph_free (build (f, 200));
  g_assert_cmpuint (count_messages (f->diags, "'xx'", "other.md"), ==, 1);
  pm_paragraph_free (build (f, 200));
  g_assert_cmpuint (count_messages (f->diags, "'xx'", NULL), ==, 2);

  pm_paragraph_free (mine);
  pm_paragraph_free (theirs);
  pm_paragraph_builder_free (f->builder);
  f->builder = own;
}

/* A feature the face lacks (Liberation Serif has no old-style figures or small caps) is
 * said once per feature, at the text; one turned off again, or one the face has, is not. */
static guint
feature_warnings (Fixture *f, const char *tag)
{
  g_autofree char *needle = g_strdup_printf ("no OpenType feature '%s'", tag);
  guint n = 0;
  for (guint i = 0; i < pm_diagnostics_length (f->diags); i++) {
    const PmDiagnostic *d = pm_diagnostics_get (f->diags, i);
    if (strstr (d->message, needle)) {
      g_assert_cmpint (d->severity, ==, PM_SEVERITY_WARNING);
      g_assert_cmpuint (d->line, ==, 4);
      n++;
    }
  }
  return n;
}

static void
test_missing_features (Fixture *f, gconstpointer data)
{
  PmInline *inl = add (f, PM_INLINE_TEXT, 0, "In 1984 and 2022, SMALL caps.", "en");
  inl->pos.line = 4;
  inl->pos.column = 1;
  f->style.features = "onum,smcp,kern,-liga,dlig,dlig=0";
  for (int i = 0; i < 2; i++)
    pm_paragraph_free (build (f, 300));
  g_assert_cmpstr (f->style.family, ==, "Liberation Serif");
  g_assert_cmpuint (feature_warnings (f, "onum"), ==, 1);
  g_assert_cmpuint (feature_warnings (f, "smcp"), ==, 1);
  g_assert_cmpuint (feature_warnings (f, "kern"), ==, 0); /* it has kerning */
  g_assert_cmpuint (feature_warnings (f, "liga"), ==, 0); /* turned off */
  g_assert_cmpuint (feature_warnings (f, "dlig"), ==, 0); /* turned off again */
  /* Noto Serif has both. */
  guint before = pm_diagnostics_length (f->diags);
  f->style.family = "Noto Serif";
  pm_paragraph_free (build (f, 300));
  g_assert_cmpuint (pm_diagnostics_length (f->diags), ==, before);
}

/* Looseness: a paragraph set one line longer when asked. */
static void
test_looseness (Fixture *f, gconstpointer data)
{
  add (f, PM_INLINE_TEXT, 0, english, "en");
  PmParagraph *p = build (f, 317);
  guint n = pm_paragraph_get_n_lines (p);
  pm_paragraph_free (p);
  GError *error = NULL;
  p = pm_paragraph_builder_build (f->builder, f->inlines, &f->style, 317, 1, f->diags, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pm_paragraph_get_n_lines (p), ==, n + 1);
  check_measure (p, &f->style, 317);
  pm_paragraph_free (p);
}

/* A and B set alike: the same lines, glyphs and positions. */
static void
assert_same_setting (const PmParagraph *a, const PmParagraph *b)
{
  g_assert_cmpstr (pm_paragraph_get_text (a), ==, pm_paragraph_get_text (b));
  g_assert_cmpuint (pm_paragraph_get_n_lines (a), ==, pm_paragraph_get_n_lines (b));
  g_assert_cmpfloat (pm_paragraph_get_demerits (a), ==, pm_paragraph_get_demerits (b));
  for (guint i = 0; i < pm_paragraph_get_n_lines (a); i++) {
    const PmLine *x = pm_paragraph_get_line (a, i), *y = pm_paragraph_get_line (b, i);
    g_assert_cmpuint (x->text_start, ==, y->text_start);
    g_assert_cmpuint (x->text_end, ==, y->text_end);
    g_assert_cmpuint (x->n_glyphs, ==, y->n_glyphs);
    g_assert_cmpuint (x->n_runs, ==, y->n_runs);
    for (guint g = 0; g < x->n_glyphs; g++) {
      g_assert_cmpuint (x->glyphs[g].index, ==, y->glyphs[g].index);
      g_assert_cmpfloat (x->glyphs[g].x, ==, y->glyphs[g].x);
      g_assert_cmpfloat (x->glyphs[g].y, ==, y->glyphs[g].y);
    }
  }
}

/* Setting the last paragraph again from its items is the same as building it anew, with
 * any looseness and width; without a paragraph built it fails. */
static void
test_rebuild (Fixture *f, gconstpointer data)
{
  GError *error = NULL;
  g_assert_null (pm_paragraph_builder_rebuild (f->builder, &f->style, 317, 1, NULL, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_INTERNAL);
  g_clear_error (&error);

  add (f, PM_INLINE_TEXT, 0, english, "en");
  PmParagraph *normal = build (f, 317);
  const struct {
    double width;
    int looseness;
  } cases[] = { { 317, 1 }, { 317, -1 }, { 317, 0 }, { 250, 0 }, { 250, 1 } };
  for (guint k = 0; k < G_N_ELEMENTS (cases); k++) {
    PmParagraph *again = pm_paragraph_builder_rebuild (f->builder, &f->style, cases[k].width,
                                                       cases[k].looseness, NULL, &error);
    g_assert_no_error (error);
    PmParagraph *fresh = pm_paragraph_builder_build (
        f->builder, f->inlines, &f->style, cases[k].width, cases[k].looseness, NULL, &error);
    g_assert_no_error (error);
    assert_same_setting (again, fresh);
    if (cases[k].looseness == 1)
      g_assert_cmpuint (pm_paragraph_get_n_lines (again), >, pm_paragraph_get_n_lines (normal));
    pm_paragraph_free (again);
    pm_paragraph_free (fresh);
  }
  /* The shorter and longer settings at once, as one at a time. */
  static const int loose[2] = { -1, 1 };
  for (double width = 250; width <= 317; width += 67) {
    PmParagraph *both[2];
    g_assert_true (pm_paragraph_builder_rebuild_loose (f->builder, &f->style, width, loose, 2, both,
                                                       NULL, &error));
    g_assert_no_error (error);
    for (int k = 0; k < 2; k++) {
      PmParagraph *one =
          pm_paragraph_builder_rebuild (f->builder, &f->style, width, loose[k], NULL, &error);
      g_assert_no_error (error);
      assert_same_setting (both[k], one);
      pm_paragraph_free (one);
      pm_paragraph_free (both[k]);
    }
  }
  pm_paragraph_free (normal);

  /* A failed build leaves nothing to set again. */
  add (f, PM_INLINE_TEXT, 0, "abc \u4e2d 5", "en");
  g_assert_null (
      pm_paragraph_builder_build (f->builder, f->inlines, &f->style, 317, 0, NULL, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_FONT);
  g_clear_error (&error);
  g_assert_null (pm_paragraph_builder_rebuild (f->builder, &f->style, 317, 0, NULL, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_INTERNAL);
  g_clear_error (&error);

  /* An empty paragraph sets again as empty. */
  g_ptr_array_set_size (f->inlines, 0);
  PmParagraph *empty = build (f, 317);
  PmParagraph *again = pm_paragraph_builder_rebuild (f->builder, &f->style, 317, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pm_paragraph_get_n_lines (again), ==, 0);
  pm_paragraph_free (empty);
  pm_paragraph_free (again);
}

/* Dictionaries loaded ahead set a paragraph as loading them when needed does, whether the
 * loader thread has them ready, is loading them or has not started them yet (the paragraph
 * loads those itself); a language without patterns is still warned about once, where its
 * text is; a builder freed with dictionaries queued and loading is freed cleanly. */
static const char *french =
    "Les petites maisons d'édition, les syndicats et les collectifs de traducteurs publient "
    "la même déclaration dans plusieurs langues à la fois : une brochure réunissant toutes "
    "les traductions, confiée le jour même à un imprimeur, reconstruite intégralement dès "
    "qu'une traduction est corrigée.";

static void
test_preload (Fixture *f, gconstpointer data)
{
  add (f, PM_INLINE_TEXT, 0, english, "en");
  PmParagraph *lazy = build (f, 150);
  g_assert_cmpuint (pm_paragraph_count_hyphenated (lazy), >, 0);

  PmParagraphBuilder *b = pm_paragraph_builder_new (f->fonts);
  pm_paragraph_builder_set_source (b, "text.md");
  pm_paragraph_builder_preload_hyphenation (b, "en");
  pm_paragraph_builder_preload_hyphenation (b, "en");
  pm_paragraph_builder_preload_hyphenation (b, "xx");
  pm_paragraph_builder_preload_hyphenation (b, NULL);
  GError *error = NULL;
  PmParagraph *early =
      pm_paragraph_builder_build (b, f->inlines, &f->style, 150, 0, f->diags, &error);
  g_assert_no_error (error);
  assert_same_setting (lazy, early);
  g_assert_cmpuint (pm_diagnostics_length (f->diags), ==, 0);
  pm_paragraph_free (early);

  g_ptr_array_set_size (f->inlines, 0);
  add (f, PM_INLINE_TEXT, 0, english, "xx");
  for (int i = 0; i < 2; i++) {
    PmParagraph *p =
        pm_paragraph_builder_build (b, f->inlines, &f->style, 200, 0, f->diags, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (pm_paragraph_count_hyphenated (p), ==, 0);
    pm_paragraph_free (p);
  }
  g_assert_cmpuint (pm_diagnostics_length (f->diags), ==, 1);
  const PmDiagnostic *d = pm_diagnostics_get (f->diags, 0);
  g_assert_cmpint (d->severity, ==, PM_SEVERITY_WARNING);
  g_assert_nonnull (strstr (d->message, "'xx'"));
  g_assert_cmpstr (d->file, ==, "text.md");
  g_assert_cmpuint (d->line, ==, 5);

  /* French queued behind Russian: most likely not started when the paragraph needs it. */
  g_ptr_array_set_size (f->inlines, 0);
  add (f, PM_INLINE_TEXT, 0, french, "fr");
  PmParagraph *lazy_fr = build (f, 150);
  pm_paragraph_builder_preload_hyphenation (b, "ru");
  pm_paragraph_builder_preload_hyphenation (b, "fr");
  PmParagraph *early_fr =
      pm_paragraph_builder_build (b, f->inlines, &f->style, 150, 0, f->diags, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pm_paragraph_count_hyphenated (lazy_fr), >, 0);
  assert_same_setting (lazy_fr, early_fr);
  pm_paragraph_free (lazy_fr);
  pm_paragraph_free (early_fr);

  pm_paragraph_builder_preload_hyphenation (b, "uk");
  pm_paragraph_builder_preload_hyphenation (b, "it");
  pm_paragraph_builder_free (b);
  pm_paragraph_free (lazy);
}

/* Font expansion: lines take whole steps of at most 2 %, stay flush, and are fewer loose. */
static void
test_expansion (Fixture *f, gconstpointer data)
{
  add (f, PM_INLINE_TEXT, 0, english, "en");
  f->style.expansion = 0.02;
  f->style.expansion_step = 0.005;
  guint expanded = 0;
  for (double width = 150; width <= 330; width += 20) {
    PmParagraph *p = build (f, width);
    check_measure (p, &f->style, width);
    for (guint i = 0; i < pm_paragraph_get_n_lines (p); i++) {
      const PmLine *l = pm_paragraph_get_line (p, i);
      g_assert_cmpfloat (fabs (l->expand), <=, 0.02 + 1e-12);
      double steps = l->expand / 0.005;
      g_assert_cmpfloat (fabs (steps - round (steps)), <, 1e-9);
      expanded += l->expand != 0;
      for (guint r = 0; r < l->n_runs; r++) {
        g_assert_cmpfloat (l->runs[r].expand, ==, l->expand);
        cairo_matrix_t fm;
        cairo_scaled_font_get_font_matrix (l->runs[r].font, &fm);
        g_assert_cmpfloat (fabs (fm.xx - l->runs[r].size * (1 + l->expand)), <, 1e-9);
      }
      /* The spaces take what the letters do not: the interword ratio stays within TeX's. */
      if (!l->last)
        g_assert_cmpfloat (l->space_ratio, >=, -1);
    }
    pm_paragraph_free (p);
  }
  g_assert_cmpuint (expanded, >, 0);
}

/* Drawing puts ink inside the measure (and protrusion), nowhere else. */
static void
test_draw (Fixture *f, gconstpointer data)
{
  add (f, PM_INLINE_TEXT, 0, english, "en");
  PmParagraph *p = build (f, 200);
  int w = 240, h = (int)(pm_paragraph_get_n_lines (p) * 13 + 20);
  cairo_surface_t *surf = cairo_image_surface_create (CAIRO_FORMAT_A8, w, h);
  cairo_t *cr = cairo_create (surf);
  for (guint i = 0; i < pm_paragraph_get_n_lines (p); i++)
    pm_paragraph_line_draw (p, i, cr, 20, 15 + 13 * i);
  cairo_destroy (cr);
  cairo_surface_flush (surf);
  const unsigned char *px = cairo_image_surface_get_data (surf);
  int stride = cairo_image_surface_get_stride (surf);
  int left = w, right = -1, inked = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (px[y * stride + x] > 128) {
        left = MIN (left, x);
        right = MAX (right, x);
        inked++;
      }
  cairo_surface_destroy (surf);
  g_assert_cmpint (inked, >, 1000);
  g_assert_cmpint (left, >=, 18);
  g_assert_cmpint (left, <=, 22);
  g_assert_cmpint (right, <=, 20 + 200 + 3);
  g_assert_cmpint (right, >=, 20 + 200 - 3);
  pm_paragraph_free (p);
}

/* Font expansion at several measures: justified lines stay flush with the measure, each line's
 * glyphs scaled by at most the limit, in steps, drawn with a font scaled as much; the letters
 * take the adjustment first, so the spaces are adjusted less than without; ragged text is not
 * expanded. */
static void
test_expansion_flush (Fixture *f, gconstpointer data)
{
  add (f, PM_INLINE_TEXT, 0, english, "en");
  double widths[] = { 317, 250, 180 };
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++) {
    f->style.expansion = 0;
    PmParagraph *plain = build (f, widths[w]);
    f->style.expansion = 0.02;
    f->style.expansion_step = 0.001;
    PmParagraph *p = build (f, widths[w]);
    check_measure (p, &f->style, widths[w]);
    guint expanded = 0;
    double sum_plain = 0, sum = 0;
    for (guint i = 0; i < pm_paragraph_get_n_lines (p); i++) {
      const PmLine *l = pm_paragraph_get_line (p, i);
      g_assert_cmpfloat (fabs (l->expand), <=, 0.02 + 1e-12);
      if (l->last) {
        g_assert_cmpfloat (l->expand, <=, 0); /* condensed if it must shrink, never wider */
        continue;
      }
      g_assert_false (l->underfull);
      /* The drawn width is the measure: the glyphs' pen positions and the glue as set. */
      g_assert_cmpfloat (fabs (l->x_end - l->protrude_right - widths[w]), <, 0.01);
      double steps = l->expand / f->style.expansion_step;
      g_assert_cmpfloat (fabs (steps - round (steps)), <, 1e-6);
      expanded += l->expand != 0;
      sum += fabs (l->space_ratio);
      for (guint r = 0; r < l->n_runs; r++) {
        cairo_matrix_t m;
        cairo_scaled_font_get_font_matrix (l->runs[r].font, &m);
        g_assert_cmpfloat (fabs (m.xx / m.yy - (1 + l->expand)), <, 1e-9);
      }
    }
    for (guint i = 0; i + 1 < pm_paragraph_get_n_lines (plain); i++)
      sum_plain += fabs (pm_paragraph_get_line (plain, i)->ratio);
    g_assert_cmpuint (expanded, >, 0);
    /* The glyphs take part of each line's adjustment: the glue is adjusted less overall. */
    g_assert_cmpfloat (sum, <, sum_plain);
    pm_paragraph_free (plain);
    pm_paragraph_free (p);
  }
  f->style.align = PM_ALIGN_RAGGED_RIGHT;
  PmParagraph *p = build (f, 250);
  for (guint i = 0; i < pm_paragraph_get_n_lines (p); i++)
    g_assert_cmpfloat (pm_paragraph_get_line (p, i)->expand, ==, 0);
  pm_paragraph_free (p);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/paragraph/justified", test_justified);
  ADD ("/paragraph/indents", test_indents);
  ADD ("/paragraph/hyphenation", test_hyphenation);
  ADD ("/paragraph/languages", test_languages);
  ADD ("/paragraph/no-break-spaces", test_no_break_spaces);
  ADD ("/paragraph/soft-hyphens", test_soft_hyphens);
  ADD ("/paragraph/explicit-hyphens", test_explicit_hyphens);
  ADD ("/paragraph/turkish-apostrophe", test_turkish_apostrophe);
  ADD ("/paragraph/protrusion", test_protrusion);
  ADD ("/paragraph/ragged-and-centred", test_ragged_and_centred);
  ADD ("/paragraph/hyphens-every-mode", test_hyphens_every_mode);
  ADD ("/paragraph/hyphenation-options", test_hyphenation_options);
  ADD ("/paragraph/notes-and-links", test_notes_and_links);
  ADD ("/paragraph/line-break", test_line_break);
  ADD ("/paragraph/missing-glyph", test_missing_glyph);
  ADD ("/paragraph/overfull", test_overfull);
  ADD ("/paragraph/no-patterns", test_no_patterns);
  ADD ("/paragraph/sharing", test_sharing);
  ADD ("/paragraph/missing-features", test_missing_features);
  ADD ("/paragraph/looseness", test_looseness);
  ADD ("/paragraph/rebuild", test_rebuild);
  ADD ("/paragraph/preload", test_preload);
  ADD ("/paragraph/expansion", test_expansion);
  ADD ("/paragraph/draw", test_draw);
  ADD ("/paragraph/expansion-flush", test_expansion_flush);
  return g_test_run ();
}
