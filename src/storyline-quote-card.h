/* storyline-quote-card.h: one quote, what was said and who repeated it
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storyline-citation.h"

#include "storyline-story.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_QUOTE_CARD (storyline_quote_card_get_type ())

G_DECLARE_FINAL_TYPE (StorylineQuoteCard, storyline_quote_card, STORYLINE, QUOTE_CARD, GtkWidget)

GtkWidget      *storyline_quote_card_new           (StorylineQuote     *quote);
StorylineQuote *storyline_quote_card_get_quote     (StorylineQuoteCard *self);
void            storyline_quote_card_set_citation_style (StorylineQuoteCard     *self,
                                                         StorylineCitationStyle  style);
char           *storyline_quote_dup_attributed     (StorylineQuote     *quote,
                                                    int                 style,
                                                    char              **html);

void       storyline_quote_card_set_search (StorylineQuoteCard *self,
                                            const char         *search);
gboolean   storyline_quote_card_matches    (StorylineQuoteCard *self,
                                            const char         *search);

G_END_DECLS
