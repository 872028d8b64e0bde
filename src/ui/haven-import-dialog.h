/* haven-import-dialog.h: what an import will do, asked before anything is written
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "haven-import.h"

G_BEGIN_DECLS

#define HAVEN_TYPE_IMPORT_DIALOG (haven_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HavenImportDialog, haven_import_dialog, HAVEN, IMPORT_DIALOG, AdwMessageDialog)

/* Shows @preview; for a Daylio file, lets the person place its moods on Haven's scale and
 * choose what its activities become, and counts again (against @store) when they change.
 * The choices go straight into @import. Responses: "cancel" and "import". */
HavenImportDialog *haven_import_dialog_new        (GtkWindow               *parent,
                                                   HavenImport             *import,
                                                   HavenStore              *store,
                                                   const HavenImportCounts *preview);
HavenImport       *haven_import_dialog_get_import (HavenImportDialog       *self);

G_END_DECLS
