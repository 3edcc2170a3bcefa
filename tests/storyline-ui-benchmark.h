/* storyline-ui-benchmark.h
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Runs the window benchmark named by argv[1]; -1 when it names none. */
int storyline_ui_benchmark (int    argc,
                            char **argv,
                            double start);
