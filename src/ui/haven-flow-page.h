/* haven-flow-page.h: one guided flow, a question at a time
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "haven-flow-runner.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_FLOW_PAGE (haven_flow_page_get_type ())

G_DECLARE_FINAL_TYPE (HavenFlowPage, haven_flow_page, HAVEN, FLOW_PAGE, AdwBin)

/* @entry: (nullable): a draft to continue or an entry whose answers to change. */
void             haven_flow_page_start      (HavenFlowPage   *self,
                                             HavenStore      *store,
                                             const HavenFlow *flow,
                                             HavenEntry      *entry);
HavenFlowRunner *haven_flow_page_get_runner (HavenFlowPage   *self);
/* Saves what there is and lets go of the flow; FALSE (and the page stays) when the draft
 * could not be saved. */
gboolean         haven_flow_page_close      (HavenFlowPage   *self);
/* The widget that takes the current step's answer (for tests). */
GtkWidget       *haven_flow_page_get_input  (HavenFlowPage   *self);

G_END_DECLS
