/* storyline-csl-output.c: the output tree of a CSL rendering, its
 * punctuation settled and written out as text, HTML or Pango markup
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where two pieces meet, their punctuation is settled in four passes over
 * the tree, in the order and by the rules citeproc-js uses (its output
 * queue's "adjust" step), so that the same style gives the same entry:
 * leading punctuation and spaces move up to the outermost piece they
 * start, a delimiter's punctuation moves onto the pieces it follows,
 * duplicates go, "?" swallows a following "." but keeps a ",", and in
 * English commas and periods move inside closing quotation marks.
 */

#include "config.h"

#include <string.h>

#include "storyline-csl-output.h"

CslBlob *
csl_blob_new_text (const char *text)
{
  CslBlob *blob = g_new0 (CslBlob, 1);

  blob->text = g_strdup (text);
  blob->prefix = g_strdup ("");
  blob->suffix = g_strdup ("");
  blob->delimiter = g_strdup ("");
  return blob;
}

CslBlob *
csl_blob_new_group (void)
{
  CslBlob *blob = g_new0 (CslBlob, 1);

  blob->kids = g_ptr_array_new_with_free_func ((GDestroyNotify) csl_blob_free);
  blob->prefix = g_strdup ("");
  blob->suffix = g_strdup ("");
  blob->delimiter = g_strdup ("");
  return blob;
}

void
csl_blob_free (CslBlob *blob)
{
  if (blob == NULL)
    return;
  g_free (blob->text);
  g_clear_pointer (&blob->kids, g_ptr_array_unref);
  g_free (blob->prefix);
  g_free (blob->suffix);
  g_free (blob->delimiter);
  g_free (blob);
}

void
csl_blob_add (CslBlob *group,
              CslBlob *kid)
{
  if (kid != NULL)
    g_ptr_array_add (group->kids, kid);
}

void
csl_blob_set_affixes (CslBlob    *blob,
                      const char *prefix,
                      const char *suffix)
{
  g_free (blob->prefix);
  g_free (blob->suffix);
  blob->prefix = g_strdup (prefix ? prefix : "");
  blob->suffix = g_strdup (suffix ? suffix : "");
}

void
csl_blob_prepend_prefix (CslBlob    *blob,
                         const char *prefix)
{
  char *joined = g_strconcat (prefix, blob->prefix, NULL);

  g_free (blob->prefix);
  blob->prefix = joined;
}

gboolean
csl_blob_is_empty (CslBlob *blob)
{
  if (blob == NULL)
    return TRUE;
  if (blob->text != NULL)
    return blob->text[0] == '\0';
  for (guint i = 0; i < blob->kids->len; i++)
    if (!csl_blob_is_empty (g_ptr_array_index (blob->kids, i)))
      return FALSE;
  return TRUE;
}

/* Characters at the ends of strings, 0 for an empty string. */

static gunichar
first_char (const char *s)
{
  return *s ? g_utf8_get_char (s) : 0;
}

static gunichar
last_char (const char *s)
{
  gsize len = strlen (s);

  return len ? g_utf8_get_char (g_utf8_find_prev_char (s, s + len)) : 0;
}

static void
drop_first (char **s)
{
  if (**s)
    memmove (*s, g_utf8_next_char (*s), strlen (g_utf8_next_char (*s)) + 1);
}

static void
drop_last (char **s)
{
  gsize len = strlen (*s);

  if (len)
    *g_utf8_find_prev_char (*s, *s + len) = '\0';
}

static void
add_first_str (char       **s,
               const char  *what)
{
  char *joined = g_strconcat (what, *s, NULL);

  g_free (*s);
  *s = joined;
}

static void
add_last_str (char       **s,
              const char  *what)
{
  char *joined = g_strconcat (*s, what, NULL);

  g_free (*s);
  *s = joined;
}

static void
add_first (char    **s,
           gunichar  c)
{
  char buf[8] = { 0 };

  g_unichar_to_utf8 (c, buf);
  add_first_str (s, buf);
}

static void
add_last (char    **s,
          gunichar  c)
{
  char buf[8] = { 0 };

  g_unichar_to_utf8 (c, buf);
  add_last_str (s, buf);
}

static gboolean
is_punct (gunichar c)
{
  return c != 0 && strchr ("!?.:,;", (int) c) != NULL && c < 128;
}

static gboolean
is_punct_or_space (gunichar c)
{
  return c == ' ' || is_punct (c);
}

/* What "a" followed by "b" becomes; NULL where both stay. */
static const char *
merged (gunichar a,
        gunichar b)
{
  static const struct { char a, b; const char *to; } table[] = {
    { '!', '.', "!" }, { '!', '?', "!?" }, { '!', ':', "!" }, { '!', ',', "!," }, { '!', ';', "!;" },
    { '?', '!', "?!" }, { '?', '.', "?" }, { '?', ':', "?" }, { '?', ',', "?," }, { '?', ';', "?;" },
    { '.', '!', ".!" }, { '.', '?', ".?" }, { '.', ':', ".:" }, { '.', ',', ".," }, { '.', ';', ".;" },
    { ':', '!', "!" }, { ':', '?', "?" }, { ':', '.', ":" }, { ':', ',', ":," }, { ':', ';', ":;" },
    { ',', '!', ",!" }, { ',', '?', ",?" }, { ',', ':', ",:" }, { ',', '.', ",." }, { ',', ';', ",;" },
    { ';', '!', "!" }, { ';', '?', "?" }, { ';', ':', ";" }, { ';', ',', ";," }, { ';', '.', ";" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if ((gunichar) table[i].a == a && (gunichar) table[i].b == b)
      return table[i].to;
  return NULL;
}

static gboolean
is_leaf (CslBlob *b)
{
  return b->text != NULL;
}

static gboolean
has_decorations (CslBlob  *b,
                 gboolean  with_quotes)
{
  return (b->decor & (with_quotes ? ~0u : (guint) CSL_DECOR_FORMATTING)) != 0;
}

static CslBlob *
last_kid (CslBlob *b)
{
  return b->kids->len ? g_ptr_array_index (b->kids, b->kids->len - 1) : NULL;
}

static gboolean
is_number (CslBlob *b)
{
  return b->number || (b->kids && b->kids->len == 1 && ((CslBlob *) g_ptr_array_index (b->kids, 0))->number);
}

static gboolean
ends_in_number (CslBlob *b)
{
  if (b->number)
    return TRUE;
  if (b->kids == NULL || b->kids->len == 0)
    return FALSE;
  return ends_in_number (last_kid (b));
}

static gboolean
has_descendant_quotes (CslBlob *b)
{
  if (b->decor & CSL_DECOR_QUOTES)
    return TRUE;
  if (b->kids == NULL || b->kids->len == 0)
    return FALSE;
  return has_descendant_quotes (last_kid (b));
}

static gboolean
has_descendant_merging_punct (gunichar  parent_char,
                              CslBlob  *b)
{
  gunichar child_char = last_char (b->suffix);
  const char *m;

  if (child_char == 0 && is_leaf (b))
    child_char = last_char (b->text);
  m = merged (child_char, parent_char);
  if (m != NULL && g_utf8_strlen (m, -1) == 1)
    return TRUE;
  if (b->kids == NULL || b->kids->len == 0)
    return FALSE;
  return has_descendant_merging_punct (parent_char, last_kid (b));
}

static gboolean
match_last_char (CslBlob  *b,
                 gunichar  c)
{
  CslBlob *kid;

  if (!is_punct (c))
    return FALSE;
  if (is_leaf (b))
    return last_char (b->text) == c;
  kid = last_kid (b);
  if (kid == NULL)
    return FALSE;
  if (last_char (kid->suffix) == 0)
    return match_last_char (kid, c);
  return last_char (kid->suffix) == c;
}

/* citeproc-js's mergeChars: the last character of *first and the first of
 * *second, merged into the one on the right (@to_right) or the left. */
static void
merge_chars (char     **first,
             char     **second,
             gboolean   to_right)
{
  gunichar a = last_char (*first), b = first_char (*second);
  const char *m;

  if (a == b)
    {
      if (to_right)
        drop_last (first);
      else
        drop_first (second);
      return;
    }
  if (to_right ? !is_punct (a) : !is_punct (b))
    return;
  m = merged (a, b);
  if (m == NULL)
    {
      /* Both stay, on the side they are merged into. */
      if (to_right)
        {
          add_first (second, a);
          drop_last (first);
        }
      else
        {
          add_last (first, b);
          drop_first (second);
        }
      return;
    }
  drop_last (first);
  drop_first (second);
  if (to_right)
    add_first_str (second, m);
  else
    add_last_str (first, m);
}

/* A leaf's suffix does not repeat the punctuation its text ends with. */
static void
drop_suffix_repeating_text (CslBlob *leaf)
{
  gunichar c = first_char (leaf->suffix);

  if (is_punct (c) && c == last_char (leaf->text))
    drop_first (&leaf->suffix);
}

static void
upward (CslBlob *parent)
{
  gboolean parent_decor;

  if (is_leaf (parent))
    {
      drop_suffix_repeating_text (parent);
      return;
    }
  if (parent->kids->len == 0)
    return;

  parent_decor = has_decorations (parent, TRUE);
  for (int i = (int) parent->kids->len - 1; i >= 0; i--)
    {
      CslBlob *kid = g_ptr_array_index (parent->kids, i);
      gunichar c;

      upward (kid);
      if (i == 0)
        {
          if (last_char (parent->prefix) == ' ' && first_char (kid->prefix) == ' ')
            drop_first (&kid->prefix);
          c = first_char (kid->prefix);
          if (!parent_decor && is_punct_or_space (c) && parent->prefix[0] == '\0')
            {
              add_last (&parent->prefix, c);
              drop_first (&kid->prefix);
            }
        }
      if (i == (int) parent->kids->len - 1)
        {
          c = last_char (kid->suffix);
          if (!parent_decor && c == ' ')
            {
              if (first_char (parent->suffix) != c)
                add_first (&parent->suffix, c);
              drop_last (&kid->suffix);
            }
        }
      if (parent->delimiter[0] && i > 0)
        {
          c = last_char (parent->delimiter);
          if (is_punct_or_space (c) && c == first_char (kid->prefix))
            drop_first (&kid->prefix);
        }
    }
}

static void
leftward (CslBlob *parent)
{
  if (is_leaf (parent) || parent->kids->len == 0)
    return;

  for (int i = (int) parent->kids->len - 1; i >= 0; i--)
    {
      leftward (g_ptr_array_index (parent->kids, i));
      if (i < (int) parent->kids->len - 1 && parent->delimiter[0] == '\0')
        {
          CslBlob *kid = g_ptr_array_index (parent->kids, i);
          CslBlob *sibling = g_ptr_array_index (parent->kids, i + 1);
          gunichar sibling_char = first_char (sibling->prefix);
          gboolean decor = has_decorations (kid, FALSE) || has_decorations (sibling, FALSE);

          if (!decor && is_punct (sibling_char))
            {
              gboolean suffix_match = sibling_char == last_char (kid->suffix);
              gboolean field_match = kid->suffix[0] == '\0' && is_leaf (kid) && last_char (kid->text) == sibling_char;

              if (!suffix_match && !field_match)
                merge_chars (&kid->suffix, &sibling->prefix, FALSE);
              else
                drop_first (&sibling->prefix);
            }
        }
    }
}

static void
downward (CslBlob  *parent,
          gboolean  punct_in_quote)
{
  if (is_leaf (parent))
    {
      drop_suffix_repeating_text (parent);
      return;
    }
  if (parent->kids->len == 0)
    return;

  /* A delimiter's leading punctuation goes onto the pieces it follows. */
  if (parent->delimiter[0] && is_punct (first_char (parent->delimiter)))
    {
      gunichar d = first_char (parent->delimiter);

      for (int i = (int) parent->kids->len - 2; i >= 0; i--)
        {
          CslBlob *kid = g_ptr_array_index (parent->kids, i);

          if (last_char (kid->suffix) != d)
            add_last (&kid->suffix, d);
        }
      drop_first (&parent->delimiter);
    }

  for (int i = (int) parent->kids->len - 1; i >= 0; i--)
    {
      CslBlob *kid = g_ptr_array_index (parent->kids, i);
      gboolean kid_decor = has_decorations (kid, TRUE);
      gboolean kid_number = is_number (kid);

      if (i == (int) parent->kids->len - 1)
        {
          gunichar parent_char = first_char (parent->suffix);
          gboolean migrate = FALSE;

          if (is_punct (parent_char))
            {
              migrate = has_descendant_merging_punct (parent_char, kid);
              if (!migrate && punct_in_quote)
                migrate = has_descendant_quotes (kid);
            }
          if (migrate && !ends_in_number (kid))
            {
              if (is_leaf (kid))
                merge_chars (&kid->text, &parent->suffix, FALSE);
              else
                merge_chars (&kid->suffix, &parent->suffix, FALSE);
              if (first_char (parent->suffix) == '.')
                {
                  add_last (&kid->suffix, '.');
                  drop_first (&parent->suffix);
                }
            }
          if (last_char (kid->suffix) == ' ' && first_char (parent->suffix) == ' ')
            drop_first (&parent->suffix);
          if (is_punct_or_space (first_char (kid->suffix)))
            {
              if (is_leaf (kid) && last_char (kid->text) == first_char (kid->suffix))
                drop_first (&kid->suffix);
              if (last_char (kid->suffix) == first_char (parent->suffix))
                drop_last (&parent->suffix);
            }
          if (match_last_char (parent, first_char (parent->suffix)))
            drop_first (&parent->suffix);
        }
      else if (parent->delimiter[0])
        {
          gunichar d = first_char (parent->delimiter);

          if (is_punct_or_space (d) && d == last_char (kid->suffix))
            drop_last (&kid->suffix);
        }
      else
        {
          CslBlob *sibling = g_ptr_array_index (parent->kids, i + 1);
          gunichar c = last_char (kid->suffix);

          if (!kid_number && !kid_decor && is_punct_or_space (c) && c == first_char (sibling->prefix))
            drop_first (&sibling->prefix);
        }
      /* A field that ends in punctuation takes the style's. */
      if (!kid_number && !kid_decor && is_punct (first_char (kid->suffix)) && is_leaf (kid))
        merge_chars (&kid->text, &kid->suffix, FALSE);
      downward (kid, punct_in_quote);
    }
}

static gboolean
swap_in (gunichar c)
{
  return is_punct (c) && c != ';' && c != ':';
}

static gboolean
swap_out (gunichar c)
{
  return c == '.' || c == '!' || c == '?';
}

static void
fix (CslBlob  *parent,
     gboolean  punct_in_quote)
{
  if (is_leaf (parent) || parent->kids->len == 0)
    return;

  for (guint i = 0; i < parent->kids->len; i++)
    {
      CslBlob *kid = g_ptr_array_index (parent->kids, i);

      if (kid->decor & CSL_DECOR_QUOTES)
        {
          if (punct_in_quote)
            {
              while (swap_in (first_char (kid->suffix)))
                {
                  char *before = g_strdup (kid->suffix);

                  if (is_leaf (kid))
                    merge_chars (&kid->text, &kid->suffix, FALSE);
                  else if (kid->kids->len)
                    merge_chars (&last_kid (kid)->suffix, &kid->suffix, FALSE);
                  if (g_str_equal (before, kid->suffix))
                    {
                      g_free (before);
                      break;
                    }
                  g_free (before);
                }
            }
          else
            {
              for (;;)
                {
                  char **slot = is_leaf (kid) ? &kid->text : kid->kids->len ? &last_kid (kid)->suffix : NULL;

                  if (slot == NULL || !swap_out (last_char (*slot)))
                    break;
                  merge_chars (slot, &kid->suffix, TRUE);
                }
            }
        }
      fix (kid, punct_in_quote);
    }
}

static void
purge_empty (CslBlob *parent)
{
  if (is_leaf (parent))
    return;
  for (int i = (int) parent->kids->len - 1; i >= 0; i--)
    {
      CslBlob *kid = g_ptr_array_index (parent->kids, i);

      purge_empty (kid);
      if (is_leaf (kid) ? kid->text[0] == '\0' : kid->kids->len == 0)
        g_ptr_array_remove_index (parent->kids, i);
    }
}

void
csl_blob_adjust (CslBlob  *root,
                 gboolean  punct_in_quote)
{
  purge_empty (root);
  upward (root);
  leftward (root);
  downward (root, punct_in_quote);
  fix (root, punct_in_quote);
}

/* Writing out */

typedef struct
{
  StorylineMarkup markup;
  int quote_depth;
  gboolean italic;
  gboolean bold;
  gboolean small_caps;
} Writer;

static void
append_escaped (GString         *out,
                StorylineMarkup  markup,
                const char      *text)
{
  if (markup == STORYLINE_MARKUP_TEXT)
    {
      g_string_append (out, text);
      return;
    }
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, markup == STORYLINE_MARKUP_HTML ? "&#38;" : "&amp;");
          break;
        case '<':
          g_string_append (out, markup == STORYLINE_MARKUP_HTML ? "&#60;" : "&lt;");
          break;
        case '>':
          g_string_append (out, markup == STORYLINE_MARKUP_HTML ? "&#62;" : "&gt;");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

static void
write_blob (Writer  *w,
            CslBlob *blob,
            GString *out);

static void
write_decorated (Writer  *w,
                 CslBlob *blob,
                 GString *out)
{
  gboolean html = w->markup == STORYLINE_MARKUP_HTML, pango = w->markup == STORYLINE_MARKUP_PANGO;
  gboolean was_italic = w->italic, was_bold = w->bold, was_caps = w->small_caps;
  GString *close = g_string_new (NULL);
  CslDecor d = blob->decor;

  if (w->markup != STORYLINE_MARKUP_TEXT)
    {
      if ((d & CSL_DECOR_ITALIC) && !w->italic)
        {
          g_string_append (out, "<i>");
          g_string_prepend (close, "</i>");
          w->italic = TRUE;
        }
      else if (((d & CSL_DECOR_ITALIC) && w->italic) || ((d & CSL_DECOR_ROMAN) && w->italic))
        {
          /* Italics inside italics flip back to roman. */
          g_string_append (out, html ? "<span style=\"font-style:normal;\">" : "<span style=\"normal\">");
          g_string_prepend (close, "</span>");
          w->italic = FALSE;
        }
      if ((d & CSL_DECOR_BOLD) && !w->bold)
        {
          g_string_append (out, "<b>");
          g_string_prepend (close, "</b>");
          w->bold = TRUE;
        }
      else if ((d & CSL_DECOR_LIGHT) && w->bold)
        {
          g_string_append (out, html ? "<span style=\"font-weight:normal;\">" : "<span weight=\"normal\">");
          g_string_prepend (close, "</span>");
          w->bold = FALSE;
        }
      if ((d & CSL_DECOR_SMALL_CAPS) && !w->small_caps)
        {
          g_string_append (out, html ? "<span style=\"font-variant:small-caps;\">" : "<span font_variant=\"small-caps\">");
          g_string_prepend (close, "</span>");
          w->small_caps = TRUE;
        }
      else if ((d & CSL_DECOR_NO_CAPS) && w->small_caps)
        {
          g_string_append (out, html ? "<span style=\"font-variant:normal;\">" : "<span font_variant=\"normal\">");
          g_string_prepend (close, "</span>");
          w->small_caps = FALSE;
        }
      if (d & CSL_DECOR_UNDERLINE)
        {
          g_string_append (out, html ? "<span style=\"text-decoration:underline;\">" : "<u>");
          g_string_prepend (close, html ? "</span>" : "</u>");
        }
      if (d & CSL_DECOR_SUPERSCRIPT)
        {
          g_string_append (out, "<sup>");
          g_string_prepend (close, "</sup>");
        }
      else if (d & CSL_DECOR_SUBSCRIPT)
        {
          g_string_append (out, "<sub>");
          g_string_prepend (close, "</sub>");
        }
      (void) pango;
    }

  if (d & CSL_DECOR_QUOTES)
    {
      g_string_append (out, w->quote_depth % 2 == 0 ? "“" : "‘");
      w->quote_depth++;
    }

  if (blob->text != NULL)
    append_escaped (out, w->markup, blob->text);
  else
    {
      gboolean first = TRUE;

      for (guint i = 0; i < blob->kids->len; i++)
        {
          CslBlob *kid = g_ptr_array_index (blob->kids, i);

          if (csl_blob_is_empty (kid))
            continue;
          if (!first)
            append_escaped (out, w->markup, blob->delimiter);
          write_blob (w, kid, out);
          first = FALSE;
        }
    }

  if (d & CSL_DECOR_QUOTES)
    {
      w->quote_depth--;
      g_string_append (out, w->quote_depth % 2 == 0 ? "”" : "’");
    }
  g_string_append (out, close->str);
  g_string_free (close, TRUE);
  w->italic = was_italic;
  w->bold = was_bold;
  w->small_caps = was_caps;
}

static void
write_blob (Writer  *w,
            CslBlob *blob,
            GString *out)
{
  if (csl_blob_is_empty (blob))
    return;
  append_escaped (out, w->markup, blob->prefix);
  write_decorated (w, blob, out);
  append_escaped (out, w->markup, blob->suffix);
}

char *
csl_blob_write (CslBlob         *root,
                StorylineMarkup  markup)
{
  Writer w = { markup, 0, FALSE, FALSE, FALSE };
  GString *out = g_string_new (NULL);

  write_blob (&w, root, out);
  return g_string_free (out, FALSE);
}

