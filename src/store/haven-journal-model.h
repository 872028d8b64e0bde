/* haven-journal-model.h: the journal as a lazily paged list of entries and check-ins
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "haven-answers.h"
#include "haven-store.h"

G_BEGIN_DECLS

/* What the journal list shows: which records, matching what. */
typedef struct _HavenJournalFilter HavenJournalFilter;

/* Bits of HavenJournalFilter.kinds: one per entry kind, and one for check-ins. */
#define HAVEN_FILTER_KIND(kind) (1u << (kind))
#define HAVEN_FILTER_CHECKINS   (1u << 16)

struct _HavenJournalFilter
{
  char          *text;           /* words to find, or NULL */
  guint          kinds;          /* HAVEN_FILTER_* bits; 0 means everything */
  gint64         pain_point_id;  /* 0 means any */
  HavenReaction  reaction;       /* HAVEN_REACTION_NONE means any */
  char          *regulation;     /* a strategy that was used (HAVEN_VOCABULARY_REGULATION),
                                  * with intensities before and after; NULL means any */
  HavenTime      from;           /* inclusive, 0 means open */
  HavenTime      to;             /* exclusive, 0 means open */
  gboolean       trash;          /* the trash instead of the journal */
};

#define HAVEN_TYPE_JOURNAL_FILTER (haven_journal_filter_get_type ())

GType               haven_journal_filter_get_type  (void) G_GNUC_CONST;
HavenJournalFilter *haven_journal_filter_new       (void);
HavenJournalFilter *haven_journal_filter_copy      (const HavenJournalFilter *self);
void                haven_journal_filter_free      (HavenJournalFilter       *self);
gboolean            haven_journal_filter_is_empty  (const HavenJournalFilter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HavenJournalFilter, haven_journal_filter_free)

/* Turns what a person typed into an FTS5 query: every word must appear (as a prefix),
 * "quoted words" must appear together; no FTS syntax gets through. NULL when empty. */
char               *haven_fts_query_from_text      (const char *text);

/* One row of the journal list: just what the list shows, never a whole entry. */
#define HAVEN_TYPE_JOURNAL_ITEM (haven_journal_item_get_type ())

G_DECLARE_FINAL_TYPE (HavenJournalItem, haven_journal_item, HAVEN, JOURNAL_ITEM, GObject)

HavenRecordType     haven_journal_item_get_record_type      (HavenJournalItem *self);
gint64              haven_journal_item_get_id               (HavenJournalItem *self);
HavenTime           haven_journal_item_get_at               (HavenJournalItem *self);
HavenEntryKind      haven_journal_item_get_kind             (HavenJournalItem *self);
const char         *haven_journal_item_get_flow_id          (HavenJournalItem *self);
/* The title, or the first line of the text. */
const char         *haven_journal_item_get_title            (HavenJournalItem *self);
const char         *haven_journal_item_get_excerpt          (HavenJournalItem *self);
/* 1–5, or 0 when there is none (entries take the mood of their latest check-in). */
int                 haven_journal_item_get_mood             (HavenJournalItem *self);
HavenReaction       haven_journal_item_get_reaction         (HavenJournalItem *self);
int                 haven_journal_item_get_intensity_before (HavenJournalItem *self);
int                 haven_journal_item_get_intensity_after  (HavenJournalItem *self);
const char * const *haven_journal_item_get_pain_points      (HavenJournalItem *self);
/* For check-ins: the emotions' ids (see HAVEN_VOCABULARY_EMOTIONS); never NULL. */
const char * const *haven_journal_item_get_emotions         (HavenJournalItem *self);
/* With a search: a piece of the text around the match, the matched words between
 * U+0002 and U+0003. NULL otherwise. */
const char         *haven_journal_item_get_snippet          (HavenJournalItem *self);

#define HAVEN_TYPE_JOURNAL_MODEL (haven_journal_model_get_type ())

G_DECLARE_FINAL_TYPE (HavenJournalModel, haven_journal_model, HAVEN, JOURNAL_MODEL, GObject)

HavenJournalModel  *haven_journal_model_new         (HavenStore               *store,
                                                     const HavenJournalFilter *filter);
HavenStore         *haven_journal_model_get_store   (HavenJournalModel        *self);
const HavenJournalFilter *haven_journal_model_get_filter (HavenJournalModel   *self);
/* The position of a record, or G_MAXUINT when the list does not hold it. */
guint               haven_journal_model_find        (HavenJournalModel        *self,
                                                     HavenRecordType           type,
                                                     gint64                    id);
/* How many rows were read from the journal so far (for tests and the benchmark). */
guint               haven_journal_model_get_n_fetched (HavenJournalModel      *self);

G_END_DECLS
