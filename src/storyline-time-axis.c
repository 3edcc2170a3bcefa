/* storyline-time-axis.c: the story's events on a time scale
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "storyline-event-list.h"
#include "storyline-time-axis.h"
#include "storyline-time-scale.h"

/* What it draws, from the top: the phases as labelled bands; the events,
 * each at its date and at its precision — a day a tick, a month or a year
 * a span with open ends, an interval a solid bar, one day within a range
 * a dotted span, an approximate date "~" and an uncertain one "?" beside
 * the mark (shapes and signs, never colour alone); then the scale, its
 * ticks and labels following the zoom (storyline-time-scale.c). Events
 * the filters leave stand out, the rest fade; the selected event and
 * those citing the selected source are drawn in the selection colour,
 * and thicker. Past MARK_LIMIT events it draws how many events each pixel
 * column holds instead, counted on a worker thread once per zoom bucket.
 *
 * Time runs the way the window reads: right to left in Urdu, earlier at
 * the start edge, as the list's first row is at the top.
 *
 * Moving through time: Ctrl+scroll and pinch zoom, scroll and dragging
 * pan; dragging across the scale chooses a span of days (::range-chosen).
 * Keys: Left and Right go to the previous and next event (selecting it,
 * its date and title said as the axis's description); Shift with them,
 * and Page Up and Down, move by a tenth of the view and by the whole view;
 * + and − zoom, 0 shows the whole story, Enter chooses the days shown and
 * Escape takes the choice away. */

#define MARK_LIMIT 4000
#define PHASE_HEIGHT 18
#define LANE_HEIGHT 12
#define N_LANES 6
#define SCALE_HEIGHT 26
#define MIN_LABEL_PX 72
#define FADED 0.25

/* Every event's first and last day, shared with the density's worker
 * thread (a GRcBox: the thread may outlive the story it was started for). */
typedef struct
{
  gint64 *earliest;
  gint64 *latest;
  guint n;
} Days;

static void
days_clear (Days *days)
{
  g_free (days->earliest);
  g_free (days->latest);
}

typedef struct
{
  StorylineEvent *event;  /* borrowed from the story */
  gint64 earliest, latest;
  guint8 kind;            /* StorylineDateKind */
  guint8 precision;       /* of its start */
  guint8 qualifiers;
  guint8 lane;
} Mark;

struct _StorylineTimeAxis
{
  GtkWidget parent_instance;

  StorylineStory *story;
  GListModel *listed;           /* the filtered list, or NULL */
  GHashTable *shown;            /* events listed when the list is filtered; NULL for all */
  StorylineEvent *selected;
  StorylineSource *source;
  StorylineTimeScale *scale;
  GArray *marks;                /* of Mark, by earliest day */
  gint64 first_day, last_day;
  gboolean fitted;              /* the view was set for the width */
  double pending_days_per_px;   /* a zoom kept in the settings, applied once it has a width */

  /* Dense stories: counts per bin of virtual days, for one zoom bucket. */
  Days *days;                   /* GRcBox */
  guint n_events;
  guint32 *bins;
  guint32 *listed_bins;         /* of the events the filters leave, when they leave fewer */
  guint n_bins;
  double bins_start;            /* virtual day of the first bin */
  double bins_days;             /* virtual days a bin */
  GCancellable *density_cancellable;
  double density_ms;            /* the last count's time, for the benchmark */
  guint counting;               /* counts under way on the worker thread */
  guint n_densities;

  /* A span being chosen on the scale. */
  gboolean choosing;
  double choose_from_x, choose_to_x;
  double drag_start;            /* the view's start when a pan drag began */
  double pointer_x;
  double pinch_last;
};

enum
{
  EVENT_ACTIVATED,
  RANGE_CHOSEN,
  RANGE_CLEARED,
  VIEW_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (StorylineTimeAxis, storyline_time_axis, GTK_TYPE_WIDGET)

static gboolean
is_rtl (StorylineTimeAxis *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

/* The scale's x (earlier to the left) as drawn, and back. */
static double
shown_x (StorylineTimeAxis *self,
         double             x)
{
  return is_rtl (self) ? gtk_widget_get_width (GTK_WIDGET (self)) - x : x;
}

static double
day_x (StorylineTimeAxis *self,
       double             day)
{
  return shown_x (self, storyline_time_scale_day_to_x (self->scale, day));
}

static double
x_day (StorylineTimeAxis *self,
       double             x)
{
  return storyline_time_scale_x_to_day (self->scale, shown_x (self, x));
}

static void
view_changed (StorylineTimeAxis *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[VIEW_CHANGED], 0);
}

/* Density */

typedef struct
{
  Days *days;                  /* a reference */
  StorylineEventSnapshot *snapshot;  /* and the listed events in it, or NULL */
  guint32 *listed;
  guint n_listed;
  guint32 *listed_bins;        /* counted here */
  GArray *gaps;
  gint64 first_day, last_day;
  double start, bin_days;      /* of the first bin, and per bin */
  guint n_bins;
  double ms;                   /* how long the counting took */
} DensityJob;

static void
density_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  DensityJob *job = data;
  g_autoptr(StorylineTimeScale) scale = storyline_time_scale_new ();
  guint32 *bins;
  gint64 start = g_get_monotonic_time ();

  storyline_time_scale_set_gaps (scale, job->gaps, job->first_day, job->last_day);
  storyline_time_scale_set_view (scale, job->start, job->bin_days, job->n_bins);
  bins = storyline_time_density (scale, job->days->earliest, job->days->latest, job->days->n, job->n_bins);
  if (job->snapshot != NULL && !g_cancellable_is_cancelled (cancellable))
    {
      /* What the filters leave: their days read here, off the main thread. */
      g_autofree gint64 *earliest = g_new (gint64, MAX (job->n_listed, 1));
      g_autofree gint64 *latest = g_new (gint64, MAX (job->n_listed, 1));

      for (guint i = 0; i < job->n_listed; i++)
        {
          const StorylineDate *date = storyline_event_get_date (job->snapshot->sorted->pdata[job->listed[i]]);

          earliest[i] = storyline_date_get_earliest_day (date);
          latest[i] = MAX (earliest[i], storyline_date_get_latest_day (date));
        }
      job->listed_bins = storyline_time_density (scale, earliest, latest, job->n_listed, job->n_bins);
    }
  job->ms = (g_get_monotonic_time () - start) / 1000.0;
  g_task_return_pointer (task, bins, g_free);
}

static void
density_job_free (DensityJob *job)
{
  g_clear_pointer (&job->gaps, g_array_unref);
  g_rc_box_release_full (job->days, (GDestroyNotify) days_clear);
  g_clear_pointer (&job->snapshot, storyline_event_snapshot_unref);
  g_free (job->listed);
  g_free (job->listed_bins);
  g_free (job);
}

static void
density_done (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  StorylineTimeAxis *self = STORYLINE_TIME_AXIS (source);
  DensityJob *job = g_task_get_task_data (G_TASK (result));
  guint32 *bins = g_task_propagate_pointer (G_TASK (result), NULL);

  self->counting--;
  if (bins == NULL || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      g_free (bins);
      return;
    }
  g_free (self->bins);
  self->bins = bins;
  g_free (self->listed_bins);
  self->listed_bins = g_steal_pointer (&job->listed_bins);
  self->n_bins = job->n_bins;
  self->bins_start = job->start;
  self->bins_days = job->bin_days;
  self->density_ms = job->ms;
  self->n_densities++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The bucket of a zoom: bins of a power of two days (halves, quarters…
 * down to a sixty-fourth), so that zooming within a factor of two draws
 * from the same counts. */
static double
bucket_days (double days_per_px)
{
  return exp2 (floor (log2 (MAX (days_per_px, 1.0 / 64))));
}

static void
update_density (StorylineTimeAxis *self)
{
  g_autoptr(GTask) task = NULL;
  DensityJob *job;
  double days = bucket_days (storyline_time_scale_get_days_per_px (self->scale));
  double start = storyline_time_scale_virtual (self->scale, self->first_day) - days;
  double end = storyline_time_scale_virtual (self->scale, self->last_day + 1) + days;
  double n_bins = ceil ((end - start) / days);

  if (self->n_events == 0 || (self->bins != NULL && self->bins_days == days))
    return;
  /* Zoomed in far on a long story: bins of the visible stretch, with room
   * either side, at most a few million. */
  if (n_bins > (1 << 22))
    {
      double view = storyline_time_scale_get_start (self->scale);
      double width = gtk_widget_get_width (GTK_WIDGET (self)) * storyline_time_scale_get_days_per_px (self->scale);

      start = MAX (start, view - 4 * width);
      n_bins = MIN ((1 << 22), ceil ((MIN (end, view + 5 * width) - start) / days));
    }
  if (self->density_cancellable != NULL)
    g_cancellable_cancel (self->density_cancellable);
  g_clear_object (&self->density_cancellable);
  self->density_cancellable = g_cancellable_new ();

  job = g_new0 (DensityJob, 1);
  job->days = g_rc_box_acquire (self->days);
  if (self->listed != NULL && STORYLINE_IS_EVENT_LIST (self->listed) &&
      g_list_model_get_n_items (self->listed) < self->n_events)
    {
      job->listed = storyline_event_list_dup_listed (STORYLINE_EVENT_LIST (self->listed), &job->snapshot, &job->n_listed);
      if (job->n_listed >= self->n_events)
        {
          g_clear_pointer (&job->snapshot, storyline_event_snapshot_unref);
          g_clear_pointer (&job->listed, g_free);
        }
    }
  job->gaps = g_array_new (FALSE, FALSE, sizeof (StorylineTimeGap));
  for (guint i = 0; i < storyline_time_scale_get_n_gaps (self->scale); i++)
    g_array_append_vals (job->gaps, storyline_time_scale_get_gap (self->scale, i), 1);
  job->first_day = self->first_day;
  job->last_day = self->last_day;
  job->start = start;
  job->bin_days = days;
  job->n_bins = MAX (1, (guint) n_bins);
  self->counting++;
  task = g_task_new (self, self->density_cancellable, density_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) density_job_free);
  g_task_run_in_thread (task, density_thread);
}

/**
 * storyline_time_axis_get_density_ms:
 * @n_counted: (out) (optional): how many counts have arrived
 *
 * Returns: how long the worker thread took to count the last density, in
 *   ms (the benchmark's figure)
 */
double
storyline_time_axis_get_density_ms (StorylineTimeAxis *self,
                                    guint             *n_counted)
{
  if (n_counted != NULL)
    *n_counted = self->n_densities;
  return self->density_ms;
}

/* The story */

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const Mark *x = a, *y = b;

  if (x->earliest != y->earliest)
    return x->earliest < y->earliest ? -1 : 1;
  return (x->latest > y->latest) - (x->latest < y->latest);
}

/* Lanes: a mark goes in the first lane whose last mark ends before it
 * begins (at the zoom of the whole story), the last lane when none. */
static void
assign_lanes (StorylineTimeAxis *self)
{
  double ends[N_LANES];

  for (guint l = 0; l < N_LANES; l++)
    ends[l] = -G_MAXDOUBLE;
  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *m = &g_array_index (self->marks, Mark, i);
      double x0 = storyline_time_scale_virtual (self->scale, m->earliest);
      double x1 = storyline_time_scale_virtual (self->scale, m->latest + 1);
      guint lane = N_LANES - 1;

      for (guint l = 0; l < N_LANES; l++)
        if (ends[l] < x0)
          {
            lane = l;
            break;
          }
      m->lane = lane;
      ends[lane] = MAX (ends[lane], x1);
    }
}

static void
clear_story (StorylineTimeAxis *self)
{
  if (self->density_cancellable != NULL)
    g_cancellable_cancel (self->density_cancellable);
  g_clear_object (&self->density_cancellable);
  g_array_set_size (self->marks, 0);
  g_clear_pointer (&self->bins, g_free);
  g_clear_pointer (&self->listed_bins, g_free);
  self->n_bins = 0;
  /* A density task still running keeps its own reference to the days. */
  if (self->days != NULL)
    g_rc_box_release_full (self->days, (GDestroyNotify) days_clear);
  self->days = NULL;
  self->n_events = 0;
  self->selected = NULL;
  self->source = NULL;
  g_clear_pointer (&self->shown, g_hash_table_unref);
}

/**
 * storyline_time_axis_set_story:
 * @story: (nullable): the story whose events are drawn
 */
void
storyline_time_axis_set_story (StorylineTimeAxis *self,
                               StorylineStory    *story)
{
  GPtrArray *events;
  g_autoptr(GArray) gaps = NULL;

  g_return_if_fail (STORYLINE_IS_TIME_AXIS (self));

  clear_story (self);
  g_set_object (&self->story, story);
  self->fitted = FALSE;
  if (story == NULL)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  events = storyline_story_get_events (story);
  self->days = g_rc_box_new0 (Days);
  self->days->earliest = g_new (gint64, MAX (events->len, 1));
  self->days->latest = g_new (gint64, MAX (events->len, 1));
  self->days->n = events->len;
  self->n_events = events->len;
  self->first_day = G_MAXINT64;
  self->last_day = G_MININT64;
  for (guint i = 0; i < events->len; i++)
    {
      const StorylineDate *date = storyline_event_get_date (events->pdata[i]);

      self->days->earliest[i] = storyline_date_get_earliest_day (date);
      self->days->latest[i] = MAX (self->days->earliest[i], storyline_date_get_latest_day (date));
      self->first_day = MIN (self->first_day, self->days->earliest[i]);
      self->last_day = MAX (self->last_day, self->days->latest[i]);
    }
  if (events->len == 0)
    self->first_day = self->last_day = 0;

  gaps = storyline_time_gaps_find (self->days->earliest, self->days->latest, events->len);
  storyline_time_scale_set_gaps (self->scale, gaps, self->first_day, self->last_day);

  if (events->len <= MARK_LIMIT)
    {
      for (guint i = 0; i < events->len; i++)
        {
          const StorylineDate *date = storyline_event_get_date (events->pdata[i]);
          Mark m = {
            events->pdata[i], self->days->earliest[i], self->days->latest[i], date->kind, date->start.precision,
            date->start.qualifiers | date->end.qualifiers, 0
          };

          g_array_append_val (self->marks, m);
        }
      g_array_sort (self->marks, compare_marks);
      assign_lanes (self);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * storyline_time_axis_event_moved:
 * @event: an event of the story whose date changed
 *
 * A dense story's counts follow one event's new date at once: its days
 * patched in a copy (a worker thread may be reading the old ones), and
 * counted again on the thread. The collapsed spans stay as they were
 * until the story is set again. Returns %FALSE for a story drawn as marks,
 * which the caller sets again (a few thousand events: a millisecond).
 */
gboolean
storyline_time_axis_event_moved (StorylineTimeAxis *self,
                                 StorylineEvent    *event)
{
  GPtrArray *events;
  Days *days;

  g_return_val_if_fail (STORYLINE_IS_TIME_AXIS (self), FALSE);

  if (!storyline_time_axis_is_dense (self) || self->story == NULL)
    return FALSE;
  events = storyline_story_get_events (self->story);
  if (events->len != self->n_events)
    return FALSE;
  for (guint i = 0; i < events->len; i++)
    if (events->pdata[i] == event)
      {
        const StorylineDate *date = storyline_event_get_date (event);

        /* In place when no count is reading them (the usual case: a
         * count takes a few milliseconds); a copy otherwise. */
        if (self->counting > 0)
          {
            days = g_rc_box_new0 (Days);
            days->n = self->days->n;
            days->earliest = g_memdup2 (self->days->earliest, days->n * sizeof (gint64));
            days->latest = g_memdup2 (self->days->latest, days->n * sizeof (gint64));
            g_rc_box_release_full (self->days, (GDestroyNotify) days_clear);
            self->days = days;
          }
        days = self->days;
        days->earliest[i] = storyline_date_get_earliest_day (date);
        days->latest[i] = MAX (days->earliest[i], storyline_date_get_latest_day (date));
        self->first_day = MIN (self->first_day, days->earliest[i]);
        self->last_day = MAX (self->last_day, days->latest[i]);
        self->bins_days = 0;
        gtk_widget_queue_draw (GTK_WIDGET (self));
        return TRUE;
      }
  return FALSE;
}

/**
 * storyline_time_axis_is_dense:
 *
 * Returns: whether the axis draws counts per pixel column instead of a
 *   mark per event (a story of more than 4,000 events)
 */
gboolean
storyline_time_axis_is_dense (StorylineTimeAxis *self)
{
  return self->n_events > MARK_LIMIT;
}

static void
listed_changed (StorylineTimeAxis *self)
{
  guint n;

  g_clear_pointer (&self->shown, g_hash_table_unref);
  if (storyline_time_axis_is_dense (self))
    {
      /* Counted again, with what the filters leave, on the worker thread. */
      self->bins_days = 0;
      goto done;
    }
  if (self->listed == NULL)
    goto done;
  n = g_list_model_get_n_items (self->listed);
  if (n < self->n_events)
    {
      self->shown = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (self->listed, i);
          g_hash_table_add (self->shown, item);
        }
    }
done:
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * storyline_time_axis_set_listed:
 * @listed: (nullable): the events the filters leave, of StorylineEvent
 *
 * The events @listed stand out; the others fade.
 */
void
storyline_time_axis_set_listed (StorylineTimeAxis *self,
                                GListModel        *listed)
{
  g_return_if_fail (STORYLINE_IS_TIME_AXIS (self));

  if (self->listed != NULL)
    g_signal_handlers_disconnect_by_func (self->listed, listed_changed, self);
  g_set_object (&self->listed, listed);
  if (listed != NULL)
    g_signal_connect_swapped (listed, "items-changed", G_CALLBACK (listed_changed), self);
  listed_changed (self);
}

static Mark *
find_mark (StorylineTimeAxis *self,
           StorylineEvent    *event)
{
  for (guint i = 0; event != NULL && i < self->marks->len; i++)
    if (g_array_index (self->marks, Mark, i).event == event)
      return &g_array_index (self->marks, Mark, i);
  return NULL;
}

static void
describe (StorylineTimeAxis *self,
          StorylineEvent    *event)
{
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  if (event == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  date = storyline_date_format (storyline_event_get_date (event));
  /* Translators: the event at the time axis's focus: its date and title */
  text = g_strdup_printf (_("%s: %s"), date, storyline_event_get_title (event));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/**
 * storyline_time_axis_set_selected:
 * @event: (nullable): the event selected in the list
 *
 * Draws @event's mark as selected, and brings it into view when it is
 * not.
 */
void
storyline_time_axis_set_selected (StorylineTimeAxis *self,
                                  StorylineEvent    *event)
{
  double x0, x1, width = gtk_widget_get_width (GTK_WIDGET (self));

  g_return_if_fail (STORYLINE_IS_TIME_AXIS (self));

  if (self->selected == event)
    return;
  self->selected = event;
  describe (self, event);
  if (event != NULL && self->fitted && storyline_time_axis_get_mark_x (self, event, &x0, &x1) &&
      (MAX (x0, x1) < 0 || MIN (x0, x1) > width))
    storyline_time_axis_pan (self, width / 2 - (x0 + x1) / 2);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

StorylineEvent *
storyline_time_axis_get_selected (StorylineTimeAxis *self)
{
  g_return_val_if_fail (STORYLINE_IS_TIME_AXIS (self), NULL);
  return self->selected;
}

/**
 * storyline_time_axis_set_source:
 * @source: (nullable): the source selected in the sources pane
 *
 * The marks of the events citing @source are highlighted, as the list's
 * rows are.
 */
void
storyline_time_axis_set_source (StorylineTimeAxis *self,
                                StorylineSource   *source)
{
  g_return_if_fail (STORYLINE_IS_TIME_AXIS (self));
  self->source = source;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * storyline_time_axis_get_mark_x:
 * @x0: (out): where its mark starts, as drawn
 * @x1: (out): and ends
 *
 * Returns: whether @event has a mark
 */
gboolean
storyline_time_axis_get_mark_x (StorylineTimeAxis *self,
                                StorylineEvent    *event,
                                double            *x0,
                                double            *x1)
{
  Mark *m = find_mark (self, event);

  if (m == NULL)
    return FALSE;
  *x0 = day_x (self, m->earliest);
  *x1 = day_x (self, m->latest + 1);
  return TRUE;
}

/* The view */

static void
fit (StorylineTimeAxis *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (width <= 1 || self->story == NULL)
    return;
  storyline_time_scale_fit (self->scale, self->first_day, self->last_day, width);
  if (self->pending_days_per_px > 0)
    {
      storyline_time_scale_zoom (self->scale, storyline_time_scale_get_days_per_px (self->scale) / self->pending_days_per_px, width / 2.0);
      self->pending_days_per_px = 0;
    }
  self->fitted = TRUE;
}

void
storyline_time_axis_show_all (StorylineTimeAxis *self)
{
  g_return_if_fail (STORYLINE_IS_TIME_AXIS (self));
  self->fitted = FALSE;
  fit (self);
  view_changed (self);
}

/**
 * storyline_time_axis_zoom:
 * @factor: above 1 to zoom in
 *
 * Zooms around the selected event when it is in view, else the middle.
 */
void
storyline_time_axis_zoom (StorylineTimeAxis *self,
                          double             factor)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double at = width / 2, x0, x1;

  if (self->selected != NULL && storyline_time_axis_get_mark_x (self, self->selected, &x0, &x1) &&
      MIN (x0, x1) >= 0 && MAX (x0, x1) <= width)
    at = (x0 + x1) / 2;
  storyline_time_scale_zoom (self->scale, factor, shown_x (self, at));
  /* The selected event kept well inside the view: zooming in on it
   * brings it towards the middle. */
  if (self->selected != NULL && storyline_time_axis_get_mark_x (self, self->selected, &x0, &x1) &&
      ((x0 + x1) / 2 < width * 0.2 || (x0 + x1) / 2 > width * 0.8))
    storyline_time_scale_pan (self->scale, (is_rtl (self) ? -1 : 1) * (width / 2 - (x0 + x1) / 2));
  view_changed (self);
}

/**
 * storyline_time_axis_pan:
 * @pixels: how far the content moves towards the end edge (right in
 *   English): earlier time comes into view
 */
void
storyline_time_axis_pan (StorylineTimeAxis *self,
                         double             pixels)
{
  storyline_time_scale_pan (self->scale, is_rtl (self) ? -pixels : pixels);
  view_changed (self);
}

double
storyline_time_axis_get_days_per_px (StorylineTimeAxis *self)
{
  return storyline_time_scale_get_days_per_px (self->scale);
}

/**
 * storyline_time_axis_set_days_per_px:
 *
 * The zoom, as kept in the settings: applied around the middle, or once
 * the axis has a width.
 */
void
storyline_time_axis_set_days_per_px (StorylineTimeAxis *self,
                                     double             days_per_px)
{
  if (days_per_px <= 0)
    return;
  if (!self->fitted)
    {
      self->pending_days_per_px = days_per_px;
      return;
    }
  storyline_time_scale_zoom (self->scale, storyline_time_scale_get_days_per_px (self->scale) / days_per_px,
                             gtk_widget_get_width (GTK_WIDGET (self)) / 2.0);
  view_changed (self);
}

/**
 * storyline_time_axis_get_visible_days:
 * @from: (out): the first day in view
 * @to: (out): the last
 */
void
storyline_time_axis_get_visible_days (StorylineTimeAxis *self,
                                      gint64            *from,
                                      gint64            *to)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  *from = (gint64) ceil (storyline_time_scale_x_to_day (self->scale, 0));
  *to = (gint64) floor (storyline_time_scale_x_to_day (self->scale, width)) - 1;
  if (*to < *from)
    *to = *from;
}

/* Drawing */

static void
rect (GtkSnapshot   *snapshot,
      const GdkRGBA *color,
      double         x,
      double         y,
      double         w,
      double         h)
{
  if (w < 0)
    {
      x += w;
      w = -w;
    }
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, MAX (w, 1), h));
}

typedef enum
{
  AFTER,      /* the text starts at x, towards later time */
  CENTRED,
} Place;

static void
text (StorylineTimeAxis *self,
      GtkSnapshot       *snapshot,
      const char        *string,
      double             x,
      double             y,
      const GdkRGBA     *color,
      Place              place)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), string);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (place == CENTRED)
    x -= w / 2.0;
  else if (is_rtl (self))
    x -= w;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_phases (StorylineTimeAxis *self,
             GtkSnapshot       *snapshot,
             const GdkRGBA     *fg,
             int                width)
{
  GPtrArray *phases = storyline_story_get_phases (self->story);

  for (guint i = 0; i < phases->len; i++)
    {
      StorylinePhase *p = phases->pdata[i];
      double a = day_x (self, storyline_date_get_earliest_day (storyline_phase_get_start (p)));
      double b = day_x (self, storyline_date_get_latest_day (storyline_phase_get_end (p)) + 1);
      double x0 = MAX (0, MIN (a, b)), x1 = MIN (width, MAX (a, b));
      GdkRGBA band = { fg->red, fg->green, fg->blue, 0.07 + 0.05 * (i % 2) };
      g_autoptr(PangoLayout) layout = NULL;
      int w, h;

      if (x1 <= x0)
        continue;
      rect (snapshot, &band, x0, 0, x1 - x0, gtk_widget_get_height (GTK_WIDGET (self)) - SCALE_HEIGHT);
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), storyline_phase_get_title (p));
      pango_layout_set_width (layout, (int) ((x1 - x0 - 6) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &w, &h);
      if (x1 - x0 > 24)
        {
          GdkRGBA label = { fg->red, fg->green, fg->blue, 0.75 };

          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (is_rtl (self) ? x1 - 3 - w : x0 + 3, 1));
          gtk_snapshot_append_layout (snapshot, layout, &label);
          gtk_snapshot_restore (snapshot);
        }
    }
}

static void
draw_mark (StorylineTimeAxis *self,
           GtkSnapshot       *snapshot,
           const Mark        *m,
           const GdkRGBA     *color,
           gboolean           strong)
{
  double x0 = day_x (self, m->earliest), x1 = day_x (self, m->latest + 1);
  double y = PHASE_HEIGHT + 2 + m->lane * LANE_HEIGHT;
  double w = fabs (x1 - x0), left = MIN (x0, x1);
  double thick = strong ? 10 : 8;

  if (m->kind == STORYLINE_DATE_KIND_SINGLE && m->precision == STORYLINE_DATE_PRECISION_DAY)
    /* A day: a tick, at least 3 px wide. */
    rect (snapshot, color, left + w / 2 - MAX (1.5, MIN (w, 8) / 2), y, MAX (3, MIN (w, 8)), LANE_HEIGHT - 2);
  else if (m->kind == STORYLINE_DATE_KIND_ONE_OF)
    {
      /* One day somewhere in the range: dots across it. */
      for (double x = left; x < left + MAX (w, 3); x += 5)
        rect (snapshot, color, x, y + 4, 2.5, 4);
      rect (snapshot, color, left, y + 1, 1.5, LANE_HEIGHT - 4);
      rect (snapshot, color, left + MAX (w, 3) - 1.5, y + 1, 1.5, LANE_HEIGHT - 4);
    }
  else if (m->kind == STORYLINE_DATE_KIND_INTERVAL)
    /* An interval: a solid bar. */
    rect (snapshot, color, left, y + (LANE_HEIGHT - thick) / 2, MAX (w, 3), thick);
  else
    {
      /* A month or a year: a span, outlined, lightly filled. */
      GdkRGBA fill = *color;

      fill.alpha *= 0.3;
      rect (snapshot, &fill, left, y + 2, MAX (w, 3), LANE_HEIGHT - 6);
      rect (snapshot, color, left, y + 2, MAX (w, 3), 1.5);
      rect (snapshot, color, left, y + LANE_HEIGHT - 5.5, MAX (w, 3), 1.5);
      rect (snapshot, color, left, y + 2, 1.5, LANE_HEIGHT - 6);
      rect (snapshot, color, left + MAX (w, 3) - 1.5, y + 2, 1.5, LANE_HEIGHT - 6);
    }
  if (m->qualifiers & (STORYLINE_DATE_QUALIFIER_APPROXIMATE | STORYLINE_DATE_QUALIFIER_UNCERTAIN))
    {
      const char *sign = (m->qualifiers & STORYLINE_DATE_QUALIFIER_APPROXIMATE) &&
                         (m->qualifiers & STORYLINE_DATE_QUALIFIER_UNCERTAIN) ? "~?" :
                         (m->qualifiers & STORYLINE_DATE_QUALIFIER_APPROXIMATE) ? "~" : "?";
      double after = is_rtl (self) ? left - 2 : left + MAX (w, 3) + 2;

      text (self, snapshot, sign, after, y - 3, color, AFTER);
    }
}

static void
draw_density (StorylineTimeAxis *self,
              GtkSnapshot       *snapshot,
              const GdkRGBA     *fg,
              int                width)
{
  double top = PHASE_HEIGHT + 2, height = N_LANES * LANE_HEIGHT;
  double dpp = storyline_time_scale_get_days_per_px (self->scale);
  double start = storyline_time_scale_get_start (self->scale);
  guint32 most = 1;
  g_autofree guint32 *columns = NULL;
  g_autofree guint32 *listed = NULL;
  GdkRGBA bar = { fg->red, fg->green, fg->blue, 0.6 };
  GdkRGBA faded = { fg->red, fg->green, fg->blue, FADED * 0.6 };

  update_density (self);
  if (self->bins == NULL)
    return;
  /* Each column's count: the bins it covers, added (the bins are never
   * wider than a pixel once the zoom's bucket is counted). */
  columns = g_new0 (guint32, width);
  listed = self->listed_bins != NULL ? g_new0 (guint32, width) : NULL;
  for (int c = 0; c < width; c++)
    {
      double v0 = start + c * dpp, v1 = v0 + dpp;
      gint64 b0 = (gint64) floor ((v0 - self->bins_start) / self->bins_days);
      gint64 b1 = (gint64) ceil ((v1 - self->bins_start) / self->bins_days);
      guint64 sum = 0;

      b0 = MAX (b0, 0);
      b1 = MIN (b1, (gint64) self->n_bins);
      for (gint64 b = b0; b < b1; b++)
        sum = MAX (sum, self->bins[b]);
      columns[c] = (guint32) MIN (sum, G_MAXUINT32);
      most = MAX (most, columns[c]);
      for (gint64 b = b0; listed != NULL && b < b1; b++)
        listed[c] = MAX (listed[c], self->listed_bins[b]);
    }
  for (int c = 0; c < width; c++)
    if (columns[c] > 0)
      {
        /* Logarithmic: a column of one event shows, a column of thousands
         * does not flatten the rest. */
        double h = MAX (2, height * log1p (columns[c]) / log1p (most));
        double x = shown_x (self, c) - (is_rtl (self) ? 1 : 0);

        /* With a filter, all the events faded, what it leaves over them. */
        rect (snapshot, listed != NULL ? &faded : &bar, x, top + height - h, 1, h);
        if (listed != NULL && listed[c] > 0)
          {
            double lh = MAX (2, height * log1p (listed[c]) / log1p (most));
            rect (snapshot, &bar, x, top + height - lh, 1, lh);
          }
      }
}

static void
draw_scale (StorylineTimeAxis *self,
            GtkSnapshot       *snapshot,
            const GdkRGBA     *fg,
            int                width,
            int                height)
{
  g_autoptr(GArray) ticks = storyline_time_scale_ticks (self->scale, MIN_LABEL_PX);
  GdkRGBA line = { fg->red, fg->green, fg->blue, 0.35 };
  GdkRGBA label = { fg->red, fg->green, fg->blue, 0.8 };
  double y = height - SCALE_HEIGHT;
  gboolean first = TRUE;

  rect (snapshot, &line, 0, y, width, 1);
  for (guint i = 0; i < ticks->len; i++)
    {
      StorylineTick *t = &g_array_index (ticks, StorylineTick, i);
      double x = shown_x (self, t->x);

      if (x < -MIN_LABEL_PX || x > width + MIN_LABEL_PX)
        continue;
      rect (snapshot, t->labelled ? &label : &line, x, y, 1, t->labelled ? 6 : 3);
      if (t->labelled)
        {
          g_autofree char *s = storyline_time_tick_label (t, first);
          text (self, snapshot, s, x + (is_rtl (self) ? -3 : 3), y + 5, &label, AFTER);
          first = FALSE;
        }
    }
  /* The collapsed gaps: a break in the line, and how long they are. */
  for (guint i = 0; i < storyline_time_scale_get_n_gaps (self->scale); i++)
    {
      const StorylineTimeGap *g = storyline_time_scale_get_gap (self->scale, i);
      double a = day_x (self, g->from), b = day_x (self, g->to);
      double mid = (a + b) / 2;
      gint64 y0, y1;
      unsigned m, d;
      g_autofree char *years = NULL;

      if (MAX (a, b) < 0 || MIN (a, b) > width)
        continue;
      storyline_civil_from_days (g->from, &y0, &m, &d);
      storyline_civil_from_days (g->to, &y1, &m, &d);
      for (double dy = 0; dy < height - SCALE_HEIGHT; dy += 6)
        rect (snapshot, &line, mid - 3 + ((int) (dy / 6) % 2) * 3, dy, 3, 3);
      /* Translators: the years a collapsed gap on the time axis leaves out */
      years = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u year", "%u years", (gulong) (y1 - y0)), (unsigned) (y1 - y0));
      if (fabs (b - a) > 40)
        text (self, snapshot, years, mid, y + 5, &label, CENTRED);
    }
}

static void
storyline_time_axis_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  StorylineTimeAxis *self = STORYLINE_TIME_AXIS (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA fg, accent;

  if (self->story == NULL || width <= 1)
    return;
  if (!self->fitted)
    fit (self);
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "theme_selected_bg_color", &accent))
    accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1 };

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_phases (self, snapshot, &fg, width);
  if (storyline_time_axis_is_dense (self))
    draw_density (self, snapshot, &fg, width);
  else
    for (int pass = 0; pass < 2; pass++)
      for (guint i = 0; i < self->marks->len; i++)
        {
          const Mark *m = &g_array_index (self->marks, Mark, i);
          gboolean strong = m->event == self->selected ||
                            (self->source != NULL && storyline_event_cites (m->event, self->source));
          gboolean listed = self->shown == NULL || g_hash_table_contains (self->shown, m->event);
          GdkRGBA color = strong ? accent : fg;
          double x0 = day_x (self, m->earliest), x1 = day_x (self, m->latest + 1);

          /* The strong ones after the rest, over them. */
          if ((pass == 1) != strong || MAX (x0, x1) < -20 || MIN (x0, x1) > width + 20)
            continue;
          color.alpha = listed ? (strong ? 1 : 0.85) : FADED;
          draw_mark (self, snapshot, m, &color, strong);
        }
  if (self->choosing)
    {
      GdkRGBA span = accent;

      span.alpha = 0.25;
      rect (snapshot, &span, self->choose_from_x, 0, self->choose_to_x - self->choose_from_x, height);
    }
  draw_scale (self, snapshot, &fg, width, height);
  gtk_snapshot_pop (snapshot);
}

static void
storyline_time_axis_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 120;
  else
    *minimum = *natural = PHASE_HEIGHT + 4 + N_LANES * LANE_HEIGHT + SCALE_HEIGHT;
}

static void
storyline_time_axis_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  StorylineTimeAxis *self = STORYLINE_TIME_AXIS (widget);

  /* The first width fits the whole story; later ones keep the zoom. */
  if (!self->fitted)
    fit (self);
}

/* Pointer */

static const Mark *
mark_at (StorylineTimeAxis *self,
         double             x,
         double             y)
{
  const Mark *best = NULL;
  double best_distance = 6;

  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *m = &g_array_index (self->marks, Mark, i);
      double x0 = day_x (self, m->earliest), x1 = day_x (self, m->latest + 1);
      double lo = MIN (x0, x1) - 2, hi = MAX (MAX (x0, x1), MIN (x0, x1) + 3) + 2;
      double top = PHASE_HEIGHT + 2 + m->lane * LANE_HEIGHT;
      double distance = x < lo ? lo - x : x > hi ? x - hi : 0;

      if (y < top - 2 || y > top + LANE_HEIGHT + 2)
        continue;
      if (distance < best_distance || (distance == 0 && best_distance == 0 && hi - lo < 6))
        {
          best = m;
          best_distance = distance;
        }
    }
  return best;
}

static void
clicked (GtkGestureClick   *gesture,
         int                n_press,
         double             x,
         double             y,
         StorylineTimeAxis *self)
{
  const Mark *m = mark_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (m != NULL)
    {
      self->selected = m->event;
      describe (self, m->event);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_signal_emit (self, signals[EVENT_ACTIVATED], 0, m->event);
    }
}

static void
drag_begin (GtkGestureDrag    *gesture,
            double             x,
            double             y,
            StorylineTimeAxis *self)
{
  self->drag_start = storyline_time_scale_get_start (self->scale);
  self->choosing = y >= gtk_widget_get_height (GTK_WIDGET (self)) - SCALE_HEIGHT;
  self->choose_from_x = self->choose_to_x = x;
}

static void
drag_update (GtkGestureDrag    *gesture,
             double             dx,
             double             dy,
             StorylineTimeAxis *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  if (self->choosing)
    {
      self->choose_to_x = x + dx;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  storyline_time_scale_set_view (self->scale,
                                 self->drag_start - (is_rtl (self) ? -dx : dx) * storyline_time_scale_get_days_per_px (self->scale),
                                 storyline_time_scale_get_days_per_px (self->scale), gtk_widget_get_width (GTK_WIDGET (self)));
  view_changed (self);
}

static void
drag_end (GtkGestureDrag    *gesture,
          double             dx,
          double             dy,
          StorylineTimeAxis *self)
{
  if (self->choosing)
    {
      double a = x_day (self, self->choose_from_x), b = x_day (self, self->choose_to_x);

      self->choosing = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      if (fabs (self->choose_to_x - self->choose_from_x) >= 4)
        g_signal_emit (self, signals[RANGE_CHOSEN], 0, (gint64) floor (MIN (a, b)), (gint64) floor (MAX (a, b)));
    }
}

static gboolean
scrolled (GtkEventControllerScroll *controller,
          double                    dx,
          double                    dy,
          StorylineTimeAxis        *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double x = self->pointer_x;

  if (state & GDK_CONTROL_MASK)
    {
      storyline_time_scale_zoom (self->scale, pow (1.25, -dy), shown_x (self, x));
      view_changed (self);
      return TRUE;
    }
  storyline_time_axis_pan (self, -(dx != 0 ? dx : dy) * 40);
  return TRUE;
}

static void
pinched (GtkGestureZoom    *gesture,
         double             scale,
         StorylineTimeAxis *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  if (self->pinch_last > 0 && scale > 0)
    storyline_time_scale_zoom (self->scale, scale / self->pinch_last, shown_x (self, x));
  self->pinch_last = scale;
  view_changed (self);
}

static void
pinch_began (GtkGesture        *gesture,
             GdkEventSequence  *sequence,
             StorylineTimeAxis *self)
{
  self->pinch_last = 1;
}

static void
pointer_moved (GtkEventControllerMotion *motion,
               double                    x,
               double                    y,
               StorylineTimeAxis        *self)
{
  self->pointer_x = x;
}

/* Keys */

/* The event before or after the selected one, in date order. */
static void
step_event (StorylineTimeAxis *self,
            int                direction)
{
  Mark *current = find_mark (self, self->selected);
  guint index;
  const Mark *next = NULL;

  if (self->marks->len == 0)
    return;
  if (current == NULL)
    index = direction > 0 ? 0 : self->marks->len - 1;
  else
    {
      gint64 i = (current - (Mark *) self->marks->data) + direction;

      if (i < 0 || i >= (gint64) self->marks->len)
        return;
      index = i;
    }
  next = &g_array_index (self->marks, Mark, index);
  self->selected = NULL;
  storyline_time_axis_set_selected (self, next->event);
  g_signal_emit (self, signals[EVENT_ACTIVATED], 0, next->event);
}

static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             StorylineTimeAxis     *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  /* Towards later time: Right in English, Left in Urdu. */
  int later = is_rtl (self) ? -1 : 1;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      {
        int sign = (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right) ? later : -later;

        if (shift)
          storyline_time_axis_pan (self, -sign * later * width / 10);
        else
          step_event (self, sign);
        return TRUE;
      }
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      storyline_time_axis_pan (self, later * width * 0.9);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      storyline_time_axis_pan (self, -later * width * 0.9);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      storyline_time_axis_zoom (self, 1.5);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      storyline_time_axis_zoom (self, 1 / 1.5);
      return TRUE;
    case GDK_KEY_0:
    case GDK_KEY_KP_0:
    case GDK_KEY_Home:
      storyline_time_axis_show_all (self);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      {
        gint64 from, to;

        storyline_time_axis_get_visible_days (self, &from, &to);
        g_signal_emit (self, signals[RANGE_CHOSEN], 0, from, to);
        return TRUE;
      }
    case GDK_KEY_Escape:
      g_signal_emit (self, signals[RANGE_CLEARED], 0);
      return TRUE;
    default:
      return FALSE;
    }
}

/* The object */

static void
storyline_time_axis_dispose (GObject *object)
{
  StorylineTimeAxis *self = STORYLINE_TIME_AXIS (object);

  storyline_time_axis_set_listed (self, NULL);
  clear_story (self);
  g_clear_object (&self->story);
  G_OBJECT_CLASS (storyline_time_axis_parent_class)->dispose (object);
}

static void
storyline_time_axis_finalize (GObject *object)
{
  StorylineTimeAxis *self = STORYLINE_TIME_AXIS (object);

  g_array_unref (self->marks);
  storyline_time_scale_free (self->scale);
  G_OBJECT_CLASS (storyline_time_axis_parent_class)->finalize (object);
}

static void
storyline_time_axis_class_init (StorylineTimeAxisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = storyline_time_axis_dispose;
  object_class->finalize = storyline_time_axis_finalize;
  widget_class->snapshot = storyline_time_axis_snapshot;
  widget_class->measure = storyline_time_axis_measure;
  widget_class->size_allocate = storyline_time_axis_size_allocate;

  /**
   * StorylineTimeAxis::event-activated:
   *
   * A mark was clicked, or Left or Right went to an event.
   */
  signals[EVENT_ACTIVATED] = g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, STORYLINE_TYPE_EVENT);
  /**
   * StorylineTimeAxis::range-chosen:
   * @from: the first day
   * @to: the last
   *
   * A span of days was dragged across the scale, or Enter chose the days
   * in view.
   */
  signals[RANGE_CHOSEN] = g_signal_new ("range-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[RANGE_CLEARED] = g_signal_new ("range-cleared", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * StorylineTimeAxis::view-changed:
   *
   * The zoom or the span in view changed.
   */
  signals[VIEW_CHANGED] = g_signal_new ("view-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "timeaxis");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
storyline_time_axis_init (StorylineTimeAxis *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  self->scale = storyline_time_scale_new ();
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Time axis"), -1);

  g_signal_connect (click, "released", G_CALLBACK (clicked), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (pinched), self);
  g_signal_connect (zoom, "begin", G_CALLBACK (pinch_began), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));
  g_signal_connect (scroll, "scroll", G_CALLBACK (scrolled), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  g_signal_connect (motion, "motion", G_CALLBACK (pointer_moved), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_event_controller_set_name (keys, "storyline-time-axis-keys");
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
storyline_time_axis_new (void)
{
  return g_object_new (STORYLINE_TYPE_TIME_AXIS, NULL);
}
