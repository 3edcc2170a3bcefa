/* storyline-window-time-axis.c: the time axis above the panes, linked
 * with the list, the filters and the sources
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "storyline-window-private.h"

/* The axis is a strip across the window above the panes: the whole width
 * is the most a scale of time can have, and the list and the axis stay in
 * view together. A mark clicked (or reached with Left and Right) selects
 * its event in the list; an event selected in the list is highlighted on
 * the axis and brought into view; the marks of events citing the source
 * chosen in the sources pane are highlighted as their rows are; the
 * events the filters leave stand out. A span dragged across the scale (or
 * Enter: the days in view) filters the list, shown in the filter bar with
 * a button that takes it away (Escape on the axis does too). Whether it
 * shows, and its zoom, are kept in the settings. In the narrow layout it
 * shows above the list only, without its zoom buttons (its keys and
 * gestures stay): its compact form. */

static void event_changed (StorylineWindow *self, StorylineEvent *event, guint field);

void
_storyline_window_time_axis_set_story (StorylineWindow *self,
                                       StorylineStory  *story)
{
  storyline_time_axis_set_story (self->time_axis, story);
  storyline_time_axis_set_listed (self->time_axis, story != NULL ? G_LIST_MODEL (self->list) : NULL);
  if (story != NULL)
    {
      /* Disconnected with the window's other handlers when the story goes. */
      g_signal_connect_swapped (story, "event-changed", G_CALLBACK (event_changed), self);
      g_signal_connect_swapped (story, "events-changed", G_CALLBACK (_storyline_window_time_axis_story_edited), self);
      g_signal_connect_swapped (story, "phases-changed", G_CALLBACK (_storyline_window_time_axis_story_edited), self);
    }
  _storyline_window_time_axis_update (self);
  if (self->settings != NULL)
    storyline_time_axis_set_days_per_px (self->time_axis, g_settings_get_double (self->settings, "time-axis-days-per-pixel"));
}

void
_storyline_window_time_axis_selected (StorylineWindow *self,
                                      StorylineEvent  *event)
{
  storyline_time_axis_set_selected (self->time_axis, event);
}

void
_storyline_window_time_axis_source (StorylineWindow *self,
                                    StorylineSource *source)
{
  storyline_time_axis_set_source (self->time_axis, source);
}

void
_storyline_window_time_axis_update (StorylineWindow *self)
{
  gboolean wanted = self->settings == NULL || g_settings_get_boolean (self->settings, "time-axis-visible");

  gtk_revealer_set_reveal_child (self->time_axis_revealer,
                                 wanted && self->story != NULL && (!self->narrow || self->pane == STORYLINE_PANE_EVENTS));
  gtk_widget_set_visible (GTK_WIDGET (self->time_axis_buttons), !self->narrow);
  /* Narrow, the header bar has no room for it: the main menu has it. */
  gtk_widget_set_visible (GTK_WIDGET (self->time_axis_button), !self->narrow);
  gtk_toggle_button_set_active (self->time_axis_button, wanted);
}

/* Edits move marks: the axis is drawn again from the story a moment
 * after the last. */
static gboolean
refresh_idle (gpointer data)
{
  StorylineWindow *self = data;
  double zoom = storyline_time_axis_get_days_per_px (self->time_axis);

  self->time_axis_source = 0;
  storyline_time_axis_set_story (self->time_axis, self->story);
  storyline_time_axis_set_listed (self->time_axis, self->story != NULL ? G_LIST_MODEL (self->list) : NULL);
  storyline_time_axis_set_days_per_px (self->time_axis, zoom);
  storyline_time_axis_set_selected (self->time_axis, _storyline_window_get_selected (self));
  return G_SOURCE_REMOVE;
}

void
_storyline_window_time_axis_story_edited (StorylineWindow *self)
{
  if (self->time_axis_source == 0)
    self->time_axis_source = g_timeout_add (300, refresh_idle, self);
}

/* Only a date or a phase moves a mark (a title or a summary is not
 * drawn): a dense story's counts follow the date at once; a story drawn
 * as marks is set again a moment after the last edit. */
static void
event_changed (StorylineWindow *self,
               StorylineEvent  *event,
               guint            field)
{
  if (field != STORYLINE_EVENT_FIELD_DATE && field != STORYLINE_EVENT_FIELD_PHASE)
    return;
  if (field == STORYLINE_EVENT_FIELD_DATE && storyline_time_axis_event_moved (self->time_axis, event))
    return;
  _storyline_window_time_axis_story_edited (self);
}

static void
event_activated (StorylineWindow *self,
                 StorylineEvent  *event)
{
  storyline_window_select_event (self, event);
}

static void
range_chosen (StorylineWindow *self,
              gint64           from,
              gint64           to)
{
  storyline_event_filter_set_range (self->filter, from, to);
}

static void
range_cleared (StorylineWindow *self)
{
  storyline_event_filter_clear_range (self->filter);
}

static gboolean
save_zoom_idle (gpointer data)
{
  StorylineWindow *self = data;

  self->time_zoom_source = 0;
  if (self->settings != NULL)
    g_settings_set_double (self->settings, "time-axis-days-per-pixel", storyline_time_axis_get_days_per_px (self->time_axis));
  return G_SOURCE_REMOVE;
}

static void
view_changed (StorylineWindow *self)
{
  if (self->time_zoom_source == 0)
    self->time_zoom_source = g_timeout_add (500, save_zoom_idle, self);
}

static void
zoom_in_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  storyline_time_axis_zoom (STORYLINE_WINDOW (widget)->time_axis, 1.5);
}

static void
zoom_out_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  storyline_time_axis_zoom (STORYLINE_WINDOW (widget)->time_axis, 1 / 1.5);
}

static void
whole_story_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  storyline_time_axis_show_all (STORYLINE_WINDOW (widget)->time_axis);
}

static void
toggle_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StorylineWindow *self = STORYLINE_WINDOW (widget);
  gboolean shown = gtk_revealer_get_reveal_child (self->time_axis_revealer);

  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "time-axis-visible", !shown);
  else
    gtk_revealer_set_reveal_child (self->time_axis_revealer, !shown);
  _storyline_window_time_axis_update (self);
  gtk_toggle_button_set_active (self->time_axis_button, gtk_revealer_get_reveal_child (self->time_axis_revealer));
  if (gtk_revealer_get_reveal_child (self->time_axis_revealer))
    gtk_widget_grab_focus (GTK_WIDGET (self->time_axis));
}

void
_storyline_window_time_axis_init (StorylineWindow *self)
{
  g_signal_connect_object (self->time_axis, "event-activated", G_CALLBACK (event_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->time_axis, "range-chosen", G_CALLBACK (range_chosen), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->time_axis, "range-cleared", G_CALLBACK (range_cleared), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->time_axis, "view-changed", G_CALLBACK (view_changed), self, G_CONNECT_SWAPPED);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::time-axis-visible", G_CALLBACK (_storyline_window_time_axis_update), self, G_CONNECT_SWAPPED);
  _storyline_window_time_axis_update (self);
  gtk_toggle_button_set_active (self->time_axis_button, self->settings == NULL || g_settings_get_boolean (self->settings, "time-axis-visible"));
}

void
_storyline_window_time_axis_dispose (StorylineWindow *self)
{
  g_clear_handle_id (&self->time_axis_source, g_source_remove);
  if (self->time_zoom_source != 0)
    {
      g_clear_handle_id (&self->time_zoom_source, g_source_remove);
      save_zoom_idle (self);
    }
}

void
_storyline_window_time_axis_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (STORYLINE_TYPE_TIME_AXIS);
  gtk_widget_class_install_action (widget_class, "win.time-zoom-in", NULL, zoom_in_activated);
  gtk_widget_class_install_action (widget_class, "win.time-zoom-out", NULL, zoom_out_activated);
  gtk_widget_class_install_action (widget_class, "win.time-whole-story", NULL, whole_story_activated);
  gtk_widget_class_install_action (widget_class, "win.toggle-time-axis", NULL, toggle_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.toggle-time-axis", NULL);
}
