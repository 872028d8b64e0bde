/* haven-journal-model.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list reads the journal a page at a time, only the pages that are looked at, and keeps
 * a handful of them. The next page after a cached one is found by its key (keyset paging),
 * which stays fast at the end of a long journal; a jump into the middle uses OFFSET.
 *
 * A search counts its matches in the full-text index, without reading the entries; with
 * many matches its pages walk the journal newest first, keeping the rows that match.
 *
 * The unfiltered journal follows changes row by row, so the list keeps its scroll position
 * and selection while an entry autosaves beside it. A filtered list (search, kinds, raw
 * spots) reloads instead: it cannot know whether an edited entry matched before.
 */
#include "config.h"

#include "haven-journal-model.h"
#include "haven-store-private.h"

#define PAGE_SIZE 50
#define MAX_CACHED_PAGES 16
#define EXCERPT_CHARS 400

/* Up to this many matches a search reads the matching rows and sorts them; beyond it, it
 * walks the journal newest first and stops after a page. Reading a matching entry's row
 * costs about ten times what stepping over an index row does, and a page of a search with
 * m matches among n records steps over about 50 n / m of them: on the 200,000 records of
 * the benchmark journal the two cost the same (2 to 3 ms) near a thousand matches. */
#define FEW_MATCHES 1000

/* Filter ----------------------------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (HavenJournalFilter, haven_journal_filter,
                     haven_journal_filter_copy, haven_journal_filter_free)

HavenJournalFilter *
haven_journal_filter_new (void)
{
  return g_new0 (HavenJournalFilter, 1);
}

HavenJournalFilter *
haven_journal_filter_copy (const HavenJournalFilter *self)
{
  HavenJournalFilter *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->text = g_strdup (self->text);
  copy->regulation = g_strdup (self->regulation);

  return copy;
}

void
haven_journal_filter_free (HavenJournalFilter *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_free (self->regulation);
  g_free (self);
}

gboolean
haven_journal_filter_is_empty (const HavenJournalFilter *self)
{
  g_autofree char *query = NULL;

  if (self == NULL)
    return TRUE;

  query = haven_fts_query_from_text (self->text);

  return query == NULL && self->kinds == 0 && self->pain_point_id == 0 &&
         self->reaction == HAVEN_REACTION_NONE && self->regulation == NULL &&
         self->from == 0 && self->to == 0 &&
         !self->trash;
}

static void
append_fts_token (GString    *query,
                  const char *token,
                  gsize       len,
                  gboolean    prefix)
{
  if (len == 0)
    return;

  if (query->len > 0)
    g_string_append_c (query, ' ');

  g_string_append_c (query, '"');
  for (gsize i = 0; i < len; i++)
    {
      if (token[i] == '"')
        g_string_append (query, "\"\"");
      else
        g_string_append_c (query, token[i]);
    }
  g_string_append_c (query, '"');

  if (prefix)
    g_string_append_c (query, '*');
}

char *
haven_fts_query_from_text (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  const char *p = text;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  while (*p != '\0')
    {
      const char *start;

      while (g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      if (*p == '\0')
        break;

      if (*p == '"')
        {
          /* A phrase: the words in this order, as typed. */
          const char *end;

          start = ++p;
          end = strchr (start, '"');
          if (end == NULL)
            end = start + strlen (start);
          append_fts_token (query, start, end - start, FALSE);
          p = *end == '"' ? end + 1 : end;
          continue;
        }

      start = p;
      while (*p != '\0' && *p != '"' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      /* Tokens without a letter or digit (a lone dash) would make FTS5 fail. */
      for (const char *q = start; q < p; q = g_utf8_next_char (q))
        {
          if (g_unichar_isalnum (g_utf8_get_char (q)))
            {
              append_fts_token (query, start, p - start, TRUE);
              break;
            }
        }
    }

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* Item ------------------------------------------------------------------------------------- */

struct _HavenJournalItem
{
  GObject          parent_instance;

  HavenRecordType  record_type;
  gint64           id;
  HavenTime        at;
  HavenEntryKind   kind;
  char            *flow_id;
  char            *title;
  char            *excerpt;
  char            *snippet;
  GStrv            pain_points;
  GStrv            emotions;
  int              mood;
  HavenReaction    reaction;
  int              intensity_before;
  int              intensity_after;
};

G_DEFINE_FINAL_TYPE (HavenJournalItem, haven_journal_item, G_TYPE_OBJECT)

static void
haven_journal_item_finalize (GObject *object)
{
  HavenJournalItem *self = (HavenJournalItem *)object;

  g_clear_pointer (&self->flow_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->excerpt, g_free);
  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->pain_points, g_strfreev);
  g_clear_pointer (&self->emotions, g_strfreev);

  G_OBJECT_CLASS (haven_journal_item_parent_class)->finalize (object);
}

static void
haven_journal_item_class_init (HavenJournalItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = haven_journal_item_finalize;
}

static void
haven_journal_item_init (HavenJournalItem *self)
{
  self->intensity_before = -1;
  self->intensity_after = -1;
}

HavenRecordType
haven_journal_item_get_record_type (HavenJournalItem *self)
{
  g_return_val_if_fail (HAVEN_IS_JOURNAL_ITEM (self), 0);
  return self->record_type;
}

gint64
haven_journal_item_get_id (HavenJournalItem *self)
{
  g_return_val_if_fail (HAVEN_IS_JOURNAL_ITEM (self), 0);
  return self->id;
}

HavenTime
haven_journal_item_get_at (HavenJournalItem *self)
{
  g_return_val_if_fail (HAVEN_IS_JOURNAL_ITEM (self), 0);
  return self->at;
}

HavenEntryKind
haven_journal_item_get_kind (HavenJournalItem *self)
{
  g_return_val_if_fail (HAVEN_IS_JOURNAL_ITEM (self), 0);
  return self->kind;
}

const char *
haven_journal_item_get_flow_id (HavenJournalItem *self)
{
  g_return_val_if_fail (HAVEN_IS_JOURNAL_ITEM (self), NULL);
  return self->flow_id;
}

const char *
haven_journal_item_get_title (HavenJournalItem *self)
{
  g_return_val_if_fail (HAVEN_IS_JOURNAL_ITEM (self), NULL);
  return self->title;
}

const char *
haven_journal_item_get_excerpt (HavenJournalItem *self)
{
  g_return_val_if_fail (HAVEN_IS_JOURNAL_ITEM (self), NULL);
  return self->excerpt;
}

const char * const *
haven_journal_item_get_emotions (HavenJournalItem *self)
{
  g_return_val_if_fail (HAVEN_IS_JOURNAL_ITEM (self), NULL);
  return (const char * const *)self->emotions;
}

int
haven_journal_item_get_mood (HavenJournalItem *self)
{
  g_return_val_if_fail (HAVEN_IS_JOURNAL_ITEM (self), 0);
  return self->mood;
}

HavenReaction
haven_journal_item_get_reaction (HavenJournalItem *self)
{
  g_return_val_if_fail (HAVEN_IS_JOURNAL_ITEM (self), 0);
  return self->reaction;
}

int
haven_journal_item_get_intensity_before (HavenJournalItem *self)
{
  g_return_val_if_fail (HAVEN_IS_JOURNAL_ITEM (self), -1);
  return self->intensity_before;
}

int
haven_journal_item_get_intensity_after (HavenJournalItem *self)
{
  g_return_val_if_fail (HAVEN_IS_JOURNAL_ITEM (self), -1);
  return self->intensity_after;
}

const char * const *
haven_journal_item_get_pain_points (HavenJournalItem *self)
{
  g_return_val_if_fail (HAVEN_IS_JOURNAL_ITEM (self), NULL);
  return (const char * const *)self->pain_points;
}

const char *
haven_journal_item_get_snippet (HavenJournalItem *self)
{
  g_return_val_if_fail (HAVEN_IS_JOURNAL_ITEM (self), NULL);
  return self->snippet;
}

/* Splits text into its first non-empty line (the title) and the rest, with runs of
 * whitespace folded, for a two-line row. */
static void
split_title (const char  *text,
             char       **title,
             char       **rest)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) folded = g_string_new (NULL);
  guint i = 0;

  *title = NULL;
  *rest = NULL;

  if (text == NULL)
    return;

  lines = g_strsplit (text, "\n", -1);
  for (; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        {
          *title = g_strdup (lines[i++]);
          break;
        }
    }

  for (; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      if (folded->len > 0)
        g_string_append_c (folded, ' ');
      g_string_append (folded, lines[i]);
    }

  if (folded->len > 0)
    *rest = g_string_free (g_steal_pointer (&folded), FALSE);
}

/* Model ------------------------------------------------------------------------------------ */

struct _HavenJournalModel
{
  GObject             parent_instance;

  HavenStore         *store;
  HavenJournalFilter *filter;
  char               *fts_query;
  gboolean            filtered;
  gboolean            by_date;      /* a search with many matches: see FEW_MATCHES */

  sqlite3_stmt       *page_offset_stmt;
  sqlite3_stmt       *page_cursor_stmt;
  sqlite3_stmt       *count_stmt;
  sqlite3_stmt       *position_stmt;
  sqlite3_stmt       *member_stmt;
  sqlite3_stmt       *entry_snippets_stmt;
  sqlite3_stmt       *checkin_snippets_stmt;

  guint               n_items;
  GHashTable         *pages;        /* page number → GPtrArray of HavenJournalItem */
  GQueue              page_lru;     /* page numbers, most recent first */
  guint               n_fetched;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HavenJournalModel, haven_journal_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

typedef enum
{
  ARM_PLAIN,
  ARM_BEFORE,  /* key < cursor: the next page */
  ARM_AFTER,   /* key > cursor, the excluded record left out: a position */
  ARM_ONLY,    /* one record: membership */
} ArmMode;

/* Whether a search walks the journal in its order (the listed index, newest first) and
 * keeps the rows that match, rather than reading every match and sorting them. One record
 * is looked up by its id either way. */
static gboolean
walks_by_date (const HavenJournalFilter *filter,
               const char               *fts_query,
               gboolean                  by_date,
               ArmMode                   mode)
{
  return fts_query != NULL && by_date && !filter->trash && mode != ARM_ONLY;
}

static void
append_entry_arm (GString                  *sql,
                  const HavenJournalFilter *filter,
                  const char               *fts_query,
                  gboolean                  by_date,
                  ArmMode                   mode)
{
  g_string_append (sql, "SELECT 0 AS type, e.id AS id, e.occurred_at AS at FROM ");
  if (walks_by_date (filter, fts_query, by_date, mode))
    /* The matches are gathered once into a set of ids; the index then yields the rows in
     * the list's order, so a page stops after fifty and no entry's text is read. Left to
     * itself the planner reads every match's row and sorts them all. */
    g_string_append (sql, "entry e INDEXED BY entry_listed_idx "
                          "WHERE e.deleted_at IS NULL AND e.is_draft = 0"
                          " AND e.id IN (SELECT rowid FROM entry_fts WHERE entry_fts MATCH :q)");
  else
    {
      if (fts_query != NULL)
        g_string_append (sql, "entry_fts JOIN entry e ON e.id = entry_fts.rowid ");
      else
        g_string_append (sql, "entry e ");
      /* The trash holds discarded drafts too, so that they can be brought back. */
      if (filter->trash)
        g_string_append (sql, "WHERE e.deleted_at IS NOT NULL");
      else
        g_string_append (sql, "WHERE e.deleted_at IS NULL AND e.is_draft = 0");

      if (fts_query != NULL)
        g_string_append (sql, " AND entry_fts MATCH :q");
    }

  if (filter->kinds != 0 && (filter->kinds & ~HAVEN_FILTER_CHECKINS) != 0)
    {
      gboolean first = TRUE;

      g_string_append (sql, " AND e.kind IN (");
      for (HavenEntryKind k = 0; k <= HAVEN_ENTRY_KIND_LAST; k++)
        {
          if (filter->kinds & HAVEN_FILTER_KIND (k))
            {
              g_string_append_printf (sql, "%s'%s'", first ? "" : ", ",
                                      haven_entry_kind_to_string (k));
              first = FALSE;
            }
        }
      g_string_append (sql, ")");
    }

  if (filter->pain_point_id != 0)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM entry_pain_point ep"
                          " WHERE ep.entry_id = e.id AND ep.pain_point_id = :pp)");
  if (filter->reaction != HAVEN_REACTION_NONE)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM json_each (e.answers, '$.reaction')"
                          " WHERE value = :reaction)");
  /* As the Insights page counts it: a strategy counts where it can be measured. */
  if (filter->regulation != NULL)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM json_each (e.answers, '$.\"what-helped\"')"
                          " WHERE value = :regulation)"
                          " AND json_type (e.answers, '$.intensity') = 'integer'"
                          " AND json_type (e.answers, '$.\"intensity-after\"') = 'integer'");
  if (filter->from != 0)
    g_string_append (sql, " AND e.occurred_at >= :from");
  if (filter->to != 0)
    g_string_append (sql, " AND e.occurred_at < :to");

  switch (mode)
    {
    case ARM_BEFORE:
      g_string_append (sql, " AND (e.occurred_at, 0, e.id) < (:at, :type, :id)");
      break;
    case ARM_AFTER:
      g_string_append (sql, " AND (e.occurred_at, 0, e.id) > (:at, :type, :id)"
                            " AND NOT (:xtype = 0 AND e.id = :xid)");
      break;
    case ARM_ONLY:
      g_string_append (sql, " AND :xtype = 0 AND e.id = :xid");
      break;
    case ARM_PLAIN:
    default:
      break;
    }
}

static void
append_checkin_arm (GString                  *sql,
                    const HavenJournalFilter *filter,
                    const char               *fts_query,
                    gboolean                  by_date,
                    ArmMode                   mode)
{
  g_string_append (sql, "SELECT 1 AS type, c.id AS id, c.at AS at FROM ");
  if (walks_by_date (filter, fts_query, by_date, mode))
    g_string_append (sql, "checkin c INDEXED BY checkin_listed_idx "
                          "WHERE c.deleted_at IS NULL"
                          " AND c.id IN (SELECT rowid FROM checkin_fts"
                          " WHERE checkin_fts MATCH :q)");
  else
    {
      if (fts_query != NULL)
        g_string_append (sql, "checkin_fts JOIN checkin c ON c.id = checkin_fts.rowid ");
      else
        g_string_append (sql, "checkin c ");
      g_string_append (sql, filter->trash ? "WHERE c.deleted_at IS NOT NULL"
                                          : "WHERE c.deleted_at IS NULL");

      if (fts_query != NULL)
        g_string_append (sql, " AND checkin_fts MATCH :q");
    }
  if (filter->pain_point_id != 0)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM checkin_pain_point cp"
                          " WHERE cp.checkin_id = c.id AND cp.pain_point_id = :pp)");
  if (filter->reaction != HAVEN_REACTION_NONE)
    g_string_append (sql, " AND c.reaction = :reaction");
  if (filter->regulation != NULL)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM json_each (c.regulation)"
                          " WHERE value = :regulation)"
                          " AND c.intensity_before IS NOT NULL AND c.intensity_after IS NOT NULL");
  if (filter->from != 0)
    g_string_append (sql, " AND c.at >= :from");
  if (filter->to != 0)
    g_string_append (sql, " AND c.at < :to");

  switch (mode)
    {
    case ARM_BEFORE:
      g_string_append (sql, " AND (c.at, 1, c.id) < (:at, :type, :id)");
      break;
    case ARM_AFTER:
      g_string_append (sql, " AND (c.at, 1, c.id) > (:at, :type, :id)"
                            " AND NOT (:xtype = 1 AND c.id = :xid)");
      break;
    case ARM_ONLY:
      g_string_append (sql, " AND :xtype = 1 AND c.id = :xid");
      break;
    case ARM_PLAIN:
    default:
      break;
    }
}

static gboolean
includes_entries (const HavenJournalFilter *filter)
{
  return filter->kinds == 0 || (filter->kinds & ~HAVEN_FILTER_CHECKINS) != 0;
}

static gboolean
includes_checkins (const HavenJournalFilter *filter)
{
  return filter->kinds == 0 || (filter->kinds & HAVEN_FILTER_CHECKINS) != 0;
}

static void
append_arms (GString                  *sql,
             const HavenJournalFilter *filter,
             const char               *fts_query,
             gboolean                  by_date,
             ArmMode                   mode)
{
  gboolean entries = includes_entries (filter);
  gboolean checkins = includes_checkins (filter);

  if (entries)
    append_entry_arm (sql, filter, fts_query, by_date, mode);
  if (entries && checkins)
    g_string_append (sql, " UNION ALL ");
  if (checkins)
    append_checkin_arm (sql, filter, fts_query, by_date, mode);
  if (!entries && !checkins)
    g_string_append (sql, "SELECT 0 AS type, 0 AS id, 0 AS at WHERE 0");
}

static const char page_details[] =
  "SELECT page.type, page.id, page.at,"
  "  e.kind, e.flow_id, e.title, substr (e.body, 1, 400), substr (e.answers_text, 1, 400),"
  "  coalesce (c.mood, (SELECT lc.mood FROM checkin lc WHERE lc.entry_id = page.id"
  "             AND page.type = 0 AND lc.deleted_at IS NULL ORDER BY lc.at DESC LIMIT 1)),"
  "  coalesce (c.reaction, (SELECT value FROM json_each (e.answers, '$.reaction') LIMIT 1)),"
  "  substr (c.note, 1, 400),"
  "  coalesce (c.intensity_before, json_extract (e.answers, '$.intensity')),"
  "  coalesce (c.intensity_after, json_extract (e.answers, '$.\"intensity-after\"')),"
  "  CASE page.type WHEN 0 THEN"
  "    (SELECT group_concat (name, char (31)) FROM (SELECT p.name FROM entry_pain_point ep"
  "       JOIN pain_point p ON p.id = ep.pain_point_id WHERE ep.entry_id = page.id"
  "       ORDER BY p.name COLLATE NOCASE))"
  "  ELSE"
  "    (SELECT group_concat (name, char (31)) FROM (SELECT p.name FROM checkin_pain_point cp"
  "       JOIN pain_point p ON p.id = cp.pain_point_id WHERE cp.checkin_id = page.id"
  "       ORDER BY p.name COLLATE NOCASE))"
  "  END,"
  "  (SELECT group_concat (value, char (31)) FROM json_each (c.emotions)) "
  "FROM page"
  "  LEFT JOIN entry e ON page.type = 0 AND e.id = page.id"
  "  LEFT JOIN checkin c ON page.type = 1 AND c.id = page.id "
  "ORDER BY page.at DESC, page.type DESC, page.id DESC;";

static char *
build_page_sql (HavenJournalModel *self,
                ArmMode            mode)
{
  GString *sql = g_string_new ("WITH page (type, id, at) AS (");

  append_arms (sql, self->filter, self->fts_query, self->by_date, mode);
  g_string_append (sql, " ORDER BY at DESC, type DESC, id DESC LIMIT :limit");
  if (mode == ARM_PLAIN)
    g_string_append (sql, " OFFSET :offset");
  g_string_append (sql, ") ");
  g_string_append (sql, page_details);

  return g_string_free (sql, FALSE);
}

#define ALL_ENTRY_KINDS (HAVEN_FILTER_KIND (HAVEN_ENTRY_KIND_LAST + 1) - 1)

/* Whether the filter is a search and nothing else (kinds aside, when they take all entries
 * or none): then the full-text indexes alone can count the matches. */
static gboolean
counts_from_index (const HavenJournalFilter *filter,
                   const char               *fts_query)
{
  guint entry_kinds = filter->kinds & ALL_ENTRY_KINDS;

  return fts_query != NULL && !filter->trash && filter->pain_point_id == 0 &&
         filter->reaction == HAVEN_REACTION_NONE && filter->regulation == NULL &&
         filter->from == 0 && filter->to == 0 &&
         (entry_kinds == 0 || entry_kinds == ALL_ENTRY_KINDS);
}

/* Counting the matches by joining them to their records reads every matching entry's row,
 * text and all: 50 ms for a common word in the 100,000-entry journal. The index knows the
 * matches without that; what it cannot tell is which are in the trash or drafts. Those are
 * few, come from their own small indexes, and are left out id by id (the unary + keeps
 * SQLite from asking the index for each of them in turn). */
static char *
build_index_count_sql (HavenJournalModel *self)
{
  GString *sql = g_string_new ("SELECT 0");

  if (includes_entries (self->filter))
    g_string_append (sql, " + (SELECT count(*) FROM entry_fts WHERE entry_fts MATCH :q"
                          " AND +rowid NOT IN (SELECT id FROM entry WHERE deleted_at IS NOT NULL"
                          " UNION ALL SELECT id FROM entry"
                          " WHERE deleted_at IS NULL AND is_draft = 1))");
  if (includes_checkins (self->filter))
    g_string_append (sql, " + (SELECT count(*) FROM checkin_fts WHERE checkin_fts MATCH :q"
                          " AND +rowid NOT IN (SELECT id FROM checkin"
                          " WHERE deleted_at IS NOT NULL))");
  g_string_append (sql, ";");

  return g_string_free (sql, FALSE);
}

/* The snippets of one page, for the ids bound to :id0 … (unbound ones are NULL and match
 * nothing). Every query with a prefix merges the lists of all the words that start with it
 * (a millisecond or two for a common word in a large journal), so a query per row would pay
 * that fifty times. */
static char *
build_snippets_sql (const char *select)
{
  GString *sql = g_string_new (select);

  g_string_append (sql, " AND +rowid IN (");
  for (guint i = 1; i <= PAGE_SIZE; i++)
    g_string_append_printf (sql, "%s:id%u", i > 1 ? ", " : "", i - 1);
  g_string_append (sql, ");");

  return g_string_free (sql, FALSE);
}

static char *
build_select_sql (HavenJournalModel *self,
                  const char        *what,
                  ArmMode            mode)
{
  GString *sql = g_string_new ("SELECT ");

  g_string_append (sql, what);
  g_string_append (sql, " FROM (");
  append_arms (sql, self->filter, self->fts_query, self->by_date, mode);
  g_string_append (sql, ");");

  return g_string_free (sql, FALSE);
}

/* Each arm counted on its own and added up: SQLite counts an arm straight from its index,
 * twice as fast as it counts the rows of the union (about 8 against 17 ms for 200,000 rows,
 * which the list pays before the window first shows). */
static char *
build_count_sql (HavenJournalModel *self,
                 ArmMode            mode)
{
  GString *sql;
  gboolean entries = includes_entries (self->filter);
  gboolean checkins = includes_checkins (self->filter);

  /* The whole journal: the schema keeps its length (listed_count), so the list knows it at
   * once however long the journal is. */
  if (mode == ARM_PLAIN && !self->filtered)
    return g_strdup ("SELECT sum (n) FROM listed_count;");

  sql = g_string_new ("SELECT sum (n) FROM (");

  if (entries)
    {
      g_string_append (sql, "SELECT count(*) AS n FROM (");
      append_entry_arm (sql, self->filter, self->fts_query, self->by_date, mode);
      g_string_append (sql, ")");
    }
  if (entries && checkins)
    g_string_append (sql, " UNION ALL ");
  if (checkins)
    {
      g_string_append (sql, "SELECT count(*) AS n FROM (");
      append_checkin_arm (sql, self->filter, self->fts_query, self->by_date, mode);
      g_string_append (sql, ")");
    }
  if (!entries && !checkins)
    g_string_append (sql, "SELECT 0 AS n");
  g_string_append (sql, ");");

  return g_string_free (sql, FALSE);
}

static void
bind_named_int64 (sqlite3_stmt *stmt,
                  const char   *name,
                  gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

/* Binds the filter's values; a statement simply lacks the parameters it does not use. */
static void
bind_filter (HavenJournalModel *self,
             sqlite3_stmt      *stmt)
{
  int index;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if ((index = sqlite3_bind_parameter_index (stmt, ":q")) > 0)
    sqlite3_bind_text (stmt, index, self->fts_query, -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (stmt, ":regulation")) > 0)
    sqlite3_bind_text (stmt, index, self->filter->regulation, -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (stmt, ":reaction")) > 0)
    sqlite3_bind_text (stmt, index, haven_reaction_to_string (self->filter->reaction), -1,
                       SQLITE_STATIC);
  bind_named_int64 (stmt, ":pp", self->filter->pain_point_id);
  bind_named_int64 (stmt, ":from", self->filter->from);
  bind_named_int64 (stmt, ":to", self->filter->to);
}

static void
bind_key (sqlite3_stmt    *stmt,
          HavenTime        at,
          HavenRecordType  type,
          gint64           id)
{
  bind_named_int64 (stmt, ":at", at);
  bind_named_int64 (stmt, ":type", type);
  bind_named_int64 (stmt, ":id", id);
  bind_named_int64 (stmt, ":xtype", type);
  bind_named_int64 (stmt, ":xid", id);
}

static sqlite3_stmt *
prepare (HavenJournalModel *self,
         const char        *sql)
{
  sqlite3 *db = _haven_store_get_db (self->store);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_critical ("Journal list query failed to prepare: %s", sqlite3_errmsg (db));
      return NULL;
    }

  return stmt;
}

static void
prepare_count_statement (HavenJournalModel *self)
{
  g_autofree char *count = NULL;

  if (counts_from_index (self->filter, self->fts_query))
    count = build_index_count_sql (self);
  else
    count = build_count_sql (self, ARM_PLAIN);

  self->count_stmt = prepare (self, count);
}

/* After a count, which decides how a search reads its pages. */
static void
prepare_list_statements (HavenJournalModel *self)
{
  self->by_date = self->fts_query != NULL && self->n_items > FEW_MATCHES;

  g_autofree char *page_offset = build_page_sql (self, ARM_PLAIN);
  g_autofree char *page_cursor = build_page_sql (self, ARM_BEFORE);
  g_autofree char *position = build_count_sql (self, ARM_AFTER);
  g_autofree char *member = build_select_sql (self, "at", ARM_ONLY);

  self->page_offset_stmt = prepare (self, page_offset);
  self->page_cursor_stmt = prepare (self, page_cursor);
  self->position_stmt = prepare (self, position);
  self->member_stmt = prepare (self, member);

  if (self->fts_query != NULL)
    {
      g_autofree char *entry_snippets =
        build_snippets_sql ("SELECT rowid, snippet (entry_fts, -1, char (2), char (3), '…', 16) "
                            "FROM entry_fts WHERE entry_fts MATCH :q"
                            " AND rowid BETWEEN :lo AND :hi");
      g_autofree char *checkin_snippets =
        build_snippets_sql ("SELECT rowid, snippet (checkin_fts, -1, char (2), char (3), '…', 16) "
                            "FROM checkin_fts WHERE checkin_fts MATCH :q"
                            " AND rowid BETWEEN :lo AND :hi");

      self->entry_snippets_stmt = prepare (self, entry_snippets);
      self->checkin_snippets_stmt = prepare (self, checkin_snippets);
    }
}

static guint
query_count (HavenJournalModel *self,
             sqlite3_stmt      *stmt)
{
  guint n = 0;

  if (stmt == NULL)
    return 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint)sqlite3_column_int64 (stmt, 0);
  else
    /* A damaged journal can be read before its deferred check says so; the window then
     * shows what is wrong, so this is no more than a note. */
    g_debug ("Counting journal rows failed: %s",
             sqlite3_errmsg (_haven_store_get_db (self->store)));

  sqlite3_reset (stmt);

  return n;
}

static guint
count_items (HavenJournalModel *self)
{
  if (self->count_stmt == NULL)
    return 0;

  bind_filter (self, self->count_stmt);

  return query_count (self, self->count_stmt);
}

static guint
position_of (HavenJournalModel *self,
             HavenRecordType    type,
             gint64             id,
             HavenTime          at)
{
  if (self->position_stmt == NULL)
    return 0;

  bind_filter (self, self->position_stmt);
  bind_key (self->position_stmt, at, type, id);

  return query_count (self, self->position_stmt);
}

static void
add_snippets (HavenJournalModel *self,
              GPtrArray         *items,
              HavenRecordType    type)
{
  sqlite3_stmt *stmt = type == HAVEN_RECORD_ENTRY ? self->entry_snippets_stmt
                                                   : self->checkin_snippets_stmt;
  g_autoptr(GHashTable) by_id = NULL;
  gint64 lo = G_MAXINT64, hi = G_MININT64;
  int first, n = 0;

  if (stmt == NULL)
    return;

  bind_filter (self, stmt);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  /* Named parameters are numbered in the order they appear: :id0, :id1, … follow on. */
  first = sqlite3_bind_parameter_index (stmt, ":id0");

  for (guint i = 0; i < items->len && n < PAGE_SIZE; i++)
    {
      HavenJournalItem *item = g_ptr_array_index (items, i);

      if (item->record_type != type)
        continue;

      sqlite3_bind_int64 (stmt, first + n++, item->id);
      lo = MIN (lo, item->id);
      hi = MAX (hi, item->id);
      g_hash_table_insert (by_id, &item->id, item);
    }

  if (n > 0)
    {
      bind_named_int64 (stmt, ":lo", lo);
      bind_named_int64 (stmt, ":hi", hi);

      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          HavenJournalItem *item = g_hash_table_lookup (by_id, &id);

          if (item != NULL && item->snippet == NULL)
            item->snippet = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
        }
    }

  sqlite3_reset (stmt);
}

static HavenJournalItem *
item_from_row (HavenJournalModel *self,
               sqlite3_stmt      *stmt)
{
  HavenJournalItem *item = g_object_new (HAVEN_TYPE_JOURNAL_ITEM, NULL);
  const char *title = (const char *)sqlite3_column_text (stmt, 5);
  const char *pain_points = (const char *)sqlite3_column_text (stmt, 13);
  const char *emotions = (const char *)sqlite3_column_text (stmt, 14);
  g_autofree char *first = NULL;
  g_autofree char *rest = NULL;

  item->record_type = sqlite3_column_int (stmt, 0) == 0 ? HAVEN_RECORD_ENTRY
                                                         : HAVEN_RECORD_CHECKIN;
  item->id = sqlite3_column_int64 (stmt, 1);
  item->at = sqlite3_column_int64 (stmt, 2);

  if (item->record_type == HAVEN_RECORD_ENTRY)
    {
      const char *body = (const char *)sqlite3_column_text (stmt, 6);
      const char *answers = (const char *)sqlite3_column_text (stmt, 7);

      haven_entry_kind_from_string ((const char *)sqlite3_column_text (stmt, 3), &item->kind);
      item->flow_id = g_strdup ((const char *)sqlite3_column_text (stmt, 4));

      split_title (body != NULL && *body != '\0' ? body : answers, &first, &rest);
      if (title != NULL && *title != '\0')
        {
          item->title = g_strdup (title);
          if (first != NULL && rest != NULL)
            item->excerpt = g_strconcat (first, " ", rest, NULL);
          else
            item->excerpt = g_steal_pointer (&first);
        }
      else
        {
          item->title = g_steal_pointer (&first);
          item->excerpt = g_steal_pointer (&rest);
        }
    }
  else
    {
      split_title ((const char *)sqlite3_column_text (stmt, 10), &first, &rest);
      item->title = g_steal_pointer (&first);
      item->excerpt = g_steal_pointer (&rest);
    }

  if (item->title == NULL)
    item->title = g_strdup ("");

  item->mood = sqlite3_column_type (stmt, 8) == SQLITE_NULL ? 0
               : CLAMP (sqlite3_column_int (stmt, 8), 1, 5);
  haven_reaction_from_string ((const char *)sqlite3_column_text (stmt, 9), &item->reaction);
  if (sqlite3_column_type (stmt, 11) == SQLITE_INTEGER)
    item->intensity_before = CLAMP (sqlite3_column_int (stmt, 11), 0, 10);
  if (sqlite3_column_type (stmt, 12) == SQLITE_INTEGER)
    item->intensity_after = CLAMP (sqlite3_column_int (stmt, 12), 0, 10);

  item->pain_points = pain_points != NULL ? g_strsplit (pain_points, "\x1f", -1)
                                          : g_new0 (char *, 1);
  item->emotions = emotions != NULL ? g_strsplit (emotions, "\x1f", -1) : g_new0 (char *, 1);

  return item;
}

static void
remember_page (HavenJournalModel *self,
               guint              page,
               GPtrArray         *items)
{
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  g_queue_push_head (&self->page_lru, GUINT_TO_POINTER (page));

  while (g_queue_get_length (&self->page_lru) > MAX_CACHED_PAGES)
    {
      gpointer oldest = g_queue_pop_tail (&self->page_lru);
      g_hash_table_remove (self->pages, oldest);
    }
}

static void
touch_page (HavenJournalModel *self,
            guint              page)
{
  GList *link = g_queue_find (&self->page_lru, GUINT_TO_POINTER (page));

  if (link != NULL && link != self->page_lru.head)
    {
      g_queue_unlink (&self->page_lru, link);
      g_queue_push_head_link (&self->page_lru, link);
    }
}

static GPtrArray *
fetch_page (HavenJournalModel *self,
            guint              page)
{
  GPtrArray *items;
  GPtrArray *previous = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (page > 0)
    previous = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page - 1));

  if (previous != NULL && previous->len == PAGE_SIZE)
    {
      HavenJournalItem *last = g_ptr_array_index (previous, previous->len - 1);

      stmt = self->page_cursor_stmt;
      bind_filter (self, stmt);
      bind_key (stmt, last->at, last->record_type, last->id);
    }
  else
    {
      stmt = self->page_offset_stmt;
      bind_filter (self, stmt);
      bind_named_int64 (stmt, ":offset", (gint64)page * PAGE_SIZE);
    }

  bind_named_int64 (stmt, ":limit", PAGE_SIZE);

  items = g_ptr_array_new_full (PAGE_SIZE, g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (self, stmt));

  if (rc != SQLITE_DONE)
    g_debug ("Reading the journal list failed: %s",
             sqlite3_errmsg (_haven_store_get_db (self->store)));

  sqlite3_reset (stmt);

  add_snippets (self, items, HAVEN_RECORD_ENTRY);
  add_snippets (self, items, HAVEN_RECORD_CHECKIN);

  /* A list promises an item at every position it counted. When rows cannot be read (a
   * damaged journal before its check says so) they are blank, never missing. */
  {
    guint expected = MIN (PAGE_SIZE, self->n_items > page * PAGE_SIZE
                                     ? self->n_items - page * PAGE_SIZE : 0);

    while (items->len < expected)
      {
        HavenJournalItem *blank = g_object_new (HAVEN_TYPE_JOURNAL_ITEM, NULL);

        blank->title = g_strdup ("");
        blank->pain_points = g_new0 (char *, 1);
        g_ptr_array_add (items, blank);
      }
  }
  self->n_fetched += items->len;

  remember_page (self, page, items);

  return items;
}

static GType
haven_journal_model_get_item_type (GListModel *model)
{
  return HAVEN_TYPE_JOURNAL_ITEM;
}

static guint
haven_journal_model_get_n_items (GListModel *model)
{
  return HAVEN_JOURNAL_MODEL (model)->n_items;
}

static gpointer
haven_journal_model_get_item (GListModel *model,
                              guint       position)
{
  HavenJournalModel *self = HAVEN_JOURNAL_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->n_items || self->page_offset_stmt == NULL)
    return NULL;

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items != NULL)
    touch_page (self, page);
  else
    items = fetch_page (self, page);

  if (position % PAGE_SIZE >= items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (items, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = haven_journal_model_get_item_type;
  iface->get_n_items = haven_journal_model_get_n_items;
  iface->get_item = haven_journal_model_get_item;
}

static void
forget_pages (HavenJournalModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_lru);
}

static void
clear_list_statements (HavenJournalModel *self)
{
  g_clear_pointer (&self->page_offset_stmt, sqlite3_finalize);
  g_clear_pointer (&self->page_cursor_stmt, sqlite3_finalize);
  g_clear_pointer (&self->position_stmt, sqlite3_finalize);
  g_clear_pointer (&self->member_stmt, sqlite3_finalize);
  g_clear_pointer (&self->entry_snippets_stmt, sqlite3_finalize);
  g_clear_pointer (&self->checkin_snippets_stmt, sqlite3_finalize);
}

static void
reload (HavenJournalModel *self)
{
  guint old_n = self->n_items;

  forget_pages (self);
  self->n_items = count_items (self);

  /* An import can turn a search with a few matches into one with thousands. */
  if (self->fts_query != NULL && (self->n_items > FEW_MATCHES) != self->by_date)
    {
      clear_list_statements (self);
      prepare_list_statements (self);
    }

  if (old_n > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
}

static void
record_changed_cb (HavenJournalModel *self,
                   guint              type,
                   gint64             id,
                   gint64             old_at,
                   gboolean           old_listed,
                   gint64             new_at,
                   gboolean           new_listed,
                   HavenStore        *store)
{
  guint old_pos = 0, new_pos = 0;

  if (self->filtered)
    {
      reload (self);
      return;
    }

  if (old_listed)
    old_pos = position_of (self, type, id, old_at);
  if (new_listed)
    new_pos = position_of (self, type, id, new_at);

  /* Every page from the first touched one on has shifted or changed. */
  forget_pages (self);

  if (old_listed && new_listed && old_pos == new_pos)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 1);
      return;
    }

  if (old_listed)
    {
      self->n_items--;
      g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 0);
    }

  if (new_listed)
    {
      self->n_items++;
      g_list_model_items_changed (G_LIST_MODEL (self), new_pos, 0, 1);
    }
}

static void
pain_points_changed_cb (HavenJournalModel *self,
                        HavenStore        *store)
{
  /* A renamed raw spot shows on many rows: redraw all of them in place. */
  forget_pages (self);
  if (self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, self->n_items, self->n_items);
}

static void
journal_changed_cb (HavenJournalModel *self,
                    HavenStore        *store)
{
  reload (self);
}

static void
haven_journal_model_dispose (GObject *object)
{
  HavenJournalModel *self = (HavenJournalModel *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_clear_pointer (&self->count_stmt, sqlite3_finalize);
  clear_list_statements (self);

  if (self->pages != NULL)
    forget_pages (self);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (haven_journal_model_parent_class)->dispose (object);
}

static void
haven_journal_model_finalize (GObject *object)
{
  HavenJournalModel *self = (HavenJournalModel *)object;

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->filter, haven_journal_filter_free);
  g_clear_pointer (&self->fts_query, g_free);

  G_OBJECT_CLASS (haven_journal_model_parent_class)->finalize (object);
}

static void
haven_journal_model_class_init (HavenJournalModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = haven_journal_model_dispose;
  object_class->finalize = haven_journal_model_finalize;
}

static void
haven_journal_model_init (HavenJournalModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  g_queue_init (&self->page_lru);
}

/**
 * haven_journal_model_new:
 * @filter: (nullable): what to show; %NULL shows the whole journal
 *
 * Counts the matching rows and reads nothing else until an item is asked for.
 */
HavenJournalModel *
haven_journal_model_new (HavenStore               *store,
                         const HavenJournalFilter *filter)
{
  HavenJournalModel *self;

  g_return_val_if_fail (HAVEN_IS_STORE (store), NULL);

  self = g_object_new (HAVEN_TYPE_JOURNAL_MODEL, NULL);
  self->store = g_object_ref (store);
  self->filter = filter ? haven_journal_filter_copy (filter) : haven_journal_filter_new ();
  self->fts_query = haven_fts_query_from_text (self->filter->text);
  self->filtered = !haven_journal_filter_is_empty (self->filter);

  prepare_count_statement (self);
  self->n_items = count_items (self);
  prepare_list_statements (self);

  g_signal_connect_object (store, "record-changed", G_CALLBACK (record_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "pain-points-changed", G_CALLBACK (pain_points_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* Drafts and emptied trash change the trash without changing the journal. */
  if (self->filter->trash)
    g_signal_connect_object (store, "trash-changed", G_CALLBACK (reload), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "journal-changed", G_CALLBACK (journal_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

HavenStore *
haven_journal_model_get_store (HavenJournalModel *self)
{
  g_return_val_if_fail (HAVEN_IS_JOURNAL_MODEL (self), NULL);

  return self->store;
}

const HavenJournalFilter *
haven_journal_model_get_filter (HavenJournalModel *self)
{
  g_return_val_if_fail (HAVEN_IS_JOURNAL_MODEL (self), NULL);

  return self->filter;
}

guint
haven_journal_model_find (HavenJournalModel *self,
                          HavenRecordType    type,
                          gint64             id)
{
  HavenTime at;
  int rc;

  g_return_val_if_fail (HAVEN_IS_JOURNAL_MODEL (self), G_MAXUINT);

  if (self->member_stmt == NULL)
    return G_MAXUINT;

  bind_filter (self, self->member_stmt);
  bind_key (self->member_stmt, 0, type, id);
  rc = sqlite3_step (self->member_stmt);
  at = sqlite3_column_int64 (self->member_stmt, 0);
  sqlite3_reset (self->member_stmt);

  if (rc != SQLITE_ROW)
    return G_MAXUINT;

  return position_of (self, type, id, at);
}

guint
haven_journal_model_get_n_fetched (HavenJournalModel *self)
{
  g_return_val_if_fail (HAVEN_IS_JOURNAL_MODEL (self), 0);

  return self->n_fetched;
}
