/* pm-memory.h: whether a memory checker watches the process. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether AddressSanitizer (or MemorySanitizer) is built in or valgrind runs the process:
 * malloc is theirs, not glibc's, and every block must be freed for their leak checks. */
gboolean pm_memory_is_checked (void);

G_END_DECLS
