/* haven-recovery-page.h: what Haven shows when the journal cannot be opened
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HAVEN_TYPE_RECOVERY_PAGE (haven_recovery_page_get_type ())

G_DECLARE_FINAL_TYPE (HavenRecoveryPage, haven_recovery_page, HAVEN, RECOVERY_PAGE, AdwBin)

/* Says what is wrong with the journal at @journal_path and what can be done: use the newest
 * good backup, or (for a damaged journal) export what can still be read. The journal file
 * itself is never written. Emits HavenRecoveryPage::journal-replaced once a backup has taken
 * its place. */
void        haven_recovery_page_set_problem    (HavenRecoveryPage *self,
                                                const char        *journal_path,
                                                const GError      *error);
/* The backup the page offers, or NULL. */
const char *haven_recovery_page_get_backup_path (HavenRecoveryPage *self);
/* Puts the damaged journal aside and the offered backup in its place (what the button
 * does). */
gboolean    haven_recovery_page_use_backup     (HavenRecoveryPage *self,
                                                GError           **error);
/* Exports what can be read from the damaged journal (what the export button does after its
 * file chooser). */
void        haven_recovery_page_export_to      (HavenRecoveryPage *self,
                                                const char        *path);

G_END_DECLS
