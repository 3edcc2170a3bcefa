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

/* A top-level array parsed in pieces: element i is element
 * i % batch_size of batches[i / batch_size]. */
typedef struct
{
  const char *name;             /* "events" */
  JsonArray **batches;
  guint batch_size;
  guint n_elements;
} StorylineArrayPieces;

StorylineStory *storyline_reader_read (JsonNode              *root,
                                       GPtrArray             *problems,
                                       StorylineLoadProgress *progress,
                                       GCancellable          *cancellable);
StorylineStory *storyline_reader_read_pieces (JsonNode                   *root,
                                              const StorylineArrayPieces *pieces,
                                              guint                       n_pieces,
                                              GPtrArray                  *problems,
                                              StorylineLoadProgress      *progress,
                                              GCancellable               *cancellable);

guint           storyline_edit_distance (const char *a,
                                         const char *b,
                                         guint       limit);

G_END_DECLS
