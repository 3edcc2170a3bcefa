/* storyline-window.c: one story in one window
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "storyline-application.h"
#include "storyline-citation.h"
#include "storyline-clipboard.h"
#include "storyline-event-filter.h"
#include "storyline-event-rows.h"
#include "storyline-event-row.h"
#include "storyline-event-view.h"
#include "storyline-loader.h"
#include "storyline-problem.h"
#include "storyline-problem-view.h"
#include "storyline-sources-pane.h"
#include "storyline-story-text.h"
#include "storyline-time-scale.h"
#include "storyline-window-private.h"

G_DEFINE_FINAL_TYPE (StorylineWindow, storyline_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_NEWEST_FIRST,
  PROP_EDITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


/* Selection */

/* The selection model holds rows (StorylineEventSlot); the event is the one
 * the selected row shows. */
StorylineEvent *
_storyline_window_get_selected (StorylineWindow *self)
{
  return storyline_event_list_peek (self->list, gtk_single_selection_get_selected (self->selection));
}


/**
 * storyline_window_select_event:
 *
 * Selects @event when the list shows it.
 *
 * Returns: %TRUE when it is selected
 */
gboolean
storyline_window_select_event (StorylineWindow *self,
                               StorylineEvent  *event)
{
  guint position;

  g_return_val_if_fail (STORYLINE_IS_WINDOW (self), FALSE);

  position = event ? storyline_event_list_find (self->list, event) : GTK_INVALID_LIST_POSITION;
  /* GtkSingleSelection says a change of selection as one range from the
   * old row to the new, and GTK 4.8 binds again every row it holds in
   * it: far apart, the old row is unselected first, on its own. */
  if (position != GTK_INVALID_LIST_POSITION)
    {
      guint old = gtk_single_selection_get_selected (self->selection);

      if (old != GTK_INVALID_LIST_POSITION && (old > position + 1 || position > old + 1))
        {
          gboolean refiltering = self->refiltering;

          self->refiltering = TRUE;
          gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
          self->refiltering = refiltering;
        }
    }
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    storyline_event_list_view_scroll_to (self->event_list_view, position);
  return position != GTK_INVALID_LIST_POSITION;
}

/**
 * storyline_window_get_selected_event:
 *
 * Returns: (transfer none) (nullable): the selected event
 */
StorylineEvent *
storyline_window_get_selected_event (StorylineWindow *self)
{
  g_return_val_if_fail (STORYLINE_IS_WINDOW (self), NULL);
  return _storyline_window_get_selected (self);
}

/**
 * storyline_window_is_filtering:
 *
 * Returns: whether the list is being filtered on a worker thread
 */
gboolean
storyline_window_is_filtering (StorylineWindow *self)
{
  g_return_val_if_fail (STORYLINE_IS_WINDOW (self), FALSE);
  return storyline_event_list_is_filtering (self->list);
}

/**
 * storyline_window_get_visible_events:
 *
 * Returns: (transfer none): the events the list shows, in its order
 */
GListModel *
storyline_window_get_visible_events (StorylineWindow *self)
{
  g_return_val_if_fail (STORYLINE_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->list);
}

/* Selecting a source (a click in its card, or the focus moving into it)
 * marks the events that cite it in the list. */
/* The events that cite the source chosen in the sources pane are marked. */
static void
selected_source_changed (StorylineWindow *self)
{
  storyline_event_list_view_set_cited_source (self->event_list_view,
                                              storyline_sources_pane_get_selected_source (self->sources_pane));
  _storyline_window_time_axis_source (self, storyline_sources_pane_get_selected_source (self->sources_pane));
}

/**
 * storyline_window_get_selected_source:
 *
 * Returns: (transfer none) (nullable): the source whose citing events the
 *   list marks
 */
StorylineSource *
storyline_window_get_selected_source (StorylineWindow *self)
{
  g_return_val_if_fail (STORYLINE_IS_WINDOW (self), NULL);
  return storyline_sources_pane_get_selected_source (self->sources_pane);
}

/* The sources pane, and the button that shows it, for @event. */
void
_storyline_window_update_sources (StorylineWindow *self,
                                  StorylineEvent  *event)
{
  guint n = event ? storyline_event_get_n_sources (event) : 0;
  g_autofree char *label = NULL;

  /* Focus does not stay on a card that goes: GTK 4.8's viewport would be
   * left following a widget that no longer exists. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
    if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sources_pane)))
      gtk_widget_grab_focus (GTK_WIDGET (self->event_list));
  }
  storyline_sources_pane_set_event (self->sources_pane, event);

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Source", "%u Sources", n), n);
  gtk_button_set_label (self->show_sources_button, label);
}

static void
selection_changed (StorylineWindow *self)
{
  StorylineEvent *event = _storyline_window_get_selected (self);

  /* Carried over a change of the list: shown already. */
  if (self->refiltering)
    return;
  storyline_event_view_set_event (self->event_view, event);
  _storyline_window_time_axis_selected (self, event);
  _storyline_window_editing_selected (self, event);
  _storyline_window_update_sources (self, event);
  if (self->narrow && event == NULL && self->pane != STORYLINE_PANE_EVENTS)
    {
      self->pane = STORYLINE_PANE_EVENTS;
      _storyline_window_update_panes (self);
    }
}

guint
storyline_window_get_n_shown_quotes (StorylineWindow *self)
{
  g_return_val_if_fail (STORYLINE_IS_WINDOW (self), 0);
  return storyline_event_view_get_n_quotes (self->event_view);
}

/**
 * storyline_window_get_n_shown_sources:
 *
 * Returns: how many source cards the sources pane shows: the event's own
 *   sources and those its quotes appeared in
 */
guint
storyline_window_get_n_shown_sources (StorylineWindow *self)
{
  g_return_val_if_fail (STORYLINE_IS_WINDOW (self), 0);
  return storyline_sources_pane_get_n_cards (self->sources_pane);
}

/* Filters */

static void
update_filter_bar (StorylineWindow *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint total = storyline_event_list_get_n_total (self->list);
  StorylineActor *actor = storyline_event_filter_get_actor (self->filter);
  StorylineSource *source = storyline_event_filter_get_source (self->filter);
  const char *search = storyline_event_filter_get_search (self->filter);
  const char *type = storyline_event_filter_get_event_type (self->filter);
  const char *tag = storyline_event_filter_get_tag (self->filter);
  gboolean active = storyline_event_filter_is_active (self->filter);

  /* Translators: how many events the filters leave, of all */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u of %u event", "%u of %u events", total), shown, total);
  /* Unicode isolates keep a name in its own direction inside the sentence. */
  if (search != NULL)
    g_string_append_printf (text, _(" · matching “\u2068%s\u2069”"), search);
  if (actor != NULL)
    g_string_append_printf (text, _(" · with \u2068%s\u2069"), storyline_actor_get_name (actor));
  if (source != NULL)
    g_string_append_printf (text, _(" · citing \u2068%s\u2069"), storyline_source_get_title (source));
  if (type != NULL)
    g_string_append_printf (text, _(" · of type \u2068%s\u2069"), type);
  if (tag != NULL)
    g_string_append_printf (text, _(" · tagged \u2068%s\u2069"), tag);

  storyline_label_set_story_text (self->filter_label, text->str);
  {
    gint64 from, to;
    gboolean ranged = storyline_event_filter_get_range (self->filter, &from, &to);

    gtk_widget_set_visible (GTK_WIDGET (self->range_button), ranged);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-time-range", ranged);
    if (ranged)
      {
        g_autofree char *span = storyline_time_format_range (from, to);
        /* Translators: the button that takes away the span of days chosen on the time axis */
        g_autofree char *name = g_strdup_printf (_("Show All Dates, Not Only %s"), span);

        gtk_label_set_text (self->range_label, span);
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->range_button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      }
  }
  gtk_revealer_set_reveal_child (self->filter_revealer, active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-filters", active);

  storyline_event_list_view_set_counts (self->event_list_view, shown, total);
}

/* A change of filters asks the list for a new query; the list changes
 * then or, for a large story, a little later. Just before it changes, a
 * selected row about to go is unselected (so the selection model does not
 * look for it among the new rows), and once it has changed the event is
 * selected again where it now is, when it is still listed. */
static void
apply_filters (StorylineWindow *self)
{
  g_autoptr(StorylineEventQuery) query = NULL;

  if (self->setting_story)
    return;
  query = storyline_event_filter_dup_query (self->filter);
  storyline_event_list_set_query (self->list, query);
}

static void
list_changing (StorylineWindow *self,
               guint            position,
               guint            removed,
               guint            added)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  if (selected == GTK_INVALID_LIST_POSITION || selected < position || selected >= position + removed)
    return;

  /* Its row will show another event: it is looked for once the list has
   * changed. A row at the end that goes is unselected now, so that the
   * selection model does not look for it among the new rows. */
  g_set_object (&self->keep, _storyline_window_get_selected (self));
  if (selected >= MIN (n, n - removed + added))
    {
      self->refiltering = TRUE;
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->refiltering = FALSE;
    }
}

static void refresh_rows (StorylineWindow *self);

#define SELECT_FIRST_DELAY_MS 250

static gboolean
select_first_listed (gpointer data)
{
  StorylineWindow *self = data;

  self->select_first_source = 0;
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION &&
      g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  return G_SOURCE_REMOVE;
}

static void
list_refiltered (StorylineWindow *self)
{
  g_autoptr(StorylineEvent) keep = g_steal_pointer (&self->keep);
  const char *search = storyline_event_filter_get_search (self->filter);

  /* What matched is highlighted: in the rows and in the event shown. */
  storyline_event_list_view_set_search (self->event_list_view, search);
  storyline_event_view_set_search (self->event_view, search);
  refresh_rows (self);
  if (keep != NULL && storyline_event_list_find (self->list, keep) != GTK_INVALID_LIST_POSITION)
    {
      self->refiltering = TRUE;
      storyline_window_select_event (self, keep);
      self->refiltering = FALSE;
    }
  else if (keep != NULL || gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    {
      /* The event selected is not listed any more, or none was: the first
       * listed event is shown once the list stops changing (a search is
       * typed a letter at a time, and showing an event on every keystroke
       * would slow typing), so the pane is not left empty beside a list
       * that has events. */
      self->refiltering = TRUE;
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->refiltering = FALSE;
      selection_changed (self);
      g_clear_handle_id (&self->select_first_source, g_source_remove);
      self->select_first_source = g_timeout_add (SELECT_FIRST_DELAY_MS, select_first_listed, self);
    }

  update_filter_bar (self);
}

void
storyline_window_set_search (StorylineWindow *self,
                             const char      *text)
{
  g_return_if_fail (STORYLINE_IS_WINDOW (self));

  if (text != NULL && *text != '\0')
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* The entry delays its signal while typing; a caller setting the text
   * wants the result now. */
  storyline_event_filter_set_search (self->filter, text);
}

static void
search_changed (StorylineWindow *self,
                GtkSearchEntry  *entry)
{
  storyline_event_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Down in the search entry goes to the results: the selected event, or
 * the first. */
static gboolean
search_key_pressed (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    StorylineWindow       *self)
{
  guint position;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 ||
      g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    return FALSE;

  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      position = 0;
      gtk_single_selection_set_selected (self->selection, position);
    }
  gtk_widget_activate_action (GTK_WIDGET (self->event_list), "list.scroll-to-item", "u", position);
  gtk_widget_grab_focus (GTK_WIDGET (self->event_list));
  return TRUE;
}

/* Tab leaves the event list for the event, Shift+Tab for the search (or
 * the header bar), instead of walking the list a row at a time: the rows
 * are gone through with the arrow keys. */
static gboolean
list_key_pressed (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  StorylineWindow       *self)
{
  gboolean backward = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0;

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  if (!backward)
    {
      if (gtk_widget_get_visible (self->details_pane) &&
          gtk_widget_child_focus (self->details_pane, GTK_DIR_TAB_FORWARD))
        return TRUE;
      if (gtk_widget_get_visible (GTK_WIDGET (self->sources_pane)) &&
          gtk_widget_child_focus (GTK_WIDGET (self->sources_pane), GTK_DIR_TAB_FORWARD))
        return TRUE;
      return FALSE;
    }
  if (gtk_search_bar_get_search_mode (self->search_bar))
    return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return gtk_widget_grab_focus (GTK_WIDGET (self->search_button));
}

static void
search_stopped (StorylineWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  storyline_event_filter_set_search (self->filter, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->event_list));
}

/* The event list */

/* The story's events in order, then the filters applied to them. */
static void
fill_events (StorylineWindow *self)
{
  g_autoptr(StorylineEventQuery) query = NULL;

  storyline_event_list_set_story (self->list, self->story, self->newest_first);
  query = storyline_event_filter_dup_query (self->filter);
  storyline_event_list_set_query (self->list, query);
}

static void
refresh_rows (StorylineWindow *self)
{
  storyline_event_list_view_refresh_rows (self->event_list_view,
                                          storyline_event_list_get_n_total (self->list) > STORYLINE_EVENT_LIST_SYNC_LIMIT);
}

static void
list_activated (StorylineWindow *self,
                guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (self->narrow)
    {
      self->pane = STORYLINE_PANE_DETAILS;
      _storyline_window_update_panes (self);
    }
}

static void
storyline_window_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  GTK_WIDGET_CLASS (storyline_window_parent_class)->size_allocate (widget, width, height, baseline);
  _storyline_window_allocated (STORYLINE_WINDOW (widget), width);
}

void
_storyline_window_set_story (StorylineWindow *self,
                             StorylineStory  *story)
{
  StorylineEvent *selected = _storyline_window_get_selected (self);
  g_autofree char *keep_id = selected ? g_strdup (storyline_event_get_id (selected)) : NULL;
  StorylineEvent *keep = NULL;
  const char *subtitle;
  gboolean first = self->story == NULL;

  if (self->story != NULL && self->story != story)
    g_signal_handlers_disconnect_by_data (self->story, self);
  g_set_object (&self->story, story);
  _storyline_window_set_history (self);

  /* Filters and the selection carry over by id: a reload keeps both. */
  self->setting_story = TRUE;
  storyline_event_filter_set_story (self->filter, story);
  self->setting_story = FALSE;
  storyline_filter_choices_set_story (self->filter_choices, story);
  fill_events (self);
  _storyline_window_time_axis_set_story (self, story);

  (void) subtitle;
  _storyline_window_update_title (self);

  if (keep_id != NULL)
    keep = storyline_story_lookup_event (story, keep_id);
  if (keep == NULL || !storyline_window_select_event (self, keep))
    gtk_single_selection_set_selected (self->selection,
                                       g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0 ? 0 : GTK_INVALID_LIST_POSITION);

  update_filter_bar (self);
  gtk_stack_set_visible_child_name (self->main_stack, "story");

  /* The first story shown: the list has the focus, so Down moves through
   * the events at once. */
  if (first && !self->narrow)
    gtk_widget_grab_focus (GTK_WIDGET (self->event_list));
}

/* Open Recent: the stories this application opened, newest first. */
/* Actions */

/* The citation style: APA, Chicago or MLA, in the dropdown's order. */
/**
 * storyline_window_get_citation_style:
 *
 * Returns: the style sources are cited in here
 */
StorylineCitationStyle
storyline_window_get_citation_style (StorylineWindow *self)
{
  g_return_val_if_fail (STORYLINE_IS_WINDOW (self), STORYLINE_CITATION_APA);
  return storyline_sources_pane_get_citation_style (self->sources_pane);
}

static void
style_changed (StorylineWindow *self)
{
  StorylineCitationStyle style = storyline_sources_pane_get_citation_style (self->sources_pane);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "citation-style", storyline_citation_style_to_string (style));
}

/* Drag and drop: the first file here, any others in windows of their own. */
static gboolean
files_dropped (GtkDropTarget   *target,
               const GValue    *value,
               double           x,
               double           y,
               StorylineWindow *self)
{
  GSList *files;
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GPtrArray) others = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  storyline_window_open_file (self, files->data);
  for (GSList *l = files->next; l != NULL; l = l->next)
    g_ptr_array_add (others, l->data);
  if (others->len > 0 && app != NULL)
    g_application_open (app, (GFile **) others->pdata, others->len, "");
  return TRUE;
}

/**
 * storyline_window_open_file:
 *
 * Opens @file here, unless another window shows it already: then that
 * window is raised.
 */
void
storyline_window_open_file (StorylineWindow *self,
                            GFile           *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  for (GList *l = app ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    {
      GFile *shown = STORYLINE_IS_WINDOW (l->data) ? storyline_window_get_file (l->data) : NULL;

      if (l->data != self && shown != NULL && g_file_equal (shown, file))
        {
          gtk_window_present (l->data);
          return;
        }
    }
  /* Edits not saved here: the other story gets a window of its own. */
  if (app != NULL && self->history != NULL && storyline_edit_history_get_modified (self->history))
    {
      g_application_open (G_APPLICATION (app), &file, 1, "");
      return;
    }
  storyline_window_load_file (self, file);
}

static void
newest_first_changed (StorylineWindow *self)
{
  StorylineEvent *selected = _storyline_window_get_selected (self);
  g_autoptr(StorylineEvent) keep = selected ? g_object_ref (selected) : NULL;

  if (self->story == NULL)
    return;
  fill_events (self);
  if (keep != NULL)
    storyline_window_select_event (self, keep);
}

static void
storyline_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  StorylineWindow *self = STORYLINE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_NEWEST_FIRST:
      g_value_set_boolean (value, self->newest_first);
      break;
    case PROP_EDITING:
      g_value_set_boolean (value, self->editing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
storyline_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  StorylineWindow *self = STORYLINE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_NEWEST_FIRST:
      if (self->newest_first != g_value_get_boolean (value))
        {
          self->newest_first = g_value_get_boolean (value);
          newest_first_changed (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_EDITING:
      _storyline_window_set_editing (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
storyline_window_close_request (GtkWindow *window)
{
  /* Unsaved edits: the window asks first, and closes once answered. */
  if (_storyline_window_ask_to_save (STORYLINE_WINDOW (window), STORYLINE_AFTER_SAVE_CLOSE))
    return TRUE;
  _storyline_window_save_state (STORYLINE_WINDOW (window));
  return GTK_WINDOW_CLASS (storyline_window_parent_class)->close_request (window);
}

static void
storyline_window_dispose (GObject *object)
{
  StorylineWindow *self = STORYLINE_WINDOW (object);

  if (self->loader != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->loader, self);
      storyline_story_loader_cancel (self->loader);
      g_clear_object (&self->loader);
    }
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_handle_id (&self->select_first_source, g_source_remove);
  _storyline_window_editing_dispose (self);
  _storyline_window_print_dispose (self);
  _storyline_window_time_axis_dispose (self);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORYLINE_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->settings);

  /* References are let go here, once the widgets that used them are gone. */
  g_clear_object (&self->keep);
  g_clear_object (&self->filter);
  g_clear_object (&self->rows);
  g_clear_object (&self->list);
  if (self->story != NULL)
    g_signal_handlers_disconnect_by_data (self->story, self);
  g_clear_object (&self->history);
  g_clear_object (&self->story);
  g_clear_pointer (&self->resource_name, g_free);

  G_OBJECT_CLASS (storyline_window_parent_class)->dispose (object);
}

/* The application keeps the recent stories: every window shows its list.
 * GtkWindow's application is set after construction, so this follows it. */
static void
application_changed (StorylineWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  g_menu_remove_all (self->recent_menu);
  if (STORYLINE_IS_APPLICATION (app))
    g_menu_append_section (self->recent_menu, NULL,
                           storyline_application_get_recent_menu (STORYLINE_APPLICATION (app)));
}

static void
page_changed (StorylineWindow *self)
{
  gtk_spinner_set_spinning (self->loading_spinner,
                            g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "loading") == 0);
}

static void
storyline_window_class_init (StorylineWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = storyline_window_dispose;
  object_class->get_property = storyline_window_get_property;
  object_class->set_property = storyline_window_set_property;
  widget_class->size_allocate = storyline_window_size_allocate;
  window_class->close_request = storyline_window_close_request;

  properties[PROP_NEWEST_FIRST] =
    g_param_spec_boolean ("newest-first", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StorylineWindow:editing:
   *
   * Whether the panes are forms that change the story (Edit mode).
   */
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STORYLINE_TYPE_EVENT_VIEW);
  g_type_ensure (STORYLINE_TYPE_PROBLEM_VIEW);
  g_type_ensure (STORYLINE_TYPE_SOURCES_PANE);
  g_type_ensure (STORYLINE_TYPE_FILTER_CHOICES);
  g_type_ensure (STORYLINE_TYPE_EVENT_LIST_VIEW);
  g_type_ensure (STORYLINE_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/storyline-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, filter_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, range_button);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, time_axis_revealer);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, time_axis);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, time_axis_button);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, time_axis_buttons);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, range_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, page_problems);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, banner_problems);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, loading_revealer);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, loading_bar);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, details_pane);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, sources_pane);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, event_list_view);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, event_view);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, show_sources_button);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, filter_choices);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, toast);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, add_event_button);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, details_stack);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, disk_revealer);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, recovery_revealer);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, recovery_label);

  _storyline_window_class_actions_init (widget_class);
  _storyline_window_editing_class_init (widget_class);
  _storyline_window_import_class_init (widget_class);
  _storyline_window_print_class_init (widget_class);
  _storyline_window_time_axis_class_init (widget_class);
}

static void
storyline_window_init (StorylineWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->event_list = storyline_event_list_view_get_list_view (self->event_list_view);

  self->list = storyline_event_list_new ();
  self->loader = storyline_story_loader_new ();
  _storyline_window_loading_init (self);
  _storyline_window_editing_init (self);
  /* The spinner spins only while it shows: hidden, GTK 4.8 would still
   * draw a frame for it sixty times a second. */
  g_signal_connect_swapped (self->main_stack, "notify::visible-child-name", G_CALLBACK (page_changed), self);
  page_changed (self);
  self->filter = storyline_event_filter_new ();
  /* The choices follow the filter before the list does. */
  storyline_filter_choices_set_filter (self->filter_choices, self->filter);
  g_signal_connect_object (self->list, "changing", G_CALLBACK (list_changing), self, G_CONNECT_SWAPPED);
  self->rows = storyline_event_rows_new (self->list);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "refiltered", G_CALLBACK (list_refiltered), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (apply_filters), self, G_CONNECT_SWAPPED);

  storyline_event_list_view_set_model (self->event_list_view, GTK_SELECTION_MODEL (self->selection), self->rows);

  gtk_search_bar_set_key_capture_widget (self->search_bar, self->list_pane);

  /* Connected here rather than in the template, so that
   * gtk4-builder-tool can validate the .ui file on its own. */
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (search_stopped), self, G_CONNECT_SWAPPED);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_name (keys, "storyline-search-keys");
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (search_key_pressed), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  }
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_name (keys, "storyline-list-keys");
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (list_key_pressed), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->event_list), keys);
  }
  g_signal_connect_object (self->event_list, "activate", G_CALLBACK (list_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sources_pane, "notify::citation-style", G_CALLBACK (style_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sources_pane, "notify::selected-source", G_CALLBACK (selected_source_changed), self, G_CONNECT_SWAPPED);

  storyline_problem_view_set_banner (self->banner_problems, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", FALSE);

  {
    GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
    g_signal_connect (target, "drop", G_CALLBACK (files_dropped), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }


  schema = source ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE) : NULL;
  if (schema != NULL)
    self->settings = g_settings_new (APPLICATION_ID);
  _storyline_window_layout_init (self);
  _storyline_window_restore_state (self);
  _storyline_window_time_axis_init (self);
  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed), NULL);

  update_filter_bar (self);
  _storyline_window_update_sources (self, NULL);
  _storyline_window_update_panes (self);
}

/**
 * storyline_window_show_toast:
 * @text: plain text
 *
 * Says @text over the window for a few seconds, and to screen readers.
 */
void
storyline_window_show_toast (StorylineWindow *self,
                             const char      *text)
{
  g_return_if_fail (STORYLINE_IS_WINDOW (self));
  storyline_toast_show (self->toast, text);
}

StorylineWindow *
storyline_window_new (StorylineApplication *application)
{
  return g_object_new (STORYLINE_TYPE_WINDOW, "application", application, NULL);
}
