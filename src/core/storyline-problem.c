/* storyline-problem.c: what is wrong with a story file, and where
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-problem.h"

G_DEFINE_BOXED_TYPE (StorylineProblem, storyline_problem, storyline_problem_copy, storyline_problem_free)

/* A key, an id or a value quoted in a message can be megabytes long:
 * each part of a problem is kept to a readable length. */
#define MAX_PART_CHARS 300

static char *
cap (const char *text)
{
  glong n;

  if (text == NULL)
    return NULL;
  n = g_utf8_strlen (text, -1);
  if (n <= MAX_PART_CHARS)
    return g_strdup (text);
  {
    g_autofree char *head = g_utf8_substring (text, 0, MAX_PART_CHARS);
    return g_strconcat (head, "…", NULL);
  }
}

/**
 * storyline_problem_new:
 *
 * Returns: (transfer full): a new problem; the strings are copied, each
 *   cut to 300 characters
 */
StorylineProblem *
storyline_problem_new (StorylineSeverity  severity,
                       const char        *path,
                       const char        *id,
                       const char        *message)
{
  StorylineProblem *problem = g_new0 (StorylineProblem, 1);

  problem->severity = severity;
  problem->path = cap (path && *path ? path : NULL);
  problem->id = cap (id);
  problem->message = cap (message);

  return problem;
}

StorylineProblem *
storyline_problem_copy (const StorylineProblem *problem)
{
  StorylineProblem *copy = storyline_problem_new (problem->severity, problem->path,
                                                  problem->id, problem->message);

  copy->line = problem->line;
  copy->column = problem->column;
  return copy;
}

void
storyline_problem_free (StorylineProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->path);
  g_free (problem->id);
  g_free (problem->message);
  g_free (problem);
}

const char *
storyline_severity_to_string (StorylineSeverity severity)
{
  return severity == STORYLINE_SEVERITY_ERROR ? "error" : "warning";
}

/**
 * storyline_problem_get_object:
 * @number: (out): the object's number, counted from 1
 *
 * Returns: (nullable): what kind of object of the story the problem is in
 *   ("event", "source"…), from a path such as `events[4].date`: event 5;
 *   %NULL when the path is not in one of the story's arrays
 */
const char *
storyline_problem_get_object (const StorylineProblem *problem,
                              guint                  *number)
{
  static const struct { const char *array, *noun; } arrays[] = {
    { "phases[", "phase" }, { "actors[", "actor" }, { "events[", "event" },
    { "quotes[", "quote" }, { "sources[", "source" },
  };

  *number = 0;
  if (problem->path == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    if (g_str_has_prefix (problem->path, arrays[i].array))
      {
        char *end;
        guint64 index = g_ascii_strtoull (problem->path + strlen (arrays[i].array), &end, 10);

        if (*end != ']' || end == problem->path + strlen (arrays[i].array) || index >= G_MAXUINT)
          return NULL;
        *number = (guint) index + 1;
        return arrays[i].noun;
      }
  return NULL;
}

/**
 * storyline_problem_to_string:
 * @file_name: the name to put first
 *
 * Formats the problem as a compiler would: `FILE:LINE:COLUMN: error: message`
 * when the position is known, `FILE: PATH (id "ID"): error: message` otherwise.
 * The keywords stay in English so that scripts and editors can read them.
 *
 * Returns: (transfer full): one line, without a newline
 */
char *
storyline_problem_to_string (const StorylineProblem *problem,
                             const char             *file_name)
{
  GString *s = g_string_new (file_name);

  if (problem->line > 0)
    g_string_append_printf (s, ":%u:%u", problem->line, problem->column);
  g_string_append_c (s, ':');
  if (problem->path != NULL)
    {
      const char *noun;
      guint number = 0;

      g_string_append_c (s, ' ');
      g_string_append (s, problem->path);
      /* Paths count from zero, as JSON tools do; the object is also
       * numbered as a reader counts: events[0] is event 1. */
      noun = storyline_problem_get_object (problem, &number);
      if (noun != NULL && problem->id != NULL)
        g_string_append_printf (s, " (%s %u, id \"%s\")", noun, number, problem->id);
      else if (noun != NULL)
        g_string_append_printf (s, " (%s %u)", noun, number);
      else if (problem->id != NULL)
        g_string_append_printf (s, " (id \"%s\")", problem->id);
      g_string_append_c (s, ':');
    }
  g_string_append_printf (s, " %s: %s",
                          storyline_severity_to_string (problem->severity),
                          problem->message);

  return g_string_free (s, FALSE);
}

/**
 * storyline_problems_new:
 *
 * Returns: (transfer full) (element-type StorylineProblem): an empty list
 */
GPtrArray *
storyline_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) storyline_problem_free);
}

guint
storyline_problems_count (GPtrArray         *problems,
                          StorylineSeverity  severity)
{
  guint n = 0;

  if (problems == NULL)
    return 0;
  for (guint i = 0; i < problems->len; i++)
    {
      StorylineProblem *problem = g_ptr_array_index (problems, i);
      if (problem->severity == severity)
        n++;
    }
  return n;
}
