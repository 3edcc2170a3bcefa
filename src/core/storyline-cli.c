/* storyline-cli.c: the command line, which needs no display
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "storyline-cli.h"
#include "storyline-export.h"
#include "storyline-loader.h"
#include "storyline-problem.h"

/**
 * storyline_cli_wants_argv:
 *
 * Returns: %TRUE when the arguments ask for a command-line mode
 *   (`--validate`, `--export`), which run without a display or a window
 */
gboolean
storyline_cli_wants_argv (int    argc,
                          char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_equal (argv[i], "--validate") || g_str_equal (argv[i], "--export") ||
          g_str_has_prefix (argv[i], "--export="))
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

  /* Said when all is well too: silence reads as "did it run?". */
  if (story != NULL)
    {
      guint n_events = storyline_story_get_events (story)->len;
      guint n_sources = storyline_story_get_sources (story)->len;
      g_autofree char *events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n_events), n_events);
      g_autofree char *sources = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", n_sources), n_sources);

      if (problems->len == 0)
        /* Translators: FILE: valid: 22 events, 40 sources */
        g_string_append_printf (out, _("%s: valid: %s, %s\n"), name, events, sources);
      else
        {
          g_autofree char *warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning above", "%u warnings above", problems->len),
                                                       problems->len);
          /* Translators: FILE: valid (2 warnings above): 22 events, 40 sources */
          g_string_append_printf (out, _("%s: valid (%s): %s, %s\n"), name, warnings, events, sources);
        }
    }

  return story != NULL;
}

/**
 * storyline_cli_help:
 *
 * Returns: (transfer full): what `--help` says beneath the options: the
 *   export formats and examples
 */
char *
storyline_cli_help (void)
{
  g_autofree char *names = g_strjoinv (", ", (char **) storyline_export_formats ());

  return g_strdup_printf (_("Export formats: %s\n"
                            "\n"
                            "Examples:\n"
                            "  storyline story.json                    open a story in the window\n"
                            "  storyline --validate story.json         check a story: one line a problem\n"
                            "  storyline --export bibtex story.json    its sources as BibTeX, on standard output\n"
                            "  storyline --export markdown -o story.md story.json\n"
                            "                                          the story as Markdown, into story.md"),
                          names);
}

static char *
format_names (void)
{
  return g_strjoinv (", ", (char **) storyline_export_formats ());
}

static int
run_export (const char *format,
            const char *story_name,
            const char *output,
            GString    *out,
            GString    *err)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (story_name);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StorylineStory) story = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (!g_strv_contains (storyline_export_formats (), format))
    {
      g_autofree char *names = format_names ();
      g_string_append_printf (err, _("storyline: unknown export format “%s”; the formats are: %s\n"), format, names);
      return 2;
    }

  story = storyline_load_file (file, NULL, &problems, &error);
  if (story == NULL)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *line = storyline_problem_to_string (g_ptr_array_index (problems, i), story_name);
          g_string_append_printf (err, "%s\n", line);
        }
      if (!g_error_matches (error, STORYLINE_LOAD_ERROR, STORYLINE_LOAD_ERROR_INVALID))
        g_string_append_printf (err, "%s: error: %s\n", story_name, error->message);
      return 1;
    }

  storyline_export (story, format, text);

  if (output == NULL)
    {
      g_string_append_len (out, text->str, text->len);
      return 0;
    }
  if (!g_file_set_contents (output, text->str, text->len, &error))
    {
      g_string_append_printf (err, "storyline: %s\n", error->message);
      return 1;
    }
  return 0;
}

/**
 * storyline_cli_run:
 * @out: what goes to standard output
 * @err: what goes to standard error
 *
 * `storyline --validate FILE...`: one line per problem; 0 when every file
 * is valid (warnings allowed), 1 when any is not, 2 on a usage error.
 * `storyline --export FORMAT [--output FILE] STORY`: the story in another
 * format; 1 when the story does not load, 2 on a usage error.
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
  g_autofree char *export_format = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, &validate,
      N_("Check story files and print their problems"), NULL },
    { "export", 0, 0, G_OPTION_ARG_STRING, &export_format,
      N_("Write the story in another format"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the export to FILE instead of standard output"), N_("FILE") },
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

  if (export_format != NULL)
    {
      if (validate || files == NULL || files[0] == NULL || files[1] != NULL)
        {
          g_autofree char *names = format_names ();
          g_string_append_printf (err, _("Usage: storyline --export FORMAT [--output FILE] STORY\nFormats: %s\n"), names);
          return 2;
        }
      return run_export (export_format, files[0], output, out, err);
    }

  if (!validate)
    {
      g_string_append (err, _("storyline: nothing to do; try --validate FILE… or --export FORMAT STORY\n"));
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
