/* haven-summary-dialog.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entries of the period are listed lazily (a journal model, filtered to entries and the
 * period); which of them are ticked is kept here by id, with when each happened, so that a
 * tick survives scrolling and changing the period, but only the ticked entries of the period
 * shown go into the summary.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-journal-model.h"
#include "haven-summary-dialog.h"
#include "haven-ui-util.h"
#include "haven-vocabulary.h"

struct _HavenSummaryDialog
{
  AdwWindow             parent_instance;

  GtkWidget            *content_box;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkCheckButton       *mood_check;
  GtkCheckButton       *reactions_check;
  GtkCheckButton       *pain_points_check;
  GtkLabel             *count_label;
  GtkStack             *entries_stack;
  GtkGridView          *entries_view;

  HavenStore           *store;
  HavenStatsRange       range;
  HavenTime             now;              /* 0: the clock */
  HavenStatsPeriod      period;
  gboolean              period_valid;
  HavenJournalModel    *model;
  GtkNoSelection       *selection;
  GHashTable           *chosen;           /* entry id → when it happened (gint64 *) */
  GArray               *chosen_ids;       /* handed out by get_options */
  GtkFileChooserNative *chooser;
  gboolean              saving;
};

G_DEFINE_FINAL_TYPE (HavenSummaryDialog, haven_summary_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_RANGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


static gboolean
in_period (HavenSummaryDialog *self,
           HavenTime           at)
{
  return self->period_valid && at >= self->period.from && at < self->period.to;
}

static guint
count_chosen (HavenSummaryDialog *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_hash_table_iter_init (&iter, self->chosen);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (in_period (self, *(gint64 *)value))
      n++;

  return n;
}

static void
update_state (HavenSummaryDialog *self)
{
  guint n = count_chosen (self);
  gboolean anything = n > 0 ||
                      gtk_check_button_get_active (self->mood_check) ||
                      gtk_check_button_get_active (self->reactions_check) ||
                      gtk_check_button_get_active (self->pain_points_check);

  if (n == 0)
    gtk_label_set_label (self->count_label, _("None ticked"));
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u ticked",
                                                            "%u ticked", n), n);

      gtk_label_set_label (self->count_label, text);
    }

  /* An empty page is no summary. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.save",
                                 anything && self->store != NULL && !self->saving);
}

static void
part_toggled_cb (HavenSummaryDialog *self,
                 GtkCheckButton     *check)
{
  update_state (self);
}

static void
show_error (HavenSummaryDialog *self,
            const char         *message)
{
  g_autofree char *text = g_strdup_printf ("%s %s", _("The summary was not saved."), message);

  gtk_label_set_label (self->error_label, text);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
update_list (HavenSummaryDialog *self)
{
  gboolean empty = self->model == NULL ||
                   g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0;

  gtk_stack_set_visible_child_name (self->entries_stack, empty ? "empty" : "list");
}

static void
refresh (HavenSummaryDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenJournalFilter) filter = NULL;
  HavenTime now = self->now != 0 ? self->now : haven_time_now ();

  g_clear_object (&self->model);
  self->period_valid = FALSE;

  if (self->store != NULL &&
      haven_stats_period_init (&self->period, self->store, self->range, now,
                               haven_stats_locale_first_weekday (), &error))
    {
      self->period_valid = TRUE;
      filter = haven_journal_filter_new ();
      for (HavenEntryKind kind = 0; kind <= HAVEN_ENTRY_KIND_LAST; kind++)
        filter->kinds |= HAVEN_FILTER_KIND (kind);
      filter->from = self->period.from;
      filter->to = self->period.to;
      self->model = haven_journal_model_new (self->store, filter);
      g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_list), self,
                               G_CONNECT_SWAPPED);
    }
  else if (error != NULL)
    {
      /* Only the code: a message may quote the journal's path. */
      g_warning ("The summary's period could not be read (error %d)", error->code);
      show_error (self, error->message);
    }

  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->model));
  update_list (self);
  update_state (self);
}

/* The list --------------------------------------------------------------------------------- */

static void
entry_toggled_cb (GtkCheckButton     *check,
                  HavenSummaryDialog *self)
{
  HavenJournalItem *item = g_object_get_data (G_OBJECT (check), "haven-item");
  gint64 id;

  if (item == NULL)
    return;

  id = haven_journal_item_get_id (item);
  if (gtk_check_button_get_active (check))
    {
      gint64 *at = g_new (gint64, 1);
      gint64 *key = g_new (gint64, 1);

      *key = id;
      *at = haven_journal_item_get_at (item);
      g_hash_table_replace (self->chosen, key, at);
    }
  else
    g_hash_table_remove (self->chosen, &id);

  update_state (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              HavenSummaryDialog       *self)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "summary-entry-title");
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_widget_set_margin_start (box, 6);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
  gtk_widget_add_css_class (check, "summary-entry");

  g_signal_connect (check, "toggled", G_CALLBACK (entry_toggled_cb), self);
  gtk_list_item_set_child (list_item, check);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             HavenSummaryDialog       *self)
{
  HavenJournalItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *check = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_check_button_get_child (GTK_CHECK_BUTTON (check));
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *meta = gtk_widget_get_next_sibling (title);
  g_autofree char *when = haven_format_date_time (haven_journal_item_get_at (item));
  g_autofree char *meta_text = NULL;
  g_autofree char *label = NULL;
  const char *title_text = haven_journal_item_get_title (item);
  gint64 id = haven_journal_item_get_id (item);

  if (title_text == NULL || *title_text == '\0')
    title_text = haven_entry_kind_label (haven_journal_item_get_kind (item));
  meta_text = g_strdup_printf ("%s · %s", when,
                               haven_entry_kind_label (haven_journal_item_get_kind (item)));

  gtk_label_set_label (GTK_LABEL (title), title_text);
  gtk_label_set_label (GTK_LABEL (meta), meta_text);

  /* Setting the box while the item is not yet attached: no toggle is taken for a choice. */
  g_object_set_data (G_OBJECT (check), "haven-item", NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               g_hash_table_contains (self->chosen, &id));
  g_object_set_data_full (G_OBJECT (check), "haven-item", g_object_ref (item), g_object_unref);

  label = g_strdup_printf ("%s, %s", title_text, meta_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               HavenSummaryDialog       *self)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "haven-item", NULL);
}

/* Saving ----------------------------------------------------------------------------------- */

void
haven_summary_dialog_get_options (HavenSummaryDialog  *self,
                                  HavenSummaryOptions *options)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (HAVEN_IS_SUMMARY_DIALOG (self));
  g_return_if_fail (options != NULL);

  haven_summary_options_init (options);
  options->range = self->range;
  options->now = self->now;
  options->include_mood = gtk_check_button_get_active (self->mood_check);
  options->include_reactions = gtk_check_button_get_active (self->reactions_check);
  options->include_pain_points = gtk_check_button_get_active (self->pain_points_check);

  g_array_set_size (self->chosen_ids, 0);
  g_hash_table_iter_init (&iter, self->chosen);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (in_period (self, *(gint64 *)value))
      g_array_append_val (self->chosen_ids, *(gint64 *)key);

  options->entry_ids = (const gint64 *)self->chosen_ids->data;
  options->n_entry_ids = self->chosen_ids->len;
}

gboolean
haven_summary_dialog_save_to (HavenSummaryDialog *self,
                              const char         *path)
{
  g_autoptr(HavenSummaryDialog) hold = NULL;
  g_autoptr(GError) error = NULL;
  HavenSummaryOptions options;
  gboolean ok;

  g_return_val_if_fail (HAVEN_IS_SUMMARY_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->store == NULL || self->saving)
    return FALSE;

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  haven_summary_dialog_get_options (self, &options);

  /* GTK draws the pages with a main loop of its own: nothing here may change meanwhile. */
  hold = g_object_ref (self);
  self->saving = TRUE;
  gtk_widget_set_sensitive (self->content_box, FALSE);
  update_state (self);

  ok = haven_summary_export_pdf (self->store, &options, path, &error);

  self->saving = FALSE;
  gtk_widget_set_sensitive (self->content_box, TRUE);
  update_state (self);

  if (!ok)
    {
      show_error (self, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, path);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}

static void
chooser_response_cb (HavenSummaryDialog   *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *lower = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path == NULL)
    return;

  /* The name ends in .pdf, so that the file opens in the right program. */
  lower = g_ascii_strdown (path, -1);
  if (!g_str_has_suffix (lower, ".pdf"))
    {
      char *with_extension = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = with_extension;
    }

  haven_summary_dialog_save_to (self, path);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HavenSummaryDialog *self = HAVEN_SUMMARY_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the suggested name of a saved summary; %s is a date. */
  g_autofree char *name = g_strdup_printf (_("Haven summary %s.pdf"), date);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");

  self->chooser = gtk_file_chooser_native_new (_("Save the Summary"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
dismiss_error_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (HAVEN_SUMMARY_DIALOG (widget)->error_revealer, FALSE);
}

/* GObject ---------------------------------------------------------------------------------- */

void
haven_summary_dialog_set_now (HavenSummaryDialog *self,
                              HavenTime           now)
{
  g_return_if_fail (HAVEN_IS_SUMMARY_DIALOG (self));

  self->now = now;
  refresh (self);
}

static void
haven_summary_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HavenSummaryDialog *self = HAVEN_SUMMARY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_RANGE:
      g_value_set_string (value, haven_stats_range_to_string (self->range));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_summary_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HavenSummaryDialog *self = HAVEN_SUMMARY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_RANGE:
      {
        HavenStatsRange range;

        if (haven_stats_range_from_string (g_value_get_string (value), &range) &&
            range != self->range)
          {
            self->range = range;
            g_object_notify_by_pspec (object, properties[PROP_RANGE]);
            refresh (self);
          }
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_summary_dialog_dispose (GObject *object)
{
  HavenSummaryDialog *self = HAVEN_SUMMARY_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->entries_view != NULL)
    gtk_grid_view_set_model (self->entries_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_SUMMARY_DIALOG);

  G_OBJECT_CLASS (haven_summary_dialog_parent_class)->dispose (object);
}

static void
haven_summary_dialog_finalize (GObject *object)
{
  HavenSummaryDialog *self = HAVEN_SUMMARY_DIALOG (object);

  g_hash_table_unref (self->chosen);
  g_array_unref (self->chosen_ids);

  G_OBJECT_CLASS (haven_summary_dialog_parent_class)->finalize (object);
}

static void
haven_summary_dialog_class_init (HavenSummaryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = haven_summary_dialog_get_property;
  object_class->set_property = haven_summary_dialog_set_property;
  object_class->dispose = haven_summary_dialog_dispose;
  object_class->finalize = haven_summary_dialog_finalize;

  /* "4-weeks", "3-months", "year" or "all", as on the Insights page. */
  properties[PROP_RANGE] =
    g_param_spec_string ("range", NULL, NULL, "4-weeks",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HavenSummaryDialog::saved:
   * @path: where the summary was written
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1,
                                 G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/haven-summary-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenSummaryDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, HavenSummaryDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, HavenSummaryDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HavenSummaryDialog, mood_check);
  gtk_widget_class_bind_template_child (widget_class, HavenSummaryDialog, reactions_check);
  gtk_widget_class_bind_template_child (widget_class, HavenSummaryDialog, pain_points_check);
  gtk_widget_class_bind_template_child (widget_class, HavenSummaryDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, HavenSummaryDialog, entries_stack);
  gtk_widget_class_bind_template_child (widget_class, HavenSummaryDialog, entries_view);
  gtk_widget_class_bind_template_callback (widget_class, part_toggled_cb);

  gtk_widget_class_install_property_action (widget_class, "summary.range", "range");
  gtk_widget_class_install_action (widget_class, "summary.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "summary.dismiss-error", NULL,
                                   dismiss_error_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
haven_summary_dialog_init (HavenSummaryDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->chosen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->chosen_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_grid_view_set_factory (self->entries_view, factory);

  self->selection = gtk_no_selection_new (NULL);
  gtk_grid_view_set_model (self->entries_view, GTK_SELECTION_MODEL (self->selection));

  update_state (self);
}

HavenSummaryDialog *
haven_summary_dialog_new (GtkWindow  *parent,
                          HavenStore *store)
{
  HavenSummaryDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HAVEN_IS_STORE (store), NULL);

  self = g_object_new (HAVEN_TYPE_SUMMARY_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  refresh (self);

  return self;
}
