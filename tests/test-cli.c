/* test-cli.c: `haven --export` and `haven --import`, run as a person would run them
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "haven-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the real program without a display: the command line never opens a window. */
static void
run_haven (Run        *run,
           const char *first_arg,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("HAVEN_BIN");
  va_list args;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer)bin);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("status %d, out: %s, err: %s", run->status, run->out, run->err);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static void
test_import_then_export (void)
{
  g_autofree char *dir = haven_test_make_tmpdir ();
  g_autofree char *journal = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *json = g_build_filename (dir, "out.json", NULL);
  g_autofree char *md = g_build_filename (dir, "out.md", NULL);
  g_autofree char *csv = g_build_filename (dir, "out.txt", NULL);
  g_autofree char *daylio = fixture_path ("daylio.csv");
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0 };

  run_haven (&run, "--journal", journal, "--import", daylio, "--mood", "furious=1",
             "--mood", "super tired=2", "--activities", "raw-spots", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Imported "));
  g_assert_true (g_str_has_suffix (run.out, "Check-ins: 7 new, 0 updated, 0 unchanged. "
                                            "New raw spots: 6.\n"));
  /* One line. */
  g_assert_true (strchr (run.out, '\n') == run.out + strlen (run.out) - 1);
  run_clear (&run);

  run_haven (&run, "--journal", journal, "--export", json, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_suffix (run.out, "Entries: 0. Check-ins: 7.\n"));
  g_file_get_contents (json, &text, NULL, NULL);
  g_assert_nonnull (strstr (text, "\"format\" : \"haven-journal\""));
  g_assert_cmpuint (haven_test_file_mode (json), ==, 0600);
  run_clear (&run);

  run_haven (&run, "--journal", journal, "--export", md, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&text, g_free);
  g_file_get_contents (md, &text, NULL, NULL);
  g_assert_true (g_str_has_prefix (text, "# Haven Journal"));
  run_clear (&run);

  run_haven (&run, "--journal", journal, "--export", csv, "--format", "csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_suffix (run.out, "Check-ins: 7.\n"));
  run_clear (&run);

  /* Again: nothing new. */
  run_haven (&run, "--journal", journal, "--import", json, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_suffix (run.out, "Check-ins: 0 new, 0 updated, 7 unchanged.\n"));

  haven_test_rmtree (dir);
}

static void
test_failures (void)
{
  g_autofree char *dir = haven_test_make_tmpdir ();
  g_autofree char *journal = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *daylio = fixture_path ("daylio.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  /* No journal yet: nothing to export, and none is made. */
  run_haven (&run, "--journal", journal, "--export", out, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "There is no journal at"));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  run_clear (&run);

  run_haven (&run, "--journal", journal, "--import", daylio, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_clear (&run);
  before = haven_test_file_digest (journal);

  g_file_set_contents (bad, "{\"format\": \"haven-journal\", \"version\": 1, \"checkins\": "
                       "[{\"uuid\": \"0b5f9d8e-4a43-4d2c-9a55-0d9cf1d3c002\", \"mood\": 9, "
                       "\"at\": \"2024-05-01T18:30:00Z\", \"created_at\": \"2024-05-01T18:30:00Z\", "
                       "\"updated_at\": \"2024-05-01T18:30:00Z\"}]}", -1, NULL);
  run_haven (&run, "--journal", journal, "--import", bad, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_cmpstr (run.err, ==, "Import failed: Check-in 1: “mood” is 9, but a mood goes from 1 "
                                "to 5. Nothing in the journal was changed.\n");
  g_assert_cmpstr (run.out, ==, "");
  run_clear (&run);

  run_haven (&run, "--journal", journal, "--import", daylio, "--mood", "furious=7", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "“furious=7” is not a mood choice"));
  run_clear (&run);

  run_haven (&run, "--journal", journal, "--export", out, "--format", "pdf", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "“pdf” is not an export format"));
  run_clear (&run);

  run_haven (&run, "--journal", journal, "--import", out, "--export", out, NULL);
  g_assert_cmpint (run.status, !=, 0);
  run_clear (&run);

  after = haven_test_file_digest (journal);
  g_assert_cmpstr (before, ==, after);

  haven_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/import-then-export", test_import_then_export);
  g_test_add_func ("/cli/failures", test_failures);

  return g_test_run ();
}
