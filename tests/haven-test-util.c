/* haven-test-util.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "haven-test-util.h"

char *
haven_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("haven-test-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

void
haven_test_rmtree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            haven_test_rmtree (child);
          else
            g_unlink (child);
        }
    }

  g_rmdir (path);
}

char *
haven_test_file_digest (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

guint
haven_test_file_mode (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_mode & 07777;
}

gboolean
haven_test_is_root (void)
{
  return geteuid () == 0;
}

gint64
haven_test_query_int (sqlite3    *db,
                      const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

/* The sums the schema keeps for the charts and the list (listed_count, day_*), against what
 * the records themselves say. */
static const char * const expected_days_sql[] = {
  /* listed_count */
  "SELECT 'entry', count (*) FROM entry WHERE deleted_at IS NULL AND is_draft = 0"
  " UNION ALL SELECT 'checkin', count (*) FROM checkin WHERE deleted_at IS NULL",
  /* day_mood */
  "SELECT day, count (*), sum (mood) FROM checkin WHERE deleted_at IS NULL GROUP BY day",
  /* day_reaction: texts, once per record */
  "SELECT day, r, count (*) FROM ("
  " SELECT 'c' || id, day, reaction AS r FROM checkin"
  "  WHERE deleted_at IS NULL AND reaction IS NOT NULL"
  " UNION"
  " SELECT 'e' || e.id, e.day, j.value FROM entry e, json_each (e.answers, '$.reaction') j"
  "  WHERE e.deleted_at IS NULL AND e.is_draft = 0 AND j.type = 'text')"
  " GROUP BY day, r",
  /* day_pain_point */
  "SELECT day, p, count (*) FROM ("
  " SELECT c.day, cp.pain_point_id AS p FROM checkin c, checkin_pain_point cp"
  "  WHERE cp.checkin_id = c.id AND c.deleted_at IS NULL"
  " UNION ALL"
  " SELECT e.day, ep.pain_point_id FROM entry e, entry_pain_point ep"
  "  WHERE ep.entry_id = e.id AND e.deleted_at IS NULL AND e.is_draft = 0)"
  " GROUP BY day, p",
  /* day_help: where both intensities are whole numbers, once per text and record */
  "SELECT day, s, count (*), sum (d) FROM ("
  " SELECT 'c' || c.id, c.day, j.value AS s, c.intensity_before - c.intensity_after AS d"
  "  FROM checkin c, json_each (c.regulation) j"
  "  WHERE c.deleted_at IS NULL AND c.intensity_before IS NOT NULL"
  "   AND c.intensity_after IS NOT NULL"
  " UNION"
  " SELECT 'e' || e.id, e.day, j.value,"
  "  json_extract (e.answers, '$.intensity') - json_extract (e.answers, '$.\"intensity-after\"')"
  "  FROM entry e, json_each (e.answers, '$.\"what-helped\"') j"
  "  WHERE e.deleted_at IS NULL AND e.is_draft = 0"
  "   AND j.type = 'text' AND json_type (e.answers, '$.intensity') = 'integer'"
  "   AND json_type (e.answers, '$.\"intensity-after\"') = 'integer')"
  " GROUP BY day, s",
};

static const char * const kept_days_sql[] = {
  "SELECT kind, n FROM listed_count",
  "SELECT day, n, mood_total FROM day_mood",
  "SELECT day, reaction, n FROM day_reaction",
  "SELECT day, pain_point_id, n FROM day_pain_point",
  "SELECT day, strategy, n, drop_total FROM day_help",
};

static gint64
local_day_of (gint64 at)
{
  g_autoptr(GDateTime) local_time = g_date_time_new_from_unix_local (at);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local_time),
                  g_date_time_get_month (local_time), g_date_time_get_year (local_time));
  return (gint64) g_date_get_julian (&date) - 719163;
}

void
haven_test_assert_day_sums (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *records[] = { "SELECT at, day FROM checkin", "SELECT occurred_at, day FROM entry" };

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  /* Every record carries its local day. */
  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (db, records[i], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==,
                         local_day_of (sqlite3_column_int64 (stmt, 0)));
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected_days_sql); i++)
    {
      g_autofree char *missing = g_strdup_printf ("SELECT count (*) FROM (SELECT * FROM (%s)"
                                                  " EXCEPT SELECT * FROM (%s))",
                                                  expected_days_sql[i], kept_days_sql[i]);
      g_autofree char *extra = g_strdup_printf ("SELECT count (*) FROM (SELECT * FROM (%s)"
                                                " EXCEPT SELECT * FROM (%s))",
                                                kept_days_sql[i], expected_days_sql[i]);

      g_assert_cmpint (haven_test_query_int (db, missing), ==, 0);
      g_assert_cmpint (haven_test_query_int (db, extra), ==, 0);
    }

  sqlite3_close (db);
}
