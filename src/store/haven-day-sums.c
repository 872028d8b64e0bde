/* haven-day-sums.c: setting the per-day sums aside for a bulk write
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Triggers keep the sums the charts read (day_mood, day_reaction, day_pain_point, day_help)
 * in step with every saved record, at several microseconds a record. For an import of a
 * hundred thousand records, counting everything once at the end is cheaper. Both steps run
 * inside the caller's transaction, so a failure anywhere rolls the triggers back into place
 * with everything else.
 */
#include "config.h"

#include "haven-store-private.h"

GPtrArray *
_haven_day_sums_hold (sqlite3  *db,
                      GError  **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (!sqlite3_get_autocommit (db), NULL);

  rc = sqlite3_prepare_v2 (db,
                           "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'"
                           " AND tbl_name IN ('entry', 'checkin', 'entry_pain_point',"
                           "                  'checkin_pain_point')"
                           " AND name GLOB '*_days_*' ORDER BY name;",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
          g_ptr_array_add (held, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _haven_set_sqlite_error (error, db, rc);
      return NULL;
    }

  for (guint i = 0; i < names->len; i++)
    {
      char *drop = sqlite3_mprintf ("DROP TRIGGER \"%w\";", (char *) names->pdata[i]);

      rc = sqlite3_exec (db, drop, NULL, NULL, NULL);
      sqlite3_free (drop);
      if (rc != SQLITE_OK)
        {
          _haven_set_sqlite_error (error, db, sqlite3_extended_errcode (db));
          return NULL;
        }
    }

  return g_steal_pointer (&held);
}

gboolean
_haven_day_sums_release (sqlite3    *db,
                         GPtrArray  *held,
                         GError    **error)
{
  g_return_val_if_fail (!sqlite3_get_autocommit (db), FALSE);
  g_return_val_if_fail (held != NULL, FALSE);

  if (!_haven_exec (db, _haven_day_sums_rebuild_sql, error))
    return FALSE;

  for (guint i = 0; i < held->len; i++)
    {
      if (!_haven_exec (db, held->pdata[i], error))
        return FALSE;
    }

  return TRUE;
}
