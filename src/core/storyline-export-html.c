/* storyline-export-html.c: a story as one self-contained web page
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "storyline-citation.h"
#include "storyline-export-private.h"
#include "storyline-fidelity.h"
#include "storyline-import.h"
#include "storyline-story.h"

/* html: the chronology by phase, each event's quotes with their verdicts
 * in words and their differences as <del> and <ins>, the sources as a
 * reference list in the chosen style. No script, nothing from the
 * network: the page reads the same offline, printed, or in ten years.
 * The page's own words are in the reader's language; the story's text
 * carries its own language, and its direction is left to the text
 * (dir="auto"), as the window does. */

static const char page_style[] =
  "body{font-family:serif;line-height:1.5;max-width:44em;margin:2em auto;padding:0 1em;color:#1d1d1d;background:#fff}"
  "h1,h2,h3{font-family:sans-serif;line-height:1.25}"
  "h2{border-bottom:1px solid #999;padding-bottom:.2em;margin-top:2em}"
  "h3{font-size:1.1em;margin:0 0 .3em}"
  ".date{font-family:sans-serif;font-size:.9em;color:#444;margin:1.5em 0 0}"
  ".subtitle{font-style:italic}"
  ".place,.dates{color:#444;margin:0}"
  ".note{border-inline-start:4px solid #777;padding-inline-start:.8em}"
  ".note.correction{border-color:#a00}"
  "blockquote{margin:1em 0 .3em;padding-inline-start:1em;border-inline-start:4px double #555;font-style:italic}"
  ".speaker{margin:0 0 .5em}"
  ".renditions{margin-top:0}"
  "del{text-decoration:line-through;background:#fde2e1;color:#7a0000}"
  "ins{text-decoration:underline;background:#dcf5dc;color:#004400}"
  ".verdict{font-weight:bold}"
  ".cites{font-size:.9em}"
  ".references li{margin-bottom:.4em}"
  "a{color:#1a4f9c}"
  "@media (prefers-color-scheme:dark){body{color:#eee;background:#1e1e1e}.date,.place,.dates{color:#bbb}"
  "a{color:#8ab4f8}del{background:#4a1d1d;color:#ffb4ab}ins{background:#1d3b1d;color:#b6f2b6}}"
  "@media print{body{max-width:none;margin:0}a{color:inherit}h2,h3,.date{break-after:avoid}article{break-inside:avoid-page}}";

/* A language tag safe in an attribute, or NULL. */
static const char *
language_tag (const char *language)
{
  if (language == NULL || *language == '\0' || strlen (language) > 35 ||
      strspn (language, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != strlen (language))
    return NULL;
  return language;
}

/* The attributes of an element holding the story's own text. */
static void
text_attributes (GString    *out,
                 const char *language)
{
  const char *tag = language_tag (language);

  if (tag != NULL)
    g_string_append_printf (out, " lang=\"%s\"", tag);
  g_string_append (out, " dir=\"auto\"");
}

/* <@tag class="@class" lang dir="auto">@text</@tag>: story text in an
 * element of its own. */
static void
append_story_element (GString    *out,
                      const char *tag,
                      const char *class,
                      const char *language,
                      const char *text)
{
  g_string_append_printf (out, "<%s", tag);
  if (class != NULL)
    g_string_append_printf (out, " class=\"%s\"", class);
  text_attributes (out, language);
  g_string_append_c (out, '>');
  storyline_publish_text (out, text);
  g_string_append_printf (out, "</%s>\n", tag);
}

/* Story text of paragraphs (a blank line between them), each a <p>. */
static void
append_story_paragraphs (GString    *out,
                         const char *language,
                         const char *text)
{
  g_autoptr(GString) attributes = g_string_new (NULL);

  if (text == NULL)
    return;
  text_attributes (attributes, language);
  storyline_publish_paragraphs (out, text, attributes->str + 1);
  g_string_append_c (out, '\n');
}

/* The reader's language, for the page's own words: the first of the
 * languages gettext would use, as a BCP 47 tag. */
static char *
reader_language (gboolean *rtl)
{
  const char * const *names = g_get_language_names ();
  g_autofree char *tag = NULL;
  char *p;

  tag = g_strdup (names[0]);
  if ((p = strpbrk (tag, ".@")) != NULL)
    *p = '\0';
  if (*tag == '\0' || g_str_equal (tag, "C") || g_str_equal (tag, "POSIX"))
    {
      g_free (tag);
      tag = g_strdup ("en");
    }
  for (p = tag; *p; p++)
    if (*p == '_')
      *p = '-';
  /* Whether the page's own words read right to left: the translators say
   * so, as GTK asks them. */
  /* Translators: "default:RTL" when your language is written right to
   * left, "default:LTR" otherwise (as GTK asks); the pages Storyline
   * writes take their direction from it */
  *rtl = g_strcmp0 (_("default:LTR"), "default:RTL") == 0;
  return language_tag (tag) ? g_steal_pointer (&tag) : g_strdup ("en");
}

/* An id for an element: the story's ids are unique per kind and safe in
 * HTML once escaped, but may hold spaces; those become '-'. */
static void
append_id (GString    *out,
           const char *prefix,
           const char *id)
{
  g_autoptr(GString) text = g_string_new (prefix);

  for (const char *p = id; *p; p++)
    g_string_append_c (text, g_ascii_isspace (*p) ? '-' : *p);
  storyline_publish_text (out, text->str);
}

/* The ISO 8601 form of a date's earliest day, for <time datetime>, or
 * NULL when it has none HTML accepts. */
static char *
machine_date (const StorylineDate *date)
{
  const StorylineDatePoint *p = &date->start;

  if (!storyline_date_is_set (date) || p->year < 1 || p->year > 9999)
    return NULL;
  if (p->precision >= STORYLINE_DATE_PRECISION_DAY)
    return g_strdup_printf ("%04d-%02d-%02d", p->year, p->month, p->day);
  if (p->precision >= STORYLINE_DATE_PRECISION_MONTH)
    return g_strdup_printf ("%04d-%02d", p->year, p->month);
  return g_strdup_printf ("%04d", p->year);
}

static void
append_date (GString             *out,
             const StorylineDate *date)
{
  g_autofree char *shown = storyline_date_format (date);
  g_autofree char *machine = machine_date (date);

  if (machine != NULL)
    g_string_append_printf (out, "<time datetime=\"%s\">", machine);
  else
    g_string_append (out, "<time>");
  storyline_publish_text (out, shown);
  g_string_append (out, "</time>");
}

/* An in-text citation of @ref, linked to its entry in the references. */
static void
append_cite (GString                   *out,
             const StorylineSourceRef  *ref,
             StorylinePublishCitations *citations)
{
  const char *cite = storyline_publish_citations_cite (citations, ref->source, ref->locator);

  /* Isolated: an English citation keeps its order in an Urdu line. */
  g_string_append (out, "<a dir=\"auto\" href=\"#");
  append_id (out, "source-", storyline_source_get_id (ref->source));
  g_string_append (out, "\">");
  g_string_append (out, cite);
  g_string_append (out, "</a>");
}

static void
append_quote (GString                *out,
              StorylineQuote         *q,
              StorylinePublishCitations *citations)
{
  StorylineSource *origin = storyline_quote_get_origin (q);
  const char *language = storyline_quote_get_text_language (q);
  guint n = storyline_quote_get_n_renditions (q);

  g_string_append (out, "<figure class=\"quote\" id=\"");
  append_id (out, "quote-", storyline_quote_get_id (q));
  g_string_append (out, "\"><blockquote");
  text_attributes (out, language);
  g_string_append (out, "><p>");
  storyline_publish_text (out, storyline_quote_get_text (q));
  g_string_append (out, "</p></blockquote><figcaption class=\"speaker\">— <span dir=\"auto\">");
  storyline_publish_text (out, storyline_actor_get_name (storyline_quote_get_speaker (q)));
  g_string_append (out, "</span>");
  if (storyline_date_is_set (storyline_quote_get_said (q)))
    {
      g_string_append (out, ", ");
      append_date (out, storyline_quote_get_said (q));
    }
  if (origin != NULL)
    {
      StorylineSourceRef ref = { origin, NULL, NULL };

      g_string_append (out, ". ");
      /* Translators: where a quote was first issued; a citation follows */
      storyline_publish_text (out, _("First issued in:"));
      g_string_append_c (out, ' ');
      append_cite (out, &ref, citations);
    }
  g_string_append (out, "</figcaption>");

  if (n > 0)
    {
      g_string_append (out, "<ul class=\"renditions\">");
      for (guint k = 0; k < n; k++)
        {
          StorylineRendition *r = storyline_quote_get_rendition (q, k);
          StorylineSourceRef ref = { storyline_rendition_get_source (r), (char *) storyline_rendition_get_locator (r), NULL };
          g_autoptr(StorylineFidelity) f = storyline_fidelity_compare_in_language (storyline_quote_get_text (q),
                                                                                  storyline_rendition_get_text (r),
                                                                                  language);
          g_autofree char *verdict = storyline_fidelity_describe (f);

          g_string_append (out, "<li><span dir=\"auto\">");
          storyline_publish_text (out, storyline_source_get_short_name (ref.source));
          g_string_append (out, "</span> ");
          append_cite (out, &ref, citations);
          g_string_append_printf (out, ": <span class=\"verdict %s\">", storyline_verdict_to_string (f->verdict));
          storyline_publish_text (out, verdict);
          g_string_append (out, "</span>");
          if (f->verdict != STORYLINE_VERDICT_VERBATIM)
            {
              g_string_append (out, "<br><q");
              text_attributes (out, language);
              g_string_append (out, ">");
              storyline_publish_diff (out, f);
              g_string_append (out, "</q>");
            }
          if (storyline_rendition_get_note (r) != NULL)
            {
              g_string_append (out, "<br><span dir=\"auto\">");
              storyline_publish_text (out, storyline_rendition_get_note (r));
              g_string_append (out, "</span>");
            }
          g_string_append (out, "</li>");
        }
      g_string_append (out, "</ul>");
    }
  g_string_append (out, "</figure>\n");
}

static void
append_event (GString                *out,
              StorylineEvent         *e,
              const char             *language,
              StorylinePublishCitations *citations)
{
  g_string_append (out, "<article id=\"");
  append_id (out, "event-", storyline_event_get_id (e));
  /* The date in the reader's words, the title in the story's, each
   * aligned by its own direction. */
  g_string_append (out, "\"><p class=\"date\">");
  append_date (out, storyline_event_get_date (e));
  g_string_append (out, "</p>");
  append_story_element (out, "h3", NULL, language, storyline_event_get_title (e));
  if (storyline_event_get_place (e) != NULL)
    append_story_element (out, "p", "place", language, storyline_event_get_place (e));
  append_story_paragraphs (out, language, storyline_event_get_summary (e));
  for (guint j = 0; j < storyline_event_get_n_notes (e); j++)
    {
      const StorylineNote *note = storyline_event_get_note (e, j);

      g_string_append_printf (out, "<aside class=\"note %s\"><p><strong>", storyline_note_kind_to_string (note->kind));
      storyline_publish_text (out, storyline_publish_note_kind (note->kind));
      g_string_append (out, ":</strong> <span");
      text_attributes (out, language);
      g_string_append (out, ">");
      storyline_publish_text (out, note->text);
      g_string_append (out, "</span>");
      for (guint k = 0; note->sources != NULL && k < note->sources->len; k++)
        {
          g_string_append_c (out, ' ');
          append_cite (out, &g_array_index (note->sources, StorylineSourceRef, k), citations);
        }
      g_string_append (out, "</p></aside>\n");
    }
  for (guint j = 0; j < storyline_event_get_n_quotes (e); j++)
    append_quote (out, storyline_event_get_quote (e, j), citations);
  if (storyline_event_get_n_sources (e) > 0)
    {
      g_string_append (out, "<p class=\"cites\">");
      storyline_publish_text (out, _("Sources:"));
      for (guint j = 0; j < storyline_event_get_n_sources (e); j++)
        {
          g_string_append (out, j == 0 ? " " : "; ");
          append_cite (out, storyline_event_get_source (e, j), citations);
        }
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</article>\n");
}

/* The reference list: every source, in the style's order (by entry; for
 * Chicago's notes, as the story lists them). */
static void
append_references (GString                   *out,
                   StorylineStory            *story,
                   StorylinePublishCitations *citations)
{
  g_autoptr(GPtrArray) order = storyline_publish_reference_order (story, citations);

  if (order->len == 0)
    return;
  g_string_append (out, "<section class=\"references\" aria-labelledby=\"references\"><h2 id=\"references\">");
  storyline_publish_text (out, _("References"));
  g_string_append (out, "</h2>\n<ul>\n");
  for (guint i = 0; i < order->len; i++)
    {
      StorylineSource *source = order->pdata[i];

      g_string_append (out, "<li id=\"");
      append_id (out, "source-", storyline_source_get_id (source));
      g_string_append (out, "\" dir=\"auto\">");
      storyline_publish_citation (out, citations, source);
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul></section>\n");
}

static gboolean
has_differences (GPtrArray *quotes)
{
  for (guint i = 0; i < quotes->len; i++)
    for (guint k = 0; k < storyline_quote_get_n_renditions (quotes->pdata[i]); k++)
      {
        StorylineQuote *q = quotes->pdata[i];
        g_autoptr(StorylineFidelity) f =
          storyline_fidelity_compare_in_language (storyline_quote_get_text (q),
                                                  storyline_rendition_get_text (storyline_quote_get_rendition (q, k)),
                                                  storyline_quote_get_text_language (q));

        if (f->verdict != STORYLINE_VERDICT_VERBATIM)
          return TRUE;
      }
  return FALSE;
}

void
storyline_export_html (StorylineStory         *story,
                       StorylineCitationStyle  style,
                       GString                *out)
{
  g_autoptr(StorylinePublishCitations) citations = storyline_publish_citations_new (style, STORYLINE_MARKUP_HTML);
  g_autoptr(GPtrArray) events = storyline_story_dup_events_sorted (story);
  const char *language = storyline_story_get_language (story);
  gboolean rtl = FALSE;
  g_autofree char *page_language = reader_language (&rtl);
  StorylinePhase *section = NULL;
  gboolean open = FALSE;

  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\" dir=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                               "<meta name=\"generator\" content=\"Storyline " PACKAGE_VERSION "\">\n"
                               "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                               "<title>",
                          page_language, rtl ? "rtl" : "ltr");
  storyline_publish_text (out, storyline_story_get_title (story));
  g_string_append_printf (out, "</title>\n<style>%s</style>\n</head>\n<body>\n<header>\n", page_style);
  append_story_element (out, "h1", NULL, language, storyline_story_get_title (story));
  if (storyline_story_get_subtitle (story) != NULL)
    append_story_element (out, "p", "subtitle", language, storyline_story_get_subtitle (story));
  append_story_paragraphs (out, language, storyline_story_get_summary (story));
  if (storyline_story_get_publisher (story) != NULL || storyline_publish_is_web_link (storyline_story_get_url (story)))
    {
      g_string_append (out, "<p class=\"published\">");
      if (storyline_story_get_publisher (story) != NULL)
        {
          g_string_append (out, "<span dir=\"auto\">");
          storyline_publish_text (out, storyline_story_get_publisher (story));
          g_string_append (out, "</span> ");
        }
      if (storyline_publish_is_web_link (storyline_story_get_url (story)))
        {
          g_string_append (out, "<a href=\"");
          storyline_publish_text (out, storyline_story_get_url (story));
          g_string_append (out, "\">");
          storyline_publish_text (out, storyline_story_get_url (story));
          g_string_append (out, "</a>");
        }
      g_string_append (out, "</p>\n");
    }
  if (has_differences (storyline_story_get_quotes (story)))
    {
      g_string_append (out, "<p class=\"legend\">");
      storyline_publish_text (out, _("How to read the quotes: under each, every outlet that repeated it, with its verdict. "
                                     "Where the words differ, the original’s words the outlet left out or changed are struck through, "
                                     "and the words it put in are underlined."));
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</header>\n<main>\n");

  /* The chronology, a section per run of events in one phase. */
  for (guint i = 0; i < events->len; i++)
    {
      StorylineEvent *e = events->pdata[i];
      StorylinePhase *phase = storyline_event_get_phase (e);

      if (!open || phase != section)
        {
          if (open)
            g_string_append (out, "</section>\n");
          g_string_append (out, "<section class=\"phase\">\n");
          open = TRUE;
          section = phase;
          if (phase != NULL)
            {
              append_story_element (out, "h2", NULL, language, storyline_phase_get_title (phase));
              g_string_append (out, "<p class=\"dates\">");
              append_date (out, storyline_phase_get_start (phase));
              g_string_append (out, " – ");
              append_date (out, storyline_phase_get_end (phase));
              g_string_append (out, "</p>\n");
              append_story_paragraphs (out, language, storyline_phase_get_summary (phase));
            }
          else if (storyline_story_get_phases (story)->len > 0)
            {
              g_string_append (out, "<h2>");
              storyline_publish_text (out, _("Outside the phases"));
              g_string_append (out, "</h2>\n");
            }
        }
      append_event (out, e, storyline_event_get_language (e), citations);
    }
  if (open)
    g_string_append (out, "</section>\n");
  g_string_append (out, "</main>\n<footer>\n");
  append_references (out, story, citations);
  g_string_append (out, "</footer>\n</body>\n</html>\n");
}
