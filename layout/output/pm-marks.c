/* pm-marks.c: crop marks outside the bleed. */
#include "output/pm-marks.h"

double
pm_marks_margin (const PmPrintOptions *print)
{
  if (!print)
    return 0;
  double margin = MAX (print->bleed, 0.0);
  /* Room for the gap, the mark and as much again as the gap, so the mark is not at the edge. */
  if (print->crop_marks)
    margin += 2 * PM_MARK_GAP + PM_MARK_LENGTH;
  return margin;
}

void
pm_marks_lines (const PmPrintOptions *print, double width, double height, PmMarkLine lines[8])
{
  /* Marks start beyond the bleed so that they never print on the trimmed page even when
   * the cut is off by up to the bleed. */
  double near = MAX (print->bleed, 0.0) + PM_MARK_GAP;
  double far = near + PM_MARK_LENGTH;
  double xs[2] = { 0, width }, ys[2] = { 0, height };
  int n = 0;
  for (int i = 0; i < 2; i++) {
    for (int j = 0; j < 2; j++) {
      double x = xs[i], y = ys[j];
      double sx = i ? 1 : -1, sy = j ? 1 : -1;
      /* Horizontal mark on the line of the horizontal trim edge, outside the page. */
      lines[n++] = (PmMarkLine){ x + sx * near, y, x + sx * far, y };
      /* Vertical mark on the line of the vertical trim edge. */
      lines[n++] = (PmMarkLine){ x, y + sy * near, x, y + sy * far };
    }
  }
}

void
pm_marks_draw (cairo_t *cr, const PmPrintOptions *print, double width, double height)
{
  if (!print || !print->crop_marks)
    return;
  PmMarkLine lines[8];
  pm_marks_lines (print, width, height, lines);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, PM_MARK_LINE_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (int i = 0; i < 8; i++) {
    cairo_move_to (cr, lines[i].x0, lines[i].y0);
    cairo_line_to (cr, lines[i].x1, lines[i].y1);
  }
  cairo_stroke (cr);
  cairo_restore (cr);
}
