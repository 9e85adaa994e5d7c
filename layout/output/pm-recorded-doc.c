/* pm-recorded-doc.c: pages recorded once as cairo recording surfaces. */
#include "output/pm-recorded-doc.h"

#include <stdlib.h>

typedef struct {
  cairo_surface_t *surface;
  char *label;
  GArray *dests; /* PmDest */
  GArray *links; /* PmLink */
} PmRecordedPage;

struct _PmRecordedDoc {
  double width, height, bleed;
  char *meta[PM_META_COUNT];
  gint64 date;
  GPtrArray *pages; /* PmRecordedPage * */
  GArray *outline;  /* PmOutlineEntry */
  cairo_t *cr;      /* the page being drawn, or NULL */
};

static void
clear_dest (gpointer p)
{
  g_free (((PmDest *)p)->name);
}

static void
clear_link (gpointer p)
{
  PmLink *link = p;
  g_free (link->dest);
  g_free (link->uri);
}

static void
clear_outline (gpointer p)
{
  PmOutlineEntry *entry = p;
  g_free (entry->title);
  g_free (entry->dest);
}

static void
page_free (gpointer p)
{
  PmRecordedPage *page = p;
  cairo_surface_destroy (page->surface);
  g_free (page->label);
  g_array_unref (page->dests);
  g_array_unref (page->links);
  g_free (page);
}

/* SOURCE_DATE_EPOCH makes builds reproducible; without it the date is now. */
gint64
pm_recorded_doc_default_date (void)
{
  const char *env = g_getenv ("SOURCE_DATE_EPOCH");
  if (env && *env) {
    char *end;
    gint64 v = g_ascii_strtoll (env, &end, 10);
    if (*end == '\0' && v >= 0)
      return v;
  }
  return g_get_real_time () / G_USEC_PER_SEC;
}

PmRecordedDoc *
pm_recorded_doc_new (double width, double height, double bleed)
{
  PmRecordedDoc *doc = g_new0 (PmRecordedDoc, 1);
  doc->width = width;
  doc->height = height;
  doc->bleed = MAX (bleed, 0.0);
  doc->date = pm_recorded_doc_default_date ();
  doc->pages = g_ptr_array_new_with_free_func (page_free);
  doc->outline = g_array_new (FALSE, TRUE, sizeof (PmOutlineEntry));
  g_array_set_clear_func (doc->outline, clear_outline);
  return doc;
}

void
pm_recorded_doc_free (PmRecordedDoc *doc)
{
  if (!doc)
    return;
  pm_recorded_doc_end_page (doc);
  for (int i = 0; i < PM_META_COUNT; i++)
    g_free (doc->meta[i]);
  g_ptr_array_unref (doc->pages);
  g_array_unref (doc->outline);
  g_free (doc);
}

double
pm_recorded_doc_get_width (const PmRecordedDoc *doc)
{
  return doc->width;
}

double
pm_recorded_doc_get_height (const PmRecordedDoc *doc)
{
  return doc->height;
}

void
pm_recorded_doc_set_meta (PmRecordedDoc *doc, PmMetaKey key, const char *value)
{
  g_return_if_fail (key < PM_META_COUNT);
  g_free (doc->meta[key]);
  doc->meta[key] = g_strdup (value);
}

const char *
pm_recorded_doc_get_meta (const PmRecordedDoc *doc, PmMetaKey key)
{
  g_return_val_if_fail (key < PM_META_COUNT, NULL);
  return doc->meta[key];
}

void
pm_recorded_doc_set_date (PmRecordedDoc *doc, gint64 epoch)
{
  doc->date = epoch;
}

gint64
pm_recorded_doc_get_date (const PmRecordedDoc *doc)
{
  return doc->date;
}

cairo_t *
pm_recorded_doc_begin_page (PmRecordedDoc *doc, const char *label)
{
  pm_recorded_doc_end_page (doc);
  /* The extents start at -bleed so that page coordinates are trim coordinates. */
  cairo_rectangle_t extents = { -doc->bleed, -doc->bleed, doc->width + 2 * doc->bleed,
                                doc->height + 2 * doc->bleed };
  PmRecordedPage *page = g_new0 (PmRecordedPage, 1);
  page->surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  page->label = g_strdup (label);
  page->dests = g_array_new (FALSE, TRUE, sizeof (PmDest));
  g_array_set_clear_func (page->dests, clear_dest);
  page->links = g_array_new (FALSE, TRUE, sizeof (PmLink));
  g_array_set_clear_func (page->links, clear_link);
  g_ptr_array_add (doc->pages, page);
  doc->cr = cairo_create (page->surface);
  return doc->cr;
}

void
pm_recorded_doc_end_page (PmRecordedDoc *doc)
{
  if (!doc->cr)
    return;
  cairo_destroy (doc->cr);
  doc->cr = NULL;
}

static PmRecordedPage *
current_page (PmRecordedDoc *doc)
{
  g_return_val_if_fail (doc->pages->len > 0, NULL);
  return g_ptr_array_index (doc->pages, doc->pages->len - 1);
}

void
pm_recorded_doc_add_dest (PmRecordedDoc *doc, const char *name, double x, double y)
{
  PmRecordedPage *page = current_page (doc);
  g_return_if_fail (page && name);
  PmDest dest = { g_strdup (name), x, y };
  g_array_append_val (page->dests, dest);
}

static void
add_link (PmRecordedDoc *doc, double x, double y, double w, double h, const char *dest,
          const char *uri)
{
  PmRecordedPage *page = current_page (doc);
  g_return_if_fail (page);
  PmLink link = { x, y, w, h, g_strdup (dest), g_strdup (uri) };
  g_array_append_val (page->links, link);
}

void
pm_recorded_doc_add_link_dest (PmRecordedDoc *doc, double x, double y, double width, double height,
                               const char *dest)
{
  g_return_if_fail (dest);
  add_link (doc, x, y, width, height, dest, NULL);
}

void
pm_recorded_doc_add_link_uri (PmRecordedDoc *doc, double x, double y, double width, double height,
                              const char *uri)
{
  g_return_if_fail (uri);
  add_link (doc, x, y, width, height, NULL, uri);
}

void
pm_recorded_doc_add_outline (PmRecordedDoc *doc, const char *title, int level, const char *dest)
{
  g_return_if_fail (title && dest);
  PmOutlineEntry entry = { g_strdup (title), MAX (level, 1), g_strdup (dest) };
  g_array_append_val (doc->outline, entry);
}

guint
pm_recorded_doc_get_n_pages (const PmRecordedDoc *doc)
{
  return doc->pages->len;
}

static PmRecordedPage *
page_at (const PmRecordedDoc *doc, guint i)
{
  g_return_val_if_fail (i < doc->pages->len, NULL);
  return g_ptr_array_index (doc->pages, i);
}

cairo_surface_t *
pm_recorded_doc_get_page (const PmRecordedDoc *doc, guint i)
{
  PmRecordedPage *page = page_at (doc, i);
  return page ? page->surface : NULL;
}

const char *
pm_recorded_doc_get_label (const PmRecordedDoc *doc, guint i)
{
  PmRecordedPage *page = page_at (doc, i);
  return page ? page->label : NULL;
}

const GArray *
pm_recorded_doc_get_dests (const PmRecordedDoc *doc, guint i)
{
  PmRecordedPage *page = page_at (doc, i);
  return page ? page->dests : NULL;
}

const GArray *
pm_recorded_doc_get_links (const PmRecordedDoc *doc, guint i)
{
  PmRecordedPage *page = page_at (doc, i);
  return page ? page->links : NULL;
}

const GArray *
pm_recorded_doc_get_outline (const PmRecordedDoc *doc)
{
  return doc->outline;
}
