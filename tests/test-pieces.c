/* test-pieces.c: splitting a story's large arrays and parsing them in
 * pieces must give what json-glib gives for the whole file
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-pieces.h"

static const char * const collections[] = { "phases", "actors", "events", "quotes", "sources" };

/* Whitespace as people and tools write it, or none. */
static void
append_space (GString *s,
              GRand   *rand)
{
  static const char * const spaces[] = { "", " ", "\n", "\n  ", "\t", "\r\n", "  \n    " };

  g_string_append (s, spaces[g_rand_int_range (rand, 0, G_N_ELEMENTS (spaces))]);
}

/* A JSON string with what makes splitting hard: quotes, backslashes,
 * brackets and braces, escapes, non-ASCII, at any place in eight-byte
 * steps. */
static void
append_string (GString *s,
               GRand   *rand)
{
  static const char * const bits[] = {
    "a", "Dhaka", " ", "\\\"", "\\\\", "[", "]", "{", "}", ",", ":", "\\n", "\\u00e9",
    "\\ud83d\\ude00", "é", "ঢাকা", "کراچی", "\\/", "\\t", "x\\\\\\\"y",
  };
  guint n = g_rand_int_range (rand, 0, 24);

  g_string_append_c (s, '"');
  for (guint i = 0; i < n; i++)
    g_string_append (s, bits[g_rand_int_range (rand, 0, G_N_ELEMENTS (bits))]);
  g_string_append_c (s, '"');
}

static void
append_value (GString *s,
              GRand   *rand,
              guint    depth)
{
  switch (g_rand_int_range (rand, 0, depth > 3 ? 5 : 7))
    {
    case 0:
      append_string (s, rand);
      break;
    case 1:
      g_string_append_printf (s, "%d", g_rand_int_range (rand, -100000, 100000));
      break;
    case 2:
      g_string_append (s, g_rand_boolean (rand) ? "1.5e3" : "-0.25");
      break;
    case 3:
      g_string_append (s, g_rand_boolean (rand) ? "true" : "false");
      break;
    case 4:
      g_string_append (s, "null");
      break;
    case 5:
      {
        guint n = g_rand_int_range (rand, 0, 4);

        g_string_append_c (s, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i)
              g_string_append_c (s, ',');
            append_space (s, rand);
            append_value (s, rand, depth + 1);
          }
        append_space (s, rand);
        g_string_append_c (s, ']');
      }
      break;
    default:
      {
        guint n = g_rand_int_range (rand, 0, 5);

        g_string_append_c (s, '{');
        for (guint i = 0; i < n; i++)
          {
            if (i)
              g_string_append_c (s, ',');
            append_space (s, rand);
            g_string_append_printf (s, "\"k%u\"", i);
            append_space (s, rand);
            g_string_append_c (s, ':');
            append_space (s, rand);
            append_value (s, rand, depth + 1);
          }
        append_space (s, rand);
        g_string_append_c (s, '}');
      }
      break;
    }
}

/* A story-shaped document: some of the five arrays, in any order, of any
 * length (across the batch size), among other members. */
static char *
make_document (GRand *rand)
{
  GString *s = g_string_new (NULL);
  guint order[G_N_ELEMENTS (collections)];
  gboolean first = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    order[i] = i;
  for (guint i = G_N_ELEMENTS (order) - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1), t = order[i];
      order[i] = order[j];
      order[j] = t;
    }

  append_space (s, rand);
  g_string_append_c (s, '{');
  for (guint c = 0; c < G_N_ELEMENTS (order) + 2; c++)
    {
      if (c < G_N_ELEMENTS (order) && g_rand_int_range (rand, 0, 4) == 0)
        continue;
      if (!first)
        g_string_append_c (s, ',');
      first = FALSE;
      append_space (s, rand);
      if (c >= G_N_ELEMENTS (order))
        {
          g_string_append_printf (s, "\"%s\":", c == G_N_ELEMENTS (order) ? "format" : "story");
          append_space (s, rand);
          append_value (s, rand, 0);
          continue;
        }
      {
        static const guint lengths[] = { 0, 1, 2, 511, 512, 513, 1024, 1300 };
        guint n = g_rand_boolean (rand) ? lengths[g_rand_int_range (rand, 0, G_N_ELEMENTS (lengths))]
                                        : (guint) g_rand_int_range (rand, 0, 40);

        g_string_append_printf (s, "\"%s\"", collections[order[c]]);
        append_space (s, rand);
        g_string_append (s, ":");
        append_space (s, rand);
        g_string_append_c (s, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i)
              g_string_append_c (s, ',');
            append_space (s, rand);
            append_value (s, rand, 0);
          }
        append_space (s, rand);
        g_string_append_c (s, ']');
      }
    }
  append_space (s, rand);
  g_string_append_c (s, '}');
  append_space (s, rand);
  return g_string_free (s, FALSE);
}

static JsonNode *
parse_whole (const char *data,
             gssize      len)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, data, len, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

/* The pieces put together are the whole file, node for node; each
 * element's text is exactly its JSON. */
static void
check_document (const char *data)
{
  g_autoptr(JsonNode) whole = parse_whole (data, -1);
  JsonObject *expected = json_node_get_object (whole);
  JsonNode *root = NULL;
  const StorylineArrayPieces *arrays = NULL;
  guint n_arrays = 0, n_present = 0;
  StorylinePieces *pieces = storyline_pieces_start (data, strlen (data), NULL, &root, &arrays, &n_arrays);
  JsonObject *top;

  g_assert_nonnull (pieces);
  top = json_node_get_object (root);
  g_assert_cmpuint (json_object_get_size (top), ==, json_object_get_size (expected));

  /* Members other than the five arrays: parsed as they are. */
  {
    g_autoptr(GList) names = json_object_get_members (expected);

    for (GList *l = names; l != NULL; l = l->next)
      {
        gboolean collection = FALSE;

        for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
          collection |= g_str_equal (l->data, collections[c]);
        g_assert_true (json_object_has_member (top, l->data));
        if (collection)
          {
            /* In the top object, empty: the elements come in batches. */
            g_assert_cmpuint (json_array_get_length (json_object_get_array_member (top, l->data)), ==, 0);
            n_present++;
          }
        else
          g_assert_true (json_node_equal (json_object_get_member (top, l->data),
                                          json_object_get_member (expected, l->data)));
      }
  }
  g_assert_cmpuint (n_arrays, ==, n_present);

  /* The arrays, in the reader's order, their batches one after another. */
  for (guint a = 0; a < n_arrays; a++)
    {
      const StorylineArrayPieces *array = &arrays[a];
      JsonArray *want = json_object_get_array_member (expected, array->name);
      guint n = json_array_get_length (want);

      if (a > 0)
        g_assert_cmpuint (array->index, >, arrays[a - 1].index);
      g_assert_cmpstr (array->name, ==, collections[array->index]);
      g_assert_true (array->owner == pieces);
      g_assert_cmpuint (array->n_elements, ==, n);
      for (guint i = 0; i < n; i++)
        {
          guint batch_index = array->first_batch + i / array->batch_size;
          JsonArray *batch = storyline_pieces_get_batch (pieces, batch_index);
          gsize len = 0;
          const char *text = storyline_pieces_get_element_text (pieces, array->index, i, &len);
          g_autoptr(JsonNode) from_text = parse_whole (text, len);

          g_assert_nonnull (batch);
          g_assert_true (json_node_equal (json_array_get_element (batch, i % array->batch_size),
                                          json_array_get_element (want, i)));
          g_assert_true (json_node_equal (from_text, json_array_get_element (want, i)));
          /* Exactly the element: no space or comma around it. */
          g_assert_false (g_ascii_isspace (text[0]) || text[0] == ',');
          g_assert_false (g_ascii_isspace (text[len - 1]) || text[len - 1] == ',');
          /* A batch's last element: the batch has no more; let it go. */
          if ((i + 1) % array->batch_size == 0 || i + 1 == n)
            {
              g_assert_cmpuint (json_array_get_length (batch), ==, i % array->batch_size + 1);
              storyline_pieces_release (pieces, batch_index + 1);
            }
        }
    }

  json_node_unref (root);
  storyline_pieces_free (pieces);
}

static void
test_generated (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261201);

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *data = make_document (rand);

      check_document (data);
    }
}

/* What the split does not expect, it refuses; the loader then parses the
 * whole file, which says what is wrong. */
static void
test_refuses (void)
{
  static const char * const refused[] = {
    "{\"events\": [1, 2] /* a comment */}",
    "{\"ev\\u0065nts\": [1, 2]}",
    "{\"events\": [1, 2]} x",
    "[{\"events\": [1, 2]}]",
    "{\"events\": [1, 2], \"events\": [3]}",
    "{\"events\": [1, 2],}",
    "{\"events\" [1, 2]}",
    "{\"story\": {\"title\": \"T\"}",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      JsonNode *root = NULL;
      const StorylineArrayPieces *arrays = NULL;
      guint n_arrays = 0;
      StorylinePieces *pieces = storyline_pieces_start (refused[i], strlen (refused[i]), NULL, &root, &arrays, &n_arrays);

      if (pieces != NULL)
        g_error ("split, though it should not be: %s", refused[i]);
    }
}

/* An element json-glib refuses is found when its batch is parsed: the
 * batch is NULL, and so is every later one. */
static void
test_bad_element (void)
{
  g_autoptr(GString) s = g_string_new ("{\"story\": {}, \"events\": [");
  JsonNode *root = NULL;
  const StorylineArrayPieces *arrays = NULL;
  guint n_arrays = 0;
  StorylinePieces *pieces;

  for (guint i = 0; i < 1200; i++)
    g_string_append_printf (s, "%s{\"id\": \"e%u\"}", i ? ", " : "", i);
  /* Element 700, in the second batch: a word that is not JSON. */
  g_string_replace (s, "{\"id\": \"e700\"}", "{\"id\": e700}", 1);
  g_string_append (s, "]}");

  pieces = storyline_pieces_start (s->str, s->len, NULL, &root, &arrays, &n_arrays);
  g_assert_nonnull (pieces);
  g_assert_cmpuint (n_arrays, ==, 1);
  g_assert_cmpuint (arrays[0].n_elements, ==, 1200);
  g_assert_null (storyline_pieces_get_batch (pieces, arrays[0].first_batch + 1));
  g_assert_false (storyline_pieces_parse_rest (pieces));
  json_node_unref (root);
  storyline_pieces_free (pieces);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pieces/generated", test_generated);
  g_test_add_func ("/pieces/refuses", test_refuses);
  g_test_add_func ("/pieces/bad-element", test_bad_element);

  return g_test_run ();
}
