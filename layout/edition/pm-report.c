/* pm-report.c: collecting build figures and writing them as JSON with json-glib. */
#include "edition/pm-report.h"
#include "base/pm-error.h"

#include <json-glib/json-glib.h>
#include <math.h>

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
add_fields (JsonBuilder *b, PmDocumentReport *d, gsize first)
{
  for (gsize i = first; i < G_N_ELEMENTS (fields); i++) {
    json_builder_set_member_name (b, fields[i].name);
    json_builder_add_int_value (b, *field (d, i));
  }
}

char *
pm_report_to_json (const PmReport *r)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  PmDocumentReport total = { 0 };
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "pages");
  json_builder_add_int_value (b, r->pages);
  json_builder_set_member_name (b, "documents");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->documents->len; i++) {
    PmDocumentReport *d = g_ptr_array_index (r->documents, i);
    json_builder_begin_object (b);
    json_builder_set_member_name (b, "path");
    json_builder_add_string_value (b, d->path);
    json_builder_set_member_name (b, "lang");
    json_builder_add_string_value (b, d->lang);
    add_fields (b, d, 0);
    /* Every line: [page, adjustment ratio, hyphenated, overfull]. */
    json_builder_set_member_name (b, "line_figures");
    json_builder_begin_array (b);
    for (guint l = 0; l < d->line_figures->len; l++) {
      const PmLineFigure *lf = &g_array_index (d->line_figures, PmLineFigure, l);
      json_builder_begin_array (b);
      json_builder_add_int_value (b, lf->page);
      json_builder_add_double_value (b, round (lf->ratio * 1000) / 1000);
      json_builder_add_boolean_value (b, lf->hyphenated);
      json_builder_add_boolean_value (b, lf->overfull);
      json_builder_end_array (b);
    }
    json_builder_end_array (b);
    json_builder_end_object (b);
    for (gsize f = 0; f < G_N_ELEMENTS (fields); f++)
      *field (&total, f) = fields[f].offset == G_STRUCT_OFFSET (PmDocumentReport, max_hyphen_run)
                               ? MAX (*field (&total, f), *field (d, f))
                               : *field (&total, f) + *field (d, f);
  }
  json_builder_end_array (b);

  /* Pages are counted once for the whole output, so the total leaves them out. */
  json_builder_set_member_name (b, "total");
  json_builder_begin_object (b);
  add_fields (b, &total, 1);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "timings_ms");
  json_builder_begin_object (b);
  for (guint i = 0; i < r->times->len; i++) {
    const Stage *s = &g_array_index (r->times, Stage, i);
    json_builder_set_member_name (b, s->stage);
    json_builder_add_double_value (b, s->seconds * 1000.0);
  }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->warnings->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (r->warnings, i));
  json_builder_end_array (b);
  json_builder_end_object (b);

  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
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
