/* haven-checkin.h: one logged moment (mood, reaction, what helped) as plain data
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "haven-store-types.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_CHECKIN (haven_checkin_get_type ())

/* An intensity that was not given. */
#define HAVEN_INTENSITY_UNSET (-1)

G_DECLARE_FINAL_TYPE (HavenCheckin, haven_checkin, HAVEN, CHECKIN, GObject)

HavenCheckin   *haven_checkin_new                  (int            mood);
HavenCheckin   *haven_checkin_copy                 (HavenCheckin  *self);

gint64          haven_checkin_get_id               (HavenCheckin  *self);
const char     *haven_checkin_get_uuid             (HavenCheckin  *self);
HavenTime       haven_checkin_get_at               (HavenCheckin  *self);
void            haven_checkin_set_at               (HavenCheckin  *self,
                                                    HavenTime      at);
HavenTime       haven_checkin_get_created_at       (HavenCheckin  *self);
HavenTime       haven_checkin_get_updated_at       (HavenCheckin  *self);
HavenTime       haven_checkin_get_deleted_at       (HavenCheckin  *self);
int             haven_checkin_get_mood             (HavenCheckin  *self);
void            haven_checkin_set_mood             (HavenCheckin  *self,
                                                    int            mood);
int             haven_checkin_get_intensity_before (HavenCheckin  *self);
void            haven_checkin_set_intensity_before (HavenCheckin  *self,
                                                    int            intensity);
int             haven_checkin_get_intensity_after  (HavenCheckin  *self);
void            haven_checkin_set_intensity_after  (HavenCheckin  *self,
                                                    int            intensity);
HavenReaction   haven_checkin_get_reaction         (HavenCheckin  *self);
void            haven_checkin_set_reaction         (HavenCheckin  *self,
                                                    HavenReaction  reaction);
const char     *haven_checkin_get_note             (HavenCheckin  *self);
void            haven_checkin_set_note             (HavenCheckin  *self,
                                                    const char    *note);
gint64          haven_checkin_get_entry_id         (HavenCheckin  *self);
void            haven_checkin_set_entry_id         (HavenCheckin  *self,
                                                    gint64         entry_id);

/* Sets of language-neutral ids (e.g. "fear", "tight-chest", "slow-breathing"). */
const char * const *haven_checkin_get_emotions     (HavenCheckin  *self);
void            haven_checkin_set_emotions         (HavenCheckin  *self,
                                                    const char * const *emotions);
const char * const *haven_checkin_get_body_signals (HavenCheckin  *self);
void            haven_checkin_set_body_signals     (HavenCheckin  *self,
                                                    const char * const *signals);
const char * const *haven_checkin_get_regulation   (HavenCheckin  *self);
void            haven_checkin_set_regulation       (HavenCheckin  *self,
                                                    const char * const *strategies);

const gint64   *haven_checkin_get_pain_point_ids   (HavenCheckin  *self,
                                                    guint         *n_ids);
void            haven_checkin_set_pain_point_ids   (HavenCheckin  *self,
                                                    const gint64  *ids,
                                                    guint          n_ids);
const gint64   *haven_checkin_get_tag_ids          (HavenCheckin  *self,
                                                    guint         *n_ids);
void            haven_checkin_set_tag_ids          (HavenCheckin  *self,
                                                    const gint64  *ids,
                                                    guint          n_ids);

G_END_DECLS
