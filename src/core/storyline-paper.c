/* storyline-paper.c: a story laid out on pages, for print and PDF
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "storyline-export-private.h"
#include "storyline-fidelity.h"
#include "storyline-paper.h"

/* What goes on paper: a title block with the summary, the chronology by
 * phase — each event's date, title, place, summary, notes and
 * corrections, its quotes with who said them, where they were first
 * issued, and each outlet's rendition with its verdict in words and its
 * differences (struck through and underlined, not by colour alone) — and
 * the references in the chosen style, web sources linked in a PDF.
 *
 * The story is first turned into blocks (paragraphs with their look),
 * cheap to hold; pagination lays each out with Pango once to place its
 * lines, and drawing a page lays out again only the blocks on it, so that
 * a story of 10,000 events never holds 50,000 layouts at once. Every
 * paragraph takes its direction from its own text (Pango's auto
 * direction), so Urdu reads right to left beside English. The story's
 * text is never read as markup: it goes to Pango as text; only citations,
 * which the citation engine writes escaped, are markup. */

typedef enum
{
  FONT_BODY,
  FONT_SMALL,
  FONT_TITLE,
  FONT_SUBTITLE,
  FONT_HEADING,
  FONT_EVENT,
  FONT_DATE,
  FONT_QUOTE,
  FONT_FOOTER,
  N_FONTS
} Font;

static const char * const font_names[N_FONTS] = {
  "Serif 10.5", "Serif 9.5", "Sans Bold 20", "Serif Italic 12", "Sans Bold 14",
  "Sans Bold 11.5", "Sans 9", "Serif Italic 10.5", "Sans 8.5",
};

typedef enum
{
  LOOK_PLAIN,
  LOOK_QUOTE,        /* a bar at its start side */
  LOOK_NOTE,         /* a thin bar at its start side */
  LOOK_RULE_BELOW,   /* a heading with a line under it */
} Look;

typedef struct
{
  char *text;             /* text, or Pango markup when @markup */
  PangoAttrList *attrs;   /* for text; or NULL */
  char *link;             /* an http(s) address the block links to, or NULL */
  guint8 font;            /* Font */
  guint8 look;            /* Look */
  guint8 markup : 1;
  guint8 keep_with_next : 1;
  guint8 grey : 1;
  float indent;           /* points at both sides */
  float hanging;          /* points the lines after the first are indented by */
  float space_before;
} Block;

/* Lines of one block on one page. */
typedef struct
{
  guint block;
  guint first_line;
  guint n_lines;
  double y;               /* of the top of the first line, from the area's top */
} Piece;

struct _StorylinePaper
{
  StorylinePublishCitations *cites;   /* while the blocks are made */
  GArray *blocks;         /* of Block */
  GArray *pieces;         /* of Piece, in order */
  GArray *page_starts;    /* of guint: each page's first piece */
  PangoContext *context;
  PangoFontDescription *fonts[N_FONTS];
  double width, height;   /* of the area drawn on, in points */
  double footer;          /* points kept at the bottom for the page number */
  guint next_block;       /* pagination's progress */
  double y;               /* on the current page */
};

/* Building the blocks */

static char *
clean (const char *text)
{
  GString *s = g_string_new (text);

  storyline_publish_drop_overrides (s, 0);
  return g_string_free (s, FALSE);
}

static Block *
add_block (StorylinePaper *paper,
           Font            font,
           const char     *text,
           double          space_before)
{
  Block block = { 0 };

  block.text = clean (text ? text : "");
  block.font = font;
  block.space_before = space_before;
  g_array_append_val (paper->blocks, block);
  return &g_array_index (paper->blocks, Block, paper->blocks->len - 1);
}

static Block *
add_markup_block (StorylinePaper *paper,
                  Font            font,
                  char           *markup,
                  double          space_before)
{
  Block *block = add_block (paper, font, NULL, space_before);

  g_free (block->text);
  block->text = markup;
  block->markup = TRUE;
  return block;
}

/* "Label: text" with the label in bold: as text with an attribute. */
static Block *
add_labelled (StorylinePaper *paper,
              Font            font,
              const char     *label,
              const char     *text,
              double          space_before)
{
  g_autofree char *both = g_strdup_printf ("%s: %s", label, text ? text : "");
  Block *block = add_block (paper, font, both, space_before);
  PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

  bold->start_index = 0;
  bold->end_index = strlen (label) + 1;
  block->attrs = pango_attr_list_new ();
  pango_attr_list_insert (block->attrs, bold);
  return block;
}

static void
add_paragraphs (StorylinePaper *paper,
                Font            font,
                const char     *text,
                double          space_before)
{
  g_auto(GStrv) paragraphs = NULL;

  if (text == NULL)
    return;
  paragraphs = g_strsplit (text, "\n\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    if (*g_strstrip (paragraphs[i]) != '\0')
      add_block (paper, font, paragraphs[i], i == 0 ? space_before : 4);
}

/* A citation in the paper's style as Pango markup (its italics), after @lead. */
static char *
citation_markup (StorylinePaper  *paper,
                 const char      *lead,
                 StorylineSource *source,
                 gboolean         bibliography)
{
  const char *citation = bibliography
                         ? storyline_publish_citations_entry (paper->cites, source)
                         : storyline_publish_citations_cite (paper->cites, source, NULL);
  g_autofree char *escaped = lead ? g_markup_escape_text (lead, -1) : NULL;

  return g_strconcat (escaped ? escaped : "", citation, NULL);
}

static void
add_span_attributes (PangoAttrList     *attrs,
                     StorylineDiffKind  kind,
                     StorylineDiffSide  side,
                     gsize              start,
                     gsize              end)
{
  PangoAttribute *line, *colour;

  if (kind == STORYLINE_DIFF_MARKER)
    return;
  if (side == STORYLINE_DIFF_SIDE_ORIGINAL)
    {
      line = pango_attr_strikethrough_new (TRUE);
      colour = pango_attr_foreground_new (0x9000, 0x0000, 0x0000);
    }
  else
    {
      line = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
      colour = pango_attr_foreground_new (0x0000, 0x5000, 0x0000);
    }
  line->start_index = colour->start_index = start;
  line->end_index = colour->end_index = end;
  pango_attr_list_insert (attrs, line);
  pango_attr_list_insert (attrs, colour);
}

typedef struct
{
  PangoAttrList *attrs;
  gsize offset;
} DiffSpans;

static void
diff_span (StorylineDiffKind kind,
           StorylineDiffSide side,
           gsize             start,
           gsize             end,
           gpointer          user_data)
{
  DiffSpans *spans = user_data;

  add_span_attributes (spans->attrs, kind, side, start + spans->offset, end + spans->offset);
}

static void
add_quote (StorylinePaper *paper,
           StorylineQuote *q)
{
  static const char * const no_markers[] = { "", "", "", "" };
  StorylineSource *origin = storyline_quote_get_origin (q);
  g_autofree char *quoted = g_strdup_printf ("“%s”", storyline_quote_get_text (q));
  g_autoptr(GString) by = g_string_new ("— ");
  Block *block;

  block = add_block (paper, FONT_QUOTE, quoted, 8);
  block->look = LOOK_QUOTE;
  block->indent = 18;

  g_string_append (by, storyline_actor_get_name (storyline_quote_get_speaker (q)));
  if (storyline_date_is_set (storyline_quote_get_said (q)))
    {
      g_autofree char *said = storyline_date_format (storyline_quote_get_said (q));
      g_string_append_printf (by, ", %s", said);
    }
  if (origin != NULL)
    {
      g_autofree char *by_text = clean (by->str);
      g_autofree char *escaped = g_markup_escape_text (by_text, -1);
      /* Translators: where a quote was first issued; a citation follows */
      g_autofree char *lead = g_strdup_printf (". %s ", _("First issued in:"));
      g_autofree char *cite = citation_markup (paper, lead, origin, FALSE);

      block = add_markup_block (paper, FONT_SMALL, g_strconcat (escaped, cite, NULL), 2);
    }
  else
    block = add_block (paper, FONT_SMALL, by->str, 2);
  block->indent = 18;

  for (guint k = 0; k < storyline_quote_get_n_renditions (q); k++)
    {
      StorylineRendition *r = storyline_quote_get_rendition (q, k);
      g_autoptr(StorylineFidelity) f = storyline_fidelity_compare_in_language (storyline_quote_get_text (q),
                                                                              storyline_rendition_get_text (r),
                                                                              storyline_quote_get_text_language (q));
      g_autofree char *verdict = storyline_fidelity_describe (f);

      block = add_labelled (paper, FONT_SMALL, storyline_source_get_short_name (storyline_rendition_get_source (r)), verdict, 3);
      block->indent = 18;
      if (f->verdict != STORYLINE_VERDICT_VERBATIM)
        {
          g_autoptr(GString) diff = g_string_new ("“");
          DiffSpans spans = { pango_attr_list_new (), 0 };   /* the spans count from the GString's start */
          g_autofree char *text = NULL;

          storyline_fidelity_write_diff (f, diff, no_markers, diff_span, &spans);
          g_string_append (diff, "”");
          /* The overrides are taken out of the words before their spans
           * are counted: the texts are checked to hold none (cleaned). */
          text = clean (diff->str);
          if (strlen (text) != diff->len)
            {
              pango_attr_list_unref (spans.attrs);
              spans.attrs = NULL;
            }
          block = add_block (paper, FONT_SMALL, text, 1);
          block->attrs = spans.attrs;
          block->indent = 30;
        }
    }
}

static void
add_event (StorylinePaper *paper,
           StorylineEvent *e)
{
  g_autofree char *date = storyline_date_format (storyline_event_get_date (e));
  Block *block;

  block = add_block (paper, FONT_DATE, date, 14);
  block->keep_with_next = TRUE;
  block->grey = TRUE;
  block = add_block (paper, FONT_EVENT, storyline_event_get_title (e), 1);
  block->keep_with_next = TRUE;
  if (storyline_event_get_place (e) != NULL)
    {
      block = add_block (paper, FONT_DATE, storyline_event_get_place (e), 1);
      block->grey = TRUE;
    }
  add_paragraphs (paper, FONT_BODY, storyline_event_get_summary (e), 4);
  for (guint j = 0; j < storyline_event_get_n_notes (e); j++)
    {
      const StorylineNote *note = storyline_event_get_note (e, j);

      block = add_labelled (paper, FONT_BODY, storyline_publish_note_kind (note->kind), note->text, 5);
      block->look = LOOK_NOTE;
      block->indent = 8;
    }
  for (guint j = 0; j < storyline_event_get_n_quotes (e); j++)
    add_quote (paper, storyline_event_get_quote (e, j));
  if (storyline_event_get_n_sources (e) > 0)
    {
      g_autoptr(GString) markup = g_string_new (NULL);
      g_autofree char *lead = g_markup_escape_text (_("Sources:"), -1);

      g_string_append (markup, lead);
      for (guint j = 0; j < storyline_event_get_n_sources (e); j++)
        {
          const StorylineSourceRef *ref = storyline_event_get_source (e, j);
          const char *cite = storyline_publish_citations_cite (paper->cites, ref->source, ref->locator);

          g_string_append (markup, j == 0 ? " " : "; ");
          g_string_append (markup, cite);
        }
      block = add_markup_block (paper, FONT_SMALL, g_string_free (g_steal_pointer (&markup), FALSE), 5);
      block->grey = TRUE;
    }
}

static void
add_references (StorylinePaper *paper,
                StorylineStory *story)
{
  g_autoptr(GPtrArray) order = storyline_publish_reference_order (story, paper->cites);
  Block *block;

  if (order->len == 0)
    return;
  block = add_block (paper, FONT_HEADING, _("References"), 24);
  block->keep_with_next = TRUE;
  block->look = LOOK_RULE_BELOW;
  for (guint i = 0; i < order->len; i++)
    {
      const char *url = storyline_source_get_url (order->pdata[i]);

      block = add_markup_block (paper, FONT_SMALL, citation_markup (paper, NULL, order->pdata[i], TRUE), i == 0 ? 8 : 4);
      block->hanging = 18;
      if (storyline_publish_is_web_link (url))
        block->link = g_strdup (url);
    }
}

static void
add_story (StorylinePaper *paper,
           StorylineStory *story)
{
  g_autoptr(GPtrArray) events = storyline_story_dup_events_sorted (story);
  StorylinePhase *section = NULL;
  gboolean first = TRUE;
  Block *block;

  add_block (paper, FONT_TITLE, storyline_story_get_title (story), 0);
  if (storyline_story_get_subtitle (story) != NULL)
    add_block (paper, FONT_SUBTITLE, storyline_story_get_subtitle (story), 4);
  add_paragraphs (paper, FONT_BODY, storyline_story_get_summary (story), 10);
  if (storyline_story_get_publisher (story) != NULL || storyline_publish_is_web_link (storyline_story_get_url (story)))
    {
      g_autofree char *published = g_strjoin (" ", storyline_story_get_publisher (story) ? storyline_story_get_publisher (story) : "",
                                              storyline_publish_is_web_link (storyline_story_get_url (story)) ? storyline_story_get_url (story) : "",
                                              NULL);

      block = add_block (paper, FONT_SMALL, g_strstrip (published), 6);
      block->grey = TRUE;
      if (storyline_publish_is_web_link (storyline_story_get_url (story)))
        block->link = g_strdup (storyline_story_get_url (story));
    }
  add_block (paper, FONT_SMALL,
             _("How to read the quotes: under each, every outlet that repeated it, with its verdict. "
               "Where the words differ, the original’s words the outlet left out or changed are struck through, "
               "and the words it put in are underlined."), 10)->grey = TRUE;

  for (guint i = 0; i < events->len; i++)
    {
      StorylineEvent *e = events->pdata[i];
      StorylinePhase *phase = storyline_event_get_phase (e);

      if (first || phase != section)
        {
          section = phase;
          if (phase != NULL)
            {
              g_autofree char *start = storyline_date_format (storyline_phase_get_start (phase));
              g_autofree char *end = storyline_date_format (storyline_phase_get_end (phase));
              g_autofree char *dates = g_strdup_printf ("%s – %s", start, end);

              block = add_block (paper, FONT_HEADING, storyline_phase_get_title (phase), 22);
              block->keep_with_next = TRUE;
              block->look = LOOK_RULE_BELOW;
              block = add_block (paper, FONT_DATE, dates, 6);
              block->keep_with_next = TRUE;
              block->grey = TRUE;
              add_paragraphs (paper, FONT_BODY, storyline_phase_get_summary (phase), 4);
            }
          else if (storyline_story_get_phases (story)->len > 0)
            {
              block = add_block (paper, FONT_HEADING, _("Outside the phases"), 22);
              block->keep_with_next = TRUE;
              block->look = LOOK_RULE_BELOW;
            }
        }
      first = FALSE;
      add_event (paper, e);
    }
  add_references (paper, story);
}

/**
 * storyline_paper_new:
 * @context: the Pango context of the surface it will be drawn on (its
 *   resolution and font options measure the text)
 * @width: the width of the area drawn on, in points
 * @height: its height; the page number takes the last lines of it
 *
 * Returns: (transfer full): @story ready to be paginated
 */
StorylinePaper *
storyline_paper_new (StorylineStory         *story,
                     StorylineCitationStyle  style,
                     PangoContext           *context,
                     double                  width,
                     double                  height)
{
  StorylinePaper *paper = g_new0 (StorylinePaper, 1);

  paper->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  paper->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  paper->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  paper->context = g_object_ref (context);
  for (guint i = 0; i < N_FONTS; i++)
    paper->fonts[i] = pango_font_description_from_string (font_names[i]);
  paper->width = width;
  paper->height = height;
  paper->footer = 24;
  paper->cites = storyline_publish_citations_new (style, STORYLINE_MARKUP_PANGO);
  add_story (paper, story);
  g_clear_pointer (&paper->cites, storyline_publish_citations_free);
  return paper;
}

void
storyline_paper_free (StorylinePaper *paper)
{
  if (paper == NULL)
    return;
  for (guint i = 0; i < paper->blocks->len; i++)
    {
      Block *block = &g_array_index (paper->blocks, Block, i);

      g_free (block->text);
      g_free (block->link);
      if (block->attrs != NULL)
        pango_attr_list_unref (block->attrs);
    }
  g_array_unref (paper->blocks);
  g_array_unref (paper->pieces);
  g_array_unref (paper->page_starts);
  for (guint i = 0; i < N_FONTS; i++)
    pango_font_description_free (paper->fonts[i]);
  g_object_unref (paper->context);
  g_free (paper);
}

/* Laying out */

static PangoLayout *
block_layout (StorylinePaper *paper,
              const Block    *block)
{
  PangoLayout *layout = pango_layout_new (paper->context);

  pango_layout_set_font_description (layout, paper->fonts[block->font]);
  pango_layout_set_width (layout, (int) ((paper->width - 2 * block->indent) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_auto_dir (layout, TRUE);
  if (block->hanging > 0)
    pango_layout_set_indent (layout, (int) (-block->hanging * PANGO_SCALE));
  if (block->markup)
    pango_layout_set_markup (layout, block->text, -1);
  else
    {
      pango_layout_set_text (layout, block->text, -1);
      if (block->attrs != NULL)
        pango_layout_set_attributes (layout, block->attrs);
    }
  return layout;
}

static double
line_height (PangoLayoutIter *iter)
{
  PangoRectangle logical;

  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

static void
new_page (StorylinePaper *paper)
{
  guint start = paper->pieces->len;

  g_array_append_val (paper->page_starts, start);
  paper->y = 0;
}

/* The height of @block's first line, for keeping a heading with it. */
static double
first_line_height (StorylinePaper *paper,
                   guint           index)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoLayoutIter *iter;
  double h;

  if (index >= paper->blocks->len)
    return 0;
  layout = block_layout (paper, &g_array_index (paper->blocks, Block, index));
  iter = pango_layout_get_iter (layout);
  h = line_height (iter) + g_array_index (paper->blocks, Block, index).space_before;
  pango_layout_iter_free (iter);
  return h;
}

static void
place_block (StorylinePaper *paper,
             guint           index)
{
  const Block *block = &g_array_index (paper->blocks, Block, index);
  g_autoptr(PangoLayout) layout = block_layout (paper, block);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double bottom = paper->height - paper->footer;
  Piece piece = { index, 0, 0, 0 };
  guint line = 0;

  if (paper->page_starts->len == 0)
    new_page (paper);
  if (paper->y > 0)
    paper->y += block->space_before;
  if (block->keep_with_next && paper->y > 0)
    {
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      if (paper->y + logical.height / (double) PANGO_SCALE + first_line_height (paper, index + 1) > bottom)
        new_page (paper);
    }
  piece.y = paper->y;
  do
    {
      double h = line_height (iter);

      if (paper->y + h > bottom && paper->y > 0)
        {
          if (piece.n_lines > 0)
            g_array_append_val (paper->pieces, piece);
          new_page (paper);
          piece.first_line = line;
          piece.n_lines = 0;
          piece.y = 0;
        }
      piece.n_lines++;
      paper->y += h;
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  g_array_append_val (paper->pieces, piece);
  pango_layout_iter_free (iter);
}

/**
 * storyline_paper_paginate:
 * @n_blocks: how many blocks to place in this call, or 0 for all
 *
 * Places the next @n_blocks paragraphs on pages.
 *
 * Returns: %TRUE when every block is placed
 */
gboolean
storyline_paper_paginate (StorylinePaper *paper,
                          guint           n_blocks)
{
  guint end = n_blocks == 0 ? paper->blocks->len : MIN (paper->blocks->len, paper->next_block + n_blocks);

  for (; paper->next_block < end; paper->next_block++)
    place_block (paper, paper->next_block);
  if (paper->page_starts->len == 0)
    new_page (paper);
  return paper->next_block >= paper->blocks->len;
}

/**
 * storyline_paper_get_progress:
 *
 * Returns: the share of the blocks placed, from 0 to 1
 */
double
storyline_paper_get_progress (StorylinePaper *paper)
{
  return paper->blocks->len == 0 ? 1.0 : paper->next_block / (double) paper->blocks->len;
}

guint
storyline_paper_get_n_pages (StorylinePaper *paper)
{
  return MAX (1, paper->page_starts->len);
}

/* Drawing */

static void
draw_bar (cairo_t *cr,
          double   x,
          double   top,
          double   height,
          double   width)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_rectangle (cr, x, top, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_piece (StorylinePaper *paper,
            cairo_t        *cr,
            const Piece    *piece)
{
  const Block *block = &g_array_index (paper->blocks, Block, piece->block);
  g_autoptr(PangoLayout) layout = block_layout (paper, block);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  gboolean rtl = pango_layout_get_line_readonly (layout, 0) != NULL &&
                 pango_layout_get_line_readonly (layout, 0)->resolved_dir == PANGO_DIRECTION_RTL;
  double top = -1, y = piece->y;
  guint line = 0;

  if (block->link != NULL)
    {
      g_autofree char *attributes = g_strdup_printf ("uri='%s'", block->link);
      cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
    }
  cairo_save (cr);
  if (block->grey)
    cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  else
    cairo_set_source_rgb (cr, 0, 0, 0);
  do
    {
      PangoRectangle logical;

      if (line < piece->first_line)
        {
          line++;
          continue;
        }
      if (line >= piece->first_line + piece->n_lines)
        break;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (top < 0)
        top = logical.y / (double) PANGO_SCALE;
      cairo_move_to (cr, block->indent + logical.x / (double) PANGO_SCALE,
                     y + (pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE - top));
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  cairo_restore (cr);
  if (block->link != NULL)
    cairo_tag_end (cr, CAIRO_TAG_LINK);

  /* The lines drawn, from their top: a bar beside a quote or a note, a
   * rule under a heading. */
  {
    PangoRectangle logical;
    double height;

    pango_layout_iter_free (iter);
    iter = pango_layout_get_iter (layout);
    for (guint i = 0; i < piece->first_line; i++)
      pango_layout_iter_next_line (iter);
    height = 0;
    for (guint i = 0; i < piece->n_lines; i++)
      {
        pango_layout_iter_get_line_extents (iter, NULL, &logical);
        height += logical.height / (double) PANGO_SCALE;
        if (!pango_layout_iter_next_line (iter))
          break;
      }
    if (block->look == LOOK_QUOTE || block->look == LOOK_NOTE)
      {
        double w = block->look == LOOK_QUOTE ? 2.5 : 1.2;
        double x = rtl ? paper->width - block->indent + 6 : block->indent - 6 - w;
        draw_bar (cr, x, y, height, w);
      }
    else if (block->look == LOOK_RULE_BELOW && piece->first_line + piece->n_lines == (guint) pango_layout_get_line_count (layout))
      draw_bar (cr, 0, y + height + 1.5, 0.6, paper->width);
  }
  pango_layout_iter_free (iter);
}

/**
 * storyline_paper_draw_page:
 * @cr: drawn on from the area's top left corner
 * @page: counted from 0
 *
 * Draws @page, with its number at the bottom.
 */
void
storyline_paper_draw_page (StorylinePaper *paper,
                           cairo_t        *cr,
                           guint           page)
{
  guint first, last;
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *number = NULL;
  int w, h;

  g_return_if_fail (page < storyline_paper_get_n_pages (paper));

  first = page < paper->page_starts->len ? g_array_index (paper->page_starts, guint, page) : 0;
  last = page + 1 < paper->page_starts->len ? g_array_index (paper->page_starts, guint, page + 1) : paper->pieces->len;
  for (guint i = first; i < last; i++)
    draw_piece (paper, cr, &g_array_index (paper->pieces, Piece, i));

  /* Translators: the number of a printed page, and how many there are */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, storyline_paper_get_n_pages (paper));
  footer = pango_layout_new (paper->context);
  pango_layout_set_font_description (footer, paper->fonts[FONT_FOOTER]);
  pango_layout_set_text (footer, number, -1);
  pango_layout_get_size (footer, &w, &h);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, (paper->width - w / (double) PANGO_SCALE) / 2, paper->height - h / (double) PANGO_SCALE);
  pango_cairo_show_layout (cr, footer);
  cairo_restore (cr);
}

/* PDF */

static cairo_status_t
append_to_string (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A4, with margins of 2 cm. */
#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.89
#define MARGIN 56.693

/**
 * storyline_paper_write_pdf:
 * @out: what the PDF's bytes are appended to
 * @cancellable: (nullable): stops it between blocks and pages
 *
 * @story as a PDF on A4 pages: fonts embedded, text selectable, web
 * sources linked, the story's title as the document's.
 *
 * Returns: %FALSE if cancelled or cairo failed, with @error set
 */
gboolean
storyline_paper_write_pdf (StorylineStory          *story,
                           StorylineCitationStyle   style,
                           GString                 *out,
                           GCancellable            *cancellable,
                           GError                 **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_string, out, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  g_autoptr(StorylinePaper) paper = NULL;
  g_autofree char *title = clean (storyline_story_get_title (story));
  const StorylineDate *updated = storyline_story_get_updated (story);
  gboolean cancelled = FALSE;
  cairo_status_t status;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Storyline " PACKAGE_VERSION);
  if (storyline_story_get_publisher (story) != NULL)
    {
      g_autofree char *publisher = clean (storyline_story_get_publisher (story));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, publisher);
    }
  /* The same story gives the same bytes: dated by its last revision. */
  if (updated != NULL && storyline_date_is_set (updated) && updated->start.precision == STORYLINE_DATE_PRECISION_DAY)
    {
      g_autofree char *date = g_strdup_printf ("%04d-%02d-%02dT00:00:00Z", updated->start.year, updated->start.month, updated->start.day);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
    }

  paper = storyline_paper_new (story, style, context, PAGE_WIDTH - 2 * MARGIN, PAGE_HEIGHT - 2 * MARGIN);
  while (!storyline_paper_paginate (paper, 500))
    if (g_cancellable_is_cancelled (cancellable))
      {
        cancelled = TRUE;
        break;
      }
  for (guint i = 0; !cancelled && i < storyline_paper_get_n_pages (paper); i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          cancelled = TRUE;
          break;
        }
      cairo_save (cr);
      cairo_translate (cr, MARGIN, MARGIN);
      storyline_paper_draw_page (paper, cr, i);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (cancelled)
    return !g_cancellable_set_error_if_cancelled (cancellable, error);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
