/* test-fonts.c: only the declared fonts load, they cover the scripts pamphlet sets, and their
 * metrics are sane. */
#include "base/pm-error.h"
#include "paragraph/pm-fonts.h"
#include "pm-test.h"

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>

static gboolean
strv_contains_ci (const char *const *strv, const char *s)
{
  for (; *strv; strv++)
    if (g_ascii_strcasecmp (*strv, s) == 0)
      return TRUE;
  return FALSE;
}

static PmFonts *
fonts_new (void)
{
  GError *error = NULL;
  PmFonts *fonts = pm_fonts_new (&error);
  g_assert_no_error (error);
  g_assert_nonnull (fonts);
  return fonts;
}

static void
test_faces (void)
{
  PmFonts *fonts = fonts_new ();
  GError *error = NULL;
  static const struct {
    int weight;
    gboolean italic;
    const char *file;
  } cases[] = { { 400, FALSE, "NotoSerif-Regular.ttf" },
                { 400, TRUE, "NotoSerif-Italic.ttf" },
                { 700, FALSE, "NotoSerif-Bold.ttf" },
                { 700, TRUE, "NotoSerif-BoldItalic.ttf" } };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    PmFace *face =
        pm_fonts_get_face (fonts, "Noto Serif", cases[i].weight, cases[i].italic, &error);
    g_assert_no_error (error);
    g_assert_true (g_str_has_suffix (pm_face_get_path (face), cases[i].file));
    g_assert_cmpstr (pm_face_get_family (face), ==, "Noto Serif");
    /* Asked again, the same cached face. */
    g_assert_true (face ==
                   pm_fonts_get_face (fonts, "noto serif", cases[i].weight, cases[i].italic, NULL));
  }
  PmFace *sans = pm_fonts_get_face (fonts, "Noto Sans", 700, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (pm_face_get_path (sans), "NotoSans-Bold.ttf"));
  pm_fonts_free (fonts);
}

/* A family the configuration does not declare is an error, even though the machine has it
 * (fonts-dejavu-core comes with fontconfig on Debian) and fontconfig would substitute. */
static void
test_undeclared_family (void)
{
  PmFonts *fonts = fonts_new ();
  GError *error = NULL;
  g_assert_null (pm_fonts_get_face (fonts, "DejaVu Sans", 400, FALSE, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_FONT);
  g_assert_nonnull (strstr (error->message, "DejaVu Sans"));
  g_clear_error (&error);
  g_assert_null (pm_fonts_get_face (fonts, "Noto Sans Mono", 400, FALSE, &error));
  g_assert_error (error, PM_ERROR, PM_ERROR_FONT);
  g_clear_error (&error);

  /* Every other family the machine has is refused too. */
  static const char *const declared[] = { "Liberation Serif", "Noto Serif", "Noto Sans", NULL };
  FcConfig *system = FcInitLoadConfigAndFonts ();
  FcFontSet *set = FcConfigGetFonts (system, FcSetSystem);
  g_assert_nonnull (set);
  int refused = 0;
  for (int i = 0; i < set->nfont; i++) {
    FcChar8 *family = NULL;
    if (FcPatternGetString (set->fonts[i], FC_FAMILY, 0, &family) != FcResultMatch ||
        strv_contains_ci (declared, (const char *)family))
      continue;
    g_assert_null (pm_fonts_get_face (fonts, (const char *)family, 400, FALSE, &error));
    g_assert_error (error, PM_ERROR, PM_ERROR_FONT);
    g_clear_error (&error);
    refused++;
  }
  /* fonts-liberation2 and fonts-noto-core bring families the configuration does not declare. */
  g_assert_cmpint (refused, >, 10);
  FcConfigDestroy (system);
  pm_fonts_free (fonts);
}

/* Every body face has full Latin, Greek and Cyrillic, Kazakh letters included. */
static void
test_coverage (void)
{
  PmFonts *fonts = fonts_new ();
  const char *samples = "AZaz\u00e9\u00e7\u00f1\u00df\u0131\u0130\u011f\u015f\u00f6\u00fc"
                        "\u0391\u03a9\u03b1\u03c9\u03ac\u03ce\u03ca\u0390\u03c2"
                        "\u0410\u042f\u0430\u044f\u0451\u0401\u0456\u0457\u0454\u0491"
                        "\u049a\u049b\u04a2\u04a3\u04ba\u04bb\u04b0\u04b1\u04ae\u04af"
                        "\u04e8\u04e9\u04d8\u04d9\u0406"
                        "\u00ab\u00bb\u201e\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u00a0"
                        "\u202f\u00ad\u20ac\u2116";
  for (int w = 400; w <= 700; w += 300)
    for (int it = 0; it < 2; it++) {
      PmFace *face = pm_fonts_get_face (fonts, "Noto Serif", w, it, NULL);
      g_assert_nonnull (face);
      for (const char *p = samples; *p; p = g_utf8_next_char (p)) {
        gunichar c = g_utf8_get_char (p);
        if (!pm_face_has_char (face, c))
          g_error ("%s lacks U+%04X", pm_face_get_path (face), c);
      }
      /* CJK is not declared, so it must not appear covered. */
      g_assert_false (pm_face_has_char (face, 0x4e2d));
    }
  pm_fonts_free (fonts);
}

static void
test_metrics (void)
{
  PmFonts *fonts = fonts_new ();
  PmFace *face = pm_fonts_get_face (fonts, "Noto Serif", 400, FALSE, NULL);
  PmFontMetrics m;
  pm_face_get_metrics (face, 10, &m);
  /* Noto Serif: x-height 536/1000, cap height 714/1000, ascender 1069, descender 293. */
  g_assert_cmpfloat_with_epsilon (m.x_height, 5.36, 0.01);
  g_assert_cmpfloat_with_epsilon (m.cap_height, 7.14, 0.01);
  g_assert_cmpfloat (m.ascent, >, m.cap_height);
  g_assert_cmpfloat (m.descent, >, 1.0);
  g_assert_cmpfloat (m.descent, <, 4.0);
  /* Metrics scale linearly with size. */
  PmFontMetrics m2;
  pm_face_get_metrics (face, 20, &m2);
  g_assert_cmpfloat_with_epsilon (m2.x_height, 2 * m.x_height, 1e-9);

  double m_width = pm_face_char_width (face, 'm', 10);
  double i_width = pm_face_char_width (face, 'i', 10);
  g_assert_cmpfloat (m_width, >, 2 * i_width);
  g_assert_cmpfloat_with_epsilon (pm_face_char_width (face, 'm', 20), 2 * m_width, 1e-9);
  g_assert_cmpfloat (pm_face_char_width (face, 0x4e2d, 10), ==, -1);
  pm_fonts_free (fonts);
}

/* A sized font is the face's file at the size asked for, in points, unhinted; sizes and
 * expansions share the face's cairo font face. */
static void
test_sized_font (void)
{
  PmFonts *fonts = fonts_new ();
  PmFace *face = pm_fonts_get_face (fonts, "Noto Serif", 700, TRUE, NULL);
  cairo_scaled_font_t *sf = pm_fonts_get_scaled_font (fonts, face, 12);
  g_assert_true (sf == pm_fonts_get_scaled_font (fonts, face, 12));
  g_assert_false (sf == pm_fonts_get_scaled_font (fonts, face, 9));
  g_assert_cmpint (cairo_scaled_font_status (sf), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_scaled_font_get_type (sf), ==, CAIRO_FONT_TYPE_FT);
  cairo_matrix_t fm, ctm;
  cairo_scaled_font_get_font_matrix (sf, &fm);
  cairo_scaled_font_get_ctm (sf, &ctm);
  g_assert_cmpfloat_with_epsilon (fm.xx, 12.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (fm.yy, 12.0, 1e-9);
  g_assert_cmpfloat (fm.xy, ==, 0);
  g_assert_cmpfloat (ctm.xx, ==, 1);
  g_assert_cmpfloat (ctm.yy, ==, 1);
  /* Hinted metrics would round advances to whole pixels. */
  cairo_font_options_t *opts = cairo_font_options_create ();
  cairo_scaled_font_get_font_options (sf, opts);
  g_assert_cmpint (cairo_font_options_get_hint_style (opts), ==, CAIRO_HINT_STYLE_NONE);
  g_assert_cmpint (cairo_font_options_get_hint_metrics (opts), ==, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_destroy (opts);
  /* The advance cairo measures is HarfBuzz's, unrounded: 'm' at 12 pt. */
  cairo_text_extents_t ext;
  cairo_scaled_font_text_extents (sf, "m", &ext);
  g_assert_cmpfloat_with_epsilon (ext.x_advance, pm_face_char_width (face, 'm', 12), 1e-6);
  FT_Face ft = cairo_ft_scaled_font_lock_face (sf);
  g_assert_nonnull (ft);
  g_assert_cmpstr (ft->family_name, ==, "Noto Serif");
  g_assert_cmpstr (ft->style_name, ==, "Bold Italic");
  cairo_ft_scaled_font_unlock_face (sf);
  cairo_scaled_font_t *wide = pm_fonts_get_expanded_font (fonts, face, 12, 0.02);
  g_assert_true (cairo_scaled_font_get_font_face (wide) == cairo_scaled_font_get_font_face (sf));
  cairo_scaled_font_get_font_matrix (wide, &fm);
  g_assert_cmpfloat_with_epsilon (fm.xx, 12.0 * 1.02, 1e-9);
  g_assert_cmpfloat_with_epsilon (fm.yy, 12.0, 1e-9);
  g_assert_true (pm_fonts_get_expanded_font (fonts, face, 12, 0) == sf);
  pm_fonts_free (fonts);
}

/* A configuration whose declared font file is missing fails with a message saying so. */
static void
test_missing_declared (void)
{
  char *dir = g_build_filename (pm_test_tmpdir (), "data", "fonts", NULL);
  g_mkdir_with_parents (dir, 0700);
  char *src = pm_test_source_path ("fonts/fonts.conf");
  char *conf = NULL;
  g_assert_true (g_file_get_contents (src, &conf, NULL, NULL));
  char *dst = g_build_filename (dir, "fonts.conf", NULL);
  g_assert_true (g_file_set_contents (dst, conf, -1, NULL));
  char *list = g_build_filename (dir, "fonts.list", NULL);
  g_assert_true (g_file_set_contents (list, "Noto Serif|regular|roman|/nonexistent/NotoSerif.ttf\n",
                                      -1, NULL));
  char *root = g_path_get_dirname (dir);
  g_setenv ("PAMPHLET_DATADIR", root, TRUE);
  GError *error = NULL;
  g_assert_null (pm_fonts_new (&error));
  g_assert_error (error, PM_ERROR, PM_ERROR_FONT);
  g_assert_nonnull (strstr (error->message, "/nonexistent/NotoSerif.ttf"));
  g_clear_error (&error);
  g_unsetenv ("PAMPHLET_DATADIR");
  g_free (root);
  g_free (list);
  g_free (dst);
  g_free (conf);
  g_free (src);
  g_free (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fonts/faces", test_faces);
  g_test_add_func ("/fonts/undeclared-family", test_undeclared_family);
  g_test_add_func ("/fonts/coverage", test_coverage);
  g_test_add_func ("/fonts/metrics", test_metrics);
  g_test_add_func ("/fonts/sized-font", test_sized_font);
  g_test_add_func ("/fonts/missing-declared", test_missing_declared);
  return g_test_run ();
}
