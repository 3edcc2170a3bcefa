/* storyline-quote-edit.c: changing a story's quotes and their renditions
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "storyline-model-private.h"
#include "storyline-quote-edit.h"

/* As for events (storyline-story-edit.c): every value is checked by the
 * loader's rules before it reaches the story, and what an edit replaces
 * is kept while the story lives (storyline_story_retire()), because a
 * search folding the quotes' text on a worker thread may be reading it.
 * A quote's renditions are a new array after each insertion or removal
 * for the same reason. Every change emits #StorylineStory::quote-changed. */

static const char * const quote_fields[] = {
  "text", "speaker", "event", "said", "origin", "kind", "language", NULL
};
static const char * const rendition_fields[] = {
  "source", "text", "locator", "prefix", "suffix", "note", NULL
};

/**
 * storyline_quote_field_names:
 *
 * Returns: (transfer none): the format's names of the quote fields, in
 *   the order of #StorylineQuoteField
 */
const char * const *
storyline_quote_field_names (void)
{
  return quote_fields;
}

/**
 * storyline_rendition_field_names:
 *
 * Returns: (transfer none): the format's names of the rendition fields,
 *   in the order of #StorylineRenditionField
 */
const char * const *
storyline_rendition_field_names (void)
{
  return rendition_fields;
}

static char *
dup_or_null (const char *text)
{
  return storyline_is_blank (text) ? NULL : g_strdup (text);
}

/**
 * storyline_quote_dup_field:
 *
 * Returns: (transfer full) (nullable): the value of @field in @quote, as
 *   storyline_story_set_quote_field() takes it
 */
char *
storyline_quote_dup_field (StorylineQuote      *quote,
                           StorylineQuoteField  field)
{
  g_return_val_if_fail (STORYLINE_IS_QUOTE (quote), NULL);

  switch (field)
    {
    case STORYLINE_QUOTE_FIELD_TEXT:
      return g_strdup (quote->text);
    case STORYLINE_QUOTE_FIELD_SPEAKER:
      return quote->speaker ? g_strdup (quote->speaker->id) : NULL;
    case STORYLINE_QUOTE_FIELD_EVENT:
      return quote->event ? g_strdup (quote->event->id) : NULL;
    case STORYLINE_QUOTE_FIELD_SAID:
      return storyline_date_is_set (&quote->said) ? storyline_date_to_edtf (&quote->said) : NULL;
    case STORYLINE_QUOTE_FIELD_ORIGIN:
      return quote->origin ? g_strdup (quote->origin->id) : NULL;
    case STORYLINE_QUOTE_FIELD_KIND:
      return g_strdup (storyline_quote_kind_to_string (quote->kind));
    case STORYLINE_QUOTE_FIELD_LANGUAGE:
      return g_strdup (quote->language);
    case STORYLINE_QUOTE_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static int
kind_of (const char *word)
{
  for (int k = STORYLINE_QUOTE_STATEMENT; k <= STORYLINE_QUOTE_TRANSLATED; k++)
    if (g_strcmp0 (storyline_quote_kind_to_string (k), word) == 0)
      return k;
  return -1;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_source (StorylineStory  *self,
              const char      *id,
              GError         **error)
{
  if (storyline_story_lookup_source (self, id) == NULL)
    {
      g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                   _("There is no source with the id “%s”."), id);
      return FALSE;
    }
  return TRUE;
}

/**
 * storyline_story_check_quote_field:
 * @value: (nullable): the value, %NULL or blank to leave the field out
 *
 * Checks @value for @field by the loader's rules; the error's message is
 * a sentence to show at the field.
 */
gboolean
storyline_story_check_quote_field (StorylineStory       *self,
                                   StorylineQuoteField   field,
                                   const char           *value,
                                   GError              **error)
{
  gboolean blank = storyline_is_blank (value);

  g_return_val_if_fail (STORYLINE_IS_STORY (self), FALSE);

  switch (field)
    {
    case STORYLINE_QUOTE_FIELD_TEXT:
      return !blank || invalid (error, _("A quote needs the words as they were issued."));

    case STORYLINE_QUOTE_FIELD_SPEAKER:
      if (blank)
        return invalid (error, _("A quote needs a speaker."));
      if (storyline_story_lookup_actor (self, value) == NULL)
        {
          g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                       _("There is no actor with the id “%s”."), value);
          return FALSE;
        }
      return TRUE;

    case STORYLINE_QUOTE_FIELD_EVENT:
      if (!blank && storyline_story_lookup_event (self, value) == NULL)
        {
          g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                       _("There is no event with the id “%s”."), value);
          return FALSE;
        }
      return TRUE;

    case STORYLINE_QUOTE_FIELD_SAID:
      {
        StorylineDate date;
        g_autoptr(GError) local_error = NULL;

        if (!blank && !storyline_date_parse (value, &date, &local_error))
          {
            g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                         _("Not a date: %s"), local_error->message);
            return FALSE;
          }
        return TRUE;
      }

    case STORYLINE_QUOTE_FIELD_ORIGIN:
      return blank || check_source (self, value, error);

    case STORYLINE_QUOTE_FIELD_KIND:
      if (!blank && kind_of (value) < 0)
        {
          g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                       _("“%s” is not a kind of quote: statement, spoken, written or translated."), value);
          return FALSE;
        }
      return TRUE;

    case STORYLINE_QUOTE_FIELD_LANGUAGE:
      return TRUE;

    case STORYLINE_QUOTE_N_FIELDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Takes @quote from its event's quotes, or puts it there in the order
 * of the story's quotes. */
static void
unlink_quote (StorylineQuote *quote)
{
  GPtrArray *quotes = quote->event ? STORYLINE_EVENT_EXTRA (quote->event, quotes) : NULL;

  if (quotes != NULL)
    g_ptr_array_remove (quotes, quote);
}

static void
link_quote (StorylineStory *self,
            StorylineQuote *quote)
{
  StorylineEventExtras *extras;
  guint index, i = 0;

  if (quote->event == NULL)
    return;
  extras = storyline_event_ensure_extras (quote->event);
  if (extras->quotes == NULL)
    extras->quotes = g_ptr_array_new ();
  if (g_ptr_array_find (extras->quotes, quote, NULL))
    return;
  index = storyline_story_get_quote_index (self, quote);
  while (i < extras->quotes->len && storyline_story_get_quote_index (self, extras->quotes->pdata[i]) < index)
    i++;
  g_ptr_array_insert (extras->quotes, i, quote);
}

static void
replace_text (StorylineStory  *self,
              char           **slot,
              const char      *value)
{
  storyline_story_retire (self, *slot, g_free);
  *slot = dup_or_null (value);
}

/**
 * storyline_story_set_quote_field:
 * @value: (nullable): the value, checked with
 *   storyline_story_check_quote_field()
 *
 * Changes @field of @quote and emits #StorylineStory::quote-changed.
 */
void
storyline_story_set_quote_field (StorylineStory      *self,
                                 StorylineQuote      *quote,
                                 StorylineQuoteField  field,
                                 const char          *value)
{
  StorylineEvent *left = NULL;
  gboolean blank = storyline_is_blank (value);
  gboolean in_story;

  g_return_if_fail (STORYLINE_IS_STORY (self));
  g_return_if_fail (STORYLINE_IS_QUOTE (quote));
  g_return_if_fail (storyline_story_check_quote_field (self, field, value, NULL));

  in_story = storyline_story_lookup_quote (self, quote->id) == quote;
  switch (field)
    {
    case STORYLINE_QUOTE_FIELD_TEXT:
      storyline_story_retire (self, quote->text, g_free);
      quote->text = g_strdup (value);
      break;
    case STORYLINE_QUOTE_FIELD_SPEAKER:
      quote->speaker = storyline_story_lookup_actor (self, value);
      break;
    case STORYLINE_QUOTE_FIELD_EVENT:
      {
        StorylineEvent *event = blank ? NULL : storyline_story_lookup_event (self, value);

        if (event == quote->event)
          break;
        left = quote->event;
        if (in_story)
          unlink_quote (quote);
        quote->event = event;
        if (in_story)
          link_quote (self, quote);
      }
      break;
    case STORYLINE_QUOTE_FIELD_SAID:
      if (blank)
        memset (&quote->said, 0, sizeof quote->said);
      else
        storyline_date_parse (value, &quote->said, NULL);
      break;
    case STORYLINE_QUOTE_FIELD_ORIGIN:
      quote->origin = blank ? NULL : storyline_story_lookup_source (self, value);
      break;
    case STORYLINE_QUOTE_FIELD_KIND:
      quote->kind = blank ? STORYLINE_QUOTE_STATEMENT : kind_of (value);
      break;
    case STORYLINE_QUOTE_FIELD_LANGUAGE:
      replace_text (self, &quote->language, value);
      break;
    case STORYLINE_QUOTE_N_FIELDS:
    default:
      g_return_if_reached ();
    }

  g_signal_emit_by_name (self, "quote-changed", quote, left);
}

/**
 * storyline_rendition_dup_field:
 *
 * Returns: (transfer full) (nullable): the value of @field in
 *   @rendition, as storyline_story_set_rendition_field() takes it
 */
char *
storyline_rendition_dup_field (StorylineRendition      *rendition,
                               StorylineRenditionField  field)
{
  g_return_val_if_fail (STORYLINE_IS_RENDITION (rendition), NULL);

  switch (field)
    {
    case STORYLINE_RENDITION_FIELD_SOURCE:
      return rendition->source ? g_strdup (rendition->source->id) : NULL;
    case STORYLINE_RENDITION_FIELD_TEXT:
      return g_strdup (rendition->text);
    case STORYLINE_RENDITION_FIELD_LOCATOR:
      return g_strdup (rendition->locator);
    case STORYLINE_RENDITION_FIELD_PREFIX:
      return g_strdup (rendition->prefix);
    case STORYLINE_RENDITION_FIELD_SUFFIX:
      return g_strdup (rendition->suffix);
    case STORYLINE_RENDITION_FIELD_NOTE:
      return g_strdup (rendition->note);
    case STORYLINE_RENDITION_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * storyline_story_check_rendition_field:
 * @value: (nullable): the value, %NULL or blank to leave the field out
 *
 * Checks @value for @field by the loader's rules.
 */
gboolean
storyline_story_check_rendition_field (StorylineStory           *self,
                                       StorylineRenditionField   field,
                                       const char               *value,
                                       GError                  **error)
{
  gboolean blank = storyline_is_blank (value);

  g_return_val_if_fail (STORYLINE_IS_STORY (self), FALSE);

  switch (field)
    {
    case STORYLINE_RENDITION_FIELD_SOURCE:
      if (blank)
        return invalid (error, _("A rendition needs the source that printed it."));
      return check_source (self, value, error);
    case STORYLINE_RENDITION_FIELD_TEXT:
      return !blank || invalid (error, _("A rendition needs the words as the source printed them."));
    case STORYLINE_RENDITION_FIELD_LOCATOR:
    case STORYLINE_RENDITION_FIELD_PREFIX:
    case STORYLINE_RENDITION_FIELD_SUFFIX:
    case STORYLINE_RENDITION_FIELD_NOTE:
      return TRUE;
    case STORYLINE_RENDITION_N_FIELDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * storyline_story_set_rendition_field:
 * @value: (nullable): the value, checked with
 *   storyline_story_check_rendition_field()
 *
 * Changes @field of @rendition and emits #StorylineStory::quote-changed
 * for its quote.
 */
void
storyline_story_set_rendition_field (StorylineStory          *self,
                                     StorylineRendition      *rendition,
                                     StorylineRenditionField  field,
                                     const char              *value)
{
  g_return_if_fail (STORYLINE_IS_STORY (self));
  g_return_if_fail (STORYLINE_IS_RENDITION (rendition));
  g_return_if_fail (storyline_story_check_rendition_field (self, field, value, NULL));

  switch (field)
    {
    case STORYLINE_RENDITION_FIELD_SOURCE:
      rendition->source = storyline_story_lookup_source (self, value);
      break;
    case STORYLINE_RENDITION_FIELD_TEXT:
      storyline_story_retire (self, rendition->text, g_free);
      rendition->text = g_strdup (value);
      break;
    case STORYLINE_RENDITION_FIELD_LOCATOR:
      replace_text (self, &rendition->locator, value);
      break;
    case STORYLINE_RENDITION_FIELD_PREFIX:
      replace_text (self, &rendition->prefix, value);
      break;
    case STORYLINE_RENDITION_FIELD_SUFFIX:
      replace_text (self, &rendition->suffix, value);
      break;
    case STORYLINE_RENDITION_FIELD_NOTE:
      replace_text (self, &rendition->note, value);
      break;
    case STORYLINE_RENDITION_N_FIELDS:
    default:
      g_return_if_reached ();
    }

  if (rendition->quote != NULL)
    g_signal_emit_by_name (self, "quote-changed", rendition->quote, NULL);
}

/**
 * storyline_story_create_quote:
 * @event: (nullable): the event it belongs to
 * @speaker: who issued it
 * @text: the words as issued
 *
 * Makes a quote with an id of its own, not yet in the story: see
 * storyline_story_insert_quote().
 *
 * Returns: (transfer full): the quote
 */
StorylineQuote *
storyline_story_create_quote (StorylineStory *self,
                              StorylineEvent *event,
                              StorylineActor *speaker,
                              const char     *text)
{
  StorylineQuote *quote;
  g_autofree char *base = NULL;
  char *id;

  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  g_return_val_if_fail (STORYLINE_IS_ACTOR (speaker), NULL);
  g_return_val_if_fail (!storyline_is_blank (text), NULL);

  base = g_strdup_printf ("quote-%u", self->quotes->len + 1);
  id = storyline_free_id (self->quote_index, base);
  quote = g_object_new (STORYLINE_TYPE_QUOTE, NULL);
  quote->id = id;
  quote->strings = storyline_strings_ref (self->strings);
  quote->text = g_strdup (text);
  quote->speaker = speaker;
  quote->event = event;
  quote->kind = STORYLINE_QUOTE_STATEMENT;
  return quote;
}

/**
 * storyline_story_get_quote_index:
 *
 * Returns: where @quote is in the story's quotes, or %G_MAXUINT
 */
guint
storyline_story_get_quote_index (StorylineStory *self,
                                 StorylineQuote *quote)
{
  guint index;

  g_return_val_if_fail (STORYLINE_IS_STORY (self), G_MAXUINT);
  return g_ptr_array_find (self->quotes, quote, &index) ? index : G_MAXUINT;
}

/**
 * storyline_story_insert_quote:
 * @index: where in the story's quotes, or a number past the end for last
 *
 * Puts @quote, made for @self or removed from it, into the story (and
 * among its event's quotes), and emits #StorylineStory::quote-changed.
 */
void
storyline_story_insert_quote (StorylineStory *self,
                              StorylineQuote *quote,
                              guint           index)
{
  g_return_if_fail (STORYLINE_IS_STORY (self));
  g_return_if_fail (STORYLINE_IS_QUOTE (quote));
  g_return_if_fail (storyline_story_lookup_quote (self, quote->id) == NULL);

  g_ptr_array_insert (self->quotes, MIN (index, self->quotes->len), g_object_ref (quote));
  storyline_id_index_add (self->quote_index, quote);
  link_quote (self, quote);
  g_signal_emit_by_name (self, "quote-changed", quote, NULL);
}

/**
 * storyline_story_remove_quote:
 *
 * Takes @quote out of the story and emits #StorylineStory::quote-changed.
 * Nothing refers to a quote, so it can always be removed; hold a
 * reference to put it back.
 */
void
storyline_story_remove_quote (StorylineStory *self,
                              StorylineQuote *quote)
{
  guint index;

  g_return_if_fail (STORYLINE_IS_STORY (self));
  g_return_if_fail (STORYLINE_IS_QUOTE (quote));

  if (!g_ptr_array_find (self->quotes, quote, &index))
    g_return_if_reached ();
  g_object_ref (quote);
  unlink_quote (quote);
  g_hash_table_remove (self->quote_index, (char *) quote + STORYLINE_ID_OFFSET);
  g_ptr_array_remove_index (self->quotes, index);   /* drops the story's reference */
  g_signal_emit_by_name (self, "quote-changed", quote, NULL);
  g_object_unref (quote);
}

/**
 * storyline_story_create_rendition:
 * @source: the source that printed it
 * @text: the words as it printed them
 *
 * Returns: (transfer full): a rendition, of no quote yet: see
 *   storyline_story_insert_rendition()
 */
StorylineRendition *
storyline_story_create_rendition (StorylineStory  *self,
                                  StorylineSource *source,
                                  const char      *text)
{
  StorylineRendition *rendition;

  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  g_return_val_if_fail (STORYLINE_IS_SOURCE (source), NULL);
  g_return_val_if_fail (!storyline_is_blank (text), NULL);

  rendition = g_object_new (STORYLINE_TYPE_RENDITION, NULL);
  rendition->source = source;
  rendition->text = g_strdup (text);
  return rendition;
}

/**
 * storyline_quote_get_rendition_index:
 *
 * Returns: where @rendition is among @quote's, or %G_MAXUINT
 */
guint
storyline_quote_get_rendition_index (StorylineQuote     *quote,
                                     StorylineRendition *rendition)
{
  guint index;

  g_return_val_if_fail (STORYLINE_IS_QUOTE (quote), G_MAXUINT);
  return quote->renditions != NULL && g_ptr_array_find (quote->renditions, rendition, &index) ? index : G_MAXUINT;
}

/* The quote's renditions, copied so that a reader of the old array on a
 * worker thread still reads a whole one. */
static GPtrArray *
renditions_copy (StorylineStory *self,
                 StorylineQuote *quote)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; quote->renditions != NULL && i < quote->renditions->len; i++)
    g_ptr_array_add (copy, g_object_ref (quote->renditions->pdata[i]));
  storyline_story_retire (self, quote->renditions, (GDestroyNotify) g_ptr_array_unref);
  return copy;
}

/**
 * storyline_story_insert_rendition:
 * @index: where among @quote's renditions, or a number past the end
 *
 * Gives @rendition, made by storyline_story_create_rendition() or
 * removed, to @quote, and emits #StorylineStory::quote-changed.
 */
void
storyline_story_insert_rendition (StorylineStory     *self,
                                  StorylineQuote     *quote,
                                  StorylineRendition *rendition,
                                  guint               index)
{
  GPtrArray *renditions;

  g_return_if_fail (STORYLINE_IS_STORY (self));
  g_return_if_fail (STORYLINE_IS_QUOTE (quote));
  g_return_if_fail (STORYLINE_IS_RENDITION (rendition));
  g_return_if_fail (rendition->quote == NULL || rendition->quote == quote);

  renditions = renditions_copy (self, quote);
  g_ptr_array_insert (renditions, MIN (index, renditions->len), g_object_ref (rendition));
  rendition->quote = quote;
  quote->renditions = renditions;
  g_signal_emit_by_name (self, "quote-changed", quote, NULL);
}

/**
 * storyline_story_remove_rendition:
 *
 * Takes @rendition from its quote and emits
 * #StorylineStory::quote-changed. It remembers its quote, to be put back.
 */
void
storyline_story_remove_rendition (StorylineStory     *self,
                                  StorylineRendition *rendition)
{
  StorylineQuote *quote;
  GPtrArray *renditions;

  g_return_if_fail (STORYLINE_IS_STORY (self));
  g_return_if_fail (STORYLINE_IS_RENDITION (rendition));

  quote = rendition->quote;
  g_return_if_fail (quote != NULL && storyline_quote_get_rendition_index (quote, rendition) != G_MAXUINT);

  g_object_ref (rendition);
  renditions = renditions_copy (self, quote);
  g_ptr_array_remove (renditions, rendition);
  if (renditions->len == 0)
    g_clear_pointer (&renditions, g_ptr_array_unref);
  quote->renditions = renditions;
  g_signal_emit_by_name (self, "quote-changed", quote, NULL);
  g_object_unref (rendition);
}
