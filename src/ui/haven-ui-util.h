/* haven-ui-util.h: small formatting helpers the pages share
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "haven-store-types.h"

G_BEGIN_DECLS

/* "Today", "Yesterday", or the weekday and date in the user's language. */
char       *haven_format_day            (HavenTime   at,
                                         HavenTime   now);
char       *haven_format_time           (HavenTime   at);
char       *haven_format_date_time      (HavenTime   at);
gboolean    haven_same_local_day        (HavenTime   a,
                                         HavenTime   b);
/* Pango markup for a search snippet: matches (between U+0002 and U+0003) in bold, the rest
 * escaped. */
char       *haven_snippet_to_markup     (const char *snippet);
/* Like gtk_widget_set_tooltip_text(), without asking the display where the pointer is. */
void        haven_widget_set_tooltip    (GtkWidget  *widget,
                                         const char *text);
/* The tooltip text of @widget, set either way. */
const char *haven_widget_get_tooltip    (GtkWidget  *widget);
/* GTK's font options with what cairo adds where text is drawn (see the .c file). */
const cairo_font_options_t *haven_drawn_font_options (void);
/* Gives @widget and all it holds now those options: its text is measured in the fonts it is
 * drawn in, each glyph loaded once. */
void        haven_widget_measure_fonts_as_drawn (GtkWidget *widget);

G_END_DECLS
