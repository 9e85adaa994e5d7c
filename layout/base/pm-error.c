/* pm-error.c: the PM_ERROR domain. */
#include "base/pm-error.h"

G_DEFINE_QUARK (pm-error-quark, pm_error)
