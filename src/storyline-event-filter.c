/* storyline-event-filter.c: which events the list shows
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-event-filter.h"
#include "storyline-search.h"

/* One filter object for the life of the window: every change is a
 * gtk_filter_changed() with the strictness it implies, never a new filter
 * model. The folded search text of each event is made once per story. */

struct _StorylineEventFilter
{
  GtkFilter parent_instance;

  /* Owned references */
  StorylineStory *story;
  GHashTable *folded;          /* StorylineEvent* → folded search text */
  char *search;                /* as typed */
  char *folded_search;
  char *type;
  char *tag;

  /* Borrowed references: owned by the story, which is held */
  StorylineActor *actor;
  StorylineSource *source;
};

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (StorylineEventFilter, storyline_event_filter, GTK_TYPE_FILTER)

static gboolean
has_word (const char * const *words,
          const char         *word)
{
  return words != NULL && g_strv_contains (words, word);
}

static gboolean
event_has_actor (StorylineEvent *event,
                 StorylineActor *actor)
{
  for (guint i = 0; i < storyline_event_get_n_actors (event); i++)
    if (storyline_event_get_actor (event, i) == actor)
      return TRUE;
  return FALSE;
}

static gboolean
event_cites (StorylineEvent  *event,
             StorylineSource *source)
{
  for (guint i = 0; i < storyline_event_get_n_sources (event); i++)
    if (storyline_event_get_source (event, i)->source == source)
      return TRUE;
  return FALSE;
}

static const char *
folded_text (StorylineEventFilter *self,
             StorylineEvent       *event)
{
  char *text = g_hash_table_lookup (self->folded, event);

  if (text == NULL)
    {
      text = storyline_event_dup_search_text (event);
      g_hash_table_insert (self->folded, event, text);
    }
  return text;
}

static gboolean
storyline_event_filter_match (GtkFilter *filter,
                              gpointer   item)
{
  StorylineEventFilter *self = STORYLINE_EVENT_FILTER (filter);
  StorylineEvent *event = item;

  if (self->actor != NULL && !event_has_actor (event, self->actor))
    return FALSE;
  if (self->source != NULL && !event_cites (event, self->source))
    return FALSE;
  if (self->type != NULL && g_strcmp0 (storyline_event_get_event_type (event), self->type) != 0)
    return FALSE;
  if (self->tag != NULL && !has_word (storyline_event_get_tags (event), self->tag))
    return FALSE;
  if (self->folded_search != NULL &&
      !storyline_folded_matches (folded_text (self, event), self->folded_search))
    return FALSE;

  return TRUE;
}

static GtkFilterMatch
storyline_event_filter_get_strictness (GtkFilter *filter)
{
  StorylineEventFilter *self = STORYLINE_EVENT_FILTER (filter);

  return storyline_event_filter_is_active (self) ? GTK_FILTER_MATCH_SOME : GTK_FILTER_MATCH_ALL;
}

static void
changed (StorylineEventFilter *self,
         GtkFilterChange       change)
{
  gtk_filter_changed (GTK_FILTER (self), change);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
storyline_event_filter_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  StorylineEventFilter *self = STORYLINE_EVENT_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, storyline_event_filter_is_active (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
storyline_event_filter_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  StorylineEventFilter *self = STORYLINE_EVENT_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      storyline_event_filter_set_search (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
storyline_event_filter_finalize (GObject *object)
{
  StorylineEventFilter *self = STORYLINE_EVENT_FILTER (object);

  g_clear_pointer (&self->folded, g_hash_table_unref);
  g_clear_object (&self->story);
  g_free (self->search);
  g_free (self->folded_search);
  g_free (self->type);
  g_free (self->tag);

  G_OBJECT_CLASS (storyline_event_filter_parent_class)->finalize (object);
}

static void
storyline_event_filter_class_init (StorylineEventFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = storyline_event_filter_finalize;
  object_class->get_property = storyline_event_filter_get_property;
  object_class->set_property = storyline_event_filter_set_property;
  filter_class->match = storyline_event_filter_match;
  filter_class->get_strictness = storyline_event_filter_get_strictness;

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
storyline_event_filter_init (StorylineEventFilter *self)
{
  self->folded = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

StorylineEventFilter *
storyline_event_filter_new (void)
{
  return g_object_new (STORYLINE_TYPE_EVENT_FILTER, NULL);
}

/**
 * storyline_event_filter_set_story:
 *
 * Sets the story the events come from. Filters by actor and source are
 * carried over by id when the new story has them, and dropped when not.
 */
void
storyline_event_filter_set_story (StorylineEventFilter *self,
                                  StorylineStory       *story)
{
  g_return_if_fail (STORYLINE_IS_EVENT_FILTER (self));

  if (self->story == story)
    return;

  if (self->actor != NULL)
    self->actor = story ? storyline_story_lookup_actor (story, storyline_actor_get_id (self->actor)) : NULL;
  if (self->source != NULL)
    self->source = story ? storyline_story_lookup_source (story, storyline_source_get_id (self->source)) : NULL;

  g_hash_table_remove_all (self->folded);
  g_set_object (&self->story, story);
  changed (self, GTK_FILTER_CHANGE_DIFFERENT);
}

const char *
storyline_event_filter_get_search (StorylineEventFilter *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_FILTER (self), NULL);
  return self->search;
}

void
storyline_event_filter_set_search (StorylineEventFilter *self,
                                   const char           *search)
{
  g_autofree char *folded = NULL;
  GtkFilterChange change;

  g_return_if_fail (STORYLINE_IS_EVENT_FILTER (self));

  if (search != NULL && *search == '\0')
    search = NULL;
  if (g_strcmp0 (self->search, search) == 0)
    return;

  folded = search ? storyline_fold_text (search) : NULL;
  if (folded != NULL && g_strstrip (folded)[0] == '\0')
    g_clear_pointer (&folded, g_free);

  /* Typing more only narrows; deleting only widens. */
  if (self->folded_search == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (folded == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (g_str_has_prefix (folded, self->folded_search))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (self->folded_search, folded))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->search);
  self->search = g_strdup (search);
  g_free (self->folded_search);
  self->folded_search = g_steal_pointer (&folded);

  changed (self, change);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

/**
 * storyline_event_filter_get_actor:
 *
 * Returns: (transfer none) (nullable): the actor events must involve
 */
StorylineActor *
storyline_event_filter_get_actor (StorylineEventFilter *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_FILTER (self), NULL);
  return self->actor;
}

void
storyline_event_filter_set_actor (StorylineEventFilter *self,
                                  StorylineActor       *actor)
{
  g_return_if_fail (STORYLINE_IS_EVENT_FILTER (self));

  if (self->actor == actor)
    return;
  self->actor = actor;
  changed (self, GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * storyline_event_filter_get_source:
 *
 * Returns: (transfer none) (nullable): the source events must cite
 */
StorylineSource *
storyline_event_filter_get_source (StorylineEventFilter *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_FILTER (self), NULL);
  return self->source;
}

void
storyline_event_filter_set_source (StorylineEventFilter *self,
                                   StorylineSource      *source)
{
  g_return_if_fail (STORYLINE_IS_EVENT_FILTER (self));

  if (self->source == source)
    return;
  self->source = source;
  changed (self, GTK_FILTER_CHANGE_DIFFERENT);
}

const char *
storyline_event_filter_get_event_type (StorylineEventFilter *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_FILTER (self), NULL);
  return self->type;
}

void
storyline_event_filter_set_event_type (StorylineEventFilter *self,
                                       const char           *type)
{
  g_return_if_fail (STORYLINE_IS_EVENT_FILTER (self));

  if (g_strcmp0 (self->type, type) == 0)
    return;
  g_free (self->type);
  self->type = g_strdup (type);
  changed (self, GTK_FILTER_CHANGE_DIFFERENT);
}

const char *
storyline_event_filter_get_tag (StorylineEventFilter *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_FILTER (self), NULL);
  return self->tag;
}

void
storyline_event_filter_set_tag (StorylineEventFilter *self,
                                const char           *tag)
{
  g_return_if_fail (STORYLINE_IS_EVENT_FILTER (self));

  if (g_strcmp0 (self->tag, tag) == 0)
    return;
  g_free (self->tag);
  self->tag = g_strdup (tag);
  changed (self, GTK_FILTER_CHANGE_DIFFERENT);
}

gboolean
storyline_event_filter_is_active (StorylineEventFilter *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_FILTER (self), FALSE);
  return self->folded_search != NULL || self->actor != NULL || self->source != NULL ||
         self->type != NULL || self->tag != NULL;
}

void
storyline_event_filter_clear (StorylineEventFilter *self)
{
  g_return_if_fail (STORYLINE_IS_EVENT_FILTER (self));

  if (!storyline_event_filter_is_active (self))
    return;

  self->actor = NULL;
  self->source = NULL;
  g_clear_pointer (&self->type, g_free);
  g_clear_pointer (&self->tag, g_free);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->folded_search, g_free);
  changed (self, GTK_FILTER_CHANGE_LESS_STRICT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}
