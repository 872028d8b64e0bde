/* haven-back-button.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every content page has its own header bar; this button lets each of them offer the way
 * back to the journal list without knowing about the window's leaflet.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "haven-back-button.h"
#include "haven-ui-util.h"

struct _HavenBackButton
{
  GtkButton  parent_instance;

  GBinding  *folded_binding;
};

G_DEFINE_FINAL_TYPE (HavenBackButton, haven_back_button, GTK_TYPE_BUTTON)

static void
haven_back_button_root (GtkWidget *widget)
{
  HavenBackButton *self = HAVEN_BACK_BUTTON (widget);
  GtkWidget *leaflet;

  GTK_WIDGET_CLASS (haven_back_button_parent_class)->root (widget);

  leaflet = gtk_widget_get_ancestor (widget, ADW_TYPE_LEAFLET);
  if (leaflet != NULL)
    {
      self->folded_binding = g_object_bind_property (leaflet, "folded", self, "visible",
                                                     G_BINDING_SYNC_CREATE);
      /* The binding dies with the leaflet; the weak pointer notices. */
      g_object_add_weak_pointer (G_OBJECT (self->folded_binding),
                                 (gpointer *)&self->folded_binding);
    }
}

static void
haven_back_button_unroot (GtkWidget *widget)
{
  HavenBackButton *self = HAVEN_BACK_BUTTON (widget);

  if (self->folded_binding != NULL)
    g_binding_unbind (self->folded_binding);

  GTK_WIDGET_CLASS (haven_back_button_parent_class)->unroot (widget);
}

static void
haven_back_button_class_init (HavenBackButtonClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->root = haven_back_button_root;
  widget_class->unroot = haven_back_button_unroot;
}

static void
haven_back_button_init (HavenBackButton *self)
{
  gtk_button_set_icon_name (GTK_BUTTON (self), "go-previous-symbolic");
  haven_widget_set_tooltip (GTK_WIDGET (self), _("Back to the Journal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back to the Journal"),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "win.go-back");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
