/* pm-prefault.h: memory's pages touched ahead of use.
 *
 * Where pamphlet is measured, the first touch of a page costs about 10 µs (a guest page fault
 * and a shadow page-table fault in the hypervisor): the booklet's 12 MB of heap were 30 ms of a
 * 155 ms build. A thread that faults the main heap in while the fonts load and the pages are
 * set takes that cost off the main thread; other threads populate their own new memory in one
 * call, which halves it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PmPrefault PmPrefault;

/* Grows the main thread's heap by about BYTES (at most about 30 MB: malloc's largest mmap
 * threshold) and starts a thread faulting its pages in. Process-wide: it sets malloc's trim
 * and mmap thresholds so that the heap is not given back. Returns NULL where it would not
 * help or could not be done safely (sanitizers, valgrind, BYTES under a page, memory not from
 * the program break, as on another thread, no thread). */
PmPrefault *pm_prefault_start (gsize bytes);

/* Populates the whole pages inside BLOCK (SIZE bytes, just allocated) on this thread: about
 * half the cost of touching them one by one (on the VMs measured, 4.5 instead of 10-13 µs a
 * page, as the hypervisor still takes its fault at the first touch). Does nothing under
 * sanitizers and valgrind. */
void pm_prefault_block (gpointer block, gsize size);

/* Populates the pages the calling thread's next allocations of about BYTES (at most about 30
 * MB) will use, on this thread: a block of BYTES is allocated, populated and freed, and stays
 * at the top of the thread's malloc arena. Process-wide, as pm_prefault_start(): malloc's
 * trim and mmap thresholds are set so that it does. */
void pm_prefault_arena (gsize bytes);

/* Stops P's thread, which may not have reached every page, waits for it and frees P (NULL is
 * allowed). */
void pm_prefault_finish (PmPrefault *p);

/* The heap a build of corpus files of INPUT_BYTES in all reaches: measured on the booklet
 * (77 kB, 12.4 MB) and on the leaflets (12 kB, 2.2 MB; 21 kB, 4.1 MB). */
gsize pm_prefault_estimate (guint64 input_bytes);

G_END_DECLS
