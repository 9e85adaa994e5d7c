/* pm-pdf-finish.c: page boxes, labels, links, exact widths, dates and /ID, by changing a few
 * objects of the PDF and copying the rest (pm-pdf-file.h). */
#include "output/pm-pdf-finish.h"

#include "base/pm-error.h"
#include "output/pm-pdf-file.h"

#include <hb.h>
#include <stdlib.h>
#include <string.h>

/* How deep a page tree or a form's resources may nest before the file is taken as broken. */
#define MAX_DEPTH 32

char *
pm_pdf_date_string (gint64 date)
{
  GDateTime *dt = g_date_time_new_from_unix_utc (date);
  if (!dt)
    return g_strdup ("D:19700101000000Z");
  char *s = g_date_time_format (dt, "D:%Y%m%d%H%M%SZ");
  g_date_time_unref (dt);
  return s;
}

typedef double Box[4];

static PmPdfObject *
new_box (double x0, double y0, double x1, double y1)
{
  double box[4] = { x0, y0, x1, y1 };
  PmPdfObject *array = pm_pdf_object_new_array ();
  for (int i = 0; i < 4; i++)
    pm_pdf_array_append (array, pm_pdf_object_new_real (box[i], 4));
  return array;
}

/* The page objects' numbers, in order, from the page tree under NODE. */
static gboolean
collect_pages (PmPdfFile *f, guint node, GArray *pages, GHashTable *seen, int depth)
{
  PmPdfObject *dict = pm_pdf_file_get (f, node);
  if (!dict || depth > MAX_DEPTH || !g_hash_table_add (seen, GUINT_TO_POINTER (node)))
    return FALSE;
  if (pm_pdf_object_is_name (pm_pdf_dict_get (dict, "Type"), "Page")) {
    g_array_append_val (pages, node);
    return TRUE;
  }
  PmPdfObject *kids = pm_pdf_file_resolve (f, pm_pdf_dict_get (dict, "Kids"));
  for (guint k = 0; k < pm_pdf_array_get_length (kids); k++) {
    guint kid = pm_pdf_object_get_ref (pm_pdf_array_get (kids, k));
    if (!kid || !collect_pages (f, kid, pages, seen, depth + 1))
      return FALSE;
  }
  return TRUE;
}

/* The page's MediaBox, which may be inherited from the page tree. */
static gboolean
media_box (PmPdfFile *f, PmPdfObject *page, double m[4])
{
  PmPdfObject *node = page, *media = NULL;
  for (int depth = 0; node && depth < MAX_DEPTH; depth++) {
    media = pm_pdf_file_resolve (f, pm_pdf_dict_get (node, "MediaBox"));
    if (media)
      break;
    node = pm_pdf_file_resolve (f, pm_pdf_dict_get (node, "Parent"));
  }
  if (pm_pdf_array_get_length (media) != 4)
    return FALSE;
  for (guint k = 0; k < 4; k++)
    if (!pm_pdf_object_get_number (pm_pdf_file_resolve (f, pm_pdf_array_get (media, k)), &m[k]))
      return FALSE;
  return TRUE;
}

/* DICT's value for KEY to be changed in place: a direct value, or the object it refers to
 * (made to be written anew). NULL when there is none or it is a stream. */
static PmPdfObject *
edit_value (PmPdfFile *f, PmPdfObject *dict, const char *key)
{
  PmPdfObject *value = pm_pdf_dict_get (dict, key);
  guint num = pm_pdf_object_get_ref (value);
  return num ? pm_pdf_file_edit (f, num) : value;
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
set_page_labels (PmPdfObject *root, const PmRecordedDoc *doc)
{
  PmPdfObject *nums = pm_pdf_object_new_array ();
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
    PmPdfObject *range = pm_pdf_object_new_dict ();
    if (decimal) {
      pm_pdf_dict_set (range, "S", pm_pdf_object_new_name ("D"));
      if (v != 1)
        pm_pdf_dict_set (range, "St", pm_pdf_object_new_int (v));
    } else if (label && *label) {
      pm_pdf_dict_set (range, "P", pm_pdf_object_new_text (label));
    }
    pm_pdf_array_append (nums, pm_pdf_object_new_int (i));
    pm_pdf_array_append (nums, range);
    prev = v;
    prev_decimal = decimal;
  }
  PmPdfObject *labels = pm_pdf_object_new_dict ();
  pm_pdf_dict_set (labels, "Nums", nums);
  pm_pdf_dict_set (root, "PageLabels", labels);
}

typedef struct {
  PmPdfObject *key; /* the name as a PDF text string */
  const PmDest *dest;
  guint page, order;
} NamedDest;

/* The order of two names in a name tree: their bytes. */
static int
compare_keys (const PmPdfObject *a, const PmPdfObject *b)
{
  gsize la = 0, lb = 0;
  const char *sa = pm_pdf_object_get_string (a, &la);
  const char *sb = pm_pdf_object_get_string (b, &lb);
  int c = memcmp (sa, sb, MIN (la, lb));
  return c != 0 ? c : la != lb ? (la < lb ? -1 : 1) : 0;
}

static int
compare_dests (const void *a, const void *b)
{
  const NamedDest *x = a, *y = b;
  int c = compare_keys (x->key, y->key);
  if (c == 0)
    c = x->page != y->page ? (x->page < y->page ? -1 : 1) : (x->order < y->order ? -1 : 1);
  return c;
}

/* The named destinations, as a flat name tree in the catalog's /Names /Dests, sorted by
 * name as the name tree requires; a name given twice keeps its earliest page. */
static void
set_dests (PmPdfFile *f, PmPdfObject *root, const PmRecordedDoc *doc, const GArray *pages,
           const Box *media, double margin)
{
  GArray *all = g_array_new (FALSE, FALSE, sizeof (NamedDest));
  for (guint i = 0; i < pages->len; i++) {
    const GArray *dests = pm_recorded_doc_get_dests (doc, i);
    for (guint k = 0; k < dests->len; k++) {
      const PmDest *d = &g_array_index (dests, PmDest, k);
      NamedDest nd = { pm_pdf_object_new_text (d->name), d, i, all->len };
      g_array_append_val (all, nd);
    }
  }
  if (all->len == 0) {
    g_array_free (all, TRUE);
    return;
  }
  g_array_sort (all, compare_dests);
  PmPdfObject *names = pm_pdf_object_new_array ();
  NamedDest *last = NULL;
  for (guint k = 0; k < all->len; k++) {
    NamedDest *nd = &g_array_index (all, NamedDest, k);
    if (last && compare_keys (last->key, nd->key) == 0) {
      pm_pdf_object_free (nd->key);
      continue;
    }
    last = nd;
    const double *m = media[nd->page];
    PmPdfObject *target = pm_pdf_object_new_array ();
    pm_pdf_array_append (target, pm_pdf_object_new_ref (g_array_index (pages, guint, nd->page), 0));
    pm_pdf_array_append (target, pm_pdf_object_new_name ("XYZ"));
    pm_pdf_array_append (target, pm_pdf_object_new_real (m[0] + margin + nd->dest->x, 3));
    pm_pdf_array_append (target, pm_pdf_object_new_real (m[3] - margin - nd->dest->y, 3));
    pm_pdf_array_append (target, pm_pdf_object_new_int (0));
    pm_pdf_array_append (names, nd->key); /* the array takes the key */
    pm_pdf_array_append (names, target);
  }
  g_array_free (all, TRUE);
  PmPdfObject *tree = pm_pdf_object_new_dict ();
  pm_pdf_dict_set (tree, "Names", names);
  PmPdfObject *names_dict = edit_value (f, root, "Names");
  if (pm_pdf_object_get_type (names_dict) != PM_PDF_DICT) {
    names_dict = pm_pdf_object_new_dict ();
    pm_pdf_dict_set (root, "Names", pm_pdf_object_new_ref (pm_pdf_file_add (f, names_dict), 0));
  }
  pm_pdf_dict_set (names_dict, "Dests", pm_pdf_object_new_ref (pm_pdf_file_add (f, tree), 0));
}

/* Link annotations on page I (object NUM), without a border. */
static void
set_links (PmPdfFile *f, guint num, PmPdfObject *page, const PmRecordedDoc *doc, guint i,
           const double m[4], double margin)
{
  const GArray *links = pm_recorded_doc_get_links (doc, i);
  if (links->len == 0)
    return;
  PmPdfObject *annots = edit_value (f, page, "Annots");
  if (pm_pdf_object_get_type (annots) != PM_PDF_ARRAY) {
    annots = pm_pdf_object_new_array ();
    pm_pdf_dict_set (page, "Annots", annots);
  }
  for (guint k = 0; k < links->len; k++) {
    const PmLink *link = &g_array_index (links, PmLink, k);
    double x0 = m[0] + margin + link->x, y1 = m[3] - margin - link->y;
    PmPdfObject *annot = pm_pdf_object_new_dict ();
    pm_pdf_dict_set (annot, "Type", pm_pdf_object_new_name ("Annot"));
    pm_pdf_dict_set (annot, "Subtype", pm_pdf_object_new_name ("Link"));
    pm_pdf_dict_set (annot, "Rect", new_box (x0, y1 - link->height, x0 + link->width, y1));
    PmPdfObject *border = pm_pdf_object_new_array ();
    for (int b = 0; b < 3; b++)
      pm_pdf_array_append (border, pm_pdf_object_new_int (0));
    pm_pdf_dict_set (annot, "Border", border);
    if (link->dest) {
      pm_pdf_dict_set (annot, "Dest", pm_pdf_object_new_text (link->dest));
    } else {
      PmPdfObject *action = pm_pdf_object_new_dict ();
      pm_pdf_dict_set (action, "S", pm_pdf_object_new_name ("URI"));
      /* URIs are 7-bit ASCII (RFC 3986): a byte string, not a text string. */
      pm_pdf_dict_set (action, "URI", pm_pdf_object_new_string (link->uri, strlen (link->uri)));
      pm_pdf_dict_set (annot, "A", action);
    }
    pm_pdf_dict_set (annot, "P", pm_pdf_object_new_ref (num, 0));
    pm_pdf_array_append (annots, pm_pdf_object_new_ref (pm_pdf_file_add (f, annot), 0));
  }
}

/* ---- exact glyph widths ---- */

/* The embedded TrueType program of a font descriptor, as a HarfBuzz font at unit scale
 * (advances in font units), or NULL. */
static hb_font_t *
embedded_font (PmPdfFile *f, PmPdfObject *descriptor, double *upem)
{
  GBytes *program = pm_pdf_file_get_stream_data (
      f, pm_pdf_object_get_ref (pm_pdf_dict_get (descriptor, "FontFile2")));
  if (!program)
    return NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (program, &len);
  hb_blob_t *blob = hb_blob_create (data, (unsigned)len, HB_MEMORY_MODE_READONLY, program,
                                    (hb_destroy_func_t)g_bytes_unref);
  hb_face_t *face = hb_face_create (blob, 0);
  hb_blob_destroy (blob);
  *upem = hb_face_get_upem (face);
  hb_font_t *font = hb_font_create (face);
  hb_face_destroy (face);
  return font;
}

static PmPdfObject *
width_of (hb_font_t *font, double upem, hb_codepoint_t glyph)
{
  return pm_pdf_object_new_real (1000.0 * hb_font_get_glyph_h_advance (font, glyph) / upem, 3);
}

/* A CIDFontType2 (object NUM) with the identity CID-to-glyph map (cairo's): W is
 * [first [w w ...] ...] or [first last w ...]; every listed width is set again from the
 * glyph's advance. */
static void
exact_cid_widths (PmPdfFile *f, guint num)
{
  PmPdfObject *cid_font = pm_pdf_file_get (f, num);
  PmPdfObject *map = pm_pdf_file_resolve (f, pm_pdf_dict_get (cid_font, "CIDToGIDMap"));
  if (!cid_font || (map && !pm_pdf_object_is_name (map, "Identity")) ||
      pm_pdf_object_get_type (pm_pdf_file_resolve (f, pm_pdf_dict_get (cid_font, "W"))) !=
          PM_PDF_ARRAY)
    return;
  double upem = 0;
  hb_font_t *font = embedded_font (
      f, pm_pdf_file_resolve (f, pm_pdf_dict_get (cid_font, "FontDescriptor")), &upem);
  if (!font)
    return;
  PmPdfObject *w = edit_value (f, pm_pdf_file_edit (f, num), "W");
  guint n = pm_pdf_array_get_length (w);
  for (guint i = 0; i + 1 < n; i++) {
    double first = 0;
    PmPdfObject *next = pm_pdf_array_get (w, i + 1);
    if (!pm_pdf_object_get_number (pm_pdf_array_get (w, i), &first) ||
        pm_pdf_object_get_type (next) != PM_PDF_ARRAY || first < 0)
      continue; /* a [first last w] range keeps its one width */
    for (guint k = 0; k < pm_pdf_array_get_length (next); k++)
      pm_pdf_array_set (next, k, width_of (font, upem, (hb_codepoint_t)first + k));
    i++;
  }
  hb_font_destroy (font);
}

/* A simple TrueType font (object NUM): Widths from FirstChar, each code's glyph found through
 * the embedded font's cmap (cairo's subsets map codes directly, or in the symbol area from
 * U+F000). */
static void
exact_simple_widths (PmPdfFile *f, guint num)
{
  PmPdfObject *simple = pm_pdf_file_get (f, num);
  double code0 = 0;
  if (pm_pdf_object_get_type (pm_pdf_file_resolve (f, pm_pdf_dict_get (simple, "Widths"))) !=
          PM_PDF_ARRAY ||
      !pm_pdf_object_get_number (pm_pdf_file_resolve (f, pm_pdf_dict_get (simple, "FirstChar")),
                                 &code0) ||
      code0 < 0 || code0 > 255)
    return;
  double upem = 0;
  hb_font_t *font =
      embedded_font (f, pm_pdf_file_resolve (f, pm_pdf_dict_get (simple, "FontDescriptor")), &upem);
  if (!font)
    return;
  PmPdfObject *widths = edit_value (f, pm_pdf_file_edit (f, num), "Widths");
  for (guint k = 0; k < pm_pdf_array_get_length (widths); k++) {
    hb_codepoint_t code = (hb_codepoint_t)code0 + k, glyph = 0;
    if (hb_font_get_nominal_glyph (font, code, &glyph) ||
        hb_font_get_nominal_glyph (font, 0xF000 + code, &glyph))
      pm_pdf_array_set (widths, k, width_of (font, upem, glyph));
  }
  hb_font_destroy (font);
}

/* cairo 1.16 writes each glyph's width truncated to a whole thousandth of an em, but places
 * the glyphs of a line by their exact advances, so a viewer sets every glyph of a font whose
 * em is not 1000 units up to 1/1000 em short: a justified line of Liberation Serif (2048)
 * ended 0.3 pt before the measure. The widths are set again, exactly, from the embedded
 * fonts' own metrics, for the fonts of RESOURCES and of the forms it uses. DONE holds the
 * objects already seen. */
static void
exact_widths (PmPdfFile *f, PmPdfObject *resources, GHashTable *done, int depth)
{
  if (depth > MAX_DEPTH || pm_pdf_object_get_type (resources) != PM_PDF_DICT)
    return;
  PmPdfObject *fonts = pm_pdf_file_resolve (f, pm_pdf_dict_get (resources, "Font"));
  for (guint i = 0; i < pm_pdf_dict_get_size (fonts); i++) {
    guint num = pm_pdf_object_get_ref (pm_pdf_dict_get (fonts, pm_pdf_dict_get_key (fonts, i)));
    if (!num || !g_hash_table_add (done, GUINT_TO_POINTER (num)))
      continue; /* a font is an indirect object: a direct one cannot embed a program */
    PmPdfObject *font = pm_pdf_file_get (f, num);
    PmPdfObject *subtype = pm_pdf_file_resolve (f, pm_pdf_dict_get (font, "Subtype"));
    if (pm_pdf_object_is_name (subtype, "Type0")) {
      PmPdfObject *desc = pm_pdf_file_resolve (f, pm_pdf_dict_get (font, "DescendantFonts"));
      guint cid = pm_pdf_object_get_ref (pm_pdf_array_get (desc, 0));
      if (pm_pdf_array_get_length (desc) == 1 && cid)
        exact_cid_widths (f, cid);
    } else if (pm_pdf_object_is_name (subtype, "TrueType")) {
      exact_simple_widths (f, num);
    }
  }
  PmPdfObject *xobjects = pm_pdf_file_resolve (f, pm_pdf_dict_get (resources, "XObject"));
  for (guint i = 0; i < pm_pdf_dict_get_size (xobjects); i++) {
    guint num =
        pm_pdf_object_get_ref (pm_pdf_dict_get (xobjects, pm_pdf_dict_get_key (xobjects, i)));
    if (!num || !g_hash_table_add (done, GUINT_TO_POINTER (num)))
      continue;
    PmPdfObject *form = pm_pdf_file_get (f, num);
    if (pm_pdf_object_is_name (pm_pdf_file_resolve (f, pm_pdf_dict_get (form, "Subtype")), "Form"))
      exact_widths (f, pm_pdf_file_resolve (f, pm_pdf_dict_get (form, "Resources")), done,
                    depth + 1);
  }
}

gboolean
pm_pdf_finish (const char *in, const guint8 *data, gsize len, const char *out,
               const PmRecordedDoc *doc, const PmPdfFinishOptions *options, GError **error)
{
  g_autoptr (PmPdfFile) f = pm_pdf_file_new (in, data, len, error);
  if (!f)
    return FALSE;
  guint root_num = pm_pdf_object_get_ref (pm_pdf_dict_get (pm_pdf_file_get_trailer (f), "Root"));
  PmPdfObject *root = pm_pdf_file_edit (f, root_num);
  guint tree = pm_pdf_object_get_ref (pm_pdf_dict_get (root, "Pages"));
  g_autoptr (GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  if (!root || !tree || !collect_pages (f, tree, pages, seen, 0)) {
    g_set_error (error, PM_ERROR, PM_ERROR_INTERNAL, "%s: no page tree that can be read", in);
    return FALSE;
  }
  if (pages->len != pm_recorded_doc_get_n_pages (doc)) {
    g_set_error (error, PM_ERROR, PM_ERROR_INTERNAL, "%s: %u pages, the document has %u", in,
                 pages->len, pm_recorded_doc_get_n_pages (doc));
    return FALSE;
  }
  g_autofree Box *media = g_new (Box, MAX (pages->len, 1));
  g_autoptr (GHashTable) fonts_done = g_hash_table_new (NULL, NULL); /* object numbers */
  double margin = options->margin, bleed = options->bleed;
  for (guint i = 0; i < pages->len; i++) {
    guint num = g_array_index (pages, guint, i);
    PmPdfObject *page = pm_pdf_file_edit (f, num);
    double *m = media[i];
    if (!media_box (f, page, m)) {
      g_set_error (error, PM_ERROR, PM_ERROR_INTERNAL, "%s: page %u has no MediaBox", in, i + 1);
      return FALSE;
    }
    if (options->widths)
      exact_widths (f, pm_pdf_file_resolve (f, pm_pdf_dict_get (page, "Resources")), fonts_done, 0);
    pm_pdf_dict_set (page, "TrimBox",
                     new_box (m[0] + margin, m[1] + margin, m[2] - margin, m[3] - margin));
    pm_pdf_dict_set (page, "BleedBox",
                     new_box (m[0] + margin - bleed, m[1] + margin - bleed, m[2] - margin + bleed,
                              m[3] - margin + bleed));
    /* A CropBox smaller than the media would hide the marks; the media is what we mean. */
    pm_pdf_dict_remove (page, "CropBox");
    if (options->links)
      set_links (f, num, page, doc, i, m, margin);
  }
  if (options->labels)
    set_page_labels (root, doc);
  if (options->links)
    set_dests (f, root, doc, pages, media, margin);
  PmPdfObject *info = pm_pdf_file_edit (
      f, pm_pdf_object_get_ref (pm_pdf_dict_get (pm_pdf_file_get_trailer (f), "Info")));
  if (pm_pdf_object_get_type (info) == PM_PDF_DICT) {
    g_autofree char *d = pm_pdf_date_string (pm_recorded_doc_get_date (doc));
    pm_pdf_dict_set (info, "CreationDate", pm_pdf_object_new_string (d, strlen (d)));
    pm_pdf_dict_set (info, "ModDate", pm_pdf_object_new_string (d, strlen (d)));
  }
  return pm_pdf_file_write (f, out, error);
}

gboolean
pm_pdf_finish_file (const char *in, const char *out, const PmRecordedDoc *doc,
                    const PmPdfFinishOptions *options, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  GError *read_error = NULL;
  if (!g_file_get_contents (in, &data, &len, &read_error)) {
    g_set_error (error, PM_ERROR, PM_ERROR_IO, "%s", read_error->message);
    g_error_free (read_error);
    return FALSE;
  }
  return pm_pdf_finish (in, (const guint8 *)data, len, out, doc, options, error);
}
