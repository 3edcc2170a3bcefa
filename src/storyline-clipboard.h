/* storyline-clipboard.h: copying as plain text and HTML at once
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void storyline_clipboard_set_text_and_html (GdkClipboard *clipboard,
                                            const char   *text,
                                            const char   *html);

G_END_DECLS
