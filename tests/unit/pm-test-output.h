/* pm-test-output.h: what the output tests share: recorded documents with numbered pages and
 * running the PDF tools (qpdf, poppler-utils) on what they write. */
#pragma once

#include "output/pm-recorded-doc.h"

/* A5 in points. */
#define PM_TEST_A5_WIDTH (148.0 * 72.0 / 25.4)
#define PM_TEST_A5_HEIGHT (210.0 * 72.0 / 25.4)

/* A document of N A5 pages with BLEED, each showing "Page K" (K from 1) in large type;
 * page 1 (the cover, no label) is filled with colour out to the bleed; the other pages are
 * labelled "K-1". */
PmRecordedDoc *pm_test_numbered_doc (guint n, double bleed);

/* Runs ARGV (a NULL-terminated command), asserts it exits 0, returns its standard output.
 * Free with g_free(). */
char *pm_test_run (const char *const *argv);

/* pdftotext of page PAGE (from 1) of PDF, optionally cropped to the rectangle in points
 * (W <= 0 for the whole page), whitespace collapsed to single spaces and trimmed. */
char *pm_test_pdf_text (const char *pdf, int page, double x, double y, double w, double h);

/* qpdf --json of PDF, as text. Free with g_free(). */
char *pm_test_qpdf_json (const char *pdf);

/* The page boxes of every page of PDF, read with qpdf --json, one line per box:
 * "PAGE KEY x0 y0 x1 y1" (pages from 1). Free with g_free(). */
char *pm_test_pdf_boxes (const char *pdf);

/* The box KEY ("/TrimBox", "/MediaBox", "/BleedBox") of page PAGE (from 1) in BOXES (from
 * pm_test_pdf_boxes()), into BOX[4]. */
void pm_test_pdf_box (const char *boxes, int page, const char *key, double box[4]);

/* Whether two files have the same bytes. */
gboolean pm_test_same_file (const char *a, const char *b);
