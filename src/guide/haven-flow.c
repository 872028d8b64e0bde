/* haven-flow.c: the questions Haven asks
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tone: warm, plain, never clinical; short questions with a one-line hint; no question
 * marks in hints, no exclamation marks anywhere. Every step can be skipped.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "haven-answers.h"
#include "haven-flow.h"

#define TEXT(id_, question_, hint_, article_, summary_) \
  { id_, HAVEN_STEP_LONG_TEXT, question_, hint_, NULL, 0, article_, summary_, 0 }
#define CHOICE(kind_, id_, vocabulary_, question_, hint_, article_, summary_) \
  { id_, kind_, question_, hint_, NULL, vocabulary_, article_, summary_, 0 }

static const HavenStep after_conflict_steps[] = {
  TEXT ("what-happened",
        N_("What happened?"),
        N_("Just the facts, the way a camera would have seen it. Your feelings get their own questions."),
        "writing-after-a-conflict", "%s"),
  CHOICE (HAVEN_STEP_MULTI_CHOICE, HAVEN_ANSWER_BODY_SIGNALS, HAVEN_VOCABULARY_BODY_SIGNALS,
          N_("What did you feel in your body?"),
          N_("Your body often knows before you do. Pick whatever fits."),
          "calming-your-body", N_("In my body I felt %s.")),
  { HAVEN_ANSWER_INTENSITY, HAVEN_STEP_SCALE,
    N_("How strong was it, at its strongest?"),
    N_("0 is completely calm, 10 the most you can imagine."),
    N_("calm|overwhelming"), 0, NULL, N_("At its strongest it was %s out of 10."), 0 },
  { "pain-points", HAVEN_STEP_PAIN_POINTS,
    N_("Which raw spot was touched?"),
    N_("Pick one you know, or name it in your own words."),
    NULL, 0, "raw-spots", N_("It touched a raw spot: %s."), 0 },
  TEXT ("echo",
        N_("What older experience does it echo?"),
        N_("A moment, a person or a feeling you know from long ago. Only if you want to."),
        "raw-spots", N_("It reminds me of something older: %s")),
  CHOICE (HAVEN_STEP_SINGLE_CHOICE, HAVEN_ANSWER_REACTION, HAVEN_VOCABULARY_REACTIONS,
          N_("How did you react?"),
          N_("There is no wrong answer: every reaction is a way of protecting the bond."),
          "fights-as-protest", N_("How I reacted: %s.")),
  CHOICE (HAVEN_STEP_SINGLE_CHOICE, HAVEN_ANSWER_PATTERN, HAVEN_VOCABULARY_PATTERNS,
          N_("Which pattern did the two of you fall into?"),
          N_("The pattern is the problem, not your partner."),
          "demon-dialogues", N_("The pattern we fell into: %s.")),
  CHOICE (HAVEN_STEP_MULTI_CHOICE, "softer-feeling", HAVEN_VOCABULARY_SOFTER_FEELINGS,
          N_("What softer feeling was underneath?"),
          N_("Under anger or shutting down there is often sadness, shame or fear."),
          "fights-as-protest", N_("Underneath I felt %s.")),
  CHOICE (HAVEN_STEP_MULTI_CHOICE, "need", HAVEN_VOCABULARY_NEEDS,
          N_("What did you need?"),
          N_("A need is not a demand; it tells you what matters to you."),
          "why-closeness-matters", N_("What I needed: %s.")),
  CHOICE (HAVEN_STEP_SINGLE_CHOICE, "boundary-or-wound", HAVEN_VOCABULARY_BOUNDARY_OR_WOUND,
          N_("Was a boundary crossed, or an old wound touched?"),
          N_("Both deserve care, but not the same response."),
          "boundary-or-wound", "%s."),
  { HAVEN_ANSWER_UNSAFETY, HAVEN_STEP_MULTI_CHOICE,
    N_("Did anything make you feel unsafe?"),
    N_("Mark whatever happened. If nothing did, just go on."),
    NULL, HAVEN_VOCABULARY_UNSAFETY_SIGNS, "when-its-not-safe",
    N_("Signs that I was not safe: %s."), HAVEN_STEP_FLAG_SAFETY },
  CHOICE (HAVEN_STEP_MULTI_CHOICE, HAVEN_ANSWER_REGULATION, HAVEN_VOCABULARY_REGULATION,
          N_("What helped you calm down?"),
          N_("Even something small counts."),
          "calming-your-body", N_("What helped me calm down: %s.")),
  { HAVEN_ANSWER_INTENSITY_AFTER, HAVEN_STEP_SCALE,
    N_("How strong is it now?"),
    N_("Compare it with how strong it was at its peak."),
    N_("calm|overwhelming"), 0, NULL, N_("Now it is %s out of 10."), 0 },
  { "say-instead", HAVEN_STEP_LONG_TEXT,
    N_("What could you say instead?"),
    N_("Try this frame: when this happens, I feel this, and I need this."),
    N_("When …, I feel …, and I need …"), 0, "willing-reachable-engaged",
    N_("What I could say instead: %s"), HAVEN_STEP_FLAG_PREFILL },
  TEXT ("appreciation",
        N_("What do you appreciate, in them or in yourself?"),
        N_("One small thing is enough."),
        "willing-reachable-engaged", N_("What I appreciate: %s")),
};

static const HavenStep boundary_steps[] = {
  TEXT ("what-happened",
        N_("What happened that hurt?"),
        N_("Describe it plainly, as it happened."),
        NULL, "%s"),
  CHOICE (HAVEN_STEP_YES_NO, "familiar", HAVEN_VOCABULARY_YES_NO,
          N_("Does the feeling seem familiar from long before this relationship?"),
          N_("When a feeling is old and very big, an old wound is often involved."),
          "raw-spots", N_("Familiar from long before: %s.")),
  CHOICE (HAVEN_STEP_YES_NO, "whoever-did-it", HAVEN_VOCABULARY_YES_NO,
          N_("Would this be not okay for you, whoever did it?"),
          N_("A boundary holds no matter who crosses it or what your history is."),
          "boundary-or-wound", N_("Not okay, whoever did it: %s.")),
  CHOICE (HAVEN_STEP_SINGLE_CHOICE, "boundary-or-wound", HAVEN_VOCABULARY_BOUNDARY_OR_WOUND,
          N_("So, what does it feel like now?"),
          N_("You can change your mind later."),
          "boundary-or-wound", "%s."),
  TEXT ("wound-care",
        N_("If an old wound was touched, what would comfort it?"),
        N_("Think of what a younger you needed to hear back then."),
        "safety-begins-with-you", N_("What would comfort the old wound: %s")),
  { "boundary-sentence", HAVEN_STEP_LONG_TEXT,
    N_("Your boundary, in one sentence"),
    N_("Say what you will do, not what the other must do."),
    N_("When …, I will …"), 0, "boundary-or-wound", N_("My boundary: %s"),
    HAVEN_STEP_FLAG_PREFILL },
};

static const HavenStep calm_down_steps[] = {
  CHOICE (HAVEN_STEP_MULTI_CHOICE, HAVEN_ANSWER_EMOTIONS, HAVEN_VOCABULARY_EMOTIONS,
          N_("Name what you feel right now"),
          N_("Putting a word to a feeling already softens it a little."),
          "calming-your-body", N_("I felt %s.")),
  { HAVEN_ANSWER_INTENSITY, HAVEN_STEP_SCALE,
    N_("How strong is it right now?"),
    N_("0 is completely calm, 10 the most you can imagine."),
    N_("calm|overwhelming"), 0, NULL, N_("Before: %s out of 10."), 0 },
  { "breathing", HAVEN_STEP_BREATHING,
    N_("Breathe with the circle"),
    N_("In while it grows, out while it shrinks. The long out-breath tells your body it may slow down."),
    NULL, 0, "calming-your-body", N_("I breathed slowly for %s."), 0 },
  TEXT ("body-scan",
        N_("Now scan your body, from head to feet"),
        N_("Where is it tight, where is it soft? Just notice: nothing has to change. A word or two is enough."),
        "calming-your-body", N_("What I noticed in my body: %s")),
  { HAVEN_ANSWER_INTENSITY_AFTER, HAVEN_STEP_SCALE,
    N_("And how strong is it now?"),
    N_("Any change counts, even a single step."),
    N_("calm|overwhelming"), 0, NULL, N_("After: %s out of 10."), 0 },
};

static const HavenStep rocky_moment_steps[] = {
  TEXT ("moment",
        N_("Which moment are you looking back on?"),
        N_("A few words are enough to find it again."),
        NULL, "%s"),
  TEXT ("most-afraid",
        N_("What were you most afraid of, in that moment?"),
        N_("Fear often hides behind anger or silence."),
        "fights-as-protest", N_("What I was most afraid of: %s")),
  TEXT ("most-needed",
        N_("What did you most need from them?"),
        N_("Being seen, comfort, room, certainty: whatever it was."),
        "willing-reachable-engaged", N_("What I most needed from them: %s")),
  TEXT ("their-side",
        N_("What might have been going on in them?"),
        N_("Not to excuse anything, only to see the whole dance."),
        "demon-dialogues", N_("What may have been going on in them: %s")),
  { "pain-points", HAVEN_STEP_PAIN_POINTS,
    N_("Which raw spot was it?"),
    N_("Pick one you know, or name it in your own words."),
    NULL, 0, "raw-spots", N_("The raw spot: %s."), 0 },
  TEXT ("next-time",
        N_("What would you like to try next time?"),
        N_("One small, concrete step."),
        "risk-regulation", N_("Next time I would like to: %s")),
};

static const HavenStep weekly_review_steps[] = {
  { "overview", HAVEN_STEP_WEEK_OVERVIEW,
    N_("Your week in the journal"),
    N_("What you wrote and logged in the last seven days."),
    NULL, 0, "writing-after-a-conflict", NULL, 0 },
  TEXT ("stands-out",
        N_("What stands out to you?"),
        N_("A raw spot that kept coming back, a reaction you noticed, a moment that went well."),
        NULL, N_("What stands out: %s")),
  TEXT ("went-well",
        N_("What went well, between you or in you?"),
        N_("Making up counts, and so do small moments of contact."),
        "willing-reachable-engaged", N_("What went well: %s")),
  { "intention", HAVEN_STEP_SHORT_TEXT,
    N_("One intention for next week"),
    N_("Small enough to actually do."),
    NULL, 0, NULL, N_("My intention for next week: %s"), 0 },
};

#undef TEXT
#undef CHOICE

static const HavenFlow flows[] = {
  { HAVEN_FLOW_AFTER_CONFLICT, HAVEN_ENTRY_KIND_CONFLICT,
    N_("After a Conflict"),
    N_("Sort out what happened in you, step by step"),
    "weather-storm-symbolic",
    after_conflict_steps, G_N_ELEMENTS (after_conflict_steps) },
  { HAVEN_FLOW_CALM_DOWN, HAVEN_ENTRY_KIND_REGULATION,
    N_("Calm Down Now"),
    N_("A few minutes of slow breathing and noticing your body"),
    "weather-windy-symbolic",
    calm_down_steps, G_N_ELEMENTS (calm_down_steps) },
  { HAVEN_FLOW_BOUNDARY_OR_WOUND, HAVEN_ENTRY_KIND_BOUNDARY,
    N_("Boundary or Old Wound?"),
    N_("Tell the two apart, and find words for your boundary"),
    "security-medium-symbolic",
    boundary_steps, G_N_ELEMENTS (boundary_steps) },
  { HAVEN_FLOW_ROCKY_MOMENT, HAVEN_ENTRY_KIND_REFLECTION,
    N_("Rocky Moment, Later"),
    N_("Look back on a hard moment once you are calm"),
    "weather-clear-night-symbolic",
    rocky_moment_steps, G_N_ELEMENTS (rocky_moment_steps) },
  { HAVEN_FLOW_WEEKLY_REVIEW, HAVEN_ENTRY_KIND_REFLECTION,
    N_("Weekly Look Back"),
    N_("See what came back this week, and choose one intention"),
    "x-office-calendar-symbolic",
    weekly_review_steps, G_N_ELEMENTS (weekly_review_steps) },
  { HAVEN_FLOW_FREE, HAVEN_ENTRY_KIND_FREE,
    N_("Free Entry"),
    N_("A blank page, no questions"),
    "document-edit-symbolic",
    NULL, 0 },
};

static const HavenHelpLine help_lines[] = {
  { "113 Zelfmoordpreventie", "113 · 0800-0113",
    N_("if you think about ending your life; free, day and night"), "NL" },
  { "Veilig Thuis", "0800-2000",
    N_("domestic violence and abuse; free, day and night"), "NL" },
  { "Zelfmoordlijn", "1813",
    N_("if you think about ending your life"), "BE" },
  { "1712", "1712",
    N_("violence, abuse and child abuse"), "BE" },
  { "112", "112",
    N_("emergencies, anywhere in Europe"), NULL },
};

const HavenFlow *
haven_flow_lookup (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (flows); i++)
    {
      if (g_str_equal (flows[i].id, id))
        return &flows[i];
    }

  return NULL;
}

const HavenFlow **
haven_flow_get_all (guint *n_flows)
{
  static const HavenFlow *all[G_N_ELEMENTS (flows) + 1];

  if (all[0] == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (flows); i++)
        all[i] = &flows[i];
    }

  if (n_flows != NULL)
    *n_flows = G_N_ELEMENTS (flows);

  return all;
}

int
haven_flow_step_index (const HavenFlow *flow,
                       const char      *step_id)
{
  g_return_val_if_fail (flow != NULL, -1);

  for (guint i = 0; step_id != NULL && i < flow->n_steps; i++)
    {
      if (g_str_equal (flow->steps[i].id, step_id))
        return (int)i;
    }

  return -1;
}

const HavenStep *
haven_flow_find_step (const HavenFlow *flow,
                      const char      *step_id)
{
  int index = haven_flow_step_index (flow, step_id);

  return index < 0 ? NULL : &flow->steps[index];
}

const char *
haven_flow_get_title (const HavenFlow *flow)
{
  return _(flow->title);
}

const char *
haven_flow_get_description (const HavenFlow *flow)
{
  return _(flow->description);
}

const char *
haven_step_get_question (const HavenStep *step)
{
  return _(step->question);
}

const char *
haven_step_get_hint (const HavenStep *step)
{
  return step->hint != NULL ? _(step->hint) : NULL;
}

const char *
haven_step_get_placeholder (const HavenStep *step)
{
  return step->placeholder != NULL ? _(step->placeholder) : NULL;
}

char *
haven_step_dup_scale_label (const HavenStep *step,
                            gboolean         high)
{
  g_auto(GStrv) parts = NULL;

  if (step->placeholder == NULL)
    return g_strdup ("");

  /* Translators keep the "|" between the two words. */
  parts = g_strsplit (_(step->placeholder), "|", 2);
  if (parts[0] == NULL || parts[1] == NULL)
    return g_strdup ("");

  return g_strdup (parts[high ? 1 : 0]);
}

const HavenHelpLine *
haven_help_lines (guint *n_lines)
{
  if (n_lines != NULL)
    *n_lines = G_N_ELEMENTS (help_lines);

  return help_lines;
}
