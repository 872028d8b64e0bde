/* haven-safety-notice.h: what unsafety means, and where help is
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HAVEN_TYPE_SAFETY_NOTICE (haven_safety_notice_get_type ())

G_DECLARE_FINAL_TYPE (HavenSafetyNotice, haven_safety_notice, HAVEN, SAFETY_NOTICE, AdwBin)

HavenSafetyNotice *haven_safety_notice_new (void);

G_END_DECLS
