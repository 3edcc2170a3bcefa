/* storyline-actor-edit.c: changing a story's actors and phases
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "storyline-actor-edit.h"
#include "storyline-model-private.h"

/* As for events and quotes: each value checked by the loader's rules;
 * what an edit replaces kept while the story lives (a search on a worker
 * thread may be reading an actor's name). A change to an actor emits
 * #StorylineStory::actor-changed; a phase added, removed or changed,
 * #StorylineStory::phases-changed. */

static const char * const actor_fields[] = { "name", "kind", "role", "description", "aliases", "affiliation", NULL };
static const char * const phase_fields[] = { "title", "start", "end", "summary", NULL };

const char * const *
storyline_actor_field_names (void)
{
  return actor_fields;
}

const char * const *
storyline_phase_field_names (void)
{
  return phase_fields;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID, message);
  return FALSE;
}

static void
replace_text (StorylineStory  *self,
              char           **slot,
              const char      *value)
{
  storyline_story_retire (self, *slot, g_free);
  *slot = storyline_is_blank (value) ? NULL : g_strdup (value);
}

static int
kind_of (const char *word)
{
  for (int k = STORYLINE_ACTOR_ORGANIZATION; k <= STORYLINE_ACTOR_GROUP; k++)
    if (g_strcmp0 (storyline_actor_kind_to_string (k), word) == 0)
      return k;
  return -1;
}

/**
 * storyline_actor_dup_field:
 *
 * Returns: (transfer full) (nullable): the value of @field in @actor
 */
char *
storyline_actor_dup_field (StorylineActor      *actor,
                           StorylineActorField  field)
{
  g_return_val_if_fail (STORYLINE_IS_ACTOR (actor), NULL);

  switch (field)
    {
    case STORYLINE_ACTOR_FIELD_NAME:
      return g_strdup (actor->name);
    case STORYLINE_ACTOR_FIELD_KIND:
      return g_strdup (storyline_actor_kind_to_string (actor->kind));
    case STORYLINE_ACTOR_FIELD_ROLE:
      return g_strdup (actor->role);
    case STORYLINE_ACTOR_FIELD_DESCRIPTION:
      return g_strdup (actor->description);
    case STORYLINE_ACTOR_FIELD_ALIASES:
      return actor->aliases != NULL && actor->aliases[0] != NULL ? g_strjoinv ("\n", actor->aliases) : NULL;
    case STORYLINE_ACTOR_FIELD_AFFILIATION:
      return actor->affiliation ? g_strdup (actor->affiliation->id) : NULL;
    case STORYLINE_ACTOR_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * storyline_story_check_actor_field:
 * @actor: (nullable): the actor changed; %NULL for one to be made
 * @value: (nullable): the value, %NULL or blank to leave the field out;
 *   for the affiliation, the id of another actor
 */
gboolean
storyline_story_check_actor_field (StorylineStory       *self,
                                   StorylineActor       *actor,
                                   StorylineActorField   field,
                                   const char           *value,
                                   GError              **error)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), FALSE);

  switch (field)
    {
    case STORYLINE_ACTOR_FIELD_NAME:
      return !storyline_is_blank (value) || invalid (error, _("An actor needs a name."));
    case STORYLINE_ACTOR_FIELD_KIND:
      if (!storyline_is_blank (value) && kind_of (value) < 0)
        {
          g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                       _("“%s” is not a kind of actor: organization, person, country or group."), value);
          return FALSE;
        }
      return TRUE;
    case STORYLINE_ACTOR_FIELD_ROLE:
    case STORYLINE_ACTOR_FIELD_DESCRIPTION:
    case STORYLINE_ACTOR_FIELD_ALIASES:
      return TRUE;
    case STORYLINE_ACTOR_FIELD_AFFILIATION:
      {
        StorylineActor *to;

        if (storyline_is_blank (value))
          return TRUE;
        to = storyline_story_lookup_actor (self, value);
        if (to == NULL)
          {
            g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                         _("There is no actor “%s” to belong to."), value);
            return FALSE;
          }
        /* As the loader: an actor does not belong to itself, and the
         * affiliations end. */
        for (StorylineActor *a = to; a != NULL; a = a->affiliation)
          if (a == actor)
            {
              g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                           a == to ? _("“%s” cannot belong to itself.")
                                   : _("“%s” cannot belong to an actor that belongs to it."),
                           actor->name);
              return FALSE;
            }
        return TRUE;
      }
    case STORYLINE_ACTOR_N_FIELDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * storyline_story_set_actor_field:
 * @value: (nullable): checked with storyline_story_check_actor_field()
 *
 * Changes @field of @actor and emits #StorylineStory::actor-changed.
 */
void
storyline_story_set_actor_field (StorylineStory      *self,
                                 StorylineActor      *actor,
                                 StorylineActorField  field,
                                 const char          *value)
{
  g_return_if_fail (STORYLINE_IS_STORY (self));
  g_return_if_fail (STORYLINE_IS_ACTOR (actor));
  g_return_if_fail (storyline_story_check_actor_field (self, actor, field, value, NULL));

  switch (field)
    {
    case STORYLINE_ACTOR_FIELD_NAME:
      replace_text (self, &actor->name, value);
      break;
    case STORYLINE_ACTOR_FIELD_KIND:
      /* Left out, the loader reads an organization. */
      actor->kind = storyline_is_blank (value) ? STORYLINE_ACTOR_ORGANIZATION : kind_of (value);
      break;
    case STORYLINE_ACTOR_FIELD_ROLE:
      replace_text (self, &actor->role, value);
      break;
    case STORYLINE_ACTOR_FIELD_DESCRIPTION:
      replace_text (self, &actor->description, value);
      break;
    case STORYLINE_ACTOR_FIELD_ALIASES:
      {
        g_auto(GStrv) lines = g_strsplit (value ? value : "", "\n", -1);
        GStrvBuilder *builder = g_strv_builder_new ();
        char **aliases;

        for (guint i = 0; lines[i] != NULL; i++)
          if (!storyline_is_blank (lines[i]))
            g_strv_builder_add (builder, g_strstrip (lines[i]));
        aliases = g_strv_builder_end (builder);
        g_strv_builder_unref (builder);
        storyline_story_retire (self, actor->aliases, (GDestroyNotify) g_strfreev);
        if (aliases[0] == NULL)
          g_clear_pointer (&aliases, g_strfreev);
        actor->aliases = aliases;
      }
      break;
    case STORYLINE_ACTOR_FIELD_AFFILIATION:
      actor->affiliation = storyline_is_blank (value) ? NULL : storyline_story_lookup_actor (self, value);
      break;
    case STORYLINE_ACTOR_N_FIELDS:
    default:
      g_return_if_reached ();
    }
  g_signal_emit_by_name (self, "actor-changed", actor);
}

/**
 * storyline_story_get_actor_index:
 *
 * Returns: where @actor is among the story's actors, or %G_MAXUINT
 */
guint
storyline_story_get_actor_index (StorylineStory *self,
                                 StorylineActor *actor)
{
  guint index;

  g_return_val_if_fail (STORYLINE_IS_STORY (self), G_MAXUINT);
  return g_ptr_array_find (self->actors, actor, &index) ? index : G_MAXUINT;
}

/**
 * storyline_phase_dup_field:
 *
 * Returns: (transfer full) (nullable): the value of @field in @phase
 */
char *
storyline_phase_dup_field (StorylinePhase      *phase,
                           StorylinePhaseField  field)
{
  g_return_val_if_fail (STORYLINE_IS_PHASE (phase), NULL);

  switch (field)
    {
    case STORYLINE_PHASE_FIELD_TITLE:
      return g_strdup (phase->title);
    case STORYLINE_PHASE_FIELD_START:
      return storyline_date_is_set (&phase->start) ? storyline_date_to_edtf (&phase->start) : NULL;
    case STORYLINE_PHASE_FIELD_END:
      return storyline_date_is_set (&phase->end) ? storyline_date_to_edtf (&phase->end) : NULL;
    case STORYLINE_PHASE_FIELD_SUMMARY:
      return g_strdup (phase->summary);
    case STORYLINE_PHASE_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * storyline_story_check_phase_field:
 * @phase: (nullable): the phase, for a date checked against its other
 *   end
 * @value: (nullable): the value
 */
gboolean
storyline_story_check_phase_field (StorylineStory       *self,
                                   StorylinePhase       *phase,
                                   StorylinePhaseField   field,
                                   const char           *value,
                                   GError              **error)
{
  StorylineDate date;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (STORYLINE_IS_STORY (self), FALSE);

  switch (field)
    {
    case STORYLINE_PHASE_FIELD_TITLE:
      return !storyline_is_blank (value) || invalid (error, _("A phase needs a title."));
    case STORYLINE_PHASE_FIELD_START:
    case STORYLINE_PHASE_FIELD_END:
      if (storyline_is_blank (value))
        return invalid (error, field == STORYLINE_PHASE_FIELD_START ? _("A phase needs the date it starts.")
                                                                    : _("A phase needs the date it ends."));
      if (!storyline_date_parse (value, &date, &local_error))
        {
          g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID, _("Not a date: %s"), local_error->message);
          return FALSE;
        }
      if (phase != NULL)
        {
          const StorylineDate *start = field == STORYLINE_PHASE_FIELD_START ? &date : &phase->start;
          const StorylineDate *end = field == STORYLINE_PHASE_FIELD_END ? &date : &phase->end;

          if (storyline_date_is_set (start) && storyline_date_is_set (end) &&
              storyline_date_get_earliest_day (start) > storyline_date_get_latest_day (end))
            return invalid (error, _("The phase would end before it starts."));
        }
      return TRUE;
    case STORYLINE_PHASE_FIELD_SUMMARY:
      return TRUE;
    case STORYLINE_PHASE_N_FIELDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * storyline_story_set_phase_field:
 * @value: (nullable): checked with storyline_story_check_phase_field()
 *
 * Changes @field of @phase and emits #StorylineStory::phases-changed.
 */
void
storyline_story_set_phase_field (StorylineStory      *self,
                                 StorylinePhase      *phase,
                                 StorylinePhaseField  field,
                                 const char          *value)
{
  g_return_if_fail (STORYLINE_IS_STORY (self));
  g_return_if_fail (STORYLINE_IS_PHASE (phase));
  g_return_if_fail (storyline_story_check_phase_field (self, phase, field, value, NULL));

  switch (field)
    {
    case STORYLINE_PHASE_FIELD_TITLE:
      replace_text (self, &phase->title, value);
      break;
    case STORYLINE_PHASE_FIELD_START:
      storyline_date_parse (value, &phase->start, NULL);
      break;
    case STORYLINE_PHASE_FIELD_END:
      storyline_date_parse (value, &phase->end, NULL);
      break;
    case STORYLINE_PHASE_FIELD_SUMMARY:
      replace_text (self, &phase->summary, value);
      break;
    case STORYLINE_PHASE_N_FIELDS:
    default:
      g_return_if_reached ();
    }
  g_signal_emit_by_name (self, "phases-changed");
}

/**
 * storyline_story_create_phase:
 *
 * Makes a phase with an id of its own made from @title, not yet in the
 * story: see storyline_story_insert_phase().
 *
 * Returns: (transfer full): the phase
 */
StorylinePhase *
storyline_story_create_phase (StorylineStory      *self,
                              const char          *title,
                              const StorylineDate *start,
                              const StorylineDate *end)
{
  StorylinePhase *phase;
  g_autofree char *base = NULL;

  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  g_return_val_if_fail (!storyline_is_blank (title), NULL);
  g_return_val_if_fail (start != NULL && end != NULL, NULL);

  base = storyline_id_from_text (title, "phase", 40);
  phase = g_object_new (STORYLINE_TYPE_PHASE, NULL);
  phase->id = storyline_free_id (self->phase_index, base);
  phase->title = g_strstrip (g_strdup (title));
  phase->start = *start;
  phase->end = *end;
  return phase;
}

/**
 * storyline_story_get_phase_index:
 *
 * Returns: where @phase is among the story's phases, or %G_MAXUINT
 */
guint
storyline_story_get_phase_index (StorylineStory *self,
                                 StorylinePhase *phase)
{
  guint index;

  g_return_val_if_fail (STORYLINE_IS_STORY (self), G_MAXUINT);
  return g_ptr_array_find (self->phases, phase, &index) ? index : G_MAXUINT;
}

/**
 * storyline_story_insert_phase:
 * @index: where among the story's phases, or a number past the end
 *
 * Puts @phase, made for @self or removed from it, into the story and
 * emits #StorylineStory::phases-changed.
 */
void
storyline_story_insert_phase (StorylineStory *self,
                              StorylinePhase *phase,
                              guint           index)
{
  g_return_if_fail (STORYLINE_IS_STORY (self));
  g_return_if_fail (STORYLINE_IS_PHASE (phase));
  g_return_if_fail (storyline_story_lookup_phase (self, phase->id) == NULL);

  g_ptr_array_insert (self->phases, MIN (index, self->phases->len), g_object_ref (phase));
  storyline_id_index_add (self->phase_index, phase);
  g_signal_emit_by_name (self, "phases-changed");
}

/**
 * storyline_story_can_remove_phase:
 *
 * Returns: whether no event is in @phase; if one is, @error says which
 */
gboolean
storyline_story_can_remove_phase (StorylineStory  *self,
                                  StorylinePhase  *phase,
                                  GError         **error)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), FALSE);
  g_return_val_if_fail (STORYLINE_IS_PHASE (phase), FALSE);

  if (phase->events != NULL && phase->events->len > 0)
    {
      g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_REFUSED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” cannot be deleted: %u event is in it, such as “%s”.",
                                "“%s” cannot be deleted: %u events are in it, such as “%s”.", phase->events->len),
                   phase->title, phase->events->len, ((StorylineEvent *) phase->events->pdata[0])->title);
      return FALSE;
    }
  return TRUE;
}

/**
 * storyline_story_remove_phase:
 *
 * Takes @phase, which no event is in, out of the story and emits
 * #StorylineStory::phases-changed. Hold a reference to put it back.
 */
void
storyline_story_remove_phase (StorylineStory *self,
                              StorylinePhase *phase)
{
  g_return_if_fail (STORYLINE_IS_STORY (self));
  g_return_if_fail (storyline_story_can_remove_phase (self, phase, NULL));

  g_object_ref (phase);
  g_hash_table_remove (self->phase_index, (char *) phase + STORYLINE_ID_OFFSET);
  g_ptr_array_remove (self->phases, phase);
  g_signal_emit_by_name (self, "phases-changed");
  g_object_unref (phase);
}
