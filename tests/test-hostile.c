/* test-hostile.c: files made to hurt, each with its exact outcome: a clear
 * error, or a safe display. The small ones are in tests/corpus/hostile/
 * (checked by test-loader); the large ones are made here.
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-loader.h"
#include "storyline-problem.h"
#include "storyline-url.h"

static StorylineStory *
load_string (GString    *text,
             GPtrArray **problems)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text->str, text->len);
  return storyline_load_bytes (bytes, NULL, problems, NULL);
}

static void
assert_single_error (GPtrArray  *problems,
                     guint       line,
                     guint       column,
                     const char *message)
{
  StorylineProblem *p;

  g_assert_cmpuint (problems->len, ==, 1);
  p = problems->pdata[0];
  g_assert_cmpint (p->severity, ==, STORYLINE_SEVERITY_ERROR);
  g_assert_cmpuint (p->line, ==, line);
  g_assert_cmpuint (p->column, ==, column);
  g_assert_cmpstr (p->message, ==, message);
}

static void
test_nesting (gconstpointer data)
{
  const char *pair = data;   /* "[]" or "{}" */
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(StorylineStory) story = NULL;

  /* 200,000 levels: json-glib alone would overflow its stack near 75,000. */
  for (guint i = 0; i < 200000; i++)
    g_string_append (text, pair[0] == '[' ? "[" : "{\"a\":");
  g_string_append (text, pair[0] == '[' ? "" : "1");
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (text, pair[1]);

  story = load_string (text, &problems);
  g_assert_null (story);
  assert_single_error (problems, 1, pair[0] == '[' ? 65 : 321,
                       "the JSON is nested more than 64 levels deep; Storyline reads up to 64");
}

static void
test_huge_title (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\":\"storyline\",\"version\":1,\"story\":{\"title\":\"");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(StorylineStory) story = NULL;

  /* 20 MB of title: it loads; the window shows the first 4,000 characters. */
  for (guint i = 0; i < 20 * 1024 * 1024 / 8; i++)
    g_string_append (text, "Headline");
  g_string_append (text, "\"},\"events\":[]}");

  story = load_string (text, &problems);
  g_assert_nonnull (story);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (strlen (storyline_story_get_title (story)), ==, 20 * 1024 * 1024);
}

static void
test_million_nulls (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\":\"storyline\",\"version\":1,\"story\":{\"title\":\"T\"},\"events\":[");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(StorylineStory) story = NULL;
  StorylineProblem *first, *last;

  for (guint i = 0; i < 1000000; i++)
    g_string_append (text, i ? ",null" : "null");
  g_string_append (text, "]}");

  /* A million errors: the first 500 listed, the rest counted. */
  story = load_string (text, &problems);
  g_assert_null (story);
  g_assert_cmpuint (problems->len, ==, STORYLINE_MAX_PROBLEMS + 1);
  first = problems->pdata[0];
  g_assert_cmpstr (first->path, ==, "events[0]");
  g_assert_cmpstr (first->message, ==, "expected an object, found null");
  last = problems->pdata[problems->len - 1];
  g_assert_null (last->path);
  g_assert_cmpstr (last->message, ==, "and 999500 more problems, not listed");
}

static StorylineStory *
load_corpus (const char  *name,
             GPtrArray  **problems)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", "hostile", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  return storyline_load_file (file, NULL, problems, NULL);
}

static void
test_markup_kept_as_text (void)
{
  g_autoptr(StorylineStory) story = load_corpus ("markup-and-format-specifiers.json", NULL);
  const char *markup = "<b>bold</b> <span foreground=\"red\">red</span> &amp; %s %n %x %1$s {0} ${HOME} \\u0000 <a href=\"javascript:alert(1)\">x</a>";
  StorylineEvent *event;

  /* Loaded, and every field exactly as written: nothing is interpreted. */
  g_assert_nonnull (story);
  event = storyline_story_lookup_event (story, "e1");
  g_assert_cmpstr (storyline_story_get_title (story), ==, markup);
  g_assert_cmpstr (storyline_event_get_title (event), ==, markup);
  g_assert_cmpstr (storyline_event_get_note (event, 0)->text, ==, markup);
  g_assert_cmpstr (storyline_quote_get_text (storyline_story_lookup_quote (story, "q1")), ==, markup);
  g_assert_cmpstr (storyline_actor_get_name (storyline_story_lookup_actor (story, "a1")), ==, markup);
}

static void
test_duplicate_keys (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(StorylineStory) story = load_corpus ("duplicate-keys.json", &problems);

  /* As in most JSON readers, the last of duplicate keys counts. */
  g_assert_nonnull (story);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (storyline_story_get_title (story), ==, "Second");
  g_assert_nonnull (storyline_story_lookup_event (story, "e2"));
  g_assert_null (storyline_story_lookup_event (story, "e1"));
}

static void
test_urls_never_links (void)
{
  g_autoptr(StorylineStory) story = load_corpus ("url-schemes.json", NULL);
  const char *links[] = { "s7", "s11" };
  const char *text[] = { "s1", "s2", "s3", "s4", "s5", "s6", "s8", "s9", "s10" };

  g_assert_nonnull (story);
  for (guint i = 0; i < G_N_ELEMENTS (text); i++)
    g_assert_false (storyline_url_is_link (storyline_source_get_url (storyline_story_lookup_source (story, text[i]))));
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    g_assert_true (storyline_url_is_link (storyline_source_get_url (storyline_story_lookup_source (story, links[i]))));
  g_assert_false (storyline_url_is_link (storyline_source_get_archived_url (storyline_story_lookup_source (story, "s11"))));
}

/* A failed load gives nothing back but what is wrong, where: the window
 * keeps the story it has (tests/test-opening.c shows that on screen). */
static void
test_failure_leaves_story (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(StorylineStory) failed = load_corpus ("dangling-everywhere.json", &problems);
  guint errors = 0;

  g_assert_null (failed);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    {
      const StorylineProblem *problem = problems->pdata[i];

      if (problem->severity != STORYLINE_SEVERITY_ERROR)
        continue;
      errors++;
      /* Where: a JSON path into the file, and what: a sentence. */
      g_assert_nonnull (problem->path);
      g_assert_true (g_str_has_prefix (problem->path, "events[") || g_str_has_prefix (problem->path, "quotes[") ||
                     g_str_has_prefix (problem->path, "sources[") || g_str_has_prefix (problem->path, "actors[") ||
                     g_str_has_prefix (problem->path, "phases[") || g_str_has_prefix (problem->path, "story"));
      g_assert_cmpuint (strlen (problem->message), >, 10);
    }
  g_assert_cmpuint (errors, >, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/hostile/nesting/arrays-200000", "[]", test_nesting);
  g_test_add_data_func ("/hostile/nesting/objects-200000", "{}", test_nesting);
  g_test_add_func ("/hostile/title-20-mb", test_huge_title);
  g_test_add_func ("/hostile/million-nulls", test_million_nulls);
  g_test_add_func ("/hostile/markup-kept-as-text", test_markup_kept_as_text);
  g_test_add_func ("/hostile/duplicate-keys", test_duplicate_keys);
  g_test_add_func ("/hostile/urls-never-links", test_urls_never_links);
  g_test_add_func ("/hostile/failure-leaves-story", test_failure_leaves_story);

  return g_test_run ();
}
