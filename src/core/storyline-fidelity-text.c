/* storyline-fidelity-text.c: a comparison in words: the difference
 * written out, the verdict explained
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "storyline-fidelity.h"

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
