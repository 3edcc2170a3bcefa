/* test-citation.c: citations against citeproc-js's goldens
 * (tests/citations/README.md)
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-citation.h"
#include "storyline-loader.h"

static StorylineStory *
load_sources (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "citations", "sources.json", NULL);
  g_autofree char *items = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  StorylineStory *story;

  g_assert_true (g_file_get_contents (path, &items, NULL, NULL));
  json = g_strdup_printf ("{\"format\":\"storyline\",\"version\":1,\"story\":{\"title\":\"Citations\"},\"events\":[],\"sources\":%s}", items);
  bytes = g_bytes_new (json, strlen (json));
  story = storyline_load_bytes (bytes, NULL, &problems, NULL);
  g_assert_nonnull (story);
  g_assert_cmpuint (problems->len, ==, 0);
  return story;
}

/* citeproc-js's HTML: the entry in a div, & as a numeric reference. */
static char *
html_entry (const char *line)
{
  g_autoptr(GString) s = g_string_new (line);

  g_assert_true (g_str_has_prefix (s->str, "<div class=\"csl-entry\">"));
  g_string_erase (s, 0, strlen ("<div class=\"csl-entry\">"));
  g_assert_true (g_str_has_suffix (s->str, "</div>"));
  g_string_truncate (s, s->len - strlen ("</div>"));
  g_string_replace (s, "&#38;", "&amp;", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
check_style (const char             *name,
             StorylineCitationStyle  style,
             const char             *extension,
             StorylineMarkup         markup)
{
  g_autoptr(StorylineStory) story = load_sources ();
  g_autofree char *file = g_strdup_printf ("%s.%s", name, extension);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "citations", file, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint checked = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] && lines[i][0]; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], "\t", 2);
      StorylineSource *source = storyline_story_lookup_source (story, parts[0]);
      g_autofree char *expected = markup == STORYLINE_MARKUP_HTML ? html_entry (parts[1]) : g_strdup (parts[1]);
      g_autofree char *actual = storyline_source_format (source, style, markup);

      g_assert_nonnull (source);
      if (g_strcmp0 (actual, expected) != 0)
        g_error ("%s %s:\n  expected %s\n  actual   %s", name, parts[0], expected, actual);
      checked++;
    }
  g_assert_cmpuint (checked, ==, 16);
}

static void
test_apa_text (void)
{
  check_style ("apa", STORYLINE_CITATION_APA, "txt", STORYLINE_MARKUP_TEXT);
}

static void
test_apa_html (void)
{
  check_style ("apa", STORYLINE_CITATION_APA, "html", STORYLINE_MARKUP_HTML);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/citation/apa/text", test_apa_text);
  g_test_add_func ("/citation/apa/html", test_apa_html);

  return g_test_run ();
}
