/* pm-pdf-file.h: a PDF file read from memory through its cross-reference table, some of its
 * objects changed or added, and the whole written back with a new table. Objects nobody
 * changed are copied byte for byte, so their streams are never decoded or compressed again.
 *
 * Made for the files cairo and Ghostscript's pdfwrite write: one classic cross-reference
 * table, no object streams, no encryption. Anything else is refused with an error rather
 * than guessed at. */
#pragma once

#include "output/pm-pdf-object.h"

G_BEGIN_DECLS

typedef struct _PmPdfFile PmPdfFile;

/* Reads the cross-reference table and trailer of the PDF in DATA (LEN bytes, which must stay
 * valid while the file is used), named NAME in messages. Objects are read when first asked
 * for. NULL with PM_ERROR_INTERNAL, naming NAME and the byte, when the file is not one this
 * reader takes. */
PmPdfFile *pm_pdf_file_new (const char *name, const guint8 *data, gsize len, GError **error);

/* Frees FILE and every object read or added. NULL is allowed. */
void pm_pdf_file_free (PmPdfFile *file);

/* The trailer dictionary, owned by FILE. */
PmPdfObject *pm_pdf_file_get_trailer (PmPdfFile *file);

/* Object NUM (a stream's dictionary for a stream), owned by FILE; NULL if the table has no
 * such object or it cannot be read. The first object that cannot be read makes
 * pm_pdf_file_write() fail with its error. */
PmPdfObject *pm_pdf_file_get (PmPdfFile *file, guint num);

/* OBJECT, or the object it refers to if it is a reference (pm_pdf_file_get()). */
PmPdfObject *pm_pdf_file_resolve (PmPdfFile *file, PmPdfObject *object);

/* pm_pdf_file_get() for an object about to be changed: it is written anew. NULL for a
 * stream, which cannot be changed here. */
PmPdfObject *pm_pdf_file_edit (PmPdfFile *file, guint num);

/* Adds OBJECT, which FILE takes, and returns the number it is written with. */
guint pm_pdf_file_add (PmPdfFile *file, PmPdfObject *object);

/* The data of stream NUM, decoded if it is compressed with FlateDecode; NULL if NUM is not
 * a stream that can be read, or has another filter. */
GBytes *pm_pdf_file_get_stream_data (PmPdfFile *file, guint num);

/* Writes the file to PATH: every object in number order (unchanged ones as they were read),
 * a cross-reference table and a trailer with /Root, /Info and an /ID that is a digest of the
 * content, so the same objects give the same bytes. From PDF 1.5 on (the header's version),
 * the objects that are not streams go into compressed object streams and the table is a
 * cross-reference stream. PM_ERROR_INTERNAL when an object could not be read, PM_ERROR_IO
 * when PATH cannot be written. */
gboolean pm_pdf_file_write (PmPdfFile *file, const char *path, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmPdfFile, pm_pdf_file_free)

G_END_DECLS
