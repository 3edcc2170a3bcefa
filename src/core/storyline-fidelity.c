/* storyline-fidelity.c: how faithfully a rendition reproduces a quote
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "storyline-fidelity.h"
#include "storyline-quote-words.h"

G_DEFINE_BOXED_TYPE (StorylineFidelity, storyline_fidelity, storyline_fidelity_copy, storyline_fidelity_free)

/**
 * storyline_split_words:
 *
 * Returns: (transfer full) (element-type utf8): the words of @text as a
 *   reader counts them, as printed, in order
 */
GPtrArray *
storyline_split_words (const char *text)
{
  g_autoptr(GArray) tokens = storyline_quote_tokenize (text, FALSE);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < tokens->len; i++)
    {
      const StorylineToken *t = &g_array_index (tokens, StorylineToken, i);
      if (t->kind == STORYLINE_TOKEN_WORD)
        g_ptr_array_add (words, g_strndup (text + t->word_start, t->end - t->word_start));
    }
  return words;
}

/* White space folded to one space, the ends trimmed, typographic quotes
 * and apostrophes read as plain ones: what "verbatim" compares. */
static char *
normalize (const char *text,
           gsize       len)
{
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = s->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (s, ' ');
      space = FALSE;

      if (c == 0x2018 || c == 0x2019)
        c = '\'';
      else if (c == 0x201C || c == 0x201D)
        c = '"';
      g_string_append_unichar (s, c);
    }

  return g_string_free (s, FALSE);
}

/* The difference: Myers' O(ND) algorithm in linear space (the "middle
 * snake" bisection), over words interned as integers, after the common
 * prefix and suffix are set aside. */

typedef struct
{
  const int *a;
  const int *b;
  GArray *ops;              /* of char: '=' same, '-' dropped (a), '+' added (b) */
  int *vf;
  int *vb;
  int offset;
} Differ;

static void
emit (Differ *d,
      char    op,
      int     count)
{
  for (int i = 0; i < count; i++)
    g_array_append_val (d->ops, op);
}

/* Finds a middle snake of the box; returns its start (x1, y1) and end
 * (x2, y2). The box is not empty and its ends differ. */
static void
middle_snake (Differ *d,
              int     left,
              int     top,
              int     right,
              int     bottom,
              int    *x1,
              int    *y1,
              int    *x2,
              int    *y2)
{
  int width = right - left, height = bottom - top;
  int delta = width - height;
  int max = (width + height + 1) / 2;
  int *vf = d->vf + d->offset;
  int *vb = d->vb + d->offset;

  vf[1] = left;
  vb[1] = bottom;

  for (int depth = 0; depth <= max; depth++)
    {
      for (int k = depth; k >= -depth; k -= 2)
        {
          int c = k - delta;
          int px, x, y, py;

          if (k == -depth || (k != depth && vf[k - 1] < vf[k + 1]))
            px = x = vf[k + 1];
          else
            {
              px = vf[k - 1];
              x = px + 1;
            }
          y = top + (x - left) - k;
          py = (depth == 0 || x != px) ? y : y - 1;
          while (x < right && y < bottom && d->a[x] == d->b[y])
            x++, y++;
          vf[k] = x;
          if ((delta & 1) != 0 && c >= -(depth - 1) && c <= depth - 1 && y >= vb[c])
            {
              *x1 = px, *y1 = py, *x2 = x, *y2 = y;
              return;
            }
        }

      for (int c = depth; c >= -depth; c -= 2)
        {
          int k = c + delta;
          int py, y, x, px;

          if (c == -depth || (c != depth && vb[c - 1] > vb[c + 1]))
            py = y = vb[c + 1];
          else
            {
              py = vb[c - 1];
              y = py - 1;
            }
          x = left + (y - top) + k;
          px = (depth == 0 || y != py) ? x : x + 1;
          while (x > left && y > top && d->a[x - 1] == d->b[y - 1])
            x--, y--;
          vb[c] = y;
          if ((delta & 1) == 0 && k >= -depth && k <= depth && x <= vf[k])
            {
              *x1 = x, *y1 = y, *x2 = px, *y2 = py;
              return;
            }
        }
    }

  g_assert_not_reached ();
}

static void
diff_box (Differ *d,
          int     left,
          int     top,
          int     right,
          int     bottom)
{
  int prefix = 0, suffix = 0;
  int x1, y1, x2, y2;

  while (left + prefix < right && top + prefix < bottom && d->a[left + prefix] == d->b[top + prefix])
    prefix++;
  emit (d, '=', prefix);
  left += prefix, top += prefix;

  while (right - suffix > left && bottom - suffix > top && d->a[right - suffix - 1] == d->b[bottom - suffix - 1])
    suffix++;
  right -= suffix, bottom -= suffix;

  if (left == right)
    emit (d, '+', bottom - top);
  else if (top == bottom)
    emit (d, '-', right - left);
  else
    {
      middle_snake (d, left, top, right, bottom, &x1, &y1, &x2, &y2);

      diff_box (d, left, top, x1, y1);

      /* The snake is one edit and a diagonal, in either order: follow the
       * diagonal as far as it goes, make the edit, follow the rest. */
      while (x1 < x2 && y1 < y2 && d->a[x1] == d->b[y1])
        {
          emit (d, '=', 1);
          x1++, y1++;
        }
      if (x2 - x1 > y2 - y1)
        {
          emit (d, '-', 1);
          x1++;
        }
      else if (y2 - y1 > x2 - x1)
        {
          emit (d, '+', 1);
          y1++;
        }
      emit (d, '=', x2 - x1);

      diff_box (d, x2, y2, right, bottom);
    }

  emit (d, '=', suffix);
}

/* When one side's words are all, in order, among the other's — an excerpt,
 * or words only dropped here and there — matching each word at its first
 * chance is already a shortest edit, in linear time, where Myers would
 * take time proportional to the number of edits squared. */
static GArray *
diff_subsequence (const int *a,
                  int        n,
                  const int *b,
                  int        m)
{
  gboolean b_in_a = m <= n;
  const int *longer = b_in_a ? a : b, *shorter = b_in_a ? b : a;
  int nl = b_in_a ? n : m, ns = b_in_a ? m : n;
  char extra = b_in_a ? '-' : '+';
  GArray *ops = g_array_sized_new (FALSE, FALSE, 1, nl);
  int j = 0;

  for (int i = 0; i < nl; i++)
    {
      char op = j < ns && longer[i] == shorter[j] ? '=' : extra;
      if (op == '=')
        j++;
      g_array_append_val (ops, op);
    }

  if (j < ns)
    {
      g_array_unref (ops);
      return NULL;
    }
  return ops;
}

static GArray *
diff_words (const int *a,
            int        n,
            const int *b,
            int        m)
{
  Differ d = { a, b, NULL, NULL, NULL, 0 };
  int size = (n + m + 1) / 2 + 2;
  GArray *fast = diff_subsequence (a, n, b, m);

  if (fast != NULL)
    return fast;

  d.ops = g_array_new (FALSE, FALSE, 1);

  d.vf = g_new0 (int, 2 * size + 1);
  d.vb = g_new0 (int, 2 * size + 1);
  d.offset = size;
  diff_box (&d, 0, 0, n, m);
  g_free (d.vf);
  g_free (d.vb);

  return d.ops;
}

/* Comparison
 *
 * Both texts are cut into tokens (words, ellipses, [sic]); the words are
 * compared by their keys, so "co-operation" meets "cooperation" and case
 * does not count. What is left over in each run of changes is then
 * searched for one word spelt two ways. The pairs found divide the two
 * texts into regions: the words of the original between two pairs were
 * left out there, the rendition's words between them were put in, and its
 * ellipses there mark it. */

typedef struct
{
  const char *text;
  gsize len;
  GArray *tokens;          /* of StorylineToken */
  GArray *words;           /* of guint: the tokens that are words */
} Side;

typedef struct
{
  guint o0, o1;            /* original words [o0, o1) */
  guint r0, r1;            /* rendition words [r0, r1) */
  gboolean variant;        /* spelt two ways, or hyphenated one way */
} Pair;

static const StorylineToken *
word_token (const Side *side,
            guint       word)
{
  return &g_array_index (side->tokens, StorylineToken, g_array_index (side->words, guint, word));
}

static guint
word_token_index (const Side *side,
                  guint       word)
{
  return g_array_index (side->words, guint, word);
}

static void
side_init (Side       *side,
           const char *text,
           gboolean    marks)
{
  side->text = text;
  side->len = strlen (text);
  side->tokens = storyline_quote_tokenize (text, marks);
  side->words = g_array_sized_new (FALSE, FALSE, sizeof (guint), side->tokens->len);
  for (guint i = 0; i < side->tokens->len; i++)
    if (g_array_index (side->tokens, StorylineToken, i).kind == STORYLINE_TOKEN_WORD)
      g_array_append_val (side->words, i);
}

static void
side_clear (Side *side)
{
  g_clear_pointer (&side->tokens, g_array_unref);
  g_clear_pointer (&side->words, g_array_unref);
}

static gboolean
joined_keys_equal (const Side *side,
                   guint       first,
                   guint       count,
                   const char *key)
{
  gsize at = 0;

  for (guint i = 0; i < count; i++)
    {
      const char *part = word_token (side, first + i)->key;
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
match_variant (const Side *o,
               guint       oi,
               guint       on,
               const Side *r,
               guint       ri,
               guint       rn,
               guint      *used_o,
               guint      *used_r)
{
  const StorylineToken *ot, *rt;

  if (oi >= on || ri >= rn)
    return FALSE;
  ot = word_token (o, oi);
  rt = word_token (r, ri);
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
  Pair pair = { o0, o1, r0, r1, variant };
  g_array_append_val (pairs, pair);
}

/* A run of changes: pairs of variants from its start, then from its end. */
static void
refine_block (const Side *o,
              guint       x0,
              guint       x1,
              const Side *r,
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
      Pair tmp = g_array_index (pairs, Pair, i);
      g_array_index (pairs, Pair, i) = g_array_index (pairs, Pair, j - 1);
      g_array_index (pairs, Pair, j - 1) = tmp;
    }
}

static int *
intern (const Side *side,
        GHashTable *ids)
{
  int *out = g_new (int, MAX (side->words->len, 1));

  for (guint i = 0; i < side->words->len; i++)
    {
      const char *key = word_token (side, i)->key;
      gpointer id;

      /* Words in square brackets are the writer's, whatever they say. */
      if (word_token (side, i)->bracketed)
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

static GArray *
find_pairs (const Side *o,
            const Side *r)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree int *a = intern (o, ids);
  g_autofree int *b = intern (r, ids);
  g_autoptr(GArray) ops = diff_words (a, o->words->len, b, r->words->len);
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
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

/* The rendition's tokens and the original's words between pair @k - 1
 * and pair @k; region 0 is before the first pair, region n after the
 * last. */
typedef struct
{
  guint t0, t1;            /* rendition tokens */
  guint d0, d1;            /* original words left out */
  guint n_ellipses;
  guint last_ellipsis;
  guint n_inserted;        /* words in brackets, whole or in part */
  guint n_added;           /* words with no mark */
  guint n_sic;
} Region;

static Region
region_at (const Side *o,
           const Side *r,
           GArray     *pairs,
           guint       k)
{
  Region g = { 0, };

  g.t0 = k == 0 ? 0 : word_token_index (r, g_array_index (pairs, Pair, k - 1).r1 - 1) + 1;
  g.t1 = k == pairs->len ? r->tokens->len : word_token_index (r, g_array_index (pairs, Pair, k).r0);
  g.d0 = k == 0 ? 0 : g_array_index (pairs, Pair, k - 1).o1;
  g.d1 = k == pairs->len ? o->words->len : g_array_index (pairs, Pair, k).o0;

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

static gboolean
region_is_marked (const Region *g)
{
  return g->n_ellipses > 0 || g->n_inserted > 0;
}

static const StorylineToken *
token_starting_at (const Side *side,
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
pair_is_plain (const Pair *p)
{
  return !p->variant && p->o1 - p->o0 == 1 && p->r1 - p->r0 == 1;
}

static gboolean
same_key (const Side *side,
          guint       a,
          guint       b)
{
  return g_str_equal (word_token (side, a)->key, word_token (side, b)->key);
}

/* Where the original repeats a word, a gap can sit on either side of
 * it ("A and B and C" quoted as "A … and C" left out "and B", not "B
 * and"). An unmarked gap moves, by whole repeats, to the nearest place
 * the rendition marks, or to an end, when there is one. */
static void
slide_gaps (const Side *o,
            const Side *r,
            GArray     *pairs)
{
  Pair *P = (Pair *) pairs->data;
  guint n = pairs->len;

  for (guint k = 1; k < n; k++)
    {
      guint len, j;
      gboolean found = FALSE;
      Region g;

      if (P[k].o0 <= P[k - 1].o1)
        continue;
      g = region_at (o, r, pairs, k);
      if (region_is_marked (&g))
        continue;
      len = P[k].o0 - P[k - 1].o1;

      /* Leftwards: the pairs before the gap move right by its length. */
      for (j = k; j > 0; j--)
        {
          const Pair *q = &P[j - 1];

          if (!pair_is_plain (q) || (j < k && q->o1 != P[j].o0) || !same_key (o, q->o0, q->o0 + len))
            break;
          if (j - 1 == 0 || region_is_marked ((g = region_at (o, r, pairs, j - 1), &g)))
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
          const Pair *q = &P[j];

          if (!pair_is_plain (q) || (j > k && P[j - 1].o1 != q->o0) || q->o0 < len ||
              !same_key (o, q->o0, q->o0 - len))
            break;
          if (j + 1 == n || region_is_marked ((g = region_at (o, r, pairs, j + 1), &g)))
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
separator (const Side *side,
           gsize       start,
           gsize       end)
{
  GString *s = g_string_new (NULL);

  for (gsize i = start; i < end; )
    {
      gunichar c = g_utf8_get_char (side->text + i);
      const StorylineToken *sic = c == '[' ? token_starting_at (side, i) : NULL;

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

static gboolean
separators_differ (const Side *o,
                   gsize       os,
                   gsize       oe,
                   const Side *r,
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

static StorylineDifferences
word_differences (const Side *o,
                  const Side *r,
                  const Pair *p,
                  gboolean    case_free)
{
  const StorylineToken *ot = word_token (o, p->o0);
  const StorylineToken *rt = word_token (r, p->r0);
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

/* Chunks */

static void
chunk_clear (StorylineDiffChunk *chunk)
{
  g_clear_pointer (&chunk->original, g_free);
  g_clear_pointer (&chunk->rendition, g_free);
}

static GArray *
chunks_new (void)
{
  GArray *chunks = g_array_new (FALSE, TRUE, sizeof (StorylineDiffChunk));
  g_array_set_clear_func (chunks, (GDestroyNotify) chunk_clear);
  return chunks;
}

static void
add_chunk (GArray            *chunks,
           StorylineDiffKind  kind,
           char              *original,
           char              *rendition)
{
  StorylineDiffChunk chunk = { kind, original, rendition };
  g_array_append_val (chunks, chunk);
}

/* A piece of the display before its text is cut: from the rendition's
 * tokens [t0, t1), or the original's words [w0, w1). */
typedef struct
{
  StorylineDiffKind kind;
  gboolean from_rendition;
  guint t0, t1;
  guint w0, w1;
} Piece;

static gboolean
is_opening (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);
  return type == G_UNICODE_OPEN_PUNCTUATION || type == G_UNICODE_INITIAL_PUNCTUATION ||
         c == '"' || c == '\'';
}

/* The original's words [w0, w1) as printed, with the punctuation after
 * them, but neither the spaces nor an opening mark of the next word. */
static char *
original_slice (const Side *o,
                guint       w0,
                guint       w1)
{
  gsize start = word_token (o, w0)->word_start;
  gsize end = w1 < o->words->len ? word_token (o, w1)->word_start : o->len;
  gsize floor = word_token (o, w1 - 1)->end;

  for (;;)
    {
      const char *prev;

      while (end > floor && g_ascii_isspace (o->text[end - 1]))
        end--;
      if (end <= floor)
        break;
      prev = g_utf8_prev_char (o->text + end);
      if ((gsize) (prev - o->text) > floor && is_opening (g_utf8_get_char (prev)) &&
          g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (prev))))
        end = prev - o->text;
      else
        break;
    }
  return g_strndup (o->text + start, end - start);
}

/* Where a rendition piece starting at token @t starts: with the opening
 * marks that touch it. */
static gsize
rendition_start (const Side *r,
                 guint       t)
{
  gsize start = g_array_index (r->tokens, StorylineToken, t).start;

  while (start > 0)
    {
      const char *prev = g_utf8_prev_char (r->text + start);
      if (!is_opening (g_utf8_get_char (prev)) || *prev == '[' ||
          (prev > r->text && !g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (prev)))))
        break;
      start = prev - r->text;
    }
  return start;
}

static GArray *
make_chunks (const Side *o,
             const Side *r,
             GArray     *pieces)
{
  GArray *chunks = chunks_new ();
  gboolean first_rendition = TRUE;

  guint kept = 0;

  /* Runs of one kind become one piece, but each variant stays on its own. */
  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *q = &g_array_index (pieces, Piece, i);
      Piece *p = kept > 0 ? &g_array_index (pieces, Piece, kept - 1) : NULL;

      if (p != NULL && p->kind != STORYLINE_DIFF_SPELLING && q->kind == p->kind &&
          q->from_rendition == p->from_rendition && (p->kind != STORYLINE_DIFF_SAME || q->w0 == p->w1))
        {
          p->t1 = q->t1;
          p->w1 = q->w1;
        }
      else
        g_array_index (pieces, Piece, kept++) = *q;
    }
  g_array_set_size (pieces, kept);

  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *p = &g_array_index (pieces, Piece, i);
      char *original = NULL, *rendition = NULL;

      if (p->kind == STORYLINE_DIFF_SPELLING)
        {
          gsize start = word_token (o, p->w0)->word_start;
          original = g_strndup (o->text + start, word_token (o, p->w1 - 1)->end - start);
        }
      else if (p->kind == STORYLINE_DIFF_SAME || p->kind == STORYLINE_DIFF_DROPPED || p->kind == STORYLINE_DIFF_OMITTED)
        original = original_slice (o, p->w0, p->w1);

      if (p->from_rendition)
        {
          gsize start = first_rendition ? 0 : rendition_start (r, p->t0);
          gsize end = r->len;

          for (guint j = i + 1; j < pieces->len; j++)
            {
              Piece *q = &g_array_index (pieces, Piece, j);
              if (q->from_rendition)
                {
                  end = rendition_start (r, q->t0);
                  break;
                }
            }
          rendition = g_strndup (r->text + start, end - start);
          first_rendition = FALSE;
        }
      add_chunk (chunks, p->kind, original, rendition);
    }

  /* A rendition of punctuation only is all kept, as it is. */
  if (first_rendition && r->len > 0)
    add_chunk (chunks, STORYLINE_DIFF_SAME, g_strdup (""), g_strdup (r->text));
  return chunks;
}

static void
add_piece (GArray            *pieces,
           StorylineDiffKind  kind,
           gboolean           from_rendition,
           guint              t0,
           guint              t1,
           guint              w0,
           guint              w1)
{
  Piece p = { kind, from_rendition, t0, t1, w0, w1 };
  g_array_append_val (pieces, p);
}

static StorylineDiffKind
token_piece_kind (const StorylineToken *token)
{
  if (token->kind != STORYLINE_TOKEN_WORD)
    return STORYLINE_DIFF_MARKER;
  if (token->bracketed || token->partly_bracketed)
    return STORYLINE_DIFF_INSERTED;
  return STORYLINE_DIFF_ADDED;
}

static void
set_reason (StorylineFidelity *f,
            char              *reason)
{
  if (f->reason == NULL)
    f->reason = reason;
  else
    g_free (reason);
}

static char *
word_as_printed (const Side *side,
                 guint       word)
{
  const StorylineToken *t = word_token (side, word);
  return g_strndup (side->text + t->word_start, t->end - t->word_start);
}

/* The rendition without its [sic], for the verbatim comparison. */
static char *
without_sic (const Side *r)
{
  GString *s = g_string_new (NULL);
  gsize at = 0;

  for (guint i = 0; i < r->tokens->len; i++)
    {
      const StorylineToken *t = &g_array_index (r->tokens, StorylineToken, i);
      if (t->kind != STORYLINE_TOKEN_SIC)
        continue;
      g_string_append_len (s, r->text + at, t->start - at);
      at = t->end;
    }
  g_string_append_len (s, r->text + at, r->len - at);
  return g_string_free (s, FALSE);
}

/**
 * storyline_fidelity_compare_in_language:
 * @original: the quote as issued
 * @rendition: the quote as a source reproduced it
 * @language: (nullable): the quote's language (BCP 47), which says which
 *   words are negations; %NULL for all the languages Storyline knows
 *
 * Compares word by word and names the result with the most serious of
 * the six verdicts of the story format that applies, the lesser
 * differences beside it, and the difference itself on the texts as
 * printed.
 *
 * Returns: (transfer full): the comparison
 */
StorylineFidelity *
storyline_fidelity_compare_in_language (const char *original,
                                        const char *rendition,
                                        const char *language)
{
  StorylineFidelity *f = g_new0 (StorylineFidelity, 1);
  Side o, r;
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_autofree char *norm_o = NULL, *norm_r = NULL, *plain_r = NULL;
  gboolean altered = FALSE, marked = FALSE, cut = FALSE, whole;
  StorylineDifferences d = 0;
  guint n;

  side_init (&o, original, FALSE);
  side_init (&r, rendition, TRUE);
  f->n_original_words = o.words->len;
  f->n_rendition_words = r.words->len;

  pairs = find_pairs (&o, &r);
  slide_gaps (&o, &r, pairs);
  n = pairs->len;
  whole = n > 0 && g_array_index (pairs, Pair, 0).o0 == 0 && g_array_index (pairs, Pair, n - 1).o1 == o.words->len;

  for (guint k = 0; k <= n; k++)
    {
      Region g = region_at (&o, &r, pairs, k);
      gboolean interior = k > 0 && k < n;
      StorylineDiffKind left_out = region_is_marked (&g) ? STORYLINE_DIFF_OMITTED : STORYLINE_DIFF_DROPPED;

      if (g.n_added > 0)
        altered = TRUE;
      if (g.n_inserted > 0)
        marked = TRUE;
      if (g.d1 > g.d0)
        {
          if (interior && !region_is_marked (&g))
            altered = TRUE;
          else if (interior)
            marked = TRUE;
          else
            cut = TRUE;
          for (guint w = g.d0; interior && w < g.d1; w++)
            if (storyline_word_is_negation (word_token (&o, w)->key, language))
              {
                g_autofree char *word = word_as_printed (&o, w);
                altered = TRUE;
                /* Translators: why a rendition is judged altered; %s is a word such as "not" */
                set_reason (f, g_strdup_printf (_("the words left out include “%s”"), word));
              }
        }

      /* Left-out words go after the ellipsis that marks them, or before
       * the words put in their place. */
      if (g.d1 > g.d0 && g.n_ellipses == 0)
        add_piece (pieces, left_out, FALSE, 0, 0, g.d0, g.d1);
      for (guint t = g.t0; t < g.t1; t++)
        {
          add_piece (pieces, token_piece_kind (&g_array_index (r.tokens, StorylineToken, t)), TRUE, t, t + 1, 0, 0);
          if (g.n_ellipses > 0 && t == g.last_ellipsis && g.d1 > g.d0)
            add_piece (pieces, left_out, FALSE, 0, 0, g.d0, g.d1);
        }

      if (k < n)
        {
          const Pair *p = &g_array_index (pairs, Pair, k);
          guint t0 = word_token_index (&r, p->r0), t1 = word_token_index (&r, p->r1 - 1) + 1;

          /* The case of an excerpt's first word is the writer's. */
          StorylineDifferences wd = word_differences (&o, &r, p, k == 0 && !whole);
          gboolean variant = p->variant || (wd & STORYLINE_DIFFERENCE_HYPHENATION);

          d |= wd;
          add_piece (pieces, variant ? STORYLINE_DIFF_SPELLING : STORYLINE_DIFF_SAME, TRUE, t0, t1, p->o0, p->o1);

          /* Punctuation between two words that follow each other in both. */
          if (k > 0 && g.t0 == g.t1 - g.n_sic && g.d0 == g.d1)
            {
              const Pair *prev = &g_array_index (pairs, Pair, k - 1);
              if (separators_differ (&o, word_token (&o, prev->o1 - 1)->end, word_token (&o, p->o0)->word_start,
                                     &r, word_token (&r, prev->r1 - 1)->end, word_token (&r, p->r0)->word_start))
                d |= STORYLINE_DIFFERENCE_PUNCTUATION;
            }
        }
    }

  /* Punctuation before the first word and after the last counts only when
   * the rendition keeps all the words: an excerpt's ends are the writer's. */
  if (n > 0)
    {
      const Pair *first = &g_array_index (pairs, Pair, 0);
      const Pair *last = &g_array_index (pairs, Pair, n - 1);

      if (whole && word_token_index (&r, first->r0) == 0 &&
          separators_differ (&o, 0, word_token (&o, 0)->word_start, &r, 0, word_token (&r, first->r0)->word_start))
        d |= STORYLINE_DIFFERENCE_PUNCTUATION;
      if (whole && word_token_index (&r, last->r1 - 1) == r.tokens->len - 1 &&
          separators_differ (&o, word_token (&o, last->o1 - 1)->end, o.len, &r, word_token (&r, last->r1 - 1)->end, r.len))
        d |= STORYLINE_DIFFERENCE_PUNCTUATION;

      /* An excerpt that starts just after a negation ("We will not
       * accept" quoted as "accept"), or stops just before one (Bengali
       * and Urdu put theirs after the verb: "সমর্থন করবে না"). */
      if (first->o0 > 0 && storyline_word_is_negation (word_token (&o, first->o0 - 1)->key, language))
        {
          g_autofree char *word = word_as_printed (&o, first->o0 - 1);
          altered = TRUE;
          /* Translators: why a rendition is judged altered; %s is a word such as "not" */
          set_reason (f, g_strdup_printf (_("it starts just after “%s”, which it leaves out"), word));
        }
      if (last->o1 < o.words->len && storyline_word_is_negation (word_token (&o, last->o1)->key, language))
        {
          g_autofree char *word = word_as_printed (&o, last->o1);
          altered = TRUE;
          /* Translators: why a rendition is judged altered; %s is a word such as "not" */
          set_reason (f, g_strdup_printf (_("it stops just before “%s”, which it leaves out"), word));
        }
      f->excerpt_start = first->o0;
      f->excerpt_end = last->o1;
    }
  else if (o.words->len > 0)
    {
      altered = TRUE;
      /* Translators: why a rendition is judged altered */
      set_reason (f, g_strdup (_("it keeps none of the original's words")));
    }
  else if (r.words->len == 0)
    d |= STORYLINE_DIFFERENCE_PUNCTUATION;

  f->chunks = make_chunks (&o, &r, pieces);

  norm_o = normalize (original, o.len);
  plain_r = without_sic (&r);
  norm_r = normalize (plain_r, strlen (plain_r));

  if (g_str_equal (norm_o, norm_r))
    f->verdict = STORYLINE_VERDICT_VERBATIM, d = 0;
  else if (altered)
    f->verdict = STORYLINE_VERDICT_ALTERED;
  else if (marked)
    f->verdict = STORYLINE_VERDICT_MARKED;
  else if (cut)
    f->verdict = STORYLINE_VERDICT_EXCERPT;
  else if (d & (STORYLINE_DIFFERENCE_SPELLING | STORYLINE_DIFFERENCE_HYPHENATION))
    f->verdict = STORYLINE_VERDICT_SPELLING;
  else
    f->verdict = STORYLINE_VERDICT_PUNCTUATION;

  f->found = d;
  if (f->verdict == STORYLINE_VERDICT_SPELLING)
    d &= ~(STORYLINE_DIFFERENCE_SPELLING | STORYLINE_DIFFERENCE_HYPHENATION);
  else if (f->verdict == STORYLINE_VERDICT_PUNCTUATION)
    d &= ~STORYLINE_DIFFERENCE_PUNCTUATION;
  if (f->verdict != STORYLINE_VERDICT_ALTERED)
    g_clear_pointer (&f->reason, g_free);
  f->differences = d;

  side_clear (&o);
  side_clear (&r);
  return f;
}

/**
 * storyline_fidelity_compare:
 *
 * As storyline_fidelity_compare_in_language(), for a quote whose
 * language is not known.
 *
 * Returns: (transfer full): the comparison
 */
StorylineFidelity *
storyline_fidelity_compare (const char *original,
                            const char *rendition)
{
  return storyline_fidelity_compare_in_language (original, rendition, NULL);
}

StorylineFidelity *
storyline_fidelity_copy (const StorylineFidelity *fidelity)
{
  StorylineFidelity *copy = g_memdup2 (fidelity, sizeof *fidelity);

  copy->reason = g_strdup (fidelity->reason);
  copy->chunks = chunks_new ();
  for (guint i = 0; i < fidelity->chunks->len; i++)
    {
      const StorylineDiffChunk *c = &g_array_index (fidelity->chunks, StorylineDiffChunk, i);
      add_chunk (copy->chunks, c->kind, g_strdup (c->original), g_strdup (c->rendition));
    }
  return copy;
}

void
storyline_fidelity_free (StorylineFidelity *fidelity)
{
  if (fidelity == NULL)
    return;
  g_clear_pointer (&fidelity->chunks, g_array_unref);
  g_free (fidelity->reason);
  g_free (fidelity);
}

/* Writing the difference */

static gboolean
is_from_rendition (StorylineDiffKind kind)
{
  return kind != STORYLINE_DIFF_DROPPED && kind != STORYLINE_DIFF_OMITTED;
}

/* @text without the white space at its end; the length of what stays. */
static gsize
core_length (const char *text)
{
  gsize len = strlen (text);

  while (len > 0 && g_ascii_isspace (text[len - 1]))
    len--;
  return len;
}

/* @text without the punctuation and white space after its last word. */
static gsize
word_length (const char *text)
{
  const char *end = text + strlen (text);

  while (end > text)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        break;
      end = prev;
    }
  return end - text;
}

static void
append_folded (GString    *out,
               const char *text,
               gssize      len)
{
  if (len < 0)
    len = strlen (text);
  for (gssize i = 0; i < len; i++)
    {
      if (g_ascii_isspace (text[i]))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, text[i]);
    }
}

/**
 * storyline_fidelity_write_diff:
 * @fidelity: a comparison
 * @out: where to write
 * @markers: the four marks around what the rendition leaves out and puts
 *   in: `[-`, `-]`, `{+`, `+}` in word-diff notation
 * @span: (nullable) (scope call): told the bytes of each marked run
 * @user_data: for @span
 *
 * Writes the difference on the rendition as printed, white space folded
 * to single spaces: the words left out (after the ellipsis that marks
 * them) and put in between the markers, a word spelt otherwise as both.
 */
void
storyline_fidelity_write_diff (const StorylineFidelity  *fidelity,
                               GString                  *out,
                               const char * const       *markers,
                               StorylineDiffSpanFunc     span,
                               gpointer                  user_data)
{
  gsize begin = out->len;
  gboolean space_due = FALSE;

#define SPAN(kind, side, from) G_STMT_START { if (span) span ((kind), (side), (from), out->len, user_data); } G_STMT_END

  for (guint i = 0; i < fidelity->chunks->len; i++)
    {
      const StorylineDiffChunk *c = &g_array_index (fidelity->chunks, StorylineDiffChunk, i);
      gsize from;

      if (!is_from_rendition (c->kind))
        {
          if (out->len > begin && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          from = out->len;
          g_string_append (out, markers[0]);
          append_folded (out, c->original, -1);
          g_string_append (out, markers[1]);
          SPAN (c->kind, STORYLINE_DIFF_SIDE_ORIGINAL, from);
          space_due = TRUE;
          continue;
        }

      if (space_due && out->len > begin && out->str[out->len - 1] != ' ' && !g_ascii_isspace (c->rendition[0]))
        g_string_append_c (out, ' ');
      space_due = FALSE;

      switch (c->kind)
        {
        case STORYLINE_DIFF_SPELLING:
          from = out->len;
          g_string_append (out, markers[0]);
          append_folded (out, c->original, -1);
          g_string_append (out, markers[1]);
          SPAN (c->kind, STORYLINE_DIFF_SIDE_ORIGINAL, from);
          from = out->len;
          g_string_append (out, markers[2]);
          append_folded (out, c->rendition, word_length (c->rendition));
          g_string_append (out, markers[3]);
          SPAN (c->kind, STORYLINE_DIFF_SIDE_RENDITION, from);
          append_folded (out, c->rendition + word_length (c->rendition), -1);
          break;
        case STORYLINE_DIFF_ADDED:
        case STORYLINE_DIFF_INSERTED:
          from = out->len;
          g_string_append (out, markers[2]);
          append_folded (out, c->rendition, core_length (c->rendition));
          g_string_append (out, markers[3]);
          SPAN (c->kind, STORYLINE_DIFF_SIDE_RENDITION, from);
          append_folded (out, c->rendition + core_length (c->rendition), -1);
          break;
        default:
          append_folded (out, c->rendition, -1);
          break;
        }
    }
#undef SPAN

  while (out->len > begin && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
}

/**
 * storyline_fidelity_to_word_diff:
 *
 * Returns: (transfer full): the difference on one line, in word-diff
 *   notation on the rendition as printed: `[-left out-]`, `{+put in+}`,
 *   `[-spelt-]{+this way+}`
 */
char *
storyline_fidelity_to_word_diff (const StorylineFidelity *fidelity)
{
  static const char * const markers[] = { "[-", "-]", "{+", "+}" };
  GString *s = g_string_new (NULL);

  storyline_fidelity_write_diff (fidelity, s, markers, NULL, NULL);
  return g_string_free (s, FALSE);
}

static char *
chunk_words (const StorylineDiffChunk *c)
{
  const char *text = is_from_rendition (c->kind) ? c->rendition : c->original;
  GString *s = g_string_new (NULL);

  append_folded (s, text, core_length (text));
  while (s->len > 0 && s->str[0] == ' ')
    g_string_erase (s, 0, 1);
  return g_string_free (s, FALSE);
}

/**
 * storyline_fidelity_describe_diff:
 *
 * Returns: (transfer full): the changes in sentences, for a screen reader
 *   and a tooltip; empty when the words are the same
 */
char *
storyline_fidelity_describe_diff (const StorylineFidelity *fidelity)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < fidelity->chunks->len; i++)
    {
      const StorylineDiffChunk *c = &g_array_index (fidelity->chunks, StorylineDiffChunk, i);
      const StorylineDiffChunk *next = i + 1 < fidelity->chunks->len ?
        &g_array_index (fidelity->chunks, StorylineDiffChunk, i + 1) : NULL;
      g_autofree char *words = NULL;

      if (c->kind == STORYLINE_DIFF_SAME || c->kind == STORYLINE_DIFF_MARKER)
        continue;
      if (s->len > 0)
        g_string_append_c (s, ' ');
      words = chunk_words (c);

      if (c->kind == STORYLINE_DIFF_DROPPED && next != NULL && next->kind == STORYLINE_DIFF_ADDED)
        {
          g_autofree char *added = chunk_words (next);
          /* Translators: words of a quote replaced by others */
          g_string_append_printf (s, _("“%s” became “%s”."), words, added);
          i++;
        }
      else if (c->kind == STORYLINE_DIFF_DROPPED)
        /* Translators: words of a quote left out */
        g_string_append_printf (s, _("Dropped “%s”."), words);
      else if (c->kind == STORYLINE_DIFF_OMITTED)
        /* Translators: words of a quote left out where an ellipsis or brackets say so */
        g_string_append_printf (s, _("Left out: “%s”."), words);
      else if (c->kind == STORYLINE_DIFF_ADDED)
        /* Translators: words added to a quote */
        g_string_append_printf (s, _("Added “%s”."), words);
      else if (c->kind == STORYLINE_DIFF_INSERTED)
        /* Translators: words a writer put into a quote in square brackets */
        g_string_append_printf (s, _("Put in by the writer: “%s”."), words);
      else
        {
          g_autofree char *original = g_strdup (c->original);
          /* Translators: a word spelt the British or the American way, or hyphenated otherwise */
          g_string_append_printf (s, _("“%s” spelt “%s”."), g_strstrip (original), words);
        }
    }
  return g_string_free (s, FALSE);
}

/**
 * storyline_verdict_to_string:
 *
 * Returns: the verdict's name in the format ("verbatim", "excerpt", …)
 */
const char *
storyline_verdict_to_string (StorylineVerdict verdict)
{
  static const char *names[] = { "verbatim", "punctuation", "spelling", "excerpt", "marked", "altered" };
  g_return_val_if_fail (verdict < G_N_ELEMENTS (names), NULL);
  return names[verdict];
}

/**
 * storyline_verdict_describe:
 *
 * Returns: the verdict in words for a reader
 */
const char *
storyline_verdict_describe (StorylineVerdict verdict)
{
  switch (verdict)
    {
    case STORYLINE_VERDICT_VERBATIM:
      return _("Verbatim: the words as issued");
    case STORYLINE_VERDICT_PUNCTUATION:
      return _("Same words, different punctuation or capitals");
    case STORYLINE_VERDICT_SPELLING:
      return _("Same words, spelt differently: British or American spelling, or hyphenation");
    case STORYLINE_VERDICT_EXCERPT:
      return _("Excerpt: part of the words as issued");
    case STORYLINE_VERDICT_MARKED:
      return _("Marked: words left out or put in, every change marked with an ellipsis or square brackets");
    case STORYLINE_VERDICT_ALTERED:
    default:
      return _("Altered: words changed inside the quotation marks");
    }
}

/**
 * storyline_fidelity_differences_to_string:
 *
 * Returns: (transfer full): the lesser differences' names, as in the
 *   story format, comma-separated ("case,punctuation,spelling"); empty
 *   when there are none. Hyphenation is a spelling difference.
 */
char *
storyline_fidelity_differences_to_string (const StorylineFidelity *fidelity)
{
  GString *s = g_string_new (NULL);
  StorylineDifferences d = fidelity->differences;

  if (d & STORYLINE_DIFFERENCE_CASE)
    g_string_append (s, "case,");
  if (d & STORYLINE_DIFFERENCE_PUNCTUATION)
    g_string_append (s, "punctuation,");
  if (d & (STORYLINE_DIFFERENCE_SPELLING | STORYLINE_DIFFERENCE_HYPHENATION))
    g_string_append (s, "spelling,");
  if (s->len > 0)
    g_string_truncate (s, s->len - 1);
  return g_string_free (s, FALSE);
}

/* "with British/American spelling and case differences" */
static char *
describe_differences (StorylineDifferences d)
{
  const char *kinds[3];
  guint n = 0;
  g_autofree char *list = NULL;
  g_autofree char *kinds_text = NULL;

  /* Translators: a kind of difference, as in "with case differences" */
  if (d & STORYLINE_DIFFERENCE_CASE)
    kinds[n++] = _("case");
  /* Translators: a kind of difference, as in "with punctuation differences" */
  if (d & STORYLINE_DIFFERENCE_PUNCTUATION)
    kinds[n++] = _("punctuation");
  /* Translators: a kind of difference, as in "with hyphenation differences" */
  if (d & STORYLINE_DIFFERENCE_HYPHENATION)
    kinds[n++] = _("hyphenation");

  if (n == 1)
    list = g_strdup (kinds[0]);
  else if (n == 2)
    /* Translators: two kinds of difference, as in "case and punctuation" */
    list = g_strdup_printf (_("%s and %s"), kinds[0], kinds[1]);
  else if (n == 3)
    /* Translators: three kinds of difference, as in "case, punctuation and hyphenation" */
    list = g_strdup_printf (_("%s, %s and %s"), kinds[0], kinds[1], kinds[2]);

  if (list != NULL)
    /* Translators: %s is a list of kinds, as in "case and punctuation" */
    kinds_text = g_strdup_printf (_("%s differences"), list);

  if ((d & STORYLINE_DIFFERENCE_SPELLING) && kinds_text != NULL)
    /* Translators: %s is as in "case and punctuation differences" */
    return g_strdup_printf (_("with British/American spelling and %s"), kinds_text);
  if (d & STORYLINE_DIFFERENCE_SPELLING)
    return g_strdup (_("with British/American spelling"));
  if (kinds_text != NULL)
    /* Translators: %s is as in "case and punctuation differences" */
    return g_strdup_printf (_("with %s"), kinds_text);
  return NULL;
}

/**
 * storyline_fidelity_describe:
 *
 * Returns: (transfer full): the verdict explained in one sentence for a
 *   reader: where an excerpt sits, the lesser differences, and why a cut
 *   makes a rendition altered
 */
char *
storyline_fidelity_describe (const StorylineFidelity *fidelity)
{
  g_autofree char *lesser = describe_differences (fidelity->differences);
  g_autofree char *head = NULL;

  if (fidelity->verdict == STORYLINE_VERDICT_EXCERPT)
    /* Translators: where an excerpt sits in the original quote, counted in words */
    head = g_strdup_printf (_("Excerpt: words %u to %u of the %u in the original"),
                            fidelity->excerpt_start + 1, fidelity->excerpt_end, fidelity->n_original_words);
  else if (fidelity->verdict == STORYLINE_VERDICT_ALTERED && fidelity->reason != NULL)
    /* Translators: %s is a reason, as in "the words left out include “not”" */
    head = g_strdup_printf (_("Altered: %s"), fidelity->reason);
  else if (fidelity->verdict == STORYLINE_VERDICT_SPELLING && !(fidelity->found & STORYLINE_DIFFERENCE_SPELLING))
    head = g_strdup (_("Same words, hyphenated differently"));
  else if (fidelity->verdict == STORYLINE_VERDICT_SPELLING && (fidelity->found & STORYLINE_DIFFERENCE_HYPHENATION))
    head = g_strdup (_("Same words, British or American spelling and hyphenation"));
  else if (fidelity->verdict == STORYLINE_VERDICT_SPELLING)
    head = g_strdup (_("Same words, British or American spelling"));
  else
    head = g_strdup (storyline_verdict_describe (fidelity->verdict));

  if (lesser == NULL)
    return g_strconcat (head, ".", NULL);
  /* Translators: a verdict and the lesser differences, as in "Excerpt: …, with British/American spelling." */
  return g_strdup_printf (_("%s, %s."), head, lesser);
}
