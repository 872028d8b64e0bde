/* haven-store.h: the journal, one SQLite file
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "haven-checkin.h"
#include "haven-entry.h"
#include "haven-pain-point.h"
#include "haven-store-types.h"

G_BEGIN_DECLS

#define HAVEN_STORE_ERROR (haven_store_error_quark ())

typedef enum
{
  HAVEN_STORE_ERROR_FAILED,
  HAVEN_STORE_ERROR_NOT_A_JOURNAL,  /* some other file: never written */
  HAVEN_STORE_ERROR_CORRUPT,        /* fails its integrity check: never written */
  HAVEN_STORE_ERROR_TOO_NEW,        /* written by a newer Haven: never written */
  HAVEN_STORE_ERROR_READ_ONLY,
  HAVEN_STORE_ERROR_BUSY,           /* another program holds a lock */
  HAVEN_STORE_ERROR_FULL,           /* the disk is full */
  HAVEN_STORE_ERROR_IO,
  HAVEN_STORE_ERROR_PERMISSION,
  HAVEN_STORE_ERROR_NOT_FOUND,
  HAVEN_STORE_ERROR_INVALID,        /* a value the journal cannot hold */
} HavenStoreError;

typedef enum
{
  HAVEN_STORE_OPEN_NONE      = 0,
  /* Open without ever writing: no migration, no WAL switch; saves fail with READ_ONLY. */
  HAVEN_STORE_OPEN_READ_ONLY = 1 << 0,
  /* With READ_ONLY only: open a journal that fails its integrity check, to save what can
   * still be read from it. Identity and version are still checked. */
  HAVEN_STORE_OPEN_SKIP_CHECK = 1 << 1,
  /* The integrity check of a journal that needs no update runs later, in a thread
   * (haven_store_verify_async), so that opening does not read the whole file. Until it has
   * passed, nothing is written: a save waits for it, and fails if it fails. */
  HAVEN_STORE_OPEN_DEFER_CHECK = 1 << 2,
} HavenStoreOpenFlags;

#define HAVEN_TYPE_STORE (haven_store_get_type ())

G_DECLARE_FINAL_TYPE (HavenStore, haven_store, HAVEN, STORE, GObject)

GQuark          haven_store_error_quark          (void);

char           *haven_store_dup_default_path     (void);
char           *haven_store_dup_backup_dir       (const char           *journal_path);

HavenStore     *haven_store_open                 (const char           *path,
                                                  HavenStoreOpenFlags   flags,
                                                  GError              **error);
void            haven_store_close                (HavenStore           *self);
const char     *haven_store_get_path             (HavenStore           *self);
gboolean        haven_store_is_read_only         (HavenStore           *self);
int             haven_store_get_schema_version   (HavenStore           *self);
/* Where the copy made before the last migration went, or NULL. */
const char     *haven_store_get_migration_backup (HavenStore           *self);

gboolean        haven_store_backup_to            (HavenStore           *self,
                                                  const char           *dest_path,
                                                  GError              **error);
gboolean        haven_store_check_integrity      (HavenStore           *self,
                                                  GError              **error);
/* Runs the integrity check that DEFER_CHECK put off, on a connection of its own in a
 * thread. Completes at once when there is none. A journal that fails it becomes read-only. */
void            haven_store_verify_async         (HavenStore           *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean        haven_store_verify_finish        (HavenStore           *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* Entries. Saving inserts when the id is 0 (and fills in id, uuid and times) and updates
 * otherwise; on failure the entry is left exactly as it was. */
gboolean        haven_store_save_entry           (HavenStore           *self,
                                                  HavenEntry           *entry,
                                                  GError              **error);
HavenEntry     *haven_store_get_entry            (HavenStore           *self,
                                                  gint64                id,
                                                  GError              **error);
HavenEntry     *haven_store_get_entry_by_uuid    (HavenStore           *self,
                                                  const char           *uuid,
                                                  GError              **error);
GPtrArray      *haven_store_list_drafts          (HavenStore           *self,
                                                  GError              **error);
gboolean        haven_store_trash_entry          (HavenStore           *self,
                                                  gint64                id,
                                                  GError              **error);
gboolean        haven_store_restore_entry        (HavenStore           *self,
                                                  gint64                id,
                                                  GError              **error);
gboolean        haven_store_purge_entry          (HavenStore           *self,
                                                  gint64                id,
                                                  GError              **error);

/* Check-ins, with the same rules. */
gboolean        haven_store_save_checkin         (HavenStore           *self,
                                                  HavenCheckin         *checkin,
                                                  GError              **error);
HavenCheckin   *haven_store_get_checkin          (HavenStore           *self,
                                                  gint64                id,
                                                  GError              **error);
GPtrArray      *haven_store_list_checkins_for_entry (HavenStore        *self,
                                                  gint64                entry_id,
                                                  GError              **error);
gboolean        haven_store_trash_checkin        (HavenStore           *self,
                                                  gint64                id,
                                                  GError              **error);
gboolean        haven_store_restore_checkin      (HavenStore           *self,
                                                  gint64                id,
                                                  GError              **error);
gboolean        haven_store_purge_checkin        (HavenStore           *self,
                                                  gint64                id,
                                                  GError              **error);

/* Trash: soft-deleted entries and check-ins. */
guint           haven_store_count_trash          (HavenStore           *self);
gboolean        haven_store_empty_trash          (HavenStore           *self,
                                                  GError              **error);

/* Pain points ("raw spots"): adding a name that exists (ignoring case) returns that one. */
HavenPainPoint *haven_store_add_pain_point       (HavenStore           *self,
                                                  const char           *name,
                                                  GError              **error);
HavenPainPoint *haven_store_get_pain_point       (HavenStore           *self,
                                                  gint64                id,
                                                  GError              **error);
gboolean        haven_store_rename_pain_point    (HavenStore           *self,
                                                  gint64                id,
                                                  const char           *name,
                                                  GError              **error);
/* Most used first. */
GListModel     *haven_store_list_pain_points     (HavenStore           *self,
                                                  GError              **error);

HavenTag       *haven_store_add_tag              (HavenStore           *self,
                                                  const char           *name,
                                                  GError              **error);
GListModel     *haven_store_list_tags            (HavenStore           *self,
                                                  GError              **error);

/* Counts of listed (not draft, not deleted) records. */
guint           haven_store_count_entries        (HavenStore           *self);
guint           haven_store_count_checkins       (HavenStore           *self);
/* Cheap at any size (they stop at the first rows): whether the journal shows nothing yet,
 * and how many check-ins there are, counting no further than @limit. */
gboolean        haven_store_is_empty             (HavenStore           *self);
guint           haven_store_count_checkins_up_to (HavenStore           *self,
                                                  guint                 limit);

/* Tells everyone who shows the journal that it changed in many places at once, or through
 * another connection (an import, a restore): emits HavenStore::journal-changed. */
void            haven_store_journal_changed      (HavenStore           *self);

/* Runs @func inside one transaction: everything it saves lands, or nothing does. */
typedef gboolean (*HavenStoreTransactionFunc) (HavenStore  *store,
                                               gpointer     user_data,
                                               GError     **error);
gboolean        haven_store_run_in_transaction   (HavenStore           *self,
                                                  HavenStoreTransactionFunc func,
                                                  gpointer              user_data,
                                                  GError              **error);

G_END_DECLS
