/* storyline-story-text.c: showing a story's own text in widgets
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-search.h"
#include "storyline-story-text.h"

/* The direction of the first letter, as Unicode's bidi rules take the first
 * strong character; by script, as GLib has no bidi classes. */
static GtkTextDirection
text_direction (const char *text)
{
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        continue;
      switch (g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO:
          return GTK_TEXT_DIR_RTL;
        case G_UNICODE_SCRIPT_COMMON:
        case G_UNICODE_SCRIPT_INHERITED:
          continue;
        default:
          return GTK_TEXT_DIR_LTR;
        }
    }
  return GTK_TEXT_DIR_NONE;
}

/* Longer than this is cut for display: a 20 MB title would take Pango
 * minutes to lay out. The model keeps the whole text. */
#define MAX_SHOWN_CHARS 4000

/**
 * storyline_text_for_display:
 *
 * Returns: (transfer full): @text as shown: without the bidirectional
 *   overrides that can disguise it (U+202D, U+202E), and cut when very long
 */
char *
storyline_text_for_display (const char *text)
{
  GString *s = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x202D || c == 0x202E)
        continue;
      if (++n > MAX_SHOWN_CHARS)
        {
          g_string_append (s, "…");
          break;
        }
      g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

/**
 * storyline_label_set_citation:
 * @lead: (nullable): text of the interface before the citation, such as
 *   "First issued in:"
 *
 * Shows @source cited in @style on @label, with its italics. The markup is
 * built by the citation module from escaped text, so no text of the story
 * is parsed as markup; a citation too long to lay out, or holding a
 * bidirectional override, is shown as plain text instead.
 */
void
storyline_label_set_citation (GtkLabel               *label,
                              const char             *lead,
                              StorylineSource        *source,
                              StorylineCitationStyle  style)
{
  g_autofree char *text = storyline_source_format_in_style (source, style, STORYLINE_MARKUP_TEXT);
  g_autofree char *shown = storyline_text_for_display (text);

  if (g_str_equal (shown, text))
    {
      g_autofree char *markup = storyline_source_format_in_style (source, style, STORYLINE_MARKUP_PANGO);
      g_autofree char *escaped_lead = lead ? g_markup_escape_text (lead, -1) : NULL;
      /* After a lead in the reader's language the citation is isolated,
       * so that it keeps its own direction in a right-to-left line. */
      g_autofree char *full = lead ? g_strdup_printf ("%s \u2068%s\u2069", escaped_lead, markup) : g_strdup (markup);

      gtk_label_set_markup (label, full);
      gtk_widget_set_direction (GTK_WIDGET (label), lead ? GTK_TEXT_DIR_NONE : GTK_TEXT_DIR_LTR);
    }
  else
    {
      g_autofree char *full = lead ? g_strdup_printf ("%s \u2068%s\u2069", lead, shown) : g_strdup (text);
      storyline_label_set_story_text (label, full);
    }
}

/**
 * storyline_label_set_story_text:
 *
 * Sets text from a story on @label: always as plain text, never markup,
 * without bidirectional overrides, cut past 4,000 characters, and aligned
 * by the direction of the text itself, so that an English
 * title stays left-aligned in an Urdu interface and an Urdu one
 * right-aligned in an English interface.
 */
void
storyline_label_set_story_text (GtkLabel   *label,
                                const char *text)
{
  g_autofree char *shown = text ? storyline_text_for_display (text) : NULL;

  gtk_label_set_use_markup (label, FALSE);
  gtk_label_set_text (label, shown);
  gtk_widget_set_direction (GTK_WIDGET (label), text_direction (shown));
}

/**
 * storyline_label_set_language:
 * @language: (nullable): a BCP 47 tag, from the story or the quote
 *
 * Tells Pango which language @label's text is in, so that fonts and line
 * breaking suit it. The story's own text is never translated.
 */
void
storyline_label_set_language (GtkLabel   *label,
                              const char *language)
{
  PangoAttrList *attrs;

  if (language == NULL || *language == '\0')
    {
      gtk_label_set_attributes (label, NULL);
      return;
    }

  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string (language)));
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

/**
 * storyline_widget_set_story_tooltip:
 *
 * A tooltip made of story text, as storyline_text_for_display() shows it.
 */
void
storyline_widget_set_story_tooltip (GtkWidget  *widget,
                                    const char *text)
{
  g_autofree char *shown = text ? storyline_text_for_display (text) : NULL;
  gtk_widget_set_tooltip_text (widget, shown);
}

/* Set on a label while it has highlights. */
static GQuark
highlighted_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("storyline-highlighted");
  return quark;
}

static gboolean
not_highlight (PangoAttribute *attr,
               gpointer        data)
{
  return attr->klass->type == PANGO_ATTR_BACKGROUND || attr->klass->type == PANGO_ATTR_FOREGROUND;
}

/**
 * storyline_label_highlight:
 * @search: (nullable): the search as typed
 *
 * Marks on @label's text where the words of @search are, as the search
 * finds them (case and accents aside): dark text on yellow, in light and
 * dark styles alike. The label's other attributes (its language) stay.
 */
void
storyline_label_highlight (GtkLabel   *label,
                           const char *search)
{
  PangoAttrList *current = gtk_label_get_attributes (label);
  g_autoptr(GArray) ranges = NULL;
  PangoAttrList *attrs;

  if (search == NULL || search[strspn (search, " ")] == '\0')
    {
      /* Nothing to do when nothing was highlighted: rows are bound while
       * scrolling. */
      if (current != NULL && g_object_get_qdata (G_OBJECT (label), highlighted_quark ()) != NULL)
        {
          attrs = pango_attr_list_copy (current);
          pango_attr_list_unref (pango_attr_list_filter (attrs, not_highlight, NULL));
          gtk_label_set_attributes (label, attrs);
          pango_attr_list_unref (attrs);
        }
      g_object_set_qdata (G_OBJECT (label), highlighted_quark (), NULL);
      return;
    }

  attrs = current != NULL ? pango_attr_list_copy (current) : pango_attr_list_new ();
  pango_attr_list_unref (pango_attr_list_filter (attrs, not_highlight, NULL));
  ranges = storyline_search_find (gtk_label_get_text (label), search);
  for (guint i = 0; i < ranges->len; i++)
    {
      StorylineTextRange *r = &g_array_index (ranges, StorylineTextRange, i);
      PangoAttribute *background = pango_attr_background_new (0xf8f8, 0xe4e4, 0x5c5c);
      PangoAttribute *foreground = pango_attr_foreground_new (0, 0, 0);

      background->start_index = foreground->start_index = r->start;
      background->end_index = foreground->end_index = r->end;
      pango_attr_list_insert (attrs, background);
      pango_attr_list_insert (attrs, foreground);
    }
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
  g_object_set_qdata (G_OBJECT (label), highlighted_quark (), GUINT_TO_POINTER (ranges->len > 0));
}

/**
 * storyline_label_count_highlights:
 *
 * Returns: how many runs of @label's text are highlighted
 */
guint
storyline_label_count_highlights (GtkLabel *label)
{
  PangoAttrList *attrs = gtk_label_get_attributes (label);
  g_autoptr(GSList) list = NULL;
  guint n = 0;

  if (attrs == NULL)
    return 0;
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      if (((PangoAttribute *) l->data)->klass->type == PANGO_ATTR_BACKGROUND)
        n++;
      pango_attribute_destroy (l->data);
    }
  return n;
}
