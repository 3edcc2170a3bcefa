/* storyline-problem-view.c: why a story file could not be opened
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "storyline-loader.h"
#include "storyline-problem-view.h"
#include "storyline-problem.h"

/* Shown two ways: as a banner above a story that stays on screen, and as
 * the whole window when nothing else is open (then it offers the bundled
 * story). Its buttons activate the window's win.reload, win.open-bundled
 * and win.dismiss-problems. */

struct _StorylineProblemView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkLabel *title_label;
  GtkLabel *summary_label;
  GtkLabel *details_label;
  GtkWidget *details_scroller;
  GtkWidget *bundled_button;
  GtkWidget *anyway_button;
  GtkWidget *dismiss_button;

  /* Owned references */
  char *details;     /* as `storyline --validate` prints them, for copying */
};

G_DEFINE_FINAL_TYPE (StorylineProblemView, storyline_problem_view, GTK_TYPE_WIDGET)

/* One problem in words: where, then what. */
static char *
describe (const StorylineProblem *problem)
{
  g_autofree char *where = NULL;
  const char *message = problem->message;

  if (problem->line > 0)
    /* Translators: where in a file a problem is */
    where = g_strdup_printf (_("Line %u, column %u"), problem->line, problem->column);
  else if (problem->path != NULL)
    {
      guint number = 0;
      const char *noun = storyline_problem_get_object (problem, &number);
      g_autofree char *object = NULL;

      /* events[4] is the fifth event: said as a reader counts. */
      if (g_strcmp0 (noun, "phase") == 0)
        object = g_strdup_printf (_("phase %u"), number);
      else if (g_strcmp0 (noun, "actor") == 0)
        object = g_strdup_printf (_("actor %u"), number);
      else if (g_strcmp0 (noun, "event") == 0)
        object = g_strdup_printf (_("event %u"), number);
      else if (g_strcmp0 (noun, "quote") == 0)
        object = g_strdup_printf (_("quote %u"), number);
      else if (g_strcmp0 (noun, "source") == 0)
        object = g_strdup_printf (_("source %u"), number);

      if (object != NULL && problem->id != NULL)
        /* Translators: a JSON path such as events[4].date, the object as a reader counts ("event 5"), its id */
        where = g_strdup_printf (_("%s (%s, id “%s”)"), problem->path, object, problem->id);
      else if (object != NULL)
        where = g_strdup_printf (_("%s (%s)"), problem->path, object);
      else if (problem->id != NULL)
        /* Translators: a JSON path such as events[4].date, then the id of the object */
        where = g_strdup_printf (_("%s (id “%s”)"), problem->path, problem->id);
      else
        where = g_strdup (problem->path);
    }

  if (problem->severity == STORYLINE_SEVERITY_WARNING)
    {
      if (where != NULL)
        /* Translators: a warning about a story file: where, then what */
        return g_strdup_printf (_("Warning — %s: %s"), where, message);
      return g_strdup_printf (_("Warning: %s"), message);
    }
  if (where != NULL)
    /* Translators: a problem in a story file: where, then what */
    return g_strdup_printf (_("%s: %s"), where, message);
  return g_strdup (message);
}

/**
 * storyline_problem_view_set:
 * @title: the first line, such as "Could not open “story.json”"
 * @file_name: the name the copied details start each line with
 * @error: what went wrong
 * @problems: (element-type StorylineProblem) (nullable): every problem found
 */
static gboolean
error_is_only_items (GPtrArray *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const StorylineProblem *problem = problems->pdata[i];
      guint number;

      if (problem->severity == STORYLINE_SEVERITY_ERROR && storyline_problem_get_object (problem, &number) == NULL)
        return FALSE;
    }
  return TRUE;
}

/**
 * storyline_problem_view_can_open_anyway:
 *
 * Returns: whether Open Anyway is offered: the errors are all in items
 */
gboolean
storyline_problem_view_can_open_anyway (StorylineProblemView *self)
{
  g_return_val_if_fail (STORYLINE_IS_PROBLEM_VIEW (self), FALSE);
  return gtk_widget_get_visible (self->anyway_button);
}

void
storyline_problem_view_set (StorylineProblemView *self,
                            const char           *title,
                            const char           *file_name,
                            const GError         *error,
                            GPtrArray            *problems)
{
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autoptr(GString) copied = g_string_new (NULL);
  guint n_errors = storyline_problems_count (problems, STORYLINE_SEVERITY_ERROR);
  g_autofree char *summary = NULL;

  g_return_if_fail (STORYLINE_IS_PROBLEM_VIEW (self));

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = describe (problems->pdata[i]);
      g_autofree char *raw = storyline_problem_to_string (problems->pdata[i], file_name);

      g_string_append_printf (shown, "%s%s", shown->len ? "\n" : "", line);
      g_string_append_printf (copied, "%s\n", raw);
    }

  if (n_errors > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "It breaks the story format in %u place.",
                                            "It breaks the story format in %u places.", n_errors),
                               n_errors);
  else if (error != NULL)
    {
      summary = g_strdup (error->message);
      g_string_append_printf (copied, "%s: error: %s\n", file_name, error->message);
    }
  else if (problems != NULL && problems->len > 0)
    summary = g_strdup (_("The rest of the story is shown. Mend the file and it reloads by itself."));

  /* Errors only in items of the five lists: the story can be opened
   * without them. */
  {
    gboolean items_only = n_errors > 0 && error_is_only_items (problems);

    gtk_widget_set_visible (self->anyway_button, items_only);
  }

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->details_label, shown->str);
  gtk_widget_set_visible (self->details_scroller, shown->len > 0);

  g_free (self->details);
  self->details = g_string_free (g_steal_pointer (&copied), FALSE);
}

/**
 * storyline_problem_view_get_details:
 *
 * Returns: the problems as `storyline --validate` prints them
 */
const char *
storyline_problem_view_get_details (StorylineProblemView *self)
{
  g_return_val_if_fail (STORYLINE_IS_PROBLEM_VIEW (self), NULL);
  return self->details ? self->details : "";
}

/**
 * storyline_problem_view_set_banner:
 *
 * A banner can be dismissed; the full view offers the bundled story.
 */
void
storyline_problem_view_set_banner (StorylineProblemView *self,
                                   gboolean              banner)
{
  g_return_if_fail (STORYLINE_IS_PROBLEM_VIEW (self));

  gtk_widget_set_visible (self->bundled_button, !banner);
  gtk_widget_set_visible (self->dismiss_button, banner);
  if (banner)
    gtk_widget_add_css_class (GTK_WIDGET (self), "banner");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "banner");
}

static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  StorylineProblemView *self = STORYLINE_PROBLEM_VIEW (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), storyline_problem_view_get_details (self));
  gtk_widget_activate_action (widget, "win.show-toast", "s", _("Details copied"));
}

static void
storyline_problem_view_dispose (GObject *object)
{
  StorylineProblemView *self = STORYLINE_PROBLEM_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), STORYLINE_TYPE_PROBLEM_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->details, g_free);

  G_OBJECT_CLASS (storyline_problem_view_parent_class)->dispose (object);
}

static void
storyline_problem_view_class_init (StorylineProblemViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = storyline_problem_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/storyline-problem-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StorylineProblemView, title_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineProblemView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineProblemView, details_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineProblemView, details_scroller);
  gtk_widget_class_bind_template_child (widget_class, StorylineProblemView, bundled_button);
  gtk_widget_class_bind_template_child (widget_class, StorylineProblemView, anyway_button);
  gtk_widget_class_bind_template_child (widget_class, StorylineProblemView, dismiss_button);

  gtk_widget_class_install_action (widget_class, "problems.copy", NULL, copy_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "problemview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);
}

static void
storyline_problem_view_init (StorylineProblemView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  storyline_problem_view_set_banner (self, FALSE);
}
