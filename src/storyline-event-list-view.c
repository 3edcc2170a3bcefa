/* storyline-event-list-view.c: the events pane: the list of events, its
 * count, and what to do when nothing matches
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "storyline-event-list-view.h"
#include "storyline-event-row.h"

struct _StorylineEventListView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkLabel *count_label;
  GtkStack *list_stack;
  GtkListView *event_list;

  /* Owned references */
  StorylineEventRows *rows;        /* the list view's items: one per row */
  GPtrArray *bound_items;          /* GtkListItem: the rows on screen */

  /* Borrowed references: the story keeps it */
  StorylineSource *cited_source;   /* the events citing it are marked */

  char *search;                    /* its words highlighted in the titles */

  guint refresh_tick;              /* rows still showing what they were */
  guint jump_target;               /* while scrolling far: the row scrolled to */
  guint jump_reach;                /* and how many rows either side are bound at once */
};

#define MIN_ROW_HEIGHT 24

G_DEFINE_FINAL_TYPE (StorylineEventListView, storyline_event_list_view, GTK_TYPE_WIDGET)

static void
update_year_heading (StorylineEventListView *self,
                     GtkListItem            *item)
{
  StorylineEventRow *row = STORYLINE_EVENT_ROW (gtk_list_item_get_child (item));
  guint position = gtk_list_item_get_position (item);
  StorylineEvent *event = storyline_event_rows_get_event (self->rows, position);
  gboolean show = TRUE;

  if (event == NULL)
    return;

  if (position != GTK_INVALID_LIST_POSITION && position > 0)
    {
      StorylineEvent *previous = storyline_event_rows_get_event (self->rows, position - 1);
      show = previous == NULL ||
             storyline_date_get_year (storyline_event_get_date (previous)) !=
             storyline_date_get_year (storyline_event_get_date (event));
    }
  storyline_event_row_set_year_heading (row, show);
}

static gboolean refresh_rows_later (GtkWidget     *widget,
                                    GdkFrameClock *clock,
                                    gpointer       data);

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           StorylineEventListView   *self)
{
  gtk_list_item_set_child (item, storyline_event_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          StorylineEventListView   *self)
{
  StorylineEventRow *row = STORYLINE_EVENT_ROW (gtk_list_item_get_child (item));
  guint position = gtk_list_item_get_position (item);

  g_ptr_array_add (self->bound_items, item);
  storyline_event_row_set_cited_source (row, self->cited_source);
  /* Scrolling far: the rows off screen show their events a few a frame
   * (refresh_rows_later()). */
  if (self->jump_target != GTK_INVALID_LIST_POSITION &&
      (position + self->jump_reach < self->jump_target || position > self->jump_target + self->jump_reach))
    {
      if (self->refresh_tick == 0)
        self->refresh_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), refresh_rows_later, self, NULL);
      return;
    }
  storyline_event_row_show (row, storyline_event_rows_get_event (self->rows, position), self->search);
  update_year_heading (self, item);
}

/* The row keeps showing its event: GTK 4.8 unbinds and binds again every
 * row whose selected state changes (all those between the old selection
 * and the new), and a row bound again to its event is then not made
 * again. An event edited meanwhile is found in every row the view holds
 * (storyline_event_list_view_refresh_event()). */
static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            StorylineEventListView   *self)
{
  g_ptr_array_remove_fast (self->bound_items, item);
}

static gboolean
is_bound (StorylineEventListView *self,
          GtkWidget              *row)
{
  for (guint i = 0; i < self->bound_items->len; i++)
    if (gtk_list_item_get_child (self->bound_items->pdata[i]) == row)
      return TRUE;
  return FALSE;
}

/* After the list changed, the rows the list view holds show the events now
 * at their positions. For a large story only the rows on screen change at
 * once; the others (GTK 4.8 holds up to 200) follow a few at a time
 * between frames, so one keystroke never lays out 200 rows. */
static gboolean
row_is_on_screen (StorylineEventListView *self,
                  GtkWidget              *row)
{
  graphene_rect_t bounds;
  int height = gtk_widget_get_height (GTK_WIDGET (self->event_list));

  /* GTK 4.8 gives the rows it holds off screen no size. */
  if (!gtk_widget_compute_bounds (row, GTK_WIDGET (self->event_list), &bounds))
    return TRUE;
  return bounds.size.height > 0 && bounds.origin.y + bounds.size.height >= 0 && bounds.origin.y <= height;
}

static gboolean
refresh_rows_later (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  StorylineEventListView *self = data;
  guint done = 0;

  for (guint i = 0; i < self->bound_items->len && done < 8; i++)
    {
      GtkListItem *item = self->bound_items->pdata[i];
      StorylineEventRow *row = STORYLINE_EVENT_ROW (gtk_list_item_get_child (item));
      StorylineEvent *event = storyline_event_rows_get_event (self->rows, gtk_list_item_get_position (item));

      if (!storyline_event_row_shows (row, event, self->search))
        {
          storyline_event_row_show (row, event, self->search);
          update_year_heading (self, item);
          done++;
        }
    }
  if (done > 0)
    return G_SOURCE_CONTINUE;
  self->refresh_tick = 0;
  return G_SOURCE_REMOVE;
}

/**
 * storyline_event_list_view_refresh_event:
 *
 * Shows @event again in the row that shows it, if one does: it was edited.
 */
void
storyline_event_list_view_refresh_event (StorylineEventListView *self,
                                         StorylineEvent         *event)
{
  g_return_if_fail (STORYLINE_IS_EVENT_LIST_VIEW (self));

  for (guint i = 0; i < self->bound_items->len; i++)
    {
      GtkListItem *item = self->bound_items->pdata[i];
      StorylineEventRow *row = STORYLINE_EVENT_ROW (gtk_list_item_get_child (item));

      if (storyline_event_row_get_event (row) == event)
        {
          storyline_event_row_refresh (row);
          update_year_heading (self, item);
        }
    }

  /* The rows held unbound, each in its list item's widget: shown again
   * when bound. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->event_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (STORYLINE_IS_EVENT_ROW (row) && storyline_event_row_get_event (STORYLINE_EVENT_ROW (row)) == event &&
          !is_bound (self, row))
        storyline_event_row_set_event (STORYLINE_EVENT_ROW (row), NULL);
    }
}

/**
 * storyline_event_list_view_refresh_rows:
 * @large: whether the story is large enough that only the rows on screen
 *   change at once
 *
 * Shows in each row the event now at its position.
 */
void
storyline_event_list_view_refresh_rows (StorylineEventListView *self,
                                        gboolean                large)
{
  gboolean later = FALSE;

  g_return_if_fail (STORYLINE_IS_EVENT_LIST_VIEW (self));

  for (guint i = 0; i < self->bound_items->len; i++)
    {
      GtkListItem *item = self->bound_items->pdata[i];
      GtkWidget *row = gtk_list_item_get_child (item);
      StorylineEvent *event = storyline_event_rows_get_event (self->rows, gtk_list_item_get_position (item));

      if (storyline_event_row_shows (STORYLINE_EVENT_ROW (row), event, self->search))
        continue;
      if (large && !row_is_on_screen (self, row))
        {
          later = TRUE;
          continue;
        }
      storyline_event_row_show (STORYLINE_EVENT_ROW (row), event, self->search);
    }
  for (guint i = 0; i < self->bound_items->len; i++)
    update_year_heading (self, self->bound_items->pdata[i]);

  /* A few rows a frame, before the frame's layout. */
  if (later && self->refresh_tick == 0)
    self->refresh_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), refresh_rows_later, self, NULL);
}

/**
 * storyline_event_list_view_scroll_to:
 * @position: a row
 *
 * Scrolls @position into view. Far from the rows shown, GTK 4.8 binds
 * again every row it holds (about 200) at once; only those that can be
 * on screen then show their events at once, the others follow a few a
 * frame.
 */
void
storyline_event_list_view_scroll_to (StorylineEventListView *self,
                                     guint                   position)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self->event_list));
  int shortest = G_MAXINT;

  g_return_if_fail (STORYLINE_IS_EVENT_LIST_VIEW (self));

  /* As many rows as the shortest row shown fits in the view, and two
   * more; a row is never shorter than a line of text with its padding. */
  for (guint i = 0; i < self->bound_items->len; i++)
    {
      int h = gtk_widget_get_height (gtk_list_item_get_child (self->bound_items->pdata[i]));

      if (h > 0)
        shortest = MIN (shortest, h);
    }
  if (shortest == G_MAXINT)
    shortest = MIN_ROW_HEIGHT;
  self->jump_target = position;
  self->jump_reach = MAX (height, 600) / MAX (shortest, MIN_ROW_HEIGHT) + 2;
  gtk_widget_activate_action (GTK_WIDGET (self->event_list), "list.scroll-to-item", "u", position);
  self->jump_target = GTK_INVALID_LIST_POSITION;
}

/* A row's heading depends on the row above it, which a change elsewhere in
 * the list can replace without rebinding this row. */
static void
items_changed (StorylineEventListView *self)
{
  for (guint i = 0; i < self->bound_items->len; i++)
    update_year_heading (self, self->bound_items->pdata[i]);
}

/**
 * storyline_event_list_view_get_list_view:
 *
 * Returns: (transfer none): the list view, for focus and its signals
 */
GtkListView *
storyline_event_list_view_get_list_view (StorylineEventListView *self)
{
  g_return_val_if_fail (STORYLINE_IS_EVENT_LIST_VIEW (self), NULL);
  return self->event_list;
}

/**
 * storyline_event_list_view_set_model:
 * @model: the selection over @rows
 * @rows: the rows, one per item of @model. A reference is taken.
 */
void
storyline_event_list_view_set_model (StorylineEventListView *self,
                                     GtkSelectionModel      *model,
                                     StorylineEventRows     *rows)
{
  g_return_if_fail (STORYLINE_IS_EVENT_LIST_VIEW (self));

  g_set_object (&self->rows, rows);
  gtk_list_view_set_model (self->event_list, model);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed), self, G_CONNECT_SWAPPED);
}

/**
 * storyline_event_list_view_set_counts:
 *
 * Says how many events are listed, and when the filters leave none of a
 * story that has some, shows what to do instead of an empty list.
 */
void
storyline_event_list_view_set_counts (StorylineEventListView *self,
                                      guint                   shown,
                                      guint                   total)
{
  g_autofree char *count = NULL;

  g_return_if_fail (STORYLINE_IS_EVENT_LIST_VIEW (self));

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", shown), shown);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->list_stack, shown == 0 && total > 0 ? "empty" : "list");
}

/**
 * storyline_event_list_view_set_cited_source:
 * @source: (nullable): the source whose citing events are marked
 */
void
storyline_event_list_view_set_cited_source (StorylineEventListView *self,
                                            StorylineSource        *source)
{
  g_return_if_fail (STORYLINE_IS_EVENT_LIST_VIEW (self));

  self->cited_source = source;
  for (guint i = 0; i < self->bound_items->len; i++)
    storyline_event_row_set_cited_source (STORYLINE_EVENT_ROW (gtk_list_item_get_child (self->bound_items->pdata[i])), source);
}

/**
 * storyline_event_list_view_set_search:
 * @search: (nullable): the search as typed, whose words the rows' titles
 *   show highlighted from the next storyline_event_list_view_refresh_rows()
 */
void
storyline_event_list_view_set_search (StorylineEventListView *self,
                                      const char             *search)
{
  g_return_if_fail (STORYLINE_IS_EVENT_LIST_VIEW (self));

  /* The rows follow at the next refresh: those on screen at once, the
   * others a few a frame. */
  g_free (self->search);
  self->search = g_strdup (search);
}

static void
storyline_event_list_view_dispose (GObject *object)
{
  StorylineEventListView *self = STORYLINE_EVENT_LIST_VIEW (object);
  GtkWidget *child;

  if (self->refresh_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->refresh_tick);
  self->refresh_tick = 0;
  if (self->bound_items != NULL)
    g_ptr_array_set_size (self->bound_items, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORYLINE_TYPE_EVENT_LIST_VIEW);
  /* GTK 4.8 disposes only the template's named children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->search, g_free);
  self->cited_source = NULL;

  G_OBJECT_CLASS (storyline_event_list_view_parent_class)->dispose (object);
}

static void
storyline_event_list_view_finalize (GObject *object)
{
  StorylineEventListView *self = STORYLINE_EVENT_LIST_VIEW (object);

  g_clear_pointer (&self->bound_items, g_ptr_array_unref);

  G_OBJECT_CLASS (storyline_event_list_view_parent_class)->finalize (object);
}

static void
storyline_event_list_view_class_init (StorylineEventListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = storyline_event_list_view_dispose;
  object_class->finalize = storyline_event_list_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/storyline-event-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StorylineEventListView, count_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventListView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, StorylineEventListView, event_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
storyline_event_list_view_init (StorylineEventListView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->bound_items = g_ptr_array_new ();
  self->jump_target = GTK_INVALID_LIST_POSITION;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->event_list, factory);
}
