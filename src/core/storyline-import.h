/* storyline-import.h: stories made from other tools' files
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STORYLINE_IMPORT_ERROR (storyline_import_error_quark ())

typedef enum
{
  STORYLINE_IMPORT_ERROR_FORMAT,    /* not a file of any format imported */
  STORYLINE_IMPORT_ERROR_INVALID,   /* of the format, but something in it is wrong */
} StorylineImportError;

GQuark              storyline_import_error_quark (void);

const char * const *storyline_import_formats   (void);
const char         *storyline_import_detect    (const char  *data,
                                                gsize        length);
char               *storyline_import_to_story  (const char  *format,
                                                const char  *data,
                                                gsize        length,
                                                GError     **error);
char               *storyline_html_to_text     (const char  *html,
                                                GPtrArray   *links);

G_END_DECLS
