/* test-time-axis.c: the time axis, alone and in the window
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <math.h>

#include "storyline-application.h"
#include "storyline-event-filter.h"
#include "storyline-loader.h"
#include "storyline-story-edit.h"
#include "storyline-resources.h"
#include "storyline-test-utils.h"
#include "storyline-time-axis.h"
#include "storyline-window.h"

static StorylineApplication *app;

static gboolean
key (GtkWidget       *axis,
     guint            keyval,
     GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (axis);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          g_strcmp0 (gtk_event_controller_get_name (GTK_EVENT_CONTROLLER (controller)), "storyline-time-axis-keys") == 0)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  storyline_test_drain ();
  return handled;
}

static StorylineStory *
small_story (void)
{
  static const char json[] =
    "{\"format\": \"storyline\", \"version\": 1, \"story\": {\"title\": \"Shapes\"},"
    " \"phases\": [{\"id\": \"p\", \"title\": \"January\", \"start\": \"2025-01\", \"end\": \"2025-01\"}],"
    " \"events\": ["
    "  {\"id\": \"month\", \"title\": \"A month\", \"date\": \"2025-01\"},"
    "  {\"id\": \"day\", \"title\": \"A day\", \"date\": \"2025-01-14\"},"
    "  {\"id\": \"span\", \"title\": \"Six days\", \"date\": \"2025-01-13/2025-01-18\"},"
    "  {\"id\": \"one-of\", \"title\": \"One of three\", \"date\": \"[2025-01-20..2025-01-22]\"},"
    "  {\"id\": \"year\", \"title\": \"A year\", \"date\": \"2024~\"},"
    "  {\"id\": \"late\", \"title\": \"Later\", \"date\": \"2025-03-01?\"}"
    " ]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  StorylineStory *story = storyline_load_bytes (bytes, NULL, NULL, NULL);

  g_assert_nonnull (story);
  return story;
}

static double
width_of (StorylineTimeAxis *axis,
          StorylineStory    *story,
          const char        *id,
          double            *start)
{
  double x0, x1;

  g_assert_true (storyline_time_axis_get_mark_x (axis, storyline_story_lookup_event (story, id), &x0, &x1));
  *start = x0;
  return x1 - x0;
}

/* Each mark where its date is and as long as its precision says: a day
 * one day wide, a month 31, an interval its six days, one of three days
 * three; in date order. */
static void
test_marks (void)
{
  g_autoptr(StorylineStory) story = small_story ();
  GtkWidget *window = gtk_window_new ();
  StorylineTimeAxis *axis = STORYLINE_TIME_AXIS (storyline_time_axis_new ());
  double day, x_month, x_day, x_span, x_one, x_year, x_late, w;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 200);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (axis));
  storyline_time_axis_set_story (axis, story);
  gtk_window_present (GTK_WINDOW (window));
  storyline_test_iterate_for (300);

  g_assert_false (storyline_time_axis_is_dense (axis));
  g_assert_cmpstr (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (axis)) == GTK_ACCESSIBLE_ROLE_GROUP ? "group" : "other", ==, "group");
  day = width_of (axis, story, "day", &x_day);
  g_assert_cmpfloat (day, >, 0.5);
  w = width_of (axis, story, "month", &x_month);
  g_assert_cmpfloat (fabs (w - 31 * day), <, 0.01);
  w = width_of (axis, story, "span", &x_span);
  g_assert_cmpfloat (fabs (w - 6 * day), <, 0.01);
  w = width_of (axis, story, "one-of", &x_one);
  g_assert_cmpfloat (fabs (w - 3 * day), <, 0.01);
  w = width_of (axis, story, "year", &x_year);
  g_assert_cmpfloat (fabs (w - 366 * day), <, 0.01);
  width_of (axis, story, "late", &x_late);

  /* In date order, each at its own day. */
  g_assert_cmpfloat (x_year, <, x_month);
  g_assert_cmpfloat (fabs (x_span - (x_month + 12 * day)), <, 0.01);
  g_assert_cmpfloat (fabs (x_day - (x_month + 13 * day)), <, 0.01);
  g_assert_cmpfloat (fabs (x_one - (x_month + 19 * day)), <, 0.01);
  g_assert_cmpfloat (fabs (x_late - (x_month + 59 * day)), <, 0.01);
  /* The whole story in view. */
  g_assert_cmpfloat (x_year, >=, 0);
  g_assert_cmpfloat (x_late + day, <=, gtk_widget_get_width (GTK_WIDGET (axis)));

  /* Right to left: later to the left. */
  gtk_widget_set_direction (GTK_WIDGET (axis), GTK_TEXT_DIR_RTL);
  width_of (axis, story, "day", &x_day);
  width_of (axis, story, "late", &x_late);
  g_assert_cmpfloat (x_late, <, x_day);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Keys: + and − zoom, 0 shows the whole story, Shift+Right and Page Down
 * move later, Left and Right go from event to event, said in the axis's
 * description. */
static void
test_keys (void)
{
  g_autoptr(StorylineStory) story = small_story ();
  GtkWidget *window = gtk_window_new ();
  StorylineTimeAxis *axis = STORYLINE_TIME_AXIS (storyline_time_axis_new ());
  double whole, zoomed;
  gint64 from, to, from2, to2;
  g_autoptr(GArray) activated = g_array_new (FALSE, FALSE, sizeof (gpointer));

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 200);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (axis));
  storyline_time_axis_set_story (axis, story);
  gtk_window_present (GTK_WINDOW (window));
  storyline_test_iterate_for (300);

  whole = storyline_time_axis_get_days_per_px (axis);
  g_assert_true (key (GTK_WIDGET (axis), GDK_KEY_plus, 0));
  zoomed = storyline_time_axis_get_days_per_px (axis);
  g_assert_cmpfloat (fabs (zoomed - whole / 1.5), <, 1e-9);
  g_assert_true (key (GTK_WIDGET (axis), GDK_KEY_minus, 0));
  g_assert_true (key (GTK_WIDGET (axis), GDK_KEY_minus, 0));
  g_assert_cmpfloat (storyline_time_axis_get_days_per_px (axis), >, whole);
  g_assert_true (key (GTK_WIDGET (axis), GDK_KEY_0, 0));
  g_assert_cmpfloat (fabs (storyline_time_axis_get_days_per_px (axis) - whole), <, 1e-9);

  storyline_time_axis_get_visible_days (axis, &from, &to);
  g_assert_true (key (GTK_WIDGET (axis), GDK_KEY_Right, GDK_SHIFT_MASK));
  storyline_time_axis_get_visible_days (axis, &from2, &to2);
  g_assert_cmpint (from2, >, from);
  g_assert_true (key (GTK_WIDGET (axis), GDK_KEY_Page_Down, 0));
  storyline_time_axis_get_visible_days (axis, &from, &to);
  g_assert_cmpint (from, >=, to2 - (to2 - from2) / 5);

  /* Event to event, in date order. */
  g_assert_true (key (GTK_WIDGET (axis), GDK_KEY_0, 0));
  g_assert_true (key (GTK_WIDGET (axis), GDK_KEY_Right, 0));
  g_assert_cmpstr (storyline_event_get_id (storyline_time_axis_get_selected (axis)), ==, "year");
  g_assert_true (key (GTK_WIDGET (axis), GDK_KEY_Right, 0));
  g_assert_cmpstr (storyline_event_get_id (storyline_time_axis_get_selected (axis)), ==, "month");
  g_assert_true (key (GTK_WIDGET (axis), GDK_KEY_Right, 0));
  g_assert_cmpstr (storyline_event_get_id (storyline_time_axis_get_selected (axis)), ==, "span");
  g_assert_true (key (GTK_WIDGET (axis), GDK_KEY_Left, 0));
  g_assert_cmpstr (storyline_event_get_id (storyline_time_axis_get_selected (axis)), ==, "month");
  /* Said: the axis's name, and the event reached as its description. */
  {
    g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (axis), GTK_ACCESSIBLE_PROPERTY_LABEL, "Time axis");
    g_assert_null (error);
    g_free (error);
    error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (axis), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "January 2025: A month");
    g_assert_null (error);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
counted (gpointer data)
{
  guint n = 0;

  storyline_time_axis_get_density_ms (data, &n);
  return n > 0;
}

/* Past 4,000 events: no marks, counts per pixel column from the worker
 * thread; a date edited moves its count at once, without the story being
 * read again. */
static void
test_dense (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"storyline\", \"version\": 1, \"story\": {\"title\": \"Many\"}, \"events\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(StorylineStory) story = NULL;
  GtkWidget *window = gtk_window_new ();
  StorylineTimeAxis *axis = STORYLINE_TIME_AXIS (storyline_time_axis_new ());
  StorylineEvent *event;
  double x0, x1;
  guint before = 0, after = 0;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"title\": \"E\", \"date\": \"%04u-%02u-%02u\"}",
                            i ? "," : "", i, 2000 + i % 20, 1 + i % 12, 1 + i % 28);
  g_string_append (json, "]}");
  bytes = g_bytes_new (json->str, json->len);
  story = storyline_load_bytes (bytes, NULL, NULL, NULL);
  g_assert_nonnull (story);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 200);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (axis));
  storyline_time_axis_set_story (axis, story);
  gtk_window_present (GTK_WINDOW (window));
  storyline_test_wait_until (counted, axis);
  g_assert_true (storyline_time_axis_is_dense (axis));
  event = storyline_story_lookup_event (story, "e7");
  g_assert_false (storyline_time_axis_get_mark_x (axis, event, &x0, &x1));

  storyline_time_axis_get_density_ms (axis, &before);
  storyline_story_set_event_field (story, event, STORYLINE_EVENT_FIELD_DATE, (const char *[]) { "2030-01-01", NULL });
  g_assert_true (storyline_time_axis_event_moved (axis, event));
  gtk_widget_queue_draw (GTK_WIDGET (axis));
  while (storyline_time_axis_get_density_ms (axis, &after), after == before)
    g_main_context_iteration (NULL, TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_story (gpointer data)
{
  return storyline_window_get_story (data) != NULL && !storyline_window_is_loading (data);
}

static GtkWidget *
window_child (StorylineWindow *window,
              const char      *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, name));
}

/* In the window: the list and the axis select together; a span of days
 * narrows the list, shown in the filter bar, and its button clears it. */
static void
test_in_window (void)
{
  StorylineWindow *window = storyline_window_new (app);
  StorylineTimeAxis *axis;
  StorylineStory *story;
  StorylineEvent *event;
  GListModel *listed;
  guint all;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  storyline_window_load_resource (window, STORYLINE_BUNDLED_STORY);
  gtk_window_present (GTK_WINDOW (window));
  storyline_test_wait_until (has_story, window);
  storyline_test_drain ();
  axis = STORYLINE_TIME_AXIS (window_child (window, "time_axis"));
  story = storyline_window_get_story (window);
  listed = storyline_window_get_visible_events (window);
  all = g_list_model_get_n_items (listed);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (axis)));

  /* The list to the axis. */
  event = storyline_story_lookup_event (story, "ispr-release");
  g_assert_true (storyline_window_select_event (window, event));
  storyline_test_drain ();
  g_assert_true (storyline_time_axis_get_selected (axis) == event);

  /* The axis to the list: the next event, by Right. */
  gtk_widget_grab_focus (GTK_WIDGET (axis));
  g_assert_true (key (GTK_WIDGET (axis), GDK_KEY_Right, 0));
  g_assert_true (storyline_time_axis_get_selected (axis) != event);
  g_assert_true (storyline_window_get_selected_event (window) == storyline_time_axis_get_selected (axis));

  /* A span of days: 13 to 18 January 2025. */
  g_signal_emit_by_name (axis, "range-chosen", storyline_days_from_civil (2025, 1, 13), storyline_days_from_civil (2025, 1, 18));
  storyline_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (listed), <, all);
  g_assert_cmpuint (g_list_model_get_n_items (listed), >, 0);
  g_assert_true (gtk_widget_get_visible (window_child (window, "range_button")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (window_child (window, "range_label"))), ==, "13 Jan – 18 Jan 2025");
  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(StorylineEvent) e = g_list_model_get_item (listed, i);
      const StorylineDate *d = storyline_event_get_date (e);

      g_assert_cmpint (storyline_date_get_earliest_day (d), <=, storyline_days_from_civil (2025, 1, 18));
      g_assert_cmpint (storyline_date_get_latest_day (d), >=, storyline_days_from_civil (2025, 1, 13));
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-time-range", NULL));
  storyline_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, all);
  g_assert_false (gtk_widget_get_visible (window_child (window, "range_button")));

  /* Escape on the axis takes a span away too. */
  g_signal_emit_by_name (axis, "range-chosen", storyline_days_from_civil (2025, 10, 24), storyline_days_from_civil (2025, 10, 28));
  storyline_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (listed), <, all);
  g_assert_true (key (GTK_WIDGET (axis), GDK_KEY_Escape, 0));
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, all);

  /* Hidden and shown again (Ctrl+T). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-time-axis", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (window_child (window, "time_axis_revealer"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-time-axis", NULL));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (window_child (window, "time_axis_revealer"))));

  storyline_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  storyline_register_resource ();

  app = storyline_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/time-axis/marks", test_marks);
  g_test_add_func ("/time-axis/keys", test_keys);
  g_test_add_func ("/time-axis/dense", test_dense);
  g_test_add_func ("/time-axis/in-window", test_in_window);

  return g_test_run ();
}
