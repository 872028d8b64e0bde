/* haven-bench-generate.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing that looks like writing to SQLite and to FTS5: sentences from English and Dutch
 * word lists with a few very common words and a long tail, entries from a few words to a
 * few thousand characters, guided entries with their structured answers, check-ins several
 * times a day, and raw spots that come and go over the years.
 */
#include "config.h"

#include <math.h>

#include "haven-answers.h"
#include "haven-bench-generate.h"

static const char *en_words[] = {
  "I", "you", "we", "the", "a", "and", "to", "it", "was", "felt", "when", "said", "again",
  "argument", "tired", "dinner", "phone", "kitchen", "late", "work", "silence", "door",
  "message", "weekend", "mother", "sister", "friends", "money", "holiday", "walk", "tears",
  "sorry", "closer", "alone", "seen", "heard", "tone", "sigh", "promise", "plans", "coffee",
  "evening", "morning", "bed", "car", "train", "dishes", "laundry", "children", "birthday",
  "afraid", "angry", "hurt", "calm", "hug", "listen", "shouted", "left", "waited", "texted",
};

static const char *nl_words[] = {
  "ik", "jij", "we", "de", "het", "een", "en", "dat", "was", "voelde", "toen", "zei", "weer",
  "ruzie", "moe", "eten", "telefoon", "keuken", "laat", "werk", "stilte", "deur", "bericht",
  "weekend", "moeder", "zus", "vrienden", "geld", "vakantie", "wandeling", "tranen", "sorry",
  "dichterbij", "alleen", "gehoord", "toon", "zucht", "belofte", "plannen", "koffie", "avond",
  "ochtend", "bed", "auto", "trein", "afwas", "was", "kinderen", "verjaardag", "bang", "boos",
  "gekwetst", "rustig", "knuffel", "luisteren", "schreeuwde", "wegging", "wachtte", "appte",
};

/* A word by rank: the first few come often, the rest rarely (roughly Zipf). */
static const char *
word (GRand              *rand,
      const char * const *words,
      guint               n_words)
{
  double u = g_rand_double (rand);
  guint rank = (guint)(pow (u, 2.2) * n_words);

  return words[MIN (rank, n_words - 1)];
}

static void
append_sentence (GString *text,
                 GRand   *rand,
                 gboolean dutch)
{
  const char * const *words = dutch ? nl_words : en_words;
  guint n_words = dutch ? G_N_ELEMENTS (nl_words) : G_N_ELEMENTS (en_words);
  guint length = g_rand_int_range (rand, 5, 18);

  if (text->len > 0 && text->str[text->len - 1] != '\n')
    g_string_append_c (text, ' ');

  /* The searched-for words: one common in Dutch, a phrase, and one very rare. */
  if (dutch && g_rand_double (rand) < 0.12)
    g_string_append (text, "na de ruzie ");
  if (dutch && g_rand_double (rand) < 0.02)
    g_string_append (text, "ik voelde me niet gezien en ");
  if (g_rand_double (rand) < 0.0004)
    g_string_append (text, dutch ? "op de zeilboot " : "on the zeilboot ");

  for (guint i = 0; i < length; i++)
    {
      const char *w = word (rand, words, n_words);

      if (i == 0)
        {
          g_autofree char *upper = g_utf8_strup (w, 1);
          g_string_append (text, upper);
          g_string_append (text, w + 1);
        }
      else
        {
          g_string_append_c (text, ' ');
          g_string_append (text, w);
        }
    }
  g_string_append_c (text, '.');
}

static char *
make_text (GRand    *rand,
           gboolean  dutch,
           guint     min_sentences,
           guint     max_sentences)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, min_sentences, max_sentences + 1);

  for (guint i = 0; i < n; i++)
    {
      append_sentence (text, rand, dutch);
      if (i + 1 < n && g_rand_double (rand) < 0.25)
        g_string_append (text, "\n\n");
    }

  return g_string_free (text, FALSE);
}

typedef struct
{
  guint      n_entries;
  guint      n_checkins;
  HavenTime  now;
  GRand     *rand;
  gint64     pain_points[8];
} Generator;

static const char *pain_point_names[] = {
  "feeling ignored", "being criticised", "not being chosen", "being left alone",
  "niet gezien worden", "bekritiseerd worden", "te veel zijn", "niet goed genoeg zijn",
};

/* Raw spots rise and fall over the years. */
static gint64
pain_point_at (Generator *g,
               double     t)
{
  double weights[G_N_ELEMENTS (pain_point_names)];
  double total = 0, r;

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      weights[i] = 1.2 + sin (t * 6.0 + i * 0.9);
      total += weights[i];
    }

  r = g_rand_double (g->rand) * total;
  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      r -= weights[i];
      if (r <= 0)
        return g->pain_points[i];
    }

  return g->pain_points[0];
}

static const char *reactions[] = { "pursue", "withdraw", "freeze", "appease", "reach-out", "pause" };
static const char *strategies[] = { "slow-breathing", "break", "moving", "naming", "reaching-out",
                                    "writing", "grounding", "cold-water" };
static const char *emotions[] = { "angry", "afraid", "sad", "hurt", "lonely", "calm", "relieved",
                                  "grateful", "anxious", "ashamed" };

static gboolean
generate (HavenStore  *store,
          gpointer     user_data,
          GError     **error)
{
  Generator *g = user_data;
  HavenTime span = 10 * 365 * 24 * 3600;
  HavenTime first = g->now - span;

  for (guint i = 0; i < G_N_ELEMENTS (pain_point_names); i++)
    {
      g_autoptr(HavenPainPoint) point = haven_store_add_pain_point (store, pain_point_names[i], error);

      if (point == NULL)
        return FALSE;
      g->pain_points[i] = haven_pain_point_get_id (point);
    }

  for (guint i = 0; i < g->n_entries; i++)
    {
      double t = g->n_entries > 1 ? (double)i / (g->n_entries - 1) : 1.0;
      HavenTime at = first + (HavenTime)(t * span) + g_rand_int_range (g->rand, 0, 3600);
      gboolean dutch = g_rand_boolean (g->rand);
      double kind = g_rand_double (g->rand);
      g_autoptr(HavenEntry) entry = NULL;
      gint64 point = pain_point_at (g, t);

      if (kind < 0.4)
        {
          g_autofree char *what = make_text (g->rand, dutch, 1, 8);
          g_autofree char *echo = make_text (g->rand, dutch, 0, 3);
          g_autofree char *instead = make_text (g->rand, dutch, 1, 2);
          const char *reaction[] = { reactions[g_rand_int_range (g->rand, 0, 6)], NULL };
          const char *helped[] = { strategies[g_rand_int_range (g->rand, 0, 8)], NULL };
          int before = g_rand_int_range (g->rand, 4, 11);

          entry = haven_entry_new (HAVEN_ENTRY_KIND_CONFLICT);
          haven_entry_set_flow_id (entry, "after-conflict");
          haven_entry_set_answer (entry, "what-happened", g_variant_new_string (what));
          if (*echo != '\0')
            haven_entry_set_answer (entry, "echo", g_variant_new_string (echo));
          haven_entry_set_answer (entry, "say-instead", g_variant_new_string (instead));
          haven_entry_set_answer (entry, HAVEN_ANSWER_REACTION, g_variant_new_strv (reaction, -1));
          haven_entry_set_answer (entry, HAVEN_ANSWER_REGULATION, g_variant_new_strv (helped, -1));
          haven_entry_set_answer (entry, HAVEN_ANSWER_INTENSITY, g_variant_new_int64 (before));
          int after = before - g_rand_int_range (g->rand, 0, 6);

          haven_entry_set_answer (entry, HAVEN_ANSWER_INTENSITY_AFTER,
                                  g_variant_new_int64 (MAX (0, after)));
          haven_entry_set_body (entry, what);
          haven_entry_set_pain_point_ids (entry, &point, 1);
        }
      else
        {
          g_autofree char *body = make_text (g->rand, dutch, 1, kind < 0.45 ? 40 : 12);

          entry = haven_entry_new (kind < 0.8 ? HAVEN_ENTRY_KIND_FREE
                                   : kind < 0.9 ? HAVEN_ENTRY_KIND_REFLECTION
                                                : HAVEN_ENTRY_KIND_BOUNDARY);
          haven_entry_set_body (entry, body);
          if (g_rand_double (g->rand) < 0.3)
            haven_entry_set_pain_point_ids (entry, &point, 1);
        }

      haven_entry_set_title (entry, g_rand_double (g->rand) < 0.5 ? "" : dutch ? "Een avond" : "An evening");
      haven_entry_set_occurred_at (entry, at);

      if (!haven_store_save_entry (store, entry, error))
        return FALSE;
    }

  for (guint i = 0; i < g->n_checkins; i++)
    {
      double t = g->n_checkins > 1 ? (double)i / (g->n_checkins - 1) : 1.0;
      HavenTime at = first + (HavenTime)(t * span) + g_rand_int_range (g->rand, 0, 1800);
      g_autoptr(HavenCheckin) checkin = haven_checkin_new (g_rand_int_range (g->rand, 1, 6));
      const char *felt[] = { emotions[g_rand_int_range (g->rand, 0, 10)],
                             emotions[g_rand_int_range (g->rand, 0, 10)], NULL };

      haven_checkin_set_at (checkin, at);
      haven_checkin_set_emotions (checkin, felt);

      if (g_rand_double (g->rand) < 0.5)
        {
          const char *helped[] = { strategies[g_rand_int_range (g->rand, 0, 8)], NULL };
          int before = g_rand_int_range (g->rand, 3, 11);
          gint64 point = pain_point_at (g, t);

          haven_checkin_set_reaction (checkin, 1 + g_rand_int_range (g->rand, 0, HAVEN_REACTION_LAST));
          haven_checkin_set_intensity_before (checkin, before);
          haven_checkin_set_regulation (checkin, helped);
          int after = before - g_rand_int_range (g->rand, 0, 6);

          haven_checkin_set_intensity_after (checkin, MAX (0, after));
          haven_checkin_set_pain_point_ids (checkin, &point, 1);
        }

      if (g_rand_double (g->rand) < 0.3)
        {
          g_autofree char *note = make_text (g->rand, g_rand_boolean (g->rand), 1, 1);
          haven_checkin_set_note (checkin, note);
        }

      if (!haven_store_save_checkin (store, checkin, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
haven_bench_generate (HavenStore  *store,
                      guint        n_entries,
                      guint        n_checkins,
                      HavenTime    now,
                      guint32      seed,
                      GError     **error)
{
  Generator g = { n_entries, n_checkins, now, g_rand_new_with_seed (seed), { 0 } };
  gboolean ok = haven_store_run_in_transaction (store, generate, &g, error);

  g_rand_free (g.rand);

  return ok;
}
