/* storyline-reader.c: from a JSON tree to a story, checking every rule
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "storyline-model-private.h"
#include "storyline-pieces.h"
#include "storyline-problem.h"
#include "storyline-reader.h"
#include "storyline-url.h"

/* The reader walks the tree twice: the first pass creates an object for
 * every element with a usable id and indexes it, the second reads every
 * field and resolves references, so that order in the file never matters.
 * Problems are collected, never thrown: one run reports all of them. Any
 * error means the story is refused as a whole. */

typedef struct
{
  StorylineStory *story;
  GPtrArray *problems;
  GString *path;
  GCancellable *cancellable;
  gboolean pieces_failed;       /* a piece would not parse: read it whole */
  JsonParser *element_parser;   /* for the odd element the first pass parses */
  JsonNode *null_node;
  guint n_errors;
  guint n_dropped;
  StorylineLoadProgress *progress;
  guint done;
  guint total;
} Reader;

/* Keys the format knows, per kind of object. NULL-terminated. */
static const char * const top_keys[] = {
  "format", "version", "story", "phases", "actors", "events", "quotes", "sources", "$schema", NULL
};
static const char * const story_keys[] = {
  "title", "subtitle", "summary", "language", "updated", "primary_source", NULL
};
static const char * const phase_keys[] = { "id", "title", "start", "end", "summary", NULL };
static const char * const actor_keys[] = {
  "id", "name", "kind", "role", "affiliation", "aliases", "description", NULL
};
static const char * const event_keys[] = {
  "id", "title", "date", "summary", "place", "type", "tags", "phase", "actors", "sources",
  "related", "notes", NULL
};
static const char * const source_ref_keys[] = { "source", "locator", "note", NULL };
static const char * const related_keys[] = { "event", "relation", NULL };
static const char * const note_keys[] = { "kind", "text", "sources", NULL };
static const char * const quote_keys[] = {
  "id", "text", "speaker", "event", "said", "origin", "kind", "language", "renditions", NULL
};
static const char * const rendition_keys[] = { "source", "text", "locator", "prefix", "suffix", "note", NULL };
static const char * const custom_keys[] = { "derived_from", "archived_url", "reliability", NULL };
static const char * const name_keys[] = {
  "family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal",
  "comma-suffix", "static-ordering", "parse-names", NULL
};
static const char * const csl_date_keys[] = { "date-parts", "season", "circa", "literal", "raw", NULL };

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

static const char * const actor_kinds[] = { "organization", "person", "country", "group", NULL };
static const char * const relation_kinds[] = { "follows", "causes", "responds-to", "part-of", NULL };
static const char * const note_kinds[] = { "correction", "context", "uncertainty", NULL };
static const char * const quote_kinds[] = { "statement", "spoken", "written", "translated", NULL };
static const char * const reliabilities[] = { "", "primary", "secondary", "rewrite", NULL };

/**
 * storyline_edit_distance:
 *
 * Levenshtein distance between @a and @b in bytes, or @limit + 1 when it is
 * more than @limit.
 */
guint
storyline_edit_distance (const char *a,
                         const char *b,
                         guint       limit)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = NULL;

  if ((la > lb ? la - lb : lb - la) > limit || la > 256 || lb > 256)
    return limit + 1;

  row = g_new (guint, lb + 1);
  for (gsize j = 0; j <= lb; j++)
    row[j] = j;

  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];
      guint best;

      row[0] = i;
      best = row[0];
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
          best = MIN (best, row[j]);
        }
      if (best > limit)
        return limit + 1;
    }

  return MIN (row[lb], limit + 1);
}

static const char *
closest_word (const char         *word,
              const char * const *candidates)
{
  const char *best = NULL;
  guint best_distance = 3;

  for (guint i = 0; candidates[i] != NULL; i++)
    {
      guint d;

      if (*candidates[i] == '\0')
        continue;
      if (g_ascii_strcasecmp (word, candidates[i]) == 0)
        return candidates[i];
      d = storyline_edit_distance (word, candidates[i], 2);
      if (d < best_distance && d <= strlen (candidates[i]) / 2)
        {
          best = candidates[i];
          best_distance = d;
        }
    }

  return best;
}

static int
word_index (const char         *word,
            const char * const *words)
{
  for (int i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strcmp (word, words[i]) == 0)
      return i;
  return -1;
}

/* Paths: "events[4].date"; keys that are not plain names are quoted. */

static gsize
path_push_key (Reader     *r,
               const char *key)
{
  gsize len = r->path->len;
  gboolean plain = *key != '\0';

  for (const char *p = key; *p && plain; p++)
    plain = g_ascii_isalnum (*p) || *p == '_' || *p == '-' || *p == '$';

  if (plain)
    {
      if (r->path->len > 0)
        g_string_append_c (r->path, '.');
      g_string_append (r->path, key);
    }
  else
    {
      g_autofree char *escaped = g_strescape (key, NULL);
      g_string_append_printf (r->path, "[\"%s\"]", escaped);
    }

  return len;
}

static gsize
path_push_index (Reader *r,
                 guint   index)
{
  gsize len = r->path->len;
  char digits[16];
  guint n = 0;

  /* Twice for every element of a large file: no printf. */
  do
    digits[n++] = '0' + index % 10;
  while ((index /= 10) > 0);
  g_string_append_c (r->path, '[');
  while (n > 0)
    g_string_append_c (r->path, digits[--n]);
  g_string_append_c (r->path, ']');
  return len;
}

static void
path_pop (Reader *r,
          gsize   len)
{
  g_string_truncate (r->path, len);
}

static void
report_valist (Reader            *r,
               StorylineSeverity  severity,
               const char        *id,
               const char        *format,
               va_list            args) G_GNUC_PRINTF (4, 0);

static void
report_valist (Reader            *r,
               StorylineSeverity  severity,
               const char        *id,
               const char        *format,
               va_list            args)
{
  g_autofree char *message = NULL;

  if (severity == STORYLINE_SEVERITY_ERROR)
    r->n_errors++;

  /* A file can have a million broken elements; a person reads the first
   * few hundred, and the count of the rest. */
  if (r->problems->len >= STORYLINE_MAX_PROBLEMS)
    {
      r->n_dropped++;
      return;
    }
  message = g_strdup_vprintf (format, args);
  g_ptr_array_add (r->problems, storyline_problem_new (severity, r->path->str, id, message));
}

static void
error (Reader     *r,
       const char *id,
       const char *format,
       ...) G_GNUC_PRINTF (3, 4);

static void
error (Reader     *r,
       const char *id,
       const char *format,
       ...)
{
  va_list args;

  va_start (args, format);
  report_valist (r, STORYLINE_SEVERITY_ERROR, id, format, args);
  va_end (args);
}

static void
warning (Reader     *r,
         const char *id,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static void
warning (Reader     *r,
         const char *id,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  report_valist (r, STORYLINE_SEVERITY_WARNING, id, format, args);
  va_end (args);
}

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("a string");
        case G_TYPE_BOOLEAN:
          return _("true or false");
        default:
          return _("a number");
        }
    }
}

static void
check_keys (Reader             *r,
            JsonObject         *object,
            const char         *id,
            const char * const *known)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &node))
    {
      const char *hint;
      gsize len;

      if (word_index (key, known) >= 0)
        continue;

      len = path_push_key (r, key);
      hint = closest_word (key, known);
      if (hint != NULL)
        warning (r, id, _("unknown key “%s”, ignored; did you mean “%s”?"), key, hint);
      else
        warning (r, id, _("unknown key “%s”, ignored"), key);
      path_pop (r, len);
    }
}

/* Returns the member @key when it is present and not null, reporting a
 * missing required member at the member's own path. */
static JsonNode *
get_member (Reader     *r,
            JsonObject *object,
            const char *key,
            const char *id,
            gboolean    required)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    return node;

  if (required)
    {
      gsize len = path_push_key (r, key);
      if (node == NULL)
        error (r, id, _("the required key “%s” is missing"), key);
      else
        error (r, id, _("“%s” is required and cannot be null"), key);
      path_pop (r, len);
    }

  return NULL;
}

static const char *
node_get_string (Reader     *r,
                 JsonNode   *node,
                 const char *id,
                 gboolean    not_empty)
{
  const char *value;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      error (r, id, _("expected a string, found %s"), describe_node (node));
      return NULL;
    }

  value = json_node_get_string (node);
  if (not_empty && *value == '\0')
    {
      error (r, id, _("must not be empty"));
      return NULL;
    }
  /* U+202D and U+202E reverse what follows them: "\u202Eexe.txt" reads
   * as "txt.exe". Storyline does not show them. */
  for (const char *p = strchr (value, '\xe2'); p != NULL; p = strchr (p + 1, '\xe2'))
    if (p[1] == '\x80' && (p[2] == '\xad' || p[2] == '\xae'))
      {
        warning (r, id, _("contains a bidirectional override character, which can disguise text; it is not shown"));
        break;
      }
  return value;
}

static const char *
read_string (Reader     *r,
             JsonObject *object,
             const char *key,
             const char *id,
             gboolean    required)
{
  JsonNode *node = get_member (r, object, key, id, required);
  const char *value;
  gsize len;

  if (node == NULL)
    return NULL;

  len = path_push_key (r, key);
  value = node_get_string (r, node, id, required);
  path_pop (r, len);
  return value;
}

static char *
dup_string (Reader     *r,
            JsonObject *object,
            const char *key,
            const char *id)
{
  return g_strdup (read_string (r, object, key, id, FALSE));
}

static JsonArray *
read_array (Reader     *r,
            JsonObject *object,
            const char *key,
            const char *id)
{
  JsonNode *node = get_member (r, object, key, id, FALSE);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      gsize len = path_push_key (r, key);
      error (r, id, _("expected an array, found %s"), describe_node (node));
      path_pop (r, len);
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
node_get_object (Reader     *r,
                 JsonNode   *node,
                 const char *id)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      error (r, id, _("expected an object, found %s"), describe_node (node));
      return NULL;
    }
  return json_node_get_object (node);
}

static int
read_word (Reader             *r,
           JsonObject         *object,
           const char         *key,
           const char         *id,
           const char * const *words,
           int                 fallback,
           gboolean            required)
{
  const char *value = read_string (r, object, key, id, required);
  g_autofree char *list = NULL;
  const char *hint;
  gsize len;
  int index;

  if (value == NULL)
    return fallback;

  index = word_index (value, words);
  if (index >= 0)
    return index;

  len = path_push_key (r, key);
  hint = closest_word (value, words);
  list = g_strjoinv (", ", (char **) (words[0][0] == '\0' ? words + 1 : words));
  if (hint != NULL)
    error (r, id, _("“%s” is not one of %s; did you mean “%s”?"), value, list, hint);
  else
    error (r, id, _("“%s” is not one of %s"), value, list);
  path_pop (r, len);

  return fallback;
}

static char **
read_string_list (Reader     *r,
                  JsonObject *object,
                  const char *key,
                  const char *id)
{
  JsonArray *array = read_array (r, object, key, id);
  GPtrArray *strings;
  gsize len;

  if (array == NULL || json_array_get_length (array) == 0)
    return NULL;

  strings = g_ptr_array_new ();
  len = path_push_key (r, key);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize len2 = path_push_index (r, i);
      const char *value = node_get_string (r, json_array_get_element (array, i), id, TRUE);

      if (value != NULL)
        g_ptr_array_add (strings, g_strdup (value));
      path_pop (r, len2);
    }
  path_pop (r, len);
  g_ptr_array_add (strings, NULL);

  return (char **) g_ptr_array_free (strings, FALSE);
}

static gboolean
read_date (Reader        *r,
           JsonObject    *object,
           const char    *key,
           const char    *id,
           gboolean       required,
           StorylineDate *date)
{
  const char *text = read_string (r, object, key, id, required);
  g_autoptr(GError) local_error = NULL;
  gsize len;

  if (text == NULL)
    return FALSE;

  if (storyline_date_parse (text, date, &local_error))
    return TRUE;

  len = path_push_key (r, key);
  error (r, id, _("not a date of the format: %s"), local_error->message);
  path_pop (r, len);
  return FALSE;
}

static void
check_url (Reader     *r,
           const char *url,
           const char *id)
{
  StorylineUrlVerdict verdict = storyline_url_check (url, NULL);

  if (verdict != STORYLINE_URL_LINK)
    warning (r, id, "%s", storyline_url_describe (verdict));
}

/* Every 1024 elements: report progress, and stop when cancelled. */
static gboolean
is_cancelled (Reader *r,
              guint   i)
{
  r->done++;
  if (r->pieces_failed)
    return TRUE;
  if ((i & 1023) != 0)
    return FALSE;
  if (r->progress != NULL && r->total > 0)
    storyline_load_progress_set (r->progress, STORYLINE_LOAD_PHASE_CHECKING, (double) r->done / r->total);
  return g_cancellable_is_cancelled (r->cancellable);
}

/* First pass: an object for each element with a usable, unique id. */

typedef struct
{
  const char *name;         /* "events" */
  GType type;
  GPtrArray *items;         /* the story's array */
  GHashTable *index;
  GPtrArray *by_position;   /* one slot per element, NULL when unusable */
  JsonArray *array;
  gsize id_offset;          /* offset of the id field in the instance */
  const char *id_key;
  const StorylineArrayPieces *pieces;   /* instead of the array, when set */
  guint batch;                          /* the batch last taken, + 1 */
  JsonArray *batch_array;
} Collection;

static guint
collection_length (Collection *c)
{
  if (c->pieces != NULL)
    return c->pieces->n_elements;
  return c->array ? json_array_get_length (c->array) : 0;
}

/* Element @i, in order: with pieces, the batches before its own are
 * let go. A piece that would not parse gives a null and stops the read. */
static JsonNode *
collection_element (Reader     *r,
                    Collection *c,
                    guint       i)
{
  guint batch;

  if (c->pieces == NULL)
    return json_array_get_element (c->array, i);

  batch = c->pieces->first_batch + i / c->pieces->batch_size;
  if (c->batch != batch + 1)
    {
      storyline_pieces_release (c->pieces->owner, batch);
      c->batch_array = storyline_pieces_get_batch (c->pieces->owner, batch);
      c->batch = batch + 1;
    }
  if (c->batch_array == NULL)
    {
      r->pieces_failed = TRUE;
      return r->null_node;
    }
  return json_array_get_element (c->batch_array, i % c->pieces->batch_size);
}

/* The first pass over pieces needs only each element's id: found in its
 * text when it is a plain string, else the element is parsed here. */
static JsonNode *
element_for_id (Reader     *r,
                Collection *c,
                guint       i,
                char      **plain_id)
{
  gsize len, id_len;
  const char *text = storyline_pieces_get_element_text (c->pieces->owner, c->pieces->index, i, &len);
  const char *id;
  JsonNode *node;

  if (storyline_pieces_find_plain_string (text, len, c->id_key, &id, &id_len))
    {
      *plain_id = g_strndup (id, id_len);
      return NULL;
    }

  if (r->element_parser == NULL)
    r->element_parser = json_parser_new ();
  if (!json_parser_load_from_data (r->element_parser, text, len, NULL) ||
      (node = json_parser_get_root (r->element_parser)) == NULL)
    {
      r->pieces_failed = TRUE;
      return r->null_node;
    }
  return node;
}

static void
collect (Reader     *r,
         Collection *c)
{
  guint n = collection_length (c);
  gsize len = path_push_key (r, c->name);

  c->by_position = g_ptr_array_new_full (n, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *plain_id = NULL;
      JsonNode *node = c->pieces ? element_for_id (r, c, i, &plain_id) : collection_element (r, c, i);
      gsize len2 = path_push_index (r, i);
      GObject *object = NULL;
      JsonObject *json;
      const char *id = plain_id;

      if (is_cancelled (r, i))
        break;

      if (id != NULL ||
          ((json = node_get_object (r, node, NULL)) != NULL &&
           (id = read_string (r, json, c->id_key, NULL, TRUE)) != NULL))
        {
          gpointer other = storyline_id_index_lookup (c->index, id);

          if (other != NULL)
            {
              gsize len3 = path_push_key (r, c->id_key);
              error (r, id, _("the id “%s” is already used by another of the %s"), id, c->name);
              path_pop (r, len3);
            }
          else
            {
              char **id_field;

              object = g_object_new (c->type, NULL);
              id_field = G_STRUCT_MEMBER_P (object, c->id_offset);
              if (c->type == STORYLINE_TYPE_EVENT)
                {
                  StorylineEvent *event = (StorylineEvent *) object;

                  event->strings = storyline_strings_ref (r->story->strings);
                  event->id = storyline_strings_add (event->strings, id);
                }
              else
                *id_field = g_strdup (id);
              g_ptr_array_add (c->items, object);
              storyline_id_index_add (c->index, object);
            }
        }

      g_ptr_array_add (c->by_position, object);
      path_pop (r, len2);
    }

  path_pop (r, len);
}

/* References, resolved in the second pass. */

static gpointer
resolve (Reader     *r,
         GHashTable *index,
         const char *ref,
         const char *kind,
         const char *id)
{
  gpointer object = storyline_id_index_lookup (index, ref);

  if (object == NULL)
    /* Translators: the second %s is a collection such as "sources" */
    error (r, id, _("“%s” is not the id of any of the %s"), ref, kind);
  return object;
}

static gpointer
read_ref (Reader     *r,
          JsonObject *object,
          const char *key,
          const char *id,
          GHashTable *index,
          const char *kind,
          gboolean    required)
{
  const char *ref = read_string (r, object, key, id, required);
  gpointer target;
  gsize len;

  if (ref == NULL)
    return NULL;

  len = path_push_key (r, key);
  target = resolve (r, index, ref, kind, id);
  path_pop (r, len);
  return target;
}

static void
add_unique (GPtrArray **array,
            gpointer    item)
{
  if (*array != NULL && g_ptr_array_find (*array, item, NULL))
    return;
  storyline_ptr_array_add (array, item, NULL);
}

/* A source ref is an id, or { "source": id, "locator"?, "note"? }. */
static GArray *
read_source_refs (Reader     *r,
                  JsonObject *object,
                  const char *key,
                  const char *id)
{
  JsonArray *array = read_array (r, object, key, id);
  GArray *refs;
  gsize len;

  if (array == NULL || json_array_get_length (array) == 0)
    return NULL;

  refs = g_array_new (FALSE, TRUE, sizeof (StorylineSourceRef));
  g_array_set_clear_func (refs, (GDestroyNotify) storyline_source_ref_clear);

  len = path_push_key (r, key);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize len2 = path_push_index (r, i);
      StorylineSourceRef ref = { 0 };

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *o = json_node_get_object (node);

          check_keys (r, o, id, source_ref_keys);
          ref.source = read_ref (r, o, "source", id, r->story->source_index, "sources", TRUE);
          ref.locator = dup_string (r, o, "locator", id);
          ref.note = dup_string (r, o, "note", id);
        }
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          ref.source = resolve (r, r->story->source_index, json_node_get_string (node), "sources", id);
        }
      else
        {
          error (r, id, _("expected a source id or an object with “source”, found %s"),
                 describe_node (node));
        }

      if (ref.source != NULL)
        g_array_append_val (refs, ref);
      else
        storyline_source_ref_clear (&ref);
      path_pop (r, len2);
    }
  path_pop (r, len);

  return refs;
}

static void
read_story (Reader     *r,
            JsonObject *object)
{
  StorylineStory *story = r->story;

  check_keys (r, object, NULL, story_keys);
  story->title = g_strdup (read_string (r, object, "title", NULL, TRUE));
  story->subtitle = dup_string (r, object, "subtitle", NULL);
  story->summary = dup_string (r, object, "summary", NULL);
  story->language = dup_string (r, object, "language", NULL);
  if (read_date (r, object, "updated", NULL, FALSE, &story->updated) &&
      (story->updated.kind != STORYLINE_DATE_KIND_SINGLE ||
       story->updated.start.precision != STORYLINE_DATE_PRECISION_DAY))
    {
      gsize len = path_push_key (r, "updated");
      error (r, NULL, _("expected one day, such as 2025-10-27"));
      path_pop (r, len);
    }
  story->primary_source = read_ref (r, object, "primary_source", NULL,
                                    story->source_index, "sources", FALSE);
}

static void
read_phase (Reader         *r,
            StorylinePhase *phase,
            JsonObject     *object)
{
  const char *id = phase->id;

  check_keys (r, object, id, phase_keys);
  phase->title = g_strdup (read_string (r, object, "title", id, TRUE));
  phase->summary = dup_string (r, object, "summary", id);
  read_date (r, object, "start", id, TRUE, &phase->start);
  read_date (r, object, "end", id, TRUE, &phase->end);

  if (storyline_date_is_set (&phase->start) && storyline_date_is_set (&phase->end) &&
      storyline_date_get_earliest_day (&phase->start) > storyline_date_get_latest_day (&phase->end))
    {
      gsize len = path_push_key (r, "end");
      error (r, id, _("the phase ends before it starts"));
      path_pop (r, len);
    }
}

static void
read_actor (Reader         *r,
            StorylineActor *actor,
            JsonObject     *object)
{
  const char *id = actor->id;

  check_keys (r, object, id, actor_keys);
  actor->name = g_strdup (read_string (r, object, "name", id, TRUE));
  actor->kind = read_word (r, object, "kind", id, actor_kinds, STORYLINE_ACTOR_ORGANIZATION, FALSE);
  actor->role = dup_string (r, object, "role", id);
  actor->description = dup_string (r, object, "description", id);
  actor->aliases = read_string_list (r, object, "aliases", id);
  actor->affiliation = read_ref (r, object, "affiliation", id, r->story->actor_index, "actors", FALSE);

  if (actor->affiliation == actor)
    {
      gsize len = path_push_key (r, "affiliation");
      error (r, id, _("an actor cannot be affiliated with itself"));
      path_pop (r, len);
      actor->affiliation = NULL;
    }
}

static StorylineEventExtras *
event_extras (StorylineEvent *event)
{
  if (event->extras == NULL)
    event->extras = storyline_strings_alloc (event->strings, sizeof (StorylineEventExtras));
  return event->extras;
}

static void
read_related (Reader         *r,
              StorylineEvent *event,
              JsonObject     *object)
{
  JsonArray *array = read_array (r, object, "related", event->id);
  StorylineEventExtras *extras;
  gsize len;

  if (array == NULL || json_array_get_length (array) == 0)
    return;

  extras = event_extras (event);
  extras->related = g_array_new (FALSE, TRUE, sizeof (StorylineRelation));
  len = path_push_key (r, "related");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize len2 = path_push_index (r, i);
      JsonObject *o = node_get_object (r, json_array_get_element (array, i), event->id);
      StorylineRelation relation = { 0 };

      if (o != NULL)
        {
          check_keys (r, o, event->id, related_keys);
          relation.event = read_ref (r, o, "event", event->id, r->story->event_index, "events", TRUE);
          relation.relation = read_word (r, o, "relation", event->id, relation_kinds, 0, TRUE);
          if (relation.event == event)
            {
              warning (r, event->id, _("the event is related to itself; the relation is ignored"));
              relation.event = NULL;
            }
          if (relation.event != NULL)
            g_array_append_val (extras->related, relation);
        }
      path_pop (r, len2);
    }
  path_pop (r, len);
}

static void
read_notes (Reader         *r,
            StorylineEvent *event,
            JsonObject     *object)
{
  JsonArray *array = read_array (r, object, "notes", event->id);
  StorylineEventExtras *extras;
  gsize len;

  if (array == NULL || json_array_get_length (array) == 0)
    return;

  extras = event_extras (event);
  extras->notes = g_array_new (FALSE, TRUE, sizeof (StorylineNote));
  g_array_set_clear_func (extras->notes, (GDestroyNotify) storyline_note_clear);
  len = path_push_key (r, "notes");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize len2 = path_push_index (r, i);
      JsonObject *o = node_get_object (r, json_array_get_element (array, i), event->id);

      if (o != NULL)
        {
          StorylineNote note = { 0 };

          check_keys (r, o, event->id, note_keys);
          note.kind = read_word (r, o, "kind", event->id, note_kinds, STORYLINE_NOTE_CONTEXT, TRUE);
          note.text = g_strdup (read_string (r, o, "text", event->id, TRUE));
          note.sources = read_source_refs (r, o, "sources", event->id);
          g_array_append_val (extras->notes, note);
        }
      path_pop (r, len2);
    }
  path_pop (r, len);
}

static void
read_event (Reader         *r,
            StorylineEvent *event,
            JsonObject     *object,
            guint           position)
{
  const char *id = event->id;
  JsonArray *actors;

  event->position = position;
  check_keys (r, object, id, event_keys);
  event->title = storyline_strings_add (event->strings, read_string (r, object, "title", id, TRUE));
  read_date (r, object, "date", id, TRUE, &event->date);
  event->summary = storyline_strings_add (event->strings, read_string (r, object, "summary", id, FALSE));
  event->place = storyline_strings_intern (event->strings, read_string (r, object, "place", id, FALSE));
  event->type = storyline_strings_intern (event->strings, read_string (r, object, "type", id, FALSE));
  {
    g_auto(GStrv) tags = read_string_list (r, object, "tags", id);

    if (tags != NULL)
      event->tags = storyline_strings_intern_list (event->strings, (const char * const *) tags);
  }

  {
    StorylinePhase *phase = read_ref (r, object, "phase", id, r->story->phase_index, "phases", FALSE);

    if (phase != NULL)
      {
        event_extras (event)->phase = phase;
        storyline_ptr_array_add (&phase->events, event, NULL);
      }
  }

  if ((actors = read_array (r, object, "actors", id)) != NULL)
    {
      g_autoptr(GPtrArray) list = g_ptr_array_new ();
      gsize len = path_push_key (r, "actors");

      for (guint i = 0; i < json_array_get_length (actors); i++)
        {
          gsize len2 = path_push_index (r, i);
          const char *ref = node_get_string (r, json_array_get_element (actors, i), id, TRUE);
          StorylineActor *actor = ref ? resolve (r, r->story->actor_index, ref, "actors", id) : NULL;

          /* The event's own list is short; the actor's can be long, and
           * has this event already only when the event names it twice. */
          if (actor != NULL && !g_ptr_array_find (list, actor, NULL))
            {
              g_ptr_array_add (list, actor);
              storyline_ptr_array_add (&actor->events, event, NULL);
            }
          path_pop (r, len2);
        }
      path_pop (r, len);
      if (list->len > 0)
        {
          event->n_actors = list->len;
          event->actors = storyline_strings_alloc (event->strings, list->len * sizeof (gpointer));
          memcpy (event->actors, list->pdata, list->len * sizeof (gpointer));
        }
    }

  {
    GArray *refs = read_source_refs (r, object, "sources", id);

    /* Exactly as many as there are: an event has one or two. */
    if (refs != NULL && refs->len > 0)
      {
        event->n_sources = refs->len;
        event->sources = storyline_strings_alloc (event->strings, refs->len * sizeof (StorylineSourceRef));
        memcpy (event->sources, refs->data, refs->len * sizeof (StorylineSourceRef));
        g_array_set_clear_func (refs, NULL);
      }
    g_clear_pointer (&refs, g_array_unref);
  }
  for (guint i = 0; i < event->n_sources; i++)
    {
      StorylineSource *source = event->sources[i].source;
      gboolean again = FALSE;

      for (guint j = 0; j < i && !again; j++)
        again = event->sources[j].source == source;
      if (!again)
        storyline_ptr_array_add (&source->events, event, NULL);
    }

  read_related (r, event, object);
  read_notes (r, event, object);
}

static void
read_renditions (Reader         *r,
                 StorylineQuote *quote,
                 JsonObject     *object)
{
  JsonArray *array = read_array (r, object, "renditions", quote->id);
  gsize len;

  if (array == NULL || json_array_get_length (array) == 0)
    return;

  len = path_push_key (r, "renditions");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize len2 = path_push_index (r, i);
      JsonObject *o = node_get_object (r, json_array_get_element (array, i), quote->id);

      if (o != NULL)
        {
          StorylineRendition *rendition = g_object_new (STORYLINE_TYPE_RENDITION, NULL);

          check_keys (r, o, quote->id, rendition_keys);
          rendition->quote = quote;
          rendition->source = read_ref (r, o, "source", quote->id, r->story->source_index, "sources", TRUE);
          rendition->text = g_strdup (read_string (r, o, "text", quote->id, TRUE));
          rendition->locator = dup_string (r, o, "locator", quote->id);
          rendition->prefix = dup_string (r, o, "prefix", quote->id);
          rendition->suffix = dup_string (r, o, "suffix", quote->id);
          rendition->note = dup_string (r, o, "note", quote->id);
          storyline_ptr_array_add (&quote->renditions, rendition, g_object_unref);
        }
      path_pop (r, len2);
    }
  path_pop (r, len);
}

static void
read_quote (Reader         *r,
            StorylineQuote *quote,
            JsonObject     *object)
{
  const char *id = quote->id;

  quote->strings = storyline_strings_ref (r->story->strings);
  check_keys (r, object, id, quote_keys);
  quote->text = g_strdup (read_string (r, object, "text", id, TRUE));
  quote->speaker = read_ref (r, object, "speaker", id, r->story->actor_index, "actors", TRUE);
  quote->event = read_ref (r, object, "event", id, r->story->event_index, "events", FALSE);
  quote->origin = read_ref (r, object, "origin", id, r->story->source_index, "sources", FALSE);
  read_date (r, object, "said", id, FALSE, &quote->said);
  quote->kind = read_word (r, object, "kind", id, quote_kinds, STORYLINE_QUOTE_STATEMENT, FALSE);
  quote->language = dup_string (r, object, "language", id);
  read_renditions (r, quote, object);

  if (quote->event != NULL)
    storyline_ptr_array_add (&event_extras (quote->event)->quotes, quote, NULL);
}

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
  JsonNode *node = get_member (r, object, key, id, FALSE);
  g_autoptr(GString) edtf = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *o;
  JsonNode *parts;
  gsize len;

  if (node == NULL)
    return;

  len = path_push_key (r, key);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      edtf = g_string_new (json_node_get_string (node));
    }
  else if ((o = node_get_object (r, node, id)) != NULL)
    {
      check_keys (r, o, id, csl_date_keys);
      parts = json_object_get_member (o, "date-parts");

      if (parts != NULL)
        {
          JsonArray *outer = JSON_NODE_HOLDS_ARRAY (parts) ? json_node_get_array (parts) : NULL;
          guint n = outer ? json_array_get_length (outer) : 0;

          edtf = g_string_new (NULL);
          if (n < 1 || n > 2)
            {
              error (r, id, _("“date-parts” takes one or two arrays of year, month, day"));
              g_clear_pointer (&edtf, string_free);
            }
          for (guint i = 0; edtf != NULL && i < n; i++)
            {
              JsonNode *inner_node = json_array_get_element (outer, i);
              JsonArray *inner = JSON_NODE_HOLDS_ARRAY (inner_node) ? json_node_get_array (inner_node) : NULL;
              guint m = inner ? json_array_get_length (inner) : 0;

              if (m < 1 || m > 3)
                {
                  error (r, id, _("“date-parts” takes one or two arrays of year, month, day"));
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
                      error (r, id, _("“date-parts” holds whole numbers: a year of at most four digits, a month, a day"));
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
          const char *raw = read_string (r, o, "raw", id, FALSE);
          if (raw != NULL)
            edtf = g_string_new (raw);
        }
      else if (json_object_get_member (o, "literal") != NULL)
        {
          *literal = dup_string (r, o, "literal", id);
        }
      else
        {
          error (r, id, _("a date needs “date-parts”, “raw” or “literal”"));
        }
    }

  if (edtf != NULL && !storyline_date_parse (edtf->str, date, &local_error))
    error (r, id, _("not a date of the format: %s"), local_error->message);

  path_pop (r, len);
}

static void
read_names (Reader          *r,
            StorylineSource *source,
            JsonObject      *object)
{
  JsonArray *array = read_array (r, object, "author", source->id);
  gsize len;

  if (array == NULL || json_array_get_length (array) == 0)
    return;

  source->authors = g_array_new (FALSE, TRUE, sizeof (StorylineName));
  g_array_set_clear_func (source->authors, (GDestroyNotify) storyline_name_clear);

  len = path_push_key (r, "author");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize len2 = path_push_index (r, i);
      JsonObject *o = node_get_object (r, json_array_get_element (array, i), source->id);

      if (o != NULL)
        {
          StorylineName name = { 0 };

          check_keys (r, o, source->id, name_keys);
          name.family = dup_string (r, o, "family", source->id);
          name.given = dup_string (r, o, "given", source->id);
          name.dropping_particle = dup_string (r, o, "dropping-particle", source->id);
          name.non_dropping_particle = dup_string (r, o, "non-dropping-particle", source->id);
          name.suffix = dup_string (r, o, "suffix", source->id);
          name.literal = dup_string (r, o, "literal", source->id);
          if (name.family == NULL && name.literal == NULL)
            error (r, source->id, _("a name needs “family” (a person) or “literal” (an organization)"));
          g_array_append_val (source->authors, name);
        }
      path_pop (r, len2);
    }
  path_pop (r, len);
}

static void
read_custom (Reader          *r,
             StorylineSource *source,
             JsonObject      *object)
{
  JsonNode *node = get_member (r, object, "custom", source->id, FALSE);
  JsonObject *custom;
  JsonArray *derived;
  gsize len;

  if (node == NULL)
    return;

  len = path_push_key (r, "custom");
  if ((custom = node_get_object (r, node, source->id)) != NULL)
    {
      check_keys (r, custom, source->id, custom_keys);
      source->archived_url = dup_string (r, custom, "archived_url", source->id);
      if (source->archived_url != NULL)
        {
          gsize len2 = path_push_key (r, "archived_url");
          check_url (r, source->archived_url, source->id);
          path_pop (r, len2);
        }
      source->reliability = read_word (r, custom, "reliability", source->id, reliabilities,
                                       STORYLINE_RELIABILITY_UNKNOWN, FALSE);

      if ((derived = read_array (r, custom, "derived_from", source->id)) != NULL)
        {
          gsize len2 = path_push_key (r, "derived_from");

          for (guint i = 0; i < json_array_get_length (derived); i++)
            {
              gsize len3 = path_push_index (r, i);
              const char *ref = node_get_string (r, json_array_get_element (derived, i), source->id, TRUE);
              StorylineSource *other = ref ? resolve (r, r->story->source_index, ref, "sources", source->id) : NULL;

              if (other == source)
                error (r, source->id, _("a source cannot derive from itself"));
              else if (other != NULL)
                add_unique (&source->derived_from, other);
              path_pop (r, len3);
            }
          path_pop (r, len2);
        }
    }
  path_pop (r, len);
}

static void
read_source (Reader          *r,
             StorylineSource *source,
             JsonObject      *object)
{
  const char *id = source->id;
  const char *type;

  {
    g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
    source->item_json = json_to_string (node, FALSE);
  }
  check_keys (r, object, id, source_keys);

  type = read_string (r, object, "type", id, TRUE);
  if (type != NULL && word_index (type, csl_types) < 0)
    {
      gsize len = path_push_key (r, "type");
      const char *hint = closest_word (type, csl_types);

      if (hint != NULL)
        error (r, id, _("“%s” is not a CSL item type; did you mean “%s”?"), type, hint);
      else
        error (r, id, _("“%s” is not a CSL item type, such as article-newspaper, report or webpage"), type);
      path_pop (r, len);
    }
  source->type = g_strdup (type);
  source->title = g_strdup (read_string (r, object, "title", id, TRUE));
  source->container_title = dup_string (r, object, "container-title", id);
  source->publisher = dup_string (r, object, "publisher", id);
  source->publisher_place = dup_string (r, object, "publisher-place", id);
  source->genre = dup_string (r, object, "genre", id);
  source->language = dup_string (r, object, "language", id);
  source->note = dup_string (r, object, "note", id);
  source->archive = dup_string (r, object, "archive", id);
  source->archive_location = dup_string (r, object, "archive_location", id);
  source->url = dup_string (r, object, "URL", id);
  if (source->url != NULL)
    {
      gsize len = path_push_key (r, "URL");
      check_url (r, source->url, id);
      path_pop (r, len);
    }
  read_names (r, source, object);
  read_csl_date (r, object, "issued", id, &source->issued, &source->issued_literal);
  {
    g_autofree char *accessed_literal = NULL;
    read_csl_date (r, object, "accessed", id, &source->accessed, &accessed_literal);
  }
  read_custom (r, source, object);
}

/* Provenance must end: a cycle in derived_from has no first source. */
static gboolean
find_cycle (StorylineSource *source,
            GHashTable      *state,
            GPtrArray       *trail)
{
  gpointer mark = g_hash_table_lookup (state, source);

  if (mark == GINT_TO_POINTER (2))
    return FALSE;
  g_ptr_array_add (trail, source);
  if (mark == GINT_TO_POINTER (1))
    return TRUE;

  g_hash_table_insert (state, source, GINT_TO_POINTER (1));
  for (guint i = 0; i < STORYLINE_ARRAY_LEN (source->derived_from); i++)
    if (find_cycle (g_ptr_array_index (source->derived_from, i), state, trail))
      return TRUE;
  g_hash_table_insert (state, source, GINT_TO_POINTER (2));
  g_ptr_array_remove_index (trail, trail->len - 1);

  return FALSE;
}

static void
check_provenance_cycles (Reader *r)
{
  g_autoptr(GHashTable) state = g_hash_table_new (NULL, NULL);
  GPtrArray *sources = r->story->sources;

  for (guint i = 0; i < sources->len; i++)
    {
      g_autoptr(GPtrArray) trail = g_ptr_array_new ();
      StorylineSource *source = g_ptr_array_index (sources, i);

      /* A cycle is reported once, from the first source in file order that
       * is on it; every source on it is then done. */
      if (find_cycle (source, state, trail))
        {
          StorylineSource *last = g_ptr_array_index (trail, trail->len - 1);
          g_autoptr(GString) chain = g_string_new (NULL);
          guint start = 0;
          guint position = 0;

          while (g_ptr_array_index (trail, start) != last)
            start++;
          for (guint j = start; j < trail->len; j++)
            {
              StorylineSource *s = g_ptr_array_index (trail, j);
              if (j > start)
                g_string_append (chain, " → ");
              g_string_append (chain, s->id);
              g_hash_table_insert (state, s, GINT_TO_POINTER (2));
            }
          g_ptr_array_find (sources, last, &position);
          g_string_printf (r->path, "sources[%u].custom.derived_from", position);
          error (r, last->id, _("the provenance goes round in a circle: %s"), chain->str);
          g_string_truncate (r->path, 0);
        }
    }
}

/* An actor's affiliations must end too: A belongs to B belongs to A is
 * nothing a reader can follow. Each actor has at most one affiliation, so
 * a walk from each actor, marked with the walk's number, finds a cycle
 * the first time it meets its own mark; each cycle is reported once. */
static void
check_affiliation_cycles (Reader *r)
{
  GPtrArray *actors = r->story->actors;
  g_autoptr(GHashTable) walk_of = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < actors->len; i++)
    {
      StorylineActor *a = actors->pdata[i];

      while (a != NULL && !g_hash_table_contains (walk_of, a))
        {
          g_hash_table_insert (walk_of, a, GUINT_TO_POINTER (i + 1));
          a = a->affiliation;
        }

      if (a != NULL && GPOINTER_TO_UINT (g_hash_table_lookup (walk_of, a)) == i + 1)
        {
          guint position = 0;

          g_ptr_array_find (actors, a, &position);
          g_string_printf (r->path, "actors[%u].affiliation", position);
          error (r, a->id, _("the affiliations go round in a circle back to “%s”"), a->id);
          g_string_truncate (r->path, 0);
        }
    }
}

static int
read_version (Reader     *r,
              JsonObject *root)
{
  JsonNode *node = get_member (r, root, "version", NULL, TRUE);
  g_autofree char *number = NULL;
  gint64 version;
  gsize len;

  if (node == NULL)
    return -1;

  len = path_push_key (r, "version");
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      error (r, NULL, _("expected a whole number such as %d, found %s"),
             STORYLINE_FORMAT_VERSION, describe_node (node));
      path_pop (r, len);
      return -1;
    }

  version = json_node_get_int (node);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  if (version > STORYLINE_FORMAT_VERSION)
    error (r, NULL, _("this story is in format version %s; this Storyline reads version %d; a newer Storyline is needed"),
           number, STORYLINE_FORMAT_VERSION);
  else if (version < 1)
    error (r, NULL, _("the version is a whole number from 1; this Storyline reads version %d"),
           STORYLINE_FORMAT_VERSION);
  path_pop (r, len);

  return version >= 1 && version <= STORYLINE_FORMAT_VERSION ? (int) version : -1;
}

/**
 * storyline_reader_read:
 * @root: the parsed file
 * @problems: (element-type StorylineProblem): where problems are added
 *
 * Returns: (transfer full) (nullable): the story, or %NULL when the file
 *   breaks any rule (then @problems holds at least one error) or when
 *   @cancellable was cancelled
 */
StorylineStory *
storyline_reader_read (JsonNode              *root,
                       GPtrArray             *problems,
                       StorylineLoadProgress *progress,
                       GCancellable          *cancellable)
{
  return storyline_reader_read_pieces (root, NULL, 0, problems, progress, cancellable, NULL);
}

static StorylineStory *read_story_file (Reader                     *result,
                                        JsonNode                   *root,
                                        const StorylineArrayPieces *pieces,
                                        guint                       n_pieces,
                                        GPtrArray                  *problems,
                                        StorylineLoadProgress      *progress,
                                        GCancellable               *cancellable);

/**
 * storyline_reader_read_pieces:
 * @root: the parsed file, where the arrays in @pieces stand empty
 * @pieces: (array length=n_pieces): top-level arrays parsed apart
 *
 * Like storyline_reader_read(), for a file whose large arrays were parsed
 * in pieces (see storyline-loader.c).
 */
StorylineStory *
storyline_reader_read_pieces (JsonNode                   *root,
                              const StorylineArrayPieces *pieces,
                              guint                       n_pieces,
                              GPtrArray                  *problems,
                              StorylineLoadProgress      *progress,
                              GCancellable               *cancellable,
                              gboolean                   *failed)
{
  StorylineStory *story;
  Reader reader;

  story = read_story_file (&reader, root, pieces, n_pieces, problems, progress, cancellable);
  g_clear_object (&reader.element_parser);
  if (failed != NULL)
    *failed = reader.pieces_failed;
  if (reader.pieces_failed)
    g_clear_object (&story);
  return story;
}

static StorylineStory *
read_story_file (Reader                     *result,
                 JsonNode                   *root,
                 const StorylineArrayPieces *pieces,
                 guint                       n_pieces,
                 GPtrArray                  *problems,
                 StorylineLoadProgress      *progress,
                 GCancellable               *cancellable)
{
  g_autoptr(StorylineStory) story = storyline_story_new_empty ();
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(JsonNode) null_node = json_node_new (JSON_NODE_NULL);
  Reader *r = result;

  *r = (Reader) {
    .story = story,
    .problems = problems,
    .path = path,
    .cancellable = cancellable,
    .null_node = null_node,
    .progress = progress,
  };
  JsonObject *top;
  JsonNode *node;
  const char *format;
  Collection collections[5];
  enum { PHASES, ACTORS, EVENTS, QUOTES, SOURCES };

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      error (r, NULL, _("a story is a JSON object { … } at the top level, not %s"), describe_node (root));
      return NULL;
    }
  top = json_node_get_object (root);

  format = read_string (r, top, "format", NULL, FALSE);
  if (format == NULL && !json_object_has_member (top, "format"))
    {
      path_push_key (r, "format");
      error (r, NULL, _("this is not a Storyline story: the key “format” with the value “storyline” is missing"));
      path_pop (r, 0);
    }
  else if (format != NULL && strcmp (format, "storyline") != 0)
    {
      path_push_key (r, "format");
      error (r, NULL, _("this is not a Storyline story: “format” is “%s”, not “storyline”"), format);
      path_pop (r, 0);
    }

  /* A newer version may mean anything: say so and nothing else. */
  if (read_version (r, top) < 0 && r->n_errors > 0 &&
      json_object_has_member (top, "version") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (top, "version")) &&
      json_node_get_value_type (json_object_get_member (top, "version")) == G_TYPE_INT64 &&
      json_object_get_int_member (top, "version") > STORYLINE_FORMAT_VERSION)
    return NULL;

  check_keys (r, top, NULL, top_keys);

  collections[PHASES] = (Collection) { "phases", STORYLINE_TYPE_PHASE, story->phases, story->phase_index,
                                       NULL, NULL, G_STRUCT_OFFSET (StorylinePhase, id), "id" };
  collections[ACTORS] = (Collection) { "actors", STORYLINE_TYPE_ACTOR, story->actors, story->actor_index,
                                       NULL, NULL, G_STRUCT_OFFSET (StorylineActor, id), "id" };
  collections[EVENTS] = (Collection) { "events", STORYLINE_TYPE_EVENT, story->events, story->event_index,
                                       NULL, NULL, G_STRUCT_OFFSET (StorylineEvent, id), "id" };
  collections[QUOTES] = (Collection) { "quotes", STORYLINE_TYPE_QUOTE, story->quotes, story->quote_index,
                                       NULL, NULL, G_STRUCT_OFFSET (StorylineQuote, id), "id" };
  collections[SOURCES] = (Collection) { "sources", STORYLINE_TYPE_SOURCE, story->sources, story->source_index,
                                        NULL, NULL, G_STRUCT_OFFSET (StorylineSource, id), "id" };

  for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
    {
      collections[c].array = read_array (r, top, collections[c].name, NULL);
      for (guint k = 0; collections[c].array != NULL && k < n_pieces; k++)
        if (g_str_equal (pieces[k].name, collections[c].name))
          collections[c].pieces = &pieces[k];
      r->total += 2 * collection_length (&collections[c]);
    }

  for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
    {
      if (c == EVENTS && collections[c].array == NULL && !json_object_has_member (top, "events"))
        {
          path_push_key (r, "events");
          error (r, NULL, _("the required key “events” is missing"));
          path_pop (r, 0);
        }
      collect (r, &collections[c]);
    }

  node = get_member (r, top, "story", NULL, TRUE);
  if (node != NULL)
    {
      JsonObject *o;

      path_push_key (r, "story");
      if ((o = node_get_object (r, node, NULL)) != NULL)
        read_story (r, o);
      path_pop (r, 0);
    }

  for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
    {
      Collection *col = &collections[c];
      gsize len = path_push_key (r, col->name);

      for (guint i = 0; i < col->by_position->len; i++)
        {
          gpointer object = g_ptr_array_index (col->by_position, i);
          JsonObject *json;
          gsize len2;

          if (is_cancelled (r, i))
            break;
          if (object == NULL)
            continue;

          node = collection_element (r, col, i);
          if (r->pieces_failed)
            break;
          json = json_node_get_object (node);
          len2 = path_push_index (r, i);
          switch (c)
            {
            case PHASES:
              read_phase (r, object, json);
              break;
            case ACTORS:
              read_actor (r, object, json);
              break;
            case EVENTS:
              read_event (r, object, json, i);
              break;
            case QUOTES:
              read_quote (r, object, json);
              break;
            case SOURCES:
            default:
              read_source (r, object, json);
              break;
            }
          path_pop (r, len2);
        }
      path_pop (r, len);
      if (col->pieces != NULL)
        storyline_pieces_release (col->pieces->owner,
                                  col->pieces->first_batch +
                                  (col->pieces->n_elements + col->pieces->batch_size - 1) / col->pieces->batch_size);
    }

  for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
    g_clear_pointer (&collections[c].by_position, g_ptr_array_unref);

  if (g_cancellable_is_cancelled (cancellable))
    return NULL;

  check_provenance_cycles (r);
  check_affiliation_cycles (r);

  if (r->n_dropped > 0)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "and %u more problem, not listed",
                                                               "and %u more problems, not listed",
                                                               r->n_dropped),
                                                  r->n_dropped);
      g_ptr_array_add (r->problems, storyline_problem_new (r->n_errors > 0 ? STORYLINE_SEVERITY_ERROR : STORYLINE_SEVERITY_WARNING,
                                                           NULL, NULL, message));
    }

  if (r->n_errors > 0)
    return NULL;

  story->version = STORYLINE_FORMAT_VERSION;
  return g_steal_pointer (&story);
}
