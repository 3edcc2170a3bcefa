/* storyline-ui-benchmark.h
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* For g_array_sort() of doubles. */
int storyline_benchmark_compare_doubles (gconstpointer a,
                                         gconstpointer b);

/* Runs the window benchmark named by argv[1]; -1 when it names none. */
int storyline_ui_benchmark (int    argc,
                            char **argv,
                            double start);
