/* haven-test-ui.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "haven-test-ui.h"
#include "haven-ui-util.h"

static gboolean dark_mode;

char *
haven_test_ui_use_private_home (void)
{
  static const char *user_dirs[] = {
    "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;

  /* Private user directories, but the system's data directories: GLib's ISOLATE_DIRS would
   * hide the icon theme and the MIME database, and with them every icon. */
  home = g_dir_make_tmp ("haven-ui-test-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (user_dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, user_dirs[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (user_dirs[i], dir, TRUE);
    }
  g_setenv ("HOME", home, TRUE);

  return g_steal_pointer (&home);
}

HavenApplication *
haven_test_ui_init (int    *argc,
                    char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = haven_test_ui_use_private_home ();
  HavenApplication *app;

  haven_i18n_init ();
  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();

  /* Screenshots show where things are, not where they are on their way to. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = haven_application_new ();
  /* Tests must never talk to a running Haven. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) |
                           G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

const char *
haven_test_ui_language (void)
{
  const char *language = g_getenv ("LANGUAGE");

  return language != NULL && g_str_has_prefix (language, "nl") ? "nl" : "en";
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
haven_test_ui_wait_for (const gboolean *done,
                        guint           timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!*done && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return *done;
}

void
haven_test_ui_iterate (guint ms)
{
  gboolean never = FALSE;

  haven_test_ui_wait_for (&never, ms);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

void
haven_test_ui_present (GtkWindow *window)
{
  gboolean painted = FALSE;
  GdkFrameClock *clock;
  gulong handler;

  gtk_window_present (window);

  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  g_assert_true (haven_test_ui_wait_for (&painted, 5000));
  g_signal_handler_disconnect (clock, handler);

  /* Let size-dependent widgets (leaflets, wrapping labels) settle. */
  haven_test_ui_iterate (50);
}

void
haven_test_ui_set_dark (gboolean dark)
{
  dark_mode = dark;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  haven_test_ui_iterate (50);
}

GdkTexture *
haven_test_ui_render (GtkWidget  *widget,
                      const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  GdkTexture *texture;
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  /* A widget just shown (an expander's child, a page) gets its size at the next layout; on
   * a loaded machine (sanitizers, tests in parallel) that can take a while. */
  for (guint waited = 0; (width <= 0 || height <= 0) && waited < 5000; waited += 20)
    {
      haven_test_ui_iterate (20);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
    }

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);

  /* What is left for idle time first (a text view lays its lines out a few at a time): the
   * picture is of the page as it settles, not of it half laid out. Bounded: animations and
   * blinking carets keep sources coming. */
  for (guint i = 0; i < 500 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);

  /* Render what is on screen after the next frame: layout settles first. Under load a
   * snapshot can come out empty while a frame is in progress; then wait for another. */
  for (guint attempt = 0; node == NULL && attempt < 20; attempt++)
    {
      gboolean painted = FALSE;
      GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
      gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb),
                                         &painted);

      gtk_widget_queue_draw (widget);
      haven_test_ui_wait_for (&painted, 2000);
      g_signal_handler_disconnect (clock, handler);
      haven_test_ui_iterate (10);

      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  texture = gsk_renderer_render_texture (renderer, node, &bounds);

  dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                          "screenshots", NULL);
  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s-%s%s.png", name, haven_test_ui_language (),
                          dark_mode ? "-dark" : "");
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("rendered %s", path);

  return texture;
}

GtkWidget *
haven_test_ui_find (GtkWidget *root,
                    GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = haven_test_ui_find (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
button_matches (GtkWidget  *widget,
                const char *text)
{
  const char *label = NULL;
  const char *tooltip = haven_widget_get_tooltip (widget);

  if (GTK_IS_BUTTON (widget))
    label = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_MENU_BUTTON (widget))
    label = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
  else
    return FALSE;

  if (!gtk_widget_is_drawable (widget))
    return FALSE;

  return g_strcmp0 (label, text) == 0 || g_strcmp0 (tooltip, text) == 0;
}

GtkWidget *
haven_test_ui_find_button (GtkWidget  *root,
                           const char *text)
{
  if (button_matches (root, text))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = haven_test_ui_find_button (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

guint32
haven_test_ui_pixel (GdkTexture *texture,
                     int         x,
                     int         y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *data = NULL;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, <, height);

  /* GdkTextureDownloader is 4.10: download the whole texture, as 4.8 allows. */
  data = g_new (guint32, (gsize)width * height);
  gdk_texture_download (texture, (guchar *)data, width * 4);

  return data[y * width + x];
}

void
haven_test_ui_resize (GtkWindow *window,
                      int        width,
                      int        height)
{
  gtk_window_set_default_size (window, width, height);
  /* The X server resizes in its own time; a loaded machine (ASan, tests in parallel) takes
   * longer. A window can end up a little wider than asked, never much. */
  for (guint waited = 0;
       gtk_widget_get_mapped (GTK_WIDGET (window)) &&
       gtk_widget_get_width (GTK_WIDGET (window)) > width + 20 && waited < 5000;
       waited += 20)
    haven_test_ui_iterate (20);
  haven_test_ui_iterate (100);
}

void
haven_test_ui_activate (gpointer    widget,
                        const char *action,
                        const char *format,
                        ...)
{
  GVariant *parameter = NULL;
  va_list args;

  if (format != NULL)
    {
      va_start (args, format);
      parameter = g_variant_new_va (format, NULL, &args);
      va_end (args);
    }

  if (parameter != NULL)
    g_variant_ref_sink (parameter);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (widget), action, parameter));
  g_clear_pointer (&parameter, g_variant_unref);
  haven_test_ui_iterate (20);
}
