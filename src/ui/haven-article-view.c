/* haven-article-view.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An article is read at night, often by someone who is tired and upset: large calm type, a
 * line no longer than about sixty characters, room between paragraphs. libcmark parses the
 * Markdown; walking its tree puts the text into a GtkTextView with a named tag for each
 * construct, so the text can be selected and copied like any other.
 */
#include "config.h"

#include <cmark.h>
#include <glib/gi18n.h>
#include <math.h>

#include "haven-article-view.h"
#include "haven-flow.h"

#define ZOOM_STEP 0.1

/* Sizes at zoom 1, in pixels or relative to the body text. */
#define BODY_SCALE        1.12
#define HEADING_SCALE     1.3
#define PARAGRAPH_SPACING 18
#define LINE_SPACING      5
#define ITEM_SPACING      6
#define HEADING_ABOVE     16
#define INDENT_STEP       28
#define BULLET_HANG       20

struct _HavenArticleView
{
  AdwBin            parent_instance;

  HavenArticle     *article;
  double            zoom;

  AdwWindowTitle   *window_title;
  GtkScrolledWindow *scroller;
  GtkLabel         *theme_label;
  GtkLabel         *title_label;
  GtkLabel         *reading_time_label;
  GtkTextView      *text_view;
  GtkButton        *flow_button;
  GtkLabel         *flow_label;
  GtkWidget        *related_box;
  GtkListBox       *related_list;

  GPtrArray        *link_tags;    /* one anonymous tag per link, holding its target */
  gboolean          over_link;
};

G_DEFINE_FINAL_TYPE (HavenArticleView, haven_article_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Tags --------------------------------------------------------------------------------------- */

static GtkTextTag *
lookup_tag (HavenArticleView *self,
            const char       *name)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (self->text_view));

  return gtk_text_tag_table_lookup (table, name);
}

static int
scaled (HavenArticleView *self,
        int               pixels)
{
  return (int)(pixels * self->zoom + 0.5);
}

/* Nested lists and quotes: one tag per depth, made when first needed. A deeper one is made
 * later, so it has the higher priority and its margin wins. */
static GtkTextTag *
indent_tag (HavenArticleView *self,
            gboolean          hanging,
            guint             depth)
{
  g_autofree char *name = g_strdup_printf ("%s-%u", hanging ? "list-indent" : "quote-indent",
                                           depth);
  GtkTextTag *tag = lookup_tag (self, name);

  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (gtk_text_view_get_buffer (self->text_view), name, NULL);

  return tag;
}

/* Margins, spacing and type size follow the zoom. */
static void
update_metrics (HavenArticleView *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (self->text_view));

  gtk_text_view_set_pixels_inside_wrap (self->text_view, scaled (self, LINE_SPACING));

  g_object_set (lookup_tag (self, "body"), "scale", BODY_SCALE * self->zoom, NULL);
  g_object_set (lookup_tag (self, HAVEN_ARTICLE_TAG_PARAGRAPH),
                "pixels-below-lines", scaled (self, PARAGRAPH_SPACING), NULL);
  g_object_set (lookup_tag (self, HAVEN_ARTICLE_TAG_LIST_ITEM),
                "pixels-below-lines", scaled (self, ITEM_SPACING), NULL);
  g_object_set (lookup_tag (self, "list-end"),
                "pixels-below-lines", scaled (self, PARAGRAPH_SPACING), NULL);
  g_object_set (lookup_tag (self, HAVEN_ARTICLE_TAG_BLOCKQUOTE),
                "pixels-below-lines", scaled (self, PARAGRAPH_SPACING),
                "right-margin", scaled (self, INDENT_STEP), NULL);
  g_object_set (lookup_tag (self, HAVEN_ARTICLE_TAG_HEADING),
                "scale", BODY_SCALE * HEADING_SCALE * self->zoom,
                "pixels-above-lines", scaled (self, HEADING_ABOVE),
                "pixels-below-lines", scaled (self, PARAGRAPH_SPACING / 2), NULL);

  for (guint depth = 1; ; depth++)
    {
      g_autofree char *list_name = g_strdup_printf ("list-indent-%u", depth);
      g_autofree char *quote_name = g_strdup_printf ("quote-indent-%u", depth);
      GtkTextTag *list = gtk_text_tag_table_lookup (table, list_name);
      GtkTextTag *quote = gtk_text_tag_table_lookup (table, quote_name);

      if (list == NULL && quote == NULL)
        break;

      if (list != NULL)
        {
          PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT,
                                                                    scaled (self, BULLET_HANG));

          /* A hanging indent: the bullet sits in the margin, the wrapped lines line up
           * with the first word. */
          g_object_set (list,
                        "left-margin", scaled (self, INDENT_STEP * (depth - 1) + BULLET_HANG + 8),
                        "indent", -scaled (self, BULLET_HANG),
                        "tabs", tabs,
                        NULL);
          pango_tab_array_free (tabs);
        }
      if (quote != NULL)
        g_object_set (quote, "left-margin", scaled (self, INDENT_STEP * depth), NULL);
    }
}

/* Colours come from the theme, so they follow dark mode. */
static void
update_colors (HavenArticleView *self)
{
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA accent, color;

  if (!gtk_style_context_lookup_color (style, "accent_color", &accent))
    gdk_rgba_parse (&accent, "#1c71d8");
  gtk_style_context_get_color (style, &color);

  g_object_set (lookup_tag (self, HAVEN_ARTICLE_TAG_LINK), "foreground-rgba", &accent, NULL);

  color.alpha *= 0.8;
  g_object_set (lookup_tag (self, HAVEN_ARTICLE_TAG_BLOCKQUOTE), "foreground-rgba", &color,
                NULL);
  color.alpha = 0.06;
  g_object_set (lookup_tag (self, HAVEN_ARTICLE_TAG_CODE), "background-rgba", &color, NULL);
}

static void
create_tags (HavenArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  /* In order of priority, lowest first. */
  gtk_text_buffer_create_tag (buffer, "body", NULL);
  gtk_text_buffer_create_tag (buffer, HAVEN_ARTICLE_TAG_PARAGRAPH, NULL);
  gtk_text_buffer_create_tag (buffer, HAVEN_ARTICLE_TAG_LIST_ITEM, NULL);
  gtk_text_buffer_create_tag (buffer, HAVEN_ARTICLE_TAG_BULLET_LIST, NULL);
  gtk_text_buffer_create_tag (buffer, HAVEN_ARTICLE_TAG_ORDERED_LIST, NULL);
  gtk_text_buffer_create_tag (buffer, "list-end", NULL);
  gtk_text_buffer_create_tag (buffer, HAVEN_ARTICLE_TAG_BLOCKQUOTE,
                              "style", PANGO_STYLE_ITALIC,
                              NULL);
  gtk_text_buffer_create_tag (buffer, HAVEN_ARTICLE_TAG_HEADING,
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);
  gtk_text_buffer_create_tag (buffer, HAVEN_ARTICLE_TAG_EMPHASIS,
                              "style", PANGO_STYLE_ITALIC,
                              NULL);
  gtk_text_buffer_create_tag (buffer, HAVEN_ARTICLE_TAG_STRONG,
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);
  gtk_text_buffer_create_tag (buffer, HAVEN_ARTICLE_TAG_CODE,
                              "family", "monospace",
                              NULL);
  gtk_text_buffer_create_tag (buffer, HAVEN_ARTICLE_TAG_LINK,
                              "underline", PANGO_UNDERLINE_SINGLE,
                              NULL);
}

/* Rendering ---------------------------------------------------------------------------------- */

typedef struct
{
  HavenArticleView *self;
  GtkTextBuffer    *buffer;
  GArray           *starts;      /* offsets where the open containers began */
  GArray           *numbers;     /* the next number of each open list; 0 for bullets */
  guint             quote_depth;
  gboolean          in_item_line; /* a bullet was just written: the paragraph goes after it */
} Renderer;

static int
end_offset (Renderer *r)
{
  return gtk_text_buffer_get_char_count (r->buffer);
}

static void
insert (Renderer   *r,
        const char *text)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (r->buffer, &end);
  gtk_text_buffer_insert (r->buffer, &end, text, -1);
}

static void
apply (Renderer   *r,
       GtkTextTag *tag,
       int         start)
{
  GtkTextIter from, to;

  gtk_text_buffer_get_iter_at_offset (r->buffer, &from, start);
  gtk_text_buffer_get_end_iter (r->buffer, &to);
  gtk_text_buffer_apply_tag (r->buffer, tag, &from, &to);
}

static void
apply_named (Renderer   *r,
             const char *name,
             int         start)
{
  apply (r, lookup_tag (r->self, name), start);
}

static void
new_line (Renderer *r)
{
  if (gtk_text_buffer_get_char_count (r->buffer) > 0)
    insert (r, "\n");
}

static guint
list_depth (Renderer *r)
{
  return r->numbers->len;
}

/* Leaves get no EXIT event from cmark_iter: nothing to close. */
static gboolean
is_leaf (cmark_node *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
    case CMARK_NODE_TEXT:
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
enter_node (Renderer   *r,
            cmark_node *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
    case CMARK_NODE_CODE_BLOCK:
      if (r->in_item_line)
        r->in_item_line = FALSE;
      else
        new_line (r);

      if (cmark_node_get_type (node) == CMARK_NODE_CODE_BLOCK)
        {
          g_autofree char *code = g_strdup (cmark_node_get_literal (node));
          int start = end_offset (r);

          insert (r, g_strchomp (code));
          apply_named (r, HAVEN_ARTICLE_TAG_CODE, start);
          apply_named (r, HAVEN_ARTICLE_TAG_PARAGRAPH, start);
        }
      break;

    case CMARK_NODE_LIST:
      {
        int next = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST
                   ? cmark_node_get_list_start (node) : 0;

        g_array_append_val (r->numbers, next);
      }
      break;

    case CMARK_NODE_ITEM:
      {
        int *number = &g_array_index (r->numbers, int, r->numbers->len - 1);
        g_autofree char *marker = NULL;

        new_line (r);
        if (*number > 0)
          marker = g_strdup_printf ("%d.\t", (*number)++);
        else
          marker = g_strdup ("•\t");
        insert (r, marker);
        r->in_item_line = TRUE;
      }
      break;

    case CMARK_NODE_BLOCK_QUOTE:
      r->quote_depth++;
      break;

    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      {
        int start = end_offset (r);

        insert (r, cmark_node_get_literal (node));
        if (cmark_node_get_type (node) == CMARK_NODE_CODE)
          apply_named (r, HAVEN_ARTICLE_TAG_CODE, start);
      }
      break;

    case CMARK_NODE_SOFTBREAK:
      insert (r, " ");
      break;

    case CMARK_NODE_LINEBREAK:
      /* A new line inside the same paragraph. */
      insert (r, "\u2028");
      break;

    default:
      /* HTML, images, rules: the articles have none, and Haven shows no raw HTML. */
      break;
    }

  if (!is_leaf (node))
    {
      int start = end_offset (r);

      /* A list item's tags start at its bullet. */
      if (cmark_node_get_type (node) == CMARK_NODE_ITEM)
        {
          GtkTextIter line;

          gtk_text_buffer_get_end_iter (r->buffer, &line);
          gtk_text_iter_set_line_offset (&line, 0);
          start = gtk_text_iter_get_offset (&line);
        }
      g_array_append_val (r->starts, start);
    }
}

static void
exit_node (Renderer   *r,
           cmark_node *node)
{
  int start = g_array_index (r->starts, int, r->starts->len - 1);
  cmark_node *parent = cmark_node_parent (node);

  g_array_set_size (r->starts, r->starts->len - 1);

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_PARAGRAPH:
      if (parent != NULL && cmark_node_get_type (parent) == CMARK_NODE_DOCUMENT)
        apply_named (r, HAVEN_ARTICLE_TAG_PARAGRAPH, start);
      break;

    case CMARK_NODE_HEADING:
      apply_named (r, HAVEN_ARTICLE_TAG_HEADING, start);
      break;

    case CMARK_NODE_EMPH:
      apply_named (r, HAVEN_ARTICLE_TAG_EMPHASIS, start);
      break;

    case CMARK_NODE_STRONG:
      apply_named (r, HAVEN_ARTICLE_TAG_STRONG, start);
      break;

    case CMARK_NODE_LINK:
      {
        GtkTextTag *tag = gtk_text_buffer_create_tag (r->buffer, NULL, NULL);

        g_object_set_data_full (G_OBJECT (tag), "haven-link",
                                g_strdup (cmark_node_get_url (node)), g_free);
        g_ptr_array_add (r->self->link_tags, g_object_ref (tag));
        apply (r, tag, start);
        apply_named (r, HAVEN_ARTICLE_TAG_LINK, start);
      }
      break;

    case CMARK_NODE_ITEM:
      apply_named (r, HAVEN_ARTICLE_TAG_LIST_ITEM, start);
      apply_named (r, cmark_node_get_list_type (parent) == CMARK_ORDERED_LIST
                        ? HAVEN_ARTICLE_TAG_ORDERED_LIST : HAVEN_ARTICLE_TAG_BULLET_LIST,
                   start);
      apply (r, indent_tag (r->self, TRUE, list_depth (r) + r->quote_depth), start);
      break;

    case CMARK_NODE_LIST:
      {
        GtkTextIter line;

        g_array_set_size (r->numbers, r->numbers->len - 1);

        /* Room after the list as after a paragraph (a nested list ends inside an item). */
        if (list_depth (r) == 0)
          {
            gtk_text_buffer_get_end_iter (r->buffer, &line);
            gtk_text_iter_set_line_offset (&line, 0);
            apply_named (r, "list-end", gtk_text_iter_get_offset (&line));
          }
      }
      break;

    case CMARK_NODE_BLOCK_QUOTE:
      apply_named (r, HAVEN_ARTICLE_TAG_BLOCKQUOTE, start);
      apply (r, indent_tag (r->self, FALSE, list_depth (r) + r->quote_depth), start);
      r->quote_depth--;
      break;

    default:
      break;
    }
}

static void
clear_links (HavenArticleView *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (self->text_view));

  for (guint i = 0; i < self->link_tags->len; i++)
    gtk_text_tag_table_remove (table, g_ptr_array_index (self->link_tags, i));
  g_ptr_array_set_size (self->link_tags, 0);
}

static void
render (HavenArticleView *self,
        const char       *markdown)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  cmark_node *document = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  cmark_iter *iter = cmark_iter_new (document);
  Renderer r = { self, buffer, g_array_new (FALSE, FALSE, sizeof (int)),
                 g_array_new (FALSE, FALSE, sizeof (int)), 0, FALSE };
  GtkTextIter start, end;
  cmark_event_type event;

  clear_links (self);
  gtk_text_buffer_set_text (buffer, "", 0);

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event == CMARK_EVENT_ENTER)
        enter_node (&r, node);
      else if (event == CMARK_EVENT_EXIT)
        exit_node (&r, node);
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_apply_tag_by_name (buffer, "body", &start, &end);
  gtk_text_buffer_place_cursor (buffer, &start);

  update_metrics (self);

  g_array_unref (r.starts);
  g_array_unref (r.numbers);
  cmark_iter_free (iter);
  cmark_node_free (document);
}

/* Links -------------------------------------------------------------------------------------- */

const char *
haven_article_view_get_link_at (HavenArticleView  *self,
                                const GtkTextIter *iter)
{
  g_autoptr(GSList) tags = NULL;

  g_return_val_if_fail (HAVEN_IS_ARTICLE_VIEW (self), NULL);
  g_return_val_if_fail (iter != NULL, NULL);

  tags = gtk_text_iter_get_tags (iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      const char *target = g_object_get_data (l->data, "haven-link");

      if (target != NULL)
        return target;
    }

  return NULL;
}

gboolean
haven_article_view_activate_link (HavenArticleView  *self,
                                  const GtkTextIter *iter)
{
  const char *target;

  g_return_val_if_fail (HAVEN_IS_ARTICLE_VIEW (self), FALSE);

  target = haven_article_view_get_link_at (self, iter);
  if (target == NULL)
    return FALSE;

  if (g_str_has_prefix (target, "article:"))
    return gtk_widget_activate_action (GTK_WIDGET (self), "win.show-article", "s",
                                       target + strlen ("article:"));
  if (g_str_has_prefix (target, "flow:"))
    return gtk_widget_activate_action (GTK_WIDGET (self), "win.start-flow", "s",
                                       target + strlen ("flow:"));

  /* Haven never opens the web from an article: they are read offline. */
  g_debug ("Ignoring link to %s", target);
  return FALSE;
}

static gboolean
iter_at_point (HavenArticleView *self,
               double            x,
               double            y,
               GtkTextIter      *iter)
{
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int)x, (int)y, &bx, &by);
  return gtk_text_view_get_iter_at_location (self->text_view, iter, bx, by);
}

static void
click_released_cb (HavenArticleView *self,
                   int               n_press,
                   double            x,
                   double            y,
                   GtkGestureClick  *gesture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;

  if (n_press != 1 ||
      gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) > GDK_BUTTON_PRIMARY)
    return;

  /* Selecting text that starts on a link does not follow it. */
  if (gtk_text_buffer_get_has_selection (buffer))
    return;

  if (iter_at_point (self, x, y, &iter))
    haven_article_view_activate_link (self, &iter);
}

static void
motion_cb (HavenArticleView         *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  GtkTextIter iter;
  gboolean over_link = iter_at_point (self, x, y, &iter) &&
                       haven_article_view_get_link_at (self, &iter) != NULL;

  if (over_link != self->over_link)
    {
      self->over_link = over_link;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view),
                                       over_link ? "pointer" : "text");
    }
}

/* The page around the text ------------------------------------------------------------------- */

static GtkWidget *
create_related_row (HavenArticle *article)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), haven_article_get_title (article));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-article");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", haven_article_get_id (article));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

/* The articles this one links to, as rows the keyboard can reach. */
static void
update_related (HavenArticleView *self)
{
  HavenLibrary *library = haven_library_get_default ();
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->related_list))) != NULL)
    gtk_list_box_remove (self->related_list, child);

  if (self->article != NULL && library != NULL)
    {
      links = haven_article_dup_links (self->article);
      for (guint i = 0; i < links->len; i++)
        {
          const char *target = g_ptr_array_index (links, i);
          HavenArticle *other;

          if (!g_str_has_prefix (target, "article:"))
            continue;

          other = haven_library_lookup (library, target + strlen ("article:"));
          if (other == NULL || other == self->article ||
              g_ptr_array_find (seen, other, NULL))
            continue;

          g_ptr_array_add (seen, other);
          gtk_list_box_append (self->related_list, create_related_row (other));
        }
    }

  gtk_widget_set_visible (self->related_box, seen->len > 0);
}

static void
update_page (HavenArticleView *self)
{
  const HavenFlow *flow = NULL;
  g_autofree char *reading_time = NULL;

  if (self->article == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->theme_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->title_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->reading_time_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->flow_button), FALSE);
      adw_window_title_set_subtitle (self->window_title, NULL);
      update_related (self);
      return;
    }

  gtk_label_set_label (self->theme_label,
                       haven_library_theme_label (haven_article_get_theme (self->article)));
  gtk_label_set_label (self->title_label, haven_article_get_title (self->article));
  reading_time = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min read", "%u min read",
                                               haven_article_get_reading_time (self->article)),
                                  haven_article_get_reading_time (self->article));
  gtk_label_set_label (self->reading_time_label, reading_time);
  adw_window_title_set_subtitle (self->window_title,
                                 haven_library_theme_label (haven_article_get_theme (self->article)));

  gtk_widget_set_visible (GTK_WIDGET (self->theme_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->reading_time_label), TRUE);

  flow = haven_flow_lookup (haven_article_get_flow_id (self->article));
  if (flow != NULL)
    {
      /* Translators: a button under an article; %s is a flow's title, e.g. "After a
       * Conflict". */
      g_autofree char *label = g_strdup_printf (_("Start “%s”"), haven_flow_get_title (flow));

      gtk_label_set_label (self->flow_label, label);
      /* The target before the name: win.start-flow never sees the button without one. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->flow_button), "s", flow->id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->flow_button), "win.start-flow");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->flow_button), flow != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  haven_article_get_title (self->article), -1);
  update_related (self);
}

/* Zoom --------------------------------------------------------------------------------------- */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HavenArticleView *self = HAVEN_ARTICLE_VIEW (widget);

  if (g_str_equal (action_name, "article.zoom-in"))
    haven_article_view_set_zoom (self, self->zoom + ZOOM_STEP);
  else if (g_str_equal (action_name, "article.zoom-out"))
    haven_article_view_set_zoom (self, self->zoom - ZOOM_STEP);
  else
    haven_article_view_set_zoom (self, 1.0);
}

static void
update_zoom_actions (HavenArticleView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.zoom-in",
                                 self->zoom < HAVEN_ARTICLE_ZOOM_MAX - 0.01);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.zoom-out",
                                 self->zoom > HAVEN_ARTICLE_ZOOM_MIN + 0.01);
}

/* GObject ------------------------------------------------------------------------------------ */

static void
haven_article_view_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (haven_article_view_parent_class)->css_changed (widget, change);

  update_colors (HAVEN_ARTICLE_VIEW (widget));
}

static void
haven_article_view_dispose (GObject *object)
{
  HavenArticleView *self = (HavenArticleView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_ARTICLE_VIEW);
  g_clear_object (&self->article);
  g_clear_pointer (&self->link_tags, g_ptr_array_unref);

  G_OBJECT_CLASS (haven_article_view_parent_class)->dispose (object);
}

static void
haven_article_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HavenArticleView *self = HAVEN_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_article_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HavenArticleView *self = HAVEN_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      haven_article_view_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
haven_article_view_class_init (HavenArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_article_view_dispose;
  object_class->get_property = haven_article_view_get_property;
  object_class->set_property = haven_article_view_set_property;
  widget_class->css_changed = haven_article_view_css_changed;

  /**
   * HavenArticleView:zoom:
   *
   * How large the text is, 1 being the normal size.
   */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         HAVEN_ARTICLE_ZOOM_MIN, HAVEN_ARTICLE_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/haven-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenArticleView, window_title);
  gtk_widget_class_bind_template_child (widget_class, HavenArticleView, scroller);
  gtk_widget_class_bind_template_child (widget_class, HavenArticleView, theme_label);
  gtk_widget_class_bind_template_child (widget_class, HavenArticleView, title_label);
  gtk_widget_class_bind_template_child (widget_class, HavenArticleView, reading_time_label);
  gtk_widget_class_bind_template_child (widget_class, HavenArticleView, text_view);
  gtk_widget_class_bind_template_child (widget_class, HavenArticleView, flow_button);
  gtk_widget_class_bind_template_child (widget_class, HavenArticleView, flow_label);
  gtk_widget_class_bind_template_child (widget_class, HavenArticleView, related_box);
  gtk_widget_class_bind_template_child (widget_class, HavenArticleView, related_list);
  gtk_widget_class_bind_template_callback (widget_class, click_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, motion_cb);

  gtk_widget_class_install_action (widget_class, "article.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "article.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "article.zoom-reset", NULL, zoom_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "article.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "article.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "article.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "article.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "article.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "article.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "article.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.reading-back", NULL);
}

static void
haven_article_view_init (HavenArticleView *self)
{
  self->zoom = 1.0;
  self->link_tags = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  create_tags (self);
  update_metrics (self);
  update_colors (self);
  update_zoom_actions (self);
  update_page (self);
}

HavenArticleView *
haven_article_view_new (void)
{
  return g_object_new (HAVEN_TYPE_ARTICLE_VIEW, NULL);
}

HavenArticle *
haven_article_view_get_article (HavenArticleView *self)
{
  g_return_val_if_fail (HAVEN_IS_ARTICLE_VIEW (self), NULL);

  return self->article;
}

void
haven_article_view_set_article (HavenArticleView *self,
                                HavenArticle     *article)
{
  g_return_if_fail (HAVEN_IS_ARTICLE_VIEW (self));
  g_return_if_fail (article == NULL || HAVEN_IS_ARTICLE (article));

  g_set_object (&self->article, article);
  render (self, article != NULL ? haven_article_get_body (article) : "");
  update_page (self);

  /* A new article starts at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

void
haven_article_view_set_markdown (HavenArticleView *self,
                                 const char       *markdown)
{
  g_return_if_fail (HAVEN_IS_ARTICLE_VIEW (self));
  g_return_if_fail (markdown != NULL);

  g_clear_object (&self->article);
  update_page (self);
  render (self, markdown);
}

GtkTextView *
haven_article_view_get_text_view (HavenArticleView *self)
{
  g_return_val_if_fail (HAVEN_IS_ARTICLE_VIEW (self), NULL);

  return self->text_view;
}

double
haven_article_view_get_zoom (HavenArticleView *self)
{
  g_return_val_if_fail (HAVEN_IS_ARTICLE_VIEW (self), 1.0);

  return self->zoom;
}

void
haven_article_view_set_zoom (HavenArticleView *self,
                             double            zoom)
{
  g_return_if_fail (HAVEN_IS_ARTICLE_VIEW (self));

  /* Whole steps, so that zooming in and out again comes back to the same size. */
  zoom = CLAMP (round (zoom * 10) / 10, HAVEN_ARTICLE_ZOOM_MIN, HAVEN_ARTICLE_ZOOM_MAX);
  if (G_APPROX_VALUE (zoom, self->zoom, 0.001))
    return;

  self->zoom = zoom;
  update_metrics (self);
  update_zoom_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}
