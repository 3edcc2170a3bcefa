/* storyline-ui-benchmark.c: the figures of the window, for
 * storyline-benchmark, which runs each in a child process under a display.
 *
 *   --first-frame empty|chrome|story
 *                               ms from main() to the first frame drawn of
 *                               an empty GtkWindow, of an application
 *                               window with a header bar and a line of
 *                               text, or of Storyline's window with the
 *                               bundled story in it
 *   --search FILE               per keystroke: main-thread ms of applying
 *                               the search, ms to the frame that shows it
 *   --scroll FILE               per frame while scrolling: ms of work
 *   --axis FILE                 the time axis: the worker thread's time to
 *                               count the density, and per frame while
 *                               zooming and panning: main-thread ms
 *   --edit FILE                 in Edit mode, per keystroke in an event's
 *                               title, per date typed (the event moves),
 *                               per undo and redo: main-thread ms of the
 *                               change, ms to the frame that shows it
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <time.h>

#include "storyline-application.h"
#include "storyline-event-editor.h"
#include "storyline-quote-editor.h"
#include "storyline-rendition-editor.h"
#include "storyline-event-list-view.h"
#include "storyline-resources.h"
#include "storyline-time-axis.h"
#include "storyline-ui-benchmark.h"
#include "storyline-window.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The main thread's own CPU time: its work, not the time it spent waiting
 * for a core while the search's worker threads had both. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* A frame's work: from the first of its phases to the end of its paint.
 * The clock emits a phase's signal only when something asked for it. */
static double frame_start;
static double frame_end;
static gboolean in_frame;
static guint n_frames;
static double frames_ms;      /* all frames' work so far */
static double frame_start_cpu;
static double frames_cpu_ms;  /* and the main thread's CPU time in them */
static double frame_cpu_ms;   /* the last frame's */

static void
frame_phase (GdkFrameClock *clock)
{
  if (!in_frame)
    {
      frame_start = now_ms ();
      frame_start_cpu = thread_cpu_ms ();
    }
  in_frame = TRUE;
}

static void
frame_painted (GdkFrameClock *clock)
{
  if (!in_frame)
    {
      frame_start = now_ms ();
      frame_start_cpu = thread_cpu_ms ();
    }
  frame_end = now_ms ();
  frames_ms += frame_end - frame_start;
  frame_cpu_ms = thread_cpu_ms () - frame_start_cpu;
  frames_cpu_ms += frame_cpu_ms;
  in_frame = FALSE;
  n_frames++;
}

/* A frame starts with the first of its phases, before any handler of it
 * (GTK's own layout handler may have been connected before these, and its
 * work is the frame's), or with the window's size worked out for the
 * next frame: on X11, GDK asks for it from an idle just before the
 * frame, and it is the frame's layout (every widget whose size changed
 * measured again). */
static gboolean
phase_started (GSignalInvocationHint *hint,
               guint                  n_values,
               const GValue          *values,
               gpointer               data)
{
  frame_phase (NULL);
  return TRUE;
}

static void
watch_frames (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  static const char *phases[] = { "flush-events", "before-paint", "update", "layout", "paint" };
  static gboolean hooked;

  if (!hooked)
    {
      for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
        g_signal_add_emission_hook (g_signal_lookup (phases[i], GDK_TYPE_FRAME_CLOCK), 0, phase_started, NULL, NULL);
      g_signal_add_emission_hook (g_signal_lookup ("compute-size", GDK_TYPE_TOPLEVEL), 0, phase_started, NULL, NULL);
    }
  hooked = TRUE;
  g_signal_connect_after (clock, "paint", G_CALLBACK (frame_painted), NULL);
}

/* Runs the main loop until the frame after the current one is drawn. */
static void
wait_for_frame (GtkWidget *widget)
{
  guint seen = n_frames;

  gtk_widget_queue_draw (widget);
  while (n_frames == seen)
    g_main_context_iteration (NULL, TRUE);
}

static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

int
storyline_benchmark_compare_doubles (gconstpointer a,
                                     gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* Nearest rank. */
static double
percentile (GArray *values,
            double  p)
{
  guint rank;

  g_array_sort (values, storyline_benchmark_compare_doubles);
  rank = (guint) (p / 100.0 * values->len + 0.999999);
  return g_array_index (values, double, CLAMP (rank, 1, values->len) - 1);
}

static StorylineWindow *
open_window (StorylineApplication *app,
             const char           *path)
{
  StorylineWindow *window = storyline_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      storyline_window_load_file (window, file);
    }
  else
    storyline_window_load_resource (window, STORYLINE_BUNDLED_STORY);
  gtk_window_present (GTK_WINDOW (window));
  watch_frames (GTK_WIDGET (window));
  while (storyline_window_get_story (window) == NULL || storyline_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);
  wait_for_frame (GTK_WIDGET (window));
  /* A large story's search texts are made on a worker thread after it
   * opens (storyline-event-list.c); a search waits for them. As for someone
   * who has had the window open a moment, they are ready before the
   * figures start. */
  storyline_window_set_search (window, "a");
  while (storyline_window_is_filtering (window))
    g_main_context_iteration (NULL, TRUE);
  storyline_window_set_search (window, "");
  while (storyline_window_is_filtering (window))
    g_main_context_iteration (NULL, TRUE);
  settle (300);
  return window;
}

static StorylineApplication *
new_app (void)
{
  StorylineApplication *app;

  double t0 = now_ms (), t1, t2;

  storyline_register_resource ();
  g_set_prgname ("storyline");
  g_set_application_name ("Storyline");
  app = storyline_application_new ();
  t1 = now_ms ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  t2 = now_ms ();
  if (g_getenv ("STORYLINE_BENCHMARK_VERBOSE"))
    g_printerr ("new %.0f register %.0f\n", t1 - t0, t2 - t1);
  return app;
}

/* GTK, the application and its window with the story at @path, loaded and
 * drawn. */
static StorylineWindow *
start_window (const char            *path,
              StorylineApplication **app)
{
  gtk_init ();
  *app = new_app ();
  return open_window (*app, path);
}

static int
first_frame (const char *what,
             double      start)
{
  GtkWidget *window;

  gtk_init ();
  if (g_str_equal (what, "empty"))
    {
      window = gtk_window_new ();
      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
      gtk_window_present (GTK_WINDOW (window));
      watch_frames (window);
      while (n_frames == 0)
        g_main_context_iteration (NULL, TRUE);
      if (g_getenv ("STORYLINE_BENCHMARK_VERBOSE"))
        g_printerr ("empty: frame work %.0f ms\n", frames_ms);
    }
  else if (g_str_equal (what, "chrome"))
    {
      /* The least a GNOME application shows: registered on the session
       * bus, a header bar with a title and a menu button, a line of text.
       * Under Xvfb with no window manager an empty GtkWindow has no title
       * bar at all, so it draws no text and loads no icon. */
      g_autoptr(GtkApplication) app = gtk_application_new ("io.github.storyline.Benchmark", G_APPLICATION_NON_UNIQUE);
      GtkWidget *header = gtk_header_bar_new ();
      GtkWidget *menu = gtk_menu_button_new ();

      g_application_register (G_APPLICATION (app), NULL, NULL);
      window = gtk_application_window_new (app);
      gtk_window_set_title (GTK_WINDOW (window), "Storyline");
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "open-menu-symbolic");
      gtk_header_bar_pack_end (GTK_HEADER_BAR (header), menu);
      gtk_window_set_titlebar (GTK_WINDOW (window), header);
      gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Pakistan and Bangladesh signal a thaw"));
      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
      gtk_window_present (GTK_WINDOW (window));
      watch_frames (window);
      while (n_frames == 0)
        g_main_context_iteration (NULL, TRUE);
    }
  else
    {
      double t1 = now_ms (), t2, t3;
      g_autoptr(StorylineApplication) app = new_app ();
      StorylineWindow *w;

      t2 = now_ms ();
      w = storyline_window_new (app);
      t3 = now_ms ();
      if (g_getenv ("STORYLINE_BENCHMARK_VERBOSE"))
        g_printerr ("gtk_init %.0f, application %.0f, window %.0f ms\n", t1 - start, t2 - t1, t3 - t2);

      window = GTK_WIDGET (w);
      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
      storyline_window_load_resource (w, STORYLINE_BUNDLED_STORY);
      gtk_window_present (GTK_WINDOW (window));
      watch_frames (window);
      /* The first frame that has the story in it. */
      while (n_frames == 0 || storyline_window_get_story (w) == NULL)
        g_main_context_iteration (NULL, TRUE);
      if (g_getenv ("STORYLINE_BENCHMARK_VERBOSE"))
        g_printerr ("story and frame at %.0f ms (%u frames; frame work %.0f ms)\n", now_ms () - start, n_frames, frames_ms);
      if (frame_end < 0)
        return 1;
    }
  g_print ("%.1f\n", frame_end - start);
  return 0;
}

static int
search (const char *path)
{
  g_autoptr(StorylineApplication) app = NULL;
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) to_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame = g_array_new (FALSE, FALSE, sizeof (double));
  static const char *typed[] = { "summit", "dhaka", "shipment karachi", "the court and", "rice" };
  StorylineWindow *window;
  GtkWidget *entry;

  window = start_window (path, &app);
  entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "search_entry"));
  storyline_window_set_search (window, "");
  settle (200);

  /* Each word typed a letter at a time, then erased a letter at a time:
   * the filter grows stricter, then looser. Each keystroke is applied as
   * the entry's search-changed signal applies it. */
  for (guint w = 0; w < G_N_ELEMENTS (typed); w++)
    {
      guint len = strlen (typed[w]);

      for (guint step = 1; step <= 2 * len; step++)
        {
          guint n = step <= len ? step : 2 * len - step;
          g_autofree char *text = g_strndup (typed[w], n);
          double t0;
          guint seen = n_frames;

          double cpu0, framed_cpu, work_ms;

          int pos = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);

          /* A letter typed or erased at the end, as a keystroke does. */
          if (step <= len)
            gtk_editable_insert_text (GTK_EDITABLE (entry), text + n - 1, 1, &pos);
          else
            gtk_editable_delete_text (GTK_EDITABLE (entry), n, -1);
          settle (5);
          t0 = now_ms ();
          cpu0 = thread_cpu_ms ();
          framed_cpu = frames_cpu_ms;
          g_signal_emit_by_name (entry, "search-changed");
          /* The result may come from worker threads. The keystroke's
           * main-thread work is everything the main thread did but wait
           * and draw frames, until the frame that shows the result. */
          while (storyline_window_is_filtering (window))
            g_main_context_iteration (NULL, TRUE);
          seen = n_frames;
          while (n_frames == seen)
            g_main_context_iteration (NULL, TRUE);
          work_ms = (thread_cpu_ms () - cpu0) - (frames_cpu_ms - framed_cpu);
          g_array_append_val (work, work_ms);
          g_array_append_val (to_frame, (double) { frame_end - t0 });
          g_array_append_val (frame, frame_cpu_ms);
          if (g_getenv ("STORYLINE_BENCHMARK_VERBOSE"))
            g_printerr ("“%s”: work %.1f ms, frame %.1f ms, drawn at %.1f ms, %u shown\n", text,
                        work_ms, frame_cpu_ms,
                        frame_end - t0, g_list_model_get_n_items (storyline_window_get_visible_events (window)));
          settle (20);
        }
    }

  if (g_getenv ("STORYLINE_BENCHMARK_VERBOSE"))
    {
      GtkWidget *list = GTK_WIDGET (storyline_event_list_view_get_list_view (STORYLINE_EVENT_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "event_list_view"))));
      guint rows = 0;
      for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
        rows++;
      g_printerr ("rows in the list view: %u\n", rows);
    }
  g_print ("%u %.1f %.1f %.1f %.1f %.1f %.1f %.1f\n", work->len,
           percentile (work, 50), percentile (work, 95), percentile (work, 100),
           percentile (to_frame, 50), percentile (to_frame, 95),
           percentile (frame, 50), percentile (frame, 95));
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

static int
scroll (const char *path)
{
  g_autoptr(StorylineApplication) app = NULL;
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  StorylineWindow *window;
  GtkWidget *list;
  GtkAdjustment *adj;
  double jump = 0;

  window = start_window (path, &app);
  list = GTK_WIDGET (storyline_event_list_view_get_list_view (STORYLINE_EVENT_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "event_list_view"))));
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));

  /* 300 frames of a steady scroll down from the top, 90 pixels a frame as
   * a touchpad gives: 27,000 pixels, past the rows GTK 4.8 keeps around
   * the view, so rows are rebound all along. Then one jump to the middle,
   * reported on its own. */
  for (guint i = 0; i <= 300; i++)
    {
      double cpu0, ms;
      guint seen = n_frames;

      /* The main thread's CPU time from the scroll to the end of the
       * frame that shows it: the scroll, what GTK does before the frame
       * (binding rows, the window's size), the frame. */
      cpu0 = thread_cpu_ms ();
      if (i < 300)
        gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + 90);
      else
        gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) / 2);
      while (n_frames == seen)
        g_main_context_iteration (NULL, TRUE);
      ms = thread_cpu_ms () - cpu0;
      if (i < 300)
        g_array_append_val (work, ms);
      else
        jump = ms;
      if (g_getenv ("STORYLINE_BENCHMARK_VERBOSE"))
        g_printerr ("frame %u: %.1f ms\n", i, ms);
    }

  g_print ("%u %.1f %.1f %.1f %.1f\n", work->len,
           percentile (work, 50), percentile (work, 95), percentile (work, 100), jump);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

/* One change made by @apply: the main thread's work outside frames until
 * the frame that shows it, and the time to that frame. */
typedef void (*Change) (gpointer data, guint i);

static void
time_change (Change  apply,
             gpointer data,
             guint    i,
             GArray  *work,
             GArray  *to_frame)
{
  double t0 = now_ms (), cpu0 = thread_cpu_ms (), framed_cpu = frames_cpu_ms, work_ms;
  guint seen = n_frames;

  apply (data, i);
  /* Made while a frame had begun (its clock waits on the X server between
   * phases): the change is not that frame's work. */
  if (in_frame)
    frame_start_cpu += thread_cpu_ms () - cpu0;
  while (n_frames == seen)
    g_main_context_iteration (NULL, TRUE);
  work_ms = (thread_cpu_ms () - cpu0) - (frames_cpu_ms - framed_cpu);
  g_array_append_val (work, work_ms);
  g_array_append_val (to_frame, (double) { frame_end - t0 });
  if (g_getenv ("STORYLINE_BENCHMARK_VERBOSE"))
    g_printerr ("change %u: work %.1f ms, to frame %.1f ms\n", i, work_ms, frame_end - t0);
  settle (10);
}

static void
type_letter (gpointer data,
             guint    i)
{
  int pos = -1;

  gtk_editable_set_position (GTK_EDITABLE (data), -1);
  pos = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (data)), -1);
  gtk_editable_insert_text (GTK_EDITABLE (data), "abcdefghij" + i % 10, 1, &pos);
}

static void
type_date (gpointer data,
           guint    i)
{
  static const char *dates[] = { "1995-03-04", "2012-11", "2001", "1990-01-01/1990-02-01" };

  gtk_editable_set_text (GTK_EDITABLE (data), dates[i % G_N_ELEMENTS (dates)]);
}

static void
type_in_view (gpointer data,
              guint    i)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (data));
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "abcdefghij" + i % 10, 1);
}

/* A quote of 1,000 words with a rendition that cuts and changes some of
 * them, added to @event: the text view of the rendition's form. */
static GtkWidget *
long_quote_rendition (StorylineWindow *window,
                      StorylineEvent  *event)
{
  static const char *words[] = { "we", "will", "strengthen", "defence", "and", "trade", "ties", "with",
                                 "our", "brothers", "across", "the", "bay", "in", "every", "field" };
  StorylineEditHistory *history = storyline_window_get_edit_history (window);
  StorylineStory *story = storyline_window_get_story (window);
  g_autoptr(GString) said = g_string_new (NULL);
  g_autoptr(GString) printed = g_string_new (NULL);
  StorylineQuote *quote;
  GtkWidget *editor, *quote_editor, *rendition_editor;

  if (storyline_story_get_actors (story)->len == 0 || storyline_story_get_sources (story)->len == 0)
    return NULL;
  for (guint i = 0; i < 1000; i++)
    {
      const char *word = words[(i * 7 + i / 16) % G_N_ELEMENTS (words)];

      g_string_append_printf (said, "%s%s", i ? " " : "", word);
      if (i >= 100 && i < 900)      /* an excerpt, a word changed in every 50 */
        g_string_append_printf (printed, "%s%s", printed->len ? " " : "", i % 50 == 0 ? "strong" : word);
    }
  quote = storyline_edit_history_add_quote (history, event, storyline_story_get_actors (story)->pdata[0], said->str);
  storyline_edit_history_add_rendition (history, quote, storyline_story_get_sources (story)->pdata[0], printed->str);
  storyline_edit_history_end_step (history);
  settle (300);
  editor = GTK_WIDGET (storyline_window_get_event_editor (window));
  quote_editor = gtk_widget_get_last_child (GTK_WIDGET (gtk_widget_get_template_child (editor, STORYLINE_TYPE_EVENT_EDITOR, "quotes_box")));
  rendition_editor = gtk_widget_get_first_child (GTK_WIDGET (gtk_widget_get_template_child (quote_editor, STORYLINE_TYPE_QUOTE_EDITOR, "renditions_box")));
  return GTK_WIDGET (gtk_widget_get_template_child (rendition_editor, STORYLINE_TYPE_RENDITION_EDITOR, "text_view"));
}

static void
undo_or_redo (gpointer data,
              guint    i)
{
  gtk_widget_activate_action (GTK_WIDGET (data), i % 2 ? "win.redo" : "win.undo", NULL);
}

static void
print_times (const char *what,
             GArray     *work,
             GArray     *to_frame)
{
  g_print (" %s %u %.1f %.1f %.1f %.1f %.1f", what, work->len,
           percentile (work, 50), percentile (work, 95), percentile (work, 100),
           percentile (to_frame, 50), percentile (to_frame, 95));
}

static int
edit (const char *path)
{
  g_autoptr(StorylineApplication) app = NULL;
  g_autoptr(GArray) title_work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) title_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) date_work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) date_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) undo_work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) undo_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) quote_work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) quote_frame = g_array_new (FALSE, FALSE, sizeof (double));
  StorylineWindow *window;
  GtkWidget *editor, *title, *date, *rendition;
  GListModel *events;

  window = start_window (path, &app);
  events = storyline_window_get_visible_events (window);
  {
    g_autoptr(StorylineEvent) middle = g_list_model_get_item (events, g_list_model_get_n_items (events) / 2);
    storyline_window_select_event (window, middle);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit", NULL);
  settle (300);
  editor = GTK_WIDGET (storyline_window_get_event_editor (window));
  title = GTK_WIDGET (gtk_widget_get_template_child (editor, STORYLINE_TYPE_EVENT_EDITOR, "title_entry"));
  date = GTK_WIDGET (gtk_widget_get_template_child (editor, STORYLINE_TYPE_EVENT_EDITOR, "date_entry"));

  /* 60 letters typed at the end of the title: the row shows each. */
  for (guint i = 0; i < 60; i++)
    time_change (type_letter, title, i, title_work, title_frame);
  /* 40 dates typed whole: the event moves in the list each time. */
  for (guint i = 0; i < 40; i++)
    time_change (type_date, date, i, date_work, date_frame);
  /* Undo and redo, 40 steps each way in turn. */
  for (guint i = 0; i < 80; i++)
    time_change (undo_or_redo, window, i, undo_work, undo_frame);
  /* 40 letters typed at the end of a 1,000-word quote's rendition: its
   * verdict and word difference made again each time. */
  rendition = long_quote_rendition (window, storyline_event_editor_get_event (STORYLINE_EVENT_EDITOR (editor)));
  for (guint i = 0; rendition != NULL && i < 40; i++)
    time_change (type_in_view, rendition, i, quote_work, quote_frame);

  g_print ("%u", g_list_model_get_n_items (events));
  print_times ("title", title_work, title_frame);
  print_times ("date", date_work, date_frame);
  print_times ("undo", undo_work, undo_frame);
  if (quote_work->len > 0)
    print_times ("quote", quote_work, quote_frame);
  g_print ("\n");
  storyline_edit_history_set_saved (storyline_window_get_edit_history (window));
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

static void
zoom_axis (gpointer data,
           guint    i)
{
  /* In and out by turns, deeper each time, then back. */
  storyline_time_axis_zoom (data, (i / 2) % 2 ? 1 / 1.25 : 1.25);
}

static void
pan_axis (gpointer data,
          guint    i)
{
  storyline_time_axis_pan (data, (i / 20) % 2 ? 40 : -40);
}

/* The time axis of the story in @path: how long the density took to
 * count on its worker thread (the first, for the whole story, and the
 * slowest over the zooms), then 80 zooms and 80 pans, each the main
 * thread's CPU time of its change and its frame. */
static int
axis (const char *path)
{
  g_autoptr(StorylineApplication) app = NULL;
  g_autoptr(GArray) zoom_work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) zoom_frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pan_work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pan_frame = g_array_new (FALSE, FALSE, sizeof (double));
  StorylineWindow *window = start_window (path, &app);
  StorylineTimeAxis *time_axis = STORYLINE_TIME_AXIS (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "time_axis"));
  double first, slowest = 0;
  guint counted = 0, seen;

  while (storyline_time_axis_get_density_ms (time_axis, &counted), counted == 0 && storyline_time_axis_is_dense (time_axis))
    g_main_context_iteration (NULL, TRUE);
  first = storyline_time_axis_get_density_ms (time_axis, NULL);
  settle (300);
  for (guint i = 0; i < 80; i++)
    {
      double cpu = frames_cpu_ms;

      seen = counted;
      time_change (zoom_axis, time_axis, i, zoom_work, zoom_frame);
      g_array_index (zoom_work, double, zoom_work->len - 1) += frames_cpu_ms - cpu;
      storyline_time_axis_get_density_ms (time_axis, &counted);
      if (counted != seen)
        slowest = MAX (slowest, storyline_time_axis_get_density_ms (time_axis, NULL));
    }
  for (guint i = 0; i < 80; i++)
    {
      double cpu = frames_cpu_ms;

      time_change (pan_axis, time_axis, i, pan_work, pan_frame);
      g_array_index (pan_work, double, pan_work->len - 1) += frames_cpu_ms - cpu;
    }
  g_print ("%u %s %.1f %.1f", storyline_story_get_events (storyline_window_get_story (window))->len,
           storyline_time_axis_is_dense (time_axis) ? "dense" : "marks", first, MAX (first, slowest));
  print_times ("zoom", zoom_work, zoom_frame);
  print_times ("pan", pan_work, pan_frame);
  g_print ("\n");
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

int
storyline_ui_benchmark (int    argc,
                        char **argv,
                        double start)
{
  frame_end = -1;
  if (argc == 3 && g_str_equal (argv[1], "--first-frame"))
    return first_frame (argv[2], start);
  if (argc == 3 && g_str_equal (argv[1], "--search"))
    return search (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--scroll"))
    return scroll (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--edit"))
    return edit (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--axis"))
    return axis (argv[2]);
  return -1;
}
