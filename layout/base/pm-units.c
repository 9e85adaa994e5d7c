/* pm-units.c: absolute lengths. */
#include "base/pm-units.h"

#include <math.h>
#include <string.h>

gboolean
pm_length_parse (const char *text, double *points)
{
  static const struct {
    const char *unit;
    double points;
  } units[] = { { "pt", 1.0 }, { "mm", 72.0 / 25.4 }, { "cm", 72.0 / 2.54 }, { "in", 72.0 } };
  char *end;
  if (!text || !*text)
    return FALSE;
  double v = g_ascii_strtod (text, &end);
  if (end == text || !isfinite (v))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (units); i++)
    if (!strcmp (end, units[i].unit)) {
      *points = v * units[i].points;
      return TRUE;
    }
  return FALSE;
}
