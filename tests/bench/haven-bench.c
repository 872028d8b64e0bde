/* haven-bench.c: Haven against its performance targets
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each journal size (empty; ten years: 3,650 entries and 10,000 check-ins; and 100,000
 * of each) this measures, with medians and the 99th percentile over repeated runs: opening
 * the store, the first page of the journal list, full-text search, every chart aggregate,
 * saving an entry, autosaving a 20 kB draft, JSON export and import; and, by starting real
 * processes, the time to the window's first frame and the peak memory of a window scrolled
 * to the end, side by side with a bare libadwaita window (the floor).
 *
 * The first frames are taken last, the floor's and Haven's on each journal in turns, so that
 * the machine's load weighs on all of them alike; --first-frame-only measures only those.
 *
 * It prints its figures; it asserts nothing. The tests check correctness.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>

#include "haven-autosave.h"
#include "haven-bench-generate.h"
#include "haven-export.h"
#include "haven-import.h"
#include "haven-journal-model.h"
#include "haven-stats-bench.h"

typedef struct
{
  const char *name;
  guint       n_entries;
  guint       n_checkins;
} Size;

static const Size sizes[] = {
  { "empty", 0, 0 },
  { "ten-years", 3650, 10000 },
  { "large", 100000, 100000 },
};

static char *opt_sizes;
static int opt_runs = 30;
static char *opt_cache;
static char *opt_haven;
static char *opt_floor;
static char *opt_window;
static char *opt_markdown;
static gboolean opt_first_frame_only;
static char *opt_parts;

static GString *report;

/* Whether @part (open, list, search, charts, transfer, save) was asked for; all are by
 * default. Skipping export and import saves most of a run on the large journal. */
static gboolean
wants (const char *part)
{
  g_auto(GStrv) parts = NULL;

  if (opt_parts == NULL)
    return TRUE;

  parts = g_strsplit (opt_parts, ",", -1);

  return g_strv_contains ((const char * const *)parts, part);
}

/* Timing --------------------------------------------------------------------------------- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

typedef HavenBenchStats Stats;

Stats
haven_bench_summarize (GArray *samples)
{
  Stats s = { 0 };
  guint n = samples->len;

  if (n == 0)
    return s;

  g_array_sort (samples, compare_doubles);
  s.median = n % 2 ? g_array_index (samples, double, n / 2)
                   : (g_array_index (samples, double, n / 2 - 1) + g_array_index (samples, double, n / 2)) / 2;
  s.p99 = g_array_index (samples, double, MIN (n - 1, (guint)ceil (0.99 * n) - 1));
  s.max = g_array_index (samples, double, n - 1);

  return s;
}

static void
row (const char *size,
     const char *what,
     Stats       s,
     const char *unit,
     const char *target)
{
  printf ("%-10s %-34s median %9.2f %s   p99 %9.2f %s   %s\n", size, what, s.median, unit,
          s.p99, unit, target ? target : "");
  g_string_append_printf (report, "| %s | %s | %.2f %s | %.2f %s | %s |\n", size, what,
                          s.median, unit, s.p99, unit, target ? target : "");
  fflush (stdout);
}

#define TIME_MS(samples, ...) \
  G_STMT_START { \
    gint64 __start = g_get_monotonic_time (); \
    __VA_ARGS__; \
    double __ms = (g_get_monotonic_time () - __start) / 1000.0; \
    g_array_append_val (samples, __ms); \
  } G_STMT_END

/* Journals ------------------------------------------------------------------------------ */

static char *
cached_journal (const Size *size)
{
  g_autofree char *name = g_strdup_printf ("%s-g%d-s%d.db", size->name,
                                           HAVEN_BENCH_GENERATOR_VERSION, HAVEN_SCHEMA_VERSION);
  char *path = g_build_filename (opt_cache, name, NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autoptr(HavenStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;

  g_mkdir_with_parents (opt_cache, 0700);
  g_unlink (partial);

  printf ("Generating the %s journal (%u entries, %u check-ins)…\n", size->name,
          size->n_entries, size->n_checkins);
  fflush (stdout);

  start = g_get_monotonic_time ();
  store = haven_store_open (partial, HAVEN_STORE_OPEN_NONE, &error);
  if (store == NULL ||
      !haven_bench_generate (store, size->n_entries, size->n_checkins, haven_time_now (), 42, &error))
    g_error ("generating failed: %s", error->message);
  g_clear_object (&store);

  if (g_rename (partial, path) != 0)
    g_error ("could not keep the generated journal");

  printf ("  done in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);

  return path;
}

static char *
work_copy (const char *path,
           const char *dir)
{
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autofree char *base = g_path_get_basename (path);
  char *copy = g_build_filename (dir, base, NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (copy);
  g_autoptr(GError) error = NULL;

  if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("copying the journal failed: %s", error->message);
  g_chmod (copy, 0600);

  return copy;
}

/* The copies of the large journal take hundreds of megabytes: a run leaves none behind. */
static void
remove_work_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* The store -------------------------------------------------------------------------------- */

static void
bench_open (const Size *size,
            const char *path)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < opt_runs; i++)
    {
      g_autoptr(HavenStore) store = NULL;

      TIME_MS (samples, store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, NULL));
      g_assert (store != NULL);
    }

  row (size->name, "open the journal", haven_bench_summarize (samples), "ms", NULL);
}

static void
bench_first_page (const Size *size,
                  HavenStore *store)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < opt_runs; i++)
    {
      TIME_MS (samples, {
        g_autoptr(HavenJournalModel) model = haven_journal_model_new (store, NULL);
        guint n = MIN (50, g_list_model_get_n_items (G_LIST_MODEL (model)));

        for (guint j = 0; j < n; j++)
          g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), j));
      });
    }

  row (size->name, "journal list, first page", haven_bench_summarize (samples), "ms", NULL);
}

static void
bench_search (const Size *size,
              HavenStore *store,
              const char *label,
              const char *text)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *what = g_strdup_printf ("search, %s", label);
  guint found = 0;

  for (int i = 0; i < opt_runs; i++)
    {
      TIME_MS (samples, {
        g_autoptr(HavenJournalFilter) filter = haven_journal_filter_new ();
        g_autoptr(HavenJournalModel) model = NULL;
        guint n;

        filter->text = g_strdup (text);
        model = haven_journal_model_new (store, filter);
        found = g_list_model_get_n_items (G_LIST_MODEL (model));
        n = MIN (20, found);
        for (guint j = 0; j < n; j++)
          g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), j));
      });
    }

  row (size->name, what, haven_bench_summarize (samples), "ms", "≤ 30 ms");
  printf ("%-10s   (%u matches)\n", "", found);
}

static void
bench_save (const Size *size,
            HavenStore *store)
{
  g_autoptr(GArray) inserts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) drafts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(HavenEntry) draft = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
  g_autoptr(HavenAutosave) autosave = haven_autosave_new (store, draft);
  g_autoptr(GString) text = g_string_new (NULL);

  for (int i = 0; i < MAX (opt_runs * 4, 100); i++)
    {
      g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);

      haven_entry_set_title (entry, "A benchmark evening");
      haven_entry_set_body (entry, "We talked it through after dinner, slowly, and it helped.");
      TIME_MS (inserts, g_assert (haven_store_save_entry (store, entry, NULL)));
    }
  row (size->name, "save an entry", haven_bench_summarize (inserts), "ms", "p99 ≤ 5 ms");

  /* A 20 kB draft, saved again after each change, as typing goes on. */
  haven_entry_set_is_draft (draft, TRUE);
  while (text->len < 20 * 1024)
    g_string_append (text, "Nothing typed is ever lost, not even this sentence. ");
  for (int i = 0; i < MAX (opt_runs * 2, 60); i++)
    {
      g_string_append_c (text, 'a' + i % 26);
      haven_entry_set_body (draft, text->str);
      haven_autosave_changed (autosave);
      TIME_MS (drafts, g_assert (haven_autosave_flush (autosave, NULL)));
    }
  row (size->name, "autosave a 20 kB draft", haven_bench_summarize (drafts), "ms", "p99 ≤ 5 ms");
}

static void
bench_export_import (const Size *size,
                     HavenStore *store,
                     const char *dir)
{
  g_autoptr(GArray) exports = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) imports = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *json = g_build_filename (dir, "export.json", NULL);
  int runs = MIN (opt_runs, size->n_entries > 10000 ? 3 : 10);

  for (int i = 0; i < runs; i++)
    TIME_MS (exports, g_assert (haven_export_to_file (store, HAVEN_EXPORT_JSON, json, NULL, NULL,
                                                      NULL, NULL)));
  row (size->name, "JSON export", haven_bench_summarize (exports), "ms",
       size->n_entries >= 100000 ? "≤ 3 s" : NULL);

  for (int i = 0; i < runs; i++)
    {
      g_autofree char *target = g_build_filename (dir, "import-target.db", NULL);
      g_autoptr(HavenStore) empty = NULL;
      g_autoptr(HavenImport) import = NULL;
      g_autoptr(GError) error = NULL;

      g_unlink (target);
      empty = haven_store_open (target, HAVEN_STORE_OPEN_NONE, &error);
      g_assert (empty != NULL);

      /* Reading the file is part of importing it. */
      TIME_MS (imports, {
        import = haven_import_new_for_file (json, &error);
        g_assert (import != NULL);
        g_assert (haven_import_run (import, empty, NULL, &error));
      });

      g_clear_object (&empty);
      g_unlink (target);
      {
        g_autofree char *wal = g_strconcat (target, "-wal", NULL);
        g_autofree char *shm = g_strconcat (target, "-shm", NULL);
        g_unlink (wal);
        g_unlink (shm);
      }
    }
  row (size->name, "JSON import into an empty journal", haven_bench_summarize (imports), "ms",
       size->n_entries >= 100000 ? "≤ 5 s" : NULL);
}

/* Processes -------------------------------------------------------------------------------- */

/* Runs @argv until it prints "@key N" on stderr, then stops it; returns N. */
static double
run_for_value (const char * const *argv,
               const char         *key,
               gboolean            wait_for_exit)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) err = NULL;
  g_autoptr(GError) error = NULL;
  double value = -1;

  g_subprocess_launcher_setenv (launcher, "HAVEN_REPORT_STARTUP", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  child = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (child == NULL)
    g_error ("could not start %s: %s", argv[0], error->message);

  err = g_data_input_stream_new (g_subprocess_get_stderr_pipe (child));
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (err, NULL, NULL, NULL);

      if (line == NULL)
        break;
      if (g_str_has_prefix (line, key) && line[strlen (key)] == ' ')
        {
          value = g_ascii_strtod (line + strlen (key) + 1, NULL);
          if (!wait_for_exit)
            break;
        }
    }

  if (!wait_for_exit)
    g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, NULL);

  return value;
}

static double floor_rss_kb;

/* The floor's peak memory; its first frame is taken in turns with Haven's (bench_first_frames()). */
static void
bench_floor (void)
{
  g_autoptr(GArray) rss = g_array_new (FALSE, FALSE, sizeof (double));
  const char *argv[] = { opt_floor, NULL };

  for (int i = 0; i < 10; i++)
    {
      double kb = run_for_value (argv, "peak-rss-kb", TRUE);

      g_array_append_val (rss, kb);
    }

  floor_rss_kb = haven_bench_summarize (rss).median;
  row ("floor", "peak memory (bare window)", haven_bench_summarize (rss), "kB", NULL);
}

static void
bench_window (const Size *size,
              const char *path)
{
  g_autoptr(GArray) rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) redraw = g_array_new (FALSE, FALSE, sizeof (double));
  const char *window_argv[] = { opt_window, path, NULL };
  g_autofree char *rss_target = g_strdup_printf ("≤ 1.2 × floor = %.0f kB", 1.2 * floor_rss_kb);
  Stats s;

  for (int i = 0; i < 3; i++)
    {
      double kb = run_for_value (window_argv, "peak-rss-kb", TRUE);
      g_array_append_val (rss, kb);
    }
  s = haven_bench_summarize (rss);
  row (size->name, "peak memory, list scrolled to the end", s, "kB", rss_target);
  printf ("%-10s   ratio to the floor: %.2f\n", "", s.median / floor_rss_kb);
  g_string_append_printf (report, "| %s | peak memory ÷ floor | %.2f | | ≤ 1.20 |\n", size->name,
                          s.median / floor_rss_kb);

  for (int i = 0; i < 3; i++)
    {
      double ms = run_for_value (window_argv, "chart-redraw-ms", TRUE);
      g_array_append_val (redraw, ms);
    }
  s = haven_bench_summarize (redraw);
  row (size->name, "redraw of the slowest chart, all time", s, "ms", "≤ 16 ms");
}

/* Only the time to the first frame, of the floor and of Haven on each journal, taken in
 * turns (floor, then each journal, --runs times over) so that a machine busy with other
 * work weighs on all of them alike. */
static void
bench_first_frames (const Size  *chosen[],
                    const char  *paths[],
                    guint        n)
{
  const char *floor_argv[] = { opt_floor, NULL };
  g_autoptr(GArray) floor_samples = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *samples[G_N_ELEMENTS (sizes)];
  Stats floor_stats;

  for (guint j = 0; j < n; j++)
    samples[j] = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < opt_runs; i++)
    {
      double ms = run_for_value (floor_argv, "startup-ms", FALSE);

      g_array_append_val (floor_samples, ms);
      for (guint j = 0; j < n; j++)
        {
          const char *haven_argv[] = { opt_haven, "--journal", paths[j], NULL };

          ms = run_for_value (haven_argv, "startup-ms", FALSE);
          g_array_append_val (samples[j], ms);
        }
    }

  floor_stats = haven_bench_summarize (floor_samples);
  row ("floor", "first frame (bare libadwaita window)", floor_stats, "ms", NULL);
  for (guint j = 0; j < n; j++)
    {
      g_autofree char *target = g_strdup_printf ("≤ 1.1 × floor = %.0f ms",
                                                 1.1 * floor_stats.median);
      Stats s = haven_bench_summarize (samples[j]);

      row (chosen[j]->name, "first frame", s, "ms", target);
      printf ("%-10s   ratio to the floor: %.2f\n", "", s.median / floor_stats.median);
      g_string_append_printf (report, "| %s | first frame ÷ floor | %.2f | | ≤ 1.10 |\n",
                              chosen[j]->name, s.median / floor_stats.median);
      g_array_unref (samples[j]);
    }
}

/* The first frames of the floor and of Haven on each journal asked for, on fresh copies. */
static void
bench_chosen_first_frames (const char *tmp)
{
  const Size *chosen[G_N_ELEMENTS (sizes)];
  const char *paths[G_N_ELEMENTS (sizes)];
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *cached = NULL;

      if (opt_sizes != NULL && strstr (opt_sizes, sizes[i].name) == NULL)
        continue;

      cached = cached_journal (&sizes[i]);
      chosen[n] = &sizes[i];
      paths[n++] = work_copy (cached, tmp);
    }

  bench_first_frames (chosen, paths, n);
  for (guint j = 0; j < n; j++)
    g_free ((char *)paths[j]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— Haven's benchmark");
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  const GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &opt_sizes, "Journal sizes (empty,ten-years,large)", "LIST" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Runs per measurement", "N" },
    { "cache", 0, 0, G_OPTION_ARG_FILENAME, &opt_cache, "Where generated journals are kept", "DIR" },
    { "haven", 0, 0, G_OPTION_ARG_FILENAME, &opt_haven, "The haven program", "PATH" },
    { "floor", 0, 0, G_OPTION_ARG_FILENAME, &opt_floor, "The floor program", "PATH" },
    { "window", 0, 0, G_OPTION_ARG_FILENAME, &opt_window, "The window program", "PATH" },
    { "markdown", 0, 0, G_OPTION_ARG_FILENAME, &opt_markdown, "Also write the table here", "FILE" },
    { "first-frame-only", 0, 0, G_OPTION_ARG_NONE, &opt_first_frame_only,
      "Only the time to the first frame, floor and journals in turns (needs --haven, --floor)", NULL },
    { "parts", 0, 0, G_OPTION_ARG_STRING, &opt_parts,
      "Measurements to make (open,list,search,charts,transfer,save; default all)", "LIST" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (opt_cache == NULL)
    opt_cache = g_build_filename (g_get_user_cache_dir (), "haven-bench", NULL);

  report = g_string_new ("| journal | measurement | median | p99 | target |\n|---|---|---|---|---|\n");
  tmp = g_dir_make_tmp ("haven-bench-XXXXXX", NULL);

  if (opt_first_frame_only)
    {
      if (opt_floor == NULL || opt_haven == NULL)
        {
          g_printerr ("--first-frame-only needs --haven and --floor\n");
          return 2;
        }

      bench_chosen_first_frames (tmp);

      if (opt_markdown != NULL)
        g_file_set_contents (opt_markdown, report->str, -1, NULL);
      printf ("\n%s", report->str);

      return 0;
    }

  if (opt_floor != NULL && opt_haven != NULL && opt_window != NULL)
    bench_floor ();

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      const Size *size = &sizes[i];
      g_autofree char *cached = NULL;
      g_autofree char *path = NULL;
      g_autoptr(HavenStore) store = NULL;

      if (opt_sizes != NULL && strstr (opt_sizes, size->name) == NULL)
        continue;

      cached = cached_journal (size);
      path = work_copy (cached, tmp);

      if (wants ("open"))
        bench_open (size, path);
      store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
      g_assert (store != NULL);

      if (wants ("list"))
        bench_first_page (size, store);
      if (wants ("search"))
        {
          bench_search (size, store, "a common word", HAVEN_BENCH_COMMON_WORD);
          bench_search (size, store, "a rare word", HAVEN_BENCH_RARE_WORD);
          bench_search (size, store, "a phrase", HAVEN_BENCH_PHRASE);
        }
      if (wants ("charts"))
        haven_stats_bench (size->name, store, opt_runs, row);
      if (wants ("transfer"))
        bench_export_import (size, store, tmp);
      if (wants ("save"))
        bench_save (size, store);
      g_clear_object (&store);

      if (opt_floor != NULL && opt_haven != NULL && opt_window != NULL)
        {
          g_autofree char *fresh = work_copy (cached, tmp);
          bench_window (size, fresh);
        }
    }

  /* The first frames last, and all in turns: measured one journal after another, each against
   * a floor taken minutes before, the ratio followed the machine's load more than Haven. */
  if (opt_floor != NULL && opt_haven != NULL)
    bench_chosen_first_frames (tmp);

  if (opt_markdown != NULL)
    g_file_set_contents (opt_markdown, report->str, -1, NULL);
  printf ("\n%s", report->str);

  remove_work_dir (tmp);

  return 0;
}
