/* haven-pain-point.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "haven-pain-point.h"
#include "haven-store-private.h"

struct _HavenPainPoint
{
  GObject    parent_instance;

  gint64     id;
  char      *uuid;
  char      *name;
  HavenTime  created_at;
  HavenTime  last_used_at;
  guint      use_count;
};

G_DEFINE_FINAL_TYPE (HavenPainPoint, haven_pain_point, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_USE_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
haven_pain_point_finalize (GObject *object)
{
  HavenPainPoint *self = (HavenPainPoint *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (haven_pain_point_parent_class)->finalize (object);
}

static void
haven_pain_point_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HavenPainPoint *self = HAVEN_PAIN_POINT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_USE_COUNT:
      g_value_set_uint (value, self->use_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_pain_point_class_init (HavenPainPointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = haven_pain_point_finalize;
  object_class->get_property = haven_pain_point_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_USE_COUNT] = g_param_spec_uint ("use-count", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
haven_pain_point_init (HavenPainPoint *self)
{
}

HavenPainPoint *
_haven_pain_point_new (gint64      id,
                       const char *uuid,
                       const char *name,
                       HavenTime   created_at,
                       guint       use_count,
                       HavenTime   last_used_at)
{
  HavenPainPoint *self = g_object_new (HAVEN_TYPE_PAIN_POINT, NULL);

  self->id = id;
  self->uuid = g_strdup (uuid);
  self->name = g_strdup (name);
  self->created_at = created_at;
  self->use_count = use_count;
  self->last_used_at = last_used_at;

  return self;
}

gint64
haven_pain_point_get_id (HavenPainPoint *self)
{
  g_return_val_if_fail (HAVEN_IS_PAIN_POINT (self), 0);

  return self->id;
}

const char *
haven_pain_point_get_uuid (HavenPainPoint *self)
{
  g_return_val_if_fail (HAVEN_IS_PAIN_POINT (self), NULL);

  return self->uuid;
}

const char *
haven_pain_point_get_name (HavenPainPoint *self)
{
  g_return_val_if_fail (HAVEN_IS_PAIN_POINT (self), NULL);

  return self->name;
}

HavenTime
haven_pain_point_get_created_at (HavenPainPoint *self)
{
  g_return_val_if_fail (HAVEN_IS_PAIN_POINT (self), 0);

  return self->created_at;
}

guint
haven_pain_point_get_use_count (HavenPainPoint *self)
{
  g_return_val_if_fail (HAVEN_IS_PAIN_POINT (self), 0);

  return self->use_count;
}

HavenTime
haven_pain_point_get_last_used_at (HavenPainPoint *self)
{
  g_return_val_if_fail (HAVEN_IS_PAIN_POINT (self), 0);

  return self->last_used_at;
}

struct _HavenTag
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  char    *name;
};

G_DEFINE_FINAL_TYPE (HavenTag, haven_tag, G_TYPE_OBJECT)

static void
haven_tag_finalize (GObject *object)
{
  HavenTag *self = (HavenTag *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (haven_tag_parent_class)->finalize (object);
}

static void
haven_tag_class_init (HavenTagClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = haven_tag_finalize;
}

static void
haven_tag_init (HavenTag *self)
{
}

HavenTag *
_haven_tag_new (gint64      id,
                const char *uuid,
                const char *name)
{
  HavenTag *self = g_object_new (HAVEN_TYPE_TAG, NULL);

  self->id = id;
  self->uuid = g_strdup (uuid);
  self->name = g_strdup (name);

  return self;
}

gint64
haven_tag_get_id (HavenTag *self)
{
  g_return_val_if_fail (HAVEN_IS_TAG (self), 0);

  return self->id;
}

const char *
haven_tag_get_uuid (HavenTag *self)
{
  g_return_val_if_fail (HAVEN_IS_TAG (self), NULL);

  return self->uuid;
}

const char *
haven_tag_get_name (HavenTag *self)
{
  g_return_val_if_fail (HAVEN_IS_TAG (self), NULL);

  return self->name;
}
