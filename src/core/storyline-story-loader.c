/* storyline-story-loader.c: the story a window shows, loaded and kept
 * loaded: progress, cancelling, problems and live reload
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "storyline-loader.h"
#include "storyline-story-loader.h"

/* One load at a time: a new one cancels the last. A story that loads
 * becomes the story, and its file is watched so that a save reloads it; a
 * load that fails leaves the story as it was and says why ("failed"). */
struct _StorylineStoryLoader
{
  GObject parent_instance;

  /* Owned references */
  StorylineStory *story;          /* the last that loaded */
  GPtrArray *problems;            /* its warnings, or NULL */
  GFile *file;                    /* its file; NULL for bytes (the bundled story) */
  GFile *loading_file;            /* being loaded, or the last that failed */
  StorylineLoadProgress *progress;
  GCancellable *cancellable;
  GFileMonitor *monitor;

  char *etag;                     /* the file's as read or last saved */
  gboolean hold;                  /* the story has edits: no reloading */
  gboolean loading_bundled;
  gboolean anyway;                /* the file was opened anyway */
  gboolean loading;
  guint reload_source;
};

G_DEFINE_FINAL_TYPE (StorylineStoryLoader, storyline_story_loader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORY,
  PROP_FILE,
  PROP_LOADING,
  N_PROPS
};

enum {
  LOADED,
  FAILED,
  CHANGED_ON_DISK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_loading (StorylineStoryLoader *self,
             gboolean              loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void file_changed (GFileMonitor         *monitor,
                          GFile                *file,
                          GFile                *other_file,
                          GFileMonitorEvent     event,
                          StorylineStoryLoader *self);

static void
stop_watching (StorylineStoryLoader *self)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->monitor == NULL)
    return;
  g_signal_handlers_disconnect_by_func (self->monitor, file_changed, self);
  g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
}

static void
watch_file (StorylineStoryLoader *self)
{
  stop_watching (self);
  if (self->file == NULL)
    return;
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (file_changed), self);
}

/* Live reload: editors save by writing, by renaming a new file over the
 * old, or both; the events settle before the file is read again. */
static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = file ? g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                                                        NULL, NULL) : NULL;

  return info ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

static gboolean
reload_timeout (gpointer data)
{
  StorylineStoryLoader *self = data;

  self->reload_source = 0;
  if (self->file != NULL)
    {
      g_autofree char *etag = query_etag (self->file);

      /* Written by this window: nothing new. */
      if (etag != NULL && g_strcmp0 (etag, self->etag) == 0)
        return G_SOURCE_REMOVE;
      /* The story on screen has edits: its window says so and asks. */
      if (self->hold)
        {
          g_signal_emit (self, signals[CHANGED_ON_DISK], 0);
          return G_SOURCE_REMOVE;
        }
      /* A story opened anyway is read again the same way. */
      if (self->anyway)
        storyline_story_loader_load_file_anyway (self, self->file);
      else
        storyline_story_loader_load_file (self, self->file);
    }
  return G_SOURCE_REMOVE;
}

static void
file_changed (GFileMonitor         *monitor,
              GFile                *file,
              GFile                *other_file,
              GFileMonitorEvent     event,
              StorylineStoryLoader *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
      g_clear_handle_id (&self->reload_source, g_source_remove);
      self->reload_source = g_timeout_add (250, reload_timeout, self);
      break;
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      /* The story on screen stays; a file written back later reloads. */
      break;
    }
}

static void finish (StorylineStoryLoader *self, StorylineStory *story, GPtrArray *problems, GError *error);

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(StorylineStoryLoader) self = user_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StorylineStory) story = NULL;

  story = storyline_load_finish (result, &problems, &error);
  finish (self, story, problems, error);
}

/* Open Anyway (storyline-load-anyway.c), on a worker thread. */
typedef struct
{
  GFile *file;
  GPtrArray *problems;
} AnywayData;

static void
anyway_data_free (AnywayData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_free (data);
}

static void
anyway_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AnywayData *data = task_data;
  GError *error = NULL;
  StorylineStory *story = storyline_load_file_anyway (data->file, cancellable, &data->problems, &error);

  if (story != NULL)
    g_task_return_pointer (task, story, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
anyway_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(StorylineStoryLoader) self = user_data;
  AnywayData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(StorylineStory) story = g_task_propagate_pointer (G_TASK (result), &error);

  finish (self, story, data->problems, error);
}

static void
finish (StorylineStoryLoader *self,
        StorylineStory       *story,
        GPtrArray            *problems,
        GError               *error)
{
  gboolean other_file;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* whoever cancelled has taken over */

  set_loading (self, FALSE);

  if (story == NULL)
    {
      g_signal_emit (self, signals[FAILED], 0, error, problems);
      return;
    }

  other_file = (self->file == NULL) != (self->loading_file == NULL) ||
               (self->file != NULL && !g_file_equal (self->file, self->loading_file));
  if (g_set_object (&self->file, self->loading_file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_free (self->etag);
  self->etag = query_etag (self->file);
  self->hold = FALSE;
  g_set_object (&self->story, story);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  if (problems != NULL && problems->len > 0)
    self->problems = g_ptr_array_ref (problems);
  if (other_file || self->monitor == NULL)
    watch_file (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORY]);
  g_signal_emit (self, signals[LOADED], 0, story);
}

static void
start (StorylineStoryLoader *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->progress);
  self->progress = storyline_load_progress_new ();
  set_loading (self, TRUE);
}

/**
 * storyline_story_loader_load_file:
 *
 * Starts loading @file; "loaded" or "failed" says how it went.
 */
void
storyline_story_loader_load_file (StorylineStoryLoader *self,
                                  GFile                *file)
{
  g_autoptr(GFile) keep = NULL;

  g_return_if_fail (STORYLINE_IS_STORY_LOADER (self));
  g_return_if_fail (G_IS_FILE (file));

  keep = g_object_ref (file);   /* it may be the one let go below */
  start (self);
  self->anyway = FALSE;
  g_set_object (&self->loading_file, keep);
  self->loading_bundled = FALSE;
  storyline_load_file_full_async (keep, self->progress, self->cancellable, load_done, g_object_ref (self));
}

/**
 * storyline_story_loader_get_anyway:
 *
 * Returns: whether the file is read without the items that break the
 *   format (Open Anyway), as it is again when it changes
 */
gboolean
storyline_story_loader_get_anyway (StorylineStoryLoader *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY_LOADER (self), FALSE);
  return self->anyway;
}

/**
 * storyline_story_loader_load_file_anyway:
 *
 * Starts loading @file without the items that break the format (Open
 * Anyway); the warnings say what was left out. "loaded" or "failed" says
 * how it went.
 */
void
storyline_story_loader_load_file_anyway (StorylineStoryLoader *self,
                                         GFile                *file)
{
  g_autoptr(GTask) task = NULL;
  AnywayData *data;

  g_return_if_fail (STORYLINE_IS_STORY_LOADER (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (AnywayData, 1);
  data->file = g_object_ref (file);
  start (self);
  self->anyway = TRUE;
  g_set_object (&self->loading_file, file);
  self->loading_bundled = FALSE;
  task = g_task_new (NULL, self->cancellable, anyway_done, g_object_ref (self));
  g_task_set_source_tag (task, storyline_story_loader_load_file_anyway);
  g_task_set_task_data (task, data, (GDestroyNotify) anyway_data_free);
  g_task_run_in_thread (task, anyway_thread);
}

/**
 * storyline_story_loader_load_bytes:
 *
 * Starts loading a story held in memory (the bundled one).
 */
void
storyline_story_loader_load_bytes (StorylineStoryLoader *self,
                                   GBytes               *bytes)
{
  g_return_if_fail (STORYLINE_IS_STORY_LOADER (self));
  g_return_if_fail (bytes != NULL);

  self->anyway = FALSE;

  start (self);
  g_clear_object (&self->loading_file);
  self->loading_bundled = TRUE;
  storyline_load_bytes_async (bytes, self->cancellable, load_done, g_object_ref (self));
}

/**
 * storyline_story_loader_cancel:
 *
 * Stops the load under way. The story, if any, stays.
 */
void
storyline_story_loader_cancel (StorylineStoryLoader *self)
{
  g_return_if_fail (STORYLINE_IS_STORY_LOADER (self));
  g_cancellable_cancel (self->cancellable);
  set_loading (self, FALSE);
}

/**
 * storyline_story_loader_get_problems:
 *
 * Returns: (transfer none) (nullable) (element-type StorylineProblem): the
 *   warnings of the last story that loaded: what of it was left out and
 *   why; %NULL when there were none
 */
GPtrArray *
storyline_story_loader_get_problems (StorylineStoryLoader *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY_LOADER (self), NULL);
  return self->problems;
}

/**
 * storyline_story_loader_get_story:
 *
 * Returns: (transfer none) (nullable): the last story that loaded
 */
StorylineStory *
storyline_story_loader_get_story (StorylineStoryLoader *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY_LOADER (self), NULL);
  return self->story;
}

/**
 * storyline_story_loader_get_file:
 *
 * Returns: (transfer none) (nullable): the story's file; %NULL for one
 *   loaded from memory
 */
GFile *
storyline_story_loader_get_file (StorylineStoryLoader *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY_LOADER (self), NULL);
  return self->file;
}

/**
 * storyline_story_loader_get_loading_file:
 *
 * Returns: (transfer none) (nullable): the file being loaded, or the last
 *   that failed; %NULL for memory
 */
GFile *
storyline_story_loader_get_loading_file (StorylineStoryLoader *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY_LOADER (self), NULL);
  return self->loading_file;
}

gboolean
storyline_story_loader_get_loading_bundled (StorylineStoryLoader *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY_LOADER (self), FALSE);
  return self->loading_bundled;
}

gboolean
storyline_story_loader_is_loading (StorylineStoryLoader *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY_LOADER (self), FALSE);
  return self->loading;
}

/**
 * storyline_story_loader_get_progress:
 *
 * Returns: (transfer none) (nullable): how far the last load got
 */
StorylineLoadProgress *
storyline_story_loader_get_progress (StorylineStoryLoader *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY_LOADER (self), NULL);
  return self->progress;
}

static void
storyline_story_loader_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  StorylineStoryLoader *self = STORYLINE_STORY_LOADER (object);

  switch (prop_id)
    {
    case PROP_STORY:
      g_value_set_object (value, self->story);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
storyline_story_loader_dispose (GObject *object)
{
  StorylineStoryLoader *self = STORYLINE_STORY_LOADER (object);

  g_cancellable_cancel (self->cancellable);
  stop_watching (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->progress);
  g_clear_object (&self->file);
  g_clear_object (&self->loading_file);
  g_clear_pointer (&self->etag, g_free);
  g_clear_object (&self->story);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (storyline_story_loader_parent_class)->dispose (object);
}

static void
storyline_story_loader_class_init (StorylineStoryLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = storyline_story_loader_dispose;
  object_class->get_property = storyline_story_loader_get_property;

  properties[PROP_STORY] =
    g_param_spec_object ("story", NULL, NULL, STORYLINE_TYPE_STORY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StorylineStoryLoader::loaded:
   * @story: the story, now this loader's
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, STORYLINE_TYPE_STORY);
  /**
   * StorylineStoryLoader::failed:
   * @error: (nullable): why, when the file could not be read or parsed
   * @problems: (nullable) (element-type StorylineProblem): what is wrong in it, where
   */
  /**
   * StorylineStoryLoader::changed-on-disk:
   *
   * The file changed while the loader was held (see
   * storyline_story_loader_set_hold()): it was not read again.
   */
  signals[CHANGED_ON_DISK] = g_signal_new ("changed-on-disk", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 2,
                                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE,
                                  G_TYPE_PTR_ARRAY | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
storyline_story_loader_init (StorylineStoryLoader *self)
{
}

/**
 * storyline_story_loader_set_hold:
 * @hold: whether the story has edits not saved
 *
 * While held, a change to the file on disk does not reload it: the
 * loader emits #StorylineStoryLoader::changed-on-disk instead.
 */
void
storyline_story_loader_set_hold (StorylineStoryLoader *self,
                                 gboolean              hold)
{
  g_return_if_fail (STORYLINE_IS_STORY_LOADER (self));
  self->hold = hold;
}

/**
 * storyline_story_loader_changed_on_disk:
 *
 * Returns: whether the file is no longer the one read or last saved
 */
gboolean
storyline_story_loader_changed_on_disk (StorylineStoryLoader *self)
{
  g_autofree char *etag = NULL;

  g_return_val_if_fail (STORYLINE_IS_STORY_LOADER (self), FALSE);

  if (self->file == NULL)
    return FALSE;
  etag = query_etag (self->file);
  return g_strcmp0 (etag, self->etag) != 0;
}

/**
 * storyline_story_loader_saved:
 * @file: where the story was saved
 *
 * The story, edited, was written to @file: from now on it is the story's
 * file, watched, and the loader's own writing does not reload it.
 */
void
storyline_story_loader_saved (StorylineStoryLoader *self,
                              GFile                *file)
{
  g_return_if_fail (STORYLINE_IS_STORY_LOADER (self));
  g_return_if_fail (G_IS_FILE (file));

  g_free (self->etag);
  self->etag = query_etag (file);
  self->anyway = FALSE;
  self->loading_bundled = FALSE;
  if (self->file == NULL || !g_file_equal (self->file, file))
    {
      g_set_object (&self->file, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      watch_file (self);
    }
}

/**
 * storyline_story_loader_new:
 *
 * Returns: (transfer full): a loader with no story yet
 */
StorylineStoryLoader *
storyline_story_loader_new (void)
{
  return g_object_new (STORYLINE_TYPE_STORY_LOADER, NULL);
}
