/* haven-window-data.h: the window's export, import, backup and restore actions
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "haven-export.h"
#include "haven-window.h"

G_BEGIN_DECLS

/* Installs win.export, win.import, win.back-up-now, win.restore and win.share-summary. */
void _haven_window_data_class_init  (GtkWidgetClass    *widget_class);
void _haven_window_data_set_enabled (HavenWindow       *self,
                                     gboolean           enabled);

/* What the actions do once their file chooser has answered. Each works in a thread on a
 * connection of its own and tells the window when it is done (a toast, or a dialog that
 * says what went wrong). */
void haven_window_export_to         (HavenWindow       *self,
                                     const char        *path,
                                     HavenExportFormat  format);
void haven_window_import_from       (HavenWindow       *self,
                                     const char        *path);
void haven_window_back_up_now       (HavenWindow       *self);
/* Asks first, in a dialog; restores when the person agrees. */
void haven_window_restore_from      (HavenWindow       *self,
                                     const char        *backup_path);

G_END_DECLS
