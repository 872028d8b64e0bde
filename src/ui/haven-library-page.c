/* haven-library-page.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Twelve articles fit on one page: a group per theme, a row per article with what it
 * offers and how long it takes to read. Search narrows the rows as you type.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "haven-library-page.h"

struct _HavenLibraryPage
{
  AdwBin          parent_instance;

  HavenLibrary   *library;
  GPtrArray      *groups;  /* one AdwPreferencesGroup per theme */
  GPtrArray      *rows;    /* AdwActionRow, with their article as "article" */
  guint           n_shown;

  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkBox         *groups_box;
  GtkScrolledWindow *scroller;
};

G_DEFINE_FINAL_TYPE (HavenLibraryPage, haven_library_page, ADW_TYPE_BIN)

static GtkWidget *
create_row (HavenArticle *article)
{
  GtkWidget *row = adw_action_row_new ();
  guint minutes = haven_article_get_reading_time (article);
  g_autofree char *reading_time = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min read",
                                                                "%u min read", minutes),
                                                   minutes);
  GtkWidget *label = gtk_label_new (reading_time);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), haven_article_get_title (article));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), haven_article_get_summary (article));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "library-row");

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "reading-time");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-article");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", haven_article_get_id (article));
  g_object_set_data_full (G_OBJECT (row), "article", g_object_ref (article), g_object_unref);

  return row;
}

static void
clear (HavenLibraryPage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->groups_box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->rows, 0);
}

static void
build (HavenLibraryPage *self)
{
  const char * const *themes = haven_library_get_themes ();

  clear (self);
  if (self->library == NULL)
    return;

  for (guint t = 0; themes[t] != NULL; t++)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                       haven_library_theme_label (themes[t]));
      g_object_set_data (G_OBJECT (group), "theme", (gpointer)themes[t]);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->library)); i++)
        {
          g_autoptr(HavenArticle) article = g_list_model_get_item (G_LIST_MODEL (self->library), i);
          GtkWidget *row;

          if (!g_str_equal (haven_article_get_theme (article), themes[t]))
            continue;

          row = create_row (article);
          g_object_set_data (G_OBJECT (row), "group", group);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
          g_ptr_array_add (self->rows, row);
        }

      gtk_box_append (self->groups_box, group);
      g_ptr_array_add (self->groups, group);
    }
}

static void
filter (HavenLibraryPage *self,
        const char       *query)
{
  self->n_shown = 0;

  for (guint i = 0; i < self->groups->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->groups, i), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      HavenArticle *article = g_object_get_data (G_OBJECT (row), "article");
      gboolean shown = haven_article_matches (article, query);

      gtk_widget_set_visible (row, shown);
      if (shown)
        {
          gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "group"), TRUE);
          self->n_shown++;
        }
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    self->n_shown > 0 || self->library == NULL ? "list" : "empty");
}

static void
search_changed_cb (HavenLibraryPage *self,
                   GtkSearchEntry   *entry)
{
  filter (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (HavenLibraryPage *self,
                GtkSearchEntry   *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
haven_library_page_dispose (GObject *object)
{
  HavenLibraryPage *self = (HavenLibraryPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HAVEN_TYPE_LIBRARY_PAGE);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (haven_library_page_parent_class)->dispose (object);
}

static void
haven_library_page_class_init (HavenLibraryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = haven_library_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/haven-library-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HavenLibraryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HavenLibraryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HavenLibraryPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, HavenLibraryPage, scroller);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.reading-back", NULL);
}

static void
haven_library_page_init (HavenLibraryPage *self)
{
  /* The groups and rows belong to the box; these only point at them. */
  self->groups = g_ptr_array_new ();
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Typing anywhere on the page searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  haven_library_page_set_library (self, haven_library_get_default ());
}

HavenLibraryPage *
haven_library_page_new (void)
{
  return g_object_new (HAVEN_TYPE_LIBRARY_PAGE, NULL);
}

void
haven_library_page_set_library (HavenLibraryPage *self,
                                HavenLibrary     *library)
{
  g_return_if_fail (HAVEN_IS_LIBRARY_PAGE (self));
  g_return_if_fail (library == NULL || HAVEN_IS_LIBRARY (library));

  g_set_object (&self->library, library);
  build (self);
  filter (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

void
haven_library_page_set_query (HavenLibraryPage *self,
                              const char       *query)
{
  g_return_if_fail (HAVEN_IS_LIBRARY_PAGE (self));

  /* The entry's search-changed filters; this filters now, without its delay. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query != NULL ? query : "");
  filter (self, query);
}

guint
haven_library_page_get_n_shown (HavenLibraryPage *self)
{
  g_return_val_if_fail (HAVEN_IS_LIBRARY_PAGE (self), 0);

  return self->n_shown;
}
