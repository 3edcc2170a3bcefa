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

  /* Quotes are UTF-8: the loader refuses anything else. */
  if (!g_utf8_validate (a, -1, NULL) || !g_utf8_validate (b, -1, NULL))
    return 0;

  f = storyline_fidelity_compare (a, b);
  diff = storyline_fidelity_to_word_diff (f);
  words = storyline_fidelity_describe_diff (f);
  g_free (storyline_fidelity_describe (f));

  /* The rendition's chunks give back its text; the original's words are
   * each in one chunk; every verdict is one of the six. */
  {
    g_autoptr(GString) rendition = g_string_new (NULL);

    for (guint i = 0; i < f->chunks->len; i++)
      {
        const StorylineDiffChunk *c = &g_array_index (f->chunks, StorylineDiffChunk, i);

        if (c->rendition != NULL)
          g_string_append (rendition, c->rendition);
        if (c->kind == STORYLINE_DIFF_DROPPED || c->kind == STORYLINE_DIFF_OMITTED)
          g_assert (c->original != NULL && c->rendition == NULL);
        if (c->kind == STORYLINE_DIFF_ADDED || c->kind == STORYLINE_DIFF_INSERTED || c->kind == STORYLINE_DIFF_MARKER)
          g_assert (c->original == NULL && c->rendition != NULL);
      }
    g_assert (g_str_equal (rendition->str, b));
  }
  g_assert (f->verdict <= STORYLINE_VERDICT_ALTERED);
  g_assert (f->excerpt_start <= f->excerpt_end && f->excerpt_end <= f->n_original_words);
  if (f->verdict == STORYLINE_VERDICT_VERBATIM)
    {
      for (guint i = 0; i < f->chunks->len; i++)
        {
          StorylineDiffKind kind = g_array_index (f->chunks, StorylineDiffChunk, i).kind;
          g_assert (kind == STORYLINE_DIFF_SAME || kind == STORYLINE_DIFF_MARKER);
        }
    }
  return 0;
}
