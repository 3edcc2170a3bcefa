/* fuzz-import.c: an importer (IMPORT_FORMAT, one target each) on
 * arbitrary bytes
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "storyline-import.h"
#include "storyline-loader.h"
#include "storyline-writer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = storyline_import_to_story (IMPORT_FORMAT, (const char *) data, size, &error);

  /* Refused: with a message, and nothing made. */
  if (text == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }
  g_assert (error == NULL);

  /* Made: a story file the loader reads, or says why not; one it reads
   * is written and read back the same. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(StorylineStory) story = storyline_load_bytes (bytes, NULL, &problems, NULL);

    g_assert (story != NULL || problems->len > 0);
    if (story != NULL)
      {
        g_autoptr(GString) written = g_string_new (NULL);
        g_autoptr(GString) again = g_string_new (NULL);
        g_autoptr(GBytes) written_bytes = NULL;
        g_autoptr(StorylineStory) reread = NULL;

        storyline_story_write (story, written);
        written_bytes = g_bytes_new (written->str, written->len);
        reread = storyline_load_bytes (written_bytes, NULL, NULL, NULL);
        g_assert (reread != NULL);
        storyline_story_write (reread, again);
        g_assert (g_str_equal (written->str, again->str));
      }
  }
  return 0;
}
