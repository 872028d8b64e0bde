/* haven-store-migrations.c: numbered schema steps keyed on PRAGMA user_version
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each step runs in its own transaction together with the version bump, so a journal is
 * always at exactly one version. Steps are never edited once released: a change to the
 * schema is a new step at the end.
 */
#include "config.h"

#include "haven-store-private.h"

/* Version 1: entries with their answers, check-ins, pain points linked to both, soft delete,
 * and full-text search kept in step by triggers. Times are Unix seconds, UTC.
 *
 * The JSON columns (answers, and the sets of a check-in) are written by the store only,
 * which checks them; the schema holds no json_valid() checks. */
static const char migration_1[] =
  "PRAGMA application_id = 1214346853;\n" /* HAVEN_APPLICATION_ID */

  "CREATE TABLE pain_point (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  uuid        TEXT NOT NULL UNIQUE,\n"
  "  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),\n"
  "  created_at  INTEGER NOT NULL,\n"
  "  deleted_at  INTEGER\n"
  ") STRICT;\n"
  "CREATE UNIQUE INDEX pain_point_name_idx ON pain_point (name COLLATE NOCASE)\n"
  "  WHERE deleted_at IS NULL;\n"

  "CREATE TABLE entry (\n"
  "  id           INTEGER PRIMARY KEY,\n"
  "  uuid         TEXT NOT NULL UNIQUE,\n"
  "  kind         TEXT NOT NULL\n"
  "               CHECK (kind IN ('free', 'conflict', 'boundary', 'regulation', 'reflection')),\n"
  "  flow_id      TEXT,\n"
  "  flow_step    TEXT,\n"
  "  occurred_at  INTEGER NOT NULL,\n"
  "  created_at   INTEGER NOT NULL,\n"
  "  updated_at   INTEGER NOT NULL,\n"
  "  title        TEXT NOT NULL DEFAULT '',\n"
  "  body         TEXT NOT NULL DEFAULT '',\n"
  "  answers      TEXT NOT NULL DEFAULT '{}',\n"
  "  answers_text TEXT NOT NULL DEFAULT '',\n"
  "  is_draft     INTEGER NOT NULL DEFAULT 0 CHECK (is_draft IN (0, 1)),\n"
  "  deleted_at   INTEGER\n"
  ") STRICT;\n"
  "CREATE INDEX entry_listed_idx ON entry (occurred_at, id)\n"
  "  WHERE deleted_at IS NULL AND is_draft = 0;\n"
  "CREATE INDEX entry_draft_idx ON entry (updated_at)\n"
  "  WHERE deleted_at IS NULL AND is_draft = 1;\n"
  "CREATE INDEX entry_trash_idx ON entry (deleted_at) WHERE deleted_at IS NOT NULL;\n"

  "CREATE TABLE checkin (\n"
  "  id               INTEGER PRIMARY KEY,\n"
  "  uuid             TEXT NOT NULL UNIQUE,\n"
  "  at               INTEGER NOT NULL,\n"
  "  created_at       INTEGER NOT NULL,\n"
  "  updated_at       INTEGER NOT NULL,\n"
  "  mood             INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 5),\n"
  "  emotions         TEXT NOT NULL DEFAULT '[]',\n"
  "  intensity_before INTEGER CHECK (intensity_before BETWEEN 0 AND 10),\n"
  "  reaction         TEXT CHECK (reaction IN\n"
  "                     ('pursue', 'withdraw', 'freeze', 'appease', 'reach-out', 'pause')),\n"
  "  body_signals     TEXT NOT NULL DEFAULT '[]',\n"
  "  regulation       TEXT NOT NULL DEFAULT '[]',\n"
  "  intensity_after  INTEGER CHECK (intensity_after BETWEEN 0 AND 10),\n"
  "  note             TEXT NOT NULL DEFAULT '',\n"
  "  entry_id         INTEGER REFERENCES entry (id) ON DELETE SET NULL,\n"
  "  deleted_at       INTEGER\n"
  ") STRICT;\n"
  "CREATE INDEX checkin_listed_idx ON checkin (at, id) WHERE deleted_at IS NULL;\n"
  "CREATE INDEX checkin_entry_idx ON checkin (entry_id) WHERE entry_id IS NOT NULL;\n"
  "CREATE INDEX checkin_trash_idx ON checkin (deleted_at) WHERE deleted_at IS NOT NULL;\n"

  "CREATE TABLE entry_pain_point (\n"
  "  entry_id      INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,\n"
  "  pain_point_id INTEGER NOT NULL REFERENCES pain_point (id) ON DELETE CASCADE,\n"
  "  PRIMARY KEY (entry_id, pain_point_id)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE INDEX entry_pain_point_rev_idx ON entry_pain_point (pain_point_id, entry_id);\n"

  "CREATE TABLE checkin_pain_point (\n"
  "  checkin_id    INTEGER NOT NULL REFERENCES checkin (id) ON DELETE CASCADE,\n"
  "  pain_point_id INTEGER NOT NULL REFERENCES pain_point (id) ON DELETE CASCADE,\n"
  "  PRIMARY KEY (checkin_id, pain_point_id)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE INDEX checkin_pain_point_rev_idx ON checkin_pain_point (pain_point_id, checkin_id);\n"

  /* External-content FTS5: the text lives once, in entry and checkin. */
  "CREATE VIRTUAL TABLE entry_fts USING fts5 (\n"
  "  title, body, answers_text,\n"
  "  content = 'entry', content_rowid = 'id',\n"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'\n"
  ");\n"
  "CREATE TRIGGER entry_fts_insert AFTER INSERT ON entry BEGIN\n"
  "  INSERT INTO entry_fts (rowid, title, body, answers_text)\n"
  "    VALUES (new.id, new.title, new.body, new.answers_text);\n"
  "END;\n"
  "CREATE TRIGGER entry_fts_delete AFTER DELETE ON entry BEGIN\n"
  "  INSERT INTO entry_fts (entry_fts, rowid, title, body, answers_text)\n"
  "    VALUES ('delete', old.id, old.title, old.body, old.answers_text);\n"
  "END;\n"
  "CREATE TRIGGER entry_fts_update AFTER UPDATE OF title, body, answers_text ON entry BEGIN\n"
  "  INSERT INTO entry_fts (entry_fts, rowid, title, body, answers_text)\n"
  "    VALUES ('delete', old.id, old.title, old.body, old.answers_text);\n"
  "  INSERT INTO entry_fts (rowid, title, body, answers_text)\n"
  "    VALUES (new.id, new.title, new.body, new.answers_text);\n"
  "END;\n"

  "CREATE VIRTUAL TABLE checkin_fts USING fts5 (\n"
  "  note,\n"
  "  content = 'checkin', content_rowid = 'id',\n"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'\n"
  ");\n"
  "CREATE TRIGGER checkin_fts_insert AFTER INSERT ON checkin BEGIN\n"
  "  INSERT INTO checkin_fts (rowid, note) VALUES (new.id, new.note);\n"
  "END;\n"
  "CREATE TRIGGER checkin_fts_delete AFTER DELETE ON checkin BEGIN\n"
  "  INSERT INTO checkin_fts (checkin_fts, rowid, note) VALUES ('delete', old.id, old.note);\n"
  "END;\n"
  "CREATE TRIGGER checkin_fts_update AFTER UPDATE OF note ON checkin BEGIN\n"
  "  INSERT INTO checkin_fts (checkin_fts, rowid, note) VALUES ('delete', old.id, old.note);\n"
  "  INSERT INTO checkin_fts (rowid, note) VALUES (new.id, new.note);\n"
  "END;\n";

/* Version 2: tags, for what other apps call activities (a Daylio import brings them). */
static const char migration_2[] =
  "CREATE TABLE tag (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  uuid        TEXT NOT NULL UNIQUE,\n"
  "  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),\n"
  "  created_at  INTEGER NOT NULL\n"
  ") STRICT;\n"
  "CREATE UNIQUE INDEX tag_name_idx ON tag (name COLLATE NOCASE);\n"
  "CREATE TABLE entry_tag (\n"
  "  entry_id  INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,\n"
  "  tag_id    INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,\n"
  "  PRIMARY KEY (entry_id, tag_id)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE INDEX entry_tag_rev_idx ON entry_tag (tag_id, entry_id);\n"
  "CREATE TABLE checkin_tag (\n"
  "  checkin_id INTEGER NOT NULL REFERENCES checkin (id) ON DELETE CASCADE,\n"
  "  tag_id     INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,\n"
  "  PRIMARY KEY (checkin_id, tag_id)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE INDEX checkin_tag_rev_idx ON checkin_tag (tag_id, checkin_id);\n";

/* Version 3: the local day of every entry and check-in, and sums per day for the charts,
 * kept in step by triggers, so a chart over ten years reads a few thousand small rows
 * instead of every record and its answers.
 *
 * The day is written once, by the store (haven_local_day, a function of the connection),
 * from the time zone at the time of writing: a moment stays on the day it was lived.
 *
 * A record counts while it is live: a check-in not in the trash; an entry neither in the
 * trash nor a draft. Each trigger takes a record's old contribution away and adds the new
 * one; a row that drops to zero is removed. A reaction or strategy counts once per record.
 * The sums are exact, never estimates, so a chart and the list behind it always agree. */

#define CHECKIN_ADD(r) \
  "  UPDATE listed_count SET n = n + 1 WHERE kind = 'checkin';\n" \
  "  INSERT INTO day_mood (day, n, mood_total) VALUES (" r ".day, 1, " r ".mood)\n" \
  "    ON CONFLICT DO UPDATE SET n = n + 1, mood_total = mood_total + excluded.mood_total;\n" \
  "  INSERT INTO day_reaction (day, reaction, n)\n" \
  "    SELECT " r ".day, " r ".reaction, 1 WHERE " r ".reaction IS NOT NULL\n" \
  "    ON CONFLICT DO UPDATE SET n = n + 1;\n" \
  "  INSERT INTO day_pain_point (day, pain_point_id, n)\n" \
  "    SELECT " r ".day, pain_point_id, 1 FROM checkin_pain_point WHERE checkin_id = " r ".id\n" \
  "    ON CONFLICT DO UPDATE SET n = n + 1;\n" \
  "  INSERT INTO day_help (day, strategy, n, drop_total)\n" \
  "    SELECT DISTINCT " r ".day, value, 1, " r ".intensity_before - " r ".intensity_after\n" \
  "      FROM json_each (" r ".regulation)\n" \
  "      WHERE type = 'text' AND " r ".intensity_before IS NOT NULL\n" \
  "       AND " r ".intensity_after IS NOT NULL\n" \
  "    ON CONFLICT DO UPDATE SET n = n + 1, drop_total = drop_total + excluded.drop_total;\n"

#define CHECKIN_REMOVE(r) \
  "  UPDATE listed_count SET n = n - 1 WHERE kind = 'checkin';\n" \
  "  UPDATE day_mood SET n = n - 1, mood_total = mood_total - " r ".mood\n" \
  "    WHERE day = " r ".day;\n" \
  "  UPDATE day_reaction SET n = n - 1 WHERE day = " r ".day AND reaction = " r ".reaction;\n" \
  "  UPDATE day_pain_point SET n = n - 1 WHERE day = " r ".day AND pain_point_id IN\n" \
  "    (SELECT pain_point_id FROM checkin_pain_point WHERE checkin_id = " r ".id);\n" \
  "  UPDATE day_help\n" \
  "    SET n = n - 1, drop_total = drop_total - (" r ".intensity_before - " r ".intensity_after)\n" \
  "    WHERE day = " r ".day AND " r ".intensity_before IS NOT NULL\n" \
  "     AND " r ".intensity_after IS NOT NULL AND strategy IN\n" \
  "     (SELECT value FROM json_each (" r ".regulation) WHERE type = 'text');\n" \
  REMOVE_EMPTY (r)

#define ENTRY_ADD(r) \
  "  UPDATE listed_count SET n = n + 1 WHERE kind = 'entry';\n" \
  "  INSERT INTO day_reaction (day, reaction, n)\n" \
  "    SELECT DISTINCT " r ".day, value, 1 FROM json_each (" r ".answers, '$.reaction')\n" \
  "      WHERE type = 'text'\n" \
  "    ON CONFLICT DO UPDATE SET n = n + 1;\n" \
  "  INSERT INTO day_pain_point (day, pain_point_id, n)\n" \
  "    SELECT " r ".day, pain_point_id, 1 FROM entry_pain_point WHERE entry_id = " r ".id\n" \
  "    ON CONFLICT DO UPDATE SET n = n + 1;\n" \
  "  INSERT INTO day_help (day, strategy, n, drop_total)\n" \
  "    SELECT DISTINCT " r ".day, value, 1,\n" \
  "      (" r ".answers ->> '$.intensity') - (" r ".answers ->> '$.\"intensity-after\"')\n" \
  "      FROM json_each (" r ".answers, '$.\"what-helped\"')\n" \
  "      WHERE type = 'text' AND json_type (" r ".answers, '$.intensity') = 'integer'\n" \
  "       AND json_type (" r ".answers, '$.\"intensity-after\"') = 'integer'\n" \
  "    ON CONFLICT DO UPDATE SET n = n + 1, drop_total = drop_total + excluded.drop_total;\n"

#define ENTRY_REMOVE(r) \
  "  UPDATE listed_count SET n = n - 1 WHERE kind = 'entry';\n" \
  "  UPDATE day_reaction SET n = n - 1 WHERE day = " r ".day AND reaction IN\n" \
  "    (SELECT value FROM json_each (" r ".answers, '$.reaction') WHERE type = 'text');\n" \
  "  UPDATE day_pain_point SET n = n - 1 WHERE day = " r ".day AND pain_point_id IN\n" \
  "    (SELECT pain_point_id FROM entry_pain_point WHERE entry_id = " r ".id);\n" \
  "  UPDATE day_help\n" \
  "    SET n = n - 1, drop_total = drop_total - ((" r ".answers ->> '$.intensity') -\n" \
  "                                             (" r ".answers ->> '$.\"intensity-after\"'))\n" \
  "    WHERE day = " r ".day AND json_type (" r ".answers, '$.intensity') = 'integer'\n" \
  "     AND json_type (" r ".answers, '$.\"intensity-after\"') = 'integer' AND strategy IN\n" \
  "     (SELECT value FROM json_each (" r ".answers, '$.\"what-helped\"') WHERE type = 'text');\n" \
  REMOVE_EMPTY (r)

#define REMOVE_EMPTY(r) \
  "  DELETE FROM day_mood WHERE day = " r ".day AND n = 0;\n" \
  "  DELETE FROM day_reaction WHERE day = " r ".day AND n = 0;\n" \
  "  DELETE FROM day_pain_point WHERE day = " r ".day AND n = 0;\n" \
  "  DELETE FROM day_help WHERE day = " r ".day AND n = 0;\n"

#define CHECKIN_LIVE(r) r ".deleted_at IS NULL"
#define ENTRY_LIVE(r)   r ".deleted_at IS NULL AND " r ".is_draft = 0"

/* The sums, counted from the records. Also what a large import runs after setting the
 * triggers aside (_haven_day_sums_rebuild_sql). */
#define DAY_SUMS_FROM_RECORDS \
  "INSERT INTO listed_count (kind, n) VALUES\n" \
  "  ('entry', (SELECT count (*) FROM entry WHERE deleted_at IS NULL AND is_draft = 0)),\n" \
  "  ('checkin', (SELECT count (*) FROM checkin WHERE deleted_at IS NULL));\n" \
  "INSERT INTO day_mood (day, n, mood_total)\n" \
  "  SELECT day, count (*), sum (mood) FROM checkin WHERE deleted_at IS NULL GROUP BY day;\n" \
  "INSERT INTO day_reaction (day, reaction, n)\n" \
  "  SELECT day, r, count (*) FROM (\n" \
  "    SELECT day, reaction AS r FROM checkin\n" \
  "      WHERE deleted_at IS NULL AND reaction IS NOT NULL\n" \
  "    UNION ALL\n" \
  "    SELECT e.day, j.value FROM entry e, json_each (e.answers, '$.reaction') j\n" \
  "      WHERE e.deleted_at IS NULL AND e.is_draft = 0 AND j.type = 'text'\n" \
  "      GROUP BY e.id, j.value)\n" \
  "  GROUP BY day, r;\n" \
  "INSERT INTO day_pain_point (day, pain_point_id, n)\n" \
  "  SELECT day, p, count (*) FROM (\n" \
  "    SELECT c.day, cp.pain_point_id AS p\n" \
  "      FROM checkin c JOIN checkin_pain_point cp ON cp.checkin_id = c.id\n" \
  "      WHERE c.deleted_at IS NULL\n" \
  "    UNION ALL\n" \
  "    SELECT e.day, ep.pain_point_id\n" \
  "      FROM entry e JOIN entry_pain_point ep ON ep.entry_id = e.id\n" \
  "      WHERE e.deleted_at IS NULL AND e.is_draft = 0)\n" \
  "  GROUP BY day, p;\n" \
  "INSERT INTO day_help (day, strategy, n, drop_total)\n" \
  "  SELECT day, s, count (*), sum (b - a) FROM (\n" \
  "    SELECT c.day, j.value AS s, c.intensity_before AS b, c.intensity_after AS a\n" \
  "      FROM checkin c, json_each (c.regulation) j\n" \
  "      WHERE c.deleted_at IS NULL AND c.intensity_before IS NOT NULL\n" \
  "       AND c.intensity_after IS NOT NULL AND j.type = 'text'\n" \
  "      GROUP BY c.id, j.value\n" \
  "    UNION ALL\n" \
  "    SELECT e.day, j.value, e.answers ->> '$.intensity',\n" \
  "      e.answers ->> '$.\"intensity-after\"'\n" \
  "      FROM entry e, json_each (e.answers, '$.\"what-helped\"') j\n" \
  "      WHERE e.deleted_at IS NULL AND e.is_draft = 0 AND j.type = 'text'\n" \
  "       AND json_type (e.answers, '$.intensity') = 'integer'\n" \
  "       AND json_type (e.answers, '$.\"intensity-after\"') = 'integer'\n" \
  "      GROUP BY e.id, j.value)\n" \
  "  GROUP BY day, s;\n"

static const char migration_3[] =
  /* Earlier versions stored U+001F unescaped inside the JSON (json-glib 1.6 misses it), which
   * SQLite's json functions refuse: escape it, as the store now does when it writes. */
  "UPDATE entry SET answers = replace (answers, char (31), '\\u001f')\n"
  "  WHERE instr (answers, char (31)) > 0;\n"
  "UPDATE checkin SET emotions = replace (emotions, char (31), '\\u001f'),\n"
  "  body_signals = replace (body_signals, char (31), '\\u001f'),\n"
  "  regulation = replace (regulation, char (31), '\\u001f')\n"
  "  WHERE instr (emotions || body_signals || regulation, char (31)) > 0;\n"

  "ALTER TABLE entry ADD COLUMN day INTEGER;\n"
  "ALTER TABLE checkin ADD COLUMN day INTEGER;\n"
  "UPDATE entry SET day = haven_local_day (occurred_at);\n"
  "UPDATE checkin SET day = haven_local_day (at);\n"

  /* How many entries and check-ins the journal lists, so the list knows its length at
   * start without counting a hundred thousand rows. */
  "CREATE TABLE listed_count (\n"
  "  kind  TEXT NOT NULL PRIMARY KEY CHECK (kind IN ('entry', 'checkin')),\n"
  "  n     INTEGER NOT NULL\n"
  ") STRICT, WITHOUT ROWID;\n"

  /* Days are days since 1 January 1970, local. */
  "CREATE TABLE day_mood (\n"
  "  day         INTEGER NOT NULL PRIMARY KEY,\n"
  "  n           INTEGER NOT NULL,\n"
  "  mood_total  INTEGER NOT NULL\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE day_reaction (\n"
  "  day       INTEGER NOT NULL,\n"
  "  reaction  TEXT NOT NULL,\n"
  "  n         INTEGER NOT NULL,\n"
  "  PRIMARY KEY (day, reaction)\n"
  ") STRICT, WITHOUT ROWID;\n"
  "CREATE TABLE day_pain_point (\n"
  "  day            INTEGER NOT NULL,\n"
  "  pain_point_id  INTEGER NOT NULL,\n"
  "  n              INTEGER NOT NULL,\n"
  "  PRIMARY KEY (day, pain_point_id)\n"
  ") STRICT, WITHOUT ROWID;\n"
  /* What helps: per strategy, how many times, and the sum of (before - after). */
  "CREATE TABLE day_help (\n"
  "  day         INTEGER NOT NULL,\n"
  "  strategy    TEXT NOT NULL,\n"
  "  n           INTEGER NOT NULL,\n"
  "  drop_total  INTEGER NOT NULL,\n"
  "  PRIMARY KEY (day, strategy)\n"
  ") STRICT, WITHOUT ROWID;\n"
  /* All the numbers, by strategy: the chart sums a period per strategy from this alone. */
  "CREATE INDEX day_help_strategy_idx ON day_help (strategy, day, n, drop_total);\n"

  DAY_SUMS_FROM_RECORDS

  "CREATE TRIGGER checkin_days_insert AFTER INSERT ON checkin\n"
  "  WHEN " CHECKIN_LIVE ("new") " BEGIN\n"
  CHECKIN_ADD ("new")
  "END;\n"
  /* Before, while its pain points are still linked: deleting the links afterwards (the
   * cascade) finds no check-in and takes nothing away twice. */
  "CREATE TRIGGER checkin_days_delete BEFORE DELETE ON checkin\n"
  "  WHEN " CHECKIN_LIVE ("old") " BEGIN\n"
  CHECKIN_REMOVE ("old")
  "END;\n"
  "CREATE TRIGGER checkin_days_update_old AFTER UPDATE OF day, mood, reaction, regulation,\n"
  "  intensity_before, intensity_after, deleted_at ON checkin\n"
  "  WHEN " CHECKIN_LIVE ("old") " BEGIN\n"
  CHECKIN_REMOVE ("old")
  "END;\n"
  "CREATE TRIGGER checkin_days_update_new AFTER UPDATE OF day, mood, reaction, regulation,\n"
  "  intensity_before, intensity_after, deleted_at ON checkin\n"
  "  WHEN " CHECKIN_LIVE ("new") " BEGIN\n"
  CHECKIN_ADD ("new")
  "END;\n"

  "CREATE TRIGGER entry_days_insert AFTER INSERT ON entry\n"
  "  WHEN " ENTRY_LIVE ("new") " BEGIN\n"
  ENTRY_ADD ("new")
  "END;\n"
  "CREATE TRIGGER entry_days_delete BEFORE DELETE ON entry\n"
  "  WHEN " ENTRY_LIVE ("old") " BEGIN\n"
  ENTRY_REMOVE ("old")
  "END;\n"
  "CREATE TRIGGER entry_days_update_old AFTER UPDATE OF day, answers, is_draft, deleted_at\n"
  "  ON entry WHEN " ENTRY_LIVE ("old") " BEGIN\n"
  ENTRY_REMOVE ("old")
  "END;\n"
  "CREATE TRIGGER entry_days_update_new AFTER UPDATE OF day, answers, is_draft, deleted_at\n"
  "  ON entry WHEN " ENTRY_LIVE ("new") " BEGIN\n"
  ENTRY_ADD ("new")
  "END;\n"

  "CREATE TRIGGER checkin_pain_point_days_insert AFTER INSERT ON checkin_pain_point BEGIN\n"
  "  INSERT INTO day_pain_point (day, pain_point_id, n)\n"
  "    SELECT day, new.pain_point_id, 1 FROM checkin\n"
  "      WHERE id = new.checkin_id AND deleted_at IS NULL\n"
  "    ON CONFLICT DO UPDATE SET n = n + 1;\n"
  "END;\n"
  "CREATE TRIGGER checkin_pain_point_days_delete AFTER DELETE ON checkin_pain_point BEGIN\n"
  "  UPDATE day_pain_point SET n = n - 1 WHERE pain_point_id = old.pain_point_id AND day =\n"
  "    (SELECT day FROM checkin WHERE id = old.checkin_id AND deleted_at IS NULL);\n"
  "  DELETE FROM day_pain_point WHERE pain_point_id = old.pain_point_id AND n = 0 AND day =\n"
  "    (SELECT day FROM checkin WHERE id = old.checkin_id AND deleted_at IS NULL);\n"
  "END;\n"
  "CREATE TRIGGER entry_pain_point_days_insert AFTER INSERT ON entry_pain_point BEGIN\n"
  "  INSERT INTO day_pain_point (day, pain_point_id, n)\n"
  "    SELECT day, new.pain_point_id, 1 FROM entry\n"
  "      WHERE id = new.entry_id AND deleted_at IS NULL AND is_draft = 0\n"
  "    ON CONFLICT DO UPDATE SET n = n + 1;\n"
  "END;\n"
  "CREATE TRIGGER entry_pain_point_days_delete AFTER DELETE ON entry_pain_point BEGIN\n"
  "  UPDATE day_pain_point SET n = n - 1 WHERE pain_point_id = old.pain_point_id AND day =\n"
  "    (SELECT day FROM entry WHERE id = old.entry_id AND deleted_at IS NULL AND is_draft = 0);\n"
  "  DELETE FROM day_pain_point WHERE pain_point_id = old.pain_point_id AND n = 0 AND day =\n"
  "    (SELECT day FROM entry WHERE id = old.entry_id AND deleted_at IS NULL AND is_draft = 0);\n"
  "END;\n";

/* The current way of counting the sums; a later version that counts differently gives
 * migration 3 its own copy of this one. */
const char _haven_day_sums_rebuild_sql[] =
  "DELETE FROM listed_count;\n"
  "DELETE FROM day_mood;\n"
  "DELETE FROM day_reaction;\n"
  "DELETE FROM day_pain_point;\n"
  "DELETE FROM day_help;\n"
  DAY_SUMS_FROM_RECORDS;

static const char * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == HAVEN_SCHEMA_VERSION);

gboolean
_haven_migrations_run (sqlite3  *db,
                       int       from_version,
                       GError  **error)
{
  g_return_val_if_fail (from_version >= 0 && from_version <= HAVEN_SCHEMA_VERSION, FALSE);

  for (int version = from_version + 1; version <= HAVEN_SCHEMA_VERSION; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d;", version);

      if (!_haven_exec (db, "BEGIN IMMEDIATE;", error))
        return FALSE;

      if (!_haven_exec (db, migrations[version - 1], error) || !_haven_exec (db, bump, error))
        {
          g_prefix_error (error, "Updating the journal to version %d failed: ", version);
          sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
          return FALSE;
        }

      if (!_haven_exec (db, "COMMIT;", error))
        {
          sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
          return FALSE;
        }

      g_debug ("Journal schema now at version %d", version);
    }

  return TRUE;
}
