/* storyline-spelling.h: one word spelt the British and the American way
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean storyline_is_spelling_pair (const char *a,
                                     const char *b);

G_END_DECLS
