/* storyline-publish.c: what the publishing exports share — a story's text
 * as HTML, a quote's differences marked up, citations linked
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include <pango/pango.h>

#include "storyline-export-private.h"
#include "storyline-import.h"
#include "storyline-url.h"

/* U+202D and U+202E in UTF-8: the overrides the window refuses to show,
 * as they can make a text read otherwise than it is. */
static gboolean
is_override (const char *p)
{
  return (guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 && ((guchar) p[2] == 0xAD || (guchar) p[2] == 0xAE);
}

/**
 * storyline_publish_drop_overrides:
 * @out: an export
 * @from: where in @out the part to clean starts
 *
 * Takes the bidirectional overrides (U+202D, U+202E) out of @out past
 * @from, so that no export carries what the window refuses to show.
 */
void
storyline_publish_drop_overrides (GString *out,
                                  gsize    from)
{
  char *read, *write, *end = out->str + out->len;

  read = memchr (out->str + from, 0xE2, out->len - from);
  if (read == NULL)
    return;
  write = read;
  while (read < end)
    {
      if (read + 2 < end && is_override (read))
        {
          read += 3;
          continue;
        }
      *write++ = *read++;
    }
  g_string_truncate (out, write - out->str);
}

/**
 * storyline_publish_text:
 *
 * Appends @text escaped for HTML (never read as markup), without
 * overrides, line breaks as `<br>`.
 */
void
storyline_publish_text (GString    *out,
                        const char *text)
{
  gsize from = out->len;

  if (text == NULL)
    return;
  for (const char *p = text; *p; p++)
    {
      /* The run of characters that stay as they are, at once. */
      gsize run = strcspn (p, "&<>\"'\n\r\001\002\003\004\005\006\007\010\013\014\016\017\020"
                              "\021\022\023\024\025\026\027\030\031\032\033\034\035\036\037");

      if (run > 0)
        {
          g_string_append_len (out, p, run);
          p += run;
          if (*p == '\0')
            break;
        }
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        case '\n': g_string_append (out, "<br>"); break;
        case '\r': break;
        default:
          /* Control characters have no place on a page. */
          if ((guchar) *p < 0x20 && *p != '\t')
            g_string_append_c (out, ' ');
          else
            g_string_append_c (out, *p);
        }
    }
  storyline_publish_drop_overrides (out, from);
}

/**
 * storyline_publish_json_string:
 *
 * Appends @text as a JSON string, quotes and all: runs of plain text at
 * once, `"` and `\\` escaped, control characters as \\n, \\t or \\u00XX.
 */
void
storyline_publish_json_string (GString    *out,
                               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      gsize run = strcspn (p, "\"\\\001\002\003\004\005\006\007\010\t\n\013\014\r\016\017\020"
                              "\021\022\023\024\025\026\027\030\031\032\033\034\035\036\037");
      guchar c;

      if (run > 0)
        {
          g_string_append_len (out, p, run);
          p += run;
          if (*p == '\0')
            break;
        }
      c = *p;
      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else
        g_string_append_printf (out, "\\u%04x", c);
    }
  g_string_append_c (out, '"');
}

/**
 * storyline_publish_paragraphs:
 *
 * Appends @text as paragraphs: blank lines part them.
 */
void
storyline_publish_paragraphs (GString    *out,
                              const char *text,
                              const char *attributes)
{
  g_auto(GStrv) paragraphs = NULL;

  if (text == NULL || *text == '\0')
    return;
  paragraphs = g_strsplit (text, "\n\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      if (*g_strstrip (paragraphs[i]) == '\0')
        continue;
      g_string_append_printf (out, "<p%s%s>", attributes ? " " : "", attributes ? attributes : "");
      storyline_publish_text (out, paragraphs[i]);
      g_string_append (out, "</p>");
    }
}

/**
 * storyline_publish_is_web_link:
 *
 * Returns: whether @url is an http(s) link that can go in an attribute
 */
gboolean
storyline_publish_is_web_link (const char *url)
{
  return storyline_url_is_link (url) && strpbrk (url, "\"'<> \t\r\n") == NULL;
}

typedef struct
{
  gsize start, end;
  StorylineDiffKind kind;
  StorylineDiffSide side;
} Span;

static void
collect_span (StorylineDiffKind kind,
              StorylineDiffSide side,
              gsize             start,
              gsize             end,
              gpointer          user_data)
{
  Span span = { start, end, kind, side };

  g_array_append_val (user_data, span);
}

/**
 * storyline_publish_diff:
 *
 * Appends the rendition as printed with the differences marked: the
 * original's words it leaves out or changes in `<del>`, the words it puts
 * in in `<ins>`, each with a title that says so in words (the page's style
 * strikes through and underlines them, so that colour is never all).
 */
void
storyline_publish_diff (GString                 *out,
                        const StorylineFidelity *fidelity)
{
  static const char * const no_markers[] = { "", "", "", "" };
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  gsize at = 0;

  storyline_fidelity_write_diff (fidelity, plain, no_markers, collect_span, spans);
  for (guint i = 0; i <= spans->len; i++)
    {
      Span *s = i < spans->len ? &g_array_index (spans, Span, i) : NULL;
      gsize until = s ? s->start : plain->len;
      g_autofree char *before = g_strndup (plain->str + at, until - at);
      g_autofree char *inside = NULL;
      const char *tag;

      storyline_publish_text (out, before);
      if (s == NULL)
        break;
      inside = g_strndup (plain->str + s->start, s->end - s->start);
      if (s->kind == STORYLINE_DIFF_MARKER)
        {
          storyline_publish_text (out, inside);
          at = s->end;
          continue;
        }
      if (s->side == STORYLINE_DIFF_SIDE_ORIGINAL)
        {
          tag = "del";
          g_string_append_printf (out, "<del title=\"%s\">",
                                  s->kind == STORYLINE_DIFF_OMITTED ? _("Left out, with a mark")
                                  : s->kind == STORYLINE_DIFF_SPELLING ? _("Spelt so in the original")
                                  : _("The original’s words, left out or changed"));
        }
      else
        {
          tag = "ins";
          g_string_append_printf (out, "<ins title=\"%s\">",
                                  s->kind == STORYLINE_DIFF_INSERTED ? _("Put in, in square brackets")
                                  : s->kind == STORYLINE_DIFF_SPELLING ? _("Spelt so by the outlet")
                                  : _("The outlet’s words, put in"));
        }
      storyline_publish_text (out, inside);
      g_string_append_printf (out, "</%s>", tag);
      at = s->end;
    }
}

/* Citations, each made once: a story of 200,000 events cites its few
 * thousand sources over and over, and the citation engine takes a tenth
 * of a millisecond a citation. */
struct _StorylinePublishCitations
{
  StorylineCitationStyle style;
  StorylineMarkup markup;
  GHashTable *entries;   /* StorylineSource → its entry */
  GHashTable *cites;     /* "pointer\tlocator" → the citation in the text */
};

StorylinePublishCitations *
storyline_publish_citations_new (StorylineCitationStyle style,
                                 StorylineMarkup        markup)
{
  StorylinePublishCitations *c = g_new0 (StorylinePublishCitations, 1);

  c->style = style;
  c->markup = markup;
  c->entries = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  c->cites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return c;
}

void
storyline_publish_citations_free (StorylinePublishCitations *c)
{
  if (c == NULL)
    return;
  g_hash_table_unref (c->entries);
  g_hash_table_unref (c->cites);
  g_free (c);
}

/**
 * storyline_publish_citations_entry:
 *
 * Returns: (transfer none): @source's entry in a reference list
 */
const char *
storyline_publish_citations_entry (StorylinePublishCitations *c,
                                   StorylineSource           *source)
{
  char *entry = g_hash_table_lookup (c->entries, source);

  if (entry == NULL)
    {
      entry = storyline_source_format_in_style (source, c->style, c->markup);
      g_hash_table_insert (c->entries, source, entry);
    }
  return entry;
}

/**
 * storyline_publish_citations_cite:
 * @locator: (nullable): where in @source
 *
 * Returns: (transfer none): @source cited in the text, at @locator
 */
const char *
storyline_publish_citations_cite (StorylinePublishCitations *c,
                                  StorylineSource           *source,
                                  const char                *locator)
{
  g_autofree char *key = g_strdup_printf ("%p\t%s", (gpointer) source, locator ? locator : "");
  char *cite = g_hash_table_lookup (c->cites, key);

  if (cite == NULL)
    {
      cite = storyline_source_format_in_text (source, c->style, locator, c->markup);
      g_hash_table_insert (c->cites, g_steal_pointer (&key), cite);
    }
  return cite;
}

typedef struct
{
  char *key;
  StorylineSource *source;
} Ordered;

static int
compare_ordered (gconstpointer a,
                 gconstpointer b)
{
  /* Collation keys: strcmp() orders them as g_utf8_collate() the texts. */
  return strcmp (((const Ordered *) a)->key, ((const Ordered *) b)->key);
}

/**
 * storyline_publish_reference_order:
 * @citations: the entries, in the style and markup of the list
 *
 * The one order of every reference list: by its entries' words (a
 * leading quotation mark aside), as the entries @citations makes anyway
 * read as text; Chicago's notes as the story lists its sources.
 *
 * Returns: (transfer container): the story's sources in that order
 */
GPtrArray *
storyline_publish_reference_order (StorylineStory            *story,
                                   StorylinePublishCitations *citations)
{
  GPtrArray *sources = storyline_story_get_sources (story);
  GPtrArray *order = g_ptr_array_sized_new (sources->len);
  g_autofree Ordered *keyed = NULL;

  if (citations->style == STORYLINE_CITATION_CHICAGO_NOTE)
    {
      for (guint i = 0; i < sources->len; i++)
        g_ptr_array_add (order, sources->pdata[i]);
      return order;
    }
  keyed = g_new (Ordered, MAX (sources->len, 1));
  for (guint i = 0; i < sources->len; i++)
    {
      const char *entry = storyline_publish_citations_entry (citations, sources->pdata[i]);
      g_autofree char *text = NULL;
      const char *words;

      if (citations->markup == STORYLINE_MARKUP_HTML)
        text = storyline_html_to_text (entry, NULL);
      else if (citations->markup == STORYLINE_MARKUP_PANGO && !pango_parse_markup (entry, -1, 0, NULL, &text, NULL, NULL))
        text = g_strdup (entry);
      words = text != NULL ? text : entry;
      if (g_str_has_prefix (words, "“"))
        words += strlen ("“");
      keyed[i] = (Ordered) { g_utf8_collate_key (words, -1), sources->pdata[i] };
    }
  qsort (keyed, sources->len, sizeof (Ordered), compare_ordered);
  for (guint i = 0; i < sources->len; i++)
    {
      g_ptr_array_add (order, keyed[i].source);
      g_free (keyed[i].key);
    }
  return order;
}

/**
 * storyline_publish_citation:
 * @citations: made for HTML
 *
 * Appends @source's entry as HTML (its italics kept); an http(s) source is
 * linked: its address in the citation, or else the whole citation.
 */
void
storyline_publish_citation (GString                   *out,
                            StorylinePublishCitations *citations,
                            StorylineSource           *source)
{
  const char *html = storyline_publish_citations_entry (citations, source);
  const char *url = storyline_source_get_url (source);
  gsize from = out->len;

  if (!storyline_publish_is_web_link (url))
    g_string_append (out, html);
  else
    {
      g_autoptr(GString) shown = g_string_new (NULL);
      const char *at;

      /* The address as the citation writes it: & as &#38;. */
      for (const char *p = url; *p; p++)
        if (*p == '&')
          g_string_append (shown, "&#38;");
        else
          g_string_append_c (shown, *p);
      at = strstr (html, shown->str);
      if (at != NULL)
        {
          g_string_append_len (out, html, at - html);
          g_string_append (out, "<a href=\"");
          g_string_append (out, shown->str);
          g_string_append (out, "\">");
          g_string_append (out, shown->str);
          g_string_append (out, "</a>");
          g_string_append (out, at + shown->len);
        }
      else
        {
          g_string_append (out, "<a href=\"");
          g_string_append (out, shown->str);
          g_string_append (out, "\">");
          g_string_append (out, html);
          g_string_append (out, "</a>");
        }
    }
  storyline_publish_drop_overrides (out, from);
}

/**
 * storyline_publish_note_kind:
 *
 * Returns: a note's kind in words, as the window says it
 */
const char *
storyline_publish_note_kind (StorylineNoteKind kind)
{
  switch (kind)
    {
    case STORYLINE_NOTE_CORRECTION:
      return _("Correction");
    case STORYLINE_NOTE_UNCERTAINTY:
      return _("Uncertain");
    case STORYLINE_NOTE_CONTEXT:
    default:
      return _("Context");
    }
}
