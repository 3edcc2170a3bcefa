/* storyline-writer.h: a story as the file that opens it again
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "storyline-story.h"

G_BEGIN_DECLS

void     storyline_story_write (StorylineStory  *story,
                                GString         *out);
gboolean storyline_story_save  (StorylineStory  *story,
                                GFile           *file,
                                GCancellable    *cancellable,
                                GError         **error);

G_END_DECLS
