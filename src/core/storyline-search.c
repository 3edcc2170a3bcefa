/* storyline-search.c: text folded for case- and accent-insensitive search
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-story.h"
#include "storyline-search.h"

/**
 * storyline_fold_text:
 *
 * Folds @text so that "Senakunjo", "SENAKUNJO" and "Sénakunjo" compare
 * equal: compatibility decomposition, case folding, combining marks
 * dropped from Latin, Greek and Cyrillic letters only — in Bengali and
 * Urdu the marks are vowels, and dropping them would make different words
 * match.
 *
 * Returns: (transfer full): the folded text
 */
char *
storyline_fold_text (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gunichar previous_base = 0;

  if (text == NULL)
    return g_strdup ("");

  /* Plain ASCII, most text in most stories: normalising and case folding
   * are lowercasing. */
  {
    gsize len = 0;
    char *lower;

    while (text[len] != '\0' && (guchar) text[len] < 0x80)
      len++;
    if (text[len] == '\0')
      {
        lower = g_malloc (len + 1);
        for (gsize i = 0; i <= len; i++)
          lower[i] = g_ascii_tolower (text[i]);
        return lower;
      }
  }

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (decomposed, -1);

  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeScript script;

      if (g_unichar_ismark (c))
        {
          script = g_unichar_get_script (previous_base);
          if (script == G_UNICODE_SCRIPT_LATIN || script == G_UNICODE_SCRIPT_GREEK ||
              script == G_UNICODE_SCRIPT_CYRILLIC)
            continue;
        }
      else
        previous_base = c;

      /* Typographic apostrophes and quotes search as plain ones. */
      if (c == 0x2019 || c == 0x2018)
        c = '\'';
      else if (c == 0x201C || c == 0x201D)
        c = '"';
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
append_field (GString    *s,
              const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  if (s->len > 0)
    g_string_append_c (s, '\n');
  g_string_append (s, text);
}

/* A source as a reader knows it: its title, its outlet (the container or
 * the publisher) and its authors. */
static void
append_source (GString         *s,
               StorylineSource *source)
{
  if (source == NULL)
    return;
  append_field (s, storyline_source_get_title (source));
  append_field (s, storyline_source_get_container_title (source));
  append_field (s, storyline_source_get_publisher (source));
  for (guint i = 0; i < storyline_source_get_n_authors (source); i++)
    {
      const StorylineName *name = storyline_source_get_author (source, i);

      append_field (s, name->literal);
      append_field (s, name->given);
      append_field (s, name->family);
    }
}

/**
 * storyline_event_dup_search_text:
 *
 * Returns: (transfer full): what search looks in for @event, folded: its
 *   title, summary and place, its actors' names and aliases, the sources
 *   it cites (title, outlet, authors), the text of its quotes and their
 *   renditions, and the outlets that printed them
 */
char *
storyline_event_dup_search_text (StorylineEvent *event)
{
  g_autoptr(GString) s = g_string_new (NULL);

  append_field (s, storyline_event_get_title (event));
  append_field (s, storyline_event_get_summary (event));
  append_field (s, storyline_event_get_place (event));
  for (guint i = 0; i < storyline_event_get_n_actors (event); i++)
    {
      StorylineActor *actor = storyline_event_get_actor (event, i);
      const char * const *aliases = storyline_actor_get_aliases (actor);

      append_field (s, storyline_actor_get_name (actor));
      for (guint j = 0; aliases != NULL && aliases[j] != NULL; j++)
        append_field (s, aliases[j]);
    }
  for (guint i = 0; i < storyline_event_get_n_sources (event); i++)
    append_source (s, storyline_event_get_source (event, i)->source);
  for (guint i = 0; i < storyline_event_get_n_quotes (event); i++)
    {
      StorylineQuote *quote = storyline_event_get_quote (event, i);

      append_field (s, storyline_quote_get_text (quote));
      for (guint j = 0; j < storyline_quote_get_n_renditions (quote); j++)
        {
          StorylineRendition *rendition = storyline_quote_get_rendition (quote, j);

          append_field (s, storyline_rendition_get_text (rendition));
          append_source (s, storyline_rendition_get_source (rendition));
        }
    }

  return storyline_fold_text (s->str);
}

/**
 * storyline_folded_matches:
 *
 * Every word of @folded_needle (separated by spaces) must occur in
 * @folded_haystack.
 */
gboolean
storyline_folded_matches (const char *folded_haystack,
                          const char *folded_needle)
{
  const char *p = folded_needle;

  while (*p)
    {
      const char *end;
      g_autofree char *word = NULL;

      while (*p == ' ')
        p++;
      if (*p == '\0')
        break;
      end = strchr (p, ' ');
      if (end == NULL)
        end = p + strlen (p);
      word = g_strndup (p, end - p);
      if (strstr (folded_haystack, word) == NULL)
        return FALSE;
      p = end;
    }

  return TRUE;
}

/**
 * storyline_find_bytes:
 *
 * Like memmem(), but with no set-up per call and quick with the short
 * words a search is typed in: eight bytes at a time, it looks for places
 * where the needle's first two bytes both are, and compares the rest only
 * there. glibc's memmem() goes through two-byte needles a byte at a time
 * and builds a table on every call for longer ones; a search calls this
 * hundreds of thousands of times per keystroke.
 *
 * Returns: (nullable): where @needle first occurs in @haystack
 */
const char *
storyline_find_bytes (const char *haystack,
                      gsize       haystack_len,
                      const char *needle,
                      gsize       needle_len)
{
  const guchar *h = (const guchar *) haystack;
  const guchar *n = (const guchar *) needle;
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  guint64 first, second;
  gsize i = 0;

  if (needle_len == 0)
    return haystack;
  if (needle_len > haystack_len)
    return NULL;
  if (needle_len == 1)
    return memchr (haystack, n[0], haystack_len);

  first = ones * n[0];
  second = ones * n[1];
  /* Starts i to i + 7 need bytes i to i + 8. */
  for (; i + 9 <= haystack_len; i += 8)
    {
      guint64 a, b, z;

      memcpy (&a, h + i, 8);
      memcpy (&b, h + i + 1, 8);
      z = (a ^ first) | (b ^ second);
      /* A byte of z is zero where both bytes matched. */
      if (storyline_zero_bytes (z) == 0)
        continue;
      for (gsize j = i; j < i + 8 && j + needle_len <= haystack_len; j++)
        if (h[j] == n[0] && h[j + 1] == n[1] && memcmp (h + j + 2, n + 2, needle_len - 2) == 0)
          return haystack + j;
    }
  for (; i + needle_len <= haystack_len; i++)
    if (h[i] == n[0] && memcmp (h + i + 1, n + 1, needle_len - 1) == 0)
      return haystack + i;
  return NULL;
}

/* One grapheme-like cluster (a character and the combining marks after
 * it) folded on its own, so that each folded byte knows where in the text
 * it came from. */
static gsize
fold_cluster (const char *p,
              GString    *folded)
{
  const char *end = g_utf8_next_char (p);

  if ((guchar) *p < 0x80 && ((guchar) *end < 0x80 || *end == '\0'))
    {
      g_string_append_c (folded, g_ascii_tolower (*p));
      return 1;
    }
  while (*end != '\0' && g_unichar_ismark (g_utf8_get_char (end)))
    end = g_utf8_next_char (end);
  {
    g_autofree char *cluster = g_strndup (p, end - p);
    g_autofree char *f = storyline_fold_text (cluster);

    g_string_append (folded, f);
  }
  return end - p;
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const StorylineTextRange *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

/**
 * storyline_search_find:
 * @text: text as shown
 * @search: (nullable): a search as typed: words separated by spaces
 *
 * Where the words of @search are in @text, found as the search finds
 * them (case and accents aside), for highlighting.
 *
 * Returns: (transfer full) (element-type StorylineTextRange): the byte
 *   ranges in @text, in order, overlapping ones merged; empty when none
 */
GArray *
storyline_search_find (const char *text,
                       const char *search)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (StorylineTextRange));
  g_autofree char *needle = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) folded = NULL;
  g_autoptr(GArray) from = NULL;
  g_autoptr(GArray) to = NULL;
  gsize ascii = 0;

  if (text == NULL || *text == '\0' || search == NULL)
    return ranges;
  needle = storyline_fold_text (search);
  words = g_strsplit (needle, " ", -1);

  /* The text folded, each byte with the span of text it came from. */
  folded = g_string_sized_new (strlen (text));
  from = g_array_new (FALSE, FALSE, sizeof (guint));
  to = g_array_new (FALSE, FALSE, sizeof (guint));
  while (text[ascii] != '\0' && (guchar) text[ascii] < 0x80)
    ascii++;
  if (text[ascii] == '\0')
    {
      /* Plain ASCII (most titles): lowercase, byte for byte. */
      g_array_set_size (from, ascii);
      g_array_set_size (to, ascii);
      for (gsize i = 0; i < ascii; i++)
        {
          g_string_append_c (folded, g_ascii_tolower (text[i]));
          g_array_index (from, guint, i) = i;
          g_array_index (to, guint, i) = i + 1;
        }
    }
  else
    for (const char *p = text; *p != '\0'; )
      {
        gsize before = folded->len;
        guint start = p - text, end;

        p += fold_cluster (p, folded);
        end = p - text;
        for (gsize i = before; i < folded->len; i++)
          {
            g_array_append_val (from, start);
            g_array_append_val (to, end);
          }
      }

  for (guint w = 0; words[w] != NULL; w++)
    {
      gsize len = strlen (words[w]);

      if (len == 0)
        continue;
      for (const char *hit = strstr (folded->str, words[w]); hit != NULL; hit = strstr (hit + 1, words[w]))
        {
          gsize at = hit - folded->str;
          StorylineTextRange range = { g_array_index (from, guint, at), g_array_index (to, guint, at + len - 1) };

          g_array_append_val (ranges, range);
        }
    }

  g_array_sort (ranges, compare_ranges);
  for (guint i = 1; i < ranges->len; )
    {
      StorylineTextRange *a = &g_array_index (ranges, StorylineTextRange, i - 1);
      StorylineTextRange *b = &g_array_index (ranges, StorylineTextRange, i);

      if (b->start <= a->end)
        {
          a->end = MAX (a->end, b->end);
          g_array_remove_index (ranges, i);
        }
      else
        i++;
    }
  return ranges;
}
