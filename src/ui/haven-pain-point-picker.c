/* haven-pain-point-picker.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Raw spots are the person's own vocabulary: the ones they named before come first (the
 * most used first), a few common ones are offered as suggestions, and a new one can be
 * named in their own words. Choosing a suggestion or naming a new one adds it to the
 * journal's list of raw spots right away, so that it has an id to link to.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-pain-point-picker.h"
#include "haven-vocabulary.h"

struct _HavenPainPointPicker
{
  AdwBin      parent_instance;

  HavenStore *store;
  GArray     *selected;     /* gint64, sorted */
  gboolean    updating;

  GtkFlowBox *known_box;
  GtkFlowBox *suggestion_box;
  GtkLabel   *suggestions_label;
  GtkEntry   *name_entry;
  GtkLabel   *error_label;
};

G_DEFINE_FINAL_TYPE (HavenPainPointPicker, haven_pain_point_picker, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (HavenPainPointPicker *self);

static gboolean
is_selected (HavenPainPointPicker *self,
             gint64                id)
{
  for (guint i = 0; i < self->selected->len; i++)
    {
      if (g_array_index (self->selected, gint64, i) == id)
        return TRUE;
    }

  return FALSE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

static void
select_id (HavenPainPointPicker *self,
           gint64                id,
           gboolean              selected)
{
  if (selected == is_selected (self, id))
    return;

  if (selected)
    {
      g_array_append_val (self->selected, id);
      g_array_sort (self->selected, compare_ids);
    }
  else
    {
      for (guint i = 0; i < self->selected->len; i++)
        {
          if (g_array_index (self->selected, gint64, i) == id)
            {
              g_array_remove_index (self->selected, i);
              break;
            }
        }
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
known_toggled_cb (HavenPainPointPicker *self,
                  GtkToggleButton      *chip)
{
  gint64 id = *(gint64 *)g_object_get_data (G_OBJECT (chip), "pain-point-id");

  if (!self->updating)
    select_id (self, id, gtk_toggle_button_get_active (chip));
}

static void
show_error (HavenPainPointPicker *self,
            const GError         *error)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (error != NULL)
    gtk_label_set_label (self->error_label, error->message);
}

static void
suggestion_clicked_cb (HavenPainPointPicker *self,
                       GtkButton            *chip)
{
  g_autoptr(GError) error = NULL;

  if (!haven_pain_point_picker_add (self, gtk_button_get_label (chip), &error))
    show_error (self, error);
}

static void
add_activated_cb (HavenPainPointPicker *self)
{
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));

  if (!haven_pain_point_picker_add (self, name, &error))
    {
      show_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
}

static void
clear_flow_box (GtkFlowBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
}

static void
rebuild (HavenPainPointPicker *self)
{
  g_autoptr(GListModel) known = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const HavenWord *suggestions;
  guint n_suggestions;
  guint n_shown = 0;

  clear_flow_box (self->known_box);
  clear_flow_box (self->suggestion_box);

  if (self->store == NULL)
    return;

  known = haven_store_list_pain_points (self->store, NULL);

  self->updating = TRUE;
  for (guint i = 0; known != NULL && i < g_list_model_get_n_items (known); i++)
    {
      g_autoptr(HavenPainPoint) point = g_list_model_get_item (known, i);
      GtkWidget *chip = gtk_toggle_button_new_with_label (haven_pain_point_get_name (point));
      gint64 *id = g_new (gint64, 1);

      *id = haven_pain_point_get_id (point);
      g_object_set_data_full (G_OBJECT (chip), "pain-point-id", id, g_free);
      gtk_widget_add_css_class (chip, "chip");
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip), is_selected (self, *id));
      g_signal_connect_object (chip, "toggled", G_CALLBACK (known_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->known_box, chip);

      g_hash_table_add (names, g_utf8_casefold (haven_pain_point_get_name (point), -1));
    }
  self->updating = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->known_box),
                          known != NULL && g_list_model_get_n_items (known) > 0);

  suggestions = haven_vocabulary_get (HAVEN_VOCABULARY_PAIN_POINT_SUGGESTIONS, &n_suggestions);
  for (guint i = 0; i < n_suggestions; i++)
    {
      const char *label = _(suggestions[i].label);
      g_autofree char *key = g_utf8_casefold (label, -1);
      GtkWidget *chip;

      if (g_hash_table_contains (names, key))
        continue;

      chip = gtk_button_new_with_label (label);
      gtk_widget_add_css_class (chip, "chip");
      gtk_widget_set_tooltip_text (chip, _("Add this raw spot"));
      g_signal_connect_object (chip, "clicked", G_CALLBACK (suggestion_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->suggestion_box, chip);
      n_shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_label), n_shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_box), n_shown > 0);
}

static void
haven_pain_point_picker_dispose (GObject *object)
{
  HavenPainPointPicker *self = (HavenPainPointPicker *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_PAIN_POINT_PICKER);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (haven_pain_point_picker_parent_class)->dispose (object);
}

static void
haven_pain_point_picker_finalize (GObject *object)
{
  HavenPainPointPicker *self = (HavenPainPointPicker *)object;

  g_array_unref (self->selected);

  G_OBJECT_CLASS (haven_pain_point_picker_parent_class)->finalize (object);
}

static void
haven_pain_point_picker_class_init (HavenPainPointPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_pain_point_picker_dispose;
  object_class->finalize = haven_pain_point_picker_finalize;

  /**
   * HavenPainPointPicker::changed:
   *
   * The chosen raw spots changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/haven-pain-point-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenPainPointPicker, known_box);
  gtk_widget_class_bind_template_child (widget_class, HavenPainPointPicker, suggestion_box);
  gtk_widget_class_bind_template_child (widget_class, HavenPainPointPicker, suggestions_label);
  gtk_widget_class_bind_template_child (widget_class, HavenPainPointPicker, name_entry);
  gtk_widget_class_bind_template_child (widget_class, HavenPainPointPicker, error_label);
  gtk_widget_class_bind_template_callback (widget_class, add_activated_cb);
}

static void
haven_pain_point_picker_init (HavenPainPointPicker *self)
{
  self->selected = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
}

HavenPainPointPicker *
haven_pain_point_picker_new (HavenStore *store)
{
  HavenPainPointPicker *self = g_object_new (HAVEN_TYPE_PAIN_POINT_PICKER, NULL);

  g_set_object (&self->store, store);
  rebuild (self);

  return self;
}

const gint64 *
haven_pain_point_picker_get_selected (HavenPainPointPicker *self,
                                      guint                *n_ids)
{
  g_return_val_if_fail (HAVEN_IS_PAIN_POINT_PICKER (self), NULL);

  if (n_ids != NULL)
    *n_ids = self->selected->len;

  return (const gint64 *)(gpointer)self->selected->data;
}

void
haven_pain_point_picker_set_selected (HavenPainPointPicker *self,
                                      const gint64         *ids,
                                      guint                 n_ids)
{
  g_return_if_fail (HAVEN_IS_PAIN_POINT_PICKER (self));

  g_array_set_size (self->selected, 0);
  g_array_append_vals (self->selected, ids, n_ids);
  g_array_sort (self->selected, compare_ids);
  rebuild (self);
}

gboolean
haven_pain_point_picker_add (HavenPainPointPicker  *self,
                             const char            *name,
                             GError               **error)
{
  g_autoptr(HavenPainPoint) point = NULL;

  g_return_val_if_fail (HAVEN_IS_PAIN_POINT_PICKER (self), FALSE);

  point = haven_store_add_pain_point (self->store, name, error);
  if (point == NULL)
    return FALSE;

  show_error (self, NULL);
  select_id (self, haven_pain_point_get_id (point), TRUE);
  rebuild (self);

  return TRUE;
}
