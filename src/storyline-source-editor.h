/* storyline-source-editor.h: the form of one source, as a CSL-JSON item
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storyline-edit-history.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_SOURCE_EDITOR (storyline_source_editor_get_type ())

G_DECLARE_FINAL_TYPE (StorylineSourceEditor, storyline_source_editor, STORYLINE, SOURCE_EDITOR, GtkWidget)

GtkWidget       *storyline_source_editor_new          (StorylineEditHistory  *history,
                                                       StorylineSource       *source,
                                                       int                    style);
StorylineSource *storyline_source_editor_get_source   (StorylineSourceEditor *self);
void             storyline_source_editor_set_style    (StorylineSourceEditor *self,
                                                       int                    style);
gboolean         storyline_source_editor_has_problems (StorylineSourceEditor *self);

G_END_DECLS
