/* pm-qpdf.c: page boxes, labels, links, dates and /ID through libqpdf's C API. */
#include "output/pm-qpdf.h"

#include "base/pm-error.h"

#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

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
  qpdf_oh array = qpdf_oh_new_array (q);
  for (int i = 0; i < 4; i++)
    qpdf_oh_append_item (q, array, qpdf_oh_new_real_from_double (q, box[i], 4));
  return array;
}

static gboolean
check (qpdf_data q, const char *file, GError **error)
{
  if (!qpdf_has_error (q))
    return TRUE;
  qpdf_error e = qpdf_get_error (q);
  g_set_error (error, PM_ERROR, PM_ERROR_INTERNAL, "%s: qpdf: %s", file,
               qpdf_get_error_full_text (q, e));
  return FALSE;
}

/* The page's MediaBox, which may be inherited from the page tree. */
static gboolean
media_box (qpdf_data q, qpdf_oh page, double m[4])
{
  qpdf_oh node = page;
  qpdf_oh media = qpdf_oh_get_key (q, node, "/MediaBox");
  for (int depth = 0; depth < 32 && !qpdf_oh_is_array (q, media); depth++) {
    node = qpdf_oh_get_key (q, node, "/Parent");
    if (!qpdf_oh_is_dictionary (q, node))
      break;
    media = qpdf_oh_get_key (q, node, "/MediaBox");
  }
  if (!qpdf_oh_is_array (q, media) || qpdf_oh_get_array_n_items (q, media) != 4)
    return FALSE;
  for (int k = 0; k < 4; k++)
    m[k] = qpdf_oh_get_numeric_value (q, qpdf_oh_get_array_item (q, media, k));
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
  qpdf_oh nums = qpdf_oh_new_array (q);
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
    qpdf_oh range = qpdf_oh_new_dictionary (q);
    if (decimal) {
      qpdf_oh_replace_key (q, range, "/S", qpdf_oh_new_name (q, "/D"));
      if (v != 1)
        qpdf_oh_replace_key (q, range, "/St", qpdf_oh_new_integer (q, v));
    } else if (label && *label) {
      qpdf_oh_replace_key (q, range, "/P", qpdf_oh_new_unicode_string (q, label));
    }
    qpdf_oh_append_item (q, nums, qpdf_oh_new_integer (q, (long long)i));
    qpdf_oh_append_item (q, nums, range);
    prev = v;
    prev_decimal = decimal;
  }
  qpdf_oh labels = qpdf_oh_new_dictionary (q);
  qpdf_oh_replace_key (q, labels, "/Nums", nums);
  qpdf_oh_replace_key (q, root, "/PageLabels", labels);
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
  qpdf_oh names = qpdf_oh_new_array (q);
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
    qpdf_oh target = qpdf_oh_new_array (q);
    qpdf_oh_append_item (q, target, qpdf_get_page_n (q, nd->page));
    qpdf_oh_append_item (q, target, qpdf_oh_new_name (q, "/XYZ"));
    qpdf_oh_append_item (q, target,
                         qpdf_oh_new_real_from_double (q, m[0] + margin + nd->dest->x, 3));
    qpdf_oh_append_item (q, target,
                         qpdf_oh_new_real_from_double (q, m[3] - margin - nd->dest->y, 3));
    qpdf_oh_append_item (q, target, qpdf_oh_new_integer (q, 0));
    qpdf_oh_append_item (q, names, qpdf_oh_new_unicode_string (q, nd->dest->name));
    qpdf_oh_append_item (q, names, target);
  }
  g_array_free (all, TRUE);
  qpdf_oh tree = qpdf_oh_new_dictionary (q);
  qpdf_oh_replace_key (q, tree, "/Names", names);
  qpdf_oh names_dict = qpdf_oh_get_key (q, root, "/Names");
  if (!qpdf_oh_is_dictionary (q, names_dict)) {
    names_dict = qpdf_make_indirect_object (q, qpdf_oh_new_dictionary (q));
    qpdf_oh_replace_key (q, root, "/Names", names_dict);
  }
  qpdf_oh_replace_key (q, names_dict, "/Dests", qpdf_make_indirect_object (q, tree));
}

/* Link annotations on page I, without a border. */
static void
set_links (qpdf_data q, qpdf_oh page, const PmRecordedDoc *doc, guint i, const double m[4],
           double margin)
{
  const GArray *links = pm_recorded_doc_get_links (doc, i);
  if (links->len == 0)
    return;
  qpdf_oh annots = qpdf_oh_get_key (q, page, "/Annots");
  if (!qpdf_oh_is_array (q, annots)) {
    annots = qpdf_oh_new_array (q);
    qpdf_oh_replace_key (q, page, "/Annots", annots);
  }
  for (guint k = 0; k < links->len; k++) {
    const PmLink *link = &g_array_index (links, PmLink, k);
    double x0 = m[0] + margin + link->x, y1 = m[3] - margin - link->y;
    qpdf_oh annot = qpdf_oh_new_dictionary (q);
    qpdf_oh_replace_key (q, annot, "/Type", qpdf_oh_new_name (q, "/Annot"));
    qpdf_oh_replace_key (q, annot, "/Subtype", qpdf_oh_new_name (q, "/Link"));
    qpdf_oh_replace_key (q, annot, "/Rect",
                         new_box (q, x0, y1 - link->height, x0 + link->width, y1));
    qpdf_oh border = qpdf_oh_new_array (q);
    for (int b = 0; b < 3; b++)
      qpdf_oh_append_item (q, border, qpdf_oh_new_integer (q, 0));
    qpdf_oh_replace_key (q, annot, "/Border", border);
    if (link->dest) {
      qpdf_oh_replace_key (q, annot, "/Dest", qpdf_oh_new_unicode_string (q, link->dest));
    } else {
      qpdf_oh action = qpdf_oh_new_dictionary (q);
      qpdf_oh_replace_key (q, action, "/S", qpdf_oh_new_name (q, "/URI"));
      /* URIs are 7-bit ASCII (RFC 3986): a byte string, not a text string. */
      qpdf_oh_replace_key (q, action, "/URI", qpdf_oh_new_string (q, link->uri));
      qpdf_oh_replace_key (q, annot, "/A", action);
    }
    qpdf_oh_replace_key (q, annot, "/P", page);
    qpdf_oh_append_item (q, annots, qpdf_make_indirect_object (q, annot));
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
  qpdf_data q = qpdf_init ();
  gboolean ok = FALSE;
  Box *media = NULL;
  /* Warnings about repaired input would otherwise go to stderr. */
  qpdf_set_suppress_warnings (q, QPDF_TRUE);
  if (qpdf_read_memory (q, in, (const char *)data, (unsigned long long)len, NULL) & QPDF_ERRORS) {
    check (q, in, error);
    goto out;
  }
  int n = qpdf_get_num_pages (q);
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
    qpdf_oh page = qpdf_get_page_n (q, (size_t)i);
    double *m = media[i];
    if (!media_box (q, page, m)) {
      g_set_error (error, PM_ERROR, PM_ERROR_INTERNAL, "%s: page %d has no MediaBox", in, i + 1);
      goto out;
    }
    qpdf_oh_replace_key (q, page, "/TrimBox",
                         new_box (q, m[0] + margin, m[1] + margin, m[2] - margin, m[3] - margin));
    qpdf_oh_replace_key (q, page, "/BleedBox",
                         new_box (q, m[0] + margin - bleed, m[1] + margin - bleed,
                                  m[2] - margin + bleed, m[3] - margin + bleed));
    /* A CropBox smaller than the media would hide the marks; the media is what we mean. */
    if (qpdf_oh_has_key (q, page, "/CropBox"))
      qpdf_oh_remove_key (q, page, "/CropBox");
    if (options->links)
      set_links (q, page, doc, (guint)i, m, margin);
  }
  qpdf_oh root = qpdf_get_root (q);
  if (options->labels)
    set_page_labels (q, root, doc);
  if (options->links)
    set_dests (q, root, doc, media, margin);
  qpdf_oh info = qpdf_oh_get_key (q, qpdf_get_trailer (q), "/Info");
  if (qpdf_oh_is_dictionary (q, info)) {
    char *d = pm_qpdf_date_string (pm_recorded_doc_get_date (doc));
    qpdf_oh_replace_key (q, info, "/CreationDate", qpdf_oh_new_string (q, d));
    qpdf_oh_replace_key (q, info, "/ModDate", qpdf_oh_new_string (q, d));
    g_free (d);
  }
  if (!check (q, in, error))
    goto out;
  if (qpdf_init_write (q, out) & QPDF_ERRORS) {
    check (q, out, error);
    goto out;
  }
  qpdf_set_deterministic_ID (q, QPDF_TRUE);
  /* Streams pass through as cairo compressed them: decoding and compressing them again
   * would double the time of the pass for a few per cent of size. */
  qpdf_set_decode_level (q, qpdf_dl_none);
  qpdf_set_object_stream_mode (q, qpdf_o_generate);
  if (qpdf_write (q) & QPDF_ERRORS) {
    check (q, out, error);
    goto out;
  }
  ok = TRUE;
out:
  g_free (media);
  qpdf_cleanup (&q);
  return ok;
}
