/* storyline-actor.h
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "storyline-date.h"
#include "storyline-types.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_ACTOR (storyline_actor_get_type ())

G_DECLARE_FINAL_TYPE (StorylineActor, storyline_actor, STORYLINE, ACTOR, GObject)

const char          *storyline_actor_get_id          (StorylineActor *self);
const char          *storyline_actor_get_name        (StorylineActor *self);
StorylineActorKind   storyline_actor_get_kind        (StorylineActor *self);
const char          *storyline_actor_get_role        (StorylineActor *self);
const char          *storyline_actor_get_description (StorylineActor *self);
const char * const  *storyline_actor_get_aliases     (StorylineActor *self);
StorylineActor      *storyline_actor_get_affiliation (StorylineActor *self);
guint                storyline_actor_get_n_events    (StorylineActor *self);
StorylineEvent      *storyline_actor_get_event       (StorylineActor *self,
                                                      guint           position);

G_END_DECLS
