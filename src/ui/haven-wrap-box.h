/* haven-wrap-box.h
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HAVEN_TYPE_WRAP_BOX (haven_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (HavenWrapBox, haven_wrap_box, HAVEN, WRAP_BOX, GtkWidget)

GtkWidget *haven_wrap_box_new (void);

G_END_DECLS
