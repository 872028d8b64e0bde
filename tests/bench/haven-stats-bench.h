/* haven-stats-bench.h: the chart aggregates, timed
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "haven-store.h"

G_BEGIN_DECLS

typedef struct
{
  double median;
  double p99;
  double max;
} HavenBenchStats;

typedef void (*HavenBenchRowFunc) (const char      *size,
                                   const char      *what,
                                   HavenBenchStats  stats,
                                   const char      *unit,
                                   const char      *target);

HavenBenchStats haven_bench_summarize (GArray *samples);

/* Times every aggregate the Insights page draws, for the last 4 weeks, 3 months, a year and
 * all time, and reports each through @row. */
void haven_stats_bench (const char        *size_name,
                        HavenStore        *store,
                        int                runs,
                        HavenBenchRowFunc  row);

G_END_DECLS
