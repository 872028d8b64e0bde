/* haven-stats-bench.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times each aggregate the Insights page asks for, per range, as the page asks for them:
 * one query each, on a warm connection.
 */
#include "config.h"

#include "haven-stats.h"
#include "haven-stats-bench.h"

typedef enum
{
  AGGREGATE_MOOD,
  AGGREGATE_REACTIONS,
  AGGREGATE_PAIN_POINTS,
  AGGREGATE_WHAT_HELPS,
  AGGREGATE_COMPARISONS,
  N_AGGREGATES
} Aggregate;

static const char * const aggregate_names[] = {
  "mood per day", "reactions per week", "raw spots per week", "what helps",
  "observations (8 weeks)",
};

static const char * const range_names[] = { "4 weeks", "3 months", "1 year", "all" };

static gboolean
run_aggregate (HavenStore             *store,
               Aggregate               aggregate,
               const HavenStatsPeriod *period,
               GError                **error)
{
  switch (aggregate)
    {
    case AGGREGATE_MOOD:
      {
        g_autoptr(HavenMoodSeries) series = haven_stats_mood_series (store, period, error);
        return series != NULL;
      }
    case AGGREGATE_REACTIONS:
      {
        g_autoptr(HavenReactionWeeks) weeks = haven_stats_reaction_weeks (store, period, error);
        return weeks != NULL;
      }
    case AGGREGATE_PAIN_POINTS:
      {
        g_autoptr(HavenPainPointWeeks) weeks = haven_stats_pain_point_weeks (store, period, error);
        return weeks != NULL;
      }
    case AGGREGATE_WHAT_HELPS:
      {
        g_autoptr(HavenHelpStats) stats = haven_stats_what_helps (store, period, error);
        return stats != NULL;
      }
    case AGGREGATE_COMPARISONS:
      {
        /* What the observations read: two windows of four weeks. */
        g_autoptr(GPtrArray) recent = NULL;
        g_autoptr(GPtrArray) earlier = NULL;
        guint counts[HAVEN_REACTION_LAST];
        HavenTime middle = period->to - 28 * 24 * 3600;
        HavenTime start = middle - 28 * 24 * 3600;
        double mean;
        guint n;

        recent = haven_stats_pain_point_counts (store, middle, period->to, error);
        earlier = recent ? haven_stats_pain_point_counts (store, start, middle, error) : NULL;
        return earlier != NULL &&
               haven_stats_reaction_counts (store, middle, period->to, counts, error) &&
               haven_stats_reaction_counts (store, start, middle, counts, error) &&
               haven_stats_mood_mean (store, middle, period->to, &mean, &n, error) &&
               haven_stats_mood_mean (store, start, middle, &mean, &n, error);
      }
    default:
      g_assert_not_reached ();
    }
}

void
haven_stats_bench (const char        *size_name,
                   HavenStore        *store,
                   int                runs,
                   HavenBenchRowFunc  row)
{
  for (HavenStatsRange range = 0; range <= HAVEN_STATS_RANGE_LAST; range++)
    {
      g_autoptr(GError) error = NULL;
      HavenStatsPeriod period;

      if (!haven_stats_period_init (&period, store, range, haven_time_now (), G_DATE_MONDAY,
                                    &error))
        g_error ("stats period: %s", error->message);

      for (Aggregate aggregate = 0; aggregate < N_AGGREGATES; aggregate++)
        {
          g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
          g_autofree char *what = NULL;

          /* The observations do not depend on the range. */
          if (aggregate == AGGREGATE_COMPARISONS && range != HAVEN_STATS_RANGE_4_WEEKS)
            continue;

          for (int i = 0; i < runs; i++)
            {
              gint64 start = g_get_monotonic_time ();
              double ms;

              if (!run_aggregate (store, aggregate, &period, &error))
                g_error ("%s: %s", aggregate_names[aggregate], error->message);
              ms = (g_get_monotonic_time () - start) / 1000.0;
              g_array_append_val (samples, ms);
            }

          what = aggregate == AGGREGATE_COMPARISONS
                 ? g_strdup (aggregate_names[aggregate])
                 : g_strdup_printf ("chart: %s, %s", aggregate_names[aggregate], range_names[range]);
          row (size_name, what, haven_bench_summarize (samples), "ms", "≤ 10 ms");
        }
    }
}
