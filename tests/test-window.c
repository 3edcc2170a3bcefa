/* test-window.c: the main window, driven as a person would through its
 * actions, under Xvfb
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <unistd.h>

#include <gtk/gtk.h>
#include <string.h>

#include "storyline-application.h"
#include "storyline-event-row.h"
#include "storyline-event-view.h"
#include "storyline-resources.h"
#include "storyline-test-utils.h"
#include "storyline-event-list-view.h"
#include "storyline-filter-choices.h"
#include "storyline-problem-view.h"
#include "storyline-sources-pane.h"
#include "storyline-story-text.h"
#include "storyline-toast.h"
#include "storyline-window.h"
#include "storyline-writer.h"

static StorylineApplication *app;

static gboolean
has_story (gpointer data)
{
  return storyline_window_get_story (data) != NULL;
}

static StorylineWindow *
open_window (int width,
             int height)
{
  StorylineWindow *window = storyline_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  storyline_window_load_resource (window, STORYLINE_BUNDLED_STORY);
  gtk_window_present (GTK_WINDOW (window));
  storyline_test_wait_until (has_story, window);
  storyline_test_drain ();
  return window;
}

/* A child of the events pane's template. */
static GObject *
event_list_view_child (StorylineWindow *window,
                       const char      *name)
{
  GtkWidget *view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "event_list_view"));
  return gtk_widget_get_template_child (view, STORYLINE_TYPE_EVENT_LIST_VIEW, name);
}

static guint
n_visible (StorylineWindow *window)
{
  return g_list_model_get_n_items (storyline_window_get_visible_events (window));
}

static StorylineEvent *
event (StorylineWindow *window,
       const char      *id)
{
  StorylineEvent *e = storyline_story_lookup_event (storyline_window_get_story (window), id);
  g_assert_nonnull (e);
  return e;
}

static void
activate (StorylineWindow *window,
          const char      *action,
          const char      *target)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, target ? "s" : NULL, target));
  storyline_test_drain ();
}

static void
test_bundled_story_opens (void)
{
  StorylineWindow *window = open_window (1280, 800);
  GListModel *events = storyline_window_get_visible_events (window);
  g_autoptr(StorylineEvent) first = NULL;
  g_autoptr(StorylineEvent) last = NULL;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Pakistan and Bangladesh signal a thaw — bundled story");

  /* A row per event, in date order. */
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 22);
  for (guint i = 1; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(StorylineEvent) a = g_list_model_get_item (events, i - 1);
      g_autoptr(StorylineEvent) b = g_list_model_get_item (events, i);
      g_assert_cmpint (storyline_event_compare (a, b), <, 0);
    }
  first = g_list_model_get_item (events, 0);
  last = g_list_model_get_item (events, 21);
  g_assert_cmpstr (storyline_event_get_id (first), ==, "independence");
  g_assert_cmpstr (storyline_event_get_id (last), ==, "army-chief-call");

  /* The first event is selected and shown. */
  g_assert_true (storyline_window_get_selected_event (window) == first);
  g_assert_false (storyline_window_get_narrow (window));

  storyline_test_close_window (window);
}

static void
test_newest_first (void)
{
  StorylineWindow *window = open_window (1280, 800);
  GListModel *events = storyline_window_get_visible_events (window);
  g_autoptr(StorylineEvent) first = NULL;

  storyline_window_select_event (window, event (window, "dar-visit"));
  activate (window, "win.newest-first", NULL);
  first = g_list_model_get_item (events, 0);
  g_assert_cmpstr (storyline_event_get_id (first), ==, "army-chief-call");
  g_assert_true (storyline_window_get_selected_event (window) == event (window, "dar-visit"));
  activate (window, "win.newest-first", NULL);

  storyline_test_close_window (window);
}

static void
test_selecting_shows_quotes_and_sources (void)
{
  StorylineWindow *window = open_window (1280, 800);

  g_assert_true (storyline_window_select_event (window, event (window, "ispr-release")));
  storyline_test_drain ();
  g_assert_cmpuint (storyline_window_get_n_shown_quotes (window), ==, 3);
  /* Its six sources and the two its quotes appeared in besides. */
  g_assert_cmpuint (storyline_window_get_n_shown_sources (window), ==, 8);

  g_assert_true (storyline_window_select_event (window, event (window, "independence")));
  storyline_test_drain ();
  g_assert_cmpuint (storyline_window_get_n_shown_quotes (window), ==, 0);
  g_assert_cmpuint (storyline_window_get_n_shown_sources (window), ==, 1);

  storyline_test_close_window (window);
}

static GtkWidget *find_widget (GtkWidget *root, GType type);

/* The window's toast: shown, saying @text, announced as an alert. */
static void
assert_toast (StorylineWindow *window,
              const char      *text)
{
  StorylineToast *toast = STORYLINE_TOAST (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "toast"));

  g_assert_true (storyline_toast_is_shown (toast));
  g_assert_cmpstr (storyline_toast_get_text (toast), ==, text);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (toast)), ==, GTK_ACCESSIBLE_ROLE_ALERT);
  storyline_toast_dismiss (toast);
  g_assert_false (storyline_toast_is_shown (toast));
}

static gboolean
has_selection (gpointer data)
{
  return storyline_window_get_selected_event (data) != NULL;
}

/* The event at the top of the list. */
static StorylineEvent *
first_listed (StorylineWindow *window)
{
  return storyline_event_list_peek (STORYLINE_EVENT_LIST (storyline_window_get_visible_events (window)), 0);
}

static void
test_search (void)
{
  StorylineWindow *window = open_window (1280, 800);

  storyline_window_set_search (window, "Senakunja");
  g_assert_cmpuint (n_visible (window), ==, 1);
  /* Case and accents do not matter. */
  storyline_window_set_search (window, "SÉNAKUNJA");
  g_assert_cmpuint (n_visible (window), ==, 1);
  /* Actors' aliases are searched. */
  storyline_window_set_search (window, "kamr-ul-hassan");
  g_assert_cmpuint (n_visible (window), ==, 3);
  /* Quote text is searched: only the ISPR release carries these words. */
  storyline_window_set_search (window, "fraternal ties");
  g_assert_cmpuint (n_visible (window), ==, 1);
  /* Clearing restores the list. */
  storyline_window_set_search (window, "");
  g_assert_cmpuint (n_visible (window), ==, 22);

  /* Sources are searched by outlet: the six events that cite one of
   * Dawn's three articles, or whose quote Dawn printed. */
  storyline_window_set_search (window, "Dawn");
  g_assert_cmpuint (n_visible (window), ==, 6);
  storyline_window_set_search (window, "");

  storyline_test_close_window (window);
}

/* A search keeps the event selected while it is listed, shows the first
 * listed one when it is not, and Escape (stop-search) ends the search and
 * keeps the selection. */
static void
test_search_keeps_selection (void)
{
  StorylineWindow *window = open_window (1280, 800);
  GtkSearchEntry *entry = GTK_SEARCH_ENTRY (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "search_entry"));
  GtkWidget *view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "event_view"));

  storyline_window_select_event (window, event (window, "ispr-release"));
  storyline_window_set_search (window, "Dawn");
  g_assert_true (storyline_window_get_selected_event (window) == event (window, "ispr-release"));

  g_signal_emit_by_name (entry, "stop-search");
  storyline_test_drain ();
  g_assert_cmpuint (n_visible (window), ==, 22);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (storyline_window_get_selected_event (window) == event (window, "ispr-release"));
  g_assert_true (storyline_event_view_get_event (STORYLINE_EVENT_VIEW (view)) == event (window, "ispr-release"));

  /* Not listed any more: the first listed event is selected and shown,
   * once the list stops changing. */
  storyline_window_set_search (window, "Senakunja");
  g_assert_cmpuint (n_visible (window), ==, 1);
  storyline_test_wait_until (has_selection, window);
  g_assert_true (storyline_window_get_selected_event (window) == first_listed (window));
  g_assert_true (storyline_event_view_get_event (STORYLINE_EVENT_VIEW (view)) == storyline_window_get_selected_event (window));

  /* Nothing listed, nothing selected; then the first listed again. */
  storyline_window_set_search (window, "no such words anywhere");
  g_assert_null (storyline_window_get_selected_event (window));
  storyline_window_set_search (window, "Dawn");
  storyline_test_wait_until (has_selection, window);
  g_assert_true (storyline_window_get_selected_event (window) == first_listed (window));
  g_assert_true (storyline_event_view_get_event (STORYLINE_EVENT_VIEW (view)) == storyline_window_get_selected_event (window));

  storyline_test_close_window (window);
}

static void
test_empty_state (void)
{
  StorylineWindow *window = open_window (1280, 800);
  GtkStack *list_stack = GTK_STACK (event_list_view_child (window, "list_stack"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");
  storyline_window_set_search (window, "no such words anywhere");
  g_assert_cmpuint (n_visible (window), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "empty");
  g_assert_null (storyline_window_get_selected_event (window));

  activate (window, "win.clear-filters", NULL);
  g_assert_cmpuint (n_visible (window), ==, 22);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");

  storyline_test_close_window (window);
}

static void
test_filter_by_source_keeps_selection (void)
{
  StorylineWindow *window = open_window (1280, 800);
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "filter_revealer"));
  GtkLabel *label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "filter_label"));

  storyline_window_select_event (window, event (window, "ispr-release"));
  activate (window, "win.filter-source", "dawn-1951558");

  /* Air chief, navy and PSO calls, the release: the events citing Dawn. */
  g_assert_cmpuint (n_visible (window), ==, 3);
  g_assert_true (storyline_window_get_selected_event (window) == event (window, "ispr-release"));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "3 of 22 events"));

  activate (window, "win.clear-filters", NULL);
  g_assert_cmpuint (n_visible (window), ==, 22);
  g_assert_true (storyline_window_get_selected_event (window) == event (window, "ispr-release"));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  storyline_test_close_window (window);
}

static void
test_filter_by_actor (void)
{
  /* Sorted in the plain C locale too, where collation is byte order. */
  g_autofree char *collate = g_strdup (setlocale (LC_COLLATE, NULL));
  StorylineWindow *window = (setlocale (LC_COLLATE, "C"), open_window (1280, 800));

  setlocale (LC_COLLATE, collate);

  storyline_window_select_event (window, event (window, "independence"));
  activate (window, "win.filter-actor", "mirza");
  g_assert_cmpuint (n_visible (window), ==, 10);
  /* The selected event is not among them: the first listed is shown. */
  storyline_test_wait_until (has_selection, window);
  g_assert_true (storyline_window_get_selected_event (window) == first_listed (window));
  g_assert_true (storyline_event_involves (storyline_window_get_selected_event (window),
                                           storyline_story_lookup_actor (storyline_window_get_story (window), "mirza")));

  /* The actor dropdown follows the filter set elsewhere, and sets it. */
  {
    GtkWidget *choices = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "filter_choices"));
    GtkDropDown *actors = GTK_DROP_DOWN (gtk_widget_get_template_child (choices, STORYLINE_TYPE_FILTER_CHOICES, "actor_dropdown"));
    GtkStringObject *shown = gtk_drop_down_get_selected_item (actors);

    g_assert_cmpuint (gtk_drop_down_get_selected (actors), >, 0);
    g_assert_cmpstr (gtk_string_object_get_string (shown), ==, "Sahir Shamshad Mirza");

    /* Sorted as a reader sorts, case aside: Bangladesh before BD Voice. */
    {
      GListModel *model = gtk_drop_down_get_model (actors);
      guint bangladesh = G_MAXUINT, bd_voice = G_MAXUINT;

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

          if (g_str_equal (gtk_string_object_get_string (item), "Bangladesh"))
            bangladesh = i;
          else if (g_str_equal (gtk_string_object_get_string (item), "BD Voice"))
            bd_voice = i;
        }
      g_assert_cmpuint (bangladesh, <, bd_voice);
      g_assert_cmpuint (bd_voice, !=, G_MAXUINT);
    }

    /* Its search box finds a name by any of its words, case and accents
     * aside: typed into the dropdown's own search entry, then filtered as
     * GTK 4.8's dropdown filters (its expression, from the start). */
    {
      static const struct { const char *search; guint n; const char *first; } cases[] = {
        { "mirza", 1, "Sahir Shamshad Mirza" },
        { "SHAMSHAD", 1, "Sahir Shamshad Mirza" },
        { "sahir", 1, "Sahir Shamshad Mirza" },
        { "armed forces", 2, "Bangladesh Armed Forces" },
        { "zzz", 0, NULL },
      };
      GtkWidget *entry = find_widget (GTK_WIDGET (actors), GTK_TYPE_SEARCH_ENTRY);

      g_assert_nonnull (entry);
      g_assert_nonnull (gtk_drop_down_get_expression (actors));
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          GtkStringFilter *filter = gtk_string_filter_new (gtk_expression_ref (gtk_drop_down_get_expression (actors)));
          g_autoptr(GtkFilterListModel) found = NULL;

          gtk_editable_set_text (GTK_EDITABLE (entry), cases[i].search);
          gtk_string_filter_set_match_mode (filter, GTK_STRING_FILTER_MATCH_MODE_PREFIX);
          gtk_string_filter_set_search (filter, cases[i].search);
          found = gtk_filter_list_model_new (g_object_ref (gtk_drop_down_get_model (actors)), GTK_FILTER (filter));
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, cases[i].n);
          if (cases[i].first != NULL)
            {
              g_autoptr(GtkStringObject) first = g_list_model_get_item (G_LIST_MODEL (found), 0);
              g_assert_cmpstr (gtk_string_object_get_string (first), ==, cases[i].first);
            }
        }
      gtk_editable_set_text (GTK_EDITABLE (entry), "");
    }
    gtk_drop_down_set_selected (actors, 0);
    storyline_test_drain ();
    g_assert_cmpuint (n_visible (window), ==, 22);
    activate (window, "win.filter-actor", "mirza");
    g_assert_cmpuint (n_visible (window), ==, 10);
  }

  /* A related event outside the filters is still reachable. */
  storyline_window_select_event (window, event (window, "yunus-meeting"));
  activate (window, "win.select-event", "mirza-visit");
  g_assert_true (storyline_window_get_selected_event (window) == event (window, "mirza-visit"));

  storyline_test_close_window (window);
}

static gboolean
is_narrow (gpointer data)
{
  return storyline_window_get_narrow (data);
}

static void
test_narrow_layout (void)
{
  StorylineWindow *window = open_window (360, 720);
  GtkListView *list = GTK_LIST_VIEW (event_list_view_child (window, "event_list"));
  GtkWidget *list_pane = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "list_pane");
  GtkWidget *details_pane = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "details_pane");
  GtkWidget *sources_pane = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "sources_pane");

  storyline_test_wait_until (is_narrow, window);
  g_assert_cmpint (storyline_window_get_visible_pane (window), ==, STORYLINE_PANE_EVENTS);
  g_assert_true (gtk_widget_get_visible (list_pane));
  g_assert_false (gtk_widget_get_visible (details_pane));

  /* Activating a row opens the event; back returns to the list. */
  g_signal_emit_by_name (list, "activate", 3);
  storyline_test_drain ();
  g_assert_cmpint (storyline_window_get_visible_pane (window), ==, STORYLINE_PANE_DETAILS);
  g_assert_false (gtk_widget_get_visible (list_pane));
  g_assert_true (gtk_widget_get_visible (details_pane));
  g_assert_cmpstr (storyline_event_get_id (storyline_window_get_selected_event (window)), ==, "hasina-ouster");

  activate (window, "win.show-sources", NULL);
  g_assert_cmpint (storyline_window_get_visible_pane (window), ==, STORYLINE_PANE_SOURCES);
  g_assert_true (gtk_widget_get_visible (sources_pane));
  g_assert_false (gtk_widget_get_visible (details_pane));

  activate (window, "win.back", NULL);
  g_assert_cmpint (storyline_window_get_visible_pane (window), ==, STORYLINE_PANE_DETAILS);
  activate (window, "win.back", NULL);
  g_assert_cmpint (storyline_window_get_visible_pane (window), ==, STORYLINE_PANE_EVENTS);
  g_assert_true (gtk_widget_get_visible (list_pane));

  /* The selection is still there when going back. */
  g_assert_cmpstr (storyline_event_get_id (storyline_window_get_selected_event (window)), ==, "hasina-ouster");

  storyline_test_close_window (window);
}

static void
text_received (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static gboolean
has_text (gpointer data)
{
  return *(char **) data != NULL;
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_copy_quote (void)
{
  StorylineWindow *window = open_window (1280, 800);
  g_autofree char *text = NULL;
  GtkWidget *card;

  storyline_window_select_event (window, event (window, "yunus-meeting"));
  storyline_test_drain ();
  card = find_widget (GTK_WIDGET (window), g_type_from_name ("StorylineQuoteCard"));
  g_assert_nonnull (card);
  gtk_widget_grab_focus (card);
  g_assert_true (gtk_widget_activate_action (card, "quote.copy", NULL));
  /* Said in the window, and to screen readers (before the main loop runs:
   * the toast goes by itself). */
  assert_toast (window, "Quote copied, with who said it and where");

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (card), NULL, text_received, &text);
  storyline_test_wait_until (has_text, &text);
  g_assert_true (g_str_has_prefix (text, "“Our two countries will support each other.”\n— Sahir Shamshad Mirza, General; Chairman"));
  g_assert_nonnull (strstr (text, "25 October 2025"));
  g_assert_nonnull (strstr (text, "Source: Chief Adviser’s Press Wing. (2025). [Statement on the CJCSC’s courtesy call on the Chief Adviser] [Press release]."));

  storyline_test_close_window (window);
}


static void
press_shortcut (StorylineWindow *window,
                const char      *trigger)
{
  storyline_test_press_shortcut (GTK_WIDGET (window), trigger);
}

/* @widget's event controller named @name. */
static GtkEventController *
named_controller (GtkWidget  *widget,
                  const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (c), name) == 0)
        return c;
    }
  return NULL;
}

static void
test_search_shortcut (void)
{
  StorylineWindow *window = open_window (1280, 800);
  GtkSearchBar *bar = GTK_SEARCH_BAR (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "search_bar"));

  g_assert_false (gtk_search_bar_get_search_mode (bar));
  press_shortcut (window, "<Control>f");
  g_assert_true (gtk_search_bar_get_search_mode (bar));

  storyline_test_close_window (window);
}

/* A child of the sources pane's template. */
static GObject *
sources_pane_child (StorylineWindow *window,
                    const char      *name)
{
  GtkWidget *pane = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "sources_pane"));
  return gtk_widget_get_template_child (pane, STORYLINE_TYPE_SOURCES_PANE, name);
}

/* The recent stories are the application's: every window's menu shows them. */
static void
test_recent_menu (void)
{
  StorylineWindow *window = open_window (1280, 800);
  StorylineWindow *second = open_window (1280, 800);
  GMenuModel *mine = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "recent_menu"));
  GMenuModel *theirs = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (second), STORYLINE_TYPE_WINDOW, "recent_menu"));
  GMenuModel *recent = storyline_application_get_recent_menu (STORYLINE_APPLICATION (app));
  g_autoptr(GMenuModel) section = NULL;
  g_autoptr(GMenuModel) other = NULL;

  g_assert_cmpint (g_menu_model_get_n_items (mine), ==, 1);
  section = g_menu_model_get_item_link (mine, 0, G_MENU_LINK_SECTION);
  other = g_menu_model_get_item_link (theirs, 0, G_MENU_LINK_SECTION);
  g_assert_true (section == recent);
  g_assert_true (other == recent);
  /* Never empty: "No Recent Stories" when there are none. */
  g_assert_cmpint (g_menu_model_get_n_items (recent), >, 0);

  storyline_test_close_window (second);
  storyline_test_close_window (window);
}

static void
collect_labels (GtkWidget *root,
                GString   *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_fidelity_shown_and_announced (void)
{
  StorylineWindow *window = open_window (1280, 800);
  GtkWidget *view = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "event_view");
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *diff;
  char *error;

  storyline_window_select_event (window, event (window, "ispr-release"));
  storyline_test_drain ();
  collect_labels (view, text);

  /* Verdicts in words. */
  g_assert_nonnull (strstr (text->str, "Altered\n"));
  g_assert_nonnull (strstr (text->str, "Spelling differs\n"));
  g_assert_nonnull (strstr (text->str, "Excerpt\n"));
  g_assert_nonnull (strstr (text->str, "Verbatim\n"));
  /* Where an excerpt sits, counted as a reader counts; the lesser differences beside the verdict. */
  g_assert_nonnull (strstr (text->str, "Excerpt: words 1 to 19 of the 30 in the original.\n"));
  g_assert_nonnull (strstr (text->str, "Excerpt: words 5 to 30 of the 30 in the original, with British/American spelling.\n"));

  /* The seed's misquote shown on its text as printed, the markers in the text itself. */
  diff = find_label (view, "Both sides expressed optimism about [−improving defence and security−] {+enhancing defense+}");
  g_assert_nonnull (diff);
  g_assert_nonnull (gtk_label_get_attributes (GTK_LABEL (diff)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (diff)), "military-to-military engagements and related initiatives,"));

  /* …and announced in words. */
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (diff), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              "“improving defence and security” became “enhancing defense”. “expanding” became “expand”.");
  if (error != NULL)
    g_error ("%s", error);

  /* The provenance chain leads to cards in the sources pane. */
  g_assert_nonnull (find_label (view, "How it travelled"));
  g_assert_cmpuint (storyline_window_get_n_shown_sources (window), ==, 8);
  g_assert_null (storyline_window_get_selected_source (window));
  activate (window, "win.show-source", "bdvoice-rewrite");
  /* …which is marked, and holds the focus. */
  g_assert_true (storyline_window_get_selected_source (window) ==
                 storyline_story_lookup_source (storyline_window_get_story (window), "bdvoice-rewrite"));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    GtkWidget *pane = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "sources_pane"));
    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, pane));
  }


  /* A word put in, in brackets: shown, and announced as the writer's. */
  storyline_window_select_event (window, event (window, "sylhet-visit"));
  storyline_test_drain ();
  g_string_truncate (text, 0);
  collect_labels (view, text);
  g_assert_nonnull (strstr (text->str, "Marked\n"));
  /* What is known of a rebuilt rendition's printed text, under it. */
  g_assert_nonnull (strstr (text->str, "About this text: The fact sheet records that Dawn"));
  diff = find_label (view, "The CJCSC also visited");
  g_assert_nonnull (diff);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (diff)), "sacrifices in {+[the]+} fight"));
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (diff), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              "Put in by the writer: “[the]”.");
  if (error != NULL)
    g_error ("%s", error);

  storyline_test_close_window (window);
}

static void
collect_rows (GtkWidget *root,
              GPtrArray *rows)
{
  if (STORYLINE_IS_EVENT_ROW (root) && storyline_event_row_get_event (STORYLINE_EVENT_ROW (root)) != NULL)
    g_ptr_array_add (rows, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static void
test_selected_source_marks_events (void)
{
  StorylineWindow *window = open_window (1280, 800);
  StorylineSource *dawn;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint marked = 0, unmarked = 0;

  storyline_window_select_event (window, event (window, "ispr-release"));
  storyline_test_drain ();
  activate (window, "win.show-source", "dawn-1951558");
  dawn = storyline_window_get_selected_source (window);
  g_assert_nonnull (dawn);
  g_assert_cmpstr (storyline_source_get_id (dawn), ==, "dawn-1951558");

  /* Every row on screen is marked exactly when its event cites Dawn. */
  collect_rows (GTK_WIDGET (window), rows);
  g_assert_cmpuint (rows->len, >, 5);
  for (guint i = 0; i < rows->len; i++)
    {
      StorylineEvent *e = storyline_event_row_get_event (rows->pdata[i]);
      gboolean cites = FALSE;

      for (guint j = 0; j < storyline_event_get_n_sources (e); j++)
        cites |= storyline_event_get_source (e, j)->source == dawn;
      g_assert_cmpint (storyline_event_row_get_cites_selected_source (rows->pdata[i]), ==, cites);
      if (cites)
        marked++;
      else
        unmarked++;
    }
  g_assert_cmpuint (marked, >=, 1);
  g_assert_cmpuint (unmarked, >=, 1);

  storyline_test_close_window (window);
}

/* Each row is one line of title; a title cut short is whole in the
 * row's tooltip, and only then. */
static void
test_row_title_tooltip (gconstpointer data)
{
  int width = GPOINTER_TO_INT (data);
  StorylineWindow *window = open_window (width, 720);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint cut = 0, whole = 0;

  if (width <= 400)
    storyline_test_wait_until (is_narrow, window);
  storyline_test_drain ();
  collect_rows (GTK_WIDGET (window), rows);
  g_assert_cmpuint (rows->len, >, 5);
  for (guint i = 0; i < rows->len; i++)
    {
      StorylineEventRow *row = rows->pdata[i];
      const char *title;
      g_autofree char *tooltip = NULL;

      /* GTK 4.8 lays out only the rows on screen. */
      if (!gtk_widget_get_mapped (GTK_WIDGET (row)) || gtk_widget_get_width (GTK_WIDGET (row)) == 0)
        continue;
      title = storyline_event_get_title (storyline_event_row_get_event (row));
      tooltip = storyline_event_row_dup_title_tooltip (row);

      if (tooltip != NULL)
        {
          g_assert_cmpstr (tooltip, ==, title);
          cut++;
        }
      else
        whole++;
      /* Long titles are the ones cut: in a narrow list, every title longer
       * than 60 characters; a short one never. */
      if (g_utf8_strlen (title, -1) > 60 && width <= 400)
        g_assert_nonnull (tooltip);
      if (g_utf8_strlen (title, -1) < 25)
        g_assert_null (tooltip);
    }
  g_assert_cmpuint (cut, >=, 1);
  g_assert_cmpuint (whole, >=, 1);

  storyline_test_close_window (window);
}

static void
test_citation_style (void)
{
  StorylineWindow *window = open_window (1280, 800);
  GtkDropDown *style = GTK_DROP_DOWN (sources_pane_child (window, "style_dropdown"));
  GtkWidget *sources = GTK_WIDGET (sources_pane_child (window, "sources_box"));
  g_autofree char *text = NULL;
  StorylineWindow *second;

  storyline_window_select_event (window, event (window, "sibi-berths"));
  storyline_test_drain ();
  g_assert_cmpint (storyline_window_get_citation_style (window), ==, STORYLINE_CITATION_APA);
  g_assert_nonnull (find_label (sources, "[Report on the MV Sibi berthing at Chattogram with Pakistani rice]. (2025, March 6). Voice7 News."));

  /* MLA: the cards change, and so does what is copied. */
  gtk_drop_down_set_selected (style, 2);
  storyline_test_drain ();
  g_assert_cmpint (storyline_window_get_citation_style (window), ==, STORYLINE_CITATION_MLA);
  g_assert_nonnull (find_label (sources, "“[Report on the MV Sibi Berthing at Chattogram with Pakistani Rice].” Voice7 News, 6 Mar. 2025"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-all-citations", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL, text_received, &text);
  storyline_test_wait_until (has_text, &text);
  g_assert_true (g_str_has_prefix (text, "“[Report on the MV Sibi Berthing at Chattogram with Pakistani Rice].” Voice7 News, 6 Mar. 2025, https://voice7news.tv/business/news/16636.\n"));
  g_assert_nonnull (strstr (text, "Banglanews24, 5 Mar. 2025.\n"));
  /* The event's quotes cite their origins in the same style. */
  g_assert_cmpint (storyline_event_view_get_citation_style (STORYLINE_EVENT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "event_view"))),
                   ==, STORYLINE_CITATION_MLA);

  /* Remembered: the next window cites in MLA too, its quotes as well. */
  second = open_window (1280, 800);
  g_assert_cmpint (storyline_window_get_citation_style (second), ==, STORYLINE_CITATION_MLA);
  g_assert_cmpint (storyline_event_view_get_citation_style (STORYLINE_EVENT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (second), STORYLINE_TYPE_WINDOW, "event_view"))),
                   ==, STORYLINE_CITATION_MLA);
  gtk_drop_down_set_selected (style, 0);
  storyline_test_close_window (second);
  storyline_test_close_window (window);
}

static char *
copy_from (GtkWidget  *widget,
           const char *action)
{
  char *text = NULL;

  g_assert_true (gtk_widget_activate_action (widget, action, NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, text_received, &text);
  storyline_test_wait_until (has_text, &text);
  return text;
}

static gboolean
has_event_e1 (gpointer data)
{
  StorylineStory *story = storyline_window_get_story (data);
  return story != NULL && storyline_story_lookup_event (story, "e1") != NULL;
}

/* A source card copies the full entry, and from its menu the in-text form
 * with the locator where the event cites it, in the window's style. */
static void
test_copy_in_text_citation (void)
{
  StorylineWindow *window = open_window (1280, 800);
  GtkDropDown *style = GTK_DROP_DOWN (sources_pane_child (window, "style_dropdown"));
  const char *json =
    "{\"format\":\"storyline\",\"version\":1,\"story\":{\"title\":\"Copy\"},"
    "\"events\":[{\"id\":\"e1\",\"title\":\"Talks\",\"date\":\"2025-02-23\","
    "\"sources\":[{\"source\":\"s1\",\"locator\":\"para. 3\"}]}],"
    "\"sources\":[{\"id\":\"s1\",\"type\":\"article-newspaper\",\"title\":\"Bangladesh resumes direct trade\","
    "\"container-title\":\"Arab News\",\"author\":[{\"family\":\"Rahman\",\"given\":\"Shaikh Azizur\"},"
    "{\"family\":\"Chowdhury\",\"given\":\"Nur-Jahan\"}],\"issued\":{\"date-parts\":[[2025,2,23]]}}]}";
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *entry = NULL;
  g_autofree char *in_text = NULL;
  g_autofree char *mla = NULL;
  GtkWidget *card, *menu_button;
  GMenuModel *menu;
  int fd = g_file_open_tmp ("storyline-XXXXXX.json", &path, NULL);

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  file = g_file_new_for_path (path);
  storyline_window_load_file (window, file);
  storyline_test_wait_until (has_event_e1, window);
  storyline_window_select_event (window, storyline_story_lookup_event (storyline_window_get_story (window), "e1"));
  storyline_test_drain ();

  card = find_widget (GTK_WIDGET (window), g_type_from_name ("StorylineSourceCard"));
  g_assert_nonnull (card);
  menu_button = find_widget (card, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (menu_button);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
  g_assert_nonnull (menu);

  entry = copy_from (card, "source.copy");
  g_assert_cmpstr (entry, ==, "Rahman, S. A., & Chowdhury, N.-J. (2025, February 23). Bangladesh resumes direct trade. Arab News.");
  in_text = copy_from (card, "source.copy-in-text");
  g_assert_cmpstr (in_text, ==, "(Rahman & Chowdhury, 2025, para. 3)");

  gtk_drop_down_set_selected (style, 2);
  storyline_test_drain ();
  card = find_widget (GTK_WIDGET (window), g_type_from_name ("StorylineSourceCard"));
  mla = copy_from (card, "source.copy-in-text");
  g_assert_cmpstr (mla, ==, "(Rahman and Chowdhury, par. 3)");

  gtk_drop_down_set_selected (style, 0);
  storyline_test_close_window (window);
  g_unlink (path);
}

/* A quote's "First issued in" cites in the window's style. */
static void
test_quote_origin_style (void)
{
  StorylineWindow *window = open_window (1280, 800);
  GtkDropDown *style = GTK_DROP_DOWN (sources_pane_child (window, "style_dropdown"));
  g_autoptr(GString) apa = g_string_new (NULL);
  g_autoptr(GString) mla = g_string_new (NULL);
  GtkWidget *card;

  storyline_window_select_event (window, event (window, "yunus-meeting"));
  storyline_test_drain ();
  card = find_widget (GTK_WIDGET (window), g_type_from_name ("StorylineQuoteCard"));
  g_assert_nonnull (card);
  collect_labels (card, apa);
  g_assert_nonnull (strstr (apa->str, "First issued in: \u2068Chief Adviser’s Press Wing. (2025). [Statement on the CJCSC’s courtesy call on the Chief Adviser] [Press release].\u2069"));

  gtk_drop_down_set_selected (style, 2);
  storyline_test_drain ();
  collect_labels (card, mla);
  g_assert_nonnull (strstr (mla->str, "First issued in: \u2068Chief Adviser’s Press Wing. [Statement on the CJCSC’s Courtesy Call on the Chief Adviser]. Press release. 26 Oct. 2025.\u2069"));

  gtk_drop_down_set_selected (style, 0);
  storyline_test_close_window (window);
}

static gboolean
is_destroyed (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_remembers_size_and_panes (void)
{
  StorylineWindow *window = open_window (1100, 700);
  GtkPaned *outer = GTK_PANED (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "outer_paned"));
  gpointer weak = window;
  gboolean newest_first = FALSE;
  int width, height;

  gtk_paned_set_position (outer, 412);
  activate (window, "win.newest-first", NULL);
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  /* Closed as a person closes it, which is when the state is saved. */
  gtk_window_close (GTK_WINDOW (window));
  storyline_test_wait_until (is_destroyed, &weak);

  window = storyline_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1100);
  g_assert_cmpint (height, ==, 700);
  outer = GTK_PANED (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "outer_paned"));
  g_assert_cmpint (gtk_paned_get_position (outer), ==, 412);
  g_object_get (window, "newest-first", &newest_first, NULL);
  g_assert_true (newest_first);
  activate (window, "win.newest-first", NULL);
  storyline_test_close_window (window);
}

/* Every copy says so: a citation, the short form, all of an event's. */
static void
test_copy_confirmed (void)
{
  StorylineWindow *window = open_window (1280, 800);
  GtkWidget *card;

  storyline_window_select_event (window, event (window, "sibi-berths"));
  storyline_test_drain ();
  card = find_widget (GTK_WIDGET (sources_pane_child (window, "sources_box")), g_type_from_name ("StorylineSourceCard"));
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_activate_action (card, "source.copy", NULL));
  assert_toast (window, "Citation copied");
  /* Ctrl+C in the card copies its citation too. */
  storyline_test_press_shortcut (card, "<Control>c");
  assert_toast (window, "Citation copied");
  g_assert_true (gtk_widget_activate_action (card, "source.copy-in-text", NULL));
  assert_toast (window, "In-text citation copied");

  /* The event's own sources: the two that report the berthing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-all-citations", NULL));
  assert_toast (window, "2 citations copied");

  /* Ctrl+Shift+C copies them too. */
  press_shortcut (window, "<Shift><Control>c");
  assert_toast (window, "2 citations copied");

  storyline_test_close_window (window);
}

/* At launch the list has the focus; Down in the search entry goes to the
 * results. */
static void
test_keyboard (void)
{
  StorylineWindow *window = open_window (1280, 800);
  GtkWidget *list = GTK_WIDGET (event_list_view_child (window, "event_list"));
  GtkWidget *entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "search_entry"));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkEventController *keys = NULL;
  gboolean handled = FALSE;

  g_assert_nonnull (focus);
  g_assert_true (focus == list || gtk_widget_is_ancestor (focus, list));

  activate (window, "win.search", NULL);
  storyline_window_set_search (window, "Dawn");
  gtk_widget_grab_focus (entry);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  keys = named_controller (entry, "storyline-search-keys");
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  g_assert_true (handled);
  storyline_test_drain ();
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == list || gtk_widget_is_ancestor (focus, list));
  /* The search stays, and an event is selected. */
  g_assert_cmpuint (n_visible (window), ==, 6);
  g_assert_nonnull (storyline_window_get_selected_event (window));

  /* Export has a shortcut (Ctrl+E is kept for editing). */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.export");

    g_assert_nonnull (accels[0]);
    g_assert_cmpstr (accels[0], ==, "<Shift><Control>e");
  }

  /* Tab leaves the list for the event; Shift+Tab goes back to the search. */
  {
    GtkEventController *list_keys = named_controller (list, "storyline-list-keys");
    GtkWidget *view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "event_view"));

    g_assert_nonnull (list_keys);
    g_signal_emit_by_name (list_keys, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
    g_assert_true (handled);
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (gtk_widget_is_ancestor (focus, view));

    gtk_widget_grab_focus (list);
    handled = FALSE;
    g_signal_emit_by_name (list_keys, "key-pressed", GDK_KEY_ISO_Left_Tab, 0, GDK_SHIFT_MASK, &handled);
    g_assert_true (handled);
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  }

  storyline_test_close_window (window);
}

static gboolean
has_story_ispr (gpointer data)
{
  StorylineStory *story = storyline_window_get_story (data);
  return story != NULL && storyline_story_lookup_event (story, "ispr-release") != NULL;
}

/* A story that opens with warnings says so in the window: a banner with
 * each warning, its suggestion, and Copy Details. */
static void
test_warnings_banner (void)
{
  StorylineWindow *window = open_window (1280, 800);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", "good", "unknown-keys.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "problems_revealer"));
  GtkWidget *banner = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "banner_problems"));
  g_autofree char *text = NULL;

  /* The bundled story has none. */
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  storyline_window_load_file (window, file);
  storyline_test_wait_until (has_event_e1, window);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (find_label (banner, "“unknown-keys.json” opened with 4 warnings: what they name is left out"));
  g_assert_nonnull (strstr (storyline_problem_view_get_details (STORYLINE_PROBLEM_VIEW (banner)),
                            ": story.titel: warning: unknown key “titel”, ignored; did you mean “title”?\n"));

  g_assert_true (gtk_widget_activate_action (banner, "problems.copy", NULL));
  assert_toast (window, "Details copied");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (banner), NULL, text_received, &text);
  storyline_test_wait_until (has_text, &text);
  g_assert_nonnull (strstr (text, "did you mean “date”?"));

  /* Copying the citations of an event that cites none says so. */
  storyline_window_select_event (window, storyline_story_lookup_event (storyline_window_get_story (window), "e1"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-all-citations", NULL));
  assert_toast (window, "Nothing copied: this event cites no source");

  /* Dismissed, it goes; the story stays. */
  activate (window, "win.dismiss-problems", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (storyline_story_lookup_event (storyline_window_get_story (window), "e1"));

  /* A story without warnings shows none. */
  storyline_window_load_resource (window, STORYLINE_BUNDLED_STORY);
  storyline_test_wait_until (has_story_ispr, window);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  storyline_test_close_window (window);
}

static gboolean
has_bundled (gpointer data)
{
  StorylineStory *story = storyline_window_get_story (data);
  return story != NULL && storyline_story_lookup_event (story, "navy-pso-calls") != NULL;
}

static gboolean
has_example (gpointer data)
{
  StorylineStory *story = storyline_window_get_story (data);
  return story != NULL && storyline_story_lookup_event (story, "arabnews-report") != NULL &&
         storyline_story_lookup_event (story, "navy-pso-calls") == NULL;
}

/* The example story opens from the menu: small and complete, as the
 * README promises (3 events, 2 actors, 1 quote with 2 renditions, 3
 * sources), its name in the title. */
static void
test_example_story (void)
{
  StorylineWindow *window = open_window (1280, 800);
  StorylineStory *story;
  StorylineQuote *quote;

  activate (window, "win.open-example", NULL);
  storyline_test_wait_until (has_example, window);
  story = storyline_window_get_story (window);
  g_assert_cmpuint (storyline_story_get_events (story)->len, ==, 3);
  g_assert_cmpuint (storyline_story_get_actors (story)->len, ==, 2);
  g_assert_cmpuint (storyline_story_get_quotes (story)->len, ==, 1);
  g_assert_cmpuint (storyline_story_get_sources (story)->len, ==, 3);
  quote = storyline_story_get_quotes (story)->pdata[0];
  g_assert_cmpuint (storyline_quote_get_n_renditions (quote), ==, 2);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "example.json"));
  /* The About dialog's icon is found from the build tree too. */
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window))),
                                          "io.github.storyline.Storyline"));
  /* It opens without a warning. */
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "problems_revealer"))));

  activate (window, "win.open-bundled", NULL);
  storyline_test_wait_until (has_bundled, window);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "bundled story"));

  storyline_test_close_window (window);
}

/* The row showing @e, among the rows the list view holds. */
static GtkWidget *
row_of (StorylineWindow *window,
        StorylineEvent  *e)
{
  GtkWidget *list = GTK_WIDGET (event_list_view_child (window, "event_list"));
  GType row_type = g_type_from_name ("StorylineEventRow");
  GPtrArray *stack = g_ptr_array_new ();
  GtkWidget *found = NULL;

  g_ptr_array_add (stack, list);
  while (stack->len > 0 && found == NULL)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, row_type) && storyline_event_row_get_event (STORYLINE_EVENT_ROW (w)) == e)
        found = w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_ptr_array_unref (stack);
  return found;
}

static gboolean
scrolled_down (gpointer data)
{
  return gtk_adjustment_get_value (data) > 0;
}

/* What a search matched is highlighted in the rows and in the event, and
 * the first quote it is in comes into view. */
static void
test_search_highlight (void)
{
  StorylineWindow *window = open_window (1280, 800);
  GtkWidget *view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "event_view"));
  GtkLabel *title = GTK_LABEL (gtk_widget_get_template_child (view, STORYLINE_TYPE_EVENT_VIEW, "title_label"));
  GtkLabel *summary = GTK_LABEL (gtk_widget_get_template_child (view, STORYLINE_TYPE_EVENT_VIEW, "summary_label"));
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (view, STORYLINE_TYPE_EVENT_VIEW, "scroller"));
  GtkWidget *row;
  GtkLabel *row_title;

  storyline_window_set_search (window, "mirza calls");
  storyline_window_select_event (window, event (window, "yunus-meeting"));
  storyline_test_drain ();
  /* "General [Mirza] [calls] on Chief Adviser Muhammad Yunus" */
  g_assert_cmpuint (storyline_label_count_highlights (title), ==, 2);
  g_assert_cmpuint (storyline_label_count_highlights (summary), >=, 1);
  row = row_of (window, event (window, "yunus-meeting"));
  g_assert_nonnull (row);
  row_title = GTK_LABEL (gtk_widget_get_template_child (row, STORYLINE_TYPE_EVENT_ROW, "title_label"));
  g_assert_cmpuint (storyline_label_count_highlights (row_title), ==, 2);

  /* Cleared: nothing highlighted. */
  storyline_window_set_search (window, "");
  storyline_test_drain ();
  g_assert_cmpuint (storyline_label_count_highlights (title), ==, 0);
  row = row_of (window, event (window, "yunus-meeting"));
  row_title = GTK_LABEL (gtk_widget_get_template_child (row, STORYLINE_TYPE_EVENT_ROW, "title_label"));
  g_assert_cmpuint (storyline_label_count_highlights (row_title), ==, 0);

  /* Words only in the event's second quote: it is scrolled to, and its
   * words are marked. */
  storyline_window_select_event (window, event (window, "ispr-release"));
  storyline_test_drain ();
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scroller)), ==, 0);
  storyline_window_set_search (window, "fraternal ties");
  storyline_test_wait_until (scrolled_down, gtk_scrolled_window_get_vadjustment (scroller));
  {
    GtkWidget *card = find_widget (view, g_type_from_name ("StorylineQuoteCard"));
    guint n_marked = 0;

    for (; card != NULL; card = gtk_widget_get_next_sibling (card))
      {
        GtkLabel *text = GTK_LABEL (gtk_widget_get_template_child (card, g_type_from_name ("StorylineQuoteCard"), "text_label"));
        n_marked += storyline_label_count_highlights (text) > 0;
      }
    g_assert_cmpuint (n_marked, ==, 1);
  }

  storyline_window_set_search (window, "");
  storyline_test_close_window (window);
}

static gboolean
banner_shown (gpointer data)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (data), STORYLINE_TYPE_WINDOW, "problems_revealer")));
}

/* A story with a broken item does not open; Open Anyway opens it without
 * that item, and the banner lists what was left out. */
static void
test_open_anyway (void)
{
  static const char json[] =
    "{\"format\": \"storyline\", \"version\": 1, \"story\": {\"title\": \"Mostly fine\"},"
    " \"events\": [{\"id\": \"e1\", \"title\": \"Fine\", \"date\": \"2025\"},"
    "  {\"id\": \"e2\", \"title\": \"Bad date\", \"date\": \"2 March 2025\"}]}";
  StorylineWindow *window = open_window (1280, 800);
  GtkWidget *banner = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "banner_problems"));
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  int fd = g_file_open_tmp ("storyline-anyway-XXXXXX.json", &path, NULL);

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  file = g_file_new_for_path (path);

  storyline_window_load_file (window, file);
  storyline_test_wait_until (banner_shown, window);
  /* Not opened: the bundled story stays, and Open Anyway is offered. */
  g_assert_nonnull (storyline_story_lookup_event (storyline_window_get_story (window), "ispr-release"));
  g_assert_true (storyline_problem_view_can_open_anyway (STORYLINE_PROBLEM_VIEW (banner)));

  activate (window, "win.open-anyway", NULL);
  storyline_test_wait_until (has_event_e1, window);
  g_assert_cmpuint (storyline_story_get_events (storyline_window_get_story (window))->len, ==, 1);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "problems_revealer"))));
  g_assert_nonnull (strstr (storyline_problem_view_get_details (STORYLINE_PROBLEM_VIEW (banner)),
                            "events[1] (event 2, id \"e2\"): warning: left out: events[1].date: not a date of the format: “2 March 2025”: dates are written year-month-day: “2025-03-02”"));
  /* Warnings only now: nothing more to open anyway. */
  g_assert_false (storyline_problem_view_can_open_anyway (STORYLINE_PROBLEM_VIEW (banner)));

  storyline_test_close_window (window);
  g_unlink (path);
}

static gboolean
shows_file (gpointer data)
{
  StorylineWindow *window = data;
  GFile *file = storyline_window_get_file (window);

  return file != NULL && g_str_has_suffix (g_file_peek_path (file), "saved-story.json") && !storyline_window_is_loading (window);
}

/* Save As writes the story in the canonical form, says so, and the window
 * shows the story from the new file. */
static void
test_save_as (void)
{
  StorylineWindow *window = open_window (1280, 800);
  g_autofree char *dir = g_dir_make_tmp ("storyline-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved-story.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *saved = NULL;

  storyline_story_write (storyline_window_get_story (window), expected);
  g_assert_true (storyline_window_save_as_file (window, file));
  assert_toast (window, "Saved “saved-story.json”");
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==, expected->str);

  storyline_test_wait_until (shows_file, window);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "saved-story.json"));
  g_assert_cmpuint (storyline_story_get_events (storyline_window_get_story (window))->len, ==, 22);

  storyline_test_close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  storyline_register_resource ();

  app = storyline_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/window/bundled-story-opens", test_bundled_story_opens);
  g_test_add_func ("/window/newest-first", test_newest_first);
  g_test_add_func ("/window/select-shows-quotes-and-sources", test_selecting_shows_quotes_and_sources);
  g_test_add_func ("/window/search", test_search);
  g_test_add_func ("/window/copy-confirmed", test_copy_confirmed);
  g_test_add_func ("/window/keyboard", test_keyboard);
  g_test_add_func ("/window/warnings-banner", test_warnings_banner);
  g_test_add_func ("/window/example-story", test_example_story);
  g_test_add_func ("/window/open-anyway", test_open_anyway);
  g_test_add_func ("/window/save-as", test_save_as);
  g_test_add_func ("/window/search-keeps-selection", test_search_keeps_selection);
  g_test_add_func ("/window/search-highlight", test_search_highlight);
  g_test_add_func ("/window/empty-state", test_empty_state);
  g_test_add_func ("/window/filter-by-source", test_filter_by_source_keeps_selection);
  g_test_add_func ("/window/filter-by-actor", test_filter_by_actor);
  g_test_add_func ("/window/narrow-layout", test_narrow_layout);
  g_test_add_data_func ("/window/row-title-tooltip/wide", GINT_TO_POINTER (1280), test_row_title_tooltip);
  g_test_add_data_func ("/window/row-title-tooltip/narrow", GINT_TO_POINTER (360), test_row_title_tooltip);
  g_test_add_func ("/window/copy-quote", test_copy_quote);
  g_test_add_func ("/window/search-shortcut", test_search_shortcut);
  g_test_add_func ("/window/fidelity-shown-and-announced", test_fidelity_shown_and_announced);
  g_test_add_func ("/window/recent-menu", test_recent_menu);
  g_test_add_func ("/window/selected-source-marks-events", test_selected_source_marks_events);
  g_test_add_func ("/window/citation-style", test_citation_style);
  g_test_add_func ("/window/copy-in-text-citation", test_copy_in_text_citation);
  g_test_add_func ("/window/quote-origin-style", test_quote_origin_style);
  g_test_add_func ("/window/remembers-size-and-panes", test_remembers_size_and_panes);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
