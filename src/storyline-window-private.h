/* storyline-window-private.h: what the window's files share
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "storyline-edit-history.h"
#include "storyline-event-editor.h"
#include "storyline-event-filter.h"
#include "storyline-event-list-view.h"
#include "storyline-event-rows.h"
#include "storyline-event-view.h"
#include "storyline-filter-choices.h"
#include "storyline-load-progress.h"
#include "storyline-paper.h"
#include "storyline-problem-view.h"
#include "storyline-time-axis.h"
#include "storyline-recovery.h"
#include "storyline-sources-pane.h"
#include "storyline-story-loader.h"
#include "storyline-toast.h"
#include "storyline-paper.h"
#include "storyline-window.h"

G_BEGIN_DECLS

/* What waits on the unsaved-changes question. */
typedef enum
{
  STORYLINE_AFTER_SAVE_NOTHING,
  STORYLINE_AFTER_SAVE_CLOSE,
  STORYLINE_AFTER_SAVE_RELOAD,
  STORYLINE_AFTER_SAVE_OPEN_BUNDLED,
  STORYLINE_AFTER_SAVE_OPEN_EXAMPLE
} StorylineAfterSave;

/* Below this width the three panes become one at a time. */
#define NARROW_WIDTH 800

struct _StorylineWindow
{
  GtkApplicationWindow parent_instance;

  /* Template widgets */
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkButton *back_button;
  GtkToggleButton *search_button;
  GtkMenuButton *filter_button;
  GtkMenuButton *menu_button;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkRevealer *filter_revealer;
  GtkLabel *filter_label;
  GtkRevealer *time_axis_revealer; /* the time axis (storyline-window-time-axis.c) */
  StorylineTimeAxis *time_axis;
  GtkToggleButton *time_axis_button;
  GtkWidget *time_axis_buttons;
  guint time_axis_source;          /* the axis drawn again after edits */
  guint time_zoom_source;          /* its zoom saved when it settles */
  GtkButton *range_button;         /* the time axis's span, and its clear button */
  GtkLabel *range_label;
  GtkStack *main_stack;
  GtkSpinner *loading_spinner;
  StorylineProblemView *page_problems;
  StorylineProblemView *banner_problems;
  GtkRevealer *problems_revealer;
  GtkRevealer *loading_revealer;
  GtkLabel *loading_label;
  GtkProgressBar *loading_bar;
  GMenu *recent_menu;
  GtkPaned *outer_paned;
  GtkPaned *inner_paned;
  GtkWidget *list_pane;
  GtkWidget *details_pane;
  StorylineSourcesPane *sources_pane;
  StorylineEventListView *event_list_view;
  StorylineEventView *event_view;
  GtkButton *show_sources_button;
  StorylineFilterChoices *filter_choices;
  StorylineToast *toast;
  GtkToggleButton *edit_button;
  GtkButton *add_event_button;
  GtkStack *details_stack;
  StorylineEventEditor *event_editor;
  GtkRevealer *disk_revealer;
  GtkRevealer *recovery_revealer;
  GtkLabel *recovery_label;

  /* Borrowed references */
  GtkListView *event_list;         /* the events pane's list view */

  /* Owned references */
  StorylineStory *story;
  StorylineStoryLoader *loader;    /* loads the story, keeps it loaded */
  StorylineEventList *list;        /* the events shown, in display order */
  StorylineEventRows *rows;        /* the list view's items: one per row */
  StorylineEventFilter *filter;
  GtkSingleSelection *selection;
  GSettings *settings;
  StorylineEditHistory *history;   /* the edits to the story */

  StorylineEvent *keep;            /* the selection across a filter change */
  gboolean refiltering;            /* the selection is being carried over */
  gboolean setting_story;

  char *resource_name;             /* the story from the GResource, if not the bundled one */
  guint progress_source;
  guint select_first_source;      /* the first listed event, once the list settles */
  gint64 load_started;

  gboolean narrow;
  gboolean newest_first;
  gboolean editing;                /* Edit mode */
  gboolean closing;                /* the unsaved-changes question said Discard */
  gboolean new_story;              /* made here, never saved */
  gboolean importing;              /* a file being made a story (storyline-window-import.c) */
  GCancellable *import_cancellable;
  GCancellable *pages_cancellable; /* print or a PDF being prepared (storyline-window-print.c) */
  StorylinePaper *paper;           /* the pages being printed */
  GtkPrintSettings *print_settings;/* the last print's, for the next */
  GtkPrintOperationResult print_result;
  guint pages_pulse;
  gboolean exporting;              /* a PDF being written */
  StorylineAfterSave after_save;   /* what to do once the story is saved or discarded */
  char *resource_path;             /* the story's, when it came from the GResource */
  char *recovery_key;              /* names the file the edits not saved are kept in */
  guint recovery_source;           /* writes it a little after the last edit */
  guint choices_source;            /* the filter's actors after a rename pauses */
  GPtrArray *offered;              /* StorylineRecovery: edits left by windows that did not close */
  StorylineRecovery *restoring;    /* done again once its story has loaded */
  StorylinePane pane;
};

StorylineEvent *_storyline_window_get_selected       (StorylineWindow      *self);
void            _storyline_window_update_panes       (StorylineWindow      *self);
void            _storyline_window_stop_progress      (StorylineWindow      *self);
void            _storyline_window_class_actions_init (GtkWidgetClass       *widget_class);
void            _storyline_window_set_story          (StorylineWindow      *self,
                                                      StorylineStory       *story);

/* storyline-window-layout.c */
void            _storyline_window_layout_init        (StorylineWindow      *self);
void            _storyline_window_allocated          (StorylineWindow      *self,
                                                      int                   width);
void            _storyline_window_save_state         (StorylineWindow      *self);
void            _storyline_window_restore_state      (StorylineWindow      *self);

/* storyline-window-time-axis.c */
void            _storyline_window_time_axis_class_init (GtkWidgetClass     *widget_class);
void            _storyline_window_time_axis_init     (StorylineWindow      *self);
void            _storyline_window_time_axis_dispose  (StorylineWindow      *self);
void            _storyline_window_time_axis_set_story (StorylineWindow     *self,
                                                      StorylineStory       *story);
void            _storyline_window_time_axis_selected (StorylineWindow      *self,
                                                      StorylineEvent       *event);
void            _storyline_window_time_axis_source   (StorylineWindow      *self,
                                                      StorylineSource      *source);
void            _storyline_window_time_axis_update   (StorylineWindow      *self);
void            _storyline_window_time_axis_story_edited (StorylineWindow  *self);

/* storyline-window-print.c */
void            _storyline_window_print_class_init   (GtkWidgetClass       *widget_class);
void            _storyline_window_print_dispose      (StorylineWindow      *self);

/* storyline-window-import.c */
void            _storyline_window_import_class_init  (GtkWidgetClass       *widget_class);

/* storyline-window-editing.c */
void            _storyline_window_editing_init       (StorylineWindow      *self);
void            _storyline_window_editing_class_init (GtkWidgetClass       *widget_class);
void            _storyline_window_set_history        (StorylineWindow      *self);
void            _storyline_window_set_editing        (StorylineWindow      *self,
                                                      gboolean              editing);
void            _storyline_window_update_title       (StorylineWindow      *self);
gboolean        _storyline_window_ask_to_save        (StorylineWindow      *self,
                                                      StorylineAfterSave    then);
void            _storyline_window_do_after_save      (StorylineWindow      *self);
void            _storyline_window_editing_selected   (StorylineWindow      *self,
                                                      StorylineEvent       *event);
void _storyline_window_show_warnings (StorylineWindow *self);
void _storyline_window_update_sources (StorylineWindow *self,
                                       StorylineEvent  *event);
gboolean        _storyline_window_can_save           (StorylineWindow      *self);
gboolean        _storyline_window_save_to            (StorylineWindow      *self,
                                                      GFile                *file);

void            _storyline_window_editing_dispose    (StorylineWindow      *self);
void            _storyline_window_story_loaded       (StorylineWindow      *self);

/* storyline-window-loading.c */
void            _storyline_window_loading_init       (StorylineWindow      *self);

G_END_DECLS
