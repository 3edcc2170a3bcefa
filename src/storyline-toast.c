/* storyline-toast.c: a short message over the window that goes by itself
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "storyline-story-text.h"
#include "storyline-toast.h"

/* What GTK 4.8 lacks and libadwaita's toast is: "Citation copied" at the
 * bottom of the window for a few seconds, with a button to close it. Its
 * role is an alert, so a screen reader says it when it appears; a new
 * message replaces the one shown and starts the time again. */

#define TOAST_SECONDS 4

struct _StorylineToast
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkRevealer *revealer;
  GtkLabel *label;

  guint timeout;
};

G_DEFINE_FINAL_TYPE (StorylineToast, storyline_toast, GTK_TYPE_WIDGET)

static gboolean
timed_out (gpointer data)
{
  StorylineToast *self = data;

  self->timeout = 0;
  storyline_toast_dismiss (self);
  return G_SOURCE_REMOVE;
}

static void
revealed_changed (StorylineToast *self)
{
  /* Hidden once gone, so that it takes no clicks meant for what is under
   * it. */
  if (!gtk_revealer_get_reveal_child (self->revealer) && !gtk_revealer_get_child_revealed (self->revealer))
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * storyline_toast_show:
 * @text: the message, plain text (never markup)
 */
void
storyline_toast_show (StorylineToast *self,
                      const char     *text)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (STORYLINE_IS_TOAST (self));
  g_return_if_fail (text != NULL);

  shown = storyline_text_for_display (text);
  gtk_label_set_text (self->label, shown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  g_clear_handle_id (&self->timeout, g_source_remove);
  self->timeout = g_timeout_add_seconds (TOAST_SECONDS, timed_out, self);
}

void
storyline_toast_dismiss (StorylineToast *self)
{
  g_return_if_fail (STORYLINE_IS_TOAST (self));

  g_clear_handle_id (&self->timeout, g_source_remove);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

/**
 * storyline_toast_get_text:
 *
 * Returns: the message shown last
 */
const char *
storyline_toast_get_text (StorylineToast *self)
{
  g_return_val_if_fail (STORYLINE_IS_TOAST (self), NULL);
  return gtk_label_get_text (self->label);
}

/**
 * storyline_toast_is_shown:
 *
 * Returns: whether the message is shown, or on its way in
 */
gboolean
storyline_toast_is_shown (StorylineToast *self)
{
  g_return_val_if_fail (STORYLINE_IS_TOAST (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self)) && gtk_revealer_get_reveal_child (self->revealer);
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  storyline_toast_dismiss (STORYLINE_TOAST (widget));
}

static void
storyline_toast_dispose (GObject *object)
{
  StorylineToast *self = STORYLINE_TOAST (object);

  g_clear_handle_id (&self->timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORYLINE_TYPE_TOAST);

  G_OBJECT_CLASS (storyline_toast_parent_class)->dispose (object);
}

static void
storyline_toast_class_init (StorylineToastClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = storyline_toast_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/storyline-toast.ui");
  gtk_widget_class_bind_template_child (widget_class, StorylineToast, revealer);
  gtk_widget_class_bind_template_child (widget_class, StorylineToast, label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "toast");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);
  gtk_widget_class_install_action (widget_class, "toast.close", NULL, close_activated);
}

static void
storyline_toast_init (StorylineToast *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->revealer, "notify::child-revealed", G_CALLBACK (revealed_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
