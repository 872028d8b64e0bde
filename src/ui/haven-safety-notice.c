/* haven-safety-notice.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Calm on purpose: no red, no alarm icon. Someone who just marked a threat needs to read
 * that it is not okay, that it is not their fault, and where to turn, and then be free to
 * go on writing.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-flow.h"
#include "haven-safety-notice.h"

struct _HavenSafetyNotice
{
  AdwBin      parent_instance;

  GtkListBox *lines;
};

G_DEFINE_FINAL_TYPE (HavenSafetyNotice, haven_safety_notice, ADW_TYPE_BIN)

static void
haven_safety_notice_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HAVEN_TYPE_SAFETY_NOTICE);

  G_OBJECT_CLASS (haven_safety_notice_parent_class)->dispose (object);
}

static void
haven_safety_notice_class_init (HavenSafetyNoticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_safety_notice_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/haven-safety-notice.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenSafetyNotice, lines);
}

static void
haven_safety_notice_init (HavenSafetyNotice *self)
{
  const HavenHelpLine *lines;
  guint n_lines;

  gtk_widget_init_template (GTK_WIDGET (self));

  lines = haven_help_lines (&n_lines);
  for (guint i = 0; i < n_lines; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *number = gtk_label_new (lines[i].number);
      g_autofree char *title = NULL;

      if (lines[i].country != NULL)
        /* Translators: a help line and its country code, e.g. "Veilig Thuis (NL)" */
        title = g_strdup_printf (_("%s (%s)"), lines[i].name, lines[i].country);
      else
        title = g_strdup (lines[i].name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(lines[i].what));
      gtk_label_set_selectable (GTK_LABEL (number), TRUE);
      gtk_widget_add_css_class (number, "numeric");
      gtk_widget_add_css_class (number, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), number);
      gtk_list_box_append (self->lines, row);
    }
}

HavenSafetyNotice *
haven_safety_notice_new (void)
{
  return g_object_new (HAVEN_TYPE_SAFETY_NOTICE, NULL);
}
