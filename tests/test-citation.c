/* test-citation.c: citations against citeproc-js's goldens
 * (tests/citations/README.md): APA, Chicago (bibliography and note), MLA,
 * text and HTML, the entries and the in-text forms with their locators,
 * for every item of tests/citations/sources.json and corpus.json
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-citation.h"
#include <json-glib/json-glib.h>

#include "storyline-loader.h"
#include "storyline-problem.h"
#include "storyline-edit-history.h"
#include "storyline-source-edit.h"

static char *
read_citations_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "citations", name, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Both item files as the sources of one story: every item must load
 * without a problem. */
static StorylineStory *
load_sources (void)
{
  g_autofree char *hand = read_citations_file ("sources.json");
  g_autofree char *generated = read_citations_file ("corpus.json");
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  StorylineStory *story;
  char *close = strrchr (hand, ']');
  char *open = strchr (generated, '[');

  g_assert_nonnull (close);
  g_assert_nonnull (open);
  *close = '\0';
  json = g_strdup_printf ("{\"format\":\"storyline\",\"version\":1,\"story\":{\"title\":\"Citations\"},"
                          "\"events\":[],\"sources\":%s,%s}", hand, open + 1);
  bytes = g_bytes_new (json, strlen (json));
  story = storyline_load_bytes (bytes, NULL, &problems, NULL);
  g_assert_nonnull (story);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = storyline_problem_to_string (problems->pdata[i], "corpus");
      g_printerr ("%s\n", text);
    }
  g_assert_cmpuint (problems->len, ==, 0);
  return story;
}

/* The locator each item is cited with, from cites.json, as a story
 * writes it ("p. 12"). */
static GHashTable *
load_locators (void)
{
  g_autofree char *contents = read_citations_file ("cites.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  GHashTable *locators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *cites;

  g_assert_true (json_parser_load_from_data (parser, contents, -1, NULL));
  cites = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (cites); i++)
    {
      JsonObject *c = json_array_get_object_element (cites, i);

      if (json_object_has_member (c, "locator"))
        g_hash_table_insert (locators, g_strdup (json_object_get_string_member (c, "id")),
                             g_strdup (json_object_get_string_member (c, "locator")));
    }
  return locators;
}

/* citeproc-js's bibliography HTML comes in a div; notes and citations
 * do not. */
static char *
html_entry (const char *line)
{
  g_autoptr(GString) s = g_string_new (line);

  if (g_str_has_prefix (s->str, "<div class=\"csl-entry\">"))
    {
      g_string_erase (s, 0, strlen ("<div class=\"csl-entry\">"));
      g_assert_true (g_str_has_suffix (s->str, "</div>"));
      g_string_truncate (s, s->len - strlen ("</div>"));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Where Storyline writes better than citeproc-js (README.md there): each
 * line of differences.txt is what citeproc-js writes, a tab, what
 * Storyline writes instead. Returns how many were applied to @expected. */
static guint
apply_differences (char **expected)
{
  static GStrv pairs;
  guint applied = 0;

  if (pairs == NULL)
    {
      g_autofree char *contents = read_citations_file ("differences.txt");
      pairs = g_strsplit (contents, "\n", -1);
    }
  for (guint i = 0; pairs[i] && pairs[i][0]; i++)
    {
      g_auto(GStrv) pair = g_strsplit (pairs[i], "\t", 2);
      g_autoptr(GString) s = g_string_new (*expected);

      g_assert_nonnull (pair[1]);
      if (g_string_replace (s, pair[0], pair[1], 0) > 0)
        {
          g_free (*expected);
          *expected = g_strdup (s->str);
          applied++;
        }
    }
  return applied;
}

typedef enum { FORM_ENTRY, FORM_IN_TEXT } Form;

static void
check_goldens (const char             *name,
               StorylineCitationStyle  style,
               Form                    form,
               StorylineMarkup         markup)
{
  static StorylineStory *story;
  static GHashTable *locators;
  g_autofree char *file = g_strdup_printf ("%s.%s", name, markup == STORYLINE_MARKUP_HTML ? "html" : "txt");
  g_autofree char *contents = read_citations_file (file);
  g_auto(GStrv) lines = NULL;
  guint checked = 0, failed = 0, different = 0;

  if (story == NULL)
    {
      story = load_sources ();
      locators = load_locators ();
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] && lines[i][0]; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], "\t", 2);
      StorylineSource *source = storyline_story_lookup_source (story, parts[0]);
      g_autofree char *expected = NULL;
      g_autofree char *actual = NULL;

      g_assert_nonnull (source);
      expected = markup == STORYLINE_MARKUP_HTML ? html_entry (parts[1] ? parts[1] : "") : g_strdup (parts[1] ? parts[1] : "");
      different += apply_differences (&expected) > 0;
      if (form == FORM_IN_TEXT)
        actual = storyline_source_format_in_text (source, style, g_hash_table_lookup (locators, parts[0]), markup);
      else
        actual = storyline_source_format (source, style, markup);
      if (g_strcmp0 (actual, expected) != 0)
        {
          if (failed < 40 || g_getenv ("CITATION_ALL_DIFFS"))
            g_printerr ("%s %s:\n  expected %s\n  actual   %s\n", file, parts[0], expected, actual);
          failed++;
        }
      checked++;
    }
  g_printerr ("%s: %u of %u match (%u with a documented difference)\n", file, checked - failed, checked, different);
  g_assert_cmpuint (checked, >=, 400);
  g_assert_cmpuint (failed, ==, 0);
}

#define GOLDEN_TEST(func, name, style, form, markup) \
  static void func (void) { check_goldens (name, style, form, markup); }

GOLDEN_TEST (test_apa_text, "apa", STORYLINE_CITATION_APA, FORM_ENTRY, STORYLINE_MARKUP_TEXT)
GOLDEN_TEST (test_apa_html, "apa", STORYLINE_CITATION_APA, FORM_ENTRY, STORYLINE_MARKUP_HTML)
GOLDEN_TEST (test_chicago_text, "chicago", STORYLINE_CITATION_CHICAGO, FORM_ENTRY, STORYLINE_MARKUP_TEXT)
GOLDEN_TEST (test_chicago_html, "chicago", STORYLINE_CITATION_CHICAGO, FORM_ENTRY, STORYLINE_MARKUP_HTML)
GOLDEN_TEST (test_chicago_note_text, "chicago-note", STORYLINE_CITATION_CHICAGO_NOTE, FORM_ENTRY, STORYLINE_MARKUP_TEXT)
GOLDEN_TEST (test_chicago_note_html, "chicago-note", STORYLINE_CITATION_CHICAGO_NOTE, FORM_ENTRY, STORYLINE_MARKUP_HTML)
GOLDEN_TEST (test_mla_text, "mla", STORYLINE_CITATION_MLA, FORM_ENTRY, STORYLINE_MARKUP_TEXT)
GOLDEN_TEST (test_mla_html, "mla", STORYLINE_CITATION_MLA, FORM_ENTRY, STORYLINE_MARKUP_HTML)
GOLDEN_TEST (test_apa_cite_text, "apa-cite", STORYLINE_CITATION_APA, FORM_IN_TEXT, STORYLINE_MARKUP_TEXT)
GOLDEN_TEST (test_apa_cite_html, "apa-cite", STORYLINE_CITATION_APA, FORM_IN_TEXT, STORYLINE_MARKUP_HTML)
GOLDEN_TEST (test_chicago_note_cite_text, "chicago-note-cite", STORYLINE_CITATION_CHICAGO_NOTE, FORM_IN_TEXT, STORYLINE_MARKUP_TEXT)
GOLDEN_TEST (test_chicago_note_cite_html, "chicago-note-cite", STORYLINE_CITATION_CHICAGO_NOTE, FORM_IN_TEXT, STORYLINE_MARKUP_HTML)
GOLDEN_TEST (test_mla_cite_text, "mla-cite", STORYLINE_CITATION_MLA, FORM_IN_TEXT, STORYLINE_MARKUP_TEXT)
GOLDEN_TEST (test_mla_cite_html, "mla-cite", STORYLINE_CITATION_MLA, FORM_IN_TEXT, STORYLINE_MARKUP_HTML)

static void
test_title_case (void)
{
  const char *cases[][2] = {
    { "bangladesh resumes direct trade with pakistan after over 50 years", "Bangladesh Resumes Direct Trade with Pakistan after over 50 Years" },
    { "the visit: a view from the other side", "The Visit: A View from the Other Side" },
    { "CJCSC visit to Bangladesh", "CJCSC Visit to Bangladesh" },
    { "what it was for", "What It Was For" },
    { "the e-commerce boom", "The E-Commerce Boom" },
    { "what is it worth? a region", "What Is It Worth? A Region" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cased = storyline_title_case (cases[i][0]);
      g_assert_cmpstr (cased, ==, cases[i][1]);
    }
}

static void
test_locator_parse (void)
{
  const char *cases[][3] = {
    { "p. 12", "page", "12" },
    { "pp. 12–15", "page", "12–15" },
    { "para. 3", "paragraph", "3" },
    { "par. 3", "paragraph", "3" },
    { "Paragraph 3", "paragraph", "3" },
    { "sec. 2", "section", "2" },
    { "§ 2", "section", "2" },
    { "chap. 4", "chapter", "4" },
    { "12", "page", "12" },
    { "12-15", "page", "12-15" },
    { "headline", NULL, "headline" },
    { "the second paragraph", NULL, "the second paragraph" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *value = NULL;

      storyline_locator_parse (cases[i][0], &label, &value);
      g_assert_cmpstr (label, ==, cases[i][1]);
      g_assert_cmpstr (value, ==, cases[i][2]);
    }
}

/* Every item of the corpus made again as the window's form makes it: a
 * source added with its type and title, then each member set on its
 * own, in a random order, through the edit history; undone to the bare
 * source and done again. Its citations are then citeproc-js's, as the
 * item's are when loaded. */
static void
test_edited_sources (void)
{
  g_autoptr(StorylineStory) loaded = load_sources ();
  g_autoptr(GBytes) empty = g_bytes_new_static ("{\"format\":\"storyline\",\"version\":1,\"story\":{\"title\":\"Edited\"},\"events\":[]}", 73);
  g_autoptr(StorylineStory) story = storyline_load_bytes (empty, NULL, NULL, NULL);
  g_autoptr(StorylineEditHistory) history = NULL;
  GPtrArray *sources = storyline_story_get_sources (loaded);
  g_autoptr(GHashTable) made = g_hash_table_new (g_str_hash, g_str_equal);   /* loaded id → edited source */
  static const struct { const char *name; StorylineCitationStyle style; } styles[] = {
    { "apa", STORYLINE_CITATION_APA }, { "chicago", STORYLINE_CITATION_CHICAGO },
    { "chicago-note", STORYLINE_CITATION_CHICAGO_NOTE }, { "mla", STORYLINE_CITATION_MLA },
  };
  guint n_members = 0, checked = 0;

  g_assert_nonnull (story);
  history = storyline_edit_history_new (story);
  for (guint i = 0; i < sources->len; i++)
    {
      g_autoptr(JsonObject) item = storyline_source_copy_item (sources->pdata[i]);
      g_autoptr(GList) members = json_object_get_members (item);
      g_autoptr(GPtrArray) order = g_ptr_array_new ();
      const char *title = json_object_has_member (item, "title") ? json_object_get_string_member (item, "title") : NULL;
      StorylineSource *source;

      source = storyline_edit_history_add_source (history, json_object_get_string_member (item, "type"),
                                                  storyline_is_blank (title) ? "Untitled" : title);
      g_assert_nonnull (source);
      storyline_edit_history_end_step (history);
      for (GList *l = members; l != NULL; l = l->next)
        if (!g_str_equal (l->data, "id") && !g_str_equal (l->data, "type"))
          g_ptr_array_insert (order, g_test_rand_int_range (0, order->len + 1), l->data);
      if (storyline_is_blank (title))
        g_ptr_array_add (order, (gpointer) "title");
      for (guint k = 0; k < order->len; k++)
        {
          const char *key = order->pdata[k];
          JsonNode *value = json_object_has_member (item, key) ? json_object_get_member (item, key) : NULL;
          g_autoptr(JsonObject) changed = storyline_source_item_with (source, key, value);
          g_autoptr(GError) error = NULL;

          if (!storyline_edit_history_set_source_item (history, source, key, changed, &error))
            g_error ("%s, setting %s: %s", storyline_source_get_id (sources->pdata[i]), key, error->message);
          storyline_edit_history_end_step (history);
          n_members++;
        }
      g_hash_table_insert (made, (gpointer) storyline_source_get_id (sources->pdata[i]), source);
    }

  /* Back to the empty story, and all of it done again. */
  {
    guint undone = 0;

    while (storyline_edit_history_can_undo (history))
      {
        storyline_edit_history_undo (history);
        undone++;
      }
    g_assert_cmpuint (storyline_story_get_sources (story)->len, ==, 0);
    for (guint k = 0; k < undone; k++)
      storyline_edit_history_redo (history);
    g_assert_cmpuint (storyline_story_get_sources (story)->len, ==, sources->len);
  }

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      g_autofree char *file = g_strdup_printf ("%s.txt", styles[s].name);
      g_autofree char *contents = read_citations_file (file);
      g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
      guint failed = 0;

      for (guint i = 0; lines[i] && lines[i][0]; i++)
        {
          g_auto(GStrv) parts = g_strsplit (lines[i], "\t", 2);
          StorylineSource *source = g_hash_table_lookup (made, parts[0]);
          g_autofree char *expected = g_strdup (parts[1] ? parts[1] : "");
          g_autofree char *actual = NULL;

          g_assert_nonnull (source);
          apply_differences (&expected);
          actual = storyline_source_format (source, styles[s].style, STORYLINE_MARKUP_TEXT);
          if (g_strcmp0 (actual, expected) != 0)
            {
              if (failed < 20)
                g_printerr ("%s %s (edited):\n  expected %s\n  actual   %s\n", file, parts[0], expected, actual);
              failed++;
            }
          checked++;
        }
      g_assert_cmpuint (failed, ==, 0);
    }
  g_printerr ("%u sources edited member by member (%u members), %u citations match citeproc-js\n",
              sources->len, n_members, checked);
  g_assert_cmpuint (checked, >=, 4 * 400);
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
  g_test_add_func ("/citation/apa-cite/text", test_apa_cite_text);
  g_test_add_func ("/citation/apa-cite/html", test_apa_cite_html);
  g_test_add_func ("/citation/chicago-note-cite/text", test_chicago_note_cite_text);
  g_test_add_func ("/citation/chicago-note-cite/html", test_chicago_note_cite_html);
  g_test_add_func ("/citation/mla-cite/text", test_mla_cite_text);
  g_test_add_func ("/citation/mla-cite/html", test_mla_cite_html);
  g_test_add_func ("/citation/edited-sources", test_edited_sources);
  g_test_add_func ("/citation/title-case", test_title_case);
  g_test_add_func ("/citation/locator", test_locator_parse);

  return g_test_run ();
}
