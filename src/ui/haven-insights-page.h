/* haven-insights-page.h: the charts, and what stands out in them
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "haven-chart-card.h"
#include "haven-store.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_INSIGHTS_PAGE (haven_insights_page_get_type ())

G_DECLARE_FINAL_TYPE (HavenInsightsPage, haven_insights_page, HAVEN, INSIGHTS_PAGE, AdwBin)

void            haven_insights_page_set_store (HavenInsightsPage *self,
                                               HavenStore        *store);
void            haven_insights_page_refresh   (HavenInsightsPage *self);
/* Fixes the day the page counts back from (tests); 0 follows the clock. */
void            haven_insights_page_set_now   (HavenInsightsPage *self,
                                               HavenTime          now);
HavenChartCard *haven_insights_page_get_card  (HavenInsightsPage *self,
                                               HavenChartKind     kind);

G_END_DECLS
