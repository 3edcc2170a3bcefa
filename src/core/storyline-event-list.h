/* storyline-event-list.h: the events a list shows, in order, filtered
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "storyline-event-query.h"
#include "storyline-event-snapshot.h"
#include "storyline-story.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_EVENT_LIST (storyline_event_list_get_type ())

G_DECLARE_FINAL_TYPE (StorylineEventList, storyline_event_list, STORYLINE, EVENT_LIST, GObject)

/* Stories up to this many events are filtered at once on the caller's
 * thread; larger ones on worker threads, the result applied when ready. */
#define STORYLINE_EVENT_LIST_SYNC_LIMIT 20000

StorylineEventList *storyline_event_list_new           (void);
void                storyline_event_list_set_story     (StorylineEventList  *self,
                                                        StorylineStory      *story,
                                                        gboolean             newest_first);
void                storyline_event_list_set_query     (StorylineEventList  *self,
                                                        StorylineEventQuery *query);
guint               storyline_event_list_get_n_total   (StorylineEventList  *self);
guint               storyline_event_list_find          (StorylineEventList  *self,
                                                        StorylineEvent      *event);
StorylineEvent     *storyline_event_list_peek          (StorylineEventList  *self,
                                                        guint                position);
gboolean            storyline_event_list_is_filtering  (StorylineEventList  *self);
guint32            *storyline_event_list_dup_listed    (StorylineEventList      *self,
                                                        StorylineEventSnapshot **snapshot,
                                                        guint                   *n);
void                storyline_event_list_update_event  (StorylineEventList  *self,
                                                        StorylineEvent      *event);

G_END_DECLS
