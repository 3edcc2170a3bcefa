/* storyline-csl-output.h: the output tree of a CSL rendering
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "storyline-citation.h"

G_BEGIN_DECLS

/* What an element's formatting attributes ask for. */
typedef enum
{
  CSL_DECOR_ITALIC      = 1 << 0,
  CSL_DECOR_ROMAN       = 1 << 1,   /* font-style="normal" */
  CSL_DECOR_BOLD        = 1 << 2,
  CSL_DECOR_LIGHT       = 1 << 3,   /* font-weight="normal"/"light" */
  CSL_DECOR_SMALL_CAPS  = 1 << 4,
  CSL_DECOR_NO_CAPS     = 1 << 5,   /* font-variant="normal" */
  CSL_DECOR_UNDERLINE   = 1 << 6,
  CSL_DECOR_NO_DECOR    = 1 << 7,   /* text-decoration="none" */
  CSL_DECOR_SUPERSCRIPT = 1 << 8,
  CSL_DECOR_SUBSCRIPT   = 1 << 9,
  CSL_DECOR_BASELINE    = 1 << 10,
  CSL_DECOR_QUOTES      = 1 << 11,
} CslDecor;

#define CSL_DECOR_FORMATTING (CSL_DECOR_QUOTES - 1)

/* A piece of output: a leaf with its text, or a group of pieces joined by
 * a delimiter; either with a prefix, a suffix and decorations. The
 * punctuation where pieces meet is settled on this tree, the way
 * citeproc-js settles it, before it is written out. */
typedef struct _CslBlob CslBlob;
struct _CslBlob
{
  char *text;            /* a leaf's text; NULL for a group */
  GPtrArray *kids;       /* a group's pieces */
  char *prefix;
  char *suffix;
  char *delimiter;
  CslDecor decor;
  gboolean number;       /* a number: punctuation does not move across it */
  gboolean foreign;      /* text of a title-like field of an item not in
                            English: no title or sentence case */
};

CslBlob *csl_blob_new_text  (const char *text);
CslBlob *csl_blob_new_group (void);
void     csl_blob_free      (CslBlob    *blob);
void     csl_blob_add       (CslBlob    *group,
                             CslBlob    *kid);
void     csl_blob_set_affixes (CslBlob    *blob,
                               const char *prefix,
                               const char *suffix);
gboolean csl_blob_is_empty  (CslBlob    *blob);
void     csl_blob_prepend_prefix (CslBlob    *blob,
                                  const char *prefix);

/* Settles punctuation where pieces meet (duplicates, "?" before ".",
 * commas and periods into quotation marks when @punct_in_quote). */
void     csl_blob_adjust    (CslBlob    *root,
                             gboolean    punct_in_quote);
char    *csl_blob_write     (CslBlob         *root,
                             StorylineMarkup  markup);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CslBlob, csl_blob_free)

G_END_DECLS
