/* haven-row-text.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text of a journal row: a label that starts from the left (or is centred), wraps over
 * at most a few lines and ends in an ellipsis when there is more. The welcome page uses it
 * too, for its title and text.
 *
 * A GtkLabel that wraps lays its text out for every size it is asked about: as wide as it
 * could be, as narrow as it could be, the average character width of its font, the height at
 * the width it is offered and again at the width it gets. In GTK 4.8 each of those shapes the
 * whole text anew, and with some thirty rows built before the first frame that was the
 * largest part of Haven's start-up. Worse, a GtkViewport asks its child how wide it would be at
 * the viewport's height, which sends a wrapping GtkLabel into a search over widths, a new layout
 * at each. This one says how wide it may be from its font's average character width alone,
 * known once per font and whatever the height. It shapes its text once without a width, counts
 * its height at a width from that where it can (see measure_height()), and shapes it again
 * only to draw it at a width it does not fit. Of a long paragraph cut short after a line or
 * two, only the start that can be seen is shaped (see cut_for_width()).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "haven-row-text.h"
#include "haven-ui-util.h"

struct _HavenRowText
{
  GtkWidget             parent_instance;

  char                 *text;
  int                   text_length;  /* in bytes */
  PangoAttrList        *attributes;   /* from markup, or NULL */
  gboolean              wrap;
  gboolean              centered;
  int                   lines;
  int                   width_chars;
  int                   max_width_chars;

  PangoLayout          *full_layout;  /* the text without a width: as long as it is */
  int                   shaped_length; /* how much of the text it holds: all, or its start */
  gboolean              start_only;   /* only the start can be seen: see shows_only_start() */
  int                   full_width;   /* its width, in Pango units; G_MAXINT if not drawn */
  int                  *paragraph_widths; /* each paragraph's, without a width */
  int                   n_paragraphs;
  int                   line_height;  /* every line's, or 0 if lines may differ */
  PangoLayout          *layout;       /* laid out at layout_width, or NULL */
  int                   layout_width;
  int                   layout_length; /* how much of the text it holds */
  PangoFontDescription *font;         /* the font the layouts were made with */
  int                   char_width;   /* the average character's width in char_width_font */
  PangoFontDescription *char_width_font;
};

G_DEFINE_FINAL_TYPE (HavenRowText, haven_row_text, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_WRAP,
  PROP_CENTERED,
  PROP_LINES,
  PROP_WIDTH_CHARS,
  PROP_MAX_WIDTH_CHARS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_layout (HavenRowText *self)
{
  g_clear_object (&self->full_layout);
  g_clear_pointer (&self->paragraph_widths, g_free);
  g_clear_object (&self->layout);
  self->layout_length = -1;
  g_clear_pointer (&self->char_width_font, pango_font_description_free);
  g_clear_pointer (&self->font, pango_font_description_free);
}

static void
text_changed (HavenRowText *self)
{
  self->text_length = self->text != NULL ? strlen (self->text) : 0;
  clear_layout (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->text, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/* The width of @text as shaped in @context, or the widest of its glyphs: advances only,
 * which need no glyph loaded or hinted. */
static int
shaped_width (PangoContext *context,
              const char   *text,
              gboolean      widest_glyph)
{
  int length = strlen (text);
  GList *items = pango_itemize (context, text, 0, length, NULL, NULL);
  PangoGlyphString *glyphs = pango_glyph_string_new ();
  int width = 0;

  for (GList *l = items; l != NULL; l = l->next)
    {
      PangoItem *item = l->data;

      pango_shape_full (text + item->offset, item->length, text, length, &item->analysis,
                        glyphs);
      if (!widest_glyph)
        width += pango_glyph_string_get_width (glyphs);
      else
        for (int i = 0; i < glyphs->num_glyphs; i++)
          width = MAX (width, glyphs->glyphs[i].geometry.width);
    }

  pango_glyph_string_free (glyphs);
  g_list_free_full (items, (GDestroyNotify)pango_item_free);

  return width;
}

/* The width of an average character, as GtkLabel counts it for width-chars: the larger of
 * Pango's approximate character width (its language's sample text, shaped, per column) and
 * digit width (the widest digit). pango_context_get_metrics() gives both, but first has the
 * font measure itself in a layout of its own, with the font map's options rather than the
 * ones this widget draws with (haven_row_text_init()): every glyph of the sample text loaded
 * and hinted in a font that is never drawn, 3.4 M instructions per font before the first
 * frame. Shaping alone gives the same widths from the glyphs' advances. Asked once per font
 * and size. */
static int
get_char_width (HavenRowText *self)
{
  static GHashTable *widths;
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  g_autofree char *font_name = NULL;
  g_autofree char *key = NULL;
  gpointer width;

  /* GTK asks a row's size many times over: the font's name is not made each time. */
  if (self->char_width_font != NULL && pango_font_description_equal (self->char_width_font, font))
    return self->char_width;

  font_name = pango_font_description_to_string (font);
  key = g_strdup_printf ("%s@%g", font_name, pango_cairo_context_get_resolution (context));

  if (widths == NULL)
    widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!g_hash_table_lookup_extended (widths, key, NULL, &width))
    {
      const char *sample = pango_language_get_sample_string (pango_context_get_language (context));
      int columns = 0;

      /* Columns as Pango counts them: none for a zero-width character, two for a wide one. */
      for (const char *c = sample; *c != '\0'; c = g_utf8_next_char (c))
        {
          gunichar ch = g_utf8_get_char (c);

          columns += g_unichar_iszerowidth (ch) ? 0 : g_unichar_iswide (ch) ? 2 : 1;
        }

      /* The font measures its digits with hinted metrics: whole pixels. */
      width = GINT_TO_POINTER (MAX (shaped_width (context, sample, FALSE) / MAX (columns, 1),
                                    PANGO_UNITS_ROUND (shaped_width (context, "0123456789",
                                                                     TRUE))));
      g_hash_table_insert (widths, g_steal_pointer (&key), width);
    }

  g_clear_pointer (&self->char_width_font, pango_font_description_free);
  self->char_width_font = pango_font_description_copy (font);
  self->char_width = GPOINTER_TO_INT (width);

  return self->char_width;
}

/* The first @length bytes of the text, laid out as drawn. */
static PangoLayout *
create_layout (HavenRowText *self,
               int           length)
{
  GtkWidget *widget = GTK_WIDGET (self);
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);

  pango_layout_set_text (layout, self->text != NULL ? self->text : "", length);
  pango_layout_set_attributes (layout, self->attributes);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* An ellipsis ends the last line allowed: the first one, without wrapping. */
  if (!self->wrap || self->lines > 0)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, self->wrap ? -self->lines : -1);
    }
  if (self->centered)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  else
    pango_layout_set_alignment (layout, gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
                                          ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);

  return layout;
}

/* The height of every line the text can be broken into, or 0 if they may differ: they are all
 * as tall when one font draws all of it, the ellipsis included. */
static int
uniform_line_height (PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoFont *font = NULL;
  int height = -1;
  gboolean uniform = TRUE;

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle logical;

      if (run != NULL)
        {
          if (font == NULL)
            font = run->item->analysis.font;
          uniform = run->item->analysis.font == font;
        }
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (height >= 0 && logical.height != height)
        uniform = FALSE;
      height = logical.height;
    }
  while (uniform && pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  if (uniform && font != NULL && !pango_font_has_char (font, 0x2026 /* … */))
    uniform = FALSE;

  return uniform && height > 0 ? height : 0;
}

/* Whether only the start of the text can ever be seen: one paragraph, cut short with an
 * ellipsis after a few lines (journal rows show at most two of an excerpt of 400 characters).
 * Then only as much of it is shaped as the widths it is asked about need, if it runs from left
 * to right (see lay_out_full()). */
static gboolean
shows_only_start (HavenRowText *self)
{
  if (self->wrap && self->lines <= 0)
    return FALSE;

  /* Pango's paragraph separators: \n, \r and U+2029. */
  for (const char *c = self->text; c != NULL && *c != '\0'; c++)
    if (*c == '\n' || *c == '\r' || (c[0] == '\xe2' && c[1] == '\x80' && c[2] == '\xa9'))
      return FALSE;

  return TRUE;
}

/* The length in bytes of the first @n_chars characters of the text, or of all of it. */
static int
length_of_start (HavenRowText *self,
                 int           n_chars)
{
  const char *end = self->text;

  if (end == NULL)
    return 0;

  for (int i = 0; i < n_chars && *end != '\0'; i++)
    end = g_utf8_next_char (end);

  return end - self->text;
}

/* Whether @layout, without a width, is one line of text that runs from left to right only. */
static gboolean
runs_left_to_right (PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  gboolean ltr = TRUE;

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run != NULL && run->item->analysis.level % 2 != 0)
        ltr = FALSE;
    }
  while (ltr && pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  return ltr && pango_layout_get_line_count (layout) == 1 &&
         pango_layout_get_line_readonly (layout, 0)->resolved_dir == PANGO_DIRECTION_LTR;
}

/* The first @length bytes of the text without a width, and what they say about the text: how
 * wide each paragraph is and how tall a line. */
static void
lay_out_full (HavenRowText *self,
              int           length)
{
  PangoLayoutIter *iter;
  gboolean whole = length >= self->text_length;
  int i = 0;

  g_clear_object (&self->full_layout);
  g_clear_pointer (&self->paragraph_widths, g_free);

  self->full_layout = create_layout (self, length);
  self->shaped_length = length;
  self->n_paragraphs = pango_layout_get_line_count (self->full_layout);
  self->paragraph_widths = g_new0 (int, self->n_paragraphs);

  self->line_height = uniform_line_height (self->full_layout);

  /* A paragraph that ends in spaces is not counted: how far Pango lets them run past the
   * width is its own affair. */
  iter = pango_layout_get_iter (self->full_layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      const char *start = pango_layout_get_text (self->full_layout) + line->start_index;
      const char *end = start + line->length;
      PangoRectangle logical;

      if (line->resolved_dir != PANGO_DIRECTION_LTR ||
          (whole && end > start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end)))))
        self->line_height = 0;   /* laid out at each width instead */

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      self->paragraph_widths[i++] = logical.width;
    }
  while (i < self->n_paragraphs && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  /* Drawn as it is where it fits, if it starts at the left (see ensure_layout()). */
  if (whole && pango_layout_get_alignment (self->full_layout) == PANGO_ALIGN_LEFT)
    pango_layout_get_size (self->full_layout, &self->full_width, NULL);
  else
    self->full_width = G_MAXINT;

  /* Cut short only where every character runs from left to right: a character's place on
   * the line then says how much of the text comes before it (see cut_for_width()). */
  if (self->start_only && !runs_left_to_right (self->full_layout))
    {
      self->start_only = FALSE;
      if (!whole)
        lay_out_full (self, self->text_length);
    }
}

/* Enough for two lines of a row at its usual width, in any of its fonts. */
#define FIRST_SHAPED_CHARS 160

static void
ensure_full_layout (HavenRowText *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  PangoContext *context;

  if (self->font != NULL)
    return;

  context = gtk_widget_get_pango_context (widget);
  self->font = pango_font_description_copy (pango_context_get_font_description (context));
  self->start_only = shows_only_start (self);
  lay_out_full (self, self->start_only ? length_of_start (self, FIRST_SHAPED_CHARS)
                                       : self->text_length);
}

/* Shapes the text until it is shaped all or further than @x (Pango units) from its start. */
static void
shape_past (HavenRowText *self,
            int           x)
{
  ensure_full_layout (self);

  while (self->shaped_length < self->text_length && self->paragraph_widths[0] <= x)
    {
      int n_chars = g_utf8_strlen (self->text, self->shaped_length);

      lay_out_full (self, length_of_start (self, 2 * n_chars));
    }
}

/* How much of the text to lay out at @width (Pango units) to draw it: all of it, or where only
 * its start can be seen, as far as its lines can reach with some characters to spare (so that
 * the last of them is shaped next to the one that follows, and the ellipsis has a text to
 * replace). */
static int
cut_for_width (HavenRowText *self,
               int           width)
{
  PangoLayoutLine *line;
  int reach, index, trailing;

  if (!self->start_only)
    return self->text_length;

  reach = (self->wrap ? self->lines : 1) * MAX (width, 0) + 8 * get_char_width (self);
  shape_past (self, reach);
  if (!self->start_only || self->paragraph_widths[0] <= reach)
    return self->text_length;

  line = pango_layout_get_line_readonly (self->full_layout, 0);
  pango_layout_line_x_to_index (line, reach, &index, &trailing);

  return g_utf8_offset_to_pointer (self->text + index, trailing) - self->text;
}

/* The text laid out at @width (Pango units), to be drawn.
 *
 * Where the text fits, the width makes no difference to a text that starts at the left: each
 * paragraph is one line, nothing wraps or is cut short. So it is laid out again only at a
 * width too narrow for it, and then, where only its start can be seen, only that start. */
static PangoLayout *
ensure_layout (HavenRowText *self,
               int           width)
{
  int length;

  ensure_full_layout (self);

  if (self->shaped_length == self->text_length && width >= self->full_width)
    return self->full_layout;

  if (self->layout != NULL && self->layout_width == width)
    return self->layout;

  length = cut_for_width (self, width);
  if (self->shaped_length == self->text_length && width >= self->full_width)
    return self->full_layout;

  if (self->layout == NULL)
    self->layout = create_layout (self, length);
  else if (length != self->layout_length)
    pango_layout_set_text (self->layout, self->text, length);
  pango_layout_set_width (self->layout, MAX (width, 0));

  /* Cut short, the start must still run past its last line, to end in the same ellipsis as
   * the whole text. The characters to spare see to that with every text tested (see
   * /ui/row-text-drawn); should a line ever hold more than counted, the whole text is laid
   * out rather than drawn differently. */
  if (length < self->text_length && !pango_layout_is_ellipsized (self->layout))
    {
      length = self->text_length;
      pango_layout_set_text (self->layout, self->text, length);
    }

  self->layout_width = width;
  self->layout_length = length;

  return self->layout;
}

/* The height of the text at @width (Pango units).
 *
 * GTK asks a wrapping text its height at many widths before it settles (the list, a clamp and
 * the window's default size each at their own: some ten per row at start-up), and each new
 * width would shape the whole text again. With at most two lines to a paragraph and lines of
 * one height, none of that is needed: a paragraph that fits takes one line, one that does not
 * takes two, the second ending in an ellipsis. Where only the start of a paragraph is shaped,
 * it is shaped further than the width, which is all that needs to be known of it. */
static int
measure_height (HavenRowText *self,
                int           width)
{
  int max_lines = self->wrap ? self->lines : 1;
  int n_lines = 0;
  int height;

  shape_past (self, width);

  if (self->line_height > 0 && (max_lines == 1 || max_lines == 2))
    {
      for (int i = 0; i < self->n_paragraphs; i++)
        n_lines += self->paragraph_widths[i] <= width ? 1 : max_lines;

      return PANGO_PIXELS_CEIL (n_lines * self->line_height);
    }

  pango_layout_get_pixel_size (ensure_layout (self, width), NULL, &height);

  return height;
}

/* The height of wrapping text depends on the width it gets; one line of text does not. */
static GtkSizeRequestMode
haven_row_text_get_request_mode (GtkWidget *widget)
{
  return HAVEN_ROW_TEXT (widget)->wrap ? GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH
                                       : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
haven_row_text_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  HavenRowText *self = HAVEN_ROW_TEXT (widget);
  int char_width = get_char_width (self);
  int min_width, nat_width;
  glong n_chars = self->text != NULL ? g_utf8_strlen (self->text, -1) : 0;

  /* As GtkLabel has it for text that wraps or ellipsizes: at least width-chars (or an
   * ellipsis), at most max-width-chars, and in between as long as the text; but counted in
   * average characters, not measured. */
  min_width = char_width * (self->width_chars > 0 ? self->width_chars : 3);
  nat_width = char_width * (self->max_width_chars > 0 ? MIN (n_chars, self->max_width_chars)
                                                       : n_chars);
  nat_width = MAX (min_width, nat_width);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = PANGO_PIXELS_CEIL (min_width);
      *natural = PANGO_PIXELS_CEIL (nat_width);
    }
  else
    {
      *minimum = *natural = measure_height (self, for_size >= 0 ? for_size * PANGO_SCALE
                                                                 : nat_width);
    }
}

static void
haven_row_text_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  ensure_layout (HAVEN_ROW_TEXT (widget), width * PANGO_SCALE);
}

static void
haven_row_text_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  HavenRowText *self = HAVEN_ROW_TEXT (widget);
  PangoLayout *layout = ensure_layout (self, gtk_widget_get_width (widget) * PANGO_SCALE);
  PangoRectangle logical;
  GdkRGBA color;
  int height, x;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* Where GtkLabel puts it: the text as a whole on a whole pixel (centred lines would
   * otherwise start between pixels, and look a little different), and centred in a row
   * taller than the text. */
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  height = logical.height;
  x = self->centered ? floor ((gtk_widget_get_width (widget) - logical.width) / 2.0) - logical.x : 0;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (x, MAX (0, gtk_widget_get_height (widget) - height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* Hovering or selecting a row restyles its texts: only a new font means a new layout. */
static void
haven_row_text_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  HavenRowText *self = HAVEN_ROW_TEXT (widget);
  PangoContext *context;

  GTK_WIDGET_CLASS (haven_row_text_parent_class)->css_changed (widget, change);

  if (self->font == NULL)
    return;

  context = gtk_widget_get_pango_context (widget);
  if (!pango_font_description_equal (self->font, pango_context_get_font_description (context)))
    {
      clear_layout (self);
      gtk_widget_queue_resize (widget);
    }
}

static void
haven_row_text_system_setting_changed (GtkWidget        *widget,
                                       GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (haven_row_text_parent_class)->system_setting_changed (widget, setting);

  clear_layout (HAVEN_ROW_TEXT (widget));
  gtk_widget_queue_resize (widget);
}

static void
haven_row_text_direction_changed (GtkWidget        *widget,
                                  GtkTextDirection  previous_direction)
{
  GTK_WIDGET_CLASS (haven_row_text_parent_class)->direction_changed (widget, previous_direction);

  clear_layout (HAVEN_ROW_TEXT (widget));
  gtk_widget_queue_resize (widget);
}

static void
haven_row_text_finalize (GObject *object)
{
  HavenRowText *self = (HavenRowText *)object;

  clear_layout (self);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->attributes, pango_attr_list_unref);

  G_OBJECT_CLASS (haven_row_text_parent_class)->finalize (object);
}

static void
haven_row_text_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HavenRowText *self = HAVEN_ROW_TEXT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_WRAP:
      g_value_set_boolean (value, self->wrap);
      break;
    case PROP_CENTERED:
      g_value_set_boolean (value, self->centered);
      break;
    case PROP_LINES:
      g_value_set_int (value, self->lines);
      break;
    case PROP_WIDTH_CHARS:
      g_value_set_int (value, self->width_chars);
      break;
    case PROP_MAX_WIDTH_CHARS:
      g_value_set_int (value, self->max_width_chars);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_int (HavenRowText *self,
         int          *field,
         int           value,
         GParamSpec   *pspec)
{
  if (*field == value)
    return;

  *field = value;
  clear_layout (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
haven_row_text_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HavenRowText *self = HAVEN_ROW_TEXT (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      haven_row_text_set_text (self, g_value_get_string (value));
      break;
    case PROP_WRAP:
      set_int (self, &self->wrap, g_value_get_boolean (value), pspec);
      break;
    case PROP_CENTERED:
      set_int (self, &self->centered, g_value_get_boolean (value), pspec);
      break;
    case PROP_LINES:
      set_int (self, &self->lines, g_value_get_int (value), pspec);
      break;
    case PROP_WIDTH_CHARS:
      set_int (self, &self->width_chars, g_value_get_int (value), pspec);
      break;
    case PROP_MAX_WIDTH_CHARS:
      set_int (self, &self->max_width_chars, g_value_get_int (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_row_text_class_init (HavenRowTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = haven_row_text_finalize;
  object_class->get_property = haven_row_text_get_property;
  object_class->set_property = haven_row_text_set_property;

  widget_class->get_request_mode = haven_row_text_get_request_mode;
  widget_class->measure = haven_row_text_measure;
  widget_class->size_allocate = haven_row_text_size_allocate;
  widget_class->snapshot = haven_row_text_snapshot;
  widget_class->css_changed = haven_row_text_css_changed;
  widget_class->system_setting_changed = haven_row_text_system_setting_changed;
  widget_class->direction_changed = haven_row_text_direction_changed;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Without wrapping, one line. */
  properties[PROP_WRAP] =
    g_param_spec_boolean ("wrap", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Each line centred, rather than from the start. */
  properties[PROP_CENTERED] =
    g_param_spec_boolean ("centered", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The most lines a wrapping text takes; 0 for no limit. */
  properties[PROP_LINES] =
    g_param_spec_int ("lines", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WIDTH_CHARS] =
    g_param_spec_int ("width-chars", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MAX_WIDTH_CHARS] =
    g_param_spec_int ("max-width-chars", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
haven_row_text_init (HavenRowText *self)
{
  self->width_chars = -1;
  self->max_width_chars = -1;

  gtk_widget_set_font_options (GTK_WIDGET (self), haven_drawn_font_options ());
}

GtkWidget *
haven_row_text_new (void)
{
  return g_object_new (HAVEN_TYPE_ROW_TEXT, NULL);
}

const char *
haven_row_text_get_text (HavenRowText *self)
{
  g_return_val_if_fail (HAVEN_IS_ROW_TEXT (self), NULL);

  return self->text != NULL ? self->text : "";
}

void
haven_row_text_set_text (HavenRowText *self,
                         const char   *text)
{
  g_return_if_fail (HAVEN_IS_ROW_TEXT (self));

  if (self->attributes == NULL && g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_pointer (&self->attributes, pango_attr_list_unref);
  text_changed (self);
}

void
haven_row_text_set_markup (HavenRowText *self,
                           const char   *markup)
{
  g_autoptr(GError) error = NULL;
  PangoAttrList *attributes = NULL;
  char *text = NULL;

  g_return_if_fail (HAVEN_IS_ROW_TEXT (self));

  if (markup == NULL || !pango_parse_markup (markup, -1, 0, &attributes, &text, NULL, &error))
    {
      haven_row_text_set_text (self, markup);
      return;
    }

  g_free (self->text);
  self->text = text;
  g_clear_pointer (&self->attributes, pango_attr_list_unref);
  self->attributes = attributes;
  text_changed (self);
}

PangoLayout *
_haven_row_text_get_layout (HavenRowText *self,
                            int           width)
{
  g_return_val_if_fail (HAVEN_IS_ROW_TEXT (self), NULL);

  return ensure_layout (self, width * PANGO_SCALE);
}
