/* test-stats.c: the Insights page's numbers, on hand-built journals with known answers
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Local time is Europe/Amsterdam throughout: summer time starts on Sunday 29 March 2026
 * (02:00 → 03:00) and ends on Sunday 25 October 2026 (03:00 → 02:00).
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <time.h>

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "haven-answers.h"
#include "haven-demo.h"
#include "haven-observations.h"
#include "haven-journal-model.h"
#include "haven-stats.h"
#include "haven-store-private.h"
#include "haven-test-util.h"

typedef struct
{
  char       *dir;
  HavenStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = haven_test_make_tmpdir ();
  path = g_build_filename (f->dir, "journal.db", NULL);
  f->store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  haven_test_rmtree (f->dir);
  g_free (f->dir);
}

static HavenTime
local (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, hour, minute, 0);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static gint64
pain_point (Fixture    *f,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenPainPoint) point = haven_store_add_pain_point (f->store, name, &error);

  g_assert_no_error (error);
  return haven_pain_point_get_id (point);
}

static gint64
add_checkin (Fixture            *f,
             HavenTime           at,
             int                 mood,
             HavenReaction       reaction,
             const gint64       *pain_points,
             guint               n_pain_points)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenCheckin) checkin = haven_checkin_new (mood);

  haven_checkin_set_at (checkin, at);
  haven_checkin_set_reaction (checkin, reaction);
  haven_checkin_set_pain_point_ids (checkin, pain_points, n_pain_points);
  g_assert_true (haven_store_save_checkin (f->store, checkin, &error));
  g_assert_no_error (error);

  return haven_checkin_get_id (checkin);
}

static gint64
add_helped_checkin (Fixture            *f,
                    HavenTime           at,
                    int                 before,
                    int                 after,
                    const char * const *strategies)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenCheckin) checkin = haven_checkin_new (3);

  haven_checkin_set_at (checkin, at);
  haven_checkin_set_intensity_before (checkin, before);
  haven_checkin_set_intensity_after (checkin, after);
  haven_checkin_set_regulation (checkin, strategies);
  g_assert_true (haven_store_save_checkin (f->store, checkin, &error));
  g_assert_no_error (error);

  return haven_checkin_get_id (checkin);
}

/* A guided entry with answers in GVariant text format, e.g. "{'reaction': <['pursue']>}". */
static gint64
add_entry (Fixture      *f,
           HavenTime     at,
           const char   *answers,
           const gint64 *pain_points,
           guint         n_pain_points,
           gboolean      draft)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_CONFLICT);

  haven_entry_set_occurred_at (entry, at);
  if (answers != NULL)
    {
      g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_new_parsed (answers));

      g_assert_true (haven_entry_set_answers (entry, value, &error));
      g_assert_no_error (error);
    }
  haven_entry_set_pain_point_ids (entry, pain_points, n_pain_points);
  haven_entry_set_is_draft (entry, draft);
  g_assert_true (haven_store_save_entry (f->store, entry, &error));
  g_assert_no_error (error);

  return haven_entry_get_id (entry);
}

static void
init_period (Fixture          *f,
             HavenStatsPeriod *period,
             HavenStatsRange   range,
             HavenTime         now,
             GDateWeekday      first_weekday)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (haven_stats_period_init (period, f->store, range, now, first_weekday, &error));
  g_assert_no_error (error);
}

static void
assert_date (const GDate *date,
             int          year,
             int          month,
             int          day)
{
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

static void
test_period_weeks (Fixture       *f,
                   gconstpointer  data)
{
  HavenStatsPeriod period;
  /* Tuesday 31 March 2026, two days into summer time. */
  HavenTime now = local (2026, 3, 31, 12, 0);

  init_period (f, &period, HAVEN_STATS_RANGE_4_WEEKS, now, G_DATE_MONDAY);
  g_assert_cmpuint (period.n_weeks, ==, 4);
  assert_date (&period.first_day, 2026, 3, 9);
  g_assert_cmpint (period.from, ==, local (2026, 3, 9, 0, 0));
  g_assert_cmpint (period.to, ==, local (2026, 4, 6, 0, 0));
  assert_date (&period.today, 2026, 3, 31);

  /* The week with the change to summer time is an hour short, and still one week. */
  g_assert_cmpint (haven_stats_period_week_start (&period, 3) -
                   haven_stats_period_week_start (&period, 2), ==, 7 * 24 * 3600 - 3600);
  g_assert_cmpint (haven_stats_period_week_start (&period, 2) -
                   haven_stats_period_week_start (&period, 1), ==, 7 * 24 * 3600);
  g_assert_cmpint (haven_stats_period_day_start (&period, 28), ==, period.to);

  /* Weeks that start on Sunday. */
  init_period (f, &period, HAVEN_STATS_RANGE_4_WEEKS, now, G_DATE_SUNDAY);
  assert_date (&period.first_day, 2026, 3, 8);
  g_assert_cmpint (period.to, ==, local (2026, 4, 5, 0, 0));

  init_period (f, &period, HAVEN_STATS_RANGE_3_MONTHS, now, G_DATE_MONDAY);
  g_assert_cmpuint (period.n_weeks, ==, 13);
  init_period (f, &period, HAVEN_STATS_RANGE_YEAR, now, G_DATE_MONDAY);
  g_assert_cmpuint (period.n_weeks, ==, 52);
  assert_date (&period.first_day, 2025, 4, 7);

  /* "All" in an empty journal is four weeks; otherwise it reaches back to the first record. */
  init_period (f, &period, HAVEN_STATS_RANGE_ALL, now, G_DATE_MONDAY);
  g_assert_cmpuint (period.n_weeks, ==, 4);

  add_checkin (f, local (2025, 12, 31, 23, 0), 3, HAVEN_REACTION_NONE, NULL, 0);
  init_period (f, &period, HAVEN_STATS_RANGE_ALL, now, G_DATE_MONDAY);
  assert_date (&period.first_day, 2025, 12, 29);
  g_assert_cmpuint (period.n_weeks, ==, 14);
}

static void
test_range_names (void)
{
  HavenStatsRange range = HAVEN_STATS_RANGE_4_WEEKS;

  for (HavenStatsRange r = 0; r <= HAVEN_STATS_RANGE_LAST; r++)
    {
      g_assert_true (haven_stats_range_from_string (haven_stats_range_to_string (r), &range));
      g_assert_cmpint (range, ==, r);
    }
  g_assert_cmpstr (haven_stats_range_to_string (HAVEN_STATS_RANGE_3_MONTHS), ==, "3-months");
  g_assert_false (haven_stats_range_from_string ("fortnight", &range));
  g_assert_false (haven_stats_range_from_string (NULL, &range));
  g_assert_cmpint (range, ==, HAVEN_STATS_RANGE_LAST);
}

static void
test_locale_first_weekday (void)
{
  const char *old = setlocale (LC_TIME, NULL);
  g_autofree char *saved = g_strdup (old);

  if (setlocale (LC_TIME, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("the nl_NL.UTF-8 locale is not installed");
      return;
    }
  g_assert_cmpint (haven_stats_locale_first_weekday (), ==, G_DATE_MONDAY);

  if (setlocale (LC_TIME, "en_US.UTF-8") != NULL)
    g_assert_cmpint (haven_stats_locale_first_weekday (), ==, G_DATE_SUNDAY);

  setlocale (LC_TIME, saved);
}

static void
test_reaction_weeks (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenReactionWeeks) weeks = NULL;
  HavenStatsPeriod period;
  HavenTime now = local (2026, 3, 31, 12, 0);
  gint64 trashed;

  /* Sunday 23:59 just after the change to summer time, and Monday 00:00: two weeks. */
  add_checkin (f, local (2026, 3, 29, 23, 59), 2, HAVEN_REACTION_PURSUE, NULL, 0);
  add_checkin (f, local (2026, 3, 30, 0, 0), 2, HAVEN_REACTION_PURSUE, NULL, 0);
  add_checkin (f, local (2026, 3, 30, 8, 0), 2, HAVEN_REACTION_WITHDRAW, NULL, 0);
  add_checkin (f, local (2026, 3, 30, 9, 0), 4, HAVEN_REACTION_NONE, NULL, 0);
  trashed = add_checkin (f, local (2026, 3, 30, 10, 0), 2, HAVEN_REACTION_FREEZE, NULL, 0);
  g_assert_true (haven_store_trash_checkin (f->store, trashed, &error));
  g_assert_no_error (error);
  /* Guided entries count too, drafts do not. */
  add_entry (f, local (2026, 3, 16, 10, 0), "{'reaction': <['appease']>}", NULL, 0, FALSE);
  add_entry (f, local (2026, 3, 17, 10, 0), "{'reaction': <['appease']>}", NULL, 0, TRUE);
  /* Before the period and after it. */
  add_checkin (f, local (2026, 3, 8, 23, 59), 2, HAVEN_REACTION_PAUSE, NULL, 0);
  add_checkin (f, local (2026, 4, 6, 0, 0), 2, HAVEN_REACTION_PAUSE, NULL, 0);

  init_period (f, &period, HAVEN_STATS_RANGE_4_WEEKS, now, G_DATE_MONDAY);
  weeks = haven_stats_reaction_weeks (f->store, &period, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->n_weeks, ==, 4);
  g_assert_cmpuint (weeks->total, ==, 4);
  g_assert_cmpuint (weeks->max_week_total, ==, 2);
  g_assert_cmpuint (haven_reaction_weeks_get (weeks, 0, HAVEN_REACTION_PURSUE), ==, 0);
  g_assert_cmpuint (haven_reaction_weeks_get (weeks, 1, HAVEN_REACTION_APPEASE), ==, 1);
  g_assert_cmpuint (haven_reaction_weeks_get (weeks, 2, HAVEN_REACTION_PURSUE), ==, 1);
  g_assert_cmpuint (haven_reaction_weeks_get (weeks, 3, HAVEN_REACTION_PURSUE), ==, 1);
  g_assert_cmpuint (haven_reaction_weeks_get (weeks, 3, HAVEN_REACTION_WITHDRAW), ==, 1);
  g_assert_cmpuint (haven_reaction_weeks_get (weeks, 3, HAVEN_REACTION_FREEZE), ==, 0);
  for (HavenReaction r = HAVEN_REACTION_PURSUE; r <= HAVEN_REACTION_LAST; r++)
    g_assert_cmpuint (haven_reaction_weeks_get (weeks, 0, r), ==, 0);
  g_clear_pointer (&weeks, haven_reaction_weeks_free);

  /* With weeks from Sunday, Sunday 23:59 and Monday 00:00 share a week. */
  init_period (f, &period, HAVEN_STATS_RANGE_4_WEEKS, now, G_DATE_SUNDAY);
  weeks = haven_stats_reaction_weeks (f->store, &period, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (haven_reaction_weeks_get (weeks, 3, HAVEN_REACTION_PURSUE), ==, 2);
  g_assert_cmpuint (haven_reaction_weeks_get (weeks, 2, HAVEN_REACTION_PURSUE), ==, 0);
  /* Sunday 8 March 23:59 is the first day of this period. */
  g_assert_cmpuint (haven_reaction_weeks_get (weeks, 0, HAVEN_REACTION_PAUSE), ==, 1);
}

static void
test_reaction_weeks_autumn (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenReactionWeeks) weeks = NULL;
  HavenStatsPeriod period;

  /* Summer time ends on Sunday 25 October 2026: that week is an hour long. */
  add_checkin (f, local (2026, 10, 25, 23, 59), 3, HAVEN_REACTION_PAUSE, NULL, 0);
  add_checkin (f, local (2026, 10, 26, 0, 0), 3, HAVEN_REACTION_REACH_OUT, NULL, 0);
  add_checkin (f, local (2026, 10, 25, 2, 30), 3, HAVEN_REACTION_PAUSE, NULL, 0);

  init_period (f, &period, HAVEN_STATS_RANGE_4_WEEKS, local (2026, 10, 27, 9, 0), G_DATE_MONDAY);
  g_assert_cmpint (haven_stats_period_week_start (&period, 3) -
                   haven_stats_period_week_start (&period, 2), ==, 7 * 24 * 3600 + 3600);
  weeks = haven_stats_reaction_weeks (f->store, &period, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (haven_reaction_weeks_get (weeks, 2, HAVEN_REACTION_PAUSE), ==, 2);
  g_assert_cmpuint (haven_reaction_weeks_get (weeks, 3, HAVEN_REACTION_REACH_OUT), ==, 1);
  g_assert_cmpuint (haven_reaction_weeks_get (weeks, 3, HAVEN_REACTION_PAUSE), ==, 0);
}

static void
test_mood_series (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenMoodSeries) series = NULL;
  HavenStatsPeriod period;
  gint64 trashed;

  /* Monday 9 March is day 0. Two check-ins on day 0, one late on day 1, one just before the
   * period (it counts in the first days' seven-day means only). */
  add_checkin (f, local (2026, 3, 9, 8, 0), 2, HAVEN_REACTION_NONE, NULL, 0);
  add_checkin (f, local (2026, 3, 9, 21, 0), 4, HAVEN_REACTION_NONE, NULL, 0);
  add_checkin (f, local (2026, 3, 10, 23, 59), 5, HAVEN_REACTION_NONE, NULL, 0);
  add_checkin (f, local (2026, 3, 8, 12, 0), 1, HAVEN_REACTION_NONE, NULL, 0);
  trashed = add_checkin (f, local (2026, 3, 10, 12, 0), 1, HAVEN_REACTION_NONE, NULL, 0);
  g_assert_true (haven_store_trash_checkin (f->store, trashed, &error));
  g_assert_no_error (error);
  /* Summer time: Sunday 29 March is day 20. */
  add_checkin (f, local (2026, 3, 29, 23, 59), 3, HAVEN_REACTION_NONE, NULL, 0);
  add_checkin (f, local (2026, 3, 30, 0, 0), 1, HAVEN_REACTION_NONE, NULL, 0);

  init_period (f, &period, HAVEN_STATS_RANGE_4_WEEKS, local (2026, 3, 31, 12, 0), G_DATE_MONDAY);
  series = haven_stats_mood_series (f->store, &period, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->n_days, ==, 28);
  g_assert_cmpuint (series->total, ==, 5);

  g_assert_cmpuint (series->count[0], ==, 2);
  g_assert_cmpfloat_with_epsilon (series->mean[0], 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (series->rolling_mean[0], (1 + 2 + 4) / 3.0, 1e-9);
  g_assert_cmpuint (series->count[1], ==, 1);
  g_assert_cmpfloat_with_epsilon (series->mean[1], 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (series->rolling_mean[1], (1 + 2 + 4 + 5) / 4.0, 1e-9);
  /* Day 6 no longer sees Sunday 8 March; day 7 sees only day 1. */
  g_assert_true (isnan (series->mean[6]));
  g_assert_cmpfloat_with_epsilon (series->rolling_mean[6], (2 + 4 + 5) / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (series->rolling_mean[7], 5.0, 1e-9);
  g_assert_true (isnan (series->rolling_mean[8]));
  g_assert_cmpuint (series->count[20], ==, 1);
  g_assert_cmpfloat_with_epsilon (series->mean[20], 3.0, 1e-9);
  g_assert_cmpuint (series->count[21], ==, 1);
  g_assert_cmpfloat_with_epsilon (series->mean[21], 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (series->rolling_mean[21], 2.0, 1e-9);
  /* The days after today are empty, not missing. */
  g_assert_cmpuint (series->count[27], ==, 0);
  g_assert_true (isnan (series->mean[27]));
}

static void
test_pain_point_weeks (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenPainPointWeeks) weeks = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  HavenStatsPeriod period;
  gint64 ignored = pain_point (f, "Feeling ignored");
  gint64 criticised = pain_point (f, "Being criticised");
  gint64 both[] = { ignored, criticised };
  const HavenPainPointRow *row;
  gint64 trashed;

  add_checkin (f, local (2026, 3, 9, 8, 0), 2, HAVEN_REACTION_NONE, &ignored, 1);
  add_checkin (f, local (2026, 3, 9, 9, 0), 2, HAVEN_REACTION_NONE, &ignored, 1);
  add_checkin (f, local (2026, 3, 30, 0, 0), 2, HAVEN_REACTION_NONE, both, 2);
  add_entry (f, local (2026, 3, 29, 23, 59), NULL, &ignored, 1, FALSE);
  add_entry (f, local (2026, 3, 24, 12, 0), NULL, &criticised, 1, TRUE);
  trashed = add_entry (f, local (2026, 3, 24, 12, 0), NULL, &criticised, 1, FALSE);
  g_assert_true (haven_store_trash_entry (f->store, trashed, &error));
  g_assert_no_error (error);

  init_period (f, &period, HAVEN_STATS_RANGE_4_WEEKS, local (2026, 3, 31, 12, 0), G_DATE_MONDAY);
  weeks = haven_stats_pain_point_weeks (f->store, &period, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->rows->len, ==, 2);
  g_assert_cmpuint (weeks->max_cell, ==, 2);

  row = g_ptr_array_index (weeks->rows, 0);
  g_assert_cmpint (row->id, ==, ignored);
  g_assert_cmpstr (row->name, ==, "Feeling ignored");
  g_assert_cmpuint (row->total, ==, 4);
  g_assert_cmpuint (row->weekly[0], ==, 2);
  g_assert_cmpuint (row->weekly[1], ==, 0);
  g_assert_cmpuint (row->weekly[2], ==, 1);
  g_assert_cmpuint (row->weekly[3], ==, 1);

  row = g_ptr_array_index (weeks->rows, 1);
  g_assert_cmpint (row->id, ==, criticised);
  g_assert_cmpuint (row->total, ==, 1);
  g_assert_cmpuint (row->weekly[3], ==, 1);
  g_assert_cmpuint (row->weekly[2], ==, 0);

  /* Any stretch: the last seven days. */
  counts = haven_stats_pain_point_counts (f->store, local (2026, 3, 25, 0, 0),
                                          local (2026, 4, 1, 0, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, ==, 2);
  g_assert_cmpint (((HavenPainPointCount *) counts->pdata[0])->id, ==, ignored);
  g_assert_cmpuint (((HavenPainPointCount *) counts->pdata[0])->count, ==, 2);
  g_assert_cmpuint (((HavenPainPointCount *) counts->pdata[1])->count, ==, 1);
  g_clear_pointer (&counts, g_ptr_array_unref);

  counts = haven_stats_pain_point_counts (f->store, local (2027, 1, 1, 0, 0),
                                          local (2027, 2, 1, 0, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, ==, 0);
}

static void
test_what_helps (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenHelpStats) stats = NULL;
  g_autoptr(HavenJournalModel) model = NULL;
  g_autoptr(HavenJournalFilter) filter = haven_journal_filter_new ();
  const char *breathing_and_break[] = { "slow-breathing", "break", NULL };
  const char *breathing[] = { "slow-breathing", NULL };
  const char *moving[] = { "moving", NULL };
  HavenStatsPeriod period;
  const HavenHelpRow *row;
  gint64 entry;

  add_helped_checkin (f, local (2026, 3, 10, 20, 0), 8, 3, breathing_and_break);
  add_helped_checkin (f, local (2026, 3, 11, 20, 0), 6, 5, breathing);
  /* Without an intensity afterwards it says nothing about what helped. */
  {
    g_autoptr(HavenCheckin) checkin = haven_checkin_new (3);

    haven_checkin_set_at (checkin, local (2026, 3, 12, 20, 0));
    haven_checkin_set_intensity_before (checkin, 9);
    haven_checkin_set_regulation (checkin, moving);
    g_assert_true (haven_store_save_checkin (f->store, checkin, &error));
    g_assert_no_error (error);
  }
  entry = add_entry (f, local (2026, 3, 13, 20, 0),
                     "{'what-helped': <['moving']>, 'intensity': <int64 7>,"
                     " 'intensity-after': <int64 3>}", NULL, 0, FALSE);

  init_period (f, &period, HAVEN_STATS_RANGE_4_WEEKS, local (2026, 3, 31, 12, 0), G_DATE_MONDAY);
  stats = haven_stats_what_helps (f->store, &period, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats->rows->len, ==, 3);

  row = g_ptr_array_index (stats->rows, 0);
  g_assert_cmpstr (row->strategy, ==, "break");
  g_assert_cmpuint (row->count, ==, 1);
  g_assert_cmpfloat_with_epsilon (row->mean_drop, 5.0, 1e-9);
  row = g_ptr_array_index (stats->rows, 1);
  g_assert_cmpstr (row->strategy, ==, "moving");
  g_assert_cmpuint (row->count, ==, 1);
  g_assert_cmpfloat_with_epsilon (row->mean_drop, 4.0, 1e-9);
  row = g_ptr_array_index (stats->rows, 2);
  g_assert_cmpstr (row->strategy, ==, "slow-breathing");
  g_assert_cmpuint (row->count, ==, 2);
  g_assert_cmpfloat_with_epsilon (row->mean_drop, 3.0, 1e-9);

  /* Clicking "moving" lists exactly the records behind its bar. */
  filter->regulation = g_strdup ("moving");
  filter->from = period.from;
  filter->to = period.to;
  model = haven_journal_model_new (f->store, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  {
    g_autoptr(HavenJournalItem) item = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_cmpint (haven_journal_item_get_record_type (item), ==, HAVEN_RECORD_ENTRY);
    g_assert_cmpint (haven_journal_item_get_id (item), ==, entry);
  }
  g_clear_object (&model);

  g_free (filter->regulation);
  filter->regulation = g_strdup ("slow-breathing");
  model = haven_journal_model_new (f->store, filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_false (haven_journal_filter_is_empty (filter));
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint counts[HAVEN_REACTION_LAST];
  HavenTime from = local (2026, 3, 1, 0, 0);
  HavenTime to = local (2026, 4, 1, 0, 0);

  add_checkin (f, local (2026, 3, 2, 8, 0), 2, HAVEN_REACTION_PURSUE, NULL, 0);
  add_checkin (f, local (2026, 3, 3, 8, 0), 2, HAVEN_REACTION_PURSUE, NULL, 0);
  add_checkin (f, local (2026, 4, 1, 0, 0), 2, HAVEN_REACTION_PURSUE, NULL, 0);
  add_entry (f, local (2026, 3, 4, 8, 0), "{'reaction': <['withdraw', 'pause']>}", NULL, 0, FALSE);

  g_assert_true (haven_stats_reaction_counts (f->store, from, to, counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts[HAVEN_REACTION_PURSUE - 1], ==, 2);
  g_assert_cmpuint (counts[HAVEN_REACTION_WITHDRAW - 1], ==, 1);
  g_assert_cmpuint (counts[HAVEN_REACTION_PAUSE - 1], ==, 1);
  g_assert_cmpuint (counts[HAVEN_REACTION_FREEZE - 1], ==, 0);

  g_assert_cmpuint (haven_stats_count_checkins (f->store, from, to, &error), ==, 2);
  g_assert_no_error (error);
}

static void
test_empty_journal (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenMoodSeries) series = NULL;
  g_autoptr(HavenReactionWeeks) reactions = NULL;
  g_autoptr(HavenPainPointWeeks) pain_points = NULL;
  g_autoptr(HavenHelpStats) helps = NULL;
  HavenStatsPeriod period;

  for (HavenStatsRange range = 0; range <= HAVEN_STATS_RANGE_LAST; range++)
    {
      init_period (f, &period, range, haven_time_now (), haven_stats_locale_first_weekday ());

      series = haven_stats_mood_series (f->store, &period, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (series->n_days, ==, period.n_weeks * 7);
      g_assert_cmpuint (series->total, ==, 0);
      for (guint d = 0; d < series->n_days; d++)
        g_assert_cmpuint (series->count[d], ==, 0);
      g_clear_pointer (&series, haven_mood_series_free);

      reactions = haven_stats_reaction_weeks (f->store, &period, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (reactions->n_weeks, ==, period.n_weeks);
      g_assert_cmpuint (reactions->total, ==, 0);
      g_clear_pointer (&reactions, haven_reaction_weeks_free);

      pain_points = haven_stats_pain_point_weeks (f->store, &period, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (pain_points->rows->len, ==, 0);
      g_clear_pointer (&pain_points, haven_pain_point_weeks_free);

      helps = haven_stats_what_helps (f->store, &period, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (helps->rows->len, ==, 0);
      g_clear_pointer (&helps, haven_help_stats_free);
    }
}

/* Four weeks ending Tuesday 31 March 2026, against the four before. */
static void
fill_for_observations (Fixture *f)
{
  const char *breathing[] = { "slow-breathing", NULL };
  gint64 ignored = pain_point (f, "Feeling ignored");
  gint64 criticised = pain_point (f, "Being criticised");

  /* Recent: ignored 4 times, criticised once (too few for a sentence). */
  add_checkin (f, local (2026, 3, 5, 20, 0), 2, HAVEN_REACTION_WITHDRAW, &ignored, 1);
  add_checkin (f, local (2026, 3, 12, 20, 0), 2, HAVEN_REACTION_WITHDRAW, &ignored, 1);
  add_checkin (f, local (2026, 3, 20, 20, 0), 3, HAVEN_REACTION_PAUSE, &ignored, 1);
  add_entry (f, local (2026, 3, 31, 9, 0), "{'reaction': <['withdraw']>}", &ignored, 1, FALSE);
  add_checkin (f, local (2026, 3, 25, 20, 0), 4, HAVEN_REACTION_REACH_OUT, &criticised, 1);
  /* Before: ignored once, on the first day of the earlier four weeks. */
  add_checkin (f, local (2026, 2, 4, 0, 0), 1, HAVEN_REACTION_PURSUE, &ignored, 1);
  /* Just outside both: not counted. */
  add_checkin (f, local (2026, 2, 3, 23, 59), 1, HAVEN_REACTION_PURSUE, &ignored, 1);

  add_helped_checkin (f, local (2026, 3, 21, 20, 0), 8, 5, breathing);
  add_helped_checkin (f, local (2026, 3, 22, 20, 0), 6, 4, breathing);
}

static GPtrArray *
compose (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  HavenTime now = local (2026, 3, 31, 12, 0);
  HavenStatsPeriod period;
  GPtrArray *sentences;

  init_period (f, &period, HAVEN_STATS_RANGE_4_WEEKS, now, G_DATE_MONDAY);
  sentences = haven_observations_compose (f->store, &period, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sentences);

  for (guint i = 0; i < sentences->len; i++)
    g_test_message ("%s", (const char *) sentences->pdata[i]);

  return sentences;
}

static void
test_observations (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) sentences = NULL;

  /* An empty journal has nothing to say yet. */
  sentences = compose (f);
  g_assert_cmpuint (sentences->len, ==, 0);
  g_clear_pointer (&sentences, g_ptr_array_unref);

  fill_for_observations (f);
  sentences = compose (f);
  g_assert_cmpuint (sentences->len, ==, 5);
  g_assert_cmpstr (sentences->pdata[0], ==,
                   "“Feeling ignored” came up 4 times in the last four weeks, up from 1 in the four weeks before.");
  g_assert_cmpstr (sentences->pdata[1], ==,
                   "The reaction you noted most in the last four weeks was “Withdraw”: 3 times.");
  g_assert_cmpstr (sentences->pdata[2], ==,
                   "You reached out or took a pause 2 times in the last four weeks, up from 0 in the four weeks before.");
  g_assert_cmpstr (sentences->pdata[3], ==,
                   "Of what you tried, “Slow breathing” brought the intensity down the most: by 2.5 points on average, over 2 times.");
  /* Only one check-in in the four weeks before: no comparison. */
  g_assert_cmpstr (sentences->pdata[4], ==,
                   "Your mood averaged 2.8 out of 5 in the last four weeks.");
}

static void
test_observations_dutch (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) sentences = NULL;
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *old_locale = g_strdup (setlocale (LC_ALL, NULL));

  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("the nl_NL.UTF-8 locale is not installed");
      return;
    }
  g_setenv ("LANGUAGE", "nl", TRUE);
  /* gettext notices LANGUAGE after a setlocale. */
  setlocale (LC_ALL, "nl_NL.UTF-8");

  fill_for_observations (f);
  sentences = compose (f);
  g_assert_cmpuint (sentences->len, ==, 5);
  /* Dutch words, Dutch numbers. */
  g_assert_nonnull (strstr (sentences->pdata[0], "„Feeling ignored”"));
  g_assert_null (strstr (sentences->pdata[0], "came up"));
  g_assert_nonnull (strstr (sentences->pdata[1], "Terugtrekken"));
  g_assert_nonnull (strstr (sentences->pdata[3], "2,5"));

  if (old_language != NULL)
    g_setenv ("LANGUAGE", old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, old_locale);
}

static guint
count_matching (HavenStore *store,
                const char *text)
{
  g_autoptr(HavenJournalFilter) filter = haven_journal_filter_new ();
  g_autoptr(HavenJournalModel) model = NULL;

  filter->text = g_strdup (text);
  model = haven_journal_model_new (store, filter);
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

/* --demo: ten weeks of a life, in the interface language, the same for the same seed. */
static void
test_demo_journal (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenStore) again = NULL;
  g_autoptr(HavenReactionWeeks) reactions = NULL;
  g_autoptr(HavenPainPointWeeks) pain_points = NULL;
  g_autoptr(HavenHelpStats) helps = NULL;
  g_autofree char *path = g_build_filename (f->dir, "again.db", NULL);
  HavenTime now = local (2026, 3, 31, 12, 0);
  HavenStatsPeriod period;
  gboolean dutch = GPOINTER_TO_INT (data);
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *old_locale = g_strdup (setlocale (LC_ALL, NULL));

  if (dutch)
    {
      if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
        {
          g_test_skip ("the nl_NL.UTF-8 locale is not installed");
          return;
        }
      g_setenv ("LANGUAGE", "nl", TRUE);
      setlocale (LC_ALL, "nl_NL.UTF-8");
    }

  g_assert_true (haven_demo_fill (f->store, now, 10, 42, &error));
  g_assert_no_error (error);

  /* Several check-ins a day, a few entries a week. */
  g_assert_cmpuint (haven_store_count_checkins (f->store), >=, 70);
  g_assert_cmpuint (haven_store_count_entries (f->store), >=, 15);
  g_assert_cmpuint (haven_stats_count_checkins (f->store, now - 70 * 24 * 3600, now + 1, &error),
                    ==, haven_store_count_checkins (f->store));

  /* Every chart of the Insights page has something to show. */
  init_period (f, &period, HAVEN_STATS_RANGE_3_MONTHS, now, G_DATE_MONDAY);
  reactions = haven_stats_reaction_weeks (f->store, &period, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reactions->total, >, 10);
  pain_points = haven_stats_pain_point_weeks (f->store, &period, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pain_points->rows->len, >=, 3);
  helps = haven_stats_what_helps (f->store, &period, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (helps->rows->len, >=, 3);

  /* Written in the interface language. */
  if (dutch)
    {
      g_assert_cmpuint (count_matching (f->store, "trein"), >, 0);
      g_assert_cmpuint (count_matching (f->store, "\"my train\""), ==, 0);
    }
  else
    {
      g_assert_cmpuint (count_matching (f->store, "\"my train\""), >, 0);
    }

  /* The same seed, the same journal. */
  again = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (haven_demo_fill (again, now, 10, 42, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (haven_store_count_checkins (again), ==, haven_store_count_checkins (f->store));
  g_assert_cmpuint (haven_store_count_entries (again), ==, haven_store_count_entries (f->store));

  if (dutch)
    {
      if (old_language != NULL)
        g_setenv ("LANGUAGE", old_language, TRUE);
      else
        g_unsetenv ("LANGUAGE");
      setlocale (LC_ALL, old_locale);
    }
}

static void
test_demo_read_only (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenStore) reader = haven_store_open (haven_store_get_path (f->store),
                                                   HAVEN_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  /* All or nothing: a journal that cannot be written gets nothing. */
  g_assert_false (haven_demo_fill (reader, haven_time_now (), 10, 1, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (haven_store_count_checkins (f->store), ==, 0);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 0);
}

/* The per-day sums the charts read are kept by triggers; after any mix of saves, edits,
 * drafts, trash, restores and purges they must equal what the records themselves say. */

static const char *
pick (GRand              *rand,
      const char * const *words,
      guint               n_words)
{
  return words[g_rand_int_range (rand, 0, n_words)];
}

static void
random_pain_points (Fixture *f,
                    GRand   *rand,
                    gint64   points[3],
                    guint   *n_points)
{
  guint n = g_rand_int_range (rand, 0, 4);

  *n_points = 0;
  for (guint i = 0; i < n; i++)
    {
      gint64 id = points[3 + g_rand_int_range (rand, 0, 4)];
      gboolean seen = FALSE;

      for (guint j = 0; j < *n_points; j++)
        seen |= points[j] == id;
      if (!seen)
        points[(*n_points)++] = id;
    }
}

static void
randomize_checkin (Fixture      *f,
                   GRand        *rand,
                   HavenCheckin *checkin,
                   HavenTime     start,
                   const gint64 *spots)
{
  static const char * const strategies[] = { "slow-breathing", "break", "moving", "writing" };
  const char *regulation[3] = { NULL, NULL, NULL };
  gint64 points[7];
  guint n_points;

  memcpy (points + 3, spots, 4 * sizeof (gint64));
  haven_checkin_set_at (checkin, start + g_rand_int_range (rand, 0, 40 * 24 * 3600));
  haven_checkin_set_mood (checkin, g_rand_int_range (rand, 1, 6));
  haven_checkin_set_reaction (checkin, g_rand_int_range (rand, 0, HAVEN_REACTION_LAST + 1));
  haven_checkin_set_intensity_before (checkin, g_rand_int_range (rand, -1, 11));
  haven_checkin_set_intensity_after (checkin, g_rand_int_range (rand, -1, 11));
  if (g_rand_boolean (rand))
    {
      regulation[0] = pick (rand, strategies, G_N_ELEMENTS (strategies));
      regulation[1] = g_rand_boolean (rand) ? pick (rand, strategies, G_N_ELEMENTS (strategies))
                                            : NULL;
    }
  haven_checkin_set_regulation (checkin, regulation);
  random_pain_points (f, rand, points, &n_points);
  haven_checkin_set_pain_point_ids (checkin, points, n_points);
}

static void
randomize_entry (Fixture    *f,
                 GRand      *rand,
                 HavenEntry *entry,
                 HavenTime   start,
                 const gint64 *spots)
{
  static const char * const reactions[] = { "pursue", "withdraw", "freeze", "pause" };
  static const char * const strategies[] = { "slow-breathing", "break", "moving", "writing" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) answers = NULL;
  g_autoptr(GString) text = g_string_new ("{'note': <'x'>");
  gint64 points[7];
  guint n_points;

  memcpy (points + 3, spots, 4 * sizeof (gint64));
  if (g_rand_boolean (rand))
    g_string_append_printf (text, ", 'reaction': <['%s', '%s']>",
                            pick (rand, reactions, G_N_ELEMENTS (reactions)),
                            pick (rand, reactions, G_N_ELEMENTS (reactions)));
  if (g_rand_boolean (rand))
    g_string_append_printf (text, ", 'what-helped': <['%s', '%s']>",
                            pick (rand, strategies, G_N_ELEMENTS (strategies)),
                            pick (rand, strategies, G_N_ELEMENTS (strategies)));
  if (g_rand_int_range (rand, 0, 4) > 0)
    g_string_append_printf (text, ", 'intensity': <int64 %d>", g_rand_int_range (rand, 0, 11));
  if (g_rand_int_range (rand, 0, 4) > 0)
    g_string_append_printf (text, ", 'intensity-after': <int64 %d>",
                            g_rand_int_range (rand, 0, 11));
  g_string_append (text, "}");

  answers = g_variant_ref_sink (g_variant_new_parsed (text->str));
  g_assert_true (haven_entry_set_answers (entry, answers, &error));
  g_assert_no_error (error);
  haven_entry_set_occurred_at (entry, start + g_rand_int_range (rand, 0, 40 * 24 * 3600));
  haven_entry_set_is_draft (entry, g_rand_int_range (rand, 0, 4) == 0);
  random_pain_points (f, rand, points, &n_points);
  haven_entry_set_pain_point_ids (entry, points, n_points);
}

static void
forget_purged (Fixture *f,
               GArray  *entries,
               GArray  *checkins)
{
  for (guint i = entries->len; i > 0; i--)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HavenEntry) entry = haven_store_get_entry (f->store, g_array_index (entries, gint64, i - 1), &error);

      if (entry == NULL)
        g_array_remove_index_fast (entries, i - 1);
    }
  for (guint i = checkins->len; i > 0; i--)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HavenCheckin) checkin = haven_store_get_checkin (f->store, g_array_index (checkins, gint64, i - 1), &error);

      if (checkin == NULL)
        g_array_remove_index_fast (checkins, i - 1);
    }
}

static void
test_days_kept (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261130);
  g_autoptr(GArray) checkins = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* Across the change to summer time, so some days are 23 hours long. */
  HavenTime start = local (2026, 3, 10, 0, 0);
  gint64 spots[4];

  spots[0] = pain_point (f, "not being heard");
  spots[1] = pain_point (f, "being left alone");
  spots[2] = pain_point (f, "criticism");
  spots[3] = pain_point (f, "money");

  for (guint step = 0; step < 600; step++)
    {
      g_autoptr(GError) error = NULL;
      guint op = g_rand_int_range (rand, 0, 10);
      gboolean is_entry = g_rand_boolean (rand);
      GArray *ids = is_entry ? entries : checkins;
      gint64 id = ids->len > 0 ? g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len))
                               : 0;

      if (op <= 2 || id == 0)
        {
          /* A new record. */
          if (is_entry)
            {
              g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_CONFLICT);

              randomize_entry (f, rand, entry, start, spots);
              g_assert_true (haven_store_save_entry (f->store, entry, &error));
              id = haven_entry_get_id (entry);
            }
          else
            {
              g_autoptr(HavenCheckin) checkin = haven_checkin_new (3);

              randomize_checkin (f, rand, checkin, start, spots);
              g_assert_true (haven_store_save_checkin (f->store, checkin, &error));
              id = haven_checkin_get_id (checkin);
            }
          g_assert_no_error (error);
          g_array_append_val (ids, id);
        }
      else if (op <= 5)
        {
          /* An edit: another day, other answers, other raw spots, a draft published. */
          if (is_entry)
            {
              g_autoptr(HavenEntry) entry = haven_store_get_entry (f->store, id, &error);

              g_assert_no_error (error);
              randomize_entry (f, rand, entry, start, spots);
              g_assert_true (haven_store_save_entry (f->store, entry, &error));
            }
          else
            {
              g_autoptr(HavenCheckin) checkin = haven_store_get_checkin (f->store, id, &error);

              g_assert_no_error (error);
              randomize_checkin (f, rand, checkin, start, spots);
              g_assert_true (haven_store_save_checkin (f->store, checkin, &error));
            }
          g_assert_no_error (error);
        }
      else if (op <= 7)
        {
          /* To the trash and back; either may be a no-op for a record already there. */
          gboolean ok = op == 6
                        ? (is_entry ? haven_store_trash_entry : haven_store_trash_checkin) (f->store, id, &error)
                        : (is_entry ? haven_store_restore_entry : haven_store_restore_checkin) (f->store, id, &error);

          if (!ok)
            g_clear_error (&error);
        }
      else if (op == 8)
        {
          /* Deleted for good, from the trash or not. */
          g_assert_true ((is_entry ? haven_store_purge_entry : haven_store_purge_checkin) (f->store, id, &error));
          g_assert_no_error (error);
          for (guint i = 0; i < ids->len; i++)
            if (g_array_index (ids, gint64, i) == id)
              g_array_remove_index_fast (ids, i);
        }
      else if (g_rand_int_range (rand, 0, 10) == 0)
        {
          g_assert_true (haven_store_empty_trash (f->store, &error));
          g_assert_no_error (error);
          forget_purged (f, entries, checkins);
        }

      if (step % 50 == 49)
        haven_test_assert_day_sums (f->dir);
    }

  g_assert_cmpuint (haven_store_count_checkins (f->store) + haven_store_count_entries (f->store),
                    >, 50);
  haven_test_assert_day_sums (f->dir);
}

typedef struct
{
  Fixture *f;
  gint64   spots[4];
  gboolean fail;
} BulkWrite;

static gboolean
write_in_bulk (HavenStore  *store,
               gpointer     user_data,
               GError     **error)
{
  BulkWrite *bulk = user_data;
  sqlite3 *db = _haven_store_get_db (store);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(HavenDaySumsHold) held = _haven_day_sums_hold (db, error);

  if (held == NULL)
    return FALSE;
  g_assert_cmpint (haven_test_query_int (db, "SELECT count (*) FROM sqlite_schema"
                                    " WHERE type = 'trigger' AND name GLOB '*_days_*'"), ==, 0);

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_CONFLICT);
      g_autoptr(HavenCheckin) checkin = haven_checkin_new (3);

      randomize_entry (bulk->f, rand, entry, local (2026, 3, 10, 0, 0), bulk->spots);
      randomize_checkin (bulk->f, rand, checkin, local (2026, 3, 10, 0, 0), bulk->spots);
      if (!haven_store_save_entry (store, entry, error) ||
          !haven_store_save_checkin (store, checkin, error))
        return FALSE;
    }

  if (bulk->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "stopped halfway");
      return FALSE;
    }

  /* The saves went past the hold, which therefore counts everything again. */
  _haven_day_sums_recount (held);

  return _haven_day_sums_release (db, held, error);
}

/* A bulk write sets the triggers aside and counts the sums again at the end; if it fails,
 * the triggers are back as they were. */
static void
test_days_bulk (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BulkWrite bulk = { f, { 0 }, TRUE };
  const char *none[] = { NULL };

  bulk.spots[0] = pain_point (f, "not being heard");
  bulk.spots[1] = pain_point (f, "being left alone");
  bulk.spots[2] = pain_point (f, "criticism");
  bulk.spots[3] = pain_point (f, "money");
  add_checkin (f, local (2026, 3, 12, 9, 0), 2, HAVEN_REACTION_FREEZE, bulk.spots, 2);
  add_helped_checkin (f, local (2026, 3, 13, 9, 0), 8, 2, none);

  g_assert_false (haven_store_run_in_transaction (f->store, write_in_bulk, &bulk, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (haven_store_count_checkins (f->store), ==, 2);
  /* The triggers are back: a save is counted. */
  add_checkin (f, local (2026, 3, 14, 9, 0), 4, HAVEN_REACTION_PAUSE, bulk.spots + 1, 3);
  haven_test_assert_day_sums (f->dir);

  bulk.fail = FALSE;
  g_assert_true (haven_store_run_in_transaction (f->store, write_in_bulk, &bulk, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (haven_store_count_checkins (f->store), ==, 43);
  haven_test_assert_day_sums (f->dir);

  /* And they keep counting afterwards. */
  add_checkin (f, local (2026, 3, 15, 9, 0), 5, HAVEN_REACTION_REACH_OUT, bulk.spots, 4);
  haven_test_assert_day_sums (f->dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything asks for local time. */
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  tzset ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HAVEN_LOCALEDIR") ? g_getenv ("HAVEN_LOCALEDIR")
                                                                 : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/stats/period/weeks", test_period_weeks);
  g_test_add_func ("/stats/period/locale-first-weekday", test_locale_first_weekday);
  g_test_add_func ("/stats/period/range-names", test_range_names);
  ADD ("/stats/reactions/weeks", test_reaction_weeks);
  ADD ("/stats/reactions/autumn", test_reaction_weeks_autumn);
  ADD ("/stats/reactions/counts", test_counts);
  ADD ("/stats/mood/daily", test_mood_series);
  ADD ("/stats/pain-points/weeks", test_pain_point_weeks);
  ADD ("/stats/what-helps", test_what_helps);
  ADD ("/stats/days-kept", test_days_kept);
  ADD ("/stats/days-bulk", test_days_bulk);
  ADD ("/stats/empty", test_empty_journal);
  ADD ("/stats/observations/english", test_observations);
  ADD ("/stats/observations/dutch", test_observations_dutch);
  g_test_add ("/demo/english", Fixture, GINT_TO_POINTER (FALSE), fixture_setup,
              test_demo_journal, fixture_teardown);
  g_test_add ("/demo/dutch", Fixture, GINT_TO_POINTER (TRUE), fixture_setup,
              test_demo_journal, fixture_teardown);
  ADD ("/demo/read-only", test_demo_read_only);

  return g_test_run ();
}
