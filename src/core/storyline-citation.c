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
      append_given_family (s, &g_array_index (source->authors, StorylineName, i));
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

/* " Text." — an element standing as a sentence of its own. */
static void
entry_add_sentence (Entry      *e,
                    const char *text,
                    gboolean    italic)
{
  g_string_append_c (e->text, ' ');
  if (italic)
    entry_add_italic (e, text);
  else
    entry_add (e, text);
  g_string_append_c (e->text, '.');
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
  JsonObject *item = storyline_source_get_item (source);
  JsonNode *node = item ? json_object_get_member (item, key) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

/* " Press briefing, Dhaka." — a speech's event, when the item has one. */
static gboolean
append_event (Entry           *e,
              StorylineSource *s,
              char             terminator)
{
  g_autofree char *title = member_string (s, "event-title");
  g_autofree char *place = member_string (s, "event-place");

  if (title == NULL)
    return FALSE;
  g_string_append_c (e->text, ' ');
  entry_add (e, title);
  if (place != NULL)
    {
      g_string_append (e->text, ", ");
      entry_add (e, place);
    }
  g_string_append_c (e->text, terminator);
  return TRUE;
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
  else if (s->container_title != NULL)
    entry_add_sentence (e, s->container_title, periodical);
  else if (!append_event (e, s, '.') && s->publisher != NULL)
    entry_add_sentence (e, s->publisher, FALSE);

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

/* Chicago and MLA: title case by CSL's rules. Words with a capital
 * already (CJCSC, Dec) stay; CSL's stop words stay lower case except first,
 * last and after a sentence's or a subtitle's end; every other word gets a
 * capital. */
static const char * const stop_words[] = {
  "a", "according", "across", "afore", "after", "against", "ahead", "along", "alongside", "amid",
  "amidst", "among", "amongst", "an", "and", "anenst", "apart", "apropos", "apud", "around", "as",
  "aside", "astride", "at", "athwart", "atop", "barring", "before", "behind", "below", "beneath",
  "beside", "besides", "between", "beyond", "but", "by", "circa", "despite", "down", "due", "during",
  "et", "except", "for", "forenenst", "from", "given", "in", "including", "inside", "instead", "into",
  "like", "near", "nearer", "nearest", "nor", "notwithstanding", "of", "off", "on", "onto", "opposite",
  "or", "out", "outside", "over", "pace", "past", "per", "plus", "qua", "regarding", "sans", "save",
  "since", "so", "than", "the", "through", "throughout", "thru", "thruout", "till", "times", "to",
  "toward", "towards", "under", "underneath", "until", "unto", "up", "upon", "versus", "vs", "v",
  "via", "with", "within", "without", "worth", "yet", NULL
};

/**
 * storyline_title_case:
 *
 * Returns: (transfer full): @title in title case, as CSL writes it
 */
char *
storyline_title_case (const char *title)
{
  g_auto(GStrv) words = g_strsplit (title, " ", -1);
  guint n = g_strv_length (words);
  GString *out = g_string_new (NULL);
  gboolean start = TRUE;

  for (guint i = 0; i < n; i++)
    {
      const char *w = words[i];
      gboolean has_upper = FALSE;
      g_autofree char *bare = NULL;
      gsize len;

      for (const char *p = w; *p; p = g_utf8_next_char (p))
        if (g_unichar_isupper (g_utf8_get_char (p)))
          has_upper = TRUE;

      /* The word without the punctuation around it, for the stop list. */
      bare = g_strdup (w);
      len = strlen (bare);
      while (len > 0 && !g_ascii_isalnum (bare[len - 1]))
        bare[--len] = '\0';

      if (i > 0)
        g_string_append_c (out, ' ');
      if (has_upper || *w == '\0' ||
          (!start && i != n - 1 && g_strv_contains (stop_words, bare)))
        g_string_append (out, w);
      else
        {
          gunichar first = g_utf8_get_char (w);
          g_string_append_unichar (out, g_unichar_totitle (first));
          g_string_append (out, g_utf8_next_char (w));
        }

      len = strlen (w);
      start = len > 0 && strchr (".?!:", w[len - 1]) != NULL;
    }
  return g_string_free (out, FALSE);
}

static const char *
month_short_en (unsigned month)
{
  static const char *months[] = { "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July",
                                  "Aug.", "Sept.", "Oct.", "Nov.", "Dec." };
  return months[month - 1];
}

/* "October 27, 2025", "December 2025", "2025" */
static void
append_long_date (GString             *s,
                  const StorylineDate *date)
{
  const StorylineDatePoint *d = &date->start;

  if (d->precision >= STORYLINE_DATE_PRECISION_MONTH)
    g_string_append_printf (s, "%s ", month_name_en (d->month));
  if (d->precision >= STORYLINE_DATE_PRECISION_DAY)
    g_string_append_printf (s, "%u, ", d->day);
  g_string_append_printf (s, "%d", d->year);
}

/* "27 Oct. 2025", "Dec. 2025", "2025" */
static void
append_mla_date (GString             *s,
                 const StorylineDate *date)
{
  const StorylineDatePoint *d = &date->start;

  if (d->precision >= STORYLINE_DATE_PRECISION_DAY)
    g_string_append_printf (s, "%u ", d->day);
  if (d->precision >= STORYLINE_DATE_PRECISION_MONTH)
    g_string_append_printf (s, "%s ", month_short_en (d->month));
  g_string_append_printf (s, "%d", d->year);
}

/* "Jan van den Hoek", "Charles de Gaulle Jr." */
static void
append_given_family (GString             *s,
                     const StorylineName *n)
{
  if (n->literal != NULL)
    {
      append_smart (s, n->literal);
      return;
    }
  if (n->given != NULL)
    g_string_append_printf (s, "%s ", n->given);
  if (n->dropping_particle != NULL)
    g_string_append_printf (s, "%s ", n->dropping_particle);
  if (n->non_dropping_particle != NULL)
    g_string_append_printf (s, "%s ", n->non_dropping_particle);
  append_smart (s, n->family);
  if (n->suffix != NULL)
    g_string_append_printf (s, " %s", n->suffix);
}

/* Chicago: "Hoek, Jan van den"; MLA: "van den Hoek, Jan" */
static void
append_family_given (GString             *s,
                     const StorylineName *n,
                     gboolean             particle_first)
{
  if (n->literal != NULL)
    {
      append_smart (s, n->literal);
      return;
    }
  if (particle_first && n->non_dropping_particle != NULL)
    g_string_append_printf (s, "%s ", n->non_dropping_particle);
  append_smart (s, n->family);
  if (n->given != NULL)
    g_string_append_printf (s, ", %s", n->given);
  if (!particle_first && n->non_dropping_particle != NULL)
    g_string_append_printf (s, " %s", n->non_dropping_particle);
}

static const StorylineName *
author (StorylineSource *s,
        guint            i)
{
  return &g_array_index (s->authors, StorylineName, i);
}

static gboolean
is_type (StorylineSource *s,
         const char      *a,
         const char      *b)
{
  return g_str_equal (s->type, a) || (b != NULL && g_str_equal (s->type, b));
}

static char *
cased_title (StorylineSource *s)
{
  /* Posts keep their words as written: they are often a sentence. */
  if (is_type (s, "post", "post-weblog"))
    return g_strdup (s->title);
  return storyline_title_case (s->title);
}

/* “Title.” in a sentence that ends there; “Title?” keeps its own mark. */
static void
append_quoted_title (Entry      *e,
                     const char *title,
                     const char *after)
{
  g_string_append (e->text, "“");
  entry_add (e, title);
  if (!ends_with_punctuation (title) || g_str_equal (after, ","))
    g_string_append (e->text, after);
  g_string_append (e->text, "”");
}

static void
format_chicago (StorylineSource *s,
                Entry           *e)
{
  guint n = STORYLINE_ARRAY_LEN (s->authors);
  g_autofree char *title = cased_title (s);
  gboolean periodical = is_type (s, "article-newspaper", "article-magazine") || is_type (s, "interview", NULL);
  gboolean report = is_type (s, "report", NULL);

  /* No bibliography entry for these in Chicago's style: notes only. */
  if (is_type (s, "post", "speech") || is_type (s, "document", "personal_communication"))
    return;

  if (n > 0)
    {
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append (e->text, i == n - 1 ? ", and " : ", ");
          if (i == 0)
            append_family_given (e->text, author (s, i), FALSE);
          else
            append_given_family (e->text, author (s, i));
        }
      g_string_append (e->text, ". ");
    }
  else if (s->container_title != NULL)
    {
      /* The outlet stands in for the author. */
      if (periodical || is_type (s, "broadcast", NULL))
        entry_add_italic (e, s->container_title);
      else
        entry_add (e, s->container_title);
      g_string_append (e->text, ". ");
    }

  if (report)
    {
      entry_add_italic (e, title);
      g_string_append (e->text, ".");
      if (s->genre != NULL)
        entry_add_sentence (e, s->genre, FALSE);
      if (s->publisher != NULL)
        {
          g_string_append_c (e->text, ' ');
          entry_add (e, s->publisher);
          g_string_append (e->text, ", ");
        }
      else
        g_string_append_c (e->text, ' ');
      if (storyline_date_is_set (&s->issued))
        g_string_append_printf (e->text, "%d.", s->issued.start.year);
      else
        g_string_append (e->text, "n.d.");
      return;
    }

  append_quoted_title (e, title, ".");

  if (n > 0 && s->container_title != NULL)
    {
      g_string_append_c (e->text, ' ');
      entry_add_italic (e, s->container_title);
      g_string_append_c (e->text, ',');
    }

  if (storyline_date_is_set (&s->issued))
    {
      g_string_append_c (e->text, ' ');
      if (is_type (s, "broadcast", NULL))
        g_string_append (e->text, "Aired ");
      append_long_date (e->text, &s->issued);
      g_string_append_c (e->text, '.');
    }
  else if (storyline_date_is_set (&s->accessed) && s->accessed.start.precision == STORYLINE_DATE_PRECISION_DAY)
    {
      g_string_append (e->text, " Accessed ");
      append_long_date (e->text, &s->accessed);
      g_string_append_c (e->text, '.');
    }

  if (s->url != NULL)
    g_string_append_printf (e->text, " %s.", s->url);
}

static void
format_chicago_note (StorylineSource *s,
                     Entry           *e)
{
  guint n = STORYLINE_ARRAY_LEN (s->authors);
  g_autofree char *title = cased_title (s);
  gboolean periodical = is_type (s, "article-newspaper", "article-magazine") || is_type (s, "interview", NULL) ||
                        is_type (s, "broadcast", NULL);

  if (n >= 3)
    {
      append_given_family (e->text, author (s, 0));
      g_string_append (e->text, " et al., ");
    }
  else if (n > 0)
    {
      append_given_family (e->text, author (s, 0));
      if (n == 2)
        {
          g_string_append (e->text, " and ");
          append_given_family (e->text, author (s, 1));
        }
      g_string_append (e->text, ", ");
    }

  if (is_type (s, "report", NULL))
    {
      entry_add_italic (e, title);
      if (s->genre != NULL)
        {
          g_string_append (e->text, ", ");
          entry_add (e, s->genre);
        }
      g_string_append (e->text, " (");
      if (s->publisher != NULL)
        {
          entry_add (e, s->publisher);
          g_string_append (e->text, ", ");
        }
      if (storyline_date_is_set (&s->issued))
        g_string_append_printf (e->text, "%d", s->issued.start.year);
      else
        g_string_append (e->text, "n.d.");
      g_string_append (e->text, ").");
      return;
    }

  append_quoted_title (e, title, ",");

  if (s->container_title != NULL)
    {
      g_string_append_c (e->text, ' ');
      if (periodical)
        entry_add_italic (e, s->container_title);
      else
        entry_add (e, s->container_title);
      g_string_append_c (e->text, ',');
    }
  else
    append_event (e, s, ',');

  if (storyline_date_is_set (&s->issued))
    {
      g_string_append_c (e->text, ' ');
      if (is_type (s, "broadcast", NULL))
        g_string_append (e->text, "aired ");
      append_long_date (e->text, &s->issued);
    }
  else if (storyline_date_is_set (&s->accessed) && s->accessed.start.precision == STORYLINE_DATE_PRECISION_DAY)
    {
      g_string_append (e->text, " accessed ");
      append_long_date (e->text, &s->accessed);
    }
  else if (e->text->len > 0 && e->text->str[e->text->len - 1] == ',')
    g_string_truncate (e->text, e->text->len - 1);

  if (s->url != NULL)
    g_string_append_printf (e->text, ", %s", s->url);
  g_string_append_c (e->text, '.');
}

static void
format_mla (StorylineSource *s,
            Entry           *e)
{
  guint n = STORYLINE_ARRAY_LEN (s->authors);
  g_autofree char *title = cased_title (s);
  gboolean has_url = s->url != NULL;

  if (n > 0)
    {
      append_family_given (e->text, author (s, 0), TRUE);
      if (n == 2)
        {
          g_string_append (e->text, ", and ");
          append_given_family (e->text, author (s, 1));
        }
      else if (n >= 3)
        g_string_append (e->text, ", et al");
      if (!ends_with_punctuation (e->text->str))
        g_string_append_c (e->text, '.');
      g_string_append_c (e->text, ' ');
    }

  if (is_type (s, "report", NULL))
    {
      entry_add_italic (e, title);
      g_string_append_c (e->text, '.');
      if (s->genre != NULL)
        entry_add_sentence (e, s->genre, FALSE);
      if (s->publisher != NULL)
        {
          g_string_append_c (e->text, ' ');
          entry_add (e, s->publisher);
          if (storyline_date_is_set (&s->issued))
            {
              g_string_append (e->text, ", ");
              append_mla_date (e->text, &s->issued);
            }
          g_string_append_c (e->text, '.');
        }
      return;
    }

  append_quoted_title (e, title, ".");

  if (s->container_title != NULL)
    {
      g_string_append_c (e->text, ' ');
      entry_add_italic (e, s->container_title);
      if (storyline_date_is_set (&s->issued))
        {
          g_string_append (e->text, ", ");
          append_mla_date (e->text, &s->issued);
        }
      if (has_url)
        g_string_append_printf (e->text, ", %s", s->url);
      g_string_append_c (e->text, '.');
    }
  else if (!append_event (e, s, '.') && storyline_date_is_set (&s->issued))
    {
      g_string_append_c (e->text, ' ');
      append_mla_date (e->text, &s->issued);
      if (has_url)
        g_string_append_printf (e->text, ", %s", s->url);
      g_string_append_c (e->text, '.');
    }

  if (!storyline_date_is_set (&s->issued) && storyline_date_is_set (&s->accessed) &&
      s->accessed.start.precision == STORYLINE_DATE_PRECISION_DAY)
    {
      g_string_append (e->text, " Accessed ");
      append_mla_date (e->text, &s->accessed);
      g_string_append_c (e->text, '.');
    }
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
    case STORYLINE_CITATION_CHICAGO:
      format_chicago (source, &e);
      break;
    case STORYLINE_CITATION_CHICAGO_NOTE:
      format_chicago_note (source, &e);
      break;
    case STORYLINE_CITATION_MLA:
      format_mla (source, &e);
      break;
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
