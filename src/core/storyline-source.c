/* storyline-source.c: a CSL-JSON item behind the story
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "storyline-model-private.h"

G_DEFINE_FINAL_TYPE (StorylineSource, storyline_source, G_TYPE_OBJECT)

static void
storyline_source_finalize (GObject *object)
{
  StorylineSource *self = (StorylineSource *) object;

  g_free (self->id);
  g_free (self->type);
  g_free (self->title);
  g_free (self->container_title);
  g_free (self->publisher);
  g_free (self->publisher_place);
  g_free (self->url);
  g_free (self->genre);
  g_free (self->language);
  g_free (self->note);
  g_free (self->archive);
  g_free (self->archive_location);
  g_free (self->archived_url);
  g_free (self->issued_literal);
  g_clear_pointer (&self->authors, g_array_unref);
  g_clear_pointer (&self->item, json_object_unref);
  g_free (self->item_json);
  g_clear_pointer (&self->derived_from, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);

  G_OBJECT_CLASS (storyline_source_parent_class)->finalize (object);
}

static void
storyline_source_class_init (StorylineSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = storyline_source_finalize;
}

static void
storyline_source_init (StorylineSource *self)
{
}

/**
 * storyline_source_get_source_type:
 *
 * Returns: the CSL item type, such as "article-newspaper"
 */
const char *
storyline_source_get_source_type (StorylineSource *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), NULL);
  return self->type;
}

const char *
storyline_source_get_id (StorylineSource *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), NULL);
  return self->id;
}

const char *
storyline_source_get_title (StorylineSource *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), NULL);
  return self->title;
}

const char *
storyline_source_get_container_title (StorylineSource *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), NULL);
  return self->container_title;
}

const char *
storyline_source_get_publisher (StorylineSource *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), NULL);
  return self->publisher;
}

const char *
storyline_source_get_publisher_place (StorylineSource *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), NULL);
  return self->publisher_place;
}

const char *
storyline_source_get_url (StorylineSource *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), NULL);
  return self->url;
}

const char *
storyline_source_get_genre (StorylineSource *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), NULL);
  return self->genre;
}

const char *
storyline_source_get_language (StorylineSource *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), NULL);
  return self->language;
}

const char *
storyline_source_get_note (StorylineSource *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), NULL);
  return self->note;
}

const char *
storyline_source_get_archive (StorylineSource *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), NULL);
  return self->archive;
}

const char *
storyline_source_get_archive_location (StorylineSource *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), NULL);
  return self->archive_location;
}

const char *
storyline_source_get_archived_url (StorylineSource *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), NULL);
  return self->archived_url;
}

const char *
storyline_source_get_issued_literal (StorylineSource *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), NULL);
  return self->issued_literal;
}

/**
 * storyline_source_get_issued:
 *
 * Returns: the publication date; unset if the item has none (or only a literal)
 */
const StorylineDate *
storyline_source_get_issued (StorylineSource *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), NULL);
  return &self->issued;
}

const StorylineDate *
storyline_source_get_accessed (StorylineSource *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), NULL);
  return &self->accessed;
}

StorylineReliability
storyline_source_get_reliability (StorylineSource *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), 0);
  return self->reliability;
}

guint
storyline_source_get_n_authors (StorylineSource *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), 0);
  return STORYLINE_ARRAY_LEN (self->authors);
}

/**
 * storyline_source_get_author:
 *
 * Returns: (transfer none) (nullable): the author at @position
 */
const StorylineName *
storyline_source_get_author (StorylineSource *self,
                             guint            position)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), NULL);
  return STORYLINE_ITEM_AT (self->authors, StorylineName, position);
}

guint
storyline_source_get_n_derived_from (StorylineSource *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), 0);
  return STORYLINE_ARRAY_LEN (self->derived_from);
}

/**
 * storyline_source_get_derived_from:
 *
 * Returns: (transfer none) (nullable): a source this one reports, quotes or rewrites
 */
StorylineSource *
storyline_source_get_derived_from (StorylineSource *self,
                                   guint            position)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), NULL);
  return STORYLINE_PTR_AT (self->derived_from, position);
}

guint
storyline_source_get_n_events (StorylineSource *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), 0);
  return STORYLINE_ARRAY_LEN (self->events);
}

/**
 * storyline_source_get_event:
 *
 * Returns: (transfer none) (nullable): an event that cites this source
 */
StorylineEvent *
storyline_source_get_event (StorylineSource *self,
                            guint            position)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), NULL);
  return STORYLINE_PTR_AT (self->events, position);
}

/**
 * storyline_source_dup_item:
 *
 * Returns: (transfer full) (type JsonObject): the CSL-JSON item as it was
 *   read, without keeping it parsed when it is not already (writing a large
 *   story parses each item once and lets it go)
 */
gpointer
storyline_source_dup_item (StorylineSource *self)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), NULL);

  if (self->item != NULL || self->item_json == NULL)
    return self->item != NULL ? json_object_ref (self->item) : json_object_new ();
  parser = json_parser_new ();
  if (json_parser_load_from_data (parser, self->item_json, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    return json_object_ref (json_node_get_object (root));
  return json_object_new ();
}

/**
 * storyline_source_get_item:
 *
 * Returns: (transfer none) (type JsonObject): the CSL-JSON item as it was read
 */
gpointer
storyline_source_get_item (StorylineSource *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE (self), NULL);

  /* Kept as text, which is a tenth of the size of the nodes, and parsed
   * again the first time it is asked for (exports, some citations). */
  if (self->item == NULL && self->item_json != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;

      if (json_parser_load_from_data (parser, self->item_json, -1, NULL) &&
          (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
        self->item = json_object_ref (json_node_get_object (root));
      g_clear_pointer (&self->item_json, g_free);
    }
  return self->item;
}
