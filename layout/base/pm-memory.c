/* pm-memory.c: sanitizers known when compiling, valgrind when running. */
#include "base/pm-memory.h"

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif
#if defined(__SANITIZE_ADDRESS__)
#define PM_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define PM_SANITIZED 1
#endif
#endif
#ifndef PM_SANITIZED
#define PM_SANITIZED 0
#endif

gboolean
pm_memory_is_checked (void)
{
  return PM_SANITIZED || RUNNING_ON_VALGRIND;
}
