/* pm-pdf-file.c: a PDF's cross-reference table read, objects read on demand, the file
 * written back whole. */
#include "output/pm-pdf-file.h"

#include "base/pm-error.h"
#include "output/pm-deflate.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

/* The most objects a table may declare: far above any pamphlet, low enough that a damaged
 * count cannot make us allocate gigabytes; and no more than one per 8 bytes of the file
 * ("1 0 obj" alone takes 7). */
#define MAX_OBJECTS (1u << 22)
#define MAX_OBJECTS_IN(len) MIN (MAX_OBJECTS, (len) / 8 + 64)

typedef struct {
  gsize offset; /* where "N G obj" starts; 0 for a free or added entry */
  gsize end;    /* where the next object (or the table) starts */
  guint gen;
  gboolean used;        /* in use: read from the table or added */
  gboolean dirty;       /* written anew */
  gboolean failed;      /* could not be read */
  PmPdfObject *object;  /* read or added; a stream's dictionary */
  gsize stream;         /* a stream's first data byte, else 0 */
  gsize body, body_end; /* the object's text between `obj` and `endobj` (not a stream) */
} Slot;

struct _PmPdfFile {
  char *name;
  const guint8 *data;
  gsize len;
  gsize header_end; /* the header and the comment after it end where the first object starts */
  gsize xref;       /* the table's offset */
  GArray *slots;    /* Slot, by object number */
  PmPdfObject *trailer;
  GError *error; /* the first object that could not be read */
};

static gboolean
fail_at (GError **error, const char *name, gsize pos, const char *what)
{
  g_set_error (error, PM_ERROR, PM_ERROR_INTERNAL, "%s: byte %" G_GSIZE_FORMAT ": %s", name, pos,
               what);
  return FALSE;
}

/* Whether DATA at *POS holds the keyword WORD (not followed by a regular character); moves
 * *POS past it. */
static gboolean
keyword (const guint8 *data, gsize len, gsize *pos, const char *word)
{
  gsize n = strlen (word);
  if (*pos + n > len || memcmp (data + *pos, word, n) != 0)
    return FALSE;
  if (*pos + n < len && (g_ascii_isalnum (data[*pos + n])))
    return FALSE;
  *pos += n;
  return TRUE;
}

/* A non-negative integer at *POS, after white space. */
static gboolean
read_uint (const guint8 *data, gsize len, gsize *pos, guint64 *value)
{
  pm_pdf_skip_space (data, len, pos);
  gsize p = *pos;
  guint64 v = 0;
  while (p < len && g_ascii_isdigit (data[p]) && v < G_MAXUINT64 / 100)
    v = v * 10 + (data[p++] - '0');
  if (p == *pos)
    return FALSE;
  *value = v;
  *pos = p;
  return TRUE;
}

/* The offset "startxref" gives, searched for in the last kilobyte. */
static gboolean
find_startxref (PmPdfFile *f, gsize *xref, GError **error)
{
  const char *word = "startxref";
  gsize n = strlen (word);
  gsize from = f->len > 1024 ? f->len - 1024 : 0;
  for (gsize p = f->len >= n ? f->len - n + 1 : 0; p-- > from;) {
    if (memcmp (f->data + p, word, n) == 0) {
      gsize q = p + n;
      guint64 v = 0;
      if (!read_uint (f->data, f->len, &q, &v) || v >= f->len)
        return fail_at (error, f->name, q, "startxref gives no offset inside the file");
      *xref = (gsize)v;
      return TRUE;
    }
  }
  return fail_at (error, f->name, f->len, "no startxref at the end: not a whole PDF file");
}

static Slot *
slot (PmPdfFile *f, guint num)
{
  return num < f->slots->len ? &g_array_index (f->slots, Slot, num) : NULL;
}

static int
compare_offsets (const void *a, const void *b)
{
  gsize x = (*(const Slot *const *)a)->offset, y = (*(const Slot *const *)b)->offset;
  return x < y ? -1 : x > y;
}

/* The classic table at f->xref: subsections of 20-byte entries, then the trailer. */
static gboolean
read_table (PmPdfFile *f, GError **error)
{
  gsize p = f->xref;
  if (!keyword (f->data, f->len, &p, "xref"))
    return fail_at (error, f->name, p,
                    "no cross-reference table where startxref points (a cross-reference "
                    "stream, which this reader does not take?)");
  for (;;) {
    pm_pdf_skip_space (f->data, f->len, &p);
    if (keyword (f->data, f->len, &p, "trailer"))
      break;
    guint64 first = 0, count = 0;
    /* Entries are 20 bytes: a count the rest of the file cannot hold is not believed (nor
     * allocated for). */
    if (!read_uint (f->data, f->len, &p, &first) || !read_uint (f->data, f->len, &p, &count) ||
        first + count > MAX_OBJECTS_IN (f->len) || count > (f->len - p) / 18)
      return fail_at (error, f->name, p, "a cross-reference subsection without a valid range");
    if (first + count > f->slots->len)
      g_array_set_size (f->slots, (guint)(first + count));
    for (guint64 k = 0; k < count; k++) {
      guint64 offset = 0, gen = 0;
      if (!read_uint (f->data, f->len, &p, &offset) || !read_uint (f->data, f->len, &p, &gen))
        return fail_at (error, f->name, p, "a cross-reference entry without offset and generation");
      pm_pdf_skip_space (f->data, f->len, &p);
      if (p >= f->len || (f->data[p] != 'n' && f->data[p] != 'f'))
        return fail_at (error, f->name, p, "a cross-reference entry neither n nor f");
      gboolean used = f->data[p++] == 'n';
      Slot *s = slot (f, (guint)(first + k));
      if (used && (offset == 0 || offset >= f->xref || gen > 65535))
        return fail_at (error, f->name, p, "an object offset outside the body");
      s->used = used && first + k > 0;
      s->offset = used ? (gsize)offset : 0;
      s->gen = (guint)MIN (gen, 65535);
    }
  }
  GError *e = NULL;
  f->trailer = pm_pdf_object_read (f->data, f->len, &p, &e);
  if (!f->trailer || pm_pdf_object_get_type (f->trailer) != PM_PDF_DICT) {
    fail_at (error, f->name, p, e ? e->message : "a trailer that is not a dictionary");
    g_clear_error (&e);
    return FALSE;
  }
  if (pm_pdf_dict_get (f->trailer, "Prev") || pm_pdf_dict_get (f->trailer, "XRefStm"))
    return fail_at (error, f->name, p,
                    "an updated file (more than one cross-reference section), which this "
                    "reader does not take");
  if (pm_pdf_dict_get (f->trailer, "Encrypt"))
    return fail_at (error, f->name, p, "an encrypted file");
  guint root = pm_pdf_object_get_ref (pm_pdf_dict_get (f->trailer, "Root"));
  if (!root)
    return fail_at (error, f->name, p, "a trailer without /Root");
  if (!slot (f, root) || !slot (f, root)->used)
    return fail_at (error, f->name, p, "a /Root that names no object of the table");

  /* Each object runs to the next one, the last to the table: what is copied when unchanged. */
  GPtrArray *by_offset = g_ptr_array_new ();
  for (guint k = 0; k < f->slots->len; k++)
    if (slot (f, k)->used)
      g_ptr_array_add (by_offset, slot (f, k));
  g_ptr_array_sort (by_offset, compare_offsets);
  gboolean ok = TRUE;
  for (guint k = 0; ok && k < by_offset->len; k++) {
    Slot *s = g_ptr_array_index (by_offset, k);
    s->end =
        k + 1 < by_offset->len ? ((Slot *)g_ptr_array_index (by_offset, k + 1))->offset : f->xref;
    if (k + 1 < by_offset->len && s->end == s->offset)
      ok = fail_at (error, f->name, s->offset, "two objects at one offset");
  }
  f->header_end = by_offset->len ? ((Slot *)g_ptr_array_index (by_offset, 0))->offset : f->xref;
  g_ptr_array_unref (by_offset);
  return ok;
}

PmPdfFile *
pm_pdf_file_new (const char *name, const guint8 *data, gsize len, GError **error)
{
  PmPdfFile *f = g_new0 (PmPdfFile, 1);
  f->name = g_strdup (name);
  f->data = data;
  f->len = len;
  f->slots = g_array_new (FALSE, TRUE, sizeof (Slot));
  g_array_set_size (f->slots, 1); /* object 0 heads the free list */
  if (len < 8 || memcmp (data, "%PDF-", 5) != 0) {
    fail_at (error, name, 0, "no %PDF- header: not a PDF file");
    pm_pdf_file_free (f);
    return NULL;
  }
  if (!find_startxref (f, &f->xref, error) || !read_table (f, error)) {
    pm_pdf_file_free (f);
    return NULL;
  }
  return f;
}

void
pm_pdf_file_free (PmPdfFile *f)
{
  if (!f)
    return;
  for (guint k = 0; k < f->slots->len; k++)
    pm_pdf_object_free (slot (f, k)->object);
  g_array_unref (f->slots);
  pm_pdf_object_free (f->trailer);
  g_clear_error (&f->error);
  g_free (f->name);
  g_free (f);
}

PmPdfObject *
pm_pdf_file_get_trailer (PmPdfFile *f)
{
  return f->trailer;
}

static void
object_failed (PmPdfFile *f, Slot *s, guint num, gsize pos, const char *what)
{
  s->failed = TRUE;
  if (!f->error)
    f->error =
        g_error_new (PM_ERROR, PM_ERROR_INTERNAL, "%s: object %u at byte %" G_GSIZE_FORMAT ": %s",
                     f->name, num, pos, what);
}

/* Reads object NUM at its offset: "NUM GEN obj", the object, and for a stream where its data
 * starts. */
static void
read_slot (PmPdfFile *f, guint num, Slot *s)
{
  gsize p = s->offset;
  guint64 n = 0, gen = 0;
  if (!read_uint (f->data, s->end, &p, &n) || !read_uint (f->data, s->end, &p, &gen) || n != num ||
      gen != s->gen) {
    object_failed (f, s, num, s->offset, "the table points at no such object");
    return;
  }
  pm_pdf_skip_space (f->data, s->end, &p);
  if (!keyword (f->data, s->end, &p, "obj")) {
    object_failed (f, s, num, p, "no `obj` after the object number");
    return;
  }
  GError *e = NULL;
  gsize body = p;
  PmPdfObject *o = pm_pdf_object_read (f->data, s->end, &p, &e);
  if (!o) {
    object_failed (f, s, num, s->offset, e->message);
    g_error_free (e);
    return;
  }
  pm_pdf_skip_space (f->data, s->end, &p);
  if (pm_pdf_object_get_type (o) == PM_PDF_DICT && keyword (f->data, s->end, &p, "stream")) {
    /* The data starts after the end of line that follows the keyword (7.3.8.1). */
    if (p < s->end && f->data[p] == '\r')
      p++;
    if (p < s->end && f->data[p] == '\n')
      p++;
    s->stream = p;
  } else {
    s->body = body;
    s->body_end = p;
    if (!keyword (f->data, s->end, &p, "endobj")) {
      pm_pdf_object_free (o);
      object_failed (f, s, num, p, "no `endobj` after the object");
      return;
    }
  }
  s->object = o;
}

PmPdfObject *
pm_pdf_file_get (PmPdfFile *f, guint num)
{
  Slot *s = slot (f, num);
  if (!s || !s->used || s->failed)
    return NULL;
  if (!s->object)
    read_slot (f, num, s);
  return s->object;
}

PmPdfObject *
pm_pdf_file_resolve (PmPdfFile *f, PmPdfObject *object)
{
  guint num = pm_pdf_object_get_ref (object);
  return num ? pm_pdf_file_get (f, num) : object;
}

PmPdfObject *
pm_pdf_file_edit (PmPdfFile *f, guint num)
{
  PmPdfObject *o = pm_pdf_file_get (f, num);
  Slot *s = slot (f, num);
  if (!o || s->stream)
    return NULL;
  s->dirty = TRUE;
  return o;
}

guint
pm_pdf_file_add (PmPdfFile *f, PmPdfObject *object)
{
  Slot added = { .used = TRUE, .dirty = TRUE, .object = object };
  g_array_append_val (f->slots, added);
  return f->slots->len - 1;
}

/* The data of stream NUM as it is in the file. */
static gboolean
raw_stream (PmPdfFile *f, guint num, const guint8 **data, gsize *len)
{
  PmPdfObject *dict = pm_pdf_file_get (f, num);
  Slot *s = slot (f, num);
  double length = -1;
  if (!dict || !s->stream ||
      !pm_pdf_object_get_number (pm_pdf_file_resolve (f, pm_pdf_dict_get (dict, "Length")),
                                 &length) ||
      length < 0 || length > (double)(s->end - s->stream))
    return FALSE;
  *data = f->data + s->stream;
  *len = (gsize)length;
  return TRUE;
}

static GBytes *
inflate_data (const guint8 *data, gsize len)
{
  z_stream z = { 0 };
  if (inflateInit (&z) != Z_OK)
    return NULL;
  GByteArray *out = g_byte_array_sized_new ((guint)MIN (len * 4, G_MAXUINT / 2));
  z.next_in = (Bytef *)data;
  z.avail_in = (uInt)len;
  int status = Z_OK;
  guint8 buf[16384];
  while (status == Z_OK) {
    z.next_out = buf;
    z.avail_out = sizeof buf;
    status = inflate (&z, Z_NO_FLUSH);
    g_byte_array_append (out, buf, (guint)(sizeof buf - z.avail_out));
    if (status == Z_OK && z.avail_in == 0 && z.avail_out != 0)
      status = Z_DATA_ERROR; /* the data ends before the compressed stream does */
  }
  inflateEnd (&z);
  if (status != Z_STREAM_END) {
    g_byte_array_unref (out);
    return NULL;
  }
  return g_byte_array_free_to_bytes (out);
}

GBytes *
pm_pdf_file_get_stream_data (PmPdfFile *f, guint num)
{
  const guint8 *data = NULL;
  gsize len = 0;
  if (!raw_stream (f, num, &data, &len))
    return NULL;
  PmPdfObject *dict = pm_pdf_file_get (f, num);
  PmPdfObject *filter = pm_pdf_file_resolve (f, pm_pdf_dict_get (dict, "Filter"));
  if (pm_pdf_array_get_length (filter) == 1)
    filter = pm_pdf_array_get (filter, 0);
  if (!filter)
    return g_bytes_new (data, len);
  if (pm_pdf_object_is_name (filter, "FlateDecode") && !pm_pdf_dict_get (dict, "DecodeParms"))
    return inflate_data (data, len);
  return NULL;
}

/* The file's version from its header, times ten (15 for 1.5), or 0. */
static int
header_version (PmPdfFile *f)
{
  const guint8 *d = f->data;
  if (f->len < 8 || !g_ascii_isdigit (d[5]) || d[6] != '.' || !g_ascii_isdigit (d[7]))
    return 0;
  return (d[5] - '0') * 10 + (d[7] - '0');
}

/* An object's text (no number, no `obj`): written anew if it changed, else as it was read. */
static void
append_body (PmPdfFile *f, const Slot *s, GString *out)
{
  if (s->dirty)
    pm_pdf_object_write (s->object, out);
  else
    g_string_append_len (out, (const char *)f->data + s->body, (gssize)(s->body_end - s->body));
}

/* Appends "NUM GEN obj", DICT with its /Length and /Filter set, and DATA compressed. */
static void
append_stream (GString *out, guint num, PmPdfObject *dict, const guint8 *data, gsize len)
{
  uLongf size = compressBound ((uLong)len);
  guint8 *packed = g_malloc (size);
  if (compress2 (packed, &size, data, (uLong)len, PM_DEFLATE_LEVEL) != Z_OK)
    g_error ("zlib cannot compress %" G_GSIZE_FORMAT " bytes in memory", len); /* out of memory */
  pm_pdf_dict_set (dict, "Length", pm_pdf_object_new_int ((gint64)size));
  pm_pdf_dict_set (dict, "Filter", pm_pdf_object_new_name ("FlateDecode"));
  g_string_append_printf (out, "%u 0 obj\n", num);
  pm_pdf_object_write (dict, out);
  g_string_append (out, "\nstream\n");
  g_string_append_len (out, (const char *)packed, (gssize)size);
  g_string_append (out, "\nendstream\nendobj\n");
  g_free (packed);
}

/* How many objects one object stream holds, as qpdf does: a reader that wants one object
 * decompresses at most this many. */
#define OBJECTS_PER_STREAM 100

/* Packs the objects numbered in PACKED into object streams (PDF 1.5, 7.5.7), numbered from
 * FIRST on; each object's stream and index go in STREAM_OF and INDEX_IN. */
static guint
append_object_streams (PmPdfFile *f, GArray *packed, guint first, GString *out, gsize *offsets,
                       guint *stream_of, guint *index_in)
{
  guint n_streams = 0;
  GString *head = g_string_new (NULL), *body = g_string_new (NULL);
  for (guint start = 0; start < packed->len; start += OBJECTS_PER_STREAM, n_streams++) {
    guint end = MIN (start + OBJECTS_PER_STREAM, packed->len), num = first + n_streams;
    g_string_truncate (head, 0);
    g_string_truncate (body, 0);
    for (guint k = start; k < end; k++) {
      guint obj = g_array_index (packed, guint, k);
      g_string_append_printf (head, "%u %" G_GSIZE_FORMAT " ", obj, body->len);
      append_body (f, slot (f, obj), body);
      g_string_append_c (body, '\n');
      stream_of[obj] = num;
      index_in[obj] = k - start;
    }
    gsize first_offset = head->len;
    g_string_append_len (head, body->str, (gssize)body->len);
    g_autoptr (PmPdfObject) dict = pm_pdf_object_new_dict ();
    pm_pdf_dict_set (dict, "Type", pm_pdf_object_new_name ("ObjStm"));
    pm_pdf_dict_set (dict, "N", pm_pdf_object_new_int (end - start));
    pm_pdf_dict_set (dict, "First", pm_pdf_object_new_int ((gint64)first_offset));
    offsets[num] = out->len;
    append_stream (out, num, dict, (const guint8 *)head->str, head->len);
  }
  g_string_free (head, TRUE);
  g_string_free (body, TRUE);
  return n_streams;
}

static void
put_be (guint8 *p, guint64 v, int width)
{
  for (int k = width - 1; k >= 0; k--, v >>= 8)
    p[k] = (guint8)(v & 0xff);
}

/* Whether S is written inside an object stream (from PDF 1.5 on): what is not a stream and
 * has generation 0 (7.5.7). */
static gboolean
in_object_stream (const Slot *s)
{
  return s->used && !s->stream && s->gen == 0;
}

/* The trailer's /Root, /Info and /ID (DIGEST twice, 16 bytes) into DICT. */
static void
set_trailer_keys (PmPdfFile *f, PmPdfObject *dict, const guint8 *digest)
{
  guint root = pm_pdf_object_get_ref (pm_pdf_dict_get (f->trailer, "Root"));
  pm_pdf_dict_set (dict, "Root", pm_pdf_object_new_ref (root, slot (f, root)->gen));
  /* An /Info that names no object in use is left out rather than pointing nowhere. */
  guint info = pm_pdf_object_get_ref (pm_pdf_dict_get (f->trailer, "Info"));
  if (info && slot (f, info) && slot (f, info)->used)
    pm_pdf_dict_set (dict, "Info", pm_pdf_object_new_ref (info, slot (f, info)->gen));
  PmPdfObject *ids = pm_pdf_object_new_array ();
  for (int k = 0; k < 2; k++)
    pm_pdf_array_append (ids, pm_pdf_object_new_string ((const char *)digest, 16));
  pm_pdf_dict_set (dict, "ID", ids);
}

/* The cross-reference stream, object TABLE (the last), for the N slots and the object streams
 * after them: entries of 1 + 4 + 2 bytes (type, offset or object stream, generation or
 * index). */
static void
append_xref_stream (PmPdfFile *f, GString *out, guint table, const gsize *offsets,
                    const guint *stream_of, const guint *index_in, const guint8 *digest)
{
  guint n = f->slots->len, size = table + 1;
  guint8 *entries = g_malloc0 ((gsize)size * 7);
  for (guint k = 0; k < size; k++) {
    guint8 *e = entries + (gsize)k * 7;
    Slot *s = k < n ? slot (f, k) : NULL;
    if (stream_of[k]) {
      e[0] = 2;
      put_be (e + 1, stream_of[k], 4);
      put_be (e + 5, index_in[k], 2);
    } else if (!s || s->used) {
      e[0] = 1;
      put_be (e + 1, k == table ? out->len : offsets[k], 4);
      put_be (e + 5, s ? s->gen : 0, 2);
    } else {
      put_be (e + 5, k == 0 ? 65535 : 0, 2); /* free */
    }
  }
  g_autoptr (PmPdfObject) dict = pm_pdf_object_new_dict ();
  pm_pdf_dict_set (dict, "Type", pm_pdf_object_new_name ("XRef"));
  pm_pdf_dict_set (dict, "Size", pm_pdf_object_new_int (size));
  PmPdfObject *w = pm_pdf_object_new_array ();
  pm_pdf_array_append (w, pm_pdf_object_new_int (1));
  pm_pdf_array_append (w, pm_pdf_object_new_int (4));
  pm_pdf_array_append (w, pm_pdf_object_new_int (2));
  pm_pdf_dict_set (dict, "W", w);
  set_trailer_keys (f, dict, digest);
  append_stream (out, table, dict, entries, (gsize)size * 7);
  g_free (entries);
}

/* The classic table and trailer, for every slot. */
static void
append_xref_table (PmPdfFile *f, GString *out, const gsize *offsets, const guint8 *digest)
{
  guint n = f->slots->len;
  g_string_append_printf (out, "xref\n0 %u\n0000000000 65535 f \n", n);
  for (guint k = 1; k < n; k++) {
    Slot *s = slot (f, k);
    if (s->used)
      g_string_append_printf (out, "%010" G_GSIZE_FORMAT " %05u n \n", offsets[k], s->gen);
    else
      g_string_append (out, "0000000000 65535 f \n");
  }
  g_autoptr (PmPdfObject) trailer = pm_pdf_object_new_dict ();
  pm_pdf_dict_set (trailer, "Size", pm_pdf_object_new_int (n));
  set_trailer_keys (f, trailer, digest);
  g_string_append (out, "trailer\n");
  pm_pdf_object_write (trailer, out);
  g_string_append_c (out, '\n');
}

/* OUT into PATH, in place (PATH is a temporary file already: no second one and rename), and
 * truncated, in case it held something longer. */
static gboolean
write_out (const GString *out, const char *path, GError **error)
{
  FILE *fp = g_fopen (path, "wb");
  gboolean ok = fp && fwrite (out->str, 1, out->len, fp) == out->len;
  int err = errno;
  if (fp && fclose (fp) != 0 && ok) {
    ok = FALSE;
    err = errno;
  }
  if (!ok)
    g_set_error (error, PM_ERROR, PM_ERROR_IO, "%s: cannot write: %s", path, g_strerror (err));
  return ok;
}

gboolean
pm_pdf_file_write (PmPdfFile *f, const char *path, GError **error)
{
  /* From PDF 1.5 on, every object that is not a stream goes into object streams (about a
   * fifth of a pamphlet's bytes), and the table is a stream. */
  gboolean pack = header_version (f) >= 15 && f->len < G_MAXINT32; /* offsets in 4 bytes */
  guint n = f->slots->len;
  g_autoptr (GArray) packed = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint k = 1; k < n; k++) {
    Slot *s = slot (f, k);
    /* Every object is read: one that cannot be makes the write fail (f->error). */
    if (s->used)
      pm_pdf_file_get (f, k);
    if (pack && in_object_stream (s))
      g_array_append_val (packed, k);
  }
  if (f->error) {
    g_propagate_error (error, g_error_copy (f->error));
    return FALSE;
  }
  GString *out = g_string_sized_new (f->len + f->len / 8);
  g_string_append_len (out, (const char *)f->data, (gssize)f->header_end);
  /* Room for the object streams and the table stream after the objects. */
  guint total = n + (packed->len + OBJECTS_PER_STREAM - 1) / OBJECTS_PER_STREAM + 1;
  gsize *offsets = g_new0 (gsize, total);
  guint *stream_of = g_new0 (guint, total), *index_in = g_new0 (guint, total);
  for (guint k = 1; k < n; k++) {
    Slot *s = slot (f, k);
    if (!s->used || (pack && in_object_stream (s)))
      continue;
    offsets[k] = out->len;
    if (!s->dirty) {
      g_string_append_len (out, (const char *)f->data + s->offset, (gssize)(s->end - s->offset));
      continue;
    }
    g_string_append_printf (out, "%u %u obj\n", k, s->gen);
    pm_pdf_object_write (s->object, out);
    g_string_append (out, "\nendobj\n");
  }
  guint table =
      pack ? n + append_object_streams (f, packed, n, out, offsets, stream_of, index_in) : n;
  /* The /ID: a digest of everything before the table. */
  guint8 digest[16];
  gsize digest_len = sizeof digest;
  GChecksum *md5 = g_checksum_new (G_CHECKSUM_MD5);
  g_checksum_update (md5, (const guchar *)out->str, (gssize)out->len);
  g_checksum_get_digest (md5, digest, &digest_len);
  g_checksum_free (md5);
  gsize xref = out->len;
  if (pack)
    append_xref_stream (f, out, table, offsets, stream_of, index_in, digest);
  else
    append_xref_table (f, out, offsets, digest);
  g_string_append_printf (out, "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref);
  g_free (offsets);
  g_free (stream_of);
  g_free (index_in);
  gboolean ok = write_out (out, path, error);
  g_string_free (out, TRUE);
  return ok;
}
