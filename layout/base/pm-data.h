/* pm-data.h: finding pamphlet's data files (fonts/, styles/, hyphen/).
 *
 * The same binary runs from the source tree (build/pamphlet, the tests in build/tests/) and
 * installed (PREFIX/bin/pamphlet with PREFIX/share/pamphlet), so data is looked up in order:
 * $PAMPHLET_DATADIR, the source tree the running executable was built in, share/pamphlet
 * beside the executable's bin/, PM_DATADIR (PREFIX/share/pamphlet of the build). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The full path of RELATIVE (such as "fonts/fonts.conf") in the first data directory that
 * has it, or NULL if none has. Free with g_free(). */
char *pm_data_find (const char *relative);

/* The full path of RELATIVE in the running executable's directory or the one above it (where
 * `make` puts what it generates: build/ for build/pamphlet and build/tests/x), or NULL. Free
 * with g_free(). */
char *pm_data_find_beside_executable (const char *relative);

G_END_DECLS
