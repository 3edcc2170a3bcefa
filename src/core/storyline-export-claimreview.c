/* storyline-export-claimreview.c: the verdicts on quotes as schema.org
 * ClaimReview, the fact-check markup search engines and fact-check tools
 * read
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "storyline-citation.h"
#include "storyline-export-private.h"
#include "storyline-fidelity.h"
#include "storyline-story.h"

/* The verdicts as an ordinal scale, the most faithful best. */
#define BEST_RATING (STORYLINE_VERDICT_ALTERED - STORYLINE_VERDICT_VERBATIM + 1)
#define WORST_RATING 1

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

/* A date as ISO 8601 at its precision ("2025", "2025-10", "2025-10-27"):
 * the earliest day of a range, as the day something appeared. */
static void
add_date (JsonBuilder         *b,
          const char          *name,
          const StorylineDate *date)
{
  g_autofree char *text = NULL;
  const StorylineDatePoint *p;

  if (date == NULL || !storyline_date_is_set (date))
    return;
  p = &date->start;
  if (p->year < 0 || p->year > 9999)
    return;
  if (p->precision >= STORYLINE_DATE_PRECISION_DAY)
    text = g_strdup_printf ("%04d-%02d-%02d", p->year, p->month, p->day);
  else if (p->precision >= STORYLINE_DATE_PRECISION_MONTH)
    text = g_strdup_printf ("%04d-%02d", p->year, p->month);
  else
    text = g_strdup_printf ("%04d", p->year);
  add_string (b, name, text);
}

static void
add_organization (JsonBuilder *b,
                  const char  *name,
                  const char  *organization,
                  const char  *url)
{
  if (organization == NULL || *organization == '\0')
    return;
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  add_string (b, "@type", "Organization");
  add_string (b, "name", organization);
  if (storyline_publish_is_web_link (url))
    add_string (b, "url", url);
  json_builder_end_object (b);
}

/* Where words appeared: the source as a CreativeWork, with its address
 * (http(s) only), title, date and the outlet that published it. */
static void
add_appearance (JsonBuilder               *b,
                const char                *name,
                StorylineSource           *source,
                StorylinePublishCitations *citations)
{
  const char *url = storyline_source_get_url (source);
  const char *outlet = storyline_source_get_container_title (source);
  const char *citation = storyline_publish_citations_entry (citations, source);

  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  add_string (b, "@type", "CreativeWork");
  if (storyline_publish_is_web_link (url))
    add_string (b, "url", url);
  add_string (b, "headline", storyline_source_get_title (source));
  add_date (b, "datePublished", storyline_source_get_issued (source));
  add_organization (b, "publisher", outlet ? outlet : storyline_source_get_publisher (source), NULL);
  /* The whole citation, in the export's style, for a reader of the markup. */
  add_string (b, "description", citation);
  json_builder_end_object (b);
}

static void
add_review (JsonBuilder        *b,
            StorylinePublishCitations *citations,
            StorylineStory     *story,
            StorylineQuote     *quote,
            StorylineRendition *rendition,
            StorylineFidelity  *fidelity)
{
  StorylineActor *speaker = storyline_quote_get_speaker (quote);
  StorylineSource *origin = storyline_quote_get_origin (quote);
  const char *url = storyline_story_get_url (story);
  g_autofree char *verdict = storyline_fidelity_describe (fidelity);
  g_autofree char *diff = storyline_fidelity_to_word_diff (fidelity);
  g_autofree char *body = NULL;

  json_builder_begin_object (b);
  add_string (b, "@context", "https://schema.org");
  add_string (b, "@type", "ClaimReview");
  if (storyline_publish_is_web_link (url))
    add_string (b, "url", url);
  add_string (b, "claimReviewed", storyline_rendition_get_text (rendition));
  add_date (b, "datePublished", storyline_story_get_updated (story));
  add_organization (b, "author", storyline_story_get_publisher (story), url);

  json_builder_set_member_name (b, "itemReviewed");
  json_builder_begin_object (b);
  add_string (b, "@type", "Claim");
  if (speaker != NULL)
    {
      json_builder_set_member_name (b, "author");
      json_builder_begin_object (b);
      add_string (b, "@type", storyline_actor_get_kind (speaker) == STORYLINE_ACTOR_PERSON ? "Person" : "Organization");
      add_string (b, "name", storyline_actor_get_name (speaker));
      json_builder_end_object (b);
    }
  add_date (b, "datePublished", storyline_quote_get_said (quote));
  add_appearance (b, "appearance", storyline_rendition_get_source (rendition), citations);
  if (origin != NULL)
    add_appearance (b, "firstAppearance", origin, citations);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "reviewRating");
  json_builder_begin_object (b);
  add_string (b, "@type", "Rating");
  json_builder_set_member_name (b, "ratingValue");
  json_builder_add_int_value (b, BEST_RATING - (fidelity->verdict - STORYLINE_VERDICT_VERBATIM));
  json_builder_set_member_name (b, "bestRating");
  json_builder_add_int_value (b, BEST_RATING);
  json_builder_set_member_name (b, "worstRating");
  json_builder_add_int_value (b, WORST_RATING);
  /* The verdict as the window names it: its first words say it, should a
   * reader of the markup cut it short. */
  add_string (b, "alternateName", storyline_verdict_describe (fidelity->verdict));
  json_builder_end_object (b);
  /* What exactly differs: the verdict with its reasons and lesser
   * differences, and the words, the original's in [-…-], the outlet's
   * in {+…+}. */
  body = g_strdup_printf ("%s %s", verdict, diff);
  add_string (b, "reviewBody", body);
  json_builder_end_object (b);
}

/**
 * storyline_export_claimreview:
 * @all: a review of every rendition, not only of those altered
 *
 * claimreview: JSON-LD, an array of schema.org ClaimReview objects: one per
 * rendition whose verdict is altered (@all: per rendition), in the order
 * of the quotes. The review's author and url are the story's publisher
 * and url; its rating is the verdict in words (alternateName) and on an
 * ordinal scale from altered (1) to verbatim (6), and its body says what
 * differs.
 */
void
storyline_export_claimreview (StorylineStory         *story,
                              StorylineCitationStyle  style,
                              gboolean                all,
                              GString                *out)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(StorylinePublishCitations) citations = storyline_publish_citations_new (style, STORYLINE_MARKUP_TEXT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GPtrArray *quotes = storyline_story_get_quotes (story);
  g_autofree char *text = NULL;

  json_builder_begin_array (b);
  for (guint i = 0; i < quotes->len; i++)
    {
      StorylineQuote *quote = quotes->pdata[i];

      for (guint j = 0; j < storyline_quote_get_n_renditions (quote); j++)
        {
          StorylineRendition *rendition = storyline_quote_get_rendition (quote, j);
          g_autoptr(StorylineFidelity) fidelity =
            storyline_fidelity_compare_in_language (storyline_quote_get_text (quote),
                                                    storyline_rendition_get_text (rendition),
                                                    storyline_quote_get_text_language (quote));

          if (all || fidelity->verdict == STORYLINE_VERDICT_ALTERED)
            add_review (b, citations, story, quote, rendition, fidelity);
        }
    }
  json_builder_end_array (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}
