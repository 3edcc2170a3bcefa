/* storyline-event-query-private.h: a query's parts, for the list that
 * runs it
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "storyline-event-query.h"
#include "storyline-search.h"

G_BEGIN_DECLS

struct _StorylineEventQuery
{
  gatomicrefcount ref_count;
  char **words;                 /* folded, never empty; NULL for none */
  gsize *word_lens;             /* their lengths, for the matching loops */
  StorylineActor *actor;        /* borrowed */
  StorylineSource *source;      /* borrowed */
  char *event_type;
  char *tag;
  gboolean has_range;           /* days an event must touch, from the time axis */
  gint64 range_from;
  gint64 range_to;              /* inclusive */
};

gboolean storyline_event_query_matches_fields (const StorylineEventQuery *query,
                                               StorylineEvent            *event);

/* Inline: it runs once per event and word in the filtering loops. */
/* Whether each of @query's words from @first on is in the @len bytes of
 * @folded_text. */
static inline gboolean
storyline_event_query_has_words (const StorylineEventQuery *query,
                                 guint                      first,
                                 const char                *folded_text,
                                 gsize                      len)
{
  for (guint i = first; query->words[i] != NULL; i++)
    if (storyline_find_bytes (folded_text, len, query->words[i], query->word_lens[i]) == NULL)
      return FALSE;
  return TRUE;
}

G_END_DECLS
