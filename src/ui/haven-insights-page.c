/* haven-insights-page.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page asks the store for each aggregate when it is shown, when the range changes, and
 * (on idle, while it is shown) when the journal changes; each is one query of a few
 * milliseconds, so nothing is cached between visits.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-back-button.h"
#include "haven-chart-card.h"
#include "haven-insights-page.h"
#include "haven-observations.h"

/* Below this many check-ins there is no pattern to see yet. */
#define MIN_CHECKINS 3

struct _HavenInsightsPage
{
  AdwBin          parent_instance;

  GtkStack       *stack;
  GtkWidget      *summary_button;
  AdwStatusPage  *sparse_page;
  GtkWidget      *observations_box;
  GtkBox         *observations_list;
  HavenChartCard *mood_card;
  HavenChartCard *reactions_card;
  HavenChartCard *grid_card;
  HavenChartCard *top_card;
  HavenChartCard *helps_card;

  HavenStore     *store;
  HavenStatsRange range;
  HavenTime       now;             /* 0: the clock */
  guint           refresh_source;
  gboolean        stale;
};

G_DEFINE_FINAL_TYPE (HavenInsightsPage, haven_insights_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_RANGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SHOW_RECORDS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


static void
show_error (HavenInsightsPage *self,
            GError            *error)
{
  /* Only the code: a message may quote the journal's path. */
  g_warning ("The insights could not be read (error %d)", error->code);
  adw_status_page_set_title (self->sparse_page, _("The Insights Could Not Be Read"));
  adw_status_page_set_description (self->sparse_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "sparse");
}

static void
update_observations (HavenInsightsPage      *self,
                     const HavenStatsPeriod *period,
                     HavenTime               now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->observations_list))) != NULL)
    gtk_box_remove (self->observations_list, child);

  sentences = haven_observations_compose (self->store, period, now, &error);
  if (sentences == NULL)
    {
      g_warning ("The observations could not be read (error %d)", error->code);
      gtk_widget_set_visible (self->observations_box, FALSE);
      return;
    }

  for (guint i = 0; i < sentences->len; i++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (sentences, i));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), FALSE);
      gtk_box_append (self->observations_list, label);
    }
  gtk_widget_set_visible (self->observations_box, sentences->len > 0);
}

static void
refresh (HavenInsightsPage *self)
{
  g_autoptr(GError) error = NULL;
  HavenTime now = self->now != 0 ? self->now : haven_time_now ();
  HavenStatsPeriod period;
  HavenMoodSeries *mood;
  HavenReactionWeeks *reactions;
  HavenPainPointWeeks *pain_points, *pain_points_copy;
  HavenHelpStats *helps;
  guint n_checkins;

  self->stale = FALSE;
  if (self->store == NULL)
    return;

  n_checkins = haven_store_count_checkins_up_to (self->store, MIN_CHECKINS);
  if (n_checkins < MIN_CHECKINS)
    {
      g_autofree char *description = NULL;

      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "After three check-ins you will see your mood over the weeks here, how you tend to react, which raw spots keep coming back and what helps you calm down. You have %u so far.",
                                                  "After three check-ins you will see your mood over the weeks here, how you tend to react, which raw spots keep coming back and what helps you calm down. You have %u so far.",
                                                  n_checkins),
                                     n_checkins);
      adw_status_page_set_title (self->sparse_page, _("Your Patterns Will Show Here"));
      adw_status_page_set_description (self->sparse_page, description);
      gtk_stack_set_visible_child_name (self->stack, "sparse");
      return;
    }

  if (!haven_stats_period_init (&period, self->store, self->range, now,
                                haven_stats_locale_first_weekday (), &error) ||
      (mood = haven_stats_mood_series (self->store, &period, &error)) == NULL)
    {
      show_error (self, error);
      return;
    }
  haven_chart_set_mood (haven_chart_card_get_chart (self->mood_card), mood);

  if ((reactions = haven_stats_reaction_weeks (self->store, &period, &error)) == NULL)
    {
      show_error (self, error);
      return;
    }
  haven_chart_set_reactions (haven_chart_card_get_chart (self->reactions_card), reactions);

  /* Two charts draw the raw spots; each owns its copy of the numbers. */
  if ((pain_points = haven_stats_pain_point_weeks (self->store, &period, &error)) == NULL ||
      (pain_points_copy = haven_stats_pain_point_weeks (self->store, &period, &error)) == NULL)
    {
      g_clear_pointer (&pain_points, haven_pain_point_weeks_free);
      show_error (self, error);
      return;
    }
  haven_chart_set_pain_points (haven_chart_card_get_chart (self->grid_card), pain_points);
  haven_chart_set_pain_points (haven_chart_card_get_chart (self->top_card), pain_points_copy);

  if ((helps = haven_stats_what_helps (self->store, &period, &error)) == NULL)
    {
      show_error (self, error);
      return;
    }
  haven_chart_set_what_helps (haven_chart_card_get_chart (self->helps_card), helps);

  haven_chart_card_update (self->mood_card);
  haven_chart_card_update (self->reactions_card);
  haven_chart_card_update (self->grid_card);
  haven_chart_card_update (self->top_card);
  haven_chart_card_update (self->helps_card);

  update_observations (self, &period, now);
  gtk_stack_set_visible_child_name (self->stack, "charts");
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  HavenInsightsPage *self = user_data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
journal_changed_cb (HavenInsightsPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

static void
card_activated_cb (HavenInsightsPage  *self,
                   HavenJournalFilter *filter,
                   HavenChartCard     *card)
{
  g_signal_emit (self, signals[SHOW_RECORDS], 0, filter);
}

void
haven_insights_page_set_store (HavenInsightsPage *self,
                               HavenStore        *store)
{
  g_return_if_fail (HAVEN_IS_INSIGHTS_PAGE (self));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "record-changed", G_CALLBACK (journal_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "journal-changed", G_CALLBACK (journal_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "pain-points-changed", G_CALLBACK (journal_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  refresh (self);
}

void
haven_insights_page_refresh (HavenInsightsPage *self)
{
  g_return_if_fail (HAVEN_IS_INSIGHTS_PAGE (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  refresh (self);
}

void
haven_insights_page_set_now (HavenInsightsPage *self,
                             HavenTime          now)
{
  g_return_if_fail (HAVEN_IS_INSIGHTS_PAGE (self));

  self->now = now;
  refresh (self);
}

HavenChartCard *
haven_insights_page_get_card (HavenInsightsPage *self,
                              HavenChartKind     kind)
{
  g_return_val_if_fail (HAVEN_IS_INSIGHTS_PAGE (self), NULL);

  switch (kind)
    {
    case HAVEN_CHART_MOOD:
      return self->mood_card;
    case HAVEN_CHART_REACTIONS:
      return self->reactions_card;
    case HAVEN_CHART_PAIN_POINT_GRID:
      return self->grid_card;
    case HAVEN_CHART_PAIN_POINT_TOP:
      return self->top_card;
    case HAVEN_CHART_WHAT_HELPS:
      return self->helps_card;
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
haven_insights_page_map (GtkWidget *widget)
{
  HavenInsightsPage *self = HAVEN_INSIGHTS_PAGE (widget);

  GTK_WIDGET_CLASS (haven_insights_page_parent_class)->map (widget);

  if (self->stale)
    refresh (self);
}

static void
haven_insights_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HavenInsightsPage *self = HAVEN_INSIGHTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_RANGE:
      g_value_set_string (value, haven_stats_range_to_string (self->range));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_insights_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HavenInsightsPage *self = HAVEN_INSIGHTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_RANGE:
      {
        HavenStatsRange range;

        if (haven_stats_range_from_string (g_value_get_string (value), &range) &&
            range != self->range)
          {
            self->range = range;
            /* The summary starts from the period shown. */
            gtk_actionable_set_action_target (GTK_ACTIONABLE (self->summary_button), "s",
                                              haven_stats_range_to_string (range));
            g_object_notify_by_pspec (object, properties[PROP_RANGE]);
            refresh (self);
          }
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_insights_page_dispose (GObject *object)
{
  HavenInsightsPage *self = HAVEN_INSIGHTS_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_INSIGHTS_PAGE);

  G_OBJECT_CLASS (haven_insights_page_parent_class)->dispose (object);
}

static void
haven_insights_page_class_init (HavenInsightsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = haven_insights_page_get_property;
  object_class->set_property = haven_insights_page_set_property;
  object_class->dispose = haven_insights_page_dispose;
  widget_class->map = haven_insights_page_map;

  /* "4-weeks", "3-months", "year" or "all". */
  properties[PROP_RANGE] =
    g_param_spec_string ("range", NULL, NULL, "4-weeks",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A point, bar, cell or list row was activated: show these records. */
  signals[SHOW_RECORDS] = g_signal_new ("show-records", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                        HAVEN_TYPE_JOURNAL_FILTER | G_SIGNAL_TYPE_STATIC_SCOPE);

  g_type_ensure (HAVEN_TYPE_BACK_BUTTON);
  g_type_ensure (HAVEN_TYPE_CHART_CARD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/haven-insights-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenInsightsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HavenInsightsPage, summary_button);
  gtk_widget_class_bind_template_child (widget_class, HavenInsightsPage, sparse_page);
  gtk_widget_class_bind_template_child (widget_class, HavenInsightsPage, observations_box);
  gtk_widget_class_bind_template_child (widget_class, HavenInsightsPage, observations_list);
  gtk_widget_class_bind_template_child (widget_class, HavenInsightsPage, mood_card);
  gtk_widget_class_bind_template_child (widget_class, HavenInsightsPage, reactions_card);
  gtk_widget_class_bind_template_child (widget_class, HavenInsightsPage, grid_card);
  gtk_widget_class_bind_template_child (widget_class, HavenInsightsPage, top_card);
  gtk_widget_class_bind_template_child (widget_class, HavenInsightsPage, helps_card);
  gtk_widget_class_bind_template_callback (widget_class, card_activated_cb);

  gtk_widget_class_install_property_action (widget_class, "insights.range", "range");
}

static void
haven_insights_page_init (HavenInsightsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  haven_chart_card_set_chart (self->mood_card, haven_chart_new (HAVEN_CHART_MOOD));
  haven_chart_card_set_chart (self->reactions_card, haven_chart_new (HAVEN_CHART_REACTIONS));
  haven_chart_card_set_chart (self->grid_card, haven_chart_new (HAVEN_CHART_PAIN_POINT_GRID));
  haven_chart_card_set_chart (self->top_card, haven_chart_new (HAVEN_CHART_PAIN_POINT_TOP));
  haven_chart_card_set_chart (self->helps_card, haven_chart_new (HAVEN_CHART_WHAT_HELPS));
}
