/* haven-day-sums.c: setting the per-day sums aside for a bulk write
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Triggers keep the sums the charts read (day_mood, day_reaction, day_pain_point, day_help)
 * in step with every saved record, at several microseconds a record. For an import of a
 * hundred thousand records that is too slow, and so is counting the whole journal again at
 * the end (reading every entry's answers: 0.6 s for the benchmark's large journal). So while
 * the triggers are set aside, the writer tells the hold what each added record counts for,
 * the hold adds it up in memory, and at the end adds the totals to the tables, one row per
 * day and thing counted. Only when a record was changed rather than added (its old
 * contribution is in the tables, not in the hold) is everything counted again from the
 * records. Both steps run inside the caller's transaction, so a failure anywhere rolls the
 * triggers back into place with everything else.
 *
 * What a record counts for is what the triggers of migration 3 count: a reaction or strategy
 * once per record, a pain point once per link, "what helped" only with both intensities.
 */
#include "config.h"

#include <string.h>

#include "haven-store-private.h"

typedef enum
{
  SUM_MOOD,
  SUM_REACTION,
  SUM_PAIN_POINT,
  SUM_HELP,
  N_SUMS
} SumTable;

/* One row of one table: the day and what is counted on it. */
typedef struct
{
  SumTable     table;
  gint64       day;
  gint64       id;      /* SUM_PAIN_POINT */
  const char  *text;    /* SUM_REACTION, SUM_HELP: in the hold's string chunk */
} SumKey;

typedef struct
{
  SumKey  key;
  gint64  n;
  gint64  total;        /* mood_total, drop_total */
} SumRow;

struct _HavenDaySumsHold
{
  GPtrArray     *triggers;     /* their SQL, to make them again */
  GHashTable    *rows;         /* SumKey → SumRow (the key is the row's own) */
  GStringChunk  *texts;
  gint64         entries;      /* listed entries added */
  gint64         checkins;
  gboolean       recount;
};

static guint
sum_key_hash (gconstpointer data)
{
  const SumKey *key = data;
  guint hash = (guint)key->table * 31u + (guint)key->day * 2654435761u + (guint)key->id;

  if (key->text != NULL)
    hash = hash * 33u + g_str_hash (key->text);

  return hash;
}

static gboolean
sum_key_equal (gconstpointer a,
               gconstpointer b)
{
  const SumKey *x = a, *y = b;

  return x->table == y->table && x->day == y->day && x->id == y->id &&
         g_strcmp0 (x->text, y->text) == 0;
}

HavenDaySumsHold *
_haven_day_sums_hold (sqlite3  *db,
                      GError  **error)
{
  g_autoptr(HavenDaySumsHold) hold = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (!sqlite3_get_autocommit (db), NULL);

  hold = g_new0 (HavenDaySumsHold, 1);
  hold->triggers = g_ptr_array_new_with_free_func (g_free);
  hold->rows = g_hash_table_new_full (sum_key_hash, sum_key_equal, NULL, g_free);
  hold->texts = g_string_chunk_new (4096);

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
          g_ptr_array_add (hold->triggers,
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
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

  return g_steal_pointer (&hold);
}

void
_haven_day_sums_hold_free (HavenDaySumsHold *hold)
{
  if (hold == NULL)
    return;

  g_ptr_array_unref (hold->triggers);
  g_hash_table_unref (hold->rows);
  g_string_chunk_free (hold->texts);
  g_free (hold);
}

static void
add (HavenDaySumsHold *hold,
     SumTable          table,
     gint64            day,
     gint64            id,
     const char       *text,
     gint64            total)
{
  SumKey key = { table, day, id, text };
  SumRow *row = g_hash_table_lookup (hold->rows, &key);

  if (row == NULL)
    {
      row = g_new0 (SumRow, 1);
      row->key = key;
      if (text != NULL)
        row->key.text = g_string_chunk_insert_const (hold->texts, text);
      g_hash_table_add (hold->rows, row);
    }

  row->n++;
  row->total += total;
}

/* Each text of a list once, as the triggers' SELECT DISTINCT has it. */
static void
add_texts (HavenDaySumsHold   *hold,
           SumTable            table,
           gint64              day,
           const char * const *texts,
           gint64              total)
{
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < i && !seen; j++)
        seen = strcmp (texts[i], texts[j]) == 0;
      if (!seen)
        add (hold, table, day, 0, texts[i], total);
    }
}

/* Each linked pain point once: a link table holds a pair once. */
static void
add_pain_points (HavenDaySumsHold *hold,
                 gint64            day,
                 const gint64     *ids,
                 guint             n_ids)
{
  for (guint i = 0; i < n_ids; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < i && !seen; j++)
        seen = ids[i] == ids[j];
      if (!seen)
        add (hold, SUM_PAIN_POINT, day, ids[i], NULL, 0);
    }
}

/* The intensities go from 0 to 10 (the importer refuses others), so their differences add
 * up without overflowing. */
void
_haven_day_sums_add_entry (HavenDaySumsHold   *hold,
                           gint64              day,
                           const char * const *reactions,
                           const char * const *helped,
                           gboolean            has_intensities,
                           gint64              intensity,
                           gint64              intensity_after,
                           const gint64       *pain_point_ids,
                           guint               n_pain_points)
{
  g_return_if_fail (hold != NULL);

  hold->entries++;
  add_texts (hold, SUM_REACTION, day, reactions, 0);
  add_pain_points (hold, day, pain_point_ids, n_pain_points);
  if (has_intensities)
    add_texts (hold, SUM_HELP, day, helped, intensity - intensity_after);
}

void
_haven_day_sums_add_checkin (HavenDaySumsHold   *hold,
                             gint64              day,
                             int                 mood,
                             const char         *reaction,
                             const char * const *regulation,
                             gboolean            has_intensities,
                             int                 intensity_before,
                             int                 intensity_after,
                             const gint64       *pain_point_ids,
                             guint               n_pain_points)
{
  g_return_if_fail (hold != NULL);

  hold->checkins++;
  add (hold, SUM_MOOD, day, 0, NULL, mood);
  if (reaction != NULL)
    add (hold, SUM_REACTION, day, 0, reaction, 0);
  add_pain_points (hold, day, pain_point_ids, n_pain_points);
  if (has_intensities)
    add_texts (hold, SUM_HELP, day, regulation, intensity_before - intensity_after);
}

void
_haven_day_sums_recount (HavenDaySumsHold *hold)
{
  g_return_if_fail (hold != NULL);

  hold->recount = TRUE;
}

/* In the order of the tables' keys, so that SQLite walks each b-tree once. */
static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const SumKey *x = &(*(const SumRow * const *)a)->key;
  const SumKey *y = &(*(const SumRow * const *)b)->key;

  if (x->table != y->table)
    return x->table < y->table ? -1 : 1;
  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  if (x->id != y->id)
    return x->id < y->id ? -1 : 1;

  return g_strcmp0 (x->text, y->text);
}

static gboolean
add_to_tables (sqlite3           *db,
               HavenDaySumsHold  *hold,
               GError           **error)
{
  static const char * const upsert_sql[N_SUMS] = {
    "INSERT INTO day_mood (day, n, mood_total) VALUES (?1, ?3, ?4)"
    " ON CONFLICT DO UPDATE SET n = n + excluded.n,"
    " mood_total = mood_total + excluded.mood_total;",
    "INSERT INTO day_reaction (day, reaction, n) VALUES (?1, ?2, ?3)"
    " ON CONFLICT DO UPDATE SET n = n + excluded.n;",
    "INSERT INTO day_pain_point (day, pain_point_id, n) VALUES (?1, ?2, ?3)"
    " ON CONFLICT DO UPDATE SET n = n + excluded.n;",
    "INSERT INTO day_help (day, strategy, n, drop_total) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT DO UPDATE SET n = n + excluded.n,"
    " drop_total = drop_total + excluded.drop_total;",
  };
  sqlite3_stmt *upsert[N_SUMS] = { NULL, };
  g_autoptr(GPtrArray) rows = g_ptr_array_sized_new (g_hash_table_size (hold->rows));
  g_autofree char *count_sql = NULL;
  GHashTableIter iter;
  gpointer value;
  int rc = SQLITE_OK;

  count_sql = g_strdup_printf ("UPDATE listed_count SET n = n + %" G_GINT64_FORMAT
                               " WHERE kind = 'entry';"
                               "UPDATE listed_count SET n = n + %" G_GINT64_FORMAT
                               " WHERE kind = 'checkin';", hold->entries, hold->checkins);
  if (!_haven_exec (db, count_sql, error))
    return FALSE;

  g_hash_table_iter_init (&iter, hold->rows);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    g_ptr_array_add (rows, value);
  g_ptr_array_sort (rows, compare_rows);

  for (guint t = 0; t < N_SUMS && rc == SQLITE_OK; t++)
    rc = sqlite3_prepare_v2 (db, upsert_sql[t], -1, &upsert[t], NULL);

  for (guint i = 0; i < rows->len && rc == SQLITE_OK; i++)
    {
      const SumRow *row = g_ptr_array_index (rows, i);
      sqlite3_stmt *stmt = upsert[row->key.table];

      sqlite3_bind_int64 (stmt, 1, row->key.day);
      if (row->key.table == SUM_PAIN_POINT)
        sqlite3_bind_int64 (stmt, 2, row->key.id);
      else
        sqlite3_bind_text (stmt, 2, row->key.text, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, row->n);
      sqlite3_bind_int64 (stmt, 4, row->total);

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = sqlite3_reset (stmt);
    }

  if (rc != SQLITE_OK)
    _haven_set_sqlite_error (error, db, sqlite3_extended_errcode (db));

  for (guint t = 0; t < N_SUMS; t++)
    sqlite3_finalize (upsert[t]);

  return rc == SQLITE_OK;
}

gboolean
_haven_day_sums_release (sqlite3           *db,
                         HavenDaySumsHold  *hold,
                         GError           **error)
{
  g_return_val_if_fail (!sqlite3_get_autocommit (db), FALSE);
  g_return_val_if_fail (hold != NULL, FALSE);

  if (hold->recount)
    {
      if (!_haven_exec (db, _haven_day_sums_rebuild_sql, error))
        return FALSE;
    }
  else if (!add_to_tables (db, hold, error))
    {
      return FALSE;
    }

  for (guint i = 0; i < hold->triggers->len; i++)
    {
      if (!_haven_exec (db, hold->triggers->pdata[i], error))
        return FALSE;
    }

  return TRUE;
}
