/* storyline-window-print.c: Print… (Ctrl+P) and the PDF export, with
 * their progress and Cancel in the window
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "storyline-loader.h"
#include "storyline-paper.h"
#include "storyline-window-private.h"
#include "storyline-writer.h"

/* Both lay the story out with StorylinePaper (src/core/storyline-paper.c),
 * whose blocks are copies of the story's text: an edit made while pages
 * are being prepared changes the next print, not this one. Progress shows
 * in the window's bar, as opening's does, after a moment; its Cancel
 * (win.cancel-load) stops it. */

#define PROGRESS_AFTER_MS 300
/* Blocks laid out per emission of ::paginate: a few milliseconds. */
#define BLOCKS_PER_STEP 150

static void
show_pages_progress (StorylineWindow *self,
                     const char      *text,
                     double           fraction)
{
  if ((g_get_monotonic_time () - self->load_started) / 1000 < PROGRESS_AFTER_MS)
    return;
  gtk_label_set_text (self->loading_label, text);
  if (fraction < 0)
    gtk_progress_bar_pulse (self->loading_bar);
  else
    gtk_progress_bar_set_fraction (self->loading_bar, fraction);
  gtk_revealer_set_reveal_child (self->loading_revealer, TRUE);
}

static void
start_pages (StorylineWindow *self)
{
  _storyline_window_stop_progress (self);
  g_clear_object (&self->pages_cancellable);
  self->pages_cancellable = g_cancellable_new ();
  self->load_started = g_get_monotonic_time ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", FALSE);
}

static void
stop_pages (StorylineWindow *self)
{
  g_clear_object (&self->pages_cancellable);
  _storyline_window_stop_progress (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", TRUE);
}

/* Print */

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             StorylineWindow   *self)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);

  self->paper = storyline_paper_new (self->story, storyline_window_get_citation_style (self), pango,
                                     gtk_print_context_get_width (context), gtk_print_context_get_height (context));
  g_object_unref (pango);
}

static gboolean
paginate (GtkPrintOperation *operation,
          GtkPrintContext   *context,
          StorylineWindow   *self)
{
  gboolean done;

  if (g_cancellable_is_cancelled (self->pages_cancellable))
    {
      gtk_print_operation_cancel (operation);
      return TRUE;
    }
  done = storyline_paper_paginate (self->paper, BLOCKS_PER_STEP);
  /* Translators: the pages of a story being laid out for print */
  show_pages_progress (self, _("Preparing the pages…"), storyline_paper_get_progress (self->paper));
  if (done)
    gtk_print_operation_set_n_pages (operation, storyline_paper_get_n_pages (self->paper));
  return done;
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page,
           StorylineWindow   *self)
{
  if (g_cancellable_is_cancelled (self->pages_cancellable))
    {
      gtk_print_operation_cancel (operation);
      return;
    }
  storyline_paper_draw_page (self->paper, gtk_print_context_get_cairo_context (context), page);
}

static void
end_print (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           StorylineWindow   *self)
{
  g_clear_pointer (&self->paper, storyline_paper_free);
}

static void
print_done (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            StorylineWindow         *self)
{
  g_autoptr(GError) error = NULL;

  stop_pages (self);
  g_clear_pointer (&self->paper, storyline_paper_free);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      /* Translators: %s says why, from the system */
      message = g_strdup_printf (_("Could not print: %s"), error ? error->message : "");
      storyline_window_show_toast (self, message);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_clear_object (&self->print_settings);
      self->print_settings = g_object_ref (gtk_print_operation_get_print_settings (operation));
    }
  else if (g_cancellable_is_cancelled (self->pages_cancellable) || result == GTK_PRINT_OPERATION_RESULT_CANCEL)
    storyline_window_show_toast (self, _("Printing was cancelled"));
  self->print_result = result;
  g_object_unref (operation);
}

static GtkPrintOperation *
new_print_operation (StorylineWindow *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();

  gtk_print_operation_set_job_name (operation, storyline_story_get_title (self->story));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print), self, 0);
  g_signal_connect_object (operation, "paginate", G_CALLBACK (paginate), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page), self, 0);
  g_signal_connect_object (operation, "end-print", G_CALLBACK (end_print), self, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done), self, 0);
  return operation;
}

static void
run_print (StorylineWindow         *self,
           GtkPrintOperationAction  action,
           const char              *export_file)
{
  GtkPrintOperation *operation;
  GtkPrintOperationResult result;
  g_autoptr(GError) error = NULL;

  if (self->story == NULL || self->pages_cancellable != NULL)
    return;
  operation = new_print_operation (self);
  if (export_file != NULL)
    gtk_print_operation_set_export_filename (operation, export_file);
  start_pages (self);
  self->print_result = GTK_PRINT_OPERATION_RESULT_IN_PROGRESS;
  result = gtk_print_operation_run (operation, action, GTK_WINDOW (self), &error);
  /* Run synchronously after all (exporting, or a platform without async
   * printing): ::done has been emitted. */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS && self->pages_cancellable != NULL)
    print_done (operation, result, self);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  run_print (STORYLINE_WINDOW (widget), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
}

/**
 * storyline_window_print_to_file:
 * @path: the PDF to write
 *
 * Prints the story to @path as Print… does, without the dialog: what the
 * tests use. GTK exports in a main loop of its own, returning when done;
 * the window's progress and Cancel are those of Print….
 */
void
storyline_window_print_to_file (StorylineWindow *self,
                                const char      *path)
{
  g_return_if_fail (STORYLINE_IS_WINDOW (self));

  run_print (self, GTK_PRINT_OPERATION_ACTION_EXPORT, path);
}

/**
 * storyline_window_get_print_result:
 *
 * Returns: how the last print went; IN_PROGRESS while it goes
 */
GtkPrintOperationResult
storyline_window_get_print_result (StorylineWindow *self)
{
  g_return_val_if_fail (STORYLINE_IS_WINDOW (self), GTK_PRINT_OPERATION_RESULT_ERROR);
  return self->print_result;
}

/* The PDF export */

typedef struct
{
  GBytes *story;                 /* the story as written, read back on the thread */
  GFile *file;
  StorylineCitationStyle style;
} PdfJob;

static void
pdf_job_free (PdfJob *job)
{
  g_bytes_unref (job->story);
  g_object_unref (job->file);
  g_free (job);
}

static void
pdf_thread (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  PdfJob *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(StorylineStory) story = storyline_load_bytes (job->story, cancellable, NULL, &error);
  g_autoptr(GString) pdf = g_string_new (NULL);

  if (story == NULL || !storyline_paper_write_pdf (story, job->style, pdf, cancellable, &error) ||
      !g_file_replace_contents (job->file, pdf->str, pdf->len, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
pulse_pages (gpointer data)
{
  /* Translators: a story being written as a PDF */
  show_pages_progress (data, _("Writing the PDF…"), -1);
  return G_SOURCE_CONTINUE;
}

static void
pdf_done (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  StorylineWindow *self = STORYLINE_WINDOW (source);
  PdfJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_clear_handle_id (&self->pages_pulse, g_source_remove);
  stop_pages (self);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = g_file_get_basename (job->file);
      /* Translators: %s is the file written */
      message = g_strdup_printf (_("Exported to “%s”"), name);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup (_("The export was cancelled"));
  else
    /* Translators: %s says why, from the system */
    message = g_strdup_printf (_("Could not export: %s"), error->message);
  storyline_window_show_toast (self, message);
  self->exporting = FALSE;
}

/**
 * storyline_window_export_pdf:
 * @file: the PDF to write
 * @style: the citation style of its references
 *
 * Writes the story as a PDF on a worker thread, from a copy of it: the
 * window stays usable, its bar shows the progress with Cancel, and a
 * toast says how it went.
 */
void
storyline_window_export_pdf (StorylineWindow        *self,
                             GFile                  *file,
                             StorylineCitationStyle  style)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  PdfJob *job;

  g_return_if_fail (STORYLINE_IS_WINDOW (self));
  if (self->story == NULL || self->pages_cancellable != NULL)
    return;

  storyline_story_write (self->story, text);
  job = g_new0 (PdfJob, 1);
  job->story = g_bytes_new (text->str, text->len);
  job->file = g_object_ref (file);
  job->style = style;
  start_pages (self);
  self->exporting = TRUE;
  self->pages_pulse = g_timeout_add (100, pulse_pages, self);
  task = g_task_new (self, self->pages_cancellable, pdf_done, NULL);
  g_task_set_source_tag (task, storyline_window_export_pdf);
  g_task_set_task_data (task, job, (GDestroyNotify) pdf_job_free);
  g_task_run_in_thread (task, pdf_thread);
}

/**
 * storyline_window_is_exporting:
 *
 * Returns: whether a PDF is being written
 */
gboolean
storyline_window_is_exporting (StorylineWindow *self)
{
  g_return_val_if_fail (STORYLINE_IS_WINDOW (self), FALSE);
  return self->exporting;
}

void
_storyline_window_print_dispose (StorylineWindow *self)
{
  if (self->pages_cancellable != NULL)
    g_cancellable_cancel (self->pages_cancellable);
  g_clear_handle_id (&self->pages_pulse, g_source_remove);
  g_clear_object (&self->print_settings);
}

void
_storyline_window_print_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
}
