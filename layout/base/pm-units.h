/* pm-units.h: lengths as people write them ("3mm", "9pt", "0.5in") in points. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses TEXT, a number followed by one of pt, mm, cm, in, into points (1/72 in). Returns
 * FALSE if TEXT is not such a length. */
gboolean pm_length_parse (const char *text, double *points);

G_END_DECLS
