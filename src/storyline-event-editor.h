/* storyline-event-editor.h: the form that changes the selected event
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storyline-edit-history.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_EVENT_EDITOR (storyline_event_editor_get_type ())

G_DECLARE_FINAL_TYPE (StorylineEventEditor, storyline_event_editor, STORYLINE, EVENT_EDITOR, GtkWidget)

void            storyline_event_editor_set_history  (StorylineEventEditor *self,
                                                     StorylineEditHistory *history);
void            storyline_event_editor_set_event    (StorylineEventEditor *self,
                                                     StorylineEvent       *event);
StorylineEvent *storyline_event_editor_get_event    (StorylineEventEditor *self);
void            storyline_event_editor_focus_title  (StorylineEventEditor *self);
void            storyline_event_editor_focus_story_title (StorylineEventEditor *self);
gboolean        storyline_event_editor_has_problems (StorylineEventEditor *self);

G_END_DECLS
