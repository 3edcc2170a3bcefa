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

/* The rendition's chunks in order give back its text, whatever it is. */
static void
assert_rendition_kept (const StorylineFidelity *f,
                       const char              *rendition)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < f->chunks->len; i++)
    {
      const StorylineDiffChunk *c = &g_array_index (f->chunks, StorylineDiffChunk, i);
      if (c->rendition != NULL)
        g_string_append (s, c->rendition);
    }
  g_assert_cmpstr (s->str, ==, rendition);
}

static StorylineFidelity *
compare (const char *original,
         const char *rendition,
         const char *language)
{
  StorylineFidelity *f = storyline_fidelity_compare_in_language (original, rendition, language);
  assert_rendition_kept (f, rendition);
  return f;
}

static void
assert_full (const char       *original,
             const char       *rendition,
             const char       *language,
             StorylineVerdict  expected,
             const char       *word_diff,
             const char       *lesser)
{
  g_autoptr(StorylineFidelity) f = compare (original, rendition, language);
  g_autofree char *diff = storyline_fidelity_to_word_diff (f);
  g_autofree char *names = storyline_fidelity_differences_to_string (f);

  if (f->verdict != expected)
    g_error ("“%s” vs “%s”: %s, expected %s (%s)", original, rendition,
             storyline_verdict_to_string (f->verdict), storyline_verdict_to_string (expected), diff);
  if (word_diff != NULL)
    g_assert_cmpstr (diff, ==, word_diff);
  if (lesser != NULL)
    g_assert_cmpstr (names, ==, lesser);
}

static void
assert_verdict (const char       *original,
                const char       *rendition,
                StorylineVerdict  expected,
                const char       *word_diff)
{
  assert_full (original, rendition, NULL, expected, word_diff, NULL);
}

static void
assert_description (const char *original,
                    const char *rendition,
                    const char *sentence)
{
  g_autoptr(StorylineFidelity) f = compare (original, rendition, NULL);
  g_autofree char *text = storyline_fidelity_describe (f);

  g_assert_cmpstr (text, ==, sentence);
}

#define ORIGINAL "Both sides expressed optimism about improving defence and security collaboration."
#define ISPR "During the separately-held meetings, both sides held detailed discussion on the evolving global and regional environment and security situation and recognized the importance of strengthening bilateral defence and security cooperation."

static void
test_verbatim (void)
{
  assert_verdict (ORIGINAL, ORIGINAL, STORYLINE_VERDICT_VERBATIM, NULL);
  /* Inside: white space folds, typographic quotes read as plain. */
  assert_verdict ("He said  \"it's\"\tdone.", "He said “it’s” done.", STORYLINE_VERDICT_VERBATIM, NULL);
  assert_verdict ("  Leading and trailing  ", "Leading and trailing", STORYLINE_VERDICT_VERBATIM, NULL);
  /* [sic] is a marker, not a change. */
  assert_full ("their commitment to expnading ties", "their commitment to expnading [sic] ties", NULL,
               STORYLINE_VERDICT_VERBATIM, "their commitment to expnading [sic] ties", "");
  assert_verdict ("it is done", "it is done [Sic!]", STORYLINE_VERDICT_VERBATIM, NULL);
  /* Just outside: a comma more is punctuation, not verbatim. */
  assert_verdict ("He said it is done.", "He said, it is done.", STORYLINE_VERDICT_PUNCTUATION,
                  "He said, it is done.");
  /* Brackets the original has too are the original's, not a mark. */
  assert_verdict ("He said [inaudible] it was done.", "He said [inaudible] it was done", STORYLINE_VERDICT_PUNCTUATION, NULL);
  assert_full ("FBt-[oo[o[ooFBt.][oo", "FBt-[oo[o[ooFBt.][oo", NULL, STORYLINE_VERDICT_VERBATIM, "FBt-[oo[o[ooFBt.][oo", "");
  /* Just outside: [sics] is not [sic]. */
  assert_verdict ("it is done", "it is done [sics]", STORYLINE_VERDICT_MARKED, "it is done {+[sics]+}");
}

static void
test_words_as_printed (void)
{
  g_autoptr(GPtrArray) words = storyline_split_words ("Pakistan's separately-held, military-to-military talks: 1.5 million, 10,000 people; rock 'n' roll");

  g_assert_cmpuint (words->len, ==, 11);
  g_assert_cmpstr (words->pdata[0], ==, "Pakistan's");
  g_assert_cmpstr (words->pdata[1], ==, "separately-held");
  g_assert_cmpstr (words->pdata[2], ==, "military-to-military");
  g_assert_cmpstr (words->pdata[4], ==, "1.5");
  g_assert_cmpstr (words->pdata[6], ==, "10,000");
  g_assert_cmpstr (words->pdata[9], ==, "n");
  g_assert_cmpstr (words->pdata[10], ==, "roll");

  /* The difference is drawn on the texts as printed. */
  assert_verdict ("The Chairman reaffirmed Pakistan's appreciation for its ties.",
                  "The Chairman reaffirmed Pakistan’s appreciation, for ties.",
                  STORYLINE_VERDICT_ALTERED,
                  "The Chairman reaffirmed Pakistan’s appreciation, for [-its-] ties.");
}

static void
test_excerpt (void)
{
  assert_verdict (ORIGINAL, "improving defence and security collaboration", STORYLINE_VERDICT_EXCERPT,
                  "[-Both sides expressed optimism about-] improving defence and security collaboration");
  /* Punctuation at the two ends does not count; nor the case of the first word. */
  assert_full (ORIGINAL, "…optimism about improving defence,", NULL, STORYLINE_VERDICT_EXCERPT, NULL, "");
  assert_full ("we will support each other", "We will support", NULL, STORYLINE_VERDICT_EXCERPT, NULL, "");
  assert_full (ORIGINAL, "improving defence and security collaboration …", NULL, STORYLINE_VERDICT_EXCERPT, NULL, "");
  /* A case change further in is named beside it. */
  assert_full (ORIGINAL, "improving Defence", NULL, STORYLINE_VERDICT_EXCERPT, NULL, "case");
  /* Just outside: a silent gap in the run is altered. */
  assert_verdict (ORIGINAL, "improving defence collaboration", STORYLINE_VERDICT_ALTERED,
                  "[-Both sides expressed optimism about-] improving defence [-and security-] collaboration");
  /* Just outside: all the words is not an excerpt. */
  assert_verdict ("Our two countries will support each other.", "Our two countries will support each other",
                  STORYLINE_VERDICT_PUNCTUATION, NULL);

  {
    g_autoptr(StorylineFidelity) f = compare (ORIGINAL, "defence and security", NULL);
    g_assert_cmpint (f->verdict, ==, STORYLINE_VERDICT_EXCERPT);
    g_assert_cmpuint (f->excerpt_start, ==, 6);
    g_assert_cmpuint (f->excerpt_end, ==, 9);
    g_assert_cmpuint (f->n_original_words, ==, 10);
    g_assert_cmpuint (f->n_rendition_words, ==, 3);
  }

  /* An excerpt with British spellings and a hyphenation variant. */
  assert_full (ISPR, "recognised the importance of strengthening bilateral defence and security co-operation",
               "en", STORYLINE_VERDICT_EXCERPT,
               "[-During the separately-held meetings, both sides held detailed discussion on the evolving global and regional environment and security situation and-] [-recognized-]{+recognised+} the importance of strengthening bilateral defence and security [-cooperation-]{+co-operation+}",
               "spelling");
  assert_description (ISPR, "recognised the importance of strengthening bilateral defence and security co-operation",
                      "Excerpt: words 21 to 30 of the 30 in the original, with British/American spelling and hyphenation differences.");
}

static void
test_punctuation (void)
{
  assert_full (ORIGINAL, "both sides expressed optimism about improving defence and security collaboration",
               NULL, STORYLINE_VERDICT_PUNCTUATION, NULL, "case");
  assert_full (ORIGINAL, "Both sides expressed optimism, about improving defence and security collaboration!",
               NULL, STORYLINE_VERDICT_PUNCTUATION, NULL, "");
  /* Just outside: one word different. */
  assert_verdict ("military-to-military engagements", "military-to-military engagement",
                  STORYLINE_VERDICT_ALTERED, "military-to-military [-engagements-] {+engagement+}");
}

static void
test_spelling (void)
{
  assert_verdict (ORIGINAL, "Both sides expressed optimism about improving defense and security collaboration.",
                  STORYLINE_VERDICT_SPELLING,
                  "Both sides expressed optimism about improving [-defence-]{+defense+} and security collaboration.");
  /* Hyphenation variants are spelling differences, both ways. */
  assert_full ("more co-operation", "more cooperation", NULL, STORYLINE_VERDICT_SPELLING,
               "more [-co-operation-]{+cooperation+}", "");
  assert_verdict ("send an email", "send an e-mail", STORYLINE_VERDICT_SPELLING, "send an [-email-]{+e-mail+}");
  assert_verdict ("During the separately-held meetings", "During the separately held meetings", STORYLINE_VERDICT_SPELLING,
                  "During the [-separately-held-]{+separately held+} meetings");
  assert_verdict ("During the separately held meetings", "During the separately-held meetings", STORYLINE_VERDICT_SPELLING, NULL);
  assert_verdict ("military-to-military engagements", "military to military engagements", STORYLINE_VERDICT_SPELLING, NULL);
  assert_full ("Honour and co-operation.", "honor and cooperation", NULL, STORYLINE_VERDICT_SPELLING, NULL, "case,punctuation");
  assert_description ("more co-operation", "more cooperation", "Same words, hyphenated differently.");
  assert_description (ORIGINAL, "Both sides expressed optimism about improving defense and security collaboration.",
                      "Same words, British or American spelling.");
  /* Just outside: a spelling pair and a silently dropped word together. */
  assert_verdict (ORIGINAL, "Both sides expressed optimism about improving defense collaboration.",
                  STORYLINE_VERDICT_ALTERED, NULL);
  /* Just outside: two real words that are not one word spelt two ways. */
  assert_verdict ("the forms were filled", "the forms were filed", STORYLINE_VERDICT_ALTERED, NULL);
  assert_verdict ("a well-known man", "a well known-man", STORYLINE_VERDICT_ALTERED, NULL);
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
test_marked (void)
{
  const char *ellipses[] = {
    "…", "...", ". . .", "....", ". . . .", "[…]", "[...]", "[. . .]", "[ … ]", "(…)",
  };

  /* Every form of the ellipsis, with spaces around it and without. */
  for (guint i = 0; i < G_N_ELEMENTS (ellipses); i++)
    {
      g_autofree char *spaced = g_strdup_printf ("Both sides expressed optimism %s defence and security collaboration.", ellipses[i]);
      g_autofree char *tight = g_strdup_printf ("Both sides expressed optimism%sdefence and security collaboration.", ellipses[i]);
      StorylineVerdict expected = STORYLINE_VERDICT_MARKED;
      g_autofree char *diff = g_strdup_printf ("Both sides expressed optimism %s [-about improving-] defence and security collaboration.", ellipses[i]);

      assert_verdict (ORIGINAL, spaced, expected, diff);
      assert_verdict (ORIGINAL, tight, expected, NULL);
    }

  /* Words put in, in square brackets: alone, or for words left out. */
  assert_verdict ("sacrifices in fight against terrorism", "sacrifices in [the] fight against terrorism",
                  STORYLINE_VERDICT_MARKED, "sacrifices in {+[the]+} fight against terrorism");
  assert_verdict ("They recognized the importance of strengthening ties.", "[Both sides] recognized the importance of strengthening ties.",
                  STORYLINE_VERDICT_MARKED, "[-They-] {+[Both sides]+} recognized the importance of strengthening ties.");
  assert_verdict ("He said they went well.", "He said [the talks] went well.",
                  STORYLINE_VERDICT_MARKED, "He said [-they-] {+[the talks]+} went well.");
  /* Letters changed in brackets: "[t]he", "say[s]". */
  assert_verdict ("The talks went well.", "[t]he talks went well.", STORYLINE_VERDICT_PUNCTUATION, NULL);
  assert_verdict ("He said it.", "He say[s] it.", STORYLINE_VERDICT_MARKED, "He [-said-] {+say[s]+} it.");
  /* Two gaps, each marked; with an excerpt's cut ends. */
  assert_verdict (ISPR, "both sides held detailed discussion […] and recognized the importance of … defence and security cooperation",
                  STORYLINE_VERDICT_MARKED, NULL);
  /* An ellipsis at an end is allowed, as for an excerpt. */
  assert_verdict (ORIGINAL, "… optimism about … security collaboration …", STORYLINE_VERDICT_MARKED, NULL);

  /* Combined: a marked rendition with case and punctuation differences. */
  assert_full (ORIGINAL, "Both Sides expressed optimism … defence, and security collaboration.", NULL,
               STORYLINE_VERDICT_MARKED, NULL, "case,punctuation");
  assert_description (ORIGINAL, "Both Sides expressed optimism … defence, and security collaboration.",
                      "Marked: words left out or put in, every change marked with an ellipsis or square brackets, with case and punctuation differences.");

  /* Where the original repeats a word, the gap is found where the mark is. */
  assert_verdict ("A and B and C", "A … and C", STORYLINE_VERDICT_MARKED, "A … [-and B-] and C");
  assert_verdict ("A and B and C", "A and … C", STORYLINE_VERDICT_MARKED, "A and … [-B and-] C");
}

static void
test_marked_just_outside (void)
{
  /* An ellipsis marks one gap while another is silent. */
  assert_verdict (ORIGINAL, "Both sides … improving defence security collaboration.", STORYLINE_VERDICT_ALTERED,
                  "Both sides … [-expressed optimism about-] improving defence [-and-] security collaboration.");
  /* A bracketed insertion next to an unmarked change. */
  assert_verdict (ORIGINAL, "[Both sides] expressed optimism about enhancing defence and security collaboration.",
                  STORYLINE_VERDICT_ALTERED, NULL);
  /* Words put in without brackets, or in round ones. */
  assert_verdict ("sacrifices in fight against terrorism", "sacrifices in the fight against terrorism",
                  STORYLINE_VERDICT_ALTERED, "sacrifices in {+the+} fight against terrorism");
  assert_verdict ("sacrifices in fight against terrorism", "sacrifices in (the) fight against terrorism",
                  STORYLINE_VERDICT_ALTERED, NULL);
  /* A rendition that is only an ellipsis keeps none of the words. */
  assert_verdict (ORIGINAL, "…", STORYLINE_VERDICT_ALTERED, "… [-Both sides expressed optimism about improving defence and security collaboration.-]");
  assert_verdict (ORIGINAL, "[…]", STORYLINE_VERDICT_ALTERED, NULL);
  /* An ellipsis where nothing is left out, with a silent gap elsewhere. */
  assert_verdict ("one two three four five six", "one … two three five six", STORYLINE_VERDICT_ALTERED, NULL);
  /* Reordered words, even around a mark. */
  assert_verdict ("the global and regional environment", "the regional … global environment", STORYLINE_VERDICT_ALTERED, NULL);
  /* Two dots are not an ellipsis. */
  assert_verdict (ORIGINAL, "Both sides expressed optimism .. defence and security collaboration.", STORYLINE_VERDICT_ALTERED, NULL);
}

static void
test_negations (void)
{
  const char *english = "We will not accept any deal that harms our people.";

  /* Cut right after a negation: the oldest trick. */
  assert_verdict (english, "accept any deal that harms our people", STORYLINE_VERDICT_ALTERED, NULL);
  assert_description (english, "accept any deal that harms our people",
                      "Altered: it starts just after “not”, which it leaves out.");
  /* A negation in a gap, marked or not. */
  assert_verdict (english, "We will … accept any deal that harms our people.", STORYLINE_VERDICT_ALTERED,
                  "We will … [-not-] accept any deal that harms our people.");
  assert_description (english, "We will … accept any deal that harms our people.",
                      "Altered: the words left out include “not”.");
  assert_verdict (english, "We will accept any deal that harms our people.", STORYLINE_VERDICT_ALTERED, NULL);
  assert_verdict ("We won't accept any deal.", "We … accept any deal.", STORYLINE_VERDICT_ALTERED, NULL);
  assert_verdict ("We won't accept any deal.", "accept any deal", STORYLINE_VERDICT_ALTERED, NULL);
  for (guint i = 0; i < 11; i++)
    {
      const char *words[] = { "not", "no", "never", "nor", "neither", "none", "nothing", "nobody", "without", "unless", "Never" };
      g_autofree char *original = g_strdup_printf ("they said %s progress was made", words[i]);
      assert_verdict (original, "they said … progress was made", STORYLINE_VERDICT_ALTERED, NULL);
    }

  /* Just outside: a negation kept, or two words before the excerpt. */
  assert_verdict (english, "not accept any deal", STORYLINE_VERDICT_EXCERPT, NULL);
  assert_verdict (english, "any deal that harms our people", STORYLINE_VERDICT_EXCERPT, NULL);
  assert_verdict (english, "We will not accept … our people.", STORYLINE_VERDICT_MARKED, NULL);
  /* Words that only look like one. */
  assert_verdict ("They noted the knot was tied", "They … the knot was tied", STORYLINE_VERDICT_MARKED, NULL);

  /* Bengali: the negation follows the verb. */
  assert_verdict ("দুই দেশ একে অপরকে সমর্থন করবে না।", "দুই দেশ একে অপরকে সমর্থন করবে", STORYLINE_VERDICT_ALTERED, NULL);
  assert_verdict ("তারা চুক্তি মানেনি, বলেছেন তিনি।", "তারা চুক্তি … বলেছেন তিনি।", STORYLINE_VERDICT_ALTERED, NULL);
  assert_verdict ("দুই দেশ একে অপরকে সমর্থন করবে না।", "একে অপরকে সমর্থন", STORYLINE_VERDICT_EXCERPT, NULL);
  assert_verdict ("তিনি বলেন দুই দেশ একে অপরকে সমর্থন করবে।", "তিনি বলেন … একে অপরকে সমর্থন করবে।", STORYLINE_VERDICT_MARKED, NULL);
  /* Urdu. */
  assert_verdict ("ہم کسی معاہدے کو قبول نہیں کریں گے۔", "ہم کسی معاہدے کو قبول … کریں گے۔", STORYLINE_VERDICT_ALTERED,
                  "ہم کسی معاہدے کو قبول … [-نہیں-] کریں گے۔");
  assert_verdict ("ہم کسی معاہدے کو قبول نہیں کریں گے۔", "ہم کسی معاہدے کو قبول", STORYLINE_VERDICT_ALTERED, NULL);
  assert_verdict ("ہم کسی معاہدے کو قبول نہیں کریں گے۔", "ہم کسی … قبول نہیں کریں گے۔", STORYLINE_VERDICT_MARKED, NULL);

  /* The quote's language says which list applies. */
  assert_full ("ils ne sont pas d'accord no", "ils … pas d'accord no", "fr", STORYLINE_VERDICT_MARKED, NULL, NULL);
  assert_full ("We will not go", "We will … go", "en-GB", STORYLINE_VERDICT_ALTERED, NULL, NULL);
  assert_full ("দুই দেশ না একে", "দুই দেশ … একে", "en", STORYLINE_VERDICT_MARKED, NULL, NULL);
  assert_full ("দুই দেশ না একে", "দুই দেশ … একে", "bn", STORYLINE_VERDICT_ALTERED, NULL, NULL);
}

static void
test_altered (void)
{
  assert_verdict ("Both sides expressed optimism about improving defence and security collaboration and reaffirmed their commitment to expanding military-to-military engagements.",
                  "Both sides expressed optimism about enhancing defense collaboration and reaffirmed their commitment to expand military-to-military engagements,",
                  STORYLINE_VERDICT_ALTERED,
                  "Both sides expressed optimism about [-improving defence and security-] {+enhancing defense+} collaboration and reaffirmed their commitment to [-expanding-] {+expand+} military-to-military engagements,");
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
  assert_verdict ("দুই দেশ একে অপরকে সমর্থন করবে।", "দুই দেশ … সমর্থন করবে।", STORYLINE_VERDICT_MARKED,
                  "দুই দেশ … [-একে অপরকে-] সমর্থন করবে।");
  /* Words in brackets are the writer's, even the original's own. */
  assert_verdict ("দুই দেশ একে অপরকে সমর্থন করবে।", "[দুই দেশ] একে অপরকে সমর্থন করবে।", STORYLINE_VERDICT_MARKED,
                  "[-দুই দেশ-] {+[দুই দেশ]+} একে অপরকে সমর্থন করবে।");
  /* A changed vowel sign changes the word. */
  assert_verdict ("দুই দেশ একে অপরকে সমর্থন করবে।", "দুই দেশ একে অপরকে সমর্থন করবো।", STORYLINE_VERDICT_ALTERED,
                  "দুই দেশ একে অপরকে সমর্থন [-করবে।-] {+করবো।+}");

  /* Urdu, right to left, with its own punctuation. */
  assert_verdict ("ہمارے دونوں ممالک ایک دوسرے کی حمایت کریں گے۔", "ہمارے دونوں ممالک ایک دوسرے کی حمایت کریں گے",
                  STORYLINE_VERDICT_PUNCTUATION, NULL);
  assert_verdict ("ہمارے دونوں ممالک ایک دوسرے کی حمایت کریں گے۔", "دونوں ممالک",
                  STORYLINE_VERDICT_EXCERPT, "[-ہمارے-] دونوں ممالک [-ایک دوسرے کی حمایت کریں گے۔-]");
  assert_verdict ("ہمارے دونوں ممالک ایک دوسرے کی حمایت کریں گے۔", "ہمارے دونوں ممالک … کی حمایت کریں گے۔",
                  STORYLINE_VERDICT_MARKED, NULL);
  assert_verdict ("ہمارے دونوں ممالک ایک دوسرے کی حمایت کریں گے۔", "ہمارے دونوں ممالک ایک دوسرے کی مدد کریں گے۔",
                  STORYLINE_VERDICT_ALTERED, NULL);

  /* Accented Latin words are one word each. */
  assert_verdict ("Le général a visité Dhaka.", "Le general a visité Dhaka.", STORYLINE_VERDICT_ALTERED,
                  "Le [-général-] {+general+} a visité Dhaka.");
}

static void
test_empty_and_one_word (void)
{
  assert_verdict ("", "", STORYLINE_VERDICT_VERBATIM, "");
  assert_verdict ("Yes.", "Yes.", STORYLINE_VERDICT_VERBATIM, "Yes.");
  assert_verdict ("Yes.", "yes", STORYLINE_VERDICT_PUNCTUATION, "yes");
  assert_verdict ("Yes.", "No.", STORYLINE_VERDICT_ALTERED, "[-Yes.-] {+No.+}");
  assert_verdict ("Yes.", "", STORYLINE_VERDICT_ALTERED, "[-Yes.-]");
  assert_verdict ("", "Yes", STORYLINE_VERDICT_ALTERED, "{+Yes+}");
  assert_verdict ("Honour.", "Honor.", STORYLINE_VERDICT_SPELLING, "[-Honour-]{+Honor+}.");
  /* Only punctuation: no words on either side, and not the same text. */
  assert_verdict ("…", "!", STORYLINE_VERDICT_PUNCTUATION, "!");
  /* Unclosed and empty brackets are punctuation. */
  assert_verdict ("it is done", "it is [ done", STORYLINE_VERDICT_PUNCTUATION, NULL);
  assert_verdict ("it is done", "it is [] done", STORYLINE_VERDICT_PUNCTUATION, NULL);
}

/* The verdicts are in the order of the format, most faithful first. */
static void
test_order (void)
{
  const char *names[] = { "verbatim", "punctuation", "spelling", "excerpt", "marked", "altered" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (storyline_verdict_to_string (i), ==, names[i]);
  g_assert_true (STORYLINE_VERDICT_VERBATIM < STORYLINE_VERDICT_PUNCTUATION);
  g_assert_true (STORYLINE_VERDICT_EXCERPT < STORYLINE_VERDICT_MARKED);
  g_assert_true (STORYLINE_VERDICT_MARKED < STORYLINE_VERDICT_ALTERED);
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

/* A generated set: real sentences, each edited at random (a fixed seed)
 * in one to three places with the edits editors make, marked and not;
 * the verdict each edit earns follows from the format's rules, and the
 * rendition's verdict is the most serious of them. */

typedef struct
{
  const char *text;
  const char *language;
} Sentence;

static const Sentence sentences[] = {
  { ISPR, "en" },
  { "The Chairman JCSC reaffirmed Pakistan's appreciation for its longstanding fraternal ties with Bangladesh and highlighted the shared resolve to further deepen these relations on the basis of sovereign equality and mutual respect.", "en" },
  { "Both sides expressed optimism about improving defence and security collaboration and reaffirmed their commitment to expanding military-to-military engagements and related initiatives.", "en" },
  { "The civil-military leadership of Bangladesh appreciated the high professional standards of Pakistan Armed Forces and their achievements and sacrifices in fight against terrorism.", "en" },
  { "Earlier, upon arrival at Senakunjo a smartly turned-out military contingent presented 'Guard of Honour' to the CJCSC and he also laid wreath at Shikha Anirban.", "en" },
  { "The organisation said its programme would favour closer co-operation on defence and labour at the centre of the region, and it recognised the honour.", "en" },
  { "Officials recognized that the programme, in its current form, would not favour the organisation's e-mail co-operation or its defence centre.", "en" },
  { "We will not accept any deal that harms the interests of our people, the minister said, and we have never asked for one.", "en" },
  { "The talks did not resolve the dispute over assets, nor did they set a date for an apology, officials said without giving details.", "en" },
  { "দুই দেশ একে অপরকে সমর্থন করবে এবং বাণিজ্য বাড়াবে, তবে পুরনো বিরোধ এখনো মেটেনি বলে তিনি জানান।", "bn" },
  { "সরকার বলেছে যে চুক্তি না হলে চাল আমদানি বন্ধ থাকবে এবং কোনো ছাড় দেওয়া হবে না।", "bn" },
  { "ہمارے دونوں ممالک ایک دوسرے کی حمایت کریں گے اور تجارت بڑھائیں گے لیکن ہم کسی دباؤ کو قبول نہیں کریں گے۔", "ur" },
  { "وزیر نے کہا کہ بغیر معاہدے کے چاول کی درآمد نہ ہو سکے گی اور بات چیت جاری رہے گی۔", "ur" },
};

static const char * const spelling_swaps[][2] = {
  { "defence", "defense" }, { "recognized", "recognised" }, { "recognised", "recognized" }, { "honour", "honor" },
  { "Honour", "Honor" }, { "organisation", "organization" }, { "programme", "program" }, { "favour", "favor" },
  { "labour", "labor" }, { "centre", "center" },
};

static const char * const ellipsis_forms[] = {
  " … ", "…", " ... ", "...", " . . . ", " [...] ", "[…]", " […] ", " [. . .] ", " .... ",
};

typedef enum
{
  EDIT_SIC,
  EDIT_CASE,
  EDIT_COMMA,
  EDIT_SPELLING,
  EDIT_HYPHEN,
  EDIT_EXCERPT,
  EDIT_MARKED_OMISSION,
  EDIT_BRACKET_INSERTION,
  EDIT_BRACKET_REPLACEMENT,
  EDIT_OMISSION,
  EDIT_INSERTION,
  EDIT_REPLACEMENT,
  N_EDITS
} EditKind;

static StorylineVerdict
edit_verdict (EditKind kind)
{
  switch (kind)
    {
    case EDIT_SIC:
      return STORYLINE_VERDICT_VERBATIM;
    case EDIT_CASE:
    case EDIT_COMMA:
      return STORYLINE_VERDICT_PUNCTUATION;
    case EDIT_SPELLING:
    case EDIT_HYPHEN:
      return STORYLINE_VERDICT_SPELLING;
    case EDIT_EXCERPT:
      return STORYLINE_VERDICT_EXCERPT;
    case EDIT_MARKED_OMISSION:
    case EDIT_BRACKET_INSERTION:
    case EDIT_BRACKET_REPLACEMENT:
      return STORYLINE_VERDICT_MARKED;
    default:
      return STORYLINE_VERDICT_ALTERED;
    }
}

/* The negations the format lists, read off a piece of text. */
static gboolean
piece_is_negation (const char *piece)
{
  static const char * const list[] = {
    "not", "no", "never", "nor", "neither", "none", "nothing", "nobody", "without", "unless", "cannot",
    "না", "নয়", "নই", "নও", "নন", "নেই", "নাই", "নি", "ছাড়া", "বিনা",
    "نہیں", "نہ", "مت", "بغیر", "ناں", NULL
  };
  g_autoptr(GString) word = g_string_new (NULL);
  g_autofree char *folded = NULL;

  for (const char *p = piece; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalpha (c) || g_unichar_ismark (c) || c == '\'')
        g_string_append_unichar (word, c);
    }
  folded = g_utf8_casefold (word->str, -1);
  if (g_str_has_suffix (folded, "n't") || g_str_has_suffix (folded, "েনি"))
    return TRUE;
  for (guint i = 0; list[i]; i++)
    if (g_str_equal (folded, list[i]))
      return TRUE;
  return FALSE;
}

static gboolean
ends_with_punctuation (const char *piece)
{
  gunichar c = g_utf8_get_char (g_utf8_prev_char (piece + strlen (piece)));
  return !g_unichar_isalnum (c) && !g_unichar_ismark (c);
}

/* A piece's word without its punctuation, lower case. */
static char *
piece_word (const char *piece)
{
  GString *s = g_string_new (NULL);

  for (const char *p = piece; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        g_string_append_unichar (s, g_unichar_tolower (c));
    }
  return g_string_free (s, FALSE);
}

/* Is @needle's word sequence one contiguous run of @hay's? */
static gboolean
is_contiguous_run (char   **hay,
                   guint    n,
                   char   **needle,
                   guint    m)
{
  for (guint i = 0; i + m <= n; i++)
    {
      guint j = 0;
      while (j < m && g_str_equal (hay[i + j], needle[j]))
        j++;
      if (j == m)
        return TRUE;
    }
  return FALSE;
}

static void
test_generated (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261130);
  guint counts[STORYLINE_VERDICT_ALTERED + 1] = { 0, };
  guint n_cases = 0;

  for (guint round = 0; round < 4000; round++)
    {
      const Sentence *sentence = &sentences[g_rand_int_range (rand, 0, G_N_ELEMENTS (sentences))];
      g_auto(GStrv) pieces = g_strsplit (sentence->text, " ", -1);
      guint n = g_strv_length (pieces);
      g_autofree gboolean *used = g_new0 (gboolean, n);
      g_autofree guint *action = g_new0 (guint, n);   /* per piece: 0 keep, else the edit + 1 */
      g_autoptr(GPtrArray) replacements = g_ptr_array_new_full (n, g_free);
      g_autoptr(GPtrArray) afters = g_ptr_array_new_full (n, g_free);
      char **replacement, **after;
      guint first = 0, last = n - 1;
      guint n_edits = g_rand_int_range (rand, 1, 4);
      StorylineVerdict expected = STORYLINE_VERDICT_VERBATIM;
      gboolean negation_cut = FALSE, spelling_edit = FALSE, case_edit = FALSE;
      g_autoptr(GString) rendition = g_string_new (NULL);
      g_autoptr(StorylineFidelity) f = NULL;
      gboolean tight = FALSE, minor_only;

      g_ptr_array_set_size (replacements, n);
      g_ptr_array_set_size (afters, n);
      replacement = (char **) replacements->pdata;
      after = (char **) afters->pdata;

      /* An excerpt first, as it decides which pieces are kept. */
      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          first = g_rand_int_range (rand, 0, n / 3);
          last = g_rand_int_range (rand, 2 * n / 3, n);
          if (first == 0 && last == n - 1)
            last--;
          expected = MAX (expected, STORYLINE_VERDICT_EXCERPT);
          if ((first > 0 && piece_is_negation (pieces[first - 1])) ||
              (last < n - 1 && piece_is_negation (pieces[last + 1])))
            negation_cut = TRUE;
          for (guint i = 0; i < n; i++)
            used[i] = i <= first || i >= last;
        }
      else
        used[0] = used[n - 1] = TRUE;

      /* One round in four makes only the lesser changes. */
      minor_only = g_rand_int_range (rand, 0, 4) == 0;
      for (guint e = 0; e < n_edits; e++)
        {
          EditKind kind = g_rand_int_range (rand, EDIT_SIC, minor_only ? EDIT_EXCERPT : N_EDITS);
          guint at, span = 1;
          gboolean free_place = TRUE;

          if (kind == EDIT_EXCERPT)
            continue;
          if (kind == EDIT_MARKED_OMISSION || kind == EDIT_OMISSION || kind == EDIT_BRACKET_REPLACEMENT)
            span = g_rand_int_range (rand, 1, 4);
          at = g_rand_int_range (rand, 1, n - 1);
          /* A spelling edit goes where there is a word to spell otherwise. */
          if (kind == EDIT_SPELLING || kind == EDIT_HYPHEN)
            {
              g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
              for (guint i = 1; i + 1 < n; i++)
                {
                  gboolean fits = kind == EDIT_HYPHEN ? strchr (pieces[i], '-') != NULL : FALSE;
                  for (guint s = 0; kind == EDIT_SPELLING && s < G_N_ELEMENTS (spelling_swaps); s++)
                    fits = fits || g_str_has_prefix (pieces[i], spelling_swaps[s][0]);
                  if (fits)
                    g_array_append_val (candidates, i);
                }
              if (candidates->len == 0)
                continue;
              at = g_array_index (candidates, guint, g_rand_int_range (rand, 0, candidates->len));
            }
          /* A place of its own, with a kept piece on each side. */
          for (guint i = at - 1; i <= at + span && free_place; i++)
            free_place = i < n && !used[i];
          if (!free_place || at <= first || at + span - 1 >= last)
            continue;

          switch (kind)
            {
            case EDIT_SIC:
              after[at] = g_strdup (" [sic]");
              break;
            case EDIT_CASE:
              {
                gunichar c = g_utf8_get_char (pieces[at]);
                if (!g_unichar_islower (c))
                  continue;
                {
                  char buf[8] = { 0, };
                  g_unichar_to_utf8 (g_unichar_toupper (c), buf);
                  replacement[at] = g_strconcat (buf, g_utf8_next_char (pieces[at]), NULL);
                }
                case_edit = TRUE;
              }
              break;
            case EDIT_COMMA:
              if (ends_with_punctuation (pieces[at]))
                continue;
              replacement[at] = g_strconcat (pieces[at], ",", NULL);
              break;
            case EDIT_SPELLING:
              {
                gboolean found = FALSE;
                for (guint s = 0; s < G_N_ELEMENTS (spelling_swaps) && !found; s++)
                  if (g_str_has_prefix (pieces[at], spelling_swaps[s][0]))
                    {
                      replacement[at] = g_strconcat (spelling_swaps[s][1], pieces[at] + strlen (spelling_swaps[s][0]), NULL);
                      found = TRUE;
                    }
                if (!found)
                  continue;
                spelling_edit = TRUE;
              }
              break;
            case EDIT_HYPHEN:
              if (strchr (pieces[at], '-') == NULL)
                continue;
              {
                g_auto(GStrv) parts = g_strsplit (pieces[at], "-", -1);
                replacement[at] = g_strjoinv (g_rand_boolean (rand) ? " " : "", parts);
              }
              spelling_edit = TRUE;
              break;
            case EDIT_MARKED_OMISSION:
            case EDIT_OMISSION:
            case EDIT_BRACKET_REPLACEMENT:
              for (guint i = at; i < at + span; i++)
                {
                  if (piece_is_negation (pieces[i]))
                    negation_cut = TRUE;
                  replacement[i] = g_strdup ("");
                }
              if (kind == EDIT_MARKED_OMISSION)
                after[at - 1] = g_strdup (ellipsis_forms[g_rand_int_range (rand, 0, G_N_ELEMENTS (ellipsis_forms))]);
              else if (kind == EDIT_BRACKET_REPLACEMENT)
                after[at - 1] = g_strdup (sentence->language[0] == 'e' ? " [the two sides]" :
                                          sentence->language[0] == 'b' ? " [সরকার]" : " [حکومت]");
              break;
            case EDIT_BRACKET_INSERTION:
              after[at] = g_strdup (sentence->language[0] == 'e' ? " [reportedly]" :
                                    sentence->language[0] == 'b' ? " [অবশ্যই]" : " [ضرور]");
              break;
            case EDIT_INSERTION:
              after[at] = g_strdup (sentence->language[0] == 'e' ? " reportedly" :
                                    sentence->language[0] == 'b' ? " অবশ্যই" : " ضرور");
              break;
            case EDIT_REPLACEMENT:
              replacement[at] = g_strdup (sentence->language[0] == 'e' ? "reportedly" :
                                          sentence->language[0] == 'b' ? "অবশ্যই" : "ضرور");
              break;
            default:
              g_assert_not_reached ();
            }

          expected = MAX (expected, edit_verdict (kind));
          for (guint i = at - 1; i <= at + span && i < n; i++)
            used[i] = TRUE;
        }

      /* The rendition, piece by piece; an ellipsis with no space around
       * it joins its neighbours. */
      for (guint i = first; i <= last; i++)
        {
          const char *piece = replacement[i] ? replacement[i] : pieces[i];

          if (*piece != '\0')
            {
              if (rendition->len > 0 && !tight && rendition->str[rendition->len - 1] != ' ')
                g_string_append_c (rendition, ' ');
              g_string_append (rendition, piece);
              tight = FALSE;
            }
          if (after[i] != NULL)
            {
              g_string_append (rendition, after[i]);
              tight = after[i][0] != ' ';
            }
        }

      if (negation_cut)
        expected = STORYLINE_VERDICT_ALTERED;

      /* Left out silently, the words may still be a run of the original's:
       * then it is an excerpt, not a gap, and the case is not this one's. */
      if (expected == STORYLINE_VERDICT_ALTERED && !negation_cut)
        {
          g_autoptr(GPtrArray) ow = storyline_split_words (sentence->text);
          g_autoptr(GPtrArray) rw = storyline_split_words (rendition->str);
          g_autoptr(GPtrArray) of = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GPtrArray) rf = g_ptr_array_new_with_free_func (g_free);

          for (guint i = 0; i < ow->len; i++)
            g_ptr_array_add (of, piece_word (ow->pdata[i]));
          for (guint i = 0; i < rw->len; i++)
            g_ptr_array_add (rf, piece_word (rw->pdata[i]));
          if (is_contiguous_run ((char **) of->pdata, of->len, (char **) rf->pdata, rf->len))
            continue;
        }

      f = compare (sentence->text, rendition->str, sentence->language);
      if (f->verdict != expected)
        {
          g_autofree char *diff = storyline_fidelity_to_word_diff (f);
          g_error ("case %u: “%s” as “%s”: %s, expected %s (%s)", round, sentence->text, rendition->str,
                   storyline_verdict_to_string (f->verdict), storyline_verdict_to_string (expected), diff);
        }
      /* The lesser differences are named beside a more serious verdict. */
      if (spelling_edit && expected > STORYLINE_VERDICT_SPELLING)
        g_assert_true (f->differences & (STORYLINE_DIFFERENCE_SPELLING | STORYLINE_DIFFERENCE_HYPHENATION));
      if (case_edit && expected > STORYLINE_VERDICT_PUNCTUATION && expected < STORYLINE_VERDICT_ALTERED)
        g_assert_true (f->differences & STORYLINE_DIFFERENCE_CASE);

      counts[expected]++;
      n_cases++;
    }

  /* Every verdict is reached, many times over. */
  for (guint v = 0; v <= STORYLINE_VERDICT_ALTERED; v++)
    {
      g_test_message ("%s: %u", storyline_verdict_to_string (v), counts[v]);
      g_assert_cmpuint (counts[v], >=, 10);
    }
  g_assert_cmpuint (n_cases, >, 3000);
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
    { "ispr-discussion", "arabnews-2620405", STORYLINE_VERDICT_EXCERPT },
    { "ispr-discussion", "brecorder-40389444", STORYLINE_VERDICT_SPELLING },
    { "ispr-discussion", "geo-630725", STORYLINE_VERDICT_EXCERPT },
    { "ispr-discussion", "bdvoice-rewrite", STORYLINE_VERDICT_ALTERED },
    { "ispr-fraternal-ties", "arabnews-2620405", STORYLINE_VERDICT_VERBATIM },
    { "ispr-fraternal-ties", "bdvoice-rewrite", STORYLINE_VERDICT_EXCERPT },
    { "ispr-optimism", "dawn-1951558", STORYLINE_VERDICT_VERBATIM },
    { "ispr-optimism", "brecorder-40389444", STORYLINE_VERDICT_VERBATIM },
    { "ispr-optimism", "arabnews-2620405", STORYLINE_VERDICT_EXCERPT },
    { "ispr-optimism", "bdvoice-rewrite", STORYLINE_VERDICT_ALTERED },
    { "ispr-sylhet", "brecorder-40389444", STORYLINE_VERDICT_VERBATIM },
    { "ispr-sylhet", "dunya-914367", STORYLINE_VERDICT_VERBATIM },
    { "ispr-sylhet", "dawn-1951558", STORYLINE_VERDICT_MARKED },
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
          f = compare (storyline_quote_get_text (quote), storyline_rendition_get_text (r), storyline_quote_get_text_language (quote));
          if (f->verdict != expected[i].verdict)
            g_error ("%s in %s: %s, expected %s", expected[i].quote, expected[i].source,
                     storyline_verdict_to_string (f->verdict), storyline_verdict_to_string (expected[i].verdict));
        }
      g_assert_true (found);
    }

  /* BD Voice's excerpt, counted as a reader counts words. */
  {
    StorylineQuote *quote = storyline_story_lookup_quote (story, "ispr-fraternal-ties");
    g_autoptr(StorylineFidelity) f = compare (storyline_quote_get_text (quote),
                                              storyline_rendition_get_text (storyline_quote_get_rendition (quote, 1)), "en");
    g_autofree char *sentence = storyline_fidelity_describe (f);

    g_assert_cmpstr (sentence, ==, "Excerpt: words 9 to 13 of the 32 in the original.");
  }

  /* The seed's misquote, word by word. */
  {
    StorylineQuote *quote = storyline_story_lookup_quote (story, "ispr-optimism");
    StorylineRendition *seed = storyline_quote_get_rendition (quote, 3);
    g_autoptr(StorylineFidelity) f = storyline_fidelity_compare (storyline_quote_get_text (quote), storyline_rendition_get_text (seed));
    g_autofree char *diff = storyline_fidelity_to_word_diff (f);
    g_autofree char *words = storyline_fidelity_describe_diff (f);

    g_assert_cmpstr (diff, ==, "Both sides expressed optimism about [-improving defence and security-] {+enhancing defense+} collaboration and reaffirmed their commitment to [-expanding-] {+expand+} military-to-military engagements and related initiatives,");
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
  g_test_add_func ("/fidelity/words-as-printed", test_words_as_printed);
  g_test_add_func ("/fidelity/excerpt", test_excerpt);
  g_test_add_func ("/fidelity/punctuation", test_punctuation);
  g_test_add_func ("/fidelity/spelling", test_spelling);
  g_test_add_func ("/fidelity/spelling-rules", test_spelling_rules);
  g_test_add_func ("/fidelity/marked", test_marked);
  g_test_add_func ("/fidelity/marked-just-outside", test_marked_just_outside);
  g_test_add_func ("/fidelity/negations", test_negations);
  g_test_add_func ("/fidelity/altered", test_altered);
  g_test_add_func ("/fidelity/order", test_order);
  g_test_add_func ("/fidelity/generated", test_generated);
  g_test_add_func ("/fidelity/unicode", test_unicode);
  g_test_add_func ("/fidelity/empty-and-one-word", test_empty_and_one_word);
  g_test_add_func ("/fidelity/long", test_long_quotes);
  g_test_add_func ("/fidelity/bundled-story", test_bundled_story);

  return g_test_run ();
}
