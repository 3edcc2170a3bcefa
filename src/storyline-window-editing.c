/* storyline-window-editing.c: the window's Edit mode, undo and redo,
 * saving, and never losing edits
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "storyline-story-edit.h"
#include "storyline-window-private.h"
#include "storyline-application.h"
#include "storyline-story-text.h"
#include "storyline-writer.h"

#include <string.h>

/* Every story shown has an edit history; Edit mode only shows the forms
 * that add to it. A change made (typed, undone or redone) reaches the
 * list through the story's signals: the row of an edited event is shown
 * again, an event whose date moved it goes to its new place, and the
 * title gets a “•” while there are edits not saved. While there are, the
 * file is not reloaded when it changes on disk: a banner asks. */

static void
update_actions (StorylineWindow *self)
{
  gboolean has_story = self->story != NULL && self->history != NULL;
  gboolean has_event = has_story && _storyline_window_get_selected (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 has_story && storyline_edit_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 has_story && storyline_edit_history_can_redo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_story);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-event", has_story && self->editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate-event", has_event && self->editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-event", has_event && self->editing);
}

/* Recovery: the edits not saved, kept on disk a little after the last. */

#define RECOVERY_DELAY_MS 2000

static char *
story_origin (StorylineWindow *self)
{
  GFile *file = storyline_story_loader_get_file (self->loader);

  if (self->new_story)
    return NULL;
  if (file != NULL)
    return g_file_get_uri (file);
  if (self->resource_path != NULL)
    return g_strconcat ("resource://", self->resource_path, NULL);
  return NULL;
}

static gboolean
write_recovery (gpointer data)
{
  StorylineWindow *self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *origin = NULL;

  self->recovery_source = 0;
  if (self->history == NULL || self->recovery_key == NULL)
    return G_SOURCE_REMOVE;
  if (!storyline_edit_history_get_modified (self->history))
    {
      storyline_recovery_remove (self->recovery_key);
      return G_SOURCE_REMOVE;
    }
  origin = story_origin (self);
  if (!storyline_recovery_write (self->recovery_key, origin, self->history, &error))
    g_warning ("Edits not kept for recovery: %s", error->message);
  return G_SOURCE_REMOVE;
}

static void
schedule_recovery (StorylineWindow *self)
{
  g_clear_handle_id (&self->recovery_source, g_source_remove);
  self->recovery_source = g_timeout_add (RECOVERY_DELAY_MS, write_recovery, self);
}

static void
modified_changed (StorylineWindow *self)
{
  gboolean modified = storyline_edit_history_get_modified (self->history);

  /* Edits not saved: a change on disk must not replace them. */
  storyline_story_loader_set_hold (self->loader, modified);
  _storyline_window_update_title (self);
  /* Saved or undone back to the file: nothing to recover. */
  if (!modified && self->recovery_key != NULL)
    {
      g_clear_handle_id (&self->recovery_source, g_source_remove);
      storyline_recovery_remove (self->recovery_key);
    }
}

/* @event's row, and its text for the search, made again. */
static void
refresh_event (StorylineWindow *self,
               StorylineEvent  *event)
{
  storyline_event_list_update_event (self->list, event);
  storyline_event_list_view_refresh_event (self->event_list_view, event);
}

static void
event_changed (StorylineWindow *self,
               StorylineEvent  *event,
               guint            field)
{
  refresh_event (self, event);
  /* The sources it cites: their cards. */
  if (field == STORYLINE_EVENT_FIELD_SOURCES && event == _storyline_window_get_selected (self))
    _storyline_window_update_sources (self, event);
  schedule_recovery (self);
}

static void
events_changed (StorylineWindow *self,
                StorylineEvent  *event)
{
  storyline_event_list_update_event (self->list, event);
  update_actions (self);
  schedule_recovery (self);
}

/* A quote's words are searched as its event's: the list is told, for
 * the event it is in and the one it left. */
static void
quote_changed (StorylineWindow *self,
               StorylineQuote  *quote,
               StorylineEvent  *left)
{
  StorylineEvent *events[] = { storyline_quote_get_event (quote), left };

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    if (events[i] != NULL)
      refresh_event (self, events[i]);
  schedule_recovery (self);
}

static gboolean
refresh_choices (gpointer data)
{
  StorylineWindow *self = data;

  self->choices_source = 0;
  if (self->story != NULL)
    storyline_filter_choices_set_story (self->filter_choices, self->story);
  return G_SOURCE_REMOVE;
}

/* An actor's name is searched as the events' naming it; the filter lists
 * it too, made again when typing pauses (it reads every event). */
static void
actor_changed (StorylineWindow *self,
               StorylineActor  *actor)
{
  for (guint i = 0; i < storyline_actor_get_n_events (actor); i++)
    refresh_event (self, storyline_actor_get_event (actor, i));
  g_clear_handle_id (&self->choices_source, g_source_remove);
  self->choices_source = g_timeout_add (300, refresh_choices, self);
  schedule_recovery (self);
}

/* A source's title and authors are searched as the events' citing it. */
static void
source_changed (StorylineWindow *self,
                StorylineSource *source)
{
  for (guint i = 0; i < storyline_source_get_n_events (source); i++)
    refresh_event (self, storyline_source_get_event (source, i));
  schedule_recovery (self);
}

/* An item put back (or left out again): the banner lists what is still
 * left out, and the other warnings. */
static void
left_out_changed (StorylineWindow *self)
{
  _storyline_window_show_warnings (self);
  schedule_recovery (self);
}

static void
story_changed (StorylineWindow *self)
{
  _storyline_window_update_title (self);
  schedule_recovery (self);
}

/* The actor filter lists the story's actors as they now are. */
static void
actors_changed (StorylineWindow *self)
{
  storyline_filter_choices_set_story (self->filter_choices, self->story);
  schedule_recovery (self);
}

/**
 * _storyline_window_set_history:
 *
 * A new edit history for the story just shown, taken to be saved as it
 * is (unless it was made here).
 */
void
_storyline_window_set_history (StorylineWindow *self)
{
  if (self->history != NULL)
    {
      if (storyline_edit_history_get_story (self->history) == self->story)
        return;
      g_signal_handlers_disconnect_by_data (self->history, self);
      g_clear_object (&self->history);
    }
  if (self->recovery_key != NULL)
    {
      g_clear_handle_id (&self->recovery_source, g_source_remove);
      storyline_recovery_remove (self->recovery_key);
    }
  g_free (self->recovery_key);
  self->recovery_key = storyline_recovery_new_key ();
  if (self->story != NULL)
    {
      self->history = storyline_edit_history_new (self->story);
      if (self->new_story)
        storyline_edit_history_set_unsaved (self->history);
      g_signal_connect_swapped (self->history, "notify::modified", G_CALLBACK (modified_changed), self);
      g_signal_connect_swapped (self->history, "notify::can-undo", G_CALLBACK (update_actions), self);
      g_signal_connect_swapped (self->history, "notify::can-redo", G_CALLBACK (update_actions), self);
      g_signal_connect_object (self->story, "event-changed", G_CALLBACK (event_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->story, "events-changed", G_CALLBACK (events_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->story, "changed", G_CALLBACK (story_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->story, "actors-changed", G_CALLBACK (actors_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->story, "quote-changed", G_CALLBACK (quote_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->story, "source-changed", G_CALLBACK (source_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->story, "actor-changed", G_CALLBACK (actor_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->story, "left-out-changed", G_CALLBACK (left_out_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->story, "phases-changed", G_CALLBACK (schedule_recovery), self, G_CONNECT_SWAPPED);
      storyline_story_loader_set_hold (self->loader, storyline_edit_history_get_modified (self->history));
    }
  gtk_revealer_set_reveal_child (self->disk_revealer, FALSE);
  storyline_sources_pane_set_history (self->sources_pane, self->editing ? self->history : NULL);
  if (self->event_editor != NULL)
    {
      storyline_event_editor_set_history (self->event_editor, self->history);
      storyline_event_editor_set_event (self->event_editor, _storyline_window_get_selected (self));
    }
  update_actions (self);
}

/**
 * _storyline_window_editing_selected:
 *
 * The selection changed: the form shows the event selected.
 */
void
_storyline_window_editing_selected (StorylineWindow *self,
                                    StorylineEvent  *event)
{
  if (self->event_editor != NULL)
    storyline_event_editor_set_event (self->event_editor, event);
  update_actions (self);
}

/**
 * _storyline_window_set_editing:
 *
 * Edit mode on or off: the details pane is the form, or the event as
 * read.
 */
void
_storyline_window_set_editing (StorylineWindow *self,
                               gboolean         editing)
{
  StorylineEvent *event = _storyline_window_get_selected (self);

  if (self->editing == editing)
    return;
  self->editing = editing;
  /* The form is made the first time it is wanted: not a cost of the
   * window's first frame. */
  if (editing && self->event_editor == NULL)
    {
      self->event_editor = STORYLINE_EVENT_EDITOR (g_object_new (STORYLINE_TYPE_EVENT_EDITOR, NULL));
      gtk_stack_add_named (self->details_stack, GTK_WIDGET (self->event_editor), "edit");
      storyline_event_editor_set_history (self->event_editor, self->history);
      storyline_event_editor_set_event (self->event_editor, event);
    }
  gtk_stack_set_visible_child_name (self->details_stack, editing ? "edit" : "view");
  storyline_sources_pane_set_history (self->sources_pane, editing ? self->history : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->add_event_button), editing);
  if (!editing)
    {
      /* The event as now edited. */
      storyline_event_view_set_event (self->event_view, NULL);
      storyline_event_view_set_event (self->event_view, event);
      if (self->history != NULL)
        storyline_edit_history_end_step (self->history);
    }
  else if (self->narrow && event != NULL)
    {
      self->pane = STORYLINE_PANE_DETAILS;
      _storyline_window_update_panes (self);
    }
  update_actions (self);
  g_object_notify (G_OBJECT (self), "editing");
}

static void
show_event (StorylineWindow *self,
            StorylineEvent  *event)
{
  /* Followed already: the list keeps the selection where an edit moves it. */
  if (event == NULL || event == _storyline_window_get_selected (self))
    return;
  if (!storyline_window_select_event (self, event))
    {
      /* Left out by the filters: shown anyway, as it is what changed. */
      storyline_window_set_search (self, NULL);
      storyline_window_select_event (self, event);
    }
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);

  if (self->history != NULL)
    show_event (self, storyline_edit_history_undo (self->history));
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);

  if (self->history != NULL)
    show_event (self, storyline_edit_history_redo (self->history));
}

static void
after_adding (StorylineWindow *self,
              StorylineEvent  *event)
{
  show_event (self, event);
  if (self->narrow)
    {
      self->pane = STORYLINE_PANE_DETAILS;
      _storyline_window_update_panes (self);
    }
  storyline_event_editor_focus_title (self->event_editor);
}

static void
add_event_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);
  StorylineEvent *selected = _storyline_window_get_selected (self);
  StorylineDate date;

  if (self->history == NULL || !self->editing)
    return;
  /* The date of the event selected, or today: a date is required. */
  if (selected != NULL)
    date = *storyline_event_get_date (selected);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      storyline_date_parse (today, &date, NULL);
    }
  after_adding (self, storyline_edit_history_add_event (self->history, selected, _("New event"), &date));
}

static void
duplicate_event_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);
  StorylineEvent *selected = _storyline_window_get_selected (self);

  if (self->history == NULL || selected == NULL || !self->editing)
    return;
  after_adding (self, storyline_edit_history_duplicate_event (self->history, selected));
}

static void
delete_event_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);
  StorylineEvent *selected = _storyline_window_get_selected (self);
  guint position = gtk_single_selection_get_selected (self->selection);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *title = NULL;
  guint n;

  if (self->history == NULL || selected == NULL || !self->editing)
    return;
  title = g_strdup (storyline_event_get_title (selected));
  if (!storyline_edit_history_delete_event (self->history, selected, &error))
    {
      storyline_window_show_toast (self, error->message);
      return;
    }
  /* The next event takes its place, so Delete can be pressed again. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  if (n > 0)
    gtk_single_selection_set_selected (self->selection, MIN (position, n - 1));
  /* Translators: %s is an event's title */
  message = g_strdup_printf (_("“%s” deleted. Undo with Ctrl+Z."), title);
  storyline_window_show_toast (self, message);
}

/* Saving */

/**
 * _storyline_window_can_save:
 *
 * A field of the form holding a wrong value is not in the story: saving
 * would lose it without a word. Says so instead.
 *
 * Returns: whether the story can be saved as it stands
 */
gboolean
_storyline_window_can_save (StorylineWindow *self)
{
  if ((self->event_editor != NULL && storyline_event_editor_has_problems (self->event_editor)) ||
      storyline_sources_pane_has_problems (self->sources_pane))
    {
      storyline_window_show_toast (self, _("Not saved: a field has a problem, marked in red. Correct it or undo it first."));
      self->after_save = STORYLINE_AFTER_SAVE_NOTHING;
      return FALSE;
    }
  return TRUE;
}

/**
 * _storyline_window_save_to:
 *
 * Writes the story to @file, whole or not at all, and from then on the
 * window's story is that file's, saved.
 *
 * Returns: whether it was saved
 */
gboolean
_storyline_window_save_to (StorylineWindow *self,
                           GFile           *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (self->story == NULL || !_storyline_window_can_save (self))
    return FALSE;
  name = g_file_get_basename (file);
  if (!storyline_story_save (self->story, file, NULL, &error))
    {
      /* Translators: %s says why, from the system */
      message = g_strdup_printf (_("Not saved: %s"), error->message);
      storyline_window_show_toast (self, message);
      return FALSE;
    }
  self->new_story = FALSE;
  storyline_story_loader_saved (self->loader, file);
  g_clear_pointer (&self->resource_name, g_free);
  if (self->history != NULL)
    storyline_edit_history_set_saved (self->history);
  gtk_revealer_set_reveal_child (self->disk_revealer, FALSE);
  _storyline_window_update_title (self);
  {
    g_autofree char *uri = g_file_get_uri (file);
    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  }
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Saved “%s”"), name);
  storyline_window_show_toast (self, message);
  _storyline_window_do_after_save (self);
  return TRUE;
}

static void
overwrite_response (GtkDialog *dialog,
                    int        response,
                    gpointer   data)
{
  StorylineWindow *self = STORYLINE_WINDOW (data);
  GFile *file = storyline_story_loader_get_file (self->loader);

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    _storyline_window_save_to (self, file);
  else
    self->after_save = STORYLINE_AFTER_SAVE_NOTHING;
  g_object_unref (self);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);
  GFile *file = storyline_story_loader_get_file (self->loader);

  if (self->story == NULL || !_storyline_window_can_save (self))
    return;
  /* Never saved to a file of its own (new, bundled, an example): Save
   * As. A story opened anyway is saved with what it left out, where it
   * was. */
  if (file == NULL || self->new_story)
    {
      gtk_widget_activate_action (widget, "win.save-as", NULL);
      return;
    }
  if (storyline_story_loader_changed_on_disk (self->loader))
    {
      GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                                  GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                                  _("The file changed since it was opened"));

      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                                _("Another program wrote to it. Saving replaces what it wrote with this story."));
      gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                              _("_Save Anyway"), GTK_RESPONSE_ACCEPT, NULL);
      gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
      g_signal_connect (dialog, "response", G_CALLBACK (overwrite_response), g_object_ref (self));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  _storyline_window_save_to (self, file);
}

/* The unsaved-changes question */

/**
 * _storyline_window_do_after_save:
 *
 * Does what waited for the story to be saved or its edits discarded.
 */
void
_storyline_window_do_after_save (StorylineWindow *self)
{
  /* The action each waited in, by StorylineAfterSave. */
  static const char * const actions[] = { NULL, NULL, "win.reload", "win.open-bundled", "win.open-example" };
  StorylineAfterSave then = self->after_save;

  self->after_save = STORYLINE_AFTER_SAVE_NOTHING;
  if (then == STORYLINE_AFTER_SAVE_CLOSE)
    {
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (then < G_N_ELEMENTS (actions) && actions[then] != NULL)
    {
      /* Saved or discarded: the action asks nothing this time. */
      if (self->history != NULL)
        storyline_edit_history_set_saved (self->history);
      gtk_widget_activate_action (GTK_WIDGET (self), actions[then], NULL);
    }
}

enum {
  RESPONSE_DISCARD = 1,
  RESPONSE_SAVE = 2
};

static void
question_response (GtkDialog *dialog,
                   int        response,
                   gpointer   data)
{
  StorylineWindow *self = STORYLINE_WINDOW (data);

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == RESPONSE_SAVE)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
  else if (response == RESPONSE_DISCARD)
    {
      /* Discarded: the story as last saved is what counts now. */
      if (self->history != NULL)
        storyline_edit_history_set_saved (self->history);
      g_clear_handle_id (&self->recovery_source, g_source_remove);
      storyline_recovery_remove (self->recovery_key);
      _storyline_window_do_after_save (self);
    }
  else
    self->after_save = STORYLINE_AFTER_SAVE_NOTHING;
  g_object_unref (self);
}

/**
 * _storyline_window_ask_to_save:
 * @then: what to do once the edits are saved or discarded
 *
 * When the story has edits not saved, asks whether to save them (Save,
 * Discard, Cancel) and does @then once answered with Save or Discard.
 *
 * Returns: %TRUE when the question was asked (the caller stops: @then
 *   will be done, or not); %FALSE when there was nothing to ask
 */
gboolean
_storyline_window_ask_to_save (StorylineWindow    *self,
                               StorylineAfterSave  then)
{
  GtkWidget *dialog;
  const char *title;

  if (self->closing || self->history == NULL || !storyline_edit_history_get_modified (self->history))
    return FALSE;

  self->after_save = then;
  title = self->story ? storyline_story_get_title (self->story) : NULL;
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   /* Translators: %s is the story's title */
                                   _("Save the changes to “%s”?"), title ? title : "");
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("If you do not save, your edits will be lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Discard"), RESPONSE_DISCARD, _("_Save"), RESPONSE_SAVE, NULL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), RESPONSE_DISCARD),
                            "destructive-action");
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), RESPONSE_SAVE),
                            "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_SAVE);
  g_signal_connect (dialog, "response", G_CALLBACK (question_response), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* The file changed on disk while there are edits */

static void
changed_on_disk (StorylineWindow *self)
{
  gtk_revealer_set_reveal_child (self->disk_revealer, TRUE);
}

static void
reload_discarding_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);
  GFile *file = storyline_story_loader_get_file (self->loader);

  gtk_revealer_set_reveal_child (self->disk_revealer, FALSE);
  if (file != NULL)
    storyline_window_load_file (self, file);
}

static void
keep_mine_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);

  /* Saving over the file will ask first: it changed since it was read. */
  gtk_revealer_set_reveal_child (self->disk_revealer, FALSE);
}

/* Edits left by a window that did not close */

static void show_next_offer (StorylineWindow *self);

static char *
describe_offer (StorylineRecovery *r)
{
  g_autoptr(GDateTime) local = r->written ? g_date_time_to_local (r->written) : NULL;
  g_autofree char *when = local ? g_date_time_format (local, "%x %X") : g_strdup ("");

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: a story's title, how many edits, and when */
                                       "Storyline closed before “%s” was saved: %u edit from %s can be restored.",
                                       "Storyline closed before “%s” was saved: %u edits from %s can be restored.",
                                       r->n_steps),
                          r->title, r->n_steps, when);
}

static void
show_next_offer (StorylineWindow *self)
{
  StorylineRecovery *r = self->offered && self->offered->len > 0 ? self->offered->pdata[0] : NULL;

  if (r != NULL)
    {
      g_autofree char *text = describe_offer (r);
      storyline_label_set_story_text (self->recovery_label, text);
    }
  gtk_revealer_set_reveal_child (self->recovery_revealer, r != NULL);
}

/**
 * storyline_window_offer_recovery:
 *
 * Looks for edits left on disk by windows that did not close, other than
 * the application's windows', and offers them back in a banner.
 *
 * Returns: how many are offered
 */
guint
storyline_window_offer_recovery (StorylineWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GPtrArray *found = storyline_recovery_list ();

  g_return_val_if_fail (STORYLINE_IS_WINDOW (self), 0);

  for (guint i = found->len; i > 0; i--)
    {
      StorylineRecovery *r = found->pdata[i - 1];
      gboolean mine = FALSE;

      for (GList *l = app ? gtk_application_get_windows (app) : NULL; l != NULL && !mine; l = l->next)
        mine = STORYLINE_IS_WINDOW (l->data) && g_strcmp0 (STORYLINE_WINDOW (l->data)->recovery_key, r->key) == 0;
      if (mine || r->n_steps == 0)
        g_ptr_array_remove_index (found, i - 1);
    }
  g_clear_pointer (&self->offered, g_ptr_array_unref);
  self->offered = found;
  show_next_offer (self);
  return found->len;
}

/* The story has loaded: edits being restored are done again on it. */
void
_storyline_window_story_loaded (StorylineWindow *self)
{
  g_autoptr(StorylineRecovery) r = g_steal_pointer (&self->restoring);
  g_autoptr(GError) error = NULL;

  if (r == NULL || self->history == NULL)
    return;
  /* The same file keeps the edits until they are saved. */
  storyline_recovery_remove (self->recovery_key);
  g_free (self->recovery_key);
  self->recovery_key = g_strdup (r->key);
  if (!storyline_edit_history_replay (self->history, r->journal, &error))
    {
      /* Translators: %s says which edit and why */
      g_autofree char *message = g_strdup_printf (_("Not every edit could be restored: %s"), error->message);
      storyline_window_show_toast (self, message);
    }
  else
    storyline_window_show_toast (self, _("Edits restored. Save to keep them."));
  if (self->new_story)
    storyline_edit_history_set_unsaved (self->history);
  _storyline_window_update_title (self);
  schedule_recovery (self);
}

/**
 * storyline_window_restore:
 * @recovery: (transfer full): edits left on disk
 *
 * Opens the story the edits were made to, as it was, and does them again.
 */
void
storyline_window_restore (StorylineWindow   *self,
                          StorylineRecovery *recovery)
{
  g_return_if_fail (STORYLINE_IS_WINDOW (self));
  g_return_if_fail (recovery != NULL);

  g_clear_pointer (&self->restoring, storyline_recovery_free);
  self->restoring = recovery;
  if (recovery->origin == NULL)
    {
      storyline_window_new_story (self);
      _storyline_window_story_loaded (self);
    }
  else if (g_str_has_prefix (recovery->origin, "resource://"))
    {
      self->new_story = FALSE;
      storyline_window_load_resource (self, recovery->origin + strlen ("resource://"));
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recovery->origin);

      self->new_story = FALSE;
      storyline_window_load_file (self, file);
    }
}

static void
restore_recovered_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);
  StorylineRecovery *r;
  StorylineWindow *target = self;

  if (self->offered == NULL || self->offered->len == 0)
    return;
  r = g_ptr_array_steal_index (self->offered, 0);
  /* Here, unless this window has edits of its own. */
  if (self->history != NULL && storyline_edit_history_get_modified (self->history))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      target = storyline_window_new (STORYLINE_APPLICATION (app));
      gtk_window_present (GTK_WINDOW (target));
    }
  storyline_window_restore (target, r);
  show_next_offer (self);
}

static void
discard_recovered_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);
  g_autoptr(StorylineRecovery) r = NULL;

  if (self->offered == NULL || self->offered->len == 0)
    return;
  r = g_ptr_array_steal_index (self->offered, 0);
  storyline_recovery_remove (r->key);
  show_next_offer (self);
}

void
_storyline_window_editing_dispose (StorylineWindow *self)
{
  /* Not removed: a window destroyed with edits not saved leaves them, as
   * a crash would (closing asks first). Written now if they are due. */
  if (self->recovery_source != 0)
    {
      g_clear_handle_id (&self->recovery_source, g_source_remove);
      write_recovery (self);
    }
  g_clear_handle_id (&self->choices_source, g_source_remove);
  g_clear_pointer (&self->recovery_key, g_free);
  g_clear_pointer (&self->resource_path, g_free);
  g_clear_pointer (&self->offered, g_ptr_array_unref);
  g_clear_pointer (&self->restoring, storyline_recovery_free);
}

void
_storyline_window_editing_init (StorylineWindow *self)
{
  g_signal_connect_object (self->loader, "changed-on-disk", G_CALLBACK (changed_on_disk), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

void
_storyline_window_editing_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "win.edit", "editing");
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "win.add-event", NULL, add_event_activated);
  gtk_widget_class_install_action (widget_class, "win.duplicate-event", NULL, duplicate_event_activated);
  gtk_widget_class_install_action (widget_class, "win.delete-event", NULL, delete_event_activated);
  gtk_widget_class_install_action (widget_class, "win.reload-discarding", NULL, reload_discarding_activated);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_activated);
  gtk_widget_class_install_action (widget_class, "win.restore-recovered", NULL, restore_recovered_activated);
  gtk_widget_class_install_action (widget_class, "win.discard-recovered", NULL, discard_recovered_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_CONTROL_MASK, "win.add-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.duplicate-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "win.delete-event", NULL);
}

/**
 * storyline_window_new_story:
 *
 * Shows a new story with nothing in it, not saved, in Edit mode, the
 * focus in its title.
 */
void
storyline_window_new_story (StorylineWindow *self)
{
  g_autoptr(StorylineStory) story = NULL;

  g_return_if_fail (STORYLINE_IS_WINDOW (self));

  story = storyline_story_new (_("Untitled Story"), NULL);
  self->new_story = TRUE;
  g_clear_pointer (&self->resource_name, g_free);
  _storyline_window_stop_progress (self);
  _storyline_window_set_story (self, story);
  _storyline_window_update_title (self);
  _storyline_window_set_editing (self, TRUE);
  storyline_event_editor_focus_story_title (self->event_editor);
}

/**
 * storyline_window_get_edit_history:
 *
 * Returns: (transfer none) (nullable): the edits to the story shown
 */
StorylineEditHistory *
storyline_window_get_edit_history (StorylineWindow *self)
{
  g_return_val_if_fail (STORYLINE_IS_WINDOW (self), NULL);
  return self->history;
}

/**
 * storyline_window_get_event_editor:
 *
 * Returns: (transfer none) (nullable): Edit mode's form, once it has been
 *   shown
 */
StorylineEventEditor *
storyline_window_get_event_editor (StorylineWindow *self)
{
  g_return_val_if_fail (STORYLINE_IS_WINDOW (self), NULL);
  return self->event_editor;
}
