/* storyline-event-query.c: what an event must have to be listed
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-event-query-private.h"
#include "storyline-search.h"


G_DEFINE_BOXED_TYPE (StorylineEventQuery, storyline_event_query,
                     storyline_event_query_ref, storyline_event_query_unref)

/**
 * storyline_event_query_new:
 * @search: (nullable): words that must all appear, in any case and with
 *   or without accents, in the event's text, actors or quotes
 * @actor: (nullable): an actor the event must involve
 * @source: (nullable): a source the event must cite
 * @event_type: (nullable): the event's type
 * @tag: (nullable): a tag the event must have
 *
 * The actor and source are borrowed: the query is for their story.
 *
 * Returns: (transfer full): a new query
 */
static int
compare_longer_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      data)
{
  gsize la = strlen (*(char * const *) a), lb = strlen (*(char * const *) b);

  return la > lb ? -1 : la < lb;
}

StorylineEventQuery *
storyline_event_query_new (const char      *search,
                           StorylineActor  *actor,
                           StorylineSource *source,
                           const char      *event_type,
                           const char      *tag)
{
  StorylineEventQuery *query = g_new0 (StorylineEventQuery, 1);

  g_atomic_ref_count_init (&query->ref_count);
  if (search != NULL)
    {
      g_autofree char *folded = storyline_fold_text (search);
      g_auto(GStrv) split = g_strsplit (folded, " ", -1);
      g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
      guint n = 0;

      for (guint i = 0; split[i] != NULL; i++)
        if (split[i][0] != '\0')
          {
            g_strv_builder_add (words, split[i]);
            n++;
          }
      if (n > 0)
        {
          query->words = g_strv_builder_end (words);
          /* The longest word first: it is looked for through every text
           * (see match_range_by_word()), and a longer word is found in
           * fewer of them and skipped through faster. */
          g_qsort_with_data (query->words, n, sizeof (char *), compare_longer_first, NULL);
          query->word_lens = g_new (gsize, n);
          for (guint i = 0; i < n; i++)
            query->word_lens[i] = strlen (query->words[i]);
        }
    }
  query->actor = actor;
  query->source = source;
  query->event_type = g_strdup (event_type);
  query->tag = g_strdup (tag);
  return query;
}

/**
 * storyline_event_query_set_range:
 * @from: the first day, from 1970-01-01
 * @to: the last day (inclusive)
 *
 * Lists only events that can fall in the days from @from to @to: whose
 * earliest day is not after @to and latest not before @from. Set on a
 * query just made, before it is shared.
 */
void
storyline_event_query_set_range (StorylineEventQuery *query,
                                 gint64               from,
                                 gint64               to)
{
  g_return_if_fail (query != NULL);
  query->has_range = TRUE;
  query->range_from = MIN (from, to);
  query->range_to = MAX (from, to);
}

StorylineEventQuery *
storyline_event_query_ref (StorylineEventQuery *query)
{
  g_return_val_if_fail (query != NULL, NULL);
  g_atomic_ref_count_inc (&query->ref_count);
  return query;
}

void
storyline_event_query_unref (StorylineEventQuery *query)
{
  g_return_if_fail (query != NULL);

  if (!g_atomic_ref_count_dec (&query->ref_count))
    return;
  g_strfreev (query->words);
  g_free (query->word_lens);
  g_free (query->event_type);
  g_free (query->tag);
  g_free (query);
}

/**
 * storyline_event_query_is_empty:
 * @query: (nullable): a query
 *
 * Returns: whether the query lets every event through
 */
gboolean
storyline_event_query_is_empty (const StorylineEventQuery *query)
{
  return query == NULL ||
         (query->words == NULL && query->actor == NULL && query->source == NULL &&
          query->event_type == NULL && query->tag == NULL && !query->has_range);
}

/* Whether @part, when set, is also set to the same in @query. */
#define SAME_OR_NEWLY_SET(query, previous, field, equal) \
  ((previous)->field == NULL || ((query)->field != NULL && equal ((query)->field, (previous)->field)))

static gboolean
pointer_equal (gconstpointer a,
               gconstpointer b)
{
  return a == b;
}

/**
 * storyline_event_query_narrows:
 * @query: a query
 * @previous: (nullable): the query before it
 *
 * Returns: whether every event @query lets through, @previous let through
 *   too: then only those need to be looked at again
 */
gboolean
storyline_event_query_narrows (const StorylineEventQuery *query,
                               const StorylineEventQuery *previous)
{
  g_return_val_if_fail (query != NULL, FALSE);

  if (storyline_event_query_is_empty (previous))
    return TRUE;
  if (!SAME_OR_NEWLY_SET (query, previous, actor, pointer_equal) ||
      !SAME_OR_NEWLY_SET (query, previous, source, pointer_equal) ||
      !SAME_OR_NEWLY_SET (query, previous, event_type, g_str_equal) ||
      !SAME_OR_NEWLY_SET (query, previous, tag, g_str_equal))
    return FALSE;
  /* A range inside the one before. */
  if (previous->has_range &&
      (!query->has_range || query->range_from < previous->range_from || query->range_to > previous->range_to))
    return FALSE;

  /* Each earlier word must be inside a word now asked for. */
  for (guint i = 0; previous->words != NULL && previous->words[i] != NULL; i++)
    {
      gboolean inside = FALSE;

      for (guint j = 0; !inside && query->words != NULL && query->words[j] != NULL; j++)
        inside = strstr (query->words[j], previous->words[i]) != NULL;
      if (!inside)
        return FALSE;
    }
  return TRUE;
}

/**
 * storyline_event_query_matches_fields:
 *
 * Returns: whether @event has all @query asks but its words
 */
gboolean
storyline_event_query_matches_fields (const StorylineEventQuery *query,
                                      StorylineEvent            *event)
{
  return (query->actor == NULL || storyline_event_involves (event, query->actor)) &&
         (query->source == NULL || storyline_event_cites (event, query->source)) &&
         (query->event_type == NULL || g_strcmp0 (storyline_event_get_event_type (event), query->event_type) == 0) &&
         (query->tag == NULL || storyline_event_has_tag (event, query->tag)) &&
         (!query->has_range ||
          (storyline_date_get_earliest_day (storyline_event_get_date (event)) <= query->range_to &&
           storyline_date_get_latest_day (storyline_event_get_date (event)) >= query->range_from));
}

/**
 * storyline_event_query_matches:
 * @folded_text: (nullable): the event's folded search text
 *   (storyline_event_dup_search_text()); needed only when the query has
 *   words
 *
 * Returns: whether @event is listed under @query
 */
gboolean
storyline_event_query_matches (const StorylineEventQuery *query,
                               StorylineEvent            *event,
                               const char                *folded_text)
{
  return query == NULL ||
         (storyline_event_query_matches_fields (query, event) &&
          (query->words == NULL || (folded_text != NULL && storyline_event_query_has_words (query, 0, folded_text, strlen (folded_text)))));
}
