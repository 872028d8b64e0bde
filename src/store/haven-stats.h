/* haven-stats.h: the numbers behind the Insights page
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every aggregate is one SQL query over a period of whole local weeks and comes back as a
 * plain structure the charts only draw. Weeks and days are local: a check-in at 23:59 on
 * Sunday and one at 00:00 on Monday fall in different weeks when weeks start on Monday,
 * through summer time changes too. A week or a day without data is a zero, never missing.
 * A record's day is fixed when it is saved, in the time zone of that moment, so a moment
 * stays on the day it was lived after a move to another time zone.
 */
#pragma once

#include "haven-store.h"

G_BEGIN_DECLS

typedef enum
{
  HAVEN_STATS_RANGE_4_WEEKS,
  HAVEN_STATS_RANGE_3_MONTHS,
  HAVEN_STATS_RANGE_YEAR,
  HAVEN_STATS_RANGE_ALL,
} HavenStatsRange;

#define HAVEN_STATS_RANGE_LAST HAVEN_STATS_RANGE_ALL

/* "4-weeks", "3-months", "year", "all": the names pages and actions use for a range. */
const char       *haven_stats_range_to_string   (HavenStatsRange  range);
gboolean          haven_stats_range_from_string (const char      *str,
                                                 HavenStatsRange *range);

/* Whole local weeks, the last of them holding @now. */
typedef struct
{
  GDate        first_day;      /* the first day of the first week */
  guint        n_weeks;        /* at least 1 */
  GDateWeekday first_weekday;
  HavenTime    from;           /* local midnight starting first_day */
  HavenTime    to;             /* local midnight after the last day, exclusive */
  GDate        today;          /* the day holding @now: later days have no data yet */
} HavenStatsPeriod;

/* The first day of the week in the current LC_TIME locale (Monday in nl_NL, Sunday in
 * en_US), Monday when the locale does not say. */
GDateWeekday      haven_stats_locale_first_weekday (void);

/* The last 4, 13 or 52 weeks, or every week since the first record (at least 4). */
gboolean          haven_stats_period_init     (HavenStatsPeriod       *period,
                                               HavenStore             *store,
                                               HavenStatsRange         range,
                                               HavenTime               now,
                                               GDateWeekday            first_weekday,
                                               GError                **error);
guint             haven_stats_period_n_days   (const HavenStatsPeriod *period);
/* Local midnight at the start of @day (0 … n_days; n_days gives period->to). */
HavenTime         haven_stats_period_day_start (const HavenStatsPeriod *period,
                                                guint                   day);
HavenTime         haven_stats_period_week_start (const HavenStatsPeriod *period,
                                                 guint                   week);
void              haven_stats_period_get_day  (const HavenStatsPeriod *period,
                                               guint                   day,
                                               GDate                  *date);

/* Mood per local day: the mean of that day's check-ins, and the mean of all check-ins in
 * the seven days ending that day. NAN where there were none. */
typedef struct
{
  HavenStatsPeriod period;
  guint            n_days;
  guint           *count;        /* check-ins per day */
  double          *mean;
  double          *rolling_mean;
  guint            total;        /* check-ins with a mood in the period */
} HavenMoodSeries;

HavenMoodSeries  *haven_stats_mood_series     (HavenStore             *store,
                                               const HavenStatsPeriod *period,
                                               GError                **error);
void              haven_mood_series_free      (HavenMoodSeries        *series);

/* How I reacted, per week: check-ins and guided entries. */
typedef struct
{
  HavenStatsPeriod period;
  guint            n_weeks;
  guint           *counts;       /* [week * HAVEN_REACTION_LAST + (reaction - 1)] */
  guint            total;
  guint            max_week_total;
} HavenReactionWeeks;

HavenReactionWeeks *haven_stats_reaction_weeks (HavenStore             *store,
                                                const HavenStatsPeriod *period,
                                                GError                **error);
guint             haven_reaction_weeks_get    (const HavenReactionWeeks *weeks,
                                               guint                     week,
                                               HavenReaction             reaction);
void              haven_reaction_weeks_free   (HavenReactionWeeks     *weeks);

/* Raw spots, per week: how often each pain point was named in an entry or a check-in. */
typedef struct
{
  gint64  id;
  char   *name;
  guint   total;
  guint  *weekly;               /* n_weeks counts */
} HavenPainPointRow;

typedef struct
{
  HavenStatsPeriod period;
  guint            n_weeks;
  GPtrArray       *rows;         /* HavenPainPointRow, most often first, then by name */
  guint            max_cell;
} HavenPainPointWeeks;

HavenPainPointWeeks *haven_stats_pain_point_weeks (HavenStore             *store,
                                                   const HavenStatsPeriod *period,
                                                   GError                **error);
void              haven_pain_point_weeks_free (HavenPainPointWeeks    *weeks);

/* What helps: for each regulation strategy used where intensity was noted before and after,
 * how often, and the mean drop (before − after). */
typedef struct
{
  char   *strategy;              /* an id of HAVEN_VOCABULARY_REGULATION */
  guint   count;
  double  mean_drop;
} HavenHelpRow;

typedef struct
{
  HavenStatsPeriod period;
  GPtrArray       *rows;         /* HavenHelpRow, largest mean drop first */
} HavenHelpStats;

HavenHelpStats   *haven_stats_what_helps      (HavenStore             *store,
                                               const HavenStatsPeriod *period,
                                               GError                **error);
void              haven_help_stats_free       (HavenHelpStats         *stats);

/* Counts over any stretch of time [from, to), for the observations and the weekly look
 * back. Pain point counts come most often first. */
typedef struct
{
  gint64  id;
  char   *name;
  guint   count;
} HavenPainPointCount;

GPtrArray        *haven_stats_pain_point_counts (HavenStore           *store,
                                                 HavenTime             from,
                                                 HavenTime             to,
                                                 GError              **error);
/* Fills counts[reaction - 1] for every reaction. */
gboolean          haven_stats_reaction_counts (HavenStore             *store,
                                               HavenTime               from,
                                               HavenTime               to,
                                               guint                   counts[HAVEN_REACTION_LAST],
                                               GError                **error);
/* The mean mood of the check-ins in [from, to), and how many there were (0: mean is NAN). */
gboolean          haven_stats_mood_mean       (HavenStore             *store,
                                               HavenTime               from,
                                               HavenTime               to,
                                               double                 *mean,
                                               guint                  *count,
                                               GError                **error);
/* Check-ins in [from, to). */
guint             haven_stats_count_checkins  (HavenStore             *store,
                                               HavenTime               from,
                                               HavenTime               to,
                                               GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenMoodSeries, haven_mood_series_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenReactionWeeks, haven_reaction_weeks_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenPainPointWeeks, haven_pain_point_weeks_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenHelpStats, haven_help_stats_free)

G_END_DECLS
