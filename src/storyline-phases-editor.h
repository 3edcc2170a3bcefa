/* storyline-phases-editor.h: the story's phases, added, changed, deleted
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storyline-edit-history.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_PHASES_EDITOR (storyline_phases_editor_get_type ())

G_DECLARE_FINAL_TYPE (StorylinePhasesEditor, storyline_phases_editor, STORYLINE, PHASES_EDITOR, GtkWidget)

GtkWidget *storyline_phases_editor_new          (StorylineEditHistory  *history);
gboolean   storyline_phases_editor_has_problems (StorylinePhasesEditor *self);

G_END_DECLS
