/* test-library.c: the built-in articles, their metadata, links and search, without a display
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "haven-flow.h"
#include "haven-library.h"

static const char *languages[] = { "en", "nl" };

static HavenLibrary *
load (const char *language)
{
  g_autoptr(GError) error = NULL;
  HavenLibrary *library = haven_library_new (language, &error);

  g_assert_no_error (error);
  g_assert_nonnull (library);

  return library;
}

/* Every article is written in both languages, not borrowed from English, with all its
 * metadata, a length worth reading, a "Try this" that opens its flow and the line about
 * therapy at the end. */
static void
test_articles_complete (void)
{
  const char * const *ids = haven_library_get_article_ids ();
  g_autoptr(HavenLibrary) en = load ("en");
  g_autoptr(HavenLibrary) nl = load ("nl");

  g_assert_cmpuint (g_strv_length ((GStrv)ids), ==, 12);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (en)), ==, 12);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (nl)), ==, 12);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (en)) == HAVEN_TYPE_ARTICLE);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      HavenArticle *pair[2] = { haven_library_lookup (en, ids[i]), haven_library_lookup (nl, ids[i]) };
      g_autoptr(HavenArticle) item = g_list_model_get_item (G_LIST_MODEL (en), i);

      g_assert_true (item == pair[0]);

      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        {
          HavenArticle *article = pair[l];
          g_autoptr(GPtrArray) paragraphs = NULL;
          g_autoptr(GPtrArray) links = NULL;
          g_autofree char *flow_link = NULL;
          g_autofree char *footer = NULL;
          guint words;

          g_test_message ("%s/%s: %u words, %u min", languages[l], ids[i],
                          haven_article_get_word_count (article),
                          haven_article_get_reading_time (article));

          g_assert_nonnull (article);
          g_assert_cmpstr (haven_article_get_id (article), ==, ids[i]);
          /* Really written in this language, not the English fallback. */
          g_assert_cmpstr (haven_article_get_language (article), ==, languages[l]);
          g_assert_cmpstr (haven_article_get_title (article), !=, "");
          g_assert_cmpstr (haven_article_get_summary (article), !=, "");
          g_assert_cmpuint (g_utf8_strlen (haven_article_get_summary (article), -1), <=, 200);
          g_assert_nonnull (haven_library_theme_label (haven_article_get_theme (article)));
          g_assert_nonnull (haven_flow_lookup (haven_article_get_flow_id (article)));

          words = haven_article_get_word_count (article);
          g_assert_cmpuint (words, >=, 600);
          g_assert_cmpuint (words, <=, 1200);
          g_assert_cmpuint (haven_article_get_reading_time (article), ==, (words + 199) / 200);

          /* Only second-level headings: the title is the article's only big heading. */
          g_assert_false (g_str_has_prefix (haven_article_get_body (article), "# "));
          g_assert_null (strstr (haven_article_get_body (article), "\n# "));
          g_assert_null (strstr (haven_article_get_body (article), "\n### "));
          g_assert_nonnull (strstr (haven_article_get_body (article),
                                    l == 0 ? "\n## Try this\n" : "\n## Probeer dit\n"));

          links = haven_article_dup_links (article);
          flow_link = g_strconcat ("flow:", haven_article_get_flow_id (article), NULL);
          g_assert_true (g_ptr_array_find_with_equal_func (links, flow_link, g_str_equal, NULL));

          paragraphs = haven_article_dup_paragraphs (article);
          g_assert_cmpuint (paragraphs->len, >, 5);
          footer = haven_library_fold (g_ptr_array_index (paragraphs, paragraphs->len - 1));
          g_assert_nonnull (strstr (footer, "therap"));
        }

      g_assert_cmpstr (haven_article_get_theme (pair[0]), ==, haven_article_get_theme (pair[1]));
      g_assert_cmpstr (haven_article_get_flow_id (pair[0]), ==,
                       haven_article_get_flow_id (pair[1]));
      g_assert_cmpstr (haven_article_get_title (pair[0]), !=, haven_article_get_title (pair[1]));
      g_assert_cmpstr (haven_article_get_summary (pair[0]), !=,
                       haven_article_get_summary (pair[1]));
    }
}

/* Every link in every article leads somewhere: to another article or to a flow. */
static void
test_links_resolve (void)
{
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(HavenLibrary) library = load (languages[l]);
      guint n_article_links = 0;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
        {
          g_autoptr(HavenArticle) article = g_list_model_get_item (G_LIST_MODEL (library), i);
          g_autoptr(GPtrArray) links = haven_article_dup_links (article);

          for (guint k = 0; k < links->len; k++)
            {
              const char *target = g_ptr_array_index (links, k);

              g_test_message ("%s/%s → %s", languages[l], haven_article_get_id (article), target);
              if (g_str_has_prefix (target, "article:"))
                {
                  const char *id = target + strlen ("article:");

                  g_assert_nonnull (haven_library_lookup (library, id));
                  g_assert_cmpstr (id, !=, haven_article_get_id (article));
                  n_article_links++;
                }
              else if (g_str_has_prefix (target, "flow:"))
                g_assert_nonnull (haven_flow_lookup (target + strlen ("flow:")));
              else
                g_error ("%s/%s links to “%s”, which is neither an article nor a flow",
                         languages[l], haven_article_get_id (article), target);
            }
        }

      /* The articles point to each other. */
      g_assert_cmpuint (n_article_links, >=, 12);
    }
}

/* "Read more" under a question opens an article that exists, in both languages. */
static void
test_steps_link_articles (void)
{
  g_autoptr(HavenLibrary) en = load ("en");
  g_autoptr(HavenLibrary) nl = load ("nl");
  const HavenFlow **flows;
  guint n_flows, n_links = 0;

  flows = haven_flow_get_all (&n_flows);
  g_assert_cmpuint (n_flows, >, 0);

  for (guint i = 0; i < n_flows; i++)
    for (guint s = 0; s < flows[i]->n_steps; s++)
      {
        const char *id = flows[i]->steps[s].article_id;

        if (id == NULL)
          continue;

        g_test_message ("%s/%s → %s", flows[i]->id, flows[i]->steps[s].id, id);
        g_assert_nonnull (haven_library_lookup (en, id));
        g_assert_nonnull (haven_library_lookup (nl, id));
        n_links++;
      }

  g_assert_cmpuint (n_links, >, 5);
}

/* The Dutch articles are written, not left in English: no paragraph of more than a few
 * words appears unchanged in both files. */
static void
test_no_untranslated_paragraphs (void)
{
  g_autoptr(HavenLibrary) en = load ("en");
  g_autoptr(HavenLibrary) nl = load ("nl");
  const char * const *ids = haven_library_get_article_ids ();
  guint found = 0;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) english = haven_article_dup_paragraphs (haven_library_lookup (en, ids[i]));
      g_autoptr(GPtrArray) dutch = haven_article_dup_paragraphs (haven_library_lookup (nl, ids[i]));

      for (guint k = 0; k < english->len; k++)
        {
          const char *paragraph = g_ptr_array_index (english, k);
          g_auto(GStrv) words = g_strsplit (paragraph, " ", -1);

          /* Names, numbers and a title of a book may be the same in both. */
          if (g_strv_length (words) < 4)
            continue;

          if (g_ptr_array_find_with_equal_func (dutch, paragraph, g_str_equal, NULL))
            {
              g_test_message ("%s: the same in English and Dutch: “%s”", ids[i], paragraph);
              found++;
            }
        }
    }

  g_assert_cmpuint (found, ==, 0);
}

/* The check above works: a paragraph left in English is caught. */
static void
test_untranslated_paragraph_is_caught (void)
{
  static const char english[] =
    "---\nid: x\ntitle: T\nsummary: S\ntheme: care\nflow: free\n---\n\n"
    "A paragraph that nobody translated into Dutch.\n\nEnglish only here.\n";
  static const char dutch[] =
    "---\nid: x\ntitle: T\nsummary: S\ntheme: care\nflow: free\n---\n\n"
    "Een alinea in het Nederlands.\n\nA paragraph that nobody translated into Dutch.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenArticle) a = haven_article_new_from_markdown (english, -1, "en", &error);
  g_autoptr(HavenArticle) b = haven_article_new_from_markdown (dutch, -1, "nl", &error);
  g_autoptr(GPtrArray) pa = NULL;
  g_autoptr(GPtrArray) pb = NULL;
  guint index;

  g_assert_no_error (error);
  pa = haven_article_dup_paragraphs (a);
  pb = haven_article_dup_paragraphs (b);
  g_assert_true (g_ptr_array_find_with_equal_func (pb, g_ptr_array_index (pa, 0), g_str_equal,
                                                   &index));
  g_assert_cmpuint (index, ==, 1);
}

/* Reading time, links, paragraphs and words from a small article. */
static void
test_parse_article (void)
{
  g_autoptr(GString) text = g_string_new ("---\n"
                                          "id: sample\n"
                                          "title: A title: with a colon\n"
                                          "summary:   Spaces around are trimmed.  \n"
                                          "theme: conflict\n"
                                          "flow: calm-down\n"
                                          "---\n"
                                          "\n\n"
                                          "One *two* **three** [four](article:raw-spots).\n\n"
                                          "## Five six\n\n"
                                          "- seven\n- eight [nine](flow:calm-down)\n\n"
                                          "> ten\n");
  g_autoptr(HavenArticle) article = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) paragraphs = NULL;
  g_autoptr(GError) error = NULL;

  article = haven_article_new_from_markdown (text->str, text->len, "en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (haven_article_get_id (article), ==, "sample");
  g_assert_cmpstr (haven_article_get_title (article), ==, "A title: with a colon");
  g_assert_cmpstr (haven_article_get_summary (article), ==, "Spaces around are trimmed.");
  g_assert_cmpstr (haven_article_get_theme (article), ==, "conflict");
  g_assert_cmpstr (haven_article_get_flow_id (article), ==, "calm-down");
  g_assert_cmpstr (haven_article_get_language (article), ==, "en");
  g_assert_true (g_str_has_prefix (haven_article_get_body (article), "One *two*"));

  /* Link targets and Markdown marks are not words. */
  g_assert_cmpuint (haven_article_get_word_count (article), ==, 10);
  g_assert_cmpuint (haven_article_get_reading_time (article), ==, 1);

  links = haven_article_dup_links (article);
  g_assert_cmpuint (links->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (links, 0), ==, "article:raw-spots");
  g_assert_cmpstr (g_ptr_array_index (links, 1), ==, "flow:calm-down");

  paragraphs = haven_article_dup_paragraphs (article);
  g_assert_cmpuint (paragraphs->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (paragraphs, 0), ==, "One two three four.");
  g_assert_cmpstr (g_ptr_array_index (paragraphs, 1), ==, "Five six");
  g_assert_cmpstr (g_ptr_array_index (paragraphs, 3), ==, "eight nine");
  g_assert_cmpstr (g_ptr_array_index (paragraphs, 4), ==, "ten");

  /* 401 words: three minutes, rounded up. */
  g_clear_object (&article);
  for (guint i = 0; i < 391; i++)
    g_string_append (text, " word");
  article = haven_article_new_from_markdown (text->str, text->len, "en", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (haven_article_get_word_count (article), ==, 401);
  g_assert_cmpuint (haven_article_get_reading_time (article), ==, 3);
}

/* Files that are not articles are refused with a reason, never half read. */
static void
test_parse_refuses (void)
{
  static const char *bad[] = {
    "",
    "no front matter\n",
    "---\nid: a\ntitle: b\nsummary: c\ntheme: care\nflow: free\n",          /* no end */
    "---\nid: a\ntitle: b\nsummary: c\ntheme: care\n---\nbody\n",          /* no flow */
    "---\ntitle: b\nsummary: c\ntheme: care\nflow: free\n---\nbody\n",     /* no id */
    "---\nid: a\ntitle: b\nsummary: c\ntheme: care\nflow: free\nlang: en\n---\nbody\n",
    "---\nid: a\nid: b\ntitle: b\nsummary: c\ntheme: care\nflow: free\n---\nbody\n",
    "---\nid: a\ntitle:\nsummary: c\ntheme: care\nflow: free\n---\nbody\n",
    "---\nid: a\ntitle: b\nsummary: c\ntheme: love\nflow: free\n---\nbody\n",
    "---\nid: a\ntitle b\nsummary: c\ntheme: care\nflow: free\n---\nbody\n",
    "---\nid: a\ntitle: \xff\xfe\nsummary: c\ntheme: care\nflow: free\n---\nbody\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HavenArticle) article = haven_article_new_from_markdown (bad[i], -1, "en",
                                                                         &error);

      g_assert_null (article);
      g_assert_error (error, HAVEN_LIBRARY_ERROR, HAVEN_LIBRARY_ERROR_INVALID);
      g_test_message ("refused: %s", error->message);
    }
}

/* A language without articles gets the English ones; lookups of unknown ids find nothing. */
static void
test_fallback_and_lookup (void)
{
  g_autoptr(HavenLibrary) library = load ("de");

  g_assert_cmpstr (haven_library_get_language (library), ==, "de");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 12);
  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(HavenArticle) article = g_list_model_get_item (G_LIST_MODEL (library), i);

      g_assert_cmpstr (haven_article_get_language (article), ==, "en");
    }

  g_assert_null (haven_library_lookup (library, "no-such-article"));
  g_assert_null (haven_library_lookup (library, NULL));
  g_assert_null (haven_library_lookup (library, ""));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (library), 12));
}

static void
test_themes (void)
{
  const char * const *themes = haven_library_get_themes ();
  g_autoptr(HavenLibrary) library = load ("en");

  g_assert_cmpuint (g_strv_length ((GStrv)themes), ==, 4);
  g_assert_cmpstr (haven_library_theme_label ("attachment"), ==, "Attachment");
  g_assert_cmpstr (haven_library_theme_label ("care"), ==, "Care");
  g_assert_null (haven_library_theme_label ("love"));
  g_assert_null (haven_library_theme_label (NULL));

  /* No empty group in the Library. */
  for (guint t = 0; themes[t] != NULL; t++)
    {
      guint n = 0;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
        {
          g_autoptr(HavenArticle) article = g_list_model_get_item (G_LIST_MODEL (library), i);

          if (g_str_equal (haven_article_get_theme (article), themes[t]))
            n++;
        }
      g_assert_cmpuint (n, >, 0);
    }
}

static void
test_search (void)
{
  static const char text[] =
    "---\nid: s\ntitle: Calm After the Storm\nsummary: A short walk helps.\ntheme: care\n"
    "flow: free\n---\n\nEven **Géén** pijnplek hurts forever. [Read on](article:raw-spots).\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HavenArticle) article = haven_article_new_from_markdown (text, -1, "en", &error);
  g_autoptr(HavenLibrary) en = load ("en");
  g_autoptr(HavenLibrary) nl = load ("nl");
  g_autofree char *folded = haven_library_fold ("Éen ÇA Straße");

  g_assert_no_error (error);
  g_assert_cmpstr (folded, ==, "een ca strasse");

  g_assert_true (haven_article_matches (article, NULL));
  g_assert_true (haven_article_matches (article, ""));
  g_assert_true (haven_article_matches (article, "  "));
  g_assert_true (haven_article_matches (article, "storm"));           /* title */
  g_assert_true (haven_article_matches (article, "WALK"));            /* summary */
  g_assert_true (haven_article_matches (article, "geen"));            /* accents folded */
  g_assert_true (haven_article_matches (article, "GÉÉN"));
  g_assert_true (haven_article_matches (article, "plek"));            /* inside a word */
  g_assert_true (haven_article_matches (article, "forever calm"));    /* every word, any order */
  g_assert_false (haven_article_matches (article, "forever angry"));
  g_assert_false (haven_article_matches (article, "raw-spots"));      /* not the link target */
  g_assert_false (haven_article_matches (article, "article"));

  /* In the real articles. */
  g_assert_true (haven_article_matches (haven_library_lookup (nl, "raw-spots"), "Pijnplek"));
  g_assert_true (haven_article_matches (haven_library_lookup (en, "why-closeness-matters"),
                                        "bowlby"));
  g_assert_true (haven_article_matches (haven_library_lookup (en, "when-its-not-safe"), "112"));
  g_assert_false (haven_article_matches (haven_library_lookup (en, "raw-spots"), "zzzz"));
}

/* The articles follow the interface: Dutch when the interface is Dutch, English in the C
 * locale whatever LANGUAGE says. */
static void
test_ui_language (void)
{
  g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *saved_lc_all = g_strdup (g_getenv ("LC_ALL"));

  g_setenv ("LANGUAGE", "nl", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_assert_cmpstr (haven_library_ui_language (), ==, "en");

  g_setenv ("LC_ALL", "nl_NL.UTF-8", TRUE);
  if (setlocale (LC_ALL, "") == NULL)
    {
      g_test_skip ("the nl_NL.UTF-8 locale is not installed (build-aux/install-deps test)");
    }
  else
    {
      g_autoptr(HavenLibrary) library = NULL;

      g_assert_cmpstr (haven_library_ui_language (), ==, "nl");
      library = load (NULL);
      g_assert_cmpstr (haven_library_get_language (library), ==, "nl");

      /* English first, then Dutch: English. */
      g_setenv ("LANGUAGE", "en:nl", TRUE);
      g_assert_cmpstr (haven_library_ui_language (), ==, "en");
      /* A language without articles, then Dutch: Dutch. */
      g_setenv ("LANGUAGE", "de:nl_BE", TRUE);
      g_assert_cmpstr (haven_library_ui_language (), ==, "nl");
      g_setenv ("LANGUAGE", "de", TRUE);
      g_assert_cmpstr (haven_library_ui_language (), ==, "en");
    }

  g_setenv ("LANGUAGE", saved_language ? saved_language : "", TRUE);
  if (saved_lc_all != NULL)
    g_setenv ("LC_ALL", saved_lc_all, TRUE);
  else
    g_unsetenv ("LC_ALL");
  setlocale (LC_ALL, "");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/library/articles-complete", test_articles_complete);
  g_test_add_func ("/library/links-resolve", test_links_resolve);
  g_test_add_func ("/library/steps-link-articles", test_steps_link_articles);
  g_test_add_func ("/library/no-untranslated-paragraphs", test_no_untranslated_paragraphs);
  g_test_add_func ("/library/untranslated-paragraph-is-caught",
                   test_untranslated_paragraph_is_caught);
  g_test_add_func ("/library/parse", test_parse_article);
  g_test_add_func ("/library/parse-refuses", test_parse_refuses);
  g_test_add_func ("/library/fallback-and-lookup", test_fallback_and_lookup);
  g_test_add_func ("/library/themes", test_themes);
  g_test_add_func ("/library/search", test_search);
  g_test_add_func ("/library/ui-language", test_ui_language);

  return g_test_run ();
}
