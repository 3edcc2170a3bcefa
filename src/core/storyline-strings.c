/* storyline-strings.c: the text of a story's many small objects, and its
 * indexes by id
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-strings.h"

struct _StorylineStrings
{
  gatomicrefcount ref_count;
  GStringChunk *chunk;
  GPtrArray *blocks;            /* for storyline_strings_alloc() */
  gsize used;                   /* in the last block */
  const char *language;         /* the story's, in the chunk */
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

/* The language of the text: the story's, set once the reader knows it. */
void
storyline_strings_set_language (StorylineStrings *strings,
                                const char       *language)
{
  strings->language = storyline_strings_intern (strings, language);
}

const char *
storyline_strings_get_language (StorylineStrings *strings)
{
  return strings != NULL ? strings->language : NULL;
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
