/* haven-chart.h: one of the Insights page's charts, drawn with cairo
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "haven-journal-model.h"
#include "haven-stats.h"

G_BEGIN_DECLS

typedef enum
{
  HAVEN_CHART_MOOD,              /* daily points, a seven-day mean line */
  HAVEN_CHART_REACTIONS,         /* stacked bars per week */
  HAVEN_CHART_PAIN_POINT_GRID,   /* weeks × raw spots, shaded by count */
  HAVEN_CHART_PAIN_POINT_TOP,    /* the most frequent raw spots as bars */
  HAVEN_CHART_WHAT_HELPS,        /* mean drop in intensity per strategy */
} HavenChartKind;

typedef enum
{
  HAVEN_CHART_FORMAT_PNG,
  HAVEN_CHART_FORMAT_SVG,
} HavenChartFormat;

/* One line of a chart's table alternative: what the chart shows at one place, and the
 * records behind it. */
typedef struct
{
  char               *title;
  char               *subtitle;
  HavenJournalFilter *filter;
} HavenChartRow;

void haven_chart_row_free (HavenChartRow *row);

#define HAVEN_TYPE_CHART (haven_chart_get_type ())

G_DECLARE_FINAL_TYPE (HavenChart, haven_chart, HAVEN, CHART, GtkWidget)

HavenChart     *haven_chart_new              (HavenChartKind            kind);
HavenChartKind  haven_chart_get_kind         (HavenChart               *self);

/* Each takes the data (transfer full); the kind decides which one it draws. */
void            haven_chart_set_mood         (HavenChart               *self,
                                              HavenMoodSeries          *series);
void            haven_chart_set_reactions    (HavenChart               *self,
                                              HavenReactionWeeks       *weeks);
void            haven_chart_set_pain_points  (HavenChart               *self,
                                              HavenPainPointWeeks      *weeks);
void            haven_chart_set_what_helps   (HavenChart               *self,
                                              HavenHelpStats           *stats);

/* Whether there is anything to draw. */
gboolean        haven_chart_has_data         (HavenChart               *self);
/* The same numbers as text: one row per week, raw spot or strategy. */
GPtrArray      *haven_chart_dup_table        (HavenChart               *self);
/* One or two sentences for screen readers. */
char           *haven_chart_dup_description  (HavenChart               *self);

/* For drawing the chart elsewhere (a printed summary): its height at @width, and the chart
 * itself into @cr, in the widget's colours, or with dark ink for white paper. */
double          haven_chart_get_height_for_width (HavenChart           *self,
                                                  double                width);
void            haven_chart_draw             (HavenChart               *self,
                                              cairo_t                  *cr,
                                              double                    width,
                                              double                    height,
                                              gboolean                  on_paper);

/* The filter behind the point, bar or cell at (@x, @y), or NULL. */
HavenJournalFilter *haven_chart_filter_at    (HavenChart               *self,
                                              double                    x,
                                              double                    y);

/* Writes the chart as it looks now, under @title and its period, @width pixels wide (PNG
 * at twice that), to @file: a new file, 0600. */
gboolean        haven_chart_save             (HavenChart               *self,
                                              GFile                    *file,
                                              HavenChartFormat          format,
                                              int                       width,
                                              const char               *title,
                                              GError                  **error);

G_END_DECLS
