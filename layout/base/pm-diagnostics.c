/* pm-diagnostics.c: a list of located messages. */
#include "base/pm-diagnostics.h"
#include "base/pm-error.h"

#include <string.h>

struct _PmDiagnostics {
  GArray *items; /* PmDiagnostic */
};

static void
diagnostic_clear (gpointer p)
{
  PmDiagnostic *d = p;
  g_free (d->file);
  g_free (d->message);
}

PmDiagnostics *
pm_diagnostics_new (void)
{
  PmDiagnostics *diags = g_new0 (PmDiagnostics, 1);
  diags->items = g_array_new (FALSE, TRUE, sizeof (PmDiagnostic));
  g_array_set_clear_func (diags->items, diagnostic_clear);
  return diags;
}

void
pm_diagnostics_free (PmDiagnostics *diags)
{
  if (!diags)
    return;
  g_array_unref (diags->items);
  g_free (diags);
}

void
pm_diagnostics_add (PmDiagnostics *diags, PmSeverity severity, const char *file, guint line,
                    guint column, const char *format, ...)
{
  va_list ap;
  g_array_set_size (diags->items, diags->items->len + 1);
  PmDiagnostic *d = &g_array_index (diags->items, PmDiagnostic, diags->items->len - 1);
  d->file = g_strdup (file ? file : "<input>");
  d->line = line;
  d->column = column;
  d->severity = severity;
  va_start (ap, format);
  d->message = g_strdup_vprintf (format, ap);
  va_end (ap);
}

void
pm_diagnostics_append (PmDiagnostics *diags, const PmDiagnostics *from)
{
  for (guint i = 0; i < from->items->len; i++) {
    const PmDiagnostic *d = &g_array_index (from->items, PmDiagnostic, i);
    pm_diagnostics_add (diags, d->severity, d->file, d->line, d->column, "%s", d->message);
  }
}

guint
pm_diagnostics_length (const PmDiagnostics *diags)
{
  return diags->items->len;
}

const PmDiagnostic *
pm_diagnostics_get (const PmDiagnostics *diags, guint i)
{
  g_return_val_if_fail (i < diags->items->len, NULL);
  return &g_array_index (diags->items, PmDiagnostic, i);
}

guint
pm_diagnostics_count (const PmDiagnostics *diags, PmSeverity severity)
{
  guint n = 0;
  for (guint i = 0; i < diags->items->len; i++)
    if (g_array_index (diags->items, PmDiagnostic, i).severity == severity)
      n++;
  return n;
}

/* Sorting must be stable so that messages at one place keep their order; GArray's sort is
 * not guaranteed stable, so the original index breaks ties. */
typedef struct {
  PmDiagnostic d;
  guint index;
} Indexed;

static int
compare_indexed (gconstpointer a, gconstpointer b)
{
  const Indexed *x = a, *y = b;
  int c = strcmp (x->d.file, y->d.file);
  if (c)
    return c;
  if (x->d.line != y->d.line)
    return x->d.line < y->d.line ? -1 : 1;
  if (x->d.column != y->d.column)
    return x->d.column < y->d.column ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

void
pm_diagnostics_sort (PmDiagnostics *diags)
{
  guint n = diags->items->len;
  Indexed *tmp = g_new (Indexed, n ? n : 1);
  for (guint i = 0; i < n; i++) {
    tmp[i].d = g_array_index (diags->items, PmDiagnostic, i);
    tmp[i].index = i;
  }
  qsort (tmp, n, sizeof (Indexed), compare_indexed);
  for (guint i = 0; i < n; i++)
    g_array_index (diags->items, PmDiagnostic, i) = tmp[i].d;
  g_free (tmp);
}

char *
pm_diagnostic_format (const PmDiagnostic *d)
{
  const char *sev = d->severity == PM_SEVERITY_ERROR ? "error" : "warning";
  if (d->line == 0)
    return g_strdup_printf ("%s: %s: %s", d->file, sev, d->message);
  return g_strdup_printf ("%s:%u:%u: %s: %s", d->file, d->line, d->column ? d->column : 1, sev,
                          d->message);
}

void
pm_diagnostics_print (const PmDiagnostics *diags, FILE *out)
{
  for (guint i = 0; i < diags->items->len; i++) {
    char *s = pm_diagnostic_format (&g_array_index (diags->items, PmDiagnostic, i));
    fprintf (out, "%s\n", s);
    g_free (s);
  }
}

gboolean
pm_diagnostics_to_error (const PmDiagnostics *diags, GError **error)
{
  for (guint i = 0; i < diags->items->len; i++) {
    const PmDiagnostic *d = &g_array_index (diags->items, PmDiagnostic, i);
    if (d->severity == PM_SEVERITY_ERROR) {
      char *s = pm_diagnostic_format (d);
      g_set_error_literal (error, PM_ERROR, PM_ERROR_INPUT, s);
      g_free (s);
      return FALSE;
    }
  }
  return TRUE;
}
