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
  STORYLINE_CITATION_APA,            /* APA 7th edition, reference list */
  STORYLINE_CITATION_CHICAGO,        /* Chicago 18th edition, bibliography */
  STORYLINE_CITATION_CHICAGO_NOTE,   /* Chicago 18th edition, first full note */
  STORYLINE_CITATION_MLA,            /* MLA 9th edition, works cited */
} StorylineCitationStyle;

#define STORYLINE_TYPE_CITATION_STYLE (storyline_citation_style_get_type ())

GType storyline_citation_style_get_type (void) G_GNUC_CONST;

typedef enum
{
  STORYLINE_MARKUP_TEXT,     /* plain text */
  STORYLINE_MARKUP_HTML,     /* <i> for italics, text escaped */
  STORYLINE_MARKUP_PANGO,    /* Pango markup for a GtkLabel, text escaped */
} StorylineMarkup;

const char *storyline_citation_style_to_string (StorylineCitationStyle style);
gboolean    storyline_citation_style_from_string (const char          *name,
                                                  StorylineCitationStyle *style);
char *storyline_title_case          (const char             *title);
char *storyline_source_format_in_style (StorylineSource     *source,
                                        StorylineCitationStyle style,
                                        StorylineMarkup      markup);
char *storyline_source_format       (StorylineSource        *source,
                                     StorylineCitationStyle  style,
                                     StorylineMarkup         markup);

char *storyline_source_format_in_text (StorylineSource        *source,
                                       StorylineCitationStyle  style,
                                       const char             *locator,
                                       StorylineMarkup         markup);
void  storyline_locator_parse         (const char  *locator,
                                       char       **label,
                                       char       **value);

char *storyline_source_format_simple (StorylineSource *source);
char *storyline_source_format_names  (StorylineSource *source);
char *storyline_source_dup_provenance (StorylineSource *source);
const char *storyline_source_get_short_name (StorylineSource *source);

G_END_DECLS
