/* main.c
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdlib.h>
#include <stdio.h>

#include "storyline-application.h"
#include "storyline-cli.h"
#include "storyline-resources.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(StorylineApplication) app = NULL;

  /* GLib 2.74's slice allocator keeps every JSON node a loaded story ever
   * had: hundreds of megabytes after a large story. Plain malloc gives
   * them back, as GLib does by itself from 2.76. Before any GLib call. */
  setenv ("G_SLICE", "always-malloc", 0);

  storyline_register_resource ();

  setlocale (LC_ALL, "");
  /* STORYLINE_LOCALEDIR: translations of an uninstalled build (_build/po). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("STORYLINE_LOCALEDIR") ? g_getenv ("STORYLINE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* No textdomain(): every lookup names the domain (gi18n-lib.h, and
   * domain= in the .ui files). Setting it would hide GTK's own translation
   * of "default:LTR", which turns the layout right to left. */

  /* The command-line modes need no display: they run before GTK starts. */
  if (storyline_cli_wants_argv (argc, argv))
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) err = g_string_new (NULL);
      int status = storyline_cli_run (argc, argv, out, err);

      fwrite (out->str, 1, out->len, stdout);
      fwrite (err->str, 1, err->len, stderr);
      return status;
    }

  app = storyline_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
