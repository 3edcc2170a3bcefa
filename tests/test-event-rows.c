/* test-event-rows.c: the event list's rows, stable across searches
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "storyline-event-rows.h"
#include "storyline-loader.h"

static StorylineStory *
make_story (guint n)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"storyline\", \"version\": 1, "
                                          "\"story\": {\"title\": \"Rows\"}, \"events\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  StorylineStory *story;

  /* Titles "e<i> <i mod 2 name> <i mod 3 name>": "even", "third". */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"title\": \"e%u %s %s\", \"date\": \"%04u\"}",
                            i ? ", " : "", i, i, i % 2 ? "odd" : "even", i % 3 ? "other" : "third", 1900 + i);
  g_string_append (json, "]}");
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  story = storyline_load_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  return story;
}

static void
search (StorylineEventList *list,
        const char         *text)
{
  g_autoptr(StorylineEventQuery) query = storyline_event_query_new (text, NULL, NULL, NULL, NULL);

  storyline_event_list_set_query (list, query);
  while (storyline_event_list_is_filtering (list))
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  guint n_emitted;
  guint position, removed, added;
} Changes;

static void
rows_changed (GListModel *rows,
              guint       position,
              guint       removed,
              guint       added,
              Changes    *c)
{
  c->n_emitted++;
  c->position = position;
  c->removed = removed;
  c->added = added;
}

/* The rows follow the list's count, never its contents: a search that
 * leaves as many events changes no row; one that changes the count says
 * so once, at the end. Each row is the list's event at its position. */
static void
test_follows_count (void)
{
  g_autoptr(StorylineStory) story = make_story (60);
  g_autoptr(StorylineEventList) list = storyline_event_list_new ();
  g_autoptr(StorylineEventRows) rows = NULL;
  Changes c = { 0 };
  static const struct { const char *search; guint n; } steps[] = {
    { "even", 30 },         /* 60 → 30: 30 go from position 30 */
    { "odd", 30 },          /* another 30: no change of rows */
    { "odd third", 10 },    /* 30 → 10 */
    { "", 60 },             /* 10 → 60 */
    { "e5", 11 },           /* e5, e50…e59 */
    { "nowhere", 0 },
    { "nowhere", 0 },
    { "third", 20 },
  };

  storyline_event_list_set_story (list, story, FALSE);
  rows = storyline_event_rows_new (list);
  g_signal_connect (rows, "items-changed", G_CALLBACK (rows_changed), &c);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (rows)) == STORYLINE_TYPE_EVENT_SLOT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 60);

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      guint old_n = g_list_model_get_n_items (G_LIST_MODEL (rows));
      guint n_before = c.n_emitted;

      search (list, steps[s].search);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, steps[s].n);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, steps[s].n);
      if (old_n == steps[s].n)
        g_assert_cmpuint (c.n_emitted, ==, n_before);
      else
        {
          g_assert_cmpuint (c.n_emitted, ==, n_before + 1);
          g_assert_cmpuint (c.position, ==, MIN (old_n, steps[s].n));
          g_assert_cmpuint (c.removed, ==, old_n > steps[s].n ? old_n - steps[s].n : 0);
          g_assert_cmpuint (c.added, ==, steps[s].n > old_n ? steps[s].n - old_n : 0);
        }
      for (guint i = 0; i < steps[s].n; i++)
        {
          g_autoptr(StorylineEventSlot) slot = g_list_model_get_item (G_LIST_MODEL (rows), i);

          g_assert_cmpuint (storyline_event_slot_get_position (slot), ==, i);
          g_assert_true (storyline_event_rows_get_event (rows, i) == storyline_event_list_peek (list, i));
        }
      g_assert_null (g_list_model_get_item (G_LIST_MODEL (rows), steps[s].n));
    }
}

/* A row held (by a list item) stays the same object across searches while
 * its position stays; one whose position went is not handed out again. */
static void
test_slots_stable (void)
{
  g_autoptr(StorylineStory) story = make_story (60);
  g_autoptr(StorylineEventList) list = storyline_event_list_new ();
  g_autoptr(StorylineEventRows) rows = NULL;
  g_autoptr(StorylineEventSlot) first = NULL;
  g_autoptr(StorylineEventSlot) last = NULL;
  g_autoptr(StorylineEventSlot) again = NULL;
  g_autoptr(StorylineEventSlot) last_again = NULL;

  storyline_event_list_set_story (list, story, FALSE);
  rows = storyline_event_rows_new (list);
  first = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  last = g_list_model_get_item (G_LIST_MODEL (rows), 59);

  search (list, "odd");
  again = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_true (again == first);
  g_assert_true (storyline_event_rows_get_event (rows, 0) == storyline_story_lookup_event (story, "e1"));

  /* Position 59 went, and came back: a new row, not the one held. */
  search (list, "");
  last_again = g_list_model_get_item (G_LIST_MODEL (rows), 59);
  g_assert_true (last_again != last);
  g_assert_cmpuint (storyline_event_slot_get_position (last_again), ==, 59);
}

/* Rows let go of are made anew; the rows let go of the list they follow
 * when they go. */
static void
test_lifetimes (void)
{
  g_autoptr(StorylineStory) story = make_story (10);
  StorylineEventList *list = storyline_event_list_new ();
  StorylineEventRows *rows;
  StorylineEventSlot *slot;

  storyline_event_list_set_story (list, story, FALSE);
  rows = storyline_event_rows_new (list);
  slot = g_list_model_get_item (G_LIST_MODEL (rows), 3);
  g_object_add_weak_pointer (G_OBJECT (slot), (gpointer *) &slot);
  g_object_unref (slot);
  g_assert_null (slot);

  g_object_add_weak_pointer (G_OBJECT (list), (gpointer *) &list);
  g_object_unref (list);
  g_assert_nonnull (list);
  g_object_unref (rows);
  g_assert_null (list);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/event-rows/follows-count", test_follows_count);
  g_test_add_func ("/event-rows/slots-stable", test_slots_stable);
  g_test_add_func ("/event-rows/lifetimes", test_lifetimes);

  return g_test_run ();
}
