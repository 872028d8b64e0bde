/* haven-import.c: a Haven export or a Daylio CSV, read, checked and merged into the journal
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import happens in two halves. Reading checks the whole file (its size and nesting
 * before json-glib sees it, then every field of every record) and keeps it as plain
 * records; nothing touches the journal. Applying walks those records against the journal,
 * either to count what would change (the preview) or, in one transaction, to change it.
 * Both halves use the same code, so the preview tells the truth.
 *
 * Messages name where in the file a problem is ("Check-in 4: …"), never what it says: the
 * text is private, and the message may end up in a log.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "haven-answers.h"
#include "haven-export.h"
#include "haven-import.h"
#include "haven-json-reader.h"
#include "haven-store-private.h"

G_DEFINE_QUARK (haven-import-error-quark, haven_import_error)

/* Records as read from the file --------------------------------------------------------- */

typedef struct
{
  char      *uuid;       /* NULL for Daylio activities: those are matched by name */
  char      *name;
  HavenTime  created_at;
  HavenTime  deleted_at;
} NamedRecord;

typedef struct
{
  char           *uuid;
  HavenEntryKind  kind;
  char           *flow_id;
  char           *flow_step;
  HavenTime       occurred_at;
  HavenTime       created_at;
  HavenTime       updated_at;
  gboolean        draft;
  char           *title;
  char           *body;
  char           *answers_json;
  char           *answers_text;
  GArray         *pain_points;   /* guint: index into pain_points */
  GArray         *tags;          /* guint: index into tags */
  /* What it counts for in the charts, taken from the answers (see count_entry()) */
  GStrv           reactions;
  GStrv           helped;
  gboolean        has_intensities;
  gint64          intensity;
  gint64          intensity_after;
} EntryRecord;

typedef struct
{
  char          *uuid;
  HavenTime      at;
  HavenTime      created_at;
  HavenTime      updated_at;
  int            mood;           /* 0 for Daylio: see mood_label */
  guint          mood_label;     /* Daylio: index into mood_labels */
  char          *emotions_json;
  char          *body_json;
  char          *regulation_json;
  GStrv          regulation;     /* the same ids, for the charts */
  int            intensity_before;
  int            intensity_after;
  HavenReaction  reaction;
  char          *note;
  char          *entry_uuid;
  GArray        *pain_points;    /* guint: index into pain_points (Daylio: activities) */
  GArray        *tags;           /* guint: index into tags */
} CheckinRecord;

struct _HavenImport
{
  GObject                parent_instance;

  HavenImportFormat      format;
  GArray                *pain_points;    /* NamedRecord */
  GArray                *tags;           /* NamedRecord */
  GArray                *entries;        /* EntryRecord */
  GArray                *checkins;       /* CheckinRecord */

  /* Daylio */
  GPtrArray             *mood_labels;    /* char *, NULL-terminated */
  GArray                *label_moods;    /* int, one per label */
  GArray                *activities;     /* NamedRecord without uuid */
  HavenImportActivities  activities_as;
};

G_DEFINE_FINAL_TYPE (HavenImport, haven_import, G_TYPE_OBJECT)

static void
named_record_clear (NamedRecord *r)
{
  g_clear_pointer (&r->uuid, g_free);
  g_clear_pointer (&r->name, g_free);
}

static void
entry_record_clear (EntryRecord *r)
{
  g_clear_pointer (&r->uuid, g_free);
  g_clear_pointer (&r->flow_id, g_free);
  g_clear_pointer (&r->flow_step, g_free);
  g_clear_pointer (&r->title, g_free);
  g_clear_pointer (&r->body, g_free);
  g_clear_pointer (&r->answers_json, g_free);
  g_clear_pointer (&r->answers_text, g_free);
  g_clear_pointer (&r->pain_points, g_array_unref);
  g_clear_pointer (&r->tags, g_array_unref);
  g_clear_pointer (&r->reactions, g_strfreev);
  g_clear_pointer (&r->helped, g_strfreev);
}

static void
checkin_record_clear (CheckinRecord *r)
{
  g_clear_pointer (&r->uuid, g_free);
  g_clear_pointer (&r->emotions_json, g_free);
  g_clear_pointer (&r->body_json, g_free);
  g_clear_pointer (&r->regulation_json, g_free);
  g_clear_pointer (&r->regulation, g_strfreev);
  g_clear_pointer (&r->note, g_free);
  g_clear_pointer (&r->entry_uuid, g_free);
  g_clear_pointer (&r->pain_points, g_array_unref);
  g_clear_pointer (&r->tags, g_array_unref);
}

static void
haven_import_finalize (GObject *object)
{
  HavenImport *self = (HavenImport *)object;

  g_clear_pointer (&self->pain_points, g_array_unref);
  g_clear_pointer (&self->tags, g_array_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->checkins, g_array_unref);
  g_clear_pointer (&self->mood_labels, g_ptr_array_unref);
  g_clear_pointer (&self->label_moods, g_array_unref);
  g_clear_pointer (&self->activities, g_array_unref);

  G_OBJECT_CLASS (haven_import_parent_class)->finalize (object);
}

static void
haven_import_class_init (HavenImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = haven_import_finalize;
}

static GArray *
named_array_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (NamedRecord));

  g_array_set_clear_func (array, (GDestroyNotify)named_record_clear);

  return array;
}

static void
haven_import_init (HavenImport *self)
{
  self->pain_points = named_array_new ();
  self->tags = named_array_new ();
  self->activities = named_array_new ();
  self->entries = g_array_new (FALSE, TRUE, sizeof (EntryRecord));
  g_array_set_clear_func (self->entries, (GDestroyNotify)entry_record_clear);
  self->checkins = g_array_new (FALSE, TRUE, sizeof (CheckinRecord));
  g_array_set_clear_func (self->checkins, (GDestroyNotify)checkin_record_clear);
  self->mood_labels = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->mood_labels, NULL);
  self->label_moods = g_array_new (FALSE, FALSE, sizeof (int));
}

/* Where a problem is: "Entry 3", "Check-in 12", "Line 40". */
typedef enum
{
  LOC_FILE,
  LOC_PAIN_POINT,
  LOC_TAG,
  LOC_ENTRY,
  LOC_CHECKIN,
  LOC_LINE,
} LocKind;

typedef struct
{
  LocKind kind;
  guint   index;  /* 1-based */
} Loc;

static char *
loc_name (const Loc *loc)
{
  switch (loc->kind)
    {
    case LOC_PAIN_POINT:
      /* Translators: the place of a problem in an imported file. */
      return g_strdup_printf (_("Raw spot %u"), loc->index);
    case LOC_TAG:
      return g_strdup_printf (_("Tag %u"), loc->index);
    case LOC_ENTRY:
      return g_strdup_printf (_("Entry %u"), loc->index);
    case LOC_CHECKIN:
      return g_strdup_printf (_("Check-in %u"), loc->index);
    case LOC_LINE:
      return g_strdup_printf (_("Line %u"), loc->index);
    case LOC_FILE:
    default:
      return g_strdup (_("The file"));
    }
}

G_GNUC_PRINTF (4, 5)
static gboolean
fail_at (GError           **error,
         HavenImportError   code,
         const Loc         *loc,
         const char        *format,
         ...)
{
  g_autofree char *where = loc_name (loc);
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: a problem in an imported file: "Entry 3: “mood” is missing." */
  g_set_error (error, HAVEN_IMPORT_ERROR, code, _("%s: %s"), where, what);

  return FALSE;
}

/* The size and shape of the input ---------------------------------------------------------- */

static gboolean
check_utf8 (const char  *data,
            gsize        len,
            GError     **error)
{
  const char *end = NULL;

  if (!g_utf8_validate_len (data, len, &end))
    {
      guint line = 1;

      for (const char *p = data; p < end; p++)
        if (*p == '\n')
          line++;

      g_set_error (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_NOT_UTF8,
                   _("The file is not readable text: line %u holds bytes that are not UTF-8."),
                   line);
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_too_big (GError **error,
             gsize    size)
{
  g_set_error (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_TOO_BIG,
               _("The file is %u MB, larger than any journal Haven imports (%u MB at most). "
                 "It was not read."),
               (guint)MAX (1, size / (1024 * 1024)),
               (guint)(HAVEN_IMPORT_MAX_SIZE / (1024 * 1024)));
  return FALSE;
}

/* Haven JSON ------------------------------------------------------------------------------- */

static const char *
type_name (const HavenJsonValue *node)
{
  switch (node->kind)
    {
    case HAVEN_JSON_NULL:
      return "null";
    case HAVEN_JSON_OBJECT:
      return "object";
    case HAVEN_JSON_ARRAY:
      return "list";
    case HAVEN_JSON_STRING:
      return "text";
    case HAVEN_JSON_BOOLEAN:
      return "true/false";
    case HAVEN_JSON_INT:
    case HAVEN_JSON_DOUBLE:
    default:
      return "number";
    }
}

static gboolean
is_string (const HavenJsonValue *node)
{
  return node->kind == HAVEN_JSON_STRING;
}

static gboolean
is_int (const HavenJsonValue *node)
{
  return node->kind == HAVEN_JSON_INT;
}

/* A member, or NULL when it is absent (and, unless @nullable, when it is null). */
static gboolean
get_member (const HavenJsonValue  *object,
            const char            *name,
            gboolean               required,
            gboolean               nullable,
            const HavenJsonValue **out,
            const Loc             *loc,
            GError               **error)
{
  const HavenJsonValue *node = _haven_json_object_get (object, name);

  *out = NULL;

  if (node == NULL || (node->kind == HAVEN_JSON_NULL && !nullable))
    {
      if (required)
        return fail_at (error, HAVEN_IMPORT_ERROR_MISSING, loc, _("“%s” is missing."), name);
      return TRUE;
    }

  if (node->kind == HAVEN_JSON_NULL)
    return TRUE;

  *out = node;

  return TRUE;
}

static gboolean
get_string (const HavenJsonValue  *object,
            const char            *name,
            gboolean               required,
            const char           **out,
            const Loc             *loc,
            GError               **error)
{
  const HavenJsonValue *node;

  *out = NULL;

  if (!get_member (object, name, required, !required, &node, loc, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (!is_string (node))
    return fail_at (error, HAVEN_IMPORT_ERROR_WRONG_TYPE, loc,
                    _("“%s” should be text, not %s."), name, type_name (node));

  *out = node->string;

  return TRUE;
}

static gboolean
get_int (const HavenJsonValue  *object,
         const char            *name,
         gboolean               required,
         gboolean              *present,
         gint64                *out,
         const Loc             *loc,
         GError               **error)
{
  const HavenJsonValue *node;

  *present = FALSE;

  if (!get_member (object, name, required, !required, &node, loc, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (!is_int (node))
    return fail_at (error, HAVEN_IMPORT_ERROR_WRONG_TYPE, loc,
                    _("“%s” should be a whole number, not %s."), name, type_name (node));

  *out = node->integer;
  *present = TRUE;

  return TRUE;
}

static gboolean
get_uuid (const HavenJsonValue  *object,
          const char            *name,
          gboolean               required,
          char                 **out,
          const Loc             *loc,
          GError               **error)
{
  const char *text;

  *out = NULL;

  if (!get_string (object, name, required, &text, loc, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!g_uuid_string_is_valid (text))
    return fail_at (error, HAVEN_IMPORT_ERROR_INVALID_VALUE, loc,
                    _("“%s” is not a valid UUID."), name);

  *out = g_ascii_strdown (text, -1);

  return TRUE;
}

static gboolean
check_time (const char  *text,
            const char  *name,
            HavenTime   *out,
            const Loc   *loc,
            GError     **error)
{
  gint64 year = 0;

  switch (_haven_time_from_rfc3339 (text, out, &year))
    {
    case HAVEN_TIME_OK:
      return TRUE;
    case HAVEN_TIME_OUT_OF_RANGE:
      return fail_at (error, HAVEN_IMPORT_ERROR_INVALID_VALUE, loc,
                      _("“%s” is in the year %lld, which cannot be right (Haven takes %d to "
                        "%d)."),
                      name, (long long)year, HAVEN_YEAR_MIN, HAVEN_YEAR_MAX);
    case HAVEN_TIME_INVALID:
    default:
      return fail_at (error, HAVEN_IMPORT_ERROR_INVALID_VALUE, loc,
                      _("“%s” is not a date and time like 2024-05-01T18:30:00Z."), name);
    }
}

static gboolean
get_time (const HavenJsonValue  *object,
          const char            *name,
          gboolean               required,
          HavenTime             *out,
          const Loc             *loc,
          GError               **error)
{
  const char *text;

  *out = 0;

  if (!get_string (object, name, required, &text, loc, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  return check_time (text, name, out, loc, error);
}

static gboolean
get_bool (const HavenJsonValue  *object,
          const char            *name,
          gboolean              *out,
          const Loc             *loc,
          GError               **error)
{
  const HavenJsonValue *node;

  *out = FALSE;

  if (!get_member (object, name, FALSE, FALSE, &node, loc, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (node->kind != HAVEN_JSON_BOOLEAN)
    return fail_at (error, HAVEN_IMPORT_ERROR_WRONG_TYPE, loc,
                    _("“%s” should be true or false, not %s."), name, type_name (node));

  *out = node->boolean;

  return TRUE;
}

/* A name as the store keeps it (see normalize_name in haven-store.c). */
static char *
normalize_name (const char  *name,
                const char  *field,
                const Loc   *loc,
                GError     **error)
{
  g_autofree char *normalized = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);

  g_strstrip (normalized);

  if (*normalized == '\0')
    {
      fail_at (error, HAVEN_IMPORT_ERROR_INVALID_VALUE, loc, _("“%s” is empty."), field);
      return NULL;
    }

  if (g_utf8_strlen (normalized, -1) > 200)
    {
      fail_at (error, HAVEN_IMPORT_ERROR_INVALID_VALUE, loc,
               _("“%s” is longer than 200 characters."), field);
      return NULL;
    }

  return g_steal_pointer (&normalized);
}

/* The store's JSON columns are written by json-glib (haven-store-util.c). For text without
 * control characters its output is plain: quotes and backslashes escaped, and \n, \r, \t, \b
 * and \f by name, with nothing between the tokens. That much is written here directly, many
 * times faster than building, writing and freeing a json-glib tree per record; for anything
 * else the import goes the store's own way. /import/json/stored-form holds the two to the
 * same bytes. Returns FALSE, with @out unfinished, for text it leaves to json-glib. */
static gboolean
append_json_string (GString    *out,
                    const char *text)
{
  const char *run = text;
  const char *s;

  g_string_append_c (out, '"');

  for (s = text; *s != '\0'; s++)
    {
      guchar c = (guchar)*s;
      const char *escape;

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        continue;

      switch (c)
        {
        case '"':  escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          return FALSE;
        }

      g_string_append_len (out, run, s - run);
      g_string_append (out, escape);
      run = s + 1;
    }

  g_string_append_len (out, run, s - run);
  g_string_append_c (out, '"');

  return TRUE;
}

/* A set of ids in the store's form: sorted, without repeats, as a JSON list. */
static char *
id_set_to_json (GPtrArray *ids)
{
  g_autoptr(GString) json = g_string_new ("[");
  guint n = 0;

  g_ptr_array_sort (ids, _haven_compare_strings);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      if (i > 0 && g_str_equal (id, g_ptr_array_index (ids, i - 1)))
        continue;

      if (n++ > 0)
        g_string_append_c (json, ',');
      if (!append_json_string (json, id))
        {
          g_auto(GStrv) unique = NULL;

          g_ptr_array_add (ids, NULL);
          _haven_strv_set_unique (&unique, (const char * const *)ids->pdata);
          return _haven_strv_to_json ((const char * const *)unique);
        }
    }

  g_string_append_c (json, ']');

  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* A list of ids, written back in the store's form. */
static gboolean
get_id_set (const HavenJsonValue  *object,
            const char            *name,
            char                 **out_json,
            GStrv                 *out_ids,
            const Loc             *loc,
            GError               **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  const HavenJsonValue *node;

  if (!get_member (object, name, FALSE, FALSE, &node, loc, error))
    return FALSE;

  if (node != NULL)
    {
      if (node->kind != HAVEN_JSON_ARRAY)
        return fail_at (error, HAVEN_IMPORT_ERROR_WRONG_TYPE, loc,
                        _("“%s” should be a list of texts, not %s."), name, type_name (node));

      for (guint i = 0; i < node->n; i++)
        {
          const HavenJsonValue *element = &node->elements[i];

          if (!is_string (element) || *element->string == '\0')
            return fail_at (error, HAVEN_IMPORT_ERROR_WRONG_TYPE, loc,
                            _("“%s” should be a list of texts."), name);
          g_ptr_array_add (ids, (gpointer)element->string);
        }
    }

  *out_json = id_set_to_json (ids);

  if (out_ids != NULL && ids->len > 0)
    {
      *out_ids = g_new (char *, ids->len + 1);
      for (guint i = 0; i < ids->len; i++)
        (*out_ids)[i] = g_strdup (ids->pdata[i]);
      (*out_ids)[ids->len] = NULL;
    }

  return TRUE;
}

/* Links by uuid to records of the file, as indexes. */
static gboolean
get_links (const HavenJsonValue  *object,
           const char            *name,
           GHashTable            *index_by_uuid,
           gboolean               tags,
           GArray               **out,
           const Loc             *loc,
           GError               **error)
{
  const HavenJsonValue *node;

  *out = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!get_member (object, name, FALSE, FALSE, &node, loc, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (node->kind != HAVEN_JSON_ARRAY)
    return fail_at (error, HAVEN_IMPORT_ERROR_WRONG_TYPE, loc,
                    _("“%s” should be a list of UUIDs, not %s."), name, type_name (node));

  for (guint i = 0; i < node->n; i++)
    {
      const HavenJsonValue *element = &node->elements[i];
      g_autofree char *uuid = NULL;
      gpointer index;

      if (!is_string (element) || !g_uuid_string_is_valid (element->string))
        return fail_at (error, HAVEN_IMPORT_ERROR_WRONG_TYPE, loc,
                        _("“%s” should be a list of UUIDs."), name);

      uuid = g_ascii_strdown (element->string, -1);
      if (!g_hash_table_lookup_extended (index_by_uuid, uuid, NULL, &index))
        {
          if (tags)
            return fail_at (error, HAVEN_IMPORT_ERROR_BROKEN_LINK, loc,
                            _("“%s” names a tag that is not in the file."), name);
          return fail_at (error, HAVEN_IMPORT_ERROR_BROKEN_LINK, loc,
                          _("“%s” names a raw spot that is not in the file."), name);
        }

      g_array_append_vals (*out, &(guint){ GPOINTER_TO_UINT (index) }, 1);
    }

  return TRUE;
}

typedef struct
{
  GHashTable *uuids;          /* every uuid in the file → NULL, to find repeats */
  GHashTable *pain_points;    /* uuid → index */
  GHashTable *tags;           /* uuid → index */
} ReadState;

static gboolean
claim_uuid (ReadState   *state,
            const char  *uuid,
            const Loc   *loc,
            GError     **error)
{
  if (!g_hash_table_add (state->uuids, (gpointer)uuid))
    return fail_at (error, HAVEN_IMPORT_ERROR_DUPLICATE, loc,
                    _("its UUID appears more than once in the file."));

  return TRUE;
}

/* The records of one kind; a file may leave a kind out. */
static gboolean
get_record_array (const HavenJsonValue  *root,
                  const char            *name,
                  const HavenJsonValue **out,
                  guint                 *n_records,
                  GError               **error)
{
  const HavenJsonValue *node = _haven_json_object_get (root, name);

  *out = NULL;
  *n_records = 0;

  if (node == NULL || node->kind == HAVEN_JSON_NULL)
    return TRUE;

  if (node->kind != HAVEN_JSON_ARRAY)
    {
      g_set_error (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_WRONG_TYPE,
                   _("“%s” should be a list, not %s."), name, type_name (node));
      return FALSE;
    }

  *out = node;
  *n_records = node->n;

  return TRUE;
}

static const HavenJsonValue *
get_record (const HavenJsonValue  *array,
            guint                  i,
            const Loc             *loc,
            GError               **error)
{
  const HavenJsonValue *node = &array->elements[i];

  if (node->kind != HAVEN_JSON_OBJECT)
    {
      fail_at (error, HAVEN_IMPORT_ERROR_WRONG_TYPE, loc,
               _("it should be an object, not %s."), type_name (node));
      return NULL;
    }

  return node;
}

static gboolean
read_named (HavenImport           *self,
            ReadState             *state,
            const HavenJsonValue  *root,
            const char            *array_name,
            LocKind                loc_kind,
            GArray                *records,
            GHashTable            *index_by_uuid,
            GError               **error)
{
  const HavenJsonValue *array;
  guint n;

  if (!get_record_array (root, array_name, &array, &n, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      Loc loc = { loc_kind, i + 1 };
      NamedRecord r = { 0 };
      const HavenJsonValue *object;
      const char *name;

      if (!(object = get_record (array, i, &loc, error)))
        return FALSE;

      if (!get_uuid (object, "uuid", TRUE, &r.uuid, &loc, error) ||
          !get_string (object, "name", TRUE, &name, &loc, error) ||
          !(r.name = normalize_name (name, "name", &loc, error)) ||
          !get_time (object, "created_at", TRUE, &r.created_at, &loc, error) ||
          !get_time (object, "deleted_at", FALSE, &r.deleted_at, &loc, error))
        {
          named_record_clear (&r);
          return FALSE;
        }

      g_array_append_val (records, r);
      if (!claim_uuid (state, r.uuid, &loc, error))
        return FALSE;
      g_hash_table_insert (index_by_uuid, r.uuid, GUINT_TO_POINTER (records->len - 1));
    }

  return TRUE;
}

/* By name, and a name given twice in the order of the file. */
static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  const HavenJsonMember *x = *(const HavenJsonMember * const *)a;
  const HavenJsonMember *y = *(const HavenJsonMember * const *)b;
  int cmp = strcmp (x->name, y->name);

  if (cmp != 0)
    return cmp;

  return (x > y) - (x < y);
}

/* A valid answer: text, a whole number or a list of texts. */
static gboolean
check_answer (const HavenJsonMember  *member,
              const Loc              *loc,
              GError                **error)
{
  const HavenJsonValue *value = &member->value;

  if (*member->name == '\0')
    return fail_at (error, HAVEN_IMPORT_ERROR_INVALID_VALUE, loc, _("an answer has no step id."));

  if (is_string (value) || is_int (value))
    return TRUE;

  if (value->kind == HAVEN_JSON_ARRAY)
    {
      for (guint i = 0; i < value->n; i++)
        if (!is_string (&value->elements[i]))
          return fail_at (error, HAVEN_IMPORT_ERROR_WRONG_TYPE, loc,
                          _("the answer to “%s” should be text, a whole number or a list of "
                            "texts."), member->name);
      return TRUE;
    }

  return fail_at (error, HAVEN_IMPORT_ERROR_WRONG_TYPE, loc,
                  _("the answer to “%s” should be text, a whole number or a list of texts."),
                  member->name);
}

/* Writes checked answers in the store's form as append_json_string() can; FALSE when it
 * cannot. */
static gboolean
append_answers_json (GString   *json,
                     GPtrArray *members)
{
  g_string_append_c (json, '{');

  for (guint m = 0; m < members->len; m++)
    {
      const HavenJsonMember *member = g_ptr_array_index (members, m);
      const HavenJsonValue *value = &member->value;

      if (m > 0)
        g_string_append_c (json, ',');
      if (!append_json_string (json, member->name))
        return FALSE;
      g_string_append_c (json, ':');

      if (is_string (value))
        {
          if (!append_json_string (json, value->string))
            return FALSE;
        }
      else if (is_int (value))
        {
          g_string_append_printf (json, "%" G_GINT64_FORMAT, value->integer);
        }
      else
        {
          g_string_append_c (json, '[');
          for (guint i = 0; i < value->n; i++)
            {
              if (i > 0)
                g_string_append_c (json, ',');
              if (!append_json_string (json, value->elements[i].string))
                return FALSE;
            }
          g_string_append_c (json, ']');
        }
    }

  g_string_append_c (json, '}');

  return TRUE;
}

/* Checked answers as the store keeps them in memory, for its own writers. */
static GVariant *
answers_to_variant (GPtrArray *members)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);

  for (guint m = 0; m < members->len; m++)
    {
      const HavenJsonMember *member = g_ptr_array_index (members, m);
      const HavenJsonValue *value = &member->value;

      if (is_string (value))
        {
          g_variant_builder_add (&builder, "{sv}", member->name,
                                 g_variant_new_string (value->string));
        }
      else if (is_int (value))
        {
          g_variant_builder_add (&builder, "{sv}", member->name,
                                 g_variant_new_int64 (value->integer));
        }
      else
        {
          g_auto(GVariantBuilder) strv = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_STRING_ARRAY);

          for (guint i = 0; i < value->n; i++)
            g_variant_builder_add (&strv, "s", value->elements[i].string);
          g_variant_builder_add (&builder, "{sv}", member->name, g_variant_builder_end (&strv));
        }
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/* The texts of an answer as SQLite's json_each() gives them: the text, or each text of the
 * list; none for a number. */
static GStrv
answer_texts (const HavenJsonValue *value)
{
  GStrv texts;

  if (is_string (value))
    {
      texts = g_new (char *, 2);
      texts[0] = g_strdup (value->string);
      texts[1] = NULL;
      return texts;
    }

  if (value->kind != HAVEN_JSON_ARRAY || value->n == 0)
    return NULL;

  texts = g_new (char *, value->n + 1);
  for (guint i = 0; i < value->n; i++)
    texts[i] = g_strdup (value->elements[i].string);
  texts[value->n] = NULL;

  return texts;
}

/* What an entry's answers count for in the charts, as the triggers of migration 3 read them
 * from the stored answers: the texts of the reaction and of what helped, and the two
 * intensities when both are whole numbers. An intensity goes from 0 to 10, as a check-in's
 * does; a file saying otherwise is refused here rather than by SQLite, whose sums cannot hold
 * what a 64-bit intensity minus another makes. */
static gboolean
read_counted_answers (GPtrArray    *members,
                      EntryRecord  *r,
                      const Loc    *loc,
                      GError      **error)
{
  const HavenJsonValue *intensity = NULL, *after = NULL;

  for (guint m = 0; m < members->len; m++)
    {
      const HavenJsonMember *member = g_ptr_array_index (members, m);
      const HavenJsonValue *value = &member->value;
      gboolean is_intensity = FALSE;

      if (g_str_equal (member->name, HAVEN_ANSWER_REACTION))
        {
          r->reactions = answer_texts (value);
        }
      else if (g_str_equal (member->name, HAVEN_ANSWER_REGULATION))
        {
          r->helped = answer_texts (value);
        }
      else if (g_str_equal (member->name, HAVEN_ANSWER_INTENSITY))
        {
          intensity = value;
          is_intensity = TRUE;
        }
      else if (g_str_equal (member->name, HAVEN_ANSWER_INTENSITY_AFTER))
        {
          after = value;
          is_intensity = TRUE;
        }

      if (is_intensity && is_int (value) && (value->integer < 0 || value->integer > 10))
        return fail_at (error, HAVEN_IMPORT_ERROR_INVALID_VALUE, loc,
                        _("“%s” is %lld, but an intensity goes from 0 to 10."),
                        member->name, (long long)value->integer);
    }

  r->has_intensities = intensity != NULL && is_int (intensity) && after != NULL && is_int (after);
  if (r->has_intensities)
    {
      r->intensity = intensity->integer;
      r->intensity_after = after->integer;
    }

  return TRUE;
}

/* Answers: text, whole numbers or lists of texts, keyed by step id. They are kept in the
 * store's own form, so that an unchanged entry stores unchanged text. */
static gboolean
read_answers (const HavenJsonValue  *object,
              EntryRecord           *r,
              const Loc             *loc,
              GError               **error)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GVariant) answers = NULL;
  const HavenJsonValue *node;

  if (!get_member (object, "answers", FALSE, FALSE, &node, loc, error))
    return FALSE;

  if (node != NULL)
    {
      if (node->kind != HAVEN_JSON_OBJECT)
        return fail_at (error, HAVEN_IMPORT_ERROR_WRONG_TYPE, loc,
                        _("“%s” should be an object, not %s."), "answers", type_name (node));

      for (guint i = 0; i < node->n; i++)
        g_ptr_array_add (sorted, &node->members[i]);
      g_ptr_array_sort (sorted, compare_members);

      for (guint m = 0; m < sorted->len; m++)
        {
          HavenJsonMember *member = g_ptr_array_index (sorted, m);
          HavenJsonMember *next = m + 1 < sorted->len ? g_ptr_array_index (sorted, m + 1) : NULL;

          /* A name given twice counts the last time. */
          if (next != NULL && g_str_equal (member->name, next->name))
            continue;

          if (!check_answer (member, loc, error))
            return FALSE;
          g_ptr_array_add (members, member);
        }
    }

  if (!read_counted_answers (members, r, loc, error))
    return FALSE;

  if (append_answers_json (json, members))
    {
      /* As _haven_answers_to_text() has it: the texts, in the order of their step ids. */
      for (guint m = 0; m < members->len; m++)
        {
          const HavenJsonMember *member = g_ptr_array_index (members, m);
          const HavenJsonValue *value = &member->value;

          if (!is_string (value) || *value->string == '\0')
            continue;
          if (text->len > 0)
            g_string_append (text, "\n\n");
          g_string_append (text, value->string);
        }

      r->answers_json = g_string_free (g_steal_pointer (&json), FALSE);
      r->answers_text = g_string_free (g_steal_pointer (&text), FALSE);
      return TRUE;
    }

  answers = answers_to_variant (members);
  r->answers_json = _haven_answers_to_json (answers);
  r->answers_text = _haven_answers_to_text (answers);

  return TRUE;
}

static void
widen_span (HavenImport *self,
            HavenTime    at,
            HavenTime   *first,
            HavenTime   *last)
{
  if (*first == 0 || at < *first)
    *first = at;
  if (*last == 0 || at > *last)
    *last = at;
}

static gboolean
read_entries (HavenImport           *self,
              ReadState             *state,
              const HavenJsonValue  *root,
              GHashTable            *entry_uuids,
              GError               **error)
{
  const HavenJsonValue *array;
  guint n;

  if (!get_record_array (root, "entries", &array, &n, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      Loc loc = { LOC_ENTRY, i + 1 };
      EntryRecord r = { 0 };
      const HavenJsonValue *object;
      const char *kind, *flow_id, *flow_step, *title, *body;

      if (!(object = get_record (array, i, &loc, error)))
        return FALSE;

      if (!get_uuid (object, "uuid", TRUE, &r.uuid, &loc, error) ||
          !get_string (object, "kind", TRUE, &kind, &loc, error) ||
          !get_string (object, "flow_id", FALSE, &flow_id, &loc, error) ||
          !get_string (object, "flow_step", FALSE, &flow_step, &loc, error) ||
          !get_time (object, "occurred_at", TRUE, &r.occurred_at, &loc, error) ||
          !get_time (object, "created_at", TRUE, &r.created_at, &loc, error) ||
          !get_time (object, "updated_at", TRUE, &r.updated_at, &loc, error) ||
          !get_bool (object, "draft", &r.draft, &loc, error) ||
          !get_string (object, "title", FALSE, &title, &loc, error) ||
          !get_string (object, "body", FALSE, &body, &loc, error) ||
          !read_answers (object, &r, &loc, error) ||
          !get_links (object, "pain_points", state->pain_points, FALSE, &r.pain_points, &loc,
                      error) ||
          !get_links (object, "tags", state->tags, TRUE, &r.tags, &loc, error))
        {
          entry_record_clear (&r);
          return FALSE;
        }

      if (!haven_entry_kind_from_string (kind, &r.kind))
        {
          entry_record_clear (&r);
          return fail_at (error, HAVEN_IMPORT_ERROR_INVALID_VALUE, &loc,
                          _("“%s” is not a kind of entry that Haven knows."), "kind");
        }

      r.flow_id = g_strdup (flow_id);
      r.flow_step = g_strdup (flow_step);
      r.title = g_strdup (title != NULL ? title : "");
      r.body = g_strdup (body != NULL ? body : "");

      g_array_append_val (self->entries, r);
      if (!claim_uuid (state, r.uuid, &loc, error))
        return FALSE;
      g_hash_table_add (entry_uuids, r.uuid);
    }

  return TRUE;
}

static gboolean
get_intensity (const HavenJsonValue  *object,
               const char            *name,
               int                   *out,
               const Loc             *loc,
               GError               **error)
{
  gboolean present;
  gint64 value;

  *out = HAVEN_INTENSITY_UNSET;

  if (!get_int (object, name, FALSE, &present, &value, loc, error))
    return FALSE;
  if (!present)
    return TRUE;

  if (value < 0 || value > 10)
    return fail_at (error, HAVEN_IMPORT_ERROR_INVALID_VALUE, loc,
                    _("“%s” is %lld, but an intensity goes from 0 to 10."),
                    name, (long long)value);

  *out = (int)value;

  return TRUE;
}

static gboolean
read_checkins (HavenImport           *self,
               ReadState             *state,
               const HavenJsonValue  *root,
               GHashTable            *entry_uuids,
               GError               **error)
{
  const HavenJsonValue *array;
  guint n;

  if (!get_record_array (root, "checkins", &array, &n, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      Loc loc = { LOC_CHECKIN, i + 1 };
      CheckinRecord r = { 0 };
      const HavenJsonValue *object;
      const char *reaction, *note;
      gboolean present;
      gint64 mood = 0;

      if (!(object = get_record (array, i, &loc, error)))
        return FALSE;

      if (!get_uuid (object, "uuid", TRUE, &r.uuid, &loc, error) ||
          !get_time (object, "at", TRUE, &r.at, &loc, error) ||
          !get_time (object, "created_at", TRUE, &r.created_at, &loc, error) ||
          !get_time (object, "updated_at", TRUE, &r.updated_at, &loc, error) ||
          !get_int (object, "mood", TRUE, &present, &mood, &loc, error) ||
          !get_id_set (object, "emotions", &r.emotions_json, NULL, &loc, error) ||
          !get_intensity (object, "intensity_before", &r.intensity_before, &loc, error) ||
          !get_intensity (object, "intensity_after", &r.intensity_after, &loc, error) ||
          !get_string (object, "reaction", FALSE, &reaction, &loc, error) ||
          !get_id_set (object, "body_signals", &r.body_json, NULL, &loc, error) ||
          !get_id_set (object, "regulation", &r.regulation_json, &r.regulation, &loc, error) ||
          !get_string (object, "note", FALSE, &note, &loc, error) ||
          !get_uuid (object, "entry", FALSE, &r.entry_uuid, &loc, error) ||
          !get_links (object, "pain_points", state->pain_points, FALSE, &r.pain_points, &loc,
                      error) ||
          !get_links (object, "tags", state->tags, TRUE, &r.tags, &loc, error))
        {
          checkin_record_clear (&r);
          return FALSE;
        }

      if (mood < 1 || mood > 5)
        {
          checkin_record_clear (&r);
          return fail_at (error, HAVEN_IMPORT_ERROR_INVALID_VALUE, &loc,
                          _("“%s” is %lld, but a mood goes from 1 to 5."),
                          "mood", (long long)mood);
        }
      r.mood = (int)mood;

      if (reaction != NULL && !haven_reaction_from_string (reaction, &r.reaction))
        {
          checkin_record_clear (&r);
          return fail_at (error, HAVEN_IMPORT_ERROR_INVALID_VALUE, &loc,
                          _("“%s” is not a reaction that Haven knows."), "reaction");
        }

      r.note = g_strdup (note != NULL ? note : "");

      g_array_append_val (self->checkins, r);
      if (!claim_uuid (state, r.uuid, &loc, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_haven_json (HavenImport  *self,
                 const char   *data,
                 gsize         len,
                 GError      **error)
{
  g_autoptr(HavenJsonTree) tree = NULL;
  g_autoptr(GHashTable) entry_uuids = g_hash_table_new (g_str_hash, g_str_equal);
  ReadState state = { 0 };
  const HavenJsonValue *root;
  const char *format;
  gboolean present, ok;
  gint64 version = 0;
  guint line, column;
  Loc loc = { LOC_FILE, 0 };

  /* The depth is limited because the reader follows the nesting on the stack. */
  switch (_haven_json_tree_parse (data, len, HAVEN_IMPORT_MAX_DEPTH, &tree, &line, &column))
    {
    case HAVEN_JSON_OK:
      break;
    case HAVEN_JSON_TOO_DEEP:
      g_set_error (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_TOO_DEEP,
                   _("The file is nested more than %d levels deep, which no Haven "
                     "export is. It was not read."),
                   HAVEN_IMPORT_MAX_DEPTH);
      return FALSE;
    case HAVEN_JSON_SYNTAX:
    default:
      g_set_error (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_SYNTAX,
                   _("The file is not valid JSON: it goes wrong at line %u, column %u."),
                   line, column);
      return FALSE;
    }

  root = _haven_json_tree_get_root (tree);
  if (root->kind != HAVEN_JSON_OBJECT)
    {
      g_set_error_literal (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_UNKNOWN_FORMAT,
                           _("This JSON file is not a Haven journal export."));
      return FALSE;
    }

  if (!get_string (root, "format", FALSE, &format, &loc, NULL) ||
      g_strcmp0 (format, HAVEN_EXPORT_FORMAT_NAME) != 0)
    {
      g_set_error_literal (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_UNKNOWN_FORMAT,
                           _("This JSON file is not a Haven journal export."));
      return FALSE;
    }

  if (!get_int (root, "version", TRUE, &present, &version, &loc, error))
    return FALSE;

  if (version > HAVEN_EXPORT_VERSION)
    {
      g_set_error (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_TOO_NEW,
                   _("This file was made by a newer version of Haven (format version %lld; "
                     "this version reads version %d). Update Haven to import it."),
                   (long long)version, HAVEN_EXPORT_VERSION);
      return FALSE;
    }

  if (version < 1)
    {
      g_set_error (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_INVALID_VALUE,
                   _("The file gives %lld as its format version, which no Haven wrote."),
                   (long long)version);
      return FALSE;
    }

  state.uuids = g_hash_table_new (g_str_hash, g_str_equal);
  state.pain_points = g_hash_table_new (g_str_hash, g_str_equal);
  state.tags = g_hash_table_new (g_str_hash, g_str_equal);

  ok = read_named (self, &state, root, "pain_points", LOC_PAIN_POINT, self->pain_points,
                   state.pain_points, error) &&
       read_named (self, &state, root, "tags", LOC_TAG, self->tags, state.tags, error) &&
       read_entries (self, &state, root, entry_uuids, error) &&
       read_checkins (self, &state, root, entry_uuids, error);

  g_hash_table_unref (state.uuids);
  g_hash_table_unref (state.pain_points);
  g_hash_table_unref (state.tags);

  return ok;
}

/* Daylio CSV ------------------------------------------------------------------------------- */

typedef struct
{
  const char *p;
  const char *end;
  guint       line;   /* where the next record starts */
} CsvReader;

/* Reads one record (RFC 4180: quoted fields may hold commas, quotes and line breaks). Returns
 * FALSE at the end of input or on @error. */
static gboolean
csv_next_record (CsvReader  *csv,
                 GPtrArray  *fields,
                 guint      *record_line,
                 GError    **error)
{
  g_autoptr(GString) field = g_string_new (NULL);

  g_ptr_array_set_size (fields, 0);

  /* Blank lines between records carry nothing. */
  while (csv->p < csv->end && (*csv->p == '\n' || *csv->p == '\r'))
    {
      if (*csv->p == '\n')
        csv->line++;
      csv->p++;
    }

  if (csv->p >= csv->end)
    return FALSE;

  *record_line = csv->line;

  for (;;)
    {
      gboolean quoted = FALSE;

      g_string_truncate (field, 0);

      if (csv->p < csv->end && *csv->p == '"')
        {
          quoted = TRUE;
          csv->p++;

          for (;;)
            {
              if (csv->p >= csv->end)
                {
                  g_set_error (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_SYNTAX,
                               _("Line %u: a quoted field is never closed."), *record_line);
                  return FALSE;
                }
              if (*csv->p == '"')
                {
                  if (csv->p + 1 < csv->end && csv->p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      csv->p += 2;
                      continue;
                    }
                  csv->p++;
                  break;
                }
              if (*csv->p == '\n')
                csv->line++;
              g_string_append_c (field, *csv->p++);
            }
        }
      else
        {
          while (csv->p < csv->end && *csv->p != ',' && *csv->p != '\n' && *csv->p != '\r')
            {
              if (*csv->p == '"')
                {
                  g_set_error (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_SYNTAX,
                               _("Line %u: a quote appears in the middle of a field that "
                                 "is not quoted."), csv->line);
                  return FALSE;
                }
              g_string_append_c (field, *csv->p++);
            }
        }

      g_ptr_array_add (fields, g_strdup (field->str));

      if (csv->p >= csv->end)
        return TRUE;

      if (*csv->p == ',')
        {
          csv->p++;
          continue;
        }

      if (*csv->p == '\r' || *csv->p == '\n')
        {
          if (*csv->p == '\r')
            csv->p++;
          if (csv->p < csv->end && *csv->p == '\n')
            csv->p++;
          csv->line++;
          return TRUE;
        }

      g_assert (quoted);
      g_set_error (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_SYNTAX,
                   _("Line %u: there is text after the closing quote of a field."), csv->line);
      return FALSE;
    }
}

static int
find_column (GPtrArray  *header,
             const char *name)
{
  for (guint i = 0; i < header->len; i++)
    if (g_ascii_strcasecmp (g_strstrip ((char *)g_ptr_array_index (header, i)), name) == 0)
      return (int)i;

  return -1;
}

static int
daylio_default_mood (const char *label)
{
  static const char * const words[] = { "awful", "bad", "meh", "good", "rad" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (label, words[i]) == 0)
      return (int)i + 1;

  return 0;
}

static guint
intern_mood_label (HavenImport *self,
                   const char  *label)
{
  int mood;

  for (guint i = 0; i + 1 < self->mood_labels->len; i++)
    if (g_str_equal (g_ptr_array_index (self->mood_labels, i), label))
      return i;

  /* Keep the NULL at the end. */
  g_ptr_array_insert (self->mood_labels, self->mood_labels->len - 1, g_strdup (label));
  mood = daylio_default_mood (label);
  if (mood == 0)
    mood = 3;
  g_array_append_val (self->label_moods, mood);

  return self->mood_labels->len - 2;
}

static guint
intern_activity (HavenImport *self,
                 const char  *name)
{
  NamedRecord r = { 0 };

  for (guint i = 0; i < self->activities->len; i++)
    if (g_ascii_strcasecmp (g_array_index (self->activities, NamedRecord, i).name, name) == 0)
      return i;

  r.name = g_strdup (name);
  g_array_append_val (self->activities, r);

  return self->activities->len - 1;
}

static gboolean
parse_daylio_time (const char *text,
                   int        *hour,
                   int        *minute)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  const char *p = g_strstrip (lower);
  int h = 0, m = 0, digits = 0;

  while (g_ascii_isdigit (*p) && digits < 2)
    h = h * 10 + (*p++ - '0'), digits++;
  if (digits == 0 || *p++ != ':')
    return FALSE;

  digits = 0;
  while (g_ascii_isdigit (*p) && digits < 2)
    m = m * 10 + (*p++ - '0'), digits++;
  if (digits != 2 || m > 59)
    return FALSE;

  /* Seconds, when a Daylio version writes them, add nothing a journal needs. */
  if (*p == ':')
    {
      p++;
      if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
        return FALSE;
      p += 2;
    }

  while (*p == ' ')
    p++;

  if (g_str_equal (p, "am") || g_str_equal (p, "a.m."))
    {
      if (h < 1 || h > 12)
        return FALSE;
      h = h % 12;
    }
  else if (g_str_equal (p, "pm") || g_str_equal (p, "p.m."))
    {
      if (h < 1 || h > 12)
        return FALSE;
      h = h % 12 + 12;
    }
  else if (*p != '\0' || h > 23)
    {
      return FALSE;
    }

  *hour = h;
  *minute = m;

  return TRUE;
}

/* A uuid that the row's content decides (the form of a version 5 uuid, from SHA-1), so that
 * importing the same Daylio file twice finds the same check-ins. */
static char *
daylio_row_uuid (GPtrArray *fields)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize len = sizeof digest;

  g_checksum_update (checksum, (const guchar *)"haven-daylio", -1);
  for (guint i = 0; i < fields->len; i++)
    g_checksum_update (checksum, (const guchar *)g_ptr_array_index (fields, i),
                       strlen (g_ptr_array_index (fields, i)) + 1);
  g_checksum_get_digest (checksum, digest, &len);

  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static gboolean
read_daylio_row (HavenImport  *self,
                 GPtrArray    *fields,
                 guint         line,
                 guint         n_columns,
                 const int     columns[6],
                 GHashTable   *seen,
                 GError      **error)
{
  enum { FULL_DATE, TIME, MOOD, ACTIVITIES, NOTE_TITLE };
  Loc loc = { LOC_LINE, line };
  CheckinRecord r = { 0 };
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  const char *date, *time, *mood;
  int year = 0, month = 0, day = 0, hour, minute, note_column;
  char trailing;

  if (fields->len != n_columns)
    return fail_at (error, HAVEN_IMPORT_ERROR_SYNTAX, &loc,
                    _("the row has %u fields, but the first line names %u columns."),
                    fields->len, n_columns);

  date = g_strstrip ((char *)g_ptr_array_index (fields, columns[FULL_DATE]));
  time = g_strstrip ((char *)g_ptr_array_index (fields, columns[TIME]));
  mood = g_strstrip ((char *)g_ptr_array_index (fields, columns[MOOD]));

  if (sscanf (date, "%d-%d-%d%c", &year, &month, &day, &trailing) != 3 ||
      strlen (date) < 8)
    return fail_at (error, HAVEN_IMPORT_ERROR_INVALID_VALUE, &loc,
                    _("“%s” is not a date like 2024-05-01."), "full_date");

  if (year < HAVEN_YEAR_MIN || year > HAVEN_YEAR_MAX)
    return fail_at (error, HAVEN_IMPORT_ERROR_INVALID_VALUE, &loc,
                    _("“%s” is in the year %d, which cannot be right (Haven takes %d to %d)."),
                    "full_date", year, HAVEN_YEAR_MIN, HAVEN_YEAR_MAX);

  if (!parse_daylio_time (time, &hour, &minute))
    return fail_at (error, HAVEN_IMPORT_ERROR_INVALID_VALUE, &loc,
                    _("“%s” is not a time like 21:30 or 9:30 PM."), "time");

  /* Daylio writes the time on the phone's clock: it is read as local time here. */
  dt = g_date_time_new (tz, year, month, day, hour, minute, 0);
  if (dt == NULL)
    return fail_at (error, HAVEN_IMPORT_ERROR_INVALID_VALUE, &loc,
                    _("“%s” is not a date like 2024-05-01."), "full_date");

  if (*mood == '\0')
    return fail_at (error, HAVEN_IMPORT_ERROR_MISSING, &loc, _("“%s” is empty."), "mood");

  r.uuid = daylio_row_uuid (fields);
  if (g_hash_table_contains (seen, r.uuid))
    {
      /* The same row twice is the same moment twice: it is imported once. */
      g_free (r.uuid);
      return TRUE;
    }
  r.at = r.created_at = r.updated_at = g_date_time_to_unix (dt);
  r.mood_label = intern_mood_label (self, mood);
  r.intensity_before = r.intensity_after = HAVEN_INTENSITY_UNSET;
  r.emotions_json = g_strdup ("[]");
  r.body_json = g_strdup ("[]");
  r.regulation_json = g_strdup ("[]");
  r.pain_points = g_array_new (FALSE, FALSE, sizeof (guint));
  r.tags = g_array_new (FALSE, FALSE, sizeof (guint));

  if (columns[ACTIVITIES] >= 0)
    {
      g_auto(GStrv) names = g_strsplit (g_ptr_array_index (fields, columns[ACTIVITIES]), "|", -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *name = g_utf8_normalize (names[i], -1, G_NORMALIZE_NFC);
          guint index;

          g_strstrip (name);
          if (*name == '\0')
            continue;
          if (g_utf8_strlen (name, -1) > 200)
            {
              checkin_record_clear (&r);
              return fail_at (error, HAVEN_IMPORT_ERROR_INVALID_VALUE, &loc,
                              _("an activity is longer than 200 characters."));
            }

          index = intern_activity (self, name);
          g_array_append_val (r.pain_points, index);
        }
    }

  /* The title and the note become one note: a check-in has one. */
  note_column = columns[NOTE_TITLE];
  if (note_column >= 0)
    g_string_append (note, g_strstrip ((char *)g_ptr_array_index (fields, note_column)));
  note_column = columns[NOTE_TITLE + 1];
  if (note_column >= 0)
    {
      const char *text = g_strstrip ((char *)g_ptr_array_index (fields, note_column));

      if (*text != '\0')
        {
          if (note->len > 0)
            g_string_append (note, "\n\n");
          g_string_append (note, text);
        }
    }
  r.note = g_string_free (g_steal_pointer (&note), FALSE);

  g_array_append_val (self->checkins, r);
  g_hash_table_add (seen, r.uuid);

  return TRUE;
}

static gboolean
read_daylio_csv (HavenImport  *self,
                 const char   *data,
                 gsize         len,
                 GError      **error)
{
  static const char * const required[] = { "full_date", "time", "mood" };
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  CsvReader csv = { data, data + len, 1 };
  int columns[6];
  guint line = 1;

  self->format = HAVEN_IMPORT_FORMAT_DAYLIO;

  if (!csv_next_record (&csv, header, &line, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_UNKNOWN_FORMAT,
                             _("The file is empty."));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      columns[i] = find_column (header, required[i]);
      if (columns[i] < 0)
        {
          g_set_error (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_MISSING,
                       _("The file has no “%s” column, so it is not a Daylio export that "
                         "Haven can read."), required[i]);
          return FALSE;
        }
    }
  columns[3] = find_column (header, "activities");
  columns[4] = find_column (header, "note_title");
  columns[5] = find_column (header, "note");

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;

      if (!csv_next_record (&csv, fields, &line, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          break;
        }

      if (!read_daylio_row (self, fields, line, header->len, columns, seen, error))
        return FALSE;
    }

  return TRUE;
}

/* Reading ---------------------------------------------------------------------------------- */

static gboolean
looks_like_daylio (const char *data,
                   gsize       len)
{
  const char *newline = memchr (data, '\n', len);
  g_autofree char *first_line = g_ascii_strdown (data, newline ? newline - data : (gssize)len);

  return strstr (first_line, "full_date") != NULL && strstr (first_line, "mood") != NULL;
}

static HavenImport *
import_new_for_data (const char  *data,
                     gsize        len,
                     GError     **error)
{
  g_autoptr(HavenImport) self = g_object_new (HAVEN_TYPE_IMPORT, NULL);
  gsize skip = 0;

  if (len > HAVEN_IMPORT_MAX_SIZE)
    {
      set_too_big (error, len);
      return NULL;
    }

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, len -= 3;

  if (!check_utf8 (data, len, error))
    return NULL;

  while (skip < len && g_ascii_isspace (data[skip]))
    skip++;

  if (skip == len)
    {
      g_set_error_literal (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_UNKNOWN_FORMAT,
                           _("The file is empty."));
      return NULL;
    }

  if (data[skip] == '{' || data[skip] == '[')
    {
      self->format = HAVEN_IMPORT_FORMAT_HAVEN;
      if (!read_haven_json (self, data, len, error))
        return NULL;
    }
  else if (looks_like_daylio (data, len))
    {
      if (!read_daylio_csv (self, data, len, error))
        return NULL;
    }
  else
    {
      g_set_error_literal (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_UNKNOWN_FORMAT,
                           _("This file is neither a Haven export (JSON) nor a Daylio export "
                             "(CSV)."));
      return NULL;
    }

  return g_steal_pointer (&self);
}

HavenImport *
haven_import_new_for_bytes (GBytes  *bytes,
                            GError **error)
{
  gsize len;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);

  return import_new_for_data (data != NULL ? data : "", len, error);
}

HavenImport *
haven_import_new_for_file (const char  *path,
                           GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int errsv = errno;

      g_debug ("Opening an import failed: %s", g_strerror (errsv));
      g_set_error (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_READ,
                   _("The file could not be opened: %s."), g_strerror (errsv));
      return NULL;
    }

  /* The size is looked at before a byte is read. */
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error_literal (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_READ,
                           _("This is not a file that can be imported."));
      return NULL;
    }

  if (st.st_size > HAVEN_IMPORT_MAX_SIZE)
    {
      close (fd);
      set_too_big (error, st.st_size);
      return NULL;
    }

  if (st.st_size == 0)
    {
      close (fd);
      g_set_error_literal (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_UNKNOWN_FORMAT,
                           _("The file is empty."));
      return NULL;
    }

  mapped = g_mapped_file_new_from_fd (fd, FALSE, &local_error);
  close (fd);
  if (mapped == NULL)
    {
      g_set_error (error, HAVEN_IMPORT_ERROR, HAVEN_IMPORT_ERROR_READ,
                   _("The file could not be read: %s."), local_error->message);
      return NULL;
    }

  return import_new_for_data (g_mapped_file_get_contents (mapped),
                              MIN ((gsize)st.st_size, g_mapped_file_get_length (mapped)),
                              error);
}

/* Applying --------------------------------------------------------------------------------- */

/* A search index and the trigger that feeds it one row at a time. */
typedef struct
{
  const char *table;         /* the content table, keyed by id */
  const char *fts;           /* its external-content FTS5 index */
  const char *trigger;       /* AFTER INSERT on table, into fts */
  gboolean    looked;        /* whether hold_fts_feed() has run */
  char       *trigger_sql;   /* when set aside for this import: how to make it again */
  gint64      first_new_id;  /* the rows this import adds have this id or above */
} FtsFeed;

enum
{
  FEED_ENTRY,
  FEED_CHECKIN,
  N_FEEDS
};

typedef struct
{
  HavenImport       *self;
  HavenStore        *store;
  gboolean           dry_run;
  HavenImportCounts  counts;
  GArray            *pain_point_ids;   /* gint64 per pain point (Daylio: per activity) */
  GArray            *tag_ids;          /* gint64 per tag (Daylio: per activity) */
  GHashTable        *entry_ids;        /* uuid → gint64 *, entries of the file */
  GHashTable        *new_names;        /* "p:"/"t:" + lowercase name → id made in this run */
  gint64             next_fake_id;     /* a dry run counts down from -1 */
  FtsFeed            fts_feeds[N_FEEDS];
  HavenDaySumsHold  *day_sums_held;    /* while the triggers are set aside */
  gboolean           no_entries;       /* the journal had none when the import began */
  gboolean           no_checkins;
} Apply;

static void
apply_clear (Apply *a)
{
  for (guint i = 0; i < N_FEEDS; i++)
    g_clear_pointer (&a->fts_feeds[i].trigger_sql, g_free);
  g_clear_pointer (&a->day_sums_held, _haven_day_sums_hold_free);
  g_clear_pointer (&a->pain_point_ids, g_array_unref);
  g_clear_pointer (&a->tag_ids, g_array_unref);
  g_clear_pointer (&a->entry_ids, g_hash_table_unref);
  g_clear_pointer (&a->new_names, g_hash_table_unref);
}

static gboolean
sql_failed (Apply   *a,
            int      rc,
            GError **error)
{
  _haven_set_sqlite_error (error, _haven_store_get_db (a->store), rc);
  return FALSE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

/* Runs SQL made with sqlite3_mprintf()'s escapes (%w for names). */
static gboolean
exec_sql (Apply       *a,
          GError     **error,
          const char  *format,
          ...)
{
  sqlite3 *db = _haven_store_get_db (a->store);
  va_list args;
  char *sql;
  int rc;

  va_start (args, format);
  sql = sqlite3_vmprintf (format, args);
  va_end (args);

  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_free (sql);

  if (rc != SQLITE_OK)
    return sql_failed (a, sqlite3_extended_errcode (db), error);

  return TRUE;
}

/* Full-text search during an import.
 *
 * Inside a transaction, FTS5 (SQLite 3.40) writes its pending terms out as a new segment of
 * the index whenever a statement that touched it ends, and merges those segments as they
 * pile up. Fed by the insert triggers, row by row, a large import made one tiny segment per
 * record and merged them over and over: more than half of its time. So before the first row
 * it adds to a table, the import sets that table's insert trigger aside; at the end it
 * indexes the rows it added in one statement and makes the trigger again. All of it happens
 * inside the import's transaction, so a failure anywhere rolls the trigger back with
 * everything else, and an import that adds nothing leaves the schema alone. The update and
 * delete triggers stay: they act on rows that were indexed before (a file holds each uuid
 * once, so the import never changes a row it added). */
static gboolean
hold_fts_feed (Apply    *a,
               FtsFeed  *feed,
               GError  **error)
{
  sqlite3 *db = _haven_store_get_db (a->store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trigger_sql = NULL;
  char *sql;
  int rc;

  if (feed->looked)
    return TRUE;
  feed->looked = TRUE;

  /* A journal without the trigger keeps whatever indexing it has. */
  rc = sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' "
                           "AND name = ?1 AND tbl_name = ?2;", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return sql_failed (a, rc, error);
  sqlite3_bind_text (stmt, 1, feed->trigger, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, feed->table, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return sql_failed (a, rc, error);
  trigger_sql = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* New rows get ids above the largest one; SQLite picks others only once the largest
   * possible id is taken, and then the trigger stays. */
  sql = sqlite3_mprintf ("SELECT max (id) FROM \"%w\";", feed->table);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  sqlite3_free (sql);
  if (rc != SQLITE_OK)
    return sql_failed (a, rc, error);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return sql_failed (a, rc, error);
  if (sqlite3_column_int64 (stmt, 0) == G_MAXINT64)
    return TRUE;
  feed->first_new_id = sqlite3_column_int64 (stmt, 0) + 1;

  if (!exec_sql (a, error, "DROP TRIGGER \"%w\";", feed->trigger))
    return FALSE;

  feed->trigger_sql = g_steal_pointer (&trigger_sql);

  return TRUE;
}

/* FTS5 writes its pending terms out as a new segment whenever they pass its 'hashsize',
 * 1 MiB unless set, and merges those segments later. For the one large insert of
 * release_fts_feed(), 64 MiB saves most of that merging (the benchmark's entries: 2.6 s of
 * CPU -> 1.6 s), for as much memory while it runs. The setting lives in the index's config
 * table, so afterwards it is put back as it was: its old value, or no row at all. */
#define BULK_HASHSIZE     (64 * 1024 * 1024)
#define FTS5_HASHSIZE     (1024 * 1024)      /* FTS5's own, when none is set */

/* Indexes the rows added since hold_fts_feed(), as the trigger would have, and makes the
 * trigger again. */
static gboolean
release_fts_feed (Apply    *a,
                  FtsFeed  *feed,
                  GError  **error)
{
  sqlite3 *db = _haven_store_get_db (a->store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) columns = g_string_new ("rowid");
  g_autoptr(GString) values = g_string_new ("id");
  gboolean had_hashsize = FALSE;
  gint64 hashsize = FTS5_HASHSIZE;
  char *sql;
  int rc;

  if (feed->trigger_sql == NULL)
    return TRUE;

  sql = sqlite3_mprintf ("SELECT v FROM \"%w_config\" WHERE k = 'hashsize';", feed->fts);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  sqlite3_free (sql);
  if (rc != SQLITE_OK)
    return sql_failed (a, rc, error);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      had_hashsize = TRUE;
      hashsize = sqlite3_column_int64 (stmt, 0);
    }
  else if (rc != SQLITE_DONE)
    {
      return sql_failed (a, rc, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The index's own columns, which an external-content index reads by name from its
   * table. */
  rc = sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info (?1);", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return sql_failed (a, rc, error);
  sqlite3_bind_text (stmt, 1, feed->fts, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sql = sqlite3_mprintf (", \"%w\"", (const char *)sqlite3_column_text (stmt, 0));
      g_string_append (columns, sql);
      g_string_append (values, sql);
      sqlite3_free (sql);
    }
  if (rc != SQLITE_DONE)
    return sql_failed (a, rc, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  sql = sqlite3_mprintf ("INSERT INTO \"%w\" (%s) SELECT %s FROM \"%w\" WHERE id >= ?1;",
                         feed->fts, columns->str, values->str, feed->table);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  sqlite3_free (sql);
  if (rc != SQLITE_OK)
    return sql_failed (a, rc, error);
  sqlite3_bind_int64 (stmt, 1, feed->first_new_id);

  if (!exec_sql (a, error, "INSERT INTO \"%w\" (\"%w\", rank) VALUES ('hashsize', %d);",
                 feed->fts, feed->fts, BULK_HASHSIZE))
    return FALSE;
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return sql_failed (a, rc, error);
  if (!exec_sql (a, error, "INSERT INTO \"%w\" (\"%w\", rank) VALUES ('hashsize', %lld);",
                 feed->fts, feed->fts, (long long)hashsize))
    return FALSE;

  /* The row that was not there goes again, its value now being FTS5's own. Where shadow
   * tables are read-only (SQLITE_DBCONFIG_DEFENSIVE) it stays, which changes nothing. */
  if (!had_hashsize)
    {
      sql = sqlite3_mprintf ("DELETE FROM \"%w_config\" WHERE k = 'hashsize';", feed->fts);
      sqlite3_exec (db, sql, NULL, NULL, NULL);
      sqlite3_free (sql);
    }

  if (!exec_sql (a, error, "%s", feed->trigger_sql))
    return FALSE;
  g_clear_pointer (&feed->trigger_sql, g_free);

  return TRUE;
}

/* Looks a record up by uuid: 1 and its id (and updated_at) when there, 0 when not. */
static int
lookup_uuid (Apply       *a,
             const char  *sql,
             const char  *uuid,
             gint64      *id,
             HavenTime   *updated_at,
             GError     **error)
{
  g_autoptr(HavenCachedStmt) stmt = _haven_store_prepare (a->store, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return 0;
  if (rc != SQLITE_ROW)
    {
      sql_failed (a, rc, error);
      return -1;
    }

  *id = sqlite3_column_int64 (stmt, 0);
  if (updated_at != NULL)
    *updated_at = sqlite3_column_int64 (stmt, 1);

  return 1;
}

static char *
name_key (char        table,
          const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  /* SQLite's NOCASE folds ASCII only; so does this. */
  return g_strdup_printf ("%c:%s", table, lower);
}

static gboolean
resolve_named (Apply             *a,
               const NamedRecord *r,
               gboolean           is_tag,
               gint64            *out_id,
               GError           **error)
{
  static const char *uuid_sql[] = {
    "SELECT id, 0 FROM pain_point WHERE uuid = ?1;",
    "SELECT id, 0 FROM tag WHERE uuid = ?1;",
  };
  static const char *name_sql[] = {
    "SELECT id FROM pain_point WHERE name = ?1 COLLATE NOCASE AND deleted_at IS NULL;",
    "SELECT id FROM tag WHERE name = ?1 COLLATE NOCASE;",
  };
  static const char *insert_sql[] = {
    "INSERT INTO pain_point (uuid, name, created_at, deleted_at) VALUES (?1, ?2, ?3, ?4);",
    "INSERT INTO tag (uuid, name, created_at) VALUES (?1, ?2, ?3);",
  };
  g_autofree char *key = name_key (is_tag ? 't' : 'p', r->name);
  g_autofree char *uuid = NULL;
  gpointer found;
  int rc;

  if (r->uuid != NULL)
    {
      rc = lookup_uuid (a, uuid_sql[is_tag], r->uuid, out_id, NULL, error);
      if (rc != 0)
        return rc > 0;
    }

  /* A name the journal has already (or that this import has just added) is that one. */
  if (r->deleted_at == 0)
    {
      g_autoptr(HavenCachedStmt) stmt = NULL;

      if (g_hash_table_lookup_extended (a->new_names, key, NULL, &found))
        {
          *out_id = *(gint64 *)found;
          return TRUE;
        }

      if (!(stmt = _haven_store_prepare (a->store, name_sql[is_tag], error)))
        return FALSE;
      sqlite3_bind_text (stmt, 1, r->name, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out_id = sqlite3_column_int64 (stmt, 0);
          return TRUE;
        }
      if (rc != SQLITE_DONE)
        return sql_failed (a, rc, error);
    }

  if (is_tag)
    a->counts.tags_new++;
  else
    a->counts.pain_points_new++;

  if (a->dry_run)
    {
      *out_id = a->next_fake_id--;
    }
  else
    {
      g_autoptr(HavenCachedStmt) stmt = _haven_store_prepare (a->store, insert_sql[is_tag], error);

      if (stmt == NULL)
        return FALSE;

      uuid = r->uuid != NULL ? g_strdup (r->uuid) : g_uuid_string_random ();
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, r->name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, r->created_at != 0 ? r->created_at : haven_time_now ());
      if (!is_tag && r->deleted_at != 0)
        sqlite3_bind_int64 (stmt, 4, r->deleted_at);
      if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
        return sql_failed (a, rc, error);
      *out_id = sqlite3_last_insert_rowid (_haven_store_get_db (a->store));
    }

  if (r->deleted_at == 0)
    g_hash_table_insert (a->new_names, g_steal_pointer (&key), g_memdup2 (out_id, sizeof *out_id));

  return TRUE;
}

static gboolean
resolve_all_named (Apply    *a,
                   GArray   *records,
                   gboolean  is_tag,
                   GArray   *ids,
                   GError  **error)
{
  for (guint i = 0; i < records->len; i++)
    {
      gint64 id = 0;

      if (!resolve_named (a, &g_array_index (records, NamedRecord, i), is_tag, &id, error))
        return FALSE;
      g_array_append_val (ids, id);
    }

  return TRUE;
}

static gboolean
write_links (Apply       *a,
             const char  *delete_sql,
             const char  *insert_sql,
             gint64       owner_id,
             GArray      *indexes,
             GArray      *ids,
             gboolean     replace,
             GError     **error)
{
  int rc;

  if (replace)
    {
      g_autoptr(HavenCachedStmt) del = _haven_store_prepare (a->store, delete_sql, error);

      if (del == NULL)
        return FALSE;
      sqlite3_bind_int64 (del, 1, owner_id);
      if ((rc = sqlite3_step (del)) != SQLITE_DONE)
        return sql_failed (a, rc, error);
    }

  if (indexes == NULL || indexes->len == 0)
    return TRUE;

  {
    g_autoptr(HavenCachedStmt) ins = _haven_store_prepare (a->store, insert_sql, error);

    if (ins == NULL)
      return FALSE;

    for (guint i = 0; i < indexes->len; i++)
      {
        sqlite3_reset (ins);
        sqlite3_bind_int64 (ins, 1, owner_id);
        sqlite3_bind_int64 (ins, 2, g_array_index (ids, gint64, g_array_index (indexes, guint, i)));
        if ((rc = sqlite3_step (ins)) != SQLITE_DONE)
          return sql_failed (a, rc, error);
      }
  }

  return TRUE;
}

/* The ids a record links to, from its indexes into the file's names. */
static GArray *
linked_ids (GArray *indexes,
            GArray *ids)
{
  GArray *linked = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; indexes != NULL && i < indexes->len; i++)
    g_array_append_val (linked, g_array_index (ids, gint64, g_array_index (indexes, guint, i)));

  return linked;
}

/* Whether the day sums are set aside and a record just written is one for the hold to add
 * up. A changed record's old contribution is in the tables, not in the hold: then all is
 * counted again at the end. */
static gboolean
counting_added (Apply    *a,
                gboolean  update)
{
  if (a->day_sums_held == NULL)
    return FALSE;

  if (update)
    {
      _haven_day_sums_recount (a->day_sums_held);
      return FALSE;
    }

  return TRUE;
}

/* What a written entry counts for, while the day sums are set aside. */
static void
count_entry (Apply       *a,
             EntryRecord *r,
             gboolean     update)
{
  g_autoptr(GArray) pain_points = NULL;

  if (!counting_added (a, update) || r->draft)
    return;

  pain_points = linked_ids (r->pain_points, a->pain_point_ids);
  _haven_day_sums_add_entry (a->day_sums_held, _haven_local_day (r->occurred_at),
                             (const char * const *)r->reactions,
                             (const char * const *)r->helped, r->has_intensities,
                             r->intensity, r->intensity_after,
                             (const gint64 *)pain_points->data, pain_points->len);
}

static void
count_checkin (Apply         *a,
               CheckinRecord *r,
               gboolean       update,
               int            mood,
               GArray        *pain_point_indexes)
{
  g_autoptr(GArray) pain_points = NULL;

  if (!counting_added (a, update))
    return;

  pain_points = linked_ids (pain_point_indexes, a->pain_point_ids);
  _haven_day_sums_add_checkin (a->day_sums_held, _haven_local_day (r->at), mood,
                               haven_reaction_to_string (r->reaction),
                               (const char * const *)r->regulation,
                               r->intensity_before >= 0 && r->intensity_after >= 0,
                               r->intensity_before, r->intensity_after,
                               (const gint64 *)pain_points->data, pain_points->len);
}

static gboolean
apply_entry (Apply        *a,
             EntryRecord  *r,
             GError      **error)
{
  gint64 id = 0;
  HavenTime updated_at = 0;
  gboolean update;
  int found, rc;

  found = 0;
  if (!a->no_entries)
    found = lookup_uuid (a, "SELECT id, updated_at FROM entry WHERE uuid = ?1;", r->uuid, &id,
                         &updated_at, error);
  if (found < 0)
    return FALSE;

  widen_span (a->self, r->occurred_at, &a->counts.first_at, &a->counts.last_at);

  if (found && r->updated_at <= updated_at)
    {
      /* The journal's copy is as new or newer: it stays as it is. */
      a->counts.entries_unchanged++;
      g_hash_table_insert (a->entry_ids, r->uuid, g_memdup2 (&id, sizeof id));
      return TRUE;
    }

  update = found;
  if (update)
    a->counts.entries_updated++;
  else
    a->counts.entries_new++;

  if (a->dry_run)
    {
      if (!update)
        id = a->next_fake_id--;
      g_hash_table_insert (a->entry_ids, r->uuid, g_memdup2 (&id, sizeof id));
      return TRUE;
    }

  if (!update && !hold_fts_feed (a, &a->fts_feeds[FEED_ENTRY], error))
    return FALSE;

  {
    g_autoptr(HavenCachedStmt) stmt = NULL;

    /* The same columns in the same places for both statements. */
    stmt = _haven_store_prepare (a->store, update
                                 ? "UPDATE entry SET kind = ?2, flow_id = ?3, flow_step = ?4, "
                                   "occurred_at = ?5, created_at = ?6, updated_at = ?7, "
                                   "title = ?8, body = ?9, answers = ?10, answers_text = ?11, "
                                   "is_draft = ?12, day = haven_local_day (?5) WHERE id = ?13;"
                                 : "INSERT INTO entry (uuid, kind, flow_id, flow_step, "
                                   "occurred_at, created_at, updated_at, title, body, answers, "
                                   "answers_text, is_draft, day) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                                   "?7, ?8, ?9, ?10, ?11, ?12, haven_local_day (?5));",
                                 error);
    if (stmt == NULL)
      return FALSE;

    if (!update)
      sqlite3_bind_text (stmt, 1, r->uuid, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, haven_entry_kind_to_string (r->kind), -1, SQLITE_STATIC);
    bind_text_or_null (stmt, 3, r->flow_id);
    bind_text_or_null (stmt, 4, r->flow_step);
    sqlite3_bind_int64 (stmt, 5, r->occurred_at);
    sqlite3_bind_int64 (stmt, 6, r->created_at);
    sqlite3_bind_int64 (stmt, 7, r->updated_at);
    sqlite3_bind_text (stmt, 8, r->title, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 9, r->body, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 10, r->answers_json, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 11, r->answers_text, -1, SQLITE_STATIC);
    sqlite3_bind_int (stmt, 12, r->draft);
    if (update)
      sqlite3_bind_int64 (stmt, 13, id);

    if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
      return sql_failed (a, rc, error);

    if (!update)
      id = sqlite3_last_insert_rowid (_haven_store_get_db (a->store));
  }

  g_hash_table_insert (a->entry_ids, r->uuid, g_memdup2 (&id, sizeof id));
  count_entry (a, r, update);

  return write_links (a, "DELETE FROM entry_pain_point WHERE entry_id = ?1;",
                      "INSERT OR IGNORE INTO entry_pain_point (entry_id, pain_point_id) "
                      "VALUES (?1, ?2);",
                      id, r->pain_points, a->pain_point_ids, update, error) &&
         write_links (a, "DELETE FROM entry_tag WHERE entry_id = ?1;",
                      "INSERT OR IGNORE INTO entry_tag (entry_id, tag_id) VALUES (?1, ?2);",
                      id, r->tags, a->tag_ids, update, error);
}

static gboolean
apply_checkin (Apply          *a,
               CheckinRecord  *r,
               guint           index,
               GError        **error)
{
  HavenImport *self = a->self;
  gboolean daylio = self->format == HAVEN_IMPORT_FORMAT_DAYLIO;
  gint64 id = 0, entry_id = 0;
  HavenTime updated_at = 0;
  gboolean update;
  GArray *pain_points, *tags;
  int mood, found, rc;

  widen_span (self, r->at, &a->counts.first_at, &a->counts.last_at);

  if (r->entry_uuid != NULL)
    {
      gint64 *known = g_hash_table_lookup (a->entry_ids, r->entry_uuid);

      if (known != NULL)
        {
          entry_id = *known;
        }
      else
        {
          Loc loc = { LOC_CHECKIN, index + 1 };

          found = lookup_uuid (a, "SELECT id, 0 FROM entry WHERE uuid = ?1;", r->entry_uuid,
                               &entry_id, NULL, error);
          if (found < 0)
            return FALSE;
          if (found == 0)
            return fail_at (error, HAVEN_IMPORT_ERROR_BROKEN_LINK, &loc,
                            _("it belongs to an entry that is neither in the file nor in the "
                              "journal."));
        }
    }

  found = 0;
  if (!a->no_checkins)
    found = lookup_uuid (a, "SELECT id, updated_at FROM checkin WHERE uuid = ?1;", r->uuid, &id,
                         &updated_at, error);
  if (found < 0)
    return FALSE;

  if (found && r->updated_at <= updated_at)
    {
      a->counts.checkins_unchanged++;
      return TRUE;
    }

  update = found;
  if (update)
    a->counts.checkins_updated++;
  else
    a->counts.checkins_new++;

  if (a->dry_run)
    return TRUE;

  if (!update && !hold_fts_feed (a, &a->fts_feeds[FEED_CHECKIN], error))
    return FALSE;

  mood = daylio ? g_array_index (self->label_moods, int, r->mood_label) : r->mood;

  /* Daylio's activities go where the person chose; Haven's own links where they were. */
  pain_points = r->pain_points;
  tags = r->tags;
  if (daylio && self->activities_as == HAVEN_IMPORT_ACTIVITIES_AS_TAGS)
    {
      tags = r->pain_points;
      pain_points = NULL;
    }

  {
    g_autoptr(HavenCachedStmt) stmt = NULL;

    stmt = _haven_store_prepare (a->store, update
                                 ? "UPDATE checkin SET at = ?2, created_at = ?3, "
                                   "updated_at = ?4, mood = ?5, emotions = ?6, "
                                   "intensity_before = ?7, reaction = ?8, body_signals = ?9, "
                                   "regulation = ?10, intensity_after = ?11, note = ?12, "
                                   "entry_id = ?13, day = haven_local_day (?2) WHERE id = ?14;"
                                 : "INSERT INTO checkin (uuid, at, created_at, updated_at, mood, "
                                   "emotions, intensity_before, reaction, body_signals, "
                                   "regulation, intensity_after, note, entry_id, day) VALUES ("
                                   "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                                   "haven_local_day (?2));",
                                 error);
    if (stmt == NULL)
      return FALSE;

    if (!update)
      sqlite3_bind_text (stmt, 1, r->uuid, -1, SQLITE_STATIC);
    sqlite3_bind_int64 (stmt, 2, r->at);
    sqlite3_bind_int64 (stmt, 3, r->created_at);
    sqlite3_bind_int64 (stmt, 4, r->updated_at);
    sqlite3_bind_int (stmt, 5, mood);
    sqlite3_bind_text (stmt, 6, r->emotions_json, -1, SQLITE_STATIC);
    if (r->intensity_before >= 0)
      sqlite3_bind_int (stmt, 7, r->intensity_before);
    bind_text_or_null (stmt, 8, haven_reaction_to_string (r->reaction));
    sqlite3_bind_text (stmt, 9, r->body_json, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 10, r->regulation_json, -1, SQLITE_STATIC);
    if (r->intensity_after >= 0)
      sqlite3_bind_int (stmt, 11, r->intensity_after);
    sqlite3_bind_text (stmt, 12, r->note, -1, SQLITE_STATIC);
    if (entry_id > 0)
      sqlite3_bind_int64 (stmt, 13, entry_id);
    if (update)
      sqlite3_bind_int64 (stmt, 14, id);

    if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
      return sql_failed (a, rc, error);

    if (!update)
      id = sqlite3_last_insert_rowid (_haven_store_get_db (a->store));
  }

  count_checkin (a, r, update, mood, pain_points);

  return write_links (a, "DELETE FROM checkin_pain_point WHERE checkin_id = ?1;",
                      "INSERT OR IGNORE INTO checkin_pain_point (checkin_id, pain_point_id) "
                      "VALUES (?1, ?2);",
                      id, pain_points, a->pain_point_ids, update, error) &&
         write_links (a, "DELETE FROM checkin_tag WHERE checkin_id = ?1;",
                      "INSERT OR IGNORE INTO checkin_tag (checkin_id, tag_id) VALUES (?1, ?2);",
                      id, tags, a->tag_ids, update, error);
}

static gboolean
table_is_empty (Apply       *a,
                const char  *table,
                gboolean    *empty,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *sql = sqlite3_mprintf ("SELECT NOT EXISTS (SELECT 1 FROM \"%w\");", table);
  int rc;

  rc = sqlite3_prepare_v2 (_haven_store_get_db (a->store), sql, -1, &stmt, NULL);
  sqlite3_free (sql);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return sql_failed (a, rc, error);

  *empty = sqlite3_column_int (stmt, 0) != 0;

  return TRUE;
}

/* The charts' per-day sums follow each record through triggers, several microseconds a
 * record. A file larger than the journal it goes into sets them aside and adds up what its
 * records count for as it goes (haven-day-sums.c); should it change records rather than add
 * them, the whole journal is counted again, which costs about as much per record of the
 * journal as the triggers would have per record of the file. */
static gboolean
hold_day_sums (Apply    *a,
               GError  **error)
{
  HavenImport *self = a->self;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n_file = self->entries->len + self->checkins->len;
  sqlite3 *db = _haven_store_get_db (a->store);
  int rc;

  if (a->dry_run || n_file < 1000)
    return TRUE;

  rc = sqlite3_prepare_v2 (db, "SELECT sum (n) FROM listed_count;", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return sql_failed (a, rc, error);
  if (sqlite3_column_int64 (stmt, 0) > n_file)
    return TRUE;

  a->day_sums_held = _haven_day_sums_hold (db, error);

  return a->day_sums_held != NULL;
}

static gboolean
apply_all (HavenStore  *store,
           gpointer     user_data,
           GError     **error)
{
  Apply *a = user_data;
  HavenImport *self = a->self;
  gboolean daylio = self->format == HAVEN_IMPORT_FORMAT_DAYLIO;

  a->store = store;

  /* Into a journal without entries (or check-ins) nothing the file holds can be there
   * already: a file names each uuid once. */
  if (!table_is_empty (a, "entry", &a->no_entries, error) ||
      !table_is_empty (a, "checkin", &a->no_checkins, error) ||
      !hold_day_sums (a, error))
    return FALSE;

  if (daylio)
    {
      /* The activities become one kind of name or the other, by the person's choice. */
      gboolean as_tags = self->activities_as == HAVEN_IMPORT_ACTIVITIES_AS_TAGS;

      if (!resolve_all_named (a, self->activities, as_tags,
                              as_tags ? a->tag_ids : a->pain_point_ids, error))
        return FALSE;
    }
  else
    {
      if (!resolve_all_named (a, self->pain_points, FALSE, a->pain_point_ids, error) ||
          !resolve_all_named (a, self->tags, TRUE, a->tag_ids, error))
        return FALSE;
    }

  for (guint i = 0; i < self->entries->len; i++)
    if (!apply_entry (a, &g_array_index (self->entries, EntryRecord, i), error))
      return FALSE;

  for (guint i = 0; i < self->checkins->len; i++)
    if (!apply_checkin (a, &g_array_index (self->checkins, CheckinRecord, i), i, error))
      return FALSE;

  for (guint i = 0; i < N_FEEDS; i++)
    if (!release_fts_feed (a, &a->fts_feeds[i], error))
      return FALSE;

  if (a->day_sums_held != NULL &&
      !_haven_day_sums_release (_haven_store_get_db (store), a->day_sums_held, error))
    return FALSE;

  return TRUE;
}

static void
apply_init (Apply       *a,
            HavenImport *self,
            gboolean     dry_run)
{
  memset (a, 0, sizeof *a);
  a->self = self;
  a->dry_run = dry_run;
  a->next_fake_id = -1;
  a->pain_point_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  a->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  a->entry_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  a->new_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  a->fts_feeds[FEED_ENTRY] = (FtsFeed) { "entry", "entry_fts", "entry_fts_insert" };
  a->fts_feeds[FEED_CHECKIN] = (FtsFeed) { "checkin", "checkin_fts", "checkin_fts_insert" };
}

gboolean
haven_import_preview (HavenImport        *self,
                      HavenStore         *store,
                      HavenImportCounts  *counts,
                      GError            **error)
{
  Apply a;
  gboolean ok;
  sqlite3 *db;

  g_return_val_if_fail (HAVEN_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (HAVEN_IS_STORE (store), FALSE);

  db = _haven_store_get_db (store);
  if (db == NULL)
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_FAILED,
                           _("The journal is closed."));
      return FALSE;
    }

  apply_init (&a, self, TRUE);

  /* One read transaction, so that the counts describe one moment of the journal. Inside an
   * import's own transaction, it reads what that transaction sees. */
  if (sqlite3_get_autocommit (db))
    {
      ok = _haven_exec (db, "BEGIN;", error) && apply_all (store, &a, error);
      sqlite3_exec (db, "COMMIT;", NULL, NULL, NULL);
    }
  else
    {
      ok = apply_all (store, &a, error);
    }

  if (ok && counts != NULL)
    *counts = a.counts;

  apply_clear (&a);

  return ok;
}

static gboolean
query_pragma (sqlite3    *db,
              const char *sql,
              gint64     *out)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *out = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  *out = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

gboolean
haven_import_run (HavenImport        *self,
                  HavenStore         *store,
                  HavenImportCounts  *counts,
                  GError            **error)
{
  Apply a;
  gboolean ok;
  sqlite3 *db;
  gint64 cache_size;
  gboolean restore_cache;

  g_return_val_if_fail (HAVEN_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (HAVEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  apply_init (&a, self, FALSE);

  /* An import touches far more pages than the connection keeps in memory (2 MB by default),
   * and a page pushed out in the middle of the transaction is written to the WAL and read
   * back later, when the rows it added are indexed for search. 256 MB keeps all of them for
   * the benchmark's 100,000 entries (a journal of 210 MB): 0.45 s less than 64 MB. The pages
   * are only taken as they are used, and the peak memory of that import stays where reading
   * the file puts it (600 MB either way). The connection's own setting comes back
   * afterwards. */
  db = _haven_store_get_db (store);
  restore_cache = db != NULL && query_pragma (db, "PRAGMA cache_size;", &cache_size);
  if (restore_cache)
    sqlite3_exec (db, "PRAGMA cache_size = -262144;", NULL, NULL, NULL);

  ok = haven_store_run_in_transaction (store, apply_all, &a, error);

  if (restore_cache)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT ";",
                                              cache_size);

      sqlite3_exec (db, sql, NULL, NULL, NULL);
    }

  if (ok && counts != NULL)
    *counts = a.counts;

  apply_clear (&a);

  /* Lists reload once instead of hearing of every record. */
  if (ok)
    haven_store_journal_changed (store);

  return ok;
}

/* Accessors -------------------------------------------------------------------------------- */

HavenImportFormat
haven_import_get_format (HavenImport *self)
{
  g_return_val_if_fail (HAVEN_IS_IMPORT (self), HAVEN_IMPORT_FORMAT_HAVEN);

  return self->format;
}

guint
haven_import_get_n_entries (HavenImport *self)
{
  g_return_val_if_fail (HAVEN_IS_IMPORT (self), 0);

  return self->entries->len;
}

guint
haven_import_get_n_checkins (HavenImport *self)
{
  g_return_val_if_fail (HAVEN_IS_IMPORT (self), 0);

  return self->checkins->len;
}

const char * const *
haven_import_get_mood_labels (HavenImport *self)
{
  g_return_val_if_fail (HAVEN_IS_IMPORT (self), NULL);

  return (const char * const *)self->mood_labels->pdata;
}

static int
find_label (HavenImport *self,
            const char  *label)
{
  for (guint i = 0; i + 1 < self->mood_labels->len; i++)
    if (g_str_equal (g_ptr_array_index (self->mood_labels, i), label))
      return (int)i;

  return -1;
}

gboolean
haven_import_mood_label_is_custom (HavenImport *self,
                                   const char  *label)
{
  g_return_val_if_fail (HAVEN_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  return daylio_default_mood (label) == 0;
}

int
haven_import_get_mood_for_label (HavenImport *self,
                                 const char  *label)
{
  int i;

  g_return_val_if_fail (HAVEN_IS_IMPORT (self), 0);
  g_return_val_if_fail (label != NULL, 0);

  i = find_label (self, label);

  return i >= 0 ? g_array_index (self->label_moods, int, i) : 0;
}

void
haven_import_set_mood_for_label (HavenImport *self,
                                 const char  *label,
                                 int          mood)
{
  int i;

  g_return_if_fail (HAVEN_IS_IMPORT (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (mood >= 1 && mood <= 5);

  i = find_label (self, label);
  if (i >= 0)
    g_array_index (self->label_moods, int, i) = mood;
}

guint
haven_import_get_n_activities (HavenImport *self)
{
  g_return_val_if_fail (HAVEN_IS_IMPORT (self), 0);

  return self->activities->len;
}

HavenImportActivities
haven_import_get_activities_as (HavenImport *self)
{
  g_return_val_if_fail (HAVEN_IS_IMPORT (self), HAVEN_IMPORT_ACTIVITIES_AS_TAGS);

  return self->activities_as;
}

void
haven_import_set_activities_as (HavenImport           *self,
                                HavenImportActivities  as)
{
  g_return_if_fail (HAVEN_IS_IMPORT (self));

  self->activities_as = as;
}

char *
haven_import_counts_describe (const HavenImportCounts *c)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (c != NULL, NULL);

  if (c->entries_new + c->entries_updated + c->entries_unchanged > 0)
    g_string_append_printf (text, _("Entries: %u new, %u updated, %u unchanged."),
                            c->entries_new, c->entries_updated, c->entries_unchanged);

  if (c->checkins_new + c->checkins_updated + c->checkins_unchanged > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Check-ins: %u new, %u updated, %u unchanged."),
                              c->checkins_new, c->checkins_updated, c->checkins_unchanged);
    }

  if (c->pain_points_new > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, _("New raw spots: %u."), c->pain_points_new);
    }

  if (c->tags_new > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, _("New tags: %u."), c->tags_new);
    }

  if (text->len == 0)
    g_string_append (text, _("The file holds no entries or check-ins."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Threads ---------------------------------------------------------------------------------- */

typedef struct
{
  char              *path;
  char              *journal_path;
  HavenImport       *import;
  HavenImportCounts  counts;
} ImportTask;

static void
import_task_free (ImportTask *data)
{
  g_free (data->path);
  g_free (data->journal_path);
  g_clear_object (&data->import);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ImportTask *data = task_data;
  g_autoptr(HavenStore) store = NULL;
  GError *error = NULL;

  data->import = haven_import_new_for_file (data->path, &error);
  if (data->import == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  store = haven_store_open (data->journal_path, HAVEN_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL || !haven_import_preview (data->import, store, &data->counts, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  haven_store_close (store);
  g_task_return_boolean (task, TRUE);
}

void
haven_import_load_async (const char          *path,
                         const char          *journal_path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTask *data;

  g_return_if_fail (path != NULL);
  g_return_if_fail (journal_path != NULL);

  data = g_new0 (ImportTask, 1);
  data->path = g_strdup (path);
  data->journal_path = g_strdup (journal_path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, haven_import_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify)import_task_free);
  g_task_run_in_thread (task, load_thread);
}

HavenImport *
haven_import_load_finish (GAsyncResult       *result,
                          HavenImportCounts  *preview,
                          GError            **error)
{
  GTask *task = G_TASK (result);
  ImportTask *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (task) == haven_import_load_async, NULL);

  if (!g_task_propagate_boolean (task, error))
    return NULL;

  data = g_task_get_task_data (task);
  if (preview != NULL)
    *preview = data->counts;

  return g_object_ref (data->import);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  ImportTask *data = task_data;
  g_autoptr(HavenStore) store = NULL;
  GError *error = NULL;

  store = haven_store_open (data->journal_path, HAVEN_STORE_OPEN_NONE, &error);
  if (store == NULL || !haven_import_run (data->import, store, &data->counts, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  haven_store_close (store);
  g_task_return_boolean (task, TRUE);
}

void
haven_import_run_async (HavenImport         *self,
                        const char          *journal_path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTask *data;

  g_return_if_fail (HAVEN_IS_IMPORT (self));
  g_return_if_fail (journal_path != NULL);

  data = g_new0 (ImportTask, 1);
  data->journal_path = g_strdup (journal_path);
  data->import = g_object_ref (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, haven_import_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify)import_task_free);
  g_task_run_in_thread (task, run_thread);
}

gboolean
haven_import_run_finish (HavenImport        *self,
                         GAsyncResult       *result,
                         HavenImportCounts  *counts,
                         GError            **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (task) == haven_import_run_async, FALSE);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;

  if (counts != NULL)
    *counts = ((ImportTask *)g_task_get_task_data (task))->counts;

  return TRUE;
}
