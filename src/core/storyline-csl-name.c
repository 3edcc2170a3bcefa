/* storyline-csl-name.c: a person's name: reading it, its particles, and its
 * given names as initials, as citeproc-js makes them
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-csl-private.h"
#include "storyline-csl-case.h"

/* <names> */


void
csl_name_clear (Name *n)
{
  g_free (n->family);
  g_free (n->given);
  g_free (n->dropping);
  g_free (n->non_dropping);
  g_free (n->suffix);
  g_free (n->literal);
}

static char *
member (JsonObject *o,
        const char *key)
{
  JsonNode *n = json_object_has_member (o, key) ? json_object_get_member (o, key) : NULL;

  if (n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING &&
      *json_node_get_string (n))
    return csl_smarten (json_node_get_string (n));
  return NULL;
}

static gboolean
starts_lower (const char *s)
{
  while (*s && strchr ("-'’ \u02bb", *s))
    s++;
  if (g_str_has_prefix (s, "’"))
    s += strlen ("’");
  return *s && g_unichar_islower (g_utf8_get_char (s));
}

/* Particles left in the family and given names, as citeproc-js finds
 * them: lowercase words at the start of the family name ("van Gogh",
 * "d’Souza"), at the end of the given name ("Nadeem ul"). */
static void
parse_particles (Name *n)
{
  /* family */
  {
    GString *particles = g_string_new (NULL);
    const char *p = n->family;

    for (;;)
      {
        const char *q = p;
        const char *end = NULL;

        while (*q && *q != ' ' && *q != '-' && *q != '\'' && !g_str_has_prefix (q, "’") && !g_str_has_prefix (q, "\u02bb"))
          q++;
        if (!*q)
          break;
        if (g_str_has_prefix (q, "’"))
          end = q + strlen ("’");
        else if (g_str_has_prefix (q, "\u02bb"))
          end = q + strlen ("\u02bb");
        else
          end = q + 1;
        while (*end == ' ')
          end++;
        if (!*end)
          break;
        {
          g_autofree char *word = g_strndup (p, end - p);
          if (!starts_lower (word))
            break;
          g_string_append (particles, word);
        }
        p = end;
      }
    if (particles->len)
      {
        char *rest = g_strdup (p);
        char *trimmed = g_strdup (particles->str);
        gsize tl = strlen (trimmed);
        gboolean keep_space = tl && trimmed[tl - 1] == ' ';

        g_strstrip (trimmed);
        if (keep_space && (g_str_has_suffix (trimmed, "'") || g_str_has_suffix (trimmed, "’")))
          {
            char *t = g_strconcat (trimmed, " ", NULL);
            g_free (trimmed);
            trimmed = t;
          }
        g_free (n->family);
        n->family = rest;
        n->non_dropping = trimmed;
      }
    g_string_free (particles, TRUE);
  }
  /* given: lowercase words at its end */
  if (n->given)
    {
      g_auto(GStrv) words = g_strsplit (n->given, " ", -1);
      guint count = g_strv_length (words);
      guint keep = count;

      while (keep > 1 && *words[keep - 1] && starts_lower (words[keep - 1]))
        keep--;
      if (keep < count)
        {
          GString *given = g_string_new (NULL);

          for (guint i = 0; i < keep; i++)
            g_string_append_printf (given, "%s%s", i ? " " : "", words[i]);
          g_free (n->given);
          n->given = g_string_free (given, FALSE);
          n->dropping = g_strjoinv (" ", words + keep);
        }
    }
}

void
csl_read_name (JsonNode *node,
               Name     *n)
{
  JsonObject *o;

  memset (n, 0, sizeof *n);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  o = json_node_get_object (node);
  n->family = member (o, "family");
  n->given = member (o, "given");
  n->literal = member (o, "literal");
  n->dropping = member (o, "dropping-particle");
  n->non_dropping = member (o, "non-dropping-particle");
  n->suffix = member (o, "suffix");
  if (json_object_has_member (o, "comma-suffix"))
    n->comma_suffix = json_node_get_boolean (json_object_get_member (o, "comma-suffix"));
  if (n->family == NULL && n->literal == NULL && n->given != NULL)
    {
      n->literal = n->given;
      n->given = NULL;
    }
  if (n->family && n->non_dropping == NULL && n->given)
    parse_particles (n);
}

gboolean
csl_is_romanesque_char (gunichar ch)
{
  return ch == '-' || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
         (ch >= 0x0e01 && ch <= 0x0e5b) || (ch >= 0x00c0 && ch <= 0x017f) || (ch >= 0x0370 && ch <= 0x03ff) ||
         (ch >= 0x0400 && ch <= 0x052f) || (ch >= 0x0590 && ch <= 0x05d4) || (ch >= 0x05d6 && ch <= 0x05ff) ||
         (ch >= 0x1f00 && ch <= 0x1fff) || (ch >= 0x0600 && ch <= 0x06ff) || ch == 0x200c || ch == 0x200d ||
         ch == 0x200e || (ch >= 0x0218 && ch <= 0x021b) || (ch >= 0x202a && ch <= 0x202e);
}

static gboolean
starts_romanesque (const char *s)
{
  gunichar ch;

  if (s == NULL || !*s)
    return FALSE;
  ch = g_utf8_get_char (s);
  return ch == '&' || (csl_is_romanesque_char (ch) && ch != '-' && !(ch >= '0' && ch <= '9'));
}

/* 0: no Latin-like letters at all; 1: mixed; 2: Latin-like. */
int
csl_romanesque (Ctx  *c,
                Name *n)
{
  gboolean any = FALSE;

  for (const char *p = n->family ? n->family : ""; *p; p = g_utf8_next_char (p))
    if (csl_is_romanesque_char (g_utf8_get_char (p)))
      any = TRUE;
  if (!any)
    return n->given && starts_romanesque (n->given) ? 1 : 0;
  {
    g_autofree char *language = csl_item_string (c, "language");
    if (language && (g_ascii_strncasecmp (language, "ja", 2) == 0 || g_ascii_strncasecmp (language, "zh", 2) == 0))
      return 1;
  }
  return 2;
}

/* Given names as initials, by citeproc-js's rules: "Nur-Jahan" →
 * "N.-J.", "Ji-hoon" → "J.", "Md. Abdul" → "Md. A.". */
char *
csl_initialize (const char *given,
                const char *with,
                gboolean    normalize_only)
{
  static GRegex *initial;
  g_autoptr(GString) name = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) out = NULL;

  if (given == NULL || !*given)
    return g_strdup ("");
  if (!starts_romanesque (given))
    return g_strdup (given);
  if (g_once_init_enter (&initial))
    g_once_init_leave (&initial, g_regex_new ("^([A-Z\\x{0e01}-\\x{0e5b}\\x{00c0}-\\x{017f}\\x{0400}-\\x{042f}\\x{0590}-\\x{05d4}\\x{05d6}-\\x{05ff}\\x{0600}-\\x{06ff}\\x{0370}\\x{0372}\\x{0376}\\x{0386}\\x{0388}-\\x{03ab}\\x{03e2}\\x{03e4}\\x{03e6}\\x{03e8}\\x{03ea}\\x{03ec}\\x{03ee}\\x{03f4}\\x{03f7}\\x{03fd}-\\x{03ff}])"
                                              "([a-zA-Z\\x{0e01}-\\x{0e5b}\\x{00c0}-\\x{017f}\\x{0400}-\\x{052f}\\x{0600}-\\x{06ff}\\x{0370}-\\x{03ff}\\x{1f00}-\\x{1fff}]*|)(\\.)*",
                                              0, 0, NULL));

  /* Spaces around hyphens go; a hyphen before a lowercase letter is
   * kept apart (an en dash for now); a period gets a space after it. */
  name = g_string_new (NULL);
  for (const char *p = given; *p; p++)
    {
      if (*p == ' ' && (p[1] == '-' || (name->len && name->str[name->len - 1] == '-')))
        continue;
      if (*p == ' ' && name->len && name->str[name->len - 1] == ' ')
        continue;
      if (*p == '-' && g_ascii_islower (p[1]))
        {
          g_string_append (name, "–");
          continue;
        }
      g_string_append_c (name, *p);
      if (*p == '.' && p[1] && p[1] != ' ')
        g_string_append_c (name, ' ');
    }

  /* Split into names and the separators between them ("-" or " "). */
  list = g_ptr_array_new_with_free_func (g_free);
  {
    const char *p = name->str, *start = name->str;

    while (*p)
      {
        if (*p == ' ' || *p == '-')
          {
            const char *sep = p;
            g_ptr_array_add (list, g_strndup (start, p - start));
            while (*p == ' ' || *p == '-')
              p++;
            g_ptr_array_add (list, g_strndup (sep, p - sep));
            start = p;
          }
        else
          p++;
      }
    g_ptr_array_add (list, g_strndup (start, p - start));
  }
  /* A last name of one capital letter gets its period. */
  {
    char *first = g_ptr_array_index (list, 0);
    const char *dot = strrchr (first, '.');
    const char *tail = dot ? dot + 1 : first;

    if (g_utf8_strlen (tail, -1) == 1 && g_unichar_isupper (g_utf8_get_char (tail)) && list->len == 1)
      {
        char *with_dot = g_strconcat (first, ".", NULL);
        g_free (list->pdata[0]);
        list->pdata[0] = with_dot;
      }
  }

  if (normalize_only)
    {
      g_autoptr(GArray) abbrev = g_array_new (FALSE, FALSE, sizeof (gboolean));

      for (guint i = 0; i < list->len; i += 1)
        {
          char *n = g_ptr_array_index (list, i);
          gboolean a = FALSE;

          if (i % 2 == 0)
            {
              gsize len = g_utf8_strlen (n, -1);
              if (len > 1 && g_str_has_suffix (n, "."))
                {
                  char *dot = strrchr (n, '.');
                  memmove (dot, dot + 1, strlen (dot + 1) + 1);
                  a = TRUE;
                }
              else if (len == 1 && g_unichar_isupper (g_utf8_get_char (n)))
                a = TRUE;
            }
          g_array_append_val (abbrev, a);
        }
      for (guint i = 0; i < list->len; i += 2)
        {
          if (!g_array_index (abbrev, gboolean, i))
            continue;
          if (i + 2 < list->len)
            {
              char *sep = g_ptr_array_index (list, i + 1);
              char *next = g_ptr_array_index (list, i + 2);
              g_autofree char *with_trimmed = g_strdup (with);
              char *joined;

              if (!g_array_index (abbrev, gboolean, i + 2))
                {
                  char *spaced = g_strconcat (strchr (sep, '-') ? "-" : "", " ", NULL);
                  g_free (list->pdata[i + 1]);
                  list->pdata[i + 1] = spaced;
                  sep = spaced;
                }
              if (g_utf8_strlen (next, -1) > 1)
                joined = g_strconcat (g_strchomp (with_trimmed), sep, NULL);
              else
                joined = g_strconcat (with, "", NULL);
              if (strchr (sep, '-') && g_utf8_strlen (next, -1) <= 1)
                {
                  g_free (joined);
                  joined = g_strconcat (g_strchomp (with_trimmed), "-", NULL);
                }
              g_free (list->pdata[i + 1]);
              list->pdata[i + 1] = joined;
            }
          if (i == list->len - 1)
            {
              char *n = g_strconcat (g_ptr_array_index (list, i), with, NULL);
              g_free (list->pdata[i]);
              list->pdata[i] = n;
            }
        }
    }
  else
    {
      for (guint i = 0; i < list->len; i += 2)
        {
          const char *n = g_ptr_array_index (list, i);
          g_autoptr(GMatchInfo) m = NULL;

          if (!*n)
            continue;
          if (g_regex_match (initial, n, 0, &m))
            {
              g_autofree char *m1 = g_match_info_fetch (m, 1);
              g_autofree char *m2 = g_match_info_fetch (m, 2);
              g_autofree char *m3 = g_match_info_fetch (m, 3);
              g_autofree char *extra = NULL;

              if (m2 && *m2 && m3 && *m3)
                {
                  char *joined = g_strconcat (m1, m2, NULL);
                  g_free (m1);
                  m1 = joined;
                  g_free (m2);
                  m2 = g_strdup ("");
                }
              /* Capitals after the initial ("MD" → "Md"). */
              if (m2 && *m2)
                {
                  GString *caps = g_string_new (NULL);
                  const char *p = m2;
                  while (*p && g_unichar_isupper (g_utf8_get_char (p)))
                    {
                      g_string_append_unichar (caps, g_utf8_get_char (p));
                      p = g_utf8_next_char (p);
                    }
                  if (*p)
                    extra = g_utf8_strdown (caps->str, -1);
                  g_string_free (caps, TRUE);
                }
              g_free (list->pdata[i]);
              list->pdata[i] = g_strconcat (m1, extra ? extra : "", NULL);
              if (i < list->len - 1)
                {
                  char *sep = g_ptr_array_index (list, i + 1);
                  char *joined;

                  if (strchr (sep, '-'))
                    {
                      g_autofree char *with_trimmed = g_strdup (with);
                      joined = g_strconcat (g_strchomp (with_trimmed), "-", NULL);
                    }
                  else
                    joined = g_strdup (with);
                  g_free (list->pdata[i + 1]);
                  list->pdata[i + 1] = joined;
                }
              else
                g_ptr_array_add (list, g_strdup (with));
            }
          else
            {
              /* A name that is not an initial-able word stays whole,
               * after a space. */
              char *spaced = g_strconcat (" ", n, NULL);
              g_free (list->pdata[i]);
              list->pdata[i] = spaced;
            }
        }
    }

  out = g_string_new (NULL);
  for (guint i = 0; i < list->len; i++)
    g_string_append (out, g_ptr_array_index (list, i));
  /* Trailing space off, spaces around hyphens off, runs of spaces one. */
  {
    g_autoptr(GString) clean = g_string_new (NULL);
    for (const char *p = out->str; *p; p++)
      {
        if (*p == ' ' && (p[1] == ' ' || p[1] == '-' || p[1] == '\0'))
          continue;
        if (*p == ' ' && clean->len && clean->str[clean->len - 1] == '-')
          continue;
        g_string_append_c (clean, *p);
      }
    while (clean->len && clean->str[clean->len - 1] == ' ')
      g_string_truncate (clean, clean->len - 1);
    g_string_replace (clean, "–", "-", 0);
    /* a leading space from a whole word at the start */
    while (clean->len && clean->str[0] == ' ')
      g_string_erase (clean, 0, 1);
    return g_strdup (clean->str);
  }
}
