/* storyline-application.c
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "storyline-application.h"
#include "storyline-cli.h"
#include "storyline-csl.h"
#include "storyline-color-scheme.h"
#include "storyline-export.h"
#include "storyline-window.h"

/* GtkApplication loads the icons and gtk/help-overlay.ui from the resource
 * base path by itself; the style sheet is loaded here. */

struct _StorylineApplication
{
  GtkApplication parent_instance;

  /* Owned references */
  GMenu *recent_menu;            /* the recent stories, for every window's menu */
  gboolean offered_recovery;     /* edits left by a run before were looked for */
};

G_DEFINE_FINAL_TYPE (StorylineApplication, storyline_application, GTK_TYPE_APPLICATION)

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *tb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return g_date_time_compare (tb, ta);
}

static void
update_recent_menu (StorylineApplication *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  const char *app_name = g_get_application_name ();
  guint shown = 0;

  g_menu_remove_all (self->recent_menu);
  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && shown < 10; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GMenuItem) item = NULL;

      if (app_name == NULL || !gtk_recent_info_has_application (info, app_name) || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "app.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
      shown++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  if (shown == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Stories"), "win.none");
      g_menu_append_item (self->recent_menu, item);
    }
}

/**
 * storyline_application_get_recent_menu:
 *
 * Returns: (transfer none): the stories opened last, newest first, as
 *   app.open-recent items
 */
GMenuModel *
storyline_application_get_recent_menu (StorylineApplication *self)
{
  g_return_val_if_fail (STORYLINE_IS_APPLICATION (self), NULL);
  return G_MENU_MODEL (self->recent_menu);
}

static StorylineWindow *
new_window (StorylineApplication *self)
{
  /* Asked before the new window exists: it becomes the active one. */
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  StorylineWindow *window = storyline_window_new (self);

  /* A second window next to the first, not on top of it. */
  if (active != NULL)
    gtk_window_set_default_size (GTK_WINDOW (window),
                                 gtk_widget_get_width (GTK_WIDGET (active)),
                                 gtk_widget_get_height (GTK_WIDGET (active)));
  return window;
}

/* The first window of a run offers the edits a run before left unsaved
 * (it crashed, or was killed). */
static void
offer_recovery (StorylineApplication *self,
                StorylineWindow      *window)
{
  if (!self->offered_recovery)
    {
      self->offered_recovery = TRUE;
      storyline_window_offer_recovery (window);
    }
}

static void
storyline_application_activate (GApplication *app)
{
  StorylineWindow *window = new_window (STORYLINE_APPLICATION (app));

  storyline_window_load_resource (window, STORYLINE_BUNDLED_STORY);
  gtk_window_present (GTK_WINDOW (window));
  offer_recovery (STORYLINE_APPLICATION (app), window);
}

static StorylineWindow *
find_window (StorylineApplication *self,
             GFile                *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *shown = STORYLINE_IS_WINDOW (l->data) ? storyline_window_get_file (l->data) : NULL;

      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }
  return NULL;
}

/* A story that is open already raises its window; any other gets one. */
static void
storyline_application_open (GApplication  *app,
                            GFile        **files,
                            int            n_files,
                            const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      StorylineWindow *window = find_window (STORYLINE_APPLICATION (app), files[i]);

      if (window == NULL)
        {
          window = new_window (STORYLINE_APPLICATION (app));
          storyline_window_load_file (window, files[i]);
        }
      gtk_window_present (GTK_WINDOW (window));
      offer_recovery (STORYLINE_APPLICATION (app), window);
    }
}

static void
open_in_active_window (StorylineApplication *self,
                       GFile                *file)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (STORYLINE_IS_WINDOW (window))
    storyline_window_open_file (STORYLINE_WINDOW (window), file);
  else
    g_application_open (G_APPLICATION (self), &file, 1, "");
}

static void
open_recent_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  open_in_active_window (user_data, file);
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  storyline_application_activate (G_APPLICATION (user_data));
}

static void
open_response (GtkNativeDialog *dialog,
               int              response,
               gpointer         user_data)
{
  StorylineApplication *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      GtkWindow *window = gtk_native_dialog_get_transient_for (dialog);

      if (STORYLINE_IS_WINDOW (window))
        storyline_window_open_file (STORYLINE_WINDOW (window), file);
      else
        open_in_active_window (self, file);
    }
  g_object_unref (dialog);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  StorylineApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Open a Story"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (json, _("Stories (JSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *authors[] = { _("The Storyline authors"), NULL };
  /* The reporting the bundled story is built from and checked against. */
  const char *sources[] = {
    "Arab News", "BD Voice", "Dawn", "Business Recorder", "Dunya News", "Geo News",
    "Kalbela", "Bangladesh Chronicle", "Greenwatch BD", "Jago News 24", "Naya Diganta",
    "Rupali Bangladesh", "The Nation", "WION", "Dhaka Tribune", "Hindustan Times (AFP)",
    "India Today", "Voice7 News", "Daily Times", "PortNews", "The Business Standard",
    "Inter-Services Public Relations", "Chief Adviser's Press Wing", "Bangladesh Air Force",
    NULL
  };
  GtkAboutDialog *dialog = GTK_ABOUT_DIALOG (gtk_about_dialog_new ());

  gtk_about_dialog_set_program_name (dialog, _("Storyline"));
  gtk_about_dialog_set_logo_icon_name (dialog, APPLICATION_ID);
  gtk_about_dialog_set_version (dialog, PACKAGE_VERSION);
  gtk_about_dialog_set_comments (dialog, _("A news story's events, quotes and sources, side by side"));
  gtk_about_dialog_set_website (dialog, "https://github.com/storyline/storyline");
  gtk_about_dialog_set_license_type (dialog, GTK_LICENSE_GPL_3_0);
  gtk_about_dialog_set_authors (dialog, authors);
  /* Translators: put your names here, one per line */
  gtk_about_dialog_set_translator_credits (dialog, _("translator-credits"));
  gtk_about_dialog_add_credit_section (dialog, _("Bundled story sources"), sources);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Export…: the whole story of the active window, in the format chosen in
 * the file chooser (the portal's choices in a Flatpak). */
static const struct
{
  const char *format;
  const char *label;
} export_choices[] = {
  { "markdown", N_("Markdown chronology") },
  { "html", N_("Web page (HTML)") },
  { "pdf", N_("PDF") },
  { "apa", N_("Reference list, APA (text)") },
  { "chicago", N_("Bibliography, Chicago (text)") },
  { "chicago-note", N_("Notes, Chicago (text)") },
  { "mla", N_("Works cited, MLA (text)") },
  { "csl-json", N_("CSL-JSON (Zotero, Pandoc)") },
  { "bibtex", N_("BibTeX") },
  { "ris", N_("RIS (EndNote, Mendeley)") },
  { "csv", N_("CSV of the events") },
  { "timelinejs", N_("TimelineJS") },
  { "claimreview", N_("Fact-check markup (ClaimReview JSON-LD)") },
  { "quote-diff", N_("Quote differences (TSV)") },
  { "storyline", N_("Storyline story (canonical JSON)") },
};

/* What an export needs once the file is chosen. */
typedef struct
{
  StorylineStory *story;
  StorylineCitationStyle style;   /* the window's, for Markdown's footnotes */
  GtkWindow *window;              /* weak: told how it went */
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_clear_object (&request->story);
  g_clear_weak_pointer (&request->window);
  g_free (request);
}

/* The file to write: the one chosen, with the format's extension when it
 * has none or has another format's ("story.md" saved as CSV: "story.csv"),
 * unless a file of that name exists already, which the dialog did not ask
 * about: then the name chosen, which it did. */
static GFile *
export_target (GFile      *chosen,
               const char *format)
{
  g_autofree char *name = g_file_get_basename (chosen);
  g_autofree char *wanted = storyline_export_file_name (name, format);
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) renamed = NULL;

  if (g_strcmp0 (name, wanted) == 0 || (parent = g_file_get_parent (chosen)) == NULL)
    return g_object_ref (chosen);
  renamed = g_file_get_child (parent, wanted);
  if (g_file_query_exists (renamed, NULL))
    return g_object_ref (chosen);
  return g_steal_pointer (&renamed);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportRequest, export_request_free)

static void
export_response (GtkNativeDialog *dialog,
                 int              response,
                 gpointer         user_data)
{
  g_autoptr(ExportRequest) request = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      const char *format = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "format");
      g_autoptr(GFile) file = NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      if (format == NULL)
        format = "markdown";
      file = export_target (chosen, format);
      if (g_str_equal (format, "pdf"))
        {
          /* Pages take a while: on a thread, with progress and Cancel. */
          if (STORYLINE_IS_WINDOW (request->window))
            storyline_window_export_pdf (STORYLINE_WINDOW (request->window), file, request->style);
          g_object_unref (dialog);
          return;
        }
      if (storyline_export_full (request->story, format, request->style, text) &&
          g_file_replace_contents (file, text->str, text->len, NULL, FALSE,
                                   G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: %s is the file written */
          message = g_strdup_printf (_("Exported to “%s”"), name);
        }
      else
        /* Translators: %s says why, from the system */
        message = g_strdup_printf (_("Could not export: %s"), error ? error->message : format);
      if (STORYLINE_IS_WINDOW (request->window))
        storyline_window_show_toast (STORYLINE_WINDOW (request->window), message);
      else
        g_message ("%s", message);
    }
  g_object_unref (dialog);
}

static void
export_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  StorylineStory *story = STORYLINE_IS_WINDOW (parent) ? storyline_window_get_story (STORYLINE_WINDOW (parent)) : NULL;
  GtkFileChooserNative *dialog;
  ExportRequest *request;
  const char *ids[G_N_ELEMENTS (export_choices) + 1] = { NULL };
  const char *labels[G_N_ELEMENTS (export_choices) + 1] = { NULL };
  g_autofree char *name = NULL;

  if (story == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (export_choices); i++)
    {
      ids[i] = export_choices[i].format;
      labels[i] = _(export_choices[i].label);
    }

  dialog = gtk_file_chooser_native_new (_("Export the Story"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "format", _("Format"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "format", "markdown");
  name = g_strdup_printf ("%s.md", _("story"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  request = g_new0 (ExportRequest, 1);
  request->story = g_object_ref (story);
  request->style = storyline_window_get_citation_style (STORYLINE_WINDOW (parent));
  g_set_weak_pointer (&request->window, parent);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Each window is closed as its close button would: one with edits not
 * saved asks first, and stays if told to. */
static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
new_story_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  StorylineWindow *window = new_window (STORYLINE_APPLICATION (user_data));

  storyline_window_new_story (window);
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_entries[] = {
  { "new-window", new_window_activated },
  { "new-story", new_story_activated },
  { "open", open_activated },
  { "open-recent", open_recent_activated, "s" },
  { "export", export_activated },
  { "about", about_activated },
  { "quit", quit_activated },
};

static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static gpointer
read_citation_style (gpointer data)
{
  csl_style_get_builtin (GPOINTER_TO_INT (data));
  return NULL;
}

/* The window's citation style is read (a few milliseconds of XML) on a
 * thread of its own while the window is built, not in its first frame. */
static void
read_citation_style_early (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE) : NULL;
  StorylineCitationStyle style = STORYLINE_CITATION_APA;

  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
      g_autofree char *name = g_settings_get_string (settings, "citation-style");

      storyline_citation_style_from_string (name, &style);
    }
  g_thread_unref (g_thread_new ("citation-style", read_citation_style, GINT_TO_POINTER (style)));
}

static void
storyline_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  /* GNOME's: Ctrl+N makes a new document, Shift+Ctrl+N a new window. */
  static const char *new_story_accels[] = { "<Control>n", NULL };
  static const char *new_window_accels[] = { "<Shift><Control>n", NULL };
  /* Ctrl+E is left for Edit, as GNOME applications have it. */
  static const char *export_accels[] = { "<Shift><Control>e", NULL };

  G_APPLICATION_CLASS (storyline_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries), app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-story", new_story_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.export", export_accels);

  storyline_color_scheme_follow (gtk_settings_get_default ());
  load_style ();
  read_citation_style_early ();

  update_recent_menu (STORYLINE_APPLICATION (app));
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), app, G_CONNECT_SWAPPED);
}

static void
storyline_application_dispose (GObject *object)
{
  StorylineApplication *self = STORYLINE_APPLICATION (object);

  g_clear_object (&self->recent_menu);

  G_OBJECT_CLASS (storyline_application_parent_class)->dispose (object);
}

static void
storyline_application_class_init (StorylineApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = storyline_application_dispose;

  app_class->activate = storyline_application_activate;
  app_class->open = storyline_application_open;
  app_class->startup = storyline_application_startup;
}

static void
storyline_application_init (StorylineApplication *self)
{
  self->recent_menu = g_menu_new ();

  /* Handled in main() before the application starts; listed here so that
   * --help shows it. */
  g_application_add_main_option (G_APPLICATION (self), "validate", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE, _("Check story files and print their problems"), NULL);
  g_application_add_main_option (G_APPLICATION (self), "export", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_STRING, _("Write the story in another format"), _("FORMAT"));
  g_application_add_main_option (G_APPLICATION (self), "output", 'o', G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME, _("Write the export to FILE instead of standard output"), _("FILE"));
  {
    g_autofree char *help = storyline_cli_help ();

    g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
    g_application_set_option_context_description (G_APPLICATION (self), help);
  }
}

StorylineApplication *
storyline_application_new (void)
{
  return g_object_new (STORYLINE_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
