/* fuzz-hyphen.c: any bytes as a word, in any of the eight languages, under any minima; the
 * offsets must stay ascending, strictly inside the word and on character boundaries. */
#include <stdint.h>
#include <stdlib.h>

#include "paragraph/pm-hyphen.h"

static const char *const langs[] = { "el", "tr", "ru", "fr", "it", "en", "bg", "uk" };

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
const char *__asan_default_options (void);

/* libhyphen loses a few strings while it loads a dictionary (tests/lsan.supp names the
 * function); full stacks on malloc let that suppression see it, and only it. */
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* Loading a dictionary takes milliseconds: the fuzzer keeps them for the whole run. */
  static PmHyphenator *hyphenators[G_N_ELEMENTS (langs)];
  if (size < 2)
    return 0;
  guint which = data[0] % G_N_ELEMENTS (langs);
  if (!hyphenators[which] && !(hyphenators[which] = pm_hyphenator_new (langs[which], NULL)))
    return 0;
  PmHyphenRules rules;
  pm_hyphen_rules_init (&rules, langs[which]);
  rules.left_min = 1 + (data[1] & 3);
  rules.right_min = 1 + ((data[1] >> 2) & 3);
  rules.capitalised = (data[1] >> 4) & 1;
  rules.compound_parts = (data[1] >> 5) & 1;
  const char *word = (const char *)data + 2;
  gssize len = (gssize)size - 2;
  GArray *offsets = pm_hyphenator_hyphenate (hyphenators[which], word, len, &rules);
  int prev = 0;
  for (guint i = 0; i < offsets->len; i++) {
    int o = g_array_index (offsets, int, i);
    if (o <= prev || o >= len || ((guchar)word[o] & 0xC0) == 0x80)
      abort ();
    prev = o;
  }
  g_array_unref (offsets);
  return 0;
}
