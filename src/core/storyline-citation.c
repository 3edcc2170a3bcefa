/* storyline-citation.c: a source written out for a reader
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "storyline-citation.h"
#include "storyline-model-private.h"

static void
append_name (GString             *s,
             const StorylineName *name)
{
  if (name->literal != NULL)
    {
      g_string_append (s, name->literal);
      return;
    }
  if (name->given != NULL)
    g_string_append_printf (s, "%s ", name->given);
  if (name->dropping_particle != NULL)
    g_string_append_printf (s, "%s ", name->dropping_particle);
  if (name->non_dropping_particle != NULL)
    g_string_append_printf (s, "%s ", name->non_dropping_particle);
  g_string_append (s, name->family);
  if (name->suffix != NULL)
    g_string_append_printf (s, ", %s", name->suffix);
}

/**
 * storyline_source_format_names:
 *
 * Returns: (transfer full) (nullable): the authors, "A, B and C"
 */
char *
storyline_source_format_names (StorylineSource *source)
{
  guint n = STORYLINE_ARRAY_LEN (source->authors);
  GString *s;

  if (n == 0)
    return NULL;

  s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        /* Translators: between the last two of several names */
        g_string_append (s, i == n - 1 ? _(" and ") : ", ");
      append_name (s, &g_array_index (source->authors, StorylineName, i));
    }
  return g_string_free (s, FALSE);
}

/**
 * storyline_source_format_simple:
 *
 * A plain, readable citation: who, what, where, when. The style guides'
 * forms (APA, Chicago, MLA) come with the citations module.
 *
 * Returns: (transfer full): the citation as plain text
 */
char *
storyline_source_format_simple (StorylineSource *source)
{
  g_autofree char *names = storyline_source_format_names (source);
  g_autofree char *date = NULL;
  GString *s = g_string_new (NULL);

  if (names != NULL)
    g_string_append_printf (s, "%s. ", names);
  /* No period after a title that ends in its own punctuation. */
  if (g_str_has_suffix (source->title, "?") || g_str_has_suffix (source->title, "!") ||
      g_str_has_suffix (source->title, ".") || g_str_has_suffix (source->title, "…"))
    g_string_append_printf (s, "“%s”", source->title);
  else
    g_string_append_printf (s, "“%s.”", source->title);
  if (source->genre != NULL)
    g_string_append_printf (s, " %s.", source->genre);
  if (source->container_title != NULL)
    g_string_append_printf (s, " %s.", source->container_title);
  else if (source->publisher != NULL && (names == NULL || g_strcmp0 (names, source->publisher) != 0))
    g_string_append_printf (s, " %s.", source->publisher);

  if (storyline_date_is_set (&source->issued))
    date = storyline_date_format (&source->issued);
  else if (source->issued_literal != NULL)
    date = g_strdup (source->issued_literal);
  /* Isolated: a date in the reader's language keeps its own direction
   * inside a citation in the story's. */
  if (date != NULL)
    g_string_append_printf (s, " \u2068%s\u2069.", date);
  else
    g_string_append (s, _(" Undated."));

  return g_string_free (s, FALSE);
}

/**
 * storyline_source_get_short_name:
 *
 * Returns: what to call @source in a chain or a list: its outlet, else its
 *   author, else its publisher, else its title
 */
const char *
storyline_source_get_short_name (StorylineSource *source)
{
  if (source->container_title != NULL)
    return source->container_title;
  if (STORYLINE_ARRAY_LEN (source->authors) > 0 &&
      g_array_index (source->authors, StorylineName, 0).literal != NULL)
    return g_array_index (source->authors, StorylineName, 0).literal;
  if (source->publisher != NULL)
    return source->publisher;
  return source->title;
}

/**
 * storyline_source_dup_provenance:
 *
 * Returns: (transfer full) (nullable): the chain of sources @source derives
 *   from, "Arab News → ISPR press release", following the first parent at
 *   each step; %NULL when it derives from nothing
 */
char *
storyline_source_dup_provenance (StorylineSource *source)
{
  GString *s;
  StorylineSource *current = source;
  guint steps = 0;

  if (STORYLINE_ARRAY_LEN (source->derived_from) == 0)
    return NULL;

  s = g_string_new (NULL);
  /* The validator refuses cycles; the bound is for safety all the same. */
  while (STORYLINE_ARRAY_LEN (current->derived_from) > 0 && steps++ < 64)
    {
      StorylineSource *parent = g_ptr_array_index (current->derived_from, 0);

      if (s->len > 0)
        g_string_append (s, " → ");
      g_string_append (s, storyline_source_get_short_name (parent));
      current = parent;
    }
  return g_string_free (s, FALSE);
}
