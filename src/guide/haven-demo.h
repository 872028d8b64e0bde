/* haven-demo.h: realistic sample weeks for --demo
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "haven-store.h"

G_BEGIN_DECLS

/* Fills @store with @weeks weeks of entries and check-ins ending at @now, in the interface
 * language. The same @seed gives the same journal. One transaction: all or nothing. */
gboolean haven_demo_fill (HavenStore  *store,
                          HavenTime    now,
                          guint        weeks,
                          guint32      seed,
                          GError     **error);

G_END_DECLS
