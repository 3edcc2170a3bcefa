/* storyline-csl-style.h: a CSL style and its locale, read
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An element of a style or locale file: its name, attributes, children
 * and text. */
typedef struct _CslNode CslNode;
struct _CslNode
{
  char *name;
  char **attr_names;
  char **attr_values;
  GPtrArray *kids;
  GString *text;
  CslNode *parent;
};

const char *csl_node_get (CslNode    *node,
                          const char *attribute);
gboolean    csl_node_is  (CslNode    *node,
                          const char *name);

typedef struct _CslStyle CslStyle;

/* A style with the en-US locale merged under its own <locale> terms. */
CslStyle   *csl_style_new_from_data (const char  *style_xml,
                                     gsize        style_len,
                                     const char  *locale_xml,
                                     gsize        locale_len,
                                     GError     **error);
void        csl_style_free          (CslStyle    *style);

CslNode    *csl_style_get_root         (CslStyle   *style);
CslNode    *csl_style_get_citation     (CslStyle   *style);
CslNode    *csl_style_get_bibliography (CslStyle   *style);
CslNode    *csl_style_get_macro        (CslStyle   *style,
                                        const char *name);
/* The locale's <date form="text|numeric">, the style's own first. */
CslNode    *csl_style_get_date_format  (CslStyle   *style,
                                        const char *form);
gboolean    csl_style_punctuation_in_quote (CslStyle *style);
gboolean    csl_style_limit_day_ordinals   (CslStyle *style);

/* A term in the form asked for, falling back as CSL says (verb-short →
 * verb → long, symbol → short → long, short → long); NULL when the
 * locale has none, "" when it is empty on purpose. */
const char *csl_style_get_term (CslStyle   *style,
                                const char *name,
                                const char *form,
                                gboolean    plural);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CslStyle, csl_style_free)

G_END_DECLS
