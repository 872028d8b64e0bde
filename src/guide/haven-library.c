/* haven-library.c: the built-in articles
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The articles are read at night, offline, after a hard conversation: they come from the
 * program itself (a GResource), never from the network, and a missing translation falls
 * back to English rather than to nothing.
 */
#include "config.h"

#include <cmark.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "haven-library.h"

#define ARTICLES_PATH RESOURCE_BASE "/articles/"
#define WORDS_PER_MINUTE 200

/* The resource bundle compiled from data/haven-articles.gresource.xml. Referring to it
 * here also keeps the linker from dropping it out of the static library. */
GResource *haven_articles_get_resource (void);

G_DEFINE_QUARK (haven-library-error-quark, haven_library_error)

/* In reading order: from why closeness matters, through what goes wrong between two people,
 * to what helps. */
static const char * const article_ids[] = {
  "why-closeness-matters",
  "fights-as-protest",
  "demon-dialogues",
  "raw-spots",
  "abandonment-and-commitment",
  "risk-regulation",
  "willing-reachable-engaged",
  "safety-begins-with-you",
  "boundary-or-wound",
  "when-its-not-safe",
  "calming-your-body",
  "writing-after-a-conflict",
  NULL
};

static const struct
{
  const char *id;
  const char *label;
} themes[] = {
  { "attachment", NC_("article theme", "Attachment") },
  { "conflict",   NC_("article theme", "Conflict") },
  { "safety",     NC_("article theme", "Safety") },
  { "care",       NC_("article theme", "Care") },
};

static const char * const theme_ids[] = {
  "attachment", "conflict", "safety", "care", NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (themes) + 1 == G_N_ELEMENTS (theme_ids));

/* Folding ----------------------------------------------------------------------------------- */

char *
haven_library_fold (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_strdup ("");

  /* The accents are now marks of their own: leave them out. */
  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Articles ---------------------------------------------------------------------------------- */

struct _HavenArticle
{
  GObject  parent_instance;

  char    *id;
  char    *title;
  char    *summary;
  char    *theme;
  char    *flow_id;
  char    *language;
  char    *body;

  GPtrArray *links;       /* of char*, from the parsed body */
  GPtrArray *paragraphs;  /* of char* */
  guint      word_count;
  char      *search_text; /* folded, made on the first search */
};

G_DEFINE_FINAL_TYPE (HavenArticle, haven_article, G_TYPE_OBJECT)

static void
haven_article_finalize (GObject *object)
{
  HavenArticle *self = (HavenArticle *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->theme);
  g_free (self->flow_id);
  g_free (self->language);
  g_free (self->body);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->paragraphs, g_ptr_array_unref);
  g_free (self->search_text);

  G_OBJECT_CLASS (haven_article_parent_class)->finalize (object);
}

static void
haven_article_class_init (HavenArticleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = haven_article_finalize;
}

static void
haven_article_init (HavenArticle *self)
{
  self->links = g_ptr_array_new_with_free_func (g_free);
  self->paragraphs = g_ptr_array_new_with_free_func (g_free);
}

static gboolean
is_known_theme (const char *theme)
{
  return g_strv_contains ((const char * const *)theme_ids, theme);
}

static guint
count_words (const char *text)
{
  gboolean in_word = FALSE;
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      if (!space && !in_word)
        n++;
      in_word = !space;
    }

  return n;
}

/* The plain text under an inline container: what a reader sees of it. */
static void
append_inline_text (GString    *out,
                    cmark_node *node)
{
  for (cmark_node *child = cmark_node_first_child (node);
       child != NULL;
       child = cmark_node_next (child))
    {
      switch (cmark_node_get_type (child))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          g_string_append (out, cmark_node_get_literal (child));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, ' ');
          break;
        default:
          append_inline_text (out, child);
          break;
        }
    }
}

/* Reads the body once: its links, its paragraphs and how many words they hold. */
static void
analyse_body (HavenArticle *self)
{
  cmark_node *document = cmark_parse_document (self->body, strlen (self->body),
                                               CMARK_OPT_DEFAULT);
  cmark_iter *iter = cmark_iter_new (document);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_LINK:
          g_ptr_array_add (self->links, g_strdup (cmark_node_get_url (node)));
          break;
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
          {
            GString *text = g_string_new (NULL);

            append_inline_text (text, node);
            g_strstrip (text->str);
            text->len = strlen (text->str);
            self->word_count += count_words (text->str);
            g_ptr_array_add (self->paragraphs, g_string_free (text, FALSE));
          }
          break;
        default:
          break;
        }
    }

  cmark_iter_free (iter);
  cmark_node_free (document);
}

static gboolean
set_field (HavenArticle  *self,
           const char    *key,
           const char    *value,
           GError       **error)
{
  char **field = NULL;

  if (g_str_equal (key, "id"))
    field = &self->id;
  else if (g_str_equal (key, "title"))
    field = &self->title;
  else if (g_str_equal (key, "summary"))
    field = &self->summary;
  else if (g_str_equal (key, "theme"))
    field = &self->theme;
  else if (g_str_equal (key, "flow"))
    field = &self->flow_id;

  if (field == NULL)
    {
      g_set_error (error, HAVEN_LIBRARY_ERROR, HAVEN_LIBRARY_ERROR_INVALID,
                   "Unknown front matter key “%s”", key);
      return FALSE;
    }
  if (*field != NULL)
    {
      g_set_error (error, HAVEN_LIBRARY_ERROR, HAVEN_LIBRARY_ERROR_INVALID,
                   "“%s” appears twice in the front matter", key);
      return FALSE;
    }
  if (*value == '\0')
    {
      g_set_error (error, HAVEN_LIBRARY_ERROR, HAVEN_LIBRARY_ERROR_INVALID,
                   "“%s” is empty", key);
      return FALSE;
    }

  *field = g_strdup (value);
  return TRUE;
}

HavenArticle *
haven_article_new_from_markdown (const char  *text,
                                 gssize       length,
                                 const char  *language,
                                 GError     **error)
{
  g_autoptr(HavenArticle) self = NULL;
  g_autofree char *copy = NULL;
  const char *missing = NULL;
  char *line;
  char *body = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (text);

  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error_literal (error, HAVEN_LIBRARY_ERROR, HAVEN_LIBRARY_ERROR_INVALID,
                           "The article is not valid UTF-8");
      return NULL;
    }

  copy = g_strndup (text, length);
  if (!g_str_has_prefix (copy, "---\n"))
    {
      g_set_error_literal (error, HAVEN_LIBRARY_ERROR, HAVEN_LIBRARY_ERROR_INVALID,
                           "The article does not start with a front matter (“---”)");
      return NULL;
    }

  self = g_object_new (HAVEN_TYPE_ARTICLE, NULL);
  self->language = g_strdup (language);

  /* Front matter: "key: value" lines up to the next "---". */
  line = copy + strlen ("---\n");
  while (*line != '\0')
    {
      char *end = strchr (line, '\n');
      char *colon;

      if (end != NULL)
        *end = '\0';

      if (g_str_equal (line, "---"))
        {
          body = end != NULL ? end + 1 : line + strlen (line);
          break;
        }

      colon = strchr (line, ':');
      if (colon == NULL)
        {
          g_set_error (error, HAVEN_LIBRARY_ERROR, HAVEN_LIBRARY_ERROR_INVALID,
                       "Front matter line “%s” is not “key: value”", line);
          return NULL;
        }
      *colon = '\0';
      if (!set_field (self, g_strstrip (line), g_strstrip (colon + 1), error))
        return NULL;

      if (end == NULL)
        break;
      line = end + 1;
    }

  if (body == NULL)
    {
      g_set_error_literal (error, HAVEN_LIBRARY_ERROR, HAVEN_LIBRARY_ERROR_INVALID,
                           "The front matter does not end (“---”)");
      return NULL;
    }

  if (self->id == NULL)
    missing = "id";
  else if (self->title == NULL)
    missing = "title";
  else if (self->summary == NULL)
    missing = "summary";
  else if (self->theme == NULL)
    missing = "theme";
  else if (self->flow_id == NULL)
    missing = "flow";
  if (missing != NULL)
    {
      g_set_error (error, HAVEN_LIBRARY_ERROR, HAVEN_LIBRARY_ERROR_INVALID,
                   "The front matter has no “%s”", missing);
      return NULL;
    }

  if (!is_known_theme (self->theme))
    {
      g_set_error (error, HAVEN_LIBRARY_ERROR, HAVEN_LIBRARY_ERROR_INVALID,
                   "Unknown theme “%s”", self->theme);
      return NULL;
    }

  while (*body == '\n')
    body++;
  self->body = g_strdup (body);
  analyse_body (self);

  return g_steal_pointer (&self);
}

const char *
haven_article_get_id (HavenArticle *self)
{
  g_return_val_if_fail (HAVEN_IS_ARTICLE (self), NULL);

  return self->id;
}

const char *
haven_article_get_title (HavenArticle *self)
{
  g_return_val_if_fail (HAVEN_IS_ARTICLE (self), NULL);

  return self->title;
}

const char *
haven_article_get_summary (HavenArticle *self)
{
  g_return_val_if_fail (HAVEN_IS_ARTICLE (self), NULL);

  return self->summary;
}

const char *
haven_article_get_theme (HavenArticle *self)
{
  g_return_val_if_fail (HAVEN_IS_ARTICLE (self), NULL);

  return self->theme;
}

const char *
haven_article_get_flow_id (HavenArticle *self)
{
  g_return_val_if_fail (HAVEN_IS_ARTICLE (self), NULL);

  return self->flow_id;
}

const char *
haven_article_get_language (HavenArticle *self)
{
  g_return_val_if_fail (HAVEN_IS_ARTICLE (self), NULL);

  return self->language;
}

const char *
haven_article_get_body (HavenArticle *self)
{
  g_return_val_if_fail (HAVEN_IS_ARTICLE (self), NULL);

  return self->body;
}

guint
haven_article_get_word_count (HavenArticle *self)
{
  g_return_val_if_fail (HAVEN_IS_ARTICLE (self), 0);

  return self->word_count;
}

guint
haven_article_get_reading_time (HavenArticle *self)
{
  g_return_val_if_fail (HAVEN_IS_ARTICLE (self), 0);

  return MAX (1, (self->word_count + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
}

static GPtrArray *
dup_strings (GPtrArray *strings)
{
  GPtrArray *copy = g_ptr_array_new_full (strings->len, g_free);

  for (guint i = 0; i < strings->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (strings, i)));

  return copy;
}

GPtrArray *
haven_article_dup_links (HavenArticle *self)
{
  g_return_val_if_fail (HAVEN_IS_ARTICLE (self), NULL);

  return dup_strings (self->links);
}

GPtrArray *
haven_article_dup_paragraphs (HavenArticle *self)
{
  g_return_val_if_fail (HAVEN_IS_ARTICLE (self), NULL);

  return dup_strings (self->paragraphs);
}

gboolean
haven_article_matches (HavenArticle *self,
                       const char   *query)
{
  g_autofree char *folded_query = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (HAVEN_IS_ARTICLE (self), FALSE);

  if (query == NULL)
    return TRUE;

  if (self->search_text == NULL)
    {
      GString *text = g_string_new (self->title);

      g_string_append_c (text, '\n');
      g_string_append (text, self->summary);
      for (guint i = 0; i < self->paragraphs->len; i++)
        {
          g_string_append_c (text, '\n');
          g_string_append (text, g_ptr_array_index (self->paragraphs, i));
        }
      self->search_text = haven_library_fold (text->str);
      g_string_free (text, TRUE);
    }

  folded_query = haven_library_fold (query);
  words = g_strsplit_set (folded_query, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] != '\0' && strstr (self->search_text, words[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* The library -------------------------------------------------------------------------------- */

struct _HavenLibrary
{
  GObject    parent_instance;

  char      *language;
  GPtrArray *articles;
};

static void haven_library_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HavenLibrary, haven_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      haven_library_list_model_init))

static GType
haven_library_get_item_type (GListModel *model)
{
  return HAVEN_TYPE_ARTICLE;
}

static guint
haven_library_get_n_items (GListModel *model)
{
  return HAVEN_LIBRARY (model)->articles->len;
}

static gpointer
haven_library_get_item (GListModel *model,
                        guint       position)
{
  HavenLibrary *self = HAVEN_LIBRARY (model);

  if (position >= self->articles->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->articles, position));
}

static void
haven_library_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = haven_library_get_item_type;
  iface->get_n_items = haven_library_get_n_items;
  iface->get_item = haven_library_get_item;
}

static void
haven_library_finalize (GObject *object)
{
  HavenLibrary *self = (HavenLibrary *)object;

  g_free (self->language);
  g_ptr_array_unref (self->articles);

  G_OBJECT_CLASS (haven_library_parent_class)->finalize (object);
}

static void
haven_library_class_init (HavenLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = haven_library_finalize;
}

static void
haven_library_init (HavenLibrary *self)
{
  self->articles = g_ptr_array_new_with_free_func (g_object_unref);
}

static GBytes *
lookup_article (const char *language,
                const char *id)
{
  g_autofree char *path = g_strdup_printf (ARTICLES_PATH "%s/%s.md", language, id);

  return g_resource_lookup_data (haven_articles_get_resource (), path,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

static HavenArticle *
load_article (const char  *language,
              const char  *id,
              GError     **error)
{
  g_autoptr(GBytes) bytes = lookup_article (language, id);
  g_autoptr(HavenArticle) article = NULL;
  gsize size;
  const char *data;

  /* Not written in this language (yet): the English one is better than none. */
  if (bytes == NULL && !g_str_equal (language, HAVEN_LIBRARY_FALLBACK_LANGUAGE))
    {
      language = HAVEN_LIBRARY_FALLBACK_LANGUAGE;
      bytes = lookup_article (language, id);
    }
  if (bytes == NULL)
    {
      g_set_error (error, HAVEN_LIBRARY_ERROR, HAVEN_LIBRARY_ERROR_NOT_FOUND,
                   "There is no article “%s”", id);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &size);
  article = haven_article_new_from_markdown (data, size, language, error);
  if (article == NULL)
    {
      g_prefix_error (error, "%s/%s.md: ", language, id);
      return NULL;
    }

  if (!g_str_equal (haven_article_get_id (article), id))
    {
      g_set_error (error, HAVEN_LIBRARY_ERROR, HAVEN_LIBRARY_ERROR_INVALID,
                   "%s/%s.md: its id is “%s”", language, id, haven_article_get_id (article));
      return NULL;
    }

  return g_steal_pointer (&article);
}

HavenLibrary *
haven_library_new (const char  *language,
                   GError     **error)
{
  g_autoptr(HavenLibrary) self = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (HAVEN_TYPE_LIBRARY, NULL);
  self->language = g_strdup (language != NULL ? language : haven_library_ui_language ());

  for (guint i = 0; article_ids[i] != NULL; i++)
    {
      HavenArticle *article = load_article (self->language, article_ids[i], error);

      if (article == NULL)
        return NULL;
      g_ptr_array_add (self->articles, article);
    }

  return g_steal_pointer (&self);
}

HavenLibrary *
haven_library_get_default (void)
{
  static HavenLibrary *library;
  static gboolean failed;

  if (library == NULL && !failed)
    {
      g_autoptr(GError) error = NULL;

      library = haven_library_new (NULL, &error);
      if (library == NULL)
        {
          g_warning ("The built-in articles cannot be read: %s", error->message);
          failed = TRUE;
        }
    }

  return library;
}

const char *
haven_library_get_language (HavenLibrary *self)
{
  g_return_val_if_fail (HAVEN_IS_LIBRARY (self), NULL);

  return self->language;
}

HavenArticle *
haven_library_lookup (HavenLibrary *self,
                      const char   *id)
{
  g_return_val_if_fail (HAVEN_IS_LIBRARY (self), NULL);

  if (id == NULL)
    return NULL;

  for (guint i = 0; i < self->articles->len; i++)
    {
      HavenArticle *article = g_ptr_array_index (self->articles, i);

      if (g_str_equal (article->id, id))
        return article;
    }

  return NULL;
}

const char * const *
haven_library_get_article_ids (void)
{
  return article_ids;
}

const char * const *
haven_library_get_themes (void)
{
  return theme_ids;
}

const char *
haven_library_theme_label (const char *theme)
{
  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    {
      if (g_strcmp0 (themes[i].id, theme) == 0)
        return g_dpgettext2 (GETTEXT_PACKAGE, "article theme", themes[i].label);
    }

  return NULL;
}

static gboolean
has_language (const char *language)
{
  g_autofree char *path = g_strdup_printf (ARTICLES_PATH "%s/", language);
  g_auto(GStrv) children = g_resource_enumerate_children (haven_articles_get_resource (), path,
                                                          G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  return children != NULL && children[0] != NULL;
}

const char *
haven_library_ui_language (void)
{
  const char *messages;
  const char * const *names;

  /* gettext shows the interface in English in the C locale, whatever LANGUAGE says; the
   * articles do the same. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX") ||
      g_str_has_prefix (messages, "C."))
    return HAVEN_LIBRARY_FALLBACK_LANGUAGE;

  /* Otherwise the languages in the order gettext tries them ("nl_BE.UTF-8", "nl_BE", "nl",
   * …): the first that has articles. */
  names = g_get_language_names_with_category ("LC_MESSAGES");
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *base = g_strndup (names[i], strcspn (names[i], "_.@"));

      if (g_str_equal (base, "C") || g_str_equal (base, "POSIX"))
        break;
      if (g_str_equal (base, HAVEN_LIBRARY_FALLBACK_LANGUAGE))
        break;
      if (base[0] != '\0' && has_language (base))
        return g_intern_string (base);
    }

  return HAVEN_LIBRARY_FALLBACK_LANGUAGE;
}
