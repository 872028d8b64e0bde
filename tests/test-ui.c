/* test-ui.c: the window on a real journal, under Xvfb
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-journal-list.h"
#include "haven-journal-model.h"
#include "haven-journal-row.h"
#include "haven-preferences-window.h"
#include "haven-test-ui.h"
#include "haven-test-util.h"
#include "haven-ui-util.h"
#include "haven-welcome-page.h"
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

  f->window = haven_window_new (app, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  haven_test_ui_set_dark (FALSE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  haven_test_ui_iterate (20);
  g_clear_object (&f->store);
  haven_test_rmtree (f->dir);
  g_free (f->dir);
}

/* Every template builds: gtk4-builder-tool cannot check Adw types, so this does. */
static void
test_templates_instantiate (void)
{
  GType types[] = {
    HAVEN_TYPE_JOURNAL_LIST,
    HAVEN_TYPE_JOURNAL_ROW,
    HAVEN_TYPE_WELCOME_PAGE,
  };
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  HavenPreferencesWindow *preferences;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (types[i], NULL));

      g_test_message ("built %s", g_type_name (types[i]));
      g_assert_finalize_object (widget);
    }

  preferences = haven_preferences_window_new (NULL);
  gtk_window_destroy (GTK_WINDOW (preferences));

  builder = gtk_builder_new ();
  gtk_builder_add_from_resource (builder, RESOURCE_BASE "/gtk/help-overlay.ui", &error);
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

static void
test_empty_journal (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *welcome;
  g_autoptr(GdkTexture) texture = NULL;

  haven_test_ui_present (GTK_WINDOW (f->window));

  g_assert_cmpstr (haven_window_get_page (f->window), ==, "welcome");
  welcome = haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_WELCOME_PAGE);
  g_assert_nonnull (welcome);
  g_assert_true (haven_welcome_page_get_journal_empty (HAVEN_WELCOME_PAGE (welcome)));
  g_assert_nonnull (haven_test_ui_find_button (GTK_WIDGET (f->window),
                                               _("Write About a Conflict")));

  texture = haven_test_ui_render (GTK_WIDGET (f->window), "window-empty");
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (f->window)));

  g_clear_object (&texture);
  haven_test_ui_set_dark (TRUE);
  texture = haven_test_ui_render (GTK_WIDGET (f->window), "window-empty");
}

static void
test_narrow_window_folds (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;
  AdwLeaflet *leaflet;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  haven_test_ui_present (GTK_WINDOW (f->window));

  leaflet = ADW_LEAFLET (haven_test_ui_find (GTK_WIDGET (f->window), ADW_TYPE_LEAFLET));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 380);

  texture = haven_test_ui_render (GTK_WIDGET (f->window), "window-narrow");
}

/* Usable at 360 pixels: no page may ask for more, in any language. */
static void
test_pages_fit_narrow_screens (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *stack;
  GtkWidget *list;
  int minimum;

  haven_test_ui_present (GTK_WINDOW (f->window));

  list = haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_JOURNAL_LIST);
  gtk_widget_measure (list, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("journal list: %d", minimum);
  g_assert_cmpint (minimum, <=, 360);

  stack = gtk_widget_get_parent (haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_WELCOME_PAGE));
  g_assert_true (GTK_IS_STACK (stack));
  for (GtkWidget *page = gtk_widget_get_first_child (stack);
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    {
      gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_test_message ("%s: %d", G_OBJECT_TYPE_NAME (page), minimum);
      g_assert_cmpint (minimum, <=, 360);
    }
}

static void
test_icon_buttons_have_labels (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *list;
  const char *labels[] = { _("New Entry"), _("Main Menu"), _("Search the Journal") };

  haven_test_ui_present (GTK_WINDOW (f->window));
  list = haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_JOURNAL_LIST);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *button = haven_test_ui_find_button (list, labels[i]);

      g_assert_nonnull (button);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, labels[i]);
    }
}

static guint
list_count (HavenWindow *window)
{
  HavenJournalList *list = HAVEN_JOURNAL_LIST (haven_test_ui_find (GTK_WIDGET (window),
                                                                   HAVEN_TYPE_JOURNAL_LIST));

  return g_list_model_get_n_items (G_LIST_MODEL (haven_journal_list_get_model (list)));
}

static GtkDropDown *
dropdown_after_label (GtkWidget  *popover,
                      const char *label)
{
  GtkWidget *grid = haven_test_ui_find (popover, GTK_TYPE_GRID);

  for (GtkWidget *child = gtk_widget_get_first_child (grid);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), label) == 0)
        return GTK_DROP_DOWN (gtk_label_get_mnemonic_widget (GTK_LABEL (child)));
    }

  g_assert_not_reached ();
}

static void
test_journal_filters (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenPainPoint) point = haven_store_add_pain_point (f->store, "feeling ignored", &error);
  g_autoptr(HavenEntry) conflict = haven_entry_new (HAVEN_ENTRY_KIND_CONFLICT);
  g_autoptr(HavenEntry) old = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
  g_autoptr(HavenCheckin) checkin = haven_checkin_new (2);
  const char *withdraw[] = { "withdraw", NULL };
  gint64 point_id = haven_pain_point_get_id (point);
  GtkWidget *list, *popover;
  HavenJournalFilter chart_filter = { 0 };

  haven_entry_set_title (conflict, "The phone at dinner");
  haven_entry_set_answer (conflict, "reaction", g_variant_new_strv (withdraw, -1));
  haven_entry_set_pain_point_ids (conflict, &point_id, 1);
  g_assert_true (haven_store_save_entry (f->store, conflict, &error));
  haven_entry_set_title (old, "A walk, last year");
  haven_entry_set_occurred_at (old, haven_time_now () - 400 * 24 * 3600);
  g_assert_true (haven_store_save_entry (f->store, old, &error));
  haven_checkin_set_reaction (checkin, HAVEN_REACTION_PURSUE);
  haven_checkin_set_note (checkin, "Texted three times");
  g_assert_true (haven_store_save_checkin (f->store, checkin, &error));
  g_assert_no_error (error);

  haven_test_ui_present (GTK_WINDOW (f->window));
  g_assert_cmpuint (list_count (f->window), ==, 3);

  list = haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_JOURNAL_LIST);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (haven_test_ui_find_button (list, _("Filter")))));
  gtk_popover_popup (GTK_POPOVER (popover));
  haven_test_ui_iterate (100);

  gtk_drop_down_set_selected (dropdown_after_label (popover, _("_Show")), HAVEN_ENTRY_KIND_LAST + 2);
  g_assert_cmpuint (list_count (f->window), ==, 1);  /* check-ins */
  gtk_drop_down_set_selected (dropdown_after_label (popover, _("_Show")), 0);

  gtk_drop_down_set_selected (dropdown_after_label (popover, _("_Raw spot")), 1);
  g_assert_cmpuint (list_count (f->window), ==, 1);
  gtk_drop_down_set_selected (dropdown_after_label (popover, _("_Raw spot")), 0);

  gtk_drop_down_set_selected (dropdown_after_label (popover, _("R_eaction")), HAVEN_REACTION_WITHDRAW);
  g_assert_cmpuint (list_count (f->window), ==, 1);
  gtk_drop_down_set_selected (dropdown_after_label (popover, _("R_eaction")), 0);

  gtk_drop_down_set_selected (dropdown_after_label (popover, _("_When")), 4);
  g_assert_cmpuint (list_count (f->window), ==, 2);
  g_object_unref (haven_test_ui_render (popover, "journal-filter-popover"));
  gtk_popover_popdown (GTK_POPOVER (popover));
  haven_test_ui_iterate (100);
  g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), "journal-filtered"));

  /* A filter from outside (a chart) shows in the bar; Show Everything clears it. */
  chart_filter.pain_point_id = point_id;
  haven_journal_list_set_filter (HAVEN_JOURNAL_LIST (list), &chart_filter);
  g_assert_cmpuint (list_count (f->window), ==, 1);
  g_assert_true (gtk_widget_activate_action (list, "journal.clear-filter", NULL));
  g_assert_cmpuint (list_count (f->window), ==, 3);
}

static void
test_snippet_markup (void)
{
  g_autofree char *a = haven_snippet_to_markup ("we \x02" "argued\x03\n\nagain <& again");
  g_autofree char *b = haven_snippet_to_markup ("cut off \x02" "here");
  g_autofree char *c = haven_snippet_to_markup ("stray\x03 end");

  g_assert_cmpstr (a, ==, "we <b>argued</b> again &lt;&amp; again");
  g_assert_cmpstr (b, ==, "cut off <b>here</b>");
  g_assert_cmpstr (c, ==, "stray end");
  g_assert_null (haven_snippet_to_markup (NULL));
}

static void
test_open_error_is_explained (void)
{
  g_autoptr(GError) error = g_error_new_literal (HAVEN_STORE_ERROR,
                                                 HAVEN_STORE_ERROR_NOT_A_JOURNAL,
                                                 _("This file is not a Haven journal."));
  HavenWindow *window = haven_window_new (app, NULL, error);
  g_autoptr(GdkTexture) texture = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  haven_test_ui_set_dark (FALSE);
  haven_test_ui_present (GTK_WINDOW (window));
  g_assert_cmpstr (haven_window_get_page (window), ==, "problem");

  texture = haven_test_ui_render (GTK_WIDGET (window), "window-problem");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = haven_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/templates-instantiate", test_templates_instantiate);
  g_test_add_func ("/ui/snippet-markup", test_snippet_markup);
  g_test_add ("/ui/window/empty-journal", Fixture, NULL, fixture_set_up, test_empty_journal,
              fixture_tear_down);
  g_test_add ("/ui/window/narrow-window-folds", Fixture, NULL, fixture_set_up,
              test_narrow_window_folds, fixture_tear_down);
  g_test_add ("/ui/window/pages-fit-narrow-screens", Fixture, NULL, fixture_set_up,
              test_pages_fit_narrow_screens, fixture_tear_down);
  g_test_add ("/ui/window/icon-buttons-have-labels", Fixture, NULL, fixture_set_up,
              test_icon_buttons_have_labels, fixture_tear_down);
  g_test_add_func ("/ui/window/open-error-is-explained", test_open_error_is_explained);
  g_test_add ("/ui/journal/filters", Fixture, NULL, fixture_set_up, test_journal_filters,
              fixture_tear_down);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
