/* cmd-editions.c: `pamphlet editions`. */
#include "cli/pm-commands.h"

#include <stdio.h>

int
pm_cmd_editions (int argc, char **argv)
{
  fprintf (stderr, "pamphlet editions: not available in this version\n");
  return 2;
}
