/* cmd-import.c: `pamphlet import`. */
#include "cli/pm-commands.h"

#include <stdio.h>

int
pm_cmd_import (int argc, char **argv)
{
  fprintf (stderr, "pamphlet import: not available in this version\n");
  return 2;
}
