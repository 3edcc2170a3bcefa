/* storyline-window-loading.c: the window's side of loading: its title,
 * the progress bar, problems in a page or a banner
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "storyline-left-out.h"
#include "storyline-problem.h"

#include <glib/gi18n-lib.h>

#include "storyline-application.h"
#include "storyline-problem-view.h"
#include "storyline-story-text.h"
#include "storyline-window-private.h"
#include "storyline-writer.h"

/* Loading
 *
 * A story loads on a worker thread; the one on screen stays, usable, until
 * the new one is whole. A load that fails explains itself in a banner above
 * the story on screen, or fills the window when there is none. */

/* Files this size and more show their progress at once; smaller ones only
 * when they take long. */
#define PROGRESS_AT_ONCE_SIZE (4 << 20)
#define PROGRESS_AFTER_MS 400

/**
 * _storyline_window_update_title:
 *
 * The window's title and the header's: the story's title, its file, and
 * whether it has unsaved edits (a “•” before the title, as GNOME's
 * editors mark it).
 */
void
_storyline_window_update_title (StorylineWindow *self)
{
  const char *title = self->story ? storyline_story_get_title (self->story) : _("Storyline");
  const char *subtitle = self->story ? storyline_story_get_subtitle (self->story) : NULL;
  gboolean modified = self->history != NULL && storyline_edit_history_get_modified (self->history);
  GFile *file = storyline_story_loader_get_file (self->loader);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *header = NULL;

  title = title ? title : "";
  /* Translators: the title of a story with edits not saved yet */
  header = modified ? g_strdup_printf (_("• %s"), title) : g_strdup (title);
  storyline_label_set_story_text (self->title_label, header);
  storyline_label_set_story_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  modified ? _("Not saved") : "", -1);

  if (self->new_story)
    name = g_strdup (_("not saved"));
  else if (file != NULL)
    name = g_file_get_basename (file);
  else if (self->resource_name != NULL)
    name = g_strdup (self->resource_name);
  else
    name = g_strdup (_("bundled story"));

  /* Translators: the window title: the story's title, then its file */
  text = g_strdup_printf (_("%s — %s"), header, name);
  {
    g_autofree char *shown = storyline_text_for_display (text);
    gtk_window_set_title (GTK_WINDOW (self), shown);
  }

  if (file != NULL)
    {
      g_autofree char *path = g_file_get_parse_name (file);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), path);
    }
  else
    storyline_widget_set_story_tooltip (GTK_WIDGET (self->title_label), title);
}

void
_storyline_window_stop_progress (StorylineWindow *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_revealer_set_reveal_child (self->loading_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", FALSE);
}

static gboolean
update_progress (gpointer data)
{
  StorylineWindow *self = data;
  gint64 elapsed = (g_get_monotonic_time () - self->load_started) / 1000;
  StorylineLoadProgress *progress = storyline_story_loader_get_progress (self->loader);
  GFile *loading_file = storyline_story_loader_get_loading_file (self->loader);
  double fraction = storyline_load_progress_get_fraction (progress);
  const char *phase;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (!gtk_revealer_get_reveal_child (self->loading_revealer) && elapsed < PROGRESS_AFTER_MS)
    return G_SOURCE_CONTINUE;

  switch (storyline_load_progress_get_phase (progress))
    {
    case STORYLINE_LOAD_PHASE_READING:
      phase = _("Reading");
      break;
    case STORYLINE_LOAD_PHASE_PARSING:
      phase = _("Parsing");
      break;
    case STORYLINE_LOAD_PHASE_CHECKING:
    case STORYLINE_LOAD_PHASE_DONE:
      phase = _("Checking");
      break;
    case STORYLINE_LOAD_PHASE_WAITING:
    default:
      phase = _("Waiting");
      break;
    }

  name = loading_file ? g_file_get_basename (loading_file) : g_strdup (_("bundled story"));
  /* Translators: a story being opened: what is being done, the file's name */
  text = g_strdup_printf (_("%s “%s”…"), phase, name);
  gtk_label_set_text (self->loading_label, text);
  if (fraction < 0)
    gtk_progress_bar_pulse (self->loading_bar);
  else
    gtk_progress_bar_set_fraction (self->loading_bar, fraction);
  gtk_revealer_set_reveal_child (self->loading_revealer, TRUE);

  return G_SOURCE_CONTINUE;
}

static void
start_progress (StorylineWindow *self,
                gboolean         at_once)
{
  _storyline_window_stop_progress (self);
  self->load_started = g_get_monotonic_time () - (at_once ? PROGRESS_AFTER_MS * 1000 : 0);
  gtk_progress_bar_set_fraction (self->loading_bar, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", TRUE);
  self->progress_source = g_timeout_add (100, update_progress, self);
  if (at_once)
    update_progress (self);
}

static void
show_problems (StorylineWindow *self,
               const GError    *error,
               GPtrArray       *problems)
{
  GFile *loading_file = storyline_story_loader_get_loading_file (self->loader);
  GFile *file = storyline_story_loader_get_file (self->loader);
  g_autofree char *name = loading_file ? g_file_get_basename (loading_file) : g_strdup (_("bundled story"));
  g_autofree char *path = loading_file ? g_file_peek_path (loading_file) ? g_strdup (g_file_peek_path (loading_file)) : g_file_get_uri (loading_file) : g_strdup (name);
  g_autofree char *title = NULL;
  gboolean reloading = self->story != NULL && file != NULL && loading_file != NULL && g_file_equal (file, loading_file);

  if (self->story == NULL)
    {
      /* Translators: %s is a file name */
      title = g_strdup_printf (_("“%s” could not be opened"), name);
      storyline_problem_view_set (self->page_problems, title, path, error, problems);
      gtk_stack_set_visible_child_name (self->main_stack, "problems");
      return;
    }

  if (reloading)
    /* Translators: %s is a file name */
    title = g_strdup_printf (_("“%s” changed and could not be reloaded; the last good version stays on screen"), name);
  else
    /* Translators: %s is a file name */
    title = g_strdup_printf (_("“%s” could not be opened; the story on screen stays"), name);
  storyline_problem_view_set (self->banner_problems, title, path, error, problems);
  gtk_revealer_set_reveal_child (self->problems_revealer, TRUE);
}

/* A story that opened with warnings says so above it: what was left out
 * (a misspelt key, a link in the wrong field) is not shown, and nothing
 * else would tell. */
/* Whether @problem says an item was left out that has since been put
 * back: its path is the item's place, "events[41]", and no item of the
 * story is left out from there now. */
static gboolean
put_back_since (StorylineStory   *story,
                StorylineProblem *problem)
{
  g_autoptr(GRegex) item = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *collection = NULL;
  g_autofree char *number = NULL;

  if (problem->severity != STORYLINE_SEVERITY_WARNING || problem->path == NULL)
    return FALSE;
  item = g_regex_new ("^(phases|actors|events|quotes|sources)\\[([0-9]+)\\]$", 0, 0, NULL);
  if (!g_regex_match (item, problem->path, 0, &match))
    return FALSE;
  collection = g_match_info_fetch (match, 1);
  number = g_match_info_fetch (match, 2);
  for (guint i = 0; i < storyline_story_get_n_left_out (story); i++)
    {
      const StorylineLeftOut *l = storyline_story_get_left_out (story, i);

      if (g_str_equal (l->collection, collection) && l->position == g_ascii_strtoull (number, NULL, 10))
        return FALSE;
    }
  return TRUE;
}

void
_storyline_window_show_warnings (StorylineWindow *self)
{
  GPtrArray *loaded = storyline_story_loader_get_problems (self->loader);
  g_autoptr(GPtrArray) problems = g_ptr_array_new ();
  GFile *file = storyline_story_loader_get_file (self->loader);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;

  for (guint i = 0; loaded != NULL && i < loaded->len; i++)
    if (self->story == NULL || !storyline_story_loader_get_anyway (self->loader) || !put_back_since (self->story, loaded->pdata[i]))
      g_ptr_array_add (problems, loaded->pdata[i]);
  if (problems->len == 0)
    {
      gtk_revealer_set_reveal_child (self->problems_revealer, FALSE);
      return;
    }
  name = file ? g_file_get_basename (file) : g_strdup (_("bundled story"));
  path = file ? g_file_get_parse_name (file) : g_strdup (name);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: %s is a file name, %u a count */
                                        "“%s” opened with %u warning: what it names is left out",
                                        "“%s” opened with %u warnings: what they name is left out",
                                        problems->len),
                           name, problems->len);
  storyline_problem_view_set (self->banner_problems, title, path, NULL, problems);
  gtk_revealer_set_reveal_child (self->problems_revealer, TRUE);
}

/* The loader's outcomes. */
static void
story_loaded (StorylineWindow *self,
              StorylineStory  *story)
{
  GFile *file = storyline_story_loader_get_file (self->loader);

  _storyline_window_stop_progress (self);
  _storyline_window_set_story (self, story);
  _storyline_window_update_title (self);
  _storyline_window_show_warnings (self);
  _storyline_window_story_loaded (self);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
    }
}

static void
story_failed (StorylineWindow *self,
              const GError    *error,
              GPtrArray       *problems)
{
  _storyline_window_stop_progress (self);
  show_problems (self, error, problems);
}

void
storyline_window_load_file (StorylineWindow *self,
                            GFile           *file)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_if_fail (STORYLINE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  storyline_story_loader_load_file (self->loader, file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  start_progress (self, info != NULL && g_file_info_get_size (info) >= PROGRESS_AT_ONCE_SIZE);
}

void
storyline_window_load_resource (StorylineWindow *self,
                                const char      *path)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);

  g_return_if_fail (STORYLINE_IS_WINDOW (self));
  g_return_if_fail (bytes != NULL);

  g_free (self->resource_name);
  self->resource_name = g_str_equal (path, STORYLINE_BUNDLED_STORY) ? NULL : g_path_get_basename (path);
  g_free (self->resource_path);
  self->resource_path = g_strdup (path);
  storyline_story_loader_load_bytes (self->loader, bytes);
}

/**
 * storyline_window_get_file:
 *
 * Returns: (transfer none) (nullable): the file of the story on screen;
 *   %NULL for the bundled story
 */
GFile *
storyline_window_get_file (StorylineWindow *self)
{
  g_return_val_if_fail (STORYLINE_IS_WINDOW (self), NULL);
  return storyline_story_loader_get_file (self->loader);
}

/**
 * storyline_window_is_loading:
 *
 * Returns: whether a load is under way
 */
gboolean
storyline_window_is_loading (StorylineWindow *self)
{
  g_return_val_if_fail (STORYLINE_IS_WINDOW (self), FALSE);
  return self->progress_source != 0;
}

/**
 * storyline_window_get_story:
 *
 * Returns: (transfer none) (nullable): the story on screen
 */
StorylineStory *
storyline_window_get_story (StorylineWindow *self)
{
  g_return_val_if_fail (STORYLINE_IS_WINDOW (self), NULL);
  return self->story;
}

void
_storyline_window_loading_init (StorylineWindow *self)
{
  g_signal_connect_object (self->loader, "loaded", G_CALLBACK (story_loaded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->loader, "failed", G_CALLBACK (story_failed), self, G_CONNECT_SWAPPED);
}

/**
 * storyline_window_save_as_file:
 *
 * Saves the story on screen to @file in the canonical form (whole or not
 * at all), says so, and shows the story from @file from then on.
 *
 * Returns: whether it was saved
 */
gboolean
storyline_window_save_as_file (StorylineWindow *self,
                               GFile           *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (STORYLINE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->story == NULL)
    return FALSE;
  /* The window stays on the story, edits and history and all; it is that
   * file's from now on. */
  return _storyline_window_save_to (self, file);
}
