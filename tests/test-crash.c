/* test-crash.c: the journal survives being killed, and write failures lose nothing
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child process writes entries and check-ins through the store and reports every id
 * whose commit returned; the parent kills it with SIGKILL at random moments. After every
 * kill the journal must pass PRAGMA integrity_check and hold every reported id.
 *
 * Another child saves until a checkpoint is due, which the store makes in a thread once
 * the journal is quiet, and is killed around the time that thread copies the WAL back.
 *
 * A VFS shim wraps SQLite's "unix" VFS and makes chosen writes or syncs fail with EIO or
 * ENOSPC: every failure must reach the caller as a GError, leave the journal intact, and
 * the very same save must succeed once the fault is lifted.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "haven-store-private.h"
#include "haven-test-util.h"

#define N_KILLS 200
#define N_CHECKPOINT_KILLS 12

/* The writer child ----------------------------------------------------------------------- */

static int
run_writer (const char *path,
            guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenStore) store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
  GRand *rand = g_rand_new_with_seed (seed);

  if (store == NULL)
    {
      fprintf (stderr, "writer could not open the journal: %s\n", error->message);
      return 1;
    }

  for (guint i = 0;; i++)
    {
      if (g_rand_boolean (rand))
        {
          g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
          g_autofree char *body = g_strdup_printf ("Entry %u: %s", i,
                                                   g_strnfill (g_rand_int_range (rand, 10, 4000), 'x'));

          haven_entry_set_body (entry, body);
          if (!haven_store_save_entry (store, entry, &error))
            return 2;
          printf ("e %" G_GINT64_FORMAT "\n", haven_entry_get_id (entry));
        }
      else
        {
          g_autoptr(HavenCheckin) checkin = haven_checkin_new (g_rand_int_range (rand, 1, 6));

          haven_checkin_set_note (checkin, "a moment");
          if (!haven_store_save_checkin (store, checkin, &error))
            return 3;
          printf ("c %" G_GINT64_FORMAT "\n", haven_checkin_get_id (checkin));
        }
      fflush (stdout);
    }

  return 0;
}

/* Saves long entries until the WAL is long enough for a checkpoint, says "quiet", and
 * waits: the store's thread starts the checkpoint half a second later. */
static int
run_checkpoint_writer (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenStore) store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
  g_autoptr(GString) body = g_string_new (NULL);

  if (store == NULL)
    {
      fprintf (stderr, "writer could not open the journal: %s\n", error->message);
      return 1;
    }

  while (body->len < 32 * 1024)
    g_string_append (body, "Every word of a long evening, kept. ");

  while (_haven_store_get_wal_pages (store) < 1000)
    {
      g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);

      haven_entry_set_body (entry, body->str);
      if (!haven_store_save_entry (store, entry, &error))
        return 2;
      printf ("e %" G_GINT64_FORMAT "\n", haven_entry_get_id (entry));
      fflush (stdout);
    }

  printf ("quiet\n");
  fflush (stdout);
  g_usleep (30 * G_USEC_PER_SEC);

  return 0;
}

/* After a kill: the journal passes SQLite's integrity check and holds every record whose id
 * the child reported as committed. */
static void
assert_journal_holds (HavenStore *store,
                      GArray     *entries,
                      GArray     *checkins)
{
  sqlite3 *db = _haven_store_get_db (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check;", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");

  for (guint i = 0; i < entries->len; i++)
    {
      g_autoptr(HavenEntry) entry = haven_store_get_entry (store, g_array_index (entries, gint64, i),
                                                           &error);
      g_assert_no_error (error);
      g_assert_nonnull (entry);
    }
  for (guint i = 0; checkins != NULL && i < checkins->len; i++)
    {
      g_autoptr(HavenCheckin) checkin =
        haven_store_get_checkin (store, g_array_index (checkins, gint64, i), &error);
      g_assert_no_error (error);
      g_assert_nonnull (checkin);
    }
}

static void
test_survives_sigkill (void)
{
  g_autofree char *dir = haven_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) checkins = g_array_new (FALSE, FALSE, sizeof (gint64));
  ino_t journal_inode = 0;

  for (guint kill = 0; kill < N_KILLS; kill++)
    {
      GStatBuf st;
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) out = NULL;
      g_autoptr(HavenStore) store = NULL;
      g_autofree char *seed = g_strdup_printf ("%u", g_test_rand_int ());
      /* Kill after a random number of reported commits, or before the first. */
      guint wait_for = g_test_rand_int_range (0, 12);

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                self_path, "--writer", path, seed, NULL);
      g_assert_no_error (error);
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

      for (guint n = 0; n < wait_for; n++)
        {
          g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
          gint64 id;

          g_assert_no_error (error);
          if (line == NULL)
            break;
          id = g_ascii_strtoll (line + 2, NULL, 10);
          g_array_append_val (line[0] == 'e' ? entries : checkins, id);
        }

      /* Somewhere in the middle of the next write. */
      g_usleep (g_test_rand_int_range (0, 3000));
      g_subprocess_force_exit (child);
      g_subprocess_wait (child, NULL, NULL);

      /* Lines written before the kill may still be in the pipe: they were committed too. */
      for (;;)
        {
          g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, NULL);
          gint64 id;

          if (line == NULL)
            break;
          id = g_ascii_strtoll (line + 2, NULL, 10);
          g_array_append_val (line[0] == 'e' ? entries : checkins, id);
        }

      /* The journal the child wrote to is the one checked: the same file all along. A CI run
       * under valgrind once found the journal empty and new after seven good kills, which no
       * kill can do to an SQLite file; this tells a file replaced from outside the test
       * (missing, or another inode) from records lost inside it. */
      if (g_stat (path, &st) == 0)
        {
          g_test_message ("kill %u: journal %lld bytes, inode %llu", kill, (long long)st.st_size,
                          (unsigned long long)st.st_ino);
          if (journal_inode != 0 && st.st_ino != journal_inode)
            g_error ("kill %u: the journal was replaced by another file (inode %llu, was %llu)",
                     kill, (unsigned long long)st.st_ino, (unsigned long long)journal_inode);
          journal_inode = st.st_ino;
        }
      else if (entries->len + checkins->len > 0)
        {
          g_error ("kill %u: the journal is gone (%s) after %u reported records", kill,
                   g_strerror (errno), entries->len + checkins->len);
        }

      store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
      g_assert_no_error (error);

      assert_journal_holds (store, entries, checkins);
    }

  g_test_message ("%u kills, %u entries and %u check-ins reported and found", N_KILLS,
                  entries->len, checkins->len);
  g_assert_cmpuint (entries->len + checkins->len, >, N_KILLS);

  haven_test_rmtree (dir);
}

/* How far the last checkpoint got, from the WAL index (the -shm file; its layout is part of
 * SQLite's documented file format): nBackfillAttempted is set when copying starts,
 * nBackfill once the copy is synced. */
static void
read_checkpoint_progress (const char *path,
                          guint32    *attempted,
                          guint32    *done)
{
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  *attempted = *done = 0;
  if (!g_file_get_contents (shm, &contents, &length, NULL) || length < 136)
    return;

  memcpy (done, contents + 96, sizeof *done);
  memcpy (attempted, contents + 128, sizeof *attempted);
}

static void
test_survives_sigkill_in_checkpoint (void)
{
  g_autofree char *dir = haven_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_before = 0, n_during = 0, n_after = 0;

  for (guint kill = 0; kill < N_CHECKPOINT_KILLS; kill++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) out = NULL;
      g_autoptr(HavenStore) store = NULL;
      gboolean quiet = FALSE;
      guint32 attempted, done;

      child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                self_path, "--checkpoint-writer", path, NULL);
      g_assert_no_error (error);
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

      while (!quiet)
        {
          g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
          gint64 id;

          g_assert_no_error (error);
          g_assert_nonnull (line);
          if (g_str_equal (line, "quiet"))
            quiet = TRUE;
          else
            {
              id = g_ascii_strtoll (line + 2, NULL, 10);
              g_array_append_val (entries, id);
            }
        }

      /* Before, during or after the copy (the last time surely after it). */
      if (kill + 1 < N_CHECKPOINT_KILLS)
        g_usleep (g_test_rand_int_range (450, 600) * G_TIME_SPAN_MILLISECOND);
      else
        g_usleep (1500 * G_TIME_SPAN_MILLISECOND);
      g_subprocess_force_exit (child);
      g_subprocess_wait (child, NULL, NULL);

      read_checkpoint_progress (path, &attempted, &done);
      if (attempted == 0)
        n_before++;
      else if (done < attempted)
        n_during++;
      else
        n_after++;

      store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
      g_assert_no_error (error);

      assert_journal_holds (store, entries, NULL);
      g_assert_cmpuint (haven_store_count_entries (store), ==, entries->len);
    }

  g_test_message ("killed %u times before the checkpoint, %u times during it, %u times after it; "
                  "%u entries found", n_before, n_during, n_after, entries->len);
  g_assert_cmpuint (n_after, >, 0);

  haven_test_rmtree (dir);
}

/* The fault-injecting VFS ---------------------------------------------------------------- */

typedef enum
{
  FAULT_NONE,
  FAULT_WRITE,
  FAULT_SYNC,
} FaultKind;

static struct
{
  sqlite3_vfs         vfs;
  sqlite3_vfs        *real;
  sqlite3_io_methods  methods;
  const sqlite3_io_methods *real_methods;
  FaultKind           kind;
  int                 fail_at;    /* the n-th call (from 1) of that kind fails */
  int                 calls;
  int                 error;      /* SQLITE_IOERR_WRITE, SQLITE_FULL, SQLITE_IOERR_FSYNC */
  int                 failures;
  GThread            *thread;     /* whose calls fail: this thread's, */
  gboolean            elsewhere;  /* or (when TRUE) any other thread's: the checkpoints' */
} shim;

typedef struct
{
  sqlite3_file  base;
  sqlite3_file *real;   /* follows this struct in memory */
} ShimFile;

/* The store checkpoints in a thread of its own: a fault is aimed at either the test's own
 * saves or that thread, so that neither one takes the other's. */
static gboolean
shim_fails (FaultKind kind)
{
  if (shim.kind != kind || (g_thread_self () == shim.thread) == shim.elsewhere)
    return FALSE;

  return ++shim.calls == shim.fail_at;
}

static int
shim_close (sqlite3_file *file)
{
  ShimFile *f = (ShimFile *)file;
  int rc = f->real->pMethods->xClose (f->real);

  return rc;
}

static int
shim_read (sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
  ShimFile *f = (ShimFile *)file;

  return f->real->pMethods->xRead (f->real, buf, amount, offset);
}

static int
shim_write (sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
  ShimFile *f = (ShimFile *)file;

  if (shim_fails (FAULT_WRITE))
    {
      shim.failures++;
      return shim.error;
    }

  return f->real->pMethods->xWrite (f->real, buf, amount, offset);
}

static int
shim_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  ShimFile *f = (ShimFile *)file;

  return f->real->pMethods->xTruncate (f->real, size);
}

static int
shim_sync (sqlite3_file *file, int flags)
{
  ShimFile *f = (ShimFile *)file;

  if (shim_fails (FAULT_SYNC))
    {
      shim.failures++;
      return shim.error;
    }

  return f->real->pMethods->xSync (f->real, flags);
}

static int
shim_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  ShimFile *f = (ShimFile *)file;

  return f->real->pMethods->xFileSize (f->real, size);
}

static int
shim_lock (sqlite3_file *file, int level)
{
  ShimFile *f = (ShimFile *)file;

  return f->real->pMethods->xLock (f->real, level);
}

static int
shim_unlock (sqlite3_file *file, int level)
{
  ShimFile *f = (ShimFile *)file;

  return f->real->pMethods->xUnlock (f->real, level);
}

static int
shim_check_reserved_lock (sqlite3_file *file, int *out)
{
  ShimFile *f = (ShimFile *)file;

  return f->real->pMethods->xCheckReservedLock (f->real, out);
}

static int
shim_file_control (sqlite3_file *file, int op, void *arg)
{
  ShimFile *f = (ShimFile *)file;

  return f->real->pMethods->xFileControl (f->real, op, arg);
}

static int
shim_sector_size (sqlite3_file *file)
{
  ShimFile *f = (ShimFile *)file;

  return f->real->pMethods->xSectorSize (f->real);
}

static int
shim_device_characteristics (sqlite3_file *file)
{
  ShimFile *f = (ShimFile *)file;

  return f->real->pMethods->xDeviceCharacteristics (f->real);
}

static int
shim_shm_map (sqlite3_file *file, int page, int size, int extend, void volatile **out)
{
  ShimFile *f = (ShimFile *)file;

  return f->real->pMethods->xShmMap (f->real, page, size, extend, out);
}

static int
shim_shm_lock (sqlite3_file *file, int offset, int n, int flags)
{
  ShimFile *f = (ShimFile *)file;

  return f->real->pMethods->xShmLock (f->real, offset, n, flags);
}

static void
shim_shm_barrier (sqlite3_file *file)
{
  ShimFile *f = (ShimFile *)file;

  f->real->pMethods->xShmBarrier (f->real);
}

static int
shim_shm_unmap (sqlite3_file *file, int delete_flag)
{
  ShimFile *f = (ShimFile *)file;

  return f->real->pMethods->xShmUnmap (f->real, delete_flag);
}

static int
shim_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  ShimFile *f = (ShimFile *)file;
  int rc;

  f->real = (sqlite3_file *)(f + 1);
  rc = shim.real->xOpen (shim.real, name, f->real, flags, out_flags);
  file->pMethods = rc == SQLITE_OK && f->real->pMethods != NULL ? &shim.methods : NULL;

  return rc;
}

#define FORWARD(name, ...) \
  shim.real->name (shim.real, __VA_ARGS__)

static int shim_delete (sqlite3_vfs *v, const char *n, int s) { return FORWARD (xDelete, n, s); }
static int shim_access (sqlite3_vfs *v, const char *n, int f, int *o) { return FORWARD (xAccess, n, f, o); }
static int shim_full_pathname (sqlite3_vfs *v, const char *n, int s, char *o) { return FORWARD (xFullPathname, n, s, o); }
static void *shim_dl_open (sqlite3_vfs *v, const char *n) { return FORWARD (xDlOpen, n); }
static void shim_dl_error (sqlite3_vfs *v, int n, char *m) { FORWARD (xDlError, n, m); }
static void (*shim_dl_sym (sqlite3_vfs *v, void *h, const char *s)) (void) { return FORWARD (xDlSym, h, s); }
static void shim_dl_close (sqlite3_vfs *v, void *h) { FORWARD (xDlClose, h); }
static int shim_randomness (sqlite3_vfs *v, int n, char *o) { return FORWARD (xRandomness, n, o); }
static int shim_sleep (sqlite3_vfs *v, int us) { return FORWARD (xSleep, us); }
static int shim_current_time (sqlite3_vfs *v, double *o) { return FORWARD (xCurrentTime, o); }
static int shim_get_last_error (sqlite3_vfs *v, int n, char *o) { return FORWARD (xGetLastError, n, o); }
static int shim_current_time_int64 (sqlite3_vfs *v, sqlite3_int64 *o) { return FORWARD (xCurrentTimeInt64, o); }

#undef FORWARD

/* Registers the shim as the default VFS, so the store uses it without knowing. */
static void
shim_install (void)
{
  shim.real = sqlite3_vfs_find ("unix");
  g_assert_nonnull (shim.real);

  shim.vfs = *shim.real;
  shim.vfs.iVersion = 2;
  shim.vfs.szOsFile = sizeof (ShimFile) + shim.real->szOsFile;
  shim.vfs.zName = "haven-fault";
  shim.vfs.pNext = NULL;
  shim.vfs.xOpen = shim_open;
  shim.vfs.xDelete = shim_delete;
  shim.vfs.xAccess = shim_access;
  shim.vfs.xFullPathname = shim_full_pathname;
  shim.vfs.xDlOpen = shim_dl_open;
  shim.vfs.xDlError = shim_dl_error;
  shim.vfs.xDlSym = shim_dl_sym;
  shim.vfs.xDlClose = shim_dl_close;
  shim.vfs.xRandomness = shim_randomness;
  shim.vfs.xSleep = shim_sleep;
  shim.vfs.xCurrentTime = shim_current_time;
  shim.vfs.xGetLastError = shim_get_last_error;
  shim.vfs.xCurrentTimeInt64 = shim_current_time_int64;

  shim.methods = (sqlite3_io_methods) {
    .iVersion = 2,
    .xClose = shim_close,
    .xRead = shim_read,
    .xWrite = shim_write,
    .xTruncate = shim_truncate,
    .xSync = shim_sync,
    .xFileSize = shim_file_size,
    .xLock = shim_lock,
    .xUnlock = shim_unlock,
    .xCheckReservedLock = shim_check_reserved_lock,
    .xFileControl = shim_file_control,
    .xSectorSize = shim_sector_size,
    .xDeviceCharacteristics = shim_device_characteristics,
    .xShmMap = shim_shm_map,
    .xShmLock = shim_shm_lock,
    .xShmBarrier = shim_shm_barrier,
    .xShmUnmap = shim_shm_unmap,
  };

  g_assert_cmpint (sqlite3_vfs_register (&shim.vfs, 1), ==, SQLITE_OK);
}

static void
shim_arm_for (FaultKind kind,
              int       fail_at,
              int       error,
              gboolean  elsewhere)
{
  shim.kind = kind;
  shim.fail_at = fail_at;
  shim.calls = 0;
  shim.error = error;
  shim.failures = 0;
  shim.thread = g_thread_self ();
  shim.elsewhere = elsewhere;
}

static void
shim_arm (FaultKind kind,
          int       fail_at,
          int       error)
{
  shim_arm_for (kind, fail_at, error, FALSE);
}

static void
shim_lift (void)
{
  shim.kind = FAULT_NONE;
}

typedef struct
{
  FaultKind    kind;
  int          error;
  int          code;      /* the HAVEN_STORE_ERROR expected */
} Fault;

static const Fault faults[] = {
  { FAULT_WRITE, SQLITE_IOERR_WRITE, HAVEN_STORE_ERROR_IO },
  { FAULT_WRITE, SQLITE_FULL, HAVEN_STORE_ERROR_FULL },
  { FAULT_SYNC, SQLITE_IOERR_FSYNC, HAVEN_STORE_ERROR_IO },
};

static void
test_write_faults (gconstpointer data)
{
  const Fault *fault = data;
  g_autofree char *dir = haven_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenStore) store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
  guint n_before;
  int tried = 0;

  g_assert_no_error (error);

  /* Some journal to protect. */
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
      haven_entry_set_body (entry, "Written before any trouble.");
      g_assert_true (haven_store_save_entry (store, entry, &error));
    }
  n_before = haven_store_count_entries (store);

  /* Fail the 1st, 2nd, … write (or sync) of a save, each in turn, until a save needs fewer
   * calls than that. */
  for (int at = 1; at < 40; at++)
    {
      g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_CONFLICT);
      g_autoptr(GString) body = g_string_new (NULL);
      gboolean saved;

      for (guint i = 0; i < 300; i++)
        g_string_append (body, "A long answer, so that the save spans several pages. ");
      haven_entry_set_body (entry, body->str);

      shim_arm (fault->kind, at, fault->error);
      saved = haven_store_save_entry (store, entry, &error);
      shim_lift ();

      if (shim.failures == 0)
        {
          /* This save needed fewer than @at calls: every position has been tried. */
          g_assert_true (saved);
          g_assert_no_error (error);
          n_before++;
          break;
        }

      tried++;
      g_test_message ("fault at call %d: %s", at, saved ? "absorbed" : error->message);

      if (saved)
        {
          /* SQLite may absorb a failed write it can redo (a WAL frame rewritten at commit);
           * then the save is whole. */
          g_assert_no_error (error);
          n_before++;
        }
      else
        {
          g_assert_error (error, HAVEN_STORE_ERROR, fault->code);
          g_assert_cmpstr (error->message, !=, "");
          g_assert_cmpint (haven_entry_get_id (entry), ==, 0);
          g_clear_error (&error);

          /* Nothing half-written, nothing lost. */
          g_assert_cmpuint (haven_store_count_entries (store), ==, n_before);
          g_assert_true (haven_store_check_integrity (store, &error));
          g_assert_no_error (error);

          /* The fault is lifted: the very same object saves. */
          g_assert_true (haven_store_save_entry (store, entry, &error));
          g_assert_no_error (error);
          n_before++;
        }

      g_assert_cmpuint (haven_store_count_entries (store), ==, n_before);
    }

  g_assert_cmpint (tried, >, 0);

  /* Reopening finds everything. */
  g_clear_object (&store);
  store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (haven_store_count_entries (store), ==, n_before);

  g_clear_object (&store);
  haven_test_rmtree (dir);
}

/* A checkpoint that fails in the background loses nothing, and the next one makes up for
 * it. */
static void
test_checkpoint_faults (gconstpointer data)
{
  const Fault *fault = data;
  g_autofree char *dir = haven_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenStore) store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
  g_autoptr(GString) body = g_string_new (NULL);
  guint n = 0;

  g_assert_no_error (error);
  while (body->len < 32 * 1024)
    g_string_append (body, "Every word of a long evening, kept. ");

  for (int round = 0; round < 2; round++)
    {
      /* The first checkpoint fails at its first write or sync; the second is let be. */
      if (round == 0)
        shim_arm_for (fault->kind, 1, fault->error, TRUE);

      do
        {
          g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);

          haven_entry_set_body (entry, body->str);
          g_assert_true (haven_store_save_entry (store, entry, &error));
          g_assert_no_error (error);
          n++;
        }
      while (_haven_store_get_wal_pages (store) < 1000);

      _haven_store_wait_for_checkpoint (store);
      g_assert_cmpint (shim.failures, ==, round == 0 ? 1 : 0);
      shim_lift ();
      shim.failures = 0;

      g_assert_true (haven_store_check_integrity (store, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (haven_store_count_entries (store), ==, n);
    }

  /* After the second checkpoint the WAL starts over. */
  {
    g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);

    haven_entry_set_body (entry, "A short one.");
    g_assert_true (haven_store_save_entry (store, entry, &error));
    n++;
    g_assert_cmpint (_haven_store_get_wal_pages (store), <, 100);
  }

  g_clear_object (&store);
  store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (haven_store_count_entries (store), ==, n);

  g_clear_object (&store);
  haven_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2], (guint32)g_ascii_strtoull (argv[3], NULL, 10));
  if (argc == 3 && g_str_equal (argv[1], "--checkpoint-writer"))
    return run_checkpoint_writer (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  shim_install ();

  g_test_add_func ("/crash/survives-sigkill", test_survives_sigkill);
  g_test_add_func ("/crash/survives-sigkill-in-checkpoint", test_survives_sigkill_in_checkpoint);
  g_test_add_data_func ("/faults/write-eio", &faults[0], test_write_faults);
  g_test_add_data_func ("/faults/write-enospc", &faults[1], test_write_faults);
  g_test_add_data_func ("/faults/fsync-eio", &faults[2], test_write_faults);
  g_test_add_data_func ("/faults/checkpoint-write-eio", &faults[0], test_checkpoint_faults);
  g_test_add_data_func ("/faults/checkpoint-fsync-eio", &faults[2], test_checkpoint_faults);

  return g_test_run ();
}
