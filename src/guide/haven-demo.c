/* haven-demo.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A demo journal has to look like a real person's weeks, or the charts say nothing: a few
 * check-ins a day, a conflict or two a week, raw spots that come back with a trend (one
 * fades as the weeks go by, another grows), reactions that slowly shift from pursuing and
 * withdrawing toward reaching out and pausing, and strategies that calm some more than
 * others. Guided entries are put together by the same runner the app uses, so they read
 * exactly like entries written in it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "haven-answers.h"
#include "haven-demo.h"
#include "haven-flow-runner.h"
#include "haven-vocabulary.h"

typedef struct
{
  const char *what_happened;
  const char *echo;
  const char *softer;
  const char *say_instead;
  const char *appreciation;
  const char *title;
} DemoConflict;

typedef struct
{
  const char *title;
  const char *body;
} DemoFreeEntry;

typedef struct
{
  const char *moment;
  const char *afraid;
  const char *needed;
  const char *their_side;
  const char *next_time;
} DemoRockyMoment;

typedef struct
{
  const char *what_happened;
  const char *wound_care;
  const char *boundary_sentence;
} DemoBoundary;

#include "haven-demo-texts.c"

#define DAY (24 * 3600)

typedef struct
{
  HavenStore *store;
  GRand      *rand;
  HavenTime   start;      /* local midnight of the first day */
  HavenTime   now;        /* nothing is written after this */
  guint       n_days;
  gint64      pain_points[5];
} Demo;

/* The raw spots, from the suggestions, in the interface language. */
static const char *pain_point_ids[] = {
  "ignored", "criticised", "not-chosen", "left-alone", "not-good-enough",
};

static const char *
pick (Demo               *demo,
      const char * const *items,
      guint               n_items)
{
  return items[g_rand_int_range (demo->rand, 0, n_items)];
}

static double
progress (Demo *demo,
          guint day)
{
  return demo->n_days > 1 ? (double)day / (demo->n_days - 1) : 1.0;
}

/* How likely each raw spot is on a given day: "feeling ignored" fades, "being criticised"
 * grows, the others stay in the background. */
static gint64
pick_pain_point (Demo *demo,
                 guint day)
{
  double t = progress (demo, day);
  double weights[G_N_ELEMENTS (pain_point_ids)] = {
    3.0 - 2.2 * t, 0.6 + 2.0 * t, 0.9, 0.5 + 0.8 * sin (t * G_PI * 3), 0.6,
  };
  double total = 0, r;

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    total += MAX (weights[i], 0.05);

  r = g_rand_double (demo->rand) * total;
  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      r -= MAX (weights[i], 0.05);
      if (r <= 0)
        return demo->pain_points[i];
    }

  return demo->pain_points[0];
}

/* Early on: pursuing and withdrawing; later more reaching out and pausing. */
static HavenReaction
pick_reaction (Demo *demo,
               guint day)
{
  double t = progress (demo, day);
  double weights[] = {
    [HAVEN_REACTION_PURSUE] = 3.0 - 2.0 * t,
    [HAVEN_REACTION_WITHDRAW] = 2.5 - 1.5 * t,
    [HAVEN_REACTION_FREEZE] = 0.8,
    [HAVEN_REACTION_APPEASE] = 1.0 - 0.4 * t,
    [HAVEN_REACTION_REACH_OUT] = 0.4 + 2.6 * t,
    [HAVEN_REACTION_PAUSE] = 0.3 + 2.2 * t,
  };
  double total = 0, r;

  for (HavenReaction i = HAVEN_REACTION_PURSUE; i <= HAVEN_REACTION_LAST; i++)
    total += weights[i];

  r = g_rand_double (demo->rand) * total;
  for (HavenReaction i = HAVEN_REACTION_PURSUE; i <= HAVEN_REACTION_LAST; i++)
    {
      r -= weights[i];
      if (r <= 0)
        return i;
    }

  return HAVEN_REACTION_PAUSE;
}

/* How much each strategy tends to lower the intensity: what the "what helps" chart finds. */
static const struct { const char *id; double drop; } strategies[] = {
  { "slow-breathing", 3.2 },
  { "break", 3.8 },
  { "moving", 2.9 },
  { "naming", 2.1 },
  { "reaching-out", 3.0 },
  { "writing", 2.4 },
  { "grounding", 1.8 },
  { "cold-water", 1.5 },
};

static int
clamp_intensity (double value)
{
  return CLAMP ((int)lround (value), 0, 10);
}

static HavenTime
at_time (Demo  *demo,
         guint  day,
         int    hour,
         int    minute)
{
  g_autoptr(GDateTime) midnight = g_date_time_new_from_unix_local (demo->start);
  g_autoptr(GDateTime) date = g_date_time_add_days (midnight, day);
  g_autoptr(GDateTime) moment = g_date_time_new_local (g_date_time_get_year (date),
                                                       g_date_time_get_month (date),
                                                       g_date_time_get_day_of_month (date),
                                                       hour, minute, 0);

  return g_date_time_to_unix (moment);
}

static const char *
emotion_for_mood (Demo *demo,
                  int   mood)
{
  static const char *hard[] = { "hurt", "lonely", "afraid", "sad", "angry", "rejected",
                                "anxious", "frustrated", "misunderstood", "unseen" };
  static const char *middle[] = { "irritated", "insecure", "disappointed", "anxious", "calm",
                                  "hopeful" };
  static const char *good[] = { "calm", "relieved", "connected", "grateful", "hopeful" };

  if (mood <= 2)
    return pick (demo, hard, G_N_ELEMENTS (hard));
  if (mood == 3)
    return pick (demo, middle, G_N_ELEMENTS (middle));

  return pick (demo, good, G_N_ELEMENTS (good));
}

static gboolean
add_checkin (Demo       *demo,
             guint       day,
             HavenTime   at,
             gboolean    hard_day,
             gint64      entry_id,
             const char *note,
             GError    **error)
{
  g_autoptr(HavenCheckin) checkin = NULL;
  double t = progress (demo, day);
  double mood_mean = 2.6 + 1.1 * t - (hard_day ? 1.0 : 0.0);
  /* Drawn once: CLAMP evaluates its argument more than once. */
  long drawn = lround (mood_mean + g_rand_double_range (demo->rand, -1.2, 1.2));
  int mood = (int) CLAMP (drawn, 1, 5);
  const char *emotions[4] = { NULL };
  guint n_emotions = g_rand_int_range (demo->rand, 1, 4);

  checkin = haven_checkin_new (mood);
  haven_checkin_set_at (checkin, at);

  for (guint i = 0; i < n_emotions; i++)
    emotions[i] = emotion_for_mood (demo, mood);
  haven_checkin_set_emotions (checkin, emotions);

  /* A hard moment: how it went, and what helped. */
  if (mood <= 3 && (hard_day || g_rand_double (demo->rand) < 0.45))
    {
      static const char *signals[] = { "racing-heart", "tight-chest", "fast-breathing",
                                       "stomach", "lump-in-throat", "tense-muscles",
                                       "hot-face", "restless", "numb", "heavy" };
      const char *body[3] = { pick (demo, signals, G_N_ELEMENTS (signals)),
                              g_rand_boolean (demo->rand) ? pick (demo, signals, G_N_ELEMENTS (signals)) : NULL,
                              NULL };
      guint s = g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (strategies));
      int before = clamp_intensity (g_rand_double_range (demo->rand, 5, 9.5) - (mood - 1) * 0.5);
      double drop = strategies[s].drop + g_rand_double_range (demo->rand, -1.5, 1.5);
      const char *used[3] = { strategies[s].id, NULL, NULL };
      gint64 point = pick_pain_point (demo, day);

      if (g_rand_double (demo->rand) < 0.3)
        {
          guint s2 = g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (strategies));

          if (s2 != s)
            {
              used[1] = strategies[s2].id;
              drop += 0.5;
            }
        }

      haven_checkin_set_body_signals (checkin, body);
      haven_checkin_set_reaction (checkin, pick_reaction (demo, day));
      haven_checkin_set_intensity_before (checkin, before);
      haven_checkin_set_regulation (checkin, used);
      haven_checkin_set_intensity_after (checkin, clamp_intensity (before - drop));
      haven_checkin_set_pain_point_ids (checkin, &point, 1);
    }

  if (note != NULL)
    haven_checkin_set_note (checkin, _(note));
  else if (g_rand_double (demo->rand) < 0.5)
    haven_checkin_set_note (checkin, _(pick (demo, demo_checkin_notes,
                                             G_N_ELEMENTS (demo_checkin_notes))));

  haven_checkin_set_entry_id (checkin, entry_id);

  return haven_store_save_checkin (demo->store, checkin, error);
}

/* Walks a flow's runner through the answers, the way the app does, and saves the entry. */
static gint64
save_flow (Demo            *demo,
           HavenFlowRunner *runner,
           HavenTime        at,
           GError         **error)
{
  HavenEntry *entry = haven_flow_runner_get_entry (runner);
  g_autofree char *title = haven_flow_runner_compose_title (runner);
  g_autofree char *body = haven_flow_runner_compose_summary (runner);

  haven_entry_set_occurred_at (entry, at);
  haven_flow_runner_finish (runner, title, body);

  if (!haven_store_save_entry (demo->store, entry, error))
    return 0;

  return haven_entry_get_id (entry);
}

static void
answer (HavenFlowRunner *runner,
        const char      *step_id,
        GVariant        *value)
{
  haven_flow_runner_go_to (runner, haven_flow_step_index (haven_flow_runner_get_flow (runner),
                                                          step_id));
  haven_flow_runner_set_answer (runner, value);
}

static GVariant *
one_of (const char *id)
{
  const char *ids[] = { id, NULL };

  return g_variant_new_strv (ids, -1);
}

static GVariant *
text (const char *untranslated)
{
  return g_variant_new_string (_(untranslated));
}

static gint64
add_conflict (Demo       *demo,
              guint       day,
              HavenTime   at,
              guint       story,
              GError    **error)
{
  const DemoConflict *c = &demo_conflicts[story % G_N_ELEMENTS (demo_conflicts)];
  g_autoptr(HavenFlowRunner) runner =
    haven_flow_runner_new (demo->store, haven_flow_lookup (HAVEN_FLOW_AFTER_CONFLICT), NULL);
  static const char *bodies[] = { "tight-chest", "racing-heart", "stomach", "lump-in-throat",
                                  "hot-face", "tense-muscles" };
  static const char *softer[] = { "sadness", "fear", "shame", "loneliness", "hurt" };
  static const char *needs[] = { "seen", "closeness", "certainty", "recognition", "comfort",
                                 "autonomy" };
  static const char *patterns[] = { "protest-dance", "protest-dance", "find-the-bad-guy",
                                    "freeze-and-flee", "unsure" };
  const char *body[3] = { pick (demo, bodies, G_N_ELEMENTS (bodies)),
                          pick (demo, bodies, G_N_ELEMENTS (bodies)), NULL };
  const char *need[3] = { pick (demo, needs, G_N_ELEMENTS (needs)),
                          pick (demo, needs, G_N_ELEMENTS (needs)), NULL };
  guint s = g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (strategies));
  int before = g_rand_int_range (demo->rand, 6, 10);
  gint64 point = pick_pain_point (demo, day);

  answer (runner, "what-happened", text (c->what_happened));
  answer (runner, HAVEN_ANSWER_BODY_SIGNALS, g_variant_new_strv (body, -1));
  answer (runner, HAVEN_ANSWER_INTENSITY, g_variant_new_int64 (before));
  haven_flow_runner_set_pain_points (runner, &point, 1);
  answer (runner, "echo", text (c->echo));
  answer (runner, HAVEN_ANSWER_REACTION,
          one_of (haven_reaction_to_string (pick_reaction (demo, day))));
  answer (runner, HAVEN_ANSWER_PATTERN, one_of (pick (demo, patterns, G_N_ELEMENTS (patterns))));
  answer (runner, "softer-feeling", one_of (pick (demo, softer, G_N_ELEMENTS (softer))));
  answer (runner, "need", g_variant_new_strv (need, -1));
  answer (runner, "boundary-or-wound", one_of (g_rand_double (demo->rand) < 0.7 ? "wound" : "both"));
  answer (runner, HAVEN_ANSWER_REGULATION, one_of (strategies[s].id));
  answer (runner, HAVEN_ANSWER_INTENSITY_AFTER,
          g_variant_new_int64 (clamp_intensity (before - strategies[s].drop +
                                                g_rand_double_range (demo->rand, -1, 1))));
  answer (runner, "say-instead", text (c->say_instead));
  answer (runner, "appreciation", text (c->appreciation));
  haven_entry_set_title (haven_flow_runner_get_entry (runner), _(c->title));

  {
    HavenEntry *entry = haven_flow_runner_get_entry (runner);
    g_autofree char *summary = haven_flow_runner_compose_summary (runner);

    haven_entry_set_occurred_at (entry, at);
    haven_flow_runner_finish (runner, _(c->title), summary);
    if (!haven_store_save_entry (demo->store, entry, error))
      return 0;

    /* The check-in logged right after, linked to the entry. */
    if (!add_checkin (demo, day, at + 20 * 60, TRUE, haven_entry_get_id (entry), c->softer, error))
      return 0;

    return haven_entry_get_id (entry);
  }
}

static gboolean
add_calm_down (Demo      *demo,
               guint      day,
               HavenTime  at,
               GError   **error)
{
  g_autoptr(HavenFlowRunner) runner =
    haven_flow_runner_new (demo->store, haven_flow_lookup (HAVEN_FLOW_CALM_DOWN), NULL);
  static const char *feelings[] = { "anxious", "angry", "hurt", "afraid", "lonely", "frustrated" };
  const char *felt[3] = { pick (demo, feelings, G_N_ELEMENTS (feelings)),
                          pick (demo, feelings, G_N_ELEMENTS (feelings)), NULL };
  int before = g_rand_int_range (demo->rand, 6, 10);

  answer (runner, HAVEN_ANSWER_EMOTIONS, g_variant_new_strv (felt, -1));
  answer (runner, HAVEN_ANSWER_INTENSITY, g_variant_new_int64 (before));
  answer (runner, "breathing", g_variant_new_int64 (g_rand_int_range (demo->rand, 2, 6) * 60));
  answer (runner, HAVEN_ANSWER_INTENSITY_AFTER,
          g_variant_new_int64 (clamp_intensity (before - g_rand_double_range (demo->rand, 2, 4.5))));

  return save_flow (demo, runner, at, error) != 0;
}

static gboolean
add_rocky_moment (Demo      *demo,
                  guint      day,
                  HavenTime  at,
                  guint      index,
                  GError   **error)
{
  const DemoRockyMoment *m = &demo_rocky_moments[index % G_N_ELEMENTS (demo_rocky_moments)];
  g_autoptr(HavenFlowRunner) runner =
    haven_flow_runner_new (demo->store, haven_flow_lookup (HAVEN_FLOW_ROCKY_MOMENT), NULL);
  gint64 point = pick_pain_point (demo, day);

  answer (runner, "moment", text (m->moment));
  answer (runner, "most-afraid", text (m->afraid));
  answer (runner, "most-needed", text (m->needed));
  answer (runner, "their-side", text (m->their_side));
  haven_flow_runner_set_pain_points (runner, &point, 1);
  answer (runner, "next-time", text (m->next_time));

  return save_flow (demo, runner, at, error) != 0;
}

static gboolean
add_boundary (Demo      *demo,
              HavenTime  at,
              guint      index,
              GError   **error)
{
  const DemoBoundary *b = &demo_boundaries[index % G_N_ELEMENTS (demo_boundaries)];
  g_autoptr(HavenFlowRunner) runner =
    haven_flow_runner_new (demo->store, haven_flow_lookup (HAVEN_FLOW_BOUNDARY_OR_WOUND), NULL);

  answer (runner, "what-happened", text (b->what_happened));
  answer (runner, "familiar", one_of (index % 2 == 0 ? "yes" : "unsure"));
  answer (runner, "whoever-did-it", one_of (index % 2 == 0 ? "no" : "yes"));
  answer (runner, "boundary-or-wound", one_of (index % 2 == 0 ? "wound" : "boundary"));
  answer (runner, "wound-care", text (b->wound_care));
  answer (runner, "boundary-sentence", text (b->boundary_sentence));

  return save_flow (demo, runner, at, error) != 0;
}

static gboolean
add_weekly_review (Demo      *demo,
                   HavenTime  at,
                   guint      week,
                   GError   **error)
{
  g_autoptr(HavenFlowRunner) runner =
    haven_flow_runner_new (demo->store, haven_flow_lookup (HAVEN_FLOW_WEEKLY_REVIEW), NULL);

  answer (runner, "stands-out",
          text (demo_week_reflections[week % G_N_ELEMENTS (demo_week_reflections)]));
  answer (runner, "intention",
          text (demo_weekly_intentions[week % G_N_ELEMENTS (demo_weekly_intentions)]));

  return save_flow (demo, runner, at, error) != 0;
}

static gboolean
add_free_entry (Demo      *demo,
                HavenTime  at,
                guint      index,
                GError   **error)
{
  const DemoFreeEntry *f = &demo_free_entries[index % G_N_ELEMENTS (demo_free_entries)];
  g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);

  haven_entry_set_flow_id (entry, HAVEN_FLOW_FREE);
  haven_entry_set_title (entry, _(f->title));
  haven_entry_set_body (entry, _(f->body));
  haven_entry_set_occurred_at (entry, at);

  return haven_store_save_entry (demo->store, entry, error);
}

static gboolean
fill (HavenStore  *store,
      gpointer     user_data,
      GError     **error)
{
  Demo *demo = user_data;
  guint stories = 0, rocky = 0, boundaries = 0, free_entries = 0;

  for (guint i = 0; i < G_N_ELEMENTS (pain_point_ids); i++)
    {
      g_autoptr(HavenPainPoint) point =
        haven_store_add_pain_point (store, haven_vocabulary_label (HAVEN_VOCABULARY_PAIN_POINT_SUGGESTIONS,
                                                                   pain_point_ids[i]),
                                    error);
      if (point == NULL)
        return FALSE;
      demo->pain_points[i] = haven_pain_point_get_id (point);
    }

  for (guint day = 0; day < demo->n_days; day++)
    {
      /* Conflicts come more often early on, about one or two a week. */
      double conflict_chance = 0.28 - 0.1 * progress (demo, day);
      gboolean hard_day = g_rand_double (demo->rand) < conflict_chance;
      guint n_checkins = g_rand_int_range (demo->rand, 0, 4);
      int hour = 8;

      if (hard_day)
        {
          HavenTime at = at_time (demo, day, g_rand_int_range (demo->rand, 18, 22),
                                  g_rand_int_range (demo->rand, 0, 60));

          if (at + 3600 < demo->now && add_conflict (demo, day, at, stories++, error) == 0)
            return FALSE;

          if (at + 3600 < demo->now && g_rand_double (demo->rand) < 0.4 &&
              !add_calm_down (demo, day, at - 30 * 60, error))
            return FALSE;
        }

      for (guint i = 0; i < n_checkins; i++)
        {
          HavenTime at;

          hour += g_rand_int_range (demo->rand, 1, 5);
          if (hour > 23)
            break;
          at = at_time (demo, day, hour, g_rand_int_range (demo->rand, 0, 60));
          if (at < demo->now &&
              !add_checkin (demo, day, at, hard_day && i == n_checkins - 1, 0, NULL, error))
            return FALSE;
        }

      /* A few days later, the calm look back. */
      if (day > 2 && day % 9 == 4 && at_time (demo, day, 12, 30) < demo->now &&
          !add_rocky_moment (demo, day, at_time (demo, day, 12, 30), rocky++, error))
        return FALSE;

      if (day % 17 == 8 && at_time (demo, day, 15, 10) < demo->now &&
          !add_boundary (demo, at_time (demo, day, 15, 10), boundaries++, error))
        return FALSE;

      if (day % 8 == 6 && at_time (demo, day, 22, 40) < demo->now &&
          !add_free_entry (demo, at_time (demo, day, 22, 40), free_entries++, error))
        return FALSE;

      /* Once a week, the weekly look back (every seventh day counted from the last). */
      if ((demo->n_days - 1 - day) % 7 == 0 && day >= 6 && at_time (demo, day, 20, 15) < demo->now &&
          !add_weekly_review (demo, at_time (demo, day, 20, 15), day / 7, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
haven_demo_fill (HavenStore  *store,
                 HavenTime    now,
                 guint        weeks,
                 guint32      seed,
                 GError     **error)
{
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) first = NULL;
  Demo demo = { 0 };
  gboolean ok;

  g_return_val_if_fail (HAVEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (weeks > 0, FALSE);

  midnight = g_date_time_new_local (g_date_time_get_year (today), g_date_time_get_month (today),
                                    g_date_time_get_day_of_month (today), 0, 0, 0);
  first = g_date_time_add_days (midnight, -(int)(weeks * 7) + 1);

  demo.store = store;
  demo.rand = g_rand_new_with_seed (seed);
  demo.start = g_date_time_to_unix (first);
  demo.n_days = weeks * 7;
  demo.now = now;

  ok = haven_store_run_in_transaction (store, fill, &demo, error);

  g_rand_free (demo.rand);

  return ok;
}
