/* storyline-filter-job.h: one filtering of a snapshot's events by a query
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "storyline-event-query.h"
#include "storyline-event-snapshot.h"

G_BEGIN_DECLS

/* One filtering: the query against the candidates (indices into the
 * sorted events, or all of them), into a bitmap of matches. */
typedef struct
{
  StorylineEventSnapshot *snapshot;
  StorylineEventQuery *query;
  guint32 *candidates;          /* NULL: every event */
  guint n_candidates;
  guint8 *matches;              /* by candidate */
  GCancellable *cancellable;
  guint generation;
  guint32 *result;
  guint n_result;
} StorylineFilterJob;

void storyline_filter_job_run  (StorylineFilterJob *job);
void storyline_filter_job_free (StorylineFilterJob *job);

G_END_DECLS
