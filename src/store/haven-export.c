/* haven-export.c: the journal written out as JSON, Markdown or CSV
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports stream: one record is read, turned into text and written before the next, so a
 * journal of any size takes little memory. The rows are read in an order that does not
 * depend on row ids (time, then uuid), so that a journal imported from an export exports to
 * the same document.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "haven-answers.h"
#include "haven-export.h"
#include "haven-store-private.h"
#include "haven-vocabulary.h"

#define FLUSH_SIZE (256 * 1024)

/* Output ----------------------------------------------------------------------------------- */

typedef struct
{
  char    *path;
  char    *tmp_path;
  int      fd;
  GString *buf;
} Writer;

static gboolean
set_write_error (GError     **error,
                 int          errsv)
{
  g_debug ("Writing an export failed: %s", g_strerror (errsv));

  switch (errsv)
    {
    case ENOSPC:
    case EDQUOT:
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_FULL,
                           _("The disk is full, so the export could not be saved."));
      break;
    case EACCES:
    case EPERM:
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_PERMISSION,
                           _("Haven is not allowed to save a file in that folder."));
      break;
    case EROFS:
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_READ_ONLY,
                           _("That folder is read-only, so the export could not be saved there."));
      break;
    case ENOENT:
    case ENOTDIR:
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_NOT_FOUND,
                           _("The folder to save the export in does not exist."));
      break;
    default:
      g_set_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_IO,
                   _("The export could not be saved: %s."), g_strerror (errsv));
      break;
    }

  return FALSE;
}

static gboolean
writer_open (Writer      *w,
             const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf (".%s.XXXXXX", base);

  w->path = g_strdup (path);
  w->tmp_path = g_build_filename (dir, tmpl, NULL);
  w->buf = g_string_sized_new (FLUSH_SIZE + 4096);

  /* Private from the first byte: the file is made 0600, whatever the umask. */
  w->fd = g_mkstemp_full (w->tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (w->fd < 0)
    return set_write_error (error, errno);

  return TRUE;
}

static gboolean
writer_flush (Writer  *w,
              GError **error)
{
  gsize done = 0;

  while (done < w->buf->len)
    {
      ssize_t n = write (w->fd, w->buf->str + done, w->buf->len - done);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return set_write_error (error, errno);
        }
      done += n;
    }

  g_string_truncate (w->buf, 0);

  return TRUE;
}

static inline gboolean
writer_maybe_flush (Writer  *w,
                    GError **error)
{
  return w->buf->len < FLUSH_SIZE || writer_flush (w, error);
}

static gboolean
writer_commit (Writer  *w,
               GError **error)
{
  int fd = w->fd;

  if (!writer_flush (w, error))
    return FALSE;

  /* On disk before it replaces anything. */
  if (fsync (fd) != 0)
    return set_write_error (error, errno);

  w->fd = -1;
  if (close (fd) != 0)
    return set_write_error (error, errno);

  if (g_rename (w->tmp_path, w->path) != 0)
    return set_write_error (error, errno);

  g_clear_pointer (&w->tmp_path, g_free);

  return TRUE;
}

static void
writer_clear (Writer *w)
{
  if (w->fd >= 0)
    close (w->fd);
  w->fd = -1;
  if (w->tmp_path != NULL)
    g_unlink (w->tmp_path);
  g_clear_pointer (&w->tmp_path, g_free);
  g_clear_pointer (&w->path, g_free);
  if (w->buf != NULL)
    g_string_free (w->buf, TRUE);
  w->buf = NULL;
}

/* Reading --------------------------------------------------------------------------------- */

typedef struct
{
  HavenStore               *store;
  sqlite3                  *db;
  HavenExportFormat         format;
  const HavenExportOptions *options;
  HavenExportSummary        summary;
  GCancellable             *cancellable;
  Writer                    out;
  JsonGenerator            *generator;
} Export;

static gboolean
step_failed (Export  *x,
             int      rc,
             GError **error)
{
  _haven_set_sqlite_error (error, x->db, rc);
  g_prefix_error (error, "%s ", _("The journal could not be read completely."));
  return FALSE;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* Linked uuids come as one space-separated string; they are sorted here, since SQLite does
 * not promise an order for group_concat. */
static GStrv
split_uuids (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  GStrv uuids;

  if (text == NULL || *text == '\0')
    return g_new0 (char *, 1);

  uuids = g_strsplit (text, " ", -1);
  qsort (uuids, g_strv_length (uuids), sizeof (char *), _haven_compare_strings);

  return uuids;
}

static gboolean
check_cancelled (Export  *x,
                 GError **error)
{
  return !g_cancellable_set_error_if_cancelled (x->cancellable, error);
}

/* JSON ------------------------------------------------------------------------------------- */

static void
add_instant (JsonBuilder *builder,
             const char  *name,
             HavenTime    time)
{
  char buf[HAVEN_RFC3339_LEN];

  _haven_time_to_rfc3339 (time, buf);
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, buf);
}

static void
add_string_or_null (JsonBuilder  *builder,
                    const char   *name,
                    sqlite3_stmt *stmt,
                    int           column)
{
  json_builder_set_member_name (builder, name);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, column_text (stmt, column));
}

static void
add_int_or_null (JsonBuilder  *builder,
                 const char   *name,
                 sqlite3_stmt *stmt,
                 int           column)
{
  json_builder_set_member_name (builder, name);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, column));
}

static void
add_uuid_list (JsonBuilder  *builder,
               const char   *name,
               sqlite3_stmt *stmt,
               int           column)
{
  g_auto(GStrv) uuids = split_uuids (stmt, column);

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; uuids[i] != NULL; i++)
    json_builder_add_string_value (builder, uuids[i]);
  json_builder_end_array (builder);
}

/* A stored JSON value (answers, sets), parsed so that it is written as part of the document
 * rather than as a string. The store wrote it, so it parses; if it does not, the file is
 * damaged and the export says so instead of writing something that will not import. */
static gboolean
add_stored_json (JsonBuilder  *builder,
                 const char   *name,
                 sqlite3_stmt *stmt,
                 int           column,
                 GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *node = json_from_string (column_text (stmt, column), &local_error);

  if (node == NULL)
    {
      g_debug ("A stored value does not parse: %s", local_error->message);
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_CORRUPT,
                           _("Part of the journal is damaged and could not be exported."));
      return FALSE;
    }

  json_builder_set_member_name (builder, name);
  json_builder_add_value (builder, node);

  return TRUE;
}

/* Writes one record as a member of an array that is indented by four spaces. The generator
 * escapes every newline inside strings, so each newline in its output is structure and can
 * take the indentation. */
static gboolean
write_json_record (Export      *x,
                   JsonBuilder *builder,
                   gboolean     first,
                   GError     **error)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(GString) text = g_string_new (NULL);

  json_generator_set_root (x->generator, root);
  json_generator_to_gstring (x->generator, text);

  g_string_append (x->out.buf, first ? "\n    " : ",\n    ");
  for (const char *p = text->str; *p != '\0'; p++)
    {
      /* json-glib 1.6 escapes every control character in a string but U+001F (an
       * off-by-one); JSON wants it escaped too, or strict readers refuse the file. */
      if (*p == '\x1f')
        g_string_append (x->out.buf, "\\u001f");
      else
        g_string_append_c (x->out.buf, *p);
      if (*p == '\n')
        g_string_append (x->out.buf, "    ");
    }

  json_builder_reset (builder);

  return writer_maybe_flush (&x->out, error);
}

static void
close_json_array (Export   *x,
                  gboolean  empty,
                  gboolean  last)
{
  g_string_append (x->out.buf, empty ? "]" : "\n  ]");
  g_string_append (x->out.buf, last ? "\n" : ",\n");
}

static gboolean
write_json_named (Export      *x,
                  const char  *array_name,
                  const char  *sql,
                  guint       *count,
                  GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean is_pain_point = g_str_equal (array_name, "pain_points");
  int rc;

  if ((rc = sqlite3_prepare_v2 (x->db, sql, -1, &stmt, NULL)) != SQLITE_OK)
    return step_failed (x, rc, error);

  g_string_append_printf (x->out.buf, "  \"%s\" : [", array_name);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, column_text (stmt, 0));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, column_text (stmt, 1));
      add_instant (builder, "created_at", sqlite3_column_int64 (stmt, 2));
      if (is_pain_point && sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        add_instant (builder, "deleted_at", sqlite3_column_int64 (stmt, 3));
      json_builder_end_object (builder);

      if (!write_json_record (x, builder, *count == 0, error))
        return FALSE;
      (*count)++;
    }

  if (rc != SQLITE_DONE)
    return step_failed (x, rc, error);

  close_json_array (x, *count == 0, FALSE);

  return TRUE;
}

#define LINKED_UUIDS(link_table, owner_column, target_table, target_column, owner) \
  "(SELECT group_concat (t.uuid, ' ') FROM " link_table " l JOIN " target_table " t " \
  "ON t.id = l." target_column " WHERE l." owner_column " = " owner ".id)"

static const char entry_sql[] =
  "SELECT e.uuid, e.kind, e.flow_id, e.flow_step, e.occurred_at, e.created_at, e.updated_at, "
  "  e.title, e.body, e.answers, e.is_draft, "
  LINKED_UUIDS ("entry_pain_point", "entry_id", "pain_point", "pain_point_id", "e") ", "
  LINKED_UUIDS ("entry_tag", "entry_id", "tag", "tag_id", "e") " "
  "FROM entry e WHERE e.deleted_at IS NULL AND (?1 OR e.is_draft = 0) "
  "ORDER BY e.occurred_at, e.uuid;";

enum {
  ENTRY_UUID, ENTRY_KIND, ENTRY_FLOW_ID, ENTRY_FLOW_STEP, ENTRY_OCCURRED_AT, ENTRY_CREATED_AT,
  ENTRY_UPDATED_AT, ENTRY_TITLE, ENTRY_BODY, ENTRY_ANSWERS, ENTRY_IS_DRAFT, ENTRY_PAIN_POINTS,
  ENTRY_TAGS,
};

/* A check-in keeps its link only to an entry that is exported too. */
static const char checkin_sql[] =
  "SELECT c.uuid, c.at, c.created_at, c.updated_at, c.mood, c.emotions, c.intensity_before, "
  "  c.reaction, c.body_signals, c.regulation, c.intensity_after, c.note, "
  "  (SELECT e.uuid FROM entry e WHERE e.id = c.entry_id AND e.deleted_at IS NULL "
  "   AND (?1 OR e.is_draft = 0)), "
  LINKED_UUIDS ("checkin_pain_point", "checkin_id", "pain_point", "pain_point_id", "c") ", "
  LINKED_UUIDS ("checkin_tag", "checkin_id", "tag", "tag_id", "c") ", "
  "  (SELECT group_concat (t.name, '\x1f') FROM checkin_pain_point l JOIN pain_point t "
  "   ON t.id = l.pain_point_id WHERE l.checkin_id = c.id), "
  "  (SELECT group_concat (t.name, '\x1f') FROM checkin_tag l JOIN tag t "
  "   ON t.id = l.tag_id WHERE l.checkin_id = c.id) "
  "FROM checkin c WHERE c.deleted_at IS NULL "
  "ORDER BY c.at, c.uuid;";

enum {
  CHECKIN_UUID, CHECKIN_AT, CHECKIN_CREATED_AT, CHECKIN_UPDATED_AT, CHECKIN_MOOD,
  CHECKIN_EMOTIONS, CHECKIN_INTENSITY_BEFORE, CHECKIN_REACTION, CHECKIN_BODY_SIGNALS,
  CHECKIN_REGULATION, CHECKIN_INTENSITY_AFTER, CHECKIN_NOTE, CHECKIN_ENTRY,
  CHECKIN_PAIN_POINTS, CHECKIN_TAGS, CHECKIN_PAIN_POINT_NAMES, CHECKIN_TAG_NAMES,
};

static gboolean
write_json_entries (Export  *x,
                    GError **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (x->db, entry_sql, -1, &stmt, NULL)) != SQLITE_OK)
    return step_failed (x, rc, error);
  sqlite3_bind_int (stmt, 1, TRUE);

  g_string_append (x->out.buf, "  \"entries\" : [");

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, column_text (stmt, ENTRY_UUID));
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, column_text (stmt, ENTRY_KIND));
      add_string_or_null (builder, "flow_id", stmt, ENTRY_FLOW_ID);
      add_string_or_null (builder, "flow_step", stmt, ENTRY_FLOW_STEP);
      add_instant (builder, "occurred_at", sqlite3_column_int64 (stmt, ENTRY_OCCURRED_AT));
      add_instant (builder, "created_at", sqlite3_column_int64 (stmt, ENTRY_CREATED_AT));
      add_instant (builder, "updated_at", sqlite3_column_int64 (stmt, ENTRY_UPDATED_AT));
      json_builder_set_member_name (builder, "draft");
      json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, ENTRY_IS_DRAFT) != 0);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, column_text (stmt, ENTRY_TITLE));
      json_builder_set_member_name (builder, "body");
      json_builder_add_string_value (builder, column_text (stmt, ENTRY_BODY));
      if (!add_stored_json (builder, "answers", stmt, ENTRY_ANSWERS, error))
        return FALSE;
      add_uuid_list (builder, "pain_points", stmt, ENTRY_PAIN_POINTS);
      add_uuid_list (builder, "tags", stmt, ENTRY_TAGS);
      json_builder_end_object (builder);

      if (!write_json_record (x, builder, x->summary.n_entries == 0, error))
        return FALSE;
      x->summary.n_entries++;

      if ((x->summary.n_entries & 1023) == 0 && !check_cancelled (x, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    return step_failed (x, rc, error);

  close_json_array (x, x->summary.n_entries == 0, FALSE);

  return TRUE;
}

static gboolean
write_json_checkins (Export  *x,
                     GError **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (x->db, checkin_sql, -1, &stmt, NULL)) != SQLITE_OK)
    return step_failed (x, rc, error);
  sqlite3_bind_int (stmt, 1, TRUE);

  g_string_append (x->out.buf, "  \"checkins\" : [");

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, column_text (stmt, CHECKIN_UUID));
      add_instant (builder, "at", sqlite3_column_int64 (stmt, CHECKIN_AT));
      add_instant (builder, "created_at", sqlite3_column_int64 (stmt, CHECKIN_CREATED_AT));
      add_instant (builder, "updated_at", sqlite3_column_int64 (stmt, CHECKIN_UPDATED_AT));
      json_builder_set_member_name (builder, "mood");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, CHECKIN_MOOD));
      if (!add_stored_json (builder, "emotions", stmt, CHECKIN_EMOTIONS, error))
        return FALSE;
      add_int_or_null (builder, "intensity_before", stmt, CHECKIN_INTENSITY_BEFORE);
      add_int_or_null (builder, "intensity_after", stmt, CHECKIN_INTENSITY_AFTER);
      add_string_or_null (builder, "reaction", stmt, CHECKIN_REACTION);
      if (!add_stored_json (builder, "body_signals", stmt, CHECKIN_BODY_SIGNALS, error) ||
          !add_stored_json (builder, "regulation", stmt, CHECKIN_REGULATION, error))
        return FALSE;
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, column_text (stmt, CHECKIN_NOTE));
      add_string_or_null (builder, "entry", stmt, CHECKIN_ENTRY);
      add_uuid_list (builder, "pain_points", stmt, CHECKIN_PAIN_POINTS);
      add_uuid_list (builder, "tags", stmt, CHECKIN_TAGS);
      json_builder_end_object (builder);

      if (!write_json_record (x, builder, x->summary.n_checkins == 0, error))
        return FALSE;
      x->summary.n_checkins++;

      if ((x->summary.n_checkins & 1023) == 0 && !check_cancelled (x, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    return step_failed (x, rc, error);

  close_json_array (x, x->summary.n_checkins == 0, TRUE);

  return TRUE;
}

static gboolean
write_json (Export  *x,
            GError **error)
{
  char exported_at[HAVEN_RFC3339_LEN];

  x->generator = json_generator_new ();
  json_generator_set_pretty (x->generator, TRUE);
  json_generator_set_indent (x->generator, 2);

  _haven_time_to_rfc3339 (x->options->exported_at ?: haven_time_now (), exported_at);

  g_string_append_printf (x->out.buf,
                          "{\n"
                          "  \"format\" : \"%s\",\n"
                          "  \"version\" : %d,\n"
                          "  \"exported_at\" : \"%s\",\n",
                          HAVEN_EXPORT_FORMAT_NAME, HAVEN_EXPORT_VERSION, exported_at);

  /* Raw spots that were put away still appear when a record names them, so that every link
   * in the file points at something in it. */
  if (!write_json_named (x, "pain_points",
                         "SELECT uuid, name, created_at, deleted_at FROM pain_point p "
                         "WHERE p.deleted_at IS NULL "
                         "OR EXISTS (SELECT 1 FROM entry_pain_point l JOIN entry e "
                         "  ON e.id = l.entry_id WHERE l.pain_point_id = p.id "
                         "  AND e.deleted_at IS NULL) "
                         "OR EXISTS (SELECT 1 FROM checkin_pain_point l JOIN checkin c "
                         "  ON c.id = l.checkin_id WHERE l.pain_point_id = p.id "
                         "  AND c.deleted_at IS NULL) "
                         "ORDER BY created_at, uuid;",
                         &x->summary.n_pain_points, error) ||
      !write_json_named (x, "tags",
                         "SELECT uuid, name, created_at FROM tag ORDER BY created_at, uuid;",
                         &x->summary.n_tags, error) ||
      !write_json_entries (x, error) ||
      !write_json_checkins (x, error))
    return FALSE;

  g_string_append (x->out.buf, "}\n");

  return TRUE;
}

/* Markdown --------------------------------------------------------------------------------- */

/* The person's own words, kept as they wrote them but unable to turn into headings, lists or
 * links when the document is shown as Markdown. A single line break stays a line break. */
static void
append_markdown_text (GString    *out,
                      const char *text)
{
  gboolean line_start = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (line_start)
        {
          const char *q = p;

          while (*q == ' ')
            q++;
          if (*q == '#' || *q == '>' || *q == '-' || *q == '+' || *q == '*' || *q == '=' ||
              *q == '|' || (*q == '`' && q[1] == '`'))
            {
              g_string_append_len (out, p, q - p);
              g_string_append_c (out, '\\');
              p = q;
            }
          else if (g_ascii_isdigit (*q))
            {
              const char *d = q;

              while (g_ascii_isdigit (*d))
                d++;
              if (*d == '.' || *d == ')')
                {
                  g_string_append_len (out, p, d - p);
                  g_string_append_c (out, '\\');
                  p = d;
                }
            }
        }

      line_start = FALSE;

      switch (*p)
        {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '<':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;

        case '\r':
          break;

        case '\n':
          if (p[1] == '\n' || p[1] == '\r' || p[1] == '\0')
            g_string_append_c (out, '\n');
          else
            g_string_append (out, "  \n");
          line_start = TRUE;
          break;

        default:
          g_string_append_c (out, *p);
          break;
        }
    }
}

static char *
format_local (HavenTime   time,
              const char *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, format) : g_strdup ("?");
}

static char *
day_key (HavenTime time)
{
  return format_local (time, "%Y-%m-%d");
}

static void
append_day_heading (Export    *x,
                    HavenTime  time,
                    char     **current_day)
{
  g_autofree char *day = day_key (time);

  if (g_strcmp0 (day, *current_day) != 0)
    {
      /* Translators: a day heading in an exported journal, as a strftime format. */
      g_autofree char *heading = format_local (time, _("%A %-d %B %Y"));

      g_string_append_printf (x->out.buf, "## %s\n\n", heading);
      g_free (*current_day);
      *current_day = g_steal_pointer (&day);
    }
}

static const char *
answer_label (Export     *x,
              const char *flow_id,
              const char *key)
{
  const char *label = NULL;

  if (x->options->step_label != NULL)
    label = x->options->step_label (flow_id, key, x->options->step_label_data);
  if (label != NULL)
    return label;

  if (g_str_equal (key, HAVEN_ANSWER_REACTION))
    return _("How I reacted");
  if (g_str_equal (key, HAVEN_ANSWER_INTENSITY))
    return _("Intensity");
  if (g_str_equal (key, HAVEN_ANSWER_INTENSITY_AFTER))
    return _("Intensity afterwards");
  if (g_str_equal (key, HAVEN_ANSWER_REGULATION))
    return _("What helped");
  if (g_str_equal (key, HAVEN_ANSWER_PATTERN))
    return _("The pattern between us");
  if (g_str_equal (key, HAVEN_ANSWER_EMOTIONS))
    return _("Feelings");
  if (g_str_equal (key, HAVEN_ANSWER_BODY_SIGNALS))
    return _("In my body");
  if (g_str_equal (key, HAVEN_ANSWER_UNSAFETY))
    return _("Signs of unsafety");

  return NULL;
}

/* A step id as words, when no flow knows it: "what-happened" → "What happened". */
static char *
label_from_id (const char *id)
{
  char *label = g_strdup (id);

  for (char *p = label; *p != '\0'; p++)
    if (*p == '-' || *p == '_')
      *p = ' ';
  if (g_ascii_islower (label[0]))
    label[0] = g_ascii_toupper (label[0]);

  return label;
}

static const char *
choice_label (const char *key,
              const char *id)
{
  static const HavenVocabulary fallback[] = {
    HAVEN_VOCABULARY_NEEDS,
    HAVEN_VOCABULARY_SOFTER_FEELINGS,
    HAVEN_VOCABULARY_BOUNDARY_OR_WOUND,
    HAVEN_VOCABULARY_EMOTIONS,
    HAVEN_VOCABULARY_BODY_SIGNALS,
    HAVEN_VOCABULARY_REGULATION,
    HAVEN_VOCABULARY_REACTIONS,
    HAVEN_VOCABULARY_PATTERNS,
    HAVEN_VOCABULARY_UNSAFETY_SIGNS,
    HAVEN_VOCABULARY_YES_NO,
  };

  if (g_str_equal (key, HAVEN_ANSWER_REACTION))
    return haven_vocabulary_label (HAVEN_VOCABULARY_REACTIONS, id);
  if (g_str_equal (key, HAVEN_ANSWER_REGULATION))
    return haven_vocabulary_label (HAVEN_VOCABULARY_REGULATION, id);
  if (g_str_equal (key, HAVEN_ANSWER_PATTERN))
    return haven_vocabulary_label (HAVEN_VOCABULARY_PATTERNS, id);
  if (g_str_equal (key, HAVEN_ANSWER_EMOTIONS))
    return haven_vocabulary_label (HAVEN_VOCABULARY_EMOTIONS, id);
  if (g_str_equal (key, HAVEN_ANSWER_BODY_SIGNALS))
    return haven_vocabulary_label (HAVEN_VOCABULARY_BODY_SIGNALS, id);
  if (g_str_equal (key, HAVEN_ANSWER_UNSAFETY))
    return haven_vocabulary_label (HAVEN_VOCABULARY_UNSAFETY_SIGNS, id);

  /* Other choices come from the flows' own lists; the first list that knows the id names it. */
  for (guint i = 0; i < G_N_ELEMENTS (fallback); i++)
    if (haven_vocabulary_find (fallback[i], id) != NULL)
      return haven_vocabulary_label (fallback[i], id);

  return id;
}

static void
append_joined_labels (GString            *out,
                      HavenVocabulary     vocabulary,
                      const char * const *ids,
                      const char         *separator)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, separator);
      g_string_append (out, haven_vocabulary_label (vocabulary, ids[i]));
    }
}

static void
append_answer (Export     *x,
               const char *flow_id,
               const char *key,
               GVariant   *value)
{
  g_autofree char *fallback = NULL;
  const char *label = answer_label (x, flow_id, key);

  if (label == NULL)
    label = fallback = label_from_id (key);

  g_string_append (x->out.buf, "**");
  append_markdown_text (x->out.buf, label);
  g_string_append (x->out.buf, "**  \n");

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    {
      append_markdown_text (x->out.buf, g_variant_get_string (value, NULL));
    }
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    {
      if (g_str_equal (key, HAVEN_ANSWER_INTENSITY) ||
          g_str_equal (key, HAVEN_ANSWER_INTENSITY_AFTER))
        /* Translators: an intensity on a scale from 0 to 10. */
        g_string_append_printf (x->out.buf, _("%d of 10"), (int)g_variant_get_int64 (value));
      else
        g_string_append_printf (x->out.buf, "%" G_GINT64_FORMAT, g_variant_get_int64 (value));
    }
  else
    {
      g_autofree const char **ids = g_variant_get_strv (value, NULL);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (x->out.buf, ", ");
          append_markdown_text (x->out.buf, choice_label (key, ids[i]));
        }
    }

  g_string_append (x->out.buf, "\n\n");
}

static void
append_names (GString    *out,
              const char *label,
              const char *names)
{
  g_auto(GStrv) split = NULL;

  if (names == NULL || *names == '\0')
    return;

  split = g_strsplit (names, "\x1f", -1);
  qsort (split, g_strv_length (split), sizeof (char *), _haven_compare_strings);

  g_string_append (out, label);
  for (guint i = 0; split[i] != NULL; i++)
    {
      g_string_append (out, i == 0 ? " " : ", ");
      append_markdown_text (out, split[i]);
    }
}

static gboolean
write_markdown_entry (Export        *x,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  g_autoptr(GVariant) answers = NULL;
  g_autofree char *time = format_local (sqlite3_column_int64 (stmt, ENTRY_OCCURRED_AT), "%H:%M");
  const char *title = column_text (stmt, ENTRY_TITLE);
  const char *body = column_text (stmt, ENTRY_BODY);
  const char *flow_id = (const char *)sqlite3_column_text (stmt, ENTRY_FLOW_ID);
  HavenEntryKind kind = HAVEN_ENTRY_KIND_FREE;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  haven_entry_kind_from_string (column_text (stmt, ENTRY_KIND), &kind);

  g_string_append (x->out.buf, "### ");
  if (*title != '\0')
    append_markdown_text (x->out.buf, title);
  else
    g_string_append (x->out.buf, haven_entry_kind_label (kind));
  g_string_append (x->out.buf, "\n\n");

  /* Under a title of its own the kind is news; otherwise the heading already said it. */
  if (*title != '\0')
    g_string_append_printf (x->out.buf, "*%s · %s*\n\n", time, haven_entry_kind_label (kind));
  else
    g_string_append_printf (x->out.buf, "*%s*\n\n", time);

  if (*body != '\0')
    {
      append_markdown_text (x->out.buf, body);
      g_string_append (x->out.buf, "\n\n");
    }

  answers = _haven_answers_from_json (column_text (stmt, ENTRY_ANSWERS), NULL);
  if (answers == NULL)
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_CORRUPT,
                           _("Part of the journal is damaged and could not be exported."));
      return FALSE;
    }

  g_variant_iter_init (&iter, answers);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    append_answer (x, flow_id, key, value);

  return TRUE;
}

static void
append_list_item (GString    *out,
                  const char *label)
{
  g_string_append_printf (out, "- %s: ", label);
}

static void
write_markdown_checkin (Export       *x,
                        sqlite3_stmt *stmt)
{
  g_autofree char *time = format_local (sqlite3_column_int64 (stmt, CHECKIN_AT), "%H:%M");
  g_auto(GStrv) emotions = _haven_strv_from_json (column_text (stmt, CHECKIN_EMOTIONS), NULL);
  g_auto(GStrv) body = _haven_strv_from_json (column_text (stmt, CHECKIN_BODY_SIGNALS), NULL);
  g_auto(GStrv) regulation = _haven_strv_from_json (column_text (stmt, CHECKIN_REGULATION), NULL);
  int mood = CLAMP (sqlite3_column_int (stmt, CHECKIN_MOOD), 1, 5);
  const char *reaction = (const char *)sqlite3_column_text (stmt, CHECKIN_REACTION);
  const char *note = column_text (stmt, CHECKIN_NOTE);
  GString *out = x->out.buf;

  g_string_append_printf (out, "### %s\n\n*%s*\n\n", _("Check-in"), time);

  append_list_item (out, _("Mood"));
  /* Translators: a mood in an exported journal: its word, then its number of 5. */
  g_string_append_printf (out, _("%s (%d of 5)"), haven_mood_label (mood), mood);
  g_string_append_c (out, '\n');

  if (emotions != NULL && emotions[0] != NULL)
    {
      append_list_item (out, _("Feelings"));
      append_joined_labels (out, HAVEN_VOCABULARY_EMOTIONS, (const char * const *)emotions, ", ");
      g_string_append_c (out, '\n');
    }

  if (sqlite3_column_type (stmt, CHECKIN_INTENSITY_BEFORE) != SQLITE_NULL)
    {
      append_list_item (out, _("Intensity"));
      g_string_append_printf (out, _("%d of 10"),
                              sqlite3_column_int (stmt, CHECKIN_INTENSITY_BEFORE));
      g_string_append_c (out, '\n');
    }

  if (reaction != NULL)
    {
      append_list_item (out, _("How I reacted"));
      g_string_append (out, haven_vocabulary_label (HAVEN_VOCABULARY_REACTIONS, reaction));
      g_string_append_c (out, '\n');
    }

  if (body != NULL && body[0] != NULL)
    {
      append_list_item (out, _("In my body"));
      append_joined_labels (out, HAVEN_VOCABULARY_BODY_SIGNALS, (const char * const *)body, ", ");
      g_string_append_c (out, '\n');
    }

  if (regulation != NULL && regulation[0] != NULL)
    {
      append_list_item (out, _("What helped"));
      append_joined_labels (out, HAVEN_VOCABULARY_REGULATION,
                            (const char * const *)regulation, ", ");
      g_string_append_c (out, '\n');
    }

  if (sqlite3_column_type (stmt, CHECKIN_INTENSITY_AFTER) != SQLITE_NULL)
    {
      append_list_item (out, _("Intensity afterwards"));
      g_string_append_printf (out, _("%d of 10"),
                              sqlite3_column_int (stmt, CHECKIN_INTENSITY_AFTER));
      g_string_append_c (out, '\n');
    }

  if (sqlite3_column_type (stmt, CHECKIN_PAIN_POINT_NAMES) != SQLITE_NULL)
    {
      g_autofree char *label = g_strdup_printf ("- %s:", _("Raw spots"));

      append_names (out, label, column_text (stmt, CHECKIN_PAIN_POINT_NAMES));
      g_string_append_c (out, '\n');
    }

  if (sqlite3_column_type (stmt, CHECKIN_TAG_NAMES) != SQLITE_NULL)
    {
      g_autofree char *label = g_strdup_printf ("- %s:", _("Tags"));

      append_names (out, label, column_text (stmt, CHECKIN_TAG_NAMES));
      g_string_append_c (out, '\n');
    }

  g_string_append_c (out, '\n');

  if (*note != '\0')
    {
      append_markdown_text (out, note);
      g_string_append (out, "\n\n");
    }
}

static gboolean
write_markdown (Export  *x,
                GError **error)
{
  g_autoptr(sqlite3_stmt) entries = NULL;
  g_autoptr(sqlite3_stmt) checkins = NULL;
  g_autofree char *current_day = NULL;
  g_autofree char *exported = NULL;
  int rc_entry, rc_checkin;

  if ((rc_entry = sqlite3_prepare_v2 (x->db, entry_sql, -1, &entries, NULL)) != SQLITE_OK)
    return step_failed (x, rc_entry, error);
  if ((rc_checkin = sqlite3_prepare_v2 (x->db, checkin_sql, -1, &checkins, NULL)) != SQLITE_OK)
    return step_failed (x, rc_checkin, error);
  /* Drafts are unfinished: they stay out of a document meant for reading. */
  sqlite3_bind_int (entries, 1, FALSE);
  sqlite3_bind_int (checkins, 1, FALSE);

  /* Translators: the date under the title of an exported journal, as a strftime format. */
  exported = format_local (x->options->exported_at ?: haven_time_now (), _("%-d %B %Y, %H:%M"));
  g_string_append_printf (x->out.buf, "# %s\n\n", _("Haven Journal"));
  /* Translators: %s is a date and time. */
  g_string_append_printf (x->out.buf, _("Exported on %s."), exported);
  g_string_append (x->out.buf, "\n\n");

  rc_entry = sqlite3_step (entries);
  rc_checkin = sqlite3_step (checkins);

  /* The two lists are merged by time, so the document reads as the days went. */
  while (rc_entry == SQLITE_ROW || rc_checkin == SQLITE_ROW)
    {
      gboolean take_entry;

      if (rc_entry != SQLITE_ROW)
        take_entry = FALSE;
      else if (rc_checkin != SQLITE_ROW)
        take_entry = TRUE;
      else
        take_entry = sqlite3_column_int64 (entries, ENTRY_OCCURRED_AT) <=
                     sqlite3_column_int64 (checkins, CHECKIN_AT);

      if (take_entry)
        {
          append_day_heading (x, sqlite3_column_int64 (entries, ENTRY_OCCURRED_AT), &current_day);
          if (!write_markdown_entry (x, entries, error))
            return FALSE;
          x->summary.n_entries++;
          rc_entry = sqlite3_step (entries);
        }
      else
        {
          append_day_heading (x, sqlite3_column_int64 (checkins, CHECKIN_AT), &current_day);
          write_markdown_checkin (x, checkins);
          x->summary.n_checkins++;
          rc_checkin = sqlite3_step (checkins);
        }

      if (!writer_maybe_flush (&x->out, error))
        return FALSE;
      if (((x->summary.n_entries + x->summary.n_checkins) & 1023) == 0 &&
          !check_cancelled (x, error))
        return FALSE;
    }

  if (rc_entry != SQLITE_DONE)
    return step_failed (x, rc_entry, error);
  if (rc_checkin != SQLITE_DONE)
    return step_failed (x, rc_checkin, error);

  if (x->summary.n_entries == 0 && x->summary.n_checkins == 0)
    g_string_append_printf (x->out.buf, "%s\n", _("The journal is empty."));

  return TRUE;
}

/* CSV -------------------------------------------------------------------------------------- */

/* RFC 4180 quoting. A cell that a spreadsheet would run as a formula starts with an
 * apostrophe, which spreadsheets show as text. */
static void
append_csv_cell (GString    *out,
                 const char *text,
                 gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');

  if (text == NULL)
    return;

  if (strpbrk (text, ",\"\r\n") == NULL &&
      (text[0] == '\0' || strchr ("=+-@\t", text[0]) == NULL))
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  if (text[0] != '\0' && strchr ("=+-@\t", text[0]) != NULL)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_csv_int (GString      *out,
                sqlite3_stmt *stmt,
                int           column)
{
  g_string_append_c (out, ',');
  if (sqlite3_column_type (stmt, column) != SQLITE_NULL)
    g_string_append_printf (out, "%d", sqlite3_column_int (stmt, column));
}

static void
append_csv_labels (GString         *out,
                   HavenVocabulary  vocabulary,
                   const char      *json)
{
  g_auto(GStrv) ids = _haven_strv_from_json (json, NULL);
  g_autoptr(GString) cell = g_string_new (NULL);

  append_joined_labels (cell, vocabulary, (const char * const *)ids, "; ");
  append_csv_cell (out, cell->str, FALSE);
}

static void
append_csv_names (GString    *out,
                  const char *names)
{
  g_auto(GStrv) split = g_strsplit (names != NULL ? names : "", "\x1f", -1);
  g_autofree char *joined = NULL;

  qsort (split, g_strv_length (split), sizeof (char *), _haven_compare_strings);
  joined = g_strjoinv ("; ", split);
  append_csv_cell (out, joined, FALSE);
}

static gboolean
write_csv (Export  *x,
           GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *headers[] = {
    _("Date"), _("Time"), _("Time (UTC)"), _("Mood"), _("Mood in words"), _("Feelings"),
    _("Intensity"), _("Intensity afterwards"), _("How I reacted"), _("In my body"),
    _("What helped"), _("Raw spots"), _("Tags"), _("Note"),
  };
  int rc;

  if ((rc = sqlite3_prepare_v2 (x->db, checkin_sql, -1, &stmt, NULL)) != SQLITE_OK)
    return step_failed (x, rc, error);
  sqlite3_bind_int (stmt, 1, FALSE);

  /* A byte order mark, so that spreadsheets that guess an old encoding read UTF-8. */
  g_string_append (x->out.buf, "\xEF\xBB\xBF");
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    append_csv_cell (x->out.buf, headers[i], i == 0);
  g_string_append (x->out.buf, "\r\n");

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HavenTime at = sqlite3_column_int64 (stmt, CHECKIN_AT);
      g_autofree char *date = format_local (at, "%Y-%m-%d");
      g_autofree char *time = format_local (at, "%H:%M");
      const char *reaction = (const char *)sqlite3_column_text (stmt, CHECKIN_REACTION);
      int mood = CLAMP (sqlite3_column_int (stmt, CHECKIN_MOOD), 1, 5);
      char utc[HAVEN_RFC3339_LEN];
      GString *out = x->out.buf;

      _haven_time_to_rfc3339 (at, utc);

      append_csv_cell (out, date, TRUE);
      append_csv_cell (out, time, FALSE);
      append_csv_cell (out, utc, FALSE);
      g_string_append_printf (out, ",%d", mood);
      append_csv_cell (out, haven_mood_label (mood), FALSE);
      append_csv_labels (out, HAVEN_VOCABULARY_EMOTIONS, column_text (stmt, CHECKIN_EMOTIONS));
      append_csv_int (out, stmt, CHECKIN_INTENSITY_BEFORE);
      append_csv_int (out, stmt, CHECKIN_INTENSITY_AFTER);
      append_csv_cell (out, reaction ? haven_vocabulary_label (HAVEN_VOCABULARY_REACTIONS,
                                                               reaction) : NULL, FALSE);
      append_csv_labels (out, HAVEN_VOCABULARY_BODY_SIGNALS,
                         column_text (stmt, CHECKIN_BODY_SIGNALS));
      append_csv_labels (out, HAVEN_VOCABULARY_REGULATION, column_text (stmt, CHECKIN_REGULATION));
      append_csv_names (out, (const char *)sqlite3_column_text (stmt, CHECKIN_PAIN_POINT_NAMES));
      append_csv_names (out, (const char *)sqlite3_column_text (stmt, CHECKIN_TAG_NAMES));
      append_csv_cell (out, column_text (stmt, CHECKIN_NOTE), FALSE);
      g_string_append (out, "\r\n");

      x->summary.n_checkins++;
      if (!writer_maybe_flush (&x->out, error))
        return FALSE;
      if ((x->summary.n_checkins & 1023) == 0 && !check_cancelled (x, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    return step_failed (x, rc, error);

  return TRUE;
}

/* Public API ------------------------------------------------------------------------------- */

gboolean
haven_export_format_from_string (const char        *str,
                                 HavenExportFormat *format)
{
  if (g_strcmp0 (str, "json") == 0)
    *format = HAVEN_EXPORT_JSON;
  else if (g_strcmp0 (str, "markdown") == 0 || g_strcmp0 (str, "md") == 0)
    *format = HAVEN_EXPORT_MARKDOWN;
  else if (g_strcmp0 (str, "csv") == 0)
    *format = HAVEN_EXPORT_CSV;
  else
    return FALSE;

  return TRUE;
}

const char *
haven_export_format_to_string (HavenExportFormat format)
{
  switch (format)
    {
    case HAVEN_EXPORT_MARKDOWN:
      return "markdown";
    case HAVEN_EXPORT_CSV:
      return "csv";
    case HAVEN_EXPORT_JSON:
    default:
      return "json";
    }
}

HavenExportFormat
haven_export_format_for_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
    return HAVEN_EXPORT_MARKDOWN;
  if (g_str_has_suffix (lower, ".csv"))
    return HAVEN_EXPORT_CSV;

  return HAVEN_EXPORT_JSON;
}

const char *
haven_export_format_extension (HavenExportFormat format)
{
  switch (format)
    {
    case HAVEN_EXPORT_MARKDOWN:
      return ".md";
    case HAVEN_EXPORT_CSV:
      return ".csv";
    case HAVEN_EXPORT_JSON:
    default:
      return ".json";
    }
}

char *
haven_export_summary_describe (HavenExportFormat         format,
                               const HavenExportSummary *summary)
{
  g_return_val_if_fail (summary != NULL, NULL);

  if (format == HAVEN_EXPORT_CSV)
    return g_strdup_printf (_("Check-ins: %u."), summary->n_checkins);

  return g_strdup_printf (_("Entries: %u. Check-ins: %u."), summary->n_entries,
                          summary->n_checkins);
}

gboolean
haven_export_to_file (HavenStore                *store,
                      HavenExportFormat          format,
                      const char                *path,
                      const HavenExportOptions  *options,
                      HavenExportSummary        *summary,
                      GCancellable              *cancellable,
                      GError                   **error)
{
  static const HavenExportOptions default_options = { 0 };
  Export x = { 0 };
  gboolean ok;

  g_return_val_if_fail (HAVEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  x.store = store;
  x.db = _haven_store_get_db (store);
  x.format = format;
  x.options = options != NULL ? options : &default_options;
  x.cancellable = cancellable;
  x.out.fd = -1;

  if (x.db == NULL)
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_FAILED,
                           _("The journal is closed."));
      return FALSE;
    }

  if (!writer_open (&x.out, path, error))
    {
      writer_clear (&x.out);
      return FALSE;
    }

  /* One read transaction: the export is one moment of the journal, even while the window
   * goes on saving through its own connection. */
  ok = check_cancelled (&x, error) && _haven_exec (x.db, "BEGIN;", error);
  if (ok)
    {
      switch (format)
        {
        case HAVEN_EXPORT_MARKDOWN:
          ok = write_markdown (&x, error);
          break;
        case HAVEN_EXPORT_CSV:
          ok = write_csv (&x, error);
          break;
        case HAVEN_EXPORT_JSON:
        default:
          ok = write_json (&x, error);
          break;
        }
      sqlite3_exec (x.db, "COMMIT;", NULL, NULL, NULL);
    }

  ok = ok && writer_commit (&x.out, error);

  writer_clear (&x.out);
  g_clear_object (&x.generator);

  if (ok && summary != NULL)
    *summary = x.summary;

  return ok;
}

typedef struct
{
  char                *journal_path;
  HavenStoreOpenFlags  open_flags;
  HavenExportFormat    format;
  char                *path;
  HavenExportOptions   options;
  HavenExportSummary   summary;
} ExportTask;

static void
export_task_free (ExportTask *data)
{
  g_free (data->journal_path);
  g_free (data->path);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportTask *data = task_data;
  g_autoptr(HavenStore) store = NULL;
  GError *error = NULL;

  store = haven_store_open (data->journal_path, data->open_flags | HAVEN_STORE_OPEN_READ_ONLY,
                            &error);
  if (store == NULL ||
      !haven_export_to_file (store, data->format, data->path, &data->options, &data->summary,
                             cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  haven_store_close (store);
  g_task_return_boolean (task, TRUE);
}

void
haven_export_to_file_async (const char                *journal_path,
                            HavenStoreOpenFlags        open_flags,
                            HavenExportFormat          format,
                            const char                *path,
                            const HavenExportOptions  *options,
                            GCancellable              *cancellable,
                            GAsyncReadyCallback        callback,
                            gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportTask *data;

  g_return_if_fail (journal_path != NULL);
  g_return_if_fail (path != NULL);

  data = g_new0 (ExportTask, 1);
  data->journal_path = g_strdup (journal_path);
  data->open_flags = open_flags;
  data->format = format;
  data->path = g_strdup (path);
  if (options != NULL)
    data->options = *options;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, haven_export_to_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify)export_task_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
haven_export_to_file_finish (GAsyncResult        *result,
                             HavenExportSummary  *summary,
                             GError             **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (task) == haven_export_to_file_async, FALSE);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;

  if (summary != NULL)
    *summary = ((ExportTask *)g_task_get_task_data (task))->summary;

  return TRUE;
}
