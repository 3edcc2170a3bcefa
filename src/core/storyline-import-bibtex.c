/* storyline-import-bibtex.c: BibTeX and BibLaTeX entries as CSL-JSON items
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "storyline-import.h"
#include "storyline-import-private.h"

/* A .bib file read as BibTeX reads it: entries of "@type{key, field =
 * value, …}" (or in parentheses); values in braces, in quotes, numbers
 * or @string macros (the months predefined), joined with "#"; @comment,
 * @preamble and text outside entries ignored. Field text is LaTeX: its
 * accents and commands become Unicode, its braces go, "--" is an en
 * dash. Names are "Family, Given", "Family, Suffix, Given" or "Given
 * von Family", joined with "and"; a name in braces is one literal name
 * (an organization). Entry types and fields map to CSL as Zotero and
 * citation.js map them (tests/import/README.md). */

#define MAX_NESTING 64

typedef struct
{
  const char *p, *start, *end;
  guint line;
  GHashTable *macros;      /* lowercase name → value */
  GError **error;
} Bib;

static gboolean
failed (Bib        *b,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static gboolean
failed (Bib        *b,
        const char *format,
        ...)
{
  va_list args;
  g_autofree char *message = NULL;
  const char *line_start = b->p;
  guint column;

  if (b->error == NULL || *b->error != NULL)
    return FALSE;
  while (line_start > b->start && line_start[-1] != '\n')
    line_start--;
  column = g_utf8_strlen (line_start, MIN (b->p, b->end) - line_start) + 1;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (b->error, STORYLINE_IMPORT_ERROR, STORYLINE_IMPORT_ERROR_INVALID, _("line %u, column %u: %s"), b->line, column, message);
  return FALSE;
}

static void
skip_space (Bib *b)
{
  while (b->p < b->end && g_ascii_isspace (*b->p))
    {
      if (*b->p == '\n')
        b->line++;
      b->p++;
    }
}

static char *
read_name (Bib *b)
{
  const char *s = b->p;

  while (b->p < b->end && (g_ascii_isalnum (*b->p) || strchr ("_-:.+/'!?$&*<>|~", *b->p) != NULL))
    b->p++;
  return b->p > s ? g_ascii_strdown (s, b->p - s) : NULL;
}

/* A value up to @close: the "}" of a value in braces (read from after
 * its "{"), or the closing '"' of a quoted one, which a quote inside
 * braces does not end. Braces inside are kept, to be taken out with the
 * LaTeX; a value in braces is refused past MAX_NESTING of them. */
static gboolean
read_delimited (Bib     *b,
                GString *out,
                char     close)
{
  guint depth = close == '}' ? 1 : 0;

  while (b->p < b->end)
    {
      char c = *b->p++;

      if (c == '\n')
        b->line++;
      if (c == '\\' && b->p < b->end)
        {
          g_string_append_c (out, c);
          g_string_append_c (out, *b->p++);
          continue;
        }
      if (c == '{' && ++depth > MAX_NESTING && close == '}')
        return failed (b, _("braces nested more than %d deep"), MAX_NESTING);
      if (c == '}' && depth > 0 && --depth == 0 && close == '}')
        return TRUE;
      if (c == '"' && close == '"' && depth == 0)
        return TRUE;
      g_string_append_c (out, c);
    }
  return failed (b, close == '}' ? _("a “{” is not closed") : _("a quoted value is not closed"));
}

static const char * const month_macros[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };

/* A value: its parts joined with "#". */
static gboolean
read_value (Bib     *b,
            GString *out)
{
  for (;;)
    {
      skip_space (b);
      if (b->p >= b->end)
        return failed (b, _("the file ends inside an entry"));
      if (*b->p == '{')
        {
          b->p++;
          if (!read_delimited (b, out, '}'))
            return FALSE;
        }
      else if (*b->p == '"')
        {
          b->p++;
          if (!read_delimited (b, out, '"'))
            return FALSE;
        }
      else if (g_ascii_isdigit (*b->p))
        {
          while (b->p < b->end && g_ascii_isdigit (*b->p))
            g_string_append_c (out, *b->p++);
        }
      else
        {
          g_autofree char *name = read_name (b);
          const char *value;

          if (name == NULL)
            return failed (b, _("expected a value: text in braces or quotes, a number or a @string name"));
          value = g_hash_table_lookup (b->macros, name);
          if (value != NULL)
            g_string_append (out, value);
          else
            {
              guint m;

              for (m = 0; m < G_N_ELEMENTS (month_macros); m++)
                if (g_str_equal (name, month_macros[m]))
                  break;
              /* As BibTeX: an undefined macro is empty (it warns). */
              if (m < G_N_ELEMENTS (month_macros))
                g_string_append_printf (out, "%u", m + 1);
            }
        }
      skip_space (b);
      if (b->p < b->end && *b->p == '#')
        {
          b->p++;
          continue;
        }
      return TRUE;
    }
}

/* LaTeX to text */

static const struct { const char *command; const char *text; } latex_symbols[] = {
  { "ss", "ß" }, { "o", "ø" }, { "O", "Ø" }, { "aa", "å" }, { "AA", "Å" }, { "ae", "æ" }, { "AE", "Æ" },
  { "oe", "œ" }, { "OE", "Œ" }, { "l", "ł" }, { "L", "Ł" }, { "i", "ı" }, { "j", "ȷ" }, { "dh", "ð" }, { "DH", "Ð" },
  { "th", "þ" }, { "TH", "Þ" }, { "ng", "ŋ" }, { "NG", "Ŋ" }, { "S", "§" }, { "P", "¶" }, { "copyright", "©" },
  { "textregistered", "®" }, { "texttrademark", "™" }, { "dag", "†" }, { "ddag", "‡" }, { "pounds", "£" },
  { "euro", "€" }, { "textendash", "–" }, { "textemdash", "—" }, { "textquoteleft", "‘" }, { "textquoteright", "’" },
  { "textquotedblleft", "“" }, { "textquotedblright", "”" }, { "ldots", "…" }, { "dots", "…" }, { "textellipsis", "…" },
  { "textdegree", "°" }, { "guillemotleft", "«" }, { "guillemotright", "»" }, { "textasciitilde", "~" },
  { "textbackslash", "\\" }, { "textunderscore", "_" }, { "LaTeX", "LaTeX" }, { "TeX", "TeX" },
};

/* Combining marks of the accent commands. */
static const struct { char accent; gunichar mark; } latex_accents[] = {
  { '\'', 0x0301 }, { '`', 0x0300 }, { '^', 0x0302 }, { '"', 0x0308 }, { '~', 0x0303 }, { '=', 0x0304 },
  { '.', 0x0307 }, { 'u', 0x0306 }, { 'v', 0x030C }, { 'H', 0x030B }, { 'c', 0x0327 }, { 'k', 0x0328 },
  { 'r', 0x030A }, { 'd', 0x0323 }, { 'b', 0x0331 }, { 't', 0x0361 },
};

/* The base letter of an accent: "e", "{e}", "\i" or "{\i}". */
static const char *
accent_base (const char *p,
             GString    *base)
{
  gboolean braced = FALSE;

  while (*p == ' ')
    p++;
  if (*p == '{')
    {
      braced = TRUE;
      p++;
    }
  if (p[0] == '\\' && (p[1] == 'i' || p[1] == 'j') && !g_ascii_isalpha (p[2]))
    {
      g_string_append_c (base, p[1]);
      p += 2;
    }
  else if (*p != '\0' && *p != '}')
    {
      const char *next = g_utf8_next_char (p);

      g_string_append_len (base, p, next - p);
      p = next;
    }
  if (braced)
    {
      while (*p == ' ')
        p++;
      if (*p == '}')
        p++;
    }
  return p;
}

/**
 * storyline_latex_to_text:
 *
 * Returns: (transfer full): @latex as Unicode text: accents composed,
 *   symbols and escaped characters written out, the text of formatting
 *   commands kept, braces taken out, "--" and "---" as dashes, "~" as a
 *   no-break space, white space tidied
 */
char *
storyline_latex_to_text (const char *latex)
{
  GString *out = g_string_new (NULL);
  const char *p = latex;

  while (*p != '\0')
    {
      if (*p == '\\')
        {
          const char *name = p + 1;
          gsize len = 0;

          if (*name == '\0')
            break;
          /* An accent. */
          for (guint i = 0; i < G_N_ELEMENTS (latex_accents); i++)
            if (*name == latex_accents[i].accent &&
                (!g_ascii_isalpha (*name) || !g_ascii_isalpha (name[1])))
              {
                g_autoptr(GString) base = g_string_new (NULL);
                g_autofree char *composed = NULL;

                p = accent_base (name + 1, base);
                if (base->len == 0)
                  goto next;
                g_string_append_unichar (base, latex_accents[i].mark);
                composed = g_utf8_normalize (base->str, -1, G_NORMALIZE_NFC);
                g_string_append (out, composed ? composed : base->str);
                goto next;
              }
          if (!g_ascii_isalpha (*name))
            {
              /* An escaped character: \& \% \$ \# \_ \{ \} \, \  */
              if (*name == ',' || *name == ' ' || *name == ';')
                g_string_append_c (out, ' ');
              else if (*name != '/' && *name != '-')
                g_string_append_c (out, *name);
              p = name + 1;
              continue;
            }
          while (g_ascii_isalpha (name[len]))
            len++;
          p = name + len;
          {
            gboolean symbol = FALSE;

            for (guint i = 0; i < G_N_ELEMENTS (latex_symbols); i++)
              if (strlen (latex_symbols[i].command) == len && strncmp (name, latex_symbols[i].command, len) == 0)
                {
                  g_string_append (out, latex_symbols[i].text);
                  symbol = TRUE;
                  break;
                }
            /* A command with an argument keeps the argument's text
             * (\emph{x}, \textit{x}, \url{x}); one without is dropped. */
            if (symbol)
              {
                if (*p == '{' && p[1] == '}')
                  p += 2;
                else if (*p == ' ')
                  p++;
              }
            else if (*p == ' ')
              p++;
          }
          continue;
        }
      if (*p == '{' || *p == '}')
        {
          p++;
          continue;
        }
      if (*p == '~')
        {
          g_string_append (out, "\u00a0");
          p++;
          continue;
        }
      if (p[0] == '-' && p[1] == '-')
        {
          if (p[2] == '-')
            {
              g_string_append (out, "—");
              p += 3;
            }
          else
            {
              g_string_append (out, "–");
              p += 2;
            }
          continue;
        }
      if (p[0] == '`' && p[1] == '`')
        {
          g_string_append (out, "“");
          p += 2;
          continue;
        }
      if (p[0] == '\'' && p[1] == '\'')
        {
          g_string_append (out, "”");
          p += 2;
          continue;
        }
      if (*p == '\n' || *p == '\t' || *p == '\r')
        {
          g_string_append_c (out, ' ');
          p++;
          continue;
        }
      g_string_append_c (out, *p++);
    next:
      ;
    }

  /* Runs of spaces as one; none at either end. */
  {
    GString *tidy = g_string_new (NULL);
    gboolean space = FALSE;

    for (const char *q = out->str; *q != '\0'; q++)
      {
        if (*q == ' ')
          {
            space = tidy->len > 0;
            continue;
          }
        if (space)
          g_string_append_c (tidy, ' ');
        space = FALSE;
        g_string_append_c (tidy, *q);
      }
    g_string_free (out, TRUE);
    return g_string_free (tidy, FALSE);
  }
}

/* Names */

/* @text split at @separator (" and ", or ",") where it is not in braces. */
static GPtrArray *
split_top (const char *text,
           const char *separator)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  gsize sep_len = strlen (separator);
  const char *start = text;
  guint depth = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          continue;
        }
      if (*p == '{')
        depth++;
      else if (*p == '}' && depth > 0)
        depth--;
      else if (depth == 0 && g_ascii_strncasecmp (p, separator, sep_len) == 0)
        {
          g_ptr_array_add (parts, g_strstrip (g_strndup (start, p - start)));
          start = p + sep_len;
          p += sep_len - 1;
        }
    }
  g_ptr_array_add (parts, g_strstrip (g_strdup (start)));
  return parts;
}

static gboolean
starts_lowercase (const char *word)
{
  while (*word == '{' || *word == '\\')
    {
      if (*word == '\\')
        return FALSE;
      word++;
    }
  return g_unichar_islower (g_utf8_get_char (word));
}

static JsonObject *
bibtex_name (const char *raw)
{
  JsonObject *name = json_object_new ();
  g_autoptr(GPtrArray) parts = NULL;
  gsize len = strlen (raw);

  /* {Organization Name}: one literal name. */
  if (len >= 2 && raw[0] == '{' && raw[len - 1] == '}')
    {
      guint depth = 0;
      gboolean whole = TRUE;

      for (gsize i = 0; i < len; i++)
        {
          if (raw[i] == '{')
            depth++;
          else if (raw[i] == '}' && --depth == 0 && i + 1 < len)
            whole = FALSE;
        }
      if (whole)
        {
          g_autofree char *text = storyline_latex_to_text (raw);
          json_object_set_string_member (name, "literal", text);
          return name;
        }
    }

  parts = split_top (raw, ",");
  if (parts->len >= 2)
    {
      /* von Last, [Jr,] First */
      g_autoptr(GPtrArray) words = split_top (parts->pdata[0], " ");
      g_autoptr(GString) particle = g_string_new (NULL);
      g_autoptr(GString) family = g_string_new (NULL);
      const char *given = parts->pdata[parts->len - 1];

      for (guint i = 0; i < words->len; i++)
        {
          if (*(char *) words->pdata[i] == '\0')
            continue;
          if (family->len == 0 && i + 1 < words->len && starts_lowercase (words->pdata[i]))
            g_string_append_printf (particle, "%s%s", particle->len ? " " : "", (char *) words->pdata[i]);
          else
            g_string_append_printf (family, "%s%s", family->len ? " " : "", (char *) words->pdata[i]);
        }
      {
        g_autofree char *f = storyline_latex_to_text (family->str);
        json_object_set_string_member (name, "family", f);
      }
      if (*given != '\0')
        {
          g_autofree char *g = storyline_latex_to_text (given);
          json_object_set_string_member (name, "given", g);
        }
      if (particle->len > 0)
        {
          g_autofree char *pt = storyline_latex_to_text (particle->str);
          json_object_set_string_member (name, "non-dropping-particle", pt);
        }
      if (parts->len >= 3 && *(char *) parts->pdata[1] != '\0')
        {
          g_autofree char *s = storyline_latex_to_text (parts->pdata[1]);
          json_object_set_string_member (name, "suffix", s);
        }
      return name;
    }

  /* First von Last */
  {
    g_autoptr(GPtrArray) words = split_top (raw, " ");
    g_autoptr(GPtrArray) kept = g_ptr_array_new ();
    g_autoptr(GString) given = g_string_new (NULL);
    g_autoptr(GString) particle = g_string_new (NULL);
    g_autoptr(GString) family = g_string_new (NULL);
    guint first_von = G_MAXUINT, last_von = G_MAXUINT;

    for (guint i = 0; i < words->len; i++)
      if (*(char *) words->pdata[i] != '\0')
        g_ptr_array_add (kept, words->pdata[i]);
    if (kept->len == 0)
      {
        json_object_set_string_member (name, "literal", "");
        return name;
      }
    for (guint i = 0; i + 1 < kept->len; i++)
      if (starts_lowercase (kept->pdata[i]))
        {
          if (first_von == G_MAXUINT)
            first_von = i;
          last_von = i;
        }
    for (guint i = 0; i < kept->len; i++)
      {
        GString *to;

        if (first_von != G_MAXUINT)
          to = i < first_von ? given : i <= last_von ? particle : family;
        else
          to = i + 1 < kept->len ? given : family;
        g_string_append_printf (to, "%s%s", to->len ? " " : "", (char *) kept->pdata[i]);
      }
    {
      g_autofree char *f = storyline_latex_to_text (family->str);
      json_object_set_string_member (name, "family", f);
    }
    if (given->len > 0)
      {
        g_autofree char *g = storyline_latex_to_text (given->str);
        json_object_set_string_member (name, "given", g);
      }
    if (particle->len > 0)
      {
        g_autofree char *pt = storyline_latex_to_text (particle->str);
        json_object_set_string_member (name, "non-dropping-particle", pt);
      }
    return name;
  }
}

/**
 * storyline_csl_names:
 * @names: names as a bibliography writes them
 * @bibtex: whether they are LaTeX, in BibTeX's forms (else RIS's
 *   "Family, Given, Suffix")
 *
 * Returns: (transfer full): a CSL name array
 */
JsonNode *
storyline_csl_names (const char * const *names,
                     gboolean            bibtex)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (*names[i] == '\0')
        continue;
      if (bibtex)
        json_array_add_object_element (array, bibtex_name (names[i]));
      else
        {
          g_auto(GStrv) parts = g_strsplit (names[i], ",", 3);
          JsonObject *name = json_object_new ();

          if (parts[1] == NULL)
            json_object_set_string_member (name, "literal", g_strstrip (parts[0]));
          else
            {
              json_object_set_string_member (name, "family", g_strstrip (parts[0]));
              if (*g_strstrip (parts[1]) != '\0')
                json_object_set_string_member (name, "given", parts[1]);
              if (parts[2] != NULL && *g_strstrip (parts[2]) != '\0')
                json_object_set_string_member (name, "suffix", parts[2]);
            }
          json_array_add_object_element (array, name);
        }
    }
  return json_node_init_array (json_node_alloc (), array);
}

/**
 * storyline_csl_date:
 * @month: 0 when not known
 * @day: 0 when not known
 *
 * Returns: (transfer full): a CSL date of date-parts
 */
JsonNode *
storyline_csl_date (int year,
                    int month,
                    int day)
{
  JsonArray *inner = json_array_new ();
  JsonArray *outer = json_array_new ();
  JsonObject *date = json_object_new ();

  json_array_add_int_element (inner, year);
  if (month > 0)
    {
      json_array_add_int_element (inner, month);
      if (day > 0)
        json_array_add_int_element (inner, day);
    }
  json_array_add_array_element (outer, inner);
  json_object_set_array_member (date, "date-parts", outer);
  return json_node_init_object (json_node_alloc (), date);
}

/* Entries to CSL */

static const struct { const char *bibtex; const char *csl; } entry_types[] = {
  { "article", "article-journal" }, { "book", "book" }, { "mvbook", "book" }, { "booklet", "book" },
  { "inbook", "chapter" }, { "bookinbook", "chapter" }, { "suppbook", "chapter" }, { "incollection", "chapter" },
  { "suppcollection", "chapter" }, { "collection", "book" }, { "mvcollection", "book" },
  { "inproceedings", "paper-conference" }, { "conference", "paper-conference" }, { "proceedings", "book" },
  { "mvproceedings", "book" }, { "manual", "report" }, { "mastersthesis", "thesis" }, { "phdthesis", "thesis" },
  { "thesis", "thesis" }, { "misc", "document" }, { "online", "webpage" }, { "electronic", "webpage" },
  { "www", "webpage" }, { "techreport", "report" }, { "report", "report" }, { "unpublished", "manuscript" },
  { "patent", "patent" }, { "periodical", "periodical" }, { "suppperiodical", "article-journal" },
  { "inreference", "entry-encyclopedia" }, { "reference", "book" }, { "mvreference", "book" },
  { "dataset", "dataset" }, { "software", "software" }, { "artwork", "graphic" }, { "audio", "song" },
  { "image", "graphic" }, { "movie", "motion_picture" }, { "video", "motion_picture" }, { "music", "song" },
  { "performance", "performance" }, { "standard", "standard" }, { "legislation", "legislation" },
  { "jurisdiction", "legal_case" }, { "legal", "legal_case" }, { "letter", "personal_communication" },
  { "review", "review" }, { "set", "document" }, { "xdata", "document" },
};

/* Fields whose text is copied to a CSL variable as it is. */
static const struct { const char *bibtex; const char *csl; } text_fields[] = {
  { "title", "title" }, { "subtitle", "title" }, { "shorttitle", "title-short" }, { "volume", "volume" },
  { "edition", "edition" }, { "series", "collection-title" }, { "note", "note" }, { "annote", "annote" },
  { "abstract", "abstract" }, { "doi", "DOI" }, { "isbn", "ISBN" }, { "issn", "ISSN" }, { "url", "URL" },
  { "publisher", "publisher" }, { "address", "publisher-place" }, { "location", "publisher-place" },
  { "language", "language" }, { "langid", "language" }, { "keywords", "keyword" }, { "chapter", "chapter-number" },
  { "pages", "page" }, { "pagetotal", "number-of-pages" }, { "volumes", "number-of-volumes" },
  { "version", "version" }, { "howpublished", "medium" }, { "type", "genre" }, { "eventtitle", "event-title" },
  { "venue", "event-place" }, { "origtitle", "original-title" }, { "pmid", "PMID" }, { "pmcid", "PMCID" },
  { "archiveprefix", "archive" }, { "eprint", "number" },
};

static const struct { const char *bibtex; const char *csl; } name_fields[] = {
  { "author", "author" }, { "editor", "editor" }, { "translator", "translator" }, { "bookauthor", "container-author" },
  { "editora", "editor" }, { "director", "director" },
};

static char *
field_text (GHashTable *fields,
            const char *name)
{
  const char *raw = g_hash_table_lookup (fields, name);

  return raw ? storyline_latex_to_text (raw) : NULL;
}

static void
set_text (JsonObject *item,
          const char *csl,
          const char *text)
{
  if (text != NULL && *text != '\0' && !json_object_has_member (item, csl))
    json_object_set_string_member (item, csl, text);
}

/* BibLaTeX's "date" (and "urldate"): YYYY, YYYY-MM, YYYY-MM-DD, or a
 * range of them; as CSL date-parts, or its text when it is none. */
static JsonNode *
biblatex_date (const char *text)
{
  g_auto(GStrv) ends = g_strsplit (text, "/", 2);
  JsonArray *outer = json_array_new ();
  JsonObject *date = json_object_new ();

  for (guint e = 0; ends[e] != NULL; e++)
    {
      g_auto(GStrv) parts = g_strsplit (g_strstrip (ends[e]), "-", 3);
      JsonArray *inner = json_array_new ();

      for (guint i = 0; parts[i] != NULL; i++)
        {
          char *end;
          gint64 n = g_ascii_strtoll (parts[i], &end, 10);

          if (*parts[i] == '\0' || *end != '\0')
            {
              json_array_unref (inner);
              json_array_unref (outer);
              json_object_set_string_member (date, "raw", text);
              return json_node_init_object (json_node_alloc (), date);
            }
          json_array_add_int_element (inner, n);
        }
      json_array_add_array_element (outer, inner);
    }
  json_object_set_array_member (date, "date-parts", outer);
  return json_node_init_object (json_node_alloc (), date);
}

static JsonObject *
entry_to_item (const char *type,
               const char *key,
               GHashTable *fields)
{
  JsonObject *item = json_object_new ();
  const char *csl = "document";
  g_autofree char *container = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (entry_types); i++)
    if (g_str_equal (type, entry_types[i].bibtex))
      {
        csl = entry_types[i].csl;
        break;
      }
  json_object_set_string_member (item, "id", key);
  json_object_set_string_member (item, "type", csl);

  /* Title with its subtitle. */
  {
    g_autofree char *title = field_text (fields, "title");
    g_autofree char *subtitle = field_text (fields, "subtitle");

    if (title != NULL && subtitle != NULL && *subtitle != '\0')
      {
        g_autofree char *both = g_strdup_printf ("%s: %s", title, subtitle);
        set_text (item, "title", both);
      }
    else
      set_text (item, "title", title);
  }

  /* Where it was published: an article's journal (or the book it is
   * in), anything else's book (or BibTeX's journal). */
  if (g_str_has_prefix (csl, "article") || g_str_equal (csl, "periodical"))
    {
      container = field_text (fields, "journaltitle");
      if (container == NULL)
        container = field_text (fields, "journal");
    }
  if (container == NULL)
    container = field_text (fields, "booktitle");
  if (container == NULL)
    container = field_text (fields, "journal");
  if (container == NULL && g_str_equal (csl, "webpage"))
    container = field_text (fields, "organization");
  set_text (item, "container-title", container);

  /* Who published it: the publisher, or the school, institution or
   * organization it came from. */
  {
    static const char * const publishers[] = { "publisher", "school", "institution", "organization" };

    for (guint i = 0; i < G_N_ELEMENTS (publishers); i++)
      {
        g_autofree char *text = field_text (fields, publishers[i]);

        if (i == 3 && g_str_equal (csl, "webpage"))
          break;
        set_text (item, "publisher", text);
      }
  }

  /* The number of an article is its issue. */
  {
    g_autofree char *number = field_text (fields, "number");
    g_autofree char *issue = field_text (fields, "issue");

    static const char * const issued[] = { "article", "periodical", "inproceedings", NULL };
    static const char * const in_series[] = { "book", "mvbook", "inbook", "bookinbook", "suppbook", "collection", "mvcollection",
                                              "incollection", "suppcollection", "manual", "suppperiodical", "proceedings",
                                              "mvproceedings", "reference", NULL };

    if (issue != NULL)
      set_text (item, "issue", issue);
    /* An article's or a paper's number is its issue; a report's or a
     * patent's its number; a book's its number in its series. */
    if (number != NULL)
      set_text (item, g_strv_contains (issued, type) ? "issue" : g_strv_contains (in_series, type) ? "collection-number" : "number", number);
  }

  /* A thesis says which. */
  if (g_str_equal (type, "phdthesis"))
    set_text (item, "genre", "PhD thesis");
  else if (g_str_equal (type, "mastersthesis"))
    set_text (item, "genre", "Master's thesis");

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *text = NULL;

      if (g_str_equal (text_fields[i].bibtex, "title") || g_str_equal (text_fields[i].bibtex, "subtitle"))
        continue;
      text = field_text (fields, text_fields[i].bibtex);
      if (text != NULL && g_str_equal (text_fields[i].csl, "page"))
        {
          /* "12--30" is a range of pages: a hyphen between them. */
          g_autoptr(GString) pages = g_string_new (text);

          g_string_replace (pages, "–", "-", 0);
          g_string_replace (pages, "—", "-", 0);
          set_text (item, "page", pages->str);
          continue;
        }
      set_text (item, text_fields[i].csl, text);
    }

  for (guint i = 0; i < G_N_ELEMENTS (name_fields); i++)
    {
      const char *raw = g_hash_table_lookup (fields, name_fields[i].bibtex);
      g_autoptr(GPtrArray) names = NULL;

      if (raw == NULL || json_object_has_member (item, name_fields[i].csl))
        continue;
      names = split_top (raw, " and ");
      g_ptr_array_add (names, NULL);
      json_object_set_member (item, name_fields[i].csl, storyline_csl_names ((const char * const *) names->pdata, TRUE));
    }

  /* When: BibLaTeX's date, or year, month and day. */
  {
    g_autofree char *date = field_text (fields, "date");
    g_autofree char *year = field_text (fields, "year");
    g_autofree char *month = field_text (fields, "month");
    g_autofree char *day = field_text (fields, "day");
    g_autofree char *urldate = field_text (fields, "urldate");

    if (date != NULL && *date != '\0')
      json_object_set_member (item, "issued", biblatex_date (date));
    else if (year != NULL && *year != '\0')
      {
        char *end;
        gint64 y = g_ascii_strtoll (year, &end, 10);
        gint64 m = 0, d = 0;

        if (*end != '\0')
          {
            JsonObject *literal = json_object_new ();

            json_object_set_string_member (literal, "literal", year);
            json_object_set_object_member (item, "issued", literal);
          }
        else
          {
            if (month != NULL)
              {
                static const char * const names[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };

                m = g_ascii_strtoll (month, &end, 10);
                if (*end != '\0' || m < 1 || m > 12)
                  {
                    m = 0;
                    for (guint k = 0; k < G_N_ELEMENTS (names); k++)
                      if (g_ascii_strncasecmp (month, names[k], 3) == 0)
                        m = k + 1;
                  }
              }
            if (m > 0 && day != NULL)
              {
                d = g_ascii_strtoll (day, &end, 10);
                if (*end != '\0' || d < 1 || d > 31)
                  d = 0;
              }
            json_object_set_member (item, "issued", storyline_csl_date (y, m, d));
          }
      }
    if (urldate != NULL && *urldate != '\0')
      json_object_set_member (item, "accessed", biblatex_date (urldate));
  }
  return item;
}

static gboolean
read_entry (Bib       *b,
            JsonArray *items,
            GHashTable *keys)
{
  g_autofree char *type = NULL;
  char close;

  b->p++;     /* '@' */
  skip_space (b);
  type = read_name (b);
  if (type == NULL)
    return failed (b, _("expected an entry type after “@”"));
  skip_space (b);
  if (b->p >= b->end || (*b->p != '{' && *b->p != '('))
    {
      /* "@" in a comment, outside any entry. */
      return TRUE;
    }
  close = *b->p == '{' ? '}' : ')';
  b->p++;

  if (g_str_equal (type, "comment"))
    {
      g_autoptr(GString) ignored = g_string_new (NULL);

      return close == '}' ? read_delimited (b, ignored, '}') : TRUE;
    }
  if (g_str_equal (type, "preamble"))
    {
      g_autoptr(GString) ignored = g_string_new (NULL);

      if (!read_value (b, ignored))
        return FALSE;
      skip_space (b);
      if (b->p >= b->end || *b->p != close)
        return failed (b, _("expected “%c” to end the @preamble"), close);
      b->p++;
      return TRUE;
    }
  if (g_str_equal (type, "string"))
    {
      g_autofree char *name = NULL;
      g_autoptr(GString) value = g_string_new (NULL);

      skip_space (b);
      if ((name = read_name (b)) == NULL)
        return failed (b, _("expected the name of a @string"));
      skip_space (b);
      if (b->p >= b->end || *b->p != '=')
        return failed (b, _("expected “=” after the @string name “%s”"), name);
      b->p++;
      if (!read_value (b, value))
        return FALSE;
      skip_space (b);
      if (b->p >= b->end || *b->p != close)
        return failed (b, _("expected “%c” to end the @string"), close);
      b->p++;
      g_hash_table_insert (b->macros, g_steal_pointer (&name), g_string_free (g_steal_pointer (&value), FALSE));
      return TRUE;
    }

  {
    g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    g_autoptr(GString) key = g_string_new (NULL);
    guint entry_line = b->line;

    skip_space (b);
    while (b->p < b->end && *b->p != ',' && *b->p != close && !g_ascii_isspace (*b->p))
      g_string_append_c (key, *b->p++);
    skip_space (b);
    for (;;)
      {
        g_autofree char *field = NULL;
        g_autoptr(GString) value = g_string_new (NULL);

        skip_space (b);
        if (b->p < b->end && *b->p == ',')
          {
            b->p++;
            skip_space (b);
          }
        if (b->p >= b->end)
          {
            b->line = entry_line;
            return failed (b, _("the entry “%s” is not closed"), key->str);
          }
        if (*b->p == close)
          {
            b->p++;
            break;
          }
        if ((field = read_name (b)) == NULL)
          return failed (b, _("expected a field name in the entry “%s”"), key->str);
        skip_space (b);
        if (b->p >= b->end || *b->p != '=')
          return failed (b, _("expected “=” after the field “%s”"), field);
        b->p++;
        if (!read_value (b, value))
          return FALSE;
        g_hash_table_replace (fields, g_steal_pointer (&field), g_string_free (g_steal_pointer (&value), FALSE));
      }
    if (key->len == 0)
      g_string_append_printf (key, "entry-%u", json_array_get_length (items) + 1);
    json_array_add_object_element (items, entry_to_item (type, key->str, fields));
    g_hash_table_add (keys, g_strdup (key->str));
  }
  return TRUE;
}

/**
 * storyline_bibtex_to_csl:
 *
 * Returns: (transfer full) (nullable): the entries of a BibTeX or
 *   BibLaTeX file as CSL-JSON items; %NULL with @error set (line and
 *   column) when it cannot be read
 */
JsonArray *
storyline_bibtex_to_csl (const char  *data,
                         gsize        length,
                         GError     **error)
{
  g_autoptr(JsonArray) items = json_array_new ();
  g_autoptr(GHashTable) macros = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Bib b = { data, data, data + length, 1, macros, error };

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    b.p += 3;
  while (b.p < b.end)
    {
      if (*b.p == '\n')
        b.line++;
      if (*b.p != '@')
        {
          b.p++;
          continue;
        }
      if (!read_entry (&b, items, keys))
        return NULL;
    }
  return g_steal_pointer (&items);
}
