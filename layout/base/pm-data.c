/* pm-data.c: finding data files next to the executable or where they were installed. */
#include "base/pm-data.h"

static char *
try_dir (const char *dir, const char *relative)
{
  char *path = g_build_filename (dir, relative, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;
  g_free (path);
  return NULL;
}

char *
pm_data_find (const char *relative)
{
  const char *env = g_getenv ("PAMPHLET_DATADIR");
  char *found = NULL;

  if (env && *env && (found = try_dir (env, relative)))
    return found;

  /* build/pamphlet, build/tests/x, build/sanitize/pamphlet, build/sanitize/tests/x: the
   * source tree is one to three levels above the executable's directory; look up to four. */
  char *exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe) {
    char *dir = g_path_get_dirname (exe);
    for (int up = 0; up < 4 && !found; up++) {
      char *parent = g_path_get_dirname (dir);
      g_free (dir);
      dir = parent;
      char *marker = g_build_filename (dir, "layout", "main.c", NULL);
      if (g_file_test (marker, G_FILE_TEST_EXISTS))
        found = try_dir (dir, relative);
      g_free (marker);
    }
    g_free (dir);
    /* Installed: PREFIX/bin/pamphlet beside PREFIX/share/pamphlet, wherever PREFIX ended up
     * (a DESTDIR staging tree, a moved install). */
    if (!found) {
      char *bindir = g_path_get_dirname (exe);
      char *share = g_canonicalize_filename ("../share/pamphlet", bindir);
      found = try_dir (share, relative);
      g_free (share);
      g_free (bindir);
    }
    g_free (exe);
  }
  if (!found)
    found = try_dir (PM_DATADIR, relative);
  return found;
}

char *
pm_data_find_beside_executable (const char *relative)
{
  char *exe = g_file_read_link ("/proc/self/exe", NULL);
  if (!exe)
    return NULL;
  char *dir = g_path_get_dirname (exe);
  char *found = try_dir (dir, relative);
  if (!found) {
    char *parent = g_path_get_dirname (dir);
    found = try_dir (parent, relative);
    g_free (parent);
  }
  g_free (dir);
  g_free (exe);
  return found;
}
