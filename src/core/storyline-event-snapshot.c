/* storyline-event-snapshot.c: a story's events in order, with their folded
 * search texts, shared by the event list and its worker threads
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-event-snapshot.h"
#include "storyline-search.h"

StorylineEventSnapshot *
storyline_event_snapshot_ref (StorylineEventSnapshot *snapshot)
{
  g_atomic_ref_count_inc (&snapshot->ref_count);
  return snapshot;
}

void
storyline_event_snapshot_unref (StorylineEventSnapshot *snapshot)
{
  if (!g_atomic_ref_count_dec (&snapshot->ref_count))
    return;
  g_free (snapshot->folded);
  g_free (snapshot->buffer);
  g_free (snapshot->offsets);
  g_clear_pointer (&snapshot->texts_from, storyline_event_snapshot_unref);
  g_free (snapshot->texts_map);
  g_mutex_clear (&snapshot->lock);
  g_ptr_array_unref (snapshot->sorted);
  g_clear_pointer (&snapshot->keep, g_ptr_array_unref);
  g_clear_pointer (&snapshot->extra, g_ptr_array_unref);
  g_clear_object (&snapshot->story);
  g_free (snapshot);
}


/* Work split in two: the second half on a thread of its own. */

typedef struct
{
  StorylineRangeFunc func;
  gpointer data;
  guint start;
  guint end;
} Range;

static gpointer
run_range (gpointer data)
{
  Range *range = data;
  range->func (range->data, range->start, range->end);
  return NULL;
}

void
storyline_run_split (StorylineRangeFunc func,
           gpointer  data,
           guint     n)
{
  if (n < 20000 || g_get_num_processors () < 2)
    func (data, 0, n);
  else
    {
      Range second = { func, data, n / 2, n };
      GThread *thread = g_thread_new ("storyline-filter", run_range, &second);

      func (data, 0, n / 2);
      g_thread_join (thread);
    }
}

static void
fold_range (gpointer data,
            guint    start,
            guint    end)
{
  StorylineEventSnapshot *snapshot = data;

  for (guint i = start; i < end; i++)
    snapshot->folded[i] = storyline_event_dup_search_text (snapshot->sorted->pdata[i]);
}

/* @texts, in list order, into one buffer, which a search reads straight
 * through; @texts then points into it and is the snapshot's folded texts.
 * @owned: the texts were allocated each on its own, and are freed. */
static void
join_texts (StorylineEventSnapshot *snapshot,
            char    **texts,
            gboolean  owned)
{
  guint n = snapshot->sorted->len;
  gsize total = 0;

  snapshot->offsets = g_new (gsize, n + 1);
  for (guint i = 0; i < n; i++)
    {
      snapshot->offsets[i] = total;
      total += strlen (texts[i]) + 1;
    }
  snapshot->offsets[n] = total;
  snapshot->buffer = g_malloc (MAX (total, 1));
  for (guint i = 0; i < n; i++)
    {
      memcpy (snapshot->buffer + snapshot->offsets[i], texts[i], snapshot->offsets[i + 1] - snapshot->offsets[i]);
      if (owned)
        g_free (texts[i]);
      texts[i] = snapshot->buffer + snapshot->offsets[i];
    }
  snapshot->folded = texts;
}

void
storyline_event_snapshot_ensure_folded (StorylineEventSnapshot *snapshot)
{
  g_mutex_lock (&snapshot->lock);
  if (snapshot->folded == NULL && snapshot->texts_from != NULL)
    {
      /* The same events' texts in the same or the opposite order: a copy,
       * not a fold (a million events' texts take 2.5 s to fold, a tenth of
       * that to copy). */
      StorylineEventSnapshot *from = snapshot->texts_from;
      guint n = snapshot->sorted->len;
      gboolean reversed = snapshot->newest_first != from->newest_first;
      char **texts = g_new (char *, MAX (n, 1));
      g_autoptr(GPtrArray) folded = NULL;

      for (guint i = 0; i < n; i++)
        {
          guint32 j = snapshot->texts_map ? snapshot->texts_map[i] : (reversed ? n - 1 - i : i);

          if (j != G_MAXUINT32)
            texts[i] = from->folded[j];
          else
            {
              /* An event edited since: its text is made again. */
              if (folded == NULL)
                folded = g_ptr_array_new_with_free_func (g_free);
              texts[i] = storyline_event_dup_search_text (snapshot->sorted->pdata[i]);
              g_ptr_array_add (folded, texts[i]);
            }
        }
      join_texts (snapshot, texts, FALSE);
      g_clear_pointer (&snapshot->texts_map, g_free);
    }
  g_clear_pointer (&snapshot->texts_from, storyline_event_snapshot_unref);
  if (snapshot->folded == NULL)
    {
      guint n = snapshot->sorted->len;

      snapshot->folded = g_new0 (char *, MAX (n, 1));
      storyline_run_split (fold_range, snapshot, n);
      join_texts (snapshot, snapshot->folded, TRUE);
    }
  g_mutex_unlock (&snapshot->lock);
}

static gpointer
ref_event (gconstpointer event,
           gpointer      data)
{
  return g_object_ref ((gpointer) event);
}


static void
reverse (GPtrArray *array)
{
  for (guint i = 0; i < array->len / 2; i++)
    {
      gpointer tmp = array->pdata[i];

      array->pdata[i] = array->pdata[array->len - 1 - i];
      array->pdata[array->len - 1 - i] = tmp;
    }
}

/* The events of @story in order (newest first: the other way round). The
 * same story's snapshot before, @previous, lends its sorted events, and its
 * folded texts when they are made. */
StorylineEventSnapshot *
storyline_event_snapshot_new (StorylineStory         *story,
                              gboolean                newest_first,
                              StorylineEventSnapshot *previous)
{
  StorylineEventSnapshot *old = previous;
  StorylineEventSnapshot *snapshot = g_new0 (StorylineEventSnapshot, 1);

  g_atomic_ref_count_init (&snapshot->ref_count);
  g_mutex_init (&snapshot->lock);
  snapshot->story = story ? g_object_ref (story) : NULL;
  snapshot->newest_first = newest_first;
  if (story != NULL && old != NULL && old->story == story)
    {
      /* The same story again, most often in the other order: its events
       * are sorted already (200,000 of them take the main thread 70 ms
       * to sort), and their texts may be folded already. A story does
       * not change once loaded. A fold under way is not waited for. */
      snapshot->sorted = g_ptr_array_copy (old->sorted, ref_event, NULL);
      /* An edited snapshot's array takes no references; this one does. */
      g_ptr_array_set_free_func (snapshot->sorted, g_object_unref);
      if (old->newest_first != newest_first)
        reverse (snapshot->sorted);
      if (g_mutex_trylock (&old->lock))
        {
          if (old->buffer != NULL)
            snapshot->texts_from = storyline_event_snapshot_ref (old);
          g_mutex_unlock (&old->lock);
        }
    }
  else
    {
      snapshot->sorted = story ? storyline_story_dup_events_sorted (story) : g_ptr_array_new ();
      if (newest_first)
        reverse (snapshot->sorted);
    }
  return snapshot;
}

/* Where old's event @j has its text: in old's texts_from, or nowhere. */
static guint32
source_index (StorylineEventSnapshot *old,
              guint32                 j)
{
  if (j == G_MAXUINT32)
    return j;
  if (old->texts_map != NULL)
    return old->texts_map[j];
  return old->newest_first != old->texts_from->newest_first ? old->sorted->len - 1 - j : j;
}

/**
 * storyline_event_snapshot_new_edited:
 * @previous: the snapshot before an edit
 * @sorted: (transfer full): the events in order after it, without a
 *   reference each (no free function)
 * @map: (transfer full): where each is in @previous (G_MAXUINT32: an event
 *   added or edited, whose text is made again)
 * @added: (nullable): an event in @sorted that was not in @previous
 *
 * The events stay alive as long as the snapshot does: those of the first
 * snapshot by its array, those added since by this one.
 *
 * The same story after an edit: the texts already made are copied, not
 * made again, when they are wanted; if @previous had not made its own yet,
 * they are copied from where it would have.
 */
StorylineEventSnapshot *
storyline_event_snapshot_new_edited (StorylineEventSnapshot *previous,
                                     GPtrArray              *sorted,
                                     guint32                *map,
                                     StorylineEvent         *added)
{
  StorylineEventSnapshot *snapshot = g_new0 (StorylineEventSnapshot, 1);

  snapshot->keep = g_ptr_array_ref (previous->keep ? previous->keep : previous->sorted);
  snapshot->extra = previous->extra ? g_ptr_array_copy (previous->extra, ref_event, NULL)
                                    : g_ptr_array_new ();
  g_ptr_array_set_free_func (snapshot->extra, g_object_unref);
  if (added != NULL && !g_ptr_array_find (snapshot->extra, added, NULL))
    g_ptr_array_add (snapshot->extra, g_object_ref (added));

  g_atomic_ref_count_init (&snapshot->ref_count);
  g_mutex_init (&snapshot->lock);
  snapshot->story = g_object_ref (previous->story);
  snapshot->newest_first = previous->newest_first;
  snapshot->sorted = sorted;
  if (g_mutex_trylock (&previous->lock))
    {
      if (previous->buffer != NULL)
        {
          snapshot->texts_from = storyline_event_snapshot_ref (previous);
          snapshot->texts_map = g_steal_pointer (&map);
        }
      else if (previous->texts_from != NULL)
        {
          for (guint i = 0; i < sorted->len; i++)
            map[i] = source_index (previous, map[i]);
          snapshot->texts_from = storyline_event_snapshot_ref (previous->texts_from);
          snapshot->texts_map = g_steal_pointer (&map);
        }
      g_mutex_unlock (&previous->lock);
    }
  g_free (map);
  return snapshot;
}
