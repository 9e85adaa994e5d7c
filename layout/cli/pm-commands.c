/* pm-commands.c: what the subcommands share: option parsing and error reporting. */
#include "cli/pm-commands.h"
#include "base/pm-error.h"

#include <stdio.h>

int
pm_cmd_fail (GError *error)
{
  int status = error->domain == PM_ERROR && error->code == PM_ERROR_USAGE ? 2 : 1;
  fprintf (stderr, "pamphlet: %s\n", error->message);
  g_error_free (error);
  return status;
}

gboolean
pm_cmd_parse (const char *name, const char *params, const char *summary, GOptionEntry *options,
              int *argc, char ***argv)
{
  /* GOption prints "PRGNAME [OPTION…] PARAMS": make that "pamphlet NAME [OPTION…] PARAMS". */
  char *prgname = g_strdup_printf ("pamphlet %s", name);
  g_set_prgname (prgname);
  GOptionContext *ctx = g_option_context_new (params);
  GError *error = NULL;
  gboolean ok;

  g_option_context_set_summary (ctx, summary);
  g_option_context_add_main_entries (ctx, options, NULL);
  ok = g_option_context_parse (ctx, argc, argv, &error);
  if (!ok) {
    fprintf (stderr, "pamphlet %s: %s\nTry 'pamphlet %s --help'.\n", name, error->message, name);
    g_error_free (error);
  }
  g_option_context_free (ctx);
  g_free (prgname);
  return ok;
}
