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

gboolean storyline_parse_in_pieces (const char             *data,
                                    gsize                   len,
                                    GCancellable           *cancellable,
                                    JsonNode              **root,
                                    StorylineArrayPieces  **pieces,
                                    guint                  *n_pieces);
void     storyline_pieces_free     (StorylineArrayPieces   *pieces,
                                    guint                   n_pieces);

G_END_DECLS
