/* storyline-form.h: what Edit mode's forms share
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storyline-edit-history.h"

G_BEGIN_DECLS

void      storyline_form_show_feedback      (GtkWidget            *field,
                                             GtkLabel             *feedback,
                                             const char           *problem,
                                             const char           *note);
char     *storyline_form_describe_date      (const char           *text);
char     *storyline_form_dup_text           (GtkTextView          *view);
void      storyline_form_set_text           (GtkTextView          *view,
                                             const char           *text);
void      storyline_form_set_entry          (GtkEditable          *entry,
                                             const char           *text);
void      storyline_form_ends_step          (GtkWidget            *field,
                                             StorylineEditHistory *history);
void      storyline_form_catch_undo         (GtkWidget            *form);
void      storyline_form_ellipsize_dropdown (GtkDropDown          *dropdown,
                                             int                   width_chars);
void      storyline_form_fill_sources       (GtkDropDown          *dropdown,
                                             StorylineStory       *story,
                                             const char           *none,
                                             StorylineSource      *selected);
void      storyline_form_select_source      (GtkDropDown          *dropdown,
                                             StorylineStory       *story,
                                             gboolean              with_none,
                                             StorylineSource      *source);
void      storyline_form_select_actor       (GtkDropDown          *dropdown,
                                             StorylineStory       *story,
                                             StorylineActor       *actor);
StorylineSource *storyline_form_get_source  (GtkDropDown          *dropdown,
                                             StorylineStory       *story,
                                             gboolean              with_none);
void      storyline_form_fill_actors        (GtkDropDown          *dropdown,
                                             StorylineStory       *story,
                                             StorylineActor       *selected);
StorylineActor *storyline_form_get_actor    (GtkDropDown          *dropdown,
                                             StorylineStory       *story);

GtkWidget *storyline_form_text_view_new      (GtkWidget           **view,
                                             const char           *text,
                                             int                   min_height,
                                             int                   max_height);
GtkWidget *storyline_form_feedback_label_new (void);
void       storyline_form_release_focus      (GtkWidget           *container,
                                             GtkWidget           *to);

G_END_DECLS
