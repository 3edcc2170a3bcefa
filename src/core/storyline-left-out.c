/* storyline-left-out.c: the items Open Anyway left out, kept and put back
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "storyline-actor-edit.h"
#include "storyline-left-out.h"
#include "storyline-model-private.h"
#include "storyline-problem.h"
#include "storyline-quote-edit.h"
#include "storyline-reader.h"
#include "storyline-source-edit.h"

/* A story opened anyway keeps what it left out, in the order of the
 * file, and the writer puts each item back where it was: saving never
 * drops one. In Edit mode an item's JSON can be corrected and the item
 * put back into the story, read by the loader's own code against the
 * story as it now is; undone, it is taken out and left out again. */

static const char * const collections[] = { "phases", "actors", "events", "quotes", "sources", NULL };

G_DEFINE_BOXED_TYPE (StorylineLeftOut, storyline_left_out, storyline_left_out_copy, storyline_left_out_free)

StorylineLeftOut *
storyline_left_out_new (const char *collection,
                        guint       position,
                        const char *text,
                        const char *problem)
{
  StorylineLeftOut *self = g_new0 (StorylineLeftOut, 1);

  self->collection = g_strdup (collection);
  self->position = position;
  self->text = g_strdup (text);
  self->problem = g_strdup (problem);
  return self;
}

StorylineLeftOut *
storyline_left_out_copy (const StorylineLeftOut *left_out)
{
  return storyline_left_out_new (left_out->collection, left_out->position, left_out->text, left_out->problem);
}

void
storyline_left_out_free (StorylineLeftOut *left_out)
{
  if (left_out == NULL)
    return;
  g_free (left_out->collection);
  g_free (left_out->text);
  g_free (left_out->problem);
  g_free (left_out);
}

guint
storyline_story_get_n_left_out (StorylineStory *self)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), 0);
  return STORYLINE_ARRAY_LEN (self->left_out);
}

/**
 * storyline_story_get_left_out:
 *
 * Returns: (transfer none): the item left out at @index, in the order of
 *   the file
 */
const StorylineLeftOut *
storyline_story_get_left_out (StorylineStory *self,
                              guint           index)
{
  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  return STORYLINE_PTR_AT (self->left_out, index);
}

static int
rank (const StorylineLeftOut *l)
{
  for (int c = 0; collections[c] != NULL; c++)
    if (g_strcmp0 (collections[c], l->collection) == 0)
      return c;
  return G_N_ELEMENTS (collections);
}

/**
 * storyline_story_add_left_out:
 *
 * Keeps a copy of @left_out with the story, in the order of the file,
 * and emits #StorylineStory::left-out-changed.
 */
void
storyline_story_add_left_out (StorylineStory         *self,
                              const StorylineLeftOut *left_out)
{
  guint i = 0;

  g_return_if_fail (STORYLINE_IS_STORY (self));
  g_return_if_fail (left_out != NULL);

  if (self->left_out == NULL)
    self->left_out = g_ptr_array_new_with_free_func ((GDestroyNotify) storyline_left_out_free);
  while (i < self->left_out->len)
    {
      StorylineLeftOut *other = self->left_out->pdata[i];

      if (rank (other) > rank (left_out) || (rank (other) == rank (left_out) && other->position > left_out->position))
        break;
      i++;
    }
  g_ptr_array_insert (self->left_out, i, storyline_left_out_copy (left_out));
  g_signal_emit_by_name (self, "left-out-changed");
}

/**
 * storyline_story_get_left_out_in:
 *
 * Returns: (transfer container) (element-type StorylineLeftOut): the
 *   items of @collection left out, by their place in the file
 */
GPtrArray *
storyline_story_get_left_out_in (StorylineStory *self,
                                 const char     *collection)
{
  GPtrArray *items = g_ptr_array_new ();

  g_return_val_if_fail (STORYLINE_IS_STORY (self), items);

  for (guint i = 0; self->left_out != NULL && i < self->left_out->len; i++)
    if (g_str_equal (((StorylineLeftOut *) self->left_out->pdata[i])->collection, collection))
      g_ptr_array_add (items, self->left_out->pdata[i]);
  return items;
}

/**
 * storyline_story_read_item:
 * @collection: the list it is an item of
 * @text: its JSON
 *
 * Reads @text as an item of @collection by the loader's rules, against
 * the story as it now is; the error says where in the item and what.
 *
 * Returns: (transfer full) (nullable): the item, not yet in the story
 *   (see storyline_story_put_back()), or %NULL
 */
GObject *
storyline_story_read_item (StorylineStory  *self,
                           const char      *collection,
                           const char      *text,
                           GError         **error)
{
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) problems = storyline_problems_new ();
  GObject *item;

  g_return_val_if_fail (STORYLINE_IS_STORY (self), NULL);
  g_return_val_if_fail (g_strv_contains (collections, collection), NULL);

  node = json_from_string (text, &parse_error);
  if (node == NULL)
    {
      g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID,
                   _("Not JSON: %s"), parse_error ? parse_error->message : _("nothing to read"));
      return NULL;
    }
  item = storyline_reader_read_one (self, collection, node, problems);
  if (item == NULL)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          StorylineProblem *p = problems->pdata[i];

          if (p->severity == STORYLINE_SEVERITY_ERROR)
            {
              g_set_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID, "%s%s%s",
                           p->path && *p->path ? p->path : "", p->path && *p->path ? ": " : "", p->message);
              return NULL;
            }
        }
      g_set_error_literal (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID, _("It cannot be read."));
    }
  return item;
}

/**
 * storyline_story_put_back:
 * @index: the item left out that @item mends
 * @item: (transfer none): what storyline_story_read_item() read for it
 *
 * Puts @item into the story, about where the one left out was, which is
 * no longer kept; emits #StorylineStory::left-out-changed.
 */
void
storyline_story_put_back (StorylineStory *self,
                          guint           index,
                          GObject        *item)
{
  StorylineLeftOut *left_out;
  guint position;

  g_return_if_fail (STORYLINE_IS_STORY (self));
  g_return_if_fail (self->left_out != NULL && index < self->left_out->len);

  left_out = self->left_out->pdata[index];
  /* Where it was among the items kept: its place in the file, less the
   * items before it still left out. */
  position = left_out->position;
  for (guint i = 0; i < self->left_out->len; i++)
    {
      StorylineLeftOut *other = self->left_out->pdata[i];

      if (other != left_out && g_str_equal (other->collection, left_out->collection) && other->position < left_out->position)
        position--;
    }
  if (STORYLINE_IS_EVENT (item))
    storyline_story_insert_event (self, STORYLINE_EVENT (item), position);
  else if (STORYLINE_IS_ACTOR (item))
    storyline_story_insert_actor_at (self, STORYLINE_ACTOR (item), position);
  else if (STORYLINE_IS_PHASE (item))
    storyline_story_insert_phase (self, STORYLINE_PHASE (item), position);
  else if (STORYLINE_IS_QUOTE (item))
    storyline_story_insert_quote (self, STORYLINE_QUOTE (item), position);
  else if (STORYLINE_IS_SOURCE (item))
    storyline_story_insert_source (self, STORYLINE_SOURCE (item), position);
  else
    g_return_if_reached ();
  g_ptr_array_remove_index (self->left_out, index);
  g_signal_emit_by_name (self, "left-out-changed");
}

/**
 * storyline_story_take_back:
 * @item: an item put back
 * @left_out: what it was left out as
 *
 * Undoes storyline_story_put_back().
 */
void
storyline_story_take_back (StorylineStory         *self,
                           GObject                *item,
                           const StorylineLeftOut *left_out)
{
  g_return_if_fail (STORYLINE_IS_STORY (self));

  if (STORYLINE_IS_EVENT (item))
    storyline_story_remove_event (self, STORYLINE_EVENT (item));
  else if (STORYLINE_IS_ACTOR (item))
    storyline_story_remove_actor (self, STORYLINE_ACTOR (item));
  else if (STORYLINE_IS_PHASE (item))
    storyline_story_remove_phase (self, STORYLINE_PHASE (item));
  else if (STORYLINE_IS_QUOTE (item))
    storyline_story_remove_quote (self, STORYLINE_QUOTE (item));
  else if (STORYLINE_IS_SOURCE (item))
    storyline_story_remove_source (self, STORYLINE_SOURCE (item));
  storyline_story_add_left_out (self, left_out);
}
