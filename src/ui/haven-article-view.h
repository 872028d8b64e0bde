/* haven-article-view.h: one article, to read
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "haven-library.h"

G_BEGIN_DECLS

/* The names of the text tags each Markdown construct gets. */
#define HAVEN_ARTICLE_TAG_PARAGRAPH    "paragraph"
#define HAVEN_ARTICLE_TAG_HEADING      "heading"
#define HAVEN_ARTICLE_TAG_EMPHASIS     "emphasis"
#define HAVEN_ARTICLE_TAG_STRONG       "strong"
#define HAVEN_ARTICLE_TAG_LINK         "link"
#define HAVEN_ARTICLE_TAG_BLOCKQUOTE   "blockquote"
#define HAVEN_ARTICLE_TAG_LIST_ITEM    "list-item"
#define HAVEN_ARTICLE_TAG_BULLET_LIST  "bullet-list"
#define HAVEN_ARTICLE_TAG_ORDERED_LIST "ordered-list"
#define HAVEN_ARTICLE_TAG_CODE         "code"

#define HAVEN_ARTICLE_ZOOM_MIN 0.7
#define HAVEN_ARTICLE_ZOOM_MAX 2.0

#define HAVEN_TYPE_ARTICLE_VIEW (haven_article_view_get_type ())

G_DECLARE_FINAL_TYPE (HavenArticleView, haven_article_view, HAVEN, ARTICLE_VIEW, AdwBin)

HavenArticleView *haven_article_view_new            (void);
/* (nullable) */
HavenArticle     *haven_article_view_get_article    (HavenArticleView  *self);
void              haven_article_view_set_article    (HavenArticleView  *self,
                                                     HavenArticle      *article);
/* Renders Markdown alone, without an article around it (for tests). */
void              haven_article_view_set_markdown   (HavenArticleView  *self,
                                                     const char        *markdown);
GtkTextView      *haven_article_view_get_text_view  (HavenArticleView  *self);
/* The target of the link at @iter ("article:<id>", "flow:<id>"), or NULL. */
const char       *haven_article_view_get_link_at    (HavenArticleView  *self,
                                                     const GtkTextIter *iter);
/* Follows the link at @iter: win.show-article or win.start-flow. FALSE when there is no
 * link there. */
gboolean          haven_article_view_activate_link  (HavenArticleView  *self,
                                                     const GtkTextIter *iter);
double            haven_article_view_get_zoom       (HavenArticleView  *self);
void              haven_article_view_set_zoom       (HavenArticleView  *self,
                                                     double             zoom);

G_END_DECLS
