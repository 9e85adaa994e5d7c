/* pm-commands.h: the subcommands of the command line, one file each in layout/cli/.
 *
 * Each takes the arguments after the subcommand's name (argv[0] is the subcommand) and
 * returns the process's exit status: 0 success, 1 bad input, 2 bad usage. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int pm_cmd_build (int argc, char **argv);
int pm_cmd_editions (int argc, char **argv);
int pm_cmd_import (int argc, char **argv);
int pm_cmd_check (int argc, char **argv);
int pm_cmd_proof (int argc, char **argv);

/* Prints ERROR to stderr as `pamphlet: message` and returns the exit status its code
 * calls for (2 for PM_ERROR_USAGE, 1 otherwise). Frees ERROR. */
int pm_cmd_fail (GError *error);

/* Parses OPTIONS out of ARGV with GOptionContext; on a usage error prints it with the
 * subcommand's help hint and returns FALSE. */
gboolean pm_cmd_parse (const char *name, const char *params, const char *summary,
                       GOptionEntry *options, int *argc, char ***argv);

G_END_DECLS
