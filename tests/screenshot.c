/* screenshot.c: the window at a given size, with a given event selected,
 * rendered to a PNG (for data/screenshots/ and for looking at changes).
 * Not a test and not installed; run it through tests/take-screenshots.
 *
 * Usage: screenshot OUTPUT.png WIDTH HEIGHT [EVENT-ID [PANE]]
 *   PANE is "details" or "sources" for the narrow layout, "quotes" to
 *   scroll the wide layout to the event's first quote.
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdlib.h>

#include "storyline-application.h"
#include "storyline-event-list-view.h"
#include "storyline-resources.h"
#include "storyline-window.h"

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(StorylineApplication) app = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  StorylineWindow *window;
  GskRenderer *renderer;
  int width, height;

  if (argc < 4)
    {
      g_printerr ("Usage: screenshot OUTPUT.png WIDTH HEIGHT [EVENT-ID [details|sources]]\n");
      return 2;
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("STORYLINE_LOCALEDIR") ? g_getenv ("STORYLINE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  gtk_init ();
  storyline_register_resource ();

  width = atoi (argv[2]);
  height = atoi (argv[3]);

  app = storyline_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  /* SCREENSHOT_CITATION_STYLE=apa|chicago|chicago-note|mla: the style
   * the window starts with (the settings are in memory here). */
  if (g_getenv ("SCREENSHOT_CITATION_STYLE") != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
      g_settings_set_string (settings, "citation-style", g_getenv ("SCREENSHOT_CITATION_STYLE"));
    }

  window = storyline_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (g_getenv ("SCREENSHOT_STORY") != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("SCREENSHOT_STORY"));
      storyline_window_load_file (window, file);
    }
  else
    storyline_window_load_resource (window, STORYLINE_BUNDLED_STORY);
  gtk_window_present (GTK_WINDOW (window));

  /* Until the story is there, or its load failed (the problems page). */
  while (storyline_window_get_story (window) == NULL && storyline_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);
  iterate_for (500);

  /* SCREENSHOT_SEARCH=words: a search typed; SCREENSHOT_ACTION=win.x: an
   * action (without parameter) activated once the event is selected. */
  if (g_getenv ("SCREENSHOT_SEARCH") != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
      storyline_window_set_search (window, g_getenv ("SCREENSHOT_SEARCH"));
    }

  if (argc > 4)
    {
      StorylineEvent *event = storyline_story_lookup_event (storyline_window_get_story (window), argv[4]);

      if (event == NULL)
        g_error ("no event %s", argv[4]);
      storyline_window_select_event (window, event);
      /* "quotes": the first quote and its renditions in view. */
      if (!storyline_window_get_narrow (window) && argc > 5 && g_str_equal (argv[5], "quotes"))
        {
          GtkWidget *view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "event_view"));
          GtkWidget *scroller = find_type (view, GTK_TYPE_SCROLLED_WINDOW);
          GtkWidget *card = find_type (view, g_type_from_name ("StorylineQuoteCard"));
          graphene_point_t point;

          iterate_for (300);
          if (card != NULL && gtk_widget_compute_point (card, scroller, &GRAPHENE_POINT_INIT (0, 0), &point))
            {
              GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
              gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + point.y - 12);
            }
        }
      if (storyline_window_get_narrow (window) && argc > 5)
        {
          GtkListView *list = GTK_LIST_VIEW (storyline_event_list_view_get_list_view (STORYLINE_EVENT_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "event_list_view"))));
          GListModel *model = storyline_window_get_visible_events (window);

          for (guint i = 0; i < g_list_model_get_n_items (model); i++)
            {
              g_autoptr(StorylineEvent) item = g_list_model_get_item (model, i);
              if (item == event)
                g_signal_emit_by_name (list, "activate", i);
            }
          if (g_str_equal (argv[5], "sources"))
            gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sources", NULL);
        }
      iterate_for (500);
    }
  if (g_getenv ("SCREENSHOT_ACTION") != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), g_getenv ("SCREENSHOT_ACTION"), NULL);
      iterate_for (600);
    }

  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (window)),
                          gtk_widget_get_height (GTK_WIDGET (window)));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  if (!gdk_texture_save_to_png (texture, argv[1]))
    g_error ("could not write %s", argv[1]);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
