/* haven-backup.h: copies of the journal beside it, made daily, rotated, and restored
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "haven-store.h"

G_BEGIN_DECLS

/* Rotation: the newest backup of each of the last 7 days is kept, then the newest of each
 * of the 8 weeks before those; anything older goes. */
#define HAVEN_BACKUP_KEEP_DAYS  7
#define HAVEN_BACKUP_KEEP_WEEKS 8

typedef struct
{
  char      *path;
  GDateTime *made_at;      /* local time */
  gboolean   dated;        /* a daily or "Back up now" copy, which rotation manages */
  guint      n_entries;    /* filled in by haven_backup_check () */
  guint      n_checkins;
} HavenBackup;

#define HAVEN_TYPE_BACKUP (haven_backup_get_type ())

GType        haven_backup_get_type      (void) G_GNUC_CONST;
HavenBackup *haven_backup_copy          (const HavenBackup *self);
void         haven_backup_free          (HavenBackup       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenBackup, haven_backup_free)

/* Every copy in the journal's backup folder (haven_store_dup_backup_dir ()), newest first. */
GPtrArray   *haven_backup_list          (const char        *journal_path);

/* Opens @path read-only and says whether it is a Haven journal this build can restore:
 * its identity, its version and its integrity check. Counts what it holds. */
gboolean     haven_backup_check         (HavenBackup       *backup,
                                         GError           **error);
/* The newest copy that passes haven_backup_check (), or NULL. */
HavenBackup *haven_backup_find_newest_good (const char     *journal_path);

/* A copy of @store now (0600, a single file), named after @now, then rotation. */
char        *haven_backup_make          (HavenStore        *store,
                                         GDateTime         *now,
                                         GError           **error);
/* The same, unless a copy was made on @now's day already: then TRUE and *path NULL. */
gboolean     haven_backup_make_daily    (HavenStore        *store,
                                         GDateTime         *now,
                                         char             **path,
                                         GError           **error);
gboolean     haven_backup_rotate        (const char        *journal_path,
                                         GDateTime         *now,
                                         GError           **error);

/* Replaces what @store holds with @backup (made current if it is older), after keeping a
 * copy of the journal as it is now in the backup folder (*safety_copy). All of it, or the
 * journal as it was. Emits HavenStore::journal-changed on @store. */
gboolean     haven_backup_restore       (HavenStore        *store,
                                         const char        *backup_path,
                                         GDateTime         *now,
                                         char             **safety_copy,
                                         GError           **error);

/* For a journal that cannot be opened: moves it (and its -wal and -shm) aside unchanged, to
 * *moved_to, and puts a copy of @backup_path in its place. */
gboolean     haven_backup_replace_damaged (const char      *journal_path,
                                         const char        *backup_path,
                                         GDateTime         *now,
                                         char             **moved_to,
                                         GError           **error);

/* In a thread, on a connection of its own. */
void         haven_backup_make_async    (const char        *journal_path,
                                         gboolean           daily,
                                         GCancellable      *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer           user_data);
/* The new copy's path; NULL without an error when a daily copy was there already. */
char        *haven_backup_make_finish   (GAsyncResult      *result,
                                         GError           **error);
void         haven_backup_restore_async (const char        *journal_path,
                                         const char        *backup_path,
                                         GCancellable      *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer           user_data);
gboolean     haven_backup_restore_finish (GAsyncResult     *result,
                                         char             **safety_copy,
                                         GError           **error);

G_END_DECLS
