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
#include <glib-unix.h>
#include <locale.h>
#include <signal.h>
#include <string.h>

#include "haven-application.h"
#include "haven-backup.h"
#include "haven-demo.h"
#include "haven-export.h"
#include "haven-import.h"
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
  guint           backup_source;
  guint           signal_sources[2];  /* SIGINT, SIGTERM */
  gint64          started_us;
  HavenStore     *verify_store;   /* still to be checked, after the first frame */
  guint           verify_source;
  gboolean        open_early;     /* started from the command line: open while GTK starts */
  gboolean        empty_theme_named;  /* GTK_THEME set for GTK's settings (see below) */
  GThread        *open_thread;    /* opening it meanwhile; owns store and open_error */
};

/* A daily backup is looked for soon after start and then every hour, so a Haven left open
 * for days still makes one a day. */
#define FIRST_BACKUP_DELAY_S 30
#define BACKUP_INTERVAL_S    3600

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

/* The command line's export and import: no window, one line on success, a clear message and
 * a non-zero status on failure. */
static int
command_line_failed (const char   *what,
                     const GError *error)
{
  /* Translators: a failure on the command line: "Export failed: <reason>". */
  g_printerr (_("%s failed: %s"), what, error->message);
  g_printerr ("\n");

  return EXIT_FAILURE;
}

static int
run_export (const char *journal_path,
            const char *path,
            const char *format_name)
{
  g_autoptr(HavenStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary_text = NULL;
  HavenExportFormat format;
  HavenExportSummary summary;

  if (format_name == NULL)
    format = haven_export_format_for_path (path);
  else if (!haven_export_format_from_string (format_name, &format))
    {
      g_printerr (_("“%s” is not an export format: use json, markdown or csv."), format_name);
      g_printerr ("\n");
      return EXIT_FAILURE;
    }

  if (!g_file_test (journal_path, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("There is no journal at %s."), journal_path);
      g_printerr ("\n");
      return EXIT_FAILURE;
    }

  /* Read-only: an export never writes to the journal, even to bring it up to date. */
  store = haven_store_open (journal_path, HAVEN_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL ||
      !haven_export_to_file (store, format, path, NULL, &summary, NULL, &error))
    return command_line_failed (_("Export"), error);

  summary_text = haven_export_summary_describe (format, &summary);
  /* Translators: the first %s is a file, the second says how much went into it. */
  g_print (_("Exported to %s. %s"), path, summary_text);
  g_print ("\n");

  return EXIT_SUCCESS;
}

static gboolean
apply_import_choices (HavenImport         *import,
                      const char * const  *moods,
                      const char          *activities,
                      GError             **error)
{
  for (guint i = 0; moods != NULL && moods[i] != NULL; i++)
    {
      const char *equals = strrchr (moods[i], '=');
      g_autofree char *label = NULL;
      gint64 mood = 0;

      if (equals == NULL || !g_ascii_string_to_signed (equals + 1, 10, 1, 5, &mood, NULL))
        {
          g_set_error (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_INVALID_VALUE,
                       _("“%s” is not a mood choice: write it as WORD=NUMBER, with a number "
                         "from 1 to 5."), moods[i]);
          return FALSE;
        }

      label = g_strndup (moods[i], equals - moods[i]);
      if (!g_strv_contains (haven_import_get_mood_labels (import), label))
        {
          g_set_error (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_INVALID_VALUE,
                       _("The file has no mood called “%s”."), label);
          return FALSE;
        }
      haven_import_set_mood_for_label (import, label, (int)mood);
    }

  if (g_strcmp0 (activities, "tags") == 0)
    haven_import_set_activities_as (import, HAVEN_IMPORT_ACTIVITIES_AS_TAGS);
  else if (g_strcmp0 (activities, "raw-spots") == 0 || g_strcmp0 (activities, "pain-points") == 0)
    haven_import_set_activities_as (import, HAVEN_IMPORT_ACTIVITIES_AS_PAIN_POINTS);
  else if (activities != NULL)
    {
      g_set_error (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_INVALID_VALUE,
                   _("“%s” is not a choice for activities: use tags or raw-spots."), activities);
      return FALSE;
    }

  return TRUE;
}

static int
run_import (const char         *journal_path,
            const char         *path,
            const char * const *moods,
            const char         *activities)
{
  g_autoptr(HavenImport) import = NULL;
  g_autoptr(HavenStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts_text = NULL;
  g_autofree char *message = NULL;
  HavenImportCounts counts;

  if (!(import = haven_import_new_for_file (path, &error)) ||
      !apply_import_choices (import, moods, activities, &error) ||
      !(store = haven_store_open (journal_path, HAVEN_STORE_OPEN_NONE, &error)) ||
      !haven_import_run (import, store, &counts, &error))
    {
      message = g_strdup_printf ("%s %s", error->message, _("Nothing in the journal was changed."));
      g_free (error->message);
      error->message = g_steal_pointer (&message);
      return command_line_failed (_("Import"), error);
    }

  counts_text = haven_import_counts_describe (&counts);
  /* Translators: the first %s is a file, the second says what came from it. */
  g_print (_("Imported %s. %s"), path, counts_text);
  g_print ("\n");

  return EXIT_SUCCESS;
}

/* libadwaita puts its own stylesheet in place of GTK's theme: when it starts, it sets the
 * theme to "Adwaita-empty" (a blank one it provides), unless GTK_THEME names another. But
 * GTK has parsed its default theme by then, when libadwaita first asked for the display's
 * settings: some 80 million instructions, 12-15 ms of every start here, thrown away at once.
 * So Haven names the blank theme in GTK_THEME while GTK makes the settings, and takes the
 * variable away again before libadwaita looks at it; GTK then reads nothing it drops, and
 * the window looks exactly the same. A theme the user names in GTK_THEME is left alone.
 *
 * The variable is set here, while the process has no other thread, and is then the last in
 * the environment; taking the last one away only ends the list one place earlier, which is
 * safe with GLib's threads running (GTK itself unsets DESKTOP_STARTUP_ID at that time). */
static void
name_empty_theme_for_gtk (HavenApplication *self)
{
  if (g_getenv ("GTK_THEME") != NULL)
    return;

  g_setenv ("GTK_THEME", "Adwaita-empty", TRUE);
  self->empty_theme_named = TRUE;
}

static void
make_gtk_settings_with_empty_theme (HavenApplication *self)
{
  if (!self->empty_theme_named)
    return;

  gtk_init ();
  gtk_settings_get_default ();
  g_unsetenv ("GTK_THEME");
  self->empty_theme_named = FALSE;
}

static int
haven_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  HavenApplication *self = HAVEN_APPLICATION (app);
  const char *journal = NULL;
  const char *export_path = NULL;
  const char *import_path = NULL;
  const char *format = NULL;
  const char *activities = NULL;
  g_autofree const char **moods = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "Haven", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  g_variant_dict_lookup (options, "journal", "^&ay", &journal);
  g_variant_dict_lookup (options, "export", "^&ay", &export_path);
  g_variant_dict_lookup (options, "import", "^&ay", &import_path);
  g_variant_dict_lookup (options, "format", "&s", &format);
  g_variant_dict_lookup (options, "activities", "&s", &activities);
  g_variant_dict_lookup (options, "mood", "^a&s", &moods);
  self->demo = g_variant_dict_contains (options, "demo");

  if (export_path != NULL || import_path != NULL)
    {
      g_autofree char *journal_path = NULL;

      if (export_path != NULL && import_path != NULL)
        {
          g_printerr ("%s\n", _("Use either --export or --import, not both."));
          return EXIT_FAILURE;
        }
      if (self->demo)
        {
          g_printerr ("%s\n", _("--demo cannot be combined with --export or --import."));
          return EXIT_FAILURE;
        }
      if ((export_path != NULL && *export_path == '\0') ||
          (import_path != NULL && *import_path == '\0'))
        {
          g_printerr ("%s\n", _("--export and --import need the path of a file."));
          return EXIT_FAILURE;
        }

      journal_path = journal != NULL && *journal != '\0' ? g_canonicalize_filename (journal, NULL)
                                                         : haven_store_dup_default_path ();

      if (export_path != NULL)
        return run_export (journal_path, export_path, format);

      return run_import (journal_path, import_path, moods, activities);
    }

  if (format != NULL || activities != NULL || moods != NULL)
    {
      g_printerr ("%s\n", _("--format goes with --export; --mood and --activities go with "
                            "--import."));
      return EXIT_FAILURE;
    }

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

  self->open_early = TRUE;
  name_empty_theme_for_gtk (self);

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
read_icon_theme_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      icon_theme,
                        GCancellable *cancellable)
{
  gtk_icon_theme_has_icon (icon_theme, APPLICATION_ID);
  g_task_return_boolean (task, TRUE);
}

/* GTK starts reading the icon theme on a thread as soon as the display's theme is first asked
 * for, but GtkApplication and libadwaita then add their resource paths to it, and in GTK 4.8
 * each addition throws away what was read: the window read all of it again, on the main
 * thread, while it was first shown (9 ms here). It is read once more now that the paths are
 * set, on a thread, while the journal is opened and the window built. Lookups from the main
 * thread wait for it (GtkIconTheme takes a lock), so nothing is read twice. */
static void
read_icon_theme_in_background (void)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
  GtkIconTheme *icon_theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  g_task_set_task_data (task, g_object_ref (icon_theme), g_object_unref);
  g_task_run_in_thread (task, read_icon_theme_thread);
}

static gboolean open_journal (HavenApplication  *self,
                              GError           **error);

static gpointer
open_journal_thread (gpointer data)
{
  HavenApplication *self = data;

  open_journal (self, &self->open_error);

  return NULL;
}

/* The journal (or the demo, filled with ten weeks) until the thread opening it is done. */
static void
wait_for_journal (HavenApplication *self)
{
  if (self->open_thread != NULL)
    g_thread_join (g_steal_pointer (&self->open_thread));
}

/* Asked to stop (Ctrl+C in a terminal, the session ending), Haven quits as from its menu:
 * each window saves what it holds, the journal is closed, and a demo journal removed. */
static gboolean
quit_on_signal_cb (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);

  return G_SOURCE_CONTINUE;
}

static void
haven_application_startup (GApplication *app)
{
  HavenApplication *self = HAVEN_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  /* As GtkApplication sets it for gtk/help-overlay.ui, which Haven builds later itself. */
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  make_gtk_settings_with_empty_theme (self);

  /* Started from the command line, Haven opens the journal (and fills the demo) on a thread
   * while GTK starts up, which takes the main thread some 80 ms: the store needs no GTK, and
   * nothing reads the journal before the window is made (activate waits for the thread).
   * Applications made in the tests are not started that way, and open it when activated. */
  if (self->open_early)
    self->open_thread = g_thread_new ("haven-open", open_journal_thread, self);

  G_APPLICATION_CLASS (haven_application_parent_class)->startup (app);
  read_icon_theme_in_background ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  self->signal_sources[0] = g_unix_signal_add (SIGINT, quit_on_signal_cb, self);
  self->signal_sources[1] = g_unix_signal_add (SIGTERM, quit_on_signal_cb, self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         shortcuts_accels);

  self->settings = create_settings ();
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::color-scheme",
                               G_CALLBACK (color_scheme_changed_cb), self,
                               G_CONNECT_SWAPPED);
      color_scheme_changed_cb (self, "color-scheme", self->settings);
    }
}

#define DEMO_WEEKS 10

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

  /* The full integrity check runs in a thread once the window is up (verify_journal). */
  self->store = haven_store_open (self->journal_path, HAVEN_STORE_OPEN_DEFER_CHECK, error);
  if (self->store == NULL)
    return FALSE;

  /* Ten weeks of an ordinary couple's life, ending now, in the interface language: enough
   * for every chart and the weekly look back to have something to show. */
  if (self->demo &&
      !haven_demo_fill (self->store, haven_time_now (), DEMO_WEEKS, g_random_int (), error))
    {
      g_clear_object (&self->store);
      return FALSE;
    }

  return TRUE;
}

static void
daily_backup_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = haven_backup_make_finish (result, &error);

  /* Only the error code: a path names the person's folders. */
  if (error != NULL)
    g_debug ("The daily backup failed (error %d)", error->code);
  else if (path != NULL)
    g_debug ("The daily backup was made");
}

static gboolean
daily_backup_cb (gpointer user_data)
{
  HavenApplication *self = user_data;

  if (self->store != NULL)
    haven_backup_make_async (haven_store_get_path (self->store), TRUE, NULL,
                             daily_backup_done_cb, NULL);

  return G_SOURCE_CONTINUE;
}

static gboolean
first_backup_cb (gpointer user_data)
{
  HavenApplication *self = user_data;

  daily_backup_cb (self);
  self->backup_source = g_timeout_add_seconds (BACKUP_INTERVAL_S, daily_backup_cb, self);

  return G_SOURCE_REMOVE;
}

static void
schedule_backups (HavenApplication *self)
{
  /* A demo journal is throwaway; it gets no backups. */
  if (self->demo || self->store == NULL || self->backup_source != 0)
    return;

  self->backup_source = g_timeout_add_seconds (FIRST_BACKUP_DELAY_S, first_backup_cb, self);
}

static void
journal_verified_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(HavenApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (haven_store_verify_finish (HAVEN_STORE (source), result, &error))
    return;

  /* Damaged after all: nothing has been or will be written; say so as on a failed start. */
  g_debug ("The journal failed its integrity check (error %d)", error->code);
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));
      window = windows ? windows->data : NULL;
    }
  if (HAVEN_IS_WINDOW (window))
    haven_window_show_problem (HAVEN_WINDOW (window), error);
}

/* The integrity check reads the whole journal in a thread. It waits for the window's first
 * frame: on a machine with few cores it would otherwise compete with drawing it. A window
 * that is never drawn (hidden at once) still gets its journal checked, a moment later. */
#define VERIFY_AT_THE_LATEST_MS 2000

static void
start_verify (HavenApplication *self)
{
  g_clear_handle_id (&self->verify_source, g_source_remove);

  if (self->verify_store == NULL)
    return;

  haven_store_verify_async (self->verify_store, NULL, journal_verified_cb, g_object_ref (self));
  g_clear_object (&self->verify_store);
}

static gboolean
verify_timeout_cb (gpointer user_data)
{
  HavenApplication *self = user_data;

  self->verify_source = 0;
  start_verify (self);

  return G_SOURCE_REMOVE;
}

static void
first_frame_cb (GdkFrameClock    *clock,
                HavenApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);

  /* For the benchmark: the time to the first frame, measured from inside. */
  if (self->started_us != 0 && g_strcmp0 (g_getenv ("HAVEN_REPORT_STARTUP"), "1") == 0)
    {
      char ms[G_ASCII_DTOSTR_BUF_SIZE];

      /* With a decimal point in every language: the benchmark reads it. */
      g_ascii_formatd (ms, sizeof ms, "%.1f", (g_get_monotonic_time () - self->started_us) / 1000.0);
      g_printerr ("startup-ms %s\n", ms);
      self->started_us = 0;
    }

  start_verify (self);
}

static void
window_mapped_cb (GtkWidget        *window,
                  HavenApplication *self)
{
  g_signal_handlers_disconnect_by_func (window, window_mapped_cb, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (first_frame_cb), self, 0);
}

void
haven_application_set_started (HavenApplication *self,
                               gint64            started_us)
{
  g_return_if_fail (HAVEN_IS_APPLICATION (self));

  self->started_us = started_us;
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

  wait_for_journal (self);
  if (self->store == NULL && self->open_error == NULL)
    open_journal (self, &self->open_error);
  /* Opened here or on the thread: said either way. */
  if (self->open_error != NULL)
    g_debug ("The journal could not be opened (error %d)", self->open_error->code);

  window = GTK_WINDOW (haven_window_new (self, self->store, self->open_error));

  if (self->store != NULL)
    {
      g_set_object (&self->verify_store, self->store);
      g_clear_handle_id (&self->verify_source, g_source_remove);
      self->verify_source = g_timeout_add (VERIFY_AT_THE_LATEST_MS, verify_timeout_cb, self);
    }
  g_signal_connect_object (window, "map", G_CALLBACK (window_mapped_cb), self, 0);

  gtk_window_present (window);
  schedule_backups (self);
}

void
haven_application_reopen_journal (HavenApplication *self)
{
  GtkWindow *old_window;

  g_return_if_fail (HAVEN_IS_APPLICATION (self));

  /* Without a window manager (tests) no window is active: the newest one is the one. */
  old_window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (old_window == NULL && gtk_application_get_windows (GTK_APPLICATION (self)) != NULL)
    old_window = gtk_application_get_windows (GTK_APPLICATION (self))->data;
  if (old_window != NULL)
    g_object_ref (old_window);

  g_clear_handle_id (&self->verify_source, g_source_remove);
  g_clear_object (&self->verify_store);
  if (self->store != NULL)
    haven_store_close (self->store);
  g_clear_object (&self->store);
  g_clear_error (&self->open_error);

  /* Held meanwhile, so that the application never runs out of windows and quits. */
  g_application_hold (G_APPLICATION (self));
  if (old_window != NULL)
    gtk_application_remove_window (GTK_APPLICATION (self), old_window);
  haven_application_activate (G_APPLICATION (self));
  g_application_release (G_APPLICATION (self));

  if (old_window != NULL)
    {
      gtk_window_destroy (old_window);
      g_object_unref (old_window);
    }
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

  wait_for_journal (self);
  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);
  g_clear_handle_id (&self->backup_source, g_source_remove);
  g_clear_handle_id (&self->verify_source, g_source_remove);
  g_clear_object (&self->verify_store);

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
  g_clear_object (&self->verify_store);
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
    { "export", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
      N_("Export the journal to FILE without opening a window"), N_("FILE") },
    { "format", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("With --export: json (to import again), markdown (to read) or csv (check-ins); "
         "by default from the file’s extension"), N_("FORMAT") },
    { "import", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
      N_("Import a Haven export or a Daylio CSV export into the journal without opening a "
         "window"), N_("FILE") },
    { "mood", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, NULL,
      N_("With --import of a Daylio file: the Haven mood (1–5) for one of its mood words; "
         "repeat for each"), N_("WORD=NUMBER") },
    { "activities", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("With --import of a Daylio file: tags (the default) or raw-spots"), N_("KIND") },
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
