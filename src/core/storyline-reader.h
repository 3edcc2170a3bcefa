/* storyline-reader.h: from a JSON tree to a story, checking every rule
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "storyline-load-progress.h"
#include "storyline-story.h"

G_BEGIN_DECLS

/* A top-level array parsed in pieces (storyline-pieces.c): element i is
 * element i % batch_size of batch first_batch + i / batch_size. */
typedef struct _StorylinePieces StorylinePieces;

typedef struct
{
  const char *name;             /* "events" */
  StorylinePieces *owner;
  guint index;                  /* for storyline_pieces_get_element_text() */
  guint first_batch;
  guint batch_size;
  guint n_elements;
} StorylineArrayPieces;

GObject        *storyline_reader_read_one (StorylineStory *story,
                                           const char     *collection,
                                           JsonNode       *node,
                                           GPtrArray      *problems);
StorylineStory *storyline_reader_read (JsonNode              *root,
                                       GPtrArray             *problems,
                                       StorylineLoadProgress *progress,
                                       GCancellable          *cancellable);
StorylineStory *storyline_reader_read_pieces (JsonNode                   *root,
                                              const StorylineArrayPieces *pieces,
                                              guint                       n_pieces,
                                              GPtrArray                  *problems,
                                              StorylineLoadProgress      *progress,
                                              GCancellable               *cancellable,
                                              gboolean                   *failed);

guint           storyline_edit_distance (const char *a,
                                         const char *b,
                                         guint       limit);

G_END_DECLS
