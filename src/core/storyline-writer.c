/* storyline-writer.c: a story as the file that opens it again, in the
 * format's canonical form
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canonical form is what a story kept in git should look like, so that
 * an edit changes only the lines of what changed: the keys in the order
 * data/story-format.md gives them, two spaces of indentation, one member
 * or element a line, text written as itself in UTF-8 (only what JSON
 * requires is escaped), one newline at the end. It is the form Python's
 * json.dump (indent=2, ensure_ascii=False) writes. Sources are written as
 * they were read, every CSL key kept in its order. Writing what this wrote
 * and was read again gives the same bytes.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "storyline-export.h"
#include "storyline-story.h"
#include "storyline-left-out.h"
#include "storyline-writer.h"

/* Each item's tree is built with json-glib, whose objects keep their
 * members in the order they were set, printed here in the canonical form,
 * and let go before the next. */

static void
write_string (GString    *out,
              const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static void
indent (GString *out,
        guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void write_node (GString *out, JsonNode *node, guint depth);

static void
write_value (GString  *out,
             JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  if (type == G_TYPE_STRING)
    write_string (out, json_node_get_string (node));
  else if (type == G_TYPE_INT64)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
  else if (type == G_TYPE_DOUBLE)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      double d = json_node_get_double (node);

      g_ascii_dtostr (buffer, sizeof buffer, d);
      g_string_append (out, buffer);
      /* A whole number read as a double (1.0) stays one. */
      if (strpbrk (buffer, ".eEn") == NULL)
        g_string_append (out, ".0");
    }
  else
    g_string_append (out, "null");
}

static void
write_node (GString  *out,
            JsonNode *node,
            guint     depth)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        if (json_object_get_size (object) == 0)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            indent (out, depth + 1);
            write_string (out, name);
            g_string_append (out, ": ");
            write_node (out, member, depth + 1);
          }
        indent (out, depth);
        g_string_append_c (out, '}');
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            indent (out, depth + 1);
            write_node (out, json_array_get_element (array, i), depth + 1);
          }
        indent (out, depth);
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
    default:
      write_value (out, node);
      break;
    }
}

/* Members set only when there is something to say. */

static void
set_string (JsonObject *object,
            const char *key,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, key, value);
}

static void
set_date (JsonObject          *object,
          const char          *key,
          const StorylineDate *date)
{
  if (date != NULL && storyline_date_is_set (date))
    {
      g_autofree char *edtf = storyline_date_to_edtf (date);
      json_object_set_string_member (object, key, edtf);
    }
}

static void
set_strv (JsonObject         *object,
          const char         *key,
          const char * const *values)
{
  JsonArray *array;

  if (values == NULL || values[0] == NULL)
    return;
  array = json_array_new ();
  for (guint i = 0; values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);
  json_object_set_array_member (object, key, array);
}

/* A citation: the source's id alone, or an object when it says where in
 * the source or adds a note. */
static void
add_source_ref (JsonArray                *array,
                const StorylineSourceRef *ref)
{
  JsonObject *object;

  if (ref->locator == NULL && ref->note == NULL)
    {
      json_array_add_string_element (array, storyline_source_get_id (ref->source));
      return;
    }
  object = json_object_new ();
  json_object_set_string_member (object, "source", storyline_source_get_id (ref->source));
  set_string (object, "locator", ref->locator);
  set_string (object, "note", ref->note);
  json_array_add_object_element (array, object);
}

static JsonObject *with_unknown (StorylineStory *story, gconstpointer owner, JsonObject *known);

static JsonObject *
story_object (StorylineStory *story)
{
  JsonObject *object = json_object_new ();
  StorylineSource *primary = storyline_story_get_primary_source (story);

  json_object_set_string_member (object, "title", storyline_story_get_title (story));
  set_string (object, "subtitle", storyline_story_get_subtitle (story));
  set_string (object, "summary", storyline_story_get_summary (story));
  set_string (object, "language", storyline_story_get_language (story));
  set_date (object, "updated", storyline_story_get_updated (story));
  set_string (object, "publisher", storyline_story_get_publisher (story));
  set_string (object, "url", storyline_story_get_url (story));
  if (primary != NULL)
    json_object_set_string_member (object, "primary_source", storyline_source_get_id (primary));
  return object;
}

static JsonObject *
phase_object (StorylinePhase *phase,
              StorylineStory *story)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", storyline_phase_get_id (phase));
  json_object_set_string_member (object, "title", storyline_phase_get_title (phase));
  set_date (object, "start", storyline_phase_get_start (phase));
  set_date (object, "end", storyline_phase_get_end (phase));
  set_string (object, "summary", storyline_phase_get_summary (phase));
  return object;
}

static JsonObject *
actor_object (StorylineActor *actor,
              StorylineStory *story)
{
  JsonObject *object = json_object_new ();
  StorylineActor *affiliation = storyline_actor_get_affiliation (actor);

  json_object_set_string_member (object, "id", storyline_actor_get_id (actor));
  json_object_set_string_member (object, "name", storyline_actor_get_name (actor));
  json_object_set_string_member (object, "kind", storyline_actor_kind_to_string (storyline_actor_get_kind (actor)));
  set_string (object, "role", storyline_actor_get_role (actor));
  if (affiliation != NULL)
    json_object_set_string_member (object, "affiliation", storyline_actor_get_id (affiliation));
  set_strv (object, "aliases", storyline_actor_get_aliases (actor));
  set_string (object, "description", storyline_actor_get_description (actor));
  return object;
}

static JsonObject *
event_object (StorylineEvent *event,
              StorylineStory *story)
{
  JsonObject *object = json_object_new ();
  StorylinePhase *phase = storyline_event_get_phase (event);
  guint n;

  json_object_set_string_member (object, "id", storyline_event_get_id (event));
  json_object_set_string_member (object, "title", storyline_event_get_title (event));
  set_date (object, "date", storyline_event_get_date (event));
  set_string (object, "summary", storyline_event_get_summary (event));
  set_string (object, "place", storyline_event_get_place (event));
  set_string (object, "type", storyline_event_get_event_type (event));
  set_strv (object, "tags", storyline_event_get_tags (event));
  if (phase != NULL)
    json_object_set_string_member (object, "phase", storyline_phase_get_id (phase));
  if ((n = storyline_event_get_n_actors (event)) > 0)
    {
      JsonArray *actors = json_array_new ();

      for (guint i = 0; i < n; i++)
        json_array_add_string_element (actors, storyline_actor_get_id (storyline_event_get_actor (event, i)));
      json_object_set_array_member (object, "actors", actors);
    }
  if ((n = storyline_event_get_n_sources (event)) > 0)
    {
      JsonArray *sources = json_array_new ();

      for (guint i = 0; i < n; i++)
        add_source_ref (sources, storyline_event_get_source (event, i));
      json_object_set_array_member (object, "sources", sources);
    }
  if ((n = storyline_event_get_n_related (event)) > 0)
    {
      JsonArray *related = json_array_new ();

      for (guint i = 0; i < n; i++)
        {
          const StorylineRelation *relation = storyline_event_get_related (event, i);
          JsonObject *r = json_object_new ();

          json_object_set_string_member (r, "event", storyline_event_get_id (relation->event));
          json_object_set_string_member (r, "relation", storyline_relation_kind_to_string (relation->relation));
          json_array_add_object_element (related, r);
        }
      json_object_set_array_member (object, "related", related);
    }
  if ((n = storyline_event_get_n_notes (event)) > 0)
    {
      JsonArray *notes = json_array_new ();

      for (guint i = 0; i < n; i++)
        {
          const StorylineNote *note = storyline_event_get_note (event, i);
          JsonObject *o = json_object_new ();

          json_object_set_string_member (o, "kind", storyline_note_kind_to_string (note->kind));
          json_object_set_string_member (o, "text", note->text);
          if (note->sources != NULL && note->sources->len > 0)
            {
              JsonArray *sources = json_array_new ();

              for (guint j = 0; j < note->sources->len; j++)
                add_source_ref (sources, &g_array_index (note->sources, StorylineSourceRef, j));
              json_object_set_array_member (o, "sources", sources);
            }
          json_array_add_object_element (notes, o);
        }
      json_object_set_array_member (object, "notes", notes);
    }
  return object;
}

static JsonObject *
quote_object (StorylineQuote *quote,
              StorylineStory *story)
{
  JsonObject *object = json_object_new ();
  StorylineEvent *event = storyline_quote_get_event (quote);
  StorylineSource *origin = storyline_quote_get_origin (quote);
  guint n = storyline_quote_get_n_renditions (quote);

  json_object_set_string_member (object, "id", storyline_quote_get_id (quote));
  json_object_set_string_member (object, "text", storyline_quote_get_text (quote));
  json_object_set_string_member (object, "speaker", storyline_actor_get_id (storyline_quote_get_speaker (quote)));
  if (event != NULL)
    json_object_set_string_member (object, "event", storyline_event_get_id (event));
  set_date (object, "said", storyline_quote_get_said (quote));
  if (origin != NULL)
    json_object_set_string_member (object, "origin", storyline_source_get_id (origin));
  json_object_set_string_member (object, "kind", storyline_quote_kind_to_string (storyline_quote_get_kind (quote)));
  set_string (object, "language", storyline_quote_get_language (quote));
  if (n > 0)
    {
      JsonArray *renditions = json_array_new ();

      for (guint i = 0; i < n; i++)
        {
          StorylineRendition *rendition = storyline_quote_get_rendition (quote, i);
          JsonObject *r = json_object_new ();

          json_object_set_string_member (r, "source", storyline_source_get_id (storyline_rendition_get_source (rendition)));
          json_object_set_string_member (r, "text", storyline_rendition_get_text (rendition));
          set_string (r, "locator", storyline_rendition_get_locator (rendition));
          set_string (r, "prefix", storyline_rendition_get_prefix (rendition));
          set_string (r, "suffix", storyline_rendition_get_suffix (rendition));
          set_string (r, "note", storyline_rendition_get_note (rendition));
          json_array_add_object_element (renditions, with_unknown (story, rendition, r));
        }
      json_object_set_array_member (object, "renditions", renditions);
    }
  return object;
}

/* Where the file goes: @out, and, when saving, on to @stream every 64 KiB,
 * so that saving holds no copy of the whole file. */
typedef struct
{
  GString *out;
  GOutputStream *stream;
  GCancellable *cancellable;
  GError *error;
  StorylineStory *story;
  GHashTable *top_written;       /* top-level unknown members written */
} Writer;

#define FLUSH_SIZE (64 * 1024)

static void
flush (Writer   *w,
       gboolean  all)
{
  if (w->stream == NULL || w->error != NULL || (!all && w->out->len < FLUSH_SIZE))
    return;
  if (g_output_stream_write_all (w->stream, w->out->str, w->out->len, NULL, w->cancellable, &w->error))
    g_string_truncate (w->out, 0);
}

/* A member of the top object: its key, then its value written at once,
 * so that only one item's tree is ever built (a story of 200,000 events is
 * written without a second copy of it in memory). */
static void
begin_member (GString    *out,
              const char *key)
{
  if (out->len > 0 && out->str[out->len - 1] != '{')
    g_string_append_c (out, ',');
  indent (out, 1);
  write_string (out, key);
  g_string_append (out, ": ");
}

static void
write_object (GString    *out,
              JsonObject *object,
              guint       depth)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  write_node (out, node, depth);
}

/* @known (taken) with the members of @owner's object Storyline does not
 * know put back where they were: each after the known key it followed,
 * or first; after the last one written when that key is gone. */
static JsonObject *
with_unknown (StorylineStory *story,
              gconstpointer   owner,
              JsonObject     *known)
{
  GPtrArray *unknown = storyline_story_get_unknown_members (story, owner);
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  g_autofree gboolean *done = NULL;

  if (unknown == NULL || unknown->len == 0)
    return known;

  object = json_object_new ();
  done = g_new0 (gboolean, unknown->len);
  for (guint i = 0; i < unknown->len; i++)
    {
      StorylineUnknownMember *u = unknown->pdata[i];

      if (u->after == NULL)
        {
          json_object_set_member (object, u->key, json_node_copy (u->value));
          done[i] = TRUE;
        }
    }
  json_object_iter_init_ordered (&iter, known);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      json_object_set_member (object, name, json_node_copy (member));
      for (guint i = 0; i < unknown->len; i++)
        {
          StorylineUnknownMember *u = unknown->pdata[i];

          if (!done[i] && g_strcmp0 (u->after, name) == 0)
            {
              json_object_set_member (object, u->key, json_node_copy (u->value));
              done[i] = TRUE;
            }
        }
    }
  for (guint i = 0; i < unknown->len; i++)
    if (!done[i])
      {
        StorylineUnknownMember *u = unknown->pdata[i];
        json_object_set_member (object, u->key, json_node_copy (u->value));
      }
  json_object_unref (known);
  return object;
}

static void
write_left_out (Writer                 *w,
                const StorylineLeftOut *left_out,
                gboolean                first)
{
  g_autoptr(JsonNode) node = json_from_string (left_out->text, NULL);

  if (node == NULL)
    return;
  if (!first)
    g_string_append_c (w->out, ',');
  indent (w->out, 2);
  write_node (w->out, node, 2);
}

/* An array member of the top object, left out when empty (but `events`,
 * which the format requires), its items made and written one by one. The
 * items Open Anyway left out are written back where they were in the
 * file: one at position p after p of the list's items, counting those
 * left out before it. */
static void
write_items (Writer      *w,
             const char  *key,
             GPtrArray   *items,
             JsonObject *(*make) (gpointer, StorylineStory *),
             gboolean     required)
{
  GString *out = w->out;
  g_autoptr(GPtrArray) left_out = storyline_story_get_left_out_in (w->story, key);
  guint n = items ? items->len : 0;
  guint next = 0, written = 0;

  if (n == 0 && left_out->len == 0 && !required)
    return;
  begin_member (out, key);
  if (n == 0 && left_out->len == 0)
    {
      g_string_append (out, "[]");
      return;
    }
  g_string_append_c (out, '[');
  for (guint i = 0; i <= n; i++)
    {
      g_autoptr(JsonObject) object = NULL;

      while (next < left_out->len &&
             (i == n || ((StorylineLeftOut *) left_out->pdata[next])->position <= written))
        {
          write_left_out (w, left_out->pdata[next++], written == 0);
          written++;
        }
      if (i == n)
        break;
      object = with_unknown (w->story, items->pdata[i], make (items->pdata[i], w->story));
      if (written > 0)
        g_string_append_c (out, ',');
      indent (out, 2);
      write_object (out, object, 2);
      written++;
      flush (w, FALSE);
    }
  indent (out, 1);
  g_string_append_c (out, ']');
}

static JsonObject *
source_object (gpointer        source,
               StorylineStory *story)
{
  return storyline_source_dup_item (source);
}

/* The top object's unknown members that followed @anchor (NULL: first),
 * or, with @rest, every one not written yet. */
static void
write_top_unknown (Writer     *w,
                   const char *anchor,
                   gboolean    rest)
{
  GPtrArray *unknown = storyline_story_get_unknown_members (w->story, NULL);

  for (guint i = 0; unknown != NULL && i < unknown->len; i++)
    {
      StorylineUnknownMember *u = unknown->pdata[i];

      if ((rest || g_strcmp0 (u->after, anchor) == 0) && !g_hash_table_contains (w->top_written, u))
        {
          begin_member (w->out, u->key);
          write_node (w->out, u->value, 1);
          g_hash_table_add (w->top_written, u);
        }
    }
}

static void
write_story (Writer         *w,
             StorylineStory *story)
{
  GString *out = w->out;
  g_autoptr(GHashTable) top_written = g_hash_table_new (NULL, NULL);

  w->story = story;
  w->top_written = top_written;

  /* "format" first but for "$schema", which editors look for there. */
  g_string_append_c (out, '{');
  write_top_unknown (w, NULL, FALSE);
  if (storyline_story_get_schema (story) != NULL)
    {
      begin_member (out, "$schema");
      write_string (out, storyline_story_get_schema (story));
      write_top_unknown (w, "$schema", FALSE);
    }
  begin_member (out, "format");
  write_string (out, "storyline");
  write_top_unknown (w, "format", FALSE);
  begin_member (out, "version");
  g_string_append_printf (out, "%d", STORYLINE_FORMAT_VERSION);
  write_top_unknown (w, "version", FALSE);
  begin_member (out, "story");
  {
    g_autoptr(JsonObject) object = with_unknown (story, story, story_object (story));
    write_object (out, object, 1);
  }
  write_top_unknown (w, "story", FALSE);
  write_items (w, "phases", storyline_story_get_phases (story), (gpointer) phase_object, FALSE);
  write_top_unknown (w, "phases", FALSE);
  write_items (w, "actors", storyline_story_get_actors (story), (gpointer) actor_object, FALSE);
  write_top_unknown (w, "actors", FALSE);
  write_items (w, "events", storyline_story_get_events (story), (gpointer) event_object, TRUE);
  write_top_unknown (w, "events", FALSE);
  write_items (w, "quotes", storyline_story_get_quotes (story), (gpointer) quote_object, FALSE);
  write_top_unknown (w, "quotes", FALSE);
  write_items (w, "sources", storyline_story_get_sources (story), source_object, FALSE);
  write_top_unknown (w, "sources", FALSE);
  /* Any whose key before them is not written. */
  write_top_unknown (w, NULL, TRUE);
  indent (out, 0);
  g_string_append (out, "}\n");
  flush (w, TRUE);
  w->top_written = NULL;
}

/**
 * storyline_story_write:
 * @out: what the file is appended to
 *
 * Writes @story as a story file in the canonical form (see above): what
 * Save writes, and `storyline --export storyline`. A story read from a file
 * and written gives a file that reads as the same story. Members Storyline
 * does not know are written back where they were, in the top object, the
 * story, phases, actors, events, quotes and renditions (and every key of a
 * source); in notes, relations and citations they are not kept.
 */
void
storyline_story_write (StorylineStory *story,
                       GString        *out)
{
  Writer w = { out, NULL, NULL, NULL, NULL, NULL };

  g_return_if_fail (STORYLINE_IS_STORY (story));
  write_story (&w, story);
}

/**
 * storyline_story_save:
 * @file: where to
 *
 * Saves @story to @file in the canonical form, whole or not at all: the
 * file is written beside the old one and put in its place only once
 * complete (g_file_replace()), so a failure leaves the old file as it was.
 * The file goes out 64 KiB at a time: saving holds no copy of it.
 *
 * Returns: whether it was saved
 */
gboolean
storyline_story_save (StorylineStory  *story,
                      GFile           *file,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GString) buffer = NULL;
  Writer w = { NULL, NULL, cancellable, NULL, NULL, NULL };

  g_return_val_if_fail (STORYLINE_IS_STORY (story), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (stream == NULL)
    return FALSE;
  buffer = g_string_sized_new (FLUSH_SIZE + 4096);
  w.out = buffer;
  w.stream = G_OUTPUT_STREAM (stream);
  write_story (&w, story);
  if (w.error != NULL)
    {
      /* Cancelled on purpose, so that the old file stays. */
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      g_propagate_error (error, w.error);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}
