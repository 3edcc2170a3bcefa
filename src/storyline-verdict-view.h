/* storyline-verdict-view.h: how a rendition differs from the words issued
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storyline-fidelity.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_VERDICT_VIEW (storyline_verdict_view_get_type ())

G_DECLARE_FINAL_TYPE (StorylineVerdictView, storyline_verdict_view, STORYLINE, VERDICT_VIEW, GtkWidget)

const char *storyline_verdict_title              (StorylineVerdict          verdict);
GtkWidget  *storyline_verdict_badge_new          (StorylineVerdict          verdict);
GtkWidget  *storyline_word_diff_label_new        (const StorylineFidelity  *fidelity);

void        storyline_verdict_view_set_texts     (StorylineVerdictView     *self,
                                                  const char               *original,
                                                  const char               *rendition,
                                                  const char               *language);

G_END_DECLS
