/* haven-entry.h: one journal entry, free or guided, as plain data
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "haven-store-types.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_ENTRY (haven_entry_get_type ())

G_DECLARE_FINAL_TYPE (HavenEntry, haven_entry, HAVEN, ENTRY, GObject)

HavenEntry     *haven_entry_new                (HavenEntryKind  kind);
HavenEntry     *haven_entry_copy               (HavenEntry     *self);

gint64          haven_entry_get_id             (HavenEntry     *self);
const char     *haven_entry_get_uuid           (HavenEntry     *self);
HavenEntryKind  haven_entry_get_kind           (HavenEntry     *self);
void            haven_entry_set_kind           (HavenEntry     *self,
                                                HavenEntryKind  kind);
const char     *haven_entry_get_flow_id        (HavenEntry     *self);
void            haven_entry_set_flow_id        (HavenEntry     *self,
                                                const char     *flow_id);
const char     *haven_entry_get_flow_step      (HavenEntry     *self);
void            haven_entry_set_flow_step      (HavenEntry     *self,
                                                const char     *step_id);
HavenTime       haven_entry_get_occurred_at    (HavenEntry     *self);
void            haven_entry_set_occurred_at    (HavenEntry     *self,
                                                HavenTime       occurred_at);
HavenTime       haven_entry_get_created_at     (HavenEntry     *self);
HavenTime       haven_entry_get_updated_at     (HavenEntry     *self);
const char     *haven_entry_get_title          (HavenEntry     *self);
void            haven_entry_set_title          (HavenEntry     *self,
                                                const char     *title);
const char     *haven_entry_get_body           (HavenEntry     *self);
void            haven_entry_set_body           (HavenEntry     *self,
                                                const char     *body);
gboolean        haven_entry_get_is_draft       (HavenEntry     *self);
void            haven_entry_set_is_draft       (HavenEntry     *self,
                                                gboolean        is_draft);
HavenTime       haven_entry_get_deleted_at     (HavenEntry     *self);

/* Answers to the steps of a guided flow, keyed by step id. A value is a string ("s") for
 * written answers, an array of choice ids ("as") for choices, or an int64 ("x") for scales.
 * Only written answers are indexed for search. */
GVariant       *haven_entry_get_answer         (HavenEntry     *self,
                                                const char     *step_id);
void            haven_entry_set_answer         (HavenEntry     *self,
                                                const char     *step_id,
                                                GVariant       *value);
GStrv           haven_entry_dup_answer_ids     (HavenEntry     *self);
GVariant       *haven_entry_dup_answers        (HavenEntry     *self);
gboolean        haven_entry_set_answers        (HavenEntry     *self,
                                                GVariant       *answers,
                                                GError        **error);
gboolean        haven_answer_value_is_valid    (GVariant       *value);

const gint64   *haven_entry_get_pain_point_ids (HavenEntry     *self,
                                                guint          *n_ids);
void            haven_entry_set_pain_point_ids (HavenEntry     *self,
                                                const gint64   *ids,
                                                guint           n_ids);
const gint64   *haven_entry_get_tag_ids        (HavenEntry     *self,
                                                guint          *n_ids);
void            haven_entry_set_tag_ids        (HavenEntry     *self,
                                                const gint64   *ids,
                                                guint           n_ids);

/* The first line of the body or of the first written answer, for lists. */
char           *haven_entry_dup_display_title  (HavenEntry     *self);

G_END_DECLS
