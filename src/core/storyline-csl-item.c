/* storyline-csl-item.c: an item's variables, numbers and field text, and the
 * formatting and affixes every rendering element shares
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-csl-private.h"
#include "storyline-csl-case.h"

/* Attributes */

const char *
csl_attr (CslNode    *node,
          const char *name)
{
  return csl_node_get (node, name);
}

gboolean
csl_attr_is (CslNode    *node,
             const char *name,
             const char *value)
{
  return g_strcmp0 (csl_attr (node, name), value) == 0;
}

/* An inheritable name option: the element, then its area, then the
 * style (where it may have another name). */
const char *
csl_inherited (Ctx        *c,
               CslNode    *node,
               const char *name,
               const char *outer_name)
{
  const char *v = node ? csl_attr (node, name) : NULL;

  if (v == NULL && c->area)
    v = csl_attr (c->area, outer_name ? outer_name : name);
  if (v == NULL)
    v = csl_attr (csl_style_get_root (c->style), outer_name ? outer_name : name);
  return v;
}

/* Item variables */

char *
csl_item_string (Ctx        *c,
                 const char *variable)
{
  JsonNode *node;

  if (g_str_equal (variable, "locator"))
    return c->locator && *c->locator ? g_strdup (c->locator) : NULL;
  if (g_str_equal (variable, "page-first") && c->item != NULL && !json_object_has_member (c->item, "page-first"))
    {
      /* The first page of the range in "page", as citeproc-js derives it. */
      g_autofree char *page = csl_item_string (c, "page");
      gsize len;

      if (page == NULL)
        return NULL;
      len = strcspn (page, "-–—,&");
      while (len > 0 && page[len - 1] == ' ')
        len--;
      return len > 0 ? g_strndup (page, len) : NULL;
    }
  if (c->item == NULL || !json_object_has_member (c->item, variable))
    return NULL;
  node = json_object_get_member (c->item, variable);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      {
        const char *s = json_node_get_string (node);
        g_autofree char *trimmed = g_strstrip (g_strdup (s));
        return *trimmed ? g_strdup (s) : NULL;
      }
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%g", json_node_get_double (node));
    default:
      return NULL;
    }
}

JsonArray *
csl_item_names (Ctx        *c,
                const char *variable)
{
  JsonNode *node;

  if (c->item == NULL || !json_object_has_member (c->item, variable))
    return NULL;
  node = json_object_get_member (c->item, variable);
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    return NULL;
  return json_node_get_array (node);
}

static gboolean
in_list (const char        *v,
         const char *const *list,
         gsize              n)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (v, list[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_name_variable (const char *v)
{
  static const char *const names[] = {
    "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor",
    "curator", "director", "editor", "editorial-director", "editor-translator", "executive-producer",
    "guest", "host", "illustrator", "interviewer", "narrator", "organizer", "original-author",
    "performer", "producer", "recipient", "reviewed-author", "script-writer", "series-creator",
    "translator",
  };
  return in_list (v, names, G_N_ELEMENTS (names));
}

static gboolean
is_date_variable (const char *v)
{
  static const char *const dates[] = {
    "issued", "accessed", "event-date", "original-date", "submitted", "available-date",
  };
  return in_list (v, dates, G_N_ELEMENTS (dates));
}

/* citeproc-js's multilingual fields: only these keep the case of an item
 * that is not in English. */
gboolean
csl_is_multilingual (const char *v)
{
  static const char *const fields[] = {
    "event", "publisher", "publisher-place", "event-place", "title", "container-title",
    "collection-title", "authority", "genre", "title-short", "medium", "country", "jurisdiction",
    "archive", "archive-place",
  };
  return in_list (v, fields, G_N_ELEMENTS (fields));
}

gboolean
csl_is_number_variable (const char *v)
{
  static const char *const numbers[] = {
    "locator", "volume", "issue", "number-of-volumes", "number-of-pages", "chapter-number",
    "collection-number", "edition", "part-number", "supplement-number", "printing-number",
    "citation-number", "first-reference-note-number",
  };
  return in_list (v, numbers, G_N_ELEMENTS (numbers));
}

gboolean
csl_has_variable (Ctx        *c,
                  const char *v)
{
  /* A variable already used in place of the names still exists for
   * conditions, as in citeproc-js. */
  if (is_name_variable (v))
    return csl_item_names (c, v) != NULL;
  if (is_date_variable (v))
    {
      Date d;
      gboolean has = csl_item_date (c, v, &d);
      csl_date_clear (&d);
      return has;
    }
  {
    g_autofree char *s = csl_item_string (c, v);
    return s != NULL;
  }
}

/* Numbers */

/* CSL's numeric test, as citeproc-js makes it: numbers, each maybe with
 * a letter prefix or suffix, joined by "-", "–", ",", "&" or "and". */
gboolean
csl_is_numeric (const char *s)
{
  static GRegex *rx;

  if (s == NULL)
    return FALSE;
  if (g_once_init_enter (&rx))
    g_once_init_leave (&rx, g_regex_new ("^(?:[A-Za-z]?\\d+[A-Za-z]*|[A-Za-z]*\\d+[A-Za-z]?)"
                                         "(?:\\s*(?:-|–|,|&|and)\\s*(?:[A-Za-z]?\\d+[A-Za-z]*|[A-Za-z]*\\d+[A-Za-z]?))*$",
                                         0, 0, NULL));
  return g_regex_match (rx, s, 0, NULL);
}

gboolean
csl_is_plural (const char *s)
{
  static GRegex *rx;

  if (g_once_init_enter (&rx))
    g_once_init_leave (&rx, g_regex_new ("\\d\\s*(?:-|–|—|,|&|and)\\s*\\S*\\d", 0, 0, NULL));
  return s != NULL && g_regex_match (rx, s, 0, NULL);
}

char *
csl_ordinal (Ctx *c,
             int  n,
             gboolean long_form)
{
  const char *suffix = NULL;
  g_autofree char *key = NULL;

  if (long_form && n >= 1 && n <= 10)
    {
      key = g_strdup_printf ("long-ordinal-%02d", n);
      suffix = csl_style_get_term (c->style, key, "long", FALSE);
      if (suffix)
        return g_strdup (suffix);
    }
  if (n % 100 >= 11 && n % 100 <= 13)
    key = g_strdup_printf ("ordinal-%02d", n % 100);
  else
    key = g_strdup_printf ("ordinal-%02d", n % 10);
  suffix = csl_style_get_term (c->style, key, "long", FALSE);
  if (suffix == NULL)
    suffix = csl_style_get_term (c->style, "ordinal", "long", FALSE);
  return g_strdup_printf ("%d%s", n, suffix ? suffix : "");
}

/* Page ranges, shortened as page-range-format says. */
static char *
format_range_end (const char *format,
                  const char *first,
                  const char *last)
{
  gsize fl = strlen (first), ll = strlen (last);

  if (format == NULL)
    return g_strdup (last);
  /* The end given short ("233-9"): made whole first. */
  if (ll < fl)
    {
      g_autofree char *whole = g_strdup_printf ("%.*s%s", (int) (fl - ll), first, last);
      return format_range_end (format, first, whole);
    }
  if (g_str_equal (format, "expanded"))
    return g_strdup (last);
  if (fl != ll)
    return g_strdup (last);
  if (g_str_equal (format, "minimal") || g_str_equal (format, "minimal-two"))
    {
      gsize i = 0;

      while (i < ll - 1 && first[i] == last[i])
        i++;
      if (g_str_equal (format, "minimal-two") && ll - i < 2 && ll >= 2)
        i = ll - 2;
      return g_strdup (last + i);
    }
  if (g_str_has_prefix (format, "chicago"))
    {
      int f = atoi (first);

      if (f < 100 || f % 100 == 0)
        return g_strdup (last);
      if (f % 100 < 10)
        {
          gsize i = 0;
          while (i < ll - 1 && first[i] == last[i])
            i++;
          return g_strdup (last + i);
        }
      if (g_str_equal (format, "chicago-16") || ll != 4)
        {
          gsize i = 0;
          while (i < ll - 2 && first[i] == last[i])
            i++;
          return g_strdup (last + i);
        }
      /* chicago-15: four digits, three changing, all shown */
      {
        gsize i = 0;
        while (i < ll - 2 && first[i] == last[i])
          i++;
        return g_strdup (i < 2 ? last : last + i);
      }
    }
  return g_strdup (last);
}

char *
csl_format_pages (Ctx        *c,
                  const char *value)
{
  static GRegex *rx;
  const char *format = csl_attr (csl_style_get_root (c->style), "page-range-format");
  const char *delimiter = csl_style_get_term (c->style, "page-range-delimiter", "long", FALSE);
  g_autoptr(GMatchInfo) m = NULL;

  if (g_once_init_enter (&rx))
    g_once_init_leave (&rx, g_regex_new ("^([A-Za-z]*)(\\d+)\\s*(?:-|–|—)+\\s*([A-Za-z]*)(\\d+)$", 0, 0, NULL));
  if (delimiter == NULL)
    delimiter = "–";
  if (g_regex_match (rx, value, 0, &m))
    {
      g_autofree char *p1 = g_match_info_fetch (m, 1);
      g_autofree char *n1 = g_match_info_fetch (m, 2);
      g_autofree char *p2 = g_match_info_fetch (m, 3);
      g_autofree char *n2 = g_match_info_fetch (m, 4);
      g_autofree char *end = NULL;

      if (g_strcmp0 (p1, p2) != 0)
        return g_strdup_printf ("%s%s%s%s%s", p1, n1, delimiter, p2, n2);
      end = format_range_end (format, n1, n2);
      return g_strdup_printf ("%s%s%s%s%s", p1, n1, delimiter, p2, end);
    }
  return g_strdup (value);
}

/* Text of fields */

/* CSL's strip-periods, in place. */
void
csl_strip_periods (char *text)
{
  char *w = text;

  for (char *r = text; *r; r++)
    if (*r != '.')
      *w++ = *r;
  *w = '\0';
}

/* Straight quotes and apostrophes become typographic ones. */
char *
csl_smarten (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '\'')
        g_string_append (s, "’");
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

char *
csl_apply_text_case (gboolean    english,
                     const char *text_case,
                     const char *text)
{
  if (text_case == NULL)
    return g_strdup (text);
  if (g_str_equal (text_case, "lowercase"))
    return g_utf8_strdown (text, -1);
  if (g_str_equal (text_case, "uppercase"))
    return g_utf8_strup (text, -1);
  if (g_str_equal (text_case, "capitalize-first"))
    return csl_case_capitalize_first (text);
  if (g_str_equal (text_case, "capitalize-all"))
    return csl_case_capitalize_all (text);
  if (g_str_equal (text_case, "title"))
    return english ? csl_case_title (text) : g_strdup (text);
  if (g_str_equal (text_case, "sentence"))
    return english ? csl_case_sentence (text) : g_strdup (text);
  return g_strdup (text);
}

/* A field's text as a piece of output: double quotation marks in it
 * become quoted pieces, so that they nest with the style's own. */
static CslBlob *
field_blob (const char *text)
{
  CslBlob *group;
  const char *p = text, *start = text;
  gboolean has_quote = FALSE;
  g_autofree char *smart = NULL;

  for (const char *q = text; *q; q++)
    if (*q == '"')
      has_quote = TRUE;
  if (!has_quote)
    {
      smart = csl_smarten (text);
      return csl_blob_new_text (smart);
    }

  group = csl_blob_new_group ();
  while (*p)
    {
      const char *open = strchr (p, '"');
      const char *close = open ? strchr (open + 1, '"') : NULL;

      if (open == NULL || close == NULL)
        break;
      if (open > start)
        {
          g_autofree char *before = g_strndup (start, open - start);
          g_autofree char *sb = csl_smarten (before);
          csl_blob_add (group, csl_blob_new_text (sb));
        }
      {
        g_autofree char *inner = g_strndup (open + 1, close - open - 1);
        g_autofree char *si = csl_smarten (inner);
        CslBlob *quoted = csl_blob_new_text (si);
        quoted->decor |= CSL_DECOR_QUOTES;
        csl_blob_add (group, quoted);
      }
      p = start = close + 1;
    }
  if (*start)
    {
      g_autofree char *rest = csl_smarten (start);
      csl_blob_add (group, csl_blob_new_text (rest));
    }
  return group;
}


/* Formatting and affixes of @node onto @blob. */
CslBlob *
csl_decorate (CslNode *node,
              CslBlob *blob)
{
  const char *v;

  if (blob == NULL)
    return NULL;
  if ((v = csl_attr (node, "font-style")))
    blob->decor |= g_str_equal (v, "italic") || g_str_equal (v, "oblique") ? CSL_DECOR_ITALIC : CSL_DECOR_ROMAN;
  if ((v = csl_attr (node, "font-weight")))
    blob->decor |= g_str_equal (v, "bold") ? CSL_DECOR_BOLD : CSL_DECOR_LIGHT;
  if ((v = csl_attr (node, "font-variant")))
    blob->decor |= g_str_equal (v, "small-caps") ? CSL_DECOR_SMALL_CAPS : CSL_DECOR_NO_CAPS;
  if ((v = csl_attr (node, "text-decoration")))
    blob->decor |= g_str_equal (v, "underline") ? CSL_DECOR_UNDERLINE : CSL_DECOR_NO_DECOR;
  if ((v = csl_attr (node, "vertical-align")))
    blob->decor |= g_str_equal (v, "sup") ? CSL_DECOR_SUPERSCRIPT : g_str_equal (v, "sub") ? CSL_DECOR_SUBSCRIPT : CSL_DECOR_BASELINE;
  if (csl_attr_is (node, "quotes", "true"))
    blob->decor |= CSL_DECOR_QUOTES;
  return blob;
}

/* Affixes go on a group around @blob when @blob has its own already. */
CslBlob *
csl_with_affixes (CslNode *node,
                  CslBlob *blob)
{
  const char *prefix = csl_attr (node, "prefix"), *suffix = csl_attr (node, "suffix");

  if (blob == NULL || (prefix == NULL && suffix == NULL))
    return blob;
  if (blob->prefix[0] || blob->suffix[0])
    {
      CslBlob *group = csl_blob_new_group ();
      csl_blob_add (group, blob);
      blob = group;
    }
  csl_blob_set_affixes (blob, prefix, suffix);
  return blob;
}

/* A leaf for @text with the text case, quotes and formatting of @node.
 * @foreign: the text of a title-like field of an item in another language
 * than English, which keeps its case (citeproc-js's multilingual fields);
 * everything else, the locale's terms included, is English. */
CslBlob *
csl_text_blob (Ctx        *c,
               CslNode    *node,
               const char *text,
               gboolean    foreign)
{
  g_autofree char *s = NULL;
  CslBlob *blob;

  if (text == NULL || *text == '\0')
    return NULL;
  s = csl_apply_text_case (!foreign, csl_attr (node, "text-case"), text);
  c->rendered = TRUE;
  if (csl_attr_is (node, "strip-periods", "true"))
    csl_strip_periods (s);
  blob = field_blob (s);
  blob->foreign = foreign;
  for (guint i = 0; blob->kids && i < blob->kids->len; i++)
    ((CslBlob *) g_ptr_array_index (blob->kids, i))->foreign = foreign;
  csl_decorate (node, blob);
  /* Scripts without italics (Bengali, Chinese…) are not slanted: a text
   * with no Latin-like letter drops its own font style, as in
   * citeproc-js. */
  {
    gboolean latin = FALSE;
    for (const char *p = s; *p && !latin; p = g_utf8_next_char (p))
      latin = csl_is_romanesque_char (g_utf8_get_char (p));
    if (!latin)
      blob->decor &= ~(CSL_DECOR_ITALIC | CSL_DECOR_ROMAN);
  }
  return csl_with_affixes (node, blob);
}

/* Terms */

const char *
csl_term (Ctx        *c,
          const char *name,
          const char *form,
          gboolean    plural)
{
  return csl_style_get_term (c->style, name, form, plural);
}
