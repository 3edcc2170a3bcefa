/* test-window-print.c: Print… and the PDF export in the window
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "storyline-application.h"
#include "storyline-resources.h"
#include "storyline-test-utils.h"
#include "storyline-toast.h"
#include "storyline-window.h"

static StorylineApplication *app;

static gboolean
has_story (gpointer data)
{
  return storyline_window_get_story (data) != NULL && !storyline_window_is_loading (data);
}

static StorylineWindow *
open_window (GFile *file)
{
  StorylineWindow *window = storyline_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  if (file != NULL)
    storyline_window_load_file (window, file);
  else
    storyline_window_load_resource (window, STORYLINE_BUNDLED_STORY);
  gtk_window_present (GTK_WINDOW (window));
  storyline_test_wait_until (has_story, window);
  storyline_test_drain ();
  return window;
}

static const char *
toast_text (StorylineWindow *window)
{
  StorylineToast *toast = STORYLINE_TOAST (gtk_widget_get_template_child (GTK_WIDGET (window), STORYLINE_TYPE_WINDOW, "toast"));

  return storyline_toast_get_text (toast);
}

/* The pages of a PDF: its page objects, "/Type /Page" but not "/Pages". */
static guint
count_pages (const char *pdf,
             gsize       length)
{
  guint n = 0;

  for (const char *p = pdf; (p = memmem (p, length - (p - pdf), "/Type /Page", strlen ("/Type /Page"))) != NULL; p++)
    if (p[strlen ("/Type /Page")] != 's')
      n++;
  return n;
}

static void
assert_pdf (const char *path,
            guint       min_pages)
{
  g_autofree char *pdf = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_cmpuint (count_pages (pdf, length), >=, min_pages);
  /* Fonts embedded; web sources linked. */
  g_assert_nonnull (memmem (pdf, length, "/FontFile2", strlen ("/FontFile2")));
  g_assert_nonnull (memmem (pdf, length, "/URI (https://", strlen ("/URI (https://")));
}

static gboolean
printed (gpointer data)
{
  return storyline_window_get_print_result (data) != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS;
}

/* Print… as a PDF file: every page, and the story still on screen. The
 * shortcut is Ctrl+P. */
static void
test_print_to_file (void)
{
  StorylineWindow *window = open_window (NULL);
  g_autofree char *dir = g_dir_make_tmp ("storyline-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);

  storyline_window_print_to_file (window, path);
  storyline_test_wait_until (printed, window);
  g_assert_cmpint (storyline_window_get_print_result (window), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  assert_pdf (path, 5);
  g_assert_cmpuint (storyline_story_get_events (storyline_window_get_story (window))->len, ==, 22);

  storyline_test_close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
not_exporting (gpointer data)
{
  return !storyline_window_is_exporting (data);
}

/* Export… as PDF: on a thread, with a toast when written. */
static void
test_export_pdf (void)
{
  StorylineWindow *window = open_window (NULL);
  g_autofree char *dir = g_dir_make_tmp ("storyline-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "story.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  storyline_window_export_pdf (window, file, STORYLINE_CITATION_MLA);
  g_assert_true (storyline_window_is_exporting (window));
  storyline_test_wait_until (not_exporting, window);
  g_assert_cmpstr (toast_text (window), ==, "Exported to “story.pdf”");
  assert_pdf (path, 5);

  storyline_test_close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* A story of @n events, each with a quote and a source. */
static char *
write_large_story (const char *dir,
                   guint       n)
{
  g_autoptr(GString) s = g_string_new ("{\"format\":\"storyline\",\"version\":1,\"story\":{\"title\":\"Large\"},"
                                       "\"actors\":[{\"id\":\"a\",\"name\":\"A\"}],\"sources\":[");
  char *path = g_build_filename (dir, "large.json", NULL);

  for (guint i = 0; i < 50; i++)
    g_string_append_printf (s, "%s{\"id\":\"s%u\",\"type\":\"webpage\",\"title\":\"Page %u\",\"URL\":\"https://example.org/%u\"}",
                            i ? "," : "", i, i, i);
  g_string_append (s, "],\"events\":[");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s{\"id\":\"e%u\",\"title\":\"Event %u of a long story\",\"date\":\"%04u-%02u-%02u\","
                               "\"summary\":\"Something happened on this day, and it is told at some length so that the page fills.\","
                               "\"sources\":[\"s%u\"]}",
                            i ? "," : "", i, i, 1900 + i / 300, 1 + (i / 28) % 12, 1 + i % 28, i % 50);
  g_string_append (s, "],\"quotes\":[");
  for (guint i = 0; i < n; i += 2)
    g_string_append_printf (s, "%s{\"id\":\"q%u\",\"speaker\":\"a\",\"event\":\"e%u\",\"text\":\"We will see what happens next.\","
                               "\"renditions\":[{\"source\":\"s%u\",\"text\":\"We will see what happens.\"}]}",
                            i ? "," : "", i, i, i % 50);
  g_string_append (s, "]}");
  g_assert_true (g_file_set_contents (path, s->str, s->len, NULL));
  return path;
}

static gboolean
progress_shown (gpointer data)
{
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (data), STORYLINE_TYPE_WINDOW, "loading_revealer"));

  return gtk_revealer_get_reveal_child (revealer);
}

static gboolean
cancel_when_shown (gpointer data)
{
  if (!progress_shown (data))
    return G_SOURCE_CONTINUE;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (data), "win.cancel-load", NULL));
  return G_SOURCE_REMOVE;
}

/* A large story's PDF shows its progress in the window, and Cancel stops
 * it: no file, a toast that says so, the story as it was. */
static void
test_export_pdf_cancel (void)
{
  g_autofree char *dir = g_dir_make_tmp ("storyline-pdf-XXXXXX", NULL);
  g_autofree char *story_path = write_large_story (dir, 6000);
  g_autoptr(GFile) story_file = g_file_new_for_path (story_path);
  StorylineWindow *window = open_window (story_file);
  g_autofree char *path = g_build_filename (dir, "large.pdf", NULL);

  g_autoptr(GFile) file = g_file_new_for_path (path);

  storyline_window_export_pdf (window, file, STORYLINE_CITATION_APA);
  storyline_test_wait_until (progress_shown, window);
  g_assert_true (storyline_window_is_exporting (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-load", NULL));
  storyline_test_wait_until (not_exporting, window);
  g_assert_cmpstr (toast_text (window), ==, "The export was cancelled");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (progress_shown (window));
  g_assert_cmpuint (storyline_story_get_events (storyline_window_get_story (window))->len, ==, 6000);

  /* Printing it: the same bar, the same Cancel, pressed while GTK
   * prepares the pages in its main loop. */
  g_timeout_add (50, cancel_when_shown, window);
  storyline_window_print_to_file (window, path);
  storyline_test_wait_until (printed, window);
  g_assert_cmpint (storyline_window_get_print_result (window), ==, GTK_PRINT_OPERATION_RESULT_CANCEL);
  g_assert_cmpstr (toast_text (window), ==, "Printing was cancelled");
  g_assert_cmpuint (storyline_story_get_events (storyline_window_get_story (window))->len, ==, 6000);

  storyline_test_close_window (window);
  g_unlink (path);
  g_unlink (story_path);
  g_rmdir (dir);
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

  g_test_add_func ("/window-print/print-to-file", test_print_to_file);
  g_test_add_func ("/window-print/export-pdf", test_export_pdf);
  g_test_add_func ("/window-print/export-pdf-cancel", test_export_pdf_cancel);

  return g_test_run ();
}
