/* storyline-story.c: a whole story, owner of everything in it
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-model-private.h"

struct _StorylineStrings
{
  gatomicrefcount ref_count;
  GStringChunk *chunk;
  GPtrArray *blocks;            /* for storyline_strings_alloc() */
  gsize used;                   /* in the last block */
  StorylineStory *story;        /* borrowed; NULL once it is gone */
  GHashTable *lists;            /* shared word lists, see below */
};

#define STRINGS_BLOCK_SIZE (64 * 1024)

StorylineStrings *
storyline_strings_new (void)
{
  StorylineStrings *strings = g_new0 (StorylineStrings, 1);

  g_atomic_ref_count_init (&strings->ref_count);
  strings->chunk = g_string_chunk_new (64 * 1024);
  strings->blocks = g_ptr_array_new_with_free_func (g_free);
  return strings;
}

StorylineStrings *
storyline_strings_ref (StorylineStrings *strings)
{
  g_atomic_ref_count_inc (&strings->ref_count);
  return strings;
}

void
storyline_strings_unref (StorylineStrings *strings)
{
  if (strings == NULL || !g_atomic_ref_count_dec (&strings->ref_count))
    return;
  g_string_chunk_free (strings->chunk);
  g_ptr_array_unref (strings->blocks);
  g_clear_pointer (&strings->lists, g_hash_table_unref);
  g_free (strings);
}

/* Not thread-safe: the reader fills it, then it is only read. */
const char *
storyline_strings_add (StorylineStrings *strings,
                       const char       *text)
{
  return text != NULL ? g_string_chunk_insert (strings->chunk, text) : NULL;
}

const char *
storyline_strings_intern (StorylineStrings *strings,
                          const char       *text)
{
  return text != NULL ? g_string_chunk_insert_const (strings->chunk, text) : NULL;
}

/* Small arrays that live as long as the story (an event's actors, sources,
 * tags): no allocation of their own. Zeroed, pointer-aligned. */
gpointer
storyline_strings_alloc (StorylineStrings *strings,
                         gsize             size)
{
  gpointer memory;

  size = (size + 7) & ~(gsize) 7;
  if (size > STRINGS_BLOCK_SIZE / 4)
    {
      /* Rare: a block of its own, kept before the one being filled. */
      memory = g_malloc0 (size);
      if (strings->blocks->len == 0)
        {
          g_ptr_array_add (strings->blocks, memory);
          g_ptr_array_add (strings->blocks, g_malloc0 (STRINGS_BLOCK_SIZE));
          strings->used = 0;
        }
      else
        g_ptr_array_insert (strings->blocks, strings->blocks->len - 1, memory);
      return memory;
    }
  if (strings->blocks->len == 0 || strings->used + size > STRINGS_BLOCK_SIZE)
    {
      g_ptr_array_add (strings->blocks, g_malloc0 (STRINGS_BLOCK_SIZE));
      strings->used = 0;
    }
  memory = (char *) strings->blocks->pdata[strings->blocks->len - 1] + strings->used;
  strings->used += size;
  return memory;
}

/* The story whose text this is: %NULL when it is gone (an event or a
 * quote can be held longer than its story), or for no @strings. */
StorylineStory *
storyline_strings_get_story (StorylineStrings *strings)
{
  return strings != NULL ? strings->story : NULL;
}

/* The language of that story's text, while it lives. */
const char *
storyline_strings_get_language (StorylineStrings *strings)
{
  StorylineStory *story = storyline_strings_get_story (strings);

  return story != NULL ? story->language : NULL;
}

static guint
word_list_hash (gconstpointer list)
{
  guint hash = 5381;

  for (const char * const *w = list; *w != NULL; w++)
    hash = hash * 33 + g_direct_hash (*w);
  return hash;
}

static gboolean
word_list_equal (gconstpointer a,
                 gconstpointer b)
{
  const char * const *x = a, * const *y = b;

  for (; *x != NULL && *x == *y; x++, y++)
    ;
  return *x == *y;
}

/* Lists of words that many objects have alike (an event's tags: the
 * events of a large story repeat the same few combinations): one copy of
 * each, its words interned. The first 4,096 different lists are shared;
 * any more have each a copy of their own. */
#define MAX_SHARED_LISTS 4096

const char **
storyline_strings_intern_list (StorylineStrings  *strings,
                               const char *const *words)
{
  guint n = g_strv_length ((char **) words);
  g_autofree const char **interned = g_new (const char *, n + 1);
  const char **list;

  for (guint i = 0; i < n; i++)
    interned[i] = storyline_strings_intern (strings, words[i]);
  interned[n] = NULL;

  if (strings->lists == NULL)
    strings->lists = g_hash_table_new (word_list_hash, word_list_equal);
  if ((list = g_hash_table_lookup (strings->lists, interned)) != NULL)
    return list;

  list = storyline_strings_alloc (strings, (n + 1) * sizeof (char *));
  memcpy (list, interned, (n + 1) * sizeof (char *));
  if (g_hash_table_size (strings->lists) < MAX_SHARED_LISTS)
    g_hash_table_add (strings->lists, list);
  return list;
}

G_STATIC_ASSERT (G_STRUCT_OFFSET (StorylinePhase, id) == STORYLINE_ID_OFFSET);
G_STATIC_ASSERT (G_STRUCT_OFFSET (StorylineActor, id) == STORYLINE_ID_OFFSET);
G_STATIC_ASSERT (G_STRUCT_OFFSET (StorylineEvent, id) == STORYLINE_ID_OFFSET);
G_STATIC_ASSERT (G_STRUCT_OFFSET (StorylineQuote, id) == STORYLINE_ID_OFFSET);
G_STATIC_ASSERT (G_STRUCT_OFFSET (StorylineSource, id) == STORYLINE_ID_OFFSET);

static guint
id_field_hash (gconstpointer field)
{
  return g_str_hash (*(const char * const *) field);
}

static gboolean
id_field_equal (gconstpointer a,
                gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b) == 0;
}

GHashTable *
storyline_id_index_new (void)
{
  return g_hash_table_new (id_field_hash, id_field_equal);
}

/* @object's id must be set, and not be in @index yet. */
void
storyline_id_index_add (GHashTable *index,
                        gpointer    object)
{
  g_hash_table_add (index, (char *) object + STORYLINE_ID_OFFSET);
}

gpointer
storyline_id_index_lookup (GHashTable *index,
                           const char *id)
{
  char *field = g_hash_table_lookup (index, &id);

  return field != NULL ? field - STORYLINE_ID_OFFSET : NULL;
}

G_DEFINE_FINAL_TYPE (StorylineStory, storyline_story, G_TYPE_OBJECT)

static void
storyline_story_finalize (GObject *object)
{
  StorylineStory *self = (StorylineStory *) object;

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->summary);
  g_free (self->language);

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

  self->strings->story = NULL;
  g_clear_pointer (&self->strings, storyline_strings_unref);

  G_OBJECT_CLASS (storyline_story_parent_class)->finalize (object);
}

static void
storyline_story_class_init (StorylineStoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = storyline_story_finalize;
}

static void
storyline_story_init (StorylineStory *self)
{
  self->strings = storyline_strings_new ();
  self->strings->story = self;
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

const char *
storyline_story_get_title (StorylineStory *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return self->title;
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
