/* storyline-fidelity-align.c: which words of a rendition are which of
 * the original's
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-fidelity-private.h"
#include "storyline-spelling.h"
#include "storyline-word-diff.h"



const StorylineToken *
storyline_fidelity_word_token (const FidelitySide *side,
                               guint       word)
{
  return &g_array_index (side->tokens, StorylineToken, g_array_index (side->words, guint, word));
}

guint
storyline_fidelity_word_token_index (const FidelitySide *side,
                                     guint       word)
{
  return g_array_index (side->words, guint, word);
}

void
storyline_fidelity_side_init (FidelitySide *side,
                              const char   *text,
                              const char   *original)
{
  side->text = text;
  side->len = strlen (text);
  side->tokens = storyline_quote_tokenize (text, original != NULL, original);
  side->words = g_array_sized_new (FALSE, FALSE, sizeof (guint), side->tokens->len);
  for (guint i = 0; i < side->tokens->len; i++)
    if (g_array_index (side->tokens, StorylineToken, i).kind == STORYLINE_TOKEN_WORD)
      g_array_append_val (side->words, i);
}

void
storyline_fidelity_side_clear (FidelitySide *side)
{
  g_clear_pointer (&side->tokens, g_array_unref);
  g_clear_pointer (&side->words, g_array_unref);
}

static gboolean
joined_keys_equal (const FidelitySide *side,
                   guint       first,
                   guint       count,
                   const char *key)
{
  gsize at = 0;

  for (guint i = 0; i < count; i++)
    {
      const char *part = storyline_fidelity_word_token (side, first + i)->key;
      gsize n = strlen (part);

      if (strncmp (key + at, part, n) != 0)
        return FALSE;
      at += n;
    }
  return key[at] == '\0';
}

/* Two keys that are one word spelt two ways, with the same possessive or
 * contraction ("organisation's", "organization's"). */
static gboolean
spelling_pair_keys (const char *a,
                    const char *b)
{
  const char *qa = strchr (a, '\'');
  const char *qb = strchr (b, '\'');
  g_autofree char *stem_a = NULL, *stem_b = NULL;

  if (qa == NULL && qb == NULL)
    return storyline_is_spelling_pair (a, b);
  if (qa == NULL || qb == NULL || !g_str_equal (qa, qb))
    return FALSE;
  stem_a = g_strndup (a, qa - a);
  stem_b = g_strndup (b, qb - b);
  return storyline_is_spelling_pair (stem_a, stem_b);
}

/* One word of the original against the rendition's words at @r (or the
 * other way round): a British/American pair, or a word that the other
 * side hyphenates or splits ("co-operation", "separately held"). */
static gboolean
match_variant (const FidelitySide *o,
               guint       oi,
               guint       on,
               const FidelitySide *r,
               guint       ri,
               guint       rn,
               guint      *used_o,
               guint      *used_r)
{
  const StorylineToken *ot, *rt;

  if (oi >= on || ri >= rn)
    return FALSE;
  ot = storyline_fidelity_word_token (o, oi);
  rt = storyline_fidelity_word_token (r, ri);
  if (rt->bracketed)
    return FALSE;

  if (spelling_pair_keys (ot->key, rt->key))
    {
      *used_o = *used_r = 1;
      return TRUE;
    }
  for (guint k = 2; k <= 3; k++)
    {
      if (ri + k <= rn && joined_keys_equal (r, ri, k, ot->key))
        {
          *used_o = 1, *used_r = k;
          return TRUE;
        }
      if (oi + k <= on && joined_keys_equal (o, oi, k, rt->key))
        {
          *used_o = k, *used_r = 1;
          return TRUE;
        }
    }
  return FALSE;
}

static void
add_pair (GArray   *pairs,
          guint     o0,
          guint     o1,
          guint     r0,
          guint     r1,
          gboolean  variant)
{
  FidelityPair pair = { o0, o1, r0, r1, variant };
  g_array_append_val (pairs, pair);
}

/* A run of changes: pairs of variants from its start, then from its end. */
static void
refine_block (const FidelitySide *o,
              guint       x0,
              guint       x1,
              const FidelitySide *r,
              guint       y0,
              guint       y1,
              GArray     *pairs)
{
  guint used_o, used_r;
  guint first_back;

  while (match_variant (o, x0, x1, r, y0, y1, &used_o, &used_r))
    {
      add_pair (pairs, x0, x0 + used_o, y0, y0 + used_r, TRUE);
      x0 += used_o, y0 += used_r;
    }

  first_back = pairs->len;
  while (x1 > x0 && y1 > y0)
    {
      gboolean found = FALSE;

      /* The variant that ends the block: try each width from its end. */
      for (guint wo = 1; wo <= 3 && !found && wo <= x1 - x0; wo++)
        for (guint wr = 1; wr <= 3 && !found && wr <= y1 - y0; wr++)
          if ((wo == 1 || wr == 1) &&
              match_variant (o, x1 - wo, x1, r, y1 - wr, y1, &used_o, &used_r) &&
              used_o == wo && used_r == wr)
            found = TRUE;
      if (!found)
        break;
      add_pair (pairs, x1 - used_o, x1, y1 - used_r, y1, TRUE);
      x1 -= used_o, y1 -= used_r;
    }
  /* Back in order. */
  for (guint i = first_back, j = pairs->len; i + 1 < j; i++, j--)
    {
      FidelityPair tmp = g_array_index (pairs, FidelityPair, i);
      g_array_index (pairs, FidelityPair, i) = g_array_index (pairs, FidelityPair, j - 1);
      g_array_index (pairs, FidelityPair, j - 1) = tmp;
    }
}

static int *
intern (const FidelitySide *side,
        GHashTable *ids)
{
  int *out = g_new (int, MAX (side->words->len, 1));

  for (guint i = 0; i < side->words->len; i++)
    {
      const char *key = storyline_fidelity_word_token (side, i)->key;
      gpointer id;

      /* Words in square brackets are the writer's, whatever they say. */
      if (storyline_fidelity_word_token (side, i)->bracketed)
        {
          out[i] = -1 - (int) i;
          continue;
        }

      if (!g_hash_table_lookup_extended (ids, key, NULL, &id))
        {
          id = GINT_TO_POINTER (g_hash_table_size (ids) + 1);
          g_hash_table_insert (ids, (gpointer) key, id);
        }
      out[i] = GPOINTER_TO_INT (id);
    }
  return out;
}

GArray *
storyline_fidelity_find_pairs (const FidelitySide *o,
                               const FidelitySide *r)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree int *a = intern (o, ids);
  g_autofree int *b = intern (r, ids);
  g_autoptr(GArray) ops = storyline_word_diff (a, o->words->len, b, r->words->len);
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (FidelityPair));
  guint x = 0, y = 0;

  for (guint i = 0; i < ops->len; )
    {
      guint x0 = x, y0 = y;

      if (g_array_index (ops, char, i) == '=')
        {
          add_pair (pairs, x, x + 1, y, y + 1, FALSE);
          x++, y++, i++;
          continue;
        }
      for (; i < ops->len && g_array_index (ops, char, i) != '='; i++)
        {
          if (g_array_index (ops, char, i) == '-')
            x++;
          else
            y++;
        }
      refine_block (o, x0, x, r, y0, y, pairs);
    }
  return pairs;
}


FidelityRegion
storyline_fidelity_region_at (const FidelitySide *o,
                              const FidelitySide *r,
                              GArray     *pairs,
                              guint       k)
{
  FidelityRegion g = { 0, };

  g.t0 = k == 0 ? 0 : storyline_fidelity_word_token_index (r, g_array_index (pairs, FidelityPair, k - 1).r1 - 1) + 1;
  g.t1 = k == pairs->len ? r->tokens->len : storyline_fidelity_word_token_index (r, g_array_index (pairs, FidelityPair, k).r0);
  g.d0 = k == 0 ? 0 : g_array_index (pairs, FidelityPair, k - 1).o1;
  g.d1 = k == pairs->len ? o->words->len : g_array_index (pairs, FidelityPair, k).o0;

  for (guint t = g.t0; t < g.t1; t++)
    {
      const StorylineToken *token = &g_array_index (r->tokens, StorylineToken, t);

      if (token->kind == STORYLINE_TOKEN_ELLIPSIS)
        {
          g.n_ellipses++;
          g.last_ellipsis = t;
        }
      else if (token->kind == STORYLINE_TOKEN_SIC)
        g.n_sic++;
      else if (token->bracketed || token->partly_bracketed)
        g.n_inserted++;
      else
        g.n_added++;
    }
  return g;
}

gboolean
storyline_fidelity_region_is_marked (const FidelityRegion *g)
{
  return g->n_ellipses > 0 || g->n_inserted > 0;
}

const StorylineToken *
storyline_fidelity_token_starting_at (const FidelitySide *side,
                                      gsize       at)
{
  guint lo = 0, hi = side->tokens->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const StorylineToken *token = &g_array_index (side->tokens, StorylineToken, mid);

      if (token->start == at)
        return token;
      if (token->start < at)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

static gboolean
pair_is_plain (const FidelityPair *p)
{
  return !p->variant && p->o1 - p->o0 == 1 && p->r1 - p->r0 == 1;
}

static gboolean
same_key (const FidelitySide *side,
          guint       a,
          guint       b)
{
  return g_str_equal (storyline_fidelity_word_token (side, a)->key, storyline_fidelity_word_token (side, b)->key);
}

/* Where the original repeats a word, a gap can sit on either side of
 * it ("A and B and C" quoted as "A … and C" left out "and B", not "B
 * and"). An unmarked gap moves, by whole repeats, to the nearest place
 * the rendition marks, or to an end, when there is one. */
void
storyline_fidelity_slide_gaps (const FidelitySide *o,
                               const FidelitySide *r,
                               GArray     *pairs)
{
  FidelityPair *P = (FidelityPair *) pairs->data;
  guint n = pairs->len;

  for (guint k = 1; k < n; k++)
    {
      guint len, j;
      gboolean found = FALSE;
      FidelityRegion g;

      if (P[k].o0 <= P[k - 1].o1)
        continue;
      g = storyline_fidelity_region_at (o, r, pairs, k);
      if (storyline_fidelity_region_is_marked (&g))
        continue;
      len = P[k].o0 - P[k - 1].o1;

      /* Leftwards: the pairs before the gap move right by its length. */
      for (j = k; j > 0; j--)
        {
          const FidelityPair *q = &P[j - 1];

          if (!pair_is_plain (q) || (j < k && q->o1 != P[j].o0) || !same_key (o, q->o0, q->o0 + len))
            break;
          if (j - 1 == 0 || storyline_fidelity_region_is_marked ((g = storyline_fidelity_region_at (o, r, pairs, j - 1), &g)))
            {
              found = TRUE;
              j--;
              break;
            }
        }
      if (found)
        {
          for (guint i = j; i < k; i++)
            P[i].o0 += len, P[i].o1 += len;
          continue;
        }

      /* Rightwards: the pairs after it move left. */
      for (j = k; j < n; j++)
        {
          const FidelityPair *q = &P[j];

          if (!pair_is_plain (q) || (j > k && P[j - 1].o1 != q->o0) || q->o0 < len ||
              !same_key (o, q->o0, q->o0 - len))
            break;
          if (j + 1 == n || storyline_fidelity_region_is_marked ((g = storyline_fidelity_region_at (o, r, pairs, j + 1), &g)))
            {
              found = TRUE;
              j++;
              break;
            }
        }
      if (found)
        for (guint i = k; i < j; i++)
          P[i].o0 -= len, P[i].o1 -= len;
    }
}

/* Separators compared for punctuation: no white space, plain quotes,
 * and no [sic]. */
static char *
separator (const FidelitySide *side,
           gsize       start,
           gsize       end)
{
  GString *s = g_string_new (NULL);

  for (gsize i = start; i < end; )
    {
      gunichar c = g_utf8_get_char (side->text + i);
      const StorylineToken *sic = c == '[' ? storyline_fidelity_token_starting_at (side, i) : NULL;

      if (sic != NULL && sic->kind == STORYLINE_TOKEN_SIC)
        {
          i = sic->end;
          continue;
        }

      if (c == 0x2018 || c == 0x2019)
        c = '\'';
      else if (c == 0x201C || c == 0x201D)
        c = '"';
      if (!g_unichar_isspace (c))
        g_string_append_unichar (s, c);
      i = g_utf8_next_char (side->text + i) - side->text;
    }
  return g_string_free (s, FALSE);
}

gboolean
storyline_fidelity_separators_differ (const FidelitySide *o,
                                      gsize       os,
                                      gsize       oe,
                                      const FidelitySide *r,
                                      gsize       rs,
                                      gsize       re)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  /* Mostly one space against one space. */
  if (oe - os == re - rs && memcmp (o->text + os, r->text + rs, oe - os) == 0)
    return FALSE;
  a = separator (o, os, oe);
  b = separator (r, rs, re);
  return !g_str_equal (a, b);
}

StorylineDifferences
storyline_fidelity_word_differences (const FidelitySide *o,
                                     const FidelitySide *r,
                                     const FidelityPair *p,
                                     gboolean    case_free)
{
  const StorylineToken *ot = storyline_fidelity_word_token (o, p->o0);
  const StorylineToken *rt = storyline_fidelity_word_token (r, p->r0);
  g_autofree char *bo = NULL, *br = NULL, *fo = NULL, *fr = NULL;
  StorylineDifferences d = 0;

  if (p->variant)
    {
      d = (p->o1 - p->o0 == 1 && p->r1 - p->r0 == 1 && spelling_pair_keys (ot->key, rt->key)) ?
        STORYLINE_DIFFERENCE_SPELLING : STORYLINE_DIFFERENCE_HYPHENATION;
      /* A word spelt otherwise can still change its capital. */
      if (!case_free && g_unichar_isupper (g_utf8_get_char (o->text + ot->word_start)) !=
                        g_unichar_isupper (g_utf8_get_char (r->text + rt->word_start)))
        d |= STORYLINE_DIFFERENCE_CASE;
      return d;
    }

  if (ot->end - ot->word_start == rt->end - rt->word_start &&
      memcmp (o->text + ot->word_start, r->text + rt->word_start, ot->end - ot->word_start) == 0)
    return 0;
  if (rt->partly_bracketed)
    return 0;

  bo = storyline_word_bare (o->text, ot->word_start, ot->end, TRUE);
  br = storyline_word_bare (r->text, rt->word_start, rt->end, TRUE);
  fo = g_utf8_casefold (bo, -1);
  fr = g_utf8_casefold (br, -1);
  if (!g_str_equal (fo, fr))
    d |= STORYLINE_DIFFERENCE_HYPHENATION;
  if (!case_free)
    {
      g_autofree char *no = storyline_word_bare (o->text, ot->word_start, ot->end, FALSE);
      g_autofree char *nr = storyline_word_bare (r->text, rt->word_start, rt->end, FALSE);
      if (!g_str_equal (no, nr))
        d |= STORYLINE_DIFFERENCE_CASE;
    }
  return d;
}
