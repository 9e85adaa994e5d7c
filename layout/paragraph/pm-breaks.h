/* pm-breaks.h: where Unicode lets a line break (UAX #14, the line breaking algorithm).
 *
 * The rules of Unicode 15.0, the version of GLib's character tables (g_unichar_break_type),
 * with the tailoring of numbers in UAX #14's example 7 (as its conformance tests use). Two
 * properties GLib lacks are derived: East Asian Width H (LB30) from the halfwidth forms'
 * block, and Extended_Pictographic for unassigned code points (LB30b) from the emoji planes;
 * both agree with Unicode 15.0's data. Thai, Lao, Khmer and Myanmar words (class SA) would
 * need a dictionary to be broken, and are not. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  PM_BREAK_NONE,      /* no break here */
  PM_BREAK_ALLOWED,   /* a line may break here */
  PM_BREAK_MANDATORY, /* a line must break here (after a line or paragraph separator) */
} PmBreakOpportunity;

/* Fills BREAKS[i], for i from 0 to the number of characters of TEXT (LENGTH bytes, or up to
 * its NUL if LENGTH is -1), with whether a line may break before its i-th character; the last
 * entry is the end of the text, where a line always ends. TEXT is valid UTF-8; BREAKS holds
 * N_BREAKS entries, one more than TEXT has characters (entries past it are left alone). */
void pm_breaks_find (const char *text, gssize length, PmBreakOpportunity *breaks, gsize n_breaks);

G_END_DECLS
