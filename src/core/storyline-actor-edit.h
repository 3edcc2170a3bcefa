/* storyline-actor-edit.h: changing a story's actors and phases
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "storyline-story-edit.h"

G_BEGIN_DECLS

/* What of an actor can be changed on its own: text, the kind as the
 * format's word (organization, person, country, group), the aliases one
 * a line. */
typedef enum
{
  STORYLINE_ACTOR_FIELD_NAME,
  STORYLINE_ACTOR_FIELD_KIND,
  STORYLINE_ACTOR_FIELD_ROLE,
  STORYLINE_ACTOR_FIELD_DESCRIPTION,
  STORYLINE_ACTOR_FIELD_ALIASES,
  STORYLINE_ACTOR_FIELD_AFFILIATION,
  STORYLINE_ACTOR_N_FIELDS
} StorylineActorField;

/* And of a phase: text, the dates as EDTF text. */
typedef enum
{
  STORYLINE_PHASE_FIELD_TITLE,
  STORYLINE_PHASE_FIELD_START,
  STORYLINE_PHASE_FIELD_END,
  STORYLINE_PHASE_FIELD_SUMMARY,
  STORYLINE_PHASE_N_FIELDS
} StorylinePhaseField;

const char * const *storyline_actor_field_names          (void);
const char * const *storyline_phase_field_names          (void);

char               *storyline_actor_dup_field            (StorylineActor       *actor,
                                                          StorylineActorField   field);
gboolean            storyline_story_check_actor_field    (StorylineStory       *self,
                                                          StorylineActor       *actor,
                                                          StorylineActorField   field,
                                                          const char           *value,
                                                          GError              **error);
void                storyline_story_set_actor_field      (StorylineStory       *self,
                                                          StorylineActor       *actor,
                                                          StorylineActorField   field,
                                                          const char           *value);

char               *storyline_phase_dup_field            (StorylinePhase       *phase,
                                                          StorylinePhaseField   field);
gboolean            storyline_story_check_phase_field    (StorylineStory       *self,
                                                          StorylinePhase       *phase,
                                                          StorylinePhaseField   field,
                                                          const char           *value,
                                                          GError              **error);
void                storyline_story_set_phase_field      (StorylineStory       *self,
                                                          StorylinePhase       *phase,
                                                          StorylinePhaseField   field,
                                                          const char           *value);

StorylinePhase     *storyline_story_create_phase         (StorylineStory       *self,
                                                          const char           *title,
                                                          const StorylineDate  *start,
                                                          const StorylineDate  *end);
guint               storyline_story_get_phase_index      (StorylineStory       *self,
                                                          StorylinePhase       *phase);
void                storyline_story_insert_phase         (StorylineStory       *self,
                                                          StorylinePhase       *phase,
                                                          guint                 index);
gboolean            storyline_story_can_remove_phase     (StorylineStory       *self,
                                                          StorylinePhase       *phase,
                                                          GError              **error);
void                storyline_story_remove_phase         (StorylineStory       *self,
                                                          StorylinePhase       *phase);
guint               storyline_story_get_actor_index      (StorylineStory       *self,
                                                          StorylineActor       *actor);

G_END_DECLS
