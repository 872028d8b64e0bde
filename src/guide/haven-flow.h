/* haven-flow.h: the guided flows, as data
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A flow is a fixed sequence of short steps: a question, a one-line hint, and an input.
 * The texts are untranslated here (N_()); read them through the accessors, which translate.
 */
#pragma once

#include <glib.h>

#include "haven-store-types.h"
#include "haven-vocabulary.h"

G_BEGIN_DECLS

typedef enum
{
  HAVEN_STEP_LONG_TEXT,
  HAVEN_STEP_SHORT_TEXT,
  HAVEN_STEP_SCALE,          /* 0–10 */
  HAVEN_STEP_SINGLE_CHOICE,  /* from a vocabulary */
  HAVEN_STEP_MULTI_CHOICE,   /* from a vocabulary */
  HAVEN_STEP_PAIN_POINTS,    /* the entry's raw spots */
  HAVEN_STEP_YES_NO,         /* yes, no, not sure */
  HAVEN_STEP_BREATHING,      /* a paced breathing guide; the answer is the seconds breathed */
  HAVEN_STEP_WEEK_OVERVIEW,  /* what the journal holds for the last seven days; no answer */
} HavenStepKind;

typedef enum
{
  HAVEN_STEP_FLAG_NONE            = 0,
  /* Marked choices mean the person may not be safe: the page shows where help is. */
  HAVEN_STEP_FLAG_SAFETY          = 1 << 0,
  /* The placeholder is a sentence frame the person completes, so it starts in the field. */
  HAVEN_STEP_FLAG_PREFILL         = 1 << 1,
} HavenStepFlags;

typedef struct
{
  const char      *id;
  HavenStepKind    kind;
  const char      *question;
  const char      *hint;
  /* For text: what the empty field suggests. For scales: the words at 0 and at 10, split
   * by "|". */
  const char      *placeholder;
  HavenVocabulary  vocabulary;
  /* The article behind "Read more", or NULL. */
  const char      *article_id;
  /* How the answer reads in the summary: a format with one %s. */
  const char      *summary_format;
  HavenStepFlags   flags;
} HavenStep;

typedef struct
{
  const char      *id;
  HavenEntryKind   kind;
  const char      *title;
  const char      *description;
  const char      *icon_name;
  const HavenStep *steps;
  guint            n_steps;
} HavenFlow;

/* The flow ids the rest of Haven refers to. */
#define HAVEN_FLOW_AFTER_CONFLICT    "after-conflict"
#define HAVEN_FLOW_BOUNDARY_OR_WOUND "boundary-or-wound"
#define HAVEN_FLOW_CALM_DOWN         "calm-down"
#define HAVEN_FLOW_ROCKY_MOMENT      "rocky-moment"
#define HAVEN_FLOW_WEEKLY_REVIEW     "weekly-review"
#define HAVEN_FLOW_FREE              "free"

const HavenFlow  *haven_flow_lookup            (const char      *id);
/* Every flow, in the order the menu shows them. */
const HavenFlow **haven_flow_get_all           (guint           *n_flows);
const HavenStep  *haven_flow_find_step         (const HavenFlow *flow,
                                                const char      *step_id);
int               haven_flow_step_index        (const HavenFlow *flow,
                                                const char      *step_id);

const char       *haven_flow_get_title         (const HavenFlow *flow);
const char       *haven_flow_get_description   (const HavenFlow *flow);

const char       *haven_step_get_question      (const HavenStep *step);
const char       *haven_step_get_hint          (const HavenStep *step);
const char       *haven_step_get_placeholder   (const HavenStep *step);
/* For scales: the words at either end. */
char             *haven_step_dup_scale_label   (const HavenStep *step,
                                                gboolean         high);

/* Help lines for when someone may not be safe, in one place so they are checked once. */
typedef struct
{
  const char *name;     /* untranslated */
  const char *number;
  const char *what;     /* untranslated */
  const char *country;  /* "NL", "BE" or NULL for everywhere in Europe */
} HavenHelpLine;

const HavenHelpLine *haven_help_lines          (guint           *n_lines);

G_END_DECLS
