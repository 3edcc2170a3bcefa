/* fuzz-loader.c: the loader and validator on arbitrary bytes
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "storyline-loader.h"
#include "storyline-problem.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StorylineStory) story = storyline_load_bytes (bytes, NULL, &problems, &error);

  /* Either a story, or a refusal that says why. */
  g_assert ((story != NULL) == (error == NULL));
  if (story == NULL)
    g_assert (problems->len > 0);
  for (guint i = 0; i < problems->len; i++)
    g_free (storyline_problem_to_string (problems->pdata[i], "fuzz"));
  return 0;
}
