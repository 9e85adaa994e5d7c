/* cmd-check.c: `pamphlet check`. */
#include "cli/pm-commands.h"

#include <stdio.h>

int
pm_cmd_check (int argc, char **argv)
{
  fprintf (stderr, "pamphlet check: not available in this version\n");
  return 2;
}
