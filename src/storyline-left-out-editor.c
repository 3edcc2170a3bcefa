/* storyline-left-out-editor.c: the items Open Anyway left out, mended
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "storyline-form.h"
#include "storyline-left-out.h"
#include "storyline-left-out-editor.h"

/* Each item left out: where it was in the file and why, its JSON in a
 * text view to correct, and "Put Back", which reads it by the loader's
 * rules against the story as it now is: a problem is said under it, in
 * the loader's words with the place in the item; right, the item is in
 * the story (one step to undo) and its row goes. */

struct _StorylineLeftOutEditor
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkBox *items_box;

  /* Owned references */
  StorylineEditHistory *history;
};

G_DEFINE_FINAL_TYPE (StorylineLeftOutEditor, storyline_left_out_editor, GTK_TYPE_WIDGET)

static StorylineStory *
get_story (StorylineLeftOutEditor *self)
{
  return storyline_edit_history_get_story (self->history);
}

static void
put_back_clicked (StorylineLeftOutEditor *self,
                  GtkButton              *button)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (button), "view");
  GtkLabel *feedback = g_object_get_data (G_OBJECT (button), "feedback");
  const char *collection = g_object_get_data (G_OBJECT (button), "collection");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "position"));
  g_autofree char *text = storyline_form_dup_text (view);
  g_autoptr(GError) error = NULL;
  StorylineStory *story = get_story (self);

  for (guint i = 0; i < storyline_story_get_n_left_out (story); i++)
    {
      const StorylineLeftOut *l = storyline_story_get_left_out (story, i);

      if (g_str_equal (l->collection, collection) && l->position == position)
        {
          storyline_edit_history_end_step (self->history);
          if (!storyline_edit_history_put_back (self->history, i, text, &error))
            storyline_form_show_feedback (GTK_WIDGET (view), feedback, error->message, NULL);
          return;
        }
    }
}

static GtkWidget *
make_item (StorylineLeftOutEditor *self,
           const StorylineLeftOut *left_out)
{
  GtkWidget *item = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *where = g_strdup_printf ("%s[%u]", left_out->collection, left_out->position);
  GtkWidget *heading = gtk_label_new (where);
  GtkWidget *problem = gtk_label_new (left_out->problem);
  GtkWidget *view;
  GtkWidget *scroller = storyline_form_text_view_new (&view, left_out->text, 80, 280);
  GtkWidget *feedback = storyline_form_feedback_label_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Put Back"));
  g_autofree char *label = g_strdup_printf (_("JSON of %s"), where);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "monospace");
  gtk_label_set_xalign (GTK_LABEL (problem), 0);
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (problem), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (problem), TRUE);
  gtk_widget_add_css_class (problem, "caption");
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, problem, feedback, NULL, -1);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (button), "view", view);
  g_object_set_data (G_OBJECT (button), "feedback", feedback);
  g_object_set_data_full (G_OBJECT (button), "collection", g_strdup (left_out->collection), g_free);
  g_object_set_data (G_OBJECT (button), "position", GUINT_TO_POINTER (left_out->position));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (put_back_clicked), self);

  gtk_box_append (GTK_BOX (item), heading);
  gtk_box_append (GTK_BOX (item), problem);
  gtk_box_append (GTK_BOX (item), scroller);
  gtk_box_append (GTK_BOX (item), feedback);
  gtk_box_append (GTK_BOX (item), button);
  return item;
}

static void
fill (StorylineLeftOutEditor *self)
{
  StorylineStory *story = get_story (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_box))) != NULL)
    gtk_box_remove (self->items_box, child);
  for (guint i = 0; i < storyline_story_get_n_left_out (story); i++)
    gtk_box_append (self->items_box, make_item (self, storyline_story_get_left_out (story, i)));
}

static void
storyline_left_out_editor_dispose (GObject *object)
{
  StorylineLeftOutEditor *self = STORYLINE_LEFT_OUT_EDITOR (object);
  GtkWidget *child;

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (get_story (self), self);
  g_clear_object (&self->history);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORYLINE_TYPE_LEFT_OUT_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (storyline_left_out_editor_parent_class)->dispose (object);
}

static void
storyline_left_out_editor_class_init (StorylineLeftOutEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = storyline_left_out_editor_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/storyline-left-out-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, StorylineLeftOutEditor, items_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
storyline_left_out_editor_init (StorylineLeftOutEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * storyline_left_out_editor_new:
 *
 * Returns: (transfer floating): the items the story left out, to mend
 */
GtkWidget *
storyline_left_out_editor_new (StorylineEditHistory *history)
{
  StorylineLeftOutEditor *self;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (history), NULL);

  self = g_object_new (STORYLINE_TYPE_LEFT_OUT_EDITOR, NULL);
  self->history = g_object_ref (history);
  fill (self);
  g_signal_connect_swapped (get_story (self), "left-out-changed", G_CALLBACK (fill), self);
  return GTK_WIDGET (self);
}
