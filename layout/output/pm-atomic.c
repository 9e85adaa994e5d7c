/* pm-atomic.c: write to a temporary file beside the target, then rename. */
#include "output/pm-atomic.h"

#include "base/pm-error.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <glib/gstdio.h>
#include <unistd.h>

struct _PmAtomicFile {
  char *path;
  char *temp;
  gboolean committed;
};

char *
pm_atomic_temp_path (const char *path, GError **error)
{
  char *dir = g_path_get_dirname (path);
  char *base = g_path_get_basename (path);
  /* A leading dot keeps half-written files out of listings and globs such as *.pdf. */
  char *name = g_strdup_printf (".%s.XXXXXX", base);
  char *temp = g_build_filename (dir, name, NULL);
  g_free (dir);
  g_free (base);
  g_free (name);
  int fd = g_mkstemp_full (temp, O_RDWR, 0644);
  if (fd < 0) {
    int err = errno;
    g_set_error (error, PM_ERROR, PM_ERROR_IO, "%s: cannot create a temporary file: %s", path,
                 g_strerror (err));
    g_free (temp);
    return NULL;
  }
  close (fd);
  return temp;
}

PmAtomicFile *
pm_atomic_file_new (const char *path, GError **error)
{
  char *temp = pm_atomic_temp_path (path, error);
  if (!temp)
    return NULL;
  PmAtomicFile *file = g_new0 (PmAtomicFile, 1);
  file->path = g_strdup (path);
  file->temp = temp;
  return file;
}

const char *
pm_atomic_file_get_temp_path (const PmAtomicFile *file)
{
  return file->temp;
}

gboolean
pm_atomic_file_commit (PmAtomicFile *file, GError **error)
{
  g_return_val_if_fail (!file->committed, FALSE);
  /* fsync first: after a crash the rename must not point at data still in the cache. */
  int fd = g_open (file->temp, O_RDONLY, 0);
  if (fd < 0 || fsync (fd) != 0) {
    int err = errno;
    if (fd >= 0)
      close (fd);
    g_set_error (error, PM_ERROR, PM_ERROR_IO, "%s: %s", file->path, g_strerror (err));
    return FALSE;
  }
  close (fd);
  if (g_rename (file->temp, file->path) != 0) {
    int err = errno;
    g_set_error (error, PM_ERROR, PM_ERROR_IO, "%s: cannot rename %s: %s", file->path, file->temp,
                 g_strerror (err));
    return FALSE;
  }
  file->committed = TRUE;
  return TRUE;
}

void
pm_atomic_file_free (PmAtomicFile *file)
{
  if (!file)
    return;
  if (!file->committed)
    g_unlink (file->temp);
  g_free (file->path);
  g_free (file->temp);
  g_free (file);
}

guint
pm_atomic_remove_stale (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  GDir *d = g_dir_open (dir, 0, NULL);
  guint removed = 0;
  if (!d)
    return 0;
  for (const char *name; (name = g_dir_read_name (d));) {
    /* Exactly the names pm_atomic_temp_path() makes: the prefix and six characters. */
    if (g_str_has_prefix (name, prefix) && strlen (name) == strlen (prefix) + 6) {
      g_autofree char *full = g_build_filename (dir, name, NULL);
      if (g_unlink (full) == 0)
        removed++;
    }
  }
  g_dir_close (d);
  return removed;
}
