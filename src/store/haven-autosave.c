/* haven-autosave.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing typed is lost: a change is on disk within two seconds, so a killed process loses
 * at most the last two seconds. When a save fails (disk full, read-only, locked) the entry
 * keeps its text, the state says FAILED with the reason, and the save is tried again every
 * few seconds until it lands.
 */
#include "config.h"

#include "haven-autosave.h"

#define DEFAULT_IDLE_MS  800
#define DEFAULT_MAX_MS   2000
#define DEFAULT_RETRY_MS 5000

struct _HavenAutosave
{
  GObject             parent_instance;

  HavenStore         *store;
  HavenEntry         *entry;
  GError             *error;
  gint64              first_unsaved_us;
  guint               timeout_id;
  guint               idle_ms;
  guint               max_ms;
  guint               retry_ms;
  HavenAutosaveState  state;
};

G_DEFINE_FINAL_TYPE (HavenAutosave, haven_autosave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_state (HavenAutosave      *self,
           HavenAutosaveState  state)
{
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

static gboolean save_timeout_cb (gpointer data);

static void
schedule (HavenAutosave *self,
          guint          delay_ms)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (delay_ms, save_timeout_cb, self);
}

static gboolean
save_now (HavenAutosave  *self,
          GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (!haven_store_save_entry (self->store, self->entry, &local_error))
    {
      g_debug ("Autosave of entry %" G_GINT64_FORMAT " failed (error %d); retrying",
               haven_entry_get_id (self->entry), local_error->code);
      g_clear_error (&self->error);
      self->error = g_error_copy (local_error);
      set_state (self, HAVEN_AUTOSAVE_FAILED);
      schedule (self, self->retry_ms);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->first_unsaved_us = 0;
  g_clear_error (&self->error);
  set_state (self, HAVEN_AUTOSAVE_SAVED);
  g_signal_emit (self, signals[SAVED], 0);

  return TRUE;
}

static gboolean
save_timeout_cb (gpointer data)
{
  HavenAutosave *self = data;

  self->timeout_id = 0;
  save_now (self, NULL);

  return G_SOURCE_REMOVE;
}

static void
haven_autosave_dispose (GObject *object)
{
  HavenAutosave *self = (HavenAutosave *)object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->entry);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (haven_autosave_parent_class)->dispose (object);
}

static void
haven_autosave_finalize (GObject *object)
{
  HavenAutosave *self = (HavenAutosave *)object;

  g_clear_error (&self->error);

  G_OBJECT_CLASS (haven_autosave_parent_class)->finalize (object);
}

static void
haven_autosave_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HavenAutosave *self = HAVEN_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_autosave_class_init (HavenAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = haven_autosave_dispose;
  object_class->finalize = haven_autosave_finalize;
  object_class->get_property = haven_autosave_get_property;

  properties[PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL, 0, HAVEN_AUTOSAVE_FAILED, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
haven_autosave_init (HavenAutosave *self)
{
  self->idle_ms = DEFAULT_IDLE_MS;
  self->max_ms = DEFAULT_MAX_MS;
  self->retry_ms = DEFAULT_RETRY_MS;
}

HavenAutosave *
haven_autosave_new (HavenStore *store,
                    HavenEntry *entry)
{
  HavenAutosave *self;

  g_return_val_if_fail (HAVEN_IS_STORE (store), NULL);
  g_return_val_if_fail (HAVEN_IS_ENTRY (entry), NULL);

  self = g_object_new (HAVEN_TYPE_AUTOSAVE, NULL);
  self->store = g_object_ref (store);
  self->entry = g_object_ref (entry);

  return self;
}

HavenEntry *
haven_autosave_get_entry (HavenAutosave *self)
{
  g_return_val_if_fail (HAVEN_IS_AUTOSAVE (self), NULL);

  return self->entry;
}

void
haven_autosave_changed (HavenAutosave *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 deadline_us;
  gint64 delay_ms;

  g_return_if_fail (HAVEN_IS_AUTOSAVE (self));

  if (self->first_unsaved_us == 0)
    self->first_unsaved_us = now;

  deadline_us = self->first_unsaved_us + (gint64)self->max_ms * 1000;
  delay_ms = MIN ((gint64)self->idle_ms, (deadline_us - now) / 1000);

  if (self->state != HAVEN_AUTOSAVE_FAILED)
    set_state (self, HAVEN_AUTOSAVE_PENDING);

  schedule (self, (guint)MAX (delay_ms, 0));
}

gboolean
haven_autosave_flush (HavenAutosave  *self,
                      GError        **error)
{
  g_return_val_if_fail (HAVEN_IS_AUTOSAVE (self), FALSE);

  if (self->state == HAVEN_AUTOSAVE_SAVED && self->timeout_id == 0)
    return TRUE;

  return save_now (self, error);
}

HavenAutosaveState
haven_autosave_get_state (HavenAutosave *self)
{
  g_return_val_if_fail (HAVEN_IS_AUTOSAVE (self), HAVEN_AUTOSAVE_SAVED);

  return self->state;
}

const GError *
haven_autosave_get_error (HavenAutosave *self)
{
  g_return_val_if_fail (HAVEN_IS_AUTOSAVE (self), NULL);

  return self->state == HAVEN_AUTOSAVE_FAILED ? self->error : NULL;
}

void
haven_autosave_set_delays (HavenAutosave *self,
                           guint          idle_ms,
                           guint          max_ms,
                           guint          retry_ms)
{
  g_return_if_fail (HAVEN_IS_AUTOSAVE (self));

  self->idle_ms = idle_ms;
  self->max_ms = max_ms;
  self->retry_ms = retry_ms;
}
