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

static const char * const migrations[] = {
  migration_1,
  migration_2,
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
