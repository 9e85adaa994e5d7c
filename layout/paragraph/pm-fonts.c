/* pm-fonts.c: a private fontconfig configuration, faces matched in it, cached. */
#include "paragraph/pm-fonts.h"

#include "base/pm-data.h"
#include "base/pm-error.h"

#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include <hb-ot.h>

typedef struct {
  double size;
  double expand;               /* horizontal expansion, a fraction: 0 for the font as it is */
  cairo_scaled_font_t *scaled; /* owned here */
} SizedFont;

struct _PmFace {
  char *path;
  char *family;
  hb_face_t *hb_face;
  hb_font_t *hb_font; /* scale = upem */
  guint upem;
  hb_position_t ascent, descent, x_height, cap_height; /* design units; descent < 0 */
  GArray *sized; /* SizedFont: the face at the sizes asked for */
  /* The face for cairo: every size and expansion is made from it, without asking fontconfig
   * again. */
  cairo_font_face_t *cairo_face;
};

struct _PmFonts {
  FcConfig *config;
  GHashTable *faces_by_path; /* char * -> PmFace * (owns the faces) */
  GHashTable *faces_by_key;  /* "family|bold|italic" -> PmFace * */
  char *declared;            /* the declared families, for messages: "A, B" */
  /* Texts are set on several threads: the caches and the configuration are used under it. */
  GMutex lock;
};

static void
face_free (PmFace *face)
{
  g_free (face->path);
  g_free (face->family);
  hb_font_destroy (face->hb_font);
  hb_face_destroy (face->hb_face);
  for (guint i = 0; i < face->sized->len; i++)
    cairo_scaled_font_destroy (g_array_index (face->sized, SizedFont, i).scaled);
  g_array_unref (face->sized);
  cairo_font_face_destroy (face->cairo_face);
  g_free (face);
}

/* The file a link in fonts/files/ points to, as fonts.list names it. */
static char *
real_path (const char *path)
{
  char *real = realpath (path, NULL);
  char *copy = g_strdup (real ? real : path);
  free (real);
  return copy;
}

/* Every file fonts.list declares must be in the configuration's font set, or pamphlet would
 * silently set text in another face than the style asks for. */
static gboolean
check_declared (FcConfig *config, const char *list_path, char **families, GError **error)
{
  char *contents = NULL;
  if (!g_file_get_contents (list_path, &contents, NULL, error))
    return FALSE;
  FcFontSet *set = FcConfigGetFonts (config, FcSetSystem);
  GHashTable *have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (int i = 0; set && i < set->nfont; i++) {
    FcChar8 *file = NULL;
    if (FcPatternGetString (set->fonts[i], FC_FILE, 0, &file) == FcResultMatch)
      g_hash_table_add (have, real_path ((const char *)file));
  }
  gboolean ok = TRUE;
  int declared = 0;
  GString *names = g_string_new (NULL);
  char **lines = g_strsplit (contents, "\n", -1);
  for (char **l = lines; *l && ok; l++) {
    char *line = g_strstrip (*l);
    if (!*line || *line == '#')
      continue;
    char **fields = g_strsplit (line, "|", 4);
    if (g_strv_length (fields) != 4) {
      g_set_error (error, PM_ERROR, PM_ERROR_FONT, "%s: malformed line '%s'", list_path, line);
      ok = FALSE;
    } else if (!g_hash_table_contains (have, fields[3])) {
      g_set_error (error, PM_ERROR, PM_ERROR_FONT,
                   "font %s (%s) is declared in %s but not available: install its Debian "
                   "package (tools/debian-packages.txt)",
                   fields[3], fields[0], list_path);
      ok = FALSE;
    }
    declared++;
    /* fonts.list gives a family's faces together: name each family once. */
    if (ok && !g_str_has_suffix (names->str, fields[0]))
      g_string_append_printf (names, "%s%s", names->len ? ", " : "", fields[0]);
    g_strfreev (fields);
  }
  g_strfreev (lines);
  if (ok && declared == 0) {
    g_set_error (error, PM_ERROR, PM_ERROR_FONT, "%s declares no fonts", list_path);
    ok = FALSE;
  }
  g_hash_table_unref (have);
  g_free (contents);
  *families = g_string_free (names, !ok);
  return ok;
}

PmFonts *
pm_fonts_new (GError **error)
{
  char *conf = pm_data_find ("fonts/fonts.conf");
  char *list = pm_data_find ("fonts/fonts.list");
  if (!conf || !list) {
    g_set_error (error, PM_ERROR, PM_ERROR_FONT,
                 "fonts/fonts.conf or fonts/fonts.list not found (set PAMPHLET_DATADIR)");
    g_free (conf);
    g_free (list);
    return NULL;
  }
  FcConfig *config = FcConfigCreate ();
  if (!FcConfigParseAndLoad (config, (const FcChar8 *)conf, FcTrue) ||
      !FcConfigBuildFonts (config)) {
    g_set_error (error, PM_ERROR, PM_ERROR_FONT, "%s: fontconfig could not load it", conf);
    FcConfigDestroy (config);
    g_free (conf);
    g_free (list);
    return NULL;
  }
  char *families = NULL;
  gboolean ok = check_declared (config, list, &families, error);
  g_free (conf);
  g_free (list);
  if (!ok) {
    FcConfigDestroy (config);
    return NULL;
  }

  PmFonts *fonts = g_new0 (PmFonts, 1);
  g_mutex_init (&fonts->lock);
  fonts->config = config;
  fonts->declared = families;
  fonts->faces_by_path =
      g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)face_free);
  fonts->faces_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return fonts;
}

void
pm_fonts_free (PmFonts *fonts)
{
  if (!fonts)
    return;
  g_hash_table_unref (fonts->faces_by_key);
  g_hash_table_unref (fonts->faces_by_path);
  FcConfigDestroy (fonts->config);
  g_free (fonts->declared);
  g_mutex_clear (&fonts->lock);
  g_free (fonts);
}

/* The face fontconfig finds in CONFIG for FAMILY, WEIGHT and ITALIC: its best match, with the
 * configuration's rendering settings, whatever the family; the caller checks it. */
static FcPattern *
match_face (FcConfig *config, const char *family, int weight, gboolean italic)
{
  FcPattern *want = FcPatternCreate ();
  FcPatternAddString (want, FC_FAMILY, (const FcChar8 *)family);
  FcPatternAddDouble (want, FC_WEIGHT, FcWeightFromOpenTypeDouble (weight));
  FcPatternAddInteger (want, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  FcConfigSubstitute (config, want, FcMatchPattern);
  FcDefaultSubstitute (want);
  FcResult result;
  FcPattern *match = FcFontMatch (config, want, &result);
  FcPatternDestroy (want);
  return match;
}

static PmFace *
get_face (PmFonts *fonts, const char *family, int weight, gboolean italic, GError **error)
{
  gboolean bold = weight >= PM_WEIGHT_SEMIBOLD;
  char *key = g_strdup_printf ("%s|%d|%d", family, bold, italic ? 1 : 0);
  PmFace *face = g_hash_table_lookup (fonts->faces_by_key, key);
  if (face) {
    g_free (key);
    return face;
  }

  FcPattern *pat = match_face (fonts->config, family, weight, italic);
  FcChar8 *file = NULL, *got_family = NULL;
  int slant = FC_SLANT_ROMAN, fc_weight = FC_WEIGHT_REGULAR, index = 0;
  if (!pat || FcPatternGetString (pat, FC_FILE, 0, &file) != FcResultMatch ||
      FcPatternGetString (pat, FC_FAMILY, 0, &got_family) != FcResultMatch) {
    g_set_error (error, PM_ERROR, PM_ERROR_FONT, "font family '%s' could not be loaded", family);
    goto fail;
  }
  FcPatternGetInteger (pat, FC_SLANT, 0, &slant);
  FcPatternGetInteger (pat, FC_WEIGHT, 0, &fc_weight);
  FcPatternGetInteger (pat, FC_INDEX, 0, &index);
  /* fontconfig always answers with its best match; anything but the family asked for (or a
   * slanted or emboldened stand-in) would be a fallback face mixed into the text. */
  if (g_ascii_strcasecmp ((const char *)got_family, family) != 0) {
    g_set_error (error, PM_ERROR, PM_ERROR_FONT,
                 "font family '%s' is not declared in fonts/fonts.conf (declared: %s)", family,
                 fonts->declared);
    goto fail;
  }
  if ((slant != FC_SLANT_ROMAN) != (italic != FALSE) || (fc_weight >= FC_WEIGHT_DEMIBOLD) != bold) {
    g_set_error (error, PM_ERROR, PM_ERROR_FONT, "font family '%s' has no %s%s face declared",
                 family, bold ? "bold" : "regular", italic ? " italic" : "");
    goto fail;
  }

  char *path = real_path ((const char *)file);
  face = g_hash_table_lookup (fonts->faces_by_path, path);
  if (face)
    g_free (path);
  else {
    hb_blob_t *blob = hb_blob_create_from_file_or_fail ((const char *)file);
    if (!blob) {
      g_set_error (error, PM_ERROR, PM_ERROR_FONT, "font file %s could not be read", file);
      g_free (path);
      goto fail;
    }
    face = g_new0 (PmFace, 1);
    face->path = path;
    face->family = g_strdup ((const char *)got_family);
    face->hb_face = hb_face_create (blob, (unsigned int)index);
    hb_blob_destroy (blob);
    face->upem = hb_face_get_upem (face->hb_face);
    face->hb_font = hb_font_create (face->hb_face);
    hb_font_set_scale (face->hb_font, (int)face->upem, (int)face->upem);
    hb_font_make_immutable (face->hb_font);
    face->sized = g_array_new (FALSE, FALSE, sizeof (SizedFont));
    face->cairo_face = cairo_ft_font_face_create_for_pattern (pat);
    hb_ot_metrics_get_position_with_fallback (face->hb_font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER,
                                              &face->ascent);
    hb_ot_metrics_get_position_with_fallback (face->hb_font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER,
                                              &face->descent);
    hb_ot_metrics_get_position_with_fallback (face->hb_font, HB_OT_METRICS_TAG_X_HEIGHT,
                                              &face->x_height);
    hb_ot_metrics_get_position_with_fallback (face->hb_font, HB_OT_METRICS_TAG_CAP_HEIGHT,
                                              &face->cap_height);
    g_hash_table_insert (fonts->faces_by_path, face->path, face);
  }
  g_hash_table_insert (fonts->faces_by_key, key, face);
  FcPatternDestroy (pat);
  return face;

fail:
  g_free (key);
  if (pat)
    FcPatternDestroy (pat);
  return NULL;
}

/* FACE at SIZE points (one user unit is a point), EXPAND wider, for cairo; unhinted, since
 * hinted metrics would round advances to whole pixels. */
static cairo_scaled_font_t *
sized_font (PmFace *face, double size, double expand)
{
  /* A face is used at a handful of sizes: a short list beats hashing a formatted key. */
  for (guint i = 0; i < face->sized->len; i++) {
    SizedFont *sf = &g_array_index (face->sized, SizedFont, i);
    if (sf->size == size && sf->expand == expand)
      return sf->scaled;
  }
  cairo_matrix_t fm, ctm;
  cairo_matrix_init_scale (&fm, size * (1 + expand), size);
  cairo_matrix_init_identity (&ctm);
  cairo_font_options_t *opts = cairo_font_options_create ();
  cairo_font_options_set_hint_style (opts, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (opts, CAIRO_HINT_METRICS_OFF);
  SizedFont sf = { size, expand, cairo_scaled_font_create (face->cairo_face, &fm, &ctm, opts) };
  cairo_font_options_destroy (opts);
  g_array_append_val (face->sized, sf);
  return sf.scaled;
}

PmFace *
pm_fonts_get_face (PmFonts *fonts, const char *family, int weight, gboolean italic, GError **error)
{
  g_mutex_lock (&fonts->lock);
  PmFace *face = get_face (fonts, family, weight, italic, error);
  g_mutex_unlock (&fonts->lock);
  return face;
}

cairo_scaled_font_t *
pm_fonts_get_scaled_font (PmFonts *fonts, PmFace *face, double size)
{
  return pm_fonts_get_expanded_font (fonts, face, size, 0);
}

cairo_scaled_font_t *
pm_fonts_get_expanded_font (PmFonts *fonts, PmFace *face, double size, double expand)
{
  /* The fonts handed out stay valid: the list only grows, and holds pointers. */
  g_mutex_lock (&fonts->lock);
  cairo_scaled_font_t *font = sized_font (face, size, expand);
  g_mutex_unlock (&fonts->lock);
  return font;
}

const char *
pm_face_get_path (const PmFace *face)
{
  return face->path;
}

const char *
pm_face_get_family (const PmFace *face)
{
  return face->family;
}

gboolean
pm_face_has_feature (const PmFace *face, hb_tag_t want)
{
  static const hb_tag_t tables[] = { HB_OT_TAG_GSUB, HB_OT_TAG_GPOS };
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++) {
    hb_tag_t tags[64];
    unsigned int offset = 0, count;
    do {
      count = G_N_ELEMENTS (tags);
      hb_ot_layout_table_get_feature_tags (face->hb_face, tables[t], offset, &count, tags);
      for (unsigned int i = 0; i < count; i++)
        if (tags[i] == want)
          return TRUE;
      offset += count;
    } while (count == G_N_ELEMENTS (tags));
  }
  return FALSE;
}

hb_font_t *
pm_face_get_hb_font (const PmFace *face)
{
  return face->hb_font;
}

guint
pm_face_get_upem (const PmFace *face)
{
  return face->upem;
}

gboolean
pm_face_has_char (const PmFace *face, gunichar c)
{
  hb_codepoint_t glyph;
  return hb_font_get_nominal_glyph (face->hb_font, c, &glyph);
}

double
pm_face_char_width (const PmFace *face, gunichar c, double size)
{
  hb_codepoint_t glyph;
  if (!hb_font_get_nominal_glyph (face->hb_font, c, &glyph))
    return -1;
  return hb_font_get_glyph_h_advance (face->hb_font, glyph) * size / face->upem;
}

void
pm_face_get_metrics (const PmFace *face, double size, PmFontMetrics *metrics)
{
  hb_position_t asc = face->ascent, desc = face->descent, xh = face->x_height,
                cap = face->cap_height;
  double k = size / face->upem;
  metrics->ascent = asc * k;
  metrics->descent = -desc * k;
  metrics->x_height = xh * k;
  metrics->cap_height = cap * k;
}
