/* storyline-actors-editor.h: the story's actors, renamed and deleted
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storyline-edit-history.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_ACTORS_EDITOR (storyline_actors_editor_get_type ())

G_DECLARE_FINAL_TYPE (StorylineActorsEditor, storyline_actors_editor, STORYLINE, ACTORS_EDITOR, GtkWidget)

GtkWidget *storyline_actors_editor_new          (StorylineEditHistory  *history);
gboolean   storyline_actors_editor_has_problems (StorylineActorsEditor *self);

G_END_DECLS
