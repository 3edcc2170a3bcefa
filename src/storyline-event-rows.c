/* storyline-event-rows.c: the rows of the event list, stable across searches
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "storyline-event-rows.h"

/* A GListModel of StorylineEventSlot, one per row of a StorylineEventList.
 *
 * GTK 4.8's list view keeps up to 200 rows alive and, when items-changed
 * removes the items of rows it holds, destroys those rows and builds new
 * ones: after a search that changes the whole list, 200 rows set up, bound
 * and measured in one go, a third of a second at 200,000 events. Here a
 * row's item is its position, so when the event list changes only the end
 * of the list is announced (the rows it gained or lost) and the rows the
 * view holds stay; the window then shows the new events in them, the rows
 * on screen first (see storyline-window.c). */

struct _StorylineEventRows
{
  GObject parent_instance;

  StorylineEventList *list;
  guint n_items;
  GHashTable *slots;          /* position → StorylineEventSlot, weak */
};

static GType
storyline_event_rows_get_item_type (GListModel *model)
{
  return STORYLINE_TYPE_EVENT_SLOT;
}

static guint
storyline_event_rows_get_n_items (GListModel *model)
{
  return STORYLINE_EVENT_ROWS (model)->n_items;
}

static void
slot_finalized (gpointer  data,
                GObject  *where_the_object_was)
{
  StorylineEventRows *self = data;
  GHashTableIter iter;
  gpointer key, value;

  /* Its position may have gone already; look it up by pointer. */
  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (value == where_the_object_was)
      {
        g_hash_table_iter_remove (&iter);
        break;
      }
}

static gpointer
storyline_event_rows_get_item (GListModel *model,
                               guint       position)
{
  StorylineEventRows *self = STORYLINE_EVENT_ROWS (model);
  StorylineEventSlot *slot;

  if (position >= self->n_items)
    return NULL;

  slot = g_hash_table_lookup (self->slots, GUINT_TO_POINTER (position));
  if (slot != NULL)
    return g_object_ref (slot);

  slot = storyline_event_slot_new (position);
  g_object_weak_ref (G_OBJECT (slot), slot_finalized, self);
  g_hash_table_insert (self->slots, GUINT_TO_POINTER (position), slot);
  return slot;
}

static void
storyline_event_rows_model_init (GListModelInterface *iface)
{
  iface->get_item_type = storyline_event_rows_get_item_type;
  iface->get_n_items = storyline_event_rows_get_n_items;
  iface->get_item = storyline_event_rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (StorylineEventRows, storyline_event_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, storyline_event_rows_model_init))

/* The event list changed: rows that stay keep their slot; only the rows
 * added or removed at the end are announced. */
static void
list_items_changed (StorylineEventRows *self,
                    guint               position,
                    guint               removed,
                    guint               added,
                    GListModel         *list)
{
  guint old_n = self->n_items;
  guint new_n = g_list_model_get_n_items (list);
  guint common = MIN (old_n, new_n);

  self->n_items = new_n;
  /* The slots of rows that go: a few hundred at most are alive, while the
   * rows that go can be a hundred thousand. */
  if (new_n < old_n)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->slots);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (GPOINTER_TO_UINT (key) >= new_n)
          {
            g_object_weak_unref (value, slot_finalized, self);
            g_hash_table_iter_remove (&iter);
          }
    }
  if (old_n != new_n)
    g_list_model_items_changed (G_LIST_MODEL (self), common, old_n - common, new_n - common);
}

static void
storyline_event_rows_dispose (GObject *object)
{
  StorylineEventRows *self = STORYLINE_EVENT_ROWS (object);
  GHashTableIter iter;
  gpointer value;

  if (self->slots != NULL)
    {
      g_hash_table_iter_init (&iter, self->slots);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_object_weak_unref (value, slot_finalized, self);
      g_clear_pointer (&self->slots, g_hash_table_unref);
    }
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (storyline_event_rows_parent_class)->dispose (object);
}

static void
storyline_event_rows_class_init (StorylineEventRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = storyline_event_rows_dispose;
}

static void
storyline_event_rows_init (StorylineEventRows *self)
{
  self->slots = g_hash_table_new (NULL, NULL);
}

StorylineEventRows *
storyline_event_rows_new (StorylineEventList *list)
{
  StorylineEventRows *self = g_object_new (STORYLINE_TYPE_EVENT_ROWS, NULL);

  self->list = g_object_ref (list);
  self->n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_signal_connect_swapped (list, "items-changed", G_CALLBACK (list_items_changed), self);
  return self;
}

/**
 * storyline_event_rows_get_event:
 *
 * Returns: (transfer none) (nullable): the event the row at @position
 *   shows now
 */
StorylineEvent *
storyline_event_rows_get_event (StorylineEventRows *self,
                                guint               position)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_ROWS (self), NULL);
  return storyline_event_list_peek (self->list, position);
}
