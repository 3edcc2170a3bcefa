/* storyline-load-progress.c: how far a load on a worker thread has got
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "storyline-load-progress.h"

/* Written by the worker, read by the main loop when it likes (a timeout
 * that draws a progress bar): plain atomics, no signals across threads. */

struct _StorylineLoadProgress
{
  GObject parent_instance;

  int phase;       /* StorylineLoadPhase */
  int permille;    /* -1 when the phase cannot say */
};

G_DEFINE_FINAL_TYPE (StorylineLoadProgress, storyline_load_progress, G_TYPE_OBJECT)

static void
storyline_load_progress_class_init (StorylineLoadProgressClass *klass)
{
}

static void
storyline_load_progress_init (StorylineLoadProgress *self)
{
  self->permille = -1;
}

StorylineLoadProgress *
storyline_load_progress_new (void)
{
  return g_object_new (STORYLINE_TYPE_LOAD_PROGRESS, NULL);
}

StorylineLoadPhase
storyline_load_progress_get_phase (StorylineLoadProgress *self)
{
  g_return_val_if_fail (STORYLINE_IS_LOAD_PROGRESS (self), 0);
  return g_atomic_int_get (&self->phase);
}

/**
 * storyline_load_progress_get_fraction:
 *
 * Returns: how much of the current phase is done, from 0 to 1, or a
 *   negative number when the phase cannot tell (json-glib's parse)
 */
double
storyline_load_progress_get_fraction (StorylineLoadProgress *self)
{
  int permille;

  g_return_val_if_fail (STORYLINE_IS_LOAD_PROGRESS (self), -1);
  permille = g_atomic_int_get (&self->permille);
  return permille < 0 ? -1 : permille / 1000.0;
}

/**
 * storyline_load_progress_set:
 *
 * Called from the worker thread.
 */
void
storyline_load_progress_set (StorylineLoadProgress *self,
                             StorylineLoadPhase     phase,
                             double                 fraction)
{
  if (self == NULL)
    return;
  g_atomic_int_set (&self->phase, phase);
  g_atomic_int_set (&self->permille, fraction < 0 ? -1 : (int) (CLAMP (fraction, 0, 1) * 1000));
}
