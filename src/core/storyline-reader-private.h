/* storyline-reader-private.h: what the reader's files share
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "storyline-model-private.h"
#include "storyline-pieces.h"
#include "storyline-problem.h"
#include "storyline-reader.h"

G_BEGIN_DECLS

/* The reader walks the tree twice: the first pass creates an object for
 * every element with a usable id and indexes it, the second reads every
 * field and resolves references, so that order in the file never matters.
 * Problems are collected, never thrown: one run reports all of them. Any
 * error means the story is refused as a whole. */

typedef struct
{
  StorylineStory *story;
  GPtrArray *problems;
  GString *path;
  GCancellable *cancellable;
  gboolean pieces_failed;       /* a piece would not parse: read it whole */
  JsonParser *element_parser;   /* for the odd element the first pass parses */
  JsonNode *null_node;
  guint n_errors;
  guint n_dropped;
  StorylineLoadProgress *progress;
  guint done;
  guint total;
} Reader;


gpointer        storyline_reader_resolve                  (Reader     *r,
                                                           GHashTable *index,
                                                           const char *ref,
                                                           const char *kind,
                                                           const char *id);
void            storyline_reader_add_unique               (GPtrArray **array,
                                                           gpointer  item);
const char     *storyline_reader_closest_word             (const char         *word,
                                                           const char * const *candidates);
int             storyline_reader_word_index               (const char         *word,
                                                           const char * const *words);
gboolean            storyline_reader_check_keys               (Reader             *r,
                                                           JsonObject         *object,
                                                           const char         *id,
                                                           const char * const *known);
void storyline_reader_keep_unknown (Reader             *r,
                                    gconstpointer       owner,
                                    JsonObject         *object,
                                    const char * const *known);
int             storyline_reader_read_word                (Reader             *r,
                                                           JsonObject         *object,
                                                           const char         *key,
                                                           const char         *id,
                                                           const char * const *words,
                                                           int                fallback,
                                                           gboolean           required);
gsize           storyline_reader_path_push_key            (Reader     *r,
                                                           const char *key);
gsize           storyline_reader_path_push_index          (Reader *r,
                                                           guint  index);
void            storyline_reader_path_pop                 (Reader *r,
                                                           gsize  len);
void            storyline_reader_error                    (Reader     *r,
                                                           const char *id,
                                                           const char *format,
                                                           ...) G_GNUC_PRINTF (3, 4);
void            storyline_reader_warning                  (Reader     *r,
                                                           const char *id,
                                                           const char *format,
                                                           ...) G_GNUC_PRINTF (3, 4);
const char     *storyline_reader_describe_node            (JsonNode *node);
JsonNode       *storyline_reader_get_member               (Reader     *r,
                                                           JsonObject *object,
                                                           const char *key,
                                                           const char *id,
                                                           gboolean   required);
const char     *storyline_reader_node_get_string          (Reader     *r,
                                                           JsonNode   *node,
                                                           const char *id,
                                                           gboolean   not_empty);
const char     *storyline_reader_read_string              (Reader     *r,
                                                           JsonObject *object,
                                                           const char *key,
                                                           const char *id,
                                                           gboolean   required);
char           *storyline_reader_dup_string               (Reader     *r,
                                                           JsonObject *object,
                                                           const char *key,
                                                           const char *id);
JsonArray      *storyline_reader_read_array               (Reader     *r,
                                                           JsonObject *object,
                                                           const char *key,
                                                           const char *id);
JsonObject     *storyline_reader_node_get_object          (Reader     *r,
                                                           JsonNode   *node,
                                                           const char *id);
char           **storyline_reader_read_string_list         (Reader     *r,
                                                            JsonObject *object,
                                                            const char *key,
                                                            const char *id);
gboolean        storyline_reader_read_date                (Reader        *r,
                                                           JsonObject    *object,
                                                           const char    *key,
                                                           const char    *id,
                                                           gboolean      required,
                                                           StorylineDate *date);
void            storyline_reader_check_url                (Reader     *r,
                                                           const char *url,
                                                           const char *id);
gboolean        storyline_reader_is_cancelled             (Reader *r,
                                                           guint  i);
void            storyline_reader_read_source              (Reader          *r,
                                                           StorylineSource *source,
                                                           JsonObject      *object);
void            storyline_reader_check_provenance_cycles  (Reader *r);
void            storyline_reader_check_affiliation_cycles (Reader *r);

G_END_DECLS
