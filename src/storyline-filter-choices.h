/* storyline-filter-choices.h: the actor, type and tag an event list is narrowed to
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storyline-event-filter.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_FILTER_CHOICES (storyline_filter_choices_get_type ())

G_DECLARE_FINAL_TYPE (StorylineFilterChoices, storyline_filter_choices, STORYLINE, FILTER_CHOICES, GtkWidget)

StorylineEventFilter *storyline_filter_choices_get_filter (StorylineFilterChoices *self);
void                  storyline_filter_choices_set_filter (StorylineFilterChoices *self,
                                                           StorylineEventFilter   *filter);
void                  storyline_filter_choices_set_story  (StorylineFilterChoices *self,
                                                           StorylineStory         *story);

G_END_DECLS
