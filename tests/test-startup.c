/* test-startup.c: how Haven starts GTK when it is started from the command line
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each start runs in a child process of its own: GTK starts once per process, and how it
 * started is what these tests look at. So unlike the other UI tests, main() starts nothing.
 */
#include "config.h"

#include <string.h>

#include "haven-store.h"
#include "haven-test-ui.h"

#define SUBPROCESS_TIMEOUT_US (120 * G_USEC_PER_SEC)

typedef struct
{
  GApplication *app;
  const char   *screenshot;
  char         *users_theme;  /* GTK_THEME as the test found it */
  gboolean      done;
} Start;

/* The window's first frame is out: what it shows and how GTK's theme was set up. */
static gboolean
window_shown_cb (gpointer data)
{
  Start *start = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (start->app));
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *theme_name = NULL;

  g_assert_nonnull (window);
  texture = haven_test_ui_render (GTK_WIDGET (window), start->screenshot);
  g_assert_nonnull (texture);

  g_object_get (gtk_settings_get_default (), "gtk-theme-name", &theme_name, NULL);
  if (start->users_theme != NULL)
    {
      /* The user's choice stays, for GTK and for the programs Haven starts. */
      g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, start->users_theme);
    }
  else
    {
      /* Nothing of the detour is left: libadwaita's blank theme, its own stylesheet on top
       * (the screenshot compared by the parent), and no GTK_THEME for programs Haven starts. */
      g_assert_null (g_getenv ("GTK_THEME"));
      g_assert_cmpstr (theme_name, ==, "Adwaita-empty");
    }

  start->done = TRUE;
  g_application_quit (start->app);

  return G_SOURCE_REMOVE;
}

static void
first_frame_cb (GdkFrameClock *clock,
                Start         *start)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, start);
  g_idle_add (window_shown_cb, start);
}

static void
window_mapped_cb (GtkWidget *window,
                  Start     *start)
{
  g_signal_handlers_disconnect_by_func (window, window_mapped_cb, start);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_frame_cb), start);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 Start          *start)
{
  g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), start);
}

/* Starts Haven on a new journal in a private home, as the program does when @from_command_line
 * (through g_application_run() and its options) or as the other UI tests do (registered and
 * activated), and renders its first window to the screenshot @name. */
static void
start_haven (gboolean    from_command_line,
             const char *name)
{
  g_autofree char *home = haven_test_ui_use_private_home ();
  g_autofree char *journal = NULL;
  g_autoptr(HavenApplication) app = NULL;
  g_autofree char *users_theme = g_strdup (g_getenv ("GTK_THEME"));
  Start start = { NULL, name, users_theme, FALSE };

  haven_i18n_init ();
  journal = haven_store_dup_default_path ();
  app = haven_application_new ();
  start.app = G_APPLICATION (app);
  /* Tests must never talk to a running Haven. */
  g_application_set_flags (start.app,
                           g_application_get_flags (start.app) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &start);

  if (from_command_line)
    {
      char *argv[] = { (char *)"haven", (char *)"--journal", journal, NULL };

      g_assert_cmpint (g_application_run (start.app, 3, argv), ==, 0);
    }
  else
    {
      g_autoptr(GError) error = NULL;

      g_application_register (start.app, NULL, &error);
      g_assert_no_error (error);
      g_application_activate (start.app);
      while (!start.done)
        g_main_context_iteration (NULL, TRUE);
    }

  g_assert_true (start.done);
}

static void
start_from_command_line (void)
{
  start_haven (TRUE, "startup-command-line");
}

static void
start_activated (void)
{
  start_haven (FALSE, "startup-activated");
}

static void
start_with_own_theme (void)
{
  g_setenv ("GTK_THEME", "Adwaita:dark", TRUE);
  start_haven (TRUE, "startup-own-theme");
}

static GdkTexture *
load_screenshot (const char *name)
{
  g_autofree char *file_name = g_strdup_printf ("%s-%s.png", name, haven_test_ui_language ());
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "screenshots", file_name, NULL);
  g_autoptr(GError) error = NULL;
  GdkTexture *texture = gdk_texture_new_from_filename (path, &error);

  g_assert_no_error (error);

  return texture;
}

static void
assert_same_pixels (GdkTexture *a,
                    GdkTexture *b)
{
  int width = gdk_texture_get_width (a);
  int height = gdk_texture_get_height (a);
  gsize stride = (gsize)width * 4;
  g_autofree guchar *pixels_a = NULL;
  g_autofree guchar *pixels_b = NULL;
  gsize differing = 0;

  g_assert_cmpint (gdk_texture_get_width (b), ==, width);
  g_assert_cmpint (gdk_texture_get_height (b), ==, height);
  pixels_a = g_malloc (stride * height);
  pixels_b = g_malloc (stride * height);
  gdk_texture_download (a, pixels_a, stride);
  gdk_texture_download (b, pixels_b, stride);
  for (gsize i = 0; i < stride * height; i += 4)
    differing += memcmp (pixels_a + i, pixels_b + i, 4) != 0;
  g_assert_cmpuint (differing, ==, 0);
}

/* Started from the command line, GTK is told to read the blank theme first instead of its
 * own, which libadwaita would drop (haven-application.c): the window must look exactly as it
 * does when GTK starts the usual way, and a theme the user names must still win. */
static void
test_blank_theme_first (void)
{
  g_autoptr(GdkTexture) from_command_line = NULL;
  g_autoptr(GdkTexture) activated = NULL;
  g_autoptr(GdkTexture) own_theme = NULL;

  /* Held open while the children come and go: Xvfb resets itself when its last client
   * leaves, and a child connecting during the reset finds no display. */
  gtk_init ();

  g_test_trap_subprocess ("/startup/subprocess/command-line", SUBPROCESS_TIMEOUT_US,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_subprocess ("/startup/subprocess/activated", SUBPROCESS_TIMEOUT_US,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_subprocess ("/startup/subprocess/own-theme", SUBPROCESS_TIMEOUT_US,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  from_command_line = load_screenshot ("startup-command-line");
  activated = load_screenshot ("startup-activated");
  own_theme = load_screenshot ("startup-own-theme");
  assert_same_pixels (from_command_line, activated);

  /* The comparison can tell themes apart: the user's dark theme without libadwaita's
   * stylesheet is another window altogether. */
  g_assert_cmphex (haven_test_ui_pixel (own_theme, 5, 5), !=,
                   haven_test_ui_pixel (activated, 5, 5));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/startup/blank-theme-first", test_blank_theme_first);
  g_test_add_func ("/startup/subprocess/command-line", start_from_command_line);
  g_test_add_func ("/startup/subprocess/activated", start_activated);
  g_test_add_func ("/startup/subprocess/own-theme", start_with_own_theme);

  return g_test_run ();
}
