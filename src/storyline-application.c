/* storyline-application.c
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "storyline-application.h"
#include "storyline-window.h"

struct _StorylineApplication
{
  GtkApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (StorylineApplication, storyline_application, GTK_TYPE_APPLICATION)

static void
storyline_application_activate (GApplication *app)
{
  StorylineWindow *window = storyline_window_new (STORYLINE_APPLICATION (app));

  storyline_window_load_resource (window, STORYLINE_BUNDLED_STORY);
  gtk_window_present (GTK_WINDOW (window));
}

static void
storyline_application_open (GApplication  *app,
                            GFile        **files,
                            int            n_files,
                            const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      StorylineWindow *window = storyline_window_new (STORYLINE_APPLICATION (app));

      storyline_window_load_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated },
};

static void
storyline_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (storyline_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
storyline_application_class_init (StorylineApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = storyline_application_activate;
  app_class->open = storyline_application_open;
  app_class->startup = storyline_application_startup;
}

static void
storyline_application_init (StorylineApplication *self)
{
  /* Handled in main() before the application starts; listed here so that
   * --help shows it. */
  g_application_add_main_option (G_APPLICATION (self), "validate", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE, _("Check story files and print their problems"), NULL);
}

StorylineApplication *
storyline_application_new (void)
{
  return g_object_new (STORYLINE_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
