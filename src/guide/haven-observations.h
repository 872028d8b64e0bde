/* haven-observations.h: what the numbers say, in plain words
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "haven-stats.h"

G_BEGIN_DECLS

/* A few sentences for the top of the Insights page, in the interface language: raw spots
 * that came up more or less often in the last four weeks than in the four before, the most
 * frequent reaction, what helped most in @period. Facts about moments, never a verdict on
 * the person. An empty array when there is too little to say. */
GPtrArray *haven_observations_compose (HavenStore             *store,
                                       const HavenStatsPeriod *period,
                                       HavenTime               now,
                                       GError                **error);

G_END_DECLS
