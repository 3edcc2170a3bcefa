/* storyline-cli.c: the command line, which needs no display
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include <stdio.h>
#include <json-glib/json-glib.h>

#include "storyline-cli.h"
#include "storyline-citation.h"
#include "storyline-export.h"
#include "storyline-paper.h"
#include "storyline-url.h"
#include "storyline-import.h"
#include "storyline-loader.h"
#include "storyline-problem.h"
#include "storyline-writer.h"

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
          g_str_has_prefix (argv[i], "--export=") || g_str_equal (argv[i], "--import") ||
          g_str_has_prefix (argv[i], "--import="))
        return TRUE;
    }
  return FALSE;
}

/* The bytes of the file @name names; "-" is standard input, as in other
 * Unix tools. */
static GBytes *
read_named (const char  *name,
            GError     **error)
{
  if (g_str_equal (name, "-"))
    {
      GByteArray *data = g_byte_array_new ();
      guint8 buffer[65536];
      size_t n;

      while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
        g_byte_array_append (data, buffer, n);
      if (ferror (stdin))
        {
          g_byte_array_unref (data);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("standard input could not be read"));
          return NULL;
        }
      return g_byte_array_free_to_bytes (data);
    }
  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (name);
    char *contents;
    gsize length;

    if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
      return NULL;
    return g_bytes_new_take (contents, length);
  }
}

/* The story @name names ("-": standard input). */
static StorylineStory *
load_named (const char  *name,
            GPtrArray  **problems,
            GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (!g_str_equal (name, "-"))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (name);

      return storyline_load_file (file, NULL, problems, error);
    }
  *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) storyline_problem_free);
  if ((bytes = read_named (name, error)) == NULL)
    return NULL;
  g_clear_pointer (problems, g_ptr_array_unref);
  return storyline_load_bytes (bytes, NULL, problems, error);
}

static gboolean
validate_one (const char *name,
              GString    *out)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StorylineStory) story = NULL;

  story = load_named (name, &problems, &error);

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
                            "                                          the story as Markdown, into story.md\n"
                            "  storyline --import timeline.csv -o story.json\n"
                            "                                          a TimelineJS sheet made a story\n"
                            "  storyline --import refs.bib --into story.json -o story.json\n"
                            "                                          a bibliography's sources added to a story"),
                          names);
}

static char *
format_names (void)
{
  g_autofree char *text = g_strjoinv (", ", (char **) storyline_export_formats ());

  /* The PDF is pages, not text: storyline_paper_write_pdf(). */
  return g_strconcat (text, ", pdf", NULL);
}

static int
run_export (const char             *format,
            StorylineCitationStyle  style,
            StorylineExportFlags    flags,
            const char             *story_name,
            const char             *output,
            GString                *out,
            GString                *err)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StorylineStory) story = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (!g_strv_contains (storyline_export_formats (), format) && !g_str_equal (format, "pdf"))
    {
      g_autofree char *names = format_names ();
      g_string_append_printf (err, _("storyline: unknown export format “%s”; the formats are: %s\n"), format, names);
      return 2;
    }

  story = load_named (story_name, &problems, &error);
  if (story == NULL)
    {
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        {
          g_autofree char *line = storyline_problem_to_string (g_ptr_array_index (problems, i), story_name);
          g_string_append_printf (err, "%s\n", line);
        }
      if (!g_error_matches (error, STORYLINE_LOAD_ERROR, STORYLINE_LOAD_ERROR_INVALID))
        g_string_append_printf (err, "%s: error: %s\n", story_name, error->message);
      return 1;
    }

  if (g_str_equal (format, "pdf"))
    {
      if (!storyline_paper_write_pdf (story, style, text, NULL, &error))
        {
          g_string_append_printf (err, "storyline: %s\n", error->message);
          return 1;
        }
    }
  else
    storyline_export_with_flags (story, format, style, flags, text);
  /* What fact-check markup needs that the story lacks is said. */
  if (g_str_equal (format, "claimreview"))
    {
      if (storyline_story_get_url (story) == NULL || !storyline_url_is_link (storyline_story_get_url (story)))
        g_string_append_printf (err, _("%s: warning: the story has no “url” (an http or https address where it is published), which each review needs\n"), story_name);
      if (storyline_story_get_publisher (story) == NULL)
        g_string_append_printf (err, _("%s: warning: the story has no “publisher”, so its reviews name no author\n"), story_name);
    }

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

/* --into: the imported items added to a story */

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  if (!json_object_has_member (object, name) || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, name)))
    json_object_set_array_member (object, name, json_array_new ());
  return json_object_get_array_member (object, name);
}

/* What tells a source already in the story: its DOI, its URL, or its
 * title with its date. */
static char *
source_keys (JsonObject *item,
             char      **url,
             char      **title_date)
{
  const char *doi = string_member (item, "DOI");
  JsonNode *issued = json_object_get_member (item, "issued");
  g_autofree char *date = issued ? json_to_string (issued, FALSE) : g_strdup ("");
  const char *title = string_member (item, "title");

  *url = string_member (item, "URL") ? g_ascii_strdown (string_member (item, "URL"), -1) : NULL;
  *title_date = title ? g_strdup_printf ("%s\t%s", title, date) : NULL;
  return doi ? g_ascii_strdown (doi, -1) : NULL;
}

/* A free id in @taken for @id (kept when it is free). */
static char *
free_id (GHashTable *taken,
         const char *id)
{
  char *result = g_strdup (id);

  for (guint n = 2; g_hash_table_contains (taken, result); n++)
    {
      g_free (result);
      result = g_strdup_printf ("%s-%u", id, n);
    }
  g_hash_table_add (taken, g_strdup (result));
  return result;
}

static void
remap_ref (JsonArray  *refs,
           GHashTable *map)
{
  for (guint i = 0; refs != NULL && i < json_array_get_length (refs); i++)
    {
      JsonNode *node = json_array_get_element (refs, i);
      const char *to;

      if (JSON_NODE_HOLDS_VALUE (node) && (to = g_hash_table_lookup (map, json_node_get_string (node))) != NULL)
        json_node_set_string (node, to);
      else if (JSON_NODE_HOLDS_OBJECT (node) && string_member (json_node_get_object (node), "source") &&
               (to = g_hash_table_lookup (map, string_member (json_node_get_object (node), "source"))) != NULL)
        json_object_set_string_member (json_node_get_object (node), "source", to);
    }
}

/* @into (a story file's JSON) with the phases, sources and events of
 * @imported added; what was there already is said in @report. */
static char *
merge_into (const char *into,
            const char *imported,
            GString    *report,
            GError    **error)
{
  g_autoptr(JsonNode) target = json_from_string (into, error);
  g_autoptr(JsonNode) source = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);   /* key → id */
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);     /* imported id → id */
  g_autoptr(GHashTable) events_known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *t, *i;
  static const char * const collections[] = { "phases", "sources", "events", "actors", NULL };

  if (target == NULL || (source = json_from_string (imported, error)) == NULL)
    return NULL;
  t = json_node_get_object (target);
  i = json_node_get_object (source);
  for (guint c = 0; collections[c] != NULL; c++)
    {
      JsonArray *items = array_member (t, collections[c]);

      for (guint k = 0; k < json_array_get_length (items); k++)
        {
          JsonObject *item = json_array_get_object_element (items, k);

          if (string_member (item, "id"))
            g_hash_table_add (taken, g_strdup (string_member (item, "id")));
          if (g_str_equal (collections[c], "sources"))
            {
              g_autofree char *url = NULL;
              g_autofree char *title_date = NULL;
              char *doi = source_keys (item, &url, &title_date);

              if (doi)
                g_hash_table_insert (known, g_strconcat ("doi:", doi, NULL), g_strdup (string_member (item, "id")));
              if (url)
                g_hash_table_insert (known, g_strconcat ("url:", url, NULL), g_strdup (string_member (item, "id")));
              if (title_date)
                g_hash_table_insert (known, g_strconcat ("title:", title_date, NULL), g_strdup (string_member (item, "id")));
              g_free (doi);
            }
          else if (g_str_equal (collections[c], "events") && string_member (item, "title") && string_member (item, "date"))
            g_hash_table_add (events_known, g_strdup_printf ("%s\t%s", string_member (item, "title"), string_member (item, "date")));
          else if (g_str_equal (collections[c], "phases") && string_member (item, "title"))
            g_hash_table_insert (known, g_strdup_printf ("phase:%s\t%s\t%s", string_member (item, "title"),
                                                         string_member (item, "start"), string_member (item, "end")),
                                 g_strdup (string_member (item, "id")));
        }
    }

  /* Phases and sources first: the events refer to them. */
  for (guint c = 0; c < 3; c++)
    {
      JsonArray *from = json_object_has_member (i, collections[c]) ? json_object_get_array_member (i, collections[c]) : NULL;
      JsonArray *to = array_member (t, collections[c]);

      for (guint k = 0; from != NULL && k < json_array_get_length (from); k++)
        {
          JsonObject *item = json_array_get_object_element (from, k);
          const char *id = string_member (item, "id");
          const char *title = string_member (item, "title");
          g_autofree char *new_id = NULL;

          if (g_str_equal (collections[c], "sources"))
            {
              g_autofree char *url = NULL;
              g_autofree char *title_date = NULL;
              g_autofree char *doi = source_keys (item, &url, &title_date);
              g_autofree char *k_doi = doi ? g_strconcat ("doi:", doi, NULL) : NULL;
              g_autofree char *k_url = url ? g_strconcat ("url:", url, NULL) : NULL;
              g_autofree char *k_title = title_date ? g_strconcat ("title:", title_date, NULL) : NULL;
              const char *there = (k_doi ? g_hash_table_lookup (known, k_doi) : NULL);

              if (there == NULL && k_url)
                there = g_hash_table_lookup (known, k_url);
              if (there == NULL && k_title)
                there = g_hash_table_lookup (known, k_title);
              if (there != NULL)
                {
                  /* Translators: an imported source already in the story */
                  g_string_append_printf (report, _("sources[%u] “%s” is in the story already, as “%s”: not added again\n"),
                                          k, title ? title : id, there);
                  g_hash_table_insert (map, g_strdup (id), g_strdup (there));
                  continue;
                }
            }
          if (g_str_equal (collections[c], "phases") && title)
            {
              g_autofree char *key = g_strdup_printf ("phase:%s\t%s\t%s", title, string_member (item, "start"), string_member (item, "end"));
              const char *there = g_hash_table_lookup (known, key);

              if (there != NULL)
                {
                  g_string_append_printf (report, _("phases[%u] “%s” is in the story already, as “%s”: not added again\n"),
                                          k, title, there);
                  g_hash_table_insert (map, g_strdup (id), g_strdup (there));
                  continue;
                }
            }
          if (g_str_equal (collections[c], "events") && title && string_member (item, "date"))
            {
              g_autofree char *key = g_strdup_printf ("%s\t%s", title, string_member (item, "date"));

              if (g_hash_table_contains (events_known, key))
                {
                  g_string_append_printf (report, _("events[%u] “%s” (%s) is in the story already: not added again\n"),
                                          k, title, string_member (item, "date"));
                  continue;
                }
            }
          new_id = free_id (taken, id ? id : collections[c]);
          if (id != NULL && !g_str_equal (id, new_id))
            g_hash_table_insert (map, g_strdup (id), g_strdup (new_id));
          json_object_set_string_member (item, "id", new_id);
          if (g_str_equal (collections[c], "events"))
            {
              const char *phase = string_member (item, "phase");

              if (phase && g_hash_table_lookup (map, phase))
                json_object_set_string_member (item, "phase", g_hash_table_lookup (map, phase));
              if (json_object_has_member (item, "sources"))
                remap_ref (json_object_get_array_member (item, "sources"), map);
            }
          json_array_add_object_element (to, json_object_ref (item));
        }
    }
  /* An empty collection the story had not: not written. */
  for (guint c = 0; collections[c] != NULL; c++)
    if (json_array_get_length (json_object_get_array_member (t, collections[c])) == 0 && !g_str_equal (collections[c], "events"))
      json_object_remove_member (t, collections[c]);
  return json_to_string (target, TRUE);
}

static int
run_import (const char *from,
            const char *name,
            const char *into,
            const char *output,
            GString    *out,
            GString    *err)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(StorylineStory) story = NULL;
  g_autoptr(GString) written = g_string_new (NULL);
  g_autoptr(GBytes) made = NULL;

  if (from != NULL && !g_strv_contains (storyline_import_formats (), from))
    {
      g_autofree char *names = g_strjoinv (", ", (char **) storyline_import_formats ());
      g_string_append_printf (err, _("storyline: unknown import format “%s”; the formats are: %s\n"), from, names);
      return 2;
    }
  if ((bytes = read_named (name, &error)) == NULL)
    {
      g_string_append_printf (err, "%s: error: %s\n", name, error->message);
      return 1;
    }
  text = storyline_import_to_story (from, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  if (text == NULL)
    {
      g_string_append_printf (err, "%s: error: %s\n", name, error->message);
      return 1;
    }
  if (into != NULL)
    {
      g_autoptr(StorylineStory) target = load_named (into, &problems, &error);
      g_autoptr(GString) canonical = g_string_new (NULL);
      g_autoptr(GString) report = g_string_new (NULL);
      char *merged;

      if (target == NULL)
        {
          for (guint i = 0; problems != NULL && i < problems->len; i++)
            {
              g_autofree char *line = storyline_problem_to_string (g_ptr_array_index (problems, i), into);
              g_string_append_printf (err, "%s\n", line);
            }
          if (!g_error_matches (error, STORYLINE_LOAD_ERROR, STORYLINE_LOAD_ERROR_INVALID))
            g_string_append_printf (err, "%s: error: %s\n", into, error->message);
          return 1;
        }
      g_clear_pointer (&problems, g_ptr_array_unref);
      storyline_story_write (target, canonical);
      merged = merge_into (canonical->str, text, report, &error);
      if (merged == NULL)
        {
          g_string_append_printf (err, "%s: error: %s\n", name, error->message);
          return 1;
        }
      g_string_append (err, report->str);
      g_free (text);
      text = merged;
    }

  made = g_bytes_new (text, strlen (text));
  story = storyline_load_bytes (made, NULL, &problems, &error);
  if (story == NULL)
    {
      /* What the importer made breaks a rule: said as the loader says it. */
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        {
          g_autofree char *line = storyline_problem_to_string (g_ptr_array_index (problems, i), name);
          g_string_append_printf (err, "%s\n", line);
        }
      if (!g_error_matches (error, STORYLINE_LOAD_ERROR, STORYLINE_LOAD_ERROR_INVALID))
        g_string_append_printf (err, "%s: error: %s\n", name, error->message);
      return 1;
    }
  storyline_story_write (story, written);
  if (output == NULL || g_str_equal (output, "-"))
    {
      g_string_append_len (out, written->str, written->len);
      return 0;
    }
  /* Written whole or not at all: a temporary file renamed over it. */
  if (!g_file_set_contents (output, written->str, written->len, &error))
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
  g_autofree char *import_file = NULL;
  g_autofree char *from = NULL;
  g_autofree char *into = NULL;
  g_autofree char *output = NULL;
  g_autofree char *style_name = NULL;
  gboolean all = FALSE;
  StorylineCitationStyle style = STORYLINE_CITATION_APA;
  g_auto(GStrv) files = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, &validate,
      N_("Check story files and print their problems"), NULL },
    { "export", 0, 0, G_OPTION_ARG_STRING, &export_format,
      N_("Write the story in another format"), N_("FORMAT") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &import_file,
      N_("Make a story of a TimelineJS timeline or a bibliography: CSL-JSON, BibTeX, RIS (- for standard input)"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("The format of the file imported, when it is not to be found from its content"), N_("FORMAT") },
    { "into", 0, 0, G_OPTION_ARG_FILENAME, &into,
      N_("Add what is imported to STORY instead of making a new story"), N_("STORY") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the export to FILE instead of standard output"), N_("FILE") },
    { "style", 0, 0, G_OPTION_ARG_STRING, &style_name,
      N_("Cite in STYLE where the export cites: apa (the default), chicago or mla"), N_("STYLE") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all,
      N_("With --export claimreview: a review of every rendition, not only of those altered"), NULL },
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

  if (import_file != NULL)
    {
      if (validate || export_format != NULL || (files != NULL && files[0] != NULL))
        {
          g_autofree char *names = g_strjoinv (", ", (char **) storyline_import_formats ());
          g_string_append_printf (err, _("Usage: storyline --import FILE [--from FORMAT] [--into STORY] [--output FILE]\nFormats: %s\n"), names);
          return 2;
        }
      return run_import (from, import_file, into, output, out, err);
    }
  if (from != NULL || into != NULL)
    {
      g_string_append (err, _("storyline: --from and --into go with --import FILE\n"));
      return 2;
    }

  if (style_name != NULL && (export_format == NULL || !storyline_citation_style_from_string (style_name, &style) ||
                             style == STORYLINE_CITATION_CHICAGO_NOTE))
    {
      if (export_format == NULL)
        g_string_append (err, _("storyline: --style goes with --export FORMAT\n"));
      else
        g_string_append_printf (err, _("storyline: unknown style “%s”; the styles are: apa, chicago, mla\n"), style_name);
      return 2;
    }
  if (all && g_strcmp0 (export_format, "claimreview") != 0)
    {
      g_string_append (err, _("storyline: --all goes with --export claimreview\n"));
      return 2;
    }

  if (export_format != NULL)
    {
      if (validate || files == NULL || files[0] == NULL || files[1] != NULL)
        {
          g_autofree char *names = format_names ();
          g_string_append_printf (err, _("Usage: storyline --export FORMAT [--style apa|chicago|mla] [--output FILE] STORY\nFormats: %s\n"), names);
          return 2;
        }
      return run_export (export_format, style, all ? STORYLINE_EXPORT_ALL_RENDITIONS : 0,
                         files[0], output, out, err);
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
