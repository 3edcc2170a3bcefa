/* storyline-event-editor.c: the form that changes the selected event
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "storyline-citation.h"
#include "storyline-actors-editor.h"
#include "storyline-event-editor.h"
#include "storyline-left-out.h"
#include "storyline-left-out-editor.h"
#include "storyline-phases-editor.h"
#include "storyline-form.h"
#include "storyline-story-text.h"
#include "storyline-quote-editor.h"
#include "storyline-search.h"

/* Edit mode's pane: the story's title and subtitle, and the selected
 * event's fields. Every keystroke goes to the edit history, which checks
 * it by the loader's rules: a right value is in the story at once (its
 * row in the list follows); a wrong one stays in its field, with what is
 * wrong said under it in words, the field marked invalid for screen
 * readers, and the story keeps the last right value. Typing in one field
 * is one step to undo; leaving the field ends it. */

#define N_ENTRIES 9

typedef struct
{
  GtkEntry *entry;
  GtkLabel *feedback;
  gboolean story_field;
  guint field;                  /* StorylineEventField or StorylineStoryField */
  gboolean wrong;
} Field;

struct _StorylineEventEditor
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkExpander *story_expander;
  GtkLabel *empty_label;
  GtkWidget *event_box;
  GtkEntry *story_title_entry;
  GtkEntry *story_subtitle_entry;
  GtkEntry *story_publisher_entry;
  GtkEntry *story_url_entry;
  GtkEntry *title_entry;
  GtkEntry *date_entry;
  GtkEntry *place_entry;
  GtkEntry *type_entry;
  GtkEntry *tags_entry;
  GtkLabel *story_title_feedback;
  GtkLabel *story_subtitle_feedback;
  GtkLabel *story_publisher_feedback;
  GtkLabel *story_url_feedback;
  GtkTextView *story_summary_view;
  GtkLabel *title_feedback;
  GtkLabel *date_feedback;
  GtkLabel *place_feedback;
  GtkLabel *type_feedback;
  GtkLabel *tags_feedback;
  GtkTextView *summary_view;
  GtkFlowBox *actors_box;
  GtkWidget *actors_heading;
  GtkWidget *phase_heading;
  GtkDropDown *phase_dropdown;
  GtkEntry *new_actor_entry;
  GtkButton *new_actor_button;
  GtkBox *notes_box;
  GtkDropDown *new_note_kind;
  GtkEntry *new_note_entry;
  GtkButton *new_note_button;
  GtkBox *related_box;
  GtkDropDown *new_relation_kind;
  GtkSearchEntry *related_find_entry;
  GtkBox *related_matches_box;
  GtkExpander *left_out_expander;
  GtkExpander *actors_expander;
  GtkExpander *phases_expander;
  GtkBox *cited_box;
  GtkDropDown *cite_dropdown;
  GtkButton *cite_button;
  GtkEntry *new_source_entry;
  GtkButton *new_source_button;
  GtkBox *quotes_box;
  GtkEntry *new_quote_entry;
  GtkButton *new_quote_button;

  Field fields[N_ENTRIES];

  /* Owned references */
  StorylineEditHistory *history;
  StorylineEvent *event;
  GPtrArray *actor_checks;      /* GtkCheckButton, one per actor, in the story's order */

  gboolean updating;            /* the fields are being filled from the story */
  gboolean applying;            /* a field's change is being made in the story */
};

G_DEFINE_FINAL_TYPE (StorylineEventEditor, storyline_event_editor, GTK_TYPE_WIDGET)

static void sync_quotes       (StorylineEventEditor *self);
static void fill_cited        (StorylineEventEditor *self);
static void fill_notes        (StorylineEventEditor *self);
static void fill_related      (StorylineEventEditor *self);
static void add_focus_leave   (StorylineEventEditor *self,
                               GtkWidget            *widget);
static void new_quote_changed (StorylineEventEditor *self);

static StorylineStory *
get_story (StorylineEventEditor *self)
{
  return self->history ? storyline_edit_history_get_story (self->history) : NULL;
}

/* What is wrong (@problem), or how a date will be shown (@note), under the
 * field; nothing when both are %NULL. */
static void
show_feedback (Field      *f,
               const char *problem,
               const char *note)
{
  f->wrong = problem != NULL;
  storyline_form_show_feedback (GTK_WIDGET (f->entry), f->feedback, problem, note);
}

static char **
split_tags (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  GPtrArray *tags = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (g_strdup (parts[i]));

      if (*tag != '\0')
        g_ptr_array_add (tags, tag);
      else
        g_free (tag);
    }
  g_ptr_array_add (tags, NULL);
  return (char **) g_ptr_array_free (tags, FALSE);
}

static void
entry_changed (StorylineEventEditor *self,
               GtkEditable          *entry)
{
  Field *f = NULL;
  const char *text = gtk_editable_get_text (entry);
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  gboolean ok;

  if (self->updating || self->history == NULL)
    return;
  for (guint i = 0; i < N_ENTRIES; i++)
    if (GTK_EDITABLE (self->fields[i].entry) == entry)
      f = &self->fields[i];
  g_return_if_fail (f != NULL);

  self->applying = TRUE;
  if (f->story_field)
    ok = storyline_edit_history_set_story_field (self->history, f->field, text, &error);
  else if (self->event == NULL)
    ok = TRUE;
  else if (f->field == STORYLINE_EVENT_FIELD_TAGS)
    {
      g_auto(GStrv) tags = split_tags (text);
      ok = storyline_edit_history_set_event_field (self->history, self->event, f->field, (const char * const *) tags, &error);
    }
  else
    ok = storyline_edit_history_set_event_field (self->history, self->event, f->field,
                                                 (const char *[]) { text, NULL }, &error);
  self->applying = FALSE;

  if (ok && !f->story_field && f->field == STORYLINE_EVENT_FIELD_DATE)
    note = storyline_form_describe_date (text);
  show_feedback (f, ok ? NULL : error->message, note);
}

static void
summary_changed (StorylineEventEditor *self)
{
  g_autofree char *text = NULL;

  if (self->updating || self->history == NULL || self->event == NULL)
    return;
  text = storyline_form_dup_text (self->summary_view);
  self->applying = TRUE;
  storyline_edit_history_set_event_field (self->history, self->event, STORYLINE_EVENT_FIELD_SUMMARY,
                                          (const char *[]) { text, NULL }, NULL);
  self->applying = FALSE;
}

static void
actor_toggled (StorylineEventEditor *self,
               GtkCheckButton       *check)
{
  GPtrArray *actors;
  g_autoptr(GPtrArray) ids = NULL;

  if (self->updating || self->history == NULL || self->event == NULL)
    return;
  actors = storyline_story_get_actors (get_story (self));
  ids = g_ptr_array_new ();
  for (guint i = 0; i < self->actor_checks->len && i < actors->len; i++)
    if (gtk_check_button_get_active (self->actor_checks->pdata[i]))
      g_ptr_array_add (ids, (gpointer) storyline_actor_get_id (actors->pdata[i]));
  g_ptr_array_add (ids, NULL);
  self->applying = TRUE;
  storyline_edit_history_set_event_field (self->history, self->event, STORYLINE_EVENT_FIELD_ACTORS,
                                          (const char * const *) ids->pdata, NULL);
  storyline_edit_history_end_step (self->history);
  self->applying = FALSE;
}

static void
phase_selected (StorylineEventEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->phase_dropdown);
  GPtrArray *phases;
  const char *id = NULL;

  if (self->updating || self->history == NULL || self->event == NULL)
    return;
  phases = storyline_story_get_phases (get_story (self));
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected - 1 < phases->len)
    id = storyline_phase_get_id (phases->pdata[selected - 1]);
  self->applying = TRUE;
  storyline_edit_history_set_event_field (self->history, self->event, STORYLINE_EVENT_FIELD_PHASE,
                                          (const char *[]) { id, NULL }, NULL);
  storyline_edit_history_end_step (self->history);
  self->applying = FALSE;
}

static void
set_entry (Field      *f,
           const char *text)
{
  storyline_form_set_entry (GTK_EDITABLE (f->entry), text);
  show_feedback (f, NULL, NULL);
}

static void
fill_story (StorylineEventEditor *self)
{
  StorylineStory *story = get_story (self);

  self->updating = TRUE;
  set_entry (&self->fields[0], story ? storyline_story_get_title (story) : NULL);
  set_entry (&self->fields[1], story ? storyline_story_get_subtitle (story) : NULL);
  set_entry (&self->fields[7], story ? storyline_story_get_publisher (story) : NULL);
  set_entry (&self->fields[8], story ? storyline_story_get_url (story) : NULL);
  storyline_form_set_text (self->story_summary_view, story ? storyline_story_get_summary (story) : NULL);
  self->updating = FALSE;
}

static void
story_summary_changed (StorylineEventEditor *self)
{
  g_autofree char *text = NULL;

  if (self->updating || self->history == NULL)
    return;
  text = storyline_form_dup_text (self->story_summary_view);
  self->applying = TRUE;
  storyline_edit_history_set_story_field (self->history, STORYLINE_STORY_FIELD_SUMMARY, text, NULL);
  self->applying = FALSE;
}

/* The actors and phases to choose from: the story's. */
static void
fill_choices (StorylineEventEditor *self)
{
  StorylineStory *story = get_story (self);
  GPtrArray *actors = story ? storyline_story_get_actors (story) : NULL;
  GPtrArray *phases = story ? storyline_story_get_phases (story) : NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *child;

  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actors_box))) != NULL)
    gtk_flow_box_remove (self->actors_box, child);
  g_ptr_array_set_size (self->actor_checks, 0);
  for (guint i = 0; actors != NULL && i < actors->len; i++)
    {
      const char *name = storyline_actor_get_name (actors->pdata[i]);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *label = gtk_label_new (name);

      /* Long names are cut, whole in the tooltip: the form fits the
       * 280 px the details pane has at its narrowest. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
      gtk_widget_set_tooltip_text (check, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

      g_signal_connect_swapped (check, "toggled", G_CALLBACK (actor_toggled), self);
      gtk_flow_box_append (self->actors_box, check);
      g_ptr_array_add (self->actor_checks, check);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->actors_box), actors != NULL && actors->len > 0);

  /* Translators: an event in no phase of the story */
  gtk_string_list_append (names, _("None"));
  for (guint i = 0; phases != NULL && i < phases->len; i++)
    gtk_string_list_append (names, storyline_phase_get_title (phases->pdata[i]));
  gtk_drop_down_set_model (self->phase_dropdown, G_LIST_MODEL (names));
  gtk_widget_set_visible (self->phase_heading, phases != NULL && phases->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->phase_dropdown), phases != NULL && phases->len > 0);
  self->updating = FALSE;
}

/* The entry of @field (title, date, place, type or tags) as the event
 * has it. */
static void
fill_entry (StorylineEventEditor *self,
            Field                *f)
{
  g_auto(GStrv) value = storyline_event_dup_field (self->event, f->field);

  if (f->field == STORYLINE_EVENT_FIELD_TAGS)
    {
      g_autofree char *joined = g_strjoinv (", ", value);
      set_entry (f, joined);
    }
  else
    set_entry (f, value[0]);
  if (f->field == STORYLINE_EVENT_FIELD_DATE && value[0] != NULL)
    {
      g_autofree char *note = storyline_form_describe_date (value[0]);
      show_feedback (f, NULL, note);
    }
}

/* The actors' check boxes: a loop over every actor of the story, which a
 * large story has thousands of; done only when the actors may differ. */
static void
fill_actor_checks (StorylineEventEditor *self)
{
  GPtrArray *actors = storyline_story_get_actors (get_story (self));

  for (guint i = 0; i < self->actor_checks->len && i < actors->len; i++)
    gtk_check_button_set_active (self->actor_checks->pdata[i], storyline_event_involves (self->event, actors->pdata[i]));
}

static void
fill_phase (StorylineEventEditor *self)
{
  GPtrArray *phases = storyline_story_get_phases (get_story (self));
  StorylinePhase *phase = storyline_event_get_phase (self->event);
  guint selected = 0;

  for (guint i = 0; phase != NULL && i < phases->len; i++)
    if (phases->pdata[i] == phase)
      selected = i + 1;
  gtk_drop_down_set_selected (self->phase_dropdown, selected);
}

static void
fill_event (StorylineEventEditor *self)
{
  StorylineEvent *event = self->event;

  gtk_widget_set_visible (self->event_box, event != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), event == NULL);
  sync_quotes (self);
  new_quote_changed (self);
  fill_cited (self);
  fill_notes (self);
  fill_related (self);
  gtk_editable_set_text (GTK_EDITABLE (self->related_find_entry), "");
  if (event == NULL)
    return;

  self->updating = TRUE;
  for (guint i = 2; i < N_ENTRIES; i++)
    if (!self->fields[i].story_field)
      fill_entry (self, &self->fields[i]);
  storyline_form_set_text (self->summary_view, storyline_event_get_summary (event));
  if (get_story (self) != NULL)
    {
      fill_actor_checks (self);
      fill_phase (self);
    }
  self->updating = FALSE;
}

/* Undone or redone, not typed here: the field that changed shows it
 * (only that one: a large story's actors are thousands of check boxes). */
static void
event_changed (StorylineEventEditor *self,
               StorylineEvent       *event,
               guint                 field)
{
  if (self->applying || event != self->event)
    return;
  self->updating = TRUE;
  switch (field)
    {
    case STORYLINE_EVENT_FIELD_SUMMARY:
      storyline_form_set_text (self->summary_view, storyline_event_get_summary (event));
      break;
    case STORYLINE_EVENT_FIELD_ACTORS:
      fill_actor_checks (self);
      break;
    case STORYLINE_EVENT_FIELD_PHASE:
      fill_phase (self);
      break;
    case STORYLINE_EVENT_FIELD_SOURCES:
      fill_cited (self);
      break;
    case STORYLINE_EVENT_FIELD_NOTES:
      fill_notes (self);
      break;
    case STORYLINE_EVENT_FIELD_RELATED:
      fill_related (self);
      break;
    default:
      for (guint i = 2; i < N_ENTRIES; i++)
        if (!self->fields[i].story_field && self->fields[i].field == field)
          fill_entry (self, &self->fields[i]);
      break;
    }
  self->updating = FALSE;
}

/* An actor added or removed (here, or undone): the choices again. */
static void
actors_changed (StorylineEventEditor *self)
{
  fill_choices (self);
  fill_event (self);
}

static void
new_actor_changed (StorylineEventEditor *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_actor_entry))));

  gtk_widget_set_sensitive (GTK_WIDGET (self->new_actor_button), *name != '\0');
}

/* A new actor, named in the entry, is made and given to the event: two
 * steps, so that undoing takes it from the event, then from the story. */
static void
add_actor (StorylineEventEditor *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_actor_entry))));
  g_auto(GStrv) ids = NULL;
  StorylineActor *actor;
  GStrvBuilder *builder;

  if (*name == '\0' || self->history == NULL || self->event == NULL)
    return;
  actor = storyline_edit_history_add_actor (self->history, name, STORYLINE_ACTOR_PERSON);
  builder = g_strv_builder_new ();
  {
    g_auto(GStrv) current = storyline_event_dup_field (self->event, STORYLINE_EVENT_FIELD_ACTORS);
    g_strv_builder_addv (builder, (const char **) current);
  }
  g_strv_builder_add (builder, storyline_actor_get_id (actor));
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  storyline_edit_history_set_event_field (self->history, self->event, STORYLINE_EVENT_FIELD_ACTORS,
                                          (const char * const *) ids, NULL);
  storyline_edit_history_end_step (self->history);
  gtk_editable_set_text (GTK_EDITABLE (self->new_actor_entry), "");
}

/* The event's quotes, a form each, in order: when one was added, deleted
 * or moved to another event, the forms of the others are kept, so that
 * typing keeps its place. */
static void
sync_quotes (StorylineEventEditor *self)
{
  guint n = self->event ? storyline_event_get_n_quotes (self->event) : 0;
  g_autoptr(GHashTable) kept = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->quotes_box));
  gboolean same = TRUE;

  for (guint i = 0; i < n && same; i++, child = child ? gtk_widget_get_next_sibling (child) : NULL)
    same = child != NULL &&
           storyline_quote_editor_get_quote (STORYLINE_QUOTE_EDITOR (child)) == storyline_event_get_quote (self->event, i);
  if (same && child == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->quotes_box))) != NULL)
    {
      g_hash_table_insert (kept, storyline_quote_editor_get_quote (STORYLINE_QUOTE_EDITOR (child)), g_object_ref (child));
      gtk_box_remove (self->quotes_box, child);
    }
  for (guint i = 0; i < n; i++)
    {
      StorylineQuote *quote = storyline_event_get_quote (self->event, i);
      GtkWidget *editor = g_hash_table_lookup (kept, quote);

      /* A form of the same history only: a new story makes new forms. */
      if (editor == NULL || storyline_quote_editor_get_history (STORYLINE_QUOTE_EDITOR (editor)) != self->history)
        editor = storyline_quote_editor_new (self->history, quote);
      gtk_box_append (self->quotes_box, editor);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->quotes_box), n > 0);
}

static void
quote_changed (StorylineEventEditor *self,
               StorylineQuote       *quote,
               StorylineEvent       *left)
{
  if (self->event != NULL && (storyline_quote_get_event (quote) == self->event || left == self->event ||
                              storyline_story_get_quote_index (get_story (self), quote) == G_MAXUINT))
    sync_quotes (self);
}

/* A quote needs a speaker: the event's first actor, or the story's. */
static StorylineActor *
new_quote_speaker (StorylineEventEditor *self)
{
  GPtrArray *actors;

  if (self->event != NULL && storyline_event_get_n_actors (self->event) > 0)
    return storyline_event_get_actor (self->event, 0);
  actors = get_story (self) ? storyline_story_get_actors (get_story (self)) : NULL;
  return actors != NULL && actors->len > 0 ? actors->pdata[0] : NULL;
}

static void
new_quote_changed (StorylineEventEditor *self)
{
  gboolean has_speaker = new_quote_speaker (self) != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->new_quote_button),
                            has_speaker && !storyline_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->new_quote_entry))));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_quote_button),
                               has_speaker ? NULL : _("A quote needs a speaker: add an actor first."));
}

/* A quote of the event, its speaker the event's first actor (changed in
 * its form), and the focus in its words. */
static void
add_quote (StorylineEventEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->new_quote_entry));
  StorylineActor *speaker = new_quote_speaker (self);
  StorylineQuote *quote;
  GtkWidget *child;

  if (storyline_is_blank (text) || speaker == NULL || self->history == NULL || self->event == NULL)
    return;
  storyline_edit_history_end_step (self->history);
  quote = storyline_edit_history_add_quote (self->history, self->event, speaker, text);
  storyline_edit_history_end_step (self->history);
  gtk_editable_set_text (GTK_EDITABLE (self->new_quote_entry), "");
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->quotes_box)); child; child = gtk_widget_get_next_sibling (child))
    if (storyline_quote_editor_get_quote (STORYLINE_QUOTE_EDITOR (child)) == quote)
      storyline_quote_editor_focus_words (STORYLINE_QUOTE_EDITOR (child));
}

/* Notes and related events: the whole list is the field's value, one
 * entry changed at a time. */

static const char * const note_kinds[] = { "correction", "context", "uncertainty", NULL };
static const char * const relations[] = { "follows", "causes", "responds-to", "part-of", NULL };

static GtkWidget *
note_kind_dropdown (void)
{
  return gtk_drop_down_new_from_strings ((const char * const []) {
    C_("note kind", "Correction"), C_("note kind", "Context"), C_("note kind", "Uncertainty"), NULL });
}

static GtkWidget *
relation_dropdown (void)
{
  /* Translators: how this event is related to another: it follows it,
   * causes it, responds to it, is part of it */
  return gtk_drop_down_new_from_strings ((const char * const []) {
    C_("relation", "Follows"), C_("relation", "Causes"), C_("relation", "Responds to"), C_("relation", "Part of"), NULL });
}

static void
set_list_field (StorylineEventEditor *self,
                StorylineEventField   field,
                char                **value,
                GError              **error)
{
  self->applying = TRUE;
  storyline_edit_history_set_event_field (self->history, self->event, field, (const char * const *) value, error);
  self->applying = FALSE;
}

/* @value without its entry @index, or with it replaced by @replacement. */
static char **
list_without (char       **value,
              guint        index,
              const char  *replacement)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **result;

  for (guint i = 0; value[i] != NULL; i++)
    if (i != index)
      g_strv_builder_add (builder, value[i]);
    else if (replacement != NULL)
      g_strv_builder_add (builder, replacement);
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

static char *
note_with (const char *json,
           const char *key,
           const char *value)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (json);
  json_object_set_string_member (json_node_get_object (node), key, value);
  return json_to_string (node, FALSE);
}

static void
change_note (StorylineEventEditor *self,
             GtkWidget            *widget,
             const char           *key,
             const char           *value)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "index"));
  GtkLabel *feedback = g_object_get_data (G_OBJECT (widget), "feedback");
  g_auto(GStrv) notes = NULL;
  g_auto(GStrv) changed = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating || self->event == NULL)
    return;
  notes = storyline_event_dup_field (self->event, STORYLINE_EVENT_FIELD_NOTES);
  if (index >= g_strv_length (notes))
    return;
  note = note_with (notes[index], key, value);
  changed = list_without (notes, index, note);
  set_list_field (self, STORYLINE_EVENT_FIELD_NOTES, changed, &error);
  if (feedback != NULL)
    {
      g_object_set_data (G_OBJECT (widget), "wrong", GINT_TO_POINTER (error != NULL));
      storyline_form_show_feedback (widget, feedback, error ? error->message : NULL, NULL);
    }
}

static void
note_text_changed (StorylineEventEditor *self,
                   GtkTextBuffer        *buffer)
{
  GtkWidget *view = g_object_get_data (G_OBJECT (buffer), "view");
  g_autofree char *text = storyline_form_dup_text (GTK_TEXT_VIEW (view));

  change_note (self, view, "text", text);
}

static void
note_kind_selected (StorylineEventEditor *self,
                    GParamSpec           *pspec,
                    GtkDropDown          *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected < G_N_ELEMENTS (note_kinds) - 1)
    change_note (self, GTK_WIDGET (dropdown), "kind", note_kinds[selected]);
  if (self->history != NULL)
    storyline_edit_history_end_step (self->history);
}

static void
remove_list_entry (StorylineEventEditor *self,
                   GtkWidget            *button,
                   StorylineEventField   field)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  g_auto(GStrv) value = NULL;
  g_auto(GStrv) kept = NULL;

  if (self->event == NULL)
    return;
  value = storyline_event_dup_field (self->event, field);
  kept = list_without (value, index, NULL);
  storyline_edit_history_end_step (self->history);
  set_list_field (self, field, kept, NULL);
  storyline_edit_history_end_step (self->history);
}

static void
note_removed (StorylineEventEditor *self,
              GtkButton            *button)
{
  remove_list_entry (self, GTK_WIDGET (button), STORYLINE_EVENT_FIELD_NOTES);
  fill_notes (self);
}

/* The note @json citing one more source, @id; or without the source it
 * cites at @uncite (G_MAXUINT: none taken out). */
static char *
note_citing (const char *json,
             const char *id,
             guint       uncite)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  JsonObject *object;
  JsonArray *sources;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (json);
  object = json_node_get_object (node);
  if (!json_object_has_member (object, "sources") || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "sources")))
    json_object_set_array_member (object, "sources", json_array_new ());
  sources = json_object_get_array_member (object, "sources");
  if (id != NULL)
    json_array_add_string_element (sources, id);
  if (uncite < json_array_get_length (sources))
    json_array_remove_element (sources, uncite);
  if (json_array_get_length (sources) == 0)
    json_object_remove_member (object, "sources");
  return json_to_string (node, FALSE);
}

static gboolean
refill_notes (gpointer data)
{
  StorylineEventEditor *self = data;

  if (self->notes_box != NULL)
    fill_notes (self);
  return G_SOURCE_REMOVE;
}

static void
change_note_sources (StorylineEventEditor *self,
                     guint                 index,
                     const char           *cite,
                     guint                 uncite)
{
  g_auto(GStrv) notes = NULL;
  g_auto(GStrv) changed = NULL;
  g_autofree char *note = NULL;

  if (self->updating || self->event == NULL)
    return;
  notes = storyline_event_dup_field (self->event, STORYLINE_EVENT_FIELD_NOTES);
  if (index >= g_strv_length (notes))
    return;
  note = note_citing (notes[index], cite, uncite);
  changed = list_without (notes, index, note);
  storyline_edit_history_end_step (self->history);
  set_list_field (self, STORYLINE_EVENT_FIELD_NOTES, changed, NULL);
  storyline_edit_history_end_step (self->history);
  /* The rows again once the widget that asked is done: a dropdown goes on
   * using itself after its selection is said. */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, refill_notes, g_object_ref (self), g_object_unref);
}

static void
note_cite_selected (StorylineEventEditor *self,
                    GParamSpec           *pspec,
                    GtkDropDown          *dropdown)
{
  StorylineSource *source;

  if (self->updating || self->event == NULL)
    return;
  source = storyline_form_get_source (dropdown, get_story (self), TRUE);
  if (source != NULL)
    change_note_sources (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "index")),
                         storyline_source_get_id (source), G_MAXUINT);
}

static void
note_uncite_clicked (StorylineEventEditor *self,
                     GtkButton            *button)
{
  change_note_sources (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")), NULL,
                       GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cited")));
}

/* The sources a note cites, each with a button that stops citing it, and
 * a list to cite one more from. */
static void
add_note_sources (StorylineEventEditor *self,
                  GtkWidget            *row,
                  const StorylineNote  *note,
                  guint                 index)
{
  GtkWidget *cite = gtk_drop_down_new (NULL, NULL);
  guint n = note->sources != NULL ? note->sources->len : 0;

  for (guint j = 0; j < n; j++)
    {
      const StorylineSourceRef *ref = &g_array_index (note->sources, StorylineSourceRef, j);
      const char *name = storyline_source_get_short_name (ref->source);
      /* Translators: a source a note cites, and where in it */
      g_autofree char *text = ref->locator ? g_strdup_printf (_("Cites %s, %s"), name, ref->locator)
                                           : g_strdup_printf (_("Cites %s"), name);
      g_autofree char *stop = g_strdup_printf (_("Stop Citing %s"), name);
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (NULL);
      GtkWidget *uncite = gtk_button_new_from_icon_name ("list-remove-symbolic");

      storyline_label_set_story_text (GTK_LABEL (label), text);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_tooltip_text (uncite, stop);
      gtk_accessible_update_property (GTK_ACCESSIBLE (uncite), GTK_ACCESSIBLE_PROPERTY_LABEL, stop, -1);
      gtk_widget_add_css_class (uncite, "flat");
      g_object_set_data (G_OBJECT (uncite), "index", GUINT_TO_POINTER (index));
      g_object_set_data (G_OBJECT (uncite), "cited", GUINT_TO_POINTER (j));
      g_signal_connect_swapped (uncite, "clicked", G_CALLBACK (note_uncite_clicked), self);
      gtk_box_append (GTK_BOX (line), label);
      gtk_box_append (GTK_BOX (line), uncite);
      gtk_box_append (GTK_BOX (row), line);
    }

  storyline_form_ellipsize_dropdown (GTK_DROP_DOWN (cite), 16);
  storyline_form_fill_sources (GTK_DROP_DOWN (cite), get_story (self), _("Cite a Source in This Note…"), NULL);
  gtk_widget_set_halign (cite, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cite), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cite a source in this note"), -1);
  g_object_set_data (G_OBJECT (cite), "index", GUINT_TO_POINTER (index));
  g_signal_connect_swapped (cite, "notify::selected", G_CALLBACK (note_cite_selected), self);
  gtk_box_append (GTK_BOX (row), cite);
}

static void
fill_notes (StorylineEventEditor *self)
{
  guint n = self->event ? storyline_event_get_n_notes (self->event) : 0;
  GtkWidget *child;

  self->updating = TRUE;
  storyline_form_release_focus (GTK_WIDGET (self->notes_box), GTK_WIDGET (self->new_note_entry));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->notes_box))) != NULL)
    gtk_box_remove (self->notes_box, child);
  for (guint i = 0; i < n; i++)
    {
      const StorylineNote *note = storyline_event_get_note (self->event, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *kind = note_kind_dropdown ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      GtkWidget *view;
      GtkWidget *scroller = storyline_form_text_view_new (&view, note->text, 48, 160);
      GtkWidget *feedback = storyline_form_feedback_label_new ();
      GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), note->kind);
      gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind of note"), -1);
      gtk_widget_set_hexpand (spacer, TRUE);
      gtk_widget_set_tooltip_text (remove, _("Delete Note"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Note"), -1);
      gtk_widget_add_css_class (remove, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Text of the note"), -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, feedback, NULL, -1);

      g_object_set_data (G_OBJECT (kind), "index", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (view), "index", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (view), "feedback", feedback);
      g_object_set_data (G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view))), "view", view);
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_signal_connect_swapped (kind, "notify::selected", G_CALLBACK (note_kind_selected), self);
      g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed", G_CALLBACK (note_text_changed), self);
      g_signal_connect_swapped (remove, "clicked", G_CALLBACK (note_removed), self);
      add_focus_leave (self, view);

      gtk_box_append (GTK_BOX (line), kind);
      gtk_box_append (GTK_BOX (line), spacer);
      gtk_box_append (GTK_BOX (line), remove);
      gtk_box_append (GTK_BOX (row), line);
      gtk_box_append (GTK_BOX (row), scroller);
      gtk_box_append (GTK_BOX (row), feedback);
      add_note_sources (self, row, note, i);
      gtk_box_append (self->notes_box, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->notes_box), n > 0);
  self->updating = FALSE;
}

static void
new_note_changed (StorylineEventEditor *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_note_button),
                            !storyline_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->new_note_entry))));
}

static void
add_note (StorylineEventEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->new_note_entry));
  guint kind = gtk_drop_down_get_selected (self->new_note_kind);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *note = NULL;
  g_auto(GStrv) notes = NULL;
  GStrvBuilder *builder;
  g_auto(GStrv) more = NULL;

  if (storyline_is_blank (text) || self->history == NULL || self->event == NULL)
    return;
  json_object_set_string_member (object, "kind", note_kinds[kind < 3 ? kind : 1]);
  json_object_set_string_member (object, "text", text);
  node = json_node_init_object (json_node_alloc (), object);
  note = json_to_string (node, FALSE);
  notes = storyline_event_dup_field (self->event, STORYLINE_EVENT_FIELD_NOTES);
  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) notes);
  g_strv_builder_add (builder, note);
  more = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  storyline_edit_history_end_step (self->history);
  set_list_field (self, STORYLINE_EVENT_FIELD_NOTES, more, NULL);
  storyline_edit_history_end_step (self->history);
  gtk_editable_set_text (GTK_EDITABLE (self->new_note_entry), "");
  fill_notes (self);
}

static void
relation_selected (StorylineEventEditor *self,
                   GParamSpec           *pspec,
                   GtkDropDown          *dropdown)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "index"));
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_auto(GStrv) related = NULL;
  g_auto(GStrv) changed = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *entry = NULL;

  if (self->updating || self->event == NULL || selected >= G_N_ELEMENTS (relations) - 1)
    return;
  related = storyline_event_dup_field (self->event, STORYLINE_EVENT_FIELD_RELATED);
  if (index >= g_strv_length (related))
    return;
  parts = g_strsplit (related[index], "\t", 2);
  entry = g_strdup_printf ("%s\t%s", parts[0], relations[selected]);
  changed = list_without (related, index, entry);
  storyline_edit_history_end_step (self->history);
  set_list_field (self, STORYLINE_EVENT_FIELD_RELATED, changed, NULL);
  storyline_edit_history_end_step (self->history);
}

static void
related_removed (StorylineEventEditor *self,
                 GtkButton            *button)
{
  remove_list_entry (self, GTK_WIDGET (button), STORYLINE_EVENT_FIELD_RELATED);
  fill_related (self);
}

/* An event as a line of text: its date as shown, its title. */
static char *
event_line (StorylineEvent *event)
{
  g_autofree char *date = storyline_date_format (storyline_event_get_date (event));

  return g_strdup_printf ("%s — %s", date, storyline_event_get_title (event));
}

static void
fill_related (StorylineEventEditor *self)
{
  guint n = self->event ? storyline_event_get_n_related (self->event) : 0;
  GtkWidget *child;

  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->related_box))) != NULL)
    gtk_box_remove (self->related_box, child);
  for (guint i = 0; i < n; i++)
    {
      const StorylineRelation *relation = storyline_event_get_related (self->event, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *kind = relation_dropdown ();
      g_autofree char *line = event_line (relation->event);
      GtkWidget *label = gtk_label_new (line);
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *stop = g_strdup_printf (_("Not Related to “%s”"), storyline_event_get_title (relation->event));

      gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), relation->relation);
      gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL, _("How the event is related"), -1);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
      gtk_widget_set_tooltip_text (label, line);
      gtk_widget_set_tooltip_text (remove, stop);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, stop, -1);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data (G_OBJECT (kind), "index", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_signal_connect_swapped (kind, "notify::selected", G_CALLBACK (relation_selected), self);
      g_signal_connect_swapped (remove, "clicked", G_CALLBACK (related_removed), self);
      gtk_box_append (GTK_BOX (row), kind);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), remove);
      gtk_box_append (self->related_box, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->related_box), n > 0);
  self->updating = FALSE;
}

static void
relate_clicked (StorylineEventEditor *self,
                GtkButton            *button)
{
  StorylineEvent *other = g_object_get_data (G_OBJECT (button), "event");
  guint kind = gtk_drop_down_get_selected (self->new_relation_kind);
  g_auto(GStrv) related = NULL;
  g_autofree char *entry = NULL;
  GStrvBuilder *builder;
  g_auto(GStrv) more = NULL;

  if (self->event == NULL || other == NULL)
    return;
  entry = g_strdup_printf ("%s\t%s", storyline_event_get_id (other), relations[kind < 4 ? kind : 0]);
  related = storyline_event_dup_field (self->event, STORYLINE_EVENT_FIELD_RELATED);
  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) related);
  g_strv_builder_add (builder, entry);
  more = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  storyline_edit_history_end_step (self->history);
  set_list_field (self, STORYLINE_EVENT_FIELD_RELATED, more, NULL);
  storyline_edit_history_end_step (self->history);
  gtk_editable_set_text (GTK_EDITABLE (self->related_find_entry), "");
  fill_related (self);
}

#define MAX_MATCHES 6

/* The first events whose title has what is typed, to relate this one
 * to: a button each. */
static void
related_find_changed (StorylineEventEditor *self)
{
  g_autofree char *find = storyline_fold_text (gtk_editable_get_text (GTK_EDITABLE (self->related_find_entry)));
  GPtrArray *events = get_story (self) ? storyline_story_get_events (get_story (self)) : NULL;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->related_matches_box))) != NULL)
    gtk_box_remove (self->related_matches_box, child);
  for (guint i = 0; *find != '\0' && events != NULL && i < events->len && n < MAX_MATCHES; i++)
    {
      StorylineEvent *event = events->pdata[i];
      g_autofree char *title = NULL;
      g_autofree char *line = NULL;
      GtkWidget *button;

      if (event == self->event)
        continue;
      title = storyline_fold_text (storyline_event_get_title (event));
      if (strstr (title, find) == NULL)
        continue;
      line = event_line (event);
      button = gtk_button_new_with_label (line);
      gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "event", g_object_ref (event), g_object_unref);
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (relate_clicked), self);
      gtk_box_append (self->related_matches_box, button);
      n++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->related_matches_box), n > 0);
}

/* The sources the event cites: one row each, its name, where in it, and
 * a button that stops citing it. A change is the whole list again. */
static void
set_cited (StorylineEventEditor *self,
           char                **refs)
{
  self->applying = TRUE;
  storyline_edit_history_set_event_field (self->history, self->event, STORYLINE_EVENT_FIELD_SOURCES,
                                          (const char * const *) refs, NULL);
  self->applying = FALSE;
}

/* @ref ("id\tlocator\tnote") with @locator instead. */
static char *
ref_with_locator (const char *ref,
                  const char *locator)
{
  g_auto(GStrv) parts = g_strsplit (ref, "\t", 3);
  const char *note = parts[0] && parts[1] ? parts[2] : NULL;

  if (note != NULL)
    return g_strdup_printf ("%s\t%s\t%s", parts[0], locator, note);
  return *locator ? g_strdup_printf ("%s\t%s", parts[0], locator) : g_strdup (parts[0]);
}

static void
locator_changed (StorylineEventEditor *self,
                 GtkEditable          *entry)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "index"));
  g_auto(GStrv) refs = NULL;

  if (self->updating || self->event == NULL)
    return;
  refs = storyline_event_dup_field (self->event, STORYLINE_EVENT_FIELD_SOURCES);
  if (index >= g_strv_length (refs))
    return;
  {
    g_autofree char *locator = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
    char *changed = ref_with_locator (refs[index], locator);

    g_free (refs[index]);
    refs[index] = changed;
  }
  set_cited (self, refs);
}

static void
uncite_clicked (StorylineEventEditor *self,
                GtkButton            *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  g_auto(GStrv) refs = NULL;
  GStrvBuilder *builder;
  g_auto(GStrv) kept = NULL;

  if (self->event == NULL)
    return;
  refs = storyline_event_dup_field (self->event, STORYLINE_EVENT_FIELD_SOURCES);
  builder = g_strv_builder_new ();
  for (guint i = 0; refs[i] != NULL; i++)
    if (i != index)
      g_strv_builder_add (builder, refs[i]);
  kept = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  storyline_edit_history_end_step (self->history);
  set_cited (self, kept);
  storyline_edit_history_end_step (self->history);
  fill_cited (self);
}

static void
fill_cited (StorylineEventEditor *self)
{
  guint n = self->event ? storyline_event_get_n_sources (self->event) : 0;
  GtkWidget *child;

  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cited_box))) != NULL)
    gtk_box_remove (self->cited_box, child);
  for (guint i = 0; i < n; i++)
    {
      const StorylineSourceRef *ref = storyline_event_get_source (self->event, i);
      const char *name = storyline_source_get_short_name (ref->source);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (name);
      GtkWidget *locator = gtk_entry_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *where = g_strdup_printf (_("Where in “%s”"), name);
      g_autofree char *stop = g_strdup_printf (_("Stop Citing “%s”"), name);

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      /* One width, so that the entries line up. */
      gtk_label_set_width_chars (GTK_LABEL (label), 14);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_tooltip_text (label, name);
      gtk_editable_set_text (GTK_EDITABLE (locator), ref->locator ? ref->locator : "");
      gtk_entry_set_placeholder_text (GTK_ENTRY (locator), _("Where in it (optional)"));
      gtk_widget_set_hexpand (locator, TRUE);
      gtk_editable_set_width_chars (GTK_EDITABLE (locator), 6);
      gtk_accessible_update_property (GTK_ACCESSIBLE (locator), GTK_ACCESSIBLE_PROPERTY_LABEL, where, -1);
      gtk_widget_set_tooltip_text (remove, stop);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, stop, -1);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data (G_OBJECT (locator), "index", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_signal_connect_swapped (locator, "changed", G_CALLBACK (locator_changed), self);
      g_signal_connect_swapped (remove, "clicked", G_CALLBACK (uncite_clicked), self);
      add_focus_leave (self, locator);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), locator);
      gtk_box_append (GTK_BOX (row), remove);
      gtk_box_append (self->cited_box, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->cited_box), n > 0);
  self->updating = FALSE;
}

/* The story's sources to cite: made again when one was added or
 * deleted, a name changed in place when one was renamed. */
static void
fill_cite_choices (StorylineEventEditor *self,
                   StorylineSource      *changed)
{
  StorylineStory *story = get_story (self);
  GPtrArray *sources = story ? storyline_story_get_sources (story) : NULL;
  GListModel *model = gtk_drop_down_get_model (self->cite_dropdown);
  guint index;

  if (sources != NULL && model != NULL && g_list_model_get_n_items (model) == sources->len)
    {
      if (changed != NULL && g_ptr_array_find (sources, changed, &index))
        gtk_string_list_splice (GTK_STRING_LIST (model), index, 1,
                                (const char * const []) { storyline_source_get_short_name (changed), NULL });
      return;
    }
  if (story != NULL)
    storyline_form_fill_sources (self->cite_dropdown, story, NULL, NULL);
  if (sources != NULL && sources->len > 0)
    gtk_drop_down_set_selected (self->cite_dropdown, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cite_button), sources != NULL && sources->len > 0);
}

static void
source_changed (StorylineEventEditor *self,
                StorylineSource      *source)
{
  fill_cite_choices (self, source);
  if (!self->applying && self->event != NULL)
    fill_cited (self);
}

static void
cite_source (StorylineEventEditor *self,
             StorylineSource      *source)
{
  g_auto(GStrv) refs = storyline_event_dup_field (self->event, STORYLINE_EVENT_FIELD_SOURCES);
  GStrvBuilder *builder = g_strv_builder_new ();
  g_auto(GStrv) more = NULL;

  g_strv_builder_addv (builder, (const char **) refs);
  g_strv_builder_add (builder, storyline_source_get_id (source));
  more = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  set_cited (self, more);
  storyline_edit_history_end_step (self->history);
  fill_cited (self);
}

static void
cite_clicked (StorylineEventEditor *self)
{
  StorylineSource *source;

  if (self->history == NULL || self->event == NULL)
    return;
  source = storyline_form_get_source (self->cite_dropdown, get_story (self), FALSE);
  if (source != NULL)
    {
      storyline_edit_history_end_step (self->history);
      cite_source (self, source);
    }
}

static void
new_source_changed (StorylineEventEditor *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_source_button),
                            !storyline_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->new_source_entry))));
}

/* A source made from its title and cited by the event, in two steps to
 * undo; the rest of it is filled in its form in the sources pane. */
static void
add_source (StorylineEventEditor *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_source_entry))));
  StorylineSource *source;

  if (*title == '\0' || self->history == NULL || self->event == NULL)
    return;
  storyline_edit_history_end_step (self->history);
  source = storyline_edit_history_add_source (self->history, "webpage", title);
  cite_source (self, source);
  gtk_editable_set_text (GTK_EDITABLE (self->new_source_entry), "");
}

/* The story's actors and phases, each in its expander: made when it is
 * first opened, made again for a new story. */
/* The items Open Anyway left out, when there are: counted in the
 * expander's label, mended in the form it opens. */
static void
left_out_changed (StorylineEventEditor *self)
{
  StorylineStory *story = get_story (self);
  guint n = story ? storyline_story_get_n_left_out (story) : 0;
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Item Left Out When Opened",
                                                         "%u Items Left Out When Opened", n), n);

  gtk_expander_set_label (self->left_out_expander, label);
  gtk_widget_set_visible (GTK_WIDGET (self->left_out_expander), n > 0);
}

static void
left_out_expanded (StorylineEventEditor *self)
{
  if (gtk_expander_get_expanded (self->left_out_expander) && gtk_expander_get_child (self->left_out_expander) == NULL &&
      self->history != NULL)
    gtk_expander_set_child (self->left_out_expander, storyline_left_out_editor_new (self->history));
}

static void
cast_expanded (StorylineEventEditor *self,
               GParamSpec           *pspec,
               GtkExpander          *expander)
{
  if (!gtk_expander_get_expanded (expander) || gtk_expander_get_child (expander) != NULL || self->history == NULL)
    return;
  gtk_expander_set_child (expander, expander == self->actors_expander ? storyline_actors_editor_new (self->history)
                                                                      : storyline_phases_editor_new (self->history));
  gtk_widget_set_margin_top (gtk_expander_get_child (expander), 6);
  gtk_widget_set_margin_bottom (gtk_expander_get_child (expander), 6);
}

/* A field of an actor changed: its name where the event's actors are
 * chosen. */
static void
actor_changed (StorylineEventEditor *self,
               StorylineActor       *actor)
{
  guint index = storyline_story_get_actor_index (get_story (self), actor);
  GtkWidget *check;

  if (index == G_MAXUINT || index >= self->actor_checks->len)
    return;
  check = self->actor_checks->pdata[index];
  gtk_label_set_text (GTK_LABEL (gtk_check_button_get_child (GTK_CHECK_BUTTON (check))), storyline_actor_get_name (actor));
  gtk_widget_set_tooltip_text (check, storyline_actor_get_name (actor));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, storyline_actor_get_name (actor), -1);
}

/* Phases added, deleted or renamed: the choices again. */
static void
phases_changed (StorylineEventEditor *self)
{
  fill_choices (self);
  fill_event (self);
}

static void
story_changed (StorylineEventEditor *self)
{
  if (!self->applying)
    fill_story (self);
}

static void
field_left (GtkEventControllerFocus *controller,
            StorylineEventEditor    *self)
{
  if (self->history != NULL)
    storyline_edit_history_end_step (self->history);
}

static void
add_focus_leave (StorylineEventEditor *self,
                 GtkWidget            *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (field_left), self);
  gtk_widget_add_controller (widget, focus);
}

static void
disconnect_story (StorylineEventEditor *self)
{
  StorylineStory *story = get_story (self);

  if (story != NULL)
    g_signal_handlers_disconnect_by_data (story, self);
}

static void
storyline_event_editor_dispose (GObject *object)
{
  StorylineEventEditor *self = STORYLINE_EVENT_EDITOR (object);

  disconnect_story (self);
  g_clear_object (&self->history);
  g_clear_object (&self->event);
  g_clear_pointer (&self->actor_checks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORYLINE_TYPE_EVENT_EDITOR);

  G_OBJECT_CLASS (storyline_event_editor_parent_class)->dispose (object);
}

static void
storyline_event_editor_class_init (StorylineEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = storyline_event_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/storyline-event-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, story_expander);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, empty_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, event_box);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, story_title_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, story_subtitle_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, story_publisher_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, story_url_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, place_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, type_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, tags_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, story_title_feedback);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, story_subtitle_feedback);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, story_publisher_feedback);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, story_url_feedback);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, story_summary_view);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, title_feedback);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, date_feedback);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, place_feedback);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, type_feedback);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, tags_feedback);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, summary_view);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, actors_box);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, actors_heading);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, phase_heading);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, phase_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, new_actor_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, new_actor_button);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, notes_box);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, new_note_kind);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, new_note_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, new_note_button);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, related_box);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, new_relation_kind);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, related_find_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, related_matches_box);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, left_out_expander);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, actors_expander);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, phases_expander);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, cited_box);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, cite_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, cite_button);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, new_source_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, new_source_button);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, quotes_box);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, new_quote_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventEditor, new_quote_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
storyline_event_editor_init (StorylineEventEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  storyline_form_catch_undo (GTK_WIDGET (self));
  storyline_form_ellipsize_dropdown (self->phase_dropdown, 12);

  self->actor_checks = g_ptr_array_new ();
  self->fields[0] = (Field) { self->story_title_entry, self->story_title_feedback, TRUE, STORYLINE_STORY_FIELD_TITLE };
  self->fields[1] = (Field) { self->story_subtitle_entry, self->story_subtitle_feedback, TRUE, STORYLINE_STORY_FIELD_SUBTITLE };
  self->fields[2] = (Field) { self->title_entry, self->title_feedback, FALSE, STORYLINE_EVENT_FIELD_TITLE };
  self->fields[3] = (Field) { self->date_entry, self->date_feedback, FALSE, STORYLINE_EVENT_FIELD_DATE };
  self->fields[4] = (Field) { self->place_entry, self->place_feedback, FALSE, STORYLINE_EVENT_FIELD_PLACE };
  self->fields[5] = (Field) { self->type_entry, self->type_feedback, FALSE, STORYLINE_EVENT_FIELD_TYPE };
  self->fields[6] = (Field) { self->tags_entry, self->tags_feedback, FALSE, STORYLINE_EVENT_FIELD_TAGS };
  self->fields[7] = (Field) { self->story_publisher_entry, self->story_publisher_feedback, TRUE, STORYLINE_STORY_FIELD_PUBLISHER };
  self->fields[8] = (Field) { self->story_url_entry, self->story_url_feedback, TRUE, STORYLINE_STORY_FIELD_URL };
  for (guint i = 0; i < N_ENTRIES; i++)
    {
      g_signal_connect_swapped (self->fields[i].entry, "changed", G_CALLBACK (entry_changed), self);
      add_focus_leave (self, GTK_WIDGET (self->fields[i].entry));
      /* The words under a field describe it. */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->fields[i].entry),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->fields[i].feedback, NULL, -1);
    }
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->summary_view), FALSE);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->summary_view), "changed", G_CALLBACK (summary_changed), self);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->story_summary_view), FALSE);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->story_summary_view), "changed", G_CALLBACK (story_summary_changed), self);
  add_focus_leave (self, GTK_WIDGET (self->story_summary_view));
  g_signal_connect_swapped (self->new_quote_entry, "changed", G_CALLBACK (new_quote_changed), self);
  g_signal_connect_swapped (self->new_quote_entry, "activate", G_CALLBACK (add_quote), self);
  g_signal_connect_swapped (self->new_quote_button, "clicked", G_CALLBACK (add_quote), self);
  g_signal_connect_swapped (self->cite_button, "clicked", G_CALLBACK (cite_clicked), self);
  g_signal_connect_swapped (self->actors_expander, "notify::expanded", G_CALLBACK (cast_expanded), self);
  g_signal_connect_swapped (self->left_out_expander, "notify::expanded", G_CALLBACK (left_out_expanded), self);
  g_signal_connect_swapped (self->phases_expander, "notify::expanded", G_CALLBACK (cast_expanded), self);
  g_signal_connect_swapped (self->new_source_entry, "changed", G_CALLBACK (new_source_changed), self);
  g_signal_connect_swapped (self->new_source_entry, "activate", G_CALLBACK (add_source), self);
  g_signal_connect_swapped (self->new_source_button, "clicked", G_CALLBACK (add_source), self);
  storyline_form_ellipsize_dropdown (self->cite_dropdown, 12);
  {
    g_autoptr(GListModel) kinds = G_LIST_MODEL (gtk_string_list_new ((const char * const []) {
      C_("note kind", "Correction"), C_("note kind", "Context"), C_("note kind", "Uncertainty"), NULL }));
    g_autoptr(GListModel) relation_names = G_LIST_MODEL (gtk_string_list_new ((const char * const []) {
      C_("relation", "Follows"), C_("relation", "Causes"), C_("relation", "Responds to"), C_("relation", "Part of"), NULL }));

    gtk_drop_down_set_model (self->new_note_kind, kinds);
    gtk_drop_down_set_selected (self->new_note_kind, 1);
    gtk_drop_down_set_model (self->new_relation_kind, relation_names);
  }
  g_signal_connect_swapped (self->new_note_entry, "changed", G_CALLBACK (new_note_changed), self);
  g_signal_connect_swapped (self->new_note_entry, "activate", G_CALLBACK (add_note), self);
  g_signal_connect_swapped (self->new_note_button, "clicked", G_CALLBACK (add_note), self);
  g_signal_connect_swapped (self->related_find_entry, "search-changed", G_CALLBACK (related_find_changed), self);
  add_focus_leave (self, GTK_WIDGET (self->summary_view));
  g_signal_connect_swapped (self->phase_dropdown, "notify::selected", G_CALLBACK (phase_selected), self);
  g_signal_connect_swapped (self->new_actor_entry, "changed", G_CALLBACK (new_actor_changed), self);
  g_signal_connect_swapped (self->new_actor_entry, "activate", G_CALLBACK (add_actor), self);
  g_signal_connect_swapped (self->new_actor_button, "clicked", G_CALLBACK (add_actor), self);
  fill_event (self);
}

/**
 * storyline_event_editor_set_history:
 * @history: (nullable): the history of the story to edit
 */
void
storyline_event_editor_set_history (StorylineEventEditor *self,
                                    StorylineEditHistory *history)
{
  StorylineStory *story;

  g_return_if_fail (STORYLINE_IS_EVENT_EDITOR (self));

  if (self->history == history)
    return;
  disconnect_story (self);
  g_set_object (&self->history, history);
  g_clear_object (&self->event);
  story = get_story (self);
  if (story != NULL)
    {
      g_signal_connect_swapped (story, "event-changed", G_CALLBACK (event_changed), self);
      g_signal_connect_swapped (story, "changed", G_CALLBACK (story_changed), self);
      g_signal_connect_swapped (story, "actors-changed", G_CALLBACK (actors_changed), self);
      g_signal_connect_swapped (story, "quote-changed", G_CALLBACK (quote_changed), self);
      g_signal_connect_swapped (story, "source-changed", G_CALLBACK (source_changed), self);
      g_signal_connect_swapped (story, "actor-changed", G_CALLBACK (actor_changed), self);
      g_signal_connect_swapped (story, "phases-changed", G_CALLBACK (phases_changed), self);
    }
  /* A new story: its own lists of actors and phases. */
  gtk_expander_set_child (self->left_out_expander, NULL);
  left_out_changed (self);
  left_out_expanded (self);
  if (story != NULL)
    g_signal_connect_swapped (story, "left-out-changed", G_CALLBACK (left_out_changed), self);
  gtk_expander_set_child (self->actors_expander, NULL);
  gtk_expander_set_child (self->phases_expander, NULL);
  cast_expanded (self, NULL, self->actors_expander);
  cast_expanded (self, NULL, self->phases_expander);
  gtk_drop_down_set_model (self->cite_dropdown, NULL);
  fill_cite_choices (self, NULL);
  fill_story (self);
  fill_choices (self);
  fill_event (self);
}

/**
 * storyline_event_editor_set_event:
 * @event: (nullable): the event to edit
 */
void
storyline_event_editor_set_event (StorylineEventEditor *self,
                                  StorylineEvent       *event)
{
  g_return_if_fail (STORYLINE_IS_EVENT_EDITOR (self));

  if (self->event == event)
    return;
  if (self->history != NULL)
    storyline_edit_history_end_step (self->history);
  g_set_object (&self->event, event);
  fill_event (self);
}

/**
 * storyline_event_editor_get_event:
 *
 * Returns: (transfer none) (nullable): the event being edited
 */
StorylineEvent *
storyline_event_editor_get_event (StorylineEventEditor *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_EDITOR (self), NULL);
  return self->event;
}

/**
 * storyline_event_editor_focus_title:
 *
 * Puts the focus in the event's title, all of it selected: for an event
 * just added.
 */
void
storyline_event_editor_focus_title (StorylineEventEditor *self)
{
  g_return_if_fail (STORYLINE_IS_EVENT_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->title_entry), 0, -1);
}

/**
 * storyline_event_editor_has_problems:
 *
 * Returns: whether a field holds a value that is not in the story, as it
 *   breaks a rule
 */
gboolean
storyline_event_editor_has_problems (StorylineEventEditor *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_EDITOR (self), FALSE);

  for (guint i = 0; i < N_ENTRIES; i++)
    if (self->fields[i].wrong)
      return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->quotes_box)); child;
       child = gtk_widget_get_next_sibling (child))
    if (storyline_quote_editor_has_problems (STORYLINE_QUOTE_EDITOR (child)))
      return TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->notes_box)); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *scroller = gtk_widget_get_next_sibling (gtk_widget_get_first_child (row));
      GtkWidget *view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));

      if (g_object_get_data (G_OBJECT (view), "wrong"))
        return TRUE;
    }
  if (gtk_expander_get_child (self->actors_expander) != NULL &&
      storyline_actors_editor_has_problems (STORYLINE_ACTORS_EDITOR (gtk_expander_get_child (self->actors_expander))))
    return TRUE;
  if (gtk_expander_get_child (self->phases_expander) != NULL &&
      storyline_phases_editor_has_problems (STORYLINE_PHASES_EDITOR (gtk_expander_get_child (self->phases_expander))))
    return TRUE;
  return FALSE;
}

/**
 * storyline_event_editor_focus_story_title:
 *
 * Opens the story's fields and puts the focus in its title: for a new
 * story.
 */
void
storyline_event_editor_focus_story_title (StorylineEventEditor *self)
{
  g_return_if_fail (STORYLINE_IS_EVENT_EDITOR (self));

  gtk_expander_set_expanded (self->story_expander, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->story_title_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->story_title_entry), 0, -1);
}
