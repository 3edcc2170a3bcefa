/* storyline-export-markdown.c: a story as a Markdown chronology
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-citation.h"
#include "storyline-export-private.h"
#include "storyline-fidelity.h"
#include "storyline-story.h"

/* markdown: the chronology, with the quotes and their fidelity, the
 * corrections, and the sources as footnotes. */
static void
md_text (GString    *out,
         const char *text)
{
  /* Characters that would start Markdown syntax are escaped. */
  for (const char *p = text; *p; p++)
    {
      if (strchr ("\\`*_[]<>#|", *p))
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p == '\n' ? ' ' : *p);
    }
}

/* A citation's HTML as Markdown: italics and bold kept (a title in
 * italics is part of the style), other markup dropped, the text escaped. */
static void
md_from_html (GString    *out,
              const char *html)
{
  /* Each open element: 'i' italic, 'r' upright inside italics, 'b' bold,
   * 'l' light inside bold, 'x' anything else. */
  g_autoptr(GString) stack = g_string_new (NULL);
  gboolean italic = FALSE, bold = FALSE;

  for (const char *p = html; *p; )
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');
          gboolean closing = p[1] == '/';
          gboolean want_italic = FALSE, want_bold = FALSE;

          if (end == NULL)
            break;
          if (closing)
            {
              if (stack->len > 0)
                g_string_truncate (stack, stack->len - 1);
            }
          else if (g_str_has_prefix (p, "<i>") || g_str_has_prefix (p, "<em>"))
            g_string_append_c (stack, 'i');
          else if (g_str_has_prefix (p, "<b>") || g_str_has_prefix (p, "<strong>"))
            g_string_append_c (stack, 'b');
          else if (g_str_has_prefix (p, "<span style=\"font-style:normal;\">"))
            g_string_append_c (stack, 'r');
          else if (g_str_has_prefix (p, "<span style=\"font-weight:normal;\">"))
            g_string_append_c (stack, 'l');
          else if (end[-1] != '/')
            g_string_append_c (stack, 'x');
          for (gsize k = 0; k < stack->len; k++)
            {
              if (stack->str[k] == 'i' || stack->str[k] == 'r')
                want_italic = stack->str[k] == 'i';
              if (stack->str[k] == 'b' || stack->str[k] == 'l')
                want_bold = stack->str[k] == 'b';
            }
          /* Closed inner first, opened outer first. */
          if (bold && !want_bold)
            g_string_append (out, "**");
          if (italic != want_italic)
            g_string_append_c (out, '*');
          if (!bold && want_bold)
            g_string_append (out, "**");
          italic = want_italic;
          bold = want_bold;
          p = end + 1;
        }
      else if (*p == '&')
        {
          static const struct { const char *entity; char c; } entities[] = {
            { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&#39;", '\'' }, { "&#38;", '&' },
          };
          gboolean done = FALSE;

          for (guint k = 0; k < G_N_ELEMENTS (entities) && !done; k++)
            if (g_str_has_prefix (p, entities[k].entity))
              {
                char text[2] = { entities[k].c, 0 };
                md_text (out, text);
                p += strlen (entities[k].entity);
                done = TRUE;
              }
          if (!done)
            {
              md_text (out, "&");
              p++;
            }
        }
      else
        {
          const char *next = p;
          g_autofree char *run = NULL;

          while (*next && *next != '<' && *next != '&')
            next++;
          run = g_strndup (p, next - p);
          md_text (out, run);
          p = next;
        }
    }
  if (bold)
    g_string_append (out, "**");
  if (italic)
    g_string_append_c (out, '*');
}

/* The number of @source's footnote, given it at its first mention. */
static guint
md_footnote (GHashTable      *footnotes,
             GPtrArray       *cited,
             StorylineSource *source)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (footnotes, source));

  if (n == 0)
    {
      g_ptr_array_add (cited, source);
      n = cited->len;
      g_hash_table_insert (footnotes, source, GUINT_TO_POINTER (n));
    }
  return n;
}

/* Whether any rendition differs in its words: then the notation of the
 * differences is explained once, at the top. */
static gboolean
md_has_differences (GPtrArray *events)
{
  for (guint i = 0; i < events->len; i++)
    for (guint j = 0; j < storyline_event_get_n_quotes (events->pdata[i]); j++)
      {
        StorylineQuote *q = storyline_event_get_quote (events->pdata[i], j);

        for (guint k = 0; k < storyline_quote_get_n_renditions (q); k++)
          {
            g_autoptr(StorylineFidelity) f =
              storyline_fidelity_compare_in_language (storyline_quote_get_text (q),
                                                      storyline_rendition_get_text (storyline_quote_get_rendition (q, k)),
                                                      storyline_quote_get_text_language (q));

            if (f->verdict != STORYLINE_VERDICT_VERBATIM && f->verdict != STORYLINE_VERDICT_PUNCTUATION)
              return TRUE;
          }
      }
  return FALSE;
}

void
storyline_export_markdown (StorylineStory         *story,
                           StorylineCitationStyle  style,
                           GString                *out)
{
  g_autoptr(GPtrArray) events = storyline_story_dup_events_sorted (story);
  g_autoptr(GHashTable) footnotes = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) cited = g_ptr_array_new ();

  g_string_append (out, "# ");
  md_text (out, storyline_story_get_title (story));
  g_string_append (out, "\n\n");
  if (storyline_story_get_subtitle (story) != NULL)
    {
      g_string_append_c (out, '*');
      md_text (out, storyline_story_get_subtitle (story));
      g_string_append (out, "*\n\n");
    }
  if (storyline_story_get_summary (story) != NULL)
    {
      g_auto(GStrv) paragraphs = g_strsplit (storyline_story_get_summary (story), "\n\n", -1);
      for (guint i = 0; paragraphs[i]; i++)
        {
          md_text (out, paragraphs[i]);
          g_string_append (out, "\n\n");
        }
    }
  if (md_has_differences (events))
    g_string_append (out, "*How to read the differences:* where an outlet's words differ from the "
                          "original's, `[-words-]` are the original's, left out or changed, and "
                          "`{+words+}` are the outlet's, put in. The verdicts follow how editors mark "
                          "changes: verbatim, punctuation, spelling, excerpt, marked (every change shown "
                          "with an ellipsis or square brackets) and altered.\n\n");

  for (guint i = 0; i < events->len; i++)
    {
      StorylineEvent *e = events->pdata[i];
      g_autofree char *date = storyline_date_format (storyline_event_get_date (e));

      g_string_append (out, "## ");
      md_text (out, date);
      g_string_append (out, ": ");
      md_text (out, storyline_event_get_title (e));
      for (guint j = 0; j < storyline_event_get_n_sources (e); j++)
        {
          g_string_append_printf (out, "[^%u]", md_footnote (footnotes, cited, storyline_event_get_source (e, j)->source));
        }
      g_string_append (out, "\n\n");
      if (storyline_event_get_place (e) != NULL)
        {
          g_string_append (out, "*");
          md_text (out, storyline_event_get_place (e));
          g_string_append (out, "*\n\n");
        }
      if (storyline_event_get_summary (e) != NULL)
        {
          md_text (out, storyline_event_get_summary (e));
          g_string_append (out, "\n\n");
        }
      for (guint j = 0; j < storyline_event_get_n_notes (e); j++)
        {
          const StorylineNote *note = storyline_event_get_note (e, j);
          g_string_append_printf (out, "**%s:** ", storyline_note_kind_to_string (note->kind));
          md_text (out, note->text);
          g_string_append (out, "\n\n");
        }
      for (guint j = 0; j < storyline_event_get_n_quotes (e); j++)
        {
          StorylineQuote *q = storyline_event_get_quote (e, j);

          g_string_append (out, "> “");
          md_text (out, storyline_quote_get_text (q));
          g_string_append (out, "”\n>\n> — ");
          md_text (out, storyline_actor_get_name (storyline_quote_get_speaker (q)));
          g_string_append (out, "\n\n");
          for (guint k = 0; k < storyline_quote_get_n_renditions (q); k++)
            {
              StorylineRendition *r = storyline_quote_get_rendition (q, k);
              g_autoptr(StorylineFidelity) f = storyline_fidelity_compare_in_language (storyline_quote_get_text (q), storyline_rendition_get_text (r),
                                                                                      storyline_quote_get_text_language (q));
              g_autofree char *explained = storyline_fidelity_describe (f);

              g_string_append (out, "- ");
              md_text (out, storyline_source_get_short_name (storyline_rendition_get_source (r)));
              /* Where the outlet printed it: its footnote. */
              g_string_append_printf (out, "[^%u]", md_footnote (footnotes, cited, storyline_rendition_get_source (r)));
              g_string_append_printf (out, ": %s — ", storyline_verdict_to_string (f->verdict));
              md_text (out, explained);
              if (f->verdict != STORYLINE_VERDICT_VERBATIM && f->verdict != STORYLINE_VERDICT_PUNCTUATION)
                {
                  g_autofree char *diff = storyline_fidelity_to_word_diff (f);
                  g_string_append (out, " `");
                  for (const char *p = diff; *p; p++)
                    g_string_append_c (out, *p == '`' ? '\'' : *p);
                  g_string_append_c (out, '`');
                }
              g_string_append_c (out, '\n');
              if (storyline_rendition_get_note (r) != NULL)
                {
                  g_string_append (out, "  *About this text:* ");
                  md_text (out, storyline_rendition_get_note (r));
                  g_string_append_c (out, '\n');
                }
            }
          if (storyline_quote_get_n_renditions (q) > 0)
            g_string_append_c (out, '\n');
        }
    }

  for (guint i = 0; i < cited->len; i++)
    {
      g_autofree char *citation = storyline_source_format_in_style (cited->pdata[i], style, STORYLINE_MARKUP_HTML);

      g_string_append_printf (out, "[^%u]: ", i + 1);
      md_from_html (out, citation);
      g_string_append_c (out, '\n');
    }
}
