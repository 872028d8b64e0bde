/* haven-summary-dialog.h: choose what a printable summary holds, and save it as a PDF
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "haven-summary.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_SUMMARY_DIALOG (haven_summary_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HavenSummaryDialog, haven_summary_dialog, HAVEN, SUMMARY_DIALOG, AdwWindow)

/* Modal on @parent. The charts are ticked, no entry is. */
HavenSummaryDialog *haven_summary_dialog_new         (GtkWindow          *parent,
                                                      HavenStore         *store);
/* The moment the period counts back from (for tests); 0 is the clock. */
void                haven_summary_dialog_set_now     (HavenSummaryDialog *self,
                                                      HavenTime           now);
/* What the summary holds now: the period, the parts and the ticked entries of the period
 * (@options->entry_ids points into the dialog: valid until it changes). */
void                haven_summary_dialog_get_options (HavenSummaryDialog  *self,
                                                      HavenSummaryOptions *options);
/* What the file chooser's answer does: writes the summary to @path. On success the dialog
 * emits HavenSummaryDialog::saved and closes; otherwise it says what went wrong and stays. */
gboolean            haven_summary_dialog_save_to     (HavenSummaryDialog *self,
                                                      const char         *path);

G_END_DECLS
