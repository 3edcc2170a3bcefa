/* storyline-word-diff.h: the shortest edit between two sequences of words
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GArray *storyline_word_diff (const int *a,
                             int        n,
                             const int *b,
                             int        m);

G_END_DECLS
