/* storyline-source-edit.c: changing a story's sources, as CSL-JSON items
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "storyline-reader-private.h"
#include "storyline-source-edit.h"

/* A source is its CSL-JSON item: every member is kept, those Storyline
 * reads and those it does not, and written back as it was. So a source is
 * changed as a whole item: the form makes the item with one member
 * changed (storyline_source_item_with()), which is read here by the
 * loader's own code into a source of its own; only when it reads without
 * an error does it replace the source's fields. The source keeps its id,
 * the events that cite it and its place; what it had is kept while the
 * story lives (storyline_story_retire()), as a search on a worker thread
 * may be reading its title. */

static const char * const common_types[] = {
  "article-newspaper", "article-magazine", "webpage", "post", "report", "speech",
  "interview", "broadcast", "document", "article-journal", "book", "chapter",
  "legislation", "treaty", "dataset", NULL
};

/**
 * storyline_source_common_types:
 *
 * Returns: (transfer none): the CSL item types a news story's sources
 *   mostly are, to offer first
 */
const char * const *
storyline_source_common_types (void)
{
  return common_types;
}

/**
 * storyline_source_copy_item:
 *
 * Returns: (transfer full): a copy of @source's CSL-JSON item, to change
 */
JsonObject *
storyline_source_copy_item (StorylineSource *source)
{
  g_autoptr(JsonObject) item = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) copy = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (STORYLINE_IS_SOURCE (source), NULL);

  /* json_node_copy() shares the objects inside: a copy to change is
   * made from the text. */
  item = storyline_source_dup_item (source);
  node = json_node_init_object (json_node_alloc (), item);
  text = json_to_string (node, FALSE);
  copy = json_from_string (text, NULL);
  return json_object_ref (json_node_get_object (copy));
}

/**
 * storyline_source_item_with:
 * @key: a member of the item, or of its "custom" object as
 *   "custom.reliability"
 * @value: (nullable) (transfer none): its new value; %NULL to take it out
 *
 * Returns: (transfer full): a copy of @source's item with @key set to
 *   @value (an empty "custom" taken out)
 */
JsonObject *
storyline_source_item_with (StorylineSource *source,
                            const char      *key,
                            JsonNode        *value)
{
  JsonObject *item = storyline_source_copy_item (source);
  JsonObject *object = item;

  if (g_str_has_prefix (key, "custom."))
    {
      if (!json_object_has_member (item, "custom") ||
          !JSON_NODE_HOLDS_OBJECT (json_object_get_member (item, "custom")))
        json_object_set_object_member (item, "custom", json_object_new ());
      object = json_object_get_object_member (item, "custom");
      key += strlen ("custom.");
    }
  if (value != NULL)
    json_object_set_member (object, key, json_node_copy (value));
  else if (json_object_has_member (object, key))
    json_object_remove_member (object, key);
  if (object != item && json_object_get_size (object) == 0)
    json_object_remove_member (item, "custom");
  return item;
}

/* Whether @to is reached from @from by derived_from links. */
static gboolean
derives_from (StorylineSource *from,
              StorylineSource *to,
              GHashTable      *seen)
{
  if (from == to)
    return TRUE;
  if (!g_hash_table_add (seen, from))
    return FALSE;
  for (guint i = 0; from->derived_from != NULL && i < from->derived_from->len; i++)
    if (derives_from (from->derived_from->pdata[i], to, seen))
      return TRUE;
  return FALSE;
}

/* @item read by the loader's code into a new source with @source's id:
 * %NULL and @error when it breaks a rule. */
static StorylineSource *
read_item (StorylineStory   *self,
           StorylineSource  *source,
           JsonObject       *item,
           char            **warning,
           GError          **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) storyline_problem_free);
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(JsonNode) null_node = json_node_new (JSON_NODE_NULL);
  g_autoptr(StorylineSource) read = g_object_new (STORYLINE_TYPE_SOURCE, NULL);
  Reader r = {
    .story = self,
    .problems = problems,
    .path = path,
    .null_node = null_node,
  };

  read->id = g_strdup (source->id);
  storyline_reader_read_source (&r, read, item);
  g_clear_object (&r.element_parser);
  for (guint i = 0; i < problems->len; i++)
    {
      StorylineProblem *problem = problems->pdata[i];

      if (problem->severity == STORYLINE_SEVERITY_ERROR)
        {
          g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                       "%s%s%s", problem->path && *problem->path ? problem->path : "",
                       problem->path && *problem->path ? ": " : "", problem->message);
          return NULL;
        }
      if (warning != NULL && *warning == NULL)
        *warning = g_strdup (problem->message);
    }
  for (guint i = 0; read->derived_from != NULL && i < read->derived_from->len; i++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
      StorylineSource *other = read->derived_from->pdata[i];

      if (derives_from (other, source, seen))
        {
          g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                       _("“%s” derives from this source already: the provenance would go round in a circle."),
                       other->id);
          return NULL;
        }
    }
  return g_steal_pointer (&read);
}

/**
 * storyline_story_check_source_item:
 * @source: the source @item is for
 * @item: its CSL-JSON item as it would be
 *
 * Checks @item by the loader's rules, and that the provenance it gives
 * does not go round in a circle.
 */
gboolean
storyline_story_check_source_item (StorylineStory   *self,
                                   StorylineSource  *source,
                                   JsonObject       *item,
                                   GError          **error)
{
  g_autoptr(StorylineSource) read = NULL;

  g_return_val_if_fail (STORYLINE_IS_STORY (self), FALSE);
  g_return_val_if_fail (STORYLINE_IS_SOURCE (source), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  read = read_item (self, source, item, NULL, error);
  return read != NULL;
}

/**
 * storyline_story_dup_source_item_warning:
 *
 * Returns: (transfer full) (nullable): what the loader would warn of in
 *   @item, which it reads (a URL that is not a link, say): allowed, and
 *   worth saying at the field
 */
char *
storyline_story_dup_source_item_warning (StorylineStory  *self,
                                         StorylineSource *source,
                                         JsonObject      *item)
{
  g_autoptr(StorylineSource) read = NULL;
  char *warning = NULL;

  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  g_return_val_if_fail (STORYLINE_IS_SOURCE (source), NULL);

  read = read_item (self, source, item, &warning, NULL);
  if (read == NULL)
    g_clear_pointer (&warning, g_free);
  return warning;
}

/* Every field of a source but the object, its id and the events citing it. */
#define SWAP(field) G_STMT_START { __typeof__ (a->field) t_ = a->field; a->field = b->field; b->field = t_; } G_STMT_END

static void
swap_fields (StorylineSource *a,
             StorylineSource *b)
{
  SWAP (type); SWAP (title); SWAP (container_title); SWAP (publisher); SWAP (publisher_place);
  SWAP (url); SWAP (genre); SWAP (language); SWAP (note); SWAP (archive); SWAP (archive_location);
  SWAP (archived_url); SWAP (issued_literal); SWAP (issued); SWAP (accessed); SWAP (reliability);
  SWAP (authors); SWAP (item); SWAP (item_json); SWAP (derived_from);
}

/**
 * storyline_story_set_source_item:
 * @item: the item, checked with storyline_story_check_source_item()
 *
 * Makes @item @source's CSL-JSON item (its "id" is the source's) and
 * emits #StorylineStory::source-changed.
 */
void
storyline_story_set_source_item (StorylineStory  *self,
                                 StorylineSource *source,
                                 JsonObject      *item)
{
  StorylineSource *read;

  g_return_if_fail (STORYLINE_IS_STORY (self));
  g_return_if_fail (STORYLINE_IS_SOURCE (source));

  json_object_set_string_member (item, "id", source->id);
  read = read_item (self, source, item, NULL, NULL);
  g_return_if_fail (read != NULL);
  swap_fields (source, read);
  storyline_story_retire (self, read, g_object_unref);
  g_signal_emit_by_name (self, "source-changed", source);
}

/**
 * storyline_story_create_source:
 * @type: its CSL item type, such as article-newspaper
 * @title: its title
 *
 * Makes a source with an id of its own made from @title, not yet in the
 * story: see storyline_story_insert_source().
 *
 * Returns: (transfer full): the source
 */
StorylineSource *
storyline_story_create_source (StorylineStory *self,
                               const char     *type,
                               const char     *title)
{
  g_autofree char *base = NULL;
  g_autoptr(JsonObject) item = json_object_new ();
  g_autoptr(StorylineSource) source = g_object_new (STORYLINE_TYPE_SOURCE, NULL);
  g_autoptr(StorylineSource) read = NULL;

  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  g_return_val_if_fail (!storyline_is_blank (title), NULL);

  base = storyline_id_from_text (title, "source", 40);
  source->id = storyline_free_id (self->source_index, base);
  json_object_set_string_member (item, "id", source->id);
  json_object_set_string_member (item, "type", type);
  json_object_set_string_member (item, "title", title);
  read = read_item (self, source, item, NULL, NULL);
  g_return_val_if_fail (read != NULL, NULL);
  swap_fields (source, read);
  return g_steal_pointer (&source);
}

/**
 * storyline_story_get_source_index:
 *
 * Returns: where @source is in the story's sources, or %G_MAXUINT
 */
guint
storyline_story_get_source_index (StorylineStory  *self,
                                  StorylineSource *source)
{
  guint index;

  g_return_val_if_fail (STORYLINE_IS_STORY (self), G_MAXUINT);
  return g_ptr_array_find (self->sources, source, &index) ? index : G_MAXUINT;
}

/**
 * storyline_story_insert_source:
 * @index: where in the story's sources, or a number past the end
 *
 * Puts @source, made for @self or removed from it, into the story and
 * emits #StorylineStory::source-changed.
 */
void
storyline_story_insert_source (StorylineStory  *self,
                               StorylineSource *source,
                               guint            index)
{
  g_return_if_fail (STORYLINE_IS_STORY (self));
  g_return_if_fail (STORYLINE_IS_SOURCE (source));
  g_return_if_fail (storyline_story_lookup_source (self, source->id) == NULL);

  g_ptr_array_insert (self->sources, MIN (index, self->sources->len), g_object_ref (source));
  storyline_id_index_add (self->source_index, source);
  g_signal_emit_by_name (self, "source-changed", source);
}

static gboolean
refers_to (const StorylineSourceRef *refs,
           guint                     n,
           StorylineSource          *source)
{
  for (guint i = 0; i < n; i++)
    if (refs[i].source == source)
      return TRUE;
  return FALSE;
}

/**
 * storyline_story_can_remove_source:
 *
 * Returns: whether nothing in the story refers to @source (an event or a
 *   note citing it, a quote issued or printed in it, a source derived
 *   from it, the story's primary source); if something does, @error says
 *   what
 */
gboolean
storyline_story_can_remove_source (StorylineStory   *self,
                                   StorylineSource  *source,
                                   GError          **error)
{
  const char *name;

  g_return_val_if_fail (STORYLINE_IS_STORY (self), FALSE);
  g_return_val_if_fail (STORYLINE_IS_SOURCE (source), FALSE);

  name = source->title ? source->title : source->id;
  if (source->events != NULL && source->events->len > 0)
    {
      g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_REFUSED,
                   _("“%s” cannot be deleted: “%s” cites it."),
                   name, ((StorylineEvent *) source->events->pdata[0])->title);
      return FALSE;
    }
  if (self->primary_source == source)
    {
      g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_REFUSED,
                   _("“%s” cannot be deleted: it is the story's primary source."), name);
      return FALSE;
    }
  for (guint i = 0; i < self->quotes->len; i++)
    {
      StorylineQuote *quote = self->quotes->pdata[i];
      gboolean printed = FALSE;

      for (guint j = 0; quote->renditions != NULL && j < quote->renditions->len; j++)
        printed = printed || ((StorylineRendition *) quote->renditions->pdata[j])->source == source;
      if (quote->origin == source || printed)
        {
          g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_REFUSED,
                       _("“%s” cannot be deleted: a quote was issued or printed in it."), name);
          return FALSE;
        }
    }
  for (guint i = 0; i < self->sources->len; i++)
    {
      StorylineSource *other = self->sources->pdata[i];

      if (other->derived_from != NULL && g_ptr_array_find (other->derived_from, source, NULL))
        {
          g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_REFUSED,
                       _("“%s” cannot be deleted: “%s” derives from it."),
                       name, other->title ? other->title : other->id);
          return FALSE;
        }
    }
  for (guint i = 0; i < self->events->len; i++)
    {
      GArray *notes = STORYLINE_EVENT_EXTRA ((StorylineEvent *) self->events->pdata[i], notes);

      for (guint j = 0; notes != NULL && j < notes->len; j++)
        {
          GArray *refs = g_array_index (notes, StorylineNote, j).sources;

          if (refs != NULL && refers_to ((StorylineSourceRef *) refs->data, refs->len, source))
            {
              g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_REFUSED,
                           _("“%s” cannot be deleted: a note of “%s” cites it."),
                           name, ((StorylineEvent *) self->events->pdata[i])->title);
              return FALSE;
            }
        }
    }
  return TRUE;
}

/**
 * storyline_story_remove_source:
 *
 * Takes @source, which nothing refers to (see
 * storyline_story_can_remove_source()), out of the story and emits
 * #StorylineStory::source-changed. Hold a reference to put it back.
 */
void
storyline_story_remove_source (StorylineStory  *self,
                               StorylineSource *source)
{
  guint index;

  g_return_if_fail (STORYLINE_IS_STORY (self));
  g_return_if_fail (storyline_story_can_remove_source (self, source, NULL));

  if (!g_ptr_array_find (self->sources, source, &index))
    g_return_if_reached ();
  g_object_ref (source);
  g_hash_table_remove (self->source_index, (char *) source + STORYLINE_ID_OFFSET);
  g_ptr_array_remove_index (self->sources, index);
  g_signal_emit_by_name (self, "source-changed", source);
  g_object_unref (source);
}
