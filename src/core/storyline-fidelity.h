/* storyline-fidelity.h: how faithfully a rendition reproduces a quote
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "storyline-spelling.h"

G_BEGIN_DECLS

/* From the most faithful to the least: a rendition gets the most serious
 * verdict that applies, and names the lesser differences beside it. */
typedef enum
{
  STORYLINE_VERDICT_VERBATIM,
  STORYLINE_VERDICT_PUNCTUATION,
  STORYLINE_VERDICT_SPELLING,
  STORYLINE_VERDICT_EXCERPT,
  STORYLINE_VERDICT_MARKED,
  STORYLINE_VERDICT_ALTERED,
} StorylineVerdict;

/* The lesser differences named beside a verdict. */
typedef enum
{
  STORYLINE_DIFFERENCE_NONE        = 0,
  STORYLINE_DIFFERENCE_CASE        = 1 << 0,
  STORYLINE_DIFFERENCE_PUNCTUATION = 1 << 1,
  STORYLINE_DIFFERENCE_SPELLING    = 1 << 2,   /* British and American */
  STORYLINE_DIFFERENCE_HYPHENATION = 1 << 3,   /* a spelling difference too */
} StorylineDifferences;

typedef enum
{
  STORYLINE_DIFF_SAME,       /* words in both */
  STORYLINE_DIFF_DROPPED,    /* words of the original left out, with no mark */
  STORYLINE_DIFF_ADDED,      /* words put in, with no mark */
  STORYLINE_DIFF_SPELLING,   /* one word spelt two ways: British/American, or hyphenation */
  STORYLINE_DIFF_OMITTED,    /* words of the original left out where a mark says so */
  STORYLINE_DIFF_INSERTED,   /* words put in, in square brackets */
  STORYLINE_DIFF_MARKER,     /* an ellipsis or [sic] */
} StorylineDiffKind;

/* A run of the texts as printed. @original is set for SAME, DROPPED,
 * SPELLING and OMITTED; @rendition for SAME, ADDED, SPELLING, INSERTED and
 * MARKER, with the punctuation and spaces that follow it in the rendition,
 * so that the rendition's chunks in order give back its whole text. */
typedef struct
{
  StorylineDiffKind kind;
  char *original;
  char *rendition;
} StorylineDiffChunk;

typedef enum
{
  STORYLINE_DIFF_SIDE_ORIGINAL,
  STORYLINE_DIFF_SIDE_RENDITION,
} StorylineDiffSide;

/* Told where storyline_fidelity_write_diff() wrote a marked run. */
typedef void (*StorylineDiffSpanFunc) (StorylineDiffKind kind,
                                       StorylineDiffSide side,
                                       gsize             start,
                                       gsize             end,
                                       gpointer          user_data);

typedef struct
{
  StorylineVerdict verdict;
  StorylineDifferences differences;  /* lesser than the verdict */
  StorylineDifferences found;        /* all that were found, the verdict's own too */
  GArray *chunks;            /* of StorylineDiffChunk, in order */
  guint n_original_words;
  guint n_rendition_words;
  guint excerpt_start;       /* the first of the original's words the rendition keeps (0-based) */
  guint excerpt_end;         /* and the one after its last */
  char *reason;              /* why a cut makes it altered, or %NULL */
} StorylineFidelity;

#define STORYLINE_TYPE_FIDELITY (storyline_fidelity_get_type ())

GType              storyline_fidelity_get_type      (void) G_GNUC_CONST;
StorylineFidelity *storyline_fidelity_compare       (const char              *original,
                                                     const char              *rendition);
StorylineFidelity *storyline_fidelity_compare_in_language (const char        *original,
                                                     const char              *rendition,
                                                     const char              *language);
StorylineFidelity *storyline_fidelity_copy          (const StorylineFidelity *fidelity);
void               storyline_fidelity_free          (StorylineFidelity       *fidelity);
char              *storyline_fidelity_to_word_diff  (const StorylineFidelity *fidelity);
void               storyline_fidelity_write_diff    (const StorylineFidelity *fidelity,
                                                     GString                 *out,
                                                     const char * const      *markers,
                                                     StorylineDiffSpanFunc    span,
                                                     gpointer                 user_data);
char              *storyline_fidelity_describe_diff (const StorylineFidelity *fidelity);
char              *storyline_fidelity_describe      (const StorylineFidelity *fidelity);
char              *storyline_fidelity_differences_to_string (const StorylineFidelity *fidelity);

const char        *storyline_verdict_to_string      (StorylineVerdict         verdict);
const char        *storyline_verdict_describe       (StorylineVerdict         verdict);

GPtrArray         *storyline_split_words            (const char              *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StorylineFidelity, storyline_fidelity_free)

G_END_DECLS
