/* storyline-export.c: a story written in other formats
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "storyline-citation.h"
#include "storyline-export.h"
#include "storyline-import.h"
#include "storyline-export-private.h"
#include "storyline-fidelity.h"
#include "storyline-story.h"
#include "storyline-writer.h"

/* Each format writes the story to @out; @style is for the formats that
 * cite (the Markdown chronology's footnotes). */
typedef void (*ExportFunc) (StorylineStory         *story,
                            StorylineCitationStyle  style,
                            GString                *out);

/* quote-diff: QUOTE-ID, SOURCE-ID, VERDICT, the word diff on the rendition
 * as printed, and the lesser differences (comma-separated), tab-separated,
 * one line per rendition, for fact-checkers' scripts. The ids and the diff
 * hold no tab or line break: the diff's white space is folded. */
static void
export_quote_diff (StorylineStory         *story,
                   StorylineCitationStyle  style,
                   GString                *out)
{
  GPtrArray *quotes = storyline_story_get_quotes (story);

  for (guint i = 0; i < quotes->len; i++)
    {
      StorylineQuote *quote = quotes->pdata[i];

      for (guint j = 0; j < storyline_quote_get_n_renditions (quote); j++)
        {
          StorylineRendition *rendition = storyline_quote_get_rendition (quote, j);
          g_autoptr(StorylineFidelity) fidelity = storyline_fidelity_compare_in_language (storyline_quote_get_text (quote),
                                                                                         storyline_rendition_get_text (rendition),
                                                                                         storyline_quote_get_text_language (quote));
          g_autofree char *diff = storyline_fidelity_to_word_diff (fidelity);
          g_autofree char *lesser = storyline_fidelity_differences_to_string (fidelity);

          g_string_append_printf (out, "%s\t%s\t%s\t%s\t%s\n",
                                  storyline_quote_get_id (quote),
                                  storyline_source_get_id (storyline_rendition_get_source (rendition)),
                                  storyline_verdict_to_string (fidelity->verdict),
                                  diff, lesser);
        }
    }
}

/* Shared pieces */

static void
append_date_parts (JsonBuilder             *b,
                   const StorylineDatePoint *p)
{
  json_builder_begin_array (b);
  json_builder_add_int_value (b, p->year);
  if (p->precision >= STORYLINE_DATE_PRECISION_MONTH)
    json_builder_add_int_value (b, p->month);
  if (p->precision >= STORYLINE_DATE_PRECISION_DAY)
    json_builder_add_int_value (b, p->day);
  json_builder_end_array (b);
}

/* A CSL date object: one or two parts arrays; "circa" when approximate. */
static void
add_csl_date (JsonBuilder         *b,
              const StorylineDate *date)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "date-parts");
  json_builder_begin_array (b);
  append_date_parts (b, &date->start);
  if (date->kind != STORYLINE_DATE_KIND_SINGLE)
    append_date_parts (b, &date->end);
  json_builder_end_array (b);
  if ((date->start.qualifiers | date->end.qualifiers) & STORYLINE_DATE_QUALIFIER_APPROXIMATE)
    {
      json_builder_set_member_name (b, "circa");
      json_builder_add_boolean_value (b, TRUE);
    }
  json_builder_end_object (b);
}

/* What @b built, indented, and a final newline. */
static void
append_json (JsonBuilder *b,
             GString     *out)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

/* csl-json: the sources as CSL-JSON items, as the story holds them, with
 * dates written as CSL date objects so that any CSL processor reads them. */
static void
export_csl_json (StorylineStory         *story,
                 StorylineCitationStyle  style,
                 GString                *out)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < storyline_story_get_sources (story)->len; i++)
    {
      StorylineSource *source = g_ptr_array_index (storyline_story_get_sources (story), i);
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      json_builder_begin_object (b);
      json_object_iter_init (&iter, storyline_source_get_item (source));
      while (json_object_iter_next (&iter, &key, &value))
        {
          json_builder_set_member_name (b, key);
          if (g_str_equal (key, "issued") && storyline_date_is_set (storyline_source_get_issued (source)))
            add_csl_date (b, storyline_source_get_issued (source));
          else if (g_str_equal (key, "accessed") && storyline_date_is_set (storyline_source_get_accessed (source)))
            add_csl_date (b, storyline_source_get_accessed (source));
          else
            json_builder_add_value (b, json_node_copy (value));
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  append_json (b, out);
}

/* BibTeX: special characters escaped, capitals protected by braces,
 * everything else kept in UTF-8 (biber and bibtex8 read it). */
static void
append_bibtex_text (GString    *out,
                    const char *text)
{
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '&': case '%': case '$': case '#': case '_': case '{': case '}':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        case '~':
          g_string_append (out, "\\textasciitilde{}");
          break;
        case '^':
          g_string_append (out, "\\textasciicircum{}");
          break;
        case '\\':
          g_string_append (out, "\\textbackslash{}");
          break;
        case '\n':
        case '\r':
        case '\t':
          g_string_append_c (out, ' ');
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

static void
bibtex_field (GString    *out,
              const char *name,
              const char *value,
              gboolean    protect_case)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (out, ",\n  %s = {", name);
  if (protect_case)
    g_string_append_c (out, '{');
  append_bibtex_text (out, value);
  if (protect_case)
    g_string_append_c (out, '}');
  g_string_append_c (out, '}');
}

static const char *
bibtex_type (const char *csl_type)
{
  if (g_str_equal (csl_type, "article-newspaper") || g_str_equal (csl_type, "article-magazine") ||
      g_str_equal (csl_type, "article-journal") || g_str_equal (csl_type, "article"))
    return "article";
  if (g_str_equal (csl_type, "report"))
    return "techreport";
  if (g_str_equal (csl_type, "book"))
    return "book";
  return "misc";
}

static char *
bibtex_key (const char *id)
{
  GString *key = g_string_new (NULL);

  for (const char *p = id; *p; p++)
    g_string_append_c (key, g_ascii_isalnum (*p) || strchr ("-_:.", *p) ? *p : '-');
  return g_string_free (key, FALSE);
}

static void
export_bibtex (StorylineStory         *story,
               StorylineCitationStyle  style,
               GString                *out)
{
  static const char *months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec" };

  for (guint i = 0; i < storyline_story_get_sources (story)->len; i++)
    {
      StorylineSource *s = g_ptr_array_index (storyline_story_get_sources (story), i);
      g_autofree char *key = bibtex_key (storyline_source_get_id (s));
      const char *type = bibtex_type (storyline_source_get_source_type (s));
      g_autoptr(GString) authors = g_string_new (NULL);

      g_string_append_printf (out, "%s@%s{%s", i ? "\n" : "", type, key);

      for (guint j = 0; j < storyline_source_get_n_authors (s); j++)
        {
          const StorylineName *n = storyline_source_get_author (s, j);

          if (j > 0)
            g_string_append (authors, " and ");
          /* An organization in double braces, so it is not split into names. */
          if (n->literal != NULL)
            {
              g_string_append_c (authors, '{');
              append_bibtex_text (authors, n->literal);
              g_string_append_c (authors, '}');
            }
          else
            {
              if (n->non_dropping_particle != NULL)
                g_string_append_printf (authors, "%s ", n->non_dropping_particle);
              append_bibtex_text (authors, n->family);
              if (n->given != NULL)
                {
                  g_string_append (authors, ", ");
                  append_bibtex_text (authors, n->given);
                }
            }
        }
      if (authors->len > 0)
        g_string_append_printf (out, ",\n  author = {%s}", authors->str);

      bibtex_field (out, "title", storyline_source_get_title (s), TRUE);
      if (g_str_equal (type, "article"))
        bibtex_field (out, "journal", storyline_source_get_container_title (s), TRUE);
      else if (storyline_source_get_container_title (s) != NULL)
        bibtex_field (out, "howpublished", storyline_source_get_container_title (s), TRUE);
      if (g_str_equal (type, "techreport"))
        bibtex_field (out, "institution", storyline_source_get_publisher (s) ? storyline_source_get_publisher (s) :
                      (storyline_source_get_n_authors (s) ? storyline_source_get_author (s, 0)->literal : NULL), TRUE);
      else
        bibtex_field (out, "publisher", storyline_source_get_publisher (s), TRUE);
      bibtex_field (out, "address", storyline_source_get_publisher_place (s), FALSE);
      if (storyline_source_get_genre (s) != NULL)
        bibtex_field (out, "type", storyline_source_get_genre (s), FALSE);

      if (storyline_date_is_set (storyline_source_get_issued (s)))
        {
          const StorylineDatePoint *d = &storyline_source_get_issued (s)->start;
          g_string_append_printf (out, ",\n  year = {%d}", d->year);
          if (d->precision >= STORYLINE_DATE_PRECISION_MONTH)
            g_string_append_printf (out, ",\n  month = %s", months[d->month - 1]);
          if (d->precision >= STORYLINE_DATE_PRECISION_DAY)
            g_string_append_printf (out, ",\n  day = {%u}", d->day);
        }
      if (storyline_date_is_set (storyline_source_get_accessed (s)) && storyline_source_get_accessed (s)->start.precision == STORYLINE_DATE_PRECISION_DAY)
        g_string_append_printf (out, ",\n  urldate = {%04d-%02u-%02u}", storyline_source_get_accessed (s)->start.year,
                                storyline_source_get_accessed (s)->start.month, storyline_source_get_accessed (s)->start.day);
      if (storyline_source_get_url (s) != NULL)
        {
          /* url is verbatim in BibTeX: only braces and spaces need care. */
          g_autoptr(GString) url = g_string_new (NULL);
          for (const char *p = storyline_source_get_url (s); *p; p++)
            if (*p != '{' && *p != '}' && !g_ascii_isspace (*p))
              g_string_append_c (url, *p);
          g_string_append_printf (out, ",\n  url = {%s}", url->str);
        }
      bibtex_field (out, "language", storyline_source_get_language (s), FALSE);
      bibtex_field (out, "note", storyline_source_get_note (s), FALSE);
      g_string_append (out, "\n}\n");
    }
}

/* RIS: one tag a line, "TY  - " to "ER  - ". */
static const char *
ris_type (const char *csl_type)
{
  static const char *map[][2] = {
    { "article-newspaper", "NEWS" }, { "article-magazine", "MGZN" }, { "article-journal", "JOUR" },
    { "report", "RPRT" }, { "webpage", "ELEC" }, { "post", "ELEC" }, { "post-weblog", "BLOG" },
    { "broadcast", "MPCT" }, { "interview", "PCOMM" }, { "speech", "GEN" }, { "document", "GEN" },
    { "book", "BOOK" }, { "chapter", "CHAP" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (csl_type, map[i][0]))
      return map[i][1];
  return "GEN";
}

static void
ris_line (GString    *out,
          const char *tag,
          const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (out, "%s  - ", tag);
  for (const char *p = value; *p; p++)
    g_string_append_c (out, *p == '\n' || *p == '\r' ? ' ' : *p);
  g_string_append_c (out, '\n');
}

static char *
ris_date (const StorylineDate *date)
{
  const StorylineDatePoint *d = &date->start;

  if (d->precision == STORYLINE_DATE_PRECISION_DAY)
    return g_strdup_printf ("%04d/%02u/%02u/", d->year, d->month, d->day);
  if (d->precision == STORYLINE_DATE_PRECISION_MONTH)
    return g_strdup_printf ("%04d/%02u//", d->year, d->month);
  return g_strdup_printf ("%04d///", d->year);
}

static void
export_ris (StorylineStory         *story,
            StorylineCitationStyle  style,
            GString                *out)
{
  for (guint i = 0; i < storyline_story_get_sources (story)->len; i++)
    {
      StorylineSource *s = g_ptr_array_index (storyline_story_get_sources (story), i);

      ris_line (out, "TY", ris_type (storyline_source_get_source_type (s)));
      ris_line (out, "ID", storyline_source_get_id (s));
      for (guint j = 0; j < storyline_source_get_n_authors (s); j++)
        {
          const StorylineName *n = storyline_source_get_author (s, j);
          g_autofree char *name = n->literal ? g_strdup (n->literal) :
                                  n->given ? g_strdup_printf ("%s, %s", n->family, n->given) : g_strdup (n->family);
          ris_line (out, "AU", name);
        }
      ris_line (out, "TI", storyline_source_get_title (s));
      ris_line (out, "T2", storyline_source_get_container_title (s));
      ris_line (out, "PB", storyline_source_get_publisher (s));
      ris_line (out, "CY", storyline_source_get_publisher_place (s));
      ris_line (out, "M3", storyline_source_get_genre (s));
      if (storyline_date_is_set (storyline_source_get_issued (s)))
        {
          g_autofree char *year = g_strdup_printf ("%04d", storyline_source_get_issued (s)->start.year);
          g_autofree char *date = ris_date (storyline_source_get_issued (s));
          ris_line (out, "PY", year);
          ris_line (out, "DA", date);
        }
      if (storyline_date_is_set (storyline_source_get_accessed (s)))
        {
          g_autofree char *date = ris_date (storyline_source_get_accessed (s));
          ris_line (out, "Y2", date);
        }
      ris_line (out, "UR", storyline_source_get_url (s));
      ris_line (out, "LA", storyline_source_get_language (s));
      ris_line (out, "N1", storyline_source_get_note (s));
      g_string_append (out, "ER  - \n");
    }
}

/* csv: one row per event, in the story's order (RFC 4180). */
static void
csv_cell (GString    *out,
          const char *value,
          gboolean    last)
{
  g_string_append_c (out, '"');
  for (const char *p = value ? value : ""; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append (out, last ? "\"\r\n" : "\",");
}

static void
export_csv (StorylineStory         *story,
            StorylineCitationStyle  style,
            GString                *out)
{
  g_autoptr(GPtrArray) events = storyline_story_dup_events_sorted (story);

  g_string_append (out, "id,date,date_text,title,type,place,phase,actors,tags,sources,summary\r\n");
  for (guint i = 0; i < events->len; i++)
    {
      StorylineEvent *e = events->pdata[i];
      g_autofree char *edtf = storyline_date_to_edtf (storyline_event_get_date (e));
      g_autofree char *shown = storyline_date_format (storyline_event_get_date (e));
      g_autoptr(GString) actors = g_string_new (NULL);
      g_autoptr(GString) sources = g_string_new (NULL);
      g_autofree char *tags = storyline_event_get_tags (e) ? g_strjoinv ("; ", (char **) storyline_event_get_tags (e)) : NULL;
      StorylinePhase *phase = storyline_event_get_phase (e);

      for (guint j = 0; j < storyline_event_get_n_actors (e); j++)
        g_string_append_printf (actors, "%s%s", j ? "; " : "", storyline_actor_get_name (storyline_event_get_actor (e, j)));
      for (guint j = 0; j < storyline_event_get_n_sources (e); j++)
        g_string_append_printf (sources, "%s%s", j ? "; " : "", storyline_source_get_id (storyline_event_get_source (e, j)->source));

      csv_cell (out, storyline_event_get_id (e), FALSE);
      csv_cell (out, edtf, FALSE);
      csv_cell (out, shown, FALSE);
      csv_cell (out, storyline_event_get_title (e), FALSE);
      csv_cell (out, storyline_event_get_event_type (e), FALSE);
      csv_cell (out, storyline_event_get_place (e), FALSE);
      csv_cell (out, phase ? storyline_phase_get_title (phase) : NULL, FALSE);
      csv_cell (out, actors->str, FALSE);
      csv_cell (out, tags, FALSE);
      csv_cell (out, sources->str, FALSE);
      csv_cell (out, storyline_event_get_summary (e), TRUE);
    }
}

/* storyline: the story file itself, in the canonical form
 * (storyline-writer.c): what Save writes. */
static void
export_storyline (StorylineStory         *story,
                  StorylineCitationStyle  style,
                  GString                *out)
{
  storyline_story_write (story, out);
}

/* What a timeline imported from TimelineJS had that a story cannot hold
 * ("x-timelinejs": display dates, backgrounds, media, times of day),
 * given back; only what is safe on a web page: text escaped, links
 * http(s), colours as colours. */
static JsonObject *
timeline_extras (StorylineStory *story,
                 gconstpointer   owner)
{
  GPtrArray *members = storyline_story_get_unknown_members (story, owner);

  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      StorylineUnknownMember *m = members->pdata[i];

      if (g_str_equal (m->key, "x-timelinejs") && JSON_NODE_HOLDS_OBJECT (m->value))
        return json_node_get_object (m->value);
    }
  return NULL;
}

static const char *
extra_text (JsonObject *object,
            const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}


static void
add_escaped (JsonBuilder *b,
             const char  *name,
             const char  *html)
{
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;

  if (html == NULL)
    return;
  text = storyline_html_to_text (html, NULL);
  escaped = g_markup_escape_text (text, -1);
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, escaped);
}

/* The members of @extras that go on the slide: background and media. */
static void
add_slide_extras (JsonBuilder *b,
                  JsonObject  *extras)
{
  JsonObject *background = extras && json_object_has_member (extras, "background") &&
                           JSON_NODE_HOLDS_OBJECT (json_object_get_member (extras, "background"))
                           ? json_object_get_object_member (extras, "background") : NULL;
  JsonObject *media = extras && json_object_has_member (extras, "media") &&
                      JSON_NODE_HOLDS_OBJECT (json_object_get_member (extras, "media"))
                      ? json_object_get_object_member (extras, "media") : NULL;

  if (background != NULL)
    {
      const char *color = extra_text (background, "color");
      const char *url = extra_text (background, "url");
      gboolean colour = color != NULL && color[0] == '#' && strspn (color + 1, "0123456789abcdefABCDEF") == strlen (color + 1);

      if (colour || storyline_publish_is_web_link (url))
        {
          json_builder_set_member_name (b, "background");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, colour ? "color" : "url");
          json_builder_add_string_value (b, colour ? color : url);
          json_builder_end_object (b);
        }
    }
  if (media != NULL && storyline_publish_is_web_link (extra_text (media, "url")))
    {
      json_builder_set_member_name (b, "media");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "url");
      json_builder_add_string_value (b, extra_text (media, "url"));
      add_escaped (b, "caption", extra_text (media, "caption"));
      add_escaped (b, "credit", extra_text (media, "credit"));
      if (storyline_publish_is_web_link (extra_text (media, "thumbnail")))
        {
          json_builder_set_member_name (b, "thumbnail");
          json_builder_add_string_value (b, extra_text (media, "thumbnail"));
        }
      json_builder_end_object (b);
    }
}

/* The time of day of a date, given back. */
static void
add_times (JsonBuilder *b,
           JsonObject  *extras,
           const char  *date)
{
  static const char * const times[] = { "hour", "minute", "second", "millisecond" };
  JsonObject *part = extras && json_object_has_member (extras, date) &&
                     JSON_NODE_HOLDS_OBJECT (json_object_get_member (extras, date))
                     ? json_object_get_object_member (extras, date) : NULL;

  for (guint i = 0; part != NULL && i < G_N_ELEMENTS (times); i++)
    {
      const char *value = extra_text (part, times[i]);
      JsonNode *node = json_object_get_member (part, times[i]);

      if (value != NULL && strspn (value, "0123456789") == strlen (value) && *value != '\0')
        {
          json_builder_set_member_name (b, times[i]);
          json_builder_add_string_value (b, value);
        }
      else if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
        {
          json_builder_set_member_name (b, times[i]);
          json_builder_add_int_value (b, json_node_get_int (node));
        }
    }
}

/* timelinejs: TimelineJS's JSON, so a web desk can publish the story. */
static void
add_timeline_date (JsonBuilder              *b,
                   const char               *name,
                   const StorylineDatePoint *p,
                   JsonObject               *extras)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  add_times (b, extras, name);
  json_builder_set_member_name (b, "year");
  json_builder_add_int_value (b, p->year);
  if (p->precision >= STORYLINE_DATE_PRECISION_MONTH)
    {
      json_builder_set_member_name (b, "month");
      json_builder_add_int_value (b, p->month);
    }
  if (p->precision >= STORYLINE_DATE_PRECISION_DAY)
    {
      json_builder_set_member_name (b, "day");
      json_builder_add_int_value (b, p->day);
    }
  json_builder_end_object (b);
}

/* TimelineJS turns text that looks like an address into a link, showing
 * it cut to 30 characters without its scheme (even in a quote, and
 * through an entity: "&lt;" cut in two), and makes ftp:// and e-mail
 * addresses links too. The export's links are its own — http(s) sources —
 * so in the text between tags an empty element goes before the "//" of
 * an address, before "www." and before "@", which TimelineJS's patterns
 * then miss; what a reader sees and copies is the text as written. */
static char *
defuse_autolinks (const char *html)
{
  GString *out = g_string_sized_new (strlen (html) + 16);
  gboolean in_tag = FALSE;

  for (const char *p = html; *p; p++)
    {
      /* Up to the next character that matters, at once. */
      gsize run = strcspn (p, "<>@/wW");

      if (run > 0)
        {
          g_string_append_len (out, p, run);
          p += run;
          if (*p == '\0')
            break;
        }
      if (*p == '<')
        in_tag = TRUE;
      else if (*p == '>')
        in_tag = FALSE;
      else if (!in_tag && *p == '@')
        g_string_append (out, "<span></span>");
      else if (!in_tag && p[0] == '/' && p[1] == '/' && p > html && p[-1] == ':')
        g_string_append (out, "<span></span>");
      else if (!in_tag && g_ascii_strncasecmp (p, "www.", 4) == 0)
        g_string_append (out, "<span></span>");
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* A span's two ends. TimelineJS drops an end whose every part the start
 * has is the start's ("2016" to "2016-12", a phase of one year), and an
 * era without its end stops the whole timeline: then both ends are
 * written to the day, the first day of the start and the last of the end
 * (the display date keeps the precision). */
static void
add_timeline_range (JsonBuilder              *b,
                    const StorylineDatePoint *start,
                    const StorylineDatePoint *end,
                    JsonObject               *extras)
{
  StorylineDatePoint first = *start, last = *end;
  gboolean dropped = first.year == last.year &&
                     (first.precision < STORYLINE_DATE_PRECISION_MONTH || first.month == last.month) &&
                     (first.precision < STORYLINE_DATE_PRECISION_DAY || first.day == last.day);

  if (dropped)
    {
      if (first.precision < STORYLINE_DATE_PRECISION_MONTH)
        first.month = 1;
      if (first.precision < STORYLINE_DATE_PRECISION_DAY)
        first.day = 1;
      first.precision = STORYLINE_DATE_PRECISION_DAY;
      if (last.precision < STORYLINE_DATE_PRECISION_MONTH)
        last.month = 12;
      if (last.precision < STORYLINE_DATE_PRECISION_DAY)
        last.day = storyline_days_in_month (last.year, last.month);
      last.precision = STORYLINE_DATE_PRECISION_DAY;
    }
  if (dropped && extras == NULL && first.year == last.year && first.month == last.month && first.day == last.day)
    {
      /* A phase of one day: from its first minute to its last. */
      g_autoptr(JsonObject) day = json_object_new ();
      JsonObject *from = json_object_new (), *to = json_object_new ();

      json_object_set_int_member (from, "hour", 0);
      json_object_set_int_member (to, "hour", 23);
      json_object_set_int_member (to, "minute", 59);
      json_object_set_object_member (day, "start_date", from);
      json_object_set_object_member (day, "end_date", to);
      add_timeline_date (b, "start_date", &first, day);
      add_timeline_date (b, "end_date", &last, day);
      return;
    }
  add_timeline_date (b, "start_date", &first, extras);
  add_timeline_date (b, "end_date", &last, extras);
}

static char *
paragraphs_html (const char *text)
{
  GString *out = g_string_new (NULL);

  storyline_publish_paragraphs (out, text, NULL);
  return g_string_free (out, FALSE);
}

/* A slide's text: the event's summary, notes, quotes — who said them,
 * where they were first issued, and each outlet's rendition that is not
 * verbatim with its verdict in words and its differences — and the
 * sources, each cited in @style and linked when it is on the web. */
static char *
slide_html (StorylineEvent            *e,
            StorylinePublishCitations *citations)
{
  GString *out = g_string_new (NULL);

  storyline_publish_paragraphs (out, storyline_event_get_summary (e), NULL);
  for (guint i = 0; i < storyline_event_get_n_notes (e); i++)
    {
      const StorylineNote *note = storyline_event_get_note (e, i);

      g_string_append (out, "<p><strong>");
      storyline_publish_text (out, storyline_publish_note_kind (note->kind));
      g_string_append (out, ":</strong> ");
      storyline_publish_text (out, note->text);
      g_string_append (out, "</p>");
    }
  for (guint i = 0; i < storyline_event_get_n_quotes (e); i++)
    {
      StorylineQuote *q = storyline_event_get_quote (e, i);
      StorylineSource *origin = storyline_quote_get_origin (q);
      const char *language = storyline_quote_get_text_language (q);

      g_string_append (out, "<blockquote");
      if (language != NULL && strspn (language, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == strlen (language))
        g_string_append_printf (out, " lang=\"%s\"", language);
      g_string_append (out, " dir=\"auto\"><p>");
      storyline_publish_text (out, storyline_quote_get_text (q));
      g_string_append (out, "</p></blockquote><p>— ");
      storyline_publish_text (out, storyline_actor_get_name (storyline_quote_get_speaker (q)));
      if (origin != NULL)
        {
          g_string_append (out, ", ");
          /* Translators: where a quote was first issued; a citation follows */
          storyline_publish_text (out, _("first issued in"));
          g_string_append_c (out, ' ');
          storyline_publish_citation (out, citations, origin);
        }
      g_string_append (out, "</p>");
      if (storyline_quote_get_n_renditions (q) > 0)
        g_string_append (out, "<ul>");
      for (guint j = 0; j < storyline_quote_get_n_renditions (q); j++)
        {
          StorylineRendition *r = storyline_quote_get_rendition (q, j);
          g_autoptr(StorylineFidelity) f = storyline_fidelity_compare_in_language (storyline_quote_get_text (q),
                                                                                  storyline_rendition_get_text (r),
                                                                                  language);
          g_autofree char *verdict = storyline_fidelity_describe (f);

          g_string_append (out, "<li><strong>");
          storyline_publish_text (out, storyline_source_get_short_name (storyline_rendition_get_source (r)));
          g_string_append (out, "</strong>: ");
          storyline_publish_text (out, verdict);
          if (f->verdict != STORYLINE_VERDICT_VERBATIM)
            {
              g_string_append (out, " “");
              storyline_publish_diff (out, f);
              g_string_append (out, "”");
            }
          g_string_append (out, "</li>");
        }
      if (storyline_quote_get_n_renditions (q) > 0)
        g_string_append (out, "</ul>");
    }
  if (storyline_event_get_n_sources (e) > 0)
    {
      g_string_append (out, "<p><strong>");
      storyline_publish_text (out, _("Sources"));
      g_string_append (out, "</strong></p><ol>");
      for (guint i = 0; i < storyline_event_get_n_sources (e); i++)
        {
          g_string_append (out, "<li>");
          storyline_publish_citation (out, citations, storyline_event_get_source (e, i)->source);
          g_string_append (out, "</li>");
        }
      g_string_append (out, "</ol>");
    }
  return g_string_free (out, FALSE);
}

/* A slide, generated on its own: a story of 200,000 events is never one
 * tree of JSON nodes. */
static void
append_slide (GString       *out,
              JsonGenerator *generator,
              JsonBuilder   *b,
              const char    *headline,
              const char    *html)
{
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autofree char *text = NULL;
  g_autofree char *safe_headline = NULL;
  g_autofree char *safe_text = NULL;
  g_autoptr(GString) h = g_string_new (NULL);
  gsize length;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  json_builder_reset (b);

  /* The slide's text, the most of it, written here: json-glib takes it a
   * character at a time. TimelineJS renders it as HTML: the story's text
   * is escaped. */
  storyline_publish_text (h, headline);
  safe_headline = defuse_autolinks (h->str);
  safe_text = defuse_autolinks (html ? html : "");
  g_assert (length >= 2 && text[length - 1] == '}');
  g_string_append_len (out, text, length - 1);
  g_string_append (out, length > 2 ? ",\"text\":{\"headline\":" : "\"text\":{\"headline\":");
  storyline_publish_json_string (out, safe_headline);
  g_string_append (out, ",\"text\":");
  storyline_publish_json_string (out, safe_text);
  g_string_append (out, "}}");
}

static void
export_timelinejs (StorylineStory         *story,
                   StorylineCitationStyle  style,
                   GString                *out)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GPtrArray) events = storyline_story_dup_events_sorted (story);
  g_autofree char *summary = paragraphs_html (storyline_story_get_summary (story));
  g_autoptr(StorylinePublishCitations) citations = storyline_publish_citations_new (style, STORYLINE_MARKUP_HTML);

  g_string_append (out, "{\n  \"title\": ");
  json_builder_begin_object (b);
  add_slide_extras (b, timeline_extras (story, story));
  json_builder_end_object (b);
  append_slide (out, generator, b, storyline_story_get_title (story), summary);

  g_string_append (out, ",\n  \"events\": [");
  for (guint i = 0; i < events->len; i++)
    {
      StorylineEvent *e = events->pdata[i];
      g_autofree char *shown = storyline_date_format (storyline_event_get_date (e));
      g_autofree char *html = slide_html (e, citations);
      StorylinePhase *phase = storyline_event_get_phase (e);
      JsonObject *extras = timeline_extras (story, e);
      const char *display = extra_text (extras, "display_date");

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "unique_id");
      json_builder_add_string_value (b, storyline_event_get_id (e));
      if (storyline_event_get_date (e)->kind != STORYLINE_DATE_KIND_SINGLE)
        add_timeline_range (b, &storyline_event_get_date (e)->start, &storyline_event_get_date (e)->end, extras);
      else
        add_timeline_date (b, "start_date", &storyline_event_get_date (e)->start, extras);
      /* The display date it came with, or the date at its precision. */
      if (display != NULL)
        add_escaped (b, "display_date", display);
      else
        {
          json_builder_set_member_name (b, "display_date");
          json_builder_add_string_value (b, shown);
        }
      add_slide_extras (b, extras);
      if (phase != NULL)
        {
          g_autoptr(GString) group = g_string_new (NULL);

          storyline_publish_text (group, storyline_phase_get_title (phase));
          json_builder_set_member_name (b, "group");
          json_builder_add_string_value (b, group->str);
        }
      json_builder_end_object (b);
      g_string_append (out, i == 0 ? "\n    " : ",\n    ");
      append_slide (out, generator, b, storyline_event_get_title (e), html);
    }
  g_string_append (out, "\n  ]");

  if (storyline_story_get_phases (story)->len > 0)
    {
      g_string_append (out, ",\n  \"eras\": [");
      for (guint i = 0; i < storyline_story_get_phases (story)->len; i++)
        {
          StorylinePhase *p = g_ptr_array_index (storyline_story_get_phases (story), i);
          g_autofree char *html = paragraphs_html (storyline_phase_get_summary (p));

          json_builder_begin_object (b);
          add_timeline_range (b, &storyline_phase_get_start (p)->start, &storyline_phase_get_end (p)->end, NULL);
          json_builder_end_object (b);
          g_string_append (out, i == 0 ? "\n    " : ",\n    ");
          append_slide (out, generator, b, storyline_phase_get_title (p), html);
        }
      g_string_append (out, "\n  ]");
    }
  g_string_append (out, "\n}\n");
}

/* The three styles: one plain-text entry per line, every source, in the
 * style's order — a reference list sorted by its entries (leading
 * quotation marks aside), a chain of first notes in the file's order.
 * Chicago's bibliography has no entry for posts, speeches and documents;
 * their first note stands in, so that every source is there. */
static void
export_style (StorylineStory         *story,
              GString                *out,
              StorylineCitationStyle  entry_style)
{
  g_autoptr(StorylinePublishCitations) citations = storyline_publish_citations_new (entry_style, STORYLINE_MARKUP_TEXT);
  g_autoptr(GPtrArray) order = storyline_publish_reference_order (story, citations);

  for (guint i = 0; i < order->len; i++)
    g_string_append_printf (out, "%s\n", storyline_publish_citations_entry (citations, order->pdata[i]));
}

static const char * const format_names[] = {
  "apa", "chicago", "chicago-note", "mla",
  "csl-json", "bibtex", "ris", "markdown", "csv", "timelinejs", "quote-diff", "storyline",
  "html", "claimreview", NULL
};
/* The first four are reference lists, one per citation style. */
static const StorylineCitationStyle reference_styles[] = {
  STORYLINE_CITATION_APA, STORYLINE_CITATION_CHICAGO, STORYLINE_CITATION_CHICAGO_NOTE, STORYLINE_CITATION_MLA,
};
static const ExportFunc format_funcs[] = {
  NULL, NULL, NULL, NULL,
  export_csl_json, export_bibtex, export_ris, storyline_export_markdown, export_csv, export_timelinejs, export_quote_diff,
  export_storyline, storyline_export_html, NULL
};

/**
 * storyline_export_with_flags:
 * @style: the StorylineCitationStyle of the formats that cite
 * @flags: what the formats that take them do
 *
 * Like storyline_export_full(), with @flags.
 *
 * Returns: %FALSE when @format is not an export format
 */
gboolean
storyline_export_with_flags (StorylineStory       *story,
                             const char           *format,
                             int                   style,
                             StorylineExportFlags  flags,
                             GString              *out)
{
  gsize from = out->len;

  g_return_val_if_fail (STORYLINE_IS_STORY (story), FALSE);

  if (g_str_equal (format, "claimreview"))
    {
      storyline_export_claimreview (story, style, (flags & STORYLINE_EXPORT_ALL_RENDITIONS) != 0, out);
      storyline_publish_drop_overrides (out, from);
      return TRUE;
    }
  for (guint i = 0; format_names[i] != NULL; i++)
    if (g_str_equal (format, format_names[i]))
      {
        if (i < G_N_ELEMENTS (reference_styles))
          export_style (story, out, reference_styles[i]);
        else
          format_funcs[i] (story, style, out);
        /* What the window refuses to show goes in no export. */
        storyline_publish_drop_overrides (out, from);
        return TRUE;
      }
  return FALSE;
}

/**
 * storyline_export_full:
 * @style: the StorylineCitationStyle of the formats that cite: Markdown's
 *   footnotes, TimelineJS's and HTML's sources, the PDF's references
 *
 * Like storyline_export(), citing in @style where the format cites.
 *
 * Returns: %FALSE when @format is not an export format
 */
gboolean
storyline_export_full (StorylineStory *story,
                       const char     *format,
                       int             style,
                       GString        *out)
{
  return storyline_export_with_flags (story, format, style, 0, out);
}

/**
 * storyline_export_formats:
 *
 * Returns: (transfer none): the names of the export formats
 */
const char * const *
storyline_export_formats (void)
{
  return format_names;
}

/**
 * storyline_export_format_extension:
 * @format: one of storyline_export_formats()
 *
 * Returns: (nullable): the file name extension for @format, without the
 *   dot ("md", "bib"); %NULL for a name that is not a format
 */
const char *
storyline_export_format_extension (const char *format)
{
  static const struct { const char *format, *extension; } extensions[] = {
    { "apa", "txt" }, { "chicago", "txt" }, { "chicago-note", "txt" }, { "mla", "txt" },
    { "csl-json", "json" }, { "bibtex", "bib" }, { "ris", "ris" }, { "markdown", "md" },
    { "csv", "csv" }, { "timelinejs", "json" }, { "quote-diff", "tsv" }, { "storyline", "json" },
    { "html", "html" }, { "claimreview", "jsonld" }, { "pdf", "pdf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_strcmp0 (format, extensions[i].format) == 0)
      return extensions[i].extension;
  return NULL;
}

/**
 * storyline_export_file_name:
 * @name: a file name as chosen or typed
 * @format: one of storyline_export_formats()
 *
 * The name a file of @format should have: @name with the format's
 * extension added when it has none, or put in place of the extension of
 * another format ("story.md" for a CSV: "story.csv"). Any other extension
 * is the writer's choice and stays ("notes.txt.bak").
 *
 * Returns: (transfer full): the name
 */
char *
storyline_export_file_name (const char *name,
                            const char *format)
{
  const char *extension = storyline_export_format_extension (format);
  const char *dot = strrchr (name, '.');

  if (extension == NULL)
    return g_strdup (name);
  if (dot == NULL || dot == name)
    return g_strdup_printf ("%s.%s", name, extension);
  /* The formats' own extensions, and the PDF's (pages, not text). */
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (dot + 1, storyline_export_format_extension (format_names[i] ? format_names[i] : "pdf")) == 0)
      {
        if (g_ascii_strcasecmp (dot + 1, extension) == 0)
          return g_strdup (name);
        return g_strdup_printf ("%.*s.%s", (int) (dot - name), name, extension);
      }
  return g_strdup (name);
}

/**
 * storyline_export:
 * @format: one of storyline_export_formats()
 * @out: what the export is appended to
 *
 * Returns: %FALSE when @format is not an export format
 */
gboolean
storyline_export (StorylineStory *story,
                  const char     *format,
                  GString        *out)
{
  return storyline_export_full (story, format, STORYLINE_CITATION_APA, out);
}
