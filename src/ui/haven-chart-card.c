/* haven-chart-card.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list under each chart is its text alternative: the same numbers, row by row, and each
 * row opens the records behind it, like a click on the chart does (and, unlike a click, it
 * can be reached with the keyboard).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-chart-card.h"
#include "haven-window.h"

/* Exported charts are at least this wide, whatever the window. */
#define EXPORT_MIN_WIDTH 720

struct _HavenChartCard
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkMenuButton  *export_button;
  GtkStack       *stack;
  AdwBin         *chart_bin;
  GtkLabel       *empty_label;
  GtkExpander    *table_expander;
  GtkListBox     *table;

  HavenChart     *chart;
  GPtrArray      *rows;           /* HavenChartRow, in the order of the table */
  char           *file_stem;
};

G_DEFINE_FINAL_TYPE (HavenChartCard, haven_chart_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_EMPTY_TEXT,
  PROP_FILE_STEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
chart_activated_cb (HavenChartCard     *self,
                    HavenJournalFilter *filter,
                    HavenChart         *chart)
{
  g_signal_emit (self, signals[ACTIVATED], 0, filter);
}

static void
table_row_activated_cb (HavenChartCard *self,
                        GtkListBoxRow  *row,
                        GtkListBox     *box)
{
  int index = gtk_list_box_row_get_index (row);

  if (self->rows != NULL && index >= 0 && (guint) index < self->rows->len)
    g_signal_emit (self, signals[ACTIVATED], 0,
                   ((HavenChartRow *) g_ptr_array_index (self->rows, index))->filter);
}

void
haven_chart_card_update (HavenChartCard *self)
{
  GtkWidget *child;
  gboolean has_data;

  g_return_if_fail (HAVEN_IS_CHART_CARD (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_list_box_remove (self->table, child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  has_data = self->chart != NULL && haven_chart_has_data (self->chart);
  gtk_stack_set_visible_child_name (self->stack, has_data ? "chart" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->table_expander), has_data);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), has_data);
  if (!has_data)
    return;

  self->rows = haven_chart_dup_table (self->chart);
  for (guint i = 0; i < self->rows->len; i++)
    {
      HavenChartRow *table_row = g_ptr_array_index (self->rows, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), table_row->title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), table_row->subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->table, row);
    }
}

HavenChart *
haven_chart_card_get_chart (HavenChartCard *self)
{
  g_return_val_if_fail (HAVEN_IS_CHART_CARD (self), NULL);

  return self->chart;
}

void
haven_chart_card_set_chart (HavenChartCard *self,
                            HavenChart     *chart)
{
  g_return_if_fail (HAVEN_IS_CHART_CARD (self));
  g_return_if_fail (HAVEN_IS_CHART (chart));

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  self->chart = chart;
  adw_bin_set_child (self->chart_bin, GTK_WIDGET (chart));
  g_signal_connect_object (chart, "activated", G_CALLBACK (chart_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (chart),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  -1);
  haven_chart_card_update (self);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  HavenChartCard *self = HAVEN_CHART_CARD (user_data);
  HavenChartFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "format"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->chart != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (!haven_chart_save (self->chart, file, format,
                             MAX (EXPORT_MIN_WIDTH, gtk_widget_get_width (GTK_WIDGET (self->chart))),
                             gtk_label_get_label (self->title_label), &error))
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

          if (HAVEN_IS_WINDOW (root))
            haven_window_show_toast (HAVEN_WINDOW (root), adw_toast_new (error->message));
          else
            g_warning ("The chart could not be saved (error %d)", error->code);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HavenChartCard *self = HAVEN_CHART_CARD (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  gboolean svg = g_strcmp0 (kind, "svg") == 0;
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  dialog = gtk_file_chooser_native_new (svg ? _("Save Chart as SVG") : _("Save Chart as PNG"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  name = g_strdup_printf ("%s.%s", self->file_stem ? self->file_stem : "chart", svg ? "svg" : "png");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "format",
                     GINT_TO_POINTER (svg ? HAVEN_CHART_FORMAT_SVG : HAVEN_CHART_FORMAT_PNG));
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
haven_chart_card_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HavenChartCard *self = HAVEN_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_label (self->title_label));
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, gtk_label_get_label (self->subtitle_label));
      break;
    case PROP_EMPTY_TEXT:
      g_value_set_string (value, gtk_label_get_label (self->empty_label));
      break;
    case PROP_FILE_STEM:
      g_value_set_string (value, self->file_stem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_chart_card_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HavenChartCard *self = HAVEN_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      gtk_label_set_label (self->title_label, g_value_get_string (value));
      break;
    case PROP_SUBTITLE:
      gtk_label_set_label (self->subtitle_label, g_value_get_string (value));
      break;
    case PROP_EMPTY_TEXT:
      gtk_label_set_label (self->empty_label, g_value_get_string (value));
      break;
    case PROP_FILE_STEM:
      g_free (self->file_stem);
      self->file_stem = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_chart_card_dispose (GObject *object)
{
  HavenChartCard *self = HAVEN_CHART_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_CHART_CARD);
  self->chart = NULL;
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (haven_chart_card_parent_class)->dispose (object);
}

static void
haven_chart_card_finalize (GObject *object)
{
  HavenChartCard *self = HAVEN_CHART_CARD (object);

  g_free (self->file_stem);

  G_OBJECT_CLASS (haven_chart_card_parent_class)->finalize (object);
}

static void
haven_chart_card_class_init (HavenChartCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = haven_chart_card_get_property;
  object_class->set_property = haven_chart_card_set_property;
  object_class->dispose = haven_chart_card_dispose;
  object_class->finalize = haven_chart_card_finalize;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* What this chart will show, and when: said while there is nothing yet. */
  properties[PROP_EMPTY_TEXT] =
    g_param_spec_string ("empty-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* The suggested file name, without extension. */
  properties[PROP_FILE_STEM] =
    g_param_spec_string ("file-stem", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                     HAVEN_TYPE_JOURNAL_FILTER | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/haven-chart-card.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenChartCard, box);
  gtk_widget_class_bind_template_child (widget_class, HavenChartCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, HavenChartCard, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, HavenChartCard, export_button);
  gtk_widget_class_bind_template_child (widget_class, HavenChartCard, stack);
  gtk_widget_class_bind_template_child (widget_class, HavenChartCard, chart_bin);
  gtk_widget_class_bind_template_child (widget_class, HavenChartCard, empty_label);
  gtk_widget_class_bind_template_child (widget_class, HavenChartCard, table_expander);
  gtk_widget_class_bind_template_child (widget_class, HavenChartCard, table);
  gtk_widget_class_bind_template_callback (widget_class, table_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "chart.save", "s", save_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
haven_chart_card_init (HavenChartCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
