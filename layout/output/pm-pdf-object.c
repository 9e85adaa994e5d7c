/* pm-pdf-object.c: PDF object values, their reader and their writer. */
#include "output/pm-pdf-object.h"

#include "base/pm-error.h"

#include <math.h>
#include <string.h>

#define MAX_DEPTH 64
/* Digits after the point a real keeps: a double's precision. */
#define MAX_DECIMALS 17

typedef struct {
  char *key;
  PmPdfObject *value;
} Entry;

struct _PmPdfObject {
  PmPdfType type;
  int decimals; /* reals: digits written after the point */
  union {
    gboolean b;
    gint64 i;
    double r;
    struct {
      char *data; /* names: NUL-terminated; strings: LEN bytes and a NUL */
      gsize len;
    } s;
    GPtrArray *items; /* arrays */
    GArray *entries;  /* dictionaries: Entry */
    struct {
      guint num, gen;
    } ref;
  };
};

static PmPdfObject *
new_object (PmPdfType type)
{
  PmPdfObject *o = g_new0 (PmPdfObject, 1);
  o->type = type;
  return o;
}

PmPdfObject *
pm_pdf_object_new_null (void)
{
  return new_object (PM_PDF_NULL);
}

PmPdfObject *
pm_pdf_object_new_int (gint64 value)
{
  PmPdfObject *o = new_object (PM_PDF_INT);
  o->i = value;
  return o;
}

PmPdfObject *
pm_pdf_object_new_real (double value, int decimals)
{
  PmPdfObject *o = new_object (PM_PDF_REAL);
  o->r = value;
  o->decimals = CLAMP (decimals, 0, MAX_DECIMALS);
  return o;
}

static PmPdfObject *
new_bytes (PmPdfType type, const char *bytes, gsize len)
{
  PmPdfObject *o = new_object (type);
  o->s.data = g_malloc (len + 1);
  if (len)
    memcpy (o->s.data, bytes, len);
  o->s.data[len] = '\0';
  o->s.len = len;
  return o;
}

PmPdfObject *
pm_pdf_object_new_name (const char *name)
{
  return new_bytes (PM_PDF_NAME, name, strlen (name));
}

PmPdfObject *
pm_pdf_object_new_string (const char *bytes, gsize len)
{
  return new_bytes (PM_PDF_STRING, bytes, len);
}

PmPdfObject *
pm_pdf_object_new_text (const char *utf8)
{
  gboolean ascii = TRUE;
  for (const char *p = utf8; *p && ascii; p++)
    ascii = (guchar)*p >= 0x20 && (guchar)*p < 0x7f;
  if (ascii)
    return pm_pdf_object_new_string (utf8, strlen (utf8));
  glong n = 0;
  gunichar2 *units = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);
  if (!units)
    return pm_pdf_object_new_string ("", 0);
  GString *be = g_string_sized_new (2 + 2 * n);
  g_string_append_len (be, "\xfe\xff", 2);
  for (glong k = 0; k < n; k++) {
    g_string_append_c (be, (char)(units[k] >> 8));
    g_string_append_c (be, (char)(units[k] & 0xff));
  }
  g_free (units);
  PmPdfObject *o = pm_pdf_object_new_string (be->str, be->len);
  g_string_free (be, TRUE);
  return o;
}

PmPdfObject *
pm_pdf_object_new_array (void)
{
  PmPdfObject *o = new_object (PM_PDF_ARRAY);
  o->items = g_ptr_array_new_with_free_func ((GDestroyNotify)pm_pdf_object_free);
  return o;
}

static void
clear_entry (gpointer p)
{
  Entry *e = p;
  g_free (e->key);
  pm_pdf_object_free (e->value);
}

PmPdfObject *
pm_pdf_object_new_dict (void)
{
  PmPdfObject *o = new_object (PM_PDF_DICT);
  o->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (o->entries, clear_entry);
  return o;
}

PmPdfObject *
pm_pdf_object_new_ref (guint num, guint gen)
{
  PmPdfObject *o = new_object (PM_PDF_REF);
  o->ref.num = num;
  o->ref.gen = gen;
  return o;
}

void
pm_pdf_object_free (PmPdfObject *object)
{
  if (!object)
    return;
  switch (object->type) {
    case PM_PDF_NAME:
    case PM_PDF_STRING:
      g_free (object->s.data);
      break;
    case PM_PDF_ARRAY:
      g_ptr_array_unref (object->items);
      break;
    case PM_PDF_DICT:
      g_array_unref (object->entries);
      break;
    default:
      break;
  }
  g_free (object);
}

PmPdfType
pm_pdf_object_get_type (const PmPdfObject *object)
{
  return object ? object->type : PM_PDF_NULL;
}

gboolean
pm_pdf_object_get_number (const PmPdfObject *object, double *value)
{
  if (object && object->type == PM_PDF_INT)
    *value = (double)object->i;
  else if (object && object->type == PM_PDF_REAL)
    *value = object->r;
  else
    return FALSE;
  return TRUE;
}

gboolean
pm_pdf_object_is_name (const PmPdfObject *object, const char *name)
{
  return object && object->type == PM_PDF_NAME && strcmp (object->s.data, name) == 0;
}

const char *
pm_pdf_object_get_string (const PmPdfObject *object, gsize *len)
{
  if (!object || object->type != PM_PDF_STRING)
    return NULL;
  *len = object->s.len;
  return object->s.data;
}

guint
pm_pdf_object_get_ref (const PmPdfObject *object)
{
  return object && object->type == PM_PDF_REF ? object->ref.num : 0;
}

guint
pm_pdf_array_get_length (const PmPdfObject *array)
{
  return array && array->type == PM_PDF_ARRAY ? array->items->len : 0;
}

PmPdfObject *
pm_pdf_array_get (const PmPdfObject *array, guint i)
{
  return i < pm_pdf_array_get_length (array) ? g_ptr_array_index (array->items, i) : NULL;
}

void
pm_pdf_array_append (PmPdfObject *array, PmPdfObject *item)
{
  g_return_if_fail (array && array->type == PM_PDF_ARRAY && item);
  g_ptr_array_add (array->items, item);
}

void
pm_pdf_array_set (PmPdfObject *array, guint i, PmPdfObject *item)
{
  g_return_if_fail (i < pm_pdf_array_get_length (array) && item);
  pm_pdf_object_free (g_ptr_array_index (array->items, i));
  g_ptr_array_index (array->items, i) = item;
}

static Entry *
find_entry (const PmPdfObject *dict, const char *key)
{
  if (!dict || dict->type != PM_PDF_DICT)
    return NULL;
  for (guint k = 0; k < dict->entries->len; k++) {
    Entry *e = &g_array_index (dict->entries, Entry, k);
    if (strcmp (e->key, key) == 0)
      return e;
  }
  return NULL;
}

PmPdfObject *
pm_pdf_dict_get (const PmPdfObject *dict, const char *key)
{
  Entry *e = find_entry (dict, key);
  return e ? e->value : NULL;
}

void
pm_pdf_dict_set (PmPdfObject *dict, const char *key, PmPdfObject *value)
{
  g_return_if_fail (dict && dict->type == PM_PDF_DICT && value);
  Entry *e = find_entry (dict, key);
  if (e) {
    pm_pdf_object_free (e->value);
    e->value = value;
    return;
  }
  Entry added = { g_strdup (key), value };
  g_array_append_val (dict->entries, added);
}

void
pm_pdf_dict_remove (PmPdfObject *dict, const char *key)
{
  Entry *e = find_entry (dict, key);
  if (e)
    g_array_remove_index (dict->entries, (guint)(e - (Entry *)(void *)dict->entries->data));
}

guint
pm_pdf_dict_get_size (const PmPdfObject *dict)
{
  return dict && dict->type == PM_PDF_DICT ? dict->entries->len : 0;
}

const char *
pm_pdf_dict_get_key (const PmPdfObject *dict, guint i)
{
  return i < pm_pdf_dict_get_size (dict) ? g_array_index (dict->entries, Entry, i).key : NULL;
}

/* ---- reading ---- */

static gboolean
is_space (guint8 c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static gboolean
is_delimiter (guint8 c)
{
  return strchr ("()<>[]{}/%", c) != NULL && c != '\0';
}

static gboolean
is_regular (guint8 c)
{
  return !is_space (c) && !is_delimiter (c);
}

void
pm_pdf_skip_space (const guint8 *data, gsize len, gsize *pos)
{
  gsize p = *pos;
  while (p < len) {
    if (is_space (data[p])) {
      p++;
    } else if (data[p] == '%') {
      while (p < len && data[p] != '\n' && data[p] != '\r')
        p++;
    } else {
      break;
    }
  }
  *pos = p;
}

typedef struct {
  const guint8 *data;
  gsize len, pos;
  GError **error;
} Reader;

static PmPdfObject *
fail (Reader *r, const char *what)
{
  g_set_error (r->error, PM_ERROR, PM_ERROR_INTERNAL, "byte %" G_GSIZE_FORMAT ": %s", r->pos, what);
  return NULL;
}

static int
hex_value (guint8 c)
{
  return g_ascii_xdigit_value ((char)c);
}

static PmPdfObject *
read_name (Reader *r)
{
  r->pos++; /* the slash */
  GString *name = g_string_new (NULL);
  while (r->pos < r->len && is_regular (r->data[r->pos])) {
    guint8 c = r->data[r->pos++];
    if (c == '#' && r->pos + 1 < r->len && hex_value (r->data[r->pos]) >= 0 &&
        hex_value (r->data[r->pos + 1]) >= 0) {
      c = (guint8)(hex_value (r->data[r->pos]) * 16 + hex_value (r->data[r->pos + 1]));
      r->pos += 2;
    }
    if (c == '\0')
      continue; /* a name cannot hold NUL (7.3.5) */
    g_string_append_c (name, (char)c);
  }
  PmPdfObject *o = new_bytes (PM_PDF_NAME, name->str, name->len);
  g_string_free (name, TRUE);
  return o;
}

static PmPdfObject *
read_literal_string (Reader *r)
{
  r->pos++; /* ( */
  GString *s = g_string_new (NULL);
  int depth = 1;
  while (r->pos < r->len) {
    guint8 c = r->data[r->pos++];
    if (c == '(') {
      depth++;
    } else if (c == ')') {
      if (--depth == 0) {
        PmPdfObject *o = new_bytes (PM_PDF_STRING, s->str, s->len);
        g_string_free (s, TRUE);
        return o;
      }
    } else if (c == '\\' && r->pos < r->len) {
      c = r->data[r->pos++];
      switch (c) {
        case 'n':
          c = '\n';
          break;
        case 'r':
          c = '\r';
          break;
        case 't':
          c = '\t';
          break;
        case 'b':
          c = '\b';
          break;
        case 'f':
          c = '\f';
          break;
        case '\r':
          if (r->pos < r->len && r->data[r->pos] == '\n')
            r->pos++;
          continue; /* a line continuation */
        case '\n':
          continue;
        default:
          if (c >= '0' && c <= '7') {
            int v = c - '0';
            for (int k = 0;
                 k < 2 && r->pos < r->len && r->data[r->pos] >= '0' && r->data[r->pos] <= '7'; k++)
              v = v * 8 + (r->data[r->pos++] - '0');
            c = (guint8)v;
          }
          break; /* \( \) \\ and an unknown escape stand for the character itself */
      }
    } else if (c == '\r') {
      /* An end of line in a string is a line feed, whichever it was (7.3.4.2). */
      if (r->pos < r->len && r->data[r->pos] == '\n')
        r->pos++;
      c = '\n';
    }
    g_string_append_c (s, (char)c);
  }
  g_string_free (s, TRUE);
  return fail (r, "a string that does not end");
}

static PmPdfObject *
read_hex_string (Reader *r)
{
  r->pos++; /* < */
  GString *s = g_string_new (NULL);
  int high = -1;
  while (r->pos < r->len) {
    guint8 c = r->data[r->pos++];
    if (c == '>') {
      if (high >= 0)
        g_string_append_c (s, (char)(high << 4)); /* an odd digit count: a final 0 (7.3.4.3) */
      PmPdfObject *o = new_bytes (PM_PDF_STRING, s->str, s->len);
      g_string_free (s, TRUE);
      return o;
    }
    if (is_space (c))
      continue;
    int v = hex_value (c);
    if (v < 0) {
      r->pos--; /* the error names the character */
      break;
    }
    if (high < 0) {
      high = v;
    } else {
      g_string_append_c (s, (char)(high << 4 | v));
      high = -1;
    }
  }
  g_string_free (s, TRUE);
  return fail (r, "a hexadecimal string with a character that is not a digit, or no end");
}

/* An integer at P (sign allowed) that ends at a delimiter or space; its end in *END. */
static gboolean
scan_integer (Reader *r, gsize p, gint64 *value, gsize *end)
{
  gsize start = p;
  if (p < r->len && (r->data[p] == '+' || r->data[p] == '-'))
    p++;
  gsize digits = p;
  gint64 v = 0;
  while (p < r->len && g_ascii_isdigit (r->data[p])) {
    if (v > G_MAXINT64 / 10 - 10)
      return FALSE;
    v = v * 10 + (r->data[p++] - '0');
  }
  if (p == digits || (p < r->len && is_regular (r->data[p])))
    return FALSE;
  *value = r->data[start] == '-' ? -v : v;
  *end = p;
  return TRUE;
}

static PmPdfObject *
read_number (Reader *r)
{
  gint64 i = 0;
  gsize end = 0;
  if (scan_integer (r, r->pos, &i, &end)) {
    /* "N G R" is a reference: look past two more tokens. */
    gsize p = end, gen_end = 0;
    gint64 gen = 0;
    pm_pdf_skip_space (r->data, r->len, &p);
    if (i > 0 && i <= G_MAXUINT && p > end && scan_integer (r, p, &gen, &gen_end) && gen >= 0 &&
        gen <= 65535) {
      p = gen_end;
      pm_pdf_skip_space (r->data, r->len, &p);
      if (p > gen_end && p < r->len && r->data[p] == 'R' &&
          (p + 1 == r->len || !is_regular (r->data[p + 1]))) {
        r->pos = p + 1;
        return pm_pdf_object_new_ref ((guint)i, (guint)gen);
      }
    }
    r->pos = end;
    return pm_pdf_object_new_int (i);
  }
  gsize p = r->pos;
  char buf[64];
  gsize n = 0;
  int decimals = -1;
  while (p < r->len && is_regular (r->data[p]) && n + 1 < sizeof buf) {
    guint8 c = r->data[p];
    if (!(g_ascii_isdigit (c) || c == '.' || ((c == '-' || c == '+') && n == 0)))
      return fail (r, "a number with a character that is not a digit");
    if (c == '.') {
      if (decimals >= 0)
        return fail (r, "a number with two points");
      decimals = 0;
    } else if (decimals >= 0 && g_ascii_isdigit (c)) {
      decimals++;
    }
    buf[n++] = (char)c;
    p++;
  }
  buf[n] = '\0';
  if (p < r->len && is_regular (r->data[p]))
    return fail (r, "a number too long");
  if (!strpbrk (buf, "0123456789"))
    return fail (r, "a sign or a point without digits");
  r->pos = p;
  return pm_pdf_object_new_real (g_ascii_strtod (buf, NULL), MAX (decimals, 0));
}

static PmPdfObject *read_object (Reader *r, int depth);

static PmPdfObject *
read_array (Reader *r, int depth)
{
  r->pos++; /* [ */
  PmPdfObject *array = pm_pdf_object_new_array ();
  for (;;) {
    pm_pdf_skip_space (r->data, r->len, &r->pos);
    if (r->pos < r->len && r->data[r->pos] == ']') {
      r->pos++;
      return array;
    }
    PmPdfObject *item = read_object (r, depth + 1);
    if (!item) {
      pm_pdf_object_free (array);
      return NULL;
    }
    g_ptr_array_add (array->items, item);
  }
}

static PmPdfObject *
read_dict (Reader *r, int depth)
{
  r->pos += 2; /* << */
  PmPdfObject *dict = pm_pdf_object_new_dict ();
  for (;;) {
    pm_pdf_skip_space (r->data, r->len, &r->pos);
    if (r->pos + 1 < r->len && r->data[r->pos] == '>' && r->data[r->pos + 1] == '>') {
      r->pos += 2;
      return dict;
    }
    if (r->pos >= r->len || r->data[r->pos] != '/') {
      pm_pdf_object_free (dict);
      return fail (r, "a dictionary key that is not a name");
    }
    PmPdfObject *key = read_name (r);
    PmPdfObject *value = read_object (r, depth + 1);
    if (!value) {
      pm_pdf_object_free (key);
      pm_pdf_object_free (dict);
      return NULL;
    }
    /* A key given twice keeps its last value, as readers do. */
    pm_pdf_dict_set (dict, key->s.data, value);
    pm_pdf_object_free (key);
  }
}

static PmPdfObject *
read_object (Reader *r, int depth)
{
  if (depth > MAX_DEPTH)
    return fail (r, "arrays or dictionaries nested too deep");
  pm_pdf_skip_space (r->data, r->len, &r->pos);
  if (r->pos >= r->len)
    return fail (r, "the data ends where an object should be");
  guint8 c = r->data[r->pos];
  if (c == '/')
    return read_name (r);
  if (c == '(')
    return read_literal_string (r);
  if (c == '<')
    return r->pos + 1 < r->len && r->data[r->pos + 1] == '<' ? read_dict (r, depth)
                                                             : read_hex_string (r);
  if (c == '[')
    return read_array (r, depth);
  if (g_ascii_isdigit (c) || c == '+' || c == '-' || c == '.')
    return read_number (r);
  static const struct {
    const char *word;
    PmPdfType type;
    gboolean value;
  } keywords[] = {
    { "true", PM_PDF_BOOL, TRUE },
    { "false", PM_PDF_BOOL, FALSE },
    { "null", PM_PDF_NULL, FALSE },
  };
  for (guint k = 0; k < G_N_ELEMENTS (keywords); k++) {
    gsize n = strlen (keywords[k].word);
    if (r->pos + n <= r->len && memcmp (r->data + r->pos, keywords[k].word, n) == 0 &&
        (r->pos + n == r->len || !is_regular (r->data[r->pos + n]))) {
      r->pos += n;
      PmPdfObject *o = new_object (keywords[k].type);
      o->b = keywords[k].value;
      return o;
    }
  }
  return fail (r, "no object here");
}

PmPdfObject *
pm_pdf_object_read (const guint8 *data, gsize len, gsize *pos, GError **error)
{
  Reader r = { data, len, *pos, error };
  PmPdfObject *o = read_object (&r, 0);
  if (o)
    *pos = r.pos;
  return o;
}

/* ---- writing ---- */

static void
write_real (double value, int decimals, GString *out)
{
  /* PDF has no infinity or NaN. */
  if (!isfinite (value))
    value = 0;
  /* The largest double has 309 digits before the point. */
  char format[8], buf[320 + MAX_DECIMALS];
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buf, sizeof buf, format, value);
  char *end = buf + strlen (buf);
  if (strchr (buf, '.')) {
    while (end[-1] == '0')
      *--end = '\0';
    if (end[-1] == '.')
      *--end = '\0';
  }
  g_string_append (out, strcmp (buf, "-0") == 0 ? "0" : buf);
}

static void
write_name (const char *name, GString *out)
{
  g_string_append_c (out, '/');
  for (const guint8 *p = (const guint8 *)name; *p; p++) {
    if (*p < 0x21 || *p > 0x7e || *p == '#' || is_delimiter (*p))
      g_string_append_printf (out, "#%02X", *p);
    else
      g_string_append_c (out, (char)*p);
  }
}

static void
write_string (const char *data, gsize len, GString *out)
{
  gboolean printable = TRUE;
  for (gsize k = 0; k < len && printable; k++)
    printable = (guchar)data[k] >= 0x20 && (guchar)data[k] < 0x7f;
  if (!printable) {
    g_string_append_c (out, '<');
    for (gsize k = 0; k < len; k++)
      g_string_append_printf (out, "%02X", (guchar)data[k]);
    g_string_append_c (out, '>');
    return;
  }
  g_string_append_c (out, '(');
  for (gsize k = 0; k < len; k++) {
    if (data[k] == '(' || data[k] == ')' || data[k] == '\\')
      g_string_append_c (out, '\\');
    g_string_append_c (out, data[k]);
  }
  g_string_append_c (out, ')');
}

void
pm_pdf_object_write (const PmPdfObject *o, GString *out)
{
  switch (pm_pdf_object_get_type (o)) {
    case PM_PDF_NULL:
      g_string_append (out, "null");
      break;
    case PM_PDF_BOOL:
      g_string_append (out, o->b ? "true" : "false");
      break;
    case PM_PDF_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, o->i);
      break;
    case PM_PDF_REAL:
      write_real (o->r, o->decimals, out);
      break;
    case PM_PDF_NAME:
      write_name (o->s.data, out);
      break;
    case PM_PDF_STRING:
      write_string (o->s.data, o->s.len, out);
      break;
    case PM_PDF_ARRAY:
      g_string_append_c (out, '[');
      for (guint k = 0; k < o->items->len; k++) {
        if (k)
          g_string_append_c (out, ' ');
        pm_pdf_object_write (g_ptr_array_index (o->items, k), out);
      }
      g_string_append_c (out, ']');
      break;
    case PM_PDF_DICT:
      g_string_append (out, "<<");
      for (guint k = 0; k < o->entries->len; k++) {
        const Entry *e = &g_array_index (o->entries, Entry, k);
        g_string_append_c (out, ' ');
        write_name (e->key, out);
        g_string_append_c (out, ' ');
        pm_pdf_object_write (e->value, out);
      }
      g_string_append (out, " >>");
      break;
    case PM_PDF_REF:
      g_string_append_printf (out, "%u %u R", o->ref.num, o->ref.gen);
      break;
  }
}
