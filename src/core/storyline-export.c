/* storyline-export.c: a story written in other formats
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "storyline-export.h"
#include "storyline-fidelity.h"

typedef void (*ExportFunc) (StorylineStory *story,
                            GString        *out);

/* quote-diff: QUOTE-ID, SOURCE-ID, VERDICT and the word diff, tab-separated,
 * one line per rendition, for fact-checkers' scripts. */
static void
export_quote_diff (StorylineStory *story,
                   GString        *out)
{
  GPtrArray *quotes = storyline_story_get_quotes (story);

  for (guint i = 0; i < quotes->len; i++)
    {
      StorylineQuote *quote = quotes->pdata[i];

      for (guint j = 0; j < storyline_quote_get_n_renditions (quote); j++)
        {
          StorylineRendition *rendition = storyline_quote_get_rendition (quote, j);
          g_autoptr(StorylineFidelity) fidelity = storyline_fidelity_compare (storyline_quote_get_text (quote),
                                                                             storyline_rendition_get_text (rendition));
          g_autofree char *diff = storyline_fidelity_to_word_diff (fidelity);

          g_string_append_printf (out, "%s\t%s\t%s\t%s\n",
                                  storyline_quote_get_id (quote),
                                  storyline_source_get_id (storyline_rendition_get_source (rendition)),
                                  storyline_verdict_to_string (fidelity->verdict),
                                  diff);
        }
    }
}

static const char * const format_names[] = { "quote-diff", NULL };
static const ExportFunc format_funcs[] = { export_quote_diff };

/**
 * storyline_export_formats:
 *
 * Returns: (transfer none): the names of the export formats
 */
const char * const *
storyline_export_formats (void)
{
  return format_names;
}

/**
 * storyline_export:
 * @format: one of storyline_export_formats()
 * @out: what the export is appended to
 *
 * Returns: %FALSE when @format is not an export format
 */
gboolean
storyline_export (StorylineStory *story,
                  const char     *format,
                  GString        *out)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (story), FALSE);

  for (guint i = 0; format_names[i] != NULL; i++)
    if (g_str_equal (format, format_names[i]))
      {
        format_funcs[i] (story, out);
        return TRUE;
      }
  return FALSE;
}
