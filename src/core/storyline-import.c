/* storyline-import.c: stories made from other tools' files
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "storyline-date.h"
#include "storyline-import.h"
#include "storyline-import-private.h"

/* Each importer makes the text of a story file (the format of
 * data/story-format.md), which the loader then reads as it reads any
 * story: what the importer gets wrong, the loader refuses. Text that was
 * HTML (TimelineJS's) becomes plain text: tags taken out, entities
 * decoded, paragraphs kept; it is never shown as markup.
 *
 * - timelinejs: TimelineJS 3's JSON. The title slide is the story's
 *   title and summary; each event an event, its date at the precision
 *   given (a year, a month, a day), an end date making an interval; its
 *   headline the title, its text the summary; every http(s) link in its
 *   text and its media (with credit and caption) a source it cites; its
 *   group a tag; its unique_id its id. Eras are phases.
 * - timelinejs-csv: the TimelineJS spreadsheet template as CSV (RFC 4180),
 *   its columns found by name in any order; rows of Type "title" and
 *   "era" as above.
 * - csl-json: a bibliography as Zotero exports it: each item a source.
 * - bibtex (BibTeX and BibLaTeX) and ris: read as CSL-JSON items
 *   (storyline-import-bibtex.c, -ris.c), then as csl-json. */

G_DEFINE_QUARK (storyline-import-error-quark, storyline_import_error)

static const char * const import_formats[] = { "timelinejs", "timelinejs-csv", "csl-json", "bibtex", "ris", NULL };

/* The largest year the format writes with four digits either side of the
 * common era. */
#define MAX_YEAR 9999

const char * const *
storyline_import_formats (void)
{
  return import_formats;
}

/* HTML to plain text */

static const struct { const char *name; const char *text; } entities[] = {
  { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" }, { "nbsp", "\u00a0" },
  { "ndash", "–" }, { "mdash", "—" }, { "lsquo", "‘" }, { "rsquo", "’" }, { "ldquo", "“" }, { "rdquo", "”" },
  { "hellip", "…" }, { "copy", "©" }, { "eacute", "é" }, { "middot", "·" },
};

/* Appends the character of the entity at @p (after its "&"); returns the
 * end of the entity, or @p itself when there is none. */
static const char *
append_entity (GString    *out,
               const char *p)
{
  const char *semi = strchr (p, ';');
  gsize len;

  if (semi == NULL || semi - p > 10 || semi == p)
    return p;
  len = semi - p;
  if (p[0] == '#')
    {
      gunichar c;
      char *end;

      if (p[1] == 'x' || p[1] == 'X')
        c = g_ascii_strtoull (p + 2, &end, 16);
      else
        c = g_ascii_strtoull (p + 1, &end, 10);
      if (end != semi || !g_unichar_validate (c) || c == 0)
        return p;
      g_string_append_unichar (out, c);
      return semi + 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (strlen (entities[i].name) == len && strncmp (p, entities[i].name, len) == 0)
      {
        g_string_append (out, entities[i].text);
        return semi + 1;
      }
  return p;
}

/* The value of attribute @name in the tag between @start and @end. */
static char *
tag_attribute (const char *start,
               const char *end,
               const char *name)
{
  gsize name_len = strlen (name);

  for (const char *p = start; p + name_len < end; p++)
    {
      const char *q;
      char quote;

      if (g_ascii_strncasecmp (p, name, name_len) != 0 || !g_ascii_isspace (p[-1]))
        continue;
      q = p + name_len;
      while (q < end && g_ascii_isspace (*q))
        q++;
      if (q >= end || *q != '=')
        continue;
      q++;
      while (q < end && g_ascii_isspace (*q))
        q++;
      if (q < end && (*q == '"' || *q == '\''))
        {
          const char *close;

          quote = *q++;
          close = memchr (q, quote, end - q);
          if (close == NULL)
            return NULL;
          return g_strndup (q, close - q);
        }
      else
        {
          const char *v = q;

          while (q < end && !g_ascii_isspace (*q) && *q != '>')
            q++;
          return g_strndup (v, q - v);
        }
    }
  return NULL;
}

/* Spaces and line breaks of HTML: runs of white space are one space;
 * paragraphs are kept as blank lines. */
static char *
tidy_text (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  guint breaks = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        {
          breaks++;
          space = FALSE;
          continue;
        }
      if (*p == ' ' || *p == '\t' || *p == '\r')
        {
          space = TRUE;
          continue;
        }
      if (out->len > 0)
        {
          if (breaks > 0)
            g_string_append (out, breaks > 1 ? "\n\n" : "\n");
          else if (space)
            g_string_append_c (out, ' ');
        }
      breaks = 0;
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/**
 * storyline_html_to_text:
 * @html: text that may hold HTML tags and entities
 * @links: (nullable) (element-type utf8): the http(s) links found, each
 *   as two strings: its address, then its text
 *
 * Returns: (transfer full): @html as plain text: tags taken out (a
 *   paragraph or line break kept as a line break), entities decoded,
 *   white space tidied
 */
char *
storyline_html_to_text (const char *html,
                        GPtrArray  *links)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *href = NULL;
  gsize link_start = 0;

  for (const char *p = html; p != NULL && *p != '\0';)
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');
          const char *name = p + 1;
          gboolean closing = FALSE;
          gsize name_len = 0;

          if (end == NULL)
            {
              /* Not a tag: a lone "<" is text. */
              g_string_append_c (out, *p++);
              continue;
            }
          if (*name == '/')
            {
              closing = TRUE;
              name++;
            }
          while (name + name_len < end && g_ascii_isalnum (name[name_len]))
            name_len++;
          if (name_len == 0 && !closing)
            {
              g_string_append_c (out, *p++);
              continue;
            }
          if ((name_len == 1 && g_ascii_strncasecmp (name, "p", 1) == 0) ||
              (name_len == 3 && g_ascii_strncasecmp (name, "div", 3) == 0) ||
              (name_len == 2 && g_ascii_strncasecmp (name, "li", 2) == 0) ||
              (name_len == 10 && g_ascii_strncasecmp (name, "blockquote", 10) == 0))
            g_string_append (out, "\n\n");
          else if (name_len == 2 && g_ascii_strncasecmp (name, "br", 2) == 0)
            g_string_append_c (out, '\n');
          else if (name_len == 1 && g_ascii_strncasecmp (name, "a", 1) == 0)
            {
              if (!closing)
                {
                  g_free (href);
                  href = tag_attribute (p, end, "href");
                  link_start = out->len;
                }
              else if (href != NULL)
                {
                  g_autofree char *text = g_strndup (out->str + link_start, out->len - link_start);

                  if (links != NULL && (g_str_has_prefix (href, "http://") || g_str_has_prefix (href, "https://")))
                    {
                      GString *decoded = g_string_new (NULL);

                      for (const char *h = href; *h != '\0';)
                        {
                          const char *after = *h == '&' ? append_entity (decoded, h + 1) : h;

                          if (after != h)
                            h = after;
                          else
                            g_string_append_c (decoded, *h++);
                        }
                      g_ptr_array_add (links, g_string_free (decoded, FALSE));
                      g_ptr_array_add (links, tidy_text (text));
                    }
                  g_clear_pointer (&href, g_free);
                }
            }
          else if (!closing && ((name_len == 6 && g_ascii_strncasecmp (name, "script", 6) == 0) ||
                                (name_len == 5 && g_ascii_strncasecmp (name, "style", 5) == 0)))
            {
              /* Their content is not text: skipped to their end tag. */
              const char *close = end;

              while ((close = strchr (close, '<')) != NULL &&
                     !(close[1] == '/' && g_ascii_strncasecmp (close + 2, name, name_len) == 0))
                close++;
              end = close ? strchr (close, '>') : NULL;
              if (end == NULL)
                break;
            }
          p = end + 1;
          continue;
        }
      if (*p == '&')
        {
          const char *after = append_entity (out, p + 1);

          if (after != p + 1)
            {
              p = after;
              continue;
            }
        }
      if (*p == '\n' || *p == '\r' || *p == '\t')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
      p++;
    }
  return tidy_text (out->str);
}

/* Errors */

static void
set_error (GError     **error,
           int          code,
           const char  *format,
           ...) G_GNUC_PRINTF (3, 4);

static void
set_error (GError     **error,
           int          code,
           const char  *format,
           ...)
{
  va_list args;
  g_autofree char *message = NULL;

  if (error == NULL || *error != NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, STORYLINE_IMPORT_ERROR, code, message);
}

/* The story being made */

typedef struct
{
  JsonObject *story;      /* the "story" member */
  JsonArray *events;
  JsonArray *phases;
  JsonArray *sources;
  GHashTable *ids;        /* every id given, for events, phases and sources alike */
  GHashTable *urls;       /* URL → id of the source made for it */
} Maker;

static void
maker_init (Maker *m)
{
  m->story = json_object_new ();
  m->events = json_array_new ();
  m->phases = json_array_new ();
  m->sources = json_array_new ();
  m->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->urls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
maker_clear (Maker *m)
{
  g_clear_pointer (&m->story, json_object_unref);
  g_clear_pointer (&m->events, json_array_unref);
  g_clear_pointer (&m->phases, json_array_unref);
  g_clear_pointer (&m->sources, json_array_unref);
  g_clear_pointer (&m->ids, g_hash_table_unref);
  g_clear_pointer (&m->urls, g_hash_table_unref);
}

/* An id not given yet: @wanted when it is free, else made from it. */
static char *
take_id (Maker      *m,
         const char *wanted,
         const char *fallback)
{
  GString *id = g_string_new (NULL);
  char *base;

  for (const char *p = wanted ? wanted : ""; *p != '\0' && id->len < 48; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '_')
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, fallback);
  base = g_string_free (id, FALSE);
  if (g_hash_table_contains (m->ids, base))
    {
      for (guint n = 2;; n++)
        {
          char *next = g_strdup_printf ("%s-%u", base, n);

          if (!g_hash_table_contains (m->ids, next))
            {
              g_free (base);
              base = next;
              break;
            }
          g_free (next);
        }
    }
  g_hash_table_add (m->ids, g_strdup (base));
  return base;
}

/* The source for @url (made once, then cited again). */
static const char *
source_for_url (Maker      *m,
                const char *url,
                const char *title,
                const char *credit)
{
  const char *id = g_hash_table_lookup (m->urls, url);
  JsonObject *item;
  g_autofree char *host = NULL;

  if (id != NULL)
    return id;
  {
    const char *start = strstr (url, "://");
    const char *end;

    start = start ? start + 3 : url;
    end = start + strcspn (start, "/?#");
    host = g_strndup (start, end - start);
  }
  item = json_object_new ();
  {
    char *new_id = take_id (m, host, "source");

    json_object_set_string_member (item, "id", new_id);
    g_hash_table_insert (m->urls, g_strdup (url), new_id);
    id = new_id;
  }
  json_object_set_string_member (item, "type", "webpage");
  json_object_set_string_member (item, "title", title != NULL && *title != '\0' ? title : url);
  if (credit != NULL && *credit != '\0')
    {
      JsonArray *authors = json_array_new ();
      JsonObject *name = json_object_new ();

      json_object_set_string_member (name, "literal", credit);
      json_array_add_object_element (authors, name);
      json_object_set_array_member (item, "author", authors);
    }
  json_object_set_string_member (item, "container-title", host);
  json_object_set_string_member (item, "URL", url);
  json_array_add_object_element (m->sources, item);
  return id;
}

static gboolean
is_link (const char *url)
{
  return url != NULL && (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://"));
}

/* The text of the story file. */
static char *
maker_finish (Maker *m)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *file = json_object_new ();

  json_object_set_string_member (file, "format", "storyline");
  json_object_set_int_member (file, "version", 1);
  json_object_set_object_member (file, "story", g_steal_pointer (&m->story));
  if (json_array_get_length (m->phases) > 0)
    json_object_set_array_member (file, "phases", g_steal_pointer (&m->phases));
  json_object_set_array_member (file, "events", g_steal_pointer (&m->events));
  if (json_array_get_length (m->sources) > 0)
    json_object_set_array_member (file, "sources", g_steal_pointer (&m->sources));
  json_node_take_object (root, file);
  return json_to_string (root, TRUE);
}

/* TimelineJS */

/* A member that is text or a number, as text; NULL when there is none. */
static char *
member_text (JsonObject *object,
             const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strstrip (g_strdup (json_node_get_string (node)));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%.0f", json_node_get_double (node));
    default:
      return NULL;
    }
}

/* The EDTF text of a TimelineJS date (an object of year, month, day, as
 * numbers or text), at its precision. @where says where it is. */
static char *
timeline_date (JsonObject  *date,
               const char  *where,
               GError     **error)
{
  g_autofree char *year = member_text (date, "year");
  g_autofree char *month = member_text (date, "month");
  g_autofree char *day = member_text (date, "day");
  char *end;
  gint64 y, mo = 0, d = 0;
  GString *text;
  StorylineDate parsed;
  g_autoptr(GError) date_error = NULL;

  if (year == NULL || *year == '\0')
    {
      set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("%s: a date needs a year"), where);
      return NULL;
    }
  y = g_ascii_strtoll (year, &end, 10);
  if (*end != '\0')
    {
      set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("%s: the year “%s” is not a number"), where, year);
      return NULL;
    }
  if (y > MAX_YEAR || y < -MAX_YEAR)
    {
      set_error (error, STORYLINE_IMPORT_ERROR_INVALID,
                 _("%s: the year %s is outside what a story can hold (years −9999 to 9999; cosmological timelines cannot be imported)"),
                 where, year);
      return NULL;
    }
  if (month != NULL && *month != '\0')
    {
      mo = g_ascii_strtoll (month, &end, 10);
      if (*end != '\0' || mo < 1 || mo > 12)
        {
          set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("%s: “%s” is not a month (1 to 12)"), where, month);
          return NULL;
        }
    }
  if (day != NULL && *day != '\0')
    {
      d = g_ascii_strtoll (day, &end, 10);
      if (*end != '\0' || d < 1 || d > 31 || mo == 0)
        {
          set_error (error, STORYLINE_IMPORT_ERROR_INVALID,
                     mo == 0 ? _("%s: a day (“%s”) without a month") : _("%s: “%s” is not a day of the month"), where, day);
          return NULL;
        }
    }
  text = g_string_new (NULL);
  g_string_append_printf (text, y < 0 ? "-%04" G_GINT64_FORMAT : "%04" G_GINT64_FORMAT, y < 0 ? -y : y);
  if (mo > 0)
    g_string_append_printf (text, "-%02" G_GINT64_FORMAT, mo);
  if (d > 0)
    g_string_append_printf (text, "-%02" G_GINT64_FORMAT, d);
  if (!storyline_date_parse (text->str, &parsed, &date_error))
    {
      set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("%s: not a date: %s"), where, date_error->message);
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

/* The date of a slide or an era: its start, and its end as an interval. */
static char *
slide_date (JsonObject  *slide,
            const char  *where,
            GError     **error)
{
  JsonObject *start = json_object_has_member (slide, "start_date") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (slide, "start_date"))
                      ? json_object_get_object_member (slide, "start_date") : NULL;
  JsonObject *end = json_object_has_member (slide, "end_date") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (slide, "end_date"))
                    ? json_object_get_object_member (slide, "end_date") : NULL;
  g_autofree char *start_where = g_strdup_printf ("%s.start_date", where);
  g_autofree char *end_where = g_strdup_printf ("%s.end_date", where);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *interval = NULL;
  StorylineDate parsed;
  g_autoptr(GError) date_error = NULL;

  if (start == NULL)
    {
      set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("%s: no start_date"), where);
      return NULL;
    }
  if ((first = timeline_date (start, start_where, error)) == NULL)
    return NULL;
  if (end == NULL || !json_object_has_member (end, "year"))
    return g_steal_pointer (&first);
  if ((second = timeline_date (end, end_where, error)) == NULL)
    return NULL;
  interval = g_strdup_printf ("%s/%s", first, second);
  if (!storyline_date_parse (interval, &parsed, &date_error))
    {
      set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("%s: %s"), where, date_error->message);
      return NULL;
    }
  return g_steal_pointer (&interval);
}

/* The headline and text of a slide, as plain text; the links of its
 * text as sources. */
static void
slide_text (JsonObject  *slide,
            char       **headline,
            char       **text,
            GPtrArray   *links)
{
  JsonObject *t = json_object_has_member (slide, "text") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (slide, "text"))
                  ? json_object_get_object_member (slide, "text") : NULL;
  g_autofree char *h = member_text (t, "headline");
  g_autofree char *x = member_text (t, "text");

  *headline = h ? storyline_html_to_text (h, NULL) : NULL;
  *text = x ? storyline_html_to_text (x, links) : NULL;
}

static void
add_event (Maker      *m,
           JsonObject *slide,
           guint       index,
           GError    **error)
{
  g_autofree char *where = g_strdup_printf ("events[%u]", index);
  g_autofree char *date = slide_date (slide, where, error);
  g_autofree char *headline = NULL;
  g_autofree char *text = NULL;
  g_autofree char *unique_id = member_text (slide, "unique_id");
  g_autofree char *group = member_text (slide, "group");
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_free);
  JsonObject *event;
  JsonArray *cited = json_array_new ();
  char *id;

  if (date == NULL)
    {
      json_array_unref (cited);
      return;
    }
  slide_text (slide, &headline, &text, links);
  event = json_object_new ();
  {
    g_autofree char *fallback = g_strdup_printf ("event-%u", index + 1);

    id = take_id (m, unique_id, fallback);
  }
  json_object_set_string_member (event, "id", id);
  g_free (id);
  if (headline == NULL || *headline == '\0')
    {
      /* A title is needed: the start of its text, or its date. */
      g_free (headline);
      headline = text != NULL && *text != '\0' ? g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 80)) : g_strdup (date);
      headline = g_strdelimit (headline, "\n", ' ');
    }
  json_object_set_string_member (event, "title", headline);
  json_object_set_string_member (event, "date", date);
  if (text != NULL && *text != '\0')
    json_object_set_string_member (event, "summary", text);
  if (group != NULL && *group != '\0')
    {
      JsonArray *tags = json_array_new ();
      g_autofree char *plain = storyline_html_to_text (group, NULL);

      json_array_add_string_element (tags, plain);
      json_object_set_array_member (event, "tags", tags);
    }

  for (guint i = 0; i + 1 < links->len; i += 2)
    {
      const char *source = source_for_url (m, links->pdata[i], links->pdata[i + 1], NULL);
      gboolean already = FALSE;

      for (guint k = 0; k < json_array_get_length (cited); k++)
        already |= g_str_equal (json_array_get_string_element (cited, k), source);
      if (!already)
        json_array_add_string_element (cited, source);
    }
  if (json_object_has_member (slide, "media") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (slide, "media")))
    {
      JsonObject *media = json_object_get_object_member (slide, "media");
      g_autofree char *url = member_text (media, "url");
      g_autofree char *caption = member_text (media, "caption");
      g_autofree char *credit = member_text (media, "credit");

      if (is_link (url))
        {
          g_autofree char *plain_caption = caption ? storyline_html_to_text (caption, NULL) : NULL;
          g_autofree char *plain_credit = credit ? storyline_html_to_text (credit, NULL) : NULL;
          const char *source = source_for_url (m, url, plain_caption, plain_credit);
          gboolean already = FALSE;

          for (guint k = 0; k < json_array_get_length (cited); k++)
            already |= g_str_equal (json_array_get_string_element (cited, k), source);
          if (!already)
            json_array_add_string_element (cited, source);
        }
    }
  if (json_array_get_length (cited) > 0)
    json_object_set_array_member (event, "sources", cited);
  else
    json_array_unref (cited);
  json_array_add_object_element (m->events, event);
}

static void
add_era (Maker      *m,
         JsonObject *era,
         guint       index,
         GError    **error)
{
  g_autofree char *where = g_strdup_printf ("eras[%u]", index);
  g_autofree char *start_where = g_strdup_printf ("eras[%u].start_date", index);
  g_autofree char *end_where = g_strdup_printf ("eras[%u].end_date", index);
  JsonObject *start = json_object_has_member (era, "start_date") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (era, "start_date"))
                      ? json_object_get_object_member (era, "start_date") : NULL;
  JsonObject *end = json_object_has_member (era, "end_date") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (era, "end_date"))
                    ? json_object_get_object_member (era, "end_date") : NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *text = NULL;
  JsonObject *phase;
  char *id;

  if (start == NULL || end == NULL)
    {
      set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("%s: an era needs a start_date and an end_date"), where);
      return;
    }
  if ((first = timeline_date (start, start_where, error)) == NULL ||
      (second = timeline_date (end, end_where, error)) == NULL)
    return;
  slide_text (era, &headline, &text, NULL);
  if (headline == NULL || *headline == '\0')
    {
      g_free (headline);
      headline = g_strdup_printf ("%s–%s", first, second);
    }
  phase = json_object_new ();
  id = take_id (m, headline, "era");
  json_object_set_string_member (phase, "id", id);
  g_free (id);
  json_object_set_string_member (phase, "title", headline);
  json_object_set_string_member (phase, "start", first);
  json_object_set_string_member (phase, "end", second);
  if (text != NULL && *text != '\0')
    json_object_set_string_member (phase, "summary", text);
  json_array_add_object_element (m->phases, phase);
}

static char *
import_timeline_object (JsonObject  *timeline,
                        GError     **error)
{
  Maker m;
  g_autofree char *scale = member_text (timeline, "scale");
  JsonArray *events, *eras;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  char *result = NULL;

  if (scale != NULL && g_ascii_strcasecmp (scale, "cosmological") == 0)
    {
      set_error (error, STORYLINE_IMPORT_ERROR_INVALID,
                 _("scale: a cosmological timeline counts years beyond what a story can hold (−9999 to 9999)"));
      return NULL;
    }
  if (!json_object_has_member (timeline, "events") || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (timeline, "events")))
    {
      set_error (error, STORYLINE_IMPORT_ERROR_FORMAT, _("not a TimelineJS timeline: it has no “events”"));
      return NULL;
    }
  maker_init (&m);
  if (json_object_has_member (timeline, "title") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (timeline, "title")))
    slide_text (json_object_get_object_member (timeline, "title"), &title, &summary, NULL);
  json_object_set_string_member (m.story, "title", title != NULL && *title != '\0' ? title : _("Imported timeline"));
  if (summary != NULL && *summary != '\0')
    json_object_set_string_member (m.story, "summary", summary);

  eras = json_object_has_member (timeline, "eras") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (timeline, "eras"))
         ? json_object_get_array_member (timeline, "eras") : NULL;
  for (guint i = 0; eras != NULL && i < json_array_get_length (eras); i++)
    {
      JsonNode *node = json_array_get_element (eras, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("eras[%u]: not an object"), i);
      else
        add_era (&m, json_node_get_object (node), i, error);
      if (error != NULL && *error != NULL)
        goto out;
    }
  events = json_object_get_array_member (timeline, "events");
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonNode *node = json_array_get_element (events, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("events[%u]: not an object"), i);
      else
        add_event (&m, json_node_get_object (node), i, error);
      if (error != NULL && *error != NULL)
        goto out;
    }
  result = maker_finish (&m);

out:
  maker_clear (&m);
  return result;
}

static JsonNode *
parse_json (const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;

  if (length > G_MAXSSIZE || !json_parser_load_from_data (parser, data, length, &parse_error))
    {
      set_error (error, STORYLINE_IMPORT_ERROR_FORMAT, _("not valid JSON: %s"),
                 parse_error ? parse_error->message : _("too large"));
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

static char *
import_timelinejs (const char  *data,
                   gsize        length,
                   GError     **error)
{
  g_autoptr(JsonNode) root = parse_json (data, length, error);

  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      set_error (error, STORYLINE_IMPORT_ERROR_FORMAT, _("not a TimelineJS timeline: not a JSON object"));
      return NULL;
    }
  return import_timeline_object (json_node_get_object (root), error);
}

/* CSV (RFC 4180) */

/* The rows of @data, each a NULL-terminated array of fields. A quoted
 * field may hold commas, doubled quotes and line breaks; lines end with
 * LF or CRLF; a byte-order mark at the start is skipped. */
static GPtrArray *
parse_csv (const char  *data,
           gsize        length,
           GPtrArray  **row_lines,
           GError     **error)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = data, *end = data + length;
  guint line = 1, row_line = 1;
  gboolean in_row = FALSE;

  *row_lines = g_ptr_array_new ();
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end)
    {
      if (!in_row)
        {
          row_line = line;
          in_row = TRUE;
        }
      if (*p == '"' && field->len == 0)
        {
          guint opened = line;

          p++;
          for (;;)
            {
              if (p >= end)
                {
                  set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("line %u: a quoted field is not closed"), opened);
                  g_ptr_array_unref (rows);
                  g_clear_pointer (row_lines, g_ptr_array_unref);
                  return NULL;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              if (*p == '\n')
                line++;
              g_string_append_c (field, *p++);
            }
          /* Anything up to the next separator is kept as it is. */
          continue;
        }
      if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          p++;
          continue;
        }
      if (*p == '\r' && p + 1 < end && p[1] == '\n')
        p++;
      if (*p == '\n')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
          g_ptr_array_add (*row_lines, GUINT_TO_POINTER (row_line));
          row = g_ptr_array_new_with_free_func (g_free);
          in_row = FALSE;
          line++;
          p++;
          continue;
        }
      g_string_append_c (field, *p++);
    }
  if (in_row)
    {
      g_ptr_array_add (row, g_strdup (field->str));
      g_ptr_array_add (row, NULL);
      g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
      g_ptr_array_add (*row_lines, GUINT_TO_POINTER (row_line));
    }
  return rows;
}

enum { COL_YEAR, COL_MONTH, COL_DAY, COL_TIME, COL_END_YEAR, COL_END_MONTH, COL_END_DAY, COL_END_TIME,
       COL_DISPLAY_DATE, COL_HEADLINE, COL_TEXT, COL_MEDIA, COL_MEDIA_CREDIT, COL_MEDIA_CAPTION,
       COL_MEDIA_THUMBNAIL, COL_TYPE, COL_GROUP, COL_BACKGROUND, N_COLUMNS };

/* The template's columns, by the names of its header row. */
static const char * const column_names[N_COLUMNS] = {
  "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
  "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
  "Media Thumbnail", "Type", "Group", "Background",
};

static const char *
cell (char      **row,
      const int  *columns,
      int         column)
{
  int i = columns[column];

  if (i < 0 || i >= (int) g_strv_length (row))
    return "";
  return row[i];
}

static gboolean
row_is_empty (char **row)
{
  for (guint i = 0; row[i] != NULL; i++)
    if (*g_strstrip (row[i]) != '\0')
      return FALSE;
  return TRUE;
}

static JsonObject *
csv_date (char      **row,
          const int  *columns,
          int         year,
          int         month,
          int         day)
{
  JsonObject *date = json_object_new ();

  json_object_set_string_member (date, "year", cell (row, columns, year));
  json_object_set_string_member (date, "month", cell (row, columns, month));
  json_object_set_string_member (date, "day", cell (row, columns, day));
  return date;
}

static JsonObject *
csv_text (char      **row,
          const int  *columns)
{
  JsonObject *text = json_object_new ();

  json_object_set_string_member (text, "headline", cell (row, columns, COL_HEADLINE));
  json_object_set_string_member (text, "text", cell (row, columns, COL_TEXT));
  return text;
}

/* A date's cells checked where they are, so that a wrong one is said by
 * its row and column. */
static gboolean
check_csv_date (char      **row,
                const int  *columns,
                guint       line,
                int         year,
                int         month,
                int         day,
                GError    **error)
{
  g_autoptr(JsonObject) date = csv_date (row, columns, year, month, day);
  g_autofree char *where = g_strdup_printf (_("row at line %u, columns %s/%s/%s"), line,
                                            column_names[year], column_names[month], column_names[day]);
  g_autofree char *text = timeline_date (date, where, error);

  return text != NULL;
}

static char *
import_timelinejs_csv (const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) rows = parse_csv (data, length, &lines, error);
  g_autoptr(JsonObject) timeline = NULL;
  JsonArray *events, *eras;
  int columns[N_COLUMNS];
  char **header;

  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      set_error (error, STORYLINE_IMPORT_ERROR_FORMAT, _("the file is empty"));
      return NULL;
    }
  header = rows->pdata[0];
  for (int c = 0; c < N_COLUMNS; c++)
    {
      columns[c] = -1;
      for (int i = 0; header[i] != NULL; i++)
        if (g_ascii_strcasecmp (g_strstrip (header[i]), column_names[c]) == 0)
          {
            columns[c] = i;
            break;
          }
    }
  {
    g_autoptr(GString) missing = g_string_new (NULL);
    static const int required[] = { COL_YEAR, COL_MONTH, COL_DAY, COL_HEADLINE, COL_TEXT };

    for (guint k = 0; k < G_N_ELEMENTS (required); k++)
      if (columns[required[k]] < 0)
        g_string_append_printf (missing, "%s“%s”", missing->len ? ", " : "", column_names[required[k]]);
    if (missing->len > 0)
      {
        set_error (error, STORYLINE_IMPORT_ERROR_FORMAT,
                   _("not a TimelineJS spreadsheet: its first row lacks the columns %s"), missing->str);
        return NULL;
      }
  }

  timeline = json_object_new ();
  events = json_array_new ();
  eras = json_array_new ();
  json_object_set_array_member (timeline, "events", events);
  json_object_set_array_member (timeline, "eras", eras);
  for (guint r = 1; r < rows->len; r++)
    {
      char **row = rows->pdata[r];
      guint line = GPOINTER_TO_UINT (lines->pdata[r]);
      g_autofree char *type = g_ascii_strdown (cell (row, columns, COL_TYPE), -1);
      JsonObject *slide;

      if (row_is_empty (row))
        continue;
      slide = json_object_new ();
      json_object_set_object_member (slide, "text", csv_text (row, columns));
      if (g_str_equal (g_strstrip (type), "title"))
        {
          json_object_set_object_member (timeline, "title", slide);
          continue;
        }
      if (!check_csv_date (row, columns, line, COL_YEAR, COL_MONTH, COL_DAY, error) ||
          (*cell (row, columns, COL_END_YEAR) != '\0' &&
           !check_csv_date (row, columns, line, COL_END_YEAR, COL_END_MONTH, COL_END_DAY, error)))
        {
          json_object_unref (slide);
          return NULL;
        }
      json_object_set_object_member (slide, "start_date", csv_date (row, columns, COL_YEAR, COL_MONTH, COL_DAY));
      if (*cell (row, columns, COL_END_YEAR) != '\0')
        json_object_set_object_member (slide, "end_date", csv_date (row, columns, COL_END_YEAR, COL_END_MONTH, COL_END_DAY));
      if (g_str_equal (type, "era"))
        {
          json_array_add_object_element (eras, slide);
          continue;
        }
      if (*cell (row, columns, COL_MEDIA) != '\0')
        {
          JsonObject *media = json_object_new ();

          json_object_set_string_member (media, "url", cell (row, columns, COL_MEDIA));
          json_object_set_string_member (media, "credit", cell (row, columns, COL_MEDIA_CREDIT));
          json_object_set_string_member (media, "caption", cell (row, columns, COL_MEDIA_CAPTION));
          json_object_set_object_member (slide, "media", media);
        }
      if (*cell (row, columns, COL_GROUP) != '\0')
        json_object_set_string_member (slide, "group", cell (row, columns, COL_GROUP));
      json_array_add_object_element (events, slide);
    }
  return import_timeline_object (timeline, error);
}

/* CSL-JSON */

/* A story of the sources @items, which it takes. */
static char *
import_items (JsonArray  *items,
              GError    **error)
{
  Maker m;
  char *result;

  maker_init (&m);
  json_object_set_string_member (m.story, "title", _("Imported bibliography"));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *item;
      g_autofree char *wanted = NULL;
      char *id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("[%u]: not an item (a JSON object)"), i);
          maker_clear (&m);
          json_array_unref (items);
          return NULL;
        }
      item = json_object_ref (json_node_get_object (node));
      wanted = member_text (item, "id");
      id = take_id (&m, wanted, "source");
      json_object_set_string_member (item, "id", id);
      g_free (id);
      if (!json_object_has_member (item, "type"))
        json_object_set_string_member (item, "type", "document");
      /* A source needs a title: what it is, at least. */
      if (!json_object_has_member (item, "title"))
        json_object_set_string_member (item, "title", json_object_get_string_member (item, "id"));
      json_array_add_object_element (m.sources, item);
    }
  json_array_unref (items);
  result = maker_finish (&m);
  maker_clear (&m);
  return result;
}

static char *
import_csl_json (const char  *data,
                 gsize        length,
                 GError     **error)
{
  g_autoptr(JsonNode) root = parse_json (data, length, error);

  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      set_error (error, STORYLINE_IMPORT_ERROR_FORMAT, _("not a CSL-JSON bibliography: not a JSON array"));
      return NULL;
    }
  return import_items (json_array_ref (json_node_get_array (root)), error);
}

/**
 * storyline_import_detect:
 *
 * Returns: (nullable): the format @data is in, by its content: one of
 *   storyline_import_formats(), or %NULL
 */
const char *
storyline_import_detect (const char *data,
                         gsize       length)
{
  const char *p = data, *end = data + length;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p >= end)
    return NULL;
  if (*p == '[')
    return "csl-json";
  if (*p == '{')
    return "timelinejs";
  if (*p == '@' || *p == '%')
    return "bibtex";
  if (end - p > 5 && p[0] == 'T' && p[1] == 'Y' && p[2] == ' ' && p[3] == ' ' && p[4] == '-')
    return "ris";
  /* A spreadsheet's first row: its column names. */
  {
    const char *eol = memchr (p, '\n', end - p);
    g_autofree char *first = g_ascii_strdown (p, (eol ? eol : end) - p);

    if (strstr (first, "year") != NULL && strstr (first, "headline") != NULL)
      return "timelinejs-csv";
  }
  return NULL;
}

/**
 * storyline_import_to_story:
 * @format: (nullable): one of storyline_import_formats(); %NULL to find
 *   it from the content
 *
 * Returns: (transfer full) (nullable): the text of a story file made from
 *   @data, to be read by the loader; %NULL with @error set when @data
 *   cannot be imported (where, and why)
 */
char *
storyline_import_to_story (const char  *format,
                           const char  *data,
                           gsize        length,
                           GError     **error)
{
  if (format == NULL)
    format = storyline_import_detect (data, length);
  if (format == NULL)
    {
      set_error (error, STORYLINE_IMPORT_ERROR_FORMAT,
                 _("the format of the file was not recognized: not a TimelineJS timeline (JSON or spreadsheet) or a bibliography (CSL-JSON, BibTeX or RIS)"));
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, NULL))
    {
      set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("the file is not UTF-8 text"));
      return NULL;
    }
  if (g_str_equal (format, "timelinejs"))
    return import_timelinejs (data, length, error);
  if (g_str_equal (format, "timelinejs-csv"))
    return import_timelinejs_csv (data, length, error);
  if (g_str_equal (format, "csl-json"))
    return import_csl_json (data, length, error);
  if (g_str_equal (format, "bibtex") || g_str_equal (format, "ris"))
    {
      JsonArray *items = g_str_equal (format, "bibtex") ? storyline_bibtex_to_csl (data, length, error)
                                                        : storyline_ris_to_csl (data, length, error);

      return items ? import_items (items, error) : NULL;
    }
  set_error (error, STORYLINE_IMPORT_ERROR_FORMAT, _("unknown import format “%s”"), format);
  return NULL;
}
