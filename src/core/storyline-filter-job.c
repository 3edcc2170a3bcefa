/* storyline-filter-job.c: one filtering of a snapshot's events by a query,
 * on up to two threads, cancellable
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-event-query-private.h"
#include "storyline-filter-job.h"
#include "storyline-search.h"

void
storyline_filter_job_free (StorylineFilterJob *job)
{
  g_clear_pointer (&job->snapshot, storyline_event_snapshot_unref);
  g_clear_pointer (&job->query, storyline_event_query_unref);
  g_free (job->candidates);
  g_free (job->matches);
  g_free (job->result);
  g_clear_object (&job->cancellable);
  g_free (job);
}

/* Every event against a query with words: the first word is looked for
 * through the whole buffer at once, and only the events it is in are
 * looked at further. */
static void
match_range_by_word (StorylineFilterJob   *job,
                     guint  start,
                     guint  end)
{
  StorylineEventSnapshot *snapshot = job->snapshot;
  const char *word = job->query->words[0];
  gsize word_len = job->query->word_lens[0];
  const char *p = snapshot->buffer + snapshot->offsets[start];
  const char *limit = snapshot->buffer + snapshot->offsets[end];
  guint i = start;
  guint n_hits = 0;

  memset (job->matches + start, 0, end - start);
  while (p < limit)
    {
      const char *hit = storyline_find_bytes (p, limit - p, word, word_len);
      gsize offset;

      if (hit == NULL)
        break;
      offset = hit - snapshot->buffer;
      while (snapshot->offsets[i + 1] <= offset)
        i++;
      /* The first word is there; the other words and the rest of the
       * query are left to see. */
      job->matches[i] = storyline_event_query_matches_fields (job->query, snapshot->sorted->pdata[i]) &&
                        storyline_event_query_has_words (job->query, 1, snapshot->folded[i], snapshot->offsets[i + 1] - snapshot->offsets[i] - 1);
      p = snapshot->buffer + snapshot->offsets[i + 1];
      if ((++n_hits & 4095) == 0 && job->cancellable != NULL && g_cancellable_is_cancelled (job->cancellable))
        return;
    }
}

static void
match_range (gpointer data,
             guint    start,
             guint    end)
{
  StorylineFilterJob *job = data;
  char **folded = job->query->words != NULL ? job->snapshot->folded : NULL;

  if (job->candidates == NULL && folded != NULL)
    {
      match_range_by_word (job, start, end);
      return;
    }

  for (guint i = start; i < end; i++)
    {
      guint index = job->candidates ? job->candidates[i] : i;

      if ((i & 4095) == 0 && job->cancellable != NULL && g_cancellable_is_cancelled (job->cancellable))
        return;
      job->matches[i] = storyline_event_query_matches_fields (job->query, job->snapshot->sorted->pdata[index]) &&
                        (folded == NULL ||
                         storyline_event_query_has_words (job->query, 0, folded[index],
                                    job->snapshot->offsets[index + 1] - job->snapshot->offsets[index] - 1));
    }
}

void
storyline_filter_job_run (StorylineFilterJob *job)
{
  guint n = 0;

  if (job->query->words != NULL)
    storyline_event_snapshot_ensure_folded (job->snapshot);

  job->matches = g_new (guint8, MAX (job->n_candidates, 1));
  storyline_run_split (match_range, job, job->n_candidates);
  if (job->cancellable != NULL && g_cancellable_is_cancelled (job->cancellable))
    return;

  for (guint i = 0; i < job->n_candidates; i++)
    n += job->matches[i];
  job->result = g_new (guint32, MAX (n, 1));
  job->n_result = n;
  n = 0;
  for (guint i = 0; i < job->n_candidates; i++)
    if (job->matches[i])
      job->result[n++] = job->candidates ? job->candidates[i] : i;
}
