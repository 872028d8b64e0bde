/* haven-test-util.h: helpers the test programs share
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A fresh private directory for one test, removed by the caller with haven_test_rmtree. */
char     *haven_test_make_tmpdir (void);
void      haven_test_rmtree      (const char *path);
/* SHA-256 of a file's bytes, to prove that a refused file was left alone. */
char     *haven_test_file_digest (const char *path);
guint     haven_test_file_mode   (const char *path);
gboolean  haven_test_is_root     (void);

/* The first column of the first row of SQL, an integer; fails the test on any error. */
gint64    haven_test_query_int   (sqlite3    *db,
                                  const char *sql);

/* Asserts that the sums the schema keeps (listed_count, day_*) and each record's day agree
 * with the records of DIR/journal.db. */
void      haven_test_assert_day_sums (const char *dir);

G_END_DECLS
