/* haven-summary.h: a printable summary of a period, to bring to a therapist
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "haven-stats.h"

G_BEGIN_DECLS

/* What goes into a summary. Nothing else does: no entry is in it unless its id is here. */
typedef struct
{
  HavenStatsRange  range;
  HavenTime        now;                  /* 0: the clock; the period ends in its week */
  gboolean         include_mood;         /* the mood chart */
  gboolean         include_reactions;    /* the reactions chart */
  gboolean         include_pain_points;  /* recurring raw spots, with how often */
  const gint64    *entry_ids;            /* the entries ticked; those outside the period,
                                          * drafts and trashed ones are left out */
  guint            n_entry_ids;
} HavenSummaryOptions;

void     haven_summary_options_init  (HavenSummaryOptions        *options);

/* Writes the summary to @path as a PDF of A4 pages, through GtkPrintOperation's export: to
 * a private (0600) file beside @path first, which replaces @path only once it is complete,
 * so a failure leaves nothing behind. GTK exports synchronously (with a main loop of its
 * own while it draws the pages): callers keep their windows from being used meanwhile. */
gboolean haven_summary_export_pdf    (HavenStore                 *store,
                                      const HavenSummaryOptions  *options,
                                      const char                 *path,
                                      GError                    **error);

/* "3 March – 30 March 2026": the days of @period that have passed. */
char    *haven_summary_describe_period (const HavenStatsPeriod   *period);

G_END_DECLS
