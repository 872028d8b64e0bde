/* haven-stats-bench.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Filled in when the Insights page's aggregates (src/store/haven-stats.c) land.
 */
#include "config.h"

#include "haven-stats-bench.h"

void
haven_stats_bench (const char        *size_name,
                   HavenStore        *store,
                   int                runs,
                   HavenBenchRowFunc  row)
{
}
