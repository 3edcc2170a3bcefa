/* storyline-time-scale.c: days on an axis — the time axis's arithmetic,
 * with no GTK
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "storyline-date.h"
#include "storyline-time-scale.h"

/* Days are counted from 1970-01-01, as storyline_days_from_civil() counts
 * them. The axis draws "virtual" days: real days with the story's large
 * empty spans (1971 to 2022 in the bundled story) each shrunk to a stub a
 * twenty-fifth of the time the story's events cover, so that its dense
 * periods keep their room. x = (virtual day - start) / days per pixel. */

struct _StorylineTimeScale
{
  GArray *gaps;           /* of StorylineTimeGap, in order, not touching */
  double stub;            /* virtual days a gap takes */
  double start;           /* the virtual day at x = 0 */
  double days_per_px;
  double width;
};

#define MIN_DAYS_PER_PX (1.0 / 400)     /* a day 400 px wide */
#define MAX_DAYS_PER_PX (365.25 * 200)  /* 200 years a pixel */

StorylineTimeScale *
storyline_time_scale_new (void)
{
  StorylineTimeScale *scale = g_new0 (StorylineTimeScale, 1);

  scale->gaps = g_array_new (FALSE, FALSE, sizeof (StorylineTimeGap));
  scale->days_per_px = 1;
  scale->width = 1;
  return scale;
}

void
storyline_time_scale_free (StorylineTimeScale *scale)
{
  if (scale == NULL)
    return;
  g_array_unref (scale->gaps);
  g_free (scale);
}

/**
 * storyline_time_civil_from_days:
 *
 * The year, month and day of @days from 1970-01-01 (proleptic Gregorian,
 * astronomical years).
 */
void
storyline_civil_from_days (gint64    days,
                           gint64   *year,
                           unsigned *month,
                           unsigned *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;

  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = m;
  *year = yoe + era * 400 + (m <= 2);
}

typedef struct
{
  gint64 earliest, latest;
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  return (x->earliest > y->earliest) - (x->earliest < y->earliest);
}

/**
 * storyline_time_gaps_find:
 * @earliest: each event's first possible day
 * @latest: and its last
 *
 * The spans no event touches that are worth collapsing: longer than two
 * years and than a fifth of all the time the events cover.
 *
 * Returns: (transfer full): of StorylineTimeGap, in order
 */
GArray *
storyline_time_gaps_find (const gint64 *earliest,
                          const gint64 *latest,
                          guint         n)
{
  GArray *gaps = g_array_new (FALSE, FALSE, sizeof (StorylineTimeGap));
  g_autofree Span *spans = NULL;
  gint64 first, last, reach, threshold;

  if (n < 2)
    return gaps;
  spans = g_new (Span, n);
  first = G_MAXINT64;
  last = G_MININT64;
  for (guint i = 0; i < n; i++)
    {
      spans[i].earliest = earliest[i];
      spans[i].latest = MAX (latest[i], earliest[i]);
      first = MIN (first, spans[i].earliest);
      last = MAX (last, spans[i].latest);
    }
  qsort (spans, n, sizeof (Span), compare_spans);
  threshold = MAX (730, (last - first + 1) / 5);
  reach = spans[0].latest;
  for (guint i = 1; i < n; i++)
    {
      if (spans[i].earliest - reach - 1 > threshold)
        {
          StorylineTimeGap gap = { reach + 1, spans[i].earliest };
          g_array_append_val (gaps, gap);
        }
      reach = MAX (reach, spans[i].latest);
    }
  return gaps;
}

/**
 * storyline_time_scale_set_gaps:
 * @gaps: (nullable): of StorylineTimeGap, in order; %NULL for none
 * @first_day: the first day of the events
 * @last_day: and their last
 *
 * Collapses @gaps: each takes a twenty-fifth of the time the events
 * cover outside the gaps (at least a day).
 */
void
storyline_time_scale_set_gaps (StorylineTimeScale *scale,
                               GArray             *gaps,
                               gint64              first_day,
                               gint64              last_day)
{
  double covered = last_day - first_day + 1;

  g_array_set_size (scale->gaps, 0);
  for (guint i = 0; gaps != NULL && i < gaps->len; i++)
    {
      StorylineTimeGap *g = &g_array_index (gaps, StorylineTimeGap, i);

      if (g->to > g->from)
        {
          g_array_append_val (scale->gaps, *g);
          covered -= g->to - g->from;
        }
    }
  scale->stub = MAX (1.0, covered / 25);
}

guint
storyline_time_scale_get_n_gaps (StorylineTimeScale *scale)
{
  return scale->gaps->len;
}

const StorylineTimeGap *
storyline_time_scale_get_gap (StorylineTimeScale *scale,
                              guint               i)
{
  g_return_val_if_fail (i < scale->gaps->len, NULL);
  return &g_array_index (scale->gaps, StorylineTimeGap, i);
}

/**
 * storyline_time_scale_virtual:
 *
 * Returns: the virtual day of @day: the day less the time the gaps before
 *   it save; a day inside a gap falls proportionally inside its stub
 */
double
storyline_time_scale_virtual (StorylineTimeScale *scale,
                              double              day)
{
  double shift = 0;

  for (guint i = 0; i < scale->gaps->len; i++)
    {
      const StorylineTimeGap *g = &g_array_index (scale->gaps, StorylineTimeGap, i);
      double length = g->to - g->from;

      if (day >= g->to)
        shift += length - scale->stub;
      else if (day > g->from)
        return g->from - shift + (day - g->from) * scale->stub / length;
      else
        break;
    }
  return day - shift;
}

/**
 * storyline_time_scale_real:
 *
 * Returns: the real day of @virtual_day (storyline_time_scale_virtual()
 *   undone)
 */
double
storyline_time_scale_real (StorylineTimeScale *scale,
                           double              virtual_day)
{
  double shift = 0;

  for (guint i = 0; i < scale->gaps->len; i++)
    {
      const StorylineTimeGap *g = &g_array_index (scale->gaps, StorylineTimeGap, i);
      double length = g->to - g->from;
      double from = g->from - shift;

      if (virtual_day >= from + scale->stub)
        shift += length - scale->stub;
      else if (virtual_day > from)
        return g->from + (virtual_day - from) * length / scale->stub;
      else
        break;
    }
  return virtual_day + shift;
}

void
storyline_time_scale_set_view (StorylineTimeScale *scale,
                               double              first_virtual_day,
                               double              days_per_px,
                               double              width)
{
  scale->start = first_virtual_day;
  scale->days_per_px = CLAMP (days_per_px, MIN_DAYS_PER_PX, MAX_DAYS_PER_PX);
  scale->width = MAX (1, width);
}

/**
 * storyline_time_scale_fit:
 *
 * Shows from @first_day to the end of @last_day across @width pixels,
 * with a little room at either end: the whole story.
 */
void
storyline_time_scale_fit (StorylineTimeScale *scale,
                          gint64              first_day,
                          gint64              last_day,
                          double              width)
{
  double from = storyline_time_scale_virtual (scale, first_day);
  double to = storyline_time_scale_virtual (scale, last_day + 1);
  double margin = MAX (1, (to - from) * 0.03);

  width = MAX (1, width);
  storyline_time_scale_set_view (scale, from - margin, (to - from + 2 * margin) / width, width);
}

double
storyline_time_scale_get_start (StorylineTimeScale *scale)
{
  return scale->start;
}

double
storyline_time_scale_get_days_per_px (StorylineTimeScale *scale)
{
  return scale->days_per_px;
}

/**
 * storyline_time_scale_zoom:
 * @factor: above 1 to zoom in
 * @at_x: the point that stays where it is
 */
void
storyline_time_scale_zoom (StorylineTimeScale *scale,
                           double              factor,
                           double              at_x)
{
  double day = scale->start + at_x * scale->days_per_px;
  double days_per_px = CLAMP (scale->days_per_px / factor, MIN_DAYS_PER_PX, MAX_DAYS_PER_PX);

  scale->start = day - at_x * days_per_px;
  scale->days_per_px = days_per_px;
}

/**
 * storyline_time_scale_pan:
 * @dx: pixels the content moves right (earlier time comes into view)
 */
void
storyline_time_scale_pan (StorylineTimeScale *scale,
                          double              dx)
{
  scale->start -= dx * scale->days_per_px;
}

double
storyline_time_scale_day_to_x (StorylineTimeScale *scale,
                               double              day)
{
  return (storyline_time_scale_virtual (scale, day) - scale->start) / scale->days_per_px;
}

double
storyline_time_scale_x_to_day (StorylineTimeScale *scale,
                               double              x)
{
  return storyline_time_scale_real (scale, scale->start + x * scale->days_per_px);
}

/* Ticks */

typedef struct
{
  StorylineTickUnit unit;
  guint step;
  double days;            /* about how long */
} Step;

static const Step steps[] = {
  { STORYLINE_TICK_DAY, 1, 1 }, { STORYLINE_TICK_DAY, 2, 2 }, { STORYLINE_TICK_DAY, 7, 7 },
  { STORYLINE_TICK_DAY, 14, 14 }, { STORYLINE_TICK_MONTH, 1, 30.44 }, { STORYLINE_TICK_MONTH, 3, 91.3 },
  { STORYLINE_TICK_MONTH, 6, 182.6 }, { STORYLINE_TICK_YEAR, 1, 365.25 }, { STORYLINE_TICK_YEAR, 2, 730.5 },
  { STORYLINE_TICK_YEAR, 5, 1826 }, { STORYLINE_TICK_YEAR, 10, 3652 }, { STORYLINE_TICK_YEAR, 20, 7305 },
  { STORYLINE_TICK_YEAR, 50, 18262 }, { STORYLINE_TICK_YEAR, 100, 36525 }, { STORYLINE_TICK_YEAR, 200, 73050 },
  { STORYLINE_TICK_YEAR, 500, 182625 }, { STORYLINE_TICK_YEAR, 1000, 365250 }, { STORYLINE_TICK_YEAR, 2000, 730500 },
  { STORYLINE_TICK_YEAR, 5000, 1826250 },
};

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* The first day at or after @day on the grid of @s. */
static gint64
first_on_grid (gint64      day,
               const Step *s)
{
  gint64 y;
  unsigned m, d;

  switch (s->unit)
    {
    case STORYLINE_TICK_DAY:
      /* Weeks and fortnights start on Mondays (1970-01-05 was one). */
      return s->step >= 7 ? 4 + floor_div (day - 4 + s->step - 1, s->step) * s->step
                          : floor_div (day + s->step - 1, s->step) * s->step;
    case STORYLINE_TICK_MONTH:
      storyline_civil_from_days (day, &y, &m, &d);
      if (d > 1 || (m - 1) % s->step != 0)
        {
          m = (m - 1) / s->step * s->step + s->step + 1;
          if (m > 12)
            {
              m -= 12;
              y++;
            }
        }
      return storyline_days_from_civil (y, m, 1);
    case STORYLINE_TICK_YEAR:
    default:
      storyline_civil_from_days (day, &y, &m, &d);
      if (m > 1 || d > 1 || floor_div (y, s->step) * s->step != y)
        y = floor_div (y, s->step) * s->step + s->step;
      return storyline_days_from_civil (y, 1, 1);
    }
}

static gint64
next_on_grid (gint64      day,
              const Step *s)
{
  gint64 y;
  unsigned m, d;

  switch (s->unit)
    {
    case STORYLINE_TICK_DAY:
      return day + s->step;
    case STORYLINE_TICK_MONTH:
      storyline_civil_from_days (day, &y, &m, &d);
      m += s->step;
      if (m > 12)
        {
          m -= 12;
          y++;
        }
      return storyline_days_from_civil (y, m, 1);
    case STORYLINE_TICK_YEAR:
    default:
      storyline_civil_from_days (day, &y, &m, &d);
      return storyline_days_from_civil (y + s->step, 1, 1);
    }
}

static gboolean
on_grid (gint64      day,
         const Step *s)
{
  return first_on_grid (day, s) == day;
}

/* Ticks of @tick_step from @from to @to (real days), labelled where they
 * are on @label_step's grid. */
static void
add_ticks (StorylineTimeScale *scale,
           GArray             *ticks,
           const Step         *tick_step,
           const Step         *label_step,
           gint64              from,
           gint64              to)
{
  for (gint64 day = first_on_grid (from, tick_step); day <= to; day = next_on_grid (day, tick_step))
    {
      StorylineTick tick = { day, storyline_time_scale_day_to_x (scale, day), FALSE, label_step->unit };

      tick.labelled = tick_step == label_step || on_grid (day, label_step);
      if (ticks->len > 20000)
        break;
      g_array_append_val (ticks, tick);
    }
}

/**
 * storyline_time_scale_ticks:
 * @min_label_px: the least room a label needs
 *
 * The ticks of the view: labelled ones as close as @min_label_px allows
 * (days, weeks, months, quarters, years, decades… as the zoom says), and
 * unlabelled ones between when there is room; none inside a collapsed gap.
 *
 * Returns: (transfer full): of StorylineTick, in order of x
 */
GArray *
storyline_time_scale_ticks (StorylineTimeScale *scale,
                            double              min_label_px)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (StorylineTick));
  const Step *label = &steps[G_N_ELEMENTS (steps) - 1];
  const Step *tick = NULL;
  double first = floor (storyline_time_scale_x_to_day (scale, 0));
  double last = ceil (storyline_time_scale_x_to_day (scale, scale->width));
  gint64 from;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i].days / scale->days_per_px >= min_label_px)
      {
        label = &steps[i];
        if (i > 0 && steps[i - 1].days / scale->days_per_px >= 6)
          tick = &steps[i - 1];
        break;
      }
  if (tick == NULL)
    tick = label;
  /* Units that do not nest draw their own ticks: weeks in months. */
  if (tick->unit != label->unit && tick->unit == STORYLINE_TICK_DAY && tick->step > 1)
    tick = label;

  first = CLAMP (first, -4000000.0, 3000000.0);
  last = CLAMP (last, -4000000.0, 3000000.0);
  from = (gint64) first;
  for (guint i = 0; i <= scale->gaps->len; i++)
    {
      const StorylineTimeGap *g = i < scale->gaps->len ? &g_array_index (scale->gaps, StorylineTimeGap, i) : NULL;
      gint64 to = g ? MIN ((gint64) last, g->from - 1) : (gint64) last;

      if (to >= from)
        add_ticks (scale, ticks, tick, label, from, to);
      if (g != NULL)
        from = MAX (from, g->to);
    }
  return ticks;
}

/* @day in a strftime @format of the reader's language, or NULL outside
 * the years 1 to 9999, which GDateTime takes. */
static char *
format_day (gint64      day,
            const char *format)
{
  gint64 y;
  unsigned m, d;
  g_autoptr(GDateTime) when = NULL;

  storyline_civil_from_days (day, &y, &m, &d);
  if (y < 1 || y > 9999 || (when = g_date_time_new_utc (y, m, d, 0, 0, 0)) == NULL)
    return NULL;
  return g_strstrip (g_date_time_format (when, format));
}

/**
 * storyline_time_tick_label:
 * @with_year: the year too, as the first label of a run says it
 *
 * Returns: (transfer full): the label of @tick in the reader's language:
 *   "1971", "Aug 2024", "13 Jan"
 */
char *
storyline_time_tick_label (const StorylineTick *tick,
                           gboolean             with_year)
{
  gint64 y;
  unsigned m, d;
  char *text = NULL;

  storyline_civil_from_days (tick->day, &y, &m, &d);
  if (tick->unit == STORYLINE_TICK_MONTH)
    /* Translators: a month on the time axis, with its year when it is
     * January or the first label: strftime's, as in "Aug 2024" */
    text = format_day (tick->day, with_year || m == 1 ? C_("time axis", "%b %Y") : C_("time axis", "%b"));
  else if (tick->unit == STORYLINE_TICK_DAY)
    /* Translators: a day on the time axis: strftime's, as in "13 Jan" or
     * "13 Jan 2025" */
    text = format_day (tick->day, with_year || (m == 1 && d == 1) ? C_("time axis", "%e %b %Y") : C_("time axis", "%e %b"));
  return text != NULL ? text : storyline_date_format_year (y);
}

/* One end of a span: as format_day(), or as ISO 8601 outside its years. */
static char *
range_end (gint64      day,
           const char *format)
{
  gint64 y;
  unsigned m, d;
  char *text = format_day (day, format);

  if (text != NULL)
    return text;
  storyline_civil_from_days (day, &y, &m, &d);
  return g_strdup_printf ("%" G_GINT64_FORMAT "-%02u-%02u", y, m, d);
}

/**
 * storyline_time_format_range:
 * @from: the first day
 * @to: the last, inclusive
 *
 * Returns: (transfer full): the days in the reader's words, short, as the
 *   filter bar shows a span chosen on the time axis: "13 Jan – 18 Jan
 *   2025", "28 Dec 2024 – 3 Jan 2025", "24 Oct 2025"
 */
char *
storyline_time_format_range (gint64 from,
                             gint64 to)
{
  gint64 y1, y2;
  unsigned m, d;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  storyline_civil_from_days (from, &y1, &m, &d);
  storyline_civil_from_days (to, &y2, &m, &d);
  /* Translators: a day with its year, short: strftime's, as in "18 Jan 2025" */
  last = range_end (to, C_("time range", "%e %b %Y"));
  if (from == to)
    return g_steal_pointer (&last);
  /* Translators: the first day of a span in the same year as its last:
   * strftime's, as in "13 Jan" */
  first = range_end (from, y1 == y2 ? C_("time range", "%e %b") : C_("time range", "%e %b %Y"));
  /* Translators: a span of days, as in "13 Jan – 18 Jan 2025" */
  return g_strdup_printf (_("%s – %s"), first, last);
}

/**
 * storyline_time_density:
 * @columns: the pixel columns counted
 *
 * How many events each pixel column of the view shows: an event counts in
 * every column its span touches. A difference array: O(n + columns), for
 * a worker thread at a million events.
 *
 * Returns: (transfer full): @columns counts
 */
guint32 *
storyline_time_density (StorylineTimeScale *scale,
                        const gint64       *earliest,
                        const gint64       *latest,
                        guint               n,
                        guint               columns)
{
  g_autofree gint64 *diff = g_new0 (gint64, columns + 1);
  guint32 *counts = g_new0 (guint32, MAX (columns, 1));
  gint64 running = 0;

  for (guint i = 0; i < n; i++)
    {
      double x0 = storyline_time_scale_day_to_x (scale, earliest[i]);
      double x1 = storyline_time_scale_day_to_x (scale, MAX (latest[i], earliest[i]) + 1);
      gint64 c0 = (gint64) floor (x0);
      gint64 c1 = MAX (c0, (gint64) ceil (x1) - 1);

      if (c1 < 0 || c0 >= (gint64) columns)
        continue;
      c0 = MAX (c0, 0);
      c1 = MIN (c1, (gint64) columns - 1);
      diff[c0]++;
      diff[c1 + 1]--;
    }
  for (guint c = 0; c < columns; c++)
    {
      running += diff[c];
      counts[c] = (guint32) MIN (running, G_MAXUINT32);
    }
  return counts;
}
