/* haven-application.h
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "haven-store.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_APPLICATION (haven_application_get_type ())

G_DECLARE_FINAL_TYPE (HavenApplication, haven_application, HAVEN, APPLICATION, AdwApplication)

HavenApplication *haven_application_new          (void);
/* The journal the window shows; NULL until the application has been activated, or when the
 * journal could not be opened. */
HavenStore       *haven_application_get_store    (HavenApplication *self);
/* Where the journal is, even when it could not be opened. */
const char       *haven_application_get_journal_path (HavenApplication *self);
gboolean          haven_application_is_demo      (HavenApplication *self);
GSettings        *haven_application_get_settings (HavenApplication *self);
/* Opens the journal again (after a backup took the place of a damaged one) in a new window
 * that replaces the active one. */
void              haven_application_reopen_journal (HavenApplication *self);

/* When main() began (g_get_monotonic_time); with HAVEN_REPORT_STARTUP=1 the time from then
 * to the window's first frame is printed to stderr as "startup-ms N". */
void              haven_application_set_started  (HavenApplication *self,
                                                  gint64            started_us);

/* Sets up gettext: the build tree's catalogues when HAVEN_LOCALEDIR says so. */
void              haven_i18n_init                (void);

G_END_DECLS
