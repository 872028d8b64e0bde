/* haven-store.c: the journal, one SQLite file
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store owns one connection and is used from one thread. Work that runs in a worker
 * thread (search, export, backup) opens its own connection on the same file; WAL lets it
 * read while the window writes.
 *
 * Nothing is written to a file before it has been identified as a Haven journal that this
 * build understands and that passes its integrity check: a damaged journal, some other
 * database, or a journal from a newer Haven stays exactly as it was.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "haven-store-private.h"

/* How long a write waits for another program's lock before it reports BUSY. */
#define BUSY_TIMEOUT_MS 3000

/* Commits go to the WAL; a checkpoint copies it back into the journal file. SQLite does that
 * by itself in the commit that takes the WAL past 1,000 pages, and that one save then also
 * writes and syncs pages all over the journal file: 20 to 70 ms on the 100,000-entry
 * journal, against well under a millisecond for the others. The store turns that off and
 * checkpoints from a thread of its own, on its own connection, once the journal has had no
 * commit for a moment (so it does not compete with the next save for the disk), or at the
 * latest a few seconds after the WAL grew past the mark. A commit is on disk, synced in the
 * WAL, before it returns, whether or not it has been copied back yet. */
#define CHECKPOINT_PAGES     1000
#define CHECKPOINT_QUIET_US  (500 * G_TIME_SPAN_MILLISECOND)
#define CHECKPOINT_LATEST_US (5 * G_TIME_SPAN_SECOND)

typedef struct
{
  HavenRecordType type;
  gint64          id;
  HavenTime       old_at;
  HavenTime       new_at;
  gboolean        old_listed;
  gboolean        new_listed;
} PendingChange;

/* The integrity check put off by HAVEN_STORE_OPEN_DEFER_CHECK, shared with the thread that
 * runs it. */
typedef struct
{
  GMutex    mutex;
  GCond     cond;
  char     *path;
  GError   *error;
  gboolean  running;
  gboolean  done;
} DeferredCheck;

static void
deferred_check_clear (gpointer data)
{
  DeferredCheck *check = data;

  g_mutex_clear (&check->mutex);
  g_cond_clear (&check->cond);
  g_free (check->path);
  g_clear_error (&check->error);
}

/* What the store shares with its checkpoint thread. The store joins the thread before it
 * frees this. */
typedef struct
{
  GMutex    mutex;
  GCond     cond;
  char     *path;
  GThread  *thread;       /* the store's side only */
  gint64    started_at;   /* monotonic, µs */
  gint64    last_commit;  /* monotonic, µs */
  gboolean  running;
  gboolean  closing;
} Checkpointer;

struct _HavenStore
{
  GObject     parent_instance;

  DeferredCheck *check;   /* an atomic rc box, NULL when no check is pending */
  GError     *check_error;
  Checkpointer *checkpointer;  /* NULL for a read-only store */
  int         wal_pages;       /* after the last commit */

  sqlite3    *db;
  char       *path;
  char       *migration_backup;
  GHashTable *statements;      /* const char *sql (static) → sqlite3_stmt */
  GArray     *pending;         /* PendingChange, emitted on the outermost commit */
  GArray     *savepoint_marks; /* guint: pending->len when each savepoint began */
  guint       depth;
  int         schema_version;
  guint       read_only : 1;
  guint       trash_changed : 1;
  guint       pain_points_changed : 1;
};

G_DEFINE_FINAL_TYPE (HavenStore, haven_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (haven-store-error-quark, haven_store_error)

enum {
  ENTRY_ADDED,
  ENTRY_CHANGED,
  ENTRY_REMOVED,
  CHECKIN_ADDED,
  CHECKIN_CHANGED,
  CHECKIN_REMOVED,
  RECORD_CHANGED,
  PAIN_POINTS_CHANGED,
  TRASH_CHANGED,
  JOURNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
haven_store_finalize (GObject *object)
{
  HavenStore *self = (HavenStore *)object;

  haven_store_close (self);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->migration_backup, g_free);
  g_clear_error (&self->check_error);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->savepoint_marks, g_array_unref);

  G_OBJECT_CLASS (haven_store_parent_class)->finalize (object);
}

static void
haven_store_class_init (HavenStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = haven_store_finalize;

  /**
   * HavenStore::entry-added:
   * @id: the entry's id
   *
   * An entry was created, or came back from the trash. Emitted after the commit.
   */
  signals[ENTRY_ADDED] =
    g_signal_new ("entry-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[ENTRY_CHANGED] =
    g_signal_new ("entry-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[ENTRY_REMOVED] =
    g_signal_new ("entry-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CHECKIN_ADDED] =
    g_signal_new ("checkin-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CHECKIN_CHANGED] =
    g_signal_new ("checkin-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CHECKIN_REMOVED] =
    g_signal_new ("checkin-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * HavenStore::record-changed:
   * @type: a #HavenRecordType
   * @id: the record's id
   * @old_at: when it happened before the change
   * @old_listed: whether it was shown in the journal before (not a draft, not deleted)
   * @new_at: when it happens now
   * @new_listed: whether it is shown now
   *
   * The detail that lists need to move one row instead of reloading everything.
   */
  signals[RECORD_CHANGED] =
    g_signal_new ("record-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 6,
                  G_TYPE_UINT, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_BOOLEAN,
                  G_TYPE_INT64, G_TYPE_BOOLEAN);
  signals[PAIN_POINTS_CHANGED] =
    g_signal_new ("pain-points-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[TRASH_CHANGED] =
    g_signal_new ("trash-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * HavenStore::journal-changed:
   *
   * Much changed at once (an import, a restored backup), perhaps through another
   * connection: whatever shows the journal reads it again. No other signal is emitted for
   * such a change.
   */
  signals[JOURNAL_CHANGED] =
    g_signal_new ("journal-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
haven_store_init (HavenStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL,
                                            (GDestroyNotify)sqlite3_finalize);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  self->savepoint_marks = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* Errors --------------------------------------------------------------------------------- */

static HavenStoreError
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      return HAVEN_STORE_ERROR_FULL;
    case SQLITE_READONLY:
      return HAVEN_STORE_ERROR_READ_ONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return HAVEN_STORE_ERROR_BUSY;
    case SQLITE_IOERR:
      return HAVEN_STORE_ERROR_IO;
    case SQLITE_CORRUPT:
      return HAVEN_STORE_ERROR_CORRUPT;
    case SQLITE_NOTADB:
      return HAVEN_STORE_ERROR_NOT_A_JOURNAL;
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return HAVEN_STORE_ERROR_PERMISSION;
    case SQLITE_CANTOPEN:
      return HAVEN_STORE_ERROR_IO;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
      return HAVEN_STORE_ERROR_INVALID;
    default:
      return HAVEN_STORE_ERROR_FAILED;
    }
}

static const char *
message_for_code (HavenStoreError code)
{
  switch (code)
    {
    case HAVEN_STORE_ERROR_FULL:
      return _("The disk is full, so the journal could not be saved.");
    case HAVEN_STORE_ERROR_READ_ONLY:
      return _("The journal is read-only, so it could not be saved.");
    case HAVEN_STORE_ERROR_BUSY:
      return _("Another program is using the journal, so it could not be saved just now.");
    case HAVEN_STORE_ERROR_IO:
      return _("The journal could not be read or written because of a disk error.");
    case HAVEN_STORE_ERROR_CORRUPT:
      return _("The journal file is damaged.");
    case HAVEN_STORE_ERROR_NOT_A_JOURNAL:
      return _("This file is not a Haven journal.");
    case HAVEN_STORE_ERROR_PERMISSION:
      return _("Haven is not allowed to open the journal file.");
    case HAVEN_STORE_ERROR_INVALID:
      return _("The journal cannot hold this value.");
    case HAVEN_STORE_ERROR_NOT_FOUND:
      return _("This item is no longer in the journal.");
    case HAVEN_STORE_ERROR_TOO_NEW:
    case HAVEN_STORE_ERROR_FAILED:
    default:
      return _("Something went wrong in the journal.");
    }
}

/* The message is a sentence for people; SQLite's own text is for developers and goes to the
 * debug log, which never holds journal content (only the error, which names no data). */
void
_haven_set_sqlite_error (GError  **error,
                         sqlite3  *db,
                         int       rc)
{
  HavenStoreError code = error_code_for_sqlite (rc);

  g_debug ("SQLite error %d: %s", rc, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  g_set_error_literal (error, HAVEN_STORE_ERROR, code, message_for_code (code));
}

int
_haven_step (sqlite3_stmt *stmt)
{
  return sqlite3_step (stmt);
}

gboolean
_haven_exec (sqlite3     *db,
             const char  *sql,
             GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _haven_set_sqlite_error (error, db, sqlite3_extended_errcode (db));
      return FALSE;
    }

  return TRUE;
}

sqlite3 *
_haven_store_get_db (HavenStore *self)
{
  return self->db;
}

HavenCachedStmt *
_haven_store_prepare (HavenStore  *self,
                      const char  *sql,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_assert (self->db != NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _haven_set_sqlite_error (error, self->db, rc);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer)sql, stmt);

  return stmt;
}

/* Transactions ----------------------------------------------------------------------------- */

static gboolean
check_writable (HavenStore  *self,
                GError     **error)
{
  if (self->db == NULL)
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_FAILED,
                           _("The journal is closed."));
      return FALSE;
    }

  if (self->read_only)
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_READ_ONLY,
                           message_for_code (HAVEN_STORE_ERROR_READ_ONLY));
      return FALSE;
    }

  return TRUE;
}

static gboolean quick_check (sqlite3 *db, GError **error);

/* Waits for the deferred integrity check (or runs it here if no thread has started it) and
 * takes its verdict: a journal that fails it is never written. */
static gboolean
settle_check (HavenStore  *self,
              GError     **error)
{
  DeferredCheck *check = self->check;

  if (check != NULL)
    {
      g_mutex_lock (&check->mutex);
      if (!check->running && !check->done)
        {
          check->done = TRUE;
          quick_check (self->db, &check->error);
        }
      while (!check->done)
        g_cond_wait (&check->cond, &check->mutex);
      if (check->error != NULL)
        self->check_error = g_error_copy (check->error);
      g_mutex_unlock (&check->mutex);

      self->check = NULL;
      g_atomic_rc_box_release_full (check, deferred_check_clear);

      if (self->check_error != NULL)
        {
          g_debug ("The deferred integrity check failed: the journal is now read-only");
          self->read_only = TRUE;
        }
    }

  if (self->check_error != NULL)
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, self->check_error->code,
                           self->check_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
_haven_store_begin (HavenStore  *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  if (self->db != NULL && !settle_check (self, error))
    return FALSE;

  if (!check_writable (self, error))
    return FALSE;

  if (self->depth == 0)
    {
      /* IMMEDIATE takes the write lock now, so a busy journal is reported before any work. */
      if (!_haven_exec (self->db, "BEGIN IMMEDIATE;", error))
        return FALSE;
    }
  else
    {
      sql = g_strdup_printf ("SAVEPOINT haven_%u;", self->depth);
      if (!_haven_exec (self->db, sql, error))
        return FALSE;
    }

  g_array_append_val (self->savepoint_marks, self->pending->len);
  self->depth++;

  return TRUE;
}

static void
flush_pending (HavenStore *self)
{
  g_autoptr(GArray) pending = g_steal_pointer (&self->pending);
  gboolean trash_changed = self->trash_changed;
  gboolean pain_points_changed = self->pain_points_changed;

  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  self->trash_changed = FALSE;
  self->pain_points_changed = FALSE;

  g_object_ref (self);

  for (guint i = 0; i < pending->len; i++)
    {
      const PendingChange *c = &g_array_index (pending, PendingChange, i);
      gboolean is_entry = c->type == HAVEN_RECORD_ENTRY;
      guint signal;

      if (!c->old_listed && c->new_listed)
        signal = is_entry ? ENTRY_ADDED : CHECKIN_ADDED;
      else if (c->old_listed && !c->new_listed)
        signal = is_entry ? ENTRY_REMOVED : CHECKIN_REMOVED;
      else
        signal = is_entry ? ENTRY_CHANGED : CHECKIN_CHANGED;

      g_signal_emit (self, signals[RECORD_CHANGED], 0, (guint)c->type, c->id,
                     c->old_at, c->old_listed, c->new_at, c->new_listed);
      g_signal_emit (self, signals[signal], 0, c->id);
    }

  if (pain_points_changed)
    g_signal_emit (self, signals[PAIN_POINTS_CHANGED], 0);
  if (trash_changed)
    g_signal_emit (self, signals[TRASH_CHANGED], 0);

  g_object_unref (self);
}

gboolean
_haven_store_commit (HavenStore  *self,
                     GError     **error)
{
  g_autofree char *sql = NULL;

  g_assert (self->depth > 0);

  if (self->depth == 1)
    {
      if (!_haven_exec (self->db, "COMMIT;", error))
        {
          _haven_store_rollback (self);
          return FALSE;
        }
      self->depth = 0;
      g_array_set_size (self->savepoint_marks, 0);
      flush_pending (self);
      return TRUE;
    }

  sql = g_strdup_printf ("RELEASE haven_%u;", self->depth - 1);
  if (!_haven_exec (self->db, sql, error))
    {
      _haven_store_rollback (self);
      return FALSE;
    }
  self->depth--;
  g_array_set_size (self->savepoint_marks, self->depth);

  return TRUE;
}

void
_haven_store_rollback (HavenStore *self)
{
  guint mark;

  g_assert (self->depth > 0);

  mark = g_array_index (self->savepoint_marks, guint, self->depth - 1);
  g_array_set_size (self->pending, mark);

  if (self->depth == 1)
    {
      /* After some errors SQLite has already rolled back; that is fine. */
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
      self->trash_changed = FALSE;
      self->pain_points_changed = FALSE;
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO haven_%u; RELEASE haven_%u;",
                                              self->depth - 1, self->depth - 1);
      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }

  self->depth--;
  g_array_set_size (self->savepoint_marks, self->depth);
}

gboolean
haven_store_run_in_transaction (HavenStore                 *self,
                                HavenStoreTransactionFunc   func,
                                gpointer                    user_data,
                                GError                    **error)
{
  g_return_val_if_fail (HAVEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!_haven_store_begin (self, error))
    return FALSE;

  if (!func (self, user_data, error))
    {
      _haven_store_rollback (self);
      return FALSE;
    }

  return _haven_store_commit (self, error);
}

void
haven_store_journal_changed (HavenStore *self)
{
  g_return_if_fail (HAVEN_IS_STORE (self));

  g_signal_emit (self, signals[JOURNAL_CHANGED], 0);
}

static void
queue_change (HavenStore      *self,
              HavenRecordType  type,
              gint64           id,
              HavenTime        old_at,
              gboolean         old_listed,
              HavenTime        new_at,
              gboolean         new_listed)
{
  PendingChange change = { type, id, old_at, new_at, old_listed, new_listed };

  g_array_append_val (self->pending, change);
}

/* Opening -------------------------------------------------------------------------------- */

char *
haven_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "haven", "journal.db", NULL);
}

/**
 * haven_store_dup_backup_dir:
 *
 * Backups live beside the journal, in a folder named after it:
 * `journal.db` → `journal-backups/`.
 */
char *
haven_store_dup_backup_dir (const char *journal_path)
{
  g_autofree char *dir = g_path_get_dirname (journal_path);
  g_autofree char *base = g_path_get_basename (journal_path);
  g_autofree char *name = NULL;

  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    base[strlen (base) - 3] = '\0';

  name = g_strconcat (base, "-backups", NULL);

  return g_build_filename (dir, name, NULL);
}

static HavenStoreError
error_code_for_errno (int errsv)
{
  switch (errsv)
    {
    case EACCES:
    case EPERM:
      return HAVEN_STORE_ERROR_PERMISSION;
    case EROFS:
      return HAVEN_STORE_ERROR_READ_ONLY;
    case ENOSPC:
    case EDQUOT:
      return HAVEN_STORE_ERROR_FULL;
    default:
      return HAVEN_STORE_ERROR_IO;
    }
}

static gboolean
set_errno_error (GError     **error,
                 int          errsv,
                 const char  *what)
{
  HavenStoreError code = error_code_for_errno (errsv);

  g_debug ("%s: %s", what, g_strerror (errsv));

  if (code == HAVEN_STORE_ERROR_PERMISSION)
    g_set_error_literal (error, HAVEN_STORE_ERROR, code,
                         _("Haven is not allowed to open the journal file or its folder."));
  else if (code == HAVEN_STORE_ERROR_READ_ONLY)
    g_set_error_literal (error, HAVEN_STORE_ERROR, code,
                         _("The journal’s folder is read-only, so a new journal cannot be made there."));
  else
    g_set_error_literal (error, HAVEN_STORE_ERROR, code, message_for_code (code));

  return FALSE;
}

/* The journal's folder is private: 0700 when Haven makes it. */
static gboolean
ensure_directory (const char  *path,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *default_path = haven_store_dup_default_path ();
  g_autofree char *default_dir = g_path_get_dirname (default_path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_errno_error (error, errno, "Creating the journal folder");

  /* The default folder is Haven's own, so it is kept private even if something widened it. */
  if (g_str_equal (dir, default_dir))
    g_chmod (dir, 0700);

  return TRUE;
}

/* Makes the file ourselves, 0600, before SQLite sees it: SQLite would create it with the
 * process umask (often 0644), and it gives the -wal and -shm files the mode of the journal. */
static gboolean
ensure_private_file (const char  *path,
                     gboolean    *created,
                     GError     **error)
{
  int fd = open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);

  if (fd >= 0)
    {
      *created = TRUE;
      close (fd);
      return TRUE;
    }

  if (errno == EEXIST)
    {
      *created = FALSE;
      return TRUE;
    }

  return set_errno_error (error, errno, "Creating the journal");
}

static void
tighten_mode (const char *path)
{
  struct stat st;

  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == getuid () &&
      (st.st_mode & 0077) != 0)
    g_chmod (path, st.st_mode & 0700);
}

/* A cheap look at the first bytes: anything that is not empty and not SQLite is somebody
 * else's file, and SQLite is not even allowed to open it. */
static gboolean
check_file_header (const char  *path,
                   GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16];
  struct stat st;
  ssize_t n;
  int fd;

  fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return set_errno_error (error, errno, "Opening the journal");

  if (fstat (fd, &st) != 0)
    {
      int errsv = errno;
      close (fd);
      return set_errno_error (error, errsv, "Reading the journal");
    }

  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_NOT_A_JOURNAL,
                           _("The journal path does not point to a file."));
      return FALSE;
    }

  if (st.st_size == 0)
    {
      close (fd);
      return TRUE;
    }

  n = read (fd, header, sizeof header);
  close (fd);

  if (n != sizeof header || memcmp (header, magic, sizeof magic) != 0 || st.st_size < 512)
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_NOT_A_JOURNAL,
                           message_for_code (HAVEN_STORE_ERROR_NOT_A_JOURNAL));
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      _haven_set_sqlite_error (error, db, rc == SQLITE_OK ? SQLITE_ERROR : rc);
      return FALSE;
    }

  *out = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

static gboolean
quick_check (sqlite3  *db,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *result;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1);", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      HavenStoreError code = error_code_for_sqlite (rc);

      /* A read that fails for a structural reason means damage, not a passing problem. */
      if (code == HAVEN_STORE_ERROR_FAILED || code == HAVEN_STORE_ERROR_INVALID)
        code = HAVEN_STORE_ERROR_CORRUPT;
      g_debug ("quick_check failed: %d %s", rc, sqlite3_errmsg (db));
      g_set_error_literal (error, HAVEN_STORE_ERROR, code, message_for_code (code));
      return FALSE;
    }

  result = (const char *)sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_debug ("quick_check reported a problem");
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_CORRUPT,
                           message_for_code (HAVEN_STORE_ERROR_CORRUPT));
      return FALSE;
    }

  return TRUE;
}

static gboolean
backup_database (sqlite3     *src,
                 const char  *dest_path,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest_path);
  g_autofree char *tmp_path = g_strconcat (dest_path, ".partial", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gboolean created;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_errno_error (error, errno, "Creating the backup folder");

  g_unlink (tmp_path);
  if (!ensure_private_file (tmp_path, &created, error))
    return FALSE;

  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", src, "main");
      if (backup == NULL)
        {
          rc = sqlite3_errcode (dest);
        }
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? sqlite3_errcode (dest) : rc;
        }
    }

  if (rc != SQLITE_OK)
    {
      _haven_set_sqlite_error (error, dest, rc);
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }

  /* A backup is a single file that can be copied anywhere: no WAL beside it. */
  sqlite3_exec (dest, "PRAGMA journal_mode = DELETE;", NULL, NULL, NULL);
  sqlite3_close (dest);

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int errsv = errno;
      g_unlink (tmp_path);
      return set_errno_error (error, errsv, "Saving the backup");
    }

  return TRUE;
}

gboolean
haven_store_backup_to (HavenStore  *self,
                       const char  *dest_path,
                       GError     **error)
{
  g_return_val_if_fail (HAVEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  return backup_database (self->db, dest_path, error);
}

gboolean
haven_store_check_integrity (HavenStore  *self,
                             GError     **error)
{
  g_return_val_if_fail (HAVEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  return quick_check (self->db, error);
}

static void
deferred_check_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, deferred_check_clear);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DeferredCheck *check = task_data;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (check->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    _haven_set_sqlite_error (&error, db, rc);
  else
    {
      sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
      quick_check (db, &error);
    }
  sqlite3_close_v2 (db);

  g_mutex_lock (&check->mutex);
  check->error = error ? g_error_copy (error) : NULL;
  check->done = TRUE;
  g_cond_broadcast (&check->cond);
  g_mutex_unlock (&check->mutex);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
haven_store_verify_async (HavenStore          *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  gboolean start;

  g_return_if_fail (HAVEN_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, haven_store_verify_async);

  if (self->check == NULL)
    {
      if (self->check_error != NULL)
        g_task_return_error (task, g_error_copy (self->check_error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  g_mutex_lock (&self->check->mutex);
  start = !self->check->running && !self->check->done;
  self->check->running = TRUE;
  g_mutex_unlock (&self->check->mutex);

  if (!start)
    {
      /* Already settled, or already running: the verdict comes from settle_check. */
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_task_set_task_data (task, g_atomic_rc_box_acquire (self->check), deferred_check_release);
  g_task_run_in_thread (task, verify_thread);
}

gboolean
haven_store_verify_finish (HavenStore    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (HAVEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  /* The store takes the verdict too, whoever asked. */
  if (self->db != NULL && !settle_check (self, error))
    return FALSE;

  return g_task_propagate_boolean (G_TASK (result), error);
}

static char *
migration_backup_path (const char *journal_path,
                       int         from_version)
{
  g_autofree char *dir = haven_store_dup_backup_dir (journal_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *name = g_strdup_printf ("before-update-from-v%d-%s.db", from_version, stamp);

  return g_build_filename (dir, name, NULL);
}

/* Checkpoints ------------------------------------------------------------------------------ */

static gpointer
checkpoint_thread (gpointer data)
{
  Checkpointer *c = data;
  gboolean closing;

  /* Until the journal has been quiet for a moment, or it is time anyway. */
  g_mutex_lock (&c->mutex);
  for (;;)
    {
      gint64 due = MIN (c->last_commit + CHECKPOINT_QUIET_US,
                        c->started_at + CHECKPOINT_LATEST_US);

      if (c->closing || g_get_monotonic_time () >= due)
        break;
      g_cond_wait_until (&c->cond, &c->mutex, due);
    }
  closing = c->closing;
  g_mutex_unlock (&c->mutex);

  /* Closing checkpoints all of it anyway. */
  if (!closing)
    {
      gint64 start = g_get_monotonic_time ();
      sqlite3 *db = NULL;
      int n_log = 0, n_copied = 0;
      int rc;

      rc = sqlite3_open_v2 (c->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, "PRAGMA synchronous = FULL;", NULL, NULL, NULL);
      /* PASSIVE: copies what no reader still needs and never waits for a lock, so the
       * window's saves go on meanwhile. */
      if (rc == SQLITE_OK)
        rc = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_PASSIVE, &n_log, &n_copied);

      /* A failed checkpoint loses nothing: the WAL still holds it all, and the next commit
       * past the mark tries again. */
      if (rc != SQLITE_OK)
        g_debug ("A checkpoint failed: %s", sqlite3_errmsg (db));
      else
        g_debug ("Checkpoint: %d of %d pages in %.1f ms", n_copied, n_log,
                 (g_get_monotonic_time () - start) / 1000.0);
      sqlite3_close_v2 (db);
    }

  g_mutex_lock (&c->mutex);
  c->running = FALSE;
  g_mutex_unlock (&c->mutex);

  return NULL;
}

static void
request_checkpoint (HavenStore *self)
{
  Checkpointer *c = self->checkpointer;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_monotonic_time ();
  gboolean running;

  g_mutex_lock (&c->mutex);
  c->last_commit = now;
  running = c->running;
  if (!running)
    {
      c->running = TRUE;
      c->started_at = now;
    }
  g_mutex_unlock (&c->mutex);

  /* One that is waiting sees this commit and waits on. */
  if (running)
    return;

  if (c->thread != NULL)
    g_thread_join (g_steal_pointer (&c->thread));

  c->thread = g_thread_try_new ("haven-checkpoint", checkpoint_thread, c, &error);
  if (c->thread == NULL)
    {
      g_debug ("No thread for a checkpoint: %s", error->message);
      g_mutex_lock (&c->mutex);
      c->running = FALSE;
      g_mutex_unlock (&c->mutex);
    }
}

/* Called by SQLite after every commit on the store's connection, in its thread. */
static int
wal_hook_cb (void       *data,
             sqlite3    *db,
             const char *name,
             int         n_pages)
{
  HavenStore *self = data;

  self->wal_pages = n_pages;
  if (n_pages >= CHECKPOINT_PAGES && self->checkpointer != NULL)
    request_checkpoint (self);

  return SQLITE_OK;
}

static void
stop_checkpoints (HavenStore *self)
{
  Checkpointer *c = g_steal_pointer (&self->checkpointer);

  if (c == NULL)
    return;

  g_mutex_lock (&c->mutex);
  c->closing = TRUE;
  g_cond_signal (&c->cond);
  g_mutex_unlock (&c->mutex);

  if (c->thread != NULL)
    g_thread_join (c->thread);

  g_mutex_clear (&c->mutex);
  g_cond_clear (&c->cond);
  g_free (c->path);
  g_free (c);
}

int
_haven_store_get_wal_pages (HavenStore *self)
{
  return self->wal_pages;
}

void
_haven_store_wait_for_checkpoint (HavenStore *self)
{
  if (self->checkpointer != NULL && self->checkpointer->thread != NULL)
    g_thread_join (g_steal_pointer (&self->checkpointer->thread));
}

static gboolean
configure_connection (HavenStore  *self,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *mode;
  int rc;

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (!_haven_exec (self->db,
                    "PRAGMA foreign_keys = ON;"
                    /* Deleted text is overwritten, not left in free pages of the file. */
                    "PRAGMA secure_delete = ON;",
                    error))
    return FALSE;

  if (self->read_only)
    return TRUE;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL;", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _haven_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }

  mode = (const char *)sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (mode, "wal") != 0)
    g_debug ("The journal could not switch to WAL mode");

  /* In place of SQLite's own checkpoints (see CHECKPOINT_PAGES): a hook replaces them. */
  self->checkpointer = g_new0 (Checkpointer, 1);
  g_mutex_init (&self->checkpointer->mutex);
  g_cond_init (&self->checkpointer->cond);
  self->checkpointer->path = g_strdup (self->path);
  sqlite3_wal_hook (self->db, wal_hook_cb, self);

  return _haven_exec (self->db,
                      "PRAGMA synchronous = FULL;"
                      "PRAGMA journal_size_limit = 8388608;",
                      error);
}

/**
 * haven_store_open:
 * @path: (nullable): the journal file, or %NULL for the default one
 *
 * Opens the journal, creating it (and its folder) when it does not exist, and brings an
 * older journal up to date after copying it aside.
 *
 * Returns: (transfer full): the store, or %NULL with @error set; in that case the file is
 * unchanged
 */
HavenStore *
haven_store_open (const char           *path,
                  HavenStoreOpenFlags   flags,
                  GError              **error)
{
  g_autoptr(HavenStore) self = NULL;
  g_autofree char *default_path = NULL;
  gboolean read_only = (flags & HAVEN_STORE_OPEN_READ_ONLY) != 0;
  gboolean skip_check = (flags & HAVEN_STORE_OPEN_SKIP_CHECK) != 0;
  gboolean defer_check = (flags & HAVEN_STORE_OPEN_DEFER_CHECK) != 0;
  gboolean created = FALSE;
  gint64 app_id, version, n_objects;
  int rc;

  /* Only a connection that never writes may look past damage. */
  g_return_val_if_fail (!skip_check || read_only, NULL);

  if (path == NULL)
    path = default_path = haven_store_dup_default_path ();

  if (!read_only)
    {
      if (!ensure_directory (path, error) || !ensure_private_file (path, &created, error))
        return NULL;
    }

  if (!check_file_header (path, error))
    return NULL;

  self = g_object_new (HAVEN_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;

  rc = sqlite3_open_v2 (path, &self->db,
                        (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                        SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      _haven_set_sqlite_error (error, self->db, rc);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  rc = _haven_register_functions (self->db);
  if (rc != SQLITE_OK)
    {
      _haven_set_sqlite_error (error, self->db, rc);
      return NULL;
    }

  /* Identify the file before anything can write to it. */
  if (!query_int (self->db, "SELECT count(*) FROM sqlite_schema;", &n_objects, error) ||
      !query_int (self->db, "PRAGMA application_id;", &app_id, error) ||
      !query_int (self->db, "PRAGMA user_version;", &version, error))
    {
      if (g_error_matches (*error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_FAILED))
        (*error)->code = HAVEN_STORE_ERROR_CORRUPT;
      return NULL;
    }

  if (app_id != HAVEN_APPLICATION_ID && !(app_id == 0 && version == 0 && n_objects == 0))
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_NOT_A_JOURNAL,
                           message_for_code (HAVEN_STORE_ERROR_NOT_A_JOURNAL));
      return NULL;
    }

  if (version > HAVEN_SCHEMA_VERSION)
    {
      g_set_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_TOO_NEW,
                   _("This journal was written by a newer version of Haven (journal format %d; "
                     "this version reads up to %d). It has not been changed: update Haven "
                     "to open it."),
                   (int)version, HAVEN_SCHEMA_VERSION);
      return NULL;
    }

  /* Put off only when nothing is about to be written: an update checks first, here. */
  if (defer_check && !skip_check && version == HAVEN_SCHEMA_VERSION)
    {
      self->check = g_atomic_rc_box_new0 (DeferredCheck);
      g_mutex_init (&self->check->mutex);
      g_cond_init (&self->check->cond);
      self->check->path = g_strdup (path);
    }
  else if (!skip_check && !quick_check (self->db, error))
    return NULL;

  if (!read_only && sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_READ_ONLY,
                           _("The journal file is read-only, so Haven cannot save to it."));
      return NULL;
    }

  if (read_only && version < HAVEN_SCHEMA_VERSION)
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_READ_ONLY,
                           _("This journal needs an update that cannot be made while it is "
                             "opened read-only."));
      return NULL;
    }

  if (!configure_connection (self, error))
    return NULL;

  if (version < HAVEN_SCHEMA_VERSION)
    {
      /* A journal with something in it is copied aside first; a brand-new one has nothing
       * to lose. */
      if (!created && (version > 0 || n_objects > 0))
        {
          g_autofree char *backup = migration_backup_path (path, (int)version);

          if (!backup_database (self->db, backup, error))
            {
              g_prefix_error (error, _("The journal was not updated, because a copy could not "
                                       "be made first: "));
              return NULL;
            }
          self->migration_backup = g_steal_pointer (&backup);
        }

      if (!_haven_migrations_run (self->db, (int)version, error))
        return NULL;
    }

  self->schema_version = HAVEN_SCHEMA_VERSION;

  if (!read_only)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      tighten_mode (path);
      tighten_mode (wal);
      tighten_mode (shm);
    }

  return g_steal_pointer (&self);
}

void
haven_store_close (HavenStore *self)
{
  g_return_if_fail (HAVEN_IS_STORE (self));

  if (self->db == NULL)
    return;

  g_hash_table_remove_all (self->statements);

  /* Not even the checkpoint below may write to a journal that has not passed its check. */
  settle_check (self, NULL);

  /* One in the background would keep the one below from truncating the WAL. */
  stop_checkpoints (self);

  /* Folding the WAL back into the journal on a clean exit keeps the file self-contained. */
  if (!self->read_only)
    sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);

  sqlite3_close_v2 (self->db);
  self->db = NULL;
}

const char *
haven_store_get_path (HavenStore *self)
{
  g_return_val_if_fail (HAVEN_IS_STORE (self), NULL);

  return self->path;
}

gboolean
haven_store_is_read_only (HavenStore *self)
{
  g_return_val_if_fail (HAVEN_IS_STORE (self), TRUE);

  return self->read_only;
}

int
haven_store_get_schema_version (HavenStore *self)
{
  g_return_val_if_fail (HAVEN_IS_STORE (self), 0);

  return self->schema_version;
}

const char *
haven_store_get_migration_backup (HavenStore *self)
{
  g_return_val_if_fail (HAVEN_IS_STORE (self), NULL);

  return self->migration_backup;
}

/* Links between records and pain points or tags -------------------------------------------- */

static gboolean
replace_links (HavenStore    *self,
               const char    *delete_sql,
               const char    *insert_sql,
               gint64         owner_id,
               const gint64  *ids,
               guint          n_ids,
               GError       **error)
{
  g_autoptr(HavenCachedStmt) del = NULL;
  g_autoptr(HavenCachedStmt) ins = NULL;
  int rc;

  if (!(del = _haven_store_prepare (self, delete_sql, error)))
    return FALSE;

  sqlite3_bind_int64 (del, 1, owner_id);
  if ((rc = sqlite3_step (del)) != SQLITE_DONE)
    {
      _haven_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }

  if (n_ids == 0)
    return TRUE;

  if (!(ins = _haven_store_prepare (self, insert_sql, error)))
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_reset (ins);
      sqlite3_bind_int64 (ins, 1, owner_id);
      sqlite3_bind_int64 (ins, 2, ids[i]);
      if ((rc = sqlite3_step (ins)) != SQLITE_DONE)
        {
          if ((rc & 0xff) == SQLITE_CONSTRAINT)
            g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_INVALID,
                                 _("A raw spot or tag linked to this item no longer exists."));
          else
            _haven_set_sqlite_error (error, self->db, rc);
          return FALSE;
        }
    }

  return TRUE;
}

static GArray *
load_links (HavenStore  *self,
            const char  *sql,
            gint64       owner_id,
            GError     **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (!(stmt = _haven_store_prepare (self, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, owner_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _haven_set_sqlite_error (error, self->db, rc);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static gboolean
check_utf8 (const char  *text,
            GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_INVALID,
                           _("The text contains characters that are not valid UTF-8."));
      return FALSE;
    }

  return TRUE;
}

/* Reads a record's state before a change: when it happened and whether it was listed. */
static gboolean
read_old_state (HavenStore       *self,
                const char       *sql,
                gint64            id,
                HavenTime        *at,
                gboolean         *listed,
                GError          **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  int rc;

  if (!(stmt = _haven_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_NOT_FOUND,
                           message_for_code (HAVEN_STORE_ERROR_NOT_FOUND));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      _haven_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }

  *at = sqlite3_column_int64 (stmt, 0);
  *listed = sqlite3_column_int (stmt, 1) != 0;

  return TRUE;
}

/* Entries -------------------------------------------------------------------------------- */

#define ENTRY_COLUMNS \
  "id, uuid, kind, flow_id, flow_step, occurred_at, created_at, updated_at, title, body, " \
  "answers, is_draft, deleted_at"

static HavenEntry *
entry_from_row (HavenStore    *self,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(HavenEntry) entry = NULL;
  g_autoptr(GVariant) answers = NULL;
  g_autoptr(GArray) pain_points = NULL;
  g_autoptr(GArray) tags = NULL;
  HavenEntryKind kind = HAVEN_ENTRY_KIND_FREE;
  gint64 id = sqlite3_column_int64 (stmt, 0);

  haven_entry_kind_from_string ((const char *)sqlite3_column_text (stmt, 2), &kind);
  entry = haven_entry_new (kind);

  _haven_entry_set_identity (entry, id,
                             (const char *)sqlite3_column_text (stmt, 1),
                             sqlite3_column_int64 (stmt, 6),
                             sqlite3_column_int64 (stmt, 7));
  haven_entry_set_flow_id (entry, (const char *)sqlite3_column_text (stmt, 3));
  haven_entry_set_flow_step (entry, (const char *)sqlite3_column_text (stmt, 4));
  haven_entry_set_occurred_at (entry, sqlite3_column_int64 (stmt, 5));
  haven_entry_set_title (entry, (const char *)sqlite3_column_text (stmt, 8));
  haven_entry_set_body (entry, (const char *)sqlite3_column_text (stmt, 9));
  haven_entry_set_is_draft (entry, sqlite3_column_int (stmt, 11));
  _haven_entry_set_deleted_at (entry, sqlite3_column_int64 (stmt, 12));

  if (!(answers = _haven_answers_from_json ((const char *)sqlite3_column_text (stmt, 10), error)) ||
      !haven_entry_set_answers (entry, answers, error))
    return NULL;

  pain_points = load_links (self,
                            "SELECT pain_point_id FROM entry_pain_point WHERE entry_id = ?1;",
                            id, error);
  if (pain_points == NULL)
    return NULL;
  haven_entry_set_pain_point_ids (entry, (gint64 *)(gpointer)pain_points->data, pain_points->len);

  tags = load_links (self, "SELECT tag_id FROM entry_tag WHERE entry_id = ?1;", id, error);
  if (tags == NULL)
    return NULL;
  haven_entry_set_tag_ids (entry, (gint64 *)(gpointer)tags->data, tags->len);

  return g_steal_pointer (&entry);
}

static gboolean
save_entry_in_transaction (HavenStore  *self,
                           HavenEntry  *entry,
                           gint64      *out_id,
                           char       **out_uuid,
                           HavenTime   *out_created,
                           HavenTime   *out_updated,
                           GError     **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  g_autoptr(GVariant) answers = haven_entry_dup_answers (entry);
  g_autofree char *answers_json = _haven_answers_to_json (answers);
  g_autofree char *answers_text = _haven_answers_to_text (answers);
  g_autofree char *uuid = NULL;
  const gint64 *ids;
  guint n_ids;
  gint64 id = haven_entry_get_id (entry);
  HavenTime now = haven_time_now ();
  HavenTime created_at, updated_at;
  HavenTime old_at = 0;
  gboolean old_listed = FALSE;
  gboolean new_listed;
  int rc;

  if (!check_utf8 (haven_entry_get_title (entry), error) ||
      !check_utf8 (haven_entry_get_body (entry), error) ||
      !check_utf8 (answers_json, error))
    return FALSE;

  new_listed = !haven_entry_get_is_draft (entry) && haven_entry_get_deleted_at (entry) == 0;

  if (id == 0)
    {
      uuid = haven_entry_get_uuid (entry) ? g_strdup (haven_entry_get_uuid (entry))
                                          : g_uuid_string_random ();
      created_at = haven_entry_get_created_at (entry) ?: now;
      updated_at = haven_entry_get_updated_at (entry) ?: created_at;

      if (!(stmt = _haven_store_prepare (self,
                                         "INSERT INTO entry (uuid, kind, flow_id, flow_step, "
                                         "occurred_at, created_at, updated_at, title, body, "
                                         "answers, answers_text, is_draft, deleted_at, day) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                                         "?11, ?12, ?13, haven_local_day (?5));",
                                         error)))
        return FALSE;
    }
  else
    {
      uuid = g_strdup (haven_entry_get_uuid (entry));
      created_at = haven_entry_get_created_at (entry);
      updated_at = now;

      if (!read_old_state (self,
                           "SELECT occurred_at, deleted_at IS NULL AND is_draft = 0 "
                           "FROM entry WHERE id = ?1;",
                           id, &old_at, &old_listed, error))
        return FALSE;

      if (!(stmt = _haven_store_prepare (self,
                                         "UPDATE entry SET kind = ?2, flow_id = ?3, "
                                         "flow_step = ?4, occurred_at = ?5, updated_at = ?7, "
                                         "title = ?8, body = ?9, answers = ?10, "
                                         "answers_text = ?11, is_draft = ?12, "
                                         "day = haven_local_day (?5) WHERE id = ?14;",
                                         error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 14, id);
      /* Whether an entry is in the trash is changed by trash/restore only. */
      new_listed = !haven_entry_get_is_draft (entry) && haven_entry_get_deleted_at (entry) == 0;
    }

  bind_text (stmt, 1, uuid);
  bind_text (stmt, 2, haven_entry_kind_to_string (haven_entry_get_kind (entry)));
  bind_text (stmt, 3, haven_entry_get_flow_id (entry));
  bind_text (stmt, 4, haven_entry_get_flow_step (entry));
  sqlite3_bind_int64 (stmt, 5, haven_entry_get_occurred_at (entry));
  sqlite3_bind_int64 (stmt, 6, created_at);
  sqlite3_bind_int64 (stmt, 7, updated_at);
  bind_text (stmt, 8, haven_entry_get_title (entry));
  bind_text (stmt, 9, haven_entry_get_body (entry));
  bind_text (stmt, 10, answers_json);
  bind_text (stmt, 11, answers_text);
  sqlite3_bind_int (stmt, 12, haven_entry_get_is_draft (entry));
  if (id == 0 && haven_entry_get_deleted_at (entry) != 0)
    sqlite3_bind_int64 (stmt, 13, haven_entry_get_deleted_at (entry));
  else
    sqlite3_bind_null (stmt, 13);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT && id == 0)
        g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_INVALID,
                             _("An entry with the same identity is already in the journal."));
      else
        _haven_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }

  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);

  ids = haven_entry_get_pain_point_ids (entry, &n_ids);
  if (!replace_links (self,
                      "DELETE FROM entry_pain_point WHERE entry_id = ?1;",
                      "INSERT INTO entry_pain_point (entry_id, pain_point_id) VALUES (?1, ?2);",
                      id, ids, n_ids, error))
    return FALSE;

  ids = haven_entry_get_tag_ids (entry, &n_ids);
  if (!replace_links (self,
                      "DELETE FROM entry_tag WHERE entry_id = ?1;",
                      "INSERT INTO entry_tag (entry_id, tag_id) VALUES (?1, ?2);",
                      id, ids, n_ids, error))
    return FALSE;

  if (haven_entry_get_id (entry) == 0 || old_listed || new_listed)
    queue_change (self, HAVEN_RECORD_ENTRY, id, old_at, old_listed,
                  haven_entry_get_occurred_at (entry), new_listed);

  *out_id = id;
  *out_uuid = g_steal_pointer (&uuid);
  *out_created = created_at;
  *out_updated = updated_at;

  return TRUE;
}

gboolean
haven_store_save_entry (HavenStore  *self,
                        HavenEntry  *entry,
                        GError     **error)
{
  g_autofree char *uuid = NULL;
  HavenTime created_at, updated_at;
  gint64 id;

  g_return_val_if_fail (HAVEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (HAVEN_IS_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_haven_store_begin (self, error))
    return FALSE;

  if (!save_entry_in_transaction (self, entry, &id, &uuid, &created_at, &updated_at, error))
    {
      _haven_store_rollback (self);
      return FALSE;
    }

  if (!_haven_store_commit (self, error))
    return FALSE;

  /* Only now, with the data on disk, does the object learn its identity. */
  _haven_entry_set_identity (entry, id, uuid, created_at, updated_at);

  return TRUE;
}

static HavenEntry *
get_entry_where (HavenStore  *self,
                 const char  *sql,
                 gint64       id,
                 const char  *uuid,
                 GError     **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  int rc;

  if (self->db == NULL)
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_FAILED,
                           _("The journal is closed."));
      return NULL;
    }

  if (!(stmt = _haven_store_prepare (self, sql, error)))
    return NULL;

  if (uuid != NULL)
    bind_text (stmt, 1, uuid);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_NOT_FOUND,
                           message_for_code (HAVEN_STORE_ERROR_NOT_FOUND));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _haven_set_sqlite_error (error, self->db, rc);
      return NULL;
    }

  return entry_from_row (self, stmt, error);
}

HavenEntry *
haven_store_get_entry (HavenStore  *self,
                       gint64       id,
                       GError     **error)
{
  g_return_val_if_fail (HAVEN_IS_STORE (self), NULL);

  return get_entry_where (self, "SELECT " ENTRY_COLUMNS " FROM entry WHERE id = ?1;",
                          id, NULL, error);
}

HavenEntry *
haven_store_get_entry_by_uuid (HavenStore  *self,
                               const char  *uuid,
                               GError     **error)
{
  g_return_val_if_fail (HAVEN_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return get_entry_where (self, "SELECT " ENTRY_COLUMNS " FROM entry WHERE uuid = ?1;",
                          0, uuid, error);
}

/**
 * haven_store_list_drafts:
 *
 * Returns: (transfer full) (element-type HavenEntry): unfinished entries, newest first
 */
GPtrArray *
haven_store_list_drafts (HavenStore  *self,
                         GError     **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (HAVEN_IS_STORE (self), NULL);

  if (!(stmt = _haven_store_prepare (self,
                                     "SELECT " ENTRY_COLUMNS " FROM entry "
                                     "WHERE deleted_at IS NULL AND is_draft = 1 "
                                     "ORDER BY updated_at DESC, id DESC;",
                                     error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HavenEntry *entry = entry_from_row (self, stmt, error);

      if (entry == NULL)
        return NULL;
      g_ptr_array_add (drafts, entry);
    }

  if (rc != SQLITE_DONE)
    {
      _haven_set_sqlite_error (error, self->db, rc);
      return NULL;
    }

  return g_steal_pointer (&drafts);
}

/* Trash, restore and purge share one shape for both kinds of record. */
typedef struct
{
  HavenRecordType  type;
  const char      *state_sql;
  const char      *trash_sql;
  const char      *restore_sql;
  const char      *purge_sql;
} RecordSql;

static const RecordSql entry_sql = {
  HAVEN_RECORD_ENTRY,
  "SELECT occurred_at, deleted_at IS NULL AND is_draft = 0 FROM entry WHERE id = ?1;",
  "UPDATE entry SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL;",
  "UPDATE entry SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL;",
  "DELETE FROM entry WHERE id = ?1;",
};

static const RecordSql checkin_sql = {
  HAVEN_RECORD_CHECKIN,
  "SELECT at, deleted_at IS NULL FROM checkin WHERE id = ?1;",
  "UPDATE checkin SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL;",
  "UPDATE checkin SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL;",
  "DELETE FROM checkin WHERE id = ?1;",
};

typedef enum { OP_TRASH, OP_RESTORE, OP_PURGE } RecordOp;

static gboolean
change_record (HavenStore       *self,
               const RecordSql  *sql,
               RecordOp          op,
               gint64            id,
               GError          **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  const char *statement;
  HavenTime at;
  gboolean old_listed, new_listed;
  int rc;

  if (!_haven_store_begin (self, error))
    return FALSE;

  if (!read_old_state (self, sql->state_sql, id, &at, &old_listed, error))
    goto failed;

  statement = op == OP_TRASH ? sql->trash_sql : op == OP_RESTORE ? sql->restore_sql
                                                                  : sql->purge_sql;
  if (!(stmt = _haven_store_prepare (self, statement, error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, id);
  if (op == OP_TRASH)
    sqlite3_bind_int64 (stmt, 2, haven_time_now ());

  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    {
      _haven_set_sqlite_error (error, self->db, rc);
      goto failed;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_NOT_FOUND,
                           message_for_code (HAVEN_STORE_ERROR_NOT_FOUND));
      goto failed;
    }

  g_clear_pointer (&stmt, haven_cached_stmt_release);

  if (op == OP_RESTORE)
    {
      /* A restored entry that was a draft stays a draft. */
      gboolean listed;

      if (!read_old_state (self, sql->state_sql, id, &at, &listed, error))
        goto failed;
      new_listed = listed;
    }
  else
    {
      new_listed = FALSE;
    }

  if (old_listed || new_listed)
    queue_change (self, sql->type, id, at, old_listed, at, new_listed);
  self->trash_changed = TRUE;

  return _haven_store_commit (self, error);

failed:
  _haven_store_rollback (self);
  return FALSE;
}

gboolean
haven_store_trash_entry (HavenStore  *self,
                         gint64       id,
                         GError     **error)
{
  g_return_val_if_fail (HAVEN_IS_STORE (self), FALSE);

  return change_record (self, &entry_sql, OP_TRASH, id, error);
}

gboolean
haven_store_restore_entry (HavenStore  *self,
                           gint64       id,
                           GError     **error)
{
  g_return_val_if_fail (HAVEN_IS_STORE (self), FALSE);

  return change_record (self, &entry_sql, OP_RESTORE, id, error);
}

gboolean
haven_store_purge_entry (HavenStore  *self,
                         gint64       id,
                         GError     **error)
{
  g_return_val_if_fail (HAVEN_IS_STORE (self), FALSE);

  return change_record (self, &entry_sql, OP_PURGE, id, error);
}

/* Check-ins ------------------------------------------------------------------------------ */

#define CHECKIN_COLUMNS \
  "id, uuid, at, created_at, updated_at, mood, emotions, intensity_before, reaction, " \
  "body_signals, regulation, intensity_after, note, entry_id, deleted_at"

static gboolean
set_strv_column (sqlite3_stmt  *stmt,
                 int            column,
                 HavenCheckin  *checkin,
                 void         (*setter) (HavenCheckin *, const char * const *),
                 GError       **error)
{
  g_auto(GStrv) strv = _haven_strv_from_json ((const char *)sqlite3_column_text (stmt, column),
                                              error);

  if (strv == NULL)
    return FALSE;

  setter (checkin, (const char * const *)strv);

  return TRUE;
}

static HavenCheckin *
checkin_from_row (HavenStore    *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(HavenCheckin) checkin = NULL;
  g_autoptr(GArray) pain_points = NULL;
  g_autoptr(GArray) tags = NULL;
  HavenReaction reaction = HAVEN_REACTION_NONE;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  int mood = CLAMP (sqlite3_column_int (stmt, 5), 1, 5);

  checkin = haven_checkin_new (mood);
  _haven_checkin_set_identity (checkin, id,
                               (const char *)sqlite3_column_text (stmt, 1),
                               sqlite3_column_int64 (stmt, 3),
                               sqlite3_column_int64 (stmt, 4));
  haven_checkin_set_at (checkin, sqlite3_column_int64 (stmt, 2));

  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    haven_checkin_set_intensity_before (checkin, CLAMP (sqlite3_column_int (stmt, 7), 0, 10));
  haven_reaction_from_string ((const char *)sqlite3_column_text (stmt, 8), &reaction);
  haven_checkin_set_reaction (checkin, reaction);
  if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
    haven_checkin_set_intensity_after (checkin, CLAMP (sqlite3_column_int (stmt, 11), 0, 10));
  haven_checkin_set_note (checkin, (const char *)sqlite3_column_text (stmt, 12));
  haven_checkin_set_entry_id (checkin, sqlite3_column_int64 (stmt, 13));
  _haven_checkin_set_deleted_at (checkin, sqlite3_column_int64 (stmt, 14));

  if (!set_strv_column (stmt, 6, checkin, haven_checkin_set_emotions, error) ||
      !set_strv_column (stmt, 9, checkin, haven_checkin_set_body_signals, error) ||
      !set_strv_column (stmt, 10, checkin, haven_checkin_set_regulation, error))
    return NULL;

  pain_points = load_links (self,
                            "SELECT pain_point_id FROM checkin_pain_point WHERE checkin_id = ?1;",
                            id, error);
  if (pain_points == NULL)
    return NULL;
  haven_checkin_set_pain_point_ids (checkin, (gint64 *)(gpointer)pain_points->data,
                                    pain_points->len);

  tags = load_links (self, "SELECT tag_id FROM checkin_tag WHERE checkin_id = ?1;", id, error);
  if (tags == NULL)
    return NULL;
  haven_checkin_set_tag_ids (checkin, (gint64 *)(gpointer)tags->data, tags->len);

  return g_steal_pointer (&checkin);
}

static void
bind_intensity (sqlite3_stmt *stmt,
                int           index,
                int           intensity)
{
  if (intensity < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, intensity);
}

static gboolean
save_checkin_in_transaction (HavenStore    *self,
                             HavenCheckin  *checkin,
                             gint64        *out_id,
                             char         **out_uuid,
                             HavenTime     *out_created,
                             HavenTime     *out_updated,
                             GError       **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  g_autofree char *emotions = _haven_strv_to_json (haven_checkin_get_emotions (checkin));
  g_autofree char *signals_json = _haven_strv_to_json (haven_checkin_get_body_signals (checkin));
  g_autofree char *regulation = _haven_strv_to_json (haven_checkin_get_regulation (checkin));
  g_autofree char *uuid = NULL;
  const gint64 *ids;
  guint n_ids;
  gint64 id = haven_checkin_get_id (checkin);
  gint64 entry_id = haven_checkin_get_entry_id (checkin);
  HavenTime now = haven_time_now ();
  HavenTime created_at, updated_at;
  HavenTime old_at = 0;
  gboolean old_listed = FALSE;
  gboolean new_listed = haven_checkin_get_deleted_at (checkin) == 0;
  int rc;

  if (!check_utf8 (haven_checkin_get_note (checkin), error) ||
      !check_utf8 (emotions, error) || !check_utf8 (signals_json, error) ||
      !check_utf8 (regulation, error))
    return FALSE;

  if (id == 0)
    {
      uuid = haven_checkin_get_uuid (checkin) ? g_strdup (haven_checkin_get_uuid (checkin))
                                              : g_uuid_string_random ();
      created_at = haven_checkin_get_created_at (checkin) ?: now;
      updated_at = haven_checkin_get_updated_at (checkin) ?: created_at;

      if (!(stmt = _haven_store_prepare (self,
                                         "INSERT INTO checkin (uuid, at, created_at, updated_at, "
                                         "mood, emotions, intensity_before, reaction, "
                                         "body_signals, regulation, intensity_after, note, "
                                         "entry_id, deleted_at, day) VALUES (?1, ?2, ?3, ?4, "
                                         "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                                         "haven_local_day (?2));",
                                         error)))
        return FALSE;
    }
  else
    {
      uuid = g_strdup (haven_checkin_get_uuid (checkin));
      created_at = haven_checkin_get_created_at (checkin);
      updated_at = now;
      new_listed = TRUE;

      if (!read_old_state (self, checkin_sql.state_sql, id, &old_at, &old_listed, error))
        return FALSE;
      new_listed = old_listed;

      if (!(stmt = _haven_store_prepare (self,
                                         "UPDATE checkin SET at = ?2, updated_at = ?4, "
                                         "mood = ?5, emotions = ?6, intensity_before = ?7, "
                                         "reaction = ?8, body_signals = ?9, regulation = ?10, "
                                         "intensity_after = ?11, note = ?12, entry_id = ?13, "
                                         "day = haven_local_day (?2) WHERE id = ?15;",
                                         error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 15, id);
    }

  bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, haven_checkin_get_at (checkin));
  sqlite3_bind_int64 (stmt, 3, created_at);
  sqlite3_bind_int64 (stmt, 4, updated_at);
  sqlite3_bind_int (stmt, 5, haven_checkin_get_mood (checkin));
  bind_text (stmt, 6, emotions);
  bind_intensity (stmt, 7, haven_checkin_get_intensity_before (checkin));
  bind_text (stmt, 8, haven_reaction_to_string (haven_checkin_get_reaction (checkin)));
  bind_text (stmt, 9, signals_json);
  bind_text (stmt, 10, regulation);
  bind_intensity (stmt, 11, haven_checkin_get_intensity_after (checkin));
  bind_text (stmt, 12, haven_checkin_get_note (checkin));
  if (entry_id > 0)
    sqlite3_bind_int64 (stmt, 13, entry_id);
  else
    sqlite3_bind_null (stmt, 13);
  if (id == 0 && haven_checkin_get_deleted_at (checkin) != 0)
    sqlite3_bind_int64 (stmt, 14, haven_checkin_get_deleted_at (checkin));
  else
    sqlite3_bind_null (stmt, 14);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_INVALID,
                             _("The entry this check-in belongs to no longer exists."));
      else if ((rc & 0xff) == SQLITE_CONSTRAINT && id == 0)
        g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_INVALID,
                             _("A check-in with the same identity is already in the journal."));
      else
        _haven_set_sqlite_error (error, self->db, rc);
      return FALSE;
    }

  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);

  ids = haven_checkin_get_pain_point_ids (checkin, &n_ids);
  if (!replace_links (self,
                      "DELETE FROM checkin_pain_point WHERE checkin_id = ?1;",
                      "INSERT INTO checkin_pain_point (checkin_id, pain_point_id) VALUES (?1, ?2);",
                      id, ids, n_ids, error))
    return FALSE;

  ids = haven_checkin_get_tag_ids (checkin, &n_ids);
  if (!replace_links (self,
                      "DELETE FROM checkin_tag WHERE checkin_id = ?1;",
                      "INSERT INTO checkin_tag (checkin_id, tag_id) VALUES (?1, ?2);",
                      id, ids, n_ids, error))
    return FALSE;

  if (old_listed || new_listed)
    queue_change (self, HAVEN_RECORD_CHECKIN, id, old_at, old_listed,
                  haven_checkin_get_at (checkin), new_listed);

  *out_id = id;
  *out_uuid = g_steal_pointer (&uuid);
  *out_created = created_at;
  *out_updated = updated_at;

  return TRUE;
}

gboolean
haven_store_save_checkin (HavenStore    *self,
                          HavenCheckin  *checkin,
                          GError       **error)
{
  g_autofree char *uuid = NULL;
  HavenTime created_at, updated_at;
  gint64 id;

  g_return_val_if_fail (HAVEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (HAVEN_IS_CHECKIN (checkin), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_haven_store_begin (self, error))
    return FALSE;

  if (!save_checkin_in_transaction (self, checkin, &id, &uuid, &created_at, &updated_at, error))
    {
      _haven_store_rollback (self);
      return FALSE;
    }

  if (!_haven_store_commit (self, error))
    return FALSE;

  _haven_checkin_set_identity (checkin, id, uuid, created_at, updated_at);

  return TRUE;
}

HavenCheckin *
haven_store_get_checkin (HavenStore  *self,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HAVEN_IS_STORE (self), NULL);

  if (!(stmt = _haven_store_prepare (self,
                                     "SELECT " CHECKIN_COLUMNS " FROM checkin WHERE id = ?1;",
                                     error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_NOT_FOUND,
                           message_for_code (HAVEN_STORE_ERROR_NOT_FOUND));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _haven_set_sqlite_error (error, self->db, rc);
      return NULL;
    }

  return checkin_from_row (self, stmt, error);
}

/**
 * haven_store_list_checkins_for_entry:
 *
 * Returns: (transfer full) (element-type HavenCheckin): the listed check-ins linked to
 * @entry_id, oldest first
 */
GPtrArray *
haven_store_list_checkins_for_entry (HavenStore  *self,
                                     gint64       entry_id,
                                     GError     **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (HAVEN_IS_STORE (self), NULL);

  if (!(stmt = _haven_store_prepare (self,
                                     "SELECT " CHECKIN_COLUMNS " FROM checkin "
                                     "WHERE entry_id = ?1 AND deleted_at IS NULL "
                                     "ORDER BY at, id;",
                                     error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, entry_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HavenCheckin *checkin = checkin_from_row (self, stmt, error);

      if (checkin == NULL)
        return NULL;
      g_ptr_array_add (checkins, checkin);
    }

  if (rc != SQLITE_DONE)
    {
      _haven_set_sqlite_error (error, self->db, rc);
      return NULL;
    }

  return g_steal_pointer (&checkins);
}

gboolean
haven_store_trash_checkin (HavenStore  *self,
                           gint64       id,
                           GError     **error)
{
  g_return_val_if_fail (HAVEN_IS_STORE (self), FALSE);

  return change_record (self, &checkin_sql, OP_TRASH, id, error);
}

gboolean
haven_store_restore_checkin (HavenStore  *self,
                             gint64       id,
                             GError     **error)
{
  g_return_val_if_fail (HAVEN_IS_STORE (self), FALSE);

  return change_record (self, &checkin_sql, OP_RESTORE, id, error);
}

gboolean
haven_store_purge_checkin (HavenStore  *self,
                           gint64       id,
                           GError     **error)
{
  g_return_val_if_fail (HAVEN_IS_STORE (self), FALSE);

  return change_record (self, &checkin_sql, OP_PURGE, id, error);
}

/* Trash and counts ----------------------------------------------------------------------- */

static guint
count_where (HavenStore *self,
             const char *sql)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;

  if (self->db == NULL || !(stmt = _haven_store_prepare (self, sql, NULL)))
    return 0;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return (guint)sqlite3_column_int64 (stmt, 0);
}

guint
haven_store_count_trash (HavenStore *self)
{
  g_return_val_if_fail (HAVEN_IS_STORE (self), 0);

  return count_where (self,
                      "SELECT (SELECT count(*) FROM entry WHERE deleted_at IS NOT NULL) + "
                      "(SELECT count(*) FROM checkin WHERE deleted_at IS NOT NULL);");
}

guint
haven_store_count_entries (HavenStore *self)
{
  g_return_val_if_fail (HAVEN_IS_STORE (self), 0);

  return count_where (self,
                      "SELECT count(*) FROM entry WHERE deleted_at IS NULL AND is_draft = 0;");
}

guint
haven_store_count_checkins (HavenStore *self)
{
  g_return_val_if_fail (HAVEN_IS_STORE (self), 0);

  return count_where (self, "SELECT count(*) FROM checkin WHERE deleted_at IS NULL;");
}

gboolean
haven_store_is_empty (HavenStore *self)
{
  g_return_val_if_fail (HAVEN_IS_STORE (self), TRUE);

  return count_where (self,
                      "SELECT NOT EXISTS (SELECT 1 FROM entry"
                      "                    WHERE deleted_at IS NULL AND is_draft = 0)"
                      "   AND NOT EXISTS (SELECT 1 FROM checkin WHERE deleted_at IS NULL);") != 0;
}

guint
haven_store_count_checkins_up_to (HavenStore *self,
                                  guint       limit)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;

  g_return_val_if_fail (HAVEN_IS_STORE (self), 0);

  if (self->db == NULL ||
      !(stmt = _haven_store_prepare (self,
                                     "SELECT count(*) FROM (SELECT 1 FROM checkin"
                                     " WHERE deleted_at IS NULL LIMIT ?1);", NULL)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, limit);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return (guint) sqlite3_column_int64 (stmt, 0);
}

gboolean
haven_store_empty_trash (HavenStore  *self,
                         GError     **error)
{
  g_return_val_if_fail (HAVEN_IS_STORE (self), FALSE);

  if (!_haven_store_begin (self, error))
    return FALSE;

  if (!_haven_exec (self->db,
                    "DELETE FROM checkin WHERE deleted_at IS NOT NULL;"
                    "DELETE FROM entry WHERE deleted_at IS NOT NULL;",
                    error))
    {
      _haven_store_rollback (self);
      return FALSE;
    }

  self->trash_changed = TRUE;

  return _haven_store_commit (self, error);
}

/* Pain points and tags ------------------------------------------------------------------- */

static char *
normalize_name (const char  *name,
                GError     **error)
{
  g_autofree char *normalized = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_INVALID,
                           _("The name contains characters that are not valid UTF-8."));
      return NULL;
    }

  normalized = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  g_strstrip (normalized);

  if (*normalized == '\0')
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_INVALID,
                           _("A name cannot be empty."));
      return NULL;
    }

  if (g_utf8_strlen (normalized, -1) > 200)
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_INVALID,
                           _("A name can be at most 200 characters long."));
      return NULL;
    }

  return g_steal_pointer (&normalized);
}

HavenPainPoint *
haven_store_get_pain_point (HavenStore  *self,
                            gint64       id,
                            GError     **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HAVEN_IS_STORE (self), NULL);

  if (!(stmt = _haven_store_prepare (self,
                                     "SELECT id, uuid, name, created_at FROM pain_point "
                                     "WHERE id = ?1;",
                                     error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_NOT_FOUND,
                           message_for_code (HAVEN_STORE_ERROR_NOT_FOUND));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _haven_set_sqlite_error (error, self->db, rc);
      return NULL;
    }

  return _haven_pain_point_new (sqlite3_column_int64 (stmt, 0),
                                (const char *)sqlite3_column_text (stmt, 1),
                                (const char *)sqlite3_column_text (stmt, 2),
                                sqlite3_column_int64 (stmt, 3), 0, 0);
}

static gint64
find_named (HavenStore  *self,
            const char  *sql,
            const char  *name,
            GError     **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  int rc;

  if (!(stmt = _haven_store_prepare (self, sql, error)))
    return -1;

  bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;

  _haven_set_sqlite_error (error, self->db, rc);
  return -1;
}

HavenPainPoint *
haven_store_add_pain_point (HavenStore  *self,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *uuid = NULL;
  gint64 id;
  int rc;

  g_return_val_if_fail (HAVEN_IS_STORE (self), NULL);

  if (!(normalized = normalize_name (name, error)))
    return NULL;

  if (!_haven_store_begin (self, error))
    return NULL;

  id = find_named (self,
                   "SELECT id FROM pain_point WHERE name = ?1 COLLATE NOCASE "
                   "AND deleted_at IS NULL;",
                   normalized, error);
  if (id < 0)
    goto failed;

  if (id == 0)
    {
      if (!(stmt = _haven_store_prepare (self,
                                         "INSERT INTO pain_point (uuid, name, created_at) "
                                         "VALUES (?1, ?2, ?3);",
                                         error)))
        goto failed;

      uuid = g_uuid_string_random ();
      bind_text (stmt, 1, uuid);
      bind_text (stmt, 2, normalized);
      sqlite3_bind_int64 (stmt, 3, haven_time_now ());
      if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
        {
          _haven_set_sqlite_error (error, self->db, rc);
          goto failed;
        }
      id = sqlite3_last_insert_rowid (self->db);
      self->pain_points_changed = TRUE;
    }

  if (!_haven_store_commit (self, error))
    return NULL;

  return haven_store_get_pain_point (self, id, error);

failed:
  _haven_store_rollback (self);
  return NULL;
}

gboolean
haven_store_rename_pain_point (HavenStore  *self,
                               gint64       id,
                               const char  *name,
                               GError     **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  g_autofree char *normalized = NULL;
  int rc;

  g_return_val_if_fail (HAVEN_IS_STORE (self), FALSE);

  if (!(normalized = normalize_name (name, error)))
    return FALSE;

  if (!_haven_store_begin (self, error))
    return FALSE;

  if (!(stmt = _haven_store_prepare (self,
                                     "UPDATE pain_point SET name = ?2 WHERE id = ?1;",
                                     error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, normalized);
  rc = sqlite3_step (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_INVALID,
                           _("Another raw spot already has this name."));
      goto failed;
    }
  if (rc != SQLITE_DONE)
    {
      _haven_set_sqlite_error (error, self->db, rc);
      goto failed;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_NOT_FOUND,
                           message_for_code (HAVEN_STORE_ERROR_NOT_FOUND));
      goto failed;
    }

  self->pain_points_changed = TRUE;

  return _haven_store_commit (self, error);

failed:
  _haven_store_rollback (self);
  return FALSE;
}

/**
 * haven_store_list_pain_points:
 *
 * Returns: (transfer full): a list of #HavenPainPoint, the most used first
 */
GListModel *
haven_store_list_pain_points (HavenStore  *self,
                              GError     **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  g_autoptr(GListStore) list = g_list_store_new (HAVEN_TYPE_PAIN_POINT);
  int rc;

  g_return_val_if_fail (HAVEN_IS_STORE (self), NULL);

  if (!(stmt = _haven_store_prepare (self,
                                     "WITH uses (pain_point_id, at) AS ("
                                     "  SELECT ep.pain_point_id, e.occurred_at"
                                     "  FROM entry_pain_point ep JOIN entry e ON e.id = ep.entry_id"
                                     "  WHERE e.deleted_at IS NULL AND e.is_draft = 0"
                                     "  UNION ALL"
                                     "  SELECT cp.pain_point_id, c.at"
                                     "  FROM checkin_pain_point cp JOIN checkin c ON c.id = cp.checkin_id"
                                     "  WHERE c.deleted_at IS NULL"
                                     "), counts AS ("
                                     "  SELECT pain_point_id, count(*) AS n, max(at) AS last"
                                     "  FROM uses GROUP BY pain_point_id"
                                     ") "
                                     "SELECT p.id, p.uuid, p.name, p.created_at,"
                                     "  coalesce(counts.n, 0), coalesce(counts.last, 0) "
                                     "FROM pain_point p LEFT JOIN counts ON counts.pain_point_id = p.id "
                                     "WHERE p.deleted_at IS NULL "
                                     "ORDER BY coalesce(counts.n, 0) DESC, p.name COLLATE NOCASE;",
                                     error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(HavenPainPoint) point =
        _haven_pain_point_new (sqlite3_column_int64 (stmt, 0),
                               (const char *)sqlite3_column_text (stmt, 1),
                               (const char *)sqlite3_column_text (stmt, 2),
                               sqlite3_column_int64 (stmt, 3),
                               (guint)sqlite3_column_int64 (stmt, 4),
                               sqlite3_column_int64 (stmt, 5));
      g_list_store_append (list, point);
    }

  if (rc != SQLITE_DONE)
    {
      _haven_set_sqlite_error (error, self->db, rc);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

HavenTag *
haven_store_add_tag (HavenStore  *self,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *uuid = NULL;
  gint64 id;
  int rc;

  g_return_val_if_fail (HAVEN_IS_STORE (self), NULL);

  if (!(normalized = normalize_name (name, error)))
    return NULL;

  if (!_haven_store_begin (self, error))
    return NULL;

  id = find_named (self, "SELECT id, uuid FROM tag WHERE name = ?1 COLLATE NOCASE;",
                   normalized, error);
  if (id < 0)
    goto failed;

  if (id == 0)
    {
      if (!(stmt = _haven_store_prepare (self,
                                         "INSERT INTO tag (uuid, name, created_at) "
                                         "VALUES (?1, ?2, ?3);",
                                         error)))
        goto failed;

      uuid = g_uuid_string_random ();
      bind_text (stmt, 1, uuid);
      bind_text (stmt, 2, normalized);
      sqlite3_bind_int64 (stmt, 3, haven_time_now ());
      if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
        {
          _haven_set_sqlite_error (error, self->db, rc);
          goto failed;
        }
      id = sqlite3_last_insert_rowid (self->db);
    }
  else
    {
      g_autoptr(HavenCachedStmt) find =
        _haven_store_prepare (self, "SELECT uuid, name FROM tag WHERE id = ?1;", error);

      if (find == NULL)
        goto failed;
      sqlite3_bind_int64 (find, 1, id);
      if (sqlite3_step (find) != SQLITE_ROW)
        {
          _haven_set_sqlite_error (error, self->db, sqlite3_errcode (self->db));
          goto failed;
        }
      uuid = g_strdup ((const char *)sqlite3_column_text (find, 0));
      g_free (normalized);
      normalized = g_strdup ((const char *)sqlite3_column_text (find, 1));
    }

  if (!_haven_store_commit (self, error))
    return NULL;

  return _haven_tag_new (id, uuid, normalized);

failed:
  _haven_store_rollback (self);
  return NULL;
}

/**
 * haven_store_list_tags:
 *
 * Returns: (transfer full): a list of #HavenTag, by name
 */
GListModel *
haven_store_list_tags (HavenStore  *self,
                       GError     **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  g_autoptr(GListStore) list = g_list_store_new (HAVEN_TYPE_TAG);
  int rc;

  g_return_val_if_fail (HAVEN_IS_STORE (self), NULL);

  if (!(stmt = _haven_store_prepare (self,
                                     "SELECT id, uuid, name FROM tag ORDER BY name COLLATE NOCASE;",
                                     error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(HavenTag) tag = _haven_tag_new (sqlite3_column_int64 (stmt, 0),
                                                (const char *)sqlite3_column_text (stmt, 1),
                                                (const char *)sqlite3_column_text (stmt, 2));
      g_list_store_append (list, tag);
    }

  if (rc != SQLITE_DONE)
    {
      _haven_set_sqlite_error (error, self->db, rc);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}
