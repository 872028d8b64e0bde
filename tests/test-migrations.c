/* test-migrations.c: old journals are brought up to date; strange files are left alone
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "haven-journal-model.h"
#include "haven-store-private.h"
#include "haven-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = haven_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "journal.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  haven_test_rmtree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Builds a database from SQL, the way an older Haven or another program would have. */
static void
make_database (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("fixture SQL failed: %s", message);
  sqlite3_close (db);
}

static char *
load_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;

  return n;
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* Opening must fail with @code and leave the file, and the folder, exactly as they were. */
static void
assert_refused_unchanged (Fixture *f,
                          int      code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenStore) store = NULL;
  g_autofree char *before = haven_test_file_digest (f->path);
  g_autofree char *after = NULL;
  guint files_before = count_files (f->dir);

  store = haven_store_open (f->path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, HAVEN_STORE_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("refused with: %s", error->message);

  after = haven_test_file_digest (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_files (f->dir), ==, files_before);
}

static void
test_new_file (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenStore) store = haven_store_open (f->path, HAVEN_STORE_OPEN_NONE, &error);

  g_assert_no_error (error);
  g_assert_cmpint (haven_store_get_schema_version (store), ==, HAVEN_SCHEMA_VERSION);
  /* Nothing to lose, so no copy. */
  g_assert_null (haven_store_get_migration_backup (store));
}

static void
test_empty_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenStore) store = NULL;

  g_assert_true (g_file_set_contents (f->path, "", 0, &error));
  g_assert_no_error (error);

  store = haven_store_open (f->path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (haven_store_get_schema_version (store), ==, HAVEN_SCHEMA_VERSION);
  g_assert_cmpuint (haven_store_count_entries (store), ==, 0);
  g_clear_object (&store);

  g_assert_cmpint (query_int (f->path, "PRAGMA user_version;"), ==, HAVEN_SCHEMA_VERSION);
  g_assert_cmpint (query_int (f->path, "PRAGMA application_id;"), ==, HAVEN_APPLICATION_ID);
}

static void
test_from_version_1 (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenStore) store = NULL;
  g_autoptr(HavenEntry) entry = NULL;
  g_autoptr(HavenCheckin) checkin = NULL;
  g_autoptr(HavenTag) tag = NULL;
  g_autoptr(HavenJournalFilter) filter = haven_journal_filter_new ();
  g_autoptr(HavenJournalModel) found = NULL;
  g_autofree char *sql = load_fixture ("journal-v1.sql");
  g_autofree char *digest_v1 = NULL;
  g_autofree char *digest_backup = NULL;
  g_autofree char *digest_now = NULL;
  const char *backup;

  make_database (f->path, sql);
  digest_v1 = haven_test_file_digest (f->path);

  store = haven_store_open (f->path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (haven_store_get_schema_version (store), ==, HAVEN_SCHEMA_VERSION);

  /* The copy made before the first step is the old journal, byte for byte readable. */
  backup = haven_store_get_migration_backup (store);
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_prefix (backup, f->dir));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (haven_test_file_mode (backup), ==, 0600);
  g_assert_cmpint (query_int (backup, "PRAGMA user_version;"), ==, 1);
  g_assert_cmpint (query_int (backup, "SELECT count(*) FROM entry;"), ==, 3);
  digest_backup = haven_test_file_digest (backup);
  g_assert_nonnull (digest_backup);

  /* Everything came along. */
  g_assert_cmpuint (haven_store_count_entries (store), ==, 2);
  g_assert_cmpuint (haven_store_count_checkins (store), ==, 1);
  g_assert_cmpuint (haven_store_count_trash (store), ==, 1);

  entry = haven_store_get_entry_by_uuid (store, "b2e1d8ef-2222-4b3c-9d4e-5f6071829304", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_variant_get_int64 (haven_entry_get_answer (entry, "intensity")), ==, 7);

  checkin = haven_store_get_checkin (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (haven_checkin_get_intensity_after (checkin), ==, 4);
  g_assert_cmpint (haven_checkin_get_entry_id (checkin), ==, 2);

  filter->text = g_strdup ("vertelde");
  found = haven_journal_model_new (store, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);

  /* Version 3: the per-day sums the charts read were worked out from the records already
   * there (the trashed entry left out); each record carries its local day. */
  g_assert_cmpint (query_int (f->path, "SELECT n FROM listed_count WHERE kind = 'entry';"), ==, 2);
  g_assert_cmpint (query_int (f->path, "SELECT n FROM listed_count WHERE kind = 'checkin';"), ==, 1);
  g_assert_cmpint (query_int (f->path, "SELECT sum (n) FROM day_mood;"), ==, 1);
  g_assert_cmpint (query_int (f->path, "SELECT sum (mood_total) FROM day_mood;"), ==, 2);
  g_assert_cmpint (query_int (f->path, "SELECT sum (n) FROM day_reaction"
                                       " WHERE reaction = 'withdraw';"), ==, 2);
  g_assert_cmpint (query_int (f->path, "SELECT count (*) FROM day_reaction;"), ==, 1);
  g_assert_cmpint (query_int (f->path, "SELECT sum (n) FROM day_pain_point;"), ==, 3);
  g_assert_cmpint (query_int (f->path, "SELECT sum (n) FROM day_help;"), ==, 2);
  g_assert_cmpint (query_int (f->path, "SELECT sum (drop_total) FROM day_help;"), ==, 8);
  {
    g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (1762090000);
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, g_date_time_get_day_of_month (at), g_date_time_get_month (at),
                    g_date_time_get_year (at));
    g_assert_cmpint (query_int (f->path, "SELECT day FROM checkin WHERE id = 1;"), ==,
                     (gint64) g_date_get_julian (&date) - 719163);
    g_assert_cmpint (query_int (f->path, "SELECT count (*) FROM entry WHERE day IS NULL;"), ==, 0);
  }

  /* And the new version's parts work. */
  tag = haven_store_add_tag (store, "werk", &error);
  g_assert_no_error (error);

  g_clear_object (&found);
  g_clear_object (&store);

  /* Opening again changes nothing more and makes no second copy. */
  store = haven_store_open (f->path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_null (haven_store_get_migration_backup (store));
  digest_now = haven_test_file_digest (f->path);
  g_assert_cmpstr (digest_v1, !=, digest_now);
}

/* Journals written before version 3 may hold U+001F unescaped in their JSON (json-glib 1.6
 * lets it through); SQLite's json functions refuse that, so the update escapes it, and such
 * an entry is counted, can be trashed and saved like any other. */
static void
test_unit_separator_repaired (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenStore) store = NULL;
  g_autoptr(HavenEntry) entry = NULL;
  g_autofree char *sql = load_fixture ("journal-v1.sql");

  make_database (f->path, sql);
  make_database (f->path,
                 "UPDATE entry SET answers = '{\"what-happened\":\"a' || char (31) || 'b\","
                 "\"reaction\":[\"pursue\"]}' WHERE id = 1;"
                 "UPDATE checkin SET emotions = '[\"hurt' || char (31) || '\"]' WHERE id = 1;");
  g_assert_cmpint (query_int (f->path, "SELECT json_valid (answers) FROM entry WHERE id = 1;"),
                   ==, 0);

  store = haven_store_open (f->path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->path, "SELECT min (json_valid (answers)) FROM entry;"), ==, 1);
  g_assert_cmpint (query_int (f->path, "SELECT json_valid (emotions) FROM checkin;"), ==, 1);
  g_assert_cmpint (query_int (f->path, "SELECT sum (n) FROM day_reaction"
                                       " WHERE reaction = 'pursue';"), ==, 1);

  /* The text is what it was. */
  entry = haven_store_get_entry (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_variant_get_string (haven_entry_get_answer (entry, "what-happened"), NULL),
                   ==, "a\x1f" "b");

  haven_entry_set_title (entry, "Saved again");
  g_assert_true (haven_store_save_entry (store, entry, &error));
  g_assert_no_error (error);
  g_assert_true (haven_store_trash_entry (store, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->path, "SELECT count (*) FROM day_reaction"
                                       " WHERE reaction = 'pursue';"), ==, 0);
}

static void
test_newer_version_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *sql = load_fixture ("journal-v1.sql");
  g_autofree char *newer = g_strconcat (sql, "PRAGMA user_version = 99;", NULL);

  make_database (f->path, newer);
  assert_refused_unchanged (f, HAVEN_STORE_ERROR_TOO_NEW);
}

static void
test_other_database_refused (Fixture       *f,
                             gconstpointer  data)
{
  make_database (f->path,
                 "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                 "INSERT INTO moz_places (url) VALUES ('https://example.org');");
  assert_refused_unchanged (f, HAVEN_STORE_ERROR_NOT_A_JOURNAL);
}

static void
test_random_bytes_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_test_rand_int_range (0, 256);

  g_assert_true (g_file_set_contents (f->path, (const char *)bytes, sizeof bytes, &error));
  g_assert_no_error (error);
  assert_refused_unchanged (f, HAVEN_STORE_ERROR_NOT_A_JOURNAL);
}

static void
test_text_file_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (f->path, "Dear diary,\n", -1, &error));
  g_assert_no_error (error);
  assert_refused_unchanged (f, HAVEN_STORE_ERROR_NOT_A_JOURNAL);
}

static gboolean
fill_journal (HavenStore  *store,
              gpointer     user_data,
              GError     **error)
{
  for (guint i = 0; i < 400; i++)
    {
      g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
      g_autofree char *body = g_strnfill (1500, 'a' + i % 26);

      haven_entry_set_body (entry, body);
      haven_entry_set_occurred_at (entry, 1700000000 + i * 600);
      if (!haven_store_save_entry (store, entry, error))
        return FALSE;
    }

  return TRUE;
}

static void
test_truncated_journal_refused (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenStore) store = haven_store_open (f->path, HAVEN_STORE_OPEN_NONE, &error);
  goffset size;

  g_assert_no_error (error);
  g_assert_true (haven_store_run_in_transaction (store, fill_journal, NULL, &error));
  g_assert_no_error (error);
  /* Closing folds the WAL back, so the file holds the whole journal. */
  g_clear_object (&store);

  {
    g_autoptr(GFile) file = g_file_new_for_path (f->path);
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                   G_FILE_QUERY_INFO_NONE, NULL, &error);
    g_assert_no_error (error);
    size = g_file_info_get_size (info);
  }
  g_assert_cmpint (size, >, 200 * 1024);
  g_assert_cmpint (truncate (f->path, size / 2), ==, 0);

  assert_refused_unchanged (f, HAVEN_STORE_ERROR_CORRUPT);
}

static void
verified_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  haven_store_verify_finish (HAVEN_STORE (source), result, error);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NONE, "verified");
}

static GError *
verify (HavenStore *store)
{
  GError *error = NULL;

  haven_store_verify_async (store, NULL, verified_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NONE))
    g_clear_error (&error);

  return error;
}

/* Damage deep inside: the header and the schema are fine, so opening without the check
 * succeeds; the check finds it, and from then on nothing is written. */
static void
damage_middle (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 40 * 4096);
  for (gsize i = length / 2; i < length / 2 + 3 * 4096; i++)
    contents[i] = (char)(i * 37);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
test_deferred_check (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenStore) store = haven_store_open (f->path, HAVEN_STORE_OPEN_NONE, &error);
  g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GError *verdict;

  g_assert_no_error (error);
  g_assert_true (haven_store_run_in_transaction (store, fill_journal, NULL, &error));
  g_clear_object (&store);

  /* A sound journal: the check passes in its thread, and saving works. */
  store = haven_store_open (f->path, HAVEN_STORE_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);
  verdict = verify (store);
  g_assert_no_error (verdict);
  haven_entry_set_body (entry, "after a passed check");
  g_assert_true (haven_store_save_entry (store, entry, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* A damaged one opens, the check fails, saving is refused and the file is untouched. */
  damage_middle (f->path);
  before = haven_test_file_digest (f->path);
  store = haven_store_open (f->path, HAVEN_STORE_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);
  verdict = verify (store);
  g_assert_error (verdict, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_CORRUPT);
  g_clear_error (&verdict);
  g_clear_object (&entry);
  entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
  g_assert_false (haven_store_save_entry (store, entry, &error));
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_true (haven_store_is_read_only (store));
  g_clear_object (&store);
  after = haven_test_file_digest (f->path);
  g_assert_cmpstr (before, ==, after);

  /* A save before anyone started the check runs it first, and is refused the same way. */
  store = haven_store_open (f->path, HAVEN_STORE_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);
  g_assert_false (haven_store_save_entry (store, entry, &error));
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_CORRUPT);
  g_clear_object (&store);
  g_free (after);
  after = haven_test_file_digest (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_directory_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenStore) store = NULL;

  g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
  store = haven_store_open (f->path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_NOT_A_JOURNAL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/migrations/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("new-file", test_new_file);
  ADD ("empty-file", test_empty_file);
  ADD ("from-version-1", test_from_version_1);
  ADD ("unit-separator-repaired", test_unit_separator_repaired);
  ADD ("newer-version-refused", test_newer_version_refused);
  ADD ("other-database-refused", test_other_database_refused);
  ADD ("random-bytes-refused", test_random_bytes_refused);
  ADD ("text-file-refused", test_text_file_refused);
  ADD ("truncated-journal-refused", test_truncated_journal_refused);
  ADD ("directory-refused", test_directory_refused);
  ADD ("deferred-check", test_deferred_check);

#undef ADD

  return g_test_run ();
}
