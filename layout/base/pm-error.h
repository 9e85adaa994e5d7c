/* pm-error.h: the error domain every pamphlet module reports in. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PM_ERROR (pm_error_quark ())

/* What went wrong, which also decides the exit status of the command line. */
typedef enum {
  PM_ERROR_INPUT,   /* bad input: the message names file:line:column (exit 1) */
  PM_ERROR_USAGE,   /* bad command line (exit 2) */
  PM_ERROR_IO,      /* a file could not be read or written (exit 1) */
  PM_ERROR_FONT,    /* no declared font can show a character, or fonts are missing (exit 1) */
  PM_ERROR_INTERNAL /* a library failed in a way the input does not explain (exit 1) */
} PmErrorCode;

/* The GQuark of the PM_ERROR domain. */
GQuark pm_error_quark (void);

G_END_DECLS
