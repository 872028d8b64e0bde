/* haven-preferences-window.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "haven-preferences-window.h"

struct _HavenPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  AdwComboRow          *color_scheme_row;
};

G_DEFINE_FINAL_TYPE (HavenPreferencesWindow, haven_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static void
color_scheme_selected_cb (HavenPreferencesWindow *self,
                          GParamSpec             *pspec,
                          AdwComboRow            *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->settings != NULL && selected != GTK_INVALID_LIST_POSITION &&
      (int)selected != g_settings_get_enum (self->settings, "color-scheme"))
    g_settings_set_enum (self->settings, "color-scheme", (int)selected);
}

static void
haven_preferences_window_dispose (GObject *object)
{
  HavenPreferencesWindow *self = (HavenPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (haven_preferences_window_parent_class)->dispose (object);
}

static void
haven_preferences_window_class_init (HavenPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/haven-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_callback (widget_class, color_scheme_selected_cb);
}

static void
haven_preferences_window_init (HavenPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HavenPreferencesWindow *
haven_preferences_window_new (GSettings *settings)
{
  HavenPreferencesWindow *self = g_object_new (HAVEN_TYPE_PREFERENCES_WINDOW, NULL);

  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      adw_combo_row_set_selected (self->color_scheme_row,
                                  g_settings_get_enum (settings, "color-scheme"));
    }
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->color_scheme_row), FALSE);
    }

  return self;
}
