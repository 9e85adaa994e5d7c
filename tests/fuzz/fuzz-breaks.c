/* fuzz-breaks.c: libFuzzer target for Unicode line breaking. The input, made valid UTF-8, must
 * get an answer for every position that keeps the rules no context can override: no break at
 * the start (LB2), one at the end (LB3), one after a line end (LB4, LB5), none before a space
 * or line end (LB6, LB7); and a buffer longer than the text keeps its extra entries. */
#include "paragraph/pm-breaks.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *text = g_utf8_make_valid ((const char *)data, (gssize)size);
  gsize n = (gsize)g_utf8_strlen (text, -1);
  PmBreakOpportunity *b = g_new (PmBreakOpportunity, n + 2);
  b[n + 1] = (PmBreakOpportunity)99;
  pm_breaks_find (text, -1, b, n + 2);
  if (b[n + 1] != (PmBreakOpportunity)99 || b[n] != PM_BREAK_MANDATORY)
    __builtin_trap ();
  gunichar prev = 0;
  gsize i = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p), i++) {
    gunichar c = g_utf8_get_char (p);
    GUnicodeBreakType t = g_unichar_break_type (c);
    if (i == 0 && b[i] != PM_BREAK_NONE)
      __builtin_trap ();
    gboolean line_end = prev == '\n' || prev == 0x0B || prev == 0x0C || prev == 0x85 ||
                        prev == 0x2028 || prev == 0x2029 || (prev == '\r' && c != '\n');
    if (i > 0 && line_end && b[i] != PM_BREAK_MANDATORY)
      __builtin_trap ();
    if (!line_end && b[i] == PM_BREAK_MANDATORY)
      __builtin_trap ();
    if (!line_end &&
        (t == G_UNICODE_BREAK_SPACE || t == G_UNICODE_BREAK_ZERO_WIDTH_SPACE ||
         t == G_UNICODE_BREAK_MANDATORY || t == G_UNICODE_BREAK_LINE_FEED ||
         t == G_UNICODE_BREAK_CARRIAGE_RETURN || t == G_UNICODE_BREAK_NEXT_LINE) &&
        b[i] != PM_BREAK_NONE)
      __builtin_trap ();
    prev = c;
  }
  g_free (b);
  g_free (text);
  return 0;
}
