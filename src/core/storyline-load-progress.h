/* storyline-load-progress.h: how far a load on a worker thread has got
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  STORYLINE_LOAD_PHASE_WAITING,
  STORYLINE_LOAD_PHASE_READING,
  STORYLINE_LOAD_PHASE_PARSING,
  STORYLINE_LOAD_PHASE_CHECKING,
  STORYLINE_LOAD_PHASE_DONE,
} StorylineLoadPhase;

#define STORYLINE_TYPE_LOAD_PROGRESS (storyline_load_progress_get_type ())

G_DECLARE_FINAL_TYPE (StorylineLoadProgress, storyline_load_progress, STORYLINE, LOAD_PROGRESS, GObject)

StorylineLoadProgress *storyline_load_progress_new          (void);
StorylineLoadPhase     storyline_load_progress_get_phase    (StorylineLoadProgress *self);
double                 storyline_load_progress_get_fraction (StorylineLoadProgress *self);
void                   storyline_load_progress_set          (StorylineLoadProgress *self,
                                                             StorylineLoadPhase     phase,
                                                             double                 fraction);

G_END_DECLS
