/* storyline-reader-csl.c: sources, read as CSL-JSON items
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "storyline-reader-private.h"


/* Every variable of the CSL-JSON data schema (1.0.2). */
static const char * const source_keys[] = {
  "id", "type", "citation-key", "categories", "language", "journalAbbreviation", "shortTitle",
  "author", "chair", "collection-editor", "compiler", "composer", "container-author",
  "contributor", "curator", "director", "editor", "editorial-director", "executive-producer",
  "guest", "host", "interviewer", "illustrator", "narrator", "organizer", "original-author",
  "performer", "producer", "recipient", "reviewed-author", "script-writer", "series-creator",
  "translator", "accessed", "available-date", "event-date", "issued", "original-date",
  "submitted", "abstract", "annote", "archive", "archive_collection", "archive_location",
  "archive-place", "authority", "call-number", "chapter-number", "citation-number",
  "citation-label", "collection-number", "collection-title", "container-title",
  "container-title-short", "dimensions", "division", "DOI", "edition", "event", "event-title",
  "event-place", "first-reference-note-number", "genre", "ISBN", "ISSN", "issue",
  "jurisdiction", "keyword", "locator", "medium", "note", "number", "number-of-pages",
  "number-of-volumes", "original-publisher", "original-publisher-place", "original-title",
  "page", "page-first", "part", "part-number", "part-title", "PMCID", "PMID", "printing", "publisher",
  "publisher-place", "references", "reviewed-genre", "reviewed-title", "scale", "section",
  "printing-number", "source", "status", "supplement", "supplement-number", "title", "title-short", "URL", "version", "volume",
  "volume-title", "volume-title-short", "year-suffix", "custom", NULL
};

static const char * const csl_types[] = {
  "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
  "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
  "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
  "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
  "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
  "personal_communication", "post", "post-weblog", "regulation", "report", "review",
  "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage", NULL
};
static const char * const name_keys[] = {
  "family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal",
  "comma-suffix", "static-ordering", "parse-names", NULL
};
static const char * const csl_date_keys[] = { "date-parts", "season", "circa", "literal", "raw", NULL };
static const char * const custom_keys[] = { "derived_from", "archived_url", "reliability", NULL };
static const char * const reliabilities[] = { "", "primary", "secondary", "rewrite", NULL };

static void
string_free (GString *string)
{
  g_string_free (string, TRUE);
}

/* CSL dates: { "date-parts": [[2025, 10, 27]] } with one or two parts
 * arrays, "circa", "literal", "raw"; or an EDTF string. The parts are
 * written out as EDTF so that one parser checks every date. */
static gboolean
csl_part (JsonNode *node,
          gint64   *value)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *value = json_node_get_int (node);
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      char *end;

      *value = g_ascii_strtoll (text, &end, 10);
      return *text != '\0' && *end == '\0';
    }
  return FALSE;
}

static void
read_csl_date (Reader        *r,
               JsonObject    *object,
               const char    *key,
               const char    *id,
               StorylineDate *date,
               char         **literal)
{
  JsonNode *node = storyline_reader_get_member (r, object, key, id, FALSE);
  g_autoptr(GString) edtf = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *o;
  JsonNode *parts;
  gsize len;

  if (node == NULL)
    return;

  len = storyline_reader_path_push_key (r, key);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      edtf = g_string_new (json_node_get_string (node));
    }
  else if ((o = storyline_reader_node_get_object (r, node, id)) != NULL)
    {
      storyline_reader_check_keys (r, o, id, csl_date_keys);
      parts = json_object_get_member (o, "date-parts");

      if (parts != NULL)
        {
          JsonArray *outer = JSON_NODE_HOLDS_ARRAY (parts) ? json_node_get_array (parts) : NULL;
          guint n = outer ? json_array_get_length (outer) : 0;

          edtf = g_string_new (NULL);
          if (n < 1 || n > 2)
            {
              storyline_reader_error (r, id, _("“date-parts” takes one or two arrays of year, month, day"));
              g_clear_pointer (&edtf, string_free);
            }
          for (guint i = 0; edtf != NULL && i < n; i++)
            {
              JsonNode *inner_node = json_array_get_element (outer, i);
              JsonArray *inner = JSON_NODE_HOLDS_ARRAY (inner_node) ? json_node_get_array (inner_node) : NULL;
              guint m = inner ? json_array_get_length (inner) : 0;

              if (m < 1 || m > 3)
                {
                  storyline_reader_error (r, id, _("“date-parts” takes one or two arrays of year, month, day"));
                  g_clear_pointer (&edtf, string_free);
                  break;
                }
              if (i > 0)
                g_string_append_c (edtf, '/');
              for (guint j = 0; j < m; j++)
                {
                  gint64 v;

                  if (!csl_part (json_array_get_element (inner, j), &v) ||
                      v < (j == 0 ? -9999 : 0) || v > (j == 0 ? 9999 : 99))
                    {
                      storyline_reader_error (r, id, _("“date-parts” holds whole numbers: a year of at most four digits, a month, a day"));
                      g_clear_pointer (&edtf, string_free);
                      break;
                    }
                  if (j == 0)
                    g_string_append_printf (edtf, v < 0 ? "-%04" G_GINT64_FORMAT : "%04" G_GINT64_FORMAT, v < 0 ? -v : v);
                  else
                    g_string_append_printf (edtf, "-%02" G_GINT64_FORMAT, v);
                }
              if (edtf != NULL && json_object_has_member (o, "circa"))
                g_string_append_c (edtf, '~');
            }
        }
      else if (json_object_get_member (o, "raw") != NULL)
        {
          const char *raw = storyline_reader_read_string (r, o, "raw", id, FALSE);
          if (raw != NULL)
            edtf = g_string_new (raw);
        }
      else if (json_object_get_member (o, "literal") != NULL)
        {
          *literal = storyline_reader_dup_string (r, o, "literal", id);
        }
      else
        {
          storyline_reader_error (r, id, _("a date needs “date-parts”, “raw” or “literal”"));
        }
    }

  if (edtf != NULL && !storyline_date_parse (edtf->str, date, &local_error))
    storyline_reader_error (r, id, _("not a date of the format: %s"), local_error->message);

  storyline_reader_path_pop (r, len);
}

static void
read_names (Reader          *r,
            StorylineSource *source,
            JsonObject      *object)
{
  JsonNode *node = json_object_get_member (object, "author");
  JsonArray *array;
  gsize len;

  /* The shape to write, where a name is written as the text it would
   * print. */
  if (node != NULL && !JSON_NODE_HOLDS_ARRAY (node) && !JSON_NODE_HOLDS_NULL (node))
    {
      len = storyline_reader_path_push_key (r, "author");
      storyline_reader_error (r, source->id,
                              _("expected a list of names, such as [{\"literal\": \"Dawn Staff\"}] or [{\"family\": \"Siddiqui\", \"given\": \"Naveed\"}], found %s"),
                              storyline_reader_describe_node (node));
      storyline_reader_path_pop (r, len);
      return;
    }
  array = storyline_reader_read_array (r, object, "author", source->id);

  if (array == NULL || json_array_get_length (array) == 0)
    return;

  source->authors = g_array_new (FALSE, TRUE, sizeof (StorylineName));
  g_array_set_clear_func (source->authors, (GDestroyNotify) storyline_name_clear);

  len = storyline_reader_path_push_key (r, "author");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize len2 = storyline_reader_path_push_index (r, i);
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *o = NULL;

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        storyline_reader_error (r, source->id,
                                _("a name is an object: {\"literal\": \"%s\"} for an organization, or {\"family\": \"…\", \"given\": \"…\"} for a person"),
                                json_node_get_string (element));
      else
        o = storyline_reader_node_get_object (r, element, source->id);

      if (o != NULL)
        {
          StorylineName name = { 0 };

          storyline_reader_check_keys (r, o, source->id, name_keys);
          name.family = storyline_reader_dup_string (r, o, "family", source->id);
          name.given = storyline_reader_dup_string (r, o, "given", source->id);
          name.dropping_particle = storyline_reader_dup_string (r, o, "dropping-particle", source->id);
          name.non_dropping_particle = storyline_reader_dup_string (r, o, "non-dropping-particle", source->id);
          name.suffix = storyline_reader_dup_string (r, o, "suffix", source->id);
          name.literal = storyline_reader_dup_string (r, o, "literal", source->id);
          if (name.family == NULL && name.literal == NULL)
            storyline_reader_error (r, source->id, _("a name needs “family” (a person) or “literal” (an organization)"));
          g_array_append_val (source->authors, name);
        }
      storyline_reader_path_pop (r, len2);
    }
  storyline_reader_path_pop (r, len);
}

static void
read_custom (Reader          *r,
             StorylineSource *source,
             JsonObject      *object)
{
  JsonNode *node = storyline_reader_get_member (r, object, "custom", source->id, FALSE);
  JsonObject *custom;
  JsonArray *derived;
  gsize len;

  if (node == NULL)
    return;

  len = storyline_reader_path_push_key (r, "custom");
  if ((custom = storyline_reader_node_get_object (r, node, source->id)) != NULL)
    {
      storyline_reader_check_keys (r, custom, source->id, custom_keys);
      source->archived_url = storyline_reader_dup_string (r, custom, "archived_url", source->id);
      if (source->archived_url != NULL)
        {
          gsize len2 = storyline_reader_path_push_key (r, "archived_url");
          storyline_reader_check_url (r, source->archived_url, source->id);
          storyline_reader_path_pop (r, len2);
        }
      source->reliability = storyline_reader_read_word (r, custom, "reliability", source->id, reliabilities,
                                                        STORYLINE_RELIABILITY_UNKNOWN, FALSE);

      if ((derived = storyline_reader_read_array (r, custom, "derived_from", source->id)) != NULL)
        {
          gsize len2 = storyline_reader_path_push_key (r, "derived_from");

          for (guint i = 0; i < json_array_get_length (derived); i++)
            {
              gsize len3 = storyline_reader_path_push_index (r, i);
              const char *ref = storyline_reader_node_get_string (r, json_array_get_element (derived, i), source->id, TRUE);
              StorylineSource *other = ref ? storyline_reader_resolve (r, r->story->source_index, ref, "sources", source->id) : NULL;

              if (other == source)
                storyline_reader_error (r, source->id, _("a source cannot derive from itself"));
              else if (other != NULL)
                storyline_reader_add_unique (&source->derived_from, other);
              storyline_reader_path_pop (r, len3);
            }
          storyline_reader_path_pop (r, len2);
        }
    }
  storyline_reader_path_pop (r, len);
}

void
storyline_reader_read_source (Reader          *r,
                              StorylineSource *source,
                              JsonObject      *object)
{
  const char *id = source->id;
  const char *type;

  {
    g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
    source->item_json = json_to_string (node, FALSE);
  }
  storyline_reader_check_keys (r, object, id, source_keys);

  type = storyline_reader_read_string (r, object, "type", id, TRUE);
  if (type != NULL && storyline_reader_word_index (type, csl_types) < 0)
    {
      gsize len = storyline_reader_path_push_key (r, "type");
      const char *hint = storyline_reader_closest_word (type, csl_types);

      if (hint != NULL)
        storyline_reader_error (r, id, _("“%s” is not a CSL item type; did you mean “%s”?"), type, hint);
      else
        storyline_reader_error (r, id, _("“%s” is not a CSL item type, such as article-newspaper, report or webpage"), type);
      storyline_reader_path_pop (r, len);
    }
  source->type = g_strdup (type);
  source->title = g_strdup (storyline_reader_read_string (r, object, "title", id, TRUE));
  source->container_title = storyline_reader_dup_string (r, object, "container-title", id);
  source->publisher = storyline_reader_dup_string (r, object, "publisher", id);
  source->publisher_place = storyline_reader_dup_string (r, object, "publisher-place", id);
  source->genre = storyline_reader_dup_string (r, object, "genre", id);
  source->language = storyline_reader_dup_string (r, object, "language", id);
  source->note = storyline_reader_dup_string (r, object, "note", id);
  source->archive = storyline_reader_dup_string (r, object, "archive", id);
  source->archive_location = storyline_reader_dup_string (r, object, "archive_location", id);
  source->url = storyline_reader_dup_string (r, object, "URL", id);
  if (source->url != NULL)
    {
      gsize len = storyline_reader_path_push_key (r, "URL");
      storyline_reader_check_url (r, source->url, id);
      storyline_reader_path_pop (r, len);
    }
  read_names (r, source, object);
  read_csl_date (r, object, "issued", id, &source->issued, &source->issued_literal);
  {
    g_autofree char *accessed_literal = NULL;
    read_csl_date (r, object, "accessed", id, &source->accessed, &accessed_literal);
  }
  read_custom (r, source, object);
}

