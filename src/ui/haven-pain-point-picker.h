/* haven-pain-point-picker.h: choose raw spots, or name a new one
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "haven-store.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_PAIN_POINT_PICKER (haven_pain_point_picker_get_type ())

G_DECLARE_FINAL_TYPE (HavenPainPointPicker, haven_pain_point_picker, HAVEN, PAIN_POINT_PICKER,
                      AdwBin)

HavenPainPointPicker *haven_pain_point_picker_new          (HavenStore           *store);
/* The chosen ids, sorted. */
const gint64         *haven_pain_point_picker_get_selected (HavenPainPointPicker *self,
                                                            guint                *n_ids);
void                  haven_pain_point_picker_set_selected (HavenPainPointPicker *self,
                                                            const gint64         *ids,
                                                            guint                 n_ids);
/* Adds (or finds) a raw spot by name and selects it; FALSE with @error when the journal
 * refuses the name. */
gboolean              haven_pain_point_picker_add          (HavenPainPointPicker *self,
                                                            const char           *name,
                                                            GError              **error);

G_END_DECLS
