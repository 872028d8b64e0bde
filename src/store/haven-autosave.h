/* haven-autosave.h: saves an entry shortly after each change, and keeps trying
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "haven-store.h"

G_BEGIN_DECLS

typedef enum
{
  HAVEN_AUTOSAVE_SAVED,
  HAVEN_AUTOSAVE_PENDING,
  HAVEN_AUTOSAVE_FAILED,
} HavenAutosaveState;

#define HAVEN_TYPE_AUTOSAVE (haven_autosave_get_type ())

G_DECLARE_FINAL_TYPE (HavenAutosave, haven_autosave, HAVEN, AUTOSAVE, GObject)

HavenAutosave      *haven_autosave_new        (HavenStore     *store,
                                               HavenEntry     *entry);
HavenEntry         *haven_autosave_get_entry  (HavenAutosave  *self);
/* Call after every change to the entry: it is saved within a second of the last change,
 * and never later than two seconds after the first unsaved one, even while typing goes on. */
void                haven_autosave_changed    (HavenAutosave  *self);
/* Saves now if anything is unsaved. */
gboolean            haven_autosave_flush      (HavenAutosave  *self,
                                               GError        **error);
HavenAutosaveState  haven_autosave_get_state  (HavenAutosave  *self);
/* Why the last save failed, while the state is FAILED. */
const GError       *haven_autosave_get_error  (HavenAutosave  *self);
/* For tests: shorter delays. */
void                haven_autosave_set_delays (HavenAutosave  *self,
                                               guint           idle_ms,
                                               guint           max_ms,
                                               guint           retry_ms);

G_END_DECLS
