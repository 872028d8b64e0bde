/* haven-test-ui.h: helpers for tests that drive real widgets under Xvfb
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "haven-application.h"

G_BEGIN_DECLS

/* Points HOME and the XDG user directories at a new private directory, which it returns;
 * the system's data directories stay. Call it before anything else reads them. */
char             *haven_test_ui_use_private_home (void);
/* A private home, gettext, GTK and libadwaita, and a registered application that windows can
 * belong to. */
HavenApplication *haven_test_ui_init          (int          *argc,
                                               char       ***argv);
/* "en" or "nl": the language the program runs in, for file names of screenshots. */
const char       *haven_test_ui_language      (void);
/* Iterates the main loop until @done (a gboolean) is set or @timeout_ms pass. */
gboolean          haven_test_ui_wait_for      (const gboolean *done,
                                               guint           timeout_ms);
void              haven_test_ui_iterate       (guint           ms);
/* Activates @action on @widget (with a parameter built from @format and the rest, or none
 * when @format is NULL), asserts that it existed, and lets the main loop run briefly. */
void              haven_test_ui_activate      (gpointer        widget,
                                               const char     *action,
                                               const char     *format,
                                               ...);
/* Resizes a shown @window and waits (up to 5 s) until X has done it. */
void              haven_test_ui_resize        (GtkWindow      *window,
                                               int             width,
                                               int             height);
/* Shows @window, then waits for its first frame. */
void              haven_test_ui_present       (GtkWindow      *window);
/* Renders @widget with its window's renderer and saves
 * $G_TEST_BUILDDIR/screenshots/<name>-<language>[-dark].png. */
GdkTexture       *haven_test_ui_render        (GtkWidget      *widget,
                                               const char     *name);
void              haven_test_ui_set_dark      (gboolean        dark);
/* The first widget of @type inside @root (depth first), or NULL. */
GtkWidget        *haven_test_ui_find          (GtkWidget      *root,
                                               GType           type);
/* The first GtkButton or GtkMenuButton whose label, icon tooltip or accessible label is
 * @text. */
GtkWidget        *haven_test_ui_find_button   (GtkWidget      *root,
                                               const char     *text);
/* Reads one pixel from a texture as 0xAARRGGBB. */
guint32           haven_test_ui_pixel         (GdkTexture     *texture,
                                               int             x,
                                               int             y);

G_END_DECLS
