/* storyline-quote-editor.h: the form of one quote and its renditions
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storyline-edit-history.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_QUOTE_EDITOR (storyline_quote_editor_get_type ())

G_DECLARE_FINAL_TYPE (StorylineQuoteEditor, storyline_quote_editor, STORYLINE, QUOTE_EDITOR, GtkWidget)

GtkWidget      *storyline_quote_editor_new          (StorylineEditHistory *history,
                                                     StorylineQuote       *quote);
StorylineQuote *storyline_quote_editor_get_quote    (StorylineQuoteEditor *self);
StorylineEditHistory *storyline_quote_editor_get_history (StorylineQuoteEditor *self);
gboolean        storyline_quote_editor_has_problems (StorylineQuoteEditor *self);
void            storyline_quote_editor_focus_words  (StorylineQuoteEditor *self);

G_END_DECLS
