/* storyline-search.h: text folded for case- and accent-insensitive search
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "storyline-story.h"

G_BEGIN_DECLS

/* Eight bytes at a time: the high bit of each byte of @x that is zero.
 * The lowest one set always marks a zero byte; those above it may not. */
static inline guint64
storyline_zero_bytes (guint64 x)
{
  return (x - G_GUINT64_CONSTANT (0x0101010101010101)) & ~x & G_GUINT64_CONSTANT (0x8080808080808080);
}

/* A run of a text, in bytes: [start, end). */
typedef struct
{
  guint start;
  guint end;
} StorylineTextRange;

char *storyline_fold_text               (const char     *text);
GArray *storyline_search_find           (const char     *text,
                                         const char     *search);
char *storyline_event_dup_search_text   (StorylineEvent *event);
gboolean storyline_folded_matches       (const char     *folded_haystack,
                                         const char     *folded_needle);
const char *storyline_find_bytes        (const char     *haystack,
                                         gsize           haystack_len,
                                         const char     *needle,
                                         gsize           needle_len);

G_END_DECLS
