/* test-event-query.c: what an event must have to be listed
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-event-query.h"
#include "storyline-loader.h"
#include "storyline-search.h"

static StorylineStory *
make_story (void)
{
  static const char json[] =
    "{\"format\": \"storyline\", \"version\": 1, \"story\": {\"title\": \"T\"},"
    " \"actors\": [{\"id\": \"a1\", \"name\": \"Mirza\"}, {\"id\": \"a2\", \"name\": \"Yunus\"}],"
    " \"sources\": [{\"id\": \"s1\", \"type\": \"webpage\", \"title\": \"One\"}, {\"id\": \"s2\", \"type\": \"webpage\", \"title\": \"Two\"}],"
    " \"events\": ["
    "  {\"id\": \"e1\", \"title\": \"Talks in Dhaka\", \"date\": \"2025\", \"type\": \"meeting\", \"tags\": [\"defence\"], \"actors\": [\"a1\"], \"sources\": [\"s1\"]},"
    "  {\"id\": \"e2\", \"title\": \"Rice from Karachi\", \"date\": \"2025\", \"type\": \"trade\", \"actors\": [\"a2\"], \"sources\": [\"s2\"]}"
    " ]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  StorylineStory *story = storyline_load_bytes (bytes, NULL, NULL, &error);

  g_assert_no_error (error);
  return story;
}

static gboolean
matches (StorylineEventQuery *query,
         StorylineEvent      *event)
{
  g_autofree char *text = storyline_event_dup_search_text (event);
  return storyline_event_query_matches (query, event, text);
}

static void
test_matches (void)
{
  g_autoptr(StorylineStory) story = make_story ();
  StorylineEvent *e1 = storyline_story_lookup_event (story, "e1");
  StorylineEvent *e2 = storyline_story_lookup_event (story, "e2");
  StorylineActor *mirza = storyline_story_lookup_actor (story, "a1");
  StorylineSource *two = storyline_story_lookup_source (story, "s2");

  /* No query lists everything. */
  g_assert_true (storyline_event_query_matches (NULL, e1, NULL));

  /* Each part alone, and each just missing. */
  {
    g_autoptr(StorylineEventQuery) q = storyline_event_query_new ("DHAKA talks", NULL, NULL, NULL, NULL);
    g_assert_true (matches (q, e1));
    g_assert_false (matches (q, e2));
  }
  {
    g_autoptr(StorylineEventQuery) q = storyline_event_query_new (NULL, mirza, NULL, NULL, NULL);
    g_assert_true (matches (q, e1));
    g_assert_false (matches (q, e2));
  }
  {
    g_autoptr(StorylineEventQuery) q = storyline_event_query_new (NULL, NULL, two, NULL, NULL);
    g_assert_false (matches (q, e1));
    g_assert_true (matches (q, e2));
  }
  {
    g_autoptr(StorylineEventQuery) q = storyline_event_query_new (NULL, NULL, NULL, "trade", NULL);
    g_assert_false (matches (q, e1));
    g_assert_true (matches (q, e2));
  }
  {
    g_autoptr(StorylineEventQuery) q = storyline_event_query_new (NULL, NULL, NULL, NULL, "defence");
    g_assert_true (matches (q, e1));
    g_assert_false (matches (q, e2));
  }
  /* Every part must hold: the words of one event and the actor of the other. */
  {
    g_autoptr(StorylineEventQuery) q = storyline_event_query_new ("rice", mirza, NULL, NULL, NULL);
    g_assert_false (matches (q, e1));
    g_assert_false (matches (q, e2));
  }
  /* Words need the text; without it they cannot match. */
  {
    g_autoptr(StorylineEventQuery) q = storyline_event_query_new ("rice", NULL, NULL, NULL, NULL);
    g_assert_false (storyline_event_query_matches (q, e2, NULL));
  }

  /* The predicates the query rests on. */
  g_assert_true (storyline_event_involves (e1, mirza));
  g_assert_false (storyline_event_involves (e2, mirza));
  g_assert_true (storyline_event_cites (e2, two));
  g_assert_false (storyline_event_cites (e1, two));
  g_assert_true (storyline_event_has_tag (e1, "defence"));
  g_assert_false (storyline_event_has_tag (e2, "defence"));
}

static void
test_empty_and_narrows (void)
{
  g_autoptr(StorylineStory) story = make_story ();
  StorylineActor *mirza = storyline_story_lookup_actor (story, "a1");
  g_autoptr(StorylineEventQuery) empty = storyline_event_query_new ("  ", NULL, NULL, NULL, NULL);
  g_autoptr(StorylineEventQuery) th = storyline_event_query_new ("th", NULL, NULL, NULL, NULL);
  g_autoptr(StorylineEventQuery) the = storyline_event_query_new ("the", NULL, NULL, NULL, NULL);
  g_autoptr(StorylineEventQuery) the_c = storyline_event_query_new ("the c", NULL, NULL, NULL, NULL);
  g_autoptr(StorylineEventQuery) t = storyline_event_query_new ("t", NULL, NULL, NULL, NULL);
  g_autoptr(StorylineEventQuery) the_mirza = storyline_event_query_new ("the", mirza, NULL, NULL, NULL);

  g_assert_true (storyline_event_query_is_empty (empty));
  g_assert_false (storyline_event_query_is_empty (th));
  g_assert_false (storyline_event_query_is_empty (the_mirza));

  /* Typing on narrows; erasing, or a word that is not inside, does not. */
  g_assert_true (storyline_event_query_narrows (the, th));
  g_assert_true (storyline_event_query_narrows (the_c, the));
  g_assert_false (storyline_event_query_narrows (t, th));
  g_assert_false (storyline_event_query_narrows (th, the));
  /* Anything narrows nothing; an actor set now narrows, dropped does not. */
  g_assert_true (storyline_event_query_narrows (th, empty));
  g_assert_true (storyline_event_query_narrows (the_mirza, the));
  g_assert_false (storyline_event_query_narrows (the, the_mirza));
}

/* A search finds the events that cite a source by its outlet, title or
 * authors, and the events whose quotes an outlet printed. */
static void
test_sources_searched (void)
{
  static const char json[] =
    "{\"format\": \"storyline\", \"version\": 1, \"story\": {\"title\": \"T\"},"
    " \"actors\": [{\"id\": \"a1\", \"name\": \"Mirza\"}],"
    " \"sources\": ["
    "  {\"id\": \"s1\", \"type\": \"article-newspaper\", \"title\": \"Chiefs vow closer ties\", \"container-title\": \"Dawn\","
    "   \"author\": [{\"family\": \"Siddiqui\", \"given\": \"Naveed\"}]},"
    "  {\"id\": \"s2\", \"type\": \"webpage\", \"title\": \"Press release\", \"publisher\": \"Inter-Services Public Relations\"},"
    "  {\"id\": \"s3\", \"type\": \"article-newspaper\", \"title\": \"Talks\", \"container-title\": \"Arab News\","
    "   \"author\": [{\"literal\": \"Staff Reporter\"}]}"
    " ],"
    " \"events\": ["
    "  {\"id\": \"e1\", \"title\": \"Talks in Dhaka\", \"date\": \"2025\", \"sources\": [\"s1\"]},"
    "  {\"id\": \"e2\", \"title\": \"A statement\", \"date\": \"2025\", \"sources\": [\"s2\"]}"
    " ],"
    " \"quotes\": [{\"id\": \"q1\", \"event\": \"e2\", \"speaker\": \"a1\", \"text\": \"We agree.\", \"origin\": \"s2\","
    "   \"renditions\": [{\"source\": \"s3\", \"text\": \"We agree.\"}]}]"
    "}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(StorylineStory) story = storyline_load_bytes (bytes, NULL, NULL, &error);
  StorylineEvent *e1, *e2;
  static const struct { const char *search; gboolean e1, e2; } cases[] = {
    { "dawn", TRUE, FALSE },                 /* the outlet */
    { "DAWN talks", TRUE, FALSE },           /* with the event's own words */
    { "chiefs vow", TRUE, FALSE },           /* the title */
    { "siddiqui", TRUE, FALSE },             /* an author's family name */
    { "naveed", TRUE, FALSE },               /* and given name */
    { "inter-services", FALSE, TRUE },       /* a publisher */
    { "arab news", FALSE, TRUE },            /* the outlet that printed a quote */
    { "staff reporter", FALSE, TRUE },       /* its author */
    { "dawn arab", FALSE, FALSE },           /* every word must be found */
  };

  g_assert_no_error (error);
  e1 = storyline_story_lookup_event (story, "e1");
  e2 = storyline_story_lookup_event (story, "e2");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(StorylineEventQuery) query = storyline_event_query_new (cases[i].search, NULL, NULL, NULL, NULL);

      g_test_message ("%s", cases[i].search);
      g_assert_true (matches (query, e1) == cases[i].e1);
      g_assert_true (matches (query, e2) == cases[i].e2);
    }
}

/* Where a search's words are in a text, as the search finds them: for
 * highlighting what matched. */
static char *
marked (const char *text,
        const char *search)
{
  g_autoptr(GArray) ranges = storyline_search_find (text, search);
  GString *s = g_string_new (NULL);
  guint at = 0;

  for (guint i = 0; i < ranges->len; i++)
    {
      StorylineTextRange *r = &g_array_index (ranges, StorylineTextRange, i);

      g_assert_cmpuint (r->start, >=, at);
      g_assert_cmpuint (r->end, >, r->start);
      g_string_append_len (s, text + at, r->start - at);
      g_string_append_c (s, '[');
      g_string_append_len (s, text + r->start, r->end - r->start);
      g_string_append_c (s, ']');
      at = r->end;
    }
  g_string_append (s, text + at);
  return g_string_free (s, FALSE);
}

static void
test_search_find (void)
{
  static const struct { const char *text, *search, *expected; } cases[] = {
    { "Talks in Dhaka", "dhaka", "Talks in [Dhaka]" },
    { "Talks in Dhaka", "DHAKA talks", "[Talks] in [Dhaka]" },
    { "Guard of honour at Sénakunja", "senakunja", "Guard of honour at [Sénakunja]" },
    /* Decomposed: the accent is a mark of its own, kept in the match. */
    { "Se\xcc\x81nakunja", "SENA", "[Se\xcc\x81na]kunja" },
    { "the the", "the", "[the] [the]" },
    { "aaaa", "aa", "[aaaa]" },                         /* overlapping: merged */
    { "Pakistan’s army", "pakistan's", "[Pakistan’s] army" },
    { "ঢাকায় বৈঠক", "ঢাকা", "[ঢাকা]য় বৈঠক" },            /* Bengali: marks are vowels */
    { "کراچی سے", "کراچی", "[کراچی] سے" },
    { "Nothing here", "dawn", "Nothing here" },
    { "Nothing here", "  ", "Nothing here" },
    { "", "dawn", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = marked (cases[i].text, cases[i].search);

      g_test_message ("%s / %s", cases[i].text, cases[i].search);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }

  /* Whatever the text, every range ends on a character boundary and what
   * it covers folds to contain the word. */
  {
    static const char *texts[] = { "Ärger über Öl", "İstanbul", "ﬁle ﬂow", "Straße", "ČSSR", "Ångström" };
    static const char *searches[] = { "arger", "ol", "istanbul", "file", "flow", "strasse", "cssr", "angstrom", "o" };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      for (guint j = 0; j < G_N_ELEMENTS (searches); j++)
        {
          g_autoptr(GArray) ranges = storyline_search_find (texts[i], searches[j]);
          g_autofree char *folded_text = storyline_fold_text (texts[i]);
          g_autofree char *folded_word = storyline_fold_text (searches[j]);

          /* Found exactly when the search finds it. */
          g_assert_true ((ranges->len > 0) == (strstr (folded_text, folded_word) != NULL));
          for (guint k = 0; k < ranges->len; k++)
            {
              StorylineTextRange *r = &g_array_index (ranges, StorylineTextRange, k);
              g_autofree char *covered = g_strndup (texts[i] + r->start, r->end - r->start);
              g_autofree char *folded = storyline_fold_text (covered);

              g_assert_true (g_utf8_validate (covered, -1, NULL));
              g_assert_nonnull (strstr (folded, folded_word));
            }
        }
  }
}

/* A span of days from the time axis: an event is listed when it can fall
 * in it, at whatever precision; a span inside the last narrows it. */
static void
test_range (void)
{
  static const char json[] =
    "{\"format\": \"storyline\", \"version\": 1, \"story\": {\"title\": \"T\"},"
    " \"events\": ["
    "  {\"id\": \"year\", \"title\": \"A\", \"date\": \"1971\"},"
    "  {\"id\": \"month\", \"title\": \"B\", \"date\": \"2025-01\"},"
    "  {\"id\": \"day\", \"title\": \"C\", \"date\": \"2025-01-14\"},"
    "  {\"id\": \"span\", \"title\": \"D\", \"date\": \"2025-01-13/2025-01-18\"},"
    "  {\"id\": \"one-of\", \"title\": \"E\", \"date\": \"[2025-10-24..2025-10-27]\"}"
    " ]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(StorylineStory) story = storyline_load_bytes (bytes, NULL, NULL, NULL);
  static const struct { int y1, m1, d1, y2, m2, d2; const char *listed; } cases[] = {
    { 1971, 6, 1, 1971, 6, 1, "year" },
    { 2025, 1, 14, 2025, 1, 14, "month day span" },
    { 2025, 1, 18, 2025, 1, 31, "month span" },
    { 2025, 1, 19, 2025, 1, 31, "month" },
    { 2024, 12, 1, 2024, 12, 31, "" },
    { 2025, 10, 27, 2025, 12, 31, "one-of" },
    { 2025, 10, 28, 2025, 12, 31, "" },
    { 1900, 1, 1, 2100, 1, 1, "year month day span one-of" },
  };

  g_assert_nonnull (story);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(StorylineEventQuery) q = storyline_event_query_new (NULL, NULL, NULL, NULL, NULL);
      g_autoptr(GString) listed = g_string_new (NULL);
      GPtrArray *events = storyline_story_get_events (story);

      g_assert_true (storyline_event_query_is_empty (q));
      storyline_event_query_set_range (q, storyline_days_from_civil (cases[i].y1, cases[i].m1, cases[i].d1),
                                       storyline_days_from_civil (cases[i].y2, cases[i].m2, cases[i].d2));
      g_assert_false (storyline_event_query_is_empty (q));
      for (guint j = 0; j < events->len; j++)
        if (matches (q, events->pdata[j]))
          g_string_append_printf (listed, "%s%s", listed->len ? " " : "", storyline_event_get_id (events->pdata[j]));
      g_assert_cmpstr (listed->str, ==, cases[i].listed);
    }

  {
    g_autoptr(StorylineEventQuery) wide = storyline_event_query_new (NULL, NULL, NULL, NULL, NULL);
    g_autoptr(StorylineEventQuery) inside = storyline_event_query_new (NULL, NULL, NULL, NULL, NULL);
    g_autoptr(StorylineEventQuery) other = storyline_event_query_new (NULL, NULL, NULL, NULL, NULL);
    g_autoptr(StorylineEventQuery) none = storyline_event_query_new (NULL, NULL, NULL, NULL, NULL);

    storyline_event_query_set_range (wide, 100, 200);
    storyline_event_query_set_range (inside, 120, 150);
    storyline_event_query_set_range (other, 150, 250);
    g_assert_true (storyline_event_query_narrows (inside, wide));
    g_assert_false (storyline_event_query_narrows (wide, inside));
    g_assert_false (storyline_event_query_narrows (other, wide));
    g_assert_false (storyline_event_query_narrows (none, wide));
    g_assert_true (storyline_event_query_narrows (wide, none));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/event-query/matches", test_matches);
  g_test_add_func ("/event-query/empty-and-narrows", test_empty_and_narrows);
  g_test_add_func ("/event-query/sources-searched", test_sources_searched);
  g_test_add_func ("/event-query/range", test_range);
  g_test_add_func ("/search/find", test_search_find);

  return g_test_run ();
}
