/* test-story-loader.c: loading a story and keeping it loaded
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "storyline-story-loader.h"

typedef struct
{
  guint loaded;
  guint failed;
  guint problems;
} Outcome;

static void
loaded (StorylineStoryLoader *loader,
        StorylineStory       *story,
        Outcome              *outcome)
{
  g_assert_true (story == storyline_story_loader_get_story (loader));
  outcome->loaded++;
}

static void
failed (StorylineStoryLoader *loader,
        const GError         *error,
        GPtrArray            *problems,
        Outcome              *outcome)
{
  outcome->failed++;
  outcome->problems = problems ? problems->len : 0;
}

static void
wait_while_loading (StorylineStoryLoader *loader)
{
  while (storyline_story_loader_is_loading (loader))
    g_main_context_iteration (NULL, TRUE);
}

static GFile *
corpus (const char *dir,
        const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", dir, name, NULL);
  return g_file_new_for_path (path);
}

static void
test_good_then_bad (void)
{
  g_autoptr(StorylineStoryLoader) loader = storyline_story_loader_new ();
  g_autoptr(GFile) good = corpus ("good", "full.json");
  g_autoptr(GFile) bad = corpus ("hostile", "dangling-everywhere.json");
  Outcome outcome = { 0, };
  StorylineStory *story;

  g_signal_connect (loader, "loaded", G_CALLBACK (loaded), &outcome);
  g_signal_connect (loader, "failed", G_CALLBACK (failed), &outcome);

  storyline_story_loader_load_file (loader, good);
  g_assert_true (storyline_story_loader_is_loading (loader));
  g_assert_nonnull (storyline_story_loader_get_progress (loader));
  wait_while_loading (loader);
  g_assert_cmpuint (outcome.loaded, ==, 1);
  story = storyline_story_loader_get_story (loader);
  g_assert_nonnull (story);
  g_assert_true (g_file_equal (storyline_story_loader_get_file (loader), good));

  /* A file that fails says what is wrong, and the story stays. */
  storyline_story_loader_load_file (loader, bad);
  wait_while_loading (loader);
  g_assert_cmpuint (outcome.failed, ==, 1);
  g_assert_cmpuint (outcome.problems, >, 0);
  g_assert_true (storyline_story_loader_get_story (loader) == story);
  g_assert_true (g_file_equal (storyline_story_loader_get_file (loader), good));
  g_assert_true (g_file_equal (storyline_story_loader_get_loading_file (loader), bad));
}

static void
test_cancel (void)
{
  g_autoptr(StorylineStoryLoader) loader = storyline_story_loader_new ();
  g_autoptr(GFile) good = corpus ("good", "full.json");
  Outcome outcome = { 0, };

  g_signal_connect (loader, "loaded", G_CALLBACK (loaded), &outcome);
  g_signal_connect (loader, "failed", G_CALLBACK (failed), &outcome);

  /* Cancelled at once: neither loaded nor failed, and no story. */
  storyline_story_loader_load_file (loader, good);
  storyline_story_loader_cancel (loader);
  g_assert_false (storyline_story_loader_is_loading (loader));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_usleep (100000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (outcome.loaded + outcome.failed, ==, 0);
  g_assert_null (storyline_story_loader_get_story (loader));

  /* A new load replaces the one under way: only the last is heard of. */
  storyline_story_loader_load_file (loader, good);
  storyline_story_loader_load_file (loader, good);
  wait_while_loading (loader);
  g_assert_cmpuint (outcome.loaded, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/story-loader/good-then-bad", test_good_then_bad);
  g_test_add_func ("/story-loader/cancel", test_cancel);

  return g_test_run ();
}
