/* haven-observations.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The comparisons are always the last 28 local days against the 28 before them, whatever
 * range the charts show: "the last four weeks" means the same thing every time it is read.
 * Sentences say what was logged and how often, never what that says about the person.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "haven-observations.h"
#include "haven-vocabulary.h"

/* Raw spots worth a sentence of their own. */
#define MAX_PAIN_POINTS 2
/* Fewer times than this is not a pattern yet. */
#define MIN_COUNT 2

static HavenTime
local_midnight_after (HavenTime now,
                      int       days)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (at),
                                                          g_date_time_get_month (at),
                                                          g_date_time_get_day_of_month (at),
                                                          0, 0, 0);
  g_autoptr(GDateTime) shifted = g_date_time_add_days (midnight, days);

  return g_date_time_to_unix (shifted);
}

static guint
count_of (GPtrArray *counts,
          gint64     id)
{
  for (guint i = 0; i < counts->len; i++)
    {
      HavenPainPointCount *count = g_ptr_array_index (counts, i);

      if (count->id == id)
        return count->count;
    }

  return 0;
}

static char *
pain_point_sentence (const char *name,
                     guint       now,
                     guint       before)
{
  if (before == 0)
    /* Translators: a raw spot (pain point) in quotes, then how often it was logged. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "“%s” came up %u time in the last four weeks, and not at all in the four weeks before.",
                                         "“%s” came up %u times in the last four weeks, and not at all in the four weeks before.",
                                         now),
                            name, now);
  if (now > before)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "“%s” came up %u time in the last four weeks, up from %u in the four weeks before.",
                                         "“%s” came up %u times in the last four weeks, up from %u in the four weeks before.",
                                         now),
                            name, now, before);
  if (now < before)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "“%s” came up %u time in the last four weeks, down from %u in the four weeks before.",
                                         "“%s” came up %u times in the last four weeks, down from %u in the four weeks before.",
                                         now),
                            name, now, before);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "“%s” came up %u time in the last four weeks, as often as in the four weeks before.",
                                       "“%s” came up %u times in the last four weeks, as often as in the four weeks before.",
                                       now),
                          name, now);
}

static gboolean
add_pain_points (GPtrArray  *sentences,
                 HavenStore *store,
                 HavenTime   start,
                 HavenTime   middle,
                 HavenTime   end,
                 GError    **error)
{
  g_autoptr(GPtrArray) recent = NULL;
  g_autoptr(GPtrArray) earlier = NULL;

  recent = haven_stats_pain_point_counts (store, middle, end, error);
  if (recent == NULL)
    return FALSE;
  earlier = haven_stats_pain_point_counts (store, start, middle, error);
  if (earlier == NULL)
    return FALSE;

  for (guint i = 0; i < recent->len && i < MAX_PAIN_POINTS; i++)
    {
      HavenPainPointCount *count = g_ptr_array_index (recent, i);

      if (count->count < MIN_COUNT)
        break;
      g_ptr_array_add (sentences,
                       pain_point_sentence (count->name, count->count,
                                            count_of (earlier, count->id)));
    }

  return TRUE;
}

static gboolean
add_reactions (GPtrArray  *sentences,
               HavenStore *store,
               HavenTime   start,
               HavenTime   middle,
               HavenTime   end,
               GError    **error)
{
  guint recent[HAVEN_REACTION_LAST];
  guint earlier[HAVEN_REACTION_LAST];
  HavenReaction most = HAVEN_REACTION_NONE;
  guint most_count = 0;
  guint connecting_now;
  guint connecting_before;

  if (!haven_stats_reaction_counts (store, middle, end, recent, error) ||
      !haven_stats_reaction_counts (store, start, middle, earlier, error))
    return FALSE;

  for (HavenReaction r = HAVEN_REACTION_PURSUE; r <= HAVEN_REACTION_LAST; r++)
    {
      if (recent[r - 1] > most_count)
        {
          most = r;
          most_count = recent[r - 1];
        }
    }

  if (most_count >= MIN_COUNT)
    g_ptr_array_add (sentences,
                     /* Translators: a reaction ("Withdraw", "Pursue") in quotes, then how
                      * often it was logged. */
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "The reaction you noted most in the last four weeks was “%s”: %u time.",
                                                   "The reaction you noted most in the last four weeks was “%s”: %u times.",
                                                   most_count),
                                      haven_reaction_label (most), most_count));

  /* The two reactions that keep contact: worth noticing when they grow. */
  connecting_now = recent[HAVEN_REACTION_REACH_OUT - 1] + recent[HAVEN_REACTION_PAUSE - 1];
  connecting_before = earlier[HAVEN_REACTION_REACH_OUT - 1] + earlier[HAVEN_REACTION_PAUSE - 1];
  if (connecting_now >= MIN_COUNT && connecting_now > connecting_before)
    g_ptr_array_add (sentences,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "You reached out or took a pause %u time in the last four weeks, up from %u in the four weeks before.",
                                                   "You reached out or took a pause %u times in the last four weeks, up from %u in the four weeks before.",
                                                   connecting_now),
                                      connecting_now, connecting_before));

  return TRUE;
}

static gboolean
add_mood (GPtrArray  *sentences,
          HavenStore *store,
          HavenTime   start,
          HavenTime   middle,
          HavenTime   end,
          GError    **error)
{
  double recent_mean, earlier_mean;
  guint recent_count, earlier_count;

  if (!haven_stats_mood_mean (store, middle, end, &recent_mean, &recent_count, error) ||
      !haven_stats_mood_mean (store, start, middle, &earlier_mean, &earlier_count, error))
    return FALSE;

  if (recent_count < 3)
    return TRUE;

  if (earlier_count >= 3)
    g_ptr_array_add (sentences,
                     /* Translators: two averages on the 1–5 mood scale, e.g. 3.4 and 2.9. */
                     g_strdup_printf (_("Your mood averaged %.1f out of 5 in the last four weeks, and %.1f in the four weeks before."),
                                      recent_mean, earlier_mean));
  else
    g_ptr_array_add (sentences,
                     g_strdup_printf (_("Your mood averaged %.1f out of 5 in the last four weeks."),
                                      recent_mean));

  return TRUE;
}

static gboolean
add_what_helps (GPtrArray              *sentences,
                HavenStore             *store,
                const HavenStatsPeriod *period,
                GError                **error)
{
  g_autoptr(HavenHelpStats) helps = haven_stats_what_helps (store, period, error);
  const HavenHelpRow *best = NULL;

  if (helps == NULL)
    return FALSE;

  /* The largest drop among strategies used at least twice. */
  for (guint i = 0; i < helps->rows->len && best == NULL; i++)
    {
      const HavenHelpRow *row = g_ptr_array_index (helps->rows, i);

      if (row->count >= MIN_COUNT && row->mean_drop > 0)
        best = row;
    }

  if (best != NULL)
    g_ptr_array_add (sentences,
                     /* Translators: a way of calming down ("Slow breathing") in quotes, the
                      * mean drop in intensity (0–10 scale, e.g. 2.5), how often it was used. */
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Of what you tried, “%s” brought the intensity down the most: by %.1f points on average, over %u time.",
                                                   "Of what you tried, “%s” brought the intensity down the most: by %.1f points on average, over %u times.",
                                                   best->count),
                                      haven_vocabulary_label (HAVEN_VOCABULARY_REGULATION,
                                                              best->strategy),
                                      best->mean_drop, best->count));

  return TRUE;
}

GPtrArray *
haven_observations_compose (HavenStore              *store,
                            const HavenStatsPeriod  *period,
                            HavenTime                now,
                            GError                 **error)
{
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  HavenTime end = local_midnight_after (now, 1);
  HavenTime middle = local_midnight_after (now, 1 - 28);
  HavenTime start = local_midnight_after (now, 1 - 56);

  g_return_val_if_fail (HAVEN_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if (!add_pain_points (sentences, store, start, middle, end, error) ||
      !add_reactions (sentences, store, start, middle, end, error) ||
      !add_what_helps (sentences, store, period, error) ||
      !add_mood (sentences, store, start, middle, end, error))
    return NULL;

  return g_steal_pointer (&sentences);
}
