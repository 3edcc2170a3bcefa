/* storyline-window.c
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "storyline-loader.h"
#include "storyline-problem.h"
#include "storyline-window.h"

struct _StorylineWindow
{
  GtkApplicationWindow parent_instance;

  /* Template widgets */
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkStack *stack;
  GtkListView *event_list;
  GtkLabel *problem_label;

  /* Owned references */
  StorylineStory *story;
  GListStore *events;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (StorylineWindow, storyline_window, GTK_TYPE_APPLICATION_WINDOW)

static void
storyline_window_set_story (StorylineWindow *self,
                            StorylineStory  *story)
{
  g_autoptr(GPtrArray) sorted = NULL;

  if (!g_set_object (&self->story, story))
    return;

  sorted = storyline_story_dup_events_sorted (story);
  g_list_store_splice (self->events, 0, g_list_model_get_n_items (G_LIST_MODEL (self->events)),
                       sorted->pdata, sorted->len);

  gtk_label_set_text (self->title_label, storyline_story_get_title (story));
  gtk_label_set_text (self->subtitle_label, storyline_story_get_subtitle (story));
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label),
                          storyline_story_get_subtitle (story) != NULL);
  gtk_window_set_title (GTK_WINDOW (self), storyline_story_get_title (story));
  gtk_stack_set_visible_child_name (self->stack, "events");
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(StorylineWindow) self = user_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StorylineStory) story = NULL;
  g_autoptr(GString) text = NULL;

  story = storyline_load_finish (result, &problems, &error);
  if (story != NULL)
    {
      storyline_window_set_story (self, story);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* What was on screen stays; the problems are shown only when nothing was. */
  if (self->story != NULL)
    return;

  text = g_string_new (error->message);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = storyline_problem_to_string (g_ptr_array_index (problems, i), "");
      g_string_append_printf (text, "\n%s", line + 2);
    }
  gtk_label_set_text (self->problem_label, text->str);
  gtk_stack_set_visible_child_name (self->stack, "problems");
}

static void
start_loading (StorylineWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

void
storyline_window_load_file (StorylineWindow *self,
                            GFile           *file)
{
  g_return_if_fail (STORYLINE_IS_WINDOW (self));

  start_loading (self);
  storyline_load_file_async (file, self->cancellable, load_done, g_object_ref (self));
}

void
storyline_window_load_resource (StorylineWindow *self,
                                const char      *path)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);

  g_return_if_fail (STORYLINE_IS_WINDOW (self));
  g_return_if_fail (bytes != NULL);

  start_loading (self);
  storyline_load_bytes_async (bytes, self->cancellable, load_done, g_object_ref (self));
}

/**
 * storyline_window_get_story:
 *
 * Returns: (transfer none) (nullable): the story on screen
 */
StorylineStory *
storyline_window_get_story (StorylineWindow *self)
{
  g_return_val_if_fail (STORYLINE_IS_WINDOW (self), NULL);
  return self->story;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *date = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (date, "dim-label");
  gtk_widget_add_css_class (date, "caption");
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), title);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  StorylineEvent *event = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *date = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_next_sibling (date);
  g_autofree char *text = storyline_date_format (storyline_event_get_date (event));

  gtk_label_set_text (GTK_LABEL (date), text);
  gtk_label_set_text (GTK_LABEL (title), storyline_event_get_title (event));
}

static void
storyline_window_dispose (GObject *object)
{
  StorylineWindow *self = (StorylineWindow *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORYLINE_TYPE_WINDOW);

  G_OBJECT_CLASS (storyline_window_parent_class)->dispose (object);
}

static void
storyline_window_finalize (GObject *object)
{
  StorylineWindow *self = (StorylineWindow *) object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->events);
  g_clear_object (&self->story);

  G_OBJECT_CLASS (storyline_window_parent_class)->finalize (object);
}

static void
storyline_window_class_init (StorylineWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = storyline_window_dispose;
  object_class->finalize = storyline_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/storyline-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, event_list);
  gtk_widget_class_bind_template_child (widget_class, StorylineWindow, problem_label);
}

static void
storyline_window_init (StorylineWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->events = g_list_store_new (STORYLINE_TYPE_EVENT);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->events)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->event_list, factory);
  gtk_list_view_set_model (self->event_list, GTK_SELECTION_MODEL (selection));
}

StorylineWindow *
storyline_window_new (StorylineApplication *application)
{
  return g_object_new (STORYLINE_TYPE_WINDOW, "application", application, NULL);
}
