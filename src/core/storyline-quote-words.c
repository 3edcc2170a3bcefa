/* storyline-quote-words.c: a quote's words as a reader counts them, and
 * the marks editors put inside quotations
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-quote-words.h"

/* A word is a maximal run of Unicode letters, digits and combining marks
 * (so a Bengali vowel sign stays inside its word), joined across an
 * apostrophe or a hyphen between two of them ("Pakistan's",
 * "military-to-military") and across a point or comma between two digits
 * ("1.5", "10,000"). */

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalpha (c) || g_unichar_isdigit (c) || g_unichar_ismark (c);
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

static gboolean
is_dot_space (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x2009 || c == 0x202F;
}

static gunichar
char_at (const char *text,
         gsize       len,
         gsize       i)
{
  return i < len ? g_utf8_get_char (text + i) : 0;
}

static gsize
next_at (const char *text,
         gsize       i)
{
  return g_utf8_next_char (text + i) - text;
}

/* The length of an ellipsis starting at @i: "…" (followed by any points),
 * or three or more points with single spaces between them allowed
 * (". . .", "...."); 0 when there is none. */
static gsize
ellipsis_length (const char *text,
                 gsize       len,
                 gsize       i)
{
  gunichar c = char_at (text, len, i);
  gsize end;
  guint dots = 0;

  if (c == 0x2026)
    {
      end = next_at (text, i);
      while (end < len && (text[end] == '.' || char_at (text, len, end) == 0x2026))
        end = next_at (text, end);
      return end - i;
    }
  if (c != '.')
    return 0;

  end = i;
  for (gsize j = i; j < len; )
    {
      if (text[j] == '.')
        {
          dots++;
          j++;
          end = j;
        }
      else if (dots > 0 && is_dot_space (char_at (text, len, j)) && next_at (text, j) < len &&
               text[next_at (text, j)] == '.')
        j = next_at (text, j);
      else
        break;
    }
  return dots >= 3 ? end - i : 0;
}

static gboolean
is_blank (const char *text,
          gsize       start,
          gsize       end)
{
  for (gsize i = start; i < end; i = next_at (text, i))
    if (!g_unichar_isspace (g_utf8_get_char (text + i)))
      return FALSE;
  return TRUE;
}

static void
trim (const char *text,
      gsize      *start,
      gsize      *end)
{
  while (*start < *end && g_ascii_isspace (text[*start]))
    (*start)++;
  while (*end > *start && g_ascii_isspace (text[*end - 1]))
    (*end)--;
}

/* The "]" closing the "[" at @open, when no other "[" comes first. */
static gssize
find_close (const char *text,
            gsize       len,
            gsize       open)
{
  for (gsize i = open + 1; i < len; i++)
    {
      if (text[i] == ']')
        return i;
      if (text[i] == '[')
        return -1;
    }
  return -1;
}

static gboolean
only_word_chars (const char *text,
                 gsize       start,
                 gsize       end)
{
  if (start >= end)
    return FALSE;
  for (gsize i = start; i < end; i = next_at (text, i))
    if (!is_word_char (g_utf8_get_char (text + i)))
      return FALSE;
  return TRUE;
}

static gboolean
is_sic (const char *text,
        gsize       start,
        gsize       end)
{
  trim (text, &start, &end);
  if (end > start && (text[end - 1] == '!' || text[end - 1] == '.'))
    end--;
  return end - start == 3 && g_ascii_strncasecmp (text + start, "sic", 3) == 0;
}

/* "[t]he", "say[s]": a group of letters in brackets that a word's letters
 * touch on the outside. */
static gboolean
is_partial_group (const char *text,
                  gsize       len,
                  gsize       open,
                  gboolean    after_letter)
{
  gssize close = find_close (text, len, open);

  if (close < 0 || !only_word_chars (text, open + 1, close))
    return FALSE;
  return after_letter || is_word_char (char_at (text, len, close + 1));
}

static gsize
scan_word (const char     *text,
           gsize           len,
           gsize           i,
           gboolean        groups,
           StorylineToken *token)
{
  gboolean letter_before = FALSE;

  while (i < len)
    {
      gunichar c = g_utf8_get_char (text + i);
      gsize next = next_at (text, i);

      if (is_word_char (c))
        {
          letter_before = TRUE;
          i = next;
        }
      else if (letter_before && (is_apostrophe (c) || is_hyphen (c)) && is_word_char (char_at (text, len, next)))
        i = next;
      else if (letter_before && (c == '.' || c == ',') && g_unichar_isdigit (g_utf8_get_char (g_utf8_prev_char (text + i))) &&
               g_unichar_isdigit (char_at (text, len, next)))
        i = next;
      else if (groups && c == '[' && is_partial_group (text, len, i, letter_before))
        {
          token->partly_bracketed = TRUE;
          letter_before = TRUE;
          i = find_close (text, len, i) + 1;
        }
      else
        break;
    }
  return i;
}

static void
token_clear (StorylineToken *token)
{
  g_clear_pointer (&token->key, g_free);
}

/**
 * storyline_word_bare:
 *
 * Returns: (transfer full): the word between @start and @end as printed,
 *   without brackets, with plain apostrophes, and without hyphens unless
 *   @keep_hyphens
 */
char *
storyline_word_bare (const char *text,
                     guint       start,
                     guint       end,
                     gboolean    keep_hyphens)
{
  GString *s = g_string_sized_new (end - start);

  for (gsize i = start; i < end; i = next_at (text, i))
    {
      gunichar c = g_utf8_get_char (text + i);

      if (c == '[' || c == ']')
        continue;
      if (is_hyphen (c))
        {
          if (keep_hyphens)
            g_string_append_c (s, '-');
          continue;
        }
      if (is_apostrophe (c))
        c = '\'';
      g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

static char *
word_key (const char *text,
          guint       start,
          guint       end)
{
  g_autofree char *bare = NULL;
  gboolean ascii = TRUE;

  /* Most words: ASCII letters and digits only. */
  for (guint i = start; i < end && ascii; i++)
    ascii = g_ascii_isalnum (text[i]);
  if (ascii)
    return g_ascii_strdown (text + start, end - start);

  bare = storyline_word_bare (text, start, end, FALSE);

  for (const char *p = bare; *p && ascii; p++)
    ascii = (guchar) *p < 0x80;
  if (ascii)
    return g_ascii_strdown (bare, -1);
  return g_utf8_casefold (bare, -1);
}

static gboolean
in_original (const char *original,
             const char *group,
             gsize       len)
{
  g_autofree char *needle = NULL;

  if (original == NULL)
    return FALSE;
  needle = g_strndup (group, len);
  return strstr (original, needle) != NULL;
}

/**
 * storyline_quote_tokenize:
 * @marks: whether square brackets and [sic] are editors' marks (a
 *   rendition) or only punctuation (the original)
 * @original: (nullable): the original, when @text is a rendition of it: a
 *   group in brackets that the original has too is the original's, not a
 *   mark ("[inaudible]" in a transcript)
 *
 * Returns: (transfer full): the words of @text, and its ellipses and
 *   [sic], in order, as #StorylineToken
 */
GArray *
storyline_quote_tokenize (const char *text,
                          gboolean    marks,
                          const char *original)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (StorylineToken));
  gsize len = strlen (text);
  gssize bracket_close = -1;   /* inside a group of words in brackets */
  gsize bracket_open = 0;
  gboolean group_started = FALSE;

  g_array_set_clear_func (tokens, (GDestroyNotify) token_clear);

  for (gsize i = 0; i < len; )
    {
      gunichar c = g_utf8_get_char (text + i);
      StorylineToken token = { 0, };
      gsize n;

      if ((gssize) i == bracket_close)
        {
          bracket_close = -1;
          i++;
          continue;
        }

      if (c == '[' && bracket_close < 0)
        {
          gssize close = find_close (text, len, i);
          gsize cs = i + 1, ce = close;

          if (close >= 0)
            trim (text, &cs, &ce);
          if (close >= 0 && ce > cs && ellipsis_length (text, len, cs) == ce - cs)
            {
              token.kind = STORYLINE_TOKEN_ELLIPSIS;
              token.start = token.word_start = i;
              token.end = close + 1;
              g_array_append_val (tokens, token);
              i = close + 1;
              continue;
            }
          if (close >= 0 && is_sic (text, i + 1, close))
            {
              token.kind = STORYLINE_TOKEN_SIC;
              token.start = token.word_start = i;
              token.end = close + 1;
              g_array_append_val (tokens, token);
              i = close + 1;
              continue;
            }
          if (close >= 0 && !is_partial_group (text, len, i, FALSE) && !is_blank (text, i + 1, close) &&
              !in_original (original, text + i, close + 1 - i))
            {
              bracket_close = close;
              bracket_open = i;
              group_started = FALSE;
              i++;
              continue;
            }
        }

      if ((n = ellipsis_length (text, len, i)) > 0)
        {
          token.kind = STORYLINE_TOKEN_ELLIPSIS;
          token.start = token.word_start = i;
          token.end = i + n;
          g_array_append_val (tokens, token);
          i += n;
          continue;
        }

      if (is_word_char (c) || (c == '[' && bracket_close < 0 && is_partial_group (text, len, i, FALSE)))
        {
          gsize end;

          token.kind = STORYLINE_TOKEN_WORD;
          token.word_start = i;
          end = scan_word (text, len, i, bracket_close < 0, &token);
          /* A word runs on past a group's "]" only as a partial group. */
          if (bracket_close >= 0 && (gssize) end > bracket_close)
            end = bracket_close;
          token.end = end;
          token.start = i;
          if (bracket_close >= 0)
            {
              token.bracketed = marks;
              if (!group_started && is_blank (text, bracket_open + 1, i))
                token.start = bracket_open;
              group_started = TRUE;
            }
          if (!marks)
            token.partly_bracketed = FALSE;
          token.key = word_key (text, token.word_start, token.end);
          g_array_append_val (tokens, token);
          i = end;
          continue;
        }

      i = next_at (text, i);
    }

  return tokens;
}

/* Negations
 *
 * The only place the comparison reads meaning: words left out that
 * include one of these turn a quote round. The lists are the common
 * negations of the three languages Storyline's stories are written in;
 * keys are case-folded, with plain apostrophes and no hyphens. */

static const char * const english_negations[] = {
  "not", "no", "never", "nor", "neither", "none", "nothing", "nobody", "without", "unless",
  "cannot", NULL
};

/* না, নয়, নই, নও, নন, নেই, নাই, নি; ছাড়া and বিনা ("without"). */
static const char * const bengali_negations[] = {
  "না", "নয়", "নই", "নও", "নন", "নেই", "নাই", "নি", "ছাড়া", "বিনা", NULL
};

/* The past negative written onto the verb: করেনি, হয়নি, যায়নি. */
static const char * const bengali_negative_endings[] = { "েনি", "য়নি", NULL };

/* نہیں، نہ، مت، بغیر ("without")، ناں */
static const char * const urdu_negations[] = {
  "نہیں", "نہ", "مت", "بغیر", "ناں", NULL
};

/* The lists in NFC, as the words they meet are; made once. */
static GHashTable *negation_words;        /* word → its language's list */
static GPtrArray *negative_endings;

static gpointer
make_lists (gpointer data)
{
  const char * const *lists[] = { english_negations, bengali_negations, urdu_negations };

  negation_words = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l][i]; i++)
      g_hash_table_insert (negation_words, g_utf8_normalize (lists[l][i], -1, G_NORMALIZE_NFC), (gpointer) lists[l]);
  negative_endings = g_ptr_array_new ();
  for (guint i = 0; bengali_negative_endings[i]; i++)
    g_ptr_array_add (negative_endings, g_utf8_normalize (bengali_negative_endings[i], -1, G_NORMALIZE_NFC));
  return NULL;
}

static gboolean
in_list (const char         *word,
         const char * const *list)
{
  return g_hash_table_lookup (negation_words, word) == list;
}

static gboolean
ends_with_any (const char *word)
{
  for (guint i = 0; i < negative_endings->len; i++)
    {
      const char *entry = negative_endings->pdata[i];
      if (g_str_has_suffix (word, entry) && strlen (word) > strlen (entry))
        return TRUE;
    }
  return FALSE;
}

/* Arabic letters that Urdu text is often typed with in place of its own. */
static char *
urdu_letters (const char *word)
{
  GString *s = g_string_new (NULL);

  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x064A || c == 0x0649)
        c = 0x06CC;            /* ي ى → ی */
      else if (c == 0x0647)
        c = 0x06C1;            /* ه → ہ */
      else if (c == 0x0643)
        c = 0x06A9;            /* ك → ک */
      g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

/**
 * storyline_word_is_negation:
 * @key: a word's key, as in #StorylineToken
 * @language: (nullable): the quote's language, a BCP 47 tag; %NULL when
 *   not known, and then all the lists apply (their scripts differ)
 *
 * Returns: whether @key is a negation of @language. Languages without a
 *   list have none.
 */
gboolean
storyline_word_is_negation (const char *key,
                            const char *language)
{
  static GOnce once = G_ONCE_INIT;
  g_autofree char *word = NULL;
  g_autofree char *primary = NULL;
  gboolean any = language == NULL || *language == '\0';

  /* Latin words need only the English list, and no normalizing. */
  if ((guchar) key[0] < 0x80)
    {
      if (!any && !g_str_has_prefix (language, "en") && !g_str_has_prefix (language, "EN"))
        return FALSE;
      if (g_str_has_suffix (key, "n't") && strlen (key) > 3)
        return TRUE;
      for (guint i = 0; english_negations[i]; i++)
        if (g_str_equal (key, english_negations[i]))
          return TRUE;
      return FALSE;
    }
  g_once (&once, make_lists, NULL);
  word = g_utf8_normalize (key, -1, G_NORMALIZE_NFC);
  if (word == NULL)
    return FALSE;
  if (!any)
    {
      const char *dash = strpbrk (language, "-_");
      primary = g_ascii_strdown (language, dash ? dash - language : -1);
    }

  if (any || g_str_equal (primary, "en"))
    {
      if (in_list (word, english_negations) || (g_str_has_suffix (word, "n't") && strlen (word) > 3))
        return TRUE;
    }
  if (any || g_str_equal (primary, "bn"))
    {
      if (in_list (word, bengali_negations) || ends_with_any (word))
        return TRUE;
    }
  if (any || g_str_equal (primary, "ur"))
    {
      g_autofree char *urdu = urdu_letters (word);
      if (in_list (urdu, urdu_negations))
        return TRUE;
    }
  return FALSE;
}
