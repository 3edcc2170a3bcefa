/* fuzz-loader.c: the loader and validator on arbitrary bytes, read both
 * ways (whole, and in pieces), which must agree
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "storyline-loader.h"
#include "storyline-pieces.h"
#include "storyline-problem.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *
load (GBytes   *bytes,
      gsize     pieces_min_size,
      gboolean *loaded)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StorylineStory) story = NULL;
  GString *text = g_string_new (NULL);

  storyline_loader_set_pieces_min_size (pieces_min_size);
  story = storyline_load_bytes (bytes, NULL, &problems, &error);
  storyline_loader_set_pieces_min_size (0);

  /* Either a story, or a refusal that says why. */
  g_assert ((story != NULL) == (error == NULL));
  if (story == NULL)
    g_assert (problems->len > 0);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = storyline_problem_to_string (problems->pdata[i], "fuzz");
      g_string_append_printf (text, "%s\n", line);
    }
  *loaded = story != NULL;
  return g_string_free (text, FALSE);
}

/* Each input is loaded the whole-file way and in pieces
 * (storyline-pieces.c): both must come to the same story or refusal, with
 * the same problems, in the same order. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  gboolean whole_loaded, pieces_loaded;
  g_autofree char *whole = load (bytes, G_MAXSIZE, &whole_loaded);
  g_autofree char *pieces = load (bytes, 1, &pieces_loaded);

  if (whole_loaded != pieces_loaded || strcmp (whole, pieces) != 0)
    {
      fprintf (stderr, "whole-file:\n%sin pieces:\n%s", whole, pieces);
      abort ();
    }
  return 0;
}
