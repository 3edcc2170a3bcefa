/* storyline-reader-cycles.c: provenance and affiliations must end
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "storyline-reader-private.h"

/* Provenance must end: a cycle in derived_from has no first source. */
static gboolean
find_cycle (StorylineSource *source,
            GHashTable      *state,
            GPtrArray       *trail)
{
  gpointer mark = g_hash_table_lookup (state, source);

  if (mark == GINT_TO_POINTER (2))
    return FALSE;
  g_ptr_array_add (trail, source);
  if (mark == GINT_TO_POINTER (1))
    return TRUE;

  g_hash_table_insert (state, source, GINT_TO_POINTER (1));
  for (guint i = 0; i < STORYLINE_ARRAY_LEN (source->derived_from); i++)
    if (find_cycle (g_ptr_array_index (source->derived_from, i), state, trail))
      return TRUE;
  g_hash_table_insert (state, source, GINT_TO_POINTER (2));
  g_ptr_array_remove_index (trail, trail->len - 1);

  return FALSE;
}

void
storyline_reader_check_provenance_cycles (Reader *r)
{
  g_autoptr(GHashTable) state = g_hash_table_new (NULL, NULL);
  GPtrArray *sources = r->story->sources;

  for (guint i = 0; i < sources->len; i++)
    {
      g_autoptr(GPtrArray) trail = g_ptr_array_new ();
      StorylineSource *source = g_ptr_array_index (sources, i);

      /* A cycle is reported once, from the first source in file order that
       * is on it; every source on it is then done. */
      if (find_cycle (source, state, trail))
        {
          StorylineSource *last = g_ptr_array_index (trail, trail->len - 1);
          g_autoptr(GString) chain = g_string_new (NULL);
          guint start = 0;
          guint position = 0;

          while (g_ptr_array_index (trail, start) != last)
            start++;
          for (guint j = start; j < trail->len; j++)
            {
              StorylineSource *s = g_ptr_array_index (trail, j);
              if (j > start)
                g_string_append (chain, " → ");
              g_string_append (chain, s->id);
              g_hash_table_insert (state, s, GINT_TO_POINTER (2));
            }
          g_ptr_array_find (sources, last, &position);
          g_string_printf (r->path, "sources[%u].custom.derived_from", position);
          storyline_reader_error (r, last->id, _("the provenance goes round in a circle: %s"), chain->str);
          g_string_truncate (r->path, 0);
        }
    }
}

/* An actor's affiliations must end too: A belongs to B belongs to A is
 * nothing a reader can follow. Each actor has at most one affiliation, so
 * a walk from each actor, marked with the walk's number, finds a cycle
 * the first time it meets its own mark; each cycle is reported once. */
void
storyline_reader_check_affiliation_cycles (Reader *r)
{
  GPtrArray *actors = r->story->actors;
  g_autoptr(GHashTable) walk_of = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < actors->len; i++)
    {
      StorylineActor *a = actors->pdata[i];

      while (a != NULL && !g_hash_table_contains (walk_of, a))
        {
          g_hash_table_insert (walk_of, a, GUINT_TO_POINTER (i + 1));
          a = a->affiliation;
        }

      if (a != NULL && GPOINTER_TO_UINT (g_hash_table_lookup (walk_of, a)) == i + 1)
        {
          guint position = 0;

          g_ptr_array_find (actors, a, &position);
          g_string_printf (r->path, "actors[%u].affiliation", position);
          storyline_reader_error (r, a->id, _("the affiliations go round in a circle back to “%s”"), a->id);
          g_string_truncate (r->path, 0);
        }
    }
}

