/* storyline-story-text.h: showing a story's own text in widgets
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storyline-citation.h"

G_BEGIN_DECLS

char *storyline_text_for_display    (const char *text);
void storyline_widget_set_story_tooltip (GtkWidget *widget,
                                         const char *text);
void storyline_label_set_story_text (GtkLabel   *label,
                                     const char *text);
void storyline_label_set_citation   (GtkLabel               *label,
                                     const char             *lead,
                                     StorylineSource        *source,
                                     StorylineCitationStyle  style);
void storyline_label_set_language   (GtkLabel   *label,
                                     const char *language);

void  storyline_label_highlight        (GtkLabel   *label,
                                        const char *search);
guint storyline_label_count_highlights (GtkLabel   *label);

G_END_DECLS
