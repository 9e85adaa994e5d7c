/* pm-shape.c: HarfBuzz shaping on the declared faces, cached by spec and text. */
#include "paragraph/pm-shape.h"

#include "base/pm-error.h"

#include <string.h>

/* A font spec as a hash key (strings owned). */
typedef struct {
  char *family;
  int weight;
  gboolean italic;
  double size;
  char *lang;
  char *features;
} SpecKey;

/* The runs shaped in one spec: text -> PmShapedRun *. */
typedef struct {
  SpecKey key;
  GHashTable *runs;
  PmFace *face; /* the spec's face once found (owned by the PmFonts) */
} SpecCache;

struct _PmShaper {
  PmFonts *fonts;
  hb_buffer_t *buffer; /* reused for every shaping */
  GHashTable *specs;   /* SpecKey * -> SpecCache * */
  SpecCache *last;     /* the spec asked for last, to skip hashing it again */
  guint n_runs;
  GHashTable *features;  /* features string -> GArray of hb_feature_t */
  GString *key;          /* scratch for cache keys */
  GArray *cairo_glyphs;  /* scratch for drawing */
  GArray *call_features; /* scratch: a spec's features plus per-call ranges */
};

static guint
spec_hash (gconstpointer p)
{
  const SpecKey *k = p;
  guint h = g_str_hash (k->family) * 31 + g_str_hash (k->lang);
  h = h * 31 + g_str_hash (k->features);
  h = h * 31 + (guint)k->weight * 2 + (k->italic ? 1 : 0);
  return h * 31 + (guint)(k->size * 1024);
}

static gboolean
spec_key_matches (const SpecKey *k, const PmFontSpec *spec)
{
  return k->weight == spec->weight && k->italic == (spec->italic != FALSE) &&
         k->size == spec->size && strcmp (k->family, spec->family ? spec->family : "") == 0 &&
         strcmp (k->lang, spec->lang ? spec->lang : "") == 0 &&
         strcmp (k->features, spec->features ? spec->features : "") == 0;
}

static gboolean
spec_equal (gconstpointer a, gconstpointer b)
{
  const SpecKey *x = a, *y = b;
  return x->weight == y->weight && x->italic == y->italic && x->size == y->size &&
         strcmp (x->family, y->family) == 0 && strcmp (x->lang, y->lang) == 0 &&
         strcmp (x->features, y->features) == 0;
}

static void
spec_cache_free (SpecCache *c)
{
  g_free (c->key.family);
  g_free (c->key.lang);
  g_free (c->key.features);
  g_hash_table_unref (c->runs);
  g_free (c);
}

/* The cache of SPEC's runs, made on first use. */
static SpecCache *
spec_cache (PmShaper *shaper, const PmFontSpec *spec)
{
  if (shaper->last && spec_key_matches (&shaper->last->key, spec))
    return shaper->last;
  SpecKey k = { (char *)(spec->family ? spec->family : ""),
                spec->weight,
                spec->italic != FALSE,
                spec->size,
                (char *)(spec->lang ? spec->lang : ""),
                (char *)(spec->features ? spec->features : "") };
  SpecCache *c = g_hash_table_lookup (shaper->specs, &k);
  if (!c) {
    c = g_new0 (SpecCache, 1);
    c->key = k;
    c->key.family = g_strdup (k.family);
    c->key.lang = g_strdup (k.lang);
    c->key.features = g_strdup (k.features);
    /* A run, its glyphs and its text (the key) are one block: thousands of words are shaped,
     * and freeing them one by one at the end was a good part of a build's tail. */
    c->runs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
    g_hash_table_insert (shaper->specs, &c->key, c);
  }
  shaper->last = c;
  return c;
}

PmShaper *
pm_shaper_new (PmFonts *fonts)
{
  PmShaper *shaper = g_new0 (PmShaper, 1);
  shaper->fonts = fonts;
  shaper->buffer = hb_buffer_create ();
  shaper->specs =
      g_hash_table_new_full (spec_hash, spec_equal, NULL, (GDestroyNotify)spec_cache_free);
  shaper->features =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
  shaper->key = g_string_sized_new (128);
  shaper->cairo_glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  shaper->call_features = g_array_new (FALSE, FALSE, sizeof (hb_feature_t));
  return shaper;
}

void
pm_shaper_free (PmShaper *shaper)
{
  if (!shaper)
    return;
  hb_buffer_destroy (shaper->buffer);
  g_hash_table_unref (shaper->specs);
  g_hash_table_unref (shaper->features);
  g_string_free (shaper->key, TRUE);
  g_array_unref (shaper->cairo_glyphs);
  g_array_unref (shaper->call_features);
  g_free (shaper);
}

/* The face SPEC names, or NULL with PM_ERROR_FONT (owned by the fonts). */
static PmFace *
pm_shaper_get_face (PmShaper *shaper, const PmFontSpec *spec, GError **error)
{
  /* Kept with the spec's cache: the fonts' own lookup formats a key string every time. */
  SpecCache *cache = spec_cache (shaper, spec);
  if (!cache->face)
    cache->face =
        pm_fonts_get_face (shaper->fonts, spec->family ? spec->family : "Liberation Serif",
                           spec->weight ? spec->weight : PM_WEIGHT_REGULAR, spec->italic, error);
  return cache->face;
}

/* The parsed features of STRING; an unknown word is an error rather than silently ignored,
 * since it comes from a style sheet a person wrote. */
static GArray *
get_features (PmShaper *shaper, const char *string, GError **error)
{
  const char *key = string ? string : "";
  GArray *arr = g_hash_table_lookup (shaper->features, key);
  if (arr)
    return arr;
  arr = g_array_new (FALSE, FALSE, sizeof (hb_feature_t));
  char **parts = g_strsplit (key, ",", -1);
  for (char **p = parts; *p; p++) {
    char *f = g_strstrip (*p);
    hb_feature_t feature;
    if (!*f)
      continue;
    if (!hb_feature_from_string (f, -1, &feature)) {
      g_set_error (error, PM_ERROR, PM_ERROR_INPUT, "'%s' is not an OpenType feature", f);
      g_strfreev (parts);
      g_array_unref (arr);
      return NULL;
    }
    g_array_append_val (arr, feature);
  }
  g_strfreev (parts);
  g_hash_table_insert (shaper->features, g_strdup (key), arr);
  return arr;
}

/* Languages with a dotted and a dotless i, where an fi ligature that drops the dot of i
 * would turn i into ı. Noto's fonts do not switch the ligature off through locl. */
static gboolean
has_dotted_i (const char *lang)
{
  static const char *const langs[] = { "tr", "az", "crh", "tt", "ba", "gag", "kk", NULL };
  if (!lang)
    return FALSE;
  for (const char *const *l = langs; *l; l++) {
    gsize n = strlen (*l);
    if (g_ascii_strncasecmp (lang, *l, n) == 0 && (lang[n] == '\0' || lang[n] == '-'))
      return TRUE;
  }
  return FALSE;
}

/* Reports the first character of the cluster at OFFSET that FACE cannot show. */
static void
set_missing_error (const PmFace *face, const char *text, gsize len, gsize offset, gsize *bad_offset,
                   GError **error)
{
  const char *p = text + offset, *end = text + len;
  /* A cluster may hold several characters (a base and its marks): name the missing one. */
  const char *q = p;
  while (q < end) {
    gunichar c = g_utf8_get_char (q);
    if (!pm_face_has_char (face, c)) {
      p = q;
      break;
    }
    q = g_utf8_next_char (q);
    if (q < end && !g_unichar_ismark (g_utf8_get_char (q)))
      break;
  }
  gunichar c = g_utf8_get_char (p);
  char buf[8] = { 0 };
  g_unichar_to_utf8 (c, buf);
  if (bad_offset)
    *bad_offset = (gsize)(p - text);
  g_set_error (error, PM_ERROR, PM_ERROR_FONT,
               "no declared font can show '%s' (U+%04X) at byte %" G_GSIZE_FORMAT
               " (%s has no glyph for it): replace the character or declare a font that has it",
               buf, c, (gsize)(p - text), pm_face_get_family (face));
}

const PmShapedRun *
pm_shaper_shape (PmShaper *shaper, const PmFontSpec *spec, const char *text, gssize len,
                 gsize *bad_offset, GError **error)
{
  gsize n = len < 0 ? strlen (text) : (gsize)len;
  SpecCache *cache = spec_cache (shaper, spec);
  GString *key = shaper->key;
  g_string_truncate (key, 0);
  g_string_append_len (key, text, (gssize)n);
  PmShapedRun *run = g_hash_table_lookup (cache->runs, key->str);
  if (run)
    return run;

  PmFace *face = pm_shaper_get_face (shaper, spec, error);
  if (!face)
    return NULL;
  GArray *features = get_features (shaper, spec->features, error);
  if (!features)
    return NULL;

  hb_buffer_t *buf = shaper->buffer;
  hb_buffer_clear_contents (buf);
  hb_buffer_add_utf8 (buf, text, (int)n, 0, (int)n);
  hb_buffer_set_cluster_level (buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  if (spec->lang && *spec->lang)
    hb_buffer_set_language (buf, hb_language_from_string (spec->lang, -1));
  hb_buffer_guess_segment_properties (buf);
  GArray *feats = features;
  if (has_dotted_i (spec->lang) && g_strstr_len (text, (gssize)n, "fi")) {
    /* Turn off liga on every "fi" (clusters are byte offsets), keeping it elsewhere. */
    feats = shaper->call_features;
    g_array_set_size (feats, 0);
    g_array_append_vals (feats, features->data, features->len);
    for (gsize i = 0; i + 1 < n; i++)
      if (text[i] == 'f' && text[i + 1] == 'i') {
        hb_feature_t off = { HB_TAG ('l', 'i', 'g', 'a'), 0, (unsigned)i, (unsigned)i + 2 };
        g_array_append_val (feats, off);
      }
  }
  hb_shape (pm_face_get_hb_font (face), buf, (const hb_feature_t *)feats->data, feats->len);

  unsigned count = 0;
  hb_glyph_info_t *info = hb_buffer_get_glyph_infos (buf, &count);
  hb_glyph_position_t *pos = hb_buffer_get_glyph_positions (buf, &count);
  for (unsigned i = 0; i < count; i++)
    if (info[i].codepoint == 0) {
      set_missing_error (face, text, n, info[i].cluster, bad_offset, error);
      return NULL;
    }

  gsize glyphs_at = G_STRUCT_OFFSET (
      struct {
        PmShapedRun r;
        PmGlyph g;
      },
      g);
  gsize text_at = glyphs_at + (gsize)count * sizeof (PmGlyph);
  run = g_malloc0 (text_at + n + 1);
  run->face = face;
  run->size = spec->size;
  run->n_glyphs = count;
  run->glyphs = (PmGlyph *)((char *)run + glyphs_at);
  run->length = n;
  char *run_key = (char *)run + text_at;
  memcpy (run_key, key->str, n);
  double k = spec->size / pm_face_get_upem (face);
  /* Sum in design units and scale once, so that the width is exactly the sum of advances as
   * a renderer that adds them up in points would get it, to well under a micro-point. */
  gint64 total = 0;
  for (unsigned i = 0; i < count; i++) {
    PmGlyph *g = &run->glyphs[i];
    g->glyph = info[i].codepoint;
    g->cluster = info[i].cluster;
    g->flags = (hb_glyph_info_get_glyph_flags (&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK)
                   ? PM_GLYPH_UNSAFE_TO_BREAK
                   : 0;
    g->x_advance = pos[i].x_advance * k;
    g->x_offset = pos[i].x_offset * k;
    g->y_offset = pos[i].y_offset * k;
    total += pos[i].x_advance;
  }
  run->width = total * k;
  g_hash_table_insert (cache->runs, run_key, run);
  shaper->n_runs++;
  return run;
}

gboolean
pm_shaper_missing_features (PmShaper *shaper, const PmFontSpec *spec, const PmFace *face,
                            GArray *tags, GError **error)
{
  GArray *features = get_features (shaper, spec->features, error);
  if (!features)
    return FALSE;
  const hb_feature_t *f = (const hb_feature_t *)features->data;
  for (guint i = 0; i < features->len; i++) {
    gboolean later = FALSE;
    for (guint k = i + 1; k < features->len && !later; k++)
      later = f[k].tag == f[i].tag;
    if (f[i].value != 0 && !later && !pm_face_has_feature (face, f[i].tag))
      g_array_append_val (tags, f[i].tag);
  }
  return TRUE;
}

double
pm_shaper_char_width (PmShaper *shaper, const PmFontSpec *spec, gunichar c, GError **error)
{
  char buf[8] = { 0 };
  int n = g_unichar_to_utf8 (c, buf);
  const PmShapedRun *run = pm_shaper_shape (shaper, spec, buf, n, NULL, error);
  return run ? run->width : -1;
}

gboolean
pm_shaper_get_metrics (PmShaper *shaper, const PmFontSpec *spec, PmFontMetrics *metrics,
                       GError **error)
{
  PmFace *face = pm_shaper_get_face (shaper, spec, error);
  if (!face)
    return FALSE;
  pm_face_get_metrics (face, spec->size, metrics);
  return TRUE;
}

/* Draws glyphs FIRST .. FIRST+N-1 of RUN with the pen starting at (X, Y) (Y the baseline),
 * in the current source colour of CR. */
static void
pm_shaper_draw_glyphs (PmShaper *shaper, const PmShapedRun *run, guint first, guint n, cairo_t *cr,
                       double x, double y)
{
  g_return_if_fail (first + n <= run->n_glyphs);
  if (n == 0)
    return;
  GArray *arr = shaper->cairo_glyphs;
  g_array_set_size (arr, n);
  cairo_glyph_t *cg = (cairo_glyph_t *)arr->data;
  double pen = x;
  for (guint i = 0; i < n; i++) {
    const PmGlyph *g = &run->glyphs[first + i];
    cg[i].index = g->glyph;
    cg[i].x = pen + g->x_offset;
    cg[i].y = y - g->y_offset;
    pen += g->x_advance;
  }
  cairo_set_scaled_font (cr, pm_fonts_get_scaled_font (shaper->fonts, run->face, run->size));
  cairo_show_glyphs (cr, cg, (int)n);
}

void
pm_shaper_draw_run (PmShaper *shaper, const PmShapedRun *run, cairo_t *cr, double x, double y)
{
  pm_shaper_draw_glyphs (shaper, run, 0, run->n_glyphs, cr, x, y);
}

guint
pm_shaper_cache_size (PmShaper *shaper)
{
  return shaper->n_runs;
}
