/* storyline-form.c: what Edit mode's forms share
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "storyline-citation.h"
#include "storyline-form.h"
#include "storyline-story-text.h"

/* The forms (the event's, each quote's, each rendition's) hand every
 * change to the edit history as it is typed; these are their common
 * pieces: the words under a field, text views and entries filled without
 * echoing back, a step ended when a field loses the focus, Ctrl+Z caught
 * before a field undoes its own typing, and choices of the story's
 * sources and actors in dropdowns that fit a narrow pane. */

/**
 * storyline_form_show_feedback:
 * @problem: (nullable): what is wrong with the field's value
 * @note: (nullable): what to say about a right value
 *
 * Shows @problem (or @note) under @field in @feedback; a problem marks
 * the field invalid for screen readers, and the words describe it.
 */
void
storyline_form_show_feedback (GtkWidget  *field,
                              GtkLabel   *feedback,
                              const char *problem,
                              const char *note)
{
  const char *text = problem ? problem : note;

  gtk_label_set_text (feedback, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (feedback), text != NULL);
  if (problem != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_widget_add_css_class (GTK_WIDGET (feedback), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (feedback), "dim-label");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_widget_remove_css_class (GTK_WIDGET (feedback), "error");
      gtk_widget_add_css_class (GTK_WIDGET (feedback), "dim-label");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text ? text : "", -1);
}

/**
 * storyline_form_describe_date:
 *
 * Returns: (transfer full) (nullable): how the date @text will be shown,
 *   in words, or %NULL when it is not one
 */
char *
storyline_form_describe_date (const char *text)
{
  StorylineDate date;
  g_autofree char *shown = NULL;

  if (text == NULL || !storyline_date_parse (text, &date, NULL))
    return NULL;
  shown = storyline_date_format (&date);
  /* Translators: the first %s is a date as the list shows it, such as
   * “24–27 October 2025?”; the second says how precise it is */
  return g_strdup_printf (_("Shown as “%s”. %s"), shown, storyline_date_describe_precision (&date));
}

/**
 * storyline_form_dup_text:
 *
 * Returns: (transfer full): what @view holds
 */
char *
storyline_form_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * storyline_form_set_text:
 * @text: (nullable): the text
 *
 * Puts @text in @view, when it holds something else: the cursor stays
 * where it is when the text is what was typed.
 */
void
storyline_form_set_text (GtkTextView *view,
                         const char  *text)
{
  g_autofree char *current = storyline_form_dup_text (view);

  text = text ? text : "";
  if (g_strcmp0 (current, text) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

/**
 * storyline_form_set_entry:
 * @text: (nullable): the text
 *
 * As storyline_form_set_text(), for an entry.
 */
void
storyline_form_set_entry (GtkEditable *entry,
                          const char  *text)
{
  text = text ? text : "";
  if (g_strcmp0 (gtk_editable_get_text (entry), text) != 0)
    gtk_editable_set_text (entry, text);
}

static void
field_left (GtkEventControllerFocus *controller,
            StorylineEditHistory    *history)
{
  storyline_edit_history_end_step (history);
}

/**
 * storyline_form_ends_step:
 *
 * Typing in @field is one step to undo, until it loses the focus.
 */
void
storyline_form_ends_step (GtkWidget            *field,
                          StorylineEditHistory *history)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (field_left), history, 0);
  gtk_widget_add_controller (field, focus);
}

/**
 * storyline_form_catch_undo:
 *
 * Ctrl+Z in a field of @form undoes the story's last step, not the
 * field's typing alone: caught before the field sees it.
 */
void
storyline_form_catch_undo (GtkWidget *form)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>z"),
                                                          gtk_named_action_new ("win.undo")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Shift><Control>z"),
                                                          gtk_named_action_new ("win.redo")));
  gtk_widget_add_controller (form, shortcuts);
}

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  width_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (width_chars));
  gtk_list_item_set_child (item, label);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  const char *text = gtk_string_object_get_string (string);

  storyline_label_set_story_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), text);
}

/**
 * storyline_form_ellipsize_dropdown:
 *
 * The choices of @dropdown are cut to @width_chars, whole in a tooltip:
 * names and titles are long, and the form fits a narrow pane.
 */
void
storyline_form_ellipsize_dropdown (GtkDropDown *dropdown,
                                   int          width_chars)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), GINT_TO_POINTER (width_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), NULL);
  gtk_drop_down_set_factory (dropdown, factory);
}

/**
 * storyline_form_fill_sources:
 * @none: (nullable): the first choice, for no source; %NULL for none
 * @selected: (nullable): the source chosen
 *
 * The story's sources, by their short names, as @dropdown's choices.
 */
void
storyline_form_fill_sources (GtkDropDown     *dropdown,
                             StorylineStory  *story,
                             const char      *none,
                             StorylineSource *selected)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *sources = storyline_story_get_sources (story);
  guint offset = none != NULL ? 1 : 0;
  guint chosen = none != NULL ? 0 : GTK_INVALID_LIST_POSITION;

  if (none != NULL)
    gtk_string_list_append (names, none);
  for (guint i = 0; i < sources->len; i++)
    {
      gtk_string_list_append (names, storyline_source_get_short_name (sources->pdata[i]));
      if (sources->pdata[i] == selected)
        chosen = i + offset;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, chosen);
}

/**
 * storyline_form_select_source:
 * @with_none: whether the first choice is for no source
 * @source: (nullable): the source to choose
 *
 * Chooses @source among the choices storyline_form_fill_sources() made,
 * without making them again.
 */
void
storyline_form_select_source (GtkDropDown     *dropdown,
                              StorylineStory  *story,
                              gboolean         with_none,
                              StorylineSource *source)
{
  GPtrArray *sources = storyline_story_get_sources (story);
  guint index;

  if (source != NULL && g_ptr_array_find (sources, source, &index))
    gtk_drop_down_set_selected (dropdown, index + (with_none ? 1 : 0));
  else
    gtk_drop_down_set_selected (dropdown, with_none ? 0 : GTK_INVALID_LIST_POSITION);
}

/**
 * storyline_form_get_source:
 * @with_none: whether the first choice is for no source
 *
 * Returns: (transfer none) (nullable): the source chosen in @dropdown
 */
StorylineSource *
storyline_form_get_source (GtkDropDown    *dropdown,
                           StorylineStory *story,
                           gboolean        with_none)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  GPtrArray *sources = storyline_story_get_sources (story);

  if (selected == GTK_INVALID_LIST_POSITION || (with_none && selected == 0))
    return NULL;
  selected -= with_none ? 1 : 0;
  return selected < sources->len ? sources->pdata[selected] : NULL;
}

/**
 * storyline_form_fill_actors:
 * @selected: (nullable): the actor chosen
 *
 * The story's actors, by name, as @dropdown's choices.
 */
void
storyline_form_fill_actors (GtkDropDown    *dropdown,
                            StorylineStory *story,
                            StorylineActor *selected)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *actors = storyline_story_get_actors (story);
  guint chosen = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < actors->len; i++)
    {
      gtk_string_list_append (names, storyline_actor_get_name (actors->pdata[i]));
      if (actors->pdata[i] == selected)
        chosen = i;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, chosen);
}

/**
 * storyline_form_select_actor:
 * @actor: (nullable): the actor to choose
 *
 * Chooses @actor among the choices storyline_form_fill_actors() made.
 */
void
storyline_form_select_actor (GtkDropDown    *dropdown,
                             StorylineStory *story,
                             StorylineActor *actor)
{
  guint index;

  if (actor == NULL || !g_ptr_array_find (storyline_story_get_actors (story), actor, &index))
    index = GTK_INVALID_LIST_POSITION;
  gtk_drop_down_set_selected (dropdown, index);
}

/**
 * storyline_form_get_actor:
 *
 * Returns: (transfer none) (nullable): the actor chosen in @dropdown
 */
StorylineActor *
storyline_form_get_actor (GtkDropDown    *dropdown,
                          StorylineStory *story)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  GPtrArray *actors = storyline_story_get_actors (story);

  return selected != GTK_INVALID_LIST_POSITION && selected < actors->len ? actors->pdata[selected] : NULL;
}

/**
 * storyline_form_text_view_new:
 * @view: (out) (transfer none): the text view inside
 * @text: (nullable): what it holds
 * @min_height: the height it has empty
 * @max_height: the height it grows to before it scrolls
 *
 * Returns: (transfer floating): a framed, scrolled text view that wraps,
 *   as the forms' multi-line fields are
 */
GtkWidget *
storyline_form_text_view_new (GtkWidget  **view,
                              const char  *text,
                              int          min_height,
                              int          max_height)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkTextView *text_view = GTK_TEXT_VIEW (gtk_text_view_new ());

  gtk_text_view_set_wrap_mode (text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (text_view, FALSE);
  gtk_text_view_set_top_margin (text_view, 4);
  gtk_text_view_set_bottom_margin (text_view, 4);
  gtk_text_view_set_left_margin (text_view, 6);
  gtk_text_view_set_right_margin (text_view, 6);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (text_view), FALSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), text ? text : "", -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (text_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), min_height);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), max_height);
  *view = GTK_WIDGET (text_view);
  return scroller;
}

/**
 * storyline_form_feedback_label_new:
 *
 * Returns: (transfer floating): the label under a field that says what is
 *   wrong with it, hidden until then
 */
GtkWidget *
storyline_form_feedback_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

/**
 * storyline_form_release_focus:
 * @container: widgets about to be taken out of the window
 * @to: (nullable): where the focus goes instead; %NULL for nowhere
 *
 * Moves the focus out of @container when it is in it: GTK 4.8 keeps a
 * pointer to a focused widget taken out of its window by its parent.
 */
void
storyline_form_release_focus (GtkWidget *container,
                              GtkWidget *to)
{
  GtkRoot *root = gtk_widget_get_root (container);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || (focus != container && !gtk_widget_is_ancestor (focus, container)))
    return;
  if (to == NULL || !gtk_widget_grab_focus (to))
    gtk_root_set_focus (root, NULL);
}
