/* storyline-event-slot.c: one row of the event list, whatever it shows
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "storyline-event-slot.h"

/* The item a StorylineEventRows hands to the list view for a row: the row's
 * position and nothing else. Which event the row shows is looked up in the
 * event list, so a new search changes what rows show without the list view
 * tearing its rows down and building new ones. */

struct _StorylineEventSlot
{
  GObject parent_instance;

  guint position;
};

G_DEFINE_FINAL_TYPE (StorylineEventSlot, storyline_event_slot, G_TYPE_OBJECT)

static void
storyline_event_slot_class_init (StorylineEventSlotClass *klass)
{
}

static void
storyline_event_slot_init (StorylineEventSlot *self)
{
}

StorylineEventSlot *
storyline_event_slot_new (guint position)
{
  StorylineEventSlot *self = g_object_new (STORYLINE_TYPE_EVENT_SLOT, NULL);

  self->position = position;
  return self;
}

guint
storyline_event_slot_get_position (StorylineEventSlot *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_SLOT (self), 0);
  return self->position;
}
