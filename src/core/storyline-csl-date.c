/* storyline-csl-date.c: dates: reading a CSL-JSON or EDTF date and rendering
 * <date> with its parts, ranges and seasons
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-csl-private.h"
#include "storyline-csl-case.h"

static int
json_int (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return atoi (json_node_get_string (node));
      if (json_node_get_value_type (node) == G_TYPE_INT64)
        return (int) json_node_get_int (node);
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        return (int) json_node_get_double (node);
    }
  return 0;
}

/* An EDTF date as Storyline's files may give one: "2025", "2025-10",
 * "2025-10-27", a range "A/B", "~" or "?" for circa. */
static gboolean
parse_edtf (const char *text,
            Date       *d)
{
  g_auto(GStrv) ends = g_strsplit (text, "/", 2);

  for (guint e = 0; ends[e] && e < 2; e++)
    {
      g_auto(GStrv) bits = NULL;
      char *s = ends[e];
      gsize len = strlen (s);

      while (len > 0 && strchr ("~?%", s[len - 1]))
        {
          d->circa = TRUE;
          s[--len] = '\0';
        }
      bits = g_strsplit (s, "-", 3);
      for (guint i = 0; bits[i] && i < 3; i++)
        {
          if (!g_ascii_isdigit (bits[i][0]))
            return FALSE;
          d->parts[e][i] = atoi (bits[i]);
          d->n_parts[e] = i + 1;
        }
    }
  d->range = ends[0] && ends[1];
  return d->n_parts[0] > 0;
}

gboolean
csl_item_date (Ctx        *c,
               const char *variable,
               Date       *d)
{
  JsonNode *node;
  JsonObject *o;

  memset (d, 0, sizeof *d);
  if (c->item == NULL || !json_object_has_member (c->item, variable))
    return FALSE;
  node = json_object_get_member (c->item, variable);
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return parse_edtf (json_node_get_string (node), d);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  o = json_node_get_object (node);
  if (json_object_has_member (o, "date-parts") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "date-parts")))
    {
      JsonArray *sets = json_object_get_array_member (o, "date-parts");

      for (guint e = 0; e < json_array_get_length (sets) && e < 2; e++)
        {
          JsonNode *set = json_array_get_element (sets, e);
          JsonArray *parts;

          if (!JSON_NODE_HOLDS_ARRAY (set))
            continue;
          parts = json_node_get_array (set);
          for (guint i = 0; i < json_array_get_length (parts) && i < 3; i++)
            {
              d->parts[e][i] = json_int (json_array_get_element (parts, i));
              if (d->parts[e][i] == 0 && i > 0)
                break;
              d->n_parts[e] = i + 1;
            }
        }
      d->range = d->n_parts[1] > 0;
      if (d->range && memcmp (d->parts[0], d->parts[1], sizeof d->parts[0]) == 0)
        d->range = FALSE;
    }
  if (json_object_has_member (o, "circa"))
    {
      JsonNode *circa = json_object_get_member (o, "circa");

      if (JSON_NODE_HOLDS_VALUE (circa))
        d->circa = json_node_get_value_type (circa) == G_TYPE_BOOLEAN ? json_node_get_boolean (circa)
                   : json_node_get_value_type (circa) == G_TYPE_STRING ? *json_node_get_string (circa) != '\0'
                   : json_int (circa) != 0;
    }
  if (json_object_has_member (o, "season"))
    d->season = json_int (json_object_get_member (o, "season"));
  if (d->n_parts[0] > 1 && d->parts[0][1] >= 13 && d->parts[0][1] <= 16)
    {
      d->season = d->parts[0][1] - 12;
      d->n_parts[0] = 1;
    }
  if (d->n_parts[0] == 0 && json_object_has_member (o, "literal"))
    {
      JsonNode *lit = json_object_get_member (o, "literal");

      if (JSON_NODE_HOLDS_VALUE (lit) && json_node_get_value_type (lit) == G_TYPE_STRING &&
          *json_node_get_string (lit))
        d->literal = g_strdup (json_node_get_string (lit));
    }
  if (d->n_parts[0] == 0 && d->literal == NULL && json_object_has_member (o, "raw"))
    {
      JsonNode *raw = json_object_get_member (o, "raw");

      if (JSON_NODE_HOLDS_VALUE (raw) && json_node_get_value_type (raw) == G_TYPE_STRING)
        parse_edtf (json_node_get_string (raw), d);
    }
  return d->n_parts[0] > 0 || d->literal != NULL;
}

void
csl_date_clear (Date *d)
{
  g_clear_pointer (&d->literal, g_free);
}

/* <date> */

static char *
format_date_part (Ctx     *c,
                  CslNode *part,
                  int      which,
                  int      value,
                  int      season)
{
  const char *form = csl_attr (part, "form");

  if (which == 0)
    {
      if (g_strcmp0 (form, "short") == 0)
        return g_strdup_printf ("%02d", abs (value) % 100);
      if (value < 0)
        return g_strdup_printf ("%d%s", -value, "BC");
      if (value < 1000 && value > 0)
        return g_strdup_printf ("%d%s", value, "AD");
      return g_strdup_printf ("%d", value);
    }
  if (which == 1)
    {
      g_autofree char *key = NULL;
      const char *t;

      if (season)
        {
          key = g_strdup_printf ("season-%02d", season);
          t = csl_term (c, key, "long", FALSE);
          return g_strdup (t ? t : "");
        }
      if (g_strcmp0 (form, "numeric") == 0)
        return g_strdup_printf ("%d", value);
      if (g_strcmp0 (form, "numeric-leading-zeros") == 0)
        return g_strdup_printf ("%02d", value);
      key = g_strdup_printf ("month-%02d", value);
      t = csl_term (c, key, g_strcmp0 (form, "short") == 0 ? "short" : "long", FALSE);
      return g_strdup (t ? t : "");
    }
  if (g_strcmp0 (form, "numeric-leading-zeros") == 0)
    return g_strdup_printf ("%02d", value);
  if (g_strcmp0 (form, "ordinal") == 0 && (!csl_style_limit_day_ordinals (c->style) || value == 1))
    return csl_ordinal (c, value, FALSE);
  return g_strdup_printf ("%d", value);
}

typedef struct
{
  CslNode *part;          /* the date-part with its formatting */
  CslNode *local;         /* the style's date-part for it, if any */
  int which;              /* 0 year, 1 month, 2 day */
} Part;

static const char *
part_attr (Part       *p,
           const char *name)
{
  const char *v = p->local ? csl_attr (p->local, name) : NULL;
  return v ? v : csl_attr (p->part, name);
}

static CslBlob *
part_blob (Ctx     *c,
           Part    *p,
           int      value,
           int      season,
           gboolean with_prefix,
           gboolean with_suffix)
{
  g_autofree char *text = NULL;
  CslBlob *blob;
  CslNode *fmt = p->local ? p->local : p->part;

  if (value == 0 && !(p->which == 1 && season))
    return NULL;
  {
    /* form from the style's part when it gives one */
    CslNode *form_node = (p->local && csl_attr (p->local, "form")) ? p->local : p->part;
    text = format_date_part (c, form_node, p->which, value, season);
  }
  if (*text == '\0')
    return NULL;
  {
    const char *text_case = part_attr (p, "text-case");
    char *cased = csl_apply_text_case (TRUE, text_case, text);
    g_free (text);
    text = cased;
  }
  if (g_strcmp0 (part_attr (p, "strip-periods"), "true") == 0)
    csl_strip_periods (text);
  blob = csl_blob_new_text (text);
  csl_decorate (fmt, blob);
  csl_blob_set_affixes (blob, with_prefix ? csl_attr (p->part, "prefix") : NULL,
                        with_suffix ? csl_attr (p->part, "suffix") : NULL);
  return blob;
}

CslBlob *
csl_render_date (Ctx     *c,
                 CslNode *node)
{
  const char *variable = csl_attr (node, "variable");
  const char *form = csl_attr (node, "form");
  const char *wanted = csl_attr (node, "date-parts");
  g_autoptr(GArray) parts = g_array_new (FALSE, TRUE, sizeof (Part));
  CslNode *format = node;
  CslBlob *out;
  Date d;
  int end_diff = -1;

  if (variable == NULL)
    return NULL;
  if (g_hash_table_contains (c->done, variable))
    return NULL;
  c->attempted = TRUE;
  if (!csl_item_date (c, variable, &d))
    return NULL;
  c->found = TRUE;
  if (c->in_substitute)
    g_hash_table_add (c->done, g_strdup (variable));

  if (d.literal != NULL)
    {
      CslBlob *blob;
      gboolean has_year = wanted == NULL || form == NULL ? FALSE : TRUE;

      /* A literal date stands where the year would. */
      if (form == NULL)
        for (guint i = 0; i < node->kids->len; i++)
          if (csl_attr_is (g_ptr_array_index (node->kids, i), "name", "year"))
            has_year = TRUE;
      if (form != NULL)
        has_year = TRUE;
      if (!has_year)
        {
          csl_date_clear (&d);
          return NULL;
        }
      c->rendered = TRUE;
      blob = csl_blob_new_text (d.literal);
      csl_date_clear (&d);
      csl_decorate (node, blob);
      return csl_with_affixes (node, blob);
    }

  if (form != NULL)
    format = csl_style_get_date_format (c->style, form);
  if (format == NULL)
    return NULL;
  for (guint i = 0; i < format->kids->len; i++)
    {
      CslNode *k = g_ptr_array_index (format->kids, i);
      const char *name = csl_attr (k, "name");
      Part p = { k, NULL, 0 };

      if (!csl_node_is (k, "date-part") || name == NULL)
        continue;
      p.which = g_str_equal (name, "year") ? 0 : g_str_equal (name, "month") ? 1 : 2;
      if (form != NULL)
        {
          if (wanted && ((p.which == 1 && g_str_equal (wanted, "year")) ||
                         (p.which == 2 && !g_str_equal (wanted, "year-month-day"))))
            continue;
          for (guint j = 0; j < node->kids->len; j++)
            {
              CslNode *l = g_ptr_array_index (node->kids, j);
              if (csl_node_is (l, "date-part") && csl_attr_is (l, "name", name))
                p.local = l;
            }
        }
      g_array_append_val (parts, p);
    }

  out = csl_blob_new_group ();
  if (form == NULL && csl_attr (node, "delimiter"))
    {
      g_free (out->delimiter);
      out->delimiter = g_strdup (csl_attr (node, "delimiter"));
    }

  /* The largest part that differs, of those this element shows. */
  if (d.range)
    for (int i = 0; i < 3 && end_diff < 0; i++)
      for (guint j = 0; j < parts->len; j++)
        if (g_array_index (parts, Part, j).which == i && d.parts[0][i] != d.parts[1][i])
          {
            end_diff = i;
            break;
          }

  /* The parts shown: only those present in the date. */
  {
    g_autoptr(GArray) shown = g_array_new (FALSE, TRUE, sizeof (Part));

    for (guint i = 0; i < parts->len; i++)
      {
        Part *p = &g_array_index (parts, Part, i);
        if (p->which < d.n_parts[0] || (p->which == 1 && d.season))
          g_array_append_val (shown, *p);
      }

    if (end_diff < 0)
      {
        for (guint i = 0; i < shown->len; i++)
          {
            Part *p = &g_array_index (shown, Part, i);
            csl_blob_add (out, part_blob (c, p, d.parts[0][p->which], p->which == 1 ? d.season : 0,
                                          TRUE, TRUE));
          }
      }
    else
      {
        /* The parts that differ, and those smaller, are the range; the
         * rest is shown once. */
        int first = -1, last = -1;
        const char *delimiter = "–";

        for (guint i = 0; i < shown->len; i++)
          {
            Part *p = &g_array_index (shown, Part, i);
            if (p->which >= end_diff)
              {
                if (first < 0)
                  first = (int) i;
                last = (int) i;
              }
            if (p->which == end_diff && part_attr (p, "range-delimiter"))
              delimiter = part_attr (p, "range-delimiter");
          }
        if (end_diff == 0)
          {
            first = 0;
            last = (int) shown->len - 1;
            for (guint i = 0; i < shown->len; i++)
              {
                Part *p = &g_array_index (shown, Part, i);
                if (p->which == 0 && part_attr (p, "range-delimiter"))
                  delimiter = part_attr (p, "range-delimiter");
              }
          }
        for (int i = 0; i < (int) shown->len; i++)
          {
            Part *p = &g_array_index (shown, Part, i);

            if (i < first || i > last)
              {
                csl_blob_add (out, part_blob (c, p, d.parts[0][p->which], 0, TRUE, TRUE));
                continue;
              }
            if (i == first)
              {
                CslBlob *range = csl_blob_new_group ();
                CslBlob *start = csl_blob_new_group ();
                CslBlob *end = csl_blob_new_group ();

                for (int j = first; j <= last; j++)
                  {
                    Part *q = &g_array_index (shown, Part, j);
                    csl_blob_add (start, part_blob (c, q, d.parts[0][q->which], 0, j != first, j != last));
                    csl_blob_add (end, part_blob (c, q, d.parts[1][q->which], 0, j != first, j != last));
                  }
                csl_blob_add (range, start);
                csl_blob_add (range, end);
                g_free (range->delimiter);
                range->delimiter = g_strdup (delimiter);
                csl_blob_set_affixes (range, csl_attr (g_array_index (shown, Part, first).part, "prefix"),
                                      csl_attr (g_array_index (shown, Part, last).part, "suffix"));
                csl_blob_add (out, range);
              }
          }
      }
  }
  csl_date_clear (&d);
  if (csl_blob_is_empty (out))
    {
      csl_blob_free (out);
      return NULL;
    }
  c->rendered = TRUE;
  csl_decorate (node, out);
  return csl_with_affixes (node, out);
}
