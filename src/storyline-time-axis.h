/* storyline-time-axis.h: the story's events on a time scale
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storyline-story.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_TIME_AXIS (storyline_time_axis_get_type ())

G_DECLARE_FINAL_TYPE (StorylineTimeAxis, storyline_time_axis, STORYLINE, TIME_AXIS, GtkWidget)

GtkWidget      *storyline_time_axis_new            (void);
void            storyline_time_axis_set_story      (StorylineTimeAxis *self,
                                                    StorylineStory    *story);
void            storyline_time_axis_set_listed     (StorylineTimeAxis *self,
                                                    GListModel        *listed);
void            storyline_time_axis_set_selected   (StorylineTimeAxis *self,
                                                    StorylineEvent    *event);
StorylineEvent *storyline_time_axis_get_selected   (StorylineTimeAxis *self);
void            storyline_time_axis_set_source     (StorylineTimeAxis *self,
                                                    StorylineSource   *source);
void            storyline_time_axis_zoom           (StorylineTimeAxis *self,
                                                    double             factor);
void            storyline_time_axis_pan            (StorylineTimeAxis *self,
                                                    double             pixels);
void            storyline_time_axis_show_all       (StorylineTimeAxis *self);
double          storyline_time_axis_get_days_per_px (StorylineTimeAxis *self);
void            storyline_time_axis_set_days_per_px (StorylineTimeAxis *self,
                                                    double             days_per_px);
gboolean        storyline_time_axis_get_mark_x     (StorylineTimeAxis *self,
                                                    StorylineEvent    *event,
                                                    double            *x0,
                                                    double            *x1);
void            storyline_time_axis_get_visible_days (StorylineTimeAxis *self,
                                                    gint64            *from,
                                                    gint64            *to);
gboolean        storyline_time_axis_is_dense       (StorylineTimeAxis *self);
gboolean        storyline_time_axis_event_moved    (StorylineTimeAxis *self,
                                                    StorylineEvent    *event);
double          storyline_time_axis_get_density_ms (StorylineTimeAxis *self,
                                                    guint             *n_counted);

G_END_DECLS
