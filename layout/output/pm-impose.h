/* pm-impose.h: saddle-stitch imposition: pages two-up on sheets, front and back, in the
 * order a duplex printer needs, replaying the recorded pages (nothing is rasterised). */
#pragma once

#include "output/pm-recorded-doc.h"

G_BEGIN_DECLS

/* A4 landscape, the default sheet. */
#define PM_SHEET_A4_WIDTH (297.0 * 72.0 / 25.4)
#define PM_SHEET_A4_HEIGHT (210.0 * 72.0 / 25.4)

/* The saddle-stitch order of N_PAGES pages: N_PAGES is padded to a multiple of four with
 * blank pages placed before BACK_COVER (the index of the back cover, or -1 for none: blanks
 * at the end). Returns 4 entries per sheet, *N_SLOTS in all: front left, front right, back
 * left, back right, each a page index or -1 for a blank. Free with g_free(). */
int *pm_impose_saddle_order (guint n_pages, int back_cover, guint *n_slots);

/* A new document of the sheets for DOC: SHEET_WIDTH x SHEET_HEIGHT (landscape), two pages
 * side by side each side, the spine at the sheet's centre, front then back of each sheet, to
 * be printed duplex flipping on the short edge. Pages are cut at the trim. BACK_COVER as for
 * pm_impose_saddle_order(). NULL with PM_ERROR_INPUT when two pages do not fit on a sheet. */
PmRecordedDoc *pm_impose_saddle (const PmRecordedDoc *doc, int back_cover, double sheet_width,
                                 double sheet_height, GError **error);

G_END_DECLS
