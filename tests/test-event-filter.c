/* test-event-filter.c: the window's filters, and what they tell
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "storyline-event-filter.h"
#include "storyline-loader.h"
#include "storyline-search.h"

/* A story with the actors and sources named in @actors and @sources (ids
 * as "a1,a2"), and one event citing and involving all of them. */
static StorylineStory *
make_story (const char *actors,
            const char *sources)
{
  g_auto(GStrv) a = g_strsplit (actors, ",", -1);
  g_auto(GStrv) s = g_strsplit (sources, ",", -1);
  g_autoptr(GString) json = g_string_new ("{\"format\": \"storyline\", \"version\": 1, \"story\": {\"title\": \"T\"}, \"actors\": [");
  g_autoptr(GString) refs = g_string_new (NULL);
  g_autoptr(GString) cites = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  StorylineStory *story;

  for (guint i = 0; a[i] && *a[i]; i++)
    {
      g_string_append_printf (json, "%s{\"id\": \"%s\", \"name\": \"Actor %s\"}", i ? ", " : "", a[i], a[i]);
      g_string_append_printf (refs, "%s\"%s\"", i ? ", " : "", a[i]);
    }
  g_string_append (json, "], \"sources\": [");
  for (guint i = 0; s[i] && *s[i]; i++)
    {
      g_string_append_printf (json, "%s{\"id\": \"%s\", \"type\": \"webpage\", \"title\": \"Source %s\"}", i ? ", " : "", s[i], s[i]);
      g_string_append_printf (cites, "%s\"%s\"", i ? ", " : "", s[i]);
    }
  g_string_append_printf (json, "], \"events\": [{\"id\": \"e1\", \"title\": \"Talks in Dhaka\", \"date\": \"2025\","
                          " \"type\": \"meeting\", \"tags\": [\"defence\"], \"actors\": [%s], \"sources\": [%s]}]}",
                          refs->str, cites->str);
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  story = storyline_load_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  return story;
}

typedef struct
{
  guint changed;
  guint search;
  guint active;
} Counts;

static void
on_changed (StorylineEventFilter *filter,
            Counts               *c)
{
  c->changed++;
}

static void
on_notify (StorylineEventFilter *filter,
           GParamSpec           *pspec,
           Counts               *c)
{
  if (g_str_equal (pspec->name, "search"))
    c->search++;
  else if (g_str_equal (pspec->name, "active"))
    c->active++;
}

#define assert_counts(c, ch, se, ac) G_STMT_START { \
  g_assert_cmpuint ((c).changed, ==, (ch)); \
  g_assert_cmpuint ((c).search, ==, (se)); \
  g_assert_cmpuint ((c).active, ==, (ac)); \
} G_STMT_END

static gboolean
query_matches (StorylineEventFilter *filter,
               StorylineEvent       *event)
{
  g_autoptr(StorylineEventQuery) query = storyline_event_filter_dup_query (filter);
  g_autofree char *text = storyline_event_dup_search_text (event);

  return storyline_event_query_matches (query, event, text);
}

/* Each setter says "changed" once when the value changes, and nothing when
 * it does not; "search" and "active" are notified when they change, and
 * only then. */
static void
test_signals (void)
{
  g_autoptr(StorylineStory) story = make_story ("a1,a2", "s1");
  g_autoptr(StorylineEventFilter) filter = storyline_event_filter_new ();
  StorylineActor *a1 = storyline_story_lookup_actor (story, "a1");
  Counts c = { 0, 0, 0 };

  g_signal_connect (filter, "changed", G_CALLBACK (on_changed), &c);
  g_signal_connect (filter, "notify", G_CALLBACK (on_notify), &c);

  g_assert_false (storyline_event_filter_is_active (filter));
  storyline_event_filter_set_story (filter, story);
  assert_counts (c, 1, 0, 0);
  storyline_event_filter_set_story (filter, story);
  assert_counts (c, 1, 0, 0);

  /* Only spaces is no search. */
  storyline_event_filter_set_search (filter, "   ");
  g_assert_null (storyline_event_filter_get_search (filter));
  assert_counts (c, 1, 0, 0);

  storyline_event_filter_set_search (filter, "dhaka");
  assert_counts (c, 2, 1, 1);
  g_assert_true (storyline_event_filter_is_active (filter));
  storyline_event_filter_set_search (filter, "dhaka");
  assert_counts (c, 2, 1, 1);
  /* As typed: a space more is another search, which stays active. */
  storyline_event_filter_set_search (filter, "dhaka ");
  assert_counts (c, 3, 2, 1);

  storyline_event_filter_set_actor (filter, a1);
  assert_counts (c, 4, 2, 1);
  storyline_event_filter_set_actor (filter, a1);
  assert_counts (c, 4, 2, 1);
  storyline_event_filter_set_event_type (filter, "meeting");
  storyline_event_filter_set_event_type (filter, "meeting");
  storyline_event_filter_set_tag (filter, "defence");
  storyline_event_filter_set_tag (filter, "defence");
  storyline_event_filter_set_source (filter, storyline_story_lookup_source (story, "s1"));
  storyline_event_filter_set_source (filter, storyline_story_lookup_source (story, "s1"));
  assert_counts (c, 7, 2, 1);

  /* Cleared: one change, the search gone, inactive; then nothing to clear. */
  storyline_event_filter_clear (filter);
  assert_counts (c, 8, 3, 2);
  g_assert_false (storyline_event_filter_is_active (filter));
  g_assert_null (storyline_event_filter_get_search (filter));
  g_assert_null (storyline_event_filter_get_actor (filter));
  g_assert_null (storyline_event_filter_get_source (filter));
  g_assert_null (storyline_event_filter_get_event_type (filter));
  g_assert_null (storyline_event_filter_get_tag (filter));
  storyline_event_filter_clear (filter);
  assert_counts (c, 8, 3, 2);

  /* Off again through a setter: inactive, notified. */
  storyline_event_filter_set_tag (filter, "defence");
  assert_counts (c, 9, 3, 3);
  storyline_event_filter_set_tag (filter, NULL);
  assert_counts (c, 10, 3, 4);
}

/* A reload keeps the actor and source chosen by id: the new story's own
 * objects; ones the new story lacks are dropped. */
static void
test_story_carries_over (void)
{
  g_autoptr(StorylineStory) first = make_story ("a1,a2", "s1,s2");
  g_autoptr(StorylineStory) again = make_story ("a1,a2", "s1,s2");
  g_autoptr(StorylineStory) smaller = make_story ("a2", "s1");
  g_autoptr(StorylineEventFilter) filter = storyline_event_filter_new ();

  storyline_event_filter_set_story (filter, first);
  storyline_event_filter_set_actor (filter, storyline_story_lookup_actor (first, "a1"));
  storyline_event_filter_set_source (filter, storyline_story_lookup_source (first, "s1"));
  storyline_event_filter_set_search (filter, "talks");

  storyline_event_filter_set_story (filter, again);
  g_assert_true (storyline_event_filter_get_actor (filter) == storyline_story_lookup_actor (again, "a1"));
  g_assert_true (storyline_event_filter_get_source (filter) == storyline_story_lookup_source (again, "s1"));
  g_assert_cmpstr (storyline_event_filter_get_search (filter), ==, "talks");
  g_assert_true (query_matches (filter, storyline_story_lookup_event (again, "e1")));

  storyline_event_filter_set_story (filter, smaller);
  g_assert_null (storyline_event_filter_get_actor (filter));
  g_assert_true (storyline_event_filter_get_source (filter) == storyline_story_lookup_source (smaller, "s1"));
  g_assert_true (storyline_event_filter_is_active (filter));

  storyline_event_filter_set_story (filter, NULL);
  g_assert_null (storyline_event_filter_get_source (filter));
}

/* The query is the filters': each one narrows. */
static void
test_query (void)
{
  g_autoptr(StorylineStory) story = make_story ("a1,a2", "s1");
  g_autoptr(StorylineStory) other = make_story ("a3", "s9");
  g_autoptr(StorylineEventFilter) filter = storyline_event_filter_new ();
  StorylineEvent *e1 = storyline_story_lookup_event (story, "e1");

  storyline_event_filter_set_story (filter, story);
  g_assert_true (query_matches (filter, e1));
  storyline_event_filter_set_search (filter, "DHAKA talks");
  g_assert_true (query_matches (filter, e1));
  storyline_event_filter_set_search (filter, "karachi");
  g_assert_false (query_matches (filter, e1));
  storyline_event_filter_set_search (filter, NULL);

  storyline_event_filter_set_event_type (filter, "trade");
  g_assert_false (query_matches (filter, e1));
  storyline_event_filter_set_event_type (filter, "meeting");
  g_assert_true (query_matches (filter, e1));
  storyline_event_filter_set_tag (filter, "rice");
  g_assert_false (query_matches (filter, e1));
  storyline_event_filter_set_tag (filter, "defence");
  g_assert_true (query_matches (filter, e1));
  /* An actor or source the event does not have. */
  storyline_event_filter_set_actor (filter, storyline_story_lookup_actor (other, "a3"));
  g_assert_false (query_matches (filter, e1));
  storyline_event_filter_set_actor (filter, storyline_story_lookup_actor (story, "a2"));
  g_assert_true (query_matches (filter, e1));
  storyline_event_filter_set_source (filter, storyline_story_lookup_source (other, "s9"));
  g_assert_false (query_matches (filter, e1));
  storyline_event_filter_set_source (filter, NULL);
  g_assert_true (query_matches (filter, e1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/event-filter/signals", test_signals);
  g_test_add_func ("/event-filter/story-carries-over", test_story_carries_over);
  g_test_add_func ("/event-filter/query", test_query);

  return g_test_run ();
}
