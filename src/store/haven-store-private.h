/* haven-store-private.h: what the store's files share and nobody else sees
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "haven-store.h"

G_BEGIN_DECLS

/* "Have" in ASCII: marks a SQLite file as a Haven journal (PRAGMA application_id). */
#define HAVEN_APPLICATION_ID 0x48617665

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* A statement from the store's cache: released (reset, bindings cleared), never finalized,
 * when it goes out of scope. */
typedef sqlite3_stmt HavenCachedStmt;

static inline void
haven_cached_stmt_release (HavenCachedStmt *stmt)
{
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenCachedStmt, haven_cached_stmt_release)

sqlite3        *_haven_store_get_db             (HavenStore    *self);
HavenCachedStmt *_haven_store_prepare           (HavenStore    *self,
                                                 const char    *sql,
                                                 GError       **error);
gboolean        _haven_store_begin              (HavenStore    *self,
                                                 GError       **error);
gboolean        _haven_store_commit             (HavenStore    *self,
                                                 GError       **error);
void            _haven_store_rollback           (HavenStore    *self);
/* For tests and the benchmark: the WAL's length in pages after the last commit, and a wait
 * until a checkpoint in the background (if one is due) is done. */
int             _haven_store_get_wal_pages      (HavenStore    *self);
void            _haven_store_wait_for_checkpoint (HavenStore   *self);

/* Turns the connection's last error into a GError a person can read. */
void            _haven_set_sqlite_error         (GError       **error,
                                                 sqlite3       *db,
                                                 int            rc);
int             _haven_step                     (sqlite3_stmt  *stmt);
gboolean        _haven_exec                     (sqlite3       *db,
                                                 const char    *sql,
                                                 GError       **error);

/* Migrations (haven-store-migrations.c). */
gboolean        _haven_migrations_run           (sqlite3       *db,
                                                 int            from_version,
                                                 GError       **error);

/* Records. */
void            _haven_entry_set_identity       (HavenEntry    *self,
                                                 gint64         id,
                                                 const char    *uuid,
                                                 HavenTime      created_at,
                                                 HavenTime      updated_at);
void            _haven_entry_set_deleted_at     (HavenEntry    *self,
                                                 HavenTime      deleted_at);
void            _haven_checkin_set_identity     (HavenCheckin  *self,
                                                 gint64         id,
                                                 const char    *uuid,
                                                 HavenTime      created_at,
                                                 HavenTime      updated_at);
void            _haven_checkin_set_deleted_at   (HavenCheckin  *self,
                                                 HavenTime      deleted_at);
HavenPainPoint *_haven_pain_point_new           (gint64         id,
                                                 const char    *uuid,
                                                 const char    *name,
                                                 HavenTime      created_at,
                                                 guint          use_count,
                                                 HavenTime      last_used_at);
HavenTag       *_haven_tag_new                  (gint64         id,
                                                 const char    *uuid,
                                                 const char    *name);

/* Small helpers. */
int             _haven_compare_strings          (gconstpointer  a,
                                                 gconstpointer  b);
void            _haven_strv_set_unique          (GStrv         *dest,
                                                 const char * const *src);
void            _haven_id_array_set             (GArray        *array,
                                                 const gint64  *ids,
                                                 guint          n_ids);
char           *_haven_strv_to_json             (const char * const *strv);
GStrv           _haven_strv_from_json           (const char    *json,
                                                 GError       **error);
char           *_haven_answers_to_json          (GVariant      *answers);
GVariant       *_haven_answers_from_json        (const char    *json,
                                                 GError       **error);
char           *_haven_answers_to_text          (GVariant      *answers);

/* Instants as files write them (exports, imports). */
#define HAVEN_RFC3339_LEN 32
#define HAVEN_YEAR_MIN    1900
#define HAVEN_YEAR_MAX    2200

typedef enum
{
  HAVEN_TIME_OK,
  HAVEN_TIME_INVALID,
  HAVEN_TIME_OUT_OF_RANGE,
} HavenTimeParse;

void            _haven_time_to_rfc3339          (HavenTime      time,
                                                 char           buf[HAVEN_RFC3339_LEN]);
HavenTimeParse  _haven_time_from_rfc3339        (const char    *text,
                                                 HavenTime     *out,
                                                 gint64        *year_out);

/* The local calendar day of an instant, as days since 1 January 1970: what the charts count
 * by. Also the SQL function haven_local_day (at) on every connection of the store. */
gint64          _haven_local_day                (HavenTime      at);
int             _haven_register_functions       (sqlite3       *db);

/* The per-day sums (haven-day-sums.c): set aside for a bulk write inside a transaction; the
 * writer tells the hold what each record it adds counts for, and at the end the hold adds
 * that to the tables (or, when a record was changed rather than added, counts everything
 * again from the records); the triggers are made again as they were. */
extern const char _haven_day_sums_rebuild_sql[];
typedef struct _HavenDaySumsHold HavenDaySumsHold;
HavenDaySumsHold *_haven_day_sums_hold          (sqlite3             *db,
                                                 GError             **error);
void            _haven_day_sums_add_entry       (HavenDaySumsHold    *hold,
                                                 gint64               day,
                                                 const char * const  *reactions,
                                                 const char * const  *helped,
                                                 gboolean             has_intensities,
                                                 gint64               intensity,
                                                 gint64               intensity_after,
                                                 const gint64        *pain_point_ids,
                                                 guint                n_pain_points);
void            _haven_day_sums_add_checkin     (HavenDaySumsHold    *hold,
                                                 gint64               day,
                                                 int                  mood,
                                                 const char          *reaction,
                                                 const char * const  *regulation,
                                                 gboolean             has_intensities,
                                                 int                  intensity_before,
                                                 int                  intensity_after,
                                                 const gint64        *pain_point_ids,
                                                 guint                n_pain_points);
void            _haven_day_sums_recount         (HavenDaySumsHold    *hold);
gboolean        _haven_day_sums_release         (sqlite3             *db,
                                                 HavenDaySumsHold    *hold,
                                                 GError             **error);
void            _haven_day_sums_hold_free       (HavenDaySumsHold    *hold);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenDaySumsHold, _haven_day_sums_hold_free)

G_END_DECLS
