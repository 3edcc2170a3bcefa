/* test-writer.c: a story written in the canonical form reads back as the
 * same story, and writing it again gives the same bytes
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "storyline-export.h"
#include "storyline-loader.h"
#include "storyline-writer.h"

static StorylineStory *
load_text (const char *text,
           gsize       len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  StorylineStory *story = storyline_load_bytes (bytes, NULL, &problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (story);
  return story;
}

static char *
written (StorylineStory *story)
{
  GString *out = g_string_new (NULL);

  storyline_story_write (story, out);
  return g_string_free (out, FALSE);
}

/* Every export of @a and @b is the same: what the story holds survived. */
static void
assert_same_story (StorylineStory *a,
                   StorylineStory *b)
{
  const char * const *formats = storyline_export_formats ();

  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autoptr(GString) x = g_string_new (NULL);
      g_autoptr(GString) y = g_string_new (NULL);

      g_assert_true (storyline_export (a, formats[i], x));
      g_assert_true (storyline_export (b, formats[i], y));
      if (!g_str_equal (x->str, y->str))
        g_error ("the %s export differs after writing and reading back", formats[i]);
    }
}

static void
check_round_trip (const char *path)
{
  g_autofree char *original = NULL;
  gsize len;
  g_autoptr(StorylineStory) story = NULL;
  g_autoptr(StorylineStory) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_test_message ("%s", path);
  g_assert_true (g_file_get_contents (path, &original, &len, NULL));
  story = load_text (original, len);
  first = written (story);
  again = load_text (first, strlen (first));
  assert_same_story (story, again);

  /* Written again: the same bytes. */
  second = written (again);
  g_assert_cmpstr (first, ==, second);

  /* The canonical form: two spaces, UTF-8 as itself, one newline at the end. */
  g_assert_true (g_str_has_prefix (first, "{\n  \""));
  g_assert_true (g_str_has_suffix (first, "}\n") && !g_str_has_suffix (first, "}\n\n"));
  g_assert_null (strstr (first, "\\u00"));
  g_assert_null (strstr (first, "\t"));
}

static void
test_corpus (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "corpus", "good", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        check_round_trip (path);
        n++;
      }
  g_assert_cmpuint (n, >=, 5);
}

static void
test_bundled_stories (void)
{
  static const char *names[] = { "pakistan-bangladesh-thaw.json", "example.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "stories", names[i], NULL);
      check_round_trip (path);
    }
}

/* The keys in the format's order, whatever order the file had them in;
 * text with quotes, backslashes, line breaks, control characters and
 * other scripts written so that it reads back the same. */
static void
test_canonical_form (void)
{
  static const char json[] =
    "{\"events\": [{\"date\": \"2025-03\", \"title\": \"T \\\"quoted\\\" \\\\ \\n\\u0001 ঢাকা کراچی\", \"id\": \"e1\","
    " \"sources\": [{\"locator\": \"p. 2\", \"source\": \"s1\"}, \"s2\"], \"tags\": [\"b\", \"a\"]}],"
    " \"story\": {\"language\": \"en\", \"title\": \"Story\"}, \"version\": 1, \"format\": \"storyline\","
    " \"sources\": [{\"title\": \"One\", \"id\": \"s1\", \"type\": \"webpage\", \"issued\": {\"date-parts\": [[2025, 3, 2]]}},"
    " {\"id\": \"s2\", \"type\": \"report\", \"title\": \"Two\", \"custom\": {\"reliability\": \"primary\"}}]}";
  static const char expected[] =
    "{\n"
    "  \"format\": \"storyline\",\n"
    "  \"version\": 1,\n"
    "  \"story\": {\n"
    "    \"title\": \"Story\",\n"
    "    \"language\": \"en\"\n"
    "  },\n"
    "  \"events\": [\n"
    "    {\n"
    "      \"id\": \"e1\",\n"
    "      \"title\": \"T \\\"quoted\\\" \\\\ \\n\\u0001 ঢাকা کراچی\",\n"
    "      \"date\": \"2025-03\",\n"
    "      \"tags\": [\n"
    "        \"b\",\n"
    "        \"a\"\n"
    "      ],\n"
    "      \"sources\": [\n"
    "        {\n"
    "          \"source\": \"s1\",\n"
    "          \"locator\": \"p. 2\"\n"
    "        },\n"
    "        \"s2\"\n"
    "      ]\n"
    "    }\n"
    "  ],\n"
    "  \"sources\": [\n"
    "    {\n"
    "      \"title\": \"One\",\n"
    "      \"id\": \"s1\",\n"
    "      \"type\": \"webpage\",\n"
    "      \"issued\": {\n"
    "        \"date-parts\": [\n"
    "          [\n"
    "            2025,\n"
    "            3,\n"
    "            2\n"
    "          ]\n"
    "        ]\n"
    "      }\n"
    "    },\n"
    "    {\n"
    "      \"id\": \"s2\",\n"
    "      \"type\": \"report\",\n"
    "      \"title\": \"Two\",\n"
    "      \"custom\": {\n"
    "        \"reliability\": \"primary\"\n"
    "      }\n"
    "    }\n"
    "  ]\n"
    "}\n";
  g_autoptr(StorylineStory) story = load_text (json, sizeof json - 1);
  g_autofree char *out = written (story);

  g_assert_cmpstr (out, ==, expected);
}

/* Members Storyline does not know are written back where they were, at
 * every level it keeps them: a file in the canonical form with them is
 * written again byte for byte. */
static void
test_unknown_members_kept (void)
{
  static const char canonical[] =
    "{\n"
    "  \"x-first\": \"before everything\",\n"
    "  \"format\": \"storyline\",\n"
    "  \"x-top\": 1,\n"
    "  \"version\": 1,\n"
    "  \"story\": {\n"
    "    \"title\": \"T\",\n"
    "    \"x-story\": {\n"
    "      \"a\": [\n"
    "        1,\n"
    "        2.5,\n"
    "        true,\n"
    "        null\n"
    "      ]\n"
    "    }\n"
    "  },\n"
    "  \"actors\": [\n"
    "    {\n"
    "      \"id\": \"a1\",\n"
    "      \"name\": \"Mirza\",\n"
    "      \"kind\": \"person\",\n"
    "      \"x-wikidata\": \"Q000\"\n"
    "    }\n"
    "  ],\n"
    "  \"events\": [\n"
    "    {\n"
    "      \"x-first\": true,\n"
    "      \"id\": \"e1\",\n"
    "      \"title\": \"A\",\n"
    "      \"x-after-title\": \"kept\",\n"
    "      \"date\": \"2025\"\n"
    "    }\n"
    "  ],\n"
    "  \"x-between\": [],\n"
    "  \"quotes\": [\n"
    "    {\n"
    "      \"id\": \"q1\",\n"
    "      \"text\": \"We agree.\",\n"
    "      \"speaker\": \"a1\",\n"
    "      \"kind\": \"statement\",\n"
    "      \"x-quote\": {},\n"
    "      \"renditions\": [\n"
    "        {\n"
    "          \"source\": \"s1\",\n"
    "          \"text\": \"We agree.\",\n"
    "          \"x-rendition\": \"kept\"\n"
    "        }\n"
    "      ]\n"
    "    }\n"
    "  ],\n"
    "  \"sources\": [\n"
    "    {\n"
    "      \"id\": \"s1\",\n"
    "      \"type\": \"webpage\",\n"
    "      \"title\": \"One\",\n"
    "      \"x-source\": \"kept\"\n"
    "    }\n"
    "  ],\n"
    "  \"x-end\": \"last\"\n"
    "}\n";
  g_autoptr(StorylineStory) story = load_text (canonical, sizeof canonical - 1);
  g_autofree char *out = written (story);

  g_assert_cmpstr (out, ==, canonical);
}

/* Saving writes what storyline_story_write() writes, in place of the old
 * file; a save that fails leaves the old file whole. */
static void
test_save (void)
{
  g_autofree char *bundled = g_test_build_filename (G_TEST_DIST, "..", "data", "stories", "pakistan-bangladesh-thaw.json", NULL);
  g_autofree char *original = NULL;
  gsize len;
  g_autoptr(StorylineStory) story = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *dir = g_dir_make_tmp ("storyline-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "story.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (bundled, &original, &len, NULL));
  story = load_text (original, len);
  expected = written (story);

  /* A new file, then over an old one. */
  g_assert_true (storyline_story_save (story, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==, expected);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (storyline_story_save (story, file, NULL, &error));
  g_clear_pointer (&saved, g_free);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==, expected);

  /* Stopped half way (cancelled): the old file stays, whole, and nothing
   * is left beside it. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GDir) listing = NULL;
    guint n = 0;

    g_cancellable_cancel (cancellable);
    g_assert_false (storyline_story_save (story, file, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_clear_pointer (&saved, g_free);
    g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
    g_assert_cmpstr (saved, ==, "old");
    listing = g_dir_open (dir, 0, NULL);
    while (g_dir_read_name (listing) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }

  /* A folder that is not there: an error, nothing written. */
  {
    g_autofree char *nowhere_path = g_build_filename (dir, "no-such-folder", "story.json", NULL);
    g_autoptr(GFile) nowhere = g_file_new_for_path (nowhere_path);

    g_assert_false (storyline_story_save (story, nowhere, NULL, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/writer/canonical-form", test_canonical_form);
  g_test_add_func ("/writer/corpus", test_corpus);
  g_test_add_func ("/writer/bundled-stories", test_bundled_stories);
  g_test_add_func ("/writer/save", test_save);
  g_test_add_func ("/writer/unknown-members-kept", test_unknown_members_kept);

  return g_test_run ();
}
