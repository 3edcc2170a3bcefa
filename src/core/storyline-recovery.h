/* storyline-recovery.h: edits not saved, kept on disk until they are
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "storyline-edit-history.h"

G_BEGIN_DECLS

/* One story's edits not saved: where the story came from, and the
 * journal of its edits (see storyline_edit_history_dup_journal()). */
typedef struct
{
  char *key;                  /* names the file in the recovery folder */
  char *origin;               /* a file's URI, a resource:// URI, or NULL for a new story */
  char *title;                /* the story's, when last written */
  GDateTime *written;
  JsonNode *journal;
  guint n_steps;
} StorylineRecovery;

void               storyline_recovery_free      (StorylineRecovery    *recovery);
char              *storyline_recovery_dir       (void);
char              *storyline_recovery_new_key   (void);
gboolean           storyline_recovery_write     (const char           *key,
                                                 const char           *origin,
                                                 StorylineEditHistory *history,
                                                 GError              **error);
void               storyline_recovery_remove    (const char           *key);
GPtrArray         *storyline_recovery_list      (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StorylineRecovery, storyline_recovery_free)

G_END_DECLS
