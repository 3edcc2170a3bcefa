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

/* APA 7th edition, as citeproc-js writes it with the official apa.csl
 * (tests/citations/apa.txt). The pieces are built as text with italic
 * spans marked, then written out in the markup asked for. */

typedef struct
{
  GString *text;
  GArray *italics;          /* pairs of byte offsets into text */
  StorylineMarkup markup;
} Entry;

/* Typographic apostrophes and quotes, as citeproc-js puts them. */
static void
append_smart (GString    *s,
              const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (*p == '\'')
        g_string_append (s, "’");
      else
        g_string_append_c (s, *p);
    }
}

static void
entry_add (Entry      *e,
           const char *text)
{
  append_smart (e->text, text);
}

static void
entry_add_italic (Entry      *e,
                  const char *text)
{
  guint start = e->text->len, end;

  append_smart (e->text, text);
  end = e->text->len;
  g_array_append_val (e->italics, start);
  g_array_append_val (e->italics, end);
}

static gboolean
ends_with_punctuation (const char *text)
{
  gsize len = strlen (text);
  return len > 0 && strchr (".?!", text[len - 1]) != NULL;
}

/* "Rahman, S. A." from family and given; particles as CSL puts them. */
static void
append_apa_name (GString             *s,
                 const StorylineName *name)
{
  if (name->literal != NULL)
    {
      append_smart (s, name->literal);
      return;
    }
  if (name->non_dropping_particle != NULL)
    g_string_append_printf (s, "%s ", name->non_dropping_particle);
  append_smart (s, name->family);
  if (name->given != NULL)
    {
      g_auto(GStrv) parts = g_strsplit_set (name->given, " ", -1);
      gboolean first = TRUE;

      g_string_append (s, ", ");
      for (guint i = 0; parts[i]; i++)
        {
          if (*parts[i] == '\0')
            continue;
          if (!first)
            g_string_append_c (s, ' ');
          g_string_append_unichar (s, g_utf8_get_char (parts[i]));
          g_string_append_c (s, '.');
          first = FALSE;
        }
    }
}

static const char *
month_name_en (unsigned month)
{
  static const char *months[] = { "January", "February", "March", "April", "May", "June", "July",
                                  "August", "September", "October", "November", "December" };
  return months[month - 1];
}

static char *
member_string (StorylineSource *source,
               const char      *key)
{
  JsonNode *node = source->item ? json_object_get_member (source->item, key) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static void
format_apa (StorylineSource *s,
            Entry           *e)
{
  const char *type = s->type;
  gboolean full_date = g_str_equal (type, "article-newspaper") || g_str_equal (type, "article-magazine") ||
                       g_str_equal (type, "webpage") || g_str_equal (type, "post") ||
                       g_str_equal (type, "broadcast") || g_str_equal (type, "interview") ||
                       g_str_equal (type, "speech");
  gboolean periodical = g_str_equal (type, "article-newspaper") || g_str_equal (type, "article-magazine") ||
                        g_str_equal (type, "article-journal") || g_str_equal (type, "interview");
  gboolean italic_title = !periodical && !g_str_equal (type, "broadcast");
  guint n = STORYLINE_ARRAY_LEN (s->authors);
  g_autofree char *genre = NULL;
  g_autofree char *event_title = member_string (s, "event-title");
  g_autofree char *event_place = member_string (s, "event-place");

  if (s->genre != NULL)
    genre = g_strdup (s->genre);
  else if (g_str_equal (type, "post"))
    genre = g_strdup ("Online post");
  else if (g_str_equal (type, "interview"))
    genre = g_strdup ("Interview");

  /* Who, or the title in their place. */
  if (n > 0)
    {
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append (e->text, i == n - 1 ? ", & " : ", ");
          append_apa_name (e->text, &g_array_index (s->authors, StorylineName, i));
        }
      if (!ends_with_punctuation (e->text->str))
        g_string_append_c (e->text, '.');
      g_string_append_c (e->text, ' ');
    }
  else
    {
      if (italic_title)
        entry_add_italic (e, s->title);
      else
        entry_add (e, s->title);
      if (!ends_with_punctuation (s->title))
        g_string_append_c (e->text, '.');
      g_string_append_c (e->text, ' ');
    }

  /* When. */
  if (storyline_date_is_set (&s->issued))
    {
      const StorylineDatePoint *d = &s->issued.start;

      g_string_append_printf (e->text, "(%d", d->year);
      if (full_date && d->precision >= STORYLINE_DATE_PRECISION_MONTH)
        g_string_append_printf (e->text, ", %s", month_name_en (d->month));
      if (full_date && d->precision >= STORYLINE_DATE_PRECISION_DAY)
        g_string_append_printf (e->text, " %u", d->day);
      g_string_append (e->text, "). ");
    }
  else
    g_string_append (e->text, "(n.d.). ");

  /* What. */
  if (n > 0)
    {
      if (italic_title)
        entry_add_italic (e, s->title);
      else
        entry_add (e, s->title);
      if (genre != NULL)
        g_string_append_printf (e->text, " [%s]", genre);
      if (!ends_with_punctuation (e->text->str))
        g_string_append_c (e->text, '.');
    }
  else if (genre != NULL || g_str_equal (type, "broadcast"))
    {
      g_string_append_printf (e->text, "[%s].", genre ? genre : "Broadcast");
    }
  else
    g_string_truncate (e->text, e->text->len - 1);

  /* Where. */
  if (g_str_equal (type, "broadcast") && s->container_title != NULL)
    {
      g_string_append (e->text, " In ");
      entry_add_italic (e, s->container_title);
      g_string_append_c (e->text, '.');
    }
  else if (periodical && s->container_title != NULL)
    {
      g_string_append_c (e->text, ' ');
      entry_add_italic (e, s->container_title);
      g_string_append_c (e->text, '.');
    }
  else if (s->container_title != NULL)
    {
      g_string_append_c (e->text, ' ');
      entry_add (e, s->container_title);
      g_string_append_c (e->text, '.');
    }
  else if (event_title != NULL)
    {
      g_string_append_c (e->text, ' ');
      entry_add (e, event_title);
      if (event_place != NULL)
        {
          g_string_append (e->text, ", ");
          entry_add (e, event_place);
        }
      g_string_append_c (e->text, '.');
    }
  else if (s->publisher != NULL)
    {
      g_string_append_c (e->text, ' ');
      entry_add (e, s->publisher);
      g_string_append_c (e->text, '.');
    }

  /* Online. */
  if (s->url != NULL)
    {
      if (!storyline_date_is_set (&s->issued) && storyline_date_is_set (&s->accessed) &&
          s->accessed.start.precision == STORYLINE_DATE_PRECISION_DAY)
        g_string_append_printf (e->text, " Retrieved %s %u, %d, from", month_name_en (s->accessed.start.month),
                                s->accessed.start.day, s->accessed.start.year);
      g_string_append_printf (e->text, " %s", s->url);
    }
}

static char *
entry_write (Entry *e)
{
  GString *out = g_string_new (NULL);
  guint next = 0;
  const char *open_tag = e->markup == STORYLINE_MARKUP_TEXT ? "" : "<i>";
  const char *close_tag = e->markup == STORYLINE_MARKUP_TEXT ? "" : "</i>";

  for (guint i = 0; i <= e->italics->len; i += 2)
    {
      guint start = i < e->italics->len ? g_array_index (e->italics, guint, i) : e->text->len;
      guint end = i < e->italics->len ? g_array_index (e->italics, guint, i + 1) : e->text->len;
      g_autofree char *plain = g_strndup (e->text->str + next, start - next);
      g_autofree char *italic = g_strndup (e->text->str + start, end - start);

      if (e->markup == STORYLINE_MARKUP_TEXT)
        {
          g_string_append (out, plain);
          g_string_append (out, italic);
        }
      else
        {
          g_autofree char *p = g_markup_escape_text (plain, -1);
          g_autofree char *it = g_markup_escape_text (italic, -1);

          g_string_append (out, p);
          if (*italic != '\0')
            g_string_append_printf (out, "%s%s%s", open_tag, it, close_tag);
        }
      next = end;
    }
  return g_string_free (out, FALSE);
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
  Entry e = { g_string_new (NULL), g_array_new (FALSE, FALSE, sizeof (guint)), markup };
  char *result;

  g_return_val_if_fail (STORYLINE_IS_SOURCE (source), NULL);

  switch (style)
    {
    case STORYLINE_CITATION_APA:
    default:
      format_apa (source, &e);
      break;
    }

  result = entry_write (&e);
  g_string_free (e.text, TRUE);
  g_array_unref (e.italics);
  return result;
}
