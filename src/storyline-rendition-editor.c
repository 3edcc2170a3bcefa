/* storyline-rendition-editor.c: the form of one rendition of a quote
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "storyline-form.h"
#include "storyline-rendition-editor.h"
#include "storyline-verdict-view.h"

/* A rendition as an outlet printed it: the outlet, the words and where
 * in it, with the verdict and the word difference from the quote as
 * issued, which follow the words as they are typed or pasted. Without a
 * rendition it is the form that adds one: nothing is in the story until
 * "Add Rendition", and the verdict shows what it would be. */

struct _StorylineRenditionEditor
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkDropDown *source_dropdown;
  GtkButton *delete_button;
  GtkTextView *text_view;
  GtkLabel *text_feedback;
  GtkEntry *locator_entry;
  StorylineVerdictView *verdict_view;
  GtkButton *add_button;

  /* Owned references */
  StorylineEditHistory *history;
  StorylineQuote *quote;
  StorylineRendition *rendition;  /* NULL: the form adds one */

  gboolean updating;
  gboolean applying;
  gboolean wrong;
};

G_DEFINE_FINAL_TYPE (StorylineRenditionEditor, storyline_rendition_editor, GTK_TYPE_WIDGET)

static StorylineStory *
get_story (StorylineRenditionEditor *self)
{
  return storyline_edit_history_get_story (self->history);
}

static void
update_verdict (StorylineRenditionEditor *self)
{
  g_autofree char *text = storyline_form_dup_text (self->text_view);

  storyline_verdict_view_set_texts (self->verdict_view, storyline_quote_get_text (self->quote), text,
                                    storyline_quote_get_text_language (self->quote));
}

static void
text_changed (StorylineRenditionEditor *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;
  text = storyline_form_dup_text (self->text_view);
  update_verdict (self);
  if (self->rendition == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->add_button),
                                !storyline_is_blank (text) &&
                                storyline_form_get_source (self->source_dropdown, get_story (self), FALSE) != NULL);
      return;
    }
  self->applying = TRUE;
  self->wrong = !storyline_edit_history_set_rendition_field (self->history, self->rendition,
                                                             STORYLINE_RENDITION_FIELD_TEXT, text, &error);
  self->applying = FALSE;
  storyline_form_show_feedback (GTK_WIDGET (self->text_view), self->text_feedback, error ? error->message : NULL, NULL);
}

static void
locator_changed (StorylineRenditionEditor *self)
{
  if (self->updating || self->rendition == NULL)
    return;
  self->applying = TRUE;
  storyline_edit_history_set_rendition_field (self->history, self->rendition, STORYLINE_RENDITION_FIELD_LOCATOR,
                                              gtk_editable_get_text (GTK_EDITABLE (self->locator_entry)), NULL);
  self->applying = FALSE;
}

static void
source_selected (StorylineRenditionEditor *self)
{
  StorylineSource *source;

  if (self->updating || self->rendition == NULL)
    return;
  source = storyline_form_get_source (self->source_dropdown, get_story (self), FALSE);
  if (source == NULL)
    return;
  self->applying = TRUE;
  storyline_edit_history_set_rendition_field (self->history, self->rendition, STORYLINE_RENDITION_FIELD_SOURCE,
                                              storyline_source_get_id (source), NULL);
  storyline_edit_history_end_step (self->history);
  self->applying = FALSE;
}

static void
add_clicked (StorylineRenditionEditor *self)
{
  g_autofree char *text = storyline_form_dup_text (self->text_view);
  StorylineSource *source = storyline_form_get_source (self->source_dropdown, get_story (self), FALSE);
  const char *locator = gtk_editable_get_text (GTK_EDITABLE (self->locator_entry));
  StorylineRendition *rendition;

  if (source == NULL || storyline_is_blank (text))
    return;
  storyline_edit_history_end_step (self->history);
  rendition = storyline_edit_history_add_rendition (self->history, self->quote, source, text);
  if (*locator != '\0')
    storyline_edit_history_set_rendition_field (self->history, rendition, STORYLINE_RENDITION_FIELD_LOCATOR, locator, NULL);
  storyline_edit_history_end_step (self->history);
  self->updating = TRUE;
  storyline_form_set_text (self->text_view, NULL);
  storyline_form_set_entry (GTK_EDITABLE (self->locator_entry), NULL);
  self->updating = FALSE;
  update_verdict (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), FALSE);
}

static void
delete_clicked (StorylineRenditionEditor *self)
{
  if (self->rendition != NULL)
    storyline_edit_history_delete_rendition (self->history, self->rendition);
}

/**
 * storyline_rendition_editor_refresh:
 *
 * Shows the rendition as it is now (undone, say), and the verdict
 * against the quote's words as they now are.
 */
void
storyline_rendition_editor_refresh (StorylineRenditionEditor *self)
{
  g_return_if_fail (STORYLINE_IS_RENDITION_EDITOR (self));

  /* Its own typing: the verdict is new already. */
  if (self->applying)
    return;
  if (self->rendition != NULL)
    {
      self->updating = TRUE;
      storyline_form_set_text (self->text_view, storyline_rendition_get_text (self->rendition));
      storyline_form_set_entry (GTK_EDITABLE (self->locator_entry), storyline_rendition_get_locator (self->rendition));
      storyline_form_select_source (self->source_dropdown, get_story (self), FALSE, storyline_rendition_get_source (self->rendition));
      self->updating = FALSE;
      self->wrong = FALSE;
      storyline_form_show_feedback (GTK_WIDGET (self->text_view), self->text_feedback, NULL, NULL);
    }
  update_verdict (self);
}

/**
 * storyline_rendition_editor_fill_sources:
 *
 * The story's sources to choose from, as they now are.
 */
void
storyline_rendition_editor_fill_sources (StorylineRenditionEditor *self)
{
  StorylineSource *selected;

  g_return_if_fail (STORYLINE_IS_RENDITION_EDITOR (self));

  selected = self->rendition ? storyline_rendition_get_source (self->rendition)
                             : storyline_form_get_source (self->source_dropdown, get_story (self), FALSE);
  self->updating = TRUE;
  storyline_form_fill_sources (self->source_dropdown, get_story (self), NULL, selected);
  if (selected == NULL && storyline_story_get_sources (get_story (self))->len > 0)
    gtk_drop_down_set_selected (self->source_dropdown, 0);
  self->updating = FALSE;
}

static void
storyline_rendition_editor_dispose (GObject *object)
{
  StorylineRenditionEditor *self = STORYLINE_RENDITION_EDITOR (object);
  GtkWidget *child;

  g_clear_object (&self->history);
  g_clear_object (&self->quote);
  g_clear_object (&self->rendition);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORYLINE_TYPE_RENDITION_EDITOR);
  /* The form's box has no name in the template: unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (storyline_rendition_editor_parent_class)->dispose (object);
}

static void
storyline_rendition_editor_class_init (StorylineRenditionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = storyline_rendition_editor_dispose;

  g_type_ensure (STORYLINE_TYPE_VERDICT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/storyline-rendition-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, StorylineRenditionEditor, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StorylineRenditionEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, StorylineRenditionEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, StorylineRenditionEditor, text_feedback);
  gtk_widget_class_bind_template_child (widget_class, StorylineRenditionEditor, locator_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineRenditionEditor, verdict_view);
  gtk_widget_class_bind_template_child (widget_class, StorylineRenditionEditor, add_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
storyline_rendition_editor_init (StorylineRenditionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  storyline_form_ellipsize_dropdown (self->source_dropdown, 10);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->text_view), FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->text_feedback, NULL, -1);
}

/**
 * storyline_rendition_editor_new:
 * @rendition: (nullable): the rendition of @quote to edit; %NULL for
 *   the form that adds one
 *
 * Returns: (transfer floating): the form
 */
GtkWidget *
storyline_rendition_editor_new (StorylineEditHistory *history,
                                StorylineQuote       *quote,
                                StorylineRendition   *rendition)
{
  StorylineRenditionEditor *self;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (history), NULL);
  g_return_val_if_fail (STORYLINE_IS_QUOTE (quote), NULL);

  self = g_object_new (STORYLINE_TYPE_RENDITION_EDITOR, NULL);
  self->history = g_object_ref (history);
  self->quote = g_object_ref (quote);
  self->rendition = rendition ? g_object_ref (rendition) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), rendition != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), rendition == NULL);
  if (rendition == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "new-rendition");
  storyline_rendition_editor_fill_sources (self);
  storyline_rendition_editor_refresh (self);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed", G_CALLBACK (text_changed), self);
  g_signal_connect_swapped (self->locator_entry, "changed", G_CALLBACK (locator_changed), self);
  g_signal_connect_swapped (self->source_dropdown, "notify::selected", G_CALLBACK (source_selected), self);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked), self);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (delete_clicked), self);
  storyline_form_ends_step (GTK_WIDGET (self->text_view), history);
  storyline_form_ends_step (GTK_WIDGET (self->locator_entry), history);
  return GTK_WIDGET (self);
}

/**
 * storyline_rendition_editor_get_rendition:
 *
 * Returns: (transfer none) (nullable): the rendition edited, %NULL for
 *   the form that adds one
 */
StorylineRendition *
storyline_rendition_editor_get_rendition (StorylineRenditionEditor *self)
{
  g_return_val_if_fail (STORYLINE_IS_RENDITION_EDITOR (self), NULL);
  return self->rendition;
}

/**
 * storyline_rendition_editor_has_problems:
 *
 * Returns: whether the words typed are not in the story, as they break
 *   a rule
 */
gboolean
storyline_rendition_editor_has_problems (StorylineRenditionEditor *self)
{
  g_return_val_if_fail (STORYLINE_IS_RENDITION_EDITOR (self), FALSE);
  return self->wrong;
}
