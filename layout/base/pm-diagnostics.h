/* pm-diagnostics.h: warnings and errors about input, each with its place in a file.
 *
 * Checks keep going after the first problem so that a user sees every problem at once;
 * they add to a PmDiagnostics and the caller prints it as `file:line:column: error: …`. */
#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

typedef enum {
  PM_SEVERITY_WARNING,
  PM_SEVERITY_ERROR
} PmSeverity;

/* One message. line and column count from 1; 0 means "the whole file". */
typedef struct {
  char *file;
  guint line;
  guint column;
  PmSeverity severity;
  char *message;
} PmDiagnostic;

typedef struct _PmDiagnostics PmDiagnostics;

/* An empty list of diagnostics. */
PmDiagnostics *pm_diagnostics_new (void);

/* Frees the list and every message in it. NULL is allowed. */
void pm_diagnostics_free (PmDiagnostics *diags);

/* Adds a message about FILE at LINE:COLUMN. */
void pm_diagnostics_add (PmDiagnostics *diags, PmSeverity severity, const char *file, guint line,
                         guint column, const char *format, ...) G_GNUC_PRINTF (6, 7);

/* Adds a copy of every message of FROM, in order, to DIAGS. */
void pm_diagnostics_append (PmDiagnostics *diags, const PmDiagnostics *from);

/* Number of messages in the list. */
guint pm_diagnostics_length (const PmDiagnostics *diags);

/* The I-th message, in the order they were added. */
const PmDiagnostic *pm_diagnostics_get (const PmDiagnostics *diags, guint i);

/* Number of messages of SEVERITY. */
guint pm_diagnostics_count (const PmDiagnostics *diags, PmSeverity severity);

/* Sorts messages by file, line and column, keeping the order of messages at one place. */
void pm_diagnostics_sort (PmDiagnostics *diags);

/* Formats one message as `file:line:column: error: message`. Free with g_free(). */
char *pm_diagnostic_format (const PmDiagnostic *diag);

/* Writes every message, one per line, to OUT. */
void pm_diagnostics_print (const PmDiagnostics *diags, FILE *out);

/* Sets ERROR (PM_ERROR_INPUT) to the first error message, if there is one, and returns
 * TRUE if there was none. */
gboolean pm_diagnostics_to_error (const PmDiagnostics *diags, GError **error);

G_END_DECLS
