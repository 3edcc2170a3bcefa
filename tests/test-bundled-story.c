/* test-bundled-story.c: the story Storyline opens by default
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "storyline-loader.h"
#include "storyline-problem.h"
#include "storyline-resources.h"

#define BUNDLED RESOURCE_PREFIX "/stories/pakistan-bangladesh-thaw.json"

static StorylineStory *
load_bundled (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  StorylineStory *story = storyline_load_resource (BUNDLED, NULL, &problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (story);
  /* Not a warning either: the bundled story is the example of the format. */
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = storyline_problem_to_string (problems->pdata[i], "bundled");
      g_test_message ("%s", line);
    }
  g_assert_cmpuint (problems->len, ==, 0);
  return story;
}

static void
test_counts (void)
{
  g_autoptr(StorylineStory) story = load_bundled ();

  g_assert_cmpstr (storyline_story_get_title (story), ==, "Pakistan and Bangladesh signal a thaw");
  g_assert_cmpstr (storyline_story_get_language (story), ==, "en");
  g_assert_cmpuint (storyline_story_get_events (story)->len, ==, 22);
  g_assert_cmpuint (storyline_story_get_actors (story)->len, ==, 25);
  g_assert_cmpuint (storyline_story_get_quotes (story)->len, ==, 7);
  g_assert_cmpuint (storyline_story_get_sources (story)->len, ==, 40);
  g_assert_cmpuint (storyline_story_get_phases (story)->len, ==, 4);
  g_assert_true (storyline_story_get_primary_source (story) ==
                 storyline_story_lookup_source (story, "bdvoice-rewrite"));
}

static void
test_provenance_chain (void)
{
  g_autoptr(StorylineStory) story = load_bundled ();
  StorylineSource *seed = storyline_story_lookup_source (story, "bdvoice-rewrite");
  StorylineSource *arab_news = storyline_story_lookup_source (story, "arabnews-2620405");
  StorylineSource *ispr = storyline_story_lookup_source (story, "ispr-2025-10-27");

  /* The seed rewrites Arab News, which reports the ISPR release. */
  g_assert_cmpint (storyline_source_get_reliability (seed), ==, STORYLINE_RELIABILITY_REWRITE);
  g_assert_cmpuint (storyline_source_get_n_derived_from (seed), ==, 1);
  g_assert_true (storyline_source_get_derived_from (seed, 0) == arab_news);
  g_assert_cmpuint (storyline_source_get_n_derived_from (arab_news), ==, 1);
  g_assert_true (storyline_source_get_derived_from (arab_news, 0) == ispr);
  g_assert_cmpuint (storyline_source_get_n_derived_from (ispr), ==, 0);
  g_assert_cmpint (storyline_source_get_reliability (ispr), ==, STORYLINE_RELIABILITY_PRIMARY);
  g_assert_cmpstr (storyline_source_get_source_type (ispr), ==, "report");
  g_assert_cmpstr (storyline_source_get_genre (ispr), ==, "Press release");
  /* Its address was never found: no URL is made up. */
  g_assert_null (storyline_source_get_url (ispr));
  g_assert_cmpstr (storyline_source_get_url (arab_news), ==, "https://www.arabnews.pk/node/2620405");
}

static void
test_quotes (void)
{
  g_autoptr(StorylineStory) story = load_bundled ();
  StorylineQuote *q1 = storyline_story_lookup_quote (story, "ispr-discussion");
  StorylineQuote *q3 = storyline_story_lookup_quote (story, "ispr-optimism");
  StorylineSource *seed = storyline_story_lookup_source (story, "bdvoice-rewrite");
  StorylineRendition *r;

  g_assert_true (storyline_quote_get_origin (q1) == storyline_story_lookup_source (story, "ispr-2025-10-27"));
  g_assert_true (storyline_quote_get_speaker (q1) == storyline_story_lookup_actor (story, "ispr"));
  g_assert_true (storyline_quote_get_event (q1) == storyline_story_lookup_event (story, "ispr-release"));
  g_assert_true (g_str_has_suffix (storyline_quote_get_text (q1), "bilateral defence and security cooperation."));

  /* The seed's misquote is kept as a rendition, beside the ISPR wording. */
  r = storyline_quote_get_rendition (q3, storyline_quote_get_n_renditions (q3) - 1);
  g_assert_true (storyline_rendition_get_source (r) == seed);
  g_assert_true (g_str_has_prefix (storyline_rendition_get_text (r), "Both sides expressed optimism about enhancing defense collaboration"));
  g_assert_true (g_str_has_prefix (storyline_quote_get_text (q3), "Both sides expressed optimism about improving defence and security collaboration"));

  g_assert_cmpuint (storyline_event_get_n_quotes (storyline_story_lookup_event (story, "ispr-release")), ==, 3);
  g_assert_cmpstr (storyline_quote_get_text (storyline_story_lookup_quote (story, "mirza-support")), ==,
                   "Our two countries will support each other.");
}

static void
test_corrections (void)
{
  g_autoptr(StorylineStory) story = load_bundled ();
  const char *corrected[] = { "rice-deal", "guard-of-honour", "sylhet-visit", "arabnews-report" };

  for (guint i = 0; i < G_N_ELEMENTS (corrected); i++)
    g_assert_true (storyline_event_has_correction (storyline_story_lookup_event (story, corrected[i])));
  /* The sheet's high-confidence date of the Yunus meeting corrects the captions: a correction. */
  g_assert_true (storyline_event_has_correction (storyline_story_lookup_event (story, "yunus-meeting")));
  g_assert_false (storyline_event_has_correction (storyline_story_lookup_event (story, "dar-visit")));
}

/* Every text the story writes in its own voice. */
static void
append_story_text (StorylineStory *story,
                   GString        *text)
{
  GPtrArray *events = storyline_story_get_events (story);
  GPtrArray *phases = storyline_story_get_phases (story);

  g_string_append_printf (text, "%s\n%s\n", storyline_story_get_title (story), storyline_story_get_summary (story));
  for (guint i = 0; i < phases->len; i++)
    g_string_append_printf (text, "%s\n%s\n", storyline_phase_get_title (phases->pdata[i]),
                            storyline_phase_get_summary (phases->pdata[i]));
  for (guint i = 0; i < events->len; i++)
    {
      StorylineEvent *e = events->pdata[i];

      g_string_append_printf (text, "%s\n%s\n%s\n", storyline_event_get_title (e),
                              storyline_event_get_summary (e) ? storyline_event_get_summary (e) : "",
                              storyline_event_get_place (e) ? storyline_event_get_place (e) : "");
      for (guint j = 0; j < storyline_event_get_n_notes (e); j++)
        g_string_append_printf (text, "%s\n", storyline_event_get_note (e, j)->text);
    }
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static const StorylineNote *
find_note (StorylineStory *story,
           const char     *event,
           const char     *words)
{
  StorylineEvent *e = storyline_story_lookup_event (story, event);

  for (guint j = 0; j < storyline_event_get_n_notes (e); j++)
    if (strstr (storyline_event_get_note (e, j)->text, words) != NULL)
      return storyline_event_get_note (e, j);
  g_error ("no note of %s says “%s”", event, words);
  return NULL;
}

/* Issue #18: every claim traced to the fact sheet or a source in the
 * file, hedged where the sheet hedges, and nothing stated beyond it. */
static void
test_claims (void)
{
  g_autoptr(StorylineStory) story = load_bundled ();
  g_autoptr(GString) text = g_string_new (NULL);
  const char *placeless[] = { "independence", "hasina-ouster", "yunus-sworn-in", "ispr-release" };
  const char *summary = storyline_story_get_summary (story);

  /* Places the sheet does not give are not given. */
  for (guint i = 0; i < G_N_ELEMENTS (placeless); i++)
    g_assert_null (storyline_event_get_place (storyline_story_lookup_event (story, placeless[i])));
  g_assert_null (storyline_source_get_publisher_place (storyline_story_lookup_source (story, "ispr-2025-10-27")));
  g_assert_null (storyline_source_get_publisher_place (storyline_story_lookup_source (story, "ispr-2025-10-28")));
  /* A dateline is not the publisher's place. */
  g_assert_null (storyline_source_get_publisher_place (storyline_story_lookup_source (story, "arabnews-2620405")));
  g_assert_null (storyline_source_get_publisher_place (storyline_story_lookup_source (story, "arabnews-2591320")));
  g_assert_true (g_str_has_prefix (storyline_source_get_note (storyline_story_lookup_source (story, "arabnews-2620405")), "Datelined Islamabad."));

  /* Hedged as the sheet hedges. */
  g_assert_null (strstr (summary, "spent five days"));
  g_assert_nonnull (strstr (summary, "what the Bangladesh Air Force called a five-day official visit"));
  g_assert_nonnull (strstr (summary, "It is the rewrite, not Arab News, that puts reworded text inside quotation marks"));
  g_assert_null (strstr (storyline_event_get_summary (storyline_story_lookup_event (story, "sibi-berths")), "second"));
  find_note (story, "sibi-berths", "is reported to have followed in mid-March");
  g_assert_nonnull (strstr (storyline_event_get_summary (storyline_story_lookup_event (story, "dar-visit")),
                            "were set for 24 August, according to reports of the 23rd"));
  g_assert_null (strstr (storyline_event_get_summary (storyline_story_lookup_event (story, "hasina-ouster")), "ties with India"));
  g_assert_true (find_note (story, "hasina-ouster", "ties with India")->kind == STORYLINE_NOTE_CONTEXT);
  g_assert_nonnull (strstr (storyline_event_get_summary (storyline_story_lookup_event (story, "ispr-release")),
                            "global and regional environment and security situation"));
  {
    g_autofree char *end = storyline_date_to_edtf (storyline_phase_get_end (storyline_story_lookup_phase (story, "reopening")));
    g_assert_cmpstr (end, ==, "2025-08-24");
  }
  g_assert_nonnull (storyline_story_lookup_phase (story, "liberation-war"));
  g_assert_null (storyline_story_lookup_phase (story, "partition-war"));

  /* Corrections name what they correct. */
  {
    const StorylineNote *note = find_note (story, "arabnews-report", "It is BD Voice's rewrite, not Arab News");
    g_assert_true (note->kind == STORYLINE_NOTE_CORRECTION);
    g_assert_nonnull (strstr (note->text, "detailed discussions"));
    g_assert_nonnull (strstr (note->text, "enhancing defense collaboration"));
  }
  g_assert_true (find_note (story, "yunus-meeting", "late on Saturday 25 October")->kind == STORYLINE_NOTE_CORRECTION);

  /* The surrender says to whom. */
  {
    StorylineEvent *surrender = storyline_story_lookup_event (story, "surrender");
    gboolean india = FALSE;
    for (guint i = 0; i < storyline_event_get_n_actors (surrender); i++)
      india |= storyline_event_get_actor (surrender, i) == storyline_story_lookup_actor (story, "india");
    g_assert_true (india);
    g_assert_nonnull (strstr (storyline_event_get_summary (surrender), "surrender to India"));
  }

  /* Notes that state facts carry their sources. */
  g_assert_nonnull (find_note (story, "sylhet-visit", "Jalalabad")->sources);
  g_assert_nonnull (find_note (story, "guard-of-honour", "Senakunjo")->sources);
  g_assert_nonnull (find_note (story, "sibi-berths", "outer anchorage")->sources);
  g_assert_null (storyline_story_lookup_source (story, "sibi-departure-reports"));

  /* One spelling of the port in the story's own words; the other said once. */
  append_story_text (story, text);
  g_assert_cmpuint (count (text->str, "Chittagong"), ==, 1);
  g_assert_cmpuint (count (text->str, "Chattogram"), >, 3);
  /* The 26,250-tonne figure is Bangladesh's. */
  for (const char *p = strstr (text->str, "26,250"); p != NULL; p = strstr (p + 1, "26,250"))
    g_assert_true (g_str_has_prefix (p, "26,250 by Bangladesh's count") || g_str_has_prefix (p, "26,250 tonnes by Bangladesh's count"));
  g_assert_null (strstr (text->str, "the Bangladesh ISPR"));
}

/* A rendition whose brackets or ellipses are not known to be the outlet's
 * says what is known of the printed text: they change its verdict. */
static void
test_rendition_notes (void)
{
  g_autoptr(StorylineStory) story = load_bundled ();
  GPtrArray *quotes = storyline_story_get_quotes (story);
  const char *rebuilt[][2] = {
    { "ispr-discussion", "brecorder-40389444" },
    { "ispr-discussion", "geo-630725" },
    { "ispr-optimism", "arabnews-2620405" },
    { "ispr-sylhet", "dawn-1951558" },
    { "mirza-support", "bdchronicle-support" },
  };
  guint noted = 0;

  for (guint i = 0; i < quotes->len; i++)
    for (guint j = 0; j < storyline_quote_get_n_renditions (quotes->pdata[i]); j++)
      {
        StorylineRendition *r = storyline_quote_get_rendition (quotes->pdata[i], j);
        const char *t = storyline_rendition_get_text (r);

        if (strchr (t, '[') != NULL || strstr (t, "…") != NULL || strstr (t, "...") != NULL)
          g_assert_nonnull (storyline_rendition_get_note (r));
        if (storyline_rendition_get_note (r) != NULL)
          noted++;
      }
  g_assert_cmpuint (noted, ==, G_N_ELEMENTS (rebuilt));

  for (guint i = 0; i < G_N_ELEMENTS (rebuilt); i++)
    {
      StorylineQuote *quote = storyline_story_lookup_quote (story, rebuilt[i][0]);
      gboolean found = FALSE;

      for (guint j = 0; j < storyline_quote_get_n_renditions (quote); j++)
        {
          StorylineRendition *r = storyline_quote_get_rendition (quote, j);
          if (storyline_rendition_get_source (r) == storyline_story_lookup_source (story, rebuilt[i][1]))
            found = storyline_rendition_get_note (r) != NULL;
        }
      if (!found)
        g_error ("%s in %s has no note", rebuilt[i][0], rebuilt[i][1]);
    }
}

static void
assert_event_date (StorylineStory *story,
                   const char     *id,
                   const char     *edtf,
                   const char     *shown)
{
  const StorylineDate *date = storyline_event_get_date (storyline_story_lookup_event (story, id));
  g_autofree char *back = storyline_date_to_edtf (date);
  g_autofree char *text = storyline_date_format (date);

  g_assert_cmpstr (back, ==, edtf);
  g_assert_cmpstr (text, ==, shown);
}

static void
test_dates (void)
{
  g_autoptr(StorylineStory) story = load_bundled ();
  g_autoptr(GPtrArray) sorted = storyline_story_dup_events_sorted (story);

  setlocale (LC_ALL, "C.UTF-8");

  /* Dates at the sheet's own precision; days it leaves open stay open. */
  assert_event_date (story, "independence", "1971-03-26", "26 March 1971");
  assert_event_date (story, "rice-deal", "2025-02", "February 2025");
  assert_event_date (story, "private-cargo-ship", "2024-11", "November 2024");
  assert_event_date (story, "pso-visit-pakistan", "2025-01-13/2025-01-18", "13–18 January 2025");
  assert_event_date (story, "guard-of-honour", "[2025-10-24..2025-10-27]", "one day between 24 and 27 October 2025");
  assert_event_date (story, "sibi-departs", "[2025-02-21..2025-02-22]", "21 or 22 February 2025");
  assert_event_date (story, "mirza-visit", "2025-10-24/2025-10-28?", "24 October 2025 – 28 October 2025 (uncertain)");
  assert_event_date (story, "yunus-meeting", "2025-10-25", "25 October 2025");

  g_assert_cmpstr (storyline_event_get_id (sorted->pdata[0]), ==, "independence");
  g_assert_cmpstr (storyline_event_get_id (sorted->pdata[sorted->len - 1]), ==, "army-chief-call");
  for (guint i = 1; i < sorted->len; i++)
    g_assert_cmpint (storyline_event_compare (sorted->pdata[i - 1], sorted->pdata[i]), <, 0);
}

static void
test_source_backlinks (void)
{
  g_autoptr(StorylineStory) story = load_bundled ();
  GPtrArray *sources = storyline_story_get_sources (story);
  StorylineSource *ispr = storyline_story_lookup_source (story, "ispr-2025-10-27");
  StorylineActor *mirza = storyline_story_lookup_actor (story, "mirza");

  g_assert_cmpuint (storyline_source_get_n_events (ispr), ==, 4);
  g_assert_cmpuint (storyline_actor_get_n_events (mirza), ==, 10);
  g_assert_cmpstrv (storyline_actor_get_aliases (storyline_story_lookup_actor (story, "kamrul-hassan")),
                    ((const char *[]) { "S. M. Kamr-ul-Hassan", "S.M. Kamr-ul-Hassan", "Kamr-ul-Hassan", NULL }));

  /* Every source is used by something. */
  for (guint i = 0; i < sources->len; i++)
    {
      StorylineSource *source = sources->pdata[i];
      gboolean used = storyline_source_get_n_events (source) > 0;

      for (guint j = 0; !used && j < storyline_story_get_quotes (story)->len; j++)
        {
          StorylineQuote *quote = storyline_story_get_quotes (story)->pdata[j];
          used = storyline_quote_get_origin (quote) == source;
          for (guint k = 0; !used && k < storyline_quote_get_n_renditions (quote); k++)
            used = storyline_rendition_get_source (storyline_quote_get_rendition (quote, k)) == source;
        }
      if (!used)
        g_error ("source %s is cited by nothing", storyline_source_get_id (source));
    }
}

/* An event keeps what it shows (its text and arrays live in the story's
 * strings) after the story itself is gone. */
static void
test_event_outlives_story (void)
{
  StorylineStory *story = load_bundled ();
  g_autoptr(StorylineEvent) event = NULL;
  g_autofree char *title = NULL;
  GPtrArray *events = storyline_story_get_events (story);

  for (guint i = 0; i < events->len && event == NULL; i++)
    if (storyline_event_get_n_sources (events->pdata[i]) > 1 && storyline_event_get_tags (events->pdata[i]) != NULL)
      event = g_object_ref (events->pdata[i]);
  g_assert_nonnull (event);
  title = g_strdup (storyline_event_get_title (event));

  g_object_unref (story);
  g_assert_cmpstr (storyline_event_get_title (event), ==, title);
  g_assert_nonnull (storyline_event_get_tags (event)[0]);
  g_assert_cmpuint (storyline_event_get_n_actors (event), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  storyline_register_resource ();

  g_test_add_func ("/bundled-story/counts", test_counts);
  g_test_add_func ("/bundled-story/event-outlives-story", test_event_outlives_story);
  g_test_add_func ("/bundled-story/provenance", test_provenance_chain);
  g_test_add_func ("/bundled-story/quotes", test_quotes);
  g_test_add_func ("/bundled-story/corrections", test_corrections);
  g_test_add_func ("/bundled-story/claims", test_claims);
  g_test_add_func ("/bundled-story/rendition-notes", test_rendition_notes);
  g_test_add_func ("/bundled-story/dates", test_dates);
  g_test_add_func ("/bundled-story/source-backlinks", test_source_backlinks);

  return g_test_run ();
}
