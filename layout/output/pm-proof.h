/* pm-proof.h: PNG proofs of recorded pages, a contact sheet of the whole edition, and draft
 * marks (a black bar beside each overfull line, a tint over loose lines, as TeX's draft
 * mode). */
#pragma once

#include "output/pm-recorded-doc.h"

G_BEGIN_DECLS

typedef enum {
  PM_DRAFT_OVERFULL, /* a line wider than the measure: black bar in the margin */
  PM_DRAFT_LOOSE     /* a line stretched beyond tolerance: tinted */
} PmDraftKind;

/* A line to mark on page PAGE (0-based), its rectangle in page coordinates (points). */
typedef struct {
  guint page;
  double x, y, width, height;
  PmDraftKind kind;
} PmDraftMark;

/* The width of the overfull bar and its distance from the line's end, in points. */
#define PM_DRAFT_BAR_WIDTH 5.0
#define PM_DRAFT_BAR_GAP 2.0

/* Page PAGE of DOC at DPI, cut at the trim, on white, with the draft MARKS (N_MARKS, may be
 * 0) that belong to it. An ARGB32 image surface; destroy with cairo_surface_destroy(). */
cairo_surface_t *pm_proof_render_page (const PmRecordedDoc *doc, guint page, double dpi,
                                       const PmDraftMark *marks, guint n_marks);

/* Writes every page of DOC at DPI into DIR (created if missing) as page-001.png,
 * page-002.png, ... with the draft MARKS. PM_ERROR_IO on failure. */
gboolean pm_proof_write_pages (const PmRecordedDoc *doc, const char *dir, double dpi,
                               const PmDraftMark *marks, guint n_marks, GError **error);

/* Writes a contact sheet of every page of DOC to PATH: COLUMNS thumbnails a row at DPI,
 * each framed, in reading order. PM_ERROR_IO on failure. */
gboolean pm_proof_write_contact_sheet (const PmRecordedDoc *doc, const char *path, double dpi,
                                       guint columns, GError **error);

/* The size in pixels of a page of DOC at DPI. */
void pm_proof_page_size (const PmRecordedDoc *doc, double dpi, int *width, int *height);

G_END_DECLS
