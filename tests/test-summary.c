/* test-summary.c: the printable summary for a therapist, its PDF and its dialog
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDFs are read back with pdftotext and pdfinfo (poppler-utils); their pages are rendered
 * with pdftoppm to $G_TEST_BUILDDIR/screenshots/summary-pdf-*.png, the dialog to
 * summary-dialog-*.png.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <time.h>

#include "haven-demo.h"
#include "haven-insights-page.h"
#include "haven-journal-model.h"
#include "haven-summary-dialog.h"
#include "haven-test-ui.h"
#include "haven-test-util.h"
#include "haven-window.h"

static HavenApplication *app;

typedef struct
{
  char        *dir;
  HavenStore  *store;
  HavenWindow *window;
} Fixture;

static HavenTime
local (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

/* Tuesday 31 March 2026, noon, as in test-insights. */
#define NOW (local (2026, 3, 31, 12, 0))

static void
fixture_set_up_empty (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = haven_test_make_tmpdir ();
  path = g_build_filename (f->dir, "journal.db", NULL);
  f->store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  haven_test_ui_set_dark (FALSE);
}

/* Fourteen weeks of sample entries and check-ins, the same every time. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_set_up_empty (f, data);
  g_assert_true (haven_demo_fill (f->store, NOW, 14, 7, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Dialogs first, then the window they belong to. */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (HAVEN_IS_SUMMARY_DIALOG (window))
        gtk_window_destroy (window);
    }
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  haven_test_ui_iterate (20);
  g_clear_object (&f->store);
  haven_test_rmtree (f->dir);
  g_free (f->dir);
}

/* Reading PDFs ------------------------------------------------------------------------------ */

/* Every run of white space as one space: pdftotext breaks lines where the page did. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static char *
pdf_text (const char *path)
{
  g_autofree char *text = run ((const char *[]) { "pdftotext", "-enc", "UTF-8", path, "-", NULL });

  return squeeze (text);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = run ((const char *[]) { "pdfinfo", path, NULL });
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint)g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* Page @page of the PDF as a PNG at 60 dpi, beside the other screenshots. */
static void
render_pdf_page (const char *path,
                 guint       page,
                 const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "screenshots", NULL);
  g_autofree char *stem = g_strdup_printf ("%s%s%s-%s", dir, G_DIR_SEPARATOR_S, name,
                                           haven_test_ui_language ());
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autofree char *out = NULL;
  g_autofree char *png = g_strconcat (stem, ".png", NULL);

  g_mkdir_with_parents (dir, 0755);
  out = run ((const char *[]) { "pdftoppm", "-png", "-r", "60", "-f", number, "-l", number,
                                "-singlefile", path, stem, NULL });
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_test_message ("rendered %s", png);

  /* The PDF itself too, for a person to look at (sample weeks only, never a real journal). */
  {
    g_autoptr(GFile) source = g_file_new_for_path (path);
    g_autofree char *copy_path = g_strconcat (stem, ".pdf", NULL);
    g_autoptr(GFile) copy = g_file_new_for_path (copy_path);

    g_assert_true (g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
  }
}

static void
assert_is_private_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpuint (haven_test_file_mode (path) & 0777, ==, 0600);
}

/* Nothing but the summary itself in the folder: no temporary file left behind. */
static void
assert_only_file (const char *dir,
                  const char *name)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;

  g_assert_nonnull (d);
  while ((entry = g_dir_read_name (d)) != NULL)
    g_assert_cmpstr (entry, ==, name);
}

/* The journal ------------------------------------------------------------------------------- */

/* The entries of the last four weeks before NOW, newest first, as the dialog lists them. */
static GPtrArray *
entries_in_range (Fixture         *f,
                  HavenStatsRange  range)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenJournalFilter) filter = haven_journal_filter_new ();
  g_autoptr(HavenJournalModel) model = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);
  HavenStatsPeriod period;

  g_assert_true (haven_stats_period_init (&period, f->store, range, NOW,
                                          haven_stats_locale_first_weekday (), &error));
  for (HavenEntryKind kind = 0; kind <= HAVEN_ENTRY_KIND_LAST; kind++)
    filter->kinds |= HAVEN_FILTER_KIND (kind);
  filter->from = period.from;
  filter->to = period.to;
  model = haven_journal_model_new (f->store, filter);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(HavenJournalItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      HavenEntry *entry = haven_store_get_entry (f->store, haven_journal_item_get_id (item),
                                                 &error);

      g_assert_no_error (error);
      g_ptr_array_add (entries, entry);
    }

  return entries;
}

/* The first words of what an entry says, as they would read in the PDF. */
static char *
snippet (HavenEntry *entry)
{
  g_autofree char *body = squeeze (haven_entry_get_body (entry));
  g_auto(GStrv) words = g_strsplit (body, " ", 8);

  if (g_strv_length (words) > 7)
    g_clear_pointer (&words[7], g_free);

  return g_strjoinv (" ", words);
}

static HavenEntry *
find_entry (GPtrArray *entries,
            gboolean   guided)
{
  for (guint i = 0; i < entries->len; i++)
    {
      HavenEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *words = snippet (entry);
      gboolean is_guided = haven_entry_get_kind (entry) != HAVEN_ENTRY_KIND_FREE;

      if (is_guided == guided && strlen (words) > 20)
        return entry;
    }

  g_assert_not_reached ();
}

static char *
export (Fixture                   *f,
        const HavenSummaryOptions *options,
        const char                *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out_dir = g_build_filename (f->dir, name, NULL);
  char *path = g_build_filename (out_dir, "summary.pdf", NULL);

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_assert_true (haven_summary_export_pdf (f->store, options, path, &error));
  g_assert_no_error (error);
  assert_is_private_pdf (path);
  assert_only_file (out_dir, "summary.pdf");

  return path;
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  g_autofree char *squeezed = squeeze (needle);

  if (strstr (text, squeezed) == NULL)
    g_error ("“%s” is not in the PDF", squeezed);
}

/* The PDF ----------------------------------------------------------------------------------- */

static void
test_pdf_charts_only (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = entries_in_range (f, HAVEN_STATS_RANGE_4_WEEKS);
  g_autoptr(GPtrArray) counts = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  HavenSummaryOptions options;
  HavenStatsPeriod period;

  haven_summary_options_init (&options);
  options.now = NOW;
  /* Nothing ticked: the summary's defaults. */
  g_assert_true (options.include_mood && options.include_reactions && options.include_pain_points);
  g_assert_cmpuint (options.n_entry_ids, ==, 0);

  path = export (f, &options, "charts");
  text = pdf_text (path);
  g_test_message ("%s", text);

  assert_contains (text, _("Haven: A Summary"));
  assert_contains (text, _("Mood"));
  assert_contains (text, _("How You Reacted"));
  assert_contains (text, _("Raw Spots That Came Back Most"));

  /* The period, and every raw spot named in it with how often. */
  g_assert_true (haven_stats_period_init (&period, f->store, HAVEN_STATS_RANGE_4_WEEKS, NOW,
                                          haven_stats_locale_first_weekday (), &error));
  {
    g_autofree char *period_text = haven_summary_describe_period (&period);

    assert_contains (text, period_text);
  }
  counts = haven_stats_pain_point_counts (f->store, period.from, period.to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, >=, 2);
  for (guint i = 0; i < counts->len; i++)
    {
      HavenPainPointCount *count = g_ptr_array_index (counts, i);
      g_autofree char *times = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time",
                                                             "%u times", count->count),
                                                count->count);

      assert_contains (text, count->name);
      assert_contains (text, times);
    }

  /* Not a word anyone wrote, and no section for it. */
  g_assert_cmpuint (entries->len, >=, 3);
  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *words = snippet (g_ptr_array_index (entries, i));

      if (strlen (words) > 12)
        g_assert_null (strstr (text, words));
    }
  g_assert_null (strstr (text, _("From My Journal")));

  if (g_str_equal (haven_test_ui_language (), "nl"))
    {
      /* In Dutch, whatever the English says. */
      g_assert_nonnull (strstr (text, "Stemming"));
      g_assert_nonnull (strstr (text, "Hoe je reageerde"));
      g_assert_nonnull (strstr (text, "maart 2026"));
      g_assert_null (strstr (text, "How You Reacted"));
    }

  render_pdf_page (path, 1, "summary-pdf-charts");
}

static void
test_pdf_ticked_entries (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = entries_in_range (f, HAVEN_STATS_RANGE_4_WEEKS);
  g_autoptr(GPtrArray) older = entries_in_range (f, HAVEN_STATS_RANGE_3_MONTHS);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *free_words = NULL;
  g_autofree char *guided_words = NULL;
  HavenEntry *free_entry = find_entry (entries, FALSE);
  HavenEntry *guided_entry = find_entry (entries, TRUE);
  HavenEntry *outside = NULL;
  HavenSummaryOptions options;
  gint64 id;

  /* An entry of three months ago is not in a summary of four weeks, even ticked. */
  for (guint i = 0; i < older->len && outside == NULL; i++)
    {
      HavenEntry *entry = g_ptr_array_index (older, i);

      if (haven_entry_get_occurred_at (entry) < NOW - 35 * 24 * 3600 &&
          strlen (haven_entry_get_body (entry)) > 40)
        outside = entry;
    }
  g_assert_nonnull (outside);

  id = haven_entry_get_id (free_entry);
  g_array_append_val (ids, id);
  id = haven_entry_get_id (guided_entry);
  g_array_append_val (ids, id);
  g_array_append_val (ids, id);   /* twice: still once in the summary */
  id = haven_entry_get_id (outside);
  g_array_append_val (ids, id);
  id = 987654;                     /* gone */
  g_array_append_val (ids, id);

  haven_summary_options_init (&options);
  options.now = NOW;
  options.include_mood = FALSE;
  options.include_reactions = FALSE;
  options.include_pain_points = FALSE;
  options.entry_ids = (const gint64 *)ids->data;
  options.n_entry_ids = ids->len;

  path = export (f, &options, "ticked");
  text = pdf_text (path);

  assert_contains (text, _("Haven: A Summary"));
  assert_contains (text, _("From My Journal"));
  free_words = snippet (free_entry);
  guided_words = snippet (guided_entry);
  assert_contains (text, free_words);
  assert_contains (text, guided_words);
  /* Every word of them, to the last. */
  {
    g_autofree char *whole = squeeze (haven_entry_get_body (free_entry));

    assert_contains (text, whole);
  }
  /* Ticked twice, there once. */
  g_assert_null (strstr (strstr (text, guided_words) + 1, guided_words));

  /* The charts left unticked are not in it; nor is any other entry. */
  g_assert_null (strstr (text, _("How You Reacted")));
  g_assert_null (strstr (text, _("Raw Spots That Came Back Most")));
  for (guint i = 0; i < older->len; i++)
    {
      HavenEntry *entry = g_ptr_array_index (older, i);
      g_autofree char *words = snippet (entry);

      if (haven_entry_get_id (entry) == haven_entry_get_id (free_entry) ||
          haven_entry_get_id (entry) == haven_entry_get_id (guided_entry) ||
          strlen (words) <= 12 || g_str_equal (words, free_words) ||
          g_str_equal (words, guided_words))
        continue;
      if (strstr (text, words) != NULL)
        g_error ("an entry that was not ticked is in the summary: “%s”", words);
    }

  render_pdf_page (path, 1, "summary-pdf-entries");
}

/* A long entry runs over pages, cut between lines, every word kept; the footer numbers them. */
static void
test_pdf_pages (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last_page = NULL;
  HavenSummaryOptions options;
  gint64 id;
  guint pages;

  for (guint i = 1; i <= 160; i++)
    g_string_append_printf (body, "Paragraph %u: we talked about the holidays again and I felt "
                                  "the old knot in my stomach when the plans were made without "
                                  "me.%s", i, i % 4 == 0 ? "\n\n" : " ");
  g_string_append (body, "The very last words.");
  haven_entry_set_title (entry, "A long evening");
  haven_entry_set_body (entry, body->str);
  haven_entry_set_occurred_at (entry, NOW - 3 * 24 * 3600);
  g_assert_true (haven_store_save_entry (f->store, entry, &error));
  g_assert_no_error (error);
  id = haven_entry_get_id (entry);

  haven_summary_options_init (&options);
  options.now = NOW;
  options.entry_ids = &id;
  options.n_entry_ids = 1;
  path = export (f, &options, "pages");

  pages = pdf_pages (path);
  g_assert_cmpuint (pages, >=, 4);
  text = pdf_text (path);
  assert_contains (text, "A long evening");
  assert_contains (text, "Paragraph 1: we talked");
  assert_contains (text, "Paragraph 159: we talked");
  assert_contains (text, "The very last words.");
  for (guint i = 1; i <= 160; i++)
    {
      g_autofree char *start = g_strdup_printf ("Paragraph %u:", i);

      assert_contains (text, start);
    }

  last_page = g_strdup_printf (_("Page %d of %d"), (int)pages, (int)pages);
  assert_contains (text, last_page);

  render_pdf_page (path, 2, "summary-pdf-page-2");
  render_pdf_page (path, pages, "summary-pdf-last-page");
}

static void
test_pdf_missing_folder (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "not-there", NULL);
  g_autofree char *path = g_build_filename (missing, "summary.pdf", NULL);
  HavenSummaryOptions options;

  haven_summary_options_init (&options);
  options.now = NOW;
  g_assert_false (haven_summary_export_pdf (f->store, &options, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "not-there"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* Saving over a file that was there: replaced whole, private, and nothing else left. */
static void
test_pdf_replaces (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out_dir = g_build_filename (f->dir, "again", NULL);
  g_autofree char *path = g_build_filename (out_dir, "summary.pdf", NULL);
  HavenSummaryOptions options;

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "an older file", -1, &error));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  haven_summary_options_init (&options);
  options.now = NOW;
  g_assert_true (haven_summary_export_pdf (f->store, &options, path, &error));
  g_assert_no_error (error);
  assert_is_private_pdf (path);
  assert_only_file (out_dir, "summary.pdf");
}

/* A journal with nothing in it yet still makes a summary, which says so. */
static void
test_pdf_empty_journal (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  HavenSummaryOptions options;

  haven_summary_options_init (&options);
  options.now = NOW;
  path = export (f, &options, "empty");
  text = pdf_text (path);
  assert_contains (text, _("Haven: A Summary"));
  assert_contains (text, _("No mood noted in this period."));
  assert_contains (text, _("No reactions noted in this period."));
  assert_contains (text, _("No raw spots named in this period."));
  g_assert_cmpuint (pdf_pages (path), ==, 1);
  render_pdf_page (path, 1, "summary-pdf-empty");
}

/* The dialog -------------------------------------------------------------------------------- */

static HavenSummaryDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (HAVEN_IS_SUMMARY_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return HAVEN_SUMMARY_DIALOG (window);
    }

  return NULL;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* As haven_test_ui_present, with more patience for the first frame: in the sanitized build,
 * on a busy machine, the dialog's first frame (a list of some thirty rows of check boxes
 * coming to life) can take longer than the five seconds the helper allows. */
static void
present_patiently (GtkWindow *window)
{
  gboolean painted = FALSE;
  GdkFrameClock *clock;
  gulong handler;

  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  g_assert_true (haven_test_ui_wait_for (&painted, 60000));
  g_signal_handler_disconnect (clock, handler);
  haven_test_ui_iterate (50);
}

static HavenSummaryDialog *
open_dialog (Fixture    *f,
             const char *range,
             int         width)
{
  HavenSummaryDialog *dialog;

  f->window = haven_window_new (app, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 760);
  haven_test_ui_present (GTK_WINDOW (f->window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.share-summary", "s",
                                             range));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));

  haven_summary_dialog_set_now (dialog, NOW);
  gtk_window_set_default_size (GTK_WINDOW (dialog), width, 720);
  present_patiently (GTK_WINDOW (dialog));

  return dialog;
}

static double
top_in (GtkWidget *widget,
        GtkWidget *ancestor)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, ancestor, &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

static GtkWidget *sort_view;

static int
compare_tops (gconstpointer a,
              gconstpointer b)
{
  double ya = top_in (*(GtkWidget **)a, sort_view);
  double yb = top_in (*(GtkWidget **)b, sort_view);

  return ya < yb ? -1 : ya > yb;
}

/* The check boxes of the entries the list shows now, top to bottom. */
static GPtrArray *
entry_checks (HavenSummaryDialog *dialog)
{
  GtkWidget *view = haven_test_ui_find (GTK_WIDGET (dialog), GTK_TYPE_GRID_VIEW);
  GPtrArray *checks = g_ptr_array_new ();

  g_assert_nonnull (view);
  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *check = haven_test_ui_find (child, GTK_TYPE_CHECK_BUTTON);

      if (check != NULL && gtk_widget_get_mapped (check))
        g_ptr_array_add (checks, check);
    }

  sort_view = view;
  g_ptr_array_sort (checks, compare_tops);

  return checks;
}

/* The end of the list of entries, where the oldest are: a little at a time, as a person
 * scrolls, once the list has taken in a new period (GTK 4.8's grid view does not scroll
 * until then). */
static void
scroll_to_end (HavenSummaryDialog *dialog)
{
  GtkWidget *view = haven_test_ui_find (GTK_WIDGET (dialog), GTK_TYPE_GRID_VIEW);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  haven_test_ui_iterate (300);
  for (guint i = 0; i < 200; i++)
    {
      double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      double value = gtk_adjustment_get_value (adjustment);

      if (value >= end)
        break;
      gtk_adjustment_set_value (adjustment, MIN (end, value + 100));
      haven_test_ui_iterate (20);
    }
  haven_test_ui_iterate (100);
}

/* Back to the newest entries, once the list has taken in a new period. */
static void
scroll_to_start (HavenSummaryDialog *dialog)
{
  GtkWidget *view = haven_test_ui_find (GTK_WIDGET (dialog), GTK_TYPE_GRID_VIEW);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  haven_test_ui_iterate (300);
  for (guint i = 0; i < 50 && gtk_adjustment_get_value (adjustment) > 0; i++)
    {
      gtk_adjustment_set_value (adjustment, 0);
      haven_test_ui_iterate (20);
    }
  haven_test_ui_iterate (100);
}

static const char *
count_text (HavenSummaryDialog *dialog)
{
  GtkWidget *label = NULL;

  /* The label beside "Entries". */
  for (GtkWidget *w = haven_test_ui_find (GTK_WIDGET (dialog), GTK_TYPE_GRID_VIEW); w != NULL;
       w = gtk_widget_get_parent (w))
    {
      if (GTK_IS_BOX (w) && gtk_orientable_get_orientation (GTK_ORIENTABLE (w)) == GTK_ORIENTATION_VERTICAL &&
          GTK_IS_BOX (gtk_widget_get_first_child (w)))
        {
          label = gtk_widget_get_last_child (gtk_widget_get_first_child (w));
          break;
        }
    }
  g_assert_true (GTK_IS_LABEL (label));

  return gtk_label_get_label (GTK_LABEL (label));
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The check box of one of the parts to include, found by its row's title. */
static GtkCheckButton *
part_check (HavenSummaryDialog *dialog,
            const char         *title)
{
  GtkWidget *group = haven_test_ui_find (GTK_WIDGET (dialog), ADW_TYPE_PREFERENCES_GROUP);
  GtkWidget *list = haven_test_ui_find (group, GTK_TYPE_LIST_BOX);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) &&
        g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title))
      return GTK_CHECK_BUTTON (haven_test_ui_find (row, GTK_TYPE_CHECK_BUTTON));

  g_error ("no row “%s”", title);
}

static void
saved_cb (HavenSummaryDialog *dialog,
          const char         *path,
          char              **saved_path)
{
  *saved_path = g_strdup (path);
}

static void
test_dialog (Fixture       *f,
             gconstpointer  data)
{
  HavenSummaryDialog *dialog = open_dialog (f, "", 560);
  g_autoptr(GPtrArray) checks = entry_checks (dialog);
  g_autoptr(GPtrArray) entries = entries_in_range (f, HAVEN_STATS_RANGE_4_WEEKS);
  g_autofree char *out_dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *path = g_build_filename (out_dir, "for-my-therapist.pdf", NULL);
  g_autofree char *saved_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *range = NULL;
  g_autoptr(HavenEntry) ticked = NULL;
  HavenSummaryOptions options;

  /* The charts are ticked, not one entry is. */
  g_object_get (dialog, "range", &range, NULL);
  g_assert_cmpstr (range, ==, "4-weeks");
  haven_summary_dialog_get_options (dialog, &options);
  g_assert_true (options.include_mood && options.include_reactions && options.include_pain_points);
  g_assert_cmpuint (options.n_entry_ids, ==, 0);
  g_assert_cmpstr (count_text (dialog), ==, _("None ticked"));
  g_assert_cmpuint (checks->len, >, 2);
  for (guint i = 0; i < checks->len; i++)
    g_assert_false (gtk_check_button_get_active (g_ptr_array_index (checks, i)));
  g_assert_true (gtk_widget_is_sensitive (haven_test_ui_find_button (GTK_WIDGET (dialog),
                                                                     _("_Save as PDF…"))));
  g_object_unref (haven_test_ui_render (GTK_WIDGET (dialog), "summary-dialog"));

  /* Nothing ticked at all: nothing to save. */
  gtk_check_button_set_active (part_check (dialog, _("Mood")), FALSE);
  gtk_check_button_set_active (part_check (dialog, _("How You Reacted")), FALSE);
  gtk_check_button_set_active (part_check (dialog, _("Raw Spots That Came Back")), FALSE);
  g_assert_false (gtk_widget_is_sensitive (haven_test_ui_find_button (GTK_WIDGET (dialog),
                                                                      _("_Save as PDF…"))));
  gtk_check_button_set_active (part_check (dialog, _("Mood")), TRUE);

  /* Ticking one entry: that one, and only while its period is shown. */
  gtk_check_button_set_active (g_ptr_array_index (checks, 1), TRUE);
  haven_summary_dialog_get_options (dialog, &options);
  g_assert_cmpuint (options.n_entry_ids, ==, 1);
  g_assert_false (options.include_reactions);
  ticked = haven_store_get_entry (f->store, options.entry_ids[0], NULL);
  g_assert_nonnull (ticked);
  g_assert_cmpstr (count_text (dialog), !=, _("None ticked"));
  g_object_unref (haven_test_ui_render (GTK_WIDGET (dialog), "summary-dialog-ticked"));

  /* The list keeps the tick through another period and back; an entry ticked in a longer
   * period stays out of a shorter one that does not hold it. */
  g_object_set (dialog, "range", "year", NULL);
  haven_test_ui_iterate (30);
  haven_summary_dialog_get_options (dialog, &options);
  g_assert_cmpuint (options.n_entry_ids, ==, 1);
  scroll_to_end (dialog);
  g_clear_pointer (&checks, g_ptr_array_unref);
  checks = entry_checks (dialog);
  g_assert_cmpuint (checks->len, >, 2);
  gtk_check_button_set_active (g_ptr_array_index (checks, checks->len - 1), TRUE);
  haven_summary_dialog_get_options (dialog, &options);
  g_assert_cmpuint (options.n_entry_ids, ==, 2);
  g_object_set (dialog, "range", "4-weeks", NULL);
  haven_test_ui_iterate (30);
  haven_summary_dialog_get_options (dialog, &options);
  g_assert_cmpuint (options.n_entry_ids, ==, 1);
  g_assert_cmpint (options.entry_ids[0], ==, haven_entry_get_id (ticked));
  scroll_to_start (dialog);
  g_clear_pointer (&checks, g_ptr_array_unref);
  checks = entry_checks (dialog);
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, 1)));
  g_assert_false (gtk_check_button_get_active (g_ptr_array_index (checks, 0)));

  /* Saving: the same code path as the file chooser's answer. */
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved_path);
  g_assert_true (haven_summary_dialog_save_to (dialog, path));
  haven_test_ui_iterate (50);
  g_assert_cmpstr (saved_path, ==, path);
  g_assert_null (find_dialog ());
  assert_is_private_pdf (path);
  assert_only_file (out_dir, "for-my-therapist.pdf");

  text = pdf_text (path);
  assert_contains (text, _("Mood"));
  g_assert_null (strstr (text, _("How You Reacted")));
  {
    g_autofree char *words = snippet (ticked);

    assert_contains (text, words);
  }
  for (guint i = 0; i < entries->len; i++)
    {
      HavenEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *words = snippet (entry);
      g_autofree char *ticked_words = snippet (ticked);

      if (haven_entry_get_id (entry) != haven_entry_get_id (ticked) && strlen (words) > 12 &&
          !g_str_equal (words, ticked_words))
        g_assert_null (strstr (text, words));
    }

  /* The window says where it went. */
  {
    g_autofree char *toast = g_strdup_printf (_("Summary saved as “%s”."), "for-my-therapist.pdf");

    g_assert_nonnull (find_label (GTK_WIDGET (f->window), toast));
  }
}

static void
test_dialog_narrow (Fixture       *f,
                    gconstpointer  data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  HavenSummaryDialog *dialog;

  haven_test_ui_set_dark (dark);
  dialog = open_dialog (f, "3-months", 360);
  g_object_unref (haven_test_ui_render (GTK_WIDGET (dialog), "summary-dialog-360"));
  /* Everything fits a phone's width, in Dutch too. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, 360);
}

static void
test_dialog_empty_journal (Fixture       *f,
                           gconstpointer  data)
{
  HavenSummaryDialog *dialog = open_dialog (f, "", 560);
  GtkStack *stack = GTK_STACK (haven_test_ui_find (GTK_WIDGET (dialog), GTK_TYPE_STACK));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), _("No entries in this period.")));
  g_object_unref (haven_test_ui_render (GTK_WIDGET (dialog), "summary-dialog-empty"));

  /* The first entry appears in the list as soon as it is saved. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HavenEntry) entry = haven_entry_new (HAVEN_ENTRY_KIND_FREE);

    haven_entry_set_body (entry, "The first words.");
    haven_entry_set_occurred_at (entry, NOW - 3600);
    g_assert_true (haven_store_save_entry (f->store, entry, &error));
    g_assert_no_error (error);
    haven_test_ui_iterate (100);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  }
}

static void
test_dialog_missing_folder (Fixture       *f,
                            gconstpointer  data)
{
  HavenSummaryDialog *dialog = open_dialog (f, "", 560);
  g_autofree char *missing = g_build_filename (f->dir, "gone", NULL);
  g_autofree char *path = g_build_filename (missing, "summary.pdf", NULL);
  g_autofree char *saved_path = NULL;
  GtkRevealer *banner;
  const char *message;

  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved_path);
  g_assert_false (haven_summary_dialog_save_to (dialog, path));
  haven_test_ui_iterate (50);

  /* Still open, saying what happened and what to do; nothing written anywhere. */
  g_assert_true (find_dialog () == dialog);
  g_assert_null (saved_path);
  banner = GTK_REVEALER (haven_test_ui_find (GTK_WIDGET (dialog), GTK_TYPE_REVEALER));
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  message = gtk_label_get_label (GTK_LABEL (haven_test_ui_find (gtk_revealer_get_child (banner),
                                                                GTK_TYPE_LABEL)));
  g_assert_nonnull (strstr (message, _("The summary was not saved.")));
  g_assert_nonnull (strstr (message, "gone"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_is_sensitive (haven_test_ui_find_button (GTK_WIDGET (dialog),
                                                                     _("_Save as PDF…"))));
  g_object_unref (haven_test_ui_render (GTK_WIDGET (dialog), "summary-dialog-error"));

  /* Dismissed, it goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "summary.dismiss-error", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (banner));
}

/* From the Insights page, the summary starts with the period the page shows. */
static void
test_from_insights (Fixture       *f,
                    gconstpointer  data)
{
  HavenInsightsPage *page;
  GtkWidget *button;
  HavenSummaryDialog *dialog;
  g_autofree char *range = NULL;

  f->window = haven_window_new (app, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 760);
  haven_test_ui_present (GTK_WINDOW (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-insights", NULL));
  page = HAVEN_INSIGHTS_PAGE (haven_test_ui_find (GTK_WIDGET (f->window),
                                                  HAVEN_TYPE_INSIGHTS_PAGE));
  haven_insights_page_set_now (page, NOW);
  g_object_set (page, "range", "year", NULL);
  haven_test_ui_iterate (30);

  button = haven_test_ui_find_button (GTK_WIDGET (page), _("Summary for Your Therapist…"));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
  haven_test_ui_iterate (30);

  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_object_get (dialog, "range", &range, NULL);
  g_assert_cmpstr (range, ==, "year");

  gtk_window_destroy (GTK_WINDOW (dialog));
  haven_test_ui_iterate (20);
  g_object_unref (haven_test_ui_render (GTK_WIDGET (page), "summary-insights-header"));
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* The item of @menu (or its sections) for @action, and its target. */
static gboolean
find_menu_item (GMenuModel  *menu,
                const char  *action,
                GVariant   **target)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && find_menu_item (section, action, target))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        {
          *target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);
          return TRUE;
        }
    }

  return FALSE;
}

static void
test_from_menu (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  HavenSummaryDialog *dialog;
  GtkWidget *button = NULL;

  f->window = haven_window_new (app, f->store, NULL);
  haven_test_ui_present (GTK_WINDOW (f->window));

  /* The main menu's button is the one with the menu that has Export in it. */
  buttons = g_ptr_array_new ();
  collect (GTK_WIDGET (f->window), GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len && button == NULL; i++)
    {
      GtkMenuButton *candidate = g_ptr_array_index (buttons, i);
      GMenuModel *menu;
      g_autoptr(GVariant) export_target = NULL;

      /* The menus get their models when first opened. */
      if (gtk_widget_get_mapped (GTK_WIDGET (candidate)))
        {
          GtkWidget *popover;

          gtk_menu_button_popup (candidate);
          popover = GTK_WIDGET (gtk_menu_button_get_popover (candidate));
          gtk_menu_button_popdown (candidate);
          for (guint j = 0; j < 200 && popover != NULL && gtk_widget_get_mapped (popover); j++)
            haven_test_ui_iterate (10);
        }
      menu = gtk_menu_button_get_menu_model (candidate);

      if (menu != NULL && find_menu_item (menu, "win.export", &export_target))
        {
          g_assert_true (find_menu_item (menu, "win.share-summary", &target));
          button = g_ptr_array_index (buttons, i);
        }
    }
  g_assert_nonnull (button);
  g_assert_nonnull (target);
  g_assert_true (g_variant_is_of_type (target, G_VARIANT_TYPE_STRING));

  g_assert_true (gtk_widget_activate_action_variant (button, "win.share-summary", target));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  tzset ();
  app = haven_test_ui_init (&argc, &argv);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/summary/pdf/charts-only", test_pdf_charts_only, NULL);
  ADD ("/summary/pdf/ticked-entries", test_pdf_ticked_entries, NULL);
  ADD ("/summary/pdf/pages", test_pdf_pages, NULL);
  ADD ("/summary/pdf/missing-folder", test_pdf_missing_folder, NULL);
  ADD ("/summary/pdf/replaces", test_pdf_replaces, NULL);
  g_test_add ("/summary/pdf/empty-journal", Fixture, NULL, fixture_set_up_empty,
              test_pdf_empty_journal, fixture_tear_down);
  ADD ("/summary/dialog/choose-and-save", test_dialog, NULL);
  ADD ("/summary/dialog/narrow", test_dialog_narrow, GINT_TO_POINTER (FALSE));
  ADD ("/summary/dialog/narrow-dark", test_dialog_narrow, GINT_TO_POINTER (TRUE));
  ADD ("/summary/dialog/missing-folder", test_dialog_missing_folder, NULL);
  g_test_add ("/summary/dialog/empty-journal", Fixture, NULL, fixture_set_up_empty,
              test_dialog_empty_journal, fixture_tear_down);
  ADD ("/summary/dialog/from-insights", test_from_insights, NULL);
  ADD ("/summary/dialog/from-menu", test_from_menu, NULL);

  return g_test_run ();
}
