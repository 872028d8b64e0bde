/* haven-chart.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One cairo drawing function per kind serves the screen (through gtk_snapshot_append_cairo),
 * PNG and SVG, so an exported chart is the chart the person saw. Colours come from the
 * theme: the text colour, the accent, and libadwaita's palette for the six reactions, so
 * dark mode and the system accent follow without a line of CSS. While drawing for the
 * screen the chart remembers where each point, bar and cell went, with the journal filter
 * behind it, for clicks and tooltips.
 */
#include "config.h"

#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>

#include "haven-chart.h"
#include "haven-vocabulary.h"

#define PAD 8.0
#define TICK_GAP 6.0
#define ROW_HEIGHT 26.0
#define GRID_ROW_HEIGHT 24.0
#define MAX_ROWS 8
#define PLOT_HEIGHT 180.0

typedef struct
{
  GdkRGBA fg;
  GdkRGBA accent;
  GdkRGBA reactions[HAVEN_REACTION_LAST];
  gboolean dark;
  PangoFontDescription *font;
} Palette;

typedef struct
{
  graphene_rect_t     rect;
  char               *tooltip;
  HavenJournalFilter *filter;
} Region;

struct _HavenChart
{
  GtkWidget            parent_instance;

  HavenChartKind       kind;
  HavenMoodSeries     *mood;
  HavenReactionWeeks  *reactions;
  HavenPainPointWeeks *pain_points;
  HavenHelpStats      *helps;

  GArray              *regions;     /* Region, from the last on-screen draw */
  gboolean             recording;
};

G_DEFINE_FINAL_TYPE (HavenChart, haven_chart, GTK_TYPE_WIDGET)

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
haven_chart_row_free (HavenChartRow *row)
{
  if (row == NULL)
    return;

  g_free (row->title);
  g_free (row->subtitle);
  haven_journal_filter_free (row->filter);
  g_free (row);
}

static void
region_clear (gpointer data)
{
  Region *region = data;

  g_free (region->tooltip);
  haven_journal_filter_free (region->filter);
}

/* Colours ----------------------------------------------------------------------------- */

static void
palette_init (Palette   *palette,
              GtkWidget *widget)
{
  /* libadwaita's palette, shades that read on light and on dark backgrounds. */
  static const char * const reaction_colors[] = {
    "orange_3", "blue_3", "purple_2", "yellow_4", "green_4", "teal_3",
  };
  static const char * const fallback[] = {
    "#ff7800", "#3584e4", "#c061cb", "#e5a50a", "#2ec27e", "#2190a4",
  };
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  gtk_style_context_get_color (context, &palette->fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &palette->accent))
    gdk_rgba_parse (&palette->accent, "#3584e4");
  for (guint i = 0; i < HAVEN_REACTION_LAST; i++)
    if (!gtk_style_context_lookup_color (context, reaction_colors[i], &palette->reactions[i]))
      gdk_rgba_parse (&palette->reactions[i], fallback[i]);
  G_GNUC_END_IGNORE_DEPRECATIONS

  palette->dark = (0.299 * palette->fg.red + 0.587 * palette->fg.green +
                   0.114 * palette->fg.blue) > 0.5;
  palette->font = pango_font_description_copy (
    pango_context_get_font_description (gtk_widget_get_pango_context (widget)));
}

static void
palette_clear (Palette *palette)
{
  g_clear_pointer (&palette->font, pango_font_description_free);
}

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Text ---------------------------------------------------------------------------------- */

static PangoLayout *
make_layout (cairo_t       *cr,
             const Palette *palette,
             const char    *text,
             double         scale)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (palette->font);
  int size = pango_font_description_get_size (font);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font, size * scale);
  else
    pango_font_description_set_size (font, (int) (size * scale));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static void
text_size (cairo_t       *cr,
           const Palette *palette,
           const char    *text,
           double         scale,
           double        *width,
           double        *height)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, palette, text, scale);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

typedef enum
{
  ALIGN_START,
  ALIGN_CENTER,
  ALIGN_END,
} Align;

/* Draws @text with its top at @y, aligned on @x; at most @max_width wide (ellipsized). */
static void
draw_text (cairo_t       *cr,
           const Palette *palette,
           const char    *text,
           double         scale,
           double         x,
           double         y,
           Align          align,
           double         max_width,
           const GdkRGBA *color,
           double         alpha)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, palette, text, scale);
  int w, h;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &w, &h);

  if (align == ALIGN_CENTER)
    x -= w / 2.0;
  else if (align == ALIGN_END)
    x -= w;

  set_color (cr, color, alpha);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static double
line_height (cairo_t       *cr,
             const Palette *palette,
             double         scale)
{
  double height;

  text_size (cr, palette, "Mg", scale, NULL, &height);
  return height;
}

/* Regions ---------------------------------------------------------------------------------- */

static void
add_region (HavenChart         *self,
            double              x,
            double              y,
            double              width,
            double              height,
            HavenJournalFilter *filter,
            char               *tooltip)
{
  Region region;

  if (!self->recording)
    {
      haven_journal_filter_free (filter);
      g_free (tooltip);
      return;
    }

  graphene_rect_init (&region.rect, x, y, width, height);
  region.filter = filter;
  region.tooltip = tooltip;
  g_array_append_val (self->regions, region);
}

static HavenJournalFilter *
range_filter (HavenTime from,
              HavenTime to)
{
  HavenJournalFilter *filter = haven_journal_filter_new ();

  filter->from = from;
  filter->to = to;
  return filter;
}

/* Dates ---------------------------------------------------------------------------------- */

static char *
format_date (const GDate *date,
             gboolean     with_year)
{
  char buffer[64];

  /* Translators: a short date on a chart's axis, as in strftime: "9 Mar". */
  if (g_date_strftime (buffer, sizeof buffer, with_year ? _("%b %Y") : _("%e %b"), date) == 0)
    return g_strdup ("");

  return g_strstrip (g_strdup (buffer));
}

static char *
format_week (const HavenStatsPeriod *period,
             guint                   week)
{
  g_autofree char *date = NULL;
  GDate day;

  haven_stats_period_get_day (period, week * 7, &day);
  date = format_date (&day, FALSE);
  /* Translators: a week on a chart, by its first day: "Week of 9 Mar". */
  return g_strdup_printf (_("Week of %s"), date);
}

/* Local midnights at the start of every @step-th day of the period, and the end: computed
 * once per drawing, for the filters behind hundreds of bars. */
static HavenTime *
period_starts (const HavenStatsPeriod *period,
               guint                   step)
{
  guint n = haven_stats_period_n_days (period) / step;
  HavenTime *starts = g_new (HavenTime, n + 1);

  for (guint i = 0; i <= n; i++)
    starts[i] = haven_stats_period_day_start (period, i * step);

  return starts;
}

/* Labels weeks along the bottom, as many as fit without touching. */
static void
draw_week_axis (cairo_t                *cr,
                const Palette          *palette,
                const HavenStatsPeriod *period,
                double                  x0,
                double                  week_width,
                double                  y)
{
  gboolean long_span = period->n_weeks > 53;
  double right = x0 + period->n_weeks * week_width + PAD;
  double label_width;
  guint step;
  GDate day;

  haven_stats_period_get_day (period, 0, &day);
  {
    g_autofree char *sample = format_date (&day, long_span);

    text_size (cr, palette, sample, 0.85, &label_width, NULL);
  }
  step = MAX (1, (guint) ceil ((label_width + 12) / MAX (week_width, 1)));
  if (long_span)
    step = MAX (step, 4);

  /* Count back from the current week, so the latest one always has its label. */
  for (int week = (int) period->n_weeks - 1; week >= 0; week -= step)
    {
      g_autofree char *label = NULL;
      double center = x0 + (week + 0.5) * week_width;

      haven_stats_period_get_day (period, week * 7, &day);
      label = format_date (&day, long_span);
      double width;

      /* Not past the left edge; at the right edge, pulled in to fit. */
      if (center - label_width / 2 < 0)
        break;
      text_size (cr, palette, label, 0.85, &width, NULL);
      center = MIN (center, right - width / 2);
      draw_text (cr, palette, label, 0.85, center, y, ALIGN_CENTER, 0, &palette->fg, 0.7);
    }
}

static void
draw_hline (cairo_t       *cr,
            const Palette *palette,
            double         x0,
            double         x1,
            double         y,
            double         alpha)
{
  set_color (cr, &palette->fg, alpha);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x0, floor (y) + 0.5);
  cairo_line_to (cr, x1, floor (y) + 0.5);
  cairo_stroke (cr);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   width,
              double   height,
              double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Mood -------------------------------------------------------------------------------------- */

static double
mood_height (void)
{
  return PLOT_HEIGHT;
}

static void
draw_mood (HavenChart    *self,
           cairo_t       *cr,
           const Palette *palette,
           double         width,
           double         height)
{
  const HavenMoodSeries *series = self->mood;
  const HavenStatsPeriod *period = &series->period;
  double label_h = line_height (cr, palette, 0.85);
  double left = 0, top = PAD, bottom = height - label_h - TICK_GAP;
  double plot_w, day_w, x0;
  gboolean open = FALSE;
  g_autofree HavenTime *day_starts = NULL;
  gint64 today = g_date_days_between (&period->first_day, &period->today);
  guint step;

  /* The mood words on the left, as wide as the widest. */
  for (int mood = 1; mood <= 5; mood++)
    {
      double w;

      text_size (cr, palette, haven_mood_label (mood), 0.85, &w, NULL);
      left = MAX (left, w);
    }
  left = MIN (left, width * 0.3) + TICK_GAP;
  x0 = left;
  plot_w = MAX (width - left - PAD, 1);
  day_w = plot_w / series->n_days;
  step = day_w >= 1 ? 1 : (guint) ceil (1 / day_w);

#define MOOD_Y(v) (top + (5.0 - (v)) / 4.0 * (bottom - top - label_h / 2) + label_h / 2)

  for (int mood = 1; mood <= 5; mood++)
    {
      double y = MOOD_Y (mood);

      draw_hline (cr, palette, x0, width - PAD, y, 0.1);
      draw_text (cr, palette, haven_mood_label (mood), 0.85, left - TICK_GAP, y - label_h / 2,
                 ALIGN_END, width * 0.3, &palette->fg, 0.7);
    }

  /* Each day's mean, small and quiet; over years, where days are thinner than a dot, as
   * small squares (thousands of circles take a cairo fill many times longer). */
  set_color (cr, &palette->fg, 0.35);
  for (guint d = 0; d < series->n_days; d++)
    {
      double x = x0 + (d + 0.5) * day_w;

      if (series->count[d] == 0)
        continue;
      if (day_w < 2)
        {
          cairo_rectangle (cr, x - 1, MOOD_Y (series->mean[d]) - 1, 2, 2);
          continue;
        }
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, MOOD_Y (series->mean[d]), MIN (3.5, MAX (1.5, day_w / 2.5)), 0, 2 * G_PI);
    }
  cairo_fill (cr);

  /* The seven-day mean, in the accent colour, broken where a week had nothing. */
  set_color (cr, &palette->accent, 1);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint d = 0; d < series->n_days; d++)
    {
      double x = x0 + (d + 0.5) * day_w;

      if (isnan (series->rolling_mean[d]) || (gint64) d > today)
        {
          open = FALSE;
          continue;
        }
      /* A seven-day mean is smooth: over years, one point per pixel or so is enough. */
      if (open && d % step != 0 && d + 1 < series->n_days && (gint64) d != today)
        continue;
      if (open)
        cairo_line_to (cr, x, MOOD_Y (series->rolling_mean[d]));
      else
        cairo_move_to (cr, x, MOOD_Y (series->rolling_mean[d]));
      open = TRUE;
    }
  /* A single point still shows. */
  cairo_stroke (cr);

  draw_week_axis (cr, palette, period, x0, day_w * 7, bottom + TICK_GAP);

  if (self->recording)
    for (guint d = 0; d < series->n_days; d++)
      {
        HavenJournalFilter *filter;
        char date[64];
        GDate day;

        if (series->count[d] == 0)
          continue;

        haven_stats_period_get_day (period, d, &day);
        /* Translators: a day on a tooltip, as in strftime: "Tue 10 Mar". */
        g_date_strftime (date, sizeof date, _("%a %e %b"), &day);
        if (day_starts == NULL)
          day_starts = period_starts (period, 1);
        filter = range_filter (day_starts[d], day_starts[d + 1]);
        filter->kinds = HAVEN_FILTER_CHECKINS;
        add_region (self, x0 + d * day_w, top, MAX (day_w, 1), bottom - top, filter,
                    /* Translators: a tooltip on the mood chart: the day, how many check-ins,
                     * their mean mood (e.g. 3.5). */
                    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%s: %u check-in, mood %.1f",
                                                  "%s: %u check-ins, mood %.1f",
                                                  series->count[d]),
                                     g_strstrip (date), series->count[d], series->mean[d]));
      }
#undef MOOD_Y
}

/* Reactions ----------------------------------------------------------------------------------- */

/* Lays out the legend: swatch and word per reaction, wrapping. Returns its height. */
static double
reaction_legend (cairo_t       *cr,
                 const Palette *palette,
                 double         width,
                 double         y,
                 gboolean       draw)
{
  double label_h = line_height (cr, palette, 0.85);
  double x = 0;
  double swatch = label_h * 0.7;

  for (HavenReaction r = HAVEN_REACTION_PURSUE; r <= HAVEN_REACTION_LAST; r++)
    {
      const char *label = haven_reaction_label (r);
      double w;

      text_size (cr, palette, label, 0.85, &w, NULL);
      if (x > 0 && x + swatch + 4 + w > width)
        {
          x = 0;
          y += label_h + 4;
        }
      if (draw)
        {
          set_color (cr, &palette->reactions[r - 1], 1);
          rounded_rect (cr, x, y + (label_h - swatch) / 2, swatch, swatch, 2);
          cairo_fill (cr);
          draw_text (cr, palette, label, 0.85, x + swatch + 4, y, ALIGN_START, 0, &palette->fg, 0.8);
        }
      x += swatch + 4 + w + 14;
    }

  return y + label_h;
}

static double
reactions_height (cairo_t       *cr,
                  const Palette *palette,
                  double         width)
{
  return PLOT_HEIGHT + reaction_legend (cr, palette, width, 0, FALSE) + PAD;
}

static void
draw_reactions (HavenChart    *self,
                cairo_t       *cr,
                const Palette *palette,
                double         width,
                double         height)
{
  const HavenReactionWeeks *weeks = self->reactions;
  const HavenStatsPeriod *period = &weeks->period;
  double label_h = line_height (cr, palette, 0.85);
  double legend_h = reaction_legend (cr, palette, width, 0, FALSE);
  double top = PAD + label_h / 2;
  double bottom = height - legend_h - PAD - label_h - TICK_GAP;
  guint max = MAX (weeks->max_week_total, 1);
  guint ticks[3] = { 0, (max + 1) / 2, max };
  double left = 0, x0, week_w, bar_w;

  for (guint i = 0; i < G_N_ELEMENTS (ticks); i++)
    {
      g_autofree char *tick = g_strdup_printf ("%u", ticks[i]);
      double w;

      text_size (cr, palette, tick, 0.85, &w, NULL);
      left = MAX (left, w);
    }
  x0 = left + TICK_GAP;
  week_w = MAX (width - x0 - PAD, 1) / weeks->n_weeks;
  bar_w = MAX (1, MIN (week_w * 0.7, 40));

  for (guint i = 0; i < G_N_ELEMENTS (ticks); i++)
    {
      g_autofree char *tick = g_strdup_printf ("%u", ticks[i]);
      double y = bottom - (bottom - top) * ticks[i] / max;

      if (i == 1 && (ticks[1] == 0 || ticks[1] == max))
        continue;
      draw_hline (cr, palette, x0, width - PAD, y, i == 0 ? 0.25 : 0.1);
      draw_text (cr, palette, tick, 0.85, left, y - label_h / 2, ALIGN_END, 0, &palette->fg, 0.7);
    }

  /* One path per colour, filled once: a year of weeks is hundreds of segments. */
  for (HavenReaction r = HAVEN_REACTION_PURSUE; r <= HAVEN_REACTION_LAST; r++)
    {
      for (guint w = 0; w < weeks->n_weeks; w++)
        {
          double x = x0 + w * week_w + (week_w - bar_w) / 2;
          double y = bottom;
          guint count = haven_reaction_weeks_get (weeks, w, r);
          double h = (bottom - top) * count / max;

          if (count == 0)
            continue;
          for (HavenReaction below = HAVEN_REACTION_PURSUE; below < r; below++)
            y -= (bottom - top) * haven_reaction_weeks_get (weeks, w, below) / max;
          y -= h;
          /* A hairline between segments, in no colour of its own. */
          cairo_rectangle (cr, x, y + 0.5, bar_w, MAX (h - 1, 0.5));
        }
      set_color (cr, &palette->reactions[r - 1], 1);
      cairo_fill (cr);
    }

  if (self->recording)
    {
      g_autofree HavenTime *starts = period_starts (period, 7);

      for (guint w = 0; w < weeks->n_weeks; w++)
        {
          double x = x0 + w * week_w + (week_w - bar_w) / 2;
          double y = bottom;
          g_autofree char *week_name = NULL;

          for (HavenReaction r = HAVEN_REACTION_PURSUE; r <= HAVEN_REACTION_LAST; r++)
            {
              guint count = haven_reaction_weeks_get (weeks, w, r);
              double h = (bottom - top) * count / max;
              HavenJournalFilter *filter;

              if (count == 0)
                continue;
              y -= h;
              if (week_name == NULL)
                week_name = format_week (period, w);
              filter = range_filter (starts[w], starts[w + 1]);
              filter->reaction = r;
              add_region (self, x, y, bar_w, h, filter,
                          /* Translators: a tooltip: "Week of 9 Mar: Withdraw, 3 times". */
                          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s, %u time",
                                                        "%s: %s, %u times", count),
                                           week_name, haven_reaction_label (r), count));
            }
        }
    }

  draw_week_axis (cr, palette, period, x0, week_w, bottom + TICK_GAP);
  reaction_legend (cr, palette, width, height - legend_h, TRUE);
}

/* Raw spots: the grid --------------------------------------------------------------------- */

static guint
n_pain_point_rows (const HavenPainPointWeeks *weeks)
{
  return MIN (weeks->rows->len, MAX_ROWS);
}

static double
grid_height (HavenChart    *self,
             cairo_t       *cr,
             const Palette *palette)
{
  return MAX (n_pain_point_rows (self->pain_points), 1) * GRID_ROW_HEIGHT + TICK_GAP +
         line_height (cr, palette, 0.85) + PAD;
}

static double
names_width (cairo_t       *cr,
             const Palette *palette,
             GPtrArray     *rows,
             guint          n_rows,
             gsize          name_offset,
             double         limit)
{
  double widest = 0;

  for (guint i = 0; i < n_rows; i++)
    {
      const char *name = G_STRUCT_MEMBER (const char *, rows->pdata[i], name_offset);
      double w;

      text_size (cr, palette, name, 0.9, &w, NULL);
      widest = MAX (widest, w);
    }

  return MIN (widest, limit);
}

static void
draw_pain_point_grid (HavenChart    *self,
                      cairo_t       *cr,
                      const Palette *palette,
                      double         width,
                      double         height)
{
  const HavenPainPointWeeks *weeks = self->pain_points;
  const HavenStatsPeriod *period = &weeks->period;
  guint n_rows = n_pain_point_rows (weeks);
  double label_h = line_height (cr, palette, 0.9);
  double left = names_width (cr, palette, weeks->rows, n_rows,
                             G_STRUCT_OFFSET (HavenPainPointRow, name), width * 0.35);
  double x0 = left + TICK_GAP;
  double cell_w = MAX (width - x0 - PAD, 1) / weeks->n_weeks;
  double gap = cell_w >= 6 ? 2 : 0;
  gboolean numbers;
  double number_w;

  g_autofree HavenTime *starts = self->recording ? period_starts (period, 7) : NULL;
  double number_h = line_height (cr, palette, 0.8);
  double radius = MIN (4, cell_w / 4);

  text_size (cr, palette, "88", 0.8, &number_w, NULL);
  numbers = cell_w - gap >= number_w + 4;

  /* The empty weeks first, all in one path: over years they are most of the grid. */
  for (guint i = 0; i < n_rows; i++)
    {
      const HavenPainPointRow *row = g_ptr_array_index (weeks->rows, i);
      double y = PAD / 2 + i * GRID_ROW_HEIGHT;

      if (gap == 0)
        {
          /* Cells too narrow to tell apart: one band behind the whole row. */
          rounded_rect (cr, x0, y, cell_w * weeks->n_weeks, GRID_ROW_HEIGHT - 2, 3);
          continue;
        }
      for (guint w = 0; w < weeks->n_weeks; w++)
        if (row->weekly[w] == 0)
          rounded_rect (cr, x0 + w * cell_w, y, cell_w - gap, GRID_ROW_HEIGHT - gap, radius);
    }
  set_color (cr, &palette->fg, 0.06);
  cairo_fill (cr);

  for (guint i = 0; i < n_rows; i++)
    {
      const HavenPainPointRow *row = g_ptr_array_index (weeks->rows, i);
      double y = PAD / 2 + i * GRID_ROW_HEIGHT;
      double cell_h = GRID_ROW_HEIGHT - MAX (gap, 2);

      draw_text (cr, palette, row->name, 0.9, 0, y + (GRID_ROW_HEIGHT - gap - label_h) / 2,
                 ALIGN_START, left, &palette->fg, 0.9);

      for (guint w = 0; w < weeks->n_weeks; w++)
        {
          guint count = row->weekly[w];
          double x = x0 + w * cell_w;
          double strength;

          if (count == 0)
            continue;

          strength = 0.2 + 0.8 * count / MAX (weeks->max_cell, 1);
          set_color (cr, &palette->accent, strength);
          if (gap > 0)
            rounded_rect (cr, x, y, cell_w - gap, cell_h, radius);
          else
            cairo_rectangle (cr, x, y, MAX (cell_w, 1), cell_h);
          cairo_fill (cr);

          if (numbers)
            {
              char number[16];
              GdkRGBA white = { 1, 1, 1, 1 };
              /* White on a strong accent, the text colour on a pale one. */
              const GdkRGBA *ink = strength > 0.55 ? &white : &palette->fg;

              g_snprintf (number, sizeof number, "%u", count);
              draw_text (cr, palette, number, 0.8, x + (cell_w - gap) / 2,
                         y + (cell_h - number_h) / 2, ALIGN_CENTER, 0, ink, 1);
            }

          if (self->recording)
            {
              HavenJournalFilter *filter;
              g_autofree char *week_name = format_week (period, w);

              filter = range_filter (starts[w], starts[w + 1]);
              filter->pain_point_id = row->id;
              add_region (self, x, y, MAX (cell_w - gap, 1), cell_h, filter,
                          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s, %u time",
                                                        "%s: %s, %u times", count),
                                           week_name, row->name, count));
            }
        }
    }

  draw_week_axis (cr, palette, period, x0, cell_w, n_rows * GRID_ROW_HEIGHT + TICK_GAP);
}

/* Horizontal bars: the top raw spots, and what helps --------------------------------------- */

static double
bars_height (guint n_rows)
{
  return MAX (n_rows, 1) * ROW_HEIGHT + PAD;
}

typedef struct
{
  const char         *name;
  double              value;
  double              max;
  char               *value_text;
  char               *tooltip;
  HavenJournalFilter *filter;
} Bar;

static void
draw_bars (HavenChart    *self,
           cairo_t       *cr,
           const Palette *palette,
           double         width,
           Bar           *bars,
           guint          n_bars)
{
  double label_h = line_height (cr, palette, 0.9);
  double left = 0, value_w = 0, x0, bar_area;

  for (guint i = 0; i < n_bars; i++)
    {
      double w;

      text_size (cr, palette, bars[i].name, 0.9, &w, NULL);
      left = MAX (left, w);
      text_size (cr, palette, bars[i].value_text, 0.85, &w, NULL);
      value_w = MAX (value_w, w);
    }
  left = MIN (left, width * 0.4);
  x0 = left + TICK_GAP * 2;
  bar_area = MAX (width - x0 - value_w - TICK_GAP - PAD, 1);

  for (guint i = 0; i < n_bars; i++)
    {
      double y = PAD / 2 + i * ROW_HEIGHT;
      double bar_h = ROW_HEIGHT - 10;
      double w = bars[i].max > 0 ? bar_area * MAX (bars[i].value, 0) / bars[i].max : 0;

      draw_text (cr, palette, bars[i].name, 0.9, 0, y + (ROW_HEIGHT - label_h) / 2 - 2,
                 ALIGN_START, left, &palette->fg, 0.9);
      set_color (cr, &palette->fg, 0.06);
      rounded_rect (cr, x0, y + 3, bar_area, bar_h, 4);
      cairo_fill (cr);
      if (w > 0)
        {
          set_color (cr, &palette->accent, 1);
          rounded_rect (cr, x0, y + 3, MAX (w, 4), bar_h, 4);
          cairo_fill (cr);
        }
      draw_text (cr, palette, bars[i].value_text, 0.85, x0 + bar_area + TICK_GAP,
                 y + (ROW_HEIGHT - line_height (cr, palette, 0.85)) / 2 - 2, ALIGN_START, 0,
                 &palette->fg, 0.75);

      add_region (self, 0, y, width, ROW_HEIGHT, g_steal_pointer (&bars[i].filter),
                  g_steal_pointer (&bars[i].tooltip));
    }

  for (guint i = 0; i < n_bars; i++)
    {
      g_free (bars[i].value_text);
      g_free (bars[i].tooltip);
      haven_journal_filter_free (bars[i].filter);
    }
}

static void
draw_pain_point_top (HavenChart    *self,
                     cairo_t       *cr,
                     const Palette *palette,
                     double         width,
                     double         height)
{
  const HavenPainPointWeeks *weeks = self->pain_points;
  guint n_rows = n_pain_point_rows (weeks);
  g_autofree Bar *bars = g_new0 (Bar, MAX (n_rows, 1));
  guint max = n_rows > 0 ? ((HavenPainPointRow *) weeks->rows->pdata[0])->total : 1;

  for (guint i = 0; i < n_rows; i++)
    {
      const HavenPainPointRow *row = g_ptr_array_index (weeks->rows, i);

      bars[i].name = row->name;
      bars[i].value = row->total;
      bars[i].max = max;
      bars[i].value_text = g_strdup_printf ("%u", row->total);
      bars[i].tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u time",
                                                      "%s: %u times", row->total),
                                         row->name, row->total);
      bars[i].filter = range_filter (weeks->period.from, weeks->period.to);
      bars[i].filter->pain_point_id = row->id;
    }

  draw_bars (self, cr, palette, width, bars, n_rows);
}

static void
draw_what_helps (HavenChart    *self,
                 cairo_t       *cr,
                 const Palette *palette,
                 double         width,
                 double         height)
{
  const HavenHelpStats *helps = self->helps;
  guint n_rows = MIN (helps->rows->len, MAX_ROWS + 1);
  g_autofree Bar *bars = g_new0 (Bar, MAX (n_rows, 1));

  for (guint i = 0; i < n_rows; i++)
    {
      const HavenHelpRow *row = g_ptr_array_index (helps->rows, i);
      const char *label = haven_vocabulary_label (HAVEN_VOCABULARY_REGULATION, row->strategy);

      bars[i].name = label;
      bars[i].value = row->mean_drop;
      /* The scale is 0–10: a drop of 10 fills the bar. */
      bars[i].max = 10;
      /* Translators: on the "what helps" chart: the mean drop in intensity and how often,
       * e.g. "−2.5 · 4×". */
      bars[i].value_text = g_strdup_printf (_("−%.1f · %u×"), row->mean_drop, row->count);
      bars[i].tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "%s: intensity %.1f lower on average, %u time",
                                                      "%s: intensity %.1f lower on average, %u times",
                                                      row->count),
                                         label, row->mean_drop, row->count);
      bars[i].filter = range_filter (helps->period.from, helps->period.to);
      bars[i].filter->regulation = g_strdup (row->strategy);
    }

  draw_bars (self, cr, palette, width, bars, n_rows);
}

/* Drawing and measuring ------------------------------------------------------------------------ */

static double
height_for_width (HavenChart    *self,
                  cairo_t       *cr,
                  const Palette *palette,
                  double         width)
{
  switch (self->kind)
    {
    case HAVEN_CHART_MOOD:
      return mood_height ();
    case HAVEN_CHART_REACTIONS:
      return reactions_height (cr, palette, width);
    case HAVEN_CHART_PAIN_POINT_GRID:
      return self->pain_points ? grid_height (self, cr, palette) : PLOT_HEIGHT;
    case HAVEN_CHART_PAIN_POINT_TOP:
      return bars_height (self->pain_points ? n_pain_point_rows (self->pain_points) : 1);
    case HAVEN_CHART_WHAT_HELPS:
      return bars_height (self->helps ? MIN (self->helps->rows->len, MAX_ROWS + 1) : 1);
    default:
      g_assert_not_reached ();
    }
}

static void
draw (HavenChart    *self,
      cairo_t       *cr,
      const Palette *palette,
      double         width,
      double         height)
{
  if (!haven_chart_has_data (self))
    return;

  switch (self->kind)
    {
    case HAVEN_CHART_MOOD:
      draw_mood (self, cr, palette, width, height);
      break;
    case HAVEN_CHART_REACTIONS:
      draw_reactions (self, cr, palette, width, height);
      break;
    case HAVEN_CHART_PAIN_POINT_GRID:
      draw_pain_point_grid (self, cr, palette, width, height);
      break;
    case HAVEN_CHART_PAIN_POINT_TOP:
      draw_pain_point_top (self, cr, palette, width, height);
      break;
    case HAVEN_CHART_WHAT_HELPS:
      draw_what_helps (self, cr, palette, width, height);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* A throwaway context for measuring text outside of drawing. */
static cairo_t *
measuring_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

static void
haven_chart_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  HavenChart *self = HAVEN_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Readable on a phone: 360 px less the page's margins. */
      *minimum = 260;
      *natural = 640;
    }
  else
    {
      cairo_t *cr = measuring_context ();
      Palette palette = { 0 };
      double height;

      palette_init (&palette, widget);
      height = height_for_width (self, cr, &palette, for_size > 0 ? for_size : 640);
      palette_clear (&palette);
      cairo_destroy (cr);

      *minimum = *natural = (int) ceil (height);
    }
}

static GtkSizeRequestMode
haven_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
haven_chart_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  HavenChart *self = HAVEN_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  Palette palette = { 0 };
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  palette_init (&palette, widget);
  g_array_set_size (self->regions, 0);
  self->recording = TRUE;
  draw (self, cr, &palette, width, height);
  self->recording = FALSE;
  palette_clear (&palette);
  cairo_destroy (cr);
}

/* Interaction ------------------------------------------------------------------------------------ */

static const Region *
region_at (HavenChart *self,
           double      x,
           double      y)
{
  graphene_point_t point = GRAPHENE_POINT_INIT (x, y);

  for (guint i = 0; i < self->regions->len; i++)
    {
      const Region *region = &g_array_index (self->regions, Region, i);

      if (graphene_rect_contains_point (&region->rect, &point))
        return region;
    }

  return NULL;
}

HavenJournalFilter *
haven_chart_filter_at (HavenChart *self,
                       double      x,
                       double      y)
{
  const Region *region;

  g_return_val_if_fail (HAVEN_IS_CHART (self), NULL);

  region = region_at (self, x, y);
  return region != NULL ? haven_journal_filter_copy (region->filter) : NULL;
}

static void
click_released_cb (HavenChart      *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  const Region *region = region_at (self, x, y);

  if (region != NULL)
    g_signal_emit (self, signals[ACTIVATED], 0, region->filter);
}

static void
motion_cb (HavenChart               *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), region_at (self, x, y) ? "pointer" : NULL);
}

static gboolean
query_tooltip_cb (HavenChart *self,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  const Region *region = region_at (self, x, y);

  if (region == NULL || region->tooltip == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, region->tooltip);
  return TRUE;
}

/* Data ----------------------------------------------------------------------------------------- */

gboolean
haven_chart_has_data (HavenChart *self)
{
  g_return_val_if_fail (HAVEN_IS_CHART (self), FALSE);

  switch (self->kind)
    {
    case HAVEN_CHART_MOOD:
      return self->mood != NULL && self->mood->total > 0;
    case HAVEN_CHART_REACTIONS:
      return self->reactions != NULL && self->reactions->total > 0;
    case HAVEN_CHART_PAIN_POINT_GRID:
    case HAVEN_CHART_PAIN_POINT_TOP:
      return self->pain_points != NULL && self->pain_points->rows->len > 0;
    case HAVEN_CHART_WHAT_HELPS:
      return self->helps != NULL && self->helps->rows->len > 0;
    default:
      return FALSE;
    }
}

static void
update_accessible (HavenChart *self)
{
  g_autofree char *description = haven_chart_dup_description (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
data_changed (HavenChart *self)
{
  g_array_set_size (self->regions, 0);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
haven_chart_set_mood (HavenChart      *self,
                      HavenMoodSeries *series)
{
  g_return_if_fail (HAVEN_IS_CHART (self));

  g_clear_pointer (&self->mood, haven_mood_series_free);
  self->mood = series;
  data_changed (self);
}

void
haven_chart_set_reactions (HavenChart         *self,
                           HavenReactionWeeks *weeks)
{
  g_return_if_fail (HAVEN_IS_CHART (self));

  g_clear_pointer (&self->reactions, haven_reaction_weeks_free);
  self->reactions = weeks;
  data_changed (self);
}

void
haven_chart_set_pain_points (HavenChart          *self,
                             HavenPainPointWeeks *weeks)
{
  g_return_if_fail (HAVEN_IS_CHART (self));

  g_clear_pointer (&self->pain_points, haven_pain_point_weeks_free);
  self->pain_points = weeks;
  data_changed (self);
}

void
haven_chart_set_what_helps (HavenChart     *self,
                            HavenHelpStats *stats)
{
  g_return_if_fail (HAVEN_IS_CHART (self));

  g_clear_pointer (&self->helps, haven_help_stats_free);
  self->helps = stats;
  data_changed (self);
}

static HavenChartRow *
chart_row_new (char               *title,
               char               *subtitle,
               HavenJournalFilter *filter)
{
  HavenChartRow *row = g_new0 (HavenChartRow, 1);

  row->title = title;
  row->subtitle = subtitle;
  row->filter = filter;
  return row;
}

GPtrArray *
haven_chart_dup_table (HavenChart *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) haven_chart_row_free);

  g_return_val_if_fail (HAVEN_IS_CHART (self), NULL);

  if (!haven_chart_has_data (self))
    return g_steal_pointer (&rows);

  switch (self->kind)
    {
    case HAVEN_CHART_MOOD:
      {
        const HavenMoodSeries *series = self->mood;

        /* A row per week, newest first: a year of days would be too long a table. */
        for (int w = (int) series->period.n_weeks - 1; w >= 0; w--)
          {
            guint count = 0;
            double sum = 0;
            HavenJournalFilter *filter;

            for (guint d = w * 7; d < (guint) w * 7 + 7; d++)
              {
                count += series->count[d];
                if (series->count[d] > 0)
                  sum += series->mean[d] * series->count[d];
              }
            if (count == 0)
              continue;

            filter = range_filter (haven_stats_period_week_start (&series->period, w),
                                   haven_stats_period_week_start (&series->period, w + 1));
            filter->kinds = HAVEN_FILTER_CHECKINS;
            g_ptr_array_add (rows,
                             chart_row_new (format_week (&series->period, w),
                                            /* Translators: "mood 3.4 on average, 5 check-ins" */
                                            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                          "Mood %.1f on average, %u check-in",
                                                                          "Mood %.1f on average, %u check-ins",
                                                                          count),
                                                             sum / count, count),
                                            filter));
          }
      }
      break;

    case HAVEN_CHART_REACTIONS:
      {
        const HavenReactionWeeks *weeks = self->reactions;

        for (int w = (int) weeks->n_weeks - 1; w >= 0; w--)
          {
            g_autoptr(GString) counts = g_string_new (NULL);

            for (HavenReaction r = HAVEN_REACTION_PURSUE; r <= HAVEN_REACTION_LAST; r++)
              {
                guint count = haven_reaction_weeks_get (weeks, w, r);

                if (count == 0)
                  continue;
                if (counts->len > 0)
                  g_string_append (counts, ", ");
                /* Translators: a reaction and how often, in a list: "Withdraw 3". */
                g_string_append_printf (counts, C_("reaction count", "%s %u"),
                                        haven_reaction_label (r), count);
              }
            if (counts->len == 0)
              continue;

            g_ptr_array_add (rows,
                             chart_row_new (format_week (&weeks->period, w),
                                            g_string_free (g_steal_pointer (&counts), FALSE),
                                            range_filter (haven_stats_period_week_start (&weeks->period, w),
                                                          haven_stats_period_week_start (&weeks->period, w + 1))));
          }
      }
      break;

    case HAVEN_CHART_PAIN_POINT_GRID:
    case HAVEN_CHART_PAIN_POINT_TOP:
      {
        const HavenPainPointWeeks *weeks = self->pain_points;

        for (guint i = 0; i < weeks->rows->len; i++)
          {
            const HavenPainPointRow *row = g_ptr_array_index (weeks->rows, i);
            guint n_weeks = 0;
            HavenJournalFilter *filter = range_filter (weeks->period.from, weeks->period.to);

            for (guint w = 0; w < weeks->n_weeks; w++)
              n_weeks += row->weekly[w] > 0;
            g_autofree char *times = NULL;
            g_autofree char *in_weeks = NULL;

            filter->pain_point_id = row->id;
            times = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time", "%u times",
                                                  row->total), row->total);
            in_weeks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %u week",
                                                     "in %u different weeks", n_weeks), n_weeks);
            g_ptr_array_add (rows,
                             chart_row_new (g_strdup (row->name),
                                            /* Translators: "5 times", "in 3 different weeks" */
                                            g_strdup_printf (C_("times in weeks", "%s, %s"),
                                                             times, in_weeks),
                                            filter));
          }
      }
      break;

    case HAVEN_CHART_WHAT_HELPS:
      for (guint i = 0; i < self->helps->rows->len; i++)
        {
          const HavenHelpRow *row = g_ptr_array_index (self->helps->rows, i);
          HavenJournalFilter *filter = range_filter (self->helps->period.from,
                                                     self->helps->period.to);

          filter->regulation = g_strdup (row->strategy);
          g_ptr_array_add (rows,
                           chart_row_new (g_strdup (haven_vocabulary_label (HAVEN_VOCABULARY_REGULATION,
                                                                            row->strategy)),
                                          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                        "Intensity %.1f lower on average, %u time",
                                                                        "Intensity %.1f lower on average, %u times",
                                                                        row->count),
                                                           row->mean_drop, row->count),
                                          filter));
        }
      break;

    default:
      g_assert_not_reached ();
    }

  return g_steal_pointer (&rows);
}

char *
haven_chart_dup_description (HavenChart *self)
{
  g_return_val_if_fail (HAVEN_IS_CHART (self), NULL);

  if (!haven_chart_has_data (self))
    return g_strdup (_("Nothing to show for this period yet."));

  switch (self->kind)
    {
    case HAVEN_CHART_MOOD:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Mood per day over %u week, from %u check-in, with a line for the seven-day average.",
                                           "Mood per day over %u weeks, from %u check-ins, with a line for the seven-day average.",
                                           self->mood->period.n_weeks),
                              self->mood->period.n_weeks, self->mood->total);
    case HAVEN_CHART_REACTIONS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "How you reacted, per week, as stacked bars: %u reaction noted.",
                                           "How you reacted, per week, as stacked bars: %u reactions noted.",
                                           self->reactions->total),
                              self->reactions->total);
    case HAVEN_CHART_PAIN_POINT_GRID:
    case HAVEN_CHART_PAIN_POINT_TOP:
      {
        const HavenPainPointRow *top = g_ptr_array_index (self->pain_points->rows, 0);

        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Raw spots per week. Most frequent: “%s”, %u time.",
                                             "Raw spots per week. Most frequent: “%s”, %u times.",
                                             top->total),
                                top->name, top->total);
      }
    case HAVEN_CHART_WHAT_HELPS:
      {
        const HavenHelpRow *top = g_ptr_array_index (self->helps->rows, 0);

        return g_strdup_printf (_("How much each way of calming down lowered the intensity, on average. Most: “%s”, by %.1f."),
                                haven_vocabulary_label (HAVEN_VOCABULARY_REGULATION, top->strategy),
                                top->mean_drop);
      }
    default:
      g_assert_not_reached ();
    }
}

double
haven_chart_get_height_for_width (HavenChart *self,
                                  double      width)
{
  Palette palette = { 0 };
  cairo_t *cr;
  double height;

  g_return_val_if_fail (HAVEN_IS_CHART (self), 0);

  cr = measuring_context ();
  palette_init (&palette, GTK_WIDGET (self));
  height = height_for_width (self, cr, &palette, width);
  palette_clear (&palette);
  cairo_destroy (cr);

  return height;
}

void
haven_chart_draw (HavenChart *self,
                  cairo_t    *cr,
                  double      width,
                  double      height,
                  gboolean    on_paper)
{
  Palette palette = { 0 };

  g_return_if_fail (HAVEN_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  palette_init (&palette, GTK_WIDGET (self));
  if (on_paper)
    {
      /* Whatever the screen shows, paper is white: dark ink, a blue that prints. */
      gdk_rgba_parse (&palette.fg, "#241f31");
      gdk_rgba_parse (&palette.accent, "#1c71d8");
      palette.dark = FALSE;
    }
  cairo_save (cr);
  draw (self, cr, &palette, width, height);
  cairo_restore (cr);
  palette_clear (&palette);
}

/* Export ------------------------------------------------------------------------------------------ */

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  GOutputStream *stream = closure;

  return g_output_stream_write_all (stream, data, length, NULL, NULL, NULL)
         ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static const HavenStatsPeriod *
get_period (HavenChart *self)
{
  switch (self->kind)
    {
    case HAVEN_CHART_MOOD:
      return self->mood ? &self->mood->period : NULL;
    case HAVEN_CHART_REACTIONS:
      return self->reactions ? &self->reactions->period : NULL;
    case HAVEN_CHART_PAIN_POINT_GRID:
    case HAVEN_CHART_PAIN_POINT_TOP:
      return self->pain_points ? &self->pain_points->period : NULL;
    case HAVEN_CHART_WHAT_HELPS:
      return self->helps ? &self->helps->period : NULL;
    default:
      return NULL;
    }
}

/* "9 Mar 2026 – 5 Apr 2026": the days the chart covers. */
static char *
format_period (const HavenStatsPeriod *period)
{
  char first[64], last[64];
  GDate last_day;

  haven_stats_period_get_day (period, haven_stats_period_n_days (period) - 1, &last_day);
  /* Translators: a date in the heading of a saved chart, as in strftime. */
  if (g_date_strftime (first, sizeof first, _("%e %b %Y"), &period->first_day) == 0 ||
      g_date_strftime (last, sizeof last, _("%e %b %Y"), &last_day) == 0)
    return g_strdup ("");

  /* Translators: a period: the first and the last day. */
  return g_strdup_printf (_("%s – %s"), g_strstrip (first), g_strstrip (last));
}

gboolean
haven_chart_save (HavenChart        *self,
                  GFile             *file,
                  HavenChartFormat   format,
                  int                width,
                  const char        *title,
                  GError           **error)
{
  const HavenStatsPeriod *period = get_period (self);
  g_autofree char *period_text = period ? format_period (period) : NULL;
  double margin = 16, heading = 0, chart_width;
  g_autoptr(GFileOutputStream) stream = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Palette palette = { 0 };
  cairo_t *measure;
  cairo_t *cr;
  double height;
  double scale = format == HAVEN_CHART_FORMAT_PNG ? 2 : 1;

  g_return_val_if_fail (HAVEN_IS_CHART (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (width > 0, FALSE);

  palette_init (&palette, GTK_WIDGET (self));
  measure = measuring_context ();
  chart_width = width - 2 * margin;
  if (title != NULL)
    heading += line_height (measure, &palette, 1.15) + 2;
  if (period_text != NULL)
    heading += line_height (measure, &palette, 0.85);
  if (heading > 0)
    heading += 12;
  height = ceil (height_for_width (self, measure, &palette, chart_width) + heading + 2 * margin);
  cairo_destroy (measure);

  /* A new file only the person can read; replaced whole, never half-written. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           NULL, error);
  if (stream == NULL)
    {
      palette_clear (&palette);
      return FALSE;
    }

  if (format == HAVEN_CHART_FORMAT_SVG)
    surface = cairo_svg_surface_create_for_stream (write_to_stream, stream, width, height);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  /* On a background of the theme's own, so text stays readable outside the window. */
  if (palette.dark)
    cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (title != NULL)
    {
      PangoLayout *layout = make_layout (cr, &palette, title, 1.15);
      PangoFontDescription *bold = pango_font_description_copy (pango_layout_get_font_description (layout));

      pango_font_description_set_weight (bold, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, bold);
      set_color (cr, &palette.fg, 1);
      cairo_move_to (cr, margin, margin);
      pango_cairo_show_layout (cr, layout);
      pango_font_description_free (bold);
      g_object_unref (layout);
    }
  if (period_text != NULL)
    draw_text (cr, &palette, period_text, 0.85, margin,
               margin + (title ? line_height (cr, &palette, 1.15) + 2 : 0), ALIGN_START, 0,
               &palette.fg, 0.7);
  cairo_translate (cr, margin, margin + heading);
  draw (self, cr, &palette, chart_width, height - heading - 2 * margin);
  cairo_destroy (cr);
  palette_clear (&palette);

  if (format == HAVEN_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_stream, stream);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The chart could not be saved: %s"), cairo_status_to_string (status));
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

/* Class ---------------------------------------------------------------------------------------- */

static void
haven_chart_finalize (GObject *object)
{
  HavenChart *self = HAVEN_CHART (object);

  g_clear_pointer (&self->mood, haven_mood_series_free);
  g_clear_pointer (&self->reactions, haven_reaction_weeks_free);
  g_clear_pointer (&self->pain_points, haven_pain_point_weeks_free);
  g_clear_pointer (&self->helps, haven_help_stats_free);
  g_clear_pointer (&self->regions, g_array_unref);

  G_OBJECT_CLASS (haven_chart_parent_class)->finalize (object);
}

static void
haven_chart_class_init (HavenChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = haven_chart_finalize;
  widget_class->measure = haven_chart_measure;
  widget_class->get_request_mode = haven_chart_get_request_mode;
  widget_class->snapshot = haven_chart_snapshot;

  /* A point, bar or cell was clicked: the records behind it. */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                     HAVEN_TYPE_JOURNAL_FILTER | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
haven_chart_init (HavenChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->regions = g_array_new (FALSE, TRUE, sizeof (Region));
  g_array_set_clear_func (self->regions, region_clear);

  g_signal_connect_object (click, "released", G_CALLBACK (click_released_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

HavenChart *
haven_chart_new (HavenChartKind kind)
{
  HavenChart *self = g_object_new (HAVEN_TYPE_CHART, NULL);

  self->kind = kind;
  update_accessible (self);
  return self;
}

HavenChartKind
haven_chart_get_kind (HavenChart *self)
{
  g_return_val_if_fail (HAVEN_IS_CHART (self), HAVEN_CHART_MOOD);

  return self->kind;
}
