/* storyline-paper.h: a story laid out on pages, for print and PDF
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "storyline-citation.h"
#include "storyline-story.h"

G_BEGIN_DECLS

typedef struct _StorylinePaper StorylinePaper;

StorylinePaper *storyline_paper_new          (StorylineStory         *story,
                                              StorylineCitationStyle  style,
                                              PangoContext           *context,
                                              double                  width,
                                              double                  height);
void            storyline_paper_free         (StorylinePaper         *paper);
gboolean        storyline_paper_paginate     (StorylinePaper         *paper,
                                              guint                   n_blocks);
double          storyline_paper_get_progress (StorylinePaper         *paper);
guint           storyline_paper_get_n_pages  (StorylinePaper         *paper);
void            storyline_paper_draw_page    (StorylinePaper         *paper,
                                              cairo_t                *cr,
                                              guint                   page);

gboolean        storyline_paper_write_pdf    (StorylineStory         *story,
                                              StorylineCitationStyle  style,
                                              GString                *out,
                                              GCancellable           *cancellable,
                                              GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StorylinePaper, storyline_paper_free)

G_END_DECLS
