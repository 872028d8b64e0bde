/* haven-checkin.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "haven-checkin.h"
#include "haven-store-private.h"

struct _HavenCheckin
{
  GObject        parent_instance;

  gint64         id;
  char          *uuid;
  HavenTime      at;
  HavenTime      created_at;
  HavenTime      updated_at;
  HavenTime      deleted_at;
  int            mood;
  int            intensity_before;
  int            intensity_after;
  HavenReaction  reaction;
  char          *note;
  gint64         entry_id;
  GStrv          emotions;
  GStrv          body_signals;
  GStrv          regulation;
  GArray        *pain_point_ids;
  GArray        *tag_ids;
};

G_DEFINE_FINAL_TYPE (HavenCheckin, haven_checkin, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_AT,
  PROP_MOOD,
  PROP_INTENSITY_BEFORE,
  PROP_INTENSITY_AFTER,
  PROP_REACTION,
  PROP_NOTE,
  PROP_ENTRY_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
haven_checkin_finalize (GObject *object)
{
  HavenCheckin *self = (HavenCheckin *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->emotions, g_strfreev);
  g_clear_pointer (&self->body_signals, g_strfreev);
  g_clear_pointer (&self->regulation, g_strfreev);
  g_clear_pointer (&self->pain_point_ids, g_array_unref);
  g_clear_pointer (&self->tag_ids, g_array_unref);

  G_OBJECT_CLASS (haven_checkin_parent_class)->finalize (object);
}

static void
haven_checkin_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HavenCheckin *self = HAVEN_CHECKIN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_AT:
      g_value_set_int64 (value, self->at);
      break;
    case PROP_MOOD:
      g_value_set_int (value, self->mood);
      break;
    case PROP_INTENSITY_BEFORE:
      g_value_set_int (value, self->intensity_before);
      break;
    case PROP_INTENSITY_AFTER:
      g_value_set_int (value, self->intensity_after);
      break;
    case PROP_REACTION:
      g_value_set_uint (value, self->reaction);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_ENTRY_ID:
      g_value_set_int64 (value, self->entry_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_checkin_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HavenCheckin *self = HAVEN_CHECKIN (object);

  switch (prop_id)
    {
    case PROP_AT:
      haven_checkin_set_at (self, g_value_get_int64 (value));
      break;
    case PROP_MOOD:
      haven_checkin_set_mood (self, g_value_get_int (value));
      break;
    case PROP_INTENSITY_BEFORE:
      haven_checkin_set_intensity_before (self, g_value_get_int (value));
      break;
    case PROP_INTENSITY_AFTER:
      haven_checkin_set_intensity_after (self, g_value_get_int (value));
      break;
    case PROP_REACTION:
      haven_checkin_set_reaction (self, g_value_get_uint (value));
      break;
    case PROP_NOTE:
      haven_checkin_set_note (self, g_value_get_string (value));
      break;
    case PROP_ENTRY_ID:
      haven_checkin_set_entry_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_checkin_class_init (HavenCheckinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = haven_checkin_finalize;
  object_class->get_property = haven_checkin_get_property;
  object_class->set_property = haven_checkin_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, ro);
  properties[PROP_AT] = g_param_spec_int64 ("at", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_MOOD] = g_param_spec_int ("mood", NULL, NULL, 1, 5, 3, rw);
  properties[PROP_INTENSITY_BEFORE] =
    g_param_spec_int ("intensity-before", NULL, NULL, -1, 10, -1, rw);
  properties[PROP_INTENSITY_AFTER] =
    g_param_spec_int ("intensity-after", NULL, NULL, -1, 10, -1, rw);
  properties[PROP_REACTION] =
    g_param_spec_uint ("reaction", NULL, NULL, 0, HAVEN_REACTION_LAST, 0, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", rw);
  properties[PROP_ENTRY_ID] = g_param_spec_int64 ("entry-id", NULL, NULL, 0, G_MAXINT64, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
haven_checkin_init (HavenCheckin *self)
{
  self->mood = 3;
  self->intensity_before = HAVEN_INTENSITY_UNSET;
  self->intensity_after = HAVEN_INTENSITY_UNSET;
  self->note = g_strdup ("");
  self->emotions = g_new0 (char *, 1);
  self->body_signals = g_new0 (char *, 1);
  self->regulation = g_new0 (char *, 1);
  self->pain_point_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->at = haven_time_now ();
}

HavenCheckin *
haven_checkin_new (int mood)
{
  g_return_val_if_fail (mood >= 1 && mood <= 5, NULL);

  return g_object_new (HAVEN_TYPE_CHECKIN, "mood", mood, NULL);
}

HavenCheckin *
haven_checkin_copy (HavenCheckin *self)
{
  HavenCheckin *copy;

  g_return_val_if_fail (HAVEN_IS_CHECKIN (self), NULL);

  copy = haven_checkin_new (self->mood);
  copy->id = self->id;
  copy->uuid = g_strdup (self->uuid);
  copy->at = self->at;
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  copy->deleted_at = self->deleted_at;
  copy->intensity_before = self->intensity_before;
  copy->intensity_after = self->intensity_after;
  copy->reaction = self->reaction;
  g_free (copy->note);
  copy->note = g_strdup (self->note);
  copy->entry_id = self->entry_id;
  haven_checkin_set_emotions (copy, (const char * const *)self->emotions);
  haven_checkin_set_body_signals (copy, (const char * const *)self->body_signals);
  haven_checkin_set_regulation (copy, (const char * const *)self->regulation);
  g_array_append_vals (copy->pain_point_ids, self->pain_point_ids->data,
                       self->pain_point_ids->len);
  g_array_append_vals (copy->tag_ids, self->tag_ids->data, self->tag_ids->len);

  return copy;
}

gint64
haven_checkin_get_id (HavenCheckin *self)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN (self), 0);

  return self->id;
}

const char *
haven_checkin_get_uuid (HavenCheckin *self)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN (self), NULL);

  return self->uuid;
}

HavenTime
haven_checkin_get_at (HavenCheckin *self)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN (self), 0);

  return self->at;
}

void
haven_checkin_set_at (HavenCheckin *self,
                      HavenTime     at)
{
  g_return_if_fail (HAVEN_IS_CHECKIN (self));

  if (self->at != at)
    {
      self->at = at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT]);
    }
}

HavenTime
haven_checkin_get_created_at (HavenCheckin *self)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN (self), 0);

  return self->created_at;
}

HavenTime
haven_checkin_get_updated_at (HavenCheckin *self)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN (self), 0);

  return self->updated_at;
}

HavenTime
haven_checkin_get_deleted_at (HavenCheckin *self)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN (self), 0);

  return self->deleted_at;
}

int
haven_checkin_get_mood (HavenCheckin *self)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN (self), 0);

  return self->mood;
}

void
haven_checkin_set_mood (HavenCheckin *self,
                        int           mood)
{
  g_return_if_fail (HAVEN_IS_CHECKIN (self));
  g_return_if_fail (mood >= 1 && mood <= 5);

  if (self->mood != mood)
    {
      self->mood = mood;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOOD]);
    }
}

int
haven_checkin_get_intensity_before (HavenCheckin *self)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN (self), HAVEN_INTENSITY_UNSET);

  return self->intensity_before;
}

void
haven_checkin_set_intensity_before (HavenCheckin *self,
                                    int           intensity)
{
  g_return_if_fail (HAVEN_IS_CHECKIN (self));
  g_return_if_fail (intensity >= HAVEN_INTENSITY_UNSET && intensity <= 10);

  if (self->intensity_before != intensity)
    {
      self->intensity_before = intensity;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTENSITY_BEFORE]);
    }
}

int
haven_checkin_get_intensity_after (HavenCheckin *self)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN (self), HAVEN_INTENSITY_UNSET);

  return self->intensity_after;
}

void
haven_checkin_set_intensity_after (HavenCheckin *self,
                                   int           intensity)
{
  g_return_if_fail (HAVEN_IS_CHECKIN (self));
  g_return_if_fail (intensity >= HAVEN_INTENSITY_UNSET && intensity <= 10);

  if (self->intensity_after != intensity)
    {
      self->intensity_after = intensity;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTENSITY_AFTER]);
    }
}

HavenReaction
haven_checkin_get_reaction (HavenCheckin *self)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN (self), HAVEN_REACTION_NONE);

  return self->reaction;
}

void
haven_checkin_set_reaction (HavenCheckin  *self,
                            HavenReaction  reaction)
{
  g_return_if_fail (HAVEN_IS_CHECKIN (self));
  g_return_if_fail (reaction <= HAVEN_REACTION_LAST);

  if (self->reaction != reaction)
    {
      self->reaction = reaction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REACTION]);
    }
}

const char *
haven_checkin_get_note (HavenCheckin *self)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN (self), NULL);

  return self->note;
}

void
haven_checkin_set_note (HavenCheckin *self,
                        const char   *note)
{
  g_return_if_fail (HAVEN_IS_CHECKIN (self));

  if (note == NULL)
    note = "";

  if (g_strcmp0 (self->note, note) != 0)
    {
      g_free (self->note);
      self->note = g_strdup (note);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
    }
}

gint64
haven_checkin_get_entry_id (HavenCheckin *self)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN (self), 0);

  return self->entry_id;
}

void
haven_checkin_set_entry_id (HavenCheckin *self,
                            gint64        entry_id)
{
  g_return_if_fail (HAVEN_IS_CHECKIN (self));
  g_return_if_fail (entry_id >= 0);

  if (self->entry_id != entry_id)
    {
      self->entry_id = entry_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY_ID]);
    }
}

const char * const *
haven_checkin_get_emotions (HavenCheckin *self)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN (self), NULL);

  return (const char * const *)self->emotions;
}

void
haven_checkin_set_emotions (HavenCheckin       *self,
                            const char * const *emotions)
{
  g_return_if_fail (HAVEN_IS_CHECKIN (self));

  _haven_strv_set_unique (&self->emotions, emotions);
}

const char * const *
haven_checkin_get_body_signals (HavenCheckin *self)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN (self), NULL);

  return (const char * const *)self->body_signals;
}

void
haven_checkin_set_body_signals (HavenCheckin       *self,
                                const char * const *signals)
{
  g_return_if_fail (HAVEN_IS_CHECKIN (self));

  _haven_strv_set_unique (&self->body_signals, signals);
}

const char * const *
haven_checkin_get_regulation (HavenCheckin *self)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN (self), NULL);

  return (const char * const *)self->regulation;
}

void
haven_checkin_set_regulation (HavenCheckin       *self,
                              const char * const *strategies)
{
  g_return_if_fail (HAVEN_IS_CHECKIN (self));

  _haven_strv_set_unique (&self->regulation, strategies);
}

const gint64 *
haven_checkin_get_pain_point_ids (HavenCheckin *self,
                                  guint        *n_ids)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN (self), NULL);

  if (n_ids != NULL)
    *n_ids = self->pain_point_ids->len;

  return (const gint64 *)(gpointer)self->pain_point_ids->data;
}

void
haven_checkin_set_pain_point_ids (HavenCheckin *self,
                                  const gint64 *ids,
                                  guint         n_ids)
{
  g_return_if_fail (HAVEN_IS_CHECKIN (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  _haven_id_array_set (self->pain_point_ids, ids, n_ids);
}

const gint64 *
haven_checkin_get_tag_ids (HavenCheckin *self,
                           guint        *n_ids)
{
  g_return_val_if_fail (HAVEN_IS_CHECKIN (self), NULL);

  if (n_ids != NULL)
    *n_ids = self->tag_ids->len;

  return (const gint64 *)(gpointer)self->tag_ids->data;
}

void
haven_checkin_set_tag_ids (HavenCheckin *self,
                           const gint64 *ids,
                           guint         n_ids)
{
  g_return_if_fail (HAVEN_IS_CHECKIN (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  _haven_id_array_set (self->tag_ids, ids, n_ids);
}

void
_haven_checkin_set_identity (HavenCheckin *self,
                             gint64        id,
                             const char   *uuid,
                             HavenTime     created_at,
                             HavenTime     updated_at)
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
_haven_checkin_set_deleted_at (HavenCheckin *self,
                               HavenTime     deleted_at)
{
  self->deleted_at = deleted_at;
}
