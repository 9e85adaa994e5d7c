/* main.c: the pamphlet command line; each subcommand lives in layout/cli/. */
#include "base/pm-data.h"
#include "cli/pm-commands.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

typedef struct {
  const char *name;
  int (*run) (int argc, char **argv);
  const char *synopsis;
} Command;

static const Command commands[] = {
  { "build", pm_cmd_build, "[--style FILE] [--report FILE.json] -o OUT.pdf CORPUS.md..." },
  { "editions", pm_cmd_editions, "[--jobs N] [--force] [MANIFEST]" },
  { "import", pm_cmd_import, "--lang TAG [--title T] RAW.txt [-o OUT.md]" },
  { "check", pm_cmd_check, "CORPUS.md..." },
  { "proof", pm_cmd_proof, "[--style FILE] -o DIR CORPUS.md..." },
};

static void
usage (FILE *out)
{
  fprintf (out, "usage:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  pamphlet %s %s\n", commands[i].name, commands[i].synopsis);
  fprintf (out, "  pamphlet --help | --version\n\n"
                "Typesets multilingual pamphlets: a booklet, leaflets and print-ready PDFs.\n"
                "Run 'pamphlet COMMAND --help' for a command's options; see pamphlet(1).\n");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  if (argc < 2) {
    usage (stderr);
    return 2;
  }
  if (!strcmp (argv[1], "--help") || !strcmp (argv[1], "-h") || !strcmp (argv[1], "help")) {
    usage (stdout);
    return 0;
  }
  if (!strcmp (argv[1], "--version")) {
    /* The data directory too: it tells where an installed pamphlet finds its fonts,
     * styles and hyphenation patterns. */
    char *conf = pm_data_find ("fonts/fonts.conf");
    char *fonts = conf ? g_path_get_dirname (conf) : NULL;
    char *dir = fonts ? g_path_get_dirname (fonts) : NULL;
    printf ("pamphlet %s\ndata directory: %s\n", PM_VERSION,
            dir ? dir : "none found (install pamphlet, or set PAMPHLET_DATADIR)");
    g_free (dir);
    g_free (fonts);
    g_free (conf);
    return 0;
  }
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (!strcmp (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);
  fprintf (stderr, "pamphlet: unknown command '%s'\n", argv[1]);
  usage (stderr);
  return 2;
}
