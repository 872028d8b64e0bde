/* haven-flow-page.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One question at a time, with room to breathe around it. Every step can be skipped (the
 * button says "Skip" until something is answered), Back and Next keep every answer, and
 * the draft is saved as it is typed. Closing keeps the draft; the summary at the end puts
 * the answers together into an entry the person can still change.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-autosave.h"
#include "haven-breathing-guide.h"
#include "haven-choice-input.h"
#include "haven-flow-page.h"
#include "haven-pain-point-picker.h"
#include "haven-safety-notice.h"
#include "haven-scale-input.h"
#include "haven-week-overview.h"

struct _HavenFlowPage
{
  AdwBin            parent_instance;

  HavenStore       *store;
  HavenFlowRunner  *runner;
  HavenAutosave    *autosave;
  GtkWidget        *input;
  gboolean          updating;

  AdwWindowTitle   *window_title;
  GtkProgressBar   *progress;
  GtkRevealer      *save_error_revealer;
  GtkLabel         *save_error_label;
  GtkScrolledWindow *scroller;
  GtkBox           *question_box;
  GtkLabel         *question_label;
  GtkLabel         *hint_label;
  AdwBin           *input_bin;
  GtkButton        *read_more_button;
  GtkRevealer      *safety_revealer;
  GtkBox           *summary_box;
  GtkEntry         *title_entry;
  GtkTextView      *summary_view;
  GtkButton        *recompose_button;
  GtkButton        *back_button;
  GtkButton        *next_button;
  GtkLabel         *status_label;
};

G_DEFINE_FINAL_TYPE (HavenFlowPage, haven_flow_page, ADW_TYPE_BIN)

enum {
  CLOSED,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void show_position (HavenFlowPage *self);

/* Saving ------------------------------------------------------------------------------------ */

static gboolean
draft_has_content (HavenFlowPage *self)
{
  HavenEntry *entry = haven_flow_runner_get_entry (self->runner);
  g_auto(GStrv) ids = haven_entry_dup_answer_ids (entry);
  guint n_pain_points;

  haven_entry_get_pain_point_ids (entry, &n_pain_points);

  return ids[0] != NULL || n_pain_points > 0 || haven_entry_get_title (entry)[0] != '\0' ||
         haven_entry_get_body (entry)[0] != '\0';
}

static void
runner_changed_cb (HavenFlowPage   *self,
                   HavenFlowRunner *runner)
{
  /* An untouched flow leaves nothing behind: no empty drafts. */
  if (haven_entry_get_id (haven_flow_runner_get_entry (runner)) == 0 && !draft_has_content (self))
    return;

  haven_autosave_changed (self->autosave);
}

static void
autosave_state_cb (HavenFlowPage *self)
{
  const GError *error = haven_autosave_get_error (self->autosave);

  switch (haven_autosave_get_state (self->autosave))
    {
    case HAVEN_AUTOSAVE_PENDING:
      gtk_label_set_label (self->status_label, _("Saving…"));
      break;
    case HAVEN_AUTOSAVE_SAVED:
      gtk_label_set_label (self->status_label, _("Draft saved"));
      break;
    case HAVEN_AUTOSAVE_FAILED:
    default:
      gtk_label_set_label (self->status_label, _("Not saved yet"));
      break;
    }

  if (error != NULL)
    {
      /* Translators: %s says why saving failed, e.g. "The disk is full, …" */
      g_autofree char *text = g_strdup_printf (_("%s Your answers are still here, and Haven "
                                                 "keeps trying."),
                                               error->message);
      gtk_label_set_label (self->save_error_label, text);
    }
  gtk_revealer_set_reveal_child (self->save_error_revealer, error != NULL);
}

static void
save_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HavenFlowPage *self = HAVEN_FLOW_PAGE (widget);

  haven_autosave_flush (self->autosave, NULL);
}

/* Inputs ------------------------------------------------------------------------------------ */

static void
text_buffer_changed_cb (HavenFlowPage *self,
                        GtkTextBuffer *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  haven_flow_runner_set_answer (self->runner, g_variant_new_string (text));
}

static void
entry_changed_cb (HavenFlowPage *self,
                  GtkEditable   *editable)
{
  if (!self->updating)
    haven_flow_runner_set_answer (self->runner,
                                  g_variant_new_string (gtk_editable_get_text (editable)));
}

static void
short_text_activate_cb (HavenFlowPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "flow.next", NULL);
}

static void
scale_changed_cb (HavenFlowPage   *self,
                  GParamSpec      *pspec,
                  HavenScaleInput *input)
{
  int value = haven_scale_input_get_value (input);

  if (!self->updating)
    haven_flow_runner_set_answer (self->runner, value < 0 ? NULL : g_variant_new_int64 (value));
}

static void
update_safety (HavenFlowPage *self)
{
  const HavenStep *step = haven_flow_runner_get_step (self->runner);

  gtk_revealer_set_reveal_child (self->safety_revealer,
                                 step != NULL && (step->flags & HAVEN_STEP_FLAG_SAFETY) &&
                                 haven_flow_runner_is_answered (self->runner, step));
}

static void
choice_changed_cb (HavenFlowPage    *self,
                   GParamSpec       *pspec,
                   HavenChoiceInput *input)
{
  const char * const *selected = haven_choice_input_get_selected (input);

  if (self->updating)
    return;

  haven_flow_runner_set_answer (self->runner, g_variant_new_strv (selected, -1));
  update_safety (self);
}

static void
pain_points_changed_cb (HavenFlowPage        *self,
                        HavenPainPointPicker *picker)
{
  const gint64 *ids;
  guint n_ids;

  if (self->updating)
    return;

  ids = haven_pain_point_picker_get_selected (picker, &n_ids);
  haven_flow_runner_set_pain_points (self->runner, ids, n_ids);
}

static void
breathing_changed_cb (HavenFlowPage       *self,
                      GParamSpec          *pspec,
                      HavenBreathingGuide *guide)
{
  guint seconds = haven_breathing_guide_get_seconds (guide);

  if (!self->updating && !haven_breathing_guide_get_running (guide))
    haven_flow_runner_set_answer (self->runner,
                                  seconds > 0 ? g_variant_new_int64 (seconds) : NULL);
}

static void
update_buttons (HavenFlowPage *self)
{
  const HavenStep *step = haven_flow_runner_get_step (self->runner);
  gboolean at_summary = haven_flow_runner_is_at_summary (self->runner);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flow.back",
                                 haven_flow_runner_get_position (self->runner) > 0);

  if (at_summary)
    gtk_button_set_label (self->next_button, _("_Save to Journal"));
  else if (step->kind == HAVEN_STEP_WEEK_OVERVIEW ||
           haven_flow_runner_is_answered (self->runner, step))
    gtk_button_set_label (self->next_button, _("_Next"));
  else
    gtk_button_set_label (self->next_button, _("_Skip"));
}

static void
answer_changed_cb (HavenFlowPage *self)
{
  update_buttons (self);
}

static GtkWidget *
make_text_input (HavenFlowPage   *self,
                 const HavenStep *step,
                 GVariant        *answer)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  const char *text = answer ? g_variant_get_string (answer, NULL) : NULL;

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (view), 4);
  gtk_widget_add_css_class (view, "answer-view");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  haven_step_get_question (step), -1);

  /* A sentence frame starts in the field, ready to be filled in; it is no answer until
   * the person changes it. */
  if (text == NULL && (step->flags & HAVEN_STEP_FLAG_PREFILL))
    text = haven_step_get_placeholder (step);
  if (text != NULL)
    gtk_text_buffer_set_text (buffer, text, -1);

  g_signal_connect_object (buffer, "changed", G_CALLBACK (text_buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 180);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_add_css_class (scroller, "answer-frame");

  return scroller;
}

static GtkWidget *
make_input (HavenFlowPage   *self,
            const HavenStep *step)
{
  GVariant *answer = haven_flow_runner_get_answer (self->runner, step);

  switch (step->kind)
    {
    case HAVEN_STEP_LONG_TEXT:
      return make_text_input (self, step, answer);

    case HAVEN_STEP_SHORT_TEXT:
      {
        GtkWidget *entry = gtk_entry_new ();

        if (answer != NULL)
          gtk_editable_set_text (GTK_EDITABLE (entry), g_variant_get_string (answer, NULL));
        gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        haven_step_get_question (step), -1);
        gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
        g_signal_connect_object (entry, "changed", G_CALLBACK (entry_changed_cb), self,
                                 G_CONNECT_SWAPPED);
        g_signal_connect_object (entry, "activate", G_CALLBACK (short_text_activate_cb),
                                 self, G_CONNECT_SWAPPED);
        return entry;
      }

    case HAVEN_STEP_SCALE:
      {
        g_autofree char *low = haven_step_dup_scale_label (step, FALSE);
        g_autofree char *high = haven_step_dup_scale_label (step, TRUE);
        HavenScaleInput *scale = haven_scale_input_new (low, high);

        if (answer != NULL)
          haven_scale_input_set_value (scale, (int)g_variant_get_int64 (answer));
        g_signal_connect_object (scale, "notify::value", G_CALLBACK (scale_changed_cb), self,
                                 G_CONNECT_SWAPPED);
        return GTK_WIDGET (scale);
      }

    case HAVEN_STEP_SINGLE_CHOICE:
    case HAVEN_STEP_YES_NO:
    case HAVEN_STEP_MULTI_CHOICE:
      {
        HavenChoiceInput *choice =
          haven_choice_input_new (step->vocabulary, step->kind == HAVEN_STEP_MULTI_CHOICE);

        if (answer != NULL)
          {
            g_autofree const char **ids = g_variant_get_strv (answer, NULL);
            haven_choice_input_set_selected (choice, ids);
          }
        g_signal_connect_object (choice, "notify::selected", G_CALLBACK (choice_changed_cb),
                                 self, G_CONNECT_SWAPPED);
        return GTK_WIDGET (choice);
      }

    case HAVEN_STEP_PAIN_POINTS:
      {
        HavenPainPointPicker *picker = haven_pain_point_picker_new (self->store);
        const gint64 *ids;
        guint n_ids;

        ids = haven_entry_get_pain_point_ids (haven_flow_runner_get_entry (self->runner), &n_ids);
        haven_pain_point_picker_set_selected (picker, ids, n_ids);
        g_signal_connect_object (picker, "changed", G_CALLBACK (pain_points_changed_cb), self,
                                 G_CONNECT_SWAPPED);
        return GTK_WIDGET (picker);
      }

    case HAVEN_STEP_BREATHING:
      {
        HavenBreathingGuide *guide = haven_breathing_guide_new ();

        if (answer != NULL)
          haven_breathing_guide_set_seconds (guide, (guint)g_variant_get_int64 (answer));
        g_signal_connect_object (guide, "notify::seconds", G_CALLBACK (breathing_changed_cb),
                                 self, G_CONNECT_SWAPPED);
        return GTK_WIDGET (guide);
      }

    case HAVEN_STEP_WEEK_OVERVIEW:
      return GTK_WIDGET (haven_week_overview_new (self->store, haven_time_now ()));

    default:
      g_assert_not_reached ();
    }
}

/* Showing a step ---------------------------------------------------------------------------- */

static void
summary_buffer_changed_cb (HavenFlowPage *self,
                           GtkTextBuffer *buffer)
{
  g_autofree char *text = NULL;
  g_autofree char *composed = NULL;
  GtkTextIter start, end;
  HavenEntry *entry = haven_flow_runner_get_entry (self->runner);

  if (self->updating)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  haven_entry_set_body (entry, text);

  composed = haven_flow_runner_compose_summary (self->runner);
  gtk_widget_set_visible (GTK_WIDGET (self->recompose_button), g_strcmp0 (text, composed) != 0);

  runner_changed_cb (self, self->runner);
}

static void
title_changed_cb (HavenFlowPage *self,
                  GtkEditable   *editable)
{
  if (self->updating || self->runner == NULL)
    return;

  haven_entry_set_title (haven_flow_runner_get_entry (self->runner),
                         gtk_editable_get_text (editable));
  runner_changed_cb (self, self->runner);
}

static void
show_summary (HavenFlowPage *self)
{
  HavenEntry *entry = haven_flow_runner_get_entry (self->runner);
  g_autofree char *composed = haven_flow_runner_compose_summary (self->runner);
  g_autofree char *title = NULL;
  const char *body = haven_entry_get_body (entry);

  self->updating = TRUE;

  /* The text is put together anew unless the person already made it their own. */
  if (*body == '\0')
    body = composed;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view), body, -1);
  haven_entry_set_body (entry, body);
  gtk_widget_set_visible (GTK_WIDGET (self->recompose_button), g_strcmp0 (body, composed) != 0);

  if (haven_entry_get_title (entry)[0] == '\0')
    {
      title = haven_flow_runner_compose_title (self->runner);
      haven_entry_set_title (entry, title);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), haven_entry_get_title (entry));

  self->updating = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->question_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_box), TRUE);
}

static void
recompose_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HavenFlowPage *self = HAVEN_FLOW_PAGE (widget);
  g_autofree char *composed = haven_flow_runner_compose_summary (self->runner);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view), composed, -1);
}

static void
show_position (HavenFlowPage *self)
{
  const HavenFlow *flow = haven_flow_runner_get_flow (self->runner);
  const HavenStep *step = haven_flow_runner_get_step (self->runner);
  guint position = haven_flow_runner_get_position (self->runner);
  guint n_steps = haven_flow_runner_get_n_steps (self->runner);
  g_autofree char *subtitle = NULL;

  adw_window_title_set_title (self->window_title, haven_flow_get_title (flow));
  if (step != NULL)
    /* Translators: progress through a guided flow, e.g. "Question 3 of 15" */
    subtitle = g_strdup_printf (_("Question %u of %u"), position + 1, n_steps);
  else
    subtitle = g_strdup (_("Your entry"));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_progress_bar_set_fraction (self->progress, (double)position / MAX (n_steps, 1));

  /* The old input goes away before the new one comes: its signals must not fire into the
   * new step. */
  self->input = NULL;
  adw_bin_set_child (self->input_bin, NULL);

  if (step == NULL)
    {
      show_summary (self);
    }
  else
    {
      const char *hint = haven_step_get_hint (step);

      gtk_widget_set_visible (GTK_WIDGET (self->summary_box), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->question_box), TRUE);

      gtk_label_set_label (self->question_label, haven_step_get_question (step));
      gtk_label_set_label (self->hint_label, hint ? hint : "");
      gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);

      self->updating = TRUE;
      self->input = make_input (self, step);
      self->updating = FALSE;
      adw_bin_set_child (self->input_bin, self->input);

      gtk_widget_set_visible (GTK_WIDGET (self->read_more_button), step->article_id != NULL);
      /* The target first: win.show-article takes an id, and must never see the button
       * without one. */
      if (step->article_id != NULL)
        {
          gtk_actionable_set_action_target (GTK_ACTIONABLE (self->read_more_button), "s",
                                            step->article_id);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (self->read_more_button),
                                          "win.show-article");
        }

      update_safety (self);
    }

  update_buttons (self);

  /* Back at the top, and the keyboard goes straight to the answer. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  if (self->input != NULL && (GTK_IS_SCROLLED_WINDOW (self->input) || GTK_IS_ENTRY (self->input)))
    gtk_widget_grab_focus (GTK_IS_SCROLLED_WINDOW (self->input)
                           ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->input))
                           : self->input);
  else if (step == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->summary_view));
}

/* Actions ----------------------------------------------------------------------------------- */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HavenFlowPage *self = HAVEN_FLOW_PAGE (widget);

  haven_flow_runner_back (self->runner);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HavenFlowPage *self = HAVEN_FLOW_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (self->runner == NULL)
    return;

  if (!haven_flow_runner_is_at_summary (self->runner))
    {
      haven_flow_runner_next (self->runner);
      return;
    }

  buffer = gtk_text_view_get_buffer (self->summary_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));

  haven_flow_runner_finish (self->runner, title, body);

  /* If this save fails the banner says so, the page stays, and the retry goes on. */
  if (!haven_autosave_flush (self->autosave, &error))
    return;

  g_signal_emit (self, signals[FINISHED], 0,
                 haven_entry_get_id (haven_flow_runner_get_entry (self->runner)));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  haven_flow_page_close (HAVEN_FLOW_PAGE (widget));
}

static void
position_changed_cb (HavenFlowPage *self)
{
  show_position (self);
}

static void
release_runner (HavenFlowPage *self)
{
  if (self->runner != NULL)
    g_signal_handlers_disconnect_by_data (self->runner, self);
  if (self->autosave != NULL)
    g_signal_handlers_disconnect_by_data (self->autosave, self);

  self->input = NULL;
  if (self->input_bin != NULL)
    adw_bin_set_child (self->input_bin, NULL);

  g_clear_object (&self->runner);
  g_clear_object (&self->autosave);
}

static void
haven_flow_page_dispose (GObject *object)
{
  HavenFlowPage *self = (HavenFlowPage *)object;

  /* Whatever was typed is saved, even when the window goes away mid-flow. */
  if (self->autosave != NULL && haven_autosave_get_state (self->autosave) != HAVEN_AUTOSAVE_SAVED)
    haven_autosave_flush (self->autosave, NULL);

  release_runner (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_FLOW_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (haven_flow_page_parent_class)->dispose (object);
}

static void
haven_flow_page_class_init (HavenFlowPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_flow_page_dispose;

  /**
   * HavenFlowPage::closed:
   *
   * The person closed the flow; the draft (if any) is saved.
   */
  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * HavenFlowPage::finished:
   * @id: the saved entry
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (HAVEN_TYPE_SAFETY_NOTICE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/haven-flow-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenFlowPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, HavenFlowPage, progress);
  gtk_widget_class_bind_template_child (widget_class, HavenFlowPage, save_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, HavenFlowPage, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, HavenFlowPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, HavenFlowPage, question_box);
  gtk_widget_class_bind_template_child (widget_class, HavenFlowPage, question_label);
  gtk_widget_class_bind_template_child (widget_class, HavenFlowPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, HavenFlowPage, input_bin);
  gtk_widget_class_bind_template_child (widget_class, HavenFlowPage, read_more_button);
  gtk_widget_class_bind_template_child (widget_class, HavenFlowPage, safety_revealer);
  gtk_widget_class_bind_template_child (widget_class, HavenFlowPage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, HavenFlowPage, title_entry);
  gtk_widget_class_bind_template_child (widget_class, HavenFlowPage, summary_view);
  gtk_widget_class_bind_template_child (widget_class, HavenFlowPage, recompose_button);
  gtk_widget_class_bind_template_child (widget_class, HavenFlowPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, HavenFlowPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, HavenFlowPage, status_label);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);

  gtk_widget_class_install_action (widget_class, "flow.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "flow.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "flow.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "flow.save-now", NULL, save_now_action);
  gtk_widget_class_install_action (widget_class, "flow.recompose", NULL, recompose_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "flow.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "flow.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "flow.next", NULL);
}

static void
haven_flow_page_init (HavenFlowPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->summary_view), "changed",
                           G_CALLBACK (summary_buffer_changed_cb), self, G_CONNECT_SWAPPED);
}

void
haven_flow_page_start (HavenFlowPage   *self,
                       HavenStore      *store,
                       const HavenFlow *flow,
                       HavenEntry      *entry)
{
  g_return_if_fail (HAVEN_IS_FLOW_PAGE (self));
  g_return_if_fail (HAVEN_IS_STORE (store));
  g_return_if_fail (flow != NULL && flow->n_steps > 0);

  release_runner (self);
  g_set_object (&self->store, store);

  self->runner = haven_flow_runner_new (store, flow, entry);
  self->autosave = haven_autosave_new (store, haven_flow_runner_get_entry (self->runner));

  g_signal_connect_object (self->runner, "notify::position", G_CALLBACK (position_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->runner, "changed", G_CALLBACK (runner_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->runner, "changed", G_CALLBACK (answer_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->autosave, "notify::state", G_CALLBACK (autosave_state_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_label_set_label (self->status_label, "");
  gtk_revealer_set_reveal_child (self->save_error_revealer, FALSE);
  show_position (self);
}

HavenFlowRunner *
haven_flow_page_get_runner (HavenFlowPage *self)
{
  g_return_val_if_fail (HAVEN_IS_FLOW_PAGE (self), NULL);

  return self->runner;
}

GtkWidget *
haven_flow_page_get_input (HavenFlowPage *self)
{
  g_return_val_if_fail (HAVEN_IS_FLOW_PAGE (self), NULL);

  return self->input;
}

gboolean
haven_flow_page_close (HavenFlowPage *self)
{
  g_return_val_if_fail (HAVEN_IS_FLOW_PAGE (self), FALSE);

  if (self->runner == NULL)
    return TRUE;

  if (draft_has_content (self) || haven_entry_get_id (haven_flow_runner_get_entry (self->runner)) != 0)
    {
      if (!haven_autosave_flush (self->autosave, NULL))
        return FALSE;
    }

  release_runner (self);
  g_signal_emit (self, signals[CLOSED], 0);

  return TRUE;
}
