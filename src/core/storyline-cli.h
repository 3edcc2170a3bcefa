/* storyline-cli.h: the command line, which needs no display
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean storyline_cli_wants_argv (int       argc,
                                   char    **argv);
char    *storyline_cli_help       (void);
int      storyline_cli_run        (int       argc,
                                   char    **argv,
                                   GString  *out,
                                   GString  *err);

G_END_DECLS
