/* storyline-quote-editor.c: the form of one quote and its renditions
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "storyline-form.h"
#include "storyline-quote-editor.h"
#include "storyline-rendition-editor.h"

/* A quote in Edit mode: the words as issued, who said them, where they
 * were first issued, when, and in what language; then each rendition,
 * with its verdict, and the form that adds one. Each change goes to the
 * edit history as it is typed, as in the event's form. */

struct _StorylineQuoteEditor
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkButton *delete_button;
  GtkTextView *words_view;
  GtkLabel *words_feedback;
  GtkDropDown *speaker_dropdown;
  GtkDropDown *origin_dropdown;
  GtkEntry *said_entry;
  GtkLabel *said_feedback;
  GtkEntry *language_entry;
  GtkWidget *renditions_heading;
  GtkBox *renditions_box;
  GtkExpander *new_rendition_expander;

  /* Owned references */
  StorylineEditHistory *history;
  StorylineQuote *quote;

  GtkWidget *new_rendition;     /* the form that adds one */
  gboolean updating;
  gboolean applying;
  gboolean words_wrong;
  gboolean said_wrong;
};

G_DEFINE_FINAL_TYPE (StorylineQuoteEditor, storyline_quote_editor, GTK_TYPE_WIDGET)

static StorylineStory *
get_story (StorylineQuoteEditor *self)
{
  return storyline_edit_history_get_story (self->history);
}

static gboolean
set_field (StorylineQuoteEditor *self,
           StorylineQuoteField   field,
           const char           *value,
           GError              **error)
{
  gboolean ok;

  if (self->updating)
    return TRUE;
  self->applying = TRUE;
  ok = storyline_edit_history_set_quote_field (self->history, self->quote, field, value, error);
  self->applying = FALSE;
  return ok;
}

static void
words_changed (StorylineQuoteEditor *self)
{
  g_autofree char *text = storyline_form_dup_text (self->words_view);
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;
  self->words_wrong = !set_field (self, STORYLINE_QUOTE_FIELD_TEXT, text, &error);
  storyline_form_show_feedback (GTK_WIDGET (self->words_view), self->words_feedback, error ? error->message : NULL, NULL);
}

static void
said_changed (StorylineQuoteEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->said_entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;

  if (self->updating)
    return;
  self->said_wrong = !set_field (self, STORYLINE_QUOTE_FIELD_SAID, text, &error);
  if (!self->said_wrong)
    note = storyline_form_describe_date (text);
  storyline_form_show_feedback (GTK_WIDGET (self->said_entry), self->said_feedback, error ? error->message : NULL, note);
}

static void
language_changed (StorylineQuoteEditor *self)
{
  set_field (self, STORYLINE_QUOTE_FIELD_LANGUAGE, gtk_editable_get_text (GTK_EDITABLE (self->language_entry)), NULL);
}

static void
speaker_selected (StorylineQuoteEditor *self)
{
  StorylineActor *actor = storyline_form_get_actor (self->speaker_dropdown, get_story (self));

  if (actor == NULL || self->updating)
    return;
  set_field (self, STORYLINE_QUOTE_FIELD_SPEAKER, storyline_actor_get_id (actor), NULL);
  storyline_edit_history_end_step (self->history);
}

static void
origin_selected (StorylineQuoteEditor *self)
{
  StorylineSource *source = storyline_form_get_source (self->origin_dropdown, get_story (self), TRUE);

  if (self->updating)
    return;
  set_field (self, STORYLINE_QUOTE_FIELD_ORIGIN, source ? storyline_source_get_id (source) : NULL, NULL);
  storyline_edit_history_end_step (self->history);
}

static void
delete_clicked (StorylineQuoteEditor *self)
{
  storyline_edit_history_end_step (self->history);
  storyline_edit_history_delete_quote (self->history, self->quote);
}

static void
fill_choices (StorylineQuoteEditor *self)
{
  self->updating = TRUE;
  storyline_form_fill_actors (self->speaker_dropdown, get_story (self), storyline_quote_get_speaker (self->quote));
  /* Translators: a quote first issued in no source of the story */
  storyline_form_fill_sources (self->origin_dropdown, get_story (self), _("Not known"), storyline_quote_get_origin (self->quote));
  self->updating = FALSE;
}

static void
fill_fields (StorylineQuoteEditor *self)
{
  g_autofree char *said = storyline_quote_dup_field (self->quote, STORYLINE_QUOTE_FIELD_SAID);
  g_autofree char *note = storyline_form_describe_date (said);

  self->updating = TRUE;
  storyline_form_select_actor (self->speaker_dropdown, get_story (self), storyline_quote_get_speaker (self->quote));
  storyline_form_select_source (self->origin_dropdown, get_story (self), TRUE, storyline_quote_get_origin (self->quote));
  storyline_form_set_text (self->words_view, storyline_quote_get_text (self->quote));
  storyline_form_set_entry (GTK_EDITABLE (self->said_entry), said);
  storyline_form_set_entry (GTK_EDITABLE (self->language_entry), storyline_quote_get_language (self->quote));
  self->updating = FALSE;
  self->words_wrong = self->said_wrong = FALSE;
  storyline_form_show_feedback (GTK_WIDGET (self->words_view), self->words_feedback, NULL, NULL);
  storyline_form_show_feedback (GTK_WIDGET (self->said_entry), self->said_feedback, NULL, note);
}

/* The renditions' forms, one per rendition in order: made again only
 * when one was added or deleted, so that typing keeps its place. */
static void
sync_renditions (StorylineQuoteEditor *self)
{
  guint n = storyline_quote_get_n_renditions (self->quote);
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->renditions_box));
  gboolean same = TRUE;
  guint i;

  for (i = 0; i < n && same; i++, child = child ? gtk_widget_get_next_sibling (child) : NULL)
    same = child != NULL &&
           storyline_rendition_editor_get_rendition (STORYLINE_RENDITION_EDITOR (child)) == storyline_quote_get_rendition (self->quote, i);
  same = same && child == NULL;

  if (same)
    {
      for (child = gtk_widget_get_first_child (GTK_WIDGET (self->renditions_box)); child; child = gtk_widget_get_next_sibling (child))
        storyline_rendition_editor_refresh (STORYLINE_RENDITION_EDITOR (child));
    }
  else
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->renditions_box))) != NULL)
        gtk_box_remove (self->renditions_box, child);
      for (i = 0; i < n; i++)
        gtk_box_append (self->renditions_box,
                        storyline_rendition_editor_new (self->history, self->quote, storyline_quote_get_rendition (self->quote, i)));
    }
  gtk_widget_set_visible (self->renditions_heading, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->renditions_box), n > 0);
  storyline_rendition_editor_refresh (STORYLINE_RENDITION_EDITOR (self->new_rendition));
}

static void
quote_changed (StorylineQuoteEditor *self,
               StorylineQuote       *quote)
{
  if (quote != self->quote)
    return;
  if (!self->applying)
    fill_fields (self);
  sync_renditions (self);
}

static void
actors_changed (StorylineQuoteEditor *self)
{
  fill_choices (self);
}

/* An actor renamed: its name among the speakers, in place. */
static void
actor_changed (StorylineQuoteEditor *self,
               StorylineActor       *actor)
{
  guint index = storyline_story_get_actor_index (get_story (self), actor);
  GListModel *names = gtk_drop_down_get_model (self->speaker_dropdown);
  guint selected = gtk_drop_down_get_selected (self->speaker_dropdown);

  if (index == G_MAXUINT || names == NULL || index >= g_list_model_get_n_items (names))
    return;
  self->updating = TRUE;
  gtk_string_list_splice (GTK_STRING_LIST (names), index, 1, (const char * const []) { storyline_actor_get_name (actor), NULL });
  gtk_drop_down_set_selected (self->speaker_dropdown, selected);
  self->updating = FALSE;
}

static void
storyline_quote_editor_dispose (GObject *object)
{
  StorylineQuoteEditor *self = STORYLINE_QUOTE_EDITOR (object);
  GtkWidget *child;

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (get_story (self), self);
  g_clear_object (&self->history);
  g_clear_object (&self->quote);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORYLINE_TYPE_QUOTE_EDITOR);
  /* The form's box has no name in the template: unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (storyline_quote_editor_parent_class)->dispose (object);
}

static void
storyline_quote_editor_class_init (StorylineQuoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = storyline_quote_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/storyline-quote-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteEditor, words_view);
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteEditor, words_feedback);
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteEditor, speaker_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteEditor, origin_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteEditor, said_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteEditor, said_feedback);
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteEditor, language_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteEditor, renditions_heading);
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteEditor, renditions_box);
  gtk_widget_class_bind_template_child (widget_class, StorylineQuoteEditor, new_rendition_expander);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
storyline_quote_editor_init (StorylineQuoteEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  storyline_form_ellipsize_dropdown (self->speaker_dropdown, 10);
  storyline_form_ellipsize_dropdown (self->origin_dropdown, 10);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->words_view), FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->words_view),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->words_feedback, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->said_entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->said_feedback, NULL, -1);
}

/**
 * storyline_quote_editor_new:
 *
 * Returns: (transfer floating): the form of @quote
 */
GtkWidget *
storyline_quote_editor_new (StorylineEditHistory *history,
                            StorylineQuote       *quote)
{
  StorylineQuoteEditor *self;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (history), NULL);
  g_return_val_if_fail (STORYLINE_IS_QUOTE (quote), NULL);

  self = g_object_new (STORYLINE_TYPE_QUOTE_EDITOR, NULL);
  self->history = g_object_ref (history);
  self->quote = g_object_ref (quote);
  self->new_rendition = storyline_rendition_editor_new (history, quote, NULL);
  gtk_widget_set_margin_top (self->new_rendition, 6);
  gtk_expander_set_child (self->new_rendition_expander, self->new_rendition);

  fill_choices (self);
  fill_fields (self);
  sync_renditions (self);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->words_view), "changed", G_CALLBACK (words_changed), self);
  g_signal_connect_swapped (self->said_entry, "changed", G_CALLBACK (said_changed), self);
  g_signal_connect_swapped (self->language_entry, "changed", G_CALLBACK (language_changed), self);
  g_signal_connect_swapped (self->speaker_dropdown, "notify::selected", G_CALLBACK (speaker_selected), self);
  g_signal_connect_swapped (self->origin_dropdown, "notify::selected", G_CALLBACK (origin_selected), self);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (delete_clicked), self);
  storyline_form_ends_step (GTK_WIDGET (self->words_view), history);
  storyline_form_ends_step (GTK_WIDGET (self->said_entry), history);
  storyline_form_ends_step (GTK_WIDGET (self->language_entry), history);
  g_signal_connect_swapped (get_story (self), "quote-changed", G_CALLBACK (quote_changed), self);
  g_signal_connect_swapped (get_story (self), "actors-changed", G_CALLBACK (actors_changed), self);
  g_signal_connect_swapped (get_story (self), "actor-changed", G_CALLBACK (actor_changed), self);
  return GTK_WIDGET (self);
}

StorylineQuote *
storyline_quote_editor_get_quote (StorylineQuoteEditor *self)
{
  g_return_val_if_fail (STORYLINE_IS_QUOTE_EDITOR (self), NULL);
  return self->quote;
}

StorylineEditHistory *
storyline_quote_editor_get_history (StorylineQuoteEditor *self)
{
  g_return_val_if_fail (STORYLINE_IS_QUOTE_EDITOR (self), NULL);
  return self->history;
}

/**
 * storyline_quote_editor_has_problems:
 *
 * Returns: whether a field of the quote or of a rendition holds a value
 *   that breaks a rule, and so is not in the story
 */
gboolean
storyline_quote_editor_has_problems (StorylineQuoteEditor *self)
{
  g_return_val_if_fail (STORYLINE_IS_QUOTE_EDITOR (self), FALSE);

  if (self->words_wrong || self->said_wrong)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->renditions_box)); child;
       child = gtk_widget_get_next_sibling (child))
    if (storyline_rendition_editor_has_problems (STORYLINE_RENDITION_EDITOR (child)))
      return TRUE;
  return FALSE;
}

/**
 * storyline_quote_editor_focus_words:
 *
 * Puts the focus in the quote's words, all of them selected.
 */
void
storyline_quote_editor_focus_words (StorylineQuoteEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (STORYLINE_IS_QUOTE_EDITOR (self));

  buffer = gtk_text_view_get_buffer (self->words_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_widget_grab_focus (GTK_WIDGET (self->words_view));
}
