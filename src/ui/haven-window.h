/* haven-window.h
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "haven-application.h"
#include "haven-store.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_WINDOW (haven_window_get_type ())

G_DECLARE_FINAL_TYPE (HavenWindow, haven_window, HAVEN, WINDOW, AdwApplicationWindow)

/* @store: (nullable): the journal; when NULL, @open_error says why it could not be opened
 * and the window explains that instead. */
HavenWindow *haven_window_new         (HavenApplication *application,
                                       HavenStore       *store,
                                       const GError     *open_error);
HavenStore  *haven_window_get_store   (HavenWindow      *self);
/* The journal turned out to be damaged (its deferred check failed): explain, offer help. */
void         haven_window_show_problem (HavenWindow     *self,
                                        const GError    *error);
void         haven_window_show_toast  (HavenWindow      *self,
                                       AdwToast         *toast);
/* The name of the page the content side shows ("welcome", "entry", "flow", …). */
const char  *haven_window_get_page    (HavenWindow      *self);

G_END_DECLS
