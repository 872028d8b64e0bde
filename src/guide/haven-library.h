/* haven-library.h: the built-in articles
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each article is a Markdown file with a short front matter (id, title, summary, theme,
 * flow), bundled as a GResource under articles/<language>/<id>.md. A library holds the
 * articles in one language, falling back to English for any article not written in it.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HAVEN_LIBRARY_ERROR (haven_library_error_quark ())

typedef enum
{
  HAVEN_LIBRARY_ERROR_NOT_FOUND,  /* no such article, in any language */
  HAVEN_LIBRARY_ERROR_INVALID,    /* the file is not an article Haven can read */
} HavenLibraryError;

GQuark haven_library_error_quark (void);

/* The language articles are written in when nothing else fits. */
#define HAVEN_LIBRARY_FALLBACK_LANGUAGE "en"

#define HAVEN_TYPE_ARTICLE (haven_article_get_type ())

G_DECLARE_FINAL_TYPE (HavenArticle, haven_article, HAVEN, ARTICLE, GObject)

/* Reads an article from the text of its file. @language is what it is written in. */
HavenArticle *haven_article_new_from_markdown (const char    *text,
                                               gssize         length,
                                               const char    *language,
                                               GError       **error);

const char   *haven_article_get_id            (HavenArticle  *self);
const char   *haven_article_get_title         (HavenArticle  *self);
const char   *haven_article_get_summary       (HavenArticle  *self);
/* One of haven_library_get_themes (). */
const char   *haven_article_get_theme         (HavenArticle  *self);
/* The guided flow its "Try this" opens. */
const char   *haven_article_get_flow_id       (HavenArticle  *self);
const char   *haven_article_get_language      (HavenArticle  *self);
/* The Markdown after the front matter. */
const char   *haven_article_get_body          (HavenArticle  *self);
guint         haven_article_get_word_count    (HavenArticle  *self);
/* At about 200 words a minute, rounded up; at least 1. */
guint         haven_article_get_reading_time  (HavenArticle  *self);
/* Every link target in the body, in order: "article:<id>" or "flow:<id>" (or whatever
 * else a link points to, for tests to catch). */
GPtrArray    *haven_article_dup_links         (HavenArticle  *self);
/* The text of every paragraph, heading and quote, without the Markdown. */
GPtrArray    *haven_article_dup_paragraphs    (HavenArticle  *self);
/* Whether every word of @query is found in the title, summary or text, ignoring case and
 * accents ("geen" finds "Géén"). An empty query matches. */
gboolean      haven_article_matches           (HavenArticle  *self,
                                               const char    *query);

#define HAVEN_TYPE_LIBRARY (haven_library_get_type ())

/* A GListModel of HavenArticle, in reading order. */
G_DECLARE_FINAL_TYPE (HavenLibrary, haven_library, HAVEN, LIBRARY, GObject)

/* @language: (nullable): "en", "nl", …; NULL for the interface language. Fails when an
 * article is missing in English too, or cannot be read. */
HavenLibrary       *haven_library_new             (const char    *language,
                                                   GError       **error);
/* The interface language's library, loaded on first use; NULL (with a warning) only when
 * the built-in articles are broken. */
HavenLibrary       *haven_library_get_default     (void);
const char         *haven_library_get_language    (HavenLibrary  *self);
/* (transfer none) (nullable) */
HavenArticle       *haven_library_lookup          (HavenLibrary  *self,
                                                   const char    *id);

/* The ids of all articles, in reading order, NULL-terminated. */
const char * const *haven_library_get_article_ids (void);
/* The themes, in the order the Library shows them, NULL-terminated. */
const char * const *haven_library_get_themes      (void);
/* "Attachment", "Conflict", …, translated; NULL for an unknown theme. */
const char         *haven_library_theme_label     (const char    *theme);
/* The language of the interface when there are articles in it, else English. */
const char         *haven_library_ui_language     (void);

/* Lowercase, without accents: how search compares text. */
char               *haven_library_fold            (const char    *text);

G_END_DECLS
