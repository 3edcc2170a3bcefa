/* test-opening.c: opening story files, with errors explained and nothing
 * lost, live reload, cancelling, drag and drop
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "storyline-application.h"
#include "storyline-problem-view.h"
#include "storyline-resources.h"
#include "storyline-test-utils.h"
#include "storyline-window.h"

static StorylineApplication *app;
static char *tmp_dir;

static gboolean
not_loading (gpointer data)
{
  return !storyline_window_is_loading (data) && storyline_window_get_story (data) != NULL;
}

static gboolean
settled (gpointer data)
{
  return !storyline_window_is_loading (data);
}

static char *
write_story (const char *name,
             const char *contents)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static const char *
story_json (const char *second_title)
{
  static char buffer[1024];

  g_snprintf (buffer, sizeof buffer,
              "{\"format\":\"storyline\",\"version\":1,\"story\":{\"title\":\"Edited on disk\"},\"events\":["
              "{\"id\":\"e1\",\"title\":\"First\",\"date\":\"2025-01\"},"
              "{\"id\":\"e2\",\"title\":\"%s\",\"date\":\"2025-02\"},"
              "{\"id\":\"e3\",\"title\":\"Third\",\"date\":\"2025-03\"}]}",
              second_title);
  return buffer;
}

static StorylineWindow *
bundled_window (void)
{
  StorylineWindow *window = storyline_window_new (app);

  storyline_window_load_resource (window, STORYLINE_BUNDLED_STORY);
  gtk_window_present (GTK_WINDOW (window));
  storyline_test_wait_until (not_loading, window);
  return window;
}

static gpointer
template_child (StorylineWindow *window,
                const char      *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, name);
}

static void
test_open_good_file (void)
{
  StorylineWindow *window = bundled_window ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", "good", "full.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  storyline_window_load_file (window, file);
  storyline_test_wait_until (settled, window);
  g_assert_cmpstr (storyline_story_get_title (storyline_window_get_story (window)), ==, "Every field");
  g_assert_true (g_file_equal (storyline_window_get_file (window), file));
  /* The title says which story and which file. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Every field — full.json");
  g_assert_false (gtk_revealer_get_reveal_child (template_child (window, "problems_revealer")));

  storyline_test_close_window (window);
}

static void
test_open_bad_file_keeps_story (void)
{
  StorylineWindow *window = bundled_window ();
  StorylineStory *before = storyline_window_get_story (window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", "bad", "month-13.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  StorylineProblemView *banner = template_child (window, "banner_problems");
  const char *details;

  storyline_window_load_file (window, file);
  storyline_test_wait_until (settled, window);

  /* The story that was open stays open… */
  g_assert_true (storyline_window_get_story (window) == before);
  g_assert_null (storyline_window_get_file (window));
  g_assert_cmpuint (g_list_model_get_n_items (storyline_window_get_visible_events (window)), ==, 22);
  /* …and the problem is explained where and what. */
  g_assert_true (gtk_revealer_get_reveal_child (template_child (window, "problems_revealer")));
  details = storyline_problem_view_get_details (banner);
  g_assert_nonnull (strstr (details, "month-13.json: events[0].date (event 1, id \"e1\"): error: not a date of the format: “2025-13”: there is no month 13\n"));

  /* Trying again fails the same way and changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.retry-load", NULL));
  storyline_test_wait_until (settled, window);
  g_assert_true (storyline_window_get_story (window) == before);

  storyline_test_close_window (window);
}

static void
test_start_on_bad_file (void)
{
  StorylineWindow *window = storyline_window_new (app);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", "bad", "syntax-error.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkStack *stack = template_child (window, "main_stack");

  storyline_window_load_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  storyline_test_wait_until (settled, window);

  g_assert_null (storyline_window_get_story (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "problems");
  g_assert_nonnull (strstr (storyline_problem_view_get_details (template_child (window, "page_problems")),
                            "syntax-error.json:3:15: error: the JSON is not valid"));

  /* The bundled story is offered. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-bundled", NULL));
  storyline_test_wait_until (not_loading, window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "story");
  g_assert_cmpstr (storyline_story_get_title (storyline_window_get_story (window)), ==, "Pakistan and Bangladesh signal a thaw");

  storyline_test_close_window (window);
}

typedef struct
{
  StorylineWindow *window;
  StorylineStory *old;
} Changed;

static gboolean
story_replaced (gpointer data)
{
  Changed *c = data;
  return storyline_window_get_story (c->window) != c->old && !storyline_window_is_loading (c->window);
}

static gboolean
banner_shown (gpointer data)
{
  StorylineWindow *window = data;
  return gtk_revealer_get_reveal_child (template_child (window, "problems_revealer")) &&
         !storyline_window_is_loading (window);
}

static void
test_live_reload (void)
{
  g_autofree char *path = write_story ("live.json", story_json ("Second"));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  StorylineWindow *window = storyline_window_new (app);
  Changed changed = { window, NULL };
  StorylineStory *good;

  storyline_window_load_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  storyline_test_wait_until (not_loading, window);

  storyline_window_select_event (window, storyline_story_lookup_event (storyline_window_get_story (window), "e2"));
  storyline_window_set_search (window, "second");
  g_assert_cmpuint (g_list_model_get_n_items (storyline_window_get_visible_events (window)), ==, 1);

  /* Edited on disk: reloaded by itself, the selection and the search kept. */
  changed.old = storyline_window_get_story (window);
  g_free (write_story ("live.json", story_json ("Second, edited")));
  storyline_test_wait_until (story_replaced, &changed);
  g_assert_cmpstr (storyline_event_get_title (storyline_window_get_selected_event (window)), ==, "Second, edited");
  g_assert_cmpuint (g_list_model_get_n_items (storyline_window_get_visible_events (window)), ==, 1);

  /* An edit that breaks the file: the last good version stays. */
  good = storyline_window_get_story (window);
  g_free (write_story ("live.json", "{\"format\": \"storyline\", \"version\": 1, \"story\": {"));
  storyline_test_wait_until (banner_shown, window);
  g_assert_true (storyline_window_get_story (window) == good);
  g_assert_cmpstr (storyline_event_get_title (storyline_window_get_selected_event (window)), ==, "Second, edited");

  /* Fixed again: the banner goes. */
  changed.old = good;
  g_free (write_story ("live.json", story_json ("Second, fixed")));
  storyline_test_wait_until (story_replaced, &changed);
  g_assert_false (gtk_revealer_get_reveal_child (template_child (window, "problems_revealer")));

  /* Reload by hand. */
  changed.old = storyline_window_get_story (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  storyline_test_wait_until (story_replaced, &changed);

  storyline_test_close_window (window);
  g_unlink (path);
}

static void
test_cancel_large_load (void)
{
  StorylineWindow *window = bundled_window ();
  StorylineStory *before = storyline_window_get_story (window);
  g_autoptr(GString) big = g_string_new ("{\"format\":\"storyline\",\"version\":1,\"story\":{\"title\":\"Big\"},\"events\":[");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  for (guint i = 0; i < 60000; i++)
    g_string_append_printf (big, "%s{\"id\":\"e%u\",\"title\":\"Event number %u, with a title of some length\",\"date\":\"2025-01-01\",\"summary\":\"A summary that takes some room in the file.\"}",
                            i ? "," : "", i, i);
  g_string_append (big, "]}");
  g_assert_cmpuint (big->len, >, 4 << 20);
  path = write_story ("big.json", big->str);
  file = g_file_new_for_path (path);

  storyline_window_load_file (window, file);
  /* Big: the progress and its Cancel button show at once. */
  g_assert_true (storyline_window_is_loading (window));
  g_assert_true (gtk_revealer_get_reveal_child (template_child (window, "loading_revealer")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-load", NULL));
  g_assert_false (storyline_window_is_loading (window));

  /* Nothing changes, now or when the worker gives up. */
  storyline_test_iterate_for (1500);
  g_assert_true (storyline_window_get_story (window) == before);
  g_assert_null (storyline_window_get_file (window));
  g_assert_false (gtk_revealer_get_reveal_child (template_child (window, "problems_revealer")));
  g_assert_cmpuint (g_list_model_get_n_items (storyline_window_get_visible_events (window)), ==, 22);

  storyline_test_close_window (window);
  g_unlink (path);
}

static void
test_drop_files (void)
{
  StorylineWindow *window = bundled_window ();
  g_autofree char *first = write_story ("dropped-1.json", story_json ("Dropped"));
  g_autofree char *second = g_test_build_filename (G_TEST_DIST, "corpus", "good", "minimal.json", NULL);
  g_autoptr(GFile) file1 = g_file_new_for_path (first);
  g_autoptr(GFile) file2 = g_file_new_for_path (second);
  GSList *list = g_slist_append (g_slist_append (NULL, file1), file2);
  GValue value = G_VALUE_INIT;
  GtkDropTarget *target = NULL;
  guint windows_before = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  gboolean handled = FALSE;
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  StorylineWindow *other;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_object_unref (controllers);
  g_assert_nonnull (target);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, list);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  g_slist_free (list);
  g_assert_true (handled);

  /* The first file here, the second in a window of its own. */
  storyline_test_wait_until (not_loading, window);
  g_assert_true (g_file_equal (storyline_window_get_file (window), file1));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, windows_before + 1);
  other = NULL;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (l->data != window && STORYLINE_IS_WINDOW (l->data))
      other = l->data;
  g_assert_nonnull (other);
  storyline_test_wait_until (not_loading, other);
  g_assert_true (g_file_equal (storyline_window_get_file (other), file2));

  /* Opening a story that is open already raises its window. */
  g_application_open (G_APPLICATION (app), &file2, 1, "");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, windows_before + 1);

  storyline_test_close_window (other);
  storyline_test_close_window (window);
  g_unlink (first);
}

static void
test_hostile_text_shown_safely (void)
{
  StorylineWindow *window = bundled_window ();
  g_autofree char *markup_path = g_test_build_filename (G_TEST_DIST, "corpus", "hostile", "markup-and-format-specifiers.json", NULL);
  g_autofree char *rtl_path = g_test_build_filename (G_TEST_DIST, "corpus", "hostile", "rtl-override-titles.json", NULL);
  g_autoptr(GFile) markup_file = g_file_new_for_path (markup_path);
  g_autoptr(GFile) rtl_file = g_file_new_for_path (rtl_path);
  GtkLabel *title = template_child (window, "title_label");
  const char *markup = "<b>bold</b> <span foreground=\"red\">red</span> &amp; %s %n %x %1$s {0} ${HOME} \\u0000 <a href=\"javascript:alert(1)\">x</a>";

  /* Markup and format specifiers are shown as the characters they are. */
  storyline_window_load_file (window, markup_file);
  storyline_test_wait_until (settled, window);
  g_assert_cmpstr (gtk_label_get_text (title), ==, markup);
  g_assert_false (gtk_label_get_use_markup (title));

  /* A right-to-left override cannot disguise a title. */
  storyline_window_load_file (window, rtl_file);
  storyline_test_wait_until (settled, window);
  g_assert_cmpstr (gtk_label_get_text (title), ==, "evil.exe\u202c story");
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "\u202e"));

  storyline_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  storyline_register_resource ();
  tmp_dir = g_dir_make_tmp ("storyline-opening-XXXXXX", NULL);

  app = storyline_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/opening/good-file", test_open_good_file);
  g_test_add_func ("/opening/bad-file-keeps-story", test_open_bad_file_keeps_story);
  g_test_add_func ("/opening/start-on-bad-file", test_start_on_bad_file);
  g_test_add_func ("/opening/live-reload", test_live_reload);
  g_test_add_func ("/opening/cancel-large-load", test_cancel_large_load);
  g_test_add_func ("/opening/drop-files", test_drop_files);
  g_test_add_func ("/opening/hostile-text-shown-safely", test_hostile_text_shown_safely);

  status = g_test_run ();
  g_clear_object (&app);
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
