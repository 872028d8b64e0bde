/* haven-entry-page.h: an entry to read and change, or a blank page to write on
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "haven-store.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_ENTRY_PAGE (haven_entry_page_get_type ())

G_DECLARE_FINAL_TYPE (HavenEntryPage, haven_entry_page, HAVEN, ENTRY_PAGE, AdwBin)

/* Shows @entry; changes are saved as they are typed. */
void        haven_entry_page_show_entry  (HavenEntryPage *self,
                                          HavenStore     *store,
                                          HavenEntry     *entry);
/* A new free entry: a draft until the page is left, so a crash offers it back. */
void        haven_entry_page_start_free  (HavenEntryPage *self,
                                          HavenStore     *store);
HavenEntry *haven_entry_page_get_entry   (HavenEntryPage *self);
/* Saves and lets go of the entry. FALSE (the page keeps it) when it could not be saved. */
gboolean    haven_entry_page_leave       (HavenEntryPage *self);
GtkTextView *haven_entry_page_get_body_view (HavenEntryPage *self);

G_END_DECLS
