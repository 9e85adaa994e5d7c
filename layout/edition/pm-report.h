/* pm-report.h: what a build measured, written by `pamphlet build --report FILE.json`.
 *
 * One entry per corpus document (pages, lines, the paragraph figures by Knuth–Plass
 * adjustment ratio, widows, orphans, notes off their reference's page, missing glyphs), the
 * totals, and the time spent in each stage of the pipeline. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *path; /* the corpus file */
  char *lang;
  guint pages; /* pages its section spans */
  guint lines;
  guint hyphenated;     /* lines ending in an added hyphen */
  guint loose;          /* lines with adjustment ratio > 1 */
  guint tight;          /* lines with adjustment ratio < -0.5 */
  guint overfull;       /* lines wider than the measure */
  guint max_hyphen_run; /* longest run of consecutive hyphenated lines */
  guint widows;
  guint orphans;
  guint notes;
  guint notes_moved; /* notes whose body does not start on the page of their mark */
  guint missing_glyphs;
  GArray *line_figures; /* PmLineFigure, one per body or note line in page order */
} PmDocumentReport;

/* One set line as the paragraph engine reports it. */
typedef struct {
  guint page;          /* from 1 */
  double ratio;        /* Knuth–Plass adjustment ratio: < 0 shrunk, > 0 stretched */
  gboolean hyphenated; /* ends in an added hyphen */
  gboolean overfull;   /* wider than the measure */
} PmLineFigure;

typedef struct _PmReport PmReport;

/* An empty report. */
PmReport *pm_report_new (void);

/* Frees a report. NULL is allowed. */
void pm_report_free (PmReport *report);

/* A new entry for the document at PATH in LANG, owned by the report; fill its fields. */
PmDocumentReport *pm_report_add_document (PmReport *report, const char *path, const char *lang);

/* The entries, in order of adding. */
guint pm_report_get_n_documents (const PmReport *report);
PmDocumentReport *pm_report_get_document (const PmReport *report, guint i);

/* Sets the total page count of the output. */
void pm_report_set_pages (PmReport *report, guint pages);

/* Adds SECONDS to the time of STAGE (read, paragraphs, pages, render, write, …); stages
 * keep the order they were first named in. */
void pm_report_add_time (PmReport *report, const char *stage, double seconds);

/* Notes a warning the build gave (kept as text in the report). */
void pm_report_add_warning (PmReport *report, const char *message);

/* The report as JSON text. Free with g_free(). */
char *pm_report_to_json (const PmReport *report);

/* Writes the report as JSON to PATH (through a temporary file and a rename). */
gboolean pm_report_write (const PmReport *report, const char *path, GError **error);

/* The page count of the report written to PATH (its first member), or -1 if the file cannot
 * be read or does not start as pm_report_to_json() starts a report. */
gint64 pm_report_read_pages (const char *path);

G_END_DECLS
