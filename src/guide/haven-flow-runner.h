/* haven-flow-runner.h: walks a person through a flow, keeping every answer in a draft
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "haven-flow.h"
#include "haven-store.h"

G_BEGIN_DECLS

/* The flow_step of an entry whose questions are all behind it. */
#define HAVEN_FLOW_STEP_SUMMARY "summary"

#define HAVEN_TYPE_FLOW_RUNNER (haven_flow_runner_get_type ())

G_DECLARE_FINAL_TYPE (HavenFlowRunner, haven_flow_runner, HAVEN, FLOW_RUNNER, GObject)

/* @entry: (nullable): a draft to continue, or a finished entry whose answers to change;
 * NULL starts a new draft. */
HavenFlowRunner *haven_flow_runner_new              (HavenStore       *store,
                                                     const HavenFlow  *flow,
                                                     HavenEntry       *entry);
const HavenFlow *haven_flow_runner_get_flow         (HavenFlowRunner  *self);
HavenEntry      *haven_flow_runner_get_entry        (HavenFlowRunner  *self);
HavenStore      *haven_flow_runner_get_store        (HavenFlowRunner  *self);

/* 0 … n_steps; n_steps is the summary. */
guint            haven_flow_runner_get_position     (HavenFlowRunner  *self);
guint            haven_flow_runner_get_n_steps      (HavenFlowRunner  *self);
gboolean         haven_flow_runner_is_at_summary    (HavenFlowRunner  *self);
/* NULL at the summary. */
const HavenStep *haven_flow_runner_get_step         (HavenFlowRunner  *self);
void             haven_flow_runner_next             (HavenFlowRunner  *self);
void             haven_flow_runner_back             (HavenFlowRunner  *self);
void             haven_flow_runner_go_to            (HavenFlowRunner  *self,
                                                     guint             position);

/* The answer to the current step; NULL clears it. Pain point steps use
 * haven_flow_runner_set_pain_points instead. */
void             haven_flow_runner_set_answer       (HavenFlowRunner  *self,
                                                     GVariant         *value);
GVariant        *haven_flow_runner_get_answer       (HavenFlowRunner  *self,
                                                     const HavenStep  *step);
gboolean         haven_flow_runner_is_answered      (HavenFlowRunner  *self,
                                                     const HavenStep  *step);
void             haven_flow_runner_set_pain_points  (HavenFlowRunner  *self,
                                                     const gint64     *ids,
                                                     guint             n_ids);
/* Whether any sign of unsafety has been marked. */
gboolean         haven_flow_runner_has_safety_signs (HavenFlowRunner  *self);

/* The answers as a coherent piece of writing, in the interface language. */
char            *haven_flow_runner_compose_summary  (HavenFlowRunner  *self);
char            *haven_flow_runner_compose_title    (HavenFlowRunner  *self);
/* An answer as it reads in the summary, or NULL when it was skipped. */
char            *haven_flow_runner_describe_answer  (HavenFlowRunner  *self,
                                                     const HavenStep  *step);
/* Turns the draft into a journal entry with the person's final title and text. The caller
 * saves it. */
void             haven_flow_runner_finish           (HavenFlowRunner  *self,
                                                     const char       *title,
                                                     const char       *body);

/* "a, b and c" in the interface language. */
char            *haven_join_words                   (const char * const *words);

G_END_DECLS
