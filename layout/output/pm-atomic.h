/* pm-atomic.h: files written under a temporary name in the target's directory and renamed
 * into place, so that a failed or interrupted build never leaves a broken file where a good
 * one was. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PmAtomicFile PmAtomicFile;

/* Creates an empty temporary file next to PATH (same directory, so the final rename is
 * atomic) and returns its path, or NULL with PM_ERROR_IO. Free with g_free(). */
char *pm_atomic_temp_path (const char *path, GError **error);

/* Starts writing PATH: a temporary file is created beside it; write to
 * pm_atomic_file_get_temp_path(), then commit. NULL with PM_ERROR_IO on failure. */
PmAtomicFile *pm_atomic_file_new (const char *path, GError **error);

/* The temporary file to write. */
const char *pm_atomic_file_get_temp_path (const PmAtomicFile *file);

/* Flushes the temporary file to disk and renames it to the final path. */
gboolean pm_atomic_file_commit (PmAtomicFile *file, GError **error);

/* Frees FILE, removing the temporary file unless it was committed. NULL is allowed. */
void pm_atomic_file_free (PmAtomicFile *file);

/* Removes the temporary files a writer of PATH killed before its rename left beside it
 * (.NAME.XXXXXX). Returns how many were removed. */
guint pm_atomic_remove_stale (const char *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmAtomicFile, pm_atomic_file_free)

G_END_DECLS
