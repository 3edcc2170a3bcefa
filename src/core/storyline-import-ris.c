/* storyline-import-ris.c: RIS records as CSL-JSON items
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "storyline-import.h"
#include "storyline-import-private.h"

/* A RIS file: records of "XX  - value" lines, each from its TY line to
 * its ER line. Every RIS type maps to a CSL type as Zotero maps it; the
 * tags a news story's sources use are read (names from AU, A1–A4, ED;
 * dates from PY, DA and Y1; titles, containers, URL, DOI, pages, volume,
 * issue, publisher and its place, notes). A line that is not a tag
 * continues the value before it. */

/* As citation.js maps them (its spec/types.json). */
static const struct { const char *ris; const char *csl; } ris_types[] = {
  { "ABST", "article-journal" }, { "ADVS", "motion_picture" }, { "AGGR", "dataset" }, { "ANCIENT", "classic" },
  { "ART", "graphic" }, { "BILL", "bill" }, { "BLOG", "post-weblog" }, { "BOOK", "book" }, { "CASE", "legal_case" },
  { "CHAP", "chapter" }, { "CHART", "figure" }, { "CLSWK", "classic" }, { "COMP", "software" },
  { "CONF", "paper-conference" }, { "CPAPER", "paper-conference" }, { "CTLG", "entry" }, { "DATA", "dataset" },
  { "DBASE", "dataset" }, { "DICT", "entry-dictionary" }, { "EBOOK", "book" }, { "ECHAP", "chapter" },
  { "EDBOOK", "book" }, { "EJOUR", "article-journal" }, { "ELEC", "webpage" }, { "ENCYC", "entry-encyclopedia" },
  { "EQUA", "article" }, { "FIGURE", "figure" }, { "GEN", "document" }, { "GOVDOC", "report" },
  { "GRANT", "article" }, { "HEAR", "hearing" }, { "ICOMM", "personal_communication" },
  { "INPR", "article-journal" }, { "JFULL", "article-journal" }, { "JOUR", "article-journal" },
  { "LEGAL", "legislation" }, { "MANSCPT", "manuscript" }, { "MAP", "map" }, { "MGZN", "article-magazine" },
  { "MPCT", "broadcast" }, { "MULTI", "motion_picture" }, { "MUSIC", "musical_score" },
  { "NEWS", "article-newspaper" }, { "PAMP", "pamphlet" }, { "PAT", "patent" },
  { "PCOMM", "personal_communication" }, { "RPRT", "report" }, { "SER", "periodical" },
  { "SLIDE", "motion_picture" }, { "SOUND", "motion_picture" }, { "STAND", "standard" }, { "STAT", "legislation" },
  { "THES", "thesis" }, { "UNBILL", "manuscript" }, { "UNPB", "manuscript" }, { "VIDEO", "motion_picture" },
  { "WEB", "webpage" },
};

static const struct { const char *tag; const char *csl; } ris_text[] = {
  { "TI", "title" }, { "T1", "title" }, { "CT", "title" }, { "BT", "container-title" }, { "T2", "container-title" },
  { "JO", "container-title" }, { "JF", "container-title" }, { "JA", "container-title-short" }, { "J2", "container-title-short" },
  { "T3", "collection-title" }, { "ST", "title-short" }, { "UR", "URL" }, { "L1", "URL" }, { "DO", "DOI" },
  { "VL", "volume" }, { "IS", "issue" }, { "PB", "publisher" }, { "CY", "publisher-place" }, { "PP", "publisher-place" },
  { "N1", "note" }, { "AB", "abstract" }, { "N2", "abstract" }, { "ET", "edition" }, { "LA", "language" },
  { "M3", "medium" }, { "NV", "number-of-volumes" }, { "SE", "section" }, { "AN", "number" }, { "CN", "call-number" },
  { "DB", "archive" }, { "DP", "archive" }, { "AV", "archive_location" }, { "OP", "original-title" },
  { "RN", "note" }, { "C3", "event-title" }, { "M1", "number" },
};

static const struct { const char *tag; const char *csl; } ris_names[] = {
  { "AU", "author" }, { "A1", "author" }, { "A2", "editor" }, { "ED", "editor" }, { "A3", "collection-editor" },
  { "A4", "translator" },
};

static const char *
csl_of (const char *tag,
        gboolean    names)
{
  if (names)
    {
      for (guint i = 0; i < G_N_ELEMENTS (ris_names); i++)
        if (g_str_equal (tag, ris_names[i].tag))
          return ris_names[i].csl;
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (ris_text); i++)
    if (g_str_equal (tag, ris_text[i].tag))
      return ris_text[i].csl;
  return NULL;
}

/* "2020", "2020/05/01", "2020/05//", "2020-05-01": as CSL. */
static JsonNode *
ris_date (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, "/-", 4);
  gint64 y, m = 0, d = 0;
  char *end;

  y = g_ascii_strtoll (parts[0], &end, 10);
  if (parts[0][0] == '\0' || *end != '\0' || strlen (parts[0]) != 4)
    {
      JsonObject *literal = json_object_new ();

      json_object_set_string_member (literal, "literal", text);
      return json_node_init_object (json_node_alloc (), literal);
    }
  if (parts[1] != NULL && *parts[1] != '\0')
    {
      m = g_ascii_strtoll (parts[1], &end, 10);
      if (*end != '\0' || m < 1 || m > 12)
        m = 0;
      if (m > 0 && parts[2] != NULL && *parts[2] != '\0')
        {
          d = g_ascii_strtoll (parts[2], &end, 10);
          if (*end != '\0' || d < 1 || d > 31)
            d = 0;
        }
    }
  return storyline_csl_date (y, m, d);
}

typedef struct
{
  JsonObject *item;
  GHashTable *names;     /* CSL variable → GPtrArray of names */
  char *start_page, *end_page;
  char *sn;              /* ISBN or ISSN, by its form */
} Record;

static void
record_clear (Record *r)
{
  g_clear_pointer (&r->item, json_object_unref);
  g_clear_pointer (&r->names, g_hash_table_unref);
  g_clear_pointer (&r->start_page, g_free);
  g_clear_pointer (&r->end_page, g_free);
  g_clear_pointer (&r->sn, g_free);
}

static void
record_add (Record     *r,
            const char *tag,
            const char *value)
{
  const char *csl;

  if (*value == '\0')
    return;
  if ((csl = csl_of (tag, TRUE)) != NULL)
    {
      GPtrArray *names = g_hash_table_lookup (r->names, csl);

      if (names == NULL)
        {
          names = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (r->names, (gpointer) csl, names);
        }
      g_ptr_array_add (names, g_strdup (value));
      return;
    }
  if (g_str_equal (tag, "PY") || g_str_equal (tag, "DA") || g_str_equal (tag, "Y1"))
    {
      /* The first date given is when it was issued. */
      if (!json_object_has_member (r->item, "issued"))
        json_object_set_member (r->item, "issued", ris_date (value));
      return;
    }
  if (g_str_equal (tag, "Y2"))
    {
      if (!json_object_has_member (r->item, "accessed"))
        json_object_set_member (r->item, "accessed", ris_date (value));
      return;
    }
  if (g_str_equal (tag, "SP"))
    {
      g_free (r->start_page);
      r->start_page = g_strdup (value);
      return;
    }
  if (g_str_equal (tag, "EP"))
    {
      g_free (r->end_page);
      r->end_page = g_strdup (value);
      return;
    }
  if (g_str_equal (tag, "SN"))
    {
      g_free (r->sn);
      r->sn = g_strdup (value);
      return;
    }
  if (g_str_equal (tag, "KW"))
    {
      const char *before = json_object_get_string_member_with_default (r->item, "keyword", NULL);
      g_autofree char *joined = before ? g_strdup_printf ("%s, %s", before, value) : g_strdup (value);

      json_object_set_string_member (r->item, "keyword", joined);
      return;
    }
  if (g_str_equal (tag, "ID"))
    {
      json_object_set_string_member (r->item, "id", value);
      return;
    }
  if ((csl = csl_of (tag, FALSE)) != NULL && !json_object_has_member (r->item, csl))
    json_object_set_string_member (r->item, csl, value);
}

static JsonObject *
record_finish (Record *r)
{
  GHashTableIter iter;
  gpointer csl, names;
  JsonObject *item;

  g_hash_table_iter_init (&iter, r->names);
  while (g_hash_table_iter_next (&iter, &csl, &names))
    {
      g_ptr_array_add (names, NULL);
      json_object_set_member (r->item, csl, storyline_csl_names ((const char * const *) ((GPtrArray *) names)->pdata, FALSE));
    }
  if (r->start_page != NULL)
    {
      g_autofree char *pages = r->end_page ? g_strdup_printf ("%s-%s", r->start_page, r->end_page) : g_strdup (r->start_page);
      json_object_set_string_member (r->item, "page", pages);
    }
  if (r->sn != NULL)
    {
      /* An ISSN is eight characters, in two fours; longer is an ISBN. */
      g_autoptr(GString) digits = g_string_new (NULL);

      for (const char *p = r->sn; *p != '\0'; p++)
        if (g_ascii_isdigit (*p) || *p == 'X' || *p == 'x')
          g_string_append_c (digits, *p);
      json_object_set_string_member (r->item, digits->len == 8 ? "ISSN" : "ISBN", r->sn);
    }
  item = g_steal_pointer (&r->item);
  record_clear (r);
  return item;
}

static gboolean
is_tag_line (const char *line)
{
  return g_ascii_isupper (line[0]) && (g_ascii_isupper (line[1]) || g_ascii_isdigit (line[1])) &&
         line[2] == ' ' && line[3] == ' ' && line[4] == '-';
}

/**
 * storyline_ris_to_csl:
 *
 * Returns: (transfer full) (nullable): the records of a RIS file as
 *   CSL-JSON items; %NULL with @error set (its line) when it cannot be
 *   read
 */
JsonArray *
storyline_ris_to_csl (const char  *data,
                      gsize        length,
                      GError     **error)
{
  g_autoptr(JsonArray) items = json_array_new ();
  g_autofree char *text = g_strndup (data, length);
  g_auto(GStrv) lines = NULL;
  Record r = { NULL };
  guint opened = 0;
  g_autofree char *last_tag = NULL;
  g_autoptr(GString) value = g_string_new (NULL);
  char *start = text;

  if (g_str_has_prefix (start, "\xef\xbb\xbf"))
    start += 3;
  lines = g_strsplit (start, "\n", -1);
  for (guint n = 0; lines[n] != NULL; n++)
    {
      char *line = lines[n];
      gsize len = strlen (line);
      char tag[3];
      const char *v;

      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
      if (!is_tag_line (line))
        {
          /* A value that goes on: joined with a space. */
          if (r.item != NULL && last_tag != NULL && *g_strstrip (line) != '\0')
            g_string_append_printf (value, "%s%s", value->len ? " " : "", line);
          continue;
        }
      /* The value before it is complete. */
      if (r.item != NULL && last_tag != NULL)
        record_add (&r, last_tag, g_strstrip (value->str));
      g_string_truncate (value, 0);
      g_clear_pointer (&last_tag, g_free);

      memcpy (tag, line, 2);
      tag[2] = '\0';
      v = line + 5;
      while (*v == ' ')
        v++;
      if (g_str_equal (tag, "TY"))
        {
          const char *csl = "document";
          g_autofree char *type = g_strstrip (g_strdup (v));

          if (r.item != NULL)
            {
              record_clear (&r);
              g_set_error (error, STORYLINE_IMPORT_ERROR, STORYLINE_IMPORT_ERROR_INVALID,
                           _("line %u: a record begins before the one of line %u ended (no “ER  -” line)"), n + 1, opened);
              return NULL;
            }
          for (guint i = 0; i < G_N_ELEMENTS (ris_types); i++)
            if (g_str_equal (type, ris_types[i].ris))
              csl = ris_types[i].csl;
          r.item = json_object_new ();
          r.names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
          json_object_set_string_member (r.item, "type", csl);
          opened = n + 1;
          continue;
        }
      if (r.item == NULL)
        {
          g_set_error (error, STORYLINE_IMPORT_ERROR, STORYLINE_IMPORT_ERROR_INVALID,
                       _("line %u: “%s” outside a record (a record begins with “TY  -”)"), n + 1, tag);
          return NULL;
        }
      if (g_str_equal (tag, "ER"))
        {
          JsonObject *item = record_finish (&r);

          if (!json_object_has_member (item, "id"))
            {
              g_autofree char *id = g_strdup_printf ("ris-%u", json_array_get_length (items) + 1);
              json_object_set_string_member (item, "id", id);
            }
          json_array_add_object_element (items, item);
          continue;
        }
      last_tag = g_strdup (tag);
      g_string_assign (value, v);
    }
  if (r.item != NULL)
    {
      record_clear (&r);
      g_set_error (error, STORYLINE_IMPORT_ERROR, STORYLINE_IMPORT_ERROR_INVALID,
                   _("line %u: the record that begins here does not end (no “ER  -” line)"), opened);
      return NULL;
    }
  return g_steal_pointer (&items);
}
