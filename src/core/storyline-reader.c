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
#include "storyline-reader-private.h"
#include "storyline-url.h"

/* Keys the format knows, per kind of object. NULL-terminated. */
static const char * const top_keys[] = {
  "format", "version", "story", "phases", "actors", "events", "quotes", "sources", "$schema", NULL
};
static const char * const story_keys[] = {
  "title", "subtitle", "summary", "language", "updated", "primary_source", "publisher", "url", NULL
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

static const char * const actor_kinds[] = { "organization", "person", "country", "group", NULL };
static const char * const relation_kinds[] = { "follows", "causes", "responds-to", "part-of", NULL };
static const char * const note_kinds[] = { "correction", "context", "uncertainty", NULL };
static const char * const quote_kinds[] = { "statement", "spoken", "written", "translated", NULL };

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
  gsize len = storyline_reader_path_push_key (r, c->name);

  c->by_position = g_ptr_array_new_full (n, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *plain_id = NULL;
      JsonNode *node = c->pieces ? element_for_id (r, c, i, &plain_id) : collection_element (r, c, i);
      gsize len2 = storyline_reader_path_push_index (r, i);
      GObject *object = NULL;
      JsonObject *json;
      const char *id = plain_id;

      if (storyline_reader_is_cancelled (r, i))
        break;

      if (id != NULL ||
          ((json = storyline_reader_node_get_object (r, node, NULL)) != NULL &&
           (id = storyline_reader_read_string (r, json, c->id_key, NULL, TRUE)) != NULL))
        {
          gpointer other = storyline_id_index_lookup (c->index, id);

          if (other != NULL)
            {
              gsize len3 = storyline_reader_path_push_key (r, c->id_key);
              storyline_reader_error (r, id, _("the id “%s” is already used by another of the %s"), id, c->name);
              storyline_reader_path_pop (r, len3);
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
      storyline_reader_path_pop (r, len2);
    }

  storyline_reader_path_pop (r, len);
}

/* References, resolved in the second pass. */

gpointer
storyline_reader_resolve (Reader     *r,
                          GHashTable *index,
                          const char *ref,
                          const char *kind,
                          const char *id)
{
  gpointer object = storyline_id_index_lookup (index, ref);

  if (object == NULL)
    /* Translators: the second %s is a collection such as "sources" */
    storyline_reader_error (r, id, _("“%s” is not the id of any of the %s"), ref, kind);
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
  const char *ref = storyline_reader_read_string (r, object, key, id, required);
  gpointer target;
  gsize len;

  if (ref == NULL)
    return NULL;

  len = storyline_reader_path_push_key (r, key);
  target = storyline_reader_resolve (r, index, ref, kind, id);
  storyline_reader_path_pop (r, len);
  return target;
}

void
storyline_reader_add_unique (GPtrArray **array,
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
  JsonArray *array = storyline_reader_read_array (r, object, key, id);
  GArray *refs;
  gsize len;

  if (array == NULL || json_array_get_length (array) == 0)
    return NULL;

  refs = g_array_new (FALSE, TRUE, sizeof (StorylineSourceRef));
  g_array_set_clear_func (refs, (GDestroyNotify) storyline_source_ref_clear);

  len = storyline_reader_path_push_key (r, key);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize len2 = storyline_reader_path_push_index (r, i);
      StorylineSourceRef ref = { 0 };

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *o = json_node_get_object (node);

          storyline_reader_check_keys (r, o, id, source_ref_keys);
          ref.source = read_ref (r, o, "source", id, r->story->source_index, "sources", TRUE);
          ref.locator = storyline_reader_dup_string (r, o, "locator", id);
          ref.note = storyline_reader_dup_string (r, o, "note", id);
        }
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          ref.source = storyline_reader_resolve (r, r->story->source_index, json_node_get_string (node), "sources", id);
        }
      else
        {
          storyline_reader_error (r, id, _("expected a source id or an object with “source”, found %s"),
                                  storyline_reader_describe_node (node));
        }

      if (ref.source != NULL)
        g_array_append_val (refs, ref);
      else
        storyline_source_ref_clear (&ref);
      storyline_reader_path_pop (r, len2);
    }
  storyline_reader_path_pop (r, len);

  return refs;
}

static void
read_story (Reader     *r,
            JsonObject *object)
{
  StorylineStory *story = r->story;

  if (storyline_reader_check_keys (r, object, NULL, story_keys))
    storyline_reader_keep_unknown (r, story, object, story_keys);
  story->title = g_strdup (storyline_reader_read_string (r, object, "title", NULL, TRUE));
  story->subtitle = storyline_reader_dup_string (r, object, "subtitle", NULL);
  story->summary = storyline_reader_dup_string (r, object, "summary", NULL);
  story->language = storyline_reader_dup_string (r, object, "language", NULL);
  story->publisher = storyline_reader_dup_string (r, object, "publisher", NULL);
  story->url = storyline_reader_dup_string (r, object, "url", NULL);
  if (story->url != NULL)
    {
      gsize len = storyline_reader_path_push_key (r, "url");
      storyline_reader_check_url (r, story->url, NULL);
      storyline_reader_path_pop (r, len);
    }
  storyline_strings_set_language (story->strings, story->language);
  if (storyline_reader_read_date (r, object, "updated", NULL, FALSE, &story->updated) &&
      (story->updated.kind != STORYLINE_DATE_KIND_SINGLE ||
       story->updated.start.precision != STORYLINE_DATE_PRECISION_DAY))
    {
      gsize len = storyline_reader_path_push_key (r, "updated");
      storyline_reader_error (r, NULL, _("expected one day, such as 2025-10-27"));
      storyline_reader_path_pop (r, len);
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

  if (storyline_reader_check_keys (r, object, id, phase_keys))
    storyline_reader_keep_unknown (r, phase, object, phase_keys);
  phase->title = g_strdup (storyline_reader_read_string (r, object, "title", id, TRUE));
  phase->summary = storyline_reader_dup_string (r, object, "summary", id);
  storyline_reader_read_date (r, object, "start", id, TRUE, &phase->start);
  storyline_reader_read_date (r, object, "end", id, TRUE, &phase->end);

  if (storyline_date_is_set (&phase->start) && storyline_date_is_set (&phase->end) &&
      storyline_date_get_earliest_day (&phase->start) > storyline_date_get_latest_day (&phase->end))
    {
      gsize len = storyline_reader_path_push_key (r, "end");
      storyline_reader_error (r, id, _("the phase ends before it starts"));
      storyline_reader_path_pop (r, len);
    }
}

static void
read_actor (Reader         *r,
            StorylineActor *actor,
            JsonObject     *object)
{
  const char *id = actor->id;

  if (storyline_reader_check_keys (r, object, id, actor_keys))
    storyline_reader_keep_unknown (r, actor, object, actor_keys);
  actor->name = g_strdup (storyline_reader_read_string (r, object, "name", id, TRUE));
  actor->kind = storyline_reader_read_word (r, object, "kind", id, actor_kinds, STORYLINE_ACTOR_ORGANIZATION, FALSE);
  actor->role = storyline_reader_dup_string (r, object, "role", id);
  actor->description = storyline_reader_dup_string (r, object, "description", id);
  actor->aliases = storyline_reader_read_string_list (r, object, "aliases", id);
  actor->affiliation = read_ref (r, object, "affiliation", id, r->story->actor_index, "actors", FALSE);

  if (actor->affiliation == actor)
    {
      gsize len = storyline_reader_path_push_key (r, "affiliation");
      storyline_reader_error (r, id, _("an actor cannot be affiliated with itself"));
      storyline_reader_path_pop (r, len);
      actor->affiliation = NULL;
    }
}

static void
read_related (Reader         *r,
              StorylineEvent *event,
              JsonObject     *object)
{
  JsonArray *array = storyline_reader_read_array (r, object, "related", event->id);
  StorylineEventExtras *extras;
  gsize len;

  if (array == NULL || json_array_get_length (array) == 0)
    return;

  extras = storyline_event_ensure_extras (event);
  extras->related = g_array_new (FALSE, TRUE, sizeof (StorylineRelation));
  len = storyline_reader_path_push_key (r, "related");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize len2 = storyline_reader_path_push_index (r, i);
      JsonObject *o = storyline_reader_node_get_object (r, json_array_get_element (array, i), event->id);
      StorylineRelation relation = { 0 };

      if (o != NULL)
        {
          storyline_reader_check_keys (r, o, event->id, related_keys);
          relation.event = read_ref (r, o, "event", event->id, r->story->event_index, "events", TRUE);
          relation.relation = storyline_reader_read_word (r, o, "relation", event->id, relation_kinds, 0, TRUE);
          if (relation.event == event)
            {
              storyline_reader_warning (r, event->id, _("the event is related to itself; the relation is ignored"));
              relation.event = NULL;
            }
          if (relation.event != NULL)
            g_array_append_val (extras->related, relation);
        }
      storyline_reader_path_pop (r, len2);
    }
  storyline_reader_path_pop (r, len);
}

static void
read_notes (Reader         *r,
            StorylineEvent *event,
            JsonObject     *object)
{
  JsonArray *array = storyline_reader_read_array (r, object, "notes", event->id);
  StorylineEventExtras *extras;
  gsize len;

  if (array == NULL || json_array_get_length (array) == 0)
    return;

  extras = storyline_event_ensure_extras (event);
  extras->notes = g_array_new (FALSE, TRUE, sizeof (StorylineNote));
  g_array_set_clear_func (extras->notes, (GDestroyNotify) storyline_note_clear);
  len = storyline_reader_path_push_key (r, "notes");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize len2 = storyline_reader_path_push_index (r, i);
      JsonObject *o = storyline_reader_node_get_object (r, json_array_get_element (array, i), event->id);

      if (o != NULL)
        {
          StorylineNote note = { 0 };

          storyline_reader_check_keys (r, o, event->id, note_keys);
          note.kind = storyline_reader_read_word (r, o, "kind", event->id, note_kinds, STORYLINE_NOTE_CONTEXT, TRUE);
          note.text = g_strdup (storyline_reader_read_string (r, o, "text", event->id, TRUE));
          note.sources = read_source_refs (r, o, "sources", event->id);
          g_array_append_val (extras->notes, note);
        }
      storyline_reader_path_pop (r, len2);
    }
  storyline_reader_path_pop (r, len);
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
  if (storyline_reader_check_keys (r, object, id, event_keys))
    storyline_reader_keep_unknown (r, event, object, event_keys);
  event->title = storyline_strings_add (event->strings, storyline_reader_read_string (r, object, "title", id, TRUE));
  storyline_reader_read_date (r, object, "date", id, TRUE, &event->date);
  event->summary = storyline_strings_add (event->strings, storyline_reader_read_string (r, object, "summary", id, FALSE));
  event->place = storyline_strings_intern (event->strings, storyline_reader_read_string (r, object, "place", id, FALSE));
  event->type = storyline_strings_intern (event->strings, storyline_reader_read_string (r, object, "type", id, FALSE));
  {
    g_auto(GStrv) tags = storyline_reader_read_string_list (r, object, "tags", id);

    if (tags != NULL)
      event->tags = storyline_strings_intern_list (event->strings, (const char * const *) tags);
  }

  {
    StorylinePhase *phase = read_ref (r, object, "phase", id, r->story->phase_index, "phases", FALSE);

    if (phase != NULL)
      {
        storyline_event_ensure_extras (event)->phase = phase;
        storyline_ptr_array_add (&phase->events, event, NULL);
      }
  }

  if ((actors = storyline_reader_read_array (r, object, "actors", id)) != NULL)
    {
      g_autoptr(GPtrArray) list = g_ptr_array_new ();
      gsize len = storyline_reader_path_push_key (r, "actors");

      for (guint i = 0; i < json_array_get_length (actors); i++)
        {
          gsize len2 = storyline_reader_path_push_index (r, i);
          const char *ref = storyline_reader_node_get_string (r, json_array_get_element (actors, i), id, TRUE);
          StorylineActor *actor = ref ? storyline_reader_resolve (r, r->story->actor_index, ref, "actors", id) : NULL;

          /* The event's own list is short; the actor's can be long, and
           * has this event already only when the event names it twice. */
          if (actor != NULL && !g_ptr_array_find (list, actor, NULL))
            {
              g_ptr_array_add (list, actor);
              storyline_ptr_array_add (&actor->events, event, NULL);
            }
          storyline_reader_path_pop (r, len2);
        }
      storyline_reader_path_pop (r, len);
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
  JsonArray *array = storyline_reader_read_array (r, object, "renditions", quote->id);
  gsize len;

  if (array == NULL || json_array_get_length (array) == 0)
    return;

  len = storyline_reader_path_push_key (r, "renditions");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize len2 = storyline_reader_path_push_index (r, i);
      JsonObject *o = storyline_reader_node_get_object (r, json_array_get_element (array, i), quote->id);

      if (o != NULL)
        {
          StorylineRendition *rendition = g_object_new (STORYLINE_TYPE_RENDITION, NULL);

          if (storyline_reader_check_keys (r, o, quote->id, rendition_keys))
            storyline_reader_keep_unknown (r, rendition, o, rendition_keys);
          rendition->quote = quote;
          rendition->source = read_ref (r, o, "source", quote->id, r->story->source_index, "sources", TRUE);
          rendition->text = g_strdup (storyline_reader_read_string (r, o, "text", quote->id, TRUE));
          rendition->locator = storyline_reader_dup_string (r, o, "locator", quote->id);
          rendition->prefix = storyline_reader_dup_string (r, o, "prefix", quote->id);
          rendition->suffix = storyline_reader_dup_string (r, o, "suffix", quote->id);
          rendition->note = storyline_reader_dup_string (r, o, "note", quote->id);
          storyline_ptr_array_add (&quote->renditions, rendition, g_object_unref);
        }
      storyline_reader_path_pop (r, len2);
    }
  storyline_reader_path_pop (r, len);
}

static void
read_quote (Reader         *r,
            StorylineQuote *quote,
            JsonObject     *object)
{
  const char *id = quote->id;

  quote->strings = storyline_strings_ref (r->story->strings);
  if (storyline_reader_check_keys (r, object, id, quote_keys))
    storyline_reader_keep_unknown (r, quote, object, quote_keys);
  quote->text = g_strdup (storyline_reader_read_string (r, object, "text", id, TRUE));
  quote->speaker = read_ref (r, object, "speaker", id, r->story->actor_index, "actors", TRUE);
  quote->event = read_ref (r, object, "event", id, r->story->event_index, "events", FALSE);
  quote->origin = read_ref (r, object, "origin", id, r->story->source_index, "sources", FALSE);
  storyline_reader_read_date (r, object, "said", id, FALSE, &quote->said);
  quote->kind = storyline_reader_read_word (r, object, "kind", id, quote_kinds, STORYLINE_QUOTE_STATEMENT, FALSE);
  quote->language = storyline_reader_dup_string (r, object, "language", id);
  read_renditions (r, quote, object);

  if (quote->event != NULL)
    storyline_ptr_array_add (&storyline_event_ensure_extras (quote->event)->quotes, quote, NULL);
}

static int
read_version (Reader     *r,
              JsonObject *root)
{
  JsonNode *node = storyline_reader_get_member (r, root, "version", NULL, TRUE);
  g_autofree char *number = NULL;
  gint64 version;
  gsize len;

  if (node == NULL)
    return -1;

  len = storyline_reader_path_push_key (r, "version");
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      storyline_reader_error (r, NULL, _("expected a whole number such as %d, found %s"),
                              STORYLINE_FORMAT_VERSION, storyline_reader_describe_node (node));
      storyline_reader_path_pop (r, len);
      return -1;
    }

  version = json_node_get_int (node);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  if (version > STORYLINE_FORMAT_VERSION)
    storyline_reader_error (r, NULL, _("this story is in format version %s; this Storyline reads version %d; a newer Storyline is needed"),
                            number, STORYLINE_FORMAT_VERSION);
  else if (version < 1)
    storyline_reader_error (r, NULL, _("the version is a whole number from 1; this Storyline reads version %d"),
                            STORYLINE_FORMAT_VERSION);
  storyline_reader_path_pop (r, len);

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

/* Undoes what reading @object linked into the story: it is linked again
 * when it is put into the story. */
static void
unlink_read (StorylineStory *story,
             GObject        *object)
{
  if (STORYLINE_IS_EVENT (object))
    {
      StorylineEvent *event = STORYLINE_EVENT (object);
      StorylinePhase *phase = STORYLINE_EVENT_EXTRA (event, phase);

      if (phase != NULL && phase->events != NULL)
        g_ptr_array_remove (phase->events, event);
      for (guint i = 0; i < event->n_actors; i++)
        if (event->actors[i]->events != NULL)
          g_ptr_array_remove (event->actors[i]->events, event);
      for (guint i = 0; i < event->n_sources; i++)
        if (event->sources[i].source->events != NULL)
          g_ptr_array_remove (event->sources[i].source->events, event);
    }
  else if (STORYLINE_IS_QUOTE (object))
    {
      StorylineQuote *quote = STORYLINE_QUOTE (object);
      GPtrArray *quotes = quote->event ? STORYLINE_EVENT_EXTRA (quote->event, quotes) : NULL;

      if (quotes != NULL)
        g_ptr_array_remove (quotes, quote);
    }
}

/**
 * storyline_reader_read_one:
 * @collection: the list it is an item of: "phases", "actors", "events",
 *   "quotes" or "sources"
 * @node: the item
 * @problems: (element-type StorylineProblem): where problems are added,
 *   their paths inside the item
 *
 * Reads one item as the loader reads it, its references resolved in
 * @story, its id one no item of its list has. Nothing is linked into the
 * story: the insert functions of storyline-story-edit.h and the others do
 * that.
 *
 * Returns: (transfer full) (nullable): the item, or %NULL when it breaks
 *   a rule (then @problems holds an error)
 */
GObject *
storyline_reader_read_one (StorylineStory *story,
                           const char     *collection,
                           JsonNode       *node,
                           GPtrArray      *problems)
{
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(JsonNode) null_node = json_node_new (JSON_NODE_NULL);
  static const char * const names[] = { "phases", "actors", "events", "quotes", "sources", NULL };
  GType types[] = { STORYLINE_TYPE_PHASE, STORYLINE_TYPE_ACTOR, STORYLINE_TYPE_EVENT, STORYLINE_TYPE_QUOTE, STORYLINE_TYPE_SOURCE };
  GHashTable *indexes[] = { story->phase_index, story->actor_index, story->event_index, story->quote_index, story->source_index };
  Reader reader = {
    .story = story,
    .problems = problems,
    .path = path,
    .null_node = null_node,
  };
  Reader *r = &reader;
  g_autoptr(GObject) object = NULL;
  JsonObject *json;
  const char *id;
  int c = storyline_reader_word_index (collection, names);
  guint n_errors;

  g_return_val_if_fail (c >= 0, NULL);

  if ((json = storyline_reader_node_get_object (r, node, NULL)) == NULL ||
      (id = storyline_reader_read_string (r, json, "id", NULL, TRUE)) == NULL)
    return NULL;
  if (storyline_id_index_lookup (indexes[c], id) != NULL)
    {
      gsize len = storyline_reader_path_push_key (r, "id");
      storyline_reader_error (r, id, _("the id “%s” is already used by another of the %s"), id, collection);
      storyline_reader_path_pop (r, len);
      return NULL;
    }

  object = g_object_new (types[c], NULL);
  if (types[c] == STORYLINE_TYPE_EVENT)
    {
      StorylineEvent *event = (StorylineEvent *) object;

      event->strings = storyline_strings_ref (story->strings);
      event->id = storyline_strings_add (event->strings, id);
    }
  else
    *(char **) G_STRUCT_MEMBER_P (object, STORYLINE_ID_OFFSET) = g_strdup (id);

  switch (c)
    {
    case 0: read_phase (r, STORYLINE_PHASE (object), json); break;
    case 1: read_actor (r, STORYLINE_ACTOR (object), json); break;
    case 2: read_event (r, STORYLINE_EVENT (object), json, storyline_story_next_position (story)); break;
    case 3: read_quote (r, STORYLINE_QUOTE (object), json); break;
    case 4: storyline_reader_read_source (r, STORYLINE_SOURCE (object), json); break;
    default: g_assert_not_reached ();
    }
  unlink_read (story, object);
  n_errors = r->n_errors;
  g_clear_object (&r->element_parser);
  if (n_errors > 0)
    {
      /* What it kept of the item's unknown members goes with it. */
      if (story->unknown != NULL)
        g_hash_table_remove (story->unknown, object);
      return NULL;
    }
  return g_steal_pointer (&object);
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
      storyline_reader_error (r, NULL, _("a story is a JSON object { … } at the top level, not %s"), storyline_reader_describe_node (root));
      return NULL;
    }
  top = json_node_get_object (root);

  format = storyline_reader_read_string (r, top, "format", NULL, FALSE);
  if (format == NULL && !json_object_has_member (top, "format"))
    {
      storyline_reader_path_push_key (r, "format");
      storyline_reader_error (r, NULL, _("this is not a Storyline story: the key “format” with the value “storyline” is missing"));
      storyline_reader_path_pop (r, 0);
    }
  else if (format != NULL && strcmp (format, "storyline") != 0)
    {
      storyline_reader_path_push_key (r, "format");
      storyline_reader_error (r, NULL, _("this is not a Storyline story: “format” is “%s”, not “storyline”"), format);
      storyline_reader_path_pop (r, 0);
    }

  /* A newer version may mean anything: say so and nothing else. */
  if (read_version (r, top) < 0 && r->n_errors > 0 &&
      json_object_has_member (top, "version") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (top, "version")) &&
      json_node_get_value_type (json_object_get_member (top, "version")) == G_TYPE_INT64 &&
      json_object_get_int_member (top, "version") > STORYLINE_FORMAT_VERSION)
    return NULL;

  if (storyline_reader_check_keys (r, top, NULL, top_keys))
    storyline_reader_keep_unknown (r, NULL, top, top_keys);
  /* Kept to be written back: editors find the schema by it. */
  {
    JsonNode *schema = json_object_get_member (top, "$schema");

    if (schema != NULL && JSON_NODE_HOLDS_VALUE (schema) && json_node_get_value_type (schema) == G_TYPE_STRING)
      story->schema = g_strdup (json_node_get_string (schema));
  }

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
      collections[c].array = storyline_reader_read_array (r, top, collections[c].name, NULL);
      for (guint k = 0; collections[c].array != NULL && k < n_pieces; k++)
        if (g_str_equal (pieces[k].name, collections[c].name))
          collections[c].pieces = &pieces[k];
      r->total += 2 * collection_length (&collections[c]);
    }

  for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
    {
      if (c == EVENTS && collections[c].array == NULL && !json_object_has_member (top, "events"))
        {
          storyline_reader_path_push_key (r, "events");
          storyline_reader_error (r, NULL, _("the required key “events” is missing"));
          storyline_reader_path_pop (r, 0);
        }
      collect (r, &collections[c]);
    }

  node = storyline_reader_get_member (r, top, "story", NULL, TRUE);
  if (node != NULL)
    {
      JsonObject *o;

      storyline_reader_path_push_key (r, "story");
      if ((o = storyline_reader_node_get_object (r, node, NULL)) != NULL)
        read_story (r, o);
      storyline_reader_path_pop (r, 0);
    }

  for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
    {
      Collection *col = &collections[c];
      gsize len = storyline_reader_path_push_key (r, col->name);

      for (guint i = 0; i < col->by_position->len; i++)
        {
          gpointer object = g_ptr_array_index (col->by_position, i);
          JsonObject *json;
          gsize len2;

          if (storyline_reader_is_cancelled (r, i))
            break;
          if (object == NULL)
            continue;

          node = collection_element (r, col, i);
          if (r->pieces_failed)
            break;
          json = json_node_get_object (node);
          len2 = storyline_reader_path_push_index (r, i);
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
              storyline_reader_read_source (r, object, json);
              break;
            }
          storyline_reader_path_pop (r, len2);
        }
      storyline_reader_path_pop (r, len);
      if (col->pieces != NULL)
        storyline_pieces_release (col->pieces->owner,
                                  col->pieces->first_batch +
                                  (col->pieces->n_elements + col->pieces->batch_size - 1) / col->pieces->batch_size);
    }

  for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
    g_clear_pointer (&collections[c].by_position, g_ptr_array_unref);

  if (g_cancellable_is_cancelled (cancellable))
    return NULL;

  storyline_reader_check_provenance_cycles (r);
  storyline_reader_check_affiliation_cycles (r);

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

