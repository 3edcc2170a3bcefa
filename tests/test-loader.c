/* test-loader.c: the loader on a corpus of good and bad files
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "storyline-loader.h"
#include "storyline-problem.h"

/* Each tests/corpus/{good,bad}/NAME.json is loaded and its problems,
 * formatted as `storyline --validate` prints them, must be exactly the
 * lines of NAME.expected (none when there is no such file). A good file
 * loads; a bad one is refused. */

static char *
problems_text (GPtrArray  *problems,
               const char *name)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = storyline_problem_to_string (g_ptr_array_index (problems, i), name);
      g_string_append_printf (s, "%s\n", line);
    }
  return g_string_free (s, FALSE);
}

static void
test_corpus_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *stem = g_strndup (path, strlen (path) - strlen (".json"));
  g_autofree char *expected_path = g_strconcat (stem, ".expected", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StorylineStory) story = NULL;
  gboolean good;

  story = storyline_load_file (file, NULL, &problems, &error);
  actual = problems_text (problems, name);

  if (!g_file_get_contents (expected_path, &expected, NULL, NULL))
    expected = g_strdup ("");
  g_assert_cmpstr (actual, ==, expected);

  /* good/ loads and bad/ is refused; a hostile/ file either, as its
   * expected messages say. */
  if (strstr (path, G_DIR_SEPARATOR_S "hostile" G_DIR_SEPARATOR_S) != NULL)
    good = strstr (expected, ": error: ") == NULL;
  else
    good = strstr (path, G_DIR_SEPARATOR_S "good" G_DIR_SEPARATOR_S) != NULL;

  if (good)
    {
      g_assert_no_error (error);
      g_assert_true (STORYLINE_IS_STORY (story));
      g_assert_cmpuint (storyline_problems_count (problems, STORYLINE_SEVERITY_ERROR), ==, 0);
    }
  else
    {
      g_assert_error (error, STORYLINE_LOAD_ERROR, STORYLINE_LOAD_ERROR_INVALID);
      g_assert_null (story);
      g_assert_cmpuint (storyline_problems_count (problems, STORYLINE_SEVERITY_ERROR), >, 0);
    }
}

static void
add_corpus (const char *kind)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "corpus", kind, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;
  guint count = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *stem = g_strndup (names->pdata[i], strlen (names->pdata[i]) - 5);
      g_autofree char *test_path = g_strdup_printf ("/loader/corpus/%s/%s", kind, stem);

      g_test_add_data_func_full (test_path, g_build_filename (dir_path, names->pdata[i], NULL),
                                 test_corpus_file, g_free);
      g_free (names->pdata[i]);
      count++;
    }

  /* An empty corpus would pass silently. */
  g_assert_cmpuint (count, >=, 5);
}

static void
test_full_file_links (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", "good", "full.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(StorylineStory) story = storyline_load_file (file, NULL, NULL, NULL);
  StorylineEvent *e1, *e2;
  StorylineSource *s1, *s2;
  StorylineActor *a1;
  StorylineQuote *q1;
  StorylineRendition *r;
  const StorylineSourceRef *ref;
  const StorylineNote *note;
  const StorylineName *name;

  g_assert_nonnull (story);
  g_assert_cmpstr (storyline_story_get_title (story), ==, "Every field");
  g_assert_cmpstr (storyline_story_get_summary (story), ==, "One.\n\nTwo.");
  g_assert_cmpstr (storyline_story_get_language (story), ==, "en");

  e1 = storyline_story_lookup_event (story, "e1");
  e2 = storyline_story_lookup_event (story, "e2");
  s1 = storyline_story_lookup_source (story, "s1");
  s2 = storyline_story_lookup_source (story, "s2");
  a1 = storyline_story_lookup_actor (story, "a1");
  q1 = storyline_story_lookup_quote (story, "q1");
  g_assert_true (storyline_story_get_primary_source (story) == s1);
  g_assert_null (storyline_story_lookup_event (story, "nope"));

  /* An event knows its actors, sources, quotes, phase and relations. */
  g_assert_cmpuint (storyline_event_get_n_actors (e1), ==, 2);
  g_assert_true (storyline_event_get_actor (e1, 0) == a1);
  g_assert_true (storyline_actor_get_affiliation (a1) == storyline_story_lookup_actor (story, "org"));
  g_assert_cmpstrv (storyline_actor_get_aliases (a1), ((const char *[]) { "Other spelling", NULL }));
  g_assert_cmpint (storyline_actor_get_kind (a1), ==, STORYLINE_ACTOR_PERSON);
  g_assert_cmpuint (storyline_actor_get_n_events (a1), ==, 1);
  g_assert_cmpuint (storyline_event_get_n_sources (e1), ==, 2);
  ref = storyline_event_get_source (e1, 1);
  g_assert_true (ref->source == s2);
  g_assert_cmpstr (ref->locator, ==, "para. 3");
  g_assert_cmpstr (ref->note, ==, "N");
  g_assert_true (storyline_event_get_phase (e1) == storyline_story_lookup_phase (story, "p1"));
  g_assert_cmpuint (storyline_phase_get_n_events (storyline_event_get_phase (e1)), ==, 1);
  g_assert_cmpstrv (storyline_event_get_tags (e1), ((const char *[]) { "t1", "t2", NULL }));
  g_assert_cmpuint (storyline_event_get_n_notes (e1), ==, 3);
  note = storyline_event_get_note (e1, 0);
  g_assert_cmpint (note->kind, ==, STORYLINE_NOTE_CORRECTION);
  g_assert_cmpuint (note->sources->len, ==, 1);
  g_assert_true (storyline_event_has_correction (e1));
  g_assert_false (storyline_event_has_correction (e2));
  g_assert_cmpuint (storyline_event_get_n_related (e2), ==, 4);
  g_assert_true (storyline_event_get_related (e2, 0)->event == e1);
  g_assert_cmpint (storyline_event_get_related (e2, 3)->relation, ==, STORYLINE_RELATION_PART_OF);
  g_assert_cmpuint (storyline_event_get_n_quotes (e1), ==, 1);
  g_assert_true (storyline_event_get_quote (e1, 0) == q1);

  /* A source knows the events that cite it and what it derives from. */
  g_assert_cmpuint (storyline_source_get_n_events (s1), ==, 1);
  g_assert_true (storyline_source_get_event (s1, 0) == e1);
  g_assert_cmpuint (storyline_source_get_n_derived_from (s1), ==, 1);
  g_assert_true (storyline_source_get_derived_from (s1, 0) == s2);
  g_assert_cmpint (storyline_source_get_reliability (s1), ==, STORYLINE_RELIABILITY_SECONDARY);
  g_assert_cmpint (storyline_source_get_reliability (s2), ==, STORYLINE_RELIABILITY_PRIMARY);
  g_assert_cmpstr (storyline_source_get_genre (s2), ==, "Press release");
  g_assert_cmpstr (storyline_source_get_url (s1), ==, "https://example.org/a");
  g_assert_cmpstr (storyline_source_get_archived_url (s1), ==, "https://web.archive.org/web/2025/https://example.org/a");
  g_assert_cmpstr (storyline_source_get_container_title (s1), ==, "Paper");
  g_assert_cmpuint (storyline_source_get_n_authors (s1), ==, 2);
  name = storyline_source_get_author (s1, 0);
  g_assert_cmpstr (name->family, ==, "Doe");
  g_assert_cmpstr (name->given, ==, "Jane");
  g_assert_cmpstr (storyline_source_get_author (s1, 1)->literal, ==, "Agency");
  g_assert_cmpuint (storyline_source_get_issued (s1)->start.day, ==, 27);
  g_assert_cmpuint (storyline_source_get_accessed (s1)->start.day, ==, 2);
  g_assert_nonnull (storyline_source_get_item (s1));

  /* A quote knows its speaker, event, origin and renditions. */
  g_assert_true (storyline_quote_get_speaker (q1) == a1);
  g_assert_true (storyline_quote_get_event (q1) == e1);
  g_assert_true (storyline_quote_get_origin (q1) == s2);
  g_assert_cmpint (storyline_quote_get_kind (q1), ==, STORYLINE_QUOTE_SPOKEN);
  g_assert_cmpuint (storyline_quote_get_n_renditions (q1), ==, 1);
  r = storyline_quote_get_rendition (q1, 0);
  g_assert_true (storyline_rendition_get_source (r) == s1);
  g_assert_true (storyline_rendition_get_quote (r) == q1);
  g_assert_cmpstr (storyline_rendition_get_prefix (r), ==, "He said: “");
  g_assert_cmpstr (storyline_rendition_get_locator (r), ==, "para. 2");
}

static void
test_sorted_events (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", "good", "full.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(StorylineStory) story = storyline_load_file (file, NULL, NULL, NULL);
  g_autoptr(GPtrArray) sorted = storyline_story_dup_events_sorted (story);
  const char *order[] = { "e3", "e4", "e2", "e1" };

  g_assert_cmpuint (sorted->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < sorted->len; i++)
    g_assert_cmpstr (storyline_event_get_id (sorted->pdata[i]), ==, order[i]);
}

static StorylineStory *
load_json (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));

  return storyline_load_bytes (bytes, NULL, NULL, NULL);
}

static void
test_same_date_keeps_file_order (void)
{
  const char *json =
    "{\"format\":\"storyline\",\"version\":1,\"story\":{\"title\":\"T\"},\"events\":["
    "{\"id\":\"b\",\"title\":\"B\",\"date\":\"2025-10\"},"
    "{\"id\":\"a\",\"title\":\"A\",\"date\":\"2025-10\"},"
    "{\"id\":\"c\",\"title\":\"C\",\"date\":\"2025-10-01\"}]}";
  g_autoptr(StorylineStory) story = load_json (json);
  g_autoptr(GPtrArray) sorted = storyline_story_dup_events_sorted (story);

  g_assert_cmpstr (storyline_event_get_id (sorted->pdata[0]), ==, "c");
  g_assert_cmpstr (storyline_event_get_id (sorted->pdata[1]), ==, "b");
  g_assert_cmpstr (storyline_event_get_id (sorted->pdata[2]), ==, "a");
}

/* Events with the same tags share one list; an event or a quote held
 * longer than its story keeps its text, and no longer names a story. */
static void
test_shared_tags_and_gone_story (void)
{
  const char *json =
    "{\"format\":\"storyline\",\"version\":1,\"story\":{\"title\":\"T\",\"language\":\"ur\"},\"events\":["
    "{\"id\":\"e1\",\"title\":\"One\",\"date\":\"2025\",\"tags\":[\"a\",\"b\"]},"
    "{\"id\":\"e2\",\"title\":\"Two\",\"date\":\"2025\",\"tags\":[\"a\",\"b\"]},"
    "{\"id\":\"e3\",\"title\":\"Three\",\"date\":\"2025\",\"tags\":[\"a\"]},"
    "{\"id\":\"e4\",\"title\":\"Four\",\"date\":\"2025\",\"tags\":[\"b\",\"a\"]},"
    "{\"id\":\"e5\",\"title\":\"Five\",\"date\":\"2025\",\"tags\":[\"a\",\"b\",\"c\"]}],"
    "\"actors\":[{\"id\":\"a1\",\"name\":\"A\"}],"
    "\"quotes\":[{\"id\":\"q1\",\"text\":\"Said\",\"speaker\":\"a1\",\"event\":\"e1\"}]}";
  g_autoptr(StorylineStory) story = load_json (json);
  g_autoptr(StorylineEvent) e1 = NULL;
  g_autoptr(StorylineQuote) q1 = NULL;
  StorylineEvent *e2, *e3, *e4, *e5;

  g_assert_nonnull (story);
  e1 = g_object_ref (storyline_story_lookup_event (story, "e1"));
  e2 = storyline_story_lookup_event (story, "e2");
  e3 = storyline_story_lookup_event (story, "e3");
  e4 = storyline_story_lookup_event (story, "e4");
  e5 = storyline_story_lookup_event (story, "e5");
  g_assert_true (storyline_event_get_tags (e1) == storyline_event_get_tags (e2));
  g_assert_cmpstrv (storyline_event_get_tags (e2), ((const char *[]) { "a", "b", NULL }));
  g_assert_cmpstrv (storyline_event_get_tags (e3), ((const char *[]) { "a", NULL }));
  g_assert_cmpstrv (storyline_event_get_tags (e4), ((const char *[]) { "b", "a", NULL }));
  g_assert_cmpstrv (storyline_event_get_tags (e5), ((const char *[]) { "a", "b", "c", NULL }));
  g_assert_cmpstr (storyline_event_get_language (e1), ==, "ur");
  q1 = g_object_ref (storyline_story_lookup_quote (story, "q1"));
  g_assert_cmpstr (storyline_quote_get_text_language (q1), ==, "ur");

  /* The text and its language outlive the story. */
  g_clear_object (&story);
  g_assert_cmpstr (storyline_quote_get_text_language (q1), ==, "ur");
  g_assert_cmpstr (storyline_quote_get_text (q1), ==, "Said");
  g_assert_cmpstr (storyline_event_get_language (e1), ==, "ur");
  g_assert_cmpstr (storyline_event_get_title (e1), ==, "One");
  g_assert_cmpstrv (storyline_event_get_tags (e1), ((const char *[]) { "a", "b", NULL }));
}

static void
test_size_cap (void)
{
  g_autofree char *dir = g_dir_make_tmp ("storyline-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StorylineStory) story = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  StorylineProblem *problem;

  /* A sparse file just over the cap: refused before a byte is read. */
  stream = g_file_create_readwrite (file, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_seekable_truncate (G_SEEKABLE (stream), STORYLINE_MAX_FILE_SIZE + 1, NULL, &error);
  g_assert_no_error (error);
  g_io_stream_close (G_IO_STREAM (stream), NULL, NULL);

  story = storyline_load_file (file, NULL, &problems, &error);
  g_assert_null (story);
  g_assert_error (error, STORYLINE_LOAD_ERROR, STORYLINE_LOAD_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = problems->pdata[0];
  g_assert_cmpstr (problem->message, ==, "the file is 1.0\u00a0GiB (1073741825 bytes); Storyline opens stories of up to 1.0\u00a0GiB (1073741824 bytes)");

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/story.json");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StorylineStory) story = storyline_load_file (file, NULL, &problems, &error);

  g_assert_null (story);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
async_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", "good", "full.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StorylineStory) story = NULL;

  storyline_load_file_async (file, NULL, async_done, &result);
  /* The result comes through the main loop, never from inside the call. */
  g_assert_null (result);
  story = storyline_load_finish (wait_for (&result), &problems, &error);
  g_assert_no_error (error);
  g_assert_true (STORYLINE_IS_STORY (story));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_async_problems (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", "bad", "month-13.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StorylineStory) story = NULL;

  storyline_load_file_async (file, NULL, async_done, &result);
  story = storyline_load_finish (wait_for (&result), &problems, &error);
  g_assert_null (story);
  g_assert_error (error, STORYLINE_LOAD_ERROR, STORYLINE_LOAD_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((StorylineProblem *) problems->pdata[0])->path, ==, "events[0].date");
}

static GBytes *
make_big_story (guint n_events)
{
  GString *s = g_string_new ("{\"format\":\"storyline\",\"version\":1,\"story\":{\"title\":\"Big\"},\"events\":[");

  for (guint i = 0; i < n_events; i++)
    g_string_append_printf (s, "%s{\"id\":\"e%u\",\"title\":\"Event %u\",\"date\":\"2025-10-%02u\"}",
                            i ? "," : "", i, i, 1 + i % 28);
  g_string_append (s, "]}");
  return g_string_free_to_bytes (s);
}

static void
test_async_cancel (void)
{
  g_autoptr(GBytes) bytes = make_big_story (20000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StorylineStory) story = NULL;

  /* Cancelled before it starts, so that the outcome does not depend on how
   * fast the worker thread is. */
  g_cancellable_cancel (cancellable);
  storyline_load_bytes_async (bytes, cancellable, async_done, &result);
  story = storyline_load_finish (wait_for (&result), &problems, &error);
  g_assert_null (story);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_big_story_loads (void)
{
  g_autoptr(GBytes) bytes = make_big_story (20000);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(StorylineStory) story = storyline_load_bytes (bytes, NULL, &problems, NULL);

  g_assert_nonnull (story);
  g_assert_cmpuint (storyline_story_get_events (story)->len, ==, 20000);
  g_assert_true (storyline_story_lookup_event (story, "e19999") ==
                 g_ptr_array_index (storyline_story_get_events (story), 19999));
}

/* A large file is read into memory the pieces give back as they go
 * (storyline-loader.c, storyline-pieces.c): a file that fails late, after
 * pages were given back, is read again and told about exactly as the same
 * bytes in memory are; a good one loads whole. One event a line, 6,000 of
 * them, above the size split into pieces. */
static GBytes *
make_story_lines (guint       n_events,
                  guint       broken,
                  const char *broken_date)
{
  GString *s = g_string_new ("{\"format\":\"storyline\",\"version\":1,\"story\":{\"title\":\"Big\"},\"events\":[");

  for (guint i = 0; i < n_events; i++)
    {
      g_string_append_printf (s, "%s\n{\"id\":\"e%u\",\"title\":\"Event %u, told at some length so that the file is large\",\"date\":",
                              i ? "," : "", i, i);
      if (i == broken)
        g_string_append (s, broken_date);
      else
        g_string_append_printf (s, "\"2025-10-%02u\"", 1 + i % 28);
      g_string_append_c (s, '}');
    }
  g_string_append (s, "\n]}\n");
  return g_string_free_to_bytes (s);
}

static void
test_file_read_again (void)
{
  struct { guint broken; const char *date; } cases[] = {
    { 5500, "tru" },          /* json-glib refuses the piece: read again */
    { 5500, "\"2025-13-01\"" }, /* a problem the pieces report themselves */
    { G_MAXUINT, NULL },      /* good */
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GBytes) bytes = make_story_lines (6000, cases[c].broken, cases[c].date);
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GPtrArray) from_file = NULL;
      g_autoptr(GPtrArray) from_bytes = NULL;
      g_autoptr(StorylineStory) story = NULL;
      g_autoptr(StorylineStory) same = NULL;
      g_autofree char *text_file = NULL;
      g_autofree char *text_bytes = NULL;
      int fd = g_file_open_tmp ("storyline-XXXXXX.json", &path, NULL);

      g_assert_cmpint (fd, >=, 0);
      close (fd);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 256 * 1024);
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
      file = g_file_new_for_path (path);

      story = storyline_load_file (file, NULL, &from_file, NULL);
      same = storyline_load_bytes (bytes, NULL, &from_bytes, NULL);
      text_file = problems_text (from_file, "story.json");
      text_bytes = problems_text (from_bytes, "story.json");
      g_assert_cmpstr (text_file, ==, text_bytes);
      if (cases[c].date == NULL)
        {
          g_assert_nonnull (story);
          g_assert_cmpuint (storyline_story_get_events (story)->len, ==, 6000);
          g_assert_cmpstr (storyline_event_get_title (storyline_story_lookup_event (story, "e5999")), ==,
                           "Event 5999, told at some length so that the file is large");
        }
      else
        {
          g_assert_null (story);
          g_assert_null (same);
          /* The broken event is on line 5,502: the problem says so. */
          g_assert_nonnull (strstr (text_file, cases[c].broken == 5500 && g_str_equal (cases[c].date, "tru") ? ":5502:" : "events[5500]"));
        }
      g_unlink (path);
    }
}

static void
test_depth_limit_edge (void)
{
  /* 64 levels load; the 65th is refused (see corpus/bad/deep-nesting). */
  g_autoptr(GString) s = g_string_new ("{\"format\":\"storyline\",\"version\":1,\"story\":{\"title\":\"T\"},\"events\":[],\"x\":");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(StorylineStory) story = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  for (guint i = 0; i < 63; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < 63; i++)
    g_string_append_c (s, ']');
  g_string_append_c (s, '}');
  bytes = g_bytes_new (s->str, s->len);
  story = storyline_load_bytes (bytes, NULL, &problems, NULL);
  g_assert_nonnull (story);
  g_assert_cmpuint (storyline_problems_count (problems, STORYLINE_SEVERITY_ERROR), ==, 0);
}

static void
test_nesting_in_strings_ignored (void)
{
  g_autoptr(GString) s = g_string_new ("{\"format\":\"storyline\",\"version\":1,\"story\":{\"title\":\"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(StorylineStory) story = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (s, "[{\\\"");
  g_string_append (s, "\"},\"events\":[]}");
  bytes = g_bytes_new (s->str, s->len);
  story = storyline_load_bytes (bytes, NULL, NULL, NULL);
  g_assert_nonnull (story);
}

/* Opened anyway: the story without the items that break the format, each
 * left out as a warning at its place in the file; an item that points at
 * one left out goes too; what is wrong outside the lists still stops it. */
static char *
anyway_problems_text (GPtrArray *problems)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = storyline_problem_to_string (problems->pdata[i], "f.json");
      g_string_append_printf (s, "%s\n", line);
    }
  return g_string_free (s, FALSE);
}

static StorylineStory *
anyway (const char  *json,
        char       **text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  StorylineStory *story = storyline_load_bytes_anyway (bytes, NULL, &problems, &error);

  g_assert_true ((story == NULL) == (error != NULL));
  *text = anyway_problems_text (problems);
  return story;
}

static void
test_open_anyway (void)
{
  static const char broken[] =
    "{\"format\": \"storyline\", \"version\": 1, \"story\": {\"title\": \"T\"},"
    " \"events\": ["
    "  {\"id\": \"e1\", \"title\": \"Fine\", \"date\": \"2025\", \"sources\": [\"s1\"]},"
    "  {\"id\": \"e2\", \"title\": \"Bad date\", \"date\": \"2025-13\"},"
    "  {\"id\": \"e3\", \"title\": \"Cites the bad source\", \"date\": \"2025\", \"sources\": [\"s2\"]},"
    "  {\"id\": \"e4\", \"title\": \"Fine, with a typo\", \"date\": \"2025\", \"dat\": \"x\"}"
    " ],"
    " \"sources\": [{\"id\": \"s1\", \"type\": \"webpage\", \"title\": \"One\"},"
    "  {\"id\": \"s2\", \"type\": \"newspaper-article\", \"title\": \"Two\"}]}";
  g_autofree char *text = NULL;
  g_autoptr(StorylineStory) story = anyway (broken, &text);

  g_assert_nonnull (story);
  g_assert_cmpuint (storyline_story_get_events (story)->len, ==, 2);
  g_assert_nonnull (storyline_story_lookup_event (story, "e1"));
  g_assert_nonnull (storyline_story_lookup_event (story, "e4"));
  g_assert_cmpuint (storyline_story_get_sources (story)->len, ==, 1);
  /* Each left out once, at its place in the file, with why; the typo in a
   * kept event keeps its place too (events[3], not [1]). */
  g_assert_cmpstr (text, ==,
    "f.json: events[1] (event 2, id \"e2\"): warning: left out: events[1].date: not a date of the format: “2025-13”: there is no month 13\n"
    "f.json: sources[1] (source 2, id \"s2\"): warning: left out: sources[1].type: “newspaper-article” is not a CSL item type, such as article-newspaper, report or webpage\n"
    "f.json: events[2] (event 3, id \"e3\"): warning: left out: events[2].sources[0]: “s2” is not the id of any of the sources\n"
    "f.json: events[3].dat (event 4, id \"e4\"): warning: unknown key “dat”, ignored; did you mean “date”?\n");

  /* Nothing wrong: as an ordinary load. */
  {
    g_autofree char *none = NULL;
    g_autoptr(StorylineStory) fine = anyway ("{\"format\": \"storyline\", \"version\": 1, \"story\": {\"title\": \"T\"},"
                                             " \"events\": [{\"id\": \"e1\", \"title\": \"A\", \"date\": \"2025\"}]}", &none);
    g_assert_nonnull (fine);
    g_assert_cmpstr (none, ==, "");
  }

  /* Wrong outside the lists, or not JSON: not opened, the ordinary
   * problems. */
  {
    g_autofree char *why = NULL;
    g_autoptr(StorylineStory) none = anyway ("{\"format\": \"storyline\", \"version\": 1, \"story\": {},"
                                             " \"events\": [{\"id\": \"e1\", \"title\": \"A\", \"date\": \"2025-13\"}]}", &why);
    g_assert_null (none);
    g_assert_nonnull (strstr (why, "story.title"));
    g_assert_nonnull (strstr (why, ": error: "));
  }
  {
    g_autofree char *why = NULL;
    g_autoptr(StorylineStory) none = anyway ("{\"format\": \"storyline\",}", &why);
    g_assert_null (none);
    g_assert_nonnull (strstr (why, "a comma before “}”"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_corpus ("good");
  add_corpus ("bad");
  add_corpus ("hostile");
  g_test_add_func ("/loader/links", test_full_file_links);
  g_test_add_func ("/loader/sorted", test_sorted_events);
  g_test_add_func ("/loader/sorted/file-order", test_same_date_keeps_file_order);
  g_test_add_func ("/loader/size-cap", test_size_cap);
  g_test_add_func ("/loader/shared-tags", test_shared_tags_and_gone_story);
  g_test_add_func ("/loader/missing-file", test_missing_file);
  g_test_add_func ("/loader/depth/edge", test_depth_limit_edge);
  g_test_add_func ("/loader/depth/strings", test_nesting_in_strings_ignored);
  g_test_add_func ("/loader/big", test_big_story_loads);
  g_test_add_func ("/loader/big/file-read-again", test_file_read_again);
  g_test_add_func ("/loader/async", test_async);
  g_test_add_func ("/loader/async/problems", test_async_problems);
  g_test_add_func ("/loader/async/cancel", test_async_cancel);
  g_test_add_func ("/loader/open-anyway", test_open_anyway);

  return g_test_run ();
}
