/* pm-report.c: collecting build figures and writing them as JSON. */
#include "edition/pm-report.h"
#include "base/pm-error.h"
#include "base/pm-json.h"

#include <math.h>
#include <string.h>

struct _PmReport {
  GPtrArray *documents; /* PmDocumentReport * */
  GArray *times;        /* Stage */
  GPtrArray *warnings;  /* char * */
  guint pages;
};

typedef struct {
  char *stage;
  double seconds;
} Stage;

static void
document_free (PmDocumentReport *d)
{
  g_array_unref (d->line_figures);
  g_free (d->path);
  g_free (d->lang);
  g_free (d);
}

static void
stage_clear (Stage *s)
{
  g_free (s->stage);
}

PmReport *
pm_report_new (void)
{
  PmReport *r = g_new0 (PmReport, 1);
  r->documents = g_ptr_array_new_with_free_func ((GDestroyNotify)document_free);
  r->times = g_array_new (FALSE, TRUE, sizeof (Stage));
  g_array_set_clear_func (r->times, (GDestroyNotify)stage_clear);
  r->warnings = g_ptr_array_new_with_free_func (g_free);
  return r;
}

void
pm_report_free (PmReport *r)
{
  if (!r)
    return;
  g_ptr_array_unref (r->documents);
  g_array_unref (r->times);
  g_ptr_array_unref (r->warnings);
  g_free (r);
}

PmDocumentReport *
pm_report_add_document (PmReport *r, const char *path, const char *lang)
{
  PmDocumentReport *d = g_new0 (PmDocumentReport, 1);
  d->path = g_strdup (path);
  d->lang = g_strdup (lang);
  d->line_figures = g_array_new (FALSE, FALSE, sizeof (PmLineFigure));
  g_ptr_array_add (r->documents, d);
  return d;
}

guint
pm_report_get_n_documents (const PmReport *r)
{
  return r->documents->len;
}

PmDocumentReport *
pm_report_get_document (const PmReport *r, guint i)
{
  return g_ptr_array_index (r->documents, i);
}

void
pm_report_set_pages (PmReport *r, guint pages)
{
  r->pages = pages;
}

void
pm_report_add_time (PmReport *r, const char *stage, double seconds)
{
  for (guint i = 0; i < r->times->len; i++) {
    Stage *s = &g_array_index (r->times, Stage, i);
    if (!g_strcmp0 (s->stage, stage)) {
      s->seconds += seconds;
      return;
    }
  }
  Stage s = { g_strdup (stage), seconds };
  g_array_append_val (r->times, s);
}

void
pm_report_add_warning (PmReport *r, const char *message)
{
  g_ptr_array_add (r->warnings, g_strdup (message));
}

/* The counted fields of PmDocumentReport, written in this order. */
static const struct {
  const char *name;
  gsize offset;
} fields[] = {
#define FIELD(f)                                                                                   \
  {                                                                                                \
#f, G_STRUCT_OFFSET(PmDocumentReport, f)                                                       \
  }
  FIELD (pages),   FIELD (lines),    FIELD (hyphenated),     FIELD (loose),
  FIELD (tight),   FIELD (overfull), FIELD (max_hyphen_run), FIELD (widows),
  FIELD (orphans), FIELD (notes),    FIELD (notes_moved),    FIELD (missing_glyphs),
#undef FIELD
};

static guint *
field (PmDocumentReport *d, gsize i)
{
  return G_STRUCT_MEMBER_P (d, fields[i].offset);
}

static void
add_fields (PmJsonWriter *w, PmDocumentReport *d, gsize first)
{
  for (gsize i = first; i < G_N_ELEMENTS (fields); i++) {
    pm_json_writer_member (w, fields[i].name);
    pm_json_writer_int (w, *field (d, i));
  }
}

char *
pm_report_to_json (const PmReport *r)
{
  PmJsonWriter *w = pm_json_writer_new ();
  PmDocumentReport total = { 0 };
  pm_json_writer_begin_object (w);
  /* First, for pm_report_read_pages(). */
  pm_json_writer_member (w, "pages");
  pm_json_writer_int (w, r->pages);
  pm_json_writer_member (w, "documents");
  pm_json_writer_begin_array (w);
  for (guint i = 0; i < r->documents->len; i++) {
    PmDocumentReport *d = g_ptr_array_index (r->documents, i);
    pm_json_writer_begin_object (w);
    pm_json_writer_member (w, "path");
    pm_json_writer_string (w, d->path);
    pm_json_writer_member (w, "lang");
    pm_json_writer_string (w, d->lang);
    add_fields (w, d, 0);
    /* Every line: [page, adjustment ratio, hyphenated, overfull]. */
    pm_json_writer_member (w, "line_figures");
    pm_json_writer_begin_array (w);
    for (guint l = 0; l < d->line_figures->len; l++) {
      const PmLineFigure *lf = &g_array_index (d->line_figures, PmLineFigure, l);
      pm_json_writer_begin_array (w);
      pm_json_writer_int (w, lf->page);
      pm_json_writer_double (w, round (lf->ratio * 1000) / 1000);
      pm_json_writer_boolean (w, lf->hyphenated);
      pm_json_writer_boolean (w, lf->overfull);
      pm_json_writer_end_array (w);
    }
    pm_json_writer_end_array (w);
    pm_json_writer_end_object (w);
    for (gsize f = 0; f < G_N_ELEMENTS (fields); f++)
      *field (&total, f) = fields[f].offset == G_STRUCT_OFFSET (PmDocumentReport, max_hyphen_run)
                               ? MAX (*field (&total, f), *field (d, f))
                               : *field (&total, f) + *field (d, f);
  }
  pm_json_writer_end_array (w);

  /* Pages are counted once for the whole output, so the total leaves them out. */
  pm_json_writer_member (w, "total");
  pm_json_writer_begin_object (w);
  add_fields (w, &total, 1);
  pm_json_writer_end_object (w);

  pm_json_writer_member (w, "timings_ms");
  pm_json_writer_begin_object (w);
  for (guint i = 0; i < r->times->len; i++) {
    const Stage *s = &g_array_index (r->times, Stage, i);
    pm_json_writer_member (w, s->stage);
    pm_json_writer_double (w, s->seconds * 1000.0);
  }
  pm_json_writer_end_object (w);

  pm_json_writer_member (w, "warnings");
  pm_json_writer_begin_array (w);
  for (guint i = 0; i < r->warnings->len; i++)
    pm_json_writer_string (w, g_ptr_array_index (r->warnings, i));
  pm_json_writer_end_array (w);
  pm_json_writer_end_object (w);
  return pm_json_writer_finish (w);
}

gint64
pm_report_read_pages (const char *path)
{
  g_autofree char *text = NULL;
  if (!g_file_get_contents (path, &text, NULL, NULL))
    return -1;
  /* The report is ours: an object whose first member is "pages", a whole number. */
  const char *p = text;
  static const char *const tokens[] = { "{", "\"pages\"", ":" };
  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++) {
    while (g_ascii_isspace (*p))
      p++;
    if (!g_str_has_prefix (p, tokens[i]))
      return -1;
    p += strlen (tokens[i]);
  }
  while (g_ascii_isspace (*p))
    p++;
  if (!g_ascii_isdigit (*p))
    return -1;
  char *end;
  guint64 pages = g_ascii_strtoull (p, &end, 10);
  while (g_ascii_isspace (*end))
    end++;
  if ((*end != ',' && *end != '}') || pages > G_MAXINT32)
    return -1;
  return (gint64)pages;
}

gboolean
pm_report_write (const PmReport *r, const char *path, GError **error)
{
  g_autofree char *json = pm_report_to_json (r);
  GError *io = NULL;
  /* g_file_set_contents writes a temporary file and renames it. */
  if (!g_file_set_contents (path, json, -1, &io)) {
    g_set_error (error, PM_ERROR, PM_ERROR_IO, "%s: cannot write the report: %s", path,
                 io->message);
    g_error_free (io);
    return FALSE;
  }
  return TRUE;
}
