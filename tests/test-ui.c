/* test-ui.c: the window on a real journal, under Xvfb
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-journal-list.h"
#include "haven-journal-row.h"
#include "haven-preferences-window.h"
#include "haven-test-ui.h"
#include "haven-test-util.h"
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
  g_test_add ("/ui/window/empty-journal", Fixture, NULL, fixture_set_up, test_empty_journal,
              fixture_tear_down);
  g_test_add ("/ui/window/narrow-window-folds", Fixture, NULL, fixture_set_up,
              test_narrow_window_folds, fixture_tear_down);
  g_test_add ("/ui/window/pages-fit-narrow-screens", Fixture, NULL, fixture_set_up,
              test_pages_fit_narrow_screens, fixture_tear_down);
  g_test_add ("/ui/window/icon-buttons-have-labels", Fixture, NULL, fixture_set_up,
              test_icon_buttons_have_labels, fixture_tear_down);
  g_test_add_func ("/ui/window/open-error-is-explained", test_open_error_is_explained);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
