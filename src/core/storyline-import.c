/* storyline-import.c: stories made from other tools' files
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "storyline-date.h"
#include "storyline-import.h"
#include "storyline-export-private.h"
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

/* The story being made: written as JSON text as it comes, which the
 * loader then reads (a tree of JSON objects for a large timeline would
 * take ten times the memory). */

typedef struct
{
  char *title;
  char *summary;
  GString *events;        /* JSON objects, comma-separated */
  GString *phases;
  GString *sources;
  GHashTable *ids;        /* every id given, for events, phases and sources alike */
  GHashTable *urls;       /* URL → id of the source made for it */
  GHashTable *suffixes;   /* id → the last number put after it to make it unique */
  GPtrArray *owned;       /* strings a slide points to */
  JsonObject *story_extras;  /* the title slide's: as a slide's */
} Maker;

static void
maker_init (Maker *m)
{
  memset (m, 0, sizeof *m);
  m->events = g_string_new (NULL);
  m->phases = g_string_new (NULL);
  m->sources = g_string_new (NULL);
  m->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->urls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  m->suffixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->owned = g_ptr_array_new_with_free_func (g_free);
}

static void
maker_clear (Maker *m)
{
  g_clear_pointer (&m->title, g_free);
  g_clear_pointer (&m->summary, g_free);
  if (m->events)
    g_string_free (g_steal_pointer (&m->events), TRUE);
  if (m->phases)
    g_string_free (g_steal_pointer (&m->phases), TRUE);
  if (m->sources)
    g_string_free (g_steal_pointer (&m->sources), TRUE);
  g_clear_pointer (&m->ids, g_hash_table_unref);
  g_clear_pointer (&m->urls, g_hash_table_unref);
  g_clear_pointer (&m->suffixes, g_hash_table_unref);
  g_clear_pointer (&m->owned, g_ptr_array_unref);
  g_clear_pointer (&m->story_extras, json_object_unref);
}

/* @text as a JSON string: storyline-publish.c writes it for every exporter. */
#define append_json_string storyline_publish_json_string

static void
append_member (GString    *out,
               const char *name,
               const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  g_string_append_printf (out, ",\"%s\":", name);
  append_json_string (out, text);
}

/* Begins an object in @list: "{" after a comma when it is not the first. */
static void
begin_object (GString *list)
{
  if (list->len > 0)
    g_string_append_c (list, ',');
  g_string_append_c (list, '{');
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
      /* Numbered on from the last number given it: a thousand links to
       * one site are not a million lookups. */
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (m->suffixes, base));

      for (n = MAX (n, 1) + 1;; n++)
        {
          char *next = g_strdup_printf ("%s-%u", base, n);

          if (!g_hash_table_contains (m->ids, next))
            {
              g_hash_table_insert (m->suffixes, base, GUINT_TO_POINTER (n));
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
  g_autofree char *host = NULL;
  GString *out = m->sources;
  char *new_id;

  if (id != NULL)
    return id;
  {
    const char *start = strstr (url, "://");
    const char *end;

    start = start ? start + 3 : url;
    end = start + strcspn (start, "/?#");
    host = g_strndup (start, end - start);
  }
  new_id = take_id (m, host, "source");
  g_hash_table_insert (m->urls, g_strdup (url), new_id);

  begin_object (out);
  g_string_append (out, "\"id\":");
  append_json_string (out, new_id);
  g_string_append (out, ",\"type\":\"webpage\"");
  append_member (out, "title", title != NULL && *title != '\0' ? title : url);
  if (credit != NULL && *credit != '\0')
    {
      g_string_append (out, ",\"author\":[{\"literal\":");
      append_json_string (out, credit);
      g_string_append (out, "}]");
    }
  append_member (out, "container-title", host);
  append_member (out, "URL", url);
  g_string_append_c (out, '}');
  return new_id;
}

static gboolean
is_link (const char *url)
{
  return url != NULL && (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://"));
}

/* What TimelineJS has that a story cannot hold (display dates,
 * backgrounds, thumbnails, times of day), kept as one member the loader
 * keeps as it is and --export timelinejs gives back. */
static void
append_extras (GString    *out,
               JsonObject *extras)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  if (extras == NULL || json_object_get_size (extras) == 0)
    return;
  node = json_node_init_object (json_node_alloc (), extras);
  text = json_to_string (node, FALSE);
  g_string_append (out, ",\"x-timelinejs\":");
  g_string_append (out, text);
}

/* The text of the story file: the events' own text, the rest put round
 * it (not a copy of a large story's events). */
static char *
maker_finish (Maker *m)
{
  g_autoptr(GString) head = g_string_new ("{\"format\":\"storyline\",\"version\":1,\"story\":{\"title\":");
  GString *out = g_steal_pointer (&m->events);

  append_json_string (head, m->title != NULL && *m->title != '\0' ? m->title : _("Imported timeline"));
  append_member (head, "summary", m->summary);
  append_extras (head, m->story_extras);
  g_string_append (head, "}");
  if (m->phases->len > 0)
    g_string_append_printf (head, ",\"phases\":[%s]", m->phases->str);
  g_string_append (head, ",\"events\":[");
  g_string_prepend_len (out, head->str, head->len);
  g_string_append_c (out, ']');
  if (m->sources->len > 0)
    {
      g_string_append (out, ",\"sources\":[");
      g_string_append_len (out, m->sources->str, m->sources->len);
      g_string_append_c (out, ']');
    }
  g_string_append (out, "}\n");
  return g_string_free (out, FALSE);
}

/* TimelineJS */

/* A slide (or an era) of a timeline, however it came. Its strings are
 * not its own; the year of its end is NULL when it has none. */
typedef struct
{
  const char *year, *month, *day;
  const char *end_year, *end_month, *end_day;
  const char *headline, *text;
  const char *media_url, *media_caption, *media_credit;
  const char *group, *unique_id;
  const char *start_where, *end_where;   /* where its dates are, for errors */
  const char *where;                     /* where it is */
  JsonObject *extras;                    /* what a story cannot hold: kept as "x-timelinejs" */
} Slide;

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

/* The EDTF text of a date of year, month and day (text, month and day
 * may be blank), at its precision. @where says where it is. */
static char *
timeline_date (const char  *year,
               const char  *month,
               const char  *day,
               const char  *where,
               GError     **error)
{
  g_autofree char *y_text = g_strstrip (g_strdup (year ? year : ""));
  g_autofree char *m_text = g_strstrip (g_strdup (month ? month : ""));
  g_autofree char *d_text = g_strstrip (g_strdup (day ? day : ""));
  char *end;
  gint64 y, mo = 0, d = 0;
  GString *text;
  StorylineDate parsed;
  g_autoptr(GError) date_error = NULL;

  if (*y_text == '\0')
    {
      set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("%s: a date needs a year"), where);
      return NULL;
    }
  y = g_ascii_strtoll (y_text, &end, 10);
  if (*end != '\0')
    {
      set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("%s: the year “%s” is not a number"), where, y_text);
      return NULL;
    }
  if (y > MAX_YEAR || y < -MAX_YEAR)
    {
      set_error (error, STORYLINE_IMPORT_ERROR_INVALID,
                 _("%s: the year %s is outside what a story can hold (years −9999 to 9999; cosmological timelines cannot be imported)"),
                 where, y_text);
      return NULL;
    }
  if (*m_text != '\0')
    {
      mo = g_ascii_strtoll (m_text, &end, 10);
      if (*end != '\0' || mo < 1 || mo > 12)
        {
          set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("%s: “%s” is not a month (1 to 12)"), where, m_text);
          return NULL;
        }
    }
  if (*d_text != '\0')
    {
      d = g_ascii_strtoll (d_text, &end, 10);
      if (*end != '\0' || d < 1 || d > 31 || mo == 0)
        {
          set_error (error, STORYLINE_IMPORT_ERROR_INVALID,
                     mo == 0 ? _("%s: a day (“%s”) without a month") : _("%s: “%s” is not a day of the month"), where, d_text);
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

/* The date of a slide: its start, and its end as an interval. */
static char *
slide_date (const Slide  *slide,
            GError      **error)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *interval = NULL;
  StorylineDate parsed;
  g_autoptr(GError) date_error = NULL;

  if ((first = timeline_date (slide->year, slide->month, slide->day, slide->start_where, error)) == NULL)
    return NULL;
  if (slide->end_year == NULL)
    return g_steal_pointer (&first);
  if ((second = timeline_date (slide->end_year, slide->end_month, slide->end_day, slide->end_where, error)) == NULL)
    return NULL;
  interval = g_strdup_printf ("%s/%s", first, second);
  if (!storyline_date_parse (interval, &parsed, &date_error))
    {
      set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("%s: %s"), slide->where, date_error->message);
      return NULL;
    }
  return g_steal_pointer (&interval);
}

/* Cites @source once in @cited (a JSON array's text, without brackets). */
static void
cite (GString    *cited,
      GHashTable *seen,
      const char *source)
{
  if (!g_hash_table_add (seen, (gpointer) source))
    return;
  if (cited->len > 0)
    g_string_append_c (cited, ',');
  append_json_string (cited, source);
}

static void
add_event (Maker       *m,
           const Slide *slide,
           guint        index,
           GError     **error)
{
  g_autofree char *date = slide_date (slide, error);
  g_autofree char *headline = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cited = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GString *out = m->events;
  char *id;

  if (date == NULL)
    return;
  headline = slide->headline ? storyline_html_to_text (slide->headline, NULL) : NULL;
  text = slide->text ? storyline_html_to_text (slide->text, links) : NULL;
  {
    g_autofree char *fallback = g_strdup_printf ("event-%u", index + 1);

    id = take_id (m, slide->unique_id, fallback);
  }
  if (headline == NULL || *headline == '\0')
    {
      /* A title is needed: the start of its text, or its date. */
      g_free (headline);
      headline = text != NULL && *text != '\0' ? g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 80)) : g_strdup (date);
      headline = g_strdelimit (headline, "\n", ' ');
    }

  for (guint i = 0; i + 1 < links->len; i += 2)
    cite (cited, seen, source_for_url (m, links->pdata[i], links->pdata[i + 1], NULL));
  if (is_link (slide->media_url))
    {
      g_autofree char *caption = slide->media_caption ? storyline_html_to_text (slide->media_caption, NULL) : NULL;
      g_autofree char *credit = slide->media_credit ? storyline_html_to_text (slide->media_credit, NULL) : NULL;

      cite (cited, seen, source_for_url (m, slide->media_url, caption, credit));
    }

  begin_object (out);
  g_string_append (out, "\"id\":");
  append_json_string (out, id);
  g_free (id);
  append_member (out, "title", headline);
  append_member (out, "date", date);
  append_member (out, "summary", text);
  if (slide->group != NULL && *slide->group != '\0')
    {
      g_autofree char *tag = storyline_html_to_text (slide->group, NULL);

      if (*tag != '\0')
        {
          g_string_append (out, ",\"tags\":[");
          append_json_string (out, tag);
          g_string_append_c (out, ']');
        }
    }
  if (cited->len > 0)
    g_string_append_printf (out, ",\"sources\":[%s]", cited->str);
  append_extras (out, slide->extras);
  g_string_append_c (out, '}');
}

/* An era from the first day of a year (or month) to its last is that
 * year (or month): how Storyline's export writes a phase of one year or
 * month, as TimelineJS drops an end it reads as the start. */
static void
whole_period (char **first,
              char **second)
{
  int y1, m1, d1, y2, m2, d2;

  if (sscanf (*first, "%d-%d-%d", &y1, &m1, &d1) != 3 || sscanf (*second, "%d-%d-%d", &y2, &m2, &d2) != 3 ||
      y1 != y2 || d1 != 1 || strlen (*first) != 10 || strlen (*second) != 10 || y1 < 0)
    return;
  if (m1 == 1 && m2 == 12 && d2 == 31)
    {
      g_free (*first);
      g_free (*second);
      *first = g_strdup_printf ("%04d", y1);
      *second = g_strdup (*first);
    }
  else if (m1 == m2 && (unsigned) d2 == storyline_days_in_month (y2, m2))
    {
      g_free (*first);
      g_free (*second);
      *first = g_strdup_printf ("%04d-%02d", y1, m1);
      *second = g_strdup (*first);
    }
}

static void
add_era (Maker       *m,
         const Slide *era,
         GError     **error)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *text = NULL;
  GString *out = m->phases;
  char *id;

  if (era->end_year == NULL)
    {
      set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("%s: an era needs a start_date and an end_date"), era->where);
      return;
    }
  if ((first = timeline_date (era->year, era->month, era->day, era->start_where, error)) == NULL ||
      (second = timeline_date (era->end_year, era->end_month, era->end_day, era->end_where, error)) == NULL)
    return;
  whole_period (&first, &second);
  headline = era->headline ? storyline_html_to_text (era->headline, NULL) : NULL;
  text = era->text ? storyline_html_to_text (era->text, NULL) : NULL;
  if (headline == NULL || *headline == '\0')
    {
      g_free (headline);
      headline = g_strdup_printf ("%s–%s", first, second);
    }
  id = take_id (m, headline, "era");
  begin_object (out);
  g_string_append (out, "\"id\":");
  append_json_string (out, id);
  g_free (id);
  append_member (out, "title", headline);
  append_member (out, "start", first);
  append_member (out, "end", second);
  append_member (out, "summary", text);
  append_extras (out, era->extras);
  g_string_append_c (out, '}');
}

static void
set_title (Maker      *m,
           const char *headline,
           const char *text)
{
  g_free (m->title);
  g_free (m->summary);
  m->title = headline ? storyline_html_to_text (headline, NULL) : NULL;
  m->summary = text ? storyline_html_to_text (text, NULL) : NULL;
}

/* The members of a TimelineJS object as a slide, its strings kept in
 * @m->owned. */
static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
own (Maker *m,
     char  *text)
{
  if (text != NULL)
    g_ptr_array_add (m->owned, text);
  return text;
}

/* The members of a slide a story has no place for. */
static JsonObject *
timeline_extras (JsonObject *object)
{
  static const char * const kept[] = { "display_date", "background", "autolink", "media", NULL };
  static const char * const times[] = { "hour", "minute", "second", "millisecond", "display_date", "format", NULL };
  static const char * const dates[] = { "start_date", "end_date", NULL };
  JsonObject *extras = json_object_new ();

  for (guint i = 0; kept[i] != NULL; i++)
    if (json_object_has_member (object, kept[i]))
      json_object_set_member (extras, kept[i], json_node_copy (json_object_get_member (object, kept[i])));
  for (guint d = 0; dates[d] != NULL; d++)
    {
      JsonObject *date = object_member (object, dates[d]);
      JsonObject *part = NULL;

      for (guint t = 0; date != NULL && times[t] != NULL; t++)
        if (json_object_has_member (date, times[t]))
          {
            if (part == NULL)
              part = json_object_new ();
            json_object_set_member (part, times[t], json_node_copy (json_object_get_member (date, times[t])));
          }
      if (part != NULL)
        json_object_set_object_member (extras, dates[d], part);
    }
  return extras;
}

static void
slide_of_object (Maker      *m,
                 JsonObject *object,
                 const char *where,
                 Slide      *slide)
{
  JsonObject *start = object_member (object, "start_date");
  JsonObject *end = object_member (object, "end_date");
  JsonObject *text = object_member (object, "text");
  JsonObject *media = object_member (object, "media");

  memset (slide, 0, sizeof *slide);
  slide->where = where;
  slide->start_where = own (m, g_strdup_printf ("%s.start_date", where));
  slide->end_where = own (m, g_strdup_printf ("%s.end_date", where));
  slide->year = own (m, member_text (start, "year"));
  slide->month = own (m, member_text (start, "month"));
  slide->day = own (m, member_text (start, "day"));
  if (end != NULL && json_object_has_member (end, "year"))
    {
      slide->end_year = own (m, member_text (end, "year"));
      if (slide->end_year == NULL)
        slide->end_year = "";
      slide->end_month = own (m, member_text (end, "month"));
      slide->end_day = own (m, member_text (end, "day"));
    }
  slide->headline = own (m, member_text (text, "headline"));
  slide->text = own (m, member_text (text, "text"));
  slide->media_url = own (m, member_text (media, "url"));
  slide->media_caption = own (m, member_text (media, "caption"));
  slide->media_credit = own (m, member_text (media, "credit"));
  slide->group = own (m, member_text (object, "group"));
  slide->unique_id = own (m, member_text (object, "unique_id"));
  slide->extras = timeline_extras (object);
}

static char *
import_timeline_object (JsonObject  *timeline,
                        GError     **error)
{
  Maker m;
  g_autofree char *scale = member_text (timeline, "scale");
  JsonArray *events, *eras;
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
  {
    JsonObject *title = object_member (timeline, "title");
    JsonObject *text = object_member (title, "text");
    g_autofree char *headline = member_text (text, "headline");
    g_autofree char *summary = member_text (text, "text");

    set_title (&m, headline, summary);
    if (title != NULL)
      m.story_extras = timeline_extras (title);
  }

  eras = json_object_has_member (timeline, "eras") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (timeline, "eras"))
         ? json_object_get_array_member (timeline, "eras") : NULL;
  for (guint i = 0; eras != NULL && i < json_array_get_length (eras); i++)
    {
      JsonNode *node = json_array_get_element (eras, i);
      g_autofree char *where = g_strdup_printf ("eras[%u]", i);
      Slide era;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("eras[%u]: not an object"), i);
      else
        {
          slide_of_object (&m, json_node_get_object (node), where, &era);
          if (object_member (json_node_get_object (node), "end_date") == NULL || era.end_year == NULL)
            era.end_year = NULL;
          if (object_member (json_node_get_object (node), "start_date") == NULL)
            set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("%s: an era needs a start_date and an end_date"), where);
          else
            add_era (&m, &era, error);
          json_object_unref (era.extras);
        }
      g_ptr_array_set_size (m.owned, 0);
      if (error != NULL && *error != NULL)
        goto out;
    }
  events = json_object_get_array_member (timeline, "events");
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonNode *node = json_array_get_element (events, i);
      g_autofree char *where = g_strdup_printf ("events[%u]", i);
      Slide slide;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("events[%u]: not an object"), i);
      else if (object_member (json_node_get_object (node), "start_date") == NULL)
        set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("%s: no start_date"), where);
      else
        {
          slide_of_object (&m, json_node_get_object (node), where, &slide);
          add_event (&m, &slide, i, error);
          json_object_unref (slide.extras);
        }
      g_ptr_array_set_size (m.owned, 0);
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
  if (json_parser_get_root (parser) == NULL)
    {
      set_error (error, STORYLINE_IMPORT_ERROR_FORMAT, _("the file is empty"));
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
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

/* CSV (RFC 4180), a row at a time */

typedef struct
{
  const char *p, *end;
  guint line;
  GString *field;
} Csv;

/* The next row's fields into @row;
 * FALSE at the end of the file, or with @error set. A quoted field may
 * hold commas, doubled quotes and line breaks; lines end with LF or
 * CRLF. @row_line is the line the row begins on. */
static gboolean
csv_row (Csv        *c,
         GPtrArray  *row,
         guint      *row_line,
         GError    **error)
{
  g_ptr_array_set_size (row, 0);
  if (c->p >= c->end)
    return FALSE;
  *row_line = c->line;
  g_string_truncate (c->field, 0);
  while (c->p < c->end)
    {
      if (*c->p == '"' && c->field->len == 0)
        {
          guint opened = c->line;

          c->p++;
          for (;;)
            {
              const char *quote;

              if (c->p >= c->end)
                {
                  set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("line %u: a quoted field is not closed"), opened);
                  return FALSE;
                }
              quote = memchr (c->p, '"', c->end - c->p);
              /* The text up to the quote, its line breaks counted. */
              {
                const char *stop = quote ? quote : c->end;

                for (const char *q = c->p; q < stop; q++)
                  if (*q == '\n')
                    c->line++;
                g_string_append_len (c->field, c->p, stop - c->p);
                c->p = stop;
              }
              if (quote == NULL)
                continue;
              if (c->p + 1 < c->end && c->p[1] == '"')
                {
                  g_string_append_c (c->field, '"');
                  c->p += 2;
                  continue;
                }
              c->p++;
              break;
            }
          /* Anything up to the next separator is kept as it is. */
          continue;
        }
      if (*c->p == ',')
        {
          g_ptr_array_add (row, g_strndup (c->field->str, c->field->len));
          g_string_truncate (c->field, 0);
          c->p++;
          continue;
        }
      if (*c->p == '\r' && c->p + 1 < c->end && c->p[1] == '\n')
        c->p++;
      if (*c->p == '\n')
        {
          c->p++;
          c->line++;
          break;
        }
      g_string_append_c (c->field, *c->p++);
    }
  g_ptr_array_add (row, g_strndup (c->field->str, c->field->len));
  g_string_truncate (c->field, 0);
  return TRUE;
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
cell (GPtrArray *row,
      const int *columns,
      int        column)
{
  int i = columns[column];

  if (i < 0 || i >= (int) row->len)
    return "";
  return row->pdata[i];
}

static gboolean
row_is_empty (GPtrArray *row)
{
  for (guint i = 0; i < row->len; i++)
    for (const char *p = row->pdata[i]; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
}

/* "9:30:05" as TimelineJS's hour, minute and second. */
static JsonObject *
csv_time (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", 3);
  static const char * const names[] = { "hour", "minute", "second" };
  JsonObject *time = json_object_new ();

  for (guint i = 0; parts[i] != NULL && i < 3; i++)
    json_object_set_string_member (time, names[i], g_strstrip (parts[i]));
  return time;
}

/* The sheet's columns a story has no place for, as TimelineJS's JSON
 * names them. */
static JsonObject *
csv_extras (GPtrArray *row,
            const int *columns)
{
  JsonObject *extras = json_object_new ();
  const char *display = cell (row, columns, COL_DISPLAY_DATE);
  const char *background = cell (row, columns, COL_BACKGROUND);
  const char *time = cell (row, columns, COL_TIME);
  const char *end_time = cell (row, columns, COL_END_TIME);

  if (*display != '\0')
    json_object_set_string_member (extras, "display_date", display);
  if (*background != '\0')
    {
      JsonObject *b = json_object_new ();

      json_object_set_string_member (b, *background == '#' ? "color" : "url", background);
      json_object_set_object_member (extras, "background", b);
    }
  if (*cell (row, columns, COL_MEDIA) != '\0')
    {
      JsonObject *media = json_object_new ();
      static const struct { int column; const char *name; } parts[] = {
        { COL_MEDIA, "url" }, { COL_MEDIA_CREDIT, "credit" }, { COL_MEDIA_CAPTION, "caption" }, { COL_MEDIA_THUMBNAIL, "thumbnail" },
      };

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        if (*cell (row, columns, parts[i].column) != '\0')
          json_object_set_string_member (media, parts[i].name, cell (row, columns, parts[i].column));
      json_object_set_object_member (extras, "media", media);
    }
  if (*time != '\0')
    json_object_set_object_member (extras, "start_date", csv_time (time));
  if (*end_time != '\0')
    json_object_set_object_member (extras, "end_date", csv_time (end_time));
  return extras;
}

static char *
import_timelinejs_csv (const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  Csv c = { data, data + length, 1, g_string_new (NULL) };
  int columns[N_COLUMNS];
  guint line = 1, index = 0;
  Maker m;
  char *result = NULL;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    c.p += 3;
  if (!csv_row (&c, row, &line, error))
    {
      if (error == NULL || *error == NULL)
        set_error (error, STORYLINE_IMPORT_ERROR_FORMAT, _("the file is empty"));
      g_string_free (c.field, TRUE);
      return NULL;
    }
  for (int k = 0; k < N_COLUMNS; k++)
    {
      columns[k] = -1;
      for (guint i = 0; i < row->len; i++)
        if (g_ascii_strcasecmp (g_strstrip ((char *) row->pdata[i]), column_names[k]) == 0)
          {
            columns[k] = i;
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
        g_string_free (c.field, TRUE);
        return NULL;
      }
  }

  maker_init (&m);
  /* The events' text is about as long as the sheet. */
  g_string_set_size (m.events, length + length / 4);
  g_string_truncate (m.events, 0);
  while (csv_row (&c, row, &line, error))
    {
      g_autofree char *type = NULL;
      g_autofree char *start_where = NULL;
      g_autofree char *end_where = NULL;
      g_autofree char *where = NULL;
      Slide slide = { NULL };

      if (row_is_empty (row))
        continue;
      type = g_strstrip (g_ascii_strdown (cell (row, columns, COL_TYPE), -1));
      if (g_str_equal (type, "title"))
        {
          set_title (&m, cell (row, columns, COL_HEADLINE), cell (row, columns, COL_TEXT));
          g_clear_pointer (&m.story_extras, json_object_unref);
          m.story_extras = csv_extras (row, columns);
          continue;
        }
      start_where = g_strdup_printf (_("row at line %u, columns %s/%s/%s"), line,
                                     column_names[COL_YEAR], column_names[COL_MONTH], column_names[COL_DAY]);
      end_where = g_strdup_printf (_("row at line %u, columns %s/%s/%s"), line,
                                   column_names[COL_END_YEAR], column_names[COL_END_MONTH], column_names[COL_END_DAY]);
      where = g_strdup_printf (_("row at line %u"), line);
      slide.year = cell (row, columns, COL_YEAR);
      slide.month = cell (row, columns, COL_MONTH);
      slide.day = cell (row, columns, COL_DAY);
      if (*cell (row, columns, COL_END_YEAR) != '\0')
        {
          slide.end_year = cell (row, columns, COL_END_YEAR);
          slide.end_month = cell (row, columns, COL_END_MONTH);
          slide.end_day = cell (row, columns, COL_END_DAY);
        }
      slide.headline = cell (row, columns, COL_HEADLINE);
      slide.text = cell (row, columns, COL_TEXT);
      slide.media_url = cell (row, columns, COL_MEDIA);
      slide.media_caption = cell (row, columns, COL_MEDIA_CAPTION);
      slide.media_credit = cell (row, columns, COL_MEDIA_CREDIT);
      slide.group = cell (row, columns, COL_GROUP);
      slide.start_where = start_where;
      slide.end_where = end_where;
      slide.where = where;
      slide.extras = csv_extras (row, columns);
      if (g_str_equal (type, "era"))
        add_era (&m, &slide, error);
      else
        add_event (&m, &slide, index++, error);
      json_object_unref (slide.extras);
      if (error != NULL && *error != NULL)
        goto out;
    }
  if (error == NULL || *error == NULL)
    result = maker_finish (&m);

out:
  maker_clear (&m);
  g_string_free (c.field, TRUE);
  return result;
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
  m.title = g_strdup (_("Imported bibliography"));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *item;
      g_autofree char *wanted = NULL;
      g_autofree char *text = NULL;
      char *id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          set_error (error, STORYLINE_IMPORT_ERROR_INVALID, _("[%u]: not an item (a JSON object)"), i);
          maker_clear (&m);
          json_array_unref (items);
          return NULL;
        }
      item = json_node_get_object (node);
      wanted = member_text (item, "id");
      id = take_id (&m, wanted, "source");
      json_object_set_string_member (item, "id", id);
      g_free (id);
      if (!json_object_has_member (item, "type"))
        json_object_set_string_member (item, "type", "document");
      /* A source needs a title: what it is, at least. */
      if (!json_object_has_member (item, "title"))
        json_object_set_string_member (item, "title", json_object_get_string_member (item, "id"));
      text = json_to_string (node, FALSE);
      if (m.sources->len > 0)
        g_string_append_c (m.sources, ',');
      g_string_append (m.sources, text);
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
  {
    const char *bad;

    if (!g_utf8_validate_len (data, length, &bad))
      {
        /* Where: a Latin-1 "é" in a name is found by its line. */
        guint line = 1, column = 1;

        for (const char *p = data; p < bad; p = g_utf8_next_char (p))
          {
            if (*p == '\n')
              {
                line++;
                column = 1;
              }
            else
              column++;
          }
        set_error (error, STORYLINE_IMPORT_ERROR_INVALID,
                   _("line %u, column %u: the file is not UTF-8 text (save it as UTF-8 and import it again)"), line, column);
        return NULL;
      }
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
