/* haven-window.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window hosts the leaflet (journal list beside the content) and switches pages; the
 * pages themselves are widgets of their own.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-journal-list.h"
#include "haven-recovery-page.h"
#include "haven-welcome-page.h"
#include "haven-window-data.h"
#include "haven-window.h"

struct _HavenWindow
{
  AdwApplicationWindow  parent_instance;

  HavenStore           *store;
  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  HavenJournalList     *journal_list;
  GtkStack             *content_stack;
  HavenWelcomePage     *welcome_page;
  HavenRecoveryPage    *recovery_page;
};

G_DEFINE_FINAL_TYPE (HavenWindow, haven_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_journal_empty (HavenWindow *self)
{
  gboolean empty = self->store == NULL ||
                   (haven_store_count_entries (self->store) == 0 &&
                    haven_store_count_checkins (self->store) == 0);

  haven_welcome_page_set_journal_empty (self->welcome_page, empty);
}

static void
record_activated_cb (HavenWindow *self,
                     guint        type,
                     gint64       id,
                     HavenJournalList *list)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
leaflet_folded_cb (HavenWindow *self,
                   GParamSpec  *pspec,
                   AdwLeaflet  *leaflet)
{
}

static void
journal_replaced_cb (HavenWindow       *self,
                     HavenRecoveryPage *page)
{
  HavenApplication *app = HAVEN_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  haven_application_reopen_journal (app);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HavenWindow *self = HAVEN_WINDOW (widget);

  if (self->store == NULL)
    return;

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  haven_journal_list_start_search (self->journal_list);
}

static void
restore_window_state (HavenWindow *self)
{
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
haven_window_close_request (GtkWindow *window)
{
  HavenWindow *self = HAVEN_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (haven_window_parent_class)->close_request (window);
}

static void
haven_window_dispose (GObject *object)
{
  HavenWindow *self = (HavenWindow *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (haven_window_parent_class)->dispose (object);
}

static void
haven_window_class_init (HavenWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = haven_window_dispose;
  window_class->close_request = haven_window_close_request;

  g_type_ensure (HAVEN_TYPE_JOURNAL_LIST);
  g_type_ensure (HAVEN_TYPE_WELCOME_PAGE);
  g_type_ensure (HAVEN_TYPE_RECOVERY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/haven-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, journal_list);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, HavenWindow, recovery_page);
  gtk_widget_class_bind_template_callback (widget_class, record_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, journal_replaced_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);

  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);

  _haven_window_data_class_init (widget_class);
}

static void
haven_window_init (HavenWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
show_problem (HavenWindow      *self,
              HavenApplication *application,
              const GError     *error)
{
  g_autofree char *default_path = NULL;
  const char *path = haven_application_get_journal_path (application);

  if (path == NULL)
    path = default_path = haven_store_dup_default_path ();

  haven_recovery_page_set_problem (self->recovery_page, path, error);
  gtk_stack_set_visible_child_name (self->main_stack, "problem");
}

HavenWindow *
haven_window_new (HavenApplication *application,
                  HavenStore       *store,
                  const GError     *open_error)
{
  HavenWindow *self;

  g_return_val_if_fail (HAVEN_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store != NULL || open_error != NULL, NULL);

  self = g_object_new (HAVEN_TYPE_WINDOW, "application", application, NULL);
  self->settings = haven_application_get_settings (application);
  if (self->settings != NULL)
    g_object_ref (self->settings);
  restore_window_state (self);

  if (store == NULL)
    {
      show_problem (self, application, open_error);
      _haven_window_data_set_enabled (self, FALSE);
      return self;
    }

  self->store = g_object_ref (store);
  haven_journal_list_set_store (self->journal_list, store);

  g_signal_connect_object (store, "record-changed", G_CALLBACK (update_journal_empty), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "journal-changed", G_CALLBACK (update_journal_empty), self,
                           G_CONNECT_SWAPPED);
  update_journal_empty (self);

  return self;
}

HavenStore *
haven_window_get_store (HavenWindow *self)
{
  g_return_val_if_fail (HAVEN_IS_WINDOW (self), NULL);

  return self->store;
}

void
haven_window_show_toast (HavenWindow *self,
                         AdwToast    *toast)
{
  g_return_if_fail (HAVEN_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

const char *
haven_window_get_page (HavenWindow *self)
{
  g_return_val_if_fail (HAVEN_IS_WINDOW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "problem") == 0)
    return "problem";

  return gtk_stack_get_visible_child_name (self->content_stack);
}
