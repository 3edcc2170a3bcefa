/* storyline-event.c: something that happened, at a date of some precision
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "storyline-model-private.h"

/* A large story has hundreds of thousands: see storyline-model-private.h. */
G_STATIC_ASSERT (GLIB_SIZEOF_VOID_P != 8 || sizeof (StorylineEvent) <= 136);

G_DEFINE_FINAL_TYPE (StorylineEvent, storyline_event, G_TYPE_OBJECT)

static void
storyline_event_finalize (GObject *object)
{
  StorylineEvent *self = (StorylineEvent *) object;

  for (guint i = 0; i < self->n_sources; i++)
    storyline_source_ref_clear (&self->sources[i]);
  if (self->extras != NULL)
    {
      g_clear_pointer (&self->extras->related, g_array_unref);
      g_clear_pointer (&self->extras->notes, g_array_unref);
      g_clear_pointer (&self->extras->quotes, g_ptr_array_unref);
    }
  /* Last: the text, tags, actors and sources are in the story's strings. */
  g_clear_pointer (&self->strings, storyline_strings_unref);

  G_OBJECT_CLASS (storyline_event_parent_class)->finalize (object);
}

static void
storyline_event_class_init (StorylineEventClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = storyline_event_finalize;
}

static void
storyline_event_init (StorylineEvent *self)
{
}

/* What few events have, made the first time one needs it. */
StorylineEventExtras *
storyline_event_ensure_extras (StorylineEvent *event)
{
  if (event->extras == NULL)
    event->extras = storyline_strings_alloc (event->strings, sizeof (StorylineEventExtras));
  return event->extras;
}

const char *
storyline_event_get_id (StorylineEvent *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), NULL);
  return self->id;
}

const char *
storyline_event_get_title (StorylineEvent *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), NULL);
  return self->title;
}

const char *
storyline_event_get_summary (StorylineEvent *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), NULL);
  return self->summary;
}

const char *
storyline_event_get_place (StorylineEvent *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), NULL);
  return self->place;
}

/**
 * storyline_event_get_event_type:
 *
 * Returns: (nullable): the event's `type`, from the story's own vocabulary
 */
const char *
storyline_event_get_event_type (StorylineEvent *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), NULL);
  return self->type;
}

/**
 * storyline_event_get_tags:
 *
 * Returns: (transfer none) (nullable): the tags
 */
const char * const *
storyline_event_get_tags (StorylineEvent *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), NULL);
  return (const char * const *) self->tags;
}

const StorylineDate *
storyline_event_get_date (StorylineEvent *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), NULL);
  return &self->date;
}

/**
 * storyline_event_get_position:
 *
 * Returns: the event's index in the file's `events`
 */
guint
storyline_event_get_position (StorylineEvent *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), 0);
  return self->position;
}

/**
 * storyline_event_get_phase:
 *
 * Returns: (transfer none) (nullable): the phase
 */
StorylinePhase *
storyline_event_get_phase (StorylineEvent *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), NULL);
  return STORYLINE_EVENT_EXTRA (self, phase);
}

guint
storyline_event_get_n_actors (StorylineEvent *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), 0);
  return self->n_actors;
}

/**
 * storyline_event_get_actor:
 *
 * Returns: (transfer none) (nullable): the actor at @position
 */
StorylineActor *
storyline_event_get_actor (StorylineEvent *self,
                           guint           position)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), NULL);
  return position < self->n_actors ? self->actors[position] : NULL;
}

guint
storyline_event_get_n_sources (StorylineEvent *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), 0);
  return self->n_sources;
}

/**
 * storyline_event_get_source:
 *
 * Returns: (transfer none) (nullable): the source reference at @position
 */
const StorylineSourceRef *
storyline_event_get_source (StorylineEvent *self,
                            guint           position)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), NULL);
  return position < self->n_sources ? &self->sources[position] : NULL;
}

guint
storyline_event_get_n_related (StorylineEvent *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), 0);
  return STORYLINE_ARRAY_LEN (STORYLINE_EVENT_EXTRA (self, related));
}

/**
 * storyline_event_get_related:
 *
 * Returns: (transfer none) (nullable): the relation at @position
 */
const StorylineRelation *
storyline_event_get_related (StorylineEvent *self,
                             guint           position)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), NULL);
  return STORYLINE_ITEM_AT (STORYLINE_EVENT_EXTRA (self, related), StorylineRelation, position);
}

guint
storyline_event_get_n_notes (StorylineEvent *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), 0);
  return STORYLINE_ARRAY_LEN (STORYLINE_EVENT_EXTRA (self, notes));
}

/**
 * storyline_event_get_note:
 *
 * Returns: (transfer none) (nullable): the note at @position
 */
const StorylineNote *
storyline_event_get_note (StorylineEvent *self,
                          guint           position)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), NULL);
  return STORYLINE_ITEM_AT (STORYLINE_EVENT_EXTRA (self, notes), StorylineNote, position);
}

gboolean
storyline_event_has_correction (StorylineEvent *self)
{
  GArray *notes;

  g_return_val_if_fail (STORYLINE_IS_EVENT (self), FALSE);
  notes = STORYLINE_EVENT_EXTRA (self, notes);

  for (guint i = 0; i < STORYLINE_ARRAY_LEN (notes); i++)
    if (g_array_index (notes, StorylineNote, i).kind == STORYLINE_NOTE_CORRECTION)
      return TRUE;
  return FALSE;
}

guint
storyline_event_get_n_quotes (StorylineEvent *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), 0);
  return STORYLINE_ARRAY_LEN (STORYLINE_EVENT_EXTRA (self, quotes));
}

/**
 * storyline_event_get_quote:
 *
 * Returns: (transfer none) (nullable): a quote that belongs to the event
 */
StorylineQuote *
storyline_event_get_quote (StorylineEvent *self,
                           guint           position)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), NULL);
  return STORYLINE_PTR_AT (STORYLINE_EVENT_EXTRA (self, quotes), position);
}

/**
 * storyline_event_compare:
 *
 * The story's order: by date (earliest day, then latest), then file order.
 */
int
storyline_event_compare (StorylineEvent *a,
                         StorylineEvent *b)
{
  int cmp = storyline_date_compare (&a->date, &b->date);

  if (cmp != 0)
    return cmp;
  return a->position < b->position ? -1 : a->position > b->position;
}

/**
 * storyline_event_get_language:
 *
 * Returns: (nullable): the language of the event's text: the story's
 */
const char *
storyline_event_get_language (StorylineEvent *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), NULL);
  return storyline_strings_get_language (self->strings);
}

/**
 * storyline_event_involves:
 *
 * Returns: whether @actor is one of the event's actors
 */
gboolean
storyline_event_involves (StorylineEvent *self,
                          StorylineActor *actor)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), FALSE);
  for (guint i = 0; i < self->n_actors; i++)
    if (self->actors[i] == actor)
      return TRUE;
  return FALSE;
}

/**
 * storyline_event_cites:
 *
 * Returns: whether the event cites @source
 */
gboolean
storyline_event_cites (StorylineEvent  *self,
                       StorylineSource *source)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), FALSE);
  for (guint i = 0; i < self->n_sources; i++)
    if (self->sources[i].source == source)
      return TRUE;
  return FALSE;
}

/**
 * storyline_event_has_tag:
 *
 * Returns: whether @tag is one of the event's tags
 */
gboolean
storyline_event_has_tag (StorylineEvent *self,
                         const char     *tag)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (self), FALSE);
  return self->tags != NULL && g_strv_contains ((const char * const *) self->tags, tag);
}
