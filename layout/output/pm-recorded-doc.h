/* pm-recorded-doc.h: a document recorded once, page by page, as cairo recording surfaces,
 * and replayed into the PDF, the PNG proofs and the imposed sheets.
 *
 * Coordinates are PostScript points with the origin at the top-left corner of the trimmed
 * page; what extends into the bleed is drawn at negative coordinates or beyond the trim
 * size. Each page records the trim size plus the bleed on every side. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _PmRecordedDoc PmRecordedDoc;

/* Document metadata, written into the PDF's information dictionary. */
typedef enum {
  PM_META_TITLE,
  PM_META_AUTHOR,
  PM_META_SUBJECT,
  PM_META_KEYWORDS,
  PM_META_CREATOR,
  PM_META_COUNT
} PmMetaKey;

/* A named destination on a page, at (x, y) in page coordinates. */
typedef struct {
  char *name;
  double x, y;
} PmDest;

/* A link area on a page: to a named destination (dest) or to a URI (uri); one is NULL. */
typedef struct {
  double x, y, width, height;
  char *dest;
  char *uri;
} PmLink;

/* An outline (bookmark) entry; level 1 is the top level. */
typedef struct {
  char *title;
  int level;
  char *dest;
} PmOutlineEntry;

/* A new empty document of trimmed pages WIDTH x HEIGHT with BLEED on every side (points).
 * The date is taken from SOURCE_DATE_EPOCH when it is set, else the current time. */
PmRecordedDoc *pm_recorded_doc_new (double width, double height, double bleed);

/* The date a new document gets: SOURCE_DATE_EPOCH (seconds since the epoch) when it is set
 * to a valid number, so that builds are reproducible, else the current time. */
gint64 pm_recorded_doc_default_date (void);

/* Frees a document and its recorded pages. NULL is allowed. */
void pm_recorded_doc_free (PmRecordedDoc *doc);

/* The trimmed page size, in points. */
double pm_recorded_doc_get_width (const PmRecordedDoc *doc);
double pm_recorded_doc_get_height (const PmRecordedDoc *doc);

/* Sets or reads one metadata value (NULL for none). */
void pm_recorded_doc_set_meta (PmRecordedDoc *doc, PmMetaKey key, const char *value);
const char *pm_recorded_doc_get_meta (const PmRecordedDoc *doc, PmMetaKey key);

/* The document date in seconds since the epoch (UTC). */
void pm_recorded_doc_set_date (PmRecordedDoc *doc, gint64 epoch);
gint64 pm_recorded_doc_get_date (const PmRecordedDoc *doc);

/* Starts a new page with LABEL (the page label, NULL for an unnumbered page such as the
 * cover) and returns the cairo context to draw it with, owned by the document and valid
 * until pm_recorded_doc_end_page(). A page still open is ended first. */
cairo_t *pm_recorded_doc_begin_page (PmRecordedDoc *doc, const char *label);

/* Ends the page being drawn. */
void pm_recorded_doc_end_page (PmRecordedDoc *doc);

/* Adds a named destination at (x, y) on the page being drawn. */
void pm_recorded_doc_add_dest (PmRecordedDoc *doc, const char *name, double x, double y);

/* Adds a link on the page being drawn, from the rectangle to the destination DEST. */
void pm_recorded_doc_add_link_dest (PmRecordedDoc *doc, double x, double y, double width,
                                    double height, const char *dest);

/* Adds a link on the page being drawn, from the rectangle to URI. */
void pm_recorded_doc_add_link_uri (PmRecordedDoc *doc, double x, double y, double width,
                                   double height, const char *uri);

/* Appends an outline entry at LEVEL (1 = top) pointing at the destination DEST. */
void pm_recorded_doc_add_outline (PmRecordedDoc *doc, const char *title, int level,
                                  const char *dest);

/* The number of pages (an open page counts). */
guint pm_recorded_doc_get_n_pages (const PmRecordedDoc *doc);

/* Page I's recording surface (extents: the trim box grown by the bleed). */
cairo_surface_t *pm_recorded_doc_get_page (const PmRecordedDoc *doc, guint i);

/* Page I's label, or NULL. */
const char *pm_recorded_doc_get_label (const PmRecordedDoc *doc, guint i);

/* Page I's destinations (PmDest) and links (PmLink). */
const GArray *pm_recorded_doc_get_dests (const PmRecordedDoc *doc, guint i);
const GArray *pm_recorded_doc_get_links (const PmRecordedDoc *doc, guint i);

/* The outline entries (PmOutlineEntry), in order. */
const GArray *pm_recorded_doc_get_outline (const PmRecordedDoc *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmRecordedDoc, pm_recorded_doc_free)

G_END_DECLS
