/* storyline-window-import.c: Import… in the window
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "storyline-import.h"
#include "storyline-loader.h"
#include "storyline-problem.h"
#include "storyline-source-edit.h"
#include "storyline-window-private.h"

/* A file made a story on a worker thread (storyline-import.c, then the
 * loader), then on this one: a bibliography's sources added to the story
 * being edited, as one step to undo; anything else (a timeline, or a
 * bibliography while the story is only read) shown as a new story, not
 * saved, in this window, or in a new one when this one's story has edits
 * not saved. */

typedef struct
{
  StorylineStory *story;
  gboolean bibliography;
} Imported;

static void
imported_free (Imported *imported)
{
  g_clear_object (&imported->story);
  g_free (imported);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *contents = NULL;
  gsize length;
  const char *format;
  char *text;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GError *error = NULL;
  Imported *imported;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  format = storyline_import_detect (contents, length);
  text = storyline_import_to_story (format, contents, length, &error);
  g_clear_pointer (&contents, g_free);
  if (text == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      g_free (text);
      return;
    }
  bytes = g_bytes_new_take (text, strlen (text));
  imported = g_new0 (Imported, 1);
  imported->bibliography = format != NULL && !g_str_has_prefix (format, "timelinejs");
  imported->story = storyline_load_bytes (bytes, cancellable, &problems, &error);
  if (imported->story == NULL)
    {
      imported_free (imported);
      /* What the importer made breaks a rule: its first problem. */
      if (problems != NULL && problems->len > 0)
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *line = storyline_problem_to_string (problems->pdata[0], name);

          g_clear_error (&error);
          g_set_error_literal (&error, STORYLINE_IMPORT_ERROR, STORYLINE_IMPORT_ERROR_INVALID, line);
        }
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, imported, (GDestroyNotify) imported_free);
}

/* What tells a source already in the story: its DOI, URL, or title and
 * date. */
static char *
source_key (StorylineSource *source,
            const char      *kind)
{
  g_autoptr(JsonObject) item = storyline_source_copy_item (source);
  const char *value = NULL;

  if (g_str_equal (kind, "doi"))
    value = json_object_get_string_member_with_default (item, "DOI", NULL);
  else if (g_str_equal (kind, "url"))
    value = storyline_source_get_url (source);
  else
    {
      g_autofree char *date = NULL;

      if (storyline_source_get_title (source) == NULL)
        return NULL;
      date = storyline_date_to_edtf (storyline_source_get_issued (source));
      return g_strdup_printf ("title:%s\t%s", storyline_source_get_title (source), date ? date : "");
    }
  if (value == NULL || *value == '\0')
    return NULL;
  {
    g_autofree char *folded = g_ascii_strdown (value, -1);

    return g_strdup_printf ("%s:%s", kind, folded);
  }
}

static void
add_sources (StorylineWindow *self,
             StorylineStory  *from)
{
  GPtrArray *sources = storyline_story_get_sources (from);
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const char * const kinds[] = { "doi", "url", "title" };
  guint added = 0, there = 0;

  for (guint i = 0; i < storyline_story_get_sources (self->story)->len; i++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        char *key = source_key (storyline_story_get_sources (self->story)->pdata[i], kinds[k]);

        if (key != NULL)
          g_hash_table_add (known, key);
      }

  storyline_edit_history_end_step (self->history);
  storyline_edit_history_begin_group (self->history);
  for (guint i = 0; i < sources->len; i++)
    {
      StorylineSource *source = sources->pdata[i];
      g_autoptr(JsonObject) item = NULL;
      StorylineSource *made;
      gboolean seen = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (kinds) && !seen; k++)
        {
          g_autofree char *key = source_key (source, kinds[k]);

          seen = key != NULL && g_hash_table_contains (known, key);
        }
      if (seen)
        {
          there++;
          continue;
        }
      made = storyline_edit_history_add_source (self->history, storyline_source_get_source_type (source),
                                                storyline_source_get_title (source));
      if (made == NULL)
        continue;
      item = storyline_source_copy_item (source);
      json_object_set_string_member (item, "id", storyline_source_get_id (made));
      /* Its provenance named the file's other sources, by ids that are
       * not the story's. */
      if (json_object_has_member (item, "custom"))
        json_object_remove_member (item, "custom");
      storyline_edit_history_set_source_item (self->history, made, "import", item, NULL);
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          char *key = source_key (made, kinds[k]);

          if (key != NULL)
            g_hash_table_add (known, key);
        }
      added++;
    }
  storyline_edit_history_end_group (self->history);

  {
    g_autofree char *added_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source added", "%u sources added", added), added);
    g_autofree char *message = NULL;

    if (there > 0)
      {
        /* Translators: "3 sources added; 2 were in the story already" */
        g_autofree char *there_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u was in the story already",
                                                                    "%u were in the story already", there), there);
        message = g_strdup_printf (_("%s; %s"), added_text, there_text);
      }
    storyline_window_show_toast (self, message ? message : added_text);
  }
}

static void
show_new_story (StorylineWindow *self,
                StorylineStory  *story)
{
  self->new_story = TRUE;
  g_clear_pointer (&self->resource_name, g_free);
  _storyline_window_stop_progress (self);
  _storyline_window_set_story (self, story);
  storyline_edit_history_set_unsaved (self->history);
  _storyline_window_update_title (self);
}

static void
import_done (GObject      *source_object,
             GAsyncResult *result,
             gpointer      data)
{
  StorylineWindow *self = STORYLINE_WINDOW (source_object);
  g_autoptr(GError) error = NULL;
  Imported *imported = g_task_propagate_pointer (G_TASK (result), &error);

  self->importing = FALSE;
  g_clear_object (&self->import_cancellable);
  _storyline_window_stop_progress (self);
  if (imported == NULL)
    {
      /* Translators: %s says where the file is wrong and why */
      g_autofree char *message = g_strdup_printf (_("Not imported: %s"), error->message);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        storyline_window_show_toast (self, _("Import cancelled"));
      else
        storyline_window_show_toast (self, message);
      return;
    }
  if (imported->bibliography && self->editing && self->history != NULL && self->story != NULL)
    add_sources (self, imported->story);
  else if (self->history != NULL && storyline_edit_history_get_modified (self->history))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      StorylineWindow *other = storyline_window_new (STORYLINE_APPLICATION (app));

      gtk_window_present (GTK_WINDOW (other));
      show_new_story (other, imported->story);
    }
  else
    show_new_story (self, imported->story);
  imported_free (imported);
}

/* The bar that shows opening's progress, pulsing, and its Cancel: after
 * a moment, or at once for a large file. */
#define PROGRESS_AFTER_MS 400
#define PROGRESS_AT_ONCE_SIZE (4 << 20)

static gboolean
pulse (gpointer data)
{
  StorylineWindow *self = data;

  if ((g_get_monotonic_time () - self->load_started) / 1000 < PROGRESS_AFTER_MS)
    return G_SOURCE_CONTINUE;
  gtk_progress_bar_pulse (self->loading_bar);
  gtk_revealer_set_reveal_child (self->loading_revealer, TRUE);
  return G_SOURCE_CONTINUE;
}

static void
start_progress (StorylineWindow *self,
                GFile           *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: a file being made a story */
  g_autofree char *text = g_strdup_printf (_("Importing “%s”…"), name);
  gboolean at_once = info != NULL && g_file_info_get_size (info) >= PROGRESS_AT_ONCE_SIZE;

  _storyline_window_stop_progress (self);
  self->load_started = g_get_monotonic_time () - (at_once ? PROGRESS_AFTER_MS * 1000 : 0);
  gtk_label_set_text (self->loading_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", TRUE);
  self->progress_source = g_timeout_add (100, pulse, self);
  if (at_once)
    pulse (self);
}

/**
 * storyline_window_import_file:
 *
 * Makes a story of @file (a TimelineJS timeline, or a bibliography: see
 * storyline_import_formats()) on a worker thread; see above for where it
 * goes. What is wrong with the file is said in a toast.
 */
void
storyline_window_import_file (StorylineWindow *self,
                              GFile           *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (STORYLINE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  self->importing = TRUE;
  g_clear_object (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();
  start_progress (self, file);
  task = g_task_new (self, self->import_cancellable, import_done, NULL);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_source_tag (task, storyline_window_import_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread);
}

/**
 * storyline_window_is_importing:
 *
 * Returns: whether a file is being imported
 */
gboolean
storyline_window_is_importing (StorylineWindow *self)
{
  g_return_val_if_fail (STORYLINE_IS_WINDOW (self), FALSE);
  return self->importing;
}

static void
import_response (GtkNativeDialog *dialog,
                 int              response,
                 gpointer         data)
{
  g_autoptr(StorylineWindow) self = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        storyline_window_import_file (self, file);
    }
  g_object_unref (dialog);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) any = gtk_file_filter_new ();
  static const char * const patterns[] = { "*.json", "*.csv", "*.bib", "*.ris", "*.txt" };

  gtk_file_filter_set_name (all, _("Timelines and bibliographies"));
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    gtk_file_filter_add_pattern (all, patterns[i]);
  gtk_file_filter_set_name (any, _("All files"));
  gtk_file_filter_add_pattern (any, "*");

  dialog = gtk_file_chooser_native_new (_("Import a Timeline or a Bibliography"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), any);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (import_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_storyline_window_import_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_activated);
}
