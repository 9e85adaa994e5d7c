/* pm-error.c: the PM_ERROR domain. */
#include "base/pm-error.h"

GQuark
pm_error_quark (void)
{
  return g_quark_from_static_string ("pm-error-quark");
}
