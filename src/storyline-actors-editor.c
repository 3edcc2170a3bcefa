/* storyline-actors-editor.c: the story's actors, renamed and deleted
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "storyline-actors-editor.h"
#include "storyline-form.h"
#include "storyline-search.h"

/* The story's actors, each a row: its name, its kind, a button that
 * deletes it (refused, with the reason, while an event, a quote or
 * another actor names it), its role, the actor it belongs to, its other
 * names and its description. A story can have thousands: the rows
 * shown are the first that match what is typed in "Find an actor". New
 * actors are made where they are first needed, in an event's form. */

#define MAX_ROWS 60

struct _StorylineActorsEditor
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkSearchEntry *find_entry;
  GtkBox *rows_box;
  GtkLabel *more_label;

  /* Owned references */
  StorylineEditHistory *history;
  GtkStringList *belongs_choices;   /* "None", then every actor's name: all rows' */

  gboolean updating;
  gboolean applying;
};

G_DEFINE_FINAL_TYPE (StorylineActorsEditor, storyline_actors_editor, GTK_TYPE_WIDGET)

static const char * const kinds[] = { "organization", "person", "country", "group" };

static StorylineStory *
get_story (StorylineActorsEditor *self)
{
  return storyline_edit_history_get_story (self->history);
}

static StorylineActor *
row_actor (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "actor");
}

static void
name_changed (StorylineActorsEditor *self,
              GtkEditable           *entry)
{
  GtkLabel *feedback = g_object_get_data (G_OBJECT (entry), "feedback");
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;
  self->applying = TRUE;
  storyline_edit_history_set_actor_field (self->history, row_actor (GTK_WIDGET (entry)), STORYLINE_ACTOR_FIELD_NAME,
                                          gtk_editable_get_text (entry), &error);
  self->applying = FALSE;
  g_object_set_data (G_OBJECT (entry), "wrong", GINT_TO_POINTER (error != NULL));
  storyline_form_show_feedback (GTK_WIDGET (entry), feedback, error ? error->message : NULL, NULL);
}

static void
role_changed (StorylineActorsEditor *self,
              GtkEditable           *entry)
{
  if (self->updating)
    return;
  self->applying = TRUE;
  storyline_edit_history_set_actor_field (self->history, row_actor (GTK_WIDGET (entry)), STORYLINE_ACTOR_FIELD_ROLE,
                                          gtk_editable_get_text (entry), NULL);
  self->applying = FALSE;
}

static void
description_changed (StorylineActorsEditor *self,
                     GtkEditable           *entry)
{
  if (self->updating)
    return;
  self->applying = TRUE;
  storyline_edit_history_set_actor_field (self->history, row_actor (GTK_WIDGET (entry)), STORYLINE_ACTOR_FIELD_DESCRIPTION,
                                          gtk_editable_get_text (entry), NULL);
  self->applying = FALSE;
}

/* The actor this one belongs to: refused, and said, when it would be
 * itself or one that belongs to it. */
static void
belongs_selected (StorylineActorsEditor *self,
                  GParamSpec            *pspec,
                  GtkDropDown           *dropdown)
{
  GPtrArray *actors = storyline_story_get_actors (get_story (self));
  guint selected = gtk_drop_down_get_selected (dropdown);
  GtkLabel *feedback = g_object_get_data (G_OBJECT (dropdown), "feedback");
  g_autoptr(GError) error = NULL;
  const char *id = NULL;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION || selected > actors->len)
    return;
  if (selected > 0)
    id = storyline_actor_get_id (actors->pdata[selected - 1]);
  self->applying = TRUE;
  storyline_edit_history_set_actor_field (self->history, row_actor (GTK_WIDGET (dropdown)), STORYLINE_ACTOR_FIELD_AFFILIATION,
                                          id, &error);
  storyline_edit_history_end_step (self->history);
  self->applying = FALSE;
  g_object_set_data (G_OBJECT (dropdown), "wrong", GINT_TO_POINTER (error != NULL));
  storyline_form_show_feedback (GTK_WIDGET (dropdown), feedback, error ? error->message : NULL, NULL);
}

static guint
belongs_position (StorylineActorsEditor *self,
                  StorylineActor        *actor)
{
  StorylineActor *to = storyline_actor_get_affiliation (actor);
  guint index = to ? storyline_story_get_actor_index (get_story (self), to) : G_MAXUINT;

  return index == G_MAXUINT ? 0 : index + 1;
}

/* Aliases typed with commas between them; one a line in the model. */
static void
aliases_changed (StorylineActorsEditor *self,
                 GtkEditable           *entry)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *lines = NULL;

  if (self->updating)
    return;
  parts = g_strsplit (gtk_editable_get_text (entry), ",", -1);
  lines = g_strjoinv ("\n", parts);
  self->applying = TRUE;
  storyline_edit_history_set_actor_field (self->history, row_actor (GTK_WIDGET (entry)), STORYLINE_ACTOR_FIELD_ALIASES,
                                          lines, NULL);
  self->applying = FALSE;
}

static char *
aliases_text (StorylineActor *actor)
{
  const char * const *aliases = storyline_actor_get_aliases (actor);

  return aliases ? g_strjoinv (", ", (char **) aliases) : g_strdup ("");
}

static void
kind_selected (StorylineActorsEditor *self,
               GParamSpec            *pspec,
               GtkDropDown           *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || selected >= G_N_ELEMENTS (kinds))
    return;
  self->applying = TRUE;
  storyline_edit_history_set_actor_field (self->history, row_actor (GTK_WIDGET (dropdown)), STORYLINE_ACTOR_FIELD_KIND,
                                          kinds[selected], NULL);
  storyline_edit_history_end_step (self->history);
  self->applying = FALSE;
}

static void
delete_clicked (StorylineActorsEditor *self,
                GtkButton             *button)
{
  g_autoptr(GError) error = NULL;

  storyline_edit_history_end_step (self->history);
  if (!storyline_edit_history_delete_actor (self->history, row_actor (GTK_WIDGET (button)), &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
}

static GtkWidget *
make_row (StorylineActorsEditor *self,
          StorylineActor        *actor)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *feedback = storyline_form_feedback_label_new ();
  GtkWidget *kind = gtk_drop_down_new_from_strings ((const char * const []) {
    C_("actor kind", "Organization"), C_("actor kind", "Person"), C_("actor kind", "Country"), C_("actor kind", "Group"), NULL });
  GtkWidget *role = gtk_entry_new ();
  GtkWidget *aliases = gtk_entry_new ();
  GtkWidget *belongs_line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *belongs_label = gtk_label_new (_("Belongs to"));
  GtkWidget *belongs = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->belongs_choices)), NULL);
  GtkWidget *belongs_feedback = storyline_form_feedback_label_new ();
  GtkWidget *description = gtk_entry_new ();
  g_autofree char *aliases_now = aliases_text (actor);
  g_autofree char *aliases_label = g_strdup_printf (_("Other names of “%s”"), storyline_actor_get_name (actor));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const char *actor_name = storyline_actor_get_name (actor);
  g_autofree char *delete_label = g_strdup_printf (_("Delete “%s”"), actor_name);
  g_autofree char *role_label = g_strdup_printf (_("Role of “%s”"), actor_name);
  g_autofree char *belongs_name = g_strdup_printf (_("What “%s” belongs to"), actor_name);
  g_autofree char *description_label = g_strdup_printf (_("Description of “%s”"), actor_name);

  GtkWidget *parts[] = { row, name, kind, role, aliases, remove, belongs, description };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_object_set_data_full (G_OBJECT (parts[i]), "actor", g_object_ref (actor), g_object_unref);

  gtk_editable_set_text (GTK_EDITABLE (name), actor_name);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (name), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), storyline_actor_get_kind (actor));
  gtk_widget_set_size_request (kind, 150, -1);   /* one width: the names line up */
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind"), -1);
  gtk_widget_set_tooltip_text (remove, delete_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_editable_set_text (GTK_EDITABLE (role), storyline_actor_get_role (actor) ? storyline_actor_get_role (actor) : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (role), _("Role (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (role), GTK_ACCESSIBLE_PROPERTY_LABEL, role_label, -1);
  gtk_editable_set_text (GTK_EDITABLE (aliases), aliases_now);
  gtk_entry_set_placeholder_text (GTK_ENTRY (aliases), _("Other names, separated by commas (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (aliases), GTK_ACCESSIBLE_PROPERTY_LABEL, aliases_label, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, feedback, NULL, -1);
  g_object_set_data (G_OBJECT (name), "feedback", feedback);
  g_object_set_data (G_OBJECT (row), "name", name);
  g_object_set_data (G_OBJECT (row), "kind", kind);
  g_object_set_data (G_OBJECT (row), "role", role);
  g_object_set_data (G_OBJECT (row), "aliases", aliases);
  g_object_set_data (G_OBJECT (row), "belongs", belongs);
  g_object_set_data (G_OBJECT (row), "description", description);

  gtk_label_set_xalign (GTK_LABEL (belongs_label), 0);
  gtk_widget_add_css_class (belongs_label, "dim-label");
  gtk_widget_set_hexpand (belongs, TRUE);
  storyline_form_ellipsize_dropdown (GTK_DROP_DOWN (belongs), 16);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (belongs), belongs_position (self, actor));
  gtk_accessible_update_property (GTK_ACCESSIBLE (belongs), GTK_ACCESSIBLE_PROPERTY_LABEL, belongs_name, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (belongs), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, belongs_feedback, NULL, -1);
  g_object_set_data (G_OBJECT (belongs), "feedback", belongs_feedback);
  gtk_editable_set_text (GTK_EDITABLE (description), storyline_actor_get_description (actor) ? storyline_actor_get_description (actor) : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (description), _("Description (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (description), GTK_ACCESSIBLE_PROPERTY_LABEL, description_label, -1);
  g_signal_connect_swapped (belongs, "notify::selected", G_CALLBACK (belongs_selected), self);
  g_signal_connect_swapped (description, "changed", G_CALLBACK (description_changed), self);
  storyline_form_ends_step (description, self->history);

  g_signal_connect_swapped (name, "changed", G_CALLBACK (name_changed), self);
  g_signal_connect_swapped (role, "changed", G_CALLBACK (role_changed), self);
  g_signal_connect_swapped (aliases, "changed", G_CALLBACK (aliases_changed), self);
  g_signal_connect_swapped (kind, "notify::selected", G_CALLBACK (kind_selected), self);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (delete_clicked), self);
  storyline_form_ends_step (name, self->history);
  storyline_form_ends_step (role, self->history);
  storyline_form_ends_step (aliases, self->history);

  gtk_box_append (GTK_BOX (line), name);
  gtk_box_append (GTK_BOX (line), kind);
  gtk_box_append (GTK_BOX (line), remove);
  gtk_box_append (GTK_BOX (row), line);
  gtk_box_append (GTK_BOX (row), feedback);
  gtk_box_append (GTK_BOX (row), role);
  gtk_box_append (GTK_BOX (belongs_line), belongs_label);
  gtk_box_append (GTK_BOX (belongs_line), belongs);
  gtk_box_append (GTK_BOX (row), belongs_line);
  gtk_box_append (GTK_BOX (row), belongs_feedback);
  gtk_box_append (GTK_BOX (row), aliases);
  gtk_box_append (GTK_BOX (row), description);
  gtk_widget_set_margin_bottom (row, 14);   /* one actor's fields apart from the next's */
  return row;
}

/* The rows: the actors whose name matches what is typed in Find, the
 * first MAX_ROWS of them. */
static void
fill (StorylineActorsEditor *self)
{
  GPtrArray *actors = storyline_story_get_actors (get_story (self));
  g_autofree char *find = storyline_fold_text (gtk_editable_get_text (GTK_EDITABLE (self->find_entry)));
  GtkWidget *child;
  guint shown = 0, matching = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows_box))) != NULL)
    gtk_box_remove (self->rows_box, child);
  /* One list of choices for every row's "Belongs to". */
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new ();

    g_ptr_array_add (names, (gpointer) C_("belongs to", "None"));
    for (guint i = 0; i < actors->len; i++)
      g_ptr_array_add (names, (gpointer) storyline_actor_get_name (actors->pdata[i]));
    g_ptr_array_add (names, NULL);
    g_clear_object (&self->belongs_choices);
    self->belongs_choices = gtk_string_list_new ((const char * const *) names->pdata);
  }
  for (guint i = 0; i < actors->len; i++)
    {
      g_autofree char *name = storyline_fold_text (storyline_actor_get_name (actors->pdata[i]));

      if (*find != '\0' && strstr (name, find) == NULL)
        continue;
      matching++;
      if (shown < MAX_ROWS)
        {
          gtk_box_append (self->rows_box, make_row (self, actors->pdata[i]));
          shown++;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), matching > shown);
  if (matching > shown)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u more actor: find one by typing part of its name.",
                                                            "%u more actors: find one by typing part of its name.",
                                                            matching - shown), matching - shown);
      gtk_label_set_text (self->more_label, more);
    }
}

/* Added or deleted (here, undone, or in an event's form): the rows again. */
static void
actors_changed (StorylineActorsEditor *self)
{
  fill (self);
}

/* A field changed, undone or redone: its row shows it. */
static void
actor_changed (StorylineActorsEditor *self,
               StorylineActor        *actor)
{
  guint index = storyline_story_get_actor_index (get_story (self), actor);

  /* Its name among the choices of "Belongs to" (the rows keep what they
   * had chosen). */
  if (self->belongs_choices != NULL && index != G_MAXUINT &&
      g_strcmp0 (gtk_string_list_get_string (self->belongs_choices, index + 1), storyline_actor_get_name (actor)) != 0)
    {
      self->updating = TRUE;
      gtk_string_list_splice (self->belongs_choices, index + 1, 1, (const char * const []) { storyline_actor_get_name (actor), NULL });
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->rows_box)); row; row = gtk_widget_get_next_sibling (row))
        if (!g_object_get_data (g_object_get_data (G_OBJECT (row), "belongs"), "wrong"))
          gtk_drop_down_set_selected (g_object_get_data (G_OBJECT (row), "belongs"), belongs_position (self, row_actor (row)));
      self->updating = FALSE;
    }
  if (self->applying)
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->rows_box)); row; row = gtk_widget_get_next_sibling (row))
    if (row_actor (row) == actor)
      {
        GtkWidget *name = g_object_get_data (G_OBJECT (row), "name");

        self->updating = TRUE;
        storyline_form_set_entry (GTK_EDITABLE (name), storyline_actor_get_name (actor));
        storyline_form_set_entry (g_object_get_data (G_OBJECT (row), "role"), storyline_actor_get_role (actor));
        {
          g_autofree char *aliases = aliases_text (actor);
          storyline_form_set_entry (g_object_get_data (G_OBJECT (row), "aliases"), aliases);
        }
        gtk_drop_down_set_selected (g_object_get_data (G_OBJECT (row), "kind"), storyline_actor_get_kind (actor));
        storyline_form_set_entry (g_object_get_data (G_OBJECT (row), "description"), storyline_actor_get_description (actor));
        gtk_drop_down_set_selected (g_object_get_data (G_OBJECT (row), "belongs"), belongs_position (self, actor));
        self->updating = FALSE;
        g_object_set_data (g_object_get_data (G_OBJECT (row), "belongs"), "wrong", NULL);
        storyline_form_show_feedback (g_object_get_data (G_OBJECT (row), "belongs"),
                                      g_object_get_data (g_object_get_data (G_OBJECT (row), "belongs"), "feedback"), NULL, NULL);
        g_object_set_data (G_OBJECT (name), "wrong", NULL);
        storyline_form_show_feedback (name, g_object_get_data (G_OBJECT (name), "feedback"), NULL, NULL);
      }
}

static void
storyline_actors_editor_dispose (GObject *object)
{
  StorylineActorsEditor *self = STORYLINE_ACTORS_EDITOR (object);
  GtkWidget *child;

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (get_story (self), self);
  g_clear_object (&self->history);
  g_clear_object (&self->belongs_choices);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORYLINE_TYPE_ACTORS_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (storyline_actors_editor_parent_class)->dispose (object);
}

static void
storyline_actors_editor_class_init (StorylineActorsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = storyline_actors_editor_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/storyline-actors-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, StorylineActorsEditor, find_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineActorsEditor, rows_box);
  gtk_widget_class_bind_template_child (widget_class, StorylineActorsEditor, more_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
storyline_actors_editor_init (StorylineActorsEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * storyline_actors_editor_new:
 *
 * Returns: (transfer floating): the rows of the story's actors
 */
GtkWidget *
storyline_actors_editor_new (StorylineEditHistory *history)
{
  StorylineActorsEditor *self;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (history), NULL);

  self = g_object_new (STORYLINE_TYPE_ACTORS_EDITOR, NULL);
  self->history = g_object_ref (history);
  fill (self);
  g_signal_connect_swapped (self->find_entry, "search-changed", G_CALLBACK (fill), self);
  g_signal_connect_swapped (get_story (self), "actors-changed", G_CALLBACK (actors_changed), self);
  g_signal_connect_swapped (get_story (self), "actor-changed", G_CALLBACK (actor_changed), self);
  return GTK_WIDGET (self);
}

/**
 * storyline_actors_editor_has_problems:
 *
 * Returns: whether a name typed is not in the story, as it breaks a rule
 */
gboolean
storyline_actors_editor_has_problems (StorylineActorsEditor *self)
{
  g_return_val_if_fail (STORYLINE_IS_ACTORS_EDITOR (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->rows_box)); row; row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (g_object_get_data (G_OBJECT (row), "name"), "wrong") ||
        g_object_get_data (g_object_get_data (G_OBJECT (row), "belongs"), "wrong"))
      return TRUE;
  return FALSE;
}
