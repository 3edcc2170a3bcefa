/* storyline-window.h
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storyline-application.h"
#include "storyline-story.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_WINDOW (storyline_window_get_type ())

G_DECLARE_FINAL_TYPE (StorylineWindow, storyline_window, STORYLINE, WINDOW, GtkApplicationWindow)

StorylineWindow *storyline_window_new           (StorylineApplication *application);
void             storyline_window_load_file     (StorylineWindow      *self,
                                                 GFile                *file);
void             storyline_window_load_resource (StorylineWindow      *self,
                                                 const char           *path);
StorylineStory  *storyline_window_get_story     (StorylineWindow      *self);

G_END_DECLS
