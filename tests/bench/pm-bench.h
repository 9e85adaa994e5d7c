/* pm-bench.h: what the benchmarks share: the corpus texts as the reader makes them. */
#pragma once

#include "corpus/pm-document.h"

#include <glib.h>

typedef struct {
  PmDocument *doc;
  const char *lang;      /* the document's */
  GPtrArray *paragraphs; /* const GPtrArray * of PmInline: every paragraph, heading, list
                          * item and footnote paragraph, in reading order */
  guint words;           /* words in them, split at white space */
} PmBenchText;

/* Reads the .md files of corpus/ (in the source tree), sorted by name. Elements are PmBenchText *;
 * freeing the array frees them. Prints a line saying how many files were read. */
GPtrArray *pm_bench_load_corpus (void);
