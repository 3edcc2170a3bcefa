/* storyline-left-out-editor.h: the items Open Anyway left out, mended
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storyline-edit-history.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_LEFT_OUT_EDITOR (storyline_left_out_editor_get_type ())

G_DECLARE_FINAL_TYPE (StorylineLeftOutEditor, storyline_left_out_editor, STORYLINE, LEFT_OUT_EDITOR, GtkWidget)

GtkWidget *storyline_left_out_editor_new (StorylineEditHistory *history);

G_END_DECLS
