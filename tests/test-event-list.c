/* test-event-list.c: the filtered event list and the search beneath it
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-event-list.h"
#include "storyline-loader.h"
#include "storyline-search.h"

/* storyline_find_bytes() against a plain byte-by-byte search, for every
 * needle length and every place, across the eight-byte steps it takes. */
static const char *
find_slowly (const char *haystack,
             gsize       len,
             const char *needle,
             gsize       needle_len)
{
  for (gsize i = 0; i + needle_len <= len; i++)
    if (memcmp (haystack + i, needle, needle_len) == 0)
      return haystack + i;
  return NULL;
}

static void
test_find_bytes (void)
{
  const char *text = "the court and the council met in dhaka; shipment to karachi\nzz";
  gsize len = strlen (text);

  /* Every substring of the text is found where it first occurs. */
  for (gsize start = 0; start < len; start++)
    for (gsize n = 1; n <= 12 && start + n <= len; n++)
      {
        const char *needle = text + start;
        g_assert_true (storyline_find_bytes (text, len, needle, n) == find_slowly (text, len, needle, n));
      }

  /* Every length of haystack, so the end falls at every place of a step. */
  for (gsize hl = 0; hl <= len; hl++)
    {
      static const char *needles[] = { "zz", "ka", "karachi", "q", "hi\nz", "dhaka;", "xx" };

      for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
        g_assert_true (storyline_find_bytes (text, hl, needles[i], strlen (needles[i])) ==
                       find_slowly (text, hl, needles[i], strlen (needles[i])));
    }

  g_assert_null (storyline_find_bytes (text, len, "councill", 8));
  g_assert_null (storyline_find_bytes ("ab", 2, "abc", 3));
  g_assert_true (storyline_find_bytes (text, len, "", 0) == text);
  /* Past the length given, even before a NUL, nothing is found. */
  g_assert_null (storyline_find_bytes (text, 3, "the c", 5));
  /* A match right at the end of a long haystack. */
  g_assert_true (storyline_find_bytes (text, len, "\nzz", 3) == text + len - 3);
}

static const char *words[] = { "Summit", "Dhaka", "shipment", "Karachi", "court", "Rice", "Thé", "council" };

/* A story of @n events: titles from a few words, so that queries match
 * some events and not others. */
static StorylineStory *
make_story (guint n)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"storyline\", \"version\": 1, "
                                          "\"story\": {\"title\": \"Many events\"}, \"events\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  StorylineStory *story;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"title\": \"%s %s %u\", \"date\": \"%04u-%02u-%02u\"}",
                            i ? ", " : "", i, words[i % 8], words[(i / 8) % 8], i % 97,
                            1990 + i % 30, 1 + i % 12, 1 + i % 28);
  g_string_append (json, "]}");
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  story = storyline_load_bytes (bytes, NULL, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (story);
  return story;
}

static void
refiltered (StorylineEventList *list,
            gboolean           *done)
{
  *done = TRUE;
}

static void
apply (StorylineEventList *list,
       const char         *search)
{
  g_autoptr(StorylineEventQuery) query = storyline_event_query_new (search, NULL, NULL, NULL, NULL);
  gboolean done = FALSE;
  gulong id = g_signal_connect (list, "refiltered", G_CALLBACK (refiltered), &done);

  storyline_event_list_set_query (list, query);
  while (storyline_event_list_is_filtering (list))
    g_main_context_iteration (NULL, TRUE);
  /* Every new query ends in one "refiltered". */
  g_assert_true (done);
  g_signal_handler_disconnect (list, id);
}

/* The test's own reading of a search, apart from the code under test:
 * event @i's title in lower case, "é" read as "e", holds every word. */
static gboolean
title_matches (guint       i,
               const char *search)
{
  g_autofree char *title = g_strdup_printf ("%s %s %u", words[i % 8], words[(i / 8) % 8], i % 97);
  g_autofree char *plain_title = NULL;
  g_autofree char *plain_search = NULL;
  g_auto(GStrv) parts = NULL;
  GString *t = g_string_new (NULL), *q = g_string_new (NULL);

  for (const char *p = title; *p; p = g_utf8_next_char (p))
    g_string_append_unichar (t, g_utf8_get_char (p) == 0xE9 ? 'e' : g_unichar_tolower (g_utf8_get_char (p)));
  for (const char *p = search; *p; p = g_utf8_next_char (p))
    g_string_append_unichar (q, g_utf8_get_char (p) == 0xE9 ? 'e' : g_unichar_tolower (g_utf8_get_char (p)));
  plain_title = g_string_free (t, FALSE);
  plain_search = g_string_free (q, FALSE);

  parts = g_strsplit (plain_search, " ", -1);
  for (guint k = 0; parts[k]; k++)
    if (*parts[k] != '\0' && strstr (plain_title, parts[k]) == NULL)
      return FALSE;
  return TRUE;
}

/* What the list shows must be exactly the events the query matches, in
 * the list's order, whichever way it got there: the whole story, a
 * narrower query over the events shown, the longest word first. */
static void
check_list (StorylineEventList *list,
            StorylineStory     *story,
            const char         *search)
{
  GPtrArray *events = storyline_story_get_events (story);
  guint expected = 0;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < events->len; i++)
    {
      guint index = (guint) g_ascii_strtoull (storyline_event_get_id (events->pdata[i]) + 1, NULL, 10);
      guint position = storyline_event_list_find (list, events->pdata[i]);

      if (title_matches (index, search))
        {
          expected++;
          g_assert_cmpuint (position, <, n);
        }
      else
        g_assert_cmpuint (position, ==, G_MAXUINT);
    }
  g_assert_cmpuint (n, ==, expected);
}

static void
test_filter (gconstpointer data)
{
  guint n_events = GPOINTER_TO_UINT (data);
  g_autoptr(StorylineStory) story = make_story (n_events);
  g_autoptr(StorylineEventList) list = storyline_event_list_new ();
  /* Typed and erased a letter at a time, as the search entry applies it,
   * plus words in any order and a word that is nowhere. */
  static const char *searches[] = {
    "t", "th", "the", "the ", "the c", "the co", "the cou", "the court",
    "the cou", "the c", "the", "", "s", "sh", "shipment ka", "karachi shipment",
    "SHIPMENT", "the", "e", "summit 4", "summit 42", "nowhere", "", "rice the", "1"
  };

  storyline_event_list_set_story (list, story, FALSE);
  g_assert_cmpuint (storyline_event_list_get_n_total (list), ==, n_events);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_events);

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      apply (list, searches[i]);
      check_list (list, story, searches[i]);
    }
  /* "thé" folds to "the": Thé is found by either. */
  apply (list, "thé summit");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
  check_list (list, story, "the summit");
}

/* The list's events in its order: oldest first, or newest first. */
static void
check_order (StorylineEventList *list,
             gboolean            newest_first)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 1; i < n; i++)
    {
      int cmp = storyline_event_compare (storyline_event_list_peek (list, i - 1),
                                         storyline_event_list_peek (list, i));

      g_assert_cmpint (newest_first ? -cmp : cmp, <, 0);
    }
}

/* Turned to newest first and back, the list searches the same events in
 * the new order: the texts folded for one order serve the other. */
static void
test_newest_first (gconstpointer data)
{
  guint n_events = GPOINTER_TO_UINT (data);
  g_autoptr(StorylineStory) story = make_story (n_events);
  g_autoptr(StorylineEventList) list = storyline_event_list_new ();
  static const char *searches[] = { "the co", "shipment ka", "summit 42", "e", "" };

  for (guint round = 0; round < 4; round++)
    {
      gboolean newest_first = round % 2 == 1;

      storyline_event_list_set_story (list, story, newest_first);
      check_order (list, newest_first);
      for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
        {
          apply (list, searches[i]);
          check_list (list, story, searches[i]);
          check_order (list, newest_first);
        }
    }
}

/* What the list promises its views: one items-changed a change (none when
 * the rows are the same), preceded by ::changing with the same figures,
 * covering only the rows between the unchanged start and the unchanged
 * end. A mirror of the list, kept only from the signals, must end up as
 * the list, and the figures must be the least that get it there. */
typedef struct
{
  GPtrArray *mirror;
  guint n_changed;
  guint n_changing;
  guint position, removed, added;
} Watch;

static void
watch_changing (StorylineEventList *list,
                guint               position,
                guint               removed,
                guint               added,
                Watch              *w)
{
  /* Said before the list changes: the mirror is still the old list. */
  g_assert_cmpuint (w->n_changing, ==, w->n_changed);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, w->mirror->len);
  w->n_changing++;
  w->position = position;
  w->removed = removed;
  w->added = added;
}

static void
watch_items_changed (GListModel *list,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Watch      *w)
{
  w->n_changed++;
  g_assert_cmpuint (w->n_changing, ==, w->n_changed);
  g_assert_cmpuint (position, ==, w->position);
  g_assert_cmpuint (removed, ==, w->removed);
  g_assert_cmpuint (added, ==, w->added);
  g_assert_cmpuint (position + removed, <=, w->mirror->len);
  g_ptr_array_remove_range (w->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (w->mirror, position + i, g_list_model_get_item (list, position + i));
  g_assert_cmpuint (w->mirror->len, ==, g_list_model_get_n_items (list));
}

static GPtrArray *
list_items (StorylineEventList *list)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (list), i));
  return items;
}

static void
test_items_changed (gconstpointer data)
{
  guint n_events = GPOINTER_TO_UINT (data);
  g_autoptr(StorylineStory) story = make_story (n_events);
  g_autoptr(StorylineStory) other = make_story (n_events / 2);
  g_autoptr(StorylineEventList) list = storyline_event_list_new ();
  Watch w = { g_ptr_array_new_with_free_func (g_object_unref), 0, 0, 0, 0, 0 };
  static const char *searches[] = {
    "s", "sh", "shipment", "shipment", "shipment ka", "shipment", "summit 4", "summit 42",
    "summit 4", "nowhere", "nowhere at all", "", "the", "court", "rice", "",
  };

  g_signal_connect (list, "changing", G_CALLBACK (watch_changing), &w);
  g_signal_connect (list, "items-changed", G_CALLBACK (watch_items_changed), &w);

  /* A new story: every row, once. */
  storyline_event_list_set_story (list, story, FALSE);
  g_assert_cmpuint (w.n_changed, ==, 1);
  g_assert_cmpuint (w.position, ==, 0);
  g_assert_cmpuint (w.removed, ==, 0);
  g_assert_cmpuint (w.added, ==, n_events);

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autoptr(GPtrArray) before = list_items (list);
      g_autoptr(GPtrArray) after = NULL;
      guint n_before = w.n_changed;
      guint start = 0, end = 0;

      apply (list, searches[i]);
      after = list_items (list);
      check_list (list, story, searches[i]);

      /* The mirror is the list. */
      g_assert_cmpuint (w.mirror->len, ==, after->len);
      for (guint k = 0; k < after->len; k++)
        g_assert_true (w.mirror->pdata[k] == after->pdata[k]);

      /* The least change: the common start and end are not announced. */
      while (start < before->len && start < after->len && before->pdata[start] == after->pdata[start])
        start++;
      while (end < before->len - start && end < after->len - start &&
             before->pdata[before->len - 1 - end] == after->pdata[after->len - 1 - end])
        end++;
      if (start == before->len && start == after->len)
        g_assert_cmpuint (w.n_changed, ==, n_before);
      else
        {
          g_assert_cmpuint (w.n_changed, ==, n_before + 1);
          g_assert_cmpuint (w.position, ==, start);
          g_assert_cmpuint (w.removed, ==, before->len - start - end);
          g_assert_cmpuint (w.added, ==, after->len - start - end);
        }
    }

  /* Another story while a search is on: every row again, once, and the
   * search is dropped. */
  apply (list, "shipment");
  {
    guint n_before = w.n_changed, n_old = w.mirror->len;

    storyline_event_list_set_story (list, other, FALSE);
    g_assert_cmpuint (w.n_changed, ==, n_before + 1);
    g_assert_cmpuint (w.position, ==, 0);
    g_assert_cmpuint (w.removed, ==, n_old);
    g_assert_cmpuint (w.added, ==, n_events / 2);
    g_assert_cmpuint (w.mirror->len, ==, n_events / 2);
  }

  /* No story: the rows go, once; and none again. */
  storyline_event_list_set_story (list, NULL, FALSE);
  g_assert_cmpuint (w.mirror->len, ==, 0);
  {
    guint n_before = w.n_changed;

    storyline_event_list_set_story (list, NULL, FALSE);
    g_assert_cmpuint (w.n_changed, ==, n_before);
  }

  g_signal_handlers_disconnect_by_data (list, &w);
  g_ptr_array_unref (w.mirror);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/find-bytes", test_find_bytes);
  /* Below and above the size filtered on worker threads. */
  g_test_add_data_func ("/event-list/filter/small", GUINT_TO_POINTER (800), test_filter);
  g_test_add_data_func ("/event-list/filter/large", GUINT_TO_POINTER (STORYLINE_EVENT_LIST_SYNC_LIMIT + 4000), test_filter);
  g_test_add_data_func ("/event-list/newest-first/small", GUINT_TO_POINTER (800), test_newest_first);
  g_test_add_data_func ("/event-list/items-changed/small", GUINT_TO_POINTER (800), test_items_changed);
  g_test_add_data_func ("/event-list/items-changed/large", GUINT_TO_POINTER (STORYLINE_EVENT_LIST_SYNC_LIMIT + 4000), test_items_changed);
  g_test_add_data_func ("/event-list/newest-first/large", GUINT_TO_POINTER (STORYLINE_EVENT_LIST_SYNC_LIMIT + 4000), test_newest_first);

  return g_test_run ();
}
