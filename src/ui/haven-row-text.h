/* haven-row-text.h
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HAVEN_TYPE_ROW_TEXT (haven_row_text_get_type ())

G_DECLARE_FINAL_TYPE (HavenRowText, haven_row_text, HAVEN, ROW_TEXT, GtkWidget)

GtkWidget  *haven_row_text_new        (void);
/* The text as it reads, without markup. */
const char *haven_row_text_get_text   (HavenRowText *self);
void        haven_row_text_set_text   (HavenRowText *self,
                                       const char   *text);
/* Pango markup; text that is not valid markup is shown as it is. */
void        haven_row_text_set_markup (HavenRowText *self,
                                       const char   *markup);

/* For the tests: the layout the text is drawn from at @width pixels. */
PangoLayout *_haven_row_text_get_layout (HavenRowText *self,
                                         int           width);

G_END_DECLS
