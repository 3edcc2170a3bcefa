/* storyline-url.h: the one place that decides which URLs become links
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  STORYLINE_URL_LINK,          /* http or https, with a host, no credentials */
  STORYLINE_URL_EMPTY,
  STORYLINE_URL_MALFORMED,
  STORYLINE_URL_NOT_WEB,
  STORYLINE_URL_NO_HOST,
  STORYLINE_URL_CREDENTIALS,
} StorylineUrlVerdict;

StorylineUrlVerdict  storyline_url_check    (const char          *url,
                                             char               **host);
gboolean             storyline_url_is_link  (const char          *url);
const char          *storyline_url_describe (StorylineUrlVerdict  verdict);

G_END_DECLS
