/* storyline-edit-history.c: the edits made to a story, to undo and redo
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "storyline-edit-history.h"
#include "storyline-date.h"
#include "storyline-left-out.h"
#include "storyline-model-private.h"

#include <glib/gi18n-lib.h>

/* Every change to a story made in the window goes through here: it is
 * checked, made, and kept as a step with what was there before, so that it
 * can be undone back to the story as it was opened. Typing in one field is
 * one step: a change to the same field of the same event as the last step
 * joins it, until storyline_edit_history_end_step() (the field lost the
 * focus, or the story was saved). Each step is a few pointers and the
 * field's old and new text, so undoing and redoing one costs what making
 * the change did. */

typedef enum
{
  STEP_EVENT_FIELD,
  STEP_STORY_FIELD,
  STEP_INSERT_EVENT,
  STEP_REMOVE_EVENT,
  STEP_INSERT_ACTOR,
  STEP_QUOTE_FIELD,
  STEP_RENDITION_FIELD,
  STEP_INSERT_QUOTE,
  STEP_REMOVE_QUOTE,
  STEP_INSERT_RENDITION,
  STEP_REMOVE_RENDITION,
  STEP_SOURCE_ITEM,
  STEP_INSERT_SOURCE,
  STEP_REMOVE_SOURCE,
  STEP_ACTOR_FIELD,
  STEP_REMOVE_ACTOR,
  STEP_PHASE_FIELD,
  STEP_INSERT_PHASE,
  STEP_REMOVE_PHASE,
  STEP_PUT_BACK
} StepKind;

typedef struct
{
  StepKind kind;
  guint field;
  StorylineEvent *event;        /* a reference */
  char **before;                /* field steps: the values */
  char **after;
  guint index;                  /* insert and remove: where in the events */
  /* Insert, for the recovery journal: a copy of other_id, or an event
   * added after it (NULL: last) with the title and date in after. */
  gboolean duplicate;
  char *other_id;
  StorylineActor *actor;        /* insert actor: a reference */
  GObject *object;              /* quote and rendition steps: a reference to it */
  StorylineLeftOut *left_out;   /* put back: what the item was left out as */
  guint group;                  /* steps undone and redone together share it; 0: none */
} Step;

struct _StorylineEditHistory
{
  GObject parent_instance;

  StorylineStory *story;
  GPtrArray *undo;              /* of Step, the last done last */
  GPtrArray *redo;              /* of Step, the next to redo last */
  gboolean step_open;           /* the last step can take the next change */
  guint saved_at;               /* undo->len when saved; G_MAXUINT: gone */
  guint group;                  /* the group steps now join; 0: none */
  guint last_group;
};

G_DEFINE_FINAL_TYPE (StorylineEditHistory, storyline_edit_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
step_free (Step *step)
{
  g_clear_object (&step->event);
  g_strfreev (step->before);
  g_strfreev (step->after);
  g_free (step->other_id);
  g_clear_object (&step->actor);
  g_clear_object (&step->object);
  g_clear_pointer (&step->left_out, storyline_left_out_free);
  g_free (step);
}

static void
storyline_edit_history_finalize (GObject *object)
{
  StorylineEditHistory *self = STORYLINE_EDIT_HISTORY (object);

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_clear_object (&self->story);

  G_OBJECT_CLASS (storyline_edit_history_parent_class)->finalize (object);
}

static void
storyline_edit_history_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  StorylineEditHistory *self = STORYLINE_EDIT_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, storyline_edit_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, storyline_edit_history_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, storyline_edit_history_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
storyline_edit_history_class_init (StorylineEditHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = storyline_edit_history_finalize;
  object_class->get_property = storyline_edit_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * StorylineEditHistory:modified:
   *
   * Whether the story differs from the one last saved (or opened).
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
storyline_edit_history_init (StorylineEditHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

/**
 * storyline_edit_history_new:
 *
 * Returns: (transfer full): an empty history of @story, which is taken to
 *   be saved as it is now
 */
StorylineEditHistory *
storyline_edit_history_new (StorylineStory *story)
{
  StorylineEditHistory *self;

  g_return_val_if_fail (STORYLINE_IS_STORY (story), NULL);

  self = g_object_new (STORYLINE_TYPE_EDIT_HISTORY, NULL);
  self->story = g_object_ref (story);
  return self;
}

/**
 * storyline_edit_history_get_story:
 *
 * Returns: (transfer none): the story
 */
StorylineStory *
storyline_edit_history_get_story (StorylineEditHistory *self)
{
  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), NULL);
  return self->story;
}

/* Notifies what may have changed, given what was true before. */
static void
notify_changes (StorylineEditHistory *self,
                gboolean              could_undo,
                gboolean              could_redo,
                gboolean              was_modified)
{
  if (could_undo != storyline_edit_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != storyline_edit_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (was_modified != storyline_edit_history_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

#define NOTIFY_BEGIN(self) \
  gboolean could_undo_ = storyline_edit_history_can_undo (self); \
  gboolean could_redo_ = storyline_edit_history_can_redo (self); \
  gboolean was_modified_ = storyline_edit_history_get_modified (self)
#define NOTIFY_END(self) notify_changes ((self), could_undo_, could_redo_, was_modified_)

/* Keeps @step as the last one done: what could be redone is gone. */
static void
push (StorylineEditHistory *self,
      Step                 *step,
      gboolean              open)
{
  if (self->saved_at > self->undo->len && self->saved_at != G_MAXUINT)
    self->saved_at = G_MAXUINT;     /* the saved story was among the redo steps */
  g_ptr_array_set_size (self->redo, 0);
  step->group = self->group;
  g_ptr_array_add (self->undo, step);
  self->step_open = open;
}

/**
 * storyline_edit_history_begin_group:
 *
 * The steps until storyline_edit_history_end_group() are one to undo and
 * redo: many sources added by one import, say.
 */
void
storyline_edit_history_begin_group (StorylineEditHistory *self)
{
  g_return_if_fail (STORYLINE_IS_EDIT_HISTORY (self));
  g_return_if_fail (self->group == 0);

  self->step_open = FALSE;
  self->group = ++self->last_group;
}

void
storyline_edit_history_end_group (StorylineEditHistory *self)
{
  g_return_if_fail (STORYLINE_IS_EDIT_HISTORY (self));

  self->group = 0;
  self->step_open = FALSE;
}

static gboolean
same_value (char **a,
            char **b)
{
  return g_strv_equal ((const char * const *) (a ? a : (char *[]) { NULL }),
                       (const char * const *) (b ? b : (char *[]) { NULL }));
}

/* A one-string value (or none) as a field step keeps it: takes @text. */
static char **
strv_of (char *text)
{
  char **strv = g_new0 (char *, 2);

  strv[0] = text;
  return strv;
}

/* Keeps the change of @field of @object (an event, quote or rendition;
 * %NULL for the story) from @before to @after, both taken: joined to the
 * last step when it is the same field of the same object, still open. */
static void
keep_field_step (StorylineEditHistory *self,
                 StepKind              kind,
                 GObject              *object,
                 guint                 field,
                 char                **before,
                 char                **after)
{
  Step *last = self->undo->len > 0 ? self->undo->pdata[self->undo->len - 1] : NULL;
  GObject *last_object;
  NOTIFY_BEGIN (self);

  if (same_value (before, after))
    {
      g_strfreev (before);
      g_strfreev (after);
      return;
    }
  last_object = last == NULL ? NULL : last->kind == STEP_EVENT_FIELD ? G_OBJECT (last->event) : last->object;
  if (self->step_open && last != NULL && last->kind == kind && last_object == object &&
      last->field == field && self->redo->len == 0)
    {
      g_strfreev (last->after);
      last->after = after;
      g_strfreev (before);
    }
  else
    {
      Step *step = g_new0 (Step, 1);

      step->kind = kind;
      if (kind == STEP_EVENT_FIELD)
        step->event = g_object_ref (STORYLINE_EVENT (object));
      else if (object != NULL)
        step->object = g_object_ref (object);
      /* Where the rendition is, for the journal: later steps may move it. */
      if (kind == STEP_RENDITION_FIELD)
        step->index = storyline_quote_get_rendition_index (storyline_rendition_get_quote (STORYLINE_RENDITION (object)),
                                                           STORYLINE_RENDITION (object));
      step->field = field;
      step->before = before;
      step->after = after;
      push (self, step, TRUE);
    }
  NOTIFY_END (self);
}

/**
 * storyline_edit_history_set_event_field:
 * @value: (array zero-terminated=1) (nullable): the new value
 *
 * Checks @value for @field (see storyline_story_check_event_field()) and
 * when it is right changes @event and keeps the step. A value equal to the
 * one there is no change.
 *
 * Returns: whether @value was right
 */
gboolean
storyline_edit_history_set_event_field (StorylineEditHistory  *self,
                                        StorylineEvent        *event,
                                        StorylineEventField    field,
                                        const char * const    *value,
                                        GError               **error)
{
  g_auto(GStrv) before = NULL;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), FALSE);
  g_return_val_if_fail (STORYLINE_IS_EVENT (event), FALSE);

  if (!storyline_story_check_event_field (self->story, field, value, error))
    return FALSE;

  before = storyline_event_dup_field (event, field);
  storyline_story_set_event_field (self->story, event, field, value);
  keep_field_step (self, STEP_EVENT_FIELD, G_OBJECT (event), field,
                   g_steal_pointer (&before), storyline_event_dup_field (event, field));
  return TRUE;
}

/**
 * storyline_edit_history_set_story_field:
 *
 * The story's title, subtitle or summary, as
 * storyline_edit_history_set_event_field() does an event's.
 *
 * Returns: whether @value was right
 */
gboolean
storyline_edit_history_set_story_field (StorylineEditHistory  *self,
                                        StorylineStoryField    field,
                                        const char            *value,
                                        GError               **error)
{
  g_autofree char *before = NULL;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), FALSE);

  if (!storyline_story_check_field (field, value, error))
    return FALSE;

  before = storyline_story_dup_field (self->story, field);
  storyline_story_set_field (self->story, field, value);
  keep_field_step (self, STEP_STORY_FIELD, NULL, field, strv_of (g_steal_pointer (&before)),
                   strv_of (storyline_story_dup_field (self->story, field)));
  return TRUE;
}

/**
 * storyline_edit_history_set_quote_field:
 * @value: (nullable): the new value
 *
 * A quote's field, as storyline_edit_history_set_event_field() does an
 * event's (see storyline_story_check_quote_field()).
 *
 * Returns: whether @value was right
 */
gboolean
storyline_edit_history_set_quote_field (StorylineEditHistory  *self,
                                        StorylineQuote        *quote,
                                        StorylineQuoteField    field,
                                        const char            *value,
                                        GError               **error)
{
  char *before;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), FALSE);
  g_return_val_if_fail (STORYLINE_IS_QUOTE (quote), FALSE);

  if (!storyline_story_check_quote_field (self->story, field, value, error))
    return FALSE;
  before = storyline_quote_dup_field (quote, field);
  storyline_story_set_quote_field (self->story, quote, field, value);
  keep_field_step (self, STEP_QUOTE_FIELD, G_OBJECT (quote), field, strv_of (before),
                   strv_of (storyline_quote_dup_field (quote, field)));
  return TRUE;
}

/**
 * storyline_edit_history_set_rendition_field:
 * @value: (nullable): the new value
 *
 * A rendition's field (see storyline_story_check_rendition_field()).
 *
 * Returns: whether @value was right
 */
gboolean
storyline_edit_history_set_rendition_field (StorylineEditHistory     *self,
                                            StorylineRendition       *rendition,
                                            StorylineRenditionField   field,
                                            const char               *value,
                                            GError                  **error)
{
  char *before;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), FALSE);
  g_return_val_if_fail (STORYLINE_IS_RENDITION (rendition), FALSE);

  if (!storyline_story_check_rendition_field (self->story, field, value, error))
    return FALSE;
  before = storyline_rendition_dup_field (rendition, field);
  storyline_story_set_rendition_field (self->story, rendition, field, value);
  keep_field_step (self, STEP_RENDITION_FIELD, G_OBJECT (rendition), field, strv_of (before),
                   strv_of (storyline_rendition_dup_field (rendition, field)));
  return TRUE;
}

static StorylineEvent *
insert (StorylineEditHistory *self,
        StorylineEvent       *event,
        guint                 index,
        gboolean              duplicate,
        StorylineEvent       *other)
{
  Step *step = g_new0 (Step, 1);
  NOTIFY_BEGIN (self);

  step->kind = STEP_INSERT_EVENT;
  step->event = event;          /* takes the reference */
  step->index = index;
  step->duplicate = duplicate;
  step->other_id = other ? g_strdup (storyline_event_get_id (other)) : NULL;
  if (!duplicate)
    {
      step->after = g_new0 (char *, 3);
      step->after[0] = g_strdup (storyline_event_get_title (event));
      step->after[1] = storyline_date_to_edtf (storyline_event_get_date (event));
    }
  storyline_story_insert_event (self->story, event, index);
  push (self, step, FALSE);
  NOTIFY_END (self);
  return event;
}

/**
 * storyline_edit_history_add_event:
 * @after: (nullable): the event to put the new one after in the file, or
 *   %NULL for last
 * @title: its title
 * @date: its date
 *
 * Returns: (transfer none): the new event, in the story
 */
StorylineEvent *
storyline_edit_history_add_event (StorylineEditHistory *self,
                                  StorylineEvent       *after,
                                  const char           *title,
                                  const StorylineDate  *date)
{
  StorylineStory *story;
  guint index;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), NULL);

  story = self->story;
  index = after ? storyline_story_get_event_index (story, after) : G_MAXUINT;
  if (index == G_MAXUINT)
    after = NULL;
  index = index == G_MAXUINT ? storyline_story_get_events (story)->len : index + 1;
  return insert (self, storyline_story_create_event (story, title, date), index, FALSE, after);
}

/**
 * storyline_edit_history_duplicate_event:
 *
 * Returns: (transfer none): a copy of @event (see
 *   storyline_story_copy_event()), in the story just after it
 */
StorylineEvent *
storyline_edit_history_duplicate_event (StorylineEditHistory *self,
                                        StorylineEvent       *event)
{
  guint index;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), NULL);
  g_return_val_if_fail (STORYLINE_IS_EVENT (event), NULL);

  index = storyline_story_get_event_index (self->story, event);
  g_return_val_if_fail (index != G_MAXUINT, NULL);
  return insert (self, storyline_story_copy_event (self->story, event), index + 1, TRUE, event);
}

/**
 * storyline_edit_history_delete_event:
 *
 * Removes @event, with the sources it cites, when it can be (see
 * storyline_story_can_remove_event()).
 *
 * Returns: whether it was removed; if not, @error says why
 */
gboolean
storyline_edit_history_delete_event (StorylineEditHistory  *self,
                                     StorylineEvent        *event,
                                     GError               **error)
{
  Step *step;
  guint index;
  NOTIFY_BEGIN (self);

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), FALSE);
  g_return_val_if_fail (STORYLINE_IS_EVENT (event), FALSE);

  index = storyline_story_get_event_index (self->story, event);
  g_return_val_if_fail (index != G_MAXUINT, FALSE);
  if (!storyline_story_can_remove_event (self->story, event, error))
    return FALSE;

  step = g_new0 (Step, 1);
  step->kind = STEP_REMOVE_EVENT;
  step->event = g_object_ref (event);
  step->index = index;
  storyline_story_remove_event (self->story, event);
  push (self, step, FALSE);
  NOTIFY_END (self);
  return TRUE;
}

/**
 * storyline_edit_history_add_actor:
 * @name: the actor's name
 *
 * Returns: (transfer none): a new actor, last in the story, with an id
 *   made from @name
 */
StorylineActor *
storyline_edit_history_add_actor (StorylineEditHistory *self,
                                  const char           *name,
                                  StorylineActorKind    kind)
{
  Step *step;
  NOTIFY_BEGIN (self);

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), NULL);

  step = g_new0 (Step, 1);
  step->kind = STEP_INSERT_ACTOR;
  step->actor = storyline_story_create_actor (self->story, name, kind);
  /* For the journal: the name it was made with, which may change. */
  step->after = g_strdupv ((char *[]) { (char *) name, (char *) storyline_actor_kind_to_string (kind), NULL });
  storyline_story_insert_actor (self->story, step->actor);
  push (self, step, FALSE);
  NOTIFY_END (self);
  return step->actor;
}

/* Keeps a step that put @object (a quote or rendition) in or took it
 * out, at @index; done already. @made (taken): for an insertion, what
 * the journal needs to make it again. */
static void
keep_object_step (StorylineEditHistory *self,
                  StepKind              kind,
                  GObject              *object,
                  guint                 index,
                  char                **made)
{
  Step *step = g_new0 (Step, 1);
  NOTIFY_BEGIN (self);

  step->kind = kind;
  step->object = g_object_ref (object);
  step->index = index;
  step->after = made;           /* what an insertion made it from, for the journal */
  push (self, step, FALSE);
  NOTIFY_END (self);
}

/**
 * storyline_edit_history_add_quote:
 * @event: (nullable): the event it belongs to
 * @speaker: who issued it
 * @text: the words as issued, not blank
 *
 * Returns: (transfer none): a new quote, last in the story
 */
StorylineQuote *
storyline_edit_history_add_quote (StorylineEditHistory *self,
                                  StorylineEvent       *event,
                                  StorylineActor       *speaker,
                                  const char           *text)
{
  g_autoptr(StorylineQuote) quote = NULL;
  guint index;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), NULL);

  quote = storyline_story_create_quote (self->story, event, speaker, text);
  g_return_val_if_fail (quote != NULL, NULL);
  index = storyline_story_get_quotes (self->story)->len;
  storyline_story_insert_quote (self->story, quote, index);
  keep_object_step (self, STEP_INSERT_QUOTE, G_OBJECT (quote), index,
                    g_strdupv ((char *[]) { event ? (char *) storyline_event_get_id (event) : "",
                                            (char *) storyline_actor_get_id (speaker), (char *) text, NULL }));
  return quote;
}

/**
 * storyline_edit_history_delete_quote:
 *
 * Removes @quote, with its renditions.
 */
void
storyline_edit_history_delete_quote (StorylineEditHistory *self,
                                     StorylineQuote       *quote)
{
  guint index;

  g_return_if_fail (STORYLINE_IS_EDIT_HISTORY (self));
  index = storyline_story_get_quote_index (self->story, quote);
  g_return_if_fail (index != G_MAXUINT);

  g_object_ref (quote);
  storyline_story_remove_quote (self->story, quote);
  keep_object_step (self, STEP_REMOVE_QUOTE, G_OBJECT (quote), index, NULL);
  g_object_unref (quote);
}

/**
 * storyline_edit_history_add_rendition:
 * @source: the source that printed it
 * @text: the words as it printed them, not blank
 *
 * Returns: (transfer none): a new rendition, last of @quote's
 */
StorylineRendition *
storyline_edit_history_add_rendition (StorylineEditHistory *self,
                                      StorylineQuote       *quote,
                                      StorylineSource      *source,
                                      const char           *text)
{
  g_autoptr(StorylineRendition) rendition = NULL;
  guint index;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), NULL);
  g_return_val_if_fail (STORYLINE_IS_QUOTE (quote), NULL);

  rendition = storyline_story_create_rendition (self->story, source, text);
  g_return_val_if_fail (rendition != NULL, NULL);
  index = storyline_quote_get_n_renditions (quote);
  storyline_story_insert_rendition (self->story, quote, rendition, index);
  keep_object_step (self, STEP_INSERT_RENDITION, G_OBJECT (rendition), index,
                    g_strdupv ((char *[]) { (char *) storyline_source_get_id (source), (char *) text, NULL }));
  return rendition;
}

/**
 * storyline_edit_history_delete_rendition:
 *
 * Takes @rendition from its quote.
 */
void
storyline_edit_history_delete_rendition (StorylineEditHistory *self,
                                         StorylineRendition   *rendition)
{
  StorylineQuote *quote;
  guint index;

  g_return_if_fail (STORYLINE_IS_EDIT_HISTORY (self));
  g_return_if_fail (STORYLINE_IS_RENDITION (rendition));

  quote = storyline_rendition_get_quote (rendition);
  index = quote ? storyline_quote_get_rendition_index (quote, rendition) : G_MAXUINT;
  g_return_if_fail (index != G_MAXUINT);

  g_object_ref (rendition);
  storyline_story_remove_rendition (self->story, rendition);
  keep_object_step (self, STEP_REMOVE_RENDITION, G_OBJECT (rendition), index, NULL);
  g_object_unref (rendition);
}

static JsonObject *
parse_item (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_object_ref (json_node_get_object (node)) : json_object_new ();
}

static char *
item_text (JsonObject *item)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), item);

  return json_to_string (node, FALSE);
}

/**
 * storyline_edit_history_set_source_item:
 * @key: the member of the item that changed (typing in it is one step)
 * @item: the source's CSL-JSON item as it is to be
 *
 * Checks @item (see storyline_story_check_source_item()) and when it is
 * right makes it @source's.
 *
 * Returns: whether @item was right
 */
gboolean
storyline_edit_history_set_source_item (StorylineEditHistory  *self,
                                        StorylineSource       *source,
                                        const char            *key,
                                        JsonObject            *item,
                                        GError               **error)
{
  g_autofree char *before = NULL;
  char *after;
  Step *last;
  NOTIFY_BEGIN (self);

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), FALSE);
  g_return_val_if_fail (STORYLINE_IS_SOURCE (source), FALSE);

  if (!storyline_story_check_source_item (self->story, source, item, error))
    return FALSE;
  {
    g_autoptr(JsonObject) old = storyline_source_copy_item (source);
    before = item_text (old);
  }
  storyline_story_set_source_item (self->story, source, item);
  after = item_text (item);
  if (g_str_equal (before, after))
    {
      g_free (after);
      return TRUE;
    }
  last = self->undo->len > 0 ? self->undo->pdata[self->undo->len - 1] : NULL;
  if (self->step_open && last != NULL && last->kind == STEP_SOURCE_ITEM && last->object == G_OBJECT (source) &&
      g_strcmp0 (last->other_id, key) == 0 && self->redo->len == 0)
    {
      g_free (last->after[0]);
      last->after[0] = after;
    }
  else
    {
      Step *step = g_new0 (Step, 1);

      step->kind = STEP_SOURCE_ITEM;
      step->object = g_object_ref (G_OBJECT (source));
      step->other_id = g_strdup (key);
      step->before = strv_of (g_steal_pointer (&before));
      step->after = strv_of (after);
      push (self, step, TRUE);
    }
  NOTIFY_END (self);
  return TRUE;
}

/**
 * storyline_edit_history_add_source:
 * @type: its CSL item type
 * @title: its title
 *
 * Returns: (transfer none): a new source, last in the story
 */
StorylineSource *
storyline_edit_history_add_source (StorylineEditHistory *self,
                                   const char           *type,
                                   const char           *title)
{
  g_autoptr(StorylineSource) source = NULL;
  guint index;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), NULL);

  source = storyline_story_create_source (self->story, type, title);
  g_return_val_if_fail (source != NULL, NULL);
  index = storyline_story_get_sources (self->story)->len;
  storyline_story_insert_source (self->story, source, index);
  keep_object_step (self, STEP_INSERT_SOURCE, G_OBJECT (source), index,
                    g_strdupv ((char *[]) { (char *) type, (char *) title, NULL }));
  return source;
}

/**
 * storyline_edit_history_delete_source:
 *
 * Removes @source when nothing refers to it (see
 * storyline_story_can_remove_source()).
 *
 * Returns: whether it was removed; if not, @error says why
 */
gboolean
storyline_edit_history_delete_source (StorylineEditHistory  *self,
                                      StorylineSource       *source,
                                      GError               **error)
{
  guint index;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), FALSE);
  index = storyline_story_get_source_index (self->story, source);
  g_return_val_if_fail (index != G_MAXUINT, FALSE);
  if (!storyline_story_can_remove_source (self->story, source, error))
    return FALSE;

  g_object_ref (source);
  storyline_story_remove_source (self->story, source);
  keep_object_step (self, STEP_REMOVE_SOURCE, G_OBJECT (source), index, NULL);
  g_object_unref (source);
  return TRUE;
}

/**
 * storyline_edit_history_set_actor_field:
 * @value: (nullable): the new value
 *
 * An actor's field (see storyline_story_check_actor_field()).
 *
 * Returns: whether @value was right
 */
gboolean
storyline_edit_history_set_actor_field (StorylineEditHistory  *self,
                                        StorylineActor        *actor,
                                        StorylineActorField    field,
                                        const char            *value,
                                        GError               **error)
{
  char *before;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), FALSE);
  g_return_val_if_fail (STORYLINE_IS_ACTOR (actor), FALSE);

  if (!storyline_story_check_actor_field (self->story, actor, field, value, error))
    return FALSE;
  before = storyline_actor_dup_field (actor, field);
  storyline_story_set_actor_field (self->story, actor, field, value);
  keep_field_step (self, STEP_ACTOR_FIELD, G_OBJECT (actor), field, strv_of (before),
                   strv_of (storyline_actor_dup_field (actor, field)));
  return TRUE;
}

/**
 * storyline_edit_history_delete_actor:
 *
 * Removes @actor when nothing names it (see
 * storyline_story_can_remove_actor()).
 *
 * Returns: whether it was removed; if not, @error says why
 */
gboolean
storyline_edit_history_delete_actor (StorylineEditHistory  *self,
                                     StorylineActor        *actor,
                                     GError               **error)
{
  guint index;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), FALSE);
  index = storyline_story_get_actor_index (self->story, actor);
  g_return_val_if_fail (index != G_MAXUINT, FALSE);
  if (!storyline_story_can_remove_actor (self->story, actor, error))
    return FALSE;

  g_object_ref (actor);
  storyline_story_remove_actor (self->story, actor);
  keep_object_step (self, STEP_REMOVE_ACTOR, G_OBJECT (actor), index, NULL);
  g_object_unref (actor);
  return TRUE;
}

/**
 * storyline_edit_history_set_phase_field:
 * @value: (nullable): the new value
 *
 * A phase's field (see storyline_story_check_phase_field()).
 *
 * Returns: whether @value was right
 */
gboolean
storyline_edit_history_set_phase_field (StorylineEditHistory  *self,
                                        StorylinePhase        *phase,
                                        StorylinePhaseField    field,
                                        const char            *value,
                                        GError               **error)
{
  char *before;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), FALSE);
  g_return_val_if_fail (STORYLINE_IS_PHASE (phase), FALSE);

  if (!storyline_story_check_phase_field (self->story, phase, field, value, error))
    return FALSE;
  before = storyline_phase_dup_field (phase, field);
  storyline_story_set_phase_field (self->story, phase, field, value);
  keep_field_step (self, STEP_PHASE_FIELD, G_OBJECT (phase), field, strv_of (before),
                   strv_of (storyline_phase_dup_field (phase, field)));
  return TRUE;
}

/**
 * storyline_edit_history_add_phase:
 *
 * Returns: (transfer none): a new phase, last in the story
 */
StorylinePhase *
storyline_edit_history_add_phase (StorylineEditHistory *self,
                                  const char           *title,
                                  const StorylineDate  *start,
                                  const StorylineDate  *end)
{
  g_autoptr(StorylinePhase) phase = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  guint index;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), NULL);

  from = storyline_date_to_edtf (start);
  to = storyline_date_to_edtf (end);
  phase = storyline_story_create_phase (self->story, title, start, end);
  g_return_val_if_fail (phase != NULL, NULL);
  index = storyline_story_get_phases (self->story)->len;
  storyline_story_insert_phase (self->story, phase, index);
  keep_object_step (self, STEP_INSERT_PHASE, G_OBJECT (phase), index,
                    g_strdupv ((char *[]) { (char *) title, from, to, NULL }));
  return phase;
}

/**
 * storyline_edit_history_delete_phase:
 *
 * Removes @phase when no event is in it.
 *
 * Returns: whether it was removed; if not, @error says why
 */
gboolean
storyline_edit_history_delete_phase (StorylineEditHistory  *self,
                                     StorylinePhase        *phase,
                                     GError               **error)
{
  guint index;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), FALSE);
  index = storyline_story_get_phase_index (self->story, phase);
  g_return_val_if_fail (index != G_MAXUINT, FALSE);
  if (!storyline_story_can_remove_phase (self->story, phase, error))
    return FALSE;

  g_object_ref (phase);
  storyline_story_remove_phase (self->story, phase);
  keep_object_step (self, STEP_REMOVE_PHASE, G_OBJECT (phase), index, NULL);
  g_object_unref (phase);
  return TRUE;
}

static guint
find_left_out (StorylineStory         *story,
               const StorylineLeftOut *left_out)
{
  for (guint i = 0; i < storyline_story_get_n_left_out (story); i++)
    {
      const StorylineLeftOut *l = storyline_story_get_left_out (story, i);

      if (g_str_equal (l->collection, left_out->collection) && l->position == left_out->position)
        return i;
    }
  return G_MAXUINT;
}

/**
 * storyline_edit_history_put_back:
 * @index: the item Open Anyway left out (see
 *   storyline_story_get_left_out())
 * @text: its JSON, corrected
 *
 * Reads @text as the item (see storyline_story_read_item()) and, when it
 * is right, puts it into the story instead of the one left out.
 *
 * Returns: whether it was put back; if not, @error says where and why
 */
gboolean
storyline_edit_history_put_back (StorylineEditHistory  *self,
                                 guint                  index,
                                 const char            *text,
                                 GError               **error)
{
  const StorylineLeftOut *left_out;
  g_autoptr(GObject) item = NULL;
  Step *step;
  NOTIFY_BEGIN (self);

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), FALSE);
  left_out = storyline_story_get_left_out (self->story, index);
  g_return_val_if_fail (left_out != NULL, FALSE);

  item = storyline_story_read_item (self->story, left_out->collection, text, error);
  if (item == NULL)
    return FALSE;
  step = g_new0 (Step, 1);
  step->kind = STEP_PUT_BACK;
  step->object = g_object_ref (item);
  step->left_out = storyline_left_out_copy (left_out);
  step->after = g_strdupv ((char *[]) { (char *) text, NULL });
  storyline_story_put_back (self->story, index, item);
  push (self, step, FALSE);
  NOTIFY_END (self);
  return TRUE;
}

/**
 * storyline_edit_history_end_step:
 *
 * The next change is a step of its own, even in the field changed last.
 */
void
storyline_edit_history_end_step (StorylineEditHistory *self)
{
  g_return_if_fail (STORYLINE_IS_EDIT_HISTORY (self));
  self->step_open = FALSE;
}

gboolean
storyline_edit_history_can_undo (StorylineEditHistory *self)
{
  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
storyline_edit_history_can_redo (StorylineEditHistory *self)
{
  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

/* Does @step (@forward) or its opposite. */
static void
apply (StorylineEditHistory *self,
       Step                 *step,
       gboolean              forward)
{
  char **value = forward ? step->after : step->before;

  switch (step->kind)
    {
    case STEP_EVENT_FIELD:
      storyline_story_set_event_field (self->story, step->event, step->field, (const char * const *) value);
      break;
    case STEP_STORY_FIELD:
      storyline_story_set_field (self->story, step->field, value ? value[0] : NULL);
      break;
    case STEP_INSERT_ACTOR:
      if (forward)
        storyline_story_insert_actor (self->story, step->actor);
      else
        storyline_story_remove_actor (self->story, step->actor);
      break;
    case STEP_INSERT_EVENT:
    case STEP_REMOVE_EVENT:
      if (forward == (step->kind == STEP_INSERT_EVENT))
        storyline_story_insert_event (self->story, step->event, step->index);
      else
        storyline_story_remove_event (self->story, step->event);
      break;
    case STEP_QUOTE_FIELD:
      storyline_story_set_quote_field (self->story, STORYLINE_QUOTE (step->object), step->field, value[0]);
      break;
    case STEP_RENDITION_FIELD:
      storyline_story_set_rendition_field (self->story, STORYLINE_RENDITION (step->object), step->field, value[0]);
      break;
    case STEP_INSERT_QUOTE:
    case STEP_REMOVE_QUOTE:
      if (forward == (step->kind == STEP_INSERT_QUOTE))
        storyline_story_insert_quote (self->story, STORYLINE_QUOTE (step->object), step->index);
      else
        storyline_story_remove_quote (self->story, STORYLINE_QUOTE (step->object));
      break;
    case STEP_PUT_BACK:
      if (forward)
        storyline_story_put_back (self->story, find_left_out (self->story, step->left_out), step->object);
      else
        storyline_story_take_back (self->story, step->object, step->left_out);
      break;
    case STEP_ACTOR_FIELD:
      storyline_story_set_actor_field (self->story, STORYLINE_ACTOR (step->object), step->field, value[0]);
      break;
    case STEP_REMOVE_ACTOR:
      if (forward)
        storyline_story_remove_actor (self->story, STORYLINE_ACTOR (step->object));
      else
        storyline_story_insert_actor_at (self->story, STORYLINE_ACTOR (step->object), step->index);
      break;
    case STEP_PHASE_FIELD:
      storyline_story_set_phase_field (self->story, STORYLINE_PHASE (step->object), step->field, value[0]);
      break;
    case STEP_INSERT_PHASE:
    case STEP_REMOVE_PHASE:
      if (forward == (step->kind == STEP_INSERT_PHASE))
        storyline_story_insert_phase (self->story, STORYLINE_PHASE (step->object), step->index);
      else
        storyline_story_remove_phase (self->story, STORYLINE_PHASE (step->object));
      break;
    case STEP_SOURCE_ITEM:
      {
        g_autoptr(JsonObject) item = parse_item (value[0]);
        storyline_story_set_source_item (self->story, STORYLINE_SOURCE (step->object), item);
      }
      break;
    case STEP_INSERT_SOURCE:
    case STEP_REMOVE_SOURCE:
      if (forward == (step->kind == STEP_INSERT_SOURCE))
        storyline_story_insert_source (self->story, STORYLINE_SOURCE (step->object), step->index);
      else
        storyline_story_remove_source (self->story, STORYLINE_SOURCE (step->object));
      break;
    case STEP_INSERT_RENDITION:
    case STEP_REMOVE_RENDITION:
      {
        StorylineRendition *rendition = STORYLINE_RENDITION (step->object);

        if (forward == (step->kind == STEP_INSERT_RENDITION))
          storyline_story_insert_rendition (self->story, storyline_rendition_get_quote (rendition), rendition, step->index);
        else
          storyline_story_remove_rendition (self->story, rendition);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The event a step was about, when it is in the story after it. */
static StorylineEvent *
shown_event (StorylineEditHistory *self,
             Step                 *step)
{
  StorylineEvent *event = step->event;

  if (STORYLINE_IS_EVENT (step->object))
    event = STORYLINE_EVENT (step->object);
  else if (STORYLINE_IS_RENDITION (step->object))
    event = storyline_quote_get_event (storyline_rendition_get_quote (STORYLINE_RENDITION (step->object)));
  else if (STORYLINE_IS_QUOTE (step->object))
    event = storyline_quote_get_event (STORYLINE_QUOTE (step->object));
  if (event != NULL && storyline_story_lookup_event (self->story, storyline_event_get_id (event)) == event)
    return event;
  return NULL;
}

/**
 * storyline_edit_history_undo:
 *
 * Undoes the last step.
 *
 * Returns: (transfer none) (nullable): the event the step changed, when
 *   it is still in the story, to show
 */
StorylineEvent *
storyline_edit_history_undo (StorylineEditHistory *self)
{
  Step *step;
  NOTIFY_BEGIN (self);

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), NULL);

  if (self->undo->len == 0)
    return NULL;
  do
    {
      step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
      apply (self, step, FALSE);
      g_ptr_array_add (self->redo, step);
    }
  while (step->group != 0 && self->undo->len > 0 &&
         ((Step *) self->undo->pdata[self->undo->len - 1])->group == step->group);
  self->step_open = FALSE;
  NOTIFY_END (self);
  return shown_event (self, step);
}

/**
 * storyline_edit_history_redo:
 *
 * Does again the last step undone.
 *
 * Returns: (transfer none) (nullable): the event the step changed, when
 *   it is in the story, to show
 */
StorylineEvent *
storyline_edit_history_redo (StorylineEditHistory *self)
{
  Step *step;
  NOTIFY_BEGIN (self);

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), NULL);

  if (self->redo->len == 0)
    return NULL;
  do
    {
      step = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
      apply (self, step, TRUE);
      g_ptr_array_add (self->undo, step);
    }
  while (step->group != 0 && self->redo->len > 0 &&
         ((Step *) self->redo->pdata[self->redo->len - 1])->group == step->group);
  self->step_open = FALSE;
  NOTIFY_END (self);
  return shown_event (self, step);
}

/**
 * storyline_edit_history_get_modified:
 *
 * Returns: whether the story differs from when it was last saved
 */
gboolean
storyline_edit_history_get_modified (StorylineEditHistory *self)
{
  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), FALSE);
  return self->saved_at != self->undo->len;
}

/**
 * storyline_edit_history_set_saved:
 *
 * The story as it is now is the one saved.
 */
void
storyline_edit_history_set_saved (StorylineEditHistory *self)
{
  NOTIFY_BEGIN (self);

  g_return_if_fail (STORYLINE_IS_EDIT_HISTORY (self));
  self->saved_at = self->undo->len;
  self->step_open = FALSE;
  NOTIFY_END (self);
}

/**
 * storyline_edit_history_set_unsaved:
 *
 * No state of the story is saved: a new story, or one restored from a
 * recovery file.
 */
void
storyline_edit_history_set_unsaved (StorylineEditHistory *self)
{
  NOTIFY_BEGIN (self);

  g_return_if_fail (STORYLINE_IS_EDIT_HISTORY (self));
  self->saved_at = G_MAXUINT;
  NOTIFY_END (self);
}


/* The recovery journal: the steps done since the story was opened, by
 * ids, to be done again on the story as opened. A few hundred bytes a
 * step, however large the story: written every few seconds without a
 * pause. */

static const char * const event_fields[] = {
  "title", "date", "place", "type", "summary", "tags", "actors", "phase", "sources", "related", "notes", NULL
};
static const char * const story_fields[] = { "title", "subtitle", "summary", "publisher", "url", NULL };

static JsonNode *
strv_node (char **value)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; value != NULL && value[i] != NULL; i++)
    json_array_add_string_element (array, value[i]);
  json_node_take_array (node, array);
  return node;
}

/**
 * storyline_edit_history_dup_journal:
 *
 * Returns: (transfer full): the steps done, as a JSON array, to give to
 *   storyline_edit_history_replay() on the story as it was opened
 */
JsonNode *
storyline_edit_history_dup_journal (StorylineEditHistory *self)
{
  JsonArray *steps = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), NULL);

  for (guint i = 0; i < self->undo->len; i++)
    {
      Step *step = self->undo->pdata[i];
      JsonObject *o = json_object_new ();

      switch (step->kind)
        {
        case STEP_EVENT_FIELD:
          json_object_set_string_member (o, "do", "set");
          json_object_set_string_member (o, "event", storyline_event_get_id (step->event));
          json_object_set_string_member (o, "field", event_fields[step->field]);
          json_object_set_member (o, "value", strv_node (step->after));
          break;
        case STEP_STORY_FIELD:
          json_object_set_string_member (o, "do", "story");
          json_object_set_string_member (o, "field", story_fields[step->field]);
          json_object_set_member (o, "value", strv_node (step->after));
          break;
        case STEP_INSERT_EVENT:
          json_object_set_string_member (o, "do", step->duplicate ? "duplicate" : "add");
          json_object_set_string_member (o, step->duplicate ? "event" : "after", step->other_id);
          if (!step->duplicate)
            {
              json_object_set_string_member (o, "title", step->after[0]);
              json_object_set_string_member (o, "date", step->after[1]);
            }
          json_object_set_string_member (o, "id", storyline_event_get_id (step->event));
          break;
        case STEP_INSERT_ACTOR:
          json_object_set_string_member (o, "do", "add-actor");
          json_object_set_string_member (o, "name", step->after[0]);
          json_object_set_string_member (o, "kind", step->after[1]);
          json_object_set_string_member (o, "id", storyline_actor_get_id (step->actor));
          break;
        case STEP_REMOVE_EVENT:
          json_object_set_string_member (o, "do", "delete");
          json_object_set_string_member (o, "event", storyline_event_get_id (step->event));
          break;
        case STEP_QUOTE_FIELD:
          json_object_set_string_member (o, "do", "quote");
          json_object_set_string_member (o, "quote", storyline_quote_get_id (STORYLINE_QUOTE (step->object)));
          json_object_set_string_member (o, "field", storyline_quote_field_names ()[step->field]);
          json_object_set_member (o, "value", strv_node (step->after));
          break;
        case STEP_RENDITION_FIELD:
          json_object_set_string_member (o, "do", "rendition");
          json_object_set_string_member (o, "quote", storyline_quote_get_id (storyline_rendition_get_quote (STORYLINE_RENDITION (step->object))));
          json_object_set_int_member (o, "rendition", step->index);
          json_object_set_string_member (o, "field", storyline_rendition_field_names ()[step->field]);
          json_object_set_member (o, "value", strv_node (step->after));
          break;
        case STEP_INSERT_QUOTE:
          json_object_set_string_member (o, "do", "add-quote");
          json_object_set_string_member (o, "event", step->after[0]);
          json_object_set_string_member (o, "speaker", step->after[1]);
          json_object_set_string_member (o, "text", step->after[2]);
          json_object_set_string_member (o, "id", storyline_quote_get_id (STORYLINE_QUOTE (step->object)));
          break;
        case STEP_REMOVE_QUOTE:
          json_object_set_string_member (o, "do", "delete-quote");
          json_object_set_string_member (o, "quote", storyline_quote_get_id (STORYLINE_QUOTE (step->object)));
          break;
        case STEP_PUT_BACK:
          json_object_set_string_member (o, "do", "put-back");
          json_object_set_string_member (o, "collection", step->left_out->collection);
          json_object_set_int_member (o, "position", step->left_out->position);
          json_object_set_string_member (o, "text", step->after[0]);
          break;
        case STEP_ACTOR_FIELD:
          json_object_set_string_member (o, "do", "actor");
          json_object_set_string_member (o, "actor", storyline_actor_get_id (STORYLINE_ACTOR (step->object)));
          json_object_set_string_member (o, "field", storyline_actor_field_names ()[step->field]);
          json_object_set_member (o, "value", strv_node (step->after));
          break;
        case STEP_REMOVE_ACTOR:
          json_object_set_string_member (o, "do", "delete-actor");
          json_object_set_string_member (o, "actor", storyline_actor_get_id (STORYLINE_ACTOR (step->object)));
          break;
        case STEP_PHASE_FIELD:
          json_object_set_string_member (o, "do", "phase");
          json_object_set_string_member (o, "phase", storyline_phase_get_id (STORYLINE_PHASE (step->object)));
          json_object_set_string_member (o, "field", storyline_phase_field_names ()[step->field]);
          json_object_set_member (o, "value", strv_node (step->after));
          break;
        case STEP_INSERT_PHASE:
          json_object_set_string_member (o, "do", "add-phase");
          json_object_set_string_member (o, "title", step->after[0]);
          json_object_set_string_member (o, "start", step->after[1]);
          json_object_set_string_member (o, "end", step->after[2]);
          json_object_set_string_member (o, "id", storyline_phase_get_id (STORYLINE_PHASE (step->object)));
          break;
        case STEP_REMOVE_PHASE:
          json_object_set_string_member (o, "do", "delete-phase");
          json_object_set_string_member (o, "phase", storyline_phase_get_id (STORYLINE_PHASE (step->object)));
          break;
        case STEP_SOURCE_ITEM:
          json_object_set_string_member (o, "do", "source");
          json_object_set_string_member (o, "source", storyline_source_get_id (STORYLINE_SOURCE (step->object)));
          json_object_set_string_member (o, "key", step->other_id);
          json_object_set_object_member (o, "item", parse_item (step->after[0]));
          break;
        case STEP_INSERT_SOURCE:
          json_object_set_string_member (o, "do", "add-source");
          json_object_set_string_member (o, "type", step->after[0]);
          json_object_set_string_member (o, "title", step->after[1]);
          json_object_set_string_member (o, "id", storyline_source_get_id (STORYLINE_SOURCE (step->object)));
          break;
        case STEP_REMOVE_SOURCE:
          json_object_set_string_member (o, "do", "delete-source");
          json_object_set_string_member (o, "source", storyline_source_get_id (STORYLINE_SOURCE (step->object)));
          break;
        case STEP_INSERT_RENDITION:
        case STEP_REMOVE_RENDITION:
          json_object_set_string_member (o, "do", step->kind == STEP_INSERT_RENDITION ? "add-rendition" : "delete-rendition");
          json_object_set_string_member (o, "quote", storyline_quote_get_id (storyline_rendition_get_quote (STORYLINE_RENDITION (step->object))));
          json_object_set_int_member (o, "rendition", step->index);
          if (step->kind == STEP_INSERT_RENDITION)
            {
              json_object_set_string_member (o, "source", step->after[0]);
              json_object_set_string_member (o, "text", step->after[1]);
            }
          break;
        default:
          g_assert_not_reached ();
        }
      json_array_add_object_element (steps, o);
    }
  json_node_take_array (node, steps);
  return node;
}

static int
word_index (const char * const *words,
            const char         *word)
{
  for (int i = 0; word != NULL && words[i] != NULL; i++)
    if (g_str_equal (words[i], word))
      return i;
  return -1;
}

static char **
node_strv (JsonNode *node)
{
  GPtrArray *strings = g_ptr_array_new ();
  JsonArray *array = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
        g_ptr_array_add (strings, g_strdup (json_node_get_string (e)));
    }
  g_ptr_array_add (strings, NULL);
  return (char **) g_ptr_array_free (strings, FALSE);
}

static gboolean
replay_failed (GError     **error,
               const char  *what)
{
  g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
               /* Translators: %s is the kind of edit, such as add-rendition */
               _("a “%s” edit that cannot be made again"), what);
  return FALSE;
}

/* The steps of quotes and renditions: "quote", "rendition", "add-quote",
 * "delete-quote", "add-rendition" and "delete-rendition". */
static gboolean
replay_quote_step (StorylineEditHistory  *self,
                   const char            *what,
                   JsonObject            *o,
                   GError               **error)
{
  const char *quote_id = json_object_get_string_member_with_default (o, "quote", "");
  StorylineQuote *quote = storyline_story_lookup_quote (self->story, quote_id);
  gint64 index = json_object_get_int_member_with_default (o, "rendition", -1);
  StorylineRendition *rendition = NULL;
  g_auto(GStrv) value = node_strv (json_object_get_member (o, "value"));
  const char *field = json_object_get_string_member_with_default (o, "field", NULL);

  if (g_str_equal (what, "add-quote"))
    {
      const char *event_id = json_object_get_string_member_with_default (o, "event", "");
      StorylineEvent *event = *event_id ? storyline_story_lookup_event (self->story, event_id) : NULL;
      StorylineActor *speaker = storyline_story_lookup_actor (self->story, json_object_get_string_member_with_default (o, "speaker", ""));
      const char *text = json_object_get_string_member_with_default (o, "text", "");

      if ((*event_id && event == NULL) || speaker == NULL || storyline_is_blank (text))
        return replay_failed (error, what);
      quote = storyline_edit_history_add_quote (self, event, speaker, text);
      if (g_strcmp0 (storyline_quote_get_id (quote), json_object_get_string_member_with_default (o, "id", NULL)) != 0)
        return replay_failed (error, what);
      return TRUE;
    }

  if (quote == NULL)
    {
      g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                   _("there is no quote “%s”"), quote_id);
      return FALSE;
    }
  if (index >= 0 && index < storyline_quote_get_n_renditions (quote))
    rendition = storyline_quote_get_rendition (quote, index);

  if (g_str_equal (what, "quote"))
    {
      int f = word_index (storyline_quote_field_names (), field);

      if (f < 0)
        return replay_failed (error, what);
      return storyline_edit_history_set_quote_field (self, quote, f, value[0], error);
    }
  if (g_str_equal (what, "rendition"))
    {
      int f = word_index (storyline_rendition_field_names (), field);

      if (f < 0 || rendition == NULL)
        return replay_failed (error, what);
      return storyline_edit_history_set_rendition_field (self, rendition, f, value[0], error);
    }
  if (g_str_equal (what, "delete-quote"))
    {
      storyline_edit_history_delete_quote (self, quote);
      return TRUE;
    }
  if (g_str_equal (what, "add-rendition"))
    {
      StorylineSource *source = storyline_story_lookup_source (self->story, json_object_get_string_member_with_default (o, "source", ""));
      const char *text = json_object_get_string_member_with_default (o, "text", "");

      if (source == NULL || storyline_is_blank (text) || index != storyline_quote_get_n_renditions (quote))
        return replay_failed (error, what);
      storyline_edit_history_add_rendition (self, quote, source, text);
      return TRUE;
    }
  if (g_str_equal (what, "delete-rendition") && rendition != NULL)
    {
      storyline_edit_history_delete_rendition (self, rendition);
      return TRUE;
    }
  return replay_failed (error, what);
}

/* "actor", "delete-actor", "phase", "add-phase" and "delete-phase". */
static gboolean
replay_cast_step (StorylineEditHistory  *self,
                  const char            *what,
                  JsonObject            *o,
                  GError               **error)
{
  g_auto(GStrv) value = node_strv (json_object_get_member (o, "value"));
  const char *field = json_object_get_string_member_with_default (o, "field", NULL);

  if (g_str_equal (what, "add-phase"))
    {
      StorylineDate start, end;
      const char *title = json_object_get_string_member_with_default (o, "title", "");
      StorylinePhase *phase;

      if (storyline_is_blank (title) ||
          !storyline_date_parse (json_object_get_string_member_with_default (o, "start", ""), &start, NULL) ||
          !storyline_date_parse (json_object_get_string_member_with_default (o, "end", ""), &end, NULL))
        return replay_failed (error, what);
      phase = storyline_edit_history_add_phase (self, title, &start, &end);
      if (g_strcmp0 (storyline_phase_get_id (phase), json_object_get_string_member_with_default (o, "id", NULL)) != 0)
        return replay_failed (error, what);
      return TRUE;
    }
  if (g_str_has_suffix (what, "phase"))
    {
      StorylinePhase *phase = storyline_story_lookup_phase (self->story, json_object_get_string_member_with_default (o, "phase", ""));
      int f = word_index (storyline_phase_field_names (), field);

      if (phase == NULL)
        return replay_failed (error, what);
      if (g_str_equal (what, "delete-phase"))
        return storyline_edit_history_delete_phase (self, phase, error);
      if (f < 0)
        return replay_failed (error, what);
      return storyline_edit_history_set_phase_field (self, phase, f, value[0], error);
    }
  {
    StorylineActor *actor = storyline_story_lookup_actor (self->story, json_object_get_string_member_with_default (o, "actor", ""));
    int f = word_index (storyline_actor_field_names (), field);

    if (actor == NULL)
      return replay_failed (error, what);
    if (g_str_equal (what, "delete-actor"))
      return storyline_edit_history_delete_actor (self, actor, error);
    if (f < 0)
      return replay_failed (error, what);
    return storyline_edit_history_set_actor_field (self, actor, f, value[0], error);
  }
}

/* "source", "add-source" and "delete-source". */
static gboolean
replay_source_step (StorylineEditHistory  *self,
                    const char            *what,
                    JsonObject            *o,
                    GError               **error)
{
  const char *id = json_object_get_string_member_with_default (o, "source", "");
  StorylineSource *source = storyline_story_lookup_source (self->story, id);

  if (g_str_equal (what, "add-source"))
    {
      const char *title = json_object_get_string_member_with_default (o, "title", "");

      if (storyline_is_blank (title))
        return replay_failed (error, what);
      source = storyline_edit_history_add_source (self, json_object_get_string_member_with_default (o, "type", "webpage"), title);
      if (source == NULL || g_strcmp0 (storyline_source_get_id (source), json_object_get_string_member_with_default (o, "id", NULL)) != 0)
        return replay_failed (error, what);
      return TRUE;
    }
  if (source == NULL)
    {
      g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID, _("there is no source “%s”"), id);
      return FALSE;
    }
  if (g_str_equal (what, "delete-source"))
    return storyline_edit_history_delete_source (self, source, error);
  if (g_str_equal (what, "source"))
    {
      JsonNode *item = json_object_get_member (o, "item");

      if (item == NULL || !JSON_NODE_HOLDS_OBJECT (item))
        return replay_failed (error, what);
      return storyline_edit_history_set_source_item (self, source, json_object_get_string_member_with_default (o, "key", NULL),
                                                     json_node_get_object (item), error);
    }
  return replay_failed (error, what);
}

static gboolean
replay_step (StorylineEditHistory  *self,
             JsonObject            *o,
             GError               **error)
{
  const char *what = json_object_get_string_member_with_default (o, "do", "");
  const char *id = json_object_get_string_member_with_default (o, "event", NULL);
  StorylineEvent *event = id ? storyline_story_lookup_event (self->story, id) : NULL;
  g_auto(GStrv) value = node_strv (json_object_get_member (o, "value"));

  if (g_str_equal (what, "set") || g_str_equal (what, "duplicate") || g_str_equal (what, "delete"))
    if (event == NULL)
      {
        g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                     _("there is no event “%s”"), id ? id : "");
        return FALSE;
      }

  if (g_str_equal (what, "set"))
    {
      int field = word_index (event_fields, json_object_get_string_member_with_default (o, "field", NULL));

      if (field < 0)
        {
          g_set_error_literal (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID, _("a field Storyline does not know"));
          return FALSE;
        }
      if (!storyline_edit_history_set_event_field (self, event, field, (const char * const *) value, error))
        return FALSE;
    }
  else if (g_str_equal (what, "story"))
    {
      int field = word_index (story_fields, json_object_get_string_member_with_default (o, "field", NULL));

      if (field < 0)
        {
          g_set_error_literal (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID, _("a field Storyline does not know"));
          return FALSE;
        }
      if (!storyline_edit_history_set_story_field (self, field, value[0], error))
        return FALSE;
    }
  else if (g_str_equal (what, "add"))
    {
      const char *after_id = json_object_get_string_member_with_default (o, "after", NULL);
      StorylineEvent *after = after_id ? storyline_story_lookup_event (self->story, after_id) : NULL;
      const char *title = json_object_get_string_member_with_default (o, "title", "");
      StorylineDate date;

      if ((after_id != NULL && after == NULL) || *title == '\0' ||
          !storyline_date_parse (json_object_get_string_member_with_default (o, "date", ""), &date, NULL))
        {
          g_set_error_literal (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID, _("an added event that cannot be added again"));
          return FALSE;
        }
      event = storyline_edit_history_add_event (self, after, title, &date);
    }
  else if (g_str_equal (what, "duplicate"))
    event = storyline_edit_history_duplicate_event (self, event);
  else if (g_str_equal (what, "delete"))
    {
      if (!storyline_edit_history_delete_event (self, event, error))
        return FALSE;
    }
  else if (g_str_equal (what, "add-actor"))
    {
      const char *name = json_object_get_string_member_with_default (o, "name", "");
      StorylineActorKind kind = STORYLINE_ACTOR_PERSON;
      StorylineActor *actor;

      for (guint k = STORYLINE_ACTOR_ORGANIZATION; k <= STORYLINE_ACTOR_GROUP; k++)
        if (g_strcmp0 (storyline_actor_kind_to_string (k), json_object_get_string_member_with_default (o, "kind", "")) == 0)
          kind = k;
      if (*name == '\0')
        {
          g_set_error_literal (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID, _("an actor without a name"));
          return FALSE;
        }
      actor = storyline_edit_history_add_actor (self, name, kind);
      if (g_strcmp0 (storyline_actor_get_id (actor), json_object_get_string_member_with_default (o, "id", NULL)) != 0)
        {
          g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                       _("the actor added is not “%s”"), json_object_get_string_member_with_default (o, "id", ""));
          return FALSE;
        }
    }
  else if (g_str_equal (what, "put-back"))
    {
      StorylineLeftOut key = {
        .collection = (char *) json_object_get_string_member_with_default (o, "collection", ""),
        .position = json_object_get_int_member_with_default (o, "position", -1),
      };
      guint index = find_left_out (self->story, &key);

      if (index == G_MAXUINT)
        return replay_failed (error, what);
      if (!storyline_edit_history_put_back (self, index, json_object_get_string_member_with_default (o, "text", ""), error))
        return FALSE;
    }
  else if (g_str_has_suffix (what, "phase") || g_str_equal (what, "actor") || g_str_equal (what, "delete-actor"))
    {
      if (!replay_cast_step (self, what, o, error))
        return FALSE;
    }
  else if (g_str_has_suffix (what, "source"))
    {
      if (!replay_source_step (self, what, o, error))
        return FALSE;
    }
  else if (g_str_has_suffix (what, "quote") || g_str_has_suffix (what, "rendition"))
    {
      if (!replay_quote_step (self, what, o, error))
        return FALSE;
    }
  else
    {
      g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID, _("a kind of edit Storyline does not know, “%s”"), what);
      return FALSE;
    }
  /* Later steps name the event it made by its id: the same one. */
  if ((g_str_equal (what, "add") || g_str_equal (what, "duplicate")) &&
      g_strcmp0 (storyline_event_get_id (event), json_object_get_string_member_with_default (o, "id", NULL)) != 0)
    {
      g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                   _("the event added is not “%s”"), json_object_get_string_member_with_default (o, "id", ""));
      return FALSE;
    }
  storyline_edit_history_end_step (self);
  return TRUE;
}

/**
 * storyline_edit_history_replay:
 * @journal: a journal from storyline_edit_history_dup_journal()
 *
 * Does the steps of @journal again, on the story as it was when they were
 * first done; each is a step of this history, to undo. Stops at the first
 * that cannot be done (the file changed since, say).
 *
 * Returns: whether every step was done; if not, @error says which and why
 */
gboolean
storyline_edit_history_replay (StorylineEditHistory  *self,
                               JsonNode              *journal,
                               GError               **error)
{
  JsonArray *steps;

  g_return_val_if_fail (STORYLINE_IS_EDIT_HISTORY (self), FALSE);

  if (journal == NULL || !JSON_NODE_HOLDS_ARRAY (journal))
    {
      g_set_error_literal (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID, _("not a list of edits"));
      return FALSE;
    }
  steps = json_node_get_array (journal);
  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonNode *node = json_array_get_element (steps, i);
      g_autoptr(GError) local_error = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node) || !replay_step (self, json_node_get_object (node), &local_error))
        {
          g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                       /* Translators: the edit that could not be made again, of how many, and why */
                       _("edit %u of %u: %s"), i + 1, json_array_get_length (steps),
                       local_error ? local_error->message : _("not an edit"));
          return FALSE;
        }
    }
  return TRUE;
}
