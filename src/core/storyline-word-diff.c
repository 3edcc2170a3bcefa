/* storyline-word-diff.c: the shortest edit between two sequences of words
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "storyline-word-diff.h"

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

/**
 * storyline_word_diff:
 * @a: (array length=n): the original's words, as numbers
 * @b: (array length=m): the rendition's words, as numbers
 *
 * Returns: (transfer full) (element-type gchar): a shortest edit script:
 *   '=' a word in both, '-' one of @a's only, '+' one of @b's only
 */
GArray *
storyline_word_diff (const int *a,
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
