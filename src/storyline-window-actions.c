/* storyline-window-actions.c: what the window's actions and shortcuts do
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "storyline-clipboard.h"
#include "storyline-window-private.h"

static void
filter_actor_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);
  StorylineActor *actor = self->story ? storyline_story_lookup_actor (self->story, g_variant_get_string (parameter, NULL)) : NULL;

  if (actor == NULL)
    return;
  storyline_event_filter_set_actor (self->filter, actor);
  if (self->narrow)
    {
      self->pane = STORYLINE_PANE_EVENTS;
      _storyline_window_update_panes (self);
    }
}

static void
filter_source_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);
  StorylineSource *source = self->story ? storyline_story_lookup_source (self->story, g_variant_get_string (parameter, NULL)) : NULL;

  if (source == NULL)
    return;
  storyline_event_filter_set_source (self->filter, source);
  if (self->narrow)
    {
      self->pane = STORYLINE_PANE_EVENTS;
      _storyline_window_update_panes (self);
    }
}

static void
select_event_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);
  StorylineEvent *event = self->story ? storyline_story_lookup_event (self->story, g_variant_get_string (parameter, NULL)) : NULL;

  if (event == NULL)
    return;
  /* A related event hidden by the filters is worth more than the filters. */
  if (!storyline_window_select_event (self, event))
    {
      storyline_event_filter_clear (self->filter);
      storyline_window_select_event (self, event);
    }
}

/* Every source of the event, in the chosen style, as text and HTML. */
static void
copy_all_citations_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);
  g_autofree char *html = NULL;
  g_autofree char *text = storyline_sources_pane_dup_citations (self->sources_pane, &html);

  StorylineEvent *event = storyline_window_get_selected_event (self);
  guint n = event ? storyline_event_get_n_sources (event) : 0;

  /* Nothing copied is said too, and the clipboard is left as it was. */
  if (text == NULL || n == 0)
    {
      storyline_window_show_toast (self, event ? _("Nothing copied: this event cites no source")
                                               : _("Nothing copied: no event is selected"));
      return;
    }
  {
    g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u citation copied", "%u citations copied", n), n);

    storyline_clipboard_set_text_and_html (gtk_widget_get_clipboard (widget), text, html);
    storyline_window_show_toast (self, message);
  }
}

/* A confirmation from any part of the window: "Citation copied". */
static void
show_toast_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  storyline_window_show_toast (STORYLINE_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);

  GFile *file = storyline_story_loader_get_file (self->loader);

  if (_storyline_window_ask_to_save (self, STORYLINE_AFTER_SAVE_RELOAD))
    return;
  if (self->new_story)
    return;
  if (file != NULL)
    storyline_window_load_file (self, file);
  else if (self->story != NULL)
    storyline_window_load_resource (self, STORYLINE_BUNDLED_STORY);
}

static void
retry_load_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);
  GFile *loading_file = storyline_story_loader_get_loading_file (self->loader);

  gtk_revealer_set_reveal_child (self->problems_revealer, FALSE);
  if (storyline_story_loader_get_loading_bundled (self->loader) || loading_file == NULL)
    storyline_window_load_resource (self, STORYLINE_BUNDLED_STORY);
  else if (storyline_story_loader_get_anyway (self->loader))
    storyline_story_loader_load_file_anyway (self->loader, loading_file);
  else
    storyline_window_load_file (self, loading_file);
}

static void
cancel_load_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);

  storyline_story_loader_cancel (self->loader);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  if (self->pages_cancellable != NULL)
    {
      /* Printing or a PDF: stopped; the story is not touched. */
      g_cancellable_cancel (self->pages_cancellable);
      _storyline_window_stop_progress (self);
      return;
    }
  _storyline_window_stop_progress (self);
  /* Nothing else changes: the story on screen, if any, stays. */
  if (self->story == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "problems");
      storyline_problem_view_set (self->page_problems, _("Opening was cancelled"), "", NULL, NULL);
    }
}

static void
open_bundled_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);

  if (_storyline_window_ask_to_save (self, STORYLINE_AFTER_SAVE_OPEN_BUNDLED))
    return;
  self->new_story = FALSE;
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  storyline_window_load_resource (self, STORYLINE_BUNDLED_STORY);
}

/* Save As: the story on screen written as a story file, in the canonical
 * form, then shown from there. */
static void
save_as_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  StorylineWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      storyline_window_save_as_file (self, file);
    }
  else
    self->after_save = STORYLINE_AFTER_SAVE_NOTHING;
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
save_as_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);
  GFile *current = storyline_story_loader_get_file (self->loader);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->story == NULL || !_storyline_window_can_save (self))
    return;
  if (storyline_story_loader_get_anyway (self->loader))
    {
      storyline_window_show_toast (self, _("Not saved: this story was opened without some of its items; mend its file instead"));
      self->after_save = STORYLINE_AFTER_SAVE_NOTHING;
      return;
    }

  dialog = gtk_file_chooser_native_new (_("Save the Story As"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  if (current != NULL && !self->new_story)
    name = g_file_get_basename (current);
  else if (self->new_story)
    /* Translators: the file name offered for a new story */
    name = g_strdup (_("story.json"));
  else
    name = g_strdup (self->resource_name != NULL ? self->resource_name : "pakistan-bangladesh-thaw.json");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The story that failed, without the items that break the format. */
static void
open_anyway_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);
  GFile *file = storyline_story_loader_get_loading_file (self->loader);

  if (file == NULL)
    return;
  storyline_story_loader_load_file_anyway (self->loader, file);
}

/* The small example story, to read as a model for one's own. */
static void
open_example_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);

  if (_storyline_window_ask_to_save (self, STORYLINE_AFTER_SAVE_OPEN_EXAMPLE))
    return;
  self->new_story = FALSE;
  storyline_window_load_resource (self, STORYLINE_EXAMPLE_STORY);
}

static void
dismiss_problems_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->problems_revealer, FALSE);
}

/* A link of a quote's provenance: bring its card into view and mark it. */
static void
show_source_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);
  StorylineSource *source = self->story ? storyline_story_lookup_source (self->story, g_variant_get_string (parameter, NULL)) : NULL;

  if (source == NULL || !storyline_sources_pane_has_card (self->sources_pane, source))
    return;

  if (self->narrow)
    {
      self->pane = STORYLINE_PANE_SOURCES;
      _storyline_window_update_panes (self);
    }
  storyline_sources_pane_show_source (self->sources_pane, source);
}

static void
clear_time_range_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);

  storyline_event_filter_clear_range (self->filter);
}

static void
clear_filters_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  storyline_event_filter_clear (self->filter);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);

  if (self->narrow && self->pane != STORYLINE_PANE_EVENTS)
    {
      self->pane = STORYLINE_PANE_EVENTS;
      _storyline_window_update_panes (self);
    }
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);

  if (!self->narrow || self->pane == STORYLINE_PANE_EVENTS)
    return;
  self->pane = self->pane == STORYLINE_PANE_SOURCES ? STORYLINE_PANE_DETAILS : STORYLINE_PANE_EVENTS;
  _storyline_window_update_panes (self);
}

static void
show_sources_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);

  if (!self->narrow)
    {
      gtk_widget_child_focus (GTK_WIDGET (self->sources_pane), GTK_DIR_TAB_FORWARD);
      return;
    }
  self->pane = STORYLINE_PANE_SOURCES;
  _storyline_window_update_panes (self);
}

static void
focus_list_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);

  if (self->narrow)
    {
      self->pane = STORYLINE_PANE_EVENTS;
      _storyline_window_update_panes (self);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->event_list));
}

static gboolean
popup_menu (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);

  gtk_menu_button_popup (self->menu_button);
  return TRUE;
}

void
_storyline_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.filter-actor", "s", filter_actor_activated);
  gtk_widget_class_install_action (widget_class, "win.filter-source", "s", filter_source_activated);
  gtk_widget_class_install_action (widget_class, "win.select-event", "s", select_event_activated);
  gtk_widget_class_install_action (widget_class, "win.show-source", "s", show_source_activated);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_activated);
  gtk_widget_class_install_action (widget_class, "win.copy-all-citations", NULL, copy_all_citations_activated);
  gtk_widget_class_install_action (widget_class, "win.retry-load", NULL, retry_load_activated);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_activated);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL, open_bundled_activated);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, open_example_activated);
  gtk_widget_class_install_action (widget_class, "win.open-anyway", NULL, open_anyway_activated);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_activated);
  gtk_widget_class_install_action (widget_class, "win.dismiss-problems", NULL, dismiss_problems_activated);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_activated);
  gtk_widget_class_install_action (widget_class, "win.clear-time-range", NULL, clear_time_range_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "win.show-sources", NULL, show_sources_activated);
  gtk_widget_class_install_action (widget_class, "win.focus-list", NULL, focus_list_activated);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_activated);
  gtk_widget_class_install_property_action (widget_class, "win.newest-first", "newest-first");

  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, 0, popup_menu, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.focus-list", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_ALT_MASK, "win.show-sources", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.clear-filters", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-all-citations", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
}
