/* storyline-pieces.c: parsing a story's large arrays in pieces, on two threads
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-pieces.h"

/* json-glib parses on one thread, at about 15 MB a second. A story is one
 * object whose bulk is five arrays, so a quick pass over the bytes finds
 * the top-level members and the elements of those arrays; the elements are
 * then parsed in batches, as small JSON arrays of their own, by two threads
 * at once, and the members around them one by one.
 *
 * The pass only ever says "I cannot": anything it does not expect (a
 * comment, an escaped key, a stray character, a batch json-glib refuses)
 * makes storyline_parse_in_pieces() return FALSE, and the loader parses the
 * whole file the ordinary way, which reports the problem exactly. */

static const char * const collections[] = { "phases", "actors", "events", "quotes", "sources" };

#define BATCH_SIZE 512

typedef struct
{
  gsize start;
  gsize end;
} Span;

static gsize
skip_space (const char *data,
            gsize       len,
            gsize       p)
{
  while (p < len && (data[p] == ' ' || data[p] == '\n' || data[p] == '\r' || data[p] == '\t'))
    p++;
  return p;
}

/* From the opening quote to just after the closing one; 0 when the string
 * does not end. */
static gsize
skip_string (const char *data,
             gsize       len,
             gsize       p,
             gboolean   *escaped)
{
  for (p++; p < len; p++)
    {
      if (data[p] == '\\')
        {
          if (escaped != NULL)
            *escaped = TRUE;
          p++;
        }
      else if (data[p] == '"')
        return p + 1;
    }
  return 0;
}

/* Just after the value that starts at @p; 0 when it is not one. Nesting is
 * not checked beyond brackets matching in number: json-glib checks each
 * value when it parses it. */
static gsize
skip_value (const char *data,
            gsize       len,
            gsize       p)
{
  guint depth = 0;

  if (p >= len)
    return 0;
  if (data[p] == '"')
    return skip_string (data, len, p, NULL);

  if (data[p] != '{' && data[p] != '[')
    {
      gsize start = p;

      while (p < len && data[p] != ',' && data[p] != ']' && data[p] != '}' &&
             data[p] != ' ' && data[p] != '\n' && data[p] != '\r' && data[p] != '\t')
        p++;
      return p > start ? p : 0;
    }

  for (; p < len; p++)
    {
      char ch = data[p];

      if (ch == '"')
        {
          p = skip_string (data, len, p, NULL);
          if (p == 0)
            return 0;
          p--;
        }
      else if (ch == '{' || ch == '[')
        depth++;
      else if (ch == '}' || ch == ']')
        {
          if (--depth == 0)
            return p + 1;
        }
    }
  return 0;
}

typedef struct
{
  char *key;
  Span value;
  GArray *elements;           /* of Span, for the five arrays */
} Member;

static void
member_clear (Member *member)
{
  g_free (member->key);
  g_clear_pointer (&member->elements, g_array_unref);
}

static int
collection_index (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (collections); i++)
    if (strcmp (key, collections[i]) == 0)
      return i;
  return -1;
}

static gboolean
split (const char *data,
       gsize       len,
       GArray     *members)
{
  gsize p = skip_space (data, len, 0);

  if (p >= len || data[p] != '{')
    return FALSE;
  p = skip_space (data, len, p + 1);
  if (p < len && data[p] == '}')
    return FALSE;   /* an empty story: nothing to gain */

  for (;;)
    {
      Member member = { 0 };
      gboolean escaped = FALSE;
      gsize key_end;

      if (p >= len || data[p] != '"')
        return FALSE;
      key_end = skip_string (data, len, p, &escaped);
      if (key_end == 0 || escaped)
        return FALSE;
      member.key = g_strndup (data + p + 1, key_end - p - 2);
      p = skip_space (data, len, key_end);
      if (p >= len || data[p] != ':')
        {
          member_clear (&member);
          return FALSE;
        }
      p = skip_space (data, len, p + 1);
      member.value.start = p;

      if (p < len && data[p] == '[' && collection_index (member.key) >= 0)
        {
          member.elements = g_array_new (FALSE, FALSE, sizeof (Span));
          p = skip_space (data, len, p + 1);
          if (p < len && data[p] == ']')
            p++;
          else
            for (;;)
              {
                Span element = { p, skip_value (data, len, p) };

                if (element.end == 0)
                  {
                    member_clear (&member);
                    return FALSE;
                  }
                g_array_append_val (member.elements, element);
                p = skip_space (data, len, element.end);
                if (p < len && data[p] == ',')
                  p = skip_space (data, len, p + 1);
                else if (p < len && data[p] == ']')
                  {
                    p++;
                    break;
                  }
                else
                  {
                    member_clear (&member);
                    return FALSE;
                  }
              }
        }
      else
        {
          p = skip_value (data, len, p);
          if (p == 0)
            {
              member_clear (&member);
              return FALSE;
            }
        }
      member.value.end = p;
      g_array_append_val (members, member);

      p = skip_space (data, len, p);
      if (p < len && data[p] == ',')
        p = skip_space (data, len, p + 1);
      else if (p < len && data[p] == '}')
        break;
      else
        return FALSE;
    }

  return skip_space (data, len, p + 1) == len;
}

/* The batches, parsed by whichever thread takes them next. */
typedef struct
{
  const char *data;
  Span span;                  /* from the first element to the last */
  JsonArray *array;           /* the result */
} Batch;

typedef struct
{
  GPtrArray *batches;
  gint next;
  gint failed;
  GCancellable *cancellable;
} Work;

static gpointer
parse_batches (gpointer data)
{
  Work *work = data;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (;;)
    {
      guint i = (guint) g_atomic_int_add (&work->next, 1);
      Batch *batch;
      JsonNode *root;

      if (i >= work->batches->len || g_atomic_int_get (&work->failed) ||
          g_cancellable_is_cancelled (work->cancellable))
        break;
      batch = work->batches->pdata[i];

      g_string_truncate (text, 0);
      g_string_append_c (text, '[');
      g_string_append_len (text, batch->data + batch->span.start, batch->span.end - batch->span.start);
      g_string_append_c (text, ']');
      if (!json_parser_load_from_data (parser, text->str, text->len, NULL) ||
          (root = json_parser_steal_root (parser)) == NULL)
        {
          g_atomic_int_set (&work->failed, TRUE);
          break;
        }
      batch->array = json_array_ref (json_node_get_array (root));
      json_node_unref (root);
    }
  return NULL;
}

static JsonNode *
parse_value (JsonParser *parser,
             const char *data,
             Span        span)
{
  if (!json_parser_load_from_data (parser, data + span.start, span.end - span.start, NULL))
    return NULL;
  return json_parser_steal_root (parser);
}

void
storyline_pieces_free (StorylineArrayPieces *pieces,
                       guint                 n_pieces)
{
  for (guint i = 0; i < n_pieces; i++)
    {
      guint n_batches = (pieces[i].n_elements + pieces[i].batch_size - 1) / pieces[i].batch_size;

      for (guint b = 0; b < n_batches; b++)
        g_clear_pointer (&pieces[i].batches[b], json_array_unref);
      g_free (pieces[i].batches);
    }
  g_free (pieces);
}

/**
 * storyline_parse_in_pieces:
 * @root: (out): the top-level object, the five arrays in it empty
 * @pieces: (out) (array length=n_pieces): the five arrays' elements
 *
 * Returns: %FALSE when the file is not one this can parse in pieces, or
 *   is not valid JSON; then nothing is returned and the caller parses it
 *   whole
 */
gboolean
storyline_parse_in_pieces (const char             *data,
                           gsize                   len,
                           GCancellable           *cancellable,
                           JsonNode              **root,
                           StorylineArrayPieces  **pieces,
                           guint                  *n_pieces)
{
  g_autoptr(GArray) members = g_array_new (FALSE, TRUE, sizeof (Member));
  g_autoptr(GPtrArray) batches = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonObject) top = json_object_new ();
  StorylineArrayPieces *result;
  guint n_result = 0;
  Work work = { batches, 0, FALSE, cancellable };
  GThread *helper = NULL;
  gboolean ok = TRUE;

  g_array_set_clear_func (members, (GDestroyNotify) member_clear);
  if (!split (data, len, members))
    return FALSE;

  /* The last of a repeated key counts, as when json-glib parses it whole. */
  result = g_new0 (StorylineArrayPieces, G_N_ELEMENTS (collections));
  for (guint m = 0; m < members->len; m++)
    {
      Member *member = &g_array_index (members, Member, m);
      gboolean later = FALSE;

      for (guint k = m + 1; k < members->len; k++)
        later |= strcmp (g_array_index (members, Member, k).key, member->key) == 0;
      if (later)
        continue;

      if (member->elements != NULL)
        {
          StorylineArrayPieces *piece = &result[n_result++];
          guint n = member->elements->len;

          piece->name = collections[collection_index (member->key)];
          piece->batch_size = BATCH_SIZE;
          piece->n_elements = n;
          piece->batches = g_new0 (JsonArray *, MAX ((n + BATCH_SIZE - 1) / BATCH_SIZE, 1));
          for (guint i = 0; i < n; i += BATCH_SIZE)
            {
              Batch *batch = g_new0 (Batch, 1);

              batch->data = data;
              batch->span.start = g_array_index (member->elements, Span, i).start;
              batch->span.end = g_array_index (member->elements, Span, MIN (i + BATCH_SIZE, n) - 1).end;
              g_ptr_array_add (batches, batch);
            }
          json_object_set_array_member (top, member->key, json_array_new ());
        }
      else
        {
          JsonNode *value = parse_value (parser, data, member->value);

          if (value == NULL)
            {
              ok = FALSE;
              break;
            }
          json_object_set_member (top, member->key, value);
        }
    }

  if (ok)
    {
      if (batches->len > 1 && g_get_num_processors () > 1)
        helper = g_thread_new ("storyline-parse", parse_batches, &work);
      parse_batches (&work);
      if (helper != NULL)
        g_thread_join (helper);
      ok = !work.failed && !g_cancellable_is_cancelled (cancellable);
    }

  /* Hand each batch to its array, in order. */
  {
    guint b = 0;

    for (guint p = 0; p < n_result; p++)
      for (guint i = 0; i * BATCH_SIZE < result[p].n_elements; i++, b++)
        result[p].batches[i] = ((Batch *) batches->pdata[b])->array;
  }

  if (!ok)
    {
      storyline_pieces_free (result, n_result);
      return FALSE;
    }

  *root = json_node_init_object (json_node_alloc (), top);
  *pieces = result;
  *n_pieces = n_result;
  return TRUE;
}
