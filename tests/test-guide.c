/* test-guide.c: the flows' definitions, the runner and autosave, without a display
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "haven-answers.h"
#include "haven-autosave.h"
#include "haven-flow-runner.h"
#include "haven-journal-model.h"
#include "haven-store-private.h"
#include "haven-test-util.h"

/* The articles the steps may point to (the Library's ids). */
static const char *article_ids[] = {
  "why-closeness-matters", "fights-as-protest", "demon-dialogues", "raw-spots",
  "abandonment-and-commitment", "risk-regulation", "willing-reachable-engaged",
  "safety-begins-with-you", "boundary-or-wound", "when-its-not-safe", "calming-your-body",
  "writing-after-a-conflict", NULL
};

typedef struct
{
  char       *dir;
  HavenStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = haven_test_make_tmpdir ();
  path = g_build_filename (f->dir, "journal.db", NULL);
  f->store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  haven_test_rmtree (f->dir);
  g_free (f->dir);
}

static guint
count_conversions (const char *format)
{
  guint n = 0;

  for (const char *p = format; (p = strchr (p, '%')) != NULL; p += 2)
    {
      g_assert_true (p[1] == 's' || p[1] == '%');
      if (p[1] == 's')
        n++;
    }

  return n;
}

static void
test_definitions (void)
{
  const HavenFlow **flows;
  guint n_flows;
  const char *expected[] = { HAVEN_FLOW_AFTER_CONFLICT, HAVEN_FLOW_CALM_DOWN,
                             HAVEN_FLOW_BOUNDARY_OR_WOUND, HAVEN_FLOW_ROCKY_MOMENT,
                             HAVEN_FLOW_WEEKLY_REVIEW, HAVEN_FLOW_FREE };

  flows = haven_flow_get_all (&n_flows);
  g_assert_cmpuint (n_flows, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_nonnull (haven_flow_lookup (expected[i]));
  g_assert_null (haven_flow_lookup ("no-such-flow"));

  for (guint i = 0; i < n_flows; i++)
    {
      const HavenFlow *flow = flows[i];
      g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

      g_test_message ("flow %s", flow->id);
      g_assert_nonnull (flow->title);
      g_assert_nonnull (flow->description);

      for (guint s = 0; s < flow->n_steps; s++)
        {
          const HavenStep *step = &flow->steps[s];

          g_assert_true (g_hash_table_add (ids, (gpointer)step->id));
          g_assert_cmpint (haven_flow_step_index (flow, step->id), ==, (int)s);
          g_assert_nonnull (step->question);
          g_assert_cmpstr (step->id, !=, HAVEN_FLOW_STEP_SUMMARY);

          /* Questions are gentle: never an exclamation mark. */
          g_assert_null (strchr (step->question, '!'));
          g_assert_true (step->hint == NULL || strchr (step->hint, '!') == NULL);

          if (step->summary_format != NULL)
            g_assert_cmpuint (count_conversions (step->summary_format), ==, 1);
          else
            g_assert_cmpint (step->kind, ==, HAVEN_STEP_WEEK_OVERVIEW);

          if (step->article_id != NULL)
            g_assert_true (g_strv_contains (article_ids, step->article_id));

          if (step->kind == HAVEN_STEP_SCALE)
            {
              g_autofree char *low = haven_step_dup_scale_label (step, FALSE);
              g_autofree char *high = haven_step_dup_scale_label (step, TRUE);

              g_assert_cmpstr (low, !=, "");
              g_assert_cmpstr (high, !=, "");
            }

          if (step->kind == HAVEN_STEP_SINGLE_CHOICE || step->kind == HAVEN_STEP_MULTI_CHOICE ||
              step->kind == HAVEN_STEP_YES_NO)
            {
              guint n_words = 0;

              haven_vocabulary_get (step->vocabulary, &n_words);
              g_assert_cmpuint (n_words, >, 1);
            }
        }
    }

  /* The structured answers the charts read use the agreed keys and kinds. */
  {
    const HavenFlow *flow = haven_flow_lookup (HAVEN_FLOW_AFTER_CONFLICT);

    g_assert_cmpint (haven_flow_find_step (flow, HAVEN_ANSWER_REACTION)->kind, ==,
                     HAVEN_STEP_SINGLE_CHOICE);
    g_assert_cmpint (haven_flow_find_step (flow, HAVEN_ANSWER_INTENSITY)->kind, ==,
                     HAVEN_STEP_SCALE);
    g_assert_cmpint (haven_flow_find_step (flow, HAVEN_ANSWER_INTENSITY_AFTER)->kind, ==,
                     HAVEN_STEP_SCALE);
    g_assert_cmpint (haven_flow_find_step (flow, HAVEN_ANSWER_REGULATION)->vocabulary, ==,
                     HAVEN_VOCABULARY_REGULATION);
    g_assert_true (haven_flow_find_step (flow, HAVEN_ANSWER_UNSAFETY)->flags &
                   HAVEN_STEP_FLAG_SAFETY);
  }
}

static void
test_help_lines (void)
{
  const HavenHelpLine *lines;
  guint n_lines;
  g_autoptr(GString) all = g_string_new (NULL);

  lines = haven_help_lines (&n_lines);
  for (guint i = 0; i < n_lines; i++)
    g_string_append_printf (all, "%s %s|", lines[i].name, lines[i].number);

  /* The numbers of CONTENT.md, checked once, here. */
  g_assert_nonnull (strstr (all->str, "113 Zelfmoordpreventie 113 · 0800-0113|"));
  g_assert_nonnull (strstr (all->str, "Veilig Thuis 0800-2000|"));
  g_assert_nonnull (strstr (all->str, "Zelfmoordlijn 1813|"));
  g_assert_nonnull (strstr (all->str, "1712 1712|"));
  g_assert_nonnull (strstr (all->str, "112 112|"));
}

static void
test_join_words (void)
{
  const char *none[] = { NULL };
  const char *one[] = { "fear", NULL };
  const char *three[] = { "fear", "sadness", "shame", NULL };
  g_autofree char *a = haven_join_words (none);
  g_autofree char *b = haven_join_words (one);
  g_autofree char *c = haven_join_words (three);

  g_assert_cmpstr (a, ==, "");
  g_assert_cmpstr (b, ==, "fear");
  g_assert_cmpstr (c, ==, "fear, sadness and shame");
}

static void
answer_step (HavenFlowRunner *runner,
             const char      *step_id,
             GVariant        *value)
{
  const HavenFlow *flow = haven_flow_runner_get_flow (runner);

  haven_flow_runner_go_to (runner, haven_flow_step_index (flow, step_id));
  haven_flow_runner_set_answer (runner, value);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
test_runner_walk (Fixture       *f,
                  gconstpointer  data)
{
  const HavenFlow *flow = haven_flow_lookup (HAVEN_FLOW_AFTER_CONFLICT);
  g_autoptr(HavenFlowRunner) runner = haven_flow_runner_new (f->store, flow, NULL);
  g_autoptr(HavenPainPoint) point = haven_store_add_pain_point (f->store, "feeling ignored", NULL);
  HavenEntry *entry = haven_flow_runner_get_entry (runner);
  const char *withdraw[] = { "withdraw", NULL };
  const char *needs[] = { "seen", "closeness", NULL };
  g_autofree char *summary = NULL;
  g_autofree char *title = NULL;
  gint64 point_id = haven_pain_point_get_id (point);
  guint changes = 0;

  g_signal_connect (runner, "changed", G_CALLBACK (count_cb), &changes);

  /* A new draft, at the first question. */
  g_assert_true (haven_entry_get_is_draft (entry));
  g_assert_cmpstr (haven_entry_get_flow_id (entry), ==, HAVEN_FLOW_AFTER_CONFLICT);
  g_assert_cmpint (haven_entry_get_kind (entry), ==, HAVEN_ENTRY_KIND_CONFLICT);
  g_assert_cmpuint (haven_flow_runner_get_position (runner), ==, 0);
  g_assert_cmpstr (haven_entry_get_flow_step (entry), ==, "what-happened");

  haven_flow_runner_set_answer (runner, g_variant_new_string ("They looked at their phone."));
  g_assert_cmpuint (changes, ==, 1);
  /* The same answer again is no change. */
  haven_flow_runner_set_answer (runner, g_variant_new_string ("They looked at their phone."));
  g_assert_cmpuint (changes, ==, 1);

  /* Skipping moves on and leaves the step unanswered. */
  haven_flow_runner_next (runner);
  haven_flow_runner_next (runner);
  g_assert_cmpstr (haven_entry_get_flow_step (entry), ==, HAVEN_ANSWER_INTENSITY);
  g_assert_false (haven_flow_runner_is_answered (runner, haven_flow_find_step (flow, "body")));
  haven_flow_runner_set_answer (runner, g_variant_new_int64 (7));

  /* Back and forth keeps answers. */
  haven_flow_runner_back (runner);
  haven_flow_runner_back (runner);
  g_assert_cmpstr (g_variant_get_string (haven_flow_runner_get_answer (runner, haven_flow_runner_get_step (runner)), NULL),
                   ==, "They looked at their phone.");
  haven_flow_runner_back (runner);
  g_assert_cmpuint (haven_flow_runner_get_position (runner), ==, 0);

  haven_flow_runner_go_to (runner, haven_flow_step_index (flow, "pain-points"));
  haven_flow_runner_set_pain_points (runner, &point_id, 1);
  answer_step (runner, HAVEN_ANSWER_REACTION, g_variant_new_strv (withdraw, -1));
  answer_step (runner, "need", g_variant_new_strv (needs, -1));
  /* An emptied answer is no answer. */
  answer_step (runner, "echo", g_variant_new_string ("   "));
  g_assert_false (haven_flow_runner_is_answered (runner, haven_flow_find_step (flow, "echo")));
  /* A sentence frame left as it is, is not written into the summary. */
  answer_step (runner, "say-instead", g_variant_new_string ("When …, I feel …, and I need …"));

  g_assert_false (haven_flow_runner_has_safety_signs (runner));

  haven_flow_runner_go_to (runner, flow->n_steps);
  g_assert_true (haven_flow_runner_is_at_summary (runner));
  g_assert_null (haven_flow_runner_get_step (runner));
  g_assert_cmpstr (haven_entry_get_flow_step (entry), ==, HAVEN_FLOW_STEP_SUMMARY);

  summary = haven_flow_runner_compose_summary (runner);
  g_test_message ("summary:\n%s", summary);
  g_assert_cmpstr (summary, ==,
                   "They looked at their phone.\n\n"
                   "At its strongest it was 7 out of 10.\n\n"
                   "It touched a raw spot: feeling ignored.\n\n"
                   "How I reacted: withdraw.\n\n"
                   "What I needed: to be seen and closeness.");

  title = haven_flow_runner_compose_title (runner);
  g_assert_cmpstr (title, ==, "After a Conflict: feeling ignored");

  haven_flow_runner_finish (runner, title, summary);
  g_assert_false (haven_entry_get_is_draft (entry));
  g_assert_cmpstr (haven_entry_get_body (entry), ==, summary);

  g_signal_handlers_disconnect_by_data (runner, &changes);
}

static void
test_runner_resumes_draft (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const HavenFlow *flow = haven_flow_lookup (HAVEN_FLOW_BOUNDARY_OR_WOUND);
  g_autoptr(HavenFlowRunner) first = haven_flow_runner_new (f->store, flow, NULL);
  g_autoptr(HavenFlowRunner) again = NULL;
  g_autoptr(HavenEntry) loaded = NULL;

  haven_flow_runner_set_answer (first, g_variant_new_string ("A door was slammed."));
  haven_flow_runner_next (first);
  haven_flow_runner_next (first);
  g_assert_true (haven_store_save_entry (f->store, haven_flow_runner_get_entry (first), &error));
  g_assert_no_error (error);

  loaded = haven_store_get_entry (f->store, haven_entry_get_id (haven_flow_runner_get_entry (first)),
                                  &error);
  g_assert_no_error (error);
  again = haven_flow_runner_new (f->store, flow, loaded);
  g_assert_cmpuint (haven_flow_runner_get_position (again), ==, 2);
  g_assert_cmpstr (g_variant_get_string (haven_entry_get_answer (loaded, "what-happened"), NULL), ==,
                   "A door was slammed.");
}

static void
test_runner_safety_and_breathing (Fixture       *f,
                                  gconstpointer  data)
{
  const char *threats[] = { "threats", NULL };
  g_autoptr(HavenFlowRunner) conflict =
    haven_flow_runner_new (f->store, haven_flow_lookup (HAVEN_FLOW_AFTER_CONFLICT), NULL);
  g_autoptr(HavenFlowRunner) calm =
    haven_flow_runner_new (f->store, haven_flow_lookup (HAVEN_FLOW_CALM_DOWN), NULL);
  g_autofree char *summary = NULL;
  GVariant *helped;
  g_autofree const char **helped_ids = NULL;

  answer_step (conflict, HAVEN_ANSWER_UNSAFETY, g_variant_new_strv (threats, -1));
  g_assert_true (haven_flow_runner_has_safety_signs (conflict));

  /* Breathing along with the guide counts as slow breathing for the charts. */
  answer_step (calm, HAVEN_ANSWER_INTENSITY, g_variant_new_int64 (8));
  answer_step (calm, "breathing", g_variant_new_int64 (125));
  answer_step (calm, HAVEN_ANSWER_INTENSITY_AFTER, g_variant_new_int64 (4));
  helped = haven_entry_get_answer (haven_flow_runner_get_entry (calm), HAVEN_ANSWER_REGULATION);
  g_assert_nonnull (helped);
  helped_ids = g_variant_get_strv (helped, NULL);
  g_assert_cmpstrv (helped_ids, ((const char *[]) { "slow-breathing", NULL }));

  summary = haven_flow_runner_compose_summary (calm);
  g_assert_cmpstr (summary, ==, "Before: 8 out of 10.\n\nI breathed slowly for 2 minutes.\n\n"
                                "After: 4 out of 10.");
}

/* Autosave ---------------------------------------------------------------------------------- */

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
saved_cb (HavenAutosave *autosave,
          guint         *count)
{
  (*count)++;
}

static void
test_autosave_debounces (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
  g_autoptr(HavenAutosave) autosave = haven_autosave_new (f->store, entry);
  guint saves = 0;

  haven_autosave_set_delays (autosave, 100, 300, 100);
  g_signal_connect (autosave, "saved", G_CALLBACK (saved_cb), &saves);

  haven_entry_set_body (entry, "H");
  haven_autosave_changed (autosave);
  g_assert_cmpint (haven_autosave_get_state (autosave), ==, HAVEN_AUTOSAVE_PENDING);
  g_assert_cmpint (haven_entry_get_id (entry), ==, 0);

  /* Typing that never pauses is still saved by the deadline. */
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *text = g_strnfill (i + 2, 'a');

      haven_entry_set_body (entry, text);
      haven_autosave_changed (autosave);
      wait_ms (40);
    }
  g_assert_cmpuint (saves, >=, 1);
  g_assert_cmpint (haven_entry_get_id (entry), >, 0);

  wait_ms (250);
  g_assert_cmpint (haven_autosave_get_state (autosave), ==, HAVEN_AUTOSAVE_SAVED);
  {
    g_autoptr(HavenEntry) loaded = haven_store_get_entry (f->store, haven_entry_get_id (entry), NULL);
    g_assert_cmpstr (haven_entry_get_body (loaded), ==, haven_entry_get_body (entry));
  }

  g_signal_handlers_disconnect_by_data (autosave, &saves);
}

static void
test_autosave_retries (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
  g_autoptr(HavenAutosave) autosave = haven_autosave_new (f->store, entry);
  g_autoptr(GString) body = g_string_new (NULL);
  sqlite3 *db = _haven_store_get_db (f->store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *limit = NULL;

  haven_autosave_set_delays (autosave, 20, 50, 100);

  for (guint i = 0; i < 4000; i++)
    g_string_append (body, "Still here. ");
  haven_entry_set_body (entry, body->str);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_count;", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  limit = g_strdup_printf ("PRAGMA max_page_count = %d;", sqlite3_column_int (stmt, 0));
  g_assert_cmpint (sqlite3_exec (db, limit, NULL, NULL, NULL), ==, SQLITE_OK);

  haven_autosave_changed (autosave);
  wait_ms (120);
  g_assert_cmpint (haven_autosave_get_state (autosave), ==, HAVEN_AUTOSAVE_FAILED);
  g_assert_error ((GError *)haven_autosave_get_error (autosave), HAVEN_STORE_ERROR,
                  HAVEN_STORE_ERROR_FULL);
  g_assert_cmpstr (haven_entry_get_body (entry), ==, body->str);
  g_assert_cmpint (haven_entry_get_id (entry), ==, 0);

  /* Space again: the retry lands by itself. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1073741823;", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  wait_ms (250);
  g_assert_cmpint (haven_autosave_get_state (autosave), ==, HAVEN_AUTOSAVE_SAVED);
  g_assert_null (haven_autosave_get_error (autosave));
  g_assert_cmpint (haven_entry_get_id (entry), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/guide/definitions", test_definitions);
  g_test_add_func ("/guide/help-lines", test_help_lines);
  g_test_add_func ("/guide/join-words", test_join_words);
  ADD ("/guide/runner/walk", test_runner_walk);
  ADD ("/guide/runner/resumes-draft", test_runner_resumes_draft);
  ADD ("/guide/runner/safety-and-breathing", test_runner_safety_and_breathing);
  ADD ("/autosave/debounces", test_autosave_debounces);
  ADD ("/autosave/retries", test_autosave_retries);

#undef ADD

  return g_test_run ();
}
