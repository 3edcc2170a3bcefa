/* storyline-types.c: the small value types the story model shares
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "storyline-types.h"

/* These are the format's own words (see data/README-format.md), not text
 * for display. */

const char *
storyline_actor_kind_to_string (StorylineActorKind kind)
{
  static const char *names[] = { "organization", "person", "country", "group" };
  g_return_val_if_fail (kind < G_N_ELEMENTS (names), NULL);
  return names[kind];
}

const char *
storyline_relation_kind_to_string (StorylineRelationKind kind)
{
  static const char *names[] = { "follows", "causes", "responds-to", "part-of" };
  g_return_val_if_fail (kind < G_N_ELEMENTS (names), NULL);
  return names[kind];
}

const char *
storyline_note_kind_to_string (StorylineNoteKind kind)
{
  static const char *names[] = { "correction", "context", "uncertainty" };
  g_return_val_if_fail (kind < G_N_ELEMENTS (names), NULL);
  return names[kind];
}

const char *
storyline_quote_kind_to_string (StorylineQuoteKind kind)
{
  static const char *names[] = { "statement", "spoken", "written", "translated" };
  g_return_val_if_fail (kind < G_N_ELEMENTS (names), NULL);
  return names[kind];
}

const char *
storyline_reliability_to_string (StorylineReliability reliability)
{
  static const char *names[] = { NULL, "primary", "secondary", "rewrite" };
  g_return_val_if_fail (reliability < G_N_ELEMENTS (names), NULL);
  return names[reliability];
}
