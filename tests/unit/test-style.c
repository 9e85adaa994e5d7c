/* test-style.c: style sheets — the cascade, units, every error with its place, the shipped
 * sheets, and doc/style.md naming every key. */
#include "base/pm-error.h"
#include "style/pm-style.h"
#include "pm-test.h"

#include <math.h>
#include <string.h>

#define MM(x) ((x)*72.0 / 25.4)

static void
assert_near (double got, double want)
{
  if (fabs (got - want) > 1e-6)
    g_error ("got %.6f, want %.6f", got, want);
}

static PmStyle *
load_ok (const char *name, const char *text)
{
  GError *error = NULL;
  PmStyle *style = pm_style_load_data (name, text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (style);
  return style;
}

static void
test_shipped (void)
{
  GError *error = NULL;
  char *path = pm_test_source_path ("styles/booklet-a5.style");
  g_autoptr (PmStyle) booklet = pm_style_load (path, &error);
  g_assert_no_error (error);
  g_free (path);
  const PmPageStyle *p = pm_style_get_page (booklet);
  assert_near (p->width, MM (148));
  assert_near (p->height, MM (210));
  assert_near (p->measure, MM (112));
  assert_near (p->column_width, MM (112));
  assert_near (p->baseline_grid, 13);
  g_assert_cmpint (p->columns, ==, 1);
  g_assert_true (p->facing);
  g_assert_cmpint (p->section_start, ==, PM_SECTION_START_RIGHT_PAGE);
  PmTextStyle body = pm_style_get_text (booklet, "body", "ru");
  g_assert_cmpstr (body.family, ==, "Liberation Serif");
  g_assert_true (body.hyphenate_last_word && body.hyphenate_capitalised); /* the defaults */
  assert_near (body.hyphenate_limit_lines, 1);
  assert_near (body.size, 10);
  assert_near (body.leading, 13);
  g_assert_cmpint (body.align, ==, PM_TEXT_ALIGN_JUSTIFY);
  assert_near (body.emergency_stretch, 10);
  assert_near (body.widow_penalty, 10000);
  /* The note inherits 1em of emergency stretch as 1em of its own size. */
  assert_near (pm_style_get_text (booklet, "note", "el").emergency_stretch, 8);
  g_assert_cmpstr (pm_style_get_name (booklet), ==, "booklet-a5");
  /* Per-language rules from base.style, the contents' heading from the booklet. */
  const PmLangStyle *el = pm_style_get_lang (booklet, "el");
  g_assert_cmpint (el->hyphen_min_left, ==, 1);
  g_assert_cmpint (el->hyphen_min_right, ==, 1);
  g_assert_cmpstr (el->quote_open, ==, "«");
  g_assert_cmpstr (el->contents_title, ==, "Περιεχόμενα");
  g_assert_cmpstr (pm_style_get_lang (booklet, "fr")->contents_title, ==, "Sommaire");
  g_assert_cmpstr (pm_style_get_lang (booklet, "ru")->inner_open, ==, "„");
  g_assert_cmpint (pm_style_get_lang (booklet, "en")->hyphen_min_right, ==, 3);
  g_assert_cmpint (pm_style_get_lang (booklet, "tr")->hyphen_min_right, ==, 2);
  g_assert_cmpstr (pm_style_get_text (booklet, "body", "tr").features, ==, "-liga");
  const char *const *langs = pm_style_get_languages (booklet);
  const char *want[] = { "el", "ru", "fr", "it", "en", "tr" };
  for (gsize i = 0; i < G_N_ELEMENTS (want); i++)
    g_assert_cmpstr (langs[i], ==, want[i]);
  g_assert_null (langs[G_N_ELEMENTS (want)]);
  const PmCoverStyle *cover = pm_style_get_cover (booklet);
  g_assert_cmpstr (cover->languages[0], ==, "ru");
  g_assert_cmpstr (cover->languages[1], ==, "en");
  assert_near (cover->band_height, 0.38 * MM (210));
  assert_near (cover->accent.r, 0x8b / 255.0);
  /* Notes: 80 % of body, the rule a quarter of the measure. */
  assert_near (pm_style_get_text (booklet, "note", NULL).size, 8);
  assert_near (pm_style_get_notes (booklet)->rule_length, MM (112) / 4);
  assert_near (pm_style_get_notes (booklet)->mark_scale, 0.65);
  assert_near (pm_style_protrusion (booklet, ',', TRUE), 0.6);
  assert_near (pm_style_protrusion (booklet, ',', FALSE), 0);
  assert_near (pm_style_protrusion (booklet, 0x037E, TRUE), 0.4);
  assert_near (pm_style_protrusion (booklet, 'x', TRUE), 0);

  path = pm_test_source_path ("styles/leaflet-a4.style");
  g_autoptr (PmStyle) leaflet = pm_style_load (path, &error);
  g_assert_no_error (error);
  g_free (path);
  p = pm_style_get_page (leaflet);
  assert_near (p->width, MM (210));
  assert_near (p->measure, MM (180));
  g_assert_cmpint (p->columns, ==, 2);
  assert_near (p->column_width, (MM (180) - MM (7)) / 2);
  g_assert_false (p->facing);
  const PmMastheadStyle *mast = pm_style_get_masthead (leaflet);
  g_assert_true (mast->enabled);
  assert_near (mast->height, MM (32));
  PmTextStyle mtext = pm_style_get_text (leaflet, "masthead", "el");
  assert_near (mtext.size, 30);
  assert_near (mtext.color.r, 1);
  g_assert_cmpint (pm_style_get_running (leaflet)->head_left, ==, PM_HEAD_NONE);
  g_assert_cmpint (pm_style_get_lang (leaflet, "el")->hyphen_min_left, ==, 1);

  path = pm_test_source_path ("styles/base.style");
  g_autoptr (PmStyle) base = pm_style_load (path, &error);
  g_assert_no_error (error);
  g_free (path);
  /* baseline-grid: auto is one body line. */
  assert_near (pm_style_get_page (base)->baseline_grid, 13);
}

static void
test_cascade (void)
{
  char *parent = pm_test_write_file ("parent.style",
                                     "page: { size: A4, margin-inner: 20mm, margin-outer: 20mm }\n"
                                     "body: { family: Parent Serif, size: 11pt, leading: 14pt,"
                                     " indent: 1em }\n"
                                     "h1: { size: 2em, weight: bold }\n"
                                     "h2: { size: 12pt }\n"
                                     "language: { quotes: \"“”\" }\n"
                                     "lang:\n"
                                     "  el: { quotes: \"«»\", hyphen-min-left: 1,"
                                     " body: { family: Greek Serif } }\n"
                                     "protrusion: { \".\": [0, 0.5] }\n",
                                     -1);
  char *child = pm_test_write_file ("child.style",
                                    "inherit: parent.style\n"
                                    "page: { margin-outer: 25mm }\n"
                                    "body: { size: 10pt }\n"
                                    "h1: { family: Head Sans }\n"
                                    "lang:\n"
                                    "  el: { body: { size: 9pt, features: ss01 } }\n"
                                    "  ru: { h1: { family: Cyrillic Sans }, features: [\"-liga\"],"
                                    " publisher: Издатель }\n"
                                    "protrusion: { \".\": [0.1, 0.8] }\n",
                                    -1);
  GError *error = NULL;
  g_autoptr (PmStyle) s = pm_style_load (child, &error);
  g_assert_no_error (error);
  const PmPageStyle *p = pm_style_get_page (s);
  /* The parent's size and inner margin, the child's outer margin. */
  assert_near (p->width, MM (210));
  assert_near (p->measure, MM (210 - 20 - 25));

  PmTextStyle body = pm_style_get_text (s, "body", NULL);
  g_assert_cmpstr (body.family, ==, "Parent Serif");
  assert_near (body.size, 10);
  assert_near (body.leading, 14);
  assert_near (body.indent, 10); /* 1em of its own size */
  /* h1: the child's family, the parent's size (em of body) and weight; leading from body
   * in body's proportion. */
  PmTextStyle h1 = pm_style_get_text (s, "h1", NULL);
  g_assert_cmpstr (h1.family, ==, "Head Sans");
  assert_near (h1.size, 20);
  assert_near (h1.leading, 28);
  g_assert_cmpint (h1.weight, ==, 700);
  assert_near (h1.indent, 0); /* indent is not inherited */
  /* An element the sheets do not name is body. */
  PmTextStyle quote = pm_style_get_text (s, "quote", NULL);
  g_assert_cmpstr (quote.family, ==, "Parent Serif");
  assert_near (quote.size, 10);

  /* Greek: the parent's family for Greek, the child's size for Greek; em follows it. */
  PmTextStyle el = pm_style_get_text (s, "body", "el");
  g_assert_cmpstr (el.family, ==, "Greek Serif");
  assert_near (el.size, 9);
  g_assert_cmpstr (el.features, ==, "ss01");
  assert_near (pm_style_get_text (s, "h1", "el").size, 18);
  g_assert_cmpstr (pm_style_get_text (s, "h1", "el").family, ==, "Head Sans");
  assert_near (pm_style_get_text (s, "h2", "el").size, 12);
  /* Region subtags fall back to the language. */
  g_assert_cmpstr (pm_style_get_text (s, "body", "el-GR").family, ==, "Greek Serif");
  g_assert_cmpstr (pm_style_get_text (s, "body", "EL_gr").family, ==, "Greek Serif");
  const PmLangStyle *lel = pm_style_get_lang (s, "el");
  g_assert_cmpstr (lel->quote_open, ==, "«");
  g_assert_cmpstr (lel->quote_close, ==, "»");
  g_assert_cmpint (lel->hyphen_min_left, ==, 1);
  g_assert_cmpint (lel->hyphen_min_right, ==, 3); /* the default */
  /* Russian: its own heading face, body as everywhere, the language's features. */
  g_assert_cmpstr (pm_style_get_text (s, "h1", "ru").family, ==, "Cyrillic Sans");
  g_assert_cmpstr (pm_style_get_text (s, "body", "ru").family, ==, "Parent Serif");
  g_assert_cmpstr (pm_style_get_text (s, "body", "ru").features, ==, "-liga");
  g_assert_cmpstr (pm_style_get_lang (s, "ru")->publisher, ==, "Издатель");
  g_assert_cmpstr (pm_style_get_lang (s, "el")->publisher, ==, "");
  /* A language without a section gets the defaults. */
  g_assert_cmpstr (pm_style_get_lang (s, "de")->quote_open, ==, "“");
  g_assert_cmpstr (pm_style_get_lang (s, "de")->tag, ==, "");
  g_assert_cmpstr (pm_style_get_text (s, "body", "de").family, ==, "Parent Serif");
  /* The child's protrusion replaces the parent's. */
  assert_near (pm_style_protrusion (s, '.', TRUE), 0.8);
  assert_near (pm_style_protrusion (s, '.', FALSE), 0.1);
  g_free (parent);
  g_free (child);
}

static void
test_units (void)
{
  g_autoptr (PmStyle) s =
      load_ok ("units.style", "page: { size: [100mm, 4in], margin-inner: 1cm,"
                              " margin-outer: 36pt, margin-top: 0, bleed: 0.125in,"
                              " column-gap: 2em }\n"
                              "body: { size: 12pt, leading: 120%, letter-spacing: 0.1em,"
                              " expansion: 2%, word-spacing: 115%, space-shrink: 0.25 }\n"
                              "note: { size: 75%, leading: 1.25, rule-length: 50% }\n"
                              "quote: { size: 0.5em, margin-left: 2em, space-before: 3mm }\n"
                              "note-mark: { size: 0.6, raise: 40% }\n");
  const PmPageStyle *p = pm_style_get_page (s);
  assert_near (p->width, MM (100));
  assert_near (p->height, 288);
  assert_near (p->margin_inner, MM (10));
  assert_near (p->margin_outer, 36);
  assert_near (p->margin_top, 0);
  assert_near (p->bleed, 9);
  assert_near (p->column_gap, 24);
  PmTextStyle body = pm_style_get_text (s, "body", NULL);
  assert_near (body.leading, 14.4);
  assert_near (body.letter_spacing, 1.2);
  assert_near (body.expansion, 0.02);
  assert_near (body.word_spacing, 1.15);
  assert_near (body.space_stretch, 0.5); /* TeX's default */
  assert_near (body.space_shrink, 0.25);
  PmTextStyle note = pm_style_get_text (s, "note", NULL);
  assert_near (note.size, 9);
  assert_near (note.leading, 11.25);
  assert_near (pm_style_get_notes (s)->rule_length, p->measure / 2);
  PmTextStyle quote = pm_style_get_text (s, "quote", NULL);
  assert_near (quote.size, 6);
  assert_near (quote.margin_left, 12);
  assert_near (quote.space_before, MM (3));
  assert_near (pm_style_get_notes (s)->mark_scale, 0.6);
  assert_near (pm_style_get_notes (s)->mark_raise, 0.4);
}

static void
test_values (void)
{
  g_autoptr (PmStyle) s =
      load_ok ("values.style",
               "colors: { red: \"#f00\", teal: \"#008080\" }\n"
               "body: { color: red, weight: 600, style: italic, align: center, case: upper,"
               " hyphenate: no, features: [onum, \"ss01=1\"],"
               " hyphenate-capitalised: no, hyphenate-last-word: no, hyphenate-limit-lines: 2 }\n"
               "h1: { color: \"#008080\" }\n"
               "list: { bullet: \"–\", number-format: \"a)\" }\n"
               "head: { left: section-title, position: bottom, side: outer }\n"
               "language: { quotes: [\"« \", \" »\"], quotes-inner: „“ }\n"
               "page: { baseline-grid: none, section-start: continue }\n");
  PmTextStyle b = pm_style_get_text (s, "body", NULL);
  assert_near (b.color.r, 1);
  assert_near (b.color.g, 0);
  g_assert_cmpint (b.weight, ==, 600);
  g_assert_true (b.italic);
  g_assert_cmpint (b.align, ==, PM_TEXT_ALIGN_CENTER);
  g_assert_true (b.uppercase);
  g_assert_false (b.hyphenate);
  g_assert_false (b.hyphenate_capitalised);
  g_assert_false (b.hyphenate_last_word);
  assert_near (b.hyphenate_limit_lines, 2);
  g_assert_cmpstr (b.features, ==, "onum,ss01=1");
  PmTextStyle h1 = pm_style_get_text (s, "h1", NULL);
  assert_near (h1.color.g, 128 / 255.0);
  g_assert_false (h1.uppercase); /* case is not inherited */
  g_assert_cmpstr (pm_style_get_list (s)->bullet, ==, "–");
  g_assert_cmpstr (pm_style_get_list (s)->number_format, ==, "a)");
  const PmRunningStyle *r = pm_style_get_running (s);
  g_assert_cmpint (r->head_left, ==, PM_HEAD_SECTION_TITLE);
  g_assert_false (r->head_top);
  g_assert_cmpint (r->head_side, ==, PM_SIDE_OUTER);
  const PmLangStyle *l = pm_style_get_lang (s, NULL);
  g_assert_cmpstr (l->quote_open, ==, "« ");
  g_assert_cmpstr (l->inner_close, ==, "“");
  assert_near (pm_style_get_page (s)->baseline_grid, 0);
  g_assert_cmpint (pm_style_get_page (s)->section_start, ==, PM_SECTION_START_CONTINUE);
}

/* Each bad sheet gives one message starting with its place. */
static void
test_errors (void)
{
  const struct {
    const char *text;
    const char *expect;
  } cases[] = {
    { "page: { size: A5 }\nbody:\n  family: X\n  fontsize: 10pt\n",
      "bad.style:4:3: error: unknown key \"fontsize\" in [body]; allowed: family, size, leading, "
      "weight," },
    { "body:\n  size: 10px\n", "bad.style:2:9: error: bad unit in \"10px\" for size in [body]; "
                               "allowed units: pt, mm, cm, in" },
    { "body:\n  size: 1em\n", "bad.style:2:9: error: bad unit in \"1em\" for size in [body]" },
    { "page:\n  margin-top: 12\n", "bad.style:2:15: error: \"12\" needs a unit for margin-top" },
    { "page:\n  margin-top: wide\n", "bad.style:2:15: error: \"wide\" is not a length" },
    { "page:\n  margin-top: 2em\n", "bad.style:2:15: error: bad unit in \"2em\"" },
    { "h1: { align: middle }\n", "bad.style:1:14: error: \"middle\" is not allowed for align in "
                                 "[h1]; allowed: justify, left, right, center" },
    { "body: { hyphenate: maybe }\n", "bad.style:1:20: error: \"maybe\" is not allowed for "
                                      "hyphenate in [body]; allowed: true, false" },
    { "page: { columns: 0 }\n", "bad.style:1:18: error: \"0\" is not allowed for columns in "
                                "[page]; allowed: a whole number from 1 to 8" },
    { "body: { tolerance: lots }\n", "bad.style:1:20: error: \"lots\" is not allowed for "
                                     "tolerance" },
    { "body: { space-before: -3pt }\n", "bad.style:1:23: error: \"-3pt\" is out of range" },
    { "body: { expansion: 30% }\n", "bad.style:1:20: error: \"30%\" is out of range" },
    { "body: 10pt\n", "bad.style:1:7: error: [body] must be a mapping" },
    { "body: { size: [1, 2] }\n", "bad.style:1:15: error: size in [body] must be a text" },
    { "body:\n  size: 10pt\n  size: 11pt\n", "bad.style:3:3: error: \"size\" is written twice "
                                             "in [body] (first at line 2)" },
    { "body: { color: tomato }\n", "bad.style:1:16: error: colour \"tomato\" is not defined" },
    { "body: { color: \"#12\" }\n", "bad.style:1:16: error: \"#12\" is not a colour" },
    { "colors: { red: crimson }\n", "bad.style:1:16: error: colour red in [colors] must be" },
    { "fonts: {}\n", "bad.style:1:1: error: unknown key \"fonts\" at the top level; allowed: "
                     "inherit, name," },
    { "lang:\n  el:\n    quote: x\n    quotez: x\n",
      "bad.style:3:12: error: [lang.el.quote] must be a mapping of keys to values, not a "
      "text\nbad.style:4:5: error: unknown key \"quotez\" in "
      "[lang.el]; allowed: quotes," },
    { "lang:\n  el:\n    body: { leading: 1, bullet: x }\n", "bad.style:3:25: error: unknown "
                                                             "key \"bullet\" in [lang.el.body]" },
    { "lang:\n  \"e l\": {}\n", "bad.style:2:3: error: \"e l\" is not a language tag" },
    { "lang:\n  el: { quotes: \"«\" }\n", "bad.style:2:17: error: quotes in [lang.el] must be "
                                          "two characters" },
    { "body: { features: \"on@m\" }\n", "bad.style:1:19: error: \"on@m\" is not an OpenType "
                                        "feature" },
    { "protrusion: { \"ab\": [0, 1] }\n", "bad.style:1:15: error: a key in [protrusion] must be "
                                          "one character" },
    { "protrusion: { \",\": [0, 2] }\n", "bad.style:1:20: error: protrusion of \",\" must be" },
    { "page: { size: A9 }\n", "bad.style:1:15: error: bad page size" },
    { "cover: { languages: ru }\n", "bad.style:1:21: error: languages in [cover] must be a list" },
    { "page: { size: A6, margin-inner: 50mm, margin-outer: 50mm }\n",
      "bad.style:1:33: error: the margins leave a text block of 5.0 x" },
    { "body: [\n", "bad.style:2:1: error: YAML syntax" },
    { "inherit: nowhere.style\n", "bad.style:1:10: error: inherited sheet \"nowhere.style\" not "
                                  "found" },
    { "inherit: [a]\n", "bad.style:1:10: error: inherit must be a text" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    GError *error = NULL;
    PmStyle *s = pm_style_load_data ("bad.style", cases[i].text, -1, &error);
    g_assert_null (s);
    g_assert_error (error, PM_ERROR, PM_ERROR_INPUT);
    if (!g_str_has_prefix (error->message, cases[i].expect))
      g_error ("case %zu:\n  got  '%s'\n  want '%s…'", i, error->message, cases[i].expect);
    g_error_free (error);
  }
}

static void
test_every_error (void)
{
  GError *error = NULL;
  PmStyle *s =
      pm_style_load_data ("many.style", "body: { sise: 1pt }\nh1: { align: up }\n", -1, &error);
  g_assert_null (s);
  char **lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], "many.style:1:9: error: unknown key \"sise\""));
  g_assert_true (g_str_has_prefix (lines[1], "many.style:2:14: error: \"up\" is not allowed"));
  g_strfreev (lines);
  g_error_free (error);
}

/* Thousands of mistakes: the first 50 and a count, and no quadratic time on a big mapping. */
static void
test_many_errors (void)
{
  GString *text = g_string_new ("body:\n");
  for (int i = 0; i < 20000; i++)
    g_string_append_printf (text, "  k%d: 1\n", i);
  g_string_append (text, "  k7: 2\n");
  GError *error = NULL;
  g_assert_null (pm_style_load_data ("big.style", text->str, -1, &error));
  char **lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 51);
  g_assert_true (g_str_has_prefix (lines[0], "big.style:2:3: error: unknown key \"k0\""));
  g_assert_cmpstr (lines[50], ==,
                   "big.style: error: 19951 more errors not shown; correct the "
                   "ones above first");
  g_strfreev (lines);
  g_error_free (error);
  g_string_free (text, TRUE);
}

static void
test_inherit (void)
{
  GError *error = NULL;
  /* A cycle names the sheets and the inherit: at fault. */
  char *a = pm_test_write_file ("cycle-a.style", "inherit: cycle-b.style\n", -1);
  char *b = pm_test_write_file ("cycle-b.style", "body: {}\ninherit: cycle-a.style\n", -1);
  g_assert_null (pm_style_load (a, &error));
  char *want = g_strdup_printf ("%s/cycle-b.style:2:10: error: inheritance cycle: cycle-a.style "
                                "-> cycle-b.style -> cycle-a.style",
                                pm_test_tmpdir ());
  g_assert_cmpstr (error->message, ==, want);
  g_clear_error (&error);
  g_free (want);
  /* An error in a parent names the parent. */
  char *p = pm_test_write_file ("bad-parent.style", "\n\npage: { bleed: 3px }\n", -1);
  char *c = pm_test_write_file ("good-child.style", "inherit: bad-parent.style\n", -1);
  g_assert_null (pm_style_load (c, &error));
  want = g_strdup_printf ("%s:3:16: error: bad unit in \"3px\"", p);
  g_assert_true (g_str_has_prefix (error->message, want));
  g_clear_error (&error);
  g_free (want);
  /* A sheet that is not there is an I/O error. */
  g_assert_null (pm_style_load ("/nonexistent/x.style", &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/x.style: error: "));
  g_clear_error (&error);
  /* Not next to the sheet: found in the data directory's styles/. */
  g_autoptr (PmStyle) s =
      load_ok ("/nonexistent/edition.style", "inherit: base.style\npage: { size: A6 }\n");
  assert_near (pm_style_get_page (s)->width, MM (105));
  const char *const *files = pm_style_get_files (s);
  g_assert_true (g_str_has_suffix (files[0], "styles/base.style"));
  g_assert_cmpstr (files[1], ==, "/nonexistent/edition.style");
  g_assert_null (files[2]);
  assert_near (pm_style_get_text (s, "body", NULL).leading, 13);
  g_assert_cmpint (pm_style_get_lang (s, "ru")->hyphen_min_right, ==, 2);
  g_free (a);
  g_free (b);
  g_free (p);
  g_free (c);
}

/* doc/style.md names every key of every section (as `key`); the keys are taken from the
 * "allowed:" list of an unknown-key error, so a key added to the code and not to the
 * documentation fails here. */
static void
test_documented (void)
{
  char *doc_path = pm_test_source_path ("doc/style.md");
  char *doc = NULL;
  g_assert_true (g_file_get_contents (doc_path, &doc, NULL, NULL));
  const char *secs[] = { "page", "language", "body",     "list",     "note",  "note-mark",
                         "head", "folio",    "contents", "masthead", "cover", "cover-title" };
  for (gsize i = 0; i <= G_N_ELEMENTS (secs); i++) {
    GError *error = NULL;
    char *text = i < G_N_ELEMENTS (secs) ? g_strdup_printf ("%s: { zzz: 1 }\n", secs[i])
                                         : g_strdup ("zzz: 1\n");
    g_assert_null (pm_style_load_data ("doc.style", text, -1, &error));
    const char *allowed = strstr (error->message, "allowed: ");
    g_assert_nonnull (allowed);
    char **keys = g_strsplit (allowed + strlen ("allowed: "), ", ", -1);
    g_assert_cmpuint (g_strv_length (keys), >=, 2);
    for (int k = 0; keys[k]; k++) {
      char *quoted = g_strdup_printf ("`%s`", keys[k]);
      if (!strstr (doc, quoted))
        g_error ("doc/style.md does not document %s", quoted);
      g_free (quoted);
    }
    g_strfreev (keys);
    g_error_free (error);
    g_free (text);
  }
  g_free (doc);
  g_free (doc_path);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/style/shipped", test_shipped);
  g_test_add_func ("/style/cascade", test_cascade);
  g_test_add_func ("/style/units", test_units);
  g_test_add_func ("/style/values", test_values);
  g_test_add_func ("/style/errors", test_errors);
  g_test_add_func ("/style/every-error", test_every_error);
  g_test_add_func ("/style/many-errors", test_many_errors);
  g_test_add_func ("/style/inherit", test_inherit);
  g_test_add_func ("/style/documented", test_documented);
  return g_test_run ();
}
