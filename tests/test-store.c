/* test-store.c: the journal store on real SQLite files
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "haven-journal-model.h"
#include "haven-store-private.h"
#include "haven-test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  HavenStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = haven_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "journal.db", NULL);
  f->store = haven_store_open (f->path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  haven_test_rmtree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static HavenEntry *
save_free_entry (HavenStore *store,
                 const char *title,
                 const char *body,
                 HavenTime   at)
{
  g_autoptr(GError) error = NULL;
  HavenEntry *entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);

  haven_entry_set_title (entry, title);
  haven_entry_set_body (entry, body);
  if (at != 0)
    haven_entry_set_occurred_at (entry, at);
  haven_store_save_entry (store, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (haven_entry_get_id (entry), >, 0);

  return entry;
}

static guint
count_matches (HavenStore *store,
               const char *text)
{
  g_autoptr(HavenJournalFilter) filter = haven_journal_filter_new ();
  g_autoptr(HavenJournalModel) model = NULL;

  filter->text = g_strdup (text);
  model = haven_journal_model_new (store, filter);

  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

/* Files and modes ------------------------------------------------------------------------ */

static void
test_default_location_is_private (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenStore) store = NULL;
  g_autofree char *path = haven_store_dup_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(HavenEntry) entry = NULL;
  mode_t old_umask;

  /* A permissive umask, as on many desktops: Haven must not depend on it. */
  old_umask = umask (022);

  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  store = haven_store_open (NULL, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (haven_store_get_path (store), ==, path);

  entry = save_free_entry (store, "Private", "Only for me.", 0);

  g_assert_cmpuint (haven_test_file_mode (dir), ==, 0700);
  g_assert_cmpuint (haven_test_file_mode (path), ==, 0600);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (haven_test_file_mode (wal), ==, 0600);
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (haven_test_file_mode (shm), ==, 0600);

  umask (old_umask);
}

static void
test_loose_modes_are_tightened (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  haven_store_close (f->store);
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
  g_clear_object (&f->store);

  f->store = haven_store_open (f->path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (haven_test_file_mode (f->path), ==, 0600);
}

static void
test_pragmas (Fixture       *f,
              gconstpointer  data)
{
  sqlite3 *db = _haven_store_get_db (f->store);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (haven_store_get_schema_version (f->store), ==, HAVEN_SCHEMA_VERSION);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT * FROM pragma_journal_mode, "
                                           "pragma_synchronous, pragma_foreign_keys, "
                                           "pragma_user_version, pragma_application_id;",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "wal");
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 2); /* FULL */
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, HAVEN_SCHEMA_VERSION);
  g_assert_cmpint (sqlite3_column_int (stmt, 4), ==, HAVEN_APPLICATION_ID);
}

/* The journal file's size and time of change: only a checkpoint writes to it. */
static char *
dup_file_stamp (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT ".%09ld", (gint64)st.st_size,
                          (gint64)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
}

static guint
save_until_checkpoint_due (HavenStore *store,
                           const char *path)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n = 0;

  while (body->len < 32 * 1024)
    g_string_append (body, "A long evening, written out in full, word for word. ");

  before = dup_file_stamp (path);
  while (_haven_store_get_wal_pages (store) < 1000)
    {
      g_autoptr(HavenEntry) entry = save_free_entry (store, "Long", body->str, 0);

      g_assert_cmpuint (++n, <, 1000);
    }

  /* The save that took the WAL past SQLite's mark did not copy it back itself: a thread
   * does that once the journal is quiet for a moment. */
  after = dup_file_stamp (path);
  g_assert_cmpstr (before, ==, after);

  return n;
}

static void
test_checkpoint_in_background (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenStore) reader = NULL;
  g_autoptr(HavenEntry) entry = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *before = dup_file_stamp (f->path);
  g_autofree char *after = NULL;
  guint n = save_until_checkpoint_due (f->store, f->path);

  _haven_store_wait_for_checkpoint (f->store);
  after = dup_file_stamp (f->path);
  g_assert_cmpstr (before, !=, after);

  /* Copied back, the WAL starts over with the next save. */
  entry = save_free_entry (f->store, "Short", "After the checkpoint.", 0);
  g_assert_cmpint (_haven_store_get_wal_pages (f->store), <, 100);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, n + 1);

  /* Another connection sees all of it. */
  reader = haven_store_open (f->path, HAVEN_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (haven_store_count_entries (reader), ==, n + 1);
  g_clear_object (&reader);

  /* Closing right after more saves does not wait for the quiet: it checkpoints all of it
   * and leaves no WAL behind. */
  n += 1 + save_until_checkpoint_due (f->store, f->path);
  haven_store_close (f->store);
  {
    GStatBuf st;

    g_assert_true (g_stat (wal, &st) != 0 || st.st_size == 0);
  }

  reader = haven_store_open (f->path, HAVEN_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (haven_store_count_entries (reader), ==, n);
}

static void
test_strict_tables (Fixture       *f,
                    gconstpointer  data)
{
  sqlite3 *db = _haven_store_get_db (f->store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = 0;

  /* Every ordinary table is STRICT: a wrongly typed value is an error, not a surprise. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, strict FROM pragma_table_list "
                                           "WHERE schema = 'main' AND type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' "
                                           "AND name NOT LIKE '%fts%';",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_test_message ("table %s", sqlite3_column_text (stmt, 0));
      g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
      n++;
    }
  g_assert_cmpuint (n, >=, 6);
}

/* Entries -------------------------------------------------------------------------------- */

static void
test_entry_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_CONFLICT);
  g_autoptr(HavenEntry) loaded = NULL;
  g_autoptr(HavenPainPoint) ignored = NULL;
  g_autoptr(HavenPainPoint) criticised = NULL;
  const char *choices[] = { "withdraw", NULL };
  const gint64 *ids;
  guint n_ids;
  gint64 pain_points[2];

  ignored = haven_store_add_pain_point (f->store, "feeling ignored", &error);
  g_assert_no_error (error);
  criticised = haven_store_add_pain_point (f->store, "being criticised", &error);
  g_assert_no_error (error);
  pain_points[0] = haven_pain_point_get_id (criticised);
  pain_points[1] = haven_pain_point_get_id (ignored);

  haven_entry_set_flow_id (entry, "after-conflict");
  haven_entry_set_flow_step (entry, "summary");
  haven_entry_set_occurred_at (entry, 1763900000);
  haven_entry_set_title (entry, "Sunday evening");
  haven_entry_set_answer (entry, "what-happened", g_variant_new_string ("They looked at their phone."));
  haven_entry_set_answer (entry, "intensity", g_variant_new_int64 (7));
  haven_entry_set_answer (entry, "reaction", g_variant_new_strv (choices, -1));
  haven_entry_set_pain_point_ids (entry, pain_points, 2);

  g_assert_cmpint (haven_entry_get_id (entry), ==, 0);
  g_assert_true (haven_store_save_entry (f->store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (haven_entry_get_id (entry), >, 0);
  g_assert_true (g_uuid_string_is_valid (haven_entry_get_uuid (entry)));
  g_assert_cmpint (haven_entry_get_created_at (entry), >, 0);

  loaded = haven_store_get_entry (f->store, haven_entry_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (haven_entry_get_uuid (loaded), ==, haven_entry_get_uuid (entry));
  g_assert_cmpint (haven_entry_get_kind (loaded), ==, HAVEN_ENTRY_KIND_CONFLICT);
  g_assert_cmpstr (haven_entry_get_flow_id (loaded), ==, "after-conflict");
  g_assert_cmpstr (haven_entry_get_flow_step (loaded), ==, "summary");
  g_assert_cmpint (haven_entry_get_occurred_at (loaded), ==, 1763900000);
  g_assert_cmpstr (haven_entry_get_title (loaded), ==, "Sunday evening");
  g_assert_cmpstr (g_variant_get_string (haven_entry_get_answer (loaded, "what-happened"), NULL),
                   ==, "They looked at their phone.");
  g_assert_cmpint (g_variant_get_int64 (haven_entry_get_answer (loaded, "intensity")), ==, 7);
  g_assert_true (g_variant_equal (haven_entry_get_answer (loaded, "reaction"),
                                  haven_entry_get_answer (entry, "reaction")));
  ids = haven_entry_get_pain_point_ids (loaded, &n_ids);
  g_assert_cmpuint (n_ids, ==, 2);
  g_assert_cmpint (ids[0], ==, MIN (pain_points[0], pain_points[1]));
  g_assert_cmpint (ids[1], ==, MAX (pain_points[0], pain_points[1]));

  /* An update keeps identity and changes content. */
  haven_entry_set_body (loaded, "Later I saw it differently.");
  haven_entry_set_answer (loaded, "intensity", NULL);
  haven_entry_set_pain_point_ids (loaded, pain_points, 1);
  g_assert_true (haven_store_save_entry (f->store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (haven_entry_get_id (loaded), ==, haven_entry_get_id (entry));

  g_clear_object (&loaded);
  loaded = haven_store_get_entry (f->store, haven_entry_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (haven_entry_get_body (loaded), ==, "Later I saw it differently.");
  g_assert_null (haven_entry_get_answer (loaded, "intensity"));
  haven_entry_get_pain_point_ids (loaded, &n_ids);
  g_assert_cmpuint (n_ids, ==, 1);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 1);
}

static void
test_entry_text_edge_cases (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GString) long_body = g_string_new (NULL);
  static const char *texts[] = {
    "It's not what you said, it's how you said it — can't we just talk?",
    "She said \"fine\" and \"whatever\", and then: \"I'm done\".",
    "Ik voelde me 😞 en daarna 😡, later 🙂",
    "'); DROP TABLE entry; -- and SELECT * FROM checkin WHERE 1=1",
    "Back\\slash and 100% sure_under_scores",
  };

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (long_body, "Paragraph %04u: a long day, a longer night, a letter. ", i);
  g_string_append (long_body, "zebrafinch");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(HavenEntry) entry = save_free_entry (f->store, texts[i], texts[i], 0);
      g_autoptr(HavenEntry) loaded = haven_store_get_entry (f->store, haven_entry_get_id (entry),
                                                            NULL);

      g_assert_cmpstr (haven_entry_get_title (loaded), ==, texts[i]);
      g_assert_cmpstr (haven_entry_get_body (loaded), ==, texts[i]);
    }

  {
    g_autoptr(HavenEntry) entry = save_free_entry (f->store, "", long_body->str, 0);
    g_autoptr(HavenEntry) loaded = haven_store_get_entry (f->store, haven_entry_get_id (entry),
                                                          NULL);

    g_assert_cmpuint (strlen (haven_entry_get_body (loaded)), >=, 100 * 1024);
    g_assert_cmpstr (haven_entry_get_body (loaded), ==, long_body->str);
  }

  /* The tables are all still there after the SQL-looking text. */
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, G_N_ELEMENTS (texts) + 1);

  g_assert_cmpuint (count_matches (f->store, "it's"), ==, 1);
  g_assert_cmpuint (count_matches (f->store, "\"I'm done\""), ==, 1);
  g_assert_cmpuint (count_matches (f->store, "whatever"), ==, 1);
  g_assert_cmpuint (count_matches (f->store, "DROP TABLE"), ==, 1);
  g_assert_cmpuint (count_matches (f->store, "\"100% sure\""), ==, 1);
  g_assert_cmpuint (count_matches (f->store, "voelde"), ==, 1);
  g_assert_cmpuint (count_matches (f->store, "zebrafinch"), ==, 1);
  g_assert_cmpuint (count_matches (f->store, "paragraph 0042"), ==, 1);
  /* Prefixes match, as someone types. */
  g_assert_cmpuint (count_matches (f->store, "zebra"), ==, 1);
  /* Text that means something to FTS5 is just text here. */
  g_assert_cmpuint (count_matches (f->store, "NEAR( \"unbalanced"), ==, 0);
  g_assert_cmpuint (count_matches (f->store, "title:DROP"), ==, 0);
  /* OR is a word to look for here, not an operator; no text holds it. */
  g_assert_cmpuint (count_matches (f->store, "* OR -"), ==, 0);
}

static void
test_fts_query_from_text (void)
{
  struct { const char *text; const char *query; } cases[] = {
    { "", NULL },
    { "   ", NULL },
    { NULL, NULL },
    { "ruzie", "\"ruzie\"*" },
    { "  alone  again ", "\"alone\"* \"again\"*" },
    { "\"not chosen\" again", "\"not chosen\" \"again\"*" },
    { "say \"hi", "\"say\"* \"hi\"" },
    { "a\"b", "\"a\"* \"b\"" },
    { "OR AND NOT", "\"OR\"* \"AND\"* \"NOT\"*" },
    { "- * ^", NULL },
    { "col:umn", "\"col:umn\"*" },
    { "café", "\"café\"*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = haven_fts_query_from_text (cases[i].text);

      g_assert_cmpstr (query, ==, cases[i].query);
    }

  /* Invalid UTF-8 is never passed on. */
  g_assert_null (haven_fts_query_from_text ("\xff\xfe"));
}

static void
test_fts_follows_updates (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenEntry) entry = save_free_entry (f->store, "Kitchen", "The kettle whistled.", 0);
  sqlite3 *db = _haven_store_get_db (f->store);

  g_assert_cmpuint (count_matches (f->store, "kettle"), ==, 1);

  haven_entry_set_body (entry, "The radio was too loud.");
  haven_entry_set_answer (entry, "softer-feeling-words", g_variant_new_string ("lonely underneath"));
  g_assert_true (haven_store_save_entry (f->store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_matches (f->store, "kettle"), ==, 0);
  g_assert_cmpuint (count_matches (f->store, "radio"), ==, 1);
  g_assert_cmpuint (count_matches (f->store, "underneath"), ==, 1);

  g_assert_true (haven_store_trash_entry (f->store, haven_entry_get_id (entry), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_matches (f->store, "radio"), ==, 0);

  g_assert_true (haven_store_restore_entry (f->store, haven_entry_get_id (entry), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_matches (f->store, "radio"), ==, 1);

  g_assert_true (haven_store_purge_entry (f->store, haven_entry_get_id (entry), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_matches (f->store, "radio"), ==, 0);

  /* FTS5's own check: the index holds exactly what the content tables hold. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO entry_fts (entry_fts) VALUES ('integrity-check');"
                                     "INSERT INTO checkin_fts (checkin_fts) VALUES ('integrity-check');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_failed_save_changes_nothing (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
  g_autoptr(HavenEntry) kept = save_free_entry (f->store, "Kept", "Kept body", 0);
  gint64 missing_point = 4242;

  /* Invalid UTF-8 is refused with a clear error. */
  haven_entry_set_body (entry, "broken \xc3\x28 text");
  g_assert_false (haven_store_save_entry (f->store, entry, &error));
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_INVALID);
  g_assert_cmpint (haven_entry_get_id (entry), ==, 0);
  g_assert_null (haven_entry_get_uuid (entry));
  g_clear_error (&error);

  /* A link to a raw spot that does not exist rolls back the whole save. */
  haven_entry_set_body (entry, "fine text");
  haven_entry_set_pain_point_ids (entry, &missing_point, 1);
  g_assert_false (haven_store_save_entry (f->store, entry, &error));
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_INVALID);
  g_assert_cmpint (haven_entry_get_id (entry), ==, 0);
  g_clear_error (&error);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 1);
  g_assert_cmpuint (count_matches (f->store, "fine"), ==, 0);

  /* The same for an update: the stored entry keeps its old text. */
  haven_entry_set_body (kept, "New body");
  haven_entry_set_pain_point_ids (kept, &missing_point, 1);
  g_assert_false (haven_store_save_entry (f->store, kept, &error));
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(HavenEntry) loaded = haven_store_get_entry (f->store, haven_entry_get_id (kept),
                                                          &error);
    g_assert_no_error (error);
    g_assert_cmpstr (haven_entry_get_body (loaded), ==, "Kept body");
  }

  /* Asking for something that is not there is NOT_FOUND, not a crash. */
  g_assert_null (haven_store_get_entry (f->store, 999999, &error));
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (haven_store_trash_entry (f->store, 999999, &error));
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_NOT_FOUND);
}

static void
test_disk_full_keeps_entry (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
  g_autoptr(GString) body = g_string_new (NULL);
  sqlite3 *db = _haven_store_get_db (f->store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 pages;

  for (guint i = 0; i < 2000; i++)
    g_string_append (body, "Nothing typed is ever lost. ");
  haven_entry_set_body (entry, body->str);

  /* Pretend the disk is full: the journal may not grow by a single page. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_count;", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pages = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT ";", pages);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }

  g_assert_false (haven_store_save_entry (f->store, entry, &error));
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_FULL);
  g_assert_cmpint (haven_entry_get_id (entry), ==, 0);
  g_assert_cmpstr (haven_entry_get_body (entry), ==, body->str);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 0);
  g_clear_error (&error);

  /* Room again: the very same object saves. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1073741823;", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_true (haven_store_save_entry (f->store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 1);
}

static void
test_is_empty (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenEntry) draft = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
  g_autoptr(HavenCheckin) checkin = haven_checkin_new (3);

  g_assert_true (haven_store_is_empty (f->store));
  g_assert_cmpuint (haven_store_count_checkins_up_to (f->store, 3), ==, 0);

  /* A draft is not shown in the journal yet. */
  haven_entry_set_is_draft (draft, TRUE);
  g_assert_true (haven_store_save_entry (f->store, draft, &error));
  g_assert_true (haven_store_is_empty (f->store));

  for (int i = 0; i < 5; i++)
    {
      g_autoptr(HavenCheckin) more = haven_checkin_new (2);

      g_assert_true (haven_store_save_checkin (f->store, more, &error));
      g_assert_no_error (error);
    }
  g_assert_false (haven_store_is_empty (f->store));
  g_assert_cmpuint (haven_store_count_checkins_up_to (f->store, 3), ==, 3);
  g_assert_cmpuint (haven_store_count_checkins_up_to (f->store, 10), ==, 5);

  /* Trashed rows do not count. */
  g_assert_true (haven_store_save_checkin (f->store, checkin, &error));
  g_assert_true (haven_store_trash_checkin (f->store, haven_checkin_get_id (checkin), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (haven_store_count_checkins_up_to (f->store, 10), ==, 5);
}

static void
test_busy_journal (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
  sqlite3 *other = NULL;

  /* Another program holds the write lock. */
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE;", NULL, NULL, NULL), ==, SQLITE_OK);

  haven_entry_set_body (entry, "Typed while another program had the journal locked.");
  g_assert_false (haven_store_save_entry (f->store, entry, &error));
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_BUSY);
  g_assert_cmpint (haven_entry_get_id (entry), ==, 0);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  g_assert_true (haven_store_save_entry (f->store, entry, &error));
  g_assert_no_error (error);
}

static void
test_read_only_open (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenEntry) entry = save_free_entry (f->store, "Before", "Written before.", 0);
  g_autoptr(HavenStore) reader = NULL;
  g_autoptr(HavenEntry) loaded = NULL;
  g_autoptr(HavenEntry) other = haven_entry_new (HAVEN_ENTRY_KIND_FREE);

  g_clear_object (&f->store);

  reader = haven_store_open (f->path, HAVEN_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (haven_store_is_read_only (reader));

  loaded = haven_store_get_entry (reader, haven_entry_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (haven_entry_get_body (loaded), ==, "Written before.");

  g_assert_false (haven_store_save_entry (reader, other, &error));
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_clear_object (&reader);
  f->store = haven_store_open (f->path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
}

static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (haven_test_is_root ())
    {
      g_test_skip ("root writes to read-only files; the READ_ONLY open flag is tested instead");
      return;
    }

  g_clear_object (&f->store);
  g_assert_cmpint (g_chmod (f->path, 0400), ==, 0);
  before = haven_test_file_digest (f->path);

  store = haven_store_open (f->path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_null (store);
  g_assert_true (g_error_matches (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_READ_ONLY) ||
                 g_error_matches (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_PERMISSION));
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  after = haven_test_file_digest (f->path);
  g_assert_cmpstr (before, ==, after);

  g_assert_cmpint (g_chmod (f->path, 0600), ==, 0);
  f->store = haven_store_open (f->path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
}

/* Trash and drafts ----------------------------------------------------------------------- */

static void
test_trash_restore_purge (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenEntry) a = save_free_entry (f->store, "A", "first", 0);
  g_autoptr(HavenEntry) b = save_free_entry (f->store, "B", "second", 0);
  g_autoptr(HavenEntry) loaded = NULL;
  g_autoptr(HavenCheckin) checkin = haven_checkin_new (2);

  g_assert_true (haven_store_save_checkin (f->store, checkin, &error));
  g_assert_no_error (error);

  g_assert_true (haven_store_trash_entry (f->store, haven_entry_get_id (a), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 1);
  g_assert_cmpuint (haven_store_count_trash (f->store), ==, 1);

  /* Trashing twice is a clear error, not a silent no-op. */
  g_assert_false (haven_store_trash_entry (f->store, haven_entry_get_id (a), &error));
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  loaded = haven_store_get_entry (f->store, haven_entry_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpint (haven_entry_get_deleted_at (loaded), >, 0);

  g_assert_true (haven_store_restore_entry (f->store, haven_entry_get_id (a), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 2);
  g_assert_cmpuint (haven_store_count_trash (f->store), ==, 0);

  g_assert_true (haven_store_trash_entry (f->store, haven_entry_get_id (a), &error));
  g_assert_true (haven_store_trash_checkin (f->store, haven_checkin_get_id (checkin), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (haven_store_count_trash (f->store), ==, 2);
  g_assert_cmpuint (haven_store_count_checkins (f->store), ==, 0);

  g_assert_true (haven_store_empty_trash (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (haven_store_count_trash (f->store), ==, 0);
  g_assert_null (haven_store_get_entry (f->store, haven_entry_get_id (a), &error));
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 1);
}

static void
test_drafts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenEntry) draft = haven_entry_new (HAVEN_ENTRY_KIND_CONFLICT);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(HavenJournalModel) model = haven_journal_model_new (f->store, NULL);

  haven_entry_set_is_draft (draft, TRUE);
  haven_entry_set_flow_id (draft, "after-conflict");
  haven_entry_set_flow_step (draft, "body");
  haven_entry_set_answer (draft, "what-happened", g_variant_new_string ("Half a sentence"));
  g_assert_true (haven_store_save_entry (f->store, draft, &error));
  g_assert_no_error (error);

  /* A draft is not in the journal yet … */
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  /* … but it is offered back. */
  drafts = haven_store_list_drafts (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (haven_entry_get_flow_step (g_ptr_array_index (drafts, 0)), ==, "body");

  haven_entry_set_is_draft (draft, FALSE);
  g_assert_true (haven_store_save_entry (f->store, draft, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = haven_store_list_drafts (f->store, &error);
  g_assert_cmpuint (drafts->len, ==, 0);
}

/* Check-ins ------------------------------------------------------------------------------ */

static void
test_checkin_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenEntry) entry = save_free_entry (f->store, "Linked", "An entry", 0);
  g_autoptr(HavenCheckin) checkin = haven_checkin_new (2);
  g_autoptr(HavenCheckin) loaded = NULL;
  g_autoptr(HavenCheckin) bare = haven_checkin_new (4);
  g_autoptr(HavenPainPoint) point = haven_store_add_pain_point (f->store, "not being chosen", NULL);
  const char *emotions[] = { "lonely", "hurt", "lonely", NULL };
  const char *regulation[] = { "slow-breathing", "break", NULL };
  const char *signals[] = { "tight-chest", NULL };
  gint64 point_id = haven_pain_point_get_id (point);

  haven_checkin_set_at (checkin, 1763900000);
  haven_checkin_set_emotions (checkin, emotions);
  haven_checkin_set_regulation (checkin, regulation);
  haven_checkin_set_body_signals (checkin, signals);
  haven_checkin_set_intensity_before (checkin, 8);
  haven_checkin_set_intensity_after (checkin, 3);
  haven_checkin_set_reaction (checkin, HAVEN_REACTION_WITHDRAW);
  haven_checkin_set_note (checkin, "Walked around the block.");
  haven_checkin_set_entry_id (checkin, haven_entry_get_id (entry));
  haven_checkin_set_pain_point_ids (checkin, &point_id, 1);

  g_assert_true (haven_store_save_checkin (f->store, checkin, &error));
  g_assert_no_error (error);

  loaded = haven_store_get_checkin (f->store, haven_checkin_get_id (checkin), &error);
  g_assert_no_error (error);
  g_assert_cmpint (haven_checkin_get_mood (loaded), ==, 2);
  g_assert_cmpint (haven_checkin_get_at (loaded), ==, 1763900000);
  /* Sets come back sorted and without repeats. */
  g_assert_cmpstrv (haven_checkin_get_emotions (loaded), ((const char *[]) { "hurt", "lonely", NULL }));
  g_assert_cmpstrv (haven_checkin_get_regulation (loaded),
                    ((const char *[]) { "break", "slow-breathing", NULL }));
  g_assert_cmpstrv (haven_checkin_get_body_signals (loaded), signals);
  g_assert_cmpint (haven_checkin_get_intensity_before (loaded), ==, 8);
  g_assert_cmpint (haven_checkin_get_intensity_after (loaded), ==, 3);
  g_assert_cmpint (haven_checkin_get_reaction (loaded), ==, HAVEN_REACTION_WITHDRAW);
  g_assert_cmpstr (haven_checkin_get_note (loaded), ==, "Walked around the block.");
  g_assert_cmpint (haven_checkin_get_entry_id (loaded), ==, haven_entry_get_id (entry));

  /* Everything but the mood may be left out. */
  g_assert_true (haven_store_save_checkin (f->store, bare, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = haven_store_get_checkin (f->store, haven_checkin_get_id (bare), &error);
  g_assert_no_error (error);
  g_assert_cmpint (haven_checkin_get_intensity_before (loaded), ==, HAVEN_INTENSITY_UNSET);
  g_assert_cmpint (haven_checkin_get_reaction (loaded), ==, HAVEN_REACTION_NONE);
  g_assert_cmpstrv (haven_checkin_get_emotions (loaded), ((const char *[]) { NULL }));

  /* Notes are searchable. */
  g_assert_cmpuint (count_matches (f->store, "block"), ==, 1);

  /* When the entry goes for good, the check-in stays, unlinked. */
  g_assert_true (haven_store_trash_entry (f->store, haven_entry_get_id (entry), &error));
  g_assert_true (haven_store_empty_trash (f->store, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = haven_store_get_checkin (f->store, haven_checkin_get_id (checkin), &error);
  g_assert_no_error (error);
  g_assert_cmpint (haven_checkin_get_entry_id (loaded), ==, 0);
}

static void
test_checkin_bad_link (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenCheckin) checkin = haven_checkin_new (3);

  haven_checkin_set_entry_id (checkin, 31337);
  g_assert_false (haven_store_save_checkin (f->store, checkin, &error));
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_INVALID);
  g_assert_cmpint (haven_checkin_get_id (checkin), ==, 0);
  g_assert_cmpuint (haven_store_count_checkins (f->store), ==, 0);
}

/* Pain points ----------------------------------------------------------------------------- */

static void
test_pain_points (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenPainPoint) a = haven_store_add_pain_point (f->store, "  Feeling ignored ", &error);
  g_autoptr(HavenPainPoint) b = NULL;
  g_autoptr(HavenPainPoint) c = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(HavenCheckin) checkin = haven_checkin_new (2);
  gint64 c_id;

  g_assert_no_error (error);
  g_assert_cmpstr (haven_pain_point_get_name (a), ==, "Feeling ignored");

  /* The same words, another case: the same raw spot. */
  b = haven_store_add_pain_point (f->store, "feeling IGNORED", &error);
  g_assert_no_error (error);
  g_assert_cmpint (haven_pain_point_get_id (a), ==, haven_pain_point_get_id (b));

  g_assert_null (haven_store_add_pain_point (f->store, "   ", &error));
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (haven_store_add_pain_point (f->store, "bad \xff", &error));
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_INVALID);
  g_clear_error (&error);

  c = haven_store_add_pain_point (f->store, "being criticised", &error);
  g_assert_no_error (error);
  c_id = haven_pain_point_get_id (c);
  haven_checkin_set_pain_point_ids (checkin, &c_id, 1);
  g_assert_true (haven_store_save_checkin (f->store, checkin, &error));
  g_assert_no_error (error);

  /* The most used comes first. */
  list = haven_store_list_pain_points (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(HavenPainPoint) first = g_list_model_get_item (list, 0);
    g_assert_cmpstr (haven_pain_point_get_name (first), ==, "being criticised");
    g_assert_cmpuint (haven_pain_point_get_use_count (first), ==, 1);
  }

  g_assert_false (haven_store_rename_pain_point (f->store, c_id, "FEELING ignored", &error));
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (haven_store_rename_pain_point (f->store, c_id, "being judged", &error));
  g_assert_no_error (error);
}

static void
test_tags (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenTag) walk = haven_store_add_tag (f->store, "walk", &error);
  g_autoptr(HavenTag) again = NULL;
  g_autoptr(HavenCheckin) checkin = haven_checkin_new (4);
  g_autoptr(HavenCheckin) loaded = NULL;
  g_autoptr(GListModel) tags = NULL;
  const gint64 *ids;
  guint n_ids;
  gint64 walk_id;

  g_assert_no_error (error);
  again = haven_store_add_tag (f->store, "Walk", &error);
  g_assert_no_error (error);
  g_assert_cmpint (haven_tag_get_id (walk), ==, haven_tag_get_id (again));
  g_assert_cmpstr (haven_tag_get_name (again), ==, "walk");

  walk_id = haven_tag_get_id (walk);
  haven_checkin_set_tag_ids (checkin, &walk_id, 1);
  g_assert_true (haven_store_save_checkin (f->store, checkin, &error));
  g_assert_no_error (error);
  loaded = haven_store_get_checkin (f->store, haven_checkin_get_id (checkin), &error);
  g_assert_no_error (error);
  ids = haven_checkin_get_tag_ids (loaded, &n_ids);
  g_assert_cmpuint (n_ids, ==, 1);
  g_assert_cmpint (ids[0], ==, walk_id);

  tags = haven_store_list_tags (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, 1);
}

/* Signals ---------------------------------------------------------------------------------- */

typedef struct
{
  guint added;
  guint changed;
  guint removed;
  gint64 last_id;
} SignalCounts;

static void
count_added_cb (HavenStore   *store,
                gint64        id,
                SignalCounts *counts)
{
  counts->added++;
  counts->last_id = id;
}

static void
count_changed_cb (HavenStore   *store,
                  gint64        id,
                  SignalCounts *counts)
{
  counts->changed++;
  counts->last_id = id;
}

static void
count_removed_cb (HavenStore   *store,
                  gint64        id,
                  SignalCounts *counts)
{
  counts->removed++;
  counts->last_id = id;
}

static void
test_signals (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenEntry) entry = NULL;
  g_autoptr(HavenEntry) broken = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
  SignalCounts counts = { 0 };

  g_signal_connect (f->store, "entry-added", G_CALLBACK (count_added_cb), &counts);
  g_signal_connect (f->store, "entry-changed", G_CALLBACK (count_changed_cb), &counts);
  g_signal_connect (f->store, "entry-removed", G_CALLBACK (count_removed_cb), &counts);

  entry = save_free_entry (f->store, "Signal", "text", 0);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpint (counts.last_id, ==, haven_entry_get_id (entry));

  haven_entry_set_body (entry, "more text");
  g_assert_true (haven_store_save_entry (f->store, entry, &error));
  g_assert_cmpuint (counts.changed, ==, 1);

  g_assert_true (haven_store_trash_entry (f->store, haven_entry_get_id (entry), &error));
  g_assert_cmpuint (counts.removed, ==, 1);
  g_assert_true (haven_store_restore_entry (f->store, haven_entry_get_id (entry), &error));
  g_assert_cmpuint (counts.added, ==, 2);
  g_assert_no_error (error);

  /* A save that fails says nothing. */
  haven_entry_set_body (broken, "\xff");
  g_assert_false (haven_store_save_entry (f->store, broken, &error));
  g_clear_error (&error);
  g_assert_cmpuint (counts.added, ==, 2);
  g_assert_cmpuint (counts.changed, ==, 1);

  g_signal_handlers_disconnect_by_data (f->store, &counts);
}

static gboolean
save_two_then_fail (HavenStore  *store,
                    gpointer     user_data,
                    GError     **error)
{
  g_autoptr(HavenEntry) a = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
  g_autoptr(HavenEntry) b = haven_entry_new (HAVEN_ENTRY_KIND_FREE);

  haven_entry_set_body (a, "one");
  haven_entry_set_body (b, "two");
  if (!haven_store_save_entry (store, a, error) || !haven_store_save_entry (store, b, error))
    return FALSE;

  g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_INVALID, "stop here");
  return FALSE;
}

static void
test_transaction_all_or_nothing (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SignalCounts counts = { 0 };

  g_signal_connect (f->store, "entry-added", G_CALLBACK (count_added_cb), &counts);

  g_assert_false (haven_store_run_in_transaction (f->store, save_two_then_fail, NULL, &error));
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_INVALID);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 0);
  g_assert_cmpuint (counts.added, ==, 0);

  g_signal_handlers_disconnect_by_data (f->store, &counts);
}

/* The journal list model ------------------------------------------------------------------ */

typedef struct
{
  guint n;
  HavenTime base;
} Bulk;

static gboolean
insert_bulk (HavenStore  *store,
             gpointer     user_data,
             GError     **error)
{
  Bulk *bulk = user_data;

  for (guint i = 0; i < bulk->n; i++)
    {
      g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
      g_autofree char *title = g_strdup_printf ("Entry %u", i);

      haven_entry_set_title (entry, title);
      haven_entry_set_occurred_at (entry, bulk->base + i * 3600);
      if (!haven_store_save_entry (store, entry, error))
        return FALSE;

      if (i % 2 == 0)
        {
          g_autoptr(HavenCheckin) checkin = haven_checkin_new (1 + i % 5);

          /* Some check-ins share the second of an entry: the order must still be total. */
          haven_checkin_set_at (checkin, bulk->base + i * 3600 + (i % 4 == 0 ? 0 : 60));
          if (!haven_store_save_checkin (store, checkin, error))
            return FALSE;
        }
    }

  return TRUE;
}

static void
test_model_pages_lazily (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenJournalModel) model = NULL;
  Bulk bulk = { 1000, 1700000000 };
  HavenTime previous_at = G_MAXINT64;
  HavenRecordType previous_type = HAVEN_RECORD_CHECKIN;
  gint64 previous_id = G_MAXINT64;
  guint n;

  g_assert_true (haven_store_run_in_transaction (f->store, insert_bulk, &bulk, &error));
  g_assert_no_error (error);

  model = haven_journal_model_new (f->store, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, 1500);
  /* Counting reads no rows. */
  g_assert_cmpuint (haven_journal_model_get_n_fetched (model), ==, 0);

  {
    g_autoptr(HavenJournalItem) first = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_cmpstr (haven_journal_item_get_title (first), ==, "Entry 999");
  }
  g_assert_cmpuint (haven_journal_model_get_n_fetched (model), <=, 50);

  /* A jump to the end reads one page, not everything before it. */
  {
    g_autoptr(HavenJournalItem) last = g_list_model_get_item (G_LIST_MODEL (model), n - 1);
    g_assert_cmpint (haven_journal_item_get_record_type (last), ==, HAVEN_RECORD_ENTRY);
    g_assert_cmpstr (haven_journal_item_get_title (last), ==, "Entry 0");
  }
  g_assert_cmpuint (haven_journal_model_get_n_fetched (model), <=, 100);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), n));

  /* Reading it all in order: strictly newest first, nothing twice, nothing skipped. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HavenJournalItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      HavenTime at = haven_journal_item_get_at (item);
      HavenRecordType type = haven_journal_item_get_record_type (item);
      gint64 id = haven_journal_item_get_id (item);

      g_assert_true (at < previous_at ||
                     (at == previous_at && (type < previous_type ||
                                            (type == previous_type && id < previous_id))));
      previous_at = at;
      previous_type = type;
      previous_id = id;
    }
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint calls;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->calls++;
}

static void
test_model_follows_changes (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenJournalModel) model = NULL;
  g_autoptr(HavenEntry) old = save_free_entry (f->store, "Old", "", 1700000000);
  g_autoptr(HavenEntry) middle = save_free_entry (f->store, "Middle", "", 1700100000);
  g_autoptr(HavenEntry) recent = save_free_entry (f->store, "Recent", "", 1700200000);
  g_autoptr(HavenEntry) inserted = NULL;
  ItemsChanged change = { 0 };

  model = haven_journal_model_new (f->store, NULL);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &change);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  /* A new entry between two others appears at its place. */
  inserted = save_free_entry (f->store, "Between", "", 1700150000);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
  {
    g_autoptr(HavenJournalItem) item = g_list_model_get_item (G_LIST_MODEL (model), 1);
    g_assert_cmpstr (haven_journal_item_get_title (item), ==, "Between");
  }

  /* An edit in place is a change of one row at the same spot. */
  change.calls = 0;
  haven_entry_set_title (middle, "Middle, edited");
  g_assert_true (haven_store_save_entry (f->store, middle, &error));
  g_assert_cmpuint (change.calls, ==, 1);
  g_assert_cmpuint (change.position, ==, 2);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 1);

  /* Moving the oldest to the top. */
  change.calls = 0;
  haven_entry_set_occurred_at (old, 1700300000);
  g_assert_true (haven_store_save_entry (f->store, old, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (change.calls, ==, 2);
  g_assert_cmpuint (change.position, ==, 0);
  {
    g_autoptr(HavenJournalItem) item = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_cmpstr (haven_journal_item_get_title (item), ==, "Old");
  }

  /* Trash removes the row, undo brings it back. */
  g_assert_true (haven_store_trash_entry (f->store, haven_entry_get_id (recent), &error));
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_assert_true (haven_store_restore_entry (f->store, haven_entry_get_id (recent), &error));
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
  g_assert_cmpuint (haven_journal_model_find (model, HAVEN_RECORD_ENTRY,
                                              haven_entry_get_id (recent)), ==, 1);
  g_assert_no_error (error);

  g_signal_handlers_disconnect_by_data (model, &change);
}

static void
test_model_filters (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenPainPoint) point = haven_store_add_pain_point (f->store, "being left alone", NULL);
  g_autoptr(HavenEntry) free_entry = save_free_entry (f->store, "Free", "plain", 1700000000);
  g_autoptr(HavenEntry) conflict = haven_entry_new (HAVEN_ENTRY_KIND_CONFLICT);
  g_autoptr(HavenCheckin) checkin = haven_checkin_new (2);
  g_autoptr(HavenJournalFilter) filter = haven_journal_filter_new ();
  const char *withdraw[] = { "withdraw", NULL };
  gint64 point_id = haven_pain_point_get_id (point);

  haven_entry_set_occurred_at (conflict, 1700100000);
  haven_entry_set_answer (conflict, "reaction", g_variant_new_strv (withdraw, -1));
  haven_entry_set_answer (conflict, "what-happened", g_variant_new_string ("door slammed"));
  haven_entry_set_pain_point_ids (conflict, &point_id, 1);
  g_assert_true (haven_store_save_entry (f->store, conflict, &error));
  haven_checkin_set_at (checkin, 1700200000);
  haven_checkin_set_reaction (checkin, HAVEN_REACTION_PURSUE);
  haven_checkin_set_pain_point_ids (checkin, &point_id, 1);
  g_assert_true (haven_store_save_checkin (f->store, checkin, &error));
  g_assert_no_error (error);

#define N_MATCHING() ({ g_autoptr(HavenJournalModel) m = haven_journal_model_new (f->store, filter); \
                        g_list_model_get_n_items (G_LIST_MODEL (m)); })

  g_assert_cmpuint (N_MATCHING (), ==, 3);

  filter->kinds = HAVEN_FILTER_KIND (HAVEN_ENTRY_KIND_CONFLICT);
  g_assert_cmpuint (N_MATCHING (), ==, 1);
  filter->kinds = HAVEN_FILTER_CHECKINS;
  g_assert_cmpuint (N_MATCHING (), ==, 1);
  filter->kinds = HAVEN_FILTER_CHECKINS | HAVEN_FILTER_KIND (HAVEN_ENTRY_KIND_FREE);
  g_assert_cmpuint (N_MATCHING (), ==, 2);
  filter->kinds = 0;

  filter->pain_point_id = point_id;
  g_assert_cmpuint (N_MATCHING (), ==, 2);
  filter->pain_point_id = 0;

  filter->reaction = HAVEN_REACTION_WITHDRAW;
  g_assert_cmpuint (N_MATCHING (), ==, 1);
  filter->reaction = HAVEN_REACTION_PURSUE;
  g_assert_cmpuint (N_MATCHING (), ==, 1);
  filter->reaction = HAVEN_REACTION_NONE;

  filter->from = 1700050000;
  filter->to = 1700150000;
  g_assert_cmpuint (N_MATCHING (), ==, 1);
  filter->from = filter->to = 0;

  filter->text = g_strdup ("door");
  g_assert_cmpuint (N_MATCHING (), ==, 1);
  {
    g_autoptr(HavenJournalModel) m = haven_journal_model_new (f->store, filter);
    g_autoptr(HavenJournalItem) item = g_list_model_get_item (G_LIST_MODEL (m), 0);

    /* The match is marked in the snippet, and the reaction comes from the answers. */
    g_assert_nonnull (strstr (haven_journal_item_get_snippet (item), "\x02" "door" "\x03"));
    g_assert_cmpint (haven_journal_item_get_reaction (item), ==, HAVEN_REACTION_WITHDRAW);
    g_assert_cmpstrv (haven_journal_item_get_pain_points (item),
                      ((const char *[]) { "being left alone", NULL }));
  }

#undef N_MATCHING
}

/* A journal where searches have to get the details right: dates in another order than ids
 * (older days written up later), entries and check-ins at the same second, and matching
 * records in the trash and among the drafts. */
typedef struct
{
  guint       n;
  HavenTime   base;
  GHashTable *harbour;     /* "e ID" / "c ID" of what a search for "harb" must list */
  GHashTable *lighthouse;  /* the same for "lighthouse", a rarer word */
  guint       n_harbour_checkins;
  gint64      trashed_match;
  gint64      pain_point;  /* on every record, with a reaction and a strategy that helped */
} Haystack;

static void
expect (GHashTable      *set,
        HavenRecordType  type,
        gint64           id)
{
  g_hash_table_add (set, g_strdup_printf ("%c %" G_GINT64_FORMAT,
                                          type == HAVEN_RECORD_ENTRY ? 'e' : 'c', id));
}

static gboolean
insert_haystack (HavenStore  *store,
                 gpointer     data,
                 GError     **error)
{
  Haystack *h = data;
  const char *withdraw[] = { "withdraw", NULL };
  const char *breathing[] = { "slow-breathing", NULL };

  for (guint i = 0; i < h->n; i++)
    {
      g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
      HavenTime at = h->base + (HavenTime)(i * 7919u % h->n) * 600;
      gboolean harbour = i % 4 != 3;
      gboolean lighthouse = i % 40 == 1;
      gboolean draft = i % 17 == 5;
      gboolean trashed = i % 13 == 2;
      gint64 id;

      haven_entry_set_title (entry, "An evening");
      haven_entry_set_body (entry, harbour && lighthouse ? "From the harbour to the lighthouse."
                                   : harbour ? "We walked to the harbour and back."
                                   : lighthouse ? "The lighthouse, again." : "We stayed in.");
      haven_entry_set_occurred_at (entry, at);
      haven_entry_set_is_draft (entry, draft);
      haven_entry_set_pain_point_ids (entry, &h->pain_point, 1);
      haven_entry_set_answer (entry, HAVEN_ANSWER_REACTION, g_variant_new_strv (withdraw, -1));
      haven_entry_set_answer (entry, HAVEN_ANSWER_REGULATION, g_variant_new_strv (breathing, -1));
      haven_entry_set_answer (entry, HAVEN_ANSWER_INTENSITY, g_variant_new_int64 (7));
      haven_entry_set_answer (entry, HAVEN_ANSWER_INTENSITY_AFTER, g_variant_new_int64 (3));
      if (!haven_store_save_entry (store, entry, error))
        return FALSE;
      id = haven_entry_get_id (entry);

      if (trashed && !haven_store_trash_entry (store, id, error))
        return FALSE;

      if (!draft && !trashed)
        {
          if (harbour)
            expect (h->harbour, HAVEN_RECORD_ENTRY, id);
          if (lighthouse)
            expect (h->lighthouse, HAVEN_RECORD_ENTRY, id);
        }
      else if (harbour && trashed)
        h->trashed_match = id;

      if (i % 2 == 0)
        {
          g_autoptr(HavenCheckin) checkin = haven_checkin_new (3);
          gboolean checkin_harbour = i % 8 != 6;
          gboolean checkin_trashed = i % 10 == 4;

          haven_checkin_set_at (checkin, at);
          haven_checkin_set_note (checkin, checkin_harbour ? "Calm at the harbour." : "Calm at home.");
          haven_checkin_set_pain_point_ids (checkin, &h->pain_point, 1);
          haven_checkin_set_reaction (checkin, HAVEN_REACTION_WITHDRAW);
          haven_checkin_set_regulation (checkin, breathing);
          haven_checkin_set_intensity_before (checkin, 7);
          haven_checkin_set_intensity_after (checkin, 3);
          if (!haven_store_save_checkin (store, checkin, error))
            return FALSE;
          if (checkin_trashed &&
              !haven_store_trash_checkin (store, haven_checkin_get_id (checkin), error))
            return FALSE;
          if (checkin_harbour && !checkin_trashed)
            {
              expect (h->harbour, HAVEN_RECORD_CHECKIN, haven_checkin_get_id (checkin));
              h->n_harbour_checkins++;
            }
        }
    }

  return TRUE;
}

static guint
n_matching_filter (HavenStore               *store,
                   const HavenJournalFilter *filter)
{
  g_autoptr(HavenJournalModel) model = haven_journal_model_new (store, filter);

  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static guint
n_matching (HavenStore *store,
            const char *text,
            guint       kinds)
{
  g_autoptr(HavenJournalFilter) filter = haven_journal_filter_new ();
  g_autoptr(HavenJournalModel) model = NULL;

  filter->text = g_strdup (text);
  filter->kinds = kinds;
  model = haven_journal_model_new (store, filter);

  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

/* Reads the whole list: exactly the expected records, each once, newest first, each with
 * the matched word marked in its snippet; a jump to the end agrees. */
static void
assert_filter_lists (HavenStore               *store,
                     const HavenJournalFilter *filter,
                     const char               *marked,
                     GHashTable               *expected)
{
  g_autoptr(HavenJournalModel) model = NULL;
  g_autoptr(HavenJournalModel) jump = NULL;
  g_autoptr(GHashTable) unseen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(HavenJournalItem) end = NULL;
  g_autofree char *mark = g_strdup_printf ("\x02%s\x03", marked);
  HavenTime previous_at = G_MAXINT64;
  HavenRecordType previous_type = HAVEN_RECORD_CHECKIN;
  gint64 previous_id = G_MAXINT64;
  GHashTableIter iter;
  gpointer key;
  guint n;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (unseen, key);

  model = haven_journal_model_new (store, filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, g_hash_table_size (expected));

  /* Counting reads no rows, however many match. */
  g_assert_cmpuint (haven_journal_model_get_n_fetched (model), ==, 0);

  /* From the far end first: a jump reads that page on its own. */
  jump = haven_journal_model_new (store, filter);
  end = g_list_model_get_item (G_LIST_MODEL (jump), n - 1);
  g_assert_nonnull (end);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (jump), n));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HavenJournalItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      HavenTime at = haven_journal_item_get_at (item);
      HavenRecordType type = haven_journal_item_get_record_type (item);
      gint64 id = haven_journal_item_get_id (item);
      g_autofree char *name = g_strdup_printf ("%c %" G_GINT64_FORMAT,
                                               type == HAVEN_RECORD_ENTRY ? 'e' : 'c', id);

      g_assert_true (g_hash_table_remove (unseen, name));
      g_assert_true (at < previous_at ||
                     (at == previous_at && (type < previous_type ||
                                            (type == previous_type && id < previous_id))));
      g_assert_nonnull (haven_journal_item_get_snippet (item));
      g_assert_nonnull (strstr (haven_journal_item_get_snippet (item), mark));
      previous_at = at;
      previous_type = type;
      previous_id = id;

      if (i == n - 1)
        {
          g_assert_cmpint (haven_journal_item_get_record_type (end), ==, type);
          g_assert_cmpint (haven_journal_item_get_id (end), ==, id);
        }
    }
  g_assert_cmpuint (g_hash_table_size (unseen), ==, 0);
}

static void
assert_search_lists (HavenStore *store,
                     const char *text,
                     const char *marked,
                     GHashTable *expected)
{
  g_autoptr(HavenJournalFilter) filter = haven_journal_filter_new ();

  filter->text = g_strdup (text);
  assert_filter_lists (store, filter, marked, expected);
}

static void
test_model_search_many_matches (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenJournalFilter) filter = haven_journal_filter_new ();
  g_autoptr(HavenJournalModel) model = NULL;
  g_autoptr(HavenJournalModel) early = NULL;
  g_autoptr(HavenJournalModel) fresh = NULL;
  Haystack h = { 1200, 1700000000 };
  guint n_entries;

  /* A search that starts out with no matches at all. */
  filter->text = g_strdup ("harb");
  early = haven_journal_model_new (f->store, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (early)), ==, 0);

  h.harbour = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  h.lighthouse = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  {
    g_autoptr(HavenPainPoint) point = haven_store_add_pain_point (f->store, "being left alone",
                                                                  &error);
    g_assert_no_error (error);
    h.pain_point = haven_pain_point_get_id (point);
  }
  g_assert_true (haven_store_run_in_transaction (f->store, insert_haystack, &h, &error));
  g_assert_no_error (error);

  /* It followed, and now reads its many matches as a new one does. */
  fresh = haven_journal_model_new (f->store, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (early)), ==,
                    g_hash_table_size (h.harbour));
  for (guint i = 0; i < g_hash_table_size (h.harbour); i++)
    {
      g_autoptr(HavenJournalItem) a = g_list_model_get_item (G_LIST_MODEL (early), i);
      g_autoptr(HavenJournalItem) b = g_list_model_get_item (G_LIST_MODEL (fresh), i);

      g_assert_cmpint (haven_journal_item_get_record_type (a), ==,
                       haven_journal_item_get_record_type (b));
      g_assert_cmpint (haven_journal_item_get_id (a), ==, haven_journal_item_get_id (b));
      g_assert_cmpstr (haven_journal_item_get_snippet (a), ==, haven_journal_item_get_snippet (b));
    }
  g_clear_object (&early);
  g_clear_object (&fresh);

  /* Enough matches that the list walks the journal by date (FEW_MATCHES), and few enough
   * of the rarer word that it reads those matches one by one: both ways are checked. */
  g_assert_cmpuint (g_hash_table_size (h.harbour), >, 1000);
  g_assert_cmpuint (g_hash_table_size (h.lighthouse), <, 1000);
  g_assert_cmpuint (g_hash_table_size (h.lighthouse), >, 10);
  assert_search_lists (f->store, "harb", "harbour", h.harbour);
  assert_search_lists (f->store, "\"the harbour\"", "the harbour", h.harbour);
  assert_search_lists (f->store, "lighthouse", "lighthouse", h.lighthouse);

  /* Counted from the index, by joining the records, or both: the same numbers. */
  n_entries = g_hash_table_size (h.harbour) - h.n_harbour_checkins;
  g_assert_cmpuint (n_matching (f->store, "harb", HAVEN_FILTER_CHECKINS), ==, h.n_harbour_checkins);
  g_assert_cmpuint (n_matching (f->store, "harb", HAVEN_FILTER_KIND (HAVEN_ENTRY_KIND_FREE)), ==,
                    n_entries);
  g_assert_cmpuint (n_matching (f->store, "harb", HAVEN_FILTER_KIND (HAVEN_ENTRY_KIND_FREE) |
                                                  HAVEN_FILTER_KIND (HAVEN_ENTRY_KIND_CONFLICT)), ==,
                    n_entries);
  {
    guint all_entries = 0;

    for (HavenEntryKind k = 0; k <= HAVEN_ENTRY_KIND_LAST; k++)
      all_entries |= HAVEN_FILTER_KIND (k);
    g_assert_cmpuint (n_matching (f->store, "harb", all_entries), ==, n_entries);
    g_assert_cmpuint (n_matching (f->store, "harb", all_entries | HAVEN_FILTER_CHECKINS), ==,
                      g_hash_table_size (h.harbour));
  }
  g_assert_cmpuint (n_matching (f->store, "harb", HAVEN_FILTER_KIND (HAVEN_ENTRY_KIND_CONFLICT)),
                    ==, 0);

  /* With a time span too: the rows of the whole search that fall in it, in its order. */
  {
    g_autoptr(HavenJournalFilter) span = haven_journal_filter_new ();
    g_autoptr(HavenJournalModel) all = NULL;
    g_autoptr(HavenJournalModel) part = NULL;
    guint n_all, n_part = 0;

    span->text = g_strdup ("harb");
    all = haven_journal_model_new (f->store, span);
    span->from = h.base + h.n / 4 * 600;
    span->to = h.base + h.n / 2 * 600;
    part = haven_journal_model_new (f->store, span);
    n_all = g_list_model_get_n_items (G_LIST_MODEL (all));

    for (guint i = 0; i < n_all; i++)
      {
        g_autoptr(HavenJournalItem) item = g_list_model_get_item (G_LIST_MODEL (all), i);
        HavenTime at = haven_journal_item_get_at (item);
        g_autoptr(HavenJournalItem) same = NULL;

        if (at < span->from || at >= span->to)
          continue;
        same = g_list_model_get_item (G_LIST_MODEL (part), n_part++);
        g_assert_nonnull (same);
        g_assert_cmpint (haven_journal_item_get_id (same), ==, haven_journal_item_get_id (item));
        g_assert_cmpint (haven_journal_item_get_record_type (same), ==,
                         haven_journal_item_get_record_type (item));
      }
    g_assert_cmpuint (n_part, >, 100);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (part)), ==, n_part);
  }

  /* The other filters, with a search: every record has them, so the lists are the same. */
  filter->pain_point_id = h.pain_point;
  assert_filter_lists (f->store, filter, "harbour", h.harbour);
  filter->pain_point_id = 0;
  filter->reaction = HAVEN_REACTION_WITHDRAW;
  assert_filter_lists (f->store, filter, "harbour", h.harbour);
  filter->reaction = HAVEN_REACTION_PURSUE;
  g_assert_cmpuint (n_matching_filter (f->store, filter), ==, 0);
  filter->reaction = HAVEN_REACTION_NONE;
  filter->regulation = g_strdup ("slow-breathing");
  assert_filter_lists (f->store, filter, "harbour", h.harbour);
  g_clear_pointer (&filter->regulation, g_free);
  filter->from = h.base;
  filter->to = h.base + h.n * 600;
  assert_filter_lists (f->store, filter, "harbour", h.harbour);
  filter->from = filter->to = 0;

  /* A match in the trash is not in the list, and comes back with it. */
  model = haven_journal_model_new (f->store, filter);
  g_assert_cmpuint (haven_journal_model_find (model, HAVEN_RECORD_ENTRY, h.trashed_match), ==,
                    G_MAXUINT);
  g_assert_true (haven_store_restore_entry (f->store, h.trashed_match, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                    g_hash_table_size (h.harbour) + 1);
  {
    guint position = haven_journal_model_find (model, HAVEN_RECORD_ENTRY, h.trashed_match);
    g_autoptr(HavenJournalItem) item = g_list_model_get_item (G_LIST_MODEL (model), position);

    g_assert_cmpint (haven_journal_item_get_id (item), ==, h.trashed_match);
  }
  g_assert_true (haven_store_trash_entry (f->store, h.trashed_match, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                    g_hash_table_size (h.harbour));

  g_hash_table_unref (h.harbour);
  g_hash_table_unref (h.lighthouse);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/store/files/default-location-is-private", test_default_location_is_private);
  ADD ("files/loose-modes-are-tightened", test_loose_modes_are_tightened);
  ADD ("files/pragmas", test_pragmas);
  ADD ("files/checkpoint-in-background", test_checkpoint_in_background);
  ADD ("files/strict-tables", test_strict_tables);
  ADD ("files/read-only-open", test_read_only_open);
  ADD ("files/read-only-file", test_read_only_file);
  ADD ("entry/round-trip", test_entry_round_trip);
  ADD ("entry/text-edge-cases", test_entry_text_edge_cases);
  ADD ("entry/failed-save-changes-nothing", test_failed_save_changes_nothing);
  ADD ("entry/disk-full-keeps-entry", test_disk_full_keeps_entry);
  ADD ("entry/busy-journal", test_busy_journal);
  ADD ("journal/is-empty", test_is_empty);
  ADD ("entry/trash-restore-purge", test_trash_restore_purge);
  ADD ("entry/drafts", test_drafts);
  g_test_add_func ("/store/search/query-from-text", test_fts_query_from_text);
  ADD ("search/follows-updates", test_fts_follows_updates);
  ADD ("checkin/round-trip", test_checkin_round_trip);
  ADD ("checkin/bad-link", test_checkin_bad_link);
  ADD ("pain-points", test_pain_points);
  ADD ("tags", test_tags);
  ADD ("signals", test_signals);
  ADD ("transaction-all-or-nothing", test_transaction_all_or_nothing);
  ADD ("model/pages-lazily", test_model_pages_lazily);
  ADD ("model/follows-changes", test_model_follows_changes);
  ADD ("model/filters", test_model_filters);
  ADD ("model/search-many-matches", test_model_search_many_matches);

#undef ADD

  return g_test_run ();
}
