/* storyline-types.h: the small value types the story model shares
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _StorylineStory     StorylineStory;
typedef struct _StorylinePhase     StorylinePhase;
typedef struct _StorylineActor     StorylineActor;
typedef struct _StorylineEvent     StorylineEvent;
typedef struct _StorylineQuote     StorylineQuote;
typedef struct _StorylineRendition StorylineRendition;
typedef struct _StorylineSource    StorylineSource;

typedef enum
{
  STORYLINE_ACTOR_ORGANIZATION,
  STORYLINE_ACTOR_PERSON,
  STORYLINE_ACTOR_COUNTRY,
  STORYLINE_ACTOR_GROUP,
} StorylineActorKind;

typedef enum
{
  STORYLINE_RELATION_FOLLOWS,
  STORYLINE_RELATION_CAUSES,
  STORYLINE_RELATION_RESPONDS_TO,
  STORYLINE_RELATION_PART_OF,
} StorylineRelationKind;

typedef enum
{
  STORYLINE_NOTE_CORRECTION,
  STORYLINE_NOTE_CONTEXT,
  STORYLINE_NOTE_UNCERTAINTY,
} StorylineNoteKind;

typedef enum
{
  STORYLINE_QUOTE_STATEMENT,
  STORYLINE_QUOTE_SPOKEN,
  STORYLINE_QUOTE_WRITTEN,
  STORYLINE_QUOTE_TRANSLATED,
} StorylineQuoteKind;

typedef enum
{
  STORYLINE_RELIABILITY_UNKNOWN,
  STORYLINE_RELIABILITY_PRIMARY,
  STORYLINE_RELIABILITY_SECONDARY,
  STORYLINE_RELIABILITY_REWRITE,
} StorylineReliability;

/* A source cited from an event or a note, with where in it to look.
 * All pointers are owned by the story. */
typedef struct
{
  StorylineSource *source;
  char *locator;
  char *note;
} StorylineSourceRef;

typedef struct
{
  StorylineEvent *event;
  StorylineRelationKind relation;
} StorylineRelation;

typedef struct
{
  StorylineNoteKind kind;
  char *text;
  GArray *sources;   /* of StorylineSourceRef, or NULL */
} StorylineNote;

/* A CSL name: a person (family, given, particles, suffix) or an
 * organization (literal). */
typedef struct
{
  char *family;
  char *given;
  char *dropping_particle;
  char *non_dropping_particle;
  char *suffix;
  char *literal;
} StorylineName;

const char *storyline_actor_kind_to_string     (StorylineActorKind    kind);
const char *storyline_relation_kind_to_string  (StorylineRelationKind kind);
const char *storyline_note_kind_to_string      (StorylineNoteKind     kind);
const char *storyline_quote_kind_to_string     (StorylineQuoteKind    kind);
const char *storyline_reliability_to_string    (StorylineReliability  reliability);

G_END_DECLS
