/* storyline-pieces.c: parsing a story's large arrays in pieces, on two threads
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "storyline-loader.h"
#include "storyline-pieces.h"
#include "storyline-search.h"

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

/* Where the next quote or backslash is from @p, or @len: eight bytes at a
 * time, as the text of a string is most of a story's bytes and the split
 * and the first pass go through all of it. */
static gsize
next_quote_or_backslash (const char *data,
                         gsize       len,
                         gsize       p)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 quotes = ones * '"', backslashes = ones * '\\';

  for (; p + 8 <= len; p += 8)
    {
      guint64 w, zero;

      memcpy (&w, data + p, 8);
      zero = storyline_zero_bytes (w ^ quotes) | storyline_zero_bytes (w ^ backslashes);
      if (zero != 0)
        {
#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined(__GNUC__)
          return p + __builtin_ctzll (zero) / 8;
#else
          break;
#endif
        }
    }
  for (; p < len; p++)
    if (data[p] == '"' || data[p] == '\\')
      return p;
  return len;
}

/* From the opening quote to just after the closing one; 0 when the string
 * does not end. */
static gsize
skip_string (const char *data,
             gsize       len,
             gsize       p,
             gboolean   *escaped)
{
  for (p++;; p += 2)
    {
      p = next_quote_or_backslash (data, len, p);
      if (p >= len)
        return 0;
      if (data[p] == '"')
        return p + 1;
      /* A backslash: the character after it is part of the string. */
      if (escaped != NULL)
        *escaped = TRUE;
    }
}

/* Just after the value that starts at @p; 0 when it is not one. Nesting is
 * not checked beyond brackets matching in number: json-glib checks each
 * value when it parses it. */
static gsize
skip_value (const char *data,
            gsize       len,
            gsize       p,
            guint       depth_limit)
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
        {
          /* Too deep for json-glib's stack: the whole-file way says so. */
          if (++depth > depth_limit)
            return 0;
        }
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
                Span element = { p, skip_value (data, len, p, STORYLINE_MAX_DEPTH - 2) };

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
          p = skip_value (data, len, p, STORYLINE_MAX_DEPTH - 1);
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

/**
 * storyline_pieces_find_plain_string:
 * @text: an element's JSON text
 * @key: a member to look for
 *
 * Finds `"key": "value"` at the top of the object in @text without parsing
 * it, when the value is a plain string: not empty, no escapes, no control
 * characters, no byte 0xE2 (the bidirectional overrides' first byte), and
 * the key there once. Anything else is for json-glib.
 *
 * Returns: whether it found one; the value (not NUL-terminated) in
 *   @value and @value_len
 */
gboolean
storyline_pieces_find_plain_string (const char  *text,
                                    gsize        len,
                                    const char  *key,
                                    const char **value,
                                    gsize       *value_len)
{
  gsize key_len = strlen (key);
  gsize p = skip_space (text, len, 0);
  gboolean found = FALSE;

  if (p >= len || text[p] != '{')
    return FALSE;
  p = skip_space (text, len, p + 1);
  if (p < len && text[p] == '}')
    return FALSE;

  for (;;)
    {
      gboolean escaped = FALSE;
      gsize key_end, value_end;
      gboolean is_key;

      if (p >= len || text[p] != '"')
        return FALSE;
      key_end = skip_string (text, len, p, &escaped);
      if (key_end == 0 || escaped)
        return FALSE;
      is_key = key_end - p - 2 == key_len && memcmp (text + p + 1, key, key_len) == 0;
      p = skip_space (text, len, key_end);
      if (p >= len || text[p] != ':')
        return FALSE;
      p = skip_space (text, len, p + 1);
      value_end = skip_value (text, len, p, G_MAXUINT);
      if (value_end == 0)
        return FALSE;

      if (is_key)
        {
          if (found || text[p] != '"' || value_end - p < 3)
            return FALSE;
          for (gsize i = p + 1; i < value_end - 1; i++)
            if ((guchar) text[i] < 0x20 || text[i] == '\\' || (guchar) text[i] == 0xe2)
              return FALSE;
          *value = text + p + 1;
          *value_len = value_end - p - 2;
          found = TRUE;
        }

      p = skip_space (text, len, value_end);
      if (p < len && text[p] == ',')
        p = skip_space (text, len, p + 1);
      else if (p < len && text[p] == '}')
        return found && skip_space (text, len, p + 1) == len;
      else
        return FALSE;
    }
}

/* The pipeline: two threads parse the batches in the order the reader
 * reads them (collection by collection, as storyline-reader.c's second
 * pass goes), at most WINDOW batches ahead of it; the reader takes each
 * batch when it is ready and lets it go when it is done with it, so only a
 * few thousand elements' nodes are ever alive at once (8 batches: 4,096
 * elements, about 11 MiB of nodes at 310 bytes of JSON an element). */

#define WINDOW 8

typedef struct
{
  Span span;                  /* from the first element to the last */
  JsonArray *array;           /* once parsed, until released */
  gboolean ready;
} Batch;

struct _StorylinePieces
{
  const char *data;
  GArray *batches;            /* of Batch */
  GPtrArray *garbage;         /* released batches, freed by the parsers */
  guint next;                 /* the next batch to parse */
  guint released;             /* batches before this one are gone */
  gboolean failed;
  gboolean stopping;
  GCancellable *cancellable;
  GMutex lock;
  GCond cond;
  GThread *threads[2];
  GArray *spans[G_N_ELEMENTS (collections)];   /* of Span: every element */
  StorylineArrayPieces arrays[G_N_ELEMENTS (collections)];
  guint n_arrays;
  gboolean drop_data;         /* give back the pages of released batches */
  gboolean dropped_data;
};

static gpointer
parse_batches (gpointer data)
{
  StorylinePieces *self = data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  g_mutex_lock (&self->lock);
  for (;;)
    {
      guint i;
      Batch *batch;
      JsonNode *root = NULL;
      JsonArray *array = NULL;

      while (!self->stopping && !self->failed && self->next < self->batches->len &&
             self->next >= self->released + WINDOW && self->garbage->len == 0)
        g_cond_wait (&self->cond, &self->lock);

      /* Nodes go back where they came from: glibc's malloc slows down
       * badly when one thread frees what another allocates. */
      if (self->garbage->len > 0)
        {
          g_autoptr(GPtrArray) garbage = g_steal_pointer (&self->garbage);

          self->garbage = g_ptr_array_new_with_free_func ((GDestroyNotify) json_array_unref);
          g_mutex_unlock (&self->lock);
          g_clear_pointer (&garbage, g_ptr_array_unref);
          g_mutex_lock (&self->lock);
          continue;
        }
      if (self->stopping || self->failed || self->next >= self->batches->len)
        break;
      i = self->next++;
      batch = &g_array_index (self->batches, Batch, i);
      g_mutex_unlock (&self->lock);

      g_string_truncate (text, 0);
      g_string_append_c (text, '[');
      g_string_append_len (text, self->data + batch->span.start, batch->span.end - batch->span.start);
      g_string_append_c (text, ']');
      if (!g_cancellable_is_cancelled (self->cancellable) &&
          json_parser_load_from_data (parser, text->str, text->len, NULL) &&
          (root = json_parser_steal_root (parser)) != NULL)
        {
          array = json_array_ref (json_node_get_array (root));
          json_node_unref (root);
        }

      g_mutex_lock (&self->lock);
      if (array == NULL)
        self->failed = TRUE;
      batch->array = array;
      batch->ready = TRUE;
      g_cond_broadcast (&self->cond);
    }
  g_mutex_unlock (&self->lock);
  return NULL;
}

/**
 * storyline_pieces_get_batch:
 *
 * Waits for batch @index (counted over all the arrays) to be parsed.
 *
 * Returns: (transfer none) (nullable): its elements, or %NULL when parsing
 *   failed or was cancelled: then the file is to be parsed whole
 */
JsonArray *
storyline_pieces_get_batch (StorylinePieces *self,
                            guint            index)
{
  Batch *batch = &g_array_index (self->batches, Batch, index);
  JsonArray *array;

  g_mutex_lock (&self->lock);
  while (!batch->ready && !self->failed)
    g_cond_wait (&self->cond, &self->lock);
  array = self->failed ? NULL : batch->array;
  g_mutex_unlock (&self->lock);
  return array;
}

/* The file's text of a batch is not read again once it is parsed: the
 * first pass is over before the reader releases anything. The pages that
 * lie wholly inside it go back to the system, so a large file is not held
 * whole while its model grows. They read as zeros afterwards. */
static void
drop_pages (StorylinePieces *self,
            Span             span)
{
#if defined(G_OS_UNIX) && defined(MADV_DONTNEED)
  static gsize page = 0;
  guintptr start, end;

  if (page == 0)
    page = (gsize) sysconf (_SC_PAGESIZE);
  start = ((guintptr) (self->data + span.start) + page - 1) / page * page;
  end = (guintptr) (self->data + span.end) / page * page;
  if (end > start && madvise ((void *) start, end - start, MADV_DONTNEED) == 0)
    self->dropped_data = TRUE;
#endif
}

/**
 * storyline_pieces_set_drop_data:
 * @drop: whether the pages of the file's text may be given back as the
 *   batches in them are done with; only for text in memory of its own
 *   mapping (see storyline-loader.c), as they read as zeros afterwards
 */
void
storyline_pieces_set_drop_data (StorylinePieces *self,
                                gboolean         drop)
{
  self->drop_data = drop;
}

/**
 * storyline_pieces_get_dropped_data:
 *
 * Returns: whether some of the file's text was given back: to read the
 *   file whole after all, it has to be read again
 */
gboolean
storyline_pieces_get_dropped_data (StorylinePieces *self)
{
  return self->dropped_data;
}

/**
 * storyline_pieces_release:
 *
 * The reader is done with every batch before @index: their nodes go, and
 * the parsers may go further ahead.
 */
void
storyline_pieces_release (StorylinePieces *self,
                          guint            index)
{
  g_mutex_lock (&self->lock);
  for (; self->released < index && self->released < self->batches->len; self->released++)
    {
      Batch *batch = &g_array_index (self->batches, Batch, self->released);

      /* Not parsed yet only when the reader skipped it (cancelled). */
      if (batch->ready && batch->array != NULL)
        {
          g_ptr_array_add (self->garbage, g_steal_pointer (&batch->array));
          if (self->drop_data)
            drop_pages (self, batch->span);
        }
    }
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

/**
 * storyline_pieces_parse_rest:
 *
 * Parses every batch the reader did not take, letting each go at once:
 * a reader that refused the story early (a wrong format or version) has
 * not seen them, and a batch that does not parse makes the whole-file
 * parse's syntax error the one to report, as it is when the file is read
 * whole.
 *
 * Returns: whether every batch parsed
 */
gboolean
storyline_pieces_parse_rest (StorylinePieces *self)
{
  for (guint i = self->released; i < self->batches->len; i++)
    {
      if (storyline_pieces_get_batch (self, i) == NULL)
        return FALSE;
      storyline_pieces_release (self, i + 1);
    }
  return TRUE;
}

/**
 * storyline_pieces_get_element_text:
 *
 * Returns: the JSON text of element @i of array @array, not
 *   NUL-terminated; its length in @len
 */
const char *
storyline_pieces_get_element_text (StorylinePieces *self,
                                   guint            array,
                                   guint            i,
                                   gsize           *len)
{
  const Span *span = &g_array_index (self->spans[array], Span, i);

  *len = span->end - span->start;
  return self->data + span->start;
}

/* Whether @text is true, false, null or a number as JSON writes it.
 * json-glib takes more on its own than inside an object (a lone "." is 0
 * there, an error in the object): anything else goes the whole-file way. */
static gboolean
is_json_literal (const char *text,
                 gsize       len)
{
  gsize p = 0;

  if ((len == 4 && memcmp (text, "true", 4) == 0) || (len == 5 && memcmp (text, "false", 5) == 0) ||
      (len == 4 && memcmp (text, "null", 4) == 0))
    return TRUE;

  if (p < len && text[p] == '-')
    p++;
  if (p < len && text[p] == '0')
    p++;
  else if (p < len && text[p] >= '1' && text[p] <= '9')
    while (p < len && g_ascii_isdigit (text[p]))
      p++;
  else
    return FALSE;
  if (p < len && text[p] == '.')
    {
      if (++p >= len || !g_ascii_isdigit (text[p]))
        return FALSE;
      while (p < len && g_ascii_isdigit (text[p]))
        p++;
    }
  if (p < len && (text[p] == 'e' || text[p] == 'E'))
    {
      if (++p < len && (text[p] == '+' || text[p] == '-'))
        p++;
      if (p >= len || !g_ascii_isdigit (text[p]))
        return FALSE;
      while (p < len && g_ascii_isdigit (text[p]))
        p++;
    }
  return p == len;
}

static JsonNode *
parse_value (JsonParser *parser,
             const char *data,
             Span        span)
{
  if (data[span.start] != '"' && data[span.start] != '{' && data[span.start] != '[' &&
      !is_json_literal (data + span.start, span.end - span.start))
    return NULL;
  if (!json_parser_load_from_data (parser, data + span.start, span.end - span.start, NULL))
    return NULL;
  return json_parser_steal_root (parser);
}

void
storyline_pieces_free (StorylinePieces *self)
{
  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
  for (guint t = 0; t < G_N_ELEMENTS (self->threads); t++)
    if (self->threads[t] != NULL)
      g_thread_join (self->threads[t]);

  for (guint i = 0; i < self->batches->len; i++)
    g_clear_pointer (&g_array_index (self->batches, Batch, i).array, json_array_unref);
  g_array_unref (self->batches);
  g_ptr_array_unref (self->garbage);
  for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
    g_clear_pointer (&self->spans[c], g_array_unref);
  g_clear_object (&self->cancellable);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}

/**
 * storyline_pieces_start:
 * @root: (out): the top-level object, the five arrays in it empty
 * @arrays: (out) (array length=n_arrays) (transfer none): the arrays,
 *   owned by the returned object
 *
 * Splits the file and starts parsing its arrays' elements.
 *
 * Returns: (transfer full) (nullable): the pipeline, or %NULL when the
 *   file is not one this can split; then the caller parses it whole
 */
StorylinePieces *
storyline_pieces_start (const char                  *data,
                        gsize                        len,
                        GCancellable                *cancellable,
                        JsonNode                   **root,
                        const StorylineArrayPieces **arrays,
                        guint                       *n_arrays)
{
  g_autoptr(GArray) members = g_array_new (FALSE, TRUE, sizeof (Member));
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonObject) top = json_object_new ();
  Member *last[G_N_ELEMENTS (collections)] = { NULL };
  StorylinePieces *self;

  g_array_set_clear_func (members, (GDestroyNotify) member_clear);
  if (!split (data, len, members))
    return NULL;

  /* A repeated key goes the whole-file way, where the last one counts. */
  for (guint m = 0; m < members->len; m++)
    {
      Member *member = &g_array_index (members, Member, m);
      gboolean later = FALSE;

      for (guint k = m + 1; k < members->len; k++)
        later |= strcmp (g_array_index (members, Member, k).key, member->key) == 0;
      /* The earlier one would never be parsed here, and only the
       * whole-file parse says if it is not JSON. */
      if (later)
        return NULL;

      if (member->elements != NULL)
        {
          last[collection_index (member->key)] = member;
          json_object_set_array_member (top, member->key, json_array_new ());
        }
      else
        {
          JsonNode *value = parse_value (parser, data, member->value);

          if (value == NULL)
            return NULL;
          json_object_set_member (top, member->key, value);
        }
    }

  self = g_new0 (StorylinePieces, 1);
  self->data = data;
  self->batches = g_array_new (FALSE, TRUE, sizeof (Batch));
  self->garbage = g_ptr_array_new_with_free_func ((GDestroyNotify) json_array_unref);
  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);

  /* Batches in the reader's order: the order of collections[]. */
  for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
    {
      StorylineArrayPieces *array;
      guint n;

      if (last[c] == NULL)
        continue;
      n = last[c]->elements->len;
      self->spans[c] = g_array_ref (last[c]->elements);
      array = &self->arrays[self->n_arrays++];
      array->name = collections[c];
      array->owner = self;
      array->index = c;
      array->batch_size = BATCH_SIZE;
      array->first_batch = self->batches->len;
      array->n_elements = n;
      for (guint i = 0; i < n; i += BATCH_SIZE)
        {
          Batch batch = { { g_array_index (self->spans[c], Span, i).start,
                            g_array_index (self->spans[c], Span, MIN (i + BATCH_SIZE, n) - 1).end },
                          NULL, FALSE };
          g_array_append_val (self->batches, batch);
        }
    }

  /* One parser beside the reader. json-glib emits a signal for every node
   * it makes, and every emission takes GLib's one signal lock: two parsers
   * and the reader on two cores queue for it and go slower than one. With
   * a core for each, a second parser pays. */
  self->threads[0] = g_thread_new ("storyline-parse", parse_batches, self);
  if (g_get_num_processors () >= 3)
    self->threads[1] = g_thread_new ("storyline-parse", parse_batches, self);

  *root = json_node_init_object (json_node_alloc (), top);
  *arrays = self->arrays;
  *n_arrays = self->n_arrays;
  return self;
}
