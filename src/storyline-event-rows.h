/* storyline-event-rows.h: the rows of the event list, stable across searches
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "storyline-event-list.h"
#include "storyline-event-slot.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_EVENT_ROWS (storyline_event_rows_get_type ())

G_DECLARE_FINAL_TYPE (StorylineEventRows, storyline_event_rows, STORYLINE, EVENT_ROWS, GObject)

StorylineEventRows *storyline_event_rows_new       (StorylineEventList *list);
StorylineEvent     *storyline_event_rows_get_event (StorylineEventRows *self,
                                                    guint               position);

G_END_DECLS
