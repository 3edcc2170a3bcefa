/* storyline-export-private.h: the export formats kept in files of their own
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "storyline-citation.h"
#include "storyline-story.h"

G_BEGIN_DECLS

/* storyline-export-markdown.c */
void storyline_export_markdown (StorylineStory         *story,
                                StorylineCitationStyle  style,
                                GString                *out);

G_END_DECLS
