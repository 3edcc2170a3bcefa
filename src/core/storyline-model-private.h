/* storyline-model-private.h: the model's fields, for the reader that fills them
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "storyline-story.h"
#include "storyline-strings.h"

G_BEGIN_DECLS

/* Ownership: the story owns every object in its arrays. Links between
 * objects (an event's actors, a source's citing events) are borrowed
 * pointers, valid while the story lives; holding a reference to the story
 * keeps them valid. Arrays that would be empty stay NULL. */

struct _StorylineStory
{
  GObject parent_instance;

  char *title;
  char *subtitle;
  char *publisher;   /* who publishes the story, named in its reviews */
  char *url;         /* where it is published */
  char *summary;
  char *language;
  char *schema;               /* the file's "$schema", written back */
  StorylineDate updated;
  StorylineSource *primary_source;
  int version;

  GPtrArray *phases;
  GPtrArray *actors;
  GPtrArray *events;
  GPtrArray *quotes;
  GPtrArray *sources;

  GHashTable *phase_index;
  GHashTable *actor_index;
  GHashTable *event_index;
  GHashTable *quote_index;
  GHashTable *source_index;

  StorylineStrings *strings;
  guint next_position;        /* for an event made in the window: 0 until the first */
  /* What an edit replaced, kept while the story lives: a search on a
   * worker thread may still be reading it. NULL until the first. */
  GPtrArray *retired;
  /* The items Open Anyway left out (StorylineLeftOut), in the order of
   * the file: written back where they were. NULL when there are none. */
  GPtrArray *left_out;

  /* Members of the file Storyline does not know, kept to be written back:
   * the object they were in (NULL for the top object) → GPtrArray of
   * StorylineUnknownMember. NULL when there are none. */
  GHashTable *unknown;
};

struct _StorylinePhase
{
  GObject parent_instance;

  char *id;
  char *title;
  char *summary;
  StorylineDate start;
  StorylineDate end;

  GPtrArray *events;          /* borrowed */
};

struct _StorylineActor
{
  GObject parent_instance;

  char *id;
  char *name;
  char *role;
  char *description;
  char **aliases;
  StorylineActorKind kind;
  StorylineActor *affiliation; /* borrowed */

  GPtrArray *events;          /* borrowed */
};

/* What few events have, kept apart so that the many without it stay
 * small: in the story's strings, made when an event first needs it. */
typedef struct
{
  StorylinePhase *phase;      /* borrowed */
  GArray *related;            /* of StorylineRelation */
  GArray *notes;              /* of StorylineNote */
  GPtrArray *quotes;          /* borrowed */
} StorylineEventExtras;

StorylineEventExtras *storyline_event_ensure_extras (StorylineEvent *event);

#define STORYLINE_EVENT_EXTRA(event, field) ((event)->extras != NULL ? (event)->extras->field : NULL)

/* Every byte here is paid 200,000 times in a large story: 136 bytes, so
 * that with malloc's header it is a 144-byte chunk. */
struct _StorylineEvent
{
  GObject parent_instance;

  const char *id;             /* first, as in every object: see below */
  /* Text and arrays in the story's strings, which also know its language. */
  StorylineStrings *strings;
  const char *title;
  const char *summary;
  const char *place;
  const char *type;
  const char **tags;
  StorylineDate date;
  guint position;             /* index in the file */

  StorylineActor **actors;    /* n_actors of them, borrowed */
  StorylineSourceRef *sources;/* n_sources of them */
  guint n_actors;
  guint n_sources;
  StorylineEventExtras *extras;
};

struct _StorylineQuote
{
  GObject parent_instance;

  char *id;
  char *text;
  char *language;
  StorylineDate said;
  StorylineQuoteKind kind;
  StorylineStrings *strings;  /* the story's, for its language */

  StorylineActor *speaker;    /* borrowed */
  StorylineEvent *event;      /* borrowed */
  StorylineSource *origin;    /* borrowed */
  GPtrArray *renditions;      /* owned */
};

struct _StorylineRendition
{
  GObject parent_instance;

  char *text;
  char *locator;
  char *prefix;
  char *suffix;
  char *note;                 /* what is known of the printed text */

  StorylineSource *source;    /* borrowed */
  StorylineQuote *quote;      /* borrowed */
};

struct _StorylineSource
{
  GObject parent_instance;

  char *id;
  char *type;
  char *title;
  char *container_title;
  char *publisher;
  char *publisher_place;
  char *url;
  char *genre;
  char *language;
  char *note;
  char *archive;
  char *archive_location;
  char *archived_url;
  char *issued_literal;
  StorylineDate issued;
  StorylineDate accessed;
  StorylineReliability reliability;
  GArray *authors;            /* of StorylineName */

  JsonObject *item;           /* the CSL-JSON item as read, for export:
                                 made from item_json when first asked for */
  char *item_json;

  GPtrArray *derived_from;    /* borrowed */
  GPtrArray *events;          /* borrowed: the events that cite it */
};

StorylineStory     *storyline_story_new_empty  (void);
char               *storyline_free_id          (GHashTable        *index,
                                                const char        *base);
char               *storyline_id_from_text     (const char        *text,
                                                const char        *fallback,
                                                gsize              max_length);
guint               storyline_story_next_position (StorylineStory *story);
void                storyline_story_retire     (StorylineStory    *story,
                                                gpointer           data,
                                                GDestroyNotify     free_func);

void                storyline_source_ref_clear (StorylineSourceRef *ref);
void                storyline_note_clear       (StorylineNote      *note);
void                storyline_name_clear       (StorylineName      *name);

/* Appends @item to the array in *@array, creating it on first use. */
void                storyline_ptr_array_add    (GPtrArray         **array,
                                                gpointer            item,
                                                GDestroyNotify      free_func);


#define STORYLINE_ARRAY_LEN(a) ((a) != NULL ? (a)->len : 0u)
#define STORYLINE_PTR_AT(a, i) ((a) != NULL && (i) < (a)->len ? g_ptr_array_index ((a), (i)) : NULL)
#define STORYLINE_ITEM_AT(a, T, i) ((a) != NULL && (i) < (a)->len ? &g_array_index ((a), T, (i)) : NULL)

G_END_DECLS
