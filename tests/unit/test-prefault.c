/* test-prefault.c: the heap's pages faulted in ahead of use. */
#include "base/pm-prefault.h"

#include <sys/mman.h>
#include <unistd.h>

/* How many of the whole pages in [P, P + LEN) are resident, without touching them. */
static gsize
resident_pages (const void *p, gsize len, gsize *total)
{
  gsize page = (gsize)sysconf (_SC_PAGESIZE);
  guintptr start = ((guintptr)p + page - 1) & ~(guintptr)(page - 1);
  guintptr end = ((guintptr)p + len) & ~(guintptr)(page - 1);
  *total = (end - start) / page;
  unsigned char *vec = g_malloc (*total + 1);
  g_assert_cmpint (mincore ((void *)start, end - start, vec), ==, 0);
  gsize n = 0;
  for (gsize i = 0; i < *total; i++)
    n += vec[i] & 1;
  g_free (vec);
  return n;
}

static void
test_estimate (void)
{
  /* The heaps measured: the booklet (77 kB of corpus) 12.4 MB, a leaflet (21 kB) 4.1 MB. */
  g_assert_cmpuint (pm_prefault_estimate (77 * 1000), >=, 12400 * 1024);
  g_assert_cmpuint (pm_prefault_estimate (21 * 1000), >=, 4100 * 1024);
  g_assert_cmpuint (pm_prefault_estimate (21 * 1000), <, pm_prefault_estimate (77 * 1000));
  /* Bounded, whatever the input. */
  g_assert_cmpuint (pm_prefault_estimate (G_MAXUINT64 / 1024), ==,
                    pm_prefault_estimate (G_MAXUINT64 / 2048));
}

/* Prefaults ASKED bytes, then checks that a block of USED bytes allocated afterwards lies on
 * pages already resident, which the test never touched. */
static void
assert_prefaulted (gsize asked, gsize used)
{
  PmPrefault *p = pm_prefault_start (asked);
#if defined(__SANITIZE_ADDRESS__)
  /* The sanitizer's allocator is not glibc's: nothing to do. */
  g_assert_null (p);
  return;
#endif
  g_assert_nonnull (p);
  /* The block comes from the prefaulted pages; the thread, on an idle core, gets to all of
   * them (pm_prefault_finish() would stop it). */
  gsize total, resident = 0;
  char *block = g_malloc (used);
  for (int wait = 0; wait < 1000; wait++) {
    resident = resident_pages (block, used, &total);
    if (resident == total)
      break;
    g_usleep (10000);
  }
  pm_prefault_finish (p);
  g_assert_cmpuint (total, >, 0);
  g_assert_cmpuint (resident, ==, total);
  g_free (block);
}

/* Later allocations come from the pages made resident. */
static void
test_heap_resident (void)
{
  assert_prefaulted (16 * 1024 * 1024, 8 * 1024 * 1024);
}

static gpointer
start_elsewhere (gpointer data)
{
  return pm_prefault_start (8 * 1024 * 1024);
}

/* More than the largest block malloc takes from the heap: capped, not mapped apart and then
 * unmapped under the reading thread (a booklet with a PDF given as a corpus file crashed). */
static void
test_limits (void)
{
  assert_prefaulted ((gsize)200 * 1024 * 1024, 16 * 1024 * 1024);
  /* Another thread allocates from an arena of its own, not from the program break. */
  g_assert_null (g_thread_join (g_thread_new ("elsewhere", start_elsewhere, NULL)));
}

/* A block just allocated: its whole pages resident after, untouched by the test. */
static void
test_block (void)
{
  gsize len = 4 * 1024 * 1024, total;
  /* Mapped apart (larger than malloc's default mmap threshold): fresh pages. */
  char *block = mmap (NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  g_assert_true (block != MAP_FAILED);
  gsize before = resident_pages (block, len, &total);
  g_assert_cmpuint (before, ==, 0);
  pm_prefault_block (block + 100, len - 200);
  gsize after = resident_pages (block, len, &total);
#if defined(__SANITIZE_ADDRESS__)
  g_assert_cmpuint (after, ==, 0);
#else
  /* The pages wholly inside, not the two it starts and ends in. */
  g_assert_cmpuint (after, ==, total - 2);
#endif
  munmap (block, len);
}

/* On a thread of its own (a malloc arena of its own): what it allocates after
 * pm_prefault_arena() lies on resident pages. */
static gpointer
arena_thread (gpointer data)
{
  pm_prefault_arena (8 * 1024 * 1024);
  gsize total;
  char *block = g_malloc (4 * 1024 * 1024);
  gsize resident = resident_pages (block, 4 * 1024 * 1024, &total);
  g_free (block);
  return GSIZE_TO_POINTER (total - resident);
}

static void
test_arena (void)
{
  gsize missing = GPOINTER_TO_SIZE (g_thread_join (g_thread_new ("arena", arena_thread, NULL)));
#if defined(__SANITIZE_ADDRESS__)
  g_assert_cmpuint (missing, >, 0);
#else
  g_assert_cmpuint (missing, ==, 0);
#endif
}

static void
test_nothing_to_do (void)
{
  g_assert_null (pm_prefault_start (0));
  pm_prefault_finish (NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/prefault/estimate", test_estimate);
  g_test_add_func ("/prefault/heap-resident", test_heap_resident);
  g_test_add_func ("/prefault/limits", test_limits);
  g_test_add_func ("/prefault/block", test_block);
  g_test_add_func ("/prefault/arena", test_arena);
  g_test_add_func ("/prefault/nothing-to-do", test_nothing_to_do);
  return g_test_run ();
}
