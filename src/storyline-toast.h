/* storyline-toast.h: a short message over the window that goes by itself
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STORYLINE_TYPE_TOAST (storyline_toast_get_type ())

G_DECLARE_FINAL_TYPE (StorylineToast, storyline_toast, STORYLINE, TOAST, GtkWidget)

void        storyline_toast_show     (StorylineToast *self,
                                      const char     *text);
void        storyline_toast_dismiss  (StorylineToast *self);
const char *storyline_toast_get_text (StorylineToast *self);
gboolean    storyline_toast_is_shown (StorylineToast *self);

G_END_DECLS
