/* storyline-quote.h
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "storyline-date.h"
#include "storyline-types.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_QUOTE (storyline_quote_get_type ())

G_DECLARE_FINAL_TYPE (StorylineQuote, storyline_quote, STORYLINE, QUOTE, GObject)

const char          *storyline_quote_get_id           (StorylineQuote *self);
const char          *storyline_quote_get_text         (StorylineQuote *self);
const char          *storyline_quote_get_language     (StorylineQuote *self);
const char          *storyline_quote_get_text_language (StorylineQuote *self);
const StorylineDate *storyline_quote_get_said         (StorylineQuote *self);
StorylineQuoteKind   storyline_quote_get_kind         (StorylineQuote *self);
StorylineActor      *storyline_quote_get_speaker      (StorylineQuote *self);
StorylineEvent      *storyline_quote_get_event        (StorylineQuote *self);
StorylineSource     *storyline_quote_get_origin       (StorylineQuote *self);
guint                storyline_quote_get_n_renditions (StorylineQuote *self);
StorylineRendition  *storyline_quote_get_rendition    (StorylineQuote *self,
                                                       guint           position);

G_END_DECLS
