/* fuzz-linebreak.c: libFuzzer target for the line breaker. The input is read as parameters
 * then items, 4 bytes each; every result must cover the paragraph in order, end at its final
 * break, and agree with its own reported totals. */
#include "paragraph/pm-linebreak.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static int
next_byte (const uint8_t **data, size_t *size)
{
  if (*size == 0)
    return 0;
  (*size)--;
  return *(*data)++;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  PmLineBreakParams p;
  pm_line_break_params_init (&p);
  double widths[4], indents[2] = { 0, 5 };
  p.tolerance = next_byte (&data, &size) * 40;
  p.pretolerance = (int)next_byte (&data, &size) * 40 - 1000;
  p.line_penalty = next_byte (&data, &size) - 50;
  p.adj_demerits = next_byte (&data, &size) * 100;
  p.looseness = next_byte (&data, &size) % 7 - 3;
  p.emergency_stretch = next_byte (&data, &size) % 4 * 5;
  p.max_hyphen_run = (guint)next_byte (&data, &size) % 4;
  guint nw = next_byte (&data, &size) % 5;
  for (guint i = 0; i < nw; i++)
    widths[i] = next_byte (&data, &size);
  p.line_widths = widths;
  p.n_line_widths = nw;
  p.width = 60;
  p.line_indents = indents;
  p.n_line_indents = 2;

  GArray *items = g_array_new (FALSE, FALSE, sizeof (PmItem));
  while (size >= 4 && items->len < 4000) {
    int kind = next_byte (&data, &size);
    int a = next_byte (&data, &size), c = next_byte (&data, &size), d = next_byte (&data, &size);
    PmItem it = { 0 };
    switch (kind % 3) {
      case 0:
        it.type = PM_ITEM_BOX;
        it.width = a / 4.0 - (kind & 0x80 ? 8 : 0);          /* negative widths too (kerns) */
        it.stretch = it.shrink = kind & 0x40 ? c / 64.0 : 0; /* font expansion */
        break;
      case 1:
        it.type = PM_ITEM_GLUE;
        it.width = a / 8.0;
        it.stretch = c / 16.0;
        it.shrink = d / 32.0;
        it.stretch_order = (kind >> 2) % 4 == 3 ? 1 : 0;
        if (kind & 0x80)
          it.width = NAN;
        break;
      default:
        it.type = PM_ITEM_PENALTY;
        it.width = a / 16.0;
        it.penalty = (c - 128) * 100;
        it.flagged = d & 1;
        it.automatic = (d >> 1) & 1;
        break;
    }
    g_array_append_val (items, it);
  }
  PmLineBreaker *b = pm_line_breaker_new ();
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (PmBreak));
  PmLineBreakInfo info;
  gboolean ok = pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, breaks, &info);
  guint n = items->len;
  if (n == 0) {
    if (!ok || breaks->len != 0)
      abort ();
  } else {
    const PmItem *last = &g_array_index (items, PmItem, n - 1);
    guint final = last->type == PM_ITEM_PENALTY && last->penalty <= PM_PENALTY_FORCE ? n - 1 : n;
    if (breaks->len == 0 || breaks->len != info.n_lines || info.pass < 1 || info.pass > 3)
      abort ();
    if (g_array_index (breaks, PmBreak, breaks->len - 1).end != final)
      abort ();
    guint prev = 0, over = 0, under = 0;
    for (guint i = 0; i < breaks->len; i++) {
      PmBreak *br = &g_array_index (breaks, PmBreak, i);
      if (br->start > br->end || br->end > n || (i > 0 && br->end <= prev) || br->start < prev)
        abort ();
      if (br->end < n && br->end != final) {
        const PmItem *it = &g_array_index (items, PmItem, br->end);
        gboolean legal = (it->type == PM_ITEM_PENALTY && it->penalty < PM_PENALTY_INFINITY) ||
                         (it->type == PM_ITEM_GLUE && br->end > 0 &&
                          g_array_index (items, PmItem, br->end - 1).type == PM_ITEM_BOX);
        if (!legal)
          abort ();
      }
      prev = br->end;
      over += br->overfull;
      under += br->underfull;
    }
    if (over != info.n_overfull || under != info.n_underfull || ok != info.feasible ||
        ok != (over == 0 && under == 0))
      abort ();
    /* Reusing the breaker gives the same result. */
    GArray *again = g_array_new (FALSE, FALSE, sizeof (PmBreak));
    PmLineBreakInfo info2;
    pm_line_breaker_run (b, (PmItem *)items->data, items->len, &p, again, &info2);
    if (again->len != breaks->len ||
        memcmp (again->data, breaks->data, breaks->len * sizeof (PmBreak)) != 0)
      abort ();
    g_array_free (again, TRUE);
  }
  g_array_free (breaks, TRUE);
  g_array_free (items, TRUE);
  pm_line_breaker_free (b);
  return 0;
}
