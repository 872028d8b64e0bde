/* haven-entry.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "haven-entry.h"
#include "haven-store-private.h"

struct _HavenEntry
{
  GObject         parent_instance;

  gint64          id;
  char           *uuid;
  HavenEntryKind  kind;
  char           *flow_id;
  char           *flow_step;
  HavenTime       occurred_at;
  HavenTime       created_at;
  HavenTime       updated_at;
  HavenTime       deleted_at;
  char           *title;
  char           *body;
  GHashTable     *answers;          /* step id → GVariant */
  GArray         *pain_point_ids;   /* gint64 */
  GArray         *tag_ids;          /* gint64 */
  guint           is_draft : 1;
};

G_DEFINE_FINAL_TYPE (HavenEntry, haven_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_KIND,
  PROP_FLOW_ID,
  PROP_FLOW_STEP,
  PROP_OCCURRED_AT,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DELETED_AT,
  PROP_TITLE,
  PROP_BODY,
  PROP_IS_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
haven_entry_finalize (GObject *object)
{
  HavenEntry *self = (HavenEntry *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->flow_id, g_free);
  g_clear_pointer (&self->flow_step, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->pain_point_ids, g_array_unref);
  g_clear_pointer (&self->tag_ids, g_array_unref);

  G_OBJECT_CLASS (haven_entry_parent_class)->finalize (object);
}

static void
haven_entry_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HavenEntry *self = HAVEN_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_FLOW_ID:
      g_value_set_string (value, self->flow_id);
      break;
    case PROP_FLOW_STEP:
      g_value_set_string (value, self->flow_step);
      break;
    case PROP_OCCURRED_AT:
      g_value_set_int64 (value, self->occurred_at);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_DELETED_AT:
      g_value_set_int64 (value, self->deleted_at);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_IS_DRAFT:
      g_value_set_boolean (value, self->is_draft);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_entry_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HavenEntry *self = HAVEN_ENTRY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      haven_entry_set_kind (self, g_value_get_uint (value));
      break;
    case PROP_FLOW_ID:
      haven_entry_set_flow_id (self, g_value_get_string (value));
      break;
    case PROP_FLOW_STEP:
      haven_entry_set_flow_step (self, g_value_get_string (value));
      break;
    case PROP_OCCURRED_AT:
      haven_entry_set_occurred_at (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      haven_entry_set_title (self, g_value_get_string (value));
      break;
    case PROP_BODY:
      haven_entry_set_body (self, g_value_get_string (value));
      break;
    case PROP_IS_DRAFT:
      haven_entry_set_is_draft (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_entry_class_init (HavenEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = haven_entry_finalize;
  object_class->get_property = haven_entry_get_property;
  object_class->set_property = haven_entry_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, ro);
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, HAVEN_ENTRY_KIND_LAST, 0, rw);
  properties[PROP_FLOW_ID] = g_param_spec_string ("flow-id", NULL, NULL, NULL, rw);
  properties[PROP_FLOW_STEP] = g_param_spec_string ("flow-step", NULL, NULL, NULL, rw);
  properties[PROP_OCCURRED_AT] =
    g_param_spec_int64 ("occurred-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_DELETED_AT] =
    g_param_spec_int64 ("deleted-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, "", rw);
  properties[PROP_IS_DRAFT] = g_param_spec_boolean ("is-draft", NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
haven_entry_init (HavenEntry *self)
{
  self->title = g_strdup ("");
  self->body = g_strdup ("");
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify)g_variant_unref);
  self->pain_point_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->occurred_at = haven_time_now ();
}

HavenEntry *
haven_entry_new (HavenEntryKind kind)
{
  g_return_val_if_fail (kind <= HAVEN_ENTRY_KIND_LAST, NULL);

  return g_object_new (HAVEN_TYPE_ENTRY, "kind", kind, NULL);
}

/**
 * haven_entry_copy:
 *
 * Returns: (transfer full): a deep copy, identity included, so that a failed save of the
 * copy leaves the original untouched.
 */
HavenEntry *
haven_entry_copy (HavenEntry *self)
{
  HavenEntry *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (HAVEN_IS_ENTRY (self), NULL);

  copy = haven_entry_new (self->kind);
  copy->id = self->id;
  copy->uuid = g_strdup (self->uuid);
  copy->flow_id = g_strdup (self->flow_id);
  copy->flow_step = g_strdup (self->flow_step);
  copy->occurred_at = self->occurred_at;
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  copy->deleted_at = self->deleted_at;
  g_free (copy->title);
  copy->title = g_strdup (self->title);
  g_free (copy->body);
  copy->body = g_strdup (self->body);
  copy->is_draft = self->is_draft;

  g_hash_table_iter_init (&iter, self->answers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->answers, g_strdup (key), g_variant_ref (value));

  g_array_append_vals (copy->pain_point_ids, self->pain_point_ids->data,
                       self->pain_point_ids->len);
  g_array_append_vals (copy->tag_ids, self->tag_ids->data, self->tag_ids->len);

  return copy;
}

gint64
haven_entry_get_id (HavenEntry *self)
{
  g_return_val_if_fail (HAVEN_IS_ENTRY (self), 0);

  return self->id;
}

const char *
haven_entry_get_uuid (HavenEntry *self)
{
  g_return_val_if_fail (HAVEN_IS_ENTRY (self), NULL);

  return self->uuid;
}

HavenEntryKind
haven_entry_get_kind (HavenEntry *self)
{
  g_return_val_if_fail (HAVEN_IS_ENTRY (self), 0);

  return self->kind;
}

void
haven_entry_set_kind (HavenEntry     *self,
                      HavenEntryKind  kind)
{
  g_return_if_fail (HAVEN_IS_ENTRY (self));
  g_return_if_fail (kind <= HAVEN_ENTRY_KIND_LAST);

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

const char *
haven_entry_get_flow_id (HavenEntry *self)
{
  g_return_val_if_fail (HAVEN_IS_ENTRY (self), NULL);

  return self->flow_id;
}

void
haven_entry_set_flow_id (HavenEntry *self,
                         const char *flow_id)
{
  g_return_if_fail (HAVEN_IS_ENTRY (self));

  if (g_strcmp0 (self->flow_id, flow_id) != 0)
    {
      g_free (self->flow_id);
      self->flow_id = g_strdup (flow_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLOW_ID]);
    }
}

const char *
haven_entry_get_flow_step (HavenEntry *self)
{
  g_return_val_if_fail (HAVEN_IS_ENTRY (self), NULL);

  return self->flow_step;
}

void
haven_entry_set_flow_step (HavenEntry *self,
                           const char *step_id)
{
  g_return_if_fail (HAVEN_IS_ENTRY (self));

  if (g_strcmp0 (self->flow_step, step_id) != 0)
    {
      g_free (self->flow_step);
      self->flow_step = g_strdup (step_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLOW_STEP]);
    }
}

HavenTime
haven_entry_get_occurred_at (HavenEntry *self)
{
  g_return_val_if_fail (HAVEN_IS_ENTRY (self), 0);

  return self->occurred_at;
}

void
haven_entry_set_occurred_at (HavenEntry *self,
                             HavenTime   occurred_at)
{
  g_return_if_fail (HAVEN_IS_ENTRY (self));

  if (self->occurred_at != occurred_at)
    {
      self->occurred_at = occurred_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCURRED_AT]);
    }
}

HavenTime
haven_entry_get_created_at (HavenEntry *self)
{
  g_return_val_if_fail (HAVEN_IS_ENTRY (self), 0);

  return self->created_at;
}

HavenTime
haven_entry_get_updated_at (HavenEntry *self)
{
  g_return_val_if_fail (HAVEN_IS_ENTRY (self), 0);

  return self->updated_at;
}

HavenTime
haven_entry_get_deleted_at (HavenEntry *self)
{
  g_return_val_if_fail (HAVEN_IS_ENTRY (self), 0);

  return self->deleted_at;
}

const char *
haven_entry_get_title (HavenEntry *self)
{
  g_return_val_if_fail (HAVEN_IS_ENTRY (self), NULL);

  return self->title;
}

void
haven_entry_set_title (HavenEntry *self,
                       const char *title)
{
  g_return_if_fail (HAVEN_IS_ENTRY (self));

  if (title == NULL)
    title = "";

  if (g_strcmp0 (self->title, title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

const char *
haven_entry_get_body (HavenEntry *self)
{
  g_return_val_if_fail (HAVEN_IS_ENTRY (self), NULL);

  return self->body;
}

void
haven_entry_set_body (HavenEntry *self,
                      const char *body)
{
  g_return_if_fail (HAVEN_IS_ENTRY (self));

  if (body == NULL)
    body = "";

  if (g_strcmp0 (self->body, body) != 0)
    {
      g_free (self->body);
      self->body = g_strdup (body);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
    }
}

gboolean
haven_entry_get_is_draft (HavenEntry *self)
{
  g_return_val_if_fail (HAVEN_IS_ENTRY (self), FALSE);

  return self->is_draft;
}

void
haven_entry_set_is_draft (HavenEntry *self,
                          gboolean    is_draft)
{
  g_return_if_fail (HAVEN_IS_ENTRY (self));

  is_draft = !!is_draft;
  if (self->is_draft != is_draft)
    {
      self->is_draft = is_draft;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_DRAFT]);
    }
}

gboolean
haven_answer_value_is_valid (GVariant *value)
{
  return value != NULL &&
         (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) ||
          g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY) ||
          g_variant_is_of_type (value, G_VARIANT_TYPE_INT64));
}

/**
 * haven_entry_get_answer:
 *
 * Returns: (transfer none) (nullable): the answer to @step_id
 */
GVariant *
haven_entry_get_answer (HavenEntry *self,
                        const char *step_id)
{
  g_return_val_if_fail (HAVEN_IS_ENTRY (self), NULL);
  g_return_val_if_fail (step_id != NULL, NULL);

  return g_hash_table_lookup (self->answers, step_id);
}

/**
 * haven_entry_set_answer:
 * @value: (nullable): a floating or owned value, or %NULL to clear the answer
 */
void
haven_entry_set_answer (HavenEntry *self,
                        const char *step_id,
                        GVariant   *value)
{
  g_return_if_fail (HAVEN_IS_ENTRY (self));
  g_return_if_fail (step_id != NULL && *step_id != '\0');
  g_return_if_fail (value == NULL || haven_answer_value_is_valid (value));

  if (value == NULL)
    g_hash_table_remove (self->answers, step_id);
  else
    g_hash_table_insert (self->answers, g_strdup (step_id), g_variant_ref_sink (value));
}

/**
 * haven_entry_dup_answer_ids:
 *
 * Returns: (transfer full): the answered step ids, sorted
 */
GStrv
haven_entry_dup_answer_ids (HavenEntry *self)
{
  g_autofree const char **keys = NULL;
  guint n_keys;
  GStrv ids;

  g_return_val_if_fail (HAVEN_IS_ENTRY (self), NULL);

  keys = (const char **)g_hash_table_get_keys_as_array (self->answers, &n_keys);
  ids = g_new0 (char *, n_keys + 1);
  for (guint i = 0; i < n_keys; i++)
    ids[i] = g_strdup (keys[i]);
  qsort (ids, n_keys, sizeof (char *), _haven_compare_strings);

  return ids;
}

/**
 * haven_entry_dup_answers:
 *
 * Returns: (transfer full): all answers as an `a{sv}` dictionary, keys sorted
 */
GVariant *
haven_entry_dup_answers (HavenEntry *self)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_auto(GStrv) ids = NULL;

  g_return_val_if_fail (HAVEN_IS_ENTRY (self), NULL);

  ids = haven_entry_dup_answer_ids (self);
  for (guint i = 0; ids[i] != NULL; i++)
    g_variant_builder_add (&builder, "{sv}", ids[i], g_hash_table_lookup (self->answers, ids[i]));

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

gboolean
haven_entry_set_answers (HavenEntry  *self,
                         GVariant    *answers,
                         GError     **error)
{
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_return_val_if_fail (HAVEN_IS_ENTRY (self), FALSE);
  g_return_val_if_fail (answers != NULL, FALSE);

  if (!g_variant_is_of_type (answers, G_VARIANT_TYPE_VARDICT))
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_INVALID,
                           "answers must be a dictionary");
      return FALSE;
    }

  g_variant_iter_init (&iter, answers);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    {
      if (*key == '\0' || !haven_answer_value_is_valid (value))
        {
          g_set_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_INVALID,
                       "answer “%s” has an unsupported value", key);
          return FALSE;
        }
    }

  g_hash_table_remove_all (self->answers);
  g_variant_iter_init (&iter, answers);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    g_hash_table_insert (self->answers, g_strdup (key), g_variant_ref (value));

  return TRUE;
}

const gint64 *
haven_entry_get_pain_point_ids (HavenEntry *self,
                                guint      *n_ids)
{
  g_return_val_if_fail (HAVEN_IS_ENTRY (self), NULL);

  if (n_ids != NULL)
    *n_ids = self->pain_point_ids->len;

  return (const gint64 *)(gpointer)self->pain_point_ids->data;
}

void
haven_entry_set_pain_point_ids (HavenEntry   *self,
                                const gint64 *ids,
                                guint         n_ids)
{
  g_return_if_fail (HAVEN_IS_ENTRY (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  _haven_id_array_set (self->pain_point_ids, ids, n_ids);
}

const gint64 *
haven_entry_get_tag_ids (HavenEntry *self,
                         guint      *n_ids)
{
  g_return_val_if_fail (HAVEN_IS_ENTRY (self), NULL);

  if (n_ids != NULL)
    *n_ids = self->tag_ids->len;

  return (const gint64 *)(gpointer)self->tag_ids->data;
}

void
haven_entry_set_tag_ids (HavenEntry   *self,
                         const gint64 *ids,
                         guint         n_ids)
{
  g_return_if_fail (HAVEN_IS_ENTRY (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  _haven_id_array_set (self->tag_ids, ids, n_ids);
}

static char *
first_line (const char *text)
{
  const char *end;

  while (*text == '\n' || *text == ' ' || *text == '\t')
    text++;

  end = strchr (text, '\n');

  return g_strstrip (end ? g_strndup (text, end - text) : g_strdup (text));
}

char *
haven_entry_dup_display_title (HavenEntry *self)
{
  g_autofree char *line = NULL;
  g_auto(GStrv) ids = NULL;

  g_return_val_if_fail (HAVEN_IS_ENTRY (self), NULL);

  if (self->title[0] != '\0')
    return g_strdup (self->title);

  line = first_line (self->body);
  if (line[0] != '\0')
    return g_steal_pointer (&line);

  ids = haven_entry_dup_answer_ids (self);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      GVariant *value = g_hash_table_lookup (self->answers, ids[i]);

      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        {
          g_free (line);
          line = first_line (g_variant_get_string (value, NULL));
          if (line[0] != '\0')
            return g_steal_pointer (&line);
        }
    }

  return g_strdup ("");
}

void
_haven_entry_set_identity (HavenEntry *self,
                           gint64      id,
                           const char *uuid,
                           HavenTime   created_at,
                           HavenTime   updated_at)
{
  self->id = id;
  if (g_strcmp0 (self->uuid, uuid) != 0)
    {
      g_free (self->uuid);
      self->uuid = g_strdup (uuid);
    }
  self->created_at = created_at;
  self->updated_at = updated_at;
}

void
_haven_entry_set_deleted_at (HavenEntry *self,
                             HavenTime   deleted_at)
{
  self->deleted_at = deleted_at;
}
