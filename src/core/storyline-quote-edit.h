/* storyline-quote-edit.h: changing a story's quotes and their renditions
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "storyline-story-edit.h"

G_BEGIN_DECLS

/* What of a quote can be changed on its own. Every value is one string,
 * or %NULL for a field left out: references by id (speaker an actor,
 * event an event, origin a source), said as its EDTF text, kind one of
 * the format's words. */
typedef enum
{
  STORYLINE_QUOTE_FIELD_TEXT,
  STORYLINE_QUOTE_FIELD_SPEAKER,
  STORYLINE_QUOTE_FIELD_EVENT,
  STORYLINE_QUOTE_FIELD_SAID,
  STORYLINE_QUOTE_FIELD_ORIGIN,
  STORYLINE_QUOTE_FIELD_KIND,
  STORYLINE_QUOTE_FIELD_LANGUAGE,
  STORYLINE_QUOTE_N_FIELDS
} StorylineQuoteField;

/* And of a rendition: source by id, the rest text. */
typedef enum
{
  STORYLINE_RENDITION_FIELD_SOURCE,
  STORYLINE_RENDITION_FIELD_TEXT,
  STORYLINE_RENDITION_FIELD_LOCATOR,
  STORYLINE_RENDITION_FIELD_PREFIX,
  STORYLINE_RENDITION_FIELD_SUFFIX,
  STORYLINE_RENDITION_FIELD_NOTE,
  STORYLINE_RENDITION_N_FIELDS
} StorylineRenditionField;

const char * const *storyline_quote_field_names          (void);
const char * const *storyline_rendition_field_names      (void);

char               *storyline_quote_dup_field            (StorylineQuote          *quote,
                                                          StorylineQuoteField      field);
gboolean            storyline_story_check_quote_field    (StorylineStory          *self,
                                                          StorylineQuoteField      field,
                                                          const char              *value,
                                                          GError                 **error);
void                storyline_story_set_quote_field      (StorylineStory          *self,
                                                          StorylineQuote          *quote,
                                                          StorylineQuoteField      field,
                                                          const char              *value);

char               *storyline_rendition_dup_field        (StorylineRendition      *rendition,
                                                          StorylineRenditionField  field);
gboolean            storyline_story_check_rendition_field (StorylineStory         *self,
                                                          StorylineRenditionField  field,
                                                          const char              *value,
                                                          GError                 **error);
void                storyline_story_set_rendition_field  (StorylineStory          *self,
                                                          StorylineRendition      *rendition,
                                                          StorylineRenditionField  field,
                                                          const char              *value);

StorylineQuote     *storyline_story_create_quote         (StorylineStory          *self,
                                                          StorylineEvent          *event,
                                                          StorylineActor          *speaker,
                                                          const char              *text);
guint               storyline_story_get_quote_index      (StorylineStory          *self,
                                                          StorylineQuote          *quote);
void                storyline_story_insert_quote         (StorylineStory          *self,
                                                          StorylineQuote          *quote,
                                                          guint                    index);
void                storyline_story_remove_quote         (StorylineStory          *self,
                                                          StorylineQuote          *quote);

StorylineRendition *storyline_story_create_rendition     (StorylineStory          *self,
                                                          StorylineSource         *source,
                                                          const char              *text);
guint               storyline_quote_get_rendition_index  (StorylineQuote          *quote,
                                                          StorylineRendition      *rendition);
void                storyline_story_insert_rendition     (StorylineStory          *self,
                                                          StorylineQuote          *quote,
                                                          StorylineRendition      *rendition,
                                                          guint                    index);
void                storyline_story_remove_rendition     (StorylineStory          *self,
                                                          StorylineRendition      *rendition);

G_END_DECLS
