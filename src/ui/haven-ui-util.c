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

/* GTK 4.8 asks the X server where the pointer is each time a widget's tooltip text is set (to
 * show the new text at once if the pointer is over the widget): three round trips. Some
 * fifty of those, for the buttons and rows built before the first frame, were a tenth of
 * Haven's start-up. These tooltips are given when GTK asks for them instead. */
static G_DEFINE_QUARK (haven-tooltip-text, tooltip_text)

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_qdata (G_OBJECT (widget), tooltip_text_quark ());

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

void
haven_widget_set_tooltip (GtkWidget  *widget,
                          const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text != NULL && *text == '\0')
    text = NULL;

  if (g_strcmp0 (text, g_object_get_qdata (G_OBJECT (widget), tooltip_text_quark ())) == 0)
    return;

  g_object_set_qdata_full (G_OBJECT (widget), tooltip_text_quark (), g_strdup (text), g_free);
  if (text != NULL &&
      g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, query_tooltip_cb, NULL) == 0)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_widget_set_has_tooltip (widget, text != NULL);

  /* As GTK does with a tooltip text: it describes the widget to assistive technologies. */
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

const char *
haven_widget_get_tooltip (GtkWidget *widget)
{
  const char *text;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  text = g_object_get_qdata (G_OBJECT (widget), tooltip_text_quark ());

  return text != NULL ? text : gtk_widget_get_tooltip_text (widget);
}

/* GTK's font options, with glyph positions rounded as they are where the text is drawn.
 *
 * To draw text, cairo merges the options of the surface it draws on into the font's, and the
 * image surfaces GTK 4.8 draws text on ask for glyph positions rounded to pixels. A font
 * measured without that is another font to cairo, with glyph caches of its own: every glyph
 * is loaded, hinted and measured twice, once to lay the text out and once to draw it, and with
 * a TrueType font each switch of its face between the two sizes that takes runs the font's
 * hinting program again (some sixty times before the first frame, for the journal rows
 * alone). Measured with these options, the fonts are the ones the text is drawn with, pixel
 * for pixel as before. Only the option cairo merges in is set; the rest stay GTK's (which
 * merges these into its own, see gtk_widget_set_font_options()). */
const cairo_font_options_t *
haven_drawn_font_options (void)
{
  static cairo_font_options_t *options;

  if (g_once_init_enter (&options))
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cairo_font_options_t *drawn = cairo_font_options_create ();

      cairo_surface_get_font_options (surface, drawn);
      cairo_surface_destroy (surface);
      /* An image surface asks for hinted metrics too, but there the font's own choice wins,
       * and GTK has made one: set here, it would replace GTK's. */
      cairo_font_options_set_hint_metrics (drawn, CAIRO_HINT_METRICS_DEFAULT);

      g_once_init_leave (&options, drawn);
    }

  return options;
}

void
haven_widget_measure_fonts_as_drawn (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_set_font_options (widget, haven_drawn_font_options ());
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    haven_widget_measure_fonts_as_drawn (child);
}
