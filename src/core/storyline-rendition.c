/* storyline-rendition.c: how one source reproduced a quote
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "storyline-model-private.h"

G_DEFINE_FINAL_TYPE (StorylineRendition, storyline_rendition, G_TYPE_OBJECT)

static void
storyline_rendition_finalize (GObject *object)
{
  StorylineRendition *self = (StorylineRendition *) object;

  g_free (self->text);
  g_free (self->locator);
  g_free (self->prefix);
  g_free (self->suffix);
  g_free (self->note);

  G_OBJECT_CLASS (storyline_rendition_parent_class)->finalize (object);
}

static void
storyline_rendition_class_init (StorylineRenditionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = storyline_rendition_finalize;
}

static void
storyline_rendition_init (StorylineRendition *self)
{
}

const char *
storyline_rendition_get_text (StorylineRendition *self)
{
  g_return_val_if_fail (STORYLINE_IS_RENDITION (self), NULL);
  return self->text;
}

const char *
storyline_rendition_get_locator (StorylineRendition *self)
{
  g_return_val_if_fail (STORYLINE_IS_RENDITION (self), NULL);
  return self->locator;
}

/**
 * storyline_rendition_get_prefix:
 *
 * Returns: (nullable): the text just before the quote in its source
 */
const char *
storyline_rendition_get_prefix (StorylineRendition *self)
{
  g_return_val_if_fail (STORYLINE_IS_RENDITION (self), NULL);
  return self->prefix;
}

/**
 * storyline_rendition_get_suffix:
 *
 * Returns: (nullable): the text just after the quote in its source
 */
const char *
storyline_rendition_get_suffix (StorylineRendition *self)
{
  g_return_val_if_fail (STORYLINE_IS_RENDITION (self), NULL);
  return self->suffix;
}

/**
 * storyline_rendition_get_note:
 *
 * Returns: (nullable): what is known of the text as the source printed
 *   it, when it was rebuilt or is uncertain
 */
const char *
storyline_rendition_get_note (StorylineRendition *self)
{
  g_return_val_if_fail (STORYLINE_IS_RENDITION (self), NULL);
  return self->note;
}

/**
 * storyline_rendition_get_source:
 *
 * Returns: (transfer none): the source that carries this wording
 */
StorylineSource *
storyline_rendition_get_source (StorylineRendition *self)
{
  g_return_val_if_fail (STORYLINE_IS_RENDITION (self), NULL);
  return self->source;
}

/**
 * storyline_rendition_get_quote:
 *
 * Returns: (transfer none): the quote this is a rendition of
 */
StorylineQuote *
storyline_rendition_get_quote (StorylineRendition *self)
{
  g_return_val_if_fail (STORYLINE_IS_RENDITION (self), NULL);
  return self->quote;
}
