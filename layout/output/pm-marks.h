/* pm-marks.h: print options (bleed, crop marks, PDF/X) and the crop marks drawn outside the
 * bleed at the corners of the trim. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* How a PDF is prepared for a print shop. All lengths in points. */
typedef struct {
  double bleed;            /* shown around the trim on every side (BleedBox) */
  gboolean crop_marks;     /* marks outside the bleed at the trim corners */
  gboolean pdfx;           /* PDF/X-3 through Ghostscript, CMYK, FOGRA39 output intent */
  const char *icc_profile; /* PDF/X output profile; NULL for styles/pdfx/ in the data dir */
} PmPrintOptions;

/* Distance of a crop mark from the trim beyond the bleed, its length and line width. */
#define PM_MARK_GAP (72.0 / 25.4 * 1.0)
#define PM_MARK_LENGTH (72.0 / 25.4 * 5.0)
#define PM_MARK_LINE_WIDTH 0.25

/* One mark: a line from (x0, y0) to (x1, y1) in trim coordinates (origin top-left). */
typedef struct {
  double x0, y0, x1, y1;
} PmMarkLine;

/* The distance from the trim to the edge of the sheet (MediaBox) that PRINT needs: the bleed,
 * plus room for crop marks when asked. 0 when PRINT is NULL. */
double pm_marks_margin (const PmPrintOptions *print);

/* The eight crop mark lines around a trimmed page WIDTH x HEIGHT, into LINES. */
void pm_marks_lines (const PmPrintOptions *print, double width, double height, PmMarkLine lines[8]);

/* Draws the crop marks on CR, whose origin is the trim's top-left corner; nothing unless
 * PRINT asks for crop marks. */
void pm_marks_draw (cairo_t *cr, const PmPrintOptions *print, double width, double height);

G_END_DECLS
