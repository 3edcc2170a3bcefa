/* storyline-event-query.h: what an event must have to be listed
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "storyline-story.h"

G_BEGIN_DECLS

/* What an event must have to be listed: every part that is set. */
typedef struct _StorylineEventQuery StorylineEventQuery;

#define STORYLINE_TYPE_EVENT_QUERY (storyline_event_query_get_type ())

GType                storyline_event_query_get_type (void) G_GNUC_CONST;
StorylineEventQuery *storyline_event_query_new      (const char                *search,
                                                     StorylineActor            *actor,
                                                     StorylineSource           *source,
                                                     const char                *event_type,
                                                     const char                *tag);
void                 storyline_event_query_set_range (StorylineEventQuery      *query,
                                                     gint64                    from,
                                                     gint64                    to);
StorylineEventQuery *storyline_event_query_ref      (StorylineEventQuery       *query);
void                 storyline_event_query_unref    (StorylineEventQuery       *query);
gboolean             storyline_event_query_is_empty (const StorylineEventQuery *query);
gboolean             storyline_event_query_narrows  (const StorylineEventQuery *query,
                                                     const StorylineEventQuery *previous);
gboolean             storyline_event_query_matches  (const StorylineEventQuery *query,
                                                     StorylineEvent            *event,
                                                     const char                *folded_text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StorylineEventQuery, storyline_event_query_unref)

G_END_DECLS
