/* test-reader.c: the Library and the article view, in the real window, under Xvfb
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "haven-article-view.h"
#include "haven-entry-page.h"
#include "haven-flow-page.h"
#include "haven-library-page.h"
#include "haven-test-ui.h"
#include "haven-test-util.h"
#include "haven-window.h"

static HavenApplication *app;

typedef struct
{
  char        *dir;
  HavenStore  *store;
  HavenWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = haven_test_make_tmpdir ();
  path = g_build_filename (f->dir, "journal.db", NULL);
  f->store = haven_store_open (path, HAVEN_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);

  haven_test_ui_set_dark (FALSE);
  f->window = haven_window_new (app, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  haven_test_ui_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  haven_test_ui_iterate (20);
  g_clear_object (&f->store);
  haven_test_rmtree (f->dir);
  g_free (f->dir);
}

static void
activate (gpointer    widget,
          const char *action,
          const char *target)
{
  if (target != NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), action, "s", target));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), action, NULL));
  haven_test_ui_iterate (20);
}

/* Clicks a button right away (gtk_widget_activate waits to show the button pressed). */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  haven_test_ui_iterate (20);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Waits until @widget has been laid out and drawn (slow under sanitizers). */
static void
wait_for_frame (GtkWidget *widget)
{
  for (guint attempt = 0; attempt < 50; attempt++)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
      gboolean painted = FALSE;
      gulong handler;

      if (clock == NULL)
        {
          haven_test_ui_iterate (20);
          continue;
        }

      handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
      gtk_widget_queue_draw (widget);
      haven_test_ui_wait_for (&painted, 2000);
      g_signal_handler_disconnect (clock, handler);

      if (gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0)
        return;
    }

  g_error ("%s was never drawn", G_OBJECT_TYPE_NAME (widget));
}

static HavenArticleView *
article_view (Fixture *f)
{
  return HAVEN_ARTICLE_VIEW (haven_test_ui_find (GTK_WIDGET (f->window),
                                                 HAVEN_TYPE_ARTICLE_VIEW));
}

static const char *
shown_article (Fixture *f)
{
  HavenArticle *article = haven_article_view_get_article (article_view (f));

  g_assert_cmpstr (haven_window_get_page (f->window), ==, "article");
  g_assert_nonnull (article);

  return haven_article_get_id (article);
}

/* Templates ---------------------------------------------------------------------------------- */

static void
test_templates_instantiate (void)
{
  GType types[] = { HAVEN_TYPE_ARTICLE_VIEW, HAVEN_TYPE_LIBRARY_PAGE };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (types[i], NULL));

      g_test_message ("built %s", g_type_name (types[i]));
      g_assert_finalize_object (widget);
    }
}

/* The renderer ------------------------------------------------------------------------------- */

static const char sample[] =
  "Plain *soft* and **firm** and a [link on](article:raw-spots).\n"
  "Same paragraph.\n"
  "\n"
  "## A heading\n"
  "\n"
  "- first item\n"
  "- second [calm](flow:calm-down)\n"
  "  - nested item\n"
  "\n"
  "3. three\n"
  "4. four\n"
  "\n"
  "> a quote, *still* a quote\n"
  "\n"
  "After <b>html</b> and `code`.\n";

/* The range of the first @text in the buffer. */
static void
find_text (GtkTextBuffer *buffer,
           const char    *text,
           GtkTextIter   *start,
           GtkTextIter   *end)
{
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (!gtk_text_iter_forward_search (&iter, text, 0, start, end, NULL))
    g_error ("“%s” is not in the rendered text", text);
}

/* Whether every character of the first @text has @tag_name. */
static gboolean
all_tagged (GtkTextBuffer *buffer,
            const char    *text,
            const char    *tag_name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter iter, end;

  g_assert_nonnull (tag);
  find_text (buffer, text, &iter, &end);
  for (; gtk_text_iter_compare (&iter, &end) < 0; gtk_text_iter_forward_char (&iter))
    if (!gtk_text_iter_has_tag (&iter, tag))
      return FALSE;

  return TRUE;
}

static gboolean
any_tagged (GtkTextBuffer *buffer,
            const char    *text,
            const char    *tag_name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter iter, end;

  g_assert_nonnull (tag);
  find_text (buffer, text, &iter, &end);
  for (; gtk_text_iter_compare (&iter, &end) < 0; gtk_text_iter_forward_char (&iter))
    if (gtk_text_iter_has_tag (&iter, tag))
      return TRUE;

  return FALSE;
}

static int
int_property_at (GtkTextBuffer *buffer,
                 const char    *text,
                 const char    *property)
{
  g_autoptr(GSList) tags = NULL;
  GtkTextIter start, end;
  int value = 0;

  find_text (buffer, text, &start, &end);
  /* The tag with the highest priority that sets the property wins, as in the view. */
  tags = gtk_text_iter_get_tags (&start);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      g_autofree char *set_name = g_strconcat (property, "-set", NULL);
      gboolean set;

      g_object_get (l->data, set_name, &set, NULL);
      if (set)
        g_object_get (l->data, property, &value, NULL);
    }

  return value;
}

static void
test_renderer_tags (void)
{
  HavenArticleView *view = g_object_ref_sink (haven_article_view_new ());
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (haven_article_view_get_text_view (view));
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  const char *marks[] = { "*", "#", ">", "[", "](", "<b>", "`" };

  haven_article_view_set_markdown (view, sample);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_test_message ("rendered:\n%s", text);

  /* The Markdown is gone, the words stay; blocks are lines of their own, soft line breaks
   * become spaces, and list items get their bullets and numbers. */
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    g_assert_null (strstr (text, marks[i]));
  g_assert_true (g_str_has_prefix (text, "Plain soft and firm and a link on. Same paragraph.\n"
                                         "A heading\n"
                                         "•\tfirst item\n"
                                         "•\tsecond calm\n"
                                         "•\tnested item\n"
                                         "3.\tthree\n"
                                         "4.\tfour\n"
                                         "a quote, still a quote\n"
                                         "After html and code."));

  /* Paragraphs. */
  g_assert_true (all_tagged (buffer, "Plain", HAVEN_ARTICLE_TAG_PARAGRAPH));
  g_assert_true (all_tagged (buffer, "After", HAVEN_ARTICLE_TAG_PARAGRAPH));
  g_assert_false (any_tagged (buffer, "Plain", HAVEN_ARTICLE_TAG_EMPHASIS));
  g_assert_false (any_tagged (buffer, "Plain", HAVEN_ARTICLE_TAG_HEADING));
  g_assert_cmpint (int_property_at (buffer, "Plain", "pixels-below-lines"), >, 0);

  /* Inline. */
  g_assert_true (all_tagged (buffer, "soft", HAVEN_ARTICLE_TAG_EMPHASIS));
  g_assert_false (any_tagged (buffer, "soft", HAVEN_ARTICLE_TAG_STRONG));
  g_assert_true (all_tagged (buffer, "firm", HAVEN_ARTICLE_TAG_STRONG));
  g_assert_false (any_tagged (buffer, " and ", HAVEN_ARTICLE_TAG_STRONG));
  g_assert_true (all_tagged (buffer, "link on", HAVEN_ARTICLE_TAG_LINK));
  g_assert_false (any_tagged (buffer, "Same", HAVEN_ARTICLE_TAG_LINK));
  g_assert_true (all_tagged (buffer, "code", HAVEN_ARTICLE_TAG_CODE));

  find_text (buffer, "link on", &start, &end);
  g_assert_cmpstr (haven_article_view_get_link_at (view, &start), ==, "article:raw-spots");
  find_text (buffer, "calm", &start, &end);
  g_assert_cmpstr (haven_article_view_get_link_at (view, &start), ==, "flow:calm-down");
  find_text (buffer, "Plain", &start, &end);
  g_assert_null (haven_article_view_get_link_at (view, &start));

  /* Headings. */
  g_assert_true (all_tagged (buffer, "A heading", HAVEN_ARTICLE_TAG_HEADING));
  g_assert_false (any_tagged (buffer, "A heading", HAVEN_ARTICLE_TAG_PARAGRAPH));
  g_assert_false (any_tagged (buffer, "first", HAVEN_ARTICLE_TAG_HEADING));
  g_assert_cmpint (int_property_at (buffer, "A heading", "pixels-above-lines"), >, 0);

  /* Lists: bullets and numbers, each with a hanging indent; a nested list further in. */
  g_assert_true (all_tagged (buffer, "•\tfirst item", HAVEN_ARTICLE_TAG_LIST_ITEM));
  g_assert_true (all_tagged (buffer, "•\tfirst item", HAVEN_ARTICLE_TAG_BULLET_LIST));
  g_assert_false (any_tagged (buffer, "first item", HAVEN_ARTICLE_TAG_ORDERED_LIST));
  g_assert_false (any_tagged (buffer, "first item", HAVEN_ARTICLE_TAG_PARAGRAPH));
  g_assert_true (all_tagged (buffer, "3.\tthree", HAVEN_ARTICLE_TAG_ORDERED_LIST));
  g_assert_true (all_tagged (buffer, "4.\tfour", HAVEN_ARTICLE_TAG_LIST_ITEM));
  g_assert_false (any_tagged (buffer, "three", HAVEN_ARTICLE_TAG_BULLET_LIST));
  g_assert_cmpint (int_property_at (buffer, "first item", "indent"), <, 0);
  g_assert_cmpint (int_property_at (buffer, "first item", "left-margin"), >, 0);
  g_assert_cmpint (int_property_at (buffer, "nested item", "left-margin"), >,
                   int_property_at (buffer, "first item", "left-margin"));
  g_assert_cmpint (int_property_at (buffer, "three", "left-margin"), ==,
                   int_property_at (buffer, "first item", "left-margin"));

  /* Block quotes: indented, italic throughout. */
  g_assert_true (all_tagged (buffer, "a quote, still a quote", HAVEN_ARTICLE_TAG_BLOCKQUOTE));
  g_assert_true (all_tagged (buffer, "still", HAVEN_ARTICLE_TAG_EMPHASIS));
  g_assert_false (any_tagged (buffer, "a quote", HAVEN_ARTICLE_TAG_PARAGRAPH));
  g_assert_false (any_tagged (buffer, "After", HAVEN_ARTICLE_TAG_BLOCKQUOTE));
  g_assert_cmpint (int_property_at (buffer, "a quote", "left-margin"), >, 0);
  g_assert_cmpint (int_property_at (buffer, "Plain", "left-margin"), ==, 0);

  /* Rendering again replaces what was there, links included. */
  haven_article_view_set_markdown (view, "Only this.");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (text);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "Only this.");
  g_assert_null (haven_article_view_get_link_at (view, &start));

  /* The view is selectable and read-only. */
  g_assert_false (gtk_text_view_get_editable (haven_article_view_get_text_view (view)));
  g_assert_true (gtk_text_view_get_wrap_mode (haven_article_view_get_text_view (view)) != GTK_WRAP_NONE);

  g_assert_finalize_object (view);
}

/* Every real article renders without a Markdown mark left over, with its headings tagged. */
static void
test_renderer_articles (void)
{
  HavenLibrary *library = haven_library_get_default ();
  HavenArticleView *view = g_object_ref_sink (haven_article_view_new ());
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (haven_article_view_get_text_view (view));

  g_assert_nonnull (library);
  g_assert_cmpstr (haven_library_get_language (library), ==, haven_test_ui_language ());

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(HavenArticle) article = g_list_model_get_item (G_LIST_MODEL (library), i);
      g_autoptr(GPtrArray) links = haven_article_dup_links (article);
      g_autofree char *text = NULL;
      GtkTextTag *heading = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                       HAVEN_ARTICLE_TAG_HEADING);
      GtkTextIter start, end, iter;
      guint n_links = 0;
      const char *previous = NULL;

      g_assert_cmpstr (haven_article_get_language (article), ==, haven_test_ui_language ());
      haven_article_view_set_article (view, article);
      g_assert_true (haven_article_view_get_article (view) == article);

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_assert_null (strstr (text, "**"));
      g_assert_null (strstr (text, "## "));
      g_assert_null (strstr (text, "](article:"));
      g_assert_null (strstr (text, "](flow:"));

      /* "Try this" is a heading. */
      find_text (buffer, g_str_equal (haven_article_get_language (article), "nl")
                           ? "Probeer dit" : "Try this", &start, &end);
      g_assert_true (gtk_text_iter_has_tag (&start, heading));

      /* Every link of the article is clickable in the text. */
      gtk_text_buffer_get_start_iter (buffer, &iter);
      do
        {
          const char *target = haven_article_view_get_link_at (view, &iter);

          if (target != NULL && target != previous)
            n_links++;
          previous = target;
        }
      while (gtk_text_iter_forward_char (&iter));
      g_assert_cmpuint (n_links, ==, links->len);
    }

  g_assert_finalize_object (view);
}

static gboolean
has_binding (GtkWidget  *widget,
             const char *trigger,
             const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (text, trigger) && GTK_IS_NAMED_ACTION (named) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)), action))
            return TRUE;
        }
    }

  return FALSE;
}

static double
body_scale (HavenArticleView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (haven_article_view_get_text_view (view));
  double scale;

  g_object_get (gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "body"),
                "scale", &scale, NULL);
  return scale;
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_zoom (void)
{
  HavenArticleView *view = g_object_ref_sink (haven_article_view_new ());
  double normal = body_scale (view);
  guint notified = 0;

  g_signal_connect (view, "notify::zoom", G_CALLBACK (notify_cb), &notified);

  g_assert_true (has_binding (GTK_WIDGET (view), "<Control>plus", "article.zoom-in"));
  g_assert_true (has_binding (GTK_WIDGET (view), "<Control>equal", "article.zoom-in"));
  g_assert_true (has_binding (GTK_WIDGET (view), "<Control>minus", "article.zoom-out"));
  g_assert_true (has_binding (GTK_WIDGET (view), "<Control>0", "article.zoom-reset"));

  g_assert_cmpfloat (haven_article_view_get_zoom (view), ==, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "article.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (haven_article_view_get_zoom (view), 1.1, 0.001);
  g_assert_cmpfloat_with_epsilon (body_scale (view), normal * 1.1, 0.001);
  g_assert_cmpuint (notified, ==, 1);

  /* Bounded both ways; the action at the bound does nothing more. */
  for (guint i = 0; i < 30; i++)
    gtk_widget_activate_action (GTK_WIDGET (view), "article.zoom-in", NULL);
  g_assert_cmpfloat (haven_article_view_get_zoom (view), ==, HAVEN_ARTICLE_ZOOM_MAX);
  gtk_widget_activate_action (GTK_WIDGET (view), "article.zoom-in", NULL);
  g_assert_cmpfloat (haven_article_view_get_zoom (view), ==, HAVEN_ARTICLE_ZOOM_MAX);

  for (guint i = 0; i < 30; i++)
    gtk_widget_activate_action (GTK_WIDGET (view), "article.zoom-out", NULL);
  g_assert_cmpfloat (haven_article_view_get_zoom (view), ==, HAVEN_ARTICLE_ZOOM_MIN);
  g_assert_cmpfloat (body_scale (view), <, normal);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "article.zoom-reset", NULL));
  g_assert_cmpfloat (haven_article_view_get_zoom (view), ==, 1.0);
  g_assert_cmpfloat_with_epsilon (body_scale (view), normal, 0.001);

  /* Setting the same size again is no change. */
  notified = 0;
  haven_article_view_set_zoom (view, 1.0);
  g_assert_cmpuint (notified, ==, 0);

  g_assert_finalize_object (view);
}

/* The Library -------------------------------------------------------------------------------- */

static HavenLibraryPage *
library_page (Fixture *f)
{
  return HAVEN_LIBRARY_PAGE (haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_LIBRARY_PAGE));
}

static guint
count_visible_rows (GtkWidget *root)
{
  guint n = 0;

  if (ADW_IS_ACTION_ROW (root))
    return gtk_widget_is_visible (root) && gtk_widget_get_child_visible (root) ? 1 : 0;

  if (!gtk_widget_get_visible (root))
    return 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_visible_rows (child);

  return n;
}

static void
test_library_page (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;
  HavenLibraryPage *page;
  GtkWidget *entry, *status, *row;
  gboolean never = FALSE;

  g_assert_cmpstr (haven_window_get_page (f->window), ==, "welcome");
  activate (f->window, "win.show-library", NULL);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "library");
  page = library_page (f);
  g_assert_nonnull (page);

  /* Every article, in a group per theme. */
  g_assert_cmpuint (haven_library_page_get_n_shown (page), ==, 12);
  g_assert_cmpuint (count_visible_rows (GTK_WIDGET (page)), ==, 12);
  texture = haven_test_ui_render (GTK_WIDGET (f->window), "library");
  g_clear_object (&texture);
  haven_test_ui_set_dark (TRUE);
  texture = haven_test_ui_render (GTK_WIDGET (f->window), "library");
  g_clear_object (&texture);
  haven_test_ui_set_dark (FALSE);

  /* Typing filters, after the search entry's short pause. */
  entry = haven_test_ui_find (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry),
                         g_str_equal (haven_test_ui_language (), "nl") ? "PIJNPLEK" : "RAW SPOT");
  haven_test_ui_wait_for (&never, 400);
  g_assert_cmpuint (haven_library_page_get_n_shown (page), >=, 1);
  g_assert_cmpuint (haven_library_page_get_n_shown (page), <, 12);
  g_assert_cmpuint (count_visible_rows (GTK_WIDGET (page)), ==,
                    haven_library_page_get_n_shown (page));
  texture = haven_test_ui_render (GTK_WIDGET (f->window), "library-search");
  g_clear_object (&texture);

  /* Nothing found: says so. */
  haven_library_page_set_query (page, "zzzqqq");
  g_assert_cmpuint (haven_library_page_get_n_shown (page), ==, 0);
  status = haven_test_ui_find (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE);
  g_assert_true (gtk_widget_is_drawable (status) || gtk_widget_get_mapped (status));
  texture = haven_test_ui_render (GTK_WIDGET (f->window), "library-empty");
  g_clear_object (&texture);

  /* Escape in the entry clears the search. */
  g_signal_emit_by_name (entry, "stop-search");
  haven_test_ui_wait_for (&never, 400);
  g_assert_cmpuint (haven_library_page_get_n_shown (page), ==, 12);

  /* Activating a row opens its article; back returns to the Library, then home. */
  row = haven_test_ui_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  haven_test_ui_iterate (20);
  g_assert_cmpstr (shown_article (f), ==, haven_library_get_article_ids ()[0]);

  activate (f->window, "win.reading-back", NULL);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "library");
  activate (f->window, "win.reading-back", NULL);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "welcome");
}

static void
test_library_shortcut (Fixture       *f,
                       gconstpointer  data)
{
  g_assert_true (has_binding (GTK_WIDGET (f->window), "<Control>l", "win.show-library"));
  g_assert_true (has_binding (GTK_WIDGET (f->window), "<Control>n", "win.new-entry"));
}

/* Articles ----------------------------------------------------------------------------------- */

/* The button under the article that starts its flow: the one with a wrapping label. */
static GtkWidget *
find_flow_button (HavenArticleView *view)
{
  GtkWidget *widget = GTK_WIDGET (view);

  /* Depth first, through every widget, as haven_test_ui_find does. */
  while (widget != NULL)
    {
      if (GTK_IS_BUTTON (widget) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget))) &&
          gtk_label_get_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (widget)))))
        return widget;

      if (gtk_widget_get_first_child (widget) != NULL)
        widget = gtk_widget_get_first_child (widget);
      else
        {
          while (widget != NULL && widget != GTK_WIDGET (view) &&
                 gtk_widget_get_next_sibling (widget) == NULL)
            widget = gtk_widget_get_parent (widget);
          if (widget == NULL || widget == GTK_WIDGET (view))
            return NULL;
          widget = gtk_widget_get_next_sibling (widget);
        }
    }

  return NULL;
}

static void
test_article_renders (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *label = NULL;
  GtkWidget *button;
  HavenArticleView *view;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  int width;

  activate (f->window, "win.show-article", "raw-spots");
  g_assert_cmpstr (shown_article (f), ==, "raw-spots");
  view = article_view (f);

  /* The title, the reading time, and the flow as a real button. */
  label = g_strdup_printf (_("Start “%s”"), haven_flow_get_title (haven_flow_lookup ("rocky-moment")));
  button = find_flow_button (view);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)))), ==,
                   label);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.start-flow");
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)), NULL),
                   ==, "rocky-moment");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (haven_article_view_get_text_view (view)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       haven_article_get_title (haven_article_view_get_article (view)));

  /* A comfortable line: the text is not wider than about 40em, even in a wide window. */
  wait_for_frame (GTK_WIDGET (haven_article_view_get_text_view (view)));
  /* On a loaded machine (ASan, tests in parallel) the page can still be settling. */
  for (guint waited = 0;
       gtk_widget_get_width (GTK_WIDGET (haven_article_view_get_text_view (view))) < 400 &&
       waited < 5000;
       waited += 20)
    haven_test_ui_iterate (20);
  width = gtk_widget_get_width (GTK_WIDGET (haven_article_view_get_text_view (view)));
  g_test_message ("text width %d", width);
  g_assert_cmpint (width, <=, 680);
  g_assert_cmpint (width, >=, 400);

  texture = haven_test_ui_render (GTK_WIDGET (f->window), "article");
  g_clear_object (&texture);
  haven_test_ui_set_dark (TRUE);
  texture = haven_test_ui_render (GTK_WIDGET (f->window), "article");
  g_clear_object (&texture);
  haven_test_ui_set_dark (FALSE);

  /* The whole text at once, to look at every construct: the text view is as tall as its
   * text (the page scrolls around it). */
  view = article_view (f);
  wait_for_frame (GTK_WIDGET (haven_article_view_get_text_view (view)));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (haven_article_view_get_text_view (view))), >,
                   gtk_widget_get_height (GTK_WIDGET (f->window)));
  texture = haven_test_ui_render (GTK_WIDGET (haven_article_view_get_text_view (view)),
                                  "article-text");
  g_clear_object (&texture);

  /* Lists and the quote, in the window (the text view alone has no background). */
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (haven_article_view_get_text_view (view)),
                                                           GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment) -
                                         gtk_adjustment_get_page_size (adjustment)) * 0.5);
  texture = haven_test_ui_render (GTK_WIDGET (f->window), "article-middle");
  g_clear_object (&texture);
  haven_test_ui_set_dark (TRUE);
  texture = haven_test_ui_render (GTK_WIDGET (f->window), "article-middle");
  g_clear_object (&texture);

  /* The end: "Try this", the footer, the flow button and what to read next. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  texture = haven_test_ui_render (GTK_WIDGET (f->window), "article-end");
  haven_test_ui_set_dark (FALSE);
}

static void
test_article_narrow (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;
  int minimum;

  haven_test_ui_resize (GTK_WINDOW (f->window), 360, 700);
  activate (f->window, "win.show-article", "when-its-not-safe");
  haven_test_ui_iterate (100);
  gtk_widget_measure (GTK_WIDGET (article_view (f)), GTK_ORIENTATION_HORIZONTAL, -1, &minimum,
                      NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  texture = haven_test_ui_render (GTK_WIDGET (f->window), "article-narrow");
  g_clear_object (&texture);

  /* Every article fits, whatever the length of its title and of its flow's. */
  for (const char * const *id = haven_library_get_article_ids (); *id != NULL; id++)
    {
      activate (f->window, "win.show-article", *id);
      gtk_widget_measure (GTK_WIDGET (article_view (f)), GTK_ORIENTATION_HORIZONTAL, -1,
                          &minimum, NULL, NULL, NULL);
      g_test_message ("%s: %d", *id, minimum);
      g_assert_cmpint (minimum, <=, 360);
    }

  activate (f->window, "win.show-library", NULL);
  haven_test_ui_iterate (100);
  gtk_widget_measure (GTK_WIDGET (library_page (f)), GTK_ORIENTATION_HORIZONTAL, -1, &minimum,
                      NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  texture = haven_test_ui_render (GTK_WIDGET (f->window), "library-narrow");
}

/* The text size is kept in the settings, for the next article and the next start. */
static void
test_zoom_remembered (Fixture       *f,
                      gconstpointer  data)
{
  GSettings *settings = haven_application_get_settings (app);
  HavenArticleView *view;

  g_assert_nonnull (settings);
  g_settings_set_double (settings, "article-zoom", 1.3);

  activate (f->window, "win.show-article", "calming-your-body");
  view = article_view (f);
  g_assert_cmpfloat_with_epsilon (haven_article_view_get_zoom (view), 1.3, 0.001);

  activate (view, "article.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "article-zoom"), 1.2, 0.001);
  activate (view, "article.zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "article-zoom"), 1.0, 0.001);
}

/* Clicks where @target's link is drawn, through the view's own click gesture. (Not while
 * text is selected: a selection becomes the X11 primary selection, which the tests running
 * side by side on one X server would fight over, and GDK 4.8 leaks in that fight.) */
static void
click_link (HavenArticleView *view,
            const char       *target)
{
  GtkTextView *text_view = haven_article_view_get_text_view (view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  g_autoptr(GListModel) controllers = NULL;
  GtkGesture *click = NULL;
  GtkEventController *motion = NULL;
  GdkRectangle location;
  GtkTextIter iter;
  int x, y;
  GdkCursor *cursor;

  /* The text is laid out in idle time after it is set: let that finish first. */
  wait_for_frame (GTK_WIDGET (text_view));
  haven_test_ui_iterate (100);

  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (g_strcmp0 (haven_article_view_get_link_at (view, &iter), target) != 0)
    g_assert_true (gtk_text_iter_forward_char (&iter));
  gtk_text_iter_forward_char (&iter);

  /* Under load the layout is still being validated in idle time: wait until the link's
   * place on screen holds still. */
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  for (guint waited = 0; waited < 5000; waited += 50)
    {
      GdkRectangle again;

      haven_test_ui_iterate (50);
      gtk_text_view_get_iter_location (text_view, &iter, &again);
      if (again.height > 0 && gdk_rectangle_equal (&again, &location))
        break;
      location = again;
    }
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x, location.y + location.height / 2, &x, &y);

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (text_view));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      const char *name = gtk_event_controller_get_name (GTK_EVENT_CONTROLLER (controller));

      /* The view's own: the text view has a click gesture and a motion controller too. */
      if (g_strcmp0 (name, "article-link-click") == 0)
        click = GTK_GESTURE (controller);
      else if (g_strcmp0 (name, "article-link-motion") == 0)
        motion = GTK_EVENT_CONTROLLER (controller);
    }
  g_assert_nonnull (click);
  g_assert_nonnull (motion);

  /* The pointer turns into a hand over a link, and back off it. */
  g_signal_emit_by_name (motion, "motion", (double)x, (double)y);
  cursor = gtk_widget_get_cursor (GTK_WIDGET (text_view));
  g_assert_nonnull (cursor);
  g_assert_cmpstr (gdk_cursor_get_name (cursor), ==, "pointer");
  g_signal_emit_by_name (motion, "motion", 0.0, 0.0);
  g_assert_cmpstr (gdk_cursor_get_name (gtk_widget_get_cursor (GTK_WIDGET (text_view))), ==, "text");

  g_signal_emit_by_name (click, "released", 1, (double)x, (double)y);
  haven_test_ui_iterate (20);
}

static void
test_links_navigate (Fixture       *f,
                     gconstpointer  data)
{
  HavenFlowRunner *runner;

  activate (f->window, "win.show-article", "raw-spots");

  /* An article link opens that article; back returns. */
  click_link (article_view (f), "article:demon-dialogues");
  g_assert_cmpstr (shown_article (f), ==, "demon-dialogues");
  activate (f->window, "win.reading-back", NULL);
  g_assert_cmpstr (shown_article (f), ==, "raw-spots");

  /* "Try this": the flow link starts the flow. */
  click_link (article_view (f), "flow:rocky-moment");
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "flow");
  runner = haven_flow_page_get_runner (HAVEN_FLOW_PAGE (haven_test_ui_find (GTK_WIDGET (f->window),
                                                                             HAVEN_TYPE_FLOW_PAGE)));
  g_assert_nonnull (runner);
  g_assert_cmpstr (haven_flow_runner_get_flow (runner)->id, ==, "rocky-moment");

  /* An unknown article is refused, and nothing moves. */
  activate (f->window, "win.show-article", "no-such-article");
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "flow");
}

/* "Read more" under a question opens its article; back returns to the question with the
 * answer still there, and "Try this" for the same flow goes back to it too. */
static void
test_read_more_from_flow (Fixture       *f,
                          gconstpointer  data)
{
  HavenFlowPage *page;
  HavenFlowRunner *runner;
  GtkWidget *button, *input;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;
  g_autofree char *typed = NULL;
  GtkTextIter start, end;
  const HavenStep *step;

  activate (f->window, "win.start-flow", "after-conflict");
  page = HAVEN_FLOW_PAGE (haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_FLOW_PAGE));
  runner = haven_flow_page_get_runner (page);
  step = haven_flow_runner_get_step (runner);
  g_assert_nonnull (step->article_id);

  input = haven_flow_page_get_input (page);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (input))));
  gtk_text_buffer_set_text (buffer, "We argued about the dishes.", -1);

  button = haven_test_ui_find_button (GTK_WIDGET (page), _("Read more about this"));
  g_assert_nonnull (button);
  click (button);
  g_assert_cmpstr (shown_article (f), ==, step->article_id);

  /* The answer was saved before the page went out of sight. */
  g_assert_cmpint (haven_entry_get_id (haven_flow_runner_get_entry (runner)), >, 0);

  /* Back: the same flow, the same question, the same words. */
  activate (f->window, "win.reading-back", NULL);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "flow");
  g_assert_true (haven_flow_page_get_runner (page) == runner);
  g_assert_true (haven_flow_runner_get_step (runner) == step);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  typed = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (typed, ==, "We argued about the dishes.");

  /* From the article (its flow is this one), the flow button returns to these answers. */
  click (button);
  g_assert_cmpstr (haven_article_get_flow_id (haven_article_view_get_article (article_view (f))),
                   ==, "after-conflict");
  activate (f->window, "win.start-flow", "after-conflict");
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "flow");
  g_assert_true (haven_flow_page_get_runner (page) == runner);

  /* A different flow from the article: the interrupted one is kept as a draft. */
  click (button);
  activate (f->window, "win.show-article", "calming-your-body");
  activate (f->window, "win.start-flow", "calm-down");
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "flow");
  g_assert_cmpstr (haven_flow_runner_get_flow (haven_flow_page_get_runner (page))->id, ==,
                   "calm-down");
  drafts = haven_store_list_drafts (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
}

/* Reading from an entry: back returns to it as it was. */
static void
test_read_from_entry (Fixture       *f,
                      gconstpointer  data)
{
  HavenEntryPage *page;
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  activate (f->window, "win.start-flow", "free");
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "entry");
  page = HAVEN_ENTRY_PAGE (haven_test_ui_find (GTK_WIDGET (f->window), HAVEN_TYPE_ENTRY_PAGE));
  buffer = gtk_text_view_get_buffer (haven_entry_page_get_body_view (page));
  gtk_text_buffer_set_text (buffer, "A quiet evening, then a door.", -1);

  activate (f->window, "win.show-library", NULL);
  activate (f->window, "win.show-article", "calming-your-body");
  activate (f->window, "win.show-article", "raw-spots");
  activate (f->window, "win.reading-back", NULL);
  g_assert_cmpstr (shown_article (f), ==, "calming-your-body");
  activate (f->window, "win.reading-back", NULL);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "library");
  activate (f->window, "win.reading-back", NULL);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "entry");

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "A quiet evening, then a door.");

  /* Leaving the reading for elsewhere saves and closes the entry underneath. */
  activate (f->window, "win.show-article", "raw-spots");
  activate (f->window, "win.show-home", NULL);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "welcome");
  g_assert_cmpuint (haven_store_count_entries (f->store), ==, 1);

  /* Back on a page that is not reading does nothing. */
  activate (f->window, "win.reading-back", NULL);
  g_assert_cmpstr (haven_window_get_page (f->window), ==, "welcome");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = haven_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/reader/templates-instantiate", test_templates_instantiate);
  g_test_add_func ("/reader/renderer/tags", test_renderer_tags);
  g_test_add_func ("/reader/renderer/articles", test_renderer_articles);
  g_test_add_func ("/reader/zoom", test_zoom);
  ADD ("/reader/library/page", test_library_page);
  ADD ("/reader/library/shortcut", test_library_shortcut);
  ADD ("/reader/article/renders", test_article_renders);
  ADD ("/reader/article/narrow", test_article_narrow);
  ADD ("/reader/article/zoom-remembered", test_zoom_remembered);
  ADD ("/reader/article/links-navigate", test_links_navigate);
  ADD ("/reader/article/read-more-from-flow", test_read_more_from_flow);
  ADD ("/reader/article/read-from-entry", test_read_from_entry);

#undef ADD

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
