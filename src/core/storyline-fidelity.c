/* storyline-fidelity.c: how faithfully a rendition reproduces a quote
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "storyline-fidelity.h"
#include "storyline-fidelity-private.h"

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
  g_autoptr(GArray) tokens = storyline_quote_tokenize (text, FALSE, NULL);
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
original_slice (const FidelitySide *o,
                guint       w0,
                guint       w1)
{
  gsize start = storyline_fidelity_word_token (o, w0)->word_start;
  gsize end = w1 < o->words->len ? storyline_fidelity_word_token (o, w1)->word_start : o->len;
  gsize floor = storyline_fidelity_word_token (o, w1 - 1)->end;

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
rendition_start (const FidelitySide *r,
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
make_chunks (const FidelitySide *o,
             const FidelitySide *r,
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
          gsize start = storyline_fidelity_word_token (o, p->w0)->word_start;
          original = g_strndup (o->text + start, storyline_fidelity_word_token (o, p->w1 - 1)->end - start);
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
word_as_printed (const FidelitySide *side,
                 guint       word)
{
  const StorylineToken *t = storyline_fidelity_word_token (side, word);
  return g_strndup (side->text + t->word_start, t->end - t->word_start);
}

/* The rendition without its [sic], for the verbatim comparison. */
static char *
without_sic (const FidelitySide *r)
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
  FidelitySide o, r;
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_autofree char *norm_o = NULL, *norm_r = NULL, *plain_r = NULL;
  gboolean altered = FALSE, marked = FALSE, cut = FALSE, whole;
  StorylineDifferences d = 0;
  guint n;

  storyline_fidelity_side_init (&o, original, NULL);
  storyline_fidelity_side_init (&r, rendition, original);
  f->n_original_words = o.words->len;
  f->n_rendition_words = r.words->len;

  /* The same text, folded: verbatim, its brackets the original's, and
   * nothing to pair. */
  norm_o = normalize (original, o.len);
  plain_r = without_sic (&r);
  norm_r = normalize (plain_r, strlen (plain_r));
  if (g_str_equal (norm_o, norm_r))
    {
      f->verdict = STORYLINE_VERDICT_VERBATIM;
      f->excerpt_end = o.words->len;
      f->chunks = chunks_new ();
      add_chunk (f->chunks, STORYLINE_DIFF_SAME, g_strdup (original), g_strdup (rendition));
      storyline_fidelity_side_clear (&o);
      storyline_fidelity_side_clear (&r);
      return f;
    }

  pairs = storyline_fidelity_find_pairs (&o, &r);
  storyline_fidelity_slide_gaps (&o, &r, pairs);
  n = pairs->len;
  whole = n > 0 && g_array_index (pairs, FidelityPair, 0).o0 == 0 && g_array_index (pairs, FidelityPair, n - 1).o1 == o.words->len;

  for (guint k = 0; k <= n; k++)
    {
      FidelityRegion g = storyline_fidelity_region_at (&o, &r, pairs, k);
      gboolean interior = k > 0 && k < n;
      StorylineDiffKind left_out = storyline_fidelity_region_is_marked (&g) ? STORYLINE_DIFF_OMITTED : STORYLINE_DIFF_DROPPED;

      if (g.n_added > 0)
        altered = TRUE;
      if (g.n_inserted > 0)
        marked = TRUE;
      if (g.d1 > g.d0)
        {
          if (interior && !storyline_fidelity_region_is_marked (&g))
            altered = TRUE;
          else if (interior)
            marked = TRUE;
          else
            cut = TRUE;
          for (guint w = g.d0; interior && w < g.d1; w++)
            if (storyline_word_is_negation (storyline_fidelity_word_token (&o, w)->key, language))
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
          const FidelityPair *p = &g_array_index (pairs, FidelityPair, k);
          guint t0 = storyline_fidelity_word_token_index (&r, p->r0), t1 = storyline_fidelity_word_token_index (&r, p->r1 - 1) + 1;

          /* The case of an excerpt's first word is the writer's. */
          StorylineDifferences wd = storyline_fidelity_word_differences (&o, &r, p, k == 0 && !whole);
          gboolean variant = p->variant || (wd & STORYLINE_DIFFERENCE_HYPHENATION);

          d |= wd;
          add_piece (pieces, variant ? STORYLINE_DIFF_SPELLING : STORYLINE_DIFF_SAME, TRUE, t0, t1, p->o0, p->o1);

          /* Punctuation between two words that follow each other in both. */
          if (k > 0 && g.t0 == g.t1 - g.n_sic && g.d0 == g.d1)
            {
              const FidelityPair *prev = &g_array_index (pairs, FidelityPair, k - 1);
              if (storyline_fidelity_separators_differ (&o, storyline_fidelity_word_token (&o, prev->o1 - 1)->end, storyline_fidelity_word_token (&o, p->o0)->word_start,
                                     &r, storyline_fidelity_word_token (&r, prev->r1 - 1)->end, storyline_fidelity_word_token (&r, p->r0)->word_start))
                d |= STORYLINE_DIFFERENCE_PUNCTUATION;
            }
        }
    }

  /* Punctuation before the first word and after the last counts only when
   * the rendition keeps all the words: an excerpt's ends are the writer's. */
  if (n > 0)
    {
      const FidelityPair *first = &g_array_index (pairs, FidelityPair, 0);
      const FidelityPair *last = &g_array_index (pairs, FidelityPair, n - 1);

      if (whole && storyline_fidelity_word_token_index (&r, first->r0) == 0 &&
          storyline_fidelity_separators_differ (&o, 0, storyline_fidelity_word_token (&o, 0)->word_start, &r, 0, storyline_fidelity_word_token (&r, first->r0)->word_start))
        d |= STORYLINE_DIFFERENCE_PUNCTUATION;
      if (whole && storyline_fidelity_word_token_index (&r, last->r1 - 1) == r.tokens->len - 1 &&
          storyline_fidelity_separators_differ (&o, storyline_fidelity_word_token (&o, last->o1 - 1)->end, o.len, &r, storyline_fidelity_word_token (&r, last->r1 - 1)->end, r.len))
        d |= STORYLINE_DIFFERENCE_PUNCTUATION;

      /* An excerpt that starts just after a negation ("We will not
       * accept" quoted as "accept"), or stops just before one (Bengali
       * and Urdu put theirs after the verb: "সমর্থন করবে না"). */
      if (first->o0 > 0 && storyline_word_is_negation (storyline_fidelity_word_token (&o, first->o0 - 1)->key, language))
        {
          g_autofree char *word = word_as_printed (&o, first->o0 - 1);
          altered = TRUE;
          /* Translators: why a rendition is judged altered; %s is a word such as "not" */
          set_reason (f, g_strdup_printf (_("it starts just after “%s”, which it leaves out"), word));
        }
      if (last->o1 < o.words->len && storyline_word_is_negation (storyline_fidelity_word_token (&o, last->o1)->key, language))
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

  if (altered)
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

  storyline_fidelity_side_clear (&o);
  storyline_fidelity_side_clear (&r);
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
