/* storyline-test-utils.c: the main-loop helpers the ui tests share
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "storyline-test-utils.h"

/* Runs the main loop until @condition holds; a test that waits longer
 * than 30 seconds has failed. */
void
storyline_test_wait_until (gboolean (*condition) (gpointer),
                           gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting");
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Runs the main loop for @ms milliseconds of wall time. */
void
storyline_test_iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Lets the idles and frames that are due run. */
void
storyline_test_drain (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Closes @window and checks that nothing else holds it. */
void
storyline_test_close_window (StorylineWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  storyline_test_iterate_for (50);
  g_assert_finalize_object (window);
}
