/* haven-welcome-page.h: what the content side shows when nothing is open
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HAVEN_TYPE_WELCOME_PAGE (haven_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (HavenWelcomePage, haven_welcome_page, HAVEN, WELCOME_PAGE, AdwBin)

void     haven_welcome_page_set_journal_empty (HavenWelcomePage *self,
                                               gboolean          journal_empty);
gboolean haven_welcome_page_get_journal_empty (HavenWelcomePage *self);
/* Unfinished entries to offer back (element-type HavenEntry), newest first. */
void     haven_welcome_page_set_drafts        (HavenWelcomePage *self,
                                               GPtrArray        *drafts);
guint    haven_welcome_page_get_n_drafts      (HavenWelcomePage *self);

G_END_DECLS
