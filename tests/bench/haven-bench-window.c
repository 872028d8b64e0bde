/* haven-bench-window.c: Haven's window on a journal, scrolled to the very end
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the real window on the journal given, waits for the first frame, scrolls the
 * journal list page by page down to its last row the way a person would, and prints the
 * process's peak memory as "peak-rss-kb N" (and the rows it read as "rows-read N").
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "haven-application.h"
#include "haven-insights-page.h"
#include "haven-journal-list.h"
#include "haven-window.h"

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

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find (GtkWidget *root,
      GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HavenApplication) app = NULL;
  g_autoptr(HavenStore) store = NULL;
  g_autoptr(GError) error = NULL;
  HavenWindow *window;
  HavenJournalList *list;
  GtkWidget *view;
  HavenInsightsPage *insights;
  double slowest_redraw = 0;
  guint n;

  if (argc != 2)
    {
      g_printerr ("usage: %s JOURNAL\n", argv[0]);
      return 2;
    }

  haven_i18n_init ();
  gtk_init ();
  adw_init ();

  app = haven_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  store = haven_store_open (argv[1], HAVEN_STORE_OPEN_NONE, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  window = haven_window_new (app, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  iterate (500);

  list = HAVEN_JOURNAL_LIST (find (GTK_WIDGET (window), HAVEN_TYPE_JOURNAL_LIST));
  /* The journal is a one-column grid view (GTK 4.8's list view keeps too many rows). */
  view = find (GTK_WIDGET (list), GTK_TYPE_GRID_VIEW);
  n = g_list_model_get_n_items (G_LIST_MODEL (haven_journal_list_get_model (list)));

  /* Down the list a screenful at a time, then to the last row. */
  for (guint position = 0; n > 0 && position < n; position += MAX (n / 200, 12))
    {
      gtk_widget_activate_action (view, "list.scroll-to-item", "u", position);
      iterate (2);
    }
  if (n > 0)
    gtk_widget_activate_action (view, "list.scroll-to-item", "u", n - 1);
  iterate (300);
  /* The memory of the journal list, before the Insights page adds its own. */
  g_printerr ("peak-rss-kb %u\n", peak_rss_kb ());

  /* Insights over the whole journal: each chart drawn again, as a resize or a theme change
   * would, into a surface of the size it has on screen. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-insights", NULL);
  insights = HAVEN_INSIGHTS_PAGE (find (GTK_WIDGET (window), HAVEN_TYPE_INSIGHTS_PAGE));
  g_object_set (insights, "range", "all", NULL);
  iterate (300);
  for (HavenChartKind kind = HAVEN_CHART_MOOD; kind <= HAVEN_CHART_WHAT_HELPS; kind++)
    {
      HavenChart *chart = haven_chart_card_get_chart (haven_insights_page_get_card (insights, kind));
      double width = 800, height = haven_chart_get_height_for_width (chart, 800);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      double total_ms = 0;

      for (int i = 0; i < 20; i++)
        {
          cairo_t *cr = cairo_create (surface);
          gint64 start = g_get_monotonic_time ();

          haven_chart_draw (chart, cr, width, height, FALSE);
          cairo_surface_flush (surface);
          total_ms += (g_get_monotonic_time () - start) / 1000.0;
          cairo_destroy (cr);
        }
      cairo_surface_destroy (surface);
      g_printerr ("chart-%d-redraw-ms %.2f\n", kind, total_ms / 20);
      slowest_redraw = MAX (slowest_redraw, total_ms / 20);
    }

  g_printerr ("rows %u\n", n);
  g_printerr ("rows-read %u\n", haven_journal_model_get_n_fetched (haven_journal_list_get_model (list)));
  g_printerr ("chart-redraw-ms %.2f\n", slowest_redraw);

  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
