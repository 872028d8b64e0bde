/* haven-journal-row.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-journal-row.h"
#include "haven-row-text.h"
#include "haven-ui-util.h"
#include "haven-vocabulary.h"

struct _HavenJournalRow
{
  GtkWidget     parent_instance;

  HavenRowText *day_label;      /* made for the first row of a day shown, then kept */
  GtkBox       *row_box;
  GtkImage     *kind_icon;
  HavenRowText *title_label;
  HavenRowText *excerpt_label;
  HavenRowText *meta_label;
  GtkImage     *mood_icon;      /* made for the first mood shown, then kept */
};

G_DEFINE_FINAL_TYPE (HavenJournalRow, haven_journal_row, GTK_TYPE_WIDGET)

static void
haven_journal_row_dispose (GObject *object)
{
  HavenJournalRow *self = HAVEN_JOURNAL_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), HAVEN_TYPE_JOURNAL_ROW);
  /* Not from the template: see haven_journal_row_bind(). The mood went with row_box. */
  if (self->day_label != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->day_label)));
  self->mood_icon = NULL;

  G_OBJECT_CLASS (haven_journal_row_parent_class)->dispose (object);
}

static void
haven_journal_row_class_init (HavenJournalRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_journal_row_dispose;

  g_type_ensure (HAVEN_TYPE_ROW_TEXT);
  g_type_ensure (GTK_TYPE_BOX);
  g_type_ensure (GTK_TYPE_IMAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/haven-journal-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenJournalRow, row_box);
  gtk_widget_class_bind_template_child (widget_class, HavenJournalRow, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, HavenJournalRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, HavenJournalRow, excerpt_label);
  gtk_widget_class_bind_template_child (widget_class, HavenJournalRow, meta_label);
}

static void
haven_journal_row_init (HavenJournalRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HavenJournalRow *
haven_journal_row_new (void)
{
  return g_object_new (HAVEN_TYPE_JOURNAL_ROW, NULL);
}

static char *
describe_meta (HavenJournalItem *item)
{
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *time = haven_format_time (haven_journal_item_get_at (item));
  const char * const *pain_points = haven_journal_item_get_pain_points (item);
  HavenReaction reaction = haven_journal_item_get_reaction (item);

  g_string_append (meta, time);

  if (haven_journal_item_get_record_type (item) == HAVEN_RECORD_ENTRY)
    g_string_append_printf (meta, " · %s",
                            haven_entry_kind_label (haven_journal_item_get_kind (item)));
  else
    g_string_append_printf (meta, " · %s", _("Check-in"));

  if (reaction != HAVEN_REACTION_NONE)
    g_string_append_printf (meta, " · %s", haven_reaction_label (reaction));

  for (guint i = 0; pain_points != NULL && pain_points[i] != NULL; i++)
    g_string_append_printf (meta, "%s%s", i == 0 ? " · " : ", ", pain_points[i]);

  return g_string_free (g_steal_pointer (&meta), FALSE);
}

/* A check-in reads as its mood and emotions ("Hard · anxious, hurt"), its note below. */
static char *
describe_checkin (HavenJournalItem *item)
{
  g_autoptr(GString) title = g_string_new (NULL);
  const char * const *emotions = haven_journal_item_get_emotions (item);
  int mood = haven_journal_item_get_mood (item);

  g_string_append (title, mood > 0 ? haven_mood_label (mood) : _("Check-in"));

  for (guint i = 0; emotions != NULL && emotions[i] != NULL; i++)
    g_string_append_printf (title, "%s%s", i == 0 ? " · " : ", ",
                            haven_vocabulary_label (HAVEN_VOCABULARY_EMOTIONS, emotions[i]));

  return g_string_free (g_steal_pointer (&title), FALSE);
}

void
haven_journal_row_bind (HavenJournalRow  *self,
                        HavenJournalItem *item,
                        HavenJournalItem *previous)
{
  g_autofree char *meta = NULL;
  g_autofree char *snippet = NULL;
  g_autofree char *checkin_title = NULL;
  g_autofree char *note = NULL;
  const char *title = haven_journal_item_get_title (item);
  const char *excerpt = haven_journal_item_get_excerpt (item);
  HavenTime at = haven_journal_item_get_at (item);
  int mood = haven_journal_item_get_mood (item);
  gboolean is_entry = haven_journal_item_get_record_type (item) == HAVEN_RECORD_ENTRY;
  gboolean new_day = previous == NULL ||
                     !haven_same_local_day (haven_journal_item_get_at (previous), at);

  /* Most rows show neither a day nor a mood: these are made when a row first needs them,
   * each a widget to build, style and place less before the first frame. */
  if (new_day && self->day_label == NULL)
    {
      self->day_label = HAVEN_ROW_TEXT (haven_row_text_new ());
      gtk_widget_add_css_class (GTK_WIDGET (self->day_label), "heading");
      gtk_widget_add_css_class (GTK_WIDGET (self->day_label), "journal-day");
      gtk_widget_insert_after (GTK_WIDGET (self->day_label), GTK_WIDGET (self), NULL);
    }
  if (self->day_label != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->day_label), new_day);
  if (new_day)
    {
      g_autofree char *day = haven_format_day (at, haven_time_now ());
      haven_row_text_set_text (self->day_label, day);
    }

  gtk_image_set_from_icon_name (self->kind_icon,
                                is_entry ? haven_entry_kind_icon_name (haven_journal_item_get_kind (item))
                                         : "emote-love-symbolic");

  if (!is_entry)
    {
      /* The list gives a check-in's note as a first line and the rest: here it is the
       * text under the mood. */
      if (title != NULL && *title != '\0')
        excerpt = note = excerpt != NULL ? g_strconcat (title, " ", excerpt, NULL)
                                         : g_strdup (title);
      title = checkin_title = describe_checkin (item);
    }
  else if (title == NULL || *title == '\0')
    {
      title = haven_entry_kind_label (haven_journal_item_get_kind (item));
    }
  haven_row_text_set_text (self->title_label, title);

  snippet = haven_snippet_to_markup (haven_journal_item_get_snippet (item));
  if (snippet != NULL)
    {
      haven_row_text_set_markup (self->excerpt_label, snippet);
      gtk_widget_set_visible (GTK_WIDGET (self->excerpt_label), TRUE);
    }
  else
    {
      haven_row_text_set_text (self->excerpt_label, excerpt ? excerpt : "");
      gtk_widget_set_visible (GTK_WIDGET (self->excerpt_label), excerpt != NULL && *excerpt);
    }

  meta = describe_meta (item);
  haven_row_text_set_text (self->meta_label, meta);

  if (mood > 0 && self->mood_icon == NULL)
    {
      self->mood_icon = GTK_IMAGE (gtk_image_new ());
      gtk_widget_set_valign (GTK_WIDGET (self->mood_icon), GTK_ALIGN_START);
      gtk_widget_add_css_class (GTK_WIDGET (self->mood_icon), "journal-mood");
      gtk_box_append (self->row_box, GTK_WIDGET (self->mood_icon));
    }
  if (self->mood_icon != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->mood_icon), mood > 0);
  if (mood > 0)
    {
      gtk_image_set_from_icon_name (self->mood_icon, haven_mood_icon_name (mood));
      haven_widget_set_tooltip (GTK_WIDGET (self->mood_icon), haven_mood_label (mood));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->mood_icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, haven_mood_label (mood),
                                      -1);
    }
}
