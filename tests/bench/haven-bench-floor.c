/* haven-bench-floor.c: the floor the benchmark compares Haven with
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bare libadwaita window with a header bar and a text view: what any GTK 4 app on this
 * machine pays before it does anything of its own. Timed like Haven, from main() to the
 * window's first frame, and printed as "startup-ms N"; then its peak memory as
 * "peak-rss-kb N", and it quits.
 */
#include <adwaita.h>
#include <stdio.h>
#include <string.h>

static gint64 started_us;

static guint
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");

  return line ? (guint)g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

static gboolean
quit_cb (gpointer app)
{
  g_printerr ("peak-rss-kb %u\n", peak_rss_kb ());
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
first_frame_cb (GdkFrameClock *clock,
                gpointer       app)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, app);
  g_printerr ("startup-ms %.1f\n", (g_get_monotonic_time () - started_us) / 1000.0);
  g_timeout_add (500, quit_cb, app);
}

static void
mapped_cb (GtkWidget *window,
           gpointer   app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_frame_cb), app);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), gtk_text_view_new ());
  gtk_box_append (GTK_BOX (box), scroller);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);

  g_signal_connect (window, "map", G_CALLBACK (mapped_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  started_us = g_get_monotonic_time ();

  app = adw_application_new ("io.github.havenjournal.Floor", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
