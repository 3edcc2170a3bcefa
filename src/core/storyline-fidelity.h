/* storyline-fidelity.h: how faithfully a rendition reproduces a quote
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  STORYLINE_VERDICT_VERBATIM,
  STORYLINE_VERDICT_EXCERPT,
  STORYLINE_VERDICT_PUNCTUATION,
  STORYLINE_VERDICT_SPELLING,
  STORYLINE_VERDICT_ALTERED,
} StorylineVerdict;

typedef enum
{
  STORYLINE_DIFF_SAME,       /* words in both */
  STORYLINE_DIFF_DROPPED,    /* words of the original the rendition lacks */
  STORYLINE_DIFF_ADDED,      /* words the rendition has and the original not */
  STORYLINE_DIFF_SPELLING,   /* one word, spelt the other side of the Atlantic */
} StorylineDiffKind;

/* A run of words. @original is set for SAME, DROPPED and SPELLING,
 * @rendition for ADDED and SPELLING; words are joined by one space. */
typedef struct
{
  StorylineDiffKind kind;
  char *original;
  char *rendition;
} StorylineDiffChunk;

typedef struct
{
  StorylineVerdict verdict;
  GArray *chunks;            /* of StorylineDiffChunk, in order */
  guint n_original_words;
  guint n_rendition_words;
  guint excerpt_start;       /* for an excerpt: its first word in the original (0-based) */
} StorylineFidelity;

#define STORYLINE_TYPE_FIDELITY (storyline_fidelity_get_type ())

GType              storyline_fidelity_get_type      (void) G_GNUC_CONST;
StorylineFidelity *storyline_fidelity_compare       (const char              *original,
                                                     const char              *rendition);
StorylineFidelity *storyline_fidelity_copy          (const StorylineFidelity *fidelity);
void               storyline_fidelity_free          (StorylineFidelity       *fidelity);
char              *storyline_fidelity_to_word_diff  (const StorylineFidelity *fidelity);
char              *storyline_fidelity_describe_diff (const StorylineFidelity *fidelity);

const char        *storyline_verdict_to_string      (StorylineVerdict         verdict);
const char        *storyline_verdict_describe       (StorylineVerdict         verdict);

GPtrArray         *storyline_split_words            (const char              *text);
gboolean           storyline_is_spelling_pair       (const char              *a,
                                                     const char              *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StorylineFidelity, storyline_fidelity_free)

G_END_DECLS
