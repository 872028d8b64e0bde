/* test-checkin.c: logging a moment through the real window, under Xvfb
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-checkin-page.h"
#include "haven-choice-input.h"
#include "haven-entry-page.h"
#include "haven-flow-page.h"
#include "haven-flow-runner.h"
#include "haven-journal-list.h"
#include "haven-journal-row.h"
#include "haven-pain-point-picker.h"
#include "haven-row-text.h"
#include "haven-scale-input.h"
#include "haven-test-ui.h"
#include "haven-test-util.h"
#include "haven-vocabulary.h"
#include "haven-window.h"

static HavenApplication *app;

typedef struct
{
  char        *dir;
  char        *path;
  HavenStore  *store;
  HavenWindow *window;
} Fixture;

static void
open_window (Fixture             *f,
             HavenStoreOpenFlags  flags,
             int                  width)
{
  g_autoptr(GError) error = NULL;

  f->store = haven_store_open (f->path, flags, &error);
  g_assert_no_error (error);

  f->window = haven_window_new (app, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 760);
  haven_test_ui_present (GTK_WINDOW (f->window));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = haven_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "journal.db", NULL);
  haven_test_ui_set_dark (FALSE);
  open_window (f, HAVEN_STORE_OPEN_NONE, 1000);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  haven_test_ui_iterate (20);
  g_clear_object (&f->store);
  haven_test_rmtree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}


/* Presses a key combination the way the window's own shortcut controller would handle it:
 * through the shortcut bound to it, so a missing or wrong binding fails the test. */
static gboolean
press_shortcut (GtkWidget  *widget,
                const char *accelerator)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  g_assert_nonnull (wanted);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            {
              gboolean handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                               0, widget,
                                                               gtk_shortcut_get_arguments (shortcut));
              haven_test_ui_iterate (20);
              return handled;
            }
        }
    }

  return FALSE;
}

static HavenCheckinPage *
checkin_page (Fixture *f)
{
  GtkWidget *page = haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_CHECKIN_PAGE);

  g_assert_nonnull (page);
  return HAVEN_CHECKIN_PAGE (page);
}

typedef gboolean (*Predicate) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             Predicate      predicate,
             gconstpointer  data)
{
  if (predicate (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, predicate, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, data);
}

static gboolean
is_toggle_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

/* A label, or the text of a journal row. */
static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  data)
{
  if (HAVEN_IS_ROW_TEXT (widget))
    return g_strcmp0 (haven_row_text_get_text (HAVEN_ROW_TEXT (widget)), data) == 0;

  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

/* A popover gets its size once it is shown, which takes longer on a slow (sanitized)
 * build; and while another test program on the same display holds a grab, X may not show
 * it at all. FALSE then. */
static gboolean
wait_until_mapped (GtkWidget *widget)
{
  for (guint i = 0; i < 60 && (!gtk_widget_get_mapped (widget) ||
                               gtk_widget_get_width (widget) == 0); i++)
    haven_test_ui_iterate (50);

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* What a click does, without the pointer: GtkButton's own activation waits a quarter
 * second before it clicks. */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  haven_test_ui_iterate (20);
}

/* Clicks mood @mood (1–5) on the page. */
static void
click_mood (HavenCheckinPage *page,
            int               mood)
{
  g_autofree char *mood_class = g_strdup_printf ("mood-%d", mood);
  GtkWidget *button = find_widget (GTK_WIDGET (page), has_class, mood_class);

  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  click (button);
  haven_test_ui_iterate (10);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
}

/* Clicks the chip of a word from @vocabulary, in the language the test runs in. */
static void
click_chip (HavenCheckinPage *page,
            HavenVocabulary   vocabulary,
            const char       *id)
{
  GtkWidget *chip = find_widget (GTK_WIDGET (page), is_toggle_labelled,
                                 haven_vocabulary_label (vocabulary, id));

  g_assert_nonnull (chip);
  click (chip);
  haven_test_ui_iterate (10);
}

/* Every widget of @type under @root, depth first, in the order they are shown. */
static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* The choice inputs, in the order the page shows them: the ones behind "More" are there
 * while it is open. */
static HavenChoiceInput *
nth_choice (HavenCheckinPage *page,
            guint             n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (GTK_WIDGET (page), HAVEN_TYPE_CHOICE_INPUT, found);
  g_assert_cmpuint (found->len, >, n);

  return g_ptr_array_index (found, n);
}

enum { CHOICE_EMOTIONS, CHOICE_REACTION, CHOICE_BODY, CHOICE_REGULATION };

static HavenScaleInput *
nth_scale (HavenCheckinPage *page,
           guint             n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  /* The intensity, then (with "More" open) the one afterwards. */
  collect (GTK_WIDGET (page), HAVEN_TYPE_SCALE_INPUT, found);
  g_assert_cmpuint (found->len, >, n);

  return g_ptr_array_index (found, n);
}

static GtkTextBuffer *
note_buffer (HavenCheckinPage *page)
{
  GtkWidget *view = haven_test_ui_find (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW);

  g_assert_nonnull (view);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

static void
expand_more (HavenCheckinPage *page)
{
  GtkWidget *expander = haven_test_ui_find (GTK_WIDGET (page), GTK_TYPE_EXPANDER);

  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  haven_test_ui_iterate (30);
}

static GtkRevealer *
error_banner (HavenCheckinPage *page)
{
  return GTK_REVEALER (haven_test_ui_find (GTK_WIDGET (page), GTK_TYPE_REVEALER));
}

static GtkWidget *
save_button (HavenCheckinPage *page)
{
  GtkWidget *button = haven_test_ui_find_button (GTK_WIDGET (page), _("_Save"));

  g_assert_nonnull (button);
  return button;
}

static guint
list_count (Fixture *f)
{
  HavenJournalList *list = HAVEN_JOURNAL_LIST (haven_test_ui_find (GTK_WIDGET (f->window),
                                                                   HAVEN_TYPE_JOURNAL_LIST));

  return g_list_model_get_n_items (G_LIST_MODEL (haven_journal_list_get_model (list)));
}

/* Opens row @position of the journal list, as a click would. */
static void
activate_row (Fixture *f,
              guint    position)
{
  GtkWidget *list = haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_JOURNAL_LIST);
  GtkWidget *grid = haven_test_ui_find (list, GTK_TYPE_GRID_VIEW);

  haven_test_ui_activate (grid, "list.activate-item", "u", position);
}

static gint64
only_checkin_id (Fixture *f)
{
  HavenJournalList *list = HAVEN_JOURNAL_LIST (haven_test_ui_find (GTK_WIDGET (f->window),
                                                                   HAVEN_TYPE_JOURNAL_LIST));
  GListModel *model = G_LIST_MODEL (haven_journal_list_get_model (list));
  g_autoptr(HavenJournalItem) item = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HavenJournalItem) candidate = g_list_model_get_item (model, i);

      if (haven_journal_item_get_record_type (candidate) == HAVEN_RECORD_CHECKIN)
        {
          g_assert_null (item);
          item = g_steal_pointer (&candidate);
        }
    }

  g_assert_nonnull (item);
  return haven_journal_item_get_id (item);
}

static void
assert_strv (const char * const *strv,
             const char * const *expected)
{
  g_assert_cmpuint (g_strv_length ((GStrv)strv), ==, g_strv_length ((GStrv)expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_true (g_strv_contains (strv, expected[i]));
}

static HavenTime
local_time (GDateTime *day,
            int        hour,
            int        minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_time_get_year (day),
                                                   g_date_time_get_month (day),
                                                   g_date_time_get_day_of_month (day),
                                                   hour, minute, 0);

  return g_date_time_to_unix (dt);
}

/* Tests ---------------------------------------------------------------------------------- */

static void
test_template_instantiates (void)
{
  GtkWidget *page = g_object_ref_sink (g_object_new (HAVEN_TYPE_CHECKIN_PAGE, NULL));

  /* Nothing to save before a check-in is started. */
  g_assert_null (haven_checkin_page_get_checkin (HAVEN_CHECKIN_PAGE (page)));
  g_assert_true (haven_checkin_page_leave (HAVEN_CHECKIN_PAGE (page)));
  g_assert_finalize_object (page);
}

static void
test_ctrl_k_opens_page (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
  gboolean listed = FALSE;
  GObject *overlay;

  g_assert_cmpstr (haven_window_get_page (f->window), ==, "welcome");
  g_assert_true (press_shortcut (GTK_WIDGET (f->window), "<Control>k"));
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "checkin");
  g_assert_nonnull (haven_checkin_page_get_checkin (checkin_page (f)));
  g_assert_cmpint (haven_checkin_page_get_mood (checkin_page (f)), ==, 0);

  /* Each mood says its word to a screen reader, not just its face. */
  for (int mood = 1; mood <= 5; mood++)
    {
      g_autofree char *mood_class = g_strdup_printf ("mood-%d", mood);
      GtkWidget *button = find_widget (GTK_WIDGET (checkin_page (f)), has_class, mood_class);

      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           haven_mood_label (mood));
    }

  /* Nothing is chosen, so there is nothing to save yet. */
  g_assert_false (gtk_widget_get_sensitive (save_button (checkin_page (f))));

  /* Pressing it again keeps the check-in that is open. */
  click_mood (checkin_page (f), 3);
  g_assert_true (press_shortcut (GTK_WIDGET (f->window), "<Control>k"));
  g_assert_cmpint (haven_checkin_page_get_mood (checkin_page (f)), ==, 3);

  /* Cancel (Escape) goes back without saving. */
  g_assert_true (press_shortcut (GTK_WIDGET (checkin_page (f)), "Escape"));
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "welcome");
  g_assert_cmpuint (haven_store_count_checkins (f->store), ==, 0);

  /* The menu of the + button and the welcome page offer it too. */
  haven_test_ui_activate (f->window, "win.check-in", NULL);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "checkin");

  /* The shortcuts window lists it. */
  builder = gtk_builder_new ();
  gtk_builder_add_from_resource (builder, RESOURCE_BASE "/haven-shortcuts.ui", &error);
  g_assert_no_error (error);
  overlay = gtk_builder_get_object (builder, "help_overlay");
  collect (GTK_WIDGET (overlay), GTK_TYPE_SHORTCUTS_SHORTCUT, shortcuts);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *accelerator = NULL;

      g_object_get (g_ptr_array_index (shortcuts, i), "accelerator", &accelerator, NULL);
      listed |= g_strcmp0 (accelerator, "<Primary>k") == 0;
    }
  g_assert_true (listed);
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
test_save_every_field (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_CONFLICT);
  g_autoptr(HavenCheckin) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  const char *reaction[] = { "withdraw", NULL };
  const char *strategies[] = { "slow-breathing", "naming", NULL };
  HavenCheckinPage *page;
  GtkWidget *calendar, *hour, *minute, *combo, *row;
  gboolean popover_shown;
  const gint64 *pain_points;
  guint n_pain_points;
  g_autofree char *title = NULL;
  gint64 id;

  haven_entry_set_title (entry, "The phone at dinner");
  g_assert_true (haven_store_save_entry (f->store, entry, &error));
  g_assert_no_error (error);

  haven_test_ui_activate (f->window, "win.check-in", NULL);
  page = checkin_page (f);

  click_mood (page, 2);
  click_chip (page, HAVEN_VOCABULARY_EMOTIONS, "anxious");
  click_chip (page, HAVEN_VOCABULARY_EMOTIONS, "hurt");
  haven_scale_input_set_value (nth_scale (page, 0), 7);
  gtk_text_buffer_set_text (note_buffer (page), "  She left without a word.\nI kept checking my phone.  ", -1);

  /* Yesterday evening, set through the time popover. */
  calendar = haven_test_ui_find (GTK_WIDGET (page), GTK_TYPE_CALENDAR);
  gtk_menu_button_popup (GTK_MENU_BUTTON (gtk_widget_get_ancestor (calendar, GTK_TYPE_MENU_BUTTON)));
  popover_shown = wait_until_mapped (gtk_widget_get_ancestor (calendar, GTK_TYPE_POPOVER));
  gtk_calendar_select_day (GTK_CALENDAR (calendar), yesterday);
  hour = haven_test_ui_find (GTK_WIDGET (page), GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hour), 21);
  minute = haven_test_ui_find (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (hour)),
                               GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (minute), 40);
  if (popover_shown)
    g_object_unref (haven_test_ui_render (gtk_widget_get_ancestor (calendar, GTK_TYPE_POPOVER),
                                          "checkin-when-popover"));
  else
    g_test_message ("the time popover was not shown (another program's grab?): not rendered");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (gtk_widget_get_ancestor (calendar, GTK_TYPE_MENU_BUTTON)));
  g_assert_cmpint (haven_checkin_page_get_at (page), ==, local_time (yesterday, 21, 40));

  /* More. */
  expand_more (page);
  haven_choice_input_set_selected (nth_choice (page, CHOICE_REACTION), reaction);
  click_chip (page, HAVEN_VOCABULARY_BODY_SIGNALS, "tight-chest");
  g_assert_true (haven_pain_point_picker_add (HAVEN_PAIN_POINT_PICKER (haven_test_ui_find (GTK_WIDGET (page), HAVEN_TYPE_PAIN_POINT_PICKER)),
                                              "feeling ignored", &error));
  g_assert_no_error (error);
  haven_choice_input_set_selected (nth_choice (page, CHOICE_REGULATION), strategies);
  haven_scale_input_set_value (nth_scale (page, 1), 3);
  combo = haven_test_ui_find (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (combo))), ==, 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 1);
  g_assert_true (haven_checkin_page_get_changed (page));

  g_assert_true (gtk_widget_get_sensitive (save_button (page)));
  click (save_button (page));
  haven_test_ui_iterate (50);

  /* Back where it came from, and in the journal. */
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "welcome");
  g_assert_cmpuint (haven_store_count_checkins (f->store), ==, 1);
  g_assert_cmpuint (list_count (f), ==, 2);
  id = only_checkin_id (f);

  saved = haven_store_get_checkin (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (haven_checkin_get_mood (saved), ==, 2);
  g_assert_cmpint (haven_checkin_get_at (saved), ==, local_time (yesterday, 21, 40));
  assert_strv (haven_checkin_get_emotions (saved), (const char *[]) { "anxious", "hurt", NULL });
  g_assert_cmpint (haven_checkin_get_intensity_before (saved), ==, 7);
  g_assert_cmpint (haven_checkin_get_reaction (saved), ==, HAVEN_REACTION_WITHDRAW);
  assert_strv (haven_checkin_get_body_signals (saved), (const char *[]) { "tight-chest", NULL });
  assert_strv (haven_checkin_get_regulation (saved), strategies);
  g_assert_cmpint (haven_checkin_get_intensity_after (saved), ==, 3);
  g_assert_cmpstr (haven_checkin_get_note (saved), ==,
                   "She left without a word.\nI kept checking my phone.");
  g_assert_cmpint (haven_checkin_get_entry_id (saved), ==, haven_entry_get_id (entry));
  pain_points = haven_checkin_get_pain_point_ids (saved, &n_pain_points);
  g_assert_cmpuint (n_pain_points, ==, 1);
  {
    g_autoptr(HavenPainPoint) point = haven_store_get_pain_point (f->store, pain_points[0], NULL);
    g_assert_cmpstr (haven_pain_point_get_name (point), ==, "feeling ignored");
  }

  /* Its row reads as the mood and the emotions, with the note below. */
  title = g_strdup_printf ("%s · %s, %s", haven_mood_label (2),
                           haven_vocabulary_label (HAVEN_VOCABULARY_EMOTIONS, "anxious"),
                           haven_vocabulary_label (HAVEN_VOCABULARY_EMOTIONS, "hurt"));
  row = haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_JOURNAL_ROW);
  g_assert_nonnull (row);
  g_assert_nonnull (find_widget (GTK_WIDGET (f->window), is_label_with_text, title));
  g_assert_nonnull (find_widget (GTK_WIDGET (f->window), is_label_with_text,
                                 "She left without a word. I kept checking my phone."));
  g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), "checkin-in-list"));
}

static void
test_mood_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(HavenCheckin) saved = NULL;
  g_autoptr(GError) error = NULL;
  HavenTime before = haven_time_now ();
  HavenCheckinPage *page;
  guint n_pain_points;

  haven_test_ui_activate (f->window, "win.check-in", NULL);
  page = checkin_page (f);
  click_mood (page, 4);
  click (save_button (page));
  haven_test_ui_iterate (50);

  g_assert_cmpstr (haven_window_get_page (f->window), ==, "welcome");
  g_assert_nonnull (find_widget (GTK_WIDGET (f->window), is_label_with_text, _("Check-in saved")));
  g_assert_cmpuint (haven_store_count_checkins (f->store), ==, 1);
  saved = haven_store_get_checkin (f->store, only_checkin_id (f), &error);
  g_assert_no_error (error);
  g_assert_cmpint (haven_checkin_get_mood (saved), ==, 4);
  g_assert_cmpint (haven_checkin_get_at (saved), >=, before);
  g_assert_cmpint (haven_checkin_get_at (saved), <=, haven_time_now ());
  g_assert_cmpuint (g_strv_length ((GStrv)haven_checkin_get_emotions (saved)), ==, 0);
  g_assert_cmpuint (g_strv_length ((GStrv)haven_checkin_get_body_signals (saved)), ==, 0);
  g_assert_cmpuint (g_strv_length ((GStrv)haven_checkin_get_regulation (saved)), ==, 0);
  g_assert_cmpint (haven_checkin_get_intensity_before (saved), ==, HAVEN_INTENSITY_UNSET);
  g_assert_cmpint (haven_checkin_get_intensity_after (saved), ==, HAVEN_INTENSITY_UNSET);
  g_assert_cmpint (haven_checkin_get_reaction (saved), ==, HAVEN_REACTION_NONE);
  g_assert_cmpstr (haven_checkin_get_note (saved), ==, "");
  g_assert_cmpint (haven_checkin_get_entry_id (saved), ==, 0);
  haven_checkin_get_pain_point_ids (saved, &n_pain_points);
  g_assert_cmpuint (n_pain_points, ==, 0);

  /* A second one the same day is a second check-in. */
  haven_test_ui_activate (f->window, "win.check-in", NULL);
  g_assert_cmpint (haven_checkin_page_get_mood (checkin_page (f)), ==, 0);
  click_mood (checkin_page (f), 5);
  haven_test_ui_activate (checkin_page (f), "checkin.save", NULL);
  g_assert_cmpuint (haven_store_count_checkins (f->store), ==, 2);
}

static gint64
save_checkin (Fixture    *f,
              int         mood,
              const char *note)
{
  g_autoptr(HavenCheckin) checkin = haven_checkin_new (mood);
  g_autoptr(GError) error = NULL;
  const char *emotions[] = { "calm", NULL };

  haven_checkin_set_note (checkin, note);
  haven_checkin_set_emotions (checkin, emotions);
  haven_checkin_set_intensity_before (checkin, 2);
  g_assert_true (haven_store_save_checkin (f->store, checkin, &error));
  g_assert_no_error (error);
  haven_test_ui_iterate (50);

  return haven_checkin_get_id (checkin);
}

static void
test_edit_changes_same_row (Fixture       *f,
                            gconstpointer  data)
{
  gint64 id = save_checkin (f, 3, "A walk along the canal.");
  g_autoptr(HavenCheckin) saved = NULL;
  g_autoptr(GError) error = NULL;
  HavenCheckinPage *page;

  g_assert_cmpuint (list_count (f), ==, 1);
  activate_row (f, 0);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "checkin");
  page = checkin_page (f);

  /* The form shows what was saved, and offers to delete it. */
  g_assert_cmpint (haven_checkin_get_id (haven_checkin_page_get_checkin (page)), ==, id);
  g_assert_cmpint (haven_checkin_page_get_mood (page), ==, 3);
  g_assert_cmpint (haven_scale_input_get_value (nth_scale (page, 0)), ==, 2);
  assert_strv (haven_choice_input_get_selected (nth_choice (page, CHOICE_EMOTIONS)),
               (const char *[]) { "calm", NULL });
  g_assert_false (haven_checkin_page_get_changed (page));
  g_assert_nonnull (haven_test_ui_find_button (GTK_WIDGET (page), _("Move to Trash")));
  g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), "checkin-edit"));

  click_mood (page, 5);
  click_chip (page, HAVEN_VOCABULARY_EMOTIONS, "grateful");
  gtk_text_buffer_set_text (note_buffer (page), "A long walk along the canal, together.", -1);
  haven_test_ui_activate (page, "checkin.save", NULL);

  g_assert_cmpstr (haven_window_get_page (f->window), ==, "welcome");
  g_assert_cmpuint (haven_store_count_checkins (f->store), ==, 1);
  g_assert_cmpuint (list_count (f), ==, 1);
  g_assert_cmpint (only_checkin_id (f), ==, id);
  saved = haven_store_get_checkin (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (haven_checkin_get_mood (saved), ==, 5);
  assert_strv (haven_checkin_get_emotions (saved), (const char *[]) { "calm", "grateful", NULL });
  g_assert_cmpint (haven_checkin_get_intensity_before (saved), ==, 2);
  g_assert_cmpstr (haven_checkin_get_note (saved), ==, "A long walk along the canal, together.");

  /* Opened from the list while Insights was shown: saving goes back there. */
  haven_test_ui_activate (f->window, "win.show-insights", NULL);
  activate_row (f, 0);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "checkin");
  haven_test_ui_activate (checkin_page (f), "checkin.save", NULL);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "insights");

  /* Opened again and left without a change: nothing is written. */
  activate_row (f, 0);
  g_assert_false (haven_checkin_page_get_changed (checkin_page (f)));
  haven_test_ui_activate (f->window, "win.show-home", NULL);
  g_clear_object (&saved);
  saved = haven_store_get_checkin (f->store, id, &error);
  g_assert_cmpint (haven_checkin_get_mood (saved), ==, 5);

  /* Changed, then another row chosen: the change is kept, not lost. */
  activate_row (f, 0);
  click_mood (checkin_page (f), 1);
  activate_row (f, 0);
  g_clear_object (&saved);
  saved = haven_store_get_checkin (f->store, id, &error);
  g_assert_cmpint (haven_checkin_get_mood (saved), ==, 1);
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = save_checkin (f, 2, "Slammed the door.");
  GtkWidget *undo;

  activate_row (f, 0);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "checkin");
  click (haven_test_ui_find_button (GTK_WIDGET (checkin_page (f)), _("Move to Trash")));
  haven_test_ui_iterate (50);

  g_assert_cmpstr (haven_window_get_page (f->window), ==, "welcome");
  g_assert_cmpuint (haven_store_count_checkins (f->store), ==, 0);
  g_assert_cmpuint (haven_store_count_trash (f->store), ==, 1);
  g_assert_cmpuint (list_count (f), ==, 0);
  g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), "checkin-deleted"));

  /* The toast's Undo brings it back. */
  g_assert_nonnull (find_widget (GTK_WIDGET (f->window), is_label_with_text,
                                 _("Check-in moved to the trash")));
  undo = haven_test_ui_find_button (GTK_WIDGET (f->window), _("_Undo"));
  g_assert_nonnull (undo);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (undo)), ==, "win.restore-checkin");
  g_assert_cmpint (g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (undo))),
                   ==, id);
  click (undo);
  g_assert_cmpuint (haven_store_count_checkins (f->store), ==, 1);
  g_assert_cmpuint (haven_store_count_trash (f->store), ==, 0);
  g_assert_cmpuint (list_count (f), ==, 1);
  g_assert_cmpint (only_checkin_id (f), ==, id);

  /* Undoing twice says what went wrong instead of failing silently. */
  haven_test_ui_activate (f->window, "win.restore-checkin", "x", id);
  g_assert_cmpuint (haven_store_count_checkins (f->store), ==, 1);
}

static void
test_failed_save_keeps_form (Fixture       *f,
                             gconstpointer  data)
{
  HavenCheckinPage *page;
  GtkRevealer *banner;
  GtkWidget *label;
  g_autofree char *note = NULL;
  GtkTextIter start, end;
  GtkWidget *dialog = NULL;
  GListModel *toplevels;

  /* The same journal, opened read-only: every save fails. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  open_window (f, HAVEN_STORE_OPEN_READ_ONLY, 1000);

  haven_test_ui_activate (f->window, "win.check-in", NULL);
  page = checkin_page (f);
  click_mood (page, 2);
  click_chip (page, HAVEN_VOCABULARY_EMOTIONS, "lonely");
  haven_scale_input_set_value (nth_scale (page, 0), 8);
  gtk_text_buffer_set_text (note_buffer (page), "Nobody called back.", -1);
  click (save_button (page));
  haven_test_ui_iterate (50);

  /* Still here, with everything, and a banner that says why. */
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "checkin");
  banner = error_banner (page);
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  label = haven_test_ui_find (gtk_revealer_get_child (banner), GTK_TYPE_LABEL);
  g_assert_cmpuint (strlen (gtk_label_get_label (GTK_LABEL (label))), >, 20);
  g_assert_cmpint (haven_checkin_page_get_mood (page), ==, 2);
  g_assert_cmpint (haven_scale_input_get_value (nth_scale (page, 0)), ==, 8);
  assert_strv (haven_choice_input_get_selected (nth_choice (page, CHOICE_EMOTIONS)),
               (const char *[]) { "lonely", NULL });
  gtk_text_buffer_get_bounds (note_buffer (page), &start, &end);
  note = gtk_text_buffer_get_text (note_buffer (page), &start, &end, FALSE);
  g_assert_cmpstr (note, ==, "Nobody called back.");
  g_assert_cmpint (haven_checkin_get_id (haven_checkin_page_get_checkin (page)), ==, 0);
  g_assert_cmpuint (haven_store_count_checkins (f->store), ==, 0);
  g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), "checkin-save-failed"));

  /* Moving elsewhere would lose it: the page stays. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-home", NULL);
  haven_test_ui_iterate (20);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "checkin");
  g_assert_true (gtk_revealer_get_reveal_child (banner));

  /* Cancel asks before it throws written words away. */
  haven_test_ui_activate (page, "checkin.cancel", NULL);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "checkin");
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        dialog = window;
    }
  g_assert_nonnull (dialog);
  g_object_unref (haven_test_ui_render (dialog, "checkin-discard-dialog"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  haven_test_ui_iterate (20);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "checkin");
  haven_test_ui_activate (page, "checkin.cancel", NULL);
  dialog = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        dialog = window;
    }
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  haven_test_ui_iterate (20);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "welcome");
  g_assert_cmpuint (haven_store_count_checkins (f->store), ==, 0);
}

static void
test_words_without_mood_are_kept (Fixture       *f,
                                  gconstpointer  data)
{
  HavenCheckinPage *page;

  haven_test_ui_activate (f->window, "win.check-in", NULL);
  page = checkin_page (f);
  gtk_text_buffer_set_text (note_buffer (page), "I could not say what I felt.", -1);

  /* Without a mood it cannot be saved; leaving would lose the words. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-home", NULL);
  haven_test_ui_iterate (20);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "checkin");
  g_assert_true (gtk_revealer_get_reveal_child (error_banner (page)));
  g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), "checkin-needs-mood"));

  /* Choosing a mood is enough: now leaving saves it. */
  click_mood (page, 3);
  g_assert_false (gtk_revealer_get_reveal_child (error_banner (page)));
  haven_test_ui_activate (f->window, "win.show-home", NULL);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "welcome");
  g_assert_cmpuint (haven_store_count_checkins (f->store), ==, 1);

  /* Only taps, no words: a new check-in is let go of without asking. */
  haven_test_ui_activate (f->window, "win.check-in", NULL);
  click_chip (checkin_page (f), HAVEN_VOCABULARY_EMOTIONS, "calm");
  haven_test_ui_activate (f->window, "win.show-home", NULL);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "welcome");
  g_assert_cmpuint (haven_store_count_checkins (f->store), ==, 1);
}

static void
test_returns_to_entry (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
  g_autoptr(GError) error = NULL;
  HavenEntryPage *entry_page;

  haven_entry_set_title (entry, "Sunday");
  haven_entry_set_body (entry, "We talked it through.");
  g_assert_true (haven_store_save_entry (f->store, entry, &error));
  g_assert_no_error (error);
  haven_test_ui_iterate (50);

  activate_row (f, 0);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "entry");

  g_assert_true (press_shortcut (GTK_WIDGET (f->window), "<Control>k"));
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "checkin");
  click_mood (checkin_page (f), 4);
  haven_test_ui_activate (checkin_page (f), "checkin.save", NULL);

  /* Back at the entry that was open. */
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "entry");
  entry_page = HAVEN_ENTRY_PAGE (haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_ENTRY_PAGE));
  g_assert_nonnull (haven_entry_page_get_entry (entry_page));
  g_assert_cmpint (haven_entry_get_id (haven_entry_page_get_entry (entry_page)), ==,
                   haven_entry_get_id (entry));
}

static void
test_returns_to_flow (Fixture       *f,
                      gconstpointer  data)
{
  HavenFlowPage *flow_page;
  HavenFlowRunner *runner;
  GtkWidget *input;
  GtkTextBuffer *buffer;
  const HavenStep *step;

  /* In the middle of the questions after a conflict, a check-in in between. */
  haven_test_ui_activate (f->window, "win.start-flow", "s", HAVEN_FLOW_AFTER_CONFLICT);
  flow_page = HAVEN_FLOW_PAGE (haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_FLOW_PAGE));
  input = haven_flow_page_get_input (flow_page);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (input))));
  gtk_text_buffer_insert_at_cursor (buffer, "We argued about the holidays.", -1);
  haven_test_ui_iterate (20);
  step = haven_flow_runner_get_step (haven_flow_page_get_runner (flow_page));

  g_assert_true (press_shortcut (GTK_WIDGET (f->window), "<Control>k"));
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "checkin");
  click_mood (checkin_page (f), 1);
  haven_test_ui_activate (checkin_page (f), "checkin.save", NULL);

  /* Back at the same question, with the answer. */
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "flow");
  runner = haven_flow_page_get_runner (flow_page);
  g_assert_nonnull (runner);
  g_assert_true (haven_flow_runner_get_step (runner) == step);
  g_assert_cmpstr (g_variant_get_string (haven_flow_runner_get_answer (runner, step), NULL), ==,
                   "We argued about the holidays.");
  g_assert_cmpuint (haven_store_count_checkins (f->store), ==, 1);
}

static void
fill_for_screenshot (HavenCheckinPage *page)
{
  const char *reaction[] = { "pursue", NULL };
  const char *strategies[] = { "break", "reaching-out", NULL };

  click_mood (page, 2);
  click_chip (page, HAVEN_VOCABULARY_EMOTIONS, "frustrated");
  click_chip (page, HAVEN_VOCABULARY_EMOTIONS, "unseen");
  haven_scale_input_set_value (nth_scale (page, 0), 6);
  gtk_text_buffer_set_text (note_buffer (page), "He was on his phone again while I talked.", -1);
  expand_more (page);
  haven_choice_input_set_selected (nth_choice (page, CHOICE_REACTION), reaction);
  click_chip (page, HAVEN_VOCABULARY_BODY_SIGNALS, "hot-face");
  haven_choice_input_set_selected (nth_choice (page, CHOICE_REGULATION), strategies);
  haven_scale_input_set_value (nth_scale (page, 1), 3);
}

/* The page in both themes, at 360 and 1000 pixels: the PNGs are looked at by people. */
static void
test_render (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_CONFLICT);
  const int widths[] = { 1000, 360 };
  int minimum;

  haven_entry_set_title (entry, "When the plans for the weekend fell through at the very last moment");
  g_assert_true (haven_store_save_entry (f->store, entry, NULL));
  save_checkin (f, 4, "Coffee in the garden, the two of us.\nIt felt easy again.");

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint dark = 0; dark < 2; dark++)
      {
        g_autofree char *name = g_strdup_printf ("checkin-new-%d", widths[w]);
        g_autofree char *filled = g_strdup_printf ("checkin-filled-%d", widths[w]);
        g_autofree char *list = g_strdup_printf ("checkin-list-%d", widths[w]);
        GtkWidget *content;

        haven_test_ui_set_dark (dark);
        haven_test_ui_resize (GTK_WINDOW (f->window), widths[w], 760);
        g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, widths[w] + 20);

        haven_test_ui_activate (f->window, "win.check-in", NULL);
        g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), name));

        fill_for_screenshot (checkin_page (f));
        gtk_widget_measure (GTK_WIDGET (checkin_page (f)), GTK_ORIENTATION_HORIZONTAL, -1,
                            &minimum, NULL, NULL, NULL);
        g_test_message ("check-in page at %d: at least %d wide", widths[w], minimum);
        g_assert_cmpint (minimum, <=, 360);

        /* The whole form, scrolled or not. */
        content = gtk_widget_get_ancestor (GTK_WIDGET (nth_choice (checkin_page (f), CHOICE_EMOTIONS)),
                                           ADW_TYPE_CLAMP);
        /* Rendered on its own, it needs the window's background to be readable in dark. */
        gtk_widget_add_css_class (content, "background");
        g_object_unref (haven_test_ui_render (content, filled));
        gtk_widget_remove_css_class (content, "background");

        haven_test_ui_activate (checkin_page (f), "checkin.save", NULL);
        if (widths[w] == 360)
          haven_test_ui_activate (f->window, "win.go-back", NULL);
        g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), list));
      }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = haven_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/checkin/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/checkin/template-instantiates", test_template_instantiates);
  ADD ("ctrl-k-opens-page", test_ctrl_k_opens_page);
  ADD ("save-every-field", test_save_every_field);
  ADD ("mood-only", test_mood_only);
  ADD ("edit-changes-same-row", test_edit_changes_same_row);
  ADD ("delete-and-undo", test_delete_and_undo);
  ADD ("failed-save-keeps-form", test_failed_save_keeps_form);
  ADD ("words-without-mood-are-kept", test_words_without_mood_are_kept);
  ADD ("returns-to-entry", test_returns_to_entry);
  ADD ("returns-to-flow", test_returns_to_flow);
  ADD ("render", test_render);

#undef ADD

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
