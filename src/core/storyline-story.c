/* storyline-story.c: a whole story, owner of everything in it
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-model-private.h"

/* The indexes by id find each object's id at the same offset. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (StorylinePhase, id) == STORYLINE_ID_OFFSET);
G_STATIC_ASSERT (G_STRUCT_OFFSET (StorylineActor, id) == STORYLINE_ID_OFFSET);
G_STATIC_ASSERT (G_STRUCT_OFFSET (StorylineEvent, id) == STORYLINE_ID_OFFSET);
G_STATIC_ASSERT (G_STRUCT_OFFSET (StorylineQuote, id) == STORYLINE_ID_OFFSET);
G_STATIC_ASSERT (G_STRUCT_OFFSET (StorylineSource, id) == STORYLINE_ID_OFFSET);

G_DEFINE_FINAL_TYPE (StorylineStory, storyline_story, G_TYPE_OBJECT)

static void
storyline_story_finalize (GObject *object)
{
  StorylineStory *self = (StorylineStory *) object;

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->publisher);
  g_free (self->url);
  g_free (self->summary);
  g_free (self->language);
  g_free (self->schema);
  g_clear_pointer (&self->unknown, g_hash_table_unref);

  /* The indexes borrow the ids of the objects: drop them first. */
  g_clear_pointer (&self->phase_index, g_hash_table_unref);
  g_clear_pointer (&self->actor_index, g_hash_table_unref);
  g_clear_pointer (&self->event_index, g_hash_table_unref);
  g_clear_pointer (&self->quote_index, g_hash_table_unref);
  g_clear_pointer (&self->source_index, g_hash_table_unref);

  g_clear_pointer (&self->phases, g_ptr_array_unref);
  g_clear_pointer (&self->actors, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->quotes, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);

  g_clear_pointer (&self->strings, storyline_strings_unref);
  g_clear_pointer (&self->retired, g_ptr_array_unref);
  g_clear_pointer (&self->left_out, g_ptr_array_unref);

  G_OBJECT_CLASS (storyline_story_parent_class)->finalize (object);
}

static void
storyline_story_class_init (StorylineStoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = storyline_story_finalize;

  /**
   * StorylineStory::event-changed:
   * @event: the event
   * @field: the #StorylineEventField that changed
   *
   * Emitted after an event was changed in place (see
   * storyline_story_set_event_field()).
   */
  g_signal_new ("event-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 2, STORYLINE_TYPE_EVENT, G_TYPE_UINT);

  /**
   * StorylineStory::events-changed:
   * @event: the event
   *
   * Emitted after @event was added to the story or removed from it.
   */
  g_signal_new ("events-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 1, STORYLINE_TYPE_EVENT);

  /**
   * StorylineStory::actors-changed:
   *
   * Emitted after an actor was added to the story or removed from it.
   */
  g_signal_new ("actors-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * StorylineStory::changed:
   * @field: the #StorylineStoryField that changed
   *
   * Emitted after the story's title, subtitle or summary changed.
   */
  g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * StorylineStory::actor-changed:
   * @actor: the actor
   *
   * Emitted after a field of @actor changed (its name, say).
   */
  g_signal_new ("actor-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 1, STORYLINE_TYPE_ACTOR);

  /**
   * StorylineStory::phases-changed:
   *
   * Emitted after a phase was added, removed or changed.
   */
  g_signal_new ("phases-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * StorylineStory::left-out-changed:
   *
   * Emitted after an item Open Anyway left out was put back, or left out
   * again.
   */
  g_signal_new ("left-out-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * StorylineStory::source-changed:
   * @source: the source
   *
   * Emitted after @source changed, or was added to the story or removed
   * from it.
   */
  g_signal_new ("source-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 1, STORYLINE_TYPE_SOURCE);

  /**
   * StorylineStory::quote-changed:
   * @quote: the quote
   * @left: (nullable): the event @quote belonged to before, when that
   *   changed
   *
   * Emitted after @quote or one of its renditions changed, or it was
   * added to the story or removed from it.
   */
  g_signal_new ("quote-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 2, STORYLINE_TYPE_QUOTE, STORYLINE_TYPE_EVENT);
}

static void
storyline_story_init (StorylineStory *self)
{
  self->strings = storyline_strings_new ();
  self->phases = g_ptr_array_new_with_free_func (g_object_unref);
  self->actors = g_ptr_array_new_with_free_func (g_object_unref);
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
  self->quotes = g_ptr_array_new_with_free_func (g_object_unref);
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
  self->phase_index = storyline_id_index_new ();
  self->actor_index = storyline_id_index_new ();
  self->event_index = storyline_id_index_new ();
  self->quote_index = storyline_id_index_new ();
  self->source_index = storyline_id_index_new ();
  self->version = STORYLINE_FORMAT_VERSION;
}

StorylineStory *
storyline_story_new_empty (void)
{
  return g_object_new (STORYLINE_TYPE_STORY, NULL);
}

typedef struct
{
  gpointer data;
  GDestroyNotify free_func;
} Retired;

static void
retired_free (gpointer data)
{
  Retired *r = data;

  if (r->free_func != NULL && r->data != NULL)
    r->free_func (r->data);
  g_free (r);
}

/* Keeps @data, which an edit replaced, until the story is finalized. */
void
storyline_story_retire (StorylineStory *story,
                        gpointer        data,
                        GDestroyNotify  free_func)
{
  Retired *r;

  if (data == NULL)
    return;
  r = g_new (Retired, 1);
  r->data = data;
  r->free_func = free_func;
  storyline_ptr_array_add (&story->retired, r, retired_free);
}

void
storyline_ptr_array_add (GPtrArray      **array,
                         gpointer         item,
                         GDestroyNotify   free_func)
{
  if (*array == NULL)
    *array = g_ptr_array_new_with_free_func (free_func);
  g_ptr_array_add (*array, item);
}

void
storyline_source_ref_clear (StorylineSourceRef *ref)
{
  g_clear_pointer (&ref->locator, g_free);
  g_clear_pointer (&ref->note, g_free);
}

void
storyline_note_clear (StorylineNote *note)
{
  g_clear_pointer (&note->text, g_free);
  g_clear_pointer (&note->sources, g_array_unref);
}

void
storyline_name_clear (StorylineName *name)
{
  g_clear_pointer (&name->family, g_free);
  g_clear_pointer (&name->given, g_free);
  g_clear_pointer (&name->dropping_particle, g_free);
  g_clear_pointer (&name->non_dropping_particle, g_free);
  g_clear_pointer (&name->suffix, g_free);
  g_clear_pointer (&name->literal, g_free);
}

/**
 * storyline_story_get_unknown_members:
 * @owner: (nullable): a phase, actor, event, quote or rendition of the
 *   story, the story itself for its `story` object, or %NULL for the top
 *   object of the file
 *
 * Returns: (transfer none) (nullable) (element-type StorylineUnknownMember):
 *   the members of @owner's object in the file that Storyline does not
 *   know, in their order
 */
GPtrArray *
storyline_story_get_unknown_members (StorylineStory *self,
                                     gconstpointer   owner)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return self->unknown != NULL ? g_hash_table_lookup (self->unknown, owner) : NULL;
}

/**
 * storyline_story_get_schema:
 *
 * Returns: (nullable): the file's `$schema`, which the story file is
 *   written back with
 */
const char *
storyline_story_get_schema (StorylineStory *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return self->schema;
}

const char *
storyline_story_get_title (StorylineStory *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return self->title;
}

/**
 * storyline_story_get_publisher:
 *
 * Returns: (nullable): who publishes the story: the organization its
 *   fact-check markup names
 */
const char *
storyline_story_get_publisher (StorylineStory *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return self->publisher;
}

/**
 * storyline_story_get_url:
 *
 * Returns: (nullable): where the story is published
 */
const char *
storyline_story_get_url (StorylineStory *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return self->url;
}

const char *
storyline_story_get_subtitle (StorylineStory *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return self->subtitle;
}

const char *
storyline_story_get_summary (StorylineStory *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return self->summary;
}

/**
 * storyline_story_get_language:
 *
 * Returns: (nullable): the BCP 47 tag of the story's text
 */
const char *
storyline_story_get_language (StorylineStory *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return self->language;
}

const StorylineDate *
storyline_story_get_updated (StorylineStory *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return &self->updated;
}

/**
 * storyline_story_get_primary_source:
 *
 * Returns: (transfer none) (nullable): the article the story is built around
 */
StorylineSource *
storyline_story_get_primary_source (StorylineStory *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return self->primary_source;
}

/**
 * storyline_story_get_phases:
 *
 * Returns: (transfer none) (element-type StorylinePhase): the phases, in file order
 */
GPtrArray *
storyline_story_get_phases (StorylineStory *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return self->phases;
}

/**
 * storyline_story_get_actors:
 *
 * Returns: (transfer none) (element-type StorylineActor): the actors, in file order
 */
GPtrArray *
storyline_story_get_actors (StorylineStory *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return self->actors;
}

/**
 * storyline_story_get_events:
 *
 * Returns: (transfer none) (element-type StorylineEvent): the events, in file order
 */
GPtrArray *
storyline_story_get_events (StorylineStory *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return self->events;
}

/**
 * storyline_story_get_quotes:
 *
 * Returns: (transfer none) (element-type StorylineQuote): the quotes, in file order
 */
GPtrArray *
storyline_story_get_quotes (StorylineStory *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return self->quotes;
}

/**
 * storyline_story_get_sources:
 *
 * Returns: (transfer none) (element-type StorylineSource): the sources, in file order
 */
GPtrArray *
storyline_story_get_sources (StorylineStory *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return self->sources;
}

/**
 * storyline_story_lookup_phase:
 *
 * Returns: (transfer none) (nullable): the phase with @id
 */
StorylinePhase *
storyline_story_lookup_phase (StorylineStory *self,
                              const char     *id)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return storyline_id_index_lookup (self->phase_index, id);
}

/**
 * storyline_story_lookup_actor:
 *
 * Returns: (transfer none) (nullable): the actor with @id
 */
StorylineActor *
storyline_story_lookup_actor (StorylineStory *self,
                              const char     *id)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return storyline_id_index_lookup (self->actor_index, id);
}

/**
 * storyline_story_lookup_event:
 *
 * Returns: (transfer none) (nullable): the event with @id
 */
StorylineEvent *
storyline_story_lookup_event (StorylineStory *self,
                              const char     *id)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return storyline_id_index_lookup (self->event_index, id);
}

/**
 * storyline_story_lookup_quote:
 *
 * Returns: (transfer none) (nullable): the quote with @id
 */
StorylineQuote *
storyline_story_lookup_quote (StorylineStory *self,
                              const char     *id)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return storyline_id_index_lookup (self->quote_index, id);
}

/**
 * storyline_story_lookup_source:
 *
 * Returns: (transfer none) (nullable): the source with @id
 */
StorylineSource *
storyline_story_lookup_source (StorylineStory *self,
                               const char     *id)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return storyline_id_index_lookup (self->source_index, id);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  return storyline_event_compare (*(StorylineEvent **) a, *(StorylineEvent **) b);
}

/**
 * storyline_story_dup_events_sorted:
 *
 * Returns: (transfer full) (element-type StorylineEvent): the events in
 *   the story's order: by date, then file order; a reference is taken on each
 */
GPtrArray *
storyline_story_dup_events_sorted (StorylineStory *self)
{
  GPtrArray *sorted;

  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);

  sorted = g_ptr_array_copy (self->events, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_sort (sorted, compare_events);
  return sorted;
}
