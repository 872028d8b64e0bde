/* test-export.c: exports and imports on real journals
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/stat.h>

#include "haven-answers.h"
#include "haven-export.h"
#include "haven-import.h"
#include "haven-journal-model.h"
#include "haven-json-reader.h"
#include "haven-store-private.h"
#include "haven-test-util.h"

/* A fixed moment for exported_at, so that two exports can be compared byte for byte. */
#define EXPORTED_AT 1772360000

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
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  haven_test_rmtree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static char *
tmp_file (Fixture    *f,
          const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
write_file (const char *path,
            const char *contents,
            gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

static gint64
query_int (HavenStore *store,
           const char *sql)
{
  return haven_test_query_int (_haven_store_get_db (store), sql);
}

static char *
query_text (HavenStore *store,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_haven_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

/* The search indexes hold exactly the text of their tables: FTS5 compares them when asked. */
static void
assert_search_index_sound (HavenStore *store)
{
  g_autoptr(GError) error = NULL;

  _haven_exec (_haven_store_get_db (store),
               "INSERT INTO entry_fts (entry_fts, rank) VALUES ('integrity-check', 1);"
               "INSERT INTO checkin_fts (checkin_fts, rank) VALUES ('integrity-check', 1);",
               &error);
  g_assert_no_error (error);

  /* And the triggers that keep them so are all there. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                                     "AND name GLOB '*_fts_*'"), ==, 6);
}

/* The import sets a larger FTS5 'hashsize' while it indexes: none is left behind. */
static void
assert_no_fts_settings (HavenStore *store)
{
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM entry_fts_config WHERE k = 'hashsize'"),
                   ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM checkin_fts_config WHERE k = 'hashsize'"),
                   ==, 0);
}

/* What the journal list finds for @text, as someone typing it into the search would. */
static guint
count_found (HavenStore *store,
             const char *text)
{
  g_autoptr(HavenJournalFilter) filter = haven_journal_filter_new ();
  g_autoptr(HavenJournalModel) model = NULL;

  filter->text = g_strdup (text);
  model = haven_journal_model_new (store, filter);

  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

/* A journal with a bit of everything: guided and free entries, a draft, a trashed entry,
 * check-ins with and without an entry, raw spots and tags. */
static void
fill_sample_journal (HavenStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenPainPoint) ignored = haven_store_add_pain_point (store, "feeling ignored", &error);
  g_autoptr(HavenPainPoint) criticised = haven_store_add_pain_point (store, "being criticised", &error);
  g_autoptr(HavenTag) work = haven_store_add_tag (store, "work", &error);
  g_autoptr(HavenEntry) conflict = haven_entry_new (HAVEN_ENTRY_KIND_CONFLICT);
  g_autoptr(HavenEntry) free_entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
  g_autoptr(HavenEntry) draft = haven_entry_new (HAVEN_ENTRY_KIND_REFLECTION);
  g_autoptr(HavenEntry) trashed = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
  g_autoptr(HavenCheckin) linked = haven_checkin_new (2);
  g_autoptr(HavenCheckin) alone = haven_checkin_new (4);
  const char *reaction[] = { "withdraw", NULL };
  const char *helped[] = { "slow-breathing", "break", NULL };
  const char *emotions[] = { "hurt", "angry", NULL };
  const char *body[] = { "tight-chest", NULL };
  gint64 both[2];

  g_assert_no_error (error);
  both[0] = haven_pain_point_get_id (ignored);
  both[1] = haven_pain_point_get_id (criticised);

  haven_entry_set_title (conflict, "The dishes, again");
  haven_entry_set_body (conflict, "# not a heading\nHe said: *fine*. Then \"left\".\n\nLater, calm.");
  haven_entry_set_flow_id (conflict, "after-conflict");
  haven_entry_set_occurred_at (conflict, 1714000000);
  haven_entry_set_answer (conflict, "what-happened", g_variant_new_string ("We argued, ü and é."));
  haven_entry_set_answer (conflict, HAVEN_ANSWER_REACTION, g_variant_new_strv (reaction, -1));
  haven_entry_set_answer (conflict, HAVEN_ANSWER_INTENSITY, g_variant_new_int64 (8));
  haven_entry_set_answer (conflict, HAVEN_ANSWER_REGULATION, g_variant_new_strv (helped, -1));
  haven_entry_set_pain_point_ids (conflict, both, 2);
  haven_entry_set_tag_ids (conflict, (gint64[]){ haven_tag_get_id (work) }, 1);
  haven_store_save_entry (store, conflict, &error);
  g_assert_no_error (error);

  haven_entry_set_body (free_entry, "A quiet evening.");
  haven_entry_set_occurred_at (free_entry, 1714100000);
  haven_store_save_entry (store, free_entry, &error);
  g_assert_no_error (error);

  haven_entry_set_body (draft, "Half a thought");
  haven_entry_set_is_draft (draft, TRUE);
  haven_entry_set_occurred_at (draft, 1714200000);
  haven_store_save_entry (store, draft, &error);
  g_assert_no_error (error);

  haven_entry_set_body (trashed, "Thrown away");
  haven_store_save_entry (store, trashed, &error);
  g_assert_no_error (error);
  haven_store_trash_entry (store, haven_entry_get_id (trashed), &error);
  g_assert_no_error (error);

  haven_checkin_set_at (linked, 1714000600);
  haven_checkin_set_entry_id (linked, haven_entry_get_id (conflict));
  haven_checkin_set_emotions (linked, emotions);
  haven_checkin_set_body_signals (linked, body);
  haven_checkin_set_regulation (linked, helped);
  haven_checkin_set_intensity_before (linked, 8);
  haven_checkin_set_intensity_after (linked, 3);
  haven_checkin_set_reaction (linked, HAVEN_REACTION_WITHDRAW);
  haven_checkin_set_note (linked, "=1+1, \"quoted\"\nsecond line");
  haven_checkin_set_pain_point_ids (linked, both, 1);
  haven_store_save_checkin (store, linked, &error);
  g_assert_no_error (error);

  haven_checkin_set_at (alone, 1714300000);
  haven_checkin_set_tag_ids (alone, (gint64[]){ haven_tag_get_id (work) }, 1);
  haven_store_save_checkin (store, alone, &error);
  g_assert_no_error (error);
}

static void
export_json (HavenStore *store,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  HavenExportOptions options = { .exported_at = EXPORTED_AT };

  haven_export_to_file (store, HAVEN_EXPORT_JSON, path, &options, NULL, NULL, &error);
  g_assert_no_error (error);
}

static HavenImportCounts
import_file (HavenStore *store,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenImport) import = haven_import_new_for_file (path, &error);
  HavenImportCounts preview = { 0 }, counts = { 0 };

  g_assert_no_error (error);
  haven_import_preview (import, store, &preview, &error);
  g_assert_no_error (error);
  haven_import_run (import, store, &counts, &error);
  g_assert_no_error (error);

  /* The preview tells what the import then does. */
  g_assert_cmpmem (&preview, sizeof preview, &counts, sizeof counts);

  return counts;
}

static HavenStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  HavenStore *store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);

  g_assert_no_error (error);

  return store;
}

/* The journal's bytes, after everything in the WAL is folded into the file. */
static char *
journal_digest (Fixture *f)
{
  if (f->store != NULL)
    g_assert_finalize_object (g_steal_pointer (&f->store));

  return haven_test_file_digest (f->path);
}

/* Export and round trip ---------------------------------------------------------------- */

static void
test_json_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *first = tmp_file (f, "first.json");
  g_autofree char *second = tmp_file (f, "second.json");
  g_autofree char *other_path = tmp_file (f, "other.db");
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autoptr(HavenStore) other = NULL;
  g_autoptr(GError) error = NULL;
  HavenExportSummary summary;
  HavenExportOptions options = { .exported_at = EXPORTED_AT };
  HavenImportCounts counts;

  fill_sample_journal (f->store);
  haven_export_to_file (f->store, HAVEN_EXPORT_JSON, first, &options, &summary, NULL, &error);
  g_assert_no_error (error);
  /* Two listed entries and a draft; the trashed one stays behind. */
  g_assert_cmpuint (summary.n_entries, ==, 3);
  g_assert_cmpuint (summary.n_checkins, ==, 2);
  g_assert_cmpuint (summary.n_pain_points, ==, 2);
  g_assert_cmpuint (summary.n_tags, ==, 1);

  other = open_store (other_path);
  counts = import_file (other, first);
  g_assert_cmpuint (counts.entries_new, ==, 3);
  g_assert_cmpuint (counts.checkins_new, ==, 2);
  g_assert_cmpuint (counts.pain_points_new, ==, 2);
  g_assert_cmpuint (counts.tags_new, ==, 1);
  g_assert_cmpint (counts.first_at, ==, 1714000000);
  g_assert_cmpint (counts.last_at, ==, 1714300000);

  export_json (other, second);

  first_text = read_file (first);
  second_text = read_file (second);
  g_assert_cmpstr (first_text, ==, second_text);

  /* The fuzzer's seeds are real exports: this is where one comes from. */
  if (g_getenv ("HAVEN_WRITE_SEED") != NULL)
    write_file (g_getenv ("HAVEN_WRITE_SEED"), first_text, -1);

  /* The imported journal is a real one: search finds imported answers. */
  g_assert_cmpuint (haven_store_count_entries (other), ==, 2);
  g_assert_cmpuint (haven_store_count_checkins (other), ==, 2);
  g_assert_cmpint (query_int (other, "SELECT count(*) FROM entry_fts WHERE entry_fts MATCH 'argued'"),
                   ==, 1);
  assert_search_index_sound (other);
}

static void
test_json_document (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = tmp_file (f, "journal.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *root, *entry, *checkin;
  JsonArray *entries, *checkins;

  fill_sample_journal (f->store);
  export_json (f->store, path);

  text = read_file (path);
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "haven-journal");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "exported_at"), ==, "2026-03-01T10:13:20Z");

  entries = json_object_get_array_member (root, "entries");
  g_assert_cmpuint (json_array_get_length (entries), ==, 3);
  entry = json_array_get_object_element (entries, 0);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (entry, "uuid")));
  g_assert_cmpstr (json_object_get_string_member (entry, "kind"), ==, "conflict");
  g_assert_cmpstr (json_object_get_string_member (entry, "occurred_at"), ==, "2024-04-24T23:06:40Z");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (entry, "answers"),
                                               "intensity"), ==, 8);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (entry, "pain_points")), ==, 2);
  g_assert_false (json_object_get_boolean_member (entry, "draft"));
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (entries, 2), "draft"));
  g_assert_null (strstr (text, "Thrown away"));

  checkins = json_object_get_array_member (root, "checkins");
  checkin = json_array_get_object_element (checkins, 0);
  g_assert_cmpstr (json_object_get_string_member (checkin, "entry"), ==,
                   json_object_get_string_member (entry, "uuid"));
  g_assert_cmpstr (json_object_get_string_member (checkin, "reaction"), ==, "withdraw");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (checkins, 1),
                                              "reaction"));

  /* Private from the start. */
  g_assert_cmpuint (haven_test_file_mode (path), ==, 0600);
}

static void
test_import_twice_changes_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *path = tmp_file (f, "journal.json");
  g_autofree char *other_path = tmp_file (f, "other.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  HavenStore *other;
  HavenImportCounts counts;

  fill_sample_journal (f->store);
  export_json (f->store, path);

  other = open_store (other_path);
  import_file (other, path);
  g_assert_finalize_object (other);
  before = haven_test_file_digest (other_path);

  other = open_store (other_path);
  counts = import_file (other, path);
  g_assert_cmpuint (counts.entries_new + counts.entries_updated, ==, 0);
  g_assert_cmpuint (counts.checkins_new + counts.checkins_updated, ==, 0);
  g_assert_cmpuint (counts.pain_points_new + counts.tags_new, ==, 0);
  g_assert_cmpuint (counts.entries_unchanged, ==, 3);
  g_assert_cmpuint (counts.checkins_unchanged, ==, 2);
  g_assert_finalize_object (other);

  after = haven_test_file_digest (other_path);
  g_assert_cmpstr (before, ==, after);

  /* And into the journal it came from: nothing new there either. */
  counts = import_file (f->store, path);
  g_assert_cmpuint (counts.entries_new + counts.entries_updated + counts.checkins_new +
                    counts.checkins_updated + counts.pain_points_new + counts.tags_new, ==, 0);
}

static void
test_import_newer_copy_wins (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = tmp_file (f, "journal.json");
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) edited = NULL;
  HavenImportCounts counts;

  fill_sample_journal (f->store);
  export_json (f->store, path);

  /* The same entry, edited later elsewhere. */
  text = read_file (path);
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, "The dishes, again", "The dishes, solved", 1), ==, 1);
  {
    char *updated = strstr (edited->str, "\"updated_at\" : \"");

    g_assert_nonnull (updated);
    memcpy (updated + strlen ("\"updated_at\" : \""), "2100", 4);
  }
  write_file (path, edited->str, -1);

  counts = import_file (f->store, path);
  g_assert_cmpuint (counts.entries_updated, ==, 1);
  g_assert_cmpuint (counts.entries_new, ==, 0);
  title = query_text (f->store, "SELECT title FROM entry WHERE kind = 'conflict'");
  g_assert_cmpstr (title, ==, "The dishes, solved");
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM entry_fts WHERE entry_fts MATCH 'solved'"),
                   ==, 1);
  /* Its links came along unchanged. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM entry_pain_point"), ==, 2);
  assert_search_index_sound (f->store);
}

/* The import indexes the rows it adds in one go at the end (see haven-import.c): into an
 * empty journal, into one with records of its own, and with the journal going on as usual
 * afterwards. */
static void
test_import_search (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = tmp_file (f, "journal.json");
  g_autofree char *empty_path = tmp_file (f, "empty.db");
  g_autoptr(HavenStore) empty = NULL;
  g_autoptr(HavenEntry) own = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
  g_autoptr(HavenEntry) later = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
  g_autoptr(HavenCheckin) later_checkin = haven_checkin_new (3);
  g_autoptr(GError) error = NULL;
  gint64 cache_size;

  fill_sample_journal (f->store);
  export_json (f->store, path);

  /* Into an empty journal: body, answers and notes, by whole words and by prefixes. */
  empty = open_store (empty_path);
  cache_size = query_int (empty, "PRAGMA cache_size");
  import_file (empty, path);
  assert_search_index_sound (empty);
  assert_no_fts_settings (empty);
  /* The larger page cache of the import was for the import only. */
  g_assert_cmpint (query_int (empty, "PRAGMA cache_size"), ==, cache_size);
  g_assert_cmpuint (count_found (empty, "quiet evening"), ==, 1);
  g_assert_cmpuint (count_found (empty, "argu"), ==, 1);
  g_assert_cmpuint (count_found (empty, "quoted"), ==, 1);
  g_assert_cmpuint (count_found (empty, "half"), ==, 0);  /* the draft is not listed */
  g_assert_cmpint (query_int (empty, "SELECT count(*) FROM entry_fts WHERE entry_fts MATCH 'half'"),
                   ==, 1);

  /* Into a journal with an entry of its own, which stays findable too. */
  g_clear_object (&empty);
  g_unlink (empty_path);
  empty = open_store (empty_path);
  haven_entry_set_body (own, "Morning tea on the balcony.");
  haven_store_save_entry (empty, own, &error);
  g_assert_no_error (error);
  /* A setting someone made stays as it was. */
  _haven_exec (_haven_store_get_db (empty),
               "INSERT INTO entry_fts (entry_fts, rank) VALUES ('hashsize', 2097152);", &error);
  g_assert_no_error (error);
  import_file (empty, path);
  assert_search_index_sound (empty);
  g_assert_cmpint (query_int (empty, "SELECT v FROM entry_fts_config WHERE k = 'hashsize'"), ==,
                   2097152);
  g_assert_cmpint (query_int (empty, "SELECT count(*) FROM checkin_fts_config WHERE k = 'hashsize'"),
                   ==, 0);
  g_assert_cmpuint (count_found (empty, "balcony"), ==, 1);
  g_assert_cmpuint (count_found (empty, "quiet evening"), ==, 1);
  g_assert_cmpuint (count_found (empty, "quoted"), ==, 1);

  /* Afterwards, saving, editing and deleting keep the index as before. */
  haven_entry_set_body (later, "A walk by the river.");
  haven_store_save_entry (empty, later, &error);
  g_assert_no_error (error);
  haven_checkin_set_note (later_checkin, "Calmer after the walk.");
  haven_store_save_checkin (empty, later_checkin, &error);
  g_assert_no_error (error);
  haven_entry_set_body (own, "Evening tea on the balcony.");
  haven_store_save_entry (empty, own, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_found (empty, "river"), ==, 1);
  g_assert_cmpuint (count_found (empty, "calmer"), ==, 1);
  g_assert_cmpuint (count_found (empty, "morning"), ==, 0);
  assert_search_index_sound (empty);
}

/* The import writes the JSON columns itself where it can (see append_json_string() in
 * haven-import.c): what it stores must be what the store itself writes, byte for byte, for
 * plain text and for text with every kind of character json-glib escapes its own way. */
static void
test_import_stored_form (Fixture       *f,
                         gconstpointer  data)
{
  static const char *tricky[] = {
    "plain, with / and ü and 😀",
    "quotes \" and backslashes \\ and \\n",
    "lines\nand\r\nbreaks\tand \b \f",
    "control \x01 \x1e \x1f and delete \x7f",
    "",
  };
  static const char *columns[] = {
    "SELECT group_concat (answers || '|' || answers_text, '#') FROM "
      "(SELECT answers, answers_text FROM entry ORDER BY uuid);",
    "SELECT group_concat (emotions || body_signals || regulation || note, '#') FROM "
      "(SELECT * FROM checkin ORDER BY uuid);",
  };
  g_autofree char *path = tmp_file (f, "journal.json");
  g_autofree char *other_path = tmp_file (f, "other.db");
  g_autoptr(HavenStore) other = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
    {
      g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_REFLECTION);
      g_autoptr(HavenCheckin) checkin = haven_checkin_new (3);
      const char *list[] = { tricky[i], "zz", "a", "zz", NULL };

      haven_entry_set_body (entry, tricky[i]);
      haven_entry_set_answer (entry, "first", g_variant_new_string (tricky[i]));
      haven_entry_set_answer (entry, "second", g_variant_new_string ("more"));
      haven_entry_set_answer (entry, tricky[i][0] != '\0' ? tricky[i] : "key",
                              g_variant_new_int64 (G_MININT64 + i));
      haven_entry_set_answer (entry, "list", g_variant_new_strv (list, -1));
      haven_entry_set_answer (entry, "none", g_variant_new_strv (NULL, 0));
      haven_store_save_entry (f->store, entry, &error);
      g_assert_no_error (error);

      haven_checkin_set_emotions (checkin, list);
      haven_checkin_set_body_signals (checkin, (const char *[]){ tricky[i], NULL });
      haven_checkin_set_note (checkin, tricky[i]);
      haven_store_save_checkin (f->store, checkin, &error);
      g_assert_no_error (error);
    }

  export_json (f->store, path);
  other = open_store (other_path);
  import_file (other, path);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *saved = query_text (f->store, columns[i]);
      g_autofree char *imported = query_text (other, columns[i]);

      g_assert_cmpstr (imported, ==, saved);
    }

  /* JSON everywhere: no control character unescaped, in the file or in the journals (json-glib
   * 1.6 lets U+001F through as it is). */
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
    g_assert_no_error (error);
    g_assert_null (strchr (contents, '\x1f'));
    g_assert_nonnull (strstr (contents, "\\u001f"));
  }
  {
    g_autofree char *entries_valid = query_text (other, "SELECT min (json_valid (answers))"
                                                        " FROM entry;");
    g_autofree char *checkins_valid = query_text (other, "SELECT min (json_valid (emotions)"
                                                         " AND json_valid (body_signals))"
                                                         " FROM checkin;");
    g_autofree char *saved_valid = query_text (f->store, "SELECT min (json_valid (answers))"
                                                         " FROM entry;");

    g_assert_cmpstr (entries_valid, ==, "1");
    g_assert_cmpstr (checkins_valid, ==, "1");
    g_assert_cmpstr (saved_valid, ==, "1");
  }
}

/* A file larger than the journal is counted for the charts once, at the end of the import;
 * a smaller one through the triggers, record by record. Either way the sums match the records
 * and the triggers are in place afterwards. */
static void
test_import_day_sums (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const reactions[] = { "pursue", "withdraw", "freeze", "pause" };
  static const char * const strategies[] = { "slow-breathing", "break", "moving" };
  g_autofree char *path = tmp_file (f, "journal.json");
  g_autofree char *small_path = tmp_file (f, "small.json");
  g_autofree char *other_dir = tmp_file (f, "other");
  g_autofree char *other_path = g_build_filename (other_dir, "journal.db", NULL);
  g_autoptr(HavenStore) other = NULL;
  g_autoptr(HavenPainPoint) spot = NULL;
  g_autoptr(GError) error = NULL;
  HavenImportCounts counts;
  gint64 spot_id;

  spot = haven_store_add_pain_point (f->store, "not being heard", &error);
  g_assert_no_error (error);
  spot_id = haven_pain_point_get_id (spot);

  for (guint i = 0; i < 600; i++)
    {
      g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_CONFLICT);
      g_autoptr(HavenCheckin) checkin = haven_checkin_new (1 + i % 5);
      const char *helped[] = { strategies[i % 3], NULL };
      const char *reaction[] = { reactions[i % 4], NULL };

      haven_entry_set_occurred_at (entry, 1767225600 + i * 20000);
      haven_entry_set_answer (entry, "reaction", g_variant_new_strv (reaction, -1));
      haven_entry_set_answer (entry, "what-helped", g_variant_new_strv (helped, -1));
      haven_entry_set_answer (entry, "intensity", g_variant_new_int64 (8));
      haven_entry_set_answer (entry, "intensity-after", g_variant_new_int64 (i % 8));
      haven_entry_set_is_draft (entry, i % 10 == 0);
      if (i % 3 == 0)
        haven_entry_set_pain_point_ids (entry, &spot_id, 1);
      haven_store_save_entry (f->store, entry, &error);
      g_assert_no_error (error);

      haven_checkin_set_at (checkin, 1767225600 + i * 17000);
      haven_checkin_set_reaction (checkin, 1 + i % HAVEN_REACTION_LAST);
      haven_checkin_set_intensity_before (checkin, 7);
      haven_checkin_set_intensity_after (checkin, i % 7);
      haven_checkin_set_regulation (checkin, helped);
      if (i % 2 == 0)
        haven_checkin_set_pain_point_ids (checkin, &spot_id, 1);
      haven_store_save_checkin (f->store, checkin, &error);
      g_assert_no_error (error);
      if (i % 25 == 0)
        {
          haven_store_trash_checkin (f->store, haven_checkin_get_id (checkin), &error);
          g_assert_no_error (error);
        }
    }
  export_json (f->store, path);

  g_assert_cmpint (g_mkdir (other_dir, 0700), ==, 0);
  other = open_store (other_path);
  counts = import_file (other, path);
  g_assert_cmpuint (counts.entries_new, ==, 600);
  haven_test_assert_day_sums (other_dir);
  g_assert_cmpint (query_int (other, "SELECT count(*) FROM sqlite_schema"
                                     " WHERE type = 'trigger' AND name GLOB '*_days_*'"), ==, 12);

  /* Saves afterwards are counted. */
  {
    g_autoptr(HavenCheckin) checkin = haven_checkin_new (2);

    haven_checkin_set_reaction (checkin, HAVEN_REACTION_FREEZE);
    haven_checkin_set_pain_point_ids (checkin, &spot_id, 1);
    haven_store_save_checkin (other, checkin, &error);
    g_assert_no_error (error);
    haven_test_assert_day_sums (other_dir);
  }

  /* A small file into a larger journal goes through the triggers. */
  {
    g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_CONFLICT);
    g_autoptr(HavenStore) small = NULL;
    g_autofree char *small_dir = tmp_file (f, "small");
    g_autofree char *small_db = g_build_filename (small_dir, "journal.db", NULL);
    const char *reaction[] = { "appease", NULL };

    g_assert_cmpint (g_mkdir (small_dir, 0700), ==, 0);
    small = open_store (small_db);
    haven_entry_set_answer (entry, "reaction", g_variant_new_strv (reaction, -1));
    haven_store_save_entry (small, entry, &error);
    g_assert_no_error (error);
    export_json (small, small_path);

    import_file (other, small_path);
    haven_test_assert_day_sums (other_dir);
    /* The new entry, and the 100 check-ins with i % 6 == 3 but 4 in the trash (75, 225, 375,
     * 525). */
    g_assert_cmpint (query_int (other, "SELECT sum (n) FROM day_reaction"
                                       " WHERE reaction = 'appease'"), ==, 1 + 100 - 4);
  }
}

/* While the triggers are aside, a large import adds up itself what each record it adds
 * counts for (haven-day-sums.c). It must count what the triggers would have: answers of every
 * shape, lists with repeats, missing or non-numeric intensities, drafts, the same pain point
 * named twice, days the journal counts already; and when the file changes a record, whose old
 * contribution is in the tables, everything is counted again. */
static void
test_import_day_sums_shapes (Fixture       *f,
                             gconstpointer  data)
{
  static const char * const repeated[] = { "pursue", "pursue", "freeze", NULL };
  static const char * const breaks[] = { "break", "break", NULL };
  static const char * const blank[] = { "", "x", NULL };
  static const char * const walk[] = { "walk", NULL };
  static const char * const regulation[][3] = {
    { NULL }, { "break", NULL }, { "break", "walk", NULL }, { "walk", NULL },
  };
  g_autofree char *path = tmp_file (f, "journal.json");
  g_autofree char *one_dir = tmp_file (f, "one");
  g_autofree char *two_dir = tmp_file (f, "two");
  g_autofree char *one_path = g_build_filename (one_dir, "journal.db", NULL);
  g_autofree char *two_path = g_build_filename (two_dir, "journal.db", NULL);
  g_autofree char *two_json = tmp_file (f, "two.json");
  g_autoptr(HavenStore) one = NULL;
  g_autoptr(HavenStore) two = NULL;
  g_autoptr(GError) error = NULL;
  HavenImportCounts counts;
  gint64 spots[2];
  const char *names[] = { "not being heard", "criticism" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(HavenPainPoint) spot = haven_store_add_pain_point (f->store, names[i], &error);

      g_assert_no_error (error);
      spots[i] = haven_pain_point_get_id (spot);
    }

  for (guint i = 0; i < 1100; i++)
    {
      g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_CONFLICT);
      g_autoptr(HavenCheckin) checkin = haven_checkin_new (1 + i % 5);
      HavenTime at = 1767225600 + i * 7200;

      haven_entry_set_occurred_at (entry, at);
      switch (i % 8)
        {
        case 0:
          haven_entry_set_answer (entry, "reaction", g_variant_new_strv (repeated, -1));
          haven_entry_set_answer (entry, "what-helped", g_variant_new_strv (breaks, -1));
          haven_entry_set_answer (entry, "intensity", g_variant_new_int64 (9));
          haven_entry_set_answer (entry, "intensity-after", g_variant_new_int64 (3));
          break;
        case 1:
          haven_entry_set_answer (entry, "reaction", g_variant_new_string ("withdraw"));
          haven_entry_set_answer (entry, "what-helped",
                                  g_variant_new_string (i == 1 ? "hold-hands" : "walk"));
          haven_entry_set_answer (entry, "intensity", g_variant_new_int64 (5));
          haven_entry_set_answer (entry, "intensity-after", g_variant_new_int64 (5));
          break;
        case 2:
          haven_entry_set_answer (entry, "reaction", g_variant_new_int64 (3));
          haven_entry_set_answer (entry, "what-helped", g_variant_new_strv (breaks, -1));
          haven_entry_set_answer (entry, "intensity", g_variant_new_int64 (7));
          break;
        case 3:
          haven_entry_set_answer (entry, "reaction", g_variant_new_strv (NULL, 0));
          haven_entry_set_answer (entry, "what-helped", g_variant_new_strv (walk, -1));
          haven_entry_set_answer (entry, "intensity", g_variant_new_string ("7"));
          haven_entry_set_answer (entry, "intensity-after", g_variant_new_int64 (2));
          break;
        case 4:
          haven_entry_set_answer (entry, "reaction", g_variant_new_string (""));
          haven_entry_set_answer (entry, "what-helped", g_variant_new_strv (blank, -1));
          haven_entry_set_answer (entry, "intensity", g_variant_new_int64 (2));
          haven_entry_set_answer (entry, "intensity-after", g_variant_new_int64 (9));
          break;
        case 6:
          haven_entry_set_answer (entry, "reaction", g_variant_new_string ("pause"));
          haven_entry_set_is_draft (entry, TRUE);
          break;
        case 7:
          haven_entry_set_answer (entry, "reaction", g_variant_new_strv (repeated + 2, -1));
          break;
        default:
          break;
        }
      if (i % 5 == 0)
        haven_entry_set_pain_point_ids (entry, spots, 2);
      haven_store_save_entry (f->store, entry, &error);
      g_assert_no_error (error);

      haven_checkin_set_at (checkin, at + 3600);
      if (i % 3 != 0)
        haven_checkin_set_reaction (checkin, 1 + i % HAVEN_REACTION_LAST);
      haven_checkin_set_regulation (checkin, regulation[i % 4]);
      if (i % 3 != 0)
        haven_checkin_set_intensity_before (checkin, 7);
      if (i % 3 == 2)
        haven_checkin_set_intensity_after (checkin, i % 11);
      haven_checkin_set_pain_point_ids (checkin, spots, 1 + i % 2);
      haven_store_save_checkin (f->store, checkin, &error);
      g_assert_no_error (error);
    }
  export_json (f->store, path);

  /* Into an empty journal. */
  g_assert_cmpint (g_mkdir (one_dir, 0700), ==, 0);
  one = open_store (one_path);
  counts = import_file (one, path);
  g_assert_cmpuint (counts.entries_new, ==, 1100);
  g_assert_cmpuint (counts.checkins_new, ==, 1100);
  haven_test_assert_day_sums (one_dir);
  /* Not only equal to the records: the sums hold something ("pursue" once per entry). */
  g_assert_cmpint (query_int (one, "SELECT sum (n) FROM day_reaction WHERE reaction = 'pursue'"),
                   ==, query_int (one, "SELECT count (*) FROM checkin WHERE reaction = 'pursue'")
                       + 1100 / 8 + 1);
  g_assert_cmpint (query_int (one, "SELECT count (*) FROM sqlite_schema"
                                   " WHERE type = 'trigger' AND name GLOB '*_days_*'"), ==, 12);

  /* Into a smaller journal that counts some of the same days and names: the file's sums are
   * added to the rows there. Both of the file's pain points are named as the journal's one,
   * so an entry linked to both is linked to it once. */
  g_assert_cmpint (g_mkdir (two_dir, 0700), ==, 0);
  two = open_store (two_path);
  {
    g_autoptr(HavenPainPoint) spot = haven_store_add_pain_point (two, "Not being heard", &error);
    g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_CONFLICT);
    g_autoptr(HavenCheckin) checkin = haven_checkin_new (2);
    gint64 spot_id;

    g_assert_no_error (error);
    spot_id = haven_pain_point_get_id (spot);
    haven_entry_set_occurred_at (entry, 1767225600 + 60);
    haven_entry_set_answer (entry, "reaction", g_variant_new_strv (repeated, -1));
    haven_entry_set_answer (entry, "what-helped", g_variant_new_strv (breaks, -1));
    haven_entry_set_answer (entry, "intensity", g_variant_new_int64 (8));
    haven_entry_set_answer (entry, "intensity-after", g_variant_new_int64 (1));
    haven_entry_set_pain_point_ids (entry, &spot_id, 1);
    haven_store_save_entry (two, entry, &error);
    g_assert_no_error (error);
    haven_checkin_set_at (checkin, 1767225600 + 120);
    haven_checkin_set_reaction (checkin, HAVEN_REACTION_PURSUE);
    haven_checkin_set_regulation (checkin, breaks + 1);
    haven_checkin_set_intensity_before (checkin, 6);
    haven_checkin_set_intensity_after (checkin, 1);
    haven_checkin_set_pain_point_ids (checkin, &spot_id, 1);
    haven_store_save_checkin (two, checkin, &error);
    g_assert_no_error (error);
  }
  {
    g_autofree char *text = read_file (path);
    g_autoptr(GString) edited = g_string_new (text);

    g_assert_cmpuint (g_string_replace (edited, "\"criticism\"", "\"NOT BEING HEARD\"", 0), ==, 1);
    write_file (two_json, edited->str, -1);
  }
  counts = import_file (two, two_json);
  g_assert_cmpuint (counts.entries_new, ==, 1100);
  g_assert_cmpuint (counts.pain_points_new, ==, 0);
  haven_test_assert_day_sums (two_dir);
  g_assert_cmpint (query_int (two, "SELECT count (*) FROM entry_pain_point"), ==, 1 + 1100 / 5);

  /* The file changes one entry the journal has: what it counted for is in the tables, so
   * everything is counted again. */
  {
    g_autofree char *text = read_file (path);
    g_autoptr(GString) edited = g_string_new (text);
    char *strategy = strstr (edited->str, "\"hold-hands\"");
    char *updated;

    g_assert_nonnull (strategy);
    memcpy (strategy, "\"long-walk\"  ", strlen ("\"hold-hands\""));
    *strategy = '\0';
    updated = g_strrstr (edited->str, "\"updated_at\" : \"");
    *strategy = '"';
    g_assert_nonnull (updated);
    memcpy (updated + strlen ("\"updated_at\" : \""), "2100", 4);
    write_file (path, edited->str, -1);
  }
  counts = import_file (one, path);
  g_assert_cmpuint (counts.entries_updated, ==, 1);
  g_assert_cmpuint (counts.entries_new, ==, 0);
  haven_test_assert_day_sums (one_dir);
  g_assert_cmpint (query_int (one, "SELECT count (*) FROM day_help"
                                   " WHERE strategy = 'hold-hands'"), ==, 0);
  g_assert_cmpint (query_int (one, "SELECT sum (n) FROM day_help"
                                   " WHERE strategy = 'long-walk'"), ==, 1);
}

/* Times as files write them, against GDateTime's reading of the same. */
static void
test_time_from_rfc3339 (void)
{
  static const char *offsets[] = { "Z", "z", "+00:00", "+02:00", "-05:30", "+14:00", "-12:00" };
  static const char *invalid[] = {
    "1900-02-29T00:00:00Z", "2100-02-29T12:00:00Z", "2023-02-29T12:00:00Z", "2024-04-31T00:00:00Z",
    "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z", "2024-01-00T00:00:00Z", "2024-01-01T24:00:00Z",
    "2024-01-01T10:60:00Z", "2024-01-01T10:00:61Z", "2024-01-01T10:00:00", "2024-01-01T10:00:00+2:00",
    "2024-01-01T10:00:00+24:00", "2024-01-01 10:00:00Zx", "24-01-01T10:00:00Z", "",
  };
  HavenTime time;
  gint64 year;

  for (int y = HAVEN_YEAR_MIN; y <= HAVEN_YEAR_MAX; y += 7)
    for (int m = 1; m <= 12; m++)
      for (int d = 1; d <= 31; d += 3)
        for (guint o = 0; o < G_N_ELEMENTS (offsets); o++)
          {
            int h = (y + m * 5 + d) % 24, min = (m * 7 + d) % 60, sec = (y + d) % 61;
            g_autofree char *text = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%s", y, m, d,
                                                     h, min, sec, offsets[o]);
            g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (o < 2 ? "UTC" : offsets[o]);
            g_autoptr(GDateTime) dt = g_date_time_new (tz, y, m, d, h, min, MIN (sec, 59));

            if (dt == NULL)
              {
                g_assert_cmpint (_haven_time_from_rfc3339 (text, &time, &year), ==,
                                 HAVEN_TIME_INVALID);
                continue;
              }
            g_assert_cmpint (_haven_time_from_rfc3339 (text, &time, &year), ==, HAVEN_TIME_OK);
            g_assert_cmpint (time, ==, g_date_time_to_unix (dt));
          }

  g_assert_cmpint (_haven_time_from_rfc3339 ("2024-02-29T23:59:60.5+01:00", &time, &year), ==,
                   HAVEN_TIME_OK);
  g_assert_cmpint (time, ==, 1709247599);
  g_assert_cmpint (_haven_time_from_rfc3339 ("1970-01-01T00:00:00Z", &time, &year), ==,
                   HAVEN_TIME_OK);
  g_assert_cmpint (time, ==, 0);
  g_assert_cmpint (_haven_time_from_rfc3339 ("1899-12-31T23:59:59Z", &time, &year), ==,
                   HAVEN_TIME_OUT_OF_RANGE);
  g_assert_cmpint (_haven_time_from_rfc3339 ("99999-01-01T00:00:00Z", &time, &year), ==,
                   HAVEN_TIME_OUT_OF_RANGE);
  g_assert_cmpint (year, ==, 99999);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("%s", invalid[i]);
      g_assert_cmpint (_haven_time_from_rfc3339 (invalid[i], &time, &year), ==, HAVEN_TIME_INVALID);
    }
}

/* The JSON reader itself: what it takes, what it refuses and where it says so. */
static void
test_json_reader (void)
{
  static const struct
  {
    const char      *text;
    HavenJsonResult  result;
    guint            line;
    guint            column;
  } cases[] = {
    { "{}", HAVEN_JSON_OK, 0, 0 },
    { " \n[1, -2.5e3, \"x\", true, false, null, {\"a\": []}]\r\n ", HAVEN_JSON_OK, 0, 0 },
    { "[\"tab\there, raw\x1f too\"]", HAVEN_JSON_OK, 0, 0 },
    { "", HAVEN_JSON_SYNTAX, 1, 1 },
    { "[1,]", HAVEN_JSON_SYNTAX, 1, 4 },
    { "{\"a\": 1,}", HAVEN_JSON_SYNTAX, 1, 9 },
    { "{\"a\" 1}", HAVEN_JSON_SYNTAX, 1, 6 },
    { "{1: 2}", HAVEN_JSON_SYNTAX, 1, 2 },
    { "[01]", HAVEN_JSON_SYNTAX, 1, 3 },
    { "[.5]", HAVEN_JSON_SYNTAX, 1, 2 },
    { "[1.]", HAVEN_JSON_SYNTAX, 1, 4 },
    { "[1e]", HAVEN_JSON_SYNTAX, 1, 4 },
    { "[-]", HAVEN_JSON_SYNTAX, 1, 2 },
    { "[+1]", HAVEN_JSON_SYNTAX, 1, 2 },
    { "[0x10]", HAVEN_JSON_SYNTAX, 1, 3 },
    { "['a']", HAVEN_JSON_SYNTAX, 1, 2 },
    { "[tru]", HAVEN_JSON_SYNTAX, 1, 2 },
    { "[NaN]", HAVEN_JSON_SYNTAX, 1, 2 },
    { "[1 2]", HAVEN_JSON_SYNTAX, 1, 4 },
    { "[1] x", HAVEN_JSON_SYNTAX, 1, 5 },
    { "// c\n[1]", HAVEN_JSON_SYNTAX, 1, 1 },
    { "[\"\\x\"]", HAVEN_JSON_SYNTAX, 1, 3 },
    { "[\"\\u12\"]", HAVEN_JSON_SYNTAX, 1, 3 },
    { "[\"\\u0000\"]", HAVEN_JSON_SYNTAX, 1, 3 },
    { "[\"\\ud800\"]", HAVEN_JSON_SYNTAX, 1, 3 },
    { "[\"\\ud800\\u0041\"]", HAVEN_JSON_SYNTAX, 1, 3 },
    { "[\"\\udc00\"]", HAVEN_JSON_SYNTAX, 1, 3 },
    { "[\"open", HAVEN_JSON_SYNTAX, 1, 6 },
    { "[\"open\\", HAVEN_JSON_SYNTAX, 1, 7 },
    { "{\"é\":\n  [1, ]}", HAVEN_JSON_SYNTAX, 2, 7 },
    { "[[[[1]]]]", HAVEN_JSON_OK, 0, 0 },
    { "[[[[[1]]]]]", HAVEN_JSON_TOO_DEEP, 1, 5 },
  };
  g_autoptr(HavenJsonTree) tree = NULL;
  const HavenJsonValue *root, *v;
  guint line, column;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HavenJsonResult result;

      g_test_message ("%s", cases[i].text);
      result = _haven_json_tree_parse (cases[i].text, strlen (cases[i].text), 4, &tree, &line,
                                       &column);
      g_assert_cmpint (result, ==, cases[i].result);
      g_assert_true ((tree != NULL) == (result == HAVEN_JSON_OK));
      g_clear_pointer (&tree, _haven_json_tree_free);
      if (result != HAVEN_JSON_OK)
        {
          g_assert_cmpuint (line, ==, cases[i].line);
          g_assert_cmpuint (column, ==, cases[i].column);
        }
    }

  /* What the values hold. */
  {
    const char text[] =
      "{\"s\": \"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u20AC\\ud83d\\ude00\", "
      "\"i\": -9223372036854775808, \"j\": 9223372036854775807, \"big\": 9223372036854775808, "
      "\"d\": 2.5E-1, \"z\": -0, \"t\": true, \"n\": null, \"a\": [1, [], {}], "
      "\"twice\": 1, \"twice\": 2, \"\": \"empty name\"}";

    g_assert_cmpint (_haven_json_tree_parse (text, strlen (text), 4, &tree, &line, &column), ==,
                     HAVEN_JSON_OK);
    root = _haven_json_tree_get_root (tree);
    g_assert_cmpint (root->kind, ==, HAVEN_JSON_OBJECT);
    g_assert_cmpuint (root->n, ==, 12);

    v = _haven_json_object_get (root, "s");
    g_assert_cmpint (v->kind, ==, HAVEN_JSON_STRING);
    g_assert_cmpstr (v->string, ==, "a\"b\\c/d\b\f\n\r\té€😀");
    v = _haven_json_object_get (root, "i");
    g_assert_cmpint (v->kind, ==, HAVEN_JSON_INT);
    g_assert_cmpint (v->integer, ==, G_MININT64);
    v = _haven_json_object_get (root, "j");
    g_assert_cmpint (v->kind, ==, HAVEN_JSON_INT);
    g_assert_cmpint (v->integer, ==, G_MAXINT64);
    v = _haven_json_object_get (root, "big");
    g_assert_cmpint (v->kind, ==, HAVEN_JSON_DOUBLE);
    g_assert_cmpfloat (v->number, ==, 9223372036854775808.0);
    v = _haven_json_object_get (root, "d");
    g_assert_cmpint (v->kind, ==, HAVEN_JSON_DOUBLE);
    g_assert_cmpfloat (v->number, ==, 0.25);
    v = _haven_json_object_get (root, "z");
    g_assert_cmpint (v->kind, ==, HAVEN_JSON_INT);
    g_assert_cmpint (v->integer, ==, 0);
    v = _haven_json_object_get (root, "t");
    g_assert_cmpint (v->kind, ==, HAVEN_JSON_BOOLEAN);
    g_assert_true (v->boolean);
    g_assert_cmpint (_haven_json_object_get (root, "n")->kind, ==, HAVEN_JSON_NULL);
    v = _haven_json_object_get (root, "a");
    g_assert_cmpint (v->kind, ==, HAVEN_JSON_ARRAY);
    g_assert_cmpuint (v->n, ==, 3);
    g_assert_cmpint (v->elements[0].integer, ==, 1);
    g_assert_cmpint (v->elements[1].kind, ==, HAVEN_JSON_ARRAY);
    g_assert_cmpuint (v->elements[1].n, ==, 0);
    g_assert_cmpint (v->elements[2].kind, ==, HAVEN_JSON_OBJECT);
    g_assert_cmpuint (v->elements[2].n, ==, 0);
    g_assert_cmpint (_haven_json_object_get (root, "twice")->integer, ==, 2);
    g_assert_cmpstr (_haven_json_object_get (root, "")->string, ==, "empty name");
    g_assert_null (_haven_json_object_get (root, "missing"));
    g_clear_pointer (&tree, _haven_json_tree_free);
  }

  /* A string larger than a block of the tree, among small ones. */
  {
    g_autoptr(GString) big = g_string_new ("[\"x\", \"");
    g_autofree char *long_text = g_strnfill (3 * 1024 * 1024, 'y');

    g_string_append_printf (big, "%s\", \"z\"]", long_text);
    g_assert_cmpint (_haven_json_tree_parse (big->str, big->len, 4, &tree, &line, &column), ==,
                     HAVEN_JSON_OK);
    root = _haven_json_tree_get_root (tree);
    g_assert_cmpuint (root->n, ==, 3);
    g_assert_cmpstr (root->elements[0].string, ==, "x");
    g_assert_cmpstr (root->elements[1].string, ==, long_text);
    g_assert_cmpstr (root->elements[2].string, ==, "z");
  }
}

static void
test_markdown (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = tmp_file (f, "journal.md");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  HavenExportSummary summary;

  fill_sample_journal (f->store);
  haven_export_to_file (f->store, HAVEN_EXPORT_MARKDOWN, path, NULL, &summary, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_entries, ==, 2);
  g_assert_cmpuint (summary.n_checkins, ==, 2);

  text = read_file (path);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "# Haven Journal\n"));
  g_assert_nonnull (strstr (text, "### The dishes, again"));
  /* The person's text cannot become Markdown structure. */
  g_assert_nonnull (strstr (text, "\\# not a heading"));
  g_assert_nonnull (strstr (text, "\\*fine\\*"));
  /* Structured answers read as words, not ids. */
  g_assert_nonnull (strstr (text, "**How I reacted**  \nWithdraw"));
  g_assert_nonnull (strstr (text, "Slow breathing, A break"));
  g_assert_nonnull (strstr (text, "8 of 10"));
  g_assert_nonnull (strstr (text, "**What happened**"));
  g_assert_nonnull (strstr (text, "- Mood: Hard (2 of 5)"));
  g_assert_nonnull (strstr (text, "- Raw spots: feeling ignored"));
  g_assert_nonnull (strstr (text, "- Tags: work"));
  g_assert_nonnull (strstr (text, "tight chest"));
  /* Drafts and the trash stay out of a document for reading. */
  g_assert_null (strstr (text, "Half a thought"));
  g_assert_null (strstr (text, "Thrown away"));
  g_assert_cmpuint (haven_test_file_mode (path), ==, 0600);
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = tmp_file (f, "checkins.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  fill_sample_journal (f->store);
  haven_export_to_file (f->store, HAVEN_EXPORT_CSV, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  text = read_file (path);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "Date,Time,Time (UTC),Mood,"));
  /* A quoted note keeps its comma, quotes and line break; a formula stays text. */
  g_assert_nonnull (strstr (text, ",\"'=1+1, \"\"quoted\"\"\nsecond line\"\r\n"));
  g_assert_nonnull (strstr (text, "2024-04-24T23:16:40Z,2,Hard,angry; hurt,8,3,Withdraw,"
                                  "tight chest,A break; Slow breathing,feeling ignored,,"));
  lines = g_strsplit (text, "\r\n", -1);
  /* Header, two check-ins, and the empty rest after the last line break. */
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpuint (haven_test_file_mode (path), ==, 0600);
}

static void
test_export_failure_keeps_old_file (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *path = tmp_file (f, "journal.json");
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "journal.json", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *text = NULL;
  const char *name;
  guint n_files = 0;

  fill_sample_journal (f->store);

  haven_export_to_file (f->store, HAVEN_EXPORT_JSON, missing, NULL, NULL, NULL, &error);
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  write_file (path, "what was there", -1);
  g_cancellable_cancel (cancellable);
  haven_export_to_file (f->store, HAVEN_EXPORT_JSON, path, NULL, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  text = read_file (path);
  g_assert_cmpstr (text, ==, "what was there");

  /* No half-written file is left beside it. */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_test_message ("left: %s", name);
      g_assert_false (g_str_has_prefix (name, ".journal.json"));
      n_files++;
    }
  g_assert_cmpuint (n_files, >=, 2);
}

static void
test_export_replaces_with_private_file (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *path = tmp_file (f, "journal.csv");
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (022);

  write_file (path, "old", -1);
  g_chmod (path, 0644);
  haven_export_to_file (f->store, HAVEN_EXPORT_CSV, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  umask (old_umask);

  g_assert_cmpuint (haven_test_file_mode (path), ==, 0600);
}

/* Daylio ------------------------------------------------------------------------------------ */

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static void
test_daylio_fixture (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path ("daylio.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenImport) import = haven_import_new_for_file (path, &error);
  g_autoptr(GDateTime) at = g_date_time_new_utc (2024, 5, 13, 22, 30, 0);
  g_autofree char *note = NULL;
  const char * const *labels;
  const char * const expected_labels[] = { "rad", "meh", "furious", "awful", "good",
                                           "super tired", "bad", NULL };
  HavenImportCounts counts;
  g_autofree char *sql = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (haven_import_get_format (import), ==, HAVEN_IMPORT_FORMAT_DAYLIO);
  g_assert_cmpuint (haven_import_get_n_checkins (import), ==, 7);
  g_assert_cmpuint (haven_import_get_n_activities (import), ==, 6);

  labels = haven_import_get_mood_labels (import);
  g_assert_cmpstrv (labels, expected_labels);
  g_assert_false (haven_import_mood_label_is_custom (import, "rad"));
  g_assert_true (haven_import_mood_label_is_custom (import, "furious"));
  g_assert_cmpint (haven_import_get_mood_for_label (import, "rad"), ==, 5);
  g_assert_cmpint (haven_import_get_mood_for_label (import, "awful"), ==, 1);
  g_assert_cmpint (haven_import_get_mood_for_label (import, "furious"), ==, 3);

  /* The person's choices: furious is very hard, super tired is hard; activities are raw
   * spots. */
  haven_import_set_mood_for_label (import, "furious", 1);
  haven_import_set_mood_for_label (import, "super tired", 2);
  haven_import_set_activities_as (import, HAVEN_IMPORT_ACTIVITIES_AS_PAIN_POINTS);

  haven_import_run (import, f->store, &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.checkins_new, ==, 7);
  g_assert_cmpuint (counts.pain_points_new, ==, 6);
  g_assert_cmpuint (counts.tags_new, ==, 0);
  g_assert_cmpuint (haven_store_count_checkins (f->store), ==, 7);

  /* The fight: custom mood, two activities, quotes and line breaks in the note. */
  sql = g_strdup_printf ("SELECT mood FROM checkin WHERE at = %" G_GINT64_FORMAT,
                         g_date_time_to_unix (at));
  g_assert_cmpint (query_int (f->store, sql), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT note FROM checkin WHERE at = %" G_GINT64_FORMAT,
                         g_date_time_to_unix (at));
  note = query_text (f->store, sql);
  g_assert_cmpstr (note, ==, "Fight about dishes\n\nHe said \"fine\", then left.\n"
                             "I sat on the stairs for an hour.\n\nLater we talked, and it was better.");
  g_free (sql);
  sql = g_strdup_printf ("SELECT group_concat (p.name, '|') FROM (SELECT p.name FROM "
                         "checkin_pain_point l JOIN pain_point p ON p.id = l.pain_point_id "
                         "JOIN checkin c ON c.id = l.checkin_id WHERE c.at = %" G_GINT64_FORMAT
                         " ORDER BY p.name) p", g_date_time_to_unix (at));
  g_free (note);
  note = query_text (f->store, sql);
  g_assert_cmpstr (note, ==, "argument|work");

  /* 9:41 PM, the standard moods, and "Argument" is the same activity as "argument". */
  g_assert_cmpint (query_int (f->store, "SELECT mood FROM checkin WHERE note LIKE 'Good day%'"), ==, 5);
  g_assert_cmpint (query_int (f->store, "SELECT at FROM checkin WHERE note LIKE 'Good day%'"), ==,
                   1715722860);
  g_assert_cmpint (query_int (f->store, "SELECT mood FROM checkin WHERE note = 'Too tired to talk'"), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM pain_point WHERE name = 'argument'"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM checkin_pain_point l JOIN pain_point p "
                                        "ON p.id = l.pain_point_id WHERE p.name = 'argument'"), ==, 3);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM checkin_pain_point"), ==, 10);
}

static void
test_daylio_twice_and_as_tags (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *path = fixture_path ("daylio.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  HavenImportCounts counts;

  /* Tags by default. */
  counts = import_file (f->store, path);
  g_assert_cmpuint (counts.checkins_new, ==, 7);
  g_assert_cmpuint (counts.tags_new, ==, 6);
  g_assert_cmpuint (counts.pain_points_new, ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM checkin_tag"), ==, 10);

  before = journal_digest (f);
  f->store = open_store (f->path);
  counts = import_file (f->store, path);
  g_assert_cmpuint (counts.checkins_new, ==, 0);
  g_assert_cmpuint (counts.checkins_unchanged, ==, 7);
  g_assert_cmpuint (counts.tags_new, ==, 0);
  after = journal_digest (f);
  g_assert_cmpstr (before, ==, after);
}

/* Bad input: a clear message, and the journal exactly as it was ---------------------------- */

static void
assert_refused (Fixture          *f,
                const char       *contents,
                gssize            len,
                HavenImportError  code,
                const char       *message_part)
{
  g_autofree char *path = tmp_file (f, "bad-input");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenImport) import = NULL;

  fill_sample_journal (f->store);
  before = journal_digest (f);
  f->store = open_store (f->path);

  if (contents != NULL)
    write_file (path, contents, len);

  import = haven_import_new_for_file (path, &error);
  if (import != NULL)
    {
      /* Some problems show only against the journal, after part of the file is written. */
      g_assert_no_error (error);
      g_assert_false (haven_import_run (import, f->store, NULL, &error));
    }

  g_assert_nonnull (error);
  g_test_message ("message: %s", error->message);
  g_assert_error (error, HAVEN_IMPORT_ERROR, (int)code);
  g_assert_nonnull (strstr (error->message, message_part));

  after = journal_digest (f);
  g_assert_cmpstr (before, ==, after);
}

static const char valid_entry[] =
  "{\"uuid\": \"0b5f9d8e-4a43-4d2c-9a55-0d9cf1d3c001\", \"kind\": \"free\", "
  "\"occurred_at\": \"2024-05-01T18:30:00Z\", \"created_at\": \"2024-05-01T18:30:00Z\", "
  "\"updated_at\": \"2024-05-01T18:30:00Z\", \"body\": \"fine\"}";

static char *
document (const char *entries,
          const char *checkins)
{
  return g_strdup_printf ("{\"format\": \"haven-journal\", \"version\": 1, "
                          "\"entries\": [%s], \"checkins\": [%s]}",
                          entries, checkins);
}

static char *
checkin (const char *extra)
{
  return g_strdup_printf ("{\"uuid\": \"0b5f9d8e-4a43-4d2c-9a55-0d9cf1d3c002\", "
                          "\"at\": \"2024-05-01T18:30:00Z\", \"created_at\": \"2024-05-01T18:30:00Z\", "
                          "\"updated_at\": \"2024-05-01T18:30:00Z\"%s}", extra);
}

static void
test_bad_invalid_json (Fixture *f, gconstpointer data)
{
  assert_refused (f, "{\"format\": \"haven-journal\", \"version\": 1, \"entries\": [", -1,
                  HAVEN_IMPORT_ERROR_SYNTAX, "not valid JSON: it goes wrong at line 1, column 54.");
}

static void
test_bad_wrong_type (Fixture *f, gconstpointer data)
{
  g_autofree char *c = checkin (", \"mood\": \"three\"");
  g_autofree char *doc = document (valid_entry, c);

  assert_refused (f, doc, -1, HAVEN_IMPORT_ERROR_WRONG_TYPE,
                  "Check-in 1: “mood” should be a whole number, not text.");
}

static void
test_bad_missing_field (Fixture *f, gconstpointer data)
{
  g_autofree char *doc = document (valid_entry,
                                   "{\"uuid\": \"0b5f9d8e-4a43-4d2c-9a55-0d9cf1d3c002\", "
                                   "\"created_at\": \"2024-05-01T18:30:00Z\", \"mood\": 3, "
                                   "\"updated_at\": \"2024-05-01T18:30:00Z\"}");

  assert_refused (f, doc, -1, HAVEN_IMPORT_ERROR_MISSING, "Check-in 1: “at” is missing.");
}

static void
test_bad_utf8 (Fixture *f, gconstpointer data)
{
  g_autofree char *doc = document ("{\"uuid\": \"0b5f9d8e-4a43-4d2c-9a55-0d9cf1d3c001\",\n"
                                   "\"body\": \"caf\xe9\"}", "");

  assert_refused (f, doc, -1, HAVEN_IMPORT_ERROR_NOT_UTF8, "line 2 holds bytes that are not UTF-8");
}

static void
test_bad_duplicate_uuid (Fixture *f, gconstpointer data)
{
  g_autofree char *entries = g_strdup_printf ("%s, %s", valid_entry, valid_entry);
  g_autofree char *doc = document (entries, "");

  assert_refused (f, doc, -1, HAVEN_IMPORT_ERROR_DUPLICATE,
                  "Entry 2: its UUID appears more than once in the file.");
}

/* Of several problems, the one told is the first in the file, across entries and check-ins:
 * repeated uuids too. */
typedef struct
{
  const char *entries;
  const char *checkins;
  int         code;
  const char *message;
} OrderCase;

#define UUID_A "\"uuid\": \"0b5f9d8e-4a43-4d2c-9a55-0d9cf1d3c00a\""
#define UUID_B "\"uuid\": \"0b5f9d8e-4a43-4d2c-9a55-0d9cf1d3c00b\""
#define TIMES  "\"at\": \"2024-05-01T18:30:00Z\", \"created_at\": \"2024-05-01T18:30:00Z\", " \
               "\"updated_at\": \"2024-05-01T18:30:00Z\""

static const OrderCase order_cases[] = {
  /* A check-in with an entry's uuid. */
  { "{\"uuid\": \"0b5f9d8e-4a43-4d2c-9a55-0d9cf1d3c001\", \"kind\": \"free\", "
    "\"occurred_at\": \"2024-05-01T18:30:00Z\", \"created_at\": \"2024-05-01T18:30:00Z\", "
    "\"updated_at\": \"2024-05-01T18:30:00Z\"}",
    "{\"uuid\": \"0b5f9d8e-4a43-4d2c-9a55-0d9cf1d3c001\", " TIMES ", \"mood\": 2}",
    HAVEN_IMPORT_ERROR_DUPLICATE, "Check-in 1: its UUID appears more than once in the file." },
  /* A repeat before a bad check-in, and a bad check-in before a repeat. */
  { "", "{" UUID_A ", " TIMES ", \"mood\": 2}, {" UUID_A ", " TIMES ", \"mood\": 2}, "
    "{" UUID_B ", " TIMES ", \"mood\": 9}",
    HAVEN_IMPORT_ERROR_DUPLICATE, "Check-in 2: its UUID appears more than once in the file." },
  { "", "{" UUID_A ", " TIMES ", \"mood\": 2}, {" UUID_B ", " TIMES ", \"mood\": 9}, "
    "{" UUID_A ", " TIMES ", \"mood\": 2}",
    HAVEN_IMPORT_ERROR_INVALID_VALUE, "Check-in 2: “mood” is 9, but a mood goes from 1 to 5." },
  /* A bad entry comes before any check-in. */
  { "{\"uuid\": \"0b5f9d8e-4a43-4d2c-9a55-0d9cf1d3c001\", \"kind\": \"strange\", "
    "\"occurred_at\": \"2024-05-01T18:30:00Z\", \"created_at\": \"2024-05-01T18:30:00Z\", "
    "\"updated_at\": \"2024-05-01T18:30:00Z\"}",
    "{" UUID_A ", " TIMES ", \"mood\": 9}, \"not even an object\"",
    HAVEN_IMPORT_ERROR_INVALID_VALUE, "Entry 1: “kind” is not a kind of entry that Haven knows." },
  /* Check-ins that are no list at all, after good entries. */
  { "", NULL, HAVEN_IMPORT_ERROR_WRONG_TYPE, "“checkins” should be a list, not text." },
};

static void
test_bad_order (Fixture *f, gconstpointer data)
{
  const OrderCase *c = data;
  g_autofree char *doc = NULL;

  if (c->checkins != NULL)
    doc = document (c->entries, c->checkins);
  else
    doc = g_strdup_printf ("{\"format\": \"haven-journal\", \"version\": 1, \"entries\": [%s], "
                           "\"checkins\": \"none\"}", valid_entry);

  assert_refused (f, doc, -1, c->code, c->message);
}

static void
test_bad_newer_version (Fixture *f, gconstpointer data)
{
  assert_refused (f, "{\"format\": \"haven-journal\", \"version\": 2, \"entries\": []}", -1,
                  HAVEN_IMPORT_ERROR_TOO_NEW, "newer version of Haven (format version 2");
}

static void
test_bad_mood (Fixture *f, gconstpointer data)
{
  g_autofree char *c = checkin (", \"mood\": 9");
  g_autofree char *doc = document (valid_entry, c);

  assert_refused (f, doc, -1, HAVEN_IMPORT_ERROR_INVALID_VALUE,
                  "Check-in 1: “mood” is 9, but a mood goes from 1 to 5.");
}

static void
test_bad_intensity (Fixture *f, gconstpointer data)
{
  g_autofree char *c = checkin (", \"mood\": 2, \"intensity_after\": 11");
  g_autofree char *doc = document (valid_entry, c);

  assert_refused (f, doc, -1, HAVEN_IMPORT_ERROR_INVALID_VALUE,
                  "“intensity_after” is 11, but an intensity goes from 0 to 10.");
}

/* An entry's intensities are answers (haven-answers.h), 0 to 10 as a check-in's: past the
 * 64-bit edge the charts' sums could not be counted. */
static char *
entry_with_intensities (const char *intensity,
                        const char *after)
{
  g_autofree char *entry = g_strdup_printf (
    "{\"uuid\": \"0b5f9d8e-4a43-4d2c-9a55-0d9cf1d3c001\", \"kind\": \"conflict\", "
    "\"occurred_at\": \"2024-05-01T18:30:00Z\", \"created_at\": \"2024-05-01T18:30:00Z\", "
    "\"updated_at\": \"2024-05-01T18:30:00Z\", \"answers\": {\"what-helped\": [\"break\"], "
    "\"intensity\": %s, \"intensity-after\": %s}}", intensity, after);

  return document (entry, "");
}

static void
test_bad_answer_intensity (Fixture *f, gconstpointer data)
{
  g_autofree char *doc = entry_with_intensities ("-9223372036854775808", "1");

  assert_refused (f, doc, -1, HAVEN_IMPORT_ERROR_INVALID_VALUE,
                  "Entry 1: “intensity” is -9223372036854775808, but an intensity goes from 0 "
                  "to 10.");
}

static void
test_bad_answer_intensity_after (Fixture *f, gconstpointer data)
{
  g_autofree char *doc = entry_with_intensities ("8", "11");

  assert_refused (f, doc, -1, HAVEN_IMPORT_ERROR_INVALID_VALUE,
                  "Entry 1: “intensity-after” is 11, but an intensity goes from 0 to 10.");
}

/* Text under those names is only text: taken, and not counted as what helped. */
static void
test_import_text_intensity (Fixture *f, gconstpointer data)
{
  g_autofree char *doc = entry_with_intensities ("\"very\"", "2");
  g_autoptr(GBytes) bytes = g_bytes_new_static (doc, strlen (doc));
  g_autoptr(HavenImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = haven_import_new_for_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (haven_import_run (import, f->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count (*) FROM entry"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count (*) FROM day_help"), ==, 0);
}

static void
test_bad_year (Fixture *f, gconstpointer data)
{
  g_autofree char *doc = document ("{\"uuid\": \"0b5f9d8e-4a43-4d2c-9a55-0d9cf1d3c001\", "
                                   "\"kind\": \"free\", \"occurred_at\": \"99999-05-01T18:30:00Z\", "
                                   "\"created_at\": \"2024-05-01T18:30:00Z\", "
                                   "\"updated_at\": \"2024-05-01T18:30:00Z\"}", "");

  assert_refused (f, doc, -1, HAVEN_IMPORT_ERROR_INVALID_VALUE,
                  "Entry 1: “occurred_at” is in the year 99999, which cannot be right");
}

static void
test_bad_deep_nesting (Fixture *f, gconstpointer data)
{
  g_autoptr(GString) deep = g_string_new ("{\"format\": \"haven-journal\", \"version\": 1, \"x\": ");

  /* Deep enough to overflow json-glib's recursion if it were ever parsed. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');

  assert_refused (f, deep->str, deep->len, HAVEN_IMPORT_ERROR_TOO_DEEP, "nested more than 32 levels");
}

static void
test_bad_huge_file (Fixture *f, gconstpointer data)
{
  g_autofree char *path = tmp_file (f, "bad-input");
  FILE *file = fopen (path, "w");

  /* 200 MB without using the disk: a sparse file. Its size alone refuses it. */
  g_assert_nonnull (file);
  fputs ("{\"format\": \"haven-journal\"", file);
  g_assert_cmpint (ftruncate (fileno (file), 200 * 1024 * 1024), ==, 0);
  fclose (file);

  assert_refused (f, NULL, 0, HAVEN_IMPORT_ERROR_TOO_BIG, "The file is 200 MB");
}

static void
test_bad_csv_row (Fixture *f, gconstpointer data)
{
  assert_refused (f,
                  "full_date,date,weekday,time,mood,activities,note_title,note\n"
                  "2024-05-14,May 14,Tuesday,9:41 PM,rad,work,,fine\n"
                  "2024-05-13,May 13,Monday,9:41 PM,rad,work,\"never closed,note\n", -1,
                  HAVEN_IMPORT_ERROR_SYNTAX, "Line 3: a quoted field is never closed.");
}

static void
test_bad_csv_fields (Fixture *f, gconstpointer data)
{
  assert_refused (f,
                  "full_date,date,weekday,time,mood,activities,note_title,note\n"
                  "2024-05-14,May 14,Tuesday,9:41 PM,rad,work,,fine\n"
                  "2024-05-13,May 13,9:41 PM,rad\n", -1,
                  HAVEN_IMPORT_ERROR_SYNTAX,
                  "Line 3: the row has 4 fields, but the first line names 8 columns.");
}

static void
test_bad_csv_date (Fixture *f, gconstpointer data)
{
  assert_refused (f,
                  "full_date,date,weekday,time,mood,activities,note_title,note\n"
                  "14/05/2024,May 14,Tuesday,9:41 PM,rad,work,,fine\n", -1,
                  HAVEN_IMPORT_ERROR_INVALID_VALUE,
                  "Line 2: “full_date” is not a date like 2024-05-01.");
}

static void
test_bad_unknown_format (Fixture *f, gconstpointer data)
{
  assert_refused (f, "Dear diary,\ntoday was long.\n", -1, HAVEN_IMPORT_ERROR_UNKNOWN_FORMAT,
                  "neither a Haven export");
}

/* A link that resolves nowhere is found only while writing: by then an entry is written,
 * and it must go again. */
static void
test_bad_link_rolls_back (Fixture *f, gconstpointer data)
{
  g_autofree char *c = checkin (", \"mood\": 2, \"entry\": \"0b5f9d8e-4a43-4d2c-9a55-0d9cf1d3cfff\"");
  g_autofree char *doc = document (valid_entry, c);

  assert_refused (f, doc, -1, HAVEN_IMPORT_ERROR_BROKEN_LINK,
                  "Check-in 1: it belongs to an entry that is neither in the file nor in the journal.");
}

/* Here the failure comes after an entry and a check-in are written, so both search
 * triggers were set aside: they come back with the rollback. */
static void
test_bad_link_keeps_search (Fixture *f, gconstpointer data)
{
  g_autofree char *good = checkin (", \"mood\": 2, \"note\": \"harbour\"");
  g_autofree char *bad = g_strdup_printf ("{\"uuid\": \"0b5f9d8e-4a43-4d2c-9a55-0d9cf1d3c003\", "
                                          "\"at\": \"2024-05-01T18:30:00Z\", "
                                          "\"created_at\": \"2024-05-01T18:30:00Z\", "
                                          "\"updated_at\": \"2024-05-01T18:30:00Z\", \"mood\": 2, "
                                          "\"entry\": \"0b5f9d8e-4a43-4d2c-9a55-0d9cf1d3cfff\"}");
  g_autofree char *checkins = g_strdup_printf ("%s, %s", good, bad);
  g_autofree char *doc = document (valid_entry, checkins);
  g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
  g_autoptr(HavenCheckin) later = haven_checkin_new (3);
  g_autoptr(GError) error = NULL;

  assert_refused (f, doc, -1, HAVEN_IMPORT_ERROR_BROKEN_LINK,
                  "Check-in 2: it belongs to an entry that is neither in the file nor in the journal.");

  f->store = open_store (f->path);
  assert_search_index_sound (f->store);
  assert_no_fts_settings (f->store);
  g_assert_cmpuint (count_found (f->store, "harbour"), ==, 0);

  haven_entry_set_body (entry, "Lighthouse at dusk.");
  haven_store_save_entry (f->store, entry, &error);
  g_assert_no_error (error);
  haven_checkin_set_note (later, "Seagulls everywhere.");
  haven_store_save_checkin (f->store, later, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_found (f->store, "lighthouse"), ==, 1);
  g_assert_cmpuint (count_found (f->store, "seagulls"), ==, 1);
  assert_search_index_sound (f->store);
}

static void
test_disk_full_during_import (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = tmp_file (f, "big.json");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenImport) import = NULL;
  g_autoptr(GString) doc = g_string_new ("{\"format\": \"haven-journal\", \"version\": 1, \"entries\": [");
  g_autofree char *long_body = g_strnfill (4000, 'x');
  g_autofree char *sql = NULL;
  gint64 pages;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      g_string_append_printf (doc, "%s{\"uuid\": \"%s\", \"kind\": \"free\", "
                              "\"occurred_at\": \"2024-05-01T18:30:00Z\", "
                              "\"created_at\": \"2024-05-01T18:30:00Z\", "
                              "\"updated_at\": \"2024-05-01T18:30:00Z\", \"body\": \"%u %s\"}",
                              i ? ", " : "", uuid, i, long_body);
    }
  g_string_append (doc, "]}");
  write_file (path, doc->str, doc->len);

  fill_sample_journal (f->store);
  before = journal_digest (f);
  f->store = open_store (f->path);

  /* A disk with room for a few more pages only. */
  pages = query_int (f->store, "PRAGMA page_count");
  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 8);
  g_assert_cmpint (query_int (f->store, sql), ==, pages + 8);

  import = haven_import_new_for_file (path, &error);
  g_assert_no_error (error);
  g_assert_false (haven_import_run (import, f->store, NULL, &error));
  g_assert_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_FULL);
  g_test_message ("message: %s", error->message);
  g_clear_error (&error);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 2);

  after = journal_digest (f);
  g_assert_cmpstr (before, ==, after);

  /* With room again, the same import goes through. */
  f->store = open_store (f->path);
  haven_import_run (import, f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 302);
  assert_search_index_sound (f->store);
}

static void
test_import_from_bytes_and_empty (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenImport) import = haven_import_new_for_bytes (bytes, &error);

  g_assert_null (import);
  g_assert_error (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_UNKNOWN_FORMAT);
}

static void
count_cb (guint *n)
{
  (*n)++;
}

static void
test_journal_changed_signal (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = fixture_path ("daylio.csv");
  guint emitted = 0;

  g_signal_connect_swapped (f->store, "journal-changed", G_CALLBACK (count_cb), &emitted);
  import_file (f->store, path);
  g_assert_cmpuint (emitted, ==, 1);
  g_signal_handlers_disconnect_by_data (f->store, &emitted);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  /* Daylio's times are local: the test pins what local means. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD ("/export/json/round-trip", test_json_round_trip);
  ADD ("/import/json/day-sums", test_import_day_sums);
  ADD ("/import/json/day-sums-shapes", test_import_day_sums_shapes);
  ADD ("/export/json/document", test_json_document);
  ADD ("/export/markdown", test_markdown);
  ADD ("/export/csv", test_csv);
  ADD ("/export/failure-keeps-old-file", test_export_failure_keeps_old_file);
  ADD ("/export/replaces-with-private-file", test_export_replaces_with_private_file);
  ADD ("/import/json/twice-changes-nothing", test_import_twice_changes_nothing);
  ADD ("/import/json/newer-copy-wins", test_import_newer_copy_wins);
  ADD ("/import/json/emits-journal-changed", test_journal_changed_signal);
  ADD ("/import/json/search", test_import_search);
  ADD ("/import/json/stored-form", test_import_stored_form);
  g_test_add_func ("/import/json/reader", test_json_reader);
  g_test_add_func ("/import/times", test_time_from_rfc3339);
  ADD ("/import/daylio/fixture", test_daylio_fixture);
  ADD ("/import/daylio/twice-and-as-tags", test_daylio_twice_and_as_tags);
  ADD ("/import/bad/invalid-json", test_bad_invalid_json);
  ADD ("/import/bad/wrong-type", test_bad_wrong_type);
  ADD ("/import/bad/missing-field", test_bad_missing_field);
  ADD ("/import/bad/invalid-utf8", test_bad_utf8);
  ADD ("/import/bad/duplicate-uuid", test_bad_duplicate_uuid);
  ADD ("/import/bad/answer-intensity", test_bad_answer_intensity);
  ADD ("/import/bad/answer-intensity-after", test_bad_answer_intensity_after);
  ADD ("/import/json/text-intensity", test_import_text_intensity);
  ADD ("/import/bad/newer-version", test_bad_newer_version);
  ADD ("/import/bad/mood-9", test_bad_mood);
  ADD ("/import/bad/intensity-11", test_bad_intensity);
  ADD ("/import/bad/year-99999", test_bad_year);
  ADD ("/import/bad/deep-nesting", test_bad_deep_nesting);
  ADD ("/import/bad/200-mb", test_bad_huge_file);
  ADD ("/import/bad/csv-broken-row", test_bad_csv_row);
  ADD ("/import/bad/csv-wrong-field-count", test_bad_csv_fields);
  ADD ("/import/bad/csv-date", test_bad_csv_date);
  ADD ("/import/bad/unknown-format", test_bad_unknown_format);
  ADD ("/import/bad/empty", test_import_from_bytes_and_empty);
  ADD ("/import/bad/link-rolls-back", test_bad_link_rolls_back);
  ADD ("/import/bad/link-keeps-search", test_bad_link_keeps_search);
  for (guint i = 0; i < G_N_ELEMENTS (order_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/bad/order-%u", i + 1);

      g_test_add (path, Fixture, &order_cases[i], fixture_set_up, test_bad_order,
                  fixture_tear_down);
    }
  ADD ("/import/disk-full", test_disk_full_during_import);

  return g_test_run ();
}
