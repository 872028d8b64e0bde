/* haven-ui-util.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-ui-util.h"

static int
local_day_number (GDateTime *dt)
{
  return g_date_time_get_year (dt) * 400 + g_date_time_get_day_of_year (dt);
}

gboolean
haven_same_local_day (HavenTime a,
                      HavenTime b)
{
  g_autoptr(GDateTime) da = g_date_time_new_from_unix_local (a);
  g_autoptr(GDateTime) db = g_date_time_new_from_unix_local (b);

  if (da == NULL || db == NULL)
    return FALSE;

  return local_day_number (da) == local_day_number (db);
}

char *
haven_format_day (HavenTime at,
                  HavenTime now)
{
  g_autoptr(GDateTime) day = g_date_time_new_from_unix_local (at);
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) yesterday = NULL;

  if (day == NULL || today == NULL)
    return g_strdup ("");

  yesterday = g_date_time_add_days (today, -1);

  if (local_day_number (day) == local_day_number (today))
    return g_strdup (_("Today"));
  if (local_day_number (day) == local_day_number (yesterday))
    return g_strdup (_("Yesterday"));

  if (g_date_time_get_year (day) == g_date_time_get_year (today))
    /* Translators: a day in the journal list, e.g. "Monday 23 November"; see strftime(3) */
    return g_date_time_format (day, _("%A %-d %B"));

  /* Translators: a day in an earlier year, e.g. "Monday 23 November 2025"; see strftime(3) */
  return g_date_time_format (day, _("%A %-d %B %Y"));
}

char *
haven_format_time (HavenTime at)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (at);

  if (dt == NULL)
    return g_strdup ("");

  /* Translators: a time of day; see strftime(3) */
  return g_date_time_format (dt, _("%H:%M"));
}

char *
haven_format_date_time (HavenTime at)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (at);

  if (dt == NULL)
    return g_strdup ("");

  /* Translators: a date and time, e.g. "23 November 2025, 21:40"; see strftime(3) */
  return g_date_time_format (dt, _("%-d %B %Y, %H:%M"));
}

char *
haven_snippet_to_markup (const char *snippet)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *folded = NULL;
  const char *p;
  gboolean open = FALSE;

  if (snippet == NULL)
    return NULL;

  /* A snippet can span paragraphs; in a two-line row it reads as one line. */
  folded = g_strdup (snippet);
  {
    char *out = folded;

    for (const char *q = snippet; *q != '\0'; q++)
      {
        char c = (*q == '\n' || *q == '\r' || *q == '\t') ? ' ' : *q;

        if (c == ' ' && out > folded && out[-1] == ' ')
          continue;
        *out++ = c;
      }
    *out = '\0';
  }
  p = folded;

  while (*p != '\0')
    {
      const char *mark = strpbrk (p, "\x02\x03");
      g_autofree char *escaped = NULL;

      escaped = g_markup_escape_text (p, mark ? mark - p : -1);
      g_string_append (markup, escaped);

      if (mark == NULL)
        break;

      /* Markers that do not pair up (a cut-off snippet) must not break the markup. */
      if (*mark == '\x02' && !open)
        g_string_append (markup, "<b>");
      else if (*mark == '\x03' && open)
        g_string_append (markup, "</b>");
      open = *mark == '\x02' ? TRUE : *mark == '\x03' ? FALSE : open;
      p = mark + 1;
    }

  if (open)
    g_string_append (markup, "</b>");

  return g_string_free (g_steal_pointer (&markup), FALSE);
}
