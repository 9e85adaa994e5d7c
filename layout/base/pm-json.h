/* pm-json.h: JSON text (RFC 8259) written value by value, indented for reading.
 *
 * The writer keeps the commas and indentation: objects have a member per line, arrays of
 * plain values stay on one line. Strings are escaped and made valid UTF-8; numbers never
 * depend on the locale, and a number that is not finite is written as null. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PmJsonWriter PmJsonWriter;

/* A writer at the start of a document, which is one value. */
PmJsonWriter *pm_json_writer_new (void);

/* Frees the writer and returns the text written (free with g_free()). The caller has closed
 * every object and array it opened. */
char *pm_json_writer_finish (PmJsonWriter *writer);

/* Opens an object; its members are written with pm_json_writer_member() then a value. */
void pm_json_writer_begin_object (PmJsonWriter *writer);

/* Closes the object opened last. */
void pm_json_writer_end_object (PmJsonWriter *writer);

/* Opens an array. */
void pm_json_writer_begin_array (PmJsonWriter *writer);

/* Closes the array opened last. */
void pm_json_writer_end_array (PmJsonWriter *writer);

/* Writes the NAME of the next member of the open object. */
void pm_json_writer_member (PmJsonWriter *writer, const char *name);

/* Writes a string; NULL is written as null. */
void pm_json_writer_string (PmJsonWriter *writer, const char *value);

/* Writes an integer. */
void pm_json_writer_int (PmJsonWriter *writer, gint64 value);

/* Writes a number in the shortest form that reads back as VALUE; null if not finite. */
void pm_json_writer_double (PmJsonWriter *writer, double value);

/* Writes true or false. */
void pm_json_writer_boolean (PmJsonWriter *writer, gboolean value);

G_END_DECLS
