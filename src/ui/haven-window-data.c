/* haven-window-data.c: the window's export, import, backup and restore actions, and the
 * summary to share
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export, import, backup and restore work on the journal's file through connections of their
 * own, in threads, so the window stays responsive on a journal of any size; when one changes
 * the journal, the window's store is told (haven_store_journal_changed) and its lists read it
 * again. The summary only reads a period's aggregates and the entries ticked for it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-backup.h"
#include "haven-import-dialog.h"
#include "haven-import.h"
#include "haven-summary-dialog.h"
#include "haven-window-data.h"

typedef struct
{
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
} DataState;

static void
data_state_free (DataState *state)
{
  g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
  if (state->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (state->chooser));
  g_clear_object (&state->chooser);
  g_free (state);
}

static DataState *
get_state (HavenWindow *self)
{
  DataState *state = g_object_get_data (G_OBJECT (self), "haven-window-data");

  if (state == NULL)
    {
      state = g_new0 (DataState, 1);
      state->cancellable = g_cancellable_new ();
      g_object_set_data_full (G_OBJECT (self), "haven-window-data", state,
                              (GDestroyNotify)data_state_free);
    }

  return state;
}

static const char *
journal_path (HavenWindow *self)
{
  HavenStore *store = haven_window_get_store (self);

  return store != NULL ? haven_store_get_path (store) : NULL;
}

static void
toast (HavenWindow *self,
       const char  *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 6);
  haven_window_show_toast (self, t);
}

static void
show_failure (HavenWindow  *self,
              const char   *heading,
              const char   *reassurance,
              const GError *error)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  body = reassurance ? g_strdup_printf ("%s\n\n%s", error->message, reassurance)
                     : g_strdup (error->message);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static GtkFileChooserNative *
new_chooser (HavenWindow          *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  DataState *state = get_state (self);

  if (state->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (state->chooser));
  g_clear_object (&state->chooser);

  state->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept,
                                                _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (state->chooser), TRUE);

  return state->chooser;
}

static char *
chosen_path (GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  return file != NULL ? g_file_get_path (file) : NULL;
}

/* Export ----------------------------------------------------------------------------------- */

typedef struct
{
  HavenWindow       *window;
  HavenExportFormat  format;
} ExportCall;

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportCall *call = user_data;
  g_autoptr(HavenWindow) self = call->window;
  g_autoptr(GError) error = NULL;
  HavenExportSummary summary;
  HavenExportFormat format = call->format;

  g_free (call);

  if (!haven_export_to_file_finish (result, &summary, &error))
    {
      if (!is_cancelled (error))
        show_failure (self, _("The Journal Was Not Exported"), NULL, error);
      return;
    }

  {
    g_autofree char *counts = haven_export_summary_describe (format, &summary);
    g_autofree char *text = g_strdup_printf ("%s %s", _("Exported."), counts);

    toast (self, text);
  }
}

void
haven_window_export_to (HavenWindow       *self,
                        const char        *path,
                        HavenExportFormat  format)
{
  ExportCall *call;

  g_return_if_fail (HAVEN_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (journal_path (self) == NULL)
    return;

  call = g_new0 (ExportCall, 1);
  call->window = g_object_ref (self);
  call->format = format;
  haven_export_to_file_async (journal_path (self), HAVEN_STORE_OPEN_NONE, format, path, NULL,
                              get_state (self)->cancellable, export_done_cb, call);
}

static void
export_response_cb (HavenWindow          *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autofree char *path = NULL;
  const char *choice;
  HavenExportFormat format = HAVEN_EXPORT_JSON;

  if (response != GTK_RESPONSE_ACCEPT || !(path = chosen_path (chooser)))
    return;

  choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "format");
  if (!haven_export_format_from_string (choice, &format))
    format = haven_export_format_for_path (path);

  /* The name gets the format's extension, so that the file opens in the right program. */
  if (haven_export_format_for_path (path) != format ||
      !g_str_has_suffix (path, haven_export_format_extension (format)))
    {
      char *with_extension = g_strconcat (path, haven_export_format_extension (format), NULL);

      g_free (path);
      path = with_extension;
    }

  haven_window_export_to (self, path, format);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);
  static const char *ids[] = { "json", "markdown", "csv", NULL };
  const char *labels[] = {
    _("Everything, to import again (JSON)"),
    _("To read (Markdown)"),
    _("Check-ins, for a spreadsheet (CSV)"),
    NULL
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Translators: the suggested name of an exported journal; %s is a date. */
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf (_("Haven journal %s.json"), date);
  GtkFileChooserNative *chooser;

  chooser = new_chooser (self, _("Export the Journal"), GTK_FILE_CHOOSER_ACTION_SAVE,
                         _("_Export"));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "format", _("Format"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "format", "json");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Import ----------------------------------------------------------------------------------- */

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HavenWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts_text = NULL;
  g_autofree char *text = NULL;
  HavenImportCounts counts;

  if (!haven_import_run_finish (HAVEN_IMPORT (source), result, &counts, &error))
    {
      if (!is_cancelled (error))
        show_failure (self, _("Nothing Was Imported"),
                      _("Your journal is exactly as it was."), error);
      return;
    }

  /* The import wrote through a connection of its own: the window's lists read again. */
  if (haven_window_get_store (self) != NULL)
    haven_store_journal_changed (haven_window_get_store (self));

  counts_text = haven_import_counts_describe (&counts);
  text = g_strdup_printf ("%s %s", _("Imported."), counts_text);
  toast (self, text);
}

static void
import_dialog_response_cb (HavenImportDialog *dialog,
                           const char        *response,
                           HavenWindow       *self)
{
  if (g_strcmp0 (response, "import") != 0 || journal_path (self) == NULL)
    return;

  haven_import_run_async (haven_import_dialog_get_import (dialog), journal_path (self),
                          get_state (self)->cancellable, import_done_cb, g_object_ref (self));
}

static void
import_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HavenWindow) self = user_data;
  g_autoptr(HavenImport) import = NULL;
  g_autoptr(GError) error = NULL;
  HavenImportDialog *dialog;
  HavenImportCounts preview;

  import = haven_import_load_finish (result, &preview, &error);
  if (import == NULL)
    {
      if (!is_cancelled (error))
        show_failure (self, _("This File Cannot Be Imported"),
                      _("Nothing in your journal was changed."), error);
      return;
    }

  dialog = haven_import_dialog_new (GTK_WINDOW (self), import, haven_window_get_store (self),
                                    &preview);
  g_signal_connect_object (dialog, "response", G_CALLBACK (import_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
haven_window_import_from (HavenWindow *self,
                          const char  *path)
{
  g_return_if_fail (HAVEN_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (journal_path (self) == NULL)
    return;

  haven_import_load_async (path, journal_path (self), get_state (self)->cancellable,
                           import_loaded_cb, g_object_ref (self));
}

static void
import_response_cb (HavenWindow          *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (path = chosen_path (chooser)))
    haven_window_import_from (self, path);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);
  g_autoptr(GtkFileFilter) both = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (both, _("Haven exports and Daylio CSV files"));
  gtk_file_filter_add_suffix (both, "json");
  gtk_file_filter_add_suffix (both, "csv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  chooser = new_chooser (self, _("Import Into the Journal"), GTK_FILE_CHOOSER_ACTION_OPEN,
                         _("_Open"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), both);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A summary to share ------------------------------------------------------------------------- */

static void
summary_saved_cb (HavenSummaryDialog *dialog,
                  const char         *path,
                  HavenWindow        *self)
{
  g_autofree char *name = g_filename_display_basename (path);
  /* Translators: %s is the name of the file the summary was saved in. */
  g_autofree char *text = g_strdup_printf (_("Summary saved as “%s”."), name);

  toast (self, text);
}

/* @parameter: the period to start with ("4-weeks", "3-months", "year" or "all"), or "" for
 * the last four weeks. */
static void
share_summary_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);
  HavenSummaryDialog *dialog;
  const char *range = g_variant_get_string (parameter, NULL);

  if (haven_window_get_store (self) == NULL)
    return;

  dialog = haven_summary_dialog_new (GTK_WINDOW (self), haven_window_get_store (self));
  if (*range != '\0')
    g_object_set (dialog, "range", range, NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (summary_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Backups ---------------------------------------------------------------------------------- */

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HavenWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = haven_backup_make_finish (result, &error);

  if (path == NULL)
    {
      if (error != NULL && !is_cancelled (error))
        show_failure (self, _("No Backup Was Made"), _("Your journal itself is fine."), error);
      return;
    }

  toast (self, _("Backed up. The copy is in the backup folder beside your journal."));
}

void
haven_window_back_up_now (HavenWindow *self)
{
  g_return_if_fail (HAVEN_IS_WINDOW (self));

  if (journal_path (self) == NULL)
    return;

  haven_backup_make_async (journal_path (self), FALSE, get_state (self)->cancellable,
                           backup_done_cb, g_object_ref (self));
}

static void
back_up_now_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  haven_window_back_up_now (HAVEN_WINDOW (widget));
}

static void
restore_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HavenWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *safety = NULL;

  if (!haven_backup_restore_finish (result, &safety, &error))
    {
      if (!is_cancelled (error))
        show_failure (self, _("The Backup Was Not Restored"),
                      _("Your journal is exactly as it was."), error);
      return;
    }

  if (haven_window_get_store (self) != NULL)
    haven_store_journal_changed (haven_window_get_store (self));

  toast (self, _("Backup restored. Your journal as it was just before is kept in the backup "
                 "folder."));
}

static void
restore_confirm_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    HavenWindow      *self)
{
  const char *backup_path = g_object_get_data (G_OBJECT (dialog), "haven-backup-path");

  if (g_strcmp0 (response, "restore") != 0 || journal_path (self) == NULL)
    return;

  haven_backup_restore_async (journal_path (self), backup_path, get_state (self)->cancellable,
                              restore_done_cb, g_object_ref (self));
}

void
haven_window_restore_from (HavenWindow *self,
                           const char  *backup_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  HavenBackup backup = { (char *)backup_path };
  GtkWidget *dialog;

  g_return_if_fail (HAVEN_IS_WINDOW (self));
  g_return_if_fail (backup_path != NULL);

  /* A file that is not a usable copy is refused before anything is asked. */
  if (!haven_backup_check (&backup, &error))
    {
      show_failure (self, _("This File Cannot Be Restored"),
                    _("Your journal is exactly as it was."), error);
      return;
    }

  {
    g_autofree char *entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry",
                                                             "%u entries", backup.n_entries),
                                                backup.n_entries);
    g_autofree char *checkins = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check-in",
                                                              "%u check-ins",
                                                              backup.n_checkins),
                                                 backup.n_checkins);

    /* Translators: "12 entries", then "30 check-ins". */
    body = g_strdup_printf (_("Your journal will be replaced by this backup, with %s and %s. "
                              "A copy of your journal as it is now is kept in the backup "
                              "folder first, so this can be undone."),
                            entries, checkins);
  }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "haven-backup-path", g_strdup (backup_path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_confirm_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_response_cb (HavenWindow          *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (path = chosen_path (chooser)))
    haven_window_restore_from (self, path);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *dir = NULL;
  g_autoptr(GFile) folder = NULL;
  GtkFileChooserNative *chooser;

  if (journal_path (self) == NULL)
    return;

  gtk_file_filter_set_name (filter, _("Haven backups"));
  gtk_file_filter_add_suffix (filter, "db");

  chooser = new_chooser (self, _("Restore a Backup"), GTK_FILE_CHOOSER_ACTION_OPEN,
                         _("_Choose"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* The backups are where Haven keeps them; start there. */
  dir = haven_store_dup_backup_dir (journal_path (self));
  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      folder = g_file_new_for_path (dir);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (restore_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_haven_window_data_set_enabled (HavenWindow *self,
                                gboolean     enabled)
{
  static const char * const actions[] = {
    "win.export", "win.import", "win.back-up-now", "win.restore", "win.share-summary",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], enabled);
}

void
_haven_window_data_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.back-up-now", NULL, back_up_now_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "win.share-summary", "s", share_summary_action);
}
