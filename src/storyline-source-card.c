/* storyline-source-card.c: one source behind an event
 *
 * Copyright 2026 The Storyline authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "storyline-citation.h"
#include "storyline-clipboard.h"
#include "storyline-source-card.h"
#include "storyline-story-text.h"
#include "storyline-url.h"

/* The card does not act on the window: "Cited by N events" activates the
 * window's win.filter-source action with the source's id, and links open
 * through gtk_show_uri() only when the one URL policy allows them. */

struct _StorylineSourceCard
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkLabel *name_label;
  GtkLabel *citation_label;
  GtkLabel *locator_label;
  GtkLabel *provenance_label;
  GtkLabel *reliability_label;
  GtkButton *cited_by_button;
  GtkButton *open_button;
  GtkButton *archive_button;
  GtkLabel *url_label;

  /* Owned references */
  StorylineSource *source;
  char *locator;              /* where the event cites it, or NULL */
  char *note;
  StorylineCitationStyle style;
};

G_DEFINE_FINAL_TYPE (StorylineSourceCard, storyline_source_card, GTK_TYPE_WIDGET)

static void
open_uri (GtkWidget  *widget,
          const char *uri)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (storyline_url_is_link (uri))
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
open_link_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  StorylineSourceCard *self = STORYLINE_SOURCE_CARD (widget);
  open_uri (widget, storyline_source_get_url (self->source));
}

static void
open_archive_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StorylineSourceCard *self = STORYLINE_SOURCE_CARD (widget);
  open_uri (widget, storyline_source_get_archived_url (self->source));
}

static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  StorylineSourceCard *self = STORYLINE_SOURCE_CARD (widget);
  g_autofree char *text = storyline_source_format_in_style (self->source, self->style, STORYLINE_MARKUP_TEXT);
  g_autofree char *html = storyline_source_format_in_style (self->source, self->style, STORYLINE_MARKUP_HTML);

  storyline_clipboard_set_text_and_html (gtk_widget_get_clipboard (widget), text, html);
  gtk_widget_activate_action (widget, "win.show-toast", "s", _("Citation copied"));
}

/* The short form, with where the event cites the source: APA's and MLA's
 * parenthetical citation, Chicago's note. */
static void
copy_in_text_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  StorylineSourceCard *self = STORYLINE_SOURCE_CARD (widget);
  StorylineCitationStyle style = self->style == STORYLINE_CITATION_CHICAGO ? STORYLINE_CITATION_CHICAGO_NOTE : self->style;
  g_autofree char *text = storyline_source_format_in_text (self->source, style, self->locator, STORYLINE_MARKUP_TEXT);
  g_autofree char *html = storyline_source_format_in_text (self->source, style, self->locator, STORYLINE_MARKUP_HTML);

  storyline_clipboard_set_text_and_html (gtk_widget_get_clipboard (widget), text, html);
  gtk_widget_activate_action (widget, "win.show-toast", "s",
                              style == STORYLINE_CITATION_CHICAGO_NOTE ? _("Note copied") : _("In-text citation copied"));
}

static const char *
describe_reliability (StorylineReliability reliability)
{
  switch (reliability)
    {
    case STORYLINE_RELIABILITY_PRIMARY:
      return _("Primary source");
    case STORYLINE_RELIABILITY_SECONDARY:
      return _("Secondary source");
    case STORYLINE_RELIABILITY_REWRITE:
      return _("Rewrite of another source");
    case STORYLINE_RELIABILITY_UNKNOWN:
    default:
      return NULL;
    }
}

/* A link button says where it goes before it goes there. */
static void
set_link (StorylineSourceCard *self,
          GtkButton           *button,
          const char          *url,
          gboolean             archived)
{
  g_autofree char *host = NULL;
  g_autofree char *label = NULL;

  if (url == NULL || storyline_url_check (url, &host) != STORYLINE_URL_LINK)
    {
      gtk_widget_set_visible (GTK_WIDGET (button), FALSE);
      return;
    }

  if (archived)
    /* Translators: %s is a host name such as web.archive.org */
    label = g_strdup_printf (_("Archived copy at %s"), host);
  else
    /* Translators: %s is a host name such as www.dawn.com */
    label = g_strdup_printf (_("Open %s"), host);
  gtk_button_set_label (button, label);
  if (GTK_IS_LABEL (gtk_button_get_child (button)))
    gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (button)), PANGO_ELLIPSIZE_MIDDLE);
  storyline_widget_set_story_tooltip (GTK_WIDGET (button), url);
}

static void
update (StorylineSourceCard *self,
        const StorylineSourceRef *ref)
{
  StorylineSource *source = self->source;
  g_autofree char *provenance = storyline_source_dup_provenance (source);
  g_autofree char *cited_by = NULL;
  g_autofree char *locator = NULL;
  const char *url = storyline_source_get_url (source);
  const char *reliability = describe_reliability (storyline_source_get_reliability (source));
  guint n_events = storyline_source_get_n_events (source);

  storyline_label_set_story_text (self->name_label, storyline_source_get_short_name (source));
  storyline_label_set_citation (self->citation_label, NULL, source, self->style);

  if (ref->locator != NULL && ref->note != NULL)
    locator = g_strdup_printf ("%s — %s", ref->locator, ref->note);
  else if (ref->locator != NULL || ref->note != NULL)
    locator = g_strdup (ref->locator ? ref->locator : ref->note);
  storyline_label_set_story_text (self->locator_label, locator);
  gtk_widget_set_visible (GTK_WIDGET (self->locator_label), locator != NULL);

  if (provenance != NULL)
    {
      /* Translators: the chain of sources a source reports or rewrites */
      g_autofree char *text = g_strdup_printf (_("Derived from: %s"), provenance);
      storyline_label_set_story_text (self->provenance_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->provenance_label), provenance != NULL);

  gtk_label_set_text (self->reliability_label, reliability);
  gtk_widget_set_visible (GTK_WIDGET (self->reliability_label), reliability != NULL);

  cited_by = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Cited by %u event", "Cited by %u events", n_events), n_events);
  gtk_button_set_label (self->cited_by_button, cited_by);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->cited_by_button), "s", storyline_source_get_id (source));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->cited_by_button), _("Show only the events that cite this source"));

  set_link (self, self->open_button, url, FALSE);
  set_link (self, self->archive_button, storyline_source_get_archived_url (source), TRUE);

  /* A URL that is not a link is still shown, as text. */
  if (url != NULL && !storyline_url_is_link (url))
    {
      storyline_label_set_story_text (self->url_label, url);
      gtk_widget_set_visible (GTK_WIDGET (self->url_label), TRUE);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  storyline_source_get_short_name (source), -1);
}

/**
 * storyline_source_card_get_source:
 *
 * Returns: (transfer none): the source shown
 */
StorylineSource *
storyline_source_card_get_source (StorylineSourceCard *self)
{
  g_return_val_if_fail (STORYLINE_IS_SOURCE_CARD (self), NULL);
  return self->source;
}

static void
storyline_source_card_dispose (GObject *object)
{
  StorylineSourceCard *self = STORYLINE_SOURCE_CARD (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), STORYLINE_TYPE_SOURCE_CARD);
  /* The template's top box has no id: a widget that is its own container
   * unparents it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->source);
  g_clear_pointer (&self->locator, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (storyline_source_card_parent_class)->dispose (object);
}

static void
storyline_source_card_class_init (StorylineSourceCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = storyline_source_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/storyline-source-card.ui");
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceCard, citation_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceCard, locator_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceCard, provenance_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceCard, reliability_label);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceCard, cited_by_button);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceCard, open_button);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceCard, archive_button);
  gtk_widget_class_bind_template_child (widget_class, StorylineSourceCard, url_label);

  gtk_widget_class_install_action (widget_class, "source.copy", NULL, copy_activated);
  /* Ctrl+C with the focus in the card (on one of its buttons) copies its
   * citation, as it copies a focused quote. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "source.copy", NULL);
  gtk_widget_class_install_action (widget_class, "source.copy-in-text", NULL, copy_in_text_activated);
  gtk_widget_class_install_action (widget_class, "source.open", NULL, open_link_activated);
  gtk_widget_class_install_action (widget_class, "source.open-archive", NULL, open_archive_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sourcecard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
storyline_source_card_init (StorylineSourceCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * storyline_source_card_new:
 * @ref: the source as the event cites it, with its locator
 */
GtkWidget *
storyline_source_card_new (const StorylineSourceRef *ref,
                           int                       style)
{
  StorylineSourceCard *self = g_object_new (STORYLINE_TYPE_SOURCE_CARD, NULL);

  self->source = g_object_ref (ref->source);
  self->locator = g_strdup (ref->locator);
  self->note = g_strdup (ref->note);
  self->style = style;
  update (self, ref);
  return GTK_WIDGET (self);
}

/**
 * storyline_source_card_refresh:
 *
 * Shows the source as it now is: edited, say.
 */
void
storyline_source_card_refresh (StorylineSourceCard *self)
{
  StorylineSourceRef ref;

  g_return_if_fail (STORYLINE_IS_SOURCE_CARD (self));
  ref = (StorylineSourceRef) { self->source, self->locator, self->note };
  update (self, &ref);
}
