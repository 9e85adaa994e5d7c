/* pm-deflate.h: the zlib level of the streams in pamphlet's PDFs.
 *
 * cairo 1.16 compresses every stream it writes at zlib's default level (6) and has no setting
 * for it: for the booklet that was about a tenth of the build, on the one thread writing the
 * PDF. pamphlet links cairo from its static archive, and the linker sends cairo's single
 * deflateInit() call to the wrapper below (ld --wrap=deflateInit_, see the Makefile), which
 * asks for PM_DEFLATE_LEVEL instead. The booklet's PDF is 5 % larger (195 kB instead of 186)
 * and 8 ms faster to write. The finishing pass compresses its object streams at the same
 * level. */
#pragma once

#include <zlib.h>

#define PM_DEFLATE_LEVEL 3

/* deflateInit() as cairo calls it (through zlib's deflateInit_), at PM_DEFLATE_LEVEL whatever
 * LEVEL it asks for. Only the linker calls it. */
int __wrap_deflateInit_ (z_streamp strm, int level, const char *version, int stream_size);
