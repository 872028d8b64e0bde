/* test-backup.c: daily copies, rotation, restore and a damaged journal
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "haven-backup.h"
#include "haven-export.h"
#include "haven-store-private.h"
#include "haven-test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  char       *backup_dir;
  HavenStore *store;
  GTimeZone  *tz;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = haven_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "journal.db", NULL);
  f->backup_dir = haven_store_dup_backup_dir (f->path);
  f->store = haven_store_open (f->path, HAVEN_STORE_OPEN_NONE, &error);
  f->tz = g_time_zone_new_local ();
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  haven_test_rmtree (f->dir);
  g_time_zone_unref (f->tz);
  g_free (f->backup_dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
add_entry (HavenStore *store,
           const char *body)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);

  haven_entry_set_body (entry, body);
  haven_store_save_entry (store, entry, &error);
  g_assert_no_error (error);
}

static GDateTime *
day (Fixture *f,
     int      year,
     int      month,
     int      day_of_month,
     int      hour)
{
  return g_date_time_new (f->tz, year, month, day_of_month, hour, 0, 0);
}

static char *
backup_name (Fixture   *f,
             GDateTime *when)
{
  g_autofree char *stamp = g_date_time_format (when, "%Y-%m-%d-%H%M%S");

  return g_strdup_printf ("journal-%s.db", stamp);
}

/* Damages a journal where its data lives: its first page (what identifies it) stays whole,
 * so it opens, and the integrity check then finds the damage. */
static void
damage_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 8 * 4096);

  for (gsize i = len / 2; i < len - 4096; i += 97)
    contents[i] = (char)(contents[i] ^ 0x5a);

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

static void
fill (HavenStore *store,
      guint       n)
{
  /* Long enough that the rows, not the schema, fill the second half of the file, which
   * damage_file() scrambles. */
  g_autofree char *text = g_strnfill (2000, 'w');

  for (guint i = 0; i < n; i++)
    add_entry (store, text);
}

static void
test_daily_once_a_day (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) morning = day (f, 2026, 3, 2, 9);
  g_autoptr(GDateTime) evening = day (f, 2026, 3, 2, 21);
  g_autoptr(GDateTime) tomorrow = day (f, 2026, 3, 3, 8);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(HavenBackup) copy = NULL;

  add_entry (f->store, "kept safe");

  g_assert_true (haven_backup_make_daily (f->store, morning, &first, &error));
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (g_str_has_suffix (first, "journal-backups/journal-2026-03-02-090000.db"));
  g_assert_cmpuint (haven_test_file_mode (first), ==, 0600);
  g_assert_cmpuint (haven_test_file_mode (f->backup_dir), ==, 0700);

  /* The same day again: nothing new. */
  g_assert_true (haven_backup_make_daily (f->store, evening, &second, &error));
  g_assert_no_error (error);
  g_assert_null (second);

  g_assert_true (haven_backup_make_daily (f->store, tomorrow, &third, &error));
  g_assert_nonnull (third);

  list = haven_backup_list (f->path);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((HavenBackup *)g_ptr_array_index (list, 0))->path, ==, third);

  /* A backup is a whole journal in one file. */
  copy = haven_backup_copy (g_ptr_array_index (list, 1));
  g_assert_true (haven_backup_check (copy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (copy->n_entries, ==, 1);
  {
    g_autofree char *wal = g_strconcat (first, "-wal", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
}

static void
test_rotation (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GDateTime) now = day (f, 2026, 3, 31, 12);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autofree char *keep_aside = g_build_filename (f->backup_dir, "before-update-from-v1-x.db", NULL);
  g_autoptr(GString) names = g_string_new (NULL);

  g_mkdir_with_parents (f->backup_dir, 0700);

  /* A copy every day for 100 days, two on the last day, and one from before an update. */
  for (int age = 0; age < 100; age++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (now, -age);
      g_autofree char *name = backup_name (f, when);
      g_autofree char *path = g_build_filename (f->backup_dir, name, NULL);

      g_file_set_contents (path, "x", 1, NULL);
    }
  {
    g_autoptr(GDateTime) early = day (f, 2026, 3, 31, 7);
    g_autofree char *name = backup_name (f, early);
    g_autofree char *path = g_build_filename (f->backup_dir, name, NULL);

    g_file_set_contents (path, "x", 1, NULL);
  }
  g_file_set_contents (keep_aside, "x", 1, NULL);

  g_assert_true (haven_backup_rotate (f->path, now, &error));
  g_assert_no_error (error);

  left = haven_backup_list (f->path);
  for (guint i = 0; i < left->len; i++)
    {
      HavenBackup *backup = g_ptr_array_index (left, i);
      g_autofree char *base = g_path_get_basename (backup->path);

      if (backup->dated)
        g_string_append_printf (names, "%s\n", base);
    }
  g_test_message ("%s", names->str);

  /* The newest of each of the last seven days, then the newest of each of eight weeks. */
  g_assert_cmpstr (names->str, ==,
                   "journal-2026-03-31-120000.db\n"
                   "journal-2026-03-30-120000.db\n"
                   "journal-2026-03-29-120000.db\n"
                   "journal-2026-03-28-120000.db\n"
                   "journal-2026-03-27-120000.db\n"
                   "journal-2026-03-26-120000.db\n"
                   "journal-2026-03-25-120000.db\n"
                   "journal-2026-03-24-120000.db\n"
                   "journal-2026-03-17-120000.db\n"
                   "journal-2026-03-10-120000.db\n"
                   "journal-2026-03-03-120000.db\n"
                   "journal-2026-02-24-120000.db\n"
                   "journal-2026-02-17-120000.db\n"
                   "journal-2026-02-10-120000.db\n"
                   "journal-2026-02-03-120000.db\n");
  /* Copies that rotation does not manage stay. */
  g_assert_true (g_file_test (keep_aside, G_FILE_TEST_EXISTS));

  /* A day later, the oldest week moves out and a new day comes in. */
  {
    g_autoptr(GDateTime) next = g_date_time_add_days (now, 1);
    g_autofree char *path = NULL;

    g_assert_true (haven_backup_make_daily (f->store, next, &path, &error));
    g_assert_no_error (error);
    g_clear_pointer (&left, g_ptr_array_unref);
    left = haven_backup_list (f->path);
    /* 15 dated copies and the one from before an update. */
    g_assert_cmpuint (left->len, ==, 16);
  }
}

static void
count_cb (guint *n)
{
  (*n)++;
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GDateTime) then = day (f, 2026, 3, 1, 10);
  g_autoptr(GDateTime) now = day (f, 2026, 3, 2, 10);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *safety = NULL;
  guint changed = 0;

  add_entry (f->store, "from before");
  backup = haven_backup_make (f->store, then, &error);
  g_assert_no_error (error);

  add_entry (f->store, "written after the backup");
  add_entry (f->store, "and another");
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 3);

  g_signal_connect_swapped (f->store, "journal-changed", G_CALLBACK (count_cb), &changed);
  g_assert_true (haven_backup_restore (f->store, backup, now, &safety, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_signal_handlers_disconnect_by_data (f->store, &changed);

  /* The same connection sees the restored journal at once. */
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 1);

  /* The journal as it was before the restore is kept. */
  g_assert_nonnull (safety);
  g_assert_cmpuint (haven_test_file_mode (safety), ==, 0600);
  {
    HavenBackup kept = { safety };

    g_assert_true (haven_backup_check (&kept, &error));
    g_assert_cmpuint (kept.n_entries, ==, 3);
  }

  /* It stays restored after closing and opening again, and the journal still works. */
  g_assert_finalize_object (g_steal_pointer (&f->store));
  f->store = haven_store_open (f->path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 1);
  add_entry (f->store, "after the restore");
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 2);
  g_assert_true (haven_store_check_integrity (f->store, &error));

  /* Nothing staged is left behind. */
  {
    g_autoptr(GPtrArray) list = haven_backup_list (f->path);

    for (guint i = 0; i < list->len; i++)
      g_assert_null (strstr (((HavenBackup *)g_ptr_array_index (list, i))->path, "restoring"));
    g_assert_cmpuint (list->len, ==, 2);
  }
}

static void
test_restore_refuses_damaged_copy (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GDateTime) then = day (f, 2026, 3, 1, 10);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;

  fill (f->store, 200);
  backup = haven_backup_make (f->store, then, &error);
  g_assert_no_error (error);
  damage_file (backup);

  g_assert_false (haven_backup_restore (f->store, backup, then, NULL, &error));
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_CORRUPT);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 200);
}

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static void
test_restore_in_thread (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) then = day (f, 2026, 3, 1, 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *safety = NULL;

  add_entry (f->store, "one");
  backup = haven_backup_make (f->store, then, &error);
  g_assert_no_error (error);
  add_entry (f->store, "two");

  haven_backup_restore_async (f->path, backup, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (haven_backup_restore_finish (result, &safety, &error));
  g_assert_no_error (error);
  g_assert_nonnull (safety);

  /* The window's connection reads the restored journal. */
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 1);
}

static void
test_newest_good (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) first = day (f, 2026, 3, 1, 10);
  g_autoptr(GDateTime) second = day (f, 2026, 3, 2, 10);
  g_autoptr(GDateTime) third = day (f, 2026, 3, 3, 10);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  g_autoptr(HavenBackup) good = NULL;

  g_assert_null (haven_backup_find_newest_good (f->path));

  fill (f->store, 200);
  a = haven_backup_make (f->store, first, &error);
  b = haven_backup_make (f->store, second, &error);
  c = haven_backup_make (f->store, third, &error);
  g_assert_no_error (error);
  damage_file (c);

  good = haven_backup_find_newest_good (f->path);
  g_assert_nonnull (good);
  g_assert_cmpstr (good->path, ==, b);
  g_assert_cmpuint (good->n_entries, ==, 200);
}

static void
test_damaged_journal (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) then = day (f, 2026, 3, 1, 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenStore) store = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *before = NULL;
  g_autofree char *moved_to = NULL;
  g_autofree char *export_path = g_build_filename (f->dir, "rescued.json", NULL);
  HavenExportSummary summary;

  fill (f->store, 200);
  backup = haven_backup_make (f->store, then, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&f->store));

  damage_file (f->path);
  before = haven_test_file_digest (f->path);

  /* Never opened for writing, never changed. */
  store = haven_store_open (f->path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  {
    g_autofree char *now_digest = haven_test_file_digest (f->path);

    g_assert_cmpstr (now_digest, ==, before);
  }

  /* Read-only past the check, to save what can be read. */
  store = haven_store_open (f->path, HAVEN_STORE_OPEN_READ_ONLY | HAVEN_STORE_OPEN_SKIP_CHECK,
                            &error);
  g_assert_no_error (error);
  if (!haven_export_to_file (store, HAVEN_EXPORT_JSON, export_path, NULL, &summary, NULL, &error))
    {
      /* Damage may reach the rows themselves; then the export says so. */
      g_assert_nonnull (error);
      g_test_message ("export of the damaged journal: %s", error->message);
      g_clear_error (&error);
    }
  g_clear_object (&store);
  {
    g_autofree char *now_digest = haven_test_file_digest (f->path);

    g_assert_cmpstr (now_digest, ==, before);
  }

  /* The damaged journal goes aside unchanged; the backup takes its place. */
  g_assert_true (haven_backup_replace_damaged (f->path, backup, then, &moved_to, &error));
  g_assert_no_error (error);
  {
    g_autofree char *moved_digest = haven_test_file_digest (moved_to);

    g_assert_cmpstr (moved_digest, ==, before);
  }
  g_assert_cmpuint (haven_test_file_mode (f->path), ==, 0600);

  store = haven_store_open (f->path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (haven_store_count_entries (store), ==, 200);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/backup/daily-once-a-day", test_daily_once_a_day);
  ADD ("/backup/rotation", test_rotation);
  ADD ("/backup/restore", test_restore);
  ADD ("/backup/restore-in-thread", test_restore_in_thread);
  ADD ("/backup/restore-refuses-damaged-copy", test_restore_refuses_damaged_copy);
  ADD ("/backup/newest-good", test_newest_good);
  ADD ("/backup/damaged-journal", test_damaged_journal);
#undef ADD

  return g_test_run ();
}
