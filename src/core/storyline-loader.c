/* storyline-loader.c: reading story files, on a worker thread when asked
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <sys/mman.h>
#endif

#include "storyline-loader.h"
#include "storyline-pieces.h"
#include "storyline-problem.h"
#include "storyline-reader.h"

G_DEFINE_QUARK (storyline-load-error-quark, storyline_load_error)

/* Below this, parsing in pieces gains nothing worth its threads. Tests set
 * STORYLINE_PIECES_MIN_SIZE to try every file both ways; the loader's
 * fuzzer sets it for each input with storyline_loader_set_pieces_min_size(). */
static gsize pieces_min_size_set = 0;

static gsize
pieces_min_size (void)
{
  static gsize size = 0;

  if (g_atomic_pointer_get (&pieces_min_size_set) != 0)
    return g_atomic_pointer_get (&pieces_min_size_set);
  if (g_once_init_enter (&size))
    {
      const char *env = g_getenv ("STORYLINE_PIECES_MIN_SIZE");
      g_once_init_leave (&size, env != NULL ? MAX (g_ascii_strtoull (env, NULL, 10), 1) : 256 * 1024);
    }
  return size;
}

/**
 * storyline_loader_set_pieces_min_size:
 * @size: files of at least this many bytes are parsed in pieces; 0 goes
 *   back to the default (256 KiB, or STORYLINE_PIECES_MIN_SIZE)
 *
 * For tests and fuzzing, which compare the two ways of parsing.
 */
void
storyline_loader_set_pieces_min_size (gsize size)
{
  g_atomic_pointer_set (&pieces_min_size_set, size);
}
#define PIECES_MIN_SIZE pieces_min_size ()

static void
add_problem (GPtrArray         *problems,
             StorylineSeverity  severity,
             guint              line,
             guint              column,
             const char        *message)
{
  StorylineProblem *problem = storyline_problem_new (severity, NULL, NULL, message);

  problem->line = line;
  problem->column = column;
  g_ptr_array_add (problems, problem);
}

/* Line and column (1-based, the column in characters) of @offset. */
static void
position_of (const char *data,
             gsize       offset,
             guint      *line,
             guint      *column)
{
  guint l = 1, c = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          l++;
          c = 1;
        }
      else if (((guchar) data[i] & 0xc0) != 0x80)
        c++;
    }
  *line = l;
  *column = c;
}

/* g_utf8_validate_len() at its own pace for the bytes that are not ASCII,
 * eight bytes at a time for those that are (most of any story). A NUL is
 * invalid, as it is to g_utf8_validate_len(). */
static gboolean
validate_utf8 (const char  *data,
               gsize        len,
               const char **end)
{
  const guint64 high = 0x8080808080808080ULL, low = 0x0101010101010101ULL;
  gsize i = 0;

  while (i < len)
    {
      gsize j;

      while (i + 8 <= len)
        {
          guint64 w;

          memcpy (&w, data + i, 8);
          if ((w & high) != 0 || ((w - low) & ~w & high) != 0)
            break;
          i += 8;
        }
      if (i + 8 > len)
        return g_utf8_validate_len (data + i, len - i, end);

      /* Up to the next ASCII byte after a stretch: a character never
       * spans one. */
      j = MIN (i + 64, len);
      while (j < len && ((guchar) data[j] & 0x80) != 0)
        j++;
      if (!g_utf8_validate_len (data + i, j - i, end))
        return FALSE;
      i = j;
    }
  return TRUE;
}

/* json-glib has no depth limit and overflows the stack near 75,000
 * levels, so the nesting is measured before it sees the text. */
static gboolean
check_depth (const char *data,
             gsize       len,
             gsize      *bad_offset)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      char ch = data[i];

      if (in_string)
        {
          if (ch == '\\')
            i++;
          else if (ch == '"')
            in_string = FALSE;
        }
      else if (ch == '"')
        in_string = TRUE;
      else if (ch == '[' || ch == '{')
        {
          if (++depth > STORYLINE_MAX_DEPTH)
            {
              *bad_offset = i;
              return FALSE;
            }
        }
      else if ((ch == ']' || ch == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

static gboolean
depth_is_ok (const char *data,
             gsize       len,
             GPtrArray  *problems)
{
  g_autofree char *text = NULL;
  gsize offset;
  guint line, column;

  if (check_depth (data, len, &offset))
    return TRUE;

  text = g_strdup_printf (_("the JSON is nested more than %d levels deep; Storyline reads up to %d"),
                          STORYLINE_MAX_DEPTH, STORYLINE_MAX_DEPTH);
  position_of (data, offset, &line, &column);
  add_problem (problems, STORYLINE_SEVERITY_ERROR, line, column, text);
  return FALSE;
}

/* Where line @line, column @column (both from 1; json-glib counts the
 * column in bytes) is in @data, or @len. */
static gsize
offset_of (const char *data,
           gsize       len,
           guint       line,
           guint       column)
{
  gsize i = 0;

  for (guint l = 1; l < line && i < len; i++)
    if (data[i] == '\n')
      l++;
  return column > 0 && i + column - 1 < len ? i + column - 1 : len;
}

/* What people most often get wrong in JSON, said in their words rather
 * than the parser's: a comma after the last member or element. */
static char *
explain_syntax (const char *data,
                gsize       len,
                guint       line,
                guint       column)
{
  gsize at = offset_of (data, len, line, column);
  gsize next;

  if (at >= len || data[at] != ',')
    return NULL;
  for (next = at + 1; next < len && g_ascii_isspace (data[next]); next++)
    ;
  if (next >= len || (data[next] != '}' && data[next] != ']'))
    return NULL;
  return g_strdup_printf (data[next] == '}' ? _("the JSON is not valid: a comma before “}” (a comma after the last member is not allowed in JSON)")
                                            : _("the JSON is not valid: a comma before “]” (a comma after the last element is not allowed in JSON)"));
}

/* "<data>:3:14: Parse error: unexpected character" → 3, 14 and the rest. */
static void
add_syntax_problem (GPtrArray  *problems,
                    const char *data,
                    gsize       len,
                    const char *message)
{
  const char *p = strstr (message, ">:");
  guint line = 0, column = 0;
  char *end;
  g_autofree char *text = NULL;

  if (p != NULL)
    {
      line = strtoul (p + 2, &end, 10);
      if (*end == ':')
        {
          column = strtoul (end + 1, &end, 10);
          p = strstr (end, ": ");
          p = p ? strstr (p + 2, ": ") : NULL;
        }
      else
        p = NULL;
    }

  if (p != NULL && (text = explain_syntax (data, len, line, column)) != NULL)
    ;
  else if (p != NULL)
    {
      /* json-glib quotes the offending token, which can be the rest of
       * the file. */
      g_autofree char *token = g_utf8_substring (p + 2, 0, MIN (g_utf8_strlen (p + 2, -1), 120));
      text = g_strdup_printf (_("the JSON is not valid: %s%s"), token,
                              g_utf8_strlen (p + 2, -1) > 120 ? "…" : "");
    }
  else
    {
      g_autofree char *token = g_utf8_substring (message, 0, MIN (g_utf8_strlen (message, -1), 120));
      text = g_strdup_printf (_("the JSON is not valid: %s%s"), token,
                              g_utf8_strlen (message, -1) > 120 ? "…" : "");
      line = column = 0;
    }

  add_problem (problems, STORYLINE_SEVERITY_ERROR, line, column, text);
}

static StorylineStory *
fail (GError **error)
{
  g_set_error_literal (error, STORYLINE_LOAD_ERROR, STORYLINE_LOAD_ERROR_INVALID,
                       _("The file is not a valid story"));
  return NULL;
}

/* @drop_data: the text is in memory of its own mapping, which the pieces
 * may give back as they go. Should they fail after that, the whole-file
 * parse that tells what is wrong needs the text again: then nothing is
 * reported, and @read_again says to read the file again and call this
 * with @drop_data FALSE. */
static StorylineStory *
load_data (const char             *data,
           gsize                   len,
           gboolean                drop_data,
           gboolean               *read_again,
           StorylineLoadProgress  *progress,
           GCancellable           *cancellable,
           GPtrArray              *problems,
           GError                **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonNode *pieces_root = NULL;
  StorylinePieces *pieces = NULL;
  const StorylineArrayPieces *arrays = NULL;
  guint n_arrays = 0;
  gboolean split_failed = FALSE;
  StorylineStory *story;
  const char *end;
  gsize offset;
  guint line, column;

  if ((goffset) len > STORYLINE_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size_full (len, G_FORMAT_SIZE_LONG_FORMAT | G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *cap = g_format_size_full (STORYLINE_MAX_FILE_SIZE, G_FORMAT_SIZE_LONG_FORMAT | G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *text = g_strdup_printf (_("the file is %s; Storyline opens stories of up to %s"), size, cap);

      add_problem (problems, STORYLINE_SEVERITY_ERROR, 0, 0, text);
      return fail (error);
    }

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      add_problem (problems, STORYLINE_SEVERITY_WARNING, 1, 1,
                   _("the file starts with a byte-order mark, which JSON does not use; it was skipped"));
      data += 3;
      len -= 3;
    }

  offset = 0;
  while (offset < len && g_ascii_isspace (data[offset]))
    offset++;
  if (offset == len)
    {
      add_problem (problems, STORYLINE_SEVERITY_ERROR, 0, 0, _("the file is empty"));
      return fail (error);
    }

  if (!validate_utf8 (data, len, &end))
    {
      position_of (data, end - data, &line, &column);
      if (*end == '\0')
        add_problem (problems, STORYLINE_SEVERITY_ERROR, line, column,
                     _("the file contains a NUL byte; a story is UTF-8 text"));
      else
        {
          g_autofree char *text = g_strdup_printf (_("the file is not UTF-8 text: byte 0x%02X cannot start or continue a character here"),
                                                   (guchar) *end);
          add_problem (problems, STORYLINE_SEVERITY_ERROR, line, column, text);
        }
      return fail (error);
    }

  /* Large files are measured as they are split (storyline-pieces.c), and
   * here only when they cannot be. */
  if (len < PIECES_MIN_SIZE && !depth_is_ok (data, len, problems))
    return fail (error);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  storyline_load_progress_set (progress, STORYLINE_LOAD_PHASE_PARSING, -1);

  /* Large files: the big arrays in pieces, on two threads. Anything
   * unusual, and any piece that is not JSON, goes the whole-file way
   * below, which says what is wrong. */
  if (len >= PIECES_MIN_SIZE &&
      (pieces = storyline_pieces_start (data, len, cancellable, &pieces_root, &arrays, &n_arrays)) != NULL)
    {
      guint n_problems = problems->len;
      gboolean failed = FALSE;

      storyline_pieces_set_drop_data (pieces, drop_data);
      storyline_load_progress_set (progress, STORYLINE_LOAD_PHASE_CHECKING, 0);
      story = storyline_reader_read_pieces (pieces_root, arrays, n_arrays, problems, progress, cancellable, &failed);
      json_node_unref (pieces_root);
      /* Refused: the file read whole would say first that it is not JSON,
       * if a piece the reader never took is not. */
      if (story == NULL && !failed && !g_cancellable_is_cancelled (cancellable))
        failed = !storyline_pieces_parse_rest (pieces);
      if (failed && storyline_pieces_get_dropped_data (pieces))
        {
          storyline_pieces_free (pieces);
          *read_again = TRUE;
          return NULL;
        }
      storyline_pieces_free (pieces);
      if (failed)
        {
          /* A piece would not parse: the whole file tells what is wrong. */
          g_ptr_array_set_size (problems, n_problems);
          split_failed = TRUE;
        }
    }
  else
    split_failed = TRUE;

  if (split_failed)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (len >= PIECES_MIN_SIZE && !depth_is_ok (data, len, problems))
        return fail (error);

      parser = json_parser_new ();
      if (!json_parser_load_from_data (parser, data, len, &parse_error))
        {
          add_syntax_problem (problems, data, len, parse_error->message);
          return fail (error);
        }

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      storyline_load_progress_set (progress, STORYLINE_LOAD_PHASE_CHECKING, 0);
      story = storyline_reader_read (json_parser_get_root (parser), problems, progress, cancellable);
    }
  storyline_load_progress_set (progress, STORYLINE_LOAD_PHASE_DONE, 1);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_clear_object (&story);
      return NULL;
    }

  if (story == NULL)
    return fail (error);

  return story;
}

static void
set_problems (GPtrArray **out,
              GPtrArray  *problems)
{
  if (out != NULL)
    *out = g_ptr_array_ref (problems);
}

/**
 * storyline_load_bytes:
 * @bytes: the file's contents
 * @cancellable: (nullable): to stop early
 * @problems: (out) (optional) (transfer full) (element-type StorylineProblem):
 *   every problem found, warnings included, in file order
 * @error: %STORYLINE_LOAD_ERROR_INVALID when the story is refused,
 *   %G_IO_ERROR_CANCELLED when cancelled
 *
 * Reads and checks a story. Safe to call from any thread.
 *
 * Returns: (transfer full) (nullable): the story, or %NULL
 */
StorylineStory *
storyline_load_bytes (GBytes        *bytes,
                      GCancellable  *cancellable,
                      GPtrArray    **problems,
                      GError       **error)
{
  g_autoptr(GPtrArray) list = storyline_problems_new ();
  StorylineStory *story;
  gsize len;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  story = load_data (data ? data : "", len, FALSE, NULL, NULL, cancellable, list, error);
  set_problems (problems, list);

  return story;
}

#ifdef G_OS_UNIX
typedef struct
{
  void *address;
  gsize size;
} Mapping;

static void
mapping_free (gpointer data)
{
  Mapping *mapping = data;

  munmap (mapping->address, mapping->size);
  g_free (mapping);
}

/* A large file is read into memory of its own mapping, which the pieces
 * give back page by page as they are done with it (storyline-pieces.c).
 * Returns NULL when the file is not @size bytes long after all; @stream
 * is then where it was. */
static GBytes *
read_into_mapping (GInputStream           *stream,
                   gsize                   size,
                   StorylineLoadProgress  *progress,
                   GCancellable           *cancellable,
                   GError                **error)
{
  const gsize chunk = 1 << 20;
  Mapping *mapping;
  gsize got = 0;
  char extra;

  if (!g_seekable_can_seek (G_SEEKABLE (stream)))
    return NULL;
  mapping = g_new (Mapping, 1);
  mapping->size = size;
  mapping->address = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping->address == MAP_FAILED)
    {
      g_free (mapping);
      return NULL;
    }

  while (got < size)
    {
      gssize n = g_input_stream_read (stream, (char *) mapping->address + got, MIN (chunk, size - got), cancellable, error);

      if (n <= 0)
        break;
      got += n;
      storyline_load_progress_set (progress, STORYLINE_LOAD_PHASE_READING, (double) got / size);
    }
  /* Shorter or longer than it said: read it the ordinary way. */
  if (got != size || g_input_stream_read (stream, &extra, 1, cancellable, NULL) != 0)
    {
      mapping_free (mapping);
      g_clear_error (error);
      g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, NULL);
      return NULL;
    }
  return g_bytes_new_with_free_func (mapping->address, size, mapping_free, mapping);
}
#endif

/* Reads the whole file in pieces, saying how far it has got. @own_mapping
 * says whether the bytes are in memory of their own (see above). */
static GBytes *
read_file (GFile                  *file,
           goffset                 size,
           gboolean                may_map,
           gboolean               *own_mapping,
           StorylineLoadProgress  *progress,
           GCancellable           *cancellable,
           GError                **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr(GByteArray) buffer = NULL;
  const gsize chunk = 1 << 20;

  *own_mapping = FALSE;
  if (stream == NULL)
    return NULL;

#ifdef G_OS_UNIX
  if (may_map && size > 0 && (gsize) size >= PIECES_MIN_SIZE && size <= STORYLINE_MAX_FILE_SIZE)
    {
      GBytes *bytes = read_into_mapping (G_INPUT_STREAM (stream), size, progress, cancellable, error);

      if (bytes != NULL)
        {
          *own_mapping = TRUE;
          return bytes;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }
#endif

  buffer = g_byte_array_sized_new (size > 0 ? (guint) size + 1 : chunk);
  for (;;)
    {
      gsize old_len = buffer->len;
      gssize n;

      g_byte_array_set_size (buffer, old_len + chunk);
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + old_len, chunk, cancellable, error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (buffer, old_len + n);
      if (n == 0)
        break;
      if ((goffset) buffer->len > STORYLINE_MAX_FILE_SIZE)
        break;   /* grew while being read: load_data refuses it */
      if (size > 0)
        storyline_load_progress_set (progress, STORYLINE_LOAD_PHASE_READING, (double) buffer->len / size);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static StorylineStory *
load_file (GFile                  *file,
           StorylineLoadProgress  *progress,
           GCancellable           *cancellable,
           GPtrArray             **problems,
           GError                **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) list = NULL;
  StorylineStory *story;
  const char *data;
  gsize len;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
      g_file_info_get_size (info) > STORYLINE_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size_full (g_file_info_get_size (info), G_FORMAT_SIZE_LONG_FORMAT | G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *cap = g_format_size_full (STORYLINE_MAX_FILE_SIZE, G_FORMAT_SIZE_LONG_FORMAT | G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *text = g_strdup_printf (_("the file is %s; Storyline opens stories of up to %s"), size, cap);

      list = storyline_problems_new ();
      add_problem (list, STORYLINE_SEVERITY_ERROR, 0, 0, text);
      set_problems (problems, list);
      return fail (error);
    }

  /* Read once more, in ordinary memory, only when the pieces failed
   * after giving some of the text back (see load_data()). */
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      gboolean own_mapping, read_again = FALSE;

      g_clear_pointer (&bytes, g_bytes_unref);
      storyline_load_progress_set (progress, STORYLINE_LOAD_PHASE_READING, 0);
      bytes = read_file (file, info ? g_file_info_get_size (info) : 0, attempt == 0, &own_mapping,
                         progress, cancellable, error);
      if (bytes == NULL)
        {
          if (problems != NULL)
            *problems = storyline_problems_new ();
          return NULL;
        }

      g_clear_pointer (&list, g_ptr_array_unref);
      list = storyline_problems_new ();
      data = g_bytes_get_data (bytes, &len);
      story = load_data (data ? data : "", len, own_mapping, &read_again, progress, cancellable, list, error);
      if (!read_again)
        break;
    }
  set_problems (problems, list);
  return story;
}

/**
 * storyline_load_file:
 *
 * Like storyline_load_bytes(), for a file. A file above the size cap is
 * refused before it is read. I/O failures come back as %G_IO_ERROR with
 * no problems.
 *
 * Returns: (transfer full) (nullable): the story, or %NULL
 */
StorylineStory *
storyline_load_file (GFile         *file,
                     GCancellable  *cancellable,
                     GPtrArray    **problems,
                     GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  return load_file (file, NULL, cancellable, problems, error);
}

/**
 * storyline_load_resource:
 * @path: a path in the application's GResource
 *
 * Returns: (transfer full) (nullable): the story, or %NULL
 */
StorylineStory *
storyline_load_resource (const char    *path,
                         GCancellable  *cancellable,
                         GPtrArray    **problems,
                         GError       **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    {
      if (problems != NULL)
        *problems = storyline_problems_new ();
      return NULL;
    }
  return storyline_load_bytes (bytes, cancellable, problems, error);
}

/* Asynchronous loading: the work runs on a GTask worker thread; the task
 * data carries the input in and the problems out. */

typedef struct
{
  GFile *file;
  GBytes *bytes;
  StorylineLoadProgress *progress;
  GPtrArray *problems;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->progress);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  StorylineStory *story;

  if (data->file != NULL)
    story = load_file (data->file, data->progress, cancellable, &data->problems, &error);
  else
    story = storyline_load_bytes (data->bytes, cancellable, &data->problems, &error);

  if (story == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, story, g_object_unref);
}

static void
load_async (GFile                 *file,
            GBytes                *bytes,
            StorylineLoadProgress *progress,
            GCancellable          *cancellable,
            GAsyncReadyCallback    callback,
            gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LoadData *data = g_new0 (LoadData, 1);

  data->file = file ? g_object_ref (file) : NULL;
  data->progress = progress ? g_object_ref (progress) : NULL;
  data->bytes = bytes ? g_bytes_ref (bytes) : NULL;
  g_task_set_source_tag (task, load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, load_thread);
}

/**
 * storyline_load_file_async:
 *
 * Loads @file on a worker thread; nothing of it runs on the caller's main
 * loop. Finish with storyline_load_finish().
 */
void
storyline_load_file_async (GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (G_IS_FILE (file));
  load_async (file, NULL, NULL, cancellable, callback, user_data);
}

/**
 * storyline_load_file_full_async:
 * @progress: (nullable): updated from the worker thread as the load goes on
 *
 * Like storyline_load_file_async(), reporting progress.
 */
void
storyline_load_file_full_async (GFile                 *file,
                                StorylineLoadProgress *progress,
                                GCancellable          *cancellable,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data)
{
  g_return_if_fail (G_IS_FILE (file));
  load_async (file, NULL, progress, cancellable, callback, user_data);
}

/**
 * storyline_load_bytes_async:
 *
 * Loads @bytes on a worker thread. Finish with storyline_load_finish().
 */
void
storyline_load_bytes_async (GBytes              *bytes,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (bytes != NULL);
  load_async (NULL, bytes, NULL, cancellable, callback, user_data);
}

/**
 * storyline_load_finish:
 * @problems: (out) (optional) (transfer full) (element-type StorylineProblem):
 *   the problems found, empty when cancelled
 *
 * Returns: (transfer full) (nullable): the story, or %NULL with @error set
 */
StorylineStory *
storyline_load_finish (GAsyncResult  *result,
                       GPtrArray    **problems,
                       GError       **error)
{
  LoadData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == load_async, NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (problems != NULL)
    *problems = data->problems ? g_ptr_array_ref (data->problems) : storyline_problems_new ();

  return g_task_propagate_pointer (G_TASK (result), error);
}
