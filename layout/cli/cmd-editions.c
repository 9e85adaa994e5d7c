/* cmd-editions.c: `pamphlet editions`, every edition of a manifest. */
#include "base/pm-error.h"
#include "cli/pm-commands.h"
#include "edition/pm-editions.h"

#include <stdio.h>

int
pm_cmd_editions (int argc, char **argv)
{
  int jobs = 0;
  gboolean force = FALSE;
  g_auto (GStrv) only = NULL;
  GOptionEntry options[] = {
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "Build N editions at once (default: processors)",
      "N" },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, "Rebuild every edition, even if up to date",
      NULL },
    { "only", 0, 0, G_OPTION_ARG_STRING_ARRAY, &only, "Build only the edition NAME (repeatable)",
      "NAME" },
    G_OPTION_ENTRY_NULL,
  };
  if (!pm_cmd_parse ("editions", "[MANIFEST]",
                     "Builds every edition named in MANIFEST (default corpus/editions.yaml), in "
                     "parallel,\nrebuilding only those whose inputs, style, fonts or program "
                     "changed.",
                     options, &argc, &argv))
    return 2;
  if (argc > 2 || jobs < 0) {
    fprintf (stderr, "pamphlet editions: give one manifest at most and --jobs 1 or more\n");
    return 2;
  }
  const char *path = argc == 2 ? argv[1] : "corpus/editions.yaml";
  GError *error = NULL;
  g_autoptr (PmManifest) manifest = pm_manifest_load (path, &error);
  if (!manifest)
    return pm_cmd_fail (error);
  g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);
  PmEditionsOptions opts = {
    .jobs = jobs, .force = force, .program = program, .progress = stdout, .only = only
  };
  PmEditionsResult result;
  if (!pm_editions_run (manifest, &opts, &result, &error))
    return pm_cmd_fail (error);
  return 0;
}
