/* storyline-rendition-editor.h: the form of one rendition of a quote
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storyline-edit-history.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_RENDITION_EDITOR (storyline_rendition_editor_get_type ())

G_DECLARE_FINAL_TYPE (StorylineRenditionEditor, storyline_rendition_editor, STORYLINE, RENDITION_EDITOR, GtkWidget)

GtkWidget          *storyline_rendition_editor_new          (StorylineEditHistory     *history,
                                                             StorylineQuote           *quote,
                                                             StorylineRendition       *rendition);
StorylineRendition *storyline_rendition_editor_get_rendition (StorylineRenditionEditor *self);
void                storyline_rendition_editor_refresh      (StorylineRenditionEditor *self);
void                storyline_rendition_editor_fill_sources (StorylineRenditionEditor *self);
gboolean            storyline_rendition_editor_has_problems (StorylineRenditionEditor *self);

G_END_DECLS
