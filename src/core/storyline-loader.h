/* storyline-loader.h: reading story files, on a worker thread when asked
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "storyline-load-progress.h"
#include "storyline-story.h"

G_BEGIN_DECLS

/* The limits that protect the reader, stated in README.md. */
#define STORYLINE_MAX_FILE_SIZE ((goffset) 1 << 30)   /* 1 GiB */
#define STORYLINE_MAX_DEPTH     64

#define STORYLINE_LOAD_ERROR (storyline_load_error_quark ())

typedef enum
{
  /* The file breaks the format: the problems list says how. */
  STORYLINE_LOAD_ERROR_INVALID,
} StorylineLoadError;

GQuark          storyline_load_error_quark (void);

StorylineStory *storyline_load_bytes       (GBytes               *bytes,
                                            GCancellable         *cancellable,
                                            GPtrArray           **problems,
                                            GError              **error);
StorylineStory *storyline_load_file        (GFile                *file,
                                            GCancellable         *cancellable,
                                            GPtrArray           **problems,
                                            GError              **error);
StorylineStory *storyline_load_resource    (const char           *path,
                                            GCancellable         *cancellable,
                                            GPtrArray           **problems,
                                            GError              **error);

void            storyline_load_file_async  (GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
void            storyline_load_file_full_async (GFile                 *file,
                                                StorylineLoadProgress *progress,
                                                GCancellable          *cancellable,
                                                GAsyncReadyCallback    callback,
                                                gpointer               user_data);
void            storyline_load_bytes_async (GBytes               *bytes,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
StorylineStory *storyline_load_bytes_anyway (GBytes              *bytes,
                                             GCancellable        *cancellable,
                                             GPtrArray          **problems,
                                             GError             **error);
StorylineStory *storyline_load_file_anyway  (GFile               *file,
                                             GCancellable        *cancellable,
                                             GPtrArray          **problems,
                                             GError             **error);

StorylineStory *storyline_load_finish      (GAsyncResult         *result,
                                            GPtrArray           **problems,
                                            GError              **error);

G_END_DECLS
