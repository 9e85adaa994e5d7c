/* pm-typo.c: typography per language, driven by one table row per language. */
#include "import/pm-typo.h"

#include <string.h>

#define NBSP "\xc2\xa0"      /* U+00A0 NO-BREAK SPACE */
#define NNBSP "\xe2\x80\xaf" /* U+202F NARROW NO-BREAK SPACE */

/* Keep in step with the table in README.md ("Typography per language"). */
static const PmTypoRules table[] = {
  { "el", "«", "»", "“", "”", "", NULL, "–", " ", " ", "" },
  { "en", "“", "”", "‘", "’", "", NULL, "—", "", "", "" },
  { "fr", "«", "»", "“", "”", NNBSP, NNBSP, "–", NBSP, " ", NNBSP },
  { "it", "«", "»", "“", "”", "", NULL, "–", " ", " ", "" },
  { "ru", "«", "»", "„", "“", "", NULL, "—", NBSP, " ", "" },
  { "tr", "“", "”", "‘", "’", "", NULL, "–", " ", " ", "" },
  { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL },
};

const PmTypoRules *
pm_typo_table (void)
{
  return table;
}

const PmTypoRules *
pm_typo_rules (const char *lang)
{
  if (!lang)
    return NULL;
  gsize n = strcspn (lang, "-_");
  for (const PmTypoRules *r = table; r->lang; r++)
    if (strlen (r->lang) == n && g_ascii_strncasecmp (r->lang, lang, n) == 0)
      return r;
  return NULL;
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F || c == 0x2009;
}

/* strchr for code points: TRUE when C is one of the ASCII characters in SET. */
static gboolean
in_set (gunichar c, const char *set)
{
  return c > 0 && c < 128 && strchr (set, (int)c) != NULL;
}

static gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

/* The output as code points, so that a rule can take back the spaces it replaces. */
typedef struct {
  GArray *u;
} Out;

static gunichar
out_last (Out *o)
{
  return o->u->len ? g_array_index (o->u, gunichar, o->u->len - 1) : 0;
}

static gunichar
out_before_spaces (Out *o)
{
  for (guint i = o->u->len; i > 0; i--) {
    gunichar c = g_array_index (o->u, gunichar, i - 1);
    if (!is_space (c))
      return c;
  }
  return 0;
}

static void
out_pop_spaces (Out *o)
{
  while (o->u->len && is_space (out_last (o)))
    g_array_set_size (o->u, o->u->len - 1);
}

static void
out_add (Out *o, gunichar c)
{
  g_array_append_val (o->u, c);
}

static void
out_str (Out *o, const char *s)
{
  for (const char *p = s; p && *p; p = g_utf8_next_char (p))
    out_add (o, g_utf8_get_char (p));
}

/* A quotation mark opens when nothing, a space, an opening bracket, a dash or another
 * opening mark comes before it. */
static gboolean
opens_here (gunichar prev)
{
  return prev == 0 || is_space (prev) || in_set (prev, "([{/-") ||
         (prev > 127 && (prev == 0x2013 || prev == 0x2014 || prev == 0xAB || prev == 0x201C ||
                         prev == 0x201E || prev == 0x2018));
}

/* A run of at most four digits bounded by anything but digits and hyphens: the ends of a
 * range like 4-5 or 2021-2022 (but not of a date 2022-01-05). */
static gboolean
short_number_left (const gunichar *u, glong i)
{
  glong j = i;
  while (j > 0 && is_digit (u[j - 1]))
    j--;
  return i - j >= 1 && i - j <= 4 && (j == 0 || (u[j - 1] != '-' && u[j - 1] != 0x2013));
}

static gboolean
short_number_right (const gunichar *u, glong n, glong i)
{
  glong j = i;
  while (j < n && is_digit (u[j]))
    j++;
  return j - i >= 1 && j - i <= 4 && (j == n || (u[j] != '-' && u[j] != 0x2013));
}

/* A closing quotation mark or bracket. */
static gboolean
closes_after (gunichar c)
{
  return in_set (c, ")]\"") || c == 0xBB || c == 0x201D || c == 0x2019;
}

char *
pm_typo_normalise (const char *lang, const char *text)
{
  const PmTypoRules *r = pm_typo_rules (lang);
  glong n = 0;
  gunichar *u = g_utf8_to_ucs4_fast (text ? text : "", -1, &n);
  Out o = { g_array_sized_new (FALSE, FALSE, sizeof (gunichar), n + 16) };
  int depth = 0;

  for (glong i = 0; i < n; i++) {
    gunichar c = u[i];
    gunichar next = i + 1 < n ? u[i + 1] : 0;
    gunichar prev = out_last (&o);

    if (c == '.' && next == '.' && i + 2 < n && u[i + 2] == '.' &&
        (i + 3 >= n || u[i + 3] != '.') && prev != '.') {
      out_add (&o, 0x2026);
      i += 2;
      continue;
    }
    if (c == '\'') {
      out_add (&o, 0x2019);
      continue;
    }
    /* 4-5, 2021-2022: a range of numbers takes an en dash. */
    if ((c == '-' || c == 0x2013) && is_digit (prev) && is_digit (next) &&
        short_number_left (u, i) && short_number_right (u, n, i + 1)) {
      out_add (&o, 0x2013);
      continue;
    }
    /* "Corporation ." : no language sets a space before a period or a comma that ends a
     * word, nor before ; : ! ? where it does not put its own (French does). */
    if ((c == '.' || c == ',' || (!(r && r->punct_space) && in_set (c, ";:!?"))) &&
        is_space (prev) && (next == 0 || is_space (next) || closes_after (next))) {
      gunichar before = out_before_spaces (&o);
      if (before && (g_unichar_isalnum (before) || closes_after (before)))
        out_pop_spaces (&o);
    }
    if (!r) {
      out_add (&o, c);
      continue;
    }
    if (c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB) {
      gboolean open = c == 0x201E || c == 0xAB || (c != 0xBB && opens_here (prev));
      if (open) {
        const char *mark = depth == 0 ? r->open : r->inner_open;
        depth++;
        out_str (&o, mark);
        if (r->quote_space[0] && !strcmp (mark, "«")) {
          out_str (&o, r->quote_space);
          while (i + 1 < n && is_space (u[i + 1]))
            i++;
        }
      } else {
        if (depth > 0)
          depth--;
        const char *mark = depth == 0 ? r->close : r->inner_close;
        if (r->quote_space[0] && !strcmp (mark, "»")) {
          out_pop_spaces (&o);
          out_str (&o, r->quote_space);
        }
        out_str (&o, mark);
      }
      continue;
    }
    /* A dash between spaces (or a hyphen, or two, typed for one) is the language's dash. */
    if (c == '-' || c == 0x2013 || c == 0x2014) {
      glong end = i + 1;
      if (c == '-' && end < n && u[end] == '-')
        end++;
      gboolean space_after = end >= n || is_space (u[end]);
      gboolean space_before = o.u->len == 0 || is_space (prev);
      if (space_after && space_before && end < n) {
        out_pop_spaces (&o);
        gboolean at_start = o.u->len == 0;
        if (!at_start)
          out_str (&o, r->dash_before);
        out_str (&o, r->dash);
        out_str (&o, at_start ? " " : r->dash_after);
        while (end < n && is_space (u[end]))
          end++;
        i = end - 1;
        continue;
      }
      out_add (&o, c);
      continue;
    }
    if (r->punct_space && (c == ';' || c == ':' || c == '!' || c == '?')) {
      gboolean next_ok = next == 0 || is_space (next) || in_set (next, ";:!?)]\"*.,") ||
                         next == 0xBB || next == 0x201D || next == 0x2019 || next == 0x2026;
      gunichar before = out_before_spaces (&o);
      if (next_ok && before && !in_set (before, ";:!?([")) {
        out_pop_spaces (&o);
        out_str (&o, r->punct_space);
      }
      out_add (&o, c);
      continue;
    }
    if (c == '%') {
      if (is_space (prev) && is_digit (out_before_spaces (&o))) {
        out_pop_spaces (&o);
        out_str (&o, r->percent_space[0] ? r->percent_space : NBSP);
      } else if (is_digit (prev) && r->percent_space[0]) {
        out_str (&o, r->percent_space);
      }
      out_add (&o, c);
      continue;
    }
    out_add (&o, c);
  }

  char *s = g_ucs4_to_utf8 ((gunichar *)o.u->data, o.u->len, NULL, NULL, NULL);
  g_array_free (o.u, TRUE);
  g_free (u);
  return s ? s : g_strdup ("");
}
