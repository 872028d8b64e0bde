/* haven-welcome-page.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "haven-back-button.h"
#include "haven-welcome-page.h"

struct _HavenWelcomePage
{
  AdwBin         parent_instance;

  AdwStatusPage *status_page;
  gboolean       journal_empty;
};

G_DEFINE_FINAL_TYPE (HavenWelcomePage, haven_welcome_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_JOURNAL_EMPTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_texts (HavenWelcomePage *self)
{
  if (self->journal_empty)
    {
      adw_status_page_set_title (self->status_page, _("Welcome to Haven"));
      adw_status_page_set_description (self->status_page,
                                       _("When something between you and someone close stirs "
                                         "you up, this is a quiet place to sort it out. A few "
                                         "gentle questions help you see what happened in you. "
                                         "Everything stays on this computer."));
    }
  else
    {
      adw_status_page_set_title (self->status_page, _("How Are You Doing?"));
      adw_status_page_set_description (self->status_page,
                                       _("Write about what happened, take a moment to calm "
                                         "down, or just log how you feel. Every question can "
                                         "be skipped."));
    }
}

static void
haven_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HAVEN_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (haven_welcome_page_parent_class)->dispose (object);
}

static void
haven_welcome_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HavenWelcomePage *self = HAVEN_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_JOURNAL_EMPTY:
      g_value_set_boolean (value, self->journal_empty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_welcome_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HavenWelcomePage *self = HAVEN_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_JOURNAL_EMPTY:
      haven_welcome_page_set_journal_empty (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_welcome_page_class_init (HavenWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_welcome_page_dispose;
  object_class->get_property = haven_welcome_page_get_property;
  object_class->set_property = haven_welcome_page_set_property;

  properties[PROP_JOURNAL_EMPTY] =
    g_param_spec_boolean ("journal-empty", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HAVEN_TYPE_BACK_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/haven-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenWelcomePage, status_page);
}

static void
haven_welcome_page_init (HavenWelcomePage *self)
{
  self->journal_empty = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  update_texts (self);
}

void
haven_welcome_page_set_journal_empty (HavenWelcomePage *self,
                                      gboolean          journal_empty)
{
  g_return_if_fail (HAVEN_IS_WELCOME_PAGE (self));

  journal_empty = !!journal_empty;
  if (self->journal_empty == journal_empty)
    return;

  self->journal_empty = journal_empty;
  update_texts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL_EMPTY]);
}

gboolean
haven_welcome_page_get_journal_empty (HavenWelcomePage *self)
{
  g_return_val_if_fail (HAVEN_IS_WELCOME_PAGE (self), TRUE);

  return self->journal_empty;
}
