/* fuzz-date.c: the EDTF date parser, display and order on arbitrary text
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "storyline-date.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  StorylineDate date, again;
  g_autoptr(GError) error = NULL;

  if (!storyline_date_parse (text, &date, &error))
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }

  /* A date that parses writes back to a string that parses to itself,
   * displays, and orders consistently. */
  {
    g_autofree char *edtf = storyline_date_to_edtf (&date);
    g_autofree char *shown = storyline_date_format (&date);

    g_assert (storyline_date_parse (edtf, &again, NULL));
    g_assert (storyline_date_compare (&date, &again) == 0);
    g_assert (shown[0] != '\0');
    g_assert (storyline_date_get_earliest_day (&date) <= storyline_date_get_latest_day (&date));
  }
  return 0;
}
