/* storyline-edit-history.h: the edits made to a story, to undo and redo
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "storyline-actor-edit.h"
#include "storyline-quote-edit.h"
#include "storyline-source-edit.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_EDIT_HISTORY (storyline_edit_history_get_type ())

G_DECLARE_FINAL_TYPE (StorylineEditHistory, storyline_edit_history, STORYLINE, EDIT_HISTORY, GObject)

StorylineEditHistory *storyline_edit_history_new             (StorylineStory       *story);
StorylineStory       *storyline_edit_history_get_story       (StorylineEditHistory *self);

gboolean              storyline_edit_history_set_event_field (StorylineEditHistory *self,
                                                              StorylineEvent       *event,
                                                              StorylineEventField   field,
                                                              const char * const   *value,
                                                              GError              **error);
gboolean              storyline_edit_history_set_story_field (StorylineEditHistory *self,
                                                              StorylineStoryField   field,
                                                              const char           *value,
                                                              GError              **error);
StorylineEvent       *storyline_edit_history_add_event       (StorylineEditHistory *self,
                                                              StorylineEvent       *after,
                                                              const char           *title,
                                                              const StorylineDate  *date);
StorylineEvent       *storyline_edit_history_duplicate_event (StorylineEditHistory *self,
                                                              StorylineEvent       *event);
gboolean              storyline_edit_history_delete_event    (StorylineEditHistory *self,
                                                              StorylineEvent       *event,
                                                              GError              **error);
StorylineActor       *storyline_edit_history_add_actor       (StorylineEditHistory *self,
                                                              const char           *name,
                                                              StorylineActorKind    kind);
gboolean              storyline_edit_history_set_quote_field (StorylineEditHistory   *self,
                                                              StorylineQuote         *quote,
                                                              StorylineQuoteField     field,
                                                              const char             *value,
                                                              GError                **error);
gboolean              storyline_edit_history_set_rendition_field (StorylineEditHistory     *self,
                                                                  StorylineRendition       *rendition,
                                                                  StorylineRenditionField   field,
                                                                  const char               *value,
                                                                  GError                  **error);
StorylineQuote       *storyline_edit_history_add_quote       (StorylineEditHistory *self,
                                                              StorylineEvent       *event,
                                                              StorylineActor       *speaker,
                                                              const char           *text);
void                  storyline_edit_history_delete_quote    (StorylineEditHistory *self,
                                                              StorylineQuote       *quote);
StorylineRendition   *storyline_edit_history_add_rendition   (StorylineEditHistory *self,
                                                              StorylineQuote       *quote,
                                                              StorylineSource      *source,
                                                              const char           *text);
void                  storyline_edit_history_delete_rendition (StorylineEditHistory *self,
                                                              StorylineRendition   *rendition);
void                  storyline_edit_history_begin_group     (StorylineEditHistory *self);
void                  storyline_edit_history_end_group       (StorylineEditHistory *self);
gboolean              storyline_edit_history_set_source_item (StorylineEditHistory  *self,
                                                              StorylineSource       *source,
                                                              const char            *key,
                                                              JsonObject            *item,
                                                              GError               **error);
StorylineSource      *storyline_edit_history_add_source      (StorylineEditHistory *self,
                                                              const char           *type,
                                                              const char           *title);
gboolean              storyline_edit_history_delete_source   (StorylineEditHistory  *self,
                                                              StorylineSource       *source,
                                                              GError               **error);
gboolean              storyline_edit_history_set_actor_field (StorylineEditHistory  *self,
                                                              StorylineActor        *actor,
                                                              StorylineActorField    field,
                                                              const char            *value,
                                                              GError               **error);
gboolean              storyline_edit_history_delete_actor    (StorylineEditHistory  *self,
                                                              StorylineActor        *actor,
                                                              GError               **error);
gboolean              storyline_edit_history_set_phase_field (StorylineEditHistory  *self,
                                                              StorylinePhase        *phase,
                                                              StorylinePhaseField    field,
                                                              const char            *value,
                                                              GError               **error);
StorylinePhase       *storyline_edit_history_add_phase       (StorylineEditHistory *self,
                                                              const char           *title,
                                                              const StorylineDate  *start,
                                                              const StorylineDate  *end);
gboolean              storyline_edit_history_delete_phase    (StorylineEditHistory  *self,
                                                              StorylinePhase        *phase,
                                                              GError               **error);
gboolean              storyline_edit_history_put_back        (StorylineEditHistory  *self,
                                                              guint                  index,
                                                              const char            *text,
                                                              GError               **error);
void                  storyline_edit_history_end_step        (StorylineEditHistory *self);

gboolean              storyline_edit_history_can_undo        (StorylineEditHistory *self);
gboolean              storyline_edit_history_can_redo        (StorylineEditHistory *self);
StorylineEvent       *storyline_edit_history_undo            (StorylineEditHistory *self);
StorylineEvent       *storyline_edit_history_redo            (StorylineEditHistory *self);

gboolean              storyline_edit_history_get_modified    (StorylineEditHistory *self);
void                  storyline_edit_history_set_saved       (StorylineEditHistory *self);
void                  storyline_edit_history_set_unsaved     (StorylineEditHistory *self);

JsonNode             *storyline_edit_history_dup_journal     (StorylineEditHistory *self);
gboolean              storyline_edit_history_replay          (StorylineEditHistory *self,
                                                              JsonNode             *journal,
                                                              GError              **error);

G_END_DECLS
