/* storyline-csl-style.c: a CSL style and its locale, read into a tree
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-csl-style.h"

typedef struct
{
  char *single;
  char *multiple;
} Term;

struct _CslStyle
{
  CslNode *root;
  CslNode *locale_root;
  CslNode *citation;
  CslNode *bibliography;
  GHashTable *macros;         /* name → CslNode, borrowed */
  GHashTable *terms;          /* "name/form" → Term */
  CslNode *date_text;
  CslNode *date_numeric;
  gboolean punctuation_in_quote;
  gboolean limit_day_ordinals;
};

static void
csl_node_free (CslNode *node)
{
  g_free (node->name);
  g_strfreev (node->attr_names);
  g_strfreev (node->attr_values);
  g_clear_pointer (&node->kids, g_ptr_array_unref);
  if (node->text)
    g_string_free (node->text, TRUE);
  g_free (node);
}

const char *
csl_node_get (CslNode    *node,
              const char *attribute)
{
  for (guint i = 0; node->attr_names[i]; i++)
    if (g_str_equal (node->attr_names[i], attribute))
      return node->attr_values[i];
  return NULL;
}

gboolean
csl_node_is (CslNode    *node,
             const char *name)
{
  return g_str_equal (node->name, name);
}

/* Reading */

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  CslNode **current = user_data;
  CslNode *node = g_new0 (CslNode, 1);

  node->name = g_strdup (element);
  node->attr_names = g_strdupv ((char **) names);
  node->attr_values = g_strdupv ((char **) values);
  node->kids = g_ptr_array_new_with_free_func ((GDestroyNotify) csl_node_free);
  node->text = g_string_new (NULL);
  node->parent = *current;
  if (*current)
    g_ptr_array_add ((*current)->kids, node);
  *current = node;
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  CslNode **current = user_data;

  if ((*current)->parent)
    *current = (*current)->parent;
}

static void
text (GMarkupParseContext  *context,
      const char           *text,
      gsize                 len,
      gpointer              user_data,
      GError              **error)
{
  CslNode **current = user_data;

  if (*current)
    g_string_append_len ((*current)->text, text, len);
}

static CslNode *
parse (const char  *xml,
       gsize        len,
       GError     **error)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  CslNode *current = NULL;
  GMarkupParseContext *context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &current, NULL);
  gboolean ok = g_markup_parse_context_parse (context, xml, len, error) &&
                g_markup_parse_context_end_parse (context, error);

  g_markup_parse_context_free (context);
  if (!ok)
    {
      if (current)
        {
          while (current->parent)
            current = current->parent;
          csl_node_free (current);
        }
      return NULL;
    }
  return current;
}

static void
term_free (Term *term)
{
  g_free (term->single);
  g_free (term->multiple);
  g_free (term);
}

static char *
trimmed_text (CslNode *node)
{
  return g_strdup (node->text->str);
}

/* Terms of a <terms> element: each overrides what was there. */
static void
add_terms (CslStyle *self,
           CslNode  *terms)
{
  for (guint i = 0; i < terms->kids->len; i++)
    {
      CslNode *t = g_ptr_array_index (terms->kids, i);
      const char *name = csl_node_get (t, "name");
      const char *form = csl_node_get (t, "form");
      const char *gender_form = csl_node_get (t, "gender-form");
      Term *term;

      if (!csl_node_is (t, "term") || name == NULL)
        continue;
      /* Gendered ordinals are for languages with genders; English has
       * none. */
      if (gender_form != NULL)
        continue;
      term = g_new0 (Term, 1);
      if (t->kids->len == 0)
        {
          term->single = trimmed_text (t);
          term->multiple = g_strdup (term->single);
        }
      for (guint j = 0; j < t->kids->len; j++)
        {
          CslNode *k = g_ptr_array_index (t->kids, j);

          if (csl_node_is (k, "single"))
            term->single = trimmed_text (k);
          else if (csl_node_is (k, "multiple"))
            term->multiple = trimmed_text (k);
        }
      if (term->single == NULL)
        term->single = g_strdup (term->multiple ? term->multiple : "");
      if (term->multiple == NULL)
        term->multiple = g_strdup (term->single);
      g_hash_table_replace (self->terms, g_strdup_printf ("%s/%s", name, form ? form : "long"), term);
    }
}

static void
add_locale (CslStyle *self,
            CslNode  *locale)
{
  for (guint i = 0; i < locale->kids->len; i++)
    {
      CslNode *k = g_ptr_array_index (locale->kids, i);

      if (csl_node_is (k, "terms"))
        add_terms (self, k);
      else if (csl_node_is (k, "date"))
        {
          const char *form = csl_node_get (k, "form");

          if (g_strcmp0 (form, "text") == 0)
            self->date_text = k;
          else if (g_strcmp0 (form, "numeric") == 0)
            self->date_numeric = k;
        }
      else if (csl_node_is (k, "style-options"))
        {
          const char *piq = csl_node_get (k, "punctuation-in-quote");
          const char *limit = csl_node_get (k, "limit-day-ordinals-to-day-1");

          if (piq)
            self->punctuation_in_quote = g_str_equal (piq, "true");
          if (limit)
            self->limit_day_ordinals = g_str_equal (limit, "true");
        }
    }
}

CslStyle *
csl_style_new_from_data (const char  *style_xml,
                         gsize        style_len,
                         const char  *locale_xml,
                         gsize        locale_len,
                         GError     **error)
{
  CslStyle *self = g_new0 (CslStyle, 1);

  self->macros = g_hash_table_new (g_str_hash, g_str_equal);
  self->terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) term_free);
  self->root = parse (style_xml, style_len, error);
  if (self->root == NULL)
    goto fail;
  self->locale_root = parse (locale_xml, locale_len, error);
  if (self->locale_root == NULL)
    goto fail;

  add_locale (self, self->locale_root);
  for (guint i = 0; i < self->root->kids->len; i++)
    {
      CslNode *k = g_ptr_array_index (self->root->kids, i);
      const char *lang = csl_node_get (k, "xml:lang");

      if (csl_node_is (k, "macro") && csl_node_get (k, "name"))
        g_hash_table_insert (self->macros, (gpointer) csl_node_get (k, "name"), k);
      else if (csl_node_is (k, "citation"))
        self->citation = k;
      else if (csl_node_is (k, "bibliography"))
        self->bibliography = k;
      else if (csl_node_is (k, "locale") &&
               (lang == NULL || g_str_equal (lang, "en") || g_str_equal (lang, "en-US")))
        add_locale (self, k);
    }
  if (self->citation == NULL)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "the style has no <citation>");
      goto fail;
    }
  return self;

fail:
  csl_style_free (self);
  return NULL;
}

void
csl_style_free (CslStyle *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->macros);
  g_hash_table_unref (self->terms);
  if (self->root)
    csl_node_free (self->root);
  if (self->locale_root)
    csl_node_free (self->locale_root);
  g_free (self);
}

CslNode *
csl_style_get_root (CslStyle *self)
{
  return self->root;
}

CslNode *
csl_style_get_citation (CslStyle *self)
{
  return self->citation;
}

CslNode *
csl_style_get_bibliography (CslStyle *self)
{
  return self->bibliography;
}

CslNode *
csl_style_get_macro (CslStyle   *self,
                     const char *name)
{
  return g_hash_table_lookup (self->macros, name);
}

CslNode *
csl_style_get_date_format (CslStyle   *self,
                           const char *form)
{
  return g_strcmp0 (form, "numeric") == 0 ? self->date_numeric : self->date_text;
}

gboolean
csl_style_punctuation_in_quote (CslStyle *self)
{
  return self->punctuation_in_quote;
}

gboolean
csl_style_limit_day_ordinals (CslStyle *self)
{
  return self->limit_day_ordinals;
}

const char *
csl_style_get_term (CslStyle   *self,
                    const char *name,
                    const char *form,
                    gboolean    plural)
{
  const char *forms[4] = { form ? form : "long", NULL, NULL, NULL };

  if (g_strcmp0 (form, "verb-short") == 0)
    {
      forms[1] = "verb";
      forms[2] = "long";
    }
  else if (g_strcmp0 (form, "symbol") == 0)
    {
      forms[1] = "short";
      forms[2] = "long";
    }
  else if (g_strcmp0 (form, "short") == 0 || g_strcmp0 (form, "verb") == 0)
    forms[1] = "long";

  for (guint i = 0; forms[i]; i++)
    {
      g_autofree char *key = g_strdup_printf ("%s/%s", name, forms[i]);
      Term *term = g_hash_table_lookup (self->terms, key);

      if (term)
        return plural ? term->multiple : term->single;
    }
  return NULL;
}
