/* test-citation.c: citations against citeproc-js's goldens
 * (tests/citations/README.md): APA, Chicago (bibliography and note), MLA,
 * text and HTML, every source of tests/citations/sources.json
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

  /* Bibliography entries come in a div; notes do not. */
  if (g_str_has_prefix (s->str, "<div class=\"csl-entry\">"))
    {
      g_string_erase (s, 0, strlen ("<div class=\"csl-entry\">"));
      g_assert_true (g_str_has_suffix (s->str, "</div>"));
      g_string_truncate (s, s->len - strlen ("</div>"));
    }
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

      if (parts[1] == NULL)
        parts[1] = g_strdup ("");
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

static void
test_chicago_text (void)
{
  check_style ("chicago", STORYLINE_CITATION_CHICAGO, "txt", STORYLINE_MARKUP_TEXT);
}

static void
test_chicago_html (void)
{
  check_style ("chicago", STORYLINE_CITATION_CHICAGO, "html", STORYLINE_MARKUP_HTML);
}

static void
test_chicago_note_text (void)
{
  check_style ("chicago-note", STORYLINE_CITATION_CHICAGO_NOTE, "txt", STORYLINE_MARKUP_TEXT);
}

static void
test_chicago_note_html (void)
{
  check_style ("chicago-note", STORYLINE_CITATION_CHICAGO_NOTE, "html", STORYLINE_MARKUP_HTML);
}

static void
test_mla_text (void)
{
  check_style ("mla", STORYLINE_CITATION_MLA, "txt", STORYLINE_MARKUP_TEXT);
}

static void
test_mla_html (void)
{
  check_style ("mla", STORYLINE_CITATION_MLA, "html", STORYLINE_MARKUP_HTML);
}

static void
test_title_case (void)
{
  const char *cases[][2] = {
    { "bangladesh resumes direct trade with pakistan after over 50 years", "Bangladesh Resumes Direct Trade with Pakistan after over 50 Years" },
    { "the visit: a view from the other side", "The Visit: A View from the Other Side" },
    { "CJCSC visit to Bangladesh", "CJCSC Visit to Bangladesh" },
    { "what it was for", "What It Was For" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cased = storyline_title_case (cases[i][0]);
      g_assert_cmpstr (cased, ==, cases[i][1]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/citation/apa/text", test_apa_text);
  g_test_add_func ("/citation/apa/html", test_apa_html);
  g_test_add_func ("/citation/chicago/text", test_chicago_text);
  g_test_add_func ("/citation/chicago/html", test_chicago_html);
  g_test_add_func ("/citation/chicago-note/text", test_chicago_note_text);
  g_test_add_func ("/citation/chicago-note/html", test_chicago_note_html);
  g_test_add_func ("/citation/mla/text", test_mla_text);
  g_test_add_func ("/citation/mla/html", test_mla_html);
  g_test_add_func ("/citation/title-case", test_title_case);

  return g_test_run ();
}
