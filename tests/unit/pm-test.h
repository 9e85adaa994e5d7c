/* pm-test.h: what the unit tests share. */
#pragma once

#include <glib.h>

/* The source tree's root (tests run from it; PM_SOURCE_DIR overrides). */
const char *pm_test_source_dir (void);

/* A path inside the source tree. Free with g_free(). */
char *pm_test_source_path (const char *relative);

/* A fresh temporary directory, removed when the test program exits. */
const char *pm_test_tmpdir (void);

/* Writes CONTENTS (LEN bytes, or a NUL-terminated string if LEN < 0) to NAME in the
 * temporary directory and returns the path. Free with g_free(). */
char *pm_test_write_file (const char *name, const char *contents, gssize len);
