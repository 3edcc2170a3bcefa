/* storyline-csl.c: a CSL processor for the styles Storyline cites in
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders one CSL-JSON item with a CSL 1.0.2 style (the official APA 7,
 * Chicago 18 and MLA 9 styles, compiled into the core) the way
 * citeproc-js does: the style's elements are evaluated into an output
 * tree (storyline-csl-output.c), whose punctuation is then settled and
 * written out. Names, dates, numbers and labels follow citeproc-js's
 * rules where CSL leaves room (initials, particles, ranges).
 *
 * Not done, because one item at a time never needs them: sorting,
 * disambiguation, subsequent-author substitution, collapsing of cites.
 */

#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "storyline-csl-private.h"
#include "storyline-csl-case.h"

#include "storyline-csl-resources.h"

static CslBlob *render_kids (Ctx *c, CslNode *node, const char *delimiter);

/* <text> */

static CslBlob *
render_text (Ctx     *c,
             CslNode *node)
{
  const char *v;

  if ((v = csl_attr (node, "macro")))
    {
      CslNode *macro = csl_style_get_macro (c->style, v);
      CslBlob *blob;
      const char *text_case = csl_attr (node, "text-case");

      if (macro == NULL)
        return NULL;
      blob = render_kids (c, macro, NULL);
      if (blob == NULL)
        return NULL;
      if (text_case != NULL)
        {
          /* The case applies to the macro's text, leaf by leaf; a
           * capital first only to the first. */
          GPtrArray *stack = g_ptr_array_new ();
          gboolean first = TRUE;

          g_ptr_array_add (stack, blob);
          while (stack->len)
            {
              CslBlob *b = g_ptr_array_steal_index (stack, stack->len - 1);

              if (b->text)
                {
                  if (*b->text && (first || !g_str_equal (text_case, "capitalize-first")))
                    {
                      char *cased = csl_apply_text_case (!b->foreign, text_case, b->text);
                      g_free (b->text);
                      b->text = cased;
                      first = FALSE;
                    }
                }
              else
                for (int i = (int) b->kids->len - 1; i >= 0; i--)
                  g_ptr_array_add (stack, g_ptr_array_index (b->kids, i));
            }
          g_ptr_array_unref (stack);
        }
      csl_decorate (node, blob);
      return csl_with_affixes (node, blob);
    }
  if ((v = csl_attr (node, "term")))
    {
      const char *t = csl_term (c, v, csl_attr (node, "form"), csl_attr_is (node, "plural", "true"));
      g_autofree char *first = NULL;

      if (t && *t)
        c->term = TRUE;
      if (t && *t && !c->rendered &&
          !(!c->bibliography && csl_attr_is (csl_style_get_root (c->style), "class", "in-text")))
        t = first = csl_case_capitalize_first (t);
      return csl_text_blob (c, node, t, FALSE);
    }
  if ((v = csl_attr (node, "value")))
    {
      c->term = TRUE;
      return csl_text_blob (c, node, v, FALSE);
    }
  if ((v = csl_attr (node, "variable")))
    {
      g_autofree char *value = NULL;
      const char *variable = v;
      CslBlob *blob;

      /* citeproc-js does not count the year suffix as a variable. */
      /* citeproc-js does not count the year suffix as a variable asked
       * for; one already used in place of the names it does. */
      if (!g_str_equal (v, "year-suffix"))
        c->attempted = TRUE;
      if (g_hash_table_contains (c->done, v))
        return NULL;
      if (csl_attr_is (node, "form", "short"))
        {
          g_autofree char *short_name = g_strdup_printf ("%s-short", v);
          value = csl_item_string (c, short_name);
        }
      if (value == NULL)
        value = csl_item_string (c, variable);
      if (value == NULL)
        return NULL;
      if (c->in_substitute)
        g_hash_table_add (c->done, g_strdup (v));
      c->found = TRUE;
      if (g_str_equal (v, "page") || (g_str_equal (v, "locator") && g_strcmp0 (c->label, "page") == 0))
        {
          char *pages = csl_format_pages (c, value);
          g_free (value);
          value = pages;
        }
      else if (csl_is_number_variable (v) && csl_is_numeric (value))
        {
          /* A range of numbers takes an en dash. */
          GString *dashed = g_string_new (value);
          g_string_replace (dashed, "-", "–", 0);
          g_free (value);
          value = g_string_free (dashed, FALSE);
        }
      if (g_str_equal (v, "URL") || g_str_equal (v, "DOI"))
        {
          c->rendered = TRUE;
          blob = csl_blob_new_text (value);
          csl_decorate (node, blob);
          return csl_with_affixes (node, blob);
        }
      blob = csl_text_blob (c, node, value, !c->english && csl_is_multilingual (v));
      if (blob && (g_str_equal (v, "page") || g_str_equal (v, "locator") || g_str_equal (v, "volume") ||
                   g_str_equal (v, "issue") || g_str_equal (v, "number")) && csl_is_numeric (value))
        blob->number = TRUE;
      return blob;
    }
  return NULL;
}

/* <number> */

static char *
roman (int n)
{
  static const struct { int v; const char *s; } table[] = {
    { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
    { 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
  };
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (table) && n > 0 && n < 4000; i++)
    while (n >= table[i].v)
      {
        g_string_append (s, table[i].s);
        n -= table[i].v;
      }
  return g_string_free (s, FALSE);
}

static CslBlob *
render_number (Ctx     *c,
               CslNode *node)
{
  const char *v = csl_attr (node, "variable");
  const char *form = csl_attr (node, "form");
  g_autofree char *value = NULL;
  g_autofree char *out = NULL;
  CslBlob *blob;

  if (v == NULL)
    return NULL;
  c->attempted = TRUE;
  if (g_hash_table_contains (c->done, v) || (value = csl_item_string (c, v)) == NULL)
    return NULL;
  c->found = TRUE;
  if (csl_is_numeric (value) && g_ascii_isdigit (value[0]) && strspn (value, "0123456789") == strlen (value))
    {
      int n = atoi (value);

      if (g_strcmp0 (form, "ordinal") == 0)
        out = csl_ordinal (c, n, FALSE);
      else if (g_strcmp0 (form, "long-ordinal") == 0)
        out = csl_ordinal (c, n, TRUE);
      else if (g_strcmp0 (form, "roman") == 0)
        out = roman (n);
      else
        out = g_strdup_printf ("%d", n);
    }
  else if (g_str_equal (v, "page"))
    out = csl_format_pages (c, value);
  else if (csl_is_numeric (value))
    {
      g_autoptr(GString) s = g_string_new (value);
      g_string_replace (s, "-", "–", 0);
      out = g_strdup (s->str);
    }
  else
    out = g_strdup (value);
  blob = csl_text_blob (c, node, out, FALSE);
  if (blob && csl_is_numeric (value))
    blob->number = TRUE;
  return blob;
}

/* <label> */

CslBlob *
csl_render_label (Ctx        *c,
                  CslNode    *node,
                  const char *variable,
                  int         count)
{
  const char *v = variable ? variable : csl_attr (node, "variable");
  const char *plural_attr = csl_attr (node, "plural");
  const char *name;
  g_autofree char *value = NULL;
  gboolean plural;
  const char *t;

  if (v == NULL)
    return NULL;
  if (count < 0)
    {
      if (g_hash_table_contains (c->done, v) || (value = csl_item_string (c, v)) == NULL)
        return NULL;
      if (g_str_equal (v, "number-of-pages") || g_str_equal (v, "number-of-volumes"))
        plural = atoi (value) > 1;
      else
        plural = csl_is_plural (value);
    }
  else
    plural = count > 1;
  if (g_strcmp0 (plural_attr, "always") == 0)
    plural = TRUE;
  else if (g_strcmp0 (plural_attr, "never") == 0)
    plural = FALSE;
  name = v;
  if (g_str_equal (v, "locator"))
    name = c->label ? c->label : "page";
  t = csl_term (c, name, csl_attr (node, "form"), plural);
  return csl_text_blob (c, node, t, FALSE);
}

/* <choose> */

gboolean
csl_test_condition (Ctx     *c,
                    CslNode *node)
{
  const char *match = csl_attr (node, "match");
  gboolean any = g_strcmp0 (match, "any") == 0, none = g_strcmp0 (match, "none") == 0;
  gboolean all_true = TRUE, any_true = FALSE, tested = FALSE;
  static const char *const kinds[] = { "type", "variable", "is-numeric", "is-uncertain-date", "locator",
                                       "position", "disambiguate" };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const char *values = csl_attr (node, kinds[k]);
      g_auto(GStrv) list = NULL;

      if (values == NULL)
        continue;
      list = g_strsplit (values, " ", -1);
      for (guint i = 0; list[i]; i++)
        {
          const char *v = list[i];
          gboolean r = FALSE;

          if (!*v)
            continue;
          tested = TRUE;
          switch (k)
            {
            case 0:
              {
                g_autofree char *type = csl_item_string (c, "type");
                r = g_strcmp0 (type, v) == 0;
              }
              break;
            case 1:
              r = csl_has_variable (c, v);
              break;
            case 2:
              {
                g_autofree char *value = csl_item_string (c, v);
                r = csl_is_numeric (value);
              }
              break;
            case 3:
              {
                Date d;
                r = csl_item_date (c, v, &d) && d.circa;
                csl_date_clear (&d);
              }
              break;
            case 4:
              r = c->locator && *c->locator && g_strcmp0 (c->label ? c->label : "page", v) == 0;
              break;
            case 5:
              r = g_str_equal (v, "first");
              break;
            case 6:
              r = g_str_equal (v, "false");
              break;
            }
          all_true = all_true && r;
          any_true = any_true || r;
        }
    }
  if (!tested)
    return FALSE;
  if (any)
    return any_true;
  if (none)
    return !any_true;
  return all_true;
}

static CslBlob *
render_choose (Ctx     *c,
               CslNode *node)
{
  for (guint i = 0; i < node->kids->len; i++)
    {
      CslNode *branch = g_ptr_array_index (node->kids, i);

      if (csl_node_is (branch, "else") || csl_test_condition (c, branch))
        return render_kids (c, branch, NULL);
    }
  return NULL;
}

/* <group> */

static CslBlob *
render_group (Ctx     *c,
              CslNode *node)
{
  gboolean attempted = c->attempted, found = c->found, term = c->term, rendered = c->rendered;
  gboolean shown;
  CslBlob *blob;

  c->attempted = c->found = c->term = FALSE;
  blob = render_kids (c, node, csl_attr (node, "delimiter"));
  /* Shown when a variable was found, or when it has a term and asked
   * for no variable; shown, it counts as a variable found for the group
   * around it. */
  shown = blob != NULL && (c->found || (c->term && !c->attempted));
  if (shown)
    {
      c->attempted = attempted;
      c->found = TRUE;
    }
  else
    {
      c->found = found;
      c->rendered = rendered;
      csl_blob_free (blob);
      blob = NULL;
    }
  c->term = term;
  if (blob == NULL)
    return NULL;
  csl_decorate (node, blob);
  return csl_with_affixes (node, blob);
}

static CslBlob *
render_kids (Ctx        *c,
             CslNode    *node,
             const char *delimiter)
{
  CslBlob *group = csl_blob_new_group ();

  g_free (group->delimiter);
  group->delimiter = g_strdup (delimiter ? delimiter : "");
  for (guint i = 0; i < node->kids->len; i++)
    {
      CslNode *kid_node = g_ptr_array_index (node->kids, i);
      CslBlob *kid = csl_render_element (c, kid_node);

      if (kid != NULL && !csl_blob_is_empty (kid))
        {
          /* A <choose> is not an element of its own: what its branch
           * renders stands in the group, each piece with its delimiter. */
          if (csl_node_is (kid_node, "choose"))
            {
              while (kid->kids->len)
                csl_blob_add (group, g_ptr_array_steal_index (kid->kids, 0));
              csl_blob_free (kid);
            }
          else
            csl_blob_add (group, kid);
        }
      else
        csl_blob_free (kid);
    }
  if (group->kids->len == 0)
    {
      csl_blob_free (group);
      return NULL;
    }
  return group;
}

CslBlob *
csl_render_element (Ctx     *c,
                    CslNode *node)
{
  if (csl_node_is (node, "text"))
    return render_text (c, node);
  if (csl_node_is (node, "group"))
    return render_group (c, node);
  if (csl_node_is (node, "choose"))
    return render_choose (c, node);
  if (csl_node_is (node, "names"))
    return csl_render_names (c, node);
  if (csl_node_is (node, "date"))
    return csl_render_date (c, node);
  if (csl_node_is (node, "number"))
    return render_number (c, node);
  if (csl_node_is (node, "label"))
    return csl_render_label (c, node, NULL, -1);
  return NULL;
}

char *
csl_render (CslStyle        *style,
            JsonObject      *item,
            gboolean         bibliography,
            const char      *label,
            const char      *locator,
            StorylineMarkup  markup)
{
  Ctx c = { 0 };
  CslNode *layout = NULL;
  CslBlob *body, *root;
  g_autofree char *language = NULL;
  char *out;

  c.style = style;
  c.item = item;
  c.bibliography = bibliography;
  c.area = bibliography ? csl_style_get_bibliography (style) : csl_style_get_citation (style);
  c.label = label;
  c.locator = locator;
  c.done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  language = csl_item_string (&c, "language");
  c.english = language == NULL || g_ascii_strncasecmp (language, "en", 2) == 0;

  if (c.area == NULL)
    {
      g_hash_table_unref (c.done);
      return g_strdup ("");
    }
  for (guint i = 0; i < c.area->kids->len; i++)
    if (csl_node_is (g_ptr_array_index (c.area->kids, i), "layout"))
      layout = g_ptr_array_index (c.area->kids, i);
  if (layout == NULL)
    {
      g_hash_table_unref (c.done);
      return g_strdup ("");
    }

  body = render_kids (&c, layout, NULL);
  g_hash_table_unref (c.done);
  if (body == NULL)
    return g_strdup ("");

  if (bibliography)
    {
      /* The layout's suffix on the entry, its prefix on the first piece. */
      root = body;
      if (csl_attr (layout, "prefix") && root->kids->len)
        csl_blob_prepend_prefix (g_ptr_array_index (root->kids, 0), csl_attr (layout, "prefix"));
      g_free (root->suffix);
      root->suffix = g_strdup (csl_attr (layout, "suffix") ? csl_attr (layout, "suffix") : "");
      csl_decorate (layout, root);
      csl_blob_adjust (root, csl_style_punctuation_in_quote (style));
    }
  else
    {
      csl_blob_adjust (body, csl_style_punctuation_in_quote (style));
      root = csl_blob_new_group ();
      csl_blob_add (root, body);
      csl_blob_set_affixes (root, csl_attr (layout, "prefix"), csl_attr (layout, "suffix"));
      csl_decorate (layout, root);
      csl_blob_adjust (root, csl_style_punctuation_in_quote (style));
    }
  out = csl_blob_write (root, markup);
  csl_blob_free (root);
  g_strstrip (out);
  return out;
}

/* The built-in styles */

CslStyle *
csl_style_get_builtin (StorylineCitationStyle which)
{
  static CslStyle *styles[4];
  static const char *const files[] = {
    [STORYLINE_CITATION_APA] = "apa.csl",
    [STORYLINE_CITATION_CHICAGO] = "chicago-notes-bibliography.csl",
    [STORYLINE_CITATION_CHICAGO_NOTE] = "chicago-notes-bibliography.csl",
    [STORYLINE_CITATION_MLA] = "modern-language-association.csl",
  };
  static GMutex lock;
  CslStyle *style;

  g_return_val_if_fail ((guint) which < G_N_ELEMENTS (files), NULL);
  g_mutex_lock (&lock);
  if (storyline_csl_get_resource () == NULL)
    storyline_csl_register_resource ();
  if (styles[which] == NULL)
    {
      g_autofree char *path = g_strdup_printf ("/io/github/storyline/Storyline/csl/%s", files[which]);
      g_autoptr(GBytes) xml = g_resource_lookup_data (storyline_csl_get_resource (), path, 0, NULL);
      g_autoptr(GBytes) locale = g_resource_lookup_data (storyline_csl_get_resource (),
                                                         "/io/github/storyline/Storyline/csl/locales-en-US.xml", 0, NULL);
      g_autoptr(GError) error = NULL;

      styles[which] = csl_style_new_from_data (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml),
                                               g_bytes_get_data (locale, NULL), g_bytes_get_size (locale), &error);
      if (styles[which] == NULL)
        g_error ("The built-in style %s cannot be read: %s", files[which], error->message);
    }
  style = styles[which];
  g_mutex_unlock (&lock);
  return style;
}

/* Locators */

static const char *const locator_types[] = {
  "page", "paragraph", "section", "chapter", "figure", "note", "volume", "line", "column", "verse",
  "book", "part", "act", "appendix", "article-locator", "canon", "elocation", "equation", "folio",
  "issue", "opus", "rule", "scene", "sub-verbo", "supplement", "table", "timestamp", "title-locator",
  "version",
};

static gboolean
label_matches (const char *word,
               const char *term)
{
  return term != NULL && *term && g_utf8_collate (word, term) == 0;
}

void
csl_locator_parse (const char  *locator,
                   char       **label,
                   char       **value)
{
  g_autofree char *text = g_strstrip (g_strdup (locator ? locator : ""));
  const char *space = strchr (text, ' ');

  *label = NULL;
  *value = NULL;
  if (space != NULL)
    {
      g_autofree char *word = g_utf8_strdown (text, space - text);
      const char *rest = space;

      while (*rest == ' ')
        rest++;
      for (guint s = STORYLINE_CITATION_APA; s <= STORYLINE_CITATION_MLA && *label == NULL; s++)
        {
          CslStyle *style = csl_style_get_builtin (s);

          for (guint i = 0; i < G_N_ELEMENTS (locator_types) && *label == NULL; i++)
            {
              static const char *const forms[] = { "long", "short", "symbol" };

              for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
                if (label_matches (word, csl_style_get_term (style, locator_types[i], forms[f], FALSE)) ||
                    label_matches (word, csl_style_get_term (style, locator_types[i], forms[f], TRUE)))
                  {
                    *label = g_strdup (locator_types[i]);
                    break;
                  }
            }
        }
      if (*label != NULL)
        {
          *value = g_strdup (rest);
          return;
        }
    }
  if (csl_is_numeric (text))
    *label = g_strdup ("page");
  *value = g_strdup (text);
}
