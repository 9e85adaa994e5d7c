/* pm-deflate.c: cairo's streams compressed at pamphlet's level (see pm-deflate.h). */
#include "output/pm-deflate.h"

/* zlib's own, which --wrap renames for the wrapper to call. */
int __real_deflateInit_ (z_streamp strm, int level, const char *version, int stream_size);

int
__wrap_deflateInit_ (z_streamp strm, int level, const char *version, int stream_size)
{
  (void)level;
  return __real_deflateInit_ (strm, PM_DEFLATE_LEVEL, version, stream_size);
}
