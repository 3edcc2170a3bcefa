/* storyline-import-private.h: the bibliography readers, as CSL-JSON
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonArray *storyline_bibtex_to_csl (const char  *data,
                                    gsize        length,
                                    GError     **error);
JsonArray *storyline_ris_to_csl    (const char  *data,
                                    gsize        length,
                                    GError     **error);
char      *storyline_latex_to_text (const char  *latex);
JsonNode  *storyline_csl_names     (const char * const *names,
                                    gboolean            bibtex);
JsonNode  *storyline_csl_date      (int                 year,
                                    int                 month,
                                    int                 day);

G_END_DECLS
