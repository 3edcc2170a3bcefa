/* storyline-pieces.h: parsing a story's large arrays in pieces, on two threads
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "storyline-reader.h"

G_BEGIN_DECLS

StorylinePieces *storyline_pieces_start             (const char                  *data,
                                                     gsize                        len,
                                                     GCancellable                *cancellable,
                                                     JsonNode                   **root,
                                                     const StorylineArrayPieces **arrays,
                                                     guint                       *n_arrays);
JsonArray       *storyline_pieces_get_batch         (StorylinePieces             *self,
                                                     guint                        index);
void             storyline_pieces_release           (StorylinePieces             *self,
                                                     guint                        index);
const char      *storyline_pieces_get_element_text  (StorylinePieces             *self,
                                                     guint                        array,
                                                     guint                        i,
                                                     gsize                       *len);
void             storyline_pieces_free              (StorylinePieces             *self);
gboolean         storyline_pieces_parse_rest        (StorylinePieces             *self);
void             storyline_pieces_set_drop_data     (StorylinePieces             *self,
                                                     gboolean                     drop);
gboolean         storyline_pieces_get_dropped_data  (StorylinePieces             *self);
void             storyline_loader_set_pieces_min_size (gsize                     size);
gboolean         storyline_pieces_find_plain_string (const char                  *text,
                                                     gsize                        len,
                                                     const char                  *key,
                                                     const char                 **value,
                                                     gsize                       *value_len);

G_END_DECLS
