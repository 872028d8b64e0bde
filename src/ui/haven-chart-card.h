/* haven-chart-card.h: a chart with its title, its table alternative and export
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "haven-chart.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_CHART_CARD (haven_chart_card_get_type ())

G_DECLARE_FINAL_TYPE (HavenChartCard, haven_chart_card, HAVEN, CHART_CARD, GtkWidget)

HavenChart *haven_chart_card_get_chart (HavenChartCard *self);
void        haven_chart_card_set_chart (HavenChartCard *self,
                                        HavenChart     *chart);
/* Reads the chart's numbers again into the table and the empty state. */
void        haven_chart_card_update    (HavenChartCard *self);

G_END_DECLS
