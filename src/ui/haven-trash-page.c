/* haven-trash-page.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-back-button.h"
#include "haven-journal-model.h"
#include "haven-trash-page.h"
#include "haven-ui-util.h"
#include "haven-vocabulary.h"

struct _HavenTrashPage
{
  AdwBin             parent_instance;

  HavenStore        *store;
  HavenJournalModel *model;

  GtkStack          *stack;
  GtkListBox        *list;
};

G_DEFINE_FINAL_TYPE (HavenTrashPage, haven_trash_page, ADW_TYPE_BIN)

static void
restore_clicked_cb (HavenTrashPage *self,
                    GtkButton      *button)
{
  HavenJournalItem *item = g_object_get_data (G_OBJECT (button), "item");
  g_autoptr(GError) error = NULL;
  gint64 id = haven_journal_item_get_id (item);

  if (haven_journal_item_get_record_type (item) == HAVEN_RECORD_ENTRY)
    haven_store_restore_entry (self->store, id, &error);
  else
    haven_store_restore_checkin (self->store, id, &error);

  if (error != NULL)
    g_warning ("Restoring record %" G_GINT64_FORMAT " failed (error %d)", id, error->code);
}

static void
purge_clicked_cb (HavenTrashPage *self,
                  GtkButton      *button)
{
  HavenJournalItem *item = g_object_get_data (G_OBJECT (button), "item");
  g_autoptr(GError) error = NULL;
  gint64 id = haven_journal_item_get_id (item);

  if (haven_journal_item_get_record_type (item) == HAVEN_RECORD_ENTRY)
    haven_store_purge_entry (self->store, id, &error);
  else
    haven_store_purge_checkin (self->store, id, &error);

  if (error != NULL)
    g_warning ("Deleting record %" G_GINT64_FORMAT " failed (error %d)", id, error->code);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  HavenTrashPage *self = user_data;
  HavenJournalItem *record = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *restore = gtk_button_new_with_mnemonic (_("_Restore"));
  GtkWidget *purge = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  g_autofree char *when = haven_format_date_time (haven_journal_item_get_at (record));
  const char *title = haven_journal_item_get_title (record);
  gboolean is_entry = haven_journal_item_get_record_type (record) == HAVEN_RECORD_ENTRY;
  g_autofree char *subtitle = NULL;

  if (title == NULL || *title == '\0')
    title = is_entry ? haven_entry_kind_label (haven_journal_item_get_kind (record))
                     : _("Check-in");

  subtitle = g_strdup_printf ("%s · %s", is_entry ? haven_entry_kind_label (haven_journal_item_get_kind (record))
                                                  : _("Check-in"),
                              when);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (purge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (purge, "flat");
  gtk_widget_set_tooltip_text (purge, _("Delete for Good"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (purge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete for Good"), -1);

  g_object_set_data_full (G_OBJECT (restore), "item", g_object_ref (record), g_object_unref);
  g_object_set_data_full (G_OBJECT (purge), "item", g_object_ref (record), g_object_unref);
  g_signal_connect_object (restore, "clicked", G_CALLBACK (restore_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (purge, "clicked", G_CALLBACK (purge_clicked_cb), self,
                           G_CONNECT_SWAPPED);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), purge);

  return row;
}

static void
update_state (HavenTrashPage *self)
{
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trash.empty", n > 0);
}

static void
confirm_empty_cb (HavenTrashPage   *self,
                  const char       *response,
                  AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "empty") != 0)
    return;

  if (!haven_store_empty_trash (self->store, &error))
    g_warning ("Emptying the trash failed (error %d)", error->code);
}

static void
empty_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HavenTrashPage *self = HAVEN_TRASH_PAGE (widget);
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u item will be removed from your journal for good. "
                                       "This cannot be undone.",
                                       "%u items will be removed from your journal for good. "
                                       "This cannot be undone.", n), n);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Empty the Trash?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "empty", _("_Empty Trash"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "empty", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_empty_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
haven_trash_page_dispose (GObject *object)
{
  HavenTrashPage *self = (HavenTrashPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_TRASH_PAGE);
  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (haven_trash_page_parent_class)->dispose (object);
}

static void
haven_trash_page_class_init (HavenTrashPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_trash_page_dispose;

  g_type_ensure (HAVEN_TYPE_BACK_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/haven-trash-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenTrashPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HavenTrashPage, list);

  gtk_widget_class_install_action (widget_class, "trash.empty", NULL, empty_action);
}

static void
haven_trash_page_init (HavenTrashPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_state (self);
}

void
haven_trash_page_set_store (HavenTrashPage *self,
                            HavenStore     *store)
{
  g_autoptr(HavenJournalFilter) filter = haven_journal_filter_new ();

  g_return_if_fail (HAVEN_IS_TRASH_PAGE (self));
  g_return_if_fail (HAVEN_IS_STORE (store));

  g_set_object (&self->store, store);
  g_clear_object (&self->model);

  filter->trash = TRUE;
  self->model = haven_journal_model_new (store, filter);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->model), create_row, self, NULL);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  update_state (self);
}

GListModel *
haven_trash_page_get_model (HavenTrashPage *self)
{
  g_return_val_if_fail (HAVEN_IS_TRASH_PAGE (self), NULL);

  return G_LIST_MODEL (self->model);
}
