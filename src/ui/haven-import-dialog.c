/* haven-import-dialog.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-import-dialog.h"
#include "haven-vocabulary.h"

struct _HavenImportDialog
{
  AdwMessageDialog  parent_instance;

  HavenImport      *import;
  HavenStore       *store;

  GtkWidget        *daylio_box;
  AdwPreferencesGroup *moods_group;
  GtkCheckButton   *tags_check;
};

G_DEFINE_FINAL_TYPE (HavenImportDialog, haven_import_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
describe (HavenImportDialog       *self,
          const HavenImportCounts *counts)
{
  g_autofree char *what = haven_import_counts_describe (counts);
  g_autofree char *span = NULL;

  if (counts->first_at != 0)
    {
      g_autoptr(GDateTime) first = g_date_time_new_from_unix_local (counts->first_at);
      g_autoptr(GDateTime) last = g_date_time_new_from_unix_local (counts->last_at);
      /* Translators: a date in a sentence, as a strftime format. */
      g_autofree char *from = g_date_time_format (first, _("%-d %B %Y"));
      g_autofree char *to = g_date_time_format (last, _("%-d %B %Y"));

      /* Translators: the span of dates in an imported file. */
      span = g_strdup_printf (_("The file covers %s to %s."), from, to);
    }

  return g_strdup_printf ("%s%s%s\n\n%s", what, span ? " " : "", span ? span : "",
                          _("Records your journal already has stay as they are, unless the "
                            "file’s copy is newer. Nothing is written until you choose Import."));
}

static void
update_counts (HavenImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  HavenImportCounts counts;

  if (self->store == NULL || !haven_import_preview (self->import, self->store, &counts, &error))
    {
      if (error != NULL)
        adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), error->message);
      return;
    }

  body = describe (self, &counts);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
}

static void
activities_toggled_cb (HavenImportDialog *self,
                       GtkCheckButton    *check)
{
  if (self->import == NULL)
    return;

  haven_import_set_activities_as (self->import,
                                  gtk_check_button_get_active (self->tags_check)
                                  ? HAVEN_IMPORT_ACTIVITIES_AS_TAGS
                                  : HAVEN_IMPORT_ACTIVITIES_AS_PAIN_POINTS);
  /* New tags or new raw spots: the counts change with the choice. */
  update_counts (self);
}

static void
mood_selected_cb (AdwComboRow       *row,
                  GParamSpec        *pspec,
                  HavenImportDialog *self)
{
  const char *label = g_object_get_data (G_OBJECT (row), "haven-mood-label");
  guint selected = adw_combo_row_get_selected (row);

  if (selected != GTK_INVALID_LIST_POSITION)
    /* The list runs from very good (5) down to very hard (1). */
    haven_import_set_mood_for_label (self->import, label, 5 - (int)selected);
}

static void
add_mood_rows (HavenImportDialog *self)
{
  const char * const *labels = haven_import_get_mood_labels (self->import);
  g_autoptr(GtkStringList) moods = gtk_string_list_new (NULL);

  for (int mood = 5; mood >= 1; mood--)
    gtk_string_list_append (moods, haven_mood_label (mood));

  for (guint i = 0; labels[i] != NULL; i++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), labels[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (haven_import_mood_label_is_custom (self->import, labels[i]))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Your own mood in Daylio"));
      adw_combo_row_set_model (row, G_LIST_MODEL (moods));
      adw_combo_row_set_selected (row, 5 - haven_import_get_mood_for_label (self->import,
                                                                             labels[i]));
      g_object_set_data_full (G_OBJECT (row), "haven-mood-label", g_strdup (labels[i]), g_free);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (mood_selected_cb), self, 0);
      adw_preferences_group_add (self->moods_group, GTK_WIDGET (row));
    }
}

static void
haven_import_dialog_dispose (GObject *object)
{
  HavenImportDialog *self = (HavenImportDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (object), HAVEN_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->import);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (haven_import_dialog_parent_class)->dispose (object);
}

static void
haven_import_dialog_class_init (HavenImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/haven-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenImportDialog, daylio_box);
  gtk_widget_class_bind_template_child (widget_class, HavenImportDialog, moods_group);
  gtk_widget_class_bind_template_child (widget_class, HavenImportDialog, tags_check);
  gtk_widget_class_bind_template_callback (widget_class, activities_toggled_cb);
}

static void
haven_import_dialog_init (HavenImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HavenImportDialog *
haven_import_dialog_new (GtkWindow               *parent,
                         HavenImport             *import,
                         HavenStore              *store,
                         const HavenImportCounts *preview)
{
  HavenImportDialog *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (HAVEN_IS_IMPORT (import), NULL);
  g_return_val_if_fail (preview != NULL, NULL);

  self = g_object_new (HAVEN_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->import = g_object_ref (import);
  self->store = store ? g_object_ref (store) : NULL;

  body = describe (self, preview);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  if (haven_import_get_format (import) == HAVEN_IMPORT_FORMAT_DAYLIO)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Import From Daylio?"));
      add_mood_rows (self);
      gtk_check_button_set_active (self->tags_check,
                                   haven_import_get_activities_as (import) ==
                                   HAVEN_IMPORT_ACTIVITIES_AS_TAGS);
      gtk_widget_set_visible (self->daylio_box, TRUE);
    }

  return self;
}

HavenImport *
haven_import_dialog_get_import (HavenImportDialog *self)
{
  g_return_val_if_fail (HAVEN_IS_IMPORT_DIALOG (self), NULL);

  return self->import;
}
