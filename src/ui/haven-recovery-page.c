/* haven-recovery-page.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person who meets this page may fear years of writing are gone. It says plainly what is
 * wrong, that the file has not been touched, and offers the two ways out that keep
 * everything: the newest backup in good order (the damaged file is put aside unchanged), or
 * saving what can still be read from the damaged file, read-only.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-backup.h"
#include "haven-export.h"
#include "haven-recovery-page.h"
#include "haven-store.h"

struct _HavenRecoveryPage
{
  AdwBin               parent_instance;

  char                *journal_path;
  HavenBackup         *backup;
  GCancellable        *cancellable;
  GtkFileChooserNative *chooser;

  AdwStatusPage       *status_page;
  GtkLabel            *backup_label;
  GtkLabel            *result_label;
  GtkWidget           *use_backup_button;
  GtkWidget           *export_button;
};

G_DEFINE_FINAL_TYPE (HavenRecoveryPage, haven_recovery_page, ADW_TYPE_BIN)

enum {
  JOURNAL_REPLACED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_result (HavenRecoveryPage *self,
             const char        *text)
{
  gtk_label_set_text (self->result_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), TRUE);
}

gboolean
haven_recovery_page_use_backup (HavenRecoveryPage  *self,
                                GError            **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *moved_to = NULL;

  g_return_val_if_fail (HAVEN_IS_RECOVERY_PAGE (self), FALSE);
  g_return_val_if_fail (self->backup != NULL, FALSE);

  if (!haven_backup_replace_damaged (self->journal_path, self->backup->path, now, &moved_to,
                                     error))
    return FALSE;

  g_debug ("The damaged journal was put aside and a backup took its place");
  g_signal_emit (self, signals[JOURNAL_REPLACED], 0);

  return TRUE;
}

static void
use_backup_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HavenRecoveryPage *self = HAVEN_RECOVERY_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!haven_recovery_page_use_backup (self, &error))
    {
      g_autofree char *text = g_strdup_printf ("%s %s", error->message,
                                               _("The journal file has not been changed."));
      show_result (self, text);
    }
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HavenRecoveryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  HavenExportSummary summary;

  if (!haven_export_to_file_finish (result, &summary, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_result (self, error->message);
      return;
    }

  {
    g_autofree char *counts = haven_export_summary_describe (HAVEN_EXPORT_JSON, &summary);
    g_autofree char *text = g_strdup_printf ("%s %s", _("Saved."), counts);

    show_result (self, text);
  }
}

void
haven_recovery_page_export_to (HavenRecoveryPage *self,
                               const char        *path)
{
  g_return_if_fail (HAVEN_IS_RECOVERY_PAGE (self));
  g_return_if_fail (path != NULL);

  /* Read-only and past the integrity check: the damaged file is read, never written. */
  haven_export_to_file_async (self->journal_path,
                              HAVEN_STORE_OPEN_READ_ONLY | HAVEN_STORE_OPEN_SKIP_CHECK,
                              haven_export_format_for_path (path), path, NULL,
                              self->cancellable, export_done_cb, g_object_ref (self));
}

static void
chooser_response_cb (HavenRecoveryPage    *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        haven_recovery_page_export_to (self, path);
    }

  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HavenRecoveryPage *self = HAVEN_RECOVERY_PAGE (widget);
  GtkNative *native = gtk_widget_get_native (widget);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save What Can Be Read"),
                                               GTK_WINDOW (native),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser),
                                     /* Translators: a file name. */
                                     _("Rescued journal.json"));
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static char *
describe_backup (HavenBackup *backup)
{
  /* Translators: when a backup was made, as a strftime format. */
  g_autofree char *when = g_date_time_format (backup->made_at, _("%A %-d %B %Y, %H:%M"));
  g_autofree char *entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry",
                                                           "%u entries", backup->n_entries),
                                              backup->n_entries);
  g_autofree char *checkins = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check-in",
                                                            "%u check-ins", backup->n_checkins),
                                               backup->n_checkins);

  /* Translators: the date, then "12 entries", then "30 check-ins". */
  return g_strdup_printf (_("The newest backup in good order is from %s, with %s and %s. "
                            "Using it puts the damaged file aside, unchanged, and opens the "
                            "backup in its place."),
                          when, entries, checkins);
}

void
haven_recovery_page_set_problem (HavenRecoveryPage *self,
                                 const char        *journal_path,
                                 const GError      *error)
{
  g_autofree char *description = NULL;
  g_autofree char *backup_text = NULL;
  const char *title;
  const char *what;
  gboolean can_export = FALSE;

  g_return_if_fail (HAVEN_IS_RECOVERY_PAGE (self));
  g_return_if_fail (journal_path != NULL);
  g_return_if_fail (error != NULL);

  g_free (self->journal_path);
  self->journal_path = g_strdup (journal_path);
  g_clear_pointer (&self->backup, haven_backup_free);

  if (g_error_matches (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_CORRUPT))
    {
      title = _("Your Journal Is Damaged");
      what = _("Part of the journal file is damaged, perhaps by a disk problem or a crash. "
               "Haven has not opened it for writing, so nothing in it has been changed.");
      can_export = TRUE;
    }
  else if (g_error_matches (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_NOT_A_JOURNAL))
    {
      title = _("This Is Not a Haven Journal");
      what = _("The file where your journal should be is something else. Haven has not "
               "changed it.");
    }
  else if (g_error_matches (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_TOO_NEW))
    {
      title = _("Your Journal Is From a Newer Haven");
      what = error->message;
    }
  else
    {
      title = _("The Journal Could Not Be Opened");
      what = error->message;
    }

  self->backup = haven_backup_find_newest_good (journal_path);
  if (self->backup != NULL)
    backup_text = describe_backup (self->backup);
  else
    backup_text = g_strdup (_("There is no backup in good order beside the journal."));

  /* The file was not touched: said every time, because that is what a worried person needs
   * to hear. */
  if (what == error->message)
    description = g_strdup_printf ("%s %s", what, _("Nothing in the file has been changed."));
  else
    description = g_strdup (what);

  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_label_set_text (self->backup_label, backup_text);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), FALSE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recovery.use-backup", self->backup != NULL);
  gtk_widget_set_visible (self->use_backup_button, self->backup != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recovery.export", can_export);
  gtk_widget_set_visible (self->export_button, can_export);
  /* Without a backup, saving what can be read is the way forward. */
  if (self->backup == NULL)
    gtk_widget_add_css_class (self->export_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->export_button, "suggested-action");
}

const char *
haven_recovery_page_get_backup_path (HavenRecoveryPage *self)
{
  g_return_val_if_fail (HAVEN_IS_RECOVERY_PAGE (self), NULL);

  return self->backup != NULL ? self->backup->path : NULL;
}

static void
haven_recovery_page_dispose (GObject *object)
{
  HavenRecoveryPage *self = (HavenRecoveryPage *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (object), HAVEN_TYPE_RECOVERY_PAGE);

  G_OBJECT_CLASS (haven_recovery_page_parent_class)->dispose (object);
}

static void
haven_recovery_page_finalize (GObject *object)
{
  HavenRecoveryPage *self = (HavenRecoveryPage *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->backup, haven_backup_free);
  g_clear_pointer (&self->journal_path, g_free);

  G_OBJECT_CLASS (haven_recovery_page_parent_class)->finalize (object);
}

static void
haven_recovery_page_class_init (HavenRecoveryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_recovery_page_dispose;
  object_class->finalize = haven_recovery_page_finalize;

  /**
   * HavenRecoveryPage::journal-replaced:
   *
   * A backup now stands where the journal was: it can be opened.
   */
  signals[JOURNAL_REPLACED] =
    g_signal_new ("journal-replaced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/haven-recovery-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenRecoveryPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, HavenRecoveryPage, backup_label);
  gtk_widget_class_bind_template_child (widget_class, HavenRecoveryPage, result_label);
  gtk_widget_class_bind_template_child (widget_class, HavenRecoveryPage, use_backup_button);
  gtk_widget_class_bind_template_child (widget_class, HavenRecoveryPage, export_button);

  gtk_widget_class_install_action (widget_class, "recovery.use-backup", NULL, use_backup_action);
  gtk_widget_class_install_action (widget_class, "recovery.export", NULL, export_action);
}

static void
haven_recovery_page_init (HavenRecoveryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recovery.use-backup", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recovery.export", FALSE);
}
