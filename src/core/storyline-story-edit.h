/* storyline-story-edit.h: changing a story in place, by the loader's rules
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "storyline-story.h"

G_BEGIN_DECLS

#define STORYLINE_EDIT_ERROR (storyline_edit_error_quark ())

typedef enum
{
  STORYLINE_EDIT_ERROR_INVALID,   /* the value breaks a rule of the format */
  STORYLINE_EDIT_ERROR_REFUSED    /* the change would leave a reference dangling */
} StorylineEditError;

/* What of an event can be changed on its own. Every value is a list of
 * strings: none for a field left out, one for a text field (a date as
 * its EDTF text), any number for tags and actors (actors by id), one id
 * for a phase; for the sources it cites, one a source: its id, then a
 * tab and the locator, then a tab and the note, when it has them; for
 * the events it is related to, one each: the event's id, a tab, the
 * relation (follows, causes, responds-to, part-of); for its notes, one
 * each, as the JSON object the format writes. */
typedef enum
{
  STORYLINE_EVENT_FIELD_TITLE,
  STORYLINE_EVENT_FIELD_DATE,
  STORYLINE_EVENT_FIELD_PLACE,
  STORYLINE_EVENT_FIELD_TYPE,
  STORYLINE_EVENT_FIELD_SUMMARY,
  STORYLINE_EVENT_FIELD_TAGS,
  STORYLINE_EVENT_FIELD_ACTORS,
  STORYLINE_EVENT_FIELD_PHASE,
  STORYLINE_EVENT_FIELD_SOURCES,
  STORYLINE_EVENT_FIELD_RELATED,
  STORYLINE_EVENT_FIELD_NOTES,
  STORYLINE_EVENT_N_FIELDS
} StorylineEventField;

/* The story's own texts. */
typedef enum
{
  STORYLINE_STORY_FIELD_TITLE,
  STORYLINE_STORY_FIELD_SUBTITLE,
  STORYLINE_STORY_FIELD_SUMMARY,
  STORYLINE_STORY_FIELD_PUBLISHER,
  STORYLINE_STORY_FIELD_URL,
  STORYLINE_STORY_N_FIELDS
} StorylineStoryField;

GQuark          storyline_edit_error_quark          (void);
gboolean        storyline_is_blank                  (const char          *text);

StorylineStory *storyline_story_new                 (const char          *title,
                                                     const char          *language);

char          **storyline_event_dup_field           (StorylineEvent      *event,
                                                     StorylineEventField  field);
gboolean        storyline_story_check_event_field   (StorylineStory      *self,
                                                     StorylineEventField  field,
                                                     const char * const  *value,
                                                     GError             **error);
void            storyline_story_set_event_field     (StorylineStory      *self,
                                                     StorylineEvent      *event,
                                                     StorylineEventField  field,
                                                     const char * const  *value);

char           *storyline_story_dup_field           (StorylineStory      *self,
                                                     StorylineStoryField  field);
gboolean        storyline_story_check_field         (StorylineStoryField  field,
                                                     const char          *value,
                                                     GError             **error);
void            storyline_story_set_field           (StorylineStory      *self,
                                                     StorylineStoryField  field,
                                                     const char          *value);

StorylineEvent *storyline_story_create_event        (StorylineStory      *self,
                                                     const char          *title,
                                                     const StorylineDate *date);
StorylineEvent *storyline_story_copy_event          (StorylineStory      *self,
                                                     StorylineEvent      *event);
guint           storyline_story_get_event_index     (StorylineStory      *self,
                                                     StorylineEvent      *event);
void            storyline_story_insert_event        (StorylineStory      *self,
                                                     StorylineEvent      *event,
                                                     guint                index);
gboolean        storyline_story_can_remove_event    (StorylineStory      *self,
                                                     StorylineEvent      *event,
                                                     GError             **error);
void            storyline_story_remove_event        (StorylineStory      *self,
                                                     StorylineEvent      *event);

StorylineActor *storyline_story_create_actor        (StorylineStory      *self,
                                                     const char          *name,
                                                     StorylineActorKind   kind);
void            storyline_story_insert_actor        (StorylineStory      *self,
                                                     StorylineActor      *actor);
void            storyline_story_insert_actor_at     (StorylineStory      *self,
                                                     StorylineActor      *actor,
                                                     guint                index);
gboolean        storyline_story_can_remove_actor    (StorylineStory      *self,
                                                     StorylineActor      *actor,
                                                     GError             **error);
void            storyline_story_remove_actor        (StorylineStory      *self,
                                                     StorylineActor      *actor);

G_END_DECLS
