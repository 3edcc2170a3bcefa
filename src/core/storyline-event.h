/* storyline-event.h
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "storyline-date.h"
#include "storyline-types.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_EVENT (storyline_event_get_type ())

G_DECLARE_FINAL_TYPE (StorylineEvent, storyline_event, STORYLINE, EVENT, GObject)

const char               *storyline_event_get_id         (StorylineEvent *self);
const char               *storyline_event_get_title      (StorylineEvent *self);
const char               *storyline_event_get_summary    (StorylineEvent *self);
const char               *storyline_event_get_place      (StorylineEvent *self);
const char               *storyline_event_get_event_type (StorylineEvent *self);
const char * const       *storyline_event_get_tags       (StorylineEvent *self);
const StorylineDate      *storyline_event_get_date       (StorylineEvent *self);
guint                     storyline_event_get_position   (StorylineEvent *self);
StorylinePhase           *storyline_event_get_phase      (StorylineEvent *self);

guint                     storyline_event_get_n_actors   (StorylineEvent *self);
StorylineActor           *storyline_event_get_actor      (StorylineEvent *self,
                                                          guint           position);
guint                     storyline_event_get_n_sources  (StorylineEvent *self);
const StorylineSourceRef *storyline_event_get_source     (StorylineEvent *self,
                                                          guint           position);
guint                     storyline_event_get_n_related  (StorylineEvent *self);
const StorylineRelation  *storyline_event_get_related    (StorylineEvent *self,
                                                          guint           position);
guint                     storyline_event_get_n_notes    (StorylineEvent *self);
const StorylineNote      *storyline_event_get_note       (StorylineEvent *self,
                                                          guint           position);
gboolean                  storyline_event_has_correction (StorylineEvent *self);
gboolean                  storyline_event_involves       (StorylineEvent  *self,
                                                          StorylineActor  *actor);
gboolean                  storyline_event_cites          (StorylineEvent  *self,
                                                          StorylineSource *source);
gboolean                  storyline_event_has_tag        (StorylineEvent  *self,
                                                          const char      *tag);
guint                     storyline_event_get_n_quotes   (StorylineEvent *self);
StorylineQuote           *storyline_event_get_quote      (StorylineEvent *self,
                                                          guint           position);
const char               *storyline_event_get_language   (StorylineEvent *self);
int                       storyline_event_compare        (StorylineEvent *a,
                                                          StorylineEvent *b);

G_END_DECLS
