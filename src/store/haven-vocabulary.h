/* haven-vocabulary.h: the fixed words of Haven (reactions, emotions, moods, …) by id
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal stores language-neutral ids; this is where they get their words, in the
 * language of the user interface. The guide, the lists, the charts and the exports all read
 * from here, so a reaction is called the same everywhere.
 */
#pragma once

#include <glib.h>

#include "haven-store-types.h"

G_BEGIN_DECLS

typedef enum
{
  HAVEN_VOCABULARY_ENTRY_KINDS,
  HAVEN_VOCABULARY_MOODS,        /* ids "1" … "5" */
  HAVEN_VOCABULARY_REACTIONS,
  HAVEN_VOCABULARY_EMOTIONS,
  HAVEN_VOCABULARY_BODY_SIGNALS,
  HAVEN_VOCABULARY_REGULATION,
  HAVEN_VOCABULARY_PATTERNS,
  HAVEN_VOCABULARY_SOFTER_FEELINGS,
  HAVEN_VOCABULARY_NEEDS,
  HAVEN_VOCABULARY_UNSAFETY_SIGNS,
  HAVEN_VOCABULARY_BOUNDARY_OR_WOUND,
  HAVEN_VOCABULARY_YES_NO,
  HAVEN_VOCABULARY_PAIN_POINT_SUGGESTIONS,
  HAVEN_VOCABULARY_EMOTION_GROUPS,
  HAVEN_N_VOCABULARIES
} HavenVocabulary;

typedef struct
{
  const char *id;
  const char *label;    /* untranslated: pass through haven_vocabulary_label () */
  const char *hint;     /* untranslated, may be NULL */
  const char *icon;     /* a symbolic icon name, may be NULL */
  const char *group;    /* for emotions: the id of their group; may be NULL */
} HavenWord;

const HavenWord *haven_vocabulary_get    (HavenVocabulary  vocabulary,
                                          guint           *n_words);
const HavenWord *haven_vocabulary_find   (HavenVocabulary  vocabulary,
                                          const char      *id);
/* The word for @id in the interface language, or @id itself when it is unknown (an id
 * written by a newer Haven, say). */
const char      *haven_vocabulary_label  (HavenVocabulary  vocabulary,
                                          const char      *id);
const char      *haven_vocabulary_hint   (HavenVocabulary  vocabulary,
                                          const char      *id);

const char      *haven_mood_label        (int              mood);
const char      *haven_mood_icon_name    (int              mood);
const char      *haven_reaction_label    (HavenReaction    reaction);
const char      *haven_entry_kind_label  (HavenEntryKind   kind);
const char      *haven_entry_kind_icon_name (HavenEntryKind kind);

G_END_DECLS
