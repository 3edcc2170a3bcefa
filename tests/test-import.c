/* test-import.c: stories made from TimelineJS timelines and bibliographies
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "storyline-cli.h"
#include "storyline-export.h"
#include "storyline-import.h"
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
  static const char *names[] = { "timeline.json", "template.csv", "bibliography.json" };
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
  g_test_add_func ("/import/cli", test_cli);
  g_test_add_func ("/import/mangled", test_mangled);
  return g_test_run ();
}
