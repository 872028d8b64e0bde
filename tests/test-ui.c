/* test-ui.c: the window on a real journal, under Xvfb
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "haven-backup.h"
#include "haven-import-dialog.h"
#include "haven-journal-list.h"
#include "haven-journal-model.h"
#include "haven-recovery-page.h"
#include "haven-row-text.h"
#include "haven-window-data.h"
#include "haven-journal-row.h"
#include "haven-preferences-window.h"
#include "haven-test-ui.h"
#include "haven-test-util.h"
#include "haven-ui-util.h"
#include "haven-vocabulary.h"
#include "haven-welcome-page.h"
#include "haven-window.h"
#include "haven-wrap-box.h"

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
    HAVEN_TYPE_RECOVERY_PAGE,
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

  gtk_window_destroy (GTK_WINDOW (g_object_new (HAVEN_TYPE_IMPORT_DIALOG, NULL)));

  builder = gtk_builder_new ();
  gtk_builder_add_from_resource (builder, RESOURCE_BASE "/haven-shortcuts.ui", &error);
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

/* What a page's viewport holds sits in the middle of its height while it is shorter: the
 * space above its first clamp is the space below its last. */
static void
assert_centred_in_viewport (GtkWidget *page)
{
  GtkWidget *viewport = haven_test_ui_find (page, GTK_TYPE_VIEWPORT);
  GtkWidget *first = haven_test_ui_find (viewport, ADW_TYPE_CLAMP);
  GtkWidget *last = first;
  graphene_rect_t top, bottom;
  double above, below;

  g_assert_nonnull (first);
  while (ADW_IS_CLAMP (gtk_widget_get_next_sibling (last)))
    last = gtk_widget_get_next_sibling (last);

  g_assert_true (gtk_widget_compute_bounds (first, viewport, &top));
  g_assert_true (gtk_widget_compute_bounds (last, viewport, &bottom));
  above = top.origin.y;
  below = gtk_widget_get_height (viewport) - (bottom.origin.y + bottom.size.height);
  g_test_message ("%s: %.0f px above, %.0f px below", G_OBJECT_TYPE_NAME (page), above, below);
  g_assert_cmpfloat (above, >, 36);
  g_assert_cmpfloat (fabs (above - below), <=, 1);
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
  assert_centred_in_viewport (welcome);
  assert_centred_in_viewport (haven_test_ui_find (GTK_WIDGET (f->window),
                                                  HAVEN_TYPE_JOURNAL_LIST));

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
  g_autoptr(GtkSelectionModel) pages = NULL;
  GtkWidget *list;
  int minimum;

  haven_test_ui_present (GTK_WINDOW (f->window));

  /* Pages are built when first shown: show each once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.start-flow", "s", "free"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-trash", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.start-flow", "s",
                                             "after-conflict"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-home", NULL));
  haven_test_ui_iterate (50);

  list = haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_JOURNAL_LIST);
  gtk_widget_measure (list, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("journal list: %d", minimum);
  g_assert_cmpint (minimum, <=, 360);

  stack = gtk_widget_get_parent (haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_WELCOME_PAGE));
  g_assert_true (GTK_IS_STACK (stack));
  pages = gtk_stack_get_pages (GTK_STACK (stack));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), >=, 4);
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
  GtkMenuButton *filter_button;
  GtkStack *stack;
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
  /* The popover is built when it is first opened. */
  filter_button = GTK_MENU_BUTTON (haven_test_ui_find_button (list, _("Filter")));
  g_assert_null (gtk_menu_button_get_popover (filter_button));
  gtk_menu_button_popup (filter_button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (filter_button));
  g_assert_nonnull (popover);
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
  /* While another test program on the same display holds a grab, X may not show the
   * popover: then there is nothing to render (the filters above worked all the same). */
  if (gtk_widget_get_mapped (popover) && gtk_widget_get_width (popover) > 0)
    g_object_unref (haven_test_ui_render (popover, "journal-filter-popover"));
  else
    g_test_message ("the filter popover was not shown (another program's grab?): not rendered");
  gtk_popover_popdown (GTK_POPOVER (popover));
  haven_test_ui_iterate (100);
  g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), "journal-filtered"));

  /* A filter from outside (a chart) shows in the bar; Show Everything clears it. */
  chart_filter.pain_point_id = point_id;
  haven_journal_list_set_filter (HAVEN_JOURNAL_LIST (list), &chart_filter);
  g_assert_cmpuint (list_count (f->window), ==, 1);
  g_assert_true (gtk_widget_activate_action (list, "journal.clear-filter", NULL));
  g_assert_cmpuint (list_count (f->window), ==, 3);

  /* A search that finds nothing says so. */
  stack = GTK_STACK (gtk_widget_get_ancestor (haven_test_ui_find (list, GTK_TYPE_GRID_VIEW),
                                              GTK_TYPE_STACK));
  haven_journal_list_start_search (HAVEN_JOURNAL_LIST (list));
  gtk_editable_set_text (GTK_EDITABLE (haven_test_ui_find (list, GTK_TYPE_SEARCH_ENTRY)),
                         "zebra");
  for (guint i = 0; i < 100 && list_count (f->window) != 0; i++)
    haven_test_ui_iterate (10);
  g_assert_cmpuint (list_count (f->window), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-results");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (gtk_stack_get_visible_child (stack))),
                   ==, _("No Results"));
}

typedef struct
{
  GtkGridView *grid;
  gboolean     painted;
  guint        offered;      /* rows the list offered at the first frame */
  int          rows_height;  /* and how tall they are */
  double       page_size;
} FirstFrame;

static void
first_paint_cb (GdkFrameClock *clock,
                FirstFrame    *frame)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (frame->grid));

  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, frame);
  frame->painted = TRUE;
  frame->offered = g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (frame->grid)));
  frame->page_size = gtk_adjustment_get_page_size (adjustment);
  /* How tall the rows are: the adjustment follows a frame later. */
  gtk_widget_measure (GTK_WIDGET (frame->grid), GTK_ORIENTATION_VERTICAL,
                      gtk_widget_get_width (GTK_WIDGET (frame->grid)), NULL, &frame->rows_height,
                      NULL, NULL);
}

static void
first_map_cb (GtkWidget  *window,
              FirstFrame *frame)
{
  g_signal_handlers_disconnect_by_func (window, first_map_cb, frame);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_paint_cb), frame);
}

/* The first shown widget with @css_class in @widget (itself included), or NULL. */
static GtkWidget *
find_shown_with_class (GtkWidget  *widget,
                       const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class) && gtk_widget_get_visible (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shown_with_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_descendants (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_descendants (child);

  return n;
}

/* A row shows the day above a day's first record and a check-in's mood; the list binds each
 * row to one record after another, and a row shows only what its record has. The day and
 * the mood are made for the first row that shows one. */
static void
test_journal_row_rebind (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenCheckin) checkin = haven_checkin_new (2);
  g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
  g_autoptr(HavenJournalModel) model = NULL;
  g_autoptr(HavenJournalItem) newest = NULL;
  g_autoptr(HavenJournalItem) older = NULL;
  GtkWidget *window = gtk_window_new ();
  HavenJournalRow *row = haven_journal_row_new ();
  GtkWidget *day, *mood;
  guint bare;

  haven_checkin_set_note (checkin, "Texted three times");
  g_assert_true (haven_store_save_checkin (f->store, checkin, &error));
  haven_entry_set_title (entry, "A walk by the water");
  haven_entry_set_occurred_at (entry, haven_checkin_get_at (checkin) - 1);
  g_assert_true (haven_store_save_entry (f->store, entry, &error));
  g_assert_no_error (error);

  model = haven_journal_model_new (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  newest = g_list_model_get_item (G_LIST_MODEL (model), 0);
  older = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_cmpint (haven_journal_item_get_record_type (newest), ==, HAVEN_RECORD_CHECKIN);
  g_assert_cmpint (haven_journal_item_get_record_type (older), ==, HAVEN_RECORD_ENTRY);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (row));
  haven_test_ui_present (GTK_WINDOW (window));

  /* The entry under the check-in of the same day: neither a day nor a mood, and no widgets
   * made for them. */
  haven_journal_row_bind (row, older, newest);
  g_assert_null (find_shown_with_class (GTK_WIDGET (row), "journal-day"));
  g_assert_null (find_shown_with_class (GTK_WIDGET (row), "journal-mood"));
  bare = count_descendants (GTK_WIDGET (row));

  /* The check-in, first of its day: both. */
  haven_journal_row_bind (row, newest, NULL);
  haven_test_ui_iterate (20);
  day = find_shown_with_class (GTK_WIDGET (row), "journal-day");
  mood = find_shown_with_class (GTK_WIDGET (row), "journal-mood");
  g_assert_nonnull (day);
  g_assert_nonnull (mood);
  g_assert_cmpuint (count_descendants (GTK_WIDGET (row)), ==, bare + 2);
  g_assert_cmpstr (haven_row_text_get_text (HAVEN_ROW_TEXT (day)), ==, _("Today"));
  g_assert_true (gtk_widget_get_first_child (GTK_WIDGET (row)) == day);
  g_assert_cmpint (gtk_widget_get_height (day), >, 0);
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (mood)), ==, haven_mood_icon_name (2));
  g_assert_null (gtk_widget_get_next_sibling (mood));   /* at the end of the row */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (mood), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       haven_mood_label (2));

  /* The entry again: the same widgets, hidden. */
  haven_journal_row_bind (row, older, newest);
  haven_test_ui_iterate (20);
  g_assert_null (find_shown_with_class (GTK_WIDGET (row), "journal-day"));
  g_assert_null (find_shown_with_class (GTK_WIDGET (row), "journal-mood"));
  g_assert_cmpuint (count_descendants (GTK_WIDGET (row)), ==, bare + 2);

  /* The entry as the first of its day: the day, not the mood. */
  haven_journal_row_bind (row, older, NULL);
  g_assert_true (find_shown_with_class (GTK_WIDGET (row), "journal-day") == day);
  g_assert_null (find_shown_with_class (GTK_WIDGET (row), "journal-mood"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Before its first frame the list builds only the rows that fill its view, even in a tall
 * window of short rows; right after it, all of them. */
static void
test_first_frame_rows (Fixture       *f,
                       gconstpointer  data)
{
  FirstFrame frame = { 0 };
  GtkWidget *other;
  GtkStack *stack;

  for (guint i = 0; i < 80; i++)
    {
      g_autoptr(HavenCheckin) checkin = haven_checkin_new (3);
      g_autoptr(GError) error = NULL;

      haven_checkin_set_at (checkin, haven_time_now () - i * 60);
      g_assert_true (haven_store_save_checkin (f->store, checkin, &error));
      g_assert_no_error (error);
    }
  haven_journal_list_set_store (HAVEN_JOURNAL_LIST (haven_test_ui_find (GTK_WIDGET (f->window),
                                                                        HAVEN_TYPE_JOURNAL_LIST)),
                                NULL);
  haven_journal_list_set_store (HAVEN_JOURNAL_LIST (haven_test_ui_find (GTK_WIDGET (f->window),
                                                                        HAVEN_TYPE_JOURNAL_LIST)),
                                f->store);

  frame.grid = GTK_GRID_VIEW (haven_test_ui_find (GTK_WIDGET (f->window), GTK_TYPE_GRID_VIEW));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 2000);
  g_signal_connect (f->window, "map", G_CALLBACK (first_map_cb), &frame);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (haven_test_ui_wait_for (&frame.painted, 5000));

  g_test_message ("first frame: %u rows offered, %d of %.0f pixels", frame.offered,
                  frame.rows_height, frame.page_size);
  g_assert_cmpuint (frame.offered, <, 80);
  /* Taller than the first rows offered (X keeps the window within the screen), and filled,
   * with no more than three rows below the view. */
  g_assert_cmpfloat (frame.page_size, >, 700);
  g_assert_cmpfloat (frame.rows_height, >=, frame.page_size);
  g_assert_cmpfloat (frame.rows_height - frame.page_size, <=,
                     3.0 * frame.rows_height / frame.offered);

  /* Right after: when the main loop is next idle (which takes a while under a sanitizer). */
  for (guint i = 0; i < 500 && g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (frame.grid))) < 80; i++)
    haven_test_ui_iterate (10);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (frame.grid))),
                    ==, 80);
  g_assert_cmpuint (list_count (f->window), ==, 80);

  /* A row's mood is named by its icon's tooltip, asked for when shown, and to assistive
   * technologies by its label and description. */
  {
    GtkWidget *mood = find_shown_with_class (GTK_WIDGET (frame.grid), "journal-mood");
    g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
    g_autofree char *label = NULL;
    g_autofree char *description = NULL;
    gboolean shown = FALSE;

    g_assert_nonnull (mood);
    g_assert_true (gtk_widget_get_has_tooltip (mood));
    g_signal_emit_by_name (mood, "query-tooltip", 0, 0, FALSE, tooltip, &shown);
    g_assert_true (shown);
    label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (mood),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                haven_mood_label (3));
    g_assert_null (label);
    description = gtk_test_accessible_check_property (GTK_ACCESSIBLE (mood),
                                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                      haven_mood_label (3));
    g_assert_null (description);
  }

  /* A list with rows never builds its pages for an empty journal or a fruitless search. */
  other = g_object_ref_sink (g_object_new (HAVEN_TYPE_JOURNAL_LIST, "store", f->store, NULL));
  stack = GTK_STACK (gtk_widget_get_ancestor (haven_test_ui_find (other, GTK_TYPE_GRID_VIEW),
                                              GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_null (gtk_stack_get_child_by_name (stack, "empty"));
  g_assert_null (gtk_stack_get_child_by_name (stack, "no-results"));
  g_object_unref (other);
}

/* Closes @button's popover and lets it go from the screen before the window does. */
static void
popdown_and_wait (GtkMenuButton *button)
{
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));

  gtk_menu_button_popdown (button);
  for (guint i = 0; i < 200 && gtk_widget_get_mapped (popover); i++)
    haven_test_ui_iterate (10);
  haven_test_ui_iterate (50);
}

/* The + and main menus are built when first opened, once. */
static void
test_menus_built_when_opened (Fixture       *f,
                              gconstpointer  data)
{
  const char *names[] = { _("New Entry"), _("Main Menu") };

  haven_test_ui_present (GTK_WINDOW (f->window));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkMenuButton *button = GTK_MENU_BUTTON (haven_test_ui_find_button (GTK_WIDGET (f->window),
                                                                          names[i]));
      GtkPopover *popover;

      g_assert_null (gtk_menu_button_get_popover (button));
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));

      gtk_menu_button_popup (button);
      popover = gtk_menu_button_get_popover (button);
      g_assert_true (GTK_IS_POPOVER_MENU (popover));
      g_assert_nonnull (gtk_menu_button_get_menu_model (button));
      popdown_and_wait (button);

      gtk_menu_button_popup (button);
      g_assert_true (gtk_menu_button_get_popover (button) == popover);
      popdown_and_wait (button);
    }
}

/* The search bar is built when a search is first opened, by its button or Ctrl+F, and the
 * button and the bar say the same from then on. */
static void
test_search_bar_built_when_opened (Fixture       *f,
                                   gconstpointer  data)
{
  GtkWidget *list = haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_JOURNAL_LIST);
  GtkToggleButton *button;
  GtkSearchBar *bar;

  haven_test_ui_present (GTK_WINDOW (f->window));
  button = GTK_TOGGLE_BUTTON (haven_test_ui_find_button (list, _("Search the Journal")));
  g_assert_nonnull (button);
  g_assert_null (haven_test_ui_find (list, GTK_TYPE_SEARCH_BAR));

  gtk_toggle_button_set_active (button, TRUE);
  bar = GTK_SEARCH_BAR (haven_test_ui_find (list, GTK_TYPE_SEARCH_BAR));
  g_assert_nonnull (bar);
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  /* Under the header bar, above the list. */
  g_assert_true (gtk_widget_get_prev_sibling (GTK_WIDGET (bar)) ==
                 haven_test_ui_find (list, ADW_TYPE_HEADER_BAR));
  g_assert_nonnull (haven_test_ui_find_button (list, _("Filter")));

  gtk_toggle_button_set_active (button, FALSE);
  g_assert_false (gtk_search_bar_get_search_mode (bar));
  gtk_search_bar_set_search_mode (bar, TRUE);
  g_assert_true (gtk_toggle_button_get_active (button));
  gtk_search_bar_set_search_mode (bar, FALSE);

  /* Ctrl+F's way opens the same bar, not a second one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  g_assert_true (gtk_toggle_button_get_active (button));
  g_assert_true (haven_test_ui_find (list, GTK_TYPE_SEARCH_BAR) == GTK_WIDGET (bar));
}

static gboolean
ask_tooltip (GtkWidget *widget)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (widget, "query-tooltip", 0, 0, FALSE, tooltip, &shown);

  return shown;
}

/* A tooltip set without asking the display where the pointer is: shown when GTK asks for it,
 * a description for assistive technologies, and gone when unset. */
static void
test_tooltip_on_demand (void)
{
  GtkWidget *button = g_object_ref_sink (gtk_button_new_from_icon_name ("edit-find-symbolic"));
  g_autofree char *description = NULL;

  g_assert_false (gtk_widget_get_has_tooltip (button));
  g_assert_false (ask_tooltip (button));

  haven_widget_set_tooltip (button, "Zoeken in het dagboek");
  g_assert_true (gtk_widget_get_has_tooltip (button));
  g_assert_cmpstr (haven_widget_get_tooltip (button), ==, "Zoeken in het dagboek");
  /* Not GTK's own tooltip text, whose setter is what asks the display. */
  g_assert_null (gtk_widget_get_tooltip_text (button));
  g_assert_true (ask_tooltip (button));
  description = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                    "Zoeken in het dagboek");
  g_assert_null (description);

  /* A new text replaces the old; the handler is not connected twice. */
  haven_widget_set_tooltip (button, "Filter");
  g_assert_cmpstr (haven_widget_get_tooltip (button), ==, "Filter");
  g_assert_true (ask_tooltip (button));
  {
    guint query = g_signal_lookup ("query-tooltip", GTK_TYPE_WIDGET);
    gulong first = g_signal_handler_find (button, G_SIGNAL_MATCH_ID, query, 0, NULL, NULL, NULL);

    g_assert_cmpuint (first, !=, 0);
    g_signal_handler_block (button, first);
    g_assert_cmpuint (g_signal_handler_find (button, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_UNBLOCKED,
                                             query, 0, NULL, NULL, NULL), ==, 0);
    g_signal_handler_unblock (button, first);
  }

  /* An empty text, like none, takes the tooltip away. */
  haven_widget_set_tooltip (button, "");
  g_assert_false (gtk_widget_get_has_tooltip (button));
  g_assert_null (haven_widget_get_tooltip (button));
  g_assert_false (ask_tooltip (button));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, NULL);

  /* GTK's own tooltips still read back. */
  gtk_widget_set_tooltip_text (button, "Menu");
  g_assert_cmpstr (haven_widget_get_tooltip (button), ==, "Menu");

  g_object_unref (button);
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

/* A toplevel of @type, shown or hidden. */
static GtkWindow *
toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

/* The shortcuts window is built on first use, not with the window; Ctrl+? still opens it. */
static void
test_shortcuts_window (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(GStrv) accels = NULL;
  GtkWindow *shortcuts;

  haven_test_ui_present (GTK_WINDOW (f->window));
  g_assert_null (toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW));

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_true (g_strv_contains ((const char * const *)accels, "<Control>question"));

  haven_test_ui_activate (f->window, "win.show-help-overlay", NULL);
  shortcuts = toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (f->window));

  /* Closed, it waits to be shown again: the same window. */
  gtk_window_close (shortcuts);
  haven_test_ui_iterate (20);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  haven_test_ui_activate (f->window, "win.show-help-overlay", NULL);
  g_assert_true (toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW) == shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
}

static int
row_text_height (GtkWidget *text,
                 int        width)
{
  int height;

  gtk_widget_measure (text, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);

  return height;
}

static int
reference_height (GtkWidget     *widget,
                  const char    *text,
                  PangoAttrList *attributes,
                  gboolean       wrap,
                  int            lines,
                  int            width)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int height;

  pango_layout_set_attributes (layout, attributes);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (!wrap || lines > 0)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, wrap ? -lines : -1);
    }
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &height);

  return height;
}

/* A row's text says its height at a width without laying itself out again where it can: the
 * height must be the one Pango gives, at every width, for every kind of text. */
static void
test_row_text_heights (void)
{
  static const char *texts[] = {
    "",
    "A",
    "Een lastig moment, later bekeken",
    "We praatten het na het eten rustig door, en toen bleek dat we allebei moe waren van de "
    "week en dat het eigenlijk niet over de afwas ging.",
    "Een zin met spaties op het eind   ",
    "Eerste regel\nEen tweede regel, langer, die bij een smalle rij over twee regels gaat\n\nVier",
    "Arbeidsongeschiktheidsverzekeringsmaatschappij en meer",
    "Boos \xf0\x9f\x98\xa0 en verdrietig, \xe4\xb8\xad\xe6\x96\x87 erbij",
    /* Longer than a row shapes at first, with another font near the end. */
    "Het begon met iets kleins: hij keek op zijn telefoon terwijl ik vertelde over mijn dag. "
    "Ik voelde me meteen weer onzichtbaar, zoals vroeger thuis aan tafel. Ik werd scherp, hij "
    "trok zich terug, en daarna was het stil in huis. Later, na een wandeling, kon ik zeggen "
    "wat er eigenlijk pijn deed, en hij luisterde \xf0\x9f\x98\xa0 tot het eind.",
  };
  static const struct { gboolean wrap; int lines; const char *css_class; } kinds[] = {
    { FALSE, 0, NULL }, { TRUE, 1, NULL }, { TRUE, 2, NULL }, { TRUE, 2, "caption" },
    { TRUE, 2, "heading" }, { TRUE, 3, NULL }, { TRUE, 0, NULL },
  };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *text = haven_row_text_new ();
  guint checked = 0;

  gtk_window_set_child (GTK_WINDOW (window), text);
  haven_test_ui_present (GTK_WINDOW (window));

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      if (kinds[k].css_class != NULL)
        gtk_widget_add_css_class (text, kinds[k].css_class);
      g_object_set (text, "wrap", kinds[k].wrap, "lines", kinds[k].lines, NULL);
      haven_test_ui_iterate (20);

      for (guint t = 0; t <= G_N_ELEMENTS (texts); t++)
        {
          g_autoptr(PangoAttrList) attributes = NULL;
          const char *plain = t < G_N_ELEMENTS (texts) ? texts[t] : NULL;
          g_autofree char *parsed = NULL;

          if (plain != NULL)
            {
              haven_row_text_set_text (HAVEN_ROW_TEXT (text), plain);
            }
          else
            {
              /* A search snippet: bold words among plain ones. */
              const char *markup = "we <b>argued</b> about the <b>holiday</b> again, and then "
                                   "about who <b>argued</b> first";

              g_assert_true (pango_parse_markup (markup, -1, 0, &attributes, &parsed, NULL,
                                                 NULL));
              haven_row_text_set_markup (HAVEN_ROW_TEXT (text), markup);
              plain = parsed;
            }

          for (int width = 1; width <= 420; width += (width < 60 ? 1 : 3))
            {
              int min_width, expected;

              /* GTK asks no narrower than the minimum width. */
              gtk_widget_measure (text, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL,
                                  NULL);
              expected = reference_height (text, plain, attributes, kinds[k].wrap,
                                           kinds[k].lines, MAX (width, min_width));
              int height = row_text_height (text, width);

              if (height != expected)
                g_error ("\"%s\" (wrap %d, lines %d, %s) at %d px: %d, Pango says %d", plain,
                         kinds[k].wrap, kinds[k].lines, kinds[k].css_class, width, height,
                         expected);
              checked++;
            }
        }

      if (kinds[k].css_class != NULL)
        gtk_widget_remove_css_class (text, kinds[k].css_class);
    }

  g_test_message ("%u heights compared", checked);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The layout a row text is drawn from, as pixels and sizes. */
static cairo_surface_t *
draw_layout (PangoLayout *layout,
             int          width)
{
  PangoRectangle ink, logical;
  cairo_surface_t *surface;
  cairo_t *cr;

  pango_layout_get_pixel_extents (layout, &ink, &logical);
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, MAX (width, 1) + 64,
                                        MAX (logical.height, ink.y + ink.height) + 8);
  cr = cairo_create (surface);
  cairo_move_to (cr, 32, 4);
  pango_cairo_show_layout (cr, layout);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  return cairo_image_surface_get_width (a) == cairo_image_surface_get_width (b) &&
         height == cairo_image_surface_get_height (b) &&
         stride == cairo_image_surface_get_stride (b) &&
         memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize)stride * height) == 0;
}

/* Of a long text that ends in an ellipsis, a row lays out only the start it can show: what it
 * draws must be what Pango draws of the whole text, at every width, line for line and pixel
 * for pixel, also where the rest holds other fonts, right-to-left words or runs of spaces. */
static void
test_row_text_drawn (void)
{
  static const char *sentences[] = {
    "Het begon met iets kleins: hij keek op zijn telefoon terwijl ik vertelde over mijn dag. ",
    "Ik voelde me meteen weer onzichtbaar, zoals vroeger thuis aan tafel. ",
    "Ik werd scherp, hij trok zich terug, en daarna was het stil in huis. ",
    "Later, na een wandeling, kon ik zeggen wat er eigenlijk pijn deed. ",
    "Hij luisterde en zei dat hij het niet zo bedoeld had; dat hielp meer dan ik dacht. ",
  };
  g_autoptr(GString) excerpt = g_string_new (NULL);
  g_autoptr(GString) one_word = g_string_new (NULL);
  g_autoptr(GString) spaces = g_string_new (NULL);
  g_autofree char *emoji_later = NULL;
  g_autofree char *hebrew_later = NULL;
  g_autofree char *markup = NULL;
  static const struct { gboolean wrap; int lines; const char *css_class; } kinds[] = {
    { FALSE, 0, NULL }, { TRUE, 1, NULL }, { TRUE, 2, NULL }, { TRUE, 2, "caption" },
    { TRUE, 2, "heading" }, { TRUE, 3, NULL },
  };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *text = haven_row_text_new ();
  guint checked = 0, cut = 0;

  /* Four hundred characters, as the journal list gives an excerpt. */
  for (guint i = 0; excerpt->len < 400; i++)
    g_string_append (excerpt, sentences[i % G_N_ELEMENTS (sentences)]);
  g_string_truncate (excerpt, 400);
  for (guint i = 0; i < 60; i++)
    g_string_append (one_word, "zelfregulatie");
  /* Spaces where a line breaks run past its end: here more than the characters to spare. */
  for (guint i = 0; i < 12; i++)
    g_string_append_printf (spaces, "ik%*s", 40, "");
  emoji_later = g_strconcat (excerpt->str, " \xf0\x9f\x98\xa0 \xe4\xb8\xad\xe6\x96\x87", NULL);
  /* A long right-to-left sentence between left-to-right ones. */
  hebrew_later = g_strconcat (sentences[0], sentences[1],
                              "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd7\xa2\xd7\x95\xd7\x9c\xd7\x9d, "
                              "\xd7\x96\xd7\x94 \xd7\x9e\xd7\xa9\xd7\xa4\xd7\x98 "
                              "\xd7\x90\xd7\xa8\xd7\x95\xd7\x9a "
                              "\xd7\x91\xd7\xa2\xd7\x91\xd7\xa8\xd7\x99\xd7\xaa "
                              "\xd7\xa9\xd7\xa0\xd7\x9b\xd7\xaa\xd7\x91 "
                              "\xd7\x9e\xd7\x99\xd7\x9e\xd7\x99\xd7\x9f "
                              "\xd7\x9c\xd7\xa9\xd7\x9e\xd7\x90\xd7\x9c "
                              "\xd7\x91\xd7\x90\xd7\x9e\xd7\xa6\xd7\xa2 "
                              "\xd7\x94\xd7\x98\xd7\xa7\xd7\xa1\xd7\x98 ",
                              sentences[2], sentences[3], NULL);
  markup = g_strdup_printf ("%s <b>telefoon</b> %s <b>stil</b> einde", sentences[0], excerpt->str);

  gtk_window_set_child (GTK_WINDOW (window), text);
  haven_test_ui_present (GTK_WINDOW (window));

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const char *texts[] = { excerpt->str, one_word->str, spaces->str, emoji_later,
                              hebrew_later, markup, "Kort" };

      if (kinds[k].css_class != NULL)
        gtk_widget_add_css_class (text, kinds[k].css_class);
      g_object_set (text, "wrap", kinds[k].wrap, "lines", kinds[k].lines, NULL);
      haven_test_ui_iterate (20);

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_autoptr(PangoAttrList) attributes = NULL;
          g_autofree char *parsed = NULL;
          const char *plain = texts[t];

          if (texts[t] == markup)
            {
              g_assert_true (pango_parse_markup (markup, -1, 0, &attributes, &parsed, NULL, NULL));
              haven_row_text_set_markup (HAVEN_ROW_TEXT (text), markup);
              plain = parsed;
            }
          else
            {
              haven_row_text_set_text (HAVEN_ROW_TEXT (text), plain);
            }

          for (int width = 1; width <= 900; width += (width < 40 ? 3 : 11))
            {
              PangoLayout *drawn = _haven_row_text_get_layout (HAVEN_ROW_TEXT (text), width);
              g_autoptr(PangoLayout) expected = gtk_widget_create_pango_layout (text, plain);
              cairo_surface_t *drawn_pixels, *expected_pixels;
              PangoRectangle drawn_ink, drawn_logical, expected_ink, expected_logical;
              int n_lines;

              pango_layout_set_attributes (expected, attributes);
              pango_layout_set_wrap (expected, PANGO_WRAP_WORD_CHAR);
              pango_layout_set_ellipsize (expected, PANGO_ELLIPSIZE_END);
              pango_layout_set_height (expected, kinds[k].wrap ? -kinds[k].lines : -1);
              pango_layout_set_width (expected, width * PANGO_SCALE);

              n_lines = pango_layout_get_line_count (expected);
              g_assert_cmpint (pango_layout_get_line_count (drawn), ==, n_lines);
              /* Every line but the last (which holds the rest, ellipsized) starts and ends
               * where Pango breaks the whole text. */
              for (int i = 0; i < n_lines - 1; i++)
                {
                  PangoLayoutLine *a = pango_layout_get_line_readonly (drawn, i);
                  PangoLayoutLine *b = pango_layout_get_line_readonly (expected, i);

                  g_assert_cmpint (a->start_index, ==, b->start_index);
                  g_assert_cmpint (a->length, ==, b->length);
                }

              pango_layout_get_pixel_extents (drawn, &drawn_ink, &drawn_logical);
              pango_layout_get_pixel_extents (expected, &expected_ink, &expected_logical);
              drawn_pixels = draw_layout (drawn, width);
              expected_pixels = draw_layout (expected, width);
              if (memcmp (&drawn_logical, &expected_logical, sizeof (PangoRectangle)) != 0 ||
                  memcmp (&drawn_ink, &expected_ink, sizeof (PangoRectangle)) != 0 ||
                  !same_pixels (drawn_pixels, expected_pixels))
                g_error ("\"%.40s…\" (wrap %d, lines %d, %s) at %d px: drawn %d×%d, Pango %d×%d%s",
                         plain, kinds[k].wrap, kinds[k].lines, kinds[k].css_class, width,
                         drawn_logical.width, drawn_logical.height, expected_logical.width,
                         expected_logical.height,
                         same_pixels (drawn_pixels, expected_pixels) ? "" : ", other pixels");
              cairo_surface_destroy (drawn_pixels);
              cairo_surface_destroy (expected_pixels);

              if (strlen (pango_layout_get_text (drawn)) < strlen (plain))
                cut++;
              checked++;
            }
        }

      /* A row of the journal list (two lines of the excerpt, 300 px) lays out less than half
       * of it. */
      if (kinds[k].wrap && kinds[k].lines == 2)
        {
          haven_row_text_set_text (HAVEN_ROW_TEXT (text), excerpt->str);
          g_assert_cmpuint (strlen (pango_layout_get_text (_haven_row_text_get_layout (HAVEN_ROW_TEXT (text), 300))),
                            <, excerpt->len / 2);
        }

      if (kinds[k].css_class != NULL)
        gtk_widget_remove_css_class (text, kinds[k].css_class);
    }

  g_test_message ("%u layouts compared, %u of them cut short", checked, cut);
  g_assert_cmpuint (cut, >, checked / 3);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
assert_fonts_as_drawn (GtkWidget *widget,
                       guint     *n_labels)
{
  const cairo_font_options_t *options = gtk_widget_get_font_options (widget);

  if (options == NULL || !cairo_font_options_equal (options, haven_drawn_font_options ()))
    g_error ("%s is measured in GTK's fonts, not the ones it is drawn in",
             G_OBJECT_TYPE_NAME (widget));
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    (*n_labels)++;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_fonts_as_drawn (child, n_labels);
}

/* A new window's text, labels in header bars and buttons included, is measured in the fonts it
 * is drawn in; and a label measured so takes the same room, its glyphs in the same places. */
static void
test_window_fonts_as_drawn (Fixture       *f,
                            gconstpointer  data)
{
  static const char *classes[] = { NULL, "title-1", "heading", "caption", "dim-label" };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  guint n_labels = 0;

  assert_fonts_as_drawn (GTK_WIDGET (f->window), &n_labels);
  g_test_message ("%u labels", n_labels);
  g_assert_cmpuint (n_labels, >=, 5);

  gtk_window_set_child (GTK_WINDOW (window), box);
  haven_test_ui_present (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      const char *text = "Hoe gaat het met je? Schrijf over wat er gebeurde, 0123456789 ëéï";
      GtkWidget *plain = gtk_label_new (text);
      GtkWidget *as_drawn = gtk_label_new (text);
      PangoRectangle ink[2], logical[2];
      int width[2], height[2];

      gtk_widget_set_font_options (as_drawn, haven_drawn_font_options ());
      if (classes[i] != NULL)
        {
          gtk_widget_add_css_class (plain, classes[i]);
          gtk_widget_add_css_class (as_drawn, classes[i]);
        }
      gtk_box_append (GTK_BOX (box), plain);
      gtk_box_append (GTK_BOX (box), as_drawn);
      haven_test_ui_iterate (20);

      for (guint j = 0; j < 2; j++)
        {
          GtkWidget *label = j == 0 ? plain : as_drawn;

          gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width[j], NULL, NULL);
          gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, NULL, &height[j], NULL, NULL);
          pango_layout_get_extents (gtk_label_get_layout (GTK_LABEL (label)), &ink[j], &logical[j]);
        }
      g_assert_cmpint (width[0], ==, width[1]);
      g_assert_cmpint (height[0], ==, height[1]);
      g_assert_cmpmem (&logical[0], sizeof logical[0], &logical[1], sizeof logical[1]);
      g_assert_cmpmem (&ink[0], sizeof ink[0], &ink[1], sizeof ink[1]);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A row text is measured with the font options cairo draws it with: merging an image
 * surface's options into them (as cairo does to draw) changes nothing, and the metrics stay
 * GTK's, as a GtkLabel's. */
static void
test_row_text_font_options (void)
{
  GtkWidget *text = g_object_ref_sink (haven_row_text_new ());
  GtkWidget *label = g_object_ref_sink (gtk_label_new ("Haven"));
  const cairo_font_options_t *measured;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_font_options_t *drawn = cairo_font_options_create ();
  cairo_font_options_t *label_drawn = cairo_font_options_create ();
  const cairo_font_options_t *label_measured;

  measured = pango_cairo_context_get_font_options (gtk_widget_get_pango_context (text));
  label_measured = pango_cairo_context_get_font_options (gtk_widget_get_pango_context (label));
  g_assert_nonnull (measured);
  g_assert_nonnull (label_measured);

  cairo_surface_get_font_options (surface, drawn);
  cairo_font_options_merge (drawn, measured);
  g_assert_true (cairo_font_options_equal (drawn, measured));

  /* What it is for: with the cairo of Debian 12, a GtkLabel's fonts are not the ones it is
   * drawn with. */
  cairo_surface_get_font_options (surface, label_drawn);
  cairo_font_options_merge (label_drawn, label_measured);
  if (cairo_version () < CAIRO_VERSION_ENCODE (1, 17, 4))
    g_assert_false (cairo_font_options_equal (label_drawn, label_measured));

  g_assert_cmpint (cairo_font_options_get_hint_metrics (measured), ==,
                   cairo_font_options_get_hint_metrics (label_measured));
  g_assert_cmpint (cairo_font_options_get_hint_style (measured), ==,
                   cairo_font_options_get_hint_style (label_measured));
  g_assert_cmpint (cairo_font_options_get_antialias (measured), ==,
                   cairo_font_options_get_antialias (label_measured));

  cairo_font_options_destroy (label_drawn);
  cairo_font_options_destroy (drawn);
  cairo_surface_destroy (surface);
  g_object_unref (label);
  g_object_unref (text);
}

/* The real program, started as a person starts it (with @tmp as its temporary folder), once
 * it has drawn its first frame; its stderr is read until then. */
static GSubprocess *
start_haven (const char  *tmp,
             const char  *first_arg,
             const char  *second_arg)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) haven = NULL;
  g_autoptr(GDataInputStream) err = NULL;
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("HAVEN_BIN");
  gboolean first_frame = FALSE;
  double startup_ms = 0;
  char *line;

  g_assert_nonnull (bin);
  g_subprocess_launcher_setenv (launcher, "HAVEN_REPORT_STARTUP", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "TMPDIR", tmp, TRUE);
  haven = g_subprocess_launcher_spawn (launcher, &error, bin, first_arg, second_arg, NULL);
  g_assert_no_error (error);

  err = g_data_input_stream_new (g_subprocess_get_stderr_pipe (haven));
  while (!first_frame &&
         (line = g_data_input_stream_read_line_utf8 (err, NULL, NULL, NULL)) != NULL)
    {
      g_test_message ("haven: %s", line);
      if (g_str_has_prefix (line, "startup-ms "))
        {
          char *end = NULL;

          /* Read as the benchmark reads it, in any language. */
          startup_ms = g_ascii_strtod (line + strlen ("startup-ms "), &end);
          first_frame = end != NULL && *end == '\0';
        }
      g_free (line);
    }

  g_assert_true (first_frame);
  g_assert_cmpfloat (startup_ms, >, 0);

  return g_steal_pointer (&haven);
}

/* Started from the command line, Haven opens the journal on a thread while GTK starts: the
 * real program gets to its first frame on the journal it was given, which it made, private to
 * its owner, and a valid Haven journal. With --demo it does on a demo journal, and asked to
 * stop (SIGTERM, as when the session ends) it quits as from its menu and removes the demo. */
static void
test_start_from_command_line (void)
{
  g_autofree char *dir = haven_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *tmp = g_build_filename (dir, "tmp", NULL);
  g_autoptr(GSubprocess) haven = NULL;
  g_autoptr(GSubprocess) demo = NULL;
  g_autoptr(HavenStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) left = NULL;

  g_assert_cmpint (g_mkdir (tmp, 0700), ==, 0);

  haven = start_haven (tmp, "--journal", path);
  g_subprocess_force_exit (haven);
  g_subprocess_wait (haven, NULL, NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (haven_test_file_mode (path), ==, 0600);
  store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_clear_object (&store);

  demo = start_haven (tmp, "--demo", NULL);
  left = g_dir_open (tmp, 0, NULL);
  g_assert_nonnull (g_dir_read_name (left));   /* the demo journal, while it runs */
  g_clear_pointer (&left, g_dir_close);
  g_subprocess_send_signal (demo, SIGTERM);
  g_assert_true (g_subprocess_wait (demo, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (demo));
  g_assert_cmpint (g_subprocess_get_exit_status (demo), ==, 0);
  left = g_dir_open (tmp, 0, NULL);
  g_assert_null (g_dir_read_name (left));

  haven_test_rmtree (dir);
}

/* The journal rows' labels: they wrap over at most their lines, say how wide they may be
 * without laying the text out, and follow a change of font. */
static void
test_row_text (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *text = haven_row_text_new ();
  HavenRowText *row_text = HAVEN_ROW_TEXT (text);
  g_autoptr(GString) long_text = g_string_new (NULL);
  int line, min_width, nat_width, long_nat_width;

  while (long_text->len < 400)
    g_string_append (long_text, "We talked it through after dinner, slowly. ");

  gtk_window_set_child (GTK_WINDOW (window), text);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 200);
  haven_test_ui_present (GTK_WINDOW (window));

  haven_row_text_set_text (row_text, "A");
  line = row_text_height (text, 200);
  g_assert_cmpint (line, >, 0);

  /* Without wrapping: one line, however narrow. */
  haven_row_text_set_text (row_text, long_text->str);
  g_assert_cmpint (gtk_widget_get_request_mode (text), ==, GTK_SIZE_REQUEST_CONSTANT_SIZE);
  g_assert_cmpint (row_text_height (text, 100), ==, line);

  /* Wrapping over two lines at most; a wide row takes one. */
  g_object_set (text, "wrap", TRUE, "lines", 2, NULL);
  g_assert_cmpint (gtk_widget_get_request_mode (text), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);
  g_assert_cmpint (row_text_height (text, 100), ==, 2 * line);
  haven_row_text_set_text (row_text, "Short");
  g_assert_cmpint (row_text_height (text, 100), ==, line);

  /* Without a limit it takes all the lines it needs. */
  haven_row_text_set_text (row_text, long_text->str);
  g_object_set (text, "lines", 0, NULL);
  g_assert_cmpint (row_text_height (text, 100), >, 4 * line);

  /* Widths come from the character counts: at least width-chars, at most max-width-chars. */
  g_object_set (text, "width-chars", 20, "max-width-chars", 40, NULL);
  gtk_widget_measure (text, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &long_nat_width,
                      NULL, NULL);
  g_assert_cmpint (min_width, >, 0);
  g_assert_cmpint (ABS (long_nat_width - 2 * min_width), <=, 1);
  haven_row_text_set_text (row_text, "Short");
  gtk_widget_measure (text, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width, NULL, NULL);
  g_assert_cmpint (nat_width, ==, min_width);

  /* The characters are counted as GtkLabel counts them, from Pango's metrics of the font (the
   * row text finds the same widths without them: see get_char_width()), in every font the
   * rows and pages use. */
  {
    const char *classes[] = { "body", "caption", "heading", "journal-title", "title-1" };

    for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
      {
        PangoContext *context = gtk_widget_get_pango_context (text);
        PangoFontMetrics *metrics;
        int char_width;

        gtk_widget_add_css_class (text, classes[i]);
        haven_test_ui_iterate (20);
        metrics = pango_context_get_metrics (context, NULL, NULL);
        char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                          pango_font_metrics_get_approximate_digit_width (metrics));
        pango_font_metrics_unref (metrics);
        gtk_widget_measure (text, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
        g_assert_cmpint (min_width, ==, PANGO_PIXELS_CEIL (20 * char_width));
        gtk_widget_remove_css_class (text, classes[i]);
      }
  }

  /* Markup reads as its text; text that is not markup is shown as it is. */
  haven_row_text_set_markup (row_text, "we <b>argued</b> &amp; made up");
  g_assert_cmpstr (haven_row_text_get_text (row_text), ==, "we argued & made up");
  haven_row_text_set_markup (row_text, "a <b unclosed");
  g_assert_cmpstr (haven_row_text_get_text (row_text), ==, "a <b unclosed");
  haven_row_text_set_text (row_text, NULL);
  g_assert_cmpstr (haven_row_text_get_text (row_text), ==, "");

  /* A larger font, from a style class, makes a taller line. */
  haven_row_text_set_text (row_text, "A");
  haven_test_ui_iterate (50);
  line = row_text_height (text, 200);
  gtk_widget_add_css_class (text, "title-1");
  haven_test_ui_iterate (50);
  g_assert_cmpint (row_text_height (text, 200), >, line);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Where a child of a wrap box is, in the box. */
static graphene_rect_t
child_bounds (GtkWidget *child,
              GtkWidget *box)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (child, box, &bounds));

  return bounds;
}

static void
allocate_box (GtkWidget *box,
              int        width)
{
  int height;

  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
  gtk_widget_size_allocate (box, &(GtkAllocation) { 0, 0, width, height }, -1);
}

/* Children of one width, as many to a line as fit, each line centred: the last too. */
static void
test_wrap_box (void)
{
  static const char *labels[] = { "Calm Down Now", "Quick Check-in", "A much longer label here" };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = haven_wrap_box_new ();
  GtkWidget *buttons[G_N_ELEMENTS (labels)];
  int widest_min = 0, widest = 0, tallest = 0, min_width, nat_width, height, cell;
  graphene_rect_t first, second, third;

  g_object_set (box, "column-spacing", 10, "row-spacing", 5, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      int min, nat, h;

      buttons[i] = gtk_button_new_with_label (labels[i]);
      gtk_widget_set_parent (buttons[i], box);
      gtk_widget_measure (buttons[i], GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      widest_min = MAX (widest_min, min);
      widest = MAX (widest, nat);
      gtk_widget_measure (buttons[i], GTK_ORIENTATION_VERTICAL, -1, NULL, &h, NULL, NULL);
      tallest = MAX (tallest, h);
    }
  gtk_window_set_child (GTK_WINDOW (window), box);
  haven_test_ui_present (GTK_WINDOW (window));

  /* At best all on one line, each as wide as the widest; at least one to a line. */
  gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width, NULL, NULL);
  g_assert_cmpint (nat_width, ==, 3 * widest + 2 * 10);
  g_assert_cmpint (min_width, ==, widest_min);
  g_assert_cmpint (gtk_widget_get_request_mode (box), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);

  /* Wide: one line, centred. */
  allocate_box (box, nat_width + 40);
  first = child_bounds (buttons[0], box);
  second = child_bounds (buttons[1], box);
  third = child_bounds (buttons[2], box);
  g_assert_cmpfloat (first.origin.x, ==, 20);
  g_assert_cmpfloat (first.size.width, ==, widest);
  g_assert_cmpfloat (second.origin.x, ==, 20 + widest + 10);
  g_assert_cmpfloat (third.origin.y, ==, first.origin.y);
  g_assert_cmpfloat (third.size.width, ==, widest);

  /* Two to a line: the third alone under the middle of the two. */
  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, 2 * widest + 10 + 30, NULL, &height, NULL,
                      NULL);
  g_assert_cmpint (height, ==, 2 * tallest + 5);
  allocate_box (box, 2 * widest + 10 + 30);
  first = child_bounds (buttons[0], box);
  second = child_bounds (buttons[1], box);
  third = child_bounds (buttons[2], box);
  g_assert_cmpfloat (first.origin.x, ==, 15);
  g_assert_cmpfloat (second.origin.y, ==, first.origin.y);
  g_assert_cmpfloat (third.origin.y, ==, first.origin.y + tallest + 5);
  g_assert_cmpfloat (third.origin.x, ==, (2 * widest + 10 + 30 - widest) / 2);

  /* Narrower than the widest: one to a line, as wide as the box (not below their minimum). */
  cell = MAX (widest_min, widest - 20);
  allocate_box (box, cell);
  second = child_bounds (buttons[1], box);
  third = child_bounds (buttons[2], box);
  g_assert_cmpfloat (third.size.width, ==, cell);
  g_assert_cmpfloat (second.origin.x, ==, 0);
  g_assert_cmpfloat (third.origin.y, ==, 2 * (tallest + 5));

  /* A hidden child takes no place. */
  gtk_widget_set_visible (buttons[1], FALSE);
  gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat_width, NULL, NULL);
  g_assert_cmpint (nat_width, ==, 2 * widest + 10);
  allocate_box (box, nat_width);
  g_assert_cmpfloat (child_bounds (buttons[2], box).origin.x, ==, widest + 10);
  gtk_widget_set_visible (buttons[1], TRUE);

  /* Right to left, the first is on the right. */
  gtk_widget_set_direction (box, GTK_TEXT_DIR_RTL);
  allocate_box (box, 3 * widest + 2 * 10);
  g_assert_cmpfloat (child_bounds (buttons[0], box).origin.x, ==, 2 * (widest + 10));
  g_assert_cmpfloat (child_bounds (buttons[2], box).origin.x, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
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


/* Export, import, backups, recovery ------------------------------------------------------- */

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static GtkWidget *
find_nth_in (GtkWidget *root,
             GType      type,
             guint     *n)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    {
      if (*n == 0)
        return root;
      (*n)--;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_nth_in (child, type, n);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_nth (GtkWidget *root,
          GType      type,
          guint      n)
{
  return find_nth_in (root, type, &n);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static GtkWindow *
wait_for_toplevel (GType type)
{
  GtkWindow *window = NULL;

  for (guint i = 0; i < 500 && (window = find_toplevel (type)) == NULL; i++)
    haven_test_ui_iterate (10);

  g_assert_nonnull (window);
  haven_test_ui_iterate (100);

  return window;
}

static void
wait_until_count (HavenStore *store,
                  guint       entries,
                  guint       checkins)
{
  for (guint i = 0; i < 500; i++)
    {
      if (haven_store_count_entries (store) == entries &&
          haven_store_count_checkins (store) == checkins)
        return;
      haven_test_ui_iterate (10);
    }

  g_assert_cmpuint (haven_store_count_entries (store), ==, entries);
  g_assert_cmpuint (haven_store_count_checkins (store), ==, checkins);
}

static void
add_entries (HavenStore *store,
             guint       n)
{
  g_autofree char *text = g_strnfill (300, 'w');

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
      g_autoptr(GError) error = NULL;

      haven_entry_set_body (entry, text);
      haven_store_save_entry (store, entry, &error);
      g_assert_no_error (error);
    }
}

static void
test_import_dialog_daylio (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = fixture_path ("daylio.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenImport) import = haven_import_new_for_file (path, &error);
  HavenImportCounts preview;
  HavenImportDialog *dialog;
  GtkCheckButton *raw_spots = NULL;
  AdwComboRow *furious = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *new_tags = g_strdup_printf (_("New tags: %u."), 6);
  g_autofree char *new_raw_spots = g_strdup_printf (_("New raw spots: %u."), 6);
  const char *body;

  g_assert_no_error (error);
  haven_import_preview (import, f->store, &preview, &error);
  g_assert_no_error (error);

  haven_test_ui_present (GTK_WINDOW (f->window));
  dialog = haven_import_dialog_new (GTK_WINDOW (f->window), import, f->store, &preview);
  haven_test_ui_present (GTK_WINDOW (dialog));

  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, new_tags));
  texture = haven_test_ui_render (GTK_WIDGET (dialog), "import-daylio");
  g_clear_object (&texture);
  haven_test_ui_set_dark (TRUE);
  texture = haven_test_ui_render (GTK_WIDGET (dialog), "import-daylio");
  haven_test_ui_set_dark (FALSE);

  /* Activities as raw spots: the counts say so at once. */
  raw_spots = GTK_CHECK_BUTTON (find_nth (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, 1));
  gtk_check_button_set_active (raw_spots, TRUE);
  g_assert_cmpint (haven_import_get_activities_as (import), ==,
                   HAVEN_IMPORT_ACTIVITIES_AS_PAIN_POINTS);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, new_raw_spots));

  /* One combo row per mood word, the person's own words marked. */
  {
    GtkWidget *row = haven_test_ui_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW);

    g_assert_nonnull (row);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "rad");
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
    for (GtkWidget *r = row; r != NULL; r = gtk_widget_get_next_sibling (r))
      if (ADW_IS_COMBO_ROW (r) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (r)), "furious") == 0)
        furious = ADW_COMBO_ROW (r);
    g_assert_nonnull (furious);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (furious)), ==,
                     _("Your own mood in Daylio"));
  }

  /* Very hard is the last of the five. */
  adw_combo_row_set_selected (furious, 4);
  g_assert_cmpint (haven_import_get_mood_for_label (import, "furious"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_import_and_export_through_window (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *daylio = fixture_path ("daylio.csv");
  g_autofree char *out = g_build_filename (f->dir, "out.md", NULL);
  AdwMessageDialog *dialog;

  haven_test_ui_present (GTK_WINDOW (f->window));

  haven_window_import_from (f->window, daylio);
  dialog = ADW_MESSAGE_DIALOG (wait_for_toplevel (HAVEN_TYPE_IMPORT_DIALOG));
  /* Nothing is written before the person says so. */
  g_assert_cmpuint (haven_store_count_checkins (f->store), ==, 0);
  adw_message_dialog_response (dialog, "import");
  wait_until_count (f->store, 0, 7);

  /* The window's list read the journal again. */
  haven_test_ui_iterate (100);
  g_assert_false (haven_welcome_page_get_journal_empty (
    HAVEN_WELCOME_PAGE (haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_WELCOME_PAGE))));

  haven_window_export_to (f->window, out, HAVEN_EXPORT_MARKDOWN);
  for (guint i = 0; i < 500 && !g_file_test (out, G_FILE_TEST_EXISTS); i++)
    haven_test_ui_iterate (10);
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (haven_test_file_mode (out), ==, 0600);
}

static void
test_bad_import_explained (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (f->dir, "bad.json", NULL);
  g_autoptr(GdkTexture) texture = NULL;
  GtkWindow *dialog;

  g_file_set_contents (bad, "{\"format\": \"haven-journal\", \"version\": 7}", -1, NULL);
  haven_test_ui_present (GTK_WINDOW (f->window));
  haven_window_import_from (f->window, bad);
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            _("Nothing in your journal was changed.")));
  texture = haven_test_ui_render (GTK_WIDGET (dialog), "import-refused");
  gtk_window_destroy (dialog);
}

static void
test_back_up_and_restore (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *backup = NULL;
  GtkWindow *dialog;

  add_entries (f->store, 1);
  haven_test_ui_present (GTK_WINDOW (f->window));

  haven_window_back_up_now (f->window);
  for (guint i = 0; i < 500; i++)
    {
      g_clear_pointer (&backups, g_ptr_array_unref);
      backups = haven_backup_list (haven_store_get_path (f->store));
      if (backups->len > 0)
        break;
      haven_test_ui_iterate (10);
    }
  g_assert_cmpuint (backups->len, ==, 1);
  backup = g_strdup (((HavenBackup *)g_ptr_array_index (backups, 0))->path);

  add_entries (f->store, 2);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 3);

  haven_window_restore_from (f->window, backup);
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  texture = haven_test_ui_render (GTK_WIDGET (dialog), "restore-confirm");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  wait_until_count (f->store, 1, 0);

  /* The journal as it was before the restore is kept beside the backup. The restore's
   * thread removes its staging copy from the same folder just after the journal changes, so
   * the folder is read once that is done. */
  for (guint i = 0; i < 500; i++)
    {
      g_clear_pointer (&backups, g_ptr_array_unref);
      backups = haven_backup_list (haven_store_get_path (f->store));
      if (backups->len <= 2)
        break;
      haven_test_ui_iterate (10);
    }
  g_assert_cmpuint (backups->len, ==, 2);
  for (guint i = 0; i < backups->len; i++)
    g_assert_null (strstr (((HavenBackup *)g_ptr_array_index (backups, i))->path, "restoring"));
}

/* Damages a journal where its data lives; its first page stays whole, so it is recognised. */
static void
damage_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  for (gsize i = len / 2; i < len - 4096; i += 97)
    contents[i] = (char)(contents[i] ^ 0x5a);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

static void
test_damaged_journal_at_start (void)
{
  g_autofree char *path = haven_store_dup_default_path ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GDateTime) then = g_date_time_new_local (2026, 3, 1, 21, 30, 0);
  HavenStore *store;
  HavenWindow *window;
  GtkWidget *page;
  g_autofree char *backup = NULL;
  g_autofree char *dir = NULL;

  /* A journal with a backup, then damage. */
  store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  add_entries (store, 200);
  backup = haven_backup_make (store, then, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);
  damage_file (path);
  before = haven_test_file_digest (path);

  /* Haven starts as it would for the person. */
  haven_test_ui_set_dark (FALSE);
  g_application_activate (G_APPLICATION (app));
  window = HAVEN_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  haven_test_ui_present (GTK_WINDOW (window));

  /* The damage is deep inside: the window opens, and the integrity check that runs in a
   * thread after the first frame turns it to the recovery page. */
  for (guint i = 0; i < 500 && g_strcmp0 (haven_window_get_page (window), "problem") != 0; i++)
    haven_test_ui_iterate (10);
  g_assert_cmpstr (haven_window_get_page (window), ==, "problem");
  g_assert_null (haven_window_get_store (window));
  page = haven_test_ui_find (GTK_WIDGET (window), HAVEN_TYPE_RECOVERY_PAGE);
  g_assert_cmpstr (haven_recovery_page_get_backup_path (HAVEN_RECOVERY_PAGE (page)), ==, backup);
  g_assert_nonnull (haven_test_ui_find_button (GTK_WIDGET (window), _("_Use the Backup")));
  g_assert_nonnull (haven_test_ui_find_button (GTK_WIDGET (window), _("_Save What Can Be Read…")));

  texture = haven_test_ui_render (GTK_WIDGET (window), "recovery");
  g_clear_object (&texture);
  haven_test_ui_set_dark (TRUE);
  texture = haven_test_ui_render (GTK_WIDGET (window), "recovery");
  g_clear_object (&texture);
  haven_test_ui_set_dark (FALSE);
  haven_test_ui_resize (GTK_WINDOW (window), 360, 700);
  texture = haven_test_ui_render (GTK_WIDGET (window), "recovery-narrow");

  /* Showing the problem changed nothing in the file. */
  after = haven_test_file_digest (path);
  g_assert_cmpstr (before, ==, after);

  /* Using the backup: the damaged file goes aside unchanged, the journal opens. */
  gtk_widget_activate_action (page, "recovery.use-backup", NULL);
  haven_test_ui_iterate (100);
  window = HAVEN_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  g_assert_nonnull (haven_window_get_store (window));
  g_assert_cmpuint (haven_store_count_entries (haven_window_get_store (window)), ==, 200);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  dir = g_path_get_dirname (path);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    gboolean found = FALSE;

    while ((name = g_dir_read_name (d)) != NULL)
      if (g_str_has_prefix (name, "journal-damaged-") && g_str_has_suffix (name, ".db"))
        {
          g_autofree char *moved = g_build_filename (dir, name, NULL);
          g_autofree char *moved_digest = haven_test_file_digest (moved);

          g_assert_cmpstr (moved_digest, ==, before);
          found = TRUE;
        }
    g_assert_true (found);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  haven_test_ui_iterate (50);
}

/* The icons a window may show in its first frame come as PNGs rendered at build time, so
 * that GTK draws them without loading librsvg; the SVGs remain for other sizes and scales. */
static void
assert_icon_file (const char *name,
                  int         size,
                  int         scale,
                  const char *suffix)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  icon = gtk_icon_theme_lookup_icon (theme, name, NULL, size, scale, GTK_TEXT_DIR_LTR, 0);
  file = gtk_icon_paintable_get_file (icon);
  g_assert_nonnull (file);
  uri = g_file_get_uri (file);
  g_assert_true (g_str_has_prefix (uri, "resource:///io/github/havenjournal/Haven/icons/"));
  g_assert_true (g_str_has_suffix (uri, suffix));
}

static void
test_first_frame_icons (void)
{
  assert_icon_file ("haven-filter-symbolic", 16, 1, "/haven-filter-symbolic.symbolic.png");
  assert_icon_file ("haven-insights-symbolic", 16, 1, "/haven-insights-symbolic.symbolic.png");
  assert_icon_file ("io.github.havenjournal.Haven", 128, 1, "/io.github.havenjournal.Haven.png");

  /* Larger, or on a high-resolution screen: drawn from the SVG, sharp. */
  assert_icon_file ("haven-filter-symbolic", 16, 2, "/haven-filter-symbolic.svg");
  assert_icon_file ("haven-insights-symbolic", 64, 1, "/haven-insights-symbolic.svg");
  assert_icon_file ("io.github.havenjournal.Haven", 128, 2, "/io.github.havenjournal.Haven.svg");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = haven_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/templates-instantiate", test_templates_instantiate);
  g_test_add_func ("/ui/snippet-markup", test_snippet_markup);
  g_test_add_func ("/ui/tooltip-on-demand", test_tooltip_on_demand);
  g_test_add_func ("/ui/row-text", test_row_text);
  g_test_add_func ("/ui/row-text-heights", test_row_text_heights);
  g_test_add_func ("/ui/row-text-drawn", test_row_text_drawn);
  g_test_add_func ("/ui/row-text-font-options", test_row_text_font_options);
  g_test_add_func ("/ui/wrap-box", test_wrap_box);
  g_test_add_func ("/ui/start-from-command-line", test_start_from_command_line);
  g_test_add_func ("/ui/first-frame-icons", test_first_frame_icons);
  g_test_add ("/ui/journal/row-rebind", Fixture, NULL, fixture_set_up, test_journal_row_rebind,
              fixture_tear_down);
  g_test_add ("/ui/window/fonts-as-drawn", Fixture, NULL, fixture_set_up,
              test_window_fonts_as_drawn, fixture_tear_down);
  g_test_add ("/ui/journal/first-frame-rows", Fixture, NULL, fixture_set_up,
              test_first_frame_rows, fixture_tear_down);
  g_test_add ("/ui/journal/menus-built-when-opened", Fixture, NULL, fixture_set_up,
              test_menus_built_when_opened, fixture_tear_down);
  g_test_add ("/ui/journal/search-bar-built-when-opened", Fixture, NULL, fixture_set_up,
              test_search_bar_built_when_opened, fixture_tear_down);
  g_test_add ("/ui/window/shortcuts-window", Fixture, NULL, fixture_set_up,
              test_shortcuts_window, fixture_tear_down);
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
  g_test_add ("/ui/data/import-dialog-daylio", Fixture, NULL, fixture_set_up,
              test_import_dialog_daylio, fixture_tear_down);
  g_test_add ("/ui/data/import-and-export-through-window", Fixture, NULL, fixture_set_up,
              test_import_and_export_through_window, fixture_tear_down);
  g_test_add ("/ui/data/bad-import-explained", Fixture, NULL, fixture_set_up,
              test_bad_import_explained, fixture_tear_down);
  g_test_add ("/ui/data/back-up-and-restore", Fixture, NULL, fixture_set_up,
              test_back_up_and_restore, fixture_tear_down);
  g_test_add_func ("/ui/recovery/damaged-journal-at-start", test_damaged_journal_at_start);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
