/* haven-scale-input.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Eleven buttons rather than a slider: one tap, no dragging, and nothing is chosen until
 * the person chooses, so a skipped scale is not mistaken for a zero.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-scale-input.h"

struct _HavenScaleInput
{
  AdwBin           parent_instance;

  GtkBox          *buttons;
  GtkLabel        *low_label;
  GtkLabel        *high_label;
  GtkToggleButton *toggles[11];
  int              value;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (HavenScaleInput, haven_scale_input, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toggled_cb (HavenScaleInput *self,
            GtkToggleButton *button)
{
  int value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "value"));

  if (self->updating)
    return;

  if (gtk_toggle_button_get_active (button))
    haven_scale_input_set_value (self, value);
  else if (self->value == value)
    haven_scale_input_set_value (self, -1);
}

static void
haven_scale_input_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HAVEN_TYPE_SCALE_INPUT);

  G_OBJECT_CLASS (haven_scale_input_parent_class)->dispose (object);
}

static void
haven_scale_input_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HavenScaleInput *self = HAVEN_SCALE_INPUT (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_int (value, self->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_scale_input_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HavenScaleInput *self = HAVEN_SCALE_INPUT (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      haven_scale_input_set_value (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_scale_input_class_init (HavenScaleInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_scale_input_dispose;
  object_class->get_property = haven_scale_input_get_property;
  object_class->set_property = haven_scale_input_set_property;

  properties[PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL, -1, 10, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/haven-scale-input.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenScaleInput, buttons);
  gtk_widget_class_bind_template_child (widget_class, HavenScaleInput, low_label);
  gtk_widget_class_bind_template_child (widget_class, HavenScaleInput, high_label);
}

static void
haven_scale_input_init (HavenScaleInput *self)
{
  self->value = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int i = 0; i <= 10; i++)
    {
      g_autofree char *label = g_strdup_printf ("%d", i);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      g_object_set_data (G_OBJECT (button), "value", GINT_TO_POINTER (i));
      g_signal_connect_object (button, "toggled", G_CALLBACK (toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_add_css_class (button, "scale-step");
      gtk_box_append (self->buttons, button);
      self->toggles[i] = GTK_TOGGLE_BUTTON (button);
    }
}

HavenScaleInput *
haven_scale_input_new (const char *low_label,
                       const char *high_label)
{
  HavenScaleInput *self = g_object_new (HAVEN_TYPE_SCALE_INPUT, NULL);
  g_autofree char *low = g_strdup_printf ("0 · %s", low_label ? low_label : "");
  g_autofree char *high = g_strdup_printf ("%s · 10", high_label ? high_label : "");

  gtk_label_set_label (self->low_label, low);
  gtk_label_set_label (self->high_label, high);

  for (int i = 0; i <= 10; i++)
    {
      g_autofree char *description = NULL;

      if (i == 0 && low_label != NULL)
        description = g_strdup_printf ("0, %s", low_label);
      else if (i == 10 && high_label != NULL)
        description = g_strdup_printf ("10, %s", high_label);

      if (description != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggles[i]),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
    }

  return self;
}

int
haven_scale_input_get_value (HavenScaleInput *self)
{
  g_return_val_if_fail (HAVEN_IS_SCALE_INPUT (self), -1);

  return self->value;
}

void
haven_scale_input_set_value (HavenScaleInput *self,
                             int              value)
{
  g_return_if_fail (HAVEN_IS_SCALE_INPUT (self));
  g_return_if_fail (value >= -1 && value <= 10);

  if (self->value == value)
    return;

  self->value = value;

  self->updating = TRUE;
  for (int i = 0; i <= 10; i++)
    gtk_toggle_button_set_active (self->toggles[i], i == value);
  self->updating = FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}
