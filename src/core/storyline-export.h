/* storyline-export.h: a story written in other formats
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "storyline-story.h"

G_BEGIN_DECLS

typedef enum
{
  STORYLINE_EXPORT_ALL_RENDITIONS = 1 << 0,   /* claimreview: every rendition, not only the altered */
} StorylineExportFlags;

const char * const *storyline_export_formats (void);
const char         *storyline_export_format_extension (const char *format);
char               *storyline_export_file_name (const char *name,
                                                const char *format);
gboolean            storyline_export         (StorylineStory *story,
                                              const char     *format,
                                              GString        *out);
gboolean            storyline_export_full    (StorylineStory *story,
                                              const char     *format,
                                              int             style,
                                              GString        *out);
gboolean            storyline_export_with_flags (StorylineStory       *story,
                                                 const char           *format,
                                                 int                   style,
                                                 StorylineExportFlags  flags,
                                                 GString              *out);

G_END_DECLS
