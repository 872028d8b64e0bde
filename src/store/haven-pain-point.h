/* haven-pain-point.h: a raw spot in the person's own words, or a tag
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "haven-store-types.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_PAIN_POINT (haven_pain_point_get_type ())

G_DECLARE_FINAL_TYPE (HavenPainPoint, haven_pain_point, HAVEN, PAIN_POINT, GObject)

gint64          haven_pain_point_get_id           (HavenPainPoint *self);
const char     *haven_pain_point_get_uuid         (HavenPainPoint *self);
const char     *haven_pain_point_get_name         (HavenPainPoint *self);
HavenTime       haven_pain_point_get_created_at   (HavenPainPoint *self);
/* How many listed entries and check-ins name it; filled in by list queries. */
guint           haven_pain_point_get_use_count    (HavenPainPoint *self);
HavenTime       haven_pain_point_get_last_used_at (HavenPainPoint *self);

/* Tags share the shape of pain points: a name the person chose, linked to records. They
 * hold what another app called activities (see the Daylio import). */
#define HAVEN_TYPE_TAG (haven_tag_get_type ())

G_DECLARE_FINAL_TYPE (HavenTag, haven_tag, HAVEN, TAG, GObject)

gint64          haven_tag_get_id                  (HavenTag       *self);
const char     *haven_tag_get_uuid                (HavenTag       *self);
const char     *haven_tag_get_name                (HavenTag       *self);

G_END_DECLS
