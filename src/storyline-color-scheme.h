/* storyline-color-scheme.h: follow the desktop's light or dark preference
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void storyline_color_scheme_follow (GtkSettings *settings);

G_END_DECLS
