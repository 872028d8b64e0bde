/* haven-breathing-guide.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The circle grows while breathing in and shrinks, more slowly, while breathing out. The
 * session has a length the person chooses and shows what is left; pausing keeps the time
 * breathed so far. With animations turned off the circle moves in steps, once a second.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "haven-breathing-guide.h"

static const guint session_minutes[] = { 1, 2, 3, 5 };

struct _HavenBreathingGuide
{
  AdwBin          parent_instance;

  GtkDrawingArea *circle;
  GtkLabel       *phase_label;
  GtkLabel       *time_label;
  GtkDropDown    *minutes_dropdown;
  GtkStringList  *minutes_model;
  GtkButton      *start_button;

  double          done_seconds;    /* breathed before the current run */
  gint64          run_started_us;  /* 0 when paused */
  guint           tick_id;
  guint           minutes;
  HavenBreath     last_breath;
};

G_DEFINE_FINAL_TYPE (HavenBreathingGuide, haven_breathing_guide, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SECONDS,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

HavenBreath
haven_breath_at (double  seconds,
                 double *fullness)
{
  double cycle = HAVEN_BREATHE_IN_SECONDS + HAVEN_BREATHE_OUT_SECONDS;
  double t = fmod (MAX (seconds, 0), cycle);
  double f;
  HavenBreath breath;

  if (t < HAVEN_BREATHE_IN_SECONDS)
    {
      breath = HAVEN_BREATH_IN;
      f = t / HAVEN_BREATHE_IN_SECONDS;
    }
  else
    {
      breath = HAVEN_BREATH_OUT;
      f = 1.0 - (t - HAVEN_BREATHE_IN_SECONDS) / HAVEN_BREATHE_OUT_SECONDS;
    }

  /* Ease in and out: a breath speeds up and slows down, it does not move at one pace. */
  if (fullness != NULL)
    *fullness = 0.5 - 0.5 * cos (f * G_PI);

  return breath;
}

static double
elapsed (HavenBreathingGuide *self)
{
  double seconds = self->done_seconds;

  if (self->run_started_us != 0)
    seconds += (g_get_monotonic_time () - self->run_started_us) / (double)G_USEC_PER_SEC;

  return seconds;
}

static double
session_seconds (HavenBreathingGuide *self)
{
  return self->minutes * 60.0;
}

static void
update_labels (HavenBreathingGuide *self)
{
  double seconds = elapsed (self);
  double left = MAX (0, session_seconds (self) - seconds);
  g_autofree char *time = NULL;
  gboolean running = self->run_started_us != 0;
  gboolean finished = left <= 0;
  HavenBreath breath = haven_breath_at (seconds, NULL);

  if (finished)
    gtk_label_set_label (self->phase_label, _("Well done"));
  else if (!running && seconds < 0.5)
    gtk_label_set_label (self->phase_label, _("Ready when you are"));
  else if (!running)
    gtk_label_set_label (self->phase_label, _("Paused"));
  else
    gtk_label_set_label (self->phase_label,
                         breath == HAVEN_BREATH_IN ? _("Breathe in") : _("Breathe out"));

  /* Translators: time left in a breathing session, minutes and seconds */
  time = g_strdup_printf (_("%u:%02u left"), (guint)ceil (left) / 60, (guint)ceil (left) % 60);
  gtk_label_set_label (self->time_label, time);

  gtk_button_set_label (self->start_button,
                        running ? _("Pause") : finished ? _("Again")
                                 : seconds >= 0.5 ? _("Go On") : _("Start"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->minutes_dropdown), !running);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->circle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_label (self->phase_label), -1);
}

static void
draw_circle (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  HavenBreathingGuide *self = user_data;
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (area));
  double size = MIN (width, height);
  double fullness = 0;
  double radius;
  GdkRGBA accent;

  if (!gtk_style_context_lookup_color (style, "accent_bg_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");

  if (elapsed (self) > 0 && elapsed (self) < session_seconds (self))
    haven_breath_at (elapsed (self), &fullness);

  /* The outline of a full breath, so there is somewhere to breathe to. */
  cairo_arc (cr, width / 2.0, height / 2.0, size / 2.0 - 2, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.25);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);

  radius = (size / 2.0 - 4) * (0.35 + 0.65 * fullness);
  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.35 + 0.3 * fullness);
  cairo_fill (cr);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  HavenBreathingGuide *self = user_data;

  if (elapsed (self) >= session_seconds (self))
    {
      haven_breathing_guide_pause (self);
      return G_SOURCE_REMOVE;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self->circle));
  update_labels (self);

  return G_SOURCE_CONTINUE;
}

static void
toggle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HavenBreathingGuide *self = HAVEN_BREATHING_GUIDE (widget);

  if (haven_breathing_guide_get_running (self))
    {
      haven_breathing_guide_pause (self);
      return;
    }

  if (elapsed (self) >= session_seconds (self))
    haven_breathing_guide_set_seconds (self, 0);

  haven_breathing_guide_start (self);
}

static void
minutes_changed_cb (HavenBreathingGuide *self)
{
  guint selected = gtk_drop_down_get_selected (self->minutes_dropdown);

  if (selected < G_N_ELEMENTS (session_minutes))
    self->minutes = session_minutes[selected];

  update_labels (self);
}

static void
haven_breathing_guide_unmap (GtkWidget *widget)
{
  /* Nobody breathes along with a hidden circle. */
  haven_breathing_guide_pause (HAVEN_BREATHING_GUIDE (widget));

  GTK_WIDGET_CLASS (haven_breathing_guide_parent_class)->unmap (widget);
}

static void
haven_breathing_guide_dispose (GObject *object)
{
  HavenBreathingGuide *self = (HavenBreathingGuide *)object;

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->circle), self->tick_id);
  self->tick_id = 0;

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_BREATHING_GUIDE);

  G_OBJECT_CLASS (haven_breathing_guide_parent_class)->dispose (object);
}

static void
haven_breathing_guide_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HavenBreathingGuide *self = HAVEN_BREATHING_GUIDE (object);

  switch (prop_id)
    {
    case PROP_SECONDS:
      g_value_set_uint (value, haven_breathing_guide_get_seconds (self));
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, haven_breathing_guide_get_running (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_breathing_guide_class_init (HavenBreathingGuideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_breathing_guide_dispose;
  object_class->get_property = haven_breathing_guide_get_property;
  widget_class->unmap = haven_breathing_guide_unmap;

  properties[PROP_SECONDS] =
    g_param_spec_uint ("seconds", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/haven-breathing-guide.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenBreathingGuide, circle);
  gtk_widget_class_bind_template_child (widget_class, HavenBreathingGuide, phase_label);
  gtk_widget_class_bind_template_child (widget_class, HavenBreathingGuide, time_label);
  gtk_widget_class_bind_template_child (widget_class, HavenBreathingGuide, minutes_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HavenBreathingGuide, minutes_model);
  gtk_widget_class_bind_template_child (widget_class, HavenBreathingGuide, start_button);

  gtk_widget_class_install_action (widget_class, "breathing.toggle", NULL, toggle_action);
}

static void
haven_breathing_guide_init (HavenBreathingGuide *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (session_minutes); i++)
    {
      g_autofree char *label =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes",
                                      session_minutes[i]),
                         session_minutes[i]);
      gtk_string_list_append (self->minutes_model, label);
    }

  /* Two minutes: long enough to feel a difference, short enough to start. */
  self->minutes = 2;
  gtk_drop_down_set_selected (self->minutes_dropdown, 1);
  g_signal_connect_object (self->minutes_dropdown, "notify::selected",
                           G_CALLBACK (minutes_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_drawing_area_set_draw_func (self->circle, draw_circle, self, NULL);
  update_labels (self);
}

HavenBreathingGuide *
haven_breathing_guide_new (void)
{
  return g_object_new (HAVEN_TYPE_BREATHING_GUIDE, NULL);
}

gboolean
haven_breathing_guide_get_running (HavenBreathingGuide *self)
{
  g_return_val_if_fail (HAVEN_IS_BREATHING_GUIDE (self), FALSE);

  return self->run_started_us != 0;
}

void
haven_breathing_guide_start (HavenBreathingGuide *self)
{
  g_return_if_fail (HAVEN_IS_BREATHING_GUIDE (self));

  if (self->run_started_us != 0)
    return;

  self->run_started_us = g_get_monotonic_time ();
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->circle), tick_cb, self, NULL);
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

void
haven_breathing_guide_pause (HavenBreathingGuide *self)
{
  g_return_if_fail (HAVEN_IS_BREATHING_GUIDE (self));

  if (self->run_started_us == 0)
    return;

  self->done_seconds = MIN (elapsed (self), session_seconds (self));
  self->run_started_us = 0;
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->circle), self->tick_id);
  self->tick_id = 0;

  update_labels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->circle));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS]);
}

guint
haven_breathing_guide_get_seconds (HavenBreathingGuide *self)
{
  g_return_val_if_fail (HAVEN_IS_BREATHING_GUIDE (self), 0);

  return (guint)elapsed (self);
}

void
haven_breathing_guide_set_seconds (HavenBreathingGuide *self,
                                   guint                seconds)
{
  g_return_if_fail (HAVEN_IS_BREATHING_GUIDE (self));

  self->done_seconds = seconds;
  if (self->run_started_us != 0)
    self->run_started_us = g_get_monotonic_time ();

  update_labels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->circle));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS]);
}

guint
haven_breathing_guide_get_minutes (HavenBreathingGuide *self)
{
  g_return_val_if_fail (HAVEN_IS_BREATHING_GUIDE (self), 0);

  return self->minutes;
}
