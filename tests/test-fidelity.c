/* test-fidelity.c: verdicts and differences between a quote and its renditions
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-fidelity.h"
#include "storyline-loader.h"
#include "storyline-resources.h"

static void
assert_verdict (const char       *original,
                const char       *rendition,
                StorylineVerdict  expected,
                const char       *word_diff)
{
  g_autoptr(StorylineFidelity) f = storyline_fidelity_compare (original, rendition);
  g_autofree char *diff = storyline_fidelity_to_word_diff (f);

  if (f->verdict != expected)
    g_error ("“%s” vs “%s”: %s, expected %s (%s)", original, rendition,
             storyline_verdict_to_string (f->verdict), storyline_verdict_to_string (expected), diff);
  if (word_diff != NULL)
    g_assert_cmpstr (diff, ==, word_diff);
}

#define ORIGINAL "Both sides expressed optimism about improving defence and security collaboration."

static void
test_verbatim (void)
{
  assert_verdict (ORIGINAL, ORIGINAL, STORYLINE_VERDICT_VERBATIM, NULL);
  /* Inside: white space folds, typographic quotes read as plain. */
  assert_verdict ("He said  \"it's\"\tdone.", "He said “it’s” done.", STORYLINE_VERDICT_VERBATIM, NULL);
  assert_verdict ("  Leading and trailing  ", "Leading and trailing", STORYLINE_VERDICT_VERBATIM, NULL);
  /* Just outside: a comma more is punctuation, not verbatim. */
  assert_verdict ("He said it is done.", "He said, it is done.", STORYLINE_VERDICT_PUNCTUATION,
                  "He said it is done");
}

static void
test_excerpt (void)
{
  assert_verdict (ORIGINAL, "improving defence and security collaboration", STORYLINE_VERDICT_EXCERPT,
                  "[-Both sides expressed optimism about-] improving defence and security collaboration");
  /* Punctuation at the two ends does not count; a capital on the first word is allowed. */
  assert_verdict (ORIGINAL, "…optimism about improving defence,", STORYLINE_VERDICT_EXCERPT, NULL);
  assert_verdict ("we will support each other", "We will support", STORYLINE_VERDICT_EXCERPT, NULL);
  /* Just outside: a gap in the run is altered. */
  assert_verdict (ORIGINAL, "improving defence collaboration", STORYLINE_VERDICT_ALTERED,
                  "[-Both sides expressed optimism about-] improving defence [-and security-] collaboration");
  /* Just outside: all the words is not an excerpt. */
  assert_verdict ("Our two countries will support each other.", "Our two countries will support each other",
                  STORYLINE_VERDICT_PUNCTUATION, NULL);
  /* Just outside: a case change past the first word. */
  assert_verdict (ORIGINAL, "improving Defence", STORYLINE_VERDICT_ALTERED, NULL);

  {
    g_autoptr(StorylineFidelity) f = storyline_fidelity_compare (ORIGINAL, "defence and security");
    g_assert_cmpint (f->verdict, ==, STORYLINE_VERDICT_EXCERPT);
    g_assert_cmpuint (f->excerpt_start, ==, 6);
    g_assert_cmpuint (f->n_original_words, ==, 10);
    g_assert_cmpuint (f->n_rendition_words, ==, 3);
  }
}

static void
test_punctuation (void)
{
  assert_verdict (ORIGINAL, "both sides expressed optimism about improving defence and security collaboration",
                  STORYLINE_VERDICT_PUNCTUATION, NULL);
  assert_verdict ("military-to-military engagements", "military to military engagements",
                  STORYLINE_VERDICT_PUNCTUATION, NULL);
  /* Just outside: one word different. */
  assert_verdict ("military-to-military engagements", "military to military engagement",
                  STORYLINE_VERDICT_ALTERED, "military to military [-engagements-] {+engagement+}");
}

static void
test_spelling (void)
{
  assert_verdict (ORIGINAL, "Both sides expressed optimism about improving defense and security collaboration.",
                  STORYLINE_VERDICT_SPELLING,
                  "Both sides expressed optimism about improving [-defence-]{+defense+} and security collaboration");
  /* Just outside: a spelling pair and a dropped word together. */
  assert_verdict (ORIGINAL, "Both sides expressed optimism about improving defense collaboration.",
                  STORYLINE_VERDICT_ALTERED, NULL);
  /* Just outside: two real words that are not one word spelt two ways. */
  assert_verdict ("the forms were filled", "the forms were filed", STORYLINE_VERDICT_ALTERED, NULL);
}

static void
test_spelling_rules (void)
{
  const char *pairs[][2] = {
    { "defence", "defense" }, { "defences", "defenses" }, { "recognised", "recognized" },
    { "recognise", "recognize" }, { "organisation", "organization" }, { "organisations", "organizations" },
    { "honour", "honor" }, { "honoured", "honored" }, { "colour", "color" }, { "favourite", "favorite" },
    { "neighbours", "neighbors" }, { "centre", "center" }, { "centres", "centers" }, { "theatre", "theater" },
    { "centred", "centered" }, { "fibre", "fiber" }, { "travelled", "traveled" }, { "travelling", "traveling" },
    { "cancelled", "canceled" }, { "labelled", "labeled" }, { "analyse", "analyze" }, { "analysed", "analyzed" },
    { "programme", "program" }, { "catalogue", "catalog" }, { "grey", "gray" }, { "judgement", "judgment" },
    { "licence", "license" }, { "jewellery", "jewelry" }, { "fulfil", "fulfill" }, { "ageing", "aging" },
  };
  const char *not_pairs[][2] = {
    { "four", "for" }, { "your", "yor" }, { "hour", "hor" }, { "filled", "filed" }, { "called", "caled" },
    { "controlled", "controled" }, { "advise", "advize" }, { "surprise", "surprize" }, { "wise", "wize" },
    { "size", "sise" }, { "genre", "gener" }, { "defence", "defended" }, { "improving", "enhancing" },
    { "recognised", "recognized " }, { "দেশ", "দেস" }, { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      if (!storyline_is_spelling_pair (pairs[i][0], pairs[i][1]) || !storyline_is_spelling_pair (pairs[i][1], pairs[i][0]))
        g_error ("%s/%s should be a spelling pair", pairs[i][0], pairs[i][1]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_pairs); i++)
    if (storyline_is_spelling_pair (not_pairs[i][0], not_pairs[i][1]))
      g_error ("%s/%s should not be a spelling pair", not_pairs[i][0], not_pairs[i][1]);
}

static void
test_altered (void)
{
  assert_verdict ("Both sides expressed optimism about improving defence and security collaboration and reaffirmed their commitment to expanding military-to-military engagements.",
                  "Both sides expressed optimism about enhancing defense collaboration and reaffirmed their commitment to expand military-to-military engagements,",
                  STORYLINE_VERDICT_ALTERED,
                  "Both sides expressed optimism about [-improving defence and security-] {+enhancing defense+} collaboration and reaffirmed their commitment to [-expanding-] {+expand+} military to military engagements");
  /* A word only added. */
  assert_verdict ("sacrifices in fight against terrorism", "sacrifices in [the] fight against terrorism",
                  STORYLINE_VERDICT_ALTERED, "sacrifices in {+the+} fight against terrorism");
  /* Reordered words. */
  assert_verdict ("the global and regional environment", "the regional and global environment",
                  STORYLINE_VERDICT_ALTERED, NULL);
}

static void
test_unicode (void)
{
  /* Bengali: the vowel signs are combining marks and stay in their word. */
  g_autoptr(GPtrArray) words = storyline_split_words ("দুই দেশ একে অপরকে সমর্থন করবে।");
  g_assert_cmpuint (words->len, ==, 6);
  g_assert_cmpstr (words->pdata[1], ==, "দেশ");
  g_assert_cmpstr (words->pdata[5], ==, "করবে");

  assert_verdict ("দুই দেশ একে অপরকে সমর্থন করবে।", "দুই দেশ একে অপরকে সমর্থন করবে।", STORYLINE_VERDICT_VERBATIM, NULL);
  assert_verdict ("দুই দেশ একে অপরকে সমর্থন করবে।", "একে অপরকে সমর্থন", STORYLINE_VERDICT_EXCERPT, NULL);
  /* A changed vowel sign changes the word. */
  assert_verdict ("দুই দেশ একে অপরকে সমর্থন করবে।", "দুই দেশ একে অপরকে সমর্থন করবো।", STORYLINE_VERDICT_ALTERED,
                  "দুই দেশ একে অপরকে সমর্থন [-করবে-] {+করবো+}");

  /* Urdu, right to left, with its own punctuation. */
  assert_verdict ("ہمارے دونوں ممالک ایک دوسرے کی حمایت کریں گے۔", "ہمارے دونوں ممالک ایک دوسرے کی حمایت کریں گے",
                  STORYLINE_VERDICT_PUNCTUATION, NULL);
  assert_verdict ("ہمارے دونوں ممالک ایک دوسرے کی حمایت کریں گے۔", "دونوں ممالک",
                  STORYLINE_VERDICT_EXCERPT, "[-ہمارے-] دونوں ممالک [-ایک دوسرے کی حمایت کریں گے-]");
  assert_verdict ("ہمارے دونوں ممالک ایک دوسرے کی حمایت کریں گے۔", "ہمارے دونوں ممالک ایک دوسرے کی مدد کریں گے۔",
                  STORYLINE_VERDICT_ALTERED, NULL);

  /* Accented Latin words are one word each. */
  assert_verdict ("Le général a visité Dhaka.", "Le general a visité Dhaka.", STORYLINE_VERDICT_ALTERED,
                  "Le [-général-] {+general+} a visité Dhaka");
}

static void
test_empty_and_one_word (void)
{
  assert_verdict ("", "", STORYLINE_VERDICT_VERBATIM, "");
  assert_verdict ("Yes.", "Yes.", STORYLINE_VERDICT_VERBATIM, "Yes");
  assert_verdict ("Yes.", "yes", STORYLINE_VERDICT_PUNCTUATION, "Yes");
  assert_verdict ("Yes.", "No.", STORYLINE_VERDICT_ALTERED, "[-Yes-] {+No+}");
  assert_verdict ("Yes.", "", STORYLINE_VERDICT_ALTERED, "[-Yes-]");
  assert_verdict ("", "Yes", STORYLINE_VERDICT_ALTERED, "{+Yes+}");
  assert_verdict ("Honour.", "Honor.", STORYLINE_VERDICT_SPELLING, "[-Honour-]{+Honor+}");
  /* Only punctuation: no words on either side, and not the same text. */
  assert_verdict ("…", "!", STORYLINE_VERDICT_PUNCTUATION, "");
}

static GString *
long_text (guint  n,
           guint  seed,
           guint  skip_every)
{
  GString *s = g_string_new (NULL);
  static const char *vocabulary[] = { "the", "defence", "talks", "of", "sides", "and", "cooperation",
                                      "Dhaka", "Islamabad", "military", "trade", "rice", "visit" };

  for (guint i = 0; i < n; i++)
    {
      if (skip_every > 0 && i % skip_every == skip_every - 1)
        continue;
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append_printf (s, "%s%u", vocabulary[(i * 7 + seed) % G_N_ELEMENTS (vocabulary)], i % 97);
    }
  return s;
}

static void
test_long_quotes (void)
{
  g_autoptr(GString) original = long_text (50000, 3, 0);
  g_autoptr(GString) half = g_string_new_len (original->str, original->len / 2);
  g_autoptr(GString) gaps = long_text (50000, 3, 10);
  g_autoptr(StorylineFidelity) f = NULL;
  guint dropped = 0;

  /* The first half, cut at a word boundary, is an excerpt. */
  while (half->len > 0 && half->str[half->len - 1] != ' ')
    g_string_truncate (half, half->len - 1);
  f = storyline_fidelity_compare (original->str, half->str);
  g_assert_cmpint (f->verdict, ==, STORYLINE_VERDICT_EXCERPT);
  g_assert_cmpuint (f->chunks->len, ==, 2);
  g_clear_pointer (&f, storyline_fidelity_free);

  /* Every tenth word gone: 5,000 single dropped words, found one by one. */
  f = storyline_fidelity_compare (original->str, gaps->str);
  g_assert_cmpint (f->verdict, ==, STORYLINE_VERDICT_ALTERED);
  for (guint i = 0; i < f->chunks->len; i++)
    {
      const StorylineDiffChunk *c = &g_array_index (f->chunks, StorylineDiffChunk, i);
      g_assert_cmpint (c->kind, !=, STORYLINE_DIFF_ADDED);
      if (c->kind == STORYLINE_DIFF_DROPPED)
        {
          g_assert_null (strchr (c->original, ' '));
          dropped++;
        }
    }
  g_assert_cmpuint (dropped, ==, 5000);
}

typedef struct
{
  const char *quote;
  const char *source;
  StorylineVerdict verdict;
} Expected;

static void
test_bundled_story (void)
{
  const Expected expected[] = {
    { "ispr-discussion", "arabnews-2620405", STORYLINE_VERDICT_ALTERED },
    { "ispr-discussion", "brecorder-40389444", STORYLINE_VERDICT_SPELLING },
    { "ispr-discussion", "geo-630725", STORYLINE_VERDICT_EXCERPT },
    { "ispr-discussion", "bdvoice-rewrite", STORYLINE_VERDICT_ALTERED },
    { "ispr-fraternal-ties", "arabnews-2620405", STORYLINE_VERDICT_VERBATIM },
    { "ispr-fraternal-ties", "bdvoice-rewrite", STORYLINE_VERDICT_EXCERPT },
    { "ispr-optimism", "dawn-1951558", STORYLINE_VERDICT_VERBATIM },
    { "ispr-optimism", "brecorder-40389444", STORYLINE_VERDICT_VERBATIM },
    { "ispr-optimism", "arabnews-2620405", STORYLINE_VERDICT_SPELLING },
    { "ispr-optimism", "bdvoice-rewrite", STORYLINE_VERDICT_ALTERED },
    { "ispr-sylhet", "brecorder-40389444", STORYLINE_VERDICT_VERBATIM },
    { "ispr-sylhet", "dunya-914367", STORYLINE_VERDICT_VERBATIM },
    { "ispr-sylhet", "dawn-1951558", STORYLINE_VERDICT_ALTERED },
    { "ispr-guard-of-honour", "brecorder-40389444", STORYLINE_VERDICT_VERBATIM },
    { "ispr-guard-of-honour", "dunya-914367", STORYLINE_VERDICT_VERBATIM },
    { "mirza-support", "bdchronicle-support", STORYLINE_VERDICT_PUNCTUATION },
    { "mirza-support", "greenwatch-89027", STORYLINE_VERDICT_VERBATIM },
    { "ispr-coas-trajectory", "dawn-1951798", STORYLINE_VERDICT_VERBATIM },
  };
  g_autoptr(StorylineStory) story = storyline_load_resource (RESOURCE_PREFIX "/stories/pakistan-bangladesh-thaw.json", NULL, NULL, NULL);
  guint n_renditions = 0;

  g_assert_nonnull (story);
  for (guint i = 0; i < storyline_story_get_quotes (story)->len; i++)
    n_renditions += storyline_quote_get_n_renditions (storyline_story_get_quotes (story)->pdata[i]);
  g_assert_cmpuint (n_renditions, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      StorylineQuote *quote = storyline_story_lookup_quote (story, expected[i].quote);
      gboolean found = FALSE;

      for (guint j = 0; j < storyline_quote_get_n_renditions (quote); j++)
        {
          StorylineRendition *r = storyline_quote_get_rendition (quote, j);
          g_autoptr(StorylineFidelity) f = NULL;

          if (!g_str_equal (storyline_source_get_id (storyline_rendition_get_source (r)), expected[i].source))
            continue;
          found = TRUE;
          f = storyline_fidelity_compare (storyline_quote_get_text (quote), storyline_rendition_get_text (r));
          if (f->verdict != expected[i].verdict)
            g_error ("%s in %s: %s, expected %s", expected[i].quote, expected[i].source,
                     storyline_verdict_to_string (f->verdict), storyline_verdict_to_string (expected[i].verdict));
        }
      g_assert_true (found);
    }

  /* The seed's misquote, word by word. */
  {
    StorylineQuote *quote = storyline_story_lookup_quote (story, "ispr-optimism");
    StorylineRendition *seed = storyline_quote_get_rendition (quote, 3);
    g_autoptr(StorylineFidelity) f = storyline_fidelity_compare (storyline_quote_get_text (quote), storyline_rendition_get_text (seed));
    g_autofree char *diff = storyline_fidelity_to_word_diff (f);
    g_autofree char *words = storyline_fidelity_describe_diff (f);

    g_assert_cmpstr (diff, ==, "Both sides expressed optimism about [-improving defence and security-] {+enhancing defense+} collaboration and reaffirmed their commitment to [-expanding-] {+expand+} military to military engagements and related initiatives");
    g_assert_cmpstr (words, ==, "“improving defence and security” became “enhancing defense”. “expanding” became “expand”.");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  storyline_register_resource ();

  g_test_add_func ("/fidelity/verbatim", test_verbatim);
  g_test_add_func ("/fidelity/excerpt", test_excerpt);
  g_test_add_func ("/fidelity/punctuation", test_punctuation);
  g_test_add_func ("/fidelity/spelling", test_spelling);
  g_test_add_func ("/fidelity/spelling-rules", test_spelling_rules);
  g_test_add_func ("/fidelity/altered", test_altered);
  g_test_add_func ("/fidelity/unicode", test_unicode);
  g_test_add_func ("/fidelity/empty-and-one-word", test_empty_and_one_word);
  g_test_add_func ("/fidelity/long", test_long_quotes);
  g_test_add_func ("/fidelity/bundled-story", test_bundled_story);

  return g_test_run ();
}
