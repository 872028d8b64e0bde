/* haven-trash-page.h: what was deleted, to bring back or let go of for good
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "haven-store.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_TRASH_PAGE (haven_trash_page_get_type ())

G_DECLARE_FINAL_TYPE (HavenTrashPage, haven_trash_page, HAVEN, TRASH_PAGE, AdwBin)

void        haven_trash_page_set_store (HavenTrashPage *self,
                                        HavenStore     *store);
GListModel *haven_trash_page_get_model (HavenTrashPage *self);

G_END_DECLS
