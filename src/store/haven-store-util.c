/* haven-store-util.c: conversions between records and their stored form
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "haven-store-private.h"

int
_haven_compare_strings (gconstpointer a,
                        gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* Sets are kept sorted and without repeats, so that equal sets store equal text. */
void
_haven_strv_set_unique (GStrv              *dest,
                        const char * const *src)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  for (guint i = 0; src != NULL && src[i] != NULL; i++)
    {
      if (src[i][0] != '\0')
        g_ptr_array_add (items, g_strdup (src[i]));
    }

  g_ptr_array_sort (items, _haven_compare_strings);

  for (guint i = 1; i < items->len;)
    {
      if (g_str_equal (g_ptr_array_index (items, i - 1), g_ptr_array_index (items, i)))
        g_free (g_ptr_array_steal_index (items, i));
      else
        i++;
    }

  g_ptr_array_add (items, NULL);
  g_strfreev (*dest);
  *dest = (GStrv)g_ptr_array_steal (items, NULL);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

void
_haven_id_array_set (GArray       *array,
                     const gint64 *ids,
                     guint         n_ids)
{
  g_array_set_size (array, 0);
  g_array_append_vals (array, ids, n_ids);
  g_array_sort (array, compare_ids);

  for (guint i = 1; i < array->len;)
    {
      if (g_array_index (array, gint64, i - 1) == g_array_index (array, gint64, i))
        g_array_remove_index (array, i);
      else
        i++;
    }
}

/* json-glib 1.6 escapes every control character inside a string but U+001F (an off-by-one).
 * Unescaped, it is not JSON, and SQLite's json functions (the triggers that keep the charts'
 * sums) refuse it; in the generator's output it can only be inside a string. */
static char *
escape_unit_separators (char *json)
{
  GString *escaped;

  if (strchr (json, '\x1f') == NULL)
    return json;

  escaped = g_string_new (json);
  g_free (json);
  g_string_replace (escaped, "\x1f", "\\u001f", 0);

  return g_string_free (escaped, FALSE);
}

char *
_haven_strv_to_json (const char * const *strv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);

  return escape_unit_separators (json_to_string (root, FALSE));
}

GStrv
_haven_strv_from_json (const char  *json,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array;

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_CORRUPT,
                           "a stored set is not a list");
      return NULL;
    }

  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_CORRUPT,
                               "a stored set holds something other than text");
          return NULL;
        }
      g_ptr_array_add (items, g_strdup (json_node_get_string (node)));
    }

  g_ptr_array_add (items, NULL);

  return (GStrv)g_ptr_array_steal (items, NULL);
}

/* Answers are stored as a JSON object: strings, arrays of strings and integers only. */
char *
_haven_answers_to_json (GVariant *answers)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  json_builder_begin_object (builder);
  g_variant_iter_init (&iter, answers);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    {
      json_builder_set_member_name (builder, key);

      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        {
          json_builder_add_string_value (builder, g_variant_get_string (value, NULL));
        }
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        {
          json_builder_add_int_value (builder, g_variant_get_int64 (value));
        }
      else
        {
          g_autofree const char **strv = g_variant_get_strv (value, NULL);

          json_builder_begin_array (builder);
          for (guint i = 0; strv[i] != NULL; i++)
            json_builder_add_string_value (builder, strv[i]);
          json_builder_end_array (builder);
        }
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return escape_unit_separators (json_to_string (root, FALSE));
}

GVariant *
_haven_answers_from_json (const char  *json,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_CORRUPT,
                           "stored answers are not an object");
      return NULL;
    }

  object = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (object);
  members = g_list_sort (members, (GCompareFunc)g_strcmp0);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *node = json_object_get_member (object, key);
      GVariant *value = NULL;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          value = g_variant_new_string (json_node_get_string (node));
        }
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
        {
          value = g_variant_new_int64 (json_node_get_int (node));
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          g_auto(GVariantBuilder) strv = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_STRING_ARRAY);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *element = json_array_get_element (array, i);

              if (!JSON_NODE_HOLDS_VALUE (element) ||
                  json_node_get_value_type (element) != G_TYPE_STRING)
                {
                  g_set_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_CORRUPT,
                               "answer “%s” holds an unsupported list", key);
                  return NULL;
                }
              g_variant_builder_add (&strv, "s", json_node_get_string (element));
            }
          value = g_variant_builder_end (&strv);
        }
      else
        {
          g_set_error (error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_CORRUPT,
                       "answer “%s” has an unsupported value", key);
          return NULL;
        }

      g_variant_builder_add (&builder, "{sv}", key, value);
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/* The written answers, one per paragraph, for the full-text index. Choices are ids, not
 * words the person wrote, so they stay out of it. */
char *
_haven_answers_to_text (GVariant *answers)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_variant_iter_init (&iter, answers);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    {
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        {
          const char *str = g_variant_get_string (value, NULL);

          if (*str == '\0')
            continue;
          if (text->len > 0)
            g_string_append (text, "\n\n");
          g_string_append (text, str);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Instants in files ------------------------------------------------------------------------ */

/* RFC 3339 in UTC with whole seconds: "2026-03-01T21:30:00Z". */
void
_haven_time_to_rfc3339 (HavenTime  time,
                        char       buf[HAVEN_RFC3339_LEN])
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (time);

  if (dt == NULL)
    {
      /* Outside what GDateTime holds (years 1–9999): the journal never stores such a time,
       * but a damaged one might. */
      g_strlcpy (buf, "0001-01-01T00:00:00Z", HAVEN_RFC3339_LEN);
      return;
    }

  g_snprintf (buf, HAVEN_RFC3339_LEN, "%04d-%02d-%02dT%02d:%02d:%02dZ",
              g_date_time_get_year (dt), g_date_time_get_month (dt),
              g_date_time_get_day_of_month (dt), g_date_time_get_hour (dt),
              g_date_time_get_minute (dt), g_date_time_get_second (dt));
}

static gboolean
read_digits (const char **p,
             guint        n,
             int         *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }

  *p += n;
  *out = value;

  return TRUE;
}

/* Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's
 * days_from_civil). */
static gint64
days_from_civil (gint64 year,
                 int    month,
                 int    day)
{
  gint64 era, year_of_era, day_of_year, day_of_era;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  year_of_era = year - era * 400;
  day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  return era * 146097 + day_of_era - 719468;
}

/* Reads "YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)". A year of more than four digits is read as
 * far as it goes, so that the caller can say which year was asked for. */
HavenTimeParse
_haven_time_from_rfc3339 (const char *text,
                          HavenTime  *out,
                          gint64     *year_out)
{
  const char *p = text;
  int year, month, day, hour, minute, second, tz_hour = 0, tz_minute = 0;
  int n_year_digits = 0;
  gint64 long_year = 0;
  int offset;
  char sign = 0;

  while (g_ascii_isdigit (p[n_year_digits]) && n_year_digits < 18)
    {
      long_year = long_year * 10 + (p[n_year_digits] - '0');
      n_year_digits++;
    }

  if (year_out != NULL)
    *year_out = long_year;

  if (n_year_digits > 4 && p[n_year_digits] == '-')
    return HAVEN_TIME_OUT_OF_RANGE;
  if (n_year_digits != 4)
    return HAVEN_TIME_INVALID;

  if (!read_digits (&p, 4, &year) || *p++ != '-' ||
      !read_digits (&p, 2, &month) || *p++ != '-' ||
      !read_digits (&p, 2, &day) || (*p != 'T' && *p != 't' && *p != ' ') || !*p++ ||
      !read_digits (&p, 2, &hour) || *p++ != ':' ||
      !read_digits (&p, 2, &minute) || *p++ != ':' ||
      !read_digits (&p, 2, &second))
    return HAVEN_TIME_INVALID;

  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return HAVEN_TIME_INVALID;
      while (g_ascii_isdigit (*p))
        p++;
    }

  if (*p == 'Z' || *p == 'z')
    {
      p++;
    }
  else if (*p == '+' || *p == '-')
    {
      sign = *p++;
      if (!read_digits (&p, 2, &tz_hour) || *p++ != ':' || !read_digits (&p, 2, &tz_minute) ||
          tz_hour > 23 || tz_minute > 59)
        return HAVEN_TIME_INVALID;
    }
  else
    {
      return HAVEN_TIME_INVALID;
    }

  if (*p != '\0')
    return HAVEN_TIME_INVALID;

  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 ||
      second > 60)
    return HAVEN_TIME_INVALID;

  /* A journal is about a life: nothing before 1900 or after 2200 is a real moment in it. */
  if (year < HAVEN_YEAR_MIN || year > HAVEN_YEAR_MAX)
    return HAVEN_TIME_OUT_OF_RANGE;

  if (day > g_date_get_days_in_month (month, year))
    return HAVEN_TIME_INVALID;

  /* Computed, not through a GTimeZone and a GDateTime: an import reads hundreds of thousands
   * of these. A leap second counts as the second before it, as GDateTime has it. */
  offset = (sign == '-' ? -1 : 1) * (tz_hour * 3600 + tz_minute * 60);
  *out = days_from_civil (year, month, day) * 86400 + hour * 3600 + minute * 60 +
         MIN (second, 59) - offset;

  return HAVEN_TIME_OK;
}

/* Without TZ in the environment (the usual desktop), GLib 2.74 reads /etc/localtime again
 * for every g_time_zone_new_local(): 5 µs, a second for an import of 200,000 records. The
 * zone is looked up again at most once a second, so a change of time zone still shows. */
static GTimeZone *
local_zone (void)
{
  static GMutex lock;
  static GTimeZone *zone;
  static gint64 looked_up_at;
  gint64 now = g_get_monotonic_time ();
  GTimeZone *result;

  g_mutex_lock (&lock);
  if (zone == NULL || now - looked_up_at > G_USEC_PER_SEC)
    {
      g_clear_pointer (&zone, g_time_zone_unref);
      zone = g_time_zone_new_local ();
      looked_up_at = now;
    }
  result = g_time_zone_ref (zone);
  g_mutex_unlock (&lock);

  return result;
}

gint64
_haven_local_day (HavenTime at)
{
  g_autoptr(GTimeZone) tz = local_zone ();
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, at);
  gint64 local = at + (interval >= 0 ? g_time_zone_get_offset (tz, interval) : 0);

  return local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
}

static void
local_day_function (sqlite3_context  *context,
                    int               argc,
                    sqlite3_value   **argv)
{
  if (sqlite3_value_type (argv[0]) != SQLITE_INTEGER)
    {
      sqlite3_result_null (context);
      return;
    }

  sqlite3_result_int64 (context, _haven_local_day (sqlite3_value_int64 (argv[0])));
}

int
_haven_register_functions (sqlite3 *db)
{
  /* Not SQLITE_DETERMINISTIC: the answer follows the time zone, so it must never end up in
   * an index or a generated column; it is only written into rows, once. */
  return sqlite3_create_function_v2 (db, "haven_local_day", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                     NULL, local_day_function, NULL, NULL, NULL);
}
