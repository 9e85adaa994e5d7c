/* cmd-build.c: `pamphlet build`. */
#include "cli/pm-commands.h"

#include <stdio.h>

int
pm_cmd_build (int argc, char **argv)
{
  fprintf (stderr, "pamphlet build: not available in this version\n");
  return 2;
}
