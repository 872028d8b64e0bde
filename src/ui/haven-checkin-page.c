/* haven-checkin-page.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A check-in has to fit in half a minute, several times a day: a tap on a mood and Save is
 * a whole check-in. Emotions, intensity and a note sit right below for when there is a
 * moment more; how the person reacted, their body, raw spots and what helped wait behind
 * "More". The form is only written to the journal on Save (or when the person moves on
 * with a mood chosen); when that fails, everything stays in the form and a banner says why.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-checkin-page.h"
#include "haven-choice-input.h"
#include "haven-journal-model.h"
#include "haven-pain-point-picker.h"
#include "haven-scale-input.h"
#include "haven-ui-util.h"
#include "haven-vocabulary.h"

/* How many recent entries the "Linked entry" list offers. */
#define N_RECENT_ENTRIES 20

struct _HavenCheckinPage
{
  AdwBin                parent_instance;

  HavenStore           *store;
  HavenCheckin         *checkin;     /* as last saved; id 0 for a new one */
  int                   mood;        /* 0 while none is chosen */
  HavenTime             at;
  gboolean              at_chosen;   /* FALSE: a new check-in is "now" when it is saved */
  gboolean              changed;
  gboolean              updating;
  GArray               *entry_ids;   /* gint64 behind each item of entry_row; 0 first */

  HavenChoiceInput     *emotions;
  HavenChoiceInput     *reaction;
  HavenChoiceInput     *body_signals;
  HavenChoiceInput     *regulation;
  HavenScaleInput      *intensity;
  HavenScaleInput      *intensity_after;
  HavenPainPointPicker *pain_points;

  AdwWindowTitle       *window_title;
  GtkWidget            *trash_button;
  GtkRevealer          *save_error_revealer;
  GtkLabel             *save_error_label;
  GtkWidget            *retry_button;
  GtkScrolledWindow    *scroller;
  GtkLabel             *mood_label;
  GtkBox               *mood_box;
  AdwActionRow         *when_row;
  GtkMenuButton        *when_button;
  GtkPopover           *when_popover;
  GtkCalendar          *calendar;
  GtkSpinButton        *hour_spin;
  GtkSpinButton        *minute_spin;
  AdwBin               *emotions_bin;
  AdwBin               *intensity_bin;
  GtkTextView          *note_view;
  GtkExpander          *more_expander;
  AdwBin               *reaction_bin;
  AdwBin               *body_bin;
  AdwBin               *pain_points_bin;
  AdwBin               *regulation_bin;
  AdwBin               *after_bin;
  AdwComboRow          *entry_row;
};

G_DEFINE_FINAL_TYPE (HavenCheckinPage, haven_checkin_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MOOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  TRASHED,
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The form ------------------------------------------------------------------------------- */

static gboolean
is_new (HavenCheckinPage *self)
{
  return self->checkin == NULL || haven_checkin_get_id (self->checkin) == 0;
}

static char *
dup_note (HavenCheckinPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
note_is_empty (HavenCheckinPage *self)
{
  g_autofree char *note = dup_note (self);

  return *g_strstrip (note) == '\0';
}

static void
hide_error (HavenCheckinPage *self)
{
  gtk_revealer_set_reveal_child (self->save_error_revealer, FALSE);
}

static void
show_error (HavenCheckinPage *self,
            const char       *text,
            gboolean          can_retry)
{
  gtk_label_set_label (self->save_error_label, text);
  gtk_widget_set_visible (self->retry_button, can_retry);
  gtk_revealer_set_reveal_child (self->save_error_revealer, TRUE);

  /* The banner sits above the form: make sure it is seen. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
update_actions (HavenCheckinPage *self)
{
  gboolean saved = !is_new (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkin.save",
                                 self->checkin != NULL && self->mood > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkin.trash", saved);
  gtk_widget_set_visible (self->trash_button, saved);
}

static void
update_when (HavenCheckinPage *self)
{
  g_autofree char *text = NULL;

  if (is_new (self) && !self->at_chosen)
    {
      text = g_strdup (_("Now"));
    }
  else
    {
      g_autofree char *day = haven_format_day (self->at, haven_time_now ());
      g_autofree char *time = haven_format_time (self->at);

      /* Translators: when a check-in was: a day ("Today", "Monday 3 March"), then a time */
      text = g_strdup_printf (_("%s at %s"), day, time);
    }

  adw_action_row_set_subtitle (self->when_row, text);

  gtk_label_set_label (self->mood_label, is_new (self) && !self->at_chosen
                                         ? _("How are you right now?")
                                         : _("How were you?"));
}

static void
update_title (HavenCheckinPage *self)
{
  if (is_new (self))
    {
      adw_window_title_set_title (self->window_title, _("Quick Check-in"));
      adw_window_title_set_subtitle (self->window_title, NULL);
    }
  else
    {
      g_autofree char *when = haven_format_date_time (haven_checkin_get_at (self->checkin));

      adw_window_title_set_title (self->window_title, _("Check-in"));
      adw_window_title_set_subtitle (self->window_title, when);
    }
}

static void
mark_changed (HavenCheckinPage *self)
{
  if (self->updating || self->checkin == NULL)
    return;

  self->changed = TRUE;
}

static void
set_mood (HavenCheckinPage *self,
          int               mood)
{
  if (self->mood == mood)
    return;

  self->mood = mood;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOOD]);

  if (mood > 0)
    {
      /* A hint that asked for a mood has done its work. */
      if (!gtk_widget_get_visible (self->retry_button))
        hide_error (self);
    }

  mark_changed (self);
  update_actions (self);
}

static void
set_at (HavenCheckinPage *self,
        HavenTime         at,
        gboolean          chosen)
{
  self->at = at;
  self->at_chosen = chosen;
  mark_changed (self);
  update_when (self);
}

/* "Linked entry": none, or one of the latest entries (and the one linked already). */
static char *
describe_entry (const char     *title,
                HavenEntryKind  kind,
                HavenTime       at)
{
  g_autofree char *day = haven_format_day (at, haven_time_now ());

  if (title == NULL || *title == '\0')
    title = haven_entry_kind_label (kind);

  return g_strconcat (title, " · ", day, NULL);
}

static void
fill_entries (HavenCheckinPage *self,
              gint64            linked_id)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(HavenJournalFilter) filter = haven_journal_filter_new ();
  g_autoptr(HavenJournalModel) model = NULL;
  guint selected = 0;
  guint n;

  g_array_set_size (self->entry_ids, 0);

  /* Translators: the choice of "Linked entry" that links none */
  gtk_string_list_append (labels, _("None"));
  g_array_append_val (self->entry_ids, (gint64){ 0 });

  for (HavenEntryKind kind = 0; kind <= HAVEN_ENTRY_KIND_LAST; kind++)
    filter->kinds |= HAVEN_FILTER_KIND (kind);
  model = haven_journal_model_new (self->store, filter);

  n = MIN (g_list_model_get_n_items (G_LIST_MODEL (model)), N_RECENT_ENTRIES);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HavenJournalItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autofree char *label = describe_entry (haven_journal_item_get_title (item),
                                               haven_journal_item_get_kind (item),
                                               haven_journal_item_get_at (item));
      gint64 id = haven_journal_item_get_id (item);

      gtk_string_list_append (labels, label);
      g_array_append_val (self->entry_ids, id);
      if (id == linked_id)
        selected = self->entry_ids->len - 1;
    }

  /* An older entry that the check-in already belongs to stays on offer. */
  if (linked_id != 0 && selected == 0)
    {
      g_autoptr(HavenEntry) entry = haven_store_get_entry (self->store, linked_id, NULL);

      if (entry != NULL)
        {
          g_autofree char *label = describe_entry (haven_entry_get_title (entry),
                                                   haven_entry_get_kind (entry),
                                                   haven_entry_get_occurred_at (entry));

          gtk_string_list_append (labels, label);
          g_array_append_val (self->entry_ids, linked_id);
          selected = self->entry_ids->len - 1;
        }
    }

  adw_combo_row_set_model (self->entry_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->entry_row, selected);
}

static gint64
chosen_entry_id (HavenCheckinPage *self)
{
  guint selected = adw_combo_row_get_selected (self->entry_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->entry_ids->len)
    return 0;

  return g_array_index (self->entry_ids, gint64, selected);
}

static void
pain_points_changed_cb (HavenCheckinPage *self)
{
  mark_changed (self);
}

static void
fill_form (HavenCheckinPage *self,
           HavenStore       *store,
           HavenCheckin     *checkin)
{
  const char * const *emotions = haven_checkin_get_emotions (checkin);
  const char * const *signals_ = haven_checkin_get_body_signals (checkin);
  const char * const *strategies = haven_checkin_get_regulation (checkin);
  HavenReaction reaction = haven_checkin_get_reaction (checkin);
  const char *reaction_ids[] = { haven_reaction_to_string (reaction), NULL };
  const gint64 *pain_point_ids;
  guint n_pain_points;
  gboolean has_more;

  g_set_object (&self->store, store);
  g_set_object (&self->checkin, checkin);

  self->updating = TRUE;

  self->mood = haven_checkin_get_id (checkin) != 0 ? haven_checkin_get_mood (checkin) : 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOOD]);
  self->at = haven_checkin_get_at (checkin);
  self->at_chosen = haven_checkin_get_id (checkin) != 0;

  haven_choice_input_set_selected (self->emotions, emotions);
  haven_choice_input_set_selected (self->reaction,
                                   reaction != HAVEN_REACTION_NONE ? reaction_ids : NULL);
  haven_choice_input_set_selected (self->body_signals, signals_);
  haven_choice_input_set_selected (self->regulation, strategies);
  haven_scale_input_set_value (self->intensity, haven_checkin_get_intensity_before (checkin));
  haven_scale_input_set_value (self->intensity_after, haven_checkin_get_intensity_after (checkin));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view),
                            haven_checkin_get_note (checkin), -1);

  /* The picker lists the journal's own raw spots: a fresh one for each check-in. */
  self->pain_points = haven_pain_point_picker_new (store);
  pain_point_ids = haven_checkin_get_pain_point_ids (checkin, &n_pain_points);
  haven_pain_point_picker_set_selected (self->pain_points, pain_point_ids, n_pain_points);
  g_signal_connect_object (self->pain_points, "changed", G_CALLBACK (pain_points_changed_cb),
                           self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->pain_points_bin, GTK_WIDGET (self->pain_points));

  fill_entries (self, haven_checkin_get_entry_id (checkin));

  /* What was filled in behind "More" is shown, not hidden. */
  has_more = reaction != HAVEN_REACTION_NONE || signals_[0] != NULL || strategies[0] != NULL ||
             n_pain_points > 0 || haven_checkin_get_intensity_after (checkin) >= 0 ||
             haven_checkin_get_entry_id (checkin) != 0;
  gtk_expander_set_expanded (self->more_expander, has_more);

  self->changed = FALSE;
  self->updating = FALSE;

  hide_error (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  update_when (self);
  update_title (self);
  update_actions (self);
}

/* A copy of the check-in with what the form holds. */
static HavenCheckin *
build_checkin (HavenCheckinPage *self)
{
  HavenCheckin *checkin = haven_checkin_copy (self->checkin);
  const char * const *reaction = haven_choice_input_get_selected (self->reaction);
  HavenReaction value = HAVEN_REACTION_NONE;
  g_autofree char *note = dup_note (self);
  const gint64 *pain_point_ids;
  guint n_pain_points;

  if (reaction[0] != NULL)
    haven_reaction_from_string (reaction[0], &value);

  haven_checkin_set_mood (checkin, self->mood);
  haven_checkin_set_at (checkin, self->at_chosen || !is_new (self) ? self->at : haven_time_now ());
  haven_checkin_set_emotions (checkin, haven_choice_input_get_selected (self->emotions));
  haven_checkin_set_intensity_before (checkin, haven_scale_input_get_value (self->intensity));
  haven_checkin_set_reaction (checkin, value);
  haven_checkin_set_body_signals (checkin, haven_choice_input_get_selected (self->body_signals));
  haven_checkin_set_regulation (checkin, haven_choice_input_get_selected (self->regulation));
  haven_checkin_set_intensity_after (checkin, haven_scale_input_get_value (self->intensity_after));
  haven_checkin_set_note (checkin, g_strstrip (note));
  haven_checkin_set_entry_id (checkin, chosen_entry_id (self));
  pain_point_ids = haven_pain_point_picker_get_selected (self->pain_points, &n_pain_points);
  haven_checkin_set_pain_point_ids (checkin, pain_point_ids, n_pain_points);

  return checkin;
}

static gboolean
save (HavenCheckinPage  *self,
      GError           **error)
{
  g_autoptr(HavenCheckin) checkin = NULL;

  g_assert (self->checkin != NULL);
  g_assert (self->mood > 0);

  checkin = build_checkin (self);
  if (!haven_store_save_checkin (self->store, checkin, error))
    {
      /* Translators: %s says why saving failed, e.g. "The disk is full, …" */
      g_autofree char *text = g_strdup_printf (_("%s Everything you filled in is still here."),
                                               (*error)->message);

      show_error (self, text, TRUE);
      return FALSE;
    }

  g_set_object (&self->checkin, checkin);
  self->at = haven_checkin_get_at (checkin);
  self->at_chosen = TRUE;
  self->changed = FALSE;
  hide_error (self);
  update_when (self);
  update_title (self);
  update_actions (self);

  return TRUE;
}

static void
release (HavenCheckinPage *self)
{
  g_clear_object (&self->checkin);
  self->changed = FALSE;
  update_actions (self);
}

static gboolean
leave (HavenCheckinPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->checkin == NULL)
    return TRUE;

  if (self->changed)
    {
      if (self->mood > 0)
        {
          if (!save (self, &error))
            return FALSE;
        }
      else if (!note_is_empty (self))
        {
          /* Words were written: they are not thrown away on the way out. */
          show_error (self, _("Choose a mood to save this check-in, or Cancel to let it go."),
                      FALSE);
          return FALSE;
        }
    }

  release (self);

  return TRUE;
}

/* Callbacks ------------------------------------------------------------------------------ */

static void
input_changed_cb (HavenCheckinPage *self)
{
  mark_changed (self);
}

static void
entry_row_selected_cb (HavenCheckinPage *self)
{
  mark_changed (self);
}

static gboolean
two_digits_output_cb (GtkSpinButton *spin,
                      gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static void
when_popover_show_cb (HavenCheckinPage *self)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (is_new (self) && !self->at_chosen
                                                             ? haven_time_now () : self->at);

  if (dt == NULL)
    return;

  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, dt);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (dt));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (dt));
  self->updating = FALSE;
}

static void
when_edited_cb (HavenCheckinPage *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) dt = NULL;
  HavenTime at, now = haven_time_now ();

  if (self->updating || self->checkin == NULL)
    return;

  day = gtk_calendar_get_date (self->calendar);
  dt = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                              g_date_time_get_day_of_month (day),
                              gtk_spin_button_get_value_as_int (self->hour_spin),
                              gtk_spin_button_get_value_as_int (self->minute_spin), 0);
  if (dt == NULL)
    return;

  /* A moment is logged after it happened, never ahead of time. */
  at = MIN (g_date_time_to_unix (dt), now);
  set_at (self, at, TRUE);
}

/* Actions -------------------------------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HavenCheckinPage *self = HAVEN_CHECKIN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gboolean created;
  gint64 id;

  if (self->checkin == NULL || self->mood == 0)
    return;

  created = is_new (self);
  if (!save (self, &error))
    return;

  id = haven_checkin_get_id (self->checkin);
  release (self);
  g_signal_emit (self, signals[SAVED], 0, id, created);
}

static void
discard_response_cb (HavenCheckinPage *self,
                     const char       *response)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  release (self);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HavenCheckinPage *self = HAVEN_CHECKIN_PAGE (widget);
  AdwMessageDialog *dialog;
  GtkRoot *root;

  /* Taps are quickly made again; written words are asked about first. */
  root = gtk_widget_get_root (widget);
  if (self->checkin == NULL || !self->changed || note_is_empty (self) || !GTK_IS_WINDOW (root))
    {
      release (self);
      g_signal_emit (self, signals[CLOSED], 0);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root),
                                                       is_new (self)
                                                       ? _("Discard This Check-in?")
                                                       : _("Discard Your Changes?"),
                                                       _("What you wrote here will be lost.")));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
trash_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HavenCheckinPage *self = HAVEN_CHECKIN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (is_new (self))
    return;

  /* What was changed last goes into the trash with it, so undo brings it all back. */
  if (self->changed && self->mood > 0 && !save (self, &error))
    return;

  id = haven_checkin_get_id (self->checkin);
  if (!haven_store_trash_checkin (self->store, id, &error))
    {
      show_error (self, error->message, FALSE);
      return;
    }

  release (self);
  g_signal_emit (self, signals[TRASHED], 0, id);
}

static void
now_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  HavenCheckinPage *self = HAVEN_CHECKIN_PAGE (widget);

  if (self->checkin == NULL)
    return;

  /* A new check-in is simply "now" again; a saved one moves to this minute. */
  set_at (self, haven_time_now (), !is_new (self));
  when_popover_show_cb (self);
  gtk_popover_popdown (self->when_popover);
}

/* Class ---------------------------------------------------------------------------------- */

static void
add_choice (HavenCheckinPage  *self,
            AdwBin            *bin,
            HavenChoiceInput **input,
            HavenVocabulary    vocabulary,
            gboolean           multiple)
{
  *input = haven_choice_input_new (vocabulary, multiple);
  g_signal_connect_object (*input, "notify::selected", G_CALLBACK (input_changed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_bin_set_child (bin, GTK_WIDGET (*input));
}

static void
add_scale (HavenCheckinPage  *self,
           AdwBin            *bin,
           HavenScaleInput  **input,
           const char        *accessible_label)
{
  /* Translators keep the "|" between the two words. */
  g_auto(GStrv) ends = g_strsplit (_("calm|overwhelming"), "|", 2);

  *input = haven_scale_input_new (ends[0], ends[0] != NULL ? ends[1] : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*input), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  g_signal_connect_object (*input, "notify::value", G_CALLBACK (input_changed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_bin_set_child (bin, GTK_WIDGET (*input));
}

static void
build_moods (HavenCheckinPage *self)
{
  for (int mood = 1; mood <= 5; mood++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *image = gtk_image_new_from_icon_name (haven_mood_icon_name (mood));
      GtkWidget *label = gtk_label_new (haven_mood_label (mood));
      g_autofree char *mood_class = g_strdup_printf ("mood-%d", mood);

      gtk_image_set_pixel_size (GTK_IMAGE (image), 32);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_box_append (GTK_BOX (box), image);
      gtk_box_append (GTK_BOX (box), label);
      gtk_button_set_child (GTK_BUTTON (button), box);

      gtk_widget_add_css_class (button, "mood-button");
      gtk_widget_add_css_class (button, mood_class);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "checkin.mood");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", mood);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      haven_mood_label (mood), -1);
      gtk_box_append (self->mood_box, button);
    }

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->mood_box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->mood_label, NULL,
                                  -1);
}

static void
haven_checkin_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HavenCheckinPage *self = HAVEN_CHECKIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_MOOD:
      g_value_set_int (value, self->mood);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_checkin_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HavenCheckinPage *self = HAVEN_CHECKIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_MOOD:
      set_mood (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_checkin_page_dispose (GObject *object)
{
  HavenCheckinPage *self = (HavenCheckinPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_CHECKIN_PAGE);
  g_clear_object (&self->checkin);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (haven_checkin_page_parent_class)->dispose (object);
}

static void
haven_checkin_page_finalize (GObject *object)
{
  HavenCheckinPage *self = (HavenCheckinPage *)object;

  g_array_unref (self->entry_ids);

  G_OBJECT_CLASS (haven_checkin_page_parent_class)->finalize (object);
}

static void
haven_checkin_page_class_init (HavenCheckinPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_checkin_page_dispose;
  object_class->finalize = haven_checkin_page_finalize;
  object_class->get_property = haven_checkin_page_get_property;
  object_class->set_property = haven_checkin_page_set_property;

  /* The five mood buttons are views of this property, through the checkin.mood action. */
  properties[PROP_MOOD] =
    g_param_spec_int ("mood", NULL, NULL, 0, 5, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HavenCheckinPage::saved:
   * @id: the check-in that was saved
   * @created: whether it is a new one
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_BOOLEAN);

  /**
   * HavenCheckinPage::trashed:
   * @id: the check-in now in the trash
   */
  signals[TRASHED] =
    g_signal_new ("trashed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * HavenCheckinPage::closed:
   *
   * The person cancelled: nothing was saved.
   */
  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/haven-checkin-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, trash_button);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, save_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, mood_label);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, mood_box);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, when_row);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, when_button);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, when_popover);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, emotions_bin);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, intensity_bin);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, note_view);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, more_expander);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, reaction_bin);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, body_bin);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, pain_points_bin);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, regulation_bin);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, after_bin);
  gtk_widget_class_bind_template_child (widget_class, HavenCheckinPage, entry_row);
  gtk_widget_class_bind_template_callback (widget_class, when_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, when_edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, two_digits_output_cb);

  gtk_widget_class_install_property_action (widget_class, "checkin.mood", "mood");
  gtk_widget_class_install_action (widget_class, "checkin.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "checkin.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "checkin.trash", NULL, trash_action);
  gtk_widget_class_install_action (widget_class, "checkin.now", NULL, now_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "checkin.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "checkin.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "checkin.cancel", NULL);
}

static void
haven_checkin_page_init (HavenCheckinPage *self)
{
  self->entry_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  build_moods (self);
  add_choice (self, self->emotions_bin, &self->emotions, HAVEN_VOCABULARY_EMOTIONS, TRUE);
  add_choice (self, self->reaction_bin, &self->reaction, HAVEN_VOCABULARY_REACTIONS, FALSE);
  add_choice (self, self->body_bin, &self->body_signals, HAVEN_VOCABULARY_BODY_SIGNALS, TRUE);
  add_choice (self, self->regulation_bin, &self->regulation, HAVEN_VOCABULARY_REGULATION, TRUE);
  add_scale (self, self->intensity_bin, &self->intensity, _("How strong was it, at its strongest?"));
  add_scale (self, self->after_bin, &self->intensity_after, _("How strong is it now?"));

  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (input_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry_row, "notify::selected",
                           G_CALLBACK (entry_row_selected_cb), self, G_CONNECT_SWAPPED);

  update_actions (self);
}

void
haven_checkin_page_start (HavenCheckinPage *self,
                          HavenStore       *store)
{
  g_autoptr(HavenCheckin) checkin = NULL;

  g_return_if_fail (HAVEN_IS_CHECKIN_PAGE (self));
  g_return_if_fail (HAVEN_IS_STORE (store));

  /* The mood in the record is a placeholder: the form's mood stays unchosen. */
  checkin = haven_checkin_new (3);
  fill_form (self, store, checkin);

  gtk_widget_grab_focus (gtk_widget_get_first_child (GTK_WIDGET (self->mood_box)));
}

void
haven_checkin_page_show_checkin (HavenCheckinPage *self,
                                 HavenStore       *store,
                                 HavenCheckin     *checkin)
{
  g_autoptr(HavenCheckin) copy = NULL;

  g_return_if_fail (HAVEN_IS_CHECKIN_PAGE (self));
  g_return_if_fail (HAVEN_IS_STORE (store));
  g_return_if_fail (HAVEN_IS_CHECKIN (checkin));

  copy = haven_checkin_copy (checkin);
  fill_form (self, store, copy);
}

HavenCheckin *
haven_checkin_page_get_checkin (HavenCheckinPage *self)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN_PAGE (self), NULL);

  return self->checkin;
}

int
haven_checkin_page_get_mood (HavenCheckinPage *self)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN_PAGE (self), 0);

  return self->mood;
}

void
haven_checkin_page_set_mood (HavenCheckinPage *self,
                             int               mood)
{
  g_return_if_fail (HAVEN_IS_CHECKIN_PAGE (self));
  g_return_if_fail (mood >= 0 && mood <= 5);

  set_mood (self, mood);
}

HavenTime
haven_checkin_page_get_at (HavenCheckinPage *self)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN_PAGE (self), 0);

  return self->at;
}

void
haven_checkin_page_set_at (HavenCheckinPage *self,
                           HavenTime         at)
{
  g_return_if_fail (HAVEN_IS_CHECKIN_PAGE (self));

  set_at (self, at, TRUE);
}

gboolean
haven_checkin_page_get_changed (HavenCheckinPage *self)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN_PAGE (self), FALSE);

  return self->changed;
}

gboolean
haven_checkin_page_leave (HavenCheckinPage *self)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN_PAGE (self), TRUE);

  return leave (self);
}
