/* storyline-quote-words.h: a quote's words as a reader counts them, and
 * the marks editors put inside quotations
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  STORYLINE_TOKEN_WORD,
  STORYLINE_TOKEN_ELLIPSIS,   /* …, ..., . . ., [...], [. . .], […] */
  STORYLINE_TOKEN_SIC,        /* [sic] */
} StorylineTokenKind;

typedef struct
{
  StorylineTokenKind kind;
  guint start;                /* bytes into the text; a bracketed word's
                               * group starts at its "[" */
  guint word_start;           /* where its letters start */
  guint end;
  guint bracketed : 1;        /* inside square brackets: put in by the writer */
  guint partly_bracketed : 1; /* a part of it in brackets: "[t]he", "say[s]" */
  char *key;                  /* words: case-folded, apostrophes plain,
                               * hyphens and brackets left out */
} StorylineToken;

GArray   *storyline_quote_tokenize      (const char *text,
                                         gboolean    marks,
                                         const char *original);
char     *storyline_word_bare           (const char *text,
                                         guint       start,
                                         guint       end,
                                         gboolean    keep_hyphens);
gboolean  storyline_word_is_negation    (const char *key,
                                         const char *language);

G_END_DECLS
