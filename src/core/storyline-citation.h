/* storyline-citation.h: a source written out for a reader
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "storyline-story.h"

G_BEGIN_DECLS

typedef enum
{
  STORYLINE_CITATION_APA,
} StorylineCitationStyle;

typedef enum
{
  STORYLINE_MARKUP_TEXT,     /* plain text */
  STORYLINE_MARKUP_HTML,     /* <i> for italics, text escaped */
  STORYLINE_MARKUP_PANGO,    /* Pango markup for a GtkLabel, text escaped */
} StorylineMarkup;

char *storyline_source_format       (StorylineSource        *source,
                                     StorylineCitationStyle  style,
                                     StorylineMarkup         markup);

char *storyline_source_format_simple (StorylineSource *source);
char *storyline_source_format_names  (StorylineSource *source);
char *storyline_source_dup_provenance (StorylineSource *source);
const char *storyline_source_get_short_name (StorylineSource *source);

G_END_DECLS
