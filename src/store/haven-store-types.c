/* haven-store-types.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "haven-store-types.h"

static const char * const entry_kinds[] = {
  [HAVEN_ENTRY_KIND_FREE] = "free",
  [HAVEN_ENTRY_KIND_CONFLICT] = "conflict",
  [HAVEN_ENTRY_KIND_BOUNDARY] = "boundary",
  [HAVEN_ENTRY_KIND_REGULATION] = "regulation",
  [HAVEN_ENTRY_KIND_REFLECTION] = "reflection",
};

static const char * const reactions[] = {
  [HAVEN_REACTION_NONE] = NULL,
  [HAVEN_REACTION_PURSUE] = "pursue",
  [HAVEN_REACTION_WITHDRAW] = "withdraw",
  [HAVEN_REACTION_FREEZE] = "freeze",
  [HAVEN_REACTION_APPEASE] = "appease",
  [HAVEN_REACTION_REACH_OUT] = "reach-out",
  [HAVEN_REACTION_PAUSE] = "pause",
};

const char *
haven_entry_kind_to_string (HavenEntryKind kind)
{
  g_return_val_if_fail (kind <= HAVEN_ENTRY_KIND_LAST, "free");

  return entry_kinds[kind];
}

gboolean
haven_entry_kind_from_string (const char     *str,
                              HavenEntryKind *kind)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (entry_kinds); i++)
    {
      if (g_str_equal (str, entry_kinds[i]))
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
haven_reaction_to_string (HavenReaction reaction)
{
  g_return_val_if_fail (reaction <= HAVEN_REACTION_LAST, NULL);

  return reactions[reaction];
}

gboolean
haven_reaction_from_string (const char    *str,
                            HavenReaction *reaction)
{
  if (str == NULL || *str == '\0')
    {
      *reaction = HAVEN_REACTION_NONE;
      return TRUE;
    }

  for (guint i = 1; i < G_N_ELEMENTS (reactions); i++)
    {
      if (g_str_equal (str, reactions[i]))
        {
          *reaction = i;
          return TRUE;
        }
    }

  return FALSE;
}

HavenTime
haven_time_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}
