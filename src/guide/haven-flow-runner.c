/* haven-flow-runner.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The runner owns no widgets: it keeps the place in the flow and the answers in a draft
 * entry, and says when they change, so that whoever shows it can save the draft. Going
 * back and forth keeps every answer; skipping a step just moves on.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "haven-answers.h"
#include "haven-flow-runner.h"
#include "haven-vocabulary.h"

struct _HavenFlowRunner
{
  GObject          parent_instance;

  HavenStore      *store;
  const HavenFlow *flow;
  HavenEntry      *entry;
  guint            position;
};

G_DEFINE_FINAL_TYPE (HavenFlowRunner, haven_flow_runner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POSITION,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
haven_flow_runner_dispose (GObject *object)
{
  HavenFlowRunner *self = (HavenFlowRunner *)object;

  g_clear_object (&self->entry);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (haven_flow_runner_parent_class)->dispose (object);
}

static void
haven_flow_runner_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HavenFlowRunner *self = HAVEN_FLOW_RUNNER (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_flow_runner_class_init (HavenFlowRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = haven_flow_runner_dispose;
  object_class->get_property = haven_flow_runner_get_property;

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HavenFlowRunner::changed:
   *
   * The draft changed (an answer, or the place in the flow): time to save it.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
haven_flow_runner_init (HavenFlowRunner *self)
{
}

static void
remember_position (HavenFlowRunner *self)
{
  const char *step_id = self->position >= self->flow->n_steps
                        ? HAVEN_FLOW_STEP_SUMMARY
                        : self->flow->steps[self->position].id;

  haven_entry_set_flow_step (self->entry, step_id);
}

HavenFlowRunner *
haven_flow_runner_new (HavenStore      *store,
                       const HavenFlow *flow,
                       HavenEntry      *entry)
{
  HavenFlowRunner *self;
  const char *step_id;

  g_return_val_if_fail (HAVEN_IS_STORE (store), NULL);
  g_return_val_if_fail (flow != NULL, NULL);
  g_return_val_if_fail (entry == NULL || HAVEN_IS_ENTRY (entry), NULL);

  self = g_object_new (HAVEN_TYPE_FLOW_RUNNER, NULL);
  self->store = g_object_ref (store);
  self->flow = flow;

  if (entry != NULL)
    {
      self->entry = g_object_ref (entry);
      step_id = haven_entry_get_flow_step (entry);

      /* A draft goes on where it was left; a finished entry opens at its first question. */
      if (haven_entry_get_is_draft (entry) && g_strcmp0 (step_id, HAVEN_FLOW_STEP_SUMMARY) == 0)
        self->position = flow->n_steps;
      else if (haven_entry_get_is_draft (entry) && haven_flow_step_index (flow, step_id) >= 0)
        self->position = haven_flow_step_index (flow, step_id);
    }
  else
    {
      self->entry = haven_entry_new (flow->kind);
      haven_entry_set_is_draft (self->entry, TRUE);
      haven_entry_set_flow_id (self->entry, flow->id);
      remember_position (self);
    }

  return self;
}

const HavenFlow *
haven_flow_runner_get_flow (HavenFlowRunner *self)
{
  g_return_val_if_fail (HAVEN_IS_FLOW_RUNNER (self), NULL);

  return self->flow;
}

HavenEntry *
haven_flow_runner_get_entry (HavenFlowRunner *self)
{
  g_return_val_if_fail (HAVEN_IS_FLOW_RUNNER (self), NULL);

  return self->entry;
}

HavenStore *
haven_flow_runner_get_store (HavenFlowRunner *self)
{
  g_return_val_if_fail (HAVEN_IS_FLOW_RUNNER (self), NULL);

  return self->store;
}

guint
haven_flow_runner_get_position (HavenFlowRunner *self)
{
  g_return_val_if_fail (HAVEN_IS_FLOW_RUNNER (self), 0);

  return self->position;
}

guint
haven_flow_runner_get_n_steps (HavenFlowRunner *self)
{
  g_return_val_if_fail (HAVEN_IS_FLOW_RUNNER (self), 0);

  return self->flow->n_steps;
}

gboolean
haven_flow_runner_is_at_summary (HavenFlowRunner *self)
{
  g_return_val_if_fail (HAVEN_IS_FLOW_RUNNER (self), FALSE);

  return self->position >= self->flow->n_steps;
}

const HavenStep *
haven_flow_runner_get_step (HavenFlowRunner *self)
{
  g_return_val_if_fail (HAVEN_IS_FLOW_RUNNER (self), NULL);

  if (self->position >= self->flow->n_steps)
    return NULL;

  return &self->flow->steps[self->position];
}

void
haven_flow_runner_go_to (HavenFlowRunner *self,
                         guint            position)
{
  g_return_if_fail (HAVEN_IS_FLOW_RUNNER (self));

  position = MIN (position, self->flow->n_steps);
  if (position == self->position)
    return;

  self->position = position;
  remember_position (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
haven_flow_runner_next (HavenFlowRunner *self)
{
  g_return_if_fail (HAVEN_IS_FLOW_RUNNER (self));

  haven_flow_runner_go_to (self, self->position + 1);
}

void
haven_flow_runner_back (HavenFlowRunner *self)
{
  g_return_if_fail (HAVEN_IS_FLOW_RUNNER (self));

  if (self->position > 0)
    haven_flow_runner_go_to (self, self->position - 1);
}

static gboolean
value_is_empty (GVariant *value)
{
  if (value == NULL)
    return TRUE;

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    {
      g_autofree char *text = g_strstrip (g_variant_dup_string (value, NULL));
      return *text == '\0';
    }

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY))
    return g_variant_n_children (value) == 0;

  return FALSE;
}

void
haven_flow_runner_set_answer (HavenFlowRunner *self,
                              GVariant        *value)
{
  g_autoptr(GVariant) owned = value ? g_variant_ref_sink (value) : NULL;
  const HavenStep *step;
  GVariant *old;

  g_return_if_fail (HAVEN_IS_FLOW_RUNNER (self));

  step = haven_flow_runner_get_step (self);
  g_return_if_fail (step != NULL);
  g_return_if_fail (step->kind != HAVEN_STEP_PAIN_POINTS);

  /* An emptied answer is no answer, so that "skipped" and "cleared" read the same. */
  if (value_is_empty (owned))
    g_clear_pointer (&owned, g_variant_unref);

  old = haven_entry_get_answer (self->entry, step->id);
  if ((old == NULL && owned == NULL) || (old != NULL && owned != NULL && g_variant_equal (old, owned)))
    return;

  haven_entry_set_answer (self->entry, step->id, owned);

  /* Breathing with the guide is slow breathing: the charts of what helps should know. */
  if (step->kind == HAVEN_STEP_BREATHING && owned != NULL && g_variant_get_int64 (owned) > 0)
    {
      const char *slow[] = { "slow-breathing", NULL };

      if (haven_entry_get_answer (self->entry, HAVEN_ANSWER_REGULATION) == NULL)
        haven_entry_set_answer (self->entry, HAVEN_ANSWER_REGULATION,
                                g_variant_new_strv (slow, -1));
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

GVariant *
haven_flow_runner_get_answer (HavenFlowRunner *self,
                              const HavenStep *step)
{
  g_return_val_if_fail (HAVEN_IS_FLOW_RUNNER (self), NULL);
  g_return_val_if_fail (step != NULL, NULL);

  return haven_entry_get_answer (self->entry, step->id);
}

gboolean
haven_flow_runner_is_answered (HavenFlowRunner *self,
                               const HavenStep *step)
{
  guint n_ids;

  g_return_val_if_fail (HAVEN_IS_FLOW_RUNNER (self), FALSE);
  g_return_val_if_fail (step != NULL, FALSE);

  if (step->kind == HAVEN_STEP_PAIN_POINTS)
    {
      haven_entry_get_pain_point_ids (self->entry, &n_ids);
      return n_ids > 0;
    }

  return haven_entry_get_answer (self->entry, step->id) != NULL;
}

void
haven_flow_runner_set_pain_points (HavenFlowRunner *self,
                                   const gint64    *ids,
                                   guint            n_ids)
{
  const gint64 *old;
  guint n_old;

  g_return_if_fail (HAVEN_IS_FLOW_RUNNER (self));

  old = haven_entry_get_pain_point_ids (self->entry, &n_old);
  if (n_old == n_ids && (n_ids == 0 || memcmp (old, ids, n_ids * sizeof *ids) == 0))
    return;

  haven_entry_set_pain_point_ids (self->entry, ids, n_ids);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
haven_flow_runner_has_safety_signs (HavenFlowRunner *self)
{
  g_return_val_if_fail (HAVEN_IS_FLOW_RUNNER (self), FALSE);

  for (guint i = 0; i < self->flow->n_steps; i++)
    {
      const HavenStep *step = &self->flow->steps[i];

      if ((step->flags & HAVEN_STEP_FLAG_SAFETY) && haven_flow_runner_is_answered (self, step))
        return TRUE;
    }

  return FALSE;
}

char *
haven_join_words (const char * const *words)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  guint n = words ? g_strv_length ((GStrv)words) : 0;

  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && i == n - 1)
        /* Translators: before the last item of a list, as in "a, b and c" */
        g_string_append (joined, _(" and "));
      else if (i > 0)
        /* Translators: between items of a list, as in "a, b and c" */
        g_string_append (joined, _(", "));
      g_string_append (joined, words[i]);
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* A word from a list, as it reads inside a sentence: "Withdraw" becomes "withdraw". */
static char *
lower_first (const char *label)
{
  char first[8] = { 0 };

  if (*label == '\0')
    return g_strdup (label);

  g_unichar_to_utf8 (g_unichar_tolower (g_utf8_get_char (label)), first);

  return g_strconcat (first, g_utf8_next_char (label), NULL);
}

static char *
describe_choices (const HavenStep *step,
                  GVariant        *value)
{
  g_autofree const char **ids = g_variant_get_strv (value, NULL);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (words, lower_first (haven_vocabulary_label (step->vocabulary, ids[i])));
  g_ptr_array_add (words, NULL);

  return haven_join_words ((const char * const *)words->pdata);
}

static char *
describe_pain_points (HavenFlowRunner *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const gint64 *ids;
  guint n_ids;

  ids = haven_entry_get_pain_point_ids (self->entry, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(HavenPainPoint) point = haven_store_get_pain_point (self->store, ids[i], NULL);

      if (point != NULL)
        g_ptr_array_add (names, g_strdup (haven_pain_point_get_name (point)));
    }

  if (names->len == 0)
    return NULL;

  g_ptr_array_add (names, NULL);

  return haven_join_words ((const char * const *)names->pdata);
}

char *
haven_flow_runner_describe_answer (HavenFlowRunner *self,
                                   const HavenStep *step)
{
  GVariant *value;

  g_return_val_if_fail (HAVEN_IS_FLOW_RUNNER (self), NULL);
  g_return_val_if_fail (step != NULL, NULL);

  if (step->kind == HAVEN_STEP_PAIN_POINTS)
    return describe_pain_points (self);

  value = haven_entry_get_answer (self->entry, step->id);
  if (value == NULL)
    return NULL;

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    {
      g_autofree char *text = g_variant_dup_string (value, NULL);

      /* A sentence frame left as it was is not an answer. */
      if ((step->flags & HAVEN_STEP_FLAG_PREFILL) &&
          g_strcmp0 (g_strstrip (text), haven_step_get_placeholder (step)) == 0)
        return NULL;

      return g_strdup (g_strstrip (text));
    }

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY))
    return describe_choices (step, value);

  if (step->kind == HAVEN_STEP_BREATHING)
    {
      gint64 seconds = g_variant_get_int64 (value);
      gint64 minutes = (seconds + 30) / 60;

      if (minutes < 1)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d second", "%d seconds",
                                             (gulong)seconds),
                                (int)seconds);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes",
                                           (gulong)minutes),
                              (int)minutes);
    }

  return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));
}

static void
upper_first (GString    *text,
             const char *paragraph)
{
  char first[8] = { 0 };

  if (*paragraph == '\0')
    return;

  g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (paragraph)), first);
  g_string_append (text, first);
  g_string_append (text, g_utf8_next_char (paragraph));
}

char *
haven_flow_runner_compose_summary (HavenFlowRunner *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (HAVEN_IS_FLOW_RUNNER (self), NULL);

  for (guint i = 0; i < self->flow->n_steps; i++)
    {
      const HavenStep *step = &self->flow->steps[i];
      g_autofree char *answer = NULL;
      char *paragraph = NULL;

      if (step->summary_format == NULL)
        continue;

      answer = haven_flow_runner_describe_answer (self, step);
      if (answer == NULL || *answer == '\0')
        continue;

      if (text->len > 0)
        g_string_append (text, "\n\n");

      /* The format was checked by hand and by msgfmt --check: exactly one %s. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      paragraph = g_strdup_printf (_(step->summary_format), answer);
#pragma GCC diagnostic pop
      /* A word from a list can open the paragraph: it starts a sentence there. */
      upper_first (text, paragraph);
      g_clear_pointer (&paragraph, g_free);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
haven_flow_runner_compose_title (HavenFlowRunner *self)
{
  g_autofree char *pain_points = NULL;

  g_return_val_if_fail (HAVEN_IS_FLOW_RUNNER (self), NULL);

  pain_points = describe_pain_points (self);
  if (pain_points != NULL)
    /* Translators: an entry's title: the flow, then the raw spots, e.g.
     * "After a Conflict: feeling ignored" */
    return g_strdup_printf (_("%s: %s"), haven_flow_get_title (self->flow), pain_points);

  return g_strdup (haven_flow_get_title (self->flow));
}

void
haven_flow_runner_finish (HavenFlowRunner *self,
                          const char      *title,
                          const char      *body)
{
  g_return_if_fail (HAVEN_IS_FLOW_RUNNER (self));

  haven_entry_set_title (self->entry, title);
  haven_entry_set_body (self->entry, body);
  haven_entry_set_flow_step (self->entry, HAVEN_FLOW_STEP_SUMMARY);
  haven_entry_set_is_draft (self->entry, FALSE);
  g_signal_emit (self, signals[CHANGED], 0);
}
