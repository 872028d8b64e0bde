/* haven-week-overview.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Counts only, no verdicts: which raw spots came up, how often, and how the person
 * reacted. A week is at most a few dozen rows, so they are read through the journal list
 * model with a date filter.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-journal-model.h"
#include "haven-vocabulary.h"
#include "haven-week-overview.h"

struct _HavenWeekOverview
{
  AdwBin                parent_instance;

  GtkLabel             *totals_label;
  AdwPreferencesGroup  *pain_points_group;
  AdwPreferencesGroup  *reactions_group;
  GtkLabel             *empty_label;
};

G_DEFINE_FINAL_TYPE (HavenWeekOverview, haven_week_overview, ADW_TYPE_BIN)

typedef struct
{
  char  *label;
  guint  count;
} Tally;

static void
tally_free (gpointer data)
{
  Tally *tally = data;

  g_free (tally->label);
  g_free (tally);
}

static void
tally_add (GHashTable *tallies,
           const char *label)
{
  Tally *tally = g_hash_table_lookup (tallies, label);

  if (tally == NULL)
    {
      tally = g_new0 (Tally, 1);
      tally->label = g_strdup (label);
      g_hash_table_insert (tallies, tally->label, tally);
    }
  tally->count++;
}

static int
compare_tallies (gconstpointer a,
                 gconstpointer b)
{
  const Tally *x = *(const Tally * const *)a;
  const Tally *y = *(const Tally * const *)b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;

  return g_utf8_collate (x->label, y->label);
}

static guint
fill_group (AdwPreferencesGroup *group,
            GHashTable          *tallies)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);

  g_ptr_array_sort (sorted, compare_tallies);

  for (guint i = 0; i < sorted->len; i++)
    {
      const Tally *tally = g_ptr_array_index (sorted, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *times = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time",
                                                             "%u times", tally->count),
                                                tally->count);
      GtkWidget *count = gtk_label_new (times);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tally->label);
      gtk_widget_add_css_class (count, "numeric");
      gtk_widget_add_css_class (count, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);
      adw_preferences_group_add (group, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (group), sorted->len > 0);

  return sorted->len;
}

static void
haven_week_overview_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HAVEN_TYPE_WEEK_OVERVIEW);

  G_OBJECT_CLASS (haven_week_overview_parent_class)->dispose (object);
}

static void
haven_week_overview_class_init (HavenWeekOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_week_overview_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/haven-week-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenWeekOverview, totals_label);
  gtk_widget_class_bind_template_child (widget_class, HavenWeekOverview, pain_points_group);
  gtk_widget_class_bind_template_child (widget_class, HavenWeekOverview, reactions_group);
  gtk_widget_class_bind_template_child (widget_class, HavenWeekOverview, empty_label);
}

static void
haven_week_overview_init (HavenWeekOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HavenWeekOverview *
haven_week_overview_new (HavenStore *store,
                         HavenTime   now)
{
  HavenWeekOverview *self = g_object_new (HAVEN_TYPE_WEEK_OVERVIEW, NULL);
  g_autoptr(HavenJournalFilter) filter = haven_journal_filter_new ();
  g_autoptr(HavenJournalModel) week = NULL;
  g_autoptr(GHashTable) pain_points = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                             tally_free);
  g_autoptr(GHashTable) reactions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           tally_free);
  g_autofree char *entries_text = NULL;
  g_autofree char *checkins_text = NULL;
  g_autofree char *totals = NULL;
  guint n_entries = 0, n_checkins = 0;
  guint n;

  filter->from = now - 7 * 24 * 3600;
  filter->to = now + 1;
  week = haven_journal_model_new (store, filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (week));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HavenJournalItem) item = g_list_model_get_item (G_LIST_MODEL (week), i);
      const char * const *names = haven_journal_item_get_pain_points (item);
      HavenReaction reaction = haven_journal_item_get_reaction (item);

      if (haven_journal_item_get_record_type (item) == HAVEN_RECORD_ENTRY)
        n_entries++;
      else
        n_checkins++;

      for (guint j = 0; names != NULL && names[j] != NULL; j++)
        tally_add (pain_points, names[j]);
      if (reaction != HAVEN_REACTION_NONE)
        tally_add (reactions, haven_reaction_label (reaction));
    }

  entries_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries",
                                               n_entries), n_entries);
  checkins_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check-in",
                                                "%u check-ins", n_checkins), n_checkins);
  /* Translators: "In the last seven days: 3 entries and 9 check-ins." */
  totals = g_strdup_printf (_("In the last seven days: %s and %s."), entries_text, checkins_text);
  gtk_label_set_label (self->totals_label, totals);

  fill_group (self->pain_points_group, pain_points);
  fill_group (self->reactions_group, reactions);

  gtk_widget_set_visible (GTK_WIDGET (self->totals_label), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);

  return self;
}
