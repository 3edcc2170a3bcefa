/* storyline-event-slot.h: one row of the event list, whatever it shows
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STORYLINE_TYPE_EVENT_SLOT (storyline_event_slot_get_type ())

G_DECLARE_FINAL_TYPE (StorylineEventSlot, storyline_event_slot, STORYLINE, EVENT_SLOT, GObject)

StorylineEventSlot *storyline_event_slot_new          (guint               position);
guint               storyline_event_slot_get_position (StorylineEventSlot *self);

G_END_DECLS
