/* haven-bench-generate.h: realistic journals of any size, for the benchmark
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "haven-store.h"

G_BEGIN_DECLS

/* Bumped whenever the generator changes what it writes, so cached journals are remade. */
#define HAVEN_BENCH_GENERATOR_VERSION 1

/* Words the benchmark searches for: one in about a third of the Dutch writing, one in a
 * few entries only, and a phrase. */
#define HAVEN_BENCH_COMMON_WORD "ruzie"
#define HAVEN_BENCH_RARE_WORD   "zeilboot"
#define HAVEN_BENCH_PHRASE      "\"niet gezien\""

/* Writes @n_entries entries and @n_checkins check-ins spread over the ten years before
 * @now, in one transaction, through the store's API. */
gboolean haven_bench_generate (HavenStore  *store,
                               guint        n_entries,
                               guint        n_checkins,
                               HavenTime    now,
                               guint32      seed,
                               GError     **error);

G_END_DECLS
