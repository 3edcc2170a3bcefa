/* storyline-fidelity.c: how faithfully a rendition reproduces a quote
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "storyline-fidelity.h"

G_DEFINE_BOXED_TYPE (StorylineFidelity, storyline_fidelity, storyline_fidelity_copy, storyline_fidelity_free)

/* Words
 *
 * A word is a maximal run of Unicode letters, digits and combining marks,
 * so "military-to-military" is three words and a Bengali vowel sign stays
 * inside its word. */

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_isdigit (c) || g_unichar_ismark (c);
}

/**
 * storyline_split_words:
 *
 * Returns: (transfer full) (element-type utf8): the words of @text, in order
 */
GPtrArray *
storyline_split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;
  const char *p;

  for (p = text; p && *p; p = g_utf8_next_char (p))
    {
      gboolean inside = is_word_char (g_utf8_get_char (p));

      if (inside && start == NULL)
        start = p;
      else if (!inside && start != NULL)
        {
          g_ptr_array_add (words, g_strndup (start, p - start));
          start = NULL;
        }
    }
  if (start != NULL)
    g_ptr_array_add (words, g_strndup (start, p - start));

  return words;
}

/* White space folded to one space, the ends trimmed, typographic quotes
 * and apostrophes read as plain ones: what "verbatim" compares. */
static char *
normalize (const char *text)
{
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
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

/* British and American spellings
 *
 * A table of pairs that no rule covers, matched as prefixes with the same
 * ending ("defences"/"defenses"), and rules for the regular families. A
 * word that neither knows is not a spelling pair: the rendition is then
 * "altered", never guessed. Words are compared case-folded, ASCII only. */

static const char * const spelling_table[][2] = {
  { "defence", "defense" }, { "offence", "offense" }, { "licence", "license" },
  { "pretence", "pretense" }, { "grey", "gray" }, { "programme", "program" },
  { "cheque", "check" }, { "tyre", "tire" }, { "aluminium", "aluminum" },
  { "plough", "plow" }, { "mould", "mold" }, { "sceptic", "skeptic" },
  { "manoeuvre", "maneuver" }, { "catalogue", "catalog" }, { "dialogue", "dialog" },
  { "analogue", "analog" }, { "ageing", "aging" }, { "judgement", "judgment" },
  { "acknowledgement", "acknowledgment" }, { "enrolment", "enrollment" }, { "enrol", "enroll" },
  { "fulfilment", "fulfillment" }, { "fulfil", "fulfill" }, { "skilful", "skillful" },
  { "wilful", "willful" }, { "instalment", "installment" }, { "jewellery", "jewelry" },
  { "kerb", "curb" }, { "pyjamas", "pajamas" }, { "artefact", "artifact" },
  { "encyclopaedia", "encyclopedia" }, { "paediatric", "pediatric" }, { "anaemia", "anemia" },
  { "oestrogen", "estrogen" }, { "foetus", "fetus" }, { "orthopaedic", "orthopedic" },
  { "cosy", "cozy" }, { "moustache", "mustache" }, { "sulphur", "sulfur" },
  { "storey", "story" }, { "draught", "draft" }, { "fuelled", "fueled" },
  { "fuelling", "fueling" }, { "woollen", "woolen" }, { "marvellous", "marvelous" },
  { "yoghurt", "yogurt" }, { "practise", "practice" }, { "mum", "mom" },
};

/* Words spelt with -ise on both sides of the Atlantic. */
static const char * const ise_everywhere[] = {
  "advis", "devis", "revis", "supervis", "televis", "exercis", "compromis", "enterpris",
  "surpris", "despis", "compris", "promis", "premis", "precis", "concis", "incis",
  "circumcis", "franchis", "merchandis", "expertis", "disguis", "chastis", "excis",
  "improvis", "wis", "ris", "aris", "pois", "nois", "chemis", "apprais", NULL
};

/* Words that double the l in American English too. */
static const char * const ll_everywhere[] = {
  "controll", "patroll", "compell", "propell", "rebell", "repell", "excell", "expell",
  "extoll", "enroll", "install", "recall", "befall", "distill", "instill", NULL
};

static gboolean
is_ascii_word (const char *w)
{
  for (; *w; w++)
    if (!g_ascii_isalpha (*w))
      return FALSE;
  return TRUE;
}

static gboolean
starts_with_any (const char         *word,
                 const char * const *stems)
{
  for (guint i = 0; stems[i]; i++)
    if (g_str_has_prefix (word, stems[i]))
      return TRUE;
  return FALSE;
}

static guint
vowel_groups (const char *s,
              gsize       len)
{
  guint groups = 0;
  gboolean in_vowel = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      gboolean v = strchr ("aeiouy", s[i]) != NULL;
      if (v && !in_vowel)
        groups++;
      in_vowel = v;
    }
  return groups;
}

/* Does replacing @from by @to at some position of @uk, with at least
 * @min_before letters before it and one of @followers (or the end) after
 * it, give @us? */
static gboolean
rule_replace (const char         *uk,
              const char         *us,
              const char         *from,
              const char         *to,
              gsize               min_before,
              const char * const *followers)
{
  gsize from_len = strlen (from), to_len = strlen (to);
  gsize uk_len = strlen (uk), us_len = strlen (us);

  if (uk_len - from_len + to_len != us_len)
    return FALSE;

  for (const char *p = strstr (uk, from); p != NULL; p = strstr (p + 1, from))
    {
      gsize pos = p - uk;
      const char *after = p + from_len;
      gboolean follower_ok = followers == NULL;

      if (pos < min_before)
        continue;
      for (guint i = 0; followers && followers[i] && !follower_ok; i++)
        follower_ok = g_str_equal (after, followers[i]);
      if (!follower_ok)
        continue;
      if (strncmp (uk, us, pos) == 0 && strncmp (us + pos, to, to_len) == 0 &&
          g_str_equal (after, us + pos + to_len))
        return TRUE;
    }
  return FALSE;
}

static gboolean
british_to_american (const char *uk,
                     const char *us)
{
  static const char * const our_followers[] = {
    "", "s", "ed", "ing", "able", "ably", "ful", "fully", "ite", "ites", "er", "ers", "less",
    "ism", "ist", "ists", "some", "ous", NULL
  };
  static const char * const ise_followers[] = {
    "e", "es", "ed", "ing", "er", "ers", "ation", "ations", "able", NULL
  };
  static const char * const re_followers[] = { "", "s", NULL };
  static const char * const ll_followers[] = { "ed", "ing", "er", "ers", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (spelling_table); i++)
    {
      const char *a = spelling_table[i][0], *b = spelling_table[i][1];
      if (g_str_has_prefix (uk, a) && g_str_has_prefix (us, b) &&
          g_str_equal (uk + strlen (a), us + strlen (b)))
        return TRUE;
    }

  /* colour/color, honoured/honored, favourite/favorite */
  if (rule_replace (uk, us, "our", "or", 2, our_followers))
    return TRUE;

  /* recognise/recognize, organisation/organization, analyse/analyze */
  if (!starts_with_any (uk, ise_everywhere) &&
      (rule_replace (uk, us, "is", "iz", 3, ise_followers) ||
       rule_replace (uk, us, "ys", "yz", 3, ise_followers)))
    return TRUE;

  /* centre/center, theatres/theaters, fibre/fiber */
  if (rule_replace (uk, us, "tre", "ter", 2, re_followers) ||
      rule_replace (uk, us, "bre", "ber", 2, re_followers))
    return TRUE;
  /* centred/centered, centring/centering */
  if (rule_replace (uk, us, "tred", "tered", 2, NULL) ||
      rule_replace (uk, us, "tring", "tering", 2, NULL))
    return TRUE;

  /* travelled/traveled, cancelling/canceling, modeller/modeler: only
   * where the l ends an unstressed syllable of a longer word, so that
   * filled/filed never pass. */
  if (!starts_with_any (uk, ll_everywhere))
    {
      const char *ll = strstr (uk, "ll");
      if (ll != NULL && vowel_groups (uk, ll - uk) >= 2 &&
          rule_replace (uk, us, "ll", "l", 3, ll_followers))
        return TRUE;
    }

  return FALSE;
}

/**
 * storyline_is_spelling_pair:
 *
 * Returns: %TRUE when @a and @b (case-folded words) are the British and the
 *   American spelling of one word, either way round
 */
gboolean
storyline_is_spelling_pair (const char *a,
                            const char *b)
{
  if (g_str_equal (a, b) || !is_ascii_word (a) || !is_ascii_word (b))
    return FALSE;
  return british_to_american (a, b) || british_to_american (b, a);
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

/* Comparison */

static void
chunk_clear (StorylineDiffChunk *chunk)
{
  g_clear_pointer (&chunk->original, g_free);
  g_clear_pointer (&chunk->rendition, g_free);
}

static char *
join (GPtrArray *words,
      guint      start,
      guint      count)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < count; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, g_ptr_array_index (words, start + i));
    }
  return g_string_free (s, FALSE);
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

/* Turns the edit script into runs, and a dropped run followed by an added
 * run of the same length whose words are spelling pairs into spelling
 * chunks. */
static GArray *
make_chunks (GArray    *ops,
             GPtrArray *ow,
             GPtrArray *rw,
             GPtrArray *of,
             GPtrArray *rf)
{
  GArray *chunks = g_array_new (FALSE, TRUE, sizeof (StorylineDiffChunk));
  guint i = 0, x = 0, y = 0;

  g_array_set_clear_func (chunks, (GDestroyNotify) chunk_clear);

  while (i < ops->len)
    {
      char op = g_array_index (ops, char, i);
      guint run = 0;

      while (i + run < ops->len && g_array_index (ops, char, i + run) == op)
        run++;

      if (op == '=')
        {
          add_chunk (chunks, STORYLINE_DIFF_SAME, join (ow, x, run), NULL);
          x += run, y += run;
        }
      else if (op == '-')
        {
          guint added = 0;
          gboolean spelling;

          while (i + run + added < ops->len && g_array_index (ops, char, i + run + added) == '+')
            added++;

          spelling = added == run;
          for (guint k = 0; spelling && k < run; k++)
            spelling = storyline_is_spelling_pair (of->pdata[x + k], rf->pdata[y + k]);

          if (spelling)
            {
              for (guint k = 0; k < run; k++)
                add_chunk (chunks, STORYLINE_DIFF_SPELLING, g_strdup (ow->pdata[x + k]), g_strdup (rw->pdata[y + k]));
            }
          else
            {
              add_chunk (chunks, STORYLINE_DIFF_DROPPED, join (ow, x, run), NULL);
              if (added > 0)
                add_chunk (chunks, STORYLINE_DIFF_ADDED, NULL, join (rw, y, added));
            }
          x += run, y += added;
          run += added;
        }
      else
        {
          add_chunk (chunks, STORYLINE_DIFF_ADDED, NULL, join (rw, y, run));
          y += run;
        }

      i += run;
    }

  return chunks;
}

static int *
intern (GPtrArray  *words,
        GHashTable *ids)
{
  int *out = g_new (int, MAX (words->len, 1));

  for (guint i = 0; i < words->len; i++)
    {
      gpointer id;

      if (!g_hash_table_lookup_extended (ids, words->pdata[i], NULL, &id))
        {
          id = GINT_TO_POINTER (g_hash_table_size (ids) + 1);
          g_hash_table_insert (ids, words->pdata[i], id);
        }
      out[i] = GPOINTER_TO_INT (id);
    }
  return out;
}

static GPtrArray *
fold_words (GPtrArray *words)
{
  GPtrArray *folded = g_ptr_array_new_full (words->len, g_free);

  for (guint i = 0; i < words->len; i++)
    g_ptr_array_add (folded, g_utf8_casefold (words->pdata[i], -1));
  return folded;
}

/* The rendition's words are a contiguous run of the original's, fewer
 * than all of them. The first word may differ in case: quoting a
 * fragment with a capital is ordinary practice. */
static gboolean
find_excerpt (GPtrArray *ow,
              GPtrArray *rw,
              GPtrArray *of,
              GPtrArray *rf,
              guint     *start)
{
  if (rw->len == 0 || rw->len >= ow->len)
    return FALSE;

  for (guint i = 0; i + rw->len <= ow->len; i++)
    {
      guint j;

      if (!g_str_equal (of->pdata[i], rf->pdata[0]))
        continue;
      for (j = 1; j < rw->len; j++)
        if (!g_str_equal (ow->pdata[i + j], rw->pdata[j]))
          break;
      if (j == rw->len)
        {
          *start = i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * storyline_fidelity_compare:
 * @original: the quote as issued
 * @rendition: the quote as a source reproduced it
 *
 * Compares word by word and names the result with one of the five
 * verdicts of the story format, with the difference itself.
 *
 * Returns: (transfer full): the comparison
 */
StorylineFidelity *
storyline_fidelity_compare (const char *original,
                            const char *rendition)
{
  StorylineFidelity *f = g_new0 (StorylineFidelity, 1);
  g_autofree char *norm_o = normalize (original);
  g_autofree char *norm_r = normalize (rendition);
  g_autoptr(GPtrArray) ow = storyline_split_words (original);
  g_autoptr(GPtrArray) rw = storyline_split_words (rendition);
  g_autoptr(GPtrArray) of = fold_words (ow);
  g_autoptr(GPtrArray) rf = fold_words (rw);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree int *a = intern (of, ids);
  g_autofree int *b = intern (rf, ids);
  g_autoptr(GArray) ops = diff_words (a, of->len, b, rf->len);
  gboolean same_words = FALSE;

  f->n_original_words = ow->len;
  f->n_rendition_words = rw->len;
  f->chunks = make_chunks (ops, ow, rw, of, rf);

  if (ow->len == rw->len)
    {
      same_words = TRUE;
      for (guint i = 0; same_words && i < ow->len; i++)
        same_words = g_str_equal (of->pdata[i], rf->pdata[i]);
    }

  if (g_str_equal (norm_o, norm_r))
    f->verdict = STORYLINE_VERDICT_VERBATIM;
  else if (find_excerpt (ow, rw, of, rf, &f->excerpt_start))
    f->verdict = STORYLINE_VERDICT_EXCERPT;
  else if (same_words)
    f->verdict = STORYLINE_VERDICT_PUNCTUATION;
  else
    {
      gboolean spelling = ow->len == rw->len && ow->len > 0;

      for (guint i = 0; spelling && i < ow->len; i++)
        spelling = g_str_equal (of->pdata[i], rf->pdata[i]) ||
                   storyline_is_spelling_pair (of->pdata[i], rf->pdata[i]);
      f->verdict = spelling ? STORYLINE_VERDICT_SPELLING : STORYLINE_VERDICT_ALTERED;
    }

  return f;
}

StorylineFidelity *
storyline_fidelity_copy (const StorylineFidelity *fidelity)
{
  StorylineFidelity *copy = g_memdup2 (fidelity, sizeof *fidelity);

  copy->chunks = g_array_new (FALSE, TRUE, sizeof (StorylineDiffChunk));
  g_array_set_clear_func (copy->chunks, (GDestroyNotify) chunk_clear);
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
  g_free (fidelity);
}

/**
 * storyline_fidelity_to_word_diff:
 *
 * Returns: (transfer full): the difference in word-diff notation: words in
 *   both as they are, `[-dropped-]`, `{+added+}`
 */
char *
storyline_fidelity_to_word_diff (const StorylineFidelity *fidelity)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < fidelity->chunks->len; i++)
    {
      const StorylineDiffChunk *c = &g_array_index (fidelity->chunks, StorylineDiffChunk, i);

      if (s->len > 0)
        g_string_append_c (s, ' ');
      switch (c->kind)
        {
        case STORYLINE_DIFF_SAME:
          g_string_append (s, c->original);
          break;
        case STORYLINE_DIFF_DROPPED:
          g_string_append_printf (s, "[-%s-]", c->original);
          break;
        case STORYLINE_DIFF_ADDED:
          g_string_append_printf (s, "{+%s+}", c->rendition);
          break;
        case STORYLINE_DIFF_SPELLING:
        default:
          g_string_append_printf (s, "[-%s-]{+%s+}", c->original, c->rendition);
          break;
        }
    }
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

      if (c->kind == STORYLINE_DIFF_SAME)
        continue;
      if (s->len > 0)
        g_string_append_c (s, ' ');

      if (c->kind == STORYLINE_DIFF_DROPPED && next != NULL && next->kind == STORYLINE_DIFF_ADDED)
        {
          /* Translators: words of a quote replaced by others */
          g_string_append_printf (s, _("“%s” became “%s”."), c->original, next->rendition);
          i++;
        }
      else if (c->kind == STORYLINE_DIFF_DROPPED)
        /* Translators: words of a quote left out */
        g_string_append_printf (s, _("Dropped “%s”."), c->original);
      else if (c->kind == STORYLINE_DIFF_ADDED)
        /* Translators: words added to a quote */
        g_string_append_printf (s, _("Added “%s”."), c->rendition);
      else
        /* Translators: a word spelt the British or the American way */
        g_string_append_printf (s, _("“%s” spelt “%s”."), c->original, c->rendition);
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
  static const char *names[] = { "verbatim", "excerpt", "punctuation", "spelling", "altered" };
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
    case STORYLINE_VERDICT_EXCERPT:
      return _("Excerpt: part of the words as issued");
    case STORYLINE_VERDICT_PUNCTUATION:
      return _("Same words, different punctuation or capitals");
    case STORYLINE_VERDICT_SPELLING:
      return _("Same words, British or American spelling");
    case STORYLINE_VERDICT_ALTERED:
    default:
      return _("Altered: words changed inside the quotation marks");
    }
}
