/* storyline-event-list.c: the events a list shows, in order, filtered
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-event-list.h"
#include "storyline-event-query-private.h"
#include "storyline-event-snapshot.h"
#include "storyline-filter-job.h"
#include "storyline-story.h"
#include "storyline-search.h"

/* A GListModel of a story's events in the story's order, narrowed by a
 * query. Built for stories of hundreds of thousands of events:
 *
 * - the visible events are an array of indices into the sorted events, so
 *   an item is an array lookup and finding an event's row is a binary
 *   search, never a walk through the list;
 * - each event's folded search text is made once, the first time a search
 *   needs it, on worker threads for large stories;
 * - a query that only narrows the last one looks only at the events now
 *   shown;
 * - large stories are filtered on two worker threads; a newer query
 *   cancels an older one, and only the newest result is applied;
 * - a change is announced as one items-changed covering only the rows
 *   between the unchanged start and the unchanged end of the list, so a
 *   view and a selection model have little to look at. */

struct _StorylineEventList
{
  GObject parent_instance;

  StorylineEventSnapshot *snapshot;

  guint32 *visible;             /* sorted indices, ascending */
  guint n_visible;
  StorylineEventQuery *query;   /* the one applied */

  guint generation;
  GCancellable *cancellable;    /* of the job under way */
  StorylineEventQuery *pending; /* its query */

  GPtrArray *edited;            /* events edited in place since the snapshot */
  gboolean edited_since_query;  /* the rows listed are not all the query's */
};

enum {
  CHANGING,
  REFILTERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
storyline_event_list_get_item_type (GListModel *model)
{
  return STORYLINE_TYPE_EVENT;
}

static guint
storyline_event_list_get_n_items (GListModel *model)
{
  return STORYLINE_EVENT_LIST (model)->n_visible;
}

static gpointer
storyline_event_list_get_item (GListModel *model,
                               guint       position)
{
  StorylineEventList *self = STORYLINE_EVENT_LIST (model);

  if (position >= self->n_visible)
    return NULL;
  return g_object_ref (self->snapshot->sorted->pdata[self->visible[position]]);
}

static void
storyline_event_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = storyline_event_list_get_item_type;
  iface->get_n_items = storyline_event_list_get_n_items;
  iface->get_item = storyline_event_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (StorylineEventList, storyline_event_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, storyline_event_list_model_init))

static void
cancel_job (StorylineEventList *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pending, storyline_event_query_unref);
}

static void
storyline_event_list_dispose (GObject *object)
{
  StorylineEventList *self = STORYLINE_EVENT_LIST (object);

  cancel_job (self);
  G_OBJECT_CLASS (storyline_event_list_parent_class)->dispose (object);
}

static void
storyline_event_list_finalize (GObject *object)
{
  StorylineEventList *self = STORYLINE_EVENT_LIST (object);

  g_clear_pointer (&self->snapshot, storyline_event_snapshot_unref);
  g_clear_pointer (&self->query, storyline_event_query_unref);
  g_clear_pointer (&self->pending, storyline_event_query_unref);
  g_clear_pointer (&self->edited, g_ptr_array_unref);
  g_free (self->visible);

  G_OBJECT_CLASS (storyline_event_list_parent_class)->finalize (object);
}

static void
storyline_event_list_class_init (StorylineEventListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = storyline_event_list_dispose;
  object_class->finalize = storyline_event_list_finalize;

  /**
   * StorylineEventList::changing:
   * @position: the first row that will change
   * @removed: how many rows from it will go
   * @added: how many rows will come in their place
   *
   * Emitted just before items-changed, while the list is still the old one:
   * a selection model over it can drop a selection that is about to go,
   * rather than look for it among the new rows.
   */
  signals[CHANGING] =
    g_signal_new ("changing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * StorylineEventList::refiltered:
   *
   * Emitted after a query's result has been applied (and announced with
   * items-changed), and after a new story.
   */
  signals[REFILTERED] =
    g_signal_new ("refiltered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
storyline_event_list_init (StorylineEventList *self)
{
}

StorylineEventList *
storyline_event_list_new (void)
{
  return g_object_new (STORYLINE_TYPE_EVENT_LIST, NULL);
}

/* Where the event at @index of the order after a move was before it:
 * @from is where it was (G_MAXUINT: it was not), @to where it went
 * (G_MAXUINT: it went). G_MAXUINT for the event that came. */
static inline guint32
index_before (guint32 index,
              guint   from,
              guint   to)
{
  if (index == to)
    return G_MAXUINT32;
  if (to != G_MAXUINT && index > to)
    index--;
  if (from != G_MAXUINT && index >= from)
    index++;
  return index;
}

/* Takes @snapshot, an order in which the event at @from went to @to, and
 * @visible, its rows (%NULL, G_MAXUINT, G_MAXUINT: the same order);
 * announces only the rows between the start and the end that list the
 * same events as before. ::changing is emitted while the list is still
 * the old one. */
static void
apply_moved (StorylineEventList     *self,
             StorylineEventSnapshot *snapshot,
             guint32                *visible,
             guint                n_visible,
             StorylineEventQuery *query,
             guint                from,
             guint                to)
{
  guint32 *old = self->visible;
  guint n_old = self->n_visible;
  guint start = 0, end = 0;

  while (start < n_old && start < n_visible && old[start] == index_before (visible[start], from, to))
    start++;
  while (end < n_old - start && end < n_visible - start &&
         old[n_old - 1 - end] == index_before (visible[n_visible - 1 - end], from, to))
    end++;

  if (n_old - start - end > 0 || n_visible - start - end > 0)
    g_signal_emit (self, signals[CHANGING], 0, start, n_old - start - end, n_visible - start - end);
  if (snapshot != NULL)
    {
      storyline_event_snapshot_unref (self->snapshot);
      self->snapshot = snapshot;
    }
  self->visible = visible;
  self->n_visible = n_visible;
  if (query != self->query)
    {
      g_clear_pointer (&self->query, storyline_event_query_unref);
      self->query = query ? storyline_event_query_ref (query) : NULL;
    }
  if (n_old - start - end > 0 || n_visible - start - end > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), start, n_old - start - end, n_visible - start - end);
  g_free (old);
  g_signal_emit (self, signals[REFILTERED], 0);
}

/* Takes @visible, rows of the same order. */
static void
apply (StorylineEventList  *self,
       guint32             *visible,
       guint                n_visible,
       StorylineEventQuery *query)
{
  apply_moved (self, NULL, visible, n_visible, query, G_MAXUINT, G_MAXUINT);
}

static guint32 *
all_indices (guint n)
{
  guint32 *all = g_new (guint32, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    all[i] = i;
  return all;
}

static void
fold_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  storyline_event_snapshot_ensure_folded (task_data);
  g_task_return_boolean (task, TRUE);
}

/**
 * storyline_event_list_set_story:
 * @story: (nullable): the story, or %NULL for an empty list
 * @newest_first: whether the order is reversed
 *
 * Lists every event of @story; the query is dropped, as its actor and
 * source belonged to the story before.
 */
void
storyline_event_list_set_story (StorylineEventList *self,
                                StorylineStory     *story,
                                gboolean            newest_first)
{
  StorylineEventSnapshot *snapshot, *old;
  guint n;

  g_return_if_fail (STORYLINE_IS_EVENT_LIST (self));

  cancel_job (self);
  self->generation++;
  g_clear_pointer (&self->edited, g_ptr_array_unref);

  old = self->snapshot;
  snapshot = storyline_event_snapshot_new (story, newest_first, old);
  n = snapshot->sorted->len;


  /* Every row changes: said once, then the list is the new one. */
  {
    guint n_old = self->n_visible;

    if (n_old > 0 || n > 0)
      g_signal_emit (self, signals[CHANGING], 0, 0, n_old, n);
    g_clear_pointer (&self->snapshot, storyline_event_snapshot_unref);
    self->snapshot = snapshot;
    g_clear_pointer (&self->query, storyline_event_query_unref);
    g_free (self->visible);
    self->visible = all_indices (n);
    self->n_visible = n;
    if (n_old > 0 || n > 0)
      g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, n);
  }
  g_signal_emit (self, signals[REFILTERED], 0);

  /* Texts to copy from the snapshot before: for a small story at once
   * (a few milliseconds), so that the old ones are not kept. */
  if (snapshot->texts_from != NULL && n <= STORYLINE_EVENT_LIST_SYNC_LIMIT)
    storyline_event_snapshot_ensure_folded (snapshot);

  /* A large story's texts are folded (or copied) at once, on a worker
   * thread, so the first search need not wait for them (a second at a
   * million events). */
  if (n > STORYLINE_EVENT_LIST_SYNC_LIMIT)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

      g_task_set_source_tag (task, storyline_event_list_set_story);
      g_task_set_task_data (task, storyline_event_snapshot_ref (snapshot), (GDestroyNotify) storyline_event_snapshot_unref);
      g_task_run_in_thread (task, fold_thread);
    }
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  storyline_filter_job_run (task_data);
  g_task_return_boolean (task, !g_cancellable_is_cancelled (cancellable));
}

static void
job_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  StorylineEventList *self = STORYLINE_EVENT_LIST (object);
  StorylineFilterJob *job = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), NULL) || job->generation != self->generation)
    return;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pending, storyline_event_query_unref);
  apply (self, g_steal_pointer (&job->result), job->n_result, job->query);
}

static int
compare_listed (StorylineEventList *self,
                StorylineEvent     *a,
                StorylineEvent     *b)
{
  int order = storyline_event_compare (a, b);

  return self->snapshot->newest_first ? -order : order;
}

static GPtrArray *
shallow_copy (GPtrArray *array)
{
  GPtrArray *copy = g_ptr_array_copy (array, NULL, NULL);

  g_ptr_array_set_free_func (copy, NULL);
  return copy;
}

/* Where @event goes in @sorted: the first place whose event is not
 * before it. */
static guint
place_of (StorylineEventList *self,
          GPtrArray          *sorted,
          StorylineEvent     *event)
{
  guint low = 0, high = sorted->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (compare_listed (self, sorted->pdata[mid], event) < 0)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

/* Where @event is in @sorted, found by its date as the events are sorted
 * by it. Only an event whose date has just changed is not where its date
 * says: sorted_index() looks for it one by one when @anywhere. */
static guint
find_sorted (StorylineEventList *self,
             GPtrArray          *sorted,
             StorylineEvent     *event)
{
  guint low = place_of (self, sorted, event);

  return low < sorted->len && sorted->pdata[low] == event ? low : G_MAXUINT;
}

static guint
sorted_index (StorylineEventList *self,
              StorylineEvent     *event,
              gboolean            anywhere)
{
  GPtrArray *sorted;
  guint index;

  if (self->snapshot == NULL)
    return G_MAXUINT;
  sorted = self->snapshot->sorted;
  index = find_sorted (self, sorted, event);
  if (index == G_MAXUINT && anywhere)
    for (guint i = 0; i < sorted->len; i++)
      if (sorted->pdata[i] == event)
        return i;
  return index;
}

/* The events edited in place since the snapshot, found in @sorted (which
 * must be in order), get their texts made again in a snapshot built with
 * @map; they are then forgotten. */
static void
mark_edited (StorylineEventList *self,
             GPtrArray          *sorted,
             guint32            *map)
{
  for (guint i = 0; self->edited != NULL && i < self->edited->len; i++)
    {
      guint index = find_sorted (self, sorted, self->edited->pdata[i]);

      if (index != G_MAXUINT)
        map[index] = G_MAXUINT32;
    }
  g_clear_pointer (&self->edited, g_ptr_array_unref);
}

/* The events edited in place have new texts: a snapshot in the same order
 * whose texts are those before but theirs. */
static void
renew_snapshot (StorylineEventList *self)
{
  StorylineEventSnapshot *old = self->snapshot;
  guint n = old->sorted->len;
  guint32 *map = g_new (guint32, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    map[i] = i;
  mark_edited (self, old->sorted, map);
  self->snapshot = storyline_event_snapshot_new_edited (old, shallow_copy (old->sorted), map, NULL);
  storyline_event_snapshot_unref (old);
}

/**
 * storyline_event_list_update_event:
 * @event: an event of the list's story, edited, added or removed
 *
 * Takes in a change to @event: its new text for searches, its new place
 * in the order, or its coming or going. An event added stays listed, or
 * one edited, even when the query would leave it out, until the next
 * query: it is what is being worked on. The list changes at once; a query
 * under way is started again.
 */
void
storyline_event_list_update_event (StorylineEventList *self,
                                   StorylineEvent     *event)
{
  StorylineEventSnapshot *old;
  g_autoptr(StorylineEventQuery) pending = NULL;
  gboolean was_pending;
  GPtrArray *sorted;
  guint32 *map, *visible;
  guint from, to = G_MAXUINT, n, n_visible = 0;
  gboolean listed, in_story;

  g_return_if_fail (STORYLINE_IS_EVENT_LIST (self));
  g_return_if_fail (STORYLINE_IS_EVENT (event));

  old = self->snapshot;
  if (old == NULL || old->story == NULL)
    return;

  self->edited_since_query = TRUE;
  from = sorted_index (self, event, TRUE);
  in_story = storyline_story_lookup_event (old->story, storyline_event_get_id (event)) == event;

  /* Still where it was: only its text is new. */
  if (in_story && from != G_MAXUINT &&
      (from == 0 || compare_listed (self, old->sorted->pdata[from - 1], event) < 0) &&
      (from + 1 >= old->sorted->len || compare_listed (self, event, old->sorted->pdata[from + 1]) < 0))
    {
      if (self->edited == NULL)
        self->edited = g_ptr_array_new_with_free_func (g_object_unref);
      if (!g_ptr_array_find (self->edited, event, NULL))
        g_ptr_array_add (self->edited, g_object_ref (event));
      return;
    }
  if (from == G_MAXUINT && !in_story)
    return;

  was_pending = self->cancellable != NULL;
  pending = self->pending ? storyline_event_query_ref (self->pending) : NULL;
  cancel_job (self);
  self->generation++;
  old = self->snapshot;

  /* The order without it, then with it where it now goes. */
  sorted = shallow_copy (old->sorted);
  if (from != G_MAXUINT)
    g_ptr_array_remove_index (sorted, from);
  if (in_story)
    {
      to = place_of (self, sorted, event);
      g_ptr_array_insert (sorted, to, event);
    }
  n = sorted->len;
  map = g_new (guint32, MAX (n, 1));
  for (guint i = 0, j = 0; i < n; i++)
    {
      if (i == to)
        {
          map[i] = G_MAXUINT32;
          continue;
        }
      if (j == from)
        j++;
      map[i] = j++;
    }

  /* The events edited in place before: their texts are made again too.
   * (Looked for in the new order, which is sorted throughout.) */
  mark_edited (self, sorted, map);

  /* The rows listed, where they now are. */
  listed = from == G_MAXUINT;
  visible = g_new (guint32, self->n_visible + 1);
  for (guint i = 0; i < self->n_visible; i++)
    {
      guint32 v = self->visible[i];

      if (v == from)
        {
          listed = TRUE;
          continue;
        }
      if (from != G_MAXUINT && v > from)
        v--;
      if (to != G_MAXUINT && v >= to)
        v++;
      visible[n_visible++] = v;
    }
  if (to != G_MAXUINT && listed)
    {
      guint k = n_visible;

      while (k > 0 && visible[k - 1] > to)
        {
          visible[k] = visible[k - 1];
          k--;
        }
      visible[k] = to;
      n_visible++;
    }

  apply_moved (self, storyline_event_snapshot_new_edited (old, sorted, map, in_story && from == G_MAXUINT ? event : NULL),
               visible, n_visible, self->query, from, to);

  if (was_pending)
    storyline_event_list_set_query (self, pending);
}

/**
 * storyline_event_list_set_query:
 * @query: (nullable): what events must have; %NULL lists all
 *
 * Filters the list. For a story of up to %STORYLINE_EVENT_LIST_SYNC_LIMIT
 * events the list has changed when this returns; for larger ones the work
 * is done on worker threads and the list changes later, on this thread's
 * main context, when ::refiltered is emitted. A query given before the
 * last one is applied replaces it.
 */
void
storyline_event_list_set_query (StorylineEventList  *self,
                                StorylineEventQuery *query)
{
  StorylineFilterJob *job;

  g_return_if_fail (STORYLINE_IS_EVENT_LIST (self));
  g_return_if_fail (self->snapshot != NULL || query == NULL);

  if (self->snapshot == NULL)
    return;
  if (storyline_event_query_is_empty (query))
    query = NULL;

  cancel_job (self);
  self->generation++;
  if (self->edited != NULL)
    renew_snapshot (self);

  job = g_new0 (StorylineFilterJob, 1);
  job->snapshot = storyline_event_snapshot_ref (self->snapshot);
  job->generation = self->generation;
  job->query = query ? storyline_event_query_ref (query) : storyline_event_query_new (NULL, NULL, NULL, NULL, NULL);
  /* A narrower query needs to look only at the events listed now, one by
   * one; but while most are listed, looking for its longest word through
   * all the texts at once is faster. */
  if (query != NULL && self->query != NULL && !self->edited_since_query &&
      storyline_event_query_narrows (query, self->query) &&
      (query->words == NULL || self->n_visible < self->snapshot->sorted->len / 2))
    {
      job->candidates = g_memdup2 (self->visible, sizeof (guint32) * MAX (self->n_visible, 1));
      job->n_candidates = self->n_visible;
    }
  else
    job->n_candidates = self->snapshot->sorted->len;
  self->edited_since_query = FALSE;

  if (self->snapshot->sorted->len <= STORYLINE_EVENT_LIST_SYNC_LIMIT)
    {
      storyline_filter_job_run (job);
      apply (self, g_steal_pointer (&job->result), job->n_result, query);
      storyline_filter_job_free (job);
    }
  else
    {
      g_autoptr(GTask) task = NULL;

      self->cancellable = g_cancellable_new ();
      self->pending = query ? storyline_event_query_ref (query) : NULL;
      job->cancellable = g_object_ref (self->cancellable);
      task = g_task_new (self, self->cancellable, job_done, NULL);
      g_task_set_source_tag (task, storyline_event_list_set_query);
      g_task_set_task_data (task, job, (GDestroyNotify) storyline_filter_job_free);
      g_task_run_in_thread (task, job_thread);
    }
}

/**
 * storyline_event_list_get_n_total:
 *
 * Returns: how many events the story has, listed or not
 */
guint
storyline_event_list_get_n_total (StorylineEventList *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_LIST (self), 0);
  return self->snapshot ? self->snapshot->sorted->len : 0;
}

/**
 * storyline_event_list_find:
 *
 * Returns: the row of @event, or %G_MAXUINT when it is not listed
 */
guint
storyline_event_list_find (StorylineEventList *self,
                           StorylineEvent     *event)
{
  guint rank, low = 0, high;

  g_return_val_if_fail (STORYLINE_IS_EVENT_LIST (self), G_MAXUINT);

  if (event == NULL || (rank = sorted_index (self, event, FALSE)) == G_MAXUINT)
    return G_MAXUINT;

  high = self->n_visible;
  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (self->visible[mid] < rank)
        low = mid + 1;
      else
        high = mid;
    }
  return low < self->n_visible && self->visible[low] == rank ? low : G_MAXUINT;
}

/**
 * storyline_event_list_peek:
 *
 * Returns: (transfer none) (nullable): the event at @position, owned by
 *   the list
 */
StorylineEvent *
storyline_event_list_peek (StorylineEventList *self,
                           guint               position)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_LIST (self), NULL);

  if (position >= self->n_visible)
    return NULL;
  return self->snapshot->sorted->pdata[self->visible[position]];
}

/**
 * storyline_event_list_is_filtering:
 *
 * Returns: whether a query is being worked on
 */
/**
 * storyline_event_list_dup_listed:
 * @snapshot: (out) (transfer full): the events the indices are of, in
 *   order (snapshot->sorted), which a worker thread may read
 * @n: (out): how many are listed
 *
 * For the time axis's counts of what the filters leave: a copy of the
 * listed rows (a memcpy; no event touched on this thread).
 *
 * Returns: (transfer full) (nullable): the listed events' indices into
 *   @snapshot's, ascending; %NULL when there is no story
 */
guint32 *
storyline_event_list_dup_listed (StorylineEventList      *self,
                                 StorylineEventSnapshot **snapshot,
                                 guint                   *n)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_LIST (self), NULL);

  *n = 0;
  *snapshot = NULL;
  if (self->snapshot == NULL)
    return NULL;
  *snapshot = storyline_event_snapshot_ref (self->snapshot);
  *n = self->n_visible;
  return g_memdup2 (self->visible, MAX (self->n_visible, 1) * sizeof (guint32));
}

gboolean
storyline_event_list_is_filtering (StorylineEventList *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_LIST (self), FALSE);
  return self->cancellable != NULL;
}
