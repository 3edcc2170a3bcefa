/* storyline-event-filter.c: which events the list shows
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-event-filter.h"

/* What the window's filters ask for: the search as typed and the actor,
 * source, type and tag chosen. Every change emits ::changed once; the
 * window turns the state into a StorylineEventQuery for its
 * StorylineEventList, which does the filtering. */

struct _StorylineEventFilter
{
  GObject parent_instance;

  /* Owned references */
  StorylineStory *story;
  char *search;                /* as typed, never only spaces */
  char *type;
  char *tag;

  /* Borrowed references: owned by the story, which is held */
  StorylineActor *actor;
  StorylineSource *source;
  gboolean has_range;          /* days chosen on the time axis */
  gint64 range_from;
  gint64 range_to;

  gboolean active;             /* as last notified */
};

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_ACTIVE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (StorylineEventFilter, storyline_event_filter, G_TYPE_OBJECT)

/* "active" is notified when it changes, and only then. */
static void
changed (StorylineEventFilter *self)
{
  gboolean active = storyline_event_filter_is_active (self);

  g_signal_emit (self, signals[CHANGED], 0);
  if (active != self->active)
    {
      self->active = active;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
    }
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
storyline_event_filter_dispose (GObject *object)
{
  StorylineEventFilter *self = STORYLINE_EVENT_FILTER (object);

  /* The actor and source are the story's. */
  self->actor = NULL;
  self->source = NULL;
  g_clear_object (&self->story);

  G_OBJECT_CLASS (storyline_event_filter_parent_class)->dispose (object);
}

static void
storyline_event_filter_finalize (GObject *object)
{
  StorylineEventFilter *self = STORYLINE_EVENT_FILTER (object);

  g_free (self->search);
  g_free (self->type);
  g_free (self->tag);

  G_OBJECT_CLASS (storyline_event_filter_parent_class)->finalize (object);
}

static void
storyline_event_filter_class_init (StorylineEventFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = storyline_event_filter_dispose;
  object_class->finalize = storyline_event_filter_finalize;
  object_class->get_property = storyline_event_filter_get_property;
  object_class->set_property = storyline_event_filter_set_property;

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
storyline_event_filter_init (StorylineEventFilter *self)
{
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

  g_set_object (&self->story, story);
  changed (self);
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
  g_return_if_fail (STORYLINE_IS_EVENT_FILTER (self));

  if (search != NULL && search[strspn (search, " ")] == '\0')
    search = NULL;
  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  changed (self);
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
  changed (self);
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
  changed (self);
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
  changed (self);
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
  changed (self);
}

/**
 * storyline_event_filter_set_range:
 * @from: the first day (from 1970-01-01)
 * @to: the last, inclusive
 *
 * Lists only the events that can fall in those days: a span chosen on
 * the time axis.
 */
void
storyline_event_filter_set_range (StorylineEventFilter *self,
                                  gint64                from,
                                  gint64                to)
{
  g_return_if_fail (STORYLINE_IS_EVENT_FILTER (self));

  if (self->has_range && self->range_from == MIN (from, to) && self->range_to == MAX (from, to))
    return;
  self->has_range = TRUE;
  self->range_from = MIN (from, to);
  self->range_to = MAX (from, to);
  changed (self);
}

void
storyline_event_filter_clear_range (StorylineEventFilter *self)
{
  g_return_if_fail (STORYLINE_IS_EVENT_FILTER (self));

  if (!self->has_range)
    return;
  self->has_range = FALSE;
  changed (self);
}

/**
 * storyline_event_filter_get_range:
 * @from: (out) (optional): the first day
 * @to: (out) (optional): the last
 *
 * Returns: whether a span of days is chosen
 */
gboolean
storyline_event_filter_get_range (StorylineEventFilter *self,
                                  gint64               *from,
                                  gint64               *to)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_FILTER (self), FALSE);
  if (from != NULL)
    *from = self->range_from;
  if (to != NULL)
    *to = self->range_to;
  return self->has_range;
}

gboolean
storyline_event_filter_is_active (StorylineEventFilter *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_FILTER (self), FALSE);
  return self->search != NULL || self->actor != NULL || self->source != NULL ||
         self->type != NULL || self->tag != NULL || self->has_range;
}

void
storyline_event_filter_clear (StorylineEventFilter *self)
{
  g_return_if_fail (STORYLINE_IS_EVENT_FILTER (self));

  if (!storyline_event_filter_is_active (self))
    return;

  self->actor = NULL;
  self->source = NULL;
  self->has_range = FALSE;
  g_clear_pointer (&self->type, g_free);
  g_clear_pointer (&self->tag, g_free);
  g_clear_pointer (&self->search, g_free);
  changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

/**
 * storyline_event_filter_dup_query:
 *
 * Returns: (transfer full): the query for the events the filters let
 *   through
 */
StorylineEventQuery *
storyline_event_filter_dup_query (StorylineEventFilter *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_FILTER (self), NULL);
  StorylineEventQuery *query = storyline_event_query_new (self->search, self->actor, self->source, self->type, self->tag);

  if (self->has_range)
    storyline_event_query_set_range (query, self->range_from, self->range_to);
  return query;
}
