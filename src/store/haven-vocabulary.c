/* haven-vocabulary.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "haven-vocabulary.h"

static const HavenWord entry_kinds[] = {
  { "free", N_("Free entry"), NULL, "document-edit-symbolic", NULL },
  { "conflict", N_("After a conflict"), NULL, "weather-storm-symbolic", NULL },
  { "boundary", N_("Boundary or old wound"), NULL, "security-medium-symbolic", NULL },
  { "regulation", N_("Calming down"), NULL, "weather-windy-symbolic", NULL },
  { "reflection", N_("Looking back"), NULL, "weather-clear-night-symbolic", NULL },
};

static const HavenWord moods[] = {
  { "1", N_("Very hard"), NULL, "face-crying-symbolic", NULL },
  { "2", N_("Hard"), NULL, "face-sad-symbolic", NULL },
  { "3", N_("Okay"), NULL, "face-plain-symbolic", NULL },
  { "4", N_("Good"), NULL, "face-smile-symbolic", NULL },
  { "5", N_("Very good"), NULL, "face-smile-big-symbolic", NULL },
};

static const HavenWord reactions[] = {
  { "pursue", N_("Pursue"), N_("I pushed for a reaction: criticised, insisted, kept at it"), NULL, NULL },
  { "withdraw", N_("Withdraw"), N_("I pulled back: went quiet, left the room, shut down"), NULL, NULL },
  { "freeze", N_("Freeze"), N_("I went blank and could not think or move"), NULL, NULL },
  { "appease", N_("Appease"), N_("I gave in or smoothed things over, putting myself last"), NULL, NULL },
  { "reach-out", N_("Reach out"), N_("I showed what was going on in me and asked for contact"), NULL, NULL },
  { "pause", N_("Take a pause"), N_("I asked for a break and said when I would come back"), NULL, NULL },
};

static const HavenWord emotion_groups[] = {
  { "anger", N_("Anger"), NULL, NULL, NULL },
  { "fear", N_("Fear"), NULL, NULL, NULL },
  { "sadness", N_("Sadness"), NULL, NULL, NULL },
  { "shame", N_("Shame"), NULL, NULL, NULL },
  { "hurt", N_("Hurt"), NULL, NULL, NULL },
  { "loneliness", N_("Loneliness"), NULL, NULL, NULL },
  { "guilt", N_("Guilt"), NULL, NULL, NULL },
  { "pleasant", N_("Pleasant"), NULL, NULL, NULL },
};

static const HavenWord emotions[] = {
  { "angry", N_("angry"), NULL, NULL, "anger" },
  { "irritated", N_("irritated"), NULL, NULL, "anger" },
  { "frustrated", N_("frustrated"), NULL, NULL, "anger" },
  { "afraid", N_("afraid"), NULL, NULL, "fear" },
  { "anxious", N_("anxious"), NULL, NULL, "fear" },
  { "insecure", N_("insecure"), NULL, NULL, "fear" },
  { "sad", N_("sad"), NULL, NULL, "sadness" },
  { "disappointed", N_("disappointed"), NULL, NULL, "sadness" },
  { "powerless", N_("powerless"), NULL, NULL, "sadness" },
  { "ashamed", N_("ashamed"), NULL, NULL, "shame" },
  { "small", N_("small"), NULL, NULL, "shame" },
  { "hurt", N_("hurt"), NULL, NULL, "hurt" },
  { "rejected", N_("rejected"), NULL, NULL, "hurt" },
  { "misunderstood", N_("misunderstood"), NULL, NULL, "hurt" },
  { "lonely", N_("lonely"), NULL, NULL, "loneliness" },
  { "abandoned", N_("abandoned"), NULL, NULL, "loneliness" },
  { "unseen", N_("unseen"), NULL, NULL, "loneliness" },
  { "guilty", N_("guilty"), NULL, NULL, "guilt" },
  { "regretful", N_("regretful"), NULL, NULL, "guilt" },
  { "calm", N_("calm"), NULL, NULL, "pleasant" },
  { "relieved", N_("relieved"), NULL, NULL, "pleasant" },
  { "connected", N_("connected"), NULL, NULL, "pleasant" },
  { "grateful", N_("grateful"), NULL, NULL, "pleasant" },
  { "hopeful", N_("hopeful"), NULL, NULL, "pleasant" },
};

static const HavenWord body_signals[] = {
  { "racing-heart", N_("racing heart"), NULL, NULL, NULL },
  { "tight-chest", N_("tight chest"), NULL, NULL, NULL },
  { "fast-breathing", N_("fast or shallow breathing"), NULL, NULL, NULL },
  { "stomach", N_("knot in the stomach"), NULL, NULL, NULL },
  { "lump-in-throat", N_("lump in the throat"), NULL, NULL, NULL },
  { "tense-muscles", N_("tense jaw or shoulders"), NULL, NULL, NULL },
  { "hot-face", N_("hot face"), NULL, NULL, NULL },
  { "trembling", N_("trembling"), NULL, NULL, NULL },
  { "tears", N_("tears"), NULL, NULL, NULL },
  { "restless", N_("restless"), NULL, NULL, NULL },
  { "numb", N_("numb or far away"), NULL, NULL, NULL },
  { "heavy", N_("heavy and tired"), NULL, NULL, NULL },
};

static const HavenWord regulation[] = {
  { "slow-breathing", N_("Slow breathing"), N_("Breathing out longer than in"), NULL, NULL },
  { "break", N_("A break"), N_("Twenty minutes or more away from the talk"), NULL, NULL },
  { "moving", N_("Moving"), N_("A walk, stretching, shaking it off"), NULL, NULL },
  { "naming", N_("Naming the feeling"), N_("Putting a word to what I felt"), NULL, NULL },
  { "reaching-out", N_("Reaching out"), N_("Talking to someone I trust"), NULL, NULL },
  { "writing", N_("Writing"), N_("Writing it down"), NULL, NULL },
  { "grounding", N_("Grounding"), N_("Feeling my feet, naming what I see and hear"), NULL, NULL },
  { "cold-water", N_("Cold water"), N_("Cold water on my face or hands"), NULL, NULL },
  { "other", N_("Something else"), NULL, NULL, NULL },
};

static const HavenWord patterns[] = {
  { "find-the-bad-guy", N_("Find the bad guy"), N_("We blamed each other: it’s your fault, no, it’s yours"), NULL, NULL },
  { "protest-dance", N_("The protest dance"), N_("One of us pushed, the other pulled away, and each move fed the other"), NULL, NULL },
  { "freeze-and-flee", N_("Freeze and flee"), N_("We both went quiet and distant to stay safe"), NULL, NULL },
  { "none", N_("None of these"), NULL, NULL, NULL },
  { "unsure", N_("Not sure"), NULL, NULL, NULL },
};

static const HavenWord softer_feelings[] = {
  { "sadness", N_("Sadness"), NULL, NULL, NULL },
  { "fear", N_("Fear"), NULL, NULL, NULL },
  { "shame", N_("Shame"), NULL, NULL, NULL },
  { "loneliness", N_("Loneliness"), NULL, NULL, NULL },
  { "hurt", N_("Hurt"), NULL, NULL, NULL },
  { "powerlessness", N_("Powerlessness"), NULL, NULL, NULL },
  { "longing", N_("Longing"), NULL, NULL, NULL },
};

static const HavenWord needs[] = {
  { "seen", N_("To be seen"), NULL, NULL, NULL },
  { "certainty", N_("Certainty"), NULL, NULL, NULL },
  { "closeness", N_("Closeness"), NULL, NULL, NULL },
  { "autonomy", N_("Room of my own"), NULL, NULL, NULL },
  { "recognition", N_("Recognition"), NULL, NULL, NULL },
  { "predictability", N_("Predictability"), NULL, NULL, NULL },
  { "comfort", N_("Comfort"), NULL, NULL, NULL },
  { "respect", N_("Respect"), NULL, NULL, NULL },
};

static const HavenWord unsafety_signs[] = {
  { "threats", N_("Threats"), NULL, NULL, NULL },
  { "violence", N_("Violence, or fear of it"), NULL, NULL, NULL },
  { "control", N_("Being controlled or watched"), NULL, NULL, NULL },
  { "gaslighting", N_("Being told I imagine things (gaslighting)"), NULL, NULL, NULL },
  { "contempt", N_("Contempt or humiliation"), NULL, NULL, NULL },
};

static const HavenWord boundary_or_wound[] = {
  { "boundary", N_("A boundary was crossed"), N_("Something happened that is not okay for me, whatever my history"), NULL, NULL },
  { "wound", N_("An old wound was touched"), N_("It hurt so much because it echoes something from before"), NULL, NULL },
  { "both", N_("Both"), NULL, NULL, NULL },
  { "unsure", N_("Not sure yet"), NULL, NULL, NULL },
};

static const HavenWord yes_no[] = {
  { "yes", N_("Yes"), NULL, NULL, NULL },
  { "no", N_("No"), NULL, NULL, NULL },
  { "unsure", N_("Not sure"), NULL, NULL, NULL },
};

static const HavenWord pain_point_suggestions[] = {
  { "ignored", N_("feeling ignored"), NULL, NULL, NULL },
  { "criticised", N_("being criticised"), NULL, NULL, NULL },
  { "not-chosen", N_("not being chosen"), NULL, NULL, NULL },
  { "left-alone", N_("being left alone"), NULL, NULL, NULL },
  { "not-good-enough", N_("not being good enough"), NULL, NULL, NULL },
  { "controlled", N_("being controlled"), NULL, NULL, NULL },
  { "not-taken-seriously", N_("not being taken seriously"), NULL, NULL, NULL },
  { "too-much", N_("being too much"), NULL, NULL, NULL },
};

typedef struct
{
  const HavenWord *words;
  guint            n_words;
} Vocabulary;

static const Vocabulary vocabularies[HAVEN_N_VOCABULARIES] = {
  [HAVEN_VOCABULARY_ENTRY_KINDS] = { entry_kinds, G_N_ELEMENTS (entry_kinds) },
  [HAVEN_VOCABULARY_MOODS] = { moods, G_N_ELEMENTS (moods) },
  [HAVEN_VOCABULARY_REACTIONS] = { reactions, G_N_ELEMENTS (reactions) },
  [HAVEN_VOCABULARY_EMOTIONS] = { emotions, G_N_ELEMENTS (emotions) },
  [HAVEN_VOCABULARY_BODY_SIGNALS] = { body_signals, G_N_ELEMENTS (body_signals) },
  [HAVEN_VOCABULARY_REGULATION] = { regulation, G_N_ELEMENTS (regulation) },
  [HAVEN_VOCABULARY_PATTERNS] = { patterns, G_N_ELEMENTS (patterns) },
  [HAVEN_VOCABULARY_SOFTER_FEELINGS] = { softer_feelings, G_N_ELEMENTS (softer_feelings) },
  [HAVEN_VOCABULARY_NEEDS] = { needs, G_N_ELEMENTS (needs) },
  [HAVEN_VOCABULARY_UNSAFETY_SIGNS] = { unsafety_signs, G_N_ELEMENTS (unsafety_signs) },
  [HAVEN_VOCABULARY_BOUNDARY_OR_WOUND] = { boundary_or_wound, G_N_ELEMENTS (boundary_or_wound) },
  [HAVEN_VOCABULARY_YES_NO] = { yes_no, G_N_ELEMENTS (yes_no) },
  [HAVEN_VOCABULARY_PAIN_POINT_SUGGESTIONS] = { pain_point_suggestions,
                                                G_N_ELEMENTS (pain_point_suggestions) },
  [HAVEN_VOCABULARY_EMOTION_GROUPS] = { emotion_groups, G_N_ELEMENTS (emotion_groups) },
};

const HavenWord *
haven_vocabulary_get (HavenVocabulary  vocabulary,
                      guint           *n_words)
{
  g_return_val_if_fail (vocabulary < HAVEN_N_VOCABULARIES, NULL);

  if (n_words != NULL)
    *n_words = vocabularies[vocabulary].n_words;

  return vocabularies[vocabulary].words;
}

const HavenWord *
haven_vocabulary_find (HavenVocabulary  vocabulary,
                       const char      *id)
{
  const Vocabulary *v;

  g_return_val_if_fail (vocabulary < HAVEN_N_VOCABULARIES, NULL);

  if (id == NULL)
    return NULL;

  v = &vocabularies[vocabulary];
  for (guint i = 0; i < v->n_words; i++)
    {
      if (g_str_equal (v->words[i].id, id))
        return &v->words[i];
    }

  return NULL;
}

const char *
haven_vocabulary_label (HavenVocabulary  vocabulary,
                        const char      *id)
{
  const HavenWord *word = haven_vocabulary_find (vocabulary, id);

  return word != NULL ? _(word->label) : id;
}

const char *
haven_vocabulary_hint (HavenVocabulary  vocabulary,
                       const char      *id)
{
  const HavenWord *word = haven_vocabulary_find (vocabulary, id);

  return word != NULL && word->hint != NULL ? _(word->hint) : NULL;
}

const char *
haven_mood_label (int mood)
{
  g_return_val_if_fail (mood >= 1 && mood <= 5, "");

  return _(moods[mood - 1].label);
}

const char *
haven_mood_icon_name (int mood)
{
  g_return_val_if_fail (mood >= 1 && mood <= 5, NULL);

  return moods[mood - 1].icon;
}

const char *
haven_reaction_label (HavenReaction reaction)
{
  if (reaction == HAVEN_REACTION_NONE)
    return "";

  return haven_vocabulary_label (HAVEN_VOCABULARY_REACTIONS, haven_reaction_to_string (reaction));
}

const char *
haven_entry_kind_label (HavenEntryKind kind)
{
  return haven_vocabulary_label (HAVEN_VOCABULARY_ENTRY_KINDS, haven_entry_kind_to_string (kind));
}

const char *
haven_entry_kind_icon_name (HavenEntryKind kind)
{
  const HavenWord *word = haven_vocabulary_find (HAVEN_VOCABULARY_ENTRY_KINDS,
                                                 haven_entry_kind_to_string (kind));

  return word != NULL ? word->icon : NULL;
}
