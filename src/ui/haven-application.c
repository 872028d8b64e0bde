/* haven-application.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One instance runs per user for the default journal. `--journal` and `--demo` start an
 * instance of their own, so that a demo or a second journal never lands in the window of the
 * real one.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "haven-application.h"
#include "haven-preferences-window.h"
#include "haven-window.h"

struct _HavenApplication
{
  AdwApplication  parent_instance;

  HavenStore     *store;
  GSettings      *settings;
  GError         *open_error;
  char           *journal_path;
  char           *demo_dir;
  gboolean        demo;
};

G_DEFINE_FINAL_TYPE (HavenApplication, haven_application, ADW_TYPE_APPLICATION)

void
haven_i18n_init (void)
{
  const char *localedir = g_getenv ("HAVEN_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static int
haven_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  HavenApplication *self = HAVEN_APPLICATION (app);
  const char *journal = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "Haven", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  g_variant_dict_lookup (options, "journal", "^&ay", &journal);
  self->demo = g_variant_dict_contains (options, "demo");

  if (journal != NULL && self->demo)
    {
      g_printerr ("%s\n", _("Use either --journal or --demo, not both."));
      return EXIT_FAILURE;
    }

  if (journal != NULL)
    {
      if (*journal == '\0')
        {
          g_printerr ("%s\n", _("--journal needs the path of a journal file."));
          return EXIT_FAILURE;
        }
      self->journal_path = g_canonicalize_filename (journal, NULL);
    }

  if (journal != NULL || self->demo)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  HavenApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows lets each save what it holds before the application goes. */
  for (GList *l = g_list_copy (windows), *next; l != NULL; l = next)
    {
      next = l->next;
      gtk_window_close (GTK_WINDOW (l->data));
      g_list_free_1 (l);
    }
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  HavenApplication *self = user_data;
  static const char *developers[] = { "The Haven authors", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Haven"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", "The Haven authors",
                         "developers", developers,
                         "website", "https://github.com/havenjournal/haven",
                         "issue-url", "https://github.com/havenjournal/haven/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Haven authors",
                         "comments", _("A private journal for working through conflicts with "
                                       "someone close. Everything stays on this computer.\n\n"
                                       "Haven can help you understand yourself, but it is not "
                                       "a replacement for therapy. If things stay heavy, a "
                                       "therapist or your doctor can help."),
                         /* Translators: put your names here, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  HavenApplication *self = user_data;
  HavenPreferencesWindow *preferences;

  preferences = haven_preferences_window_new (self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

static void
color_scheme_changed_cb (HavenApplication *self,
                         const char       *key,
                         GSettings        *settings)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  switch (g_settings_get_enum (settings, "color-scheme"))
    {
    case 1:
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
      break;
    case 2:
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      break;
    default:
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
      break;
    }
}

/* Without an installed schema (a stray build), Haven still runs; it just forgets the window
 * size. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; settings will not be kept",
                 APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
haven_application_startup (GApplication *app)
{
  HavenApplication *self = HAVEN_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (haven_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);

  self->settings = create_settings ();
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::color-scheme",
                               G_CALLBACK (color_scheme_changed_cb), self,
                               G_CONNECT_SWAPPED);
      color_scheme_changed_cb (self, "color-scheme", self->settings);
    }
}

static gboolean
open_journal (HavenApplication  *self,
              GError           **error)
{
  g_autofree char *path = NULL;

  if (self->demo)
    {
      g_autoptr(GError) local_error = NULL;

      self->demo_dir = g_dir_make_tmp ("haven-demo-XXXXXX", &local_error);
      if (self->demo_dir == NULL)
        {
          g_set_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_IO,
                       _("The demo journal could not be made: %s"), local_error->message);
          return FALSE;
        }
      g_free (self->journal_path);
      self->journal_path = g_build_filename (self->demo_dir, "journal.db", NULL);
    }
  else if (self->journal_path == NULL)
    {
      self->journal_path = haven_store_dup_default_path ();
    }

  self->store = haven_store_open (self->journal_path, HAVEN_STORE_OPEN_NONE, error);

  return self->store != NULL;
}

static void
haven_application_activate (GApplication *app)
{
  HavenApplication *self = HAVEN_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL && self->open_error == NULL)
    {
      if (!open_journal (self, &self->open_error))
        g_debug ("The journal could not be opened (error %d)", self->open_error->code);
    }

  window = GTK_WINDOW (haven_window_new (self, self->store, self->open_error));
  gtk_window_present (window);
}

static gboolean
remove_tree (GFile  *file,
             GError **error)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFile *child;

      while (g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
        remove_tree (child, NULL);
    }

  return g_file_delete (file, NULL, error);
}

static void
haven_application_shutdown (GApplication *app)
{
  HavenApplication *self = HAVEN_APPLICATION (app);

  if (self->store != NULL)
    haven_store_close (self->store);

  /* A demo journal is throwaway by promise. */
  if (self->demo_dir != NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (self->demo_dir);
      g_autoptr(GError) error = NULL;

      if (!remove_tree (dir, &error))
        g_warning ("The demo journal could not be removed: %s", error->message);
    }

  G_APPLICATION_CLASS (haven_application_parent_class)->shutdown (app);
}

static void
haven_application_finalize (GObject *object)
{
  HavenApplication *self = (HavenApplication *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_error (&self->open_error);
  g_clear_pointer (&self->journal_path, g_free);
  g_clear_pointer (&self->demo_dir, g_free);

  G_OBJECT_CLASS (haven_application_parent_class)->finalize (object);
}

static void
haven_application_class_init (HavenApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = haven_application_finalize;

  app_class->handle_local_options = haven_application_handle_local_options;
  app_class->startup = haven_application_startup;
  app_class->activate = haven_application_activate;
  app_class->shutdown = haven_application_shutdown;
}

static void
haven_application_init (HavenApplication *self)
{
  const GOptionEntry entries[] = {
    { "journal", 'j', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
      N_("Use this journal file instead of the default one"), N_("PATH") },
    { "demo", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Open a throwaway journal filled with sample weeks; your own journal is not touched"),
      NULL },
    { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Haven: a private journal for working through "
                                              "conflicts with someone close."));
}

HavenApplication *
haven_application_new (void)
{
  return g_object_new (HAVEN_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_BASE,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

HavenStore *
haven_application_get_store (HavenApplication *self)
{
  g_return_val_if_fail (HAVEN_IS_APPLICATION (self), NULL);

  return self->store;
}

const char *
haven_application_get_journal_path (HavenApplication *self)
{
  g_return_val_if_fail (HAVEN_IS_APPLICATION (self), NULL);

  return self->journal_path;
}

gboolean
haven_application_is_demo (HavenApplication *self)
{
  g_return_val_if_fail (HAVEN_IS_APPLICATION (self), FALSE);

  return self->demo;
}

GSettings *
haven_application_get_settings (HavenApplication *self)
{
  g_return_val_if_fail (HAVEN_IS_APPLICATION (self), NULL);

  return self->settings;
}
