/* pm-breaks.c: the line breaking algorithm of UAX #14, rule by rule (LB1 to LB31). */
#include "paragraph/pm-breaks.h"

#include <string.h>

/* Short names for GLib's line break classes, as UAX #14 spells them. */
enum {
  BK = G_UNICODE_BREAK_MANDATORY,
  CR = G_UNICODE_BREAK_CARRIAGE_RETURN,
  LF = G_UNICODE_BREAK_LINE_FEED,
  CM = G_UNICODE_BREAK_COMBINING_MARK,
  SG = G_UNICODE_BREAK_SURROGATE,
  ZW = G_UNICODE_BREAK_ZERO_WIDTH_SPACE,
  IN = G_UNICODE_BREAK_INSEPARABLE,
  GL = G_UNICODE_BREAK_NON_BREAKING_GLUE,
  CB = G_UNICODE_BREAK_CONTINGENT,
  SP = G_UNICODE_BREAK_SPACE,
  BA = G_UNICODE_BREAK_AFTER,
  BB = G_UNICODE_BREAK_BEFORE,
  B2 = G_UNICODE_BREAK_BEFORE_AND_AFTER,
  HY = G_UNICODE_BREAK_HYPHEN,
  NS = G_UNICODE_BREAK_NON_STARTER,
  OP = G_UNICODE_BREAK_OPEN_PUNCTUATION,
  CL = G_UNICODE_BREAK_CLOSE_PUNCTUATION,
  QU = G_UNICODE_BREAK_QUOTATION,
  EX = G_UNICODE_BREAK_EXCLAMATION,
  ID = G_UNICODE_BREAK_IDEOGRAPHIC,
  NU = G_UNICODE_BREAK_NUMERIC,
  IS = G_UNICODE_BREAK_INFIX_SEPARATOR,
  SY = G_UNICODE_BREAK_SYMBOL,
  AL = G_UNICODE_BREAK_ALPHABETIC,
  PR = G_UNICODE_BREAK_PREFIX,
  PO = G_UNICODE_BREAK_POSTFIX,
  SA = G_UNICODE_BREAK_COMPLEX_CONTEXT,
  AI = G_UNICODE_BREAK_AMBIGUOUS,
  XX = G_UNICODE_BREAK_UNKNOWN,
  NL = G_UNICODE_BREAK_NEXT_LINE,
  WJ = G_UNICODE_BREAK_WORD_JOINER,
  JL = G_UNICODE_BREAK_HANGUL_L_JAMO,
  JV = G_UNICODE_BREAK_HANGUL_V_JAMO,
  JT = G_UNICODE_BREAK_HANGUL_T_JAMO,
  H2 = G_UNICODE_BREAK_HANGUL_LV_SYLLABLE,
  H3 = G_UNICODE_BREAK_HANGUL_LVT_SYLLABLE,
  CP = G_UNICODE_BREAK_CLOSE_PARENTHESIS,
  CJ = G_UNICODE_BREAK_CONDITIONAL_JAPANESE_STARTER,
  HL = G_UNICODE_BREAK_HEBREW_LETTER,
  RI = G_UNICODE_BREAK_REGIONAL_INDICATOR,
  EB = G_UNICODE_BREAK_EMOJI_BASE,
  EM = G_UNICODE_BREAK_EMOJI_MODIFIER,
  ZWJ = G_UNICODE_BREAK_ZERO_WIDTH_JOINER,
  NONE = -1, /* no character (before the text) */
};

/* LB1: the classes UAX #14 leaves to be resolved, resolved as it suggests. */
static int
resolved_class (gunichar c)
{
  int cls = (int)g_unichar_break_type (c);
  switch (cls) {
    case AI:
    case SG:
    case XX:
      return AL;
    case SA: {
      GUnicodeType type = g_unichar_type (c);
      return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ? CM : AL;
    }
    case CJ:
      return NS;
    default:
      return cls;
  }
}

/* East Asian Width F, W or H (LB30): GLib knows F and W; H is the halfwidth forms. */
static gboolean
is_wide_bracket (gunichar c)
{
  return g_unichar_iswide (c) || (c >= 0xFF61 && c <= 0xFFDC) || (c >= 0xFFE8 && c <= 0xFFEE);
}

/* Extended_Pictographic and unassigned (LB30b): the code points of the emoji planes no
 * character has yet. */
static gboolean
is_unassigned_pictographic (gunichar c)
{
  return ((c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x1FC00 && c <= 0x1FFFD)) &&
         g_unichar_type (c) == G_UNICODE_UNASSIGNED;
}

static gboolean
is_hangul (int cls)
{
  return cls == JL || cls == JV || cls == JT || cls == H2 || cls == H3;
}

/* What the rules look back at: the character before the position, the cluster before it
 * (a character and the combining marks LB9 joins to it, with its class) and before that, the
 * last cluster before a run of spaces, and where the position is in a number (LB25). */
typedef struct {
  int raw;              /* the class of the character just before the position (LB1) */
  int prev;             /* the class of the cluster before the position (LB9, LB10) */
  gunichar prev_c;      /* its first character */
  int prev_prev;        /* the class of the cluster before that one */
  int before_sp;        /* the class of the last cluster that is not a space */
  gboolean in_number;   /* after NU (NU | SY | IS)* */
  gboolean after_close; /* after NU (NU | SY | IS)* (CL | CP) */
  gboolean ri_odd;      /* after an odd number of regional indicators in a row */
} Context;

/* LB25's (PR | PO) × (OP | HY) NU: whether the cluster after the one at P begins with NU. */
static gboolean
number_follows (const char *p, const char *end)
{
  for (p = g_utf8_next_char (p); p < end; p = g_utf8_next_char (p)) {
    int cls = resolved_class (g_utf8_get_char (p));
    if (cls != CM && cls != ZWJ)
      return cls == NU;
  }
  return FALSE;
}

/* The break before a character of class CUR (LB1) and first character C, at P, not joined to
 * the cluster before (LB9 decided). */
static PmBreakOpportunity
decide (const Context *x, int cur, gunichar c, const char *p, const char *end)
{
  int prev = x->prev;
  /* LB10: a combining mark with nothing to join is alphabetic. */
  if (cur == CM || cur == ZWJ)
    cur = AL;
  /* The X of "X SP*": the last cluster before the spaces before the position, if any. */
  int before = prev == SP ? x->before_sp : prev;
  if (cur == WJ || prev == WJ || prev == GL) /* LB11, LB12 */
    return PM_BREAK_NONE;
  if (cur == GL && prev != SP && prev != BA && prev != HY) /* LB12a */
    return PM_BREAK_NONE;
  if (cur == CL || cur == CP || cur == EX || cur == IS || cur == SY) /* LB13 */
    return PM_BREAK_NONE;
  if (before == OP || (before == QU && cur == OP) ||                                /* LB14, LB15 */
      ((before == CL || before == CP) && cur == NS) || (before == B2 && cur == B2)) /* 16, 17 */
    return PM_BREAK_NONE;
  if (prev == SP) /* LB18 */
    return PM_BREAK_ALLOWED;
  if (cur == QU || prev == QU) /* LB19 */
    return PM_BREAK_NONE;
  if (cur == CB || prev == CB) /* LB20 */
    return PM_BREAK_ALLOWED;
  if (cur == BA || cur == HY || cur == NS || prev == BB) /* LB21 */
    return PM_BREAK_NONE;
  if ((prev == HY || prev == BA) && x->prev_prev == HL) /* LB21a */
    return PM_BREAK_NONE;
  if ((prev == SY && cur == HL) || cur == IN) /* LB21b, LB22 */
    return PM_BREAK_NONE;
  gboolean alpha_prev = prev == AL || prev == HL, alpha_cur = cur == AL || cur == HL;
  if ((alpha_prev && cur == NU) || (prev == NU && alpha_cur)) /* LB23 */
    return PM_BREAK_NONE;
  if ((prev == PR && (cur == ID || cur == EB || cur == EM)) || /* LB23a */
      ((prev == ID || prev == EB || prev == EM) && cur == PO))
    return PM_BREAK_NONE;
  if (((prev == PR || prev == PO) && alpha_cur) || /* LB24 */
      (alpha_prev && (cur == PR || cur == PO)))
    return PM_BREAK_NONE;
  /* LB25, as example 7 tailors it: (PR | PO) × (OP | HY)? NU, (OP | HY) × NU,
   * NU (NU | SY | IS)* × (NU | SY | IS | CL | CP), NU (NU | SY | IS)* (CL | CP)? × (PO | PR). */
  if (((prev == PR || prev == PO) &&
       (cur == NU || ((cur == OP || cur == HY) && number_follows (p, end)))) ||
      ((prev == OP || prev == HY) && cur == NU) ||
      (x->in_number && (cur == NU || cur == SY || cur == IS || cur == CL || cur == CP)) ||
      ((x->in_number || x->after_close) && (cur == PO || cur == PR)))
    return PM_BREAK_NONE;
  if ((prev == JL && (cur == JL || cur == JV || cur == H2 || cur == H3)) || /* LB26 */
      ((prev == JV || prev == H2) && (cur == JV || cur == JT)) ||
      ((prev == JT || prev == H3) && cur == JT))
    return PM_BREAK_NONE;
  if ((is_hangul (prev) && cur == PO) || (prev == PR && is_hangul (cur))) /* LB27 */
    return PM_BREAK_NONE;
  if ((alpha_prev || prev == IS) && alpha_cur) /* LB28, LB29 */
    return PM_BREAK_NONE;
  if (((alpha_prev || prev == NU) && cur == OP && !is_wide_bracket (c)) || /* LB30 */
      (prev == CP && !is_wide_bracket (x->prev_c) && (alpha_cur || cur == NU)))
    return PM_BREAK_NONE;
  if (prev == RI && cur == RI && x->ri_odd) /* LB30a */
    return PM_BREAK_NONE;
  if ((prev == EB || is_unassigned_pictographic (x->prev_c)) && cur == EM) /* LB30b */
    return PM_BREAK_NONE;
  return PM_BREAK_ALLOWED; /* LB31 */
}

/* The context after a cluster of class CUR (a character of that class after LB10) and first
 * character C. */
static void
advance (Context *x, int cur, gunichar c)
{
  if (cur == CM || cur == ZWJ)
    cur = AL;
  x->after_close = (cur == CL || cur == CP) && x->in_number;
  x->in_number = cur == NU || (x->in_number && (cur == NU || cur == SY || cur == IS));
  x->ri_odd = cur == RI && !(x->prev == RI && x->ri_odd);
  if (x->prev != SP)
    x->before_sp = x->prev;
  x->prev_prev = x->prev;
  x->prev = cur;
  x->prev_c = c;
}

void
pm_breaks_find (const char *text, gssize length, PmBreakOpportunity *breaks, gsize n_breaks)
{
  const char *end = text + (length < 0 ? (gssize)strlen (text) : length);
  Context x = { NONE, NONE, 0, NONE, NONE, FALSE, FALSE, FALSE };
  gsize i = 0;
  for (const char *p = text; p < end && i < n_breaks; p = g_utf8_next_char (p), i++) {
    gunichar c = g_utf8_get_char (p);
    int cur = resolved_class (c);
    PmBreakOpportunity b;
    gboolean joined = FALSE;
    if (x.raw == NONE) /* LB2 */
      b = PM_BREAK_NONE;
    else if (x.raw == BK || (x.raw == CR && cur != LF) || x.raw == LF || x.raw == NL)
      b = PM_BREAK_MANDATORY; /* LB4, LB5 */
    else if (cur == BK || cur == CR || cur == LF || cur == NL || cur == SP || cur == ZW)
      b = PM_BREAK_NONE;                                          /* LB5-LB7 */
    else if (x.prev == ZW || (x.prev == SP && x.before_sp == ZW)) /* LB8 */
      b = PM_BREAK_ALLOWED;
    else if (x.raw == ZWJ) /* LB8a */
      b = PM_BREAK_NONE;
    else if ((cur == CM || cur == ZWJ) && x.prev != BK && x.prev != CR && x.prev != LF &&
             x.prev != NL && x.prev != SP && x.prev != ZW) { /* LB9 */
      b = PM_BREAK_NONE;
      joined = TRUE;
    } else
      b = decide (&x, cur, c, p, end);
    breaks[i] = b;
    if (!joined)
      advance (&x, cur, c);
    x.raw = cur;
  }
  if (i < n_breaks)
    breaks[i] = PM_BREAK_MANDATORY; /* LB3 */
}
