/* fuzz-export.c: every export, on every story the fuzzer finds that loads;
 * and the story written as a file, which must load back as the same story;
 * opened anyway, written with what it left out, alike again
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "storyline-export.h"
#include "storyline-left-out.h"
#include "storyline-loader.h"
#include "storyline-writer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(StorylineStory) story = storyline_load_bytes (bytes, NULL, NULL, NULL);
  const char * const *formats = storyline_export_formats ();

  /* Opened anyway and written: what was left out is written back where
   * it was, so the file written opens anyway alike and writes the same
   * bytes again. */
  {
    g_autoptr(StorylineStory) anyway = storyline_load_bytes_anyway (bytes, NULL, NULL, NULL);

    if (anyway != NULL)
      {
        g_autoptr(GString) file = g_string_new (NULL);
        g_autoptr(GString) file_again = g_string_new (NULL);
        g_autoptr(GBytes) written = NULL;
        g_autoptr(StorylineStory) again = NULL;

        storyline_story_write (anyway, file);
        written = g_bytes_new (file->str, file->len);
        again = storyline_load_bytes_anyway (written, NULL, NULL, NULL);
        g_assert (again != NULL);
        g_assert (storyline_story_get_n_left_out (again) == storyline_story_get_n_left_out (anyway));
        g_assert (storyline_story_get_events (again)->len == storyline_story_get_events (anyway)->len);
        storyline_story_write (again, file_again);
        g_assert (g_str_equal (file->str, file_again->str));
      }
  }

  if (story == NULL)
    return 0;

  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_assert (storyline_export (story, formats[i], out));
      g_assert (g_utf8_validate (out->str, out->len, NULL));
    }

  /* Written and read back: the same story, every export alike, and the
   * same bytes written again. */
  {
    g_autoptr(GString) file = g_string_new (NULL);
    g_autoptr(GBytes) written = NULL;
    g_autoptr(StorylineStory) again = NULL;
    g_autoptr(GString) file_again = g_string_new (NULL);

    storyline_story_write (story, file);
    written = g_bytes_new (file->str, file->len);
    again = storyline_load_bytes (written, NULL, NULL, NULL);
    g_assert (again != NULL);
    for (guint i = 0; formats[i] != NULL; i++)
      {
        g_autoptr(GString) a = g_string_new (NULL);
        g_autoptr(GString) b = g_string_new (NULL);

        storyline_export (story, formats[i], a);
        storyline_export (again, formats[i], b);
        g_assert (g_str_equal (a->str, b->str));
      }
    storyline_story_write (again, file_again);
    g_assert (g_str_equal (file->str, file_again->str));
  }
  return 0;
}
