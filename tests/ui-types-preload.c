/* ui-types-preload.c: lets `gtk4-builder-tool validate` know Storyline's
 * widget types. Loaded with LD_PRELOAD by the ui-file tests: GtkBuilder
 * finds unknown types by their get_type function in the process, and the
 * types' templates come from the GResource registered here.
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "storyline-resources.h"

__attribute__((constructor)) static void
register_resources (void)
{
  storyline_register_resource ();
}
