/* storyline-reader-json.c: where in the file the reader is, what it found there, and its problems
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "storyline-url.h"
#include "storyline-reader-private.h"

/* Paths: "events[4].date"; keys that are not plain names are quoted. */

gsize
storyline_reader_path_push_key (Reader     *r,
                                const char *key)
{
  gsize len = r->path->len;
  gboolean plain = *key != '\0';

  for (const char *p = key; *p && plain; p++)
    plain = g_ascii_isalnum (*p) || *p == '_' || *p == '-' || *p == '$';

  if (plain)
    {
      if (r->path->len > 0)
        g_string_append_c (r->path, '.');
      g_string_append (r->path, key);
    }
  else
    {
      g_autofree char *escaped = g_strescape (key, NULL);
      g_string_append_printf (r->path, "[\"%s\"]", escaped);
    }

  return len;
}

gsize
storyline_reader_path_push_index (Reader *r,
                                  guint   index)
{
  gsize len = r->path->len;
  char digits[16];
  guint n = 0;

  /* Twice for every element of a large file: no printf. */
  do
    digits[n++] = '0' + index % 10;
  while ((index /= 10) > 0);
  g_string_append_c (r->path, '[');
  while (n > 0)
    g_string_append_c (r->path, digits[--n]);
  g_string_append_c (r->path, ']');
  return len;
}

void
storyline_reader_path_pop (Reader *r,
                           gsize   len)
{
  g_string_truncate (r->path, len);
}

static void
report_valist (Reader            *r,
               StorylineSeverity  severity,
               const char        *id,
               const char        *format,
               va_list            args) G_GNUC_PRINTF (4, 0);

static void
report_valist (Reader            *r,
               StorylineSeverity  severity,
               const char        *id,
               const char        *format,
               va_list            args)
{
  g_autofree char *message = NULL;

  if (severity == STORYLINE_SEVERITY_ERROR)
    r->n_errors++;

  /* A file can have a million broken elements; a person reads the first
   * few hundred, and the count of the rest. */
  if (r->problems->len >= STORYLINE_MAX_PROBLEMS)
    {
      r->n_dropped++;
      return;
    }
  message = g_strdup_vprintf (format, args);
  g_ptr_array_add (r->problems, storyline_problem_new (severity, r->path->str, id, message));
}


void
storyline_reader_error (Reader     *r,
                        const char *id,
                        const char *format,
                        ...)
{
  va_list args;

  va_start (args, format);
  report_valist (r, STORYLINE_SEVERITY_ERROR, id, format, args);
  va_end (args);
}


void
storyline_reader_warning (Reader     *r,
                          const char *id,
                          const char *format,
                          ...)
{
  va_list args;

  va_start (args, format);
  report_valist (r, STORYLINE_SEVERITY_WARNING, id, format, args);
  va_end (args);
}

const char *
storyline_reader_describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("a string");
        case G_TYPE_BOOLEAN:
          return _("true or false");
        default:
          return _("a number");
        }
    }
}

/* Returns the member @key when it is present and not null, reporting a
 * missing required member at the member's own path. */
JsonNode *
storyline_reader_get_member (Reader     *r,
                             JsonObject *object,
                             const char *key,
                             const char *id,
                             gboolean    required)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    return node;

  if (required)
    {
      gsize len = storyline_reader_path_push_key (r, key);
      if (node == NULL)
        storyline_reader_error (r, id, _("the required key “%s” is missing"), key);
      else
        storyline_reader_error (r, id, _("“%s” is required and cannot be null"), key);
      storyline_reader_path_pop (r, len);
    }

  return NULL;
}

const char *
storyline_reader_node_get_string (Reader     *r,
                                  JsonNode   *node,
                                  const char *id,
                                  gboolean    not_empty)
{
  const char *value;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      storyline_reader_error (r, id, _("expected a string, found %s"), storyline_reader_describe_node (node));
      return NULL;
    }

  value = json_node_get_string (node);
  if (not_empty && *value == '\0')
    {
      storyline_reader_error (r, id, _("must not be empty"));
      return NULL;
    }
  /* U+202D and U+202E reverse what follows them: "\u202Eexe.txt" reads
   * as "txt.exe". Storyline does not show them. */
  for (const char *p = strchr (value, '\xe2'); p != NULL; p = strchr (p + 1, '\xe2'))
    if (p[1] == '\x80' && (p[2] == '\xad' || p[2] == '\xae'))
      {
        storyline_reader_warning (r, id, _("contains a bidirectional override character, which can disguise text; it is not shown"));
        break;
      }
  return value;
}

const char *
storyline_reader_read_string (Reader     *r,
                              JsonObject *object,
                              const char *key,
                              const char *id,
                              gboolean    required)
{
  JsonNode *node = storyline_reader_get_member (r, object, key, id, required);
  const char *value;
  gsize len;

  if (node == NULL)
    return NULL;

  len = storyline_reader_path_push_key (r, key);
  value = storyline_reader_node_get_string (r, node, id, required);
  storyline_reader_path_pop (r, len);
  return value;
}

char *
storyline_reader_dup_string (Reader     *r,
                             JsonObject *object,
                             const char *key,
                             const char *id)
{
  return g_strdup (storyline_reader_read_string (r, object, key, id, FALSE));
}

JsonArray *
storyline_reader_read_array (Reader     *r,
                             JsonObject *object,
                             const char *key,
                             const char *id)
{
  JsonNode *node = storyline_reader_get_member (r, object, key, id, FALSE);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      gsize len = storyline_reader_path_push_key (r, key);
      storyline_reader_error (r, id, _("expected an array, found %s"), storyline_reader_describe_node (node));
      storyline_reader_path_pop (r, len);
      return NULL;
    }
  return json_node_get_array (node);
}

JsonObject *
storyline_reader_node_get_object (Reader     *r,
                                  JsonNode   *node,
                                  const char *id)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      storyline_reader_error (r, id, _("expected an object, found %s"), storyline_reader_describe_node (node));
      return NULL;
    }
  return json_node_get_object (node);
}

char **
storyline_reader_read_string_list (Reader     *r,
                                   JsonObject *object,
                                   const char *key,
                                   const char *id)
{
  JsonArray *array = storyline_reader_read_array (r, object, key, id);
  GPtrArray *strings;
  gsize len;

  if (array == NULL || json_array_get_length (array) == 0)
    return NULL;

  strings = g_ptr_array_new ();
  len = storyline_reader_path_push_key (r, key);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize len2 = storyline_reader_path_push_index (r, i);
      const char *value = storyline_reader_node_get_string (r, json_array_get_element (array, i), id, TRUE);

      if (value != NULL)
        g_ptr_array_add (strings, g_strdup (value));
      storyline_reader_path_pop (r, len2);
    }
  storyline_reader_path_pop (r, len);
  g_ptr_array_add (strings, NULL);

  return (char **) g_ptr_array_free (strings, FALSE);
}

gboolean
storyline_reader_read_date (Reader        *r,
                            JsonObject    *object,
                            const char    *key,
                            const char    *id,
                            gboolean       required,
                            StorylineDate *date)
{
  const char *text = storyline_reader_read_string (r, object, key, id, required);
  g_autoptr(GError) local_error = NULL;
  gsize len;

  if (text == NULL)
    return FALSE;

  if (storyline_date_parse (text, date, &local_error))
    return TRUE;

  len = storyline_reader_path_push_key (r, key);
  storyline_reader_error (r, id, _("not a date of the format: %s"), local_error->message);
  storyline_reader_path_pop (r, len);
  return FALSE;
}

void
storyline_reader_check_url (Reader     *r,
                            const char *url,
                            const char *id)
{
  StorylineUrlVerdict verdict = storyline_url_check (url, NULL);

  if (verdict != STORYLINE_URL_LINK)
    storyline_reader_warning (r, id, "%s", storyline_url_describe (verdict));
}

/* Every 1024 elements: report progress, and stop when cancelled. */
gboolean
storyline_reader_is_cancelled (Reader *r,
                               guint   i)
{
  r->done++;
  if (r->pieces_failed)
    return TRUE;
  if ((i & 1023) != 0)
    return FALSE;
  if (r->progress != NULL && r->total > 0)
    storyline_load_progress_set (r->progress, STORYLINE_LOAD_PHASE_CHECKING, (double) r->done / r->total);
  return g_cancellable_is_cancelled (r->cancellable);
}

