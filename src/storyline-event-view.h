/* storyline-event-view.h: the selected event, its notes and its quotes
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storyline-citation.h"

#include "storyline-story.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_EVENT_VIEW (storyline_event_view_get_type ())

G_DECLARE_FINAL_TYPE (StorylineEventView, storyline_event_view, STORYLINE, EVENT_VIEW, GtkWidget)

StorylineEvent *storyline_event_view_get_event    (StorylineEventView *self);
void            storyline_event_view_set_event    (StorylineEventView *self,
                                                   StorylineEvent     *event);
guint           storyline_event_view_get_n_quotes (StorylineEventView *self);
void            storyline_event_view_set_citation_style (StorylineEventView     *self,
                                                         StorylineCitationStyle  style);
StorylineCitationStyle storyline_event_view_get_citation_style (StorylineEventView *self);

void            storyline_event_view_set_search (StorylineEventView *self,
                                                 const char         *search);

G_END_DECLS
