/* pm-prefault.c: pages touched ahead of use: the main heap on another core, new memory of
 * other threads on their own. */
#define _GNU_SOURCE /* SCHED_IDLE */
#include "base/pm-prefault.h"

#include "base/pm-memory.h"

#include <malloc.h>
#include <sched.h>
#include <sys/mman.h>
#include <unistd.h>

/* Linux 5.14; older kernels refuse it and the reads below fault the pages in alone. */
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

/* Above this much free memory at its top malloc would give the heap back to the system. */
#define TRIM_THRESHOLD (1024u * 1024 * 1024)
/* Blocks from this size up are mapped on their own, outside the heap; the default, 128 kB,
 * would leave the output's buffers and the breaker's larger arrays out of it. */
#define MMAP_THRESHOLD (32u * 1024 * 1024)
/* The block must come from the heap: from the mmap threshold up it would be mapped on its own,
 * and unmapped again when freed, under the thread reading it. */
#define MAX_BYTES (MMAP_THRESHOLD - 1024u * 1024)
#define CHUNK (256u * 1024)

struct _PmPrefault {
  guintptr start, end; /* page-aligned */
  GThread *thread;
  gint stop; /* set when the pages are no longer wanted */
};

/* Reads one byte of each page after asking the kernel to populate them: the kernel's
 * populate spares the guest fault, the read the hypervisor's. The main thread may be using
 * these pages already; the reads do not change them. */
static gpointer
prefault_run (gpointer data)
{
  PmPrefault *p = data;
  /* Only on a core nothing else wants: the threads loading patterns and setting texts come
   * first. */
  struct sched_param idle = { 0 };
  sched_setscheduler (0, SCHED_IDLE, &idle);
  long page = sysconf (_SC_PAGESIZE);
  /* A quarter of a megabyte at a time: populating holds the address space's lock, which the
   * main thread needs to map files (fonts, libraries), and a stop is seen within a chunk. */
  for (guintptr chunk = p->start; chunk < p->end && !g_atomic_int_get (&p->stop); chunk += CHUNK) {
    guintptr end = MIN (chunk + CHUNK, p->end);
    madvise ((void *)chunk, end - chunk, MADV_POPULATE_WRITE);
    for (guintptr a = chunk; a < end; a += (guintptr)page)
      (void)*(volatile const char *)a;
  }
  return NULL;
}

/* Sets malloc to keep what is freed at the top of a heap (no trimming) and to take blocks up to
 * MMAP_THRESHOLD from the heap. */
static gboolean
keep_heap (void)
{
  return mallopt (M_TRIM_THRESHOLD, (int)TRIM_THRESHOLD) &&
         mallopt (M_MMAP_THRESHOLD, (int)MMAP_THRESHOLD);
}

/* The whole pages inside [BLOCK, BLOCK + SIZE): [*START, *END), empty if there are none. */
static void
whole_pages (gpointer block, gsize size, long page, guintptr *start, guintptr *end)
{
  guintptr mask = ~((guintptr)page - 1);
  *start = ((guintptr)block + (guintptr)page - 1) & mask;
  *end = MAX (((guintptr)block + size) & mask, *start);
}

gsize
pm_prefault_estimate (guint64 input_bytes)
{
  guint64 bytes = 2 * 1024 * 1024 + 160 * input_bytes;
  return (gsize)MIN (bytes, (guint64)MAX_BYTES);
}

PmPrefault *
pm_prefault_start (gsize bytes)
{
  long page = sysconf (_SC_PAGESIZE);
  if (pm_memory_is_checked () || page <= 0 || bytes < (gsize)page)
    return NULL;
  bytes = MIN (bytes, MAX_BYTES);
  /* One block from the heap (under the mmap threshold), freed at once: its memory stays at
   * the heap's top, where the next allocations come from, since the heap is not trimmed.
   * Other threads keep malloc arenas of their own, not prefaulted: the threads setting texts,
   * sharing this one, waited for each other's allocations (booklet median 125 ms sharing,
   * 121 not, for 4 MB more memory). */
  if (!keep_heap ())
    return NULL;
  char *block = malloc (bytes);
  if (!block)
    return NULL;
  /* Only memory below the program break stays mapped once freed (trimming is off). */
  if (block + bytes > (char *)sbrk (0)) {
    free (block);
    return NULL;
  }
  PmPrefault *p = g_new0 (PmPrefault, 1);
  whole_pages (block, bytes, page, &p->start, &p->end);
  free (block);
  p->thread = g_thread_try_new ("pm-prefault", prefault_run, p, NULL);
  if (!p->thread) {
    g_free (p);
    return NULL;
  }
  return p;
}

void
pm_prefault_block (gpointer block, gsize size)
{
  long page = sysconf (_SC_PAGESIZE);
  if (pm_memory_is_checked () || page <= 0 || !block)
    return;
  guintptr start, end;
  whole_pages (block, size, page, &start, &end);
  if (end > start)
    madvise ((void *)start, end - start, MADV_POPULATE_WRITE);
}

void
pm_prefault_arena (gsize bytes)
{
  if (pm_memory_is_checked () || bytes == 0 || !keep_heap ())
    return;
  bytes = MIN (bytes, MAX_BYTES);
  char *block = malloc (bytes);
  pm_prefault_block (block, bytes);
  free (block);
}

void
pm_prefault_finish (PmPrefault *p)
{
  if (!p)
    return;
  /* A build that ended before the thread did has no use for the rest (the thread runs only
   * on an idle core, which a busy machine may not have had). */
  g_atomic_int_set (&p->stop, 1);
  g_thread_join (p->thread);
  g_free (p);
}
