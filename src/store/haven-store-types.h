/* haven-store-types.h: enums and forward declarations shared by the store's records
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The schema this build writes. A journal with a higher PRAGMA user_version was written by a
 * newer Haven and is never touched. */
#define HAVEN_SCHEMA_VERSION 3

typedef enum
{
  HAVEN_RECORD_ENTRY,
  HAVEN_RECORD_CHECKIN,
} HavenRecordType;

/* Stored as text: see haven_entry_kind_to_string (). */
typedef enum
{
  HAVEN_ENTRY_KIND_FREE,
  HAVEN_ENTRY_KIND_CONFLICT,
  HAVEN_ENTRY_KIND_BOUNDARY,
  HAVEN_ENTRY_KIND_REGULATION,
  HAVEN_ENTRY_KIND_REFLECTION,
} HavenEntryKind;

#define HAVEN_ENTRY_KIND_LAST HAVEN_ENTRY_KIND_REFLECTION

/* Stored as text: see haven_reaction_to_string (). */
typedef enum
{
  HAVEN_REACTION_NONE,
  HAVEN_REACTION_PURSUE,
  HAVEN_REACTION_WITHDRAW,
  HAVEN_REACTION_FREEZE,
  HAVEN_REACTION_APPEASE,
  HAVEN_REACTION_REACH_OUT,
  HAVEN_REACTION_PAUSE,
} HavenReaction;

#define HAVEN_REACTION_LAST HAVEN_REACTION_PAUSE

const char     *haven_entry_kind_to_string   (HavenEntryKind kind);
gboolean        haven_entry_kind_from_string (const char     *str,
                                              HavenEntryKind *kind);
const char     *haven_reaction_to_string     (HavenReaction  reaction);
gboolean        haven_reaction_from_string   (const char     *str,
                                              HavenReaction  *reaction);

/* Unix time in seconds, UTC. Every instant in the store is one of these. */
typedef gint64 HavenTime;

HavenTime       haven_time_now               (void);

G_END_DECLS
