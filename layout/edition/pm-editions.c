/* pm-editions.c: incremental, parallel builds of a manifest's editions. */
#include "edition/pm-editions.h"
#include "base/pm-error.h"
#include "output/pm-atomic.h"

#include "edition/pm-report.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

typedef struct {
  const PmManifest *manifest;
  const PmEditionsOptions *options;
  char *state_dir;
  GMutex lock; /* guards the result and the progress stream */
  PmEditionsResult result;
} Run;

static char *
file_sha256 (const char *path)
{
  GMappedFile *map = g_mapped_file_new (path, FALSE, NULL);
  if (!map)
    return NULL;
  char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                           (const guchar *)g_mapped_file_get_contents (map),
                                           g_mapped_file_get_length (map));
  g_mapped_file_unref (map);
  return sum;
}

static char *
args_sha256 (GPtrArray *args)
{
  GChecksum *sum = g_checksum_new (G_CHECKSUM_SHA256);
  for (guint i = 0; i < args->len; i++) {
    const char *a = g_ptr_array_index (args, i);
    g_checksum_update (sum, (const guchar *)a, (gssize)strlen (a) + 1);
  }
  char *hex = g_strdup (g_checksum_get_string (sum));
  g_checksum_free (sum);
  return hex;
}

/* One line of a state file: sum, size, time and path of a file the build read. */
static char *
state_line (const char *path)
{
  struct stat st;
  if (g_stat (path, &st) != 0)
    return NULL;
  char *sum = file_sha256 (path);
  if (!sum)
    return NULL;
  char *line = g_strdup_printf ("%s\t%lld\t%lld.%09ld\t%s\n", sum, (long long)st.st_size,
                                (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec, path);
  g_free (sum);
  return line;
}

static gboolean
file_unchanged (const char *line)
{
  g_auto (GStrv) f = g_strsplit (line, "\t", 4);
  if (g_strv_length (f) != 4)
    return FALSE;
  struct stat st;
  if (g_stat (f[3], &st) != 0)
    return FALSE;
  char when[64];
  g_snprintf (when, sizeof when, "%lld.%09ld", (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
  if (g_ascii_strtoll (f[1], NULL, 10) == (gint64)st.st_size && !strcmp (f[2], when))
    return TRUE;
  g_autofree char *sum = file_sha256 (f[3]);
  return sum && !strcmp (sum, f[0]);
}

static gboolean
up_to_date (const PmEdition *e, const char *state_path, const char *args_sum)
{
  g_autofree char *state = NULL;
  if (!g_file_test (e->output, G_FILE_TEST_EXISTS) ||
      !g_file_get_contents (state_path, &state, NULL, NULL))
    return FALSE;
  g_auto (GStrv) lines = g_strsplit (state, "\n", -1);
  if (!lines[0] || !g_str_has_prefix (lines[0], "args\t") || strcmp (lines[0] + 5, args_sum))
    return FALSE;
  for (int i = 1; lines[i]; i++)
    if (*lines[i] && !file_unchanged (lines[i]))
      return FALSE;
  return TRUE;
}

static gboolean
write_state (const char *state_path, const char *args_sum, const char *program,
             const char *deps_path)
{
  g_autofree char *deps = NULL;
  if (!g_file_get_contents (deps_path, &deps, NULL, NULL))
    return FALSE;
  GString *out = g_string_new (NULL);
  g_string_append_printf (out, "args\t%s\n", args_sum);
  g_auto (GStrv) paths = g_strsplit (deps, "\n", -1);
  gboolean ok = TRUE;
  char *line = state_line (program);
  if (line) {
    g_string_append (out, line);
    g_free (line);
  }
  for (int i = 0; ok && paths[i]; i++) {
    if (!*paths[i])
      continue;
    line = state_line (paths[i]);
    ok = line != NULL;
    if (line)
      g_string_append (out, line);
    g_free (line);
  }
  ok = ok && g_file_set_contents (state_path, out->str, (gssize)out->len, NULL);
  g_string_free (out, TRUE);
  return ok;
}

/* What the runner knows of one edition of a group. */
typedef struct {
  const PmEdition *edition;
  char *state, *report, *deps, *args_sum;
} Member;

static void
member_clear (Member *m)
{
  g_free (m->state);
  g_free (m->report);
  g_free (m->deps);
  g_free (m->args_sum);
}

/* TEXT (a build's messages), each line indented under its edition's progress line. */
static void
print_lines (FILE *progress, const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (char **l = lines; *l; l++)
    if (**l)
      fprintf (progress, "  %s\n", *l);
}

static void
print_failure (Run *run, const PmEdition *e, gboolean spawned, int status, const char *text)
{
  FILE *progress = run->options->progress;
  if (!progress)
    return;
  fprintf (progress, "%-20s FAILED (%s:%u:%u)\n", e->name, run->manifest->path, e->line, e->column);
  if (text && *text)
    print_lines (progress, text);
  if (spawned && WIFSIGNALED (status))
    fprintf (progress, "  pamphlet build was killed by signal %d\n", WTERMSIG (status));
}

/* Builds the editions of a group (editions setting the same pages: a booklet and its print
 * and imposed versions) that are not up to date, with one `pamphlet build` writing each
 * one's PDF: the pages are set and drawn once. */
static void
build_group (gpointer data, gpointer user)
{
  GPtrArray *group = data;
  Run *run = user;
  FILE *progress = run->options->progress;
  g_autoptr (GArray) stale = g_array_new (FALSE, TRUE, sizeof (Member));
  g_array_set_clear_func (stale, (GDestroyNotify)member_clear);

  for (guint i = 0; i < group->len; i++) {
    const PmEdition *e = g_ptr_array_index (group, i);
    g_autofree char *base = g_build_filename (run->state_dir, e->name, NULL);
    Member m = { e, g_strconcat (base, ".state", NULL), g_strconcat (base, ".json", NULL),
                 g_strconcat (base, ".deps", NULL), NULL };
    g_autoptr (GPtrArray) args = pm_edition_build_args (e, m.report, m.deps);
    m.args_sum = args_sha256 (args);
    /* A `pamphlet build` killed mid-write, here or by hand, leaves its temporary file; the
     * edition may well be up to date, since its PDF is the previous one, intact. */
    pm_atomic_remove_stale (e->output);
    if (!run->options->force && up_to_date (e, m.state, m.args_sum)) {
      g_mutex_lock (&run->lock);
      run->result.up_to_date++;
      if (progress)
        fprintf (progress, "%-20s up to date\n", e->name);
      g_mutex_unlock (&run->lock);
      member_clear (&m);
      continue;
    }
    g_unlink (m.state); /* a build that fails half-way must not look up to date */
    g_array_append_val (stale, m);
  }
  if (stale->len == 0)
    return;

  /* The first stale edition's own build, writing the others' PDFs too. */
  const Member *first = &g_array_index (stale, Member, 0);
  g_autoptr (GPtrArray) args = pm_edition_build_args (first->edition, first->report, first->deps);
  for (guint i = 1; i < stale->len; i++) {
    g_ptr_array_insert (args, 1, g_strdup ("--also"));
    g_ptr_array_insert (args, 2, pm_edition_output_spec (g_array_index (stale, Member, i).edition));
  }
  g_ptr_array_insert (args, 0, g_strdup (run->options->program));
  g_ptr_array_add (args, NULL);
  gint64 start = g_get_monotonic_time ();
  GError *error = NULL;
  g_autofree char *err_text = NULL;
  int status = 0;
  gboolean spawned = g_spawn_sync (NULL, (char **)args->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                                   NULL, NULL, NULL, &err_text, &status, &error);
  gboolean ok = spawned && WIFEXITED (status) && WEXITSTATUS (status) == 0;
  double seconds = (double)(g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  gint64 pages = ok ? pm_report_read_pages (first->report) : -1;

  g_mutex_lock (&run->lock);
  for (guint i = 0; i < stale->len; i++) {
    const Member *m = &g_array_index (stale, Member, i);
    if (ok && !write_state (m->state, m->args_sum, run->options->program, first->deps))
      g_unlink (m->state);
    if (!ok) /* a build killed mid-write leaves its temporary files */
      pm_atomic_remove_stale (m->edition->output);
    if (ok) {
      run->result.built++;
      if (progress) {
        /* An imposed edition's PDF holds sheets: say how many A4 sheets the pages take. */
        g_autofree char *sheets =
            m->edition->impose
                ? g_strdup_printf ("  (%" G_GINT64_FORMAT " A4 sheets)", (pages + 3) / 4)
                : g_strdup ("");
        fprintf (progress, "%-20s %3" G_GINT64_FORMAT " pages  %.2f s  %s%s\n", m->edition->name,
                 pages, seconds, m->edition->output, sheets);
      }
    } else {
      run->result.failed++;
      print_failure (run, m->edition, spawned, status, error ? error->message : err_text);
    }
  }
  /* A built group's warnings (a leaflet longer than one sheet, an overfull line), once. */
  if (ok && progress && err_text && *err_text)
    print_lines (progress, err_text);
  if (progress)
    fflush (progress);
  g_mutex_unlock (&run->lock);
  g_clear_error (&error);
}

gboolean
pm_editions_run (const PmManifest *m, const PmEditionsOptions *o, PmEditionsResult *result,
                 GError **error)
{
  Run run = { .manifest = m, .options = o };
  run.state_dir = g_build_filename (m->output_dir, ".state", NULL);
  if (g_mkdir_with_parents (run.state_dir, 0755) != 0) {
    int err = errno;
    g_set_error (error, PM_ERROR, PM_ERROR_IO, "%s: cannot make the build state directory: %s",
                 run.state_dir, g_strerror (err));
    g_free (run.state_dir);
    return FALSE;
  }
  for (char **n = o->only; n && *n; n++)
    if (!pm_manifest_find (m, *n)) {
      g_set_error (error, PM_ERROR, PM_ERROR_USAGE, "%s has no edition named '%s'", m->path, *n);
      g_free (run.state_dir);
      return FALSE;
    }
  g_mutex_init (&run.lock);
  int jobs = o->jobs > 0 ? o->jobs : (int)g_get_num_processors ();
  /* Editions that set the same pages go together, in manifest order. */
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0; i < m->editions->len; i++) {
    PmEdition *e = g_ptr_array_index (m->editions, i);
    if (o->only && !g_strv_contains ((const char *const *)o->only, e->name))
      continue;
    GPtrArray *group = NULL;
    for (guint g = 0; !group && g < groups->len; g++) {
      GPtrArray *candidate = g_ptr_array_index (groups, g);
      if (pm_edition_same_pages (g_ptr_array_index (candidate, 0), e))
        group = candidate;
    }
    if (!group) {
      group = g_ptr_array_new ();
      g_ptr_array_add (groups, group);
    }
    g_ptr_array_add (group, e);
  }
  GThreadPool *pool = g_thread_pool_new (build_group, &run, jobs, TRUE, NULL);
  for (guint g = 0; g < groups->len; g++)
    g_thread_pool_push (pool, g_ptr_array_index (groups, g), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
  g_mutex_clear (&run.lock);
  g_free (run.state_dir);
  if (result)
    *result = run.result;
  if (run.result.failed > 0) {
    g_set_error (error, PM_ERROR, PM_ERROR_INPUT, "%u of %u editions failed", run.result.failed,
                 run.result.failed + run.result.built + run.result.up_to_date);
    return FALSE;
  }
  return TRUE;
}
