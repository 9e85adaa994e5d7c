/* pm-test.c: what the unit tests share. */
#include "pm-test.h"

#include <glib/gstdio.h>
#include <stdlib.h>

const char *
pm_test_source_dir (void)
{
  const char *dir = g_getenv ("PM_SOURCE_DIR");
  return dir ? dir : ".";
}

char *
pm_test_source_path (const char *relative)
{
  return g_build_filename (pm_test_source_dir (), relative, NULL);
}

static char *tmpdir;

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  if (dir) {
    const char *name;
    while ((name = g_dir_read_name (dir))) {
      char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
      g_free (child);
    }
    g_dir_close (dir);
  }
  g_rmdir (path);
}

static void
remove_tmpdir (void)
{
  if (tmpdir)
    remove_tree (tmpdir);
  g_free (tmpdir);
  tmpdir = NULL;
}

const char *
pm_test_tmpdir (void)
{
  if (!tmpdir) {
    tmpdir = g_dir_make_tmp ("pamphlet-test-XXXXXX", NULL);
    g_assert_nonnull (tmpdir);
    atexit (remove_tmpdir);
  }
  return tmpdir;
}

char *
pm_test_write_file (const char *name, const char *contents, gssize len)
{
  char *path = g_build_filename (pm_test_tmpdir (), name, NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (g_file_set_contents (path, contents, len, &error));
  return path;
}
