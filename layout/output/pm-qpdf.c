/* pm-qpdf.c: page boxes, labels, links, dates and /ID through libqpdf's C API. */
#include "output/pm-qpdf.h"

#include "base/pm-error.h"

#include <gmodule.h>
#include <hb.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

/* libqpdf is opened the first time a PDF is finished instead of being linked: with its C++
 * runtime and crypto libraries it took half the start-up time of every pamphlet command
 * (18 -> 10 ms for `pamphlet --version`), which is what a no-op `pamphlet editions` costs. */
#define PM_QPDF_FUNCTIONS(X)                                                                       \
  X (qpdf_cleanup)                                                                                 \
  X (qpdf_get_error)                                                                               \
  X (qpdf_get_error_full_text)                                                                     \
  X (qpdf_get_num_pages)                                                                           \
  X (qpdf_get_page_n)                                                                              \
  X (qpdf_get_root)                                                                                \
  X (qpdf_get_trailer)                                                                             \
  X (qpdf_has_error)                                                                               \
  X (qpdf_init)                                                                                    \
  X (qpdf_init_write)                                                                              \
  X (qpdf_make_indirect_object)                                                                    \
  X (qpdf_oh_append_item)                                                                          \
  X (qpdf_oh_begin_dict_key_iter)                                                                  \
  X (qpdf_oh_dict_more_keys)                                                                       \
  X (qpdf_oh_dict_next_key)                                                                        \
  X (qpdf_oh_get_int_value_as_int)                                                                 \
  X (qpdf_oh_get_object_id)                                                                        \
  X (qpdf_oh_get_stream_data)                                                                      \
  X (qpdf_oh_is_name_and_equals)                                                                   \
  X (qpdf_oh_is_number)                                                                            \
  X (qpdf_oh_is_stream)                                                                            \
  X (qpdf_oh_set_array_item)                                                                       \
  X (qpdf_oh_get_array_item)                                                                       \
  X (qpdf_oh_get_array_n_items)                                                                    \
  X (qpdf_oh_get_dict)                                                                             \
  X (qpdf_oh_get_key)                                                                              \
  X (qpdf_oh_get_numeric_value)                                                                    \
  X (qpdf_oh_has_key)                                                                              \
  X (qpdf_oh_is_array)                                                                             \
  X (qpdf_oh_is_dictionary)                                                                        \
  X (qpdf_oh_new_array)                                                                            \
  X (qpdf_oh_new_dictionary)                                                                       \
  X (qpdf_oh_new_integer)                                                                          \
  X (qpdf_oh_new_name)                                                                             \
  X (qpdf_oh_new_real_from_double)                                                                 \
  X (qpdf_oh_new_string)                                                                           \
  X (qpdf_oh_new_unicode_string)                                                                   \
  X (qpdf_oh_remove_key)                                                                           \
  X (qpdf_oh_replace_key)                                                                          \
  X (qpdf_read_memory)                                                                             \
  X (qpdf_set_decode_level)                                                                        \
  X (qpdf_set_deterministic_ID)                                                                    \
  X (qpdf_set_object_stream_mode)                                                                  \
  X (qpdf_set_suppress_warnings)                                                                   \
  X (qpdf_write)

typedef struct {
#define FIELD(name) __typeof__ (name) *name;
  PM_QPDF_FUNCTIONS (FIELD)
#undef FIELD
} QpdfApi;

/* Filled once, then only read: the entry points of the loaded library. */
static QpdfApi api;

static gboolean
load_qpdf (GError **error)
{
  static gsize loaded = 0;
  static char *failure = NULL;
  if (g_once_init_enter (&loaded)) {
    GModule *module = g_module_open (PM_QPDF_SONAME, G_MODULE_BIND_LOCAL);
    if (!module)
      failure = g_strdup_printf ("cannot load %s (%s); install libqpdf", PM_QPDF_SONAME,
                                 g_module_error ());
#define LOAD(name)                                                                                 \
  if (module && !failure && !g_module_symbol (module, #name, (gpointer *)&api.name))               \
    failure = g_strdup_printf ("%s has no %s: %s", PM_QPDF_SONAME, #name, g_module_error ());
    PM_QPDF_FUNCTIONS (LOAD)
#undef LOAD
    /* The module stays open for the process: the library's objects live as long. */
    g_once_init_leave (&loaded, 1);
  }
  if (failure)
    g_set_error (error, PM_ERROR, PM_ERROR_INTERNAL, "%s", failure);
  return failure == NULL;
}

static gpointer
preload_run (gpointer data)
{
  load_qpdf (NULL);
  return NULL;
}

void
pm_qpdf_preload (void)
{
  /* Detached: whoever finishes a PDF first waits for it in load_qpdf's g_once. */
  GThread *thread = g_thread_try_new ("pm-qpdf-load", preload_run, NULL, NULL);
  if (thread)
    g_thread_unref (thread);
}

char *
pm_qpdf_date_string (gint64 date)
{
  GDateTime *dt = g_date_time_new_from_unix_utc (date);
  if (!dt)
    return g_strdup ("D:19700101000000Z");
  char *s = g_date_time_format (dt, "D:%Y%m%d%H%M%SZ");
  g_date_time_unref (dt);
  return s;
}

static qpdf_oh
new_box (qpdf_data q, double x0, double y0, double x1, double y1)
{
  double box[4] = { x0, y0, x1, y1 };
  qpdf_oh array = api.qpdf_oh_new_array (q);
  for (int i = 0; i < 4; i++)
    api.qpdf_oh_append_item (q, array, api.qpdf_oh_new_real_from_double (q, box[i], 4));
  return array;
}

static gboolean
check (qpdf_data q, const char *file, GError **error)
{
  if (!api.qpdf_has_error (q))
    return TRUE;
  qpdf_error e = api.qpdf_get_error (q);
  g_set_error (error, PM_ERROR, PM_ERROR_INTERNAL, "%s: qpdf: %s", file,
               api.qpdf_get_error_full_text (q, e));
  return FALSE;
}

/* The page's MediaBox, which may be inherited from the page tree. */
static gboolean
media_box (qpdf_data q, qpdf_oh page, double m[4])
{
  qpdf_oh node = page;
  qpdf_oh media = api.qpdf_oh_get_key (q, node, "/MediaBox");
  for (int depth = 0; depth < 32 && !api.qpdf_oh_is_array (q, media); depth++) {
    node = api.qpdf_oh_get_key (q, node, "/Parent");
    if (!api.qpdf_oh_is_dictionary (q, node))
      break;
    media = api.qpdf_oh_get_key (q, node, "/MediaBox");
  }
  if (!api.qpdf_oh_is_array (q, media) || api.qpdf_oh_get_array_n_items (q, media) != 4)
    return FALSE;
  for (int k = 0; k < 4; k++)
    m[k] = api.qpdf_oh_get_numeric_value (q, api.qpdf_oh_get_array_item (q, media, k));
  return TRUE;
}

/* Whether LABEL is a decimal number without leading zeros; its value in *VALUE. */
static gboolean
decimal_label (const char *label, long *value)
{
  if (!label || !*label || strlen (label) > 9 || (label[0] == '0' && label[1]))
    return FALSE;
  for (const char *p = label; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  *value = strtol (label, NULL, 10);
  return *value > 0;
}

/* /PageLabels: a range per run of consecutive decimal labels, a prefix-only range for any
 * other label, and an empty range (empty label) for unlabelled pages. cairo 1.16 writes only
 * the first page's entry. */
static void
set_page_labels (qpdf_data q, qpdf_oh root, const PmRecordedDoc *doc)
{
  qpdf_oh nums = api.qpdf_oh_new_array (q);
  guint n = pm_recorded_doc_get_n_pages (doc);
  long prev = 0;
  gboolean prev_decimal = FALSE;
  for (guint i = 0; i < n; i++) {
    const char *label = pm_recorded_doc_get_label (doc, i);
    long v = 0;
    gboolean decimal = decimal_label (label, &v);
    if (decimal && prev_decimal && v == prev + 1) {
      prev = v;
      continue;
    }
    qpdf_oh range = api.qpdf_oh_new_dictionary (q);
    if (decimal) {
      api.qpdf_oh_replace_key (q, range, "/S", api.qpdf_oh_new_name (q, "/D"));
      if (v != 1)
        api.qpdf_oh_replace_key (q, range, "/St", api.qpdf_oh_new_integer (q, v));
    } else if (label && *label) {
      api.qpdf_oh_replace_key (q, range, "/P", api.qpdf_oh_new_unicode_string (q, label));
    }
    api.qpdf_oh_append_item (q, nums, api.qpdf_oh_new_integer (q, (long long)i));
    api.qpdf_oh_append_item (q, nums, range);
    prev = v;
    prev_decimal = decimal;
  }
  qpdf_oh labels = api.qpdf_oh_new_dictionary (q);
  api.qpdf_oh_replace_key (q, labels, "/Nums", nums);
  api.qpdf_oh_replace_key (q, root, "/PageLabels", labels);
}

typedef double Box[4];

typedef struct {
  const PmDest *dest;
  guint page;
} NamedDest;

static int
compare_dests (const void *a, const void *b)
{
  return strcmp (((const NamedDest *)a)->dest->name, ((const NamedDest *)b)->dest->name);
}

/* The named destinations, as a flat name tree in the catalog's /Names /Dests, sorted by
 * name as the name tree requires; a name given twice keeps its first place. */
static void
set_dests (qpdf_data q, qpdf_oh root, const PmRecordedDoc *doc, const Box *media, double margin)
{
  GArray *all = g_array_new (FALSE, FALSE, sizeof (NamedDest));
  guint n = pm_recorded_doc_get_n_pages (doc);
  for (guint i = 0; i < n; i++) {
    const GArray *dests = pm_recorded_doc_get_dests (doc, i);
    for (guint k = 0; k < dests->len; k++) {
      NamedDest nd = { &g_array_index (dests, PmDest, k), i };
      g_array_append_val (all, nd);
    }
  }
  if (all->len == 0) {
    g_array_free (all, TRUE);
    return;
  }
  /* qsort is not stable: order by name, then keep the earliest of equal names below. */
  g_array_sort (all, compare_dests);
  qpdf_oh names = api.qpdf_oh_new_array (q);
  const char *last = NULL;
  for (guint k = 0; k < all->len; k++) {
    NamedDest *nd = &g_array_index (all, NamedDest, k);
    if (last && strcmp (last, nd->dest->name) == 0)
      continue;
    /* Among equal names, the earliest page first. */
    for (guint j = k + 1; j < all->len; j++) {
      NamedDest *other = &g_array_index (all, NamedDest, j);
      if (strcmp (other->dest->name, nd->dest->name) != 0)
        break;
      if (other->page < nd->page)
        nd = other;
    }
    last = nd->dest->name;
    const double *m = media[nd->page];
    qpdf_oh target = api.qpdf_oh_new_array (q);
    api.qpdf_oh_append_item (q, target, api.qpdf_get_page_n (q, nd->page));
    api.qpdf_oh_append_item (q, target, api.qpdf_oh_new_name (q, "/XYZ"));
    api.qpdf_oh_append_item (q, target,
                             api.qpdf_oh_new_real_from_double (q, m[0] + margin + nd->dest->x, 3));
    api.qpdf_oh_append_item (q, target,
                             api.qpdf_oh_new_real_from_double (q, m[3] - margin - nd->dest->y, 3));
    api.qpdf_oh_append_item (q, target, api.qpdf_oh_new_integer (q, 0));
    api.qpdf_oh_append_item (q, names, api.qpdf_oh_new_unicode_string (q, nd->dest->name));
    api.qpdf_oh_append_item (q, names, target);
  }
  g_array_free (all, TRUE);
  qpdf_oh tree = api.qpdf_oh_new_dictionary (q);
  api.qpdf_oh_replace_key (q, tree, "/Names", names);
  qpdf_oh names_dict = api.qpdf_oh_get_key (q, root, "/Names");
  if (!api.qpdf_oh_is_dictionary (q, names_dict)) {
    names_dict = api.qpdf_make_indirect_object (q, api.qpdf_oh_new_dictionary (q));
    api.qpdf_oh_replace_key (q, root, "/Names", names_dict);
  }
  api.qpdf_oh_replace_key (q, names_dict, "/Dests", api.qpdf_make_indirect_object (q, tree));
}

/* Link annotations on page I, without a border. */
static void
set_links (qpdf_data q, qpdf_oh page, const PmRecordedDoc *doc, guint i, const double m[4],
           double margin)
{
  const GArray *links = pm_recorded_doc_get_links (doc, i);
  if (links->len == 0)
    return;
  qpdf_oh annots = api.qpdf_oh_get_key (q, page, "/Annots");
  if (!api.qpdf_oh_is_array (q, annots)) {
    annots = api.qpdf_oh_new_array (q);
    api.qpdf_oh_replace_key (q, page, "/Annots", annots);
  }
  for (guint k = 0; k < links->len; k++) {
    const PmLink *link = &g_array_index (links, PmLink, k);
    double x0 = m[0] + margin + link->x, y1 = m[3] - margin - link->y;
    qpdf_oh annot = api.qpdf_oh_new_dictionary (q);
    api.qpdf_oh_replace_key (q, annot, "/Type", api.qpdf_oh_new_name (q, "/Annot"));
    api.qpdf_oh_replace_key (q, annot, "/Subtype", api.qpdf_oh_new_name (q, "/Link"));
    api.qpdf_oh_replace_key (q, annot, "/Rect",
                             new_box (q, x0, y1 - link->height, x0 + link->width, y1));
    qpdf_oh border = api.qpdf_oh_new_array (q);
    for (int b = 0; b < 3; b++)
      api.qpdf_oh_append_item (q, border, api.qpdf_oh_new_integer (q, 0));
    api.qpdf_oh_replace_key (q, annot, "/Border", border);
    if (link->dest) {
      api.qpdf_oh_replace_key (q, annot, "/Dest", api.qpdf_oh_new_unicode_string (q, link->dest));
    } else {
      qpdf_oh action = api.qpdf_oh_new_dictionary (q);
      api.qpdf_oh_replace_key (q, action, "/S", api.qpdf_oh_new_name (q, "/URI"));
      /* URIs are 7-bit ASCII (RFC 3986): a byte string, not a text string. */
      api.qpdf_oh_replace_key (q, action, "/URI", api.qpdf_oh_new_string (q, link->uri));
      api.qpdf_oh_replace_key (q, annot, "/A", action);
    }
    api.qpdf_oh_replace_key (q, annot, "/P", page);
    api.qpdf_oh_append_item (q, annots, api.qpdf_make_indirect_object (q, annot));
  }
}

/* ---- exact glyph widths ---- */

/* The keys of DICT (qpdf iterates one dictionary at a time, so they are copied first). */
static GPtrArray *
dict_keys (qpdf_data q, qpdf_oh dict)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  if (!api.qpdf_oh_is_dictionary (q, dict))
    return keys;
  api.qpdf_oh_begin_dict_key_iter (q, dict);
  while (api.qpdf_oh_dict_more_keys (q))
    g_ptr_array_add (keys, g_strdup (api.qpdf_oh_dict_next_key (q)));
  return keys;
}

/* The embedded TrueType program of a font descriptor, as a HarfBuzz font at unit scale
 * (advances in font units), or NULL. */
static hb_font_t *
embedded_font (qpdf_data q, qpdf_oh descriptor, double *upem)
{
  qpdf_oh file = api.qpdf_oh_get_key (q, descriptor, "/FontFile2");
  if (!api.qpdf_oh_is_stream (q, file))
    return NULL;
  unsigned char *buf = NULL;
  size_t len = 0;
  QPDF_BOOL filtered = QPDF_FALSE;
  if (api.qpdf_oh_get_stream_data (q, file, qpdf_dl_generalized, &filtered, &buf, &len) &
          QPDF_ERRORS ||
      !filtered || !buf) {
    free (buf);
    return NULL;
  }
  hb_blob_t *blob =
      hb_blob_create ((const char *)buf, (unsigned)len, HB_MEMORY_MODE_READONLY, buf, free);
  hb_face_t *face = hb_face_create (blob, 0);
  hb_blob_destroy (blob);
  *upem = hb_face_get_upem (face);
  hb_font_t *font = hb_font_create (face);
  hb_face_destroy (face);
  return font;
}

static qpdf_oh
width_of (qpdf_data q, hb_font_t *font, double upem, hb_codepoint_t glyph)
{
  return api.qpdf_oh_new_real_from_double (
      q, 1000.0 * hb_font_get_glyph_h_advance (font, glyph) / upem, 3);
}

/* A CIDFontType2 with the identity CID-to-glyph map (cairo's): W is [first [w w ...] ...]
 * or [first last w ...]; every width is set again from the glyph's advance. */
static void
exact_cid_widths (qpdf_data q, qpdf_oh cid_font)
{
  qpdf_oh map = api.qpdf_oh_get_key (q, cid_font, "/CIDToGIDMap");
  qpdf_oh w = api.qpdf_oh_get_key (q, cid_font, "/W");
  if ((api.qpdf_oh_has_key (q, cid_font, "/CIDToGIDMap") &&
       !api.qpdf_oh_is_name_and_equals (q, map, "/Identity")) ||
      !api.qpdf_oh_is_array (q, w))
    return;
  double upem = 0;
  hb_font_t *font = embedded_font (q, api.qpdf_oh_get_key (q, cid_font, "/FontDescriptor"), &upem);
  if (!font)
    return;
  int n = api.qpdf_oh_get_array_n_items (q, w);
  for (int i = 0; i + 1 < n; i++) {
    qpdf_oh first = api.qpdf_oh_get_array_item (q, w, i);
    qpdf_oh next = api.qpdf_oh_get_array_item (q, w, i + 1);
    if (!api.qpdf_oh_is_number (q, first) || !api.qpdf_oh_is_array (q, next))
      continue; /* a [first last w] range keeps its one width */
    int cid = api.qpdf_oh_get_int_value_as_int (q, first);
    int m = api.qpdf_oh_get_array_n_items (q, next);
    for (int k = 0; k < m; k++)
      api.qpdf_oh_set_array_item (q, next, k, width_of (q, font, upem, (hb_codepoint_t)(cid + k)));
    i++;
  }
  hb_font_destroy (font);
}

/* A simple TrueType font: Widths from FirstChar, each code's glyph found through the embedded
 * font's cmap (cairo's subsets map codes directly, or in the symbol area from U+F000). */
static void
exact_simple_widths (qpdf_data q, qpdf_oh simple)
{
  qpdf_oh widths = api.qpdf_oh_get_key (q, simple, "/Widths");
  qpdf_oh first = api.qpdf_oh_get_key (q, simple, "/FirstChar");
  if (!api.qpdf_oh_is_array (q, widths) || !api.qpdf_oh_is_number (q, first))
    return;
  double upem = 0;
  hb_font_t *font = embedded_font (q, api.qpdf_oh_get_key (q, simple, "/FontDescriptor"), &upem);
  if (!font)
    return;
  int code0 = api.qpdf_oh_get_int_value_as_int (q, first);
  int n = api.qpdf_oh_get_array_n_items (q, widths);
  for (int k = 0; k < n; k++) {
    hb_codepoint_t code = (hb_codepoint_t)(code0 + k), glyph = 0;
    if (hb_font_get_nominal_glyph (font, code, &glyph) ||
        hb_font_get_nominal_glyph (font, 0xF000 + code, &glyph))
      api.qpdf_oh_set_array_item (q, widths, k, width_of (q, font, upem, glyph));
  }
  hb_font_destroy (font);
}

/* cairo 1.16 writes each glyph's width truncated to a whole thousandth of an em, but places
 * the glyphs of a line by their exact advances, so a viewer sets every glyph of a font whose
 * em is not 1000 units up to 1/1000 em short: a justified line of Liberation Serif (2048)
 * ended 0.3 pt before the measure. The widths are set again, exactly, from the embedded
 * fonts' own metrics, for the fonts of RESOURCES and of the forms it uses. */
static void
exact_widths (qpdf_data q, qpdf_oh resources, GHashTable *done, int depth)
{
  if (depth > 8 || !api.qpdf_oh_is_dictionary (q, resources))
    return;
  qpdf_oh fonts = api.qpdf_oh_get_key (q, resources, "/Font");
  g_autoptr (GPtrArray) names = dict_keys (q, fonts);
  for (guint i = 0; i < names->len; i++) {
    qpdf_oh font = api.qpdf_oh_get_key (q, fonts, g_ptr_array_index (names, i));
    int id = api.qpdf_oh_get_object_id (q, font);
    if (id > 0 && !g_hash_table_add (done, GINT_TO_POINTER (id)))
      continue;
    if (api.qpdf_oh_is_name_and_equals (q, api.qpdf_oh_get_key (q, font, "/Subtype"), "/Type0")) {
      qpdf_oh desc = api.qpdf_oh_get_key (q, font, "/DescendantFonts");
      if (api.qpdf_oh_is_array (q, desc) && api.qpdf_oh_get_array_n_items (q, desc) == 1)
        exact_cid_widths (q, api.qpdf_oh_get_array_item (q, desc, 0));
    } else if (api.qpdf_oh_is_name_and_equals (q, api.qpdf_oh_get_key (q, font, "/Subtype"),
                                               "/TrueType")) {
      exact_simple_widths (q, font);
    }
  }
  qpdf_oh xobjects = api.qpdf_oh_get_key (q, resources, "/XObject");
  g_autoptr (GPtrArray) forms = dict_keys (q, xobjects);
  for (guint i = 0; i < forms->len; i++) {
    qpdf_oh form = api.qpdf_oh_get_key (q, xobjects, g_ptr_array_index (forms, i));
    int id = api.qpdf_oh_get_object_id (q, form);
    if (!api.qpdf_oh_is_stream (q, form) ||
        (id > 0 && !g_hash_table_add (done, GINT_TO_POINTER (-id))))
      continue;
    exact_widths (q, api.qpdf_oh_get_key (q, api.qpdf_oh_get_dict (q, form), "/Resources"), done,
                  depth + 1);
  }
}

gboolean
pm_qpdf_finish (const char *in, const char *out, const PmRecordedDoc *doc,
                const PmQpdfOptions *options, GError **error)
{
  /* From memory: qpdf reading a file seeks before every read, which costs more than the
   * rest of the pass. */
  g_autofree char *data = NULL;
  gsize len = 0;
  GError *read_error = NULL;
  if (!g_file_get_contents (in, &data, &len, &read_error)) {
    g_set_error (error, PM_ERROR, PM_ERROR_IO, "%s", read_error->message);
    g_error_free (read_error);
    return FALSE;
  }
  return pm_qpdf_finish_data (in, (const guint8 *)data, len, out, doc, options, error);
}

gboolean
pm_qpdf_finish_data (const char *in, const guint8 *data, gsize len, const char *out,
                     const PmRecordedDoc *doc, const PmQpdfOptions *options, GError **error)
{
  if (!load_qpdf (error))
    return FALSE;
  qpdf_data q = api.qpdf_init ();
  gboolean ok = FALSE;
  Box *media = NULL;
  GHashTable *fonts_done = g_hash_table_new (NULL, NULL); /* object ids seen */
  /* Warnings about repaired input would otherwise go to stderr. */
  api.qpdf_set_suppress_warnings (q, QPDF_TRUE);
  if (api.qpdf_read_memory (q, in, (const char *)data, (unsigned long long)len, NULL) &
      QPDF_ERRORS) {
    check (q, in, error);
    goto out;
  }
  int n = api.qpdf_get_num_pages (q);
  if (!check (q, in, error))
    goto out;
  if (n < 0 || (guint)n != pm_recorded_doc_get_n_pages (doc)) {
    g_set_error (error, PM_ERROR, PM_ERROR_INTERNAL, "%s: %d pages, the document has %u", in, n,
                 pm_recorded_doc_get_n_pages (doc));
    goto out;
  }
  media = g_new (Box, MAX (n, 1));
  double margin = options->margin, bleed = options->bleed;
  for (int i = 0; i < n; i++) {
    qpdf_oh page = api.qpdf_get_page_n (q, (size_t)i);
    if (options->widths)
      exact_widths (q, api.qpdf_oh_get_key (q, page, "/Resources"), fonts_done, 0);
    double *m = media[i];
    if (!media_box (q, page, m)) {
      g_set_error (error, PM_ERROR, PM_ERROR_INTERNAL, "%s: page %d has no MediaBox", in, i + 1);
      goto out;
    }
    api.qpdf_oh_replace_key (
        q, page, "/TrimBox",
        new_box (q, m[0] + margin, m[1] + margin, m[2] - margin, m[3] - margin));
    api.qpdf_oh_replace_key (q, page, "/BleedBox",
                             new_box (q, m[0] + margin - bleed, m[1] + margin - bleed,
                                      m[2] - margin + bleed, m[3] - margin + bleed));
    /* A CropBox smaller than the media would hide the marks; the media is what we mean. */
    if (api.qpdf_oh_has_key (q, page, "/CropBox"))
      api.qpdf_oh_remove_key (q, page, "/CropBox");
    if (options->links)
      set_links (q, page, doc, (guint)i, m, margin);
  }
  qpdf_oh root = api.qpdf_get_root (q);
  if (options->labels)
    set_page_labels (q, root, doc);
  if (options->links)
    set_dests (q, root, doc, media, margin);
  qpdf_oh info = api.qpdf_oh_get_key (q, api.qpdf_get_trailer (q), "/Info");
  if (api.qpdf_oh_is_dictionary (q, info)) {
    char *d = pm_qpdf_date_string (pm_recorded_doc_get_date (doc));
    api.qpdf_oh_replace_key (q, info, "/CreationDate", api.qpdf_oh_new_string (q, d));
    api.qpdf_oh_replace_key (q, info, "/ModDate", api.qpdf_oh_new_string (q, d));
    g_free (d);
  }
  if (!check (q, in, error))
    goto out;
  if (api.qpdf_init_write (q, out) & QPDF_ERRORS) {
    check (q, out, error);
    goto out;
  }
  api.qpdf_set_deterministic_ID (q, QPDF_TRUE);
  /* Streams pass through as cairo compressed them: decoding and compressing them again
   * would double the time of the pass for a few per cent of size. */
  api.qpdf_set_decode_level (q, qpdf_dl_none);
  api.qpdf_set_object_stream_mode (q, qpdf_o_generate);
  if (api.qpdf_write (q) & QPDF_ERRORS) {
    check (q, out, error);
    goto out;
  }
  ok = TRUE;
out:
  g_hash_table_unref (fonts_done);
  g_free (media);
  api.qpdf_cleanup (&q);
  return ok;
}
