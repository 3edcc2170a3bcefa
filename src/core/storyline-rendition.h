/* storyline-rendition.h
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "storyline-date.h"
#include "storyline-types.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_RENDITION (storyline_rendition_get_type ())

G_DECLARE_FINAL_TYPE (StorylineRendition, storyline_rendition, STORYLINE, RENDITION, GObject)

const char      *storyline_rendition_get_text    (StorylineRendition *self);
const char      *storyline_rendition_get_locator (StorylineRendition *self);
const char      *storyline_rendition_get_prefix  (StorylineRendition *self);
const char      *storyline_rendition_get_suffix  (StorylineRendition *self);
const char      *storyline_rendition_get_note    (StorylineRendition *self);
StorylineSource *storyline_rendition_get_source  (StorylineRendition *self);
StorylineQuote  *storyline_rendition_get_quote   (StorylineRendition *self);

G_END_DECLS
