/* storyline-csl-case.h: CSL's text cases, as citeproc-js applies them
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *csl_case_title            (const char *text);
char *csl_case_capitalize_first (const char *text);
char *csl_case_capitalize_all   (const char *text);
char *csl_case_sentence         (const char *text);

G_END_DECLS
