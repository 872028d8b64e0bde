/* haven-entry-page.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing is the page itself: a title and the text, saved as they are typed. A guided
 * entry also lists its answers, which can be changed by going through the questions
 * again. When a save fails, a banner says why, the text stays where it is, and saving is
 * retried until it works.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-autosave.h"
#include "haven-back-button.h"
#include "haven-entry-page.h"
#include "haven-flow-runner.h"
#include "haven-ui-util.h"
#include "haven-vocabulary.h"

struct _HavenEntryPage
{
  AdwBin               parent_instance;

  HavenStore          *store;
  HavenAutosave       *autosave;
  GPtrArray           *answer_rows;
  gboolean             updating;
  gboolean             new_free_entry;

  AdwWindowTitle      *window_title;
  GtkRevealer         *save_error_revealer;
  GtkLabel            *save_error_label;
  GtkEntry            *title_entry;
  GtkLabel            *meta_label;
  GtkTextView         *body_view;
  AdwPreferencesGroup *answers_group;
};

G_DEFINE_FINAL_TYPE (HavenEntryPage, haven_entry_page, ADW_TYPE_BIN)

enum {
  TRASHED,
  EDIT_ANSWERS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static HavenEntry *
current_entry (HavenEntryPage *self)
{
  return self->autosave ? haven_autosave_get_entry (self->autosave) : NULL;
}

static gboolean
entry_is_empty (HavenEntry *entry)
{
  g_autofree char *title = g_strstrip (g_strdup (haven_entry_get_title (entry)));
  g_autofree char *body = g_strstrip (g_strdup (haven_entry_get_body (entry)));

  return *title == '\0' && *body == '\0';
}

static void
changed (HavenEntryPage *self)
{
  HavenEntry *entry = current_entry (self);

  /* A blank new page leaves nothing behind until something is written on it. */
  if (haven_entry_get_id (entry) == 0 && entry_is_empty (entry))
    return;

  haven_autosave_changed (self->autosave);
}

static void
title_changed_cb (HavenEntryPage *self,
                  GtkEditable    *editable)
{
  if (self->updating || current_entry (self) == NULL)
    return;

  haven_entry_set_title (current_entry (self), gtk_editable_get_text (editable));
  changed (self);
}

static void
body_changed_cb (HavenEntryPage *self,
                 GtkTextBuffer  *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating || current_entry (self) == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  haven_entry_set_body (current_entry (self), text);
  changed (self);
}

static void
autosave_state_cb (HavenEntryPage *self)
{
  const GError *error = haven_autosave_get_error (self->autosave);

  if (error != NULL)
    {
      /* Translators: %s says why saving failed, e.g. "The disk is full, …" */
      g_autofree char *text = g_strdup_printf (_("%s Your text is still here, and Haven "
                                                 "keeps trying."),
                                               error->message);
      gtk_label_set_label (self->save_error_label, text);
    }

  gtk_revealer_set_reveal_child (self->save_error_revealer, error != NULL);
}

static void
clear_answers (HavenEntryPage *self)
{
  for (guint i = 0; i < self->answer_rows->len; i++)
    adw_preferences_group_remove (self->answers_group, g_ptr_array_index (self->answer_rows, i));
  g_ptr_array_set_size (self->answer_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->answers_group), FALSE);
}

static void
show_answers (HavenEntryPage *self,
              HavenEntry     *entry)
{
  const HavenFlow *flow = haven_flow_lookup (haven_entry_get_flow_id (entry));
  g_autoptr(HavenFlowRunner) runner = NULL;

  clear_answers (self);

  if (flow == NULL || flow->n_steps == 0)
    return;

  /* The runner only reads here: it knows how each answer reads. */
  runner = haven_flow_runner_new (self->store, flow, entry);
  for (guint i = 0; i < flow->n_steps; i++)
    {
      const HavenStep *step = &flow->steps[i];
      g_autofree char *answer = haven_flow_runner_describe_answer (runner, step);
      GtkWidget *row;

      if (answer == NULL)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), haven_step_get_question (step));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), answer);
      gtk_widget_add_css_class (row, "property");
      adw_preferences_group_add (self->answers_group, row);
      g_ptr_array_add (self->answer_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->answers_group), self->answer_rows->len > 0);
}

static void
show_meta (HavenEntryPage *self,
           HavenEntry     *entry)
{
  g_autofree char *when = haven_format_date_time (haven_entry_get_occurred_at (entry));
  g_autoptr(GString) meta = g_string_new (when);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const gint64 *ids;
  guint n_ids;

  ids = haven_entry_get_pain_point_ids (entry, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(HavenPainPoint) point = haven_store_get_pain_point (self->store, ids[i], NULL);

      if (point != NULL)
        g_ptr_array_add (names, g_strdup (haven_pain_point_get_name (point)));
    }

  if (names->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (names, NULL);
      joined = haven_join_words ((const char * const *)names->pdata);
      /* Translators: after the date of an entry: the raw spots it names */
      g_string_append_printf (meta, _(" · raw spots: %s"), joined);
    }

  gtk_label_set_label (self->meta_label, meta->str);
  adw_window_title_set_title (self->window_title,
                              haven_entry_kind_label (haven_entry_get_kind (entry)));
  adw_window_title_set_subtitle (self->window_title, when);
}

static void
release (HavenEntryPage *self)
{
  if (self->autosave != NULL)
    g_signal_handlers_disconnect_by_data (self->autosave, self);
  g_clear_object (&self->autosave);
  clear_answers (self);
  self->new_free_entry = FALSE;
}

static void
show (HavenEntryPage *self,
      HavenStore     *store,
      HavenEntry     *entry)
{
  gboolean guided = haven_flow_lookup (haven_entry_get_flow_id (entry)) != NULL &&
                    haven_flow_lookup (haven_entry_get_flow_id (entry))->n_steps > 0;

  g_set_object (&self->store, store);
  self->autosave = haven_autosave_new (store, entry);
  g_signal_connect_object (self->autosave, "notify::state", G_CALLBACK (autosave_state_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_revealer_set_reveal_child (self->save_error_revealer, FALSE);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), haven_entry_get_title (entry));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view),
                            haven_entry_get_body (entry), -1);
  self->updating = FALSE;

  show_meta (self, entry);
  show_answers (self, entry);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entry.edit-answers", guided);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entry.trash", TRUE);
}

static gboolean
leave (HavenEntryPage *self)
{
  HavenEntry *entry = current_entry (self);
  g_autoptr(GError) error = NULL;

  if (entry == NULL)
    return TRUE;

  if (self->new_free_entry)
    {
      if (entry_is_empty (entry))
        {
          /* Nothing was written: nothing to keep. A draft that was saved and then emptied
           * goes for good. */
          if (haven_entry_get_id (entry) != 0)
            haven_store_purge_entry (self->store, haven_entry_get_id (entry), NULL);
          release (self);
          return TRUE;
        }

      haven_entry_set_is_draft (entry, FALSE);
      haven_autosave_changed (self->autosave);
    }

  if (!haven_autosave_flush (self->autosave, &error))
    return FALSE;

  release (self);

  return TRUE;
}

static void
save_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HavenEntryPage *self = HAVEN_ENTRY_PAGE (widget);

  if (self->autosave != NULL)
    haven_autosave_flush (self->autosave, NULL);
}

static void
trash_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HavenEntryPage *self = HAVEN_ENTRY_PAGE (widget);
  HavenEntry *entry = current_entry (self);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (entry == NULL)
    return;

  /* Whatever was typed last goes into the trash with it, so undo brings it all back. */
  if (!haven_autosave_flush (self->autosave, &error))
    return;

  id = haven_entry_get_id (entry);
  if (id == 0)
    {
      release (self);
      g_signal_emit (self, signals[TRASHED], 0, (gint64)0);
      return;
    }

  if (!haven_store_trash_entry (self->store, id, &error))
    {
      gtk_label_set_label (self->save_error_label, error->message);
      gtk_revealer_set_reveal_child (self->save_error_revealer, TRUE);
      return;
    }

  release (self);
  g_signal_emit (self, signals[TRASHED], 0, id);
}

static void
edit_answers_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HavenEntryPage *self = HAVEN_ENTRY_PAGE (widget);
  g_autoptr(HavenEntry) entry = NULL;

  if (current_entry (self) == NULL)
    return;

  entry = g_object_ref (current_entry (self));
  if (!leave (self))
    return;

  g_signal_emit (self, signals[EDIT_ANSWERS], 0, entry);
}

static void
haven_entry_page_map (GtkWidget *widget)
{
  HavenEntryPage *self = HAVEN_ENTRY_PAGE (widget);

  GTK_WIDGET_CLASS (haven_entry_page_parent_class)->map (widget);

  /* Text set while the page was hidden is measured anew: GtkTextView keeps the height of
   * what it held when it was last shown. */
  gtk_widget_queue_resize (GTK_WIDGET (self->body_view));
}

static void
haven_entry_page_dispose (GObject *object)
{
  HavenEntryPage *self = (HavenEntryPage *)object;

  if (self->autosave != NULL)
    leave (self);
  release (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_ENTRY_PAGE);
  g_clear_pointer (&self->answer_rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (haven_entry_page_parent_class)->dispose (object);
}

static void
haven_entry_page_class_init (HavenEntryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_entry_page_dispose;
  widget_class->map = haven_entry_page_map;

  /**
   * HavenEntryPage::trashed:
   * @id: the entry now in the trash, or 0 for a page that was never saved
   */
  signals[TRASHED] =
    g_signal_new ("trashed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * HavenEntryPage::edit-answers:
   * @entry: the entry to go through the questions of again
   */
  signals[EDIT_ANSWERS] =
    g_signal_new ("edit-answers", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, HAVEN_TYPE_ENTRY);

  g_type_ensure (HAVEN_TYPE_BACK_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/haven-entry-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenEntryPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, HavenEntryPage, save_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, HavenEntryPage, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, HavenEntryPage, title_entry);
  gtk_widget_class_bind_template_child (widget_class, HavenEntryPage, meta_label);
  gtk_widget_class_bind_template_child (widget_class, HavenEntryPage, body_view);
  gtk_widget_class_bind_template_child (widget_class, HavenEntryPage, answers_group);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);

  gtk_widget_class_install_action (widget_class, "entry.save-now", NULL, save_now_action);
  gtk_widget_class_install_action (widget_class, "entry.trash", NULL, trash_action);
  gtk_widget_class_install_action (widget_class, "entry.edit-answers", NULL, edit_answers_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "entry.save-now", NULL);
}

static void
haven_entry_page_init (HavenEntryPage *self)
{
  self->answer_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (body_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entry.edit-answers", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entry.trash", FALSE);
}

void
haven_entry_page_show_entry (HavenEntryPage *self,
                             HavenStore     *store,
                             HavenEntry     *entry)
{
  g_return_if_fail (HAVEN_IS_ENTRY_PAGE (self));
  g_return_if_fail (HAVEN_IS_STORE (store));
  g_return_if_fail (HAVEN_IS_ENTRY (entry));

  release (self);
  show (self, store, entry);
  /* A free entry that was still a draft (found after a crash) is finished on leaving. */
  self->new_free_entry = haven_entry_get_is_draft (entry) &&
                         haven_entry_get_kind (entry) == HAVEN_ENTRY_KIND_FREE;
}

void
haven_entry_page_start_free (HavenEntryPage *self,
                             HavenStore     *store)
{
  g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);

  g_return_if_fail (HAVEN_IS_ENTRY_PAGE (self));
  g_return_if_fail (HAVEN_IS_STORE (store));

  haven_entry_set_is_draft (entry, TRUE);
  haven_entry_set_flow_id (entry, "free");

  release (self);
  show (self, store, entry);
  self->new_free_entry = TRUE;
  adw_window_title_set_title (self->window_title, _("New Entry"));

  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

HavenEntry *
haven_entry_page_get_entry (HavenEntryPage *self)
{
  g_return_val_if_fail (HAVEN_IS_ENTRY_PAGE (self), NULL);

  return current_entry (self);
}

gboolean
haven_entry_page_leave (HavenEntryPage *self)
{
  g_return_val_if_fail (HAVEN_IS_ENTRY_PAGE (self), TRUE);

  return leave (self);
}

GtkTextView *
haven_entry_page_get_body_view (HavenEntryPage *self)
{
  g_return_val_if_fail (HAVEN_IS_ENTRY_PAGE (self), NULL);

  return self->body_view;
}
