/* haven-backup.c: copies of the journal beside it, made daily, rotated, and restored
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A backup is a whole journal in one file, made with SQLite's backup API (a consistent copy
 * even while the window writes), in `journal-backups/` beside the journal. Daily copies are
 * named by when they were made, `journal-2026-03-01-213000.db`, so rotation reads the date
 * from the name rather than from a file time that a copy to another disk would change.
 * Other copies in the folder (made before an update or a restore) are never rotated away.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "haven-backup.h"
#include "haven-store-private.h"

G_DEFINE_BOXED_TYPE (HavenBackup, haven_backup, haven_backup_copy, haven_backup_free)

HavenBackup *
haven_backup_copy (const HavenBackup *self)
{
  HavenBackup *copy = g_memdup2 (self, sizeof *self);

  copy->path = g_strdup (self->path);
  copy->made_at = self->made_at ? g_date_time_ref (self->made_at) : NULL;

  return copy;
}

void
haven_backup_free (HavenBackup *self)
{
  if (self == NULL)
    return;

  g_free (self->path);
  g_clear_pointer (&self->made_at, g_date_time_unref);
  g_free (self);
}

static char *
journal_base (const char *journal_path)
{
  char *base = g_path_get_basename (journal_path);

  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    base[strlen (base) - 3] = '\0';

  return base;
}

/* "journal-2026-03-01-213000.db" → that moment, in @tz. */
static GDateTime *
parse_dated_name (const char *name,
                  const char *base,
                  GTimeZone  *tz)
{
  gsize base_len = strlen (base);
  int year, month, day, hour, minute, second, n = 0;

  if (strncmp (name, base, base_len) != 0 || name[base_len] != '-')
    return NULL;

  if (sscanf (name + base_len + 1, "%4d-%2d-%2d-%2d%2d%2d.db%n",
              &year, &month, &day, &hour, &minute, &second, &n) != 6 ||
      name[base_len + 1 + n] != '\0' || n != (int)strlen ("2026-03-01-213000.db"))
    return NULL;

  return g_date_time_new (tz, year, month, day, hour, minute, second);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const HavenBackup *x = *(HavenBackup * const *)a;
  const HavenBackup *y = *(HavenBackup * const *)b;
  int order = g_date_time_compare (y->made_at, x->made_at);

  return order != 0 ? order : g_strcmp0 (y->path, x->path);
}

static GPtrArray *
list_in (const char *journal_path,
         GTimeZone  *tz)
{
  g_autofree char *dir_path = haven_store_dup_backup_dir (journal_path);
  g_autofree char *base = journal_base (journal_path);
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify)haven_backup_free);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return g_steal_pointer (&backups);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      HavenBackup *backup;
      GStatBuf st;

      if (!g_str_has_suffix (name, ".db"))
        continue;

      path = g_build_filename (dir_path, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      backup = g_new0 (HavenBackup, 1);
      backup->path = g_steal_pointer (&path);
      backup->made_at = parse_dated_name (name, base, tz);
      backup->dated = backup->made_at != NULL;
      if (backup->made_at == NULL)
        {
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (st.st_mtime);

          backup->made_at = g_date_time_to_timezone (utc, tz);
        }
      g_ptr_array_add (backups, backup);
    }

  g_ptr_array_sort (backups, compare_newest_first);

  return g_steal_pointer (&backups);
}

GPtrArray *
haven_backup_list (const char *journal_path)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

  g_return_val_if_fail (journal_path != NULL, NULL);

  return list_in (journal_path, tz);
}

static gboolean
check_failed (GError     **error,
              HavenStoreError code,
              const char  *message)
{
  g_set_error_literal (error, HAVEN_STORE_ERROR, code, message);
  return FALSE;
}

gboolean
haven_backup_check (HavenBackup  *backup,
                    GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = NULL;
  gint64 app_id = 0, version = 0;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (backup != NULL, FALSE);

  rc = sqlite3_open_v2 (backup->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      _haven_set_sqlite_error (error, db, rc);
      goto out;
    }

  if (sqlite3_prepare_v2 (db, "SELECT (SELECT application_id FROM pragma_application_id), "
                              "(SELECT user_version FROM pragma_user_version);",
                          -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      /* SQLite reads the whole schema first: a file it can name as not a database is
       * someone else's, anything else that fails here is damage. */
      if ((sqlite3_errcode (db) & 0xff) == SQLITE_NOTADB)
        check_failed (error, HAVEN_STORE_ERROR_NOT_A_JOURNAL,
                      _("This file is not a Haven journal."));
      else
        check_failed (error, HAVEN_STORE_ERROR_CORRUPT, _("This copy is damaged."));
      goto out;
    }
  app_id = sqlite3_column_int64 (stmt, 0);
  version = sqlite3_column_int64 (stmt, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (app_id != HAVEN_APPLICATION_ID || version < 1)
    {
      check_failed (error, HAVEN_STORE_ERROR_NOT_A_JOURNAL, _("This file is not a Haven journal."));
      goto out;
    }

  if (version > HAVEN_SCHEMA_VERSION)
    {
      check_failed (error, HAVEN_STORE_ERROR_TOO_NEW,
                    _("This copy was made by a newer version of Haven."));
      goto out;
    }

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check(1);", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW ||
      g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      check_failed (error, HAVEN_STORE_ERROR_CORRUPT, _("This copy is damaged."));
      goto out;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM entry WHERE deleted_at IS NULL "
                              "AND is_draft = 0), (SELECT count(*) FROM checkin WHERE "
                              "deleted_at IS NULL);",
                          -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      check_failed (error, HAVEN_STORE_ERROR_CORRUPT, _("This copy is damaged."));
      goto out;
    }
  backup->n_entries = sqlite3_column_int (stmt, 0);
  backup->n_checkins = sqlite3_column_int (stmt, 1);

  ok = TRUE;

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close_v2 (db);

  return ok;
}

HavenBackup *
haven_backup_find_newest_good (const char *journal_path)
{
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (journal_path != NULL, NULL);

  backups = haven_backup_list (journal_path);
  for (guint i = 0; i < backups->len; i++)
    {
      HavenBackup *backup = g_ptr_array_index (backups, i);
      g_autoptr(GError) error = NULL;

      if (haven_backup_check (backup, &error))
        return haven_backup_copy (backup);

      g_debug ("Backup %u of %u is not usable: %s", i + 1, backups->len, error->message);
    }

  return NULL;
}

/* Making and rotating ---------------------------------------------------------------------- */

static char *
dated_path (const char *journal_path,
            GDateTime  *when)
{
  g_autofree char *dir = haven_store_dup_backup_dir (journal_path);
  g_autofree char *base = journal_base (journal_path);
  g_autofree char *stamp = g_date_time_format (when, "%Y-%m-%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("%s-%s.db", base, stamp);

  return g_build_filename (dir, name, NULL);
}

char *
haven_backup_make (HavenStore  *store,
                   GDateTime   *now,
                   GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (HAVEN_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  path = dated_path (haven_store_get_path (store), now);
  if (!haven_store_backup_to (store, path, error))
    return NULL;

  /* A rotation that fails leaves one copy too many; the copy itself is made. */
  if (!haven_backup_rotate (haven_store_get_path (store), now, NULL))
    g_debug ("Rotating the backups failed");

  return g_steal_pointer (&path);
}

static gint64
day_number (GDateTime *dt)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));

  return g_date_get_julian (&date);
}

gboolean
haven_backup_make_daily (HavenStore  *store,
                         GDateTime   *now,
                         char       **path,
                         GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  gint64 today;

  g_return_val_if_fail (HAVEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  *path = NULL;
  today = day_number (now);
  backups = list_in (haven_store_get_path (store), g_date_time_get_timezone (now));

  for (guint i = 0; i < backups->len; i++)
    {
      HavenBackup *backup = g_ptr_array_index (backups, i);

      if (backup->dated && day_number (backup->made_at) == today)
        return TRUE;
    }

  *path = haven_backup_make (store, now, error);

  return *path != NULL;
}

gboolean
haven_backup_rotate (const char  *journal_path,
                     GDateTime   *now,
                     GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GHashTable) buckets = g_hash_table_new (g_direct_hash, g_direct_equal);
  gint64 today;
  gboolean ok = TRUE;

  g_return_val_if_fail (journal_path != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  today = day_number (now);
  backups = list_in (journal_path, g_date_time_get_timezone (now));

  /* Newest first: the first copy to reach a bucket keeps it. */
  for (guint i = 0; i < backups->len; i++)
    {
      HavenBackup *backup = g_ptr_array_index (backups, i);
      gint64 age = today - day_number (backup->made_at);
      gint64 bucket;

      if (!backup->dated || age < 0)
        continue;

      if (age < HAVEN_BACKUP_KEEP_DAYS)
        bucket = age;
      else if (age < HAVEN_BACKUP_KEEP_DAYS * (1 + HAVEN_BACKUP_KEEP_WEEKS))
        bucket = 1000 + (age - HAVEN_BACKUP_KEEP_DAYS) / 7;
      else
        bucket = -1;

      if (bucket >= 0 && g_hash_table_add (buckets, GINT_TO_POINTER ((int)bucket + 1)))
        continue;

      if (g_unlink (backup->path) != 0 && errno != ENOENT)
        {
          int errsv = errno;

          g_debug ("Removing an old backup failed: %s", g_strerror (errsv));
          if (ok)
            g_set_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_IO,
                         _("An old backup could not be removed: %s."), g_strerror (errsv));
          ok = FALSE;
        }
    }

  return ok;
}

/* Restoring -------------------------------------------------------------------------------- */

static char *
stamped_path (const char *journal_path,
              const char *prefix,
              GDateTime  *now)
{
  g_autofree char *dir = haven_store_dup_backup_dir (journal_path);
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("%s-%s.db", prefix, stamp);

  return g_build_filename (dir, name, NULL);
}

static gboolean
set_errno_error (GError     **error,
                 int          errsv)
{
  g_debug ("Restoring: %s", g_strerror (errsv));

  if (errsv == ENOSPC)
    g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_FULL,
                         _("The disk is full, so the backup could not be restored."));
  else
    g_set_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_IO,
                 _("The backup could not be restored: %s."), g_strerror (errsv));

  return FALSE;
}

/* A byte copy into a new private file that takes @dest's name only when it is complete.
 * Backups are single files (no WAL beside them), so the bytes are the whole journal. */
static gboolean
copy_file_private (const char  *src,
                   const char  *dest,
                   GError     **error)
{
  g_autofree char *tmp = g_strconcat (dest, ".XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (src);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GOutputStream) out = NULL;
  int fd;

  if (!(in = g_file_read (file, NULL, error)))
    return FALSE;

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_errno_error (error, errno);

  out = g_unix_output_stream_new (fd, TRUE);
  if (g_output_stream_splice (out, G_INPUT_STREAM (in), G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE,
                              NULL, error) < 0 ||
      fsync (fd) != 0 ||
      !g_output_stream_close (out, NULL, error) ||
      g_rename (tmp, dest) != 0)
    {
      if (error != NULL && *error == NULL)
        set_errno_error (error, errno);
      g_unlink (tmp);
      return FALSE;
    }

  return TRUE;
}

static void
remove_journal_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *backups = haven_store_dup_backup_dir (path);
  g_autoptr(GDir) dir = g_dir_open (backups, 0, NULL);
  const char *name;

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);

  /* Bringing an old copy up to date made a copy of its own. */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (backups, name, NULL);
      g_unlink (child);
    }
  g_rmdir (backups);
}

gboolean
haven_backup_restore (HavenStore  *store,
                      const char  *backup_path,
                      GDateTime   *now,
                      char       **safety_copy,
                      GError     **error)
{
  g_autoptr(HavenStore) staged = NULL;
  g_autofree char *staged_path = NULL;
  g_autofree char *safety = NULL;
  HavenBackup backup = { (char *)backup_path };
  sqlite3_backup *copy;
  sqlite3 *db;
  gboolean ok;
  int rc;

  g_return_val_if_fail (HAVEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  db = _haven_store_get_db (store);
  if (db == NULL || haven_store_is_read_only (store))
    return check_failed (error, HAVEN_STORE_ERROR_READ_ONLY,
                         _("The journal is read-only, so no backup can be restored into it."));

  if (!haven_backup_check (&backup, error))
    return FALSE;

  /* The journal as it is now, first: a restore can be undone by restoring this. */
  safety = stamped_path (haven_store_get_path (store), "before-restore", now);
  if (!haven_store_backup_to (store, safety, error))
    {
      g_prefix_error (error, "%s ", _("Nothing was restored, because a copy of the journal "
                                      "could not be made first."));
      return FALSE;
    }

  /* The copy is staged where it can be opened as a journal of this version: an older copy
   * is brought up to date there, never in the backup itself. */
  staged_path = stamped_path (haven_store_get_path (store), "restoring", now);
  remove_journal_files (staged_path);
  if (!copy_file_private (backup_path, staged_path, error) ||
      !(staged = haven_store_open (staged_path, HAVEN_STORE_OPEN_NONE, error)))
    {
      remove_journal_files (staged_path);
      return FALSE;
    }

  /* One write transaction on the live journal: its readers see the old journal or the
   * restored one, never a mix, and a failure leaves it as it was. */
  copy = sqlite3_backup_init (db, "main", _haven_store_get_db (staged), "main");
  if (copy == NULL)
    {
      _haven_set_sqlite_error (error, db, sqlite3_errcode (db));
      ok = FALSE;
    }
  else
    {
      rc = sqlite3_backup_step (copy, -1);
      sqlite3_backup_finish (copy);
      ok = rc == SQLITE_DONE;
      if (!ok)
        _haven_set_sqlite_error (error, db, rc);
    }

  haven_store_close (staged);
  g_clear_object (&staged);
  remove_journal_files (staged_path);

  if (!ok)
    return FALSE;

  haven_store_journal_changed (store);

  if (safety_copy != NULL)
    *safety_copy = g_steal_pointer (&safety);

  return TRUE;
}

gboolean
haven_backup_replace_damaged (const char  *journal_path,
                              const char  *backup_path,
                              GDateTime   *now,
                              char       **moved_to,
                              GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *dir = g_path_get_dirname (journal_path);
  g_autofree char *base = journal_base (journal_path);
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("%s-damaged-%s.db", base, stamp);
  g_autofree char *aside = g_build_filename (dir, name, NULL);
  HavenBackup backup = { (char *)backup_path };

  g_return_val_if_fail (journal_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (!haven_backup_check (&backup, error))
    return FALSE;

  /* Renamed, never written: the damaged journal keeps every byte, for whoever can help. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (journal_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (g_rename (from, to) != 0 && errno != ENOENT)
        {
          int errsv = errno;

          /* Put back what moved, so the journal stays one piece. */
          for (guint j = 0; j < i; j++)
            {
              g_autofree char *back_from = g_strconcat (aside, suffixes[j], NULL);
              g_autofree char *back_to = g_strconcat (journal_path, suffixes[j], NULL);
              g_rename (back_from, back_to);
            }
          return set_errno_error (error, errsv);
        }
    }

  if (!copy_file_private (backup_path, journal_path, error))
    {
      g_rename (aside, journal_path);
      return FALSE;
    }

  if (moved_to != NULL)
    *moved_to = g_steal_pointer (&aside);

  return TRUE;
}

/* Threads ---------------------------------------------------------------------------------- */

typedef struct
{
  char     *journal_path;
  char     *backup_path;
  gboolean  daily;
  char     *result_path;
} BackupTask;

static void
backup_task_free (BackupTask *data)
{
  g_free (data->journal_path);
  g_free (data->backup_path);
  g_free (data->result_path);
  g_free (data);
}

static void
make_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  BackupTask *data = task_data;
  g_autoptr(HavenStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GError *error = NULL;
  gboolean ok;

  store = haven_store_open (data->journal_path, HAVEN_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (data->daily)
    ok = haven_backup_make_daily (store, now, &data->result_path, &error);
  else
    ok = (data->result_path = haven_backup_make (store, now, &error)) != NULL;

  haven_store_close (store);

  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
haven_backup_make_async (const char          *journal_path,
                         gboolean             daily,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BackupTask *data;

  g_return_if_fail (journal_path != NULL);

  data = g_new0 (BackupTask, 1);
  data->journal_path = g_strdup (journal_path);
  data->daily = daily;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, haven_backup_make_async);
  g_task_set_task_data (task, data, (GDestroyNotify)backup_task_free);
  g_task_run_in_thread (task, make_thread);
}

char *
haven_backup_make_finish (GAsyncResult  *result,
                          GError       **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (task) == haven_backup_make_async, NULL);

  if (!g_task_propagate_boolean (task, error))
    return NULL;

  return g_steal_pointer (&((BackupTask *)g_task_get_task_data (task))->result_path);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  BackupTask *data = task_data;
  g_autoptr(HavenStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GError *error = NULL;

  store = haven_store_open (data->journal_path, HAVEN_STORE_OPEN_NONE, &error);
  if (store == NULL ||
      !haven_backup_restore (store, data->backup_path, now, &data->result_path, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  haven_store_close (store);
  g_task_return_boolean (task, TRUE);
}

void
haven_backup_restore_async (const char          *journal_path,
                            const char          *backup_path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BackupTask *data;

  g_return_if_fail (journal_path != NULL);
  g_return_if_fail (backup_path != NULL);

  data = g_new0 (BackupTask, 1);
  data->journal_path = g_strdup (journal_path);
  data->backup_path = g_strdup (backup_path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, haven_backup_restore_async);
  g_task_set_task_data (task, data, (GDestroyNotify)backup_task_free);
  g_task_run_in_thread (task, restore_thread);
}

gboolean
haven_backup_restore_finish (GAsyncResult  *result,
                             char         **safety_copy,
                             GError       **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (task) == haven_backup_restore_async, FALSE);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;

  if (safety_copy != NULL)
    *safety_copy = g_steal_pointer (&((BackupTask *)g_task_get_task_data (task))->result_path);

  return TRUE;
}
