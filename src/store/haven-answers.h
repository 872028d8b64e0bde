/* haven-answers.h: the answer keys that mean the same thing in every guided flow
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A guided entry keeps its answers by step id. Most answers are the person's own words;
 * these few are structured, and lists, charts and exports read them across flows.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "as": reaction ids (haven_reaction_to_string), usually one. */
#define HAVEN_ANSWER_REACTION        "reaction"
/* "x": 0–10, how intense it was at its strongest (or, calming down, before). */
#define HAVEN_ANSWER_INTENSITY       "intensity"
/* "x": 0–10, how intense it was afterwards. */
#define HAVEN_ANSWER_INTENSITY_AFTER "intensity-after"
/* "as": regulation strategy ids (HAVEN_VOCABULARY_REGULATION) that helped. */
#define HAVEN_ANSWER_REGULATION      "what-helped"
/* "as": demon dialogue ids (HAVEN_VOCABULARY_PATTERNS). */
#define HAVEN_ANSWER_PATTERN         "pattern"
/* "as": emotion ids (HAVEN_VOCABULARY_EMOTIONS). */
#define HAVEN_ANSWER_EMOTIONS        "feelings"
/* "as": body signal ids (HAVEN_VOCABULARY_BODY_SIGNALS). */
#define HAVEN_ANSWER_BODY_SIGNALS    "body"
/* "as": unsafety sign ids (HAVEN_VOCABULARY_UNSAFETY_SIGNS). */
#define HAVEN_ANSWER_UNSAFETY        "unsafety"

G_END_DECLS
