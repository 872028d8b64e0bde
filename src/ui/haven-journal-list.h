/* haven-journal-list.h: the sidebar: the journal, newest first, with search
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "haven-journal-model.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_JOURNAL_LIST (haven_journal_list_get_type ())

G_DECLARE_FINAL_TYPE (HavenJournalList, haven_journal_list, HAVEN, JOURNAL_LIST, AdwBin)

HavenStore        *haven_journal_list_get_store   (HavenJournalList         *self);
void               haven_journal_list_set_store   (HavenJournalList         *self,
                                                   HavenStore               *store);
HavenJournalModel *haven_journal_list_get_model   (HavenJournalList         *self);
void               haven_journal_list_set_filter  (HavenJournalList         *self,
                                                   const HavenJournalFilter *filter);
void               haven_journal_list_start_search (HavenJournalList        *self);
void               haven_journal_list_popup_new_menu (HavenJournalList      *self);
/* Selects the row of a record, if the list shows it. */
void               haven_journal_list_select      (HavenJournalList         *self,
                                                   HavenRecordType           type,
                                                   gint64                    id);
void               haven_journal_list_unselect    (HavenJournalList         *self);

G_END_DECLS
