/* pm-commands.h: the subcommands of the command line, one file each in layout/cli/.
 *
 * Each takes the arguments after the subcommand's name (argv[0] is the subcommand) and
 * returns the process's exit status: 0 success, 1 bad input, 2 bad usage. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `pamphlet build`: typesets corpus files into one PDF (booklet or leaflet). */
int pm_cmd_build (int argc, char **argv);
/* `pamphlet editions`: builds the editions a manifest lists, only those out of date. */
int pm_cmd_editions (int argc, char **argv);
/* `pamphlet import`: turns raw pasted text into a corpus Markdown file. */
int pm_cmd_import (int argc, char **argv);
/* `pamphlet check`: checks corpus files and prints file:line:column messages. */
int pm_cmd_check (int argc, char **argv);
/* `pamphlet proof`: writes every page as a PNG and a contact sheet. */
int pm_cmd_proof (int argc, char **argv);

/* Prints ERROR to stderr as `pamphlet: message` and returns the exit status its code
 * calls for (2 for PM_ERROR_USAGE, 1 otherwise). Frees ERROR. */
int pm_cmd_fail (GError *error);

/* Parses OPTIONS out of ARGV with GOptionContext; on a usage error prints it with the
 * subcommand's help hint and returns FALSE. */
gboolean pm_cmd_parse (const char *name, const char *params, const char *summary,
                       GOptionEntry *options, int *argc, char ***argv);

G_END_DECLS
