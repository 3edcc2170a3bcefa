/* storyline-event-list-view.h: the events pane: the list of events, its
 * count, and what to do when nothing matches
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storyline-event-rows.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_EVENT_LIST_VIEW (storyline_event_list_view_get_type ())

G_DECLARE_FINAL_TYPE (StorylineEventListView, storyline_event_list_view, STORYLINE, EVENT_LIST_VIEW, GtkWidget)

GtkListView *storyline_event_list_view_get_list_view     (StorylineEventListView *self);
void         storyline_event_list_view_set_model         (StorylineEventListView *self,
                                                          GtkSelectionModel      *model,
                                                          StorylineEventRows     *rows);
void         storyline_event_list_view_set_counts        (StorylineEventListView *self,
                                                          guint                   shown,
                                                          guint                   total);
void         storyline_event_list_view_set_cited_source  (StorylineEventListView *self,
                                                          StorylineSource        *source);
void         storyline_event_list_view_scroll_to         (StorylineEventListView *self,
                                                          guint                   position);
void         storyline_event_list_view_refresh_rows      (StorylineEventListView *self,
                                                          gboolean                large);

void         storyline_event_list_view_refresh_event     (StorylineEventListView *self,
                                                          StorylineEvent         *event);
void storyline_event_list_view_set_search (StorylineEventListView *self,
                                           const char             *search);

G_END_DECLS
