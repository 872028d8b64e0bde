/* fuzz-import.c: libFuzzer target for the importer (Haven JSON and Daylio CSV)
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input is read and checked as a file would be; what passes is previewed against a
 * real journal and then imported in a transaction that is always rolled back, so the
 * journal stays small and each input meets the same journal. Links the store only: no GTK.
 */
#include "config.h"

#include <stdint.h>

#include "haven-import.h"

static HavenStore *store;

static gboolean
import_and_roll_back (HavenStore  *store_,
                      gpointer     user_data,
                      GError     **error)
{
  HavenImport *import = user_data;
  HavenImportCounts counts;

  if (!haven_import_run (import, store_, &counts, error))
    return FALSE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "rolled back on purpose");
  return FALSE;
}

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  g_setenv ("TZ", "UTC", TRUE);
  dir = g_dir_make_tmp ("haven-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "journal.db", NULL);
  store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(HavenImport) import = NULL;
  g_autoptr(GError) error = NULL;
  HavenImportCounts counts;

  if (store == NULL)
    set_up ();

  import = haven_import_new_for_bytes (bytes, &error);
  if (import == NULL)
    {
      /* Every refusal says why, in a message for people. */
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpstr (error->message, !=, "");
      return 0;
    }

  if (haven_import_get_format (import) == HAVEN_IMPORT_FORMAT_DAYLIO)
    {
      const char * const *labels = haven_import_get_mood_labels (import);

      for (guint i = 0; labels[i] != NULL; i++)
        haven_import_set_mood_for_label (import, labels[i], 1 + i % 5);
      haven_import_set_activities_as (import, size % 2 ? HAVEN_IMPORT_ACTIVITIES_AS_TAGS
                                                       : HAVEN_IMPORT_ACTIVITIES_AS_PAIN_POINTS);
    }

  haven_import_preview (import, store, &counts, NULL);
  haven_store_run_in_transaction (store, import_and_roll_back, import, NULL);

  /* The roll-back leaves the journal as it started. */
  g_assert_cmpuint (haven_store_count_entries (store), ==, 0);
  g_assert_cmpuint (haven_store_count_checkins (store), ==, 0);

  return 0;
}
