/* storyline-story-loader.h: the story a window shows, loaded and kept
 * loaded: progress, cancelling, problems and live reload
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "storyline-load-progress.h"
#include "storyline-story.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_STORY_LOADER (storyline_story_loader_get_type ())

G_DECLARE_FINAL_TYPE (StorylineStoryLoader, storyline_story_loader, STORYLINE, STORY_LOADER, GObject)

StorylineStoryLoader  *storyline_story_loader_new                (void);
void                   storyline_story_loader_load_file          (StorylineStoryLoader *self,
                                                                  GFile                *file);
gboolean storyline_story_loader_get_anyway (StorylineStoryLoader *self);
void storyline_story_loader_load_file_anyway (StorylineStoryLoader *self,
                                              GFile                *file);
void                   storyline_story_loader_load_bytes         (StorylineStoryLoader *self,
                                                                  GBytes               *bytes);
void                   storyline_story_loader_cancel             (StorylineStoryLoader *self);
StorylineStory        *storyline_story_loader_get_story          (StorylineStoryLoader *self);
GPtrArray *storyline_story_loader_get_problems (StorylineStoryLoader *self);
GFile                 *storyline_story_loader_get_file           (StorylineStoryLoader *self);
GFile                 *storyline_story_loader_get_loading_file   (StorylineStoryLoader *self);
gboolean               storyline_story_loader_get_loading_bundled (StorylineStoryLoader *self);
gboolean               storyline_story_loader_is_loading         (StorylineStoryLoader *self);
void                   storyline_story_loader_set_hold           (StorylineStoryLoader *self,
                                                                  gboolean              hold);
gboolean               storyline_story_loader_changed_on_disk    (StorylineStoryLoader *self);
void                   storyline_story_loader_saved              (StorylineStoryLoader *self,
                                                                  GFile                *file);
StorylineLoadProgress *storyline_story_loader_get_progress       (StorylineStoryLoader *self);

G_END_DECLS
