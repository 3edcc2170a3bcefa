/* storyline-event-row.h: one event in the list
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storyline-story.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_EVENT_ROW (storyline_event_row_get_type ())

G_DECLARE_FINAL_TYPE (StorylineEventRow, storyline_event_row, STORYLINE, EVENT_ROW, GtkWidget)

GtkWidget      *storyline_event_row_new              (void);
StorylineEvent *storyline_event_row_get_event        (StorylineEventRow *self);
void            storyline_event_row_set_event        (StorylineEventRow *self,
                                                      StorylineEvent    *event);
void            storyline_event_row_show             (StorylineEventRow *self,
                                                      StorylineEvent    *event,
                                                      const char        *search);
gboolean        storyline_event_row_shows            (StorylineEventRow *self,
                                                      StorylineEvent    *event,
                                                      const char        *search);
void            storyline_event_row_set_year_heading (StorylineEventRow *self,
                                                      gboolean           show);

void            storyline_event_row_set_cited_source (StorylineEventRow *self,
                                                      StorylineSource   *source);
gboolean        storyline_event_row_get_cites_selected_source (StorylineEventRow *self);
char           *storyline_event_row_dup_title_tooltip (StorylineEventRow *self);

void storyline_event_row_refresh (StorylineEventRow *self);

G_END_DECLS
