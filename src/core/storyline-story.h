/* storyline-story.h
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "storyline-date.h"
#include "storyline-types.h"
#include "storyline-phase.h"
#include "storyline-actor.h"
#include "storyline-event.h"
#include "storyline-quote.h"
#include "storyline-rendition.h"
#include "storyline-source.h"

G_BEGIN_DECLS

/* A member of the file that Storyline does not know, kept so that saving
 * writes it back where it was: after the known key @after (NULL: first). */
typedef struct
{
  char *key;
  char *after;
  JsonNode *value;
} StorylineUnknownMember;

#define STORYLINE_TYPE_STORY (storyline_story_get_type ())

G_DECLARE_FINAL_TYPE (StorylineStory, storyline_story, STORYLINE, STORY, GObject)

#define STORYLINE_FORMAT_VERSION 1

const char          *storyline_story_get_title          (StorylineStory *self);
const char          *storyline_story_get_subtitle       (StorylineStory *self);
const char          *storyline_story_get_summary        (StorylineStory *self);
const char          *storyline_story_get_publisher      (StorylineStory *self);
const char          *storyline_story_get_url            (StorylineStory *self);
const char          *storyline_story_get_language       (StorylineStory *self);
const StorylineDate *storyline_story_get_updated        (StorylineStory *self);
const char          *storyline_story_get_schema         (StorylineStory *self);
GPtrArray           *storyline_story_get_unknown_members (StorylineStory *self,
                                                        gconstpointer   owner);
StorylineSource     *storyline_story_get_primary_source (StorylineStory *self);

GPtrArray           *storyline_story_get_phases         (StorylineStory *self);
GPtrArray           *storyline_story_get_actors         (StorylineStory *self);
GPtrArray           *storyline_story_get_events         (StorylineStory *self);
GPtrArray           *storyline_story_get_quotes         (StorylineStory *self);
GPtrArray           *storyline_story_get_sources        (StorylineStory *self);

StorylinePhase      *storyline_story_lookup_phase       (StorylineStory *self,
                                                         const char     *id);
StorylineActor      *storyline_story_lookup_actor       (StorylineStory *self,
                                                         const char     *id);
StorylineEvent      *storyline_story_lookup_event       (StorylineStory *self,
                                                         const char     *id);
StorylineQuote      *storyline_story_lookup_quote       (StorylineStory *self,
                                                         const char     *id);
StorylineSource     *storyline_story_lookup_source      (StorylineStory *self,
                                                         const char     *id);

GPtrArray           *storyline_story_dup_events_sorted  (StorylineStory *self);

G_END_DECLS
