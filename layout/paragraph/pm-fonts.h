/* pm-fonts.h: the fonts pamphlet may use, and nothing else.
 *
 * A PmFonts loads fonts/fonts.conf into a private fontconfig configuration and finds faces in
 * it alone, so output never depends on what else is installed. Faces (one font file: family,
 * weight, style) and sized fonts are loaded once and cached on the PmFonts; pointers handed
 * out stay valid until pm_fonts_free(). Sizes are in points (one user unit of cairo is one
 * point). The face and font getters may be called from several threads at once. */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <hb.h>

G_BEGIN_DECLS

/* OpenType weights: from semibold up a face is bold. */
#define PM_WEIGHT_REGULAR 400
#define PM_WEIGHT_SEMIBOLD 600
#define PM_WEIGHT_BOLD 700

typedef struct _PmFonts PmFonts;
typedef struct _PmFace PmFace;

/* Vertical metrics of a face at a size, in points; descent is positive below the baseline. */
typedef struct {
  double ascent;
  double descent;
  double x_height;
  double cap_height;
} PmFontMetrics;

/* Loads fonts/fonts.conf (found with pm_data_find) into a private configuration. Fails with
 * PM_ERROR_FONT if the configuration or its fonts are missing. */
PmFonts *pm_fonts_new (GError **error);

/* Frees the configuration and every cached face and font. NULL is allowed. */
void pm_fonts_free (PmFonts *fonts);

/* The face of FAMILY at WEIGHT (OpenType: 400 regular, 700 bold) in roman or ITALIC, or
 * NULL with PM_ERROR_FONT if the configuration declares no such family. Owned by FONTS. */
PmFace *pm_fonts_get_face (PmFonts *fonts, const char *family, int weight, gboolean italic,
                           GError **error);

/* The cairo scaled font of FACE at SIZE points (owned by FONTS). */
cairo_scaled_font_t *pm_fonts_get_scaled_font (PmFonts *fonts, PmFace *face, double size);

/* The cairo scaled font of FACE at SIZE points, EXPAND (a fraction, 0.02 for 2 %) wider, as
 * font expansion sets it (owned by FONTS); with EXPAND 0, pm_fonts_get_scaled_font()'s. */
cairo_scaled_font_t *pm_fonts_get_expanded_font (PmFonts *fonts, PmFace *face, double size,
                                                 double expand);

/* The file FACE comes from, for reports. */
const char *pm_face_get_path (const PmFace *face);

/* The family name FACE declares ("Liberation Serif"). */
const char *pm_face_get_family (const PmFace *face);

/* Whether FACE's GSUB or GPOS tables have the OpenType feature TAG for any script. */
gboolean pm_face_has_feature (const PmFace *face, hb_tag_t tag);

/* A HarfBuzz font of FACE whose scale is the face's units per em (owned by the face):
 * positions it gives, times size / pm_face_get_upem(), are points, exactly. */
hb_font_t *pm_face_get_hb_font (const PmFace *face);

/* The face's design units per em. */
guint pm_face_get_upem (const PmFace *face);

/* Whether FACE has a glyph for C. */
gboolean pm_face_has_char (const PmFace *face, gunichar c);

/* The advance of C alone in FACE at SIZE points, or -1 if FACE has no glyph for it. */
double pm_face_char_width (const PmFace *face, gunichar c, double size);

/* Ascent, descent, x-height and cap height of FACE at SIZE points. */
void pm_face_get_metrics (const PmFace *face, double size, PmFontMetrics *metrics);

G_END_DECLS
