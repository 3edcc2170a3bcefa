/* storyline-time-scale.h: days on an axis — the time axis's arithmetic,
 * with no GTK
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A span of days no event touches, drawn narrow: [from, to). */
typedef struct
{
  gint64 from;
  gint64 to;
} StorylineTimeGap;

typedef enum
{
  STORYLINE_TICK_DAY,
  STORYLINE_TICK_MONTH,
  STORYLINE_TICK_YEAR,
} StorylineTickUnit;

typedef struct
{
  gint64 day;             /* the first day the tick marks, from 1970-01-01 */
  double x;
  gboolean labelled;
  StorylineTickUnit unit; /* of the label */
} StorylineTick;

typedef struct _StorylineTimeScale StorylineTimeScale;

StorylineTimeScale *storyline_time_scale_new        (void);
void                storyline_time_scale_free       (StorylineTimeScale *scale);

GArray             *storyline_time_gaps_find        (const gint64       *earliest,
                                                     const gint64       *latest,
                                                     guint               n);
void                storyline_time_scale_set_gaps   (StorylineTimeScale *scale,
                                                     GArray             *gaps,
                                                     gint64              first_day,
                                                     gint64              last_day);
guint               storyline_time_scale_get_n_gaps (StorylineTimeScale *scale);
const StorylineTimeGap *storyline_time_scale_get_gap (StorylineTimeScale *scale,
                                                     guint               i);

double              storyline_time_scale_virtual    (StorylineTimeScale *scale,
                                                     double              day);
double              storyline_time_scale_real       (StorylineTimeScale *scale,
                                                     double              virtual_day);

void                storyline_time_scale_set_view   (StorylineTimeScale *scale,
                                                     double              first_virtual_day,
                                                     double              days_per_px,
                                                     double              width);
void                storyline_time_scale_fit        (StorylineTimeScale *scale,
                                                     gint64              first_day,
                                                     gint64              last_day,
                                                     double              width);
double              storyline_time_scale_get_start  (StorylineTimeScale *scale);
double              storyline_time_scale_get_days_per_px (StorylineTimeScale *scale);
void                storyline_time_scale_zoom       (StorylineTimeScale *scale,
                                                     double              factor,
                                                     double              at_x);
void                storyline_time_scale_pan        (StorylineTimeScale *scale,
                                                     double              dx);

double              storyline_time_scale_day_to_x   (StorylineTimeScale *scale,
                                                     double              day);
double              storyline_time_scale_x_to_day   (StorylineTimeScale *scale,
                                                     double              x);

GArray             *storyline_time_scale_ticks      (StorylineTimeScale *scale,
                                                     double              min_label_px);
char               *storyline_time_tick_label       (const StorylineTick *tick,
                                                     gboolean            with_year);

char               *storyline_time_format_range     (gint64              from,
                                                     gint64              to);
guint32            *storyline_time_density          (StorylineTimeScale *scale,
                                                     const gint64       *earliest,
                                                     const gint64       *latest,
                                                     guint               n,
                                                     guint               columns);

void                storyline_civil_from_days       (gint64              days,
                                                     gint64             *year,
                                                     unsigned           *month,
                                                     unsigned           *day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StorylineTimeScale, storyline_time_scale_free)

G_END_DECLS
