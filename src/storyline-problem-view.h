/* storyline-problem-view.h: why a story file could not be opened
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STORYLINE_TYPE_PROBLEM_VIEW (storyline_problem_view_get_type ())

G_DECLARE_FINAL_TYPE (StorylineProblemView, storyline_problem_view, STORYLINE, PROBLEM_VIEW, GtkWidget)

void        storyline_problem_view_set         (StorylineProblemView *self,
                                                const char           *title,
                                                const char           *file_name,
                                                const GError         *error,
                                                GPtrArray            *problems);
const char *storyline_problem_view_get_details (StorylineProblemView *self);
void        storyline_problem_view_set_banner  (StorylineProblemView *self,
                                                gboolean              banner);

gboolean    storyline_problem_view_can_open_anyway (StorylineProblemView *self);

G_END_DECLS
