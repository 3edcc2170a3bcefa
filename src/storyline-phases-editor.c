/* storyline-phases-editor.c: the story's phases, added, changed, deleted
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "storyline-form.h"
#include "storyline-phases-editor.h"

/* The story's phases, each a row: its title, the dates it runs between
 * (checked as typed, against each other too) and a button that deletes
 * it, refused with the reason while an event is in it. Under them, the
 * fields of a new one. */

struct _StorylinePhasesEditor
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkBox *rows_box;
  GtkEntry *new_title_entry;
  GtkEntry *new_start_entry;
  GtkEntry *new_end_entry;
  GtkLabel *new_feedback;
  GtkButton *add_button;

  /* Owned references */
  StorylineEditHistory *history;

  guint n_wrong;
  gboolean applying;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (StorylinePhasesEditor, storyline_phases_editor, GTK_TYPE_WIDGET)

static StorylineStory *
get_story (StorylinePhasesEditor *self)
{
  return storyline_edit_history_get_story (self->history);
}

static void
field_changed (StorylinePhasesEditor *self,
               GtkEditable           *entry)
{
  StorylinePhase *phase = g_object_get_data (G_OBJECT (entry), "phase");
  StorylinePhaseField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "field"));
  GtkLabel *feedback = g_object_get_data (G_OBJECT (entry), "feedback");
  const char *text = gtk_editable_get_text (entry);
  gboolean was_wrong = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "wrong"));
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;

  if (self->updating)
    return;
  self->applying = TRUE;
  storyline_edit_history_set_phase_field (self->history, phase, field, text, &error);
  self->applying = FALSE;
  if (error == NULL && field != STORYLINE_PHASE_FIELD_TITLE)
    note = storyline_form_describe_date (text);
  if (was_wrong != (error != NULL))
    self->n_wrong += error != NULL ? 1 : -1;
  g_object_set_data (G_OBJECT (entry), "wrong", GINT_TO_POINTER (error != NULL));
  storyline_form_show_feedback (GTK_WIDGET (entry), feedback, error ? error->message : NULL, note);
}

static void
delete_clicked (StorylinePhasesEditor *self,
                GtkButton             *button)
{
  g_autoptr(GError) error = NULL;

  storyline_edit_history_end_step (self->history);
  if (!storyline_edit_history_delete_phase (self->history, g_object_get_data (G_OBJECT (button), "phase"), &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
}

static GtkWidget *
field_entry (StorylinePhasesEditor *self,
             StorylinePhase        *phase,
             StorylinePhaseField    field,
             const char            *label,
             GtkWidget             *feedback)
{
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *value = storyline_phase_dup_field (phase, field);

  gtk_editable_set_text (GTK_EDITABLE (entry), value ? value : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, feedback, NULL, -1);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);
  g_object_set_data_full (G_OBJECT (entry), "phase", g_object_ref (phase), g_object_unref);
  g_object_set_data (G_OBJECT (entry), "field", GUINT_TO_POINTER (field));
  g_object_set_data (G_OBJECT (entry), "feedback", feedback);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (field_changed), self);
  storyline_form_ends_step (entry, self->history);
  return entry;
}

static GtkWidget *
make_row (StorylinePhasesEditor *self,
          StorylinePhase        *phase)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dates = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title_feedback = storyline_form_feedback_label_new ();
  GtkWidget *dates_feedback = storyline_form_feedback_label_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *delete_label = g_strdup_printf (_("Delete “%s”"), storyline_phase_get_title (phase));

  gtk_widget_set_tooltip_text (remove, delete_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data_full (G_OBJECT (remove), "phase", g_object_ref (phase), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "phase", g_object_ref (phase), g_object_unref);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (delete_clicked), self);

  gtk_box_append (GTK_BOX (line), field_entry (self, phase, STORYLINE_PHASE_FIELD_TITLE, _("Title"), title_feedback));
  gtk_box_append (GTK_BOX (line), remove);
  gtk_box_append (GTK_BOX (dates), field_entry (self, phase, STORYLINE_PHASE_FIELD_START, _("Starts"), dates_feedback));
  gtk_box_append (GTK_BOX (dates), field_entry (self, phase, STORYLINE_PHASE_FIELD_END, _("Ends"), dates_feedback));
  gtk_box_append (GTK_BOX (row), line);
  gtk_box_append (GTK_BOX (row), title_feedback);
  gtk_box_append (GTK_BOX (row), dates);
  gtk_box_append (GTK_BOX (row), dates_feedback);
  return row;
}

static void
fill (StorylinePhasesEditor *self)
{
  GPtrArray *phases = storyline_story_get_phases (get_story (self));
  GtkWidget *child;

  self->n_wrong = 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows_box))) != NULL)
    gtk_box_remove (self->rows_box, child);
  for (guint i = 0; i < phases->len; i++)
    gtk_box_append (self->rows_box, make_row (self, phases->pdata[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->rows_box), phases->len > 0);
}

/* Typed here: the rows stay as they are; added, deleted, undone or
 * redone: the rows again. */
static void
phases_changed (StorylinePhasesEditor *self)
{
  if (!self->applying)
    fill (self);
}

/* The new phase's fields: a title, and two dates in order. */
static gboolean
check_new (StorylinePhasesEditor *self,
           StorylineDate         *start,
           StorylineDate         *end)
{
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->new_start_entry));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->new_end_entry));
  const char *problem = NULL;

  if (storyline_is_blank (from) && storyline_is_blank (to))
    problem = NULL;
  else if (!storyline_date_parse (from, start, NULL))
    problem = _("The start is not a date yet, such as 2024-11.");
  else if (!storyline_date_parse (to, end, NULL))
    problem = _("The end is not a date yet, such as 2025-08-24.");
  else if (storyline_date_get_earliest_day (start) > storyline_date_get_latest_day (end))
    problem = _("The phase would end before it starts.");
  storyline_form_show_feedback (GTK_WIDGET (self->new_end_entry), self->new_feedback, problem, NULL);
  return problem == NULL && !storyline_is_blank (from) && !storyline_is_blank (to) &&
         !storyline_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->new_title_entry)));
}

static void
new_changed (StorylinePhasesEditor *self)
{
  StorylineDate start, end;

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), check_new (self, &start, &end));
}

static void
add_clicked (StorylinePhasesEditor *self)
{
  StorylineDate start, end;

  if (!check_new (self, &start, &end))
    return;
  storyline_edit_history_end_step (self->history);
  storyline_edit_history_add_phase (self->history, gtk_editable_get_text (GTK_EDITABLE (self->new_title_entry)), &start, &end);
  storyline_edit_history_end_step (self->history);
  gtk_editable_set_text (GTK_EDITABLE (self->new_title_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_start_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_end_entry), "");
}

static void
storyline_phases_editor_dispose (GObject *object)
{
  StorylinePhasesEditor *self = STORYLINE_PHASES_EDITOR (object);
  GtkWidget *child;

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (get_story (self), self);
  g_clear_object (&self->history);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORYLINE_TYPE_PHASES_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (storyline_phases_editor_parent_class)->dispose (object);
}

static void
storyline_phases_editor_class_init (StorylinePhasesEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = storyline_phases_editor_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/storyline-phases-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, StorylinePhasesEditor, rows_box);
  gtk_widget_class_bind_template_child (widget_class, StorylinePhasesEditor, new_title_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylinePhasesEditor, new_start_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylinePhasesEditor, new_end_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylinePhasesEditor, new_feedback);
  gtk_widget_class_bind_template_child (widget_class, StorylinePhasesEditor, add_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
storyline_phases_editor_init (StorylinePhasesEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * storyline_phases_editor_new:
 *
 * Returns: (transfer floating): the rows of the story's phases
 */
GtkWidget *
storyline_phases_editor_new (StorylineEditHistory *history)
{
  StorylinePhasesEditor *self;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (history), NULL);

  self = g_object_new (STORYLINE_TYPE_PHASES_EDITOR, NULL);
  self->history = g_object_ref (history);
  fill (self);
  g_signal_connect_swapped (self->new_title_entry, "changed", G_CALLBACK (new_changed), self);
  g_signal_connect_swapped (self->new_start_entry, "changed", G_CALLBACK (new_changed), self);
  g_signal_connect_swapped (self->new_end_entry, "changed", G_CALLBACK (new_changed), self);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked), self);
  g_signal_connect_swapped (get_story (self), "phases-changed", G_CALLBACK (phases_changed), self);
  return GTK_WIDGET (self);
}

/**
 * storyline_phases_editor_has_problems:
 *
 * Returns: whether a field of a phase holds a value not in the story
 */
gboolean
storyline_phases_editor_has_problems (StorylinePhasesEditor *self)
{
  g_return_val_if_fail (STORYLINE_IS_PHASES_EDITOR (self), FALSE);
  return self->n_wrong > 0;
}
