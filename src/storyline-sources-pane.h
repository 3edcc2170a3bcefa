/* storyline-sources-pane.h: the sources behind the selected event, as citations
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storyline-edit-history.h"

#include "storyline-citation.h"
#include "storyline-story.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_SOURCES_PANE (storyline_sources_pane_get_type ())

G_DECLARE_FINAL_TYPE (StorylineSourcesPane, storyline_sources_pane, STORYLINE, SOURCES_PANE, GtkWidget)

StorylineEvent         *storyline_sources_pane_get_event           (StorylineSourcesPane   *self);
gboolean                storyline_sources_pane_has_problems        (StorylineSourcesPane   *self);
void                    storyline_sources_pane_set_history         (StorylineSourcesPane   *self,
                                                                    StorylineEditHistory   *history);
void                    storyline_sources_pane_set_event           (StorylineSourcesPane   *self,
                                                                    StorylineEvent         *event);
StorylineCitationStyle  storyline_sources_pane_get_citation_style  (StorylineSourcesPane   *self);
void                    storyline_sources_pane_set_citation_style  (StorylineSourcesPane   *self,
                                                                    StorylineCitationStyle  style);
StorylineSource        *storyline_sources_pane_get_selected_source (StorylineSourcesPane   *self);
void                    storyline_sources_pane_set_selected_source (StorylineSourcesPane   *self,
                                                                    StorylineSource        *source);
gboolean                storyline_sources_pane_has_card            (StorylineSourcesPane   *self,
                                                                    StorylineSource        *source);
gboolean                storyline_sources_pane_show_source         (StorylineSourcesPane   *self,
                                                                    StorylineSource        *source);
guint                   storyline_sources_pane_get_n_cards         (StorylineSourcesPane   *self);
char                   *storyline_sources_pane_dup_citations       (StorylineSourcesPane   *self,
                                                                    char                  **html);

G_END_DECLS
