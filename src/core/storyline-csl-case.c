/* storyline-csl-case.c: CSL's text cases, as citeproc-js applies them
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A string is cut into words and "tags" — quotation marks, apostrophes,
 * brackets and the punctuation -–—/.,;?!: — and each case works on the
 * words between them: title case capitalizes every all-lowercase word
 * but the stop words (the first word, a word after ":", "?" or "!" and
 * a stop word that ends the title excepted); capitalize-first the first
 * word only. Words with a capital anywhere are left as they are.
 */

#include "config.h"

#include <string.h>

#include "storyline-csl-case.h"

static const char *const stop_words[] = {
  "about", "above", "across", "afore", "after", "against", "al", "along", "alongside", "amid",
  "amidst", "among", "amongst", "anenst", "apropos", "apud", "around", "as", "aside", "astride",
  "at", "athwart", "atop", "barring", "before", "behind", "below", "beneath", "beside", "besides",
  "between", "beyond", "but", "by", "circa", "despite", "down", "during", "et", "except", "for",
  "forenenst", "from", "given", "in", "inside", "into", "lest", "like", "modulo", "near", "next",
  "notwithstanding", "of", "off", "on", "onto", "out", "over", "per", "plus", "pro", "qua", "sans",
  "since", "than", "through", "throughout", "thruout", "till", "to", "toward", "towards",
  "under", "underneath", "until", "unto", "up", "upon", "versus", "vs", "v", "via", "with",
  "within", "without", "or", "yet", "so", "and", "nor", "a", "an", "the", "de", "von", "van", "c",
  "ca",
};

static gboolean
is_stop_word (const char *lower)
{
  for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
    if (g_str_equal (lower, stop_words[i]))
      return TRUE;
  return FALSE;
}

/* The length of the tag at @p, 0 when none starts there. */
static gsize
tag_at (const char *p)
{
  static const char *const tags[] = { "‘", "’", "“", "”", " \"", " '", "\"", "'", "–", "—" };

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    if (g_str_has_prefix (p, tags[i]))
      return strlen (tags[i]);
  if (*p && strchr ("-/.,;?!:[]()", *p))
    return 1;
  return 0;
}

typedef struct
{
  GPtrArray *strings;   /* the text between tags; one more than tags */
  GPtrArray *tags;
} Split;

static void
split (const char *text,
       Split      *s)
{
  const char *start = text, *p = text;

  s->strings = g_ptr_array_new_with_free_func (g_free);
  s->tags = g_ptr_array_new_with_free_func (g_free);
  while (*p)
    {
      gsize len = tag_at (p);

      if (len)
        {
          g_ptr_array_add (s->strings, g_strndup (start, p - start));
          g_ptr_array_add (s->tags, g_strndup (p, len));
          p += len;
          start = p;
        }
      else
        p = g_utf8_next_char (p);
    }
  g_ptr_array_add (s->strings, g_strndup (start, p - start));
}

static char *
join (Split *s)
{
  GString *out = g_string_new (g_ptr_array_index (s->strings, 0));

  for (guint i = 0; i < s->tags->len; i++)
    {
      g_string_append (out, g_ptr_array_index (s->tags, i));
      g_string_append (out, g_ptr_array_index (s->strings, i + 1));
    }
  g_ptr_array_unref (s->strings);
  g_ptr_array_unref (s->tags);
  return g_string_free (out, FALSE);
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == 0xa0 || (c >= 0x2000 && c <= 0x200b) || c == 0x205f || c == 0x3000;
}

static gboolean
is_blank (const char *s)
{
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Words of a string between tags: runs of non-space characters. */
typedef struct
{
  gsize start;
  gsize len;
} Word;

static GArray *
words_of (const char *s)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *p = s;

  while (*p)
    {
      const char *start;
      Word w;

      while (*p && is_space (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (!*p)
        break;
      start = p;
      while (*p && !is_space (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      w.start = start - s;
      w.len = p - start;
      g_array_append_val (words, w);
    }
  return words;
}

static char *
capitalise (const char *word,
            gsize       len)
{
  gunichar c = g_utf8_get_char (word);
  const char *rest = g_utf8_next_char (word);
  char buf[8] = { 0 };

  /* A lone Greek letter stays as it is. */
  if (c >= 0x370 && c <= 0x3ff && rest == word + len)
    return g_strndup (word, len);
  g_unichar_to_utf8 (g_unichar_toupper (c), buf);
  return g_strdup_printf ("%s%.*s", buf, (int) (word + len - rest), rest);
}

/* Replaces word @w of @str (in place in the array of strings). */
static void
replace_word (GPtrArray  *strings,
              guint       index,
              Word       *w,
              const char *with)
{
  const char *s = g_ptr_array_index (strings, index);
  char *joined = g_strdup_printf ("%.*s%s%s", (int) w->start, s, with, s + w->start + w->len);

  g_free (strings->pdata[index]);
  strings->pdata[index] = joined;
}

static gboolean
is_all_lower (const char *word,
              gsize       len)
{
  g_autofree char *lower = g_utf8_strdown (word, len);

  return strncmp (lower, word, len) == 0 && strlen (lower) == len;
}

static gboolean
quote_opener (const char *tag)
{
  return g_str_equal (tag, "“") || g_str_equal (tag, "‘") || g_str_equal (tag, " \"") || g_str_equal (tag, " '");
}

static gboolean
quote_closer (const char *tag)
{
  return g_str_equal (tag, "”") || g_str_equal (tag, "’") || g_str_equal (tag, "\"") || g_str_equal (tag, "'");
}

/* A quotation mark open: the opener that may nest in it, its closer,
 * and the string it was found before (-1: not to be given back). */
typedef struct
{
  const char *opener;
  const char *closer;
  int pos;
} Quote;

static const char *
closer_of (const char *opener)
{
  if (g_str_equal (opener, "“"))
    return "”";
  if (g_str_equal (opener, "‘"))
    return "’";
  if (g_str_equal (opener, " \""))
    return "\"";
  return "'";
}

/* Gives string @index its original first character back. */
static void
give_back_first (GPtrArray *strings,
                 GPtrArray *originals,
                 guint      index)
{
  const char *orig = g_ptr_array_index (originals, index);
  const char *cur = g_ptr_array_index (strings, index);
  char *fixed;

  if (!*orig || !*cur)
    return;
  fixed = g_strdup_printf ("%.*s%s", (int) (g_utf8_next_char (orig) - orig), orig, g_utf8_next_char (cur));
  g_free (strings->pdata[index]);
  strings->pdata[index] = fixed;
}

static const char *
next_opener_of (const char *opener)
{
  if (g_str_equal (opener, " \""))
    return " '";
  if (g_str_equal (opener, " '"))
    return " \"";
  return opener;
}

typedef enum { CASE_TITLE, CASE_FIRST } CaseKind;

static char *
apply_case (const char *text,
            CaseKind    kind)
{
  Split s;
  gboolean is_first = TRUE, after_punct = FALSE;
  int last_string = -1;
  guint last_word = 0;
  g_autoptr(GArray) quotes = g_array_new (FALSE, FALSE, sizeof (Quote));
  g_autoptr(GPtrArray) originals = NULL;

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  split (text, &s);
  originals = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < s.strings->len; i++)
    g_ptr_array_add (originals, g_strdup (g_ptr_array_index (s.strings, i)));

  for (guint i = 0; i < s.strings->len; i++)
    {
      const char *str = g_ptr_array_index (s.strings, i);
      const char *tag = i > 0 ? g_ptr_array_index (s.tags, i - 1) : NULL;

      if (tag != NULL)
        {
          gsize tl = strlen (tag);
          if (tl && strchr ("!?:", tag[tl - 1]))
            after_punct = TRUE;
        }

      if (i > 0 || !is_blank (str))
        {
          g_autoptr(GArray) words = words_of (str);

          for (guint j = 0; j < words->len; j++)
            {
              Word *w = &g_array_index (words, Word, j);
              const char *cur = g_ptr_array_index (s.strings, i);
              const char *word = cur + w->start;
              g_autofree char *lower = g_utf8_strdown (word, w->len);
              gboolean cap = FALSE;

              if (kind == CASE_FIRST)
                {
                  if (is_first && is_all_lower (word, w->len))
                    {
                      g_autofree char *c = capitalise (word, w->len);
                      replace_word (s.strings, i, w, c);
                    }
                  is_first = FALSE;
                  break;
                }
              if (g_utf8_strlen (word, w->len) > 1 && !is_stop_word (lower))
                cap = TRUE;
              else if (i == 0 && j == words->len - 1 && s.tags->len > 0 &&
                       g_str_equal (g_ptr_array_index (s.tags, 0), "-"))
                cap = TRUE;
              else if (is_first || after_punct)
                cap = TRUE;
              if (cap && is_all_lower (word, w->len))
                {
                  g_autofree char *c = capitalise (word, w->len);
                  g_autoptr(GArray) again = NULL;

                  replace_word (s.strings, i, w, c);
                  /* Word offsets after this one move by the change. */
                  again = words_of (g_ptr_array_index (s.strings, i));
                  g_array_remove_range (words, 0, words->len);
                  g_array_append_vals (words, again->data, again->len);
                }
              after_punct = FALSE;
              is_first = FALSE;
              last_string = (int) i;
              last_word = j;
            }
        }

      /* Quotation marks: an opener that is not the one expected, or a
       * closer with nothing open to close, gives back the original
       * first letter of what follows it (citeproc-js's quote state). */
      if (tag != NULL)
        {
          int pos = -1;
          int at = (int) i - 1;

          if (quote_opener (tag))
            {
              if (quotes->len == 0 || g_str_equal (tag, g_array_index (quotes, Quote, quotes->len - 1).opener))
                {
                  Quote q = { next_opener_of (tag), closer_of (tag), at };
                  g_array_append_val (quotes, q);
                }
              else
                {
                  Quote q = { next_opener_of (tag), closer_of (tag), -1 };
                  pos = g_array_index (quotes, Quote, quotes->len - 1).pos;
                  g_array_index (quotes, Quote, quotes->len - 1) = q;
                }
            }
          else if (quote_closer (tag))
            {
              if (quotes->len > 0 && g_str_equal (tag, g_array_index (quotes, Quote, quotes->len - 1).closer))
                g_array_set_size (quotes, quotes->len - 1);
              else
                pos = at;
            }
          if (pos >= 0)
            {
              give_back_first (s.strings, originals, pos + 1);
              last_string = -1;
            }
        }
    }

  /* Openers left open give back their first letters too. */
  for (guint i = 0; i < quotes->len; i++)
    if (g_array_index (quotes, Quote, i).pos >= 0)
      give_back_first (s.strings, originals, g_array_index (quotes, Quote, i).pos + 1);

  /* A stop word that ends a title is capitalized. */
  if (kind == CASE_TITLE && last_string >= 0)
    {
      g_autoptr(GArray) words = words_of (g_ptr_array_index (s.strings, last_string));

      if (last_word < words->len)
        {
          Word *w = &g_array_index (words, Word, last_word);
          const char *word = (const char *) g_ptr_array_index (s.strings, last_string) + w->start;
          g_autofree char *lower = g_utf8_strdown (word, w->len);

          if (g_utf8_strlen (word, w->len) > 1 && is_stop_word (lower))
            {
              g_autofree char *c = capitalise (word, w->len);
              replace_word (s.strings, last_string, w, c);
            }
        }
    }

  return join (&s);
}

/* Domain names ("bdnews24.com", "bmirror.net") keep their case: a style
 * guide never capitalizes them, though citeproc-js does (a documented
 * difference, tests/citations/README.md). */
static void
keep_domains (const char *original,
              char       *cased)
{
  static GRegex *rx;
  g_autoptr(GMatchInfo) m = NULL;

  if (g_once_init_enter (&rx))
    g_once_init_leave (&rx, g_regex_new ("(?<![\\w.@/])[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}(?![\\w.])",
                                         0, 0, NULL));
  if (strlen (original) != strlen (cased))
    return;
  g_regex_match (rx, original, 0, &m);
  while (g_match_info_matches (m))
    {
      int start, end;

      g_match_info_fetch_pos (m, 0, &start, &end);
      memcpy (cased + start, original + start, end - start);
      g_match_info_next (m, NULL);
    }
}

char *
csl_case_title (const char *text)
{
  char *cased = apply_case (text, CASE_TITLE);

  keep_domains (text, cased);
  return cased;
}

char *
csl_case_capitalize_first (const char *text)
{
  return apply_case (text, CASE_FIRST);
}

char *
csl_case_capitalize_all (const char *text)
{
  g_autoptr(GArray) words = words_of (text);
  GString *out = g_string_new (NULL);
  gsize at = 0;

  for (guint i = 0; i < words->len; i++)
    {
      Word *w = &g_array_index (words, Word, i);

      g_string_append_len (out, text + at, w->start - at);
      if (is_all_lower (text + w->start, w->len))
        {
          g_autofree char *c = capitalise (text + w->start, w->len);
          g_string_append (out, c);
        }
      else
        g_string_append_len (out, text + w->start, w->len);
      at = w->start + w->len;
    }
  g_string_append (out, text + at);
  return g_string_free (out, FALSE);
}

char *
csl_case_sentence (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  return apply_case (lower, CASE_FIRST);
}
