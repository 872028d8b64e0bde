/* test-flows.c: writing through the real window, under Xvfb
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>

#include "haven-answers.h"
#include "haven-breathing-guide.h"
#include "haven-ui-util.h"
#include "haven-choice-input.h"
#include "haven-entry-page.h"
#include "haven-flow-page.h"
#include "haven-journal-list.h"
#include "haven-pain-point-picker.h"
#include "haven-safety-notice.h"
#include "haven-scale-input.h"
#include "haven-store-private.h"
#include "haven-test-ui.h"
#include "haven-test-util.h"
#include "haven-trash-page.h"
#include "haven-week-overview.h"
#include "haven-welcome-page.h"
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
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = haven_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "journal.db", NULL);
  f->store = haven_store_open (f->path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);

  haven_test_ui_set_dark (FALSE);
  f->window = haven_window_new (app, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 760);
  haven_test_ui_present (GTK_WINDOW (f->window));
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


static HavenFlowPage *
flow_page (Fixture *f)
{
  return HAVEN_FLOW_PAGE (haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_FLOW_PAGE));
}

static HavenFlowRunner *
runner (Fixture *f)
{
  return haven_flow_page_get_runner (flow_page (f));
}

static const char *
current_step (Fixture *f)
{
  const HavenStep *step = haven_flow_runner_get_step (runner (f));

  return step ? step->id : HAVEN_FLOW_STEP_SUMMARY;
}

/* Types into the current step's text field, as a person would. */
static void
type_answer (Fixture    *f,
             const char *text)
{
  GtkWidget *input = haven_flow_page_get_input (flow_page (f));
  GtkTextBuffer *buffer;

  g_assert_true (GTK_IS_SCROLLED_WINDOW (input));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (input))));
  gtk_text_buffer_set_text (buffer, "", -1);
  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
  haven_test_ui_iterate (10);
}

/* Ticks a choice by its label, through its check button or chip. */
static void
choose (Fixture    *f,
        const char *label)
{
  GtkWidget *input = haven_flow_page_get_input (flow_page (f));
  GtkWidget *found = haven_test_ui_find_button (input, label);

  if (found != NULL && GTK_IS_TOGGLE_BUTTON (found))
    {
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (found), TRUE);
    }
  else
    {
      /* Rows: the check button is labelled by its row's title. */
      gboolean done = FALSE;

      for (GtkWidget *row = haven_test_ui_find (input, ADW_TYPE_ACTION_ROW);
           row != NULL && !done;
           row = gtk_widget_get_next_sibling (row))
        {
          if (ADW_IS_ACTION_ROW (row) &&
              g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), label) == 0)
            {
              GtkWidget *check = haven_test_ui_find (row, GTK_TYPE_CHECK_BUTTON);

              gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
              done = TRUE;
            }
        }
      g_assert_true (done);
    }

  haven_test_ui_iterate (10);
}

static void
next (Fixture *f)
{
  haven_test_ui_activate (flow_page (f), "flow.next", NULL);
}

static void
back (Fixture *f)
{
  haven_test_ui_activate (flow_page (f), "flow.back", NULL);
}

static void
assert_choices (HavenEntry         *entry,
                const char         *step_id,
                const char * const *expected)
{
  GVariant *answer = haven_entry_get_answer (entry, step_id);
  g_autofree const char **ids = NULL;

  g_assert_nonnull (answer);
  ids = g_variant_get_strv (answer, NULL);
  g_assert_cmpstrv (ids, expected);
}

static void
test_after_conflict_complete (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(HavenEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *scale, *picker, *safety;
  HavenJournalModel *model;
  gint64 id;
  const gint64 *pain_points;
  guint n_pain_points;

  haven_test_ui_activate (f->window, "win.start-flow", "s", HAVEN_FLOW_AFTER_CONFLICT);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "flow");
  g_assert_cmpstr (current_step (f), ==, "what-happened");

  type_answer (f, "She kept scrolling while I told her about my day.");
  next (f);

  /* Body: skipped. */
  g_assert_cmpstr (current_step (f), ==, "body");
  next (f);

  g_assert_cmpstr (current_step (f), ==, HAVEN_ANSWER_INTENSITY);
  scale = haven_flow_page_get_input (flow_page (f));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (haven_test_ui_find_button (scale, "7")), TRUE);
  haven_test_ui_iterate (10);
  g_assert_cmpint (haven_scale_input_get_value (HAVEN_SCALE_INPUT (scale)), ==, 7);

  /* Two steps back and forward again: the answers are still there. */
  back (f);
  back (f);
  g_assert_cmpstr (current_step (f), ==, "what-happened");
  next (f);
  next (f);
  scale = haven_flow_page_get_input (flow_page (f));
  g_assert_cmpint (haven_scale_input_get_value (HAVEN_SCALE_INPUT (scale)), ==, 7);
  next (f);

  g_assert_cmpstr (current_step (f), ==, "pain-points");
  picker = haven_flow_page_get_input (flow_page (f));
  g_assert_true (haven_pain_point_picker_add (HAVEN_PAIN_POINT_PICKER (picker),
                                              "feeling ignored", &error));
  g_assert_no_error (error);
  next (f);

  g_assert_cmpstr (current_step (f), ==, "echo");
  type_answer (f, "My father reading the paper while I talked.");
  next (f);

  g_assert_cmpstr (current_step (f), ==, HAVEN_ANSWER_REACTION);
  choose (f, _("Withdraw"));
  next (f);
  g_assert_cmpstr (current_step (f), ==, HAVEN_ANSWER_PATTERN);
  choose (f, _("The protest dance"));
  next (f);
  g_assert_cmpstr (current_step (f), ==, "softer-feeling");
  choose (f, _("Loneliness"));
  next (f);
  next (f); /* need: skipped */
  g_assert_cmpstr (current_step (f), ==, "boundary-or-wound");
  choose (f, _("An old wound was touched"));
  next (f);

  /* Marking a sign of unsafety shows, calmly, where help is; the flow goes on. */
  g_assert_cmpstr (current_step (f), ==, HAVEN_ANSWER_UNSAFETY);
  safety = haven_test_ui_find (GTK_WIDGET (flow_page (f)), GTK_TYPE_REVEALER);
  safety = gtk_widget_get_parent (haven_test_ui_find (GTK_WIDGET (flow_page (f)), HAVEN_TYPE_SAFETY_NOTICE));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (safety)));
  choose (f, _("Contempt or humiliation"));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (safety)));
  haven_test_ui_iterate (400);
  g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), "flow-safety-notice"));
  next (f);

  g_assert_cmpstr (current_step (f), ==, HAVEN_ANSWER_REGULATION);
  choose (f, _("A break"));
  next (f);
  scale = haven_flow_page_get_input (flow_page (f));
  haven_scale_input_set_value (HAVEN_SCALE_INPUT (scale), 3);
  next (f);
  g_assert_cmpstr (current_step (f), ==, "say-instead");
  type_answer (f, "When you look at your phone while I talk, I feel alone, and I need you to look at me.");
  next (f);
  next (f); /* appreciation: skipped */

  g_assert_cmpstr (current_step (f), ==, HAVEN_FLOW_STEP_SUMMARY);
  g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), "flow-summary"));
  next (f); /* Save to Journal */

  /* Saved, listed, and shown as an entry. */
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "entry");
  model = haven_journal_list_get_model (HAVEN_JOURNAL_LIST (haven_test_ui_find (GTK_WIDGET (f->window),
                                                                                HAVEN_TYPE_JOURNAL_LIST)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  {
    g_autoptr(HavenJournalItem) item = g_list_model_get_item (G_LIST_MODEL (model), 0);
    id = haven_journal_item_get_id (item);
  }

  entry = haven_store_get_entry (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_false (haven_entry_get_is_draft (entry));
  g_assert_cmpstr (g_variant_get_string (haven_entry_get_answer (entry, "what-happened"), NULL), ==,
                   "She kept scrolling while I told her about my day.");
  g_assert_null (haven_entry_get_answer (entry, "body"));
  g_assert_cmpint (g_variant_get_int64 (haven_entry_get_answer (entry, HAVEN_ANSWER_INTENSITY)), ==, 7);
  g_assert_cmpint (g_variant_get_int64 (haven_entry_get_answer (entry, HAVEN_ANSWER_INTENSITY_AFTER)), ==, 3);
  assert_choices (entry, HAVEN_ANSWER_REACTION, ((const char *[]) { "withdraw", NULL }));
  assert_choices (entry, HAVEN_ANSWER_PATTERN, ((const char *[]) { "protest-dance", NULL }));
  assert_choices (entry, "softer-feeling", ((const char *[]) { "loneliness", NULL }));
  g_assert_null (haven_entry_get_answer (entry, "need"));
  assert_choices (entry, "boundary-or-wound", ((const char *[]) { "wound", NULL }));
  assert_choices (entry, HAVEN_ANSWER_UNSAFETY, ((const char *[]) { "contempt", NULL }));
  assert_choices (entry, HAVEN_ANSWER_REGULATION, ((const char *[]) { "break", NULL }));
  g_assert_nonnull (strstr (g_variant_get_string (haven_entry_get_answer (entry, "say-instead"), NULL),
                            "I need you to look at me"));
  g_assert_null (haven_entry_get_answer (entry, "appreciation"));
  pain_points = haven_entry_get_pain_point_ids (entry, &n_pain_points);
  g_assert_cmpuint (n_pain_points, ==, 1);
  {
    g_autoptr(HavenPainPoint) point = haven_store_get_pain_point (f->store, pain_points[0], NULL);
    g_assert_cmpstr (haven_pain_point_get_name (point), ==, "feeling ignored");
  }
  g_assert_nonnull (strstr (haven_entry_get_body (entry), "My father reading the paper"));
  g_assert_nonnull (strstr (haven_entry_get_title (entry), "feeling ignored"));
  g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), "entry-after-conflict"));

  /* Search finds it, by words from an answer. */
  {
    GtkWidget *list = haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_JOURNAL_LIST);
    GtkWidget *search;

    /* The search bar is built when first opened. */
    g_assert_null (haven_test_ui_find (list, GTK_TYPE_SEARCH_ENTRY));
    haven_test_ui_activate (f->window, "win.search", NULL);
    search = haven_test_ui_find (list, GTK_TYPE_SEARCH_ENTRY);
    g_assert_nonnull (search);
    g_assert_true (gtk_widget_has_focus (search) || gtk_widget_is_focus (search) ||
                   gtk_widget_get_focus_child (search) != NULL);
    gtk_editable_set_text (GTK_EDITABLE (search), "scrolling");
    haven_test_ui_iterate (400);
    model = haven_journal_list_get_model (HAVEN_JOURNAL_LIST (list));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
    g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), "search-result"));

    gtk_editable_set_text (GTK_EDITABLE (search), "zebrafinch");
    haven_test_ui_iterate (400);
    model = haven_journal_list_get_model (HAVEN_JOURNAL_LIST (list));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
    gtk_editable_set_text (GTK_EDITABLE (search), "");
    haven_test_ui_iterate (400);
  }

  /* Delete, then Undo: it is back. */
  haven_test_ui_activate (haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_ENTRY_PAGE), "entry.trash", NULL);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 0);
  g_assert_cmpuint (haven_store_count_trash (f->store), ==, 1);
  haven_test_ui_activate (f->window, "win.restore-entry", "x", id);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 1);
  g_assert_cmpuint (haven_store_count_trash (f->store), ==, 0);
}

static void
test_escape_keeps_draft (Fixture       *f,
                         gconstpointer  data)
{
  HavenWelcomePage *welcome;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  haven_test_ui_activate (f->window, "win.start-flow", "s", HAVEN_FLOW_ROCKY_MOMENT);
  type_answer (f, "The evening of the birthday party.");
  next (f);
  type_answer (f, "That I would be left standing alone.");

  /* Escape closes the flow; the draft is kept and offered on the welcome page. */
  haven_test_ui_activate (flow_page (f), "flow.close", NULL);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "welcome");
  drafts = haven_store_list_drafts (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  id = haven_entry_get_id (g_ptr_array_index (drafts, 0));
  welcome = HAVEN_WELCOME_PAGE (haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_WELCOME_PAGE));
  g_assert_cmpuint (haven_welcome_page_get_n_drafts (welcome), ==, 1);
  g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), "welcome-with-draft"));

  /* Continuing goes back to the question where it was left, with the text. */
  haven_test_ui_activate (f->window, "win.continue-draft", "x", id);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "flow");
  g_assert_cmpstr (current_step (f), ==, "most-afraid");
  g_assert_cmpstr (g_variant_get_string (haven_flow_runner_get_answer (runner (f), haven_flow_runner_get_step (runner (f))), NULL),
                   ==, "That I would be left standing alone.");

  /* An empty flow that is closed leaves no draft behind. */
  haven_test_ui_activate (flow_page (f), "flow.close", NULL);
  haven_test_ui_activate (f->window, "win.start-flow", "s", HAVEN_FLOW_CALM_DOWN);
  haven_test_ui_activate (flow_page (f), "flow.close", NULL);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = haven_store_list_drafts (f->store, &error);
  g_assert_cmpuint (drafts->len, ==, 1);

  /* Discarding moves the draft to the trash, where it can be brought back. */
  haven_test_ui_activate (f->window, "win.discard-draft", "x", id);
  g_assert_cmpuint (haven_welcome_page_get_n_drafts (welcome), ==, 0);
  g_assert_cmpuint (haven_store_count_trash (f->store), ==, 1);
}

static void
test_free_entry (Fixture       *f,
                 gconstpointer  data)
{
  HavenEntryPage *page;
  GtkTextBuffer *buffer;
  g_autoptr(GPtrArray) drafts = NULL;

  haven_test_ui_activate (f->window, "win.start-flow", "s", HAVEN_FLOW_FREE);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "entry");
  page = HAVEN_ENTRY_PAGE (haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_ENTRY_PAGE));
  buffer = gtk_text_view_get_buffer (haven_entry_page_get_body_view (page));
  gtk_text_buffer_insert_at_cursor (buffer, "A quiet walk by the canal after the fight.", -1);

  /* Within two seconds it is on disk, as a draft. */
  haven_test_ui_iterate (2200);
  drafts = haven_store_list_drafts (f->store, NULL);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (haven_entry_get_body (g_ptr_array_index (drafts, 0)), ==,
                   "A quiet walk by the canal after the fight.");
  g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), "entry-free"));

  /* Leaving the page makes it a journal entry. */
  haven_test_ui_activate (f->window, "win.show-home", NULL);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 1);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = haven_store_list_drafts (f->store, NULL);
  g_assert_cmpuint (drafts->len, ==, 0);

  /* A blank new page leaves nothing. */
  haven_test_ui_activate (f->window, "win.start-flow", "s", HAVEN_FLOW_FREE);
  haven_test_ui_activate (f->window, "win.show-home", NULL);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 1);
  g_assert_cmpuint (haven_store_count_trash (f->store), ==, 0);
}

static void
test_failed_save_keeps_text (Fixture       *f,
                             gconstpointer  data)
{
  sqlite3 *db = _haven_store_get_db (f->store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *limit = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  HavenEntryPage *page;
  GtkTextBuffer *buffer;
  GtkWidget *banner;

  for (guint i = 0; i < 3000; i++)
    g_string_append (text, "Nothing is lost. ");

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_count;", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  limit = g_strdup_printf ("PRAGMA max_page_count = %d;", sqlite3_column_int (stmt, 0));
  g_assert_cmpint (sqlite3_exec (db, limit, NULL, NULL, NULL), ==, SQLITE_OK);

  haven_test_ui_activate (f->window, "win.start-flow", "s", HAVEN_FLOW_FREE);
  page = HAVEN_ENTRY_PAGE (haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_ENTRY_PAGE));
  buffer = gtk_text_view_get_buffer (haven_entry_page_get_body_view (page));
  gtk_text_buffer_insert_at_cursor (buffer, text->str, -1);
  haven_test_ui_iterate (2300);

  banner = haven_test_ui_find (GTK_WIDGET (page), GTK_TYPE_REVEALER);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), "entry-save-failed"));

  /* The person cannot leave the page and lose it. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-home", NULL) &&
                  g_strcmp0 (haven_window_get_page (f->window), "entry") != 0);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "entry");
  g_assert_cmpstr (haven_entry_get_body (haven_entry_page_get_entry (page)), ==, text->str);

  /* Room again: the retry saves it, and the banner goes. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1073741823;", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  haven_test_ui_activate (page, "entry.save-now", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  haven_test_ui_activate (f->window, "win.show-home", NULL);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 1);
}

/* Another program holds the journal's write lock: Haven waits (the busy timeout), then says
 * so, keeps the text, and saves it once the lock is gone. */
static void
test_locked_journal_keeps_text (Fixture       *f,
                                gconstpointer  data)
{
  const char *text = "Written while another program held the journal.";
  sqlite3 *other = NULL;
  HavenEntryPage *page;
  GtkTextBuffer *buffer;
  GtkWidget *banner;
  gint64 start;

  g_assert_cmpint (sqlite3_open (haven_store_get_path (f->store), &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE;", NULL, NULL, NULL), ==, SQLITE_OK);

  haven_test_ui_activate (f->window, "win.start-flow", "s", HAVEN_FLOW_FREE);
  page = HAVEN_ENTRY_PAGE (haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_ENTRY_PAGE));
  buffer = gtk_text_view_get_buffer (haven_entry_page_get_body_view (page));
  gtk_text_buffer_insert_at_cursor (buffer, text, -1);

  /* The autosave comes within two seconds and then waits for the lock before it gives up. */
  start = g_get_monotonic_time ();
  banner = haven_test_ui_find (GTK_WIDGET (page), GTK_TYPE_REVEALER);
  while (!gtk_revealer_get_reveal_child (GTK_REVEALER (banner)) &&
         g_get_monotonic_time () - start < 15 * G_USEC_PER_SEC)
    haven_test_ui_iterate (100);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_test_message ("the banner came after %.1f s",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), "entry-save-locked"));
  g_assert_cmpstr (haven_entry_get_body (haven_entry_page_get_entry (page)), ==, text);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 0);

  /* The other program lets go: the same text saves, and the banner goes. */
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  haven_test_ui_activate (page, "entry.save-now", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  haven_test_ui_activate (f->window, "win.show-home", NULL);
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 1);
}

/* Every step of every flow, on screen: the PNGs are looked at by people. */
static void
test_render_every_step (Fixture       *f,
                        gconstpointer  data)
{
  const HavenFlow **flows;
  guint n_flows;

  flows = haven_flow_get_all (&n_flows);
  for (guint dark = 0; dark < 2; dark++)
    {
      haven_test_ui_set_dark (dark);

      for (guint i = 0; i < n_flows; i++)
        {
          if (flows[i]->n_steps == 0)
            continue;

          haven_test_ui_activate (f->window, "win.start-flow", "s", flows[i]->id);
          for (guint s = 0; s <= flows[i]->n_steps; s++)
            {
              g_autofree char *name = g_strdup_printf ("step-%s-%02u-%s", flows[i]->id, s,
                                                       current_step (f));

              haven_test_ui_iterate (30);
              g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), name));
              if (s < flows[i]->n_steps)
                next (f);
            }
          haven_test_ui_activate (flow_page (f), "flow.close", NULL);
        }
    }
}

static void
test_narrow_flow (Fixture       *f,
                  gconstpointer  data)
{
  haven_test_ui_resize (GTK_WINDOW (f->window), 360, 720);

  haven_test_ui_activate (f->window, "win.start-flow", "s", HAVEN_FLOW_AFTER_CONFLICT);
  g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), "narrow-flow-text"));
  next (f);
  g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), "narrow-flow-chips"));
  next (f);
  g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), "narrow-flow-scale"));
  haven_test_ui_activate (f->window, "win.start-flow", "s", HAVEN_FLOW_CALM_DOWN);
  next (f);
  next (f);
  g_object_unref (haven_test_ui_render (GTK_WIDGET (f->window), "narrow-flow-breathing"));
}

static void
test_icon_buttons_have_labels (Fixture       *f,
                               gconstpointer  data)
{
  haven_test_ui_activate (f->window, "win.start-flow", "s", HAVEN_FLOW_FREE);

  /* Every button that shows only an icon says what it does. */
  for (GtkWidget *w = GTK_WIDGET (f->window); w != NULL; )
    {
      if ((GTK_IS_BUTTON (w) || GTK_IS_MENU_BUTTON (w)) && gtk_widget_is_drawable (w))
        {
          const char *label = GTK_IS_BUTTON (w) ? gtk_button_get_label (GTK_BUTTON (w))
                                                : gtk_menu_button_get_label (GTK_MENU_BUTTON (w));
          const char *tooltip = haven_widget_get_tooltip (w);

          /* The window's own minimize/maximize/close buttons are GTK's to label. */
          if (label == NULL && !GTK_IS_TOGGLE_BUTTON (w) &&
              haven_test_ui_find (w, GTK_TYPE_LABEL) == NULL &&
              gtk_widget_get_ancestor (w, GTK_TYPE_WINDOW_CONTROLS) == NULL)
            {
              g_test_message ("icon button %s in %s in %s, tooltip %s", G_OBJECT_TYPE_NAME (w),
                              G_OBJECT_TYPE_NAME (gtk_widget_get_parent (w)),
                              G_OBJECT_TYPE_NAME (gtk_widget_get_parent (gtk_widget_get_parent (w))),
                              tooltip);
              if (tooltip == NULL && gtk_widget_get_parent (w) != NULL &&
                  GTK_IS_MENU_BUTTON (gtk_widget_get_parent (w)))
                tooltip = haven_widget_get_tooltip (gtk_widget_get_parent (w));
              g_assert_nonnull (tooltip);
              if (!GTK_IS_MENU_BUTTON (gtk_widget_get_parent (w)))
                gtk_test_accessible_assert_property (GTK_ACCESSIBLE (w),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip);
            }
        }

      /* Depth-first walk. */
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = w == GTK_WIDGET (f->window) ? NULL : gtk_widget_get_parent (w);
          if (w != NULL)
            w = w == GTK_WIDGET (f->window) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
}

static void
test_templates_instantiate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = haven_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(HavenStore) store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
  GtkWidget *widgets[] = {
    g_object_new (HAVEN_TYPE_FLOW_PAGE, NULL),
    g_object_new (HAVEN_TYPE_ENTRY_PAGE, NULL),
    g_object_new (HAVEN_TYPE_TRASH_PAGE, NULL),
    g_object_new (HAVEN_TYPE_SAFETY_NOTICE, NULL),
    g_object_new (HAVEN_TYPE_BREATHING_GUIDE, NULL),
    GTK_WIDGET (haven_scale_input_new ("calm", "overwhelming")),
    GTK_WIDGET (haven_choice_input_new (HAVEN_VOCABULARY_EMOTIONS, TRUE)),
    GTK_WIDGET (haven_pain_point_picker_new (store)),
    GTK_WIDGET (haven_week_overview_new (store, haven_time_now ())),
  };

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      g_object_ref_sink (widgets[i]);
      g_test_message ("built %s", G_OBJECT_TYPE_NAME (widgets[i]));
      g_assert_finalize_object (widgets[i]);
    }

  g_clear_object (&store);
  haven_test_rmtree (dir);
}

static void
test_breathing_pace (void)
{
  double fullness;

  /* In for four seconds, out for six: the out-breath is the longer one. */
  g_assert_cmpint (haven_breath_at (0.5, &fullness), ==, HAVEN_BREATH_IN);
  g_assert_cmpfloat (fullness, <, 0.2);
  g_assert_cmpint (haven_breath_at (3.9, &fullness), ==, HAVEN_BREATH_IN);
  g_assert_cmpfloat (fullness, >, 0.9);
  g_assert_cmpint (haven_breath_at (4.1, &fullness), ==, HAVEN_BREATH_OUT);
  g_assert_cmpfloat (fullness, >, 0.9);
  g_assert_cmpint (haven_breath_at (9.9, &fullness), ==, HAVEN_BREATH_OUT);
  g_assert_cmpfloat (fullness, <, 0.1);
  g_assert_cmpint (haven_breath_at (10.5, NULL), ==, HAVEN_BREATH_IN);
  g_assert_cmpfloat (HAVEN_BREATHE_OUT_SECONDS, >, HAVEN_BREATHE_IN_SECONDS);
}

/* Killing Haven while it types --------------------------------------------------------- */

static const char typed_text[] =
  "We were cooking together and I asked if we could visit my sister on Sunday. "
  "He sighed, said nothing and went on chopping onions. I felt my chest go tight "
  "and said that he never wants to do anything with my family. Then he walked out "
  "of the kitchen and I stood there with the spoon in my hand.";

/* The child: the real window and widgets, typing one character at a time, saying how far
 * it got, until it is killed. */
static int
run_typing_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenStore) store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
  HavenWindow *window;
  GtkTextBuffer *buffer;
  GtkWidget *input;
  guint n = 0;

  g_assert_no_error (error);
  window = haven_window_new (app, store, NULL);
  haven_test_ui_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-flow", "s",
                                             HAVEN_FLOW_AFTER_CONFLICT));
  haven_test_ui_iterate (50);

  input = haven_flow_page_get_input (HAVEN_FLOW_PAGE (haven_test_ui_find (GTK_WIDGET (window),
                                                                          HAVEN_TYPE_FLOW_PAGE)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (input))));

  for (const char *p = typed_text; *p != '\0'; p++, n++)
    {
      gtk_text_buffer_insert_at_cursor (buffer, p, 1);
      haven_test_ui_iterate (15);
      if (n % 10 == 0)
        {
          printf ("typed %u\n", n);
          fflush (stdout);
        }
    }

  printf ("done\n");
  fflush (stdout);

  for (;;)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}

static GSubprocess *
spawn_typing_child (const char      *path,
                    GDataInputStream **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  GSubprocess *child;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            self_path, "--child-type-draft", path, NULL);
  g_assert_no_error (error);
  *out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

  return child;
}

static void
read_until (GDataInputStream *in,
            const char       *wanted)
{
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *line = g_data_input_stream_read_line_utf8 (in, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      if (g_str_equal (line, wanted))
        return;
    }
}

static void
kill_child (GSubprocess *child)
{
  g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, NULL);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
}

static char *
draft_text (HavenStore *store)
{
  g_autoptr(GPtrArray) drafts = haven_store_list_drafts (store, NULL);
  GVariant *answer;

  g_assert_cmpuint (drafts->len, ==, 1);
  answer = haven_entry_get_answer (g_ptr_array_index (drafts, 0), "what-happened");
  g_assert_nonnull (answer);

  return g_variant_dup_string (answer, NULL);
}

static void
test_draft_survives_kill (void)
{
  g_autofree char *dir = haven_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(HavenStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  HavenWindow *window;
  GtkWidget *input;
  GtkTextBuffer *buffer;
  g_autofree char *shown = NULL;
  GtkTextIter start, end;

  /* Killed in the middle of a sentence: everything typed until two seconds before the kill
   * is on disk, and nothing that was not typed. */
  child = spawn_typing_child (path, &out);
  read_until (out, "typed 100");
  haven_test_ui_iterate (2500);
  kill_child (child);

  store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  saved = draft_text (store);
  g_test_message ("saved %zu characters", strlen (saved));
  g_assert_cmpuint (strlen (saved), >=, 100);
  g_assert_true (g_str_has_prefix (typed_text, saved));
  g_clear_object (&store);
  g_clear_object (&child);
  g_clear_object (&out);
  g_clear_pointer (&saved, g_free);

  /* Killed after the last keystroke and a pause: all of it. */
  haven_test_rmtree (dir);
  g_mkdir_with_parents (dir, 0700);
  child = spawn_typing_child (path, &out);
  read_until (out, "done");
  haven_test_ui_iterate (2500);
  kill_child (child);

  store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (haven_store_check_integrity (store, &error));
  g_assert_no_error (error);
  saved = draft_text (store);
  g_assert_cmpstr (saved, ==, typed_text);

  /* Started again, Haven offers the draft back, and continuing shows the text. */
  window = haven_window_new (app, store, NULL);
  haven_test_ui_present (GTK_WINDOW (window));
  g_assert_cmpstr (haven_window_get_page (window), ==, "welcome");
  g_assert_cmpuint (haven_welcome_page_get_n_drafts (HAVEN_WELCOME_PAGE (haven_test_ui_find (GTK_WIDGET (window), HAVEN_TYPE_WELCOME_PAGE))),
                    ==, 1);
  g_object_unref (haven_test_ui_render (GTK_WIDGET (window), "draft-offered-after-kill"));
  {
    g_autoptr(GPtrArray) drafts = haven_store_list_drafts (store, NULL);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.continue-draft", "x",
                                               haven_entry_get_id (g_ptr_array_index (drafts, 0))));
  }
  haven_test_ui_iterate (50);
  input = haven_flow_page_get_input (HAVEN_FLOW_PAGE (haven_test_ui_find (GTK_WIDGET (window), HAVEN_TYPE_FLOW_PAGE)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (input))));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, typed_text);

  gtk_window_destroy (GTK_WINDOW (window));
  haven_test_ui_iterate (20);
  g_clear_object (&store);
  haven_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = haven_test_ui_init (&argc, &argv);

  if (argc == 3 && g_str_equal (argv[1], "--child-type-draft"))
    return run_typing_child (argv[2]);

#define ADD(path, func) \
  g_test_add ("/flows/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/flows/templates-instantiate", test_templates_instantiate);
  g_test_add_func ("/flows/breathing-pace", test_breathing_pace);
  ADD ("after-conflict-complete", test_after_conflict_complete);
  ADD ("escape-keeps-draft", test_escape_keeps_draft);
  ADD ("free-entry", test_free_entry);
  ADD ("failed-save-keeps-text", test_failed_save_keeps_text);
  ADD ("locked-journal-keeps-text", test_locked_journal_keeps_text);
  ADD ("icon-buttons-have-labels", test_icon_buttons_have_labels);
  ADD ("narrow", test_narrow_flow);
  ADD ("render-every-step", test_render_every_step);
  g_test_add_func ("/flows/draft-survives-kill", test_draft_survives_kill);

#undef ADD

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
