/* storyline-cli.c: the command line, which needs no display
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "storyline-cli.h"
#include "storyline-loader.h"
#include "storyline-problem.h"

/**
 * storyline_cli_wants_argv:
 *
 * Returns: %TRUE when the arguments ask for a command-line mode
 *   (`--validate`), which runs without a display or a window
 */
gboolean
storyline_cli_wants_argv (int    argc,
                          char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_equal (argv[i], "--validate"))
        return TRUE;
    }
  return FALSE;
}

static gboolean
validate_one (const char *name,
              GString    *out)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (name);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StorylineStory) story = NULL;

  story = storyline_load_file (file, NULL, &problems, &error);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = storyline_problem_to_string (g_ptr_array_index (problems, i), name);
      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }

  if (story == NULL && !g_error_matches (error, STORYLINE_LOAD_ERROR, STORYLINE_LOAD_ERROR_INVALID))
    g_string_append_printf (out, "%s: error: %s\n", name, error->message);

  return story != NULL;
}

/**
 * storyline_cli_run:
 * @out: what goes to standard output
 * @err: what goes to standard error
 *
 * `storyline --validate FILE...`: one line per problem; 0 when every file
 * is valid (warnings allowed), 1 when any is not, 2 on a usage error.
 *
 * Returns: the exit status
 */
int
storyline_cli_run (int      argc,
                   char   **argv,
                   GString *out,
                   GString *err)
{
  gboolean validate = FALSE;
  g_auto(GStrv) files = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, &validate,
      N_("Check story files and print their problems"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  int status = 0;

  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_string_append_printf (err, "storyline: %s\n", error->message);
      return 2;
    }

  if (!validate)
    {
      g_string_append (err, _("storyline: nothing to do; try --validate FILE…\n"));
      return 2;
    }

  if (files == NULL || files[0] == NULL)
    {
      g_string_append (err, _("Usage: storyline --validate FILE…\n"));
      return 2;
    }

  for (guint i = 0; files[i] != NULL; i++)
    if (!validate_one (files[i], out))
      status = 1;

  return status;
}
