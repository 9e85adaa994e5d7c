/* test-shape.c: HarfBuzz shaping on the declared faces: scripts, missing glyphs with their
 * place, kerning, features, Turkish fi, the cache, unsafe-to-break flags, drawing. */
#include "base/pm-error.h"
#include "paragraph/pm-shape.h"
#include "pm-test.h"

#include <string.h>

typedef struct {
  PmFonts *fonts;
  PmShaper *shaper;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  GError *error = NULL;
  f->fonts = pm_fonts_new (&error);
  g_assert_no_error (error);
  f->shaper = pm_shaper_new (f->fonts);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  pm_shaper_free (f->shaper);
  pm_fonts_free (f->fonts);
}

static PmFontSpec
spec (const char *lang, const char *features)
{
  PmFontSpec s = { "Noto Serif", 10.0, 400, FALSE, lang, features };
  return s;
}

static const PmShapedRun *
shape_ok (Fixture *f, const PmFontSpec *s, const char *text)
{
  GError *error = NULL;
  const PmShapedRun *run = pm_shaper_shape (f->shaper, s, text, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (run);
  return run;
}

static void
test_scripts (Fixture *f, gconstpointer data)
{
  static const struct {
    const char *lang;
    const char *text;
  } samples[] = {
    { "el", "Διαμαρτυρίες των εργαζομένων· «Όχι» στην ιδιωτικοποίηση!" },
    { "ru", "Национализировать всё — ёлка, объём, «щи»." },
    { "uk", "Її ґанок, їжак і є." },
    { "kk", "Қазақстан, Ұлытау, Үкімет, Өскемен, Әділет, Һ, Ң, І, ғ, қ, ң, ө, ұ, ү, һ, і." },
    { "fr", "L’œuvre « complète » ; déjà vu !" },
    { "tr", "Kamulaştırmaya İstanbul’da, ığdır şöyle." },
  };
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    for (int style = 0; style < 4; style++) {
      PmFontSpec s = spec (samples[i].lang, NULL);
      s.weight = style & 1 ? 700 : 400;
      s.italic = (style & 2) != 0;
      const PmShapedRun *run = shape_ok (f, &s, samples[i].text);
      g_assert_cmpuint (run->length, ==, strlen (samples[i].text));
      g_assert_cmpuint (run->n_glyphs, >=, g_utf8_strlen (samples[i].text, -1) - 2);
      double sum = 0;
      guint last_cluster = 0;
      for (guint g = 0; g < run->n_glyphs; g++) {
        g_assert_cmpuint (run->glyphs[g].glyph, !=, 0);
        g_assert_cmpuint (run->glyphs[g].cluster, >=, last_cluster);
        last_cluster = run->glyphs[g].cluster;
        sum += run->glyphs[g].x_advance;
      }
      g_assert_cmpfloat_with_epsilon (sum, run->width, 1e-6);
      g_assert_cmpfloat (run->width, >, 3.0 * g_utf8_strlen (samples[i].text, -1) / 2);
    }
}

static void
test_missing_glyph (Fixture *f, gconstpointer data)
{
  PmFontSpec s = spec ("en", NULL);
  GError *error = NULL;
  gsize offset = 0;
  /* Noto Serif has no U+2212 MINUS SIGN: an error, never a .notdef box. */
  g_assert_null (pm_shaper_shape (f->shaper, &s, "5 \u2212 3", -1, &offset, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_FONT);
  g_assert_cmpuint (offset, ==, 2);
  g_assert_nonnull (strstr (error->message, "U+2212"));
  g_assert_nonnull (strstr (error->message, "\u2212"));
  g_assert_nonnull (strstr (error->message, "byte 2"));
  g_clear_error (&error);

  /* The offset counts bytes, past multi-byte letters. */
  g_assert_null (pm_shaper_shape (f->shaper, &s, "Ελλάδα 中国", -1, &offset, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_FONT);
  g_assert_cmpuint (offset, ==, strlen ("Ελλάδα "));
  g_assert_nonnull (strstr (error->message, "U+4E2D"));
  g_clear_error (&error);

  /* A mark the font lacks on a base it has: the mark is named, not its base. */
  g_assert_null (pm_shaper_shape (f->shaper, &s, "xa\u20db", -1, &offset, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_FONT);
  g_assert_cmpuint (offset, ==, 2);
  g_assert_nonnull (strstr (error->message, "U+20DB"));
  g_clear_error (&error);

  /* A failed shaping is not cached as a success. */
  g_assert_null (pm_shaper_shape (f->shaper, &s, "5 \u2212 3", -1, NULL, &error));
  g_clear_error (&error);
}

static void
test_kerning (Fixture *f, gconstpointer data)
{
  PmFontSpec kern = spec ("en", "kern");
  PmFontSpec nokern = spec ("en", "-kern");
  const PmShapedRun *a = shape_ok (f, &kern, "AVAV To");
  const PmShapedRun *b = shape_ok (f, &nokern, "AVAV To");
  g_assert_cmpuint (a->n_glyphs, ==, b->n_glyphs);
  g_assert_cmpfloat (a->width, <, b->width - 1.0);
  /* Without kerning the width is the sum of the letters alone. */
  double sum = 0;
  for (const char *p = "AVAV To"; *p; p++)
    sum += pm_shaper_char_width (f->shaper, &nokern, (gunichar)*p, NULL);
  g_assert_cmpfloat_with_epsilon (b->width, sum, 1e-9);
  /* Kerning makes a break between the kerned letters unsafe; with it off, nothing is. */
  gboolean unsafe = FALSE;
  for (guint i = 0; i < a->n_glyphs; i++)
    unsafe |= (a->glyphs[i].flags & PM_GLYPH_UNSAFE_TO_BREAK) != 0;
  g_assert_true (unsafe);
  for (guint i = 0; i < b->n_glyphs; i++)
    g_assert_cmpuint (b->glyphs[i].flags, ==, 0);
}

static gboolean
same_glyphs (const PmShapedRun *a, const PmShapedRun *b)
{
  if (a->n_glyphs != b->n_glyphs)
    return FALSE;
  for (guint i = 0; i < a->n_glyphs; i++)
    if (a->glyphs[i].glyph != b->glyphs[i].glyph)
      return FALSE;
  return TRUE;
}

static void
test_features (Fixture *f, gconstpointer data)
{
  PmFontSpec plain = spec ("en", NULL);
  PmFontSpec smcp = spec ("en", "kern,liga,smcp");
  PmFontSpec onum = spec ("en", "onum");
  PmFontSpec noliga = spec ("en", "-liga");
  g_assert_false (same_glyphs (shape_ok (f, &plain, "abc"), shape_ok (f, &smcp, "abc")));
  g_assert_false (same_glyphs (shape_ok (f, &plain, "1984"), shape_ok (f, &onum, "1984")));
  /* liga is on by default: "office" has fewer glyphs than letters; -liga turns it off. */
  g_assert_cmpuint (shape_ok (f, &plain, "office")->n_glyphs, <, 6);
  g_assert_cmpuint (shape_ok (f, &noliga, "office")->n_glyphs, ==, 6);
  /* A ligature is one glyph whose cluster is its first letter's offset. */
  const PmShapedRun *office = shape_ok (f, &plain, "office");
  g_assert_cmpuint (office->glyphs[1].cluster, ==, 1);
  g_assert_cmpuint (office->glyphs[2].cluster, ==, 4);

  GError *error = NULL;
  PmFontSpec bad = spec ("en", "kern,not a feature");
  g_assert_null (pm_shaper_shape (f->shaper, &bad, "abc", -1, NULL, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_INPUT);
  g_clear_error (&error);
}

/* Turkish: the fi ligature must not swallow the dot of i; other ligatures stay. */
static void
test_turkish_fi (Fixture *f, gconstpointer data)
{
  PmFontSpec en = spec ("en", NULL);
  PmFontSpec tr = spec ("tr", NULL);
  PmFontSpec az = spec ("az-Latn", NULL);
  g_assert_cmpuint (shape_ok (f, &en, "fi")->n_glyphs, ==, 1);
  g_assert_cmpuint (shape_ok (f, &tr, "fi")->n_glyphs, ==, 2);
  g_assert_cmpuint (shape_ok (f, &az, "fi")->n_glyphs, ==, 2);
  const PmShapedRun *r = shape_ok (f, &tr, "Şefik fikri");
  const PmShapedRun *i = shape_ok (f, &tr, "i");
  guint dotted = 0;
  for (guint g = 0; g < r->n_glyphs; g++)
    dotted += r->glyphs[g].glyph == i->glyphs[0].glyph;
  g_assert_cmpuint (dotted, ==, 3);
  /* "fl" is not concerned. */
  g_assert_cmpuint (shape_ok (f, &tr, "fl")->n_glyphs, ==, shape_ok (f, &en, "fl")->n_glyphs);
}

static void
test_cache (Fixture *f, gconstpointer data)
{
  PmFontSpec s = spec ("fr", NULL);
  guint before = pm_shaper_cache_size (f->shaper);
  const PmShapedRun *a = shape_ok (f, &s, "mot");
  g_assert_true (a == shape_ok (f, &s, "mot"));
  /* Only LEN bytes count. */
  g_assert_true (a == pm_shaper_shape (f->shaper, &s, "motif", 3, NULL, NULL));
  g_assert_cmpuint (pm_shaper_cache_size (f->shaper), ==, before + 1);
  PmFontSpec big = s;
  big.size = 20;
  const PmShapedRun *b = shape_ok (f, &big, "mot");
  g_assert_false (a == b);
  g_assert_cmpfloat_with_epsilon (b->width, 2 * a->width, 1e-9);
  PmFontSpec bold = s;
  bold.weight = 700;
  g_assert_cmpfloat (shape_ok (f, &bold, "mot")->width, >, a->width);
  g_assert_cmpuint (pm_shaper_cache_size (f->shaper), ==, before + 3);
}

static void
test_metrics (Fixture *f, gconstpointer data)
{
  PmFontSpec s = spec ("en", NULL);
  PmFontMetrics m;
  g_assert_true (pm_shaper_get_metrics (f->shaper, &s, &m, NULL));
  g_assert_cmpfloat (m.x_height, >, 4.0);
  g_assert_cmpfloat (m.x_height, <, m.cap_height);
  g_assert_cmpfloat (pm_shaper_char_width (f->shaper, &s, 0x2014, NULL), >,
                     pm_shaper_char_width (f->shaper, &s, 0x2013, NULL));
  GError *error = NULL;
  g_assert_cmpfloat (pm_shaper_char_width (f->shaper, &s, 0x2212, &error), ==, -1);
  g_assert_error (error, PM_ERROR, PM_ERROR_FONT);
  g_clear_error (&error);
  PmFontSpec nope = s;
  nope.family = "Comic Sans MS";
  g_assert_false (pm_shaper_get_metrics (f->shaper, &nope, &m, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_FONT);
  g_clear_error (&error);
}

/* Drawing puts ink where the run's advances say: from the pen to about its width. */
static void
test_draw (Fixture *f, gconstpointer data)
{
  PmFontSpec s = spec ("ru", NULL);
  s.size = 40;
  const PmShapedRun *run = shape_ok (f, &s, "ШИШ");
  int w = 400, h = 100;
  cairo_surface_t *surf = cairo_image_surface_create (CAIRO_FORMAT_A8, w, h);
  cairo_t *cr = cairo_create (surf);
  pm_shaper_draw_run (f->shaper, run, cr, 20, 70);
  cairo_destroy (cr);
  cairo_surface_flush (surf);
  const unsigned char *px = cairo_image_surface_get_data (surf);
  int stride = cairo_image_surface_get_stride (surf);
  int left = w, right = -1, top = h, bottom = -1;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (px[y * stride + x] > 128) {
        left = MIN (left, x);
        right = MAX (right, x);
        top = MIN (top, y);
        bottom = MAX (bottom, y);
      }
  cairo_surface_destroy (surf);
  /* Ш has serifs reaching to its side bearings: ink spans the advance within a few pixels;
   * the cap height of 40 pt Noto Serif is 28.6 pt, sitting on the baseline at 70. */
  g_assert_cmpint (left, >=, 20);
  g_assert_cmpint (left, <=, 24);
  g_assert_cmpint (right, <=, 20 + (int)run->width);
  g_assert_cmpint (right, >=, 20 + (int)run->width - 4);
  g_assert_cmpint (bottom, ==, 69);
  g_assert_cmpint (top, >=, 70 - 30);
  g_assert_cmpint (top, <=, 70 - 27);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/shape/scripts", test_scripts);
  ADD ("/shape/missing-glyph", test_missing_glyph);
  ADD ("/shape/kerning", test_kerning);
  ADD ("/shape/features", test_features);
  ADD ("/shape/turkish-fi", test_turkish_fi);
  ADD ("/shape/cache", test_cache);
  ADD ("/shape/metrics", test_metrics);
  ADD ("/shape/draw", test_draw);
  return g_test_run ();
}
