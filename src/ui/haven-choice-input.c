/* haven-choice-input.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Short vocabularies with explanations (reactions, patterns) are a list of rows, so the
 * hint under each word can be read; long ones (emotions, body signals) are chips that fit
 * many to a line, grouped where the vocabulary has groups.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-choice-input.h"

struct _HavenChoiceInput
{
  AdwBin           parent_instance;

  GtkBox          *box;
  HavenVocabulary  vocabulary;
  gboolean         multiple;
  GPtrArray       *buttons;    /* GtkCheckButton or GtkToggleButton, one per word */
  GStrv            selected;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (HavenChoiceInput, haven_choice_input, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
button_get_active (GtkWidget *button)
{
  if (GTK_IS_CHECK_BUTTON (button))
    return gtk_check_button_get_active (GTK_CHECK_BUTTON (button));

  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button));
}

static void
button_set_active (GtkWidget *button,
                   gboolean   active)
{
  if (GTK_IS_CHECK_BUTTON (button))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (button), active);
  else
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), active);
}

static void
collect_selected (HavenChoiceInput *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->buttons, i);

      if (button_get_active (button))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (button), "word-id"));
    }

  g_strfreev (self->selected);
  self->selected = g_strv_builder_end (builder);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
toggled_cb (HavenChoiceInput *self,
            GtkWidget        *button)
{
  if (self->updating)
    return;

  /* A single choice can be taken back by choosing it again. */
  if (!self->multiple && GTK_IS_TOGGLE_BUTTON (button) && button_get_active (button))
    {
      self->updating = TRUE;
      for (guint i = 0; i < self->buttons->len; i++)
        {
          GtkWidget *other = g_ptr_array_index (self->buttons, i);
          if (other != button)
            button_set_active (other, FALSE);
        }
      self->updating = FALSE;
    }

  collect_selected (self);
}

static GtkWidget *
make_row (HavenChoiceInput *self,
          const HavenWord  *word,
          GtkCheckButton   *group)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *hint = word->hint != NULL ? _(word->hint) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(word->label));
  if (hint != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hint);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);

  g_object_set_data (G_OBJECT (check), "word-id", (gpointer)word->id);
  g_signal_connect_object (check, "toggled", G_CALLBACK (toggled_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->buttons, check);

  return row;
}

static GtkWidget *
make_chip (HavenChoiceInput *self,
           const HavenWord  *word)
{
  GtkWidget *chip = gtk_toggle_button_new_with_label (_(word->label));

  gtk_widget_add_css_class (chip, "chip");
  g_object_set_data (G_OBJECT (chip), "word-id", (gpointer)word->id);
  g_signal_connect_object (chip, "toggled", G_CALLBACK (toggled_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->buttons, chip);

  return chip;
}

static GtkFlowBox *
make_chip_box (void)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 20);
  gtk_widget_add_css_class (flow, "chips");

  return GTK_FLOW_BOX (flow);
}

static void
build (HavenChoiceInput *self)
{
  const HavenWord *words;
  guint n_words;
  gboolean has_hints = FALSE;
  gboolean has_groups = FALSE;

  words = haven_vocabulary_get (self->vocabulary, &n_words);
  for (guint i = 0; i < n_words; i++)
    {
      has_hints |= words[i].hint != NULL;
      has_groups |= words[i].group != NULL;
    }

  if (has_groups)
    {
      const HavenWord *groups;
      guint n_groups;

      groups = haven_vocabulary_get (HAVEN_VOCABULARY_EMOTION_GROUPS, &n_groups);
      for (guint g = 0; g < n_groups; g++)
        {
          GtkWidget *heading = gtk_label_new (_(groups[g].label));
          GtkFlowBox *flow = make_chip_box ();

          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_widget_add_css_class (heading, "caption-heading");
          gtk_widget_add_css_class (heading, "dim-label");
          gtk_box_append (self->box, heading);

          for (guint i = 0; i < n_words; i++)
            {
              if (g_strcmp0 (words[i].group, groups[g].id) == 0)
                gtk_flow_box_append (flow, make_chip (self, &words[i]));
            }
          gtk_box_append (self->box, GTK_WIDGET (flow));
        }
    }
  else if (has_hints || n_words <= 8)
    {
      GtkWidget *list = gtk_list_box_new ();
      GtkCheckButton *group = NULL;

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");

      for (guint i = 0; i < n_words; i++)
        {
          GtkWidget *row = make_row (self, &words[i], group);

          if (!self->multiple && group == NULL)
            group = g_ptr_array_index (self->buttons, self->buttons->len - 1);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      gtk_box_append (self->box, list);
    }
  else
    {
      GtkFlowBox *flow = make_chip_box ();

      for (guint i = 0; i < n_words; i++)
        gtk_flow_box_append (flow, make_chip (self, &words[i]));
      gtk_box_append (self->box, GTK_WIDGET (flow));
    }
}

static void
haven_choice_input_dispose (GObject *object)
{
  HavenChoiceInput *self = (HavenChoiceInput *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_CHOICE_INPUT);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (haven_choice_input_parent_class)->dispose (object);
}

static void
haven_choice_input_finalize (GObject *object)
{
  HavenChoiceInput *self = (HavenChoiceInput *)object;

  g_strfreev (self->selected);

  G_OBJECT_CLASS (haven_choice_input_parent_class)->finalize (object);
}

static void
haven_choice_input_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HavenChoiceInput *self = HAVEN_CHOICE_INPUT (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_boxed (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_choice_input_class_init (HavenChoiceInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_choice_input_dispose;
  object_class->finalize = haven_choice_input_finalize;
  object_class->get_property = haven_choice_input_get_property;

  properties[PROP_SELECTED] =
    g_param_spec_boxed ("selected", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/haven-choice-input.ui");
}

static void
haven_choice_input_init (HavenChoiceInput *self)
{
  self->buttons = g_ptr_array_new ();
  self->selected = g_new0 (char *, 1);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The template's root is the bin's own child: it is not bound as a template child, since
   * disposing the template would unparent it from under AdwBin. */
  self->box = GTK_BOX (adw_bin_get_child (ADW_BIN (self)));
}

HavenChoiceInput *
haven_choice_input_new (HavenVocabulary vocabulary,
                        gboolean        multiple)
{
  HavenChoiceInput *self = g_object_new (HAVEN_TYPE_CHOICE_INPUT, NULL);

  self->vocabulary = vocabulary;
  self->multiple = multiple;
  build (self);

  return self;
}

const char * const *
haven_choice_input_get_selected (HavenChoiceInput *self)
{
  g_return_val_if_fail (HAVEN_IS_CHOICE_INPUT (self), NULL);

  return (const char * const *)self->selected;
}

void
haven_choice_input_set_selected (HavenChoiceInput   *self,
                                 const char * const *ids)
{
  g_return_if_fail (HAVEN_IS_CHOICE_INPUT (self));

  self->updating = TRUE;
  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->buttons, i);
      const char *id = g_object_get_data (G_OBJECT (button), "word-id");

      button_set_active (button, ids != NULL && g_strv_contains (ids, id));
    }
  self->updating = FALSE;

  collect_selected (self);
}
