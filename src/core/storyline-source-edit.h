/* storyline-source-edit.h: changing a story's sources, as CSL-JSON items
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "storyline-story-edit.h"

G_BEGIN_DECLS

const char * const *storyline_source_common_types     (void);

JsonObject         *storyline_source_copy_item        (StorylineSource  *source);
JsonObject         *storyline_source_item_with        (StorylineSource  *source,
                                                       const char       *key,
                                                       JsonNode         *value);
gboolean            storyline_story_check_source_item (StorylineStory   *self,
                                                       StorylineSource  *source,
                                                       JsonObject       *item,
                                                       GError          **error);
char               *storyline_story_dup_source_item_warning (StorylineStory  *self,
                                                             StorylineSource *source,
                                                             JsonObject      *item);
void                storyline_story_set_source_item   (StorylineStory   *self,
                                                       StorylineSource  *source,
                                                       JsonObject       *item);

StorylineSource    *storyline_story_create_source     (StorylineStory   *self,
                                                       const char       *type,
                                                       const char       *title);
guint               storyline_story_get_source_index  (StorylineStory   *self,
                                                       StorylineSource  *source);
void                storyline_story_insert_source     (StorylineStory   *self,
                                                       StorylineSource  *source,
                                                       guint             index);
gboolean            storyline_story_can_remove_source (StorylineStory   *self,
                                                       StorylineSource  *source,
                                                       GError          **error);
void                storyline_story_remove_source     (StorylineStory   *self,
                                                       StorylineSource  *source);

G_END_DECLS
