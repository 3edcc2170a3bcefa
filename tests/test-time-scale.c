/* test-time-scale.c: the time axis's arithmetic (storyline-time-scale.c)
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "storyline-date.h"
#include "storyline-time-scale.h"

static gint64
day_of (int      year,
        unsigned month,
        unsigned day)
{
  return storyline_days_from_civil (year, month, day);
}

/* Every day from 4000 BCE to 4000 CE back to its date and again. */
static void
test_civil_round_trip (void)
{
  gint64 from = day_of (-3999, 1, 1), to = day_of (4000, 12, 31);

  for (gint64 d = from; d <= to; d++)
    {
      gint64 y;
      unsigned m, day;

      storyline_civil_from_days (d, &y, &m, &day);
      g_assert_cmpuint (m, >=, 1);
      g_assert_cmpuint (m, <=, 12);
      g_assert_cmpuint (day, >=, 1);
      g_assert_cmpuint (day, <=, storyline_days_in_month (y, m));
      g_assert_cmpint (storyline_days_from_civil (y, m, day), ==, d);
    }
  {
    gint64 y;
    unsigned m, day;

    storyline_civil_from_days (0, &y, &m, &day);
    g_assert_cmpint (y, ==, 1970);
    g_assert_cmpuint (m, ==, 1);
    g_assert_cmpuint (day, ==, 1);
  }
}

/* The bundled story's shape: 1971, then from late 2022 on. One gap, from
 * the day after 1971's last event to the first of 2022's. */
static void
test_gaps (void)
{
  gint64 earliest[] = { day_of (1971, 3, 26), day_of (1971, 12, 16), day_of (2022, 11, 27), day_of (2024, 8, 5),
                        day_of (2025, 10, 24), day_of (2025, 10, 27) };
  gint64 latest[] = { day_of (1971, 3, 26), day_of (1971, 12, 16), day_of (2025, 11, 27), day_of (2024, 8, 5),
                      day_of (2025, 10, 27), day_of (2025, 10, 27) };
  g_autoptr(GArray) gaps = storyline_time_gaps_find (earliest, latest, G_N_ELEMENTS (earliest));
  g_autoptr(GArray) none = NULL;
  gint64 dense[] = { 0, 100, 300, 700, 1000 };

  g_assert_cmpuint (gaps->len, ==, 1);
  g_assert_cmpint (g_array_index (gaps, StorylineTimeGap, 0).from, ==, day_of (1971, 12, 17));
  g_assert_cmpint (g_array_index (gaps, StorylineTimeGap, 0).to, ==, day_of (2022, 11, 27));

  /* Nothing to collapse: no empty span longer than two years. */
  none = storyline_time_gaps_find (dense, dense, G_N_ELEMENTS (dense));
  g_assert_cmpuint (none->len, ==, 0);
}

/* Virtual days: monotonic, each gap a stub, and back again. */
static void
test_virtual_days (void)
{
  g_autoptr(StorylineTimeScale) scale = storyline_time_scale_new ();
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (StorylineTimeGap));
  StorylineTimeGap g1 = { 1000, 11000 }, g2 = { 12000, 40000 };
  GRand *rand = g_rand_new_with_seed (24);
  double before = -G_MAXDOUBLE;

  g_array_append_val (gaps, g1);
  g_array_append_val (gaps, g2);
  storyline_time_scale_set_gaps (scale, gaps, 0, 41000);
  /* 41,001 days, 38,000 of them in gaps: each gap takes 3,001 / 25. */
  g_assert_cmpfloat_with_epsilon (storyline_time_scale_virtual (scale, 11000) - storyline_time_scale_virtual (scale, 1000),
                                  3001.0 / 25, 1e-6);
  g_assert_cmpfloat_with_epsilon (storyline_time_scale_virtual (scale, 500), 500, 1e-9);
  g_assert_cmpfloat_with_epsilon (storyline_time_scale_virtual (scale, 11500) - storyline_time_scale_virtual (scale, 11000), 500, 1e-9);

  for (double d = -5000; d < 50000; d += 7.5)
    {
      double v = storyline_time_scale_virtual (scale, d);

      g_assert_cmpfloat (v, >, before);
      before = v;
      g_assert_cmpfloat_with_epsilon (storyline_time_scale_real (scale, v), d, 1e-6);
    }
  for (guint i = 0; i < 10000; i++)
    {
      double d = g_rand_double_range (rand, -1e6, 1e6);
      g_assert_cmpfloat_with_epsilon (storyline_time_scale_real (scale, storyline_time_scale_virtual (scale, d)), d, 1e-6);
    }
  g_rand_free (rand);
}

/* The whole story fits, with a little room; zoom keeps the point under
 * the pointer; pan moves the content. */
static void
test_view (void)
{
  g_autoptr(StorylineTimeScale) scale = storyline_time_scale_new ();
  gint64 first = day_of (2024, 8, 5), last = day_of (2025, 10, 28);
  double x_first, x_end, day;

  storyline_time_scale_set_gaps (scale, NULL, first, last);
  storyline_time_scale_fit (scale, first, last, 1000);
  x_first = storyline_time_scale_day_to_x (scale, first);
  x_end = storyline_time_scale_day_to_x (scale, last + 1);
  g_assert_cmpfloat (x_first, >, 20);
  g_assert_cmpfloat (x_first, <, 40);
  g_assert_cmpfloat (x_end, >, 960);
  g_assert_cmpfloat (x_end, <, 980);

  day = storyline_time_scale_x_to_day (scale, 400);
  storyline_time_scale_zoom (scale, 3, 400);
  g_assert_cmpfloat_with_epsilon (storyline_time_scale_x_to_day (scale, 400), day, 1e-6);
  g_assert_cmpfloat (storyline_time_scale_day_to_x (scale, last + 1) - storyline_time_scale_day_to_x (scale, first), >, 2800);

  storyline_time_scale_pan (scale, 50);
  g_assert_cmpfloat_with_epsilon (storyline_time_scale_x_to_day (scale, 450), day, 1e-6);

  /* Zoom has its limits: a day at most 400 px. */
  storyline_time_scale_zoom (scale, 1e9, 0);
  g_assert_cmpfloat (storyline_time_scale_day_to_x (scale, first + 1) - storyline_time_scale_day_to_x (scale, first), <=, 400.0001);
}

static void
assert_ticks (StorylineTimeScale *scale,
              StorylineTickUnit   unit,
              double              min_px)
{
  g_autoptr(GArray) ticks = storyline_time_scale_ticks (scale, min_px);
  double last_labelled = -G_MAXDOUBLE, last_x = -G_MAXDOUBLE;
  guint labelled = 0;

  g_assert_cmpuint (ticks->len, >, 0);
  for (guint i = 0; i < ticks->len; i++)
    {
      StorylineTick *t = &g_array_index (ticks, StorylineTick, i);
      gint64 y;
      unsigned m, d;

      g_assert_cmpfloat (t->x, >, last_x);
      last_x = t->x;
      g_assert_cmpfloat_with_epsilon (t->x, storyline_time_scale_day_to_x (scale, t->day), 1e-9);
      if (!t->labelled)
        continue;
      labelled++;
      g_assert_cmpint (t->unit, ==, unit);
      g_assert_cmpfloat (t->x - last_labelled, >=, min_px * 0.9);
      last_labelled = t->x;
      storyline_civil_from_days (t->day, &y, &m, &d);
      if (unit != STORYLINE_TICK_DAY)
        g_assert_cmpuint (d, ==, 1);
      if (unit == STORYLINE_TICK_YEAR)
        g_assert_cmpuint (m, ==, 1);
    }
  g_assert_cmpuint (labelled, >, 1);
}

/* Ticks adapt to the zoom: years, months, days. */
static void
test_ticks (void)
{
  g_autoptr(StorylineTimeScale) scale = storyline_time_scale_new ();
  g_autoptr(GArray) ticks = NULL;
  StorylineTick *t;
  g_autofree char *year = NULL;
  g_autofree char *month = NULL;
  g_autofree char *day = NULL;

  storyline_time_scale_set_gaps (scale, NULL, 0, 0);
  /* A year 100 px wide. */
  storyline_time_scale_set_view (scale, day_of (2000, 1, 1), 365.25 / 100, 1000);
  assert_ticks (scale, STORYLINE_TICK_YEAR, 70);
  /* A month 100 px wide. */
  storyline_time_scale_set_view (scale, day_of (2024, 8, 1), 30.44 / 100, 1000);
  assert_ticks (scale, STORYLINE_TICK_MONTH, 70);
  /* A day 100 px wide. */
  storyline_time_scale_set_view (scale, day_of (2025, 10, 20), 1.0 / 100, 1000);
  assert_ticks (scale, STORYLINE_TICK_DAY, 70);
  /* Centuries. */
  storyline_time_scale_set_view (scale, day_of (-3000, 1, 1), 365.25 * 100 / 100, 1000);
  assert_ticks (scale, STORYLINE_TICK_YEAR, 70);

  storyline_time_scale_set_view (scale, day_of (2025, 10, 20), 1.0 / 100, 1000);
  ticks = storyline_time_scale_ticks (scale, 70);
  t = &g_array_index (ticks, StorylineTick, 0);
  g_assert_cmpint (t->day, ==, day_of (2025, 10, 20));
  day = storyline_time_tick_label (t, FALSE);
  g_assert_cmpstr (day, ==, "20 Oct");
  {
    StorylineTick m = { day_of (2024, 8, 1), 0, TRUE, STORYLINE_TICK_MONTH };
    StorylineTick y = { day_of (1971, 1, 1), 0, TRUE, STORYLINE_TICK_YEAR };

    month = storyline_time_tick_label (&m, TRUE);
    year = storyline_time_tick_label (&y, FALSE);
  }
  g_assert_cmpstr (month, ==, "Aug 2024");
  g_assert_cmpstr (year, ==, "1971");
}

/* No tick inside a collapsed gap. */
static void
test_ticks_skip_gaps (void)
{
  g_autoptr(StorylineTimeScale) scale = storyline_time_scale_new ();
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (StorylineTimeGap));
  StorylineTimeGap gap = { day_of (1971, 12, 17), day_of (2022, 11, 27) };
  g_autoptr(GArray) ticks = NULL;

  g_array_append_val (gaps, gap);
  storyline_time_scale_set_gaps (scale, gaps, day_of (1971, 3, 26), day_of (2025, 11, 27));
  storyline_time_scale_fit (scale, day_of (1971, 3, 26), day_of (2025, 11, 27), 1200);
  ticks = storyline_time_scale_ticks (scale, 60);
  for (guint i = 0; i < ticks->len; i++)
    {
      StorylineTick *t = &g_array_index (ticks, StorylineTick, i);
      g_assert_false (t->day >= gap.from && t->day < gap.to);
    }
  /* The dense years keep their room: 2022–2025 take most of the width. */
  g_assert_cmpfloat (storyline_time_scale_day_to_x (scale, day_of (2025, 11, 27)) - storyline_time_scale_day_to_x (scale, day_of (2022, 11, 27)), >, 800);
}

/* Density against counting each event's columns one by one, over random
 * stories and views. */
static void
test_density (void)
{
  GRand *rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 50; round++)
    {
      g_autoptr(StorylineTimeScale) scale = storyline_time_scale_new ();
      guint n = g_rand_int_range (rand, 1, 3000), columns = g_rand_int_range (rand, 1, 900);
      g_autofree gint64 *earliest = g_new (gint64, n);
      g_autofree gint64 *latest = g_new (gint64, n);
      g_autofree guint32 *counts = NULL;
      g_autofree guint32 *naive = g_new0 (guint32, columns);
      g_autoptr(GArray) gaps = NULL;
      gint64 lo = G_MAXINT64, hi = G_MININT64;

      for (guint i = 0; i < n; i++)
        {
          earliest[i] = g_rand_int_range (rand, -20000, 20000);
          latest[i] = earliest[i] + (g_rand_boolean (rand) ? 0 : g_rand_int_range (rand, 0, 400));
          lo = MIN (lo, earliest[i]);
          hi = MAX (hi, latest[i]);
        }
      gaps = storyline_time_gaps_find (earliest, latest, n);
      storyline_time_scale_set_gaps (scale, gaps, lo, hi);
      storyline_time_scale_fit (scale, lo, hi, columns);
      storyline_time_scale_zoom (scale, g_rand_double_range (rand, 0.5, 20), g_rand_double_range (rand, 0, columns));
      counts = storyline_time_density (scale, earliest, latest, n, columns);
      for (guint i = 0; i < n; i++)
        {
          double x0 = storyline_time_scale_day_to_x (scale, earliest[i]);
          double x1 = storyline_time_scale_day_to_x (scale, latest[i] + 1);
          gint64 c0 = (gint64) floor (x0), c1 = MAX (c0, (gint64) ceil (x1) - 1);

          for (gint64 c = MAX (c0, 0); c <= c1 && c < (gint64) columns; c++)
            naive[c]++;
        }
      for (guint c = 0; c < columns; c++)
        g_assert_cmpuint (counts[c], ==, naive[c]);
    }
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time-scale/civil-round-trip", test_civil_round_trip);
  g_test_add_func ("/time-scale/gaps", test_gaps);
  g_test_add_func ("/time-scale/virtual-days", test_virtual_days);
  g_test_add_func ("/time-scale/view", test_view);
  g_test_add_func ("/time-scale/ticks", test_ticks);
  g_test_add_func ("/time-scale/ticks-skip-gaps", test_ticks_skip_gaps);
  g_test_add_func ("/time-scale/density", test_density);

  return g_test_run ();
}
