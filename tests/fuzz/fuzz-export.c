/* fuzz-export.c: every export, on every story the fuzzer finds that loads
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "storyline-export.h"
#include "storyline-loader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(StorylineStory) story = storyline_load_bytes (bytes, NULL, NULL, NULL);
  const char * const *formats = storyline_export_formats ();

  if (story == NULL)
    return 0;

  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_assert (storyline_export (story, formats[i], out));
      g_assert (g_utf8_validate (out->str, out->len, NULL));
    }
  return 0;
}
