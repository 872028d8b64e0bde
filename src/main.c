/* main.c
 *
 * Copyright 2026 The Haven authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "haven-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HavenApplication) app = NULL;
  gint64 started = g_get_monotonic_time ();

  haven_i18n_init ();

  app = haven_application_new ();
  haven_application_set_started (app, started);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
