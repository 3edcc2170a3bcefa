/* storyline-reader-keys.c: the keys of the format, and a suggestion for a near miss
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "storyline-reader-private.h"


/**
 * storyline_edit_distance:
 *
 * Levenshtein distance between @a and @b in bytes, or @limit + 1 when it is
 * more than @limit.
 */
guint
storyline_edit_distance (const char *a,
                         const char *b,
                         guint       limit)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = NULL;

  if ((la > lb ? la - lb : lb - la) > limit || la > 256 || lb > 256)
    return limit + 1;

  row = g_new (guint, lb + 1);
  for (gsize j = 0; j <= lb; j++)
    row[j] = j;

  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];
      guint best;

      row[0] = i;
      best = row[0];
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
          best = MIN (best, row[j]);
        }
      if (best > limit)
        return limit + 1;
    }

  return MIN (row[lb], limit + 1);
}

const char *
storyline_reader_closest_word (const char         *word,
                               const char * const *candidates)
{
  const char *best = NULL;
  guint best_distance = 3;

  for (guint i = 0; candidates[i] != NULL; i++)
    {
      guint d;

      if (*candidates[i] == '\0')
        continue;
      if (g_ascii_strcasecmp (word, candidates[i]) == 0)
        return candidates[i];
      d = storyline_edit_distance (word, candidates[i], 2);
      if (d < best_distance && d <= strlen (candidates[i]) / 2)
        {
          best = candidates[i];
          best_distance = d;
        }
    }

  return best;
}

int
storyline_reader_word_index (const char         *word,
                             const char * const *words)
{
  for (int i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strcmp (word, words[i]) == 0)
      return i;
  return -1;
}


gboolean
storyline_reader_check_keys (Reader             *r,
                             JsonObject         *object,
                             const char         *id,
                             const char * const *known)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;
  gboolean unknown = FALSE;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &node))
    {
      const char *hint;
      gsize len;

      if (storyline_reader_word_index (key, known) >= 0)
        continue;
      unknown = TRUE;
      /* Another tool's own members ("x-timelinejs"): kept, not warned of. */
      if (g_str_has_prefix (key, "x-"))
        continue;

      len = storyline_reader_path_push_key (r, key);
      hint = storyline_reader_closest_word (key, known);
      if (hint != NULL)
        storyline_reader_warning (r, id, _("unknown key “%s”, ignored; did you mean “%s”?"), key, hint);
      else
        storyline_reader_warning (r, id, _("unknown key “%s”, ignored"), key);
      storyline_reader_path_pop (r, len);
    }
  return unknown;
}

int
storyline_reader_read_word (Reader             *r,
                            JsonObject         *object,
                            const char         *key,
                            const char         *id,
                            const char * const *words,
                            int                 fallback,
                            gboolean            required)
{
  const char *value = storyline_reader_read_string (r, object, key, id, required);
  g_autofree char *list = NULL;
  const char *hint;
  gsize len;
  int index;

  if (value == NULL)
    return fallback;

  index = storyline_reader_word_index (value, words);
  if (index >= 0)
    return index;

  len = storyline_reader_path_push_key (r, key);
  hint = storyline_reader_closest_word (value, words);
  list = g_strjoinv (", ", (char **) (words[0][0] == '\0' ? words + 1 : words));
  if (hint != NULL)
    storyline_reader_error (r, id, _("“%s” is not one of %s; did you mean “%s”?"), value, list, hint);
  else
    storyline_reader_error (r, id, _("“%s” is not one of %s"), value, list);
  storyline_reader_path_pop (r, len);

  return fallback;
}


static void
unknown_member_free (StorylineUnknownMember *member)
{
  g_free (member->key);
  g_free (member->after);
  json_node_unref (member->value);
  g_free (member);
}

/* The members of @object not in @known, in their order, each with the
 * known key before it: kept in the story for @owner, to be written back
 * where they were. */
void
storyline_reader_keep_unknown (Reader             *r,
                               gconstpointer       owner,
                               JsonObject         *object,
                               const char * const *known)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;
  const char *after = NULL;
  GPtrArray *kept = NULL;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &node))
    {
      StorylineUnknownMember *member;

      if (storyline_reader_word_index (key, known) >= 0)
        {
          after = key;
          continue;
        }
      if (kept == NULL)
        {
          if (r->story->unknown == NULL)
            r->story->unknown = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
          kept = g_ptr_array_new_with_free_func ((GDestroyNotify) unknown_member_free);
          g_hash_table_replace (r->story->unknown, (gpointer) owner, kept);
        }
      member = g_new0 (StorylineUnknownMember, 1);
      member->key = g_strdup (key);
      member->after = g_strdup (after);
      member->value = json_node_copy (node);
      g_ptr_array_add (kept, member);
    }
}
