/* cmd-check.c: `pamphlet check`: every problem of every file, sorted, on stderr. */
#include "cli/pm-commands.h"
#include "corpus/pm-check.h"

#include <stdio.h>

int
pm_cmd_check (int argc, char **argv)
{
  GOptionEntry options[] = { G_OPTION_ENTRY_NULL };
  if (!pm_cmd_parse ("check", "CORPUS.md...",
                     "Reports every problem of the corpus files as file:line:column: "
                     "error|warning: what, and what to do. Writes nothing.",
                     options, &argc, &argv))
    return 2;
  if (argc < 2) {
    fprintf (stderr, "pamphlet check: no files given\nTry 'pamphlet check --help'.\n");
    return 2;
  }
  PmDiagnostics *diags = pm_diagnostics_new ();
  for (int i = 1; i < argc; i++)
    pm_check_file (argv[i], diags);
  pm_diagnostics_sort (diags);
  pm_diagnostics_print (diags, stderr);
  int status = pm_diagnostics_count (diags, PM_SEVERITY_ERROR) > 0 ? 1 : 0;
  pm_diagnostics_free (diags);
  return status;
}
