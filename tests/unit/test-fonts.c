/* test-fonts.c: only the declared fonts load, they cover the scripts pamphlet sets, and their
 * metrics are sane. */
#include "base/pm-error.h"
#include "paragraph/pm-fonts.h"
#include "pm-test.h"

#include <pango/pangocairo.h>

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

  /* The private font map lists the declared families and nothing else. */
  PangoFontFamily **families = NULL;
  int n = 0;
  pango_font_map_list_families (pm_fonts_get_font_map (fonts), &families, &n);
  /* Pango adds the generic aliases (serif, sans-serif, monospace, …) to every font map. */
  static const char *const generic[] = { "serif",     "sans",    "sans-serif", "monospace",
                                         "system-ui", "cursive", "fantasy",    NULL };
  int real = 0;
  for (int i = 0; i < n; i++) {
    const char *name = pango_font_family_get_name (families[i]);
    if (strv_contains_ci (generic, name))
      continue;
    g_assert_true (g_str_equal (name, "Liberation Serif") || g_str_equal (name, "Noto Serif") ||
                   g_str_equal (name, "Noto Sans"));
    real++;
  }
  g_assert_cmpint (real, ==, 3);
  g_free (families);
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

/* A sized pango font draws with the face's file at the size asked for, in points. */
static void
test_sized_font (void)
{
  PmFonts *fonts = fonts_new ();
  PmFace *face = pm_fonts_get_face (fonts, "Noto Serif", 700, TRUE, NULL);
  PangoFont *font = pm_fonts_get_font (fonts, face, 12);
  g_assert_true (font == pm_fonts_get_font (fonts, face, 12));
  g_assert_false (font == pm_fonts_get_font (fonts, face, 9));
  PangoFontDescription *desc = pango_font_describe_with_absolute_size (font);
  g_assert_cmpint (pango_font_description_get_size (desc), ==, 12 * PANGO_SCALE);
  g_assert_cmpint (pango_font_description_get_style (desc), ==, PANGO_STYLE_ITALIC);
  pango_font_description_free (desc);
  cairo_scaled_font_t *sf = pm_fonts_get_scaled_font (fonts, face, 12);
  cairo_matrix_t fm;
  cairo_scaled_font_get_font_matrix (sf, &fm);
  g_assert_cmpfloat_with_epsilon (fm.xx, 12.0, 1e-9);
  /* The scaled font is made without pango, from the face's: it is what pango makes at that
   * size (font face, matrices, options), so the two draw alike. */
  cairo_scaled_font_t *ps = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
  g_assert_true (cairo_scaled_font_get_font_face (sf) == cairo_scaled_font_get_font_face (ps));
  cairo_matrix_t pm, ctm, pctm;
  cairo_scaled_font_get_font_matrix (ps, &pm);
  cairo_scaled_font_get_ctm (sf, &ctm);
  cairo_scaled_font_get_ctm (ps, &pctm);
  g_assert_cmpmem (&fm, sizeof fm, &pm, sizeof pm);
  g_assert_cmpmem (&ctm, sizeof ctm, &pctm, sizeof pctm);
  cairo_font_options_t *o1 = cairo_font_options_create (), *o2 = cairo_font_options_create ();
  cairo_scaled_font_get_font_options (sf, o1);
  cairo_scaled_font_get_font_options (ps, o2);
  g_assert_true (cairo_font_options_equal (o1, o2));
  cairo_font_options_destroy (o1);
  cairo_font_options_destroy (o2);
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
