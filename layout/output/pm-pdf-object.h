/* pm-pdf-object.h: PDF objects (ISO 32000-1, 7.3) as values: read from a file's bytes,
 * built, edited and written back. Only what finishing cairo's and Ghostscript's files needs:
 * no streams (pm-pdf-file.h reads those), no encryption. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PmPdfObject PmPdfObject;

typedef enum {
  PM_PDF_NULL,
  PM_PDF_BOOL,
  PM_PDF_INT,
  PM_PDF_REAL,
  PM_PDF_NAME,
  PM_PDF_STRING,
  PM_PDF_ARRAY,
  PM_PDF_DICT,
  PM_PDF_REF,
} PmPdfType;

/* New objects, each freed with pm_pdf_object_free() or by the array or dictionary it is put
 * in. A name is given without its slash; a real is written with at most DECIMALS digits after
 * the point (trailing zeros dropped); a string holds LEN bytes; a text string is UTF-8 made
 * into PDFDocEncoding where it is plain ASCII, else UTF-16BE with a byte order mark. */
PmPdfObject *pm_pdf_object_new_null (void);
PmPdfObject *pm_pdf_object_new_int (gint64 value);
PmPdfObject *pm_pdf_object_new_real (double value, int decimals);
PmPdfObject *pm_pdf_object_new_name (const char *name);
PmPdfObject *pm_pdf_object_new_string (const char *bytes, gsize len);
PmPdfObject *pm_pdf_object_new_text (const char *utf8);
PmPdfObject *pm_pdf_object_new_array (void);
PmPdfObject *pm_pdf_object_new_dict (void);
PmPdfObject *pm_pdf_object_new_ref (guint num, guint gen);

/* Frees OBJECT and what it holds. NULL is allowed. */
void pm_pdf_object_free (PmPdfObject *object);

/* OBJECT's type; PM_PDF_NULL for NULL. */
PmPdfType pm_pdf_object_get_type (const PmPdfObject *object);

/* The value of an integer or a real in *VALUE; FALSE for anything else. */
gboolean pm_pdf_object_get_number (const PmPdfObject *object, double *value);

/* Whether OBJECT is the name NAME (given without its slash). */
gboolean pm_pdf_object_is_name (const PmPdfObject *object, const char *name);

/* A string's bytes and their number, or NULL. */
const char *pm_pdf_object_get_string (const PmPdfObject *object, gsize *len);

/* The object number a reference points to, or 0 for anything else. */
guint pm_pdf_object_get_ref (const PmPdfObject *object);

/* An array's length, its item I (NULL past the end), and its changes: the array takes ITEM. */
guint pm_pdf_array_get_length (const PmPdfObject *array);
PmPdfObject *pm_pdf_array_get (const PmPdfObject *array, guint i);
void pm_pdf_array_append (PmPdfObject *array, PmPdfObject *item);
void pm_pdf_array_set (PmPdfObject *array, guint i, PmPdfObject *item);

/* A dictionary's value for KEY (without the slash), or NULL; setting a key replaces its value
 * in place (the dictionary takes VALUE) or adds it last; removing a missing key does nothing.
 * Keys keep the order they were read or added in. */
PmPdfObject *pm_pdf_dict_get (const PmPdfObject *dict, const char *key);
void pm_pdf_dict_set (PmPdfObject *dict, const char *key, PmPdfObject *value);
void pm_pdf_dict_remove (PmPdfObject *dict, const char *key);
guint pm_pdf_dict_get_size (const PmPdfObject *dict);
const char *pm_pdf_dict_get_key (const PmPdfObject *dict, guint i);

/* Reads one object from DATA (LEN bytes) at *POS, past white space and comments, and moves
 * *POS past it. NULL with PM_ERROR_INTERNAL naming the byte where it went wrong when the
 * bytes are not an object (or nest deeper than 64). The keywords `obj`, `endobj`, `stream`
 * and `R` are not objects. */
PmPdfObject *pm_pdf_object_read (const guint8 *data, gsize len, gsize *pos, GError **error);

/* Appends OBJECT written as PDF syntax to OUT. */
void pm_pdf_object_write (const PmPdfObject *object, GString *out);

/* Moves *POS past white space and comments in DATA (LEN bytes). */
void pm_pdf_skip_space (const guint8 *data, gsize len, gsize *pos);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmPdfObject, pm_pdf_object_free)

G_END_DECLS
