/* storyline-strings.h: the text of a story's many small objects, and its
 * indexes by id
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The text of a story's many small objects, kept together: no allocation
 * per string, and the words that repeat (types, places, tags) once. The
 * story and each object that points into it hold a reference; it knows
 * nothing of the story but its language. */
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
const char        **storyline_strings_intern_list (StorylineStrings  *strings,
                                                  const char *const *words);
void                storyline_strings_set_language (StorylineStrings *strings,
                                                    const char       *language);
const char         *storyline_strings_get_language (StorylineStrings *strings);

/* The story's indexes by id hold each object's id field, not the object
 * and its id: a hash table whose keys are its values keeps one pointer a
 * slot instead of two. Every object has its id first after its GObject. */
#define STORYLINE_ID_OFFSET (sizeof (GObject))

GHashTable         *storyline_id_index_new     (void);
void                storyline_id_index_add     (GHashTable       *index,
                                                gpointer          object);
gpointer            storyline_id_index_lookup  (GHashTable       *index,
                                                const char       *id);

G_END_DECLS
