/* storyline-event-snapshot.h: a story's events in order, with their folded
 * search texts, shared by the event list and its worker threads
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "storyline-story.h"

G_BEGIN_DECLS

typedef struct _StorylineEventSnapshot StorylineEventSnapshot;

/* The events of one story in order, with their folded texts once made.
 * Shared with the worker threads, which may outlive the list's interest
 * in it. */
struct _StorylineEventSnapshot
{
  gatomicrefcount ref_count;
  StorylineStory *story;
  GPtrArray *sorted;            /* of StorylineEvent: a reference each, or
                                   none when keep holds them */
  /* After an edit: the events in order are the story's as read, kept by
   * the first snapshot's array, and those added since, kept here; no
   * reference is taken for each of 200,000 events on every edit. */
  GPtrArray *keep;
  GPtrArray *extra;
  GMutex lock;                  /* for making the texts */
  char **folded;                /* by sorted index, into buffer; NULL until made */
  char *buffer;                 /* every folded text, each ended by a NUL */
  gsize *offsets;               /* where each starts in buffer, and the end */
  gboolean newest_first;
  /* The same story's snapshot before, its texts folded: they are copied
   * (in this snapshot's order) rather than folded again. Let go once this
   * one has its texts. */
  StorylineEventSnapshot *texts_from;
  /* Where each event's text is in texts_from, G_MAXUINT32 for one to fold
   * afresh (it was edited); NULL when the order is the same or reversed. */
  guint32 *texts_map;
};

StorylineEventSnapshot *storyline_event_snapshot_new           (StorylineStory         *story,
                                                                gboolean                newest_first,
                                                                StorylineEventSnapshot *previous);
StorylineEventSnapshot *storyline_event_snapshot_new_edited   (StorylineEventSnapshot *previous,
                                                                GPtrArray              *sorted,
                                                                guint32                *map,
                                                                StorylineEvent         *added);
StorylineEventSnapshot *storyline_event_snapshot_ref           (StorylineEventSnapshot *snapshot);
void                    storyline_event_snapshot_unref         (StorylineEventSnapshot *snapshot);
void                    storyline_event_snapshot_ensure_folded (StorylineEventSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StorylineEventSnapshot, storyline_event_snapshot_unref)

/* Work split in two: the second half on a thread of its own, for large
 * @n only. */
typedef void (*StorylineRangeFunc) (gpointer data, guint start, guint end);

void                    storyline_run_split                    (StorylineRangeFunc      func,
                                                                gpointer                data,
                                                                guint                   n);

G_END_DECLS
