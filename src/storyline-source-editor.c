/* storyline-source-editor.c: the form of one source, as a CSL-JSON item
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "storyline-citation.h"
#include "storyline-form.h"
#include "storyline-source-editor.h"
#include "storyline-story-text.h"

/* A source in Edit mode: the members of its CSL-JSON item a news story's
 * sources have (kind, title, where it was published, authors, date, URL,
 * publisher, genre), the rarer ones it has or is given (volume, pages,
 * DOI, editors, date accessed…, one row each) and the two of Storyline's
 * own (what it derives from, how reliable it is), with the citation as it will read in the window's
 * style above them, following every keystroke. Each change is the item
 * with one member changed, checked by the loader's own code: a wrong
 * value is said under its field and stays out of the story. Members the
 * form does not show are kept as they are. */

struct _StorylineSourceEditor
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkLabel *preview_label;
  GtkLabel *item_feedback;
  GtkDropDown *type_dropdown;
  GtkEntry *title_entry;
  GtkLabel *title_feedback;
  GtkEntry *container_entry;
  GtkTextView *authors_view;
  GtkEntry *issued_entry;
  GtkLabel *issued_feedback;
  GtkEntry *url_entry;
  GtkLabel *url_feedback;
  GtkEntry *publisher_entry;
  GtkEntry *genre_entry;
  GtkDropDown *derived_dropdown;
  GtkLabel *derived_label;
  GtkDropDown *reliability_dropdown;
  GtkButton *delete_button;
  GtkBox *more_box;
  GtkDropDown *add_field_dropdown;

  /* Owned references */
  StorylineEditHistory *history;
  StorylineSource *source;

  GPtrArray *types;             /* the kinds offered, CSL type names */
  GPtrArray *derived_choices;   /* the sources offered, after "None" */
  GPtrArray *field_choices;     /* the CSL keys offered to add, after the prompt */
  int style;
  GHashTable *wrong;            /* the keys of those fields */
  gboolean updating;
  gboolean applying;
};

G_DEFINE_FINAL_TYPE (StorylineSourceEditor, storyline_source_editor, GTK_TYPE_WIDGET)

static const char * const reliability_words[] = { NULL, "primary", "secondary", "rewrite" };

static StorylineStory *
get_story (StorylineSourceEditor *self)
{
  return storyline_edit_history_get_story (self->history);
}

static void
update_preview (StorylineSourceEditor *self)
{
  storyline_label_set_citation (self->preview_label, NULL, self->source, self->style);
}

/* The item with @key set to @value (%NULL: left out) made the source's,
 * what is wrong said at @field (in @feedback, or above the form). */
static gboolean
apply (StorylineSourceEditor *self,
       const char            *key,
       JsonNode              *value,
       GtkWidget             *field,
       GtkLabel              *feedback,
       const char            *note)
{
  g_autoptr(JsonObject) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  gboolean ok;

  if (self->updating)
    return TRUE;
  item = storyline_source_item_with (self->source, key, value);
  /* Allowed, and said at the field: a URL that is not a link, say. */
  warning = storyline_story_dup_source_item_warning (get_story (self), self->source, item);
  if (warning != NULL && note == NULL)
    note = warning;
  self->applying = TRUE;
  ok = storyline_edit_history_set_source_item (self->history, self->source, key, item, &error);
  self->applying = FALSE;
  if (ok)
    g_hash_table_remove (self->wrong, key);
  else
    g_hash_table_add (self->wrong, g_strdup (key));
  storyline_form_show_feedback (field, feedback ? feedback : self->item_feedback, error ? error->message : NULL, note);
  update_preview (self);
  return ok;
}

static JsonNode *
string_node (const char *text)
{
  if (storyline_is_blank (text))
    return NULL;
  return json_node_init_string (json_node_alloc (), text);
}

static void
text_entry_changed (StorylineSourceEditor *self,
                    GtkEditable           *entry)
{
  const char *key = g_object_get_data (G_OBJECT (entry), "csl-key");
  GtkLabel *feedback = g_object_get_data (G_OBJECT (entry), "feedback");
  g_autoptr(JsonNode) value = string_node (gtk_editable_get_text (entry));

  apply (self, key, value, GTK_WIDGET (entry), feedback, NULL);
}

/* A date of the format as CSL-JSON has it: date-parts when it is a year,
 * a month or a day, its EDTF text (which the format also reads) when it
 * says more. */
static JsonNode *
date_node (const char *text)
{
  StorylineDate date;
  g_autoptr(GRegex) simple = NULL;
  g_auto(GStrv) parts = NULL;
  JsonArray *inner, *outer;
  JsonObject *object;

  if (storyline_is_blank (text))
    return NULL;
  if (!storyline_date_parse (text, &date, NULL) || !g_regex_match_simple ("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", text, 0, 0))
    return json_node_init_string (json_node_alloc (), text);
  parts = g_strsplit (text, "-", 3);
  inner = json_array_new ();
  for (guint i = 0; parts[i] != NULL; i++)
    json_array_add_int_element (inner, g_ascii_strtoll (parts[i], NULL, 10));
  outer = json_array_new ();
  json_array_add_array_element (outer, inner);
  object = json_object_new ();
  json_object_set_array_member (object, "date-parts", outer);
  return json_node_init_object (json_node_alloc (), object);
}

static void
issued_changed (StorylineSourceEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->issued_entry));
  g_autoptr(JsonNode) value = date_node (text);
  g_autofree char *note = storyline_form_describe_date (text);

  apply (self, "issued", value, GTK_WIDGET (self->issued_entry), self->issued_feedback, note);
}

/* One name a line: "Family, Given" for a person, anything else as it is
 * written, for an organization. %NULL for no name. */
static JsonNode *
names_node (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  JsonArray *names = json_array_new ();
  JsonNode *value = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      JsonObject *name;
      char *comma;

      if (*line == '\0')
        continue;
      name = json_object_new ();
      if ((comma = strchr (line, ',')) != NULL && comma != line)
        {
          *comma = '\0';
          json_object_set_string_member (name, "family", g_strstrip (line));
          if (*g_strstrip (comma + 1) != '\0')
            json_object_set_string_member (name, "given", g_strstrip (comma + 1));
        }
      else
        json_object_set_string_member (name, "literal", line);
      json_array_add_object_element (names, name);
    }
  if (json_array_get_length (names) > 0)
    value = json_node_init_array (json_node_alloc (), names);
  json_array_unref (names);
  return value;
}

/* The names of a CSL name variable, one a line as names_node() reads
 * them; particles and suffixes kept where a line can hold them. */
static char *
names_text (JsonNode *node)
{
  GString *text = g_string_new (NULL);
  JsonArray *names;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return g_string_free (text, FALSE);
  names = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      JsonNode *element = json_array_get_element (names, i);
      JsonObject *name;
      const char *family, *given, *literal;
      g_autofree char *full_family = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      name = json_node_get_object (element);
      family = json_object_get_string_member_with_default (name, "family", NULL);
      given = json_object_get_string_member_with_default (name, "given", NULL);
      literal = json_object_get_string_member_with_default (name, "literal", NULL);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (literal != NULL || family == NULL)
        {
          g_string_append (text, literal ? literal : (given ? given : ""));
          continue;
        }
      full_family = g_strjoin (" ", json_object_get_string_member_with_default (name, "non-dropping-particle", ""), family, NULL);
      g_string_append (text, g_strstrip (full_family));
      if (given != NULL)
        g_string_append_printf (text, ", %s", given);
    }
  return g_string_free (text, FALSE);
}

static void
authors_changed (StorylineSourceEditor *self)
{
  g_autofree char *text = storyline_form_dup_text (self->authors_view);
  g_autoptr(JsonNode) value = names_node (text);

  apply (self, "author", value, GTK_WIDGET (self->authors_view), NULL, NULL);
}

static void
type_selected (StorylineSourceEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->type_dropdown);
  g_autoptr(JsonNode) value = NULL;

  if (selected >= self->types->len)
    return;
  value = string_node (self->types->pdata[selected]);
  apply (self, "type", value, GTK_WIDGET (self->type_dropdown), NULL, NULL);
  storyline_edit_history_end_step (self->history);
}

static void
derived_selected (StorylineSourceEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->derived_dropdown);
  g_autoptr(JsonNode) value = NULL;

  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0 && selected - 1 < self->derived_choices->len)
    {
      JsonArray *ids = json_array_new ();

      json_array_add_string_element (ids, storyline_source_get_id (self->derived_choices->pdata[selected - 1]));
      value = json_node_init_array (json_node_alloc (), ids);
      json_array_unref (ids);
    }
  apply (self, "custom.derived_from", value, GTK_WIDGET (self->derived_dropdown), NULL, NULL);
  storyline_edit_history_end_step (self->history);
}

static void
reliability_selected (StorylineSourceEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->reliability_dropdown);
  g_autoptr(JsonNode) value = NULL;

  if (selected >= G_N_ELEMENTS (reliability_words))
    return;
  value = string_node (reliability_words[selected]);
  apply (self, "custom.reliability", value, GTK_WIDGET (self->reliability_dropdown), NULL, NULL);
  storyline_edit_history_end_step (self->history);
}

static void
delete_clicked (StorylineSourceEditor *self)
{
  g_autoptr(GError) error = NULL;

  storyline_edit_history_end_step (self->history);
  if (!storyline_edit_history_delete_source (self->history, self->source, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
}

/* A kind of source in words; a CSL type with no words here as it is. */
static const char *
type_label (const char *type)
{
  static const struct { const char *type; const char *label; } labels[] = {
    { "article-newspaper", N_("Newspaper article") },
    { "article-magazine", N_("Magazine article") },
    { "webpage", N_("Web page") },
    { "post", N_("Post on social media") },
    { "report", N_("Report or press release") },
    { "speech", N_("Speech") },
    { "interview", N_("Interview") },
    { "broadcast", N_("Broadcast") },
    { "document", N_("Document") },
    { "article-journal", N_("Journal article") },
    { "book", N_("Book") },
    { "chapter", N_("Book chapter") },
    { "legislation", N_("Law") },
    { "treaty", N_("Treaty") },
    { "dataset", N_("Dataset") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].type, type))
      return _(labels[i].label);
  return type;
}

/* The kinds: the common ones, and the source's own when it is another. */
static void
fill_types (StorylineSourceEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *type = storyline_source_get_source_type (self->source);
  const char * const *common = storyline_source_common_types ();
  guint selected = GTK_INVALID_LIST_POSITION;

  g_ptr_array_set_size (self->types, 0);
  for (guint i = 0; common[i] != NULL; i++)
    g_ptr_array_add (self->types, (gpointer) common[i]);
  if (type != NULL && !g_strv_contains (common, type))
    g_ptr_array_add (self->types, (gpointer) g_intern_string (type));
  for (guint i = 0; i < self->types->len; i++)
    {
      gtk_string_list_append (names, type_label (self->types->pdata[i]));
      if (g_strcmp0 (type, self->types->pdata[i]) == 0)
        selected = i;
    }
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->type_dropdown, selected);
}

/* What it derives from: one source chosen here; more than one is shown
 * and left as it is (edited in the file). */
static void
fill_derived (StorylineSourceEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *sources = storyline_story_get_sources (get_story (self));
  guint n = storyline_source_get_n_derived_from (self->source);
  StorylineSource *current = n == 1 ? storyline_source_get_derived_from (self->source, 0) : NULL;
  guint selected = 0;

  g_ptr_array_set_size (self->derived_choices, 0);
  /* Translators: a source derived from no other */
  gtk_string_list_append (names, _("None: it is first-hand"));
  for (guint i = 0; i < sources->len; i++)
    if (sources->pdata[i] != self->source)
      {
        g_ptr_array_add (self->derived_choices, sources->pdata[i]);
        gtk_string_list_append (names, storyline_source_get_short_name (sources->pdata[i]));
        if (sources->pdata[i] == current)
          selected = self->derived_choices->len;
      }
  gtk_drop_down_set_model (self->derived_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->derived_dropdown, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->derived_dropdown), n <= 1);
  gtk_widget_set_visible (GTK_WIDGET (self->derived_label), n > 1);
  if (n > 1)
    {
      g_autofree char *chain = storyline_source_dup_provenance (self->source);
      /* Translators: %s lists the sources a source derives from */
      g_autofree char *text = g_strdup_printf (_("%s (several: change them in the file)"), chain ? chain : "");
      storyline_label_set_story_text (self->derived_label, text);
    }
}

/* More fields: the rarer members of CSL-JSON */

typedef enum { FIELD_TEXT, FIELD_DATE, FIELD_NAMES } FieldKind;

/* Those offered to add, in words. Any other member the item has that is
 * text, a number, a date or names is shown by its CSL name. */
static const struct { const char *key; FieldKind kind; const char *label; } more_fields[] = {
  { "volume", FIELD_TEXT, N_("Volume") },
  { "issue", FIELD_TEXT, N_("Issue") },
  { "page", FIELD_TEXT, N_("Pages") },
  { "number", FIELD_TEXT, N_("Number") },
  { "edition", FIELD_TEXT, N_("Edition") },
  { "section", FIELD_TEXT, N_("Section") },
  { "collection-title", FIELD_TEXT, N_("Series") },
  { "collection-number", FIELD_TEXT, N_("Number in the series") },
  { "publisher-place", FIELD_TEXT, N_("Place of publication") },
  { "event-place", FIELD_TEXT, N_("Place of the event") },
  { "medium", FIELD_TEXT, N_("Medium") },
  { "language", FIELD_TEXT, N_("Language") },
  { "DOI", FIELD_TEXT, N_("DOI") },
  { "ISBN", FIELD_TEXT, N_("ISBN") },
  { "ISSN", FIELD_TEXT, N_("ISSN") },
  { "archive", FIELD_TEXT, N_("Archive") },
  { "archive_location", FIELD_TEXT, N_("Place in the archive") },
  { "title-short", FIELD_TEXT, N_("Short title") },
  { "original-title", FIELD_TEXT, N_("Original title") },
  { "note", FIELD_TEXT, N_("Note") },
  { "accessed", FIELD_DATE, N_("Accessed") },
  { "original-date", FIELD_DATE, N_("First published") },
  { "event-date", FIELD_DATE, N_("Date of the event") },
  { "editor", FIELD_NAMES, N_("Editors") },
  { "translator", FIELD_NAMES, N_("Translators") },
  { "container-author", FIELD_NAMES, N_("Authors of the whole work") },
  { "interviewer", FIELD_NAMES, N_("Interviewers") },
  { "recipient", FIELD_NAMES, N_("Recipients") },
  { "director", FIELD_NAMES, N_("Directors") },
  { "producer", FIELD_NAMES, N_("Producers") },
  { "contributor", FIELD_NAMES, N_("Contributors") },
};

/* Shown in their own fields above, or Storyline's own. */
static const char * const own_keys[] = { "id", "type", "title", "container-title", "author", "issued", "URL",
                                         "publisher", "genre", "custom", NULL };

static int
more_field_index (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (more_fields); i++)
    if (g_str_equal (more_fields[i].key, key))
      return i;
  return -1;
}

/* A date member as the form writes it: EDTF (date_node() reads it back). */
static char *
date_text (JsonNode *node)
{
  JsonObject *object;
  JsonArray *parts;
  GString *text;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  if (!json_object_has_member (object, "date-parts") || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "date-parts")))
    {
      const char *literal = json_object_get_string_member_with_default (object, "raw",
                              json_object_get_string_member_with_default (object, "literal", NULL));
      return g_strdup (literal);
    }
  parts = json_object_get_array_member (object, "date-parts");
  text = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (parts) && i < 2; i++)
    {
      JsonNode *inner = json_array_get_element (parts, i);

      if (!JSON_NODE_HOLDS_ARRAY (inner))
        continue;
      if (i > 0)
        g_string_append_c (text, '/');
      for (guint k = 0; k < json_array_get_length (json_node_get_array (inner)) && k < 3; k++)
        {
          JsonNode *part = json_array_get_element (json_node_get_array (inner), k);
          gint64 n = JSON_NODE_HOLDS_VALUE (part) && json_node_get_value_type (part) == G_TYPE_STRING
                     ? g_ascii_strtoll (json_node_get_string (part), NULL, 10) : json_node_get_int (part);

          g_string_append_printf (text, k == 0 ? "%04" G_GINT64_FORMAT : "-%02" G_GINT64_FORMAT, n);
        }
    }
  return g_string_free (text, FALSE);
}

/* How a member is edited, from its value; -1: not here (kept as it is). */
static int
field_kind_of (const char *key,
               JsonNode   *node)
{
  int known = more_field_index (key);

  if (known >= 0)
    return more_fields[known].kind;
  if (JSON_NODE_HOLDS_VALUE (node) &&
      (json_node_get_value_type (node) == G_TYPE_STRING || json_node_get_value_type (node) == G_TYPE_INT64))
    return FIELD_TEXT;
  if (JSON_NODE_HOLDS_OBJECT (node) && json_object_has_member (json_node_get_object (node), "date-parts"))
    return FIELD_DATE;
  if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0 &&
      JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (node), 0)))
    return FIELD_NAMES;
  return -1;
}

static void
more_entry_changed (StorylineSourceEditor *self,
                    GtkEditable           *entry)
{
  const char *key = g_object_get_data (G_OBJECT (entry), "csl-key");
  FieldKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "field-kind"));
  GtkLabel *feedback = g_object_get_data (G_OBJECT (entry), "feedback");
  const char *text = gtk_editable_get_text (entry);
  g_autoptr(JsonNode) value = kind == FIELD_DATE ? date_node (text) : string_node (text);
  g_autofree char *note = kind == FIELD_DATE ? storyline_form_describe_date (text) : NULL;

  apply (self, key, value, GTK_WIDGET (entry), feedback, note);
}

static void
more_names_changed (StorylineSourceEditor *self,
                    GtkTextBuffer         *buffer)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (buffer), "view");
  const char *key = g_object_get_data (G_OBJECT (view), "csl-key");
  g_autofree char *text = storyline_form_dup_text (view);
  g_autoptr(JsonNode) value = names_node (text);

  apply (self, key, value, GTK_WIDGET (view), NULL, NULL);
}

static void
more_remove_clicked (StorylineSourceEditor *self,
                     GtkButton             *button)
{
  const char *key = g_object_get_data (G_OBJECT (button), "csl-key");
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");
  GtkWidget *next = gtk_widget_get_next_sibling (row);

  storyline_edit_history_end_step (self->history);
  apply (self, key, NULL, GTK_WIDGET (button), NULL, NULL);
  storyline_edit_history_end_step (self->history);
  /* The focus to what was after it. */
  if (next != NULL)
    gtk_widget_child_focus (next, GTK_DIR_TAB_FORWARD);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_field_dropdown));
  gtk_box_remove (self->more_box, row);
}

/* A row of the more fields: its name, its value, a button to take it out. */
static GtkWidget *
add_more_row (StorylineSourceEditor *self,
              const char            *key,
              FieldKind              kind,
              JsonNode              *node)
{
  int known = more_field_index (key);
  const char *label_text = known >= 0 ? _(more_fields[known].label) : key;
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (label_text);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GtkWidget *field, *focusable, *feedback = NULL;
  g_autofree char *remove_name = g_strdup_printf (_("Remove %s"), label_text);
  char *csl_key = g_strdup (key);

  g_object_set_data_full (G_OBJECT (row), "csl-key", csl_key, g_free);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (row), label);

  if (kind == FIELD_NAMES)
    {
      g_autofree char *text = names_text (node);
      GtkWidget *view;

      field = storyline_form_text_view_new (&view, text, 40, 160);
      focusable = view;
      g_object_set_data (G_OBJECT (view), "csl-key", csl_key);
      g_object_set_data (G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view))), "view", view);
      g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed", G_CALLBACK (more_names_changed), self);
      gtk_widget_set_tooltip_text (view, _("One a line: “Family, Given” for a person, an organization’s name as it is"));
    }
  else
    {
      g_autofree char *text = NULL;

      feedback = storyline_form_feedback_label_new ();
      if (node == NULL)
        text = NULL;
      else if (kind == FIELD_DATE)
        text = date_text (node);
      else if (json_node_get_value_type (node) == G_TYPE_INT64)
        text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      else
        text = g_strdup (json_node_get_string (node));
      field = gtk_entry_new ();
      focusable = field;
      gtk_editable_set_enable_undo (GTK_EDITABLE (field), FALSE);
      storyline_form_set_entry (GTK_EDITABLE (field), text);
      if (kind == FIELD_DATE)
        {
          g_autofree char *note = storyline_form_describe_date (text);

          gtk_entry_set_placeholder_text (GTK_ENTRY (field), _("Such as 2025-04-17"));
          storyline_form_show_feedback (field, GTK_LABEL (feedback), NULL, note);
        }
      g_object_set_data (G_OBJECT (field), "csl-key", csl_key);
      g_object_set_data (G_OBJECT (field), "field-kind", GINT_TO_POINTER (kind));
      g_object_set_data (G_OBJECT (field), "feedback", feedback);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, feedback, NULL, -1);
      g_signal_connect_swapped (field, "changed", G_CALLBACK (more_entry_changed), self);
    }
  gtk_widget_set_hexpand (field, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (focusable), GTK_ACCESSIBLE_PROPERTY_LABEL, label_text, -1);
  storyline_form_ends_step (focusable, self->history);
  gtk_box_append (GTK_BOX (line), field);

  gtk_widget_set_valign (remove, GTK_ALIGN_START);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  g_object_set_data (G_OBJECT (remove), "csl-key", csl_key);
  g_object_set_data (G_OBJECT (remove), "row", row);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (more_remove_clicked), self);
  gtk_box_append (GTK_BOX (line), remove);
  gtk_box_append (GTK_BOX (row), line);
  if (feedback != NULL)
    gtk_box_append (GTK_BOX (row), feedback);

  gtk_box_append (self->more_box, row);
  return focusable;
}

/* The rows again from the item; the fields offered to add, those it has
 * not. */
static void
fill_more (StorylineSourceEditor *self,
           JsonObject            *item)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autoptr(GList) members = json_object_get_members (item);
  GtkWidget *child;

  storyline_form_release_focus (GTK_WIDGET (self->more_box), GTK_WIDGET (self->add_field_dropdown));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->more_box))) != NULL)
    gtk_box_remove (self->more_box, child);
  members = g_list_sort (members, (GCompareFunc) g_strcmp0);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (item, l->data);
      int kind;

      if (g_strv_contains (own_keys, l->data) || (kind = field_kind_of (l->data, node)) < 0)
        continue;
      add_more_row (self, l->data, kind, node);
    }

  g_ptr_array_set_size (self->field_choices, 0);
  gtk_string_list_append (choices, _("Add a Field…"));
  for (guint i = 0; i < G_N_ELEMENTS (more_fields); i++)
    if (!json_object_has_member (item, more_fields[i].key))
      {
        g_ptr_array_add (self->field_choices, (gpointer) more_fields[i].key);
        gtk_string_list_append (choices, _(more_fields[i].label));
      }
  gtk_drop_down_set_model (self->add_field_dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (self->add_field_dropdown, 0);
}

static gboolean
show_prompt (gpointer data)
{
  StorylineSourceEditor *self = data;

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->add_field_dropdown, 0);
  self->updating = FALSE;
  return G_SOURCE_REMOVE;
}

/* A field added: an empty row, in the item once something is typed. */
static void
add_field_selected (StorylineSourceEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->add_field_dropdown);
  GtkWidget *focusable;
  int known;

  if (self->updating || selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected - 1 >= self->field_choices->len)
    return;
  known = more_field_index (self->field_choices->pdata[selected - 1]);
  focusable = add_more_row (self, more_fields[known].key, more_fields[known].kind, NULL);
  gtk_widget_grab_focus (focusable);
  /* The prompt again, once the dropdown is done with this change. */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, show_prompt, g_object_ref (self), g_object_unref);
}

static void
fill (StorylineSourceEditor *self)
{
  StorylineSource *source = self->source;
  g_autoptr(JsonObject) item = storyline_source_copy_item (source);
  g_autofree char *authors = names_text (json_object_get_member (item, "author"));
  g_autofree char *issued = NULL;
  g_autofree char *note = NULL;

  if (storyline_date_is_set (storyline_source_get_issued (source)))
    issued = storyline_date_to_edtf (storyline_source_get_issued (source));
  else
    issued = g_strdup (storyline_source_get_issued_literal (source));
  note = storyline_form_describe_date (issued);

  self->updating = TRUE;
  fill_types (self);
  fill_derived (self);
  storyline_form_set_entry (GTK_EDITABLE (self->title_entry), storyline_source_get_title (source));
  storyline_form_set_entry (GTK_EDITABLE (self->container_entry), storyline_source_get_container_title (source));
  storyline_form_set_text (self->authors_view, authors);
  storyline_form_set_entry (GTK_EDITABLE (self->issued_entry), issued);
  storyline_form_set_entry (GTK_EDITABLE (self->url_entry), storyline_source_get_url (source));
  storyline_form_set_entry (GTK_EDITABLE (self->publisher_entry), storyline_source_get_publisher (source));
  storyline_form_set_entry (GTK_EDITABLE (self->genre_entry), storyline_source_get_genre (source));
  gtk_drop_down_set_selected (self->reliability_dropdown, storyline_source_get_reliability (source));
  fill_more (self, item);
  self->updating = FALSE;

  g_hash_table_remove_all (self->wrong);
  storyline_form_show_feedback (GTK_WIDGET (self->title_entry), self->title_feedback, NULL, NULL);
  storyline_form_show_feedback (GTK_WIDGET (self->issued_entry), self->issued_feedback, NULL, note);
  storyline_form_show_feedback (GTK_WIDGET (self->url_entry), self->url_feedback, NULL, NULL);
  storyline_form_show_feedback (GTK_WIDGET (self->authors_view), self->item_feedback, NULL, NULL);
  update_preview (self);
}

static void
source_changed (StorylineSourceEditor *self,
                StorylineSource       *source)
{
  if (self->applying)
    return;
  if (source == self->source)
    fill (self);
  else
    {
      /* Another source added, deleted or renamed: the choices again. */
      self->updating = TRUE;
      fill_derived (self);
      self->updating = FALSE;
      update_preview (self);
    }
}

static void
storyline_source_editor_dispose (GObject *object)
{
  StorylineSourceEditor *self = STORYLINE_SOURCE_EDITOR (object);
  GtkWidget *child;

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (get_story (self), self);
  g_clear_object (&self->history);
  g_clear_object (&self->source);
  g_clear_pointer (&self->types, g_ptr_array_unref);
  g_clear_pointer (&self->derived_choices, g_ptr_array_unref);
  g_clear_pointer (&self->field_choices, g_ptr_array_unref);
  g_clear_pointer (&self->wrong, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORYLINE_TYPE_SOURCE_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (storyline_source_editor_parent_class)->dispose (object);
}

static void
storyline_source_editor_class_init (StorylineSourceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = storyline_source_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/storyline-source-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceEditor, preview_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceEditor, item_feedback);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceEditor, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceEditor, title_feedback);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceEditor, container_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceEditor, authors_view);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceEditor, issued_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceEditor, issued_feedback);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceEditor, url_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceEditor, url_feedback);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceEditor, publisher_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceEditor, genre_entry);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceEditor, derived_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceEditor, derived_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceEditor, reliability_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceEditor, more_box);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceEditor, add_field_dropdown);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
storyline_source_editor_init (StorylineSourceEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->types = g_ptr_array_new ();
  self->derived_choices = g_ptr_array_new ();
  self->field_choices = g_ptr_array_new ();
  self->wrong = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  storyline_form_ellipsize_dropdown (self->derived_dropdown, 12);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->authors_view), FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->title_entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->title_feedback, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->issued_entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->issued_feedback, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->url_entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->url_feedback, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->preview_label), GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->preview_label, NULL, -1);
}

static void
bind_entry (StorylineSourceEditor *self,
            GtkEntry              *entry,
            const char            *key,
            GtkLabel              *feedback)
{
  g_object_set_data (G_OBJECT (entry), "csl-key", (gpointer) key);
  g_object_set_data (G_OBJECT (entry), "feedback", feedback);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (text_entry_changed), self);
  storyline_form_ends_step (GTK_WIDGET (entry), self->history);
}

/**
 * storyline_source_editor_new:
 * @style: the #StorylineCitationStyle of the preview
 *
 * Returns: (transfer floating): the form of @source
 */
GtkWidget *
storyline_source_editor_new (StorylineEditHistory *history,
                             StorylineSource      *source,
                             int                   style)
{
  StorylineSourceEditor *self;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (history), NULL);
  g_return_val_if_fail (STORYLINE_IS_SOURCE (source), NULL);

  self = g_object_new (STORYLINE_TYPE_SOURCE_EDITOR, NULL);
  self->history = g_object_ref (history);
  self->source = g_object_ref (source);
  self->style = style;
  fill (self);

  bind_entry (self, self->title_entry, "title", self->title_feedback);
  bind_entry (self, self->container_entry, "container-title", NULL);
  bind_entry (self, self->url_entry, "URL", self->url_feedback);
  bind_entry (self, self->publisher_entry, "publisher", NULL);
  bind_entry (self, self->genre_entry, "genre", NULL);
  g_signal_connect_swapped (self->issued_entry, "changed", G_CALLBACK (issued_changed), self);
  storyline_form_ends_step (GTK_WIDGET (self->issued_entry), history);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->authors_view), "changed", G_CALLBACK (authors_changed), self);
  storyline_form_ends_step (GTK_WIDGET (self->authors_view), history);
  g_signal_connect_swapped (self->type_dropdown, "notify::selected", G_CALLBACK (type_selected), self);
  g_signal_connect_swapped (self->derived_dropdown, "notify::selected", G_CALLBACK (derived_selected), self);
  g_signal_connect_swapped (self->reliability_dropdown, "notify::selected", G_CALLBACK (reliability_selected), self);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (delete_clicked), self);
  g_signal_connect_swapped (self->add_field_dropdown, "notify::selected", G_CALLBACK (add_field_selected), self);
  g_signal_connect_swapped (storyline_edit_history_get_story (history), "source-changed", G_CALLBACK (source_changed), self);
  return GTK_WIDGET (self);
}

StorylineSource *
storyline_source_editor_get_source (StorylineSourceEditor *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE_EDITOR (self), NULL);
  return self->source;
}

/**
 * storyline_source_editor_set_style:
 *
 * The citation style of the preview: the window's.
 */
void
storyline_source_editor_set_style (StorylineSourceEditor *self,
                                   int                    style)
{
  g_return_if_fail (STORYLINE_IS_SOURCE_EDITOR (self));
  self->style = style;
  update_preview (self);
}

/**
 * storyline_source_editor_has_problems:
 *
 * Returns: whether a field holds a value that breaks a rule
 */
gboolean
storyline_source_editor_has_problems (StorylineSourceEditor *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE_EDITOR (self), FALSE);
  return g_hash_table_size (self->wrong) > 0;
}
