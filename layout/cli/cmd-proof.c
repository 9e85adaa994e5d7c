/* cmd-proof.c: `pamphlet proof`. */
#include "cli/pm-commands.h"

#include <stdio.h>

int
pm_cmd_proof (int argc, char **argv)
{
  fprintf (stderr, "pamphlet proof: not available in this version\n");
  return 2;
}
