/* storyline-application.h
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STORYLINE_TYPE_APPLICATION (storyline_application_get_type ())

G_DECLARE_FINAL_TYPE (StorylineApplication, storyline_application, STORYLINE, APPLICATION, GtkApplication)

#define STORYLINE_BUNDLED_STORY RESOURCE_PREFIX "/stories/pakistan-bangladesh-thaw.json"
#define STORYLINE_EXAMPLE_STORY RESOURCE_PREFIX "/stories/example.json"

StorylineApplication *storyline_application_new             (void);
GMenuModel           *storyline_application_get_recent_menu (StorylineApplication *self);

G_END_DECLS
