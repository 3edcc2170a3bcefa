/* storyline-csl.h: a CSL processor for the styles Storyline cites in
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "storyline-citation.h"
#include "storyline-csl-style.h"

G_BEGIN_DECLS

/* The style for @style, read once from the core's resource and kept. */
CslStyle *csl_style_get_builtin (StorylineCitationStyle style);

/* One CSL-JSON item as the bibliography entry (@bibliography) or as a
 * citation in first position, alone, with an optional locator (@label is
 * a CSL locator type such as "page" or "paragraph"). */
char *csl_render (CslStyle        *style,
                  JsonObject      *item,
                  gboolean         bibliography,
                  const char      *label,
                  const char      *locator,
                  StorylineMarkup  markup);

/* A locator as a story writes it, into CSL's label and value. */
void csl_locator_parse (const char  *locator,
                        char       **label,
                        char       **value);

G_END_DECLS
