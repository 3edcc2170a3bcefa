/* storyline-clipboard.c: copying as plain text and HTML at once
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-clipboard.h"

/**
 * storyline_clipboard_set_text_and_html:
 *
 * Puts @text and @html on @clipboard together: a word processor takes the
 * HTML with its italics, a text editor the plain text.
 */
void
storyline_clipboard_set_text_and_html (GdkClipboard *clipboard,
                                       const char   *text,
                                       const char   *html)
{
  g_autoptr(GBytes) html_bytes = g_bytes_new (html, strlen (html));
  g_autoptr(GdkContentProvider) provider = NULL;
  GdkContentProvider *providers[2];

  providers[0] = gdk_content_provider_new_for_bytes ("text/html", html_bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (clipboard, provider);
}
