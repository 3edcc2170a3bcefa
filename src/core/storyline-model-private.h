/* storyline-model-private.h: the model's fields, for the reader that fills them
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "storyline-story.h"

G_BEGIN_DECLS

/* The text of a story's many small objects, kept together: no allocation
 * per string, and the words that repeat (types, places, tags) once. The
 * story and each object that points into it hold a reference. */
typedef struct _StorylineStrings StorylineStrings;

StorylineStrings   *storyline_strings_new      (void);
StorylineStrings   *storyline_strings_ref      (StorylineStrings *strings);
void                storyline_strings_unref    (StorylineStrings *strings);
const char         *storyline_strings_add      (StorylineStrings *strings,
                                                const char       *text);
const char         *storyline_strings_intern   (StorylineStrings *strings,
                                                const char       *text);
gpointer            storyline_strings_alloc    (StorylineStrings *strings,
                                                gsize             size);

/* Ownership: the story owns every object in its arrays. Links between
 * objects (an event's actors, a source's citing events) are borrowed
 * pointers, valid while the story lives; holding a reference to the story
 * keeps them valid. Arrays that would be empty stay NULL. */

struct _StorylineStory
{
  GObject parent_instance;

  char *title;
  char *subtitle;
  char *summary;
  char *language;
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

struct _StorylineEvent
{
  GObject parent_instance;

  /* Text and arrays in the story's strings. */
  StorylineStrings *strings;
  const char *id;
  const char *title;
  const char *summary;
  const char *place;
  const char *type;
  const char **tags;
  StorylineDate date;
  guint position;             /* index in the file */
  StorylineStory *story;      /* borrowed: the story owns the event */

  StorylinePhase *phase;      /* borrowed */
  StorylineActor **actors;    /* n_actors of them, borrowed */
  StorylineSourceRef *sources;/* n_sources of them */
  guint n_actors;
  guint n_sources;
  GArray *related;            /* of StorylineRelation */
  GArray *notes;              /* of StorylineNote */
  GPtrArray *quotes;          /* borrowed */
};

struct _StorylineQuote
{
  GObject parent_instance;

  char *id;
  char *text;
  char *language;
  StorylineDate said;
  StorylineQuoteKind kind;
  StorylineStory *story;      /* borrowed */

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
