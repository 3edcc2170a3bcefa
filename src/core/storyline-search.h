/* storyline-search.h: text folded for case- and accent-insensitive search
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "storyline-story.h"

G_BEGIN_DECLS

char *storyline_fold_text               (const char     *text);
char *storyline_event_dup_search_text   (StorylineEvent *event);
gboolean storyline_folded_matches       (const char     *folded_haystack,
                                         const char     *folded_needle);
const char *storyline_find_bytes        (const char     *haystack,
                                         gsize           haystack_len,
                                         const char     *needle,
                                         gsize           needle_len);

G_END_DECLS
