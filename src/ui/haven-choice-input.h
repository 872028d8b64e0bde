/* haven-choice-input.h: one or several words from a vocabulary
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "haven-vocabulary.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_CHOICE_INPUT (haven_choice_input_get_type ())

G_DECLARE_FINAL_TYPE (HavenChoiceInput, haven_choice_input, HAVEN, CHOICE_INPUT, AdwBin)

HavenChoiceInput   *haven_choice_input_new          (HavenVocabulary     vocabulary,
                                                     gboolean            multiple);
/* The chosen ids, in the vocabulary's order; never NULL. */
const char * const *haven_choice_input_get_selected (HavenChoiceInput   *self);
void                haven_choice_input_set_selected (HavenChoiceInput   *self,
                                                     const char * const *ids);

G_END_DECLS
