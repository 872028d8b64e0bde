/* haven-preferences-window.h
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HAVEN_TYPE_PREFERENCES_WINDOW (haven_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (HavenPreferencesWindow, haven_preferences_window, HAVEN,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @settings: (nullable): without settings the choices cannot be kept and are insensitive */
HavenPreferencesWindow *haven_preferences_window_new (GSettings *settings);

G_END_DECLS
