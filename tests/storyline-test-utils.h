/* storyline-test-utils.h: the main-loop helpers the ui tests share
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "storyline-window.h"

G_BEGIN_DECLS

void storyline_test_wait_until   (gboolean       (*condition) (gpointer),
                                  gpointer         data);
void storyline_test_iterate_for  (guint            ms);
void storyline_test_drain        (void);
void storyline_test_close_window (StorylineWindow *window);
void storyline_test_press_shortcut (GtkWidget     *widget,
                                    const char    *trigger);

G_END_DECLS
