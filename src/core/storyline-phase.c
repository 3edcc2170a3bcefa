/* storyline-phase.c: a named span of the story
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "storyline-model-private.h"

G_DEFINE_FINAL_TYPE (StorylinePhase, storyline_phase, G_TYPE_OBJECT)

static void
storyline_phase_finalize (GObject *object)
{
  StorylinePhase *self = (StorylinePhase *) object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->summary);
  g_clear_pointer (&self->events, g_ptr_array_unref);

  G_OBJECT_CLASS (storyline_phase_parent_class)->finalize (object);
}

static void
storyline_phase_class_init (StorylinePhaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = storyline_phase_finalize;
}

static void
storyline_phase_init (StorylinePhase *self)
{
}

const char *
storyline_phase_get_id (StorylinePhase *self)
{
  g_return_val_if_fail (STORYLINE_IS_PHASE (self), NULL);
  return self->id;
}

const char *
storyline_phase_get_title (StorylinePhase *self)
{
  g_return_val_if_fail (STORYLINE_IS_PHASE (self), NULL);
  return self->title;
}

const char *
storyline_phase_get_summary (StorylinePhase *self)
{
  g_return_val_if_fail (STORYLINE_IS_PHASE (self), NULL);
  return self->summary;
}

const StorylineDate *
storyline_phase_get_start (StorylinePhase *self)
{
  g_return_val_if_fail (STORYLINE_IS_PHASE (self), NULL);
  return &self->start;
}

const StorylineDate *
storyline_phase_get_end (StorylinePhase *self)
{
  g_return_val_if_fail (STORYLINE_IS_PHASE (self), NULL);
  return &self->end;
}

guint
storyline_phase_get_n_events (StorylinePhase *self)
{
  g_return_val_if_fail (STORYLINE_IS_PHASE (self), 0);
  return STORYLINE_ARRAY_LEN (self->events);
}

/**
 * storyline_phase_get_event:
 *
 * Returns: (transfer none) (nullable): the event at @position, in file order
 */
StorylineEvent *
storyline_phase_get_event (StorylinePhase *self,
                           guint           position)
{
  g_return_val_if_fail (STORYLINE_IS_PHASE (self), NULL);
  return STORYLINE_PTR_AT (self->events, position);
}
