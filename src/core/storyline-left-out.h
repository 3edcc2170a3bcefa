/* storyline-left-out.h: the items Open Anyway left out, kept and put back
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "storyline-story-edit.h"

G_BEGIN_DECLS

/* An item of one of the story's five lists that broke the format when
 * the story was opened anyway: its JSON text as it was in the file, where
 * it was, and why it was left out. It stays in the story, unseen, and is
 * written back where it was, so that nothing is dropped from the file. */
typedef struct
{
  char *collection;   /* "phases", "actors", "events", "quotes" or "sources" */
  guint position;     /* its index in that list in the file */
  char *text;         /* its JSON */
  char *problem;      /* why it was left out, where in it */
} StorylineLeftOut;

#define STORYLINE_TYPE_LEFT_OUT (storyline_left_out_get_type ())

GType                   storyline_left_out_get_type      (void) G_GNUC_CONST;
StorylineLeftOut       *storyline_left_out_new           (const char             *collection,
                                                          guint                   position,
                                                          const char             *text,
                                                          const char             *problem);
StorylineLeftOut       *storyline_left_out_copy          (const StorylineLeftOut *left_out);
void                    storyline_left_out_free          (StorylineLeftOut       *left_out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StorylineLeftOut, storyline_left_out_free)

guint                   storyline_story_get_n_left_out  (StorylineStory         *self);
const StorylineLeftOut *storyline_story_get_left_out    (StorylineStory         *self,
                                                          guint                   index);
void                    storyline_story_add_left_out    (StorylineStory         *self,
                                                          const StorylineLeftOut *left_out);
GPtrArray              *storyline_story_get_left_out_in (StorylineStory         *self,
                                                          const char             *collection);

GObject                *storyline_story_read_item       (StorylineStory         *self,
                                                          const char             *collection,
                                                          const char             *text,
                                                          GError                **error);
void                    storyline_story_put_back        (StorylineStory         *self,
                                                          guint                   index,
                                                          GObject                *item);
void                    storyline_story_take_back       (StorylineStory         *self,
                                                          GObject                *item,
                                                          const StorylineLeftOut *left_out);

G_END_DECLS
