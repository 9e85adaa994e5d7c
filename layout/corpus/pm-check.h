/* pm-check.h: `pamphlet check`: what in a corpus file would go wrong in print.
 *
 * The reader refuses what it cannot read; the checks here find what it can read but the
 * typesetter would get wrong or drop: notes without text or never referred to, an empty
 * document, a missing image, a heading level skipped. */
#pragma once

#include <glib.h>

#include "base/pm-diagnostics.h"
#include "corpus/pm-document.h"

G_BEGIN_DECLS

/* Adds to DIAGS an error or warning, located in DOC's file, for every problem of DOC. */
void pm_check_document (const PmDocument *doc, PmDiagnostics *diags);

/* As pm_check_document(), but an image file that is not there is no error: the
 * typesetter warns and sets a framed placeholder in its place (a proof can go on). */
void pm_check_document_for_build (const PmDocument *doc, PmDiagnostics *diags);

/* Reads the file at PATH and checks it. Returns TRUE if DIAGS gained no error. */
gboolean pm_check_file (const char *path, PmDiagnostics *diags);

G_END_DECLS
