/* test-editing.c: edits to a story, undone and redone, as the event list
 * shows them
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "storyline-edit-history.h"
#include "storyline-left-out.h"
#include "storyline-event-list.h"
#include "storyline-loader.h"
#include "storyline-search.h"
#include "storyline-writer.h"

static StorylineStory *
load_bundled (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "stories", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  StorylineStory *story = storyline_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return story;
}

static char *
written (StorylineStory *story)
{
  GString *out = g_string_new (NULL);

  storyline_story_write (story, out);
  return g_string_free (out, FALSE);
}

static void
wait_for_list (StorylineEventList *list)
{
  while (storyline_event_list_is_filtering (list))
    g_main_context_iteration (NULL, TRUE);
}

/* The list is what filtering the story afresh would give. */
static void
assert_list_is (StorylineEventList  *list,
                StorylineStory      *story,
                StorylineEventQuery *query,
                gboolean             newest_first)
{
  g_autoptr(GPtrArray) sorted = storyline_story_dup_events_sorted (story);
  guint n = 0;

  g_assert_cmpuint (storyline_event_list_get_n_total (list), ==, sorted->len);
  for (guint k = 0; k < sorted->len; k++)
    {
      StorylineEvent *event = sorted->pdata[newest_first ? sorted->len - 1 - k : k];
      g_autofree char *text = storyline_event_dup_search_text (event);

      if (query != NULL && !storyline_event_query_matches (query, event, text))
        {
          g_assert_cmpuint (storyline_event_list_find (list, event), ==, G_MAXUINT);
          continue;
        }
      if (storyline_event_list_peek (list, n) != event)
        g_error ("row %u: “%s”, expected “%s”", n,
                 storyline_event_get_title (storyline_event_list_peek (list, n)),
                 storyline_event_get_title (event));
      g_assert_cmpuint (storyline_event_list_find (list, event), ==, n);
      n++;
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
}

/* The list as its views know it: what its items-changed said, one change
 * after the other. */
static void
mirror_items_changed (GListModel *list,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GPtrArray  *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->len);
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror, position + i, g_list_model_get_item (list, position + i));
}

/* Said while the list is still the one the views know. */
static void
mirror_changing (StorylineEventList *list,
                 guint               position,
                 guint               removed,
                 guint               added,
                 GPtrArray          *mirror)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, mirror->len);
  for (guint i = position; i < position + removed; i++)
    g_assert_true (storyline_event_list_peek (list, i) == mirror->pdata[i]);
}

static void
assert_mirror_is (GPtrArray          *mirror,
                  StorylineEventList *list)
{
  g_assert_cmpuint (mirror->len, ==, g_list_model_get_n_items (G_LIST_MODEL (list)));
  for (guint i = 0; i < mirror->len; i++)
    if (mirror->pdata[i] != storyline_event_list_peek (list, i))
      g_error ("row %u: the views were told “%s”, the list has “%s”", i,
               storyline_event_get_title (mirror->pdata[i]),
               storyline_event_get_title (storyline_event_list_peek (list, i)));
}

static void
test_field_undo_redo (void)
{
  g_autoptr(StorylineStory) story = load_bundled ("pakistan-bangladesh-thaw.json");
  g_autoptr(StorylineEditHistory) history = storyline_edit_history_new (story);
  g_autofree char *before = written (story);
  StorylineEvent *event = g_ptr_array_index (storyline_story_get_events (story), 3);
  g_autofree char *title = g_strdup (storyline_event_get_title (event));
  g_autoptr(GError) error = NULL;
  const char *typed[] = { "A", "An", "An e", "An ed", "An edit" };

  g_assert_false (storyline_edit_history_get_modified (history));
  g_assert_false (storyline_edit_history_can_undo (history));

  /* Typing in one field is one step. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    g_assert_true (storyline_edit_history_set_event_field (history, event, STORYLINE_EVENT_FIELD_TITLE,
                                                           (const char *[]) { typed[i], NULL }, NULL));
  g_assert_cmpstr (storyline_event_get_title (event), ==, "An edit");
  g_assert_true (storyline_edit_history_get_modified (history));

  /* A wrong value changes nothing and says why. */
  g_assert_false (storyline_edit_history_set_event_field (history, event, STORYLINE_EVENT_FIELD_TITLE,
                                                          (const char *[]) { "  ", NULL }, &error));
  g_assert_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (storyline_edit_history_set_event_field (history, event, STORYLINE_EVENT_FIELD_DATE,
                                                          (const char *[]) { "2025-02-30", NULL }, &error));
  g_assert_nonnull (strstr (error->message, "28"));
  g_clear_error (&error);
  g_assert_cmpstr (storyline_event_get_title (event), ==, "An edit");

  storyline_edit_history_end_step (history);
  g_assert_true (storyline_edit_history_set_event_field (history, event, STORYLINE_EVENT_FIELD_PLACE,
                                                         (const char *[]) { "Dhaka", NULL }, NULL));
  g_assert_true (storyline_edit_history_set_event_field (history, event, STORYLINE_EVENT_FIELD_TAGS,
                                                         (const char *[]) { "trade", "", "visas", NULL }, NULL));
  g_assert_cmpstrv (storyline_event_get_tags (event), ((const char *[]) { "trade", "visas", NULL }));

  g_assert_true (storyline_edit_history_undo (history) == event);
  g_assert_true (storyline_edit_history_undo (history) == event);
  g_assert_cmpstr (storyline_event_get_title (event), ==, "An edit");
  g_assert_true (storyline_edit_history_undo (history) == event);
  g_assert_cmpstr (storyline_event_get_title (event), ==, title);
  g_assert_false (storyline_edit_history_can_undo (history));
  g_assert_false (storyline_edit_history_get_modified (history));
  {
    g_autofree char *after = written (story);
    g_assert_cmpstr (before, ==, after);
  }

  storyline_edit_history_redo (history);
  g_assert_cmpstr (storyline_event_get_title (event), ==, "An edit");
  g_assert_true (storyline_edit_history_get_modified (history));
  storyline_edit_history_set_saved (history);
  g_assert_false (storyline_edit_history_get_modified (history));
  storyline_edit_history_undo (history);
  g_assert_true (storyline_edit_history_get_modified (history));
  /* A new step where the saved one could have been redone: it is gone. */
  g_assert_true (storyline_edit_history_set_event_field (history, event, STORYLINE_EVENT_FIELD_TYPE,
                                                         (const char *[]) { "visit", NULL }, NULL));
  g_assert_false (storyline_edit_history_can_redo (history));
  storyline_edit_history_undo (history);
  g_assert_true (storyline_edit_history_get_modified (history));
}

static void
test_delete_refused (void)
{
  g_autoptr(StorylineStory) story = load_bundled ("pakistan-bangladesh-thaw.json");
  g_autoptr(StorylineEditHistory) history = storyline_edit_history_new (story);
  StorylineQuote *quote = g_ptr_array_index (storyline_story_get_quotes (story), 0);
  StorylineEvent *event = storyline_quote_get_event (quote);
  g_autoptr(GError) error = NULL;
  guint n = storyline_story_get_events (story)->len;

  g_assert_nonnull (event);
  g_assert_false (storyline_edit_history_delete_event (history, event, &error));
  g_assert_error (error, STORYLINE_EDIT_ERROR, STORYLINE_EDIT_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, storyline_event_get_title (event)));
  g_assert_cmpuint (storyline_story_get_events (story)->len, ==, n);
  g_assert_false (storyline_edit_history_can_undo (history));
}

/* Random edits, each checked against the story filtered afresh; then all
 * undone, which must give the story as it was opened, byte for byte, and
 * all redone, which must give the story as it was edited. */
/* A story larger than the event list filters on its own thread. */
static StorylineStory *
make_large_story (guint n)
{
  static const char *words[] = { "visa", "trade", "Dhaka", "flight", "rice", "envoy", "talks", "port" };
  GString *json = g_string_new ("{\"format\": \"storyline\", \"version\": 1, \"story\": {\"title\": \"Large\"}, "
                                "\"actors\": [{\"id\": \"a\", \"name\": \"Ana\"}, {\"id\": \"b\", \"name\": \"Bo\"}], "
                                "\"events\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  StorylineStory *story;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"title\": \"%s %u\", \"date\": \"%u-%02u\"}",
                            i ? ", " : "", i, words[g_test_rand_int_range (0, G_N_ELEMENTS (words))], i,
                            1990 + g_test_rand_int_range (0, 30), 1 + g_test_rand_int_range (0, 12));
  g_string_append (json, "]}");
  bytes = g_string_free_to_bytes (json);
  story = storyline_load_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  return story;
}

/* A quote's text is searched as its event's: the list is told. */
static void
quote_changed (StorylineEventList *list,
               StorylineQuote     *quote,
               StorylineEvent     *left)
{
  if (storyline_quote_get_event (quote) != NULL)
    storyline_event_list_update_event (list, storyline_quote_get_event (quote));
  if (left != NULL)
    storyline_event_list_update_event (list, left);
}

/* An actor's name is searched as the events' naming it. */
static void
actor_changed (StorylineEventList *list,
               StorylineActor     *actor)
{
  for (guint i = 0; i < storyline_actor_get_n_events (actor); i++)
    storyline_event_list_update_event (list, storyline_actor_get_event (actor, i));
}

/* A source's title and authors are searched as the events' citing it. */
static void
source_changed (StorylineEventList *list,
                StorylineSource    *source)
{
  for (guint i = 0; i < storyline_source_get_n_events (source); i++)
    storyline_event_list_update_event (list, storyline_source_get_event (source, i));
}

static gpointer
pick (GPtrArray *array)
{
  return array != NULL && array->len > 0 ? array->pdata[g_test_rand_int_range (0, array->len)] : NULL;
}

/* One random change to the story's quotes: a field of a quote or of a
 * rendition (right or wrong values), a quote or rendition added or
 * deleted. */
static void
random_quote_edit (StorylineEditHistory *history,
                   StorylineEvent       *event,
                   const char * const   *words,
                   guint                 n_words,
                   const char * const   *dates,
                   guint                 n_dates)
{
  StorylineStory *story = storyline_edit_history_get_story (history);
  StorylineQuote *quote = pick (storyline_story_get_quotes (story));
  StorylineSource *source = pick (storyline_story_get_sources (story));
  StorylineActor *actor = pick (storyline_story_get_actors (story));
  guint n = quote ? storyline_quote_get_n_renditions (quote) : 0;
  StorylineRendition *rendition = n ? storyline_quote_get_rendition (quote, g_test_rand_int_range (0, n)) : NULL;
  g_autofree char *text = g_strdup_printf ("%s, %s %s", words[g_test_rand_int_range (0, n_words)],
                                           words[g_test_rand_int_range (0, n_words)],
                                           words[g_test_rand_int_range (0, n_words)]);
  int op = g_test_rand_int_range (0, 10);

  if (op <= 1 && actor != NULL)
    quote = storyline_edit_history_add_quote (history, g_test_rand_bit () ? event : NULL, actor, text);
  else if (op == 2 && quote != NULL)
    storyline_edit_history_delete_quote (history, quote);
  else if (op <= 4 && quote != NULL)
    {
      StorylineQuoteField field = g_test_rand_int_range (0, STORYLINE_QUOTE_N_FIELDS);
      const char *value = NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok;

      switch (field)
        {
        case STORYLINE_QUOTE_FIELD_TEXT: value = g_test_rand_bit () ? text : ""; break;
        case STORYLINE_QUOTE_FIELD_SPEAKER: value = actor ? storyline_actor_get_id (actor) : "nobody"; break;
        case STORYLINE_QUOTE_FIELD_EVENT: value = g_test_rand_bit () ? storyline_event_get_id (event) : NULL; break;
        case STORYLINE_QUOTE_FIELD_SAID: value = dates[g_test_rand_int_range (0, n_dates)]; break;
        case STORYLINE_QUOTE_FIELD_ORIGIN: value = g_test_rand_bit () && source ? storyline_source_get_id (source) : NULL; break;
        case STORYLINE_QUOTE_FIELD_KIND: value = g_test_rand_bit () ? "spoken" : "sung"; break;
        case STORYLINE_QUOTE_FIELD_LANGUAGE: value = g_test_rand_bit () ? "ur" : NULL; break;
        default: g_assert_not_reached ();
        }
      ok = storyline_edit_history_set_quote_field (history, quote, field, value, &error);
      g_assert_true (ok == (error == NULL));
      g_assert_true (ok == storyline_story_check_quote_field (story, field, value, NULL));
    }
  else if (op <= 6 && quote != NULL && source != NULL)
    storyline_edit_history_add_rendition (history, quote, source, text);
  else if (op == 7 && rendition != NULL)
    storyline_edit_history_delete_rendition (history, rendition);
  else if (rendition != NULL)
    {
      StorylineRenditionField field = g_test_rand_int_range (0, STORYLINE_RENDITION_N_FIELDS);
      const char *value = field == STORYLINE_RENDITION_FIELD_SOURCE ? (source ? storyline_source_get_id (source) : "none")
                          : g_test_rand_int_range (0, 4) == 0 ? "" : text;
      gboolean ok = storyline_edit_history_set_rendition_field (history, rendition, field, value, NULL);

      g_assert_true (ok == storyline_story_check_rendition_field (story, field, value, NULL));
    }
}

/* One random change to the story's sources: a member of one's item
 * (right or wrong values, a provenance that may go round in a circle), a
 * source added or deleted. */
static void
random_source_edit (StorylineEditHistory *history,
                    StorylineEvent       *event,
                    const char * const   *words,
                    guint                 n_words)
{
  StorylineStory *story = storyline_edit_history_get_story (history);
  StorylineSource *source = pick (storyline_story_get_sources (story));
  StorylineSource *other = pick (storyline_story_get_sources (story));
  g_autofree char *title = g_strdup_printf ("%s %s", words[g_test_rand_int_range (0, n_words)],
                                            words[g_test_rand_int_range (0, n_words)]);
  int op = g_test_rand_int_range (0, 10);

  /* A citation made of it keeps its item parsed, as the window's do. */
  if (source != NULL && g_test_rand_bit ())
    storyline_source_get_item (source);
  if (op == 0 || source == NULL)
    storyline_edit_history_add_source (history, g_test_rand_bit () ? "webpage" : "article-newspaper", title);
  else if (op == 1)
    {
      g_autoptr(GError) error = NULL;
      gboolean can = storyline_story_can_remove_source (story, source, NULL);

      g_assert_cmpint (storyline_edit_history_delete_source (history, source, &error), ==, can);
    }
  else if (op == 4 && event != NULL)
    {
      /* Its notes: a kind that is one or not, a source that is there or
       * not, with a locator. */
      g_autofree char *note = g_strdup_printf ("{\"kind\":\"%s\",\"text\":\"%s\",\"sources\":[{\"source\":\"%s\",\"locator\":\"p. 2\"}]}",
                                               g_test_rand_int_range (0, 6) ? "correction" : "rumour", title,
                                               g_test_rand_int_range (0, 6) ? storyline_source_get_id (source) : "missing");
      const char *notes[] = { g_test_rand_bit () ? note : NULL, NULL };
      gboolean right = storyline_story_check_event_field (story, STORYLINE_EVENT_FIELD_NOTES, notes, NULL);

      g_assert_cmpint (storyline_edit_history_set_event_field (history, event, STORYLINE_EVENT_FIELD_NOTES, notes, NULL), ==, right);
    }
  else if (op == 5 && event != NULL)
    {
      /* The events it is related to: one, by a relation that is one or
       * not. */
      StorylineEvent *to = pick (storyline_story_get_events (story));
      g_autofree char *relation = g_strdup_printf ("%s\t%s", storyline_event_get_id (to),
                                                   g_test_rand_int_range (0, 6) ? "responds-to" : "precedes");
      const char *related[] = { to != event && g_test_rand_bit () ? relation : NULL, NULL };
      gboolean right = storyline_story_check_event_field (story, STORYLINE_EVENT_FIELD_RELATED, related, NULL);

      g_assert_cmpint (storyline_edit_history_set_event_field (history, event, STORYLINE_EVENT_FIELD_RELATED, related, NULL), ==, right);
    }
  else if (op <= 3 && event != NULL)
    {
      /* The sources the event cites: one or two, with a locator or a
       * note, now and then one that is not in the story. */
      g_autofree char *first = g_strdup_printf ("%s\tp. %u", storyline_source_get_id (source), g_test_rand_int_range (1, 40));
      g_autofree char *second = g_strdup_printf ("%s\t\t%s", g_test_rand_int_range (0, 8) ? storyline_source_get_id (other) : "missing",
                                                title);
      const char *refs[] = { first, g_test_rand_bit () ? second : NULL, NULL };
      gboolean right = storyline_story_check_event_field (story, STORYLINE_EVENT_FIELD_SOURCES, refs, NULL);

      g_assert_cmpint (storyline_edit_history_set_event_field (history, event, STORYLINE_EVENT_FIELD_SOURCES, refs, NULL), ==, right);
      if (right)
        {
          g_auto(GStrv) now = storyline_event_dup_field (event, STORYLINE_EVENT_FIELD_SOURCES);
          g_assert_cmpstr (now[0], ==, first);
        }
    }
  else
    {
      static const char *values[] = {
        "\"%s\"", "\"\"", "\"https://example.org/%s\"", "\"javascript:alert(1)\"", "{\"date-parts\":[[2025,10]]}",
        "\"2025-10-2X\"", "\"not a date\"", "\"primary\"", "\"bogus\"", "[\"%s\"]", "[{\"family\":\"Khan\",\"given\":\"%s\"}]",
        "[\"a name as a string\"]", "[{\"literal\":\"%s Staff\"}]", "null"
      };
      static const char *keys[] = { "title", "URL", "issued", "custom.reliability", "custom.derived_from", "author",
                                    "container-title", "publisher", "genre" };
      const char *key = keys[g_test_rand_int_range (0, G_N_ELEMENTS (keys))];
      const char *format = values[g_test_rand_int_range (0, G_N_ELEMENTS (values))];
      g_autofree char *json = NULL;

      {
        g_auto(GStrv) parts = g_strsplit (format, "%s", 2);
        json = parts[1] ? g_strconcat (parts[0], strstr (format, "[\"%s") ? storyline_source_get_id (other) : title, parts[1], NULL)
                        : g_strdup (parts[0]);
      }
      g_autoptr(JsonNode) value = json_from_string (json, NULL);
      g_autoptr(JsonObject) item = storyline_source_item_with (source, key, JSON_NODE_HOLDS_NULL (value) ? NULL : value);
      g_autoptr(GError) error = NULL;
      gboolean right = storyline_story_check_source_item (story, source, item, NULL);

      g_assert_cmpint (storyline_edit_history_set_source_item (history, source, key, item, &error), ==, right);
      g_assert_true (right == (error == NULL));
    }
}

/* One random change to the story's actors or phases: a field (right or
 * wrong), an actor or phase deleted (or refused), a phase added and given
 * to the event. */
static void
random_cast_edit (StorylineEditHistory *history,
                  StorylineEvent       *event,
                  const char * const   *words,
                  guint                 n_words,
                  const char * const   *dates,
                  guint                 n_dates)
{
  StorylineStory *story = storyline_edit_history_get_story (history);
  StorylineActor *actor = pick (storyline_story_get_actors (story));
  StorylinePhase *phase = pick (storyline_story_get_phases (story));
  g_autofree char *text = g_strdup_printf ("%s %s", words[g_test_rand_int_range (0, n_words)], words[g_test_rand_int_range (0, n_words)]);
  int op = g_test_rand_int_range (0, 8);

  if (op <= 1 && actor != NULL)
    {
      static const char *kinds[] = { "person", "country", "tribe" };
      StorylineActorField field = g_test_rand_int_range (0, STORYLINE_ACTOR_N_FIELDS);
      StorylineActor *other = pick (storyline_story_get_actors (story));
      const char *value = field == STORYLINE_ACTOR_FIELD_KIND ? kinds[g_test_rand_int_range (0, 3)]
                          : g_test_rand_int_range (0, 4) == 0 ? ""
                          : field == STORYLINE_ACTOR_FIELD_AFFILIATION
                            ? (g_test_rand_int_range (0, 5) == 0 ? "nobody" : storyline_actor_get_id (other))
                          : text;
      gboolean right = storyline_story_check_actor_field (story, actor, field, value, NULL);

      g_assert_cmpint (storyline_edit_history_set_actor_field (history, actor, field, value, NULL), ==, right);
    }
  else if (op == 2 && actor != NULL)
    {
      gboolean can = storyline_story_can_remove_actor (story, actor, NULL);

      g_assert_cmpint (storyline_edit_history_delete_actor (history, actor, NULL), ==, can);
    }
  else if (op == 3 || phase == NULL)
    {
      StorylineDate start, end;

      g_assert_true (storyline_date_parse ("2024-11", &start, NULL));
      g_assert_true (storyline_date_parse ("2025-08-24", &end, NULL));
      phase = storyline_edit_history_add_phase (history, text, &start, &end);
      if (event != NULL)
        storyline_edit_history_set_event_field (history, event, STORYLINE_EVENT_FIELD_PHASE,
                                                (const char *[]) { storyline_phase_get_id (phase), NULL }, NULL);
    }
  else if (op == 4)
    {
      gboolean can = storyline_story_can_remove_phase (story, phase, NULL);

      g_assert_cmpint (storyline_edit_history_delete_phase (history, phase, NULL), ==, can);
    }
  else
    {
      StorylinePhaseField field = g_test_rand_int_range (0, STORYLINE_PHASE_N_FIELDS);
      const char *value = field == STORYLINE_PHASE_FIELD_START || field == STORYLINE_PHASE_FIELD_END
                          ? dates[g_test_rand_int_range (0, n_dates)] : g_test_rand_bit () ? text : "";
      gboolean right = storyline_story_check_phase_field (story, phase, field, value, NULL);

      g_assert_cmpint (storyline_edit_history_set_phase_field (history, phase, field, value, NULL), ==, right);
    }
}

static void
run_random_edits (const char *name,
                  gboolean    newest_first,
                  const char *search)
{
  g_autoptr(StorylineStory) story = name ? load_bundled (name) : make_large_story (STORYLINE_EVENT_LIST_SYNC_LIMIT + 5000);
  guint n_rounds = name ? 300 : 40;
  g_autoptr(StorylineEditHistory) history = storyline_edit_history_new (story);
  g_autoptr(StorylineEventList) list = storyline_event_list_new ();
  g_autoptr(StorylineEventQuery) query = search ? storyline_event_query_new (search, NULL, NULL, NULL, NULL) : NULL;
  g_autofree char *opened = written (story);
  g_autofree char *edited = NULL;
  g_autoptr(GPtrArray) mirror = g_ptr_array_new_with_free_func (g_object_unref);
  static const char *words[] = { "visa", "trade", "Dhaka", "flight", "rice", "envoy", "talks", "zest" };
  static const char *dates[] = { "1971", "2024-08", "2025-10-24/2025-10-27", "2024-12-19", "2025?",
                                 "2025-01-0X", "not a date", "2025-04-17", "1947-08-14/1971-12-16" };
  guint n_steps = 0;

  g_signal_connect (list, "changing", G_CALLBACK (mirror_changing), mirror);
  g_signal_connect (list, "items-changed", G_CALLBACK (mirror_items_changed), mirror);
  storyline_event_list_set_story (list, story, newest_first);
  storyline_event_list_set_query (list, query);
  wait_for_list (list);
  g_signal_connect_swapped (story, "event-changed", G_CALLBACK (storyline_event_list_update_event), list);
  g_signal_connect_swapped (story, "events-changed", G_CALLBACK (storyline_event_list_update_event), list);
  g_signal_connect_swapped (story, "quote-changed", G_CALLBACK (quote_changed), list);
  g_signal_connect_swapped (story, "source-changed", G_CALLBACK (source_changed), list);
  g_signal_connect_swapped (story, "actor-changed", G_CALLBACK (actor_changed), list);

  for (guint round = 0; round < n_rounds; round++)
    {
      GPtrArray *events = storyline_story_get_events (story);
      StorylineEvent *event = events->len ? events->pdata[g_test_rand_int_range (0, events->len)] : NULL;
      int op = g_test_rand_int_range (0, 18);

      if (event == NULL)
        op = 7;
      if (op <= 2)
        {
          g_autofree char *title = g_strdup_printf ("%s %s", words[g_test_rand_int_range (0, G_N_ELEMENTS (words))],
                                                    words[g_test_rand_int_range (0, G_N_ELEMENTS (words))]);
          storyline_edit_history_set_event_field (history, event, STORYLINE_EVENT_FIELD_TITLE,
                                                  (const char *[]) { title, NULL }, NULL);
        }
      else if (op <= 4)
        storyline_edit_history_set_event_field (history, event, STORYLINE_EVENT_FIELD_DATE,
                                                (const char *[]) { dates[g_test_rand_int_range (0, G_N_ELEMENTS (dates))], NULL }, NULL);
      else if (op == 5)
        {
          GPtrArray *actors = storyline_story_get_actors (story);
          const char *ids[3] = { NULL };

          for (guint i = 0; i < 2 && actors->len > 0; i++)
            ids[i] = storyline_actor_get_id (actors->pdata[g_test_rand_int_range (0, actors->len)]);
          storyline_edit_history_set_event_field (history, event, STORYLINE_EVENT_FIELD_ACTORS, ids, NULL);
        }
      else if (op == 6)
        storyline_edit_history_duplicate_event (history, event);
      else if (op == 7)
        {
          StorylineDate date;

          g_assert_true (storyline_date_parse (dates[g_test_rand_int_range (0, 5)], &date, NULL));
          storyline_edit_history_add_event (history, event, words[g_test_rand_int_range (0, G_N_ELEMENTS (words))], &date);
        }
      else if (op == 8)
        {
          g_autoptr(GError) error = NULL;
          gboolean can = storyline_story_can_remove_event (story, event, NULL);

          g_assert_cmpint (storyline_edit_history_delete_event (history, event, &error), ==, can);
          g_assert_true (can == (error == NULL));
        }
      else if (op == 10)
        {
          /* An actor made while editing an event, and given to it. */
          g_autofree char *actor_name = g_strdup_printf ("%s Khan", words[g_test_rand_int_range (0, G_N_ELEMENTS (words))]);
          StorylineActor *actor = storyline_edit_history_add_actor (history, actor_name, STORYLINE_ACTOR_PERSON);

          g_assert_true (storyline_story_lookup_actor (story, storyline_actor_get_id (actor)) == actor);
          storyline_edit_history_set_event_field (history, event, STORYLINE_EVENT_FIELD_ACTORS,
                                                  (const char *[]) { storyline_actor_get_id (actor), NULL }, NULL);
        }
      else if (op >= 16)
        random_cast_edit (history, event, words, G_N_ELEMENTS (words), dates, G_N_ELEMENTS (dates));
      else if (op >= 14)
        random_source_edit (history, event, words, G_N_ELEMENTS (words));
      else if (op >= 11)
        random_quote_edit (history, event, words, G_N_ELEMENTS (words), dates, G_N_ELEMENTS (dates));
      else if (g_test_rand_bit ())
        storyline_edit_history_undo (history);
      else
        storyline_edit_history_redo (history);
      storyline_edit_history_end_step (history);

      /* The list as it stands: the right order. With the query again:
       * exactly the events that match. */
      wait_for_list (list);
      if (round % 3 == 0)
        {
          storyline_event_list_set_query (list, query);
          wait_for_list (list);
          assert_list_is (list, story, query, newest_first);
        }
      else if (query == NULL)
        assert_list_is (list, story, NULL, newest_first);
      assert_mirror_is (mirror, list);
    }

  edited = written (story);

  /* What the edits made opens again, as it is. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new (edited, strlen (edited));
    g_autoptr(GError) error = NULL;
    g_autoptr(StorylineStory) reopened = storyline_load_bytes (bytes, NULL, NULL, &error);
    g_autofree char *again = NULL;

    g_assert_no_error (error);
    again = written (reopened);
    g_assert_cmpstr (again, ==, edited);
  }

  /* The recovery journal, done again on the story as opened: the story
   * as edited. */
  {
    g_autoptr(JsonNode) journal = storyline_edit_history_dup_journal (history);
    g_autoptr(GBytes) bytes = g_bytes_new (opened, strlen (opened));
    g_autoptr(StorylineStory) again = storyline_load_bytes (bytes, NULL, NULL, NULL);
    g_autoptr(StorylineEditHistory) replayed = storyline_edit_history_new (again);
    g_autoptr(GError) error = NULL;
    g_autofree char *text = json_to_string (journal, FALSE);
    g_autoptr(JsonNode) parsed = json_from_string (text, &error);
    g_autofree char *after = NULL;

    g_assert_no_error (error);
    g_assert_true (storyline_edit_history_replay (replayed, parsed, &error));
    g_assert_no_error (error);
    after = written (again);
    g_assert_cmpstr (after, ==, edited);
  }

  while (storyline_edit_history_can_undo (history))
    {
      storyline_edit_history_undo (history);
      n_steps++;
    }
  g_test_message ("%u steps undone", n_steps);
  g_assert_false (storyline_edit_history_get_modified (history));
  {
    g_autofree char *again = written (story);
    g_assert_cmpstr (opened, ==, again);
  }
  storyline_event_list_set_query (list, query);
  wait_for_list (list);
  assert_list_is (list, story, query, newest_first);

  /* Redone as many steps as were undone: the story as edited (steps
   * undone at the end of the edits stay undone). */
  for (guint i = 0; i < n_steps; i++)
    {
      g_assert_true (storyline_edit_history_can_redo (history));
      storyline_edit_history_redo (history);
    }
  {
    g_autofree char *again = written (story);
    g_assert_cmpstr (edited, ==, again);
  }
  storyline_event_list_set_query (list, query);
  wait_for_list (list);
  assert_list_is (list, story, query, newest_first);
  g_signal_handlers_disconnect_by_data (story, list);
}

static void
test_random_edits (void)
{
  run_random_edits ("pakistan-bangladesh-thaw.json", FALSE, NULL);
  run_random_edits ("pakistan-bangladesh-thaw.json", TRUE, "visa");
  run_random_edits ("example.json", FALSE, "zest");
}

static void
test_random_edits_large (void)
{
  run_random_edits (NULL, FALSE, "visa");
  run_random_edits (NULL, TRUE, NULL);
}

static void
test_new_story (void)
{
  g_autoptr(StorylineStory) story = storyline_story_new ("Untitled", "en");
  g_autoptr(StorylineEditHistory) history = storyline_edit_history_new (story);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(StorylineStory) again = NULL;
  StorylineDate date;

  storyline_edit_history_set_unsaved (history);
  g_assert_true (storyline_edit_history_get_modified (history));
  g_assert_false (storyline_edit_history_set_story_field (history, STORYLINE_STORY_FIELD_TITLE, "", &error));
  g_clear_error (&error);
  g_assert_true (storyline_edit_history_set_story_field (history, STORYLINE_STORY_FIELD_TITLE, "My story", NULL));
  g_assert_true (storyline_date_parse ("2026-12-01", &date, NULL));
  storyline_edit_history_add_event (history, NULL, "It began", &date);
  storyline_edit_history_add_event (history, NULL, "It went on", &date);

  text = written (story);
  bytes = g_bytes_new (text, strlen (text));
  again = storyline_load_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (storyline_story_get_title (again), ==, "My story");
  g_assert_cmpuint (storyline_story_get_events (again)->len, ==, 2);
  g_assert_cmpstr (storyline_event_get_id (g_ptr_array_index (storyline_story_get_events (again), 1)), ==, "event-2");
}

/* A story opened anyway keeps what it left out and writes it back where
 * it was; each item corrected is put back, one that points at another
 * once that one is back; undone, all is as opened; the journal does it
 * again. */
static void
test_put_back (void)
{
  static const char broken[] =
    "{\"format\": \"storyline\", \"version\": 1, \"story\": {\"title\": \"T\"},"
    " \"events\": ["
    "  {\"id\": \"e1\", \"title\": \"Fine\", \"date\": \"2025\", \"sources\": [\"s1\"]},"
    "  {\"id\": \"e2\", \"title\": \"Bad date\", \"date\": \"2025-13\"},"
    "  {\"id\": \"e3\", \"title\": \"Cites the bad source\", \"date\": \"2025\", \"sources\": [\"s2\"]},"
    "  {\"id\": \"e4\", \"title\": \"Fine too\", \"date\": \"2025\"}"
    " ],"
    " \"sources\": [{\"id\": \"s1\", \"type\": \"webpage\", \"title\": \"One\"},"
    "  {\"id\": \"s2\", \"type\": \"newspaper-article\", \"title\": \"Two\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (broken, sizeof broken - 1);
  g_autoptr(StorylineStory) story = storyline_load_bytes_anyway (bytes, NULL, NULL, NULL);
  g_autoptr(StorylineEditHistory) history = NULL;
  g_autofree char *opened = NULL;
  g_autoptr(GError) error = NULL;
  guint e2 = G_MAXUINT, e3 = G_MAXUINT, s2 = G_MAXUINT;

  g_assert_nonnull (story);
  history = storyline_edit_history_new (story);
  g_assert_cmpuint (storyline_story_get_events (story)->len, ==, 2);
  g_assert_cmpuint (storyline_story_get_n_left_out (story), ==, 3);

  /* Written, nothing is dropped: every item where it was. */
  opened = written (story);
  {
    g_autoptr(JsonNode) root = json_from_string (opened, NULL);
    JsonArray *events = json_object_get_array_member (json_node_get_object (root), "events");
    JsonArray *sources = json_object_get_array_member (json_node_get_object (root), "sources");
    const char *ids[] = { "e1", "e2", "e3", "e4" };

    g_assert_cmpuint (json_array_get_length (events), ==, 4);
    for (guint i = 0; i < 4; i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (events, i), "id"), ==, ids[i]);
    g_assert_cmpuint (json_array_get_length (sources), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sources, 1), "type"), ==, "newspaper-article");
  }
  for (guint i = 0; i < storyline_story_get_n_left_out (story); i++)
    {
      const StorylineLeftOut *l = storyline_story_get_left_out (story, i);

      if (g_str_equal (l->collection, "events") && l->position == 1)
        e2 = i;
      if (g_str_equal (l->collection, "events") && l->position == 2)
        e3 = i;
      if (g_str_equal (l->collection, "sources") && l->position == 1)
        s2 = i;
    }
  g_assert_cmpuint (e2, !=, G_MAXUINT);
  g_assert_nonnull (strstr (storyline_story_get_left_out (story, e2)->problem, "no month 13"));

  /* Not yet right: said where and what, nothing changes. */
  g_assert_false (storyline_edit_history_put_back (history, e3, storyline_story_get_left_out (story, e3)->text, &error));
  g_assert_nonnull (strstr (error->message, "sources[0]"));
  g_clear_error (&error);
  g_assert_false (storyline_edit_history_put_back (history, e2, "{\"id\": \"e2\", \"title\": \"Bad date\"", &error));
  g_assert_nonnull (strstr (error->message, "Not JSON"));
  g_clear_error (&error);
  g_assert_false (storyline_edit_history_put_back (history, e2, "{\"id\": \"e1\", \"title\": \"Same id\", \"date\": \"2025\"}", &error));
  g_assert_nonnull (strstr (error->message, "already used"));
  g_clear_error (&error);
  g_assert_false (storyline_edit_history_get_modified (history));

  /* The source corrected, then the event that cites it, then the date. */
  g_assert_true (storyline_edit_history_put_back (history, s2,
    "{\"id\": \"s2\", \"type\": \"article-newspaper\", \"title\": \"Two\"}", &error));
  g_assert_no_error (error);
  g_assert_nonnull (storyline_story_lookup_source (story, "s2"));
  for (guint i = 0; i < storyline_story_get_n_left_out (story); i++)
    if (storyline_story_get_left_out (story, i)->position == 2)
      e3 = i;
  g_assert_true (storyline_edit_history_put_back (history, e3, storyline_story_get_left_out (story, e3)->text, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (storyline_source_get_n_events (storyline_story_lookup_source (story, "s2")), ==, 1);
  g_assert_true (storyline_edit_history_put_back (history, 0,
    "{\"id\": \"e2\", \"title\": \"Bad date\", \"date\": \"2025-12\"}", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (storyline_story_get_n_left_out (story), ==, 0);
  g_assert_cmpuint (storyline_story_get_events (story)->len, ==, 4);
  {
    g_autofree char *mended = written (story);
    g_autoptr(GBytes) again = g_bytes_new (mended, strlen (mended));
    g_autoptr(StorylineStory) reopened = storyline_load_bytes (again, NULL, NULL, &error);

    /* The file as mended opens without Open Anyway, in the order it had. */
    g_assert_no_error (error);
    for (guint i = 0; i < 4; i++)
      {
        g_autofree char *id = g_strdup_printf ("e%u", i + 1);
        g_assert_cmpstr (storyline_event_get_id (storyline_story_get_events (reopened)->pdata[i]), ==, id);
      }

    /* The journal, on the story as opened anyway: the same. */
    {
      g_autoptr(JsonNode) journal = storyline_edit_history_dup_journal (history);
      g_autoptr(StorylineStory) other = storyline_load_bytes_anyway (bytes, NULL, NULL, NULL);
      g_autoptr(StorylineEditHistory) replayed = storyline_edit_history_new (other);
      g_autofree char *replay_text = NULL;

      g_assert_true (storyline_edit_history_replay (replayed, journal, &error));
      g_assert_no_error (error);
      replay_text = written (other);
      g_assert_cmpstr (replay_text, ==, mended);
    }
  }

  while (storyline_edit_history_can_undo (history))
    storyline_edit_history_undo (history);
  g_assert_cmpuint (storyline_story_get_n_left_out (story), ==, 3);
  {
    g_autofree char *again = written (story);
    g_assert_cmpstr (again, ==, opened);
  }
}

/* Steps in a group are undone and redone as one, the steps around them
 * on their own. */
static void
test_group (void)
{
  g_autoptr(StorylineStory) story = load_bundled ("pakistan-bangladesh-thaw.json");
  g_autoptr(StorylineEditHistory) history = storyline_edit_history_new (story);
  g_autofree char *opened = written (story);
  guint n = storyline_story_get_sources (story)->len;
  StorylineEvent *event = g_ptr_array_index (storyline_story_get_events (story), 0);

  storyline_edit_history_set_event_field (history, event, STORYLINE_EVENT_FIELD_TITLE, (const char *[]) { "Before", NULL }, NULL);
  storyline_edit_history_begin_group (history);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Imported %u", i);
      g_assert_nonnull (storyline_edit_history_add_source (history, "webpage", title));
    }
  storyline_edit_history_end_group (history);
  storyline_edit_history_set_event_field (history, event, STORYLINE_EVENT_FIELD_TITLE, (const char *[]) { "After", NULL }, NULL);
  g_assert_cmpuint (storyline_story_get_sources (story)->len, ==, n + 3);

  storyline_edit_history_undo (history);
  g_assert_cmpstr (storyline_event_get_title (event), ==, "Before");
  g_assert_cmpuint (storyline_story_get_sources (story)->len, ==, n + 3);
  storyline_edit_history_undo (history);
  g_assert_cmpuint (storyline_story_get_sources (story)->len, ==, n);
  g_assert_cmpstr (storyline_event_get_title (event), ==, "Before");
  storyline_edit_history_undo (history);
  g_assert_false (storyline_edit_history_can_undo (history));
  {
    g_autofree char *now = written (story);
    g_assert_cmpstr (now, ==, opened);
  }
  storyline_edit_history_redo (history);
  storyline_edit_history_redo (history);
  g_assert_cmpuint (storyline_story_get_sources (story)->len, ==, n + 3);
  g_assert_cmpstr (storyline_source_get_title (g_ptr_array_index (storyline_story_get_sources (story), n + 2)), ==, "Imported 2");
  g_assert_cmpstr (storyline_event_get_title (event), ==, "Before");
  storyline_edit_history_redo (history);
  g_assert_cmpstr (storyline_event_get_title (event), ==, "After");
  g_assert_false (storyline_edit_history_can_redo (history));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/editing/field-undo-redo", test_field_undo_redo);
  g_test_add_func ("/editing/delete-refused", test_delete_refused);
  g_test_add_func ("/editing/random-edits", test_random_edits);
  g_test_add_func ("/editing/random-edits-large", test_random_edits_large);
  g_test_add_func ("/editing/new-story", test_new_story);
  g_test_add_func ("/editing/put-back", test_put_back);
  g_test_add_func ("/editing/group", test_group);

  return g_test_run ();
}
