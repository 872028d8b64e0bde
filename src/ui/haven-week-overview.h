/* haven-week-overview.h: the last seven days of the journal, in counts
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "haven-store.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_WEEK_OVERVIEW (haven_week_overview_get_type ())

G_DECLARE_FINAL_TYPE (HavenWeekOverview, haven_week_overview, HAVEN, WEEK_OVERVIEW, AdwBin)

/* The seven days that end at @now. */
HavenWeekOverview *haven_week_overview_new (HavenStore *store,
                                            HavenTime   now);

G_END_DECLS
