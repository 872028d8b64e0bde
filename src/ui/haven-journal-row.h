/* haven-journal-row.h: one entry or check-in in the journal list
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "haven-journal-model.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_JOURNAL_ROW (haven_journal_row_get_type ())

G_DECLARE_FINAL_TYPE (HavenJournalRow, haven_journal_row, HAVEN, JOURNAL_ROW, GtkWidget)

HavenJournalRow *haven_journal_row_new  (void);
/* @previous: the row above, to decide whether this one starts a new day. */
void             haven_journal_row_bind (HavenJournalRow  *self,
                                         HavenJournalItem *item,
                                         HavenJournalItem *previous);

G_END_DECLS
