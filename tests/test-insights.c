/* test-insights.c: the Insights page and its charts, drawn for real under Xvfb
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Screenshots land in $G_TEST_BUILDDIR/screenshots (insights-*.png, chart-*.png).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <time.h>

#include "haven-chart.h"
#include "haven-demo.h"
#include "haven-entry-page.h"
#include "haven-insights-page.h"
#include "haven-journal-list.h"
#include "haven-test-ui.h"
#include "haven-test-util.h"
#include "haven-window.h"

static HavenApplication *app;

typedef struct
{
  char        *dir;
  HavenStore  *store;
  HavenWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = haven_test_make_tmpdir ();
  path = g_build_filename (f->dir, "journal.db", NULL);
  f->store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  haven_test_ui_set_dark (FALSE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  haven_test_ui_iterate (20);
  g_clear_object (&f->store);
  haven_test_rmtree (f->dir);
  g_free (f->dir);
}

static HavenTime
local (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

/* Tuesday 31 March 2026, noon: every test counts back from here. */
#define NOW (local (2026, 3, 31, 12, 0))

static HavenInsightsPage *
open_insights (Fixture *f,
               int      width,
               int      height)
{
  HavenInsightsPage *page;

  f->window = haven_window_new (app, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  haven_test_ui_present (GTK_WINDOW (f->window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-insights", NULL));
  page = HAVEN_INSIGHTS_PAGE (haven_test_ui_find (GTK_WIDGET (f->window),
                                                  HAVEN_TYPE_INSIGHTS_PAGE));
  g_assert_nonnull (page);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "insights");
  haven_insights_page_set_now (page, NOW);
  haven_test_ui_iterate (50);

  return page;
}

static HavenChart *
chart_of (HavenInsightsPage *page,
          HavenChartKind     kind)
{
  return haven_chart_card_get_chart (haven_insights_page_get_card (page, kind));
}

static void
fill_demo (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (haven_demo_fill (f->store, NOW, 14, 7, &error));
  g_assert_no_error (error);
}

static gint64
add_checkin (Fixture       *f,
             HavenTime      at,
             HavenReaction  reaction)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenCheckin) checkin = haven_checkin_new (3);

  haven_checkin_set_at (checkin, at);
  haven_checkin_set_reaction (checkin, reaction);
  g_assert_true (haven_store_save_checkin (f->store, checkin, &error));
  g_assert_no_error (error);

  return haven_checkin_get_id (checkin);
}

/* The page's scrolled content, whole, for a screenshot. */
static GtkWidget *
page_content (HavenInsightsPage *page)
{
  GtkStack *stack = GTK_STACK (haven_test_ui_find (GTK_WIDGET (page), GTK_TYPE_STACK));
  GtkWidget *clamp = haven_test_ui_find (gtk_stack_get_child_by_name (stack, "charts"),
                                         ADW_TYPE_CLAMP);

  g_assert_nonnull (clamp);
  return clamp;
}

static void
test_sparse (Fixture       *f,
             gconstpointer  data)
{
  HavenInsightsPage *page;
  GtkStack *stack;
  g_autoptr(GdkTexture) texture = NULL;

  add_checkin (f, NOW - 3600, HAVEN_REACTION_PAUSE);
  page = open_insights (f, 1000, 700);
  stack = GTK_STACK (haven_test_ui_find (GTK_WIDGET (page), GTK_TYPE_STACK));

  /* Two check-ins are not a pattern yet: the page says what will come, and why. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "sparse");
  g_assert_nonnull (haven_test_ui_find_button (GTK_WIDGET (page), _("_Log a Moment")));
  texture = haven_test_ui_render (GTK_WIDGET (page), "insights-sparse");

  /* The page follows the journal while it is shown (on idle: wait for it, however busy the
   * machine is). */
  add_checkin (f, NOW - 7200, HAVEN_REACTION_PAUSE);
  add_checkin (f, NOW - 9000, HAVEN_REACTION_PAUSE);
  for (guint waited = 0;
       g_strcmp0 (gtk_stack_get_visible_child_name (stack), "charts") != 0 && waited < 5000;
       waited += 20)
    haven_test_ui_iterate (20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "charts");
}

static void
render_page (Fixture    *f,
             const char *name,
             int         width,
             gboolean    dark)
{
  HavenInsightsPage *page;
  g_autoptr(GdkTexture) texture = NULL;

  haven_test_ui_set_dark (dark);
  /* The whole page, scrolled part and all, on the window's background. */
  page = open_insights (f, width, 900);
  gtk_widget_add_css_class (page_content (page), "background");
  texture = haven_test_ui_render (page_content (page), name);
  g_assert_cmpint (gdk_texture_get_width (texture), <=, width);
  /* Nothing is cut off: the page's content fits the window's width. */
  g_assert_cmpint (gtk_widget_get_width (page_content (page)), <=, width);
}

static void
test_demo_light (Fixture       *f,
                 gconstpointer  data)
{
  HavenInsightsPage *page;
  GPtrArray *rows;
  GtkWidget *observations;

  fill_demo (f);
  render_page (f, "insights-demo", 1000, FALSE);
  page = HAVEN_INSIGHTS_PAGE (haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_INSIGHTS_PAGE));

  for (HavenChartKind kind = HAVEN_CHART_MOOD; kind <= HAVEN_CHART_WHAT_HELPS; kind++)
    {
      HavenChart *chart = chart_of (page, kind);
      g_autofree char *description = haven_chart_dup_description (chart);
      GPtrArray *table;

      /* Ten weeks of a life leave something in every chart, and its text alternative. */
      g_assert_true (haven_chart_has_data (chart));
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (chart)), >, 40);
      g_test_message ("%s", description);
      table = haven_chart_dup_table (chart);
      g_assert_cmpuint (table->len, >, 0);
      g_ptr_array_unref (table);
    }

  /* Something stands out after ten weeks. */
  observations = haven_test_ui_find (GTK_WIDGET (page), GTK_TYPE_LABEL);
  g_assert_nonnull (observations);
  rows = haven_chart_dup_table (chart_of (page, HAVEN_CHART_PAIN_POINT_TOP));
  g_assert_cmpuint (rows->len, >=, 2);
  g_ptr_array_unref (rows);

  /* Every range draws. */
  for (guint i = 0; i < 4; i++)
    {
      const char *ranges[] = { "3-months", "year", "all", "4-weeks" };

      g_object_set (page, "range", ranges[i], NULL);
      haven_test_ui_iterate (20);
      g_assert_true (haven_chart_has_data (chart_of (page, HAVEN_CHART_REACTIONS)));
    }
  g_object_set (page, "range", "3-months", NULL);
  {
    g_autoptr(GdkTexture) texture = haven_test_ui_render (page_content (page), "insights-demo-3-months");
  }
}

static void
test_demo_dark (Fixture       *f,
                gconstpointer  data)
{
  fill_demo (f);
  render_page (f, "insights-demo", 1000, TRUE);
}

static void
test_demo_narrow (Fixture       *f,
                  gconstpointer  data)
{
  fill_demo (f);
  render_page (f, "insights-demo-360", 360, FALSE);
}

/* Counts the pixels of column @x, between @top and @bottom, that are not background. */
static int
ink_height (GdkTexture *texture,
            int         x,
            guint32     background)
{
  int height = gdk_texture_get_height (texture);
  int ink = 0;

  for (int y = 0; y < height; y++)
    if ((haven_test_ui_pixel (texture, x, y) & 0xffffff) != (background & 0xffffff))
      ink++;

  return ink;
}

static void
test_bars_follow_data (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GPtrArray) widths = g_ptr_array_new ();
  HavenInsightsPage *page;
  HavenChart *chart;
  guint32 background;
  int width, third, fourth;
  double week_w, x0;

  /* Week 3 (from 23 March) has one check-in, week 4 (from 30 March) three, and week 1 one
   * more so the page has its three. */
  add_checkin (f, local (2026, 3, 10, 9, 0), HAVEN_REACTION_WITHDRAW);
  add_checkin (f, local (2026, 3, 24, 9, 0), HAVEN_REACTION_WITHDRAW);
  add_checkin (f, local (2026, 3, 30, 9, 0), HAVEN_REACTION_WITHDRAW);
  add_checkin (f, local (2026, 3, 30, 10, 0), HAVEN_REACTION_WITHDRAW);
  add_checkin (f, local (2026, 3, 31, 9, 0), HAVEN_REACTION_WITHDRAW);

  page = open_insights (f, 1000, 900);
  chart = chart_of (page, HAVEN_CHART_REACTIONS);
  texture = haven_test_ui_render (GTK_WIDGET (chart), "chart-reactions-bars");
  width = gdk_texture_get_width (texture);
  background = haven_test_ui_pixel (texture, width - 1, 0);

  /* The plot starts after the y labels; four weeks share the rest. Find each week's bar at
   * the middle of its quarter of the plot. */
  x0 = width - 8 - (width - 8) * 0.96;
  week_w = (width - 8 - x0) / 4;
  third = ink_height (texture, (int) (x0 + 2.5 * week_w), background);
  fourth = ink_height (texture, (int) (x0 + 3.5 * week_w), background);
  g_test_message ("ink in week 3: %d px, week 4: %d px", third, fourth);
  g_assert_cmpint (fourth, >, third);
  /* Three check-ins against one: about three times as tall (less the axis and labels). */
  g_assert_cmpint (fourth, >, 2 * third - 10);
  /* And the week without check-ins has no bar at all: only the axis line and label. */
  g_assert_cmpint (ink_height (texture, (int) (x0 + 1.5 * week_w), background), <, third);
}

static void
test_click_through (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_CONFLICT);
  g_autoptr(HavenPainPoint) point = haven_store_add_pain_point (f->store, "Not being chosen", &error);
  g_autoptr(HavenJournalFilter) filter = NULL;
  HavenInsightsPage *page;
  HavenChart *chart;
  HavenEntryPage *entry_page;
  gint64 point_id;
  gboolean found = FALSE;

  g_assert_no_error (error);
  point_id = haven_pain_point_get_id (point);
  haven_entry_set_title (entry, "Saturday cancelled");
  haven_entry_set_occurred_at (entry, local (2026, 3, 24, 20, 0));
  haven_entry_set_pain_point_ids (entry, &point_id, 1);
  g_assert_true (haven_store_save_entry (f->store, entry, &error));
  g_assert_no_error (error);
  for (int i = 0; i < 3; i++)
    add_checkin (f, local (2026, 3, 10 + i, 9, 0), HAVEN_REACTION_PAUSE);

  page = open_insights (f, 1000, 900);
  chart = chart_of (page, HAVEN_CHART_PAIN_POINT_GRID);
  {
    g_autoptr(GdkTexture) texture = haven_test_ui_render (GTK_WIDGET (chart), "chart-grid-one");
  }

  /* Find the one coloured cell by asking the chart what is where. */
  for (int x = 0; x < gtk_widget_get_width (GTK_WIDGET (chart)) && !found; x += 2)
    for (int y = 0; y < gtk_widget_get_height (GTK_WIDGET (chart)) && !found; y += 2)
      {
        filter = haven_chart_filter_at (chart, x, y);
        found = filter != NULL;
        if (!found)
          continue;
        g_assert_cmpint (filter->pain_point_id, ==, point_id);
        /* The week holding the entry (it starts on Sunday or Monday, by locale). */
        g_assert_cmpint (filter->from, <=, haven_entry_get_occurred_at (entry));
        g_assert_cmpint (filter->to, >, haven_entry_get_occurred_at (entry));
        /* Seven local days: an hour short, as summer time starts on 29 March. */
        g_assert_cmpint (filter->to - filter->from, >=, 7 * 24 * 3600 - 3600);
        g_assert_cmpint (filter->to - filter->from, <=, 7 * 24 * 3600);
        /* The cell is in the third of four columns. */
        g_assert_cmpint (x, >, gtk_widget_get_width (GTK_WIDGET (chart)) / 2);
        g_assert_cmpint (x, <, gtk_widget_get_width (GTK_WIDGET (chart)) * 3 / 4 + 8);
      }
  g_assert_true (found);

  /* A click there: the one entry behind it opens. */
  g_signal_emit_by_name (chart, "activated", filter);
  haven_test_ui_iterate (50);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "entry");
  entry_page = HAVEN_ENTRY_PAGE (haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_ENTRY_PAGE));
  g_assert_nonnull (entry_page);
  g_assert_cmpint (haven_entry_get_id (haven_entry_page_get_entry (entry_page)), ==,
                   haven_entry_get_id (entry));
  {
    HavenJournalList *list = HAVEN_JOURNAL_LIST (haven_test_ui_find (GTK_WIDGET (f->window),
                                                                    HAVEN_TYPE_JOURNAL_LIST));
    GListModel *shown = G_LIST_MODEL (haven_journal_list_get_model (list));
    g_autoptr(HavenJournalItem) item = g_list_model_get_item (shown, 0);

    /* The list beside it shows what the cell stood for. */
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
    g_assert_cmpint (haven_journal_item_get_id (item), ==, haven_entry_get_id (entry));
  }
}

static void
test_table_rows_open_records (Fixture       *f,
                              gconstpointer  data)
{
  HavenInsightsPage *page;
  HavenChartCard *card;
  GtkListBox *table;
  GtkListBoxRow *row;
  HavenJournalList *list;

  for (int i = 0; i < 3; i++)
    add_checkin (f, local (2026, 3, 10 + i, 9, 0), HAVEN_REACTION_REACH_OUT);
  add_checkin (f, local (2026, 3, 30, 9, 0), HAVEN_REACTION_FREEZE);

  page = open_insights (f, 1000, 900);
  card = haven_insights_page_get_card (page, HAVEN_CHART_REACTIONS);
  /* As a person would: open the list under the chart. */
  gtk_expander_set_expanded (GTK_EXPANDER (haven_test_ui_find (GTK_WIDGET (card), GTK_TYPE_EXPANDER)),
                             TRUE);
  haven_test_ui_iterate (20);
  table = GTK_LIST_BOX (haven_test_ui_find (GTK_WIDGET (card), GTK_TYPE_LIST_BOX));
  g_assert_nonnull (table);
  {
    g_autoptr(GdkTexture) texture = haven_test_ui_render (GTK_WIDGET (card), "chart-card-with-list");
  }

  /* Newest week first: the week of 30 March, one check-in. */
  row = gtk_list_box_get_row_at_index (table, 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (table, 2));
  g_signal_emit_by_name (table, "row-activated", row);
  haven_test_ui_iterate (50);

  list = HAVEN_JOURNAL_LIST (haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_JOURNAL_LIST));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (haven_journal_list_get_model (list))), ==, 1);

  row = gtk_list_box_get_row_at_index (table, 1);
  g_signal_emit_by_name (table, "row-activated", row);
  haven_test_ui_iterate (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (haven_journal_list_get_model (list))), ==, 3);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *png = g_build_filename (f->dir, "mood.png", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "mood.svg", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "missing", "mood.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GFile) svg_file = g_file_new_for_path (svg);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GdkTexture) texture = NULL;
  HavenInsightsPage *page;

  fill_demo (f);
  page = open_insights (f, 1000, 900);

  for (HavenChartKind kind = HAVEN_CHART_MOOD; kind <= HAVEN_CHART_WHAT_HELPS; kind++)
    {
      HavenChart *chart = chart_of (page, kind);
      g_autofree char *name = g_strdup_printf ("chart-%d-%s.png", kind, haven_test_ui_language ());
      g_autofree char *shot = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", name, NULL);
      g_autoptr(GFile) shot_file = g_file_new_for_path (shot);

      g_autofree char *title = NULL;

      g_object_get (haven_insights_page_get_card (page, kind), "title", &title, NULL);
      g_assert_true (haven_chart_save (chart, shot_file, HAVEN_CHART_FORMAT_PNG, 720, title, &error));
      g_assert_no_error (error);
    }

  g_assert_true (haven_chart_save (chart_of (page, HAVEN_CHART_MOOD), png_file,
                                   HAVEN_CHART_FORMAT_PNG, 720, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (haven_test_file_mode (png) & 0777, ==, 0600);
  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  /* Twice the width asked for, for sharp prints. */
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1440);

  g_assert_true (haven_chart_save (chart_of (page, HAVEN_CHART_REACTIONS), svg_file,
                                   HAVEN_CHART_FORMAT_SVG, 720, "How You Reacted", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (haven_test_file_mode (svg) & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"720\""));

  /* A folder that is not there: a clear error, no file. */
  g_assert_false (haven_chart_save (chart_of (page, HAVEN_CHART_MOOD), bad_file,
                                    HAVEN_CHART_FORMAT_PNG, 720, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

static void
test_empty_period (Fixture       *f,
                   gconstpointer  data)
{
  HavenInsightsPage *page;
  g_autoptr(GdkTexture) texture = NULL;

  /* Three check-ins long ago, nothing in the last four weeks: each chart says so. */
  for (int i = 0; i < 3; i++)
    add_checkin (f, local (2025, 6, 10 + i, 9, 0), HAVEN_REACTION_NONE);

  page = open_insights (f, 1000, 900);
  for (HavenChartKind kind = HAVEN_CHART_MOOD; kind <= HAVEN_CHART_WHAT_HELPS; kind++)
    g_assert_false (haven_chart_has_data (chart_of (page, kind)));
  texture = haven_test_ui_render (page_content (page), "insights-empty-period");

  g_object_set (page, "range", "all", NULL);
  haven_test_ui_iterate (20);
  g_assert_true (haven_chart_has_data (chart_of (page, HAVEN_CHART_MOOD)));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  tzset ();
  app = haven_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/insights/sparse", test_sparse);
  ADD ("/insights/demo/light", test_demo_light);
  ADD ("/insights/demo/dark", test_demo_dark);
  ADD ("/insights/demo/narrow", test_demo_narrow);
  ADD ("/insights/empty-period", test_empty_period);
  ADD ("/insights/bars-follow-data", test_bars_follow_data);
  ADD ("/insights/click-through", test_click_through);
  ADD ("/insights/table-rows", test_table_rows_open_records);
  ADD ("/insights/export", test_export);

  return g_test_run ();
}
