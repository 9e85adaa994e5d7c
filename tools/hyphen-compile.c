/* hyphen-compile: `make`'s step that precompiles hyphenation dictionaries.
 * Usage: hyphen-compile OUT_DIR DIC...  Each DIC's automaton goes into OUT_DIR
 * (pm_hyphen_compile); one that cannot be compiled is named on stderr and left to be parsed
 * at run time, as without this step. */
#include "paragraph/pm-hyphen.h"

#include <stdio.h>

int
main (int argc, char **argv)
{
  if (argc < 2) {
    fprintf (stderr, "usage: hyphen-compile OUT_DIR DIC...\n");
    return 2;
  }
  for (int i = 2; i < argc; i++) {
    GError *error = NULL;
    if (!pm_hyphen_compile (argv[i], argv[1], NULL, &error)) {
      fprintf (stderr, "hyphen-compile: %s: %s (it will be parsed when used)\n", argv[i],
               error->message);
      g_error_free (error);
    }
  }
  return 0;
}
