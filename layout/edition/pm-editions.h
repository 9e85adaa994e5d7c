/* pm-editions.h: building every edition of a manifest, in parallel, only what changed.
 *
 * Each edition is built by running `pamphlet build` as a child process, so that one broken
 * input fails only its editions and the others still build. A build lists the files it read
 * (--deps); after a good build their sizes, modification times and SHA-256 sums are kept
 * in OUTPUT_DIR/.state/NAME.state with a hash of the build's arguments. An edition is up to
 * date when its PDF exists, the arguments are the same and every file it read has the same
 * content (the size and time are compared first, the sum only when they differ). */
#pragma once

#include "edition/pm-manifest.h"

#include <stdio.h>

G_BEGIN_DECLS

typedef struct {
  int jobs;            /* builds at once; 0 or less: the number of processors */
  gboolean force;      /* build every edition even if up to date */
  const char *program; /* the pamphlet executable that runs `build` */
  FILE *progress;      /* one line per edition (name, pages, time), or NULL */
  char **only;         /* NULL-terminated names to build, or NULL for all */
} PmEditionsOptions;

typedef struct {
  guint built;
  guint up_to_date;
  guint failed;
} PmEditionsResult;

/* Builds the editions of MANIFEST. Returns FALSE if any failed (each failure is described
 * on the progress stream; ERROR says how many) or if the state directory cannot be made. */
gboolean pm_editions_run (const PmManifest *manifest, const PmEditionsOptions *options,
                          PmEditionsResult *result, GError **error);

G_END_DECLS
