/* haven-checkin-page.h: log a moment in a few seconds, or change one logged before
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "haven-store.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_CHECKIN_PAGE (haven_checkin_page_get_type ())

G_DECLARE_FINAL_TYPE (HavenCheckinPage, haven_checkin_page, HAVEN, CHECKIN_PAGE, AdwBin)

/* A new check-in: now, nothing chosen yet. */
void          haven_checkin_page_start         (HavenCheckinPage *self,
                                                HavenStore       *store);
/* @checkin, to change or delete. The page works on a copy. */
void          haven_checkin_page_show_checkin  (HavenCheckinPage *self,
                                                HavenStore       *store,
                                                HavenCheckin     *checkin);
/* The check-in as last saved (id 0 while a new one is not saved yet), or NULL. */
HavenCheckin *haven_checkin_page_get_checkin   (HavenCheckinPage *self);
/* 1–5, or 0 while no mood is chosen. */
int           haven_checkin_page_get_mood      (HavenCheckinPage *self);
void          haven_checkin_page_set_mood      (HavenCheckinPage *self,
                                                int               mood);
/* When the moment was: defaults to now. */
HavenTime     haven_checkin_page_get_at        (HavenCheckinPage *self);
void          haven_checkin_page_set_at        (HavenCheckinPage *self,
                                                HavenTime         at);
/* TRUE when something was changed since the check-in was shown or saved. */
gboolean      haven_checkin_page_get_changed   (HavenCheckinPage *self);
/* Saves what the form holds when it was changed and can be saved, then lets go of it.
 * FALSE when that failed: the form keeps everything and says why. */
gboolean      haven_checkin_page_leave         (HavenCheckinPage *self);

G_END_DECLS
