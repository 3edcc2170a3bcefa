/* fuzz-fidelity.c: the quote comparison on arbitrary pairs of texts
 * (the input split at its first NUL byte, or in half)
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include <string.h>

#include "storyline-fidelity.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const uint8_t *nul = memchr (data, 0, size);
  size_t split = nul ? (size_t) (nul - data) : size / 2;
  g_autofree char *a = g_strndup ((const char *) data, split);
  g_autofree char *b = g_strndup ((const char *) data + MIN (split + (nul ? 1 : 0), size),
                                  size - MIN (split + (nul ? 1 : 0), size));
  g_autoptr(StorylineFidelity) f = NULL;
  g_autofree char *diff = NULL;
  g_autofree char *words = NULL;
  guint same = 0, dropped = 0, added = 0;

  /* Quotes are UTF-8: the loader refuses anything else. */
  if (!g_utf8_validate (a, -1, NULL) || !g_utf8_validate (b, -1, NULL))
    return 0;

  f = storyline_fidelity_compare (a, b);
  diff = storyline_fidelity_to_word_diff (f);
  words = storyline_fidelity_describe_diff (f);

  /* The difference accounts for every word on both sides. */
  for (guint i = 0; i < f->chunks->len; i++)
    {
      const StorylineDiffChunk *c = &g_array_index (f->chunks, StorylineDiffChunk, i);
      g_autoptr(GPtrArray) o = c->original ? storyline_split_words (c->original) : NULL;
      g_autoptr(GPtrArray) r = c->rendition ? storyline_split_words (c->rendition) : NULL;

      if (c->kind == STORYLINE_DIFF_SAME)
        same += o->len;
      else if (c->kind == STORYLINE_DIFF_DROPPED)
        dropped += o->len;
      else if (c->kind == STORYLINE_DIFF_ADDED)
        added += r->len;
      else
        dropped += 1, added += 1;
    }
  g_assert (same + dropped == f->n_original_words);
  g_assert (same + added == f->n_rendition_words);
  if (f->verdict == STORYLINE_VERDICT_VERBATIM)
    g_assert (dropped == 0 && added == 0);
  return 0;
}
