/* pm-json.c: JSON text written value by value. */
#include "base/pm-json.h"

#include <math.h>
#include <string.h>

typedef struct {
  gboolean array;
  guint n;            /* values (or members) written so far */
  gboolean multiline; /* an array that holds a container: one element per line */
} Level;

struct _PmJsonWriter {
  GString *out;
  GArray *levels;      /* Level: the open containers, innermost last */
  gboolean after_name; /* a member's name was written; its value comes next */
};

PmJsonWriter *
pm_json_writer_new (void)
{
  PmJsonWriter *w = g_new0 (PmJsonWriter, 1);
  w->out = g_string_new (NULL);
  w->levels = g_array_new (FALSE, FALSE, sizeof (Level));
  return w;
}

char *
pm_json_writer_finish (PmJsonWriter *w)
{
  g_warn_if_fail (w->levels->len == 0);
  g_array_unref (w->levels);
  g_string_append_c (w->out, '\n');
  char *text = g_string_free (w->out, FALSE);
  g_free (w);
  return text;
}

static void
newline (PmJsonWriter *w, guint depth)
{
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (w->out, "  ");
}

static Level *
innermost (PmJsonWriter *w)
{
  return w->levels->len ? &g_array_index (w->levels, Level, w->levels->len - 1) : NULL;
}

/* What comes before a value: a comma and a space or a new line in an array; nothing after a
 * member's name. CONTAINER: the value is an object or an array. */
static void
before_value (PmJsonWriter *w, gboolean container)
{
  Level *l = innermost (w);
  if (w->after_name || !l) {
    w->after_name = FALSE;
    return;
  }
  g_return_if_fail (l->array);
  if (l->n > 0)
    g_string_append_c (w->out, ',');
  if (container)
    l->multiline = TRUE;
  if (l->multiline)
    newline (w, w->levels->len);
  else if (l->n > 0)
    g_string_append_c (w->out, ' ');
  l->n++;
}

static void
begin (PmJsonWriter *w, gboolean array)
{
  before_value (w, TRUE);
  g_string_append_c (w->out, array ? '[' : '{');
  Level l = { array, 0, FALSE };
  g_array_append_val (w->levels, l);
}

static void
end (PmJsonWriter *w, gboolean array)
{
  Level *l = innermost (w);
  g_return_if_fail (l && l->array == array && !w->after_name);
  gboolean lines = array ? l->multiline : l->n > 0;
  g_array_set_size (w->levels, w->levels->len - 1);
  if (lines)
    newline (w, w->levels->len);
  g_string_append_c (w->out, array ? ']' : '}');
}

void
pm_json_writer_begin_object (PmJsonWriter *w)
{
  begin (w, FALSE);
}

void
pm_json_writer_end_object (PmJsonWriter *w)
{
  end (w, FALSE);
}

void
pm_json_writer_begin_array (PmJsonWriter *w)
{
  begin (w, TRUE);
}

void
pm_json_writer_end_array (PmJsonWriter *w)
{
  end (w, TRUE);
}

static void
append_string (GString *out, const char *s)
{
  /* Text from files (paths, messages) may not be UTF-8: what is not becomes U+FFFD. */
  g_autofree char *valid = g_utf8_make_valid (s, -1);
  g_string_append_c (out, '"');
  /* The characters with a short escape, and the letter each is written with after \. */
  static const char special[] = "\"\\\b\f\n\r\t", letter[] = "\"\\bfnrt";
  for (const char *p = valid; *p; p++) {
    guchar c = (guchar)*p;
    const char *e = strchr (special, c);
    if (e) {
      g_string_append_c (out, '\\');
      g_string_append_c (out, letter[e - special]);
    } else if (c < 0x20)
      g_string_append_printf (out, "\\u%04x", c);
    else
      g_string_append_c (out, (char)c);
  }
  g_string_append_c (out, '"');
}

void
pm_json_writer_member (PmJsonWriter *w, const char *name)
{
  Level *l = innermost (w);
  g_return_if_fail (l && !l->array && !w->after_name);
  if (l->n++ > 0)
    g_string_append_c (w->out, ',');
  newline (w, w->levels->len);
  append_string (w->out, name);
  g_string_append (w->out, ": ");
  w->after_name = TRUE;
}

void
pm_json_writer_string (PmJsonWriter *w, const char *value)
{
  before_value (w, FALSE);
  if (value)
    append_string (w->out, value);
  else
    g_string_append (w->out, "null");
}

void
pm_json_writer_int (PmJsonWriter *w, gint64 value)
{
  before_value (w, FALSE);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

void
pm_json_writer_double (PmJsonWriter *w, double value)
{
  before_value (w, FALSE);
  if (!isfinite (value)) {
    g_string_append (w->out, "null");
    return;
  }
  /* The fewest significant digits that read back as VALUE: 0.092, not 0.091999999999999998. */
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  for (int digits = 15; digits <= 17; digits++) {
    g_ascii_formatd (buf, sizeof buf,
                     digits == 15   ? "%.15g"
                     : digits == 16 ? "%.16g"
                                    : "%.17g",
                     value);
    if (g_ascii_strtod (buf, NULL) == value)
      break;
  }
  g_string_append (w->out, buf);
}

void
pm_json_writer_boolean (PmJsonWriter *w, gboolean value)
{
  before_value (w, FALSE);
  g_string_append (w->out, value ? "true" : "false");
}
