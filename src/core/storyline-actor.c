/* storyline-actor.c: a person, organization, country or group
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "storyline-model-private.h"

G_DEFINE_FINAL_TYPE (StorylineActor, storyline_actor, G_TYPE_OBJECT)

static void
storyline_actor_finalize (GObject *object)
{
  StorylineActor *self = (StorylineActor *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->role);
  g_free (self->description);
  g_strfreev (self->aliases);
  g_clear_pointer (&self->events, g_ptr_array_unref);

  G_OBJECT_CLASS (storyline_actor_parent_class)->finalize (object);
}

static void
storyline_actor_class_init (StorylineActorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = storyline_actor_finalize;
}

static void
storyline_actor_init (StorylineActor *self)
{
}

const char *
storyline_actor_get_id (StorylineActor *self)
{
  g_return_val_if_fail (STORYLINE_IS_ACTOR (self), NULL);
  return self->id;
}

const char *
storyline_actor_get_name (StorylineActor *self)
{
  g_return_val_if_fail (STORYLINE_IS_ACTOR (self), NULL);
  return self->name;
}

StorylineActorKind
storyline_actor_get_kind (StorylineActor *self)
{
  g_return_val_if_fail (STORYLINE_IS_ACTOR (self), 0);
  return self->kind;
}

const char *
storyline_actor_get_role (StorylineActor *self)
{
  g_return_val_if_fail (STORYLINE_IS_ACTOR (self), NULL);
  return self->role;
}

const char *
storyline_actor_get_description (StorylineActor *self)
{
  g_return_val_if_fail (STORYLINE_IS_ACTOR (self), NULL);
  return self->description;
}

/**
 * storyline_actor_get_aliases:
 *
 * Returns: (transfer none) (nullable): other spellings of the name
 */
const char * const *
storyline_actor_get_aliases (StorylineActor *self)
{
  g_return_val_if_fail (STORYLINE_IS_ACTOR (self), NULL);
  return (const char * const *) self->aliases;
}

/**
 * storyline_actor_get_affiliation:
 *
 * Returns: (transfer none) (nullable): the actor this one belongs to
 */
StorylineActor *
storyline_actor_get_affiliation (StorylineActor *self)
{
  g_return_val_if_fail (STORYLINE_IS_ACTOR (self), NULL);
  return self->affiliation;
}

guint
storyline_actor_get_n_events (StorylineActor *self)
{
  g_return_val_if_fail (STORYLINE_IS_ACTOR (self), 0);
  return STORYLINE_ARRAY_LEN (self->events);
}

/**
 * storyline_actor_get_event:
 *
 * Returns: (transfer none) (nullable): an event the actor takes part in
 */
StorylineEvent *
storyline_actor_get_event (StorylineActor *self,
                           guint           position)
{
  g_return_val_if_fail (STORYLINE_IS_ACTOR (self), NULL);
  return STORYLINE_PTR_AT (self->events, position);
}
