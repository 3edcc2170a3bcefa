/* storyline-recovery.c: edits not saved, kept on disk until they are
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "storyline-recovery.h"

/* A window with edits not saved writes them, a few seconds after the last,
 * to $XDG_DATA_HOME/storyline/recovery/KEY.json: where its story came
 * from and the journal of its edits, not the story (a few hundred bytes
 * an edit, whatever the story's size, so writing never pauses the
 * window). Saving or discarding the edits removes the file; a file still
 * there when Storyline starts is from a window that did not close (a
 * crash, a kill, a power cut), and is offered back. Each is written whole
 * or not at all (g_file_set_contents() writes a new file and renames it). */

void
storyline_recovery_free (StorylineRecovery *recovery)
{
  if (recovery == NULL)
    return;
  g_free (recovery->key);
  g_free (recovery->origin);
  g_free (recovery->title);
  g_clear_pointer (&recovery->written, g_date_time_unref);
  g_clear_pointer (&recovery->journal, json_node_unref);
  g_free (recovery);
}

/**
 * storyline_recovery_dir:
 *
 * Returns: (transfer full): the folder the recovery files are in
 */
char *
storyline_recovery_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "storyline", "recovery", NULL);
}

/**
 * storyline_recovery_new_key:
 *
 * Returns: (transfer full): a key no other window has
 */
char *
storyline_recovery_new_key (void)
{
  return g_uuid_string_random ();
}

static char *
path_for (const char *key)
{
  g_autofree char *dir = storyline_recovery_dir ();
  g_autofree char *name = g_strconcat (key, ".json", NULL);

  return g_build_filename (dir, name, NULL);
}

/**
 * storyline_recovery_write:
 * @key: the window's key
 * @origin: (nullable): where the story came from (a URI), %NULL for new
 * @history: its edits
 *
 * Returns: whether the file was written
 */
gboolean
storyline_recovery_write (const char           *key,
                          const char           *origin,
                          StorylineEditHistory *history,
                          GError              **error)
{
  g_autofree char *dir = storyline_recovery_dir ();
  g_autofree char *path = path_for (key);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format_iso8601 (now);
  g_autofree char *text = NULL;
  StorylineStory *story = storyline_edit_history_get_story (history);

  g_return_val_if_fail (key != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "storyline-recovery");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "origin");
  if (origin != NULL)
    json_builder_add_string_value (builder, origin);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, storyline_story_get_title (story));
  json_builder_set_member_name (builder, "written");
  json_builder_add_string_value (builder, when);
  json_builder_set_member_name (builder, "edits");
  json_builder_add_value (builder, storyline_edit_history_dup_journal (history));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/**
 * storyline_recovery_remove:
 *
 * The edits were saved or discarded: their file goes.
 */
void
storyline_recovery_remove (const char *key)
{
  g_autofree char *path = NULL;

  if (key == NULL)
    return;
  path = path_for (key);
  g_unlink (path);
}

static StorylineRecovery *
read_recovery (const char *path,
               const char *key)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  StorylineRecovery *recovery;
  JsonObject *o;
  JsonNode *edits;

  if (!json_parser_load_from_file (parser, path, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  o = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (json_object_get_string_member_with_default (o, "format", NULL), "storyline-recovery") != 0 ||
      (edits = json_object_get_member (o, "edits")) == NULL || !JSON_NODE_HOLDS_ARRAY (edits))
    return NULL;

  recovery = g_new0 (StorylineRecovery, 1);
  recovery->key = g_strdup (key);
  if (json_object_has_member (o, "origin") && !json_object_get_null_member (o, "origin"))
    recovery->origin = g_strdup (json_object_get_string_member_with_default (o, "origin", NULL));
  recovery->title = g_strdup (json_object_get_string_member_with_default (o, "title", ""));
  recovery->written = g_date_time_new_from_iso8601 (json_object_get_string_member_with_default (o, "written", ""), NULL);
  recovery->journal = json_node_copy (edits);
  recovery->n_steps = json_array_get_length (json_node_get_array (edits));
  return recovery;
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const StorylineRecovery *x = *(StorylineRecovery * const *) a;
  const StorylineRecovery *y = *(StorylineRecovery * const *) b;

  if (x->written == NULL || y->written == NULL)
    return (x->written == NULL) - (y->written == NULL);
  return -g_date_time_compare (x->written, y->written);
}

/**
 * storyline_recovery_list:
 *
 * Returns: (transfer full) (element-type StorylineRecovery): the edits
 *   left on disk, newest first; files that are not recovery files are
 *   left alone
 */
GPtrArray *
storyline_recovery_list (void)
{
  g_autofree char *dir = storyline_recovery_dir ();
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) storyline_recovery_free);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autofree char *key = g_strndup (name, strlen (name) - strlen (".json"));
        StorylineRecovery *recovery = read_recovery (path, key);

        if (recovery != NULL)
          g_ptr_array_add (list, recovery);
      }
  g_ptr_array_sort (list, newest_first);
  return list;
}
