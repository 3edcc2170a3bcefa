/* storyline-load-anyway.c: a story opened without the items that break the
 * format, so that it can be read, and mended
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One bad date among 10,000 events keeps a story from opening. Opened
 * anyway, the story is read without each phase, actor, event, quote or
 * source that has an error of its own; an item that then points at one
 * left out is left out in turn. Each item left out becomes a warning at
 * its place in the file (`events[41] (event 42, id "e42"): warning: left
 * out: …`), and the other warnings keep their places in the file too.
 * What is wrong outside the five lists (the format, the story's title, the
 * JSON itself) cannot be left out: the story still does not open.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "storyline-left-out.h"
#include "storyline-loader.h"
#include "storyline-problem.h"
#include "storyline-reader.h"

static const char * const collections[] = { "phases", "actors", "events", "quotes", "sources" };

#define MAX_ROUNDS 64

/* Which list @path is in ("events[4].date": 2) and where (4), or -1. */
static int
item_of (const char *path,
         guint      *index)
{
  if (path == NULL)
    return -1;
  for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
    {
      gsize n = strlen (collections[c]);

      if (strncmp (path, collections[c], n) == 0 && path[n] == '[' && g_ascii_isdigit (path[n + 1]))
        {
          char *end;
          guint64 i = g_ascii_strtoull (path + n + 1, &end, 10);

          if (*end != ']' || i >= G_MAXUINT)
            return -1;
          *index = (guint) i;
          return (int) c;
        }
    }
  return -1;
}

/* @path with its list index as it was in the file. */
static char *
path_in_file (const char *path,
              GArray    **maps)
{
  guint index;
  int c = item_of (path, &index);
  const char *rest;

  if (c < 0 || maps[c] == NULL || index >= maps[c]->len)
    return g_strdup (path);
  rest = strchr (path, ']') + 1;
  return g_strdup_printf ("%s[%u]%s", collections[c], g_array_index (maps[c], guint, index), rest);
}

static int
compare_desc (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/**
 * storyline_load_bytes_anyway:
 * @problems: (out) (transfer full) (element-type StorylineProblem): the
 *   items left out, each as a warning, and the other warnings; or, when
 *   it still does not open, what stops it
 *
 * Like storyline_load_bytes(), but a story whose only errors are in items
 * of its five lists opens without those items.
 *
 * Returns: (transfer full) (nullable): the story, or %NULL
 */
StorylineStory *
storyline_load_bytes_anyway (GBytes        *bytes,
                             GCancellable  *cancellable,
                             GPtrArray    **problems,
                             GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) left_out = storyline_problems_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) storyline_left_out_free);
  GArray *maps[G_N_ELEMENTS (collections)] = { NULL };
  StorylineStory *story = NULL;
  JsonObject *top;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_return_val_if_fail (bytes != NULL, NULL);

  /* What the ordinary load refuses before any item is read (not JSON,
   * too deep, too large) it says in its own words. */
  if (!json_parser_load_from_data (parser, data ? data : "", len, NULL) ||
      json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return storyline_load_bytes (bytes, cancellable, problems, error);

  top = json_node_get_object (json_parser_get_root (parser));
  for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
    {
      JsonNode *node = json_object_get_member (top, collections[c]);

      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        {
          guint n = json_array_get_length (json_node_get_array (node));

          maps[c] = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
          for (guint i = 0; i < n; i++)
            g_array_append_val (maps[c], i);
        }
    }

  for (guint round = 0; round < MAX_ROUNDS && story == NULL; round++)
    {
      g_autoptr(GPtrArray) found = storyline_problems_new ();
      GArray *broken[G_N_ELEMENTS (collections)] = { NULL };
      gboolean fixable = TRUE;

      story = storyline_reader_read (json_parser_get_root (parser), found, NULL, cancellable);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_clear_object (&story);
          break;
        }
      if (story != NULL)
        {
          /* The warnings that remain, at their places in the file. */
          for (guint i = 0; i < found->len; i++)
            {
              StorylineProblem *p = found->pdata[i];
              g_autofree char *path = path_in_file (p->path, maps);

              g_ptr_array_add (left_out, storyline_problem_new (p->severity, path, p->id, p->message));
            }
          break;
        }

      /* The items with errors of their own: left out, each said once. */
      for (guint i = 0; i < found->len && fixable; i++)
        {
          StorylineProblem *p = found->pdata[i];
          guint index;
          int c;

          if (p->severity != STORYLINE_SEVERITY_ERROR)
            continue;
          c = item_of (p->path, &index);
          if (c < 0 || maps[c] == NULL || index >= maps[c]->len)
            {
              fixable = FALSE;
              break;
            }
          if (broken[c] == NULL)
            broken[c] = g_array_new (FALSE, FALSE, sizeof (guint));
          {
            gboolean seen = FALSE;

            for (guint k = 0; k < broken[c]->len && !seen; k++)
              seen = g_array_index (broken[c], guint, k) == index;
            if (!seen)
              {
                g_autofree char *path = g_strdup_printf ("%s[%u]", collections[c], g_array_index (maps[c], guint, index));
                g_autofree char *where = path_in_file (p->path, maps);
                /* Translators: %s is where in the item, then what is wrong there */
                g_autofree char *message = g_strdup_printf (_("left out: %s: %s"), where, p->message);

                g_array_append_val (broken[c], index);
                g_ptr_array_add (left_out, storyline_problem_new (STORYLINE_SEVERITY_WARNING, path, p->id, message));
                /* Kept with the story, as it was in the file. */
                {
                  JsonArray *array = json_object_get_array_member (top, collections[c]);
                  g_autofree char *text = json_to_string (json_array_get_element (array, index), TRUE);
                  g_autofree char *problem = g_strdup_printf ("%s: %s", where, p->message);

                  g_ptr_array_add (items, storyline_left_out_new (collections[c], g_array_index (maps[c], guint, index),
                                                                  text, problem));
                }
              }
          }
        }

      if (!fixable)
        {
          /* Wrong outside the lists: what the ordinary load says. */
          for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
            {
              g_clear_pointer (&maps[c], g_array_unref);
              g_clear_pointer (&broken[c], g_array_unref);
            }
          return storyline_load_bytes (bytes, cancellable, problems, error);
        }

      for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
        {
          JsonArray *array;

          if (broken[c] == NULL)
            continue;
          array = json_object_get_array_member (top, collections[c]);
          g_array_sort (broken[c], compare_desc);
          for (guint k = 0; k < broken[c]->len; k++)
            {
              guint index = g_array_index (broken[c], guint, k);

              json_array_remove_element (array, index);
              g_array_remove_index (maps[c], index);
            }
          g_clear_pointer (&broken[c], g_array_unref);
        }
    }

  for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
    g_clear_pointer (&maps[c], g_array_unref);

  if (story == NULL)
    {
      if (error != NULL && *error == NULL)
        return storyline_load_bytes (bytes, cancellable, problems, error);
      if (problems != NULL)
        *problems = storyline_problems_new ();
      return NULL;
    }
  for (guint i = 0; i < items->len; i++)
    storyline_story_add_left_out (story, items->pdata[i]);
  if (problems != NULL)
    *problems = g_steal_pointer (&left_out);
  return story;
}

/**
 * storyline_load_file_anyway:
 *
 * storyline_load_bytes_anyway() for a file.
 *
 * Returns: (transfer full) (nullable): the story, or %NULL
 */
StorylineStory *
storyline_load_file_anyway (GFile         *file,
                            GCancellable  *cancellable,
                            GPtrArray    **problems,
                            GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    {
      if (problems != NULL)
        *problems = storyline_problems_new ();
      return NULL;
    }
  return storyline_load_bytes_anyway (bytes, cancellable, problems, error);
}
