/* storyline-quote.c: a statement as its speaker issued it
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "storyline-model-private.h"

G_DEFINE_FINAL_TYPE (StorylineQuote, storyline_quote, G_TYPE_OBJECT)

static void
storyline_quote_finalize (GObject *object)
{
  StorylineQuote *self = (StorylineQuote *) object;

  g_free (self->id);
  g_free (self->text);
  g_free (self->language);
  g_clear_pointer (&self->renditions, g_ptr_array_unref);
  g_clear_pointer (&self->strings, storyline_strings_unref);

  G_OBJECT_CLASS (storyline_quote_parent_class)->finalize (object);
}

static void
storyline_quote_class_init (StorylineQuoteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = storyline_quote_finalize;
}

static void
storyline_quote_init (StorylineQuote *self)
{
}

const char *
storyline_quote_get_id (StorylineQuote *self)
{
  g_return_val_if_fail (STORYLINE_IS_QUOTE (self), NULL);
  return self->id;
}

/**
 * storyline_quote_get_text:
 *
 * Returns: the wording as the origin issued it
 */
const char *
storyline_quote_get_text (StorylineQuote *self)
{
  g_return_val_if_fail (STORYLINE_IS_QUOTE (self), NULL);
  return self->text;
}

const char *
storyline_quote_get_language (StorylineQuote *self)
{
  g_return_val_if_fail (STORYLINE_IS_QUOTE (self), NULL);
  return self->language;
}

/**
 * storyline_quote_get_said:
 *
 * Returns: when it was said; unset (see storyline_date_is_set()) if unknown
 */
const StorylineDate *
storyline_quote_get_said (StorylineQuote *self)
{
  g_return_val_if_fail (STORYLINE_IS_QUOTE (self), NULL);
  return &self->said;
}

StorylineQuoteKind
storyline_quote_get_kind (StorylineQuote *self)
{
  g_return_val_if_fail (STORYLINE_IS_QUOTE (self), 0);
  return self->kind;
}

/**
 * storyline_quote_get_speaker:
 *
 * Returns: (transfer none): who said it
 */
StorylineActor *
storyline_quote_get_speaker (StorylineQuote *self)
{
  g_return_val_if_fail (STORYLINE_IS_QUOTE (self), NULL);
  return self->speaker;
}

/**
 * storyline_quote_get_event:
 *
 * Returns: (transfer none) (nullable): the event the statement belongs to
 */
StorylineEvent *
storyline_quote_get_event (StorylineQuote *self)
{
  g_return_val_if_fail (STORYLINE_IS_QUOTE (self), NULL);
  return self->event;
}

/**
 * storyline_quote_get_origin:
 *
 * Returns: (transfer none) (nullable): where it was first issued
 */
StorylineSource *
storyline_quote_get_origin (StorylineQuote *self)
{
  g_return_val_if_fail (STORYLINE_IS_QUOTE (self), NULL);
  return self->origin;
}

guint
storyline_quote_get_n_renditions (StorylineQuote *self)
{
  g_return_val_if_fail (STORYLINE_IS_QUOTE (self), 0);
  return STORYLINE_ARRAY_LEN (self->renditions);
}

/**
 * storyline_quote_get_rendition:
 *
 * Returns: (transfer none) (nullable): the rendition at @position
 */
StorylineRendition *
storyline_quote_get_rendition (StorylineQuote *self,
                               guint           position)
{
  g_return_val_if_fail (STORYLINE_IS_QUOTE (self), NULL);
  return STORYLINE_PTR_AT (self->renditions, position);
}

/**
 * storyline_quote_get_text_language:
 *
 * Returns: (nullable): the language of the quote's words: its own
 *   `language`, else the story's
 */
const char *
storyline_quote_get_text_language (StorylineQuote *self)
{
  g_return_val_if_fail (STORYLINE_IS_QUOTE (self), NULL);
  if (self->language != NULL)
    return self->language;
  return storyline_strings_get_language (self->strings);
}
