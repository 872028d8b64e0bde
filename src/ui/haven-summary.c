/* haven-summary.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The summary is laid out once, in begin-print, as a list of blocks (lines of text, a chart,
 * a row of the raw spots' table) that are then cut into pages: text between two lines, the
 * rest whole; a heading never ends a page. draw-page only draws what was placed. The charts
 * are the Insights page's own, drawn at the size of a window (in pixels, scaled to points)
 * with dark ink for white paper.
 *
 * Only what the person chose goes in: the charts they left ticked, and the entries whose ids
 * they ticked, and of those only the ones in the period. Nothing of the content is logged.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "haven-chart.h"
#include "haven-flow-runner.h"
#include "haven-summary.h"
#include "haven-ui-util.h"
#include "haven-vocabulary.h"

#define MM              (72.0 / 25.4)
#define PAGE_MARGIN     (20 * MM)
/* The room at the bottom of each page for its footer. */
#define FOOTER_HEIGHT   22.0
/* The charts measure and draw in pixels of 1/96 inch; the page is in points. */
#define CHART_SCALE     (72.0 / 96.0)

#define INK             "#241f31"
#define INK_SOFT        "#5e5c64"
#define RULE_COLOR      "#c0bfbc"

typedef enum
{
  BLOCK_TEXT,
  BLOCK_CHART,
  BLOCK_ROW,      /* a raw spot and how often: the name left, the count right */
  BLOCK_RULE,
} BlockKind;

typedef struct
{
  double top;
  double bottom;
  double baseline;
  double x;
  gboolean empty;    /* a blank line between paragraphs */
} LineBox;

typedef struct
{
  BlockKind    kind;
  double       space_before;
  gboolean     keep_with_next;   /* never the last thing on a page */
  double       height;
  GdkRGBA      color;
  PangoLayout *layout;           /* TEXT, and ROW's name */
  GArray      *lines;            /* TEXT: LineBox per line */
  PangoLayout *aside;            /* ROW: the count */
  HavenChart  *chart;            /* CHART */
  double       scale;            /* CHART: points per chart pixel */
} Block;

/* A block, or some lines of a text block, placed on a page. */
typedef struct
{
  guint  block;
  guint  first_line;
  guint  end_line;
  double y;
} Piece;

typedef struct
{
  HavenStore                *store;
  const HavenSummaryOptions *options;
  HavenStatsPeriod           period;
  HavenTime                  now;
  char                      *period_text;

  HavenChart                *mood_chart;
  HavenChart                *reactions_chart;
  GPtrArray                 *pain_points;  /* HavenPainPointCount */
  GPtrArray                 *entries;      /* HavenEntry, in the order they happened */

  PangoFontDescription      *font;
  double                     width;
  double                     height;       /* less the footer */
  GPtrArray                 *blocks;
  GPtrArray                 *pages;        /* GArray of Piece */
} Summary;

static void
block_free (Block *block)
{
  g_clear_object (&block->layout);
  g_clear_object (&block->aside);
  g_clear_pointer (&block->lines, g_array_unref);
  g_clear_object (&block->chart);
  g_free (block);
}

static void
summary_clear (Summary *s)
{
  g_clear_pointer (&s->period_text, g_free);
  g_clear_object (&s->mood_chart);
  g_clear_object (&s->reactions_chart);
  g_clear_pointer (&s->pain_points, g_ptr_array_unref);
  g_clear_pointer (&s->entries, g_ptr_array_unref);
  g_clear_pointer (&s->font, pango_font_description_free);
  g_clear_pointer (&s->blocks, g_ptr_array_unref);
  g_clear_pointer (&s->pages, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Summary, summary_clear)

void
haven_summary_options_init (HavenSummaryOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (HavenSummaryOptions) {
    .range = HAVEN_STATS_RANGE_4_WEEKS,
    .include_mood = TRUE,
    .include_reactions = TRUE,
    .include_pain_points = TRUE,
  };
}

static char *
format_date (const GDate *date,
             const char  *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (date),
                                                   g_date_get_month (date),
                                                   g_date_get_day (date), 12, 0, 0);

  return dt != NULL ? g_date_time_format (dt, format) : g_strdup ("");
}

char *
haven_summary_describe_period (const HavenStatsPeriod *period)
{
  GDate last = period->first_day;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (period != NULL, NULL);

  g_date_add_days (&last, period->n_weeks * 7 - 1);
  /* The days after today are in the last week, but not yet in anyone's life. */
  if (g_date_valid (&period->today) && g_date_compare (&period->today, &last) < 0)
    last = period->today;

  if (g_date_get_year (&period->first_day) == g_date_get_year (&last))
    /* Translators: the first day of a period whose last day is in the same year, as a
     * strftime format: "3 March". */
    from = format_date (&period->first_day, _("%-d %B"));
  else
    /* Translators: a date in a sentence, as a strftime format. */
    from = format_date (&period->first_day, _("%-d %B %Y"));
  to = format_date (&last, _("%-d %B %Y"));

  /* Translators: a period of days: "3 March – 30 March 2026". */
  return g_strdup_printf (_("%s – %s"), from, to);
}

/* Gathering -------------------------------------------------------------------------------- */

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  HavenEntry *ea = *(HavenEntry **)a;
  HavenEntry *eb = *(HavenEntry **)b;
  HavenTime ta = haven_entry_get_occurred_at (ea);
  HavenTime tb = haven_entry_get_occurred_at (eb);

  if (ta != tb)
    return ta < tb ? -1 : 1;

  return haven_entry_get_id (ea) < haven_entry_get_id (eb) ? -1 : 1;
}

static gboolean
gather_entries (Summary  *s,
                GError  **error)
{
  const HavenSummaryOptions *options = s->options;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  s->entries = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < options->n_entry_ids; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(HavenEntry) entry = NULL;
      HavenTime at;

      if (!g_hash_table_add (seen, (gpointer)&options->entry_ids[i]))
        continue;

      entry = haven_store_get_entry (s->store, options->entry_ids[i], &local_error);
      if (entry == NULL)
        {
          /* Gone since it was ticked (deleted for good): there is nothing of it to include. */
          if (g_error_matches (local_error, HAVEN_STORE_ERROR, HAVEN_STORE_ERROR_NOT_FOUND))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      at = haven_entry_get_occurred_at (entry);
      if (haven_entry_get_deleted_at (entry) != 0 || haven_entry_get_is_draft (entry) ||
          at < s->period.from || at >= s->period.to)
        continue;

      g_ptr_array_add (s->entries, g_steal_pointer (&entry));
    }

  g_ptr_array_sort (s->entries, compare_entries);

  return TRUE;
}

static HavenChart *
new_chart (HavenChartKind kind)
{
  return g_object_ref_sink (haven_chart_new (kind));
}

/* Everything the summary shows is read before a file is made: a journal that cannot be read
 * leaves nothing behind. */
static gboolean
gather (Summary  *s,
        GError  **error)
{
  const HavenSummaryOptions *options = s->options;

  if (!haven_stats_period_init (&s->period, s->store, options->range, s->now,
                                haven_stats_locale_first_weekday (), error))
    return FALSE;
  s->period_text = haven_summary_describe_period (&s->period);

  if (options->include_mood)
    {
      HavenMoodSeries *mood = haven_stats_mood_series (s->store, &s->period, error);

      if (mood == NULL)
        return FALSE;
      s->mood_chart = new_chart (HAVEN_CHART_MOOD);
      haven_chart_set_mood (s->mood_chart, mood);
    }

  if (options->include_reactions)
    {
      HavenReactionWeeks *reactions = haven_stats_reaction_weeks (s->store, &s->period, error);

      if (reactions == NULL)
        return FALSE;
      s->reactions_chart = new_chart (HAVEN_CHART_REACTIONS);
      haven_chart_set_reactions (s->reactions_chart, reactions);
    }

  if (options->include_pain_points)
    {
      s->pain_points = haven_stats_pain_point_counts (s->store, s->period.from, s->period.to,
                                                      error);
      if (s->pain_points == NULL)
        return FALSE;
    }

  return gather_entries (s, error);
}

/* Layout ----------------------------------------------------------------------------------- */

typedef enum
{
  STYLE_TITLE,
  STYLE_SUBTITLE,
  STYLE_HEADING,
  STYLE_ENTRY_TITLE,
  STYLE_BODY,
  STYLE_NOTE,     /* smaller, softer: descriptions, dates */
  STYLE_FOOTER,
} TextStyle;

static PangoLayout *
make_layout (Summary         *s,
             GtkPrintContext *context,
             TextStyle        style,
             const char      *text,
             double           width)
{
  static const struct { double size; PangoWeight weight; } styles[] = {
    [STYLE_TITLE] = { 22, PANGO_WEIGHT_BOLD },
    [STYLE_SUBTITLE] = { 13, PANGO_WEIGHT_NORMAL },
    [STYLE_HEADING] = { 14.5, PANGO_WEIGHT_BOLD },
    [STYLE_ENTRY_TITLE] = { 12, PANGO_WEIGHT_BOLD },
    [STYLE_BODY] = { 10.5, PANGO_WEIGHT_NORMAL },
    [STYLE_NOTE] = { 9.5, PANGO_WEIGHT_NORMAL },
    [STYLE_FOOTER] = { 8, PANGO_WEIGHT_NORMAL },
  };
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (s->font);

  pango_font_description_set_size (font, (int)(styles[style].size * PANGO_SCALE));
  pango_font_description_set_weight (font, styles[style].weight);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (style == STYLE_BODY)
    /* Text to read, perhaps with a pen in hand: a little air between the lines. */
    pango_layout_set_line_spacing (layout, 1.25);
  /* The person's own words: never markup. */
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static Block *
add_block (Summary   *s,
           BlockKind  kind,
           double     space_before)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->space_before = space_before;
  gdk_rgba_parse (&block->color, INK);
  g_ptr_array_add (s->blocks, block);

  return block;
}

static Block *
add_text (Summary         *s,
          GtkPrintContext *context,
          TextStyle        style,
          const char      *text,
          double           space_before)
{
  Block *block = add_block (s, BLOCK_TEXT, space_before);
  PangoLayoutIter *iter;

  block->layout = make_layout (s, context, style, text, s->width);
  if (style == STYLE_NOTE || style == STYLE_SUBTITLE)
    gdk_rgba_parse (&block->color, INK_SOFT);
  block->keep_with_next = style == STYLE_HEADING || style == STYLE_ENTRY_TITLE ||
                          style == STYLE_TITLE;

  block->lines = g_array_new (FALSE, FALSE, sizeof (LineBox));
  iter = pango_layout_get_iter (block->layout);
  do
    {
      PangoRectangle logical;
      LineBox line;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.top = (double)y0 / PANGO_SCALE;
      line.bottom = (double)y1 / PANGO_SCALE;
      line.baseline = (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      line.x = (double)logical.x / PANGO_SCALE;
      line.empty = pango_layout_iter_get_line_readonly (iter)->length == 0;
      g_array_append_val (block->lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  block->height = g_array_index (block->lines, LineBox, block->lines->len - 1).bottom;

  return block;
}

static void
add_rule (Summary *s,
          double   space_before)
{
  Block *block = add_block (s, BLOCK_RULE, space_before);

  /* A rule opens what comes after it. */
  block->keep_with_next = TRUE;
  block->height = 1;
  gdk_rgba_parse (&block->color, RULE_COLOR);
}

static void
add_chart (Summary    *s,
           HavenChart *chart,
           double      space_before)
{
  Block *block = add_block (s, BLOCK_CHART, space_before);
  double height = haven_chart_get_height_for_width (chart, s->width / CHART_SCALE);

  block->chart = g_object_ref (chart);
  block->scale = CHART_SCALE;
  /* A chart is never cut: one taller than a page (a great many raw spots) is made smaller. */
  if (height * block->scale > s->height)
    block->scale = s->height / height;
  block->height = height * block->scale;
}

static void
add_row (Summary         *s,
         GtkPrintContext *context,
         const char      *name,
         const char      *count)
{
  Block *block = add_block (s, BLOCK_ROW, 0);
  int name_height, count_width, count_height;

  block->aside = make_layout (s, context, STYLE_BODY, count, -1);
  pango_layout_get_size (block->aside, &count_width, &count_height);
  block->layout = make_layout (s, context, STYLE_BODY, name,
                               s->width - (double)count_width / PANGO_SCALE - 18);
  pango_layout_get_size (block->layout, NULL, &name_height);
  block->height = (double)MAX (name_height, count_height) / PANGO_SCALE + 9;
}

static void
add_section (Summary         *s,
             GtkPrintContext *context,
             const char      *heading,
             const char      *description)
{
  add_text (s, context, STYLE_HEADING, heading, 26);
  if (description != NULL)
    {
      Block *block = add_text (s, context, STYLE_NOTE, description, 3);

      block->keep_with_next = TRUE;
    }
}

static void
add_chart_section (Summary         *s,
                   GtkPrintContext *context,
                   HavenChart      *chart,
                   const char      *heading,
                   const char      *description,
                   const char      *empty)
{
  add_section (s, context, heading, haven_chart_has_data (chart) ? description : NULL);
  if (haven_chart_has_data (chart))
    add_chart (s, chart, 10);
  else
    add_text (s, context, STYLE_BODY, empty, 6);
}

static void
add_pain_points (Summary         *s,
                 GtkPrintContext *context)
{
  add_section (s, context, _("Raw Spots That Came Back Most"),
               s->pain_points->len > 0 ? _("How often each raw spot was named, in check-ins and entries.")
                                       : NULL);
  if (s->pain_points->len == 0)
    {
      add_text (s, context, STYLE_BODY, _("No raw spots named in this period."), 6);
      return;
    }

  add_rule (s, 8);
  for (guint i = 0; i < s->pain_points->len; i++)
    {
      HavenPainPointCount *count = g_ptr_array_index (s->pain_points, i);
      g_autofree char *times = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time",
                                                             "%u times", count->count),
                                                count->count);

      add_row (s, context, count->name, times);
    }
}

static char *
describe_entry_meta (Summary    *s,
                     HavenEntry *entry)
{
  g_autofree char *when = haven_format_date_time (haven_entry_get_occurred_at (entry));
  g_autoptr(GString) meta = g_string_new (when);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const gint64 *ids;
  guint n_ids;

  g_string_append_printf (meta, " · %s", haven_entry_kind_label (haven_entry_get_kind (entry)));

  ids = haven_entry_get_pain_point_ids (entry, &n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(HavenPainPoint) point = haven_store_get_pain_point (s->store, ids[i], NULL);

      if (point != NULL)
        g_ptr_array_add (names, g_strdup (haven_pain_point_get_name (point)));
    }
  if (names->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (names, NULL);
      joined = haven_join_words ((const char * const *)names->pdata);
      g_string_append_printf (meta, _(" · raw spots: %s"), joined);
    }

  return g_string_free (g_steal_pointer (&meta), FALSE);
}

/* The entry as its page shows it: its text, or for a guided entry left without one, its
 * answers as the flow writes them up. */
static char *
dup_entry_text (Summary    *s,
                HavenEntry *entry)
{
  const char *body = haven_entry_get_body (entry);
  const HavenFlow *flow = haven_flow_lookup (haven_entry_get_flow_id (entry));
  g_autoptr(HavenFlowRunner) runner = NULL;
  g_autofree char *text = g_strstrip (g_strdup (body));

  if (*text != '\0' || flow == NULL || flow->n_steps == 0)
    return g_steal_pointer (&text);

  runner = haven_flow_runner_new (s->store, flow, entry);
  return haven_flow_runner_compose_summary (runner);
}

static void
add_entries (Summary         *s,
             GtkPrintContext *context)
{
  add_text (s, context, STYLE_HEADING, _("From My Journal"), 30);
  add_rule (s, 8);

  for (guint i = 0; i < s->entries->len; i++)
    {
      HavenEntry *entry = g_ptr_array_index (s->entries, i);
      const char *title = haven_entry_get_title (entry);
      g_autofree char *meta = describe_entry_meta (s, entry);
      g_autofree char *text = dup_entry_text (s, entry);
      Block *block;

      if (title == NULL || *title == '\0')
        title = haven_entry_kind_label (haven_entry_get_kind (entry));

      add_text (s, context, STYLE_ENTRY_TITLE, title, i == 0 ? 12 : 22);
      block = add_text (s, context, STYLE_NOTE, meta, 2);
      block->keep_with_next = *text != '\0';
      if (*text != '\0')
        add_text (s, context, STYLE_BODY, text, 8);
    }
}

static void
lay_out (Summary         *s,
         GtkPrintContext *context)
{
  g_autoptr(GDateTime) made = g_date_time_new_from_unix_local (s->now);
  /* Translators: a date in a sentence, as a strftime format. */
  g_autofree char *made_date = made ? g_date_time_format (made, _("%-d %B %Y")) : g_strdup ("");
  /* Translators: under the title of a summary; %s is the date it was made. */
  g_autofree char *made_text = g_strdup_printf (_("Made on %s with Haven, a private journal."),
                                                made_date);

  s->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)block_free);

  add_text (s, context, STYLE_TITLE, _("Haven: A Summary"), 0);
  add_text (s, context, STYLE_SUBTITLE, s->period_text, 4)->keep_with_next = TRUE;
  add_text (s, context, STYLE_NOTE, made_text, 4);
  add_rule (s, 14);

  if (s->mood_chart != NULL)
    add_chart_section (s, context, s->mood_chart, _("Mood"),
                       _("A dot for each day, and a line for the average of the last seven days."),
                       _("No mood noted in this period."));
  if (s->reactions_chart != NULL)
    add_chart_section (s, context, s->reactions_chart, _("How You Reacted"),
                       _("Per week, from check-ins and entries about a conflict."),
                       _("No reactions noted in this period."));
  if (s->pain_points != NULL)
    add_pain_points (s, context);
  if (s->entries->len > 0)
    add_entries (s, context);
}

/* The height a block needs at the bottom of a page: all of it, or for text its first two
 * lines; and what must follow it on the same page. */
static double
min_height (Summary *s,
            guint    i)
{
  Block *block = g_ptr_array_index (s->blocks, i);
  double height = block->height;

  if (block->kind == BLOCK_TEXT && !block->keep_with_next && block->lines->len > 2)
    height = g_array_index (block->lines, LineBox, 1).bottom;

  if (block->keep_with_next && i + 1 < s->blocks->len)
    {
      Block *next = g_ptr_array_index (s->blocks, i + 1);

      height += next->space_before + min_height (s, i + 1);
    }

  return height;
}

static GArray *
new_page (Summary *s)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Piece));

  g_ptr_array_add (s->pages, page);
  return page;
}

static void
paginate (Summary *s)
{
  GArray *page;
  double y = 0;

  s->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  page = new_page (s);

  for (guint i = 0; i < s->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (s->blocks, i);
      double space = y > 0 ? block->space_before : 0;

      if (y > 0 && y + space + MIN (min_height (s, i), s->height) > s->height)
        {
          page = new_page (s);
          y = space = 0;
        }
      y += space;

      if (block->kind != BLOCK_TEXT)
        {
          Piece piece = { i, 0, 0, y };

          g_array_append_val (page, piece);
          y += block->height;
          continue;
        }

      /* Text runs on over as many pages as it needs, broken between lines. */
      for (guint line = 0; line < block->lines->len;)
        {
          double top;
          Piece piece;

          /* A page does not begin with the space between two paragraphs. */
          while (y == 0 && line > 0 && line < block->lines->len &&
                 g_array_index (block->lines, LineBox, line).empty)
            line++;
          if (line == block->lines->len)
            break;

          top = g_array_index (block->lines, LineBox, line).top;
          piece = (Piece) { i, line, line, y };

          while (piece.end_line < block->lines->len &&
                 y + g_array_index (block->lines, LineBox, piece.end_line).bottom - top <= s->height)
            piece.end_line++;
          /* A line taller than a whole page cannot be: it goes on a page of its own. */
          if (piece.end_line == line && y == 0)
            piece.end_line++;

          if (piece.end_line > line)
            {
              g_array_append_val (page, piece);
              y += g_array_index (block->lines, LineBox, piece.end_line - 1).bottom - top;
              line = piece.end_line;
            }

          if (line < block->lines->len)
            {
              page = new_page (s);
              y = 0;
            }
        }
    }
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Summary           *s)
{
  g_autofree char *ui_font = NULL;

  g_object_get (gtk_settings_get_default (), "gtk-font-name", &ui_font, NULL);
  s->font = pango_font_description_from_string (ui_font != NULL ? ui_font : "Sans");
  pango_font_description_unset_fields (s->font, PANGO_FONT_MASK_SIZE | PANGO_FONT_MASK_WEIGHT |
                                                PANGO_FONT_MASK_STYLE);

  s->width = gtk_print_context_get_width (context);
  s->height = gtk_print_context_get_height (context) - FOOTER_HEIGHT;

  lay_out (s, context);
  paginate (s);
  gtk_print_operation_set_n_pages (operation, s->pages->len);
}

/* Drawing ---------------------------------------------------------------------------------- */

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
draw_piece (Summary     *s,
            cairo_t     *cr,
            const Piece *piece)
{
  Block *block = g_ptr_array_index (s->blocks, piece->block);

  switch (block->kind)
    {
    case BLOCK_TEXT:
      {
        double top = g_array_index (block->lines, LineBox, piece->first_line).top;

        set_color (cr, &block->color);
        for (guint i = piece->first_line; i < piece->end_line; i++)
          {
            const LineBox *line = &g_array_index (block->lines, LineBox, i);

            cairo_move_to (cr, line->x, piece->y + line->baseline - top);
            pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->layout, i));
          }
      }
      break;

    case BLOCK_ROW:
      {
        GdkRGBA rule;
        int count_width;

        set_color (cr, &block->color);
        cairo_move_to (cr, 0, piece->y + 4);
        pango_cairo_show_layout (cr, block->layout);
        pango_layout_get_size (block->aside, &count_width, NULL);
        cairo_move_to (cr, s->width - (double)count_width / PANGO_SCALE, piece->y + 4);
        pango_cairo_show_layout (cr, block->aside);

        gdk_rgba_parse (&rule, RULE_COLOR);
        set_color (cr, &rule);
        cairo_set_line_width (cr, 0.5);
        cairo_move_to (cr, 0, piece->y + block->height - 0.25);
        cairo_line_to (cr, s->width, piece->y + block->height - 0.25);
        cairo_stroke (cr);
      }
      break;

    case BLOCK_RULE:
      set_color (cr, &block->color);
      cairo_set_line_width (cr, 0.75);
      cairo_move_to (cr, 0, piece->y + 0.5);
      cairo_line_to (cr, s->width, piece->y + 0.5);
      cairo_stroke (cr);
      break;

    case BLOCK_CHART:
      cairo_save (cr);
      cairo_translate (cr, 0, piece->y);
      cairo_scale (cr, block->scale, block->scale);
      haven_chart_draw (block->chart, cr, s->width / block->scale, block->height / block->scale,
                        TRUE);
      cairo_restore (cr);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
draw_footer (Summary         *s,
             GtkPrintContext *context,
             cairo_t         *cr,
             int              page_nr)
{
  /* Translators: at the foot of each page of a summary. */
  g_autofree char *number = g_strdup_printf (_("Page %d of %d"), page_nr + 1, (int)s->pages->len);
  g_autofree char *title = g_strdup_printf ("%s · %s", _("Haven: A Summary"), s->period_text);
  g_autoptr(PangoLayout) left = make_layout (s, context, STYLE_FOOTER, title, -1);
  g_autoptr(PangoLayout) right = make_layout (s, context, STYLE_FOOTER, number, -1);
  double bottom = gtk_print_context_get_height (context);
  GdkRGBA color;
  int width, height;

  gdk_rgba_parse (&color, INK_SOFT);
  set_color (cr, &color);

  pango_layout_get_size (right, &width, &height);
  pango_layout_set_width (left, (int)((s->width - (double)width / PANGO_SCALE - 24) * PANGO_SCALE));
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);

  cairo_move_to (cr, 0, bottom - (double)height / PANGO_SCALE);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, s->width - (double)width / PANGO_SCALE, bottom - (double)height / PANGO_SCALE);
  pango_cairo_show_layout (cr, right);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Summary           *s)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  GArray *page;

  g_return_if_fail (page_nr >= 0 && (guint)page_nr < s->pages->len);

  page = g_ptr_array_index (s->pages, page_nr);
  for (guint i = 0; i < page->len; i++)
    draw_piece (s, cr, &g_array_index (page, Piece, i));

  draw_footer (s, context, cr, page_nr);
}

/* Writing ---------------------------------------------------------------------------------- */

static void
set_folder_error (GError     **error,
                  int          saved_errno,
                  const char  *dir)
{
  g_autofree char *name = g_filename_display_basename (dir);

  switch (saved_errno)
    {
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no folder “%s”. Choose another place to save it."), name);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Haven may not write in the folder “%s”. Choose another place to save it."),
                   name);
      break;
    case ENOSPC:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("The disk is full. Make some room, or choose another place to save it."));
      break;
    default:
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The file could not be written: %s."), g_strerror (saved_errno));
      break;
    }
}

/* GTK does not say when cairo fails to write a page: the file is checked instead. */
static gboolean
check_written (const char  *path,
               GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL) || length < 16 ||
      !g_str_has_prefix (contents, "%PDF-") ||
      g_strrstr_len (contents + length - MIN (length, 64), MIN (length, 64), "%%EOF") == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The file could not be written completely. Is the disk full?"));
      return FALSE;
    }

  return TRUE;
}

gboolean
haven_summary_export_pdf (HavenStore                 *store,
                          const HavenSummaryOptions  *options,
                          const char                 *path,
                          GError                    **error)
{
  g_auto(Summary) s = { 0 };
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  g_autoptr(GError) print_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  g_autofree char *temp_path = NULL;
  GtkPrintOperationResult result;
  int fd;

  g_return_val_if_fail (HAVEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (options->n_entry_ids == 0 || options->entry_ids != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  s.store = store;
  s.options = options;
  s.now = options->now != 0 ? options->now : haven_time_now ();
  if (!gather (&s, error))
    return FALSE;

  /* A private file beside the chosen one, so that a half-written summary never takes its
   * place and no one else can read it even for a moment. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  template = g_strdup_printf ("%s%s.%s.XXXXXX", dir, G_DIR_SEPARATOR_S, base);
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_folder_error (error, errno, dir);
      return FALSE;
    }
  g_close (fd, NULL);
  temp_path = g_steal_pointer (&template);

  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_top_margin (setup, 20, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 16, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 20, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 20, GTK_UNIT_MM);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, _("Haven: A Summary"));
  gtk_print_operation_set_export_filename (operation, temp_path);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), &s);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), &s);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                    &print_error);
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_unlink (temp_path);
      if (print_error != NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The file could not be written: %s."),
                     print_error->message);
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("Making the PDF was cancelled."));
      return FALSE;
    }

  if (!check_written (temp_path, error))
    {
      g_unlink (temp_path);
      return FALSE;
    }

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      set_folder_error (error, saved_errno, dir);
      return FALSE;
    }

  return TRUE;
}
