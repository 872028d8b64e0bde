/* haven-import.h: a Haven export or a Daylio CSV, read, checked and merged into the journal
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "haven-store.h"

G_BEGIN_DECLS

#define HAVEN_IMPORT_ERROR (haven_import_error_quark ())

typedef enum
{
  HAVEN_IMPORT_ERROR_TOO_BIG,         /* larger than HAVEN_IMPORT_MAX_SIZE */
  HAVEN_IMPORT_ERROR_TOO_DEEP,        /* JSON nested deeper than HAVEN_IMPORT_MAX_DEPTH */
  HAVEN_IMPORT_ERROR_NOT_UTF8,
  HAVEN_IMPORT_ERROR_SYNTAX,          /* not JSON, or a CSV row that cannot be read */
  HAVEN_IMPORT_ERROR_UNKNOWN_FORMAT,  /* neither a Haven export nor a Daylio CSV */
  HAVEN_IMPORT_ERROR_TOO_NEW,         /* a Haven export of a later format version */
  HAVEN_IMPORT_ERROR_MISSING,         /* a required field is not there */
  HAVEN_IMPORT_ERROR_WRONG_TYPE,
  HAVEN_IMPORT_ERROR_INVALID_VALUE,   /* out of range, unknown word, bad UUID or date */
  HAVEN_IMPORT_ERROR_DUPLICATE,       /* one UUID for two records */
  HAVEN_IMPORT_ERROR_BROKEN_LINK,     /* a link to a record that is nowhere */
  HAVEN_IMPORT_ERROR_READ,            /* the file could not be read */
} HavenImportError;

/* Larger files are refused before they are read. The benchmark's journal of 100,000 entries
 * and 100,000 check-ins exports to about 166 MB; 200 MB is refused. */
#define HAVEN_IMPORT_MAX_SIZE  (192 * 1024 * 1024)
/* A Haven export is five levels deep; the JSON reader follows the nesting on the stack. */
#define HAVEN_IMPORT_MAX_DEPTH 32

typedef enum
{
  HAVEN_IMPORT_FORMAT_HAVEN,
  HAVEN_IMPORT_FORMAT_DAYLIO,
} HavenImportFormat;

/* What Daylio's activities become. */
typedef enum
{
  HAVEN_IMPORT_ACTIVITIES_AS_TAGS,
  HAVEN_IMPORT_ACTIVITIES_AS_PAIN_POINTS,
} HavenImportActivities;

typedef struct
{
  guint     entries_new;
  guint     entries_updated;
  guint     entries_unchanged;
  guint     checkins_new;
  guint     checkins_updated;
  guint     checkins_unchanged;
  guint     pain_points_new;
  guint     tags_new;
  HavenTime first_at;   /* the span of the file's records; 0 when it holds none */
  HavenTime last_at;
} HavenImportCounts;

#define HAVEN_TYPE_IMPORT (haven_import_get_type ())

G_DECLARE_FINAL_TYPE (HavenImport, haven_import, HAVEN, IMPORT, GObject)

GQuark             haven_import_error_quark          (void);

/* Reads and checks the whole file; the journal is not touched. */
HavenImport       *haven_import_new_for_file         (const char             *path,
                                                      GError                **error);
HavenImport       *haven_import_new_for_bytes        (GBytes                 *bytes,
                                                      GError                **error);

HavenImportFormat  haven_import_get_format           (HavenImport            *self);
guint              haven_import_get_n_entries        (HavenImport            *self);
guint              haven_import_get_n_checkins       (HavenImport            *self);

/* Daylio: the mood words in the file, in the order they first appear, and the Haven mood
 * (1–5) each becomes. Daylio's own five (rad, good, meh, bad, awful) start at 5…1; the
 * person's own words start at 3 until they are given a place. */
const char * const *haven_import_get_mood_labels     (HavenImport            *self);
gboolean           haven_import_mood_label_is_custom (HavenImport            *self,
                                                      const char             *label);
int                haven_import_get_mood_for_label   (HavenImport            *self,
                                                      const char             *label);
void               haven_import_set_mood_for_label   (HavenImport            *self,
                                                      const char             *label,
                                                      int                     mood);
/* Daylio: how many different activities the file names. */
guint              haven_import_get_n_activities     (HavenImport            *self);
HavenImportActivities haven_import_get_activities_as (HavenImport            *self);
void               haven_import_set_activities_as    (HavenImport            *self,
                                                      HavenImportActivities   as);

/* What an import would do, read from the journal without writing to it. */
gboolean           haven_import_preview              (HavenImport            *self,
                                                      HavenStore             *store,
                                                      HavenImportCounts      *counts,
                                                      GError                **error);
/* Merges the file into the journal by UUID, in one transaction: a record the journal does
 * not have is added, one it has is replaced only when the file's copy is newer (its
 * updated_at is later), and nothing else changes. All of it lands, or none of it. */
gboolean           haven_import_run                  (HavenImport            *self,
                                                      HavenStore             *store,
                                                      HavenImportCounts      *counts,
                                                      GError                **error);

/* The counts as sentences for people: "Entries: 3 new, 1 updated, 0 unchanged. …". */
char              *haven_import_counts_describe      (const HavenImportCounts *counts);

/* Reads the file and previews it in a thread, on a read-only connection of its own. */
void               haven_import_load_async           (const char             *path,
                                                      const char             *journal_path,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
HavenImport       *haven_import_load_finish          (GAsyncResult           *result,
                                                      HavenImportCounts      *preview,
                                                      GError                **error);
/* Runs the import in a thread, on a connection of its own. Nothing may change @self until
 * it is done. The window's store learns of it through haven_store_journal_changed (). */
void               haven_import_run_async            (HavenImport            *self,
                                                      const char             *journal_path,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
gboolean           haven_import_run_finish           (HavenImport            *self,
                                                      GAsyncResult           *result,
                                                      HavenImportCounts      *counts,
                                                      GError                **error);

G_END_DECLS
