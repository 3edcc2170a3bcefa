/* storyline-event-filter.h: which events the list shows
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storyline-event-list.h"
#include "storyline-story.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_EVENT_FILTER (storyline_event_filter_get_type ())

G_DECLARE_FINAL_TYPE (StorylineEventFilter, storyline_event_filter, STORYLINE, EVENT_FILTER, GObject)

StorylineEventFilter *storyline_event_filter_new         (void);
void             storyline_event_filter_set_story        (StorylineEventFilter *self,
                                                          StorylineStory       *story);
const char      *storyline_event_filter_get_search       (StorylineEventFilter *self);
void             storyline_event_filter_set_search       (StorylineEventFilter *self,
                                                          const char           *search);
StorylineActor  *storyline_event_filter_get_actor        (StorylineEventFilter *self);
void             storyline_event_filter_set_actor        (StorylineEventFilter *self,
                                                          StorylineActor       *actor);
StorylineSource *storyline_event_filter_get_source       (StorylineEventFilter *self);
void             storyline_event_filter_set_source       (StorylineEventFilter *self,
                                                          StorylineSource      *source);
const char      *storyline_event_filter_get_event_type   (StorylineEventFilter *self);
void             storyline_event_filter_set_event_type   (StorylineEventFilter *self,
                                                          const char           *type);
const char      *storyline_event_filter_get_tag          (StorylineEventFilter *self);
void             storyline_event_filter_set_tag          (StorylineEventFilter *self,
                                                          const char           *tag);
void             storyline_event_filter_set_range        (StorylineEventFilter *self,
                                                          gint64                from,
                                                          gint64                to);
void             storyline_event_filter_clear_range      (StorylineEventFilter *self);
gboolean         storyline_event_filter_get_range        (StorylineEventFilter *self,
                                                          gint64               *from,
                                                          gint64               *to);
gboolean         storyline_event_filter_is_active        (StorylineEventFilter *self);
void             storyline_event_filter_clear            (StorylineEventFilter *self);
StorylineEventQuery *storyline_event_filter_dup_query    (StorylineEventFilter *self);

G_END_DECLS
