/* storyline-window-layout.c: the window narrow and wide, and its size and
 * panes kept between runs
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "storyline-citation.h"
#include "storyline-window-private.h"

/* Narrow and wide */

void
_storyline_window_update_panes (StorylineWindow *self)
{
  gboolean narrow = self->narrow;

  gtk_widget_set_visible (self->list_pane, !narrow || self->pane == STORYLINE_PANE_EVENTS);
  gtk_widget_set_visible (GTK_WIDGET (self->inner_paned), !narrow || self->pane != STORYLINE_PANE_EVENTS);
  gtk_widget_set_visible (self->details_pane, !narrow || self->pane == STORYLINE_PANE_DETAILS);
  gtk_widget_set_visible (GTK_WIDGET (self->sources_pane), !narrow || self->pane == STORYLINE_PANE_SOURCES);

  /* The wide layout keeps each pane readable; its minimum (760 px) is
   * below NARROW_WIDTH, so shrinking a window always reaches the narrow
   * layout, which has no minimum of its own. */
  gtk_widget_set_size_request (self->list_pane, narrow ? -1 : 240, -1);
  gtk_widget_set_size_request (self->details_pane, narrow ? -1 : 280, -1);
  gtk_widget_set_size_request (GTK_WIDGET (self->sources_pane), narrow ? -1 : 240, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), narrow && self->pane != STORYLINE_PANE_EVENTS);
  /* Narrow, the header bar has room for what the pane shown uses: search
   * and filters are the list's; Edit is an icon. */
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), !narrow || self->pane == STORYLINE_PANE_EVENTS);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_button), !narrow || self->pane == STORYLINE_PANE_EVENTS);
  if (narrow)
    gtk_button_set_icon_name (GTK_BUTTON (self->edit_button), "document-edit-symbolic");
  else
    gtk_button_set_label (GTK_BUTTON (self->edit_button), _("_Edit"));
  gtk_button_set_use_underline (GTK_BUTTON (self->edit_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->show_sources_button), narrow);
  gtk_list_view_set_single_click_activate (self->event_list, narrow);
  _storyline_window_time_axis_update (self);

  if (narrow)
    {
      switch (self->pane)
        {
        case STORYLINE_PANE_EVENTS:
          gtk_widget_grab_focus (GTK_WIDGET (self->event_list));
          break;
        case STORYLINE_PANE_DETAILS:
          gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
          break;
        case STORYLINE_PANE_SOURCES:
        default:
          gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
          break;
        }
    }
}

gboolean
storyline_window_get_narrow (StorylineWindow *self)
{
  g_return_val_if_fail (STORYLINE_IS_WINDOW (self), FALSE);
  return self->narrow;
}

/**
 * storyline_window_get_visible_pane:
 *
 * Returns: the pane shown in the narrow layout; in the wide layout all are
 *   shown and this is the one a narrow window would show
 */
StorylinePane
storyline_window_get_visible_pane (StorylineWindow *self)
{
  g_return_val_if_fail (STORYLINE_IS_WINDOW (self), STORYLINE_PANE_EVENTS);
  return self->pane;
}

static void
apply_width (StorylineWindow *self,
             int              width)
{
  gboolean narrow = width > 0 && width < NARROW_WIDTH;

  if (narrow == self->narrow)
    return;
  self->narrow = narrow;
  if (narrow)
    self->pane = STORYLINE_PANE_EVENTS;
  _storyline_window_update_panes (self);
}

static gboolean
apply_width_idle (gpointer data)
{
  StorylineWindow *self = data;

  apply_width (self, gtk_widget_get_width (GTK_WIDGET (self)));
  return G_SOURCE_REMOVE;
}

/* A window that starts narrow is laid out narrow from its first frame. */
static void
default_width_changed (StorylineWindow *self)
{
  int width, height;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  /* GTK 4.8 does not take NULL for either. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  apply_width (self, width);
}

/* Window state */

void
_storyline_window_save_state (StorylineWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!self->narrow)
    {
      g_settings_set_int (self->settings, "events-pane-width", gtk_paned_get_position (self->outer_paned));
      g_settings_set_int (self->settings, "details-pane-width", gtk_paned_get_position (self->inner_paned));
    }
}

void
_storyline_window_restore_state (StorylineWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->outer_paned, g_settings_get_int (self->settings, "events-pane-width"));
  gtk_paned_set_position (self->inner_paned, g_settings_get_int (self->settings, "details-pane-width"));
  g_settings_bind (self->settings, "newest-first", self, "newest-first", G_SETTINGS_BIND_DEFAULT);
  {
    g_autofree char *name = g_settings_get_string (self->settings, "citation-style");
    StorylineCitationStyle style = STORYLINE_CITATION_APA;

    /* The pane takes the styles its dropdown offers, and says which it took. */
    if (storyline_citation_style_from_string (name, &style))
      storyline_sources_pane_set_citation_style (self->sources_pane, style);
  }
}

/* Visibility cannot change in the middle of an allocation: a width that
 * crosses NARROW_WIDTH is applied just after it. */
void
_storyline_window_allocated (StorylineWindow *self,
                             int              width)
{
  gboolean narrow = width < NARROW_WIDTH;

  if (narrow != self->narrow)
    g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_width_idle, g_object_ref (self), g_object_unref);
}

void
_storyline_window_layout_init (StorylineWindow *self)
{
  g_signal_connect (self, "notify::default-width", G_CALLBACK (default_width_changed), NULL);
}
