/* storyline-phase.h
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "storyline-date.h"
#include "storyline-types.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_PHASE (storyline_phase_get_type ())

G_DECLARE_FINAL_TYPE (StorylinePhase, storyline_phase, STORYLINE, PHASE, GObject)

const char          *storyline_phase_get_id       (StorylinePhase *self);
const char          *storyline_phase_get_title    (StorylinePhase *self);
const char          *storyline_phase_get_summary  (StorylinePhase *self);
const StorylineDate *storyline_phase_get_start    (StorylinePhase *self);
const StorylineDate *storyline_phase_get_end      (StorylinePhase *self);
guint                storyline_phase_get_n_events (StorylinePhase *self);
StorylineEvent      *storyline_phase_get_event    (StorylinePhase *self,
                                                   guint           position);

G_END_DECLS
