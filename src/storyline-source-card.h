/* storyline-source-card.h: one source behind an event
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storyline-story.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_SOURCE_CARD (storyline_source_card_get_type ())

G_DECLARE_FINAL_TYPE (StorylineSourceCard, storyline_source_card, STORYLINE, SOURCE_CARD, GtkWidget)

GtkWidget       *storyline_source_card_new        (const StorylineSourceRef *ref,
                                                   int                       style);
StorylineSource *storyline_source_card_get_source (StorylineSourceCard      *self);
void             storyline_source_card_refresh    (StorylineSourceCard      *self);

G_END_DECLS
