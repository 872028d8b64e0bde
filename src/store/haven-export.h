/* haven-export.h: the journal written out as JSON, Markdown or CSV
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "haven-store.h"

G_BEGIN_DECLS

/* The document an export writes and an import reads: data/haven-journal.schema.json. */
#define HAVEN_EXPORT_FORMAT_NAME "haven-journal"
#define HAVEN_EXPORT_VERSION     1

typedef enum
{
  HAVEN_EXPORT_JSON,      /* everything, to import again: entries (drafts too), check-ins, … */
  HAVEN_EXPORT_MARKDOWN,  /* one document to read, in the language of the interface */
  HAVEN_EXPORT_CSV,       /* the check-ins, one a row, for spreadsheets */
} HavenExportFormat;

/* The words a guided flow shows for one of its steps, or NULL when it has none. Called from
 * the thread that exports, so it must not touch widgets. */
typedef const char *(*HavenExportStepLabelFunc) (const char *flow_id,
                                                  const char *step_id,
                                                  gpointer    user_data);

typedef struct
{
  HavenTime                 exported_at;   /* 0: now */
  HavenExportStepLabelFunc  step_label;    /* may be NULL */
  gpointer                  step_label_data;
} HavenExportOptions;

typedef struct
{
  guint n_entries;
  guint n_checkins;
  guint n_pain_points;
  guint n_tags;
} HavenExportSummary;

gboolean          haven_export_format_from_string (const char          *str,
                                                   HavenExportFormat   *format);
const char       *haven_export_format_to_string   (HavenExportFormat    format);
/* By the file's extension: .md or .markdown, .csv, and JSON for anything else. */
HavenExportFormat haven_export_format_for_path    (const char          *path);
const char       *haven_export_format_extension   (HavenExportFormat    format);

/* What was written, as a sentence for people: "Entries: 3. Check-ins: 12." */
char             *haven_export_summary_describe   (HavenExportFormat          format,
                                                   const HavenExportSummary  *summary);

/* Writes the journal to @path: to a private (0600) file beside it first, which replaces
 * @path only once it is complete, so a failed export leaves whatever was there. Trash is
 * never exported; drafts only to JSON, the format that brings them back. */
gboolean          haven_export_to_file            (HavenStore                *store,
                                                   HavenExportFormat          format,
                                                   const char                *path,
                                                   const HavenExportOptions  *options,
                                                   HavenExportSummary        *summary,
                                                   GCancellable              *cancellable,
                                                   GError                   **error);

/* The same in a thread, on a read-only connection of its own to @journal_path. */
void              haven_export_to_file_async      (const char                *journal_path,
                                                   HavenStoreOpenFlags        open_flags,
                                                   HavenExportFormat          format,
                                                   const char                *path,
                                                   const HavenExportOptions  *options,
                                                   GCancellable              *cancellable,
                                                   GAsyncReadyCallback        callback,
                                                   gpointer                   user_data);
gboolean          haven_export_to_file_finish     (GAsyncResult              *result,
                                                   HavenExportSummary        *summary,
                                                   GError                   **error);

G_END_DECLS
