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

#include "storyline-csl.h"
#include "storyline-csl-case.h"
#include "storyline-csl-output.h"

#include "storyline-csl-resources.h"

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

static CslBlob *render (Ctx *c, CslNode *node);
static CslBlob *render_kids (Ctx *c, CslNode *node, const char *delimiter);

/* Attributes */

static const char *
attr (CslNode    *node,
      const char *name)
{
  return csl_node_get (node, name);
}

static gboolean
attr_is (CslNode    *node,
         const char *name,
         const char *value)
{
  return g_strcmp0 (attr (node, name), value) == 0;
}

/* An inheritable name option: the element, then its area, then the
 * style (where it may have another name). */
static const char *
inherited (Ctx        *c,
           CslNode    *node,
           const char *name,
           const char *outer_name)
{
  const char *v = node ? attr (node, name) : NULL;

  if (v == NULL && c->area)
    v = attr (c->area, outer_name ? outer_name : name);
  if (v == NULL)
    v = attr (csl_style_get_root (c->style), outer_name ? outer_name : name);
  return v;
}

/* Item variables */

static char *
item_string (Ctx        *c,
             const char *variable)
{
  JsonNode *node;

  if (g_str_equal (variable, "locator"))
    return c->locator && *c->locator ? g_strdup (c->locator) : NULL;
  if (g_str_equal (variable, "page-first") && c->item != NULL && !json_object_has_member (c->item, "page-first"))
    {
      /* The first page of the range in "page", as citeproc-js derives it. */
      g_autofree char *page = item_string (c, "page");
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

static JsonArray *
item_names (Ctx        *c,
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

static gboolean
item_date (Ctx        *c,
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

static void
date_clear (Date *d)
{
  g_clear_pointer (&d->literal, g_free);
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
static gboolean
is_multilingual (const char *v)
{
  static const char *const fields[] = {
    "event", "publisher", "publisher-place", "event-place", "title", "container-title",
    "collection-title", "authority", "genre", "title-short", "medium", "country", "jurisdiction",
    "archive", "archive-place",
  };
  return in_list (v, fields, G_N_ELEMENTS (fields));
}

static gboolean
is_number_variable (const char *v)
{
  static const char *const numbers[] = {
    "locator", "volume", "issue", "number-of-volumes", "number-of-pages", "chapter-number",
    "collection-number", "edition", "part-number", "supplement-number", "printing-number",
    "citation-number", "first-reference-note-number",
  };
  return in_list (v, numbers, G_N_ELEMENTS (numbers));
}

static gboolean
has_variable (Ctx        *c,
              const char *v)
{
  /* A variable already used in place of the names still exists for
   * conditions, as in citeproc-js. */
  if (is_name_variable (v))
    return item_names (c, v) != NULL;
  if (is_date_variable (v))
    {
      Date d;
      gboolean has = item_date (c, v, &d);
      date_clear (&d);
      return has;
    }
  {
    g_autofree char *s = item_string (c, v);
    return s != NULL;
  }
}

/* Numbers */

/* CSL's numeric test, as citeproc-js makes it: numbers, each maybe with
 * a letter prefix or suffix, joined by "-", "–", ",", "&" or "and". */
static gboolean
is_numeric (const char *s)
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

static gboolean
is_plural (const char *s)
{
  static GRegex *rx;

  if (g_once_init_enter (&rx))
    g_once_init_leave (&rx, g_regex_new ("\\d\\s*(?:-|–|—|,|&|and)\\s*\\S*\\d", 0, 0, NULL));
  return s != NULL && g_regex_match (rx, s, 0, NULL);
}

static char *
ordinal (Ctx *c,
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

static char *
format_pages (Ctx        *c,
              const char *value)
{
  static GRegex *rx;
  const char *format = attr (csl_style_get_root (c->style), "page-range-format");
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
static void
strip_periods (char *text)
{
  char *w = text;

  for (char *r = text; *r; r++)
    if (*r != '.')
      *w++ = *r;
  *w = '\0';
}

/* Straight quotes and apostrophes become typographic ones. */
static char *
smarten (const char *text)
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

static char *
apply_text_case (gboolean    english,
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
      smart = smarten (text);
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
          g_autofree char *sb = smarten (before);
          csl_blob_add (group, csl_blob_new_text (sb));
        }
      {
        g_autofree char *inner = g_strndup (open + 1, close - open - 1);
        g_autofree char *si = smarten (inner);
        CslBlob *quoted = csl_blob_new_text (si);
        quoted->decor |= CSL_DECOR_QUOTES;
        csl_blob_add (group, quoted);
      }
      p = start = close + 1;
    }
  if (*start)
    {
      g_autofree char *rest = smarten (start);
      csl_blob_add (group, csl_blob_new_text (rest));
    }
  return group;
}

static gboolean is_romanesque_char (gunichar ch);

/* Formatting and affixes of @node onto @blob. */
static CslBlob *
decorate (CslNode *node,
          CslBlob *blob)
{
  const char *v;

  if (blob == NULL)
    return NULL;
  if ((v = attr (node, "font-style")))
    blob->decor |= g_str_equal (v, "italic") || g_str_equal (v, "oblique") ? CSL_DECOR_ITALIC : CSL_DECOR_ROMAN;
  if ((v = attr (node, "font-weight")))
    blob->decor |= g_str_equal (v, "bold") ? CSL_DECOR_BOLD : CSL_DECOR_LIGHT;
  if ((v = attr (node, "font-variant")))
    blob->decor |= g_str_equal (v, "small-caps") ? CSL_DECOR_SMALL_CAPS : CSL_DECOR_NO_CAPS;
  if ((v = attr (node, "text-decoration")))
    blob->decor |= g_str_equal (v, "underline") ? CSL_DECOR_UNDERLINE : CSL_DECOR_NO_DECOR;
  if ((v = attr (node, "vertical-align")))
    blob->decor |= g_str_equal (v, "sup") ? CSL_DECOR_SUPERSCRIPT : g_str_equal (v, "sub") ? CSL_DECOR_SUBSCRIPT : CSL_DECOR_BASELINE;
  if (attr_is (node, "quotes", "true"))
    blob->decor |= CSL_DECOR_QUOTES;
  return blob;
}

/* Affixes go on a group around @blob when @blob has its own already. */
static CslBlob *
with_affixes (CslNode *node,
              CslBlob *blob)
{
  const char *prefix = attr (node, "prefix"), *suffix = attr (node, "suffix");

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
static CslBlob *
text_blob (Ctx        *c,
           CslNode    *node,
           const char *text,
           gboolean    foreign)
{
  g_autofree char *s = NULL;
  CslBlob *blob;

  if (text == NULL || *text == '\0')
    return NULL;
  s = apply_text_case (!foreign, attr (node, "text-case"), text);
  c->rendered = TRUE;
  if (attr_is (node, "strip-periods", "true"))
    strip_periods (s);
  blob = field_blob (s);
  blob->foreign = foreign;
  for (guint i = 0; blob->kids && i < blob->kids->len; i++)
    ((CslBlob *) g_ptr_array_index (blob->kids, i))->foreign = foreign;
  decorate (node, blob);
  /* Scripts without italics (Bengali, Chinese…) are not slanted: a text
   * with no Latin-like letter drops its own font style, as in
   * citeproc-js. */
  {
    gboolean latin = FALSE;
    for (const char *p = s; *p && !latin; p = g_utf8_next_char (p))
      latin = is_romanesque_char (g_utf8_get_char (p));
    if (!latin)
      blob->decor &= ~(CSL_DECOR_ITALIC | CSL_DECOR_ROMAN);
  }
  return with_affixes (node, blob);
}

/* Terms */

static const char *
term (Ctx        *c,
      const char *name,
      const char *form,
      gboolean    plural)
{
  return csl_style_get_term (c->style, name, form, plural);
}

/* <text> */

static CslBlob *
render_text (Ctx     *c,
             CslNode *node)
{
  const char *v;

  if ((v = attr (node, "macro")))
    {
      CslNode *macro = csl_style_get_macro (c->style, v);
      CslBlob *blob;
      const char *text_case = attr (node, "text-case");

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
                      char *cased = apply_text_case (!b->foreign, text_case, b->text);
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
      decorate (node, blob);
      return with_affixes (node, blob);
    }
  if ((v = attr (node, "term")))
    {
      const char *t = term (c, v, attr (node, "form"), attr_is (node, "plural", "true"));
      g_autofree char *first = NULL;

      if (t && *t)
        c->term = TRUE;
      if (t && *t && !c->rendered &&
          !(!c->bibliography && attr_is (csl_style_get_root (c->style), "class", "in-text")))
        t = first = csl_case_capitalize_first (t);
      return text_blob (c, node, t, FALSE);
    }
  if ((v = attr (node, "value")))
    {
      c->term = TRUE;
      return text_blob (c, node, v, FALSE);
    }
  if ((v = attr (node, "variable")))
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
      if (attr_is (node, "form", "short"))
        {
          g_autofree char *short_name = g_strdup_printf ("%s-short", v);
          value = item_string (c, short_name);
        }
      if (value == NULL)
        value = item_string (c, variable);
      if (value == NULL)
        return NULL;
      if (c->in_substitute)
        g_hash_table_add (c->done, g_strdup (v));
      c->found = TRUE;
      if (g_str_equal (v, "page") || (g_str_equal (v, "locator") && g_strcmp0 (c->label, "page") == 0))
        {
          char *pages = format_pages (c, value);
          g_free (value);
          value = pages;
        }
      else if (is_number_variable (v) && is_numeric (value))
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
          decorate (node, blob);
          return with_affixes (node, blob);
        }
      blob = text_blob (c, node, value, !c->english && is_multilingual (v));
      if (blob && (g_str_equal (v, "page") || g_str_equal (v, "locator") || g_str_equal (v, "volume") ||
                   g_str_equal (v, "issue") || g_str_equal (v, "number")) && is_numeric (value))
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
  const char *v = attr (node, "variable");
  const char *form = attr (node, "form");
  g_autofree char *value = NULL;
  g_autofree char *out = NULL;
  CslBlob *blob;

  if (v == NULL)
    return NULL;
  c->attempted = TRUE;
  if (g_hash_table_contains (c->done, v) || (value = item_string (c, v)) == NULL)
    return NULL;
  c->found = TRUE;
  if (is_numeric (value) && g_ascii_isdigit (value[0]) && strspn (value, "0123456789") == strlen (value))
    {
      int n = atoi (value);

      if (g_strcmp0 (form, "ordinal") == 0)
        out = ordinal (c, n, FALSE);
      else if (g_strcmp0 (form, "long-ordinal") == 0)
        out = ordinal (c, n, TRUE);
      else if (g_strcmp0 (form, "roman") == 0)
        out = roman (n);
      else
        out = g_strdup_printf ("%d", n);
    }
  else if (g_str_equal (v, "page"))
    out = format_pages (c, value);
  else if (is_numeric (value))
    {
      g_autoptr(GString) s = g_string_new (value);
      g_string_replace (s, "-", "–", 0);
      out = g_strdup (s->str);
    }
  else
    out = g_strdup (value);
  blob = text_blob (c, node, out, FALSE);
  if (blob && is_numeric (value))
    blob->number = TRUE;
  return blob;
}

/* <label> */

static CslBlob *
render_label (Ctx        *c,
              CslNode    *node,
              const char *variable,
              int         count)
{
  const char *v = variable ? variable : attr (node, "variable");
  const char *plural_attr = attr (node, "plural");
  const char *name;
  g_autofree char *value = NULL;
  gboolean plural;
  const char *t;

  if (v == NULL)
    return NULL;
  if (count < 0)
    {
      if (g_hash_table_contains (c->done, v) || (value = item_string (c, v)) == NULL)
        return NULL;
      if (g_str_equal (v, "number-of-pages") || g_str_equal (v, "number-of-volumes"))
        plural = atoi (value) > 1;
      else
        plural = is_plural (value);
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
  t = term (c, name, attr (node, "form"), plural);
  return text_blob (c, node, t, FALSE);
}

/* <date> */

static char *
format_date_part (Ctx     *c,
                  CslNode *part,
                  int      which,
                  int      value,
                  int      season)
{
  const char *form = attr (part, "form");

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
          t = term (c, key, "long", FALSE);
          return g_strdup (t ? t : "");
        }
      if (g_strcmp0 (form, "numeric") == 0)
        return g_strdup_printf ("%d", value);
      if (g_strcmp0 (form, "numeric-leading-zeros") == 0)
        return g_strdup_printf ("%02d", value);
      key = g_strdup_printf ("month-%02d", value);
      t = term (c, key, g_strcmp0 (form, "short") == 0 ? "short" : "long", FALSE);
      return g_strdup (t ? t : "");
    }
  if (g_strcmp0 (form, "numeric-leading-zeros") == 0)
    return g_strdup_printf ("%02d", value);
  if (g_strcmp0 (form, "ordinal") == 0 && (!csl_style_limit_day_ordinals (c->style) || value == 1))
    return ordinal (c, value, FALSE);
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
  const char *v = p->local ? attr (p->local, name) : NULL;
  return v ? v : attr (p->part, name);
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
    CslNode *form_node = (p->local && attr (p->local, "form")) ? p->local : p->part;
    text = format_date_part (c, form_node, p->which, value, season);
  }
  if (*text == '\0')
    return NULL;
  {
    const char *text_case = part_attr (p, "text-case");
    char *cased = apply_text_case (TRUE, text_case, text);
    g_free (text);
    text = cased;
  }
  if (g_strcmp0 (part_attr (p, "strip-periods"), "true") == 0)
    strip_periods (text);
  blob = csl_blob_new_text (text);
  decorate (fmt, blob);
  csl_blob_set_affixes (blob, with_prefix ? attr (p->part, "prefix") : NULL,
                        with_suffix ? attr (p->part, "suffix") : NULL);
  return blob;
}

static CslBlob *
render_date (Ctx     *c,
             CslNode *node)
{
  const char *variable = attr (node, "variable");
  const char *form = attr (node, "form");
  const char *wanted = attr (node, "date-parts");
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
  if (!item_date (c, variable, &d))
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
          if (attr_is (g_ptr_array_index (node->kids, i), "name", "year"))
            has_year = TRUE;
      if (form != NULL)
        has_year = TRUE;
      if (!has_year)
        {
          date_clear (&d);
          return NULL;
        }
      c->rendered = TRUE;
      blob = csl_blob_new_text (d.literal);
      date_clear (&d);
      decorate (node, blob);
      return with_affixes (node, blob);
    }

  if (form != NULL)
    format = csl_style_get_date_format (c->style, form);
  if (format == NULL)
    return NULL;
  for (guint i = 0; i < format->kids->len; i++)
    {
      CslNode *k = g_ptr_array_index (format->kids, i);
      const char *name = attr (k, "name");
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
              if (csl_node_is (l, "date-part") && attr_is (l, "name", name))
                p.local = l;
            }
        }
      g_array_append_val (parts, p);
    }

  out = csl_blob_new_group ();
  if (form == NULL && attr (node, "delimiter"))
    {
      g_free (out->delimiter);
      out->delimiter = g_strdup (attr (node, "delimiter"));
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
                csl_blob_set_affixes (range, attr (g_array_index (shown, Part, first).part, "prefix"),
                                      attr (g_array_index (shown, Part, last).part, "suffix"));
                csl_blob_add (out, range);
              }
          }
      }
  }
  date_clear (&d);
  if (csl_blob_is_empty (out))
    {
      csl_blob_free (out);
      return NULL;
    }
  c->rendered = TRUE;
  decorate (node, out);
  return with_affixes (node, out);
}

/* <names> */

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

static void
name_clear (Name *n)
{
  g_free (n->family);
  g_free (n->given);
  g_free (n->dropping);
  g_free (n->non_dropping);
  g_free (n->suffix);
  g_free (n->literal);
}

static char *
member (JsonObject *o,
        const char *key)
{
  JsonNode *n = json_object_has_member (o, key) ? json_object_get_member (o, key) : NULL;

  if (n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING &&
      *json_node_get_string (n))
    return smarten (json_node_get_string (n));
  return NULL;
}

static gboolean
starts_lower (const char *s)
{
  while (*s && strchr ("-'’ \u02bb", *s))
    s++;
  if (g_str_has_prefix (s, "’"))
    s += strlen ("’");
  return *s && g_unichar_islower (g_utf8_get_char (s));
}

/* Particles left in the family and given names, as citeproc-js finds
 * them: lowercase words at the start of the family name ("van Gogh",
 * "d’Souza"), at the end of the given name ("Nadeem ul"). */
static void
parse_particles (Name *n)
{
  /* family */
  {
    GString *particles = g_string_new (NULL);
    const char *p = n->family;

    for (;;)
      {
        const char *q = p;
        const char *end = NULL;

        while (*q && *q != ' ' && *q != '-' && *q != '\'' && !g_str_has_prefix (q, "’") && !g_str_has_prefix (q, "\u02bb"))
          q++;
        if (!*q)
          break;
        if (g_str_has_prefix (q, "’"))
          end = q + strlen ("’");
        else if (g_str_has_prefix (q, "\u02bb"))
          end = q + strlen ("\u02bb");
        else
          end = q + 1;
        while (*end == ' ')
          end++;
        if (!*end)
          break;
        {
          g_autofree char *word = g_strndup (p, end - p);
          if (!starts_lower (word))
            break;
          g_string_append (particles, word);
        }
        p = end;
      }
    if (particles->len)
      {
        char *rest = g_strdup (p);
        char *trimmed = g_strdup (particles->str);
        gsize tl = strlen (trimmed);
        gboolean keep_space = tl && trimmed[tl - 1] == ' ';

        g_strstrip (trimmed);
        if (keep_space && (g_str_has_suffix (trimmed, "'") || g_str_has_suffix (trimmed, "’")))
          {
            char *t = g_strconcat (trimmed, " ", NULL);
            g_free (trimmed);
            trimmed = t;
          }
        g_free (n->family);
        n->family = rest;
        n->non_dropping = trimmed;
      }
    g_string_free (particles, TRUE);
  }
  /* given: lowercase words at its end */
  if (n->given)
    {
      g_auto(GStrv) words = g_strsplit (n->given, " ", -1);
      guint count = g_strv_length (words);
      guint keep = count;

      while (keep > 1 && *words[keep - 1] && starts_lower (words[keep - 1]))
        keep--;
      if (keep < count)
        {
          GString *given = g_string_new (NULL);

          for (guint i = 0; i < keep; i++)
            g_string_append_printf (given, "%s%s", i ? " " : "", words[i]);
          g_free (n->given);
          n->given = g_string_free (given, FALSE);
          n->dropping = g_strjoinv (" ", words + keep);
        }
    }
}

static void
read_name (JsonNode *node,
           Name     *n)
{
  JsonObject *o;

  memset (n, 0, sizeof *n);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  o = json_node_get_object (node);
  n->family = member (o, "family");
  n->given = member (o, "given");
  n->literal = member (o, "literal");
  n->dropping = member (o, "dropping-particle");
  n->non_dropping = member (o, "non-dropping-particle");
  n->suffix = member (o, "suffix");
  if (json_object_has_member (o, "comma-suffix"))
    n->comma_suffix = json_node_get_boolean (json_object_get_member (o, "comma-suffix"));
  if (n->family == NULL && n->literal == NULL && n->given != NULL)
    {
      n->literal = n->given;
      n->given = NULL;
    }
  if (n->family && n->non_dropping == NULL && n->given)
    parse_particles (n);
}

static gboolean
is_romanesque_char (gunichar ch)
{
  return ch == '-' || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
         (ch >= 0x0e01 && ch <= 0x0e5b) || (ch >= 0x00c0 && ch <= 0x017f) || (ch >= 0x0370 && ch <= 0x03ff) ||
         (ch >= 0x0400 && ch <= 0x052f) || (ch >= 0x0590 && ch <= 0x05d4) || (ch >= 0x05d6 && ch <= 0x05ff) ||
         (ch >= 0x1f00 && ch <= 0x1fff) || (ch >= 0x0600 && ch <= 0x06ff) || ch == 0x200c || ch == 0x200d ||
         ch == 0x200e || (ch >= 0x0218 && ch <= 0x021b) || (ch >= 0x202a && ch <= 0x202e);
}

static gboolean
starts_romanesque (const char *s)
{
  gunichar ch;

  if (s == NULL || !*s)
    return FALSE;
  ch = g_utf8_get_char (s);
  return ch == '&' || (is_romanesque_char (ch) && ch != '-' && !(ch >= '0' && ch <= '9'));
}

/* 0: no Latin-like letters at all; 1: mixed; 2: Latin-like. */
static int
romanesque (Ctx  *c,
            Name *n)
{
  gboolean any = FALSE;

  for (const char *p = n->family ? n->family : ""; *p; p = g_utf8_next_char (p))
    if (is_romanesque_char (g_utf8_get_char (p)))
      any = TRUE;
  if (!any)
    return n->given && starts_romanesque (n->given) ? 1 : 0;
  {
    g_autofree char *language = item_string (c, "language");
    if (language && (g_ascii_strncasecmp (language, "ja", 2) == 0 || g_ascii_strncasecmp (language, "zh", 2) == 0))
      return 1;
  }
  return 2;
}

/* Given names as initials, by citeproc-js's rules: "Nur-Jahan" →
 * "N.-J.", "Ji-hoon" → "J.", "Md. Abdul" → "Md. A.". */
static char *
initialize (const char *given,
            const char *with,
            gboolean    normalize_only)
{
  static GRegex *initial;
  g_autoptr(GString) name = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) out = NULL;

  if (given == NULL || !*given)
    return g_strdup ("");
  if (!starts_romanesque (given))
    return g_strdup (given);
  if (g_once_init_enter (&initial))
    g_once_init_leave (&initial, g_regex_new ("^([A-Z\\x{0e01}-\\x{0e5b}\\x{00c0}-\\x{017f}\\x{0400}-\\x{042f}\\x{0590}-\\x{05d4}\\x{05d6}-\\x{05ff}\\x{0600}-\\x{06ff}\\x{0370}\\x{0372}\\x{0376}\\x{0386}\\x{0388}-\\x{03ab}\\x{03e2}\\x{03e4}\\x{03e6}\\x{03e8}\\x{03ea}\\x{03ec}\\x{03ee}\\x{03f4}\\x{03f7}\\x{03fd}-\\x{03ff}])"
                                              "([a-zA-Z\\x{0e01}-\\x{0e5b}\\x{00c0}-\\x{017f}\\x{0400}-\\x{052f}\\x{0600}-\\x{06ff}\\x{0370}-\\x{03ff}\\x{1f00}-\\x{1fff}]*|)(\\.)*",
                                              0, 0, NULL));

  /* Spaces around hyphens go; a hyphen before a lowercase letter is
   * kept apart (an en dash for now); a period gets a space after it. */
  name = g_string_new (NULL);
  for (const char *p = given; *p; p++)
    {
      if (*p == ' ' && (p[1] == '-' || (name->len && name->str[name->len - 1] == '-')))
        continue;
      if (*p == ' ' && name->len && name->str[name->len - 1] == ' ')
        continue;
      if (*p == '-' && g_ascii_islower (p[1]))
        {
          g_string_append (name, "–");
          continue;
        }
      g_string_append_c (name, *p);
      if (*p == '.' && p[1] && p[1] != ' ')
        g_string_append_c (name, ' ');
    }

  /* Split into names and the separators between them ("-" or " "). */
  list = g_ptr_array_new_with_free_func (g_free);
  {
    const char *p = name->str, *start = name->str;

    while (*p)
      {
        if (*p == ' ' || *p == '-')
          {
            const char *sep = p;
            g_ptr_array_add (list, g_strndup (start, p - start));
            while (*p == ' ' || *p == '-')
              p++;
            g_ptr_array_add (list, g_strndup (sep, p - sep));
            start = p;
          }
        else
          p++;
      }
    g_ptr_array_add (list, g_strndup (start, p - start));
  }
  /* A last name of one capital letter gets its period. */
  {
    char *first = g_ptr_array_index (list, 0);
    const char *dot = strrchr (first, '.');
    const char *tail = dot ? dot + 1 : first;

    if (g_utf8_strlen (tail, -1) == 1 && g_unichar_isupper (g_utf8_get_char (tail)) && list->len == 1)
      {
        char *with_dot = g_strconcat (first, ".", NULL);
        g_free (list->pdata[0]);
        list->pdata[0] = with_dot;
      }
  }

  if (normalize_only)
    {
      g_autoptr(GArray) abbrev = g_array_new (FALSE, FALSE, sizeof (gboolean));

      for (guint i = 0; i < list->len; i += 1)
        {
          char *n = g_ptr_array_index (list, i);
          gboolean a = FALSE;

          if (i % 2 == 0)
            {
              gsize len = g_utf8_strlen (n, -1);
              if (len > 1 && g_str_has_suffix (n, "."))
                {
                  char *dot = strrchr (n, '.');
                  memmove (dot, dot + 1, strlen (dot + 1) + 1);
                  a = TRUE;
                }
              else if (len == 1 && g_unichar_isupper (g_utf8_get_char (n)))
                a = TRUE;
            }
          g_array_append_val (abbrev, a);
        }
      for (guint i = 0; i < list->len; i += 2)
        {
          if (!g_array_index (abbrev, gboolean, i))
            continue;
          if (i + 2 < list->len)
            {
              char *sep = g_ptr_array_index (list, i + 1);
              char *next = g_ptr_array_index (list, i + 2);
              g_autofree char *with_trimmed = g_strdup (with);
              char *joined;

              if (!g_array_index (abbrev, gboolean, i + 2))
                {
                  char *spaced = g_strconcat (strchr (sep, '-') ? "-" : "", " ", NULL);
                  g_free (list->pdata[i + 1]);
                  list->pdata[i + 1] = spaced;
                  sep = spaced;
                }
              if (g_utf8_strlen (next, -1) > 1)
                joined = g_strconcat (g_strchomp (with_trimmed), sep, NULL);
              else
                joined = g_strconcat (with, "", NULL);
              if (strchr (sep, '-') && g_utf8_strlen (next, -1) <= 1)
                {
                  g_free (joined);
                  joined = g_strconcat (g_strchomp (with_trimmed), "-", NULL);
                }
              g_free (list->pdata[i + 1]);
              list->pdata[i + 1] = joined;
            }
          if (i == list->len - 1)
            {
              char *n = g_strconcat (g_ptr_array_index (list, i), with, NULL);
              g_free (list->pdata[i]);
              list->pdata[i] = n;
            }
        }
    }
  else
    {
      for (guint i = 0; i < list->len; i += 2)
        {
          const char *n = g_ptr_array_index (list, i);
          g_autoptr(GMatchInfo) m = NULL;

          if (!*n)
            continue;
          if (g_regex_match (initial, n, 0, &m))
            {
              g_autofree char *m1 = g_match_info_fetch (m, 1);
              g_autofree char *m2 = g_match_info_fetch (m, 2);
              g_autofree char *m3 = g_match_info_fetch (m, 3);
              g_autofree char *extra = NULL;

              if (m2 && *m2 && m3 && *m3)
                {
                  char *joined = g_strconcat (m1, m2, NULL);
                  g_free (m1);
                  m1 = joined;
                  g_free (m2);
                  m2 = g_strdup ("");
                }
              /* Capitals after the initial ("MD" → "Md"). */
              if (m2 && *m2)
                {
                  GString *caps = g_string_new (NULL);
                  const char *p = m2;
                  while (*p && g_unichar_isupper (g_utf8_get_char (p)))
                    {
                      g_string_append_unichar (caps, g_utf8_get_char (p));
                      p = g_utf8_next_char (p);
                    }
                  if (*p)
                    extra = g_utf8_strdown (caps->str, -1);
                  g_string_free (caps, TRUE);
                }
              g_free (list->pdata[i]);
              list->pdata[i] = g_strconcat (m1, extra ? extra : "", NULL);
              if (i < list->len - 1)
                {
                  char *sep = g_ptr_array_index (list, i + 1);
                  char *joined;

                  if (strchr (sep, '-'))
                    {
                      g_autofree char *with_trimmed = g_strdup (with);
                      joined = g_strconcat (g_strchomp (with_trimmed), "-", NULL);
                    }
                  else
                    joined = g_strdup (with);
                  g_free (list->pdata[i + 1]);
                  list->pdata[i + 1] = joined;
                }
              else
                g_ptr_array_add (list, g_strdup (with));
            }
          else
            {
              /* A name that is not an initial-able word stays whole,
               * after a space. */
              char *spaced = g_strconcat (" ", n, NULL);
              g_free (list->pdata[i]);
              list->pdata[i] = spaced;
            }
        }
    }

  out = g_string_new (NULL);
  for (guint i = 0; i < list->len; i++)
    g_string_append (out, g_ptr_array_index (list, i));
  /* Trailing space off, spaces around hyphens off, runs of spaces one. */
  {
    g_autoptr(GString) clean = g_string_new (NULL);
    for (const char *p = out->str; *p; p++)
      {
        if (*p == ' ' && (p[1] == ' ' || p[1] == '-' || p[1] == '\0'))
          continue;
        if (*p == ' ' && clean->len && clean->str[clean->len - 1] == '-')
          continue;
        g_string_append_c (clean, *p);
      }
    while (clean->len && clean->str[clean->len - 1] == ' ')
      g_string_truncate (clean, clean->len - 1);
    g_string_replace (clean, "–", "-", 0);
    /* a leading space from a whole word at the start */
    while (clean->len && clean->str[0] == ' ')
      g_string_erase (clean, 0, 1);
    return g_strdup (clean->str);
  }
}

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
  const char *form = inherited (c, node, "form", "name-form");
  gboolean short_form = g_strcmp0 (form, "short") == 0;
  const char *initialize_with = inherited (c, node, "initialize-with", NULL);
  gboolean initialize_on = g_strcmp0 (inherited (c, node, "initialize", NULL), "false") != 0;
  const char *sort_sep = inherited (c, node, "sort-separator", NULL);
  const char *demote = attr (csl_style_get_root (c->style), "demote-non-dropping-particle");
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

  roman = romanesque (c, n);
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
        given = initialize (n->given, initialize_with, !initialize_on);
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
      suffix = initialize_with ? initialize (n->suffix, initialize_with, TRUE) : g_strdup (n->suffix);
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
  const char *and = inherited (c, node, "and", NULL);
  const char *delimiter = inherited (c, node, "delimiter", "name-delimiter");
  const char *dpl = inherited (c, node, "delimiter-precedes-last", NULL);
  const char *dpea = inherited (c, node, "delimiter-precedes-et-al", NULL);
  const char *as_sort = inherited (c, node, "name-as-sort-order", NULL);
  gboolean use_last = g_strcmp0 (inherited (c, node, "et-al-use-last", NULL), "true") == 0;
  const char *form = inherited (c, node, "form", "name-form");
  guint shown = n;
  gboolean truncated = FALSE;
  CslBlob *group;
  gboolean prev_inverted = FALSE;
  const char *and_term = NULL;

  if (delimiter == NULL)
    delimiter = ", ";
  et_al_min_s = inherited (c, node, "et-al-min", NULL);
  et_al_use_first_s = inherited (c, node, "et-al-use-first", NULL);
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
    and_term = term (c, "and", "long", FALSE);
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

      read_name (json_array_get_element (list, i), &name);
      text = format_name (c, layout, &name, inverted, &was_inverted);
      name_clear (&name);
      if (*text == '\0')
        continue;
      blob = csl_blob_new_text (text);
      if (node)
        decorate (node, blob);
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
                  const char *outer = inherited (c, NULL, "delimiter-precedes-last", NULL);
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

          read_name (json_array_get_element (list, n - 1), &name);
          text = format_name (c, layout, &name, g_strcmp0 (as_sort, "all") == 0, &was_inverted);
          name_clear (&name);
          blob = csl_blob_new_text (text);
          if (node)
            decorate (node, blob);
          csl_blob_set_affixes (blob, sep, NULL);
          csl_blob_add (group, blob);
        }
      else
        {
          const char *et_al_term = layout->et_al && attr (layout->et_al, "term") ? attr (layout->et_al, "term") : "et-al";
          const char *t = term (c, et_al_term, "long", FALSE);

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
                decorate (layout->et_al, blob);
              {
                g_autofree char *sep = g_strdup (delim ? delimiter : " ");
                if (layout->et_al && (attr (layout->et_al, "prefix") || attr (layout->et_al, "suffix")))
                  {
                    CslBlob *wrap = csl_blob_new_group ();
                    csl_blob_add (wrap, blob);
                    csl_blob_set_affixes (wrap, sep, NULL);
                    csl_blob_set_affixes (blob, attr (layout->et_al, "prefix"), attr (layout->et_al, "suffix"));
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
      const char *prefix = attr (node, "prefix"), *suffix = attr (node, "suffix");
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

static gboolean test_condition (Ctx *c, CslNode *node);

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
              if (csl_node_is (b, "else") || test_condition (c, b))
                branch = b;
            }
          out = branch ? substitute_first (c, branch) : NULL;
        }
      else
        out = render (c, k);
      if (out != NULL && !csl_blob_is_empty (out))
        return out;
      csl_blob_free (out);
      c->attempted = TRUE;
      c->found = found;
    }
  return NULL;
}

static CslBlob *
render_names (Ctx     *c,
              CslNode *node)
{
  const char *variables = attr (node, "variable");
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
  delimiter = attr (node, "delimiter");
  if (delimiter == NULL)
    delimiter = inherited (c, NULL, "names-delimiter", NULL);
  g_free (out->delimiter);
  out->delimiter = g_strdup (delimiter ? delimiter : "");

  for (guint i = 0; vars[i]; i++)
    {
      if (g_str_equal (vars[i], "editor") && !g_hash_table_contains (c->done, "editor"))
        editor = item_names (c, "editor");
      if (g_str_equal (vars[i], "translator") && !g_hash_table_contains (c->done, "translator"))
        translator = item_names (c, "translator");
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
      if (g_hash_table_contains (c->done, v) || (list = item_names (c, v)) == NULL)
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
      if (layout.label && !(layout.name && attr_is (layout.name, "form", "count")))
        {
          CslBlob *label = render_label (c, layout.label, label_var, (int) json_array_get_length (list));

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
      decorate (node, out);
      return with_affixes (node, out);
    }
  decorate (node, out);
  return with_affixes (node, out);
}

/* <choose> */

static gboolean
test_condition (Ctx     *c,
                CslNode *node)
{
  const char *match = attr (node, "match");
  gboolean any = g_strcmp0 (match, "any") == 0, none = g_strcmp0 (match, "none") == 0;
  gboolean all_true = TRUE, any_true = FALSE, tested = FALSE;
  static const char *const kinds[] = { "type", "variable", "is-numeric", "is-uncertain-date", "locator",
                                       "position", "disambiguate" };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const char *values = attr (node, kinds[k]);
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
                g_autofree char *type = item_string (c, "type");
                r = g_strcmp0 (type, v) == 0;
              }
              break;
            case 1:
              r = has_variable (c, v);
              break;
            case 2:
              {
                g_autofree char *value = item_string (c, v);
                r = is_numeric (value);
              }
              break;
            case 3:
              {
                Date d;
                r = item_date (c, v, &d) && d.circa;
                date_clear (&d);
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

      if (csl_node_is (branch, "else") || test_condition (c, branch))
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
  blob = render_kids (c, node, attr (node, "delimiter"));
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
  decorate (node, blob);
  return with_affixes (node, blob);
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
      CslBlob *kid = render (c, kid_node);

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

static CslBlob *
render (Ctx     *c,
        CslNode *node)
{
  if (csl_node_is (node, "text"))
    return render_text (c, node);
  if (csl_node_is (node, "group"))
    return render_group (c, node);
  if (csl_node_is (node, "choose"))
    return render_choose (c, node);
  if (csl_node_is (node, "names"))
    return render_names (c, node);
  if (csl_node_is (node, "date"))
    return render_date (c, node);
  if (csl_node_is (node, "number"))
    return render_number (c, node);
  if (csl_node_is (node, "label"))
    return render_label (c, node, NULL, -1);
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
  language = item_string (&c, "language");
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
      if (attr (layout, "prefix") && root->kids->len)
        csl_blob_prepend_prefix (g_ptr_array_index (root->kids, 0), attr (layout, "prefix"));
      g_free (root->suffix);
      root->suffix = g_strdup (attr (layout, "suffix") ? attr (layout, "suffix") : "");
      decorate (layout, root);
      csl_blob_adjust (root, csl_style_punctuation_in_quote (style));
    }
  else
    {
      csl_blob_adjust (body, csl_style_punctuation_in_quote (style));
      root = csl_blob_new_group ();
      csl_blob_add (root, body);
      csl_blob_set_affixes (root, attr (layout, "prefix"), attr (layout, "suffix"));
      decorate (layout, root);
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
  if (is_numeric (text))
    *label = g_strdup ("page");
  *value = g_strdup (text);
}
