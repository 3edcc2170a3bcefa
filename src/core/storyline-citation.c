/* storyline-citation.c: a source written out for a reader
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <json-glib/json-glib.h>
#include <string.h>

#include "storyline-citation.h"
#include "storyline-csl.h"
#include "storyline-csl-case.h"
#include "storyline-story.h"

static void append_given_family (GString             *s,
                                 const StorylineName *n);


/**
 * storyline_source_format_names:
 *
 * Returns: (transfer full) (nullable): the authors, "A, B and C"
 */
char *
storyline_source_format_names (StorylineSource *source)
{
  guint n = storyline_source_get_n_authors (source);
  GString *s;

  if (n == 0)
    return NULL;

  s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        /* Translators: between the last two of several names */
        g_string_append (s, i == n - 1 ? _(" and ") : ", ");
      append_given_family (s, storyline_source_get_author (source, i));
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
  const char *title = storyline_source_get_title (source);
  g_autofree char *date = NULL;
  GString *s = g_string_new (NULL);

  if (names != NULL)
    g_string_append_printf (s, "%s. ", names);
  /* No period after a title that ends in its own punctuation. */
  if (g_str_has_suffix (title, "?") || g_str_has_suffix (title, "!") ||
      g_str_has_suffix (title, ".") || g_str_has_suffix (title, "…"))
    g_string_append_printf (s, "“%s”", title);
  else
    g_string_append_printf (s, "“%s.”", title);
  if (storyline_source_get_genre (source) != NULL)
    g_string_append_printf (s, " %s.", storyline_source_get_genre (source));
  if (storyline_source_get_container_title (source) != NULL)
    g_string_append_printf (s, " %s.", storyline_source_get_container_title (source));
  else if (storyline_source_get_publisher (source) != NULL && (names == NULL || g_strcmp0 (names, storyline_source_get_publisher (source)) != 0))
    g_string_append_printf (s, " %s.", storyline_source_get_publisher (source));

  if (storyline_date_is_set (storyline_source_get_issued (source)))
    date = storyline_date_format (storyline_source_get_issued (source));
  else if (storyline_source_get_issued_literal (source) != NULL)
    date = g_strdup (storyline_source_get_issued_literal (source));
  /* Isolated: a date in the reader's language keeps its own direction
   * inside a citation in the story's. */
  if (date != NULL)
    g_string_append_printf (s, " \u2068%s\u2069.", date);
  else
    g_string_append (s, _(" Undated."));

  return g_string_free (s, FALSE);
}

static void
append_given_family (GString             *s,
                     const StorylineName *n)
{
  if (n->literal != NULL)
    {
      g_string_append (s, n->literal);
      return;
    }
  if (n->given != NULL)
    g_string_append_printf (s, "%s ", n->given);
  if (n->dropping_particle != NULL)
    g_string_append_printf (s, "%s ", n->dropping_particle);
  if (n->non_dropping_particle != NULL)
    g_string_append_printf (s, "%s ", n->non_dropping_particle);
  g_string_append (s, n->family);
  if (n->suffix != NULL)
    g_string_append_printf (s, " %s", n->suffix);
}

/**
 * storyline_locator_parse:
 * @locator: where in a source, as a story gives it: "p. 12", "paras. 3–4",
 *   "chapter 2", "12", "headline"
 * @label: (out): the CSL locator type ("page", "paragraph", …), or %NULL
 * @value: (out): the locator without its label
 *
 * A leading label is any form of a CSL locator term in the styles'
 * English terms ("p.", "pp.", "page", "para.", "par.", "¶", "sec.", "§"…);
 * a locator without one is a page when it is a number or a range of
 * them, and has no label otherwise ("headline" stays "headline", never
 * "p. headline").
 */
void
storyline_locator_parse (const char  *locator,
                         char       **label,
                         char       **value)
{
  csl_locator_parse (locator, label, value);
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
  if (storyline_source_get_container_title (source) != NULL)
    return storyline_source_get_container_title (source);
  if (storyline_source_get_n_authors (source) > 0 &&
      storyline_source_get_author (source, 0)->literal != NULL)
    return storyline_source_get_author (source, 0)->literal;
  if (storyline_source_get_publisher (source) != NULL)
    return storyline_source_get_publisher (source);
  return storyline_source_get_title (source);
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

  if (storyline_source_get_n_derived_from (source) == 0)
    return NULL;

  s = g_string_new (NULL);
  /* The validator refuses cycles; the bound is for safety all the same. */
  while (storyline_source_get_n_derived_from (current) > 0 && steps++ < 64)
    {
      StorylineSource *parent = storyline_source_get_derived_from (current, 0);

      if (s->len > 0)
        g_string_append (s, " → ");
      g_string_append (s, storyline_source_get_short_name (parent));
      current = parent;
    }
  return g_string_free (s, FALSE);
}

/**
 * storyline_title_case:
 *
 * Returns: (transfer full): @title in title case, as CSL writes it
 */
char *
storyline_title_case (const char *title)
{
  return csl_case_title (title);
}

/**
 * storyline_source_format_in_style:
 *
 * Like storyline_source_format(), for showing a source in a list: where
 * Chicago's bibliography has no entry (posts, speeches, documents), its
 * first note.
 *
 * Returns: (transfer full): the entry
 */
char *
storyline_source_format_in_style (StorylineSource        *source,
                                  StorylineCitationStyle  style,
                                  StorylineMarkup         markup)
{
  char *entry = storyline_source_format (source, style, markup);

  if (*entry == '\0' && style == STORYLINE_CITATION_CHICAGO)
    {
      g_free (entry);
      entry = storyline_source_format (source, STORYLINE_CITATION_CHICAGO_NOTE, markup);
    }
  return entry;
}

const char *
storyline_citation_style_to_string (StorylineCitationStyle style)
{
  static const char *names[] = { "apa", "chicago", "chicago-note", "mla" };
  g_return_val_if_fail (style < G_N_ELEMENTS (names), NULL);
  return names[style];
}

/* The nicks are the names of storyline_citation_style_to_string(). */
G_DEFINE_ENUM_TYPE (StorylineCitationStyle, storyline_citation_style,
                    G_DEFINE_ENUM_VALUE (STORYLINE_CITATION_APA, "apa"),
                    G_DEFINE_ENUM_VALUE (STORYLINE_CITATION_CHICAGO, "chicago"),
                    G_DEFINE_ENUM_VALUE (STORYLINE_CITATION_CHICAGO_NOTE, "chicago-note"),
                    G_DEFINE_ENUM_VALUE (STORYLINE_CITATION_MLA, "mla"))

gboolean
storyline_citation_style_from_string (const char             *name,
                                      StorylineCitationStyle *style)
{
  for (StorylineCitationStyle s = STORYLINE_CITATION_APA; s <= STORYLINE_CITATION_MLA; s++)
    if (g_strcmp0 (name, storyline_citation_style_to_string (s)) == 0)
      {
        *style = s;
        return TRUE;
      }
  return FALSE;
}

/* The source's CSL item through the official style (src/core/storyline-csl.c):
 * the bibliography entry, or the citation in first position with
 * @locator. */
static char *
render (StorylineSource        *source,
        StorylineCitationStyle  style,
        gboolean                bibliography,
        const char             *locator,
        StorylineMarkup         markup)
{
  JsonObject *item = storyline_source_get_item (source);
  g_autofree char *label = NULL;
  g_autofree char *value = NULL;

  if (item == NULL)
    return g_strdup ("");
  if (locator != NULL)
    csl_locator_parse (locator, &label, &value);
  return csl_render (csl_style_get_builtin (style), item, bibliography, label, value, markup);
}

/**
 * storyline_source_format:
 * @style: the style guide
 * @markup: plain text, HTML for the clipboard, or Pango markup for a label
 *
 * Returns: (transfer full): the source's reference-list entry in @style,
 *   the story's text escaped in the markups
 */
char *
storyline_source_format (StorylineSource        *source,
                         StorylineCitationStyle  style,
                         StorylineMarkup         markup)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (source), NULL);

  return render (source, style, style != STORYLINE_CITATION_CHICAGO_NOTE, NULL, markup);
}

/**
 * storyline_source_format_in_text:
 * @locator: (nullable): where in the source, as a story gives it
 *
 * The short form: APA's and MLA's parenthetical citation, Chicago's first
 * full note, with the locator.
 *
 * Returns: (transfer full): the citation
 */
char *
storyline_source_format_in_text (StorylineSource        *source,
                                 StorylineCitationStyle  style,
                                 const char             *locator,
                                 StorylineMarkup         markup)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (source), NULL);

  return render (source, style, FALSE, locator, markup);
}
