/* storyline-window.h: one story in one window
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "storyline-edit-history.h"
#include "storyline-event-editor.h"
#include "storyline-recovery.h"

#include "storyline-application.h"
#include "storyline-citation.h"
#include "storyline-story.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_WINDOW (storyline_window_get_type ())

G_DECLARE_FINAL_TYPE (StorylineWindow, storyline_window, STORYLINE, WINDOW, GtkApplicationWindow)

typedef enum
{
  STORYLINE_PANE_EVENTS,
  STORYLINE_PANE_DETAILS,
  STORYLINE_PANE_SOURCES,
} StorylinePane;

StorylineWindow *storyline_window_new            (StorylineApplication *application);
void             storyline_window_load_file      (StorylineWindow      *self,
                                                  GFile                *file);
void             storyline_window_load_resource  (StorylineWindow      *self,
                                                  const char           *path);
void             storyline_window_open_file      (StorylineWindow      *self,
                                                  GFile                *file);
void             storyline_window_import_file    (StorylineWindow      *self,
                                                  GFile                *file);
gboolean         storyline_window_is_importing   (StorylineWindow      *self);
void             storyline_window_print_to_file  (StorylineWindow      *self,
                                                  const char           *path);
GtkPrintOperationResult storyline_window_get_print_result (StorylineWindow *self);
void             storyline_window_export_pdf     (StorylineWindow      *self,
                                                  GFile                *file,
                                                  StorylineCitationStyle style);
gboolean         storyline_window_is_exporting   (StorylineWindow      *self);
StorylineStory  *storyline_window_get_story      (StorylineWindow      *self);
GFile           *storyline_window_get_file       (StorylineWindow      *self);
gboolean         storyline_window_is_loading     (StorylineWindow      *self);
gboolean         storyline_window_is_filtering   (StorylineWindow      *self);

/* For the ui tests and for the linking between panes. */
GListModel      *storyline_window_get_visible_events (StorylineWindow  *self);
StorylineEvent  *storyline_window_get_selected_event (StorylineWindow  *self);
gboolean         storyline_window_select_event   (StorylineWindow      *self,
                                                  StorylineEvent       *event);
void             storyline_window_set_search     (StorylineWindow      *self,
                                                  const char           *text);
guint            storyline_window_get_n_shown_quotes  (StorylineWindow *self);
guint            storyline_window_get_n_shown_sources (StorylineWindow *self);
gboolean         storyline_window_get_narrow     (StorylineWindow      *self);
StorylineSource *storyline_window_get_selected_source (StorylineWindow *self);
StorylineCitationStyle storyline_window_get_citation_style (StorylineWindow *self);
gboolean        storyline_window_save_as_file (StorylineWindow *self,
                                               GFile           *file);
void            storyline_window_show_toast (StorylineWindow *self,
                                             const char      *text);
StorylinePane    storyline_window_get_visible_pane (StorylineWindow    *self);

void             storyline_window_new_story      (StorylineWindow      *self);
guint            storyline_window_offer_recovery (StorylineWindow      *self);
void             storyline_window_restore        (StorylineWindow      *self,
                                                  StorylineRecovery    *recovery);
StorylineEditHistory *storyline_window_get_edit_history (StorylineWindow *self);
StorylineEventEditor *storyline_window_get_event_editor (StorylineWindow *self);

G_END_DECLS
