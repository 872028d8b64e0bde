/* haven-scale-input.h: a 0–10 scale as a row of buttons
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HAVEN_TYPE_SCALE_INPUT (haven_scale_input_get_type ())

G_DECLARE_FINAL_TYPE (HavenScaleInput, haven_scale_input, HAVEN, SCALE_INPUT, AdwBin)

HavenScaleInput *haven_scale_input_new       (const char      *low_label,
                                              const char      *high_label);
/* -1 when nothing is chosen. */
int              haven_scale_input_get_value (HavenScaleInput *self);
void             haven_scale_input_set_value (HavenScaleInput *self,
                                              int              value);

G_END_DECLS
