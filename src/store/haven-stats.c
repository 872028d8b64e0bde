/* haven-stats.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The charts read the per-day sums the schema keeps (day_mood, day_reaction, day_pain_point,
 * day_help; see haven-store-migrations.c), so a chart over ten years reads a few thousand
 * small rows however many records there are. A day is a local calendar day (days since
 * 1 January 1970, written with each record); a week is seven of them from the period's first
 * day, so buckets never drift by an hour through summer time.
 *
 * The comparisons between two stretches of time (the observations) take instants and read
 * the records themselves: they cover weeks, not years.
 */
#include "config.h"

#include <langinfo.h>
#include <math.h>

#include "haven-answers.h"
#include "haven-stats.h"
#include "haven-store-private.h"

/* GDate's day number of 1 January 1970. */
#define EPOCH_JULIAN 719163

/* The period's first day as a local day number, as the day columns count. */
static gint64
period_day0 (const HavenStatsPeriod *period)
{
  return (gint64) g_date_get_julian (&period->first_day) - EPOCH_JULIAN;
}

/* Binds :first and :end, a half-open range of local day numbers. */
static void
bind_days (sqlite3_stmt *stmt,
           gint64        first,
           gint64        end)
{
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":first"), first);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":end"), end);
}

static const char * const range_names[] = { "4-weeks", "3-months", "year", "all" };

G_STATIC_ASSERT (G_N_ELEMENTS (range_names) == HAVEN_STATS_RANGE_LAST + 1);

const char *
haven_stats_range_to_string (HavenStatsRange range)
{
  g_return_val_if_fail (range <= HAVEN_STATS_RANGE_LAST, NULL);

  return range_names[range];
}

gboolean
haven_stats_range_from_string (const char      *str,
                               HavenStatsRange *range)
{
  for (HavenStatsRange r = 0; r <= HAVEN_STATS_RANGE_LAST; r++)
    {
      if (g_strcmp0 (str, range_names[r]) == 0)
        {
          *range = r;
          return TRUE;
        }
    }

  return FALSE;
}

GDateWeekday
haven_stats_locale_first_weekday (void)
{
#ifdef __GLIBC__
  /* As GtkCalendar reads it: _NL_TIME_FIRST_WEEKDAY counts from the day that
   * _NL_TIME_WEEK_1STDAY names (a date: 1997-11-30 was a Sunday, 1997-12-01 a Monday). */
  union { unsigned int word; char *string; } langinfo;
  int first_weekday;
  int week_1stday = 0;
  unsigned int week_origin;

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  week_origin = langinfo.word;

  if (week_origin == 19971130)
    week_1stday = 0;
  else if (week_origin == 19971201)
    week_1stday = 1;
  else
    return G_DATE_MONDAY;

  /* 0 is Sunday here, 7 in GDateWeekday. */
  first_weekday = (week_1stday + first_weekday - 1) % 7;
  return first_weekday == 0 ? G_DATE_SUNDAY : (GDateWeekday) first_weekday;
#else
  return G_DATE_MONDAY;
#endif
}

static HavenTime
local_midnight (const GDate *date)
{
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_get_year (date),
                                                          g_date_get_month (date),
                                                          g_date_get_day (date), 0, 0, 0);

  return midnight != NULL ? g_date_time_to_unix (midnight) : 0;
}

static void
date_from_time (GDate     *date,
                HavenTime  at)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (at);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

static void
week_start_of (GDate        *date,
               GDateWeekday  first_weekday)
{
  guint back = ((guint) g_date_get_weekday (date) + 7 - (guint) first_weekday) % 7;

  g_date_subtract_days (date, back);
}

static gboolean
earliest_record (HavenStore  *store,
                 HavenTime   *earliest,
                 GError     **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  int rc;

  stmt = _haven_store_prepare (store,
                               "SELECT min (t) FROM ("
                               " SELECT min (at) AS t FROM checkin WHERE deleted_at IS NULL"
                               " UNION ALL"
                               " SELECT min (occurred_at) FROM entry"
                               "  WHERE deleted_at IS NULL AND is_draft = 0);",
                               error);
  if (stmt == NULL)
    return FALSE;

  rc = _haven_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _haven_set_sqlite_error (error, _haven_store_get_db (store), rc);
      return FALSE;
    }

  *earliest = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
haven_stats_period_init (HavenStatsPeriod  *period,
                         HavenStore        *store,
                         HavenStatsRange    range,
                         HavenTime          now,
                         GDateWeekday       first_weekday,
                         GError           **error)
{
  static const guint range_weeks[] = { 4, 13, 52 };
  GDate this_week;
  GDate last_day;
  guint n_weeks = 4;

  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (HAVEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (range <= HAVEN_STATS_RANGE_LAST, FALSE);
  g_return_val_if_fail (g_date_valid_weekday (first_weekday), FALSE);

  memset (period, 0, sizeof *period);
  date_from_time (&period->today, now);
  this_week = period->today;
  week_start_of (&this_week, first_weekday);

  if (range < HAVEN_STATS_RANGE_ALL)
    {
      n_weeks = range_weeks[range];
    }
  else
    {
      HavenTime earliest;

      if (!earliest_record (store, &earliest, error))
        return FALSE;

      if (earliest != 0 && earliest < now)
        {
          GDate first;

          date_from_time (&first, earliest);
          week_start_of (&first, first_weekday);
          n_weeks = MAX (n_weeks, (guint) (g_date_days_between (&first, &this_week) / 7) + 1);
        }
    }

  period->first_weekday = first_weekday;
  period->n_weeks = n_weeks;
  period->first_day = this_week;
  g_date_subtract_days (&period->first_day, (n_weeks - 1) * 7);
  last_day = this_week;
  g_date_add_days (&last_day, 7);
  period->from = local_midnight (&period->first_day);
  period->to = local_midnight (&last_day);

  return TRUE;
}

guint
haven_stats_period_n_days (const HavenStatsPeriod *period)
{
  return period->n_weeks * 7;
}

void
haven_stats_period_get_day (const HavenStatsPeriod *period,
                            guint                   day,
                            GDate                  *date)
{
  *date = period->first_day;
  g_date_add_days (date, day);
}

HavenTime
haven_stats_period_day_start (const HavenStatsPeriod *period,
                              guint                   day)
{
  GDate date;

  haven_stats_period_get_day (period, day, &date);
  return local_midnight (&date);
}

HavenTime
haven_stats_period_week_start (const HavenStatsPeriod *period,
                               guint                   week)
{
  return haven_stats_period_day_start (period, week * 7);
}

static gboolean
finish_rows (HavenStore  *store,
             int          rc,
             GError     **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;

  _haven_set_sqlite_error (error, _haven_store_get_db (store), rc);
  return FALSE;
}

/* Mood ------------------------------------------------------------------------------- */

HavenMoodSeries *
haven_stats_mood_series (HavenStore              *store,
                         const HavenStatsPeriod  *period,
                         GError                 **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  g_autoptr(HavenMoodSeries) series = NULL;
  g_autofree guint *counts = NULL;
  g_autofree gint64 *sums = NULL;
  gint64 first;
  guint n_days;
  guint span;
  int rc;

  g_return_val_if_fail (HAVEN_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL && period->n_weeks > 0, NULL);

  stmt = _haven_store_prepare (store,
                               "SELECT day, n, mood_total FROM day_mood"
                               " WHERE day >= :first AND day < :end;",
                               error);
  if (stmt == NULL)
    return NULL;

  /* Six days before the period too, for the first days' seven-day means. */
  n_days = haven_stats_period_n_days (period);
  span = n_days + 6;
  first = period_day0 (period) - 6;
  bind_days (stmt, first, first + span);

  counts = g_new0 (guint, span);
  sums = g_new0 (gint64, span);

  while ((rc = _haven_step (stmt)) == SQLITE_ROW)
    {
      gint64 day = sqlite3_column_int64 (stmt, 0) - first;

      counts[day] = sqlite3_column_int (stmt, 1);
      sums[day] = sqlite3_column_int64 (stmt, 2);
    }
  if (!finish_rows (store, rc, error))
    return NULL;

  series = g_new0 (HavenMoodSeries, 1);
  series->period = *period;
  series->n_days = n_days;
  series->count = g_new0 (guint, n_days);
  series->mean = g_new0 (double, n_days);
  series->rolling_mean = g_new0 (double, n_days);

  for (guint d = 0; d < n_days; d++)
    {
      guint window_count = 0;
      gint64 window_sum = 0;

      series->count[d] = counts[d + 6];
      series->total += counts[d + 6];
      series->mean[d] = counts[d + 6] > 0 ? (double) sums[d + 6] / counts[d + 6] : NAN;

      for (guint w = d; w <= d + 6; w++)
        {
          window_count += counts[w];
          window_sum += sums[w];
        }
      series->rolling_mean[d] = window_count > 0 ? (double) window_sum / window_count : NAN;
    }

  return g_steal_pointer (&series);
}

void
haven_mood_series_free (HavenMoodSeries *series)
{
  if (series == NULL)
    return;

  g_free (series->count);
  g_free (series->mean);
  g_free (series->rolling_mean);
  g_free (series);
}

/* Reactions ---------------------------------------------------------------------------- */

#define REACTIONS_SQL(select, where) \
  select " FROM (" \
  " SELECT at AS t, reaction AS r FROM checkin" \
  "  WHERE deleted_at IS NULL AND reaction IS NOT NULL AND at >= :from AND at < :to" \
  " UNION ALL" \
  " SELECT e.occurred_at, j.value FROM entry e, json_each (e.answers, '$.reaction') j" \
  "  WHERE e.deleted_at IS NULL AND e.is_draft = 0" \
  "   AND e.occurred_at >= :from AND e.occurred_at < :to" \
  "   AND instr (e.answers, '\"reaction\"') > 0" \
  ") " where ";"

HavenReactionWeeks *
haven_stats_reaction_weeks (HavenStore              *store,
                            const HavenStatsPeriod  *period,
                            GError                 **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  g_autoptr(HavenReactionWeeks) weeks = NULL;
  gint64 day0;
  int rc;

  g_return_val_if_fail (HAVEN_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL && period->n_weeks > 0, NULL);

  stmt = _haven_store_prepare (store,
                               "SELECT day, reaction, n FROM day_reaction"
                               " WHERE day >= :first AND day < :end;",
                               error);
  if (stmt == NULL)
    return NULL;
  day0 = period_day0 (period);
  bind_days (stmt, day0, day0 + haven_stats_period_n_days (period));

  weeks = g_new0 (HavenReactionWeeks, 1);
  weeks->period = *period;
  weeks->n_weeks = period->n_weeks;
  weeks->counts = g_new0 (guint, weeks->n_weeks * HAVEN_REACTION_LAST);

  while ((rc = _haven_step (stmt)) == SQLITE_ROW)
    {
      gint64 week = (sqlite3_column_int64 (stmt, 0) - day0) / 7;
      HavenReaction reaction;

      if (!haven_reaction_from_string ((const char *) sqlite3_column_text (stmt, 1), &reaction) ||
          reaction == HAVEN_REACTION_NONE)
        continue;

      weeks->counts[week * HAVEN_REACTION_LAST + reaction - 1] += sqlite3_column_int (stmt, 2);
    }
  if (!finish_rows (store, rc, error))
    return NULL;

  for (guint w = 0; w < weeks->n_weeks; w++)
    {
      guint week_total = 0;

      for (guint r = 0; r < HAVEN_REACTION_LAST; r++)
        week_total += weeks->counts[w * HAVEN_REACTION_LAST + r];
      weeks->total += week_total;
      weeks->max_week_total = MAX (weeks->max_week_total, week_total);
    }

  return g_steal_pointer (&weeks);
}

guint
haven_reaction_weeks_get (const HavenReactionWeeks *weeks,
                          guint                     week,
                          HavenReaction             reaction)
{
  g_return_val_if_fail (week < weeks->n_weeks, 0);
  g_return_val_if_fail (reaction > HAVEN_REACTION_NONE && reaction <= HAVEN_REACTION_LAST, 0);

  return weeks->counts[week * HAVEN_REACTION_LAST + reaction - 1];
}

void
haven_reaction_weeks_free (HavenReactionWeeks *weeks)
{
  if (weeks == NULL)
    return;

  g_free (weeks->counts);
  g_free (weeks);
}

gboolean
haven_stats_reaction_counts (HavenStore  *store,
                             HavenTime    from,
                             HavenTime    to,
                             guint        counts[HAVEN_REACTION_LAST],
                             GError     **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HAVEN_IS_STORE (store), FALSE);

  memset (counts, 0, sizeof (guint) * HAVEN_REACTION_LAST);

  stmt = _haven_store_prepare (store, REACTIONS_SQL ("SELECT r, count (*)", "GROUP BY r"), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":from"), from);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":to"), to);

  while ((rc = _haven_step (stmt)) == SQLITE_ROW)
    {
      HavenReaction reaction;

      if (haven_reaction_from_string ((const char *) sqlite3_column_text (stmt, 0), &reaction) &&
          reaction != HAVEN_REACTION_NONE)
        counts[reaction - 1] = sqlite3_column_int (stmt, 1);
    }

  return finish_rows (store, rc, error);
}

/* Pain points ---------------------------------------------------------------------------- */

#define PAIN_POINTS_SQL(select, where) \
  select " FROM (" \
  " SELECT c.at AS t, cp.pain_point_id AS p" \
  "  FROM checkin c JOIN checkin_pain_point cp ON cp.checkin_id = c.id" \
  "  WHERE c.deleted_at IS NULL AND c.at >= :from AND c.at < :to" \
  " UNION ALL" \
  " SELECT e.occurred_at, ep.pain_point_id" \
  "  FROM entry e JOIN entry_pain_point ep ON ep.entry_id = e.id" \
  "  WHERE e.deleted_at IS NULL AND e.is_draft = 0" \
  "   AND e.occurred_at >= :from AND e.occurred_at < :to" \
  ") JOIN pain_point pp ON pp.id = p AND pp.deleted_at IS NULL " where ";"

static void
pain_point_row_free (HavenPainPointRow *row)
{
  g_free (row->name);
  g_free (row->weekly);
  g_free (row);
}

static int
compare_pain_point_rows (gconstpointer a,
                         gconstpointer b)
{
  const HavenPainPointRow *row_a = *(HavenPainPointRow * const *) a;
  const HavenPainPointRow *row_b = *(HavenPainPointRow * const *) b;

  if (row_a->total != row_b->total)
    return row_a->total > row_b->total ? -1 : 1;

  return g_utf8_collate (row_a->name, row_b->name);
}

HavenPainPointWeeks *
haven_stats_pain_point_weeks (HavenStore              *store,
                              const HavenStatsPeriod  *period,
                              GError                 **error)
{
  g_autoptr(HavenCachedStmt) names = NULL;
  g_autoptr(HavenCachedStmt) stmt = NULL;
  g_autoptr(HavenPainPointWeeks) weeks = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  gint64 day0;
  int rc;

  g_return_val_if_fail (HAVEN_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL && period->n_weeks > 0, NULL);

  weeks = g_new0 (HavenPainPointWeeks, 1);
  weeks->period = *period;
  weeks->n_weeks = period->n_weeks;
  weeks->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pain_point_row_free);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  /* A handful of names, looked up once rather than joined to every day. */
  names = _haven_store_prepare (store,
                                "SELECT id, name FROM pain_point WHERE deleted_at IS NULL;",
                                error);
  if (names == NULL)
    return NULL;
  while ((rc = _haven_step (names)) == SQLITE_ROW)
    {
      HavenPainPointRow *row = g_new0 (HavenPainPointRow, 1);

      row->id = sqlite3_column_int64 (names, 0);
      row->name = g_strdup ((const char *) sqlite3_column_text (names, 1));
      row->weekly = g_new0 (guint, weeks->n_weeks);
      g_ptr_array_add (weeks->rows, row);
      g_hash_table_insert (by_id, &row->id, row);
    }
  if (!finish_rows (store, rc, error))
    return NULL;

  stmt = _haven_store_prepare (store,
                               "SELECT day, pain_point_id, n FROM day_pain_point"
                               " WHERE day >= :first AND day < :end;",
                               error);
  if (stmt == NULL)
    return NULL;
  day0 = period_day0 (period);
  bind_days (stmt, day0, day0 + haven_stats_period_n_days (period));

  while ((rc = _haven_step (stmt)) == SQLITE_ROW)
    {
      gint64 week = (sqlite3_column_int64 (stmt, 0) - day0) / 7;
      gint64 id = sqlite3_column_int64 (stmt, 1);
      guint count = sqlite3_column_int (stmt, 2);
      HavenPainPointRow *row = g_hash_table_lookup (by_id, &id);

      /* A raw spot that was deleted is not charted. */
      if (row == NULL)
        continue;

      row->weekly[week] += count;
      row->total += count;
      weeks->max_cell = MAX (weeks->max_cell, row->weekly[week]);
    }
  if (!finish_rows (store, rc, error))
    return NULL;

  /* Only raw spots that came up in the period. */
  for (guint i = weeks->rows->len; i > 0; i--)
    {
      HavenPainPointRow *row = g_ptr_array_index (weeks->rows, i - 1);

      if (row->total == 0)
        g_ptr_array_remove_index_fast (weeks->rows, i - 1);
    }

  g_ptr_array_sort (weeks->rows, compare_pain_point_rows);

  return g_steal_pointer (&weeks);
}

void
haven_pain_point_weeks_free (HavenPainPointWeeks *weeks)
{
  if (weeks == NULL)
    return;

  g_ptr_array_unref (weeks->rows);
  g_free (weeks);
}

static void
pain_point_count_free (HavenPainPointCount *count)
{
  g_free (count->name);
  g_free (count);
}

GPtrArray *
haven_stats_pain_point_counts (HavenStore  *store,
                               HavenTime    from,
                               HavenTime    to,
                               GError     **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  int rc;

  g_return_val_if_fail (HAVEN_IS_STORE (store), NULL);

  stmt = _haven_store_prepare (store,
                               PAIN_POINTS_SQL ("SELECT p, pp.name, count (*) AS n",
                                                "GROUP BY p ORDER BY n DESC, pp.name COLLATE NOCASE"),
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":from"), from);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":to"), to);

  counts = g_ptr_array_new_with_free_func ((GDestroyNotify) pain_point_count_free);
  while ((rc = _haven_step (stmt)) == SQLITE_ROW)
    {
      HavenPainPointCount *count = g_new0 (HavenPainPointCount, 1);

      count->id = sqlite3_column_int64 (stmt, 0);
      count->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      count->count = sqlite3_column_int (stmt, 2);
      g_ptr_array_add (counts, count);
    }
  if (!finish_rows (store, rc, error))
    return NULL;

  return g_steal_pointer (&counts);
}

/* What helps ------------------------------------------------------------------------------ */

static void
help_row_free (HavenHelpRow *row)
{
  g_free (row->strategy);
  g_free (row);
}

HavenHelpStats *
haven_stats_what_helps (HavenStore              *store,
                        const HavenStatsPeriod  *period,
                        GError                 **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  g_autoptr(HavenHelpStats) stats = NULL;
  gint64 day0;
  int rc;

  g_return_val_if_fail (HAVEN_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  /* Only moments where both intensities were noted count: a strategy without them says
   * nothing about what it changed (the triggers leave those out). */
#define WHAT_HELPS_SQL(day) \
  "SELECT strategy, n, CAST (drop_total AS REAL) / n AS drop_" \
  " FROM (SELECT strategy, sum (n) AS n, sum (drop_total) AS drop_total" \
  "       FROM day_help WHERE " day " >= :first AND " day " < :end" \
  "       GROUP BY strategy)" \
  " ORDER BY drop_ DESC, n DESC, strategy;"

  /* A few weeks are a short stretch of the table's primary key. Over years, most of the
   * table is read anyway, and reading it by strategy from the covering index sums each one
   * in order, without sorting tens of thousands of rows first ("+day" keeps SQLite from
   * picking the key). */
  stmt = _haven_store_prepare (store,
                               period->n_weeks <= 53 ? WHAT_HELPS_SQL ("day")
                                                     : WHAT_HELPS_SQL ("+day"),
                               error);
#undef WHAT_HELPS_SQL
  if (stmt == NULL)
    return NULL;
  day0 = period_day0 (period);
  bind_days (stmt, day0, day0 + haven_stats_period_n_days (period));

  stats = g_new0 (HavenHelpStats, 1);
  stats->period = *period;
  stats->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) help_row_free);

  while ((rc = _haven_step (stmt)) == SQLITE_ROW)
    {
      HavenHelpRow *row = g_new0 (HavenHelpRow, 1);

      row->strategy = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->count = sqlite3_column_int (stmt, 1);
      row->mean_drop = sqlite3_column_double (stmt, 2);
      g_ptr_array_add (stats->rows, row);
    }
  if (!finish_rows (store, rc, error))
    return NULL;

  return g_steal_pointer (&stats);
}

void
haven_help_stats_free (HavenHelpStats *stats)
{
  if (stats == NULL)
    return;

  g_ptr_array_unref (stats->rows);
  g_free (stats);
}

guint
haven_stats_count_checkins (HavenStore  *store,
                            HavenTime    from,
                            HavenTime    to,
                            GError     **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HAVEN_IS_STORE (store), 0);

  stmt = _haven_store_prepare (store,
                               "SELECT count (*) FROM checkin"
                               " WHERE deleted_at IS NULL AND at >= :from AND at < :to;",
                               error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":from"), from);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":to"), to);

  rc = _haven_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _haven_set_sqlite_error (error, _haven_store_get_db (store), rc);
      return 0;
    }

  return sqlite3_column_int (stmt, 0);
}

gboolean
haven_stats_mood_mean (HavenStore  *store,
                       HavenTime    from,
                       HavenTime    to,
                       double      *mean,
                       guint       *count,
                       GError     **error)
{
  g_autoptr(HavenCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HAVEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (mean != NULL && count != NULL, FALSE);

  stmt = _haven_store_prepare (store,
                               "SELECT count (*), avg (mood) FROM checkin"
                               " WHERE deleted_at IS NULL AND at >= :from AND at < :to;",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":from"), from);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":to"), to);

  rc = _haven_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _haven_set_sqlite_error (error, _haven_store_get_db (store), rc);
      return FALSE;
    }

  *count = sqlite3_column_int (stmt, 0);
  *mean = *count > 0 ? sqlite3_column_double (stmt, 1) : NAN;
  return TRUE;
}
