/* test-import.c: stories made from TimelineJS timelines and bibliographies
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "storyline-cli.h"
#include "storyline-export.h"
#include "storyline-import.h"
#include "storyline-import-private.h"
#include "storyline-loader.h"
#include "storyline-problem.h"

static char *
fixture (const char *name,
         gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "import", name, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

/* What the importer made, read by the loader: no problem at all. */
static StorylineStory *
import (const char *format,
        const char *data,
        gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = storyline_import_to_story (format, data, length, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  StorylineStory *story;

  g_assert_no_error (error);
  g_assert_nonnull (text);
  bytes = g_bytes_new (text, strlen (text));
  story = storyline_load_bytes (bytes, NULL, &problems, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = storyline_problem_to_string (problems->pdata[i], "imported");
      g_printerr ("%s\n", line);
    }
  g_assert_cmpuint (problems->len, ==, 0);
  return story;
}

static char *
import_error (const char *format,
              const char *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = storyline_import_to_story (format, data, strlen (data), &error);

  g_assert_null (text);
  g_assert_nonnull (error);
  return g_strdup (error->message);
}

static void
assert_error (const char *format,
              const char *data,
              const char *expected)
{
  g_autofree char *message = import_error (format, data);

  if (strstr (message, expected) == NULL)
    g_error ("“%s”: expected “%s” in the error", message, expected);
}

static StorylineEvent *
event_titled (StorylineStory *story,
              const char     *title)
{
  GPtrArray *events = storyline_story_get_events (story);

  for (guint i = 0; i < events->len; i++)
    if (g_str_equal (storyline_event_get_title (events->pdata[i]), title))
      return events->pdata[i];
  g_error ("no event “%s”", title);
  return NULL;
}

static char *
date_of (StorylineEvent *event)
{
  return storyline_date_to_edtf (storyline_event_get_date (event));
}

/* A chain of @n @string macros, each the one before (joined with @join),
 * the first @value: a title given the last is @value. */
static void
assert_string_chain (guint       n,
                     const char *join,
                     const char *value)
{
  g_autoptr(GString) chain = g_string_new (NULL);
  g_autoptr(JsonArray) items = NULL;
  g_autoptr(GError) error = NULL;

  g_string_append_printf (chain, "@string{s0 = \"%s\"}\n", value);
  for (guint i = 1; i < n; i++)
    g_string_append_printf (chain, "@string{s%u = s%u%s}\n", i, i - 1, join);
  g_string_append_printf (chain, "@misc{m, title = s%u}\n", n - 1);
  items = storyline_bibtex_to_csl (chain->str, chain->len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "title"), ==, value);
}

static void
test_html_to_text (void)
{
  static const char *cases[][2] = {
    { "plain", "plain" },
    { "<b>bold</b> and <i>italic</i>", "bold and italic" },
    { "a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x2014; &mdash; &nbsp;", "a & b <c> \"d\" 'e' — — \u00a0" },
    { "<p>one</p><p>two</p>", "one\n\ntwo" },
    { "line<br>break<br/>again", "line\nbreak\nagain" },
    { "  lots\n of \t space  ", "lots of space" },
    { "<script>alert(1)</script>kept<style>p{color:red}</style>", "kept" },
    { "a < b and c > d", "a < b and c > d" },
    { "&unknown; &#0; &#xZZ;", "&unknown; &#0; &#xZZ;" },
    { "<a href=\"https://x.example/\">x</a>", "x" },
    { "unclosed <b", "unclosed <b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = storyline_html_to_text (cases[i][0], NULL);
      g_assert_cmpstr (text, ==, cases[i][1]);
    }

  /* Links: http(s) only, the address decoded, the text plain. */
  {
    g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *text = storyline_html_to_text ("<a href=\"https://a.example/?x=1&amp;y=2\"><b>A</b></a> "
                                                    "<a href='mailto:x@example.org'>mail</a> "
                                                    "<a class=\"c\" href=http://b.example/p>B</a> "
                                                    "<a href=\"javascript:alert(1)\">no</a>", links);

    g_assert_cmpstr (text, ==, "A mail B no");
    g_assert_cmpuint (links->len, ==, 4);
    g_assert_cmpstr (links->pdata[0], ==, "https://a.example/?x=1&y=2");
    g_assert_cmpstr (links->pdata[1], ==, "A");
    g_assert_cmpstr (links->pdata[2], ==, "http://b.example/p");
    g_assert_cmpstr (links->pdata[3], ==, "B");
  }
}

static void
test_timelinejs (void)
{
  gsize length;
  g_autofree char *data = fixture ("timeline.json", &length);
  g_autoptr(StorylineStory) story = NULL;
  StorylineEvent *event;
  GPtrArray *phases;

  g_assert_cmpstr (storyline_import_detect (data, length), ==, "timelinejs");
  story = import (NULL, data, length);

  /* The title slide: title and summary, as plain text. */
  g_assert_cmpstr (storyline_story_get_title (story), ==, "Ports & people");
  g_assert_cmpstr (storyline_story_get_summary (story), ==, "A year of ships.\n\nTold in six slides — and two eras.");
  g_assert_cmpuint (storyline_story_get_events (story)->len, ==, 6);

  /* A day (the time of day left out), with its links and media as
   * sources, its group as a tag, its unique_id as its id. */
  event = event_titled (story, "First ship arrives");
  g_assert_cmpstr (storyline_event_get_id (event), ==, "first-ship");
  {
    g_autofree char *date = date_of (event);
    g_assert_cmpstr (date, ==, "2024-11-13");
  }
  g_assert_cmpstr (storyline_event_get_summary (event), ==, "The report and the log.\n\nSecond paragraph.");
  g_assert_cmpuint (storyline_event_get_n_sources (event), ==, 3);
  g_assert_cmpstr (storyline_source_get_url (storyline_event_get_source (event, 0)->source), ==, "https://news.example.com/ship?id=1&lang=en");
  g_assert_cmpstr (storyline_source_get_title (storyline_event_get_source (event, 0)->source), ==, "report");
  g_assert_cmpstr (storyline_source_get_url (storyline_event_get_source (event, 1)->source), ==, "https://ports.example.org/log");
  g_assert_cmpstr (storyline_source_get_url (storyline_event_get_source (event, 2)->source), ==, "https://video.example.com/watch?v=abc");
  g_assert_cmpstr (storyline_source_get_title (storyline_event_get_source (event, 2)->source), ==, "Arrival");
  g_assert_cmpstr (storyline_source_get_author (storyline_event_get_source (event, 2)->source, 0)->literal, ==, "Port TV");
  g_assert_cmpstr (storyline_event_get_tags (event)[0], ==, "Shipping");

  /* Months, an interval; the same link is one source cited twice. */
  event = event_titled (story, "Talks");
  {
    g_autofree char *date = date_of (event);
    g_assert_cmpstr (date, ==, "2025-01/2025-03");
  }
  g_assert_cmpuint (storyline_event_get_n_sources (event), ==, 1);
  g_assert_true (storyline_event_get_source (event, 0)->source ==
                 storyline_event_get_source (event_titled (story, "First ship arrives"), 0)->source);

  /* A year alone; a year before the common era; an id used twice. */
  {
    g_autofree char *year = date_of (event_titled (story, "A year alone"));
    g_autofree char *ides = date_of (event_titled (story, "The Ides"));

    g_assert_cmpstr (year, ==, "1971");
    g_assert_cmpstr (ides, ==, "-0044-03-15");
    g_assert_cmpstr (storyline_event_get_id (event_titled (story, "The Ides")), !=, "first-ship");
  }

  /* No headline: its text is its title; an interval of one day. */
  event = event_titled (story, "No headline: the start of its text is its title.");
  {
    g_autofree char *shown = storyline_date_format (storyline_event_get_date (event));
    g_assert_cmpstr (shown, ==, "28 April 2020");
  }

  /* Markup is text; scripts are not; a javascript: media is no source. */
  event = event_titled (story, "<script>alert(1)</script> stays text");
  g_assert_cmpstr (storyline_event_get_summary (event), ==, "Only this.");
  g_assert_cmpuint (storyline_event_get_n_sources (event), ==, 0);

  /* Eras are phases. */
  phases = storyline_story_get_phases (story);
  g_assert_cmpuint (phases->len, ==, 2);
  g_assert_cmpstr (storyline_phase_get_title (phases->pdata[0]), ==, "The reopening");
  g_assert_cmpstr (storyline_phase_get_summary (phases->pdata[0]), ==, "Ships and talks.");
}

/* What a story cannot hold came back in the export: the display date,
 * the background, the media with its thumbnail, the time of day; a
 * media link that is not http(s) did not. */
static void
assert_extras_back (const char *exported)
{
  g_autoptr(JsonNode) root = json_from_string (exported, NULL);
  JsonArray *events;
  gboolean found = FALSE;

  g_assert_nonnull (root);
  events = json_object_get_array_member (json_node_get_object (root), "events");
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *e = json_array_get_object_element (events, i);

      if (json_object_has_member (e, "media"))
        g_assert_true (g_str_has_prefix (json_object_get_string_member (json_object_get_object_member (e, "media"), "url"), "https://"));
      if (g_strcmp0 (json_object_get_string_member_with_default (e, "display_date", NULL), "Mid-November") != 0)
        continue;
      found = TRUE;
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (e, "background"), "color"), ==, "#123456");
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (e, "media"), "thumbnail"), ==,
                       "https://video.example.com/t.jpg");
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (e, "start_date"), "hour"), ==, "9");
    }
  g_assert_true (found);
}

/* TimelineJS → Storyline → TimelineJS → Storyline: every event, its
 * date and every era kept. */
static void
test_timelinejs_round_trip (void)
{
  gsize length;
  g_autofree char *data = fixture ("timeline.json", &length);
  g_autoptr(StorylineStory) first = import ("timelinejs", data, length);
  g_autoptr(GString) exported = g_string_new (NULL);
  g_autoptr(StorylineStory) again = NULL;
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;

  g_assert_true (storyline_export (first, "timelinejs", exported));
  assert_extras_back (exported->str);
  again = import ("timelinejs", exported->str, exported->len);
  a = storyline_story_dup_events_sorted (first);
  b = storyline_story_dup_events_sorted (again);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      g_autofree char *da = date_of (a->pdata[i]);
      g_autofree char *db = date_of (b->pdata[i]);

      g_assert_cmpstr (storyline_event_get_title (a->pdata[i]), ==, storyline_event_get_title (b->pdata[i]));
      g_assert_cmpstr (storyline_event_get_id (a->pdata[i]), ==, storyline_event_get_id (b->pdata[i]));
      g_assert_cmpstr (da, ==, db);
    }
  g_assert_cmpuint (storyline_story_get_phases (first)->len, ==, storyline_story_get_phases (again)->len);
  for (guint i = 0; i < storyline_story_get_phases (first)->len; i++)
    {
      StorylinePhase *p = storyline_story_get_phases (first)->pdata[i];
      StorylinePhase *q = storyline_story_get_phases (again)->pdata[i];
      g_autofree char *ps = storyline_date_to_edtf (storyline_phase_get_start (p));
      g_autofree char *qs = storyline_date_to_edtf (storyline_phase_get_start (q));
      g_autofree char *pe = storyline_date_to_edtf (storyline_phase_get_end (p));
      g_autofree char *qe = storyline_date_to_edtf (storyline_phase_get_end (q));

      g_assert_cmpstr (storyline_phase_get_title (p), ==, storyline_phase_get_title (q));
      g_assert_cmpstr (ps, ==, qs);
      g_assert_cmpstr (pe, ==, qe);
    }
}

static void
test_timelinejs_refused (void)
{
  assert_error ("timelinejs", "{\"scale\": \"cosmological\", \"events\": []}", "cosmological");
  assert_error ("timelinejs", "{\"events\": [{\"start_date\": {\"year\": 13800000000}, \"text\": {\"headline\": \"Big Bang\"}}]}",
                "events[0].start_date: the year 13800000000 is outside");
  assert_error ("timelinejs", "{\"events\": [{\"start_date\": {\"year\": 2025, \"month\": 2, \"day\": 30}}]}",
                "events[0].start_date: not a date");
  assert_error ("timelinejs", "{\"events\": [{\"start_date\": {\"year\": 2025, \"month\": 13}}]}", "“13” is not a month");
  assert_error ("timelinejs", "{\"events\": [{\"start_date\": {\"year\": \"MMXXV\"}}]}", "is not a number");
  assert_error ("timelinejs", "{\"events\": [{\"text\": {\"headline\": \"x\"}}]}", "events[0]: no start_date");
  assert_error ("timelinejs", "{\"events\": [{\"start_date\": {\"year\": 2025}, \"end_date\": {\"year\": 2024}}]}",
                "first date is after the second");
  assert_error ("timelinejs", "{\"events\": [1]}", "events[0]: not an object");
  assert_error ("timelinejs", "{\"title\": {}}", "no “events”");
  assert_error ("timelinejs", "{\"events\": [", "not valid JSON");
  assert_error ("timelinejs", "[1, 2]", "not a JSON object");
  assert_error (NULL, "\x01\x02binary", "not recognized");
  assert_error ("timelinejs", "{\"events\": [], \"x\": \"\xff\xfe\"}", "not UTF-8");
}

static void
test_csv (void)
{
  gsize length;
  g_autofree char *data = fixture ("template.csv", &length);
  g_autoptr(StorylineStory) story = NULL;
  StorylineEvent *event;

  g_assert_cmpstr (storyline_import_detect (data, length), ==, "timelinejs-csv");
  story = import (NULL, data, length);
  g_assert_cmpstr (storyline_story_get_title (story), ==, "Ports and people");
  g_assert_cmpstr (storyline_story_get_summary (story), ==, "A year of ships, in a sheet.");
  /* The empty row is no event; the era row a phase. */
  g_assert_cmpuint (storyline_story_get_events (story)->len, ==, 3);
  g_assert_cmpuint (storyline_story_get_phases (story)->len, ==, 1);

  event = event_titled (story, "First ship, \"at last\"");
  {
    g_autofree char *date = date_of (event);
    g_assert_cmpstr (date, ==, "2024-11-13");
  }
  g_assert_cmpstr (storyline_event_get_summary (event), ==, "See the report. A line break inside a field.");
  g_assert_cmpuint (storyline_event_get_n_sources (event), ==, 2);
  g_assert_cmpstr (storyline_source_get_title (storyline_event_get_source (event, 1)->source), ==, "Arrival");
  g_assert_cmpstr (storyline_event_get_tags (event)[0], ==, "Shipping");
  {
    g_autofree char *talks = date_of (event_titled (story, "Talks"));
    g_autofree char *year = date_of (event_titled (story, "A year alone"));

    g_assert_cmpstr (talks, ==, "2025-01/2025-03");
    g_assert_cmpstr (year, ==, "1971");
  }

  /* The sheet's display date, background, thumbnail and time come back
   * in TimelineJS's JSON. */
  {
    g_autoptr(GString) exported = g_string_new (NULL);

    g_assert_true (storyline_export (story, "timelinejs", exported));
    assert_extras_back (exported->str);
  }

  /* The same sheet with LF line ends and no byte-order mark. */
  {
    g_autoptr(GString) lf = g_string_new (data + 3);
    g_autoptr(StorylineStory) same = NULL;

    g_string_replace (lf, "\r\n", "\n", 0);
    same = import ("timelinejs-csv", lf->str, lf->len);
    g_assert_cmpuint (storyline_story_get_events (same)->len, ==, 3);
  }
}

static void
test_csv_refused (void)
{
  const char *header = "Year,Month,Day,Headline,Text\n";
  g_autofree char *bad_day = g_strconcat (header, "2025,1,2,Fine,\n2025,2,30,Wrong,\n", NULL);
  g_autofree char *bad_month = g_strconcat (header, "2025,March,,Wrong,\n", NULL);
  g_autofree char *no_year = g_strconcat (header, ",,,No year,\n", NULL);
  g_autofree char *unclosed = g_strconcat (header, "2025,1,2,\"Open,\n", NULL);

  assert_error ("timelinejs-csv", bad_day, "line 3");
  assert_error ("timelinejs-csv", bad_day, "28 days");
  assert_error ("timelinejs-csv", bad_month, "“March” is not a month");
  assert_error ("timelinejs-csv", bad_month, "line 2");
  assert_error ("timelinejs-csv", no_year, "needs a year");
  assert_error ("timelinejs-csv", unclosed, "line 2: a quoted field is not closed");
  assert_error ("timelinejs-csv", "Name,Year,Headline\nx,2025,y\n", "lacks the columns “Month”, “Day”, “Text”");
  assert_error ("timelinejs-csv", "", "empty");
}

static void
test_csl_json (void)
{
  gsize length;
  g_autofree char *data = fixture ("bibliography.json", &length);
  g_autoptr(StorylineStory) story = NULL;
  GPtrArray *sources;

  g_assert_cmpstr (storyline_import_detect (data, length), ==, "csl-json");
  story = import (NULL, data, length);
  sources = storyline_story_get_sources (story);
  g_assert_cmpuint (sources->len, ==, 4);
  g_assert_cmpstr (storyline_source_get_id (sources->pdata[0]), ==, "smith2020");
  g_assert_cmpstr (storyline_source_get_title (sources->pdata[0]), ==, "On ports");
  /* Every field kept: the volume and pages are in its item. */
  g_assert_cmpstr (json_object_get_string_member (storyline_source_get_item (sources->pdata[0]), "volume"), ==, "3");
  g_assert_cmpstr (json_object_get_string_member (storyline_source_get_item (sources->pdata[0]), "page"), ==, "12-30");
  /* An item without an id gets one; an id used twice is made unique. */
  g_assert_nonnull (storyline_source_get_id (sources->pdata[2]));
  g_assert_cmpstr (storyline_source_get_id (sources->pdata[3]), !=, "smith2020");
  assert_error ("csl-json", "[1]", "[0]: not an item");
  assert_error ("csl-json", "{}", "not a JSON array");
}

/* Goldens: what citation.js reads from corpus.bib and corpus.ris
 * (generate-bib-corpus.js), compared member by member, with the
 * differences README.md documents. */

static void
canonical_append (GString  *out,
                  JsonNode *node,
                  gboolean  gold)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = g_list_sort (json_object_get_members (object), (GCompareFunc) g_strcmp0);

      /* citation.js writes a name in braces as a family name alone;
       * Storyline as the literal name it is. */
      if (gold && g_list_length (members) == 1 && g_str_equal (members->data, "family"))
        {
          g_string_append (out, "{\"literal\":");
          canonical_append (out, json_object_get_member (object, "family"), gold);
          g_string_append (out, "}");
          return;
        }
      g_string_append_c (out, '{');
      for (GList *l = members; l != NULL; l = l->next)
        {
          g_string_append_printf (out, "%s\"%s\":", l == members ? "" : ",", (char *) l->data);
          canonical_append (out, json_object_get_member (object, l->data), gold);
        }
      g_string_append_c (out, '}');
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      g_string_append_c (out, '[');
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          canonical_append (out, json_array_get_element (array, i), gold);
        }
      g_string_append_c (out, ']');
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autoptr(GString) text = g_string_new (json_node_get_string (node));

      if (gold)
        {
          /* citation.js turns \emph and the like into HTML; Storyline
           * keeps text. It leaves a dotless i under an accent. */
          static const char * const tags[] = { "<i>", "</i>", "<b>", "</b>", "<sc>", "</sc>", "<sup>", "</sup>", "<sub>", "</sub>" };

          for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
            g_string_replace (text, tags[i], "", 0);
          g_string_replace (text, "ı\u0301", "í", 0);
        }
      g_string_append_printf (out, "\"%s\"", text->str);
    }
  else if (JSON_NODE_HOLDS_VALUE (node))
    {
      g_autofree char *text = json_to_string (node, FALSE);
      g_string_append (out, text);
    }
  else
    g_string_append (out, "null");
}

static char *
canonical (JsonNode *node,
           gboolean  gold)
{
  GString *out = g_string_new (NULL);

  if (node != NULL)
    canonical_append (out, node, gold);
  return g_string_free (out, FALSE);
}

static JsonArray *
golden_items (const char *name)
{
  gsize length;
  g_autofree char *data = fixture (name, &length);
  g_autoptr(JsonNode) root = json_from_string (data, NULL);

  g_assert_nonnull (root);
  return json_array_ref (json_node_get_array (root));
}

/* Whether the names of @gold are all in @mine, in the same order. */
static gboolean
names_within (JsonNode *gold,
              JsonNode *mine)
{
  JsonArray *g = json_node_get_array (gold), *m = mine ? json_node_get_array (mine) : NULL;
  guint k = 0;

  for (guint i = 0; i < json_array_get_length (g); i++)
    {
      g_autofree char *want = canonical (json_array_get_element (g, i), TRUE);
      gboolean found = FALSE;

      while (m != NULL && k < json_array_get_length (m) && !found)
        {
          g_autofree char *have = canonical (json_array_get_element (m, k++), FALSE);
          found = g_str_equal (want, have);
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static void
test_bibtex_golden (void)
{
  gsize length;
  g_autofree char *data = fixture ("corpus.bib", &length);
  g_autoptr(JsonArray) gold = golden_items ("corpus-bib.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) mine = storyline_bibtex_to_csl (data, length, &error);
  g_autoptr(StorylineStory) story = import (NULL, data, length);
  guint compared = 0, failed = 0, documented = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (mine), ==, json_array_get_length (gold));
  g_assert_cmpuint (storyline_story_get_sources (story)->len, ==, json_array_get_length (gold));
  for (guint i = 0; i < json_array_get_length (gold); i++)
    {
      JsonObject *g = json_array_get_object_element (gold, i);
      JsonObject *m = json_array_get_object_element (mine, i);
      g_autoptr(GList) gold_keys = json_object_get_members (g);
      g_autoptr(GList) my_keys = json_object_get_members (m);

      for (GList *l = gold_keys; l != NULL; l = l->next)
        {
          const char *key = l->data;
          g_autofree char *want = NULL;
          g_autofree char *have = NULL;

          if (g_str_equal (key, "citation-key") || g_str_equal (key, "_graph"))
            continue;
          /* A thesis says which in words; a report is not called a
           * "techreport". */
          if (g_str_equal (key, "genre") &&
              g_strv_contains ((const char *[]) { "mathesis", "phdthesis", "techreport", NULL }, json_object_get_string_member (g, key)))
            {
              documented++;
              continue;
            }
          want = canonical (json_object_get_member (g, key), TRUE);
          have = canonical (json_object_has_member (m, key) ? json_object_get_member (m, key) : NULL, FALSE);
          compared++;
          if (!g_str_equal (want, have))
            {
              g_printerr ("%s %s:\n  citation.js %s\n  Storyline   %s\n", json_object_get_string_member (g, "id"), key, want, have);
              failed++;
            }
        }
      /* What Storyline keeps that citation.js leaves out: a number of
       * anything not numbered in CSL's other ways, and a thesis's kind. */
      for (GList *l = my_keys; l != NULL; l = l->next)
        if (!json_object_has_member (g, l->data) && !g_str_equal (l->data, "number") && !g_str_equal (l->data, "genre"))
          {
            g_printerr ("%s %s: Storyline has it, citation.js not\n", json_object_get_string_member (m, "id"), (char *) l->data);
            failed++;
          }
    }
  g_test_message ("%u members compared with citation.js, %u documented differences", compared, documented);
  g_assert_cmpuint (compared, >, 1000);
  g_assert_cmpuint (failed, ==, 0);
}

static void
test_ris_golden (void)
{
  gsize length;
  g_autofree char *data = fixture ("corpus.ris", &length);
  g_autoptr(JsonArray) gold = golden_items ("corpus-ris.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) mine = storyline_ris_to_csl (data, length, &error);
  g_autoptr(StorylineStory) story = import (NULL, data, length);
  /* The tags the issue names, as CSL. */
  static const char * const keys[] = { "type", "author", "issued", "title", "container-title", "URL", "DOI", "page",
                                       "volume", "issue", "publisher", "publisher-place", "note", NULL };
  guint compared = 0, failed = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (mine), ==, json_array_get_length (gold));
  g_assert_cmpuint (storyline_story_get_sources (story)->len, ==, json_array_get_length (gold));
  for (guint i = 0; i < json_array_get_length (gold); i++)
    {
      JsonObject *g = json_array_get_object_element (gold, i);
      JsonObject *m = json_array_get_object_element (mine, i);

      for (guint k = 0; keys[k] != NULL; k++)
        {
          JsonNode *want_node = json_object_get_member (g, keys[k]);
          JsonNode *have_node = json_object_get_member (m, keys[k]);
          g_autofree char *want = NULL;
          g_autofree char *have = NULL;

          /* Where citation.js reads a tag by the record type's own use
           * of it and leaves it out, Storyline keeps it. */
          if (want_node == NULL)
            continue;
          compared++;
          /* AU and A1 are both authors, in the order given. */
          if (g_str_equal (keys[k], "author") && names_within (want_node, have_node))
            continue;
          /* "1985/07//" is July 1985, not a text to keep. */
          if (g_str_equal (keys[k], "issued") && JSON_NODE_HOLDS_OBJECT (want_node) &&
              json_object_has_member (json_node_get_object (want_node), "raw"))
            {
              g_autoptr(JsonNode) parsed = NULL;
              g_auto(GStrv) parts = g_strsplit (json_object_get_string_member (json_node_get_object (want_node), "raw"), "/", 4);

              parsed = storyline_csl_date (atoi (parts[0]), parts[1] ? atoi (parts[1]) : 0, parts[1] && parts[2] ? atoi (parts[2]) : 0);
              want = canonical (parsed, FALSE);
            }
          /* An abstract is an abstract, whatever the type. */
          else if (g_str_equal (keys[k], "note") && have_node == NULL && json_object_has_member (m, "abstract"))
            {
              want = canonical (want_node, TRUE);
              have = canonical (json_object_get_member (m, "abstract"), FALSE);
            }
          if (want == NULL)
            want = canonical (want_node, TRUE);
          if (have == NULL)
            have = canonical (have_node, FALSE);
          if (!g_str_equal (want, have))
            {
              g_printerr ("record %u %s:\n  citation.js %s\n  Storyline   %s\n", i, keys[k], want, have);
              failed++;
            }
        }
    }
  g_test_message ("%u members compared with citation.js", compared);
  g_assert_cmpuint (compared, >, 500);
  g_assert_cmpuint (failed, ==, 0);
}

static void
test_bibtex (void)
{
  static const char *cases[][2] = {
    { "{\\'e}t{\\'e} \\c{c}a \\\"{o} \\v{s} \\~n \\ss{} \\o{} \\aa{} \\AE", "été ça ö š ñ ß ø å Æ" },
    /* As TeX: a command's name ends at the space after it, which goes. */
    { "\\o \\aa x", "øåx" },
    { "pages 12--30 and ---", "pages 12–30 and —" },
    { "\\emph{Dawn} and \\textbf{{B}old}", "Dawn and Bold" },
    { "50\\% \\& \\$5 \\#1 a\\_b", "50% & $5 #1 a_b" },
    { "``quoted''", "“quoted”" },
    { "{\\i} \\'{\\i}", "ı í" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = storyline_latex_to_text (cases[i][0]);
      g_assert_cmpstr (text, ==, cases[i][1]);
    }

  assert_error ("bibtex", "@article{a, title = {open", "line 1");
  assert_error ("bibtex", "@article{a, title = {open", "not closed");
  assert_error ("bibtex", "@article{a,\n  title = \"x\",\n  year = 2020 2021}", "line 3");
  assert_error ("bibtex", "@article{a, title}", "expected “=” after the field “title”");
  assert_error ("bibtex", "@string{x}", "expected “=”");
  /* @string chains, deep but finite. */
  assert_string_chain (200, " # \"\"", "end");
  /* Braces nested too deep. */
  {
    g_autoptr(GString) deep = g_string_new ("@misc{m, title = ");
    for (guint i = 0; i < 100; i++)
      g_string_append_c (deep, '{');
    assert_error ("bibtex", deep->str, "nested");
  }
}

static void
test_ris (void)
{
  const char *two = "TY  - JOUR\r\nAU  - Smith, Ann\r\nTI  - A title\r\n  that goes on\r\nPY  - 2020/05/01/\r\nSP  - 12\r\nEP  - 30\r\nER  - \r\n\r\n"
                    "TY  - NEWS\nA1  - Dawn Staff\nT1  - News\nJO  - Dawn\nDA  - 2024\nUR  - https://dawn.example/x\nER  - \n";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) items = storyline_ris_to_csl (two, strlen (two), &error);
  JsonObject *first, *second;

  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  first = json_array_get_object_element (items, 0);
  second = json_array_get_object_element (items, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "type"), ==, "article-journal");
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "A title that goes on");
  g_assert_cmpstr (json_object_get_string_member (first, "page"), ==, "12-30");
  g_assert_cmpstr (json_object_get_string_member (second, "type"), ==, "article-newspaper");
  g_assert_cmpstr (json_object_get_string_member (second, "container-title"), ==, "Dawn");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (second, "author"), 0), "literal"),
                   ==, "Dawn Staff");
  assert_error ("ris", "TY  - JOUR\nTI  - x\n", "line 1: the record that begins here does not end");
  assert_error ("ris", "TI  - x\n", "line 1: “TI” outside a record");
  assert_error ("ris", "TY  - JOUR\nTY  - BOOK\nER  - \n", "line 2: a record begins before");
}

/* Hostile files: each refused with a clear error, with its line, or
 * read; none crashes, none leaves half a story. */
static void
test_hostile (void)
{
  /* A 10 MB field. */
  {
    g_autoptr(GString) big = g_string_new ("Year,Month,Day,Headline,Text\n2025,1,2,Big,\"");
    g_autoptr(StorylineStory) story = NULL;

    for (guint i = 0; i < 10 * 1024 * 1024 / 16; i++)
      g_string_append (big, "all work and no ");
    g_string_append (big, "\"\n");
    story = import ("timelinejs-csv", big->str, big->len);
    g_assert_cmpuint (strlen (storyline_event_get_summary (storyline_story_get_events (story)->pdata[0])), >=, 10 * 1024 * 1024 - 1);
  }
  /* 100,000 columns. */
  {
    g_autoptr(GString) wide = g_string_new ("Year,Month,Day,Headline,Text");
    g_autoptr(StorylineStory) story = NULL;

    for (guint i = 0; i < 100000; i++)
      g_string_append_printf (wide, ",c%u", i);
    g_string_append (wide, "\n2025,1,2,Wide,\n");
    story = import ("timelinejs-csv", wide->str, wide->len);
    g_assert_cmpuint (storyline_story_get_events (story)->len, ==, 1);
  }
  /* @string chains 100,000 deep. */
  assert_string_chain (100000, "", "x");
  /* Unterminated quotes and braces, at their line. */
  assert_error ("timelinejs-csv", "Year,Month,Day,Headline,Text\n2025,1,2,x,y\n2025,1,3,\"open,\n\n\n", "line 3");
  assert_error ("bibtex", "@misc{a, title = {x}}\n\n@misc{b, title = {open}\n", "line 3");
  assert_error ("bibtex", "@misc{a, title = \"open}\n", "quoted value is not closed");
  /* Binary, invalid UTF-8, Latin-1: refused as not UTF-8 text. */
  {
    guint8 binary[4096];

    for (guint i = 0; i < sizeof binary; i++)
      binary[i] = g_test_rand_int_range (0, 256);
    for (guint f = 0; storyline_import_formats ()[f] != NULL; f++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *text = storyline_import_to_story (storyline_import_formats ()[f], (char *) binary, sizeof binary, &error);

        g_assert_null (text);
        g_assert_nonnull (error);
      }
  }
  assert_error ("ris", "TY  - JOUR\nAU  - Caf\xe9, Ren\xe9\nER  - \n", "line 2, column 10: the file is not UTF-8");
  assert_error ("bibtex", "@misc{m, title = {\xff\xfe}}", "not UTF-8");
  assert_error ("timelinejs", "{\"events\": [{\"start_date\": {\"year\": 2025}, \"text\": {\"headline\": \"\xc3\"}}]}", "not UTF-8");
}

/* The command line: a new story, then the same items added to it again
 * (each said to be there already, none added twice). */
static void
test_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("storyline-import-XXXXXX", NULL);
  g_autofree char *story_path = g_build_filename (dir, "story.json", NULL);
  g_autofree char *merged_path = g_build_filename (dir, "merged.json", NULL);
  g_autofree char *timeline = g_test_build_filename (G_TEST_DIST, "import", "timeline.json", NULL);
  g_autofree char *bibliography = g_test_build_filename (G_TEST_DIST, "import", "bibliography.json", NULL);
  g_autofree char *first = NULL;
  g_autofree char *merged = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  char *import_args[] = { "storyline", "--import", timeline, "--output", story_path, NULL };
  char *into_args[] = { "storyline", "--import", timeline, "--into", story_path, "-o", merged_path, NULL };
  char *bib_args[] = { "storyline", "--import", bibliography, "--from", "csl-json", "--into", story_path, NULL };
  char *wrong_from[] = { "storyline", "--import", timeline, "--from", "word", NULL };
  char *into_alone[] = { "storyline", "--into", story_path, NULL };
  char *not_csv[] = { "storyline", "--import", bibliography, "--from", "timelinejs-csv", NULL };

  g_assert_true (storyline_cli_wants_argv (3, import_args));
  g_assert_cmpint (storyline_cli_run (5, import_args, out, err), ==, 0);
  g_assert_cmpstr (err->str, ==, "");
  g_assert_true (g_file_get_contents (story_path, &first, NULL, NULL));
  g_assert_nonnull (strstr (first, "\"format\": \"storyline\""));

  /* The same timeline into it: every event and source there already. */
  g_assert_cmpint (storyline_cli_run (7, into_args, out, err), ==, 0);
  g_assert_nonnull (strstr (err->str, "events[0] “First ship arrives”"));
  g_assert_nonnull (strstr (err->str, "not added again"));
  g_assert_true (g_file_get_contents (merged_path, &merged, NULL, NULL));
  g_assert_cmpstr (merged, ==, first);

  /* A bibliography into it: its sources added, to standard output. */
  g_string_truncate (err, 0);
  g_string_truncate (out, 0);
  g_assert_cmpint (storyline_cli_run (7, bib_args, out, err), ==, 0);
  g_assert_nonnull (strstr (out->str, "\"id\": \"smith2020\""));
  g_assert_nonnull (strstr (out->str, "\"First ship arrives\""));

  g_string_truncate (err, 0);
  g_assert_cmpint (storyline_cli_run (5, wrong_from, out, err), ==, 2);
  g_assert_nonnull (strstr (err->str, "unknown import format “word”"));
  g_assert_cmpint (storyline_cli_run (3, into_alone, out, err), ==, 2);
  g_string_truncate (err, 0);
  g_assert_cmpint (storyline_cli_run (5, not_csv, out, err), ==, 1);
  g_assert_nonnull (strstr (err->str, "bibliography.json: error: not a TimelineJS spreadsheet"));

  /* "-" is standard input, for --import, --validate and --export. */
  {
    char *stdin_import[] = { "storyline", "--import", "-", "--from", "csl-json", NULL };
    char *stdin_validate[] = { "storyline", "--validate", "-", NULL };
    char *stdin_export[] = { "storyline", "--export", "csv", "-", NULL };

    g_assert_nonnull (freopen (bibliography, "r", stdin));
    g_string_truncate (out, 0);
    g_assert_cmpint (storyline_cli_run (5, stdin_import, out, err), ==, 0);
    g_assert_nonnull (strstr (out->str, "\"id\": \"smith2020\""));
    g_assert_nonnull (freopen (story_path, "r", stdin));
    g_string_truncate (out, 0);
    g_assert_cmpint (storyline_cli_run (3, stdin_validate, out, err), ==, 0);
    g_assert_nonnull (strstr (out->str, "-: valid: 6 events"));
    g_assert_nonnull (freopen (story_path, "r", stdin));
    g_string_truncate (out, 0);
    g_assert_cmpint (storyline_cli_run (4, stdin_export, out, err), ==, 0);
    g_assert_nonnull (strstr (out->str, "First ship arrives"));
  }

  g_unlink (story_path);
  g_unlink (merged_path);
  g_rmdir (dir);
}

/* Hostile input: the fixtures cut, spliced and corrupted at random. Each
 * is refused with a message or makes a story the loader reads; nothing
 * crashes. */
static void
test_mangled (void)
{
  static const char *names[] = { "timeline.json", "template.csv", "bibliography.json", "corpus.bib", "corpus.ris" };
  guint refused = 0, made = 0;

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      gsize length;
      g_autofree char *data = fixture (names[n], &length);

      for (guint round = 0; round < 300; round++)
        {
          g_autoptr(GString) mangled = g_string_new_len (data, length);
          g_autoptr(GError) error = NULL;
          g_autofree char *text = NULL;
          guint edits = g_test_rand_int_range (1, 6);

          for (guint e = 0; e < edits && mangled->len > 0; e++)
            {
              guint at = g_test_rand_int_range (0, mangled->len);

              switch (g_test_rand_int_range (0, 4))
                {
                case 0:
                  g_string_truncate (mangled, at);
                  break;
                case 1:
                  mangled->str[at] = "\"{}[],<>&;\n\r\xff"[g_test_rand_int_range (0, 14)];
                  break;
                case 2:
                  {
                    gsize count = g_test_rand_int_range (1, 40);

                    g_string_erase (mangled, at, MIN (mangled->len - at, count));
                  }
                  break;
                default:
                  {
                    gsize from = g_test_rand_int_range (0, length / 2);

                    g_string_insert_len (mangled, at, data + from, g_test_rand_int_range (1, 60));
                  }
                  break;
                }
            }
          text = storyline_import_to_story (NULL, mangled->str, mangled->len, &error);
          if (text == NULL)
            {
              g_assert_nonnull (error);
              g_assert_cmpstr (error->message, !=, "");
              refused++;
            }
          else
            {
              g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
              g_autoptr(GPtrArray) problems = NULL;
              g_autoptr(StorylineStory) story = storyline_load_bytes (bytes, NULL, &problems, NULL);

              /* What is made is a story, or the loader says why not. */
              g_assert_true (story != NULL || problems->len > 0);
              made++;
            }
        }
    }
  g_test_message ("%u refused, %u made", refused, made);
  g_assert_cmpuint (refused, >, 0);
  g_assert_cmpuint (made, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/html-to-text", test_html_to_text);
  g_test_add_func ("/import/timelinejs", test_timelinejs);
  g_test_add_func ("/import/timelinejs-round-trip", test_timelinejs_round_trip);
  g_test_add_func ("/import/timelinejs-refused", test_timelinejs_refused);
  g_test_add_func ("/import/csv", test_csv);
  g_test_add_func ("/import/csv-refused", test_csv_refused);
  g_test_add_func ("/import/csl-json", test_csl_json);
  g_test_add_func ("/import/bibtex", test_bibtex);
  g_test_add_func ("/import/bibtex-citation-js", test_bibtex_golden);
  g_test_add_func ("/import/ris", test_ris);
  g_test_add_func ("/import/ris-citation-js", test_ris_golden);
  g_test_add_func ("/import/hostile", test_hostile);
  g_test_add_func ("/import/cli", test_cli);
  g_test_add_func ("/import/mangled", test_mangled);
  return g_test_run ();
}
