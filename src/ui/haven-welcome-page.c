/* haven-welcome-page.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "haven-back-button.h"
#include "haven-flow.h"
#include "haven-row-text.h"
#include "haven-store.h"
#include "haven-ui-util.h"
#include "haven-welcome-page.h"
#include "haven-wrap-box.h"

struct _HavenWelcomePage
{
  AdwBin               parent_instance;

  HavenRowText        *title_label;
  HavenRowText        *description_label;
  AdwBin              *drafts_slot;
  AdwPreferencesGroup *drafts_group;  /* NULL until there are drafts */
  GPtrArray           *draft_rows;
  gboolean             journal_empty;
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
      haven_row_text_set_text (self->title_label, _("Welcome to Haven"));
      haven_row_text_set_text (self->description_label,
                               _("When something between you and someone close stirs you "
                                 "up, this is a quiet place to sort it out. A few gentle "
                                 "questions help you see what happened in you. Everything "
                                 "stays on this computer."));
    }
  else
    {
      haven_row_text_set_text (self->title_label, _("How Are You Doing?"));
      haven_row_text_set_text (self->description_label,
                               _("Write about what happened, take a moment to calm down, "
                                 "or just log how you feel. Every question can be skipped."));
    }
}

static void
haven_welcome_page_dispose (GObject *object)
{
  HavenWelcomePage *self = (HavenWelcomePage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (object), HAVEN_TYPE_WELCOME_PAGE);
  g_clear_pointer (&self->draft_rows, g_ptr_array_unref);

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
  g_type_ensure (HAVEN_TYPE_ROW_TEXT);
  g_type_ensure (HAVEN_TYPE_WRAP_BOX);
  /* As in haven_window_class_init(): found by GtkBuilder without a symbol lookup. */
  g_type_ensure (ADW_TYPE_BIN);
  g_type_ensure (ADW_TYPE_CLAMP);
  g_type_ensure (ADW_TYPE_HEADER_BAR);
  g_type_ensure (GTK_TYPE_BOX);
  g_type_ensure (GTK_TYPE_BUTTON);
  g_type_ensure (GTK_TYPE_IMAGE);
  g_type_ensure (GTK_TYPE_SCROLLED_WINDOW);
  g_type_ensure (GTK_TYPE_VIEWPORT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/haven-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenWelcomePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, HavenWelcomePage, description_label);
  gtk_widget_class_bind_template_child (widget_class, HavenWelcomePage, drafts_slot);
}

static void
haven_welcome_page_init (HavenWelcomePage *self)
{
  self->journal_empty = TRUE;
  self->draft_rows = g_ptr_array_new ();

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

static GtkWidget *
make_draft_row (HavenEntry *draft)
{
  const HavenFlow *flow = haven_flow_lookup (haven_entry_get_flow_id (draft));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *resume = gtk_button_new_with_mnemonic (_("_Continue"));
  GtkWidget *discard = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *when = haven_format_date_time (haven_entry_get_updated_at (draft));
  g_autofree char *subtitle = NULL;
  g_auto(GStrv) answered = haven_entry_dup_answer_ids (draft);
  const char *title = haven_entry_get_title (draft);

  if (*title == '\0')
    title = flow != NULL ? haven_flow_get_title (flow)
                         : haven_entry_kind_label (haven_entry_get_kind (draft));

  if (flow != NULL && flow->n_steps > 0)
    /* Translators: an unfinished entry: when it was last changed, and how far it got */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s · %u question answered",
                                             "%s · %u questions answered",
                                             g_strv_length (answered)),
                                when, g_strv_length (answered));
  else
    subtitle = g_strdup (when);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (resume, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (resume, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (resume), "win.continue-draft");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (resume), "x", haven_entry_get_id (draft));

  gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (discard, "flat");
  gtk_widget_set_tooltip_text (discard, _("Move to Trash"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (discard), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Move to Trash"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (discard), "win.discard-draft");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (discard), "x", haven_entry_get_id (draft));

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), resume);

  return row;
}

void
haven_welcome_page_set_drafts (HavenWelcomePage *self,
                               GPtrArray        *drafts)
{
  g_return_if_fail (HAVEN_IS_WELCOME_PAGE (self));

  for (guint i = 0; i < self->draft_rows->len; i++)
    adw_preferences_group_remove (self->drafts_group, g_ptr_array_index (self->draft_rows, i));
  g_ptr_array_set_size (self->draft_rows, 0);

  /* Most starts have no draft to offer: the group (and GtkListBox, whose class sets up some
   * fifty key bindings) is made for the first. */
  if (self->drafts_group == NULL && drafts != NULL && drafts->len > 0)
    {
      self->drafts_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (self->drafts_group, _("Pick Up Where You Left Off"));
      adw_bin_set_child (self->drafts_slot, GTK_WIDGET (self->drafts_group));
    }

  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    {
      GtkWidget *row = make_draft_row (g_ptr_array_index (drafts, i));

      adw_preferences_group_add (self->drafts_group, row);
      g_ptr_array_add (self->draft_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->drafts_slot), self->draft_rows->len > 0);
}

guint
haven_welcome_page_get_n_drafts (HavenWelcomePage *self)
{
  g_return_val_if_fail (HAVEN_IS_WELCOME_PAGE (self), 0);

  return self->draft_rows->len;
}
