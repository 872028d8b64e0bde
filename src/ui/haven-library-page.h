/* haven-library-page.h: the built-in articles, by theme, searchable
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "haven-library.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_LIBRARY_PAGE (haven_library_page_get_type ())

G_DECLARE_FINAL_TYPE (HavenLibraryPage, haven_library_page, HAVEN, LIBRARY_PAGE, AdwBin)

HavenLibraryPage *haven_library_page_new          (void);
/* The articles shown; the interface language's library unless set. */
void              haven_library_page_set_library  (HavenLibraryPage *self,
                                                   HavenLibrary     *library);
/* Shows only the articles that match @query (see haven_article_matches). */
void              haven_library_page_set_query    (HavenLibraryPage *self,
                                                   const char       *query);
/* How many articles the page shows now. */
guint             haven_library_page_get_n_shown  (HavenLibraryPage *self);

G_END_DECLS
