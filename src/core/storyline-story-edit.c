/* storyline-story-edit.c: changing a story in place, by the loader's rules
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "storyline-model-private.h"
#include "storyline-story-edit.h"
#include "storyline-url.h"

/* A story is read once and then mostly read; editing changes it in place
 * without making it any bigger for those who only read:
 *
 * - an event's text lives in the story's strings, which only grow: a new
 *   value is added there and the event points to it; the old value stays
 *   where it was, so the edit history can put it back, and a search
 *   running on a worker thread that still reads it reads whole text;
 * - an event removed from the story is only unlinked (from the story's
 *   array and index and from the lists of its actors, sources and phase);
 *   whoever removed it keeps it, to put it back where it was;
 * - the values are checked here by the rules the loader applies, so what
 *   is in the model always saves as a story that opens again. */

G_DEFINE_QUARK (storyline-edit-error-quark, storyline_edit_error)

#define is_blank storyline_is_blank

/**
 * storyline_story_new:
 * @title: its title
 * @language: (nullable): the language it is written in, a BCP 47 tag
 *
 * Returns: (transfer full): a story with nothing in it yet
 */
StorylineStory *
storyline_story_new (const char *title,
                     const char *language)
{
  StorylineStory *story;

  g_return_val_if_fail (!is_blank (title), NULL);

  story = storyline_story_new_empty ();
  story->title = g_strdup (title);
  if (language != NULL && *language != '\0')
    {
      story->language = g_strdup (language);
      storyline_strings_set_language (story->strings, language);
    }
  return story;
}

/* Whether @text is missing or only white space: a field left out. */
gboolean
storyline_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static const char *
first (const char * const *value)
{
  return value != NULL && value[0] != NULL && !is_blank (value[0]) ? value[0] : NULL;
}

static char **
strv_of (const char *text)
{
  char **strv = g_new0 (char *, 2);

  if (text != NULL && *text != '\0')
    strv[0] = g_strdup (text);
  return strv;
}

static const char * const relation_words[] = { "follows", "causes", "responds-to", "part-of", NULL };
static const char * const note_words[] = { "correction", "context", "uncertainty", NULL };

static int
word_of (const char * const *words,
         const char         *word)
{
  for (int i = 0; word != NULL && words[i] != NULL; i++)
    if (g_str_equal (words[i], word))
      return i;
  return -1;
}

/* A note as the format writes it. */
static char *
note_text (const StorylineNote *note)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = NULL;

  json_object_set_string_member (object, "kind", storyline_note_kind_to_string (note->kind));
  json_object_set_string_member (object, "text", note->text);
  if (note->sources != NULL && note->sources->len > 0)
    {
      JsonArray *sources = json_array_new ();

      for (guint i = 0; i < note->sources->len; i++)
        {
          const StorylineSourceRef *ref = &g_array_index (note->sources, StorylineSourceRef, i);

          if (ref->locator == NULL && ref->note == NULL)
            json_array_add_string_element (sources, ref->source->id);
          else
            {
              JsonObject *o = json_object_new ();

              json_object_set_string_member (o, "source", ref->source->id);
              if (ref->locator != NULL)
                json_object_set_string_member (o, "locator", ref->locator);
              if (ref->note != NULL)
                json_object_set_string_member (o, "note", ref->note);
              json_array_add_object_element (sources, o);
            }
        }
      json_object_set_array_member (object, "sources", sources);
    }
  node = json_node_init_object (json_node_alloc (), object);
  return json_to_string (node, FALSE);
}

/* A note from its JSON text: FALSE, and @error, when it breaks a rule.
 * With @story, the note is made into @note. */
static gboolean
parse_note (StorylineStory  *story,
            const char      *text,
            StorylineNote   *note,
            GError         **error)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  JsonObject *object;
  JsonArray *sources;
  const char *kind, *words;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID, _("A note is a JSON object."));
      return FALSE;
    }
  object = json_node_get_object (node);
  kind = json_object_get_string_member_with_default (object, "kind", NULL);
  words = json_object_get_string_member_with_default (object, "text", NULL);
  if (word_of (note_words, kind) < 0)
    {
      g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                   _("“%s” is not a kind of note: correction, context or uncertainty."), kind ? kind : "");
      return FALSE;
    }
  if (is_blank (words))
    {
      g_set_error_literal (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID, _("A note needs its text."));
      return FALSE;
    }
  sources = json_object_has_member (object, "sources") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "sources"))
            ? json_object_get_array_member (object, "sources") : NULL;
  if (note != NULL)
    {
      note->kind = word_of (note_words, kind);
      note->text = g_strdup (words);
    }
  for (guint i = 0; sources != NULL && i < json_array_get_length (sources); i++)
    {
      JsonNode *e = json_array_get_element (sources, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (e) ? json_node_get_object (e) : NULL;
      const char *id = o ? json_object_get_string_member_with_default (o, "source", NULL)
                         : JSON_NODE_HOLDS_VALUE (e) ? json_node_get_string (e) : NULL;
      StorylineSourceRef ref = { 0 };

      if (id == NULL || (ref.source = storyline_story_lookup_source (story, id)) == NULL)
        {
          g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                       _("There is no source with the id “%s”."), id ? id : "");
          if (note != NULL)
            storyline_note_clear (note);
          return FALSE;
        }
      if (note != NULL)
        {
          ref.locator = o ? g_strdup (json_object_get_string_member_with_default (o, "locator", NULL)) : NULL;
          ref.note = o ? g_strdup (json_object_get_string_member_with_default (o, "note", NULL)) : NULL;
          if (note->sources == NULL)
            {
              note->sources = g_array_new (FALSE, TRUE, sizeof (StorylineSourceRef));
              g_array_set_clear_func (note->sources, (GDestroyNotify) storyline_source_ref_clear);
            }
          g_array_append_val (note->sources, ref);
        }
    }
  return TRUE;
}

/**
 * storyline_event_dup_field:
 *
 * Returns: (transfer full): the value of @field in @event, as
 *   storyline_story_set_event_field() takes it
 */
char **
storyline_event_dup_field (StorylineEvent      *event,
                           StorylineEventField  field)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT (event), NULL);

  switch (field)
    {
    case STORYLINE_EVENT_FIELD_TITLE:
      return strv_of (event->title);
    case STORYLINE_EVENT_FIELD_DATE:
      {
        g_autofree char *edtf = storyline_date_is_set (&event->date) ? storyline_date_to_edtf (&event->date) : NULL;
        return strv_of (edtf);
      }
    case STORYLINE_EVENT_FIELD_PLACE:
      return strv_of (event->place);
    case STORYLINE_EVENT_FIELD_TYPE:
      return strv_of (event->type);
    case STORYLINE_EVENT_FIELD_SUMMARY:
      return strv_of (event->summary);
    case STORYLINE_EVENT_FIELD_TAGS:
      return event->tags ? g_strdupv ((char **) event->tags) : g_new0 (char *, 1);
    case STORYLINE_EVENT_FIELD_ACTORS:
      {
        char **ids = g_new0 (char *, event->n_actors + 1);

        for (guint i = 0; i < event->n_actors; i++)
          ids[i] = g_strdup (event->actors[i]->id);
        return ids;
      }
    case STORYLINE_EVENT_FIELD_PHASE:
      {
        StorylinePhase *phase = STORYLINE_EVENT_EXTRA (event, phase);
        return strv_of (phase ? phase->id : NULL);
      }
    case STORYLINE_EVENT_FIELD_SOURCES:
      {
        char **refs = g_new0 (char *, event->n_sources + 1);

        for (guint i = 0; i < event->n_sources; i++)
          {
            const StorylineSourceRef *ref = &event->sources[i];

            if (ref->note != NULL)
              refs[i] = g_strdup_printf ("%s\t%s\t%s", ref->source->id, ref->locator ? ref->locator : "", ref->note);
            else if (ref->locator != NULL)
              refs[i] = g_strdup_printf ("%s\t%s", ref->source->id, ref->locator);
            else
              refs[i] = g_strdup (ref->source->id);
          }
        return refs;
      }
    case STORYLINE_EVENT_FIELD_RELATED:
      {
        GArray *related = STORYLINE_EVENT_EXTRA (event, related);
        char **value = g_new0 (char *, (related ? related->len : 0) + 1);

        for (guint i = 0; related != NULL && i < related->len; i++)
          {
            StorylineRelation *r = &g_array_index (related, StorylineRelation, i);
            value[i] = g_strdup_printf ("%s\t%s", r->event->id, storyline_relation_kind_to_string (r->relation));
          }
        return value;
      }
    case STORYLINE_EVENT_FIELD_NOTES:
      {
        GArray *notes = STORYLINE_EVENT_EXTRA (event, notes);
        char **value = g_new0 (char *, (notes ? notes->len : 0) + 1);

        for (guint i = 0; notes != NULL && i < notes->len; i++)
          value[i] = note_text (&g_array_index (notes, StorylineNote, i));
        return value;
      }
    case STORYLINE_EVENT_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * storyline_story_check_event_field:
 * @value: (array zero-terminated=1) (nullable): the value
 *
 * Checks @value for @field by the loader's rules; the error's message is
 * a sentence to show at the field.
 */
gboolean
storyline_story_check_event_field (StorylineStory      *self,
                                   StorylineEventField  field,
                                   const char * const  *value,
                                   GError             **error)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), FALSE);

  switch (field)
    {
    case STORYLINE_EVENT_FIELD_TITLE:
      if (first (value) == NULL)
        {
          g_set_error_literal (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                               _("An event needs a title."));
          return FALSE;
        }
      return TRUE;

    case STORYLINE_EVENT_FIELD_DATE:
      {
        StorylineDate date;
        g_autoptr(GError) local_error = NULL;

        if (first (value) == NULL)
          {
            g_set_error_literal (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                                 _("An event needs a date, such as 2024-08-05, 2024-08, 1971 or 2025-10-24/2025-10-27."));
            return FALSE;
          }
        if (!storyline_date_parse (value[0], &date, &local_error))
          {
            g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                         _("Not a date: %s"), local_error->message);
            return FALSE;
          }
        return TRUE;
      }

    case STORYLINE_EVENT_FIELD_ACTORS:
      for (guint i = 0; value != NULL && value[i] != NULL; i++)
        if (storyline_story_lookup_actor (self, value[i]) == NULL)
          {
            g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                         _("There is no actor with the id “%s”."), value[i]);
            return FALSE;
          }
      return TRUE;

    case STORYLINE_EVENT_FIELD_PHASE:
      if (first (value) != NULL && storyline_story_lookup_phase (self, value[0]) == NULL)
        {
          g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                       _("There is no phase with the id “%s”."), value[0]);
          return FALSE;
        }
      return TRUE;

    case STORYLINE_EVENT_FIELD_RELATED:
      for (guint i = 0; value != NULL && value[i] != NULL; i++)
        {
          g_auto(GStrv) parts = g_strsplit (value[i], "\t", 2);

          if (parts[0] == NULL || storyline_story_lookup_event (self, parts[0]) == NULL)
            {
              g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                           _("There is no event with the id “%s”."), parts[0] ? parts[0] : "");
              return FALSE;
            }
          if (word_of (relation_words, parts[1]) < 0)
            {
              g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                           _("“%s” is not a relation: follows, causes, responds-to or part-of."), parts[1] ? parts[1] : "");
              return FALSE;
            }
        }
      return TRUE;

    case STORYLINE_EVENT_FIELD_NOTES:
      for (guint i = 0; value != NULL && value[i] != NULL; i++)
        if (!parse_note (self, value[i], NULL, error))
          return FALSE;
      return TRUE;

    case STORYLINE_EVENT_FIELD_SOURCES:
      for (guint i = 0; value != NULL && value[i] != NULL; i++)
        {
          g_auto(GStrv) parts = g_strsplit (value[i], "\t", 3);

          if (parts[0] == NULL || storyline_story_lookup_source (self, parts[0]) == NULL)
            {
              g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                           _("There is no source with the id “%s”."), parts[0] ? parts[0] : "");
              return FALSE;
            }
        }
      return TRUE;

    case STORYLINE_EVENT_FIELD_PLACE:
    case STORYLINE_EVENT_FIELD_TYPE:
    case STORYLINE_EVENT_FIELD_SUMMARY:
    case STORYLINE_EVENT_FIELD_TAGS:
      return TRUE;

    case STORYLINE_EVENT_N_FIELDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Puts @event into @array where the file has it: the lists of an actor's,
 * a source's or a phase's events are in the order of the file. */
static void
link_event (GPtrArray      **array,
            StorylineEvent  *event)
{
  guint i = 0;

  if (*array == NULL)
    *array = g_ptr_array_new ();
  if (g_ptr_array_find (*array, event, NULL))
    return;
  while (i < (*array)->len && ((StorylineEvent *) (*array)->pdata[i])->position < event->position)
    i++;
  g_ptr_array_insert (*array, i, event);
}

static void
unlink_event (GPtrArray      *array,
              StorylineEvent *event)
{
  if (array != NULL)
    g_ptr_array_remove (array, event);
}

static void
set_actors (StorylineStory     *self,
            StorylineEvent     *event,
            const char * const *ids)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  for (guint i = 0; i < event->n_actors; i++)
    unlink_event (event->actors[i]->events, event);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      StorylineActor *actor = storyline_story_lookup_actor (self, ids[i]);

      if (actor != NULL && !g_ptr_array_find (list, actor, NULL))
        g_ptr_array_add (list, actor);
    }
  event->n_actors = list->len;
  event->actors = NULL;
  if (list->len > 0)
    {
      event->actors = storyline_strings_alloc (event->strings, list->len * sizeof (gpointer));
      memcpy (event->actors, list->pdata, list->len * sizeof (gpointer));
    }
  for (guint i = 0; i < event->n_actors; i++)
    link_event (&event->actors[i]->events, event);
}

static void
set_phase (StorylineStory *self,
           StorylineEvent *event,
           const char     *id)
{
  StorylinePhase *old = STORYLINE_EVENT_EXTRA (event, phase);
  StorylinePhase *phase = id ? storyline_story_lookup_phase (self, id) : NULL;

  if (old == phase)
    return;
  if (old != NULL)
    unlink_event (old->events, event);
  if (phase != NULL || event->extras != NULL)
    storyline_event_ensure_extras (event)->phase = phase;
  if (phase != NULL)
    link_event (&phase->events, event);
}

/* The sources @event cites, from their ids and locators (see
 * #StorylineEventField). What the old references held is kept while the
 * story lives: a search may be reading it. */
static void
set_sources (StorylineStory     *self,
             StorylineEvent     *event,
             const char * const *refs)
{
  guint n = refs ? g_strv_length ((char **) refs) : 0;
  StorylineSourceRef *sources = n ? storyline_strings_alloc (event->strings, n * sizeof (StorylineSourceRef)) : NULL;

  for (guint i = 0; i < event->n_sources; i++)
    {
      unlink_event (event->sources[i].source->events, event);
      storyline_story_retire (self, event->sources[i].locator, g_free);
      storyline_story_retire (self, event->sources[i].note, g_free);
    }
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) parts = g_strsplit (refs[i], "\t", 3);

      sources[i].source = storyline_story_lookup_source (self, parts[0]);
      sources[i].locator = parts[1] && !is_blank (parts[1]) ? g_strdup (parts[1]) : NULL;
      sources[i].note = parts[1] && parts[2] && !is_blank (parts[2]) ? g_strdup (parts[2]) : NULL;
    }
  event->sources = sources;
  event->n_sources = n;
  for (guint i = 0; i < n; i++)
    link_event (&sources[i].source->events, event);
}

/* The events @event is related to. An event related to itself is left
 * out, as the loader leaves it out. */
static void
set_related (StorylineStory     *self,
             StorylineEvent     *event,
             const char * const *value)
{
  StorylineEventExtras *extras;
  GArray *related = NULL;

  if ((value == NULL || value[0] == NULL) && event->extras == NULL)
    return;
  extras = storyline_event_ensure_extras (event);
  for (guint i = 0; value != NULL && value[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (value[i], "\t", 2);
      StorylineRelation r = { storyline_story_lookup_event (self, parts[0]), word_of (relation_words, parts[1]) };

      if (r.event == event)
        continue;
      if (related == NULL)
        related = g_array_new (FALSE, TRUE, sizeof (StorylineRelation));
      g_array_append_val (related, r);
    }
  storyline_story_retire (self, extras->related, (GDestroyNotify) g_array_unref);
  extras->related = related;
}

static void
set_notes (StorylineStory     *self,
           StorylineEvent     *event,
           const char * const *value)
{
  StorylineEventExtras *extras;
  GArray *notes = NULL;

  if ((value == NULL || value[0] == NULL) && event->extras == NULL)
    return;
  extras = storyline_event_ensure_extras (event);
  for (guint i = 0; value != NULL && value[i] != NULL; i++)
    {
      StorylineNote note = { 0 };

      if (!parse_note (self, value[i], &note, NULL))
        continue;
      if (notes == NULL)
        {
          notes = g_array_new (FALSE, TRUE, sizeof (StorylineNote));
          g_array_set_clear_func (notes, (GDestroyNotify) storyline_note_clear);
        }
      g_array_append_val (notes, note);
    }
  storyline_story_retire (self, extras->notes, (GDestroyNotify) g_array_unref);
  extras->notes = notes;
}

/**
 * storyline_story_set_event_field:
 * @value: (array zero-terminated=1) (nullable): the value, checked with
 *   storyline_story_check_event_field()
 *
 * Changes @field of @event and emits #StorylineStory::event-changed.
 */
void
storyline_story_set_event_field (StorylineStory      *self,
                                 StorylineEvent      *event,
                                 StorylineEventField  field,
                                 const char * const  *value)
{
  const char *text = first (value);

  g_return_if_fail (STORYLINE_IS_STORY (self));
  g_return_if_fail (STORYLINE_IS_EVENT (event));
  g_return_if_fail (storyline_story_check_event_field (self, field, value, NULL));

  switch (field)
    {
    case STORYLINE_EVENT_FIELD_TITLE:
      event->title = storyline_strings_add (event->strings, text);
      break;
    case STORYLINE_EVENT_FIELD_DATE:
      storyline_date_parse (text, &event->date, NULL);
      break;
    case STORYLINE_EVENT_FIELD_PLACE:
      event->place = storyline_strings_intern (event->strings, text);
      break;
    case STORYLINE_EVENT_FIELD_TYPE:
      event->type = storyline_strings_intern (event->strings, text);
      break;
    case STORYLINE_EVENT_FIELD_SUMMARY:
      event->summary = storyline_strings_add (event->strings, text);
      break;
    case STORYLINE_EVENT_FIELD_TAGS:
      {
        g_autoptr(GPtrArray) tags = g_ptr_array_new ();

        for (guint i = 0; value != NULL && value[i] != NULL; i++)
          if (!is_blank (value[i]))
            g_ptr_array_add (tags, (gpointer) value[i]);
        g_ptr_array_add (tags, NULL);
        event->tags = tags->len > 1 ? storyline_strings_intern_list (event->strings, (const char * const *) tags->pdata) : NULL;
      }
      break;
    case STORYLINE_EVENT_FIELD_ACTORS:
      set_actors (self, event, value);
      break;
    case STORYLINE_EVENT_FIELD_PHASE:
      set_phase (self, event, text);
      break;
    case STORYLINE_EVENT_FIELD_SOURCES:
      set_sources (self, event, value);
      break;
    case STORYLINE_EVENT_FIELD_RELATED:
      set_related (self, event, value);
      break;
    case STORYLINE_EVENT_FIELD_NOTES:
      set_notes (self, event, value);
      break;
    case STORYLINE_EVENT_N_FIELDS:
    default:
      g_return_if_reached ();
    }

  g_signal_emit_by_name (self, "event-changed", event, (guint) field);
}

/**
 * storyline_story_dup_field:
 *
 * Returns: (transfer full) (nullable): the story's title, subtitle or
 *   summary
 */
char *
storyline_story_dup_field (StorylineStory      *self,
                           StorylineStoryField  field)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);

  switch (field)
    {
    case STORYLINE_STORY_FIELD_TITLE:
      return g_strdup (self->title);
    case STORYLINE_STORY_FIELD_SUBTITLE:
      return g_strdup (self->subtitle);
    case STORYLINE_STORY_FIELD_SUMMARY:
      return g_strdup (self->summary);
    case STORYLINE_STORY_FIELD_PUBLISHER:
      return g_strdup (self->publisher);
    case STORYLINE_STORY_FIELD_URL:
      return g_strdup (self->url);
    case STORYLINE_STORY_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
storyline_story_check_field (StorylineStoryField  field,
                             const char          *value,
                             GError             **error)
{
  if (field == STORYLINE_STORY_FIELD_TITLE && is_blank (value))
    {
      g_set_error_literal (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                           _("A story needs a title."));
      return FALSE;
    }
  if (field == STORYLINE_STORY_FIELD_URL && !is_blank (value) && !storyline_url_is_link (value))
    {
      g_set_error_literal (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                           _("The address where the story is published: an http or https link."));
      return FALSE;
    }
  return TRUE;
}

/**
 * storyline_story_set_field:
 *
 * Changes the story's title, subtitle or summary and emits
 * #StorylineStory::changed.
 */
void
storyline_story_set_field (StorylineStory      *self,
                           StorylineStoryField  field,
                           const char          *value)
{
  char **slot;

  g_return_if_fail (STORYLINE_IS_STORY (self));
  g_return_if_fail (storyline_story_check_field (field, value, NULL));

  switch (field)
    {
    case STORYLINE_STORY_FIELD_TITLE:
      slot = &self->title;
      break;
    case STORYLINE_STORY_FIELD_SUBTITLE:
      slot = &self->subtitle;
      break;
    case STORYLINE_STORY_FIELD_SUMMARY:
      slot = &self->summary;
      break;
    case STORYLINE_STORY_FIELD_PUBLISHER:
      slot = &self->publisher;
      break;
    case STORYLINE_STORY_FIELD_URL:
      slot = &self->url;
      break;
    case STORYLINE_STORY_N_FIELDS:
    default:
      g_return_if_reached ();
    }
  g_free (*slot);
  *slot = is_blank (value) ? NULL : g_strdup (value);
  g_signal_emit_by_name (self, "changed", (guint) field);
}

/* An id no object of @index has: @base, or @base-2, @base-3… */
char *
storyline_free_id (GHashTable *index,
                   const char *base)
{
  char *id = g_strdup (base);

  for (guint n = 2; storyline_id_index_lookup (index, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  return id;
}

/* Positions are never used twice, even by an event removed and kept for
 * undo: the event list orders events of one date by it. Counted from the
 * story's events before any is removed. */
static void
count_positions (StorylineStory *self)
{
  if (self->next_position == 0)
    for (guint i = 0; i < self->events->len; i++)
      self->next_position = MAX (self->next_position, ((StorylineEvent *) self->events->pdata[i])->position + 1);
}

static guint
next_position (StorylineStory *self)
{
  count_positions (self);
  return self->next_position++;
}

/* A position no event of @story has had: for an event put back. */
guint
storyline_story_next_position (StorylineStory *story)
{
  return next_position (story);
}

static StorylineEvent *
new_event (StorylineStory *self,
           const char     *id_base)
{
  StorylineEvent *event = g_object_new (STORYLINE_TYPE_EVENT, NULL);
  g_autofree char *id = storyline_free_id (self->event_index, id_base);

  event->strings = storyline_strings_ref (self->strings);
  event->id = storyline_strings_add (event->strings, id);
  event->position = next_position (self);
  return event;
}

/**
 * storyline_story_create_event:
 *
 * Makes an event with an id of its own in @self, not yet in the story:
 * see storyline_story_insert_event().
 *
 * Returns: (transfer full): the event
 */
StorylineEvent *
storyline_story_create_event (StorylineStory      *self,
                              const char          *title,
                              const StorylineDate *date)
{
  StorylineEvent *event;
  g_autofree char *base = NULL;

  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  g_return_val_if_fail (!is_blank (title), NULL);
  g_return_val_if_fail (date != NULL && storyline_date_is_set (date), NULL);

  base = g_strdup_printf ("event-%u", self->events->len + 1);
  event = new_event (self, base);
  event->title = storyline_strings_add (event->strings, title);
  event->date = *date;
  return event;
}

static void
copy_refs (StorylineSourceRef       *to,
           const StorylineSourceRef *from,
           guint                     n)
{
  for (guint i = 0; i < n; i++)
    {
      to[i] = from[i];
      to[i].locator = g_strdup (from[i].locator);
      to[i].note = g_strdup (from[i].note);
    }
}

/**
 * storyline_story_copy_event:
 *
 * Makes a copy of @event with an id of its own: its title, date, place,
 * type, tags, summary, actors, phase and sources, not its notes, related
 * events or quotes. Not yet in the story: see storyline_story_insert_event().
 *
 * Returns: (transfer full): the copy
 */
StorylineEvent *
storyline_story_copy_event (StorylineStory *self,
                            StorylineEvent *event)
{
  StorylineEvent *copy;

  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  g_return_val_if_fail (STORYLINE_IS_EVENT (event), NULL);

  copy = new_event (self, event->id);
  copy->title = event->title;
  copy->summary = event->summary;
  copy->place = event->place;
  copy->type = event->type;
  copy->tags = event->tags;
  copy->date = event->date;
  copy->n_actors = event->n_actors;
  copy->actors = event->actors;    /* in the strings, which only grow */
  if (event->n_sources > 0)
    {
      copy->n_sources = event->n_sources;
      copy->sources = storyline_strings_alloc (copy->strings, event->n_sources * sizeof (StorylineSourceRef));
      copy_refs (copy->sources, event->sources, event->n_sources);
    }
  if (STORYLINE_EVENT_EXTRA (event, phase) != NULL)
    storyline_event_ensure_extras (copy)->phase = event->extras->phase;
  return copy;
}

/**
 * storyline_story_get_event_index:
 *
 * Returns: where @event is in the story's events (the file's order), or
 *   %G_MAXUINT when it is not in the story
 */
guint
storyline_story_get_event_index (StorylineStory *self,
                                 StorylineEvent *event)
{
  guint index;

  g_return_val_if_fail (STORYLINE_IS_STORY (self), G_MAXUINT);
  return g_ptr_array_find (self->events, event, &index) ? index : G_MAXUINT;
}

/**
 * storyline_story_insert_event:
 * @index: where in the story's events, or a number past the end for last
 *
 * Puts @event, made for @self by storyline_story_create_event() or
 * storyline_story_copy_event() or removed from it, into the story, and
 * emits #StorylineStory::events-changed.
 */
void
storyline_story_insert_event (StorylineStory *self,
                              StorylineEvent *event,
                              guint           index)
{
  g_return_if_fail (STORYLINE_IS_STORY (self));
  g_return_if_fail (STORYLINE_IS_EVENT (event));
  g_return_if_fail (event->strings == self->strings);
  g_return_if_fail (storyline_story_lookup_event (self, event->id) == NULL);

  g_ptr_array_insert (self->events, MIN (index, self->events->len), g_object_ref (event));
  storyline_id_index_add (self->event_index, event);
  for (guint i = 0; i < event->n_actors; i++)
    link_event (&event->actors[i]->events, event);
  for (guint i = 0; i < event->n_sources; i++)
    link_event (&event->sources[i].source->events, event);
  if (STORYLINE_EVENT_EXTRA (event, phase) != NULL)
    link_event (&event->extras->phase->events, event);
  for (guint i = 0; STORYLINE_EVENT_EXTRA (event, quotes) && i < event->extras->quotes->len; i++)
    ((StorylineQuote *) event->extras->quotes->pdata[i])->event = event;

  g_signal_emit_by_name (self, "events-changed", event);
}

/**
 * storyline_story_can_remove_event:
 *
 * An event that quotes belong to, or that another event is related to,
 * cannot be removed: the references would point nowhere.
 *
 * Returns: whether @event can be removed; if not, @error says why in a
 *   sentence
 */
gboolean
storyline_story_can_remove_event (StorylineStory  *self,
                                  StorylineEvent  *event,
                                  GError         **error)
{
  GPtrArray *quotes = STORYLINE_EVENT_EXTRA (event, quotes);

  g_return_val_if_fail (STORYLINE_IS_STORY (self), FALSE);
  g_return_val_if_fail (STORYLINE_IS_EVENT (event), FALSE);

  if (quotes != NULL && quotes->len > 0)
    {
      g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_REFUSED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” cannot be deleted: %u quote belongs to it.",
                                "“%s” cannot be deleted: %u quotes belong to it.", quotes->len),
                   event->title, quotes->len);
      return FALSE;
    }
  for (guint i = 0; i < self->events->len; i++)
    {
      StorylineEvent *other = self->events->pdata[i];
      GArray *related = STORYLINE_EVENT_EXTRA (other, related);

      for (guint j = 0; other != event && related != NULL && j < related->len; j++)
        if (g_array_index (related, StorylineRelation, j).event == event)
          {
            g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_REFUSED,
                         _("“%s” cannot be deleted: “%s” is related to it."),
                         event->title, other->title);
            return FALSE;
          }
    }
  return TRUE;
}

/**
 * storyline_story_remove_event:
 *
 * Takes @event out of the story (see storyline_story_can_remove_event())
 * and emits #StorylineStory::events-changed. The event stays whole, to
 * be put back with storyline_story_insert_event(); hold a reference to it
 * for that.
 */
void
storyline_story_remove_event (StorylineStory *self,
                              StorylineEvent *event)
{
  guint index;

  g_return_if_fail (STORYLINE_IS_STORY (self));
  g_return_if_fail (STORYLINE_IS_EVENT (event));
  g_return_if_fail (storyline_story_can_remove_event (self, event, NULL));

  if (!g_ptr_array_find (self->events, event, &index))
    g_return_if_reached ();
  count_positions (self);

  g_hash_table_remove (self->event_index, (char *) event + STORYLINE_ID_OFFSET);
  for (guint i = 0; i < event->n_actors; i++)
    unlink_event (event->actors[i]->events, event);
  for (guint i = 0; i < event->n_sources; i++)
    unlink_event (event->sources[i].source->events, event);
  if (STORYLINE_EVENT_EXTRA (event, phase) != NULL)
    unlink_event (event->extras->phase->events, event);
  g_ptr_array_remove_index (self->events, index);   /* drops the story's reference */

  g_signal_emit_by_name (self, "events-changed", event);
}

/* An id made from @name: its letters and digits, lower case, the rest as
 * hyphens ("S. M. Kamrul Hassan" → "s-m-kamrul-hassan"). */
char *
storyline_id_from_text (const char *name,
                        const char *fallback,
                        gsize       max_length)
{
  GString *id = g_string_new (NULL);

  for (const char *p = name; *p != '\0' && id->len < max_length; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, fallback);
  return g_string_free (id, FALSE);
}

/**
 * storyline_story_create_actor:
 *
 * Makes an actor of @self, with an id of its own made from @name, not yet
 * in the story: see storyline_story_insert_actor().
 *
 * Returns: (transfer full): the actor
 */
StorylineActor *
storyline_story_create_actor (StorylineStory     *self,
                              const char         *name,
                              StorylineActorKind  kind)
{
  StorylineActor *actor;
  g_autofree char *base = NULL;

  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  g_return_val_if_fail (!is_blank (name), NULL);

  base = storyline_id_from_text (name, "actor", G_MAXSIZE);
  actor = g_object_new (STORYLINE_TYPE_ACTOR, NULL);
  actor->id = storyline_free_id (self->actor_index, base);
  actor->name = g_strstrip (g_strdup (name));
  actor->kind = kind;
  return actor;
}

/**
 * storyline_story_insert_actor:
 *
 * Puts @actor, made for @self or removed from it, last among the story's
 * actors, and emits #StorylineStory::actors-changed.
 */
void
storyline_story_insert_actor (StorylineStory *self,
                              StorylineActor *actor)
{
  storyline_story_insert_actor_at (self, actor, G_MAXUINT);
}

/**
 * storyline_story_insert_actor_at:
 * @index: where among the story's actors, or a number past the end
 *
 * As storyline_story_insert_actor(), at @index: where an actor removed
 * was.
 */
void
storyline_story_insert_actor_at (StorylineStory *self,
                                 StorylineActor *actor,
                                 guint           index)
{
  g_return_if_fail (STORYLINE_IS_STORY (self));
  g_return_if_fail (STORYLINE_IS_ACTOR (actor));
  g_return_if_fail (storyline_story_lookup_actor (self, actor->id) == NULL);

  g_ptr_array_insert (self->actors, MIN (index, self->actors->len), g_object_ref (actor));
  storyline_id_index_add (self->actor_index, actor);
  g_signal_emit_by_name (self, "actors-changed");
}

/**
 * storyline_story_can_remove_actor:
 *
 * Returns: whether no event, quote or other actor names @actor; if one
 *   does, @error says which
 */
gboolean
storyline_story_can_remove_actor (StorylineStory  *self,
                                  StorylineActor  *actor,
                                  GError         **error)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), FALSE);
  g_return_val_if_fail (STORYLINE_IS_ACTOR (actor), FALSE);

  if (actor->events != NULL && actor->events->len > 0)
    {
      g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_REFUSED,
                   _("“%s” cannot be deleted: “%s” names them."),
                   actor->name, ((StorylineEvent *) actor->events->pdata[0])->title);
      return FALSE;
    }
  for (guint i = 0; i < self->quotes->len; i++)
    if (((StorylineQuote *) self->quotes->pdata[i])->speaker == actor)
      {
        g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_REFUSED,
                     _("“%s” cannot be deleted: a quote is theirs."), actor->name);
        return FALSE;
      }
  for (guint i = 0; i < self->actors->len; i++)
    if (((StorylineActor *) self->actors->pdata[i])->affiliation == actor)
      {
        g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_REFUSED,
                     _("“%s” cannot be deleted: “%s” is affiliated with them."),
                     actor->name, ((StorylineActor *) self->actors->pdata[i])->name);
        return FALSE;
      }
  return TRUE;
}

/**
 * storyline_story_remove_actor:
 *
 * Takes @actor, which nothing names (see
 * storyline_story_can_remove_actor()), out of the story and emits
 * #StorylineStory::actors-changed. Hold a reference to put it back.
 */
void
storyline_story_remove_actor (StorylineStory *self,
                              StorylineActor *actor)
{
  g_return_if_fail (STORYLINE_IS_STORY (self));
  g_return_if_fail (storyline_story_can_remove_actor (self, actor, NULL));

  g_object_ref (actor);
  g_hash_table_remove (self->actor_index, (char *) actor + STORYLINE_ID_OFFSET);
  g_ptr_array_remove (self->actors, actor);
  g_signal_emit_by_name (self, "actors-changed");
  g_object_unref (actor);
}
