/* storyline-csl-private.h: what the parts of the CSL processor share
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The processor (storyline-csl.c) evaluates a style's elements for one
 * item into an output tree; its parts are split along CSL's elements.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "storyline-csl.h"
#include "storyline-csl-output.h"

G_BEGIN_DECLS

typedef struct
{
  CslStyle *style;
  JsonObject *item;
  CslNode *area;              /* <citation> or <bibliography> */
  gboolean bibliography;
  const char *label;
  const char *locator;
  gboolean english;
  GHashTable *done;           /* variables substituted, not to be repeated */
  /* The group being evaluated: a variable asked for, one found, a term
   * shown (citeproc-js's group context). */
  gboolean attempted;
  gboolean found;
  gboolean term;
  /* Something shown already in this entry or cite: a term that comes
   * first is capitalized (but in an in-text style's citations). */
  gboolean rendered;
  /* Inside <substitute>: the <names> being substituted for. */
  CslNode *substituting;
  int in_substitute;
} Ctx;

/* A date: up to two sets of parts, or a literal. */
typedef struct
{
  int parts[2][3];            /* year, month, day; 0 when absent */
  int n_parts[2];
  gboolean range;
  gboolean circa;
  int season;
  char *literal;
} Date;

typedef struct
{
  char *family;
  char *given;
  char *dropping;
  char *non_dropping;
  char *suffix;
  char *literal;
  gboolean comma_suffix;
} Name;

/* storyline-csl-item.c */

const char *csl_attr (CslNode *node, const char *name);
gboolean csl_attr_is (CslNode *node, const char *name, const char *value);
const char *csl_inherited (Ctx *c, CslNode *node, const char *name, const char *outer_name);
char *csl_item_string (Ctx *c, const char *variable);
JsonArray *csl_item_names (Ctx *c, const char *variable);
gboolean csl_is_multilingual (const char *v);
gboolean csl_is_number_variable (const char *v);
gboolean csl_has_variable (Ctx *c, const char *v);
gboolean csl_is_numeric (const char *s);
gboolean csl_is_plural (const char *s);
char *csl_ordinal (Ctx *c, int n, gboolean long_form);
char *csl_format_pages (Ctx *c, const char *value);
void csl_strip_periods (char *text);
char *csl_smarten (const char *text);
char *csl_apply_text_case (gboolean english, const char *text_case, const char *text);
CslBlob *csl_decorate (CslNode *node, CslBlob *blob);
CslBlob *csl_with_affixes (CslNode *node, CslBlob *blob);
CslBlob *csl_text_blob (Ctx *c, CslNode *node, const char *text, gboolean foreign);
const char *csl_term (Ctx *c, const char *name, const char *form, gboolean plural);

/* storyline-csl-date.c */

gboolean csl_item_date (Ctx *c, const char *variable, Date *d);
void csl_date_clear (Date *d);
CslBlob *csl_render_date (Ctx *c, CslNode *node);

/* storyline-csl-name.c */

void csl_name_clear (Name *n);
void csl_read_name (JsonNode *node, Name *n);
gboolean csl_is_romanesque_char (gunichar ch);
int csl_romanesque (Ctx *c, Name *n);
char *csl_initialize (const char *given, const char *with, gboolean normalize_only);

/* storyline-csl-names.c */

CslBlob *csl_render_names (Ctx *c, CslNode *node);

/* storyline-csl.c */

CslBlob *csl_render_label (Ctx *c, CslNode *node, const char *variable, int count);
gboolean csl_test_condition (Ctx *c, CslNode *node);
CslBlob *csl_render_element (Ctx *c, CslNode *node);

G_END_DECLS
