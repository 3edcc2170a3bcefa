/* storyline-source.h
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "storyline-date.h"
#include "storyline-types.h"

G_BEGIN_DECLS

#define STORYLINE_TYPE_SOURCE (storyline_source_get_type ())

G_DECLARE_FINAL_TYPE (StorylineSource, storyline_source, STORYLINE, SOURCE, GObject)

const char          *storyline_source_get_id               (StorylineSource *self);
const char          *storyline_source_get_source_type      (StorylineSource *self);
const char          *storyline_source_get_title            (StorylineSource *self);
const char          *storyline_source_get_container_title  (StorylineSource *self);
const char          *storyline_source_get_publisher        (StorylineSource *self);
const char          *storyline_source_get_publisher_place  (StorylineSource *self);
const char          *storyline_source_get_url              (StorylineSource *self);
const char          *storyline_source_get_genre            (StorylineSource *self);
const char          *storyline_source_get_language         (StorylineSource *self);
const char          *storyline_source_get_note             (StorylineSource *self);
const char          *storyline_source_get_archive          (StorylineSource *self);
const char          *storyline_source_get_archive_location (StorylineSource *self);
const char          *storyline_source_get_archived_url     (StorylineSource *self);
const StorylineDate *storyline_source_get_issued           (StorylineSource *self);
const char          *storyline_source_get_issued_literal   (StorylineSource *self);
const StorylineDate *storyline_source_get_accessed         (StorylineSource *self);
StorylineReliability storyline_source_get_reliability      (StorylineSource *self);
guint                storyline_source_get_n_authors        (StorylineSource *self);
const StorylineName *storyline_source_get_author           (StorylineSource *self,
                                                            guint            position);
guint                storyline_source_get_n_derived_from   (StorylineSource *self);
StorylineSource     *storyline_source_get_derived_from     (StorylineSource *self,
                                                            guint            position);
guint                storyline_source_get_n_events         (StorylineSource *self);
StorylineEvent      *storyline_source_get_event            (StorylineSource *self,
                                                            guint            position);
gpointer             storyline_source_get_item             (StorylineSource *self);
gpointer             storyline_source_dup_item             (StorylineSource *self);

G_END_DECLS
