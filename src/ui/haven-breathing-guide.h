/* haven-breathing-guide.h: a circle to breathe with, out longer than in
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The pace: four seconds in, six out. A longer out-breath slows the heart. */
#define HAVEN_BREATHE_IN_SECONDS  4.0
#define HAVEN_BREATHE_OUT_SECONDS 6.0

typedef enum
{
  HAVEN_BREATH_IN,
  HAVEN_BREATH_OUT,
} HavenBreath;

/* Where a breath is @seconds into a session: in or out, and how full the circle is
 * (0 empty … 1 full). */
HavenBreath haven_breath_at (double  seconds,
                             double *fullness);

#define HAVEN_TYPE_BREATHING_GUIDE (haven_breathing_guide_get_type ())

G_DECLARE_FINAL_TYPE (HavenBreathingGuide, haven_breathing_guide, HAVEN, BREATHING_GUIDE,
                      AdwBin)

HavenBreathingGuide *haven_breathing_guide_new         (void);
gboolean             haven_breathing_guide_get_running (HavenBreathingGuide *self);
void                 haven_breathing_guide_start       (HavenBreathingGuide *self);
void                 haven_breathing_guide_pause       (HavenBreathingGuide *self);
/* Seconds breathed along so far, across pauses. */
guint                haven_breathing_guide_get_seconds (HavenBreathingGuide *self);
void                 haven_breathing_guide_set_seconds (HavenBreathingGuide *self,
                                                        guint                seconds);
/* The length of a session, in minutes. */
guint                haven_breathing_guide_get_minutes (HavenBreathingGuide *self);

G_END_DECLS
