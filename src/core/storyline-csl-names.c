/* storyline-csl-names.c: <names>: name lists, et al., labels and substitutes
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-csl-private.h"
#include "storyline-csl-case.h"

static char *
join_nonempty (const char *sep,
               ...)
{
  va_list ap;
  GString *s = g_string_new (NULL);
  const char *part;

  va_start (ap, sep);
  while ((part = va_arg (ap, const char *)) != (const char *) 1)
    {
      if (part == NULL || !*part)
        continue;
      if (s->len)
        g_string_append (s, sep);
      g_string_append (s, part);
    }
  va_end (ap);
  return g_string_free (s, FALSE);
}

#define END ((const char *) 1)

typedef struct
{
  CslNode *name;     /* the <name> element, or NULL */
  CslNode *et_al;
  CslNode *label;
  gboolean label_before;
} NamesLayout;

/* One person's name as the style asks for it. */
static char *
format_name (Ctx      *c,
             NamesLayout *layout,
             Name     *n,
             gboolean  inverted,
             gboolean *was_inverted)
{
  CslNode *node = layout->name;
  const char *form = csl_inherited (c, node, "form", "name-form");
  gboolean short_form = g_strcmp0 (form, "short") == 0;
  const char *initialize_with = csl_inherited (c, node, "initialize-with", NULL);
  gboolean initialize_on = g_strcmp0 (csl_inherited (c, node, "initialize", NULL), "false") != 0;
  const char *sort_sep = csl_inherited (c, node, "sort-separator", NULL);
  const char *demote = csl_attr (csl_style_get_root (c->style), "demote-non-dropping-particle");
  g_autofree char *given = NULL;
  const char *dp = n->dropping, *ndp = n->non_dropping;
  int roman;

  *was_inverted = FALSE;
  if (n->literal)
    return g_strdup (n->literal);
  if (n->family == NULL)
    return g_strdup ("");
  if (sort_sep == NULL)
    sort_sep = ", ";
  if (demote == NULL)
    demote = "display-and-sort";

  roman = csl_romanesque (c, n);
  if (short_form)
    {
      if (roman == 0)
        return g_strdup_printf ("%s%s", ndp ? ndp : "", n->family);
      if (ndp && (g_str_has_suffix (ndp, "'") || g_str_has_suffix (ndp, "’") || g_str_has_suffix (ndp, "-")))
        return g_strconcat (ndp, n->family, NULL);
      return join_nonempty (" ", ndp, n->family, END);
    }

  if (n->given)
    {
      if (initialize_with != NULL)
        given = csl_initialize (n->given, initialize_with, !initialize_on);
      else
        given = g_strdup (n->given);
    }
  if (roman == 0)
    return g_strdup_printf ("%s%s%s", ndp ? ndp : "", n->family, given ? given : "");
  if (roman == 1)
    {
      g_autofree char *merged = join_nonempty (" ", ndp, n->family, END);
      return join_nonempty (" ", merged, given, END);
    }

  {
    g_autofree char *suffix = NULL;
    gboolean hyphen_ndp = ndp && (g_str_has_suffix (ndp, "'") || g_str_has_suffix (ndp, "’") ||
                                  g_str_has_suffix (ndp, "-") || g_str_has_suffix (ndp, " "));

    if (n->suffix)
      suffix = initialize_with ? csl_initialize (n->suffix, initialize_with, TRUE) : g_strdup (n->suffix);
    if (inverted)
      {
        *was_inverted = TRUE;
        if (g_str_equal (demote, "always") || g_str_equal (demote, "display-and-sort"))
          {
            g_autofree char *second0 = join_nonempty (" ", given, dp, END);
            g_autofree char *second = join_nonempty (" ", second0, ndp, END);
            g_autofree char *merged = join_nonempty (sort_sep, n->family, second, END);
            return join_nonempty (sort_sep, merged, suffix, END);
          }
        else
          {
            g_autofree char *first = hyphen_ndp ? g_strconcat (ndp, n->family, NULL)
                                                : join_nonempty (" ", ndp, n->family, END);
            g_autofree char *second = join_nonempty (" ", given, dp, END);
            g_autofree char *merged = join_nonempty (sort_sep, first, second, END);
            return join_nonempty (sort_sep, merged, suffix, END);
          }
      }
    else
      {
        g_autofree char *family = g_strdup (n->family);
        g_autofree char *second0 = NULL;
        g_autofree char *second = NULL;

        if (dp && !ndp)
          {
            gsize dl = strlen (dp);
            gboolean joins = g_str_has_suffix (dp, "'") || g_str_has_suffix (dp, "’") || g_str_has_suffix (dp, "-");
            if (joins && !(dl >= 3 && strncmp (dp, "de", 2) == 0 && (dl == 3 || g_str_has_suffix (dp, "’"))))
              {
                char *j = g_strconcat (dp, family, NULL);
                g_free (family);
                family = j;
                dp = NULL;
              }
          }
        if (hyphen_ndp)
          {
            g_autofree char *j = g_strconcat (ndp, family, NULL);
            second0 = join_nonempty (" ", dp, j, END);
          }
        else
          second0 = join_nonempty (" ", dp, ndp, family, END);
        second = join_nonempty (n->comma_suffix ? ", " : " ", second0, suffix, END);
        return join_nonempty (" ", given, second, END);
      }
  }
}

static gboolean
names_equal (JsonArray *a,
             JsonArray *b)
{
  if (json_array_get_length (a) != json_array_get_length (b))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (a); i++)
    if (!json_node_equal (json_array_get_element (a, i), json_array_get_element (b, i)))
      return FALSE;
  return TRUE;
}

/* A list of names: "A, B, and C", "A et al.", "A, B, … Z". */
static CslBlob *
render_name_list (Ctx         *c,
                  NamesLayout *layout,
                  JsonArray   *list)
{
  CslNode *node = layout->name;
  guint n = json_array_get_length (list);
  const char *et_al_min_s, *et_al_use_first_s;
  const char *and = csl_inherited (c, node, "and", NULL);
  const char *delimiter = csl_inherited (c, node, "delimiter", "name-delimiter");
  const char *dpl = csl_inherited (c, node, "delimiter-precedes-last", NULL);
  const char *dpea = csl_inherited (c, node, "delimiter-precedes-et-al", NULL);
  const char *as_sort = csl_inherited (c, node, "name-as-sort-order", NULL);
  gboolean use_last = g_strcmp0 (csl_inherited (c, node, "et-al-use-last", NULL), "true") == 0;
  const char *form = csl_inherited (c, node, "form", "name-form");
  guint shown = n;
  gboolean truncated = FALSE;
  CslBlob *group;
  gboolean prev_inverted = FALSE;
  const char *and_term = NULL;

  if (delimiter == NULL)
    delimiter = ", ";
  et_al_min_s = csl_inherited (c, node, "et-al-min", NULL);
  et_al_use_first_s = csl_inherited (c, node, "et-al-use-first", NULL);
  if (et_al_min_s && et_al_use_first_s)
    {
      guint min = atoi (et_al_min_s), first = atoi (et_al_use_first_s);
      if (min > 0 && n >= min && first < n)
        {
          shown = first;
          truncated = TRUE;
        }
    }

  if (g_strcmp0 (form, "count") == 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", shown);
      return csl_blob_new_text (count);
    }

  if (g_strcmp0 (and, "text") == 0)
    and_term = csl_term (c, "and", "long", FALSE);
  else if (g_strcmp0 (and, "symbol") == 0)
    and_term = "&";

  group = csl_blob_new_group ();
  for (guint i = 0; i < shown; i++)
    {
      Name name;
      gboolean inverted = g_strcmp0 (as_sort, "all") == 0 || (g_strcmp0 (as_sort, "first") == 0 && i == 0);
      gboolean was_inverted;
      g_autofree char *text = NULL;
      CslBlob *blob;

      csl_read_name (json_array_get_element (list, i), &name);
      text = format_name (c, layout, &name, inverted, &was_inverted);
      csl_name_clear (&name);
      if (*text == '\0')
        continue;
      blob = csl_blob_new_text (text);
      if (node)
        csl_decorate (node, blob);
      if (group->kids->len > 0)
        {
          gboolean last = i == shown - 1 && !truncated;
          g_autofree char *sep = NULL;

          if (last && and_term)
            {
              gboolean delim;
              JsonNode *last_node = json_array_get_element (list, i);
              gboolean institution = JSON_NODE_HOLDS_OBJECT (last_node) &&
                                     json_object_has_member (json_node_get_object (last_node), "literal");

              /* Before an organization the style's own rule counts, not
               * the name element's (citeproc-js's institutions). */
              if (institution)
                {
                  const char *outer = csl_inherited (c, NULL, "delimiter-precedes-last", NULL);
                  if (g_strcmp0 (outer, "always") == 0)
                    delim = TRUE;
                  else if (g_strcmp0 (outer, "never") == 0)
                    delim = FALSE;
                  else
                    delim = shown >= 3;
                }
              else if (g_strcmp0 (dpl, "always") == 0)
                delim = TRUE;
              else if (g_strcmp0 (dpl, "never") == 0)
                delim = FALSE;
              else if (g_strcmp0 (dpl, "after-inverted-name") == 0)
                delim = prev_inverted;
              else
                delim = shown >= 3;
              sep = g_strdup_printf ("%s%s ", delim ? delimiter : " ", and_term);
            }
          else
            sep = g_strdup (delimiter);
          csl_blob_set_affixes (blob, sep, NULL);
        }
      prev_inverted = was_inverted;
      csl_blob_add (group, blob);
    }

  if (truncated && group->kids->len > 0)
    {
      if (use_last && shown + 1 < n)
        {
          Name name;
          gboolean was_inverted;
          g_autofree char *text = NULL;
          g_autofree char *sep = g_strdup_printf ("%s… ", delimiter);
          CslBlob *blob;

          csl_read_name (json_array_get_element (list, n - 1), &name);
          text = format_name (c, layout, &name, g_strcmp0 (as_sort, "all") == 0, &was_inverted);
          csl_name_clear (&name);
          blob = csl_blob_new_text (text);
          if (node)
            csl_decorate (node, blob);
          csl_blob_set_affixes (blob, sep, NULL);
          csl_blob_add (group, blob);
        }
      else
        {
          const char *et_al_term = layout->et_al && csl_attr (layout->et_al, "term") ? csl_attr (layout->et_al, "term") : "et-al";
          const char *t = csl_term (c, et_al_term, "long", FALSE);

          if (t && *t)
            {
              gboolean delim;
              CslBlob *blob = csl_blob_new_text (t);

              if (g_strcmp0 (dpea, "always") == 0)
                delim = TRUE;
              else if (g_strcmp0 (dpea, "never") == 0)
                delim = FALSE;
              else if (g_strcmp0 (dpea, "after-inverted-name") == 0)
                delim = prev_inverted;
              else
                delim = shown >= 2;
              if (layout->et_al)
                csl_decorate (layout->et_al, blob);
              {
                g_autofree char *sep = g_strdup (delim ? delimiter : " ");
                if (layout->et_al && (csl_attr (layout->et_al, "prefix") || csl_attr (layout->et_al, "suffix")))
                  {
                    CslBlob *wrap = csl_blob_new_group ();
                    csl_blob_add (wrap, blob);
                    csl_blob_set_affixes (wrap, sep, NULL);
                    csl_blob_set_affixes (blob, csl_attr (layout->et_al, "prefix"), csl_attr (layout->et_al, "suffix"));
                    blob = wrap;
                  }
                else
                  csl_blob_set_affixes (blob, sep, NULL);
              }
              csl_blob_add (group, blob);
            }
        }
    }
  if (group->kids->len == 0)
    {
      csl_blob_free (group);
      return NULL;
    }
  if (node)
    {
      const char *prefix = csl_attr (node, "prefix"), *suffix = csl_attr (node, "suffix");
      if (prefix || suffix)
        csl_blob_set_affixes (group, prefix, suffix);
    }
  return group;
}

static void
names_layout (CslNode     *names,
              NamesLayout *layout)
{
  gboolean seen_name = FALSE;

  memset (layout, 0, sizeof *layout);
  for (guint i = 0; i < names->kids->len; i++)
    {
      CslNode *k = g_ptr_array_index (names->kids, i);

      if (csl_node_is (k, "name"))
        {
          layout->name = k;
          seen_name = TRUE;
        }
      else if (csl_node_is (k, "et-al"))
        layout->et_al = k;
      else if (csl_node_is (k, "label"))
        {
          layout->label = k;
          layout->label_before = !seen_name;
        }
    }
}


/* The first element of <substitute> that renders; inside a <choose>, each
 * element of the branch taken is one to try, as in citeproc-js. */
static CslBlob *
substitute_first (Ctx     *c,
                  CslNode *list)
{
  for (guint i = 0; i < list->kids->len; i++)
    {
      CslNode *k = g_ptr_array_index (list->kids, i);
      gboolean found = c->found;
      CslBlob *out;

      if (csl_node_is (k, "choose"))
        {
          CslNode *branch = NULL;

          for (guint j = 0; j < k->kids->len && branch == NULL; j++)
            {
              CslNode *b = g_ptr_array_index (k->kids, j);
              if (csl_node_is (b, "else") || csl_test_condition (c, b))
                branch = b;
            }
          out = branch ? substitute_first (c, branch) : NULL;
        }
      else
        out = csl_render_element (c, k);
      if (out != NULL && !csl_blob_is_empty (out))
        return out;
      csl_blob_free (out);
      c->attempted = TRUE;
      c->found = found;
    }
  return NULL;
}

CslBlob *
csl_render_names (Ctx     *c,
                  CslNode *node)
{
  const char *variables = csl_attr (node, "variable");
  g_auto(GStrv) vars = NULL;
  NamesLayout layout;
  CslBlob *out;
  const char *delimiter;
  JsonArray *editor = NULL, *translator = NULL;

  if (variables == NULL)
    return NULL;
  names_layout (node, &layout);
  /* Inside <substitute>, a bare <names> takes the layout of the one it
   * stands in for. */
  if (c->substituting && layout.name == NULL && layout.et_al == NULL && layout.label == NULL)
    names_layout (c->substituting, &layout);

  vars = g_strsplit (variables, " ", -1);
  out = csl_blob_new_group ();
  delimiter = csl_attr (node, "delimiter");
  if (delimiter == NULL)
    delimiter = csl_inherited (c, NULL, "names-delimiter", NULL);
  g_free (out->delimiter);
  out->delimiter = g_strdup (delimiter ? delimiter : "");

  for (guint i = 0; vars[i]; i++)
    {
      if (g_str_equal (vars[i], "editor") && !g_hash_table_contains (c->done, "editor"))
        editor = csl_item_names (c, "editor");
      if (g_str_equal (vars[i], "translator") && !g_hash_table_contains (c->done, "translator"))
        translator = csl_item_names (c, "translator");
    }

  for (guint i = 0; vars[i]; i++)
    {
      const char *v = vars[i];
      JsonArray *list;
      CslBlob *names, *one;
      const char *label_var = v;

      if (!*v)
        continue;
      c->attempted = TRUE;
      if (g_hash_table_contains (c->done, v) || (list = csl_item_names (c, v)) == NULL)
        continue;
      /* Editors who translated too are named once. */
      if (editor && translator && names_equal (editor, translator))
        {
          if (g_str_equal (v, "translator"))
            continue;
          if (g_str_equal (v, "editor"))
            label_var = "editortranslator";
        }
      names = render_name_list (c, &layout, list);
      if (names == NULL)
        continue;
      c->found = TRUE;
      c->rendered = TRUE;
      if (c->in_substitute)
        g_hash_table_add (c->done, g_strdup (v));
      if (layout.label && !(layout.name && csl_attr_is (layout.name, "form", "count")))
        {
          CslBlob *label = csl_render_label (c, layout.label, label_var, (int) json_array_get_length (list));

          one = csl_blob_new_group ();
          if (label && layout.label_before)
            csl_blob_add (one, label);
          csl_blob_add (one, names);
          if (label && !layout.label_before)
            csl_blob_add (one, label);
        }
      else
        one = names;
      csl_blob_add (out, one);
    }

  if (out->kids->len == 0)
    {
      csl_blob_free (out);
      out = NULL;
      for (guint i = 0; i < node->kids->len && out == NULL; i++)
        {
          CslNode *k = g_ptr_array_index (node->kids, i);
          CslNode *was = c->substituting;

          if (!csl_node_is (k, "substitute"))
            continue;
          c->substituting = node;
          c->in_substitute++;
          out = substitute_first (c, k);
          c->in_substitute--;
          c->substituting = was;
        }
      if (out == NULL)
        return NULL;
      csl_decorate (node, out);
      return csl_with_affixes (node, out);
    }
  csl_decorate (node, out);
  return csl_with_affixes (node, out);
}
