/* haven-back-button.h: the header bar's back button, shown while the leaflet is folded
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HAVEN_TYPE_BACK_BUTTON (haven_back_button_get_type ())

G_DECLARE_FINAL_TYPE (HavenBackButton, haven_back_button, HAVEN, BACK_BUTTON, GtkButton)

G_END_DECLS
