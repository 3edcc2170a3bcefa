/* storyline-fidelity-private.h: the comparison's parts, shared by its files
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "storyline-fidelity.h"
#include "storyline-quote-words.h"

G_BEGIN_DECLS

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
} FidelitySide;

typedef struct
{
  guint o0, o1;            /* original words [o0, o1) */
  guint r0, r1;            /* rendition words [r0, r1) */
  gboolean variant;        /* spelt two ways, or hyphenated one way */
} FidelityPair;

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
} FidelityRegion;

const StorylineToken *storyline_fidelity_word_token          (const FidelitySide *side,
                                                             guint               word);
guint                 storyline_fidelity_word_token_index    (const FidelitySide *side,
                                                             guint               word);
const StorylineToken *storyline_fidelity_token_starting_at   (const FidelitySide *side,
                                                             gsize               at);
void                  storyline_fidelity_side_init           (FidelitySide       *side,
                                                             const char         *text,
                                                             const char         *original);
void                  storyline_fidelity_side_clear          (FidelitySide       *side);
GArray               *storyline_fidelity_find_pairs          (const FidelitySide *o,
                                                             const FidelitySide *r);
void                  storyline_fidelity_slide_gaps          (const FidelitySide *o,
                                                             const FidelitySide *r,
                                                             GArray             *pairs);
FidelityRegion        storyline_fidelity_region_at           (const FidelitySide *o,
                                                             const FidelitySide *r,
                                                             GArray             *pairs,
                                                             guint               k);
gboolean              storyline_fidelity_region_is_marked    (const FidelityRegion *g);
gboolean              storyline_fidelity_separators_differ   (const FidelitySide *o,
                                                             gsize               os,
                                                             gsize               oe,
                                                             const FidelitySide *r,
                                                             gsize               rs,
                                                             gsize               re);
StorylineDifferences  storyline_fidelity_word_differences    (const FidelitySide *o,
                                                             const FidelitySide *r,
                                                             const FidelityPair *p,
                                                             gboolean            case_free);

G_END_DECLS
